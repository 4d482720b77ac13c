using System.Text.RegularExpressions;

namespace LiveGrains.Deploy.Tests.Support;

/// <summary>
/// The repository's <c>.dockerignore</c>, for the patterns it uses: <c>**/</c>, <c>*</c> and directory patterns ending
/// in <c>/</c>. A path is left out of the build context when it or one of its folders matches.
/// </summary>
internal sealed class DockerIgnore
{
    private readonly IReadOnlyList<Regex> _patterns;

    private DockerIgnore(IReadOnlyList<Regex> patterns) => _patterns = patterns;

    public static DockerIgnore Load() => new(Repository.Read(".dockerignore").Split('\n')
        .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(p => p.StartsWith('!') ? throw new NotSupportedException($".dockerignore exception '{p}' is not supported here") : p.TrimEnd('/'))
        .Select(p => new Regex("^" + Regex.Escape(p).Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant))
        .ToList());

    /// <summary>Whether <paramref name="relativePath"/> (from the repository root, with '/') is outside the build context.</summary>
    public bool Excludes(string relativePath)
    {
        var parts = relativePath.Trim('/').Split('/');
        for (var length = 1; length <= parts.Length; length++)
        {
            var candidate = string.Join('/', parts.Take(length));
            if (_patterns.Any(p => p.IsMatch(candidate))) return true;
        }
        return false;
    }
}

using System.Text.Json;

namespace LiveGrains.Deploy.Tests.Support;

/// <summary>One instruction of a Dockerfile: its keyword (upper case) and the rest of its (joined) lines.</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments)
{
    /// <summary>The arguments split on white space (our Dockerfiles quote nothing outside JSON arrays).</summary>
    public string[] Words => Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>One build stage: <c>FROM image [AS name]</c> and what follows it.</summary>
internal sealed record DockerStage(string Name, string BaseImage, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);

    /// <summary>Variables set by <c>ENV k=v ...</c>.</summary>
    public IReadOnlyDictionary<string, string> Environment => All("ENV").SelectMany(i => i.Words)
        .Select(w => w.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);

    /// <summary>Ports of <c>EXPOSE</c>.</summary>
    public IReadOnlySet<int> Exposed => All("EXPOSE").SelectMany(i => i.Words).Select(int.Parse).ToHashSet();
}

/// <summary>The parts of a Dockerfile the deployment tests read: stages, their copies, runs, environment and entry point.</summary>
internal sealed class Dockerfile
{
    private Dockerfile(string path, IReadOnlyList<DockerStage> stages) => (Path, Stages) = (path, stages);

    public string Path { get; }

    public IReadOnlyList<DockerStage> Stages { get; }

    /// <summary>The stage the image is made of.</summary>
    public DockerStage Final => Stages[^1];

    public DockerStage Stage(string name) => Stages.SingleOrDefault(s => s.Name == name)
        ?? throw new InvalidOperationException($"{Path} has no stage '{name}'.");

    /// <summary>The entry point's assembly, e.g. <c>LiveGrains.Silo.dll</c> of <c>["dotnet", "LiveGrains.Silo.dll"]</c>.</summary>
    public string EntryAssembly
    {
        get
        {
            var entry = JsonSerializer.Deserialize<string[]>(Final.All("ENTRYPOINT").Single().Arguments)!;
            entry[0].ShouldBe("dotnet", $"{Path}: the entry point runs an assembly with dotnet");
            return entry[1];
        }
    }

    public static Dockerfile Load(string relativePath)
    {
        var stages = new List<DockerStage>();
        List<DockerInstruction>? current = null;
        foreach (var line in LogicalLines(Repository.Read(relativePath)))
        {
            var split = line.IndexOf(' ', StringComparison.Ordinal);
            var keyword = (split < 0 ? line : line[..split]).ToUpperInvariant();
            var arguments = split < 0 ? "" : line[(split + 1)..].Trim();
            if (keyword == "FROM")
            {
                var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                current = [];
                stages.Add(new DockerStage(words.Length == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : "", words[0], current));
                continue;
            }
            (current ?? throw new InvalidDataException($"{relativePath}: '{keyword}' before the first FROM")).Add(new DockerInstruction(keyword, arguments));
        }
        return new Dockerfile(relativePath, stages);
    }

    // Comments and blank lines dropped, backslash continuations joined.
    private static IEnumerable<string> LogicalLines(string text)
    {
        var pending = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (pending.Length == 0 && (line.Length == 0 || line.StartsWith('#'))) continue;
            if (line.EndsWith('\\'))
            {
                pending += line[..^1].Trim() + " ";
                continue;
            }
            yield return pending + line;
            pending = "";
        }
        if (pending.Length > 0) yield return pending.Trim();
    }
}

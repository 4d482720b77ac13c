using System.Reflection;

namespace LiveGrains.Silo.Tests.Support;

/// <summary>
/// Where the built silo and web hosts are: <c>src/&lt;project&gt;/bin/&lt;Configuration&gt;/net10.0</c> under the repository
/// root, in the configuration this test assembly was built with (the project references build them first).
/// </summary>
public static class BuiltHosts
{
    private const string TargetFramework = "net10.0";

    /// <summary>The repository root (the folder holding <c>LiveGrains.sln</c>).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Build configuration of this test assembly, so a Release test run starts Release hosts.</summary>
    public static string Configuration { get; } =
        typeof(BuiltHosts).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "BuildConfiguration")?.Value ?? "Debug";

    /// <summary><c>LiveGrains.Silo.dll</c>.</summary>
    public static string SiloDll => Dll("LiveGrains.Silo");

    /// <summary><c>LiveGrains.Web.dll</c>.</summary>
    public static string WebDll => Dll("LiveGrains.Web");

    private static string Dll(string project)
    {
        var path = Path.Combine(RepositoryRoot, "src", project, "bin", Configuration, TargetFramework, $"{project}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: build {project} in {Configuration} first.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LiveGrains.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No LiveGrains.sln above {AppContext.BaseDirectory}.");
    }
}

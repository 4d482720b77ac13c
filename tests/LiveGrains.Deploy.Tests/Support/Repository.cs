namespace LiveGrains.Deploy.Tests.Support;

/// <summary>The repository this test assembly was built from: the folder holding <c>LiveGrains.sln</c>.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LiveGrains.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No LiveGrains.sln above {AppContext.BaseDirectory}.");
    }
}

using System.Xml.Linq;
using LiveGrains.Deploy.Tests.Support;

namespace LiveGrains.Deploy.Tests;

/// <summary>
/// The images' build stages against the projects they build. Without a container engine the stage is replayed from
/// exactly the files it copies (<see cref="BuildStageReplay"/>), which is where a Dockerfile usually breaks: a project
/// gained a reference that the image does not copy.
/// </summary>
public sealed class ImageBuildTests
{
    // Files at the root that every build reads (SDK pin, shared properties, central package versions, analyzers' settings).
    private static readonly string[] BuildRootFiles = ["global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig"];

    public static TheoryData<string> Images => ["deploy/silo.Dockerfile", "deploy/web.Dockerfile"];

    [Theory]
    [MemberData(nameof(Images))]
    public void An_image_copies_every_project_its_entry_point_is_built_from_and_the_shared_build_files(string image)
    {
        var dockerfile = Dockerfile.Load(image);
        var build = dockerfile.Stage("build");
        var copied = build.All("COPY").Where(c => !c.Arguments.StartsWith("--from=", StringComparison.Ordinal))
            .SelectMany(c => c.Words[..^1]).ToHashSet(StringComparer.Ordinal);
        var entryProject = Path.GetFileNameWithoutExtension(dockerfile.EntryAssembly);

        foreach (var project in ProjectClosure($"src/{entryProject}/{entryProject}.csproj"))
        {
            var folder = Path.GetDirectoryName(project)!.Replace('\\', '/');
            copied.ShouldContain(project, $"{image} restores without {project}");
            copied.ShouldContain($"{folder}/", $"{image} builds without the sources of {folder}");
        }
        foreach (var file in BuildRootFiles.Where(f => File.Exists(Repository.PathOf(f))))
        {
            copied.ShouldContain(file, $"{image} builds without {file}");
        }
        foreach (var optional in new[] { "Directory.Build.targets", "NuGet.config", "nuget.config" }.Where(f => File.Exists(Repository.PathOf(f))))
        {
            copied.ShouldContain(optional, $"{image} builds without {optional}");
        }
    }

    [Theory]
    [MemberData(nameof(Images))]
    public async Task An_image_build_stage_publishes_its_entry_point_from_only_the_files_it_copies(string image)
    {
        var dockerfile = Dockerfile.Load(image);
        using var replay = new BuildStageReplay(Path.Combine(Path.GetTempPath(), $"livegrains-image-{Guid.NewGuid():N}"));

        // The web image's dashboard comes from its Node stage; this .NET stage is told to skip it (SkipDashboardBuild),
        // and the dashboard's own build is part of every test run's build.
        await replay.RunAsync(dockerfile.Stage("build"), TestContext.Current.CancellationToken);

        var published = dockerfile.Final.All("COPY").Single(c => c.Arguments.StartsWith("--from=build ", StringComparison.Ordinal)).Words[1];
        File.Exists(Path.Combine(replay.HostPath(published), dockerfile.EntryAssembly)).ShouldBeTrue($"{image}: {published} has no {dockerfile.EntryAssembly}");
    }

    // The project and every project it references, directly or not, as repository paths.
    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next)) continue;
            var folder = Path.GetDirectoryName(Repository.PathOf(next))!;
            foreach (var reference in XDocument.Load(Repository.PathOf(next)).Descendants("ProjectReference"))
            {
                var path = Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(Repository.Root, path).Replace('\\', '/'));
            }
        }
        return seen;
    }
}

using System.Diagnostics;
using System.Text.RegularExpressions;

namespace LiveGrains.Deploy.Tests.Support;

/// <summary>
/// Replays a Dockerfile's build stage without a container engine: a scratch folder stands for the container's file
/// system, each <c>COPY</c> from the build context copies exactly those files (minus <c>.dockerignore</c>), and each
/// <c>RUN</c> runs with bash in the stage's working folder. What the real build would lack, this one lacks too: a
/// project that is referenced but not copied fails it. Copies from other stages are left out (see the caller).
/// </summary>
internal sealed partial class BuildStageReplay(string root) : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);
    private readonly DockerIgnore _ignore = DockerIgnore.Load();

    /// <summary>Where a container path is in the scratch folder.</summary>
    public string HostPath(string containerPath) => Path.Combine(root, containerPath.TrimStart('/'));

    public async Task RunAsync(DockerStage stage, CancellationToken cancellationToken)
    {
        var workdir = "/";
        foreach (var instruction in stage.Instructions)
        {
            switch (instruction.Keyword)
            {
                case "WORKDIR":
                    workdir = Path.Combine(workdir, instruction.Arguments);
                    Directory.CreateDirectory(HostPath(workdir));
                    break;
                case "COPY" when !instruction.Arguments.StartsWith("--from=", StringComparison.Ordinal):
                    Copy(instruction.Words, workdir);
                    break;
                case "RUN":
                    await Run(instruction.Arguments, workdir, cancellationToken);
                    break;
            }
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    private void Copy(string[] words, string workdir)
    {
        var destination = words[^1];
        var target = HostPath(destination.StartsWith('/') ? destination : Path.Combine(workdir, destination));
        foreach (var source in words[..^1])
        {
            var from = Repository.PathOf(source);
            if (Directory.Exists(from))
            {
                foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
                {
                    var relative = Path.GetRelativePath(Repository.Root, file).Replace('\\', '/');
                    if (_ignore.Excludes(relative)) continue;
                    var into = Path.Combine(target, Path.GetRelativePath(from, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(into)!);
                    File.Copy(file, into, overwrite: true);
                }
            }
            else if (File.Exists(from))
            {
                Directory.CreateDirectory(target);
                File.Copy(from, destination.EndsWith('/') || words.Length > 2 ? Path.Combine(target, Path.GetFileName(from)) : target, overwrite: true);
            }
            else
            {
                throw new FileNotFoundException($"COPY source '{source}' is not in the build context.", from);
            }
        }
    }

    private async Task Run(string command, string workdir, CancellationToken cancellationToken)
    {
        // Absolute container paths in the command (the publish output, "/app") point into the scratch folder.
        var local = ContainerPath().Replace(command, m => m.Groups["lead"].Value + HostPath(m.Groups["path"].Value));
        var info = new ProcessStartInfo("bash") { WorkingDirectory = HostPath(workdir), RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(local);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RunTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"RUN {command} did not finish within {RunTimeout}.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"RUN {command} failed with exit code {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    [GeneratedRegex(@"(?<lead>^|\s)(?<path>/[A-Za-z][A-Za-z0-9_./-]*)")]
    private static partial Regex ContainerPath();
}

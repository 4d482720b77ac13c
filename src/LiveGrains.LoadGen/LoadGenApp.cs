using LiveGrains.LoadGen.Cli;
using LiveGrains.LoadGen.Reports;
using LiveGrains.LoadGen.Runs;

namespace LiveGrains.LoadGen;

/// <summary>The load generator as a callable: what <c>Program.cs</c> runs and what the smoke test runs.</summary>
public static class LoadGenApp
{
    /// <summary>Runs the suite, prints the summary, writes JSON if asked; 0 when every check passed, 1 otherwise.</summary>
    public static async Task<int> RunAsync(LoadGenOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var result = await RunSuiteAsync(options, output, cancellationToken);
        return result.Passed ? 0 : 1;
    }

    /// <summary>Runs the suite and reports it; returns the result for callers that inspect it.</summary>
    public static async Task<SuiteResult> RunSuiteAsync(LoadGenOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var result = await new BenchmarkSuite(options, output).RunAsync(cancellationToken);
        SummaryTable.Write(result, output);
        if (options.JsonPath is { } path)
        {
            await JsonReport.WriteAsync(result, path, cancellationToken);
            output.WriteLine($"results: {path}");
        }
        return result;
    }
}

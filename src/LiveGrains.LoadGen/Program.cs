using LiveGrains.LoadGen;
using LiveGrains.LoadGen.Cli;
using LiveGrains.LoadGen.Durable;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

if (args.FirstOrDefault() == "durable")
{
    var (durable, durableError) = DurableBenchOptions.Parse(args[1..]);
    if (durable is null)
    {
        Console.Error.WriteLine($"durable: {durableError}");
        return 2;
    }
    return await DurableIngestBenchmark.RunAsync(durable, Console.Out, cancel.Token);
}

var (options, error) = OptionsParser.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(error);
    return args.Contains("--help") || args.Contains("-h") ? 0 : 2;
}
return await LoadGenApp.RunAsync(options, Console.Out, cancel.Token);

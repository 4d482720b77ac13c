using LiveGrains.LoadGen;
using LiveGrains.LoadGen.Cli;
using LiveGrains.LoadGen.Codec;
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

if (args.FirstOrDefault() == "codec")
{
    // codec [cards] [rounds]
    var numbers = args[1..].Select(a => int.TryParse(a, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1).ToArray();
    if (numbers.Length > 2 || numbers.Any(n => n < 0))
    {
        Console.Error.WriteLine("codec: usage: codec [cards (default 10000)] [rounds (default 5)], positive integers");
        return 2;
    }
    return CardCodecBenchmark.Run(numbers.ElementAtOrDefault(0) is > 0 and var cards ? cards : 10_000, numbers.ElementAtOrDefault(1) is > 0 and var rounds ? rounds : 5, Console.Out);
}

var (options, error) = OptionsParser.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(error);
    return args.Contains("--help") || args.Contains("-h") ? 0 : 2;
}
return await LoadGenApp.RunAsync(options, Console.Out, cancel.Token);

using LiveGrains.LoadGen;
using LiveGrains.LoadGen.Cli;
using LiveGrains.LoadGen.Codec;
using LiveGrains.LoadGen.Durable;
using LiveGrains.LoadGen.Rollup;

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
    if (PositiveNumbers(args[1..], 2) is not { } numbers)
    {
        Console.Error.WriteLine("codec: usage: codec [cards (default 10000)] [rounds (default 5)], positive integers");
        return 2;
    }
    return CardCodecBenchmark.Run(Or(numbers, 0, 10_000), Or(numbers, 1, 5), Console.Out);
}

if (args.FirstOrDefault() == "json")
{
    if (PositiveNumbers(args[1..], 2) is not { } numbers)
    {
        Console.Error.WriteLine("json: usage: json [events (default 300000)] [passes (default 20)], positive integers");
        return 2;
    }
    return IngestJsonBenchmark.Run(Or(numbers, 0, 300_000), Or(numbers, 1, 20), Console.Out);
}

if (args.FirstOrDefault() == "rollup")
{
    if (PositiveNumbers(args[1..], 2) is not { } numbers)
    {
        Console.Error.WriteLine("rollup: usage: rollup [events per LIVE (default 100)] [passes (default 12)], positive integers");
        return 2;
    }
    return RollupCostBenchmark.Run(Or(numbers, 0, 100), Or(numbers, 1, 12), Console.Out);
}

if (args.FirstOrDefault() == "memory")
{
    if (PositiveNumbers(args[1..], 9) is not { } numbers)
    {
        Console.Error.WriteLine("memory: usage: memory [LIVEs (default 200)] [minutes on air... (default 3 60 180)], at most 8 times, positive integers");
        return 2;
    }
    return RollupMemoryBenchmark.Run(Or(numbers, 0, 200), numbers.Count > 1 ? numbers.Skip(1).ToList() : null, Console.Out);
}

var (options, error) = OptionsParser.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(error);
    return args.Contains("--help") || args.Contains("-h") ? 0 : 2;
}
return await LoadGenApp.RunAsync(options, Console.Out, cancel.Token);

// The arguments of a micro-benchmark: at most `most` positive integers, or null when they are not.
static IReadOnlyList<int>? PositiveNumbers(string[] values, int most)
{
    var numbers = values.Select(v => int.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1).ToList();
    return numbers.Count > most || numbers.Any(n => n < 0) ? null : numbers;
}

static int Or(IReadOnlyList<int> numbers, int index, int fallback) => index < numbers.Count ? numbers[index] : fallback;

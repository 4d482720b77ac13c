namespace LiveGrains.LoadGen.Durable;

/// <summary>Options of <c>LiveGrains.LoadGen durable</c>.</summary>
public sealed record DurableBenchOptions
{
    /// <summary>Npgsql connection string of a database the benchmark may migrate and truncate.</summary>
    public string Postgres { get; init; } = "";

    /// <summary>Concurrent LIVEs the events come from.</summary>
    public int Lives { get; init; } = 10_000;

    /// <summary>Events per round.</summary>
    public int Events { get; init; } = 300_000;

    /// <summary>Events per append (what one grain call accepts).</summary>
    public int AppendSize { get; init; } = 4;

    /// <summary>
    /// LIVEs appending at once, each with one append in flight as a LIVE grain has (it acknowledges a batch before it
    /// takes the next). Null: every LIVE of the run, as on a silo hosting them all.
    /// </summary>
    public int? Concurrency { get; init; }

    /// <summary>Alternating rounds of raw COPY and the log writer; the medians are compared.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>Workload seed.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Where to write the JSON results (optional).</summary>
    public string? JsonPath { get; init; }

    /// <summary>Parses <c>--postgres</c>, <c>--lives</c>, <c>--events</c>, <c>--append-size</c>, <c>--concurrency</c>, <c>--rounds</c>, <c>--seed</c>, <c>--json</c>.</summary>
    public static (DurableBenchOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var o = new DurableBenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            if (i + 1 >= args.Count) return (null, $"{args[i]} needs a value");
            var v = args[++i];
            int Int() => int.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
                ? n : throw new FormatException($"{args[i - 1]} must be a positive integer, got '{v}'");
            try
            {
                o = args[i - 1] switch
                {
                    "--postgres" => o with { Postgres = v },
                    "--lives" => o with { Lives = Int() },
                    "--events" => o with { Events = Int() },
                    "--append-size" => o with { AppendSize = Int() },
                    "--concurrency" => o with { Concurrency = Int() },
                    "--rounds" => o with { Rounds = Int() },
                    "--seed" => o with { Seed = Int() },
                    "--json" => o with { JsonPath = v },
                    _ => throw new FormatException($"unknown option {args[i - 1]}"),
                };
            }
            catch (FormatException ex)
            {
                return (null, ex.Message);
            }
        }
        return string.IsNullOrWhiteSpace(o.Postgres) ? (null, "--postgres <connection string> is required") : (o, null);
    }
}

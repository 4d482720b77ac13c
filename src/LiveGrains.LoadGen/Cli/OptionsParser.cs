using System.Globalization;

namespace LiveGrains.LoadGen.Cli;

/// <summary>Parses <c>--name value</c> pairs into <see cref="LoadGenOptions"/>; unknown names are errors, not silently ignored.</summary>
public static class OptionsParser
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        LiveGrains load generator
          --targets limit,inproc   inproc | limit | client | http | redis (comma separated, run in order on the same events)
          --lives 10000            concurrent LIVEs        --agencies 100     agencies
          --events 1000000         events generated        --duration 0       wall seconds cap per target (0: all)
          --batch 1000             events per request      --concurrency 8    requests in flight
          --rate 0                 events/s (0: max)       --duplicates 0.005 share re-sent with the same id
          --seed 42  --rate-scale 1  --sim-step 1 (simulated seconds per step)
          --gateway 30000  --url http://127.0.0.1:5080  --token <jwt>  --redis 127.0.0.1:6379
          --cluster-id dev         ClusterId of the gateway's silos (cluster mode's)   --service-id (default: the cluster id)
          --signing-key <key>      the host's HMAC key: mint a service token and agency tokens   --issuer livegrains
          --dashboards 1000        SignalR dashboards during client/http (needs --signing-key; 0: none)
          --host-pid 0             web host process, to report its CPU
          --on-air-first           put every LIVE on air (unmeasured) and wait until dashboards show them, then measure
          --warm-up-seconds 12     wall seconds each target's warm-up lasts at least (its JIT must also settle)
          --rounds 1               rounds of all targets, order alternating, each with new LIVEs; ratios by round and median
          --alloc-sample           list the types allocated most in each measured phase (sampled; costs some CPU)
          --silo-port 22111  --silo-gateway 32000  --json results.json  --no-progress
        """;

    /// <summary>Parses <paramref name="args"/>; returns an error message instead of options when they are wrong.</summary>
    public static (LoadGenOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var o = new LoadGenOptions();
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                var name = args[i];
                if (name == "--no-progress") { o = o with { Progress = false }; continue; }
                if (name == "--on-air-first") { o = o with { OnAirFirst = true }; continue; }
                if (name == "--alloc-sample") { o = o with { AllocationSample = true }; continue; }
                if (name is "--help" or "-h") return (null, Usage);
                if (i + 1 >= args.Count) return (null, $"{name} needs a value\n{Usage}");
                var v = args[++i];
                o = name switch
                {
                    "--targets" => o with { Targets = v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                    "--lives" => o with { Lives = Int(v) },
                    "--agencies" => o with { Agencies = Int(v) },
                    "--seed" => o with { Seed = Int(v) },
                    "--rate-scale" => o with { RateScale = Dbl(v) },
                    "--sim-step" => o with { SimStepSeconds = Dbl(v) },
                    "--events" => o with { Events = long.Parse(v, CultureInfo.InvariantCulture) },
                    "--duration" => o with { DurationSeconds = Dbl(v) },
                    "--batch" => o with { Batch = Int(v) },
                    "--concurrency" => o with { Concurrency = Int(v) },
                    "--rate" => o with { Rate = Dbl(v) },
                    "--duplicates" => o with { Duplicates = Dbl(v) },
                    "--max-attempts" => o with { MaxAttempts = Int(v) },
                    "--silo-port" => o with { SiloPort = Int(v) },
                    "--silo-gateway" => o with { SiloGatewayPort = Int(v) },
                    "--gateway" => o with { Gateway = Int(v) },
                    "--cluster-id" => o with { ClusterId = v },
                    "--service-id" => o with { ServiceId = v },
                    "--url" => o with { Url = new Uri(v) },
                    "--token" => o with { Token = v },
                    "--signing-key" => o with { SigningKey = v },
                    "--issuer" => o with { Issuer = v },
                    "--dashboards" => o with { Dashboards = Int(v) },
                    "--host-pid" => o with { HostProcessId = Int(v) },
                    "--redis" => o with { Redis = v },
                    "--json" => o with { JsonPath = v },
                    "--warm-up-seconds" => o with { WarmUpSeconds = Dbl(v) },
                    "--rounds" => o with { Rounds = Int(v) },
                    _ => throw new FormatException($"unknown option {name}"),
                };
            }
        }
        catch (FormatException ex)
        {
            return (null, $"{ex.Message}\n{Usage}");
        }
        var known = new[] { "inproc", "limit", "client", "http", "redis" };
        var unknown = o.Targets.FirstOrDefault(t => !known.Contains(t));
        if (unknown is not null) return (null, $"unknown target {unknown}\n{Usage}");
        if (o.Lives <= 0 || o.Batch <= 0 || o.Concurrency <= 0 || o.Events <= 0) return (null, $"--lives, --batch, --concurrency and --events must be positive\n{Usage}");
        if (o.WarmUpSeconds is < 0 or > 600) return (null, $"--warm-up-seconds must be between 0 and 600\n{Usage}");
        // Each round sends LIVEs of its own, and so does each host target within a round (they share the host's grains), and
        // the in-process target's memory pass of each round.
        var runsPerRound = Math.Max(o.Targets.Count(t => t is "client" or "http"), o.Targets.Contains("inproc") ? 2 : 1);
        var maxRounds = LoadGenOptions.MaxRuns / runsPerRound;
        if (o.Rounds < 1 || o.Rounds > maxRounds) return (null, $"--rounds must be between 1 and {maxRounds} with these targets: the workload has LIVE ids for {LoadGenOptions.MaxRuns} runs\n{Usage}");
        if (o.Dashboards < 0) return (null, $"--dashboards must be 0 or more\n{Usage}");
        if (o.SigningKey is { } key && System.Text.Encoding.UTF8.GetByteCount(key) < 32) return (null, "--signing-key must be at least 32 bytes, as the host requires");
        // Sending anywhere but this machine is not what a benchmark of this repository is for.
        if (!o.Url.IsLoopback) return (null, "--url must be a loopback address");
        return (o, null);
    }

    private static int Int(string v) => int.Parse(v, CultureInfo.InvariantCulture);

    private static double Dbl(string v) => double.Parse(v, CultureInfo.InvariantCulture);
}

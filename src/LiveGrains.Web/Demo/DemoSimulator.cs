using LiveGrains.Contracts.Grains;
using LiveGrains.Simulation;
using Microsoft.Extensions.Options;

namespace LiveGrains.Web.Demo;

/// <summary>
/// Keeps a demo world running in embedded mode: binds its agencies and creators, writes a few days of
/// completed LIVEs into history, then feeds the LIVEs on air every second through the same grain ingest
/// path that producers use. Off with <c>LiveGrains:Demo:Enabled=false</c>.
/// </summary>
public sealed partial class DemoSimulator(IGrainFactory grains, IOptions<SimulationOptions> options, TimeProvider clock, ILogger<DemoSimulator> logger)
    : BackgroundService
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        var world = new LiveWorld(options.Value);
        await Seed(world);

        var history = 0;
        foreach (var live in world.History(clock.GetUtcNow()))
        {
            stoppingToken.ThrowIfCancellationRequested();
            foreach (var chunk in live.Chunk(5_000)) await grains.IngestAsync(chunk);
            history++;
        }
        LogSeeded(logger, world.Agencies.Count, world.Creators.Count, history);

        using var timer = new PeriodicTimer(Step, clock);
        do
        {
            try
            {
                var events = world.Step(clock.GetUtcNow(), Step);
                foreach (var chunk in events.Chunk(5_000)) await grains.IngestAsync(chunk);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogStepFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task Seed(LiveWorld world)
    {
        foreach (var agency in world.Agencies) await grains.GetGrain<IAgencyGrain>(agency.AgencyId).Rename(agency.Name);
        foreach (var creator in world.Creators)
        {
            var grain = grains.GetGrain<ICreatorGrain>(creator.CreatorId);
            await grain.SetProfile(creator.Name, null, creator.Type);
            await grain.BindAgency(creator.AgencyId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo world ready: {Agencies} agencies, {Creators} creators, {History} completed LIVEs in history")]
    private static partial void LogSeeded(ILogger logger, int agencies, int creators, int history);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A demo simulation step failed; the next one goes on")]
    private static partial void LogStepFailed(ILogger logger, Exception exception);
}

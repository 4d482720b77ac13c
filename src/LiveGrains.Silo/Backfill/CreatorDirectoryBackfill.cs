using LiveGrains.Grains.Agencies;
using LiveGrains.Grains.Creators;
using LiveGrains.Grains.Hosting;
using LiveGrains.Storage.Directory;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;

namespace LiveGrains.Silo.Backfill;

/// <summary>
/// Fills the creator directory (migration 0004) from the creator and agency grain states stored before it existed, once
/// per database, as a cluster silo starts. Without it, creators and agencies that did not change since the upgrade stay
/// out of creator search until they do. The states are read from Orleans' ADO.NET storage table and deserialized with the
/// storage provider's own serializer, so the format always matches; directory rows are only added where missing (see
/// <see cref="DirectoryBackfillSession"/>), and the grains' write-through stays the source of truth.
/// </summary>
public sealed partial class CreatorDirectoryBackfill(
    DirectoryBackfillStore store,
    IOptionsMonitor<AdoNetGrainStorageOptions> storageOptions,
    IOptions<ClusterOptions> clusterOptions,
    ILogger<CreatorDirectoryBackfill> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        // Part of start, before the silo joins the cluster (the migrations ran before the silo started). The one run delays
        // only this start and those of silos starting with it, which wait on the lock and then skip; the cluster serves on.
        lifecycle.Subscribe(nameof(CreatorDirectoryBackfill), ServiceLifecycleStage.ApplicationServices, RunOrLogAsync);
    }

    /// <summary>Runs the backfill unless it is recorded as done; returns what it did, or null when it was done before.</summary>
    public async Task<DirectoryBackfillReport?> RunAsync(CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(cancellationToken);
        if (session is null)
        {
            LogAlreadyDone(logger);
            return null;
        }
        var serializer = storageOptions.Get(StorageNames.Grains).GrainStorageSerializer
            ?? throw new InvalidOperationException($"Grain storage '{StorageNames.Grains}' has no serializer.");
        var serviceId = clusterOptions.Value.ServiceId;
        var unreadable = 0;

        // An agency keeps the profile of each creator bound to it: their ids, spelled exactly, for the creator keys that
        // the storage row alone cannot spell (see StoredGrainKey).
        var creatorIds = new HashSet<string>(StringComparer.Ordinal);
        await session.AddMissingAgenciesAsync(serviceId, StorageNames.AgencyState, stored =>
        {
            if (Read<AgencyState>(stored, StorageNames.AgencyState) is not { } state) return null;
            creatorIds.UnionWith(state.Creators.Keys);
            // The agency's own id, as the profiles of its creators spell it.
            var agencyId = KeyOf(stored, StorageNames.AgencyState, state.Creators.Values.Select(p => p.AgencyId).OfType<string>().Distinct(StringComparer.Ordinal));
            return agencyId is null ? null : new BackfilledAgency(agencyId, NameOr(state.Name, agencyId));
        }, cancellationToken);

        var knownCreatorIds = creatorIds.ToLookup(StoredGrainKey.Of);
        await session.AddMissingCreatorsAsync(serviceId, StorageNames.CreatorState, stored =>
        {
            if (Read<CreatorState>(stored, StorageNames.CreatorState) is not { } state) return null;
            var creatorId = KeyOf(stored, StorageNames.CreatorState, knownCreatorIds[Key(stored)]);
            return creatorId is null ? null : new BackfilledCreator(creatorId, NameOr(state.Name, creatorId), state.AvatarUrl, state.CreatorType, state.AgencyId);
        }, cancellationToken);

        var report = await session.CompleteAsync(cancellationToken);
        LogDone(logger, report.AgencyStates, report.CreatorStates, report.Skipped, report.AgenciesAdded, report.CreatorsAdded,
            report.BindingsAdded, report.AgencyNamesFilled, report.CreatorProfilesFilled);
        return report;

        T? Read<T>(StoredGrainState stored, string stateName) where T : class
        {
            try
            {
                return serializer.Deserialize<T>(new BinaryData(stored.Payload));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One warning with the cause is enough: when one state does not read, the others usually fail alike.
                if (unreadable++ == 0) LogUnreadable(logger, ex, stateName, stored.N0, stored.N1, stored.KeyExtension);
                else LogUnreadableAgain(logger, stateName, stored.N0, stored.N1, stored.KeyExtension);
                return null;
            }
        }
    }

    /// <summary><see cref="RunAsync"/>, with a failure logged instead of thrown: nothing is recorded then, so the next start tries again.</summary>
    public async Task RunOrLogAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The directory lacks only what the grains' next changes would write, which is no reason to keep the silo down;
            // nothing was recorded, so the next start tries again.
            LogFailed(logger, ex);
        }
    }

    // A known id filed under the row's key columns is the row's grain; without one, only a string key held whole is
    // certain. A numeric key is not guessed (a wrong guess would be a directory row no grain ever corrects), so a
    // creator no agency lists, which creator search could not find anyway, waits for its grain's next write-through.
    // Two known ids under the same columns are two grains sharing one storage row: whose state it is cannot be told.
    private string? KeyOf(StoredGrainState stored, string stateName, IEnumerable<string> knownIds)
    {
        var key = Key(stored);
        var known = knownIds.Where(id => StoredGrainKey.Of(id) == key).Take(2).ToList();
        var id = known.Count switch { 1 => known[0], 0 => key.WholeKey, _ => null };
        if (id is null) LogUnknownKey(logger, stateName, key.N0, key.N1, key.Extension, known.Count);
        return id;
    }

    private static StoredGrainKey Key(StoredGrainState stored) => new(stored.N0, stored.N1, stored.KeyExtension);

    private static string NameOr(string? name, string id) => string.IsNullOrWhiteSpace(name) ? id : name;

    [LoggerMessage(Level = LogLevel.Information, Message = "Creator directory backfill was done before; skipped")]
    private static partial void LogAlreadyDone(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Creator directory backfill done: read {AgencyStates} agency and {CreatorStates} creator states, "
        + "skipped {Skipped} (unreadable, or a numeric key no agency spells); added {AgenciesAdded} agencies, {CreatorsAdded} creators and {BindingsAdded} bindings; "
        + "filled in {AgencyNamesFilled} agency names and {CreatorProfilesFilled} creator profiles the directory knew only by id")]
    private static partial void LogDone(ILogger logger, int agencyStates, int creatorStates, int skipped, int agenciesAdded, int creatorsAdded,
        int bindingsAdded, int agencyNamesFilled, int creatorProfilesFilled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A stored {StateName} state (key columns {N0}, {N1}, '{KeyExtension}') could not be deserialized; the directory backfill leaves it out")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string stateName, long n0, long n1, string keyExtension);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Another stored {StateName} state (key columns {N0}, {N1}, '{KeyExtension}') could not be deserialized")]
    private static partial void LogUnreadableAgain(ILogger logger, string stateName, long n0, long n1, string keyExtension);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The grain key of a stored {StateName} state (key columns {N0}, {N1}, '{KeyExtension}') cannot be told "
        + "({KnownSpellings} known ids match); the directory backfill leaves it out")]
    private static partial void LogUnknownKey(ILogger logger, string stateName, long n0, long n1, string keyExtension, int knownSpellings);

    [LoggerMessage(Level = LogLevel.Error, Message = "Creator directory backfill failed; the next silo start tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

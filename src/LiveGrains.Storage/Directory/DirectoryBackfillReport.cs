namespace LiveGrains.Storage.Directory;

/// <summary>What the creator directory backfill read and wrote; logged, and recorded with its <c>backfills</c> row.</summary>
/// <param name="AgencyStates">Agency grain states read.</param>
/// <param name="CreatorStates">Creator grain states read.</param>
/// <param name="Skipped">States left out: they could not be deserialized, or their grain key could not be told.</param>
/// <param name="AgenciesAdded">Agency rows added (from agency states, or for a creator's binding).</param>
/// <param name="AgencyNamesFilled">Agency rows a bind had created with the id as name, now carrying the stored name.</param>
/// <param name="CreatorsAdded">Creator rows added.</param>
/// <param name="CreatorProfilesFilled">Creator rows a bind had created from the id alone, now carrying the stored profile.</param>
/// <param name="BindingsAdded">Open bindings added.</param>
public sealed record DirectoryBackfillReport(
    int AgencyStates,
    int CreatorStates,
    int Skipped,
    int AgenciesAdded,
    int AgencyNamesFilled,
    int CreatorsAdded,
    int CreatorProfilesFilled,
    int BindingsAdded);

using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.History;
using LiveGrains.Contracts.Views;

namespace LiveGrains.Contracts.Directory;

/// <summary>
/// The read model of agencies, creators and who is bound to whom, for creator search with paging. Creator and
/// agency grains write through to it after their own state (which stays the truth of the live system), so every
/// write is idempotent: a command retried after a crash repeats it harmlessly. Bindings are kept as history: a
/// creator that moved between agencies keeps a closed row for each past binding.
/// </summary>
public interface ICreatorDirectory
{
    /// <summary>Creates the agency or renames it.</summary>
    Task UpsertAgencyAsync(string agencyId, string name, CancellationToken cancellationToken);

    /// <summary>Creates the creator or replaces its name, avatar and type.</summary>
    Task UpsertCreatorAsync(string creatorId, string name, string? avatarUrl, CreatorType creatorType, CancellationToken cancellationToken);

    /// <summary>
    /// Binds the creator to the agency from <paramref name="at"/>, closing its binding to any other agency at the same
    /// instant. Binding to the agency it is already bound to changes nothing. A creator or agency not written before
    /// is created with its id as name.
    /// </summary>
    /// <remarks>Not named BindAsync: ASP.NET Core would take the directory, a handler parameter, for a bindable type.</remarks>
    Task BindCreatorAsync(string creatorId, string agencyId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Closes the creator's binding to the agency at <paramref name="at"/>; nothing happens if it is not bound there.</summary>
    Task UnbindCreatorAsync(string creatorId, string agencyId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the creators bound to the agency now, whose name or id contains the search text (case-insensitive),
    /// ordered by name then id. The directory does not follow LIVEs, so <see cref="CreatorProfile.CurrentLiveId"/> is
    /// always null here. An invalid query (see <see cref="CreatorSearch.Validate"/>) throws <see cref="ArgumentException"/>.
    /// </summary>
    Task<Page<CreatorProfile>> SearchCreatorsAsync(CreatorSearch query, CancellationToken cancellationToken);

    /// <summary>
    /// The ids of every creator bound to the agency now, in no particular order: what an agency grain loads as it
    /// activates, so that binding a creator does not rewrite the agency's whole state.
    /// </summary>
    Task<IReadOnlyCollection<string>> GetBoundCreatorIdsAsync(string agencyId, CancellationToken cancellationToken);

    /// <summary>Every binding the creator ever had, oldest first (the open one, if any, last).</summary>
    Task<IReadOnlyList<CreatorBinding>> GetBindingsAsync(string creatorId, CancellationToken cancellationToken);
}

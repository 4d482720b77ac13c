using LiveGrains.Contracts.Directory;
using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.History;
using LiveGrains.Contracts.Views;

namespace LiveGrains.Grains.Directory;

/// <summary>
/// The creator directory of embedded mode: the same contract as the Postgres directory, held in memory for the life of
/// the process (one instance per silo, shared by every grain and the API).
/// </summary>
public sealed class InMemoryCreatorDirectory : ICreatorDirectory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _agencies = [];
    private readonly Dictionary<string, (string Name, string? AvatarUrl, CreatorType Type)> _creators = [];
    private readonly Dictionary<string, List<CreatorBinding>> _bindings = [];

    /// <inheritdoc />
    public Task UpsertAgencyAsync(string agencyId, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agencyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate) _agencies[agencyId] = name;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UpsertCreatorAsync(string creatorId, string name, string? avatarUrl, CreatorType creatorType, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(creatorId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate) _creators[creatorId] = (name, avatarUrl, creatorType);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task BindCreatorAsync(string creatorId, string agencyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(creatorId);
        ArgumentException.ThrowIfNullOrWhiteSpace(agencyId);
        lock (_gate)
        {
            _agencies.TryAdd(agencyId, agencyId);
            _creators.TryAdd(creatorId, (creatorId, null, default));
            var history = Bindings(creatorId);
            if (history.Count > 0 && history[^1] is { UnboundAt: null } open)
            {
                if (open.AgencyId == agencyId) return Task.CompletedTask;
                history[^1] = Closed(open, at);
            }
            history.Add(new CreatorBinding(creatorId, agencyId, at.ToUniversalTime(), null));
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UnbindCreatorAsync(string creatorId, string agencyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_bindings.GetValueOrDefault(creatorId) is [.., { UnboundAt: null } open] history && open.AgencyId == agencyId)
            {
                history[^1] = Closed(open, at);
            }
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<Page<CreatorProfile>> SearchCreatorsAsync(CreatorSearch query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Validate() is { } problem) throw new ArgumentException(problem, nameof(query));
        var term = query.Term;
        List<CreatorProfile> matching;
        lock (_gate)
        {
            matching = _bindings.Values
                .Where(h => IsOpenAt(h, query.AgencyId))
                .Select(h => h[^1].CreatorId)
                .Select(id => (Id: id, Creator: _creators[id]))
                .Where(c => term is null
                    || c.Creator.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
                    || c.Id.Contains(term, StringComparison.OrdinalIgnoreCase))
                .Select(c => new CreatorProfile(c.Id, c.Creator.Name, c.Creator.AvatarUrl, c.Creator.Type, query.AgencyId, null))
                .ToList();
        }
        // The same order as the Postgres directory's ORDER BY lower(name) COLLATE "C", creator_id COLLATE "C".
        var page = matching
            .OrderBy(c => c.Name.ToLowerInvariant(), StringComparer.Ordinal)
            .ThenBy(c => c.CreatorId, StringComparer.Ordinal)
            .Skip((int)Math.Min(int.MaxValue, (long)(query.Page - 1) * query.PageSize))
            .Take(query.PageSize)
            .ToList();
        return Task.FromResult(new Page<CreatorProfile>(page, query.Page, query.PageSize, matching.Count));
    }

    /// <inheritdoc />
    public Task<IReadOnlyCollection<string>> GetBoundCreatorIdsAsync(string agencyId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyCollection<string> ids = [.. _bindings.Values.Where(h => IsOpenAt(h, agencyId)).Select(h => h[^1].CreatorId)];
            return Task.FromResult(ids);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CreatorBinding>> GetBindingsAsync(string creatorId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<CreatorBinding> history = _bindings.GetValueOrDefault(creatorId)?.ToList() ?? [];
            return Task.FromResult(history);
        }
    }

    private static bool IsOpenAt(List<CreatorBinding> history, string agencyId) =>
        history[^1].UnboundAt is null && history[^1].AgencyId == agencyId;

    // Silo clocks may disagree a little: a binding never ends before it began (Postgres checks the same).
    private static CreatorBinding Closed(CreatorBinding open, DateTimeOffset at) =>
        open with { UnboundAt = at.ToUniversalTime() > open.BoundAt ? at.ToUniversalTime() : open.BoundAt };

    private List<CreatorBinding> Bindings(string creatorId)
    {
        if (!_bindings.TryGetValue(creatorId, out var history)) _bindings[creatorId] = history = [];
        return history;
    }
}

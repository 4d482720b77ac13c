namespace LiveGrains.Contracts.Grains;

/// <summary>A grain whose stream carries updates only while someone watches it.</summary>
public interface IWatchableGrain : IGrainWithStringKey
{
    /// <summary>
    /// Someone watches this grain's stream for the next <paramref name="lease"/>: until then each tick that changed
    /// something publishes it. Watchers renew the lease; an unwatched grain skips building and publishing updates
    /// nobody would receive.
    /// </summary>
    Task Watch(TimeSpan lease);
}

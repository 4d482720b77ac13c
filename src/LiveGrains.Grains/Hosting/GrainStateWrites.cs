namespace LiveGrains.Grains.Hosting;

/// <summary>How creator and agency grains write their state.</summary>
public static class GrainStateWrites
{
    /// <summary>
    /// Writes the state; when the write fails, the grain deactivates once the call is over, so that its next call reads
    /// the stored state again. Without that, the change the failed call made in memory would stay there: a retry would
    /// find nothing to change, skip the write and succeed, and the change would be lost at the next activation.
    /// </summary>
    public static async Task WriteOrReloadAsync<T>(this IPersistentState<T> store, IGrainBase grain)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(grain);
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}

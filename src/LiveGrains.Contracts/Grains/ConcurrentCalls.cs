using System.Runtime.ExceptionServices;

namespace LiveGrains.Contracts.Grains;

/// <summary>Waiting for grain calls that were all started before the first is awaited.</summary>
public static class ConcurrentCalls
{
    /// <summary>
    /// Awaits <paramref name="calls"/>, already started, one after the other, and returns their results in the same order;
    /// like <see cref="Task.WhenAll{TResult}(Task{TResult}[])"/>, a failure is thrown once every call has finished.
    /// </summary>
    /// <remarks>
    /// A mixed request makes one call per LIVE, a thousand for a request of a thousand events at 10,000 LIVEs. Orleans'
    /// calls return value tasks backed by pooled sources: turning each into a <see cref="Task"/> for
    /// <see cref="Task.WhenAll{TResult}(Task{TResult}[])"/> allocated a task per call and ran a continuation for each
    /// completion. Awaited in order, a call that completes while an earlier one is awaited costs neither, and each value
    /// task is still awaited exactly once, which returns its source to the pool.
    /// </remarks>
    public static async Task<T[]> WhenAll<T>(ValueTask<T>[] calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var results = new T[calls.Length];
        ExceptionDispatchInfo? failure = null;
        for (var i = 0; i < calls.Length; i++)
        {
            try
            {
                results[i] = await calls[i];
            }
            catch (Exception ex)
            {
                failure ??= ExceptionDispatchInfo.Capture(ex);
            }
        }
        failure?.Throw();
        return results;
    }
}

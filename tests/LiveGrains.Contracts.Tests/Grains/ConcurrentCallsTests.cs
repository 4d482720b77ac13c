using System.Threading.Tasks.Sources;
using LiveGrains.Contracts.Grains;

namespace LiveGrains.Contracts.Tests.Grains;

public sealed class ConcurrentCallsTests
{
    [Fact]
    public async Task Results_come_in_the_order_of_the_calls_whatever_order_the_calls_finish_in()
    {
        var calls = Enumerable.Range(0, 3).Select(_ => new PooledCall()).ToArray();

        var all = ConcurrentCalls.WhenAll(calls.Select(c => c.Task).ToArray());
        calls[2].Finish(30);
        calls[0].Finish(10);
        all.IsCompleted.ShouldBeFalse();
        calls[1].Finish(20);

        (await all).ShouldBe([10, 20, 30]);
    }

    [Fact]
    public async Task A_failure_is_thrown_once_every_call_has_finished_and_every_call_is_awaited_once()
    {
        var calls = Enumerable.Range(0, 3).Select(_ => new PooledCall()).ToArray();

        var all = ConcurrentCalls.WhenAll(calls.Select(c => c.Task).ToArray());
        calls[0].Fail(new InvalidOperationException("LIVE A is reloading"));
        calls[1].Fail(new InvalidOperationException("LIVE B is reloading"));
        all.IsCompleted.ShouldBeFalse();
        calls[2].Finish(30);

        (await Should.ThrowAsync<InvalidOperationException>(all)).Message.ShouldBe("LIVE A is reloading");
        calls.Select(c => c.ResultsTaken).ShouldBe([1, 1, 1]);
    }

    /// <summary>A call's value task backed by a reusable source, as Orleans' are, counting how often its result is taken.</summary>
    private sealed class PooledCall : IValueTaskSource<int>
    {
        private ManualResetValueTaskSourceCore<int> _core;

        public ValueTask<int> Task => new(this, _core.Version);

        public int ResultsTaken { get; private set; }

        public void Finish(int result) => _core.SetResult(result);

        public void Fail(Exception failure) => _core.SetException(failure);

        public int GetResult(short token)
        {
            ResultsTaken++;
            return _core.GetResult(token);
        }

        public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
            _core.OnCompleted(continuation, state, token, flags);
    }
}

using System.Reflection;
using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Grains;
using LiveGrains.Contracts.Views;
using LiveGrains.Grains.Agencies;
using LiveGrains.Grains.Hosting;
using LiveGrains.Grains.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LiveGrains.Grains.Tests.Agencies;

public sealed class AgencyCardRelayTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static LiveCard Card(string liveId, string title) =>
        new(liveId, "creator", "Creator", null, CreatorType.Affiliate, "agency", title, LiveStatus.Live, T0, null, "USD",
            new Dictionary<string, decimal?>(), [], null, [], [], T0, false);

    [Fact]
    public async Task What_is_posted_during_a_call_goes_in_the_next_call_with_only_the_latest_card_of_each_live()
    {
        var agency = RecordingAgency.Create();
        var relay = Relay(agency, TimeProvider.System);

        relay.PostCard("agency", Card("L1", "first"));
        await agency.WaitForCalls(1);
        relay.PostCard("agency", Card("L2", "old"));
        relay.PostCard("agency", Card("L2", "new"));
        relay.PostCard("agency", Card("L3", "about to end"));
        relay.PostEnded("agency", "L3");
        agency.Release();
        var calls = await agency.WaitForCalls(2);

        calls.Count.ShouldBe(2);
        calls[0].Cards.Select(c => c.LiveId).ShouldBe(["L1"]);
        calls[1].Cards.Select(c => (c.LiveId, c.Title)).ShouldBe([("L2", "new")]);
        calls[1].Ended.ShouldBe(["L3"]);
    }

    [Fact]
    public async Task Cards_posted_within_the_interval_after_a_call_wait_for_it_and_go_together()
    {
        var (agency, clock, relay) = await AfterAFirstCall();

        relay.PostCard("agency", Card("L2", "second"));
        relay.PostCard("agency", Card("L3", "third"));
        await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        (await agency.WaitForCalls(1)).Count.ShouldBe(1);

        clock.Advance(Interval);
        var calls = await agency.WaitForCalls(2);

        calls[1].Cards.Select(c => c.LiveId).ShouldBe(["L2", "L3"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_first_card_after_a_quiet_interval_goes_at_once()
    {
        var (agency, clock, relay) = await AfterAFirstCall();

        clock.Advance(Interval);
        relay.PostCard("agency", Card("L2", "after a quiet spell"));

        (await agency.WaitForCalls(2))[1].Cards.Select(c => c.LiveId).ShouldBe(["L2"]);
    }

    [Fact]
    public async Task The_agencys_thresholds_are_known_after_its_first_answer()
    {
        var agency = RecordingAgency.Create();
        agency.Release();
        var relay = Relay(agency, TimeProvider.System);
        relay.ThresholdsOf("agency").ShouldBeNull();

        relay.PostCard("agency", Card("L1", "first"));
        await agency.WaitForCalls(1);

        await Eventually.Get(() => Task.FromResult(relay.ThresholdsOf("agency")), t => t is not null, "thresholds");
        relay.ThresholdsOf("agency").ShouldBe(RecordingAgency.Thresholds);
    }

    private static readonly TimeSpan Interval = new LiveGrainsOptions().AgencyRelayInterval;

    // A relay on a clock of its own that has made one call (card L1) to an agency that answers at once.
    private static async Task<(RecordingAgency Agency, FakeTimeProvider Clock, AgencyCardRelay Relay)> AfterAFirstCall()
    {
        var agency = RecordingAgency.Create();
        agency.Release();
        var clock = new FakeTimeProvider(T0);
        var relay = Relay(agency, clock);
        relay.PostCard("agency", Card("L1", "first"));
        await agency.WaitForCalls(1);
        return (agency, clock, relay);
    }

    private static AgencyCardRelay Relay(RecordingAgency agency, TimeProvider clock) =>
        new(OneAgencyFactory.Create(agency), clock, Options.Create(new LiveGrainsOptions()), NullLogger<AgencyCardRelay>.Instance);

    /// <summary>An agency grain that records <see cref="IAgencyGrain.ApplyCards"/> calls; the first waits for <see cref="Release"/>.</summary>
    public class RecordingAgency : DispatchProxy
    {
        public static readonly AttentionThresholds Thresholds = AttentionThresholds.Default with { ViewerDropPercent = 40 };
        private readonly List<(IReadOnlyList<LiveCard> Cards, IReadOnlyList<string> Ended)> _calls = [];
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static RecordingAgency Create() => (RecordingAgency)(object)Create<IAgencyGrain, RecordingAgency>();

        public IAgencyGrain Grain => (IAgencyGrain)(object)this;

        public void Release() => _released.TrySetResult();

        public async Task<List<(IReadOnlyList<LiveCard> Cards, IReadOnlyList<string> Ended)>> WaitForCalls(int count) =>
            await Eventually.Get(() => { lock (_calls) return Task.FromResult(_calls.ToList()); }, c => c.Count >= count, $"{count} calls");

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod?.Name != nameof(IAgencyGrain.ApplyCards)) throw new NotSupportedException(targetMethod?.Name);
            lock (_calls) _calls.Add(((IReadOnlyList<LiveCard>)args![0]!, (IReadOnlyList<string>)args[1]!));
            return Answer();
        }

        private async Task<AttentionThresholds> Answer()
        {
            await _released.Task;
            return Thresholds;
        }
    }

    /// <summary>A grain factory that hands out one agency.</summary>
    public class OneAgencyFactory : DispatchProxy
    {
        private IAgencyGrain? _agency;

        public static IGrainFactory Create(RecordingAgency agency)
        {
            var factory = Create<IGrainFactory, OneAgencyFactory>();
            ((OneAgencyFactory)(object)factory)._agency = agency.Grain;
            return factory;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod is { Name: nameof(IGrainFactory.GetGrain), IsGenericMethod: true } && targetMethod.GetGenericArguments()[0] == typeof(IAgencyGrain)
                ? _agency
                : throw new NotSupportedException(targetMethod?.Name);
    }
}

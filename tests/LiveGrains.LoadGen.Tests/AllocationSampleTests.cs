using LiveGrains.LoadGen.Cli;
using LiveGrains.LoadGen.Measure;

namespace LiveGrains.LoadGen.Tests;

// The sample counts what the whole process allocates: run beside the smoke runs of other classes, their strings could
// outweigh the marker type. Kept out of parallel runs instead of weakening what the test asserts.
[CollectionDefinition(DisableParallelization = true)]
public sealed class AllocationSampleCollection;

[Collection(typeof(AllocationSampleCollection))]
public sealed class AllocationSampleTests
{
    private sealed class Marker(long a, long b)
    {
        public long Sum => a + b;
    }

    [Fact]
    public async Task A_type_allocated_in_bulk_leads_the_sample()
    {
        using var sample = new AllocationSample();
        sample.Start();
        long sum = 0;
        // About 64 MB of one type: hundreds of the runtime's allocation ticks, which reach the listener on a thread of its own.
        for (var i = 0; i < 2_000_000; i++) sum += new Marker(i, 1).Sum;
        sum.ShouldBeGreaterThan(0);
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        var top = sample.Stop(5);
        top.ShouldNotBeEmpty();
        top[0].Type.ShouldContain(nameof(Marker));
        top[0].Bytes.ShouldBeGreaterThan(16L << 20);
    }

    [Fact]
    public void The_sample_is_off_unless_asked_for()
    {
        OptionsParser.Parse([]).Options!.AllocationSample.ShouldBeFalse();
        OptionsParser.Parse(["--alloc-sample"]).Options!.AllocationSample.ShouldBeTrue();
    }

    [Fact]
    public async Task A_run_with_the_sample_lists_what_each_measured_phase_allocated()
    {
        var output = new StringWriter();

        var result = await LoadGenApp.RunSuiteAsync(SmokeRunTests.Small with { AllocationSample = true, SiloPort = 22631, SiloGatewayPort = 32631 },
            output, TestContext.Current.CancellationToken);

        result.Passed.ShouldBeTrue(output.ToString());
        var text = output.ToString();
        text.ShouldContain("[limit] allocated in the measured phase, by type");
        text.ShouldContain("[inproc] allocated in the measured phase, by type");
    }
}

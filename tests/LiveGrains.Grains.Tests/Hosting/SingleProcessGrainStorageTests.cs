using LiveGrains.Grains.Creators;
using LiveGrains.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace LiveGrains.Grains.Tests.Hosting;

public sealed class SingleProcessGrainStorageTests
{
    private static readonly GrainId Creator = GrainId.Create("creator", "c-1");

    private readonly SingleProcessGrainStorage _storage = new(new OrleansGrainStorageSerializer(
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>()));

    [Fact]
    public async Task A_state_never_written_reads_as_absent()
    {
        var state = new GrainState<CreatorState>(new CreatorState());

        await _storage.ReadStateAsync("creator", Creator, state);

        state.RecordExists.ShouldBeFalse();
        state.ETag.ShouldBeNull();
    }

    [Fact]
    public async Task A_written_state_reads_back_as_a_copy_of_its_own()
    {
        var written = new GrainState<CreatorState>(new CreatorState { Name = "Mia", AgencyId = "agency-1" });
        await _storage.WriteStateAsync("creator", Creator, written);
        written.State!.Name = "changed after the write";

        var read = new GrainState<CreatorState>(new CreatorState());
        await _storage.ReadStateAsync("creator", Creator, read);

        read.RecordExists.ShouldBeTrue();
        read.ETag.ShouldBe(written.ETag);
        read.State!.Name.ShouldBe("Mia");
        read.State!.AgencyId.ShouldBe("agency-1");
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_the_newer_state_is_kept()
    {
        var first = new GrainState<CreatorState>(new CreatorState { Name = "first" });
        await _storage.WriteStateAsync("creator", Creator, first);
        var stale = new GrainState<CreatorState>(new CreatorState { Name = "stale" }) { ETag = first.ETag };
        first.State!.Name = "second";
        await _storage.WriteStateAsync("creator", Creator, first);

        await Should.ThrowAsync<InconsistentStateException>(() => _storage.WriteStateAsync("creator", Creator, stale));

        var read = new GrainState<CreatorState>(new CreatorState());
        await _storage.ReadStateAsync("creator", Creator, read);
        read.State!.Name.ShouldBe("second");
    }

    [Fact]
    public async Task A_cleared_state_reads_as_absent_and_states_of_other_names_are_untouched()
    {
        var state = new GrainState<CreatorState>(new CreatorState { Name = "Mia" });
        await _storage.WriteStateAsync("creator", Creator, state);
        await _storage.WriteStateAsync("other", Creator, new GrainState<CreatorState>(new CreatorState { Name = "kept" }));

        await _storage.ClearStateAsync("creator", Creator, state);

        var cleared = new GrainState<CreatorState>(new CreatorState());
        await _storage.ReadStateAsync("creator", Creator, cleared);
        cleared.RecordExists.ShouldBeFalse();
        var other = new GrainState<CreatorState>(new CreatorState());
        await _storage.ReadStateAsync("other", Creator, other);
        other.State!.Name.ShouldBe("kept");
    }
}

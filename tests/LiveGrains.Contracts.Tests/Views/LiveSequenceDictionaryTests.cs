using LiveGrains.Contracts.Views;

namespace LiveGrains.Contracts.Tests.Views;

public sealed class LiveSequenceDictionaryTests
{
    [Fact]
    public void Each_live_is_found_by_its_id_with_the_sequence_at_its_position()
    {
        var sequences = new LiveSequenceDictionary(["A", "B", "C"], [7, 1, 42]);

        sequences.Count.ShouldBe(3);
        sequences["C"].ShouldBe(42);
        sequences.TryGetValue("A", out var a).ShouldBeTrue();
        a.ShouldBe(7);
        sequences.ContainsKey("D").ShouldBeFalse();
        sequences.TryGetValue("D", out _).ShouldBeFalse();
        sequences.ShouldBe([new("A", 7), new("B", 1), new("C", 42)]);
        sequences.Keys.ShouldBe(["A", "B", "C"]);
        sequences.Values.ShouldBe([7L, 1L, 42L]);
    }

    [Fact]
    public void A_live_not_in_the_call_is_named_when_read_by_indexer()
    {
        var sequences = new LiveSequenceDictionary(["A"], [1]);

        Should.Throw<KeyNotFoundException>(() => sequences["B"]).Message.ShouldContain("'B'");
    }

    [Fact]
    public void Ids_and_sequences_of_different_lengths_are_refused()
    {
        Should.Throw<ArgumentException>(() => new LiveSequenceDictionary(["A", "B"], [1])).Message.ShouldContain("2 LIVE ids were given with 1 sequences");
    }
}

using LiveGrains.LoadGen.Codec;

namespace LiveGrains.LoadGen.Tests;

public sealed class CardCodecBenchmarkTests
{
    [Fact]
    public void A_short_codec_run_reads_every_card_back_and_compares_the_medians()
    {
        var output = new StringWriter();

        CardCodecBenchmark.Run(cards: 200, rounds: 1, output).ShouldBe(0);

        var text = output.ToString();
        text.ShouldContain("round 1 metric array");
        text.ShouldContain("round 1 dictionary");
        text.ShouldContain("of the dictionary's time");
    }

    [Fact]
    public void Fewer_cards_than_one_batch_are_refused_by_name() =>
        Should.Throw<ArgumentOutOfRangeException>(() => CardCodecBenchmark.Run(cards: 10, rounds: 1, TextWriter.Null)).Message.ShouldContain("at least 100 cards");
}

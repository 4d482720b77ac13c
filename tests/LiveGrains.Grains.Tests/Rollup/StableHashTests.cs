using StableHash = LiveGrains.Grains.Rollup.StableHash;

namespace LiveGrains.Grains.Tests.Rollup;

public sealed class StableHashTests
{
    // FNV-1a over the UTF-8 bytes with MurmurHash3's finaliser, computed apart from this code base. Registers and
    // fingerprints kept in checkpoints were made with these values: a change here would count returning viewers twice.
    [Theory]
    [InlineData("", 0xefd01f60ba992926UL)]
    [InlineData("viewer-1", 0x2d8af88fe3ed6637UL)]
    [InlineData("u123456-789", 0x3abc38cf5d093affUL)]
    [InlineData("Zoë-京", 0x9ac12247d5a339ceUL)]
    public void Hashes_are_the_ones_checkpoints_were_written_with(string value, ulong expected) =>
        StableHash.Of(value).ShouldBe(expected);

    [Fact]
    public void Long_values_hash_as_short_ones_do()
    {
        StableHash.Of(new string('a', 200)).ShouldBe(0xbebd11d5f5610d0dUL);
        StableHash.Of(new string('é', 100)).ShouldBe(0x582f3b7331fe77afUL);
    }
}

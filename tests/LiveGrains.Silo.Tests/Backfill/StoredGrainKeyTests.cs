using LiveGrains.Silo.Backfill;

namespace LiveGrains.Silo.Tests.Backfill;

public sealed class StoredGrainKeyTests
{
    [Fact]
    public void Orleans_reads_hex_looking_keys_as_numbers_so_the_storage_keeps_only_other_strings_whole()
    {
        StoredGrainKey.Of("creator-1").ShouldBe(new StoredGrainKey(0, 0, "creator-1"));
        StoredGrainKey.Of("1001").ShouldBe(new StoredGrainKey(0, 0x1001, ""));
        StoredGrainKey.Of("c0ffee").ShouldBe(StoredGrainKey.Of("C0FFEE"));
        StoredGrainKey.Of("42+eu").ShouldBe(new StoredGrainKey(0, 0x42, "eu"));
        // Nineteen digits do not fit a 64-bit hex number: the 19-digit ids of real LIVEs and creators stay strings.
        StoredGrainKey.Of("7300000000000000777").ShouldBe(new StoredGrainKey(0, 0, "7300000000000000777"));
    }

    [Fact]
    public void Only_a_key_held_whole_is_told_from_the_columns_alone()
    {
        StoredGrainKey.Of("creator-1").WholeKey.ShouldBe("creator-1");
        StoredGrainKey.Of("1001").WholeKey.ShouldBeNull();
        StoredGrainKey.Of(Guid.NewGuid().ToString("N")).WholeKey.ShouldBeNull();
    }
}

using System.Text;
using System.Text.Json;
using LiveGrains.Contracts.Events;

namespace LiveGrains.Contracts.Tests.Events;

public sealed class RecentStringsTests
{
    private static string Read(RecentStrings recent, byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return recent.Read(ref reader);
    }

    private static byte[] Json(string value) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value));

    [Fact]
    public void A_value_read_again_is_the_same_string()
    {
        var recent = new RecentStrings();
        var first = Read(recent, Json("live-000123"));
        var again = Read(recent, Json("live-000123"));
        again.ShouldBe("live-000123");
        ReferenceEquals(first, again).ShouldBeTrue();
    }

    [Fact]
    public void Values_that_share_a_slot_each_read_as_themselves()
    {
        var recent = new RecentStrings();
        var values = Enumerable.Range(0, 2_000).Select(i => $"creator-{i % 900}").ToList();
        foreach (var value in values) Read(recent, Json(value)).ShouldBe(value);
        // Short values (padded before hashing), long ones (not kept) and escaped ones read as written too.
        foreach (var value in new[] { "a", "", "ab\u00e9", new string('x', 65), "tab\there", "q\"uote" })
        {
            Read(recent, Json(value)).ShouldBe(value);
            Read(recent, Json(value)).ShouldBe(value);
        }
    }

    [Fact]
    public void Text_that_is_not_valid_utf8_throws_and_is_not_kept()
    {
        var recent = new RecentStrings();
        var invalid = Encoding.UTF8.GetBytes("\"live-#\"");
        invalid[Array.IndexOf(invalid, (byte)'#')] = 0xFF;
        Should.Throw<InvalidOperationException>(() => Read(recent, invalid));
        Should.Throw<InvalidOperationException>(() => Read(recent, invalid));
        Read(recent, Json("live-1")).ShouldBe("live-1");
    }
}

using System.Reflection;
using System.Text;
using System.Text.Json;
using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Json;

namespace LiveGrains.Contracts.Tests.Events;

public sealed class PayloadReaderTests
{
    // A record of the payload type with every field set, each enum field to each of its values in turn.
    private static IEnumerable<LiveEventData> Samples(Type type)
    {
        var parameters = type.GetConstructors().Single().GetParameters();
        var rounds = parameters.Where(p => p.ParameterType.IsEnum).Select(p => Enum.GetValues(p.ParameterType).Length).DefaultIfEmpty(1).Max();
        for (var round = 0; round < rounds; round++)
        {
            var arguments = parameters.Select(p => Sample(p, round)).ToArray();
            yield return (LiveEventData)Activator.CreateInstance(type, arguments)!;
        }
    }

    private static object Sample(ParameterInfo p, int round) => p.ParameterType switch
    {
        var t when t == typeof(string) => $"{p.Name} \"é\" {round}",
        var t when t == typeof(long) => 9_000_000_000L + round,
        var t when t == typeof(int) => 7 + round,
        var t when t == typeof(decimal) => 19.99m + round,
        var t when t == typeof(bool) => round % 2 == 0,
        var t when t.IsEnum => Enum.GetValues(t).GetValue(round % Enum.GetValues(t).Length)!,
        var t => throw new InvalidOperationException($"No sample for {t}"),
    };

    private static byte[] Json(LiveEventData payload) => JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType(), LiveJson.Options);

    private static LiveEventData? ReadInOnePass(byte[] json, Type type)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return PayloadReader.TryRead(ref reader, type, out var payload) ? payload : null;
    }

    [Fact]
    public void Every_payload_type_as_the_serializer_writes_it_is_read_in_one_pass_to_an_equal_record()
    {
        foreach (var name in EventTypes.Names)
        {
            var type = EventTypes.TypeOf(name)!;
            foreach (var sample in Samples(type))
            {
                var json = Json(sample);
                var read = ReadInOnePass(json, type);
                read.ShouldNotBeNull($"{name} was not read in one pass: {Encoding.UTF8.GetString(json)}");
                read.ShouldBe(sample);
                read.ShouldBe(JsonSerializer.Deserialize(json, type, LiveJson.Options));
            }
        }
    }

    [Theory]
    [InlineData("""{"viewerId":"v1","gender":"male","ageBand":"55+","region":"US","isFollower":true}""")]
    [InlineData("""{"viewerId":"v1","gender":"male","ageBand":"55+","region":"US","isFollower":true,"trafficSource":"for_you","isFollower":false}""")]
    [InlineData("""{"viewerId":"v1","gender":"male","ageBand":"55+","region":"US","isFollower":true,"trafficSource":"for_you","extra":1}""")]
    [InlineData("""{"ViewerId":"v1","gender":"male","ageBand":"55+","region":"US","isFollower":true,"trafficSource":"for_you"}""")]
    [InlineData("""{"viewerId":"v1","gender":"Male","ageBand":"55+","region":"US","isFollower":true,"trafficSource":"for_you"}""")]
    [InlineData("""{"viewerId":null,"gender":"male","ageBand":"55+","region":"US","isFollower":true,"trafficSource":"for_you"}""")]
    [InlineData("""{"viewerId":"v1","gender":1,"ageBand":"55+","region":"US","isFollower":"true","trafficSource":"for_you"}""")]
    public void A_payload_that_is_not_plainly_well_formed_is_left_to_the_serializer(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        PayloadReader.TryRead(ref reader, typeof(ViewerJoined), out var payload).ShouldBeFalse();
        payload.ShouldBeNull();
        // Left where it was, for the serializer to read from there.
        reader.TokenType.ShouldBe(JsonTokenType.StartObject);
        reader.TokenStartIndex.ShouldBe(0);
    }

    [Fact]
    public void Numbers_out_of_range_and_fractions_where_integers_go_are_left_to_the_serializer()
    {
        ReadInOnePass("""{"count":9223372036854775808}"""u8.ToArray(), typeof(LikesReceived)).ShouldBeNull();
        ReadInOnePass("""{"count":1.5}"""u8.ToArray(), typeof(LikesReceived)).ShouldBeNull();
        ReadInOnePass("""{"count":12}"""u8.ToArray(), typeof(LikesReceived)).ShouldBe(new LikesReceived(12));
    }

    [Fact]
    public void Escaped_names_and_values_read_as_the_serializer_reads_them()
    {
        var json = """{"viewerId":"v\u00e9","nickname":"n\"1\"","t\u0065xt":"hi\nthere"}"""u8.ToArray();
        ReadInOnePass(json, typeof(CommentPosted)).ShouldBe(JsonSerializer.Deserialize<CommentPosted>(json, LiveJson.Options));
    }

    private const string Envelope = "{\"eventId\":\"e1\",\"liveId\":\"7300000000000000001\",\"creatorId\":\"c1\",\"occurredAt\":\"2026-11-25T10:00:00Z\"";

    // An event whose envelope ends with `rest` (its type and payload), which must parse.
    private static LiveEvent Event(string rest)
    {
        EventJson.TryParse(Encoding.UTF8.GetBytes(Envelope + rest), out var e, out var error).ShouldBeTrue(error);
        return e!;
    }

    [Fact]
    public void A_payload_the_one_pass_reader_declines_reaches_the_event_as_the_serializer_reads_it() =>
        Event(""","type":"viewer_left","data":{"VIEWERID":"v1","extra":[1,{"a":2}]}}""").Data.ShouldBe(new ViewerLeft("v1"));

    [Fact]
    public void A_type_given_again_after_the_payload_decides_how_the_payload_is_read()
    {
        var e = Event(""","type":"viewer_left","data":{"viewerId":"v1"},"type":"share"}""");
        e.Data.ShouldBe(new LiveShared("v1"));
        e.Type.ShouldBe("share");
    }

    [Fact]
    public void A_payload_given_twice_counts_by_its_last_value() =>
        Event(""","type":"likes","data":{"count":1},"data":{"count":2}}""").Data.ShouldBe(new LikesReceived(2));

    private static byte[] WithInvalidUtf8(string json)
    {
        // 0xFF never occurs in UTF-8; the JSON reader lets it through inside a string until the string is taken out.
        var bytes = Encoding.UTF8.GetBytes(json);
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xFF;
        return bytes;
    }

    [Fact]
    public void Text_that_is_not_valid_utf8_is_refused_with_the_field_it_is_in()
    {
        EventJson.TryParse(WithInvalidUtf8(Envelope + ""","type":"viewer_left","data":{"viewerId":"v#1"}}"""), out _, out var error)
            .ShouldBeFalse();
        error!.ShouldStartWith("data of 'viewer_left' is invalid: data");
        EventJson.TryParse(WithInvalidUtf8(Envelope.Replace("e1", "e#1") + ""","type":"viewer_left","data":{"viewerId":"v1"}}"""), out _, out error)
            .ShouldBeFalse();
        error.ShouldBe("eventId is not valid UTF-8 text");
    }

    [Fact]
    public void A_payload_that_is_not_well_formed_still_throws()
    {
        Should.Throw<JsonException>(() => EventJson.TryParse(Encoding.UTF8.GetBytes(Envelope + ""","type":"likes","data":{"count":1,,}}"""), out _, out _));
    }
}

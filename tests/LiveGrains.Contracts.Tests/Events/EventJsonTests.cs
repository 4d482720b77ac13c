using System.Text;
using System.Text.Json;
using LiveGrains.Contracts.Events;

namespace LiveGrains.Contracts.Tests.Events;

public sealed class EventJsonTests
{
    private static (LiveEvent? Event, string? Error) Parse(string json)
    {
        var ok = EventJson.TryParse(Encoding.UTF8.GetBytes(json), out var e, out var error);
        (ok == (error is null)).ShouldBeTrue();
        return (e, error);
    }

    private const string Order = """
        {"eventId":"e1","liveId":"7300000000000000001","creatorId":"c1","type":"order_paid","occurredAt":"2026-11-25T10:00:00Z",
         "data":{"orderId":"o1","productId":"p1","buyerId":"b1","quantity":2,"amount":19.98,"currency":"USD","isAffiliate":true}}
        """;

    [Fact]
    public void An_order_is_read_into_its_typed_payload()
    {
        var (e, error) = Parse(Order);
        error.ShouldBeNull();
        var order = e!.Data.ShouldBeOfType<OrderPaid>();
        order.Amount.ShouldBe(19.98m);
        order.IsAffiliate.ShouldBeTrue();
        e.Type.ShouldBe("order_paid");
    }

    [Fact]
    public void Every_registered_type_round_trips_through_the_wire_format()
    {
        foreach (var name in EventTypes.Names) EventTypes.TypeOf(name).ShouldNotBeNull();
        var (e, _) = Parse(Order);
        var array = Encoding.UTF8.GetString(EventJson.ToJsonArray([e!]));
        var (again, error) = Parse(array[1..^1]);
        error.ShouldBeNull();
        again.ShouldBe(e);
    }

    [Fact]
    public void Fields_may_come_in_any_order_and_a_payload_before_its_type_is_read_by_that_type()
    {
        const string dataFirst = """
            {"data":{"orderId":"o1","productId":"p1","buyerId":"b1","quantity":2,"amount":19.98,"currency":"USD","isAffiliate":true},
             "extra":{"nested":[1,{"type":"ignored"}]},"occurredAt":"2026-11-25T10:00:00Z","creatorId":"c1",
             "liveId":"7300000000000000001","eventId":"e1","type":"order_paid"}
            """;
        Parse(dataFirst).Event.ShouldBe(Parse(Order).Event);
    }

    [Fact]
    public void A_field_of_the_wrong_kind_is_named_and_the_rest_of_the_item_is_still_read()
    {
        Parse(Order.Replace("\"creatorId\":\"c1\"", "\"creatorId\":{\"id\":[\"c1\"]}")).Error.ShouldBe("creatorId must be a string");
        Parse(Order.Replace("\"eventId\":\"e1\"", "\"eventId\":null")).Error.ShouldBe("eventId is required");
        Parse(Order.Replace("\"data\":{", "\"data\":[1],\"ignored\":{")).Error.ShouldBe("data is required and must be an object");
    }

    [Fact]
    public void An_item_that_is_not_an_object_is_refused_with_its_kind() =>
        Parse("[1,2]").Error.ShouldBe("expected an event object, got array");

    [Fact]
    public void Json_that_is_not_well_formed_throws_instead_of_refusing_one_item()
    {
        Should.Throw<JsonException>(() => Parse(Order.Replace("\"quantity\":2", "\"quantity\":2,,")));
        Should.Throw<JsonException>(() => Parse(Order + " {}"));
    }

    [Fact]
    public void An_unknown_type_is_named_in_the_error() =>
        Parse(Order.Replace("order_paid", "order_teleported")).Error!.ShouldContain("unknown event type 'order_teleported'");

    [Fact]
    public void A_type_name_read_as_utf8_finds_the_type_its_text_finds()
    {
        foreach (var name in EventTypes.Names) EventTypes.TypeOf(Encoding.UTF8.GetBytes(name)).ShouldBe(EventTypes.TypeOf(name));
        EventTypes.TypeOf("order_pai"u8).ShouldBeNull();
        EventTypes.TypeOf("Order_paid"u8).ShouldBeNull();
        EventTypes.TypeOf([]).ShouldBeNull();
    }

    [Fact]
    public void A_type_name_spelled_with_escapes_is_the_same_type_and_a_blank_one_is_required()
    {
        Parse(Order.Replace("\"order_paid\"", "\"order\\u005Fpaid\"")).Event.ShouldBe(Parse(Order).Event);
        Parse(Order.Replace("\"order_paid\"", "\" \"")).Error.ShouldBe("type is required");
        Parse(Order.Replace("\"order_paid\"", "7")).Error.ShouldBe("type must be a string");
    }

    [Fact]
    public void An_invalid_payload_of_a_type_read_as_utf8_is_named_by_that_type() =>
        Parse(Order.Replace("\"quantity\":2", "\"quantity\":\"two\"")).Error!.ShouldStartWith("data of 'order_paid' is invalid: data.quantity");

    [Fact]
    public void Ids_that_repeat_across_items_read_back_as_written_whatever_their_order()
    {
        // More distinct LIVE and creator ids than the table of recent strings has slots, each read several times in a
        // shuffled order: every event must carry its own ids, whichever slot they share.
        var random = new Random(7);
        var written = Enumerable.Range(0, 3_000).Select(i => (Live: $"live-{random.Next(700)}", Creator: $"creator-{random.Next(700)}")).ToList();
        foreach (var (live, creator) in written)
        {
            var (e, error) = Parse(Order.Replace("7300000000000000001", live).Replace("\"c1\"", $"\"{creator}\""));
            error.ShouldBeNull();
            e!.LiveId.ShouldBe(live);
            e.CreatorId.ShouldBe(creator);
        }
    }

    [Fact]
    public void A_missing_payload_field_is_named() =>
        Parse(Order.Replace("\"orderId\":\"o1\",", "")).Error!.ShouldContain("orderId");

    [Fact]
    public void A_missing_envelope_field_is_named() =>
        Parse(Order.Replace("\"creatorId\":\"c1\",", "")).Error.ShouldBe("creatorId is required");

    [Fact]
    public void A_timestamp_without_a_date_is_refused() =>
        Parse(Order.Replace("2026-11-25T10:00:00Z", "yesterday")).Error!.ShouldContain("occurredAt must be an ISO 8601 timestamp");

    [Fact]
    public void An_enum_value_outside_the_list_is_refused() =>
        Parse(Order.Replace("order_paid", "live_ended").Replace(
            "{\"orderId\":\"o1\",\"productId\":\"p1\",\"buyerId\":\"b1\",\"quantity\":2,\"amount\":19.98,\"currency\":\"USD\",\"isAffiliate\":true}",
            "{\"reason\":\"bored\"}")).Error!.ShouldContain("data");

    [Fact]
    public void Payload_rules_name_the_field_that_breaks_them()
    {
        new OrderPaid("o", "p", "b", -1, 10, "USD", false).Validate()!.ShouldContain("data.quantity");
        new OrderPaid("o", "p", "b", 1, -10, "USD", false).Validate()!.ShouldContain("data.amount must not be negative");
        new OrderPaid("o", "p", "b", 1, 10, "usd", false).Validate()!.ShouldContain("data.currency");
        new CommentPosted("v", "n", new string('x', 501)).Validate()!.ShouldContain("longer than 500");
    }

    [Fact]
    public void An_enum_value_outside_its_list_from_a_grain_call_is_refused_naming_the_field()
    {
        new ViewerJoined("v", (Gender)7, AgeBand.Unknown, "US", false, TrafficSource.Other).Validate()
            .ShouldBe("data.gender must be one of female, male, unknown (got 7)");
        new ViewerJoined("v", Gender.Male, AgeBand.Unknown, "US", false, (TrafficSource)(-1)).Validate()!.ShouldStartWith("data.trafficSource must be one of for_you,");
        new LiveEnded((LiveEndReason)9).Validate()!.ShouldStartWith("data.reason must be one of");
        new ViolationRecorded("x", "p", "r", 1, (ViolationAction)5).Validate()!.ShouldStartWith("data.action must be one of");
        new ViewerJoined("v", Gender.Male, AgeBand.Age55Plus, "US", true, TrafficSource.Profile).Validate().ShouldBeNull();
    }

    [Fact]
    public void An_event_far_in_the_future_is_refused()
    {
        var now = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        var e = new LiveEvent("e", "l", "c", now.AddMinutes(30), new LikesReceived(1));
        EventValidator.Validate(e, now)!.ShouldContain("in the future");
        EventValidator.Validate(e with { OccurredAt = now.AddMinutes(1) }, now).ShouldBeNull();
    }
}

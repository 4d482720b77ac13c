using System.Net;
using System.Net.Http.Json;
using System.Text;
using LiveGrains.Contracts.Json;
using LiveGrains.Contracts.Views;
using LiveGrains.Web.Tests.Support;
using static LiveGrains.Web.Tests.Support.EventJsonBuilder;

namespace LiveGrains.Web.Tests.Ingest;

[Collection(WebCollection.Name)]
public sealed class IngestEndpointTests(WebFixture app)
{
    private readonly HttpClient _http = app.ServiceClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> Post(string body, string contentType = "application/json") =>
        await _http.PostAsync("/api/ingest/events", new StringContent(body, Encoding.UTF8, contentType), Ct);

    private static async Task<IngestResult> Result(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<IngestResult>(LiveJson.Options, Ct))!;
    }

    private async Task<decimal?> Gmv(string liveId) =>
        (await _http.GetFromJsonAsync<LiveDashboard>($"/api/lives/{liveId}", LiveJson.Options, Ct))!.Card.Metrics["gmv"];

    [Fact]
    public async Task A_json_array_is_accepted_and_a_retry_counts_as_duplicates()
    {
        var live = NewLiveId();
        var body = $"[{Order(live, "e1", "o1")},{Likes(live, "e2")}]";

        var first = await Result(await Post(body));
        var retry = await Result(await Post(body));

        (first.Accepted, first.Duplicates, first.Rejected.Count).ShouldBe((2, 0, 0));
        (retry.Accepted, retry.Duplicates).ShouldBe((0, 2));
        (await Gmv(live)).ShouldBe(10.50m);
    }

    [Fact]
    public async Task When_events_cannot_be_made_durable_ingest_answers_503_with_retry_after_and_a_retry_later_counts_once()
    {
        var live = NewLiveId();
        await Result(await Post($"[{Order(live, "e1", "o1")}]"));
        var body = $"[{Order(live, "e2", "o2", "4.50")},{Likes(live, "e3")}]";

        app.EventLog.Down[live] = true;
        var refused = await Post(body);
        app.EventLog.Down.TryRemove(live, out _);

        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(2));
        var problem = await refused.Content.ReadAsStringAsync(Ct);
        problem.ShouldContain("None of the 2 events was acknowledged");
        (await Gmv(live)).ShouldBe(10.50m);
        var retry = await Result(await Post(body));
        (retry.Accepted, retry.Duplicates).ShouldBe((2, 0));
        (await Gmv(live)).ShouldBe(15.00m);
    }

    [Fact]
    public async Task Ndjson_is_accepted_line_by_line()
    {
        var live = NewLiveId();
        var result = await Result(await Post($"{Order(live, "e1", "o1")}\n\n{Order(live, "e2", "o2", "4.50")}\n", "application/x-ndjson"));
        result.Accepted.ShouldBe(2);
        (await Gmv(live)).ShouldBe(15.00m);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_naming_the_position()
    {
        var response = await Post($"[{Order(NewLiveId(), "e1", "o1")},\n{{\"eventId\": oops}}]");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadAsStringAsync(Ct);
        problem.ShouldContain("Malformed JSON at line 2");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Malformed_ndjson_names_the_line()
    {
        var response = await Post($"{Likes(NewLiveId(), "e1")}\n{{broken\n", "application/x-ndjson");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Malformed JSON on line 2");
    }

    [Fact]
    public async Task Bad_items_are_rejected_with_reasons_and_good_items_in_the_same_batch_are_kept()
    {
        var live = NewLiveId();
        var future = DateTimeOffset.UtcNow.AddHours(3).ToString("O");
        var body = "[" + string.Join(",",
            Order(live, "ok1", "o1"),
            Order(live, "e-type", "o2").Replace("order_paid", "order_shipped"),
            Order(live, "e-missing", "o3").Replace("\"buyerId\":\"b1\",", ""),
            Order(live, "e-qty", "o4", quantity: -2),
            Order(live, "e-amount", "o5", amount: "-1.00"),
            Order(live, "e-future", "o6", occurredAt: future),
            Order(live, "ok2", "o7", amount: "2.25")) + "]";

        var result = await Result(await Post(body));

        result.Accepted.ShouldBe(2);
        result.Rejected.Select(r => (r.Index, r.EventId)).ShouldBe([(1, "e-type"), (2, "e-missing"), (3, "e-qty"), (4, "e-amount"), (5, "e-future")]);
        result.Rejected[0].Reason.ShouldContain("unknown event type 'order_shipped'");
        result.Rejected[1].Reason.ShouldContain("buyerId");
        result.Rejected[2].Reason.ShouldContain("data.quantity must be positive");
        result.Rejected[3].Reason.ShouldContain("data.amount must not be negative");
        result.Rejected[4].Reason.ShouldContain("in the future");
        (await Gmv(live)).ShouldBe(12.75m);
    }

    [Fact]
    public async Task Items_that_are_not_event_objects_are_rejected_alone_and_a_payload_may_come_before_its_type()
    {
        var live = NewLiveId();
        var order = Order(live, "e-late-type", "o1");
        // The same envelope with "type" moved after "data".
        var dataFirst = order.Replace("\"type\":\"order_paid\",", "")[..^1] + ",\"type\":\"order_paid\"}";
        dataFirst.ShouldNotBe(order);

        var result = await Result(await Post($"[42,[{order}],{dataFirst},null]"));

        result.Accepted.ShouldBe(1);
        result.Rejected.Select(r => (r.Index, r.Reason)).ShouldBe([
            (0, "expected an event object, got number"), (1, "expected an event object, got array"), (3, "expected an event object, got null")]);
        (await Gmv(live)).ShouldBe(10.50m);
    }

    [Fact]
    public async Task Text_that_is_not_valid_utf8_is_rejected_in_its_own_item_and_the_rest_is_kept()
    {
        var live = NewLiveId();
        var body = Encoding.UTF8.GetBytes($"[{Order(live, "e#1", "o1")},{Order(live, "ok", "o2")},{Likes(live, "e-likes").Replace("\"count\":", "\"count#\":")}]");
        // 0xFF never occurs in UTF-8: one in an event id, one in a payload's field name.
        for (var i = 0; i < body.Length; i++) if (body[i] == (byte)'#') body[i] = 0xFF;

        var response = await _http.PostAsync("/api/ingest/events", new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } }, Ct);

        var result = await Result(response);
        result.Accepted.ShouldBe(1);
        result.Rejected.Select(r => r.Index).ShouldBe([0, 2]);
        result.Rejected[0].Reason.ShouldBe("eventId is not valid UTF-8 text");
        result.Rejected[1].Reason.ShouldStartWith("data of 'likes' is invalid");
        (await Gmv(live)).ShouldBe(10.50m);
    }

    [Fact]
    public async Task Json_after_the_array_is_malformed_and_nothing_of_the_body_is_taken()
    {
        var live = NewLiveId();
        var response = await Post($"[{Likes(live, "e1")}] {{}}");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Malformed JSON at line 1");
        (await _http.GetAsync($"/api/lives/{live}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413()
    {
        var live = NewLiveId();
        var body = "[" + string.Join(",", Enumerable.Range(0, 800).Select(i => Order(live, $"big{i}", $"o{i}"))) + "]";
        body.Length.ShouldBeGreaterThan(200_000);
        var response = await Post(body);
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("larger than 200,000 bytes");
        (await _http.GetAsync($"/api/lives/{live}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_chunked_body_without_a_length_is_read_whole_and_one_over_the_limit_is_a_413()
    {
        var live = NewLiveId();
        var lines = Enumerable.Range(0, 450).Select(i => Likes(live, $"c{i}", 1)).ToList();
        var body = string.Join("\n", lines);
        body.Length.ShouldBeGreaterThan(64 * 1024);
        body.Length.ShouldBeLessThan(200_000);

        var accepted = await Result(await PostChunked(body));
        var tooLarge = await PostChunked(body + "\n" + new string(' ', 200_000));

        accepted.Accepted.ShouldBe(450);
        tooLarge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    private async Task<HttpResponseMessage> PostChunked(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest/events")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-ndjson"),
        };
        request.Headers.TransferEncodingChunked = true;
        request.Content.Headers.ContentLength = null;
        return await _http.SendAsync(request, Ct);
    }

    [Fact]
    public async Task Too_many_events_in_one_request_is_a_413()
    {
        var live = NewLiveId();
        var body = string.Join("\n", Enumerable.Range(0, 501).Select(i => Likes(live, $"l{i}", 1)));
        var response = await Post(body, "application/x-ndjson");
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("at most 500");
    }

    [Fact]
    public async Task An_empty_body_or_batch_is_a_400()
    {
        (await Post("")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Post("[]")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Post("{\"not\":\"an array\"}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Post("42")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}

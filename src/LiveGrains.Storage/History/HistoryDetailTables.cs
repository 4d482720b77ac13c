using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.Json;
using LiveGrains.Contracts.Metrics;
using LiveGrains.Contracts.Views;
using Npgsql;

namespace LiveGrains.Storage.History;

/// <summary>
/// The child tables of a history row (migration 0006): trend minutes, products, promotions, violations and the
/// comment sample. Writes replace a LIVE's rows with one array-unnesting insert per table; reads return each
/// list in the order the dashboard had it.
/// </summary>
internal static class HistoryDetailTables
{
    // Trend points carry derived metrics; these are the ones that are raw counters of the minute.
    private static readonly string[] TrendCounts =
        ["orders", "items_sold", "refunds", "views", "current_viewers", "peak_viewers", "live_impressions",
         "product_impressions", "product_clicks", "likes", "comments", "shares", "new_followers"];

    // Rounded to cents in a trend point: a ratio re-derived from a minute with sub-cent amounts can differ from the
    // one the LIVE showed in its last digit. Exact minutes would need the trend point to carry its raw counters.
    private static readonly string[] TrendMoney = ["gmv", "affiliate_gmv", "refunded_amount"];

    // Derived from viewer-seconds and seconds on air, which a trend point does not carry: stored as they are.
    private static readonly string[] TrendStored = ["avg_viewers", "avg_view_duration"];

    private static readonly string[] TrendColumns = [.. TrendMoney, .. TrendCounts, .. TrendStored];

    private static readonly string TrendInsert = $"""
        INSERT INTO live_history_trend (live_id, minute, {string.Join(", ", TrendColumns)})
        SELECT @live_id, * FROM unnest(@minute::timestamptz[], {string.Join(", ", TrendColumns.Select(c =>
            $"@{c}::{(TrendCounts.Contains(c) ? "bigint" : "numeric")}[]"))})
        """;

    private static readonly string[] Tables =
        ["live_history_trend", "live_history_product", "live_history_promotion", "live_history_violation", "live_history_comment"];

    /// <summary>Adds to <paramref name="batch"/> the statements that replace LIVE <paramref name="id"/>'s child rows with the lists of <paramref name="d"/>.</summary>
    public static void AddReplace(NpgsqlBatch batch, string id, LiveDashboard d)
    {
        foreach (var table in Tables) batch.BatchCommands.Add(Command($"DELETE FROM {table} WHERE live_id = @live_id", ("live_id", id)));

        if (d.Trends.Count > 0)
        {
            var arrays = new List<(string, object)> { ("live_id", id), ("minute", d.Trends.Select(t => t.Minute.UtcDateTime).ToArray()) };
            arrays.AddRange(TrendMoney.Select(k => (k, (object)d.Trends.Select(t => Raw(t, k)).ToArray())));
            arrays.AddRange(TrendCounts.Select(k => (k, (object)d.Trends.Select(t => (long)Raw(t, k)).ToArray())));
            arrays.AddRange(TrendStored.Select(k => (k, (object)d.Trends.Select(t => t.Values.GetValueOrDefault(k)).ToArray())));
            batch.BatchCommands.Add(Command(TrendInsert, [.. arrays]));
        }

        if (d.Products.Count > 0)
        {
            var p = d.Products;
            batch.BatchCommands.Add(Command("""
                INSERT INTO live_history_product (live_id, product_id, position, name, price, image_url, impressions, clicks, orders,
                    items_sold, gmv, refunds, ctr, is_pinned)
                SELECT @live_id, * FROM unnest(@product_id::text[], @position::integer[], @name::text[], @price::numeric[],
                    @image_url::text[], @impressions::bigint[], @clicks::bigint[], @orders::bigint[], @items_sold::bigint[],
                    @gmv::numeric[], @refunds::bigint[], @ctr::numeric[], @is_pinned::boolean[])
                """,
                ("live_id", id), ("product_id", p.Select(x => x.ProductId).ToArray()), ("position", Positions(p)),
                ("name", p.Select(x => x.Name).ToArray()), ("price", p.Select(x => x.Price).ToArray()),
                ("image_url", p.Select(x => x.ImageUrl).ToArray()), ("impressions", p.Select(x => x.Impressions).ToArray()),
                ("clicks", p.Select(x => x.Clicks).ToArray()), ("orders", p.Select(x => x.Orders).ToArray()),
                ("items_sold", p.Select(x => x.ItemsSold).ToArray()), ("gmv", p.Select(x => x.Gmv).ToArray()),
                ("refunds", p.Select(x => x.Refunds).ToArray()), ("ctr", p.Select(x => x.Ctr).ToArray()),
                ("is_pinned", p.Select(x => x.IsPinned).ToArray())));
        }

        if (d.Promotions.Count > 0)
        {
            var p = d.Promotions;
            batch.BatchCommands.Add(Command("""
                INSERT INTO live_history_promotion (live_id, promotion_id, position, kind, details, product_id, started_at, ended_at, orders, gmv)
                SELECT @live_id, * FROM unnest(@promotion_id::text[], @position::integer[], @kind::text[], @details::text[],
                    @product_id::text[], @started_at::timestamptz[], @ended_at::timestamptz[], @orders::bigint[], @gmv::numeric[])
                """,
                ("live_id", id), ("promotion_id", p.Select(x => x.PromotionId).ToArray()), ("position", Positions(p)),
                ("kind", p.Select(x => WireNames.Of(x.Kind)).ToArray()), ("details", p.Select(x => x.Details).ToArray()),
                ("product_id", p.Select(x => x.ProductId).ToArray()), ("started_at", p.Select(x => x.StartedAt?.UtcDateTime).ToArray()),
                ("ended_at", p.Select(x => x.EndedAt?.UtcDateTime).ToArray()), ("orders", p.Select(x => x.Orders).ToArray()),
                ("gmv", p.Select(x => x.Gmv).ToArray())));
        }

        if (d.Violations.Count > 0)
        {
            var v = d.Violations;
            batch.BatchCommands.Add(Command("""
                INSERT INTO live_history_violation (live_id, violation_id, position, policy, reason, points, action, occurred_at)
                SELECT @live_id, * FROM unnest(@violation_id::text[], @position::integer[], @policy::text[], @reason::text[],
                    @points::integer[], @action::text[], @occurred_at::timestamptz[])
                """,
                ("live_id", id), ("violation_id", v.Select(x => x.ViolationId).ToArray()), ("position", Positions(v)),
                ("policy", v.Select(x => x.Policy).ToArray()), ("reason", v.Select(x => x.Reason).ToArray()),
                ("points", v.Select(x => x.Points).ToArray()), ("action", v.Select(x => WireNames.Of(x.Action)).ToArray()),
                ("occurred_at", v.Select(x => x.OccurredAt.UtcDateTime).ToArray())));
        }

        if (d.Comments.Count > 0)
        {
            var c = d.Comments;
            batch.BatchCommands.Add(Command("""
                INSERT INTO live_history_comment (live_id, position, viewer_id, nickname, text, occurred_at)
                SELECT @live_id, * FROM unnest(@position::integer[], @viewer_id::text[], @nickname::text[], @text::text[], @occurred_at::timestamptz[])
                """,
                ("live_id", id), ("position", Positions(c)), ("viewer_id", c.Select(x => x.ViewerId).ToArray()),
                ("nickname", c.Select(x => x.Nickname).ToArray()), ("text", c.Select(x => x.Text).ToArray()),
                ("occurred_at", c.Select(x => x.OccurredAt.UtcDateTime).ToArray())));
        }
    }

    /// <summary>Adds to <paramref name="batch"/> one query per child table, in the order <see cref="ReadAsync"/> reads them.</summary>
    public static void AddSelects(NpgsqlBatch batch, string liveId)
    {
        string[] selects =
        [
            $"SELECT minute, {string.Join(", ", TrendColumns)} FROM live_history_trend WHERE live_id = @live_id ORDER BY minute",
            "SELECT product_id, name, price, image_url, impressions, clicks, orders, items_sold, gmv, refunds, ctr, is_pinned FROM live_history_product WHERE live_id = @live_id ORDER BY position",
            "SELECT promotion_id, kind, details, product_id, started_at, ended_at, orders, gmv FROM live_history_promotion WHERE live_id = @live_id ORDER BY position",
            "SELECT violation_id, policy, reason, points, action, occurred_at FROM live_history_violation WHERE live_id = @live_id ORDER BY position",
            "SELECT viewer_id, nickname, text, occurred_at FROM live_history_comment WHERE live_id = @live_id ORDER BY position",
        ];
        foreach (var sql in selects) batch.BatchCommands.Add(Command(sql, ("live_id", liveId)));
    }

    /// <summary>Reads the result sets queued by <see cref="AddSelects"/>, starting at the reader's current one.</summary>
    public static async Task<HistoryDetails> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var trends = await ReadList(reader, r =>
        {
            int Ordinal(string key) => 1 + Array.IndexOf(TrendColumns, key);
            decimal Money(string key) => r.GetDecimal(Ordinal(key));
            long Count(string key) => r.GetInt64(Ordinal(key));
            var values = MetricCatalog.DeriveTrendable(new LiveCounters
            {
                Gmv = Money("gmv"), AffiliateGmv = Money("affiliate_gmv"), RefundedAmount = Money("refunded_amount"),
                Orders = Count("orders"), ItemsSold = Count("items_sold"), Refunds = Count("refunds"), Views = Count("views"),
                CurrentViewers = Count("current_viewers"), PeakViewers = Count("peak_viewers"), LiveImpressions = Count("live_impressions"),
                ProductImpressions = Count("product_impressions"), ProductClicks = Count("product_clicks"), Likes = Count("likes"),
                Comments = Count("comments"), Shares = Count("shares"), NewFollowers = Count("new_followers"),
            });
            foreach (var key in TrendStored) values[key] = Number(r, Ordinal(key));
            return new TrendPoint(r.GetFieldValue<DateTimeOffset>(0), values);
        }, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var products = await ReadList(reader, r => new ProductStats(r.GetString(0), Text(r, 1), Number(r, 2), Text(r, 3),
            r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetDecimal(8), r.GetInt64(9), Number(r, 10), r.GetBoolean(11)),
            cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var promotions = await ReadList(reader, r => new PromotionView(r.GetString(0), WireNames.Parse<PromotionKind>(r.GetString(1)), r.GetString(2),
            Text(r, 3), Instant(r, 4), Instant(r, 5), r.GetInt64(6), r.GetDecimal(7)), cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var violations = await ReadList(reader, r => new ViolationView(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3),
            WireNames.Parse<ViolationAction>(r.GetString(4)), r.GetFieldValue<DateTimeOffset>(5)), cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var comments = await ReadList(reader, r => new CommentView(r.GetString(0), r.GetString(1), r.GetString(2),
            r.GetFieldValue<DateTimeOffset>(3)), cancellationToken);
        return new HistoryDetails(trends, products, promotions, violations, comments);
    }

    private static decimal Raw(TrendPoint point, string key) =>
        point.Values.GetValueOrDefault(key) ?? throw new ArgumentException($"Trend point {point.Minute:o} has no value for '{key}'.", nameof(point));

    private static int[] Positions<T>(IReadOnlyList<T> items) => [.. Enumerable.Range(0, items.Count)];

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static decimal? Number(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDecimal(i);

    private static DateTimeOffset? Instant(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);

    private static async Task<List<T>> ReadList<T>(NpgsqlDataReader reader, Func<NpgsqlDataReader, T> row, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) list.Add(row(reader));
        return list;
    }

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters) command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
        return command;
    }
}

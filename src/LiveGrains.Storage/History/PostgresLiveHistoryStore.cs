using System.Runtime.CompilerServices;
using System.Text.Json;
using LiveGrains.Contracts.History;
using LiveGrains.Contracts.Json;
using LiveGrains.Contracts.Views;
using Npgsql;
using NpgsqlTypes;

namespace LiveGrains.Storage.History;

/// <summary>
/// The history read model on Postgres: one upserted row per LIVE (late events rewrite it), queried with
/// paging and streamed for export. Sort columns come from a fixed list; values are always parameters.
/// </summary>
public sealed class PostgresLiveHistoryStore(NpgsqlDataSource dataSource) : ILiveHistoryStore
{
    

    private const string Upsert = """
        INSERT INTO live_history (live_id, agency_id, creator_id, creator_name, creator_type, title, status, started_at, ended_at, currency,
            gmv, affiliate_gmv, orders, items_sold, buyers, refunds, refunded_amount, views, unique_viewers, peak_viewers, viewer_seconds,
            live_impressions, product_impressions, product_clicks, likes, comments, shares, new_followers, duration_seconds, summary, dashboard, written_at)
        VALUES (@live_id, @agency_id, @creator_id, @creator_name, @creator_type, @title, @status, @started_at, @ended_at, @currency,
            @gmv, @affiliate_gmv, @orders, @items_sold, @buyers, @refunds, @refunded_amount, @views, @unique_viewers, @peak_viewers, @viewer_seconds,
            @live_impressions, @product_impressions, @product_clicks, @likes, @comments, @shares, @new_followers, @duration_seconds, @summary, @dashboard, now())
        ON CONFLICT (live_id) DO UPDATE SET
            agency_id = excluded.agency_id, creator_id = excluded.creator_id, creator_name = excluded.creator_name,
            creator_type = excluded.creator_type, title = excluded.title, status = excluded.status, started_at = excluded.started_at,
            ended_at = excluded.ended_at, currency = excluded.currency, gmv = excluded.gmv, affiliate_gmv = excluded.affiliate_gmv,
            orders = excluded.orders, items_sold = excluded.items_sold, buyers = excluded.buyers, refunds = excluded.refunds,
            refunded_amount = excluded.refunded_amount, views = excluded.views, unique_viewers = excluded.unique_viewers,
            peak_viewers = excluded.peak_viewers, viewer_seconds = excluded.viewer_seconds, live_impressions = excluded.live_impressions,
            product_impressions = excluded.product_impressions, product_clicks = excluded.product_clicks, likes = excluded.likes,
            comments = excluded.comments, shares = excluded.shares, new_followers = excluded.new_followers,
            duration_seconds = excluded.duration_seconds, summary = excluded.summary, dashboard = excluded.dashboard, written_at = now()
        """;

    /// <inheritdoc />
    public async Task SaveAsync(LiveHistoryRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var s = record.Summary;
        var c = s.Counters;
        await using var command = dataSource.CreateCommand(Upsert);
        var p = command.Parameters;
        p.AddWithValue("live_id", s.LiveId);
        p.AddWithValue("agency_id", (object?)s.AgencyId ?? "");
        p.AddWithValue("creator_id", s.CreatorId);
        p.AddWithValue("creator_name", s.CreatorName);
        p.AddWithValue("creator_type", Wire(s.CreatorType));
        p.AddWithValue("title", s.Title);
        p.AddWithValue("status", Wire(s.Status));
        p.AddWithValue("started_at", s.StartedAt.ToUniversalTime());
        p.AddWithValue("ended_at", (object?)s.EndedAt?.ToUniversalTime() ?? DBNull.Value);
        p.AddWithValue("currency", (object?)s.Currency ?? DBNull.Value);
        p.AddWithValue("gmv", c.Gmv);
        p.AddWithValue("affiliate_gmv", c.AffiliateGmv);
        p.AddWithValue("orders", c.Orders);
        p.AddWithValue("items_sold", c.ItemsSold);
        p.AddWithValue("buyers", c.Buyers);
        p.AddWithValue("refunds", c.Refunds);
        p.AddWithValue("refunded_amount", c.RefundedAmount);
        p.AddWithValue("views", c.Views);
        p.AddWithValue("unique_viewers", c.UniqueViewers);
        p.AddWithValue("peak_viewers", c.PeakViewers);
        p.AddWithValue("viewer_seconds", c.ViewerSeconds);
        p.AddWithValue("live_impressions", c.LiveImpressions);
        p.AddWithValue("product_impressions", c.ProductImpressions);
        p.AddWithValue("product_clicks", c.ProductClicks);
        p.AddWithValue("likes", c.Likes);
        p.AddWithValue("comments", c.Comments);
        p.AddWithValue("shares", c.Shares);
        p.AddWithValue("new_followers", c.NewFollowers);
        p.AddWithValue("duration_seconds", c.DurationSeconds);
        p.Add(new NpgsqlParameter("summary", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(s, LiveJson.Options) });
        p.Add(new NpgsqlParameter("dashboard", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(record.Dashboard, LiveJson.Options) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Page<LiveSummary>> QueryAsync(HistoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        long total;
        await using (var count = Command(query, "SELECT count(*) FROM live_history", paged: false))
        {
            total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }
        var items = new List<LiveSummary>();
        await foreach (var row in Read(query, paged: true, cancellationToken)) items.Add(row);
        return new Page<LiveSummary>(items, query.Page, query.PageSize, total);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<LiveSummary> StreamAsync(HistoryQuery query, CancellationToken cancellationToken) =>
        Read(query ?? throw new ArgumentNullException(nameof(query)), paged: false, cancellationToken);

    /// <inheritdoc />
    public async Task<LiveDashboard?> GetDashboardAsync(string liveId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT dashboard::text FROM live_history WHERE live_id = @id");
        command.Parameters.AddWithValue("id", liveId);
        var json = await command.ExecuteScalarAsync(cancellationToken) as string;
        return json is null ? null : JsonSerializer.Deserialize<LiveDashboard>(json, LiveJson.Options);
    }

    private async IAsyncEnumerable<LiveSummary> Read(HistoryQuery query, bool paged, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Rows stream from the server one by one (no buffering of the result).
        await using var command = Command(query, "SELECT summary::text FROM live_history", paged);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return JsonSerializer.Deserialize<LiveSummary>(reader.GetString(0), LiveJson.Options)!;
        }
    }

    private NpgsqlCommand Command(HistoryQuery q, string select, bool paged)
    {
        var order = q.Sort switch
        {
            HistorySort.StartedAsc => "started_at ASC, live_id",
            HistorySort.MetricAsc => "(summary->'metrics'->>@sort_metric)::numeric ASC NULLS LAST, started_at DESC, live_id",
            HistorySort.MetricDesc => "(summary->'metrics'->>@sort_metric)::numeric DESC NULLS LAST, started_at DESC, live_id",
            _ => "started_at DESC, live_id",
        };
        var sql = $"""
            {select}
            WHERE agency_id = @agency AND (@creator::text IS NULL OR creator_id = @creator)
              AND (@from::timestamptz IS NULL OR started_at >= @from) AND (@to::timestamptz IS NULL OR started_at < @to)
            """;
        if (!select.Contains("count(*)", StringComparison.Ordinal)) sql += $"\nORDER BY {order}";
        if (paged) sql += "\nLIMIT @limit OFFSET @offset";
        var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("agency", q.AgencyId);
        command.Parameters.Add(new NpgsqlParameter("creator", NpgsqlDbType.Text) { Value = (object?)q.CreatorId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = (object?)q.From?.ToUniversalTime() ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = (object?)q.To?.ToUniversalTime() ?? DBNull.Value });
        command.Parameters.AddWithValue("sort_metric", q.SortMetric ?? "");
        command.Parameters.AddWithValue("limit", q.PageSize);
        command.Parameters.AddWithValue("offset", (long)(q.Page - 1) * q.PageSize);
        return command;
    }

    private static string Wire<TEnum>(TEnum value) where TEnum : struct, Enum => JsonSerializer.Serialize(value, LiveJson.Options).Trim('"');
}

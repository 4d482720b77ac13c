using System.Data;
using System.Runtime.CompilerServices;
using System.Text.Json;
using LiveGrains.Contracts.Events;
using LiveGrains.Contracts.History;
using LiveGrains.Contracts.Json;
using LiveGrains.Contracts.Metrics;
using LiveGrains.Contracts.Views;
using Npgsql;
using NpgsqlTypes;

namespace LiveGrains.Storage.History;

/// <summary>
/// The history read model on Postgres: one upserted row per LIVE (late events rewrite it), queried with
/// paging and streamed for export, and child rows for the dashboard's lists, replaced with the row in one
/// transaction. Sort columns come from a fixed list; values are always parameters.
/// </summary>
public sealed class PostgresLiveHistoryStore(NpgsqlDataSource dataSource) : ILiveHistoryStore
{
    

    private const string Upsert = """
        INSERT INTO live_history (live_id, agency_id, creator_id, creator_name, creator_type, title, status, started_at, ended_at, currency,
            gmv, affiliate_gmv, orders, items_sold, buyers, refunds, refunded_amount, views, unique_viewers, peak_viewers, viewer_seconds,
            live_impressions, product_impressions, product_clicks, likes, comments, shares, new_followers, duration_seconds, summary,
            creator_avatar_url, end_reason, card_comments, pinned_product_id, pinned_product_currency, card_attention, card_updated_at,
            viewer_profile, written_at)
        VALUES (@live_id, @agency_id, @creator_id, @creator_name, @creator_type, @title, @status, @started_at, @ended_at, @currency,
            @gmv, @affiliate_gmv, @orders, @items_sold, @buyers, @refunds, @refunded_amount, @views, @unique_viewers, @peak_viewers, @viewer_seconds,
            @live_impressions, @product_impressions, @product_clicks, @likes, @comments, @shares, @new_followers, @duration_seconds, @summary,
            @creator_avatar_url, @end_reason, @card_comments, @pinned_product_id, @pinned_product_currency, @card_attention, @card_updated_at,
            @viewer_profile, now())
        ON CONFLICT (live_id) DO UPDATE SET
            agency_id = excluded.agency_id, creator_id = excluded.creator_id, creator_name = excluded.creator_name,
            creator_type = excluded.creator_type, title = excluded.title, status = excluded.status, started_at = excluded.started_at,
            ended_at = excluded.ended_at, currency = excluded.currency, gmv = excluded.gmv, affiliate_gmv = excluded.affiliate_gmv,
            orders = excluded.orders, items_sold = excluded.items_sold, buyers = excluded.buyers, refunds = excluded.refunds,
            refunded_amount = excluded.refunded_amount, views = excluded.views, unique_viewers = excluded.unique_viewers,
            peak_viewers = excluded.peak_viewers, viewer_seconds = excluded.viewer_seconds, live_impressions = excluded.live_impressions,
            product_impressions = excluded.product_impressions, product_clicks = excluded.product_clicks, likes = excluded.likes,
            comments = excluded.comments, shares = excluded.shares, new_followers = excluded.new_followers,
            duration_seconds = excluded.duration_seconds, summary = excluded.summary, creator_avatar_url = excluded.creator_avatar_url,
            end_reason = excluded.end_reason, card_comments = excluded.card_comments, pinned_product_id = excluded.pinned_product_id,
            pinned_product_currency = excluded.pinned_product_currency, card_attention = excluded.card_attention,
            card_updated_at = excluded.card_updated_at, viewer_profile = excluded.viewer_profile, written_at = now()
        """;

    private const string SelectRow = """
        SELECT summary::text, creator_avatar_url, end_reason, card_comments, pinned_product_id, pinned_product_currency,
            card_attention::text, card_updated_at, viewer_profile::text
        FROM live_history WHERE live_id = @live_id
        """;

    /// <inheritdoc />
    public async Task SaveAsync(LiveHistoryRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        EnsureRebuildable(record);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The row's upsert goes first and locks the row, so two saves of one LIVE replace its children in turn.
        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { Row(record) } };
        HistoryDetailTables.AddReplace(batch, record.Summary.LiveId, record.Dashboard);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Row(LiveHistoryRecord record)
    {
        var s = record.Summary;
        var c = s.Counters;
        var d = record.Dashboard;
        var command = new NpgsqlBatchCommand(Upsert);
        var p = command.Parameters;
        p.AddWithValue("live_id", s.LiveId);
        p.AddWithValue("agency_id", (object?)s.AgencyId ?? "");
        p.AddWithValue("creator_id", s.CreatorId);
        p.AddWithValue("creator_name", s.CreatorName);
        p.AddWithValue("creator_type", WireNames.Of(s.CreatorType));
        p.AddWithValue("title", s.Title);
        p.AddWithValue("status", WireNames.Of(s.Status));
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
        p.AddWithValue("creator_avatar_url", (object?)d.Card.CreatorAvatarUrl ?? DBNull.Value);
        p.AddWithValue("end_reason", d.EndReason is { } reason ? WireNames.Of(reason) : DBNull.Value);
        p.AddWithValue("card_comments", d.Card.LatestComments.Count);
        p.AddWithValue("pinned_product_id", (object?)d.Card.PinnedProduct?.ProductId ?? DBNull.Value);
        p.AddWithValue("pinned_product_currency", (object?)d.Card.PinnedProduct?.Currency ?? DBNull.Value);
        p.Add(new NpgsqlParameter("card_attention", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(d.Card.Attention, LiveJson.Options) });
        p.AddWithValue("card_updated_at", d.Card.UpdatedAt.ToUniversalTime());
        p.Add(new NpgsqlParameter("viewer_profile", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(d.Profile, LiveJson.Options) });
        return command;
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
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for the row and its children, so a concurrent re-save is seen whole or not at all.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands = { new NpgsqlBatchCommand(SelectRow) { Parameters = { new("live_id", liveId) } } },
        };
        HistoryDetailTables.AddSelects(batch, liveId);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var s = JsonSerializer.Deserialize<LiveSummary>(reader.GetString(0), LiveJson.Options)!;
        var avatar = reader.IsDBNull(1) ? null : reader.GetString(1);
        LiveEndReason? endReason = reader.IsDBNull(2) ? null : WireNames.Parse<LiveEndReason>(reader.GetString(2));
        var cardComments = reader.GetInt32(3);
        var pinnedId = reader.IsDBNull(4) ? null : reader.GetString(4);
        var pinnedCurrency = reader.IsDBNull(5) ? null : reader.GetString(5);
        var attention = JsonSerializer.Deserialize<List<AttentionReason>>(reader.GetString(6), LiveJson.Options)!;
        var updatedAt = reader.GetFieldValue<DateTimeOffset>(7);
        var profile = JsonSerializer.Deserialize<ViewerProfile>(reader.GetString(8), LiveJson.Options)!;
        await reader.NextResultAsync(cancellationToken);
        var details = await HistoryDetailTables.ReadAsync(reader, cancellationToken);

        // Who, when and every metric are the summary's: the summary is the dashboard's own row (LiveViews.Summary).
        var card = new LiveCard(s.LiveId, s.CreatorId, s.CreatorName, avatar, s.CreatorType, s.AgencyId, s.Title, s.Status, s.StartedAt,
            s.EndedAt, s.Currency, InCatalogOrder(s.Metrics), [.. details.Comments.Take(cardComments)],
            PinnedProduct(details.Products, pinnedId, pinnedCurrency), details.Violations, attention, updatedAt, Pinned: false);
        return new LiveDashboard(card, s.Counters, profile, details.Trends, details.Products, details.Promotions, details.Violations,
            details.Comments, endReason);
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

    // The dashboard is stored as the summary, a few card columns and the child rows, and rebuilt from them; a card
    // those cannot reproduce would change in a round trip, so it is refused rather than stored differently.
    private static void EnsureRebuildable(LiveHistoryRecord record)
    {
        var d = record.Dashboard;
        var card = d.Card;
        var problem =
            card.Pinned ? "its card is pinned, but pinning is an agency's view of a LIVE, applied when the agency is queried"
            : !card.LatestComments.SequenceEqual(d.Comments.Take(card.LatestComments.Count)) ? "the card's comments are not the newest of the comment sample"
            : !card.Violations.SequenceEqual(d.Violations) ? "the card's violations are not the dashboard's"
            : card.PinnedProduct is { } pin && PinnedProduct(d.Products, pin.ProductId, pin.Currency) != pin
                ? "the card's pinned product differs from its product row"
            : null;
        if (problem is not null) throw new ArgumentException($"LIVE {record.Summary.LiveId} cannot be stored: {problem}.", nameof(record));
    }

    // jsonb keeps object keys in its own order; the card lists metrics in catalog order, as the grain derives them.
    private static Dictionary<string, decimal?> InCatalogOrder(IReadOnlyDictionary<string, decimal?> metrics) =>
        MetricCatalog.All.Select(m => m.Key).Where(metrics.ContainsKey).Concat(metrics.Keys.Where(k => MetricCatalog.Find(k) is null))
            .ToDictionary(k => k, k => metrics[k]);

    private static ProductView? PinnedProduct(IReadOnlyList<ProductStats> products, string? productId, string? currency) =>
        productId is not null && products.FirstOrDefault(p => p.ProductId == productId) is { Name: { } name } product
            ? new ProductView(productId, name, product.Price ?? 0, currency ?? "", product.ImageUrl)
            : null;
}

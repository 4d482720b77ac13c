-- History details as tables: trends, products, promotions, violations and the comment sample of a LIVE were
-- only inside live_history.dashboard, which SQL cannot join or aggregate ("which LIVEs had a suspension",
-- "GMV of a product across LIVEs", "viewers per minute"). They become child rows of live_history, and the
-- dashboard is rebuilt from the row and its children, so the blob is dropped: one source of truth.
-- Child rows other than trend minutes keep their position in the dashboard list, so a rebuilt list has the
-- order the LIVE gave it (ties included) without re-stating each list's sort rule here.

-- What the dashboard card holds beyond the summary and the child rows.
ALTER TABLE live_history
    ADD COLUMN creator_avatar_url      text,
    ADD COLUMN end_reason              text,
    -- The card's latest comments are the newest of the comment sample; only how many is card-specific.
    ADD COLUMN card_comments           integer     NOT NULL DEFAULT 0,
    -- The pinned product's name, price and image are its live_history_product row; its currency is not there.
    ADD COLUMN pinned_product_id       text,
    ADD COLUMN pinned_product_currency text,
    -- Attention was evaluated when the card was computed; it is a message for the card, not data to query.
    ADD COLUMN card_attention          jsonb       NOT NULL DEFAULT '[]',
    ADD COLUMN card_updated_at         timestamptz,
    -- The viewer profile stays jsonb: five fixed breakdowns of a few slices each, always read whole with the
    -- LIVE, and jsonb_array_elements reaches a slice when a query needs one. A table would add a join to every
    -- dashboard read for no query that the jsonb cannot serve.
    ADD COLUMN viewer_profile          jsonb;

-- One row per minute of the trend, with the raw counters of that minute as the trend point carries them, so
-- every trendable ratio (aov, ctr, gpm, rates) is derived in SQL or by the metric catalog rather than stored.
-- Average viewers and average view duration are stored: their inputs (viewer-seconds, seconds on air) are
-- not part of a trend point. Money is unconstrained numeric so values read back with the scale they had; a trend
-- point rounds money to cents, so minutes with sub-cent amounts re-derive ratios from the rounded value.
CREATE TABLE live_history_trend (
    live_id              text        NOT NULL REFERENCES live_history (live_id) ON DELETE CASCADE,
    minute               timestamptz NOT NULL,
    gmv                  numeric     NOT NULL,
    affiliate_gmv        numeric     NOT NULL,
    orders               bigint      NOT NULL,
    items_sold           bigint      NOT NULL,
    refunds              bigint      NOT NULL,
    refunded_amount      numeric     NOT NULL,
    views                bigint      NOT NULL,
    current_viewers      bigint      NOT NULL,
    peak_viewers         bigint      NOT NULL,
    live_impressions     bigint      NOT NULL,
    product_impressions  bigint      NOT NULL,
    product_clicks       bigint      NOT NULL,
    likes                bigint      NOT NULL,
    comments             bigint      NOT NULL,
    shares               bigint      NOT NULL,
    new_followers        bigint      NOT NULL,
    avg_viewers          numeric,
    avg_view_duration    numeric,
    PRIMARY KEY (live_id, minute)
);

CREATE TABLE live_history_product (
    live_id      text    NOT NULL REFERENCES live_history (live_id) ON DELETE CASCADE,
    product_id   text    NOT NULL,
    position     integer NOT NULL,
    name         text,
    price        numeric,
    image_url    text,
    impressions  bigint  NOT NULL,
    clicks       bigint  NOT NULL,
    orders       bigint  NOT NULL,
    items_sold   bigint  NOT NULL,
    gmv          numeric NOT NULL,
    refunds      bigint  NOT NULL,
    -- Kept as the LIVE rounded it (a product's CTR is not a catalog metric, so no shared rule re-derives it).
    ctr          numeric,
    is_pinned    boolean NOT NULL,
    PRIMARY KEY (live_id, product_id)
);
-- A product's performance across LIVEs.
CREATE INDEX live_history_product_product ON live_history_product (product_id, live_id);

CREATE TABLE live_history_promotion (
    live_id       text        NOT NULL REFERENCES live_history (live_id) ON DELETE CASCADE,
    promotion_id  text        NOT NULL,
    position      integer     NOT NULL,
    kind          text        NOT NULL,
    details       text        NOT NULL,
    product_id    text,
    started_at    timestamptz,
    ended_at      timestamptz,
    orders        bigint      NOT NULL,
    gmv           numeric     NOT NULL,
    PRIMARY KEY (live_id, promotion_id)
);

CREATE TABLE live_history_violation (
    live_id       text        NOT NULL REFERENCES live_history (live_id) ON DELETE CASCADE,
    violation_id  text        NOT NULL,
    position      integer     NOT NULL,
    policy        text        NOT NULL,
    reason        text        NOT NULL,
    points        integer     NOT NULL,
    action        text        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    PRIMARY KEY (live_id, violation_id)
);
-- Which LIVEs had a suspension, or breached a policy.
CREATE INDEX live_history_violation_action ON live_history_violation (action, live_id);
CREATE INDEX live_history_violation_policy ON live_history_violation (policy, live_id);

-- The comment sample the dashboard keeps (the newest, newest first); comments have no id of their own.
CREATE TABLE live_history_comment (
    live_id      text        NOT NULL REFERENCES live_history (live_id) ON DELETE CASCADE,
    position     integer     NOT NULL,
    viewer_id    text        NOT NULL,
    nickname     text        NOT NULL,
    text         text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    PRIMARY KEY (live_id, position)
);

-- Rows written before this migration carry their details only in the dashboard blob: move them out.
UPDATE live_history SET
    creator_avatar_url = dashboard #>> '{card,creatorAvatarUrl}',
    end_reason = dashboard ->> 'endReason',
    card_comments = jsonb_array_length(coalesce(dashboard #> '{card,latestComments}', '[]')),
    pinned_product_id = dashboard #>> '{card,pinnedProduct,productId}',
    pinned_product_currency = dashboard #>> '{card,pinnedProduct,currency}',
    card_attention = coalesce(dashboard #> '{card,attention}', '[]'),
    card_updated_at = (dashboard #>> '{card,updatedAt}')::timestamptz,
    viewer_profile = dashboard -> 'profile';

INSERT INTO live_history_trend
SELECT h.live_id, (t.p ->> 'minute')::timestamptz,
       (v ->> 'gmv')::numeric, (v ->> 'affiliate_gmv')::numeric, (v ->> 'orders')::bigint, (v ->> 'items_sold')::bigint,
       (v ->> 'refunds')::bigint, (v ->> 'refunded_amount')::numeric, (v ->> 'views')::bigint,
       (v ->> 'current_viewers')::bigint, (v ->> 'peak_viewers')::bigint, (v ->> 'live_impressions')::bigint,
       (v ->> 'product_impressions')::bigint, (v ->> 'product_clicks')::bigint, (v ->> 'likes')::bigint,
       (v ->> 'comments')::bigint, (v ->> 'shares')::bigint, (v ->> 'new_followers')::bigint,
       (v ->> 'avg_viewers')::numeric, (v ->> 'avg_view_duration')::numeric
FROM live_history h
CROSS JOIN LATERAL jsonb_array_elements(h.dashboard -> 'trends') AS t(p)
CROSS JOIN LATERAL (SELECT t.p -> 'values') AS x(v);

INSERT INTO live_history_product
SELECT h.live_id, p ->> 'productId', n - 1, p ->> 'name', (p ->> 'price')::numeric, p ->> 'imageUrl',
       (p ->> 'impressions')::bigint, (p ->> 'clicks')::bigint, (p ->> 'orders')::bigint, (p ->> 'itemsSold')::bigint,
       (p ->> 'gmv')::numeric, (p ->> 'refunds')::bigint, (p ->> 'ctr')::numeric, (p ->> 'isPinned')::boolean
FROM live_history h CROSS JOIN LATERAL jsonb_array_elements(h.dashboard -> 'products') WITH ORDINALITY AS t(p, n);

INSERT INTO live_history_promotion
SELECT h.live_id, p ->> 'promotionId', n - 1, p ->> 'kind', p ->> 'details', p ->> 'productId',
       (p ->> 'startedAt')::timestamptz, (p ->> 'endedAt')::timestamptz, (p ->> 'orders')::bigint, (p ->> 'gmv')::numeric
FROM live_history h CROSS JOIN LATERAL jsonb_array_elements(h.dashboard -> 'promotions') WITH ORDINALITY AS t(p, n);

INSERT INTO live_history_violation
SELECT h.live_id, p ->> 'violationId', n - 1, p ->> 'policy', p ->> 'reason', (p ->> 'points')::integer,
       p ->> 'action', (p ->> 'occurredAt')::timestamptz
FROM live_history h CROSS JOIN LATERAL jsonb_array_elements(h.dashboard -> 'violations') WITH ORDINALITY AS t(p, n);

INSERT INTO live_history_comment
SELECT h.live_id, n - 1, p ->> 'viewerId', p ->> 'nickname', p ->> 'text', (p ->> 'occurredAt')::timestamptz
FROM live_history h CROSS JOIN LATERAL jsonb_array_elements(h.dashboard -> 'comments') WITH ORDINALITY AS t(p, n);

ALTER TABLE live_history
    ALTER COLUMN card_comments DROP DEFAULT,
    ALTER COLUMN card_attention DROP DEFAULT,
    ALTER COLUMN card_updated_at SET NOT NULL,
    ALTER COLUMN viewer_profile SET NOT NULL,
    DROP COLUMN dashboard;

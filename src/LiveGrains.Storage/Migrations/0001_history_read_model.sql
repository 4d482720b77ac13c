-- History read model: one row per completed LIVE with every raw counter, so any catalog metric can be
-- derived in SQL; the row as the API lists it (summary, with derived metrics) and the full dashboard are kept
-- alongside for listing, metric sorts and drill-down.
CREATE TABLE live_history (
    live_id              text        PRIMARY KEY,
    agency_id            text        NOT NULL,
    creator_id           text        NOT NULL,
    creator_name         text        NOT NULL,
    creator_type         text        NOT NULL,
    title                text        NOT NULL,
    status               text        NOT NULL,
    started_at           timestamptz NOT NULL,
    ended_at             timestamptz,
    currency             text,
    gmv                  numeric(18, 2) NOT NULL,
    affiliate_gmv        numeric(18, 2) NOT NULL,
    orders               bigint      NOT NULL,
    items_sold           bigint      NOT NULL,
    buyers               bigint      NOT NULL,
    refunds              bigint      NOT NULL,
    refunded_amount      numeric(18, 2) NOT NULL,
    views                bigint      NOT NULL,
    unique_viewers       bigint      NOT NULL,
    peak_viewers         bigint      NOT NULL,
    viewer_seconds       numeric     NOT NULL,
    live_impressions     bigint      NOT NULL,
    product_impressions  bigint      NOT NULL,
    product_clicks       bigint      NOT NULL,
    likes                bigint      NOT NULL,
    comments             bigint      NOT NULL,
    shares               bigint      NOT NULL,
    new_followers        bigint      NOT NULL,
    duration_seconds     numeric     NOT NULL,
    summary              jsonb       NOT NULL,
    dashboard            jsonb       NOT NULL,
    written_at           timestamptz NOT NULL DEFAULT now()
);

-- All LIVEs lists an agency's LIVEs, or one creator's, newest first; exports walk the same order.
CREATE INDEX live_history_agency_started ON live_history (agency_id, started_at DESC, live_id);
CREATE INDEX live_history_agency_creator_started ON live_history (agency_id, creator_id, started_at DESC, live_id);
-- Metric sorts read the derived value from the jsonb; a GIN index keeps key lookups cheap.
CREATE INDEX live_history_summary ON live_history USING gin (summary jsonb_path_ops);

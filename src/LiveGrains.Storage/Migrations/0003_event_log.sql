-- The event log: every accepted envelope, append-only, with its per-LIVE sequence number. A LIVE grain acknowledges
-- events only once they are here, and replays its LIVE's rows after its last checkpoint on activation.
-- Partitioned by the day the event was accepted, so retention drops whole days; the default partition catches a
-- day whose partition was not created in time, so an append never fails for that reason.
CREATE TABLE live_event_log (
    accepted_on date        NOT NULL,
    live_id     text        NOT NULL,
    seq         bigint      NOT NULL,
    event_id    text        NOT NULL,
    event_type  text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    accepted_at timestamptz NOT NULL,
    envelope    jsonb       NOT NULL,
    PRIMARY KEY (live_id, seq, accepted_on)
) PARTITION BY RANGE (accepted_on);

CREATE TABLE live_event_log_default PARTITION OF live_event_log DEFAULT;

-- Creates the partitions of [from_day, from_day + days). Writers call it when the day changes; the advisory lock
-- keeps silos that do so at the same moment from racing on the catalog.
CREATE FUNCTION livegrains_ensure_event_log_partitions(from_day date, days integer) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
    day date;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('livegrains.live_event_log.partitions'));
    FOR i IN 0 .. days - 1 LOOP
        day := from_day + i;
        EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF live_event_log FOR VALUES FROM (%L) TO (%L)',
                       'live_event_log_' || to_char(day, 'YYYYMMDD'), day, day + 1);
    END LOOP;
END
$fn$;

SELECT livegrains_ensure_event_log_partitions(CAST(now() AT TIME ZONE 'UTC' AS date), 3);

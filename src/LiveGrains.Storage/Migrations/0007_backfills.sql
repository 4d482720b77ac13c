-- One-time data jobs that silos run at start-up, after the migrations, such as filling the creator directory from
-- grain state written before migration 0004. A row means the job finished, so later starts skip it; the job and
-- its row commit together, so a job cut short runs again in full.

CREATE TABLE backfills (
    name         text        PRIMARY KEY,
    completed_at timestamptz NOT NULL DEFAULT now(),
    summary      jsonb       NOT NULL
);

-- Creator directory: agencies, creators and the history of who was bound to whom, the read model behind creator
-- search. Creator and agency grains write through to it; their grain state stays the truth of the live system.

CREATE TABLE agencies (
    agency_id  text        PRIMARY KEY,
    name       text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE creators (
    creator_id   text        PRIMARY KEY,
    name         text        NOT NULL,
    avatar_url   text,
    creator_type text        NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- One row per binding period; the open one has no unbound_at. Closed rows are never deleted, so a creator that
-- moved keeps its past agencies.
CREATE TABLE creator_bindings (
    creator_id text        NOT NULL REFERENCES creators (creator_id),
    agency_id  text        NOT NULL REFERENCES agencies (agency_id),
    bound_at   timestamptz NOT NULL,
    unbound_at timestamptz,
    CHECK (unbound_at IS NULL OR unbound_at >= bound_at)
);

-- A creator is bound to at most one agency at a time; binds and unbinds find the open row through this index.
CREATE UNIQUE INDEX creator_bindings_open_creator ON creator_bindings (creator_id) WHERE unbound_at IS NULL;
CREATE INDEX creator_bindings_history ON creator_bindings (creator_id, bound_at);

-- Search reads an agency's open bindings through this index, then filters them on a substring of the name or id
-- and sorts by name. A substring (not prefix) match cannot use a btree on the name, and pg_trgm is an extension we
-- do not assume; an agency binds thousands of creators at most, so filtering and sorting its rows is cheap.
CREATE INDEX creator_bindings_open_agency ON creator_bindings (agency_id, creator_id) WHERE unbound_at IS NULL;

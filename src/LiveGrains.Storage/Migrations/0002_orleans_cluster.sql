-- Tables and stored queries for Orleans' ADO.NET clustering and grain storage providers (invariant "Npgsql").
-- The providers read their SQL from OrleansQuery by key, bind parameters by name (@DeploymentId, ...) and
-- read result columns by name, so every result column below is aliased to the quoted name the provider reads.

CREATE TABLE OrleansQuery (
    QueryKey  text PRIMARY KEY,
    QueryText text NOT NULL
);

-- Membership: one version row per cluster (the table's optimistic-concurrency token) and one row per silo.
CREATE TABLE orleans_membership_version (
    deployment_id text        PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orleans_membership (
    deployment_id   text        NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer,
    suspect_times   text,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Grain state: one row per grain and state name, versioned for optimistic concurrency.
CREATE TABLE orleans_grain_state (
    service_id        text    NOT NULL,
    grain_type_hash   integer NOT NULL,
    grain_type        text    NOT NULL,
    grain_id_hash     integer NOT NULL,
    grain_id_n0       bigint  NOT NULL,
    grain_id_n1       bigint  NOT NULL,
    grain_id_ext      text    NOT NULL DEFAULT '',
    payload           bytea,
    version           integer NOT NULL,
    modified_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1, grain_type, grain_id_ext)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', $q$
    WITH inserted AS (
        INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
        ON CONFLICT (deployment_id) DO NOTHING
        RETURNING 1)
    SELECT count(*) > 0 FROM inserted
$q$),
('MembershipReadAllKey', $q$
    SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
           m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
           m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
    FROM orleans_membership_version v
    LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
    WHERE v.deployment_id = @DeploymentId
$q$),
('MembershipReadRowKey', $q$
    SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
           m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
           m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
    FROM orleans_membership_version v
    LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
        AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    WHERE v.deployment_id = @DeploymentId
$q$),
-- The version bump and the insert succeed together or not at all: the bump only happens when the silo's row
-- does not exist yet, and the insert only when the bump happened (the version row lock serialises writers).
('InsertMembershipKey', $q$
    WITH bumped AS (
        UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
        WHERE deployment_id = @DeploymentId AND version = @Version
          AND NOT EXISTS (SELECT 1 FROM orleans_membership
                          WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
        RETURNING 1),
    inserted AS (
        INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
                                        start_time, i_am_alive_time)
        SELECT @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
        WHERE EXISTS (SELECT 1 FROM bumped)
        RETURNING 1)
    SELECT count(*) > 0 FROM inserted
$q$),
('UpdateMembershipKey', $q$
    WITH bumped AS (
        UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
        WHERE deployment_id = @DeploymentId AND version = @Version
          AND EXISTS (SELECT 1 FROM orleans_membership
                      WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
        RETURNING 1),
    updated AS (
        UPDATE orleans_membership SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
        WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
          AND EXISTS (SELECT 1 FROM bumped)
        RETURNING 1)
    SELECT count(*) > 0 FROM updated
$q$),
('UpdateIAmAlivetimeKey', $q$
    UPDATE orleans_membership SET i_am_alive_time = @IAmAliveTime
    WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$q$),
('GatewaysQueryKey', $q$
    SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
    FROM orleans_membership
    WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),
('DeleteMembershipTableEntriesKey', $q$
    DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
$q$),
-- Status 6 is SiloStatus.Dead.
('CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM orleans_membership
    WHERE deployment_id = @DeploymentId AND status = 6 AND i_am_alive_time < @IAmAliveTime AND start_time < @IAmAliveTime
      AND coalesce(suspect_times, '') = ''
$q$),
('CleanupDefunctSiloEntryKey', $q$
    DELETE FROM orleans_membership
    WHERE deployment_id = @DeploymentId AND status = 6
      AND address = @Address AND port = @Port AND generation = @Generation
      AND i_am_alive_time = @IAmAliveTime AND start_time = @StartTime
      AND coalesce(suspect_times, '') = coalesce(CAST(@SuspectTimes AS text), '')
$q$),
('ReadFromStorageKey', $q$
    SELECT payload AS "PayloadBinary", version AS "Version"
    FROM orleans_grain_state
    WHERE service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
      AND grain_id_ext = coalesce(CAST(@GrainIdExtensionString AS text), '')
$q$),
-- A NULL @GrainStateVersion means "first write": it inserts, and fails on an existing row. Otherwise the row must
-- still carry the version the grain read. On a conflict no row is returned and the provider raises.
('WriteToStorageKey', $q$
    WITH updated AS (
        UPDATE orleans_grain_state SET payload = @PayloadBinary, version = version + 1, modified_at = now()
        WHERE CAST(@GrainStateVersion AS integer) IS NOT NULL AND version = CAST(@GrainStateVersion AS integer)
          AND service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
          AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
          AND grain_id_ext = coalesce(CAST(@GrainIdExtensionString AS text), '')
        RETURNING version),
    inserted AS (
        INSERT INTO orleans_grain_state (service_id, grain_type_hash, grain_type, grain_id_hash, grain_id_n0, grain_id_n1, grain_id_ext, payload, version)
        SELECT @ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash, @GrainIdN0, @GrainIdN1,
               coalesce(CAST(@GrainIdExtensionString AS text), ''), @PayloadBinary, 1
        WHERE CAST(@GrainStateVersion AS integer) IS NULL
        ON CONFLICT DO NOTHING
        RETURNING version)
    SELECT version AS "NewGrainStateVersion" FROM updated
    UNION ALL
    SELECT version FROM inserted
$q$),
('ClearStorageKey', $q$
    UPDATE orleans_grain_state SET payload = NULL, version = version + 1, modified_at = now()
    WHERE version = CAST(@GrainStateVersion AS integer)
      AND service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
      AND grain_id_ext = coalesce(CAST(@GrainIdExtensionString AS text), '')
    RETURNING version AS "NewGrainStateVersion"
$q$);

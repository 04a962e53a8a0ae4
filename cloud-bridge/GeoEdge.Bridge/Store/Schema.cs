namespace GeoEdge.Bridge.Store;

/// <summary>
/// The SQLite schema. Every statement is idempotent so opening an existing store is safe. The file is shared with
/// the cell database and the transparency log on their own connections: busy_timeout lets SQLite wait out their
/// writes in milliseconds, where without it Microsoft.Data.Sqlite retries a busy statement only every 150 ms.
/// </summary>
internal static class Schema
{
    public const string Create = """
        PRAGMA journal_mode = WAL;
        PRAGMA foreign_keys = ON;
        PRAGMA busy_timeout = 10000;
        CREATE TABLE IF NOT EXISTS hosts (
            host_id        TEXT PRIMARY KEY,
            ek_certificate BLOB NOT NULL,
            ek_public      BLOB NOT NULL,
            ak_public      BLOB NOT NULL,
            ak_name        TEXT NOT NULL,
            composition    TEXT NOT NULL,
            enrolled_at    TEXT NOT NULL,
            last_seq       INTEGER,
            last_clock     INTEGER,
            last_reset     INTEGER,
            last_restart   INTEGER
        );
        CREATE TABLE IF NOT EXISTS challenges (
            challenge_id   TEXT PRIMARY KEY,
            host_id        TEXT NOT NULL,
            request        BLOB NOT NULL,
            secret         BLOB NOT NULL,
            ak_name        TEXT NOT NULL,
            created_at     TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS readings (
            host_id        TEXT NOT NULL REFERENCES hosts(host_id),
            seq            INTEGER NOT NULL,
            received_at    TEXT NOT NULL,
            reading        BLOB NOT NULL,
            quote_attest   BLOB NOT NULL,
            quote_signature BLOB NOT NULL,
            PRIMARY KEY (host_id, seq)
        );
        CREATE TABLE IF NOT EXISTS verdicts (
            id             INTEGER PRIMARY KEY AUTOINCREMENT,
            host_id        TEXT NOT NULL,
            seq            INTEGER,
            created_at     TEXT NOT NULL,
            ear_status     TEXT NOT NULL,
            geofence       TEXT,
            policy_id      TEXT,
            reasons        TEXT NOT NULL,
            ear            TEXT NOT NULL,
            gnss_authenticated INTEGER,
            gnss_authenticated_satellites INTEGER,
            location_grade TEXT
        );
        CREATE INDEX IF NOT EXISTS verdicts_by_host ON verdicts(host_id, id);
        CREATE INDEX IF NOT EXISTS verdicts_by_host_seq ON verdicts(host_id, seq);
        CREATE TABLE IF NOT EXISTS policies (
            host_id        TEXT NOT NULL,
            policy_id      TEXT NOT NULL,
            version        INTEGER NOT NULL,
            body           TEXT NOT NULL,
            created_at     TEXT NOT NULL,
            PRIMARY KEY (host_id, policy_id, version)
        );
        CREATE TABLE IF NOT EXISTS host_groups (
            group_id       TEXT PRIMARY KEY,
            created_at     TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS group_members (
            group_id       TEXT NOT NULL REFERENCES host_groups(group_id),
            host_id        TEXT NOT NULL,
            added_at       TEXT NOT NULL,
            PRIMARY KEY (group_id, host_id)
        );
        CREATE INDEX IF NOT EXISTS group_members_by_host ON group_members(host_id);
        CREATE TABLE IF NOT EXISTS group_membership_changes (
            group_id       TEXT NOT NULL REFERENCES host_groups(group_id),
            version        INTEGER NOT NULL,
            host_id        TEXT NOT NULL,
            change         TEXT NOT NULL CHECK (change IN ('added', 'removed')),
            changed_at     TEXT NOT NULL,
            PRIMARY KEY (group_id, version)
        );
        CREATE TABLE IF NOT EXISTS group_policies (
            group_id       TEXT NOT NULL REFERENCES host_groups(group_id),
            policy_id      TEXT NOT NULL,
            version        INTEGER NOT NULL,
            body           TEXT NOT NULL,
            created_at     TEXT NOT NULL,
            retired        INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (group_id, policy_id, version)
        );
        CREATE TABLE IF NOT EXISTS platform_state (
            host_id        TEXT PRIMARY KEY REFERENCES hosts(host_id),
            reset_count    INTEGER NOT NULL,
            boot_pcrs      TEXT,
            boot_log_sha256 TEXT,
            boot_findings  TEXT NOT NULL,
            secure_boot    INTEGER,
            ima_entries    INTEGER NOT NULL,
            ima_sha1       BLOB NOT NULL,
            ima_sha256     BLOB NOT NULL,
            agent_measured INTEGER NOT NULL,
            ima_failures   TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS host_geolocation (
            host_id        TEXT PRIMARY KEY,
            phone_number   TEXT,
            stationary_tolerance_m REAL,
            anchor_lat     REAL,
            anchor_lon     REAL
        );
        CREATE TABLE IF NOT EXISTS host_location (
            host_id        TEXT PRIMARY KEY REFERENCES hosts(host_id),
            latitude       REAL NOT NULL,
            longitude      REAL NOT NULL,
            radius_m       REAL NOT NULL,
            located_at     TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS composition_pending (
            host_id        TEXT PRIMARY KEY REFERENCES hosts(host_id),
            composition    TEXT NOT NULL,
            first_seen     TEXT NOT NULL,
            last_seen      TEXT NOT NULL
        );
        """;

    /// <summary>
    /// Columns added after a table was first released: (table, column, type). A store created by an
    /// older bridge gets them on open (SQLite has no ADD COLUMN IF NOT EXISTS, so the store checks
    /// first); its older rows keep NULL there, meaning "not recorded".
    /// </summary>
    public static readonly IReadOnlyList<(string Table, string Column, string Type)> AddedColumns =
    [
        ("verdicts", "gnss_authenticated", "INTEGER"),
        ("verdicts", "gnss_authenticated_satellites", "INTEGER"),
        ("verdicts", "location_grade", "TEXT"),
        // A host policy's version that retires it (DELETE): older stores had no retirement, so NULL means live.
        ("policies", "retired", "INTEGER"),
        // When the group was deleted (DELETE /v1/groups/{id}): NULL means live. The row stays so that the
        // group's policy versions and membership history, which reference it, stay readable.
        ("host_groups", "deleted_at", "TEXT"),
        // Where the result is in the transparency log, and its RFC 3161 timestamp token (NULL: none was made).
        ("verdicts", "log_index", "INTEGER"),
        ("verdicts", "ear_timestamp", "BLOB"),
        // The tree size whose head the token covers (NULL on older rows: their token covers the EAR itself).
        ("verdicts", "ear_timestamp_tree_size", "INTEGER"),
        // The result message as published, for accepted readings only: a copy of the reading gets it again.
        ("verdicts", "published_result", "BLOB"),
    ];
}

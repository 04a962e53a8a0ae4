namespace GeoEdge.Transparency;

/// <summary>
/// The log's tables, prefixed tlog_ because the bridge's database file is shared. Append-only is the schema's
/// own rule: triggers abort every UPDATE and DELETE, an entry out of order and a node written twice, whoever
/// issues them. (Someone who can drop triggers can rewrite the file; the signed tree heads and consistency
/// proofs are what expose that to anyone who kept an older head.)
/// </summary>
internal static class LogSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS tlog_entries (
            idx INTEGER PRIMARY KEY CHECK (idx >= 0),
            leaf_hash BLOB NOT NULL CHECK (length(leaf_hash) = 32),
            entry BLOB NOT NULL,
            appended_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS tlog_entries_by_leaf_hash ON tlog_entries (leaf_hash);
        -- The hash of every complete subtree: leaves [idx * 2^level, (idx + 1) * 2^level).
        CREATE TABLE IF NOT EXISTS tlog_nodes (
            level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 62),
            idx INTEGER NOT NULL CHECK (idx >= 0),
            hash BLOB NOT NULL CHECK (length(hash) = 32),
            PRIMARY KEY (level, idx)
        ) WITHOUT ROWID;
        CREATE TRIGGER IF NOT EXISTS tlog_entries_no_update BEFORE UPDATE ON tlog_entries
            BEGIN SELECT RAISE(ABORT, 'tlog_entries is append-only: UPDATE refused'); END;
        CREATE TRIGGER IF NOT EXISTS tlog_entries_no_delete BEFORE DELETE ON tlog_entries
            BEGIN SELECT RAISE(ABORT, 'tlog_entries is append-only: DELETE refused'); END;
        CREATE TRIGGER IF NOT EXISTS tlog_entries_next_index BEFORE INSERT ON tlog_entries
            WHEN NEW.idx IS NOT (SELECT COALESCE(MAX(idx), -1) + 1 FROM tlog_entries)
            BEGIN SELECT RAISE(ABORT, 'tlog_entries is append-only: an entry must take the next index'); END;
        CREATE TRIGGER IF NOT EXISTS tlog_nodes_no_update BEFORE UPDATE ON tlog_nodes
            BEGIN SELECT RAISE(ABORT, 'tlog_nodes is append-only: UPDATE refused'); END;
        CREATE TRIGGER IF NOT EXISTS tlog_nodes_no_delete BEFORE DELETE ON tlog_nodes
            BEGIN SELECT RAISE(ABORT, 'tlog_nodes is append-only: DELETE refused'); END;
        CREATE TRIGGER IF NOT EXISTS tlog_nodes_write_once BEFORE INSERT ON tlog_nodes
            WHEN EXISTS (SELECT 1 FROM tlog_nodes WHERE level = NEW.level AND idx = NEW.idx)
            BEGIN SELECT RAISE(ABORT, 'tlog_nodes is append-only: a node is written once'); END;
        """;
}

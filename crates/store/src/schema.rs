//! The schema, its version check, and connection settings.

use rusqlite::Connection;

use crate::SCHEMA_VERSION;

const TABLES: &str = r#"
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    lang TEXT,
    hash INTEGER NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    lines INTEGER NOT NULL,
    parse_errors INTEGER NOT NULL,
    dynamic INTEGER NOT NULL,
    skipped TEXT
);
CREATE TABLE IF NOT EXISTS defs (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    container TEXT,
    visibility TEXT NOT NULL,
    start_line INTEGER NOT NULL, start_col INTEGER NOT NULL,
    end_line INTEGER NOT NULL, end_col INTEGER NOT NULL,
    start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL,
    name_line INTEGER NOT NULL, name_col INTEGER NOT NULL,
    name_end_line INTEGER NOT NULL, name_end_col INTEGER NOT NULL,
    doc TEXT,
    params TEXT,
    signature TEXT
);
CREATE TABLE IF NOT EXISTS refs (
    file_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    qualifier TEXT,
    line INTEGER NOT NULL, col INTEGER NOT NULL,
    end_line INTEGER NOT NULL, end_col INTEGER NOT NULL,
    start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL,
    arg_count INTEGER,
    keywords TEXT,
    spread INTEGER NOT NULL,
    enclosing TEXT
);
CREATE TABLE IF NOT EXISTS imports (
    file_id INTEGER NOT NULL,
    module TEXT NOT NULL,
    names TEXT,
    alias TEXT,
    wildcard INTEGER NOT NULL,
    relative INTEGER NOT NULL,
    relative_level INTEGER NOT NULL,
    line INTEGER NOT NULL, col INTEGER NOT NULL,
    end_line INTEGER NOT NULL, end_col INTEGER NOT NULL,
    start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS shapes (
    def_id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL,
    lang TEXT NOT NULL,
    vec BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS manifest (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ranks (file_id INTEGER PRIMARY KEY, rank REAL NOT NULL);
CREATE TABLE IF NOT EXISTS stamps (path TEXT PRIMARY KEY, mtime_ns INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS stat_cache (id INTEGER PRIMARY KEY CHECK (id = 1), data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS shape_pack (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    dim INTEGER NOT NULL,
    ids BLOB NOT NULL,
    langs BLOB NOT NULL,
    components BLOB NOT NULL
);
"#;

/// Secondary indexes. Bulk loads drop them and build them again at the end
/// (much faster than maintaining them row by row); opening an index always
/// recreates any that are missing, e.g. after a bulk load was killed.
pub const INDEXES: &str = r#"
CREATE INDEX IF NOT EXISTS defs_name_file ON defs(name, file_id);
CREATE INDEX IF NOT EXISTS defs_file ON defs(file_id);
CREATE INDEX IF NOT EXISTS refs_name_file ON refs(name, file_id);
CREATE INDEX IF NOT EXISTS refs_file ON refs(file_id);
CREATE INDEX IF NOT EXISTS imports_file ON imports(file_id);
CREATE INDEX IF NOT EXISTS imports_module ON imports(module);
CREATE INDEX IF NOT EXISTS shapes_file ON shapes(file_id);
"#;

pub const DROP_INDEXES: &str = r#"
DROP INDEX IF EXISTS defs_name_file;
DROP INDEX IF EXISTS refs_name_file;
DROP INDEX IF EXISTS imports_module;
"#;

/// The per-file indexes, which replacing a stored file needs; dropped only
/// when the index starts empty.
pub const DROP_FILE_INDEXES: &str = r#"
DROP INDEX IF EXISTS defs_file;
DROP INDEX IF EXISTS refs_file;
DROP INDEX IF EXISTS imports_file;
DROP INDEX IF EXISTS shapes_file;
"#;

/// Apply connection settings and make sure the schema is present and current.
/// Returns a description of the problem if the file cannot serve as an index.
pub fn prepare(conn: &Connection) -> Result<(), String> {
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF;
         PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;",
    )
    .map_err(|e| format!("not a usable SQLite database ({e})"))?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| format!("not a usable SQLite database ({e})"))?;
    let has_tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )
        .map_err(|e| format!("damaged database ({e})"))?;
    if has_tables == 0 {
        conn.execute_batch(TABLES)
            .map_err(|e| format!("cannot create schema: {e}"))?;
        conn.pragma_update(None, "user_version", SCHEMA_VERSION)
            .map_err(|e| e.to_string())?;
        return Ok(());
    }
    if version != SCHEMA_VERSION {
        return Err(format!(
            "schema version {version}, this plumb needs {SCHEMA_VERSION}"
        ));
    }
    // A cheap structural probe: every table must be readable.
    for table in [
        "meta",
        "files",
        "defs",
        "refs",
        "imports",
        "shapes",
        "manifest",
        "ranks",
        "stamps",
        "stat_cache",
    ] {
        conn.query_row(
            &format!("SELECT count(*) FROM (SELECT 1 FROM {table} LIMIT 1)"),
            [],
            |r| r.get::<_, i64>(0),
        )
        .map_err(|e| format!("damaged database: table {table}: {e}"))?;
    }
    Ok(())
}

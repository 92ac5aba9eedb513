//! The embedded index database: one SQLite file (default `.plumb/index.db`).
//!
//! This crate owns the schema, its version, the write lock, and every SQL
//! statement. It stores and returns [`plumb_facts`] values; it does not walk,
//! parse, rank or format anything. A database that is not SQLite, is damaged,
//! or carries another schema version is detected on open and replaced by an
//! empty one (the caller is told why, and re-indexes). All writes of one run
//! happen in transactions, so a killed run leaves the last committed state.

mod lock;
mod read;
mod schema;
mod stat_cache;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use lock::WriteLock;
pub use read::{DefRow, FileRow, ImportRow, NameMatch, RefRow, ShapePack, ShapeRow, Stats};
pub use stat_cache::{FileStat, StatCache};
pub use write::{FileRecord, Writer};

/// Bumped whenever the schema or the meaning of stored facts changes.
pub const SCHEMA_VERSION: i64 = 6;

/// An error from the store, with the database path in its message.
#[derive(Debug)]
pub struct StoreError {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "index {}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for StoreError {}

pub type Result<T> = std::result::Result<T, StoreError>;

/// An open index database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// What `open` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenState {
    /// An existing, valid index.
    Existing,
    /// No index existed; an empty one was created.
    Created,
    /// An index existed but could not be used; it was replaced by an empty
    /// one. The string says why (e.g. "schema version 0, expected 1").
    Rebuilt(String),
}

impl Store {
    /// Open (or create) the index at `path` for reading and writing. A
    /// corrupt or old-schema index is replaced and reported in [`OpenState`].
    pub fn open(path: &Path) -> Result<(Store, OpenState)> {
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir).map_err(|e| StoreError {
                path: path.to_path_buf(),
                message: format!("cannot create directory {}: {e}", dir.display()),
            })?;
        }
        let existed = path.exists();
        match Self::open_checked(path) {
            Ok(store) => Ok((
                store,
                if existed {
                    OpenState::Existing
                } else {
                    OpenState::Created
                },
            )),
            Err(problem) if existed => {
                remove_db_files(path);
                let store = Self::open_checked(path).map_err(|m| StoreError {
                    path: path.to_path_buf(),
                    message: m,
                })?;
                Ok((store, OpenState::Rebuilt(problem)))
            }
            Err(m) => Err(StoreError {
                path: path.to_path_buf(),
                message: m,
            }),
        }
    }

    /// Open an existing index without creating or repairing it.
    /// Returns `Ok(None)` if there is no usable index at `path`.
    pub fn open_existing(path: &Path) -> Result<Option<Store>> {
        if !path.exists() {
            return Ok(None);
        }
        match Self::open_checked(path) {
            Ok(s) => Ok(Some(s)),
            Err(_) => Ok(None),
        }
    }

    fn open_checked(path: &Path) -> std::result::Result<Store, String> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| format!("cannot open: {e}"))?;
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .map_err(|e| e.to_string())?;
        schema::prepare(&conn)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn err(&self, e: impl std::fmt::Display) -> StoreError {
        StoreError {
            path: self.path.clone(),
            message: e.to_string(),
        }
    }

    /// Size of the database files on disk, in bytes (main file plus WAL).
    pub fn disk_size(&self) -> u64 {
        let mut total = 0;
        for suffix in ["", "-wal"] {
            let mut p = self.path.clone().into_os_string();
            p.push(suffix);
            total += std::fs::metadata(PathBuf::from(p))
                .map(|m| m.len())
                .unwrap_or(0);
        }
        total
    }

    /// Read a metadata value.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))
    }
}

fn remove_db_files(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

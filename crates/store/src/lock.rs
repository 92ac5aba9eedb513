//! The write lock: one indexing run at a time per index.
//!
//! A lock file next to the database is locked exclusively with the
//! operating system's advisory lock, so it is released even when the holder
//! is killed. Readers never take it: SQLite's WAL lets them read the last
//! committed state while a writer works.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::{Result, StoreError};

/// Held while a run writes to the index; released on drop.
pub struct WriteLock {
    file: File,
    path: PathBuf,
}

impl WriteLock {
    /// Take the lock for the index at `db_path`. If another process holds
    /// it, `on_wait` is called once with what is known of the holder and
    /// the call blocks until the lock is free; with `wait == false` it fails
    /// at once instead.
    pub fn acquire(db_path: &Path, wait: bool, on_wait: impl FnOnce(&str)) -> Result<WriteLock> {
        let path = lock_path(db_path);
        let err = |m: String| StoreError {
            path: path.clone(),
            message: m,
        };
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir)
                .map_err(|e| err(format!("cannot create directory {}: {e}", dir.display())))?;
        }
        let mut file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
            .map_err(|e| err(format!("cannot open lock file: {e}")))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let holder = std::fs::read_to_string(&path).unwrap_or_default();
                let who = if holder.trim().is_empty() {
                    "another plumb process".to_string()
                } else {
                    holder.trim().to_string()
                };
                if !wait {
                    return Err(err(format!("locked by {who}; try again when it finishes")));
                }
                on_wait(&who);
                file.lock().map_err(|e| err(format!("cannot lock: {e}")))?;
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(err(format!("cannot lock: {e}"))),
        }
        file.set_len(0).ok();
        let _ = write!(file, "plumb pid {}", std::process::id());
        Ok(WriteLock { file, path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

fn lock_path(db_path: &Path) -> PathBuf {
    let mut p = db_path.as_os_str().to_owned();
    p.push(".lock");
    PathBuf::from(p)
}

//! How fresh an index is against the working tree, and refreshing it when
//! that is cheap.

use std::path::Path;

use plumb_store::{Store, WriteLock};
use serde::Serialize;

use crate::stamps::Seen;
use crate::{IndexError, IndexOptions, Progress};

/// Whether answers from the index match the files on disk.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Freshness {
    /// The git commit the index was last built at (None outside git).
    pub indexed_commit: Option<String>,
    /// The git commit checked out now.
    pub head_commit: Option<String>,
    /// Unix seconds of the last completed run.
    pub built_at: Option<u64>,
    /// The last run finished (false after an interrupted run).
    pub complete: bool,
    /// Files added or modified since the index was built (after any refresh).
    pub stale_files: Vec<String>,
    /// Files in the index that are gone from disk (after any refresh).
    pub deleted_files: Vec<String>,
    /// Files re-indexed on the fly for this answer.
    pub refreshed: u64,
    /// Why a refresh was not done, when the index is stale.
    pub note: Option<String>,
    /// The working tree was compared with the index for this answer
    /// (false with [`FreshMode::Skip`]: the answer trusts the index).
    pub checked: bool,
}

/// How much a query does to make sure its answer matches the files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FreshMode {
    /// Compare with the working tree and re-index small changes first.
    Refresh,
    /// Compare and report staleness, but change nothing.
    Check,
    /// Trust the index: no comparison (fastest).
    Skip,
}

impl Freshness {
    /// True when every answer reflects the working tree.
    pub fn is_fresh(&self) -> bool {
        self.complete && self.stale_files.is_empty() && self.deleted_files.is_empty()
    }

    pub fn summary(&self) -> String {
        if !self.checked {
            return "not checked against the working tree (--no-check)".to_string();
        }
        if self.is_fresh() {
            let mut s = "fresh".to_string();
            if self.refreshed > 0 {
                s.push_str(&format!(
                    " ({} changed file{} re-indexed just now)",
                    self.refreshed,
                    plural(self.refreshed)
                ));
            }
            return s;
        }
        let mut parts = Vec::new();
        if !self.complete {
            parts.push("the last index run did not finish".to_string());
        }
        if !self.stale_files.is_empty() {
            parts.push(format!(
                "{} file{} changed since indexing",
                self.stale_files.len(),
                plural(self.stale_files.len() as u64)
            ));
        }
        if !self.deleted_files.is_empty() {
            parts.push(format!(
                "{} file{} deleted since indexing",
                self.deleted_files.len(),
                plural(self.deleted_files.len() as u64)
            ));
        }
        let mut s = format!("stale: {}", parts.join(", "));
        if let Some(n) = &self.note {
            s.push_str(&format!(" ({n})"));
        }
        s
    }
}

fn plural(n: u64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// At most this many changed files are re-indexed on the fly by a query;
/// beyond it the answer says it is stale and suggests `plumb index`.
pub const CHEAP_REFRESH_FILES: usize = 200;

/// Compare the index with the working tree; in `Refresh` mode, if the change is
/// small and no other run holds the lock, re-index the changed files first.
pub fn freshness(
    store: &mut Store,
    opts: &IndexOptions,
    mode: FreshMode,
) -> Result<Freshness, IndexError> {
    let root = &opts.root;
    let mut f = read_meta(store, root)?;
    if mode == FreshMode::Skip {
        return Ok(f);
    }
    f.checked = true;
    let refresh = mode == FreshMode::Refresh;
    let t = std::time::Instant::now();
    let cached = store.stat_cache()?;
    let stored = cached.files();
    let t_read = t.elapsed();
    let seen = Seen::look(
        store,
        root,
        &opts.walk_options(),
        &stored,
        &cached.stamps(),
        true,
    )?;
    let t_stat = t.elapsed();
    let mut plan = seen.plan(&stored);
    if std::env::var_os("PLUMB_PROFILE").is_some() {
        eprintln!(
            "plumb: profile: freshness: read {:.1} ms, stat {:.1} ms ({} files, walked: {}), plan {:.1} ms",
            t_read.as_secs_f64() * 1e3,
            (t_stat - t_read).as_secs_f64() * 1e3,
            stored.len(),
            seen.is_walk(),
            (t.elapsed() - t_stat).as_secs_f64() * 1e3
        );
    }
    // A changed mtime with the same content is not staleness. Files stored
    // with a racy time (0) are always verified, however many: nothing else
    // ever clears them. Files whose time really changed are verified only
    // while they are few; past that the answer is stale anyway.
    let stored_file = |path: &str| crate::plan::stored_file(&stored, path);
    let changed_times = plan
        .read
        .iter()
        .filter(|w| stored_file(&w.rel_path).is_some_and(|r| r.mtime_ns != 0))
        .count();
    let verify_changed = changed_times <= CHEAP_REFRESH_FILES * 4;
    let mut same_content: Vec<(String, i64)> = Vec::new();
    plan.read.retain(|w| {
        let Some(row) = stored_file(&w.rel_path) else {
            return true;
        };
        if row.size != w.size || (row.mtime_ns != 0 && !verify_changed) {
            return true;
        }
        match std::fs::read(&w.abs_path) {
            Ok(b) if crate::content_hash(&b) == row.hash => {
                same_content.push((w.rel_path.clone(), w.mtime_ns));
                false
            }
            _ => true,
        }
    });
    if refresh {
        settle(store, opts, &seen, &same_content, plan.is_empty());
    }
    if plan.is_empty() {
        return Ok(f);
    }
    let small = plan.read.len() + plan.delete.len() <= CHEAP_REFRESH_FILES;
    if refresh && small {
        match WriteLock::acquire(&opts.index_path, false, |_| {}) {
            Ok(_lock) => {
                let n = (plan.read.len() + plan.delete.len()) as u64;
                let walked = seen.into_walk(&stored);
                crate::apply(store, root, opts, &walked, plan, &stored, &|_: Progress| {})?;
                f = read_meta(store, root)?;
                f.checked = true;
                f.refreshed = n;
                return Ok(f);
            }
            Err(e) => f.note = Some(format!("not refreshed: {}", e.message)),
        }
    } else if refresh {
        f.note = Some("too many changes to refresh on the fly; run `plumb index`".into());
    }
    f.stale_files = plan.read.into_iter().map(|w| w.rel_path).collect();
    f.deleted_files = plan.delete;
    Ok(f)
}

/// Record, when no other run holds the lock, what a comparison learned
/// without changing any answer: files whose time changed but content did
/// not, and, when the index matches the walk (`matches`), a full walk's
/// stamps, so the next comparison is the cheap one. Best effort: on any
/// failure the next comparison just does this work again.
fn settle(
    store: &mut Store,
    opts: &IndexOptions,
    seen: &Seen,
    same: &[(String, i64)],
    matches: bool,
) {
    let restamp = match seen {
        Seen::Walk(walked) if matches && !walked.stamps.is_empty() => Some(walked),
        _ => None,
    };
    // A time still racy would be stored as 0: the next comparison verifies
    // that file by content whatever is written, so writing is wasted.
    let started = seen.started_ns();
    let same: Vec<&(String, i64)> = same
        .iter()
        .filter(|(_, m)| crate::stamps::settled_mtime(*m, started) != 0)
        .collect();
    if same.is_empty() && restamp.is_none() {
        return;
    }
    let Ok(_lock) = WriteLock::acquire(&opts.index_path, false, |_| {}) else {
        return;
    };
    let _ = (|| -> Result<(), IndexError> {
        let w = store.writer()?;
        for (path, mtime_ns) in same {
            w.touch_file(path, *mtime_ns)?;
        }
        if let Some(walked) = restamp {
            crate::stamps::write(&w, walked, &opts.walk_options())?;
        }
        w.write_stat_cache()?;
        w.commit()?;
        Ok(())
    })();
}

fn read_meta(store: &Store, root: &Path) -> Result<Freshness, IndexError> {
    Ok(Freshness {
        indexed_commit: store.meta("commit")?.filter(|c| !c.is_empty()),
        head_commit: crate::git::head_commit(root),
        built_at: store.meta("built_at")?.and_then(|s| s.parse().ok()),
        complete: store.meta("complete")?.as_deref() == Some("1"),
        ..Default::default()
    })
}

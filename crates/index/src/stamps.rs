//! Knowing, without walking, that a walk would list the same paths.
//!
//! A full walk records its stamps (directories entered, ignore files,
//! oversized files, with modification times), its skip counts and problems,
//! and the options it ran with. While none of the stamps changed and the
//! options are the same, no path can have appeared, vanished or become
//! ignored, so statting the stored files gives what a new walk would
//! ([`Seen::look`]). Also owns the racy-time rule: a time within [`RACY_NS`] of
//! the walk is stored as 0, so the next comparison verifies that path
//! instead of trusting its time.
//!
//! This module decides nothing about staleness (that is `plan` and
//! `freshness`) and reads no file contents.

use std::collections::BTreeMap;
use std::path::Path;

use plumb_store::{FileStat, Store, Writer};
use plumb_walk::{RootStat, SkipReason, WalkOptions, WalkResult};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::IndexError;

/// File systems keep coarse timestamps (a kernel tick, or seconds on some):
/// a path modified this shortly before the walk may change again without
/// its time changing ("racy", as git calls it).
pub const RACY_NS: i64 = 2_000_000_000;

/// The modification time to store for a path statted by a walk that started
/// at `walk_started_ns`: 0 when it is racy.
pub fn settled_mtime(mtime_ns: i64, walk_started_ns: i64) -> i64 {
    if mtime_ns >= walk_started_ns - RACY_NS {
        0
    } else {
        mtime_ns
    }
}

/// What a full walk reported besides its files and stamps, replayed when
/// a later run stats instead of walking.
#[derive(Serialize, Deserialize, PartialEq)]
struct WalkSummary {
    /// The walk options the stamps are valid for.
    options: String,
    skipped: BTreeMap<String, u64>,
    problems: Vec<(String, String)>,
}

fn options_key(opts: &WalkOptions) -> String {
    format!(
        "max_file_size={} vendored={} generated={}",
        opts.max_file_size, opts.include_vendored, opts.include_generated
    )
}

const SUMMARY_KEY: &str = "walk_summary";

/// Record what the full walk `walked` (run with `opts`) saw besides files.
pub fn write(w: &Writer<'_>, walked: &WalkResult, opts: &WalkOptions) -> Result<(), IndexError> {
    let started = walked.started_ns;
    w.set_stamps(
        walked
            .stamps
            .iter()
            .map(|s| (s.rel_path.as_str(), settled_mtime(s.mtime_ns, started))),
    )?;
    let summary = WalkSummary {
        options: options_key(opts),
        skipped: walked
            .skipped
            .iter()
            .map(|(r, n)| (r.name().to_string(), *n))
            .collect(),
        problems: walked.problems.clone(),
    };
    w.set_meta(
        SUMMARY_KEY,
        &serde_json::to_string(&summary).expect("summary serialises"),
    )?;
    Ok(())
}

/// What is on disk now, as a walk would list it.
pub enum Seen {
    /// The stored files statted again: no path appeared, vanished or
    /// became ignored since the last walk.
    Restat(Restat),
    /// A full walk.
    Walk(WalkResult),
}

/// The stored files statted again, with the last walk's skip counts and
/// problems; a [`WalkResult`] is made of it only when one is needed.
pub struct Restat {
    stat: RootStat,
    /// Size and time of each stored file, in the stored order.
    stats: Vec<(u64, i64)>,
    summary: WalkSummary,
    started_ns: i64,
}

impl Seen {
    /// Stat the `stored` files (by path, as the store lists them) when the
    /// stored `stamps` say a walk would list the same paths ([`restat`]),
    /// else walk; always walk unless `may_restat`.
    pub fn look(
        store: &Store,
        root: &Path,
        opts: &WalkOptions,
        stored: &[FileStat],
        stamps: &[(&str, i64)],
        may_restat: bool,
    ) -> Result<Seen, IndexError> {
        let restatted = match may_restat {
            true => restat(store, root, opts, stored, stamps)?,
            false => None,
        };
        Ok(match restatted {
            Some(r) => Seen::Restat(r),
            None => Seen::Walk(plumb_walk::walk(root, opts)),
        })
    }

    /// Compare with the `stored` files `look` was given.
    pub fn plan(&self, stored: &[FileStat]) -> crate::Plan {
        match self {
            Seen::Restat(r) => crate::plan::plan_restat(stored, &r.stats, |f, size, mtime_ns| {
                r.stat.walked_file(f.path, size, mtime_ns)
            }),
            Seen::Walk(w) => crate::plan::plan(&w.files, stored),
        }
    }

    /// A full walk (not the stored files statted again).
    pub fn is_walk(&self) -> bool {
        matches!(self, Seen::Walk(_))
    }

    /// When the statting or the walk started.
    pub fn started_ns(&self) -> i64 {
        match self {
            Seen::Restat(r) => r.started_ns,
            Seen::Walk(w) => w.started_ns,
        }
    }

    /// As a walk reports it; `stored` as given to `look`.
    pub fn into_walk(self, stored: &[FileStat]) -> WalkResult {
        let r = match self {
            Seen::Restat(r) => r,
            Seen::Walk(w) => return w,
        };
        WalkResult {
            files: stored
                .iter()
                .zip(&r.stats)
                .map(|(f, &(size, mtime_ns))| r.stat.walked_file(f.path, size, mtime_ns))
                .collect(),
            skipped: r
                .summary
                .skipped
                .iter()
                .filter_map(|(name, n)| Some((SkipReason::from_name(name)?, *n)))
                .collect(),
            problems: r.summary.problems,
            stamps: Vec::new(),
            started_ns: r.started_ns,
        }
    }
}

/// What a walk with `opts` would list, without walking: the `stored`
/// files statted again. `None` when a walk is needed: no `stamps` or
/// summary stored, other options, a stamp changed or is racy, or a stored
/// file is gone.
fn restat(
    store: &Store,
    root: &Path,
    opts: &WalkOptions,
    stored: &[FileStat],
    stamps: &[(&str, i64)],
) -> Result<Option<Restat>, IndexError> {
    let Some(summary) = store
        .meta(SUMMARY_KEY)?
        .and_then(|s| serde_json::from_str::<WalkSummary>(&s).ok())
        .filter(|s| s.options == options_key(opts))
    else {
        return Ok(None);
    };
    if stamps.is_empty() {
        return Ok(None);
    }
    let started_ns = plumb_walk::now_ns();
    let stat = RootStat::open(root);
    // Stamps and files are statted together: both are needed when nothing
    // changed, the common case.
    let (unchanged, stats) = rayon::join(
        || {
            stamps
                .par_iter()
                .all(|(p, m)| *m != 0 && stat.stamp(p) == Some(*m))
        },
        || {
            let mut stats = Vec::with_capacity(stored.len());
            stored
                .par_iter()
                .map(|r| stat.file_stat(r.path))
                .collect_into_vec(&mut stats);
            stats.into_iter().collect::<Option<Vec<_>>>()
        },
    );
    let (true, Some(stats)) = (unchanged, stats) else {
        return Ok(None);
    };
    Ok(Some(Restat {
        stat,
        stats,
        summary,
        started_ns,
    }))
}

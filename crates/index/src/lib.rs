//! Building and refreshing the index: walk the repository, compare with
//! what the store holds, re-read only what changed, write facts in
//! transactions, and say how fresh the result is.
//!
//! This crate orchestrates the walk, the adapters, the manifest reader, the
//! structural featuriser and the store. It holds no parsing rules, no SQL
//! and no output formatting of its own.

mod extract;
mod freshness;
mod git;
mod plan;
mod stamps;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use plumb_store::{OpenState, Store, WriteLock};
use plumb_walk::{SkipReason, WalkOptions, WalkResult};
use rayon::prelude::*;

pub use extract::{content_hash, count_lines};
pub use freshness::{CHEAP_REFRESH_FILES, FreshMode, Freshness, freshness};
pub use git::head_commit;
pub use plan::{Plan, plan};

/// The default location of the index inside a repository.
pub fn default_index_path(root: &Path) -> PathBuf {
    root.join(".plumb").join("index.db")
}

/// What to index and how.
#[derive(Clone)]
pub struct IndexOptions {
    pub root: PathBuf,
    pub index_path: PathBuf,
    pub max_file_size: u64,
    pub include_vendored: bool,
    pub include_generated: bool,
    /// Wait for another run's lock (true) or fail at once (false).
    pub wait_for_lock: bool,
    /// Re-read every file even if its hash is unchanged.
    pub rebuild: bool,
}

impl IndexOptions {
    pub fn new(root: &Path) -> Self {
        IndexOptions {
            root: root.to_path_buf(),
            index_path: default_index_path(root),
            max_file_size: WalkOptions::default().max_file_size,
            include_vendored: false,
            include_generated: false,
            wait_for_lock: true,
            rebuild: false,
        }
    }

    pub fn walk_options(&self) -> WalkOptions {
        WalkOptions {
            max_file_size: self.max_file_size,
            include_vendored: self.include_vendored,
            include_generated: self.include_generated,
            accept: indexable,
            no_size_cap: |p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(plumb_manifest::is_manifest_file)
            },
            companions: plumb_manifest::lockfiles_beside,
        }
    }
}

/// Whether Plumb reads this path: a source file of a known language, or a manifest/lockfile.
pub fn indexable(path: &Path) -> bool {
    plumb_lang::adapter_for_path(path).is_some()
        || path.to_str().is_some_and(|p| {
            plumb_manifest::is_manifest_file(p.rsplit('/').next().unwrap_or(p))
                || plumb_manifest::is_manifest_file(p)
        })
}

/// Progress events, for a progress bar.
#[derive(Debug, Clone, Copy)]
pub enum Progress {
    /// The walk is done: `total` files to read.
    Planned { total: u64 },
    /// One more file read.
    Read,
}

/// What a run did.
#[derive(Debug, Clone, Default)]
pub struct IndexReport {
    pub root: PathBuf,
    pub index_path: PathBuf,
    /// Set when an unusable index was replaced: why.
    pub rebuilt: Option<String>,
    pub commit: Option<String>,
    pub files_seen: u64,
    pub parsed: u64,
    /// Files whose mtime changed but whose content hashed the same.
    pub touched: u64,
    /// Files with the same size and mtime as stored, or re-verified by
    /// content because their stored time was too recent to trust.
    pub unchanged: u64,
    pub deleted: u64,
    pub skipped: BTreeMap<String, u64>,
    pub problems: Vec<(String, String)>,
    pub files_with_parse_errors: u64,
    pub manifests_read: bool,
    pub manifest_errors: Vec<String>,
    pub elapsed: Duration,
}

/// An indexing failure, one line, naming what failed.
#[derive(Debug)]
pub struct IndexError(pub String);

impl std::fmt::Display for IndexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for IndexError {}

impl From<plumb_store::StoreError> for IndexError {
    fn from(e: plumb_store::StoreError) -> Self {
        IndexError(e.to_string())
    }
}

/// Files written per transaction: a killed run keeps what was committed
/// (each file's facts are replaced atomically with its hash), and the next
/// run picks up from there.
const BATCH: usize = 2000;

/// The longest a run goes without committing what it has read, in time
/// and in files: a killed run keeps its progress, whatever the machine's speed.
const COMMIT_EVERY: Duration = Duration::from_secs(1);
const COMMIT_EVERY_FILES: usize = 250;

/// From this many files to read on, a run drops and rebuilds the name indexes.
const BULK_LOAD_FILES: usize = 1000;

/// Set by a Ctrl-C handler to stop a run between transactions.
pub static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Index `opts.root` into `opts.index_path`, incrementally.
/// Whether the index holds facts and shapes of this build's versions; one
/// written by another (older) version must be built again before use.
pub fn facts_current(store: &Store) -> bool {
    let meta = |k: &str| store.meta(k).ok().flatten();
    meta("facts_version").as_deref() == Some(plumb_lang::FACTS_VERSION.to_string().as_str())
        && meta("shape_model").as_deref() == Some(plumb_shape::MODEL_VERSION.to_string().as_str())
}

pub fn run(
    opts: &IndexOptions,
    on_wait: impl FnOnce(&str),
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<IndexReport, IndexError> {
    let start = Instant::now();
    let root = validate_root(&opts.root)?;
    prepare_index_dir(&opts.index_path)?;
    let _lock = WriteLock::acquire(&opts.index_path, opts.wait_for_lock, on_wait)?;
    let (mut store, state) = Store::open(&opts.index_path)?;
    let cached = store.stat_cache()?;
    let mut stored = cached.files();
    let model = store.meta("shape_model")?;
    let facts = store.meta("facts_version")?;
    // An index written by a build with other shape vectors or other facts
    // (or from before facts had a version) is parsed again in full.
    let model_changed = model
        .as_ref()
        .is_some_and(|m| *m != plumb_shape::MODEL_VERSION.to_string())
        || model.is_some() && facts.as_deref() != Some(&plumb_lang::FACTS_VERSION.to_string());
    // Walk only when a path may have appeared, vanished or become ignored.
    let seen = stamps::Seen::look(
        &store,
        &root,
        &opts.walk_options(),
        &stored,
        &cached.stamps(),
        !(opts.rebuild || model_changed),
    )?;
    let mut plan = seen.plan(&stored);
    let walked = seen.into_walk(&stored);
    if opts.rebuild || model_changed {
        // Everything is read and parsed again; stored hashes must not short-cut it.
        plan.read = walked.files.clone();
        plan.unchanged = 0;
        stored.iter_mut().for_each(|f| f.hash = 0);
    }
    let mut report = apply(&mut store, &root, opts, &walked, plan, &stored, progress)?;
    report.rebuilt = match state {
        OpenState::Rebuilt(why) => Some(why),
        _ => None,
    };
    report.elapsed = start.elapsed();
    Ok(report)
}

/// Create the index's directory; a `.plumb` directory gets a `.gitignore`
/// of `*`, so the index never shows up as a change in git (or in `plumb check`).
fn prepare_index_dir(index_path: &Path) -> Result<(), IndexError> {
    let Some(dir) = index_path.parent().filter(|d| !d.as_os_str().is_empty()) else {
        return Ok(());
    };
    std::fs::create_dir_all(dir).map_err(|e| {
        IndexError(format!(
            "{}: cannot create the index directory ({e})",
            dir.display()
        ))
    })?;
    if dir.file_name().is_some_and(|n| n == ".plumb") {
        let ignore = dir.join(".gitignore");
        if !ignore.exists() {
            std::fs::write(&ignore, "# Plumb's index: never commit it.\n*\n")
                .map_err(|e| IndexError(format!("{}: cannot write ({e})", ignore.display())))?;
        }
    }
    Ok(())
}

/// The root as an absolute, existing directory, or a one-line error.
pub fn validate_root(root: &Path) -> Result<PathBuf, IndexError> {
    let meta = std::fs::metadata(root).map_err(|e| {
        IndexError(format!(
            "{}: cannot read ({e}); pass an existing directory",
            root.display()
        ))
    })?;
    if !meta.is_dir() {
        return Err(IndexError(format!(
            "{}: not a directory; pass the repository's root directory",
            root.display()
        )));
    }
    root.canonicalize()
        .map_err(|e| IndexError(format!("{}: {e}", root.display())))
}

/// Carry out a plan on an open, locked store.
pub fn apply(
    store: &mut Store,
    root: &Path,
    opts: &IndexOptions,
    walked: &WalkResult,
    plan: Plan,
    stored: &[plumb_store::FileStat],
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<IndexReport, IndexError> {
    let mut report = IndexReport {
        root: root.to_path_buf(),
        index_path: opts.index_path.clone(),
        files_seen: walked.files.len() as u64,
        unchanged: plan.unchanged as u64,
        problems: walked.problems.clone(),
        commit: git::head_commit(root),
        ..Default::default()
    };
    for (reason, n) in &walked.skipped {
        *report.skipped.entry(reason.name().to_string()).or_default() += n;
    }
    let manifest_changed = plan
        .read
        .iter()
        .map(|f| &f.rel_path)
        .chain(plan.delete.iter())
        .any(|p| is_manifest_path(p))
        || store.meta("manifest_read")?.is_none();
    progress(Progress::Planned {
        total: plan.read.len() as u64,
    });

    {
        let w = store.writer()?;
        w.set_meta("complete", "0")?;
        for path in &plan.delete {
            w.delete_file(path)?;
        }
        report.deleted = plan.delete.len() as u64;
        w.commit()?;
    }

    // Loading many files: maintain the name indexes once at the end, not per row.
    let bulk = plan.read.len() >= BULK_LOAD_FILES;
    if bulk {
        store.begin_bulk_load()?;
    }
    let include_generated = opts.include_generated;
    let mut write_time = Duration::ZERO;
    for chunk in plan.read.chunks(BATCH) {
        if INTERRUPTED.load(Ordering::Relaxed) {
            return Err(IndexError("interrupted; the index keeps every file committed so far, run `plumb index` again to finish".into()));
        }
        let (tx, rx) = mpsc::sync_channel(256);
        let writer_result = std::thread::scope(|scope| {
            scope.spawn(move || {
                chunk.par_iter().for_each_with(tx, |tx, f| {
                    let res = extract::extract_file(
                        f,
                        plan::stored_file(stored, &f.rel_path).map(|s| s.hash),
                        include_generated,
                    );
                    let _ = tx.send((f, res));
                    progress(Progress::Read);
                });
            });
            let mut w = store.writer()?;
            let mut since_commit = Instant::now();
            let mut files_since_commit = 0;
            for (f, res) in rx {
                if since_commit.elapsed() >= COMMIT_EVERY
                    || files_since_commit >= COMMIT_EVERY_FILES
                {
                    w.commit()?;
                    w = store.writer()?;
                    since_commit = Instant::now();
                    files_since_commit = 0;
                }
                files_since_commit += 1;
                match res {
                    Ok(None) => {
                        w.touch_file(
                            &f.rel_path,
                            stamps::settled_mtime(f.mtime_ns, walked.started_ns),
                        )?;
                        // A file stored with a racy time was only re-verified.
                        let row = plan::stored_file(stored, &f.rel_path);
                        if row.is_some_and(|s| s.mtime_ns == 0) {
                            report.unchanged += 1;
                        } else {
                            report.touched += 1;
                        }
                    }
                    Ok(Some(mut x)) => {
                        x.record.mtime_ns =
                            stamps::settled_mtime(x.record.mtime_ns, walked.started_ns);
                        if x.record.skipped.is_some() {
                            let reason = x.record.skipped.clone().unwrap_or_default();
                            *report.skipped.entry(reason).or_default() += 1;
                        }
                        if x.facts.parse_errors > 0 {
                            report.files_with_parse_errors += 1;
                        }
                        let t = Instant::now();
                        let (file_id, def_ids) = w.put_file(&x.record, &x.facts)?;
                        write_time += t.elapsed();
                        if let Some(lang) = &x.record.lang {
                            for (i, vec) in &x.shapes {
                                w.put_shape(def_ids[*i], file_id, lang, vec)?;
                            }
                        }
                        report.parsed += 1;
                    }
                    Err(e) => {
                        *report
                            .skipped
                            .entry(SkipReason::Unreadable.name().to_string())
                            .or_default() += 1;
                        report.problems.push((f.rel_path.clone(), e));
                        w.delete_file(&f.rel_path)?;
                    }
                }
            }
            w.commit()?;
            Ok::<(), IndexError>(())
        });
        writer_result?;
    }

    if bulk {
        store.end_bulk_load()?;
    }
    if std::env::var_os("PLUMB_PROFILE").is_some() {
        eprintln!(
            "plumb: profile: {:.2}s inserting facts",
            write_time.as_secs_f64()
        );
    }
    let w = store.writer()?;
    if manifest_changed {
        let files: Vec<(String, Vec<u8>)> = walked
            .files
            .iter()
            .filter(|f| is_manifest_path(&f.rel_path))
            .filter_map(|f| {
                std::fs::read(&f.abs_path)
                    .ok()
                    .map(|b| (f.rel_path.clone(), b))
            })
            .collect();
        let (manifest, errors) = plumb_manifest::read_manifests(&files);
        report.manifest_errors = errors
            .iter()
            .map(|e| match e.line {
                Some(l) => format!("{}:{l}: {}", e.file, e.message),
                None => format!("{}: {}", e.file, e.message),
            })
            .collect();
        w.set_manifest(&manifest)?;
        w.set_meta("manifest_read", "1")?;
        report.manifests_read = true;
    }
    if !plan.is_empty() {
        w.set_meta("ranks_stale", "1")?;
        w.set_meta("shapes_stale", "1")?;
    }
    if !walked.stamps.is_empty() {
        stamps::write(&w, walked, &opts.walk_options())?;
    }
    w.set_meta("root", &root.to_string_lossy())?;
    w.set_meta("commit", report.commit.as_deref().unwrap_or(""))?;
    w.set_meta("built_at", &now_secs().to_string())?;
    w.set_meta("plumb_version", env!("CARGO_PKG_VERSION"))?;
    w.set_meta("shape_model", &plumb_shape::MODEL_VERSION.to_string())?;
    w.set_meta("facts_version", &plumb_lang::FACTS_VERSION.to_string())?;
    w.set_meta("complete", "1")?;
    w.write_stat_cache()?;
    w.commit()?;
    Ok(report)
}

fn is_manifest_path(p: &str) -> bool {
    plumb_manifest::is_manifest_file(p)
}

pub fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

//! Which files of a repository Plumb reads, and why it skips the others.
//!
//! The walk honours `.gitignore` (and the global git excludes), a
//! `.plumbignore` in gitignore syntax, and skips vendored, generated,
//! binary and oversized files by default, counting each reason. It never
//! fails on one bad entry: unreadable files and symlink loops are reported
//! and the walk goes on. This crate decides *which* files; it does not parse
//! or store anything.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

mod build_outputs;
mod ignored;
pub use ignored::is_ignored;

/// Why a file was left out of the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SkipReason {
    /// A vendored or third-party directory (`vendor/`, `node_modules/`, ...);
    /// counted per directory, since its files are never listed.
    Vendored,
    /// A generated file: by name (`*.min.js`, `*_pb2.py`, `*.pb.go`), as an
    /// output the root `package.json`'s build scripts write, by an
    /// `@generated` / `DO NOT EDIT` marker near the top, a bundler's module
    /// loader, or a `//# sourceMappingURL=` last line (a bundler's or
    /// compiler's output).
    Generated,
    /// Contains NUL bytes near the start.
    Binary,
    /// Larger than the size cap.
    TooLarge,
    /// The walk or the read failed (permissions, vanished file).
    Unreadable,
    /// A symbolic link that leads back into its own ancestry.
    SymlinkLoop,
}

impl SkipReason {
    pub const ALL: [SkipReason; 6] = [
        SkipReason::Vendored,
        SkipReason::Generated,
        SkipReason::Binary,
        SkipReason::TooLarge,
        SkipReason::Unreadable,
        SkipReason::SymlinkLoop,
    ];

    /// The reason [`SkipReason::name`] names.
    pub fn from_name(name: &str) -> Option<SkipReason> {
        Self::ALL.into_iter().find(|r| r.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            SkipReason::Vendored => "vendored",
            SkipReason::Generated => "generated",
            SkipReason::Binary => "binary",
            SkipReason::TooLarge => "too_large",
            SkipReason::Unreadable => "unreadable",
            SkipReason::SymlinkLoop => "symlink_loop",
        }
    }
}

/// What to include.
#[derive(Debug, Clone)]
pub struct WalkOptions {
    /// Files larger than this many bytes are skipped.
    pub max_file_size: u64,
    pub include_vendored: bool,
    pub include_generated: bool,
    /// Only files whose path this accepts are listed (e.g. "has a language
    /// adapter or is a manifest"); others are passed over silently.
    pub accept: fn(&Path) -> bool,
    /// Files this accepts are listed whatever their size (lockfiles can be large).
    pub no_size_cap: fn(&Path) -> bool,
    /// For a listed file's name, the files beside it that are listed even
    /// when an ignore file leaves them out: lockfiles, which libraries often
    /// keep out of git while their builds resolve by them.
    pub companions: fn(&str) -> &'static [&'static str],
}

impl Default for WalkOptions {
    fn default() -> Self {
        WalkOptions {
            max_file_size: 2 * 1024 * 1024,
            include_vendored: false,
            include_generated: false,
            accept: |_| true,
            no_size_cap: |_| false,
            companions: |_| &[],
        }
    }
}

/// A file the walk accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkedFile {
    /// Path relative to the root, with `/` separators.
    pub rel_path: String,
    pub abs_path: PathBuf,
    pub size: u64,
    /// Modification time in nanoseconds since the epoch (0 if unknown).
    pub mtime_ns: i64,
}

/// The outcome of a walk: accepted files in path order, skip counts, problems.
#[derive(Debug, Default)]
pub struct WalkResult {
    pub files: Vec<WalkedFile>,
    pub skipped: BTreeMap<SkipReason, u64>,
    /// (path, message) for entries that could not be walked.
    pub problems: Vec<(String, String)>,
    /// What, besides the listed files, decides what a walk lists, in path
    /// order: every directory entered (`""` is the root), every ignore-rule
    /// file, every file left out for its size. While none of these changes
    /// its modification time, a new walk would list the same paths, so a
    /// caller can stat its known files instead of walking (see [`RootStat`]).
    pub stamps: Vec<Stamp>,
    /// When the walk started, in nanoseconds since the epoch: a stamp this
    /// recent may change again within the file system's timestamp
    /// granularity without its time changing ("racy").
    pub started_ns: i64,
}

/// A path and its modification time in nanoseconds since the epoch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub rel_path: String,
    pub mtime_ns: i64,
}

/// Names of the ignore-rule files the walk reads.
const IGNORE_FILES: &[&str] = &[".gitignore", ".ignore", ".plumbignore"];

/// Stats paths relative to one root. On Unix it holds the root open and
/// looks each path up from there, so a check of thousands of known paths
/// does not resolve the root's own path again for every one of them.
pub struct RootStat {
    root: PathBuf,
    #[cfg(unix)]
    dir: Option<rustix::fd::OwnedFd>,
}

impl RootStat {
    pub fn open(root: &Path) -> RootStat {
        RootStat {
            root: root.to_path_buf(),
            #[cfg(unix)]
            dir: {
                use rustix::fs::{CWD, Mode, OFlags, openat};
                let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC;
                openat(CWD, root, flags, Mode::empty()).ok()
            },
        }
    }

    /// Size, modification time (ns) and whether it is a regular file, for
    /// `rel_path` (`""` is the root), following symbolic links as the walk does.
    fn stat(&self, rel_path: &str) -> Option<(u64, i64, bool)> {
        #[cfg(unix)]
        if let Some(dir) = &self.dir {
            use rustix::fs::{AtFlags, FileType, fstat, statat};
            let st = if rel_path.is_empty() {
                fstat(dir)
            } else {
                statat(dir, rel_path, AtFlags::empty())
            }
            .ok()?;
            let mtime = st.st_mtime as i64 * 1_000_000_000 + st.st_mtime_nsec as i64;
            let is_file = FileType::from_raw_mode(st.st_mode as _) == FileType::RegularFile;
            return Some((st.st_size as u64, mtime, is_file));
        }
        let meta = std::fs::metadata(self.root.join(rel_path)).ok()?;
        Some((meta.len(), mtime_ns(&meta), meta.is_file()))
    }

    /// The modification time of `rel_path` as the walk records it in a
    /// [`Stamp`] (`None` if it cannot be statted).
    pub fn stamp(&self, rel_path: &str) -> Option<i64> {
        self.stat(rel_path).map(|(_, mtime, _)| mtime)
    }

    /// A known file's size and modification time (ns) now (`None` if it is
    /// gone or no longer a file), without walking.
    pub fn file_stat(&self, rel_path: &str) -> Option<(u64, i64)> {
        let (size, mtime_ns, is_file) = self.stat(rel_path)?;
        is_file.then_some((size, mtime_ns))
    }

    /// A known file as a walk would list it now (`None` if it is gone or no
    /// longer a file), without walking.
    pub fn file(&self, rel_path: &str) -> Option<WalkedFile> {
        let (size, mtime_ns) = self.file_stat(rel_path)?;
        Some(self.walked_file(rel_path, size, mtime_ns))
    }

    /// `rel_path`, statted as [`RootStat::file_stat`], as a walk lists it.
    pub fn walked_file(&self, rel_path: &str, size: u64, mtime_ns: i64) -> WalkedFile {
        WalkedFile {
            rel_path: rel_path.to_string(),
            abs_path: self.root.join(rel_path),
            size,
            mtime_ns,
        }
    }
}

/// Nanoseconds since the epoch, now.
pub fn now_ns() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as i64)
        .unwrap_or(0)
}

fn mtime_ns(meta: &std::fs::Metadata) -> i64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos() as i64)
        .unwrap_or(0)
}

const VENDORED_DIRS: &[&str] = &[
    "node_modules",
    "vendor",
    "vendored",
    "third_party",
    "third-party",
    "thirdparty",
    "bower_components",
    "jspm_packages",
    "Pods",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    // Yarn's own directory: its committed release, plugins and cache.
    ".yarn",
];

/// Whether a relative path lies in a vendored directory (`node_modules/`,
/// `vendor/`, `.yarn/`, …), as the walk skips it.
pub fn vendored_path(rel: &str) -> bool {
    let mut parts: Vec<&str> = rel.split(['/', '\\']).collect();
    parts.pop();
    parts.iter().any(|p| VENDORED_DIRS.contains(p))
}

/// Directories never worth reading, pruned without being counted.
const PRUNED_DIRS: &[&str] = &[
    "__pycache__",
    ".git",
    ".hg",
    ".svn",
    ".plumb",
    ".mypy_cache",
    ".pytest_cache",
];

/// Whether a file name marks a generated file, without reading it.
pub fn generated_by_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.ends_with(".min.js")
        || n.ends_with(".min.mjs")
        || n.ends_with(".min.cjs")
        || n.ends_with(".bundle.js")
        || n.ends_with("_pb2.py")
        || n.ends_with("_pb2_grpc.py")
        || n.ends_with(".pb.go")
        || n.ends_with(".pb.cc")
        || n.ends_with(".pb.h")
        || n.ends_with("_generated.go")
        || n.ends_with(".generated.ts")
        || n.ends_with(".g.dart")
        || n.ends_with(".d.ts.map")
}

/// Whether a JavaScript or CSS file is minified, by GitHub Linguist's rule:
/// its lines average more than 110 characters (GWT's and Closure's output,
/// a bundle without a `.min.` name).
pub fn minified(rel_path: &str, content: &[u8]) -> bool {
    let ext = rel_path
        .rsplit('.')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if !matches!(ext.as_str(), "js" | "mjs" | "cjs" | "css") || content.is_empty() {
        return false;
    }
    let lines = content.split(|&b| b == b'\n').count();
    (content.len() - (lines - 1)) / lines > 110
}

/// Classify a file by its content: binary (NUL in the first 8 KiB) or
/// generated (a marker in the first 1 KiB, a source-map trailer, or a
/// bundler's module loader in the first 4 KiB).
pub fn classify_content(content: &[u8]) -> Option<SkipReason> {
    let probe = &content[..content.len().min(8192)];
    if probe.contains(&0) {
        return Some(SkipReason::Binary);
    }
    let top = &content[..content.len().min(1024)];
    if top.split(|&b| b == b'\n').any(marker_comment)
        || source_map_trailer(content)
        || bundle_prelude(content)
    {
        return Some(SkipReason::Generated);
    }
    None
}

/// Whether the file starts with a bundler's module loader or a compiler's
/// inlined helpers: browserify's prelude (`throw a.code="MODULE_NOT_FOUND",a`,
/// primus's vendored SockJS client), webpack's bootstrap (`//
/// webpackBootstrap`), Babel's helpers (`"@babel/helpers - typeof"`).
fn bundle_prelude(content: &[u8]) -> bool {
    let head = &content[..content.len().min(4096)];
    [
        b"code=\"MODULE_NOT_FOUND\",".as_slice(),
        b"// webpackBootstrap",
        b"\"@babel/helpers - ",
    ]
    .iter()
    .any(|m| head.windows(m.len()).any(|w| w == *m))
}

/// Whether a line is a comment carrying a generated-code marker
/// (`// Code generated by protoc-gen-go. DO NOT EDIT.`, `# @generated`),
/// not a comment or string that mentions one (`` /// an `@generated`
/// marker ``, `"DO NOT EDIT"`): a quote or backtick before it quotes it.
fn marker_comment(line: &[u8]) -> bool {
    const MARKERS: [&[u8]; 4] = [
        b"@generated",
        b"DO NOT EDIT",
        b"Code generated by",
        b"auto-generated by",
    ];
    const LEADERS: [&[u8]; 6] = [b"//", b"#", b"/*", b"*", b"--", b"<!--"];
    let line = line.trim_ascii();
    if !LEADERS.iter().any(|l| line.starts_with(l)) {
        return false;
    }
    MARKERS.iter().any(|m| {
        line.windows(m.len()).enumerate().any(|(i, w)| {
            w == *m && !matches!(line.get(i.wrapping_sub(1)), Some(b'`' | b'"' | b'\''))
        })
    })
}

/// Whether the last non-blank line is a source-map comment
/// (`//# sourceMappingURL=…`, the older `//@ …`, or `/*# … */`): what
/// bundlers and compilers (rollup, webpack, esbuild, Babel, tsc) append to
/// their output, which is built from other files and not edited by hand.
fn source_map_trailer(content: &[u8]) -> bool {
    let tail = &content[content.len().saturating_sub(4096)..];
    let Some(last) = tail
        .split(|&b| b == b'\n')
        .map(|l| l.trim_ascii())
        .rfind(|l| !l.is_empty())
    else {
        return false;
    };
    [
        b"//# sourceMappingURL=".as_slice(),
        b"//@ sourceMappingURL=",
        b"/*# sourceMappingURL=",
    ]
    .iter()
    .any(|m| last.starts_with(m))
}

/// Walk `root` and list the files to index.
pub fn walk(root: &Path, opts: &WalkOptions) -> WalkResult {
    let mut result = WalkResult {
        started_ns: now_ns(),
        ..Default::default()
    };
    let include_vendored = opts.include_vendored;
    let mut builder = WalkBuilder::new(root);
    builder
        .hidden(false)
        .follow_links(true)
        .git_ignore(true)
        .git_global(true)
        .git_exclude(true)
        .require_git(false)
        .parents(false)
        .add_custom_ignore_filename(".plumbignore");
    // Vendored directories are pruned here, but counted below, so the user
    // learns what was left out.
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    builder.filter_entry(move |e| {
        let name = e.file_name().to_string_lossy();
        if e.depth() > 0 && PRUNED_DIRS.contains(&name.as_ref()) {
            return false;
        }
        if !include_vendored
            && e.depth() > 0
            && e.file_type().is_some_and(|t| t.is_dir())
            && VENDORED_DIRS.contains(&name.as_ref())
        {
            let _ = tx.send(());
            return false;
        }
        true
    });
    // Walk with two threads: directory listing and stat calls dominate, and
    // they overlap well. The order is restored by the sort below.
    let (out_tx, out_rx) = std::sync::mpsc::channel::<Outcome>();
    let built = if opts.include_generated {
        Default::default()
    } else {
        build_outputs::build_outputs(root)
    };
    let built = &built;
    builder.threads(2).build_parallel().run(|| {
        let out_tx = out_tx.clone();
        Box::new(move |entry| {
            let mut send = |o| {
                let _ = out_tx.send(o);
            };
            if let Some(o) = visit(root, opts, built, entry, &mut send) {
                send(o);
            }
            ignore::WalkState::Continue
        })
    });
    drop(out_tx);
    for o in out_rx {
        match o {
            Outcome::File(f) => result.files.push(f),
            Outcome::Skip(reason) => *result.skipped.entry(reason).or_default() += 1,
            Outcome::Stamp(stamp, skip) => {
                if let Some(reason) = skip {
                    *result.skipped.entry(reason).or_default() += 1;
                }
                result.stamps.push(stamp);
            }
            Outcome::Problem(reason, path, message) => {
                *result.skipped.entry(reason).or_default() += 1;
                result.problems.push((path, message));
            }
        }
    }
    result.problems.sort();
    let vendored = rx.try_iter().count() as u64;
    if vendored > 0 {
        *result.skipped.entry(SkipReason::Vendored).or_default() += vendored;
    }
    // git's own exclude file applies too.
    let exclude = root.join(".git/info/exclude");
    if let Ok(mtime_ns) = std::fs::metadata(&exclude).map(|m| mtime_ns(&m)) {
        result.stamps.push(Stamp {
            rel_path: relative(root, &exclude),
            mtime_ns,
        });
    }
    add_companions(root, opts, &mut result.files);
    result.files.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
    result.stamps.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
    result
}

/// The [`WalkOptions::companions`] of the listed files that exist on disk
/// but were not listed (ignored).
fn add_companions(root: &Path, opts: &WalkOptions, files: &mut Vec<WalkedFile>) {
    let listed: std::collections::HashSet<String> =
        files.iter().map(|f| f.rel_path.clone()).collect();
    let mut extra: Vec<WalkedFile> = Vec::new();
    for f in files.iter() {
        let (dir, name) = f.rel_path.rsplit_once('/').unwrap_or(("", &f.rel_path));
        for companion in (opts.companions)(name) {
            let rel = match dir {
                "" => companion.to_string(),
                d => format!("{d}/{companion}"),
            };
            if listed.contains(&rel) || extra.iter().any(|e| e.rel_path == rel) {
                continue;
            }
            let abs = root.join(&rel);
            if let Ok(meta) = std::fs::metadata(&abs)
                && meta.is_file()
            {
                extra.push(WalkedFile {
                    rel_path: rel,
                    abs_path: abs,
                    size: meta.len(),
                    mtime_ns: mtime_ns(&meta),
                });
            }
        }
    }
    files.extend(extra);
}

enum Outcome {
    File(WalkedFile),
    Skip(SkipReason),
    /// A path recorded in [`WalkResult::stamps`], and why it was skipped if it was.
    Stamp(Stamp, Option<SkipReason>),
    Problem(SkipReason, String, String),
}

/// Decide about one walk entry (runs on the walker's threads).
fn visit(
    root: &Path,
    opts: &WalkOptions,
    built: &std::collections::HashSet<String>,
    entry: Result<ignore::DirEntry, ignore::Error>,
    emit_stamp: &mut dyn FnMut(Outcome),
) -> Option<Outcome> {
    let entry = match entry {
        Ok(e) => e,
        Err(err) => {
            let reason = if is_loop(&err) {
                SkipReason::SymlinkLoop
            } else {
                SkipReason::Unreadable
            };
            return Some(Outcome::Problem(
                reason,
                error_path(&err, root),
                err.to_string(),
            ));
        }
    };
    let path = entry.path();
    let stamp = |meta: &std::fs::Metadata| Stamp {
        rel_path: relative(root, path),
        mtime_ns: mtime_ns(meta),
    };
    if entry.file_type().is_some_and(|t| t.is_dir()) {
        return entry
            .metadata()
            .ok()
            .map(|m| Outcome::Stamp(stamp(&m), None));
    }
    if !entry.file_type().is_some_and(|t| t.is_file()) {
        return None;
    }
    if IGNORE_FILES.contains(&entry.file_name().to_string_lossy().as_ref()) {
        if let Ok(m) = entry.metadata() {
            emit_stamp(Outcome::Stamp(stamp(&m), None));
        }
    }
    if !(opts.accept)(path) {
        return None;
    }
    let rel = relative(root, path);
    if !opts.include_generated
        && (generated_by_name(&entry.file_name().to_string_lossy()) || built.contains(&rel))
    {
        return Some(Outcome::Skip(SkipReason::Generated));
    }
    let meta = match entry.metadata() {
        Ok(m) => m,
        Err(err) => {
            return Some(Outcome::Problem(
                SkipReason::Unreadable,
                rel,
                err.to_string(),
            ));
        }
    };
    if meta.len() > opts.max_file_size && !(opts.no_size_cap)(path) {
        return Some(Outcome::Stamp(stamp(&meta), Some(SkipReason::TooLarge)));
    }
    Some(Outcome::File(WalkedFile {
        rel_path: rel,
        abs_path: path.to_path_buf(),
        size: meta.len(),
        mtime_ns: mtime_ns(&meta),
    }))
}

fn is_loop(err: &ignore::Error) -> bool {
    match err {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
        _ => false,
    }
}

fn error_path(err: &ignore::Error, root: &Path) -> String {
    match err {
        ignore::Error::WithPath { path, .. } => relative(root, path),
        ignore::Error::Loop { child, .. } => relative(root, child),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err, root)
        }
        _ => String::new(),
    }
}

/// `path` relative to `root` with `/` separators (the path itself if outside root).
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let s = rel.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        s.into_owned()
    } else {
        s.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

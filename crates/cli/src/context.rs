//! Finding the repository and its index, and opening the index for a query
//! (building it first if there is none, refreshing it when cheap).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use plumb_index::{FreshMode, Freshness, IndexOptions, IndexReport, Progress};
use plumb_store::Store;

/// Options every command takes.
pub struct Global {
    pub repo: Option<PathBuf>,
    pub index: Option<PathBuf>,
    pub json: bool,
}

pub type CliResult<T> = Result<T, String>;

/// The repository root: `--repo`, else the nearest ancestor of the current
/// directory holding `.plumb/` or `.git`, else the current directory.
pub fn repo_root(global: &Global) -> CliResult<PathBuf> {
    if let Some(r) = &global.repo {
        return plumb_index::validate_root(r).map_err(|e| e.to_string());
    }
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    for dir in cwd.ancestors() {
        if dir.join(".plumb").is_dir() || dir.join(".git").exists() {
            return Ok(dir.to_path_buf());
        }
    }
    Ok(cwd)
}

/// A path given on the command line, made absolute: relative to the `-C`
/// directory when one was given (as `git -C` and `make -C` read them), else
/// to the current directory.
pub fn user_path(global: &Global, p: &Path) -> PathBuf {
    if p.is_absolute() {
        return p.to_path_buf();
    }
    let cwd = std::env::current_dir().unwrap_or_default();
    match &global.repo {
        Some(dir) => cwd.join(dir).join(p),
        None => cwd.join(p),
    }
}

pub fn index_options(global: &Global, root: &Path) -> IndexOptions {
    let mut opts = IndexOptions::new(root);
    if let Some(p) = &global.index {
        opts.index_path = p.clone();
    }
    opts
}

/// Run the indexer with a progress bar on a terminal (stderr).
pub fn build_index(opts: &IndexOptions) -> CliResult<IndexReport> {
    let bar = if std::io::stderr().is_terminal() {
        Some(ProgressBar::new(0))
    } else {
        None
    };
    if let Some(b) = &bar {
        b.set_style(
            ProgressStyle::with_template(
                "{spinner} indexing {pos}/{len} files [{elapsed_precise}] {wide_bar}",
            )
            .expect("valid template"),
        );
    }
    let progress = |p: Progress| {
        if let Some(b) = &bar {
            match p {
                Progress::Planned { total } => b.set_length(total),
                Progress::Read => b.inc(1),
            }
        }
    };
    let report = plumb_index::run(
        opts,
        |who| {
            eprintln!(
                "plumb: waiting for {who} to finish indexing {}",
                opts.index_path.display()
            )
        },
        &progress,
    )
    .map_err(|e| e.to_string());
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let report = report?;
    if let Some(why) = &report.rebuilt {
        eprintln!(
            "plumb: the index at {} was unusable ({why}); rebuilt it",
            opts.index_path.display()
        );
    }
    Ok(report)
}

/// How a query treats the working tree; flattened into every query command.
#[derive(clap::Args, Clone, Copy)]
pub struct FreshArgs {
    /// Do not re-index changed files before answering (still report them).
    #[arg(long)]
    pub no_refresh: bool,
    /// Do not compare the index with the working tree at all (fastest).
    #[arg(long)]
    pub no_check: bool,
}

impl FreshArgs {
    pub fn mode(self) -> FreshMode {
        if self.no_check {
            FreshMode::Skip
        } else if self.no_refresh {
            FreshMode::Check
        } else {
            FreshMode::Refresh
        }
    }
}

/// Open the index for a query: build it if missing or unusable, then
/// compare it with the working tree as `fresh` asks.
pub fn open_for_query(
    global: &Global,
    fresh: FreshArgs,
) -> CliResult<(Store, Freshness, IndexOptions)> {
    let root = repo_root(global)?;
    let opts = index_options(global, &root);
    let mut store = match Store::open_existing(&opts.index_path).map_err(|e| e.to_string())? {
        Some(s)
            if s.meta("built_at").ok().flatten().is_some() && plumb_index::facts_current(&s) =>
        {
            s
        }
        _ => {
            eprintln!(
                "plumb: no usable index at {} (missing, or written by another version); building it now",
                opts.index_path.display()
            );
            build_index(&opts)?;
            Store::open_existing(&opts.index_path)
                .map_err(|e| e.to_string())?
                .ok_or_else(|| {
                    format!(
                        "index {}: could not be opened after building",
                        opts.index_path.display()
                    )
                })?
        }
    };
    let freshness =
        plumb_index::freshness(&mut store, &opts, fresh.mode()).map_err(|e| e.to_string())?;
    Ok((store, freshness, opts))
}

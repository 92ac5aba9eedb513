//! `plumb check`: verify a change against the index (front end only; the
//! checker is `plumb-check`). Exit 0 clean, 1 findings at or above
//! `--min-confidence`, 2 usage or internal errors.

use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::process::ExitCode;

use plumb_check::report::{Format, IndexInfo};
use plumb_store::Store;

use crate::context::{CliResult, FreshArgs, Global};

#[derive(clap::Args)]
pub struct Args {
    /// A unified diff to check, against the working tree (`-` reads stdin).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["rev", "files"])]
    diff: Option<String>,
    /// Check the commits in A..B (or A..HEAD when B is omitted).
    #[arg(long, value_name = "A..B", conflicts_with = "files")]
    rev: Option<String>,
    /// Check whole files as if every line were new.
    #[arg(long, num_args = 1.., value_name = "PATH")]
    files: Vec<PathBuf>,
    /// Output format: text, json or sarif.
    #[arg(long, default_value = "text")]
    format: String,
    /// Report only findings at or above this confidence (0 to 1).
    #[arg(long, default_value_t = 0.0, value_name = "X")]
    min_confidence: f64,
    /// Fail instead of building the index when there is none.
    #[arg(long)]
    no_build: bool,
    /// Compare the index with the working tree first and re-index changed
    /// files (slower on big trees). By default the index is trusted while it
    /// is at the commit checked out (otherwise it is compared first); the
    /// change itself is always read from its new text.
    #[arg(long)]
    refresh: bool,
}

pub fn run(global: &Global, args: Args) -> CliResult<ExitCode> {
    let format: Format = if global.json {
        Format::Json
    } else {
        args.format.parse()?
    };
    if !(0.0..=1.0).contains(&args.min_confidence) {
        return Err(format!(
            "--min-confidence must be between 0 and 1, not {}",
            args.min_confidence
        ));
    }
    let root = crate::context::repo_root(global)?;
    // Read the input before touching the index: a bad diff fails fast.
    let input = if let Some(d) = &args.diff {
        let text = if d == "-" {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .map_err(|e| format!("cannot read the diff from stdin: {e}"))?;
            s
        } else {
            let bytes = std::fs::read(d).map_err(|e| format!("cannot read diff {d}: {e}"))?;
            String::from_utf8_lossy(&bytes).into_owned()
        };
        plumb_check::input::from_diff_text(&root, &text)?
    } else if let Some(r) = &args.rev {
        plumb_check::input::from_rev(&root, r)?
    } else if !args.files.is_empty() {
        let paths: Vec<String> = args
            .files
            .iter()
            .map(|p| {
                crate::context::user_path(global, p)
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        let root_abs = root.canonicalize().unwrap_or(root.clone());
        let canon: Vec<String> = paths
            .iter()
            .map(|p| {
                PathBuf::from(p)
                    .canonicalize()
                    .map(|c| c.to_string_lossy().into_owned())
                    .unwrap_or(p.clone())
            })
            .collect();
        plumb_check::input::from_files(&root_abs, &canon)?
    } else {
        plumb_check::input::from_worktree(&root)?
    };
    let fresh = FreshArgs {
        no_refresh: false,
        no_check: !args.refresh,
    };
    let (store, freshness) = if args.no_build {
        let opts = crate::context::index_options(global, &root);
        let mut store = match Store::open_existing(&opts.index_path).map_err(|e| e.to_string())? {
            Some(s) if s.meta("built_at").ok().flatten().is_some() => s,
            _ => {
                return Err(format!(
                    "no index at {} and --no-build was given: run `plumb index` first",
                    opts.index_path.display()
                ));
            }
        };
        if !plumb_index::facts_current(&store) {
            return Err(format!(
                "the index at {} was written by another version of plumb and --no-build was given: run `plumb index` first",
                opts.index_path.display()
            ));
        }
        let f =
            plumb_index::freshness(&mut store, &opts, fresh.mode()).map_err(|e| e.to_string())?;
        (store, f)
    } else {
        let (mut s, f, opts) = crate::context::open_for_query(global, fresh)?;
        // The index is trusted only at the commit checked out: after a
        // commit, pull or checkout, files the change does not touch may have
        // changed too, so they are compared (and a few re-indexed) first.
        let f = if !f.checked && f.indexed_commit != f.head_commit {
            plumb_index::freshness(&mut s, &opts, plumb_index::FreshMode::Refresh)
                .map_err(|e| e.to_string())?
        } else {
            f
        };
        (s, f)
    };
    let info = IndexInfo {
        commit: freshness.indexed_commit.clone(),
        fresh: if freshness.checked {
            freshness.is_fresh()
        } else {
            freshness.indexed_commit.is_some() && freshness.indexed_commit == freshness.head_commit
        },
        built_at: None,
        files: None,
        extra: serde_json::Value::Null,
    };
    let mut report = plumb_check::engine::check(&root, &store, &input, info);
    report.retain_min_confidence(args.min_confidence);
    let color = format == Format::Text
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    print!("{}", report.render(format, color));
    Ok(ExitCode::from(report.exit_code() as u8))
}

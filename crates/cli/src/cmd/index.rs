//! `plumb index [PATH]`.

use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use crate::context::{CliResult, Global, build_index, index_options};

#[derive(clap::Args)]
pub struct Args {
    /// Repository root to index (default: see --repo).
    path: Option<PathBuf>,
    /// Re-read every file, ignoring stored hashes.
    #[arg(long)]
    rebuild: bool,
    /// Fail at once if another run holds the index lock, instead of waiting.
    #[arg(long)]
    no_wait: bool,
    /// Also index vendored directories (vendor/, node_modules/, third_party/, ...).
    #[arg(long)]
    include_vendored: bool,
    /// Also index generated files (*.min.js, *_pb2.py, "DO NOT EDIT" headers,
    /// bundles ending with a sourceMappingURL line).
    #[arg(long)]
    include_generated: bool,
    /// Skip files larger than this many bytes.
    #[arg(long, default_value_t = 2 * 1024 * 1024)]
    max_file_size: u64,
}

#[derive(Serialize)]
struct IndexJson<'a> {
    root: String,
    index: String,
    commit: Option<&'a str>,
    rebuilt: Option<&'a str>,
    files_seen: u64,
    parsed: u64,
    unchanged: u64,
    touched: u64,
    deleted: u64,
    files_with_parse_errors: u64,
    skipped: &'a std::collections::BTreeMap<String, u64>,
    problems: Vec<Problem<'a>>,
    manifest_errors: &'a [String],
    elapsed_ms: u128,
}

#[derive(Serialize)]
struct Problem<'a> {
    path: &'a str,
    message: &'a str,
}

pub fn run(global: &Global, args: Args) -> CliResult<ExitCode> {
    let root = match &args.path {
        Some(p) => plumb_index::validate_root(p).map_err(|e| e.to_string())?,
        None => crate::context::repo_root(global)?,
    };
    let mut opts = index_options(global, &root);
    opts.rebuild = args.rebuild;
    opts.wait_for_lock = !args.no_wait;
    opts.include_vendored = args.include_vendored;
    opts.include_generated = args.include_generated;
    opts.max_file_size = args.max_file_size;
    let r = build_index(&opts)?;
    if global.json {
        let j = IndexJson {
            root: r.root.display().to_string(),
            index: r.index_path.display().to_string(),
            commit: r.commit.as_deref(),
            rebuilt: r.rebuilt.as_deref(),
            files_seen: r.files_seen,
            parsed: r.parsed,
            unchanged: r.unchanged,
            touched: r.touched,
            deleted: r.deleted,
            files_with_parse_errors: r.files_with_parse_errors,
            skipped: &r.skipped,
            problems: r
                .problems
                .iter()
                .map(|(p, m)| Problem {
                    path: p,
                    message: m,
                })
                .collect(),
            manifest_errors: &r.manifest_errors,
            elapsed_ms: r.elapsed.as_millis(),
        };
        crate::output::print_json("index", None, &j);
    } else {
        println!(
            "indexed {}: {} files seen, {} parsed, {} unchanged, {} deleted in {:.2}s",
            r.root.display(),
            r.files_seen,
            r.parsed,
            r.unchanged,
            r.deleted,
            r.elapsed.as_secs_f64()
        );
        if r.files_with_parse_errors > 0 {
            println!(
                "  {} files had syntax errors (partial facts kept)",
                r.files_with_parse_errors
            );
        }
        if !r.skipped.is_empty() {
            let parts: Vec<String> = r.skipped.iter().map(|(k, v)| format!("{v} {k}")).collect();
            println!("  skipped: {}", parts.join(", "));
        }
        for (p, m) in r.problems.iter().take(20) {
            println!("  problem: {p}: {m}");
        }
        for m in r.manifest_errors.iter().take(20) {
            println!("  manifest: {m}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

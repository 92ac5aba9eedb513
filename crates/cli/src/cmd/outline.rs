//! `plumb outline FILE`.

use std::process::ExitCode;

use crate::context::{CliResult, Global};

#[derive(clap::Args)]
pub struct Args {
    /// A file of the repository (relative to the root, or a path from here).
    file: std::path::PathBuf,
    /// At most this many items.
    #[arg(long, default_value_t = 500)]
    limit: usize,
    #[command(flatten)]
    fresh: crate::context::FreshArgs,
}

pub fn run(global: &Global, args: Args) -> CliResult<ExitCode> {
    let (store, fresh, opts) = crate::context::open_for_query(global, args.fresh)?;
    let rel = relative_to_root(&crate::context::user_path(global, &args.file), &opts.root);
    let Some(a) = plumb_query::outline(&store, &rel, args.limit).map_err(|e| e.to_string())? else {
        return Err(format!(
            "{}: not in the index (not a source file of a known language, ignored, or outside {})",
            args.file.display(),
            opts.root.display()
        ));
    };
    if global.json {
        crate::output::print_json("outline", Some(&fresh), &a);
        return Ok(ExitCode::SUCCESS);
    }
    crate::output::freshness_note(&fresh);
    for it in &a.items {
        let sig = it.signature.clone().unwrap_or_else(|| it.name.clone());
        println!(
            "{:>5}  {}{} {}",
            it.line,
            "  ".repeat(it.depth as usize),
            it.kind,
            sig
        );
    }
    if a.parse_errors > 0 {
        eprintln!(
            "plumb: note: {} has {} syntax error(s); the outline may be partial",
            a.path, a.parse_errors
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// An absolute path as the index stores it: relative to the root, `/`-separated.
pub fn relative_to_root(path: &std::path::Path, root: &std::path::Path) -> String {
    let abs = path.canonicalize().unwrap_or(path.to_path_buf());
    match abs.strip_prefix(root) {
        Ok(rel) => rel.to_string_lossy().replace('\\', "/"),
        Err(_) => path.to_string_lossy().replace('\\', "/"),
    }
}

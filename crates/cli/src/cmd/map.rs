//! `plumb map`.

use std::process::ExitCode;

use crate::context::{CliResult, Global};

#[derive(clap::Args)]
pub struct Args {
    /// Token budget for the map (estimated as bytes / 4).
    #[arg(long, default_value_t = 2048)]
    tokens: usize,
    #[command(flatten)]
    fresh: crate::context::FreshArgs,
}

pub fn run(global: &Global, args: Args) -> CliResult<ExitCode> {
    let (mut store, fresh, opts) = crate::context::open_for_query(global, args.fresh)?;
    // Cache the ranks only if no indexing run is writing right now.
    let lock = plumb_store::WriteLock::acquire(&opts.index_path, false, |_| {}).ok();
    let a = plumb_query::map(&mut store, args.tokens, lock.is_some()).map_err(|e| e.to_string())?;
    drop(lock);
    if global.json {
        crate::output::print_json("map", Some(&fresh), &a);
        return Ok(ExitCode::SUCCESS);
    }
    crate::output::freshness_note(&fresh);
    print!("{}", a.text);
    eprintln!(
        "plumb: {} of {} files, ~{} of {} tokens",
        a.files.len(),
        a.files_total,
        a.tokens_used,
        a.token_budget
    );
    Ok(ExitCode::SUCCESS)
}

//! The `plumb` command line: argument parsing, dispatch, exit codes.
//!
//! Front end only: every answer comes from the library crates; this crate
//! turns arguments into calls and answers into text or JSON. Exit codes:
//! 0 ok, 1 findings (check), 2 usage or internal error.

mod cmd;
mod context;
mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "plumb",
    version,
    about = "Keep AI-written code true to the codebase it lands in"
)]
struct Cli {
    /// Repository root (default: the enclosing git work tree, or the current directory).
    #[arg(short = 'C', long = "repo", global = true, value_name = "DIR")]
    repo: Option<PathBuf>,
    /// Index database (default: <repo>/.plumb/index.db).
    #[arg(long, global = true, value_name = "PATH")]
    index: Option<PathBuf>,
    /// Print JSON (schema: docs/json.md).
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a change (working tree, --diff, --rev, --files) against the codebase.
    Check(cmd::check::Args),
    /// Build or update the index (incremental).
    Index(cmd::index::Args),
    /// Files, languages, symbols, freshness and size of the index.
    Status(cmd::status::Args),
    /// Where is NAME defined (exact, --prefix, or --fuzzy).
    Defs(cmd::defs::Args),
    /// References to NAME and the definitions that call it.
    Refs(cmd::refs::Args),
    /// The definitions in FILE, nested.
    Outline(cmd::outline::Args),
    /// A ranked map of the repository within a token budget.
    Map(cmd::map::Args),
    /// Functions that do the same thing as SYMBOL or a snippet.
    Similar(cmd::similar::Args),
    /// Clusters of near-duplicate functions.
    Dups(cmd::dups::Args),
    /// Measure retrieval quality on a benchmark dataset.
    Eval(cmd::eval::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let global = context::Global {
        repo: cli.repo,
        index: cli.index,
        json: cli.json,
    };
    let result = match cli.command {
        Command::Check(a) => cmd::check::run(&global, a),
        Command::Index(a) => cmd::index::run(&global, a),
        Command::Status(a) => cmd::status::run(&global, a),
        Command::Defs(a) => cmd::defs::run(&global, a),
        Command::Refs(a) => cmd::refs::run(&global, a),
        Command::Outline(a) => cmd::outline::run(&global, a),
        Command::Map(a) => cmd::map::run(&global, a),
        Command::Similar(a) => cmd::similar::run(&global, a),
        Command::Dups(a) => cmd::dups::run(&global, a),
        Command::Eval(a) => cmd::eval::run(&global, a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("plumb: {e}");
            ExitCode::from(2)
        }
    }
}

//! `plumb refs NAME`.

use std::process::ExitCode;

use crate::context::{CliResult, Global};

#[derive(clap::Args)]
pub struct Args {
    /// The name; `qualifier.name` keeps references written with that qualifier.
    name: String,
    /// At most this many references.
    #[arg(long, default_value_t = 100)]
    limit: usize,
    #[command(flatten)]
    fresh: crate::context::FreshArgs,
}

pub fn run(global: &Global, args: Args) -> CliResult<ExitCode> {
    let (store, fresh, _) = crate::context::open_for_query(global, args.fresh)?;
    let a = plumb_query::refs(&store, &args.name, args.limit).map_err(|e| e.to_string())?;
    if global.json {
        crate::output::print_json("refs", Some(&fresh), &a);
        return Ok(ExitCode::SUCCESS);
    }
    crate::output::freshness_note(&fresh);
    for r in &a.references {
        let what = match &r.qualifier {
            Some(q) => format!("{q}.{}", r.name),
            None => r.name.clone(),
        };
        let inside = r
            .enclosing
            .as_deref()
            .map(|e| format!(" in {e}"))
            .unwrap_or_default();
        println!(
            "{}:{}:{}: {} {}{}",
            r.path, r.line, r.column, r.kind, what, inside
        );
    }
    if !a.callers.is_empty() {
        println!("callers:");
        for c in &a.callers {
            println!(
                "  {} ({}:{}, {} call{})",
                c.caller,
                c.path,
                c.first_line,
                c.calls,
                if c.calls == 1 { "" } else { "s" }
            );
        }
    }
    println!(
        "{} reference{} in total{}",
        a.total,
        if a.total == 1 { "" } else { "s" },
        if a.truncated {
            format!(" (showing {})", a.references.len())
        } else {
            String::new()
        }
    );
    Ok(ExitCode::SUCCESS)
}

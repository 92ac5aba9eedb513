//! `plumb defs NAME`.

use std::process::ExitCode;

use plumb_query::MatchMode;

use crate::context::{CliResult, Global};

#[derive(clap::Args)]
pub struct Args {
    /// The name; `Container.name` or `module::name` narrows by container.
    name: String,
    /// Match names starting with NAME.
    #[arg(long, conflicts_with = "fuzzy")]
    prefix: bool,
    /// Match names that look like NAME (typos, case and separator differences).
    #[arg(long)]
    fuzzy: bool,
    /// Only this kind (function, method, class, struct, ...).
    #[arg(long)]
    kind: Option<String>,
    /// At most this many results.
    #[arg(long, default_value_t = 50)]
    limit: usize,
    #[command(flatten)]
    fresh: crate::context::FreshArgs,
}

pub fn run(global: &Global, args: Args) -> CliResult<ExitCode> {
    if let Some(k) = &args.kind
        && plumb_facts::DefKind::from_name(k).is_none()
    {
        return Err(format!(
            "--kind {k}: unknown kind; use one of function, method, class, struct, enum, union, trait, interface, type_alias, module, constant, variable, field, enum_variant, macro"
        ));
    }
    let (store, fresh, _) = crate::context::open_for_query(global, args.fresh)?;
    let mode = if args.fuzzy {
        MatchMode::Fuzzy
    } else if args.prefix {
        MatchMode::Prefix
    } else {
        MatchMode::Exact
    };
    let a = plumb_query::defs(&store, &args.name, mode, args.kind.as_deref(), args.limit)
        .map_err(|e| e.to_string())?;
    if global.json {
        crate::output::print_json("defs", Some(&fresh), &a);
        return Ok(ExitCode::SUCCESS);
    }
    crate::output::freshness_note(&fresh);
    if a.results.is_empty() {
        eprintln!(
            "plumb: no definition named `{}`{}",
            args.name,
            if mode == MatchMode::Exact {
                " (try --fuzzy)"
            } else {
                ""
            }
        );
    }
    for h in &a.results {
        let sig = h
            .signature
            .clone()
            .unwrap_or_else(|| h.qualified_name.clone());
        println!("{}:{}:{}: {} {}", h.path, h.line, h.column, h.kind, sig);
    }
    if a.truncated {
        eprintln!("plumb: more results beyond --limit {}", args.limit);
    }
    Ok(ExitCode::SUCCESS)
}

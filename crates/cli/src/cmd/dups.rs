//! `plumb dups`: clusters of near-duplicate functions.

use std::process::ExitCode;

use crate::context::{CliResult, Global};

#[derive(clap::Args)]
pub struct Args {
    /// Cosine similarity from which two functions count as duplicates.
    #[arg(long, default_value_t = 0.95)]
    threshold: f32,
    /// At most this many clusters.
    #[arg(long, default_value_t = 50)]
    limit: usize,
    #[command(flatten)]
    fresh: crate::context::FreshArgs,
}

pub fn run(global: &Global, args: Args) -> CliResult<ExitCode> {
    if !(0.0..=1.0).contains(&args.threshold) {
        return Err(format!(
            "--threshold {}: must be between 0 and 1",
            args.threshold
        ));
    }
    let (store, fresh, _) = crate::context::open_for_query(global, args.fresh)?;
    let shapes = plumb_query::Shapes::load(&store).map_err(|e| e.to_string())?;
    let a = plumb_query::dups(&store, &shapes, args.threshold, args.limit)
        .map_err(|e| e.to_string())?;
    if global.json {
        crate::output::print_json("dups", Some(&fresh), &a);
        return Ok(ExitCode::SUCCESS);
    }
    crate::output::freshness_note(&fresh);
    for (i, c) in a.clusters.iter().enumerate() {
        println!(
            "cluster {} ({} functions, similarity >= {:.3}):",
            i + 1,
            c.members.len(),
            c.min_score
        );
        for m in &c.members {
            println!("  {}:{}  {}", m.path, m.line, m.qualified_name);
        }
    }
    println!(
        "{} cluster{} of near-duplicates among {} functions",
        a.clusters_total,
        if a.clusters_total == 1 { "" } else { "s" },
        a.functions_indexed
    );
    Ok(ExitCode::SUCCESS)
}

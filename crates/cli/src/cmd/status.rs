//! `plumb status`.

use std::process::ExitCode;

use serde::Serialize;

use crate::context::{CliResult, Global};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    fresh: crate::context::FreshArgs,
}

#[derive(Serialize)]
struct Lang {
    lang: String,
    files: u64,
    lines: u64,
}

#[derive(Serialize)]
struct StatusJson {
    root: String,
    index: String,
    index_bytes: u64,
    files: u64,
    lines: u64,
    definitions: u64,
    references: u64,
    imports: u64,
    function_shapes: u64,
    files_with_parse_errors: u64,
    dependencies: usize,
    languages: Vec<Lang>,
}

pub fn run(global: &Global, args: Args) -> CliResult<ExitCode> {
    let (store, fresh, opts) = crate::context::open_for_query(global, args.fresh)?;
    let s = store.stats().map_err(|e| e.to_string())?;
    let deps = store
        .manifest()
        .map_err(|e| e.to_string())?
        .dependencies
        .len();
    let j = StatusJson {
        root: opts.root.display().to_string(),
        index: opts.index_path.display().to_string(),
        index_bytes: store.disk_size(),
        files: s.files,
        lines: s.lines,
        definitions: s.definitions,
        references: s.references,
        imports: s.imports,
        function_shapes: s.shapes,
        files_with_parse_errors: s.files_with_parse_errors,
        dependencies: deps,
        languages: s
            .languages
            .into_iter()
            .map(|(lang, files, lines)| Lang { lang, files, lines })
            .collect(),
    };
    if global.json {
        crate::output::print_json("status", Some(&fresh), &j);
        return Ok(ExitCode::SUCCESS);
    }
    println!("repository  {}", j.root);
    println!(
        "index       {} ({:.1} MiB)",
        j.index,
        j.index_bytes as f64 / (1024.0 * 1024.0)
    );
    println!("freshness   {}", fresh.summary());
    if let Some(c) = &fresh.indexed_commit {
        let head = fresh.head_commit.as_deref().unwrap_or("-");
        println!(
            "commit      indexed at {} (HEAD {})",
            &c[..c.len().min(12)],
            &head[..head.len().min(12)]
        );
    }
    println!(
        "files       {} ({} lines, {} with syntax errors)",
        j.files, j.lines, j.files_with_parse_errors
    );
    println!(
        "symbols     {} definitions, {} references, {} imports, {} function shapes",
        j.definitions, j.references, j.imports, j.function_shapes
    );
    println!("packages    {} declared dependencies", j.dependencies);
    for l in &j.languages {
        println!(
            "  {:<11} {:>7} files {:>10} lines",
            l.lang, l.files, l.lines
        );
    }
    Ok(ExitCode::SUCCESS)
}

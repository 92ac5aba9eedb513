//! `plumb similar SYMBOL` and `plumb similar --snippet FILE|-`.

use std::io::Read;
use std::process::ExitCode;

use plumb_facts::Lang;

use crate::context::{CliResult, Global};

#[derive(clap::Args)]
pub struct Args {
    /// A function or method name (`Type.method` narrows by container).
    #[arg(required_unless_present = "snippet")]
    symbol: Option<String>,
    /// Find functions like the code in FILE (`-` for standard input).
    #[arg(long, value_name = "FILE", conflicts_with = "symbol")]
    snippet: Option<String>,
    /// Language of the snippet (default: from the file extension); with a
    /// symbol, only results in this language.
    #[arg(long)]
    lang: Option<String>,
    #[arg(long, default_value_t = 10)]
    limit: usize,
    #[command(flatten)]
    fresh: crate::context::FreshArgs,
}

pub fn parse_lang(s: &str) -> CliResult<Lang> {
    Lang::from_name(s).ok_or_else(|| format!("--lang {s}: unknown language; use one of rust, python, javascript, typescript, tsx, go, java, c, cpp"))
}

pub fn run(global: &Global, args: Args) -> CliResult<ExitCode> {
    let lang = args.lang.as_deref().map(parse_lang).transpose()?;
    let snippet = match &args.snippet {
        None => None,
        Some(src) => {
            let (bytes, detected) = if src == "-" {
                let mut b = Vec::new();
                std::io::stdin()
                    .read_to_end(&mut b)
                    .map_err(|e| format!("standard input: {e}"))?;
                (b, None)
            } else {
                let b = std::fs::read(src).map_err(|e| format!("{src}: cannot read ({e})"))?;
                (
                    b,
                    plumb_lang::adapter_for_path(std::path::Path::new(src)).map(|a| a.lang()),
                )
            };
            let Some(l) = lang.or(detected) else {
                return Err(format!(
                    "{src}: cannot tell the snippet's language; pass --lang (rust, python, javascript, typescript, tsx, go, java, c, cpp)"
                ));
            };
            Some((bytes, l))
        }
    };
    let (store, fresh, _) = crate::context::open_for_query(global, args.fresh)?;
    let shapes = plumb_query::Shapes::load(&store).map_err(|e| e.to_string())?;
    let answer = match (snippet, &args.symbol) {
        (Some((bytes, l)), _) => {
            plumb_query::similar_to_snippet(&store, &shapes, l, &bytes, None, args.limit)?
        }
        (None, Some(sym)) => {
            plumb_query::similar_to_symbol(&store, &shapes, sym, lang, args.limit)?
        }
        (None, None) => unreachable!("clap requires a symbol or --snippet"),
    };
    if global.json {
        crate::output::print_json("similar", Some(&fresh), &answer);
        return Ok(ExitCode::SUCCESS);
    }
    crate::output::freshness_note(&fresh);
    for w in &answer.warnings {
        eprintln!("plumb: warning: {w}");
    }
    println!(
        "functions like {} ({} indexed):",
        answer.query, answer.functions_indexed
    );
    for h in &answer.results {
        println!(
            "{:.3}  {}:{}  {}",
            h.score, h.def.path, h.def.line, h.def.qualified_name
        );
        for s in h.shared.iter().take(3) {
            println!("       {s}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

//! `plumb eval poj104`: retrieval quality on the POJ-104 clone-detection split.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::context::{CliResult, Global};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(clap::Subcommand)]
enum What {
    /// MAP@R of Plumb and of a TF-IDF baseline; writes CodeXGLUE predictions.
    Poj104 {
        /// The split (JSONL rows {index, label, code}).
        #[arg(long)]
        data: PathBuf,
        /// Where to write predictions (one JSON row per program).
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn run(global: &Global, args: Args) -> CliResult<ExitCode> {
    let What::Poj104 { data, out } = args.what;
    if !data.is_file() {
        return Err(format!(
            "{}: no such file; pass the POJ-104 split, e.g. ../shared/datasets/poj104/valid.jsonl",
            data.display()
        ));
    }
    let r =
        plumb_similar::eval_poj104(&data, &out).map_err(|e| format!("{}: {e}", data.display()))?;
    if global.json {
        crate::output::print_json("eval", None, &r);
    } else {
        println!(
            "POJ-104 {}: {} programs, {} problems, {} answers each, {} threads",
            data.display(),
            r.programs,
            r.problems,
            r.answers,
            r.threads
        );
        println!("{:<44}{:>8}{:>10}", "method", "MAP@R", "seconds");
        println!(
            "{:<44}{:>8.2}{:>10.1}",
            "TF-IDF over raw tokens (baseline, this run)", r.baseline_map_at_r, r.baseline_secs
        );
        println!(
            "{:<44}{:>8.2}{:>10.1}",
            "plumb structural vectors",
            r.map_at_r,
            r.vectorize_secs + r.retrieve_secs
        );
        println!(
            "{:<44}{:>8.2}{:>10.1}",
            "plumb + neighbourhood augmentation",
            r.map_at_r_augmented,
            r.vectorize_secs + r.retrieve_secs + r.augment_secs
        );
        println!(
            "published on the test split: code2vec 1.98, NCC 54.19, Aroma 55.12, RoBERTa 76.67, MISIM-GNN 82.45, CodeBERT 82.67, UniXcoder ~90.5"
        );
        if r.parse_warnings > 0 {
            println!(
                "{} programs had syntax errors (best-effort vectors)",
                r.parse_warnings
            );
        }
        println!("predictions: {}", out.display());
    }
    Ok(ExitCode::SUCCESS)
}

//! Run the POJ-104 evaluation: `poj104 DATA.jsonl OUT.jsonl`.
//! Prints the report as JSON on stdout.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: poj104 DATA.jsonl PREDICTIONS_OUT.jsonl");
        std::process::exit(2);
    }
    let t = std::time::Instant::now();
    match plumb_similar::eval_poj104(args[1].as_ref(), args[2].as_ref()) {
        Ok(r) => {
            println!("{}", serde_json::to_string_pretty(&r).unwrap());
            eprintln!(
                "MAP@R: Plumb {:.2} (augmented {:.2}), TF-IDF baseline {:.2} ({} programs, {} problems); wall {:.1}s",
                r.map_at_r,
                r.map_at_r_augmented,
                r.baseline_map_at_r,
                r.programs,
                r.problems,
                t.elapsed().as_secs_f64()
            );
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}

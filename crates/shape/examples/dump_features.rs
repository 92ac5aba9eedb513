//! Dump the hashed sparse features of a POJ-104 split for training:
//! `dump_features DATA.jsonl OUT_PREFIX` writes OUT_PREFIX.bin (per row:
//! u32 nnz, then nnz x (u32 bucket, f32 count), little-endian) and
//! OUT_PREFIX.labels (one "index label" line per row). Rows are parsed as C++.

use std::io::{BufRead, BufWriter, Write};

use plumb_facts::Lang;
use rayon::prelude::*;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: dump_features DATA.jsonl OUT_PREFIX");
        std::process::exit(2);
    }
    let file = std::fs::File::open(&args[1]).expect("open data");
    let rows: Vec<(String, String, String)> = std::io::BufReader::new(file)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(&l.expect("read")).expect("json");
            let s = |k: &str| match &v[k] {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            (s("index"), s("label"), s("code"))
        })
        .collect();
    let t = std::time::Instant::now();
    let feats: Vec<plumb_shape::Sparse> = rows
        .par_iter()
        .map(|(_, _, code)| {
            plumb_shape::snippet_features(Lang::Cpp, code.as_bytes())
                .map(|(f, _)| f.sparse)
                .unwrap_or_default()
        })
        .collect();
    eprintln!("{} rows featurised in {:.2?}", rows.len(), t.elapsed());
    let mut bin = BufWriter::new(std::fs::File::create(format!("{}.bin", args[2])).unwrap());
    let mut lab = BufWriter::new(std::fs::File::create(format!("{}.labels", args[2])).unwrap());
    for ((idx, label, _), f) in rows.iter().zip(&feats) {
        bin.write_all(&(f.len() as u32).to_le_bytes()).unwrap();
        for (b, c) in f {
            bin.write_all(&b.to_le_bytes()).unwrap();
            bin.write_all(&c.to_le_bytes()).unwrap();
        }
        writeln!(lab, "{idx} {label}").unwrap();
    }
}

//! Indexing overhead of plumb-shape on real source files:
//! `bench_files DIR [MAX_FILES]` parses every file under DIR that an adapter
//! claims, runs the adapter's `extract`, then `function_vectors` on its
//! definitions, and prints the CPU time of each step (this thread only).

use std::path::{Path, PathBuf};

fn cpu() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>, max: usize) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if out.len() >= max {
            return;
        }
        if p.is_dir() {
            collect(&p, out, max);
        } else if plumb_lang::adapter_for_path(&p).is_some() {
            out.push(p);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let max: usize = args
        .get(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(usize::MAX);
    let mut files = Vec::new();
    collect(Path::new(&args[1]), &mut files, max);
    let (mut tp, mut te, mut tv) = (0f64, 0f64, 0f64);
    let (mut lines, mut defs_n, mut vecs_n) = (0usize, 0usize, 0usize);
    for f in &files {
        let Ok(src) = std::fs::read(f) else { continue };
        let adapter = plumb_lang::adapter_for_path(f).unwrap();
        lines += src.iter().filter(|b| **b == b'\n').count();
        let t = cpu();
        let Some(tree) = plumb_lang::parse(adapter, &src) else {
            continue;
        };
        tp += cpu() - t;
        let t = cpu();
        let facts = adapter.extract(&tree, &src);
        te += cpu() - t;
        let t = cpu();
        let v = plumb_shape::function_vectors(adapter, &tree, &src, &facts.definitions);
        tv += cpu() - t;
        defs_n += facts.definitions.len();
        vecs_n += v.len();
    }
    println!(
        "{} files, {} lines, {} definitions, {} vectors: parse {:.2}s, extract {:.2}s, function_vectors {:.2}s ({:.0}% of parse, {:.0}% of parse+extract)",
        files.len(),
        lines,
        defs_n,
        vecs_n,
        tp,
        te,
        tv,
        100.0 * tv / tp,
        100.0 * tv / (tp + te)
    );
}

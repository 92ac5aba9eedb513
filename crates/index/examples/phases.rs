//! Where indexing time goes, per phase, single-threaded: read, parse,
//! extract, shape vectors. Usage: cargo run --release -p plumb-index --example phases -- DIR
use std::time::{Duration, Instant};

fn main() {
    let root = std::path::PathBuf::from(std::env::args().nth(1).expect("usage: phases DIR"));
    let opts = plumb_index::IndexOptions::new(&root);
    let walked = plumb_walk::walk(&root, &opts.walk_options());
    let (mut read, mut parse, mut extract, mut shape) = (
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
    );
    let (mut bytes, mut defs, mut refs) = (0usize, 0usize, 0usize);
    // (parse time, bytes, path): the slowest files show whether a few
    // pathological inputs dominate or the cost is spread evenly.
    let mut per_file: Vec<(Duration, usize, String)> = Vec::new();
    for f in &walked.files {
        let Some(adapter) = plumb_lang::adapter_for_path(std::path::Path::new(&f.rel_path)) else {
            continue;
        };
        let t = Instant::now();
        let src = std::fs::read(&f.abs_path).unwrap();
        read += t.elapsed();
        bytes += src.len();
        let t = Instant::now();
        let tree = plumb_lang::parse(adapter, &src).unwrap();
        parse += t.elapsed();
        per_file.push((t.elapsed(), src.len(), f.rel_path.clone()));
        let t = Instant::now();
        let mut facts = adapter.extract(&tree, &src);
        facts.assign_enclosing();
        extract += t.elapsed();
        defs += facts.definitions.len();
        refs += facts.references.len();
        let t = Instant::now();
        let v = plumb_shape::function_vectors(adapter, &tree, &src, &facts.definitions);
        shape += t.elapsed();
        std::hint::black_box(v);
    }
    println!(
        "files {} bytes {} defs {} refs {}",
        walked.files.len(),
        bytes,
        defs,
        refs
    );
    for (name, d) in [
        ("read", read),
        ("parse", parse),
        ("extract", extract),
        ("shape", shape),
    ] {
        println!(
            "{name:<8} {:>8.2}s  {:>6.1} MB/s",
            d.as_secs_f64(),
            bytes as f64 / 1e6 / d.as_secs_f64()
        );
    }
    per_file.sort_by(|a, b| b.0.cmp(&a.0));
    let top: Duration = per_file.iter().take(20).map(|x| x.0).sum();
    println!(
        "slowest 20 files to parse: {:.2}s ({:.1}% of parse)",
        top.as_secs_f64(),
        100.0 * top.as_secs_f64() / parse.as_secs_f64()
    );
    for (d, n, path) in per_file.iter().take(8) {
        println!(
            "  {:>7.1} ms {:>9} bytes {:>6.1} MB/s  {path}",
            d.as_secs_f64() * 1e3,
            n,
            *n as f64 / 1e6 / d.as_secs_f64()
        );
    }
}

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
}

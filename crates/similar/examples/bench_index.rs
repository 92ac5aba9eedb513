//! Timing of the pieces Plumb runs at index and query time, on POJ-104 data:
//! `bench_index DATA.jsonl [N_INDEX]`.
//! - parse only vs parse + function_vectors (the indexing overhead budget);
//! - one top_k query against an index of N_INDEX (default 100,000) vectors;
//! - clusters() over the same index.

use std::io::BufRead;
use std::time::Instant;

use plumb_facts::{DefKind, Definition, Lang, Span, Visibility};
use plumb_lang::NodeClass;
use plumb_similar::SimilarIndex;

fn defs_of(adapter: &dyn plumb_lang::LanguageAdapter, tree: &tree_sitter::Tree) -> Vec<Definition> {
    let mut defs = Vec::new();
    let mut stack = vec![tree.root_node()];
    while let Some(n) = stack.pop() {
        if adapter.node_class(n.kind()) == NodeClass::Function && n.kind() == "function_definition"
        {
            let span = Span {
                start_byte: n.start_byte() as u32,
                end_byte: n.end_byte() as u32,
                ..Span::default()
            };
            defs.push(Definition {
                name: String::new(),
                kind: DefKind::Function,
                container: None,
                span,
                name_span: span,
                visibility: Visibility::Public,
                doc: None,
                params: None,
                signature: None,
            });
        } else {
            for i in 0..n.child_count() {
                stack.push(n.child(i as u32).unwrap());
            }
        }
    }
    defs
}

/// CPU time of this thread in seconds (Linux schedstat), so the
/// parse/vector ratio is not skewed by other processes on a busy machine.
fn cpu() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n_index: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let file = std::fs::File::open(&args[1]).expect("open data");
    let code: Vec<String> = std::io::BufReader::new(file)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(&l.unwrap()).unwrap();
            v["code"].as_str().unwrap_or("").to_string()
        })
        .collect();
    let adapter = plumb_lang::adapter_for_lang(Lang::Cpp);

    let t = cpu();
    let mut trees = Vec::with_capacity(code.len());
    for c in &code {
        trees.push(plumb_lang::parse(adapter, c.as_bytes()).unwrap());
    }
    let parse = cpu() - t;
    let defs: Vec<Vec<Definition>> = trees.iter().map(|t| defs_of(adapter, t)).collect();
    let t = cpu();
    let mut vectors = Vec::new();
    for ((c, tree), d) in code.iter().zip(&trees).zip(&defs) {
        for (_, v) in plumb_shape::function_vectors(adapter, tree, c.as_bytes(), d) {
            vectors.push(v);
        }
    }
    let vec_time = cpu() - t;
    println!(
        "{} files: parse {:.2}s, function_vectors {:.2}s ({:.0}% of parse) for {} functions, thread CPU time",
        code.len(),
        parse,
        vec_time,
        100.0 * vec_time / parse,
        vectors.len()
    );

    {
        let (mut tf, mut te, mut tp) = (0f64, 0f64, 0f64);
        let m = plumb_shape::model::model().unwrap();
        for (c, tree) in code.iter().zip(&trees) {
            let t = cpu();
            let mut fl = plumb_shape::flat::flatten(adapter, tree.root_node());
            tf += cpu() - t;
            let t = cpu();
            let f = plumb_shape::features::extract(&mut fl, c.as_bytes());
            te += cpu() - t;
            let t = cpu();
            std::hint::black_box(m.project(&f.sparse));
            tp += cpu() - t;
        }
        println!("whole files: flatten {tf:.2}s, features {te:.2}s, project {tp:.2}s");
    }
    let langs = [Lang::Cpp, Lang::Python, Lang::Java, Lang::Rust];
    let idx = SimilarIndex::from_rows(
        (0..n_index).map(|i| (i as i64, langs[i % 4], &vectors[i % vectors.len()])),
    );
    let t = Instant::now();
    let q = 25;
    for i in 0..q {
        std::hint::black_box(idx.top_k(&vectors[i * 7], 10, None));
    }
    println!(
        "top_k(10) against {} vectors: {:.2} ms/query",
        idx.len(),
        1000.0 * t.elapsed().as_secs_f64() / q as f64
    );
    let t = Instant::now();
    for i in 0..q {
        std::hint::black_box(idx.top_k(&vectors[i * 7], 10, Some(Lang::Python)));
    }
    println!(
        "top_k(10, lang filter) against {} vectors: {:.2} ms/query",
        idx.len(),
        1000.0 * t.elapsed().as_secs_f64() / q as f64
    );
    let distinct = SimilarIndex::from_rows(
        vectors
            .iter()
            .enumerate()
            .map(|(i, v)| (i as i64, Lang::Cpp, v)),
    );
    let t = Instant::now();
    let groups = distinct.clusters(0.98);
    println!(
        "clusters(0.98) over {} vectors: {} groups in {:.2}s",
        distinct.len(),
        groups.len(),
        t.elapsed().as_secs_f64()
    );
}

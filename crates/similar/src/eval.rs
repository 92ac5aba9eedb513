//! The POJ-104 clone-retrieval evaluation (CodeXGLUE protocol): every program
//! queries all others; MAP@R with R = the number of other programs of its
//! problem (499 in the published splits). Plumb's vectors and the TF-IDF
//! baseline run in the same harness on the same rows.

use std::io::{BufRead, BufWriter, Write};
use std::path::Path;
use std::time::Instant;

use plumb_facts::Lang;
use rayon::prelude::*;
use serde::Serialize;

use crate::TfIdf;
use crate::rank::top_k_indices;

/// Figures of one evaluation run.
#[derive(Debug, Clone, Serialize)]
pub struct EvalReport {
    pub programs: usize,
    pub problems: usize,
    /// Answers written per program (CodeXGLUE: 499).
    pub answers: usize,
    /// MAP@R of Plumb's vectors, in percent.
    pub map_at_r: f64,
    /// MAP@R after neighbourhood augmentation (each vector replaced by the
    /// cube-of-cosine-weighted mean of its [`AUGMENT_K`] nearest vectors, itself
    /// included; no labels used), in percent. Transductive: it exploits the
    /// split's own neighbours, so it is reported beside, not instead of, `map_at_r`.
    pub map_at_r_augmented: f64,
    /// MAP@R of TF-IDF over raw tokens, in percent.
    pub baseline_map_at_r: f64,
    /// Programs whose parse had syntax errors (vectors are best-effort).
    pub parse_warnings: usize,
    /// Parse + features + projection of every program.
    pub vectorize_secs: f64,
    /// All-against-all ranking with Plumb's vectors.
    pub retrieve_secs: f64,
    /// Augmentation + its all-against-all ranking.
    pub augment_secs: f64,
    /// Baseline fit + all-against-all ranking.
    pub baseline_secs: f64,
    pub threads: usize,
}

/// Neighbours averaged per vector in the augmented run.
pub const AUGMENT_K: usize = 20;

/// All-against-all cosine ranking of the `n x dim` row-major unit vectors.
fn rank_all(mat: &[f32], dim: usize, k: usize) -> Vec<Vec<usize>> {
    let n = mat.len() / dim.max(1);
    (0..n)
        .into_par_iter()
        .map(|q| top_k_indices(&scores(mat, dim, q), k, Some(q)))
        .collect()
}

fn scores(mat: &[f32], dim: usize, q: usize) -> Vec<f32> {
    let qv = &mat[q * dim..(q + 1) * dim];
    mat.chunks_exact(dim.max(1))
        .map(|row| crate::rank::dot(row, qv))
        .collect()
}

/// Replace each vector by the weighted mean of its `k` nearest (itself included).
fn augment(mat: &[f32], dim: usize, k: usize) -> Vec<f32> {
    let n = mat.len() / dim.max(1);
    let rows: Vec<Vec<f32>> = (0..n)
        .into_par_iter()
        .map(|q| {
            let s = scores(mat, dim, q);
            let mut out = vec![0f32; dim];
            for j in top_k_indices(&s, k, None) {
                let w = s[j].max(0.0).powi(3);
                for (o, x) in out.iter_mut().zip(&mat[j * dim..(j + 1) * dim]) {
                    *o += w * x;
                }
            }
            plumb_shape::model::normalize(&mut out);
            out
        })
        .collect();
    rows.concat()
}

/// MAP@R of ranked answer lists: for query i, R = the number of other items
/// with its label, AP = mean over the first R answers of precision at each
/// relevant position. In percent.
pub fn map_at_r(labels: &[String], answers: &[Vec<usize>]) -> f64 {
    let mut total = 0f64;
    for (q, ans) in answers.iter().enumerate() {
        let r = labels.iter().filter(|l| **l == labels[q]).count() - 1;
        if r == 0 {
            continue;
        }
        let mut hits = 0usize;
        let mut ap = 0f64;
        for (pos, &a) in ans.iter().take(r).enumerate() {
            if labels[a] == labels[q] {
                hits += 1;
                ap += hits as f64 / (pos + 1) as f64;
            }
        }
        total += ap / r as f64;
    }
    100.0 * total / answers.len().max(1) as f64
}

fn value_str(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Run the evaluation on a POJ-104 JSONL split (`{index, label, code}` rows,
/// parsed as C++), write CodeXGLUE predictions to `out` (one JSON row per
/// program: `{"index": ..., "answers": [the 499 nearest indexes]}`) and
/// return the figures. Errors only on unreadable/unwritable files or bad JSON.
pub fn eval_poj104(data: &Path, out: &Path) -> std::io::Result<EvalReport> {
    let bad = |e: serde_json::Error| std::io::Error::new(std::io::ErrorKind::InvalidData, e);
    let file = std::fs::File::open(data)?;
    let mut index: Vec<serde_json::Value> = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    let mut code: Vec<String> = Vec::new();
    for line in std::io::BufReader::new(file).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line).map_err(bad)?;
        index.push(v["index"].clone());
        labels.push(value_str(&v["label"]));
        code.push(value_str(&v["code"]));
    }
    let n = code.len();
    let mut problems: Vec<&String> = labels.iter().collect();
    problems.sort();
    problems.dedup();
    let answers_k = 499.min(n.saturating_sub(1));

    let t = Instant::now();
    let vecs: Vec<(Option<Vec<f32>>, bool)> = code
        .par_iter()
        .map(
            |c| match plumb_shape::snippet_vector(Lang::Cpp, c.as_bytes()) {
                Ok((bytes, warnings)) => (plumb_shape::dense(&bytes), !warnings.is_empty()),
                Err(_) => (None, true),
            },
        )
        .collect();
    let vectorize_secs = t.elapsed().as_secs_f64();
    let dim = vecs
        .iter()
        .find_map(|(v, _)| v.as_ref().map(Vec::len))
        .unwrap_or(0);
    let parse_warnings = vecs.iter().filter(|(_, w)| *w).count();
    let mut mat = vec![0f32; n * dim];
    for (i, (v, _)) in vecs.iter().enumerate() {
        if let Some(v) = v {
            mat[i * dim..(i + 1) * dim].copy_from_slice(v);
        }
    }

    let t = Instant::now();
    let plumb = rank_all(&mat, dim, answers_k);
    let retrieve_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let augmented = rank_all(&augment(&mat, dim, AUGMENT_K), dim, answers_k);
    let augment_secs = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let docs: Vec<&str> = code.iter().map(String::as_str).collect();
    let baseline = TfIdf::fit(&docs).all_top_k(answers_k);
    let baseline_secs = t.elapsed().as_secs_f64();

    let mut w = BufWriter::new(std::fs::File::create(out)?);
    for (q, ans) in plumb.iter().enumerate() {
        let row = serde_json::json!({
            "index": index[q],
            "answers": ans.iter().map(|a| &index[*a]).collect::<Vec<_>>(),
        });
        writeln!(w, "{row}")?;
    }
    w.flush()?;

    Ok(EvalReport {
        programs: n,
        problems: problems.len(),
        answers: answers_k,
        map_at_r: map_at_r(&labels, &plumb),
        map_at_r_augmented: map_at_r(&labels, &augmented),
        baseline_map_at_r: map_at_r(&labels, &baseline),
        parse_warnings,
        vectorize_secs,
        retrieve_secs,
        augment_secs,
        baseline_secs,
        threads: rayon::current_num_threads(),
    })
}

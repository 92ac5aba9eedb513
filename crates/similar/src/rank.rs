//! Top-k selection over a score array, shared by the index and the evaluation.

/// Indices of the `k` highest scores, best first; ties broken by lower index
/// so results are deterministic. `skip` is left out (the query itself).
pub fn top_k_indices(scores: &[f32], k: usize, skip: Option<usize>) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..scores.len()).filter(|i| Some(*i) != skip).collect();
    let k = k.min(idx.len());
    if k == 0 {
        return Vec::new();
    }
    let cmp = |a: &usize, b: &usize| scores[*b].total_cmp(&scores[*a]).then(a.cmp(b));
    if k < idx.len() {
        idx.select_nth_unstable_by(k - 1, cmp);
        idx.truncate(k);
    }
    idx.sort_unstable_by(cmp);
    idx
}

/// Dot product with eight independent accumulators, so it vectorises.
#[inline]
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for i in 0..8 {
            acc[i] += x[i] * y[i];
        }
    }
    let mut s: f32 = acc.iter().sum();
    for (x, y) in ra.iter().zip(rb) {
        s += x * y;
    }
    s
}

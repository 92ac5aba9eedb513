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

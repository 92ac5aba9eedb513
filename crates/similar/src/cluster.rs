//! Near-duplicate clustering: candidate pairs by random-hyperplane LSH (exact
//! all-pairs for small indexes), confirmed by exact cosine, joined by
//! union-find. LSH may miss a pair with low probability (~1% at cosine 0.95);
//! it never reports a pair below the threshold.

use std::collections::HashMap;

use crate::SimilarIndex;

const EXACT_UP_TO: usize = 4000;
const TABLES: usize = 20;
const BITS: usize = 12;

fn find(p: &mut [usize], mut x: usize) -> usize {
    while p[x] != x {
        p[x] = p[p[x]];
        x = p[x];
    }
    x
}

use crate::rank::dot;

pub fn clusters(idx: &SimilarIndex, threshold: f32) -> Vec<Vec<i64>> {
    let n = idx.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let try_pair = |p: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (find(p, a), find(p, b));
        if ra != rb && idx.cosine(a, b) >= threshold {
            p[ra.max(rb)] = ra.min(rb);
        }
    };
    if n <= EXACT_UP_TO {
        for a in 0..n {
            for b in a + 1..n {
                try_pair(&mut parent, a, b);
            }
        }
    } else {
        let d = idx.dim();
        // Deterministic pseudo-random hyperplanes (xorshift).
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut rnd = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f32 / (1u64 << 53) as f32 - 0.5
        };
        for _ in 0..TABLES {
            let planes: Vec<f32> = (0..BITS * d).map(|_| rnd()).collect();
            let mut buckets: HashMap<u16, Vec<usize>> = HashMap::new();
            for i in 0..n {
                let v = idx.unit_vector(i);
                let mut key = 0u16;
                for (b, plane) in planes.chunks_exact(d).enumerate() {
                    if dot(&v, plane) >= 0.0 {
                        key |= 1 << b;
                    }
                }
                buckets.entry(key).or_default().push(i);
            }
            for members in buckets.values() {
                for (x, &a) in members.iter().enumerate() {
                    for &b in &members[x + 1..] {
                        try_pair(&mut parent, a, b);
                    }
                }
            }
        }
    }
    let mut groups: HashMap<usize, Vec<i64>> = HashMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(idx.id(i));
    }
    let mut out: Vec<Vec<i64>> = groups.into_values().filter(|g| g.len() > 1).collect();
    for g in &mut out {
        g.sort_unstable();
    }
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    out
}

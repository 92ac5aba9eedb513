//! The in-memory similarity index: quantised rows in one contiguous array,
//! scanned linearly (100k functions x 63 dims is a few milliseconds).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use plumb_facts::Lang;

/// An f32 ordered totally, for the heap.
#[derive(PartialEq, Clone, Copy)]
struct Score(f32);
impl Eq for Score {}
impl PartialOrd for Score {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Score {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&o.0)
    }
}

/// Functions' vectors, searchable by cosine similarity.
///
/// Rows are kept as the quantised components they are stored as (one `i8`
/// per dimension, padded to [`LANES`] so rows stay aligned and the dot
/// product vectorises), with each row's inverse norm: a cosine is one integer
/// dot product and two multiplications, and loading a pack is a copy.
#[derive(Default, Clone)]
pub struct SimilarIndex {
    dim: usize,
    stride: usize,
    ids: Vec<i64>,
    langs: Vec<Lang>,
    data: Vec<i8>,
    inv_norms: Vec<f32>,
}

/// Row padding: a multiple of the widest integer vector unit in common use.
const LANES: usize = 32;

impl SimilarIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// Build from `(id, lang, encoded vector)` rows; rows whose bytes are not
    /// a vector of the first row's dimension are skipped.
    pub fn from_rows<I, B>(rows: I) -> Self
    where
        I: IntoIterator<Item = (i64, Lang, B)>,
        B: AsRef<[u8]>,
    {
        let mut idx = Self::new();
        for (id, lang, bytes) in rows {
            idx.insert(id, lang, bytes.as_ref());
        }
        idx
    }

    /// Add one row; `false` (and nothing added) if `bytes` is not a valid
    /// vector of this index's dimension.
    pub fn insert(&mut self, id: i64, lang: Lang, bytes: &[u8]) -> bool {
        let Some(c) = plumb_shape::components(bytes) else {
            return false;
        };
        if self.ids.is_empty() {
            self.set_dim(c.len());
        } else if c.len() != self.dim {
            return false;
        }
        self.push_row(c);
        self.ids.push(id);
        self.langs.push(lang);
        true
    }

    /// Build from packed quantised components (see [`plumb_shape::components`]):
    /// `raw` holds `dim` bytes per row, in the order of `ids` and `langs`.
    pub fn from_components(ids: Vec<i64>, langs: Vec<Lang>, raw: &[u8], dim: usize) -> Self {
        if dim == 0 || raw.len() != ids.len() * dim || langs.len() != ids.len() {
            return Self::new();
        }
        let mut idx = SimilarIndex::new();
        idx.set_dim(dim);
        idx.data.reserve(ids.len() * idx.stride);
        idx.inv_norms.reserve(ids.len());
        for row in raw.chunks_exact(dim) {
            idx.push_row(row);
        }
        idx.ids = ids;
        idx.langs = langs;
        idx
    }

    fn set_dim(&mut self, dim: usize) {
        self.dim = dim;
        self.stride = dim.div_ceil(LANES).max(1) * LANES;
    }

    fn push_row(&mut self, components: &[u8]) {
        let start = self.data.len();
        self.data.extend(components.iter().map(|x| *x as i8));
        self.data.resize(start + self.stride, 0);
        let row = &self.data[start..];
        self.inv_norms.push(inv_norm(dot_i8(row, row)));
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn dim(&self) -> usize {
        self.dim
    }

    fn row(&self, i: usize) -> &[i8] {
        &self.data[i * self.stride..(i + 1) * self.stride]
    }

    /// Row `i` as a unit vector (for hashing it against random planes).
    pub(crate) fn unit_vector(&self, i: usize) -> Vec<f32> {
        let n = self.inv_norms[i];
        self.row(i)[..self.dim]
            .iter()
            .map(|x| *x as f32 * n)
            .collect()
    }

    /// The cosine of rows `a` and `b`.
    pub(crate) fn cosine(&self, a: usize, b: usize) -> f32 {
        dot_i8(self.row(a), self.row(b)) as f32 * self.inv_norms[a] * self.inv_norms[b]
    }

    pub(crate) fn id(&self, i: usize) -> i64 {
        self.ids[i]
    }

    /// The `k` rows most similar to the encoded `query`, best first, as
    /// `(id, cosine)`; only rows in `lang` if given. Empty if the query is
    /// not a vector of this index's dimension.
    pub fn top_k(&self, query: &[u8], k: usize, lang: Option<Lang>) -> Vec<(i64, f32)> {
        self.top_k_many(&[query], k, lang, f32::NEG_INFINITY)
            .pop()
            .unwrap_or_default()
    }

    /// [`Self::top_k`] for several queries in one pass over the rows, keeping
    /// only rows scoring at least `min_score`: one answer per query, in order.
    pub fn top_k_many(
        &self,
        queries: &[&[u8]],
        k: usize,
        lang: Option<Lang>,
        min_score: f32,
    ) -> Vec<Vec<(i64, f32)>> {
        // Each query as a padded row with its inverse norm; `None` if it is
        // not a vector of this index's dimension.
        let qs: Vec<Option<(Vec<i8>, f32)>> = queries
            .iter()
            .map(|q| {
                let c = plumb_shape::components(q).filter(|c| c.len() == self.dim && k > 0)?;
                let mut row: Vec<i8> = c.iter().map(|x| *x as i8).collect();
                row.resize(self.stride, 0);
                let n = inv_norm(dot_i8(&row, &row));
                Some((row, n))
            })
            .collect();
        // Min-heaps of the best k so far; ties keep the earlier row.
        let mut heaps: Vec<BinaryHeap<Reverse<(Score, Reverse<usize>)>>> = qs
            .iter()
            .map(|_| BinaryHeap::with_capacity(k + 1))
            .collect();
        if qs.iter().any(Option::is_some) {
            for (i, row) in self.data.chunks_exact(self.stride.max(1)).enumerate() {
                if lang.is_some_and(|l| self.langs[i] != l) {
                    continue;
                }
                for (q, heap) in qs.iter().zip(heaps.iter_mut()) {
                    let Some((q, qn)) = q else { continue };
                    let s = dot_i8(row, q) as f32 * qn * self.inv_norms[i];
                    if s < min_score {
                        continue;
                    }
                    if heap.len() < k {
                        heap.push(Reverse((Score(s), Reverse(i))));
                    } else if heap.peek().is_some_and(|Reverse((Score(min), _))| s > *min) {
                        heap.pop();
                        heap.push(Reverse((Score(s), Reverse(i))));
                    }
                }
            }
        }
        heaps
            .into_iter()
            .map(|heap| {
                let mut out: Vec<(usize, f32)> = heap
                    .into_iter()
                    .map(|Reverse((Score(s), Reverse(i)))| (i, s))
                    .collect();
                out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                out.into_iter().map(|(i, s)| (self.ids[i], s)).collect()
            })
            .collect()
    }

    /// Groups of near-duplicates: rows linked by cosine >= `threshold`
    /// (transitively), groups of two or more, each sorted by id, largest
    /// group first. See [`crate::cluster`] for how pairs are found.
    pub fn clusters(&self, threshold: f32) -> Vec<Vec<i64>> {
        crate::cluster::clusters(self, threshold)
    }
}

/// Integer dot product of two padded rows (exact; widened so it vectorises).
#[inline]
fn dot_i8(a: &[i8], b: &[i8]) -> i32 {
    let mut acc = [0i32; LANES];
    for (x, y) in a.chunks_exact(LANES).zip(b.chunks_exact(LANES)) {
        for i in 0..LANES {
            acc[i] += x[i] as i32 * y[i] as i32;
        }
    }
    acc.iter().sum()
}

fn inv_norm(sq: i32) -> f32 {
    if sq > 0 {
        1.0 / (sq as f32).sqrt()
    } else {
        0.0
    }
}

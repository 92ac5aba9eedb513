//! The in-memory similarity index: dense unit vectors in one contiguous
//! array, scanned linearly (100k functions x 63 dims is a few milliseconds).

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
#[derive(Default, Clone)]
pub struct SimilarIndex {
    dim: usize,
    ids: Vec<i64>,
    langs: Vec<Lang>,
    data: Vec<f32>,
}

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
        let Some(v) = plumb_shape::dense(bytes) else {
            return false;
        };
        if self.ids.is_empty() {
            self.dim = v.len();
        } else if v.len() != self.dim {
            return false;
        }
        self.ids.push(id);
        self.langs.push(lang);
        self.data.extend(v);
        true
    }

    /// Build from packed quantised components (see [`plumb_shape::components`]):
    /// `raw` holds `dim` bytes per row, in the order of `ids` and `langs`.
    /// Rows are normalised exactly as [`plumb_shape::dense`] does.
    pub fn from_components(ids: Vec<i64>, langs: Vec<Lang>, raw: &[u8], dim: usize) -> Self {
        if dim == 0 || raw.len() != ids.len() * dim || langs.len() != ids.len() {
            return Self::new();
        }
        let mut data = Vec::with_capacity(raw.len());
        for row in raw.chunks_exact(dim) {
            let start = data.len();
            data.extend(row.iter().map(|x| *x as i8 as f32));
            let norm = data[start..].iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                data[start..].iter_mut().for_each(|x| *x /= norm);
            }
        }
        SimilarIndex {
            dim,
            ids,
            langs,
            data,
        }
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

    pub(crate) fn vector(&self, i: usize) -> &[f32] {
        &self.data[i * self.dim..(i + 1) * self.dim]
    }

    pub(crate) fn id(&self, i: usize) -> i64 {
        self.ids[i]
    }

    /// The `k` rows most similar to the encoded `query`, best first, as
    /// `(id, cosine)`; only rows in `lang` if given. Empty if the query is
    /// not a vector of this index's dimension.
    pub fn top_k(&self, query: &[u8], k: usize, lang: Option<Lang>) -> Vec<(i64, f32)> {
        match plumb_shape::dense(query) {
            Some(q) if q.len() == self.dim => self.top_k_dense(&q, k, lang),
            _ => Vec::new(),
        }
    }

    /// [`Self::top_k`] for an already decoded unit vector.
    pub fn top_k_dense(&self, q: &[f32], k: usize, lang: Option<Lang>) -> Vec<(i64, f32)> {
        if k == 0 || q.len() != self.dim {
            return Vec::new();
        }
        // Min-heap of the best k so far; ties keep the earlier row.
        let mut heap: BinaryHeap<Reverse<(Score, Reverse<usize>)>> =
            BinaryHeap::with_capacity(k + 1);
        for (i, row) in self.data.chunks_exact(self.dim).enumerate() {
            if lang.is_some_and(|l| self.langs[i] != l) {
                continue;
            }
            let s = crate::rank::dot(row, q);
            if heap.len() < k {
                heap.push(Reverse((Score(s), Reverse(i))));
            } else if let Some(Reverse((Score(min), _))) = heap.peek() {
                if s > *min {
                    heap.pop();
                    heap.push(Reverse((Score(s), Reverse(i))));
                }
            }
        }
        let mut out: Vec<(usize, f32)> = heap
            .into_iter()
            .map(|Reverse((Score(s), Reverse(i)))| (i, s))
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out.into_iter().map(|(i, s)| (self.ids[i], s)).collect()
    }

    /// Groups of near-duplicates: rows linked by cosine >= `threshold`
    /// (transitively), groups of two or more, each sorted by id, largest
    /// group first. See [`crate::cluster`] for how pairs are found.
    pub fn clusters(&self, threshold: f32) -> Vec<Vec<i64>> {
        crate::cluster::clusters(self, threshold)
    }
}

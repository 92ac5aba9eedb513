//! plumb-similar: find functions that do the same thing, from the vectors
//! plumb-shape computes.
//!
//! - [`SimilarIndex`]: an in-memory index of `(id, lang, encoded vector)` rows
//!   with [`SimilarIndex::top_k`] (cosine, optional language filter) and
//!   [`SimilarIndex::clusters`] (near-duplicate groups).
//! - [`eval_poj104`]`(data, out) -> io::Result<EvalReport>`: the POJ-104
//!   clone-retrieval evaluation (MAP@R, R = 499) of Plumb's vectors beside a
//!   plain TF-IDF-over-tokens baseline, writing CodeXGLUE-format predictions
//!   (Plumb's plain cosine ranking). The report also carries MAP@R after
//!   neighbourhood augmentation ([`AUGMENT_K`]), a transductive re-ranking
//!   reported beside, never instead of, the plain figure.
//!
//! Scores are cosines in [-1, 1]; identical code scores 1.0. For `plumb dups`
//! a threshold around 0.95-0.98 groups copies with renamed locals; lower
//! thresholds group "same task" code.
//!
//! Examples: `poj104` (the evaluation), `bench_index` (indexing overhead,
//! 100k-row query time, clustering time on POJ-104), `bench_files DIR`
//! (overhead of `function_vectors` against parse/extract on real files).
//!
//! This crate owns ranking and evaluation only; it reads no store and parses
//! no file itself except the evaluation data.

mod cluster;
mod eval;
mod index;
mod rank;
mod tfidf;

pub use eval::{AUGMENT_K, EvalReport, eval_poj104, map_at_r};
pub use index::SimilarIndex;
pub use rank::top_k_indices;
pub use tfidf::TfIdf;

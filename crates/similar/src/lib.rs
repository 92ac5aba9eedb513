//! plumb-similar: find functions that do the same thing, from the vectors
//! plumb-shape computes.
//!
//! - [`SimilarIndex`]: an in-memory index of `(id, lang, encoded vector)` rows
//!   with [`SimilarIndex::top_k`] (cosine, optional language filter) and
//!   [`SimilarIndex::clusters`] (near-duplicate groups).
//! - [`eval_poj104`]: the POJ-104 clone-retrieval evaluation (MAP@R, R = 499)
//!   of Plumb's vectors beside a plain TF-IDF-over-tokens baseline, writing
//!   CodeXGLUE-format predictions.
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

//! plumb-shape: a language-neutral structural representation of code, so that
//! functions can be compared by what they do rather than what they are called.
//!
//! A unit (a function, or any snippet) is walked once into a flat array of
//! shared [`plumb_lang::NodeClass`]es ([`flat`]); [`features`] reads from it
//! normalised token n-grams (identifiers declared in the unit become `ID`,
//! library calls keep their names, literals become classes), leaf paths,
//! subtree shingles, control-flow context and def-use patterns, hashed into
//! 2^16 buckets. The shipped model ([`model`], learned on the POJ-104 train
//! split by `scripts/train-similar.sh`) weights them by TF-IDF and projects
//! them linearly to a short unit vector; cosine of two vectors is their
//! similarity. Named concepts and calls ride along for [`explain`].
//!
//! Public interface used by the rest of Plumb:
//! - [`MODEL_VERSION`]: stored beside vectors; vectors of another version must be recomputed.
//! - [`function_vectors`]: one encoded vector per non-trivial callable of a parsed file.
//! - [`snippet_vector`]: the encoded vector of any snippet (best-effort on syntax errors).
//! - [`explain`]: what two encoded vectors share, in words.
//! - [`dense`]: the unit `f32` vector inside an encoded vector (for plumb-similar).
//!
//! This crate reads trees and source bytes only: no file system, no store.

pub mod concepts;
pub mod features;
pub mod flat;
pub mod model;

use plumb_facts::{DefKind, Definition, Lang};
use plumb_lang::LanguageAdapter;

pub use concepts::Concepts;
pub use features::{DIM, Features, Sparse};
pub use model::{components, dense};

/// Version of the features + model. Bump whenever either changes: stored
/// vectors of another version are stale.
pub const MODEL_VERSION: u32 = 2;

/// Callables with fewer statements than this (getters, one-liners) get no vector.
pub const MIN_STATEMENTS: u32 = 3;

/// Snippets longer than this are cut (at a line end) before parsing.
pub const MAX_SNIPPET_BYTES: usize = 1 << 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShapeError {
    /// Nothing but whitespace.
    Empty,
    /// The parser gave up.
    Parse,
    /// The embedded model is not valid for this build's feature space.
    Model,
}

impl std::fmt::Display for ShapeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShapeError::Empty => write!(f, "the snippet is empty"),
            ShapeError::Parse => write!(f, "the parser gave up on the snippet"),
            ShapeError::Model => write!(f, "the embedded similarity model is invalid"),
        }
    }
}

impl std::error::Error for ShapeError {}

fn vector_of(mut flat: flat::Flat, src: &[u8]) -> Result<Vec<u8>, ShapeError> {
    let m = model::model().ok_or(ShapeError::Model)?;
    let f = features::extract(&mut flat, src);
    let v = m.project(&f.sparse);
    Ok(model::encode(&v, &f.concepts))
}

/// One encoded vector per callable definition (function or method) whose body
/// has at least [`MIN_STATEMENTS`] statements, as `(index into defs, vector)`.
/// `tree` must be the parse of `src` by `adapter`'s grammar. Returns nothing
/// if the embedded model is invalid.
pub fn function_vectors(
    adapter: &dyn LanguageAdapter,
    tree: &tree_sitter::Tree,
    src: &[u8],
    defs: &[Definition],
) -> Vec<(usize, Vec<u8>)> {
    let Some(m) = model::model() else {
        return Vec::new();
    };
    let root = tree.root_node();
    let mut out = Vec::new();
    for (i, d) in defs.iter().enumerate() {
        if !matches!(d.kind, DefKind::Function | DefKind::Method) {
            continue;
        }
        let (s, e) = (d.span.start_byte as usize, d.span.end_byte as usize);
        if e <= s || e > src.len() {
            continue;
        }
        let Some(node) = root.descendant_for_byte_range(s, e) else {
            continue;
        };
        // O(1) size check: too few nodes to hold MIN_STATEMENTS statements.
        if node.descendant_count() < 4 * MIN_STATEMENTS as usize {
            continue;
        }
        let mut fl = flat::flatten(adapter, node);
        if features::count_statements(&fl) < MIN_STATEMENTS {
            continue;
        }
        let f = features::extract(&mut fl, src);
        let v = m.project(&f.sparse);
        out.push((i, model::encode(&v, &f.concepts)));
    }
    out
}

/// Parse a snippet best-effort and return its flat form plus warnings.
fn flat_snippet(lang: Lang, src: &[u8]) -> Result<(flat::Flat, Vec<String>, usize), ShapeError> {
    if src.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ShapeError::Empty);
    }
    let mut warnings = Vec::new();
    let mut len = src.len();
    if len > MAX_SNIPPET_BYTES {
        len = src[..MAX_SNIPPET_BYTES]
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(MAX_SNIPPET_BYTES, |p| p + 1);
        warnings.push(format!(
            "snippet is {} bytes; only the first {len} were read",
            src.len()
        ));
    }
    let adapter = plumb_lang::adapter_for_lang(lang);
    let tree = plumb_lang::parse(adapter, &src[..len]).ok_or(ShapeError::Parse)?;
    let fl = flat::flatten(adapter, tree.root_node());
    if fl.errors > 0 || tree.root_node().has_error() {
        warnings.push(format!(
            "snippet does not parse as {} ({} syntax error(s)); its features are best-effort",
            lang.name(),
            fl.errors.max(1)
        ));
    }
    if fl.truncated {
        warnings.push(format!(
            "snippet has more than {} syntax nodes; only the first were read",
            flat::MAX_NODES
        ));
    }
    Ok((fl, warnings, len))
}

/// The encoded vector of a snippet in `lang`, with warnings (syntax errors,
/// truncation). Empty or whitespace-only input is [`ShapeError::Empty`].
pub fn snippet_vector(lang: Lang, src: &[u8]) -> Result<(Vec<u8>, Vec<String>), ShapeError> {
    let (fl, warnings, len) = flat_snippet(lang, src)?;
    Ok((vector_of(fl, &src[..len])?, warnings))
}

/// The raw hashed features of a snippet, before the model: what training
/// learns from (see `examples/dump_features.rs`).
pub fn snippet_features(lang: Lang, src: &[u8]) -> Result<(Features, Vec<String>), ShapeError> {
    let (mut fl, warnings, len) = flat_snippet(lang, src)?;
    Ok((features::extract(&mut fl, &src[..len]), warnings))
}

/// What two encoded vectors share, most specific first: common calls by name,
/// then common traits ("both accumulate into a variable inside a loop").
/// Empty if either is not an encoded vector.
pub fn explain(a: &[u8], b: &[u8]) -> Vec<String> {
    match (model::concepts(a), model::concepts(b)) {
        (Some(a), Some(b)) => concepts::shared(&a, &b),
        _ => Vec::new(),
    }
}

/// Cosine similarity of two encoded vectors (0 if either is invalid or they differ in size).
pub fn similarity(a: &[u8], b: &[u8]) -> f32 {
    match (dense(a), dense(b)) {
        (Some(x), Some(y)) if x.len() == y.len() => x.iter().zip(&y).map(|(p, q)| p * q).sum(),
        _ => 0.0,
    }
}

//! Candidates by behaviour rather than spelling: for a call to a name that
//! does not exist, the functions whose names or doc comments say they do
//! what the call's name says (`fetch_settings` -> `load_config`, documented
//! "Read the configuration file"); and for a function the change adds, the
//! existing functions whose structure it repeats.
//!
//! Reads the index only; it never decides whether something is a finding
//! except for `duplicate-function`, whose threshold lives here.

use std::collections::HashMap;

use plumb_facts::{DefKind, Lang};
use plumb_store::Store;

use crate::report::{Candidate, Finding, FindingKind};

/// Words too generic to say what a function does.
const STOP_WORDS: &[&str] = &[
    "get", "set", "fetch", "find", "load", "read", "make", "new", "create", "do", "run", "to",
    "from", "of", "for", "the", "a", "an", "is", "has", "and", "or", "by", "with", "in", "on",
    "all", "my", "data", "value", "info", "obj", "item", "util", "helper",
];

/// At most this many behaviour candidates per unknown name.
const MAX_CANDIDATES: usize = 3;

/// Existing functions whose name or doc mentions the meaningful words of
/// `name` (at least half of them), best first.
pub fn candidates_for_name(store: &Store, name: &str) -> Vec<Candidate> {
    let words: Vec<String> = crate::suggest::split_words(name)
        .into_iter()
        .map(|w| w.to_lowercase())
        .filter(|w| w.len() >= 3 && !STOP_WORDS.contains(&w.as_str()))
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    // Match on a stem so `configuration` meets `config`, `users` meets `user`.
    let stems: Vec<String> = words.iter().map(|w| w.chars().take(6).collect()).collect();
    let mut hits: HashMap<i64, (usize, plumb_store::DefRow)> = HashMap::new();
    for stem in &stems {
        for row in store.callables_mentioning(stem, 400).unwrap_or_default() {
            hits.entry(row.id).or_insert((0, row)).0 += 1;
        }
    }
    let needed = stems.len().div_ceil(2);
    let mut scored: Vec<(f64, plumb_store::DefRow)> = hits
        .into_values()
        .filter(|(n, row)| *n >= needed && row.def.name != name)
        .map(|(n, row)| (n as f64 / stems.len() as f64, row))
        .collect();
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| a.1.def.name.len().cmp(&b.1.def.name.len()))
            .then_with(|| {
                (&a.1.path, a.1.def.span.start_line).cmp(&(&b.1.path, b.1.def.span.start_line))
            })
    });
    scored
        .into_iter()
        .take(MAX_CANDIDATES)
        .map(|(score, row)| Candidate {
            name: row.def.qualified_name(),
            file: row.path.clone(),
            line: row.def.name_span.start_line,
            reason: "behaviour".into(),
            score: (score * 0.8).min(0.8),
        })
        .collect()
}

/// Cosine similarity from which a new function counts as re-implementing an
/// existing one. The structural vectors put unrelated functions of one
/// language around 0.8-0.95 and renamed or reordered copies at 0.99-1.0; at
/// 0.97 the quality benchmark found thousands of look-alikes in unmodified
/// code (`_lexists` ~ `_isdir`), so only near-copies count.
pub const DUPLICATE_THRESHOLD: f32 = 0.99;

/// Functions shorter than this many lines are not reported as duplicates:
/// small bodies (accessors, wrappers) share their shape by necessity.
pub const DUPLICATE_MIN_LINES: u32 = 6;

/// The existing functions' vectors, loaded once per check and only when the
/// change adds a function large enough to compare.
pub struct ExistingShapes {
    shapes: plumb_query::Shapes,
}

impl ExistingShapes {
    pub fn load(store: &Store) -> Option<ExistingShapes> {
        plumb_query::Shapes::load(store)
            .ok()
            .map(|shapes| ExistingShapes { shapes })
    }
}

/// The vectors are lossy, so a near-equal vector is confirmed by what both
/// functions visibly do: the same library calls (at least two), the same
/// structural traits, and a similar number of statements.
fn same_behaviour(a: &[u8], b: &[u8]) -> bool {
    let (Some(x), Some(y)) = (
        plumb_shape::model::concepts(a),
        plumb_shape::model::concepts(b),
    ) else {
        return false;
    };
    let calls = |c: &plumb_shape::Concepts| {
        c.calls
            .iter()
            .cloned()
            .collect::<std::collections::BTreeSet<String>>()
    };
    let (cx, cy) = (calls(&x), calls(&y));
    let (small, large) = (
        x.statements.min(y.statements),
        x.statements.max(y.statements),
    );
    cx.len() >= 2 && cx == cy && x.flags == y.flags && small * 5 >= large * 4
}

/// A function the change adds, with its structural vector.
pub struct NewFunction {
    pub def: plumb_facts::Definition,
    pub vector: Vec<u8>,
}

/// The functions `new_text` defines whose header line is added (per
/// `added`) and that are large enough to compare.
pub fn new_functions(
    adapter: &dyn plumb_lang::LanguageAdapter,
    tree: &tree_sitter::Tree,
    new_text: &str,
    definitions: &[plumb_facts::Definition],
    added: &dyn Fn(u32) -> bool,
) -> Vec<NewFunction> {
    let vectors = plumb_shape::function_vectors(adapter, tree, new_text.as_bytes(), definitions);
    vectors
        .into_iter()
        .filter_map(|(i, vector)| {
            let def = &definitions[i];
            let lines = def.span.end_line.saturating_sub(def.span.start_line) + 1;
            let wanted = matches!(def.kind, DefKind::Function | DefKind::Method)
                && lines >= DUPLICATE_MIN_LINES
                && added(def.name_span.start_line);
            wanted.then(|| NewFunction {
                def: def.clone(),
                vector,
            })
        })
        .collect()
}

/// `duplicate-function` findings for the functions `new_text` defines on
/// `added` lines that repeat an existing function of another file (or of
/// another name in the same file).
pub fn duplicate_findings(
    store: &Store,
    existing: &ExistingShapes,
    path: &str,
    lang: Lang,
    new_text: &str,
    added: &dyn Fn(u32) -> bool,
) -> Vec<Finding> {
    let adapter = plumb_lang::adapter_for_lang(lang);
    let Some(tree) = plumb_lang::parse(adapter, new_text.as_bytes()) else {
        return Vec::new();
    };
    let facts = adapter.extract(&tree, new_text.as_bytes());
    let new = new_functions(adapter, &tree, new_text, &facts.definitions, added);
    duplicates_of(store, existing, path, lang, new_text, &new)
}

/// [`duplicate_findings`] for functions already found by [`new_functions`].
pub fn duplicates_of(
    store: &Store,
    existing: &ExistingShapes,
    path: &str,
    lang: Lang,
    new_text: &str,
    functions: &[NewFunction],
) -> Vec<Finding> {
    let mut out = Vec::new();
    // One pass over the stored vectors for all of the file's new functions.
    let queries: Vec<&[u8]> = functions.iter().map(|f| f.vector.as_slice()).collect();
    let tops = existing
        .shapes
        .index
        .top_k_many(&queries, 8, Some(lang), DUPLICATE_THRESHOLD);
    for (NewFunction { def, vector: vec }, top) in functions.iter().zip(tops) {
        let ids: Vec<i64> = top.iter().map(|(id, _)| *id).collect();
        if ids.is_empty() {
            continue;
        }
        let rows = store.defs_by_id(&ids).unwrap_or_default();
        let vectors: HashMap<i64, Vec<u8>> = store
            .shape_vectors(&ids)
            .unwrap_or_default()
            .into_iter()
            .collect();
        let Some((row, score)) = top.iter().find_map(|(id, score)| {
            let row = rows.iter().find(|r| r.id == *id)?;
            // The function's own old version is not a duplicate of it.
            let same = row.path == path && row.def.qualified_name() == def.qualified_name();
            let confirmed = vectors.get(id).is_some_and(|v| same_behaviour(vec, v));
            (!same && confirmed && *score >= DUPLICATE_THRESHOLD).then_some((row, *score))
        }) else {
            continue;
        };
        let shared = store
            .shape_vectors(&[row.id])
            .unwrap_or_default()
            .first()
            .map(|(_, v)| plumb_shape::explain(&vec, v))
            .unwrap_or_default();
        let mut f = Finding::new(
            FindingKind::DuplicateFunction,
            path,
            def.name_span.start_line,
            def.name_span.start_col,
            def.name_span
                .end_col
                .saturating_sub(def.name_span.start_col),
            format!(
                "`{}` re-implements `{}` at {}:{}",
                def.qualified_name(),
                row.def.qualified_name(),
                row.path,
                row.def.name_span.start_line
            ),
        );
        f.code = new_text
            .lines()
            .nth(def.name_span.start_line as usize - 1)
            .unwrap_or("")
            .to_string();
        f.evidence.push(format!(
            "structural similarity {score:.3} (threshold {DUPLICATE_THRESHOLD}) among {} indexed functions",
            existing.shapes.index.len()
        ));
        f.evidence.extend(shared.into_iter().take(3));
        f.candidates.push(Candidate {
            name: row.def.qualified_name(),
            file: row.path.clone(),
            line: row.def.name_span.start_line,
            reason: "behaviour".into(),
            score: score as f64,
        });
        // Near the threshold the call is less certain.
        f.confidence = (0.5
            + (score - DUPLICATE_THRESHOLD) as f64 / (1.0 - DUPLICATE_THRESHOLD) as f64 * 0.4)
            .clamp(0.5, 0.9);
        out.push(f);
    }
    out
}

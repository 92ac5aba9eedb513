//! `similar` and `dups`: functions that do the same thing, found through the
//! structural vectors stored with the index.

use std::collections::HashMap;

use plumb_facts::Lang;
use plumb_similar::SimilarIndex;
use plumb_store::Store;
use serde::Serialize;

use crate::Result;
use crate::defs::DefHit;

/// One function like the query, with why.
#[derive(Debug, Clone, Serialize)]
pub struct SimilarHit {
    /// Cosine similarity of the structural vectors, in [-1, 1].
    pub score: f32,
    pub def: DefHit,
    /// What the two share, most specific first.
    pub shared: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SimilarAnswer {
    /// What was searched for: a symbol name or "snippet".
    pub query: String,
    pub lang: Option<String>,
    /// Functions with a vector in the index.
    pub functions_indexed: usize,
    pub results: Vec<SimilarHit>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DupCluster {
    /// Lowest pairwise-to-first similarity in the cluster.
    pub min_score: f32,
    pub members: Vec<DefHit>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DupsAnswer {
    pub threshold: f32,
    pub functions_indexed: usize,
    pub clusters_total: usize,
    pub clusters: Vec<DupCluster>,
    pub truncated: bool,
}

/// The vectors of the index, loaded once per process.
pub struct Shapes {
    pub index: SimilarIndex,
    pub vectors: HashMap<i64, Vec<u8>>,
}

impl Shapes {
    pub fn load(store: &Store) -> Result<Shapes> {
        let rows = store.shapes()?;
        let mut index = SimilarIndex::new();
        let mut vectors = HashMap::with_capacity(rows.len());
        for r in rows {
            let Some(lang) = Lang::from_name(&r.lang) else {
                continue;
            };
            if index.insert(r.def_id, lang, &r.vec) {
                vectors.insert(r.def_id, r.vec);
            }
        }
        Ok(Shapes { index, vectors })
    }
}

fn hits(
    store: &Store,
    shapes: &Shapes,
    query: &[u8],
    found: Vec<(i64, f32)>,
    skip: Option<i64>,
    limit: usize,
) -> Result<Vec<SimilarHit>> {
    let found: Vec<(i64, f32)> = found
        .into_iter()
        .filter(|(id, _)| Some(*id) != skip)
        .take(limit)
        .collect();
    let ids: Vec<i64> = found.iter().map(|(id, _)| *id).collect();
    let rows: HashMap<i64, plumb_store::DefRow> = store
        .defs_by_id(&ids)?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    Ok(found
        .into_iter()
        .filter_map(|(id, score)| {
            let row = rows.get(&id)?;
            let shared = shapes
                .vectors
                .get(&id)
                .map(|v| plumb_shape::explain(query, v))
                .unwrap_or_default();
            Some(SimilarHit {
                score,
                def: DefHit::from_row(row, score as f64),
                shared,
            })
        })
        .collect())
}

/// Functions similar to a snippet of code in `lang`.
pub fn similar_to_snippet(
    store: &Store,
    shapes: &Shapes,
    lang: Lang,
    src: &[u8],
    lang_filter: Option<Lang>,
    limit: usize,
) -> std::result::Result<SimilarAnswer, String> {
    let (vec, warnings) = plumb_shape::snippet_vector(lang, src).map_err(|e| e.to_string())?;
    let found = shapes.index.top_k(&vec, limit, lang_filter);
    let results = hits(store, shapes, &vec, found, None, limit).map_err(|e| e.to_string())?;
    Ok(SimilarAnswer {
        query: "snippet".into(),
        lang: Some(lang.name().into()),
        functions_indexed: shapes.index.len(),
        results,
        warnings,
    })
}

/// Functions similar to the function(s) named `name` (the first with a vector).
pub fn similar_to_symbol(
    store: &Store,
    shapes: &Shapes,
    name: &str,
    lang_filter: Option<Lang>,
    limit: usize,
) -> std::result::Result<SimilarAnswer, String> {
    let answer =
        crate::defs(store, name, crate::MatchMode::Exact, None, 50).map_err(|e| e.to_string())?;
    let (container, last) = crate::defs::split_qualified(name);
    let rows = store
        .defs_named(last, plumb_store::NameMatch::Exact, 200)
        .map_err(|e| e.to_string())?;
    let target = rows.into_iter().find(|r| {
        shapes.vectors.contains_key(&r.id)
            && container.as_deref().is_none_or(|c| {
                r.def
                    .container
                    .as_deref()
                    .is_some_and(|h| h == c || h.ends_with(&format!(".{c}")))
            })
    });
    let Some(target) = target else {
        return Err(if answer.results.is_empty() {
            format!("{name}: no definition with that name; try `plumb defs {name} --fuzzy`")
        } else {
            format!(
                "{name}: defined, but no function of that name has a body large enough to compare (3 statements or more)"
            )
        });
    };
    let vec = shapes.vectors[&target.id].clone();
    let found = shapes.index.top_k(&vec, limit + 1, lang_filter);
    let results =
        hits(store, shapes, &vec, found, Some(target.id), limit).map_err(|e| e.to_string())?;
    Ok(SimilarAnswer {
        query: format!(
            "{} ({}:{})",
            target.def.qualified_name(),
            target.path,
            target.def.name_span.start_line
        ),
        lang: target.lang.clone(),
        functions_indexed: shapes.index.len(),
        results,
        warnings: Vec::new(),
    })
}

/// Clusters of near-duplicate functions, largest first.
pub fn dups(store: &Store, shapes: &Shapes, threshold: f32, limit: usize) -> Result<DupsAnswer> {
    let mut clusters = shapes.index.clusters(threshold);
    clusters.retain(|c| c.len() > 1);
    let total = clusters.len();
    // Largest first, then by first id for a stable order.
    clusters.iter_mut().for_each(|c| c.sort_unstable());
    clusters.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a[0].cmp(&b[0])));
    let truncated = clusters.len() > limit;
    clusters.truncate(limit);
    let mut out = Vec::with_capacity(clusters.len());
    for c in clusters {
        let rows = store.defs_by_id(&c)?;
        let first = &shapes.vectors[&c[0]];
        let min_score = c
            .iter()
            .skip(1)
            .map(|id| plumb_shape::similarity(first, &shapes.vectors[id]))
            .fold(1.0f32, f32::min);
        let mut members: Vec<DefHit> = rows.iter().map(|r| DefHit::from_row(r, 1.0)).collect();
        members.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        out.push(DupCluster { min_score, members });
    }
    Ok(DupsAnswer {
        threshold,
        functions_indexed: shapes.index.len(),
        clusters_total: total,
        clusters: out,
        truncated,
    })
}

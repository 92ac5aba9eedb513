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

/// The similarity index over every stored function vector.
pub struct Shapes {
    pub index: SimilarIndex,
}

impl Shapes {
    /// Load the vectors: from the packed copy when it is current (one read),
    /// else row by row. In the second case the pack that was built comes
    /// back too, for a caller that may write it.
    pub fn read(store: &Store) -> Result<(Shapes, Option<plumb_store::ShapePack>)> {
        if let Some(pack) = store.shape_pack()? {
            return Ok((Shapes::from_pack(&pack), None));
        }
        let rows = store.shapes()?;
        let mut pack = plumb_store::ShapePack {
            dim: 0,
            ids: Vec::new(),
            langs: Vec::new(),
            components: Vec::new(),
        };
        for r in &rows {
            let (Some(_), Some(c)) = (Lang::from_name(&r.lang), plumb_shape::components(&r.vec))
            else {
                continue;
            };
            if pack.ids.is_empty() {
                pack.dim = c.len();
            } else if c.len() != pack.dim {
                continue;
            }
            pack.ids.push(r.def_id);
            pack.langs.push(lang_code(&r.lang));
            pack.components.extend_from_slice(c);
        }
        Ok((Shapes::from_pack(&pack), Some(pack)))
    }

    fn from_pack(pack: &plumb_store::ShapePack) -> Shapes {
        let langs: Vec<Lang> = pack
            .langs
            .iter()
            .map(|&c| Lang::ALL.get(c as usize).copied().unwrap_or(Lang::C))
            .collect();
        Shapes {
            index: SimilarIndex::from_components(
                pack.ids.clone(),
                langs,
                &pack.components,
                pack.dim,
            ),
        }
    }

    /// [`Shapes::read`], saving a rebuilt pack when no indexing run holds
    /// the lock, so the next load is one read.
    pub fn load(store: &Store) -> Result<Shapes> {
        store.pack_shapes_if_unlocked(Shapes::read)
    }
}

/// A language's position in [`Lang::ALL`], the pack's encoding.
fn lang_code(name: &str) -> u8 {
    Lang::from_name(name)
        .and_then(|l| Lang::ALL.iter().position(|x| *x == l))
        .unwrap_or(0) as u8
}

/// The encoded vectors of these definitions, by id.
fn vectors_of(store: &Store, ids: &[i64]) -> Result<HashMap<i64, Vec<u8>>> {
    Ok(store.shape_vectors(ids)?.into_iter().collect())
}

fn hits(
    store: &Store,
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
    let vectors = vectors_of(store, &ids)?;
    let rows: HashMap<i64, plumb_store::DefRow> = store
        .defs_by_id(&ids)?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    Ok(found
        .into_iter()
        .filter_map(|(id, score)| {
            let row = rows.get(&id)?;
            let shared = vectors
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
    let results = hits(store, &vec, found, None, limit).map_err(|e| e.to_string())?;
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
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let vectors = vectors_of(store, &ids).map_err(|e| e.to_string())?;
    let target = rows.into_iter().find(|r| {
        vectors.contains_key(&r.id)
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
    let vec = vectors[&target.id].clone();
    let found = shapes.index.top_k(&vec, limit + 1, lang_filter);
    let results = hits(store, &vec, found, Some(target.id), limit).map_err(|e| e.to_string())?;
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
        let vectors = vectors_of(store, &c)?;
        let first = &vectors[&c[0]];
        let min_score = c
            .iter()
            .skip(1)
            .map(|id| plumb_shape::similarity(first, &vectors[id]))
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

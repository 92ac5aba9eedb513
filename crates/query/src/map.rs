//! `map`: a repository map within a token budget. Files are ranked with
//! PageRank over the graph "file A references a name that file B defines";
//! each file lists its most referenced symbols.

use std::collections::HashMap;

use plumb_store::Store;
use serde::Serialize;

use crate::Result;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapSymbol {
    pub name: String,
    pub kind: &'static str,
    pub line: u32,
    pub signature: Option<String>,
    /// References from other files to this name.
    pub refs: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapFile {
    pub path: String,
    pub rank: f64,
    pub symbols: Vec<MapSymbol>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MapAnswer {
    pub token_budget: usize,
    /// Estimated tokens of `text` (bytes / 4).
    pub tokens_used: usize,
    pub files_total: u64,
    pub files: Vec<MapFile>,
    /// The map as plain text, as an agent would read it.
    pub text: String,
    /// The ranks were recomputed for this answer.
    pub ranks_recomputed: bool,
}

/// A name defined in more files than this says little about which one a
/// reference means, so it does not vote in the ranking.
const MAX_FANOUT: usize = 8;
const SYMBOLS_PER_FILE: usize = 12;

fn estimate_tokens(s: &str) -> usize {
    s.len().div_ceil(4)
}

/// Build the map. `save_ranks` lets it cache freshly computed ranks (the
/// caller must hold the write lock).
pub fn map(store: &mut Store, token_budget: usize, save_ranks: bool) -> Result<MapAnswer> {
    let stale = store.meta("ranks_stale")?.as_deref() != Some("0");
    let mut ranks = if stale { Vec::new() } else { store.ranks()? };
    let recomputed = ranks.is_empty();
    if recomputed {
        ranks = compute_ranks(store)?;
        if save_ranks {
            let w = store.writer()?;
            w.set_ranks(&ranks)?;
            w.set_meta("ranks_stale", "0")?;
            w.commit()?;
        }
    }
    let files = store.files()?;
    let by_id: HashMap<i64, &plumb_store::FileRow> = files.iter().map(|f| (f.id, f)).collect();
    let mut out = MapAnswer {
        token_budget,
        tokens_used: 0,
        files_total: files.len() as u64,
        files: Vec::new(),
        text: String::new(),
        ranks_recomputed: recomputed,
    };
    for (file_id, rank) in ranks {
        let Some(file) = by_id.get(&file_id) else {
            continue;
        };
        let defs = store.defs_in_file(&file.path)?;
        if defs.is_empty() {
            continue;
        }
        let counts: HashMap<i64, u64> = store.def_ref_counts(file_id)?.into_iter().collect();
        let mut syms: Vec<(&plumb_store::DefRow, u64)> = defs
            .iter()
            .filter(|d| {
                d.def.kind != plumb_facts::DefKind::Field
                    && d.def.kind != plumb_facts::DefKind::EnumVariant
            })
            .map(|d| (d, counts.get(&d.id).copied().unwrap_or(0)))
            .collect();
        // Most referenced first; public before private; then source order.
        syms.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| a.0.def.visibility.cmp(&b.0.def.visibility))
                .then_with(|| a.0.def.span.start_byte.cmp(&b.0.def.span.start_byte))
        });
        syms.truncate(SYMBOLS_PER_FILE);
        syms.sort_by_key(|(d, _)| d.def.span.start_byte);
        let mut block = format!("{}:\n", file.path);
        let mut symbols = Vec::new();
        // The container most recently named in the block, so members of a
        // type listed away from it (a Rust impl) still say whose they are.
        let mut shown_container: Option<String> = None;
        for (d, n) in &syms {
            if let Some(c) = &d.def.container
                && shown_container.as_ref() != Some(c)
            {
                block.push_str(&format!("  {c}:\n"));
                shown_container = Some(c.clone());
            } else if d.def.container.is_none() {
                shown_container = Some(d.def.name.clone());
            }
            let line = d
                .def
                .signature
                .clone()
                .unwrap_or_else(|| format!("{} {}", d.def.kind.name(), d.def.name));
            let indent = if d.def.container.is_some() {
                "    "
            } else {
                "  "
            };
            block.push_str(&format!("{indent}{line}\n"));
            symbols.push(MapSymbol {
                name: d.def.name.clone(),
                kind: d.def.kind.name(),
                line: d.def.name_span.start_line,
                signature: d.def.signature.clone(),
                refs: *n,
            });
        }
        let cost = estimate_tokens(&block);
        if out.tokens_used + cost > token_budget {
            if out.files.is_empty() {
                continue;
            }
            break;
        }
        out.tokens_used += cost;
        out.text.push_str(&block);
        out.files.push(MapFile {
            path: file.path.clone(),
            rank,
            symbols,
        });
    }
    Ok(out)
}

/// PageRank over the file reference graph (damping 0.85, to convergence or 50 rounds).
pub fn compute_ranks(store: &Store) -> Result<Vec<(i64, f64)>> {
    let edges = store.reference_edges(MAX_FANOUT)?;
    let files = store.files()?;
    let ids: Vec<i64> = files
        .iter()
        .filter(|f| f.lang.is_some())
        .map(|f| f.id)
        .collect();
    let n = ids.len();
    if n == 0 {
        return Ok(Vec::new());
    }
    let index: HashMap<i64, usize> = ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
    let mut out_weight = vec![0.0f64; n];
    let mut links: Vec<(usize, usize, f64)> = Vec::with_capacity(edges.len());
    for (from, to, w) in edges {
        if let (Some(&a), Some(&b)) = (index.get(&from), index.get(&to)) {
            out_weight[a] += w;
            links.push((a, b, w));
        }
    }
    let d = 0.85;
    let mut rank = vec![1.0 / n as f64; n];
    for _ in 0..50 {
        let dangling: f64 = (0..n)
            .filter(|&i| out_weight[i] == 0.0)
            .map(|i| rank[i])
            .sum();
        let base = (1.0 - d) / n as f64 + d * dangling / n as f64;
        let mut next = vec![base; n];
        for &(a, b, w) in &links {
            next[b] += d * rank[a] * w / out_weight[a];
        }
        let delta: f64 = next.iter().zip(&rank).map(|(x, y)| (x - y).abs()).sum();
        rank = next;
        if delta < 1e-9 {
            break;
        }
    }
    let mut ranked: Vec<(i64, f64)> = ids.into_iter().zip(rank).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(ranked)
}

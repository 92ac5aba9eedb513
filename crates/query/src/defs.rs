//! `defs`: definitions by name (exact, prefix, fuzzy).

use plumb_facts::Params;
use plumb_store::{DefRow, NameMatch, Store};
use serde::Serialize;

use crate::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchMode {
    Exact,
    Prefix,
    Fuzzy,
}

/// What a call must pass, derived from the parameter list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParamSummary {
    pub text: String,
    pub min_positional: u32,
    /// None: variadic.
    pub max_positional: Option<u32>,
    pub receiver: bool,
    pub keyword_only: Vec<String>,
    pub var_keyword: bool,
}

impl ParamSummary {
    pub fn of(p: &Params) -> Self {
        ParamSummary {
            text: p.summary(),
            min_positional: p.min_positional(),
            max_positional: p.max_positional(),
            receiver: p.has_receiver(),
            keyword_only: p
                .list
                .iter()
                .filter(|x| x.kind == plumb_facts::ParamKind::KeywordOnly)
                .map(|x| x.name.clone())
                .collect(),
            var_keyword: p.accepts_any_keyword(),
        }
    }
}

/// One definition in an answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DefHit {
    pub name: String,
    pub qualified_name: String,
    pub kind: &'static str,
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub lang: Option<String>,
    pub visibility: &'static str,
    pub container: Option<String>,
    pub signature: Option<String>,
    /// First line of the doc comment.
    pub doc: Option<String>,
    pub params: Option<ParamSummary>,
    /// Fuzzy-match score in [0,1] (1 for exact and prefix matches).
    pub score: f64,
}

impl DefHit {
    pub fn from_row(row: &DefRow, score: f64) -> Self {
        let d = &row.def;
        DefHit {
            name: d.name.clone(),
            qualified_name: d.qualified_name(),
            kind: d.kind.name(),
            path: row.path.clone(),
            line: d.name_span.start_line,
            column: d.name_span.start_col,
            end_line: d.span.end_line,
            lang: row.lang.clone(),
            visibility: d.visibility.name(),
            container: d.container.clone(),
            signature: d.signature.clone(),
            doc: d
                .doc
                .as_ref()
                .and_then(|s| s.lines().next())
                .map(str::to_string),
            params: d.params.as_ref().map(ParamSummary::of),
            score,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct DefsAnswer {
    pub query: String,
    pub mode: MatchMode,
    pub results: Vec<DefHit>,
    /// More results exist beyond the limit.
    pub truncated: bool,
}

/// Definitions matching `name`. A dotted or `::` name (`Parser.parse`,
/// `mod::f`) matches definitions with that final name whose container ends
/// with the rest.
pub fn defs(
    store: &Store,
    name: &str,
    mode: MatchMode,
    kind: Option<&str>,
    limit: usize,
) -> Result<DefsAnswer> {
    let (container, last) = split_qualified(name);
    let keep = |r: &DefRow| {
        kind.is_none_or(|k| r.def.kind.name() == k)
            && container.as_deref().is_none_or(|c| {
                r.def
                    .container
                    .as_deref()
                    .is_some_and(|have| have == c || have.ends_with(&format!(".{c}")))
            })
    };
    let fetch = limit.saturating_mul(4).max(limit + 1).min(100_000);
    let mut hits: Vec<DefHit> = match mode {
        MatchMode::Exact | MatchMode::Prefix => {
            let how = if mode == MatchMode::Exact {
                NameMatch::Exact
            } else {
                NameMatch::Prefix
            };
            store
                .defs_named(last, how, fetch)?
                .iter()
                .filter(|r| keep(r))
                .map(|r| DefHit::from_row(r, 1.0))
                .collect()
        }
        MatchMode::Fuzzy => {
            let mut scored: Vec<(f64, String)> = store
                .def_names()?
                .into_iter()
                .filter_map(|n| crate::fuzzy::fuzzy_score(last, &n).map(|s| (s, n)))
                .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
            let mut out = Vec::new();
            for (score, n) in scored.into_iter().take(limit + 1) {
                for r in store.defs_named(&n, NameMatch::Exact, limit + 1)? {
                    if keep(&r) {
                        out.push(DefHit::from_row(&r, score));
                    }
                }
                if out.len() > limit {
                    break;
                }
            }
            out
        }
    };
    let truncated = hits.len() > limit;
    hits.truncate(limit);
    Ok(DefsAnswer {
        query: name.to_string(),
        mode,
        results: hits,
        truncated,
    })
}

/// `a.b.c` or `a::b::c` -> (Some("a.b"), "c").
pub(crate) fn split_qualified(name: &str) -> (Option<String>, &str) {
    let normalised = name.replace("::", ".");
    match name.rfind(['.', ':']) {
        Some(i) => {
            let last = &name[i + 1..];
            let head = normalised
                .rsplit_once('.')
                .map(|(h, _)| h.to_string())
                .filter(|h| !h.is_empty());
            (head, last)
        }
        None => (None, name),
    }
}

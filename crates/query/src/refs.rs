//! `refs`: the references to a name and the definitions that call it.

use std::collections::BTreeMap;

use plumb_store::Store;
use serde::Serialize;

use crate::Result;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RefHit {
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub kind: &'static str,
    pub name: String,
    pub qualifier: Option<String>,
    pub arg_count: Option<u32>,
    /// Qualified name of the definition the reference sits in.
    pub enclosing: Option<String>,
}

/// A definition that calls the name, with how many times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Caller {
    pub caller: String,
    pub path: String,
    pub calls: u32,
    pub first_line: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct RefsAnswer {
    pub query: String,
    /// References matching the name in the whole index (before the limit).
    pub total: u64,
    pub references: Vec<RefHit>,
    /// Callers among the listed references, by path then caller.
    pub callers: Vec<Caller>,
    pub truncated: bool,
}

/// References to `name`. A qualified query (`os.path.join`, `Vec::new`) keeps
/// references whose written qualifier ends with the given one.
pub fn refs(store: &Store, name: &str, limit: usize) -> Result<RefsAnswer> {
    let (qualifier, last) = crate::defs::split_qualified(name);
    // Qualified queries filter after the fetch, so fetch more.
    let fetch = if qualifier.is_some() {
        limit.saturating_mul(20).min(200_000)
    } else {
        limit
    };
    let (rows, total) = store.refs_named(last, fetch)?;
    let keep = |q: &Option<String>| match (&qualifier, q) {
        (None, _) => true,
        (Some(want), Some(have)) => {
            let have = have.replace("::", ".");
            have == *want || have.ends_with(&format!(".{want}"))
        }
        (Some(_), None) => false,
    };
    let mut references: Vec<RefHit> = rows
        .into_iter()
        .filter(|r| keep(&r.reference.qualifier))
        .map(|r| RefHit {
            path: r.path,
            line: r.reference.span.start_line,
            column: r.reference.span.start_col,
            kind: r.reference.kind.name(),
            name: r.reference.name,
            qualifier: r.reference.qualifier,
            arg_count: r.reference.arg_count,
            enclosing: r.reference.enclosing,
        })
        .collect();
    let filtered_total = if qualifier.is_some() {
        references.len() as u64
    } else {
        total
    };
    let truncated = references.len() > limit || (filtered_total as usize) > limit;
    references.truncate(limit);
    let mut callers: BTreeMap<(String, String), (u32, u32)> = BTreeMap::new();
    for r in references.iter().filter(|r| r.kind == "call") {
        if let Some(enc) = &r.enclosing {
            let e = callers
                .entry((r.path.clone(), enc.clone()))
                .or_insert((0, r.line));
            e.0 += 1;
        }
    }
    let callers = callers
        .into_iter()
        .map(|((path, caller), (calls, first_line))| Caller {
            caller,
            path,
            calls,
            first_line,
        })
        .collect();
    Ok(RefsAnswer {
        query: name.to_string(),
        total: filtered_total,
        references,
        callers,
        truncated,
    })
}

//! `outline`: the definitions of one file as a tree, in source order.

use plumb_store::Store;
use serde::Serialize;

use crate::Result;
use crate::defs::ParamSummary;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutlineItem {
    pub name: String,
    pub kind: &'static str,
    pub line: u32,
    pub end_line: u32,
    /// Nesting depth: 0 at top level.
    pub depth: u32,
    pub visibility: &'static str,
    pub signature: Option<String>,
    pub params: Option<ParamSummary>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OutlineAnswer {
    pub path: String,
    pub lang: Option<String>,
    pub lines: u32,
    pub parse_errors: u32,
    pub items: Vec<OutlineItem>,
    pub truncated: bool,
}

/// The outline of `path` (repository-relative), or None if it is not indexed.
pub fn outline(store: &Store, path: &str, limit: usize) -> Result<Option<OutlineAnswer>> {
    let Some(file) = store.file(path)? else {
        return Ok(None);
    };
    let rows = store.defs_in_file(path)?;
    let mut items = Vec::new();
    for r in &rows {
        let d = &r.def;
        items.push(OutlineItem {
            name: d.name.clone(),
            kind: d.kind.name(),
            line: d.name_span.start_line,
            end_line: d.span.end_line,
            // Nesting follows the container, not the span: a Rust method sits
            // in an `impl` block that is not itself a definition.
            depth: d
                .container
                .as_deref()
                .map_or(0, |c| c.split('.').count() as u32),
            visibility: d.visibility.name(),
            signature: d.signature.clone(),
            params: d.params.as_ref().map(ParamSummary::of),
        });
    }
    let truncated = items.len() > limit;
    items.truncate(limit);
    Ok(Some(OutlineAnswer {
        path: file.path,
        lang: file.lang,
        lines: file.lines,
        parse_errors: file.parse_errors,
        items,
        truncated,
    }))
}

//! Doc comments and spans for C/C++ definitions, computed without
//! `prev_sibling`/`parent` on large sibling lists (both are linear in
//! tree-sitter), so headers with thousands of top-level items stay fast.

use tree_sitter::Node;

use super::walk::Walker;
use crate::util;

impl<'t, 's> Walker<'t, 's> {
    /// The doc comment of `outer`: from the run `visit_children` recorded, or
    /// from preceding siblings for nodes it did not visit directly.
    pub(crate) fn doc_for(&self, outer: Node<'t>) -> Option<String> {
        if self.doc_run.0 == outer.start_byte() {
            return docs_from(&self.doc_run.1, outer, self.src);
        }
        // Only nodes nested in a declaration get here: few siblings.
        doc_comment(outer, self.src)
    }
}

/// A node's span; preprocessor directives end before their closing newline.
pub(crate) fn directive_span(node: Node) -> plumb_facts::Span {
    let mut s = util::span(node);
    if node.kind().starts_with("preproc_") && s.end_col == 1 && s.end_line > s.start_line {
        let mut c = node.walk();
        let last = node
            .children(&mut c)
            .filter(|n| n.end_byte() < node.end_byte() || n.end_position().column > 0)
            .last();
        if let Some(l) = last {
            let e = util::span(l);
            s.end_line = e.end_line;
            s.end_col = e.end_col;
            s.end_byte = e.end_byte;
        }
    }
    s
}

/// Clean the comments of `run` (in source order) that sit directly above `node`.
fn docs_from(run: &[Node], node: Node, src: &[u8]) -> Option<String> {
    let mut expected_row = node.start_position().row;
    let mut first = run.len();
    for (i, c) in run.iter().enumerate().rev() {
        if c.end_position().row + 1 < expected_row {
            break;
        }
        expected_row = c.start_position().row;
        first = i;
    }
    let lines: Vec<String> = run[first..]
        .iter()
        .map(|c| util::text_owned(*c, src))
        .collect();
    util::clean_comment(&lines)
}

/// Leading comments of a definition, ignoring a trailing comment that
/// belongs to the previous line's code (`int x; /* x */`).
fn doc_comment(node: Node, src: &[u8]) -> Option<String> {
    let mut lines = Vec::new();
    let mut expected_row = node.start_position().row;
    let mut cur = node.prev_sibling();
    while let Some(c) = cur {
        if c.kind() != "comment" || c.end_position().row + 1 < expected_row {
            break;
        }
        let prev = c.prev_sibling();
        if prev.is_some_and(|p| {
            p.kind() != "comment" && p.end_position().row == c.start_position().row
        }) {
            break;
        }
        lines.push(util::text_owned(c, src));
        expected_row = c.start_position().row;
        cur = prev;
    }
    lines.reverse();
    util::clean_comment(&lines)
}

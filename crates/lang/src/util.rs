//! Small helpers every adapter needs: spans, node text, doc comments,
//! signatures, error counting. Nothing language-specific lives here.

use plumb_facts::Span;
use tree_sitter::Node;

/// The span of a node: 1-based lines and byte columns.
pub fn span(node: Node) -> Span {
    let s = node.start_position();
    let e = node.end_position();
    Span {
        start_line: s.row as u32 + 1,
        start_col: s.column as u32 + 1,
        end_line: e.row as u32 + 1,
        end_col: e.column as u32 + 1,
        start_byte: node.start_byte() as u32,
        end_byte: node.end_byte() as u32,
    }
}

/// The node's source text; invalid UTF-8 is replaced, never fatal.
pub fn text<'a>(node: Node, src: &'a [u8]) -> std::borrow::Cow<'a, str> {
    String::from_utf8_lossy(&src[node.start_byte()..node.end_byte()])
}

/// The node's source text as an owned string.
pub fn text_owned(node: Node, src: &[u8]) -> String {
    text(node, src).into_owned()
}

/// Text of the child in `field`, if present.
pub fn field_text(node: Node, field: &str, src: &[u8]) -> Option<String> {
    node.child_by_field_name(field).map(|n| text_owned(n, src))
}

/// Collapse runs of whitespace to one space and cut at `max` bytes on a char boundary.
pub fn fold_whitespace(s: &str, max: usize) -> String {
    let mut out = String::with_capacity(s.len().min(max));
    let mut last_space = false;
    for ch in s.chars() {
        if ch.is_whitespace() {
            if !last_space && !out.is_empty() {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(ch);
            last_space = false;
        }
        if out.len() >= max {
            break;
        }
    }
    while out.len() > max {
        out.pop();
    }
    out.trim_end().to_string()
}

/// The header of a definition: its text up to (not including) `body`, folded
/// to one line of at most 200 bytes.
pub fn signature(def: Node, body: Option<Node>, src: &[u8]) -> String {
    let end = body
        .map(|b| b.start_byte())
        .unwrap_or(def.end_byte())
        .max(def.start_byte());
    let raw = String::from_utf8_lossy(&src[def.start_byte()..end]);
    let first = fold_whitespace(&raw, 200);
    first.trim_end_matches(['{', ':', ' ']).to_string()
}

/// Count ERROR and MISSING nodes under `root`.
pub fn count_errors(root: Node) -> u32 {
    if !root.has_error() {
        return 0;
    }
    let mut count = 0;
    let mut cursor = root.walk();
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        if n.is_error() || n.is_missing() {
            count += 1;
        }
        if n.has_error() {
            for c in n.children(&mut cursor) {
                stack.push(c);
            }
        }
    }
    count
}

/// Strip comment markers (`///`, `//!`, `//`, `/**`, `/*`, `*/`, leading `*`, `#`)
/// from a run of comment lines and join them, capped at 2,000 bytes.
pub fn clean_comment(lines: &[String]) -> Option<String> {
    let mut out = Vec::new();
    for l in lines {
        for line in l.lines() {
            let mut t = line.trim();
            for p in ["///", "//!", "/**", "/*!", "/*", "//", "#"] {
                if let Some(rest) = t.strip_prefix(p) {
                    t = rest;
                    break;
                }
            }
            t = t.strip_suffix("*/").unwrap_or(t);
            let t = t.trim();
            let t = t
                .strip_prefix("* ")
                .unwrap_or(if t == "*" { "" } else { t });
            out.push(t.to_string());
        }
    }
    while out.first().is_some_and(|s| s.is_empty()) {
        out.remove(0);
    }
    while out.last().is_some_and(|s| s.is_empty()) {
        out.pop();
    }
    if out.is_empty() {
        return None;
    }
    let joined = out.join("\n");
    Some(truncate(&joined, 2000))
}

/// Cut a string at `max` bytes on a char boundary.
pub fn truncate(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_string()
}

/// Named children of a node, collected (tree-sitter cursors are awkward to hold).
pub fn named_children(node: Node) -> Vec<Node> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor).collect()
}

/// All children of a node, collected.
pub fn children(node: Node) -> Vec<Node> {
    let mut cursor = node.walk();
    node.children(&mut cursor).collect()
}

/// Receives the nodes of a depth-first walk (see [`walk_tree`]).
pub trait Visitor<'t> {
    /// Called before a node's children; return `false` to skip them.
    fn enter(&mut self, node: Node<'t>) -> bool;
    /// Called after a node's children (or right after `enter` when they were skipped).
    fn leave(&mut self, _node: Node<'t>) {}
}

/// Depth-first walk over `root` with one cursor and no recursion, so deeply
/// nested input (long operator chains, generated code) cannot overflow the stack.
pub fn walk_tree<'t, V: Visitor<'t>>(root: Node<'t>, v: &mut V) {
    let mut cursor = root.walk();
    loop {
        let node = cursor.node();
        if v.enter(node) && cursor.goto_first_child() {
            continue;
        }
        loop {
            v.leave(cursor.node());
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                return;
            }
        }
    }
}

/// The comment-like siblings (comments, attributes) right before the node a
/// [`walk_tree`] visitor is entering, tracked from the walk's own events.
/// `Node::prev_sibling` and `Node::parent` rescan from the parent or the root,
/// which is quadratic on big flat files (generated bindings, long constant
/// tables); feeding this from `enter`/`leave` keeps doc lookup constant-time.
#[derive(Default)]
pub struct LeadingRun<'t> {
    run: Vec<Node<'t>>,
    current: Vec<Node<'t>>,
    current_id: usize,
    after_leave: bool,
}

impl<'t> LeadingRun<'t> {
    /// Call first thing in `Visitor::enter`; `run_kind` says whether `node`
    /// is a comment-like node that can precede a definition.
    pub fn enter(&mut self, node: Node<'t>, run_kind: bool) {
        if !run_kind {
            if self.after_leave {
                std::mem::swap(&mut self.current, &mut self.run);
            } else {
                self.current.clear();
            }
            self.run.clear();
            self.current_id = node.id();
        }
        self.after_leave = false;
    }

    /// Call in `Visitor::leave` with the same `run_kind` as `enter`.
    pub fn leave(&mut self, node: Node<'t>, run_kind: bool) {
        if run_kind {
            self.run.push(node);
        } else {
            self.run.clear();
        }
        self.after_leave = true;
    }

    /// The comment-like siblings directly before `node`, in source order;
    /// empty unless `node` is the node most recently entered.
    pub fn before(&self, node: Node) -> &[Node<'t>] {
        if node.id() == self.current_id {
            &self.current
        } else {
            &[]
        }
    }
}

/// The comments at the end of `run` (the comment-like siblings right before
/// `node`, from a [`LeadingRun`] or [`comment_runs`]) that sit on the lines
/// directly above `node` (no blank line between), cleaned.
pub fn adjacent_comments(
    run: &[Node],
    node: Node,
    src: &[u8],
    is_comment: impl Fn(&str) -> bool,
) -> Option<String> {
    let mut lines = Vec::new();
    let mut expected_row = node.start_position().row;
    for c in run.iter().rev() {
        if !is_comment(c.kind()) || c.end_position().row + 1 < expected_row {
            break;
        }
        lines.push(text_owned(*c, src));
        expected_row = c.start_position().row;
    }
    lines.reverse();
    clean_comment(&lines)
}

/// For every node of `root` that directly follows comment siblings, those
/// siblings in source order (keyed by node id), from one cursor pass. For
/// extractors that are not a [`walk_tree`] visitor: walking back with
/// `Node::prev_sibling` rescans the parent's children each step, which is
/// quadratic on big flat files.
pub fn comment_runs<'t>(
    root: Node<'t>,
    is_comment: impl Fn(&str) -> bool,
) -> std::collections::HashMap<usize, Vec<Node<'t>>> {
    let mut runs = std::collections::HashMap::new();
    // The comments seen so far in each sibling list on the path to the cursor.
    let mut open: Vec<Vec<Node<'t>>> = vec![Vec::new()];
    let mut cursor = root.walk();
    loop {
        let node = cursor.node();
        let run = open.last_mut().expect("one list per level");
        if is_comment(node.kind()) {
            run.push(node);
        } else if !run.is_empty() {
            runs.insert(node.id(), std::mem::take(run));
        }
        if cursor.goto_first_child() {
            open.push(Vec::new());
            continue;
        }
        loop {
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                return runs;
            }
            open.pop();
        }
    }
}

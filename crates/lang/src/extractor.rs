//! Plumbing shared by the adapters' extractors: the scope stack of the
//! one-pass [`crate::util::walk_tree`] visitors (Go, Java, Rust), the
//! "already handled" node marks, the local-binding de-duplication of the
//! recursive walkers (JavaScript, Python), and builders that turn nodes into
//! [`Definition`]s and [`Reference`]s.
//!
//! Language-neutral: what a frame means, visibility rules and doc comments
//! stay in each adapter; nothing here reads a grammar's node kinds.

use plumb_facts::{DefKind, Definition, LocalBinding, RefKind, Reference, Span, Visibility};
use tree_sitter::{Node, TreeCursor};

use crate::util;

/// A named or scoping node being walked (a type, function, module...).
pub(crate) struct Frame<K> {
    pub id: usize,
    pub kind: K,
    /// The segment this frame adds to the container path, if it is a container.
    pub name: Option<String>,
    /// Length of [`Scopes::generics`] before this frame pushed its own.
    pub generics_len: usize,
}

/// The scopes around the node being visited, kept from `enter`/`leave`.
pub(crate) struct Scopes<K> {
    pub frames: Vec<Frame<K>>,
    /// Enclosing blocks: (node id, span), the scope of block-level bindings.
    pub blocks: Vec<(usize, Span)>,
    /// Generic parameter names in scope; never reported as type references.
    pub generics: Vec<String>,
}

impl<K> Default for Scopes<K> {
    fn default() -> Self {
        Scopes {
            frames: Vec::new(),
            blocks: Vec::new(),
            generics: Vec::new(),
        }
    }
}

impl<K: Copy> Scopes<K> {
    pub fn push_frame(&mut self, id: usize, kind: K, name: Option<String>) {
        self.frames.push(Frame {
            id,
            kind,
            name,
            generics_len: self.generics.len(),
        });
    }

    /// The kind of the innermost frame.
    pub fn top_kind(&self) -> Option<K> {
        self.frames.last().map(|f| f.kind)
    }

    /// The frame names around the current node, joined with `.`.
    pub fn container(&self) -> Option<String> {
        let mut out = String::new();
        for f in &self.frames {
            if let Some(n) = &f.name {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(n);
            }
        }
        (!out.is_empty()).then_some(out)
    }

    /// The innermost block's span, or `node`'s own outside any block.
    pub fn block_scope(&self, node: Node) -> Span {
        self.blocks
            .last()
            .map(|b| b.1)
            .unwrap_or_else(|| util::span(node))
    }

    /// Call from `Visitor::leave`: drop the frames and block `node` opened,
    /// with the generic names its frames brought in.
    pub fn leave(&mut self, id: usize) {
        while self.frames.last().is_some_and(|f| f.id == id) {
            let f = self.frames.pop().expect("checked");
            self.generics.truncate(f.generics_len);
        }
        if self.blocks.last().is_some_and(|b| b.0 == id) {
            self.blocks.pop();
        }
    }
}

/// Whether `id` was marked as handled by an ancestor; forgets the mark.
pub(crate) fn take_mark(marks: &mut Vec<usize>, id: usize) -> bool {
    if marks.is_empty() {
        return false;
    }
    if let Some(i) = marks.iter().rposition(|&x| x == id) {
        marks.swap_remove(i);
        true
    } else {
        false
    }
}

/// At most `max` bytes of a node's text: qualifiers and types are cut anyway,
/// and long call chains must not cost quadratic time.
pub(crate) fn capped_text<'a>(n: Node, src: &'a [u8], max: usize) -> std::borrow::Cow<'a, str> {
    let end = n.end_byte().min(n.start_byte() + max);
    String::from_utf8_lossy(&src[n.start_byte()..end])
}

/// A node's text as a qualifier: whitespace folded, at most 200 bytes.
pub(crate) fn qualifier(n: Node, src: &[u8]) -> String {
    util::fold_whitespace(&capped_text(n, src, 800), 200)
}

/// A reference named `name`, spanning `at`; counts and keywords left unset.
pub(crate) fn reference(
    name: String,
    kind: RefKind,
    qualifier: Option<String>,
    at: Node,
) -> Reference {
    Reference {
        name,
        kind,
        qualifier,
        span: util::span(at),
        ..Default::default()
    }
}

/// A definition of `node` named by `name_node`, its signature the text of
/// `node` up to `body`; container, doc and params are left for the caller.
pub(crate) fn definition(
    node: Node,
    name_node: Node,
    kind: DefKind,
    visibility: Visibility,
    body: Option<Node>,
    src: &[u8],
) -> Definition {
    Definition {
        name: util::text_owned(name_node, src),
        kind,
        container: None,
        span: util::span(node),
        name_span: util::span(name_node),
        visibility,
        doc: None,
        params: None,
        signature: Some(util::signature(node, body, src)),
    }
}

/// Make the top-level definitions named in `names` public (what a module
/// lists as its exports: Python's `__all__`, JavaScript's `export { .. }`).
pub(crate) fn publish(definitions: &mut [Definition], names: &[String]) {
    if names.is_empty() {
        return;
    }
    for d in definitions {
        if d.container.is_none() && names.contains(&d.name) {
            d.visibility = Visibility::Public;
        }
    }
}

/// Bind `name` in `scope` unless one of the last bindings already did.
pub(crate) fn bind_once(locals: &mut Vec<LocalBinding>, name: &str, scope: Span) {
    let dup = locals
        .iter()
        .rev()
        .take(32)
        .any(|l| l.scope == scope && l.name == name);
    if !dup {
        locals.push(LocalBinding {
            name: name.to_string(),
            scope,
        });
    }
}

/// Depth limit of the recursive walkers: deeper subtrees (pathological
/// generated expressions) are skipped rather than risking a worker's stack.
pub(crate) const MAX_DEPTH: u32 = 400;

/// The recursive cursor walk of the JavaScript and Python extractors: a pool
/// of cursors reused across subtrees (no allocation per node) and a depth
/// guard. The adapter supplies `walk` for one node; the rest is shared.
pub(crate) trait RecursiveWalk<'t> {
    /// Where the walk is (container, local scope...), as the adapter defines it.
    type Scope<'a>;

    /// Walk the node under `cur` and everything below it.
    fn walk(&mut self, cur: &mut TreeCursor<'t>, sc: &Self::Scope<'_>);
    fn pool(&mut self) -> &mut Vec<TreeCursor<'t>>;
    fn depth(&mut self) -> &mut u32;

    /// A cursor from the pool, positioned on `node`.
    fn cursor(&mut self, node: Node<'t>) -> TreeCursor<'t> {
        match self.pool().pop() {
            Some(mut c) => {
                c.reset(node);
                c
            }
            None => node.walk(),
        }
    }

    /// Give a cursor back to the pool.
    fn release(&mut self, c: TreeCursor<'t>) {
        self.pool().push(c);
    }

    /// Walk every child of the node under `cur`.
    fn children(&mut self, cur: &mut TreeCursor<'t>, sc: &Self::Scope<'_>) {
        if *self.depth() > MAX_DEPTH {
            return;
        }
        *self.depth() += 1;
        if cur.goto_first_child() {
            loop {
                self.walk(cur, sc);
                if !cur.goto_next_sibling() {
                    break;
                }
            }
            cur.goto_parent();
        }
        *self.depth() -= 1;
    }

    /// Walk `node` and everything below it.
    fn walk_node(&mut self, node: Node<'t>, sc: &Self::Scope<'_>) {
        if *self.depth() > MAX_DEPTH {
            return;
        }
        *self.depth() += 1;
        let mut c = self.cursor(node);
        self.walk(&mut c, sc);
        self.release(c);
        *self.depth() -= 1;
    }

    /// Call `f` on each child of `node` with the field it fills, if any.
    fn each_child(&mut self, node: Node<'t>, mut f: impl FnMut(&mut Self, Option<&str>, Node<'t>)) {
        let mut c = self.cursor(node);
        if c.goto_first_child() {
            loop {
                f(self, c.field_name(), c.node());
                if !c.goto_next_sibling() {
                    break;
                }
            }
        }
        self.release(c);
    }

    /// Call `f` on each named child of `node`.
    fn each_named_child(&mut self, node: Node<'t>, mut f: impl FnMut(&mut Self, Node<'t>)) {
        self.each_child(node, |ex, _, ch| {
            if ch.is_named() {
                f(ex, ch);
            }
        });
    }
}

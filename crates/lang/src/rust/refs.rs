//! Rust references: calls, method calls, macro invocations (and the calls
//! written inside their token trees), struct literals, type paths and uses.

use plumb_facts::{RefKind, Reference};
use tree_sitter::Node;

use super::Ex;
use crate::{extractor, util};

/// Macros besides the standard library's (below) whose arguments are
/// comma-separated Rust expressions (logging, errors): calls written in
/// their tokens are real calls. Every other macro's tokens (`quote!`,
/// `asm!`, DSLs, item macros) are read as tokens, never as calls.
const EXPRESSION_MACROS: &[&str] = &[
    "trace",
    "debug",
    "info",
    "warn",
    "error",
    "anyhow",
    "bail",
    "ensure",
    "format_err",
];

/// The standard library's expression macros, whose tokens are the
/// expressions as written.
const STD_EXPRESSION_MACROS: &[&str] = &[
    "assert",
    "assert_eq",
    "assert_ne",
    "debug_assert",
    "debug_assert_eq",
    "debug_assert_ne",
    "dbg",
    "eprint",
    "eprintln",
    "format",
    "format_args",
    "panic",
    "print",
    "println",
    "todo",
    "unimplemented",
    "unreachable",
    "vec",
    "write",
    "writeln",
];

/// Whether the tokens of macro `name` (its last path segment) are read as
/// expressions.
pub fn is_expression_macro(name: &str) -> bool {
    STD_EXPRESSION_MACROS.contains(&name) || EXPRESSION_MACROS.contains(&name)
}

/// Words that look like calls inside token trees but are syntax.
const KEYWORDS: &[&str] = &[
    "if", "while", "match", "for", "return", "in", "as", "let", "fn", "loop", "move", "mut", "ref",
    "where", "impl", "dyn", "unsafe", "async", "await", "else",
];

impl<'a> Ex<'a> {
    fn push_ref(
        &mut self,
        name_node: Node,
        kind: RefKind,
        qualifier: Option<String>,
        arg_count: Option<u32>,
    ) {
        let name = self.text(name_node).into_owned();
        self.facts.references.push(Reference {
            arg_count,
            ..extractor::reference(name, kind, qualifier, name_node)
        });
    }

    fn qualifier_text(&self, n: Node) -> String {
        // `Vec::<u8>::new` is qualified by `Vec`: turbofish arguments are not part of the path.
        let n = if n.kind() == "generic_type" {
            n.child_by_field_name("type").unwrap_or(n)
        } else {
            n
        };
        util::fold_whitespace(&extractor::capped_text(n, self.src, 800), 200)
    }

    /// The name token and qualifier of a callee, marking handled nodes.
    fn callee(&mut self, f: Node<'a>) -> Option<(Node<'a>, Option<String>)> {
        match f.kind() {
            "identifier" => {
                self.skip.push(f.id());
                Some((f, None))
            }
            "scoped_identifier" => {
                self.skip.push(f.id());
                let name = f.child_by_field_name("name")?;
                let q = f
                    .child_by_field_name("path")
                    .map(|p| self.qualifier_text(p));
                Some((name, q))
            }
            "field_expression" => {
                let name = f.child_by_field_name("field")?;
                let q = f
                    .child_by_field_name("value")
                    .map(|p| self.qualifier_text(p));
                Some((name, q))
            }
            "generic_function" => self.callee(f.child_by_field_name("function")?),
            _ => None,
        }
    }

    pub(super) fn call(&mut self, node: Node<'a>) {
        let Some(f) = node.child_by_field_name("function") else {
            return;
        };
        let args = node.child_by_field_name("arguments").map(|a| {
            let mut cursor = a.walk();
            a.named_children(&mut cursor)
                .filter(|c| {
                    !matches!(
                        c.kind(),
                        "line_comment" | "block_comment" | "attribute_item"
                    )
                })
                .count() as u32
        });
        if let Some((name, q)) = self.callee(f) {
            self.push_ref(name, RefKind::Call, q, args);
        }
    }

    pub(super) fn macro_invocation(&mut self, node: Node<'a>) {
        let Some(m) = node.child_by_field_name("macro") else {
            return;
        };
        if let Some((name, q)) = self.callee(m) {
            let expr = is_expression_macro(&self.text(name));
            self.push_ref(name, RefKind::Call, q, None);
            if !expr && let Some(tt) = last_tt(node) {
                self.skip.push(tt.id());
            }
        }
    }

    /// Calls written inside a macro's tokens: `ident (..)`, `a.b (..)`,
    /// `A::b (..)` and nested `m! (..)`. Argument counts are given only when the
    /// top-level commas cannot be confused with generics or closures.
    pub(super) fn token_tree(&mut self, node: Node<'a>) {
        let literal_ok = self.in_std_macro(node);
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        let mut cursor = node.walk();
        buf.extend(node.children(&mut cursor));
        for i in 1..buf.len() {
            let tt = buf[i];
            if tt.kind() != "token_tree" {
                continue;
            }
            let (ident_at, is_macro) = match buf[i - 1].kind() {
                "identifier" => (i - 1, false),
                "!" if i >= 2 && buf[i - 2].kind() == "identifier" => (i - 2, true),
                _ => continue,
            };
            let ident = buf[ident_at];
            let name = self.text(ident);
            if KEYWORDS.contains(&name.as_ref())
                || ident_at > 0 && matches!(buf[ident_at - 1].kind(), "fn" | "struct" | "enum")
                || !is_macro && self.src.get(tt.start_byte()) != Some(&b'(')
            {
                continue;
            }
            if is_macro && !is_expression_macro(&name) {
                // A nested macro of another kind: its tokens are not expressions.
                self.skip.push(tt.id());
            }
            let q = self.token_chain_qualifier(&buf, ident_at, literal_ok);
            let args = if is_macro { None } else { token_args(tt) };
            self.skip.push(ident.id());
            self.push_ref(ident, RefKind::Call, q, args);
        }
        self.buf = buf;
    }

    /// The `a.b` / `A::B` / `x.f()` chain before `buf[at]`, as written.
    /// Whether token tree `node` belongs to a standard-library macro
    /// (`assert_eq!`, `format!`, ...), which passes its tokens on as
    /// they are; another crate's macro may rewrite them.
    fn in_std_macro(&self, node: Node<'a>) -> bool {
        let mut n = node;
        while let Some(p) = n.parent() {
            if p.kind() == "macro_invocation" {
                let name = p
                    .child_by_field_name("macro")
                    .map(|m| self.text(m))
                    .unwrap_or_default();
                let last = name.rsplit("::").next().unwrap_or(&name);
                return STD_EXPRESSION_MACROS.contains(&last);
            }
            n = p;
        }
        false
    }

    fn token_chain_qualifier(&self, buf: &[Node], at: usize, literal_ok: bool) -> Option<String> {
        let mut k = at;
        loop {
            if k >= 2 && matches!(buf[k - 1].kind(), "." | "::") {
                let p = buf[k - 2];
                if matches!(p.kind(), "identifier" | "self" | "super" | "crate") {
                    k -= 2;
                    continue;
                }
                // `"text".m()`: a literal starts the chain.
                if literal_ok && matches!(p.kind(), "string_literal" | "raw_string_literal") {
                    k -= 2;
                    break;
                }
                if p.kind() == "token_tree" && k >= 3 && buf[k - 3].kind() == "identifier" {
                    k -= 3;
                    continue;
                }
            }
            break;
        }
        if k == at {
            return None;
        }
        let start = buf[k].start_byte();
        let end = buf[at - 1].start_byte();
        Some(util::fold_whitespace(
            &String::from_utf8_lossy(&self.src[start..end]),
            200,
        ))
    }

    pub(super) fn struct_expression(&mut self, node: Node<'a>) {
        let Some(mut n) = node.child_by_field_name("name") else {
            return;
        };
        self.skip.push(n.id());
        if n.kind() == "generic_type_with_turbofish" {
            match n.child_by_field_name("type") {
                Some(t) => n = t,
                None => return,
            }
        }
        let (name, q) = match n.kind() {
            "scoped_type_identifier" | "scoped_identifier" => {
                let Some(name) = n.child_by_field_name("name") else {
                    return;
                };
                (
                    name,
                    n.child_by_field_name("path")
                        .map(|p| self.qualifier_text(p)),
                )
            }
            _ => (n, None),
        };
        if self.text(name) != "Self" {
            self.push_ref(name, RefKind::Call, q, None);
        }
    }

    /// `a::b` outside call position: a use of a module member, constant or unit variant.
    pub(super) fn path_use(&mut self, node: Node<'a>) {
        if let Some(name) = node.child_by_field_name("name") {
            let q = node
                .child_by_field_name("path")
                .map(|p| self.qualifier_text(p));
            self.push_ref(name, RefKind::Use, q, None);
        }
    }

    pub(super) fn identifier(&mut self, node: Node<'a>) {
        if !self.imported.is_empty() && self.imported.contains(self.text(node).as_ref()) {
            self.push_ref(node, RefKind::Use, None, None);
        }
    }

    pub(super) fn type_identifier(&mut self, node: Node<'a>) {
        let t = self.text(node);
        if t != "Self" && t != "_" && !self.scopes.generics.iter().any(|g| g == t.as_ref()) {
            self.push_ref(node, RefKind::Type, None, None);
        }
    }

    pub(super) fn scoped_type(&mut self, node: Node<'a>) {
        if let Some(name) = node.child_by_field_name("name") {
            let q = node
                .child_by_field_name("path")
                .map(|p| self.qualifier_text(p));
            self.push_ref(name, RefKind::Type, q, None);
        }
    }

    /// The path of `Some(x)` / `Foo { .. }` in a pattern is a use of that variant or struct.
    pub(super) fn pattern_path(&mut self, node: Node<'a>) {
        let Some(t) = node.child_by_field_name("type") else {
            return;
        };
        self.skip.push(t.id());
        match t.kind() {
            "identifier" | "type_identifier" if self.text(t) != "Self" => {
                self.push_ref(t, RefKind::Use, None, None)
            }
            "scoped_identifier" | "scoped_type_identifier" => self.path_use(t),
            "generic_type" => {
                if let Some(inner) = t.child_by_field_name("type") {
                    self.push_ref(inner, RefKind::Use, None, None)
                }
            }
            _ => {}
        }
    }
}

/// The token tree of a macro invocation (its last named child).
fn last_tt(node: Node) -> Option<Node> {
    let n = node.named_child_count();
    node.named_child(n.checked_sub(1)? as u32)
        .filter(|c| c.kind() == "token_tree")
}

/// Positional arguments in a `( .. )` token tree, or `None` when `<` or `|`
/// at top level make commas ambiguous.
fn token_args(tt: Node) -> Option<u32> {
    let mut cursor = tt.walk();
    let mut commas = 0;
    let mut items = 0;
    let mut last_comma = false;
    let n = tt.child_count() as usize;
    for (i, c) in tt.children(&mut cursor).enumerate() {
        if i == 0 || i + 1 == n {
            continue;
        }
        match c.kind() {
            "," => {
                commas += 1;
                last_comma = true;
                continue;
            }
            "<" | "|" | "||" | ";" | "=>" => return None,
            "line_comment" | "block_comment" => continue,
            _ => items += 1,
        }
        last_comma = false;
    }
    if items == 0 {
        return Some(0);
    }
    Some(if last_comma { commas } else { commas + 1 })
}

//! Rust local bindings: parameters, `let`, `for`, `match`/`if let` patterns,
//! closure parameters and generic parameters.

use plumb_facts::{LocalBinding, Span};
use tree_sitter::Node;

use super::Ex;
use crate::util;

/// Patterns nest shallowly in real code; deeper input is cut off, not followed.
const MAX_PATTERN_DEPTH: u32 = 64;

impl<'a> Ex<'a> {
    fn bind(&mut self, name: &str, scope: Span) {
        self.facts.locals.push(LocalBinding {
            name: name.to_string(),
            scope,
        });
    }

    /// Generic parameters of an item are bindings visible in the whole item.
    pub(super) fn bind_generics(&mut self, item: Node<'a>) {
        let Some(tp) = item.child_by_field_name("type_parameters") else {
            return;
        };
        let scope = util::span(item);
        let mut cursor = tp.walk();
        for p in tp.named_children(&mut cursor) {
            if let "type_parameter" | "const_parameter" = p.kind()
                && let Some(n) = p.child_by_field_name("name")
            {
                let name = self.text(n).into_owned();
                self.bind(&name, scope);
                self.scopes.generics.push(name);
            }
        }
    }

    /// Bind every identifier a pattern introduces. Capitalised identifiers are
    /// constants or unit variants (`None`), not bindings.
    pub(super) fn bind_pattern(&mut self, pat: Node<'a>, scope: Span, depth: u32) {
        if depth > MAX_PATTERN_DEPTH {
            return;
        }
        match pat.kind() {
            "identifier" | "shorthand_field_identifier" => {
                let t = self.text(pat);
                if !t.starts_with(|c: char| c.is_ascii_uppercase()) {
                    let t = t.into_owned();
                    self.bind(&t, scope);
                }
            }
            "scoped_identifier"
            | "type_identifier"
            | "scoped_type_identifier"
            | "generic_type"
            | "field_identifier"
            | "string_literal"
            | "char_literal"
            | "integer_literal"
            | "float_literal" => {}
            "match_pattern" => {
                // `pat if guard`: the guard binds nothing.
                let cond = pat.child_by_field_name("condition").map(|c| c.id());
                let mut cursor = pat.walk();
                let kids: Vec<Node<'a>> = pat.named_children(&mut cursor).collect();
                for c in kids {
                    if Some(c.id()) != cond {
                        self.bind_pattern(c, scope, depth + 1);
                    }
                }
            }
            "tuple_struct_pattern" | "struct_pattern" => {
                let ty = pat.child_by_field_name("type").map(|t| t.id());
                let mut cursor = pat.walk();
                let kids: Vec<Node<'a>> = pat.named_children(&mut cursor).collect();
                for c in kids {
                    if Some(c.id()) != ty {
                        self.bind_pattern(c, scope, depth + 1);
                    }
                }
            }
            "field_pattern" => match pat.child_by_field_name("pattern") {
                Some(p) => self.bind_pattern(p, scope, depth + 1),
                None => {
                    if let Some(n) = pat.child_by_field_name("name") {
                        self.bind_pattern(n, scope, depth + 1);
                    }
                }
            },
            _ => {
                let mut cursor = pat.walk();
                let kids: Vec<Node<'a>> = pat.named_children(&mut cursor).collect();
                for c in kids {
                    self.bind_pattern(c, scope, depth + 1);
                }
            }
        }
    }

    pub(super) fn let_declaration(&mut self, node: Node<'a>) {
        if let Some(p) = node.child_by_field_name("pattern") {
            let scope = self.scopes.block_scope(node);
            self.bind_pattern(p, scope, 0);
        }
    }

    pub(super) fn closure(&mut self, node: Node<'a>) {
        let Some(params) = node.child_by_field_name("parameters") else {
            return;
        };
        let scope = util::span(node);
        let mut cursor = params.walk();
        let kids: Vec<Node<'a>> = params.named_children(&mut cursor).collect();
        for p in kids {
            let pat = if p.kind() == "parameter" {
                p.child_by_field_name("pattern")
            } else {
                Some(p)
            };
            if let Some(pat) = pat {
                self.bind_pattern(pat, scope, 0);
            }
        }
    }
}

//! Python local bindings: assignment and loop targets, comprehension and
//! lambda variables, `as` names, `match` captures.

use plumb_facts::{RefKind, Span};
use tree_sitter::Node;

use super::{Extractor, F, MAX_DEPTH, Scope};
use crate::extractor::RecursiveWalk;
use crate::{extractor, util};

impl<'s, 't> Extractor<'s, 't> {
    /// Record a local binding, skipping a repeat of a recent one in the same scope.
    pub fn bind(&mut self, name_node: Node<'t>, scope: Span) {
        if self.depth > MAX_DEPTH {
            return;
        }
        self.depth += 1;
        self.bind_inner(name_node, scope);
        self.depth -= 1;
    }

    fn bind_inner(&mut self, name_node: Node<'t>, scope: Span) {
        match name_node.kind() {
            "identifier" => {
                let t = self.text(name_node);
                extractor::bind_once(&mut self.facts.locals, &t, scope);
            }
            "pattern_list"
            | "tuple_pattern"
            | "list_pattern"
            | "tuple"
            | "list"
            | "expression_list"
            | "parenthesized_expression"
            | "list_splat_pattern"
            | "list_splat"
            | "as_pattern_target"
            | "dictionary_splat_pattern" => {
                self.each_named_child(name_node, |ex, ch| ex.bind(ch, scope));
            }
            _ => {}
        }
    }

    /// Bind the identifiers of a target pattern as locals, walking the parts
    /// that are uses (attributes, subscripts).
    pub(super) fn bind_or_walk(&mut self, target: Node<'t>, scope: Span, sc: &Scope) {
        if self.depth > MAX_DEPTH {
            return;
        }
        self.depth += 1;
        self.bind_or_walk_inner(target, scope, sc);
        self.depth -= 1;
    }

    fn bind_or_walk_inner(&mut self, target: Node<'t>, scope: Span, sc: &Scope) {
        match target.kind() {
            "identifier" => self.bind(target, scope),
            "pattern_list"
            | "tuple_pattern"
            | "list_pattern"
            | "tuple"
            | "list"
            | "expression_list"
            | "parenthesized_expression"
            | "list_splat_pattern"
            | "list_splat"
            | "as_pattern_target" => {
                self.each_named_child(target, |ex, ch| ex.bind_or_walk(ch, scope, sc));
            }
            _ => self.walk_node(target, sc),
        }
    }

    pub(super) fn for_loop(&mut self, node: Node<'t>, sc: &Scope, scope: Span) {
        self.each_child(node, |ex, field, ch| {
            if field == Some("left") {
                ex.bind_or_walk(ch, scope, sc);
            } else if ch.is_named() {
                ex.walk_node(ch, sc);
            }
        });
    }

    pub(super) fn comprehension(&mut self, node: Node<'t>, sc: &Scope) {
        let scope = util::span(node);
        self.each_named_child(node, |ex, ch| {
            if ch.kind() == "for_in_clause" {
                ex.for_loop(ch, sc, scope);
            } else {
                ex.walk_node(ch, sc);
            }
        });
    }

    /// `expr as name` (with items, except clauses, match patterns).
    pub(super) fn aliased(&mut self, node: Node<'t>, sc: &Scope) {
        self.each_child(node, |ex, field, ch| {
            if field == Some("alias") || ch.kind() == "as_pattern_target" {
                ex.bind_or_walk(ch, sc.local, sc);
            } else if ch.is_named() {
                ex.walk_node(ch, sc);
            }
        });
    }

    /// `case` patterns: bare names are captures (locals), class patterns
    /// reference their class as a Type.
    pub(super) fn case_pattern(&mut self, node: Node<'t>, sc: &Scope) {
        match node.kind() {
            "dotted_name" => {
                if node.named_child_count() == 1
                    && let Some(id) = node.named_child(0)
                {
                    self.bind(id, sc.local);
                }
            }
            "splat_pattern" => {
                if let Some(id) = node.named_child(0) {
                    self.bind(id, sc.local);
                }
            }
            "case_pattern" | "union_pattern" | "list_pattern" | "tuple_pattern"
            | "dict_pattern" | "keyword_pattern" | "class_pattern" => {
                if self.depth > MAX_DEPTH {
                    return;
                }
                self.depth += 1;
                let mut first = true;
                let mut c = self.cursor(node);
                if c.goto_first_child() {
                    loop {
                        let k = c.node();
                        if k.is_named() {
                            match (node.kind(), first, k.kind()) {
                                ("keyword_pattern", true, "identifier") => {}
                                ("class_pattern", true, "dotted_name") => {
                                    self.class_pattern_name(k)
                                }
                                _ => self.case_pattern(k, sc),
                            }
                            first = false;
                        }
                        if !c.goto_next_sibling() {
                            break;
                        }
                    }
                }
                self.release(c);
                self.depth -= 1;
            }
            _ => self.walk_node(node, sc),
        }
    }

    pub(super) fn class_pattern_name(&mut self, k: Node<'t>) {
        let n = k.named_child_count() as u32;
        if let Some(last) = k.named_child(n.saturating_sub(1)) {
            let t = self.text(k);
            let q = t
                .rsplit_once('.')
                .map(|(q, _)| util::fold_whitespace(q, 200));
            let name = self.text(last).into_owned();
            self.push_ref(name, RefKind::Type, q, last);
        }
    }

    pub(super) fn lambda(&mut self, node: Node<'t>, sc: &Scope) {
        let scope = util::span(node);
        if let Some(p) = node.child_by_field_id(F.parameters) {
            self.walk_params(p, sc, scope);
        }
        if let Some(b) = node.child_by_field_id(F.body) {
            let inner = Scope {
                local: scope,
                ..*sc
            };
            self.walk_node(b, &inner);
        }
    }
}

//! Python references: calls (with argument counts and keywords), uses of
//! imported names and their attributes, type annotations.

use plumb_facts::RefKind;
use tree_sitter::Node;

use super::{DYNAMIC_CALLS, Extractor, F, MAX_DEPTH, Scope};
use crate::extractor::RecursiveWalk;
use crate::{extractor, util};

impl<'s, 't> Extractor<'s, 't> {
    pub fn push_ref(&mut self, name: String, kind: RefKind, qualifier: Option<String>, at: Node) {
        self.facts
            .references
            .push(extractor::reference(name, kind, qualifier, at));
    }

    pub(super) fn ident(&mut self, node: Node) {
        let t = self.text(node);
        if self.imported.contains(t.as_ref()) {
            let name = t.into_owned();
            self.push_ref(name, RefKind::Use, None, node);
        }
    }

    /// Whether `node` is a dotted chain of identifiers (`a`, `a.b.c`).
    pub fn chain_root(node: Node<'t>) -> Option<Node<'t>> {
        let mut n = node;
        loop {
            match n.kind() {
                "identifier" => return Some(n),
                "attribute" => n = n.child_by_field_id(F.object)?,
                _ => return None,
            }
        }
    }

    pub(super) fn attribute(&mut self, node: Node<'t>, sc: &Scope) {
        let Some(obj) = node.child_by_field_id(F.object) else {
            return;
        };
        match Self::chain_root(obj) {
            Some(root) => {
                if self.imported.contains(self.text(root).as_ref())
                    && let Some(attr) = node.child_by_field_id(F.attribute)
                {
                    let q = util::fold_whitespace(&self.text(obj), 200);
                    let name = self.text(attr).into_owned();
                    self.push_ref(name, RefKind::Use, Some(q), attr);
                }
            }
            None => self.walk_node(obj, sc),
        }
    }

    pub(super) fn call(&mut self, node: Node<'t>, sc: &Scope) {
        let func = node.child_by_field_id(F.function);
        let mut idx = None;
        if let Some(f) = func {
            match f.kind() {
                "identifier" => {
                    let name = self.text(f).into_owned();
                    if DYNAMIC_CALLS.contains(&name.as_str()) {
                        self.facts.dynamic = true;
                    }
                    self.push_ref(name, RefKind::Call, None, f);
                    idx = Some(self.facts.references.len() - 1);
                }
                "attribute" => {
                    if let (Some(obj), Some(attr)) = (
                        f.child_by_field_id(F.object),
                        f.child_by_field_id(F.attribute),
                    ) {
                        let q = util::fold_whitespace(&self.text(obj), 200);
                        let name = self.text(attr).into_owned();
                        self.push_ref(name, RefKind::Call, Some(q), attr);
                        idx = Some(self.facts.references.len() - 1);
                        if Self::chain_root(obj).is_none() {
                            self.walk_node(obj, sc);
                        }
                    }
                }
                _ => self.walk_node(f, sc),
            }
        }
        let (mut count, mut keywords, mut spread) = (0u32, Vec::new(), false);
        if let Some(args) = node.child_by_field_id(F.arguments) {
            if args.kind() == "generator_expression" {
                count = 1;
                self.walk_node(args, sc);
            } else {
                let mut c = self.cursor(args);
                if c.goto_first_child() {
                    loop {
                        let a = c.node();
                        match a.kind() {
                            "keyword_argument" => {
                                if let Some(n) = a.child_by_field_id(F.name) {
                                    keywords.push(self.text(n).into_owned());
                                }
                                if let Some(v) = a.child_by_field_id(F.value) {
                                    self.walk_node(v, sc);
                                }
                            }
                            "list_splat" | "dictionary_splat" => {
                                spread = true;
                                self.walk_node(a, sc);
                            }
                            "comment" | "(" | ")" | "," => {}
                            _ if a.is_named() => {
                                count += 1;
                                self.walk_node(a, sc);
                            }
                            _ => {}
                        }
                        if !c.goto_next_sibling() {
                            break;
                        }
                    }
                }
                self.release(c);
            }
        }
        if let Some(i) = idx {
            let r = &mut self.facts.references[i];
            r.arg_count = Some(count);
            r.keywords = keywords;
            r.has_spread = spread;
        }
    }

    /// A type annotation: identifiers and dotted names become Type references.
    pub fn type_expr(&mut self, node: Node<'t>, sc: &Scope) {
        match node.kind() {
            "identifier" => {
                let name = self.text(node).into_owned();
                self.push_ref(name, RefKind::Type, None, node);
            }
            "attribute" => {
                let obj = node.child_by_field_id(F.object);
                match (obj, obj.and_then(Self::chain_root)) {
                    (Some(o), Some(_)) => {
                        if let Some(attr) = node.child_by_field_id(F.attribute) {
                            let q = util::fold_whitespace(&self.text(o), 200);
                            let name = self.text(attr).into_owned();
                            self.push_ref(name, RefKind::Type, Some(q), attr);
                        }
                    }
                    _ => self.walk_node(node, sc),
                }
            }
            "type"
            | "subscript"
            | "binary_operator"
            | "generic_type"
            | "union_type"
            | "constrained_type"
            | "member_type"
            | "type_parameter"
            | "tuple"
            | "list"
            | "expression_list"
            | "parenthesized_expression"
            | "splat_type"
            | "slice" => {
                if self.depth > MAX_DEPTH {
                    return;
                }
                self.depth += 1;
                self.each_named_child(node, |ex, ch| ex.type_expr(ch, sc));
                self.depth -= 1;
            }
            "string"
            | "none"
            | "ellipsis"
            | "comment"
            | "integer"
            | "float"
            | "true"
            | "false"
            | "concatenated_string" => {}
            _ => self.walk_node(node, sc),
        }
    }
}

//! JS/TS classes: class declarations and expressions, heritage clauses,
//! members (methods, fields, arrow-function properties, TS signatures and
//! constructor parameter properties) and their visibility.

use plumb_facts::{DefKind, Visibility};
use tree_sitter::Node;

use super::decls::{is_function_value, single_param};
use super::{Extractor, Level, Scope, qualify};
use crate::extractor::RecursiveWalk;
use crate::util;

impl<'s, 't> Extractor<'s, 't> {
    /// `class`: `name` overrides the class's own name (for `const A = class {}`).
    pub fn class(&mut self, node: Node<'t>, named: Option<(Node<'t>, Node<'t>)>, sc: &Scope) {
        let (name_node, outer) = match named {
            Some((n, o)) => (Some(n), o),
            None => (node.child_by_field_name("name"), self.outer(node)),
        };
        let body = node.child_by_field_name("body");
        let Some(name_node) = name_node else {
            // An anonymous class expression: walk it without a definition.
            let q = String::new();
            return self.class_parts(node, body, None, &q, sc);
        };
        let name = self.text(name_node).into_owned();
        let vis = match sc.level {
            Level::Module => self.module_visibility(sc),
            _ => Visibility::Private,
        };
        if matches!(sc.level, Level::Function | Level::Block) && named.is_none() {
            self.bind(name_node, sc.local, sc);
        }
        let ctor = body.and_then(|b| {
            self.kids(b).into_iter().find(|m| {
                m.kind() == "method_definition"
                    && m.child_by_field_name("name")
                        .is_some_and(|n| self.text(n) == "constructor")
            })
        });
        let params = ctor
            .and_then(|c| c.child_by_field_name("parameters"))
            .and_then(|p| self.known_params(p));
        self.define(
            name.clone(),
            DefKind::Class,
            sc.container,
            name_node,
            outer,
            node,
            body,
            vis,
            params,
        );
        let q = qualify(sc.container, &name);
        self.class_parts(node, body, Some(name_node), &q, sc);
    }

    /// Heritage, decorators, type parameters and members of a class.
    fn class_parts(
        &mut self,
        node: Node<'t>,
        body: Option<Node<'t>>,
        name: Option<Node<'t>>,
        q: &str,
        sc: &Scope,
    ) {
        // Type parameters are visible in the whole class.
        let head = Scope {
            local: util::span(node),
            ..*sc
        };
        for k in self.kids(node) {
            if Some(k) == name || Some(k) == body {
                continue;
            }
            match k.kind() {
                "class_heritage" => self.heritage(k, &head),
                _ => self.walk_node(k, &head),
            }
        }
        let Some(body) = body else { return };
        let inner = Scope {
            level: Level::Class,
            container: if q.is_empty() { sc.container } else { Some(q) },
            local: util::span(node),
            exported: false,
        };
        let saved = self.this_class.take();
        if q.is_empty() {
            crate::extractor::bind_once(&mut self.facts.locals, "this", util::span(node));
        } else {
            self.this_class = Some(q.to_string());
        }
        for m in self.kids(body) {
            self.member_def(m, &inner);
        }
        self.this_class = saved;
    }

    /// `extends A` / `implements B<C>`: Type references.
    pub fn heritage(&mut self, h: Node<'t>, sc: &Scope) {
        for k in self.kids(h) {
            match k.kind() {
                "extends_clause" => {
                    for e in self.kids(k) {
                        self.type_expr_ref(e, sc);
                    }
                }
                "implements_clause" => self.walk_node(k, sc),
                _ => self.type_expr_ref(k, sc),
            }
        }
    }

    /// An expression used as a type (`extends Base`, `extends ns.Base`).
    fn type_expr_ref(&mut self, e: Node<'t>, sc: &Scope) {
        match e.kind() {
            "identifier" => {
                let name = self.text(e).into_owned();
                self.push_ref(name, plumb_facts::RefKind::Type, None, e);
            }
            "member_expression" if Self::chain_root(e).is_some() => {
                if let (Some(o), Some(p)) = (
                    e.child_by_field_name("object"),
                    e.child_by_field_name("property"),
                ) {
                    let q = util::fold_whitespace(&self.text(o), 200);
                    let name = self.text(p).into_owned();
                    self.push_ref(name, plumb_facts::RefKind::Type, Some(q), p);
                }
            }
            _ => self.walk_node(e, sc),
        }
    }

    /// Visibility of a class member from its modifiers and name.
    pub fn member_visibility(&self, m: Node<'t>, name_node: Node<'t>) -> Visibility {
        if name_node.kind() == "private_property_identifier" {
            return Visibility::Private;
        }
        let mut c = m.walk();
        for k in m.children(&mut c) {
            if k.kind() == "accessibility_modifier" {
                return match self.text(k).as_ref() {
                    "private" => Visibility::Private,
                    "protected" => Visibility::Protected,
                    _ => Visibility::Public,
                };
            }
        }
        Visibility::Public
    }

    /// An interface member: like a class member, always Public.
    pub fn member_def_pub(&mut self, m: Node<'t>, sc: &Scope) {
        let before = self.facts.definitions.len();
        self.member_def(m, sc);
        for d in &mut self.facts.definitions[before..] {
            d.visibility = Visibility::Public;
        }
    }

    fn member_def(&mut self, m: Node<'t>, sc: &Scope) {
        let kind = m.kind();
        let Some(name_node) = m
            .child_by_field_name("name")
            .or_else(|| m.child_by_field_name("property"))
        else {
            if kind != "comment" {
                self.walk_node(m, sc);
            }
            return;
        };
        let name = self.text(name_node).into_owned();
        let vis = self.member_visibility(m, name_node);
        let q = qualify(sc.container, &name);
        match kind {
            "method_definition" | "method_signature" | "abstract_method_signature" => {
                let params = m
                    .child_by_field_name("parameters")
                    .and_then(|p| self.known_params(p));
                let body = m.child_by_field_name("body");
                let is_ctor = name == "constructor";
                self.define(
                    name,
                    DefKind::Method,
                    sc.container,
                    name_node,
                    m,
                    m,
                    body,
                    vis,
                    params,
                );
                if name_node.kind() == "computed_property_name" {
                    self.walk_node(name_node, sc);
                }
                self.function_like(m, Some(&q), sc);
                if is_ctor {
                    self.parameter_properties(m, sc);
                }
            }
            "field_definition" | "public_field_definition" | "property_signature" => {
                let value = m.child_by_field_name("value");
                match value.filter(|v| is_function_value(*v)) {
                    Some(f) => {
                        let params = f
                            .child_by_field_name("parameters")
                            .and_then(|p| self.known_params(p));
                        let params = params.or_else(|| {
                            f.child_by_field_name("parameter")
                                .map(|_| single_param(self, f))
                        });
                        let body = f.child_by_field_name("body");
                        self.define(
                            name,
                            DefKind::Method,
                            sc.container,
                            name_node,
                            m,
                            m,
                            body,
                            vis,
                            params,
                        );
                        self.function_like(f, Some(&q), sc);
                    }
                    None => {
                        self.fields.insert(q.clone());
                        self.define(
                            name,
                            DefKind::Field,
                            sc.container,
                            name_node,
                            m,
                            m,
                            None,
                            vis,
                            None,
                        );
                        for k in self.kids(m) {
                            if k != name_node || k.kind() == "computed_property_name" {
                                self.walk_node(k, sc);
                            }
                        }
                    }
                }
            }
            _ => self.walk_node(m, sc),
        }
    }

    /// TS `constructor(private x: T)` declares field `x`.
    fn parameter_properties(&mut self, ctor: Node<'t>, sc: &Scope) {
        let Some(params) = ctor.child_by_field_name("parameters") else {
            return;
        };
        for p in self.kids(params) {
            let has_mod = self
                .kids(p)
                .iter()
                .any(|k| k.kind() == "accessibility_modifier" || self.text(*k) == "readonly");
            let readonly = {
                let mut c = p.walk();
                p.children(&mut c).any(|k| k.kind() == "readonly")
            };
            if !(has_mod || readonly) {
                continue;
            }
            if let Some(pat) = p
                .child_by_field_name("pattern")
                .filter(|n| n.kind() == "identifier")
            {
                let name = self.text(pat).into_owned();
                let vis = self.member_visibility(p, pat);
                self.define(
                    name,
                    DefKind::Field,
                    sc.container,
                    pat,
                    p,
                    p,
                    None,
                    vis,
                    None,
                );
            }
        }
    }
}

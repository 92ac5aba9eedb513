//! Python assignments that define things: module variables and constants,
//! class fields and enum members, `self.x` instance fields, module-level
//! lambdas, `type` aliases, and the `__all__` list.

use plumb_facts::{DefKind, Definition};
use tree_sitter::Node;

use super::{Extractor, F, Level, MAX_DEPTH, Scope, qualify, visibility};
use crate::extractor::RecursiveWalk;
use crate::util;

impl<'s, 't> Extractor<'s, 't> {
    pub(super) fn assignment(&mut self, node: Node<'t>, sc: &Scope) {
        let left = node.child_by_field_id(F.left);
        let right = node.child_by_field_id(F.right);
        let ty = node.child_by_field_id(F.ty);
        let is_final = ty.is_some_and(|t| self.text(t).contains("Final"));
        if let (Some(l), Some(r)) = (left, right)
            && sc.level == Level::Module
            && l.kind() == "identifier"
            && r.kind() == "lambda"
        {
            return self.module_lambda(node, l, r, sc);
        }
        if let (Some(l), Some(r)) = (left, right)
            && sc.level == Level::Module
            && self.text(l) == "__all__"
        {
            self.collect_all(r);
        }
        if let Some(t) = ty {
            self.type_expr(t, sc);
        }
        if let Some(l) = left {
            self.target(l, node, is_final, sc);
        }
        if let Some(r) = right {
            self.walk_node(r, sc);
        }
    }

    /// `name = lambda ...` at module level: a Function with the lambda's params.
    fn module_lambda(&mut self, stmt: Node<'t>, name_node: Node<'t>, lambda: Node<'t>, sc: &Scope) {
        let name = self.text(name_node).into_owned();
        if self.module_vars.insert(name.clone()) {
            let params = lambda
                .child_by_field_id(F.parameters)
                .map(|p| self.param_list(p, false))
                .unwrap_or_default();
            self.facts.definitions.push(Definition {
                visibility: visibility(&name),
                name,
                kind: DefKind::Function,
                container: None,
                span: util::span(stmt),
                name_span: util::span(name_node),
                doc: None,
                params: Some(params),
                signature: Some(util::signature(
                    stmt,
                    lambda.child_by_field_id(F.body),
                    self.src,
                )),
            });
        }
        self.lambda(lambda, sc);
    }

    /// One assignment target: a definition at module/class level, a local in
    /// a function, a field for `self.x`.
    fn target(&mut self, t: Node<'t>, stmt: Node<'t>, is_final: bool, sc: &Scope) {
        if self.depth > MAX_DEPTH {
            return;
        }
        self.depth += 1;
        self.target_inner(t, stmt, is_final, sc);
        self.depth -= 1;
    }

    fn target_inner(&mut self, t: Node<'t>, stmt: Node<'t>, is_final: bool, sc: &Scope) {
        match t.kind() {
            "identifier" => match sc.level {
                Level::Function => self.bind(t, sc.local),
                Level::Module => {
                    let name = self.text(t).into_owned();
                    if self.module_vars.insert(name.clone()) {
                        let kind = if is_final || is_upper_case(&name) {
                            DefKind::Constant
                        } else {
                            DefKind::Variable
                        };
                        self.var_def(name, kind, None, t, stmt);
                    }
                }
                Level::Class => {
                    let name = self.text(t).into_owned();
                    let kind = if sc.enum_class && !name.starts_with('_') {
                        DefKind::EnumVariant
                    } else {
                        DefKind::Field
                    };
                    self.field(name, kind, sc.container, t, stmt);
                }
            },
            "pattern_list"
            | "tuple_pattern"
            | "list_pattern"
            | "tuple"
            | "list"
            | "expression_list"
            | "parenthesized_expression"
            | "list_splat_pattern"
            | "list_splat" => {
                self.each_named_child(t, |ex, ch| ex.target(ch, stmt, is_final, sc));
            }
            "attribute" => {
                let obj = t.child_by_field_id(F.object);
                let attr = t.child_by_field_id(F.attribute);
                match (sc.receiver, sc.class, obj, attr) {
                    (Some(recv), Some(class), Some(o), Some(a))
                        if o.kind() == "identifier" && self.text(o) == recv =>
                    {
                        let name = self.text(a).into_owned();
                        self.field(name, DefKind::Field, Some(class), a, stmt);
                    }
                    _ => self.walk_node(t, sc),
                }
            }
            _ => self.walk_node(t, sc),
        }
    }

    fn field(&mut self, name: String, kind: DefKind, class: Option<&str>, at: Node, stmt: Node) {
        if self.fields.insert(qualify(class, &name)) {
            self.var_def(name, kind, class.map(str::to_string), at, stmt);
        }
    }

    fn var_def(
        &mut self,
        name: String,
        kind: DefKind,
        container: Option<String>,
        at: Node,
        stmt: Node,
    ) {
        self.facts.definitions.push(Definition {
            visibility: visibility(&name),
            name,
            kind,
            container,
            span: util::span(stmt),
            name_span: util::span(at),
            doc: None,
            params: None,
            signature: Some(util::signature(stmt, None, self.src)),
        });
    }

    /// `type X = ...` (Python 3.12).
    pub(super) fn type_alias(&mut self, node: Node<'t>, sc: &Scope) {
        let left = node.child_by_field_id(F.left);
        if let Some(l) = left {
            let name_node = if l.kind() == "type" {
                l.named_child(0).unwrap_or(l)
            } else {
                l
            };
            let name_node = if name_node.kind() == "generic_type" {
                name_node.named_child(0).unwrap_or(name_node)
            } else {
                name_node
            };
            let name = self.text(name_node).into_owned();
            self.facts.definitions.push(Definition {
                visibility: visibility(&name),
                name,
                kind: DefKind::TypeAlias,
                container: sc.container.map(str::to_string),
                span: util::span(node),
                name_span: util::span(name_node),
                doc: None,
                params: None,
                signature: Some(util::signature(node, None, self.src)),
            });
        }
        if let Some(r) = node.child_by_field_id(F.right) {
            self.type_expr(r, sc);
        }
    }

    /// The string items of an `__all__` list or tuple.
    pub(super) fn collect_all(&mut self, value: Node<'t>) {
        if !matches!(value.kind(), "list" | "tuple" | "expression_list") {
            return;
        }
        let mut c = self.cursor(value);
        if c.goto_first_child() {
            loop {
                let s = c.node();
                if s.kind() == "string" {
                    let t = self.text(s);
                    let t = t.trim_matches(|ch| ch == '"' || ch == '\'');
                    self.all.push(t.to_string());
                }
                if !c.goto_next_sibling() {
                    break;
                }
            }
        }
        self.release(c);
    }
}

/// `ALL_CAPS` (digits and underscores allowed, at least one letter).
fn is_upper_case(name: &str) -> bool {
    name.bytes().any(|b| b.is_ascii_uppercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

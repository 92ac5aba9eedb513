//! Definition handlers shared by C and C++: functions and prototypes,
//! variables and fields, typedefs, struct/union/enum/class specifiers,
//! enumerators, macros and includes.

use plumb_facts::{DefKind, Definition, Import, Params, Span};
use tree_sitter::Node;

use super::decl::{self, Declarator};
use super::docs::directive_span;
use super::walk::Walker;
use crate::util;

impl<'t, 's> Walker<'t, 's> {
    /// Push one definition. `outer` gives span and doc (a template wrapper
    /// or the node itself), `sig_end` where the signature stops.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn define(
        &mut self,
        outer: Node<'t>,
        kind: DefKind,
        name: String,
        token: Node<'t>,
        container: Option<String>,
        is_static: bool,
        params: Option<Params>,
        sig_end: Option<Node<'t>>,
    ) {
        let sig = util::signature(outer, sig_end, self.src);
        let sig = sig.trim_end_matches([';', ' ']).to_string();
        self.facts.definitions.push(Definition {
            name,
            kind,
            container,
            span: directive_span(outer),
            name_span: util::span(token),
            visibility: self.visibility(is_static),
            doc: self.doc_for(outer),
            params,
            signature: (!sig.is_empty()).then_some(sig),
        });
    }

    /// Container for a name written with scope segments (`A::B::f`).
    fn container_with(&self, scope: &[String]) -> Option<String> {
        let mut parts: Vec<&str> = self.containers.iter().map(String::as_str).collect();
        parts.extend(scope.iter().map(String::as_str));
        (!parts.is_empty()).then(|| parts.join("."))
    }

    /// Whether a callable named `split` is a method: inside a class body, or
    /// defined out of class under a scope that is not a namespace seen here.
    pub(crate) fn is_method(&self, split: &decl::SplitName) -> bool {
        if self.in_class {
            return true;
        }
        match split.scope.last() {
            None => false,
            Some(last) => {
                split.name.starts_with('~')
                    || &split.name == last
                    || !self.namespaces.contains(last.as_str())
            }
        }
    }

    pub(crate) fn function_definition(&mut self, node: Node<'t>, outer: Node<'t>) {
        let declarator = self.fld(node, "declarator");
        let info = declarator.map(decl::inspect);
        let body = self.fld(node, "body");
        let fspan = util::span(node);
        let name = info.and_then(|i| i.name);
        // Without a function declarator (`MACRO name {`), it is not a function.
        if let (Some(info), Some(name)) = (info.filter(|i| i.func.is_some()), name) {
            if self.scope.is_some() {
                if let Some(n) = decl::bound_name(declarator.unwrap()) {
                    self.bind_local(n, self.scope.unwrap());
                }
            } else {
                let split = decl::split_name(name, self.src);
                let kind = if self.is_method(&split) {
                    DefKind::Method
                } else {
                    DefKind::Function
                };
                let params = info
                    .func
                    .and_then(|f| self.fld(f, "parameters"))
                    .map(|p| decl::params(p, self.src));
                let container = self.container_with(&split.scope);
                let sig_end = body.or_else(|| body_like(node));
                self.define(
                    outer,
                    kind,
                    split.name,
                    split.token,
                    container,
                    has_storage(node, "static", self.src),
                    params,
                    sig_end,
                );
            }
        }
        if let Some(t) = self.fld(node, "type") {
            self.type_refs(t);
        }
        let saved = self.scope.replace(fspan);
        let saved_class = std::mem::replace(&mut self.in_class, false);
        if let Some(list) = info
            .and_then(|i| i.func)
            .and_then(|f| self.fld(f, "parameters"))
        {
            self.bind_params(list, fspan);
        }
        let type_node = self.fld(node, "type");
        let mut c = node.walk();
        for child in node.named_children(&mut c) {
            if Some(child) == declarator {
                self.references(child, name);
            } else if Some(child) != type_node {
                self.visit(child);
            }
        }
        self.scope = saved;
        self.in_class = saved_class;
    }

    /// Error recovery after a macro prefix (`PyAPI_FUNC(int) f(PyObject *o);`)
    /// leaves `f(PyObject *o);` as a call statement at file level, where no
    /// statement can be. When every argument reads as `Type *name`, it is a
    /// prototype: define the Function.
    pub(crate) fn recovered_prototype(&mut self, stmt: Node<'t>) -> bool {
        let Some(call) = stmt
            .named_child(0)
            .filter(|c| c.kind() == "call_expression")
        else {
            return false;
        };
        let (Some(func), Some(args)) = (self.fld(call, "function"), self.fld(call, "arguments"))
        else {
            return false;
        };
        if func.kind() != "identifier" {
            return false;
        }
        let mut c = args.walk();
        let mut list = Vec::new();
        for a in args.named_children(&mut c) {
            let (Some(l), Some(r)) = (self.fld(a, "left"), self.fld(a, "right")) else {
                return false;
            };
            let star = self.fld(a, "operator").is_some_and(|o| o.kind() == "*");
            if a.kind() != "binary_expression"
                || !star
                || l.kind() != "identifier"
                || r.kind() != "identifier"
            {
                return false;
            }
            list.push(plumb_facts::Param {
                name: self.text(r).into_owned(),
                kind: plumb_facts::ParamKind::PositionalOnly,
                has_default: false,
                type_text: Some(format!("{} *", self.text(l))),
            });
        }
        if list.is_empty() {
            return false;
        }
        let name = self.text(func).into_owned();
        let container = self.container();
        self.define(
            stmt,
            DefKind::Function,
            name,
            func,
            container,
            false,
            Some(Params::new(list)),
            None,
        );
        true
    }

    /// Bind every named parameter of `list` as a local of `scope`.
    pub(crate) fn bind_params(&mut self, list: Node<'t>, scope: Span) {
        let mut c = list.walk();
        for p in list.named_children(&mut c) {
            if let Some(n) = self.fld(p, "declarator").and_then(decl::bound_name) {
                self.bind_local(n, scope);
            } else if p.kind() == "identifier" {
                self.bind_local(p, scope);
            }
        }
    }

    /// Walk a type specifier: define a struct/enum with a body, else collect
    /// type references.
    pub(crate) fn type_refs(&mut self, t: Node<'t>) {
        match t.kind() {
            "struct_specifier" | "union_specifier" | "enum_specifier" | "class_specifier"
                if self.fld(t, "body").is_some() =>
            {
                self.specifier(t, t, None)
            }
            _ => self.references(t, None),
        }
    }

    /// `declaration` / `field_declaration`: prototypes, variables, fields;
    /// locals inside a function.
    pub(crate) fn declaration(&mut self, node: Node<'t>, outer: Node<'t>) {
        if let Some(t) = self.fld(node, "type") {
            self.type_refs(t);
        }
        let is_static = has_storage(node, "static", self.src);
        let is_const = has_const(node);
        let mut c = node.walk();
        let declarators: Vec<Node> = node.children_by_field_name("declarator", &mut c).collect();
        for d in declarators {
            let info = decl::inspect(d);
            let Some(name) = info.name else {
                self.references(d, None);
                continue;
            };
            if let Some(scope) = self.scope {
                // Fields of a local struct are not locals.
                if node.kind() != "field_declaration" {
                    self.bind_declarator(d, &info, scope);
                }
                self.references(d, Some(name));
                continue;
            }
            self.declare(outer, &info, is_static, is_const);
            self.references(d, Some(name));
        }
        for field in ["default_value", "value"] {
            if let Some(v) = self.fld(node, field) {
                self.references(v, None);
            }
        }
    }

    pub(crate) fn bind_declarator(&mut self, d: Node<'t>, info: &Declarator<'t>, scope: Span) {
        match info.name {
            Some(n) if n.kind() == "structured_binding_declarator" => {
                let mut c = n.walk();
                let ids: Vec<Node> = n
                    .named_children(&mut c)
                    .filter(|i| i.kind() == "identifier")
                    .collect();
                for i in ids {
                    self.bind_local(i, scope);
                }
            }
            _ => {
                if let Some(n) = decl::bound_name(d) {
                    self.bind_local(n, scope);
                }
            }
        }
    }

    /// One declared name outside functions.
    fn declare(&mut self, outer: Node<'t>, info: &Declarator<'t>, is_static: bool, is_const: bool) {
        let Some(name) = info.name else { return };
        if name.kind() == "structured_binding_declarator" {
            return;
        }
        let split = decl::split_name(name, self.src);
        let container = self.container_with(&split.scope);
        if let Some(f) = info.func {
            let list = self.fld(f, "parameters");
            // `__attribute_pure__ __nonnull ((1));` after an unknown macro
            // parses as a prototype with a broken parameter list: not one.
            if list.is_none_or(|l| l.has_error()) {
                return;
            }
            let kind = if self.is_method(&split) {
                DefKind::Method
            } else {
                DefKind::Function
            };
            let params = f
                .child_by_field_name("parameters")
                .map(|p| decl::params(p, self.src));
            self.define(
                outer,
                kind,
                split.name,
                split.token,
                container,
                is_static,
                params,
                None,
            );
            return;
        }
        let constant = if info.indirect {
            info.const_pointer
        } else {
            is_const
        };
        // `int Shape::count = 0;` defines a static member of a class.
        let member_of_class = split
            .scope
            .last()
            .is_some_and(|s| !self.namespaces.contains(s.as_str()));
        let kind = if self.in_class || member_of_class {
            DefKind::Field
        } else if constant {
            DefKind::Constant
        } else {
            DefKind::Variable
        };
        self.define(
            outer,
            kind,
            split.name,
            split.token,
            container,
            is_static,
            None,
            None,
        );
    }

    /// `typedef`: a TypeAlias per declarator; an anonymous struct/union/enum
    /// body takes the first plain typedef name as its own.
    pub(crate) fn type_definition(&mut self, node: Node<'t>, outer: Node<'t>) {
        let mut c = node.walk();
        let declarators: Vec<Node> = node.children_by_field_name("declarator", &mut c).collect();
        let mut named_by: Option<Node> = None;
        if let Some(t) = self.fld(node, "type") {
            let anonymous_body = is_specifier(t.kind())
                && self.fld(t, "body").is_some()
                && self.fld(t, "name").is_none();
            if anonymous_body {
                named_by = declarators.iter().find_map(|d| {
                    let i = decl::inspect(*d);
                    i.name.filter(|_| !i.indirect && i.func.is_none())
                });
                self.specifier(t, outer, named_by);
            } else {
                self.type_refs(t);
            }
        }
        for d in declarators {
            let info = decl::inspect(d);
            let Some(name) = info.name else { continue };
            if let Some(scope) = self.scope {
                self.bind_declarator(d, &info, scope);
            } else if Some(name) != named_by {
                let split = decl::split_name(name, self.src);
                let container = self.container_with(&split.scope);
                self.define(
                    outer,
                    DefKind::TypeAlias,
                    split.name,
                    split.token,
                    container,
                    false,
                    None,
                    None,
                );
            }
            self.references(d, Some(name));
        }
    }

    /// A struct/union/enum/class specifier. With a body it defines a type
    /// (named `alias` when anonymous inside a typedef) and its members;
    /// without one it is a type reference.
    pub(crate) fn specifier(&mut self, node: Node<'t>, outer: Node<'t>, alias: Option<Node<'t>>) {
        let Some(body) = self.fld(node, "body") else {
            self.references(node, None);
            return;
        };
        let kind = match node.kind() {
            "union_specifier" => DefKind::Union,
            "enum_specifier" => DefKind::Enum,
            "class_specifier" => DefKind::Class,
            _ => DefKind::Struct,
        };
        let name = self.fld(node, "name").or(alias);
        let mut c = node.walk();
        let extras: Vec<Node> = node
            .named_children(&mut c)
            .filter(|n| {
                matches!(n.kind(), "base_class_clause") || Some(*n) == self.fld(node, "base")
            })
            .collect();
        for e in extras {
            self.references(e, None);
        }
        if let Some(scope) = self.scope {
            // A local type: its name and enumerators are locals.
            if let Some(n) = name.filter(|n| n.kind() == "type_identifier") {
                self.bind_local(n, scope);
            }
            if kind == DefKind::Enum {
                self.enumerators(body, None, true);
            } else {
                self.references(body, None);
            }
            return;
        }
        let is_static = has_storage(outer, "static", self.src);
        let pushed = match name {
            Some(n) => {
                let split = decl::split_name(n, self.src);
                let container = self.container_with(&split.scope);
                self.define(
                    outer,
                    kind,
                    split.name.clone(),
                    split.token,
                    container,
                    is_static,
                    None,
                    Some(body),
                );
                let depth = self.containers.len();
                self.containers.extend(split.scope);
                self.containers.push(split.name);
                Some(depth)
            }
            None => None,
        };
        let vis_static = is_static;
        if kind == DefKind::Enum {
            self.enumerators(body, Some(vis_static), false);
        } else {
            let saved_class = std::mem::replace(&mut self.in_class, true);
            let default_access = if kind == DefKind::Class {
                plumb_facts::Visibility::Private
            } else {
                plumb_facts::Visibility::Public
            };
            let saved_access = std::mem::replace(&mut self.access, default_access);
            self.visit_children(body);
            self.in_class = saved_class;
            self.access = saved_access;
        }
        if let Some(depth) = pushed {
            self.containers.truncate(depth);
        }
    }

    /// Enumerators of an `enumerator_list` (through `#if` blocks): variants of
    /// the current container, or locals when `local`.
    fn enumerators(&mut self, list: Node<'t>, is_static: Option<bool>, local: bool) {
        let mut c = list.walk();
        let items: Vec<Node> = list.children(&mut c).collect();
        let mut run: Vec<Node> = Vec::new();
        let mut last_code_row = usize::MAX;
        for e in items {
            if e.kind() == "comment" {
                if !(run.is_empty() && e.start_position().row == last_code_row) {
                    run.push(e);
                }
                continue;
            }
            last_code_row = e.end_position().row;
            self.doc_run = (e.start_byte(), std::mem::take(&mut run));
            match e.kind() {
                "enumerator" => {
                    let Some(name) = self.fld(e, "name") else {
                        continue;
                    };
                    if local {
                        if let Some(scope) = self.scope {
                            self.bind_local(name, scope);
                        }
                    } else {
                        let n = self.text(name).into_owned();
                        let container = self.container();
                        self.define(
                            e,
                            DefKind::EnumVariant,
                            n,
                            name,
                            container,
                            is_static.unwrap_or(false),
                            None,
                            None,
                        );
                    }
                    if let Some(v) = self.fld(e, "value") {
                        self.references(v, None);
                    }
                }
                k if k.starts_with("preproc_") && k != "preproc_call" => {
                    self.enumerators(e, is_static, local)
                }
                _ => {}
            }
        }
    }

    /// `#define NAME value` and `#define NAME(params) value`: Macro.
    pub(crate) fn macro_def(&mut self, node: Node<'t>) {
        let Some(name) = self.fld(node, "name") else {
            return;
        };
        let value = self.fld(node, "value");
        let params = node
            .child_by_field_name("parameters")
            .map(|p| decl::params(p, self.src));
        if let Some(v) = value {
            let body = self.text(v);
            if body.contains("##") || params.as_ref().is_some_and(|p| defines_function(&body, p)) {
                self.facts.dynamic = true;
            }
        }
        let sig_end = if params.is_some() { value } else { None };
        let n = self.text(name).into_owned();
        let saved = std::mem::replace(&mut self.in_class, false);
        self.define(node, DefKind::Macro, n, name, None, false, params, sig_end);
        self.in_class = saved;
    }

    /// `#include <a/b.h>` (relative = false) and `#include "x.h"` (relative = true).
    pub(crate) fn include(&mut self, node: Node<'t>) {
        let Some(path) = self.fld(node, "path") else {
            return;
        };
        let raw = self.text(path);
        let (module, relative) = match path.kind() {
            "system_lib_string" => (
                raw.trim_start_matches('<').trim_end_matches('>').trim(),
                false,
            ),
            "string_literal" => (raw.trim_matches('"'), true),
            _ => return,
        };
        if module.is_empty() {
            return;
        }
        self.facts.imports.push(Import {
            module: module.to_string(),
            relative,
            span: directive_span(node),
            ..Default::default()
        });
    }
}

pub(crate) fn is_specifier(kind: &str) -> bool {
    matches!(
        kind,
        "struct_specifier" | "union_specifier" | "enum_specifier" | "class_specifier"
    )
}

/// Whether a declaration carries the storage class `word` (`static`, `extern`).
pub(crate) fn has_storage(node: Node, word: &str, src: &[u8]) -> bool {
    let mut c = node.walk();
    node.children(&mut c)
        .any(|n| n.kind() == "storage_class_specifier" && &*util::text(n, src) == word)
}

/// Whether a declaration is `const`/`constexpr` at its top level.
fn has_const(node: Node) -> bool {
    let mut c = node.walk();
    node.children(&mut c).any(|n| {
        n.kind() == "type_qualifier"
            && n.child(0)
                .is_some_and(|k| matches!(k.kind(), "const" | "constexpr"))
    })
}

/// `= default`, `= delete`, `= 0` clauses end a signature like a body would.
fn body_like(node: Node) -> Option<Node> {
    let mut c = node.walk();
    node.children(&mut c).find(|n| {
        matches!(
            n.kind(),
            "default_method_clause" | "delete_method_clause" | "pure_virtual_clause"
        )
    })
}

/// A function-like macro whose body declares a function named by a
/// parameter (`#define X(name) void name(void) {...}`): it creates names.
fn defines_function(body: &str, params: &Params) -> bool {
    if !body.contains('{') {
        return false;
    }
    params.list.iter().any(|p| {
        let pat = format!("{}(", p.name);
        body.match_indices(&pat).any(|(i, _)| {
            let before = body[..i].trim_end();
            let ident_start = !body[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_');
            ident_start && before.ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '*')
        })
    })
}

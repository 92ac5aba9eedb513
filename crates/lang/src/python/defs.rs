//! Python definitions: functions, classes, decorators, parameter lists and
//! docstrings (assignments that define names live in `vars.rs`).

use plumb_facts::{DefKind, Definition, Param, ParamKind, Params, RefKind, Span};
use tree_sitter::Node;

use super::{Extractor, F, Level, Scope, qualify, visibility};
use crate::extractor::RecursiveWalk;
use crate::util;

const ENUM_BASES: &[&str] = &["Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum"];

impl<'s, 't> Extractor<'s, 't> {
    pub(super) fn decorated(&mut self, node: Node<'t>, sc: &Scope) {
        let mut is_static = false;
        let mut def = None;
        let mut c = self.cursor(node);
        if c.goto_first_child() {
            loop {
                let ch = c.node();
                if ch.kind() == "decorator" {
                    if let Some(e) = ch.named_child(0) {
                        if e.kind() == "identifier" && self.text(e) == "staticmethod" {
                            is_static = true;
                        }
                        self.decorator(e, sc);
                    }
                } else if c.field_name() == Some("definition") {
                    def = Some(ch);
                }
                if !c.goto_next_sibling() {
                    break;
                }
            }
        }
        self.release(c);
        if let Some(d) = def {
            match d.kind() {
                "function_definition" => self.function(d, node, is_static, sc),
                "class_definition" => self.class(d, node, sc),
                _ => self.walk_node(d, sc),
            }
        }
    }

    /// `@d` and `@a.b` call the decorator with the decorated object.
    fn decorator(&mut self, e: Node<'t>, sc: &Scope) {
        match e.kind() {
            "identifier" => {
                let name = self.text(e).into_owned();
                self.push_ref(name, RefKind::Call, None, e);
            }
            "attribute" => {
                let (Some(obj), Some(attr)) = (
                    e.child_by_field_id(F.object),
                    e.child_by_field_id(F.attribute),
                ) else {
                    return;
                };
                let q = util::fold_whitespace(&self.text(obj), 200);
                let name = self.text(attr).into_owned();
                self.push_ref(name, RefKind::Call, Some(q), attr);
                if Self::chain_root(obj).is_none() {
                    self.walk_node(obj, sc);
                }
            }
            _ => {
                self.walk_node(e, sc);
                return;
            }
        }
        if let Some(r) = self.facts.references.last_mut() {
            r.arg_count = Some(1);
        }
    }

    /// `def`: `outer` is the decorated_definition when there is one.
    pub(super) fn function(&mut self, def: Node<'t>, outer: Node<'t>, is_static: bool, sc: &Scope) {
        let Some(name_node) = def.child_by_field_id(F.name) else {
            return self.walk_node_children(def, sc);
        };
        let name = self.text(name_node).into_owned();
        let kind = if sc.level == Level::Class {
            DefKind::Method
        } else {
            DefKind::Function
        };
        if name == "__getattr__" || name == "__getattribute__" {
            self.facts.dynamic = true;
        }
        let body = def.child_by_field_id(F.body);
        let params_node = def.child_by_field_id(F.parameters);
        let with_receiver = kind == DefKind::Method && !is_static;
        let params = params_node.map(|p| self.param_list(p, with_receiver));
        let receiver = params.as_ref().and_then(|p| {
            p.list
                .first()
                .filter(|p| p.kind == ParamKind::Receiver)
                .map(|p| p.name.clone())
        });
        let qname = qualify(sc.container, &name);
        if sc.level == Level::Function {
            self.bind(name_node, sc.local);
        }
        let doc = body.and_then(|b| self.docstring(b));
        self.facts.definitions.push(Definition {
            visibility: visibility(&name),
            name,
            kind,
            container: sc.container.map(str::to_string),
            span: util::span(outer),
            name_span: util::span(name_node),
            doc,
            params: Some(params.unwrap_or_default()),
            signature: Some(util::signature(def, body, self.src)),
        });
        let local = util::span(def);
        if let Some(p) = params_node {
            self.walk_params(p, sc, local);
        }
        if let Some(rt) = def.child_by_field_id(F.return_type) {
            self.type_expr(rt, sc);
        }
        if let Some(b) = body {
            let inner = Scope {
                level: Level::Function,
                container: Some(&qname),
                local,
                receiver: receiver.as_deref(),
                class: if kind == DefKind::Method {
                    sc.container
                } else {
                    None
                },
                enum_class: false,
            };
            self.walk_node(b, &inner);
        }
    }

    fn walk_node_children(&mut self, node: Node<'t>, sc: &Scope) {
        self.walk_children_except(node, sc, |_, _| false);
    }

    pub(super) fn class(&mut self, def: Node<'t>, outer: Node<'t>, sc: &Scope) {
        let Some(name_node) = def.child_by_field_id(F.name) else {
            return self.walk_node_children(def, sc);
        };
        let name = self.text(name_node).into_owned();
        let body = def.child_by_field_id(F.body);
        let mut is_enum = false;
        if let Some(supers) = def.child_by_field_id(F.superclasses) {
            let mut c = self.cursor(supers);
            if c.goto_first_child() {
                loop {
                    let s = c.node();
                    match s.kind() {
                        "identifier" | "attribute" => {
                            self.type_expr(s, sc);
                            let last = self.text(s);
                            let last = last.rsplit('.').next().unwrap_or("");
                            if ENUM_BASES.contains(&last) {
                                is_enum = true;
                            }
                        }
                        "keyword_argument" => {
                            if let Some(v) = s.child_by_field_id(F.value) {
                                self.walk_node(v, sc);
                            }
                        }
                        "comment" => {}
                        _ if s.is_named() => self.walk_node(s, sc),
                        _ => {}
                    }
                    if !c.goto_next_sibling() {
                        break;
                    }
                }
            }
            self.release(c);
        }
        let params = body.and_then(|b| self.init_params(b));
        let doc = body.and_then(|b| self.docstring(b));
        let qname = qualify(sc.container, &name);
        if sc.level == Level::Function {
            self.bind(name_node, sc.local);
        }
        self.facts.definitions.push(Definition {
            visibility: visibility(&name),
            name,
            kind: if is_enum {
                DefKind::Enum
            } else {
                DefKind::Class
            },
            container: sc.container.map(str::to_string),
            span: util::span(outer),
            name_span: util::span(name_node),
            doc,
            params,
            signature: Some(util::signature(def, body, self.src)),
        });
        if let Some(b) = body {
            let inner = Scope {
                level: Level::Class,
                container: Some(&qname),
                local: util::span(def),
                receiver: None,
                class: None,
                enum_class: is_enum,
            };
            self.walk_node(b, &inner);
        }
    }

    /// The `__init__` parameters (receiver dropped) of a class body.
    fn init_params(&mut self, body: Node<'t>) -> Option<Params> {
        let mut found = None;
        let mut c = self.cursor(body);
        if c.goto_first_child() {
            loop {
                let mut d = c.node();
                if d.kind() == "decorated_definition"
                    && let Some(inner) = d.child_by_field_id(F.definition)
                {
                    d = inner;
                }
                if d.kind() == "function_definition"
                    && d.child_by_field_id(F.name)
                        .is_some_and(|n| self.text(n) == "__init__")
                {
                    found = d.child_by_field_id(F.parameters);
                }
                if !c.goto_next_sibling() {
                    break;
                }
            }
        }
        self.release(c);
        let mut p = self.param_list(found?, true);
        p.list.retain(|p| p.kind != ParamKind::Receiver);
        Some(p)
    }

    /// Parameters of a `def` or `lambda`, without walking anything.
    pub(super) fn param_list(&mut self, node: Node<'t>, with_receiver: bool) -> Params {
        let mut list: Vec<Param> = Vec::new();
        let mut keyword_only = false;
        let mut c = self.cursor(node);
        if c.goto_first_child() {
            loop {
                let p = c.node();
                let mut name_node = None;
                let mut kind = None;
                let mut has_default = false;
                let mut ty = None;
                match p.kind() {
                    "identifier" | "tuple_pattern" => name_node = Some(p),
                    "default_parameter" | "typed_default_parameter" => {
                        name_node = p.child_by_field_id(F.name);
                        has_default = true;
                        ty = p.child_by_field_id(F.ty);
                    }
                    "typed_parameter" => {
                        ty = p.child_by_field_id(F.ty);
                        if let Some(inner) = p.named_child(0) {
                            match inner.kind() {
                                "list_splat_pattern" => {
                                    kind = Some(ParamKind::VarPositional);
                                    name_node = inner.named_child(0);
                                }
                                "dictionary_splat_pattern" => {
                                    kind = Some(ParamKind::VarKeyword);
                                    name_node = inner.named_child(0);
                                }
                                _ => name_node = Some(inner),
                            }
                        }
                    }
                    "list_splat_pattern" => {
                        kind = Some(ParamKind::VarPositional);
                        name_node = p.named_child(0);
                    }
                    "dictionary_splat_pattern" => {
                        kind = Some(ParamKind::VarKeyword);
                        name_node = p.named_child(0);
                    }
                    "keyword_separator" => keyword_only = true,
                    "positional_separator" => {
                        for q in list.iter_mut() {
                            if q.kind == ParamKind::Positional {
                                q.kind = ParamKind::PositionalOnly;
                            }
                        }
                    }
                    _ => {}
                }
                if let Some(n) = name_node {
                    let kind = match kind {
                        Some(k) => {
                            if k == ParamKind::VarPositional {
                                keyword_only = true;
                            }
                            k
                        }
                        None if with_receiver && list.is_empty() => ParamKind::Receiver,
                        None if keyword_only => ParamKind::KeywordOnly,
                        None => ParamKind::Positional,
                    };
                    list.push(Param {
                        name: self.text(n).into_owned(),
                        kind,
                        has_default,
                        type_text: ty.map(|t| util::fold_whitespace(&self.text(t), 120)),
                    });
                }
                if !c.goto_next_sibling() {
                    break;
                }
            }
        }
        self.release(c);
        Params::new(list)
    }

    /// Bind parameter names as locals of `scope`; walk defaults and annotations in `sc`.
    pub(super) fn walk_params(&mut self, node: Node<'t>, sc: &Scope, scope: Span) {
        let mut c = self.cursor(node);
        if c.goto_first_child() {
            loop {
                let p = c.node();
                match p.kind() {
                    "identifier" | "tuple_pattern" => self.bind(p, scope),
                    "list_splat_pattern" | "dictionary_splat_pattern" => {
                        if let Some(n) = p.named_child(0) {
                            self.bind(n, scope);
                        }
                    }
                    "default_parameter" | "typed_default_parameter" | "typed_parameter" => {
                        let mut pc = self.cursor(p);
                        if pc.goto_first_child() {
                            loop {
                                let ch = pc.node();
                                match (pc.field_name(), ch.kind()) {
                                    (Some("name"), _) => self.bind(ch, scope),
                                    (Some("type"), _) => self.type_expr(ch, sc),
                                    (Some("value"), _) => self.walk_node(ch, sc),
                                    (None, "identifier") => self.bind(ch, scope),
                                    (None, "list_splat_pattern" | "dictionary_splat_pattern") => {
                                        if let Some(n) = ch.named_child(0) {
                                            self.bind(n, scope);
                                        }
                                    }
                                    _ => {}
                                }
                                if !pc.goto_next_sibling() {
                                    break;
                                }
                            }
                        }
                        self.release(pc);
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

    /// The docstring of a block: its first statement, when that is a string.
    fn docstring(&mut self, body: Node<'t>) -> Option<String> {
        let mut c = self.cursor(body);
        let mut found = None;
        if c.goto_first_child() {
            loop {
                let ch = c.node();
                if ch.kind() != "comment" {
                    if ch.kind() == "expression_statement"
                        && let Some(s) = ch.named_child(0)
                        && s.kind() == "string"
                    {
                        found = Some(s);
                    }
                    break;
                }
                if !c.goto_next_sibling() {
                    break;
                }
            }
        }
        self.release(c);
        clean_docstring(&self.text(found?))
    }
}

/// Strip quotes and prefixes from a docstring literal and dedent it like
/// `inspect.cleandoc`.
pub(super) fn clean_docstring(raw: &str) -> Option<String> {
    let s = raw.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let q = if s.starts_with("\"\"\"") || s.starts_with("'''") {
        3
    } else {
        1
    };
    if s.len() < 2 * q {
        return None;
    }
    let inner = s.get(q..s.len() - q)?;
    let mut lines = inner.lines();
    let first = lines.next().unwrap_or("").trim();
    let rest: Vec<&str> = lines.collect();
    let indent = rest
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out: Vec<&str> = Vec::with_capacity(rest.len() + 1);
    out.push(first);
    for l in rest {
        out.push(l.get(indent..).unwrap_or("").trim_end());
    }
    while out.first().is_some_and(|l| l.is_empty()) {
        out.remove(0);
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    if out.is_empty() {
        return None;
    }
    Some(util::truncate(&out.join("\n"), 2000))
}

//! Python definitions: functions, classes, parameters, docstrings and the
//! module/class/instance assignments that define variables and fields.

use plumb_facts::{DefKind, Definition, Param, ParamKind, Params, RefKind, Span};
use tree_sitter::Node;

use super::{Extractor, F, Level, MAX_DEPTH, Scope, qualify, visibility};
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
    fn param_list(&mut self, node: Node<'t>, with_receiver: bool) -> Params {
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
                let mut c = self.cursor(t);
                if c.goto_first_child() {
                    loop {
                        let ch = c.node();
                        if ch.is_named() {
                            self.target(ch, stmt, is_final, sc);
                        }
                        if !c.goto_next_sibling() {
                            break;
                        }
                    }
                }
                self.release(c);
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

//! JS definitions: functions, variable declarations, CommonJS exports and
//! prototype methods, parameter lists (classes live in `class.rs`).

use std::collections::HashMap;

use plumb_facts::{DefKind, Definition, Param, ParamKind, Params, Visibility};
use tree_sitter::Node;

use super::{Extractor, Level, Scope, qualify};
use crate::extractor::RecursiveWalk;
use crate::util;

/// Whether a value node is a function that a variable names.
pub(crate) fn is_function_value(n: Node) -> bool {
    matches!(
        n.kind(),
        "arrow_function" | "function_expression" | "function" | "generator_function"
    )
}

impl<'s, 't> Extractor<'s, 't> {
    /// The node whose span and leading comments a declaration owns: its
    /// `export` statement when it has one.
    pub fn outer(&self, decl: Node<'t>) -> Node<'t> {
        match self.export_stmt {
            Some(e)
                if e.child_by_field_name("declaration")
                    .is_some_and(|d| d.id() == decl.id()) =>
            {
                e
            }
            _ => decl,
        }
    }

    /// Module-level visibility: exported (or ambient) declarations are Public.
    pub fn module_visibility(&self, sc: &Scope) -> Visibility {
        if sc.exported {
            Visibility::Public
        } else {
            Visibility::Private
        }
    }

    /// Push a definition; `outer` gives the span and the leading comments.
    #[allow(clippy::too_many_arguments)]
    pub fn define(
        &mut self,
        name: String,
        kind: DefKind,
        container: Option<&str>,
        name_node: Node,
        outer: Node,
        header: Node,
        body: Option<Node>,
        visibility: Visibility,
        params: Option<Params>,
    ) {
        let run = self
            .comment_runs
            .get(&outer.id())
            .map_or(&[][..], Vec::as_slice);
        let doc = util::adjacent_comments(run, outer, self.src, super::is_comment);
        self.facts.definitions.push(Definition {
            name,
            kind,
            container: container.map(str::to_string),
            span: util::span(outer),
            name_span: util::span(name_node),
            visibility,
            doc,
            params,
            signature: Some(util::signature(header, body, self.src)),
        });
    }

    pub(super) fn function_decl(&mut self, node: Node<'t>, sc: &Scope) {
        let Some(name_node) = node.child_by_field_name("name") else {
            return self.function_like(node, None, sc);
        };
        let name = self.text(name_node).into_owned();
        let vis = match sc.level {
            Level::Module => self.module_visibility(sc),
            _ => Visibility::Private,
        };
        if matches!(sc.level, Level::Function | Level::Block) {
            self.bind(name_node, sc.local, sc);
        }
        let params = node
            .child_by_field_name("parameters")
            .and_then(|p| self.known_params(p));
        let outer = self.outer(node);
        let body = node.child_by_field_name("body");
        self.define(
            name.clone(),
            DefKind::Function,
            sc.container,
            name_node,
            outer,
            node,
            body,
            vis,
            params,
        );
        let q = qualify(sc.container, &name);
        self.function_like(node, Some(&q), sc);
    }

    /// Walk a function's parameters and body; `qname` names it when it is a definition.
    ///
    /// A named function is the last definition pushed; a body that reads
    /// `arguments` makes it variadic.
    pub fn function_like(&mut self, f: Node<'t>, qname: Option<&str>, sc: &Scope) {
        let saved_fn = self.current_fn;
        self.current_fn = if f.kind() == "arrow_function" {
            // Arrows see their enclosing function's `arguments`.
            saved_fn
        } else {
            qname.and_then(|_| self.facts.definitions.len().checked_sub(1))
        };
        // A plain function has its own `this`; methods and arrows keep the class's.
        let saved_class = match f.kind() {
            "method_definition" | "arrow_function" => self.this_class.clone(),
            _ => self.this_class.take(),
        };
        let rebinds_this = match f.kind() {
            "function_expression"
            | "function"
            | "generator_function"
            | "function_declaration"
            | "generator_function_declaration" => true,
            "method_definition" => f.parent().is_none_or(|p| p.kind() != "class_body"),
            _ => false,
        };
        if rebinds_this {
            crate::extractor::bind_once(&mut self.facts.locals, "this", util::span(f));
        }
        self.function_body(f, qname, sc);
        self.current_fn = saved_fn;
        self.this_class = saved_class;
    }

    fn function_body(&mut self, f: Node<'t>, qname: Option<&str>, sc: &Scope) {
        let scope = util::span(f);
        let inner = Scope {
            level: Level::Function,
            container: qname.or(sc.container),
            local: scope,
            exported: false,
        };
        let mut c = self.cursor(f);
        if c.goto_first_child() {
            loop {
                let ch = c.node();
                match c.field_name() {
                    Some("parameters") => self.walk_params(ch, &inner),
                    Some("parameter") => self.bind(ch, scope, &inner),
                    Some("body") => {
                        if ch.kind() == "statement_block" {
                            self.walk_kids(ch, &inner)
                        } else {
                            self.walk_node(ch, &inner)
                        }
                    }
                    Some("name") => {
                        if qname.is_none() && f.kind() != "method_definition" {
                            self.bind(ch, scope, &inner);
                        } else if f.kind() == "method_definition"
                            && ch.kind() == "computed_property_name"
                        {
                            self.walk_node(ch, sc);
                        }
                    }
                    Some("type_parameters") => self.walk_node(ch, &inner),
                    _ if ch.is_named() && ch.kind() != "comment" => self.walk_node(ch, &inner),
                    _ => {}
                }
                if !c.goto_next_sibling() {
                    break;
                }
            }
        }
        self.release(c);
    }

    /// Bind parameters as locals of `inner` and walk defaults, types, decorators.
    fn walk_params(&mut self, params: Node<'t>, inner: &Scope) {
        for p in self.kids(params) {
            match p.kind() {
                "required_parameter" | "optional_parameter" => {
                    for k in self.kids(p) {
                        match k.kind() {
                            "accessibility_modifier" | "override_modifier" | "this" => {}
                            _ => {}
                        }
                    }
                    if let Some(pat) = p.child_by_field_name("pattern") {
                        self.bind(pat, inner.local, inner);
                    }
                    for f in ["type", "value", "decorator"] {
                        if let Some(n) = p.child_by_field_name(f) {
                            self.walk_node(n, inner);
                        }
                    }
                }
                _ => self.bind(p, inner.local, inner),
            }
        }
    }

    /// [`Self::param_list`], unless the list did not parse (tree-sitter
    /// misreads TypeScript's `(getNext: (any) => any)`): no arity is better
    /// than a wrong one.
    pub fn known_params(&mut self, params: Node<'t>) -> Option<Params> {
        (!params.has_error()).then(|| self.param_list(params))
    }

    /// The parameter list of a JS or TS function, without walking anything.
    pub fn param_list(&mut self, params: Node<'t>) -> Params {
        let mut list = Vec::new();
        for p in self.kids(params) {
            let (mut pat, mut has_default, mut ty) = (Some(p), false, None);
            if matches!(p.kind(), "required_parameter" | "optional_parameter") {
                pat = p.child_by_field_name("pattern");
                ty = p.child_by_field_name("type");
                has_default =
                    p.kind() == "optional_parameter" || p.child_by_field_name("value").is_some();
            }
            let Some(mut pat) = pat else { continue };
            if pat.kind() == "assignment_pattern" {
                has_default = true;
                match pat.child_by_field_name("left") {
                    Some(l) => pat = l,
                    None => continue,
                }
            }
            let mut kind = ParamKind::Positional;
            let name = match pat.kind() {
                "rest_pattern" => {
                    kind = ParamKind::VarPositional;
                    pat.named_child(0)
                        .map(|n| util::fold_whitespace(&self.text(n), 40))
                        .unwrap_or_default()
                }
                "this" => {
                    kind = ParamKind::Receiver;
                    "this".to_string()
                }
                _ => util::fold_whitespace(&self.text(pat), 40),
            };
            let type_text = ty.map(|t| {
                let s = self.text(t);
                util::fold_whitespace(s.trim_start_matches(':').trim_start(), 120)
            });
            list.push(Param {
                name,
                kind,
                has_default,
                type_text,
            });
        }
        Params::new(list)
    }

    /// The function a declarator's value is: itself, or through
    /// `(module.exports = function …)` (node-postgres' `const Client =
    /// (module.exports = function (config) {…})`), which exports it too.
    fn exported_function(&self, v: Node<'t>) -> Option<Node<'t>> {
        let mut v = v;
        for _ in 0..4 {
            match v.kind() {
                "parenthesized_expression" => v = v.named_child(0)?,
                "assignment_expression" => {
                    let left = v.child_by_field_name("left")?;
                    let l = self.text(left);
                    if !(l.starts_with("module.exports") || l.starts_with("exports")) {
                        return None;
                    }
                    v = v.child_by_field_name("right")?;
                }
                _ => break,
            }
        }
        is_function_value(v).then_some(v)
    }

    pub(super) fn declaration(&mut self, node: Node<'t>, sc: &Scope) {
        let is_const = node.child(0).is_some_and(|k| k.kind() == "const");
        let outer = self.outer(node);
        for d in self.kids(node) {
            if d.kind() != "variable_declarator" {
                self.walk_node(d, sc);
                continue;
            }
            let name = d.child_by_field_name("name");
            let value = d.child_by_field_name("value");
            if let Some(t) = d.child_by_field_name("type") {
                self.walk_node(t, sc);
            }
            let is_require = value.is_some_and(|v| {
                v.kind() == "call_expression"
                    && v.child_by_field_name("function")
                        .is_some_and(|f| self.text(f) == "require")
            });
            let member = value
                .filter(|_| name.is_some_and(|n| n.kind() == "identifier"))
                .and_then(|v| self.required_member(v));
            if let Some((call, m)) = member {
                self.call_bound(call, name, Some(m), sc);
                if sc.level != Level::Module
                    && let Some(n) = name
                {
                    self.bind(n, sc.local, sc);
                }
                continue;
            }
            if is_require && let Some(v) = value {
                self.call_bound(v, name, None, sc);
                if sc.level != Level::Module
                    && let Some(n) = name
                {
                    self.bind(n, sc.local, sc);
                }
                continue;
            }
            let Some(name) = name else { continue };
            let fn_value = value.and_then(|v| self.exported_function(v));
            let class_value = value.filter(|v| v.kind() == "class");
            let local = sc.level != Level::Module;
            if local {
                self.bind(name, sc.local, sc);
            }
            if name.kind() == "identifier"
                && (fn_value.is_some() || class_value.is_some() || !local)
            {
                let n = self.text(name).into_owned();
                let vis = if local {
                    Visibility::Private
                } else {
                    self.module_visibility(sc)
                };
                if let Some(f) = fn_value {
                    let params = f
                        .child_by_field_name("parameters")
                        .and_then(|p| self.known_params(p));
                    let params = params.or_else(|| {
                        f.child_by_field_name("parameter")
                            .map(|_| single_param(self, f))
                    });
                    let body = f.child_by_field_name("body");
                    self.define(
                        n.clone(),
                        DefKind::Function,
                        sc.container,
                        name,
                        outer,
                        d,
                        body,
                        vis,
                        params,
                    );
                    let q = qualify(sc.container, &n);
                    self.function_like(f, Some(&q), sc);
                    continue;
                }
                if let Some(c) = class_value {
                    self.class(c, Some((name, outer)), sc);
                    continue;
                }
                let kind = if is_const {
                    DefKind::Constant
                } else {
                    DefKind::Variable
                };
                let extended = value
                    .filter(|_| !local)
                    .and_then(|v| Some((v, self.extended_literal(v)?)));
                self.define(
                    n.clone(),
                    kind,
                    sc.container,
                    name,
                    outer,
                    d,
                    None,
                    vis,
                    None,
                );
                if let Some((call, lit)) = extended {
                    self.extend_call(&n, call, lit, sc);
                    continue;
                }
            } else if !local {
                self.module_pattern(name, is_const, outer, sc);
            }
            if let Some(v) = value {
                self.walk_node(v, sc);
            }
        }
    }

    /// `const {a, b: [c]} = x` at module level: one definition per name.
    fn module_pattern(&mut self, pat: Node<'t>, is_const: bool, outer: Node<'t>, sc: &Scope) {
        if self.depth > super::MAX_DEPTH {
            return;
        }
        self.depth += 1;
        self.module_pattern_inner(pat, is_const, outer, sc);
        self.depth -= 1;
    }

    fn module_pattern_inner(&mut self, pat: Node<'t>, is_const: bool, outer: Node<'t>, sc: &Scope) {
        match pat.kind() {
            "identifier" | "shorthand_property_identifier_pattern" => {
                let n = self.text(pat).into_owned();
                let kind = if is_const {
                    DefKind::Constant
                } else {
                    DefKind::Variable
                };
                let vis = self.module_visibility(sc);
                self.define(n, kind, sc.container, pat, outer, pat, None, vis, None);
            }
            "pair_pattern" => {
                if let Some(v) = pat.child_by_field_name("value") {
                    self.module_pattern(v, is_const, outer, sc);
                }
            }
            "assignment_pattern" | "object_assignment_pattern" => {
                if let Some(l) = pat.child_by_field_name("left") {
                    self.module_pattern(l, is_const, outer, sc);
                }
                if let Some(r) = pat.child_by_field_name("right") {
                    self.walk_node(r, sc);
                }
            }
            _ => {
                for k in self.kids(pat) {
                    self.module_pattern(k, is_const, outer, sc);
                }
            }
        }
    }

    /// `exports.f = ...`, `module.exports = {...}`, `A.prototype.m = function`.
    pub(super) fn assignment(&mut self, node: Node<'t>, sc: &Scope) {
        let left = node.child_by_field_name("left");
        let right = node.child_by_field_name("right");
        let (Some(l), Some(r)) = (left, right) else {
            return self.walk_kids(node, sc);
        };
        if l.kind() == "member_expression"
            && let Some(class) = self.this_class.clone()
            && l.child_by_field_name("object")
                .is_some_and(|o| o.kind() == "this")
            && let Some(p) = l.child_by_field_name("property")
        {
            // `this.x = ...` in a method declares field `x` of the class, once.
            let name = self.text(p).into_owned();
            if self.fields.insert(qualify(Some(&class), &name)) {
                let vis = if p.kind() == "private_property_identifier" {
                    Visibility::Private
                } else {
                    Visibility::Public
                };
                self.define(
                    name,
                    DefKind::Field,
                    Some(&class),
                    p,
                    node,
                    node,
                    None,
                    vis,
                    None,
                );
            }
            return self.walk_node(r, sc);
        }
        // `globalThis[name] = …` makes bare names at run time. (`exports[name]
        // = …` only opens the module's exports, which the checker reads
        // from the text; the file's own bare names stay known.)
        if l.kind() == "subscript_expression"
            && l.child_by_field_name("object").is_some_and(|o| {
                matches!(self.text(o).as_ref(), "globalThis" | "window" | "global")
            })
        {
            self.facts.dynamic = true;
        }
        // `Lexer.prototype = { constructor: Lexer, advance: function () {…} }`
        // (pug): the literal's keys are A's members, run with `this` an A.
        if l.kind() == "member_expression"
            && r.kind() == "object"
            && sc.level != Level::Class
            && let Some(obj) = l.child_by_field_name("object")
            && obj.kind() == "identifier"
            && l.child_by_field_name("property")
                .is_some_and(|p| self.text(p) == "prototype")
        {
            let class = self.text(obj).into_owned();
            return self.mixin_members(&class, r, sc);
        }
        // `A.prototype['m'] = function …` (mysql's packet handlers): as
        // `A.prototype.m`, the key being a plain string.
        if l.kind() == "subscript_expression"
            && sc.level != Level::Class
            && let Some(obj) = l.child_by_field_name("object")
            && let Some(key) = l.child_by_field_name("index")
            && key.kind() == "string"
            && key.named_child_count() <= 1
        {
            let o = self.text(obj).into_owned();
            let class = o
                .strip_suffix(".prototype")
                .or_else(|| self.prototype_aliases.get(&o).map(String::as_str))
                .map(str::to_string);
            let name = self.text(key).trim_matches(['\'', '"']).to_string();
            let plain = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '$');
            if let Some(class) = class.filter(|_| plain) {
                let stmt = statement_of(node);
                return self.assigned_def(
                    name,
                    DefKind::Method,
                    Some(&class),
                    key,
                    stmt,
                    r,
                    Visibility::Public,
                    sc,
                );
            }
        }
        // `internals.Core = class {…}` / `exports.Server = class {…}` (hapi):
        // a class named by the property, whose methods know their `this`.
        if l.kind() == "member_expression"
            && r.kind() == "class"
            && r.child_by_field_name("name").is_none()
            && let Some(p) = l.child_by_field_name("property")
        {
            let stmt = statement_of(node);
            self.walk_node(l, sc);
            return self.class(r, Some((p, stmt)), sc);
        }
        if l.kind() == "member_expression" && sc.level != Level::Class {
            let obj = l
                .child_by_field_name("object")
                .map(|o| self.text(o).into_owned());
            let prop = l.child_by_field_name("property");
            // What the assignment defines: (name node, kind, container).
            let member = match (obj.as_deref(), prop) {
                (Some("module"), Some(p)) if self.text(p) == "exports" => {
                    self.module_exports(r);
                    None
                }
                // `global.$require = require('proxyquire')` in a test bootstrap:
                // a global every file may call.
                (
                    Some("exports" | "module.exports" | "global" | "globalThis" | "window"),
                    Some(p),
                ) => Some((p, DefKind::Function, None)),
                // `A.prototype.m = function …` is a method; `A.prototype.m =
                // helpers.m` (knex) or `= build('alter')` a member whose
                // value the adapter cannot read (a Variable).
                (Some(o), Some(p)) if o.ends_with(".prototype") => {
                    let class = o.trim_end_matches(".prototype").to_string();
                    Some((p, DefKind::Method, Some(class)))
                }
                // `pp.m = function …` with `const pp = Parser.prototype`.
                (Some(o), Some(p)) if self.prototype_aliases.contains_key(o) => {
                    let class = self.prototype_aliases[o].clone();
                    Some((p, DefKind::Method, Some(class)))
                }
                // `Base.color = function …` / `Base.maxSize = 80` beside
                // `class Base` (or `function Base`) of this module: a static
                // member. Its `this` is the class object, so a function value
                // is a Function (it keeps its own `this`), not a Method.
                // (Also in a block at module level: ssh2's `{ const re = …;
                // OpenSSH_Private.parse = (str) => … }`.)
                (Some(o), Some(p))
                    if matches!(sc.level, Level::Module | Level::Block)
                        && p.kind() == "property_identifier"
                        && self.declares_class_like(o) =>
                {
                    Some((p, DefKind::Function, Some(o.to_string())))
                }
                // `Object.deepFreeze = function …` (a polyfill), `$.tooltip =
                // …`: a member the module hangs on a global it does not
                // declare, as a static of that global.
                (Some(o), Some(p))
                    if matches!(sc.level, Level::Module | Level::Block)
                        && p.kind() == "property_identifier"
                        && !o.is_empty()
                        && o.chars()
                            .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
                        && !o.starts_with(|c: char| c.is_ascii_digit())
                        && o != "this"
                        && !self.top_names.contains(o) =>
                {
                    Some((p, DefKind::Function, Some(o.to_string())))
                }
                _ => None,
            };
            if let Some((p, kind, container)) = member {
                let name = self.text(p).into_owned();
                let stmt = statement_of(node);
                return self.assigned_def(
                    name,
                    kind,
                    container.as_deref(),
                    p,
                    stmt,
                    r,
                    Visibility::Public,
                    sc,
                );
            }
        }
        self.walk_node(l, sc);
        self.walk_node(r, sc);
    }

    /// Whether the module declares a class or function named `name` at its
    /// top (anywhere in the file: function declarations hoist).
    fn declares_class_like(&self, name: &str) -> bool {
        self.class_like.contains(name)
    }

    /// Collect the names of the top-level class and function declarations
    /// (also `export`ed ones) into `class_like`.
    pub(super) fn prescan_class_like(&mut self, root: Node<'t>) {
        for k in self.kids(root) {
            let decl = if k.kind() == "export_statement" {
                k.child_by_field_name("declaration")
            } else {
                Some(k)
            };
            let Some(decl) = decl else {
                continue;
            };
            if matches!(
                decl.kind(),
                "class_declaration"
                    | "abstract_class_declaration"
                    | "function_declaration"
                    | "generator_function_declaration"
            ) && let Some(n) = decl.child_by_field_name("name")
            {
                let name = self.text(n).into_owned();
                self.class_like.insert(name.clone());
                self.top_names.insert(name);
            }
            // `let Style = function (cy) {…}` (cytoscape), `const C = class
            // {…}`: a constructor too, whose statics `Style.fromJson =
            // function` defines.
            if matches!(decl.kind(), "lexical_declaration" | "variable_declaration") {
                for d in self.kids(decl) {
                    let (Some(n), Some(v)) = (
                        d.child_by_field_name("name"),
                        d.child_by_field_name("value"),
                    ) else {
                        continue;
                    };
                    if n.kind() == "identifier"
                        && matches!(
                            v.kind(),
                            "function_expression" | "function" | "class" | "generator_function"
                        )
                    {
                        let name = self.text(n).into_owned();
                        self.class_like.insert(name);
                    }
                }
            }
            // (Every identifier a declarator's name or an import binds.)
            let bound: Vec<Node<'t>> = match decl.kind() {
                "lexical_declaration" | "variable_declaration" => self
                    .kids(decl)
                    .into_iter()
                    .filter(|d| d.kind() == "variable_declarator")
                    .filter_map(|d| d.child_by_field_name("name"))
                    .collect(),
                "import_statement" => self.kids(decl),
                _ => Vec::new(),
            };
            for b in bound {
                self.collect_identifiers(b);
            }
        }
    }

    /// Every identifier in `node` into `top_names` (iteratively: a
    /// pattern may nest deeper than the stack allows).
    fn collect_identifiers(&mut self, node: Node<'t>) {
        let mut todo = vec![node];
        while let Some(n) = todo.pop() {
            match n.kind() {
                "identifier" | "shorthand_property_identifier_pattern" => {
                    let name = self.text(n).into_owned();
                    self.top_names.insert(name);
                }
                "string" => {}
                _ => todo.extend(self.kids(n)),
            }
        }
    }

    /// Collect the module's top-level `const pp = Parser.prototype` (also
    /// `let`, `var`, exported, or at the top of a function a top-level
    /// call runs, as a UMD bundle's factory: moment.js' `var proto =
    /// Moment.prototype`) into `prototype_aliases`; a name declared so
    /// twice is nobody's alias.
    pub(super) fn prescan_prototype_aliases(&mut self, root: Node<'t>) {
        let mut seen: HashMap<String, Option<String>> = HashMap::new();
        let mut statements = self.kids(root);
        for k in statements.clone() {
            for body in self.called_function_bodies(k) {
                statements.extend(self.kids(body));
            }
        }
        for k in statements {
            let decl = if k.kind() == "export_statement" {
                k.child_by_field_name("declaration")
            } else {
                Some(k)
            };
            let Some(decl) =
                decl.filter(|d| matches!(d.kind(), "lexical_declaration" | "variable_declaration"))
            else {
                continue;
            };
            for d in self.kids(decl) {
                let (Some(name), Some(value)) = (
                    d.child_by_field_name("name"),
                    d.child_by_field_name("value"),
                ) else {
                    continue;
                };
                if name.kind() != "identifier" {
                    continue;
                }
                let class = (value.kind() == "member_expression")
                    .then(|| {
                        let obj = value.child_by_field_name("object")?;
                        let prop = value.child_by_field_name("property")?;
                        (obj.kind() == "identifier" && self.text(prop) == "prototype")
                            .then(|| self.text(obj).into_owned())
                    })
                    .flatten();
                let alias = self.text(name).into_owned();
                let entry = seen.entry(alias).or_insert(class.clone());
                if *entry != class {
                    *entry = None;
                }
            }
        }
        self.prototype_aliases = seen
            .into_iter()
            .filter_map(|(a, c)| Some((a, c?)))
            .collect();
    }

    /// The bodies of the functions a top-level expression statement calls
    /// or hands to the call: `(function () {…})()`, `!function () {…}()`,
    /// and a UMD wrapper's factory, `(function (global, factory) {…}(this,
    /// function () {…}))`.
    fn called_function_bodies(&mut self, stmt: Node<'t>) -> Vec<Node<'t>> {
        let unwrap = |mut n: Node<'t>| {
            while matches!(n.kind(), "parenthesized_expression" | "unary_expression") {
                match n.named_child((n.named_child_count() as u32).saturating_sub(1)) {
                    Some(inner) => n = inner,
                    None => break,
                }
            }
            n
        };
        if stmt.kind() != "expression_statement" {
            return Vec::new();
        }
        let Some(call) = stmt.named_child(0).map(unwrap) else {
            return Vec::new();
        };
        if call.kind() != "call_expression" {
            return Vec::new();
        }
        let mut functions: Vec<Node<'t>> = call
            .child_by_field_name("function")
            .map(unwrap)
            .into_iter()
            .collect();
        if let Some(args) = call.child_by_field_name("arguments") {
            functions.extend(self.kids(args).into_iter().map(unwrap));
        }
        functions
            .into_iter()
            .filter(|f| {
                matches!(
                    f.kind(),
                    "function_expression" | "function" | "arrow_function"
                )
            })
            .filter_map(|f| f.child_by_field_name("body"))
            .filter(|b| b.kind() == "statement_block")
            .collect()
    }

    /// A definition made by assigning `value` to a member; Variable when the
    /// value is not a function.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn assigned_def(
        &mut self,
        name: String,
        fn_kind: DefKind,
        container: Option<&str>,
        name_node: Node<'t>,
        stmt: Node<'t>,
        value: Node<'t>,
        vis: Visibility,
        sc: &Scope,
    ) {
        if is_function_value(value) {
            let params = value
                .child_by_field_name("parameters")
                .and_then(|p| self.known_params(p));
            let params = params.or_else(|| {
                value
                    .child_by_field_name("parameter")
                    .map(|_| single_param(self, value))
            });
            let body = value.child_by_field_name("body");
            self.define(
                name.clone(),
                fn_kind,
                container,
                name_node,
                stmt,
                stmt,
                body,
                vis,
                params,
            );
            let q = qualify(container, &name);
            self.function_like(value, Some(&q), sc);
            if fn_kind == DefKind::Method {
                // `A.prototype.m = function` runs with `this` an A.
                let scope = util::span(value);
                self.facts
                    .locals
                    .retain(|l| !(l.name == "this" && l.scope == scope));
            }
        } else {
            self.define(
                name,
                DefKind::Variable,
                container,
                name_node,
                stmt,
                stmt,
                None,
                vis,
                None,
            );
            self.walk_node(value, sc);
        }
    }

    /// `module.exports = { a, b: c }` / `= name`: those names are Public.
    fn module_exports(&mut self, value: Node<'t>) {
        match value.kind() {
            "identifier" => self.exported.push(self.text(value).into_owned()),
            "object" => {
                for k in self.kids(value) {
                    match k.kind() {
                        "shorthand_property_identifier" => {
                            self.exported.push(self.text(k).into_owned())
                        }
                        "pair" => {
                            if let Some(v) = k
                                .child_by_field_name("value")
                                .filter(|v| v.kind() == "identifier")
                            {
                                self.exported.push(self.text(v).into_owned());
                            }
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
}

/// `x => ...`: one positional parameter.
pub(super) fn single_param(ex: &Extractor, f: Node) -> Params {
    let name = f
        .child_by_field_name("parameter")
        .map(|p| ex.text(p).into_owned())
        .unwrap_or_default();
    Params::new(vec![Param {
        name,
        kind: ParamKind::Positional,
        has_default: false,
        type_text: None,
    }])
}

/// The expression statement an assignment makes up, or the assignment
/// itself (the span its definition gets).
fn statement_of(node: Node<'_>) -> Node<'_> {
    node.parent()
        .filter(|s| s.kind() == "expression_statement")
        .unwrap_or(node)
}

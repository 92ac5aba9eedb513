//! JS references and imports: calls, `new`, member uses of imported names,
//! `import`/`export ... from`/`require`/`import()`.

use plumb_facts::{DefKind, Import, ImportedName, RefKind, Visibility};
use tree_sitter::Node;

use super::{Extractor, Scope, unquote};
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
        if t == "arguments" {
            self.mark_variadic();
            return;
        }
        if self.imported.contains(t.as_ref()) {
            let name = t.into_owned();
            self.push_ref(name, RefKind::Use, None, node);
        }
    }

    /// The current named function reads `arguments`: it takes any number of them.
    fn mark_variadic(&mut self) {
        let Some(d) = self
            .current_fn
            .and_then(|i| self.facts.definitions.get_mut(i))
        else {
            return;
        };
        if let Some(p) = &mut d.params
            && !p.is_variadic()
        {
            p.list.push(plumb_facts::Param {
                name: "arguments".into(),
                kind: plumb_facts::ParamKind::VarPositional,
                has_default: false,
                type_text: None,
            });
        }
    }

    /// The root identifier of a dotted chain `a.b.c`, if it is one.
    pub fn chain_root(node: Node<'t>) -> Option<Node<'t>> {
        let mut n = node;
        loop {
            match n.kind() {
                "identifier" => return Some(n),
                "member_expression" | "nested_identifier" => n = n.child_by_field_name("object")?,
                _ => return None,
            }
        }
    }

    pub(super) fn member(&mut self, node: Node<'t>, sc: &Scope) {
        let Some(obj) = node.child_by_field_name("object") else {
            return;
        };
        match Self::chain_root(obj) {
            Some(root) => {
                if self.text(root) == "arguments" {
                    self.mark_variadic();
                }
                if self.imported.contains(self.text(root).as_ref())
                    && let Some(p) = node.child_by_field_name("property")
                {
                    let q = util::fold_whitespace(&self.text(obj), 200);
                    let name = self.text(p).into_owned();
                    self.push_ref(name, RefKind::Use, Some(q), p);
                }
            }
            None => self.walk_node(obj, sc),
        }
    }

    /// Whether the `eval` callee `f` is called with one string literal that
    /// is only a name or a dotted path (bottleneck's `eval("require")`,
    /// which hides `require` from bundlers): that reads a name, it binds
    /// none.
    fn evaluates_a_name(&self, f: Node<'t>) -> bool {
        let Some(args) = f.parent().and_then(|c| c.child_by_field_name("arguments")) else {
            return false;
        };
        let mut cursor = args.walk();
        let named: Vec<Node> = args.named_children(&mut cursor).collect();
        let [arg] = named.as_slice() else {
            return false;
        };
        let text = self.text(*arg);
        arg.kind() == "string"
            && text.len() > 2
            && text[1..text.len() - 1].split('.').all(|part| {
                part.chars()
                    .next()
                    .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$')
                    && part
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
            })
    }

    /// A Call reference for a callee (`f`, `a.b.f`), walking what it contains.
    /// Returns the index of the pushed reference.
    fn callee(&mut self, f: Node<'t>, sc: &Scope) -> Option<usize> {
        match f.kind() {
            "identifier" => {
                let name = self.text(f).into_owned();
                if name == "eval" && !self.evaluates_a_name(f) {
                    self.facts.dynamic = true;
                }
                self.push_ref(name, RefKind::Call, None, f);
                Some(self.facts.references.len() - 1)
            }
            "member_expression" => {
                let obj = f.child_by_field_name("object")?;
                let prop = f.child_by_field_name("property")?;
                let q = util::fold_whitespace(&self.text(obj), 200);
                let name = self.text(prop).into_owned();
                self.push_ref(name, RefKind::Call, Some(q), prop);
                let idx = self.facts.references.len() - 1;
                if Self::chain_root(obj).is_none() {
                    self.walk_node(obj, sc);
                }
                Some(idx)
            }
            _ => {
                self.walk_node(f, sc);
                None
            }
        }
    }

    /// Count and walk call arguments, filling the reference at `idx`.
    fn arguments(&mut self, args: Option<Node<'t>>, idx: Option<usize>, sc: &Scope) {
        let (mut count, mut spread, mut known) = (0u32, false, true);
        if let Some(a) = args {
            if a.kind() == "arguments" {
                for k in self.kids(a) {
                    if k.kind() == "spread_element" {
                        spread = true;
                    } else {
                        count += 1;
                    }
                    self.walk_node(k, sc);
                }
            } else {
                // A tagged template: the callee receives the strings and substitutions.
                known = false;
                self.walk_node(a, sc);
            }
        }
        if let Some(i) = idx {
            let r = &mut self.facts.references[i];
            r.arg_count = known.then_some(count);
            r.has_spread = spread;
        }
    }

    pub(super) fn call(&mut self, node: Node<'t>, sc: &Scope) {
        self.call_bound(node, None, None, sc)
    }

    /// `require('m').Y` as a declarator's value: the call and `Y`.
    pub(super) fn required_member(&self, v: Node<'t>) -> Option<(Node<'t>, String)> {
        if v.kind() != "member_expression" {
            return None;
        }
        let call = v.child_by_field_name("object")?;
        let prop = v.child_by_field_name("property")?;
        let is_require = call.kind() == "call_expression"
            && call
                .child_by_field_name("function")
                .is_some_and(|f| self.text(f) == "require");
        (is_require && prop.kind() == "property_identifier")
            .then(|| (call, self.text(prop).into_owned()))
    }

    /// A call; `binding` is the declarator name it initialises (for
    /// `require`), `member` the export it takes (`const X =
    /// require('m').Y` binds `X` to m's `Y`, as `import {Y as X}` does).
    pub(super) fn call_bound(
        &mut self,
        node: Node<'t>,
        binding: Option<Node<'t>>,
        member: Option<String>,
        sc: &Scope,
    ) {
        let func = node.child_by_field_name("function");
        let args = node.child_by_field_name("arguments");
        if let Some(f) = func {
            let is_require = f.kind() == "identifier" && self.text(f) == "require";
            if f.kind() == "import" || is_require {
                let first = args.and_then(|a| self.kids(a).into_iter().next());
                match first.filter(|s| s.kind() == "string") {
                    Some(s) => {
                        let module = unquote(&self.text(s)).to_string();
                        let mut imp = import_of(module, node);
                        match (binding, member) {
                            (Some(b), Some(m)) if b.kind() == "identifier" => {
                                let x = self.text(b).into_owned();
                                self.imported.insert(x.clone());
                                imp.names.push(ImportedName {
                                    alias: (x != m).then_some(x),
                                    name: m,
                                });
                            }
                            (Some(b), None) => self.require_binding(&mut imp, b),
                            _ => {}
                        }
                        self.facts.imports.push(imp);
                    }
                    // A computed path loads a module the file names at run
                    // time, but binds no new name: not dynamic.
                    None => {
                        if let Some(a) = args {
                            self.walk_node(a, sc);
                        }
                    }
                }
                return;
            }
        }
        if let Some(t) = node.child_by_field_name("type_arguments") {
            self.walk_node(t, sc);
        }
        let idx = func.and_then(|f| self.callee(f, sc));
        let mixed = func.zip(args).and_then(|(f, a)| self.mixin_literal(f, a));
        match mixed {
            Some((class, lit)) => {
                self.mixin_members(&class, lit, sc);
                let count = self.kids(args.unwrap()).len() as u32;
                for k in self.kids(args.unwrap()) {
                    if k != lit {
                        self.walk_node(k, sc);
                    }
                }
                if let Some(i) = idx {
                    self.facts.references[i].arg_count = Some(count);
                }
            }
            None => self.arguments(args, idx, sc),
        }
    }

    /// `Layer.include({…})` (Leaflet), `Foo.mixin({…})`, `Foo.implement({…})`:
    /// the class named and the object literal whose members it takes.
    fn mixin_literal(&mut self, f: Node<'t>, args: Node<'t>) -> Option<(String, Node<'t>)> {
        if f.kind() != "member_expression" || args.kind() != "arguments" {
            return None;
        }
        let obj = f.child_by_field_name("object")?;
        let prop = f.child_by_field_name("property")?;
        if obj.kind() != "identifier"
            || !matches!(self.text(prop).as_ref(), "include" | "mixin" | "implement")
        {
            return None;
        }
        let kids = self.kids(args);
        match kids.as_slice() {
            [lit] if lit.kind() == "object" => Some((self.text(obj).into_owned(), *lit)),
            _ => None,
        }
    }

    /// `B.extend({…})` or `B.extend({…}, {…})` as the value a module-level
    /// variable is declared with (Backbone's and bookshelf's classes:
    /// `const Model = ModelBase.extend({ save() { this.sync() } })`): the
    /// literal of instance members, whose methods run with `this` an
    /// instance of the new class.
    pub(super) fn extended_literal(&mut self, v: Node<'t>) -> Option<Node<'t>> {
        if v.kind() != "call_expression" {
            return None;
        }
        let f = v.child_by_field_name("function")?;
        let args = v.child_by_field_name("arguments")?;
        if f.kind() != "member_expression" || args.kind() != "arguments" {
            return None;
        }
        let obj = f.child_by_field_name("object")?;
        let prop = f.child_by_field_name("property")?;
        if Self::chain_root(obj).is_none() || self.text(prop) != "extend" {
            return None;
        }
        match self.kids(args).as_slice() {
            [lit] if lit.kind() == "object" => Some(*lit),
            [lit, statics] if lit.kind() == "object" && statics.kind() == "object" => Some(*lit),
            _ => None,
        }
    }

    /// The call `B.extend(lit, …)` declaring `class`: the callee's
    /// reference, `lit`'s members as `class`'s, the rest walked.
    pub(super) fn extend_call(&mut self, class: &str, call: Node<'t>, lit: Node<'t>, sc: &Scope) {
        let idx = call
            .child_by_field_name("function")
            .and_then(|f| self.callee(f, sc));
        self.mixin_members(class, lit, sc);
        let Some(args) = call.child_by_field_name("arguments") else {
            return;
        };
        let kids = self.kids(args);
        for k in &kids {
            if *k != lit {
                self.walk_node(*k, sc);
            }
        }
        if let Some(i) = idx {
            self.facts.references[i].arg_count = Some(kids.len() as u32);
        }
    }

    /// The members an object literal mixed into `class` defines: methods
    /// and function-valued pairs as Methods, other values as Variables.
    pub(super) fn mixin_members(&mut self, class: &str, lit: Node<'t>, sc: &Scope) {
        for k in self.kids(lit) {
            match k.kind() {
                "pair" => {
                    let (Some(key), Some(value)) =
                        (k.child_by_field_name("key"), k.child_by_field_name("value"))
                    else {
                        self.walk_node(k, sc);
                        continue;
                    };
                    // `m: f` and `'m': f`; a computed key names nothing here.
                    let name = match key.kind() {
                        "property_identifier" => self.text(key).into_owned(),
                        "string" => unquote(&self.text(key)).to_string(),
                        _ => {
                            self.walk_node(k, sc);
                            continue;
                        }
                    };
                    self.assigned_def(
                        name,
                        DefKind::Method,
                        Some(class),
                        key,
                        k,
                        value,
                        Visibility::Public,
                        sc,
                    );
                }
                "method_definition" => {
                    let Some(n) = k.child_by_field_name("name") else {
                        self.walk_node(k, sc);
                        continue;
                    };
                    let name = self.text(n).into_owned();
                    let params = k
                        .child_by_field_name("parameters")
                        .and_then(|p| self.known_params(p));
                    let body = k.child_by_field_name("body");
                    self.define(
                        name.clone(),
                        DefKind::Method,
                        Some(class),
                        n,
                        k,
                        k,
                        body,
                        Visibility::Public,
                        params,
                    );
                    self.walk_node(k, sc);
                    // The method runs with `this` a `class`, not the literal.
                    let scope = util::span(k);
                    self.facts
                        .locals
                        .retain(|l| !(l.name == "this" && l.scope == scope));
                }
                _ => self.walk_node(k, sc),
            }
        }
    }

    pub(super) fn new_expr(&mut self, node: Node<'t>, sc: &Scope) {
        // `new Function(src)` compiles in the global scope: it binds no name here.
        let ctor = node.child_by_field_name("constructor");
        if let Some(t) = node.child_by_field_name("type_arguments") {
            self.walk_node(t, sc);
        }
        let idx = ctor.and_then(|c| self.callee(c, sc));
        let args = node.child_by_field_name("arguments");
        self.arguments(args, idx, sc);
        if args.is_none()
            && let Some(i) = idx
        {
            self.facts.references[i].arg_count = Some(0);
        }
    }

    /// Names a `const x = require('m')` / `const {a, b: c} = require('m')` binds.
    fn require_binding(&mut self, imp: &mut Import, b: Node<'t>) {
        match b.kind() {
            "identifier" => {
                let t = self.text(b).into_owned();
                self.imported.insert(t.clone());
                imp.alias = Some(t);
            }
            "object_pattern" => {
                for k in self.kids(b) {
                    let (name, alias) = match k.kind() {
                        "shorthand_property_identifier_pattern" => {
                            (self.text(k).into_owned(), None)
                        }
                        "pair_pattern" => {
                            let key = k
                                .child_by_field_name("key")
                                .map(|n| self.text(n).into_owned());
                            let val = k.child_by_field_name("value");
                            match (key, val) {
                                (Some(key), Some(v)) if v.kind() == "identifier" => {
                                    (key, Some(self.text(v).into_owned()))
                                }
                                _ => continue,
                            }
                        }
                        _ => continue,
                    };
                    self.imported
                        .insert(alias.clone().unwrap_or_else(|| name.clone()));
                    imp.names.push(ImportedName { name, alias });
                }
            }
            _ => {}
        }
    }

    pub(super) fn import(&mut self, node: Node<'t>) {
        let mut imp = import_of(String::new(), node);
        if let Some(s) = node.child_by_field_name("source") {
            imp.module = unquote(&self.text(s)).to_string();
        }
        for k in self.kids(node) {
            match k.kind() {
                "import_clause" => {
                    for part in self.kids(k) {
                        match part.kind() {
                            "identifier" => imp.names.push(ImportedName {
                                name: "default".into(),
                                alias: Some(self.text(part).into_owned()),
                            }),
                            "namespace_import" => {
                                imp.alias = part.named_child(0).map(|n| self.text(n).into_owned());
                            }
                            "named_imports" => {
                                for spec in self.kids(part) {
                                    if let Some(n) = spec.child_by_field_name("name") {
                                        imp.names.push(ImportedName {
                                            name: unquote(&self.text(n)).to_string(),
                                            alias: spec
                                                .child_by_field_name("alias")
                                                .map(|a| self.text(a).into_owned()),
                                        });
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                }
                "import_require_clause" => {
                    if let Some(s) = k.child_by_field_name("source") {
                        imp.module = unquote(&self.text(s)).to_string();
                    }
                    imp.alias = k.named_child(0).map(|n| self.text(n).into_owned());
                }
                _ => {}
            }
        }
        imp.relative = is_relative(&imp.module);
        self.bind_import(&imp);
        self.facts.imports.push(imp);
    }

    fn bind_import(&mut self, imp: &Import) {
        if let Some(a) = &imp.alias {
            self.imported.insert(a.clone());
        }
        for n in &imp.names {
            self.imported
                .insert(n.alias.clone().unwrap_or_else(|| n.name.clone()));
        }
    }

    /// `export ... from 'm'`, `export { a }`, `export default x`, `export <decl>`.
    pub(super) fn export(&mut self, node: Node<'t>, sc: &Scope) {
        let source = node
            .child_by_field_name("source")
            .map(|s| unquote(&self.text(s)).to_string());
        let mut imp = source.map(|m| import_of(m, node));
        let mut is_default = false;
        for k in self.kids(node) {
            match k.kind() {
                "export_clause" => {
                    for spec in self.kids(k) {
                        let Some(n) = spec.child_by_field_name("name") else {
                            continue;
                        };
                        let name = unquote(&self.text(n)).to_string();
                        match &mut imp {
                            Some(i) => i.names.push(ImportedName {
                                name,
                                alias: spec
                                    .child_by_field_name("alias")
                                    .map(|a| self.text(a).into_owned()),
                            }),
                            None => self.exported.push(name),
                        }
                    }
                }
                "namespace_export" => {
                    if let Some(i) = &mut imp {
                        i.alias = k.named_child(0).map(|n| self.text(n).into_owned());
                    }
                }
                _ => {}
            }
        }
        let mut c = self.cursor(node);
        if c.goto_first_child() {
            loop {
                let ch = c.node();
                match (c.field_name(), ch.kind()) {
                    (_, "default") => is_default = true,
                    (_, "*") => {
                        if let Some(i) = &mut imp
                            && i.alias.is_none()
                        {
                            i.wildcard = true;
                        }
                    }
                    (Some("declaration"), _) => {
                        let saved = self.export_stmt.replace(node);
                        let inner = Scope {
                            exported: true,
                            ..*sc
                        };
                        self.walk_node(ch, &inner);
                        self.export_stmt = saved;
                    }
                    (Some("value"), _) | (None, "identifier") => {
                        if is_default && ch.kind() == "identifier" {
                            self.exported.push(self.text(ch).into_owned());
                        }
                        self.walk_node(ch, sc);
                    }
                    (Some("decorator"), _) => self.walk_node(ch, sc),
                    _ => {}
                }
                if !c.goto_next_sibling() {
                    break;
                }
            }
        }
        self.release(c);
        if let Some(mut i) = imp {
            i.relative = is_relative(&i.module);
            self.facts.imports.push(i);
        }
    }

    /// Names bound by top-level imports and `require`s, before the walk.
    pub(super) fn prescan_imports(&mut self, root: Node<'t>) {
        for k in self.kids(root) {
            match k.kind() {
                "import_statement" => {
                    for clause in self.kids(k) {
                        if clause.kind() != "import_clause"
                            && clause.kind() != "import_require_clause"
                        {
                            continue;
                        }
                        self.prescan_names(clause);
                    }
                }
                "lexical_declaration" | "variable_declaration" => {
                    for d in self.kids(k) {
                        let is_require = d.child_by_field_name("value").is_some_and(|v| {
                            v.kind() == "call_expression"
                                && v.child_by_field_name("function")
                                    .is_some_and(|f| self.text(f) == "require")
                                || self.required_member(v).is_some()
                        });
                        if is_require && let Some(n) = d.child_by_field_name("name") {
                            self.prescan_names(n);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// Every binding identifier under an import clause or require pattern.
    fn prescan_names(&mut self, node: Node<'t>) {
        if self.depth > super::MAX_DEPTH {
            return;
        }
        self.depth += 1;
        self.prescan_names_inner(node);
        self.depth -= 1;
    }

    fn prescan_names_inner(&mut self, node: Node<'t>) {
        match node.kind() {
            "identifier" | "shorthand_property_identifier_pattern" => {
                let t = self.text(node).into_owned();
                self.imported.insert(t);
            }
            "import_specifier" => {
                if let Some(n) = node
                    .child_by_field_name("alias")
                    .or_else(|| node.child_by_field_name("name"))
                {
                    self.prescan_names(n);
                }
            }
            "pair_pattern" => {
                if let Some(v) = node.child_by_field_name("value") {
                    self.prescan_names(v);
                }
            }
            "string" => {}
            _ => {
                for k in self.kids(node) {
                    self.prescan_names(k);
                }
            }
        }
    }
}

fn import_of(module: String, node: Node) -> Import {
    Import {
        relative: is_relative(&module),
        module,
        span: util::span(node),
        ..Default::default()
    }
}

fn is_relative(m: &str) -> bool {
    m == "." || m == ".." || m.starts_with("./") || m.starts_with("../")
}

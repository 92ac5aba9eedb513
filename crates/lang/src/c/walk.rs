//! The walker shared by the C and C++ adapters: one pass over the tree that
//! dispatches declarations to the definition handlers (`defs.rs`, and
//! `cpp.rs` for C++-only nodes) and collects references from everything else
//! with an explicit stack, so deep expressions cannot overflow the call stack.
//! Recursion happens only at structural nodes (functions, classes,
//! namespaces, lambdas), whose nesting is shallow in real code.

use std::collections::HashSet;

use plumb_facts::{FileFacts, RefKind, Reference, Span, Visibility};
use tree_sitter::Node;

use crate::util::{self, fold_whitespace, text};

pub(crate) struct Walker<'t, 's> {
    pub src: &'s [u8],
    /// The tree is C++ (enables `cpp.rs` handlers).
    pub cpp: bool,
    pub facts: FileFacts,
    /// Enclosing named containers (namespaces, classes, structs).
    pub containers: Vec<String>,
    /// Directly inside a struct/class/union body: functions are methods,
    /// variables are fields, visibility comes from `access`.
    pub in_class: bool,
    pub access: Visibility,
    /// Depth of anonymous namespaces (their contents are file-private).
    pub anon_ns: u32,
    /// Span of the innermost function or lambda: declarations become locals.
    pub scope: Option<Span>,
    /// Namespace names seen so far, to tell `ns::f()` from `Class::f()`.
    pub namespaces: HashSet<String>,
    /// Names brought in by `using a::b;`, reported as Use when mentioned.
    pub imported: HashSet<String>,
    /// The comments directly above the node `visit_children` is visiting
    /// (keyed by its start byte), so docs need no `prev_sibling`, which is
    /// linear in the number of siblings.
    pub doc_run: (usize, Vec<Node<'t>>),
    _tree: std::marker::PhantomData<Node<'t>>,
}

impl<'t, 's> Walker<'t, 's> {
    pub(crate) fn new(src: &'s [u8], cpp: bool) -> Self {
        Walker {
            src,
            cpp,
            facts: FileFacts::default(),
            containers: Vec::new(),
            in_class: false,
            access: Visibility::Public,
            anon_ns: 0,
            scope: None,
            namespaces: HashSet::new(),
            imported: HashSet::new(),
            doc_run: (usize::MAX, Vec::new()),
            _tree: std::marker::PhantomData,
        }
    }

    pub(crate) fn run(mut self, root: Node<'t>) -> FileFacts {
        self.facts.parse_errors = util::count_errors(root);
        self.visit_children(root);
        self.facts
    }

    /// `node.child_by_field_name(name)` with the field id looked up once per
    /// thread and grammar (the by-name lookup compares every field name).
    pub(crate) fn fld(&self, node: Node<'t>, name: &'static str) -> Option<Node<'t>> {
        thread_local! {
            static IDS: std::cell::RefCell<Vec<(usize, bool, Option<std::num::NonZeroU16>)>> =
                const { std::cell::RefCell::new(Vec::new()) };
        }
        let key = name.as_ptr() as usize;
        let id = IDS.with(|ids| {
            let mut ids = ids.borrow_mut();
            if let Some(&(_, _, id)) = ids.iter().find(|e| e.0 == key && e.1 == self.cpp) {
                return id;
            }
            let id = node.language().field_id_for_name(name);
            ids.push((key, self.cpp, id));
            id
        });
        node.child_by_field_id(id?.get())
    }

    pub(crate) fn text(&self, node: Node) -> std::borrow::Cow<'s, str> {
        text(node, self.src)
    }

    pub(crate) fn container(&self) -> Option<String> {
        if self.containers.is_empty() {
            None
        } else {
            Some(self.containers.join("."))
        }
    }

    /// Visibility of a definition made here, `is_static` for a `static` specifier.
    pub(crate) fn visibility(&self, is_static: bool) -> Visibility {
        if self.in_class {
            self.access
        } else if is_static || self.anon_ns > 0 {
            Visibility::Private
        } else {
            Visibility::Public
        }
    }

    pub(crate) fn bind_local(&mut self, name: Node, scope: Span) {
        let name = self.text(name);
        // K&R parameters are bound twice (identifier list and declarations).
        let dup = self
            .facts
            .locals
            .iter()
            .rev()
            .take_while(|l| l.scope == scope)
            .any(|l| l.name == name);
        if !dup {
            let name = name.into_owned();
            self.facts
                .locals
                .push(plumb_facts::LocalBinding { name, scope });
        }
    }

    pub(crate) fn visit_children(&mut self, node: Node<'t>) {
        let mut c = node.walk();
        if !c.goto_first_child() {
            return;
        }
        let mut run: Vec<Node<'t>> = Vec::new();
        let mut last_code_row = usize::MAX;
        loop {
            let n = c.node();
            let field = c.field_name();
            if n.kind() == "comment" {
                // A comment on the same line as the code before it belongs to that code.
                if !(run.is_empty() && n.start_position().row == last_code_row) {
                    run.push(n);
                }
            } else {
                if n.is_named() && !matches!(field, Some("condition") | Some("name")) {
                    self.doc_run = (n.start_byte(), std::mem::take(&mut run));
                    self.visit(n);
                }
                run.clear();
                last_code_row = n.end_position().row;
            }
            if !c.goto_next_sibling() {
                break;
            }
        }
    }

    /// Handle one node: structural nodes go to their handlers, the rest to
    /// the reference collector.
    pub(crate) fn visit(&mut self, node: Node<'t>) {
        if self.cpp && crate::cpp::visit(self, node) {
            return;
        }
        match node.kind() {
            "function_definition" => self.function_definition(node, node),
            "declaration" | "field_declaration" => self.declaration(node, node),
            "type_definition" => self.type_definition(node, node),
            "struct_specifier" | "union_specifier" | "enum_specifier" | "class_specifier" => {
                self.specifier(node, node, None)
            }
            "preproc_def" | "preproc_function_def" => self.macro_def(node),
            "preproc_include" => self.include(node),
            "preproc_if"
            | "preproc_ifdef"
            | "preproc_else"
            | "preproc_elif"
            | "preproc_elifdef"
            | "translation_unit"
            | "declaration_list"
            | "field_declaration_list"
            | "ERROR" => self.visit_children(node),
            "linkage_specification" => {
                if let Some(b) = self.fld(node, "body") {
                    self.visit(b);
                }
            }
            "comment" | "preproc_call" => {}
            "expression_statement" if self.scope.is_none() && !self.in_class => {
                if !self.recovered_prototype(node) {
                    self.references(node, None)
                }
            }
            _ => self.references(node, None),
        }
    }

    /// Node kinds `visit` handles itself (for C++ also `cpp::is_structural`).
    fn is_structural(&self, node: Node) -> bool {
        match node.kind() {
            "function_definition"
            | "declaration"
            | "field_declaration"
            | "type_definition"
            | "preproc_def"
            | "preproc_function_def"
            | "preproc_include"
            | "preproc_if"
            | "preproc_ifdef"
            | "preproc_else"
            | "preproc_elif"
            | "preproc_elifdef"
            | "linkage_specification"
            | "declaration_list"
            | "field_declaration_list" => true,
            "struct_specifier" | "union_specifier" | "enum_specifier" | "class_specifier" => {
                self.fld(node, "body").is_some()
            }
            k => self.cpp && crate::cpp::is_structural(k),
        }
    }

    /// Collect references under `root` (skipping the subtree `skip`),
    /// handing structural nodes back to `visit`.
    pub(crate) fn references(&mut self, root: Node<'t>, skip: Option<Node<'t>>) {
        let mut stack = vec![root];
        while let Some(n) = stack.pop() {
            if Some(n) == skip {
                continue;
            }
            if n != root && self.is_structural(n) {
                self.visit(n);
                continue;
            }
            match n.kind() {
                "call_expression" => self.call(n, &mut stack),
                "type_identifier" => self.push_ref(RefKind::Type, n, None),
                "qualified_identifier" => self.qualified(n, &mut stack),
                "template_type" | "template_function" => {
                    if let Some(name) = self.fld(n, "name") {
                        if n.kind() == "template_type" {
                            self.push_ref(RefKind::Type, name, None);
                        } else {
                            self.imported_use(name);
                        }
                    }
                    self.push_field(&mut stack, n, "arguments");
                }
                "identifier" => self.imported_use(n),
                "field_expression" => self.push_field(&mut stack, n, "argument"),
                "struct_specifier" | "union_specifier" | "enum_specifier" | "class_specifier" => {
                    if let Some(name) = self.fld(n, "name") {
                        stack.push(name);
                    }
                    if n.kind() == "enum_specifier" {
                        self.push_field(&mut stack, n, "base");
                    }
                }
                "new_expression" if self.cpp => crate::cpp::new_expression(self, n, &mut stack),
                "for_range_loop" | "catch_clause" if self.cpp => {
                    crate::cpp::bind_statement(self, n, &mut stack)
                }
                "comment"
                | "string_literal"
                | "raw_string_literal"
                | "char_literal"
                | "number_literal"
                | "system_lib_string"
                | "preproc_arg"
                | "primitive_type"
                | "field_identifier"
                | "namespace_identifier"
                | "statement_identifier" => {}
                _ => {
                    let mut c = n.walk();
                    let start = stack.len();
                    stack.extend(n.named_children(&mut c));
                    stack[start..].reverse();
                }
            }
        }
    }

    pub(crate) fn push_ref(&mut self, kind: RefKind, name: Node, qualifier: Option<String>) {
        self.facts.references.push(Reference {
            name: self.text(name).into_owned(),
            kind,
            qualifier,
            span: util::span(name),
            ..Default::default()
        });
    }

    fn imported_use(&mut self, n: Node) {
        if !self.imported.is_empty() && self.imported.contains(&*self.text(n)) {
            self.push_ref(RefKind::Use, n, None);
        }
    }

    /// `a::b::c` outside a call: a Type reference when `c` names a type, a
    /// Use otherwise. Template arguments on the way are walked.
    fn qualified(&mut self, n: Node<'t>, stack: &mut Vec<Node<'t>>) {
        let (name, qualifier) = self.qualified_parts(n, stack);
        let Some(name) = name else { return };
        let kind = match name.kind() {
            "type_identifier" => RefKind::Type,
            "identifier" | "destructor_name" | "operator_name" => RefKind::Use,
            _ => return,
        };
        self.push_ref(kind, name, qualifier);
    }

    /// The final name token of a qualified identifier and the qualifier text
    /// before its last `::` (None for `::f`). Template arguments found on the
    /// way are pushed onto `stack`.
    pub(crate) fn qualified_parts(
        &self,
        n: Node<'t>,
        stack: &mut Vec<Node<'t>>,
    ) -> (Option<Node<'t>>, Option<String>) {
        let mut cur = n;
        let mut last_scope: Option<Node> = None;
        while cur.kind() == "qualified_identifier" {
            if let Some(s) = self.fld(cur, "scope") {
                match s.kind() {
                    "template_type" => self.push_field(stack, s, "arguments"),
                    "namespace_identifier" | "type_identifier" => {}
                    _ => stack.push(s),
                }
                last_scope = Some(s);
            }
            match self.fld(cur, "name") {
                Some(x) => cur = x,
                None => return (None, None),
            }
        }
        let name = match cur.kind() {
            "template_type" | "template_function" | "template_method" => {
                self.push_field(stack, cur, "arguments");
                self.fld(cur, "name")
            }
            "dependent_name" => cur.named_child(cur.named_child_count().saturating_sub(1) as u32),
            _ => Some(cur),
        };
        let qualifier = last_scope.map(|s| {
            fold_whitespace(
                &String::from_utf8_lossy(&self.src[n.start_byte()..s.end_byte()]),
                200,
            )
        });
        (name, qualifier)
    }

    /// A call: `f(x)`, `s.f(x)`, `p->f(x)`, `ns::f(x)`, `f<T>(x)`.
    fn call(&mut self, n: Node<'t>, stack: &mut Vec<Node<'t>>) {
        self.push_field(stack, n, "arguments");
        let Some(func) = self.fld(n, "function") else {
            return;
        };
        let (name, qualifier) = match func.kind() {
            "identifier" => (Some(func), None),
            "template_function" => {
                self.push_field(stack, func, "arguments");
                (self.fld(func, "name"), None)
            }
            "qualified_identifier" => self.qualified_parts(func, stack),
            "field_expression" => {
                let arg = self.fld(func, "argument");
                if let Some(a) = arg {
                    stack.push(a);
                }
                let q = arg.map(|a| fold_whitespace(&self.text(a), 200));
                let field = self.fld(func, "field");
                let name = match field {
                    Some(f) if f.kind() == "field_identifier" => Some(f),
                    Some(f) => self.member_name(f, stack),
                    None => None,
                };
                (name, q)
            }
            _ => {
                stack.push(func);
                (None, None)
            }
        };
        let Some(name) = name else { return };
        let args = self.fld(n, "arguments");
        let (count, spread) = args.map_or((0, false), count_args);
        let name_text = match name.kind() {
            "destructor_name" => format!("~{}", self.text(name).trim_start_matches('~').trim()),
            _ => self.text(name).into_owned(),
        };
        self.facts.references.push(Reference {
            name: name_text,
            kind: RefKind::Call,
            qualifier,
            span: util::span(name),
            arg_count: Some(count),
            has_spread: spread,
            ..Default::default()
        });
    }

    pub(crate) fn push_field(&self, stack: &mut Vec<Node<'t>>, n: Node<'t>, field: &'static str) {
        if let Some(c) = self.fld(n, field) {
            stack.push(c);
        }
    }

    /// The name token of a C++ member after `.`/`->` that is not a plain field:
    /// `a.template f<T>()`, `a.B::f()`, `p->~T()`.
    fn member_name(&self, f: Node<'t>, stack: &mut Vec<Node<'t>>) -> Option<Node<'t>> {
        match f.kind() {
            "dependent_name" => {
                let inner = f.named_child(f.named_child_count().saturating_sub(1) as u32)?;
                self.member_name(inner, stack)
            }
            "template_method" => {
                self.push_field(stack, f, "arguments");
                self.fld(f, "name")
            }
            "qualified_identifier" => self.qualified_parts(f, stack).0,
            "destructor_name" => Some(f),
            _ => None,
        }
    }
}

/// Positional argument count and whether a pack expansion `xs...` is passed.
pub(crate) fn count_args(args: Node) -> (u32, bool) {
    let mut c = args.walk();
    let mut count = 0;
    let mut spread = false;
    for a in args.named_children(&mut c) {
        if a.kind() == "comment" {
            continue;
        }
        count += 1;
        spread |= a.kind() == "parameter_pack_expansion";
    }
    (count, spread)
}

//! Go adapter: package clause, functions, methods, type specs, struct fields,
//! interface methods, package-level const/var, calls, imports.
//!
//! Decisions specific to Go:
//! - The package clause is a Module definition named after the package.
//! - Methods get the receiver's base type name as container (`*List[T]` -> `List`)
//!   and the receiver as a `Receiver` parameter; interface method specs are
//!   Methods of the interface.
//! - `type X struct{..}` -> Struct, `interface{..}` -> Interface, anything else
//!   (including `type A = B`) -> TypeAlias. Embedded struct fields are Fields named
//!   after their type (`sync.Mutex` -> `Mutex`); fields of anonymous nested
//!   struct types are not emitted.
//! - Visibility: a capitalised name is Public, anything else Private.
//! - Composite literals `T{..}` are Calls of `T` without argument count; type
//!   conversions look like calls and are reported as calls.
//! - `pkg.X` outside call position is a Use when `pkg` is an imported package name
//!   (the alias, or the last path element without a `.vN`/`.suffix`).
//! - Generic type parameters are local bindings and never Type references.
//! - Parameters, the receiver and named results are local bindings of the function;
//!   `if`/`switch`/`for` initializers bind in their statement only.
//! - `dynamic`: the file imports `reflect` or `plugin`.
//!
//! This module owns only Go extraction; shared helpers live in `crate::util`.

mod defs;

use std::collections::HashSet;

use plumb_facts::{FileFacts, Import, ImportedName, Lang, RefKind, Reference};
use tree_sitter::{Node, Tree};

use crate::extractor::{self, Scopes};
use crate::util::{self, Visitor};
use crate::{LanguageAdapter, NodeClass};

pub struct GoAdapter;

impl LanguageAdapter for GoAdapter {
    fn lang(&self) -> Lang {
        Lang::Go
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["go"]
    }
    fn grammar(&self) -> tree_sitter::Language {
        tree_sitter_go::LANGUAGE.into()
    }
    fn node_class(&self, kind: &str) -> NodeClass {
        use NodeClass::*;
        match kind {
            "composite_literal" => CollectionLit,
            "literal_value" | "statement_list" | "expression_list" => Transparent,
            "inc_statement" | "dec_statement" => Unary,
            "expression_switch_statement" | "type_switch_statement" | "select_statement" => Switch,
            "expression_case" | "type_case" | "default_case" | "communication_case" => Case,
            "rune_literal" => StringLit,
            "imaginary_literal" => NumberLit,
            "parameter_declaration" | "variadic_parameter_declaration" => Parameter,
            "field_declaration_list" => Block,
            "slice_expression" => Index,
            "type_assertion_expression"
            | "type_conversion_expression"
            | "for_clause"
            | "range_clause" => Other,
            "slice_type"
            | "array_type"
            | "implicit_length_array_type"
            | "function_type"
            | "map_type"
            | "channel_type" => Type,
            "method_elem" => Declaration,
            _ => crate::node_class::generic(kind),
        }
    }
    fn extract(&self, tree: &Tree, src: &[u8]) -> FileFacts {
        let root = tree.root_node();
        let mut ex = Ex::new(src);
        ex.prepass(root);
        util::walk_tree(root, &mut ex);
        let mut facts = ex.facts;
        facts.parse_errors = util::count_errors(root);
        facts
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum FrameKind {
    /// A named struct type: its fields are Fields.
    Struct,
    /// A named interface type: its method specs are Methods.
    Interface,
    /// A function, method or function literal: declarations inside are locals.
    Func,
    /// An anonymous struct/interface type or a generic scope.
    Other,
}

struct Ex<'a> {
    src: &'a [u8],
    facts: FileFacts,
    scopes: Scopes<FrameKind>,
    skip: Vec<usize>,
    /// Local names of imported packages.
    packages: HashSet<String>,
    /// The `i := 0` of the `for` clause (or `x := f()` of the `if`/`switch`)
    /// being walked, already bound to its statement.
    for_init: usize,
    /// Comments right before the node being entered.
    leading: util::LeadingRun<'a>,
    /// The enclosing `type`/`const`/`var` declaration and its doc comment.
    decl_doc: Option<(usize, Option<String>)>,
}

impl<'a> Ex<'a> {
    fn new(src: &'a [u8]) -> Self {
        Ex {
            src,
            facts: FileFacts::default(),
            scopes: Scopes::default(),
            skip: Vec::new(),
            packages: HashSet::new(),
            for_init: usize::MAX,
            leading: util::LeadingRun::default(),
            decl_doc: None,
        }
    }

    fn text(&self, n: Node) -> std::borrow::Cow<'a, str> {
        util::text(n, self.src)
    }

    fn in_func(&self) -> bool {
        self.scopes.frames.iter().any(|f| f.kind == FrameKind::Func)
    }

    /// Imports come first in a Go file; reading them before the walk lets every
    /// `pkg.X` be recognised.
    fn prepass(&mut self, root: Node<'a>) {
        let mut cursor = root.walk();
        for child in root.named_children(&mut cursor) {
            if child.kind() == "import_declaration" {
                self.import_declaration(child);
            }
        }
    }

    fn import_declaration(&mut self, decl: Node<'a>) {
        let mut specs = Vec::new();
        let mut cursor = decl.walk();
        for c in decl.named_children(&mut cursor) {
            match c.kind() {
                "import_spec" => specs.push(c),
                "import_spec_list" => {
                    let mut c2 = c.walk();
                    specs.extend(
                        c.named_children(&mut c2)
                            .filter(|s| s.kind() == "import_spec"),
                    );
                }
                _ => {}
            }
        }
        for spec in specs {
            let Some(path) = spec.child_by_field_name("path") else {
                continue;
            };
            let module = self
                .text(path)
                .trim_matches(|c| c == '"' || c == '`')
                .to_string();
            let name = spec.child_by_field_name("name");
            let (alias, wildcard) = match name.map(|n| (n.kind(), n)) {
                Some(("dot", _)) => (None, true),
                Some((_, n)) => (Some(self.text(n).into_owned()), false),
                None => (None, false),
            };
            if matches!(module.as_str(), "reflect" | "plugin") {
                self.facts.dynamic = true;
            }
            let local = alias
                .clone()
                .unwrap_or_else(|| package_name(&module).to_string());
            if local != "_" && !wildcard {
                self.packages.insert(local);
            }
            self.facts.imports.push(Import {
                relative: module.starts_with("./") || module.starts_with("../"),
                module,
                names: Vec::<ImportedName>::new(),
                alias,
                wildcard,
                span: util::span(spec),
                ..Default::default()
            });
        }
    }

    fn push_ref(
        &mut self,
        name: Node,
        kind: RefKind,
        qualifier: Option<String>,
        args: Option<u32>,
    ) {
        self.push_ref_full(name, kind, qualifier, args, false);
    }

    fn push_ref_full(
        &mut self,
        name: Node,
        kind: RefKind,
        qualifier: Option<String>,
        arg_count: Option<u32>,
        has_spread: bool,
    ) {
        self.facts.references.push(Reference {
            arg_count,
            has_spread,
            ..extractor::reference(self.text(name).into_owned(), kind, qualifier, name)
        });
    }

    fn call(&mut self, node: Node<'a>) {
        let Some(f) = node.child_by_field_name("function") else {
            return;
        };
        let (mut count, mut spread) = (None, false);
        if let Some(args) = node.child_by_field_name("arguments") {
            let mut n = 0;
            let mut cursor = args.walk();
            for a in args.named_children(&mut cursor) {
                match a.kind() {
                    "comment" => {}
                    "variadic_argument" => {
                        spread = true;
                        n += 1;
                    }
                    _ => n += 1,
                }
            }
            count = Some(n);
        }
        match f.kind() {
            "identifier" => {
                self.skip.push(f.id());
                self.push_ref_full(f, RefKind::Call, None, count, spread);
            }
            "selector_expression" => {
                let (Some(field), Some(op)) = (
                    f.child_by_field_name("field"),
                    f.child_by_field_name("operand"),
                ) else {
                    return;
                };
                if op.kind() == "identifier" {
                    self.skip.push(f.id());
                }
                let q = extractor::qualifier(op, self.src);
                self.push_ref_full(field, RefKind::Call, Some(q), count, spread);
            }
            _ => {}
        }
    }

    fn composite_literal(&mut self, node: Node<'a>) {
        let Some(mut t) = node.child_by_field_name("type") else {
            return;
        };
        if t.kind() == "generic_type" {
            match t.child_by_field_name("type") {
                Some(inner) => t = inner,
                None => return,
            }
        }
        match t.kind() {
            "type_identifier" => {
                self.skip.push(t.id());
                self.push_ref(t, RefKind::Call, None, None);
            }
            "qualified_type" => {
                self.skip.push(t.id());
                if let (Some(n), Some(p)) = (
                    t.child_by_field_name("name"),
                    t.child_by_field_name("package"),
                ) {
                    let q = self.text(p).into_owned();
                    self.push_ref(n, RefKind::Call, Some(q), None);
                }
            }
            _ => {}
        }
    }

    fn selector(&mut self, node: Node<'a>) {
        let (Some(field), Some(op)) = (
            node.child_by_field_name("field"),
            node.child_by_field_name("operand"),
        ) else {
            return;
        };
        if op.kind() == "identifier" && self.packages.contains(self.text(op).as_ref()) {
            let q = self.text(op).into_owned();
            self.push_ref(field, RefKind::Use, Some(q), None);
        }
    }

    fn type_identifier(&mut self, node: Node<'a>) {
        let t = self.text(node);
        if !PREDECLARED.contains(&t.as_ref())
            && !self.scopes.generics.iter().any(|g| g == t.as_ref())
        {
            self.push_ref(node, RefKind::Type, None, None);
        }
    }

    fn qualified_type(&mut self, node: Node<'a>) {
        if let (Some(n), Some(p)) = (
            node.child_by_field_name("name"),
            node.child_by_field_name("package"),
        ) {
            let q = self.text(p).into_owned();
            self.push_ref(n, RefKind::Type, Some(q), None);
        }
    }
}

/// Predeclared type names: never reported as references.
const PREDECLARED: &[&str] = &[
    "bool",
    "byte",
    "complex64",
    "complex128",
    "error",
    "float32",
    "float64",
    "int",
    "int8",
    "int16",
    "int32",
    "int64",
    "rune",
    "string",
    "uint",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "uintptr",
    "any",
    "comparable",
];

/// The package name an import path most likely declares: its last element,
/// skipping a major-version element (`/v2`) and dropping a `.v3`-style suffix.
fn package_name(path: &str) -> &str {
    let mut parts = path.rsplit('/');
    let mut last = parts.next().unwrap_or(path);
    let is_version =
        |s: &str| s.len() > 1 && s.starts_with('v') && s[1..].bytes().all(|b| b.is_ascii_digit());
    if is_version(last) {
        last = parts.next().unwrap_or(last);
    }
    match last.split_once('.') {
        Some((head, _)) if !head.is_empty() => head,
        _ => last,
    }
}

impl<'a> Visitor<'a> for Ex<'a> {
    fn enter(&mut self, node: Node<'a>) -> bool {
        self.leading.enter(node, node.kind() == "comment");
        if !node.is_named() {
            return false;
        }
        if extractor::take_mark(&mut self.skip, node.id()) {
            return false;
        }
        match node.kind() {
            "package_clause" => {
                self.package_clause(node);
                return false;
            }
            "import_declaration"
            | "comment"
            | "interpreted_string_literal"
            | "raw_string_literal"
            | "rune_literal"
            | "int_literal"
            | "float_literal" => {
                return false;
            }
            "function_declaration" | "method_declaration" => self.function(node),
            "func_literal" => self.func_literal(node),
            "type_spec" | "type_alias" => self.type_spec(node),
            // Anonymous struct/interface types: their members are not definitions.
            "struct_type" | "interface_type"
                if self.scopes.frames.last().is_none_or(|f| f.id != node.id()) =>
            {
                self.scopes.push_frame(node.id(), FrameKind::Other, None)
            }
            "field_declaration" => self.field(node),
            "method_elem" => self.method_elem(node),
            "type_declaration" | "const_declaration" | "var_declaration" => self.declaration(node),
            "const_spec" | "var_spec" => self.value_spec(node),
            "short_var_declaration" => self.short_var(node),
            "for_statement" => self.for_statement(node),
            "if_statement" | "expression_switch_statement" => self.statement_init(node),
            "type_switch_statement" => self.type_switch(node),
            "receive_statement" => self.receive(node),
            "block" => self.scopes.blocks.push((node.id(), util::span(node))),
            "call_expression" => self.call(node),
            "composite_literal" => self.composite_literal(node),
            "selector_expression" => self.selector(node),
            "type_identifier" => {
                self.type_identifier(node);
                return false;
            }
            "qualified_type" => {
                self.qualified_type(node);
                return false;
            }
            _ => {}
        }
        true
    }

    fn leave(&mut self, node: Node<'a>) {
        self.leading.leave(node, node.kind() == "comment");
        let id = node.id();
        if self.decl_doc.as_ref().is_some_and(|d| d.0 == id) {
            self.decl_doc = None;
        }
        self.scopes.leave(id);
    }
}

//! Java adapter: types, methods, constructors, fields, enum constants,
//! calls, `new`, method references, imports, locals.
//!
//! Decisions specific to Java:
//! - class/record -> Class, interface/annotation type -> Interface, enum -> Enum.
//!   Classes carry no params; constructors are Methods named like the class
//!   (compact record constructors included). Annotation elements are Methods.
//! - Fields are Fields, or Constants when `static final`; interface constants are
//!   Constants. Record components are private Fields (accessors are not synthesised).
//!   Enum constants are public EnumVariants.
//! - Visibility: `public`/`protected`/`private`, none -> Package, except members of
//!   interfaces and annotation types, which are Public.
//! - Members of anonymous classes (`new T() { .. }`) are not definitions: they have
//!   no nameable container.
//! - `import a.b.C` is module `a.b` with name `C`; `import static a.b.C.m` is module
//!   `a.b.C` with name `m`; `.*` imports are wildcards.
//! - `new T(..)` is a Call of `T`; `obj.m(..)` has qualifier `obj`; `this(..)` and
//!   `super(..)` constructor calls are not reported. `T::m` is a Use of `m`.
//!   Annotations (`@Nullable`) are Type references.
//! - `dynamic`: reflection (`Class.forName`, `getMethod`, `getDeclaredField`, ..,
//!   `Proxy.newProxyInstance`) or an import from `java.lang.reflect`.
//!
//! This module owns only Java extraction; shared helpers live in `crate::util`.

mod defs;

use std::collections::HashSet;

use plumb_facts::{FileFacts, Import, ImportedName, Lang, RefKind, Reference};
use tree_sitter::{Node, Tree};

use crate::extractor::{self, Scopes};
use crate::util::{self, Visitor};
use crate::{LanguageAdapter, NodeClass};

pub struct JavaAdapter;

impl LanguageAdapter for JavaAdapter {
    fn lang(&self) -> Lang {
        Lang::Java
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["java"]
    }
    fn grammar(&self) -> tree_sitter::Language {
        tree_sitter_java::LANGUAGE.into()
    }
    fn node_class(&self, kind: &str) -> NodeClass {
        use NodeClass::*;
        match kind {
            "enum_declaration" | "record_declaration" | "annotation_type_declaration" => Class,
            "switch_block" => Transparent,
            "switch_block_statement_group" | "switch_rule" => Case,
            "switch_label" | "finally_clause" | "cast_expression" => Other,
            "instanceof_expression" => Binary,
            "method_reference" => Member,
            "scoped_type_identifier" | "array_type" => Type,
            "this" | "super" => Identifier,
            "enum_constant" => Declaration,
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

/// Method names whose use means members are looked up by name at run time.
const REFLECTION: &[&str] = &[
    "forName",
    "getMethod",
    "getDeclaredMethod",
    "getField",
    "getDeclaredField",
    "getConstructor",
    "getDeclaredConstructor",
    "newProxyInstance",
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum FrameKind {
    /// A named class, record or enum.
    Class,
    /// An interface or annotation type: members default to public.
    Interface,
    /// A method, constructor, lambda or initializer block: declarations are locals.
    Body,
    /// An anonymous class body: members are not definitions.
    Anonymous,
}

struct Ex<'a> {
    src: &'a [u8],
    facts: FileFacts,
    scopes: Scopes<FrameKind>,
    skip: Vec<usize>,
    /// Simple names brought in by imports.
    imported: HashSet<String>,
    /// Comments right before the node being entered.
    leading: util::LeadingRun<'a>,
    /// Component lists of the records being walked, innermost last.
    records: Vec<(usize, Node<'a>)>,
}

impl<'a> Ex<'a> {
    fn new(src: &'a [u8]) -> Self {
        Ex {
            src,
            facts: FileFacts::default(),
            scopes: Scopes::default(),
            skip: Vec::new(),
            imported: HashSet::new(),
            leading: util::LeadingRun::default(),
            records: Vec::new(),
        }
    }

    fn text(&self, n: Node) -> std::borrow::Cow<'a, str> {
        util::text(n, self.src)
    }

    fn prepass(&mut self, root: Node<'a>) {
        let mut cursor = root.walk();
        for child in root.named_children(&mut cursor) {
            if child.kind() == "import_declaration" {
                self.import(child);
            }
        }
    }

    fn import(&mut self, node: Node<'a>) {
        let mut path = None;
        let mut wildcard = false;
        let mut cursor = node.walk();
        for c in node.children(&mut cursor) {
            match c.kind() {
                "asterisk" => wildcard = true,
                "identifier" | "scoped_identifier" => path = Some(c),
                _ => {}
            }
        }
        let Some(path) = path else { return };
        let full = util::fold_whitespace(&self.text(path), 300).replace(' ', "");
        if full.starts_with("java.lang.reflect") {
            self.facts.dynamic = true;
        }
        let (module, names) = if wildcard {
            (full, Vec::new())
        } else {
            match full.rsplit_once('.') {
                Some((m, n)) => {
                    self.imported.insert(n.to_string());
                    (
                        m.to_string(),
                        vec![ImportedName {
                            name: n.to_string(),
                            alias: None,
                        }],
                    )
                }
                None => {
                    self.imported.insert(full.clone());
                    (full, Vec::new())
                }
            }
        };
        self.facts.imports.push(Import {
            module,
            names,
            wildcard,
            span: util::span(node),
            ..Default::default()
        });
    }

    fn push_ref(
        &mut self,
        name: Node,
        kind: RefKind,
        qualifier: Option<String>,
        args: Option<u32>,
    ) {
        self.facts.references.push(Reference {
            arg_count: args,
            ..extractor::reference(self.text(name).into_owned(), kind, qualifier, name)
        });
    }

    fn arg_count(&self, call: Node) -> Option<u32> {
        let args = call.child_by_field_name("arguments")?;
        let mut cursor = args.walk();
        Some(
            args.named_children(&mut cursor)
                .filter(|c| !c.kind().ends_with("comment"))
                .count() as u32,
        )
    }

    fn method_invocation(&mut self, node: Node<'a>) {
        let Some(name) = node.child_by_field_name("name") else {
            return;
        };
        self.skip.push(name.id());
        let object = node.child_by_field_name("object");
        if let Some(o) = object
            && o.kind() == "identifier"
        {
            self.skip.push(o.id());
        }
        let q = object.map(|o| extractor::qualifier(o, self.src));
        let args = self.arg_count(node);
        if REFLECTION.contains(&self.text(name).as_ref()) {
            self.facts.dynamic = true;
        }
        self.push_ref(name, RefKind::Call, q, args);
    }

    fn object_creation(&mut self, node: Node<'a>) {
        let Some(mut t) = node.child_by_field_name("type") else {
            return;
        };
        if t.kind() == "generic_type"
            && let Some(inner) = t.named_child(0)
        {
            t = inner;
        }
        let args = self.arg_count(node);
        match t.kind() {
            "type_identifier" => {
                self.skip.push(t.id());
                self.push_ref(t, RefKind::Call, None, args);
            }
            "scoped_type_identifier" => {
                self.skip.push(t.id());
                if let Some(last) = t.named_child(t.named_child_count().saturating_sub(1) as u32) {
                    let q = String::from_utf8_lossy(&self.src[t.start_byte()..last.start_byte()])
                        .trim_end_matches(['.', ' '])
                        .to_string();
                    self.push_ref(last, RefKind::Call, Some(q), args);
                }
            }
            _ => {}
        }
        if let Some(body) = node.named_child(node.named_child_count().saturating_sub(1) as u32)
            && body.kind() == "class_body"
        {
            self.scopes
                .push_frame(body.id(), FrameKind::Anonymous, None);
        }
    }

    fn type_identifier(&mut self, node: Node<'a>) {
        let t = self.text(node);
        if t != "var" && !self.scopes.generics.iter().any(|g| g == t.as_ref()) {
            self.push_ref(node, RefKind::Type, None, None);
        }
    }

    fn scoped_type(&mut self, node: Node<'a>) {
        let n = node.named_child_count();
        let Some(last) = node.named_child(n.saturating_sub(1) as u32) else {
            return;
        };
        if last.kind() != "type_identifier" {
            return;
        }
        let q = String::from_utf8_lossy(&self.src[node.start_byte()..last.start_byte()])
            .trim_end_matches(['.', ' '])
            .to_string();
        self.push_ref(last, RefKind::Type, Some(q), None);
    }

    fn annotation(&mut self, node: Node<'a>) {
        let Some(name) = node.child_by_field_name("name") else {
            return;
        };
        self.skip.push(name.id());
        match name.kind() {
            "scoped_identifier" => {
                if let (Some(n), Some(s)) = (
                    name.child_by_field_name("name"),
                    name.child_by_field_name("scope"),
                ) {
                    let q = extractor::qualifier(s, self.src);
                    self.push_ref(n, RefKind::Type, Some(q), None);
                }
            }
            _ => self.push_ref(name, RefKind::Type, None, None),
        }
    }

    fn field_access(&mut self, node: Node<'a>) {
        let (Some(obj), Some(field)) = (
            node.child_by_field_name("object"),
            node.child_by_field_name("field"),
        ) else {
            return;
        };
        if obj.kind() == "identifier" && self.imported.contains(self.text(obj).as_ref()) {
            self.skip.push(obj.id());
            let q = self.text(obj).into_owned();
            self.push_ref(field, RefKind::Use, Some(q), None);
        }
    }

    fn method_reference(&mut self, node: Node<'a>) {
        let n = node.child_count();
        let (Some(first), Some(last)) = (node.child(0), node.child(n.saturating_sub(1))) else {
            return;
        };
        if last.kind() == "identifier" && first.id() != last.id() {
            let q = extractor::qualifier(first, self.src);
            self.skip.push(last.id());
            if first.kind() == "identifier" {
                self.skip.push(first.id());
            }
            self.push_ref(last, RefKind::Use, Some(q), None);
        }
    }

    fn identifier(&mut self, node: Node<'a>) {
        if !self.imported.is_empty() && self.imported.contains(self.text(node).as_ref()) {
            self.push_ref(node, RefKind::Use, None, None);
        }
    }
}

impl<'a> Visitor<'a> for Ex<'a> {
    fn enter(&mut self, node: Node<'a>) -> bool {
        self.leading.enter(node, node.kind().ends_with("comment"));
        if !node.is_named() {
            return false;
        }
        if extractor::take_mark(&mut self.skip, node.id()) {
            return false;
        }
        match node.kind() {
            "import_declaration"
            | "package_declaration"
            | "line_comment"
            | "block_comment"
            | "string_literal"
            | "character_literal" => return false,
            "class_declaration"
            | "interface_declaration"
            | "enum_declaration"
            | "record_declaration"
            | "annotation_type_declaration" => self.type_declaration(node),
            "method_declaration"
            | "constructor_declaration"
            | "compact_constructor_declaration"
            | "annotation_type_element_declaration" => self.method(node),
            "field_declaration" | "constant_declaration" => self.field(node),
            "enum_constant" => self.enum_constant(node),
            "lambda_expression" => self.lambda(node),
            "static_initializer" => self.scopes.push_frame(node.id(), FrameKind::Body, None),
            "block" => self.scopes.blocks.push((node.id(), util::span(node))),
            "local_variable_declaration" => self.local_variables(node),
            "enhanced_for_statement" => self.enhanced_for(node),
            "catch_clause" => self.catch_clause(node),
            "resource" => self.resource(node),
            "instanceof_expression" => self.instanceof(node),
            "method_invocation" => self.method_invocation(node),
            "object_creation_expression" => self.object_creation(node),
            "explicit_constructor_invocation" => {
                if let Some(c) = node.child_by_field_name("constructor") {
                    self.skip.push(c.id());
                }
            }
            "method_reference" => self.method_reference(node),
            "field_access" => self.field_access(node),
            "annotation" | "marker_annotation" => self.annotation(node),
            "type_identifier" => {
                self.type_identifier(node);
                return false;
            }
            "scoped_type_identifier" => {
                self.scoped_type(node);
                return false;
            }
            "identifier" => {
                self.identifier(node);
                return false;
            }
            _ => {}
        }
        true
    }

    fn leave(&mut self, node: Node<'a>) {
        self.leading.leave(node, node.kind().ends_with("comment"));
        let id = node.id();
        if self.records.last().is_some_and(|r| r.0 == id) {
            self.records.pop();
        }
        self.scopes.leave(id);
    }
}

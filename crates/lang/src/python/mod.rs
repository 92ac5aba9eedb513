//! Python adapter: turns a tree-sitter-python tree into [`FileFacts`].
//!
//! Owns Python extraction only (no I/O, no storage). One walk per file with a
//! pooled set of tree cursors, so the hot path allocates only for the facts it
//! emits. Per-language decisions:
//! - Visibility: a name starting with `_` (not a dunder) is Private, else
//!   Public; top-level names listed in `__all__` are always Public.
//! - Module-level `X = ...` (also annotated, tuple targets, inside module-level
//!   `if`/`try`) is a Constant when the name is UPPER_CASE or annotated `Final`,
//!   else a Variable; one definition per name. Class-body assignments are
//!   Fields (EnumVariants when a base class is an `Enum`/`IntEnum`/`Flag`...,
//!   and the class is then an Enum); `self.x = ...` inside a method is a Field
//!   of the class, once per name.
//! - A class's params are its `__init__` params without the receiver, `None`
//!   when the class body defines no `__init__`.
//! - `name = lambda ...` at module level is a Function with the lambda's params.
//! - A bare decorator `@d` is a Call of `d` with one argument.
//! - Locals at module level (loop/with/except targets) get the module's span
//!   as their scope; comprehension variables get the comprehension's span.
//! - Use references: identifiers that are names imported in this file, and
//!   non-call attribute chains whose root is such a name (one reference per
//!   chain, for its last segment).
//! - `match` captures are locals; class patterns reference their class as a Type.
//! - Subtrees nested deeper than `MAX_DEPTH` walk levels are skipped (partial
//!   facts rather than a stack overflow on generated code).

mod defs;
mod imports;
mod refs;
mod scopes;
mod vars;

use std::collections::HashSet;
use std::sync::LazyLock;

use plumb_facts::{FileFacts, Lang, Span, Visibility};
use tree_sitter::{Node, Tree, TreeCursor};

use crate::extractor::RecursiveWalk;
use crate::{LanguageAdapter, NodeClass, extractor, node_class, util};

pub struct PythonAdapter;

impl LanguageAdapter for PythonAdapter {
    fn lang(&self) -> Lang {
        Lang::Python
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["py", "pyi"]
    }
    fn grammar(&self) -> tree_sitter::Language {
        tree_sitter_python::LANGUAGE.into()
    }
    fn node_class(&self, kind: &str) -> NodeClass {
        match kind {
            "subscript" => NodeClass::Index,
            "unary_operator" => NodeClass::Unary,
            "set" => NodeClass::CollectionLit,
            "named_expression" => NodeClass::Assign,
            "match_statement" => NodeClass::Switch,
            "lambda_parameters" => NodeClass::Parameter,
            "list_splat"
            | "dictionary_splat"
            | "list_splat_pattern"
            | "dictionary_splat_pattern"
            | "argument_list" => NodeClass::Other,
            _ => node_class::generic(kind),
        }
    }
    fn extract(&self, tree: &Tree, src: &[u8]) -> FileFacts {
        let root = tree.root_node();
        let mut ex = Extractor {
            src,
            facts: FileFacts::default(),
            imported: HashSet::new(),
            all: Vec::new(),
            module_vars: HashSet::new(),
            fields: HashSet::new(),
            pool: Vec::new(),
            depth: 0,
        };
        ex.facts.parse_errors = util::count_errors(root);
        ex.prescan_imports(root);
        let sc = Scope {
            level: Level::Module,
            container: None,
            local: util::span(root),
            receiver: None,
            class: None,
            enum_class: false,
        };
        let mut cur = root.walk();
        ex.walk(&mut cur, &sc);
        ex.finish()
    }
}

/// Field ids of the Python grammar, looked up once (by-name lookups scan
/// every field name of the grammar).
pub(super) struct Fields {
    pub name: u16,
    pub object: u16,
    pub attribute: u16,
    pub value: u16,
    pub parameters: u16,
    pub body: u16,
    pub ty: u16,
    pub right: u16,
    pub left: u16,
    pub alias: u16,
    pub superclasses: u16,
    pub return_type: u16,
    pub function: u16,
    pub definition: u16,
    pub arguments: u16,
}

pub(super) static F: LazyLock<Fields> = LazyLock::new(|| {
    let l: tree_sitter::Language = tree_sitter_python::LANGUAGE.into();
    let id = |n: &str| l.field_id_for_name(n).map_or(0, |x| x.get());
    Fields {
        name: id("name"),
        object: id("object"),
        attribute: id("attribute"),
        value: id("value"),
        parameters: id("parameters"),
        body: id("body"),
        ty: id("type"),
        right: id("right"),
        left: id("left"),
        alias: id("alias"),
        superclasses: id("superclasses"),
        return_type: id("return_type"),
        function: id("function"),
        definition: id("definition"),
        arguments: id("arguments"),
    }
});

use crate::extractor::MAX_DEPTH;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Level {
    Module,
    Class,
    Function,
}

/// Where the walk is: what a definition made here belongs to.
#[derive(Clone, Copy)]
pub(super) struct Scope<'a> {
    pub level: Level,
    /// Qualified name of the enclosing definition (class or function).
    pub container: Option<&'a str>,
    /// Span in which locals bound here are visible.
    pub local: Span,
    /// Receiver name (`self`) of the method being walked.
    pub receiver: Option<&'a str>,
    /// Qualified name of the class owning that method.
    pub class: Option<&'a str>,
    /// The class whose body is walked derives from an Enum base.
    pub enum_class: bool,
}

pub(super) struct Extractor<'s, 't> {
    pub src: &'s [u8],
    pub facts: FileFacts,
    /// Names bound by imports in this file.
    pub imported: HashSet<String>,
    /// Strings listed in `__all__`.
    pub all: Vec<String>,
    pub module_vars: HashSet<String>,
    /// `Class.field` names already emitted.
    pub fields: HashSet<String>,
    pool: Vec<TreeCursor<'t>>,
    pub depth: u32,
}

const DYNAMIC_CALLS: &[&str] = &[
    "getattr",
    "setattr",
    "hasattr",
    "delattr",
    "eval",
    "exec",
    "globals",
    "__import__",
];

impl<'s, 't> RecursiveWalk<'t> for Extractor<'s, 't> {
    type Scope<'a> = Scope<'a>;

    fn walk(&mut self, cur: &mut TreeCursor<'t>, sc: &Scope) {
        Extractor::walk(self, cur, sc)
    }
    fn pool(&mut self) -> &mut Vec<TreeCursor<'t>> {
        &mut self.pool
    }
    fn depth(&mut self) -> &mut u32 {
        &mut self.depth
    }
}

impl<'s, 't> Extractor<'s, 't> {
    fn finish(mut self) -> FileFacts {
        extractor::publish(&mut self.facts.definitions, &self.all);
        self.facts
    }

    pub fn text(&self, n: Node) -> std::borrow::Cow<'s, str> {
        util::text(n, self.src)
    }

    /// Walk the node under `cur` and everything below it.
    pub fn walk(&mut self, cur: &mut TreeCursor<'t>, sc: &Scope) {
        let node = cur.node();
        // Anonymous nodes (punctuation, keywords) are leaves with nothing to extract.
        if !node.is_named() {
            return;
        }
        match node.kind() {
            "comment" | "string_start" | "string_content" | "string_end" | "integer" | "float"
            | "true" | "false" | "none" | "pass_statement" | "ellipsis" | "global_statement"
            | "nonlocal_statement" | "dotted_name" | "escape_sequence" | "break_statement"
            | "continue_statement" => {}
            "identifier" => self.ident(node),
            "function_definition" => self.function(node, node, false, sc),
            "class_definition" => self.class(node, node, sc),
            "decorated_definition" => self.decorated(node, sc),
            "call" => self.call(node, sc),
            "attribute" => self.attribute(node, sc),
            "import_statement" | "import_from_statement" | "future_import_statement" => {
                self.import(node, sc)
            }
            "assignment" => self.assignment(node, sc),
            "augmented_assignment" => self.aug_assignment(node, sc),
            "for_statement" | "for_in_clause" => self.for_loop(node, sc, sc.local),
            "list_comprehension"
            | "set_comprehension"
            | "dictionary_comprehension"
            | "generator_expression" => self.comprehension(node, sc),
            "lambda" => self.lambda(node, sc),
            "as_pattern" | "except_clause" => self.aliased(node, sc),
            "named_expression" => {
                if let Some(n) = node.child_by_field_id(F.name) {
                    self.bind(n, sc.local);
                }
                if let Some(v) = node.child_by_field_id(F.value) {
                    self.walk_node(v, sc);
                }
            }
            "keyword_argument" => {
                if let Some(v) = node.child_by_field_id(F.value) {
                    self.walk_node(v, sc);
                }
            }
            "case_pattern" => self.case_pattern(node, sc),
            "type" => self.type_expr(node, sc),
            "type_alias_statement" => self.type_alias(node, sc),
            _ => self.children(cur, sc),
        }
    }

    /// Walk every child of `node` except those for which `skip` holds.
    pub fn walk_children_except(
        &mut self,
        node: Node<'t>,
        sc: &Scope,
        skip: impl Fn(Option<&str>, Node) -> bool,
    ) {
        self.each_child(node, |ex, field, ch| {
            if ch.is_named() && !skip(field, ch) {
                ex.walk_node(ch, sc);
            }
        });
    }

    fn aug_assignment(&mut self, node: Node<'t>, sc: &Scope) {
        if let (Some(l), Some(r)) = (
            node.child_by_field_id(F.left),
            node.child_by_field_id(F.right),
        ) {
            if sc.level == Level::Module && self.text(l) == "__all__" {
                self.collect_all(r);
            }
            if l.kind() != "identifier" {
                self.walk_node(l, sc);
            }
            self.walk_node(r, sc);
        }
    }
}

/// `Outer.name`, or `name` at top level.
pub(super) fn qualify(container: Option<&str>, name: &str) -> String {
    match container {
        Some(c) => format!("{c}.{name}"),
        None => name.to_string(),
    }
}

/// Private for `_x` / `__x`, Public for dunders and everything else.
pub(super) fn visibility(name: &str) -> Visibility {
    let dunder = name.len() > 4 && name.starts_with("__") && name.ends_with("__");
    if name.starts_with('_') && !dunder {
        Visibility::Private
    } else {
        Visibility::Public
    }
}

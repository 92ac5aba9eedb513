//! Rust adapter: items, impls, traits, calls, macros, `use` trees.
//!
//! Decisions specific to Rust:
//! - `fn` inside `impl`/`trait` is a Method; its container is the impl'd type's
//!   base name (`impl<T> fmt::Display for Wrapper<T>` -> `Wrapper`) or the trait
//!   name, prefixed by enclosing `mod`s (`outer.Wrapper`).
//! - Visibility: `pub` -> Public, `pub(..)`/`crate` -> Package, none -> Private;
//!   trait items and enum variants take their trait's/enum's visibility, items of
//!   a trait impl (`impl Trait for T`) are Public (they are as visible as the trait).
//! - `static` is a Constant unless `static mut` (Variable). Tuple-struct fields are
//!   not emitted (they have no names).
//! - `use a::b::c` is module `a::b` with name `c`; `use a::{b, c as d}` is one
//!   import of `a` with two names; a single segment `use a as b` is module `a`
//!   with alias `b`. `self`/`super`/`crate` paths, and paths starting at a module
//!   the file declares (`mod m; use m::X;`), are relative. `mod foo;` is both a
//!   Module definition and a relative import of `foo`.
//! - Struct literals `Foo { .. }` are Calls of `Foo` with no argument count;
//!   tuple constructors `Some(x)` are ordinary calls. Macro invocations are Calls
//!   without argument count; calls written inside macro token trees
//!   (`println!("{}", f(x))`) are recovered from the tokens.
//! - Paths in patterns (`Some(x) =>`, `Ordering::Less =>`) and qualified paths in
//!   expressions (`u32::MAX`) are Uses; bare identifiers are Uses only when a
//!   top-level `use` imported them.
//! - Generic parameters are local bindings of their item and never Type references.
//! - `dynamic`: the file defines `macro_rules!`, invokes a macro at item level,
//!   or derives a trait outside the standard derives (proc-macro code generation).
//!
//! This module owns only Rust extraction; shared helpers live in `crate::util`.

mod defs;
mod imports;
mod locals;
mod refs;
pub use refs::is_expression_macro;

use std::collections::HashSet;

use plumb_facts::{FileFacts, Lang, Visibility};
use tree_sitter::{Node, Tree};

use crate::extractor::{self, Scopes};
use crate::util::{self, Visitor};
use crate::{LanguageAdapter, NodeClass};

pub struct RustAdapter;

impl LanguageAdapter for RustAdapter {
    fn lang(&self) -> Lang {
        Lang::Rust
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["rs"]
    }
    fn grammar(&self) -> tree_sitter::Language {
        tree_sitter_rust::LANGUAGE.into()
    }
    fn node_class(&self, kind: &str) -> NodeClass {
        use NodeClass::*;
        match kind {
            "impl_item" | "trait_item" | "enum_item" | "union_item" | "mod_item" => Class,
            "declaration_list"
            | "field_declaration_list"
            | "ordered_field_declaration_list"
            | "enum_variant_list" => Block,
            "struct_expression" => Call,
            "generic_function" | "self" => Identifier,
            "function_type" | "scoped_type_identifier" => Type,
            "reference_expression" | "try_expression" => Unary,
            "function_modifiers"
            | "attribute_item"
            | "inner_attribute_item"
            | "type_cast_expression" => Other,
            _ => crate::node_class::generic(kind),
        }
    }
    fn extract(&self, tree: &Tree, src: &[u8]) -> FileFacts {
        let root = tree.root_node();
        let mut ex = Ex::new(src);
        ex.prepass(root);
        util::walk_tree(root, &mut ex);
        let mut facts = ex.facts;
        mark_local_module_imports(&mut facts);
        facts.parse_errors = util::count_errors(root);
        facts
    }
}

/// Nodes that may stand between an item and its doc comment.
fn is_run_kind(kind: &str) -> bool {
    matches!(kind, "line_comment" | "block_comment" | "attribute_item")
}

/// `mod params; pub use params::X;`: a path starting at a module this file
/// declares is relative, not a crate dependency.
fn mark_local_module_imports(facts: &mut FileFacts) {
    let mods: Vec<&str> = facts
        .definitions
        .iter()
        .filter(|d| d.kind == plumb_facts::DefKind::Module && d.container.is_none())
        .map(|d| d.name.as_str())
        .collect();
    if mods.is_empty() {
        return;
    }
    for imp in &mut facts.imports {
        let first = imp.module.split("::").next().unwrap_or("");
        if !imp.relative && mods.contains(&first) {
            imp.relative = true;
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum FrameKind {
    Mod,
    Struct,
    Enum,
    Trait,
    Impl {
        of_trait: bool,
    },
    Fn,
    /// Any other item that only scopes generic parameters (type alias).
    Other,
}

/// One file's extraction state, driven by [`util::walk_tree`].
struct Ex<'a> {
    src: &'a [u8],
    facts: FileFacts,
    /// Frames carry the visibility their members inherit (trait items, enum variants).
    scopes: Scopes<(FrameKind, Visibility)>,
    /// Node ids already handled by an ancestor: not visited again.
    skip: Vec<usize>,
    /// Names brought in by top-level `use`/`extern crate`.
    imported: HashSet<String>,
    /// Reused buffer for token-tree children.
    buf: Vec<Node<'a>>,
    /// Doc comments and attributes before the node being entered.
    leading: util::LeadingRun<'a>,
}

impl<'a> Ex<'a> {
    fn new(src: &'a [u8]) -> Self {
        Ex {
            src,
            facts: FileFacts::default(),
            scopes: Scopes::default(),
            skip: Vec::new(),
            imported: HashSet::new(),
            buf: Vec::new(),
            leading: util::LeadingRun::default(),
        }
    }

    fn text(&self, n: Node) -> std::borrow::Cow<'a, str> {
        util::text(n, self.src)
    }

    fn top_kind(&self) -> Option<FrameKind> {
        self.scopes.top_kind().map(|(kind, _)| kind)
    }

    /// Imports at file and `mod` level are read before the walk so bare uses of
    /// imported names can be recognised wherever they occur.
    fn prepass(&mut self, node: Node<'a>) {
        let mut cursor = node.walk();
        for child in node.named_children(&mut cursor) {
            match child.kind() {
                "use_declaration" => self.use_declaration(child, true),
                "extern_crate_declaration" => self.extern_crate(child, true),
                "macro_invocation" => self.facts.dynamic = true,
                "mod_item" => {
                    if let Some(body) = child.child_by_field_name("body") {
                        self.prepass(body);
                    }
                }
                _ => {}
            }
        }
    }

    fn push_frame(
        &mut self,
        node: Node<'a>,
        kind: FrameKind,
        name: Option<String>,
        vis: Visibility,
    ) {
        self.scopes.push_frame(node.id(), (kind, vis), name);
        self.bind_generics(node);
    }
}

impl<'a> Visitor<'a> for Ex<'a> {
    fn enter(&mut self, node: Node<'a>) -> bool {
        self.leading.enter(node, is_run_kind(node.kind()));
        if !node.is_named() {
            // Punctuation and keywords carry no facts (token trees read their own tokens).
            return false;
        }
        if extractor::take_mark(&mut self.skip, node.id()) {
            return false;
        }
        match node.kind() {
            "function_item" | "function_signature_item" => self.function(node),
            "struct_item" | "union_item" | "enum_item" | "trait_item" => self.type_item(node),
            "impl_item" => self.impl_item(node),
            "mod_item" => self.mod_item(node),
            "type_item" | "associated_type" => self.type_alias(node),
            "const_item" | "static_item" => self.const_item(node),
            "macro_definition" => {
                self.macro_definition(node);
                return false;
            }
            "enum_variant" => self.enum_variant(node),
            "field_declaration" => self.field(node),
            "use_declaration" => {
                if !self.scopes.blocks.is_empty() {
                    self.use_declaration(node, false);
                }
                return false;
            }
            "extern_crate_declaration" => {
                if !self.scopes.blocks.is_empty() {
                    self.extern_crate(node, false);
                }
                return false;
            }
            "attribute_item" | "inner_attribute_item" => {
                self.attribute(node);
                return false;
            }
            "line_comment"
            | "block_comment"
            | "visibility_modifier"
            | "string_literal"
            | "raw_string_literal"
            | "char_literal"
            | "integer_literal"
            | "float_literal" => {
                return false;
            }
            "block" => self.scopes.blocks.push((node.id(), util::span(node))),
            "call_expression" => self.call(node),
            "macro_invocation" => self.macro_invocation(node),
            "token_tree" => self.token_tree(node),
            "struct_expression" => self.struct_expression(node),
            "scoped_identifier" => {
                self.path_use(node);
                return false;
            }
            "identifier" => {
                self.identifier(node);
                return false;
            }
            "type_identifier" => {
                self.type_identifier(node);
                return false;
            }
            "scoped_type_identifier" => {
                self.scoped_type(node);
                return false;
            }
            "let_declaration" => self.let_declaration(node),
            "let_condition" => {
                if let Some(p) = node.child_by_field_name("pattern") {
                    let scope = self.scopes.block_scope(node);
                    self.bind_pattern(p, scope, 0);
                }
            }
            "for_expression" => {
                if let Some(p) = node.child_by_field_name("pattern") {
                    self.bind_pattern(p, util::span(node), 0);
                }
            }
            "match_arm" => {
                if let Some(p) = node.child_by_field_name("pattern") {
                    self.bind_pattern(p, util::span(node), 0);
                }
            }
            "closure_expression" => self.closure(node),
            "tuple_struct_pattern" | "struct_pattern" => self.pattern_path(node),
            _ => {}
        }
        true
    }

    fn leave(&mut self, node: Node<'a>) {
        self.leading.leave(node, is_run_kind(node.kind()));
        let id = node.id();
        self.scopes.leave(id);
    }
}

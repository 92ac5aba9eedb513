//! Where a reference sits in the changed Java file: its enclosing class
//! bodies, innermost first, read from the file's syntax tree (parsed once
//! per file): named classes (matched to their definitions) and anonymous
//! class bodies (`new T(..) { .. }`, enum constants with bodies), which see
//! the members of their supertype.

use std::rc::Rc;

use plumb_facts::Lang;
use tree_sitter::{Node, Tree};

use super::super::FileCtx;
use super::project::{self, ClassInfo, JFile};

/// One class body around a reference.
#[derive(Debug)]
pub(super) enum Scope {
    Named(ClassInfo),
    /// An anonymous class body: the type it extends, as written.
    Anon(String),
    /// A body the checker cannot describe (a local class it has no definition for).
    Opaque,
}

/// The changed file's syntax tree (parsed once per run).
pub(super) fn syntax(ctx: &FileCtx) -> Rc<Option<Tree>> {
    ctx.project.memo(&format!("java:tree:{}", ctx.path), || {
        plumb_lang::parse(
            plumb_lang::adapter_for_lang(Lang::Java),
            ctx.text.as_bytes(),
        )
    })
}

/// The class bodies enclosing byte `at`, innermost first.
pub(super) fn scopes(ctx: &FileCtx, file: &Rc<JFile>, at: u32) -> Vec<Scope> {
    let t = syntax(ctx);
    let Some(t) = t.as_ref() else {
        return vec![Scope::Opaque];
    };
    let at = at as usize;
    let Some(mut n) = t.root_node().descendant_for_byte_range(at, at) else {
        return vec![Scope::Opaque];
    };
    let mut out = Vec::new();
    let mut child: Option<Node> = None;
    loop {
        match n.kind() {
            "class_declaration"
            | "interface_declaration"
            | "enum_declaration"
            | "record_declaration"
            | "annotation_type_declaration" => {
                let inside_body = child
                    .is_some_and(|c| Some(c.id()) == n.child_by_field_name("body").map(|b| b.id()));
                if inside_body {
                    out.push(named(file, n));
                }
            }
            "object_creation_expression" => {
                if let Some(c) = child
                    && c.kind() == "class_body"
                    && let Some(ty) = n.child_by_field_name("type")
                {
                    out.push(Scope::Anon(type_name(ctx, ty)));
                }
            }
            _ => {}
        }
        child = Some(n);
        match n.parent() {
            Some(p) => n = p,
            None => break,
        }
    }
    out
}

fn named(file: &Rc<JFile>, decl: Node) -> Scope {
    let Some(name) = decl.child_by_field_name("name") else {
        return Scope::Opaque;
    };
    let start = name.start_byte() as u32;
    match file
        .defs
        .iter()
        .find(|d| d.name_span.start_byte == start && project::is_type(d.kind))
    {
        Some(d) => Scope::Named(ClassInfo::from_def(file.clone(), d)),
        None => Scope::Opaque,
    }
}

/// Whether the identifier at byte `at` names a method or constructor
/// declaration (also in anonymous class bodies, which have no definitions).
pub(super) fn declares_method_at(ctx: &FileCtx, at: usize) -> bool {
    let t = syntax(ctx);
    let Some(t) = t.as_ref() else {
        return true;
    };
    let Some(n) = t.root_node().descendant_for_byte_range(at, at) else {
        return false;
    };
    n.kind() == "identifier"
        && n.parent().is_some_and(|p| {
            matches!(p.kind(), "method_declaration" | "constructor_declaration")
                && p.child_by_field_name("name")
                    .is_some_and(|x| x.id() == n.id())
        })
}

/// A type as written, without type arguments or annotations.
fn type_name(ctx: &FileCtx, ty: Node) -> String {
    let ty = if ty.kind() == "generic_type" {
        ty.named_child(0).unwrap_or(ty)
    } else {
        ty
    };
    ctx.text
        .get(ty.start_byte()..ty.end_byte())
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

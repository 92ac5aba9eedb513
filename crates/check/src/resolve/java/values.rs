//! The declared type of a variable a call is made on (`x.m()`): the
//! innermost declaration of `x` visible at the call — a local (`C x = ..`,
//! `var x = new C(..)`), a parameter, a for-each or resource variable, or a
//! field of an enclosing class without supertypes that could declare a
//! nearer one. Only a project class counts; anything else (generic type
//! parameters, arrays, lambda parameters, patterns, inherited fields) is
//! "not known" and the call stays unchecked.

use std::rc::Rc;

use tree_sitter::Node;

use super::super::FileCtx;
use super::context::syntax;
use super::project::{ClassInfo, JFile};
use super::types::{Ty, resolve};

/// What the walk found for the variable.
enum Decl<'t> {
    /// Declared with this type node (and initializer, for `var`); `true`
    /// for a field.
    Typed(Node<'t>, Option<Node<'t>>, bool),
    /// Declared in a way whose type is not read here.
    Opaque,
}

/// The project class `var` is declared with at byte `at`, if certain.
pub(super) fn receiver_class(
    ctx: &FileCtx,
    f: &Rc<JFile>,
    named: &[ClassInfo],
    at: u32,
    var: &str,
) -> Option<ClassInfo> {
    let t = syntax(ctx);
    let t = t.as_ref().as_ref()?;
    let node = t
        .root_node()
        .descendant_for_byte_range(at as usize, at as usize)?;
    let src = ctx.text;
    let text = |n: Node| txt(src, n);
    let span = plumb_facts::Span {
        start_byte: at,
        end_byte: at,
        ..Default::default()
    };
    let has_local = super::super::scope::local_binds(ctx.facts, var, &span);
    let (ty, value) = match find(node, at as usize, var, src)? {
        // A local binding the walk did not see (a pattern variable) is nearer.
        Decl::Typed(_, _, true) if has_local => return None,
        Decl::Typed(t, v, _) => (t, v),
        Decl::Opaque => return None,
    };
    let ty = if text(ty) == "var" {
        let v = value?;
        if v.kind() != "object_creation_expression"
            || v.named_child(v.named_child_count().saturating_sub(1) as u32)
                .is_some_and(|b| b.kind() == "class_body")
        {
            return None;
        }
        v.child_by_field_name("type")?
    } else {
        ty
    };
    let ty = if ty.kind() == "generic_type" {
        ty.named_child(0)?
    } else {
        ty
    };
    if !matches!(ty.kind(), "type_identifier" | "scoped_type_identifier") {
        return None;
    }
    let name: String = text(ty).chars().filter(|c| !c.is_whitespace()).collect();
    let first = name.split('.').next().unwrap_or(&name);
    // A type parameter (recorded as a local binding of its declaration).
    if super::super::scope::local_binds(ctx.facts, first, &span) {
        return None;
    }
    match resolve(ctx, f, named, &name) {
        Ty::Project(c) => Some(c),
        _ => None,
    }
}

/// Walk outwards from the call to the declaration of `var`.
fn find<'t>(start: Node<'t>, at: usize, var: &str, src: &str) -> Option<Decl<'t>> {
    let mut n = start.parent()?;
    loop {
        match n.kind() {
            "block" | "switch_block_statement_group" | "constructor_body" | "program" => {
                if n.kind() == "switch_block_statement_group" && label_binds(n, var, src) {
                    return Some(Decl::Opaque);
                }
                if n.kind() == "switch_block_statement_group" && label_binds(n, var, src) {
                    return Some(Decl::Opaque);
                }
                let mut cursor = n.walk();
                for s in n.named_children(&mut cursor) {
                    if s.start_byte() >= at {
                        break;
                    }
                    if s.kind() == "local_variable_declaration"
                        && let Some(d) = declarator(s, var, src)
                    {
                        return Some(typed(s, d, false));
                    }
                }
            }
            "for_statement" => {
                if let Some(init) = n.child_by_field_name("init")
                    && init.kind() == "local_variable_declaration"
                    && let Some(d) = declarator(init, var, src)
                {
                    return Some(typed(init, d, false));
                }
            }
            "enhanced_for_statement" | "resource" => {
                if n.child_by_field_name("name")
                    .is_some_and(|x| txt(src, x) == var)
                {
                    return Some(Decl::Typed(n.child_by_field_name("type")?, None, false));
                }
            }
            "switch_rule" => {
                // `case Foo x ->`: a pattern variable.
                if label_binds(n, var, src) {
                    return Some(Decl::Opaque);
                }
            }
            "method_declaration" | "constructor_declaration" | "lambda_expression" => {
                if let Some(ps) = n.child_by_field_name("parameters") {
                    if ps.kind() != "formal_parameters" {
                        // `x -> ..`, `(x, y) -> ..`: no written types.
                        if txt(src, ps)
                            .split(|c: char| !c.is_alphanumeric() && c != '_')
                            .any(|w| w == var)
                        {
                            return Some(Decl::Opaque);
                        }
                    } else {
                        let mut cursor = ps.walk();
                        for p in ps.named_children(&mut cursor) {
                            let name = match p.kind() {
                                "formal_parameter" => p.child_by_field_name("name"),
                                _ => None,
                            };
                            if name.is_some_and(|x| txt(src, x) == var) {
                                return Some(Decl::Typed(
                                    p.child_by_field_name("type")?,
                                    None,
                                    false,
                                ));
                            }
                            if p.kind() == "spread_parameter"
                                && txt(src, p).split_whitespace().last() == Some(var)
                            {
                                return Some(Decl::Opaque);
                            }
                        }
                    }
                }
            }
            "catch_clause" => {
                let mut cursor = n.walk();
                if n.named_children(&mut cursor).any(|c| {
                    c.kind() == "catch_formal_parameter"
                        && c.child_by_field_name("name")
                            .is_some_and(|x| txt(src, x) == var)
                }) {
                    return Some(Decl::Opaque);
                }
            }
            "class_body" | "enum_body" | "interface_body" => {
                let decl = n.parent()?;
                let mut cursor = n.walk();
                for m in n.named_children(&mut cursor) {
                    if m.kind() == "field_declaration"
                        && let Some(d) = declarator(m, var, src)
                    {
                        return Some(typed(m, d, true));
                    }
                }
                // A supertype could declare the field; an anonymous body sees
                // its supertype's fields.
                let has_supers = decl.kind() == "object_creation_expression"
                    || decl.child_by_field_name("superclass").is_some()
                    || decl.child_by_field_name("interfaces").is_some()
                    || {
                        let mut c2 = decl.walk();
                        decl.named_children(&mut c2).any(|c| {
                            matches!(
                                c.kind(),
                                "super_interfaces" | "superclass" | "extends_interfaces"
                            )
                        })
                    };
                if has_supers {
                    return None;
                }
            }
            _ => {}
        }
        n = n.parent()?;
    }
}

fn typed<'t>(decl: Node<'t>, d: Declared<'t>, field: bool) -> Decl<'t> {
    match (d, decl.child_by_field_name("type")) {
        (Declared::Init(v), Some(t)) => Decl::Typed(t, v, field),
        _ => Decl::Opaque,
    }
}

/// Whether a switch case's labels bind `var` (a type pattern).
fn label_binds(case: Node, var: &str, src: &str) -> bool {
    let mut cursor = case.walk();
    case.named_children(&mut cursor).any(|c| {
        c.kind() == "switch_label"
            && txt(src, c)
                .split(|ch: char| !ch.is_alphanumeric() && ch != '_')
                .any(|w| w == var)
    })
}

/// How a declaration declares the variable.
enum Declared<'t> {
    /// With this initializer (or none).
    Init(Option<Node<'t>>),
    /// As an array (`C a[]`).
    Array,
}

/// How a declaration declares `var`; `None` when it does not.
fn declarator<'t>(decl: Node<'t>, var: &str, src: &str) -> Option<Declared<'t>> {
    let mut cursor = decl.walk();
    let found = decl
        .children_by_field_name("declarator", &mut cursor)
        .find(|d| {
            d.child_by_field_name("name")
                .is_some_and(|x| txt(src, x) == var)
        })?;
    // `int[] a`, `C a[]`: arrays.
    if found.child_by_field_name("dimensions").is_some() {
        return Some(Declared::Array);
    }
    Some(Declared::Init(found.child_by_field_name("value")))
}

fn txt<'s>(src: &'s str, n: Node) -> &'s str {
    src.get(n.start_byte()..n.end_byte()).unwrap_or("")
}

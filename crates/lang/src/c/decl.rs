//! Declarator reading shared by the C and C++ walkers: unwrapping pointer,
//! array, reference and function declarators down to the declared name,
//! splitting qualified names, and building parameter lists.

use plumb_facts::{Param, ParamKind, Params};
use tree_sitter::Node;

use crate::util::{fold_whitespace, text};

/// What a declarator declares.
#[derive(Clone, Copy)]
pub(crate) struct Declarator<'t> {
    /// The name node: identifier, field/type identifier, qualified identifier,
    /// destructor or operator name, template function, operator cast.
    pub name: Option<Node<'t>>,
    /// The function declarator that applies directly to the name, when the
    /// name denotes a function (not a pointer to one).
    pub func: Option<Node<'t>>,
    /// The declarator closest to the name is a pointer/reference/array.
    pub indirect: bool,
    /// That pointer is itself `const` (`char *const p`).
    pub const_pointer: bool,
}

/// Unwrap `node` down to its name. The declarator closest to the name decides
/// what the name is: in `char *(*f)(int)` it is a pointer (a variable), in
/// `int (*g(int))(double)` it is a function taking `int`.
pub(crate) fn inspect(node: Node) -> Declarator {
    let mut cur = node;
    let mut innermost: Option<Node> = None;
    let mut out = Declarator {
        name: None,
        func: None,
        indirect: false,
        const_pointer: false,
    };
    loop {
        match cur.kind() {
            "init_declarator" | "attributed_declarator" | "variadic_declarator" => {
                match cur
                    .child_by_field_name("declarator")
                    .or_else(|| last_named(cur))
                {
                    Some(n) => cur = n,
                    None => break,
                }
            }
            "parenthesized_declarator" => match first_declarator(cur) {
                Some(n) => cur = n,
                None => break,
            },
            "pointer_declarator"
            | "reference_declarator"
            | "array_declarator"
            | "function_declarator" => {
                innermost = Some(cur);
                match cur
                    .child_by_field_name("declarator")
                    .or_else(|| last_named(cur))
                {
                    Some(n) => cur = n,
                    None => break,
                }
            }
            "operator_cast" => {
                out.name = Some(cur);
                out.func = cur.child_by_field_name("declarator");
                return out;
            }
            "identifier"
            | "field_identifier"
            | "type_identifier"
            | "qualified_identifier"
            | "destructor_name"
            | "operator_name"
            | "template_function"
            | "template_type"
            | "structured_binding_declarator"
            | "primitive_type" => {
                out.name = Some(cur);
                break;
            }
            // gnu_asm_expression, ERROR, comments, macro junk: no name.
            _ => break,
        }
    }
    if let Some(w) = innermost {
        if w.kind() == "function_declarator" {
            out.func = Some(w);
        } else {
            out.indirect = true;
            let mut c = w.walk();
            out.const_pointer = w.kind() == "pointer_declarator"
                && w.children(&mut c).any(|q| {
                    q.kind() == "type_qualifier" && q.child(0).is_some_and(|k| k.kind() == "const")
                });
        }
    }
    out
}

fn last_named(node: Node) -> Option<Node> {
    let n = node.named_child_count();
    (0..n)
        .rev()
        .filter_map(|i| node.named_child(i as u32))
        .find(|c| !matches!(c.kind(), "comment" | "type_qualifier" | "ms_based_modifier"))
}

fn first_declarator(node: Node) -> Option<Node> {
    let mut c = node.walk();
    node.named_children(&mut c).find(|n| {
        !matches!(
            n.kind(),
            "comment" | "attribute_specifier" | "ms_call_modifier"
        )
    })
}

/// A name split into its written scope segments and final name.
pub(crate) struct SplitName<'t> {
    /// Scope segments as written (`A::B::f` gives `["A", "B"]`), template
    /// arguments dropped (`X<T>::f` gives `["X"]`).
    pub scope: Vec<String>,
    pub name: String,
    /// The final name token, for `name_span`.
    pub token: Node<'t>,
}

/// Split a (possibly qualified) declarator name.
pub(crate) fn split_name<'t>(node: Node<'t>, src: &[u8]) -> SplitName<'t> {
    let mut scope = Vec::new();
    let mut cur = node;
    // Right-nested: A::(B::(f)); bounded by the tree depth.
    while cur.kind() == "qualified_identifier" {
        if let Some(s) = cur.child_by_field_name("scope") {
            let seg = match s.kind() {
                "template_type" => s.child_by_field_name("name").unwrap_or(s),
                _ => s,
            };
            scope.push(fold_whitespace(&text(seg, src), 120));
        }
        match cur.child_by_field_name("name") {
            Some(n) => cur = n,
            None => break,
        }
    }
    let (name, token) = match cur.kind() {
        "template_function" | "template_type" | "template_method" => {
            let n = cur.child_by_field_name("name").unwrap_or(cur);
            (text(n, src).into_owned(), n)
        }
        "destructor_name" => (
            format!("~{}", text(cur, src).trim_start_matches('~').trim_start()),
            cur,
        ),
        "operator_name" => (operator_text(&text(cur, src)), cur),
        "operator_cast" => {
            let ty = cur
                .child_by_field_name("type")
                .map(|t| fold_whitespace(&text(t, src), 120))
                .unwrap_or_default();
            (format!("operator {ty}"), cur)
        }
        _ => (fold_whitespace(&text(cur, src), 200), cur),
    };
    SplitName { scope, name, token }
}

/// `operator +` -> `operator+`, `operator  new` -> `operator new`.
fn operator_text(raw: &str) -> String {
    let folded = fold_whitespace(raw, 120);
    let rest = folded
        .strip_prefix("operator")
        .unwrap_or(&folded)
        .trim_start();
    if rest.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
        format!("operator {rest}")
    } else {
        format!("operator{}", rest.replace(' ', ""))
    }
}

/// The plain identifier a (parameter or local) declarator binds, if any.
pub(crate) fn bound_name<'t>(declarator: Node<'t>) -> Option<Node<'t>> {
    inspect(declarator).name.filter(|n| {
        matches!(
            n.kind(),
            "identifier" | "field_identifier" | "type_identifier"
        )
    })
}

/// The parameters of a `parameter_list` (or `preproc_params`). `(void)` is
/// no parameters; `...` and `T... xs` are variadic; K&R identifier lists are
/// positional names.
pub(crate) fn params(list: Node, src: &[u8]) -> Params {
    let mut out = Vec::new();
    let mut void_only = false;
    let mut cursor = list.walk();
    for (i, p) in list.children(&mut cursor).enumerate() {
        match p.kind() {
            "parameter_declaration" | "optional_parameter_declaration" => {
                let decl = p.child_by_field_name("declarator");
                let name = decl.and_then(bound_name);
                if decl.is_none()
                    && i == 1
                    && p.child_by_field_name("type")
                        .is_some_and(|t| t.kind() == "primitive_type" && &*text(t, src) == "void")
                {
                    void_only = true;
                }
                out.push(Param {
                    name: name.map_or_else(|| "_".to_string(), |n| text(n, src).into_owned()),
                    kind: ParamKind::PositionalOnly,
                    has_default: p.kind() == "optional_parameter_declaration",
                    type_text: Some(type_text(p, decl, name, src)),
                });
            }
            "variadic_parameter_declaration" => {
                let decl = p.child_by_field_name("declarator");
                let name = decl.and_then(bound_name);
                out.push(Param {
                    name: name.map_or_else(|| "...".to_string(), |n| text(n, src).into_owned()),
                    kind: ParamKind::VarPositional,
                    has_default: false,
                    type_text: Some(type_text(p, decl, name, src)),
                });
            }
            "variadic_parameter" | "..." => out.push(Param {
                name: "...".to_string(),
                kind: ParamKind::VarPositional,
                has_default: false,
                type_text: None,
            }),
            "identifier" => {
                let t = text(p, src);
                // GNU named variadic macro parameter `args...`: identifier then
                // `...` (an ERROR node in tree-sitter-c).
                let variadic = p.next_sibling().is_some_and(|n| {
                    n.kind() == "..." || (n.is_error() && text(n, src).trim() == "...")
                });
                out.push(Param {
                    name: t.into_owned(),
                    kind: if variadic {
                        ParamKind::VarPositional
                    } else {
                        ParamKind::PositionalOnly
                    },
                    has_default: false,
                    type_text: None,
                });
            }
            _ => {}
        }
    }
    // A GNU `args...` already produced its VarPositional; drop the extra `...`.
    if let Some(pos) = out
        .iter()
        .position(|p| p.kind == ParamKind::VarPositional && p.name != "...")
        && out.get(pos + 1).is_some_and(|p| p.name == "...")
    {
        out.remove(pos + 1);
    }
    if void_only && out.len() == 1 {
        out.clear();
    }
    Params::new(out)
}

/// The parameter's text without its name and default value, folded.
fn type_text(p: Node, decl: Option<Node>, name: Option<Node>, src: &[u8]) -> String {
    let end = decl.map_or(p.end_byte(), |d| d.end_byte());
    let start = p.start_byte();
    let raw = match name {
        Some(n) => {
            let mut s = String::from_utf8_lossy(&src[start..n.start_byte()]).into_owned();
            s.push_str(&String::from_utf8_lossy(
                &src[n.end_byte()..end.max(n.end_byte())],
            ));
            s
        }
        None => String::from_utf8_lossy(&src[start..end]).into_owned(),
    };
    fold_whitespace(&raw, 120)
}

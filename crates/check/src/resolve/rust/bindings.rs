//! Types of bindings no annotation spells, read off what the code does
//! write: an enum variant's field for a pattern binding (`Entry::Vacant(e)`),
//! a written collection's element for a `for` item or a closure parameter of
//! an iterator adapter (`xs.iter().map(|x| ..)`), a unit struct for its
//! value (`Pretty.fmt()`). Used by `values`; owns no lookup of its own beyond
//! the definitions it reads.

use plumb_facts::{DefKind, Reference};

use super::super::FileCtx;
use super::assoc::impl_type_at;
use super::lets::last_let_any;
use super::values::{bindings_at, project_path, project_type, strip_refs};

/// `Entry::Vacant(entry) => entry.insert(..)`: the type of the one field of
/// the project enum variant whose pattern (the last before the call) binds
/// `var`.
pub(super) fn variant_field_type(
    ctx: &FileCtx,
    r: &Reference,
    body: &str,
    var: &str,
) -> Option<String> {
    let mut found: Option<String> = None;
    for (field, _) in variant_fields(ctx, r, body, var)? {
        let ty = project_type(ctx, r, &field)?;
        if found.as_ref().is_some_and(|t| *t != ty) {
            return None;
        }
        found = Some(ty);
    }
    // `Array(counter::Sender<..>)` beside a `channel::Sender`: a name two
    // project types share says too little.
    let ty = found?;
    let types = ctx
        .project
        .defs_named(&ty, 10)
        .iter()
        .filter(|d| matches!(d.def.kind, DefKind::Struct | DefKind::Enum | DefKind::Union))
        .count();
    (types == 1).then_some(ty)
}

/// The written field of each one-field variant of a project enum that the
/// last pattern before the call binding `var` names (`Data::OnDisk(file)`
/// -> `File`), with the file that writes it; `None` when the pattern is no
/// such variant or one of them has other than one field.
pub(super) fn variant_fields(
    ctx: &FileCtx,
    r: &Reference,
    body: &str,
    var: &str,
) -> Option<Vec<(String, String)>> {
    let at = ["(", "(ref ", "(mut ", "(ref mut "]
        .iter()
        .filter_map(|p| {
            let pat = format!("{p}{var})");
            body.rfind(&pat)
        })
        .max()?;
    let head = &body[..at];
    let path_len = head
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
        .map(char::len_utf8)
        .sum::<usize>();
    let path = &head[head.len() - path_len..];
    let (enum_path, variant) = path.rsplit_once("::")?;
    let enum_name = enum_path.rsplit("::").next()?;
    if !variant.starts_with(char::is_uppercase) || !enum_name.starts_with(char::is_uppercase) {
        return None;
    }
    let enum_name = if enum_name == "Self" {
        impl_type_at(ctx, r)?
    } else {
        if !project_path(ctx, r, enum_path) {
            return None;
        }
        enum_name.to_string()
    };
    let mut fields = Vec::new();
    for d in ctx.project.defs_named(variant, 20) {
        if d.def.kind != DefKind::EnumVariant
            || d.def
                .container
                .as_deref()
                .and_then(|c| c.rsplit('.').next())
                != Some(&enum_name)
        {
            continue;
        }
        let rc = ctx.project.facts_of(&d.path)?;
        let item =
            rc.0.get(d.def.span.start_byte as usize..d.def.span.end_byte as usize)?;
        let written = item.split_once('(')?.1.strip_suffix(')')?;
        let [field] = super::generics::split_top(written, ',')
            .into_iter()
            .filter(|f| !f.trim().is_empty())
            .collect::<Vec<_>>()[..]
        else {
            return None;
        };
        fields.push((field.trim().to_string(), d.path.clone()));
    }
    (!fields.is_empty()).then_some(fields)
}

/// `for item in &self.items { item.m() }`: the element type of the
/// collection the last `for` binding `var` walks, when its type is written
/// (a field of `self`, a parameter, or a `let` with a type).
pub(super) fn for_item_type(ctx: &FileCtx, r: &Reference, body: &str, var: &str) -> Option<String> {
    let at = ["", "mut ", "&", "&mut "]
        .iter()
        .filter_map(|p| {
            body.rfind(&format!("for {p}{var} in "))
                .map(|i| (i, p.len()))
        })
        .max()?;
    let expr_start = at.0 + 4 + at.1 + var.len() + 4;
    let rest = &body[expr_start..];
    let open = rest.find('{')?;
    // The loop's block must still be open where the call is.
    if !still_open(&rest[open..], b'{', b'}') {
        return None;
    }
    let expr = rest[..open].trim();
    let expr = expr
        .strip_prefix("&mut ")
        .or_else(|| expr.strip_prefix('&'))
        .unwrap_or(expr);
    let expr = ITERATE
        .iter()
        .find_map(|s| expr.strip_suffix(s))
        .unwrap_or(expr)
        .trim();
    element_of_written(ctx, r, body, expr)
}

/// Whether the bracket `text` starts with is not closed within `text`.
fn still_open(text: &str, open: u8, close: u8) -> bool {
    let mut depth = 0i32;
    for b in text.bytes() {
        if b == open {
            depth += 1;
        } else if b == close {
            depth -= 1;
        }
        if depth == 0 {
            return false;
        }
    }
    true
}

/// Calls that iterate a collection over its elements.
const ITERATE: [&str; 3] = [".iter()", ".iter_mut()", ".into_iter()"];

/// `xs.iter().map(|x| x.m())`: the element type of the written collection a
/// closure parameter `var` of an iterator adapter is handed, when the closure
/// is still open where the call is.
pub(super) fn closure_item_type(
    ctx: &FileCtx,
    r: &Reference,
    body: &str,
    var: &str,
) -> Option<String> {
    const ADAPTERS: [&str; 13] = [
        "map",
        "filter",
        "for_each",
        "any",
        "all",
        "find",
        "filter_map",
        "flat_map",
        "position",
        "inspect",
        "take_while",
        "skip_while",
        "find_map",
    ];
    let at = ["|", "|&"]
        .iter()
        .filter_map(|p| body.rfind(&format!("{p}{var}|")))
        .max()?;
    let head = body[..at].trim_end();
    let call = head.strip_suffix('(')?;
    // The adapter's parentheses must still be open where the call is.
    if !still_open(&body[call.len()..], b'(', b')') {
        return None;
    }
    let dot = call.rfind('.')?;
    if !ADAPTERS.contains(&call[dot + 1..].trim()) {
        return None;
    }
    let recv = ITERATE
        .iter()
        .find_map(|s| call[..dot].trim_end().strip_suffix(s))?;
    let from = recv
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
        .map_or(0, |i| i + 1);
    element_of_written(ctx, r, body, &recv[from..])
}

/// The element type of `expr` (`self.items` or a parameter `xs`) by its
/// written collection type.
fn element_of_written(ctx: &FileCtx, r: &Reference, body: &str, expr: &str) -> Option<String> {
    let written = if let Some(field) = expr.strip_prefix("self.") {
        if !field.chars().all(|c| c.is_alphanumeric() || c == '_') {
            return None;
        }
        super::returns::field_written_type(ctx, &impl_type_at(ctx, r)?, field)?
    } else {
        if !expr.chars().all(|c| c.is_alphanumeric() || c == '_')
            || bindings_at(ctx, r, expr)? != 1
            || last_let_any(body, expr)
        {
            return None;
        }
        let f = ctx.enclosing_function(r)?;
        let p = f.params.as_ref()?.list.iter().find(|p| p.name == expr)?;
        p.type_text.clone()?
    };
    project_type(ctx, r, element_type(&written)?)
}

/// `Foo` from `Vec<Foo>`, `&[Foo]`, `[Foo; 4]`, `VecDeque<Foo>`,
/// `BTreeSet<Foo>`, `Option<Foo>`: what iterating the collection yields.
fn element_type(t: &str) -> Option<&str> {
    let t = strip_refs(t);
    if let Some(inner) = t.strip_prefix('[') {
        let inner = inner.strip_suffix(']')?;
        return Some(super::generics::split_top(inner, ';').first()?.trim());
    }
    let (base, args) = t.split_once('<')?;
    let base = base.trim().rsplit("::").next()?;
    if !matches!(
        base,
        "Vec" | "VecDeque" | "LinkedList" | "HashSet" | "BTreeSet" | "BinaryHeap" | "Option"
    ) {
        return None;
    }
    let args = args.trim_end().strip_suffix('>')?;
    Some(super::generics::split_top(args, ',').first()?.trim())
}

/// Whether `name` is a unit struct of the project (`pub struct Pretty;`)
/// and nothing else of that name.
pub(super) fn unit_struct(ctx: &FileCtx, name: &str) -> bool {
    if !name.starts_with(char::is_uppercase)
        || !name.chars().all(|c| c.is_alphanumeric() || c == '_')
    {
        return false;
    }
    let defs = ctx.project.defs_named(name, 10);
    !defs.is_empty()
        && defs.iter().all(|d| {
            d.def.kind == DefKind::Struct
                && ctx.project.facts_of(&d.path).is_some_and(|rc| {
                    rc.0.get(d.def.span.start_byte as usize..d.def.span.end_byte as usize)
                        .is_some_and(|t| t.trim_end().ends_with(';') && !t.contains(['(', '{']))
                })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn element_types_of_collections() {
        assert_eq!(element_type("Vec<Foo>"), Some("Foo"));
        assert_eq!(element_type("&[Foo]"), Some("Foo"));
        assert_eq!(element_type("[Foo; 4]"), Some("Foo"));
        assert_eq!(
            element_type("std::collections::VecDeque<a::Foo>"),
            Some("a::Foo")
        );
        assert_eq!(element_type("HashMap<K, V>"), None);
        assert_eq!(element_type("Foo"), None);
    }
}

/// The type of the one binding of `var` at `r` that a pattern makes, read
/// by what opens its scope: a closure parameter (`|c|`, the element of the
/// iterated collection), a `for` pattern, or a variant pattern of a `match`
/// arm or `if let` (looked for from the scope's start only, so an arm closed
/// before `r` says nothing). `body` is `f`'s text up to `r`.
pub(super) fn pattern_binding_type(
    ctx: &FileCtx,
    r: &Reference,
    f: &plumb_facts::Definition,
    body: &str,
    var: &str,
) -> Option<String> {
    let scope_start = ctx
        .facts
        .locals
        .iter()
        .filter(|l| {
            l.name == var
                && f.span.start_byte <= l.scope.start_byte
                && l.scope.start_byte <= r.span.start_byte
                && r.span.end_byte <= l.scope.end_byte
        })
        .map(|l| l.scope.start_byte)
        .max()?;
    let at = ((scope_start - f.span.start_byte) as usize).min(body.len());
    let opens = &body[at..];
    if opens.starts_with('|') || opens.starts_with("move") {
        closure_item_type(ctx, r, body, var)
    } else if opens.starts_with("for") {
        for_item_type(ctx, r, body, var)
    } else {
        variant_field_type(ctx, r, opens, var)
    }
}

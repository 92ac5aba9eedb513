//! Python scope facts the name checks need beyond the adapter's locals:
//! nested functions bound only by `def`,
//! which definitions shadow an import where a reference is, and local
//! imports that are the only binding of their name in a function.

use plumb_facts::{DefKind, Definition, FileFacts, Reference};

use super::super::{FileCtx, word_positions};

/// The function nested in an enclosing function that a bare call names,
/// when that scope binds the name only with `def` and uses it only in calls.
pub(super) fn nested_function<'f>(ctx: &FileCtx<'f, '_>, r: &Reference) -> Option<&'f Definition> {
    let facts: &'f FileFacts = ctx.facts;
    let mut found = facts.definitions.iter().filter(|d| {
        d.name == r.name
            && d.kind == DefKind::Function
            && d.container.as_deref().is_some_and(|c| {
                facts.definitions.iter().any(|o| {
                    matches!(o.kind, DefKind::Function | DefKind::Method)
                        && o.qualified_name() == c
                        && o.span.contains(&r.span)
                })
            })
    });
    let d = found.next()?;
    if found.next().is_some() {
        return None;
    }
    let outer = facts.definitions.iter().find(|o| {
        matches!(o.kind, DefKind::Function | DefKind::Method)
            && Some(o.qualified_name()) == d.container
    })?;
    let body = ctx
        .text
        .get(outer.span.start_byte as usize..outer.span.end_byte as usize)?;
    // A parameter or comprehension variable of an inner scope hides it.
    if facts.locals.iter().any(|l| {
        l.name == r.name
            && l.scope.contains(&r.span)
            && outer.span.contains(&l.scope)
            && l.scope != outer.span
            && l.scope.start_byte > outer.span.start_byte
    }) {
        return None;
    }
    let rebinds = word_positions(body, &r.name).any(|p| binds_at(body, p, r.name.len()));
    (!rebinds).then_some(d)
}

/// Whether the occurrence of a name at `p` (length `len`) in `body` binds
/// it again: an assignment target, a loop or `as` variable, a parameter,
/// a `global`/`nonlocal`/`import`/`class` name. Its own `def`, calls and
/// uses as a value do not.
pub(super) fn binds_at(body: &str, p: usize, len: usize) -> bool {
    let pre = body[..p].trim_end();
    let post = body[p + len..].trim_start();
    if pre.ends_with("def") && !pre.ends_with("_def") {
        return false;
    }
    if post.starts_with('(') {
        return false;
    }
    if (post.starts_with('=') && !post.starts_with("=="))
        || post.starts_with(":=")
        || post.starts_with("+=")
    {
        return true;
    }
    let last_word = pre
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '_'))
        .next()
        .unwrap_or("");
    if matches!(
        last_word,
        "for" | "as" | "global" | "nonlocal" | "import" | "del" | "class" | "lambda"
    ) {
        return true;
    }
    let line_start = body[..p].rfind('\n').map_or(0, |i| i + 1);
    let line = body[line_start..p].trim_start();
    if (line.starts_with("def ") || line.starts_with("async def ") || line.contains("lambda"))
        && line.contains(['(', ' '])
    {
        // In a parameter list (or a lambda's).
        return true;
    }
    // `a, name = …` and `name, b = …`.
    let stmt_end = body[p..].find('\n').map_or(body.len(), |i| p + i);
    let rest = &body[p..stmt_end];
    (line.is_empty() || line.ends_with(','))
        && (post.starts_with(',') || line.ends_with(','))
        && rest.contains(" = ")
}

/// Whether definition `d` rebinds its name where `r` is: module level
/// always, a function's names in that function and the functions nested in
/// it, a class body's names only in the class body itself (methods do not
/// see them).
pub(super) fn shadows(facts: &FileFacts, d: &Definition, r: &Reference) -> bool {
    let Some(c) = d.container.as_deref() else {
        return true;
    };
    let mut at = r.enclosing.as_deref().unwrap_or("");
    // Decorators belong to the scope around the definition they decorate.
    if let Some(e) = facts
        .definitions
        .iter()
        .find(|e| e.qualified_name() == at && r.span.start_byte < e.name_span.start_byte)
    {
        at = e.container.as_deref().unwrap_or("");
    }
    if at == c {
        return true;
    }
    let in_class = facts
        .definitions
        .iter()
        .any(|o| matches!(o.kind, DefKind::Class | DefKind::Enum) && o.qualified_name() == c);
    !in_class && at.starts_with(c) && at[c.len()..].starts_with('.')
}

/// Whether the local binding of `name` around `r` is only an import in
/// that function (`import json` inside it), every import of the file
/// binding `name` means the same module, and nothing else rebinds it there.
pub(super) fn local_import_only(ctx: &FileCtx, r: &Reference, name: &str) -> bool {
    let Some(scope) = ctx
        .facts
        .locals
        .iter()
        .filter(|l| l.name == name && l.scope.contains(&r.span))
        .min_by_key(|l| l.scope.end_byte - l.scope.start_byte)
        .map(|l| l.scope)
    else {
        return false;
    };
    let mut paths: Vec<String> = Vec::new();
    let mut inside = false;
    for imp in &ctx.facts.imports {
        if let Some((_, full)) = super::classes::binding_in(std::slice::from_ref(imp), name) {
            inside |= scope.contains(&imp.span);
            paths.push(full);
        }
    }
    paths.dedup();
    if !inside || paths.len() != 1 {
        return false;
    }
    let Some(body) = ctx
        .text
        .get(scope.start_byte as usize..scope.end_byte as usize)
    else {
        return false;
    };
    !word_positions(body, name).any(|p| {
        let line_start = body[..p].rfind('\n').map_or(0, |i| i + 1);
        let line = body[line_start..].trim_start();
        !(line.starts_with("import ") || line.starts_with("from ")) && binds_at(body, p, name.len())
    })
}

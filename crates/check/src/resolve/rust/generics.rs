//! Values whose type is a generic parameter: `fn f<B: Flags>(flags: &B)`,
//! `impl<B: Flags> Iter<B>`, `where B: Flags`. Their methods are those of
//! the bounds, so a name no bound has is reported when every bound is a
//! project trait, a standard trait whose methods are known, or a trait of
//! an installed dependency that never spells the name. Reads only the
//! signature and impl header texts; knows nothing of other scopes.

use plumb_facts::Reference;

use super::super::{FileCtx, Outcome};
use super::*;
use crate::report::FindingKind;

/// The trait bounds (last path segments) written for generic parameter
/// `ty` on the function enclosing `r` and its impl, or `None` when `ty`
/// is no generic parameter there.
pub(super) fn bounds_of(ctx: &FileCtx, r: &Reference, ty: &str) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for b in bound_texts_of(ctx, r, ty)? {
        let base = b.split('<').next().unwrap_or(&b).trim();
        let last = base.rsplit("::").next().unwrap_or(base).to_string();
        if !out.contains(&last) {
            out.push(last);
        }
    }
    Some(out)
}

/// The trait bounds of generic parameter `ty` as written, generic
/// arguments kept (`AsRef<Path>`), or `None` when `ty` is no generic
/// parameter of the function enclosing `r` or its impl.
pub(super) fn bound_texts_of(ctx: &FileCtx, r: &Reference, ty: &str) -> Option<Vec<String>> {
    if !ty.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    let f = ctx.enclosing_function(r)?;
    let text = ctx.text;
    let start = f.span.start_byte as usize;
    let sig = text.get(start..)?;
    let sig = &sig[..sig.find('{')?];
    let mut found = false;
    let mut out = Vec::new();
    let fn_at = super::super::word_positions(sig, "fn").next()?;
    let after_fn = &sig[fn_at + 2..];
    let name_end = after_fn
        .trim_start()
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map(|i| i + (after_fn.len() - after_fn.trim_start().len()))?;
    collect(&after_fn[name_end..], ty, &mut found, &mut out);
    if f.kind == plumb_facts::DefKind::Method
        && let Some(header) = impl_header(text, start)
    {
        collect(
            header.strip_prefix("impl").unwrap_or(header),
            ty,
            &mut found,
            &mut out,
        );
    }
    found.then_some(out)
}

/// The header (`impl<..> X<..> where ..`) of the impl block around byte `at`
/// (a method's start: the nearest `impl` line before it usually is it).
pub(super) fn impl_header(text: &str, at: usize) -> Option<&str> {
    let before = text.get(..at)?;
    let mut search = before.len();
    while let Some(i) = before[..search].rfind("impl") {
        search = i;
        let line_start = before[..i].rfind('\n').map_or(0, |n| n + 1);
        if !before[line_start..i].trim().is_empty()
            && !before[line_start..i].trim().starts_with("unsafe")
        {
            continue;
        }
        let open = i + before[i..].find('{')?;
        // The impl encloses `at` when its braces are still open there.
        let depth = before[open..]
            .bytes()
            .fold(0i32, |d, b| d + (b == b'{') as i32 - (b == b'}') as i32);
        if depth > 0 {
            return Some(&before[i..open]);
        }
    }
    None
}

/// Bounds of `ty` in the `<..>` list at the start of `s` and in its
/// `where`. Only the `<..>` list declares generic parameters: `where
/// MemoryStore: FromRef<S>` bounds a concrete type, which stays one.
fn collect(s: &str, ty: &str, found: &mut bool, out: &mut Vec<String>) {
    let s = s.trim_start();
    if let Some(rest) = s.strip_prefix('<') {
        let end = close(rest);
        for p in split_top(&rest[..end], ',') {
            bound_clause(p, ty, Some(&mut *found), out);
        }
    }
    if let Some(w) = s.find("where") {
        for p in split_top(&s[w + 5..], ',') {
            bound_clause(p, ty, None, out);
        }
    }
}

/// The bounds clause `p` (`T: A + B`) of `ty` into `out`; `declared` is set
/// when the clause stands in a parameter list.
fn bound_clause(p: &str, ty: &str, declared: Option<&mut bool>, out: &mut Vec<String>) {
    let p = p.trim();
    let (name, bounds) = match p.split_once(':') {
        Some((n, b)) if !b.starts_with(':') && !n.ends_with(':') => (n.trim(), b),
        _ => (p, ""),
    };
    if name != ty {
        return;
    }
    if let Some(found) = declared {
        *found = true;
    }
    for b in split_top(bounds, '+') {
        let b = b.trim().trim_start_matches('?');
        if b.is_empty() || b.starts_with('\'') {
            continue;
        }
        out.push(b.to_string());
    }
}

/// Index of the `>` closing a list whose `<` was just consumed.
pub(super) fn close(s: &str) -> usize {
    let mut depth = 1i32;
    for (i, c) in s.char_indices() {
        match c {
            '<' => depth += 1,
            '>' if !s[..i].ends_with('-') => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    s.len()
}

/// `s` split at `sep` outside `<..>`, `(..)` and `[..]` (a `->` is no bracket).
pub(super) fn split_top(s: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut from = 0;
    for (i, c) in s.char_indices() {
        match c {
            '<' | '(' | '[' => depth += 1,
            '>' | ')' | ']' if !(c == '>' && s[..i].ends_with('-')) => depth -= 1,
            c if c == sep && depth == 0 => {
                out.push(&s[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    out.push(&s[from..]);
    out
}

/// Bounds that give a value no methods of their own.
pub(super) const MARKER_TRAITS: [&str; 5] = ["Sized", "Send", "Sync", "Unpin", "Copy"];

/// `v.m(..)` where `v`'s type is generic parameter `ty` with `bounds`.
pub(super) fn check_bounded(
    ctx: &FileCtx,
    r: &Reference,
    ty: &str,
    bounds: &[String],
) -> Vec<Outcome> {
    let texts = bound_texts_of(ctx, r, ty).unwrap_or_default();
    let mut project = Vec::new();
    let mut lacking_deps: Vec<(String, std::path::PathBuf)> = Vec::new();
    for b in bounds
        .iter()
        .filter(|b| !MARKER_TRAITS.contains(&b.as_str()))
    {
        let is_project_trait = ctx
            .project
            .defs_named(b, 10)
            .iter()
            .any(|d| d.def.kind == plumb_facts::DefKind::Trait);
        if is_project_trait {
            project.push(b.clone());
        } else if std_trait_methods_known(b) {
        } else if let Some(dep) = dep_bound_lacking(ctx, r, &texts, b) {
            lacking_deps.push(dep);
        } else {
            // `T: Iterator`, a trait of a dependency that may have the name:
            // its methods are not listed here.
            return vec![skipped!()];
        }
    }
    if project.is_empty() {
        return match lacking_deps.is_empty() {
            true => vec![skipped!()],
            false => dep_bounded(ctx, r, ty, bounds, &lacking_deps),
        };
    }
    let mut found = None;
    for tr in &project {
        let out = super::assoc::check_assoc(ctx, r, tr, false);
        match out.first() {
            Some(Outcome::Found(f)) if f.kind == FindingKind::UnknownSymbol => {
                found.get_or_insert(out);
            }
            _ => return out,
        }
    }
    let mut out = found.unwrap_or_else(|| vec![skipped!()]);
    if let Some(Outcome::Found(f)) = out.first_mut() {
        f.message = format!(
            "no method named '{}' found for '{ty}' (bounded by {})",
            r.name,
            bounds.join(" + ")
        );
        f.evidence.insert(
            0,
            format!("{ty} is a generic parameter: its methods are those of its bounds"),
        );
    }
    out
}

/// The dependency (crate, installed source) whose trait bound `b` of the
/// generic parameter is, when that trait and its supertraits declare no fn
/// named as `r` (or, for a trait the crate only re-exports, when neither it
/// nor the crates it depends on spell the name): the bound cannot give it.
fn dep_bound_lacking(
    ctx: &FileCtx,
    r: &Reference,
    texts: &[String],
    b: &str,
) -> Option<(String, std::path::PathBuf)> {
    let written = texts.iter().find(|t| {
        let base = t.split('<').next().unwrap_or(t).trim();
        base.rsplit("::").next() == Some(b)
    })?;
    let path = written.split('<').next().unwrap_or(written).trim();
    let full = match path.split_once("::") {
        Some(_) => path.to_string(),
        None => use_binding(ctx, path, &r.span)?,
    };
    let super::traits::Origin::Dep(krate) = super::traits::origin_of_path(ctx, &full, ctx.path)
    else {
        return None;
    };
    let dir = super::traits::dep_source(ctx, &krate)?;
    (!super::traits::dep_trait_may_provide(ctx, &dir, b, &r.name, 0)).then_some((krate, dir))
}

/// `v.m(..)` for `v: T` whose bounds are std traits with known methods and
/// traits of installed dependencies that never spell `m`: reported unless
/// std, the project or an in-scope trait could still add it.
fn dep_bounded(
    ctx: &FileCtx,
    r: &Reference,
    ty: &str,
    bounds: &[String],
    deps: &[(String, std::path::PathBuf)],
) -> Vec<Outcome> {
    let name = r.name.as_str();
    if std_fn_names().contains(name) || ctx.project.name_defined(name) || ctx.bound_elsewhere(name)
    {
        return vec![skipped!()];
    }
    let dep_traits = super::traits::dep_traits(ctx, r, name);
    if dep_traits == super::traits::DepTraits::MayProvide {
        return vec![skipped!()];
    }
    let mut evidence = vec![format!(
        "{ty} is a generic parameter: its methods are those of its bounds"
    )];
    for (krate, dir) in deps {
        evidence.push(format!(
            "the bound's trait as {krate} ({}) declares it, and its supertraits: no fn '{name}'",
            dir.display()
        ));
    }
    evidence.push("the standard library, project traits and in-scope traits: none name it".into());
    let confidence = dep_traits.weigh(
        name,
        if ctx.facts.dynamic { 0.6 } else { 0.7 },
        &mut evidence,
    );
    vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!(
            "no method named '{name}' found for '{ty}' (bounded by {})",
            bounds.join(" + ")
        ),
        evidence,
        Vec::new(),
        confidence,
    ))]
}

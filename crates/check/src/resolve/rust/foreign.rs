//! Calls on standard-library and dependency types: `String::neww(..)`,
//! `s.pushh(..)` for a `s: String`, `Index::neww(..)` for an alias of a std
//! type, `input.loadd()` for `input: ParseStream` of a dependency. A name is
//! reported only when no standard-library function, project trait or
//! in-scope trait has it, and (for a dependency's type) no identifier of that
//! crate or the crates it depends on spells it.

use plumb_facts::{DefKind, Lang, Reference};

use super::super::{FileCtx, Outcome};
use super::traits::{DepTraits, dep_traits};
use super::*;
use crate::builtins;
use crate::report::FindingKind;

/// `Type::f(..)` / `v.f(..)` for a standard-library type: a std function
/// name, or a method a project trait or an in-scope dependency trait adds.
pub(super) fn std_type_assoc(ctx: &FileCtx, r: &Reference, ty: &str) -> Vec<Outcome> {
    let name = r.name.as_str();
    if name.starts_with(char::is_uppercase) {
        // A variant (`Cow::Borrowed`, `SeekFrom::Start`): the listing has
        // functions only.
        return vec![skipped!()];
    }
    if std_fn_names().contains(name) || std_names().contains(name) || ctx.bound_elsewhere(name) {
        return vec![Outcome::Resolved];
    }
    let dep_traits = dep_traits(ctx, r, name);
    if ctx.project.name_defined(name) || dep_traits == DepTraits::MayProvide {
        return vec![skipped!()];
    }
    let mut evidence = vec![
        format!(
            "{ty} is a standard-library type; the standard library defines no function named '{name}'"
        ),
        "traits of the project and in-scope dependency traits: none name it".into(),
    ];
    let confidence = dep_traits.weigh(
        name,
        if ctx.facts.dynamic { 0.6 } else { 0.75 },
        &mut evidence,
    );
    vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!("no function or associated item named '{name}' found for '{ty}'"),
        evidence,
        ctx.candidates(name, &[]),
        confidence,
    ))]
}

/// `v.f(..)` where `v`'s type is imported from dependency `krate`: the
/// name must be spelled somewhere in that crate or the crates it depends on,
/// be a std function, or come from a trait of the project or one in scope.
pub(super) fn dep_type_assoc(
    ctx: &FileCtx,
    r: &Reference,
    krate: &str,
    version: Option<&str>,
    ty: &str,
) -> Vec<Outcome> {
    let name = r.name.as_str();
    if name.starts_with(char::is_uppercase) {
        return vec![skipped!()];
    }
    if prelude_fn_names().contains(name) || std_names().contains(name) || ctx.bound_elsewhere(name)
    {
        return vec![Outcome::Resolved];
    }
    let dep_traits = dep_traits(ctx, r, name);
    if ctx.project.name_defined(name) || dep_traits == DepTraits::MayProvide {
        return vec![skipped!()];
    }
    // A std trait the file imports (`use std::io::Read`) may be implemented
    // by the type; so may `Deref` to a std type, which the crate's source
    // shows.
    let std_trait_imported = ctx.facts.imports.iter().any(|i| {
        is_std_root(i.module.split("::").next().unwrap_or(""))
            && (i.wildcard
                || i.names
                    .iter()
                    .any(|n| n.name.starts_with(char::is_uppercase)))
    });
    let src = match version {
        Some(v) => ctx.deps.cargo_source(krate, v),
        None => ctx.deps.cargo_source_any(krate),
    };
    let Some(dir) = src else {
        return vec![skipped!()];
    };
    if ctx.deps.crate_names(&dir).contains(name) {
        return vec![Outcome::Resolved];
    }
    if super::depsrc::dep_decls(&dir).includes {
        return vec![skipped!()];
    }
    if std_fn_names().contains(name)
        && (std_trait_imported || super::depsrc::dep_decls(&dir).derefs.contains(ty))
    {
        return vec![skipped!()];
    }
    // Methods its own dependencies' traits add.
    if spelled_by_crate_or_deps(ctx, &dir, name) {
        return vec![skipped!()];
    }
    let mut evidence = vec![
        format!(
            "every identifier in {} and in the crates it depends on: none is '{name}'",
            dir.display()
        ),
        "the standard library, project traits and in-scope traits: none name it".into(),
    ];
    let confidence = dep_traits.weigh(
        name,
        if ctx.facts.dynamic || version.is_none() {
            0.6
        } else {
            0.7
        },
        &mut evidence,
    );
    vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!("no method named '{name}' found for '{ty}' of crate '{krate}'"),
        evidence,
        Vec::new(),
        confidence,
    ))]
}

/// The path each definition of the project's type alias `ty` names, one
/// per definition (one per cfg): `type Q2 = Queue<u8, 2>;` -> `Queue`,
/// `type Mutex<T> = lock_api::Mutex<RawMutex, T>;` -> `lock_api::Mutex`.
/// Empty when `ty` is no alias; `None` when a definition cannot be read.
fn alias_paths(ctx: &FileCtx, ty: &str) -> Option<Vec<String>> {
    Some(
        alias_paths_in(ctx, ty)?
            .into_iter()
            .map(|(p, _)| p)
            .collect(),
    )
}

/// Each definition of alias `ty`: the path it names and the file it is in.
fn alias_paths_in(ctx: &FileCtx, ty: &str) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    for d in ctx
        .project
        .defs_named(ty, 10)
        .into_iter()
        .filter(|d| d.def.kind == DefKind::TypeAlias)
    {
        let rc = ctx.project.facts_of(&d.path)?;
        let item =
            rc.0.get(d.def.span.start_byte as usize..d.def.span.end_byte as usize)?;
        let t = alias_rhs(item)?.trim().trim_end_matches(';').trim();
        let path = t.split('<').next().unwrap_or(t).trim();
        out.push((path.strip_prefix("::").unwrap_or(path).to_string(), d.path));
    }
    Some(out)
}

/// `MapImpl::f` where alias `MapImpl` names a std type under one `cfg` and
/// a dependency's under another (`BTreeMap` or `IndexMap`): reported when
/// no alternative can have `f` (std's functions; the dependency's crate and
/// the crates it depends on), nor the project or a trait in scope. `None`
/// when any alternative is not known that well.
pub(super) fn alias_alternatives_assoc(
    ctx: &FileCtx,
    r: &Reference,
    ty: &str,
) -> Option<Vec<Outcome>> {
    use super::traits::Origin;
    let name = r.name.as_str();
    let alts = alias_paths_in(ctx, ty)?;
    if alts.len() < 2 || name.starts_with(char::is_uppercase) {
        return None;
    }
    for (path, file) in &alts {
        let may = match super::traits::origin_of_path(ctx, path, file) {
            Origin::Std => std_fn_names().contains(name) || std_names().contains(name),
            Origin::Dep(krate) => super::traits::dep_source(ctx, &krate)
                .is_none_or(|dir| spelled_by_crate_or_deps(ctx, &dir, name)),
            _ => true,
        };
        if may {
            return None;
        }
    }
    if ctx.project.name_defined(name)
        || ctx.bound_elsewhere(name)
        || dep_traits(ctx, r, name) != DepTraits::Absent
    {
        return None;
    }
    let targets: Vec<&str> = alts.iter().map(|(p, _)| p.as_str()).collect();
    Some(vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!("no function or associated item named '{name}' found for '{ty}'"),
        vec![
            format!(
                "{ty} is an alias of {}, by cfg: none of them has '{name}'",
                targets.join(" or ")
            ),
            "traits of the project and in-scope dependency traits: none name it".into(),
        ],
        ctx.candidates(name, &[]),
        if ctx.facts.dynamic { 0.55 } else { 0.7 },
    ))])
}

/// The one path every definition of alias `ty` names, if they agree.
fn alias_path(ctx: &FileCtx, ty: &str) -> Option<String> {
    let paths = alias_paths(ctx, ty)?;
    let first = paths.first()?;
    paths.iter().all(|p| p == first).then(|| first.clone())
}

/// The project type every definition of alias `ty` names (`type Q2 =
/// Queue<u8, 2>;` -> `Queue`), when they agree and it is a struct, enum or
/// union of the project.
pub(super) fn alias_target_project(ctx: &FileCtx, ty: &str) -> Option<String> {
    let paths = alias_paths(ctx, ty)?;
    let base = |p: &String| p.rsplit("::").next().unwrap_or(p).to_string();
    let target = base(paths.first()?);
    if paths.iter().any(|p| base(p) != target) {
        return None;
    }
    project_data_type(ctx, &target).then_some(target)
}

/// The dependency type every definition of alias `ty` names: `type Mutex<T>
/// = lock_api::Mutex<RawMutex, T>;` -> (`lock_api`, its locked version,
/// `Mutex`).
pub(super) fn alias_target_dep(
    ctx: &FileCtx,
    ty: &str,
) -> Option<(String, Option<String>, String)> {
    let path = alias_path(ctx, ty)?;
    let (first, rest) = path.split_once("::")?;
    if matches!(first, "crate" | "self" | "super") || own_crate(ctx, first) {
        return None;
    }
    let (krate, version) = dep_crate(ctx, first)?;
    let base = rest.rsplit("::").next().unwrap_or(rest).to_string();
    Some((krate, version, base))
}

/// Whether every definition of the project's type alias `ty` (one per cfg)
/// names a standard-library type (`type Index = core::sync::atomic::AtomicIsize;`).
pub(super) fn alias_targets_std(ctx: &FileCtx, ty: &str) -> bool {
    let Some(paths) = alias_paths(ctx, ty) else {
        return false;
    };
    !paths.is_empty()
        && paths.iter().all(|path| {
            let first = path.split("::").next().unwrap_or(path);
            if path.contains("::") {
                is_std_root(first)
            } else {
                builtins::is_builtin(Lang::Rust, path) && !ctx.project.name_defined(path)
            }
        })
}

/// The type a `type Name<'a, T = Default> = Target<..>;` item names: after
/// the `=` outside the generic parameters (not a default's).
fn alias_rhs(item: &str) -> Option<&str> {
    let mut depth = 0i32;
    for (i, c) in item.char_indices() {
        match c {
            '<' => depth += 1,
            '>' if !item[..i].ends_with('-') => depth -= 1,
            '=' if depth == 0 => return Some(&item[i + 1..]),
            _ => {}
        }
    }
    None
}

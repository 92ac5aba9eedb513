//! Rust calls resolved through a module or a type of the project:
//! `crate::a::f(..)`, `super::f(..)`, `m::f(..)` for a child module `m`,
//! `Type::f(..)`, `Self::f(..)`, `self.m(..)` inside an impl, and `x.m(..)`
//! for a variable whose type the code spells.
//!
//! A type's functions are those of every impl of it in the crate and of the
//! project traits it implements. A name not among them is reported only
//! when nothing else could supply it: no foreign derive, no macro spelling
//! the type or the name, no definition of that name anywhere in the
//! project, no extension trait of a dependency in scope that spells it, and
//! where the type implements a trait whose methods are not listed here
//! (`Iterator`, a dependency's trait) or `Deref`, the name is neither a
//! standard-library function nor a word of any dependency.

use plumb_facts::{DefKind, Definition, Lang, Reference};

use super::super::{FileCtx, Outcome};
use super::depsrc::dep_decls;
use super::modules::{self, Member, Walk};
use super::paths::arity;
use super::scan::{TraitImpl, crate_scan};
use super::*;
use crate::builtins;
use crate::report::FindingKind;

/// The type of the impl (or trait) whose method encloses `r`.
pub(super) fn impl_type_at(ctx: &FileCtx, r: &Reference) -> Option<String> {
    let f = ctx
        .facts
        .definitions
        .iter()
        .filter(|d| {
            matches!(d.kind, DefKind::Function | DefKind::Method) && d.span.contains(&r.span)
        })
        .max_by_key(|d| d.span.start_byte)?;
    if f.kind != DefKind::Method {
        return None;
    }
    let c = f.container.as_deref()?;
    Some(c.rsplit('.').next().unwrap_or(c).to_string())
}

/// The type `self` has at `r`: the impl's type, unless the receiver is
/// wrapped (`self: Pin<&mut Self>`, `self: Box<Self>`), whose methods are
/// the wrapper's too.
pub(super) fn self_type_at(ctx: &FileCtx, r: &Reference) -> Option<String> {
    let f = ctx
        .facts
        .definitions
        .iter()
        .filter(|d| {
            matches!(d.kind, DefKind::Function | DefKind::Method) && d.span.contains(&r.span)
        })
        .max_by_key(|d| d.span.start_byte)?;
    let receiver = f
        .params
        .as_ref()?
        .list
        .iter()
        .find(|p| p.kind == plumb_facts::ParamKind::Receiver)?;
    if receiver
        .type_text
        .as_deref()
        .is_some_and(|t| t.contains('<'))
    {
        return None;
    }
    impl_type_at(ctx, r)
}

/// `Type::f(..)` / `v.f(..)` for a standard-library type: a std function
/// name, or a method a project trait or an in-scope dependency trait adds.
pub(super) fn std_type_assoc(ctx: &FileCtx, r: &Reference, ty: &str) -> Vec<Outcome> {
    let name = r.name.as_str();
    if name.starts_with(char::is_uppercase) {
        // A variant (`Cow::Borrowed`, `SeekFrom::Start`): the listing has
        // functions only.
        return vec![Outcome::Skipped];
    }
    if std_fn_names().contains(name) || std_names().contains(name) || ctx.bound_elsewhere(name) {
        return vec![Outcome::Resolved];
    }
    if ctx.project.name_defined(name) || dep_trait_may_provide(ctx, name) {
        return vec![Outcome::Skipped];
    }
    vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!("no function or associated item named '{name}' found for '{ty}'"),
        vec![
            format!("{ty} is a standard-library type; the standard library defines no function named '{name}'"),
            "traits of the project and in-scope dependency traits: none name it".into(),
        ],
        ctx.candidates(name, &[]),
        if ctx.facts.dynamic { 0.6 } else { 0.75 },
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
        return vec![Outcome::Skipped];
    }
    if prelude_fn_names().contains(name) || std_names().contains(name) || ctx.bound_elsewhere(name)
    {
        return vec![Outcome::Resolved];
    }
    if ctx.project.name_defined(name) || dep_trait_may_provide(ctx, name) {
        return vec![Outcome::Skipped];
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
        return vec![Outcome::Skipped];
    };
    if ctx.deps.crate_names(&dir).contains(name) {
        return vec![Outcome::Resolved];
    }
    if std_fn_names().contains(name)
        && (std_trait_imported || super::depsrc::dep_decls(&dir).derefs.contains(ty))
    {
        return vec![Outcome::Skipped];
    }
    // Methods its own dependencies' traits add.
    for dep in super::depsrc::manifest_deps(&dir) {
        match ctx
            .deps
            .cargo_source_any(&dep)
            .or_else(|| ctx.deps.cargo_source_any(&dep.replace('_', "-")))
        {
            None => return vec![Outcome::Skipped],
            Some(d) if ctx.deps.crate_names(&d).contains(name) => return vec![Outcome::Skipped],
            _ => {}
        }
    }
    vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!("no method named '{name}' found for '{ty}' of crate '{krate}'"),
        vec![
            format!(
                "every identifier in {} and in the crates it depends on: none is '{name}'",
                dir.display()
            ),
            "the standard library, project traits and in-scope traits: none name it".into(),
        ],
        Vec::new(),
        if ctx.facts.dynamic || version.is_none() {
            0.6
        } else {
            0.7
        },
    ))]
}

/// The project type every definition of alias `ty` names (`type Q2 =
/// Queue<u8, 2>;` -> `Queue`), when they agree and it is a struct, enum or
/// union of the project.
fn alias_target_project(ctx: &FileCtx, ty: &str) -> Option<String> {
    let mut target: Option<String> = None;
    for d in ctx
        .project
        .defs_named(ty, 10)
        .into_iter()
        .filter(|d| d.def.kind == DefKind::TypeAlias)
    {
        let rc = ctx.project.facts_of(&d.path)?;
        let item =
            rc.0.get(d.def.span.start_byte as usize..d.def.span.end_byte as usize)?;
        let (_, rhs) = item.split_once('=')?;
        let t = rhs.trim().trim_end_matches(';').trim();
        let path = t.split('<').next()?.trim();
        let base = path.rsplit("::").next()?.to_string();
        if target.as_ref().is_some_and(|x| *x != base) {
            return None;
        }
        target = Some(base);
    }
    let target = target?;
    ctx.project
        .defs_named(&target, 10)
        .iter()
        .any(|d| matches!(d.def.kind, DefKind::Struct | DefKind::Enum | DefKind::Union))
        .then_some(target)
}

/// Whether every definition of the project's type alias `ty` (one per cfg)
/// names a standard-library type (`type Index = core::sync::atomic::AtomicIsize;`).
fn alias_targets_std(ctx: &FileCtx, ty: &str) -> bool {
    let defs: Vec<_> = ctx
        .project
        .defs_named(ty, 10)
        .into_iter()
        .filter(|d| d.def.kind == DefKind::TypeAlias)
        .collect();
    !defs.is_empty()
        && defs.iter().all(|d| {
            let Some(rc) = ctx.project.facts_of(&d.path) else {
                return false;
            };
            let item =
                rc.0.get(d.def.span.start_byte as usize..d.def.span.end_byte as usize)
                    .unwrap_or("");
            let Some((_, rhs)) = item.split_once('=') else {
                return false;
            };
            let t = rhs.trim().trim_end_matches(';').trim();
            let path = t.split('<').next().unwrap_or(t).trim();
            let first = path.split("::").next().unwrap_or(path);
            if path.contains("::") {
                is_std_root(first)
            } else {
                builtins::is_builtin(Lang::Rust, path) && !ctx.project.name_defined(path)
            }
        })
}

/// Whether the type name `ty`, as this file sees it, is the project's: a
/// definition of the file, or a `use` of a path into this crate. A name
/// imported from a dependency or std (`use tree_sitter::Node`) is theirs
/// even when the project defines a type of that name elsewhere.
pub(super) fn is_project_type_here(ctx: &FileCtx, ty: &str) -> bool {
    if ctx.facts.definitions.iter().any(|d| {
        d.name == ty
            && matches!(
                d.kind,
                DefKind::Struct
                    | DefKind::Enum
                    | DefKind::Union
                    | DefKind::Trait
                    | DefKind::TypeAlias
            )
    }) {
        return true;
    }
    match ctx.import_binding(ty) {
        Some((imp, full)) => {
            let first = full.split("::").next().unwrap_or("");
            imp.relative || matches!(first, "crate" | "self" | "super") || own_crate(ctx, first)
        }
        // Not imported: a prelude type (`Vec`), else the project's type if
        // no glob of a dependency or std could bring another of that name.
        None if builtins::is_builtin(Lang::Rust, ty) => false,
        None => ctx.facts.imports.iter().filter(|i| i.wildcard).all(|i| {
            let first = i.module.split("::").next().unwrap_or("");
            i.relative || matches!(first, "crate" | "self" | "super") || own_crate(ctx, first)
        }),
    }
}

fn container_is(d: &Definition, ty: &str) -> bool {
    d.container
        .as_deref()
        .is_some_and(|c| c.rsplit('.').next() == Some(ty))
}

/// Whether `name` is a module directly inside the module at `r`
/// (`mod name;` or `mod name { .. }`): a 2018 path like `name::f()`.
pub(super) fn is_child_module(ctx: &FileCtx, r: &Reference, name: &str) -> bool {
    if !name.starts_with(|c: char| c.is_lowercase() || c == '_') {
        return false;
    }
    let Some((_, cur)) = modules::current_module(ctx, &r.span) else {
        return false;
    };
    matches!(modules::member(ctx, &cur, name), Member::Module(_))
}

/// `crate::a::b::f(..)`: walk the module tree, then look `f` up.
pub(super) fn module_path(ctx: &FileCtx, r: &Reference, segs: &[String]) -> Vec<Outcome> {
    let name = r.name.as_str();
    match modules::walk(ctx, segs, &r.span) {
        Walk::Module(m) => match modules::member(ctx, &m, name) {
            Member::Item(d) => {
                let mut out = vec![Outcome::Resolved];
                if d.kind == DefKind::Function {
                    out.extend(arity(ctx, r, &[d], false));
                }
                out
            }
            Member::Module(_) => vec![Outcome::Resolved],
            Member::Unknown => vec![Outcome::Skipped],
            Member::Missing => {
                if std_names().contains(name) || ctx.bound_elsewhere(name) {
                    return vec![Outcome::Resolved];
                }
                let within = modules::display(ctx, &m);
                not_found(
                    ctx,
                    r,
                    format!("cannot find '{name}' in '{within}'"),
                    vec![format!(
                        "module {within} ({}): no item, module, `use` or glob named '{name}'",
                        m.file
                    )],
                    modules::names_in(ctx, &m),
                )
            }
        },
        Walk::Item(i, d)
            if i + 1 == segs.len()
                && matches!(d.kind, DefKind::Struct | DefKind::Enum | DefKind::Union) =>
        {
            check_assoc(ctx, r, &d.name, true)
        }
        Walk::Missing(i, m) => {
            let seg = &segs[i];
            if std_names().contains(seg.as_str()) {
                return vec![Outcome::Skipped];
            }
            let within = modules::display(ctx, &m);
            not_found(
                ctx,
                r,
                format!("cannot find '{seg}' in '{within}'"),
                vec![format!(
                    "module {within} ({}): no item, module, `use` or glob named '{seg}'",
                    m.file
                )],
                modules::names_in(ctx, &m),
            )
        }
        _ => vec![Outcome::Skipped],
    }
}

fn not_found(
    ctx: &FileCtx,
    r: &Reference,
    msg: String,
    evidence: Vec<String>,
    pool: Vec<(String, String, u32)>,
) -> Vec<Outcome> {
    vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        msg,
        evidence,
        ctx.candidates(&r.name, &pool),
        if ctx.facts.dynamic { 0.6 } else { 0.85 },
    ))]
}

/// The supertraits of project trait `tr` as written (`Sized`,
/// `fmt::Debug`), with the file that declares it; `None` when unknown (no
/// single definition, a `where` clause, text not readable).
fn supertraits(ctx: &FileCtx, tr: &str) -> Option<Vec<(String, String)>> {
    let defs: Vec<_> = ctx
        .project
        .defs_named(tr, 10)
        .into_iter()
        .filter(|d| d.def.kind == DefKind::Trait)
        .collect();
    let [d] = defs.as_slice() else {
        return None;
    };
    let rc = ctx.project.facts_of(&d.path)?;
    // Definitions read from the index carry no byte offsets for their name:
    // find the name after the start of the item.
    let item = rc.0.get(d.def.span.start_byte as usize..)?;
    let at = super::super::word_positions(item, tr).next()?;
    let rest = &item[at + tr.len()..];
    let head = &rest[..rest.find('{')?];
    if head.contains("where") {
        return None;
    }
    let Some((_, bounds)) = head.split_once(':') else {
        return Some(Vec::new());
    };
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in bounds.chars().chain(std::iter::once('+')) {
        match c {
            '<' | '(' => depth += 1,
            '>' | ')' => depth -= 1,
            '+' if depth == 0 => {
                let t = cur.trim().trim_start_matches('?').to_string();
                let t = t.split('<').next().unwrap_or("").trim().to_string();
                if !t.is_empty() && !t.starts_with('\'') {
                    out.push((t, d.path.clone()));
                }
                cur.clear();
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    Some(out)
}

/// Whether `name` may be a method of project trait `tr` through its
/// supertraits (inside a default method, `self.m()` sees only those).
fn supertraits_may_provide(ctx: &FileCtx, tr: &str, name: &str, depth: u32) -> bool {
    if depth > 4 {
        return true;
    }
    let Some(sups) = supertraits(ctx, tr) else {
        return true;
    };
    sups.iter().any(|(path, file)| {
        let base = path.rsplit("::").next().unwrap_or(path);
        if matches!(base, "Sized" | "Send" | "Sync" | "Copy" | "Unpin") {
            return false;
        }
        let project = ctx
            .project
            .defs_named(base, 10)
            .iter()
            .any(|d| d.def.kind == DefKind::Trait);
        if project {
            return ctx
                .project
                .defs_named(name, 200)
                .iter()
                .any(|d| container_is(&d.def, base))
                || supertraits_may_provide(ctx, base, name, depth + 1);
        }
        if std_trait_methods_known(base) {
            return false;
        }
        origin_may_provide(ctx, &origin_of_path(ctx, path, file), name)
    })
}

/// Traits a dependency could implement for every type (extension traits
/// brought in by `use dep::Trait`, `use dep::Trait as _` or a dependency
/// glob) that name `name`; true too when such a dependency's source is not
/// installed.
pub(super) fn dep_trait_may_provide(ctx: &FileCtx, name: &str) -> bool {
    for imp in &ctx.facts.imports {
        let first = imp.module.split("::").next().unwrap_or("");
        if is_std_root(first) || imp.relative {
            continue;
        }
        let named: Vec<&str> = imp
            .names
            .iter()
            .filter(|n| n.name.starts_with(char::is_uppercase))
            .map(|n| n.name.as_str())
            .collect();
        if !imp.wildcard && named.is_empty() {
            continue;
        }
        let Some((krate, version)) = dep_crate(ctx, first) else {
            continue;
        };
        // Another installed version answers "is this imported name a trait"
        // as well as the locked one: items rarely turn from types to traits.
        let src = version
            .as_deref()
            .and_then(|v| ctx.deps.cargo_source(&krate, v))
            .or_else(|| ctx.deps.cargo_source_any(&krate));
        let Some(dir) = src else {
            return true;
        };
        if !ctx.deps.crate_names(&dir).contains(name) {
            continue;
        }
        if imp.wildcard {
            return true;
        }
        let decls = dep_decls(&dir);
        if named.iter().any(|n| decls.traits.contains(*n)) {
            return true;
        }
    }
    false
}

/// Whether trait `tr` is in scope at `r`: the prelude, a trait of the file,
/// a `use` visible there (also `use path::Tr as _`), a glob that may bring
/// it, or an `impl Tr for ..` in the file (code inside such an impl).
fn trait_in_scope(ctx: &FileCtx, r: &Reference, tr: &str) -> bool {
    if builtins::is_builtin(Lang::Rust, tr) {
        return true;
    }
    if ctx
        .facts
        .definitions
        .iter()
        .any(|d| d.kind == DefKind::Trait && d.name == tr)
    {
        return true;
    }
    for i in ctx
        .facts
        .imports
        .iter()
        .filter(|i| import_visible(ctx, i, &r.span))
    {
        if i.names
            .iter()
            .any(|n| n.name == tr || n.alias.as_deref() == Some(tr))
        {
            return true;
        }
        if i.wildcard {
            let first = i.module.split("::").next().unwrap_or("");
            let absent_from_std = is_std_root(first)
                && builtins::stdlib_module(Lang::Rust, &i.module)
                    .is_some_and(|m| m.member(tr) == Some(false));
            if !absent_from_std {
                return true;
            }
        }
    }
    ctx.text.lines().any(|l| {
        let t = l.trim_start();
        (t.starts_with("impl") || t.starts_with("unsafe impl"))
            && t.contains(" for ")
            && super::super::word_positions(t, tr).next().is_some()
    })
}

/// Where the methods of an unlisted trait or a deref target come from.
enum Origin {
    Std,
    Dep(String),
    Project,
    Unknown,
}

/// The crate a path's first segment names, as the file `file` sees it.
fn origin_of_path(ctx: &FileCtx, path: &str, file: &str) -> Origin {
    let first = path.split("::").next().unwrap_or(path);
    let classify = |first: &str| {
        if is_std_root(first) {
            Origin::Std
        } else if matches!(first, "crate" | "self" | "super") || own_crate(ctx, first) {
            Origin::Project
        } else if let Some((krate, _)) = dep_crate(ctx, first) {
            Origin::Dep(krate)
        } else {
            Origin::Unknown
        }
    };
    let Some(rc) = ctx.project.facts_of(file) else {
        return if path.contains("::") {
            classify(first)
        } else {
            Origin::Unknown
        };
    };
    if path.contains("::") {
        if is_std_root(first) || matches!(first, "crate" | "self" | "super") {
            return classify(first);
        }
        // `fmt::Write` after `use core::fmt;`.
        for i in &rc.1.imports {
            let last = i.module.rsplit("::").next().unwrap_or("");
            let binds = i.names.iter().any(|n| {
                n.alias.as_deref() == Some(first)
                    || n.alias.is_none() && (n.name == first || n.name == "self" && last == first)
            }) || i.names.is_empty() && i.alias.as_deref().unwrap_or(last) == first;
            if binds {
                if i.relative {
                    return Origin::Project;
                }
                return classify(i.module.split("::").next().unwrap_or(""));
            }
        }
        return classify(first);
    }
    for i in &rc.1.imports {
        let binds = i
            .names
            .iter()
            .any(|n| n.alias.as_deref().unwrap_or(&n.name) == path);
        if binds {
            if i.relative {
                return Origin::Project;
            }
            return classify(i.module.split("::").next().unwrap_or(""));
        }
    }
    if rc.1.definitions.iter().any(|d| d.name == path) {
        return Origin::Project;
    }
    if builtins::is_builtin(Lang::Rust, path) {
        Origin::Std
    } else {
        Origin::Unknown
    }
}

fn trait_origin(ctx: &FileCtx, ti: &TraitImpl) -> Origin {
    origin_of_path(ctx, &ti.path, &ti.file)
}

/// `type Target = [T]` / `str` / `Vec<T>` / a project or dependency type.
fn target_origin(ctx: &FileCtx, target: &str) -> Origin {
    let t = target.trim();
    if t.starts_with('[') || t == "str" {
        return Origin::Std;
    }
    let base = t.split('<').next().unwrap_or(t).trim();
    let last = base.rsplit("::").next().unwrap_or(base);
    if base.contains("::") {
        return origin_of_path(ctx, base, ctx.path);
    }
    if ctx.project.defs_named(last, 5).iter().any(|d| {
        matches!(
            d.def.kind,
            DefKind::Struct | DefKind::Enum | DefKind::Union | DefKind::TypeAlias
        )
    }) {
        return Origin::Project;
    }
    if builtins::is_builtin(Lang::Rust, last) || std_names().contains(last) {
        Origin::Std
    } else {
        Origin::Unknown
    }
}

fn origin_may_provide(ctx: &FileCtx, origin: &Origin, name: &str) -> bool {
    match origin {
        Origin::Std => std_fn_names().contains(name),
        Origin::Dep(krate) => {
            let version = ctx
                .project
                .manifest()
                .dependencies
                .iter()
                .find(|d| &d.name == krate)
                .and_then(|d| d.locked_version.clone());
            let src = version
                .as_deref()
                .and_then(|v| ctx.deps.cargo_source(krate, v))
                .or_else(|| ctx.deps.cargo_source_any(krate));
            src.is_none_or(|dir| ctx.deps.crate_names(&dir).contains(name))
        }
        // Project methods were looked up by name already; a project type's
        // own impls may add std or dependency traits.
        Origin::Project | Origin::Unknown => may_come_from_outside(ctx, name),
    }
}

/// `Type::f(..)` (`ufcs`: a path call, the receiver passed explicitly) or
/// `self.f(..)` for a project type `ty`.
pub(super) fn check_assoc(ctx: &FileCtx, r: &Reference, ty: &str, ufcs: bool) -> Vec<Outcome> {
    let name = r.name.as_str();
    let tydefs: Vec<_> = ctx
        .project
        .defs_named(ty, 20)
        .into_iter()
        .filter(|d| {
            matches!(
                d.def.kind,
                DefKind::Struct | DefKind::Enum | DefKind::Union | DefKind::Trait
            )
        })
        .collect();
    if tydefs.is_empty() {
        // `type AtomicIndex = core::sync::atomic::AtomicIsize;` (every
        // definition of the alias, across cfgs, naming std types).
        if alias_targets_std(ctx, ty) {
            return std_type_assoc(ctx, r, ty);
        }
        // `type Q2 = Queue<u8, 2>;`: the functions of `Queue`.
        if let Some(target) = alias_target_project(ctx, ty)
            && target != ty
        {
            return check_assoc(ctx, r, &target, ufcs);
        }
        return vec![Outcome::Skipped];
    }
    let is_trait = tydefs.iter().all(|d| d.def.kind == DefKind::Trait);
    let members: Vec<Definition> = ctx
        .project
        .defs_named(name, 200)
        .into_iter()
        .filter(|d| container_is(&d.def, ty))
        .map(|d| d.def)
        .collect();
    if !members.is_empty() {
        let mut out = vec![Outcome::Resolved];
        if members
            .iter()
            .all(|d| matches!(d.kind, DefKind::Function | DefKind::Method))
        {
            out.extend(arity(ctx, r, &members, ufcs));
        }
        return out;
    }
    let scan = crate_scan(ctx);
    let traits: Vec<String> = scan.impls.get(ty).cloned().unwrap_or_default();
    for tr in traits.iter().filter(|t| !t.is_empty()) {
        if operator_method(tr, name) {
            return vec![Outcome::Resolved];
        }
        if ctx
            .project
            .defs_named(name, 200)
            .iter()
            .any(|d| container_is(&d.def, tr))
        {
            return vec![Outcome::Resolved];
        }
    }
    if std_names().contains(name) || ctx.bound_elsewhere(name) {
        return vec![Outcome::Resolved];
    }
    if is_trait && supertraits_may_provide(ctx, ty, name, 0)
        || ctx.project.name_defined(name)
        || !is_trait && derives_foreign(ctx, ty)
    {
        return vec![Outcome::Skipped];
    }
    // A macro implementing a trait for some type adds nothing to the trait.
    if !is_trait && scan.macro_may_implement(ty) || scan.macro_fns.contains(name) {
        return vec![Outcome::Skipped];
    }
    // Traits whose methods are not listed here (`Iterator`, a dependency's
    // trait) and `Deref` can only add names that exist where the trait (or
    // the deref target) comes from.
    let impls = scan.trait_impls.get(ty).cloned().unwrap_or_default();
    let unlisted_may_provide = impls.iter().any(|ti| {
        if ufcs && ti.target.is_some() {
            // `Type::f` looks at the type and its traits, never through Deref.
            return false;
        }
        let tr = ti.path.rsplit("::").next().unwrap_or(&ti.path);
        let project_trait = ctx
            .project
            .defs_named(tr, 10)
            .iter()
            .any(|d| d.def.kind == DefKind::Trait);
        if project_trait {
            return supertraits_may_provide(ctx, tr, name, 0);
        }
        if std_trait_methods_known(tr) {
            return false;
        }
        // A trait's methods resolve only where the trait is in scope; autoderef
        // needs no import.
        if ti.target.is_none() && !trait_in_scope(ctx, r, tr) {
            return false;
        }
        let origin = match &ti.target {
            Some(target) => target_origin(ctx, target),
            None => trait_origin(ctx, ti),
        };
        origin_may_provide(ctx, &origin, name)
    });
    if unlisted_may_provide || dep_trait_may_provide(ctx, name) {
        return vec![Outcome::Skipped];
    }
    let pool: Vec<(String, String, u32)> = ctx
        .project
        .defs_with_prefix(&name.chars().take(1).collect::<String>(), 500)
        .into_iter()
        .filter(|d| container_is(&d.def, ty))
        .map(|d| (d.def.name, d.path, d.def.name_span.start_line))
        .collect();
    let what = if ufcs {
        "function or associated item"
    } else {
        "method"
    };
    let impls = traits
        .iter()
        .map(|t| if t.is_empty() { "inherent" } else { t.as_str() })
        .collect::<Vec<_>>()
        .join(", ");
    vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!("no {what} named '{name}' found for '{ty}'"),
        vec![
            format!("impls of {ty} in the crate: {impls}"),
            format!("definitions anywhere in the project index: none named '{name}'"),
        ],
        ctx.candidates(name, &pool),
        if ctx.facts.dynamic { 0.6 } else { 0.75 },
    ))]
}

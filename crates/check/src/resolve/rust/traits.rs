//! What traits can add to a type: supertraits of project traits, extension
//! traits of dependencies in scope, whether a trait is in scope at a call,
//! and where an implemented trait (or a `Deref` target) comes from, so that
//! only that crate's names (or the standard library's) are taken as
//! possible methods.

use plumb_facts::{DefKind, Lang, Reference};

use super::super::FileCtx;
use super::assoc::container_is;
use super::depsrc::dep_decls;
use super::scan::TraitImpl;
use super::*;
use crate::builtins;

/// The supertraits of project trait `tr` as written (`Sized`,
/// `fmt::Debug`), with the file that declares it; `None` when unknown (no
/// single definition, a `where` clause, text not readable).
pub(super) fn supertraits(ctx: &FileCtx, tr: &str) -> Option<Vec<(String, String)>> {
    let defs: Vec<_> = ctx
        .project
        .defs_named(tr, 10)
        .into_iter()
        .filter(|d| d.def.kind == DefKind::Trait)
        .collect();
    if defs.is_empty() || defs.len() >= 10 {
        return None;
    }
    // Traits of one name in several modules (each `mod private { pub trait
    // Sealed {} }`): the supertraits of any of them.
    let mut out = Vec::new();
    for d in &defs {
        for s in trait_supertraits(ctx, tr, d)? {
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    Some(out)
}

fn trait_supertraits(
    ctx: &FileCtx,
    tr: &str,
    d: &crate::project::ProjectDef,
) -> Option<Vec<(String, String)>> {
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
    // `trait Map<'a, K: 'a + Eq, S: Clone>: Super`: the bounds of the
    // generic parameters are not supertraits.
    let head = skip_generic_params(head)?;
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

/// `<'a, K: Eq> rest` -> ` rest`; text without a leading `<` as it is.
pub(super) fn skip_generic_params(head: &str) -> Option<&str> {
    let t = head.trim_start();
    if !t.starts_with('<') {
        return Some(head);
    }
    let mut depth = 0i32;
    let mut prev = ' ';
    for (i, c) in t.char_indices() {
        let arrow = prev == '-';
        prev = c;
        match c {
            '<' => depth += 1,
            '>' if !arrow => {
                depth -= 1;
                if depth == 0 {
                    return Some(&t[i + 1..]);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether `name` may be a method of project trait `tr` through its
/// supertraits (inside a default method, `self.m()` sees only those).
pub(super) fn supertraits_may_provide(ctx: &FileCtx, tr: &str, name: &str, depth: u32) -> bool {
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

/// What the dependency traits a file brings into scope (`use dep::Trait`,
/// `use dep::Trait as _`, a dependency glob) can add to every type's
/// methods, for one method name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum DepTraits {
    /// None of them names it: their installed sources do not spell it.
    Absent,
    /// One of them may add it.
    MayProvide,
    /// These dependencies' sources are not installed: a trait of theirs
    /// could add the name unseen, so a finding is only a "double-check".
    Unverified(Vec<String>),
}

/// The confidence of a finding that dependency traits could not rule out:
/// under [`crate::report::SUSPECT_CONFIDENCE`], so its hunk is "review".
const UNVERIFIED_DEP_CONFIDENCE: f64 = 0.4;

impl DepTraits {
    /// These too could not be searched.
    pub(super) fn with_unverified(self, more: Vec<String>) -> DepTraits {
        if more.is_empty() {
            return self;
        }
        match self {
            DepTraits::MayProvide => DepTraits::MayProvide,
            DepTraits::Absent => DepTraits::Unverified(more),
            DepTraits::Unverified(mut v) => {
                for k in more {
                    if !v.contains(&k) {
                        v.push(k);
                    }
                }
                v.sort();
                DepTraits::Unverified(v)
            }
        }
    }

    /// Lower `confidence` and add evidence when the answer was unverifiable.
    pub(super) fn weigh(&self, name: &str, confidence: f64, evidence: &mut Vec<String>) -> f64 {
        match self {
            DepTraits::Unverified(crates) => {
                evidence.push(format!(
                    "not installed, so not searched: {}; a trait imported from it could add '{name}'",
                    crates.join(", ")
                ));
                confidence.min(UNVERIFIED_DEP_CONFIDENCE)
            }
            _ => confidence,
        }
    }
}

/// Whether traits a dependency could implement for every type (extension
/// traits brought in by `use dep::Trait`, `use dep::Trait as _` or a
/// dependency glob, where that `use` reaches `r`) name `name`.
pub(super) fn dep_traits(ctx: &FileCtx, r: &Reference, name: &str) -> DepTraits {
    dep_traits_for(ctx, r, name, &|| true)
}

/// `dep_traits` for a receiver that an extension trait of a dependency
/// whose source is not installed reaches only when `may_carry()` says so
/// (its blanket impl needs a trait the receiver implements); where it
/// cannot, that dependency only makes a finding unverified.
pub(super) fn dep_traits_for(
    ctx: &FileCtx,
    r: &Reference,
    name: &str,
    may_carry: &dyn Fn() -> bool,
) -> DepTraits {
    let mut unverified: Vec<String> = Vec::new();
    for imp in ctx
        .facts
        .imports
        .iter()
        .filter(|i| import_reaches(ctx, i, &r.span))
    {
        let mut first = imp.module.split("::").next().unwrap_or("");
        if first == "crate"
            && let Some(second) = imp.module.split("::").nth(1)
            && reexported_dep(ctx, second)
        {
            // `use crate::bstr::ByteSlice` beside the crate's `pub use bstr;`.
            first = second;
        } else if is_std_root(first) || imp.relative {
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
            if uninstalled_optional(ctx, &krate)
                && cfg_gated_at(ctx.text, imp.span.start_byte as usize)
            {
                // `#[cfg(feature = "impl_bincode")] use bincode::..;` with
                // bincode in no build here: the feature is off, the `use` too.
                continue;
            }
            if surely_extension_trait(ctx, imp, &named) && may_carry() {
                return DepTraits::MayProvide;
            }
            if !unverified.contains(&krate) {
                unverified.push(krate);
            }
            continue;
        };
        // `use gix_object::bstr::ByteSlice`: a path through a crate the
        // dependency re-exports names that crate's items.
        let deps = super::depsrc::manifest_deps(&dir);
        let through = imp.module.split("::").skip(1).find_map(|seg| {
            deps.all
                .iter()
                .find(|d| d.replace('-', "_") == seg)
                .map(|d| d.to_string())
        });
        let dir = match through {
            Some(inner) => {
                match dep_source(ctx, &inner).or_else(|| ctx.deps.cargo_source_any(&inner)) {
                    Some(d) => d,
                    None => {
                        if !unverified.contains(&inner) {
                            unverified.push(inner);
                        }
                        continue;
                    }
                }
            }
            None => dir,
        };
        let decls = dep_decls(&dir);
        if !ctx.deps.crate_names(&dir).contains(name) {
            // A name the crate re-exports from deeper in its dependencies
            // (html5ever's `tendril::SliceExt`, through markup5ever): a trait
            // of one of them may have the fn.
            let reexported = named.iter().any(|n| !decls.types.contains(*n));
            if !imp.wildcard && reexported && spelled_by_crate_or_deps(ctx, &dir, name) {
                return DepTraits::MayProvide;
            }
            continue;
        }
        if imp.wildcard {
            return DepTraits::MayProvide;
        }
        // A trait it declares with such a fn (or a supertrait's), or a name
        // it only re-exports (which may be one).
        if named.iter().any(|n| {
            !decls.types.contains(*n)
                || decls.traits.contains(*n) && dep_trait_may_provide(ctx, &dir, n, name, 0)
        }) {
            return DepTraits::MayProvide;
        }
    }
    if unverified.is_empty() {
        DepTraits::Absent
    } else {
        unverified.sort();
        DepTraits::Unverified(unverified)
    }
}

/// Whether `crate::name` can only be dependency `name` re-exported by the
/// crate root (`pub use bstr;`): the crate depends on `name` and has no
/// module so named.
fn reexported_dep(ctx: &FileCtx, name: &str) -> bool {
    dep_crate(ctx, name).is_some()
        && !ctx
            .project
            .defs_named(name, 5)
            .iter()
            .any(|d| d.def.kind == plumb_facts::DefKind::Module)
}

/// Whether an import from a crate whose source is not here brings an
/// extension trait, by how the file uses it: `use dep::Tr as _`, a name
/// following the `…Ext` convention, a prelude glob, or a name the file
/// never mentions again (imported only for its methods, as `Itertools` is).
fn surely_extension_trait(ctx: &FileCtx, imp: &plumb_facts::Import, named: &[&str]) -> bool {
    if imp.wildcard {
        return imp.module.split("::").any(|s| s == "prelude");
    }
    imp.names.iter().any(|n| {
        named.contains(&n.name.as_str())
            && (n.alias.as_deref() == Some("_")
                || n.name.ends_with("Ext")
                || super::super::word_positions(ctx.text, n.alias.as_deref().unwrap_or(&n.name))
                    .nth(1)
                    .is_none())
    })
}

/// Whether trait `tr` is in scope at `r`: the prelude, a trait of the file,
/// a `use` visible there (also `use path::Tr as _`), a glob that may bring
/// it, or an `impl Tr for ..` in the file (code inside such an impl).
pub(super) fn trait_in_scope(ctx: &FileCtx, r: &Reference, tr: &str) -> bool {
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
        .filter(|i| import_reaches(ctx, i, &r.span))
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
pub(super) enum Origin {
    Std,
    Dep(String),
    Project,
    /// A toolchain crate other than std (`proc_macro`, `rustc_ast`).
    Toolchain,
    Unknown,
}

/// The crate a path's first segment names, as the file `file` sees it.
pub(super) fn origin_of_path(ctx: &FileCtx, path: &str, file: &str) -> Origin {
    origin_of_path_at(ctx, path, file, None)
}

/// `origin_of_path` for a path written at byte `at` of `file`, where known:
/// glob imports of other inline modules of the file do not reach it.
fn origin_of_path_at(ctx: &FileCtx, path: &str, file: &str, at: Option<usize>) -> Origin {
    let first = path.split("::").next().unwrap_or(path);
    let classify = |first: &str| {
        if is_std_root(first) {
            Origin::Std
        } else if matches!(first, "crate" | "self" | "super") || own_crate(ctx, first) {
            Origin::Project
        } else if let Some((krate, _)) = dep_crate(ctx, first) {
            Origin::Dep(krate)
        } else if first == "proc_macro" || first == "test" || first.starts_with("rustc_") {
            // Crates of the toolchain no manifest declares (`extern crate
            // rustc_ast;` under `rustc_private`): nothing here lists them.
            Origin::Toolchain
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
        glob_origin(ctx, &rc.1, at, path)
    }
}

/// The crate a name no import binds explicitly came from through the file's
/// glob imports (`use rayon::prelude::*`): the one globbed dependency whose
/// source spells it, when every globbed crate is installed, the glob is no
/// re-export of the project's (`use super::*`) and the project defines no
/// such name. Anything else is `Unknown`.
fn glob_origin(
    ctx: &FileCtx,
    facts: &plumb_facts::FileFacts,
    at: Option<usize>,
    name: &str,
) -> Origin {
    let at = at.map(|b| {
        let b = b as u32;
        super::modules::inline_chain(
            facts,
            &plumb_facts::Span {
                start_byte: b,
                end_byte: b,
                ..Default::default()
            },
        )
    });
    let globs: Vec<&plumb_facts::Import> = facts
        .imports
        .iter()
        .filter(|i| {
            i.wildcard
                && at
                    .as_ref()
                    .is_none_or(|chain| super::modules::inline_chain(facts, &i.span) == *chain)
        })
        .collect();
    if globs.is_empty()
        || globs.iter().any(|i| i.relative)
        || !ctx.project.defs_named(name, 1).is_empty()
    {
        return Origin::Unknown;
    }
    let mut spelled_by = Vec::new();
    for g in globs {
        let first = g.module.split("::").next().unwrap_or("");
        if is_std_root(first) {
            if std_names().contains(name) {
                return Origin::Unknown;
            }
            continue;
        }
        let Some((krate, _)) = dep_crate(ctx, first) else {
            return Origin::Unknown;
        };
        let Some(dir) = dep_source(ctx, &krate) else {
            return Origin::Unknown;
        };
        if ctx.deps.crate_names(&dir).contains(name) {
            spelled_by.push(krate);
        }
    }
    match spelled_by.as_slice() {
        [krate] => Origin::Dep(krate.clone()),
        _ => Origin::Unknown,
    }
}

pub(super) fn trait_origin(ctx: &FileCtx, ti: &TraitImpl) -> Origin {
    origin_of_path_at(ctx, &ti.path, &ti.file, Some(ti.at))
}

/// `type Target = [T]` / `str` / `Vec<T>` / a project or dependency type.
pub(super) fn target_origin(ctx: &FileCtx, target: &str) -> Origin {
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

/// The installed source of dependency `krate`: the locked version, or any.
pub(super) fn dep_source(ctx: &FileCtx, krate: &str) -> Option<std::path::PathBuf> {
    let version = ctx
        .project
        .manifest()
        .dependencies
        .iter()
        .find(|d| d.name == krate)
        .and_then(|d| d.locked_version.clone());
    version
        .as_deref()
        .and_then(|v| ctx.deps.cargo_source(krate, v))
        .or_else(|| ctx.deps.cargo_source_any(krate))
}

/// Whether trait `tr` of the installed crate at `dir` (or a supertrait)
/// may have fn `name`: by its declaration's body where the crate declares
/// it plainly; by every word of the crate where it does not (a re-export,
/// a macro-written trait or body).
pub(super) fn dep_trait_may_provide(
    ctx: &FileCtx,
    dir: &std::path::Path,
    tr: &str,
    name: &str,
    depth: u32,
) -> bool {
    let Some(decl) = super::depsrc::trait_decl(dir, tr) else {
        // Re-exported from a crate of its own (`html5ever::tendril::SliceExt`).
        return spelled_by_crate_or_deps(ctx, dir, name);
    };
    if decl.fns.contains(name) || decl.opaque || depth >= 4 {
        return true;
    }
    decl.supertraits.iter().any(|s| {
        if std_trait_methods_known(s) || builtins::is_builtin(Lang::Rust, s) {
            std_fn_names().contains(name)
        } else {
            dep_trait_may_provide(ctx, dir, s, name, depth + 1)
        }
    })
}

pub(super) fn origin_may_provide(ctx: &FileCtx, origin: &Origin, name: &str) -> bool {
    match origin {
        Origin::Std => std_fn_names().contains(name),
        Origin::Dep(krate) => {
            dep_source(ctx, krate).is_none_or(|dir| ctx.deps.crate_names(&dir).contains(name))
        }
        // Project methods were looked up by name already; a project type's
        // own impls may add std or dependency traits.
        Origin::Project | Origin::Unknown => may_come_from_outside(ctx, name),
        Origin::Toolchain => true,
    }
}

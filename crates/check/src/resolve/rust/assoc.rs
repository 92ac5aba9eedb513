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
use super::foreign::{alias_target_dep, alias_target_project, alias_targets_std, std_type_assoc};
use super::modules::{self, Member, Walk};
use super::paths::arity;
use super::scan::{TraitImpl, crate_scan};
use super::traits::{
    DepTraits, Origin, dep_source, dep_traits_for, origin_may_provide, supertraits_may_provide,
    target_origin, trait_in_scope, trait_origin,
};
use super::*;
use crate::builtins;
use crate::report::FindingKind;

/// The type of the impl (or trait) whose method encloses `r`.
pub(super) fn impl_type_at(ctx: &FileCtx, r: &Reference) -> Option<String> {
    let item = match ctx.enclosing_function(r) {
        Some(f) if f.kind != DefKind::Method => return None,
        Some(f) => f,
        // An associated constant's value (`const A: Error = Self::new(1);`).
        None => ctx
            .facts
            .definitions
            .iter()
            .filter(|d| d.kind == DefKind::Constant && d.span.contains(&r.span))
            .max_by_key(|d| d.span.start_byte)?,
    };
    let c = item.container.as_deref()?;
    Some(c.rsplit('.').next().unwrap_or(c).to_string())
}

/// The type `self` has at `r`: the impl's type, unless the receiver is
/// wrapped (`self: Pin<&mut Self>`, `self: Box<Self>`), whose methods are
/// the wrapper's too.
pub(super) fn self_type_at(ctx: &FileCtx, r: &Reference) -> Option<String> {
    let f = ctx.enclosing_function(r)?;
    let receiver = f
        .params
        .as_ref()?
        .list
        .iter()
        .find(|p| p.kind == plumb_facts::ParamKind::Receiver)?;
    if receiver
        .type_text
        .as_deref()
        .is_some_and(|t| t.contains('<') && !is_smart_pointer_to_self(t))
    {
        return None;
    }
    impl_type_at(ctx, r)
}

/// Whether `self` at `r` is a pointer to `Self` (`self: Pin<&mut Self>`),
/// whose own std methods (`get_mut`, `as_mut`) come before `Self`'s.
pub(super) fn self_is_wrapped(ctx: &FileCtx, r: &Reference) -> bool {
    ctx.enclosing_function(r)
        .and_then(|f| f.params.as_ref())
        .and_then(|ps| {
            ps.list
                .iter()
                .find(|p| p.kind == plumb_facts::ParamKind::Receiver)
        })
        .and_then(|p| p.type_text.as_deref())
        .is_some_and(is_smart_pointer_to_self)
}

/// `self: &Arc<Self>`, `self: Pin<&mut Self>`, `self: Box<Self>`: a pointer
/// whose own methods are std's, the rest being `Self`'s through `Deref`.
fn is_smart_pointer_to_self(t: &str) -> bool {
    let t = t.trim().trim_start_matches('&').trim_start();
    let t = t.strip_prefix("mut ").unwrap_or(t).trim_start();
    let Some((wrapper, inner)) = t.split_once('<') else {
        return false;
    };
    let inner = inner.trim_end().strip_suffix('>').unwrap_or("").trim();
    let inner = inner.trim_start_matches('&').trim_start();
    let inner = inner.strip_prefix("mut ").unwrap_or(inner).trim();
    matches!(
        wrapper.trim().rsplit("::").next(),
        Some("Arc" | "Rc" | "Box" | "Pin")
    ) && inner == "Self"
}

/// Whether the type name `ty`, as this file sees it, is the project's: a
/// definition of the file, or a `use` of a path into this crate. A name
/// imported from a dependency or std (`use tree_sitter::Node`) is theirs
/// even when the project defines a type of that name elsewhere.
pub(super) fn is_project_type_here(ctx: &FileCtx, ty: &str) -> bool {
    if ctx
        .facts
        .definitions
        .iter()
        .any(|d| d.name == ty && has_members(d.kind))
    {
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

pub(super) fn container_is(d: &Definition, ty: &str) -> bool {
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
            Member::Unknown => vec![skipped!()],
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
        Walk::Item(i, d) if i + 1 == segs.len() && has_members(d.kind) => {
            check_assoc(ctx, r, &d.name, true)
        }
        Walk::Missing(i, m) => {
            let seg = &segs[i];
            if std_names().contains(seg.as_str()) {
                return vec![skipped!()];
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
        Walk::Unknown => match reexported_type(ctx, r, segs) {
            // `crate::loom::sync::atomic::AtomicUsize::new` where that module
            // has `pub use core::sync::atomic::AtomicUsize;` (or a std glob).
            Some(Reexport::Std(ty)) => std_type_assoc(ctx, r, &ty),
            Some(Reexport::Dep(krate, version, ty)) => {
                super::foreign::dep_type_assoc(ctx, r, &krate, version.as_deref(), &ty)
            }
            // A path the module walk cannot follow (`cfg` alternatives, a
            // macro-declared module): its last name must exist somewhere.
            None => super::everywhere::spelled_nowhere(ctx, r).unwrap_or_else(|| vec![skipped!()]),
        },
        _ => vec![skipped!()],
    }
}

enum Reexport {
    Std(String),
    Dep(String, Option<String>, String),
}

/// The std or dependency type a project module re-exports as the last of
/// `segs` (`crate::sync::AtomicUsize` after `pub use core::sync::atomic::*;`
/// or `pub use dep::Thing;` in `crate::sync`).
fn reexported_type(ctx: &FileCtx, r: &Reference, segs: &[String]) -> Option<Reexport> {
    let (last, module) = segs.split_last()?;
    if module.is_empty() || !last.starts_with(char::is_uppercase) {
        return None;
    }
    let Walk::Module(m) = modules::walk(ctx, module, &r.span) else {
        return None;
    };
    // One `use` per cfg may bind it (`alloc::sync::Arc` or `std::sync::Arc`):
    // std's when every one is std's, a dependency's when they agree.
    let paths = modules::bound_paths(ctx, &m, last);
    if let Some(full) = paths.first() {
        let base = |p: &str| p.rsplit("::").next().unwrap_or(p).to_string();
        if paths
            .iter()
            .all(|p| is_std_root(p.split("::").next().unwrap_or("")) && base(p) == base(full))
        {
            return Some(Reexport::Std(base(full)));
        }
        if paths.iter().any(|p| p != full) {
            return None;
        }
        let (krate, version) = dep_crate(ctx, full.split("::").next().unwrap_or(""))?;
        return Some(Reexport::Dep(krate, version, base(full)));
    }
    // Only std globs, one of whose modules has the type.
    let globs = modules::glob_paths(ctx, &m);
    let std_only = !globs.is_empty()
        && globs
            .iter()
            .all(|g| is_std_root(g.split("::").next().unwrap_or("")));
    (std_only
        && globs.iter().any(|g| {
            builtins::stdlib_module(Lang::Rust, g).and_then(|sm| sm.member(last)) == Some(true)
        }))
    .then(|| Reexport::Std(last.clone()))
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
        // `impl Hi64 for [u32]`, `impl Ext for u64`: `self` is a slice or
        // primitive, whose methods are std's.
        if ty.starts_with('[') || is_primitive_type(ty) {
            return std_type_assoc(ctx, r, ty);
        }
        // `use crate::imports::Arc;` beside `pub use alloc::sync::Arc;` there.
        if let Some((imp, full)) = ctx.import_binding(ty)
            && imp.relative
        {
            let segs: Vec<String> = full.split("::").map(str::to_string).collect();
            match reexported_type(ctx, r, &segs) {
                Some(Reexport::Std(t)) => return std_type_assoc(ctx, r, &t),
                Some(Reexport::Dep(krate, version, t)) => {
                    return super::foreign::dep_type_assoc(ctx, r, &krate, version.as_deref(), &t);
                }
                None => {}
            }
        }
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
        // `type Mutex<T> = lock_api::Mutex<RawMutex, T>;`: the dependency's type.
        if let Some((krate, version, target)) = alias_target_dep(ctx, ty) {
            return super::foreign::dep_type_assoc(ctx, r, &krate, version.as_deref(), &target);
        }
        // `BTreeMap` under one cfg, `IndexMap` under another.
        if let Some(out) = super::foreign::alias_alternatives_assoc(ctx, r, ty) {
            return out;
        }
        return vec![skipped!()];
    }
    // `#[cfg(..)] pub use alloc::sync::Arc;` beside `#[cfg(..)] struct Arc`:
    // under other cfgs the name is another crate's type.
    let cfg_alternative = tydefs.iter().any(|d| {
        ctx.project.facts_of(&d.path).is_some_and(|rc| {
            rc.1.imports.iter().any(|i| {
                let first = i.module.split("::").next().unwrap_or("");
                !i.wildcard
                    && !i.relative
                    && !matches!(first, "crate" | "self" | "super")
                    && !own_crate(ctx, first)
                    && i.names
                        .iter()
                        .any(|n| n.alias.as_deref().unwrap_or(&n.name) == ty)
            })
        })
    });
    if cfg_alternative {
        return vec![skipped!()];
    }
    let is_trait = tydefs.iter().all(|d| d.def.kind == DefKind::Trait);
    // Every definition of the name, looked up once: the type's members and
    // its traits' are among them.
    let named = ctx.project.defs_named(name, 200);
    let members: Vec<Definition> = named
        .iter()
        .filter(|d| container_is(&d.def, ty))
        .map(|d| d.def.clone())
        .collect();
    let scan = crate_scan(ctx);
    let traits: Vec<String> = scan.impls.get(ty).cloned().unwrap_or_default();
    if !members.is_empty() {
        let mut out = vec![Outcome::Resolved];
        // Arity only when no trait the type implements has a method of that
        // name (its default may be the one called; `arity` also wants every
        // definition of the name to agree).
        let trait_has_it = traits
            .iter()
            .filter(|t| !t.is_empty() && t.as_str() != ty)
            .any(|tr| named.iter().any(|d| container_is(&d.def, tr)));
        if !trait_has_it
            && members
                .iter()
                .all(|d| matches!(d.kind, DefKind::Function | DefKind::Method))
        {
            out.extend(arity(ctx, r, &members, ufcs));
        }
        return out;
    }
    for tr in traits.iter().filter(|t| !t.is_empty()) {
        if operator_method(tr, name) {
            return vec![Outcome::Resolved];
        }
        if named.iter().any(|d| container_is(&d.def, tr)) {
            return vec![Outcome::Resolved];
        }
    }
    if std_names().contains(name) || ctx.bound_elsewhere(name) {
        return vec![Outcome::Resolved];
    }
    if is_trait && supertraits_may_provide(ctx, ty, name, 0) {
        return vec![skipped!()];
    }
    if project_name_may_provide(ctx, ty, name, is_trait) {
        return vec![skipped!()];
    }
    if !is_trait && super::derives::derive_may_add(ctx, ty, name) {
        return vec![skipped!()];
    }
    // A macro implementing a trait for some type adds nothing to the trait.
    let def_files: Vec<&str> = tydefs.iter().map(|d| d.path.as_str()).collect();
    if !is_trait && scan.macro_may_implement(ty, name, &def_files) {
        return vec![skipped!()];
    }
    if !is_trait
        && scan
            .macro_traits_for(ty, &def_files)
            .iter()
            .any(|(tr, file)| macro_trait_may_provide(ctx, tr, file, name))
    {
        return vec![skipped!()];
    }
    if scan.macro_fns.contains(name) {
        return vec![skipped!()];
    }
    // Macros in the type's impl bodies: a dependency's macro can only write
    // names its crate spells; one whose source is not here leaves a doubt.
    let mut unverified_macros: Vec<String> = Vec::new();
    if !is_trait {
        for (m, spelled) in scan.impl_macros_for(ty, name) {
            if spelled {
                return vec![skipped!()];
            }
            match impl_macro_crate(ctx, m) {
                Some(krate) => match dep_source(ctx, &krate) {
                    Some(dir) if !ctx.deps.crate_names(&dir).contains(name) => {}
                    Some(_) => return vec![skipped!()],
                    None => unverified_macros.push(krate),
                },
                None => return vec![skipped!()],
            }
        }
    }
    // Traits whose methods are not listed here (`Iterator`, a dependency's
    // trait) and `Deref` can only add names that exist where the trait (or
    // the deref target) comes from.
    let impls = scan.trait_impls.get(ty).cloned().unwrap_or_default();
    // Traits of dependencies whose source is not here, implemented for the
    // type: they could add the name unseen (a finding then asks for review).
    let unverified_impls = std::cell::RefCell::new(Vec::<String>::new());
    let unlisted_may_provide = impls.iter().find(|ti| {
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
            Some(target) => {
                if let Some(may) =
                    super::deref::generic_target_may_provide(ctx, r, ti, target, name)
                {
                    return may;
                }
                target_origin(ctx, target)
            }
            None => trait_origin(ctx, ti),
        };
        if let Origin::Dep(krate) = &origin
            && dep_source(ctx, krate).is_none()
        {
            unverified_impls.borrow_mut().push(krate.clone());
            return false;
        }
        if ti.target.is_none() && matches!(origin, Origin::Project) {
            // The project's trait, yet no indexed file defines it (generated
            // code the walk leaves out, a macro writes it): its fns are unknown.
            return true;
        }
        if ti.target.is_none()
            && let Origin::Dep(krate) = &origin
            && let Some(dir) = dep_source(ctx, krate)
        {
            // `impl IntoParallelIterator for IndexMap`: that trait's own fns
            // (and its supertraits'), not every word of rayon.
            return super::traits::dep_trait_may_provide(ctx, &dir, tr, name, 0);
        }
        origin_may_provide(ctx, &origin, name)
    });
    if let Some(ti) = unlisted_may_provide {
        crate::resolve::trace_why(|| format!("impl {} for {ty} may provide it", ti.path));
        return vec![skipped!()];
    }
    let mut unverified = unverified_impls.into_inner();
    unverified.extend(unverified_macros);
    let carries = || impls.iter().any(|ti| may_carry_extensions(ctx, ti));
    let dep_traits = dep_traits_for(ctx, r, name, &carries).with_unverified(unverified);
    if dep_traits == DepTraits::MayProvide {
        return vec![skipped!()];
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
    let mut evidence = vec![
        format!("impls of {ty} in the crate: {impls}"),
        format!("definitions anywhere in the project index: none named '{name}'"),
    ];
    let confidence = dep_traits.weigh(
        name,
        if ctx.facts.dynamic { 0.6 } else { 0.75 },
        &mut evidence,
    );
    vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!("no {what} named '{name}' found for '{ty}'"),
        evidence,
        ctx.candidates(name, &pool),
        confidence,
    ))]
}

/// Whether a project definition named `name` could be what `ty::name`
/// reaches: an item of a trait (an impl, blanket or written by a macro,
/// may give it to `ty`), or of a container this cannot place. Fields, free
/// functions, functions nested in others and inherent items of the
/// project's other structs, enums and unions cannot; a type that derefs,
/// whose impls invoke a macro that may write the name, or a trait (through
/// its implementors) keeps every name possible.
fn project_name_may_provide(ctx: &FileCtx, ty: &str, name: &str, is_trait: bool) -> bool {
    const LIMIT: usize = 50;
    let defs = ctx.project.defs_named(name, LIMIT);
    if defs.is_empty() {
        return false;
    }
    let scan = crate_scan(ctx);
    let derefs = scan
        .trait_impls
        .get(ty)
        .is_some_and(|impls| impls.iter().any(|ti| ti.target.is_some()));
    // A macro in `ty`'s impls may write `fn $name` for a name another type
    // has too (encoding_rs's decoders).
    let macro_made = scan.has_impl_macros(ty) && scan.macro_may_name(name);
    if is_trait || derefs || macro_made || defs.len() >= LIMIT {
        return true;
    }
    defs.iter().any(|d| {
        if d.def.kind == DefKind::Field {
            return false;
        }
        let Some(container) = d.def.container.as_deref() else {
            return d.def.kind == DefKind::Method;
        };
        let base = container.rsplit('.').next().unwrap_or(container);
        if base == ty {
            return true;
        }
        let kinds: Vec<DefKind> = ctx
            .project
            .defs_named(base, 20)
            .iter()
            .map(|c| c.def.kind)
            .collect();
        let placed = kinds.iter().all(|k| {
            matches!(
                k,
                DefKind::Struct
                    | DefKind::Enum
                    | DefKind::Union
                    | DefKind::Function
                    | DefKind::Method
            )
        });
        kinds.is_empty() || !placed
    })
}

/// Std traits that dependencies commonly extend with blanket impls
/// (`impl<F: Future> FutureExt for F`, `impl<D: Display> OwoColorize for D`).
const EXTENDED_STD_TRAITS: [&str; 13] = [
    "Iterator",
    "DoubleEndedIterator",
    "ExactSizeIterator",
    "Future",
    "Read",
    "Write",
    "BufRead",
    "Seek",
    "Display",
    "Error",
    "AsRef",
    "Borrow",
    "Hasher",
];

/// Whether a type with impl `ti` could get a dependency's extension trait
/// through a blanket impl: `ti` derefs to another type, implements a
/// dependency's trait (or one of unknown origin), or a std trait that
/// dependencies extend. Derivable std traits (`Clone`, `Debug`, ...) and
/// the project's own traits carry none.
fn may_carry_extensions(ctx: &FileCtx, ti: &TraitImpl) -> bool {
    if ti.target.is_some() {
        return true;
    }
    let tr = ti.path.rsplit("::").next().unwrap_or(&ti.path);
    match trait_origin(ctx, ti) {
        Origin::Std => EXTENDED_STD_TRAITS.contains(&tr),
        Origin::Project => false,
        Origin::Dep(_) | Origin::Toolchain | Origin::Unknown => true,
    }
}

/// The dependency crate an impl-body macro (`krate::m` as written, or `m`
/// that the file imports from one) comes from; `None` when it is the
/// project's or cannot be told (`#[macro_use]`, a glob).
/// Whether trait `tr`, as a macro body writes it (`io::Write`, `Serialize`,
/// `MyTrait`) and `file` sees it, may have a method `name`.
fn macro_trait_may_provide(ctx: &FileCtx, tr: &str, file: &str, name: &str) -> bool {
    let base = tr.rsplit("::").next().unwrap_or(tr);
    if ctx
        .project
        .defs_named(base, 10)
        .iter()
        .any(|d| d.def.kind == DefKind::Trait)
    {
        return supertraits_may_provide(ctx, base, name, 0);
    }
    origin_may_provide(ctx, &super::traits::origin_of_path(ctx, tr, file), name)
}

fn impl_macro_crate(ctx: &FileCtx, path: &str) -> Option<String> {
    let first = match path.split_once("::") {
        Some((first, _)) => first.to_string(),
        None => {
            let (_, full) = ctx.import_binding(path)?;
            full.split("::").next()?.to_string()
        }
    };
    dep_crate(ctx, &first).map(|(krate, _)| krate)
}

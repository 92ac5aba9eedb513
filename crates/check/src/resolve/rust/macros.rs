//! Rust macro invocations written bare (`name!(..)`): a macro of the
//! standard library, a `macro_rules!` of the project, one imported with
//! `use`, one a `#[macro_use]` crate or a glob provides; and macro paths
//! into std (`ptr::addr_of!`), the crate root (`crate::m!`) and a
//! dependency (`log::info!`, judged by what its source spells).

use plumb_facts::{DefKind, Lang, Reference};

use super::super::{FileCtx, Outcome};
use super::scan::crate_scan;
use super::*;
use crate::builtins;
use crate::report::FindingKind;

/// `ptr::addr_of!` / `std::ptr::addr_of!`: checked against the standard
/// library's module members; other paths are left to the compiler.
fn std_path_macro(ctx: &FileCtx, r: &Reference, q: &str) -> Vec<Outcome> {
    let q = q.trim_start_matches("::");
    let mut segs: Vec<String> = q.split("::").map(str::to_string).collect();
    if let Some(full) = use_binding(ctx, &segs[0], &r.span) {
        let mut v: Vec<String> = full.split("::").map(str::to_string).collect();
        v.extend(segs.drain(1..));
        segs = v;
    }
    if !is_std_root(&segs[0]) || super::imports::shadowed_root(ctx, &segs[0]) {
        return vec![skipped!()];
    }
    let module = segs.join("::");
    match builtins::stdlib_module(Lang::Rust, &module) {
        Some(m) if m.member(&r.name) == Some(false) => vec![Outcome::Found(
            ctx.finding(
                FindingKind::UnknownSymbol,
                &r.span,
                format!("cannot find macro '{}!' in '{module}'", r.name),
                vec![format!(
                    "standard library module {module} ({} members)",
                    m.members().len()
                )],
                ctx.candidates(
                    &r.name,
                    &m.members()
                        .iter()
                        .map(|n| (n.to_string(), format!("<std {module}>"), 0))
                        .collect::<Vec<_>>(),
                ),
                0.85,
            ),
        )],
        Some(_) => vec![Outcome::Resolved],
        None => vec![skipped!()],
    }
}

/// `crate::m!` / `own_crate::m!`: a `#[macro_export]` macro of the
/// project, or a name the crate root binds (`pub use helpers::m;`).
fn crate_root_macro(ctx: &FileCtx, r: &Reference) -> Vec<Outcome> {
    let name = r.name.as_str();
    if project_macro(ctx, name) {
        return vec![Outcome::Resolved];
    }
    let scan = crate_scan(ctx);
    if scan.macro_macros.contains(name) || scan.macro_macro_var {
        return vec![skipped!()];
    }
    let super::modules::Walk::Module(root) =
        super::modules::walk(ctx, &["crate".to_string()], &r.span)
    else {
        return vec![skipped!()];
    };
    match super::modules::member(ctx, &root, name) {
        super::modules::Member::Missing => vec![Outcome::Found(ctx.finding(
            FindingKind::UnknownSymbol,
            &r.span,
            format!("cannot find macro '{name}!' in the crate root"),
            vec![
                "macro_rules! definitions in the project: none named so".into(),
                format!("crate root ({}): no `use` or glob brings it", root.file),
            ],
            ctx.candidates(name, &macro_pool(ctx, name)),
            if ctx.facts.dynamic { 0.6 } else { 0.8 },
        ))],
        super::modules::Member::Unknown => vec![skipped!()],
        _ => vec![Outcome::Resolved],
    }
}

/// `dep::m!`: a macro the dependency's source spells.
fn dep_macro(ctx: &FileCtx, r: &Reference, krate: &str, version: Option<&str>) -> Vec<Outcome> {
    let name = r.name.as_str();
    // Macros rarely leave a crate between versions: another installed
    // version answers too, with less confidence.
    let exact = version.and_then(|v| ctx.deps.cargo_source(krate, v));
    let Some(dir) = exact.clone().or_else(|| ctx.deps.cargo_source_any(krate)) else {
        return vec![skipped!()];
    };
    if ctx.deps.crate_names(&dir).contains(name) {
        return vec![Outcome::Resolved];
    }
    // A macro at the crate's root is defined or re-exported there, so its
    // name is spelled in the crate (generated sources aside).
    if super::depsrc::dep_decls(&dir).includes {
        return vec![skipped!()];
    }
    vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!("cannot find macro '{name}!' in crate '{krate}'"),
        vec![format!(
            "every identifier in {}: none is '{name}'",
            dir.display()
        )],
        Vec::new(),
        if ctx.facts.dynamic || exact.is_none() {
            0.6
        } else {
            0.7
        },
    ))]
}

fn project_macro(ctx: &FileCtx, name: &str) -> bool {
    ctx.project
        .defs_named(name, 20)
        .iter()
        .any(|d| d.def.kind == DefKind::Macro)
}

/// Candidates for a misspelt macro: the project's and common std ones.
fn macro_pool(ctx: &FileCtx, name: &str) -> Vec<(String, String, u32)> {
    ctx.project
        .defs_with_prefix(&name.chars().take(2).collect::<String>(), 300)
        .into_iter()
        .filter(|d| d.def.kind == DefKind::Macro)
        .map(|d| (d.def.name, d.path, d.def.name_span.start_line))
        .chain(
            [
                "write",
                "writeln",
                "format",
                "println",
                "print",
                "eprintln",
                "vec",
                "assert",
                "assert_eq",
                "panic",
                "matches",
                "debug_assert",
            ]
            .iter()
            .map(|m| (m.to_string(), "<std macro>".to_string(), 0)),
        )
        .collect()
}

pub(super) fn check_macro(ctx: &FileCtx, r: &Reference) -> Vec<Outcome> {
    let name = r.name.as_str();
    if let Some(q) = r.qualifier.as_deref() {
        let q = q.trim_start_matches("::");
        let first = q.trim_start_matches('$');
        if !q.contains("::") && (first == "crate" || own_crate(ctx, first)) {
            return crate_root_macro(ctx, r);
        }
        if !q.contains("::")
            && !is_std_root(q)
            && use_binding(ctx, q, &r.span).is_none()
            && let Some((krate, version)) = dep_crate(ctx, q)
        {
            return dep_macro(ctx, r, &krate, version.as_deref());
        }
        return std_path_macro(ctx, r, q);
    }
    if builtins::is_builtin(Lang::Rust, name)
        || std_names().contains(name)
        || use_binding(ctx, name, &r.span).is_some()
        || ctx.bound_elsewhere(name)
        || project_macro(ctx, name)
    {
        return vec![Outcome::Resolved];
    }
    let scan = crate_scan(ctx);
    if scan.macro_macros.contains(name) || scan.macro_macro_var || ctx.facts.parse_errors > 0 {
        return vec![skipped!()];
    }
    // Crates whose macros may be in scope without a `use`: those of
    // `#[macro_use] extern crate`, and those the file glob-imports.
    let mut crates: Vec<String> = scan.macro_use_crates.clone();
    for i in ctx
        .facts
        .imports
        .iter()
        .filter(|i| i.wildcard && import_visible(ctx, i, &r.span))
    {
        let f = i.module.split("::").next().unwrap_or("");
        if is_std_root(f) {
            continue;
        }
        if matches!(f, "crate" | "self" | "super") || i.relative || own_crate(ctx, f) {
            // Project macros were looked up above by name; the globbed
            // module's own `use` may bring another crate's (`use super::*;`
            // under `use defmt_macros::internp;`).
            if matches!(f, "crate" | "self" | "super")
                && super::modules::glob_brings(ctx, r, &i.module)
            {
                return vec![skipped!()];
            }
            continue;
        }
        crates.push(f.to_string());
    }
    for c in &crates {
        let Some((krate, version)) = dep_crate(ctx, c) else {
            return vec![skipped!()];
        };
        let src = match version.as_deref() {
            Some(v) => ctx.deps.cargo_source(&krate, v),
            None => ctx.deps.cargo_source_any(&krate),
        };
        match src {
            None => return vec![skipped!()],
            Some(dir) if ctx.deps.crate_names(&dir).contains(name) => {
                return vec![Outcome::Resolved];
            }
            _ => {}
        }
    }

    vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!("cannot find macro '{name}!' in this scope"),
        vec![
            "standard library macros: no".into(),
            "macro_rules! definitions in the project: none named so".into(),
            format!("`use` declarations of {}: no", ctx.path),
            if !scan.macro_use_crates.is_empty() {
                "#[macro_use] crates and glob-imported crates: none define it".into()
            } else {
                "no #[macro_use] in the crate; glob-imported crates: none define it".into()
            },
        ],
        ctx.candidates(name, &macro_pool(ctx, name)),
        if ctx.facts.dynamic { 0.6 } else { 0.8 },
    ))]
}

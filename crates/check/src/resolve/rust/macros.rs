//! Rust macro invocations written bare (`name!(..)`): a macro of the
//! standard library, a `macro_rules!` of the project, one imported with
//! `use`, one a `#[macro_use]` crate or a glob provides. Path invocations
//! (`dep::m!`) are left to the compiler.

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

pub(super) fn check_macro(ctx: &FileCtx, r: &Reference) -> Vec<Outcome> {
    let name = r.name.as_str();
    if let Some(q) = r.qualifier.as_deref() {
        return std_path_macro(ctx, r, q);
    }
    if builtins::is_builtin(Lang::Rust, name)
        || std_names().contains(name)
        || use_binding(ctx, name, &r.span).is_some()
        || ctx.bound_elsewhere(name)
        || ctx
            .project
            .defs_named(name, 20)
            .iter()
            .any(|d| d.def.kind == DefKind::Macro)
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
    let pool: Vec<(String, String, u32)> = ctx
        .project
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
        .collect();
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
        ctx.candidates(name, &pool),
        if ctx.facts.dynamic { 0.6 } else { 0.8 },
    ))]
}

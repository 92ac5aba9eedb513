//! Rust `use` declarations: standard-library items and undeclared crates.

use plumb_facts::{Ecosystem, Lang};

use super::super::{FileCtx, Outcome};
use super::modules::{self, Walk};
use super::*;
use crate::builtins::{self, Lookup};
use crate::report::FindingKind;

pub fn check_import(ctx: &FileCtx, imp: &plumb_facts::Import) -> Vec<Outcome> {
    let first = imp.module.split("::").next().unwrap_or("");
    if is_std_root(first) && (platform_specific(&imp.module) || shadowed_root(ctx, first)) {
        return vec![skipped!()];
    }
    if is_std_root(first) {
        let mut out = Vec::new();
        match builtins::lookup(Lang::Rust, &imp.module) {
            Lookup::Module(m) => {
                for n in &imp.names {
                    if n.name == "self" || n.name.starts_with('_') {
                        continue;
                    }
                    if m.member(&n.name) == Some(false)
                        && !macro_generated_std(&imp.module, &n.name)
                        && !builtins::is_stdlib_module(
                            Lang::Rust,
                            &format!("{}::{}", imp.module, n.name),
                        )
                    {
                        let pool: Vec<(String, String, u32)> = m
                            .members()
                            .iter()
                            .map(|s| (s.to_string(), format!("<std {}>", m.name), 0))
                            .collect();
                        out.push(Outcome::Found(ctx.finding(
                            FindingKind::UnknownImport,
                            &imp.span,
                            format!(
                                "unresolved import: '{}' has no item '{}'",
                                imp.module, n.name
                            ),
                            vec![format!(
                                "standard library module {} ({} members)",
                                m.name,
                                m.members().len()
                            )],
                            ctx.candidates(&n.name, &pool),
                            0.85,
                        )));
                    } else {
                        out.push(Outcome::Resolved);
                    }
                }
            }
            Lookup::MissingMember(m, member) => out.push(Outcome::Found(ctx.finding(
                FindingKind::UnknownImport,
                &imp.span,
                format!(
                    "unresolved import: '{}' has no module or item '{member}'",
                    m.name
                ),
                vec![format!("standard library module {}", m.name)],
                Vec::new(),
                0.85,
            ))),
            _ => out.push(skipped!()),
        }
        return out;
    }
    if imp.relative {
        return relative(ctx, imp);
    }
    if first.is_empty() || own_crate(ctx, first) || extern_alias(ctx, first) {
        return vec![skipped!()];
    }
    // `extern crate self as name;`; `use Component::*;` for an enum some
    // `use` or glob brings (crate names are not capitalised).
    if matches!(first, "self" | "crate" | "super") || first.starts_with(char::is_uppercase) {
        return vec![skipped!()];
    }
    if dep_crate(ctx, first).is_some() || is_sysroot_crate(first) {
        return vec![Outcome::Resolved];
    }
    // `use name::…` where `name` is a module of this crate (2018 paths) or an
    // extern crate; only a crate neither declared nor a module is reported.
    let is_module = ctx.project.name_defined(first)
        || ctx.import_binding(first).is_some()
        || ctx.project.all_files().iter().any(|p| {
            p.ends_with(&format!("/{first}.rs")) || p.ends_with(&format!("/{first}/mod.rs"))
        });
    if is_module || ctx.bound_elsewhere(first) && ctx.text.contains(&format!("mod {first}")) {
        return vec![Outcome::Resolved];
    }
    if imp.names.is_empty()
        && !imp.module.contains("::")
        && ctx.facts.imports.iter().any(|i| i.wildcard)
    {
        // `use open64 as open;` beside `use libc::*;`: a one-segment path
        // may name an item the glob brings (2018 paths), not a crate.
        return vec![skipped!()];
    }
    let m = ctx.project.manifest();
    if !m.files.iter().any(|f| f.ends_with("Cargo.toml")) || !own_manifest_present(ctx) {
        return vec![skipped!()];
    }
    let used_elsewhere = super::scan::crate_scan(ctx)
        .path_heads
        .get(first)
        .is_some_and(|n| *n >= 2);
    let installed = || {
        ctx.deps.cargo_source_any(first).is_some()
            || ctx
                .deps
                .cargo_source_any(&first.replace('_', "-"))
                .is_some()
    };
    if original_manifest_declares(ctx, first) {
        // `serde_test = { git = ".." }` in the author's manifest, dropped
        // from the one `cargo publish` writes.
        return vec![skipped!()];
    }
    if test_only(ctx, &imp.span) && (used_elsewhere || installed()) && published_manifest(ctx) {
        // `cargo publish` drops dev-dependencies given only by path: the
        // manifest of a published crate does not list every test crate its
        // files use.
        return vec![skipped!()];
    }
    let pool: Vec<(String, String, u32)> = m
        .dependencies
        .iter()
        .filter(|d| d.ecosystem == Ecosystem::Cargo)
        .map(|d| {
            (
                plumb_manifest::cargo_crate_import_name(&d.name),
                d.manifest.clone(),
                0,
            )
        })
        .collect();
    vec![Outcome::Found(ctx.finding(
        FindingKind::UndeclaredPackage,
        &imp.span,
        format!("crate '{first}' is not declared in Cargo.toml and is not a module of this crate"),
        vec![
            format!(
                    "declared dependencies in {}",
                    m.files
                        .iter()
                        .filter(|f| f.ends_with("Cargo.toml"))
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            format!("project modules and items: none named '{first}'"),
        ],
        ctx.candidates(first, &pool),
        0.8,
    ))]
}

/// `use crate::a::B;`, `use super::x::{y, z};`, `use self::m::*;`: walked
/// through the crate's module tree.
fn relative(ctx: &FileCtx, imp: &plumb_facts::Import) -> Vec<Outcome> {
    let base: Vec<String> = imp.module.split("::").map(str::to_string).collect();
    // `mod name;` is recorded as a relative import of `name`: not a path.
    if imp.names.is_empty()
        && !imp.wildcard
        && base.len() == 1
        && ctx
            .facts
            .definitions
            .iter()
            .any(|d| d.kind == plumb_facts::DefKind::Module && d.span == imp.span)
    {
        return vec![skipped!()];
    }
    let mut paths: Vec<Vec<String>> = Vec::new();
    if imp.names.is_empty() {
        paths.push(base.clone());
    }
    for n in &imp.names {
        let mut p = base.clone();
        if n.name != "self" {
            p.push(n.name.clone());
        }
        paths.push(p);
    }
    let mut out = Vec::new();
    for p in paths {
        match modules::walk(ctx, &p, &imp.span) {
            Walk::Missing(i, m) => {
                let pool = modules::names_in(ctx, &m);
                let within = modules::display(ctx, &m);
                out.push(Outcome::Found(ctx.finding(
                    FindingKind::UnknownImport,
                    &imp.span,
                    format!("unresolved import: no '{}' in '{within}'", p[i]),
                    vec![
                        format!(
                            "module {within} ({}): no item, module, `use` or glob named '{}'",
                            m.file, p[i]
                        ),
                        "module files: none at the path rustc would load".into(),
                    ],
                    ctx.candidates(&p[i], &pool),
                    if ctx.facts.dynamic { 0.7 } else { 0.85 },
                )));
            }
            Walk::Unknown => out.push(skipped!()),
            _ => out.push(Outcome::Resolved),
        }
    }
    out
}

/// Code compiled only for tests, benches or examples.
pub(super) fn test_only(ctx: &FileCtx, at: &plumb_facts::Span) -> bool {
    let p = ctx.path;
    let in_dir = |d: &str| p.starts_with(&format!("{d}/")) || p.contains(&format!("/{d}/"));
    if in_dir("tests") || in_dir("benches") || in_dir("examples") {
        return true;
    }
    let stem = p.rsplit('/').next().unwrap_or(p);
    if matches!(stem, "tests.rs" | "test.rs") {
        return true;
    }
    if ctx
        .text
        .get(..at.start_byte as usize)
        .is_some_and(|before| before.contains("#[cfg(test)]"))
    {
        return true;
    }
    // A `#[test]` function outside any test module.
    ctx.facts
        .definitions
        .iter()
        .filter(|d| d.kind == plumb_facts::DefKind::Function && d.span.contains(at))
        .any(|d| test_attribute_above(ctx.text, d.span.start_byte as usize))
}

/// Whether the attribute lines just above byte `start` (or on its line,
/// before it) hold a test attribute: `#[test]`, `#[tokio::test]`, `#[bench]`.
fn test_attribute_above(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start) else {
        return false;
    };
    let is_test = |l: &str| {
        let l = l.trim();
        l == "#[test]" || l == "#[bench]" || l.starts_with("#[") && l.contains("::test")
    };
    let line_start = before.rfind('\n').map_or(0, |k| k + 1);
    if before[line_start..]
        .split("] ")
        .any(|a| is_test(&format!("{a}]")))
    {
        return true;
    }
    before[..line_start]
        .lines()
        .rev()
        .take_while(|l| {
            let l = l.trim_start();
            l.starts_with("#[")
                || l.starts_with("///")
                || l.starts_with("//")
                || l.trim().is_empty()
        })
        .any(is_test)
}

/// The crate's `Cargo.toml` is the normalised one `cargo publish` writes.
fn published_manifest(ctx: &FileCtx) -> bool {
    ctx.project.manifest().files.iter().any(|f| {
        f.ends_with("Cargo.toml")
            && std::fs::read_to_string(ctx.project.root.join(f))
                .is_ok_and(|t| t.starts_with("# THIS FILE IS AUTOMATICALLY GENERATED BY CARGO"))
    })
}

/// Whether a `Cargo.toml.orig` (the author's manifest, kept beside the
/// one `cargo publish` writes) declares crate `name` in some dependency
/// table: publishing drops dev-dependencies given by `git` or `path` only.
/// Read with the same Cargo reader as every manifest.
fn original_manifest_declares(ctx: &FileCtx, name: &str) -> bool {
    let originals: Vec<(String, Vec<u8>)> = ctx
        .project
        .manifest()
        .files
        .iter()
        .filter(|f| f.ends_with("Cargo.toml"))
        .filter_map(|f| {
            let bytes = std::fs::read(ctx.project.root.join(format!("{f}.orig"))).ok()?;
            Some((f.clone(), bytes))
        })
        .collect();
    if originals.is_empty() {
        return false;
    }
    plumb_manifest::read_manifests(&originals)
        .0
        .dependencies
        .iter()
        .any(|d| {
            d.ecosystem == Ecosystem::Cargo
                && plumb_manifest::cargo_crate_import_name(&d.name) == name
        })
}

/// A module or item of the project that shares a std root's name (`mod
/// alloc;`) and so stands for it in paths.
pub(super) fn shadowed_root(ctx: &FileCtx, first: &str) -> bool {
    ctx.project
        .defs_named(first, 5)
        .iter()
        .any(|d| d.def.kind == plumb_facts::DefKind::Module)
}

/// `extern crate alloc as core_alloc;` in the crate: `core_alloc` names a crate.
pub(super) fn extern_alias(ctx: &FileCtx, name: &str) -> bool {
    let needle = format!(" as {name};");
    ctx.project.all_files().iter().any(|f| {
        (f.ends_with("lib.rs") || f.ends_with("main.rs"))
            && ctx
                .project
                .facts_of(f)
                .is_some_and(|rc| rc.0.contains("extern crate") && rc.0.contains(&needle))
    })
}

/// Crates the toolchain ships beside `std` that need no manifest entry
/// (`proc_macro` in proc-macro crates, `test` on nightly).
fn is_sysroot_crate(name: &str) -> bool {
    matches!(name, "proc_macro" | "test")
}

/// Whether the crate holding the checked file has its manifest here: a
/// file under `X/src/` belongs to the crate of `X/Cargo.toml`, which a
/// published package may leave out (`fuzz/src/bin/*.rs`); its dependencies
/// are then unknown.
fn own_manifest_present(ctx: &FileCtx) -> bool {
    let comps: Vec<&str> = ctx.path.split('/').collect();
    match comps.iter().position(|c| *c == "src") {
        Some(i) if i > 0 => ctx
            .project
            .file_exists(&format!("{}/Cargo.toml", comps[..i].join("/"))),
        _ => true,
    }
}

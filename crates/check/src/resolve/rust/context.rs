//! What a Rust path can name: standard-library names, declared and
//! workspace crates, derives that add associated functions, platform
//! modules.

use std::collections::HashSet;
use std::sync::OnceLock;

use plumb_facts::{DefKind, Ecosystem, Lang};

use super::super::FileCtx;
use crate::builtins::{self};

/// Every member name of every standard-library module, and common trait
/// methods that derives and blanket impls provide on user types.
pub(super) fn std_names() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| {
        let t = builtins::table(Lang::Rust);
        let mut s: HashSet<&'static str> = t.builtins().iter().copied().collect();
        for m in t.module_names() {
            if let Some(module) = t.module(m) {
                s.extend(module.members().iter().copied());
            }
            s.extend(m.rsplit("::").next());
        }
        s.extend([
            "default",
            "clone",
            "clone_from",
            "from",
            "into",
            "try_from",
            "try_into",
            "from_str",
            "fmt",
            "eq",
            "ne",
            "cmp",
            "partial_cmp",
            "hash",
            "deref",
            "deref_mut",
            "drop",
            "from_iter",
            "into_iter",
            "extend",
            "as_ref",
            "as_mut",
            "borrow",
            "borrow_mut",
            "to_owned",
            "to_string",
            "serialize",
            "deserialize",
            "custom",
            "parse",
            "new",
            "next",
            "poll",
            "call",
            "index",
            "index_mut",
            "add",
            "sub",
            "mul",
            "div",
            "neg",
            "not",
            "max",
            "min",
            "sum",
            "product",
            "type_id",
            "with_capacity",
            "len",
            "is_empty",
            "iter",
            "write_str",
        ]);
        s
    })
}

pub(super) fn dep_crate(ctx: &FileCtx, first: &str) -> Option<(String, Option<String>)> {
    ctx.project
        .manifest()
        .dependencies
        .iter()
        .filter(|d| d.ecosystem == Ecosystem::Cargo)
        .find(|d| {
            plumb_manifest::cargo_crate_import_name(d.rename.as_deref().unwrap_or(&d.name)) == first
        })
        .map(|d| (d.name.clone(), d.locked_version.clone()))
}

pub(super) fn own_crate(ctx: &FileCtx, first: &str) -> bool {
    ctx.project.manifest().own_packages.iter().any(|(e, n, _)| {
        *e == Ecosystem::Cargo && plumb_manifest::cargo_crate_import_name(n) == first
    })
}

pub(super) fn is_std_root(s: &str) -> bool {
    matches!(s, "std" | "core" | "alloc")
}

/// Whether a project type derives a trait from outside `std` (its derive
/// macro may add associated functions: `Parser::parse`, `Builder::builder`).
pub(super) fn derives_foreign(ctx: &FileCtx, ty: &str) -> bool {
    const STD_DERIVES: [&str; 9] = [
        "Debug",
        "Clone",
        "Copy",
        "PartialEq",
        "Eq",
        "PartialOrd",
        "Ord",
        "Hash",
        "Default",
    ];
    let defs = ctx.project.defs_named(ty, 20);
    defs.iter()
        .filter(|d| matches!(d.def.kind, DefKind::Struct | DefKind::Enum | DefKind::Union))
        .any(|d| {
            let Some(rc) = ctx.project.facts_of(&d.path) else {
                return true;
            };
            // Attributes may sit before the span: read back to the previous item.
            let start = d.def.span.start_byte as usize;
            let mut lo = start.saturating_sub(2000);
            while !rc.0.is_char_boundary(lo) {
                lo += 1;
            }
            let before = rc.0.get(lo..start).unwrap_or("");
            let cut = before
                .rfind("}\n")
                .or_else(|| before.rfind(";\n"))
                .map(|i| i + 2)
                .unwrap_or(0);
            let head = format!(
                "{}{}",
                &before[cut..],
                rc.0.get(start..d.def.name_span.start_byte as usize)
                    .unwrap_or("")
            );
            head.split("derive(").skip(1).any(|rest| {
                rest.split(')')
                    .next()
                    .unwrap_or("")
                    .split(',')
                    .map(str::trim)
                    .any(|t| {
                        let last = t.rsplit("::").next().unwrap_or(t);
                        !t.is_empty() && !STD_DERIVES.contains(&last)
                    })
            }) || head.contains("#[cfg_attr")
        })
}

/// Standard-library modules whose contents depend on the target platform.
pub(super) fn platform_specific(path: &str) -> bool {
    let mut it = path.split("::").skip(1);
    matches!(it.next(), Some("arch" | "os"))
}

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
            "source",
            "description",
            "cause",
            "clamp",
            "lt",
            "le",
            "gt",
            "ge",
            "clone_into",
            "try_from_iter",
        ]);
        // Items the standard library generates with macros (integer atomics).
        s.extend(MACRO_GENERATED_STD.iter().map(|(_, n)| *n));
        s
    })
}

/// Every function and method name the standard library defines
/// (`std_fns.txt`): what `Deref` to a std type, or a std trait with provided
/// methods (`Iterator`, `Read`), can add to a type.
pub(super) fn std_fn_names() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| {
        include_str!("std_fns.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    })
}

/// Methods of the traits in the prelude (`prelude_fns.txt`): any value may
/// have them without an import.
pub(super) fn prelude_fn_names() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| {
        include_str!("prelude_fns.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    })
}

/// Whether a method `name` could come from outside the project through a
/// trait or `Deref` whose methods the checker does not list: a std function
/// name, or a word of any declared dependency (or a dependency whose source
/// is not installed).
pub(super) fn may_come_from_outside(ctx: &FileCtx, name: &str) -> bool {
    if std_fn_names().contains(name) {
        return true;
    }
    ctx.project
        .manifest()
        .dependencies
        .iter()
        .filter(|d| d.ecosystem == Ecosystem::Cargo)
        .any(|d| {
            let src = d
                .locked_version
                .as_deref()
                .and_then(|v| ctx.deps.cargo_source(&d.name, v))
                .or_else(|| ctx.deps.cargo_source_any(&d.name));
            src.is_none_or(|dir| ctx.deps.crate_names(&dir).contains(name))
        })
}

/// Public items of std modules written by macros (`atomic_int!`), which a
/// listing of the modules' `pub` items does not show. Module path without
/// its `std`/`core` root.
pub(super) const MACRO_GENERATED_STD: &[(&str, &str)] = &[
    ("sync::atomic", "AtomicI8"),
    ("sync::atomic", "AtomicI16"),
    ("sync::atomic", "AtomicI32"),
    ("sync::atomic", "AtomicI64"),
    ("sync::atomic", "AtomicI128"),
    ("sync::atomic", "AtomicIsize"),
    ("sync::atomic", "AtomicU8"),
    ("sync::atomic", "AtomicU16"),
    ("sync::atomic", "AtomicU32"),
    ("sync::atomic", "AtomicU64"),
    ("sync::atomic", "AtomicU128"),
    ("sync::atomic", "AtomicUsize"),
    ("sync::atomic", "ATOMIC_ISIZE_INIT"),
    ("sync::atomic", "ATOMIC_USIZE_INIT"),
];

/// Whether `std::<module>::<name>` is one of [`MACRO_GENERATED_STD`].
pub(super) fn macro_generated_std(module: &str, name: &str) -> bool {
    let rel = module.split_once("::").map(|x| x.1).unwrap_or("");
    MACRO_GENERATED_STD
        .iter()
        .any(|(m, n)| *m == rel && *n == name)
}

/// Traits of the standard library whose methods are all known to the
/// checker (in [`std_names`]) or are the trait's own snake-case name
/// (`Add::add`, `AddAssign::add_assign`): implementing them adds no unknown
/// methods. Traits with many provided methods (`Iterator`, `Read`, `Write`)
/// and `Deref` are not here.
pub(super) fn std_trait_methods_known(tr: &str) -> bool {
    matches!(
        tr,
        "Debug"
            | "Display"
            | "Clone"
            | "Copy"
            | "PartialEq"
            | "Eq"
            | "PartialOrd"
            | "Ord"
            | "Hash"
            | "Default"
            | "Drop"
            | "Send"
            | "Sync"
            | "Unpin"
            | "Sized"
            | "UnwindSafe"
            | "RefUnwindSafe"
            | "From"
            | "Into"
            | "TryFrom"
            | "TryInto"
            | "AsRef"
            | "AsMut"
            | "Borrow"
            | "BorrowMut"
            | "FromStr"
            | "Error"
            | "FromIterator"
            | "IntoIterator"
            | "Extend"
            | "Binary"
            | "Octal"
            | "LowerHex"
            | "UpperHex"
            | "LowerExp"
            | "UpperExp"
            | "Pointer"
    ) || is_operator_trait(tr)
}

fn is_operator_trait(tr: &str) -> bool {
    let t = tr.strip_suffix("Assign").unwrap_or(tr);
    matches!(
        t,
        "Add"
            | "Sub"
            | "Mul"
            | "Div"
            | "Rem"
            | "Neg"
            | "Not"
            | "BitAnd"
            | "BitOr"
            | "BitXor"
            | "Shl"
            | "Shr"
            | "Index"
            | "IndexMut"
    )
}

/// `add_assign` for `AddAssign`: the one method an operator trait has.
pub(super) fn operator_method(tr: &str, name: &str) -> bool {
    if !is_operator_trait(tr) {
        return false;
    }
    let mut snake = String::new();
    for (i, c) in tr.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            snake.push('_');
        }
        snake.extend(c.to_lowercase());
    }
    snake == name
}

/// Whether the `use` `imp` is in scope at `at`: a `use` inside a function
/// or an inline module is visible only there.
pub(super) fn import_visible(
    ctx: &FileCtx,
    imp: &plumb_facts::Import,
    at: &plumb_facts::Span,
) -> bool {
    let innermost = |s: &plumb_facts::Span, fns: bool| {
        ctx.facts
            .definitions
            .iter()
            .filter(|d| {
                (d.kind == DefKind::Module
                    || fns && matches!(d.kind, DefKind::Function | DefKind::Method))
                    && d.span.contains(s)
                    && d.span != *s
            })
            .max_by_key(|d| d.span.start_byte)
            .map(|d| d.span)
    };
    innermost(&imp.span, false) == innermost(at, false)
        && innermost(&imp.span, true).is_none_or(|sc| sc.contains(at))
}

/// The path a name brought in by a `use` visible at `at` stands for,
/// counting `self` in a use list (`use std::sync::atomic::{self, Ordering}`
/// binds `atomic`). A `use` inside a function or an inline module is
/// visible only there.
pub(super) fn use_binding(ctx: &FileCtx, name: &str, at: &plumb_facts::Span) -> Option<String> {
    let visible = |i: &plumb_facts::Import| import_visible(ctx, i, at);
    for imp in ctx.facts.imports.iter().filter(|i| visible(i)) {
        for n in &imp.names {
            if n.alias.as_deref().unwrap_or(&n.name) == name && n.name != "self" {
                return Some(if imp.module.is_empty() {
                    n.name.clone()
                } else {
                    format!("{}::{}", imp.module, n.name)
                });
            }
            if n.name == "self"
                && n.alias
                    .as_deref()
                    .unwrap_or_else(|| imp.module.rsplit("::").next().unwrap_or(""))
                    == name
            {
                return Some(imp.module.clone());
            }
        }
        if imp.names.is_empty() && !imp.wildcard {
            let last = imp.module.rsplit("::").next().unwrap_or(&imp.module);
            if imp.alias.as_deref().unwrap_or(last) == name {
                return Some(imp.module.clone());
            }
        }
    }
    None
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

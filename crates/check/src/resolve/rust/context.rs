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

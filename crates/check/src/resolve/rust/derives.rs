//! What a derive on a project type may add to its methods: nothing for
//! std's derives and inert attributes, the names an installed derive crate
//! (or the crates it depends on) spells, accessors made from the type's
//! fields; anything for an attribute macro or a derive whose crate is not
//! here.

use plumb_facts::DefKind;

use super::super::FileCtx;
use super::*;

/// Whether a derive on project type `ty` other than std's may add a method
/// named `name`. A derive writes names its crate (or the proc-macro crates
/// that crate depends on) spells, or names made from the type's fields
/// (`get_x`, `x_mut`); a derive whose crate is not installed, or a
/// `cfg_attr` that is not a plain derive, may add anything.
pub(super) fn derive_may_add(ctx: &FileCtx, ty: &str, name: &str) -> bool {
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
            let head = attributes_before(&rc.0, &d.def);
            // (derive, whether a `cfg_attr` gates it)
            let foreign: Vec<(&str, bool)> = head
                .split("#[")
                .skip(1)
                .flat_map(|attr| {
                    let gated = attr.starts_with("cfg_attr(");
                    attr.split("derive(")
                        .skip(1)
                        .flat_map(|rest| rest.split(')').next().unwrap_or("").split(','))
                        .map(move |t| (t.trim(), gated))
                })
                .filter(|(t, _)| {
                    let last = t.rsplit("::").next().unwrap_or(t);
                    !t.is_empty() && !STD_DERIVES.contains(&last)
                })
                .collect();
            // `#[cfg_attr(feature = "x", some_attr)]`: an attribute macro may
            // add anything; derives are judged below, inert attributes add
            // nothing.
            if head.split("#[cfg_attr(").skip(1).any(|a| {
                let inner = a.split_once(',').map_or("", |x| x.1).trim_start();
                let attr: String = inner
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                !matches!(
                    attr.as_str(),
                    "derive"
                        | "doc"
                        | "allow"
                        | "warn"
                        | "deny"
                        | "expect"
                        | "forbid"
                        | "must_use"
                        | "repr"
                        | "non_exhaustive"
                        | "deprecated"
                        | "inline"
                        | "cold"
                        | "cfg"
                        | "cfg_attr"
                        | "automatically_derived"
                )
            }) {
                return true;
            }
            if foreign.is_empty() {
                return false;
            }
            if field_made(&rc.1, ty, name) {
                return true;
            }
            foreign.iter().any(|&(t, gated)| {
                let first = match t.split_once("::") {
                    Some((first, _)) => first.to_string(),
                    None => match rc.1.imports.iter().find_map(|i| {
                        i.names
                            .iter()
                            .any(|n| n.alias.as_deref().unwrap_or(&n.name) == t)
                            .then(|| i.module.split("::").next().unwrap_or("").to_string())
                    }) {
                        Some(f) => f,
                        None => return true,
                    },
                };
                let Some((krate, _)) = dep_crate(ctx, &first) else {
                    return true;
                };
                if gated && uninstalled_optional(ctx, &krate) {
                    // `cfg_attr(feature = "arbitrary", derive(..))` with the
                    // optional crate in no build here: the feature is off.
                    return false;
                }
                let Some(dir) = super::traits::dep_source(ctx, &krate) else {
                    return true;
                };
                spelled_by_crate_or_deps(ctx, &dir, name)
            })
        })
}

/// The attributes written before definition `d` (back to the previous item)
/// and its header up to the name.
fn attributes_before(text: &str, d: &plumb_facts::Definition) -> String {
    let start = d.span.start_byte as usize;
    let mut lo = start.saturating_sub(2000);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let before = text.get(lo..start).unwrap_or("");
    let cut = before
        .rfind("}\n")
        .or_else(|| before.rfind(";\n"))
        .map(|i| i + 2)
        .unwrap_or(0);
    format!(
        "{}{}",
        &before[cut..],
        text.get(start..d.name_span.start_byte as usize)
            .unwrap_or("")
    )
}

/// The affixes derives put around a field's or variant's name to make an
/// accessor (`get_x`, `x_mut`, `is_x`, `try_into_x`, ...).
pub(super) const ACCESSOR_AFFIXES: [&str; 12] = [
    "get", "set", "with", "mut", "take", "into", "as", "ref", "is", "has", "try", "unwrap",
];

/// Whether `name` is a field of `ty` or one with an accessor's affix
/// (`get_x`, `set_x`, `with_x`, `x_mut`, ...), as field-wise derives write.
fn field_made(facts: &plumb_facts::FileFacts, ty: &str, name: &str) -> bool {
    facts
        .definitions
        .iter()
        .filter(|f| {
            f.kind == DefKind::Field
                && f.container
                    .as_deref()
                    .is_some_and(|c| c.rsplit('.').next() == Some(ty))
        })
        .any(|f| {
            let field = f.name.as_str();
            name == field
                || name
                    .strip_suffix(field)
                    .and_then(|p| p.strip_suffix('_'))
                    .is_some_and(|p| ACCESSOR_AFFIXES.contains(&p))
                || name
                    .strip_prefix(field)
                    .and_then(|p| p.strip_prefix('_'))
                    .is_some_and(|p| ACCESSOR_AFFIXES.contains(&p))
        })
}

//! Rust: bare calls (locals, items of the file, `use` bindings, the prelude,
//! glob imports), paths into the standard library (`std::mem::swap`), into
//! the project (`crate::…`, `self::…`, `super::…`, `Self::f`, `Type::f` for a
//! project type) and into dependencies (`dep::f`, checked against the
//! locked version's source in the cargo registry; unverifiable when it is not
//! there), methods through the impls of a project type (`self.m()`, typed
//! variables), functions of std types, and bare macro names. Arity is
//! checked only for project functions whose every definition agrees.
//! Methods of values whose type the code does not spell (nor a callee's
//! written return type) are checked only by name: one that nothing the build
//! reaches spells is reported.
//!
//! Split by concern: [`context`] (what names exist), [`paths`] (calls and
//! paths), [`imports`] (`use` declarations), [`modules`] (the crate's module
//! tree), [`pathattrs`] (`#[path]` module files), [`assoc`] (functions of
//! project modules and types), [`traits`] (what traits and `Deref` can add),
//! [`deref`] (`Deref` to a generic parameter), [`everywhere`] (names nothing
//! the build reaches spells),
//! [`derives`] (what derives and attributes on a type can add),
//! [`foreign`] (std and dependency types), [`generics`] (values of generic
//! parameters), [`values`] (types of variables the code spells), [`lets`]
//! (which `let` binds a variable), [`std_values`] (values of std types),
//! [`cfgs`] (code for another toolchain), [`returns`]
//! (the type a call returns), [`bindings`] (pattern, `for` and unit-struct
//! bindings), [`macros`] (macro names), [`scan`] (trait
//! impls and macro-made names across the crate), [`depsrc`] (what a
//! dependency's source declares).

mod assoc;
mod bindings;
mod cfgs;
mod context;
mod depsrc;
mod deref;
mod derives;
mod everywhere;
mod foreign;
mod generics;
mod imports;
mod lets;
mod macros;
mod modules;
mod pathattrs;
mod paths;
mod returns;
mod scan;
mod std_values;
mod traits;
mod values;

use context::*;

use super::{FileCtx, Outcome};

/// A `use` declaration of a changed file.
pub fn check_import(ctx: &FileCtx, imp: &plumb_facts::Import) -> Vec<Outcome> {
    unjudged_where_unknowable(ctx, imp.span.start_byte, imports::check_import(ctx, imp))
}

/// A reference (call, path, macro) of a changed file.
pub fn check_ref(ctx: &FileCtx, r: &plumb_facts::Reference) -> Vec<Outcome> {
    unjudged_where_unknowable(ctx, r.span.start_byte, paths::check_ref(ctx, r))
}

/// Findings of code this toolchain's listing and the file's own scope
/// cannot judge become skips: code under a toolchain-specific `cfg`, and
/// files another pastes in with `include!` (their names are the
/// includer's).
fn unjudged_where_unknowable(ctx: &FileCtx, at: u32, out: Vec<Outcome>) -> Vec<Outcome> {
    if !out.iter().any(|o| matches!(o, Outcome::Found(_))) {
        return out;
    }
    let included = scan::crate_scan(ctx).included_files.contains(ctx.path);
    if !included && !cfgs::toolchain_gated(ctx.text, at as usize) {
        return out;
    }
    out.into_iter()
        .map(|o| match o {
            Outcome::Found(_) => skipped!(),
            o => o,
        })
        .collect()
}

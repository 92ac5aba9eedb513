//! Go: imports (standard library, the project's own module directories,
//! required modules, undeclared third-party paths), bare names (locals, the
//! package's other files, dot imports, predeclared identifiers),
//! `pkg.Name` for standard-library, project and cached dependency packages,
//! `x.M` where `x` is a receiver, parameter or local whose declared type is
//! a named type whose members are all known, and the arity of calls whose definitions agree (no defaults; `...T`
//! variadics; `f(g())` may spread several results).
//!
//! Methods of values whose type is not certain, calls through interfaces
//! and method values are never findings.
//!
//! Split by concern: [`modules`] (what an import path names), [`packages`]
//! (a directory's files and definitions), [`imports`], [`names`] (bare and
//! qualified references), [`methods`] (members of a receiver's type),
//! [`arity`].

mod arity;
mod imports;
mod methods;
mod modules;
mod names;
mod packages;

use plumb_facts::DefKind;

use super::FileCtx;

pub use imports::check_import;
pub use names::check_ref;

/// Whether `s` is a Go identifier.
fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_')
}

/// The repository-relative directory of a file ("" at the root).
fn file_dir(path: &str) -> &str {
    path.rsplit_once('/').map(|(d, _)| d).unwrap_or("")
}

/// The package clause of the file being checked.
fn own_package(ctx: &FileCtx) -> Option<String> {
    ctx.facts
        .definitions
        .iter()
        .find(|d| d.kind == DefKind::Module && d.container.is_none())
        .map(|d| d.name.clone())
}

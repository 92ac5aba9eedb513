//! Python: imports (standard library, project modules, installed packages,
//! declared dependencies), bare names (locals, file, imports, builtins,
//! wildcard imports), `module.attr`, `self.method` / `Class.method` within a
//! class whose bases are all visible, and the arity/keywords of calls that
//! resolve to exactly one definition.
//!
//! Method calls on receivers whose type is not known are never findings.
//!
//! Split by concern: [`modules`] (locating modules and their names),
//! [`imports`], [`names`] (bare and qualified references), [`arity`].

mod arity;
mod classes;
mod imports;
mod modules;
mod names;

use arity::*;
use modules::*;

pub use imports::check_import;
pub use names::check_ref;

//! Python: imports (standard library, project modules, installed packages,
//! declared dependencies), bare names (locals, file, imports, builtins,
//! wildcard imports), `module.attr`, `self.m` / `cls.m` / `super().m` /
//! `Class.m` / `module.Class.m` through class hierarchies that can be
//! followed (same file, project modules, standard-library sources), and the
//! arity/keywords of calls that resolve to known definitions.
//!
//! Method calls on receivers whose type is not known are never findings.
//!
//! Split by concern: [`modules`] (locating modules and their names),
//! [`imports`], [`names`] (bare and qualified references), [`classes`]
//! (class members across files), [`scopes`] (scope facts beyond the
//! adapter's locals), [`arity`].

mod arity;
mod classes;
mod imports;
mod modules;
mod names;
mod scopes;

use arity::*;
use modules::*;

pub use imports::check_import;
pub use names::check_ref;

//! Rust: bare calls (locals, items of the file, `use` bindings, the prelude,
//! glob imports), paths into the standard library (`std::mem::swap`), into
//! the project (`crate::…`, `self::…`, `super::…`, `Self::f`, `Type::f` for a
//! project type) and into dependencies (`dep::f`, checked against the
//! locked version's source in the cargo registry; unverifiable when it is not
//! there). Arity is checked only for project functions whose every
//! definition agrees. Macros and method calls on values are not checked.
//!
//! Split by concern: [`context`] (what names exist), [`paths`] (calls and
//! paths), [`imports`] (`use` declarations), [`modules`] (the crate's module
//! tree), [`scan`] (trait impls and macro-made names across the crate).

mod assoc;
mod context;
mod depsrc;
mod imports;
mod macros;
mod modules;
mod paths;
mod scan;
mod values;

use context::*;

pub use imports::check_import;
pub use paths::check_ref;

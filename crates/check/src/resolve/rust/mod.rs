//! Rust: bare calls (locals, items of the file, `use` bindings, the prelude,
//! glob imports), paths into the standard library (`std::mem::swap`), into
//! the project (`crate::…`, `self::…`, `super::…`, `Self::f`, `Type::f` for a
//! project type) and into dependencies (`dep::f`, checked against the
//! locked version's source in the cargo registry; unverifiable when it is not
//! there), methods through the impls of a project type (`self.m()`, typed
//! variables), functions of std types, and bare macro names. Arity is
//! checked only for project functions whose every definition agrees.
//! Methods of values whose type the code does not spell (nor a callee's
//! written return type) are not checked.
//!
//! Split by concern: [`context`] (what names exist), [`paths`] (calls and
//! paths), [`imports`] (`use` declarations), [`modules`] (the crate's module
//! tree), [`pathattrs`] (`#[path]` module files), [`assoc`] (functions of
//! project modules and types), [`traits`] (what traits and `Deref` can add),
//! [`derives`] (what derives and attributes on a type can add),
//! [`foreign`] (std and dependency types), [`generics`] (values of generic
//! parameters), [`values`] (types of variables the code spells), [`returns`]
//! (the type a call returns), [`bindings`] (pattern, `for` and unit-struct
//! bindings), [`macros`] (macro names), [`scan`] (trait
//! impls and macro-made names across the crate), [`depsrc`] (what a
//! dependency's source declares).

mod assoc;
mod bindings;
mod context;
mod depsrc;
mod derives;
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

pub use imports::check_import;
pub use paths::check_ref;

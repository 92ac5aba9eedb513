//! C adapter, and the walker the C++ adapter builds on (tree-sitter-cpp
//! extends tree-sitter-c, so both share `walk.rs`, `defs.rs` and `decl.rs`;
//! C++-only nodes are handled in `crate::cpp`).
//!
//! Per-language decisions:
//! - Function definitions are Function; prototypes outside functions are
//!   Function too (span = the declaration), so headers index. A name whose
//!   closest declarator is a pointer (`char *(*f)(int)`) is a variable.
//!   Prototypes whose parameter list failed to parse (`__nonnull ((1))` after
//!   an unknown macro) are dropped; a file-level "call" whose arguments all
//!   read `Type *name` (what `PyAPI_FUNC(T) f(T *x);` recovers to) is a
//!   prototype.
//! - `(void)` is no parameters; `...` is VarPositional named `...`; unnamed
//!   prototype parameters are named `_`; K&R identifier lists are positional.
//! - struct/union/enum with a body define Struct/Union/Enum; an anonymous one
//!   in a `typedef` takes the typedef name (and no separate TypeAlias is made
//!   for that name). Fields are Field, enumerators EnumVariant with the enum
//!   as container (or the enclosing container when the enum is anonymous).
//! - File-level variables are Variable, or Constant when `const` applies to
//!   the variable itself (`const int n`, `char *const p`; not `const char *p`).
//! - `#define` is Macro, function-like macros get their parameters
//!   (`args...`/`...` variadic). Macros never have a container.
//! - Visibility: `static` is Private, everything else Public.
//! - Calls: `f(x)` (also macro calls), `s.f(x)`/`p->f(x)` with qualifier `s`/`p`;
//!   calls through expressions (`(*fp)(x)`) are not reported.
//! - Type references: typedef names and `struct tag` uses.
//! - Includes are imports: `<a/b.h>` relative = false, `"x.h"` relative = true.
//! - Locals: parameters, local variables, local types and enumerators, all
//!   scoped to the enclosing function.
//! - `dynamic`: a macro uses token pasting `##`, or a function-like macro
//!   defines a function named by a parameter.
//!
//! This module owns C/C++ extraction only; it touches no other adapter.

mod decl;
mod defs;
mod docs;
mod walk;

pub(crate) use decl::{bound_name, inspect};
pub(crate) use defs::is_specifier;
pub(crate) use walk::{Walker, count_args};

use plumb_facts::{FileFacts, Lang};
use tree_sitter::Tree;

use crate::LanguageAdapter;

pub struct CAdapter;

impl LanguageAdapter for CAdapter {
    fn lang(&self) -> Lang {
        Lang::C
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["c"]
    }
    fn grammar(&self) -> tree_sitter::Language {
        tree_sitter_c::LANGUAGE.into()
    }
    fn extract(&self, tree: &Tree, src: &[u8]) -> FileFacts {
        Walker::new(src, false).run(tree.root_node())
    }
}

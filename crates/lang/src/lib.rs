//! Language adapters: one per language, each turning a tree-sitter parse tree
//! into the language-neutral [`plumb_facts::FileFacts`].
//!
//! Every adapter implements [`LanguageAdapter`] and is listed once in
//! [`ADAPTERS`]; adding a language means adding one module file and one line
//! there. This crate owns parsing and extraction only: it never touches the
//! file system, the store or any output format.

use std::cell::RefCell;
use std::path::Path;

use plumb_facts::{FileFacts, Lang};
use tree_sitter::{Parser, Tree};

mod extractor;
pub mod node_class;
pub mod util;

mod c;
mod cpp;
mod go;
mod java;
mod javascript;
mod python;
mod rust;
mod typescript;

pub use node_class::NodeClass;
/// Whether a Rust macro's tokens are expressions (`assert_eq!`, `format!`,
/// logging): calls inside them are real calls.
pub use rust::is_expression_macro as rust_expression_macro;

/// One language's knowledge: which files are its own, its grammar, and how
/// to read facts out of a parse tree.
pub trait LanguageAdapter: Send + Sync {
    fn lang(&self) -> Lang;

    /// File name extensions (lowercase, without the dot) this adapter claims.
    fn extensions(&self) -> &'static [&'static str];

    /// The tree-sitter grammar.
    fn grammar(&self) -> tree_sitter::Language;

    /// Extract definitions, references, imports and local bindings from a
    /// parsed file. `src` is the exact text the tree was parsed from. The
    /// adapter sets `parse_errors` and `dynamic`; the caller runs
    /// [`FileFacts::assign_enclosing`] afterwards.
    fn extract(&self, tree: &Tree, src: &[u8]) -> FileFacts;

    /// Map a grammar node kind to the shared structural vocabulary used by
    /// similarity search. The default understands the naming conventions most
    /// tree-sitter grammars share; adapters override only their exceptions.
    fn node_class(&self, kind: &str) -> NodeClass {
        node_class::generic(kind)
    }
}

/// Every adapter Plumb ships, in a fixed order.
pub static ADAPTERS: &[&dyn LanguageAdapter] = &[
    &rust::RustAdapter,
    &python::PythonAdapter,
    &javascript::JavaScriptAdapter,
    &typescript::TypeScriptAdapter,
    &typescript::TsxAdapter,
    &go::GoAdapter,
    &java::JavaAdapter,
    &c::CAdapter,
    &cpp::CppAdapter,
];

/// The adapter for a language.
pub fn adapter_for_lang(lang: Lang) -> &'static dyn LanguageAdapter {
    *ADAPTERS
        .iter()
        .find(|a| a.lang() == lang)
        .expect("every Lang has an adapter in ADAPTERS")
}

/// The version of what the adapters extract. Bump it whenever an
/// adapter's output for the same source changes: an index built by another
/// version re-parses every file. Also bumped when the walk classifies the
/// same content otherwise (3: source-map trailers mark generated files; 4:
/// only comment lines carry generated-code markers; 5: lockfiles beside a
/// manifest are listed even when git ignores them; 6: JavaScript static
/// members assigned after their class, `exports[k] =` no longer marks a
/// file's bare names dynamic; 7: a class expression assigned to a member,
/// `internals.Core = class {}`, is a class named by the property; 8:
/// `global.x = …` defines a global `x`; 9: `A.prototype.m = value` of any
/// value is a member of `A`; 10: `A.include({…})` (also `mixin`,
/// `implement`) makes the literal's keys members of `A`; 11: their methods
/// run with `this` an `A`; 12: `const C = (module.exports = function …)`
/// defines the function `C`; 13: string keys of an included literal too; 14: `pp.m = function`
/// with `const pp = A.prototype` is a method of `A`; 15: so is
/// `A.prototype['m'] = function`; 16: the keys of `A.prototype = {…}` are
/// members of `A`; 17: `eval("name")` of a name or dotted path marks no
/// file dynamic, and `*.min.cjs` files are generated; 18: so are the
/// outputs the root `package.json`'s build scripts write and bundles with a
/// browserify or webpack loader, and `C.x = …` in a block at module level
/// is a static member of `C`; 19: `var pp = A.prototype` at the top of a
/// UMD factory or an IIFE is an alias too; 20: a JS/TS parameter list that
/// did not parse gives no parameters, `.yarn/` is vendored and JavaScript whose
/// lines average over 110 characters is generated; 21: the literal of
/// `const C = B.extend({…})` defines `C`'s methods), so an
/// index built before holds no facts of files now skipped and misses none
/// now kept.
pub const FACTS_VERSION: u32 = 23;

/// The adapter whose extensions claim this path, if any.
pub fn adapter_for_path(path: &Path) -> Option<&'static dyn LanguageAdapter> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    ADAPTERS
        .iter()
        .copied()
        .find(|a| a.extensions().contains(&ext.as_str()))
}

thread_local! {
    static PARSERS: RefCell<Vec<(Lang, Parser)>> = const { RefCell::new(Vec::new()) };
}

/// Parse `src` with the adapter's grammar, reusing one parser per language per thread.
/// Returns `None` only if tree-sitter gives up (timeout or cancellation), which
/// does not happen without those options set.
pub fn parse(adapter: &dyn LanguageAdapter, src: &[u8]) -> Option<Tree> {
    PARSERS.with(|cell| {
        let mut parsers = cell.borrow_mut();
        let idx = match parsers.iter().position(|(l, _)| *l == adapter.lang()) {
            Some(i) => i,
            None => {
                let mut p = Parser::new();
                p.set_language(&adapter.grammar()).ok()?;
                parsers.push((adapter.lang(), p));
                parsers.len() - 1
            }
        };
        parsers[idx].1.parse(src, None)
    })
}

/// Parse and extract in one step, with enclosing definitions assigned.
pub fn extract(adapter: &dyn LanguageAdapter, src: &[u8]) -> FileFacts {
    match parse(adapter, src) {
        Some(tree) => {
            let mut facts = adapter.extract(&tree, src);
            facts.assign_enclosing();
            facts
        }
        None => FileFacts {
            parse_errors: 1,
            ..Default::default()
        },
    }
}

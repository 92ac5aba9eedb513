//! JavaScript adapter (to be written).

use plumb_facts::{FileFacts, Lang};
use tree_sitter::Tree;

use crate::LanguageAdapter;

pub struct JavaScriptAdapter;

impl LanguageAdapter for JavaScriptAdapter {
    fn lang(&self) -> Lang {
        Lang::JavaScript
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["js", "jsx", "mjs", "cjs"]
    }
    fn grammar(&self) -> tree_sitter::Language {
        tree_sitter_javascript::LANGUAGE.into()
    }
    fn extract(&self, tree: &Tree, _src: &[u8]) -> FileFacts {
        FileFacts {
            parse_errors: crate::util::count_errors(tree.root_node()),
            ..Default::default()
        }
    }
}

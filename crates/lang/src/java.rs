//! Java adapter (to be written).

use plumb_facts::{FileFacts, Lang};
use tree_sitter::Tree;

use crate::LanguageAdapter;

pub struct JavaAdapter;

impl LanguageAdapter for JavaAdapter {
    fn lang(&self) -> Lang {
        Lang::Java
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["java"]
    }
    fn grammar(&self) -> tree_sitter::Language {
        tree_sitter_java::LANGUAGE.into()
    }
    fn extract(&self, tree: &Tree, _src: &[u8]) -> FileFacts {
        FileFacts {
            parse_errors: crate::util::count_errors(tree.root_node()),
            ..Default::default()
        }
    }
}

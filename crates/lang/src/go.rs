//! Go adapter (to be written).

use plumb_facts::{FileFacts, Lang};
use tree_sitter::Tree;

use crate::LanguageAdapter;

pub struct GoAdapter;

impl LanguageAdapter for GoAdapter {
    fn lang(&self) -> Lang {
        Lang::Go
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["go"]
    }
    fn grammar(&self) -> tree_sitter::Language {
        tree_sitter_go::LANGUAGE.into()
    }
    fn extract(&self, tree: &Tree, _src: &[u8]) -> FileFacts {
        FileFacts {
            parse_errors: crate::util::count_errors(tree.root_node()),
            ..Default::default()
        }
    }
}

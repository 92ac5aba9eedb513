//! C adapter (to be written).

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
    fn extract(&self, tree: &Tree, _src: &[u8]) -> FileFacts {
        FileFacts {
            parse_errors: crate::util::count_errors(tree.root_node()),
            ..Default::default()
        }
    }
}

//! Cpp adapter (to be written).

use plumb_facts::{FileFacts, Lang};
use tree_sitter::Tree;

use crate::LanguageAdapter;

pub struct CppAdapter;

impl LanguageAdapter for CppAdapter {
    fn lang(&self) -> Lang {
        Lang::Cpp
    }
    fn extensions(&self) -> &'static [&'static str] {
        &[
            "cpp", "cc", "cxx", "c++", "hpp", "hh", "hxx", "h", "ipp", "tpp",
        ]
    }
    fn grammar(&self) -> tree_sitter::Language {
        tree_sitter_cpp::LANGUAGE.into()
    }
    fn extract(&self, tree: &Tree, _src: &[u8]) -> FileFacts {
        FileFacts {
            parse_errors: crate::util::count_errors(tree.root_node()),
            ..Default::default()
        }
    }
}

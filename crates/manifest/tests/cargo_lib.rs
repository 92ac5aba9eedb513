//! `[lib]` tables of Cargo manifests.

use plumb_manifest::{CargoLib, cargo_lib};

#[test]
fn lib_name_and_path_are_read_from_the_lib_table() {
    let grammar = "[package]\nname = \"tree-sitter-typescript\"\n\n[lib]\nname = \"tree_sitter_typescript\"\npath = \"bindings/rust/lib.rs\"\n\n[dependencies.tree-sitter-language]\nversion = \"0.1\"\n";
    assert_eq!(
        cargo_lib(grammar),
        CargoLib {
            name: Some("tree_sitter_typescript".into()),
            path: Some("bindings/rust/lib.rs".into()),
            proc_macro: false,
        }
    );
    let derive = "[package]\nname = \"x-derive\"\n\n[lib]\nproc-macro = true\n";
    assert!(cargo_lib(derive).proc_macro);
    // No `[lib]` table, or a `name` in another table only.
    assert_eq!(cargo_lib("[package]\nname = \"x\"\n"), CargoLib::default());
    assert_eq!(cargo_lib("not = [toml"), CargoLib::default());
}

//! Rust values whose type is the standard library's, where the code spells
//! it: `let` annotations and constructors, literals and std macros,
//! `impl Trait` parameters (also re-bound by a `let` of the same name, or
//! converted: `let p = p.as_ref();`), the last `let` that shadows the
//! others, and fields of variants of an enum the same file writes. Methods of such
//! values must be std's or come from a trait in scope; shadowed names are
//! left alone.

mod project;

use project::{Proj, summary};

fn krate(files: &[(&str, &str)]) -> Proj {
    let mut all = vec![(
        "Cargo.toml",
        "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    )];
    all.extend_from_slice(files);
    Proj::new(&all)
}

const DATA: &str = "use std::fs::File;\nuse std::io::Read;\nuse std::path::PathBuf;\n\npub fn slurp(mut r: impl Read) -> usize {\n    r.read_all()\n}\n\npub enum Data {\n    Mem(Vec<u8>),\n    Disk(File),\n}\n\npub fn open(path: impl Into<PathBuf>) -> PathBuf {\n    let path = path.intoo();\n    path\n}\n\npub fn size(d: &mut Data) -> usize {\n    match d {\n        Data::Mem(v) => v.lenn(),\n        Data::Disk(file) => file.metadataa().map(|m| m.len() as usize).unwrap_or(0),\n    }\n}\n\npub fn lits() -> usize {\n    let s = \"abc\";\n    let v = vec![1, 2];\n    let n: u16 = 4;\n    let f = format!(\"{s}\");\n    let mut w = Vec::<u8>::new();\n    let o = File::open(\"x\").unwrap();\n    w.pushh(1);\n    let _ = o.sync_alll();\n    s.lenn() + v.lenn() + n.count_oness() as usize + f.lenn()\n}\n\npub fn fine(d: Data) -> usize {\n    let s = \"abc\";\n    let mut w = Vec::new();\n    w.push(s.len());\n    match d {\n        Data::Mem(v) => v.len() + w.len(),\n        Data::Disk(file) => file.metadata().map(|m| m.len() as usize).unwrap_or(0),\n    }\n}\n";

#[test]
fn std_typed_lets_literals_params_and_variant_fields() {
    let p = krate(&[("src/lib.rs", "pub mod data;\n"), ("src/data.rs", "")]);
    let got = summary(&p.check_files(&[("src/data.rs", DATA)]));
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/data.rs:6 no function or associated item named 'read_all' found for 'Read'",
            "unknown-symbol src/data.rs:15 no function or associated item named 'intoo' found for 'Into'",
            "unknown-symbol src/data.rs:21 no function or associated item named 'lenn' found for 'Vec'",
            "unknown-symbol src/data.rs:22 no function or associated item named 'metadataa' found for 'File'",
            "unknown-symbol src/data.rs:33 no function or associated item named 'pushh' found for 'Vec'",
            "unknown-symbol src/data.rs:34 no function or associated item named 'sync_alll' found for 'File'",
            "unknown-symbol src/data.rs:35 no function or associated item named 'lenn' found for 'str'",
            "unknown-symbol src/data.rs:35 no function or associated item named 'lenn' found for 'Vec'",
            "unknown-symbol src/data.rs:35 no function or associated item named 'count_oness' found for 'u16'",
            "unknown-symbol src/data.rs:35 no function or associated item named 'lenn' found for 'String'",
        ]
    );
}

#[test]
fn shadowed_std_names_and_variants_written_elsewhere_are_left_alone() {
    // `Vec` is the project's own; `Disk`'s field type is written in another
    // file, whose `use`s this file cannot see, so `file` gets no type: only
    // the fact that no source spells `whatever` is reported. `path` is bound
    // twice, and `other` is a std name (`io::Error::other`).
    let p = krate(&[
        ("src/lib.rs", "pub mod data;\npub mod vec;\npub mod run;\n"),
        (
            "src/vec.rs",
            "pub struct Vec;\nimpl Vec {\n    pub fn new() -> Self {\n        Vec\n    }\n}\n",
        ),
        (
            "src/data.rs",
            "use std::fs::File;\n\npub enum Data {\n    Disk(File),\n}\n",
        ),
        ("src/run.rs", ""),
    ]);
    let got = summary(&p.check_files(&[(
        "src/run.rs",
        "use crate::data::Data;\nuse crate::vec::Vec;\n\npub fn go(d: Data, path: String) -> usize {\n    let w = Vec::new();\n    w.anything();\n    let path = 3;\n    let path = path.other();\n    match d {\n        Data::Disk(file) => file.whatever(),\n    }\n}\n",
    )]));
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/run.rs:6 no method named 'anything' found for 'Vec'",
            "unknown-symbol src/run.rs:10 no method named 'whatever' exists in the project, std or its dependencies",
        ]
    );
}

#[test]
fn shadowing_lets_and_conversions_of_impl_trait_parameters() {
    let p = krate(&[
        ("src/lib.rs", "pub mod opts;\npub mod run;\n"),
        (
            "src/opts.rs",
            "pub struct Opts;\n\nimpl Opts {\n    pub fn level(&self) -> u8 {\n        1\n    }\n}\n",
        ),
        ("src/run.rs", ""),
    ]);
    let got = summary(&p.check_files(&[(
        "src/run.rs",
        "use std::path::{Path, PathBuf};\nuse std::pin::Pin;\n\nuse crate::opts::Opts;\n\npub fn norm(path: &Path) -> PathBuf {\n    let parts = path.components();\n    let mut path = PathBuf::new();\n    path.pushh(\"x\");\n    path.push(\"y\");\n    path\n}\n\npub fn abs(p: impl AsRef<Path>) -> bool {\n    let p = p.as_ref();\n    p.is_absolutee()\n}\n\npub fn file<P: AsRef<Path>>(p: P) -> bool {\n    let p = p.as_ref();\n    p.exists() && p.is_fil()\n}\n\npub fn closures(p: impl AsRef<Path>) -> usize {\n    let p = p.as_ref();\n    [1u8].iter().map(|p| p.anything()).count()\n}\n\npub fn used_first(p: impl AsRef<Path>) -> bool {\n    let q = p.as_ref().to_owned();\n    let p = p.as_ref();\n    p.whatever()\n}\n\npub fn level(o: impl Into<Opts>) -> u8 {\n    let o = o.into();\n    o.levell()\n}\n\npub struct Fut;\n\nimpl Fut {\n    pub fn poll(self: Pin<&mut Self>) -> u8 {\n        let this = self.get_mut();\n        self.polll()\n    }\n}\n",
    )]));
    // `path` is the `PathBuf` the last open `let` binds; `p` of an
    // `impl AsRef<Path>` (or `P: AsRef<Path>`) is a `&Path` after
    // `p.as_ref()`; `self: Pin<&mut Self>` has `Pin`'s methods too. A
    // closure parameter rebinds `p`; a parameter used before its conversion
    // could have been rebound: neither gets a type, so only the fact that no
    // source spells `anything` or `whatever` is reported.
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/run.rs:9 no function or associated item named 'pushh' found for 'PathBuf'",
            "unknown-symbol src/run.rs:16 no function or associated item named 'is_absolutee' found for 'Path'",
            "unknown-symbol src/run.rs:21 no function or associated item named 'is_fil' found for 'Path'",
            "unknown-symbol src/run.rs:26 no method named 'anything' exists in the project, std or its dependencies",
            "unknown-symbol src/run.rs:32 no method named 'whatever' exists in the project, std or its dependencies",
            "unknown-symbol src/run.rs:37 no method named 'levell' found for 'Opts'",
            "unknown-symbol src/run.rs:45 no method named 'polll' found for 'Fut'",
        ]
    );
}

#[test]
fn a_nested_fn_sees_only_its_own_bindings() {
    let p = krate(&[("src/lib.rs", "pub mod run;\n"), ("src/run.rs", "")]);
    let got = summary(&p.check_files(&[(
        "src/run.rs",
        "use std::path::{Path, PathBuf};\n\npub fn with(path: &str) -> PathBuf {\n    fn make_relative(path: &Path) -> PathBuf {\n        path.componentz().skip(1).collect()\n    }\n    let path = Path::new(path);\n    make_relative(path)\n}\n",
    )]));
    // The outer `path` (a parameter and a `let`) is not the nested fn's.
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/run.rs:5 no function or associated item named 'componentz' found for 'Path'"
        ]
    );
}

#[test]
fn values_behind_std_smart_pointers_have_the_pointers_and_the_pointees_methods() {
    let p = krate(&[
        ("src/lib.rs", "pub mod reg;\npub mod run;\n"),
        (
            "src/reg.rs",
            "pub struct Registry;\n\nimpl Registry {\n    pub fn current_thread(&self) -> u8 {\n        0\n    }\n}\n",
        ),
        ("src/run.rs", ""),
    ]);
    let got = summary(&p.check_files(&[(
        "src/run.rs",
        "use std::sync::Arc;\n\nuse crate::reg::Registry;\n\npub fn go(registry: &Arc<Registry>) -> u8 {\n    let other = registry.clone();\n    let b: Box<Registry> = Box::new(Registry);\n    registry.current_thread() + registry.current_threads() + other.current_thread() + b.currentthread()\n}\n",
    )]));
    // `clone` is `Arc`'s; `current_threads` and `currentthread` are no one's.
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/run.rs:8 no method named 'current_threads' found for 'Registry'",
            "unknown-symbol src/run.rs:8 no method named 'currentthread' found for 'Registry'",
        ]
    );
}

#[test]
fn only_library_features_outside_the_std_tables_silence_the_spelled_nowhere_check() {
    // `never_type` is a language feature: it adds no std names, so a name
    // spelled nowhere is still reported. `portable_simd` reaches `core::simd`,
    // whose methods no table lists.
    let run = "pub fn go(v: &[u8]) -> usize {\n    v.iter().map(|x| x.whatever()).sum()\n}\n";
    for (root, expect) in [
        (
            "#![cfg_attr(feature = \"unstable\", feature(never_type))]\npub mod run;\n",
            1,
        ),
        (
            "#![cfg_attr(feature = \"simd\", feature(portable_simd))]\npub mod run;\n",
            0,
        ),
        ("#![feature(never_type, portable_simd)]\npub mod run;\n", 0),
    ] {
        let p = krate(&[("src/lib.rs", root), ("src/run.rs", "")]);
        let got = summary(&p.check_files(&[("src/run.rs", run)]));
        assert_eq!(got.len(), expect, "{root}: {got:?}");
    }
}

#[test]
fn a_test_function_outside_a_test_module_sees_the_dev_dependencies() {
    // `#[test] fn` in `src/`: tempfile, a dev-dependency, spells `into_path`;
    // nothing spells `into_paths`.
    let p = Proj::rust_package(
        "[dev-dependencies]\ntempfile = \"3\"\n",
        &[("src/lib.rs", "pub mod run;\n"), ("src/run.rs", "")],
    );
    let run = "pub fn go() {}\n\n#[test]\nfn dir() {\n    let d = tempfile::tempdir().unwrap();\n    let _ = d.into_path();\n}\n\n#[test]\nfn dirs() {\n    let d = tempfile::tempdir().unwrap();\n    let _ = d.into_paths();\n}\n";
    let got = summary(&p.check_files(&[("src/run.rs", run)]));
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/run.rs:12 no method named 'into_paths' exists in the project, std or its dependencies"
        ]
    );
}

#[test]
fn self_of_an_impl_for_a_slice_or_primitive_has_std_methods() {
    // `self` is `[u32]` / `u64`: std's methods and the project trait's.
    let p = krate(&[("src/lib.rs", "pub mod ext;\n"), ("src/ext.rs", "")]);
    let ext = "pub trait Ext {\n    fn total(&self) -> usize;\n    fn hi(&self) -> usize;\n}\n\nimpl Ext for [u32] {\n    fn total(&self) -> usize {\n        self.lenn() + self.len() + self.hi()\n    }\n    fn hi(&self) -> usize {\n        0\n    }\n}\n\nimpl Ext for u64 {\n    fn total(&self) -> usize {\n        self.count_oness() as usize + self.count_ones() as usize + self.hi()\n    }\n    fn hi(&self) -> usize {\n        1\n    }\n}\n";
    let got = summary(&p.check_files(&[("src/ext.rs", ext)]));
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/ext.rs:8 no function or associated item named 'lenn' found for '[u32]'",
            "unknown-symbol src/ext.rs:17 no function or associated item named 'count_oness' found for 'u64'",
        ]
    );
}

#[test]
fn a_std_type_the_project_re_exports_has_std_functions() {
    // `imports` re-exports `Arc` from alloc or std, by cfg: either way std's.
    // (A dependency that is not installed keeps the spelled-nowhere rule out.)
    let p = Proj::rust_package(
        "[dependencies]\nnot-installed-anywhere = \"1\"\n",
        &[
            (
                "src/lib.rs",
                "extern crate alloc;\n\nmod imports {\n    #[cfg(feature = \"alloc\")]\n    pub use alloc::sync::Arc;\n    #[cfg(not(feature = \"alloc\"))]\n    pub use std::sync::Arc;\n}\n\npub mod run;\n",
            ),
            ("src/run.rs", ""),
        ],
    );
    let run = "use crate::imports::Arc;\n\npub fn go() -> usize {\n    let a = Arc::new(1);\n    let b = Arc::neww(2);\n    Arc::strong_count(&a) + *b\n}\n";
    let got = summary(&p.check_files(&[("src/run.rs", run)]));
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/run.rs:5 no function or associated item named 'neww' found for 'Arc'"
        ]
    );
}

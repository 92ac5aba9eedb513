//! Rust resolution end to end on small crates written to a temporary
//! directory and indexed: the module tree (`crate::`/`super::`/inline
//! `mod`), methods through every impl of a type (`self.m()`, `Self::f`,
//! `Type::f`, variables whose type the code spells), macro names, and code
//! that must stay unreported (macro tokens, trait impls with unknown
//! methods, `Deref`, foreign derives, macro-made items).

mod project;

use project::{Proj, summary};

/// A crate `demo` with one dependency that is not installed, plus `files`.
fn krate(files: &[(&str, &str)]) -> Proj {
    let mut all = vec![(
        "Cargo.toml",
        "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nnotinstalled_dep_xyz = \"1\"\n",
    )];
    all.extend_from_slice(files);
    Proj::new(&all)
}

/// Findings of whole files written over (or added to) the project.
fn files(p: &Proj, files: &[(&str, &str)]) -> Vec<String> {
    summary(&p.check_files(files))
}

const LIB: &str = "pub mod shapes;\nmod util;\npub use util::helper as public_helper;\n\npub mod inline {\n    pub fn inner(a: u8) -> u8 {\n        a\n    }\n    pub mod deeper {\n        pub const LIMIT: u32 = 3;\n    }\n}\n";
const UTIL: &str = "pub fn helper(a: u32, b: u32) -> u32 {\n    a + b\n}\n\npub enum Mode {\n    Fast,\n    Slow(u8),\n}\n";
const SHAPES: &str = "use std::fmt;\n\npub struct Circle {\n    r: f64,\n}\n\nimpl Circle {\n    pub fn new(r: f64) -> Self {\n        Circle { r }\n    }\n    pub fn area(&self) -> f64 {\n        self.r * self.r * 3.14\n    }\n    pub fn scale(&mut self, by: f64, min: f64) {\n        self.r = (self.r * by).max(min);\n    }\n}\n\nimpl fmt::Display for Circle {\n    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {\n        write!(f, \"{}\", self.area())\n    }\n}\n";
const SHAPES_MORE: &str =
    "impl super::Circle {\n    pub fn diameter(&self) -> f64 {\n        self.r * 2.0\n    }\n}\n";

fn demo() -> Proj {
    krate(&[
        ("src/lib.rs", LIB),
        ("src/util.rs", UTIL),
        ("src/shapes.rs", &format!("mod more;\n{SHAPES}")),
        ("src/shapes/more.rs", SHAPES_MORE),
    ])
}

#[test]
fn use_paths_walk_the_module_tree() {
    let c = demo();
    let got = files(
        &c,
        &[(
            "src/run.rs",
            "use crate::shapes::Circle;\nuse crate::inline::deeper::LIMIT;\nuse crate::util::{helper, Mode, Gone};\nuse crate::missing::Thing;\nuse crate::inline::nothere::X;\nuse super::shapes::more;\nuse crate::public_helper;\nuse crate::util::Mode::Fast;\nuse self::local::*;\n\nmod local {\n    pub fn f() {}\n}\n",
        )],
    );
    assert_eq!(
        got,
        vec![
            "unknown-import src/run.rs:3 unresolved import: no 'Gone' in 'crate::util'",
            "unknown-import src/run.rs:4 unresolved import: no 'missing' in 'crate'",
            "unknown-import src/run.rs:5 unresolved import: no 'nothere' in 'crate::inline'",
        ]
    );
}

#[test]
fn module_paths_in_calls_and_arity() {
    let c = demo();
    let got = files(
        &c,
        &[(
            "src/run.rs",
            "pub fn go() -> u32 {\n    let a = crate::util::helper(1, 2);\n    let b = crate::util::helper(1);\n    let c = crate::util::helpr(1, 2);\n    let d = crate::inline::inner(1, 2);\n    let e = crate::nowhere::f();\n    let m = crate::util::Mode::Slow(1);\n    a + b + c + d as u32 + e\n}\n",
        )],
    );
    assert_eq!(
        got,
        vec![
            "arity-mismatch src/run.rs:3 'helper' takes 2 argument(s) but 1 were supplied",
            "unknown-symbol src/run.rs:4 cannot find 'helpr' in 'crate::util'",
            "arity-mismatch src/run.rs:5 'inner' takes 1 argument(s) but 2 were supplied",
            "unknown-symbol src/run.rs:6 cannot find 'nowhere' in 'crate'",
        ]
    );
}

#[test]
fn methods_resolve_through_every_impl_of_the_type() {
    let c = demo();
    let got = files(
        &c,
        &[(
            "src/shapes/more.rs",
            "impl super::Circle {\n    pub fn diameter(&self) -> f64 {\n        self.r * 2.0\n    }\n    pub fn both(&mut self) -> f64 {\n        self.scale(2.0, 1.0);\n        self.scale(2.0);\n        let s = self.to_string();\n        self.perimeter() + self.area() + self.diameter() + Self::new(1.0).area() + Self::create(2.0)\n    }\n}\n",
        )],
    );
    assert_eq!(
        got,
        vec![
            "arity-mismatch src/shapes/more.rs:7 'scale' takes 2 argument(s) but 1 were supplied",
            "unknown-symbol src/shapes/more.rs:9 no method named 'perimeter' found for 'Circle'",
            "unknown-symbol src/shapes/more.rs:9 no function or associated item named 'create' found for 'Circle'",
        ]
    );
}

#[test]
fn variables_whose_type_the_code_spells() {
    let c = demo();
    let got = files(
        &c,
        &[(
            "src/run.rs",
            "use crate::shapes::Circle;\n\npub fn go(c: &Circle, n: usize) -> f64 {\n    let d = Circle::new(1.0);\n    let e: Circle = Circle::new(2.0);\n    let f = make();\n    f.whatever();\n    n.count_ones();\n    c.area() + c.radius() + d.diameter() + d.areas() + e.area_of(1)\n}\n\nfn make() -> Circle {\n    Circle::new(3.0)\n}\n",
        )],
    );
    // `make()` is written to return `Circle`, so `f` is one.
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/run.rs:7 no method named 'whatever' found for 'Circle'",
            "unknown-symbol src/run.rs:9 no method named 'radius' found for 'Circle'",
            "unknown-symbol src/run.rs:9 no method named 'areas' found for 'Circle'",
            "unknown-symbol src/run.rs:9 no method named 'area_of' found for 'Circle'",
        ]
    );
}

#[test]
fn types_from_method_returns_defaults_pointers_to_self_and_std_parameters() {
    let c = demo();
    let got = files(
        &c,
        &[(
            "src/more_types.rs",
            "use std::ptr::NonNull;\nuse std::sync::Arc;\n\n#[derive(Default)]\npub struct Bag {\n    n: u32,\n}\n\npub struct Walker;\n\nimpl Walker {\n    pub fn step(&self) -> u32 {\n        1\n    }\n}\n\nimpl Bag {\n    pub fn walker(&self) -> Walker {\n        Walker\n    }\n    pub fn shared(self: &Arc<Self>) -> u32 {\n        self.walker().step() + self.sizes()\n    }\n}\n\npub fn go(p: NonNull<u8>, s: &str, xs: &[u32], n: u64) -> u32 {\n    let b = Bag::default();\n    let w = b.walker();\n    let v = Vec::<u8>::new();\n    let _ = (p.as_ptrr(), s.lenn(), xs.firstt(), n.count_oness(), v.len());\n    w.step() + w.stepp() + b.n\n}\n",
        )],
    );
    // `b` from a derived `default()`, `w` from `walker()`'s written return
    // type, `self` behind `&Arc<Self>`, std types of parameters (generic,
    // slices, `str`, primitives).
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/more_types.rs:22 no method named 'sizes' found for 'Bag'",
            "unknown-symbol src/more_types.rs:30 no function or associated item named 'as_ptrr' found for 'NonNull'",
            "unknown-symbol src/more_types.rs:30 no function or associated item named 'lenn' found for 'str'",
            "unknown-symbol src/more_types.rs:30 no function or associated item named 'firstt' found for '[T]'",
            "unknown-symbol src/more_types.rs:30 no function or associated item named 'count_oness' found for 'u64'",
            "unknown-symbol src/more_types.rs:31 no method named 'stepp' found for 'Walker'",
        ]
    );
}

#[test]
fn bindings_of_enum_variant_patterns_have_the_field_type() {
    let c = demo();
    let got = files(
        &c,
        &[(
            "src/flavors.rs",
            "pub struct Array;\n\nimpl Array {\n    pub fn len(&self) -> usize {\n        0\n    }\n}\n\npub mod counter {\n    pub struct Sender<C>(pub C);\n}\n\npub struct Sender;\n\nimpl Sender {\n    pub fn send(&self, m: u8) {}\n}\n\npub enum Flavor {\n    Array(Array),\n    Counted(counter::Sender<Array>),\n}\n\npub fn len(f: &Flavor) -> usize {\n    match f {\n        Flavor::Array(chan) => chan.lenn(),\n        Flavor::Counted(chan) => chan.send(1, 2),\n    }\n}\n",
        )],
    );
    // `chan` of `Flavor::Array(chan)` is an `Array`; of `Counted`, a
    // `counter::Sender` that a bare `Sender` does not tell from the other.
    assert_eq!(
        got,
        vec!["unknown-symbol src/flavors.rs:26 no method named 'lenn' found for 'Array'"]
    );
}

#[test]
fn macros_add_what_their_bodies_write_and_the_traits_they_implement() {
    let c = demo();
    let got = files(
        &c,
        &[(
            "src/hashers.rs",
            "macro_rules! hasher {\n    ($ty:ident) => {\n        impl $ty {\n            pub fn reset(&mut self) {}\n        }\n        impl std::io::Write for $ty {\n            fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {\n                Ok(b.len())\n            }\n            fn flush(&mut self) -> std::io::Result<()> {\n                Ok(())\n            }\n        }\n    };\n}\n\npub struct Sha;\nhasher!(Sha);\n\npub fn go(mut h: Sha) {\n    h.reset();\n    h.write_all(b\"x\").unwrap();\n    h.resett();\n}\n\nmacro_rules! via {\n    ($tr:ident, $ty:ident) => {\n        impl $tr for $ty {}\n    };\n}\n\npub struct Chunks;\nvia!(Iterator, Chunks);\n\npub fn more(c: Chunks) {\n    c.count();\n    c.counts();\n}\n",
        )],
    );
    // `hasher!` writes `reset` and implements `io::Write` (so `write_all`);
    // nothing named `resett`. `via!` implements the trait it is passed.
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/hashers.rs:23 no method named 'resett' found for 'Sha'",
            "unknown-symbol src/hashers.rs:37 no method named 'counts' found for 'Chunks'",
        ]
    );
}

#[test]
fn modules_of_a_binary_beside_a_library_resolve_from_main() {
    let c = krate(&[
        ("src/lib.rs", "pub fn lib_fn() {}\n"),
        (
            "src/main.rs",
            "mod timing;\nmod run;\n\nfn main() {\n    run::go();\n}\n",
        ),
        ("src/timing.rs", "pub fn now() -> u64 {\n    0\n}\n"),
        ("src/run.rs", "pub fn go() {}\n"),
    ]);
    let got = files(
        &c,
        &[(
            "src/run.rs",
            "use crate::timing;\n\npub fn go() {\n    let _ = timing::now() + crate::timing::now();\n    crate::timing::later();\n}\n",
        )],
    );
    // `crate` in a module main.rs declares is main.rs, not lib.rs.
    assert_eq!(
        got,
        vec!["unknown-symbol src/run.rs:5 cannot find 'later' in 'crate::timing'"]
    );
}

#[test]
fn reexported_crates_and_macros_defined_through_macros() {
    let c = krate(&[
        (
            "src/lib.rs",
            "pub use notinstalled_dep_xyz as extlog;\n\nmacro_rules! cfg_feature {\n    ($($item:item)*) => { $($item)* };\n}\n\ncfg_feature! {\n    macro_rules! cfg_client {\n        ($($item:item)*) => { $($item)* };\n    }\n}\n\npub fn helper() {}\n",
        ),
        ("examples/e.rs", "fn main() {}\n"),
    ]);
    let got = files(
        &c,
        &[
            (
                "examples/e.rs",
                "fn main() {\n    demo::extlog::set_level();\n    demo::helperr();\n}\n",
            ),
            (
                "src/client.rs",
                "cfg_client! {\n    pub fn f() {}\n}\nundefined_macro! {}\n",
            ),
        ],
    );
    // `extlog` is another crate re-exported by the root; `cfg_client!` is
    // defined by an invocation of `cfg_feature!`.
    assert_eq!(
        got,
        vec![
            "unknown-symbol examples/e.rs:3 cannot find 'helperr' in 'demo'",
            "unknown-symbol src/client.rs:4 cannot find macro 'undefined_macro!' in this scope",
        ]
    );
}

#[test]
fn globs_of_child_modules_and_doc_examples_in_macro_calls() {
    let c = Proj::new(&[
        (
            "Cargo.toml",
            "[package]\nname = \"tiny\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\ngeneric-array = \"1\"\n",
        ),
        ("src/lib.rs", "mod array;\npub use array::*;\nmod vec;\n"),
        ("src/array.rs", "pub trait Array {}\n"),
        (
            "src/vec.rs",
            "use super::*;\n\nmacro_rules! mirrored {\n    ($($t:tt)*) => {};\n}\n\npub struct V;\n\nimpl V {\n    mirrored! {\n        /// use tiny::*;\n        fn len(&self) -> usize;\n    }\n}\n",
        ),
    ]);
    let got = files(
        &c,
        &[(
            "src/vec.rs",
            "use super::*;\nuse crate::errors::Thing;\n\nmacro_rules! mirrored {\n    ($($t:tt)*) => {};\n}\n\npub struct V;\n\nimpl V {\n    mirrored! {\n        /// use tiny::*;\n        fn len(&self) -> usize;\n    }\n}\n",
        )],
    );
    // `array` is the child module, not the `generic-array` crate; a doc
    // example inside a macro call is no glob of the module.
    assert_eq!(
        got,
        vec!["unknown-import src/vec.rs:2 unresolved import: no 'errors' in 'crate'"]
    );
}

#[test]
fn trait_objects_and_impl_trait_parameters_have_the_traits_methods() {
    let c = demo();
    let got = files(
        &c,
        &[(
            "src/traits_here.rs",
            "pub trait Area {\n    fn area(&self) -> f64;\n    fn twice(&self) -> f64 {\n        self.area() * 2.0\n    }\n}\n\npub fn total(s: &dyn Area, t: impl Area + Send, it: impl Iterator<Item = u8>) -> f64 {\n    let _ = it.count();\n    s.area() + s.twice() + s.areaa() + t.area() + t.volume()\n}\n",
        )],
    );
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/traits_here.rs:10 no method named 'areaa' found for 'Area'",
            "unknown-symbol src/traits_here.rs:10 no method named 'volume' found for 'Area'",
        ]
    );
}

#[test]
fn types_reexported_from_std_and_deep_paths_into_the_crate() {
    let c = krate(&[
        (
            "src/lib.rs",
            "pub mod atomic;\npub(crate) mod sync {\n    pub(crate) use core::sync::atomic::AtomicUsize;\n}\n",
        ),
        (
            "src/atomic.rs",
            "pub struct Cell(u8);\n\nimpl Cell {\n    pub fn new(v: u8) -> Cell {\n        Cell(v)\n    }\n}\n",
        ),
        ("benches/b.rs", "fn main() {}\n"),
    ]);
    let got = files(
        &c,
        &[
            (
                "src/counter.rs",
                "use crate::sync::AtomicUsize;\n\npub fn f() {\n    let _ = AtomicUsize::new(0);\n    let _ = AtomicUsize::neww(0);\n}\n",
            ),
            (
                "benches/b.rs",
                "fn main() {\n    let _ = demo::atomic::Cell::new(1);\n    let _ = demo::atomic::Cell::neww(1);\n}\n",
            ),
        ],
    );
    assert_eq!(
        got,
        vec![
            "unknown-symbol benches/b.rs:3 no function or associated item named 'neww' found for 'Cell'",
            "unknown-symbol src/counter.rs:5 no function or associated item named 'neww' found for 'AtomicUsize'",
        ]
    );
}

#[test]
fn self_beside_a_dependency_glob_and_unit_struct_values() {
    let c = demo();
    let got = files(
        &c,
        &[(
            "src/pretty.rs",
            "use notinstalled_dep_xyz::*;\n\npub struct Pretty;\n\nimpl Pretty {\n    pub fn fmt_tree(&self) -> u8 {\n        self.fmt_treee()\n    }\n}\n\npub fn f() -> u8 {\n    Pretty.fmt_tree() + Pretty.fmt_treez()\n}\n",
        )],
    );
    // The glob cannot make `self` (of an impl of `Pretty`) another crate's
    // type; a unit struct's value has its type.
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/pretty.rs:7 no method named 'fmt_treee' found for 'Pretty'",
            "unknown-symbol src/pretty.rs:12 no method named 'fmt_treez' found for 'Pretty'",
        ]
    );
}

#[test]
fn for_loop_items_of_written_collections() {
    let c = demo();
    let got = files(
        &c,
        &[(
            "src/bag.rs",
            "use crate::shapes::Circle;\n\npub struct Bag {\n    items: Vec<Circle>,\n}\n\nimpl Bag {\n    pub fn total(&self, extra: &[Circle]) -> f64 {\n        let mut t = 0.0;\n        for c in &self.items {\n            t += c.area() + c.areaa();\n        }\n        for c in extra.iter() {\n            t += c.diameter() + c.diam();\n        }\n        for c in 0..3 {\n            t += c.sqrtt();\n        }\n        t += self.items.iter().map(|c| c.area() + c.areea()).sum::<f64>();\n        t += extra.iter().filter(|c| c.area() > 1.0).map(|c| c.rad()).sum::<f64>();\n        t\n    }\n}\n",
        )],
    );
    // The second chain's `map` follows a `filter`, not `.iter()`: not typed.
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/bag.rs:11 no method named 'areaa' found for 'Circle'",
            "unknown-symbol src/bag.rs:14 no method named 'diam' found for 'Circle'",
            // `sqrtt` is spelled nowhere, but a crate of the graph is missing.
            "unverifiable src/bag.rs:17 'sqrtt' is spelled nowhere on this machine, but crate 'notinstalled_dep_xyz' of the dependency graph is not installed ('cargo fetch' installs it); it cannot be checked",
            "unknown-symbol src/bag.rs:19 no method named 'areea' found for 'Circle'",
        ]
    );
}

#[test]
fn inert_cfg_attr_adds_nothing_an_attribute_macro_may() {
    let c = demo();
    let got = files(
        &c,
        &[(
            "src/attrs.rs",
            "#[cfg_attr(docsrs, doc(cfg(feature = \"alloc\")))]\npub struct Plain;\n\nimpl Plain {\n    pub fn go(&self) {\n        self.gone();\n    }\n}\n\n#[cfg_attr(feature = \"x\", some_dep::attribute_macro)]\npub struct Made;\n\nimpl Made {\n    pub fn go(&self) {\n        self.gone();\n    }\n}\n",
        )],
    );
    assert_eq!(
        got,
        vec!["unknown-symbol src/attrs.rs:6 no method named 'gone' found for 'Plain'"]
    );
}

#[test]
fn build_scripts_and_binaries_without_a_manifest_are_crate_roots() {
    let c = krate(&[
        ("build.rs", "fn main() {}\n"),
        ("fuzz/src/bin/f.rs", "fn main() {}\n"),
        ("fuzz/src/bin/util.rs", "pub fn x() {}\n"),
    ]);
    let got = files(
        &c,
        &[
            (
                "build.rs",
                "mod gen {\n    pub fn run() {}\n}\nuse crate::gen::run;\nuse crate::backend::Thing;\n\nfn main() {\n    run();\n}\n",
            ),
            (
                "fuzz/src/bin/f.rs",
                "mod helpers {\n    pub fn x() {}\n}\nuse crate::helpers::x;\nuse crate::config::Y;\n\nfn main() {\n    x();\n}\n",
            ),
        ],
    );
    assert_eq!(
        got,
        vec![
            "unknown-import build.rs:5 unresolved import: no 'backend' in 'crate'",
            "unknown-import fuzz/src/bin/f.rs:5 unresolved import: no 'config' in 'crate'",
        ]
    );
}

#[test]
fn unit_variant_values_have_their_enums_type() {
    let c = demo();
    let got = files(
        &c,
        &[(
            "src/level.rs",
            "pub enum Level {\n    Error,\n    Warn,\n}\n\nimpl Level {\n    pub fn down(&self) -> Level {\n        Level::Warn\n    }\n}\n\npub fn f() {\n    let e = Level::Error;\n    let _ = (e.down(), e.downs(), Level::Warn.down(), Level::Warn.up());\n}\n",
        )],
    );
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/level.rs:14 no method named 'downs' found for 'Level'",
            "unknown-symbol src/level.rs:14 no method named 'up' found for 'Level'",
        ]
    );
}

#[test]
fn unknown_sources_of_methods_are_not_reported() {
    let c = demo();
    let got = files(
        &c,
        &[(
            "src/other.rs",
            "use std::ops::Deref;\nuse std::io::{self, Read};\n\npub struct Wrap(Vec<u8>);\n\nimpl Deref for Wrap {\n    type Target = Vec<u8>;\n    fn deref(&self) -> &Vec<u8> {\n        &self.0\n    }\n}\n\nimpl Wrap {\n    fn go(&self) -> usize {\n        self.first_byte_len() + self.capacity()\n    }\n}\n\npub struct Src;\n\nimpl Read for Src {\n    fn read(&mut self, b: &mut [u8]) -> io::Result<usize> {\n        self.read_to_end(&mut Vec::new())?;\n        Ok(b.len())\n    }\n}\n\n#[derive(serde::Serialize)]\npub struct Ser;\n\nimpl Ser {\n    fn go(&self) {\n        Self::generated_by_derive();\n    }\n}\n\nmacro_rules! make {\n    ($t:ident) => {\n        impl $t {\n            fn made(&self) {}\n        }\n    };\n}\n\npub struct Made;\nmake!(Made);\n\nimpl Made {\n    fn go(&self) {\n        self.made();\n        self.made_by_macro();\n    }\n}\n\npub struct Plain;\n\nimpl Plain {\n    fn go(&self) {\n        self.plain_missing();\n    }\n}\n",
        )],
    );
    // `Deref` to `Vec<u8>` and `Read` add std methods (`capacity`,
    // `read_to_end`) but not made-up ones; the derive of a crate that is not
    // a dependency may add anything; `make!` writes `made` and nothing else.
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/other.rs:15 no method named 'first_byte_len' found for 'Wrap'",
            "unknown-symbol src/other.rs:51 no method named 'made_by_macro' found for 'Made'",
            "unknown-symbol src/other.rs:59 no method named 'plain_missing' found for 'Plain'",
        ]
    );
}

#[test]
fn macro_tokens_are_not_calls_and_macro_names_are_checked() {
    let c = demo();
    let got = files(
        &c,
        &[(
            "src/gen.rs",
            "macro_rules! local_mac {\n    () => {\n        undefined_inside_rules()\n    };\n}\n\npub fn go(x: u32) -> String {\n    let t = quote::quote! { #[inline(always)] fn f() { not_a_call(1) } };\n    let u = local_mac!();\n    println!(\"{}\", crate::util::helper(x));\n    let v = vec![made_up_fn(1)];\n    writes!(x);\n    format!(\"{}\", x)\n}\n",
        )],
    );
    assert_eq!(
        got,
        vec![
            "arity-mismatch src/gen.rs:10 'helper' takes 2 argument(s) but 1 were supplied",
            "unknown-symbol src/gen.rs:11 cannot find function 'made_up_fn' in this scope",
            "unknown-symbol src/gen.rs:12 cannot find macro 'writes!' in this scope",
        ]
    );
}

#[test]
fn unmodified_crate_is_clean() {
    let c = demo();
    let got = files(
        &c,
        &[
            ("src/lib.rs", LIB),
            ("src/util.rs", UTIL),
            ("src/shapes.rs", &format!("mod more;\n{SHAPES}")),
            ("src/shapes/more.rs", SHAPES_MORE),
        ],
    );
    assert_eq!(got, Vec::<String>::new());
}

#[test]
fn standard_library_types_primitives_and_aliases() {
    let c = demo();
    let got = files(
        &c,
        &[(
            "src/stdtypes.rs",
            "use std::collections::HashMap;\n\ntype Index = core::sync::atomic::AtomicUsize;\n\npub fn go(n: u32) -> usize {\n    let a = Index::new(0);\n    let b = Index::neww(0);\n    let m: HashMap<u8, u8> = HashMap::with_capacity(2);\n    let k = HashMap::<u8, u8>::with_capacityy(2);\n    let s: String = String::from(\"x\");\n    s.push_strr(\"y\");\n    let t = String::fromm(\"x\");\n    let z = u32::from_str_radixx(\"1\", 10);\n    let top = core::ptr::addr_of!(n);\n    let bad = core::ptr::addr_off!(n);\n    str::len(\"x\") + n.count_ones() as usize\n}\n",
        )],
    );
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/stdtypes.rs:7 no function or associated item named 'neww' found for 'Index'",
            "unknown-symbol src/stdtypes.rs:9 no function or associated item named 'with_capacityy' found for 'HashMap'",
            "unknown-symbol src/stdtypes.rs:11 no function or associated item named 'push_strr' found for 'String'",
            "unknown-symbol src/stdtypes.rs:12 no function or associated item named 'fromm' found for 'String'",
            "unknown-symbol src/stdtypes.rs:13 no function or associated item named 'from_str_radixx' found for 'u32'",
            "unknown-symbol src/stdtypes.rs:15 cannot find macro 'addr_off!' in 'core::ptr'",
        ]
    );
}

#[test]
fn trait_default_methods_guards_and_shadowing_lets() {
    let c = demo();
    let got = files(
        &c,
        &[(
            "src/traits.rs",
            "pub trait Shape: Sized {\n    fn area(&self) -> f64;\n    fn double(&self) -> f64 {\n        self.area() * 2.0 + self.perimeterr()\n    }\n}\n\npub trait Loud: std::fmt::Debug {\n    fn shout(&self) -> String {\n        format!(\"{:?}\", self).to_uppercase() + &self.whatever_debug_gives()\n    }\n}\n\nfn width(x: u8) -> u8 {\n    x\n}\n\npub fn go(v: Option<u8>) -> u8 {\n    let width = width(1, 2);\n    match v {\n        Some(x) if width(x, x) > 0 => x,\n        _ => width,\n    }\n}\n",
        )],
    );
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/traits.rs:4 no method named 'perimeterr' found for 'Shape'",
            "unknown-symbol src/traits.rs:10 no method named 'whatever_debug_gives' found for 'Loud'",
            "arity-mismatch src/traits.rs:19 'width' takes 1 argument(s) but 2 were supplied",
        ]
    );
}

#[test]
fn variants_of_std_enums_are_not_functions_to_look_up() {
    let c = demo();
    let got = files(
        &c,
        &[(
            "src/variants.rs",
            "use std::borrow::Cow;\nuse std::io::SeekFrom;\nuse std::ops::Bound;\n\npub fn go(s: &str) -> Cow<'_, str> {\n    let _ = SeekFrom::Start(0);\n    let _ = Bound::Included(1);\n    let _ = std::io::SeekFrom::End(0);\n    Cow::Borrowed(s)\n}\n",
        )],
    );
    assert_eq!(got, Vec::<String>::new());
}

#[test]
fn a_type_with_a_cfg_alternative_import_is_not_checked() {
    let c = demo();
    let lib = format!("{LIB}pub mod sync;\n");
    files(
        &c,
        &[
            ("src/lib.rs", lib.as_str()),
            (
                "src/sync.rs",
                "#[cfg(feature = \"alloc\")]\npub use std::sync::Arc;\n\n#[cfg(not(feature = \"alloc\"))]\npub struct Arc<T>(T);\n\n#[cfg(not(feature = \"alloc\"))]\nimpl<T> Arc<T> {\n    pub fn new(t: T) -> Arc<T> {\n        Arc(t)\n    }\n}\n",
            ),
        ],
    );
    let got = files(
        &c,
        &[(
            "src/user.rs",
            "use crate::sync::Arc;\n\npub fn go() {\n    let a = Arc::new(1);\n    let p = Arc::into_raw(a);\n    Arc::made_up_anywhere(p);\n}\n",
        )],
    );
    // Not judged as `Arc`'s; a crate of the graph is missing, which a note says.
    assert_eq!(
        got,
        vec![
            "unverifiable src/user.rs:6 'made_up_anywhere' is spelled nowhere on this machine, but crate 'notinstalled_dep_xyz' of the dependency graph is not installed ('cargo fetch' installs it); it cannot be checked"
        ]
    );
}

#[test]
fn uninstalled_dependency_traits_lower_confidence_instead_of_hiding() {
    let c = demo();
    let report = c.check_files(&[(
        "src/ext.rs",
        "use notinstalled_dep_xyz::Widget;\n\npub struct Gauge {\n    w: Widget,\n}\n\nimpl Gauge {\n    pub fn level(&self) -> u8 {\n        self.levels()\n    }\n}\n",
    )]);
    assert_eq!(
        summary(&report),
        vec!["unknown-symbol src/ext.rs:9 no method named 'levels' found for 'Gauge'"]
    );
    // `Widget` (used as a type here) could still be a trait of the
    // uninstalled crate: the finding says so and asks for a second look
    // rather than being dropped.
    let f = &report.findings[0];
    assert_eq!(f.confidence, 0.4);
    assert!(
        f.evidence
            .iter()
            .any(|e| e.contains("not installed, so not searched: notinstalled_dep_xyz")),
        "{:?}",
        f.evidence
    );
    assert_eq!(report.hunks[0].verdict.name(), "review");
}

#[test]
fn path_attributes_leave_only_their_own_modules_uncertain() {
    let c = krate(&[
        (
            "src/lib.rs",
            "#[path = \"imp/unix.rs\"]\nmod sys;\npub mod util;\n",
        ),
        ("src/imp/unix.rs", "pub fn fill() {}\n"),
        ("src/util.rs", "pub fn helper() {}\n"),
    ]);
    let got = files(
        &c,
        &[(
            "src/run.rs",
            "use crate::sys::fill;\nuse crate::util::helper;\nuse crate::cache::Thing;\nuse crate::util::gone;\n",
        )],
    );
    // `sys` is declared with `#[path]`: its file is not `src/sys.rs`, so
    // what it holds is not judged; the rest of the crate still is.
    assert_eq!(
        got,
        vec![
            "unknown-import src/run.rs:3 unresolved import: no 'cache' in 'crate'",
            "unknown-import src/run.rs:4 unresolved import: no 'gone' in 'crate::util'",
        ]
    );
}

#[test]
fn files_loaded_through_path_attributes_judge_crate_paths_by_their_declarers() {
    let c = krate(&[
        (
            "src/lib.rs",
            "#[cfg_attr(unix, path = \"unix.rs\")]\n#[cfg_attr(windows, path = \"windows.rs\")]\nmod os;\nmod shared;\npub mod util;\n",
        ),
        (
            "build.rs",
            "#[path = \"src/shared.rs\"]\nmod shared;\nfn main() {}\n",
        ),
        ("src/unix.rs", "pub fn page() {}\n"),
        ("src/windows.rs", "pub fn page() {}\n"),
        ("src/shared.rs", "pub fn both() {}\n"),
        ("src/util.rs", "pub fn helper() {}\n"),
    ]);
    let got = files(
        &c,
        &[
            (
                "src/unix.rs",
                "use crate::util::helper;\nuse crate::utils::helper as h2;\n\npub fn page() {}\n",
            ),
            // Loaded by the build script too, where `crate` is another crate.
            (
                "src/shared.rs",
                "use crate::utils::helper;\n\npub fn both() {}\n",
            ),
        ],
    );
    // `crate` in `unix.rs` is the library, whichever `cfg` loads it.
    assert_eq!(
        got,
        vec!["unknown-import src/unix.rs:2 unresolved import: no 'utils' in 'crate'"]
    );
}

#[test]
fn path_qualifiers_are_modules_and_types_never_locals() {
    let c = demo();
    let got = files(
        &c,
        &[(
            "src/cstyle.rs",
            "use core::ptr::{self, NonNull};\n\n#[allow(non_camel_case_types)]\npub struct z_stream {\n    pub avail: u32,\n}\n\nimpl z_stream {\n    pub fn new() -> Self {\n        z_stream { avail: 0 }\n    }\n}\n\npub unsafe fn go(a: *mut u8, b: *mut u8) -> u32 {\n    let ptr = a;\n    ptr::copy(ptr, b, 1);\n    ptr::handle_copy(ptr, b, 1);\n    let _ = NonNull::new(a);\n    let s = z_stream::new();\n    let t = z_stream::neww();\n    s.avail + t.avail\n}\n",
        )],
    );
    // `ptr::` names the module whatever local is called `ptr`; a lowercase
    // struct the project writes has associated functions like any other.
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/cstyle.rs:17 'handle_copy' does not exist in 'core::ptr'",
            "unknown-symbol src/cstyle.rs:20 no function or associated item named 'neww' found for 'z_stream'",
        ]
    );
}

#[test]
fn workspace_crates_re_exporting_other_crates_items() {
    let p = Proj::new(&[
        (
            "Cargo.toml",
            "[workspace]\nmembers = [\"facade\", \"app\"]\n",
        ),
        (
            "facade/Cargo.toml",
            "[package]\nname = \"facade\"\nversion = \"0.1.0\"\n\n[dependencies]\nnotinstalled_dep_xyz = \"1\"\n",
        ),
        (
            "facade/src/lib.rs",
            "pub use notinstalled_dep_xyz::{jit_ready, version};\n\npub fn own() {}\n",
        ),
        (
            "app/Cargo.toml",
            "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nfacade = { path = \"../facade\" }\n",
        ),
        ("app/src/main.rs", "fn main() {}\n"),
    ]);
    let got = files(
        &p,
        &[(
            "app/src/run.rs",
            "pub fn go() {\n    facade::own();\n    facade::jit_ready();\n    facade::owned();\n}\n",
        )],
    );
    // `jit_ready` is re-exported from a dependency by a `use`: not judged.
    assert_eq!(
        got,
        vec!["unknown-symbol app/src/run.rs:4 cannot find 'owned' in 'facade'"]
    );
}

#[test]
fn packages_whose_library_drops_a_language_affix_are_declared() {
    let p = Proj::new(&[
        (
            "Cargo.toml",
            "[package]\nname = \"demo\"\nversion = \"0.1.0\"\n\n[dependencies]\nrust-ini = \"0.21\"\nelasticlunr-rs = \"3\"\nmd-5 = \"0.10\"\n",
        ),
        ("src/lib.rs", "pub fn f() {}\n"),
    ]);
    let got = files(
        &p,
        &[(
            "src/run.rs",
            "use ini::Ini;\nuse elasticlunr::Index;\nuse md5::Md5;\nuse inii::Ini;\n",
        )],
    );
    assert_eq!(
        got,
        vec![
            "undeclared-package src/run.rs:4 crate 'inii' is not declared in Cargo.toml and is not a module of this crate"
        ]
    );
}

#[test]
fn modules_whose_macros_declare_modules_or_uses_are_not_judged() {
    let c = krate(&[
        ("src/lib.rs", "pub mod backends;\npub mod util;\n"),
        (
            "src/backends.rs",
            "cfg_if::cfg_if! {\n    if #[cfg(unix)] {\n        mod unix;\n        pub use unix::*;\n    }\n}\n",
        ),
        ("src/backends/unix.rs", "pub fn fill() {}\n"),
        ("src/util.rs", "pub fn helper() {}\n"),
    ]);
    let got = files(
        &c,
        &[(
            "src/run.rs",
            "pub fn go() {\n    crate::backends::fill();\n    crate::backends::inner_u32();\n    crate::util::gone();\n}\n",
        )],
    );
    // The `cfg_if!` body brings `unix::*` into `backends`: what it holds
    // is not known from the facts; `util` has no macro and is judged.
    assert_eq!(
        got,
        vec!["unknown-symbol src/run.rs:4 cannot find 'gone' in 'crate::util'"]
    );
}

#[test]
fn arity_through_a_test_module_glob_and_a_re_export() {
    let c = krate(&[
        (
            "src/lib.rs",
            "mod sources;\npub use crate::sources::convert;\n\n#[cfg(test)]\nmod test {\n    use super::*;\n\n    #[test]\n    fn t() {\n        convert(1);\n    }\n}\n",
        ),
        (
            "src/sources.rs",
            "pub fn convert(x: u8) -> u8 {\n    x\n}\n",
        ),
    ]);
    let got = files(
        &c,
        &[(
            "src/lib.rs",
            "mod sources;\npub use crate::sources::convert;\n\n#[cfg(test)]\nmod test {\n    use super::*;\n\n    #[test]\n    fn t() {\n        convert(1, 2);\n    }\n}\n",
        )],
    );
    assert_eq!(
        got,
        vec!["arity-mismatch src/lib.rs:10 'convert' takes 1 argument(s) but 2 were supplied"]
    );
}

#[test]
fn examples_naming_the_crate_reach_its_types() {
    let c = demo();
    let got = files(
        &c,
        &[(
            "examples/run.rs",
            "use demo::shapes::Circle;\n\nfn main() {\n    let a = demo::Circle::new(1.0, 2.0);\n    let b = demo::Circle::neww(1.0);\n    let c = Circle::new(1.0);\n}\n",
        )],
    );
    assert_eq!(
        got,
        vec![
            "arity-mismatch examples/run.rs:4 'new' takes 1 argument(s) but 2 were supplied",
            "unknown-symbol examples/run.rs:5 no function or associated item named 'neww' found for 'Circle'",
        ]
    );
}

#[test]
fn names_imported_only_for_their_methods_are_extension_traits() {
    let c = demo();
    let got = files(
        &c,
        &[(
            "src/ext.rs",
            "use notinstalled_dep_xyz::Itertools;\nuse notinstalled_dep_xyz::prelude::*;\nuse notinstalled_dep_xyz::StrExt as _;\n\npub struct Gauge;\n\nimpl Gauge {\n    pub fn level(&self) -> u8 {\n        self.sorted_levels()\n    }\n}\n\nimpl Iterator for Gauge {\n    type Item = u8;\n    fn next(&mut self) -> Option<u8> {\n        None\n    }\n}\n\npub fn go(p: &std::path::Path) {\n    p.joinn(\"x\");\n    \"abc\".to_uppr();\n    \"abc\".parse::<u8>().unwrap().to_uppr();\n}\n",
        )],
    );
    // `Itertools` is never mentioned again: imported for its methods, it may
    // add any of them (to an iterator such as `Gauge`, or to std's types);
    // so may a prelude glob or a trait imported `as _`. Only a note says
    // that `to_uppr`, spelled nowhere here, waits on the missing crate.
    assert_eq!(
        got,
        vec![
            "unverifiable src/ext.rs:23 'to_uppr' is spelled nowhere on this machine, but crate 'notinstalled_dep_xyz' of the dependency graph is not installed ('cargo fetch' installs it); it cannot be checked"
        ]
    );
    let report = c.check_files(&[(
        "src/plain.rs",
        "use notinstalled_dep_xyz::Itertools;\n\n#[derive(Debug, Clone)]\npub struct Plain;\n\nimpl Plain {\n    pub fn level(&self) -> u8 {\n        self.sorted_levels()\n    }\n}\n",
    )]);
    // A type that implements nothing a blanket impl could build on (only
    // derivable std traits): the extension trait cannot reach it, but its
    // source is not here, so the finding only asks for a second look.
    assert_eq!(
        summary(&report),
        vec!["unknown-symbol src/plain.rs:8 no method named 'sorted_levels' found for 'Plain'"]
    );
    assert_eq!(report.findings[0].confidence, 0.4);
    let got = files(
        &c,
        &[(
            "src/std_recv.rs",
            "use std::path::Path;\n\npub fn go(p: &Path, q: &std::fs::File) {\n    p.joinn(\"x\");\n    p.join(\"x\");\n    q.sync_all();\n    \"abc\".to_uppr();\n    \"abc\".parse::<u8>().unwrap().to_uppr();\n    b\"abc\".to_vecc();\n}\n",
        )],
    );
    // Parameters of plain std types and string literals: std's functions.
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/std_recv.rs:4 no function or associated item named 'joinn' found for 'Path'",
            "unknown-symbol src/std_recv.rs:7 no function or associated item named 'to_uppr' found for 'str'",
            "unverifiable src/std_recv.rs:8 'to_uppr' is spelled nowhere on this machine, but crate 'notinstalled_dep_xyz' of the dependency graph is not installed ('cargo fetch' installs it); it cannot be checked",
            "unknown-symbol src/std_recv.rs:9 no function or associated item named 'to_vecc' found for '[u8]'",
        ]
    );
}

#[test]
fn extension_traits_reach_only_where_their_use_is_in_scope() {
    let c = demo();
    let got = files(
        &c,
        &[(
            "src/scoped.rs",
            "pub struct Gauge;\n\nimpl Gauge {\n    pub fn level(&self) -> u8 {\n        self.levels()\n    }\n}\n\nimpl Iterator for Gauge {\n    type Item = u8;\n    fn next(&mut self) -> Option<u8> {\n        None\n    }\n}\n\n#[cfg(test)]\nmod tests {\n    use notinstalled_dep_xyz::Itertools;\n\n    #[test]\n    fn t() {\n        super::Gauge.sorted_levels();\n    }\n}\n",
        )],
    );
    // The `use` in `mod tests` brings its methods there, not to the file.
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/scoped.rs:5 no method named 'levels' found for 'Gauge'",
            "unverifiable src/scoped.rs:22 'sorted_levels' is spelled nowhere on this machine, but crate 'notinstalled_dep_xyz' of the dependency graph is not installed ('cargo fetch' installs it); it cannot be checked",
        ]
    );
    let got = files(
        &c,
        &[(
            "src/globbed.rs",
            "use notinstalled_dep_xyz::Itertools;\n\npub struct Gauge;\n\nimpl std::fmt::Display for Gauge {\n    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {\n        Ok(())\n    }\n}\n\nmod tests {\n    use super::*;\n\n    fn t() {\n        Gauge.sorted_levels();\n    }\n}\n\nmod other {\n    use super::Gauge;\n\n    fn t() {\n        Gauge.sorted_levels();\n    }\n}\n",
        )],
    );
    // `use super::*` brings the parent's imported traits along; a sibling
    // module without it does not see them.
    assert_eq!(
        got,
        vec!["unknown-symbol src/globbed.rs:23 no method named 'sorted_levels' found for 'Gauge'"]
    );
}

#[test]
fn sealed_traits_associated_consts_path_modules_and_generic_bounds() {
    let c = krate(&[
        (
            "src/lib.rs",
            "pub mod ext;\npub mod other;\npub mod backend;\npub mod flags;\n",
        ),
        (
            "src/ext.rs",
            "mod private {\n    pub trait Sealed {}\n}\nimpl private::Sealed for [u8] {}\n\npub trait ByteSlice: private::Sealed {\n    fn as_bytes(&self) -> &[u8];\n    fn first(&self) -> u8 {\n        self.as_bytes()[0]\n    }\n}\n",
        ),
        (
            "src/other.rs",
            "mod private {\n    pub trait Sealed {}\n}\n",
        ),
        (
            "src/backend.rs",
            "#[path = \"utils/errno.rs\"]\nmod utils;\n\npub fn go() -> i32 {\n    utils::get_errno()\n}\n",
        ),
        (
            "src/utils/errno.rs",
            "cfg_if::cfg_if! {\n    if #[cfg(unix)] {\n        use core::ptr::read as read_errno;\n    }\n}\n\npub fn get_errno() -> i32 {\n    0\n}\n",
        ),
        (
            "src/flags.rs",
            "pub trait Flags {\n    fn bits(&self) -> u32;\n}\n\npub struct Error(u32);\n\nimpl Error {\n    pub const A: Error = Self::new(1);\n    const fn new(n: u32) -> Error {\n        Error(n)\n    }\n}\n\npub fn show<B: Flags>(flags: &B) -> u32 {\n    flags.bits()\n}\n",
        ),
    ]);
    let got = files(
        &c,
        &[
            (
                "src/ext.rs",
                "mod private {\n    pub trait Sealed {}\n}\nimpl private::Sealed for [u8] {}\n\npub trait ByteSlice: private::Sealed {\n    fn as_bytes(&self) -> &[u8];\n    fn first(&self) -> u8 {\n        self.as_byte()[0]\n    }\n}\n",
            ),
            (
                "src/backend.rs",
                "#[path = \"utils/errno.rs\"]\nmod utils;\n\npub fn go() -> i32 {\n    utils::get_errnos() + utils::get_errno()\n}\n",
            ),
            (
                "src/flags.rs",
                "pub trait Flags {\n    fn bits(&self) -> u32;\n}\n\npub struct Error(u32);\n\nimpl Error {\n    pub const A: Error = Self::neww(1);\n    const fn new(n: u32) -> Error {\n        Error(n)\n    }\n}\n\npub fn show<B: Flags>(flags: &B) -> u32 {\n    flags.bitz() + flags.bits()\n}\n\npub fn show_where<B>(flags: &B) -> u32\nwhere\n    B: Flags + Send,\n{\n    flags.bitz()\n}\n\npub fn show_iter<B: Flags + Iterator>(flags: &B) -> u32 {\n    flags.bitz()\n}\n",
            ),
        ],
    );
    // Two traits named `Sealed` (neither adds methods); a module loaded
    // with `#[path]` (its `cfg_if!` binds only `read_errno`); `Self::` in
    // an associated constant; generic parameters bounded by project traits
    // (with `Iterator` among the bounds, any of its methods may be meant).
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/backend.rs:5 cannot find 'get_errnos' in 'the module in src/utils/errno.rs'",
            "unknown-symbol src/ext.rs:9 no method named 'as_byte' found for 'ByteSlice'",
            "unknown-symbol src/flags.rs:8 no function or associated item named 'neww' found for 'Error'",
            "unknown-symbol src/flags.rs:15 no method named 'bitz' found for 'B' (bounded by Flags)",
            "unknown-symbol src/flags.rs:22 no method named 'bitz' found for 'B' (bounded by Flags + Send)",
        ]
    );
}

#[test]
fn variables_bound_to_calls_whose_signature_writes_the_type() {
    let body = |call: &str| {
        format!(
            "use std::cell::RefCell;\nuse std::sync::{{Arc, Mutex, MutexGuard}};\n\npub struct State {{\n    n: u32,\n}}\n\nimpl State {{\n    pub fn bump(&mut self) {{\n        self.n += 1;\n    }}\n}}\n\npub struct Bar {{\n    state: Arc<Mutex<State>>,\n    cell: RefCell<State>,\n}}\n\nfn load() -> Result<State, String> {{\n    Ok(State {{ n: 0 }})\n}}\n\nimpl Bar {{\n    fn state(&self) -> MutexGuard<'_, State> {{\n        self.state.lock().unwrap()\n    }}\n\n    pub fn go(&self) -> Result<(), String> {{\n        let mut a = self.state();\n        a.{call}();\n        let mut b = self.state.lock().unwrap();\n        b.{call}();\n        let mut c = self.cell.borrow_mut();\n        c.{call}();\n        let mut d = load()?;\n        d.{call}();\n        let other = Bar {{ state: self.state.clone(), cell: RefCell::new(State {{ n: 0 }}) }};\n        let mut e = other.state.lock().unwrap();\n        e.{call}();\n        Ok(())\n    }}\n}}\n"
        )
    };
    let c = krate(&[
        ("src/lib.rs", "pub mod bar;\n"),
        ("src/bar.rs", &body("bump")),
    ]);
    assert_eq!(
        files(&c, &[("src/bar.rs", &body("bump"))]),
        Vec::<String>::new()
    );
    // A method's guard, a field behind a lock or a cell, an unwrapped
    // function result: each variable's type is `State`.
    assert_eq!(
        files(&c, &[("src/bar.rs", &body("bumpp"))]),
        vec![
            "unknown-symbol src/bar.rs:30 no method named 'bumpp' found for 'State'",
            "unknown-symbol src/bar.rs:32 no method named 'bumpp' found for 'State'",
            "unknown-symbol src/bar.rs:34 no method named 'bumpp' found for 'State'",
            "unknown-symbol src/bar.rs:36 no method named 'bumpp' found for 'State'",
            "unknown-symbol src/bar.rs:39 no method named 'bumpp' found for 'State'",
        ]
    );
}

#[test]
fn what_real_crates_do_that_is_not_wrong() {
    let p = Proj::new(&[
        (
            "Cargo.toml",
            "[package]\nname = \"demo\"\nversion = \"0.1.0\"\n\n[dependencies]\nuutils_term_grid = \"0.7\"\nnotinstalled_dep_xyz = \"1\"\n",
        ),
        (
            "src/lib.rs",
            "extern crate self as demo_alias;\n\npub mod routing;\npub type Request = notinstalled_dep_xyz::Request;\n",
        ),
        (
            "src/routing.rs",
            "use notinstalled_dep_xyz::service_fn;\n\n#[cfg(test)]\nmod tests;\n",
        ),
        (
            "src/routing/tests.rs",
            "use super::*;\n\nfn t() {\n    service_fn();\n}\n",
        ),
    ]);
    let got = files(
        &p,
        &[
            (
                "src/grid.rs",
                "use term_grid::Grid;\nuse std::path::Component;\n\npub fn go() {\n    use Component::*;\n    let _ = demo::Request::from_parts();\n}\n",
            ),
            (
                "src/routing/tests.rs",
                "use super::*;\n\nfn t() {\n    service_fn();\n    service_fnn();\n}\n",
            ),
        ],
    );
    // `extern crate self`, a package whose library drops an organisation
    // prefix, `use Enum::*`, an alias of another crate's type, and a name a
    // test module's `use super::*` brings from the parent's own `use`.
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/routing/tests.rs:5 cannot find function 'service_fnn' in this scope"
        ]
    );
}

#[test]
fn generated_modules_fixtures_and_same_named_types_are_not_judged() {
    let c = krate(&[
        (
            "src/lib.rs",
            "pub mod builtin;\npub mod dense;\npub mod hybrid;\npub mod less;\n",
        ),
        (
            "src/builtin.rs",
            "include!(concat!(env!(\"OUT_DIR\"), \"/mappings.rs\"));\n\npub fn own() {}\n",
        ),
        (
            "src/dense.rs",
            "pub trait Automaton {\n    fn start(&self, input: u8) -> u8;\n}\n\npub struct DFA;\n\nimpl Automaton for DFA {\n    fn start(&self, input: u8) -> u8 {\n        input\n    }\n}\n",
        ),
        (
            "src/hybrid.rs",
            "pub struct DFA;\n\nimpl DFA {\n    pub fn start(&self, cache: u8, input: u8) -> u8 {\n        cache + input\n    }\n}\n",
        ),
        (
            "src/less.rs",
            "pub fn version(path: &str) -> usize {\n    path.len()\n}\n",
        ),
    ]);
    let got = files(
        &c,
        &[
            (
                "src/run.rs",
                "use crate::builtin::BUILTIN_MAPPINGS;\nuse crate::dense::{Automaton, DFA};\n\npub fn go(dfa: &DFA) -> u8 {\n    dfa.start(1)\n}\n",
            ),
            (
                "tests/syntax/source/less.rs",
                "use crate::less::version;\n\nfn main() {\n    version();\n}\n",
            ),
        ],
    );
    // `include!` may define anything; two types named `DFA` (one through
    // a trait) leave the call's shape open; a fixture outside every crate
    // has no `crate::`.
    assert_eq!(got, Vec::<String>::new());
}

#[test]
fn macro_invocations_inside_doc_comments_are_no_items() {
    let lib = "/*!\nExample:\n\nmake_impls! {\n    Gauge\n}\n*/\n\nmacro_rules! make_impls {\n    ($t:ident) => {\n        impl $t {\n            pub fn made(&self) {}\n        }\n    };\n}\n\npub struct Gauge;\n\nimpl Gauge {\n    pub fn level(&self) -> u8 {\n        0\n    }\n}\n";
    let c = krate(&[("src/lib.rs", lib)]);
    let got = files(
        &c,
        &[(
            "src/run.rs",
            "use crate::Gauge;\n\npub fn go(g: &Gauge) -> u8 {\n    g.levels()\n}\n",
        )],
    );
    // The invocation naming `Gauge` is documentation, not code: the
    // macro writes nothing for it.
    assert_eq!(
        got,
        vec!["unknown-symbol src/run.rs:4 no method named 'levels' found for 'Gauge'"]
    );
}

#[test]
fn self_in_impls_for_std_types() {
    let c = krate(&[(
        "src/lib.rs",
        "pub trait Sealed {\n    fn is_nonfinite(self) -> bool;\n}\n\nimpl Sealed for f32 {\n    fn is_nonfinite(self) -> bool {\n        self.to_bits() == 0\n    }\n}\n",
    )]);
    let got = files(
        &c,
        &[(
            "src/lib.rs",
            "pub trait Sealed {\n    fn is_nonfinite(self) -> bool;\n}\n\nimpl Sealed for f32 {\n    fn is_nonfinite(self) -> bool {\n        self.to_bitz() == 0 && self.is_nonfinite()\n    }\n}\n",
        )],
    );
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/lib.rs:7 no function or associated item named 'to_bitz' found for 'f32'"
        ]
    );
}

#[test]
fn string_literal_receivers_inside_macro_tokens() {
    let c = demo();
    let got = files(
        &c,
        &[(
            "src/lit.rs",
            "pub fn go(s: &[u8]) {\n    assert_eq!(s, \"abc\".as_bytes());\n    assert_eq!(s, \"abc\".asBytes());\n}\n\npub unsafe fn raw(p: *mut u8) -> bool {\n    p.is_null() || p.isNull()\n}\n",
        )],
    );
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/lit.rs:3 no function or associated item named 'asBytes' found for 'str'",
            "unknown-symbol src/lit.rs:7 no function or associated item named 'isNull' found for 'pointer'",
        ]
    );
}

#[test]
fn trait_paths_and_traits_of_uninstalled_crates_implemented_for_a_type() {
    let c = demo();
    let report = c.check_files(&[
        ("src/lib.rs", &format!("{LIB}pub mod frag;\n")),
        (
        "src/frag.rs",
        "pub trait Frag {\n    fn show(&self) -> u8;\n}\n\npub struct Gauge;\n\nimpl notinstalled_dep_xyz::Serialize for Gauge {}\n\nimpl Frag for Gauge {\n    fn show(&self) -> u8 {\n        Frag::show(self) + crate::frag::Frag::shows(self) + self.serialize_all()\n    }\n}\n",
        ),
    ]);
    assert_eq!(
        summary(&report),
        vec![
            "unknown-symbol src/frag.rs:11 no function or associated item named 'shows' found for 'Frag'",
            "unknown-symbol src/frag.rs:11 no method named 'serialize_all' found for 'Gauge'",
        ]
    );
    // The uninstalled crate's trait, implemented for Gauge, may provide
    // `serialize_all`: reported for review, not as a sure error.
    assert_eq!(report.findings[1].confidence, 0.4);
}

#[test]
fn auto_traits_alias_defaults_type_names_and_nested_item_macros() {
    let p = Proj::new(&[
        (
            "Cargo.toml",
            "[package]\nname = \"demo\"\nversion = \"0.1.0\"\n\n[dependencies]\ngix-error = \"0.5\"\nnotinstalled_dep_xyz = \"1\"\n",
        ),
        (
            "src/lib.rs",
            "pub mod section;\npub mod lookup;\npub mod reader;\n",
        ),
        (
            "src/section.rs",
            "mod types {\n    macro_rules! case_insensitive {\n        ($name:ident) => {\n            pub struct $name;\n        };\n    }\n\n    case_insensitive!(Name);\n}\n\npub use types::Name;\n",
        ),
        (
            "src/lookup.rs",
            "pub enum Error {\n    ValueMissing(u8),\n}\n\npub fn make() -> Error {\n    Error::ValueMissing(1)\n}\n",
        ),
        (
            "src/reader.rs",
            "type Reader<'a, T = std::process::ChildStdout> = notinstalled_dep_xyz::Reader<'a, T>;\n\npub fn go(r: &mut Reader<'_>) {\n    r.read_line_to_string();\n    notinstalled_dep_xyz::bail!(\"failed\".with_exit_status(1));\n}\n",
        ),
    ]);
    let got = files(
        &p,
        &[(
            "src/extra.rs",
            "use core::marker::Unpin;\nuse core::marker::Unpinn;\nuse crate::section::Name;\n",
        )],
    );
    assert_eq!(
        got,
        vec![
            "unknown-import src/extra.rs:2 unresolved import: 'core::marker' has no item 'Unpinn'"
        ]
    );
    // The unmodified files have nothing to report either: `Error` is the
    // project's enum (not the `gix-error` crate), the alias names another
    // crate's type (not its default's std type), a dependency macro may
    // rewrite its tokens.
    let got = files(
        &p,
        &[(
            "src/lookup.rs",
            "pub enum Error {\n    ValueMissing(u8),\n}\n\npub fn make() -> Error {\n    Error::ValueMissing(1)\n}\n",
        )],
    );
    assert_eq!(got, Vec::<String>::new());
    let got = files(
        &p,
        &[(
            "src/reader.rs",
            "type Reader<'a, T = std::process::ChildStdout> = notinstalled_dep_xyz::Reader<'a, T>;\n\npub fn go(r: &mut Reader<'_>) {\n    r.read_line_to_string();\n    notinstalled_dep_xyz::bail!(\"failed\".with_exit_status(1));\n}\n",
        )],
    );
    assert_eq!(got, Vec::<String>::new());
}

#[test]
fn a_dependency_macro_among_impl_members_leaves_a_doubt_not_a_blank() {
    let c = demo();
    let report = c.check_files(&[
        ("src/lib.rs", &format!("{LIB}pub mod gauge;\n")),
        (
            "src/gauge.rs",
            "pub struct Gauge;\n\nimpl Gauge {\n    notinstalled_dep_xyz::gen_members! {\n        size\n    }\n\n    pub fn go(&self) -> u8 {\n        self.size() + self.levels()\n    }\n}\n",
        ),
    ]);
    // `size` is spelled in the invocation: the macro may write it. `levels`
    // is spelled nowhere; the macro's crate is not installed to rule it out.
    assert_eq!(
        summary(&report),
        vec!["unknown-symbol src/gauge.rs:9 no method named 'levels' found for 'Gauge'"]
    );
    assert_eq!(report.findings[0].confidence, 0.4);
}

#[test]
fn arity_of_functions_a_use_names_inside_inline_modules() {
    let c = krate(&[
        ("src/lib.rs", "pub mod parse;\npub mod file;\n"),
        (
            "src/parse.rs",
            "pub(crate) mod util {\n    pub(crate) fn name_event(name: &str) -> usize {\n        name.len()\n    }\n}\n",
        ),
        ("src/file.rs", "pub fn f() {}\n"),
    ]);
    let got = files(
        &c,
        &[(
            "src/file.rs",
            "use crate::parse::util::{name_event as event};\n\npub fn f() -> usize {\n    event(\"a\") + event()\n}\n",
        )],
    );
    assert_eq!(
        got,
        vec!["arity-mismatch src/file.rs:4 'event' takes 1 argument(s) but 0 were supplied"]
    );
}

#[test]
fn an_enum_glob_brings_variants_not_functions() {
    let c = demo();
    let got = files(
        &c,
        &[(
            "src/order.rs",
            "use std::cmp::Ordering::*;\nuse notinstalled_dep_xyz::State::*;\nuse crate::util::Mode::*;\n\nfn compare(a: u8, b: u8) -> std::cmp::Ordering {\n    a.cmp(&b)\n}\n\npub fn go(a: u8, b: u8) -> u8 {\n    match do_compare(a, b) {\n        Less => 0,\n        Equal | Greater => compare(b, a) as u8,\n    }\n}\n\npub fn stop() {\n    dropz(Fast);\n}\n",
        )],
    );
    // Globs of enums (std's, a dependency's, the project's) bring variants.
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/order.rs:10 cannot find function 'do_compare' in this scope",
            "unknown-symbol src/order.rs:17 cannot find function 'dropz' in this scope",
        ]
    );
}

#[test]
fn generic_parameters_bounded_by_installed_dependency_traits() {
    let c = Proj::new(&[
        (
            "Cargo.toml",
            "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nserde = \"1\"\n",
        ),
        ("src/lib.rs", "pub mod ser;\n"),
        ("src/ser.rs", ""),
    ]);
    let got = files(
        &c,
        &[(
            "src/ser.rs",
            "use serde::Serialize;\n\npub trait Named {\n    fn name(&self) -> u8;\n}\n\npub struct Store;\n\npub fn write<T: Serialize, S: serde::Serializer>(v: &T, s: S) {\n    let _ = v.serialize(s);\n}\n\npub fn wrong<T>(v: &T) -> u8\nwhere\n    T: serde::Serialize + ?Sized,\n{\n    v.handle_serialize();\n    v.serialize_struct();\n    v.to_owned();\n    0\n}\n\npub fn concrete<S>(store: Store) -> u8\nwhere\n    Store: Named,\n{\n    store.name()\n}\n",
        )],
    );
    // `Serialize` comes from serde, whose source (and its dependencies')
    // never spells `handle_serialize`, and `Serialize` declares no
    // `serialize_struct` (a `Serializer` fn); std names stay possible (`to_owned`).
    // `where Store: Named` bounds a concrete type, no generic parameter.
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/ser.rs:17 no method named 'handle_serialize' found for 'T' (bounded by Serialize + Sized)",
            "unknown-symbol src/ser.rs:18 no method named 'serialize_struct' found for 'T' (bounded by Serialize + Sized)",
        ]
    );
}

#[test]
fn lets_built_by_a_dependency_types_constructor_have_its_methods() {
    let c = Proj::new(&[
        (
            "Cargo.toml",
            "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nbstr = \"1\"\n",
        ),
        ("src/lib.rs", "pub mod text;\n"),
        ("src/text.rs", ""),
    ]);
    let got = files(
        &c,
        &[(
            "src/text.rs",
            "use bstr::BString;\n\npub fn go() -> usize {\n    let s = BString::from(\"x\");\n    let t = BString::new(Vec::new());\n    s.lenn() + t.len() + s.find_byte(b'x').unwrap_or(0)\n}\n",
        )],
    );
    // `from` and `new*` of bstr's `BString` give a `BString`: its methods
    // are what bstr (and the crates it depends on) spell.
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/text.rs:6 no method named 'lenn' found for 'BString' of crate 'bstr'"
        ]
    );
}

#[test]
fn names_other_project_types_define_do_not_hide_a_missing_method() {
    let c = krate(&[
        ("src/lib.rs", "pub mod date;\npub mod week;\n"),
        (
            "src/week.rs",
            "pub struct Week;\n\nimpl Week {\n    pub fn weekday(&self) -> u8 {\n        1\n    }\n}\n\npub fn get_weekday() -> u8 {\n    2\n}\n\npub trait Shift {\n    fn shifted(&self) -> u8 {\n        0\n    }\n}\n",
        ),
        ("src/date.rs", ""),
    ]);
    let got = files(
        &c,
        &[(
            "src/date.rs",
            "pub struct Date;\n\nimpl Date {\n    pub fn day(&self) -> u8 {\n        self.weekday() + self.get_weekday() + self.shifted()\n    }\n}\n",
        )],
    );
    // `weekday` is `Week`'s, `get_weekday` a free function: neither can be
    // a method of `Date`. `shifted` is a trait's provided
    // method, which an impl elsewhere could give `Date`.
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/date.rs:5 no method named 'weekday' found for 'Date'",
            "unknown-symbol src/date.rs:5 no method named 'get_weekday' found for 'Date'",
        ]
    );
}

#[test]
fn a_sibling_module_reached_through_use_super_glob_is_walked() {
    let c = krate(&[("src/lib.rs", "pub mod math;\n"), ("src/math.rs", "")]);
    let got = files(
        &c,
        &[(
            "src/math.rs",
            "mod scalar {\n    pub fn iadd(x: &mut u32, y: u32) -> bool {\n        *x += y;\n        false\n    }\n}\n\nmod small {\n    use super::*;\n\n    pub fn add(x: &mut u32, y: u32) -> bool {\n        scalar::iadd(x, y) || scalar::iadds(x, y)\n    }\n}\n",
        )],
    );
    // `use super::*` brings the parent's `mod scalar`, whose items are known.
    assert_eq!(
        got,
        vec!["unknown-symbol src/math.rs:12 cannot find 'iadds' in 'crate::math::scalar'"]
    );
}

#[test]
fn features_of_optional_dependencies_no_build_here_fetched_are_off() {
    let c = Proj::new(&[
        (
            "Cargo.toml",
            "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nnotinstalled_opt_xyz = { version = \"1\", optional = true }\n",
        ),
        ("src/lib.rs", "pub mod gated;\npub mod plain;\n"),
        ("src/gated.rs", ""),
        ("src/plain.rs", ""),
    ]);
    let got = files(
        &c,
        &[
            (
                "src/gated.rs",
                "#[cfg(feature = \"ext\")]\nuse notinstalled_opt_xyz::ByteExt as _;\n\n#[derive(Debug)]\n#[cfg_attr(feature = \"arb\", derive(notinstalled_opt_xyz::Arbitrary))]\npub struct Week;\n\nimpl Week {\n    pub fn day(&self) -> u8 {\n        let mut v: Vec<u8> = Vec::new();\n        v.pushh(1);\n        self.dayy()\n    }\n}\n",
            ),
            (
                "src/plain.rs",
                "use notinstalled_opt_xyz::ByteExt as _;\n\n#[derive(Debug, notinstalled_opt_xyz::Arbitrary)]\npub struct Month;\n\nimpl Month {\n    pub fn day(&self) -> u8 {\n        let mut v: Vec<u8> = Vec::new();\n        v.pushh(1);\n        self.dayy()\n    }\n}\n",
            ),
        ],
    );
    // Behind `cfg`s, the optional crate's extension trait and derive are off
    // in every build here; written plainly, the code needs the crate, whose
    // source is not here to say what it adds.
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/gated.rs:11 no function or associated item named 'pushh' found for 'Vec'",
            "unknown-symbol src/gated.rs:12 no method named 'dayy' found for 'Week'",
        ]
    );
}

#[test]
fn a_method_no_reachable_source_spells_is_wrong_on_any_receiver() {
    let files_with = |deps: &str| {
        Proj::new(&[
            (
                "Cargo.toml",
                &format!(
                    "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nbstr = \"1\"\n{deps}"
                ),
            ),
            ("src/lib.rs", "pub mod other;\npub mod run;\n"),
            (
                "src/other.rs",
                "pub fn touch(v: &mut Vec<u8>) {\n    v.clear();\n}\n",
            ),
            ("src/run.rs", ""),
        ])
    };
    let code = "pub fn go(items: &[Vec<u8>]) -> usize {\n    items\n        .iter()\n        .map(|x| x.len() + x.find_byte(b'a').unwrap_or(0) + x.frobnicate_zz())\n        .count()\n}\n";
    let c = files_with("");
    let got = files(&c, &[("src/run.rs", code)]);
    // `len` is std's, `find_byte` bstr's; `frobnicate_zz` is no one's.
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/run.rs:4 no method named 'frobnicate_zz' exists in the project, std or its dependencies"
        ]
    );
    // A dependency whose source is not here could have it: a note says so.
    let c = files_with("notinstalled_dep_xyz = \"1\"\n");
    assert_eq!(
        files(&c, &[("src/run.rs", code)]),
        vec![
            "unverifiable src/run.rs:4 'frobnicate_zz' is spelled nowhere on this machine, but crate 'notinstalled_dep_xyz' of the dependency graph is not installed ('cargo fetch' installs it); it cannot be checked"
        ]
    );
    // An optional one no build here fetched is off, unless the file names it
    // (its feature is then on where this code compiles).
    let c = files_with("notinstalled_opt_xyz = { version = \"1\", optional = true }\n");
    assert_eq!(files(&c, &[("src/run.rs", code)]).len(), 1);
    let naming = format!("use notinstalled_opt_xyz::Thing;\n{code}");
    assert_eq!(files(&c, &[("src/run.rs", &naming)]), Vec::<String>::new());
}

#[test]
fn a_path_through_a_module_a_macro_declares_must_name_something_that_exists() {
    let c = Proj::new(&[
        (
            "Cargo.toml",
            "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
        ),
        (
            "src/lib.rs",
            "macro_rules! declare {\n    () => {\n        pub mod hint {\n            pub fn cautious(n: usize) -> usize {\n                n\n            }\n        }\n    };\n}\n\ndeclare!();\n\npub mod run;\n",
        ),
        ("src/run.rs", ""),
    ]);
    let got = files(
        &c,
        &[(
            "src/run.rs",
            "use crate::hint;\n\npub fn go(n: usize) -> usize {\n    hint::cautious(n) + hint::cautiou(n)\n}\n",
        )],
    );
    // The module tree cannot see `hint`, but `cautiou` is spelled nowhere.
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/run.rs:4 no function named 'cautiou' exists in the project, std or its dependencies"
        ]
    );
}

#[test]
fn an_installed_dependency_trait_adds_only_the_fns_it_declares() {
    let c = Proj::new(&[
        (
            "Cargo.toml",
            "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nserde = \"1\"\n",
        ),
        ("src/lib.rs", "pub mod unit;\n"),
        ("src/unit.rs", ""),
    ]);
    let got = files(
        &c,
        &[(
            "src/unit.rs",
            "pub struct Unit;\n\nimpl serde::Serialize for Unit {\n    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {\n        s.serialize_unit()\n    }\n}\n\nimpl Unit {\n    pub fn go<S: serde::Serializer>(&self, s: S) {\n        let _ = self.serialize(s);\n        self.deserialize_any();\n    }\n}\n",
        )],
    );
    // serde spells `deserialize_any`, but its `Serialize` declares only
    // `serialize`.
    assert_eq!(
        got,
        vec!["unknown-symbol src/unit.rs:12 no method named 'deserialize_any' found for 'Unit'"]
    );
}

#[test]
fn deref_to_a_generic_parameter_gives_what_its_bounds_give_where_self_is_used() {
    // `Guard<'_, V>` derefs to `V`: inside `impl<V> Guard<'_, V>` nothing
    // bounds `V`, so `self.valuee()` can come from nowhere; inside
    // `impl<V: Shape> Guard<'_, V>` a project trait may give anything, and
    // std names (`clone`) stay possible everywhere.
    let base = "use std::ops::Deref;\n\npub trait Shape {\n    fn area(&self) -> u32;\n}\n\npub struct Guard<'a, V> {\n    v: &'a V,\n}\n\nimpl<V> Deref for Guard<'_, V> {\n    type Target = V;\n    fn deref(&self) -> &V {\n        self.v\n    }\n}\n";
    // A dependency whose source is not here could add any name to a type it
    // knows nothing of; it cannot add one to an unbounded `V`.
    let p = Proj::rust_package(
        "[dependencies]\nnot-installed-anywhere = \"1\"\n",
        &[("src/lib.rs", "pub mod guard;\n"), ("src/guard.rs", base)],
    );
    let added = "\nimpl<'a, V> Guard<'a, V> {\n    pub fn value(&self) -> &V {\n        self.valuee()\n    }\n}\n\nimpl<'a, V: Clone> Guard<'a, V> {\n    pub fn copy(&self) -> V {\n        self.to_owned()\n    }\n}\n\nimpl<'a, V: Shape> Guard<'a, V> {\n    pub fn size(&self) -> u32 {\n        self.area()\n    }\n}\n";
    let text = format!("{base}{added}");
    let got = summary(&p.check_files(&[("src/guard.rs", &text)]));
    assert_eq!(
        got,
        vec!["unknown-symbol src/guard.rs:20 no method named 'valuee' found for 'Guard'"]
    );
}

#[test]
fn associated_items_through_a_dependency_type_alias_are_the_targets() {
    // gix-parallel's `pub type OwnShared<T> = Arc<T>;` (`Rc<T>` without its
    // `parallel` feature): `OwnShared::try_unwrap` is std's. A name the crate
    // does not have at its root is still reported.
    let c = Proj::rust_package(
        "[dependencies]\ngix-parallel = \"0.50\"\n",
        &[("src/lib.rs", "pub mod share;\n"), ("src/share.rs", "")],
    );
    let got = files(
        &c,
        &[(
            "src/share.rs",
            "use gix_parallel::OwnShared;\n\npub fn go(x: OwnShared<u8>) -> u8 {\n    gix_parallel::num_threadz(None);\n    OwnShared::try_unwrap(x).unwrap_or(0)\n}\n",
        )],
    );
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/share.rs:4 crate 'gix-parallel' defines no item named 'num_threadz'"
        ]
    );
}

#[test]
fn a_call_chain_after_an_unwrap_is_another_value() {
    // `query()?` is a `Rows`; `query()?.next_row().map(..).ok_or(..)` is not.
    let p = krate(&[("src/lib.rs", "pub mod run;\n"), ("src/run.rs", "")]);
    let run = "pub struct Rows;\n\nimpl Rows {\n    pub fn next_row(&mut self) -> Option<u8> {\n        None\n    }\n}\n\npub fn query() -> Result<Rows, ()> {\n    Ok(Rows)\n}\n\npub fn go() -> Result<(), ()> {\n    let mut rows = query()?;\n    rows.next_rows();\n    let last = query()?.next_row().map(|_| 1).ok_or(());\n    assert!(last.is_err());\n    Ok(())\n}\n";
    let got = files(&p, &[("src/run.rs", run)]);
    assert_eq!(
        got,
        vec!["unknown-symbol src/run.rs:15 no method named 'next_rows' found for 'Rows'"]
    );
}

#[test]
fn an_alias_of_a_std_or_a_dependency_type_by_cfg_has_what_either_has() {
    // `Text` is std's `String` under one cfg, bstr's `BString` under the other.
    let c = Proj::rust_package(
        "[dependencies]\nbstr = \"1\"\n",
        &[("src/lib.rs", "pub mod text;\n"), ("src/text.rs", "")],
    );
    let text = "#[cfg(feature = \"std-text\")]\ntype Text = String;\n#[cfg(not(feature = \"std-text\"))]\ntype Text = bstr::BString;\n\npub fn go() -> usize {\n    let a = Text::new(Vec::new());\n    let b = Text::neww();\n    a.len() + b.len()\n}\n";
    let got = files(&c, &[("src/text.rs", text)]);
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/text.rs:8 no function or associated item named 'neww' found for 'Text'"
        ]
    );
}

#[test]
fn a_dependency_whose_library_lies_outside_src_is_installed() {
    // tree-sitter grammars keep their library in `bindings/rust/lib.rs`
    // (`[lib] path`): the crate is read there, not reported as missing.
    let c = Proj::rust_package(
        "[dependencies]\ntree-sitter-typescript = \"0.23\"\n",
        &[("src/lib.rs", "pub mod grammar;\n"), ("src/grammar.rs", "")],
    );
    let got = files(
        &c,
        &[(
            "src/grammar.rs",
            "pub fn go() -> usize {\n    let _ = tree_sitter_typescript::LANGUAGE_TYPESCRIPT;\n    tree_sitter_typescript::language_typescriptt();\n    tree_sitter_typescript::TSX_NODE_TYPES.len()\n}\n",
        )],
    );
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/grammar.rs:3 crate 'tree-sitter-typescript' defines no item named 'language_typescriptt'"
        ]
    );
}

#[test]
fn accessors_a_derive_may_build_come_from_fields_not_functions() {
    // serde's derive crate builds identifiers: `get_level` may be an accessor
    // a derive writes for the field `level`; `get_new` names no field or
    // variant (`new` is a function), so nothing could write it.
    let c = Proj::rust_package(
        "[dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\n",
        &[("src/lib.rs", "pub mod run;\n"), ("src/run.rs", "")],
    );
    let code = "pub struct Gauge {\n    pub level: u8,\n}\n\nimpl Gauge {\n    pub fn new() -> Self {\n        Gauge { level: 0 }\n    }\n}\n\nfn make() -> impl Sized {\n    Gauge::new()\n}\n\npub fn go() -> u8 {\n    let x = make();\n    x.get_level() + x.get_new()\n}\n";
    assert_eq!(
        files(&c, &[("src/run.rs", code)]),
        vec![
            "unknown-symbol src/run.rs:17 no method named 'get_new' exists in the project, std or its dependencies"
        ]
    );
}

#[test]
fn a_trait_named_through_a_glob_import_is_the_globbed_crates() {
    // `IntoParallelIterator` comes through `use rayon::prelude::*`: its impl
    // for `Bag` adds rayon's declared fns, not any word a missing crate
    // might have; the test module's `use super::*` reaches neither impl.
    let c = Proj::rust_package(
        "[dependencies]\nrayon = \"1\"\nnot-installed-anywhere = \"1\"\n",
        &[("src/lib.rs", "pub mod bag;\n"), ("src/bag.rs", "")],
    );
    let code = "use rayon::prelude::*;\n\npub struct Bag(Vec<u8>);\n\nimpl IntoParallelIterator for Bag {\n    type Iter = rayon::vec::IntoIter<u8>;\n    type Item = u8;\n    fn into_par_iter(self) -> Self::Iter {\n        self.0.into_par_iter()\n    }\n}\n\nimpl Bag {\n    pub fn len(&self) -> usize {\n        self.0.len()\n    }\n}\n\n#[cfg(test)]\nmod tests {\n    use super::*;\n\n    fn t(b: Bag) -> usize {\n        b.lens() + b.len()\n    }\n}\n";
    assert_eq!(
        files(&c, &[("src/bag.rs", code)]),
        vec!["unknown-symbol src/bag.rs:24 no method named 'lens' found for 'Bag'"]
    );
}

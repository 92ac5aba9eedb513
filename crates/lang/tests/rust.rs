//! Exact facts the Rust adapter extracts from a realistic fixture, plus
//! robustness on broken input.

use plumb_facts::{FileFacts, Lang};

mod common;

use common::{def_line, ref_line};

fn facts(src: &[u8]) -> FileFacts {
    common::facts(Lang::Rust, src)
}

fn fixture() -> FileFacts {
    facts(include_bytes!("fixtures/rust/shapes.rs"))
}

#[test]
fn definitions() {
    let f = fixture();
    let got: Vec<String> = f.definitions.iter().map(def_line).collect();
    let want = [
        "9 module tessellate private -",
        "13 struct Point public -",
        "15 field Point.x public -",
        "16 field Point.y package -",
        "17 field Point.tag private -",
        "20 enum Shape package -",
        "21 enum_variant Shape.Circle package -",
        "22 enum_variant Shape.Polygon package -",
        "23 enum_variant Shape.Empty package -",
        "26 trait Area public -",
        "27 constant Area.UNITS public -",
        "28 type_alias Area.Output public -",
        "30 method Area.area public (self) 0..0",
        "31 method Area.scaled public (self, by) 1..1",
        "37 method Point.new public (x, y) 2..2",
        "41 method Point.distance private (self, other) 1..1",
        "47 method Point.shift package (self, by) 1..1",
        "57 constant Shape.UNITS public -",
        "58 type_alias Shape.Output public -",
        "59 method Shape.area public (self) 0..0",
        "72 method Point.fmt public (self, f) 1..1",
        "77 constant MAX_POINTS public -",
        "78 variable COUNTER private -",
        "79 type_alias PointMap public -",
        "81 macro square private -",
        "87 function polygon_area private (points) 1..1",
        "104 function printf private (fmt, *...) 1..*",
        "108 module tests private -",
        "112 function tests.unit_square private () 0..0",
    ];
    assert_eq!(got, want);
}

#[test]
fn docs_signatures_and_spans() {
    let f = fixture();
    let get = |q: &str| common::def(&f, q);
    assert_eq!(get("Point").doc.as_deref(), Some("A point on the plane."));
    assert_eq!(get("Point.x").doc.as_deref(), Some("Horizontal position."));
    assert_eq!(get("Area.area").doc.as_deref(), Some("Area of the shape."));
    assert_eq!(get("Point.distance").doc, None);
    assert_eq!(
        get("Point.shift").signature.as_deref(),
        Some("pub(super) fn shift(&mut self, by: &HashMap<String, f64>)")
    );
    let new = get("Point.new");
    assert_eq!((new.span.start_line, new.span.end_line), (37, 39));
    assert_eq!(
        (new.name_span.start_line, new.name_span.start_col),
        (37, 12)
    );
    let scaled = get("Area.scaled").params.as_ref().unwrap();
    assert_eq!(scaled.list[0].type_text.as_deref(), Some("Box<Self>"));
    assert_eq!(scaled.list[1].type_text.as_deref(), Some("f64"));
    assert!(f.dynamic, "macro_rules! makes the file dynamic");
    assert_eq!(f.parse_errors, 0);
}

#[test]
fn references() {
    let f = fixture();
    let got: Vec<String> = f.references.iter().map(ref_line).collect();
    let want = [
        "17 type - | Option -",
        "17 type - | String -",
        "20 type - | Into -",
        "21 type - | Point -",
        "22 type - | Vec -",
        "22 type - | Point -",
        "30 type Self | Output -",
        "31 type - | Box -",
        "36 type - | Point -",
        "38 call - | Point -",
        "41 type - | Point -",
        "44 call (dx * dx + dy * dy) | sqrt 0",
        "47 type - | HashMap -",
        "47 type - | String -",
        "48 call by | iter 0",
        "49 call key | starts_with 1",
        "56 type - | Into -",
        "56 type - | Copy -",
        "56 type - | Area -",
        "56 type - | Shape -",
        "61 use Shape | Circle -",
        "62 call (*radius) | into 0",
        "63 use std::f64::consts | PI -",
        "65 use Shape | Polygon -",
        "65 call - | polygon_area 1",
        "66 use Shape | Empty -",
        "71 type fmt | Display -",
        "71 type - | Point -",
        "72 type fmt | Formatter -",
        "72 type fmt | Result -",
        "73 call - | write -",
        "79 type - | HashMap -",
        "79 type - | String -",
        "79 type - | Point -",
        "87 type - | Point -",
        "89 type - | Set -",
        "89 call Set | new 0",
        "90 call points | windows 1",
        "93 call points | iter 0",
        "93 call points.iter() | map 1",
        "93 call p | distance 1",
        "93 call Point | new 2",
        "93 call points.iter().map(|p| p.distance(&Point::new(0.0, 0.0))) | sum 0",
        "94 call - | println -",
        "94 call - | format_len 2",
        "94 call seen | len 0",
        "95 use - | Some -",
        "95 call points | first 0",
        "96 call - | debug_assert -",
        "98 call Cfg | load 1",
        "98 call Cfg::load(\"shapes.toml\") | unwrap_or_default 0",
        "99 call json | to_value 1",
        "99 call json::to_value(&cfg) | ok 0",
        "100 call - | square -",
        "100 call v | map_or 2",
        "113 call - | vec -",
        "113 call Point | new 2",
        "113 call Point | new 2",
        "114 call - | assert_eq -",
        "114 call - | polygon_area 1",
    ];
    assert_eq!(got, want);
    let sum = f.references.iter().find(|r| r.name == "sum").unwrap();
    assert_eq!(sum.enclosing.as_deref(), Some("polygon_area"));
}

#[test]
fn imports() {
    let f = fixture();
    let got: Vec<String> = f
        .imports
        .iter()
        .map(|i| {
            format!(
                "{} {} [{}] alias={} wildcard={} relative={}",
                i.span.start_line,
                i.module,
                common::aliased_names(i),
                i.alias.as_deref().unwrap_or("-"),
                i.wildcard,
                i.relative
            )
        })
        .collect();
    let want = [
        "3 std::collections [HashMap, BTreeSet as Set] alias=- wildcard=false relative=false",
        "4 std [fmt] alias=- wildcard=false relative=false",
        "5 crate::util [] alias=- wildcard=true relative=true",
        "6 super::config [Config as Cfg] alias=- wildcard=false relative=true",
        "7 serde_json [] alias=json wildcard=false relative=false",
        "9 tessellate [] alias=- wildcard=false relative=true",
        "109 super [] alias=- wildcard=true relative=true",
    ];
    assert_eq!(got, want);
}

#[test]
fn locals() {
    let f = fixture();
    let has = |name: &str, from: u32, to: u32| common::has_local(&f, name, from, to);
    // Parameters: function scope; let: enclosing block; for/closure/match arm: their own node.
    assert!(has("other", 41, 45));
    assert!(has("dy", 41, 45));
    assert!(has("_unused", 41, 45));
    assert!(has("key", 48, 52));
    assert!(has("delta", 48, 52));
    assert!(has("radius", 61, 64));
    assert!(has("p", 93, 93));
    assert!(has("first", 87, 101));
    assert!(has("T", 56, 69), "generic parameters bind in their item");
    assert!(
        !f.locals
            .iter()
            .any(|l| l.name == "None" || l.name == "Shape")
    );
    assert!(
        !f.definitions
            .iter()
            .any(|d| d.name == "dx" || d.name == "sum"),
        "locals are not definitions"
    );
}

#[test]
fn uses_of_imported_names() {
    let src = b"use std::mem;\nuse crate::consts::LIMIT;\nfn f(a: &mut u8, b: &mut u8) -> usize {\n    let g = mem::swap;\n    g(a, b);\n    LIMIT + 1\n}\n";
    let f = facts(src);
    let got: Vec<String> = f.references.iter().map(ref_line).collect();
    assert_eq!(
        got,
        ["4 use mem | swap -", "5 call - | g 2", "6 use - | LIMIT -"]
    );
    assert!(!f.dynamic);
}

#[test]
fn paths_into_declared_modules_are_relative() {
    let f = facts(b"mod params;\npub use params::{Param, Params};\nuse serde::Serialize;\n");
    let got: Vec<(&str, bool)> = f
        .imports
        .iter()
        .map(|i| (i.module.as_str(), i.relative))
        .collect();
    assert_eq!(got, [("params", true), ("params", true), ("serde", false)]);
}

#[test]
fn syntax_errors_keep_surrounding_facts() {
    let src = b"fn before(a: u8) -> u8 { helper(a) }\n\nfn broken( {\n    let x = ;\n}\n\npub struct After { pub v: u8 }\n";
    let f = facts(src);
    assert!(f.parse_errors > 0);
    let names = common::def_names(&f);
    assert!(names.contains(&"before"), "{names:?}");
    assert!(names.contains(&"After"), "{names:?}");
    assert!(common::has_call(&f, "helper", 1));
}

#[test]
fn invalid_utf8_keeps_facts() {
    let mut src =
        b"/// doc \xff\xfe\nfn a() -> &'static str { \"\xc3\x28\" }\nfn b() { a(); }\n".to_vec();
    src.extend_from_slice(b"// trailing \x80\n");
    let f = facts(&src);
    let names = common::def_names(&f);
    assert_eq!(names, ["a", "b"]);
    assert!(f.definitions[0].doc.as_deref().unwrap().starts_with("doc"));
    assert!(common::has_call(&f, "a", 0));
}

#[test]
fn derives_and_item_macros_are_dynamic() {
    assert!(!facts(b"#[derive(Debug, Clone)]\nstruct A;\n").dynamic);
    assert!(facts(b"#[derive(Debug, serde::Serialize)]\nstruct A;\n").dynamic);
    assert!(facts(b"thread_local! { static X: u8 = 0; }\n").dynamic);
}

/// Throughput over the crate sources in the cargo registry (release build):
/// `cargo test --release -p plumb-lang --test rust -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput_over_registry() {
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    let root = std::path::PathBuf::from(format!("{home}/.cargo/registry/src"));
    let srcs = common::read_sources(&common::source_files(&root, &["rs"]));
    common::cpu_throughput(Lang::Rust, &srcs, 1, |_| {});
}

#[test]
fn node_classes_where_the_generic_rules_misread_the_grammar() {
    use plumb_lang::NodeClass;
    let a = plumb_lang::adapter_for_lang(Lang::Rust);
    let cases = [
        ("impl_item", NodeClass::Class),
        ("declaration_list", NodeClass::Block),
        ("struct_expression", NodeClass::Call),
        ("generic_function", NodeClass::Identifier),
        ("function_type", NodeClass::Type),
        ("function_item", NodeClass::Function),
        ("closure_expression", NodeClass::Lambda),
        ("match_arm", NodeClass::Case),
    ];
    for (kind, class) in cases {
        assert_eq!(a.node_class(kind), class, "{kind}");
    }
}

#[test]
fn nested_modules_impls_and_inferred_types() {
    let src = b"pub mod a {\n    pub struct Foo<T>(T);\n    impl<T> From<T> for Foo<T> {\n        fn from(t: T) -> Self { Foo(t) }\n    }\n}\nfn f() { let v: Vec<_> = (0..3).collect(); }\n";
    let f = facts(src);
    let got: Vec<String> = f.definitions.iter().map(def_line).collect();
    assert_eq!(
        got,
        [
            "1 module a public -",
            "2 struct a.Foo public -",
            "4 method a.Foo.from public (t) 1..1",
            "7 function f private () 0..0",
        ]
    );
    let types: Vec<&str> = f
        .references
        .iter()
        .filter(|r| r.kind == plumb_facts::RefKind::Type)
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(
        types,
        ["From", "Foo", "Vec"],
        "generic T and inferred _ are not references"
    );
}

#[test]
fn only_expression_macros_have_their_tokens_read_as_calls() {
    let src = b"fn f(x: u32) {\n    println!(\"{}\", g(x, 1));\n    assert_eq!(h(x), vec![k(2)]);\n    let t = quote! { #[inline(always)] fn q() { not_call(1) } };\n    asm!(\"nop\", out(reg) x, options(nostack));\n    format!(\"{}\", quote!(inside_quote(1)));\n    my_dsl!(looks_like(1, 2));\n}\n";
    let f = facts(src);
    let calls: Vec<String> = f
        .references
        .iter()
        .filter(|r| r.kind == plumb_facts::RefKind::Call)
        .map(ref_line)
        .collect();
    assert_eq!(
        calls,
        [
            "2 call - | println -",
            "2 call - | g 2",
            "3 call - | assert_eq -",
            "3 call - | h 1",
            "3 call - | vec -",
            "3 call - | k 1",
            "4 call - | quote -",
            "5 call - | asm -",
            "6 call - | format -",
            "6 call - | quote -",
            "7 call - | my_dsl -",
        ]
    );
}

#[test]
fn match_guards_bind_nothing() {
    let src = b"fn f(v: Option<u8>) -> bool {\n    match v {\n        Some(x) if check(x) => true,\n        _ => false,\n    }\n}\n";
    let f = facts(src);
    let names: Vec<&str> = f.locals.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["v", "x"]);
    assert!(common::has_call(&f, "check", 1));
}

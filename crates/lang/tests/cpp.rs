//! C++ adapter: exact facts from a realistic fixture, C++-specific cases,
//! error tolerance, and (ignored) runs over the POJ-104 programs.

use plumb_facts::Lang;

mod common;

use common::{defs, facts, fixture, imports, locals, refs};

#[test]
fn shapes_defs() {
    let f = facts(Lang::Cpp, &fixture("cpp/shapes.cpp"));
    let expected = [
        "module geo public - L11-51",
        "struct geo.Point public - L14-18",
        "field geo.Point.x public - L15-15",
        "field geo.Point.y public - L15-15",
        "method geo.Point.Point public (x=…, y=…) min=0 max=Some(2) L16-16",
        "method geo.Point.operator+ public (o) min=1 max=Some(1) L17-17",
        "enum geo.Color public - L20-20",
        "enum_variant geo.Color.Red public - L20-20",
        "enum_variant geo.Color.Green public - L20-20",
        "enum_variant geo.Color.Blue public - L20-20",
        "type_alias geo.PointList public - L22-22",
        "class geo.Shape public - L24-35",
        "method geo.Shape.Shape public (c) min=1 max=Some(1) L26-26",
        "method geo.Shape.~Shape public () min=0 max=Some(0) L27-27",
        "method geo.Shape.area public () min=0 max=Some(0) L28-28",
        "field geo.Shape.count public - L29-29",
        "field geo.Shape.color_ protected - L31-31",
        "method geo.Shape.touch private (times, *...) min=1 max=None L33-33",
        "function geo.operator== public (a, b) min=2 max=Some(2) L34-34",
        "class geo.Polygon public - L37-44",
        "field geo.Polygon.pts_ private - L39-39",
        "method geo.Polygon.assign public (first, last) min=2 max=Some(2) L41-42",
        "method geo.Polygon.area public () min=0 max=Some(0) L43-43",
        "module geo.detail public - L46-49",
        "function geo.detail.next_id private () min=0 max=Some(0) L47-47",
        "function geo.detail.clamp public (v, lo=…, hi=…) min=1 max=Some(3) L48-48",
        "variable registry_size private - L54-54",
        "method geo.Shape.Shape public (c) min=1 max=Some(1) L57-57",
        "method geo.Shape.~Shape public () min=0 max=Some(0) L59-59",
        "method geo.Polygon.area public () min=0 max=Some(0) L61-68",
        "function geo.detail.next_id public () min=0 max=Some(0) L70-70",
        "function make_shape public (*args) min=0 max=None L72-85",
    ];
    assert_eq!(defs(&f), expected);
}

#[test]
fn shapes_refs() {
    let f = facts(Lang::Cpp, &fixture("cpp/shapes.cpp"));
    let expected = [
        "type Point L17 in geo.Point.operator+",
        "type Point L17 in geo.Point.operator+",
        "call Point(2) L17 in geo.Point.operator+",
        "type std|vector L22 in geo",
        "type Point L22 in geo",
        "type Drawable L24 in geo.Shape",
        "type Color L26 in geo.Shape.Shape",
        "type Color L31 in geo.Shape",
        "type Shape L34 in geo.operator==",
        "type Shape L34 in geo.operator==",
        "type Shape L38 in geo.Polygon",
        "type T L39 in geo.Polygon",
        "type It L42 in geo.Polygon.assign",
        "type It L42 in geo.Polygon.assign",
        "call std|min(2) L48 in geo.detail.clamp",
        "call std|max(2) L48 in geo.detail.clamp",
        "type Color L57 in geo.Shape.Shape",
        "type unique_ptr L73 in make_shape",
        "type geo|Shape L73 in make_shape",
        "type Args L73 in make_shape",
        "call std|make_unique(1+) L74 in make_shape",
        "type geo|Polygon L74 in make_shape",
        "type geo|Point L74 in make_shape",
        "call std|forward(1) L74 in make_shape",
        "type Args L74 in make_shape",
        "type std|vector L76 in make_shape",
        "call std|sort(3) L77 in make_shape",
        "call ids|begin(0) L77 in make_shape",
        "call ids|end(0) L77 in make_shape",
        "type geo|Shape L78 in make_shape",
        "call geo|Polygon(0) L78 in make_shape",
        "type geo|Point L78 in make_shape",
        "call raw|area(0) L80 in make_shape",
        "type std|exception L81 in make_shape",
        "call unique_ptr(1) L84 in make_shape",
        "type geo|Shape L84 in make_shape",
        "call s|release(0) L84 in make_shape",
    ];
    assert_eq!(refs(&f), expected);
}

#[test]
fn shapes_imports() {
    let f = facts(Lang::Cpp, &fixture("cpp/shapes.cpp"));
    let expected = [
        "algorithm names=[] alias=None wildcard=false relative=false L2",
        "memory names=[] alias=None wildcard=false relative=false L3",
        "vector names=[] alias=None wildcard=false relative=false L4",
        "shapes/base.hpp names=[] alias=None wildcard=false relative=true L5",
        "std names=[] alias=None wildcard=true relative=false L7",
        "std names=[\"unique_ptr\"] alias=None wildcard=false relative=false L8",
        "std::filesystem names=[] alias=Some(\"fs\") wildcard=false relative=false L9",
    ];
    assert_eq!(imports(&f), expected);
}

#[test]
fn shapes_locals() {
    let f = facts(Lang::Cpp, &fixture("cpp/shapes.cpp"));
    let expected = [
        "x L16-16",
        "y L16-16",
        "o L17-17",
        "a L34-34",
        "b L34-34",
        "T L37-44",
        "N L37-44",
        "It L41-42",
        "v L48-48",
        "lo L48-48",
        "hi L48-48",
        "c L57-57",
        "T L61-68",
        "N L61-68",
        "sum L62-68",
        "p L62-68",
        "Args L72-85",
        "args L73-85",
        "s L73-85",
        "sorter L73-85",
        "a L75-75",
        "b L75-75",
        "ids L73-85",
        "raw L73-85",
        "err L73-85",
    ];
    assert_eq!(locals(&f), expected);
}

#[test]
fn shapes_details() {
    let f = facts(Lang::Cpp, &fixture("cpp/shapes.cpp"));
    assert_eq!(f.parse_errors, 0);
    assert!(!f.dynamic);
    let point = f.definitions.iter().find(|d| d.name == "Point").unwrap();
    assert_eq!(point.doc.as_deref(), Some("A 2D point."));
    assert_eq!(point.params, None);
    let area = f
        .definitions
        .iter()
        .find(|d| d.name == "area" && d.span.start_line == 61)
        .unwrap();
    assert_eq!(
        area.signature.as_deref(),
        Some("template <typename T, int N> double geo::Polygon<T, N>::area() const")
    );
    assert_eq!(area.name_span.start_line, 62);
    let clamp = f.definitions.iter().find(|d| d.name == "clamp").unwrap();
    let p = clamp.params.as_ref().unwrap();
    assert_eq!(p.list[1].type_text.as_deref(), Some("int"));
    assert!(p.list[1].has_default && !p.list[0].has_default);
}

#[test]
fn access_defaults_and_sections() {
    let src = b"class C { int a; public: int b; protected: void m(); };
struct S { int a; private: int b; };
union U { int i; float f; };
";
    let f = facts(Lang::Cpp, src);
    assert_eq!(
        defs(&f),
        [
            "class C public - L1-1",
            "field C.a private - L1-1",
            "field C.b public - L1-1",
            "method C.m protected () min=0 max=Some(0) L1-1",
            "struct S public - L2-2",
            "field S.a public - L2-2",
            "field S.b private - L2-2",
            "union U public - L3-3",
            "field U.i public - L3-3",
            "field U.f public - L3-3",
        ]
    );
}

#[test]
fn special_member_names() {
    let src = b"struct V {
    V();
    V(const V&) = default;
    ~V();
    V& operator=(V&& o) noexcept;
    bool operator()(int a, int b) const;
    explicit operator bool() const { return true; }
    void* operator new(unsigned long n);
};
V::V() {}
V::~V() {}
bool V::operator()(int a, int b) const { return a < b; }
";
    let f = facts(Lang::Cpp, src);
    let names: Vec<String> = f
        .definitions
        .iter()
        .map(|d| format!("{} {}", d.kind.name(), d.qualified_name()))
        .collect();
    assert_eq!(
        names,
        [
            "struct V",
            "method V.V",
            "method V.V",
            "method V.~V",
            "method V.operator=",
            "method V.operator()",
            "method V.operator bool",
            "method V.operator new",
            "method V.V",
            "method V.~V",
            "method V.operator()",
        ]
    );
}

#[test]
fn using_imports_and_uses() {
    let src = b"#include <iostream>
using namespace std::chrono;
using std::cout;
namespace io = boost::asio;
int main() {
    cout << std::endl;
    auto t = io::steady_timer(ctx);
    auto f = [](int x) { int y = x; return y; };
    return f(2);
}
";
    let f = facts(Lang::Cpp, src);
    assert_eq!(
        imports(&f),
        [
            "iostream names=[] alias=None wildcard=false relative=false L1",
            "std::chrono names=[] alias=None wildcard=true relative=false L2",
            "std names=[\"cout\"] alias=None wildcard=false relative=false L3",
            "boost::asio names=[] alias=Some(\"io\") wildcard=false relative=false L4",
        ]
    );
    assert_eq!(
        refs(&f),
        [
            "use cout L6 in main",
            "use std|endl L6 in main",
            "call io|steady_timer(1) L7 in main",
            "call f(1) L9 in main",
        ]
    );
    assert_eq!(
        defs(&f),
        ["function main public () min=0 max=Some(0) L5-10"]
    );
    assert_eq!(locals(&f), ["t L5-10", "f L5-10", "x L8-8", "y L8-8"]);
}

#[test]
fn syntax_errors_keep_surrounding_facts() {
    let src = b"namespace n { int before(int a) { return a; } }
class Broken { void f( ; int ; ] ;
int after(int b, int c = 2) { return n::before(b); }
";
    let f = facts(Lang::Cpp, src);
    assert!(f.parse_errors > 0);
    let names: Vec<_> = f.definitions.iter().map(|d| d.qualified_name()).collect();
    assert!(names.contains(&"n.before".to_string()), "{names:?}");
    assert!(names.iter().any(|n| n.ends_with("after")), "{names:?}");
    assert!(
        f.references
            .iter()
            .any(|r| r.name == "before" && r.qualifier.as_deref() == Some("n"))
    );
}

#[test]
fn invalid_utf8_keeps_facts() {
    let src = b"// \xff\xfe comment\nconst char* s = \"\xc3\x28\";\nnamespace a { int f(int x) { return g(x); } }\n";
    let f = facts(Lang::Cpp, src);
    assert_eq!(f.parse_errors, 0);
    assert_eq!(
        defs(&f),
        [
            "variable s public - L2-2",
            "module a public - L3-3",
            "function a.f public (x) min=1 max=Some(1) L3-3",
        ]
    );
    assert_eq!(refs(&f), ["call g(1) L3 in a.f"]);
}

/// Read the `code` strings of a JSON-lines file (minimal JSON string decoding).
fn jsonl_codes(path: &str) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .filter_map(|line| {
            let start = line.find("\"code\": \"")? + 9;
            let mut out = String::new();
            let mut chars = line[start..].chars();
            while let Some(c) = chars.next() {
                match c {
                    '"' => return Some(out),
                    '\\' => match chars.next()? {
                        'n' => out.push('\n'),
                        't' => out.push('\t'),
                        'r' => out.push('\r'),
                        'u' => {
                            let hex: String = chars.by_ref().take(4).collect();
                            out.push(
                                char::from_u32(u32::from_str_radix(&hex, 16).ok()?).unwrap_or('?'),
                            );
                        }
                        other => out.push(other),
                    },
                    c => out.push(c),
                }
            }
            None
        })
        .collect()
}

/// Parse every POJ-104 program with the C and the C++ grammar and report
/// parse error rates: `cargo test --release -p plumb-lang --test cpp poj104 -- --ignored --nocapture`.
#[test]
#[ignore]
fn poj104() {
    let path =
        std::env::var("PLUMB_POJ").unwrap_or("/work/shared/datasets/poj104/train.jsonl".into());
    let codes = jsonl_codes(&path);
    assert!(!codes.is_empty());
    for lang in [Lang::C, Lang::Cpp] {
        let t = std::time::Instant::now();
        let (mut bad, mut nerr, mut ndefs, mut no_main, mut bytes) = (0, 0u64, 0, 0, 0);
        for code in &codes {
            bytes += code.len();
            let f = facts(lang, code.as_bytes());
            bad += (f.parse_errors > 0) as usize;
            nerr += f.parse_errors as u64;
            ndefs += f.definitions.len();
            no_main += !f.definitions.iter().any(|d| d.name == "main") as usize;
        }
        let secs = t.elapsed().as_secs_f64();
        let adapter = plumb_lang::adapter_for_lang(lang);
        let t = std::time::Instant::now();
        let trees: Vec<_> = codes
            .iter()
            .map(|c| plumb_lang::parse(adapter, c.as_bytes()).unwrap())
            .collect();
        let parse = t.elapsed().as_secs_f64();
        let t = std::time::Instant::now();
        for (tree, c) in trees.iter().zip(&codes) {
            std::hint::black_box(adapter.extract(tree, c.as_bytes()));
        }
        let extract = t.elapsed().as_secs_f64();
        println!(
            "{lang:?}: {:.1} MB, parse {parse:.2} s, extract {extract:.2} s",
            bytes as f64 / 1e6
        );
        println!(
            "{lang:?}: {} programs, {bad} with parse errors ({:.2}%), {nerr} error nodes, {ndefs} defs, {no_main} without a main definition, {:.1} MB/s",
            codes.len(),
            100.0 * bad as f64 / codes.len() as f64,
            bytes as f64 / 1e6 / secs
        );
    }
}

#[test]
fn out_of_class_members() {
    let src = b"namespace ns { struct Shape { static int count; void draw(int n) const; }; }
int ns::Shape::count = 0;
void ns::Shape::draw(int n) const { this->paint(n); }
namespace ns { int helper(); }
int ns::helper() { return Shape::count; }
";
    let f = facts(Lang::Cpp, src);
    assert_eq!(
        defs(&f),
        [
            "module ns public - L1-1",
            "struct ns.Shape public - L1-1",
            "field ns.Shape.count public - L1-1",
            "method ns.Shape.draw public (n) min=1 max=Some(1) L1-1",
            "field ns.Shape.count public - L2-2",
            "method ns.Shape.draw public (n) min=1 max=Some(1) L3-3",
            "module ns public - L4-4",
            "function ns.helper public () min=0 max=Some(0) L4-4",
            "function ns.helper public () min=0 max=Some(0) L5-5",
        ]
    );
    assert_eq!(
        refs(&f),
        [
            "call this|paint(1) L3 in ns.Shape.draw",
            "use Shape|count L5 in ns.helper"
        ]
    );
}

//! Python adapter tests on a realistic fixture.

use plumb_facts::{FileFacts, Lang};
use plumb_lang::{adapter_for_lang, extract};

mod common;

use common::{defs_table, refs_table_with_keywords as refs_table};

fn facts(src: &[u8]) -> FileFacts {
    extract(adapter_for_lang(Lang::Python), src)
}

fn fixture() -> FileFacts {
    facts(include_bytes!("fixtures/python/sample.py"))
}

#[test]
fn definitions() {
    let f = fixture();
    assert_eq!(f.parse_errors, 0);
    assert_eq!(
        defs_table(&f),
        vec![
            "- __all__ variable public  L10-10",
            "- MAX_ITEMS constant public  L12-12",
            "- default_name variable public  L13-13",
            "- a variable public  L14-14",
            "- b variable public  L14-14",
            "- load function public (path, mode=…, *args, strict, **opts) L17-24",
            "- _exported function public (x, flag=…) L27-28",
            "- Color enum public  L31-33",
            "Color RED enum_variant public  L32-32",
            "Color _hidden field private  L33-33",
            "- Store class public (root, cache=…) L36-72",
            "Store kind field public  L39-39",
            "Store __init__ method public (self, root, cache=…) L41-44",
            "Store root field public  L42-42",
            "Store items field public  L43-43",
            "Store make method public (n) L46-48",
            "Store create method public (cls, *names) L50-52",
            "Store size method public (self) L54-56",
            "Store _walk method private (self, fn=…) L58-68",
            "Store._walk helper function public (q) L66-67",
            "Store Inner class public  L70-72",
            "Store.Inner deep method public (self) L71-72",
            "- _private function private () L75-77",
        ]
    );
    let load = &f.definitions[5];
    assert_eq!(
        load.doc.as_deref(),
        Some("Load a file.\n\nReturns the parsed data.")
    );
    assert_eq!(
        load.signature.as_deref(),
        Some("def load(path, /, mode=\"r\", *args, strict, **opts) -> dict")
    );
    assert_eq!(load.name_span.start_line, 17);
    assert_eq!(load.name_span.start_col, 5);
    let p = load.params.as_ref().unwrap();
    use plumb_facts::ParamKind::*;
    let kinds: Vec<_> = p.list.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        vec![
            PositionalOnly,
            Positional,
            VarPositional,
            KeywordOnly,
            VarKeyword
        ]
    );
    assert_eq!((p.min_positional(), p.max_positional()), (1, None));
    assert_eq!(p.required_keywords().collect::<Vec<_>>(), vec!["strict"]);
    let exported = &f.definitions[6];
    let ep = exported.params.as_ref().unwrap();
    assert_eq!(ep.list[0].type_text.as_deref(), Some("\"Store\""));
    assert_eq!((ep.min_positional(), ep.max_positional()), (1, Some(1)));
    assert_eq!(ep.list[1].kind, KeywordOnly);
    let store = &f.definitions[10];
    assert_eq!(store.doc.as_deref(), Some("A store."));
    assert_eq!(
        store.signature.as_deref(),
        Some("class Store(base.Base, metaclass=Meta)")
    );
    // Decorators belong to the definition's span.
    assert_eq!(f.definitions[15].span.start_line, 46);
    assert_eq!(f.definitions[15].name_span.start_line, 47);
    assert!(
        !f.definitions[15].params.as_ref().unwrap().has_receiver(),
        "a staticmethod has no receiver"
    );
}

#[test]
fn references() {
    let f = fixture();
    assert_eq!(
        refs_table(&f),
        vec![
            "L12 type int None []",
            "L17 type dict None []",
            "L22 call open Some(2) []",
            "L23 call json.load Some(1) [\"strict\"]",
            "L24 call data.items Some(0) []",
            "L27 type bool None []",
            "L28 call print Some(1) [] spread",
            "L28 call osp.join Some(2) []",
            "L28 use os.sep None []",
            "L31 type Enum None []",
            "L36 type base.Base None []",
            "L39 type str None []",
            "L43 call OD Some(0) []",
            "L46 call staticmethod Some(1) []",
            "L47 type int None []",
            "L48 call Store Some(1) []",
            "L50 call classmethod Some(1) []",
            "L52 call cls Some(0) [] spread",
            "L54 call property Some(1) []",
            "L56 call len Some(1) []",
            "L59 call enumerate Some(1) []",
            "L60 call fn Some(1) []",
            "L60 call fn(item).strip Some(0) []",
            "L60 call fn(item).strip().lower Some(0) []",
            "L64 call ValueError Some(1) []",
            "L72 call getattr Some(2) []",
            "L76 call defaultdict Some(1) []",
            "L77 use os.path.sep None []",
        ]
    );
    let join = f.references.iter().find(|r| r.name == "join").unwrap();
    assert_eq!(join.enclosing.as_deref(), Some("_exported"));
    assert_eq!(join.span.start_col, 15);
    assert!(f.dynamic, "getattr makes the file dynamic");
}

#[test]
fn imports() {
    let f = fixture();
    let got = common::imports_table_with_level(&f);
    assert_eq!(
        got,
        vec![
            "L2 os [] alias=None wild=false rel=false level=0",
            "L3 os.path [] alias=Some(\"osp\") wild=false rel=false level=0",
            "L3 json [] alias=None wild=false rel=false level=0",
            "L4 collections [OrderedDict as OD, defaultdict] alias=None wild=false rel=false level=0",
            "L5 core [base] alias=None wild=false rel=true level=2",
            "L6  [sibling] alias=None wild=false rel=true level=1",
            "L7 typing [] alias=None wild=true rel=false level=0",
            "L8 __future__ [annotations] alias=None wild=false rel=false level=0",
        ]
    );
}

#[test]
fn locals() {
    let f = fixture();
    let has = |name: &str, from: u32, to: u32| common::has_local(&f, name, from, to);
    assert!(has("fh", 17, 24), "with target");
    assert!(has("data", 17, 24), "assignment");
    assert!(
        has("k", 24, 24) && has("v", 24, 24),
        "comprehension variables"
    );
    assert!(has("e", 58, 58), "lambda parameter");
    assert!(has("i", 58, 68) && has("item", 58, 68), "loop targets");
    assert!(has("err", 58, 68), "except alias");
    assert!(has("helper", 58, 68), "nested function");
    assert!(has("self", 41, 44) && has("cache", 41, 44), "parameters");
    assert!(
        !f.locals.iter().any(|l| l.name == "default_name"),
        "module names are definitions"
    );
    // A repeated assignment binds once.
    assert_eq!(f.locals.iter().filter(|l| l.name == "data").count(), 1);
}

#[test]
fn syntax_error_keeps_facts_around_it() {
    let src = b"import os\n\ndef before(a):\n    return os.getcwd()\n\ndef broken(:\n    x = = 1\n\nclass After:\n    def m(self, k):\n        return before(k)\n";
    let f = facts(src);
    assert!(f.parse_errors > 0);
    let names = common::def_names(&f);
    assert!(names.contains(&"before"), "{names:?}");
    // tree-sitter's recovery swallows the `class After:` line into the error;
    // the method after it survives.
    assert!(names.contains(&"m"), "{names:?}");
    assert!(
        f.references
            .iter()
            .any(|r| r.name == "getcwd" && r.qualifier.as_deref() == Some("os"))
    );
    assert!(
        f.references
            .iter()
            .any(|r| r.name == "before" && r.span.start_line == 11)
    );
    assert_eq!(f.imports.len(), 1);
}

#[test]
fn invalid_utf8_keeps_facts() {
    let mut src = b"def f(x):\n    s = '".to_vec();
    src.extend_from_slice(&[0xff, 0xfe, 0xc3]);
    src.extend_from_slice(b"'\n    # \xff comment\n    return g(x)\n\nclass K:\n    pass\n");
    let f = facts(&src);
    let names = common::def_names(&f);
    assert_eq!(names, vec!["f", "K"]);
    assert!(common::has_call(&f, "g", 1));
}

#[test]
fn all_list_and_private_names() {
    let src = b"__all__ = ('_shown',)\n__all__ += ['_more']\ndef _shown(): pass\ndef _more(): pass\ndef _hidden(): pass\ndef __dunder__(): pass\ndef __mangled(): pass\n";
    let f = facts(src);
    let vis: Vec<(&str, &str)> = f
        .definitions
        .iter()
        .map(|d| (d.name.as_str(), d.visibility.name()))
        .collect();
    assert_eq!(
        vis,
        vec![
            ("__all__", "public"),
            ("_shown", "public"),
            ("_more", "public"),
            ("_hidden", "private"),
            ("__dunder__", "public"),
            ("__mangled", "private"),
        ]
    );
    assert!(!f.dynamic);
}

/// Print the facts of the file named by `PLUMB_DUMP` (debugging aid).
#[test]
#[ignore]
fn dump() {
    let path = std::env::var("PLUMB_DUMP").unwrap();
    common::dump(&facts(&std::fs::read(path).unwrap()));
}

/// Extract every file of the CPython stdlib (or `PLUMB_PY_DIR`), single
/// thread, and print throughput. Run with `--release --ignored`.
#[test]
#[ignore]
fn throughput_stdlib() {
    let dir = std::env::var("PLUMB_PY_DIR")
        .unwrap_or_else(|_| "/root/.pyenv/versions/3.11.7/lib/python3.11".to_string());
    let srcs = common::read_sources(&common::source_files(std::path::Path::new(&dir), &["py"]));
    let bytes: usize = srcs.iter().map(|s| s.len()).sum();
    let lines: usize = srcs
        .iter()
        .map(|s| s.iter().filter(|b| **b == b'\n').count())
        .sum();
    let adapter = adapter_for_lang(Lang::Python);
    let (mut defs, mut refs, mut errs) = (0, 0, 0);
    let (mut tp, mut te) = (0f64, 0f64);
    for s in &srcs {
        let t0 = std::time::Instant::now();
        let tree = plumb_lang::parse(adapter, s).unwrap();
        tp += t0.elapsed().as_secs_f64();
        let t1 = std::time::Instant::now();
        let mut f = adapter.extract(&tree, s);
        f.assign_enclosing();
        te += t1.elapsed().as_secs_f64();
        common::assert_plausible_names(&f);
        defs += f.definitions.len();
        refs += f.references.len();
        errs += (f.parse_errors > 0) as usize;
    }
    let t = tp + te;
    println!(
        "parse {tp:.2}s, extract {te:.2}s ({:.0}% of parse)",
        100.0 * te / tp
    );
    println!(
        "{} files, {:.1} MB, {} lines in {:.2}s: {:.2} MB/s, {:.0} lines/s; {} defs, {} refs, {} files with errors",
        srcs.len(),
        bytes as f64 / 1e6,
        lines,
        t,
        bytes as f64 / 1e6 / t,
        lines as f64 / t,
        defs,
        refs,
        errs
    );
}

#[test]
fn match_statement_bindings_and_class_patterns() {
    let src = b"def handle(cmd):\n    match cmd:\n        case Point(x=0, y=yy):\n            return yy\n        case [first, *rest]:\n            return first\n        case shapes.Circle(r):\n            return r\n        case Color.RED | other:\n            return other\n";
    let f = facts(src);
    let locals: Vec<&str> = f.locals.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(locals, vec!["cmd", "yy", "first", "rest", "r", "other"]);
    assert_eq!(
        refs_table(&f),
        vec!["L3 type Point None []", "L7 type shapes.Circle None []"]
    );
}

#[test]
fn node_classes_fixed_for_python() {
    use plumb_lang::NodeClass;
    let a = adapter_for_lang(Lang::Python);
    assert_eq!(a.node_class("subscript"), NodeClass::Index);
    assert_eq!(a.node_class("lambda_parameters"), NodeClass::Parameter);
    assert_eq!(a.node_class("lambda"), NodeClass::Lambda);
    assert_eq!(a.node_class("dictionary_splat"), NodeClass::Other);
    assert_eq!(a.node_class("function_definition"), NodeClass::Function);
}

#[test]
fn deep_nesting_does_not_overflow() {
    let n = 20_000;
    let mut src = b"x = ".to_vec();
    src.extend(std::iter::repeat_n(b'(', n));
    src.push(b'1');
    src.extend(std::iter::repeat_n(b')', n));
    src.extend_from_slice(b"\ny = f(");
    src.extend(std::iter::repeat_n(b"g(".as_slice(), 3000).flatten());
    src.extend(std::iter::repeat_n(b')', 3001));
    src.extend_from_slice(b"\nz = a");
    src.extend(std::iter::repeat_n(b" + a".as_slice(), 50_000).flatten());
    src.extend_from_slice(b"\ndef after(): pass\n");
    let f = facts(&src);
    assert!(f.definitions.iter().any(|d| d.name == "after"));
}

#[test]
fn deep_targets_do_not_overflow() {
    let n = 20_000;
    for prefix in [&b""[..], &b"def f():\n    "[..]] {
        let mut src = prefix.to_vec();
        src.extend(std::iter::repeat_n(b'(', n));
        src.push(b'a');
        src.extend(std::iter::repeat_n(b",)".as_slice(), n).flatten());
        src.extend_from_slice(b" = v\ndef after(): pass\n");
        let f = facts(&src);
        assert!(f.definitions.iter().any(|d| d.name == "after"));
    }
}

#[test]
fn module_level_lambda_is_a_function() {
    let f = facts(b"square = lambda x, y=2: x * y\nclass K:\n    key = lambda self: 1\n");
    let d = &f.definitions[0];
    assert_eq!((d.name.as_str(), d.kind.name()), ("square", "function"));
    let p = d.params.as_ref().unwrap();
    assert_eq!(
        (p.summary().as_str(), p.min_positional(), p.max_positional()),
        ("(x, y=…)", 1, Some(2))
    );
    assert_eq!(d.signature.as_deref(), Some("square = lambda x, y=2"));
    assert_eq!(
        f.definitions[2].kind.name(),
        "field",
        "class-level lambdas stay fields"
    );
}

//! JavaScript adapter tests on a realistic fixture.

use plumb_facts::{FileFacts, Lang};
use plumb_lang::{adapter_for_lang, extract};

mod common;

use common::{defs_table, has_local, imports_table, refs_table};

fn facts(src: &[u8]) -> FileFacts {
    extract(adapter_for_lang(Lang::JavaScript), src)
}

fn fixture() -> FileFacts {
    facts(include_bytes!("fixtures/javascript/sample.js"))
}

#[test]
fn definitions() {
    let f = fixture();
    assert_eq!(f.parse_errors, 0);
    assert_eq!(
        defs_table(&f),
        vec![
            "- MAX_RETRIES constant private  L9-9",
            "- counter variable private  L10-10",
            "- legacy variable private  L11-11",
            "- loadConfig function public (file, options=…, *rest) L16-27",
            "- square function private (x) L30-30",
            "- cube function public (y) L31-33",
            "- half function private (n) L34-34",
            "- Store class public (root, opts) L36-57",
            "Store #secret field private  L37-37",
            "Store count field public  L38-38",
            "Store onChange method public (evt) L39-39",
            "Store constructor method public (root, opts) L41-44",
            "Store root field public  L43-43",
            "Store size method public () L46-48",
            "Store create method public (*args) L50-52",
            "Store #hidden method private () L54-56",
            "- Internal class private  L59-59",
            "- outer function public () L61-67",
            "outer inner function private (a, b) L62-64",
            "- build function public (target) L69-71",
            "- VERSION variable public  L72-72",
            "Store reset method public () L73-75",
            // `Internal.prototype.tag = 'x'`: a member whose value is no function.
            "Internal tag variable public  L76-76",
            "- loader function private () L78-78",
        ]
    );
    assert_eq!(
        f.definitions.iter().filter(|d| d.name == "count").count(),
        1,
        "a field is defined once"
    );
    let load = &f.definitions[3];
    assert_eq!(load.doc.as_deref(), Some("Load a config file."));
    assert_eq!(
        load.signature.as_deref(),
        Some("function loadConfig(file, options = {}, ...rest)")
    );
    assert_eq!(
        load.span.start_line, 16,
        "the export keyword starts the span"
    );
    assert_eq!(
        (load.name_span.start_line, load.name_span.start_col),
        (16, 17)
    );
    let p = load.params.as_ref().unwrap();
    assert_eq!((p.min_positional(), p.max_positional()), (1, None));
    assert_eq!(f.definitions[4].doc.as_deref(), Some("Squares a number."));
}

#[test]
fn references() {
    let f = fixture();
    assert_eq!(
        refs_table(&f),
        vec![
            "L17 call fs.readFileSync Some(2)",
            "L17 call path.join Some(2)",
            "L18 call text.split Some(1)",
            "L22 call JSON.parse Some(1)",
            "L24 call console.error Some(1) spread",
            "L32 call square Some(1)",
            "L36 type Base None",
            "L39 call this.emit Some(2)",
            "L51 call Store Some(0) spread",
            "L55 call path.Parser Some(0)",
            "L65 call inner Some(2)",
            "L70 call resolve Some(1)",
        ]
    );
    assert_eq!(f.references[6].enclosing.as_deref(), Some("Store"));
    assert_eq!(f.references[10].enclosing.as_deref(), Some("outer"));
    assert!(!f.dynamic, "require(name) and obj[key]() bind no new name");
}

#[test]
fn imports() {
    let f = fixture();
    assert_eq!(
        imports_table(&f),
        vec![
            "L1 react [default as React, useState as useLocalState, useEffect] alias=None wild=false rel=false",
            "L2 node:path [] alias=Some(\"path\") wild=false rel=false",
            "L3 ./side-effect.css [] alias=None wild=false rel=true",
            "L4 ./helpers [helper as publicHelper] alias=None wild=false rel=true",
            "L5 ../shared [] alias=None wild=true rel=true",
            "L6 fs [] alias=Some(\"fs\") wild=false rel=false",
            "L7 path [join, resolve as res] alias=None wild=false rel=false",
            "L78 ./lazy [] alias=None wild=false rel=true",
        ]
    );
}

#[test]
fn locals() {
    let f = fixture();
    assert!(
        has_local(&f, "file", 16, 27) && has_local(&f, "rest", 16, 27),
        "parameters"
    );
    assert!(has_local(&f, "text", 16, 27), "const in a function");
    assert!(has_local(&f, "line", 16, 27), "for-of variable");
    assert!(has_local(&f, "err", 23, 26), "catch parameter");
    assert!(has_local(&f, "x", 30, 30), "arrow parameter");
    assert!(has_local(&f, "inner", 61, 67) && has_local(&f, "local", 61, 67));
    assert!(!f.locals.iter().any(|l| l.name == "MAX_RETRIES"));
}

#[test]
fn uses_of_imported_names() {
    let src = b"import React from 'react';\nimport * as fmt from './fmt';\nconst el = <React.Fragment>{fmt.pad}</React.Fragment>;\nexport const x = [fmt, fmt.width];\n";
    let f = facts(src);
    let got = refs_table(&f);
    assert_eq!(
        got,
        vec![
            "L3 use React.Fragment None",
            "L3 use fmt.pad None",
            "L3 use React.Fragment None",
            "L4 use fmt None",
            "L4 use fmt.width None",
        ]
    );
}

#[test]
fn syntax_error_keeps_facts_around_it() {
    let src = b"function before(a) { return a; }\nconst broken = (;\nfunction after(b, c) { return before(b); }\n";
    let f = facts(src);
    assert!(f.parse_errors > 0);
    let names = common::def_names(&f);
    assert!(
        names.contains(&"before") && names.contains(&"after"),
        "{names:?}"
    );
    assert!(
        f.references
            .iter()
            .any(|r| r.name == "before" && r.span.start_line == 3)
    );
}

#[test]
fn invalid_utf8_keeps_facts() {
    let mut src = b"const s = '".to_vec();
    src.extend_from_slice(&[0xff, 0xfe]);
    src.extend_from_slice(b"';\n// \xc3 comment\nexport function f(a) { return g(a); }\n");
    let f = facts(&src);
    let names = common::def_names(&f);
    assert_eq!(names, vec!["s", "f"]);
    assert!(common::has_call(&f, "g", 1));
}

/// Print the facts of the file named by `PLUMB_DUMP` (debugging aid).
#[test]
#[ignore]
fn dump() {
    let path = std::env::var("PLUMB_DUMP").unwrap();
    let lang = if path.ends_with(".tsx") {
        Lang::Tsx
    } else if path.ends_with(".ts") {
        Lang::TypeScript
    } else {
        Lang::JavaScript
    };
    common::dump(&extract(
        adapter_for_lang(lang),
        &std::fs::read(path).unwrap(),
    ));
}

/// Extract every JS/TS file under `PLUMB_JS_DIR` (default: the global npm
/// modules), single thread, and print throughput. Run with `--release --ignored`.
#[test]
#[ignore]
fn throughput() {
    let dir = std::env::var("PLUMB_JS_DIR").unwrap_or_else(|_| "/usr/lib/node_modules".into());
    let files = common::source_files(
        std::path::Path::new(&dir),
        &["js", "mjs", "cjs", "jsx", "ts", "tsx"],
    );
    let srcs: Vec<(std::path::PathBuf, Vec<u8>)> = files
        .into_iter()
        .filter_map(|p| std::fs::read(&p).ok().map(|s| (p, s)))
        .collect();
    let bytes: usize = srcs.iter().map(|s| s.1.len()).sum();
    let start = std::time::Instant::now();
    let (mut defs, mut refs, mut errs) = (0, 0, 0);
    for (p, s) in &srcs {
        let a = plumb_lang::adapter_for_path(p).unwrap();
        let f = extract(a, s);
        common::assert_plausible_names(&f);
        defs += f.definitions.len();
        refs += f.references.len();
        errs += (f.parse_errors > 0) as usize;
    }
    let t = start.elapsed().as_secs_f64();
    let (mut tp, mut te) = (0f64, 0f64);
    let mut worst: Vec<(f64, &std::path::PathBuf)> = Vec::new();
    for (p, s) in &srcs {
        let a = plumb_lang::adapter_for_path(p).unwrap();
        let t0 = std::time::Instant::now();
        let tree = plumb_lang::parse(a, s).unwrap();
        tp += t0.elapsed().as_secs_f64();
        let t1 = std::time::Instant::now();
        let _ = a.extract(&tree, s);
        let x = t1.elapsed().as_secs_f64();
        te += x;
        worst.push((x, p));
    }
    worst.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap());
    println!(
        "parse {tp:.2}s, extract {te:.2}s; slowest extracts: {:?}",
        &worst[..worst.len().min(3)]
    );
    println!(
        "{} files, {:.1} MB in {:.2}s: {:.2} MB/s; {} defs, {} refs, {} files with errors",
        srcs.len(),
        bytes as f64 / 1e6,
        t,
        bytes as f64 / 1e6 / t,
        defs,
        refs,
        errs
    );
}

#[test]
fn node_classes_fixed_for_js() {
    use plumb_lang::NodeClass;
    for lang in [Lang::JavaScript, Lang::TypeScript, Lang::Tsx] {
        let a = adapter_for_lang(lang);
        assert_eq!(a.node_class("function_expression"), NodeClass::Lambda);
        assert_eq!(a.node_class("switch_case"), NodeClass::Case);
        assert_eq!(a.node_class("class_body"), NodeClass::Block);
        assert_eq!(a.node_class("class_declaration"), NodeClass::Class);
        assert_eq!(a.node_class("call_expression"), NodeClass::Call);
    }
}

#[test]
fn arguments_object_makes_a_function_variadic() {
    let src = b"function sum() {\n  let t = 0;\n  for (const x of arguments) t += x;\n  return t;\n}\nfunction fixed(a) { const g = function () { return arguments[0]; }; return a; }\nclass K { m(a) { return arguments.length; } }\n";
    let f = facts(src);
    let summary = |n: &str| {
        f.definitions
            .iter()
            .find(|d| d.name == n)
            .and_then(|d| d.params.as_ref())
            .map(|p| (p.summary(), p.max_positional()))
            .unwrap()
    };
    assert_eq!(summary("sum"), ("(*arguments)".to_string(), None));
    assert_eq!(summary("fixed"), ("(a)".to_string(), Some(1)));
    assert_eq!(summary("m"), ("(a, *arguments)".to_string(), None));
}

#[test]
fn deep_nesting_does_not_overflow() {
    let n = 20_000;
    let mut src = b"const [".to_vec();
    src.extend(std::iter::repeat_n(b'[', n));
    src.push(b'a');
    src.extend(std::iter::repeat_n(b']', n));
    src.extend_from_slice(b"] = v;\nconst y = f(");
    src.extend(std::iter::repeat_n(b"g(".as_slice(), 3000).flatten());
    src.extend(std::iter::repeat_n(b')', 3001));
    src.extend_from_slice(b";\nconst z = a");
    src.extend(std::iter::repeat_n(b" + a".as_slice(), 50_000).flatten());
    src.extend_from_slice(b";\nfunction after() {}\n");
    let f = facts(&src);
    assert!(f.definitions.iter().any(|d| d.name == "after"));
}

#[test]
fn dynamic_means_names_made_at_run_time() {
    let plain = facts(
        b"import {a} from './a';\nconst k = 'x';\nobj[k]();\nhandlers[name](1, 2);\nimport('./' + k);\nconst F = new Function('a', 'return a');\n",
    );
    assert!(
        !plain.dynamic,
        "computed calls and imports name no new binding"
    );
    // Computed exports open the module's exports (the checker reads those
    // from the text), not the file's bare names.
    for src in [
        "for (const n of names) exports[n] = make(n);\n",
        "module.exports[util.inspect.custom] = module.exports.inspect;\n",
        // Reading a name through `eval` binds none (bottleneck hides its
        // optional `require` from bundlers so).
        "const Redis = eval(\"require\")(\"redis\");\n",
        "const g = eval('globalThis.process');\n",
    ] {
        assert!(!facts(src.as_bytes()).dynamic, "{src}");
    }
    for src in [
        "with (scope) { run(); }\n",
        "eval('f()');\n",
        "eval('var x = 1');\n",
        "eval(src);\n",
        "globalThis[key] = value;\n",
        "window[name] = fn;\n",
    ] {
        assert!(facts(src.as_bytes()).dynamic, "{src}");
    }
}

#[test]
fn this_is_rebound_by_plain_functions_and_object_methods() {
    let src = b"class A {\n  m() {\n    const arrow = () => this.n();\n    list.forEach(function () { this.n(); });\n    const o = { k() { return this.n(); } };\n    return class { z() { this.q(); } };\n  }\n  n() {}\n}\n";
    let f = facts(src);
    let this_at = |line: u32| {
        let r = f
            .references
            .iter()
            .find(|r| r.span.start_line == line && r.qualifier.as_deref() == Some("this"))
            .unwrap();
        f.locals.iter().any(|l| {
            l.name == "this"
                && l.scope.start_byte <= r.span.start_byte
                && r.span.end_byte <= l.scope.end_byte
        })
    };
    assert!(!this_at(3), "an arrow keeps the method's this");
    assert!(this_at(4), "a function expression has its own this");
    assert!(this_at(5), "an object-literal method's this is the object");
    assert!(this_at(6), "an anonymous class has its own this");
    assert!(
        f.locals
            .iter()
            .all(|l| l.name != "this" || l.scope.start_line != 2),
        "a class method does not rebind this"
    );
}

#[test]
fn members_assigned_through_a_prototype_alias_are_methods() {
    // acorn: `const pp = Parser.prototype` at the top of each file, then
    // `pp.parseX = function …`; a name bound twice to different things, or
    // to anything but a prototype, is no alias.
    let src = b"import {Parser} from './state.js'\nconst pp = Parser.prototype\nvar other = Parser.prototype\nvar other = Lexer.prototype\nconst plain = Parser\npp.parseTop = function (node) {\n  return this.next()\n}\npp.flag = true\nplain.helper = function () {}\nother.nope = function () {}\nParser.prototype['parseOld'] = function () {}\npp['parseKeyed'] = function () {}\npp[computed] = function () {}\n";
    let f = facts(src);
    let m = common::def(&f, "Parser.parseTop");
    assert_eq!(m.kind, plumb_facts::DefKind::Method);
    assert_eq!(
        common::def(&f, "Parser.flag").kind,
        plumb_facts::DefKind::Variable
    );
    // Under a plain string key too (mysql's packet handlers).
    assert_eq!(
        common::def(&f, "Parser.parseOld").kind,
        plumb_facts::DefKind::Method
    );
    assert_eq!(
        common::def(&f, "Parser.parseKeyed").kind,
        plumb_facts::DefKind::Method
    );
    assert!(!f.definitions.iter().any(|d| d.name == "computed"));
    assert!(
        f.locals
            .iter()
            .all(|l| l.name != "this" || l.scope.start_line != 6),
        "a method assigned through the alias runs with this a Parser"
    );
    assert!(
        !f.definitions
            .iter()
            .any(|d| d.name == "helper" || d.name == "nope"),
        "{:?}",
        common::def_names(&f)
    );
}

#[test]
fn the_literal_a_base_is_extended_with_defines_the_new_class() {
    // Backbone and bookshelf: `const Model = Base.extend({…}, {…})`; the
    // first literal holds instance methods (`this` a Model), the second
    // statics. Anything but a literal or a variable's value is no class.
    let src = b"const Model = Base.extend({\n  fetch(options) {\n    return this.sync(options);\n  },\n  save: function (attrs) {\n    return attrs;\n  }\n}, {\n  forge() {}\n});\nconst merged = $.extend({ a() {} }, defaults);\nfunction f() {\n  const Local = Base.extend({ b() {} });\n}\n";
    let f = facts(src);
    assert_eq!(
        common::def(&f, "Model.fetch").kind,
        plumb_facts::DefKind::Method
    );
    assert_eq!(
        common::def(&f, "Model.save").kind,
        plumb_facts::DefKind::Method
    );
    assert!(
        f.locals
            .iter()
            .all(|l| l.name != "this" || l.scope.start_line != 2),
        "fetch runs with this a Model"
    );
    assert!(
        !f.definitions
            .iter()
            .any(|d| d.name == "forge" || d.name == "a" || d.name == "b"),
        "{:?}",
        common::def_names(&f)
    );
    // The call is still a call of `Base.extend`, with its two arguments.
    let call = f.references.iter().find(|r| r.name == "extend").unwrap();
    assert_eq!(call.qualifier.as_deref(), Some("Base"));
    assert_eq!(call.arg_count, Some(2));
}

#[test]
fn a_member_hung_on_an_undeclared_global_is_its_static() {
    // A polyfill (`Object.deepFreeze = function`) or a jQuery plugin
    // (`$.tooltip = …`) adds to a global the module does not declare; a
    // member of a name the module declares or imports is not recorded.
    let src = b"import cfg from './cfg';\nvar ns = {};\nObject.deepFreeze = function (o) {\n  return o;\n};\nif (!Math.clamp) {\n  Math.clamp = (x) => x;\n}\nns.helper = function () {};\ncfg.debug = true;\nfunction f() {\n  Local.inner = 1;\n}\n";
    let f = facts(src);
    assert_eq!(
        common::def(&f, "Object.deepFreeze").kind,
        plumb_facts::DefKind::Function
    );
    assert_eq!(
        common::def(&f, "Math.clamp").kind,
        plumb_facts::DefKind::Function
    );
    assert!(
        !f.definitions
            .iter()
            .any(|d| d.name == "helper" || d.name == "debug" || d.name == "inner"),
        "{:?}",
        common::def_names(&f)
    );
}

#[test]
fn statics_of_a_constructor_bound_to_a_variable_are_its_functions() {
    // cytoscape: `let Style = function (cy) {…}; Style.fromJson = function`.
    let src = b"let Style = function (cy) {\n  this.cy = cy;\n};\nStyle.fromJson = function (cy, json) {\n  return new Style(cy);\n};\nconst helpers = {};\nhelpers.pick = function () {};\n";
    let f = facts(src);
    let d = common::def(&f, "Style.fromJson");
    assert_eq!(d.kind, plumb_facts::DefKind::Function);
    assert_eq!(d.params.as_ref().map(|p| p.list.len()), Some(2));
    assert!(
        !f.definitions.iter().any(|d| d.name == "pick"),
        "{:?}",
        common::def_names(&f)
    );
}

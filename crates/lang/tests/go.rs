//! Exact facts the Go adapter extracts from a realistic fixture.

use plumb_facts::{FileFacts, Lang};

mod common;

use common::{def_line, local_lines, ref_line};

fn facts(src: &[u8]) -> FileFacts {
    common::facts(Lang::Go, src)
}

fn fixture() -> FileFacts {
    facts(include_bytes!("fixtures/go/cache.go"))
}

#[test]
fn definitions() {
    let f = fixture();
    let got: Vec<String> = f.definitions.iter().map(def_line).collect();
    let want = [
        "2 module cache public -",
        "17 constant DefaultSize public -",
        "20 constant minSize private -",
        "22 constant MaxSize public -",
        "22 constant hardLimit private -",
        "25 variable ErrMissing public -",
        "28 struct Entry public -",
        "29 field Entry.Key public -",
        "30 field Entry.value private -",
        "31 field Entry.expires private -",
        "32 field Entry.Mutex public -",
        "33 field Entry.meta private -",
        "39 interface Store public -",
        "41 method Store.Get public (key) 1..1",
        "42 method Store.Put public (key, data, *ttl) 2..*",
        "46 type_alias Key public -",
        "48 type_alias evictFunc private -",
        "51 struct Cache public -",
        "52 field Cache.mu private -",
        "53 field Cache.items private -",
        "54 field Cache.order private -",
        "55 field Cache.size private -",
        "59 function New public (size, *opts) 1..*",
        "71 method Cache.Get public (c, key) 1..1",
        "87 method Cache.evict private (c, n, *keys) 1..*",
        "100 method Store.unused private (_) 0..0",
        "102 function describe private (s, timeout) 2..2",
    ];
    assert_eq!(got, want);
    let get = |q: &str| common::def(&f, q);
    assert_eq!(
        get("cache").doc.as_deref(),
        Some("Package cache provides a small LRU cache with expiry.")
    );
    assert_eq!(
        get("MaxSize").doc.as_deref(),
        Some("MaxSize caps every cache.")
    );
    assert_eq!(get("Store.Get").doc.as_deref(), Some("Get loads a value."));
    assert_eq!(get("Cache").doc.as_deref(), Some("Cache is an LRU cache."));
    assert_eq!(
        get("Cache.Get").signature.as_deref(),
        Some("func (c *Cache[V]) Get(key string) (V, bool)")
    );
    let recv = &get("Cache.evict").params.as_ref().unwrap().list[0];
    assert_eq!(recv.kind, plumb_facts::ParamKind::Receiver);
    assert_eq!(recv.type_text.as_deref(), Some("*Cache[V]"));
    assert_eq!(f.parse_errors, 0);
    assert!(!f.dynamic);
}

#[test]
fn references() {
    let f = fixture();
    let got: Vec<String> = f.references.iter().map(ref_line).collect();
    let want = [
        "25 call fmt | Errorf 1",
        "31 type time | Time -",
        "32 type sync | Mutex -",
        "42 type time | Duration -",
        "43 type fmt | Stringer -",
        "52 type sync | RWMutex -",
        "53 type list | Element -",
        "54 type list | List -",
        "59 type - | Cache -",
        "59 type - | Cache -",
        "63 call - | Cache -",
        "63 call - | make 1",
        "63 type list | Element -",
        "63 call list | New 0",
        "65 call - | opt 1",
        "71 type - | Cache -",
        "72 call c.mu | RLock 0",
        "73 call c.mu | RUnlock 0",
        "79 type - | Entry -",
        "80 call time | Now 0",
        "80 call time.Now() | After 1",
        "83 call c.order | MoveToFront 1",
        "87 type - | Cache -",
        "89 call c.order | Back 0",
        "91 type - | Entry -",
        "92 call - | delete 2",
        "94 call - | panic 1",
        "94 call fmt | Sprintf 2",
        "97 call - | append 2",
        "97 call str | ToLower 1",
        "100 type - | Store -",
        "102 type - | Store -",
        "102 type time | Duration -",
        "103 call - | make 2",
        "105 call str | TrimSpace 1",
        "106 call s | String 0",
        "109 call fmt | Sprint 2",
        "109 call - | Sqrt 1",
        "109 use yaml | Marshal -",
        "110 call time | After 1",
        "111 use time | Second -",
        "111 call time.Second | String 0",
    ];
    assert_eq!(got, want);
    let sprintf = f.references.iter().find(|r| r.name == "Sprintf").unwrap();
    assert_eq!(sprintf.enclosing.as_deref(), Some("Cache.evict"));
}

#[test]
fn imports() {
    let f = fixture();
    let got: Vec<String> = f
        .imports
        .iter()
        .map(|i| {
            format!(
                "{} {} alias={} wildcard={}",
                i.span.start_line,
                i.module,
                i.alias.as_deref().unwrap_or("-"),
                i.wildcard
            )
        })
        .collect();
    let want = [
        "5 container/list alias=- wildcard=false",
        "6 fmt alias=- wildcard=false",
        "7 strings alias=str wildcard=false",
        "8 sync alias=- wildcard=false",
        "9 time alias=- wildcard=false",
        "11 embed alias=_ wildcard=false",
        "12 math alias=- wildcard=true",
        "13 gopkg.in/yaml.v3 alias=- wildcard=false",
    ];
    assert_eq!(got, want);
    assert!(f.imports.iter().all(|i| !i.relative && i.names.is_empty()));
}

#[test]
fn locals() {
    let f = fixture();
    let got: Vec<String> = local_lines(&f);
    let want = [
        "V 28-36",
        "V 51-56",
        "V 59-68",
        "size 59-68",
        "opts 59-68",
        "c 59-68",
        "opt 64-66",
        "c 71-85",
        "V 71-85",
        "key 71-85",
        "zero 71-85",
        "el 71-85",
        "ok 71-85",
        "e 71-85",
        "c 87-98",
        "V 87-98",
        "n 87-98",
        "keys 87-98",
        "i 88-96",
        "back 88-96",
        "v 90-95",
        "s 102-113",
        "timeout 102-113",
        "done 102-113",
        "name 104-106",
        "msg 102-113",
    ];
    assert_eq!(got, want);
    assert!(
        !f.definitions
            .iter()
            .any(|d| d.name == "zero" || d.name == "done"),
        "locals are not definitions"
    );
}

#[test]
fn named_results_are_locals_of_the_function() {
    let src = b"package p\n\nfunc f(a int) (n int, err error) {\n\treturn\n}\n\nvar g = func() (ok bool) { return }\n\nfunc h() (int, error) { return 0, nil }\n";
    let f = facts(src);
    assert_eq!(local_lines(&f), ["a 3-5", "n 3-5", "err 3-5", "ok 7-7"]);
    let p = f.definitions.iter().find(|d| d.name == "f").unwrap();
    assert_eq!(
        p.params.as_ref().unwrap().list.len(),
        1,
        "results are not parameters"
    );
}

#[test]
fn if_and_switch_initializers_bind_in_their_statement() {
    let src = b"package p\n\nfunc f() {\n\tif v, ok := g(); ok {\n\t\t_ = v\n\t}\n\tswitch n := h(); n {\n\t}\n\tswitch t := x.(type) {\n\t}\n\tw := 1\n\t_ = w\n}\n";
    let f = facts(src);
    assert_eq!(
        local_lines(&f),
        ["v 4-6", "ok 4-6", "n 7-8", "t 9-10", "w 3-13"]
    );
}

#[test]
fn spread_arguments_and_reflection() {
    let f = facts(b"package p\n\nimport \"reflect\"\n\nfunc f(xs ...int) { g(1, xs...); _ = reflect.TypeOf(xs) }\n");
    let g = f.references.iter().find(|r| r.name == "g").unwrap();
    assert_eq!((g.arg_count, g.has_spread), (Some(2), true));
    assert!(f.dynamic, "reflect makes names appear at run time");
}

#[test]
fn syntax_errors_keep_surrounding_facts() {
    let src = b"package p\n\nfunc Before(a int) int { return helper(a) }\n\nfunc broken( {\n\tx := \n}\n\ntype After struct { V int }\n";
    let f = facts(src);
    assert!(f.parse_errors > 0);
    let names = common::def_names(&f);
    assert!(names.contains(&"Before"), "{names:?}");
    assert!(names.contains(&"After"), "{names:?}");
    assert!(common::has_call(&f, "helper", 1));
}

#[test]
fn invalid_utf8_keeps_facts() {
    let src = b"package p\n\n// A says \xff\xfe hi.\nfunc A() string { return \"\xc3\x28\" }\n\nfunc B() { A() }\n";
    let f = facts(src);
    let names = common::def_names(&f);
    assert_eq!(names, ["p", "A", "B"]);
    assert!(
        f.definitions[1]
            .doc
            .as_deref()
            .unwrap()
            .starts_with("A says")
    );
    assert!(common::has_call(&f, "A", 0));
}

/// Crash check and throughput over real Go code (release build):
/// `PLUMB_GO_SRC=/path cargo test --release -p plumb-lang --test go -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput_over_real_code() {
    let root = std::env::var("PLUMB_GO_SRC").unwrap_or_else(|_| "/tmp/realcode/go".into());
    let srcs = common::read_sources(&common::source_files(std::path::Path::new(&root), &["go"]));
    common::cpu_throughput(Lang::Go, &srcs, common::rounds_for(&srcs), |f| {
        if f.parse_errors == 0 {
            assert!(
                f.definitions
                    .iter()
                    .any(|d| d.kind == plumb_facts::DefKind::Module)
            );
        }
    });
}

#[test]
fn node_classes_where_the_generic_rules_misread_the_grammar() {
    use plumb_lang::NodeClass;
    let a = plumb_lang::adapter_for_lang(Lang::Go);
    let cases = [
        ("parameter_declaration", NodeClass::Parameter),
        ("composite_literal", NodeClass::CollectionLit),
        ("slice_type", NodeClass::Type),
        ("expression_case", NodeClass::Case),
        ("type_switch_statement", NodeClass::Switch),
        ("func_literal", NodeClass::Lambda),
        ("method_declaration", NodeClass::Function),
        ("statement_list", NodeClass::Transparent),
    ];
    for (kind, class) in cases {
        assert_eq!(a.node_class(kind), class, "{kind}");
    }
}

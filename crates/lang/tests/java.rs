//! Exact facts the Java adapter extracts from a realistic fixture.

use plumb_facts::{FileFacts, Lang};

mod common;

use common::{def_line, local_lines, ref_line};

fn facts(src: &[u8]) -> FileFacts {
    common::facts(Lang::Java, src)
}

fn fixture() -> FileFacts {
    facts(include_bytes!("fixtures/java/Inventory.java"))
}

#[test]
fn definitions() {
    let f = fixture();
    let got: Vec<String> = f.definitions.iter().map(def_line).collect();
    let want = [
        "13 class Inventory public -",
        "14 constant Inventory.MAX_ITEMS public -",
        "15 field Inventory.created private -",
        "16 field Inventory.items protected -",
        "17 field Inventory.audit package -",
        "17 field Inventory.log package -",
        "20 method Inventory.Inventory public (backing) 1..1",
        "29 method Inventory.add public (key, item, *tags) 2..*",
        "41 method Inventory.collect private (fn) 1..1",
        "47 method Inventory.iterator public () 0..0",
        "55 method Inventory.drain package (pool) 1..1",
        "68 interface Inventory.Listener package -",
        "69 constant Inventory.Listener.PRIORITY public -",
        "70 method Inventory.Listener.changed public (item) 1..1",
        "71 method Inventory.Listener.reset public () 0..0",
        "74 enum Inventory.Level package -",
        "75 enum_variant Inventory.Level.LOW public -",
        "75 enum_variant Inventory.Level.HIGH public -",
        "79 field Inventory.Level.value private -",
        "81 method Inventory.Level.Level package (value) 1..1",
        "83 method Inventory.Level.weight package () 0..0",
        "86 class Inventory.Entry public -",
        "86 field Inventory.Entry.sku private -",
        "86 field Inventory.Entry.count private -",
        "87 method Inventory.Entry.Entry public (sku, count) 2..2",
        "92 interface Inventory.Audited package -",
        "93 method Inventory.Audited.reason public () 0..0",
        "97 class Helper package -",
        "98 method Helper.load package (name) 1..1",
    ];
    assert_eq!(got, want);
    let get = |q: &str| common::def(&f, q);
    assert_eq!(
        get("Inventory").doc.as_deref(),
        Some("Keeps stock levels for a warehouse.")
    );
    assert_eq!(
        get("Inventory.add").doc.as_deref(),
        Some("Adds an item.\n@param key the key")
    );
    assert_eq!(
        get("Inventory.Inventory").doc.as_deref(),
        Some("Creates an empty inventory.")
    );
    assert_eq!(get("Inventory.iterator").doc, None);
    assert_eq!(
        get("Inventory.add").signature.as_deref(),
        Some("@Override public synchronized boolean add(K key, Item item, String... tags)")
    );
    let add = get("Inventory.add");
    assert_eq!((add.span.start_line, add.span.end_line), (29, 39));
    assert_eq!(add.name_span.start_line, 30);
    let tags = &add.params.as_ref().unwrap().list[2];
    assert_eq!(tags.type_text.as_deref(), Some("String"));
    assert!(get("Inventory").params.is_none(), "classes carry no params");
    assert_eq!(f.parse_errors, 0);
    assert!(f.dynamic, "Class.forName is reflection");
}

#[test]
fn references() {
    let f = fixture();
    let got: Vec<String> = f.references.iter().map(ref_line).collect();
    let want = [
        "13 type - | Comparable -",
        "13 type - | Iterable -",
        "13 type - | Item -",
        "16 type - | Map -",
        "16 type - | Item -",
        "17 type - | List -",
        "17 type - | String -",
        "17 call - | ArrayList 0",
        "20 type - | Map -",
        "20 type - | Item -",
        "21 call - | requireNonNull 1",
        "29 type - | Override -",
        "30 type - | Item -",
        "30 type - | String -",
        "31 call items | size 0",
        "32 call - | IllegalStateException 1",
        "34 type - | String -",
        "35 call log | add 1",
        "35 call tag | trim 0",
        "37 call items | put 2",
        "41 type - | List -",
        "41 type java.util.function | Function -",
        "41 type - | Item -",
        "42 type - | List -",
        "42 call - | ArrayList 1",
        "42 call items | size 0",
        "43 call items | values 0",
        "43 call items.values() | forEach 1",
        "43 call out | add 1",
        "43 call fn | apply 1",
        "47 type java.util | Iterator -",
        "47 type - | Item -",
        "48 call java.util | Iterator 0",
        "48 type - | Item -",
        "50 call audit | size 0",
        "51 type - | Item -",
        "51 call items | get 1",
        "55 type - | ExecutorService -",
        "55 type - | InterruptedException -",
        "56 call Executors | newVirtualThreadPerTaskExecutor 0",
        "57 call pool | submit 1",
        "57 call log | clear 0",
        "58 type - | RuntimeException -",
        "58 type - | Error -",
        "59 call System.err | println 1",
        "59 call e | getMessage 0",
        "61 type - | Object -",
        "62 type - | TimeUnit -",
        "63 call unit | sleep 1",
        "65 call - | collect 1",
        "65 use Item | name -",
        "65 call collect(Item::name) | stream 0",
        "65 call collect(Item::name).stream() | map 1",
        "65 use String | valueOf -",
        "65 call collect(Item::name).stream().map(String::valueOf) | count 0",
        "70 type - | Item -",
        "76 type - | Override -",
        "86 type - | String -",
        "88 call - | IllegalArgumentException 1",
        "93 type - | String -",
        "98 type - | Object -",
        "98 type - | String -",
        "98 type - | Exception -",
        "99 call Class | forName 1",
        "99 call Class.forName(name) | getDeclaredConstructor 0",
        "99 call Class.forName(name).getDeclaredConstructor() | newInstance 0",
    ];
    assert_eq!(got, want);
    let put = f.references.iter().find(|r| r.name == "put").unwrap();
    assert_eq!(put.enclosing.as_deref(), Some("Inventory.add"));
}

#[test]
fn imports() {
    let f = fixture();
    let got: Vec<String> = f
        .imports
        .iter()
        .map(|i| {
            let names: Vec<&str> = i.names.iter().map(|n| n.name.as_str()).collect();
            format!(
                "{} {} [{}] wildcard={}",
                i.span.start_line,
                i.module,
                names.join(", "),
                i.wildcard
            )
        })
        .collect();
    let want = [
        "3 java.util [ArrayList] wildcard=false",
        "4 java.util [List] wildcard=false",
        "5 java.util [Map] wildcard=false",
        "6 java.util.concurrent [] wildcard=true",
        "7 java.util.Objects [requireNonNull] wildcard=false",
        "8 com.example.store.model [Item] wildcard=false",
    ];
    assert_eq!(got, want);
}

#[test]
fn locals() {
    let f = fixture();
    let got: Vec<String> = local_lines(&f);
    let want = [
        "K 13-95",
        "backing 20-23",
        "key 29-39",
        "item 29-39",
        "tags 29-39",
        "tag 34-36",
        "T 41-45",
        "fn 41-45",
        "out 41-45",
        "i 43-43",
        "pool 55-66",
        "scope 55-66",
        "e 58-60",
        "o 55-66",
        "unit 55-66",
        "item 70-70",
        "value 81-81",
        "sku 87-89",
        "count 87-89",
        "name 98-100",
    ];
    assert_eq!(got, want);
}

#[test]
fn uses_of_imported_names() {
    let src = b"import java.util.concurrent.TimeUnit;\nclass A {\n  Object f() { return TimeUnit.SECONDS; }\n  Object g() { return TimeUnit.class; }\n}\n";
    let f = facts(src);
    let got: Vec<String> = f.references.iter().map(ref_line).collect();
    assert_eq!(
        got,
        [
            "3 type - | Object -",
            "3 use TimeUnit | SECONDS -",
            "4 type - | Object -",
            "4 type - | TimeUnit -"
        ]
    );
    assert!(!f.dynamic);
}

#[test]
fn syntax_errors_keep_surrounding_facts() {
    let src = b"class A {\n  int before(int a) { return helper(a); }\n  void broken( {\n    int x = ;\n  }\n  int after;\n}\n";
    let f = facts(src);
    assert!(f.parse_errors > 0);
    let names = common::def_names(&f);
    assert!(names.contains(&"before"), "{names:?}");
    assert!(names.contains(&"after"), "{names:?}");
    assert!(common::has_call(&f, "helper", 1));
}

#[test]
fn invalid_utf8_keeps_facts() {
    let src = b"/** A says \xff\xfe hi. */\nclass A {\n  String s() { return \"\xc3\x28\"; }\n  void t() { s(); }\n}\n";
    let f = facts(src);
    let names = common::def_names(&f);
    assert_eq!(names, ["A", "s", "t"]);
    assert!(
        f.definitions[0]
            .doc
            .as_deref()
            .unwrap()
            .starts_with("A says")
    );
    assert!(common::has_call(&f, "s", 0));
}

/// Crash check and throughput over real Java code (release build):
/// `PLUMB_JAVA_SRC=/path cargo test --release -p plumb-lang --test java -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput_over_real_code() {
    let root = std::env::var("PLUMB_JAVA_SRC").unwrap_or_else(|_| "/tmp/realcode/java".into());
    let srcs = common::read_sources(&common::source_files(
        std::path::Path::new(&root),
        &["java"],
    ));
    common::cpu_throughput(Lang::Java, &srcs, common::rounds_for(&srcs), |_| {});
}

#[test]
fn node_classes_where_the_generic_rules_misread_the_grammar() {
    use plumb_lang::NodeClass;
    let a = plumb_lang::adapter_for_lang(Lang::Java);
    let cases = [
        ("enum_declaration", NodeClass::Class),
        ("switch_rule", NodeClass::Case),
        ("switch_block", NodeClass::Transparent),
        ("method_invocation", NodeClass::Call),
        ("object_creation_expression", NodeClass::Call),
        ("lambda_expression", NodeClass::Lambda),
        ("scoped_type_identifier", NodeClass::Type),
        ("constructor_declaration", NodeClass::Function),
    ];
    for (kind, class) in cases {
        assert_eq!(a.node_class(kind), class, "{kind}");
    }
}

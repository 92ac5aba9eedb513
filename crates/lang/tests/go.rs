//! Exact facts the Go adapter extracts from a realistic fixture.

use plumb_facts::{Definition, FileFacts, Lang, Reference};

fn facts(src: &[u8]) -> FileFacts {
    plumb_lang::extract(plumb_lang::adapter_for_lang(Lang::Go), src)
}

fn fixture() -> FileFacts {
    facts(include_bytes!("fixtures/go/cache.go"))
}

fn def_line(d: &Definition) -> String {
    let params = d.params.as_ref().map_or("-".to_string(), |p| {
        let max = p
            .max_positional()
            .map_or("*".to_string(), |m| m.to_string());
        format!("{} {}..{}", p.summary(), p.min_positional(), max)
    });
    format!(
        "{} {} {} {} {}",
        d.span.start_line,
        d.kind.name(),
        d.qualified_name(),
        d.visibility.name(),
        params
    )
}

fn ref_line(r: &Reference) -> String {
    format!(
        "{} {} {} | {} {}{}",
        r.span.start_line,
        r.kind.name(),
        r.qualifier.as_deref().unwrap_or("-"),
        r.name,
        r.arg_count.map_or("-".to_string(), |n| n.to_string()),
        if r.has_spread { "+" } else { "" }
    )
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
    let get = |q: &str| {
        f.definitions
            .iter()
            .find(|d| d.qualified_name() == q)
            .unwrap()
    };
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
    let got: Vec<String> = f
        .locals
        .iter()
        .map(|l| format!("{} {}-{}", l.name, l.scope.start_line, l.scope.end_line))
        .collect();
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
    let names: Vec<&str> = f.definitions.iter().map(|d| d.name.as_str()).collect();
    assert!(names.contains(&"Before"), "{names:?}");
    assert!(names.contains(&"After"), "{names:?}");
    assert!(
        f.references
            .iter()
            .any(|r| r.name == "helper" && r.arg_count == Some(1))
    );
}

#[test]
fn invalid_utf8_keeps_facts() {
    let src = b"package p\n\n// A says \xff\xfe hi.\nfunc A() string { return \"\xc3\x28\" }\n\nfunc B() { A() }\n";
    let f = facts(src);
    let names: Vec<&str> = f.definitions.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["p", "A", "B"]);
    assert!(
        f.definitions[1]
            .doc
            .as_deref()
            .unwrap()
            .starts_with("A says")
    );
    assert!(
        f.references
            .iter()
            .any(|r| r.name == "A" && r.arg_count == Some(0))
    );
}

/// Crash check and throughput over real Go code (release build):
/// `PLUMB_GO_SRC=/path cargo test --release -p plumb-lang --test go -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput_over_real_code() {
    let root = std::env::var("PLUMB_GO_SRC").unwrap_or_else(|_| "/tmp/realcode/go".into());
    let mut files = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(root)];
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "go") {
                files.push(p);
            }
        }
    }
    let srcs: Vec<Vec<u8>> = files.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    let bytes: usize = srcs.iter().map(Vec::len).sum();
    let rounds = (20_000_000 / bytes.max(1)).clamp(1, 50);
    let adapter = plumb_lang::adapter_for_lang(Lang::Go);
    let cpu0 = thread_cpu_secs();
    let start = std::time::Instant::now();
    for _ in 0..rounds {
        for s in &srcs {
            std::hint::black_box(plumb_lang::parse(adapter, s));
        }
    }
    let parse_secs = start.elapsed().as_secs_f64();
    let cpu1 = thread_cpu_secs();
    let start = std::time::Instant::now();
    let (mut defs, mut refs, mut errs) = (0, 0, 0);
    for _ in 0..rounds {
        for s in &srcs {
            let f = facts(s);
            defs += f.definitions.len();
            refs += f.references.len();
            errs += (f.parse_errors > 0) as usize;
            if f.parse_errors == 0 {
                assert!(
                    f.definitions
                        .iter()
                        .any(|d| d.kind == plumb_facts::DefKind::Module)
                );
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu2 = thread_cpu_secs();
    println!(
        "CPU time (load-independent): parse only {:.2}s, parse+extract {:.2}s = {:.1} MB/s",
        cpu1 - cpu0,
        cpu2 - cpu1,
        (bytes * rounds) as f64 / 1e6 / (cpu2 - cpu1)
    );
    println!(
        "{} files x{rounds}, {:.2} MB each round, {defs} defs, {refs} refs, {errs} with parse errors, parse only {parse_secs:.2}s, parse+extract {secs:.2}s = {:.1} MB/s",
        srcs.len(),
        bytes as f64 / 1e6,
        (bytes * rounds) as f64 / 1e6 / secs
    );
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

/// CPU seconds this thread has used (Linux), so throughput can be read on a busy machine.
fn thread_cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    let after_comm = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after_comm.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // Fields 14 and 15 of stat (utime, stime) are at 11 and 12 after the command name.
    (ticks(11) + ticks(12)) / 100.0
}

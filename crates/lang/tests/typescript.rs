//! TypeScript and TSX adapter tests on realistic fixtures.

use plumb_facts::{FileFacts, Lang, ParamKind};
use plumb_lang::{adapter_for_lang, extract};

mod common;

use common::{defs_table, has_local, imports_table, refs_table};

fn ts(src: &[u8]) -> FileFacts {
    extract(adapter_for_lang(Lang::TypeScript), src)
}

fn tsx(src: &[u8]) -> FileFacts {
    extract(adapter_for_lang(Lang::Tsx), src)
}

fn fixture() -> FileFacts {
    ts(include_bytes!("fixtures/typescript/sample.ts"))
}

#[test]
fn definitions() {
    let f = fixture();
    assert_eq!(f.parse_errors, 0);
    assert_eq!(
        defs_table(&f),
        vec![
            "- Id type_alias public  L6-6",
            "- Repository interface public  L8-12",
            "Repository name field public  L9-9",
            "Repository find method public (id, opts=…) L10-10",
            "Repository count method public () L11-11",
            "- Status enum public  L14-18",
            "Status Active enum_variant public  L15-15",
            "Status Inactive enum_variant public  L16-16",
            "Status Pending enum_variant public  L17-17",
            "- Flags enum private  L20-20",
            "Flags A enum_variant public  L20-20",
            "Flags B enum_variant public  L20-20",
            "- ambient function public (x) L22-22",
            "- VERSION constant public  L23-23",
            "- Service class public (cfg, name, retries=…) L25-42",
            "Service cache field protected  L26-26",
            "Service instances field private  L27-27",
            "Service constructor method public (cfg, name, retries=…) L29-31",
            "Service cfg field private  L29-29",
            "Service name field public  L29-29",
            "Service find method public (id) L33-33",
            "Service count method public () L35-37",
            "Service log method protected (this, message, *extra) L39-41",
            "- Util module public  L44-49",
            "Util clamp function public (v, lo=…, hi=…) L45-47",
            "Util internal constant private  L48-48",
            "- overloaded function public (a) L51-51",
            "- overloaded function public (a) L52-52",
            "- overloaded function public (a) L53-55",
            "- handler function public (req) L57-60",
        ]
    );
    let id = &f.definitions[0];
    assert_eq!(id.doc.as_deref(), Some("A unique id."));
    assert_eq!(id.signature.as_deref(), Some("type Id = string | number;"));
    let log = f.definitions.iter().find(|d| d.name == "log").unwrap();
    let p = log.params.as_ref().unwrap();
    assert_eq!(p.list[0].kind, ParamKind::Receiver);
    assert_eq!(p.list[1].type_text.as_deref(), Some("string"));
    assert_eq!((p.min_positional(), p.max_positional()), (1, None));
    let clamp = f.definitions.iter().find(|d| d.name == "clamp").unwrap();
    let cp = clamp.params.as_ref().unwrap();
    assert_eq!((cp.min_positional(), cp.max_positional()), (1, Some(3)));
}

#[test]
fn references() {
    let f = fixture();
    assert_eq!(
        refs_table(&f),
        vec![
            "L8 type Entity None",
            "L8 type Base None",
            "L10 type Id None",
            "L10 type FindOptions None",
            "L10 type Promise None",
            "L10 type T None",
            "L25 type EventEmitter None",
            "L25 type Repository None",
            "L25 type T None",
            "L26 type Map None",
            "L26 type Id None",
            "L26 type T None",
            "L26 call Map Some(0)",
            "L29 type Config None",
            "L33 type Id None",
            "L33 type Promise None",
            "L33 type T None",
            "L39 type Service None",
            "L39 type T None",
            "L40 call console.log Some(1) spread",
            "L46 call Math.min Some(2)",
            "L46 call Math.max Some(2)",
            "L54 call fs.readFileSync Some(1)",
            "L57 type Request None",
            "L57 type R None",
            "L57 type Promise None",
            "L58 type R None",
            "L59 call Util.clamp Some(1)",
        ]
    );
    assert!(!f.dynamic);
    // Declared type parameters are bindings, not references.
    assert!(
        !f.references
            .iter()
            .any(|r| r.name == "T" && r.span.start_line == 8)
    );
}

#[test]
fn imports_and_type_parameters() {
    let f = fixture();
    assert_eq!(
        imports_table(&f),
        vec![
            "L1 events [EventEmitter] alias=None wild=false rel=false",
            "L2 ./config [Config] alias=None wild=false rel=true",
            "L3 fs [] alias=Some(\"fs\") wild=false rel=false",
        ]
    );
    assert!(has_local(&f, "T", 8, 12), "interface type parameter");
    assert!(has_local(&f, "T", 25, 42), "class type parameter");
    assert!(has_local(&f, "R", 57, 60), "function type parameter");
    assert!(has_local(&f, "body", 57, 60));
    assert!(has_local(&f, "cfg", 29, 31));
}

#[test]
fn tsx_component() {
    let f = tsx(include_bytes!("fixtures/typescript/component.tsx"));
    assert_eq!(f.parse_errors, 0);
    assert_eq!(
        defs_table(&f),
        vec![
            "- Props interface private  L4-7",
            "Props label field public  L5-5",
            "Props onClick field public  L6-6",
            "- Counter function public ({ label, onClick }) L9-17",
            "- Wrapper function public (props) L19-19",
        ]
    );
    assert_eq!(
        refs_table(&f),
        vec![
            "L9 type Props None",
            "L9 type JSX.Element None",
            "L10 call useState Some(1)",
            "L13 use Button None",
            "L13 call setCount Some(1)",
            "L13 use Button None",
            "L19 type React.FC None",
            "L19 type Props None",
        ]
    );
    assert!(has_local(&f, "count", 9, 17) && has_local(&f, "setCount", 9, 17));
    assert!(has_local(&f, "label", 9, 17), "destructured parameter");
}

#[test]
fn syntax_error_keeps_facts_around_it() {
    let src = b"export interface A { x: number }\nfunction broken(: {\nexport class After { m(k: string): void { use(k); } }\n";
    let f = ts(src);
    assert!(f.parse_errors > 0);
    let names = common::def_names(&f);
    assert!(names.contains(&"A"), "{names:?}");
    assert!(
        f.references
            .iter()
            .any(|r| r.name == "use" && r.span.start_line == 3),
        "{:?}",
        f.references
    );
}

#[test]
fn a_parameter_list_that_does_not_parse_gives_no_parameters() {
    // dexie's `step(getNext: (any) => any)`, which tree-sitter misreads as
    // two parameters: no arity rather than a wrong one.
    let f = ts(
        b"function step(getNext: (any) => any) {\n  return getNext;\n}\n\
                 function both(f: (x: number) => void, y: string) {\n  return f(1) || y;\n}\n",
    );
    let params = |n: &str| {
        f.definitions
            .iter()
            .find(|d| d.name == n)
            .unwrap()
            .params
            .as_ref()
            .map(|p| p.list.len())
    };
    assert_eq!(params("step"), None);
    assert_eq!(params("both"), Some(2));
}

#[test]
fn invalid_utf8_keeps_facts() {
    let mut src = b"const s: string = '".to_vec();
    src.extend_from_slice(&[0xff, 0xfe]);
    src.extend_from_slice(
        b"';\nexport type T = \xc3 | number;\nexport function f(a: T): T { return g(a); }\n",
    );
    let f = ts(&src);
    let names = common::def_names(&f);
    assert!(names.contains(&"s") && names.contains(&"f"), "{names:?}");
    assert!(common::has_call(&f, "g", 1));
}

#[test]
fn declare_global_and_declare_module() {
    let src = b"declare global {\n  interface Window { app: App }\n  function boot(): void;\n}\ndeclare module 'virtual:config' {\n  export const value: number;\n}\n";
    let f = ts(src);
    assert_eq!(
        defs_table(&f),
        vec![
            "- Window interface public  L2-2",
            "Window app field public  L2-2",
            "- boot function public () L3-3",
            "- virtual:config module public  L5-7",
            "virtual:config value constant public  L6-6",
        ]
    );
}

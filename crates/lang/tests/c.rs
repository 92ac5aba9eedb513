//! C adapter: exact facts from a realistic fixture, declarator edge cases,
//! error tolerance, and (ignored) runs over /usr/include.

use plumb_facts::{DefKind, Lang, ParamKind, Visibility};

mod common;

use common::{defs, facts, fixture, imports, locals, refs};

#[test]
fn ringbuf_defs() {
    let f = facts(Lang::C, &fixture("c/ringbuf.c"));
    let expected = [
        "macro RB_CAPACITY public - L7-7",
        "macro RB_MIN public (a, b) min=2 max=Some(2) L8-8",
        "macro RB_LOG public (fmt, *...) min=1 max=None L9-9",
        "enum rb_status public - L12-16",
        "enum_variant rb_status.RB_OK public - L13-13",
        "enum_variant rb_status.RB_FULL public - L14-14",
        "enum_variant rb_status.RB_EMPTY public - L15-15",
        "type_alias rb_size_t public - L18-18",
        "type_alias rb_visit_fn public - L19-19",
        "struct rb_entry public - L22-26",
        "field rb_entry.data public - L23-23",
        "field rb_entry.len public - L24-24",
        "field rb_entry.next public - L25-25",
        "struct ring_buffer public - L28-32",
        "field ring_buffer.slots public - L29-29",
        "field ring_buffer.head public - L30-30",
        "field ring_buffer.tail public - L30-30",
        "field ring_buffer.on_full public - L31-31",
        "union rb_word public - L34-37",
        "field rb_word.u public - L35-35",
        "field rb_word.f public - L36-36",
        "constant rb_version public - L39-39",
        "variable rb_instances private - L40-40",
        "variable rb_name public - L41-41",
        "variable rb_formatter private - L42-42",
        "function rb_push public (rb, msg, len) min=3 max=Some(3) L44-44",
        "function rb_count private (rb) min=1 max=Some(1) L45-45",
        "function rb_reset public () min=0 max=Some(0) L46-46",
        "function rb_printf public (rb, fmt, *...) min=2 max=None L47-47",
        "function rb_count private (rb) min=1 max=Some(1) L50-53",
        "function rb_push public (rb, msg, len) min=3 max=Some(3) L55-70",
        "function rb_visit public (rb, fn, ctx) min=3 max=Some(3) L72-81",
        "function rb_reset public () min=0 max=Some(0) L83-86",
        "function old_style public (a, b) min=2 max=Some(2) L88-93",
    ];
    assert_eq!(defs(&f), expected);
}

#[test]
fn ringbuf_refs() {
    let f = facts(Lang::C, &fixture("c/ringbuf.c"));
    let expected = [
        "type rb_size_t L24 in rb_entry",
        "type rb_entry L25 in rb_entry",
        "type rb_entry L29 in ring_buffer",
        "type rb_size_t L30 in ring_buffer",
        "type ring_buffer L44 in rb_push",
        "type rb_size_t L44 in rb_push",
        "type rb_size_t L45 in rb_count",
        "type ring_buffer L45 in rb_count",
        "type ring_buffer L47 in rb_printf",
        "type rb_size_t L50 in rb_count",
        "type ring_buffer L50 in rb_count",
        "type ring_buffer L55 in rb_push",
        "type rb_size_t L55 in rb_push",
        "type rb_entry L57 in rb_push",
        "call rb_count(1) L58 in rb_push",
        "call rb|on_full(1) L60 in rb_push",
        "call malloc(1) L63 in rb_push",
        "type rb_entry L63 in rb_push",
        "call malloc(1) L64 in rb_push",
        "call RB_MIN(2) L64 in rb_push",
        "call memcpy(3) L65 in rb_push",
        "type ring_buffer L72 in rb_visit",
        "type rb_visit_fn L72 in rb_visit",
        "type rb_size_t L74 in rb_visit",
        "call fn(2) L76 in rb_visit",
    ];
    assert_eq!(refs(&f), expected);
}

#[test]
fn ringbuf_imports() {
    let f = facts(Lang::C, &fixture("c/ringbuf.c"));
    let expected = [
        "stdio.h names=[] alias=None wildcard=false relative=false L2",
        "stdlib.h names=[] alias=None wildcard=false relative=false L3",
        "sys/types.h names=[] alias=None wildcard=false relative=false L4",
        "ringbuf.h names=[] alias=None wildcard=false relative=true L5",
    ];
    assert_eq!(imports(&f), expected);
}

#[test]
fn ringbuf_locals() {
    let f = facts(Lang::C, &fixture("c/ringbuf.c"));
    let expected = [
        "rb L50-53",
        "rb L55-70",
        "msg L55-70",
        "len L55-70",
        "e L55-70",
        "rb L72-81",
        "fn L72-81",
        "ctx L72-81",
        "i L72-81",
        "rc L72-81",
        "a L88-93",
        "b L88-93",
    ];
    assert_eq!(locals(&f), expected);
}

#[test]
fn ringbuf_details() {
    let f = facts(Lang::C, &fixture("c/ringbuf.c"));
    assert_eq!(f.parse_errors, 0);
    assert!(!f.dynamic);
    let find = |name: &str, line: u32| {
        f.definitions
            .iter()
            .find(|d| d.name == name && d.span.start_line == line)
            .unwrap_or_else(|| panic!("{name} at {line}"))
    };
    assert_eq!(
        find("rb_status", 12).doc.as_deref(),
        Some("Result codes returned by every ring buffer call.")
    );
    assert_eq!(
        find("rb_count", 50).doc.as_deref(),
        Some("Count the stored messages.")
    );
    // A trailing comment on the previous line is not the next enumerator's doc.
    assert_eq!(find("RB_EMPTY", 15).doc, None);
    let push = find("rb_push", 55);
    assert_eq!(
        push.signature.as_deref(),
        Some("int rb_push(ring_buffer *rb, const char *msg, rb_size_t len)")
    );
    assert_eq!(push.name_span.start_line, 55);
    assert_eq!(push.name_span.start_col, 5);
    let types: Vec<_> = push
        .params
        .as_ref()
        .unwrap()
        .list
        .iter()
        .map(|p| p.type_text.clone().unwrap())
        .collect();
    assert_eq!(types, ["ring_buffer *", "const char *", "rb_size_t"]);
    let log = find("RB_LOG", 9).params.clone().unwrap();
    assert_eq!(log.list[1].kind, ParamKind::VarPositional);
    assert_eq!(
        find("RB_MIN", 8).signature.as_deref(),
        Some("#define RB_MIN(a, b)")
    );
    assert_eq!(find("RB_CAPACITY", 7).span.end_line, 7);
    assert_eq!(find("ring_buffer", 28).name_span.start_line, 32);
}

#[test]
fn declarators_unwrap_to_the_name() {
    let src = b"static char *(*f)(int);
int (*g(int x))(double);
char *dup(const char *, unsigned n);
int arr[10], *pp, **ppp;
char *const fixed = 0;
const char *const both = \"x\";
extern int ext;
int (*handlers[4])(void);
typedef struct node { struct node *next; } node_t, *node_p;
typedef enum { LOW, HIGH } level;
";
    let f = facts(Lang::C, src);
    assert_eq!(
        defs(&f),
        [
            "variable f private - L1-1",
            "function g public (x) min=1 max=Some(1) L2-2",
            "function dup public (_, n) min=2 max=Some(2) L3-3",
            "variable arr public - L4-4",
            "variable pp public - L4-4",
            "variable ppp public - L4-4",
            "constant fixed public - L5-5",
            "constant both public - L6-6",
            "variable ext public - L7-7",
            "variable handlers public - L8-8",
            "type_alias node_p public - L9-9",
            "type_alias node_t public - L9-9",
            "struct node public - L9-9",
            "field node.next public - L9-9",
            "enum level public - L10-10",
            "enum_variant level.LOW public - L10-10",
            "enum_variant level.HIGH public - L10-10",
        ]
    );
    let dup = f.definitions.iter().find(|d| d.name == "dup").unwrap();
    assert_eq!(
        dup.params.as_ref().unwrap().list[0].type_text.as_deref(),
        Some("const char *")
    );
}

#[test]
fn macros_that_make_names_are_dynamic() {
    let plain = facts(
        Lang::C,
        b"#define MAX(a, b) ((a) > (b) ? (a) : (b))\n#define DO(f) do { f(); } while (0)\n",
    );
    assert!(!plain.dynamic);
    let paste = facts(Lang::C, b"#define CAT(a, b) a##b\n");
    assert!(paste.dynamic);
    let defines = facts(
        Lang::C,
        b"#define HANDLER(name) static void name(int sig) { (void)sig; }\n",
    );
    assert!(defines.dynamic);
    let gnu = facts(Lang::C, b"#define TRACE(fmt, args...) printf(fmt, args)\n");
    let p = gnu.definitions[0].params.clone().unwrap();
    assert_eq!(p.summary(), "(fmt, *args)");
}

#[test]
fn calls_and_locals_inside_functions() {
    let src = b"#include \"list.h\"
void run(struct list *l, int n) {
    struct item { int v; } it;
    enum { A, B } mode = A;
    for (int i = 0; i < n; i++)
        l->ops->apply(l, i, it.v);
    list_free(l);
    (*l->hook)(n);
}
";
    let f = facts(Lang::C, src);
    assert_eq!(
        defs(&f),
        ["function run public (l, n) min=2 max=Some(2) L2-9"]
    );
    assert_eq!(
        refs(&f),
        [
            "type list L2 in run",
            "call l->ops|apply(3) L6 in run",
            "call list_free(1) L7 in run",
        ]
    );
    assert_eq!(
        locals(&f),
        [
            "l L2-9",
            "n L2-9",
            "item L2-9",
            "it L2-9",
            "A L2-9",
            "B L2-9",
            "mode L2-9",
            "i L2-9"
        ]
    );
}

#[test]
fn syntax_errors_keep_surrounding_facts() {
    let src = b"int before(int a) { return a; }
int broken( { ;;; @@ x y z
struct after { int f; };
int later(void) { return before(1); }
";
    let f = facts(Lang::C, src);
    assert!(f.parse_errors > 0);
    let names: Vec<_> = f.definitions.iter().map(|d| d.name.as_str()).collect();
    assert!(names.contains(&"before"), "{names:?}");
    assert!(names.contains(&"later"), "{names:?}");
    assert!(
        f.references
            .iter()
            .any(|r| r.name == "before" && r.span.start_line == 4)
    );
}

#[test]
fn invalid_utf8_keeps_facts() {
    let mut src =
        b"/* caf\xe9 */\nstatic const char *s = \"\xff\xfe\";\nint f(void) { return g(s); }\n"
            .to_vec();
    src.extend_from_slice(b"int h(int x) { return x; }\n");
    let f = facts(Lang::C, &src);
    assert_eq!(f.parse_errors, 0);
    assert_eq!(
        defs(&f),
        [
            "variable s private - L2-2",
            "function f public () min=0 max=Some(0) L3-3",
            "function h public (x) min=1 max=Some(1) L4-4",
        ]
    );
    assert_eq!(f.definitions[0].kind, DefKind::Variable);
    assert_eq!(f.definitions[0].visibility, Visibility::Private);
    assert_eq!(refs(&f), ["call g(1) L3 in f"]);
}

#[test]
fn preprocessor_blocks_are_transparent() {
    let src = b"#ifdef _WIN32
int win_only(void);
#else
int posix_only(int fd);
#endif
struct opts {
#if HAVE_X
    int x;
#endif
    int y;
};
";
    let f = facts(Lang::C, src);
    assert_eq!(
        defs(&f),
        [
            "function win_only public () min=0 max=Some(0) L2-2",
            "function posix_only public (fd) min=1 max=Some(1) L4-4",
            "struct opts public - L6-11",
            "field opts.x public - L8-8",
            "field opts.y public - L10-10",
        ]
    );
}

/// Walk a directory of C sources/headers with both grammars; no panics, and
/// report definitions and parse errors. `cargo test --release -p plumb-lang
/// --test c usr_include -- --ignored --nocapture`
#[test]
#[ignore]
fn usr_include() {
    let root = std::env::var("PLUMB_C_DIR").unwrap_or("/usr/include".into());
    let files = common::source_files(std::path::Path::new(&root), &["h", "c"]);
    let sources: Vec<Vec<u8>> = files.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let bytes: usize = sources.iter().map(Vec::len).sum();
    for lang in [Lang::C, Lang::Cpp] {
        let adapter = plumb_lang::adapter_for_lang(lang);
        let t = std::time::Instant::now();
        let trees: Vec<_> = sources
            .iter()
            .map(|s| plumb_lang::parse(adapter, s).unwrap())
            .collect();
        let parse = t.elapsed().as_secs_f64();
        let t = std::time::Instant::now();
        let (mut ndefs, mut with_err, mut nrefs) = (0usize, 0usize, 0usize);
        for (tree, src) in trees.iter().zip(&sources) {
            let f = adapter.extract(tree, src);
            ndefs += f.definitions.len();
            nrefs += f.references.len();
            with_err += (f.parse_errors > 0) as usize;
        }
        let extract = t.elapsed().as_secs_f64();
        println!(
            "{lang:?}: {} files, {:.1} MB, {ndefs} defs, {nrefs} refs, {with_err} files with parse errors; \
             parse {parse:.2} s, extract {extract:.2} s, {:.1} MB/s overall",
            files.len(),
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / (parse + extract)
        );
    }
}

#[test]
fn glibc_annotations_do_not_invent_names() {
    let src = b"extern void *memchr (void *__s, int __c, size_t __n)
      __THROW __asm (\"memchr\") __attribute_pure__ __nonnull ((1));
extern char *strdup (const char *__s) __THROW;
";
    let f = facts(Lang::C, src);
    let names: Vec<String> = f
        .definitions
        .iter()
        .map(|d| format!("{} {}", d.kind.name(), d.name))
        .collect();
    assert_eq!(names, ["function memchr", "function strdup"]);
    assert!(f.parse_errors > 0);
}

#[test]
fn macro_prefixed_prototypes_recovered() {
    let src = b"#ifdef __cplusplus
extern \"C\" {
#endif
#if !defined(Py_LIMITED_API)
PyAPI_FUNC(PyObject *) PyObject_Call(PyObject *callable, PyObject *args);
#endif
MODULE_INFO(author, name);
#ifdef __cplusplus
}
#endif
";
    let f = facts(Lang::C, src);
    let d: Vec<String> = f
        .definitions
        .iter()
        .map(|d| {
            format!(
                "{} {} {}",
                d.kind.name(),
                d.name,
                d.params.as_ref().map_or(String::new(), |p| p.summary())
            )
        })
        .collect();
    assert!(
        d.contains(&"function PyObject_Call (callable, args)".to_string()),
        "{d:?}"
    );
    assert!(f.references.iter().all(|r| r.name != "PyObject_Call"));
    assert!(f.references.iter().any(|r| r.name == "MODULE_INFO"));
}

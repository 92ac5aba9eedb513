//! plumb-shape on real code: function vectors over a parsed file, snippet
//! errors and warnings, bounded cost, explanations.

use std::time::Instant;

use plumb_facts::{DefKind, Definition, Lang, Span, Visibility};
use plumb_lang::NodeClass;
use plumb_shape::{ShapeError, explain, function_vectors, similarity, snippet_vector};

const C_FILE: &str = r#"#include <string.h>

static int get_x(const struct point *p) { return p->x; }

int count_vowels(const char *s) {
    int n = 0;
    size_t len = strlen(s);
    for (size_t i = 0; i < len; i++) {
        if (strchr("aeiou", s[i]) != NULL) {
            n++;
        }
    }
    return n;
}

int count_spaces(const char *text) {
    size_t size = strlen(text);
    int total = 0;
    for (size_t k = 0; k < size; k++) {
        if (strchr(" \t", text[k]) != NULL) {
            total++;
        }
    }
    return total;
}

long power(long b, int e) {
    long r = 1;
    while (e > 0) {
        if (e & 1) r *= b;
        b *= b;
        e >>= 1;
    }
    return r;
}
"#;

/// Definitions for every function node in the tree (what an adapter reports).
fn function_defs(lang: Lang, src: &str) -> (tree_sitter::Tree, Vec<Definition>) {
    let adapter = plumb_lang::adapter_for_lang(lang);
    let tree = plumb_lang::parse(adapter, src.as_bytes()).unwrap();
    let mut defs = Vec::new();
    let mut stack = vec![tree.root_node()];
    while let Some(n) = stack.pop() {
        if adapter.node_class(n.kind()) == NodeClass::Function && n.kind().ends_with("definition") {
            let span = Span {
                start_line: n.start_position().row as u32 + 1,
                start_col: 1,
                end_line: n.end_position().row as u32 + 1,
                end_col: 1,
                start_byte: n.start_byte() as u32,
                end_byte: n.end_byte() as u32,
            };
            defs.push(Definition {
                name: format!("f{}", defs.len()),
                kind: DefKind::Function,
                container: None,
                span,
                name_span: span,
                visibility: Visibility::Public,
                doc: None,
                params: None,
                signature: None,
            });
        }
        for i in (0..n.child_count()).rev() {
            stack.push(n.child(i as u32).unwrap());
        }
    }
    defs.sort_by_key(|d| d.span.start_byte);
    (tree, defs)
}

#[test]
fn one_vector_per_nontrivial_function() {
    let (tree, defs) = function_defs(Lang::C, C_FILE);
    assert_eq!(defs.len(), 4);
    let adapter = plumb_lang::adapter_for_lang(Lang::C);
    let vecs = function_vectors(adapter, &tree, C_FILE.as_bytes(), &defs);
    // get_x has one statement: skipped.
    assert_eq!(
        vecs.iter().map(|(i, _)| *i).collect::<Vec<_>>(),
        vec![1, 2, 3]
    );
    let (vowels, spaces, power) = (&vecs[0].1, &vecs[1].1, &vecs[2].1);
    assert!(similarity(vowels, spaces) > similarity(vowels, power));
    assert!(
        similarity(vowels, spaces) > 0.9,
        "{}",
        similarity(vowels, spaces)
    );
    let why = explain(vowels, spaces);
    assert_eq!(why[0], "both call strlen, strchr", "{why:?}");
    assert!(
        why.contains(&"both step a counter (++/--) inside a loop".to_string()),
        "{why:?}"
    );
    assert!(!explain(vowels, power).iter().any(|w| w.contains("strlen")));
}

#[test]
fn non_callables_and_bad_spans_are_skipped() {
    let (tree, mut defs) = function_defs(Lang::C, C_FILE);
    defs[1].kind = DefKind::Struct;
    defs[2].span.end_byte = 10_000_000;
    let adapter = plumb_lang::adapter_for_lang(Lang::C);
    let vecs = function_vectors(adapter, &tree, C_FILE.as_bytes(), &defs);
    assert_eq!(vecs.iter().map(|(i, _)| *i).collect::<Vec<_>>(), vec![3]);
}

#[test]
fn empty_snippet_is_an_error() {
    assert_eq!(snippet_vector(Lang::Python, b""), Err(ShapeError::Empty));
    assert_eq!(
        snippet_vector(Lang::Rust, b"  \n\t\n"),
        Err(ShapeError::Empty)
    );
}

#[test]
fn broken_snippet_warns_and_still_matches() {
    let good = "def total(xs):\n    s = 0\n    for x in xs:\n        s += x\n    return s\n";
    let broken = "def total(xs)\n    s = 0\n    for x in xs:\n        s += x\n    return s\n";
    let (gv, gw) = snippet_vector(Lang::Python, good.as_bytes()).unwrap();
    let (bv, bw) = snippet_vector(Lang::Python, broken.as_bytes()).unwrap();
    assert!(gw.is_empty(), "{gw:?}");
    assert_eq!(bw.len(), 1, "{bw:?}");
    assert!(bw[0].contains("does not parse as python"), "{bw:?}");
    assert!(similarity(&gv, &bv) > 0.8, "{}", similarity(&gv, &bv));
}

#[test]
fn invalid_utf8_is_read_best_effort() {
    let src = b"int f(int n) { int s = 0; for (int i = 0; i < n; i++) s += i; \xff\xfe return s; }";
    let (v, _) = snippet_vector(Lang::C, src).unwrap();
    assert!(plumb_shape::dense(&v).is_some());
}

#[test]
fn huge_function_has_bounded_cost() {
    let mut src = String::from("int huge(int *a) {\n    int s = 0;\n");
    while src.len() < 3 << 20 {
        src.push_str("    s += a[s % 7] * 3 + (s >> 2);\n");
    }
    src.push_str("    return s;\n}\n");
    let t = Instant::now();
    let (v, warnings) = snippet_vector(Lang::C, src.as_bytes()).unwrap();
    let took = t.elapsed();
    assert!(plumb_shape::dense(&v).is_some());
    assert!(
        warnings.iter().any(|w| w.contains("only the first")),
        "{warnings:?}"
    );
    assert!(took.as_secs_f64() < 10.0, "took {took:?}");
}

#[test]
fn vectors_are_deterministic_and_versioned() {
    let a = snippet_vector(Lang::C, C_FILE.as_bytes()).unwrap().0;
    let b = snippet_vector(Lang::C, C_FILE.as_bytes()).unwrap().0;
    assert_eq!(a, b);
    assert_eq!(plumb_shape::MODEL_VERSION, 2);
    assert!(explain(&a, b"junk").is_empty());
    assert_eq!(similarity(&a, b"junk"), 0.0);
}

#[test]
fn deep_nesting_does_not_overflow() {
    let mut src = String::from("void deep(int n) {\n");
    for i in 0..300 {
        src.push_str(&format!("for (int i{i} = 0; i{i} < n; i{i}++) {{\n"));
    }
    src.push_str("n += 1;\n");
    src.push_str(&"}\n".repeat(300));
    src.push_str("int x = ");
    src.push_str(&"(".repeat(5000));
    src.push('1');
    src.push_str(&")".repeat(5000));
    src.push_str(";\n}\n");
    let (v, _) = snippet_vector(Lang::C, src.as_bytes()).unwrap();
    let why = explain(&v, &v);
    assert!(
        why.contains(&"both have nested loops".to_string()),
        "{why:?}"
    );
}

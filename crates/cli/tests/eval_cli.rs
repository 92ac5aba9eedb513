//! End-to-end: `plumb eval poj104` on a small dataset in the POJ-104 format.

mod common;
use common::*;

const SUM: &str = "#include <stdio.h>\nint main() {\n  int n, i, s = 0, a[100];\n  scanf(\"%d\", &n);\n  for (i = 0; i < n; i++) { scanf(\"%d\", &a[i]); s += a[i]; }\n  printf(\"%d\\n\", s);\n  return 0;\n}\n";
const REVERSE: &str = "#include <stdio.h>\n#include <string.h>\nint main() {\n  char w[200];\n  int k, len;\n  scanf(\"%s\", w);\n  len = strlen(w);\n  for (k = len - 1; k >= 0; k--) putchar(w[k]);\n  if (len > 0) printf(\"\\n\");\n  return 0;\n}\n";

/// `base` with its identifiers renamed, `variant` times over.
fn renamed(base: &str, variant: usize) -> String {
    let names: [(&str, &str); 6] = [
        ("n", "cnt"),
        ("s", "total"),
        ("a", "arr"),
        ("w", "word"),
        ("len", "size"),
        ("k", "j"),
    ];
    let mut out = base.to_string();
    for (from, to) in names.iter().take(variant * 3) {
        out = replace_word(&out, from, &format!("{to}{variant}"));
    }
    out
}

fn replace_word(s: &str, from: &str, to: &str) -> String {
    let mut out = String::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
        if s[i..].starts_with(from)
            && (i == 0 || !word(bytes[i - 1]))
            && bytes.get(i + from.len()).is_none_or(|c| !word(*c))
            && !(i > 0 && bytes[i - 1] == b'%')
        {
            out.push_str(to);
            i += from.len();
        } else {
            out.push(bytes[i] as char);
            i += 1;
        }
    }
    out
}

#[test]
fn eval_writes_codexglue_predictions_and_map() {
    let repo = Repo::plain();
    let mut rows = String::new();
    for (label, base) in [("1", SUM), ("2", REVERSE)] {
        for v in 0..3 {
            let index = format!("{label}{v}");
            rows.push_str(
                &serde_json::json!({"index": index, "label": label, "code": renamed(base, v)})
                    .to_string(),
            );
            rows.push('\n');
        }
    }
    repo.write("data.jsonl", &rows);
    let v = repo.json(&[
        "eval",
        "poj104",
        "--data",
        "data.jsonl",
        "--out",
        "pred.jsonl",
    ]);
    assert_eq!(
        (
            v["result"]["programs"].as_u64(),
            v["result"]["problems"].as_u64()
        ),
        (Some(6), Some(2))
    );
    assert_eq!(v["result"]["answers"], 5);
    assert_eq!(v["result"]["map_at_r"], 100.0, "{v}");
    let preds: Vec<serde_json::Value> = std::fs::read_to_string(repo.path().join("pred.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(preds.len(), 6);
    for p in &preds {
        let me = p["index"].as_str().unwrap();
        let answers: Vec<&str> = p["answers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        assert_eq!(answers.len(), 5);
        assert!(!answers.contains(&me));
        // The two programs of the same problem come first.
        assert!(
            answers[..2].iter().all(|a| a[..1] == me[..1]),
            "{me}: {answers:?}"
        );
    }
}

#[test]
fn eval_names_a_missing_dataset() {
    let repo = Repo::plain();
    let out = repo.plumb(&["eval", "poj104", "--data", "nope.jsonl", "--out", "p.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("plumb: nope.jsonl: no such file; pass the POJ-104 split"),
        "{}",
        stderr(&out)
    );
}

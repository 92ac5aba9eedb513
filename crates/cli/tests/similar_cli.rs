//! End-to-end: `plumb similar` and `plumb dups` on a temporary repository.

mod common;
use common::*;

const ORIGINAL: &str = r#"
def count_words(text, stop_words):
    counts = {}
    for word in text.split():
        word = word.lower().strip(".,;")
        if word in stop_words:
            continue
        counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    return ranked[:10]
"#;

// The same function renamed throughout, with independent statements reordered.
const RENAMED: &str = r#"
def tally_terms(body, ignored):
    freq = {}
    for token in body.split():
        token = token.lower().strip(".,;")
        if token in ignored:
            continue
        freq[token] = freq.get(token, 0) + 1
    best = sorted(freq.items(), key=lambda pair: pair[1], reverse=True)
    return best[:10]
"#;

const UNRELATED: &str = r##"
def read_config(path):
    with open(path) as fh:
        lines = fh.readlines()
    result = []
    for line in lines:
        if line.startswith("#"):
            continue
        result.append(line.strip())
    return result

def backoff(attempt, base=0.5, cap=30.0):
    delay = base * (2 ** attempt)
    if delay > cap:
        delay = cap
    return delay
"##;

fn repo() -> Repo {
    Repo::git(&[
        ("text.py", ORIGINAL),
        ("stats/words.py", RENAMED),
        ("cfg.py", UNRELATED),
    ])
}

#[test]
fn renamed_copy_is_found_first() {
    let r = repo();
    let v = r.json(&["similar", "count_words"]);
    let first = &v["result"]["results"][0];
    assert_eq!(first["def"]["name"], "tally_terms", "{v}");
    assert_eq!(first["def"]["path"], "stats/words.py");
    assert!(first["score"].as_f64().unwrap() > 0.9, "{v}");
}

#[test]
fn snippet_from_stdin_needs_a_language() {
    let r = repo();
    let out = std::process::Command::new(bin())
        .args(["similar", "--snippet", "-"])
        .current_dir(r.path())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot tell the snippet's language; pass --lang"),
        "{}",
        stderr(&out)
    );
    r.write("q.py", RENAMED);
    let v = r.json(&["similar", "--snippet", "q.py", "--limit", "3"]);
    let mut names: Vec<&str> = v["result"]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["def"]["name"].as_str().unwrap())
        .collect();
    // q.py itself is indexed by the on-the-fly refresh: it and both copies lead, read_config does not.
    names.sort();
    assert_eq!(names, vec!["count_words", "tally_terms", "tally_terms"]);
}

#[test]
fn dups_clusters_the_copies() {
    let r = repo();
    let v = r.json(&["dups"]);
    let clusters = v["result"]["clusters"].as_array().unwrap();
    assert_eq!(clusters.len(), 1, "{v}");
    let names: Vec<&str> = clusters[0]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["tally_terms", "count_words"]);
}

#[test]
fn check_reports_a_reimplemented_function() {
    let r = Repo::git(&[("text.py", ORIGINAL), ("cfg.py", UNRELATED)]);
    r.json(&["index"]);
    r.write("stats/words.py", RENAMED);
    r.git_cmd(&["add", "stats/words.py"]);
    let out = r.plumb(&["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{v}");
    assert_eq!(findings[0]["kind"], "duplicate-function");
    assert_eq!(findings[0]["file"], "stats/words.py");
    assert_eq!(findings[0]["line"], 2);
    assert_eq!(
        findings[0]["message"],
        "`tally_terms` re-implements `count_words` at text.py:2"
    );
    assert_eq!(findings[0]["candidates"][0]["reason"], "behaviour");
    let hunks: Vec<(&str, &str)> = v["hunks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["file"].as_str().unwrap(), h["verdict"].as_str().unwrap()))
        .collect();
    assert_eq!(hunks, vec![("stats/words.py", "review")], "{v}");
}

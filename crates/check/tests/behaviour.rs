//! Candidates by behaviour and duplicate-function findings, on a real index
//! built from a temporary repository.

use plumb_check::behaviour::{ExistingShapes, candidates_for_name, duplicate_findings};
use plumb_check::report::FindingKind;
use plumb_facts::Lang;
use plumb_store::Store;

const SETTINGS_PY: &str = r#"
def read_settings(path):
    """Load the configuration file and return its entries."""
    entries = {}
    with open(path) as fh:
        for line in fh:
            key, _, value = line.partition("=")
            entries[key.strip()] = value.strip()
    return entries


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

const OTHER_PY: &str = r#"
def backoff(attempt, base=0.5, cap=30.0):
    delay = base * (2 ** attempt)
    if delay > cap:
        delay = cap
    return delay
"#;

fn index(files: &[(&str, &str)]) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    for (p, body) in files {
        std::fs::write(dir.path().join(p), body).unwrap();
    }
    let opts = plumb_index::IndexOptions::new(dir.path());
    plumb_index::run(&opts, |_| {}, &|_| {}).unwrap();
    let store = Store::open_existing(&opts.index_path).unwrap().unwrap();
    (dir, store)
}

#[test]
fn unknown_name_gets_candidates_that_do_what_it_says() {
    let (_d, store) = index(&[("settings.py", SETTINGS_PY), ("other.py", OTHER_PY)]);
    let c = candidates_for_name(&store, "fetch_configuration");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(
        (
            c[0].name.as_str(),
            c[0].file.as_str(),
            c[0].line,
            c[0].reason.as_str()
        ),
        ("read_settings", "settings.py", 2, "behaviour")
    );
    assert!(candidates_for_name(&store, "get_data").is_empty());
}

#[test]
fn added_copy_of_an_existing_function_is_reported() {
    let (_d, store) = index(&[("settings.py", SETTINGS_PY), ("other.py", OTHER_PY)]);
    let existing = ExistingShapes::load(&store).unwrap();
    let new_file = r#"
def tally_terms(body, ignored):
    freq = {}
    for token in body.split():
        token = token.lower().strip(".,;")
        if token in ignored:
            continue
        freq[token] = freq.get(token, 0) + 1
    best = sorted(freq.items(), key=lambda pair: pair[1], reverse=True)
    return best[:10]


def clamp(x, lo, hi):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x
"#;
    let all = |_: u32| true;
    let found = duplicate_findings(&store, &existing, "stats.py", Lang::Python, new_file, &all);
    assert_eq!(found.len(), 1, "{found:?}");
    let f = &found[0];
    assert_eq!(
        (f.kind, f.line, f.file.as_str()),
        (FindingKind::DuplicateFunction, 2, "stats.py")
    );
    assert_eq!(
        f.message,
        "`tally_terms` re-implements `count_words` at settings.py:12"
    );
    assert!(f.confidence >= 0.5 && f.confidence <= 0.9);
    // A function the change does not add is never reported.
    let none = |_: u32| false;
    assert!(
        duplicate_findings(&store, &existing, "stats.py", Lang::Python, new_file, &none).is_empty()
    );
    // Re-checking an indexed file finds no duplicate of itself.
    assert!(
        duplicate_findings(
            &store,
            &existing,
            "settings.py",
            Lang::Python,
            SETTINGS_PY,
            &all
        )
        .is_empty()
    );
}

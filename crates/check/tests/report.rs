//! The report contract: ordering, summary, text rendering, JSON round trip.

use plumb_check::report::{
    Finding, FindingKind, HunkVerdict, Report, Severity, Verdict, render_text,
};

mod common;
use common::sample;

#[test]
fn order_and_summary() {
    let r = sample();
    let keys: Vec<(&str, u32)> = r
        .findings
        .iter()
        .map(|f| (f.file.as_str(), f.line))
        .collect();
    assert_eq!(
        keys,
        vec![
            ("lib/\u{e9}t\u{e9}.c", 7),
            ("src/app.py", 2),
            ("src/app.py", 11)
        ]
    );
    assert_eq!(
        (r.summary.errors, r.summary.warnings, r.summary.notes),
        (2, 1, 0)
    );
    assert_eq!(r.summary.by_kind["unknown-symbol"], 1);
    assert_eq!(r.summary.by_kind["unverifiable"], 0);
    assert_eq!(
        (r.summary.verified, r.summary.review, r.summary.suspect),
        (1, 0, 2)
    );
    let hunk_files: Vec<&str> = r.hunks.iter().map(|h| h.file.as_str()).collect();
    assert_eq!(
        hunk_files,
        vec!["lib/\u{e9}t\u{e9}.c", "src/app.py", "src/util.py"]
    );
    assert_eq!(r.hunks[2].verdict, Verdict::Verified);
    assert_eq!(r.hunks[2].reasons, vec!["all 4 references resolved"]);
}

#[test]
fn verdicts_follow_severity_and_confidence() {
    let mut low = Finding::new(FindingKind::UnknownSymbol, "a.py", 1, 1, 1, "x".into());
    low.confidence = 0.3;
    assert_eq!(
        HunkVerdict::judge("a.py", 1, 1, &[&low], 0).verdict,
        Verdict::Review
    );
    low.confidence = 0.5;
    assert_eq!(
        HunkVerdict::judge("a.py", 1, 1, &[&low], 0).verdict,
        Verdict::Suspect
    );
    let note = Finding::new(FindingKind::Unverifiable, "a.py", 1, 1, 1, "x".into());
    assert_eq!(note.severity, Severity::Note);
    assert_eq!(
        HunkVerdict::judge("a.py", 1, 1, &[&note], 0).verdict,
        Verdict::Review
    );
    assert_eq!(
        HunkVerdict::judge("a.py", 1, 1, &[], 0).reasons,
        vec!["adds no references to check"]
    );
}

#[test]
fn min_confidence_filters_and_recounts() {
    let mut r = sample();
    assert_eq!(r.exit_code(), 1);
    r.retain_min_confidence(0.92);
    assert_eq!(r.findings.len(), 2);
    assert_eq!(r.summary.warnings, 0);
    assert_eq!(r.summary.hunks, 3);
    r.retain_min_confidence(1.01);
    assert_eq!(r.exit_code(), 0);
    assert_eq!(r.summary.findings, 0);
}

#[test]
fn formats_by_name() {
    use plumb_check::report::Format;
    let r = sample();
    assert_eq!(
        r.render("json".parse::<Format>().unwrap(), false),
        r.to_json()
    );
    assert!(
        r.render("sarif".parse().unwrap(), false)
            .contains("\"version\": \"2.1.0\"")
    );
    assert_eq!(
        r.render("text".parse().unwrap(), true),
        render_text(&r, true)
    );
    assert_eq!(
        "xml".parse::<Format>().unwrap_err(),
        "unknown format 'xml': expected text, json or sarif"
    );
}

#[test]
fn text_rendering_is_compiler_style() {
    let text = render_text(&sample(), false);
    let expected = "\
error[arity-mismatch]: `concat` takes 2 arguments but 3 were given
 --> lib/\u{e9}t\u{e9}.c:7:7
  |
7 |     \u{e9} = concat(a, b, c);
  |         ^^^^^^
  |
  = note: confidence 1.00

warning[undeclared-package]: package `requestz` is not declared in pyproject.toml and is not installed
 --> src/app.py:2:8
  |
2 | import requestz
  |        ^^^^^^^^
  |
  = help: did you mean `requests` (pyproject.toml:0)?
  = note: pyproject.toml declares: click, httpx
  = note: confidence 0.90

error[unknown-symbol]: `fetch_config` is not defined anywhere the scope rules reach
  --> src/app.py:11:11
   |
11 |     cfg = fetch_config(path, strict=True)
   |           ^^^^^^^^^^^^
   |
   = help: did you mean `load_config` (src/config.py:12)?
   = help: `read_settings` (src/settings.py:40) does something similar
   = note: searched locals and parameters of `main` (src/app.py:9)
   = note: searched module scope of src/app.py and its imports: os, sys
   = note: searched 1,204 project files and the python builtins
   = note: confidence 0.93

note: skipped assets/logo.png: binary patch

hunks:
  suspect  lib/\u{e9}t\u{e9}.c @@ +5,3 @@
             arity-mismatch at line 7: `concat` takes 2 arguments but 3 were given
  suspect  src/app.py @@ +1,12 @@
             unknown-symbol at line 11: `fetch_config` is not defined anywhere the scope rules reach
             undeclared-package at line 2: package `requestz` is not declared in pyproject.toml and is not installed
  verified src/util.py @@ +3,2 @@
             all 4 references resolved

summary: 3 findings (2 errors, 1 warning, 0 notes); 3 hunks: 1 verified, 0 review, 2 suspect
";
    assert_eq!(text, expected);
    assert!(!text.contains('\x1b'));
    let colored = render_text(&sample(), true);
    assert!(colored.contains("\x1b[1;31merror[unknown-symbol]\x1b[0m"));
}

#[test]
fn json_round_trips_with_schema_version() {
    let r = sample();
    let json = r.to_json();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["findings"][2]["kind"], "unknown-symbol");
    assert_eq!(v["findings"][2]["severity"], "error");
    assert_eq!(v["hunks"][0]["verdict"], "suspect");
    assert_eq!(v["findings"][2]["candidates"][0]["reason"], "name");
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
}

#[test]
fn many_verified_hunks_collapse_to_one_line() {
    use plumb_check::report::{HunkVerdict, IndexInfo, Report};
    let mut hunks: Vec<HunkVerdict> = (0..12)
        .map(|i| HunkVerdict::judge(&format!("src/m{}.py", i % 3), 1 + i * 10, 5, &[], 2))
        .collect();
    let r = sample();
    hunks.extend(
        r.hunks
            .iter()
            .filter(|h| h.verdict.name() != "verified")
            .cloned(),
    );
    let report = Report::new(IndexInfo::default(), r.findings.clone(), hunks, Vec::new());
    let text = plumb_check::report::render_text(&report, false);
    let hunk_section: Vec<&str> = text
        .lines()
        .skip_while(|l| *l != "hunks:")
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(
        hunk_section,
        vec![
            "hunks:",
            "  suspect  lib/\u{e9}t\u{e9}.c @@ +5,3 @@",
            "             arity-mismatch at line 7: `concat` takes 2 arguments but 3 were given",
            "  suspect  src/app.py @@ +1,12 @@",
            "             unknown-symbol at line 11: `fetch_config` is not defined anywhere the scope rules reach",
            "             undeclared-package at line 2: package `requestz` is not declared in pyproject.toml and is not installed",
            "  verified 12 more hunks in 3 files (--format json lists them)",
        ]
    );
}

//! SARIF output validated against the official OASIS SARIF 2.1.0 schema
//! (fixtures/sarif-schema-2.1.0.json) with Python `jsonschema` from the
//! venv that scripts/setup-check-deps.sh creates.

mod common;

use plumb_check::report::{IndexInfo, Report, to_sarif};
use std::path::PathBuf;
use std::process::Command;

const VALIDATE: &str = r#"
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
errors = sorted(cls(schema).iter_errors(json.load(open(sys.argv[2]))), key=lambda e: list(e.path))
for e in errors:
    print("/".join(map(str, e.path)), ":", e.message)
sys.exit(1 if errors else 0)
"#;

fn venv_python() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let py = root.join(".venv/bin/python");
    py.exists().then_some(py)
}

/// `None` when the venv is absent; else the validator's verdict.
fn check(sarif: &str) -> Option<Result<(), String>> {
    let Some(py) = venv_python() else {
        eprintln!(
            "\n\n!!! SKIPPED: SARIF schema validation needs .venv; run scripts/setup-check-deps.sh !!!\n"
        );
        return None;
    };
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("out.sarif");
    std::fs::write(&log, sarif).unwrap();
    let schema =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sarif-schema-2.1.0.json");
    let out = Command::new(py)
        .arg("-c")
        .arg(VALIDATE)
        .arg(&schema)
        .arg(&log)
        .output()
        .unwrap();
    if out.status.success() {
        Some(Ok(()))
    } else {
        Some(Err(format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )))
    }
}

fn validate(sarif: &str) {
    if let Some(Err(e)) = check(sarif) {
        panic!("SARIF does not validate:\n{e}");
    }
}

#[test]
fn sarif_validates_against_official_schema() {
    validate(&to_sarif(&common::sample()));
    validate(&to_sarif(&Report::new(
        IndexInfo::default(),
        vec![],
        vec![],
        vec![],
    )));
}

#[test]
fn the_validator_rejects_a_broken_log() {
    let mut v: serde_json::Value = serde_json::from_str(&to_sarif(&common::sample())).unwrap();
    v["runs"][0]["results"][0]["level"] = "fatal".into();
    if let Some(verdict) = check(&v.to_string()) {
        let err = verdict.expect_err("a level outside the enum must fail validation");
        assert!(err.contains("runs/0/results/0/level"), "{err}");
    }
}

#[test]
fn sarif_content_for_code_scanning() {
    let r = common::sample();
    let v: serde_json::Value = serde_json::from_str(&to_sarif(&r)).unwrap();
    let run = &v["runs"][0];
    assert_eq!(v["version"], "2.1.0");
    assert_eq!(run["tool"]["driver"]["name"], "plumb");
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        vec![
            "unknown-symbol",
            "unknown-import",
            "undeclared-package",
            "arity-mismatch",
            "unknown-keyword",
            "duplicate-function",
            "unverifiable"
        ]
    );
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    // The é line: byte column 7 is code point column 6.
    let region = &results[0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (
            region["startLine"].as_u64(),
            region["startColumn"].as_u64(),
            region["endColumn"].as_u64()
        ),
        (Some(7), Some(6), Some(12))
    );
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "lib/%C3%A9t%C3%A9.c"
    );
    let sym = &results[2];
    assert_eq!(sym["ruleId"], "unknown-symbol");
    assert_eq!(sym["ruleIndex"], 0);
    assert_eq!(sym["level"], "error");
    assert_eq!(sym["properties"]["confidence"], 0.93);
    assert_eq!(
        sym["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "src/config.py"
    );
    assert_eq!(
        sym["relatedLocations"][0]["physicalLocation"]["region"]["startLine"],
        12
    );
    assert_eq!(run["properties"]["hunks"][2]["verdict"], "verified");
    // Fingerprints: stable when the finding moves to another line, distinct between findings.
    let fp = |v: &serde_json::Value| {
        v["partialFingerprints"]["plumbFinding/v1"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let mut moved = r.clone();
    for f in &mut moved.findings {
        f.line += 10;
        f.end_line += 10;
    }
    let mv: serde_json::Value = serde_json::from_str(&to_sarif(&moved)).unwrap();
    let a: Vec<String> = results.iter().map(fp).collect();
    let b: Vec<String> = mv["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(fp)
        .collect();
    assert_eq!(a, b);
    assert_eq!(a.len(), 3);
    assert!(a[0] != a[1] && a[1] != a[2] && a[0] != a[2]);
    assert_eq!(to_sarif(&r), to_sarif(&r.clone()));
}

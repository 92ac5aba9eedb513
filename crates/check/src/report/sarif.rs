//! SARIF 2.1.0 rendering of a [`Report`], for GitHub code scanning and other
//! SARIF consumers.
//!
//! One run, tool driver `plumb` with one rule per [`FindingKind`]; one result
//! per finding. Hunk verdicts go into `run.properties.hunks` rather than into
//! `note` results: code scanning would turn every verified hunk into an
//! alert. Columns are Unicode code points (`run.columnKind`), converted from
//! the byte columns of the report using the finding's code line.

use super::{Finding, FindingKind, Report, Severity};
use serde_json::{Value, json};

pub const SARIF_SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The SARIF log for a report, as pretty JSON with a final newline.
pub fn to_sarif(report: &Report) -> String {
    let mut s =
        serde_json::to_string_pretty(&sarif_value(report)).expect("SARIF always serialises");
    s.push('\n');
    s
}

fn sarif_value(report: &Report) -> Value {
    let rules: Vec<Value> = FindingKind::ALL.iter().map(|k| rule(*k)).collect();
    let results: Vec<Value> = report.findings.iter().map(result).collect();
    let mut run_props = json!({
        "hunks": report.hunks,
        "skipped": report.skipped,
        "summary": report.summary,
    });
    if let Ok(index) = serde_json::to_value(&report.index) {
        run_props["index"] = index;
    }
    json!({
        "$schema": SARIF_SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "plumb",
                    "version": report.tool.version,
                    "semanticVersion": report.tool.version,
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": run_props,
        }]
    })
}

fn rule(kind: FindingKind) -> Value {
    let level = level(kind.default_severity());
    json!({
        "id": kind.id(),
        "name": camel(kind.id()),
        "shortDescription": { "text": kind.describe() },
        "fullDescription": { "text": kind.describe() },
        "defaultConfiguration": { "level": level },
        "properties": { "tags": ["plumb", "correctness"] },
    })
}

fn level(sev: Severity) -> &'static str {
    match sev {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn camel(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn result(f: &Finding) -> Value {
    let rule_index = FindingKind::ALL
        .iter()
        .position(|k| *k == f.kind)
        .unwrap_or(0);
    let related: Vec<Value> = f
        .candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            json!({
                "id": i + 1,
                "physicalLocation": {
                    "artifactLocation": { "uri": uri(&c.file), "uriBaseId": "%SRCROOT%" },
                    "region": { "startLine": c.line.max(1) },
                },
                "message": { "text": format!("candidate `{}` ({} match, score {:.2})", c.name, c.reason, c.score) },
            })
        })
        .collect();
    let mut text = f.message.clone();
    if let Some(c) = f.candidates.first() {
        text.push_str(&format!(
            " Did you mean `{}` ({}:{})?",
            c.name, c.file, c.line
        ));
    }
    let mut region = json!({
        "startLine": f.line.max(1),
        "startColumn": code_point_column(&f.code, f.column),
    });
    let end_line = f.end_line.max(f.line).max(1);
    region["endLine"] = json!(end_line);
    let end_col = if end_line == f.line {
        code_point_column(&f.code, f.end_column)
    } else {
        f.end_column.max(1)
    };
    if end_line > f.line || end_col > region["startColumn"].as_u64().unwrap_or(1) as u32 {
        region["endColumn"] = json!(end_col);
    }
    if !f.code.is_empty() {
        region["snippet"] = json!({ "text": f.code });
    }
    let mut out = json!({
        "ruleId": f.kind.id(),
        "ruleIndex": rule_index,
        "level": level(f.severity),
        "message": { "text": text },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri(&f.file), "uriBaseId": "%SRCROOT%" },
                "region": region,
            }
        }],
        "partialFingerprints": { "plumbFinding/v1": fingerprint(f) },
        "properties": {
            "confidence": f.confidence,
            "evidence": f.evidence,
        },
    });
    if !related.is_empty() {
        out["relatedLocations"] = Value::Array(related);
    }
    out
}

/// 1-based code-point column for a 1-based byte column of `code`.
fn code_point_column(code: &str, byte_col: u32) -> u32 {
    let b = (byte_col.max(1) - 1) as usize;
    if code.is_empty() || b > code.len() {
        return byte_col.max(1);
    }
    let mut cut = b;
    while !code.is_char_boundary(cut) {
        cut -= 1;
    }
    code[..cut].chars().count() as u32 + 1
}

/// A relative URI reference for a repository path (RFC 3986 path chars kept).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Stable across runs and line moves: the kind, the file, the code line with
/// whitespace removed, and the message. FNV-1a 64, hex.
fn fingerprint(f: &Finding) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |s: &str| {
        for b in s.bytes().filter(|b| !b.is_ascii_whitespace()).chain([0xff]) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    eat(f.kind.id());
    eat(&f.file);
    eat(&f.code);
    eat(&f.message);
    format!("{h:016x}")
}

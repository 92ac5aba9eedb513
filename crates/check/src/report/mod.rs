//! The output contract of `plumb check`: findings, hunk verdicts, the report
//! and its three renderings (human text, JSON, SARIF 2.1.0).
//!
//! This module owns the shape and order of what `check` reports and how it
//! is written; it decides nothing about whether code is wrong (that is the
//! checker's job) and never reads files: the checker fills `code` with the
//! source line. JSON is the serde form of [`Report`], documented in
//! `docs/check-json.md`; bump [`SCHEMA_VERSION`] on any breaking change.

mod sarif;
mod text;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use sarif::to_sarif;
pub use text::render_text;

/// The `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Sarif,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        match s {
            "text" | "human" => Ok(Format::Text),
            "json" => Ok(Format::Json),
            "sarif" => Ok(Format::Sarif),
            other => Err(format!(
                "unknown format '{other}': expected text, json or sarif"
            )),
        }
    }
}

/// Version of the JSON report schema (docs/check-json.md).
pub const SCHEMA_VERSION: u32 = 1;

/// What sort of problem a finding reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    UnknownSymbol,
    UnknownImport,
    UndeclaredPackage,
    ArityMismatch,
    UnknownKeyword,
    DuplicateFunction,
    Unverifiable,
}

impl FindingKind {
    pub const ALL: [FindingKind; 7] = [
        FindingKind::UnknownSymbol,
        FindingKind::UnknownImport,
        FindingKind::UndeclaredPackage,
        FindingKind::ArityMismatch,
        FindingKind::UnknownKeyword,
        FindingKind::DuplicateFunction,
        FindingKind::Unverifiable,
    ];

    /// The stable id used in text, JSON and as the SARIF rule id.
    pub fn id(self) -> &'static str {
        match self {
            FindingKind::UnknownSymbol => "unknown-symbol",
            FindingKind::UnknownImport => "unknown-import",
            FindingKind::UndeclaredPackage => "undeclared-package",
            FindingKind::ArityMismatch => "arity-mismatch",
            FindingKind::UnknownKeyword => "unknown-keyword",
            FindingKind::DuplicateFunction => "duplicate-function",
            FindingKind::Unverifiable => "unverifiable",
        }
    }

    pub fn from_id(id: &str) -> Option<FindingKind> {
        FindingKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// One sentence on what the kind means (SARIF rule shortDescription).
    pub fn describe(self) -> &'static str {
        match self {
            FindingKind::UnknownSymbol => {
                "A referenced function, method, class, constant or variable exists nowhere the scope rules reach."
            }
            FindingKind::UnknownImport => "An imported module, path or file does not exist.",
            FindingKind::UndeclaredPackage => {
                "A third-party package is imported that the project's manifest does not declare."
            }
            FindingKind::ArityMismatch => {
                "A call's arguments cannot match the parameters of the definition it resolves to."
            }
            FindingKind::UnknownKeyword => {
                "A keyword argument is not accepted by the definition the call resolves to."
            }
            FindingKind::DuplicateFunction => {
                "New code duplicates a function that already exists in the codebase."
            }
            FindingKind::Unverifiable => {
                "A reference could not be checked because the source it resolves into is not available."
            }
        }
    }

    pub fn default_severity(self) -> Severity {
        match self {
            FindingKind::UnknownSymbol
            | FindingKind::UnknownImport
            | FindingKind::ArityMismatch
            | FindingKind::UnknownKeyword => Severity::Error,
            FindingKind::UndeclaredPackage | FindingKind::DuplicateFunction => Severity::Warning,
            FindingKind::Unverifiable => Severity::Note,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// A real definition offered as what the code probably meant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub name: String,
    pub file: String,
    pub line: u32,
    /// `"name"` (close spelling) or `"behaviour"` (similar code).
    pub reason: String,
    pub score: f64,
}

/// One problem in the change. Lines and columns are 1-based; columns count
/// bytes of the line and `end_column` is exclusive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub severity: Severity,
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    /// The source line at `line`, without its line ending.
    pub code: String,
    pub message: String,
    /// What was searched and where, one entry per scope.
    pub evidence: Vec<String>,
    pub candidates: Vec<Candidate>,
    /// How sure the checker is, in [0, 1].
    pub confidence: f64,
}

impl Finding {
    /// A finding with the kind's default severity, confidence 1 and a span of
    /// `len` bytes on one line.
    pub fn new(
        kind: FindingKind,
        file: &str,
        line: u32,
        column: u32,
        len: u32,
        message: String,
    ) -> Finding {
        Finding {
            kind,
            severity: kind.default_severity(),
            file: file.to_string(),
            line,
            column,
            end_line: line,
            end_column: column + len.max(1),
            code: String::new(),
            message,
            evidence: Vec::new(),
            candidates: Vec::new(),
            confidence: 1.0,
        }
    }

    fn sort_key(&self) -> (&str, u32, u32, FindingKind, &str) {
        (&self.file, self.line, self.column, self.kind, &self.message)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Every reference the hunk adds resolved; nothing to look at.
    Verified,
    /// Something could not be checked or is doubtful: read it.
    Review,
    /// At least one confident error: probably wrong.
    Suspect,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Verified => "verified",
            Verdict::Review => "review",
            Verdict::Suspect => "suspect",
        }
    }
}

/// The verdict on one hunk of the change, on its new-side line range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HunkVerdict {
    pub file: String,
    pub new_start: u32,
    pub new_len: u32,
    pub verdict: Verdict,
    pub reasons: Vec<String>,
}

/// Findings at or above this confidence make an error finding "suspect".
pub const SUSPECT_CONFIDENCE: f64 = 0.5;

impl HunkVerdict {
    /// Judge a hunk from the findings that fall in it and the number of
    /// references it adds that resolved cleanly.
    pub fn judge(
        file: &str,
        new_start: u32,
        new_len: u32,
        findings: &[&Finding],
        resolved: usize,
    ) -> HunkVerdict {
        let mut verdict = Verdict::Verified;
        let mut reasons = Vec::new();
        for f in findings {
            let v = if f.severity == Severity::Error && f.confidence >= SUSPECT_CONFIDENCE {
                Verdict::Suspect
            } else {
                Verdict::Review
            };
            verdict = verdict.max(v);
            reasons.push(format!("{} at line {}: {}", f.kind.id(), f.line, f.message));
        }
        if findings.is_empty() {
            reasons.push(match resolved {
                0 => "adds no references to check".to_string(),
                1 => "its 1 reference resolved".to_string(),
                n => format!("all {n} references resolved"),
            });
        }
        HunkVerdict {
            file: file.to_string(),
            new_start,
            new_len,
            verdict,
            reasons,
        }
    }
}

/// The state of the index the change was checked against.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct IndexInfo {
    /// The commit the index was built at, if the repository is a git one.
    pub commit: Option<String>,
    /// Whether the index matched the working tree when the check ran.
    pub fresh: bool,
    /// When the index was built (RFC 3339), if known.
    pub built_at: Option<String>,
    pub files: Option<u64>,
    /// Anything else the index wants to say (counts, languages).
    #[serde(default, skip_serializing_if = "serde_json::Value::is_null")]
    pub extra: serde_json::Value,
}

/// A file of the change that was not checked, and why (binary patches).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    pub file: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Summary {
    pub findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    /// Findings per kind id; every kind is present.
    pub by_kind: BTreeMap<String, usize>,
    pub hunks: usize,
    pub verified: usize,
    pub review: usize,
    pub suspect: usize,
    pub skipped_files: usize,
}

/// Everything `plumb check` reports, in deterministic order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema_version: u32,
    pub tool: Tool,
    pub index: IndexInfo,
    pub findings: Vec<Finding>,
    pub hunks: Vec<HunkVerdict>,
    pub skipped: Vec<Skipped>,
    pub summary: Summary,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

impl Report {
    /// A report with findings and hunks sorted and the summary counted.
    /// Confidences are clamped into [0, 1] (NaN becomes 0).
    pub fn new(
        index: IndexInfo,
        mut findings: Vec<Finding>,
        mut hunks: Vec<HunkVerdict>,
        mut skipped: Vec<Skipped>,
    ) -> Report {
        for f in &mut findings {
            f.confidence = if f.confidence.is_nan() {
                0.0
            } else {
                f.confidence.clamp(0.0, 1.0)
            };
            f.candidates.sort_by(|a, b| {
                b.score
                    .total_cmp(&a.score)
                    .then_with(|| a.name.cmp(&b.name))
            });
        }
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        hunks.sort_by(|a, b| {
            (&a.file, a.new_start, a.new_len).cmp(&(&b.file, b.new_start, b.new_len))
        });
        skipped.sort_by(|a, b| a.file.cmp(&b.file));
        let mut r = Report {
            schema_version: SCHEMA_VERSION,
            tool: Tool {
                name: "plumb".into(),
                version: env!("CARGO_PKG_VERSION").into(),
            },
            index,
            findings,
            hunks,
            skipped,
            summary: Summary::default(),
        };
        r.summary = r.count();
        r
    }

    fn count(&self) -> Summary {
        let mut s = Summary {
            findings: self.findings.len(),
            hunks: self.hunks.len(),
            skipped_files: self.skipped.len(),
            ..Summary::default()
        };
        for k in FindingKind::ALL {
            s.by_kind.insert(k.id().to_string(), 0);
        }
        for f in &self.findings {
            match f.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Note => s.notes += 1,
            }
            *s.by_kind.entry(f.kind.id().to_string()).or_default() += 1;
        }
        for h in &self.hunks {
            match h.verdict {
                Verdict::Verified => s.verified += 1,
                Verdict::Review => s.review += 1,
                Verdict::Suspect => s.suspect += 1,
            }
        }
        s
    }

    /// Drop findings below `min` confidence and recount (hunk verdicts stay:
    /// they were judged on everything).
    pub fn retain_min_confidence(&mut self, min: f64) {
        self.findings.retain(|f| f.confidence >= min);
        self.summary = self.count();
    }

    /// The process exit code `plumb check` uses: 1 when any finding is left
    /// (after `--min-confidence`), else 0. Usage and internal errors (2) are
    /// the caller's.
    pub fn exit_code(&self) -> i32 {
        i32::from(!self.findings.is_empty())
    }

    /// Render in one of the three output formats.
    pub fn render(&self, format: Format, color: bool) -> String {
        match format {
            Format::Text => render_text(self, color),
            Format::Json => self.to_json(),
            Format::Sarif => to_sarif(self),
        }
    }

    /// The `--format json` output: pretty, with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a report always serialises");
        s.push('\n');
        s
    }
}

//! Human-readable report in the style of rustc/clang diagnostics.
//!
//! One block per finding (header, ` --> file:line:col`, the code line under a
//! line-number gutter, a caret run under the span, `= help:`/`= note:`
//! lines), then the per-hunk verdicts and a summary line. ANSI colour only
//! when the caller asks for it.

use super::{Finding, Report, Severity, Verdict};
use std::fmt::Write;

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn severity(&self, sev: Severity, s: &str) -> String {
        self.wrap(
            match sev {
                Severity::Error => "1;31",
                Severity::Warning => "1;33",
                Severity::Note => "1;36",
            },
            s,
        )
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn gutter(&self, s: &str) -> String {
        self.wrap("1;34", s)
    }
}

/// Render the report for a terminal; `color` adds ANSI escapes.
pub fn render_text(report: &Report, color: bool) -> String {
    let p = Paint { on: color };
    let mut out = String::new();
    for f in &report.findings {
        finding(&mut out, f, &p);
        out.push('\n');
    }
    for s in &report.skipped {
        let _ = writeln!(
            out,
            "{}: skipped {}: {}",
            p.severity(Severity::Note, "note"),
            s.file,
            s.reason
        );
    }
    if !report.skipped.is_empty() {
        out.push('\n');
    }
    if !report.hunks.is_empty() {
        let _ = writeln!(out, "{}", p.bold("hunks:"));
        // Many verified hunks say nothing a reader must act on: past a
        // handful they collapse to one line (JSON and SARIF keep them all).
        let verified = report
            .hunks
            .iter()
            .filter(|h| h.verdict == Verdict::Verified)
            .count();
        let collapse = verified > MAX_LISTED_VERIFIED;
        for h in &report.hunks {
            if collapse && h.verdict == Verdict::Verified {
                continue;
            }
            let label = format!("{:<8}", h.verdict.name());
            let painted = match h.verdict {
                Verdict::Verified => p.wrap("1;32", &label),
                Verdict::Review => p.wrap("1;33", &label),
                Verdict::Suspect => p.wrap("1;31", &label),
            };
            let _ = writeln!(
                out,
                "  {painted} {} @@ +{},{} @@",
                h.file, h.new_start, h.new_len
            );
            for r in &h.reasons {
                let _ = writeln!(out, "             {r}");
            }
        }
        if collapse {
            let files: std::collections::BTreeSet<&str> = report
                .hunks
                .iter()
                .filter(|h| h.verdict == Verdict::Verified)
                .map(|h| h.file.as_str())
                .collect();
            let label = p.wrap("1;32", &format!("{:<8}", "verified"));
            let _ = writeln!(
                out,
                "  {label} {verified} more hunks in {} file{} (--format json lists them)",
                files.len(),
                plural(files.len())
            );
        }
        out.push('\n');
    }
    let s = &report.summary;
    let _ = writeln!(
        out,
        "{}: {} finding{} ({} error{}, {} warning{}, {} note{}); {} hunk{}: {} verified, {} review, {} suspect",
        p.bold("summary"),
        s.findings,
        plural(s.findings),
        s.errors,
        plural(s.errors),
        s.warnings,
        plural(s.warnings),
        s.notes,
        plural(s.notes),
        s.hunks,
        plural(s.hunks),
        s.verified,
        s.review,
        s.suspect
    );
    out
}

/// Verified hunks listed one by one before they collapse to a count.
const MAX_LISTED_VERIFIED: usize = 10;

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn finding(out: &mut String, f: &Finding, p: &Paint) {
    let head = format!("{}[{}]", f.severity.name(), f.kind.id());
    let _ = writeln!(
        out,
        "{}{}",
        p.severity(f.severity, &head),
        p.bold(&format!(": {}", f.message))
    );
    let width = f.line.to_string().len();
    let pad = " ".repeat(width);
    let _ = writeln!(
        out,
        "{pad}{} {}:{}:{}",
        p.gutter("-->"),
        f.file,
        f.line,
        f.column
    );
    if !f.code.is_empty() {
        let (shown, start, len) = caret_span(f);
        let _ = writeln!(out, "{pad} {}", p.gutter("|"));
        let _ = writeln!(
            out,
            "{} {}",
            p.gutter(&format!("{:>width$} |", f.line)),
            shown
        );
        let carets = "^".repeat(len);
        let _ = writeln!(
            out,
            "{pad} {} {}{}",
            p.gutter("|"),
            " ".repeat(start),
            p.severity(f.severity, &carets)
        );
        let _ = writeln!(out, "{pad} {}", p.gutter("|"));
    }
    let eq = p.gutter("=");
    let mut first = true;
    for c in &f.candidates {
        let what = if c.reason == "behaviour" {
            "does something similar"
        } else {
            "is close by name"
        };
        if first && c.reason != "behaviour" {
            let _ = writeln!(
                out,
                "{pad} {eq} {}: did you mean `{}` ({}:{})?",
                p.bold("help"),
                c.name,
                c.file,
                c.line
            );
        } else {
            let _ = writeln!(
                out,
                "{pad} {eq} {}: `{}` ({}:{}) {what}",
                p.bold("help"),
                c.name,
                c.file,
                c.line
            );
        }
        first = false;
    }
    for e in &f.evidence {
        let _ = writeln!(out, "{pad} {eq} {}: {e}", p.bold("note"));
    }
    let _ = writeln!(
        out,
        "{pad} {eq} {}: confidence {:.2}",
        p.bold("note"),
        f.confidence
    );
}

/// The code line with tabs expanded, and where (in display columns) and how
/// wide the caret run is.
fn caret_span(f: &Finding) -> (String, usize, usize) {
    let code = f.code.as_str();
    let col0 = (f.column.max(1) - 1) as usize;
    let end0 = if f.end_line == f.line && f.end_column > f.column {
        (f.end_column - 1) as usize
    } else {
        code.len()
    };
    let mut shown = String::with_capacity(code.len());
    let (mut start, mut end) = (None, None);
    let mut width = 0usize;
    for (i, ch) in code.char_indices() {
        if start.is_none() && i >= col0 {
            start = Some(width);
        }
        if end.is_none() && i >= end0 {
            end = Some(width);
        }
        if ch == '\t' {
            shown.push_str("    ");
            width += 4;
        } else {
            shown.push(ch);
            width += 1;
        }
    }
    let start = start.unwrap_or(width);
    let end = end.unwrap_or(width);
    (shown, start, end.saturating_sub(start).max(1))
}

//! Applying one [`FileChange`] to the old text of its file, in memory.
//!
//! Context and removed lines must match the old text. Agents often get hunk
//! line numbers wrong, so a hunk that does not match where its header says is
//! looked for at the nearest place (after the previous hunk) where it does,
//! as `patch` does; it never matches fuzzily on content. Line endings: old
//! lines keep theirs; added lines take the file's dominant ending.

use super::{FileChange, FileStatus, Hunk, LineKind};
use std::fmt;

/// A change that does not fit the file it is applied to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplyError {
    pub file: String,
    /// 1-based line of the old file where the hunk was expected to match.
    pub line: u32,
    pub hunk: String,
    /// What the diff expects there, and what the file has (`None` past EOF).
    pub expected: String,
    pub found: Option<String>,
}

impl fmt::Display for ApplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.found {
            Some(found) => write!(
                f,
                "{}: hunk {} does not apply: line {} is '{}', the diff expects '{}'",
                self.file,
                self.hunk,
                self.line,
                found.escape_debug(),
                self.expected.escape_debug()
            ),
            None => write!(
                f,
                "{}: hunk {} does not apply: the file ends before line {}, the diff expects '{}'",
                self.file,
                self.hunk,
                self.line,
                self.expected.escape_debug()
            ),
        }
    }
}

impl std::error::Error for ApplyError {}

/// The new text of the file after `change`, given its old text (`""` for an
/// added file). Binary patches cannot be applied and are an error.
pub fn apply(old_text: &str, change: &FileChange) -> Result<String, ApplyError> {
    let file = change.path().to_string();
    if change.status == FileStatus::Binary {
        return Err(ApplyError {
            file,
            line: 0,
            hunk: "(binary patch)".into(),
            expected: "a text hunk".into(),
            found: None,
        });
    }
    let old: Vec<&str> = split_keep(old_text);
    let crlf =
        old.iter().filter(|l| l.ends_with("\r\n")).count() * 2 > old.len() && !old.is_empty();
    let eol = if crlf { "\r\n" } else { "\n" };
    let mut out = String::with_capacity(old_text.len() + 256);
    let mut cursor = 0usize; // next old line (0-based) not yet copied
    for hunk in &change.hunks {
        let want = if hunk.old_len == 0 {
            hunk.old_start as usize
        } else {
            (hunk.old_start as usize).saturating_sub(1)
        };
        let at = locate(&old, hunk, want, cursor)
            .ok_or_else(|| mismatch(&file, &old, hunk, want.max(cursor)))?;
        for l in &old[cursor..at] {
            out.push_str(l);
        }
        let mut i = at;
        for line in &hunk.lines {
            match line.kind {
                LineKind::Context => {
                    out.push_str(old[i]);
                    if line.no_newline {
                        trim_eol(&mut out);
                    }
                    i += 1;
                }
                LineKind::Removed => i += 1,
                LineKind::Added => {
                    out.push_str(&line.text);
                    if !line.no_newline {
                        out.push_str(if line.text.ends_with('\r') { "\n" } else { eol });
                    }
                }
            }
        }
        cursor = i;
    }
    for l in &old[cursor..] {
        out.push_str(l);
    }
    Ok(out)
}

fn split_keep(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

fn trim_eol(s: &mut String) {
    if s.ends_with('\n') {
        s.pop();
        if s.ends_with('\r') {
            s.pop();
        }
    }
}

fn content(l: &str) -> &str {
    let l = l.strip_suffix('\n').unwrap_or(l);
    l.strip_suffix('\r').unwrap_or(l)
}

fn same(file_line: &str, diff_text: &str) -> bool {
    content(file_line) == diff_text.strip_suffix('\r').unwrap_or(diff_text)
}

/// Whether the hunk's old side matches `old` starting at line `at`.
fn matches_at(old: &[&str], hunk: &Hunk, at: usize) -> bool {
    let mut i = at;
    for line in &hunk.lines {
        if line.kind == LineKind::Added {
            continue;
        }
        match old.get(i) {
            Some(l) if same(l, &line.text) => i += 1,
            _ => return false,
        }
    }
    true
}

/// Where the hunk applies: at `want` if it matches there, else the nearest
/// matching start at or after `floor`.
fn locate(old: &[&str], hunk: &Hunk, want: usize, floor: usize) -> Option<usize> {
    let want = want.max(floor);
    let old_side = hunk
        .lines
        .iter()
        .filter(|l| l.kind != LineKind::Added)
        .count();
    if old_side == 0 {
        return (want <= old.len()).then_some(want.min(old.len()));
    }
    let last = old.len().checked_sub(old_side)?;
    if want <= last && matches_at(old, hunk, want) {
        return Some(want);
    }
    let mut best: Option<(usize, usize)> = None;
    for start in floor..=last {
        if matches_at(old, hunk, start) {
            let d = start.abs_diff(want);
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, start));
            }
        }
    }
    best.map(|(_, s)| s)
}

/// The first line where the hunk disagrees with the file at its stated place.
fn mismatch(file: &str, old: &[&str], hunk: &Hunk, at: usize) -> ApplyError {
    let mut i = at;
    for line in hunk.lines.iter().filter(|l| l.kind != LineKind::Added) {
        match old.get(i) {
            Some(l) if same(l, &line.text) => i += 1,
            other => {
                return ApplyError {
                    file: file.to_string(),
                    line: i as u32 + 1,
                    hunk: hunk.range_text(),
                    expected: line.text.clone(),
                    found: other.map(|l| content(l).to_string()),
                };
            }
        }
    }
    ApplyError {
        file: file.to_string(),
        line: at as u32 + 1,
        hunk: hunk.range_text(),
        expected: String::new(),
        found: None,
    }
}

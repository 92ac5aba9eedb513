//! Unified diffs: the model of a change, its parser and its in-memory apply.
//!
//! This module owns reading the diffs that agents and `git diff` write (with
//! or without `a/`/`b/` prefixes, `diff --git` headers or bare `---`/`+++`,
//! renames, copies, mode changes, binary patches, CRLF, missing final
//! newlines) into a [`Change`], and [`apply`]ing one [`FileChange`] to the old
//! text of its file so the checker can overlay the change on the index. It
//! does not touch the disk, the index or git objects: callers supply the old
//! text.

mod apply;
mod parse;

use serde::{Deserialize, Serialize};
use std::fmt;

pub use apply::{ApplyError, apply};
pub use parse::parse;

/// A whole change: every file a diff touches, in diff order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Change {
    pub files: Vec<FileChange>,
}

impl Change {
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Files the checker cannot read as text (binary patches), to be reported
    /// as skipped.
    pub fn skipped(&self) -> impl Iterator<Item = &FileChange> {
        self.files.iter().filter(|f| f.status == FileStatus::Binary)
    }
}

/// What a diff does to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileStatus {
    Added,
    Deleted,
    Modified,
    Renamed,
    Copied,
    /// A binary patch or "Binary files ... differ": skipped, not an error.
    Binary,
    /// Only the file mode changed; no content hunks.
    ModeOnly,
}

impl FileStatus {
    pub fn name(self) -> &'static str {
        match self {
            FileStatus::Added => "added",
            FileStatus::Deleted => "deleted",
            FileStatus::Modified => "modified",
            FileStatus::Renamed => "renamed",
            FileStatus::Copied => "copied",
            FileStatus::Binary => "binary",
            FileStatus::ModeOnly => "mode_only",
        }
    }
}

/// One file's part of a change. `old_path` is `None` for an added file and
/// `new_path` is `None` for a deleted one; paths carry no `a/`/`b/` prefix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileChange {
    pub old_path: Option<String>,
    pub new_path: Option<String>,
    pub status: FileStatus,
    pub hunks: Vec<Hunk>,
    pub old_mode: Option<String>,
    pub new_mode: Option<String>,
    /// `similarity index N%` of a rename or copy.
    pub similarity: Option<u8>,
    /// 1-based line of the diff where this file's header starts.
    pub diff_line: usize,
}

impl FileChange {
    /// The path the file has after the change (the old one for a delete).
    pub fn path(&self) -> &str {
        self.new_path
            .as_deref()
            .or(self.old_path.as_deref())
            .unwrap_or("")
    }

    /// Lines this change adds to the new file, with their new line numbers.
    pub fn added_lines(&self) -> impl Iterator<Item = (u32, &str)> {
        self.hunks.iter().flat_map(|h| {
            h.lines.iter().filter_map(|l| match (l.kind, l.new_line) {
                (LineKind::Added, Some(n)) => Some((n, l.text.as_str())),
                _ => None,
            })
        })
    }
}

/// One `@@ -a,b +c,d @@ header` block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hunk {
    pub old_start: u32,
    pub old_len: u32,
    pub new_start: u32,
    pub new_len: u32,
    /// The text after the closing `@@` (often the enclosing function).
    pub header: String,
    pub lines: Vec<HunkLine>,
    /// 1-based line of the diff holding the `@@` header.
    pub diff_line: usize,
}

impl Hunk {
    /// The header as it would be written: `@@ -a,b +c,d @@`.
    pub fn range_text(&self) -> String {
        format!(
            "@@ -{},{} +{},{} @@",
            self.old_start, self.old_len, self.new_start, self.new_len
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    Context,
    Added,
    Removed,
}

/// One line of a hunk. `text` has no prefix and no `\n`; a `\r` of a CRLF
/// file is kept unless the whole diff was written with CRLF endings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HunkLine {
    pub kind: LineKind,
    pub text: String,
    pub old_line: Option<u32>,
    pub new_line: Option<u32>,
    /// Followed by `\ No newline at end of file`.
    pub no_newline: bool,
}

/// A diff that cannot be read: where, what was expected and what was there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffError {
    pub line: usize,
    pub expected: String,
    pub found: String,
}

/// The `found` value of a [`DiffError`] raised at the end of the input.
pub const END_OF_INPUT: &str = "\0end";

impl fmt::Display for DiffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.found == END_OF_INPUT {
            write!(
                f,
                "diff line {}: expected {}, found the end of the diff",
                self.line, self.expected
            )
        } else {
            let mut shown: String = self.found.chars().take(80).collect();
            if shown.len() < self.found.len() {
                shown.push_str("...");
            }
            write!(
                f,
                "diff line {}: expected {}, found '{}'",
                self.line,
                self.expected,
                shown.escape_debug()
            )
        }
    }
}

impl std::error::Error for DiffError {}

//! The unified-diff reader: text in, [`Change`] or a [`DiffError`] out.
//!
//! Lines outside any file or hunk (commit messages, `index` lines of other
//! tools, `Only in ...`) are ignored like `git apply` ignores them; a hunk
//! whose lines do not match the counts of its header is an error, because
//! applying it would guess.

use super::{Change, DiffError, END_OF_INPUT, FileChange, FileStatus, Hunk, HunkLine, LineKind};

/// Read a unified diff. An empty (or blank) input is an empty change.
pub fn parse(text: &str) -> Result<Change, DiffError> {
    let lines = split_lines(text);
    let mut p = Parser {
        lines,
        pos: 0,
        files: Vec::new(),
    };
    p.run()?;
    if p.files.is_empty()
        && let Some((i, l)) = p
            .lines
            .iter()
            .enumerate()
            .find(|(_, l)| !l.trim().is_empty())
    {
        return Err(DiffError {
            line: i + 1,
            expected: "a file header 'diff --git a/path b/path' or '--- a/path'".into(),
            found: (*l).to_string(),
        });
    }
    Ok(Change { files: p.files })
}

/// Split on `\n`; if the diff's own structure lines end in `\r\n` (the whole
/// diff was saved with CRLF), drop one `\r` from every line.
fn split_lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.split('\n').collect();
    if lines.last() == Some(&"") {
        lines.pop();
    }
    let mut structural = 0usize;
    let mut crlf = 0usize;
    for l in &lines {
        if l.starts_with("diff ")
            || l.starts_with("@@ ")
            || l.starts_with("+++ ")
            || l.starts_with("--- ")
        {
            structural += 1;
            if l.ends_with('\r') {
                crlf += 1;
            }
        }
    }
    if structural > 0 && crlf * 2 > structural {
        for l in &mut lines {
            *l = l.strip_suffix('\r').unwrap_or(l);
        }
    }
    lines
}

struct Parser<'a> {
    lines: Vec<&'a str>,
    pos: usize,
    files: Vec<FileChange>,
}

#[derive(Default)]
struct Header {
    git_old: Option<String>,
    git_new: Option<String>,
    minus: Option<Option<String>>,
    plus: Option<Option<String>>,
    rename_from: Option<String>,
    rename_to: Option<String>,
    copy_from: Option<String>,
    copy_to: Option<String>,
    old_mode: Option<String>,
    new_mode: Option<String>,
    new_file: bool,
    deleted_file: bool,
    binary: bool,
    similarity: Option<u8>,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<&'a str> {
        self.lines.get(self.pos).copied()
    }

    fn err(&self, expected: &str) -> DiffError {
        DiffError {
            line: self.pos + 1,
            expected: expected.to_string(),
            found: self
                .peek()
                .map(str::to_string)
                .unwrap_or_else(|| END_OF_INPUT.to_string()),
        }
    }

    fn run(&mut self) -> Result<(), DiffError> {
        while let Some(line) = self.peek() {
            if line.starts_with("diff --git ") {
                self.git_file()?;
            } else if line.starts_with("--- ")
                && self
                    .lines
                    .get(self.pos + 1)
                    .is_some_and(|n| n.starts_with("+++ "))
            {
                let start = self.pos;
                let mut h = Header::default();
                self.minus_plus(&mut h)?;
                self.finish_file(h, start)?;
            } else if line.starts_with("@@ ") {
                return Err(self.err("a file header 'diff --git a/path b/path' or '--- a/path' before the first hunk"));
            } else {
                self.pos += 1;
            }
        }
        Ok(())
    }

    fn git_file(&mut self) -> Result<(), DiffError> {
        let start = self.pos;
        let rest = &self.peek().unwrap()["diff --git ".len()..];
        let mut h = Header::default();
        if let Some((a, b)) = split_git_paths(rest) {
            h.git_old = Some(a);
            h.git_new = Some(b);
        }
        self.pos += 1;
        while let Some(line) = self.peek() {
            if let Some(v) = line.strip_prefix("old mode ") {
                h.old_mode = Some(v.trim().to_string());
            } else if let Some(v) = line.strip_prefix("new mode ") {
                h.new_mode = Some(v.trim().to_string());
            } else if let Some(v) = line.strip_prefix("new file mode ") {
                h.new_file = true;
                h.new_mode = Some(v.trim().to_string());
            } else if let Some(v) = line.strip_prefix("deleted file mode ") {
                h.deleted_file = true;
                h.old_mode = Some(v.trim().to_string());
            } else if let Some(v) = line.strip_prefix("similarity index ") {
                h.similarity = v.trim().trim_end_matches('%').parse().ok();
            } else if line.starts_with("dissimilarity index ") || line.starts_with("index ") {
            } else if let Some(v) = line.strip_prefix("rename from ") {
                h.rename_from = Some(unquote(v));
            } else if let Some(v) = line.strip_prefix("rename to ") {
                h.rename_to = Some(unquote(v));
            } else if let Some(v) = line.strip_prefix("copy from ") {
                h.copy_from = Some(unquote(v));
            } else if let Some(v) = line.strip_prefix("copy to ") {
                h.copy_to = Some(unquote(v));
            } else if line.starts_with("Binary files ") && line.ends_with(" differ") {
                h.binary = true;
            } else if line == "GIT binary patch" {
                h.binary = true;
                self.pos += 1;
                // literal/delta blocks of base85 data, ended by the next file.
                while self.peek().is_some_and(|l| !l.starts_with("diff --git ")) {
                    self.pos += 1;
                }
                break;
            } else if line.starts_with("--- ") {
                self.minus_plus(&mut h)?;
                break;
            } else {
                break;
            }
            self.pos += 1;
        }
        self.finish_file(h, start)
    }

    fn minus_plus(&mut self, h: &mut Header) -> Result<(), DiffError> {
        let minus = self.peek().unwrap();
        h.minus = Some(header_path(&minus[4..]));
        self.pos += 1;
        match self.peek() {
            Some(l) if l.starts_with("+++ ") => {
                h.plus = Some(header_path(&l[4..]));
                self.pos += 1;
                Ok(())
            }
            _ => Err(self.err("'+++ b/path' after the '---' line")),
        }
    }

    fn finish_file(&mut self, h: Header, start: usize) -> Result<(), DiffError> {
        let mut hunks = Vec::new();
        while let Some(line) = self.peek() {
            if line.starts_with("@@") {
                hunks.push(self.hunk()?);
            } else {
                break;
            }
        }
        if h.minus.is_some() && hunks.is_empty() && !h.binary {
            return Err(self.err("a hunk header '@@ -a,b +c,d @@'"));
        }
        let (old_path, new_path) = resolve_paths(&h);
        let status = if h.binary {
            FileStatus::Binary
        } else if h.new_file || (old_path.is_none() && new_path.is_some()) {
            FileStatus::Added
        } else if h.deleted_file || (new_path.is_none() && old_path.is_some()) {
            FileStatus::Deleted
        } else if h.rename_from.is_some() || h.rename_to.is_some() {
            FileStatus::Renamed
        } else if h.copy_from.is_some() || h.copy_to.is_some() {
            FileStatus::Copied
        } else if hunks.is_empty() && (h.old_mode.is_some() || h.new_mode.is_some()) {
            FileStatus::ModeOnly
        } else {
            FileStatus::Modified
        };
        if old_path.is_none() && new_path.is_none() {
            return Err(DiffError {
                line: start + 1,
                expected: "a file header naming a path".into(),
                found: self.lines[start].to_string(),
            });
        }
        self.files.push(FileChange {
            old_path,
            new_path,
            status,
            hunks,
            old_mode: h.old_mode,
            new_mode: h.new_mode,
            similarity: h.similarity,
            diff_line: start + 1,
        });
        Ok(())
    }

    fn hunk(&mut self) -> Result<Hunk, DiffError> {
        const EXPECTED: &str = "a hunk header '@@ -a,b +c,d @@'";
        let line = self.peek().unwrap();
        let diff_line = self.pos + 1;
        let (old_start, old_len, new_start, new_len, header) =
            parse_hunk_header(line).ok_or_else(|| self.err(EXPECTED))?;
        self.pos += 1;
        let (mut old_left, mut new_left) = (old_len, new_len);
        let (mut old_no, mut new_no) = (old_start.max(1), new_start.max(1));
        if old_len == 0 {
            old_no = old_start + 1;
        }
        if new_len == 0 {
            new_no = new_start + 1;
        }
        let mut lines: Vec<HunkLine> = Vec::new();
        while old_left > 0 || new_left > 0 {
            let Some(l) = self.peek() else {
                return Err(self.count_err(old_left, new_left, diff_line));
            };
            let (kind, text) = match l.as_bytes().first() {
                Some(b' ') => (LineKind::Context, &l[1..]),
                // A blank line inside a hunk is a context line whose single
                // space was stripped by an editor or a mail client.
                None => (LineKind::Context, ""),
                Some(b'-') => (LineKind::Removed, &l[1..]),
                Some(b'+') => (LineKind::Added, &l[1..]),
                Some(b'\\') => {
                    if let Some(last) = lines.last_mut() {
                        last.no_newline = true;
                    }
                    self.pos += 1;
                    continue;
                }
                _ => return Err(self.count_err(old_left, new_left, diff_line)),
            };
            let (old_line, new_line) = match kind {
                LineKind::Context => (Some(old_no), Some(new_no)),
                LineKind::Removed => (Some(old_no), None),
                LineKind::Added => (None, Some(new_no)),
            };
            let uses_old = old_line.is_some();
            let uses_new = new_line.is_some();
            if (uses_old && old_left == 0) || (uses_new && new_left == 0) {
                return Err(self.count_err(old_left, new_left, diff_line));
            }
            if uses_old {
                old_left -= 1;
                old_no += 1;
            }
            if uses_new {
                new_left -= 1;
                new_no += 1;
            }
            lines.push(HunkLine {
                kind,
                text: text.to_string(),
                old_line,
                new_line,
                no_newline: false,
            });
            self.pos += 1;
        }
        if self.peek().is_some_and(|l| l.starts_with('\\')) {
            if let Some(last) = lines.last_mut() {
                last.no_newline = true;
            }
            self.pos += 1;
        }
        // A '+'/'-'/' ' line right after a complete hunk means the header
        // undercounted (unless it starts the next file's '---'/'+++' pair).
        if let Some(l) = self.peek() {
            let next_is_header = l.starts_with("--- ")
                && self
                    .lines
                    .get(self.pos + 1)
                    .is_some_and(|n| n.starts_with("+++ "));
            if (l.starts_with('+') || l.starts_with('-') || l.starts_with(' ')) && !next_is_header {
                return Err(DiffError {
                    line: self.pos + 1,
                    expected: format!(
                        "the next hunk or file (the hunk at diff line {diff_line} declares {old_len} old and {new_len} new lines)"
                    ),
                    found: l.to_string(),
                });
            }
        }
        Ok(Hunk {
            old_start,
            old_len,
            new_start,
            new_len,
            header,
            lines,
            diff_line,
        })
    }

    fn count_err(&self, old_left: u32, new_left: u32, diff_line: usize) -> DiffError {
        self.err(&format!(
            "{old_left} more old and {new_left} more new lines for the hunk at diff line {diff_line}"
        ))
    }
}

fn parse_hunk_header(line: &str) -> Option<(u32, u32, u32, u32, String)> {
    let rest = line.strip_prefix("@@ -")?;
    let (ranges, tail) = rest.split_once(" @@")?;
    let (old, new) = ranges.split_once(" +")?;
    let (os, ol) = range(old)?;
    let (ns, nl) = range(new)?;
    Some((os, ol, ns, nl, tail.trim().to_string()))
}

fn range(s: &str) -> Option<(u32, u32)> {
    match s.split_once(',') {
        Some((a, b)) => Some((a.parse().ok()?, b.parse().ok()?)),
        None => Some((s.parse().ok()?, 1)),
    }
}

/// The path of a `---`/`+++` line: `None` for `/dev/null`; a trailing
/// timestamp after a tab (from `diff -u`) is dropped.
fn header_path(raw: &str) -> Option<String> {
    let raw = raw.strip_suffix('\r').unwrap_or(raw);
    let p = if raw.starts_with('"') {
        match closing_quote(raw) {
            Some(end) => unquote(&raw[..=end]),
            None => unquote(raw),
        }
    } else {
        raw.split('\t').next().unwrap_or("").trim_end().to_string()
    };
    if p == "/dev/null" { None } else { Some(p) }
}

/// `diff --git a/x b/y`: prefer the split where both sides name the same
/// path (a space inside a path makes the line ambiguous otherwise).
fn split_git_paths(rest: &str) -> Option<(String, String)> {
    let rest = rest.trim_end_matches('\r');
    if rest.starts_with('"') {
        let end = closing_quote(rest)?;
        let a = unquote(&rest[..=end]);
        let b = rest[end + 1..].trim_start();
        return Some((
            a,
            if b.starts_with('"') {
                unquote(b)
            } else {
                b.to_string()
            },
        ));
    }
    if let Some(q) = rest.find(" \"") {
        return Some((rest[..q].to_string(), unquote(&rest[q + 1..])));
    }
    let spaces: Vec<usize> = rest.match_indices(' ').map(|(i, _)| i).collect();
    for &i in &spaces {
        let (a, b) = (&rest[..i], &rest[i + 1..]);
        if strip_one(a) == strip_one(b) {
            return Some((a.to_string(), b.to_string()));
        }
    }
    let i = rest.find(" b/").or_else(|| spaces.first().copied())?;
    Some((rest[..i].to_string(), rest[i + 1..].to_string()))
}

fn strip_one(p: &str) -> &str {
    let b = p.as_bytes();
    if b.len() > 2 && b[1] == b'/' && b[0].is_ascii_lowercase() {
        &p[2..]
    } else {
        p
    }
}

/// Prefix pairs git writes: default `a/ b/`, and `diff.mnemonicPrefix` ones.
const PREFIX_PAIRS: [(&str, &str); 6] = [
    ("a/", "b/"),
    ("i/", "w/"),
    ("c/", "w/"),
    ("c/", "i/"),
    ("o/", "w/"),
    ("w/", "i/"),
];

fn resolve_paths(h: &Header) -> (Option<String>, Option<String>) {
    // Raw (possibly prefixed) old and new paths: ---/+++ first, then diff --git.
    let (old_raw, new_raw) = match (&h.minus, &h.plus) {
        (Some(m), Some(p)) => (m.clone(), p.clone()),
        _ => (
            if h.new_file { None } else { h.git_old.clone() },
            if h.deleted_file {
                None
            } else {
                h.git_new.clone()
            },
        ),
    };
    // Decide whether prefixes are in use by looking at every raw path we have.
    let olds: Vec<&str> = [old_raw.as_deref(), h.git_old.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let news: Vec<&str> = [new_raw.as_deref(), h.git_new.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let pair = PREFIX_PAIRS.iter().find(|(a, b)| {
        (!olds.is_empty() || !news.is_empty())
            && olds.iter().all(|p| p.starts_with(a))
            && news.iter().all(|p| p.starts_with(b))
    });
    let strip = |p: Option<String>, pre: Option<&str>| -> Option<String> {
        p.map(|p| match pre {
            Some(pre) => p.strip_prefix(pre).unwrap_or(&p).to_string(),
            None => p,
        })
    };
    let mut old = strip(old_raw, pair.map(|p| p.0));
    let mut new = strip(new_raw, pair.map(|p| p.1));
    // rename/copy lines carry unprefixed paths and win when present.
    if let Some(f) = h.rename_from.as_ref().or(h.copy_from.as_ref()) {
        old = Some(f.clone());
    }
    if let Some(t) = h.rename_to.as_ref().or(h.copy_to.as_ref()) {
        new = Some(t.clone());
    }
    (old, new)
}

fn closing_quote(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// Undo git's C-style quoting of unusual paths (`"a/t\303\251st.py"`).
fn unquote(s: &str) -> String {
    let s = s.trim_end_matches('\r');
    let Some(inner) = s.strip_prefix('"').and_then(|x| x.strip_suffix('"')) else {
        return s.to_string();
    };
    let b = inner.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 1 < b.len() {
            let c = b[i + 1];
            if (b'0'..=b'7').contains(&c) && i + 4 <= b.len() {
                let oct = &inner[i + 1..i + 4];
                if let Ok(v) = u8::from_str_radix(oct, 8) {
                    out.push(v);
                    i += 4;
                    continue;
                }
            }
            out.push(match c {
                b'n' => b'\n',
                b't' => b'\t',
                b'r' => b'\r',
                b'a' => 7,
                b'b' => 8,
                b'f' => 12,
                b'v' => 11,
                other => other,
            });
            i += 2;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

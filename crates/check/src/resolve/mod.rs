//! Resolving the references and imports a change adds, one language family
//! per file: [`python`], [`rust`], [`js`] (JavaScript/TypeScript), [`go`], [`java`],
//! [`other`] (C and C++ includes), with the shared
//! scope rules in [`scope`] and installed dependency sources in [`deps`].
//!
//! This module owns the per-file context ([`FileCtx`]) and how an
//! unresolved name becomes a [`Finding`] with evidence and candidates. It does
//! not read the change (that is `engine`) nor decide verdicts.

/// `Outcome::Skipped`, noting where on stderr when `PLUMB_TRACE_SKIPS` is
/// set: how a developer of the checker finds why a reference went unchecked.
macro_rules! skipped {
    () => {
        $crate::resolve::traced_skip(file!(), line!())
    };
}

pub mod deps;
pub mod go;
pub mod java;
pub mod js;
pub mod other;
pub mod python;
pub mod rust;
pub mod scope;

use std::collections::HashSet;

use plumb_facts::{FileFacts, Import, Lang, Reference, Span};

use crate::project::Project;
use crate::report::{Candidate, Finding, FindingKind, Severity};
use crate::suggest::{split_words, suggest};

fn tracing_skips() -> bool {
    static TRACE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *TRACE.get_or_init(|| std::env::var_os("PLUMB_TRACE_SKIPS").is_some())
}

#[doc(hidden)]
pub fn traced_skip(file: &str, line: u32) -> Outcome {
    if tracing_skips() {
        eprintln!("plumb: skipped at {file}:{line}");
    }
    Outcome::Skipped
}

/// Under `PLUMB_TRACE_SKIPS`, says why the reference being judged was left alone.
pub fn trace_why(why: impl FnOnce() -> String) {
    if tracing_skips() {
        eprintln!("plumb:   because {}", why());
    }
}

/// Under `PLUMB_TRACE_SKIPS`, names the reference the skips that follow are for.
pub fn trace_ref(r: &Reference) {
    if tracing_skips() {
        eprintln!(
            "plumb: reference '{}' at line {}",
            r.name, r.span.start_line
        );
    }
}

/// What became of one reference or import.
#[derive(Debug)]
pub enum Outcome {
    /// Resolved to something real.
    Resolved,
    /// Not checkable soundly (method on an unknown receiver, macro, …).
    Skipped,
    Found(Finding),
}

/// Everything known about the one changed file being checked.
pub struct FileCtx<'p, 'a> {
    pub project: &'p Project<'a>,
    pub deps: &'p deps::Deps,
    pub path: &'p str,
    pub lang: Lang,
    pub text: &'p str,
    pub facts: &'p FileFacts,
    line_starts: Vec<usize>,
    ref_starts: HashSet<u32>,
    reported: std::cell::RefCell<HashSet<String>>,
}

impl<'p, 'a> FileCtx<'p, 'a> {
    pub fn new(
        project: &'p Project<'a>,
        deps: &'p deps::Deps,
        path: &'p str,
        lang: Lang,
        text: &'p str,
        facts: &'p FileFacts,
    ) -> FileCtx<'p, 'a> {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let ref_starts = facts.references.iter().map(|r| r.span.start_byte).collect();
        FileCtx {
            project,
            deps,
            path,
            lang,
            text,
            facts,
            line_starts,
            ref_starts,
            reported: Default::default(),
        }
    }

    /// The source line `line` (1-based) without its ending.
    pub fn line_text(&self, line: u32) -> &str {
        let i = line.saturating_sub(1) as usize;
        let Some(&start) = self.line_starts.get(i) else {
            return "";
        };
        let end = self
            .line_starts
            .get(i + 1)
            .map(|e| e - 1)
            .unwrap_or(self.text.len());
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches('\r')
    }

    /// Whether `name` occurs as a whole word somewhere in the file other than
    /// at the start of an extracted reference: an assignment, a parameter, a
    /// `global`, a tuple target — bindings the adapter does not record as
    /// definitions. Errs towards "bound" (a mention in a comment counts).
    pub fn bound_elsewhere(&self, name: &str) -> bool {
        word_positions(self.text, name).any(|p| !self.ref_starts.contains(&(p as u32)))
    }

    /// Build a finding at a span, with the code line filled.
    pub fn finding(
        &self,
        kind: FindingKind,
        span: &Span,
        message: String,
        evidence: Vec<String>,
        candidates: Vec<Candidate>,
        confidence: f64,
    ) -> Finding {
        let len = if span.end_line == span.start_line {
            span.end_col.saturating_sub(span.start_col)
        } else {
            1
        };
        let mut f = Finding::new(
            kind,
            self.path,
            span.start_line,
            span.start_col,
            len,
            message,
        );
        f.code = self.line_text(span.start_line).to_string();
        f.evidence = evidence;
        f.candidates = candidates;
        f.confidence = confidence;
        if kind == FindingKind::Unverifiable {
            f.severity = Severity::Note;
        }
        f
    }

    /// Nearest real names for `name`: `local` names first (same file, class
    /// or module), then index-wide definitions sharing a prefix or a word.
    pub fn candidates(&self, name: &str, local: &[(String, String, u32)]) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = Vec::new();
        let names: Vec<&str> = local.iter().map(|(n, _, _)| n.as_str()).collect();
        for (n, score) in suggest(name, names.iter().copied()) {
            if let Some((_, file, line)) = local.iter().find(|(m, _, _)| *m == n) {
                out.push(Candidate {
                    name: n,
                    file: file.clone(),
                    line: *line,
                    reason: "name".into(),
                    score,
                });
            }
        }
        if out.len() >= 3 {
            return out;
        }
        // Index-wide, prefiltered through indexed prefix lookups.
        let mut pool: Vec<(String, String, u32)> = Vec::new();
        let mut prefixes: Vec<String> = Vec::new();
        let first: String = name.chars().take(2).collect();
        if !first.is_empty() {
            prefixes.push(first);
        }
        for w in split_words(name) {
            if w.len() >= 3 {
                prefixes.push(w.chars().take(3).collect());
                let cap: String = w[..1].to_uppercase() + &w[1..3];
                prefixes.push(cap);
            }
        }
        prefixes.sort();
        prefixes.dedup();
        for p in prefixes.iter().take(6) {
            for d in self.project.defs_with_prefix(p, 400) {
                pool.push((d.def.name, d.path, d.def.name_span.start_line));
            }
        }
        let pool_names: Vec<&str> = pool.iter().map(|(n, _, _)| n.as_str()).collect();
        for (n, score) in suggest(name, pool_names.iter().copied()) {
            if out.iter().any(|c| c.name == n) {
                continue;
            }
            if let Some((_, file, line)) = pool.iter().find(|(m, _, _)| *m == n) {
                out.push(Candidate {
                    name: n,
                    file: file.clone(),
                    line: *line,
                    reason: "name".into(),
                    score,
                });
            }
        }
        out.truncate(5);
        out
    }

    /// The imports of this file that bring `name` into scope, with the full
    /// path the name stands for (`numpy` for `np`, `os.path` for `path` in
    /// `from os import path`).
    pub fn import_binding(&self, name: &str) -> Option<(&'p Import, String)> {
        let sep = match self.lang {
            Lang::Rust | Lang::Cpp => "::",
            Lang::JavaScript | Lang::TypeScript | Lang::Tsx | Lang::Go => "/",
            _ => ".",
        };
        for imp in &self.facts.imports {
            if imp.names.is_empty() {
                if imp.alias.as_deref() == Some(name) {
                    return Some((imp, imp.module.clone()));
                }
                let last = imp.module.rsplit(sep).next().unwrap_or(&imp.module);
                let first = imp.module.split(sep).next().unwrap_or(&imp.module);
                let top = if self.lang == Lang::Python {
                    first
                } else {
                    last
                };
                if imp.alias.is_none() && !imp.wildcard && top == name {
                    let path = if self.lang == Lang::Python {
                        first.to_string()
                    } else {
                        imp.module.clone()
                    };
                    return Some((imp, path));
                }
            }
            for n in &imp.names {
                let bound = n.alias.as_deref().unwrap_or(&n.name);
                if bound == name {
                    let full = if imp.module.is_empty() {
                        n.name.clone()
                    } else if n.name == "self" {
                        imp.module.clone()
                    } else {
                        format!("{}{sep}{}", imp.module, n.name)
                    };
                    return Some((imp, full));
                }
            }
        }
        None
    }

    /// Whether the reference is reached with `.` (a field or method of a
    /// value: `x.f()`, `"s".repeat(2)`, `a.b().c()`), as opposed to a path.
    /// Blank lines and line comments in between do not count: a comment
    /// ending in a period before a call does not make the call a member.
    pub fn after_dot(&self, r: &Reference) -> bool {
        code_ends_with_dot(self.text, r.span.start_byte as usize, self.lang)
    }

    /// The innermost function or method whose span holds `r`.
    pub fn enclosing_function(&self, r: &Reference) -> Option<&'p plumb_facts::Definition> {
        self.facts
            .definitions
            .iter()
            .filter(|d| {
                matches!(
                    d.kind,
                    plumb_facts::DefKind::Function | plumb_facts::DefKind::Method
                ) && d.span.contains(&r.span)
            })
            .max_by_key(|d| d.span.start_byte)
    }

    /// True the first time `key` is seen in this file (one note per cause).
    pub fn first_time(&self, key: &str) -> bool {
        self.reported.borrow_mut().insert(key.to_string())
    }

    pub fn has_wildcard_import(&self) -> bool {
        self.facts.imports.iter().any(|i| i.wildcard)
    }

    /// Whether the reference lies in a local scope that binds `name`.
    pub fn local_binds(&self, r: &Reference) -> bool {
        scope::local_binds(self.facts, &r.name, &r.span)
    }
}

/// The parameters every one of `defs` agrees on (same positional bounds and
/// receiver), when each is a function or method with known parameters:
/// arity is judged only when resolution leaves no doubt which shape applies.
pub fn agreed_params<'d>(
    defs: impl IntoIterator<Item = &'d plumb_facts::Definition>,
) -> Option<&'d plumb_facts::Params> {
    let mut agreed: Option<&plumb_facts::Params> = None;
    for d in defs {
        if !matches!(
            d.kind,
            plumb_facts::DefKind::Function | plumb_facts::DefKind::Method
        ) {
            return None;
        }
        let p = d.params.as_ref()?;
        if let Some(a) = agreed
            && (p.min_positional() != a.min_positional()
                || p.max_positional() != a.max_positional()
                || p.has_receiver() != a.has_receiver())
        {
            return None;
        }
        agreed.get_or_insert(p);
    }
    agreed
}

/// Whether the code before byte `at` of `text` ends with a member `.` (not
/// a range `..`), skipping blank lines and `lang`'s line comments.
pub fn code_ends_with_dot(text: &str, at: usize, lang: Lang) -> bool {
    let (marker, quotes): (&str, &[char]) = match lang {
        Lang::Python => ("#", &['"', '\'']),
        // Only `"`: `'` also opens Rust lifetimes and labels.
        _ => ("//", &['"']),
    };
    let mut before = text.get(..at).unwrap_or("");
    loop {
        let t = before.trim_end();
        let line_start = t.rfind('\n').map_or(0, |i| i + 1);
        let line = &t[line_start..];
        // The line's code: up to a comment marker outside quotes.
        let mut quote: Option<char> = None;
        let mut code_end = line.len();
        for (i, c) in line.char_indices() {
            match quote {
                None if line[i..].starts_with(marker) => {
                    code_end = i;
                    break;
                }
                None if quotes.contains(&c) => quote = Some(c),
                Some(q) if c == q => quote = None,
                _ => {}
            }
        }
        let code = line[..code_end].trim_end();
        if code.is_empty() {
            if line_start == 0 {
                return false;
            }
            before = &t[..line_start];
            continue;
        }
        return code.ends_with('.') && !code.ends_with("..");
    }
}

/// Byte offsets of whole-word occurrences of `name` in `text`.
pub fn word_positions<'t>(text: &'t str, name: &'t str) -> impl Iterator<Item = usize> + 't {
    let bytes = text.as_bytes();
    text.match_indices(name).filter_map(move |(i, _)| {
        let before = i.checked_sub(1).map(|j| bytes[j]);
        let after = bytes.get(i + name.len()).copied();
        let is_word =
            |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$');
        (!is_word(before) && !is_word(after)).then_some(i)
    })
}

/// The headers (`try:`, `except …:`, `if …:`, `elif`, `else:`) of the
/// Python blocks enclosing line `line`: a non-empty list means the code is
/// conditional (optional imports, platform-specific names).
pub fn python_blocks(text: &str, line: u32) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().collect();
    let idx = line.saturating_sub(1) as usize;
    let Some(cur) = lines.get(idx) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut indent = cur.len() - cur.trim_start().len();
    for l in lines[..idx].iter().rev() {
        if indent == 0 {
            break;
        }
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let ind = l.len() - t.len();
        if ind < indent {
            let first = t.split([' ', ':', '(']).next().unwrap_or("");
            if matches!(first, "try" | "except" | "if" | "elif" | "else" | "finally") {
                out.push(t);
            }
            indent = ind;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::code_ends_with_dot;
    use plumb_facts::Lang;

    fn at_call(src: &str, lang: Lang) -> bool {
        code_ends_with_dot(src, src.rfind("call").unwrap(), lang)
    }

    #[test]
    fn member_dot_across_lines_and_comments() {
        assert!(at_call("x.call()", Lang::Rust));
        assert!(at_call("x\n    .call()", Lang::Rust));
        assert!(at_call("x.\n\n    call()", Lang::Python));
        assert!(!at_call("0..call()", Lang::Rust));
        // A comment ending in a period is not a member access.
        assert!(!at_call("// Done.\ncall()", Lang::Rust));
        assert!(!at_call("# Done.\ncall()", Lang::Python));
        assert!(!at_call("y = 1  # see x.\n\ncall()", Lang::Python));
        // Markers inside strings are code.
        assert!(at_call("s = \"#\".\ncall()", Lang::Python));
        assert!(at_call("let s = \"//\".\ncall()", Lang::Rust));
        assert!(!at_call("call()", Lang::Go));
    }
}

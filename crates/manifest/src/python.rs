//! Python project files: `pyproject.toml` (PEP 621 `[project]`, PEP 735
//! `[dependency-groups]`, Poetry, uv and PDM tables, `[build-system]`),
//! `Pipfile`, `setup.cfg` and `setup.py` (best effort: literal lists only).
//! Also the PEP 503 name rule and PEP 508 requirement splitting shared with
//! `requirements.rs` and `pylock.rs`. Lockfiles live in `pylock.rs`.

use plumb_facts::Ecosystem;
use toml::Value;

use crate::{ManifestError, Parsed, dep, text};

/// PEP 503 normalisation: lowercase, runs of `-`, `_`, `.` become one `-`.
pub fn normalize_python_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut sep = false;
    for c in name.trim().chars() {
        if matches!(c, '-' | '_' | '.') {
            sep = true;
        } else {
            if sep && !out.is_empty() {
                out.push('-');
            }
            sep = false;
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// Split a PEP 508 requirement into (normalised name, specifier). Extras and
/// markers are dropped; a direct reference keeps `@ url` as its requirement.
pub(crate) fn pep508(s: &str) -> Option<(String, Option<String>)> {
    let s = s.trim();
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
        .unwrap_or(s.len());
    let name = &s[..end];
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    let mut rest = s[end..].trim_start();
    if rest.starts_with('[') {
        rest = rest.find(']').map_or("", |i| &rest[i + 1..]).trim_start();
    }
    let req = if let Some(url) = rest.strip_prefix('@') {
        let url = url.split(" ;").next().unwrap_or("").trim();
        format!("@ {url}")
    } else {
        let spec = rest.split(';').next().unwrap_or("").trim();
        let spec = spec.trim_start_matches('(').trim_end_matches(')');
        spec.chars().filter(|c| !c.is_whitespace()).collect()
    };
    Some((normalize_python_name(name), Some(req)))
}

fn push_pep508(out: &mut Parsed, item: &str, scope: &str, path: &str) {
    if let Some((name, req)) = pep508(item) {
        out.deps.push(dep(Ecosystem::PyPI, &name, req, scope, path));
    }
}

fn push_list(out: &mut Parsed, list: Option<&Value>, scope: &str, path: &str) {
    for item in list.and_then(Value::as_array).into_iter().flatten() {
        if let Some(s) = item.as_str() {
            push_pep508(out, s, scope, path);
        }
    }
}

fn push_own(out: &mut Parsed, name: Option<&Value>, path: &str) {
    if let Some(n) = name.and_then(Value::as_str) {
        out.own
            .push((Ecosystem::PyPI, normalize_python_name(n), path.to_string()));
    }
}

pub(crate) fn pyproject(path: &str, src: &str, errors: &mut Vec<ManifestError>) -> Parsed {
    let mut out = Parsed::default();
    let Some(doc) = text::toml_table(path, src, errors) else {
        return out;
    };
    if let Some(project) = doc.get("project") {
        push_own(&mut out, project.get("name"), path);
        push_list(&mut out, project.get("dependencies"), "normal", path);
        if let Some(extras) = project
            .get("optional-dependencies")
            .and_then(Value::as_table)
        {
            for (_, list) in extras {
                push_list(&mut out, Some(list), "optional", path);
            }
        }
    }
    if let Some(groups) = doc.get("dependency-groups").and_then(Value::as_table) {
        for (_, list) in groups {
            push_list(&mut out, Some(list), "dev", path);
        }
    }
    if let Some(req) = doc.get("build-system").and_then(|b| b.get("requires")) {
        push_list(&mut out, Some(req), "build", path);
    }
    let tool = doc.get("tool");
    if let Some(poetry) = tool.and_then(|t| t.get("poetry")) {
        push_own(&mut out, poetry.get("name"), path);
        poetry_table(&mut out, poetry.get("dependencies"), "normal", path);
        poetry_table(&mut out, poetry.get("dev-dependencies"), "dev", path);
        if let Some(groups) = poetry.get("group").and_then(Value::as_table) {
            for (name, g) in groups {
                let scope = if name == "main" { "normal" } else { "dev" };
                poetry_table(&mut out, g.get("dependencies"), scope, path);
            }
        }
    }
    if let Some(uv) = tool.and_then(|t| t.get("uv")) {
        push_list(&mut out, uv.get("dev-dependencies"), "dev", path);
    }
    if let Some(pdm) = tool
        .and_then(|t| t.get("pdm"))
        .and_then(|p| p.get("dev-dependencies"))
        .and_then(Value::as_table)
    {
        for (_, list) in pdm {
            push_list(&mut out, Some(list), "dev", path);
        }
    }
    out
}

/// Poetry / Pipfile style table: `name = "^1.0"` or `name = { version = .., optional = .. }`.
fn poetry_table(out: &mut Parsed, table: Option<&Value>, scope: &str, path: &str) {
    let Some(table) = table.and_then(Value::as_table) else {
        return;
    };
    for (key, spec) in table {
        if key.eq_ignore_ascii_case("python") {
            continue;
        }
        let first = match spec {
            Value::Array(a) => a.first().unwrap_or(spec),
            _ => spec,
        };
        let (req, optional) = match first {
            Value::String(s) => (Some(s.clone()), false),
            Value::Table(t) => (
                t.get("version").and_then(Value::as_str).map(str::to_string),
                t.get("optional").and_then(Value::as_bool) == Some(true),
            ),
            _ => (None, false),
        };
        let scope = if optional { "optional" } else { scope };
        let name = normalize_python_name(key);
        out.deps.push(dep(Ecosystem::PyPI, &name, req, scope, path));
    }
}

pub(crate) fn pipfile(path: &str, src: &str, errors: &mut Vec<ManifestError>) -> Parsed {
    let mut out = Parsed::default();
    let Some(doc) = text::toml_table(path, src, errors) else {
        return out;
    };
    poetry_table(&mut out, doc.get("packages"), "normal", path);
    poetry_table(&mut out, doc.get("dev-packages"), "dev", path);
    out
}

pub(crate) fn setup_cfg(path: &str, src: &str, errors: &mut Vec<ManifestError>) -> Parsed {
    let mut out = Parsed::default();
    let mut section = String::new();
    // (section, key, value lines) of the entry being read.
    let mut entries: Vec<(String, String, Vec<String>)> = Vec::new();
    for (i, raw) in src.lines().enumerate() {
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
            continue;
        }
        if raw.starts_with([' ', '\t'])
            && let Some(last) = entries.last_mut()
        {
            last.2.push(trimmed.to_string());
            continue;
        }
        if let Some(name) = trimmed.strip_prefix('[') {
            match name.strip_suffix(']') {
                Some(n) => section = n.trim().to_string(),
                None => errors.push(text::error(
                    path,
                    Some(i as u32 + 1),
                    "unclosed section header",
                )),
            }
            continue;
        }
        match trimmed.split_once(['=', ':']) {
            Some((k, v)) => {
                let v = v.trim();
                let values = if v.is_empty() {
                    vec![]
                } else {
                    vec![v.to_string()]
                };
                entries.push((section.clone(), k.trim().to_string(), values));
            }
            None => errors.push(text::error(
                path,
                Some(i as u32 + 1),
                format!("expected `key = value`, found `{trimmed}`"),
            )),
        }
    }
    for (section, key, values) in entries {
        let scope = match (section.as_str(), key.as_str()) {
            ("metadata", "name") => {
                if let Some(v) = values.first() {
                    out.own
                        .push((Ecosystem::PyPI, normalize_python_name(v), path.to_string()));
                }
                continue;
            }
            ("options", "install_requires") => "normal",
            ("options", "setup_requires") => "build",
            ("options", "tests_require") => "dev",
            ("options.extras_require", _) => "optional",
            _ => continue,
        };
        for v in &values {
            let v = v.split(" #").next().unwrap_or("");
            push_pep508(&mut out, v, scope, path);
        }
    }
    out
}

/// A token of Python source, as far as `setup.py` needs.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Str(String),
    Ident(String),
    Punct(char),
}

fn tokenize(src: &str) -> Vec<Tok> {
    let b = src.as_bytes();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'#' {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if c == b'"' || c == b'\'' {
            let triple = b[i..].starts_with(&[c, c, c]);
            let q = if triple { 3 } else { 1 };
            let start = i + q;
            let mut j = start;
            while j < b.len() {
                if b[j] == b'\\' {
                    j += 2;
                    continue;
                }
                if b[j] == c && (!triple || b[j..].starts_with(&[c, c, c])) {
                    break;
                }
                if b[j] == b'\n' && !triple {
                    break;
                }
                j += 1;
            }
            let end = j.min(b.len());
            toks.push(Tok::Str(src.get(start..end).unwrap_or("").to_string()));
            i = end + q;
        } else if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            let word = &src[start..i];
            // String prefixes (r"..", u'..') belong to the literal that follows.
            if i < b.len() && matches!(b[i], b'"' | b'\'') && word.len() <= 2 {
                continue;
            }
            toks.push(Tok::Ident(word.to_string()));
        } else {
            if !c.is_ascii_whitespace() && c.is_ascii() {
                toks.push(Tok::Punct(c as char));
            }
            i += 1;
        }
    }
    toks
}

/// String literals inside the bracketed value starting at `toks[i]`
/// (a list, tuple or dict), or of the list an identifier is assigned.
fn literal_strings(toks: &[Tok], i: usize, depth_limit: u8) -> Vec<String> {
    match toks.get(i) {
        Some(Tok::Punct(open @ ('[' | '(' | '{'))) => {
            let mut depth = 0usize;
            let mut out = Vec::new();
            let dict = *open == '{';
            for (k, t) in toks[i..].iter().enumerate() {
                match t {
                    Tok::Punct('[' | '(' | '{') => depth += 1,
                    Tok::Punct(']' | ')' | '}') => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    // In a dict, strings followed by `:` are keys (extra names).
                    Tok::Str(s) if !(dict && toks.get(i + k + 1) == Some(&Tok::Punct(':'))) => {
                        out.push(s.clone())
                    }
                    _ => {}
                }
            }
            out
        }
        Some(Tok::Ident(name)) if depth_limit > 0 => {
            let at = toks
                .windows(2)
                .position(|w| w[0] == Tok::Ident(name.clone()) && w[1] == Tok::Punct('='));
            match at {
                Some(p) if p + 2 != i => literal_strings(toks, p + 2, depth_limit - 1),
                _ => Vec::new(),
            }
        }
        _ => Vec::new(),
    }
}

pub(crate) fn setup_py(path: &str, src: &str, _errors: &mut Vec<ManifestError>) -> Parsed {
    let mut out = Parsed::default();
    let toks = tokenize(src);
    let setup_at = toks
        .windows(2)
        .position(|w| w[0] == Tok::Ident("setup".into()) && w[1] == Tok::Punct('('))
        .unwrap_or(0);
    for k in setup_at..toks.len().saturating_sub(2) {
        let Tok::Ident(key) = &toks[k] else { continue };
        if toks[k + 1] != Tok::Punct('=') {
            continue;
        }
        let scope = match key.as_str() {
            "name" => {
                if let Tok::Str(n) = &toks[k + 2]
                    && out.own.is_empty()
                {
                    out.own
                        .push((Ecosystem::PyPI, normalize_python_name(n), path.to_string()));
                }
                continue;
            }
            "install_requires" => "normal",
            "setup_requires" => "build",
            "tests_require" => "dev",
            "extras_require" => "optional",
            _ => continue,
        };
        for s in literal_strings(&toks, k + 2, 2) {
            push_pep508(&mut out, &s, scope, path);
        }
    }
    out
}

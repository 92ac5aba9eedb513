//! pip requirements files (`requirements*.txt`, `requirements/*.txt`,
//! `*-requirements.txt`, `.in` sources): one PEP 508 requirement a line,
//! with `\` continuations, comments, `--hash` options and `-e ..#egg=name`.
//! `-r`/`-c` includes are not followed: each included file is read on its
//! own when it is itself a requirements file. Files whose name mentions
//! dev, test, lint, doc or ci give scope `dev`. An exact `==` pin is also the
//! dependency's `locked_version`: pip installs exactly that (pip-compile
//! output is a lockfile in this form).

use plumb_facts::Ecosystem;

use crate::python::{normalize_python_name, pep508};
use crate::{ManifestError, Parsed, dep, text};

fn scope_of(path: &str) -> &'static str {
    let lower = path.to_ascii_lowercase();
    let file = lower.rsplit('/').next().unwrap_or("");
    let in_dir = lower.contains("requirements/");
    let name = if in_dir {
        file
    } else {
        file.trim_start_matches("requirements")
    };
    let dev = ["dev", "test", "lint", "doc", "ci", "type", "check"]
        .iter()
        .any(|w| name.split(['-', '_', '.']).any(|p| p.starts_with(w)));
    if dev { "dev" } else { "normal" }
}

pub(crate) fn read(path: &str, src: &str, errors: &mut Vec<ManifestError>) -> Parsed {
    let mut out = Parsed::default();
    let scope = scope_of(path);
    let mut logical = String::new();
    let mut start_line = 0;
    for (i, raw) in src.lines().enumerate() {
        if logical.is_empty() {
            start_line = i as u32 + 1;
        }
        // A comment starts at `#` at line start or after whitespace.
        let line = match raw.find(" #").or_else(|| raw.starts_with('#').then_some(0)) {
            Some(p) => &raw[..p],
            None => raw,
        };
        if let Some(cont) = line.trim_end().strip_suffix('\\') {
            logical.push_str(cont);
            logical.push(' ');
            continue;
        }
        logical.push_str(line);
        let entry = std::mem::take(&mut logical);
        one(&entry, scope, path, start_line, &mut out, errors);
    }
    if !logical.is_empty() {
        one(&logical, scope, path, start_line, &mut out, errors);
    }
    out
}

fn one(
    entry: &str,
    scope: &str,
    path: &str,
    line: u32,
    out: &mut Parsed,
    errors: &mut Vec<ManifestError>,
) {
    let entry = entry.trim();
    if entry.is_empty() {
        return;
    }
    if let Some(rest) = entry
        .strip_prefix("-e")
        .or_else(|| entry.strip_prefix("--editable"))
    {
        if let Some(egg) = rest.split("#egg=").nth(1) {
            let name = egg.split(['&', ' ', '[']).next().unwrap_or("");
            let n = normalize_python_name(name);
            out.deps.push(dep(
                Ecosystem::PyPI,
                &n,
                Some(format!("@ {}", rest.trim())),
                scope,
                path,
            ));
        }
        return;
    }
    if entry.starts_with('-') {
        return; // -r, -c, --index-url, --hash on its own line, ...
    }
    // Drop per-requirement options such as `--hash=sha256:...`.
    let req = entry.split(" --").next().unwrap_or("").trim();
    if req.contains("://") && !req.contains('@') {
        return; // a bare URL or path to an archive: no name to read
    }
    if req.starts_with(['.', '/']) {
        return; // a local path
    }
    match pep508(req) {
        Some((name, requirement)) => {
            // An exact pin (`==1.2.3`, as pip-compile writes) is what pip installs.
            let pinned = requirement
                .as_deref()
                .and_then(|r| r.strip_prefix("=="))
                .filter(|v| !v.is_empty() && !v.contains([',', '*', '=']))
                .map(str::to_string);
            let mut d = dep(Ecosystem::PyPI, &name, requirement, scope, path);
            d.locked_version = pinned;
            out.deps.push(d);
        }
        None => errors.push(text::error(
            path,
            Some(line),
            format!("not a requirement: `{req}`"),
        )),
    }
}

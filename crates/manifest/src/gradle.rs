//! Gradle `build.gradle` / `build.gradle.kts`, read line-wise: a
//! configuration name at the start of a line followed by string coordinates
//! (`implementation "g:a:v"`, `api("g:a:v")`, `platform(..)`), named
//! arguments (`group: 'g', name: 'a', version: 'v'`) or `kotlin("x")`.
//! Simple string variables (`val v = "1.0"`, `def v = '1.0'`, `ext.v = ..`)
//! are substituted into `$v` / `${v}`. Catalog accessors (`libs.x.y`,
//! `libs.bundles.z`) are recorded and resolved in `lib.rs` against
//! `gradle/*.versions.toml`. `project(..)` and file dependencies are not read.
//! Scopes: test configurations -> dev, compileOnly -> peer (like Maven
//! provided), annotation processors and buildscript classpath -> build.

use std::collections::HashMap;

use plumb_facts::Ecosystem;

use crate::{ManifestError, Parsed, dep, text};

fn scope_of(config: &str) -> Option<&'static str> {
    let lower = config.to_ascii_lowercase();
    // `kspTest`, `kaptAndroidTest`, `testAnnotationProcessor`: still build tooling.
    if lower.starts_with("ksp")
        || lower.starts_with("kapt")
        || lower.contains("annotationprocessor")
        || lower == "classpath"
    {
        return Some("build");
    }
    let base = [
        "implementation",
        "api",
        "compile",
        "compileonly",
        "compileonlyapi",
        "runtimeonly",
        "runtime",
    ]
    .iter()
    .find(|b| lower.ends_with(*b))?;
    if lower.starts_with("test") || lower.starts_with("androidtest") || lower.contains("test") {
        return Some("dev");
    }
    Some(if *base == "compileonly" {
        "peer"
    } else {
        "normal"
    })
}

/// A version-catalog accessor used by a build script, resolved later.
pub(crate) struct CatalogRef {
    pub catalog: String,
    pub path: String,
    pub scope: &'static str,
    pub manifest: String,
}

/// `libs.androidx.core.ktx` style accessors outside string literals.
fn catalog_refs(rest: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut in_str: Option<char> = None;
    let mut run = String::new();
    let mut flush = |run: &mut String| {
        let r = run.trim_end_matches(".get").trim_matches('.');
        if let Some((cat, path)) = r.split_once('.')
            && cat.starts_with(|c: char| c.is_ascii_alphabetic())
            && !matches!(
                cat,
                "project" | "projects" | "rootProject" | "ext" | "extra" | "it"
            )
            && !path.starts_with("versions.")
            && !path.starts_with("plugins.")
        {
            out.push((cat.to_string(), path.to_string()));
        }
        run.clear();
    };
    for c in rest.chars() {
        match in_str {
            Some(q) if c == q => in_str = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => {
                flush(&mut run);
                in_str = Some(c);
            }
            None if c.is_ascii_alphanumeric() || c == '_' || c == '.' => run.push(c),
            None => flush(&mut run),
        }
    }
    flush(&mut run);
    out
}

/// Quoted string literals on a line, or an error column for an unterminated one.
fn strings(line: &str) -> Result<Vec<(usize, String)>, usize> {
    let mut out = Vec::new();
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'/' && b.get(i + 1) == Some(&b'/') {
            break;
        }
        if c == b'"' || c == b'\'' {
            let start = i + 1;
            let mut j = start;
            while j < b.len() && b[j] != c {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            if j >= b.len() {
                return Err(i);
            }
            out.push((i, line[start..j].to_string()));
            i = j + 1;
        } else {
            i += 1;
        }
    }
    Ok(out)
}

fn substitute(s: &str, vars: &HashMap<String, String>) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(p) = rest.find('$') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        let (name, tail) = if let Some(inner) = after.strip_prefix('{') {
            match inner.find('}') {
                Some(e) => (&inner[..e], &inner[e + 1..]),
                None => (inner, ""),
            }
        } else {
            let e = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
                .unwrap_or(after.len());
            (&after[..e], &after[e..])
        };
        match vars.get(
            name.trim_start_matches("project.")
                .trim_start_matches("rootProject.ext."),
        ) {
            Some(v) => out.push_str(v),
            None => {
                out.push('$');
                out.push_str(&rest[p + 1..rest.len() - tail.len()]);
            }
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

pub(crate) fn read(path: &str, src: &str, errors: &mut Vec<ManifestError>) -> Parsed {
    let mut out = Parsed::default();
    let mut vars = HashMap::new();
    for line in src.lines() {
        let t = line.trim();
        let t = ["val ", "var ", "def ", "ext.", "String "]
            .iter()
            .fold(t, |t, p| t.strip_prefix(p).unwrap_or(t));
        if let Some((name, value)) = t.split_once('=') {
            let name = name.trim().split(':').next().unwrap_or("").trim();
            let value = value.trim();
            if !name.is_empty()
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && value.len() >= 2
                && (value.starts_with('"') || value.starts_with('\''))
            {
                vars.insert(name.to_string(), text::unquote(value).to_string());
            }
        }
    }
    for (i, line) in src.lines().enumerate() {
        let t = line.trim();
        let end = t
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(t.len());
        let (config, rest) = t.split_at(end);
        let Some(scope) = scope_of(config) else {
            continue;
        };
        if !rest.starts_with([' ', '(', '\t']) {
            continue;
        }
        if rest.contains("project(") || rest.contains("files(") || rest.contains("fileTree(") {
            continue;
        }
        let lits = match strings(rest) {
            Ok(l) => l,
            Err(_) => {
                errors.push(text::error(
                    path,
                    Some(i as u32 + 1),
                    "unterminated string literal",
                ));
                continue;
            }
        };
        for (catalog, cpath) in catalog_refs(rest) {
            out.gradle_refs.push(CatalogRef {
                catalog,
                path: cpath,
                scope,
                manifest: path.to_string(),
            });
        }
        let mut push = |coord: &str| {
            let coord = substitute(coord, &vars);
            let coord = coord.split('@').next().unwrap_or("");
            let parts: Vec<&str> = coord.split(':').collect();
            if parts.len() >= 2 && parts.iter().take(2).all(|p| !p.is_empty()) {
                let version = parts.get(2).map(|v| v.to_string());
                let name = format!("{}:{}", parts[0], parts[1]);
                out.deps
                    .push(dep(Ecosystem::Maven, &name, version, scope, path));
            }
        };
        let named = |key: &str| {
            lits.iter().find_map(|(pos, v)| {
                let before = rest[..*pos]
                    .trim_end()
                    .trim_end_matches([':', '='])
                    .trim_end();
                before.ends_with(key).then(|| substitute(v, &vars))
            })
        };
        if let (Some(g), Some(n)) = (named("group"), named("name")) {
            let v = named("version")
                .map(|v| format!(":{v}"))
                .unwrap_or_default();
            push(&format!("{g}:{n}{v}"));
        } else if let Some(k) = rest.find("kotlin(")
            && let Some((_, m)) = lits.iter().find(|(p, _)| *p > k)
        {
            push(&format!("org.jetbrains.kotlin:kotlin-{m}"));
        } else {
            for (_, lit) in &lits {
                push(lit);
            }
        }
    }
    out
}

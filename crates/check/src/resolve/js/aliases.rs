//! TypeScript/JavaScript path aliases: `compilerOptions.paths` and
//! `baseUrl` of the nearest `tsconfig.json` or `jsconfig.json` (following
//! `extends` to relative configs), so `import {x} from '@/lib/x'` resolves
//! to the project file it names.
//!
//! Also the aliases a declared framework sets up in its bundler instead
//! (Docusaurus's `@theme/…`), which name no file Plumb can read.
//!
//! Owns reading those configs (JSON with comments and trailing commas) and
//! mapping a bare specifier through them. Of packages it knows only that a
//! name the manifests declare is that package, not a file under `baseUrl`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::modules::{normalize, resolve_base};
use crate::project::Project;

/// The alias part of one config.
#[derive(Debug, Default)]
struct Aliases {
    /// Repository-relative directory that `paths` targets are relative to.
    base: String,
    /// Whether `baseUrl` is set (bare specifiers may then name files under it).
    has_base_url: bool,
    paths: Vec<(String, Vec<String>)>,
}

/// The project file `spec` names through the path aliases that apply to
/// the file `from`; `None` when no alias matches or the target is missing.
pub fn resolve_alias(project: &Project, from: &str, spec: &str) -> Option<String> {
    let dir = from.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
    let a = nearest(project, dir)?;
    for (pattern, targets) in &a.paths {
        let Some(star) = matched(pattern, spec) else {
            continue;
        };
        for t in targets {
            let rel = t.replacen('*', star, 1);
            let joined = if a.base.is_empty() {
                rel
            } else {
                format!("{}/{rel}", a.base)
            };
            if let Some(p) = normalize(&joined).and_then(|b| resolve_base(project, &b, from)) {
                return Some(p);
            }
        }
    }
    // A bare name under `baseUrl` that the manifests declare as a
    // dependency is that package (preact's demo declares `mobx` beside its
    // own page `mobx.jsx`; its bundler reads node_modules).
    let declared =
        || super::declares_dependency(&project.manifest().dependencies, super::package_name(spec));
    if a.has_base_url && !declared() {
        let joined = if a.base.is_empty() {
            spec.to_string()
        } else {
            format!("{}/{spec}", a.base)
        };
        return normalize(&joined).and_then(|b| resolve_base(project, &b, from));
    }
    None
}

/// What `*` stands for when `spec` matches `pattern` (`""` for an exact match).
fn matched<'s>(pattern: &str, spec: &'s str) -> Option<&'s str> {
    match pattern.split_once('*') {
        None => (pattern == spec).then_some(""),
        Some((pre, post)) => spec
            .strip_prefix(pre)
            .and_then(|r| r.strip_suffix(post))
            .filter(|_| spec.len() >= pre.len() + post.len()),
    }
}

/// The aliases of the nearest config at or above `dir` (cached per directory).
fn nearest(project: &Project, dir: &str) -> Option<Rc<Aliases>> {
    thread_local! {
        static CACHE: RefCell<HashMap<(std::path::PathBuf, String), Option<Rc<Aliases>>>> =
            RefCell::new(HashMap::new());
    }
    let key = (project.root.clone(), dir.to_string());
    if let Some(hit) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return hit;
    }
    let mut found = None;
    for name in ["tsconfig.json", "jsconfig.json"] {
        let p = if dir.is_empty() {
            name.to_string()
        } else {
            format!("{dir}/{name}")
        };
        if let Some(a) = read_config(project, &p, 0) {
            found = Some(Rc::new(a));
            break;
        }
    }
    if found.is_none() && !dir.is_empty() {
        let up = dir.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
        found = nearest(project, up);
    }
    CACHE.with(|c| c.borrow_mut().insert(key, found.clone()));
    found
}

/// Read one config (`path` repository-relative), merging what it extends.
fn read_config(project: &Project, path: &str, depth: u32) -> Option<Aliases> {
    if depth > 4 {
        return None;
    }
    let text = std::fs::read_to_string(project.root.join(path)).ok()?;
    let v: serde_json::Value = serde_json::from_str(&strip_jsonc(&text)).ok()?;
    let dir = path.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
    let mut out = v
        .get("extends")
        .and_then(|e| e.as_str())
        .filter(|e| e.starts_with('.'))
        .and_then(|e| {
            let mut p = normalize(&format!("{dir}/{e}"))?;
            if !p.ends_with(".json") {
                p.push_str(".json");
            }
            read_config(project, &p, depth + 1)
        })
        .unwrap_or_else(|| Aliases {
            base: dir.to_string(),
            ..Default::default()
        });
    let opts = v.get("compilerOptions");
    if let Some(b) = opts.and_then(|o| o.get("baseUrl")).and_then(|b| b.as_str()) {
        out.base = normalize(&format!("{dir}/{b}")).unwrap_or_default();
        out.has_base_url = true;
    }
    if let Some(paths) = opts
        .and_then(|o| o.get("paths"))
        .and_then(|p| p.as_object())
    {
        if !out.has_base_url {
            out.base = dir.to_string();
        }
        out.paths = paths
            .iter()
            .map(|(k, v)| {
                let targets = v
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|t| t.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default();
                (k.clone(), targets)
            })
            .collect();
    }
    Some(out)
}

/// JSON with comments (`//`, `/* */`) and trailing commas → JSON.
fn strip_jsonc(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut in_str = false;
    while i < b.len() {
        let c = b[i];
        if in_str {
            if c == b'\\' && i + 1 < b.len() {
                let next = text[i + 1..].chars().next().unwrap_or(' ');
                out.push('\\');
                out.push(next);
                i += 1 + next.len_utf8();
                continue;
            }
            if c == b'"' {
                in_str = false;
            }
        } else if c == b'"' {
            in_str = true;
        } else if c == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            continue;
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
            continue;
        } else if c == b',' {
            let rest = text[i + 1..].trim_start();
            if rest.starts_with('}') || rest.starts_with(']') {
                i += 1;
                continue;
            }
        }
        let ch = text[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

/// Module prefixes a declared framework provides through its bundler
/// configuration rather than as packages (Docusaurus documents
/// `@docusaurus/Link`, `@theme/Layout`, `@site/…` and `@generated/…` as
/// aliases its core sets up): with the framework declared, such an import
/// is no undeclared package.
const FRAMEWORK_ALIASES: &[(&str, &[&str])] = &[(
    "@docusaurus/core",
    &[
        "@docusaurus/",
        "@theme/",
        "@theme-original/",
        "@theme-init/",
        "@site/",
        "@generated/",
    ],
)];

/// Whether `spec` is one of those aliases of a framework `deps` declare.
pub fn framework_provides(deps: &[plumb_facts::Dependency], spec: &str) -> bool {
    FRAMEWORK_ALIASES.iter().any(|(framework, prefixes)| {
        prefixes.iter().any(|p| spec.starts_with(p))
            && deps
                .iter()
                .any(|d| d.ecosystem == plumb_facts::Ecosystem::Npm && d.name == *framework)
    })
}

#[cfg(test)]
mod tests {
    use super::{matched, strip_jsonc};

    #[test]
    fn patterns_and_jsonc() {
        assert_eq!(matched("@/*", "@/lib/x"), Some("lib/x"));
        assert_eq!(matched("@app/*/index", "@app/a/index"), Some("a"));
        assert_eq!(matched("~utils", "~utils"), Some(""));
        assert_eq!(matched("@/*", "react"), None);
        let v: serde_json::Value = serde_json::from_str(&strip_jsonc(
            "{\n // c\n \"a\": \"http://x\", /* b */ \"p\": [1, 2,],\n}",
        ))
        .unwrap();
        assert_eq!(v["a"], "http://x");
        assert_eq!(v["p"][1], 2);
    }
}

//! npm: `package.json` (dependencies, devDependencies, peerDependencies,
//! optionalDependencies; `npm:` aliases become renames) and
//! `package-lock.json` / `npm-shrinkwrap.json` (v1 `dependencies` tree,
//! v2/v3 `packages` map with workspace links).

use plumb_facts::Ecosystem;
use serde_json::Value;

use crate::{Lock, ManifestError, Parsed, dep, text};

pub(crate) fn package_json(path: &str, src: &str, errors: &mut Vec<ManifestError>) -> Parsed {
    let mut out = Parsed::default();
    let Some(doc) = text::json_value(path, src, errors) else {
        return out;
    };
    let Some(obj) = doc.as_object() else {
        errors.push(text::error(
            path,
            Some(1),
            "package.json is not a JSON object",
        ));
        return out;
    };
    if let Some(name) = obj.get("name").and_then(Value::as_str) {
        out.own
            .push((Ecosystem::Npm, name.to_string(), path.to_string()));
    }
    for (section, scope) in [
        ("dependencies", "normal"),
        ("devDependencies", "dev"),
        ("peerDependencies", "peer"),
        ("optionalDependencies", "optional"),
    ] {
        let Some(table) = obj.get(section).and_then(Value::as_object) else {
            continue;
        };
        for (key, spec) in table {
            let raw = spec.as_str().map(str::to_string);
            let (name, req, rename) = match raw.as_deref().and_then(|r| r.strip_prefix("npm:")) {
                Some(alias) => {
                    let (real, range) = split_name_at(alias);
                    (real.to_string(), Some(range.to_string()), Some(key.clone()))
                }
                None => (key.clone(), raw, None),
            };
            let mut d = dep(Ecosystem::Npm, &name, req, scope, path);
            d.rename = rename;
            out.deps.push(d);
        }
    }
    out
}

/// `@scope/name@range` -> (`@scope/name`, `range`); `name` -> (`name`, ``).
pub(crate) fn split_name_at(s: &str) -> (&str, &str) {
    match s.get(1..).and_then(|t| t.find('@')) {
        Some(i) => (&s[..i + 1], &s[i + 2..]),
        None => (s, ""),
    }
}

fn join(dir: &str, rel: &str) -> String {
    match (dir.is_empty(), rel.is_empty()) {
        (_, true) => dir.to_string(),
        (true, false) => rel.to_string(),
        (false, false) => format!("{dir}/{rel}"),
    }
}

pub(crate) fn package_lock(path: &str, src: &str, errors: &mut Vec<ManifestError>) -> Parsed {
    let mut out = Parsed::default();
    let Some(doc) = text::json_value(path, src, errors) else {
        return out;
    };
    let mut lock = Lock::new(Ecosystem::Npm, path);
    if let Some(root) = doc.get("name").and_then(Value::as_str) {
        lock.own.insert(root.to_string());
    }
    if let Some(packages) = doc.get("packages").and_then(Value::as_object) {
        for (key, entry) in packages {
            let Some(at) = key.rfind("node_modules/") else {
                // The root ("") or a workspace member directory.
                if let Some(n) = entry.get("name").and_then(Value::as_str) {
                    lock.own.insert(n.to_string());
                }
                continue;
            };
            let alias = &key[at + "node_modules/".len()..];
            let importer = key[..at].trim_end_matches('/');
            let target = match entry.get("link").and_then(Value::as_bool) {
                Some(true) => entry
                    .get("resolved")
                    .and_then(Value::as_str)
                    .and_then(|r| packages.get(r)),
                _ => Some(entry),
            };
            let Some(version) = target
                .and_then(|t| t.get("version"))
                .and_then(Value::as_str)
            else {
                continue;
            };
            if entry.get("link").and_then(Value::as_bool) != Some(true) {
                let real = entry.get("name").and_then(Value::as_str).unwrap_or(alias);
                lock.packages.push((real.to_string(), version.to_string()));
            }
            if !importer.contains("node_modules") {
                let dir = join(&lock.dir, importer);
                lock.direct.insert(
                    (format!("dir:{dir}"), alias.to_string()),
                    version.to_string(),
                );
            }
        }
    } else if let Some(deps) = doc.get("dependencies").and_then(Value::as_object) {
        let top = format!("dir:{}", lock.dir);
        for (name, entry) in deps {
            if let Some(v) = entry.get("version").and_then(Value::as_str) {
                lock.direct
                    .insert((top.clone(), name.clone()), v1_version(v));
            }
        }
        v1_walk(deps, &mut lock.packages, 0);
    } else if !doc.is_object() {
        errors.push(text::error(
            path,
            Some(1),
            "package-lock.json is not a JSON object",
        ));
        return out;
    }
    out.lock = Some(lock);
    out
}

/// v1 aliases write `npm:real@1.2.3` as the version.
fn v1_version(v: &str) -> String {
    match v.strip_prefix("npm:") {
        Some(a) => split_name_at(a).1.to_string(),
        None => v.to_string(),
    }
}

fn v1_walk(deps: &serde_json::Map<String, Value>, out: &mut Vec<(String, String)>, depth: u32) {
    if depth > 64 {
        return;
    }
    for (name, entry) in deps {
        if let Some(v) = entry.get("version").and_then(Value::as_str) {
            let real = v
                .strip_prefix("npm:")
                .map_or(name.as_str(), |a| split_name_at(a).0);
            out.push((real.to_string(), v1_version(v)));
        }
        if let Some(nested) = entry.get("dependencies").and_then(Value::as_object) {
            v1_walk(nested, out, depth + 1);
        }
    }
}

//! Python lockfiles: `uv.lock` (its editable/virtual root packages and
//! their direct dependencies) and `poetry.lock` (a flat package list).
//! Names are PEP 503-normalised like the declarations.

use std::collections::HashMap;

use plumb_facts::Ecosystem;
use toml::Value;

use crate::python::normalize_python_name;
use crate::{Lock, ManifestError, Parsed, text};

fn packages(doc: &toml::Table) -> &[Value] {
    doc.get("package")
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

pub(crate) fn uv(path: &str, src: &str, errors: &mut Vec<ManifestError>) -> Parsed {
    let mut out = Parsed::default();
    let Some(doc) = text::toml_table(path, src, errors) else {
        return out;
    };
    let mut lock = Lock::new(Ecosystem::PyPI, path);
    let mut versions: HashMap<String, Vec<String>> = HashMap::new();
    for p in packages(&doc) {
        let Some(name) = p.get("name").and_then(Value::as_str) else {
            continue;
        };
        let name = normalize_python_name(name);
        let source = p.get("source").and_then(Value::as_table);
        let own = source.is_some_and(|s| s.contains_key("editable") || s.contains_key("virtual"));
        if own {
            lock.own.insert(name.clone());
        }
        if let Some(v) = p.get("version").and_then(Value::as_str) {
            versions
                .entry(name.clone())
                .or_default()
                .push(v.to_string());
            lock.packages.push((name, v.to_string()));
        }
    }
    for p in packages(&doc) {
        let Some(owner) = p.get("name").and_then(Value::as_str) else {
            continue;
        };
        let owner = normalize_python_name(owner);
        if !lock.own.contains(&owner) {
            continue;
        }
        let mut lists: Vec<&Value> = p.get("dependencies").into_iter().collect();
        for group in ["optional-dependencies", "dev-dependencies"] {
            if let Some(t) = p.get(group).and_then(Value::as_table) {
                lists.extend(t.values());
            }
        }
        for entry in lists.into_iter().filter_map(Value::as_array).flatten() {
            let Some(name) = entry.get("name").and_then(Value::as_str) else {
                continue;
            };
            let name = normalize_python_name(name);
            let version = match entry.get("version").and_then(Value::as_str) {
                Some(v) => Some(v.to_string()),
                None => match versions.get(&name).map(Vec::as_slice) {
                    Some([only]) => Some(only.clone()),
                    _ => None,
                },
            };
            if let Some(v) = version {
                lock.direct.insert((format!("pkg:{owner}"), name), v);
            }
        }
    }
    out.lock = Some(lock);
    out
}

pub(crate) fn poetry(path: &str, src: &str, errors: &mut Vec<ManifestError>) -> Parsed {
    let mut out = Parsed::default();
    let Some(doc) = text::toml_table(path, src, errors) else {
        return out;
    };
    let mut lock = Lock::new(Ecosystem::PyPI, path);
    for p in packages(&doc) {
        if let (Some(n), Some(v)) = (
            p.get("name").and_then(Value::as_str),
            p.get("version").and_then(Value::as_str),
        ) {
            lock.packages
                .push((normalize_python_name(n), v.to_string()));
        }
    }
    out.lock = Some(lock);
    out
}

//! Cargo: `Cargo.toml` (dependency tables, target-specific tables,
//! `[workspace.dependencies]`, `package = ".."` renames) and `Cargo.lock`.
//! `dep.workspace = true` is resolved later in `lib.rs` against the nearest
//! ancestor workspace, because that table lives in another file.

use std::collections::HashMap;

use plumb_facts::Ecosystem;
use toml::Value;

use crate::{Lock, ManifestError, Parsed, dep, text};

/// A `[workspace.dependencies]` entry: (package name, requirement, rename).
pub(crate) type WsEntry = (String, Option<String>, Option<String>);

pub(crate) fn manifest(path: &str, src: &str, errors: &mut Vec<ManifestError>) -> Parsed {
    let mut out = Parsed::default();
    let Some(doc) = text::toml_table(path, src, errors) else {
        return out;
    };
    if let Some(name) = doc
        .get("package")
        .and_then(|p| p.get("name"))
        .and_then(Value::as_str)
    {
        out.own
            .push((Ecosystem::Cargo, name.to_string(), path.to_string()));
    }
    read_tables(&doc, path, &mut out);
    if let Some(targets) = doc.get("target").and_then(Value::as_table) {
        for (_, t) in targets {
            if let Some(t) = t.as_table() {
                read_tables(t, path, &mut out);
            }
        }
    }
    if let Some(ws) = doc
        .get("workspace")
        .and_then(|w| w.get("dependencies"))
        .and_then(Value::as_table)
    {
        let mut table = HashMap::new();
        for (key, spec) in ws {
            let (name, req, rename, _) = spec_parts(key, spec);
            let mut d = dep(Ecosystem::Cargo, &name, req.clone(), "workspace", path);
            d.rename = rename.clone();
            out.deps.push(d);
            table.insert(key.clone(), (name, req, rename));
        }
        out.cargo_workspace = Some(table);
    }
    out
}

fn read_tables(t: &toml::Table, path: &str, out: &mut Parsed) {
    for (section, scope) in [
        ("dependencies", "normal"),
        ("dev-dependencies", "dev"),
        ("dev_dependencies", "dev"),
        ("build-dependencies", "build"),
        ("build_dependencies", "build"),
    ] {
        let Some(table) = t.get(section).and_then(Value::as_table) else {
            continue;
        };
        for (key, spec) in table {
            let (name, req, rename, optional) = spec_parts(key, spec);
            let scope = if optional && scope == "normal" {
                "optional"
            } else {
                scope
            };
            let mut d = dep(Ecosystem::Cargo, &name, req, scope, path);
            d.rename = rename;
            if spec.get("workspace").and_then(Value::as_bool) == Some(true) {
                out.cargo_inherit.push(out.deps.len());
            }
            out.deps.push(d);
        }
    }
}

/// (package name, requirement, rename, optional) of one dependency entry.
fn spec_parts(key: &str, spec: &Value) -> (String, Option<String>, Option<String>, bool) {
    match spec {
        Value::String(v) => (key.to_string(), Some(v.clone()), None, false),
        Value::Table(t) => {
            let req = t.get("version").and_then(Value::as_str).map(str::to_string);
            let optional = t.get("optional").and_then(Value::as_bool) == Some(true);
            match t.get("package").and_then(Value::as_str) {
                Some(pkg) if pkg != key => (pkg.to_string(), req, Some(key.to_string()), optional),
                _ => (key.to_string(), req, None, optional),
            }
        }
        _ => (key.to_string(), None, None, false),
    }
}

#[derive(serde::Deserialize)]
struct CargoLock {
    #[serde(default)]
    package: Vec<LockPackage>,
}

#[derive(serde::Deserialize)]
struct LockPackage {
    name: String,
    version: String,
    source: Option<String>,
    #[serde(default)]
    dependencies: Vec<String>,
}

pub(crate) fn lock(path: &str, src: &str, errors: &mut Vec<ManifestError>) -> Parsed {
    let mut out = Parsed::default();
    let Some(doc) = text::toml_typed::<CargoLock>(path, src, errors) else {
        return out;
    };
    let mut lock = Lock::new(Ecosystem::Cargo, path);
    let mut versions: HashMap<&str, Vec<&str>> = HashMap::new();
    for p in &doc.package {
        versions.entry(&p.name).or_default().push(&p.version);
        lock.packages.push((p.name.clone(), p.version.clone()));
        if p.source.is_none() {
            lock.own.insert(p.name.clone());
        }
    }
    for p in doc.package.iter().filter(|p| p.source.is_none()) {
        let owner = &p.name;
        let mut count: HashMap<&str, usize> = HashMap::new();
        for entry in &p.dependencies {
            *count
                .entry(entry.split_whitespace().next().unwrap_or(""))
                .or_default() += 1;
        }
        for entry in &p.dependencies {
            // "name", "name version" or "name version (source)".
            let mut it = entry.split_whitespace();
            let Some(name) = it.next() else { continue };
            // Two versions of one crate (a rename, or build vs normal): leave
            // the choice to requirement matching.
            if count.get(name).copied().unwrap_or(0) > 1 {
                continue;
            }
            let version = match it.next() {
                Some(v) => Some(v),
                None => match versions.get(name).map(Vec::as_slice) {
                    Some([only]) => Some(*only),
                    _ => None,
                },
            };
            if let Some(v) = version {
                lock.direct
                    .insert((format!("pkg:{owner}"), name.to_string()), v.to_string());
            }
        }
    }
    out.lock = Some(lock);
    out
}

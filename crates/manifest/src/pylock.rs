//! Python lockfiles: `uv.lock` (its editable/virtual root packages and
//! their direct dependencies) and `poetry.lock` (a flat package list).
//! Names are PEP 503-normalised like the declarations.

use std::collections::HashMap;

use plumb_facts::Ecosystem;

use crate::python::normalize_python_name;
use crate::{Lock, ManifestError, Parsed, text};

#[derive(serde::Deserialize)]
struct LockDoc {
    #[serde(default)]
    package: Vec<Package>,
}

#[derive(serde::Deserialize)]
struct Package {
    name: String,
    version: Option<String>,
    source: Option<HashMap<String, serde::de::IgnoredAny>>,
    #[serde(default)]
    dependencies: Vec<DepRef>,
    #[serde(default, rename = "optional-dependencies")]
    optional: HashMap<String, Vec<DepRef>>,
    #[serde(default, rename = "dev-dependencies")]
    dev: HashMap<String, Vec<DepRef>>,
}

#[derive(serde::Deserialize)]
struct DepRef {
    name: String,
    version: Option<String>,
}

pub(crate) fn uv(path: &str, src: &str, errors: &mut Vec<ManifestError>) -> Parsed {
    let mut out = Parsed::default();
    let Some(doc) = text::toml_typed::<LockDoc>(path, src, errors) else {
        return out;
    };
    let mut lock = Lock::new(Ecosystem::PyPI, path);
    let mut versions: HashMap<String, Vec<String>> = HashMap::new();
    let mut owners = Vec::new();
    for p in &doc.package {
        let name = normalize_python_name(&p.name);
        let own = p
            .source
            .as_ref()
            .is_some_and(|s| s.contains_key("editable") || s.contains_key("virtual"));
        if own {
            lock.own.insert(name.clone());
            owners.push(p);
        }
        if let Some(v) = &p.version {
            versions.entry(name.clone()).or_default().push(v.clone());
            lock.packages.push((name, v.clone()));
        }
    }
    for p in owners {
        let owner = normalize_python_name(&p.name);
        let lists = std::iter::once(&p.dependencies)
            .chain(p.optional.values())
            .chain(p.dev.values());
        for entry in lists.flatten() {
            let name = normalize_python_name(&entry.name);
            let version = match &entry.version {
                Some(v) => Some(v.clone()),
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

/// poetry.lock: `[package.dependencies]` is a table there, so only the
/// fields read are named.
#[derive(serde::Deserialize)]
struct PoetryDoc {
    #[serde(default)]
    package: Vec<PoetryPackage>,
}

#[derive(serde::Deserialize)]
struct PoetryPackage {
    name: String,
    version: Option<String>,
}

pub(crate) fn poetry(path: &str, src: &str, errors: &mut Vec<ManifestError>) -> Parsed {
    let mut out = Parsed::default();
    let Some(doc) = text::toml_typed::<PoetryDoc>(path, src, errors) else {
        return out;
    };
    let mut lock = Lock::new(Ecosystem::PyPI, path);
    for p in doc.package {
        if let Some(v) = p.version {
            lock.packages.push((normalize_python_name(&p.name), v));
        }
    }
    out.lock = Some(lock);
    out
}

//! Gradle version catalogs (`gradle/<name>.versions.toml`, usually
//! `libs.versions.toml`): `[libraries]` in all three notations
//! (`"g:a:v"`, `{ module = "g:a" }`, `{ group, name }`, with `version`,
//! `version.ref` or rich versions) and `[bundles]`. A build script's
//! `libs.androidx.core.ktx` is resolved against the catalog in `lib.rs`,
//! because the two live in different files. Plugins are not dependencies.

use std::collections::HashMap;

use plumb_facts::Ecosystem;
use toml::Value;

use crate::{ManifestError, Parsed, dep, text};

/// One catalog, keyed by accessor path (`androidx.core.ktx`, `bundles.compose`).
pub(crate) struct Catalog {
    /// Accessor name: the file stem before `.versions.toml` (`libs`).
    pub name: String,
    /// Directory of the build the catalog belongs to (parent of `gradle/`).
    pub project_dir: String,
    pub libraries: HashMap<String, (String, Option<String>)>,
    pub bundles: HashMap<String, Vec<String>>,
}

/// `androidx-core_ktx` -> `androidx.core.ktx`, as Gradle generates accessors.
pub(crate) fn accessor(alias: &str) -> String {
    alias.replace(['-', '_'], ".")
}

fn version_of(v: &Value, versions: &toml::Table) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Table(t) => {
            if let Some(r) = t.get("ref").and_then(Value::as_str) {
                return versions.get(r).and_then(|x| version_of(x, versions));
            }
            ["strictly", "require", "prefer"]
                .iter()
                .find_map(|k| t.get(*k).and_then(Value::as_str))
                .map(str::to_string)
        }
        _ => None,
    }
}

pub(crate) fn read(path: &str, src: &str, errors: &mut Vec<ManifestError>) -> Parsed {
    let mut out = Parsed::default();
    let Some(doc) = text::toml_table(path, src, errors) else {
        return out;
    };
    let file = path.rsplit('/').next().unwrap_or(path);
    let gradle_dir = crate::parent_dir(path);
    let mut catalog = Catalog {
        name: file.trim_end_matches(".versions.toml").to_string(),
        project_dir: crate::parent_dir(gradle_dir).to_string(),
        libraries: HashMap::new(),
        bundles: HashMap::new(),
    };
    let empty = toml::Table::new();
    let versions = doc
        .get("versions")
        .and_then(Value::as_table)
        .unwrap_or(&empty);
    for (alias, lib) in doc
        .get("libraries")
        .and_then(Value::as_table)
        .into_iter()
        .flatten()
    {
        let (coord, version) = match lib {
            Value::String(s) => {
                let mut parts = s.splitn(3, ':');
                let (g, a, v) = (parts.next(), parts.next(), parts.next());
                match (g, a) {
                    (Some(g), Some(a)) => (format!("{g}:{a}"), v.map(str::to_string)),
                    _ => continue,
                }
            }
            Value::Table(t) => {
                let coord = match (t.get("module"), t.get("group"), t.get("name")) {
                    (Some(Value::String(m)), _, _) => m.clone(),
                    (_, Some(Value::String(g)), Some(Value::String(n))) => format!("{g}:{n}"),
                    _ => continue,
                };
                (
                    coord,
                    t.get("version").and_then(|v| version_of(v, versions)),
                )
            }
            _ => continue,
        };
        out.deps.push(dep(
            Ecosystem::Maven,
            &coord,
            version.clone(),
            "workspace",
            path,
        ));
        catalog.libraries.insert(accessor(alias), (coord, version));
    }
    for (alias, list) in doc
        .get("bundles")
        .and_then(Value::as_table)
        .into_iter()
        .flatten()
    {
        let members = list
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(accessor)
            .collect();
        catalog.bundles.insert(accessor(alias), members);
    }
    out.gradle_catalog = Some(catalog);
    out
}

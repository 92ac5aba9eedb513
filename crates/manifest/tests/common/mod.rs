//! Test helpers: load a fixture directory as (repo-relative path, bytes) pairs.
#![allow(dead_code)]

use std::path::Path;

use plumb_facts::{Dependency, Ecosystem, Manifest};

/// (name, requirement, scope, locked version, rename).
pub type Row = (
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
);

pub fn fixture_dir(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Every file under the fixture, with paths relative to it, prefixed by `prefix`.
pub fn load_under(name: &str, prefix: &str) -> Vec<(String, Vec<u8>)> {
    let root = fixture_dir(name);
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p
                    .strip_prefix(&root)
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .replace('\\', "/");
                out.push((format!("{prefix}{rel}"), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

pub fn load(name: &str) -> Vec<(String, Vec<u8>)> {
    load_under(name, "")
}

/// The dependency `name` declared in `manifest` with `scope`; panics with the list when absent.
pub fn find<'a>(
    m: &'a Manifest,
    eco: Ecosystem,
    name: &str,
    manifest: &str,
    scope: &str,
) -> &'a Dependency {
    m.dependencies
        .iter()
        .find(|d| {
            d.ecosystem == eco && d.name == name && d.manifest == manifest && d.scope == scope
        })
        .unwrap_or_else(|| {
            panic!(
                "{name} ({scope}) in {manifest} not found in {:#?}",
                m.dependencies
            )
        })
}

/// (name, requirement, scope, locked, rename) of every dependency a manifest declares.
pub fn summary(m: &Manifest, manifest: &str) -> Vec<Row> {
    m.dependencies
        .iter()
        .filter(|d| d.manifest == manifest)
        .map(|d| {
            (
                d.name.clone(),
                d.requirement.clone(),
                d.scope.clone(),
                d.locked_version.clone(),
                d.rename.clone(),
            )
        })
        .collect()
}

pub fn row(
    name: &str,
    req: Option<&str>,
    scope: &str,
    locked: Option<&str>,
    rename: Option<&str>,
) -> (
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
) {
    (
        name.to_string(),
        req.map(str::to_string),
        scope.to_string(),
        locked.map(str::to_string),
        rename.map(str::to_string),
    )
}

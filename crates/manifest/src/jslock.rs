//! JavaScript lockfiles other than npm's: `pnpm-lock.yaml` (v5 `specifiers`,
//! v6 and v9 `importers` with `specifier`/`version`, `packages` keys in the
//! `/name/1.0.0`, `/name@1.0.0` and `name@1.0.0` forms) and `yarn.lock`
//! (v1 and berry, keyed by `name@range` specifiers).

use plumb_facts::Ecosystem;

use crate::npm::split_name_at;
use crate::{Lock, ManifestError, Parsed, text, yamlish};

/// Strip peer-dependency suffixes: `1.0.0(react@18.2.0)`, v5 `1.0.0_react@18.2.0`.
fn strip_peer(v: &str) -> &str {
    let v = v.split('(').next().unwrap_or(v);
    v.split('_').next().unwrap_or(v)
}

/// An importer's resolved version: `18.2.0`, `18.2.0(react@..)`, an alias
/// `string-width@4.2.3` / `/string-width/4.2.3`; `None` for `link:` and URLs.
fn importer_version(v: &str) -> Option<String> {
    if v.starts_with("link:") || v.starts_with("file:") || v.contains("://") {
        return None;
    }
    let v = strip_peer(v);
    let v = if let Some(rest) = v.strip_prefix('/') {
        rest.rsplit(['/', '@']).next().unwrap_or(rest)
    } else if v.get(1..).is_some_and(|t| t.contains('@')) {
        split_name_at(v).1
    } else {
        v
    };
    (!v.is_empty()).then(|| v.to_string())
}

/// (name, version) of a `packages:` key.
fn package_key(key: &str) -> Option<(String, String)> {
    let k = key.strip_prefix('/').unwrap_or(key);
    let k = k.split('(').next().unwrap_or(k);
    if k.contains("://") {
        return None;
    }
    let (name, version) = split_name_at(k);
    if !version.is_empty() {
        return Some((name.to_string(), strip_peer(version).to_string()));
    }
    // v5: `name/1.0.0` or `@scope/name/1.0.0_peer`.
    let (name, version) = k.rsplit_once('/')?;
    Some((name.to_string(), strip_peer(version).to_string()))
}

pub(crate) fn pnpm(path: &str, src: &str, errors: &mut Vec<ManifestError>) -> Parsed {
    let mut out = Parsed::default();
    let doc = yamlish::parse(path, src, errors);
    let root = doc.root();
    if doc.get(root, "lockfileVersion").is_none() {
        errors.push(text::error(
            path,
            Some(1),
            "no lockfileVersion: not a pnpm lockfile",
        ));
        return out;
    }
    let mut lock = Lock::new(Ecosystem::Npm, path);
    let importers: Vec<(&str, &yamlish::Node)> = match doc.get(root, "importers") {
        Some(imp) => doc.children(imp).map(|n| (n.key.as_str(), n)).collect(),
        None => vec![(".", root)],
    };
    for (importer, node) in importers {
        let rel = importer.trim_start_matches("./").trim_start_matches('.');
        let dir = match (lock.dir.is_empty(), rel.is_empty()) {
            (_, true) => lock.dir.clone(),
            (true, false) => rel.to_string(),
            (false, false) => format!("{}/{rel}", lock.dir),
        };
        for section in ["dependencies", "devDependencies", "optionalDependencies"] {
            let Some(sec) = doc.get(node, section) else {
                continue;
            };
            for d in doc.children(sec) {
                let raw = match &d.value {
                    Some(v) => Some(v.as_str()),
                    None => doc.get(d, "version").and_then(|v| v.value.as_deref()),
                };
                if let Some(v) = raw.and_then(importer_version) {
                    lock.direct.insert((format!("dir:{dir}"), d.key.clone()), v);
                }
            }
        }
    }
    if let Some(pkgs) = doc.get(root, "packages") {
        for p in doc.children(pkgs) {
            if let Some(nv) = package_key(&p.key) {
                lock.packages.push(nv);
            }
        }
    }
    lock.packages.sort();
    lock.packages.dedup();
    out.lock = Some(lock);
    out
}

pub(crate) fn yarn(path: &str, src: &str, errors: &mut Vec<ManifestError>) -> Parsed {
    let mut out = Parsed::default();
    let mut lock = Lock::new(Ecosystem::Npm, path);
    // Specifiers of the entry being read.
    let mut current: Vec<String> = Vec::new();
    for (i, line) in src.lines().enumerate() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if !line.starts_with([' ', '\t']) {
            let Some(header) = line.trim_end().strip_suffix(':') else {
                errors.push(text::error(
                    path,
                    Some(i as u32 + 1),
                    "expected `specifier:` entry header",
                ));
                current.clear();
                continue;
            };
            current = header
                .split(',')
                .map(|s| text::unquote(s.trim()).to_string())
                .filter(|s| !s.is_empty() && s != "__metadata")
                .collect();
            continue;
        }
        let t = line.trim();
        if !line.starts_with("  ") || line.starts_with("   ") {
            continue; // nested field of a dependency list
        }
        let version = t
            .strip_prefix("version:")
            .or_else(|| t.strip_prefix("version "))
            .map(|v| text::unquote(v.trim()).to_string());
        let Some(version) = version else { continue };
        for spec in &current {
            let (name, range) = split_name_at(spec);
            if range.starts_with("workspace:") || version.ends_with("-use.local") {
                lock.own.insert(name.to_string());
                continue;
            }
            // `foo@npm:bar@^1` is an alias of `bar`; `patch:` and others keep the name.
            let real = match range.strip_prefix("npm:") {
                Some(u) if u.get(1..).is_some_and(|t| t.contains('@')) => split_name_at(u).0,
                _ => name,
            };
            lock.specs.insert(spec.clone(), version.clone());
            lock.packages.push((real.to_string(), version.clone()));
        }
    }
    lock.packages.sort();
    lock.packages.dedup();
    out.lock = Some(lock);
    out
}

//! Installed npm packages: the file a bare specifier (`'uuid'`,
//! `'@scope/pkg/sub'`) loads from `node_modules`, found as Node does (the
//! nearest `node_modules` from the importing file up to the repository's
//! root), then read through its declarations first: package.json `types` /
//! `typings`, the `exports` map (`types` condition first), `module`, `main`,
//! `index`, and `@types/<name>` when the package ships only JavaScript.
//! A package installed at another version than the lockfile pins is not
//! read: its names are not the project's to judge by.
//!
//! Owns only where a package's source is; what it exports is
//! [`super::modules`]' question, asked of that file like any module.

use std::rc::Rc;

use plumb_facts::{Ecosystem, Lang};

use super::modules::{is_declarations, normalize, package_name, resolve_base_reading};
use crate::builtins;
use crate::project::Project;

/// What `node_modules` holds for a bare specifier.
#[derive(Debug, Clone, PartialEq)]
pub enum Installed {
    /// The repository-relative file the specifier loads (declarations when
    /// the package has them), and the installed version.
    /// `code` is the JavaScript the package itself ships when `file` is
    /// another package's declarations (`@types/<name>`).
    Entry {
        file: String,
        code: Option<String>,
        version: String,
    },
    /// Installed in `dir`, but not at the version the lockfile pins.
    OtherVersion {
        dir: String,
        installed: String,
        locked: String,
    },
    /// Installed, but no entry file could be found for the specifier.
    NoEntry { dir: String },
    /// Not in any `node_modules` from the importer up.
    Absent,
}

/// The installed source of the bare specifier `spec` imported by `from`.
pub fn installed(project: &Project, from: &str, spec: &str) -> Rc<Installed> {
    let dir = from.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
    project.memo(&format!("npm-installed\0{dir}\0{spec}"), || {
        locate(project, dir, spec)
    })
}

/// The file `spec` loads, for resolvers that only follow it.
pub fn installed_file(project: &Project, from: &str, spec: &str) -> Option<String> {
    let pkg = package_name(spec);
    if spec.starts_with("node:")
        || builtins::is_stdlib_module(Lang::JavaScript, pkg)
        || builtins::is_stdlib_module(Lang::TypeScript, pkg)
    {
        return None;
    }
    if augmented(project, spec) {
        return None;
    }
    match &*installed(project, from, spec) {
        Installed::Entry { file, .. } => Some(file.clone()),
        _ => None,
    }
}

/// Whether the project declares `declare module 'spec' {…}` itself: such a
/// declaration may add exports (lodash mixins), so what the package has
/// is not all there is.
pub fn augmented(project: &Project, spec: &str) -> bool {
    *project.memo(&format!("npm-augmented\0{spec}"), || {
        project.defs_named(spec, 20).iter().any(|d| {
            d.def.kind == plumb_facts::DefKind::Module && !d.path.contains("node_modules/")
        })
    })
}

fn locate(project: &Project, dir: &str, spec: &str) -> Installed {
    let pkg = package_name(spec);
    if pkg.is_empty() || pkg.starts_with('.') || spec.contains(':') {
        return Installed::Absent;
    }
    let sub = spec[pkg.len()..].trim_start_matches('/');
    let Some(pkg_dir) = nearest_package_dir(project, dir, pkg) else {
        return Installed::Absent;
    };
    let manifest = read_json(project, &format!("{pkg_dir}/package.json"));
    let version = manifest
        .as_ref()
        .and_then(|m| m.get("version")?.as_str().map(str::to_string))
        .unwrap_or_default();
    if let Some(locked) = locked_version(project, pkg)
        && !version.is_empty()
        && locked != version
    {
        return Installed::OtherVersion {
            dir: pkg_dir,
            installed: version,
            locked,
        };
    }
    let own = manifest
        .as_ref()
        .and_then(|m| entry_in(project, &pkg_dir, m, sub));
    let (file, code) = match own {
        Some(f) if is_declarations(&f) => (Some(f), None),
        // Only JavaScript: DefinitelyTyped's declarations describe it better.
        js => match types_package(project, dir, pkg, sub) {
            Some(types) => (Some(types), js),
            None => (js, None),
        },
    };
    match file {
        Some(file) => Installed::Entry {
            file,
            code,
            version,
        },
        None => Installed::NoEntry { dir: pkg_dir },
    }
}

/// `node_modules/<pkg>` in `dir` or the nearest directory above it that has
/// one (repository-relative), as Node's resolution walks.
fn nearest_package_dir(project: &Project, dir: &str, pkg: &str) -> Option<String> {
    let mut at = Some(dir);
    while let Some(d) = at {
        let cand = if d.is_empty() {
            format!("node_modules/{pkg}")
        } else {
            format!("{d}/node_modules/{pkg}")
        };
        if project.root.join(&cand).join("package.json").is_file() {
            return Some(cand);
        }
        at = if d.is_empty() {
            None
        } else {
            Some(d.rsplit_once('/').map(|(p, _)| p).unwrap_or(""))
        };
    }
    None
}

/// `@types/<pkg>` (`@types/scope__name` for `@scope/name`) beside it.
fn types_package(project: &Project, dir: &str, pkg: &str, sub: &str) -> Option<String> {
    let mangled = match pkg.strip_prefix('@') {
        Some(scoped) => scoped.replacen('/', "__", 1),
        None => pkg.to_string(),
    };
    let types_dir = nearest_package_dir(project, dir, &format!("@types/{mangled}"))?;
    let manifest = read_json(project, &format!("{types_dir}/package.json"))?;
    entry_in(project, &types_dir, &manifest, sub).filter(|f| is_declarations(f))
}

/// The file of the package in `pkg_dir` that the subpath `sub` (`""` for
/// the package itself) names, declarations first.
fn entry_in(
    project: &Project,
    pkg_dir: &str,
    manifest: &serde_json::Value,
    sub: &str,
) -> Option<String> {
    let key = if sub.is_empty() {
        ".".to_string()
    } else {
        format!("./{sub}")
    };
    let mut targets: Vec<String> = Vec::new();
    if let Some(exports) = manifest.get("exports") {
        targets.extend(export_target(exports, &key));
    }
    if sub.is_empty() {
        for k in ["types", "typings", "module", "main"] {
            if let Some(s) = manifest.get(k).and_then(|v| v.as_str()) {
                targets.push(s.to_string());
            }
        }
        targets.push("index".to_string());
    } else {
        targets.push(sub.to_string());
    }
    // A `.d.ts` for the file, wherever the manifest points.
    targets.iter().find_map(|t| {
        let base = normalize(&format!("{pkg_dir}/{t}"))?;
        resolve_base_reading(project, &base, true)
    })
}

/// The targets the `exports` map gives `key` (`"."`, `"./sub"`), the
/// `types` condition first, then `import`, `require`, `node`, `default`.
fn export_target(exports: &serde_json::Value, key: &str) -> Vec<String> {
    use serde_json::Value;
    let entry = match exports {
        Value::Object(m) if m.keys().any(|k| k.starts_with('.')) => match m.get(key) {
            Some(v) => Some(v.clone()),
            // `"./*": "./dist/*.js"`: one wildcard.
            None => m.iter().find_map(|(k, v)| {
                let (pre, post) = k.split_once('*')?;
                let star = key.strip_prefix(pre)?.strip_suffix(post)?;
                Some(substitute(v, star))
            }),
        },
        other if key == "." => Some(other.clone()),
        _ => None,
    };
    let mut out = Vec::new();
    if let Some(e) = entry {
        conditions(&e, &mut out);
    }
    out
}

fn substitute(v: &serde_json::Value, star: &str) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::String(s) => Value::String(s.replace('*', star)),
        Value::Array(a) => Value::Array(a.iter().map(|x| substitute(x, star)).collect()),
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, x)| (k.clone(), substitute(x, star)))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn conditions(v: &serde_json::Value, out: &mut Vec<String>) {
    use serde_json::Value;
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| conditions(x, out)),
        Value::Object(m) => {
            for k in ["types", "import", "require", "node", "default"] {
                if let Some(x) = m.get(k) {
                    conditions(x, out);
                }
            }
        }
        _ => {}
    }
}

fn read_json(project: &Project, rel: &str) -> Option<serde_json::Value> {
    let text = std::fs::read_to_string(project.root.join(rel)).ok()?;
    serde_json::from_str(&text).ok()
}

/// The version a lockfile pins for the declared package `pkg`, when every
/// declaration that has one agrees.
fn locked_version(project: &Project, pkg: &str) -> Option<String> {
    let mut versions = project
        .manifest()
        .dependencies
        .iter()
        .filter(|d| d.ecosystem == Ecosystem::Npm && d.name == pkg)
        .filter_map(|d| d.locked_version.clone());
    let first = versions.next()?;
    versions.all(|v| v == first).then_some(first)
}

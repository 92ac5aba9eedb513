//! Packages of the repository itself (a monorepo's workspaces): a bare
//! specifier `pkg/sub` whose package `pkg` is the `name` of a package.json
//! in the project resolves through that package's `exports` map to the
//! project source file it names (`"./v4/core": {"@zod/source":
//! "./src/v4/core/index.ts", "import": "./v4/core/index.js"}` →
//! `src/v4/core/index.ts`, the one target that exists in the repository).
//!
//! A root entry that names no file of the repository (a build it lacks)
//! maps to the one source under `src/` it is built from.
//!
//! Owns only that mapping; `None` whenever the package is not unique in
//! the repository or not exactly one target (or source) names an existing
//! file. A pattern entry (`"./internal/*": "./lib/*"`) is read with its
//! `*` filled in.

use std::collections::{HashMap, HashSet};

use super::modules::{normalize, package_name, resolve_base_reading};
use crate::project::Project;

/// The project file that the bare specifier `spec`, written in the file
/// `from`, names through a workspace package of the repository: one that
/// `from` belongs to, or that the package.json nearest to `from` links
/// (`"workspace:…"`, `"file:…"`, `"link:…"`, `"*"`, `"latest"`).
pub fn resolve_workspace(project: &Project, from: &str, spec: &str) -> Option<String> {
    let pkg = package_name(spec);
    let sub = &spec[pkg.len()..];
    let packages = project.memo("js-workspace-packages", || workspace_packages(project));
    let dir = packages.get(pkg)?.as_ref()?;
    let (home, manifest) = nearest_package(project, from)?;
    if home != *dir && !links(&manifest, pkg) {
        return None;
    }
    // A package that depends on a registry package of its own name
    // (escodegen's `benchmark/` package requires `benchmark`) gets that
    // one from `node_modules`, not itself.
    let declared = |m: &serde_json::Value| {
        ["dependencies", "devDependencies", "optionalDependencies"]
            .iter()
            .any(|k| m.get(*k).and_then(|d| d.get(pkg)).is_some())
    };
    if home == *dir && declared(&manifest) && !links(&manifest, pkg) {
        return None;
    }
    // Nor one nested in a package that depends on the registry's package
    // of its name (liquidjs' private `benchmark/` package, whose
    // repository's package.json declares `benchmark`).
    if home == *dir
        && !home.is_empty()
        && nearest_package(project, home.trim_end_matches('/'))
            .is_some_and(|(_, outer)| declared(&outer) && !links(&outer, pkg))
    {
        return None;
    }
    package_file(project, dir, sub, super::arity::is_ts_path(from), true)
}

/// The file that `sub` (`""` for the root, else `/x`) of the package in
/// `dir` (`""` or `packages/zod/`) names, read `types_first` as TypeScript
/// does or as JavaScript does. With `exports` (a bare specifier), its
/// map; else (also for a relative import of the directory, which Node
/// reads without `exports`) a path below the package, or for the root the
/// file `main` names (`module` first; for TypeScript `types`, `typings`
/// first; the declarations last for JavaScript: pino's `require('../')` is
/// `pino.js`, whose members its `.d.ts` only describes), then `index`.
/// A root entry that is a build the repository lacks maps to the one
/// source it is built from (dayjs's locales import `dayjs`, whose `main`
/// is `dayjs.min.js`, built from `src/index.js`).
pub fn package_file(
    project: &Project,
    dir: &str,
    sub: &str,
    types_first: bool,
    use_exports: bool,
) -> Option<String> {
    let text = std::fs::read_to_string(project.root.join(format!("{dir}package.json"))).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    let pkg = v.get("name").and_then(|n| n.as_str()).unwrap_or("");
    let Some(exports) = v.get("exports").filter(|_| use_exports) else {
        if let Some(path) = sub.strip_prefix('/') {
            return resolve_base_reading(project, &format!("{dir}{path}"), types_first);
        }
        let fields = if types_first {
            ["types", "typings", "module", "main"]
        } else {
            ["module", "main", "types", "typings"]
        };
        let targets: Vec<String> = fields
            .iter()
            .filter_map(|f| v.get(*f)?.as_str())
            .map(|t| format!("./{}", t.trim_start_matches("./")))
            .collect();
        let exts: &[&str] = &super::modules::EXTS;
        return targets
            .iter()
            .filter_map(|t| normalize(&format!("{dir}{t}")))
            .chain(std::iter::once(format!("{dir}index")))
            .find_map(|p| {
                exts.iter()
                    .map(|e| format!("{p}{e}"))
                    .find(|c| project.file_exists(c))
            })
            .or_else(|| {
                let code: Vec<String> = targets
                    .iter()
                    .filter(|t| !super::modules::is_declarations(t))
                    .cloned()
                    .collect();
                source_entry(project, dir, &code, pkg)
            })
            // `"main": "./dist/lib/index.js"` built from `lib/index.ts`
            // (node-redis's packages).
            .or_else(|| {
                one_mirrored(&targets, |rest| {
                    rest.contains('/')
                        .then(|| {
                            resolve_base_reading(project, &format!("{dir}{rest}"), types_first)
                        })
                        .flatten()
                })
            });
    };
    let key = format!(".{sub}");
    let (entry, star) = match exports {
        serde_json::Value::Object(m) if m.keys().any(|k| k.starts_with('.')) => {
            match m.get(&key) {
                Some(e) => (e, None),
                // `"./_internal_/*": "./lib/*"` (sequelize's core): the
                // pattern the subpath matches, and what its `*` stands for.
                None => m.iter().find_map(|(k, e)| {
                    let (pre, post) = k.split_once('*')?;
                    let mid = key.strip_prefix(pre)?.strip_suffix(post)?;
                    Some((e, Some(mid.to_string())))
                })?,
            }
        }
        // `"exports": "./x.js"` or a map of conditions: the root only.
        other if sub.is_empty() => (other, None),
        _ => return None,
    };
    let mut targets = Vec::new();
    leaves(entry, &mut targets, 0);
    if let Some(star) = &star {
        for t in targets.iter_mut() {
            *t = t.replacen('*', star, 1);
        }
    }
    let mut found: Vec<String> = targets
        .iter()
        .filter(|t| t.starts_with("./") && !t.contains('*'))
        .filter_map(|t| normalize(&format!("{dir}{t}")))
        .filter(|p| project.file_exists(p))
        .collect();
    found.sort();
    found.dedup();
    // Declarations for a TypeScript importer, the runtime file for a
    // JavaScript one (handlebars: `{"types": "./types/index.d.ts",
    // "default": "./lib/index.js"}`).
    if found.len() > 1 {
        let declared: Vec<String> = found
            .iter()
            .filter(|f| f.ends_with(".d.ts") == types_first)
            .cloned()
            .collect();
        if declared.len() == 1 {
            found = declared;
        }
    }
    match found.as_slice() {
        [one] => Some(one.clone()),
        // The entry is a build the repository lacks (Leaflet's specs import
        // `leaflet`, whose `exports` is `./dist/leaflet-src.js`): its source.
        [] if sub.is_empty() => mirrored_source(project, dir, &targets, types_first)
            .or_else(|| source_entry(project, dir, &targets, pkg)),
        // A subpath of a pattern into a build the repository lacks: the
        // source at the same path under `src/` (`./lib/a/query.js` →
        // `src/a/query.ts`).
        [] if star.is_some() => one_under_src(dir, &targets, |f| {
            resolve_base_reading(project, &f, types_first)
        }),
        _ => None,
    }
}

/// The one file under the package's `src/` at the path a target names
/// under its build directory (`./lib/index.d.ts` → `src/index.d.ts`, as
/// sequelize's core keeps hand-written entries beside its sources): the
/// declarations for a TypeScript importer, the code for a JavaScript one.
fn mirrored_source(
    project: &Project,
    dir: &str,
    targets: &[String],
    types_first: bool,
) -> Option<String> {
    one_under_src(dir, targets, |f| {
        (super::modules::is_declarations(&f) == types_first && project.file_exists(&f)).then_some(f)
    })
}

/// The one file `pick` makes of the paths under `{dir}src/` that the
/// targets name under their build directory (`./lib/a/b.js` → `src/a/b.js`).
fn one_under_src(
    dir: &str,
    targets: &[String],
    pick: impl Fn(String) -> Option<String>,
) -> Option<String> {
    one_mirrored(targets, |rest| pick(format!("{dir}src/{rest}")))
}

/// The one file `pick` makes of what follows each target's build directory
/// (`./dist/lib/index.js` → `lib/index.js`).
fn one_mirrored(targets: &[String], pick: impl Fn(&str) -> Option<String>) -> Option<String> {
    let mut found: Vec<String> = targets
        .iter()
        .filter_map(|t| pick(t.strip_prefix("./")?.split_once('/')?.1))
        .collect();
    found.sort();
    found.dedup();
    match <[String; 1]>::try_from(found) {
        Ok([one]) => Some(one),
        Err(_) => None,
    }
}

/// The one source file an unbuilt package's root entry is built from: the
/// file under `src/` named as a target is (`./lib/sinon.js` →
/// `src/sinon.js`), or, when no target names one, the conventional entry
/// (`src/index.*`, `src/<name>.*` in any case). `None` when the targets name
/// different sources (a CommonJS and an ESM build) or no single one exists.
fn source_entry(project: &Project, dir: &str, targets: &[String], pkg: &str) -> Option<String> {
    const EXTS: [&str; 6] = ["ts", "tsx", "mts", "js", "mjs", "cjs"];
    let sources: Vec<(&String, String)> = project
        .all_files()
        .iter()
        .filter_map(|f| {
            let rel = f.strip_prefix(dir)?.strip_prefix("src/")?;
            let (stem, ext) = rel.rsplit_once('.')?;
            EXTS.contains(&ext).then(|| (f, stem.to_lowercase()))
        })
        .collect();
    let named = |stem: &str| -> Vec<String> {
        sources
            .iter()
            .filter(|(_, s)| s == stem)
            .map(|(f, _)| (*f).clone())
            .collect()
    };
    let mut mirrored: Vec<String> = targets
        .iter()
        .filter_map(|t| {
            let file = t.rsplit('/').next()?;
            let stem = file.strip_suffix(".d.ts").or_else(|| {
                file.rsplit_once('.')
                    .and_then(|(s, e)| EXTS.contains(&e).then_some(s))
            })?;
            Some(stem.strip_suffix(".min").unwrap_or(stem).to_lowercase())
        })
        .flat_map(|stem| named(&stem))
        .collect();
    mirrored.sort();
    mirrored.dedup();
    if mirrored.is_empty() {
        let base = pkg.rsplit('/').next().unwrap_or(pkg).to_lowercase();
        mirrored = [named("index"), named(&base)].concat();
        mirrored.sort();
        mirrored.dedup();
    }
    match mirrored.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// `exports` conditions for runtimes other than Node.
const OTHER_RUNTIMES: [&str; 8] = [
    "browser",
    "react-native",
    "react-server",
    "deno",
    "bun",
    "worker",
    "workerd",
    "edge-light",
];

/// The string targets of an `exports` entry, through nested conditions.
fn leaves(v: &serde_json::Value, out: &mut Vec<String>, depth: u32) {
    if depth > 4 {
        return;
    }
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        // What Node loads: not the builds for browsers and other runtimes
        // (MQTT.js: `{"browser": "./dist/mqtt.min.js", "default":
        // "./build/index.js"}`).
        serde_json::Value::Object(m) => m
            .iter()
            .filter(|(k, _)| !OTHER_RUNTIMES.contains(&k.as_str()))
            .for_each(|(_, x)| leaves(x, out, depth + 1)),
        serde_json::Value::Array(a) => a.iter().for_each(|x| leaves(x, out, depth + 1)),
        _ => {}
    }
}

/// Package name → its directory (`packages/zod/`), from the package.json
/// files beside the project's files and in their parent directories (none
/// under node_modules); `None` for a name that two package.json files
/// claim.
fn workspace_packages(project: &Project) -> HashMap<String, Option<String>> {
    let mut dirs: HashSet<String> = HashSet::new();
    for f in project.all_files() {
        let mut d = f.as_str();
        while let Some((parent, _)) = d.rsplit_once('/') {
            if !dirs.insert(format!("{parent}/")) {
                break;
            }
            d = parent;
        }
    }
    dirs.insert(String::new());
    let mut dirs: Vec<String> = dirs.into_iter().collect();
    dirs.sort();
    let mut out: HashMap<String, Option<String>> = HashMap::new();
    for dir in dirs {
        if dir.contains("node_modules/") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(project.root.join(format!("{dir}package.json")))
        else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        let Some(name) = v.get("name").and_then(|n| n.as_str()) else {
            continue;
        };
        out.entry(name.to_string())
            .and_modify(|d| *d = None)
            .or_insert_with(|| Some(dir.clone()));
    }
    out
}

/// The directory (`packages/bench/`, `` for the root) and contents of the
/// package.json nearest to the file `from`.
fn nearest_package(project: &Project, from: &str) -> Option<(String, serde_json::Value)> {
    let mut dir = from.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
    loop {
        let prefix = if dir.is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        if let Ok(text) =
            std::fs::read_to_string(project.root.join(format!("{prefix}package.json")))
        {
            return Some((prefix, serde_json::from_str(&text).ok()?));
        }
        if dir.is_empty() {
            return None;
        }
        dir = dir.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
    }
}

/// Whether a package.json declares `pkg` as a link to the repository's own
/// copy rather than a registry version.
fn links(manifest: &serde_json::Value, pkg: &str) -> bool {
    [
        "dependencies",
        "devDependencies",
        "peerDependencies",
        "optionalDependencies",
    ]
    .iter()
    .filter_map(|k| manifest.get(*k)?.get(pkg)?.as_str())
    .any(|r| {
        // `"latest"`: an example of the repository's own package, whose
        // newest release is the repository itself (superstruct's examples).
        r == "*"
            || r == "latest"
            || ["workspace:", "file:", "link:"]
                .iter()
                .any(|p| r.starts_with(p))
    })
}

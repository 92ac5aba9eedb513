//! Project metadata: reads manifests and lockfiles into a [`Manifest`].
//!
//! This crate owns the formats (Cargo, Python, npm, Go, Maven/Gradle) and the
//! rule that joins a declared dependency to the version its nearest lockfile
//! resolves. [`read_manifests`] is a pure function over file contents; only
//! [`installed_python_top_levels`] touches the file system. It knows nothing
//! about source code, storage or the checker's policy.
//!
//! Scopes are the manifest's section mapped to `normal`, `dev`, `build`,
//! `optional`, `peer`, plus `indirect` (go.mod `// indirect`) and `workspace`
//! (Cargo `[workspace.dependencies]` and Gradle version-catalog libraries:
//! available to members that opt in, declared by the shared file).
//! Maven `provided` maps to `peer` (supplied by the host, like npm peers).
//! npm aliases (`"foo": "npm:bar@^1"`) are treated like Cargo renames:
//! `name` = `bar`, `rename` = `foo`.
//!
//! Facts that span files are joined after every file is parsed: Cargo
//! `dep.workspace = true`, Gradle `libs.x` catalog accessors, Maven parent
//! poms, and lockfile versions (the nearest lockfile of the ecosystem at or
//! above the manifest; per-importer entries first, then by name with the
//! requirement choosing among several versions).

use std::collections::{BTreeSet, HashMap};

use plumb_facts::{Dependency, Ecosystem, Manifest};

mod cargo;
mod golang;
mod gradle;
mod gradle_catalog;
mod jslock;
mod maven;
mod npm;
mod pyimport;
mod pylock;
mod python;
mod requirements;
mod text;
mod version;
mod yamlish;

pub use pyimport::{installed_python_top_levels, python_import_names};
pub use python::normalize_python_name;

/// A manifest or lockfile that could not be read (fully or partly).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ManifestError {
    /// Repository-relative path.
    pub file: String,
    /// 1-based line of the problem, when known.
    pub line: Option<u32>,
    pub message: String,
}

/// The kinds of file this crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    CargoToml,
    CargoLock,
    Pyproject,
    Requirements,
    SetupCfg,
    SetupPy,
    Pipfile,
    UvLock,
    PoetryLock,
    PackageJson,
    PackageLock,
    PnpmLock,
    YarnLock,
    GoMod,
    GoSum,
    Pom,
    Gradle,
    GradleCatalog,
}

fn kind_of(rel_path: &str) -> Option<Kind> {
    let path = rel_path.replace('\\', "/");
    let (dir, file) = match path.rfind('/') {
        Some(i) => (&path[..i], &path[i + 1..]),
        None => ("", path.as_str()),
    };
    let parent = dir.rsplit('/').next().unwrap_or("");
    Some(match file {
        "Cargo.toml" => Kind::CargoToml,
        "Cargo.lock" => Kind::CargoLock,
        "pyproject.toml" => Kind::Pyproject,
        "setup.cfg" => Kind::SetupCfg,
        "setup.py" => Kind::SetupPy,
        "Pipfile" => Kind::Pipfile,
        "uv.lock" => Kind::UvLock,
        "poetry.lock" => Kind::PoetryLock,
        "package.json" => Kind::PackageJson,
        "package-lock.json" | "npm-shrinkwrap.json" => Kind::PackageLock,
        "pnpm-lock.yaml" => Kind::PnpmLock,
        "yarn.lock" => Kind::YarnLock,
        "go.mod" => Kind::GoMod,
        "go.sum" => Kind::GoSum,
        "pom.xml" => Kind::Pom,
        "build.gradle" | "build.gradle.kts" => Kind::Gradle,
        _ if parent == "gradle" && file.ends_with(".versions.toml") => Kind::GradleCatalog,
        _ if is_requirements_name(parent, file) => Kind::Requirements,
        _ => return None,
    })
}

fn is_requirements_name(parent: &str, file: &str) -> bool {
    let Some(stem) = file
        .strip_suffix(".txt")
        .or_else(|| file.strip_suffix(".in"))
    else {
        return false;
    };
    // node_modules and vendored trees carry other projects' files.
    stem.starts_with("requirements")
        || stem.ends_with("-requirements")
        || stem.ends_with("_requirements")
        || parent == "requirements"
}

/// Whether a repository-relative path is a manifest or lockfile this crate reads.
pub fn is_manifest_file(rel_path: &str) -> bool {
    // Installed third-party trees carry other projects' manifests.
    if rel_path
        .split(['/', '\\'])
        .any(|c| c == "node_modules" || c == "site-packages" || c == "bower_components")
    {
        return false;
    }
    kind_of(rel_path).is_some()
}

/// The lockfiles a build writes beside manifest `file_name`, which this crate
/// reads: they are read even where git ignores them (libraries often do), as
/// the build resolves dependency versions by them.
pub fn lockfiles_beside(file_name: &str) -> &'static [&'static str] {
    match file_name {
        "Cargo.toml" => &["Cargo.lock"],
        "package.json" => &[
            "package-lock.json",
            "npm-shrinkwrap.json",
            "pnpm-lock.yaml",
            "yarn.lock",
        ],
        "pyproject.toml" => &["uv.lock", "poetry.lock"],
        "go.mod" => &["go.sum"],
        _ => &[],
    }
}

/// A `Cargo.toml`'s `[lib]` table: the library's `name` and `path`, where
/// given (`None` for an unreadable manifest or a table without them), and
/// whether it is a procedural-macro crate.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CargoLib {
    pub name: Option<String>,
    pub path: Option<String>,
    pub proc_macro: bool,
}

/// Read the `[lib]` table of a `Cargo.toml` text.
pub fn cargo_lib(manifest_text: &str) -> CargoLib {
    let Ok(doc) = manifest_text.parse::<toml::Table>() else {
        return CargoLib::default();
    };
    let lib = doc.get("lib").and_then(|l| l.as_table());
    let field = |k: &str| {
        lib.and_then(|l| l.get(k))
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let flag = |k: &str| lib.and_then(|l| l.get(k)).and_then(|v| v.as_bool());
    CargoLib {
        name: field("name"),
        path: field("path"),
        proc_macro: flag("proc-macro")
            .or_else(|| flag("proc_macro"))
            .unwrap_or(false),
    }
}

/// The name Rust code uses for a Cargo package: hyphens become underscores.
pub fn cargo_crate_import_name(package: &str) -> String {
    package.replace('-', "_")
}

/// What one file contributed.
#[derive(Default)]
pub(crate) struct Parsed {
    pub deps: Vec<Dependency>,
    pub own: Vec<(Ecosystem, String, String)>,
    pub lock: Option<Lock>,
    /// Cargo: this file's `[workspace.dependencies]`, by key.
    pub cargo_workspace: Option<HashMap<String, cargo::WsEntry>>,
    /// Cargo: indices into `deps` of entries with `workspace = true`.
    pub cargo_inherit: Vec<usize>,
    /// Maven: what a child pom may inherit from this one.
    pub maven_pom: Option<maven::PomInfo>,
    /// Gradle: this file's version catalog.
    pub gradle_catalog: Option<gradle_catalog::Catalog>,
    /// Gradle: catalog accessors a build script uses.
    pub gradle_refs: Vec<gradle::CatalogRef>,
}

/// A lockfile's resolutions, in repository terms.
pub(crate) struct Lock {
    pub eco: Ecosystem,
    /// Directory of the lockfile, repository-relative (`""` at the root).
    pub dir: String,
    /// Every locked package as (name, version).
    pub packages: Vec<(String, String)>,
    /// Names of packages the lockfile marks as the project's own (workspace
    /// members, editable roots): never reported as transitive.
    pub own: BTreeSet<String>,
    /// Direct resolutions: (importer, dependency key) -> version. Importers
    /// are `dir:<repo-relative dir>` or `pkg:<own package name>`.
    pub direct: HashMap<(String, String), String>,
    /// Exact specifier resolutions (`name@range` -> version), from yarn.lock.
    pub specs: HashMap<String, String>,
}

impl Lock {
    pub fn new(eco: Ecosystem, rel_path: &str) -> Lock {
        Lock {
            eco,
            dir: parent_dir(rel_path).to_string(),
            packages: Vec::new(),
            own: BTreeSet::new(),
            direct: HashMap::new(),
            specs: HashMap::new(),
        }
    }
}

pub(crate) fn parent_dir(rel_path: &str) -> &str {
    match rel_path.rfind('/') {
        Some(i) => &rel_path[..i],
        None => "",
    }
}

/// Read every manifest and lockfile among `files` (repo-relative path,
/// contents). Files this crate does not know are ignored. One bad file
/// yields a [`ManifestError`] and never loses the other files' facts.
pub fn read_manifests(files: &[(String, Vec<u8>)]) -> (Manifest, Vec<ManifestError>) {
    let mut errors = Vec::new();
    let mut deps = Vec::new();
    let mut own = Vec::new();
    let mut locks = Vec::new();
    let mut read = Vec::new();
    let mut workspaces: Vec<(String, HashMap<String, cargo::WsEntry>)> = Vec::new();
    let mut inherit: Vec<usize> = Vec::new();
    let mut catalogs = Vec::new();
    let mut poms = Vec::new();
    let mut catalog_refs = Vec::new();
    for (path, bytes) in files {
        let path = path.replace('\\', "/");
        if !is_manifest_file(&path) {
            continue;
        }
        let Some(kind) = kind_of(&path) else { continue };
        let before = errors.len();
        let src = text::decode(&path, bytes, &mut errors);
        let parsed = parse_one(kind, &path, &src, &mut errors);
        let fatal = errors.len() > before
            && parsed.deps.is_empty()
            && parsed.own.is_empty()
            && parsed.lock.is_none();
        if !fatal {
            read.push(path.clone());
        }
        inherit.extend(parsed.cargo_inherit.iter().map(|i| i + deps.len()));
        if let Some(ws) = parsed.cargo_workspace {
            workspaces.push((parent_dir(&path).to_string(), ws));
        }
        catalogs.extend(parsed.gradle_catalog);
        poms.extend(parsed.maven_pom);
        catalog_refs.extend(parsed.gradle_refs);
        deps.extend(parsed.deps);
        own.extend(parsed.own);
        locks.extend(parsed.lock);
    }
    inherit_workspace(&mut deps, &inherit, &workspaces);
    resolve_catalog_refs(&mut deps, &catalog_refs, &catalogs);
    maven::inherit(&mut deps, &poms);
    resolve_locks(&mut deps, &own, &locks);
    let locked = transitive(&deps, &own, &locks);
    deps.sort_by(|a, b| {
        (a.ecosystem, &a.name, &a.manifest, &a.scope, &a.rename).cmp(&(
            b.ecosystem,
            &b.name,
            &b.manifest,
            &b.scope,
            &b.rename,
        ))
    });
    deps.dedup();
    own.sort();
    own.dedup();
    read.sort();
    read.dedup();
    let manifest = Manifest {
        dependencies: deps,
        locked,
        own_packages: own,
        files: read,
    };
    (manifest, errors)
}

fn parse_one(kind: Kind, path: &str, src: &str, errors: &mut Vec<ManifestError>) -> Parsed {
    match kind {
        Kind::CargoToml => cargo::manifest(path, src, errors),
        Kind::CargoLock => cargo::lock(path, src, errors),
        Kind::Pyproject => python::pyproject(path, src, errors),
        Kind::Pipfile => python::pipfile(path, src, errors),
        Kind::SetupCfg => python::setup_cfg(path, src, errors),
        Kind::SetupPy => python::setup_py(path, src, errors),
        Kind::Requirements => requirements::read(path, src, errors),
        Kind::UvLock => pylock::uv(path, src, errors),
        Kind::PoetryLock => pylock::poetry(path, src, errors),
        Kind::PackageJson => npm::package_json(path, src, errors),
        Kind::PackageLock => npm::package_lock(path, src, errors),
        Kind::PnpmLock => jslock::pnpm(path, src, errors),
        Kind::YarnLock => jslock::yarn(path, src, errors),
        Kind::GoMod => golang::go_mod(path, src, errors),
        Kind::GoSum => golang::go_sum(path, src, errors),
        Kind::Pom => maven::pom(path, src, errors),
        Kind::Gradle => gradle::read(path, src, errors),
        Kind::GradleCatalog => gradle_catalog::read(path, src, errors),
    }
}

/// Cargo `dep.workspace = true`: take the package name, requirement and
/// rename from the nearest workspace root at or above the member.
fn inherit_workspace(
    deps: &mut [Dependency],
    inherit: &[usize],
    workspaces: &[(String, HashMap<String, cargo::WsEntry>)],
) {
    for &i in inherit {
        let d = &mut deps[i];
        let key = d.rename.clone().unwrap_or_else(|| d.name.clone());
        let mut dir = parent_dir(&d.manifest);
        loop {
            if let Some((_, table)) = workspaces.iter().find(|(w, _)| w == dir) {
                if let Some((name, req, rename)) = table.get(&key) {
                    d.name = name.clone();
                    d.requirement = req.clone();
                    d.rename = rename.clone();
                }
                break;
            }
            if dir.is_empty() {
                break;
            }
            dir = parent_dir(dir);
        }
    }
}

/// Gradle `libs.x.y` / `libs.bundles.z`: look the accessor up in the
/// catalog of that name belonging to the nearest build at or above the script.
fn resolve_catalog_refs(
    deps: &mut Vec<Dependency>,
    refs: &[gradle::CatalogRef],
    catalogs: &[gradle_catalog::Catalog],
) {
    for r in refs {
        let mut dir = parent_dir(&r.manifest);
        let catalog = loop {
            let found = catalogs
                .iter()
                .find(|c| c.name == r.catalog && c.project_dir == dir);
            if found.is_some() || dir.is_empty() {
                break found;
            }
            dir = parent_dir(dir);
        };
        let Some(catalog) = catalog else { continue };
        let members: Vec<&str> = match r.path.strip_prefix("bundles.") {
            Some(b) => catalog
                .bundles
                .get(b)
                .map(|m| m.iter().map(String::as_str).collect())
                .unwrap_or_default(),
            None => vec![r.path.as_str()],
        };
        for m in members {
            if let Some((coord, version)) = catalog.libraries.get(m) {
                deps.push(dep(
                    Ecosystem::Maven,
                    coord,
                    version.clone(),
                    r.scope,
                    &r.manifest,
                ));
            }
        }
    }
}

/// Fill `locked_version` from the nearest directory (the manifest's own, then
/// its ancestors) that holds a lockfile of the same ecosystem. Go's require
/// versions are already resolved by go.mod itself.
fn resolve_locks(deps: &mut [Dependency], own: &[(Ecosystem, String, String)], locks: &[Lock]) {
    let mut own_by_manifest: HashMap<&str, Vec<&str>> = HashMap::new();
    for (_, name, manifest) in own {
        own_by_manifest.entry(manifest).or_default().push(name);
    }
    for dep in deps.iter_mut() {
        if dep.locked_version.is_some() {
            continue;
        }
        let mut dir = parent_dir(&dep.manifest);
        let candidates: Vec<&Lock> = loop {
            let here: Vec<&Lock> = locks
                .iter()
                .filter(|l| l.eco == dep.ecosystem && l.dir == dir)
                .collect();
            if !here.is_empty() || dir.is_empty() {
                break here;
            }
            dir = parent_dir(dir);
        };
        let owners = own_by_manifest
            .get(dep.manifest.as_str())
            .cloned()
            .unwrap_or_default();
        for lock in candidates {
            if let Some(v) = resolve_in(lock, dep, &owners) {
                dep.locked_version = Some(v);
                break;
            }
        }
    }
}

fn resolve_in(lock: &Lock, dep: &Dependency, owners: &[&str]) -> Option<String> {
    let key = dep.rename.as_deref().unwrap_or(&dep.name);
    // For Cargo, lock entries are keyed by package name, never by rename.
    let key = if dep.ecosystem == Ecosystem::Cargo {
        dep.name.as_str()
    } else {
        key
    };
    for owner in owners {
        if let Some(v) = lock.direct.get(&(format!("pkg:{owner}"), key.to_string())) {
            return Some(v.clone());
        }
    }
    let mut dir = parent_dir(&dep.manifest);
    loop {
        if let Some(v) = lock.direct.get(&(format!("dir:{dir}"), key.to_string())) {
            return Some(v.clone());
        }
        if dir.is_empty() || dir == lock.dir {
            break;
        }
        dir = parent_dir(dir);
    }
    if let Some(req) = &dep.requirement {
        let raw = dep
            .rename
            .as_ref()
            .map_or_else(|| req.clone(), |_| format!("npm:{}@{req}", dep.name));
        for spec in [format!("{key}@{raw}"), format!("{key}@npm:{raw}")] {
            if let Some(v) = lock.specs.get(&spec) {
                return Some(v.clone());
            }
        }
    }
    let versions: Vec<&str> = lock
        .packages
        .iter()
        .filter(|(n, _)| n == &dep.name)
        .map(|(_, v)| v.as_str())
        .collect();
    version::pick(&versions, dep.requirement.as_deref(), dep.ecosystem)
}

/// Locked packages that no manifest declares directly and that are not the
/// project's own.
fn transitive(
    deps: &[Dependency],
    own: &[(Ecosystem, String, String)],
    locks: &[Lock],
) -> Vec<(Ecosystem, String, String)> {
    let declared: BTreeSet<(Ecosystem, &str)> = deps
        .iter()
        .map(|d| (d.ecosystem, d.name.as_str()))
        .chain(own.iter().map(|(e, n, _)| (*e, n.as_str())))
        .collect();
    let mut out: BTreeSet<(Ecosystem, String, String)> = BTreeSet::new();
    for lock in locks {
        for (name, version) in &lock.packages {
            if lock.own.contains(name) || declared.contains(&(lock.eco, name.as_str())) {
                continue;
            }
            out.insert((lock.eco, name.clone(), version.clone()));
        }
    }
    out.into_iter().collect()
}

/// Build a dependency with no locked version yet.
pub(crate) fn dep(
    eco: Ecosystem,
    name: &str,
    requirement: Option<String>,
    scope: &str,
    manifest: &str,
) -> Dependency {
    Dependency {
        ecosystem: eco,
        name: name.to_string(),
        requirement: requirement.filter(|r| !r.is_empty()),
        locked_version: None,
        scope: scope.to_string(),
        manifest: manifest.to_string(),
        rename: None,
    }
}

//! Where a Go import path leads: the standard library, a package directory
//! of one of the project's own modules (go.mod `module`), a required
//! dependency (go.mod `require`, go.sum) in `vendor/` or the module cache,
//! or nowhere declared.
//!
//! Owns reading the manifest facts for Go and the module-cache layout
//! (`<cache>/<escaped module>@<escaped version>/<subdir>`); it does not
//! read packages' definitions (that is `packages`).

use std::path::PathBuf;

use plumb_facts::{Ecosystem, Lang};

use super::super::FileCtx;
use crate::builtins;

/// The Go modules the project declares and requires.
#[derive(Debug, Default)]
pub(super) struct Modules {
    /// (module path, repository-relative directory of its go.mod, "" at the root).
    pub own: Vec<(String, String)>,
    /// Required modules (go.mod `require`, then go.sum), with their versions.
    pub requires: Vec<(String, Option<String>)>,
    /// The go.mod files read.
    pub manifests: Vec<String>,
}

impl Modules {
    fn load(ctx: &FileCtx) -> Modules {
        let m = ctx.project.manifest();
        let mut out = Modules::default();
        for (eco, name, manifest) in &m.own_packages {
            if *eco == Ecosystem::Go {
                let dir = manifest
                    .rsplit_once('/')
                    .map(|(d, _)| d.to_string())
                    .unwrap_or_default();
                out.own.push((name.clone(), dir));
                out.manifests.push(manifest.clone());
            }
        }
        for d in &m.dependencies {
            if d.ecosystem == Ecosystem::Go {
                let v = d.locked_version.clone().or(d.requirement.clone());
                out.requires.push((d.name.clone(), v));
            }
        }
        for (eco, name, version) in &m.locked {
            if *eco == Ecosystem::Go && !out.requires.iter().any(|(n, _)| n == name) {
                out.requires.push((name.clone(), Some(version.clone())));
            }
        }
        out
    }

    pub fn get(ctx: &FileCtx) -> std::rc::Rc<Modules> {
        ctx.project.memo("go:modules", || Modules::load(ctx))
    }
}

/// What an import path names.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Loc {
    /// A standard-library package.
    Std,
    /// No dot in the first element, yet not a standard-library package (in
    /// module mode that is always an error).
    NotStd,
    /// A package directory of one of the project's modules.
    Project { module: String, dir: String },
    /// A package of a required module; `dir` is its directory on disk
    /// (vendor/ or the module cache) when the module is there, and
    /// `module_dir` the module's own directory.
    Dep {
        module: String,
        version: Option<String>,
        dir: Option<PathBuf>,
        module_dir: Option<PathBuf>,
    },
    /// A third-party path no go.mod requires; `cached` is where the module
    /// cache holds some version of it.
    Undeclared {
        module: String,
        cached: Option<PathBuf>,
    },
    /// `import "C"`, or no go.mod at all (GOPATH mode): not checkable.
    Unknown,
}

fn under<'p>(path: &'p str, module: &str) -> Option<&'p str> {
    if path == module {
        Some("")
    } else {
        path.strip_prefix(module)?.strip_prefix('/')
    }
}

/// Locate an import path.
pub(super) fn locate(ctx: &FileCtx, path: &str) -> Loc {
    if path == "C" || path.is_empty() {
        return Loc::Unknown;
    }
    let mods = Modules::get(ctx);
    // The longest module prefix wins, own modules before requirements.
    let own = mods
        .own
        .iter()
        .filter_map(|(m, d)| under(path, m).map(|rest| (m, d, rest)))
        .max_by_key(|(m, _, _)| m.len());
    let req = mods
        .requires
        .iter()
        .filter_map(|(m, v)| under(path, m).map(|rest| (m, v, rest)))
        .max_by_key(|(m, _, _)| m.len());
    match (own, req) {
        (Some((m, d, rest)), r) if r.is_none_or(|(rm, _, _)| rm.len() <= m.len()) => {
            let dir = [d.as_str(), rest]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join("/");
            return Loc::Project {
                module: m.clone(),
                dir,
            };
        }
        (_, Some((m, v, rest))) => {
            let (dir, module_dir) = dep_dir(ctx, path, m, v.as_deref(), rest);
            return Loc::Dep {
                module: m.clone(),
                version: v.clone(),
                dir,
                module_dir,
            };
        }
        _ => {}
    }
    let first = path.split('/').next().unwrap_or(path);
    if !first.contains('.') {
        if builtins::is_stdlib_module(Lang::Go, path) {
            return Loc::Std;
        }
        if mods.manifests.is_empty() || builtins::table(Lang::Go).module_names().is_empty() {
            return Loc::Unknown;
        }
        return Loc::NotStd;
    }
    if mods.manifests.is_empty() {
        return Loc::Unknown;
    }
    let module = module_guess(path);
    let cached = cached_any(ctx, path);
    Loc::Undeclared { module, cached }
}

/// The directory of a required module's package: `vendor/<path>` beside a
/// project go.mod, else the module cache.
fn dep_dir(
    ctx: &FileCtx,
    path: &str,
    module: &str,
    version: Option<&str>,
    rest: &str,
) -> (Option<PathBuf>, Option<PathBuf>) {
    let mods = Modules::get(ctx);
    for (_, d) in &mods.own {
        let vendor = ctx.project.root.join(d).join("vendor");
        if vendor.join("modules.txt").is_file() {
            let mdir = vendor.join(module);
            if mdir.is_dir() {
                let p = vendor.join(path);
                return (p.is_dir().then_some(p), Some(mdir));
            }
        }
    }
    let (Some(cache), Some(v)) = (ctx.deps.go_mod_cache.as_ref(), version) else {
        return (None, None);
    };
    let mdir = cache.join(format!("{}@{}", escape(module), escape(v)));
    if !mdir.is_dir() {
        return (None, None);
    }
    let p = if rest.is_empty() {
        mdir.clone()
    } else {
        mdir.join(rest)
    };
    (p.is_dir().then_some(p), Some(mdir))
}

/// Some cached version of a module that would provide `path`.
fn cached_any(ctx: &FileCtx, path: &str) -> Option<PathBuf> {
    let cache = ctx.deps.go_mod_cache.as_ref()?;
    let parts: Vec<&str> = path.split('/').collect();
    for n in (1..=parts.len()).rev() {
        let prefix = escape(&parts[..n].join("/"));
        let (parent, last) = match prefix.rsplit_once('/') {
            Some((p, l)) => (cache.join(p), l.to_string()),
            None => (cache.clone(), prefix.clone()),
        };
        let Ok(rd) = std::fs::read_dir(&parent) else {
            continue;
        };
        let want = format!("{last}@");
        for e in rd.flatten() {
            if e.file_name().to_string_lossy().starts_with(&want) {
                return Some(e.path());
            }
        }
    }
    None
}

/// The module-cache spelling of a path: upper-case letters as `!` + lower.
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_uppercase() {
            out.push('!');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The module an undeclared path most likely belongs to: the repository
/// root for the common hosts (`github.com/a/b` of `github.com/a/b/c`), a
/// `/vN` element kept, else the whole path.
fn module_guess(path: &str) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    let n = match parts[0] {
        "github.com" | "gitlab.com" | "bitbucket.org" | "codeberg.org" | "golang.org" => 3,
        "gopkg.in" | "go.uber.org" | "google.golang.org" => 2,
        _ => parts.len(),
    };
    let mut n = n.min(parts.len());
    if let Some(next) = parts.get(n)
        && next.len() > 1
        && next.starts_with('v')
        && next[1..].bytes().all(|b| b.is_ascii_digit())
    {
        n += 1;
    }
    parts[..n].join("/")
}

/// The package name an import path most likely declares when its source is
/// not at hand: the last element, skipping a `/vN` element, before a `.vN`
/// suffix (`gopkg.in/yaml.v3` -> `yaml`). `None` when that is not an
/// identifier (`go-md2man`): the real name is then unknown.
pub(super) fn guessed_name(path: &str) -> Option<String> {
    let mut parts = path.rsplit('/');
    let mut last = parts.next().unwrap_or(path);
    let is_version =
        |s: &str| s.len() > 1 && s.starts_with('v') && s[1..].bytes().all(|b| b.is_ascii_digit());
    if is_version(last)
        && let Some(p) = parts.next()
    {
        last = p;
    }
    let last = match last.split_once('.') {
        Some((head, _)) if !head.is_empty() => head,
        _ => last,
    };
    super::is_ident(last).then(|| last.to_string())
}

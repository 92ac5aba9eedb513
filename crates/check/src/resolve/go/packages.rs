//! Go packages as the checker sees them: every `.go` file of one directory
//! with its package clause and top-level definitions, from the change's
//! overlay, the index, unindexed files on disk (generated files a
//! `.gitignore` hides), or a dependency's directory in `vendor/` or the
//! module cache.
//!
//! Owns building these summaries once per run (memoised on the project) and
//! answering member lookups on them; it does not decide findings.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::rc::Rc;

use plumb_facts::{DefKind, Definition};

use super::super::FileCtx;

/// One `.go` file of a package directory.
#[derive(Debug)]
pub(super) struct GoFile {
    pub path: String,
    /// The package clause; `None` when the file could not be read or parsed.
    pub package: Option<String>,
    pub test: bool,
    pub defs: Vec<Definition>,
    /// Read in full: no parse errors, not skipped by the indexer.
    pub ok: bool,
}

/// The `.go` files of one directory.
#[derive(Debug, Default)]
pub(super) struct Dir {
    pub files: Vec<GoFile>,
}

/// The files of one package of a directory, as a lookup target.
pub(super) struct Pkg<'d> {
    pub files: Vec<&'d GoFile>,
}

impl Dir {
    /// The files declaring package `name` (tests included: they see it all),
    /// and any file whose package could not be read (which makes the
    /// package incomplete).
    pub fn package(&self, name: &str) -> Pkg<'_> {
        Pkg {
            files: self
                .files
                .iter()
                .filter(|f| f.package.as_deref().is_none_or(|p| p == name))
                .collect(),
        }
    }

    /// Package names the directory's non-test files declare: what an
    /// importer gets (several when a generator `package main` sits beside).
    pub fn import_names(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for f in self.files.iter().filter(|f| !f.test) {
            if let Some(p) = f.package.as_deref()
                && !out.contains(&p)
            {
                out.push(p);
            }
        }
        out
    }

    /// What an importer of the directory can name: the non-test packages,
    /// with their `_test.go` files (which `export_test.go` idioms extend).
    pub fn importable(&self) -> Pkg<'_> {
        let names = self.import_names();
        Pkg {
            files: self
                .files
                .iter()
                .filter(|f| f.package.as_deref().is_none_or(|p| names.contains(&p)))
                .collect(),
        }
    }

    pub fn has_source(&self) -> bool {
        self.files.iter().any(|f| !f.test)
    }
}

impl<'d> Pkg<'d> {
    /// Whether every file was read in full (else absence proves nothing).
    pub fn complete(&self) -> bool {
        !self.files.is_empty() && self.files.iter().all(|f| f.ok)
    }

    /// Package-level definitions named `name` (not methods or fields), with their file.
    pub fn top(&self, name: &str) -> Vec<(&'d str, &'d Definition)> {
        self.all()
            .filter(|(_, d)| d.name == name && d.container.is_none() && d.kind != DefKind::Module)
            .collect()
    }

    /// Methods and fields declared with container `ty`.
    pub fn members(&self, ty: &str) -> Vec<(&'d str, &'d Definition)> {
        self.all()
            .filter(|(_, d)| d.container.as_deref() == Some(ty))
            .collect()
    }

    pub fn all(&self) -> impl Iterator<Item = (&'d str, &'d Definition)> + '_ {
        self.files
            .iter()
            .flat_map(|f| f.defs.iter().map(move |d| (f.path.as_str(), d)))
    }

    /// Name, file, line triples of package-level names (for suggestions).
    pub fn pool(&self, exported_only: bool) -> Vec<(String, String, u32)> {
        self.all()
            .filter(|(_, d)| d.container.is_none() && d.kind != DefKind::Module)
            .filter(|(_, d)| !exported_only || is_exported(&d.name))
            .map(|(p, d)| (d.name.clone(), p.to_string(), d.name_span.start_line))
            .collect()
    }
}

pub(super) fn is_exported(name: &str) -> bool {
    name.starts_with(|c: char| c.is_uppercase())
}

fn is_test(path: &str) -> bool {
    path.ends_with("_test.go")
}

fn package_of(defs: &[Definition]) -> Option<String> {
    defs.iter()
        .find(|d| d.kind == DefKind::Module && d.container.is_none())
        .map(|d| d.name.clone())
}

/// Repository-relative `.go` files by directory ("" for the root).
fn dir_index(ctx: &FileCtx) -> Rc<HashMap<String, Vec<String>>> {
    ctx.project.memo("go:dirs", || {
        let mut by_dir: HashMap<String, Vec<String>> = HashMap::new();
        for p in ctx.project.all_files() {
            if p.ends_with(".go") {
                let dir = p.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
                by_dir.entry(dir.to_string()).or_default().push(p.clone());
            }
        }
        for v in by_dir.values_mut() {
            v.sort();
        }
        by_dir
    })
}

/// The package files of a project directory.
pub(super) fn project_dir(ctx: &FileCtx, dir: &str) -> Rc<Dir> {
    ctx.project.memo(&format!("go:dir:{dir}"), || {
        let idx = dir_index(ctx);
        let mut paths: Vec<String> = idx.get(dir).cloned().unwrap_or_default();
        // Files on disk the index does not hold (ignored generated code).
        let known: HashSet<String> = paths.iter().cloned().collect();
        let mut unindexed = Vec::new();
        if let Ok(rd) = std::fs::read_dir(ctx.project.root.join(dir)) {
            for e in rd.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                let rel = if dir.is_empty() {
                    name.clone()
                } else {
                    format!("{dir}/{name}")
                };
                if name.ends_with(".go")
                    && !known.contains(&rel)
                    && !ctx.project.deleted.contains(&rel)
                    && e.path().is_file()
                {
                    unindexed.push(rel);
                }
            }
        }
        unindexed.sort();
        let mut files = Vec::new();
        for p in paths.drain(..) {
            files.push(indexed_file(ctx, p));
        }
        for p in unindexed {
            files.push(disk_file(ctx, p.clone(), &ctx.project.root.join(&p)));
        }
        Dir { files }
    })
}

fn indexed_file(ctx: &FileCtx, path: String) -> GoFile {
    let test = is_test(&path);
    if let Some(o) = ctx.project.overlay.get(&path) {
        return GoFile {
            package: package_of(&o.facts.definitions),
            test,
            defs: o.facts.definitions.clone(),
            ok: o.facts.parse_errors == 0,
            path,
        };
    }
    let row = ctx.project.store.file(&path).ok().flatten();
    if row.as_ref().is_some_and(|r| r.skipped.is_some()) {
        // Left out of the index (generated code): read it here.
        let abs = ctx.project.root.join(&path);
        return disk_file(ctx, path, &abs);
    }
    let defs: Vec<Definition> = ctx
        .project
        .store
        .defs_in_file(&path)
        .map(|rows| rows.into_iter().map(|r| r.def).collect())
        .unwrap_or_default();
    let ok = row
        .as_ref()
        .is_some_and(|r| r.parse_errors == 0 && r.skipped.is_none());
    GoFile {
        package: package_of(&defs),
        test,
        defs,
        ok,
        path,
    }
}

fn disk_file(ctx: &FileCtx, path: String, abs: &Path) -> GoFile {
    let test = is_test(&path);
    match ctx.deps.extract(abs) {
        Some(rc) => GoFile {
            package: package_of(&rc.1.definitions),
            test,
            defs: rc.1.definitions.clone(),
            ok: rc.1.parse_errors == 0,
            path,
        },
        None => GoFile {
            package: None,
            test,
            defs: Vec::new(),
            ok: false,
            path,
        },
    }
}

/// Most files a dependency directory may have before it is left unread.
const MAX_DEP_FILES: usize = 400;

/// The non-test package files of a dependency directory on disk.
pub(super) fn dep_dir(ctx: &FileCtx, dir: &Path) -> Rc<Dir> {
    ctx.project
        .memo(&format!("go:depdir:{}", dir.display()), || {
            let mut names: Vec<String> = std::fs::read_dir(dir)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".go") && !is_test(n))
                .collect();
            names.sort();
            if names.len() > MAX_DEP_FILES {
                return Dir {
                    files: vec![GoFile {
                        path: dir.display().to_string(),
                        package: None,
                        test: false,
                        defs: Vec::new(),
                        ok: false,
                    }],
                };
            }
            let files = names
                .into_iter()
                .map(|n| {
                    let abs = dir.join(&n);
                    disk_file(ctx, abs.display().to_string(), &abs)
                })
                .collect();
            Dir { files }
        })
}

//! A temporary project for the checker's end-to-end tests: write files,
//! index them with plumb-index, check a change against the index with no
//! machine-specific dependency locations, and summarise the findings.
#![allow(dead_code)] // each test crate uses its own part of this

use std::path::{Path, PathBuf};

use plumb_check::engine::{self, Input};
use plumb_check::input;
use plumb_check::report::{FindingKind, IndexInfo, Report};
use plumb_check::resolve::deps::Deps;
use plumb_index::IndexOptions;
use plumb_store::Store;

pub struct Proj {
    pub dir: tempfile::TempDir,
    pub go_cache: Option<PathBuf>,
}

pub fn write_all(root: &Path, files: &[(&str, &str)]) {
    for (p, body) in files {
        let path = root.join(p);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, body).unwrap();
    }
}

impl Proj {
    /// A project of `files`, indexed.
    pub fn new(files: &[(&str, &str)]) -> Proj {
        let dir = tempfile::tempdir().unwrap();
        write_all(dir.path(), files);
        plumb_index::run(&IndexOptions::new(dir.path()), |_| {}, &|_| {}).unwrap();
        Proj {
            dir,
            go_cache: None,
        }
    }

    /// A Rust package `demo` (edition 2021) whose `Cargo.toml` ends with
    /// `tables` (`"[dependencies]\nserde = \"1\"\n"`), and `files`, indexed.
    pub fn rust_package(tables: &str, files: &[(&str, &str)]) -> Proj {
        let manifest = format!(
            "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n{tables}"
        );
        let mut all = vec![("Cargo.toml", manifest.as_str())];
        all.extend_from_slice(files);
        Proj::new(&all)
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// A Go module cache beside the project, as `go mod download` lays it out.
    pub fn with_go_cache(mut self, files: &[(&str, &str)]) -> Proj {
        let cache = self.root().join(".gocache");
        write_all(&cache, files);
        self.go_cache = Some(cache);
        self
    }

    /// Check `input` with no site-packages and no module cache but the
    /// project's own: results must not depend on what this machine has.
    pub fn check(&self, input: &Input) -> Report {
        self.check_with_site_packages(input, Vec::new())
    }

    /// [`Proj::check`] with these directories as Python's site-packages.
    pub fn check_with_site_packages(&self, input: &Input, site: Vec<PathBuf>) -> Report {
        let root = self.root();
        let store = Store::open_existing(&IndexOptions::new(root).index_path)
            .unwrap()
            .unwrap();
        let mut deps = Deps::new(root);
        deps.site_override = Some(site);
        deps.go_mod_cache = self.go_cache.clone();
        engine::check_with(root, &store, input, IndexInfo::default(), &deps)
    }

    /// Write `files` over (or into) the project and check them whole.
    pub fn check_files(&self, files: &[(&str, &str)]) -> Report {
        write_all(self.root(), files);
        let paths: Vec<String> = files.iter().map(|(p, _)| p.to_string()).collect();
        self.check(&input::from_files(self.root(), &paths).unwrap())
    }

    pub fn diff(&self, diff: &str) -> Report {
        self.check(&input::from_diff_text(self.root(), diff).unwrap())
    }
}

/// Every finding as `kind file:line message`.
pub fn summary_all(r: &Report) -> Vec<String> {
    r.findings
        .iter()
        .map(|f| format!("{} {}:{} {}", f.kind.id(), f.file, f.line, f.message))
        .collect()
}

/// [`summary_all`] without duplicate-function advice.
pub fn summary(r: &Report) -> Vec<String> {
    r.findings
        .iter()
        .filter(|f| f.kind != FindingKind::DuplicateFunction)
        .map(|f| format!("{} {}:{} {}", f.kind.id(), f.file, f.line, f.message))
        .collect()
}

/// A JavaScript project whose package.json declares one dependency, plus
/// `files`.
pub fn shop(files: &[(&str, &str)]) -> Proj {
    let mut all = vec![(
        "package.json",
        r#"{"name": "shop", "dependencies": {"got": "^14.0.0"}}"#,
    )];
    all.extend_from_slice(files);
    Proj::new(&all)
}

/// Check `path` with `body` as its new text (every line counts as added).
pub fn file(p: &Proj, path: &str, body: &str) -> Vec<String> {
    summary(&p.check_files(&[(path, body)]))
}

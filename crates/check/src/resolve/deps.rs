//! Installed sources of dependencies: Python site-packages (the project's
//! `.venv`/`venv` first, then the interpreter's own paths from `sysconfig`),
//! the cargo registry (`~/.cargo/registry/src/*/<name>-<version>/`),
//! `node_modules`.
//!
//! Owns finding these on disk and summarising what they define; it reads
//! them lazily (only for dependencies a change actually uses) and caches per
//! run. It never writes anywhere and never runs a build.

use std::cell::{OnceCell, RefCell};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Where a Python module lives in an installed environment.
#[derive(Debug, Clone, PartialEq)]
pub enum PyModule {
    /// A `.py` source file (or a package's `__init__.py`).
    Source(PathBuf),
    /// A namespace package directory (no `__init__.py`).
    Namespace(PathBuf),
    /// A compiled extension (`.so`/`.pyd`): members cannot be read.
    Compiled,
}

pub struct Deps {
    root: PathBuf,
    site: OnceCell<Vec<PathBuf>>,
    dists: OnceCell<Vec<(String, Vec<String>)>>,
    stdlib: OnceCell<Option<PathBuf>>,
    crate_names: RefCell<HashMap<PathBuf, Rc<HashSet<String>>>>,
    /// Overrides the site-packages search (tests).
    pub site_override: Option<Vec<PathBuf>>,
}

impl Deps {
    pub fn new(root: &Path) -> Deps {
        Deps {
            root: root.to_path_buf(),
            site: OnceCell::new(),
            dists: OnceCell::new(),
            stdlib: OnceCell::new(),
            crate_names: RefCell::new(HashMap::new()),
            site_override: None,
        }
    }

    /// Site-packages directories, the project's virtualenv first.
    pub fn site_packages(&self) -> &[PathBuf] {
        self.site.get_or_init(|| {
            if let Some(o) = &self.site_override {
                return o.clone();
            }
            let mut out = Vec::new();
            for venv in [".venv", "venv", "env"] {
                for lib in ["lib", "lib64"] {
                    let dir = self.root.join(venv).join(lib);
                    if let Ok(rd) = std::fs::read_dir(&dir) {
                        for e in rd.flatten() {
                            let sp = e.path().join("site-packages");
                            if sp.is_dir() {
                                out.push(sp);
                            }
                        }
                    }
                }
            }
            if let Ok(o) = std::process::Command::new("python3")
                .args([
                    "-c",
                    "import sysconfig,site\nfor k in ('purelib','platlib'): print(sysconfig.get_paths()[k])\ntry:\n print(site.getusersitepackages())\nexcept Exception: pass",
                ])
                .output()
            {
                for l in String::from_utf8_lossy(&o.stdout).lines() {
                    let p = PathBuf::from(l.trim());
                    if p.is_dir() && !out.contains(&p) {
                        out.push(p);
                    }
                }
            }
            out
        })
    }

    /// Installed distributions and their top-level modules.
    pub fn installed_dists(&self) -> &[(String, Vec<String>)] {
        self.dists.get_or_init(|| {
            let mut all = Vec::new();
            for sp in self.site_packages() {
                all.extend(plumb_manifest::installed_python_top_levels(sp));
            }
            all
        })
    }

    /// The installed Python module with dotted path `module`, if any.
    pub fn python_module(&self, module: &str) -> Option<PyModule> {
        let rel: PathBuf = module.split('.').collect();
        for sp in self.site_packages() {
            let base = sp.join(&rel);
            if base.join("__init__.py").is_file() {
                return Some(PyModule::Source(base.join("__init__.py")));
            }
            let file = base.with_extension("py");
            if file.is_file() {
                return Some(PyModule::Source(file));
            }
            if base.join("__init__.pyi").is_file() {
                return Some(PyModule::Source(base.join("__init__.pyi")));
            }
            let parent = base.parent().unwrap_or(sp);
            let stem = rel.file_name().and_then(|s| s.to_str()).unwrap_or("");
            if let Ok(rd) = std::fs::read_dir(parent) {
                for e in rd.flatten() {
                    let n = e.file_name();
                    let n = n.to_string_lossy();
                    if n.starts_with(&format!("{stem}."))
                        && (n.ends_with(".so") || n.ends_with(".pyd"))
                    {
                        return Some(PyModule::Compiled);
                    }
                }
            }
            if base.is_dir() {
                return Some(PyModule::Namespace(base));
            }
        }
        None
    }

    /// The source file of a standard-library module of the `python3` on
    /// PATH, when it is written in Python.
    pub fn stdlib_source(&self, module: &str) -> Option<PathBuf> {
        let dir = self.stdlib.get_or_init(|| {
            std::process::Command::new("python3")
                .args([
                    "-c",
                    "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
                ])
                .output()
                .ok()
                .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()))
                .filter(|p| p.is_dir())
        });
        let base = dir.as_ref()?.join(module.split('.').collect::<PathBuf>());
        [base.join("__init__.py"), base.with_extension("py")]
            .into_iter()
            .find(|p| p.is_file())
    }

    /// The unpacked source of a crate at a version, from the cargo registry.
    pub fn cargo_source(&self, name: &str, version: &str) -> Option<PathBuf> {
        let home = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
        let src = home.join("registry").join("src");
        for reg in std::fs::read_dir(&src).ok()?.flatten() {
            let dir = reg.path().join(format!("{name}-{version}"));
            if dir.join("src").is_dir() {
                return Some(dir);
            }
        }
        None
    }

    /// Every name a crate's sources define or re-export (`pub use`), read once.
    pub fn crate_names(&self, dir: &Path) -> Rc<HashSet<String>> {
        if let Some(s) = self.crate_names.borrow().get(dir) {
            return s.clone();
        }
        let mut names = HashSet::new();
        let mut stack = vec![dir.join("src")];
        let mut budget = 3000usize;
        while let Some(d) = stack.pop() {
            let Ok(rd) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in rd.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "rs") && budget > 0 {
                    budget -= 1;
                    if let Some((_, facts)) = crate::project::read_and_extract(&p) {
                        for d in facts.definitions {
                            names.insert(d.name);
                        }
                        for i in facts.imports {
                            for n in i.names {
                                names.insert(n.alias.unwrap_or(n.name));
                            }
                            if let Some(a) = i.alias {
                                names.insert(a);
                            }
                            if let Some(last) = i.module.rsplit("::").next() {
                                names.insert(last.to_string());
                            }
                        }
                    }
                }
            }
        }
        let names = Rc::new(names);
        self.crate_names
            .borrow_mut()
            .insert(dir.to_path_buf(), names.clone());
        names
    }

    /// Whether `node_modules/<package>` exists at the root.
    pub fn node_package(&self, package: &str) -> bool {
        self.root.join("node_modules").join(package).is_dir()
    }
}

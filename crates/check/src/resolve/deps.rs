//! Installed sources of dependencies: Python site-packages (the project's
//! `.venv`/`venv` first, then the interpreter's own paths from `sysconfig`),
//! the cargo registry (`~/.cargo/registry/src/*/<name>-<version>/`),
//! `node_modules`, the Go module cache.
//!
//! Owns finding these on disk and summarising what they define; it reads
//! them lazily (only for dependencies a change actually uses) and caches per
//! run. It never writes anywhere and never runs a build.

use std::cell::{OnceCell, RefCell};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// The Go module cache directory, as the `go` command locates it.
fn go_mod_cache() -> Option<PathBuf> {
    let env = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
    let dir = env("GOMODCACHE").map(PathBuf::from).or_else(|| {
        let gopath = env("GOPATH")
            .and_then(|p| std::env::split_paths(&p).next())
            .or_else(|| env("HOME").map(|h| PathBuf::from(h).join("go")))?;
        Some(gopath.join("pkg").join("mod"))
    })?;
    dir.is_dir().then_some(dir)
}

/// Where a Python module lives in an installed environment.
#[derive(Debug, Clone, PartialEq)]
pub enum PyModule {
    /// A `.py` source file (or a package's `__init__.py`).
    Source(PathBuf),
    /// A namespace package directory (no `__init__.py`).
    Namespace(PathBuf),
    /// A compiled extension (`.so`/`.pyd`): members cannot be read.
    Compiled,
    /// Installed at a version other than the one the project locks: its
    /// members are not the project's to judge by.
    OtherVersion,
}

pub struct Deps {
    root: PathBuf,
    site: OnceCell<Vec<PathBuf>>,
    dists: OnceCell<Vec<(String, Vec<String>)>>,
    /// Installed distributions' versions (normalised name -> version).
    dist_versions: OnceCell<HashMap<String, String>>,
    /// The `python3` on PATH: (site-packages dirs, stdlib dir), asked once.
    interp: OnceCell<(Vec<PathBuf>, Option<PathBuf>)>,
    crate_names: RefCell<HashMap<PathBuf, Rc<HashSet<String>>>>,
    /// How crates' sources build identifiers (see [`NameBuilding`]): names
    /// they write appear nowhere whole.
    name_builders: RefCell<HashMap<PathBuf, NameBuilding>>,
    sources: RefCell<HashMap<PathBuf, Option<Rc<(String, plumb_facts::FileFacts)>>>>,
    /// Overrides the site-packages search (tests).
    pub site_override: Option<Vec<PathBuf>>,
    /// The Go module cache (`$GOMODCACHE`, else `$GOPATH/pkg/mod`, else
    /// `~/go/pkg/mod`), when that directory exists; tests replace it.
    pub go_mod_cache: Option<PathBuf>,
}

impl Deps {
    pub fn new(root: &Path) -> Deps {
        Deps {
            root: root.to_path_buf(),
            site: OnceCell::new(),
            dists: OnceCell::new(),
            dist_versions: OnceCell::new(),
            interp: OnceCell::new(),
            crate_names: RefCell::new(HashMap::new()),
            name_builders: RefCell::new(HashMap::new()),
            sources: RefCell::new(HashMap::new()),
            site_override: None,
            go_mod_cache: go_mod_cache(),
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
            for p in &self.interpreter().0 {
                if !out.contains(p) {
                    out.push(p.clone());
                }
            }
            out
        })
    }

    fn interpreter(&self) -> &(Vec<PathBuf>, Option<PathBuf>) {
        self.interp
            .get_or_init(|| locate_python(&self.root).unwrap_or_else(ask_python))
    }

    /// The text and facts of an installed source file, extracted once per run.
    pub fn extract(&self, path: &Path) -> Option<Rc<(String, plumb_facts::FileFacts)>> {
        if let Some(hit) = self.sources.borrow().get(path) {
            return hit.clone();
        }
        let got = crate::project::read_and_extract(path).map(Rc::new);
        self.sources
            .borrow_mut()
            .insert(path.to_path_buf(), got.clone());
        got
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

    /// The version of the installed distribution providing top-level
    /// module `top` (from its `name-version.dist-info` directory).
    pub fn installed_version(&self, top: &str) -> Option<String> {
        let dist = self
            .installed_dists()
            .iter()
            .find(|(_, tops)| tops.iter().any(|t| t == top))
            .map(|(d, _)| d.clone())?;
        let versions = self.dist_versions.get_or_init(|| {
            let mut all = HashMap::new();
            for sp in self.site_packages() {
                let Ok(rd) = std::fs::read_dir(sp) else {
                    continue;
                };
                for e in rd.flatten() {
                    let n = e.file_name();
                    let Some(stem) = n.to_str().and_then(|n| n.strip_suffix(".dist-info")) else {
                        continue;
                    };
                    if let Some((name, version)) = stem.split_once('-') {
                        all.entry(plumb_manifest::normalize_python_name(name))
                            .or_insert_with(|| version.to_string());
                    }
                }
            }
            all
        });
        versions.get(&dist).cloned()
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
        let dir = &self.interpreter().1;
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
            if has_sources(&dir) {
                return Some(dir);
            }
        }
        None
    }

    /// The highest version of a crate unpacked in the cargo registry (when
    /// the project has no lockfile naming one).
    pub fn cargo_source_any(&self, name: &str) -> Option<PathBuf> {
        let home = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
        let prefix = format!("{name}-");
        let mut best: Option<(Vec<u64>, PathBuf)> = None;
        for reg in std::fs::read_dir(home.join("registry").join("src"))
            .ok()?
            .flatten()
        {
            for e in std::fs::read_dir(reg.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                let n = e.file_name().to_string_lossy().into_owned();
                let Some(v) = n.strip_prefix(&prefix) else {
                    continue;
                };
                if !v.starts_with(|c: char| c.is_ascii_digit()) {
                    continue;
                }
                let key: Vec<u64> = v
                    .split(['.', '-', '+'])
                    .map(|p| p.parse().unwrap_or(0))
                    .collect();
                if best.as_ref().is_none_or(|(k, _)| key > *k) {
                    best = Some((key, e.path()));
                }
            }
        }
        best.map(|(_, p)| p).filter(|p| has_sources(p))
    }

    /// Every identifier a crate's sources spell (definitions, re-exports,
    /// names built by macros), read once; crates it glob re-exports
    /// (`pub use other::*`) are followed one level.
    pub fn crate_names(&self, dir: &Path) -> Rc<HashSet<String>> {
        if let Some(s) = self.crate_names.borrow().get(dir) {
            return s.clone();
        }
        let mut names = HashSet::new();
        let mut globbed = Vec::new();
        let mut builds = NameBuilding::default();
        words_of_crate(dir, &mut names, &mut globbed, &mut builds);
        for g in globbed {
            if let Some(other) = self
                .cargo_source_any(&g)
                .or_else(|| self.cargo_source_any(&g.replace('_', "-")))
            {
                words_of_crate(&other, &mut names, &mut Vec::new(), &mut builds);
            }
        }
        self.name_builders
            .borrow_mut()
            .insert(dir.to_path_buf(), builds);
        let names = Rc::new(names);
        self.crate_names
            .borrow_mut()
            .insert(dir.to_path_buf(), names.clone());
        names
    }

    /// How a crate's sources build identifiers from pieces, so that a name
    /// it writes may be spelled nowhere whole.
    pub fn builds_names(&self, dir: &Path) -> NameBuilding {
        self.crate_names(dir);
        self.name_builders
            .borrow()
            .get(dir)
            .copied()
            .unwrap_or(NameBuilding {
                pastes: true,
                makes_idents: true,
            })
    }

    /// Whether `node_modules/<package>` exists at the root.
    pub fn node_package(&self, package: &str) -> bool {
        self.root.join("node_modules").join(package).is_dir()
    }
}

/// Whether a source text builds item names from pieces or pulls in code
/// from outside its crate's `src/`: `paste!` (`[<get_ $f>]`),
/// `include!("../..")`.
fn pastes_names(text: &str) -> bool {
    // (`concat_idents!`, unstable, builds constants such as rustix's
    // `SYS_$name` in practice; it is not counted.)
    if text.contains("paste!") {
        return true;
    }
    // `[<get_ $f>]`, not an array opening with a qualified path
    // (`&[<$t>::MIN, 0]`): the segment closes with `>]`.
    let pasted = text.match_indices("[<").any(|(i, _)| {
        let rest = &text[i + 2..];
        let Some(close) = rest.find('>').filter(|&k| k <= 80) else {
            return false;
        };
        rest[..close].contains('$') && rest[close + 1..].starts_with(']')
    });
    pasted
        || text
            .lines()
            .any(|l| l.contains("include!(") && l.contains("../"))
}

/// The directory holding an unpacked crate's library: the directory of its
/// `[lib] path` (fnv's `lib.rs` at the root, tree-sitter grammars'
/// `bindings/rust/lib.rs`), else `src/`; `None` when there is none.
pub fn crate_source_root(dir: &Path) -> Option<PathBuf> {
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap_or_default();
    if let Some(lib) = plumb_manifest::cargo_lib(&manifest).path {
        let file = dir.join(lib);
        if file.is_file() {
            return file.parent().map(Path::to_path_buf);
        }
    }
    let src = dir.join("src");
    if src.is_dir() {
        return Some(src);
    }
    dir.join("lib.rs").is_file().then(|| dir.to_path_buf())
}

/// Whether an unpacked crate has a library where Cargo looks.
fn has_sources(dir: &Path) -> bool {
    crate_source_root(dir).is_some()
}

/// How a crate's code builds identifiers.
#[derive(Debug, Default, Clone, Copy)]
pub struct NameBuilding {
    /// Macros paste names into its own items (`paste!`'s `[<get_ $f>]`),
    /// or part of its code was not read (generated and
    /// `include!`d files, a library outside `src/`, files over the budget).
    pub pastes: bool,
    /// It makes identifiers at run time (`format_ident!`, `Ident::new(..)`):
    /// what a procedural macro of it writes into other crates.
    pub makes_idents: bool,
}

/// Identifiers in the `.rs` files of the crate's library directory, and the crates that
/// `pub use krate::*` lines glob re-export.
fn words_of_crate(
    dir: &Path,
    names: &mut HashSet<String>,
    globbed: &mut Vec<String>,
    builds: &mut NameBuilding,
) {
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap_or_default();
    let Some(root) = crate_source_root(dir) else {
        builds.pastes = true;
        return;
    };
    let mut out_dir_include = false;
    let mut stack = vec![root];
    let mut budget = 5000usize;
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.extension().is_none_or(|x| x != "rs") {
                continue;
            }
            if budget == 0 {
                // Files left unread: the set of names is not whole.
                builds.pastes = true;
                continue;
            }
            budget -= 1;
            let Ok(text) = std::fs::read_to_string(&p) else {
                continue;
            };
            // Names pasted in test code (`mod [<test_ $t>]` below a
            // `#[cfg(test)]`, files of `tests/`) are no API.
            let test_file = p.components().any(|c| c.as_os_str() == "tests")
                || p.file_name()
                    .is_some_and(|n| n == "tests.rs" || n == "test.rs");
            let api = match text.find("#[cfg(test)]") {
                Some(at) => &text[..at],
                None => text.as_str(),
            };
            builds.pastes = builds.pastes || !test_file && pastes_names(api);
            out_dir_include = out_dir_include || text.contains("env!(\"OUT_DIR\")");
            builds.makes_idents = builds.makes_idents
                || ["format_ident!", "Ident::new("]
                    .iter()
                    .any(|m| text.contains(m));
            for line in text.lines() {
                let t = line.trim_start();
                if let Some(rest) = t.strip_prefix("pub use ")
                    && let Some(krate) = rest.strip_suffix("::*;")
                    && !krate.contains("::")
                    && !matches!(krate, "self" | "super" | "crate")
                {
                    globbed.push(krate.trim_start_matches("::").to_string());
                }
            }
            // Words of comments (prose, doc examples) are no items: a name
            // spelled only there is spelled nowhere.
            let code = blank_rust_comments(&text);
            for w in code.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
                if !w.is_empty()
                    && !w.starts_with(|c: char| c.is_ascii_digit())
                    && !names.contains(w)
                {
                    names.insert(w.to_string());
                }
            }
        }
    }
    // Code a build script generates (`include!(concat!(env!("OUT_DIR"), ..))`)
    // is not here to read; bindgen's output has methods (bitfield accessors).
    if out_dir_include && manifest.contains("bindgen") {
        builds.pastes = true;
    }
}

/// Rust source with its `//` and (nested) `/* */` comments blanked, newlines
/// kept; string, raw-string and char literals are read as such, so `"//"`
/// in a string starts no comment and a lifetime (`'a`) no literal.
pub(crate) fn blank_rust_comments(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut kept = 0;
    let skip_to = |out: &mut String, from: usize, to: usize| {
        out.extend(text[from..to].chars().filter(|c| *c == '\n'));
    };
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                out.push_str(&text[kept..i]);
                let end = text[i..].find('\n').map_or(b.len(), |k| i + k);
                kept = end;
                i = end;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                out.push_str(&text[kept..i]);
                let mut depth = 0;
                let mut j = i;
                while j < b.len() {
                    if b[j..].starts_with(b"/*") {
                        depth += 1;
                        j += 2;
                    } else if b[j..].starts_with(b"*/") {
                        depth -= 1;
                        j += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        j += 1;
                    }
                }
                let j = j.min(b.len());
                skip_to(&mut out, i, j);
                kept = j;
                i = j;
            }
            b'"' => i = string_end(b, i + 1, 0),
            b'r' if (i == 0 || !is_ident_byte(b[i - 1]))
                && matches!(b.get(i + 1), Some(b'"') | Some(b'#')) =>
            {
                let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                match b.get(i + 1 + hashes) {
                    Some(b'"') => i = string_end(b, i + 2 + hashes, hashes),
                    _ => i += 1,
                }
            }
            b'\'' => {
                // `'x'`, `'\n'`: a char literal; `'a` (a lifetime): code.
                if b.get(i + 1) == Some(&b'\\') {
                    i = text[i + 2..].find('\'').map_or(b.len(), |k| i + 3 + k);
                } else {
                    let ch = text[i + 1..].chars().next().map_or(1, char::len_utf8);
                    i += if b.get(i + 1 + ch) == Some(&b'\'') {
                        ch + 2
                    } else {
                        1
                    };
                }
            }
            _ => i += 1,
        }
    }
    out.push_str(&text[kept.min(b.len())..]);
    out
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The index just past the end of a string whose body starts at `from`:
/// `"` then `hashes` `#`s for a raw string, escapes honoured otherwise.
fn string_end(b: &[u8], from: usize, hashes: usize) -> usize {
    let mut j = from;
    while j < b.len() {
        if b[j] == b'\\' && hashes == 0 {
            j += 2;
            continue;
        }
        if b[j] == b'"'
            && b[j + 1..]
                .iter()
                .take(hashes)
                .filter(|&&c| c == b'#')
                .count()
                == hashes
        {
            return j + 1 + hashes;
        }
        j += 1;
    }
    b.len()
}

/// The `python3` on PATH, resolved through pyenv shims (which are shell
/// scripts costing hundreds of milliseconds to run) to the real binary.
fn python_binary(root: &Path) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    let found = std::env::split_paths(&path)
        .map(|d| d.join("python3"))
        .find(|p| p.is_file())?;
    if !found.parent().is_some_and(|d| d.ends_with("shims")) {
        return found.canonicalize().ok();
    }
    let pyenv_root = std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|| found.parent()?.parent().map(Path::to_path_buf))?;
    let version = std::env::var("PYENV_VERSION").ok().or_else(|| {
        root.ancestors()
            .map(|d| d.join(".python-version"))
            .chain(std::iter::once(pyenv_root.join("version")))
            .find_map(|f| std::fs::read_to_string(f).ok())
    })?;
    let v = version.split_whitespace().next()?.to_string();
    pyenv_root
        .join("versions")
        .join(v)
        .join("bin")
        .join("python3")
        .canonicalize()
        .ok()
}

/// Site-packages and stdlib directories of the interpreter, from its
/// install layout (`<prefix>/lib/python3.X/`), without running it.
fn locate_python(root: &Path) -> Option<(Vec<PathBuf>, Option<PathBuf>)> {
    let bin = python_binary(root)?;
    let name = bin.file_name()?.to_string_lossy().into_owned();
    let prefix = bin.parent()?.parent()?;
    let lib = prefix.join("lib");
    let stdlib = if name.starts_with("python3.") {
        Some(lib.join(&name)).filter(|d| d.join("os.py").is_file())
    } else {
        None
    }
    .or_else(|| {
        std::fs::read_dir(&lib)
            .ok()?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.join("os.py").is_file())
            .max()
    })?;
    let mut site = Vec::new();
    for cand in [
        stdlib.join("site-packages"),
        stdlib.join("dist-packages"),
        prefix.join("lib/python3/dist-packages"),
    ] {
        if cand.is_dir() && !site.contains(&cand) {
            site.push(cand);
        }
    }
    if let (Some(home), Some(ver)) = (std::env::var_os("HOME"), stdlib.file_name()) {
        let user = PathBuf::from(home)
            .join(".local/lib")
            .join(ver)
            .join("site-packages");
        if user.is_dir() {
            site.push(user);
        }
    }
    Some((site, Some(stdlib)))
}

/// Fallback: ask the interpreter itself.
fn ask_python() -> (Vec<PathBuf>, Option<PathBuf>) {
    const SCRIPT: &str = "import sysconfig,site\np=sysconfig.get_paths()\nprint('stdlib\\t'+p['stdlib'])\nfor k in ('purelib','platlib'): print('site\\t'+p[k])\ntry:\n print('site\\t'+site.getusersitepackages())\nexcept Exception: pass";
    let mut site = Vec::new();
    let mut stdlib = None;
    if let Ok(o) = std::process::Command::new("python3")
        .args(["-S", "-c", SCRIPT])
        .output()
    {
        for l in String::from_utf8_lossy(&o.stdout).lines() {
            let Some((k, v)) = l.split_once('\t') else {
                continue;
            };
            let p = PathBuf::from(v.trim());
            if !p.is_dir() {
                continue;
            }
            if k == "stdlib" {
                stdlib = Some(p);
            } else if !site.contains(&p) {
                site.push(p);
            }
        }
    }
    (site, stdlib)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_blanked_strings_and_lifetimes_kept() {
        let src = "fn a<'x>(s: &'x str) -> char { // gets\n    let u = \"http://x\"; /* visits /* nested */ still */ 'y'\n}\n/// doc_word\nconst R: &str = r#\"// raw\"#;\n";
        let out = blank_rust_comments(src);
        assert_eq!(out.lines().count(), src.lines().count());
        for kept in ["'x", "http://x", "'y'", "r#\"// raw\"#"] {
            assert!(out.contains(kept), "{kept} in {out}");
        }
        for gone in ["gets", "visits", "nested", "still", "doc_word"] {
            assert!(!out.contains(gone), "{gone} in {out}");
        }
    }

    #[test]
    fn pasted_names_and_crates_read_whole() {
        assert!(pastes_names("paste::paste! { fn [<get_ $f>]() {} }"));
        assert!(pastes_names(
            "macro_rules! m { ($t:ident) => { fn [<as_ $t>]() {} } }"
        ));
        assert!(!pastes_names(
            "let lt: Option<Token![<]> = None; // [<T as X>]"
        ));
        // quickcheck's `&[<$t>::MIN, 0, <$t>::MAX]` is an array, no paste.
        assert!(!pastes_names(
            "macro_rules! m { ($t:ty) => { &[<$t>::MIN, 0, <$t>::MAX] } }"
        ));
        assert!(pastes_names("include!(\"../generated/tables.rs\");"));
        // A crate whose `lib.rs` sits at its root (fnv) is read whole; pasted
        // names in its test code say nothing of its API.
        let dir = std::env::temp_dir().join(format!("plumb-deps-words-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("tests")).unwrap();
        std::fs::write(
            dir.join("Cargo.toml"),
            "[package]\nname = \"x\"\n\n[lib]\npath = \"lib.rs\"\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("lib.rs"),
            "pub fn hash_one() {}\n#[cfg(test)]\nmod t { paste::paste! { fn [<t_ $x>]() {} } }\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("tests/it.rs"),
            "paste::paste! { fn [<u_ $y>]() {} }\n",
        )
        .unwrap();
        assert!(has_sources(&dir));
        let (mut names, mut globbed, mut builds) =
            (HashSet::new(), Vec::new(), NameBuilding::default());
        words_of_crate(&dir, &mut names, &mut globbed, &mut builds);
        assert!(names.contains("hash_one"));
        assert!(!builds.pastes && !builds.makes_idents);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

//! The project as the checker sees it: the index with the change laid over it
//! in memory.
//!
//! This module owns answering "what does the project define / which files
//! exist" for the checker, where files the change touches answer from their
//! new text (re-extracted by the engine) and every other file answers from the
//! index. It never writes to the index or the disk. Lookups are indexed
//! (`defs_named`, `file`, `defs_in_file`); the full file list is loaded
//! lazily, only when a module path must be matched against it.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use plumb_facts::{Definition, FileFacts, Import, Manifest, RefKind, Reference};
use plumb_store::{NameMatch, Store};

/// A changed file's new state.
pub struct Overlay {
    pub text: String,
    pub facts: FileFacts,
}

/// A definition found in the project, with where it lives.
#[derive(Debug, Clone)]
pub struct ProjectDef {
    pub path: String,
    pub def: Definition,
}

pub struct Project<'a> {
    pub root: PathBuf,
    pub store: &'a Store,
    pub overlay: HashMap<String, Overlay>,
    /// Files the change deletes.
    pub deleted: HashSet<String>,
    /// Manifests and lockfiles the change edits, with their new text: the
    /// manifest facts are re-read with these in place of the indexed ones.
    pub changed_manifests: Vec<(String, String)>,
    manifest: OnceCell<Manifest>,
    files: OnceCell<HashSet<String>>,
    /// Python module files and directories by their last name.
    #[allow(clippy::type_complexity)]
    py_modules: OnceCell<(HashMap<String, Vec<String>>, HashMap<String, Vec<String>>)>,
    file_facts: std::cell::RefCell<HashMap<String, Option<std::rc::Rc<(String, FileFacts)>>>>,
    /// Per-run summaries a language resolver builds once (see [`Project::memo`]).
    memo: std::cell::RefCell<HashMap<String, std::rc::Rc<dyn std::any::Any>>>,
}

impl<'a> Project<'a> {
    pub fn new(root: &Path, store: &'a Store) -> Project<'a> {
        Project {
            root: root.to_path_buf(),
            store,
            overlay: HashMap::new(),
            deleted: HashSet::new(),
            changed_manifests: Vec::new(),
            manifest: OnceCell::new(),
            files: OnceCell::new(),
            py_modules: OnceCell::new(),
            file_facts: Default::default(),
            memo: Default::default(),
        }
    }

    /// A value built once per run under `key` (a resolver's summary of a
    /// package or of the manifests); `make` may itself use the memo.
    pub fn memo<T: 'static>(&self, key: &str, make: impl FnOnce() -> T) -> std::rc::Rc<T> {
        if let Some(hit) = self.memo.borrow().get(key)
            && let Ok(v) = hit.clone().downcast::<T>()
        {
            return v;
        }
        let v = std::rc::Rc::new(make());
        self.memo
            .borrow_mut()
            .insert(key.to_string(), v.clone() as std::rc::Rc<dyn std::any::Any>);
        v
    }

    pub fn manifest(&self) -> &Manifest {
        self.manifest.get_or_init(|| {
            let indexed = self.store.manifest().unwrap_or_default();
            if self.changed_manifests.is_empty()
                && !indexed.files.iter().any(|f| self.deleted.contains(f))
            {
                return indexed;
            }
            // The change edits manifests: read them all again, the edited
            // ones from their new text, the others from disk.
            let mut files: Vec<(String, Vec<u8>)> = self
                .changed_manifests
                .iter()
                .map(|(p, t)| (p.clone(), t.clone().into_bytes()))
                .collect();
            for f in &indexed.files {
                if self.deleted.contains(f) || files.iter().any(|(p, _)| p == f) {
                    continue;
                }
                if let Ok(bytes) = std::fs::read(self.root.join(f)) {
                    files.push((f.clone(), bytes));
                }
            }
            plumb_manifest::read_manifests(&files).0
        })
    }

    /// Definitions named `name` anywhere in the project (overlay first).
    pub fn defs_named(&self, name: &str, limit: usize) -> Vec<ProjectDef> {
        let mut out: Vec<ProjectDef> = Vec::new();
        for (path, o) in &self.overlay {
            for d in o.facts.definitions.iter().filter(|d| d.name == name) {
                out.push(ProjectDef {
                    path: path.clone(),
                    def: d.clone(),
                });
            }
        }
        if let Ok(rows) = self.store.defs_named(name, NameMatch::Exact, limit) {
            for r in rows {
                if !self.unchanged(&r.path) {
                    continue;
                }
                out.push(ProjectDef {
                    path: r.path,
                    def: r.def,
                });
            }
        }
        out
    }

    pub fn name_defined(&self, name: &str) -> bool {
        !self.defs_named(name, 1).is_empty()
            || self
                .overlay
                .values()
                .any(|o| o.facts.definitions.iter().any(|d| d.name == name))
    }

    /// Whether a file other than `path` (and not replaced by the change)
    /// references `name`: code elsewhere calls it as it stands.
    pub fn referenced_elsewhere(&self, name: &str, path: &str) -> bool {
        let Ok((rows, _)) = self.store.refs_named(name, 20) else {
            return true;
        };
        rows.iter().any(|r| self.unchanged_other(&r.path, path))
    }

    /// Every file other than `path` that references `name` (a call or a
    /// use of the bare name): unchanged files as indexed (among the first
    /// `limit` references), changed files as they are now; sorted.
    pub fn files_referencing(&self, name: &str, path: &str, limit: usize) -> Vec<String> {
        let mut paths: Vec<String> = self
            .store
            .refs_named(name, limit)
            .map(|(rows, _)| rows)
            .unwrap_or_default()
            .into_iter()
            .map(|r| r.path)
            .filter(|p| self.unchanged_other(p, path))
            .collect();
        paths.extend(
            self.overlay
                .iter()
                .filter(|(p, o)| *p != path && o.facts.references.iter().any(|r| r.name == name))
                .map(|(p, _)| p.clone()),
        );
        paths.sort();
        paths.dedup();
        paths
    }

    /// Whether the indexed file `row_path` is another file than `path` and
    /// stands as indexed (the change neither edits nor deletes it).
    fn unchanged_other(&self, row_path: &str, path: &str) -> bool {
        row_path != path && self.unchanged(row_path)
    }

    /// Whether the change leaves the indexed file `p` as it is.
    fn unchanged(&self, p: &str) -> bool {
        !self.overlay.contains_key(p) && !self.deleted.contains(p)
    }

    /// The calls written like `call` (same name, bare or on something)
    /// other than `call` itself in `path`, with their files: unchanged files
    /// as indexed, changed files as they are now; at most `limit` calls.
    pub fn other_calls(
        &self,
        call: &Reference,
        path: &str,
        limit: usize,
    ) -> Vec<(String, Reference)> {
        let bare = call.qualifier.is_none();
        let alike = |r: &Reference| {
            r.kind == RefKind::Call && r.name == call.name && r.qualifier.is_none() == bare
        };
        let mut out: Vec<(String, Reference)> = Vec::new();
        let mut changed: Vec<(&String, &Overlay)> = self.overlay.iter().collect();
        changed.sort_by(|a, b| a.0.cmp(b.0));
        for (p, o) in changed {
            out.extend(
                o.facts
                    .references
                    .iter()
                    .filter(|r| alike(r))
                    .filter(|r| !(p == path && r.span.start_byte == call.span.start_byte))
                    .map(|r| (p.clone(), r.clone())),
            );
        }
        let indexed = self
            .store
            .calls_named(&call.name, bare, limit)
            .unwrap_or_default();
        out.extend(
            indexed
                .into_iter()
                .filter(|r| self.unchanged(&r.path))
                .map(|r| (r.path, r.reference)),
        );
        out.truncate(limit);
        out
    }

    /// Whether a file other than `path` calls `name` bare (`f()`): an
    /// unchanged one as indexed, or another file of the change as it is now.
    pub fn called_bare_elsewhere(&self, name: &str, path: &str) -> bool {
        let Ok(rows) = self.store.calls_named(name, true, 50) else {
            return true;
        };
        rows.iter().any(|r| self.unchanged_other(&r.path, path))
            || self.overlay.iter().any(|(p, o)| {
                p != path
                    && o.facts
                        .references
                        .iter()
                        .any(|r| r.kind == RefKind::Call && r.name == name && r.qualifier.is_none())
            })
    }

    /// The changed files other than `path` whose references mention
    /// `qualifier.name`.
    fn changed_mentioning<'s>(
        &'s self,
        qualifier: &'s str,
        name: &'s str,
        path: &'s str,
    ) -> impl Iterator<Item = &'s String> + 's {
        self.overlay.iter().filter_map(move |(p, o)| {
            (p != path
                && o.facts
                    .references
                    .iter()
                    .any(|r| r.name == name && r.qualifier.as_deref() == Some(qualifier)))
            .then_some(p)
        })
    }

    /// Whether a file other than `path` assigns `qualifier.name = …`
    /// (underscore's `_.iteratee = iteratee`, a test helper's `assert.success
    /// = function …`): among the files that mention it, one whose text
    /// holds the assignment.
    pub fn member_assigned_elsewhere(&self, qualifier: &str, name: &str, path: &str) -> bool {
        // Every file that mentions it (a helper is one among many users).
        self.files_mentioning(qualifier, name, path, 2000)
            .iter()
            .any(|p| {
                self.facts_of(p)
                    .is_some_and(|rc| assigns_member(&rc.0, qualifier, name))
            })
    }

    /// Whether a file other than `path` imported the package `pkg` (or a
    /// path below it) before the change: as indexed, whatever the change
    /// does to it. (A made-up package the change adds to two files is
    /// still new in both.)
    pub fn package_imported_elsewhere(&self, pkg: &str, path: &str) -> bool {
        self.store
            .imports_of_package(pkg, 50)
            .unwrap_or_default()
            .iter()
            .any(|row| row.path != path && !self.deleted.contains(&row.path))
    }

    /// Every file other than `path` that mentions `qualifier.name`, as
    /// indexed (unchanged files, among the first `limit` references) or as
    /// the change has it now; sorted.
    pub fn files_mentioning(
        &self,
        qualifier: &str,
        name: &str,
        path: &str,
        limit: usize,
    ) -> Vec<String> {
        let mut paths: Vec<String> = self
            .store
            .member_refs(qualifier, name, limit)
            .unwrap_or_default()
            .into_iter()
            .map(|r| r.path)
            .filter(|p| self.unchanged_other(p, path))
            .collect();
        paths.extend(self.changed_mentioning(qualifier, name, path).cloned());
        paths.sort();
        paths.dedup();
        paths
    }

    /// Whether a file other than `path` mentions `qualifier.name` (as
    /// indexed, or as a changed file now has it): `Base.prototype` mixed
    /// into another class elsewhere.
    pub fn member_used_elsewhere(&self, qualifier: &str, name: &str, path: &str) -> bool {
        self.changed_mentioning(qualifier, name, path)
            .next()
            .is_some()
            || self
                .store
                .member_refs(qualifier, name, 20)
                .unwrap_or_default()
                .iter()
                .any(|r| self.unchanged_other(&r.path, path))
    }

    /// Definitions whose name starts with `prefix` (for suggestions).
    pub fn defs_with_prefix(&self, prefix: &str, limit: usize) -> Vec<ProjectDef> {
        let mut out = Vec::new();
        if let Ok(rows) = self.store.defs_named(prefix, NameMatch::Prefix, limit) {
            for r in rows {
                if self.deleted.contains(&r.path) {
                    continue;
                }
                out.push(ProjectDef {
                    path: r.path,
                    def: r.def,
                });
            }
        }
        out
    }

    /// Whether a repository-relative file exists after the change.
    pub fn file_exists(&self, path: &str) -> bool {
        if self.deleted.contains(path) {
            return false;
        }
        if self.overlay.contains_key(path) {
            return true;
        }
        if matches!(self.store.file(path), Ok(Some(_))) {
            return true;
        }
        self.root.join(path).is_file()
    }

    pub fn dir_exists(&self, path: &str) -> bool {
        self.root.join(path).is_dir()
    }

    /// Every file path of the project (index + overlay - deleted), loaded once.
    pub fn all_files(&self) -> &HashSet<String> {
        self.files.get_or_init(|| {
            let mut set: HashSet<String> = self
                .store
                .files()
                .unwrap_or_default()
                .into_iter()
                .map(|f| f.path)
                .collect();
            set.extend(self.overlay.keys().cloned());
            for d in &self.deleted {
                set.remove(d);
            }
            set
        })
    }

    /// Files that provide the dotted Python module `module` (`a.b` matches
    /// `…/a/b.py`, `…/a/b/__init__.py`, `…/a/b.pyi`); an empty list for a
    /// directory `…/a/b/` holding Python files (a namespace package).
    pub fn python_module_files(&self, module: &str) -> Option<Vec<String>> {
        let idx = self.py_modules.get_or_init(|| {
            // Keyed by the module's last name, so a lookup filters a few paths.
            let mut files: HashMap<String, Vec<String>> = HashMap::new();
            let mut dirs: HashMap<String, Vec<String>> = HashMap::new();
            let mut seen_dirs: HashSet<&str> = HashSet::new();
            for path in self.all_files() {
                let Some(stem) = path
                    .strip_suffix(".py")
                    .or_else(|| path.strip_suffix(".pyi"))
                else {
                    continue;
                };
                let stem = stem.strip_suffix("/__init__").unwrap_or(stem);
                let last = stem.rsplit('/').next().unwrap_or(stem);
                files
                    .entry(last.to_string())
                    .or_default()
                    .push(path.clone());
                let mut d = path.as_str();
                while let Some((parent, _)) = d.rsplit_once('/') {
                    if !seen_dirs.insert(parent) {
                        break;
                    }
                    let name = parent.rsplit('/').next().unwrap_or(parent);
                    dirs.entry(name.to_string())
                        .or_default()
                        .push(parent.to_string());
                    d = parent;
                }
            }
            (files, dirs)
        });
        let rel = module.replace('.', "/");
        let last = module.rsplit('.').next().unwrap_or(module);
        let files = self.all_files();
        // `…/a/b` provides `a.b` only where `…` is a source root: a directory
        // that is not itself a package (no `__init__.py`).
        let fits = |p: &str| {
            if p == rel {
                return true;
            }
            match p.strip_suffix(&rel).and_then(|h| h.strip_suffix('/')) {
                Some(root) => !files.contains(&format!("{root}/__init__.py")),
                None => false,
            }
        };
        let found: Vec<String> = idx
            .0
            .get(last)
            .into_iter()
            .flatten()
            .filter(|p| {
                let stem = p
                    .strip_suffix(".py")
                    .or_else(|| p.strip_suffix(".pyi"))
                    .unwrap_or(p);
                fits(stem.strip_suffix("/__init__").unwrap_or(stem))
            })
            .cloned()
            .collect();
        if !found.is_empty() {
            return Some(found);
        }
        idx.1
            .get(last)
            .into_iter()
            .flatten()
            .any(|d| fits(d))
            .then(Vec::new)
    }

    /// The text of a file as the change leaves it, without parsing it
    /// (the parsed copy when there is one).
    pub fn text_of(&self, path: &str) -> Option<String> {
        if let Some(o) = self.overlay.get(path) {
            return Some(o.text.clone());
        }
        if let Some(Some(hit)) = self.file_facts.borrow().get(path) {
            return Some(hit.0.clone());
        }
        if self.deleted.contains(path) {
            return None;
        }
        std::fs::read_to_string(self.root.join(path)).ok()
    }

    /// The text and facts of a project file: the overlay, else extracted
    /// from disk (cached). `None` when missing or in no known language.
    pub fn facts_of(&self, path: &str) -> Option<std::rc::Rc<(String, FileFacts)>> {
        if let Some(o) = self.overlay.get(path) {
            return Some(std::rc::Rc::new((o.text.clone(), o.facts.clone())));
        }
        if let Some(hit) = self.file_facts.borrow().get(path) {
            return hit.clone();
        }
        let got = self
            .indexed_python_facts(path)
            .or_else(|| read_and_extract(&self.root.join(path)))
            .map(std::rc::Rc::new);
        self.file_facts
            .borrow_mut()
            .insert(path.to_string(), got.clone());
        got
    }

    /// The text of an indexed Python file with its definitions, references
    /// and imports from the index, when the file on disk is what was
    /// indexed: parsing large modules again costs more than a check's whole
    /// budget. Python only, because its resolvers read nothing else of
    /// another file's facts (no locals).
    fn indexed_python_facts(&self, path: &str) -> Option<(String, FileFacts)> {
        if !path.ends_with(".py") && !path.ends_with(".pyi") {
            return None;
        }
        let row = self.store.file(path).ok()??;
        let bytes = std::fs::read(self.root.join(path)).ok()?;
        if plumb_index::content_hash(&bytes) != row.hash || row.skipped.is_some() {
            return None;
        }
        // The index keeps a name's line and column, not its bytes.
        let mut line_starts = vec![0u32];
        line_starts.extend(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i as u32 + 1),
        );
        let byte_at = |line: u32, col: u32| {
            line_starts
                .get(line.saturating_sub(1) as usize)
                .map_or(0, |s| s + col.saturating_sub(1))
        };
        let definitions = self
            .store
            .defs_in_file(path)
            .ok()?
            .into_iter()
            .map(|r| {
                let mut d = r.def;
                d.name_span.start_byte = byte_at(d.name_span.start_line, d.name_span.start_col);
                d.name_span.end_byte = byte_at(d.name_span.end_line, d.name_span.end_col);
                d
            })
            .collect();
        let imports = self
            .store
            .imports_in_file(path)
            .ok()?
            .into_iter()
            .map(|r| r.import)
            .collect();
        let references = self
            .store
            .refs_in_file(path)
            .ok()?
            .into_iter()
            .map(|r| r.reference)
            .collect();
        let facts = FileFacts {
            definitions,
            imports,
            references,
            dynamic: row.dynamic,
            parse_errors: row.parse_errors,
            ..Default::default()
        };
        Some((String::from_utf8(bytes).ok()?, facts))
    }

    /// The imports of a project file (overlay or index).
    pub fn imports_of(&self, path: &str) -> Vec<Import> {
        if let Some(o) = self.overlay.get(path) {
            return o.facts.imports.clone();
        }
        self.store
            .imports_in_file(path)
            .map(|rows| rows.into_iter().map(|r| r.import).collect())
            .unwrap_or_default()
    }
}

/// Read a file and extract its facts with the adapter its extension selects.
pub fn read_and_extract(path: &Path) -> Option<(String, FileFacts)> {
    let adapter = plumb_lang::adapter_for_path(path)?;
    let bytes = std::fs::read(path).ok()?;
    if bytes.len() > 4 << 20 {
        return None;
    }
    let facts = plumb_lang::extract(adapter, &bytes);
    Some((String::from_utf8_lossy(&bytes).into_owned(), facts))
}

/// Whether `text` assigns `qualifier.name = …` (not `==`, not `=>`).
pub fn assigns_member(text: &str, qualifier: &str, name: &str) -> bool {
    assigns(text, qualifier, name, false)
}

/// [`assigns_member`], also where `qualifier` ends a longer path (hapi's
/// `internals.Response.Peek = class …` for the class `Response`).
pub fn assigns_member_via_path(text: &str, qualifier: &str, name: &str) -> bool {
    assigns(text, qualifier, name, true)
}

fn assigns(text: &str, qualifier: &str, name: &str, via_path: bool) -> bool {
    let target = format!("{qualifier}.{name}");
    text.match_indices(&target).any(|(i, _)| {
        let after = &text[i + target.len()..];
        let rest = after.trim_start();
        let whole = !text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '.' && !via_path);
        whole
            && !after.starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$')
            && rest.starts_with('=')
            && !rest.starts_with("==")
            && !rest.starts_with("=>")
    })
}

//! The project's Java sources as the checker sees them: every `.java` file
//! with its package clause, the packages they form, the project's root
//! packages, and per-file summaries (definitions, imports, Lombok use) from
//! the change's overlay, the index, or the disk.
//!
//! Owns building these summaries once per run (memoised on the project);
//! classes live in `classes`, build-file facts in `build`. It does not
//! resolve names in a file's scope (that is `types`) nor decide findings.

use std::collections::HashMap;
use std::io::Read;
use std::rc::Rc;

use plumb_facts::{Definition, Import};

use super::super::FileCtx;

/// One `.java` file of the project.
#[derive(Debug)]
pub(super) struct JFile {
    pub path: String,
    pub package: String,
    pub imports: Vec<Import>,
    /// Static imports, told apart by the source line (`import static`).
    pub static_imports: Vec<Import>,
    pub defs: Vec<Definition>,
    /// The file uses Lombok, whose annotations generate members.
    pub lombok: bool,
    /// Read in full: no parse errors, not skipped by the indexer.
    pub ok: bool,
    /// The text of a file not read in full (empty when it could not be read).
    pub unread: String,
}

impl JFile {
    /// Whether the file may declare a type `name` its definitions do not
    /// show: only when it was not read in full and its text spells the
    /// name as a word (a declaration does), has a `\u` escape (which could
    /// spell it), or could not be read.
    pub fn may_hide(&self, name: &str) -> bool {
        if self.ok {
            return false;
        }
        let t = &self.unread;
        let ident = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
        t.is_empty()
            || t.contains("\\u")
            || t.match_indices(name).any(|(i, _)| {
                !t[..i].chars().next_back().is_some_and(ident)
                    && !t[i + name.len()..].chars().next().is_some_and(ident)
            })
    }
}

/// Every project `.java` file by package.
#[derive(Debug, Default)]
pub(super) struct Index {
    pub packages: HashMap<String, Vec<String>>,
    /// Packages no other project package is a prefix of (`com.google.gson`).
    pub roots: Vec<String>,
    /// The project holds generated-source inputs (`.g4`, `.avsc`, …): classes
    /// may exist that no file shows.
    pub generated: bool,
    /// Java packages `.proto` files generate code into.
    pub proto_packages: Vec<String>,
    /// Directories of build files that run a source generator (protoc,
    /// ANTLR, annotation processors that emit classes): files under them may
    /// use classes no source shows.
    pub generated_dirs: Vec<String>,
    /// Package segments only generated classes live under (`jmh_generated`).
    pub generated_segments: Vec<String>,
    /// The build compiles Kotlin, Groovy or Scala too: project classes may
    /// live in files this checker does not read.
    pub other_jvm: bool,
    /// An Android build (see `build::BuildFacts::android`).
    pub android: bool,
    /// The highest Java release a build file names (`<maven.compiler.release>`,
    /// `JavaLanguageVersion.of(..)`, `sourceCompatibility`, …).
    pub release: Option<u32>,
}

impl Index {
    /// Whether `dotted` lies under one of the project's root packages.
    pub fn owns(&self, dotted: &str) -> bool {
        self.roots.iter().any(|r| {
            dotted == r
                || dotted
                    .strip_prefix(r.as_str())
                    .is_some_and(|t| t.starts_with('.'))
        })
    }

    pub fn has_package(&self, pkg: &str) -> bool {
        self.packages.contains_key(pkg)
    }

    /// Whether generated code may provide `dotted` to the file at `path`.
    pub fn maybe_generated(&self, dotted: &str, path: &str) -> bool {
        self.generated
            || self
                .generated_dirs
                .iter()
                .any(|d| d.is_empty() || path.starts_with(&format!("{d}/")))
            || dotted
                .split('.')
                .any(|s| self.generated_segments.iter().any(|g| g == s))
            || self.proto_packages.iter().any(|p| {
                dotted == p
                    || dotted
                        .strip_prefix(p.as_str())
                        .is_some_and(|t| t.starts_with('.'))
            })
    }
}

/// The package clause at the top of a Java source text ("" when none).
pub(super) fn package_clause(text: &str) -> String {
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("//") {
            rest = r.split_once('\n').map(|x| x.1).unwrap_or("");
        } else if let Some(r) = rest.strip_prefix("/*") {
            rest = r.split_once("*/").map(|x| x.1).unwrap_or("");
        } else if rest.starts_with('@') {
            // A package annotation (package-info.java): skip to the clause.
            match rest.find("package ") {
                Some(i) => rest = &rest[i..],
                None => return String::new(),
            }
        } else {
            break;
        }
    }
    let Some(r) = rest.strip_prefix("package") else {
        return String::new();
    };
    if !r.starts_with(char::is_whitespace) {
        return String::new();
    }
    let end = r.find(';').unwrap_or(0);
    r[..end].chars().filter(|c| !c.is_whitespace()).collect()
}

fn head_of(ctx: &FileCtx, path: &str) -> String {
    if let Some(o) = ctx.project.overlay.get(path) {
        return o.text.chars().take(8192).collect();
    }
    let mut buf = Vec::new();
    if let Ok(f) = std::fs::File::open(ctx.project.root.join(path)) {
        let _ = f.take(8192).read_to_end(&mut buf);
    }
    String::from_utf8_lossy(&buf).into_owned()
}

pub(super) fn index(ctx: &FileCtx) -> Rc<Index> {
    ctx.project.memo("java:index", || {
        let mut idx = Index::default();
        let mut paths: Vec<&String> = ctx.project.all_files().iter().collect();
        paths.sort();
        for p in paths {
            if super::build::GENERATOR_INPUTS
                .iter()
                .any(|e| p.ends_with(e))
            {
                idx.generated = true;
            }
            if p.ends_with(".proto") {
                let text = std::fs::read_to_string(ctx.project.root.join(p)).unwrap_or_default();
                match super::build::proto_package(&text) {
                    Some(pkg) => idx.proto_packages.push(pkg),
                    None => idx.generated = true,
                }
            }
            if !p.ends_with(".java") {
                continue;
            }
            let pkg = package_clause(&head_of(ctx, p));
            idx.packages.entry(pkg).or_default().push(p.clone());
        }
        let mut pkgs: Vec<&String> = idx.packages.keys().filter(|p| !p.is_empty()).collect();
        pkgs.sort();
        let mut roots: Vec<String> = Vec::new();
        for p in pkgs {
            if !roots.iter().any(|r| p.starts_with(&format!("{r}."))) {
                roots.push(p.clone());
            }
        }
        idx.roots = roots;
        let b = super::build::read(ctx);
        idx.generated |= b.generated;
        idx.proto_packages.extend(b.proto_packages);
        idx.generated_dirs = b.generated_dirs;
        idx.generated_segments = b.generated_segments;
        idx.other_jvm = b.other_jvm;
        idx.android = b.android;
        idx.release = b.release;
        idx
    })
}

fn is_static_import(text: &str, imp: &Import) -> bool {
    let start = imp.span.start_byte as usize;
    let end = (imp.span.end_byte as usize).min(text.len());
    text.get(start..end)
        .is_some_and(|s| s.split_whitespace().nth(1) == Some("static"))
}

pub(super) use super::build::jdk_newer;
pub(super) use super::classes::{ClassInfo, class_in_package, is_type, nested, package_complete};

/// The summary of one project file (memoised).
pub(super) fn file(ctx: &FileCtx, path: &str) -> Rc<JFile> {
    ctx.project.memo(&format!("java:file:{path}"), || {
        let (text, defs, imports, ok) = if let Some(o) = ctx.project.overlay.get(path) {
            (
                o.text.clone(),
                o.facts.definitions.clone(),
                o.facts.imports.clone(),
                o.facts.parse_errors == 0,
            )
        } else {
            let row = ctx.project.store.file(path).ok().flatten();
            if row.as_ref().is_none_or(|r| r.skipped.is_some()) {
                match ctx.deps.extract(&ctx.project.root.join(path)) {
                    Some(rc) => (
                        rc.0.clone(),
                        rc.1.definitions.clone(),
                        rc.1.imports.clone(),
                        rc.1.parse_errors == 0,
                    ),
                    None => (String::new(), Vec::new(), Vec::new(), false),
                }
            } else {
                let defs = ctx
                    .project
                    .store
                    .defs_in_file(path)
                    .map(|rows| rows.into_iter().map(|r| r.def).collect())
                    .unwrap_or_default();
                let text = std::fs::read(ctx.project.root.join(path))
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
                    .unwrap_or_default();
                let ok = row.as_ref().is_some_and(|r| r.parse_errors == 0) && !text.is_empty();
                (text, defs, ctx.project.imports_of(path), ok)
            }
        };
        let (static_imports, imports): (Vec<Import>, Vec<Import>) = imports
            .into_iter()
            .partition(|i| is_static_import(&text, i));
        JFile {
            path: path.to_string(),
            package: package_clause(&text),
            imports,
            static_imports,
            defs,
            lombok: text.contains("lombok"),
            ok,
            unread: if ok { String::new() } else { text },
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_clauses() {
        assert_eq!(
            package_clause("/* x */\n// y\npackage a.b.c ;\nimport z;"),
            "a.b.c"
        );
        assert_eq!(package_clause("@Deprecated\npackage a.b;"), "a.b");
        assert_eq!(package_clause("import x;"), "");
    }
}

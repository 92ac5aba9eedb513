//! The project's Java sources as the checker sees them: every `.java` file
//! with its package clause, the packages they form, the project's root
//! packages, and per-file summaries (definitions, imports, Lombok use) from
//! the change's overlay, the index, or the disk.
//!
//! Owns building these summaries once per run (memoised on the project) and
//! finding a class by package and name; it does not resolve names in a
//! file's scope (that is `types`) nor decide findings.

use std::collections::HashMap;
use std::io::Read;
use std::rc::Rc;

use plumb_facts::{DefKind, Definition, Import};

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
    /// The build compiles Kotlin, Groovy or Scala too: project classes may
    /// live in files this checker does not read.
    pub other_jvm: bool,
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
            || self.proto_packages.iter().any(|p| {
                dotted == p
                    || dotted
                        .strip_prefix(p.as_str())
                        .is_some_and(|t| t.starts_with('.'))
            })
    }
}

/// The JDK release the generated class list comes from.
const LISTED_RELEASE: u32 = 17;

/// Whether the build targets a JDK newer than the generated list: then a
/// JDK class or member missing from the list proves nothing.
pub(super) fn jdk_newer(ctx: &FileCtx) -> bool {
    index(ctx).release.is_some_and(|r| r > LISTED_RELEASE)
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

/// The Java package a `.proto` file generates into (`option java_package`,
/// else its `package`).
fn proto_package(text: &str) -> Option<String> {
    let value = |key: &str| {
        text.lines().find_map(|l| {
            let l = l.trim();
            let rest = l.strip_prefix(key)?;
            let v: String = rest
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '.' || *c == '_')
                .collect();
            (!v.is_empty()).then_some(v)
        })
    };
    value("option java_package").or_else(|| value("package "))
}

/// The Java packages of the `.proto` files under `dir`; `None` when there
/// are none, too many entries to look through, or one names no package.
fn proto_packages_under(ctx: &FileCtx, dir: &str) -> Option<Vec<String>> {
    let mut stack = vec![ctx.project.root.join(dir)];
    let mut out = Vec::new();
    let mut seen = 0usize;
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).ok()?.flatten() {
            seen += 1;
            if seen > 20_000 {
                return None;
            }
            let name = e.file_name().to_string_lossy().into_owned();
            let path = e.path();
            if path.is_dir() {
                if !name.starts_with('.')
                    && !matches!(name.as_str(), "target" | "build" | "node_modules")
                {
                    stack.push(path);
                }
            } else if name.ends_with(".proto") {
                let text = std::fs::read_to_string(&path).ok()?;
                out.push(proto_package(&text)?);
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Build-file words that mean a source generator runs.
const GENERATOR_MARKERS: &[&str] = &[
    "protobuf-maven-plugin",
    "protoc",
    "com.google.protobuf",
    "antlr",
    "build-helper-maven-plugin",
    "generate-sources",
    "openapi-generator",
    "swagger-codegen",
    "avro-maven-plugin",
    "jaxb",
    "xjc",
    "jooq-codegen",
    "querydsl-apt",
    "dagger-compiler",
    "auto-value",
    "mapstruct-processor",
    "value-processor",
    "wire-gradle-plugin",
    "javacc",
    "org.immutables",
    "jpamodelgen",
    "micronaut-inject-java",
    "record-builder-processor",
    "jmh-generator-annprocess",
];

/// The Java release a build file's text names, if any (the highest).
fn release_of(text: &str) -> Option<u32> {
    const KEYS: &[&str] = &[
        "<maven.compiler.release>",
        "<maven.compiler.source>",
        "<maven.compiler.target>",
        "<java.version>",
        "<release>",
        "<source>",
        "JavaLanguageVersion.of(",
        "JavaVersion.VERSION_",
        "sourceCompatibility",
        "targetCompatibility",
        "release.set(",
        "options.release =",
    ];
    let mut best: Option<u32> = None;
    for k in KEYS {
        for (i, _) in text.match_indices(k) {
            let rest = &text[i + k.len()..];
            let rest = rest.trim_start_matches([' ', '=', '\'', '"', '(']);
            let rest = rest
                .strip_prefix("1.")
                .or(rest.strip_prefix("1_"))
                .unwrap_or(rest);
            let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
            if let Ok(n) = digits.parse::<u32>()
                && (5..=40).contains(&n)
            {
                best = Some(best.map_or(n, |b| b.max(n)));
            }
        }
    }
    best
}

const GENERATOR_INPUTS: &[&str] = &[".g4", ".jj", ".avsc", ".thrift", ".wsdl", ".xsd"];

pub(super) fn index(ctx: &FileCtx) -> Rc<Index> {
    ctx.project.memo("java:index", || {
        let mut idx = Index::default();
        let mut paths: Vec<&String> = ctx.project.all_files().iter().collect();
        paths.sort();
        for p in paths {
            if GENERATOR_INPUTS.iter().any(|e| p.ends_with(e)) {
                idx.generated = true;
            }
            if p.ends_with(".proto") {
                let text = std::fs::read_to_string(ctx.project.root.join(p)).unwrap_or_default();
                match proto_package(&text) {
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
        for f in &ctx.project.manifest().files {
            let name = f.rsplit('/').next().unwrap_or(f);
            if !matches!(name, "pom.xml" | "build.gradle" | "build.gradle.kts") {
                continue;
            }
            let text = match ctx.project.changed_manifests.iter().find(|(p, _)| p == f) {
                Some((_, t)) => t.clone(),
                None => std::fs::read_to_string(ctx.project.root.join(f)).unwrap_or_default(),
            };
            if ["kotlin", "groovy", "scala"]
                .iter()
                .any(|m| text.contains(m))
            {
                idx.other_jvm = true;
            }
            if let Some(r) = release_of(&text) {
                idx.release = Some(idx.release.map_or(r, |x| x.max(r)));
            }
            let dir = f
                .rsplit_once('/')
                .map(|(d, _)| d.to_string())
                .unwrap_or_default();
            let markers: Vec<&str> = GENERATOR_MARKERS
                .iter()
                .copied()
                .filter(|m| text.contains(m))
                .collect();
            if markers.is_empty() {
                continue;
            }
            // protoc alone: the `.proto` files say which packages it fills.
            let protobuf_only = markers.iter().all(|m| m.contains("proto"));
            match protobuf_only
                .then(|| proto_packages_under(ctx, &dir))
                .flatten()
            {
                Some(pkgs) => idx.proto_packages.extend(pkgs),
                None => idx.generated_dirs.push(dir),
            }
        }
        idx
    })
}

fn is_static_import(text: &str, imp: &Import) -> bool {
    let start = imp.span.start_byte as usize;
    let end = (imp.span.end_byte as usize).min(text.len());
    text.get(start..end)
        .is_some_and(|s| s.split_whitespace().nth(1) == Some("static"))
}

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
        }
    })
}

/// A class, interface, enum, record or annotation type of the project.
#[derive(Debug, Clone)]
pub(super) struct ClassInfo {
    pub file: Rc<JFile>,
    /// The name as definitions' containers spell it (`Outer.Inner`).
    pub qual: String,
    pub name: String,
    pub kind: DefKind,
    pub record: bool,
    /// `extends` (class), then `implements`; for interfaces every `extends`.
    pub supers: Vec<Super>,
    /// The header could not be read in full: supertypes are not known.
    pub header_cut: bool,
    /// Another type of the file has the same qualified name (local classes
    /// of two methods): members and constructors are mixed, so not judged.
    pub ambiguous: bool,
}

#[derive(Debug, Clone)]
pub(super) struct Super {
    pub name: String,
    /// Named after `implements`, or after `extends` of an interface.
    #[cfg_attr(not(test), allow(dead_code))]
    pub interface: bool,
}

impl ClassInfo {
    pub fn from_def(file: Rc<JFile>, d: &Definition) -> ClassInfo {
        let qual = match &d.container {
            Some(c) => format!("{c}.{}", d.name),
            None => d.name.clone(),
        };
        let sig = d.signature.clone().unwrap_or_default();
        let header_cut = sig.len() >= 195;
        let (supers, record) = parse_header(&sig, &d.name, d.kind == DefKind::Interface);
        let ambiguous = file
            .defs
            .iter()
            .filter(|x| x.name == d.name && x.container == d.container && is_type(x.kind))
            .count()
            > 1;
        ClassInfo {
            ambiguous,
            file,
            qual,
            name: d.name.clone(),
            kind: d.kind,
            record,
            supers,
            header_cut,
        }
    }

    /// Definitions declared directly in this class.
    pub fn members<'f>(&'f self) -> impl Iterator<Item = &'f Definition> + 'f {
        self.file
            .defs
            .iter()
            .filter(move |d| d.container.as_deref() == Some(self.qual.as_str()))
    }
}

/// Drop `<…>` type arguments (nested) from a header.
fn strip_generics(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0u32;
    for c in s.chars() {
        match c {
            '<' => depth += 1,
            '>' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The supertypes a declaration header names, and whether it is a record.
fn parse_header(sig: &str, name: &str, interface: bool) -> (Vec<Super>, bool) {
    let flat = strip_generics(sig);
    let words: Vec<&str> = flat.split_whitespace().collect();
    let Some(at) = words
        .iter()
        .position(|w| *w == name || w.starts_with(&format!("{name}(")))
    else {
        return (Vec::new(), false);
    };
    let record = at > 0 && words[at - 1] == "record";
    let rest = words[at + 1..].join(" ");
    // A record's components come first: `record P(int x) implements I`.
    let rest = match rest.rfind(')') {
        Some(i) if record || words[at].contains('(') => rest[i + 1..].to_string(),
        _ => rest,
    };
    let mut supers = Vec::new();
    let mut mode = None;
    for tok in rest.split(|c: char| c.is_whitespace() || c == ',') {
        match tok {
            "" => {}
            "extends" => mode = Some(interface),
            "implements" => mode = Some(true),
            "permits" => mode = None,
            t => {
                if let Some(i) = mode {
                    let t = t.trim_start_matches('@');
                    if t.chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == '$')
                    {
                        supers.push(Super {
                            name: t.to_string(),
                            interface: i,
                        });
                    }
                }
            }
        }
    }
    (supers, record)
}

/// The class named `name` declared at the top level of package `pkg`.
pub(super) fn class_in_package(ctx: &FileCtx, pkg: &str, name: &str) -> Option<ClassInfo> {
    let idx = index(ctx);
    let paths = idx.packages.get(pkg)?;
    // The file named after the class first: the usual place.
    let want = format!("/{name}.java");
    let mut order: Vec<&String> = paths
        .iter()
        .filter(|p| p.ends_with(&want) || p.as_str() == &want[1..])
        .collect();
    order.extend(
        paths
            .iter()
            .filter(|p| !(p.ends_with(&want) || p.as_str() == &want[1..])),
    );
    // Two modules may each declare the class (a test copy, a variant):
    // which one a file sees depends on the build, so neither is judged.
    let same_named = order
        .iter()
        .filter(|p| p.ends_with(&want) || p.as_str() == &want[1..])
        .count();
    for p in order {
        let f = file(ctx, p);
        if let Some(d) = f
            .defs
            .iter()
            .find(|d| d.container.is_none() && d.name == name && is_type(d.kind))
        {
            let d = d.clone();
            let mut c = ClassInfo::from_def(f, &d);
            c.ambiguous |= same_named > 1;
            return Some(c);
        }
    }
    None
}

/// Whether every file of a package was read in full (else absence proves nothing).
pub(super) fn package_complete(ctx: &FileCtx, pkg: &str) -> bool {
    let idx = index(ctx);
    idx.packages
        .get(pkg)
        .is_some_and(|ps| ps.iter().all(|p| file(ctx, p).ok))
}

/// The class nested directly in `outer` named `name`.
pub(super) fn nested(outer: &ClassInfo, name: &str) -> Option<ClassInfo> {
    let d = outer
        .members()
        .find(|d| d.name == name && is_type(d.kind))?
        .clone();
    Some(ClassInfo::from_def(outer.file.clone(), &d))
}

pub(super) fn is_type(k: DefKind) -> bool {
    matches!(k, DefKind::Class | DefKind::Interface | DefKind::Enum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers() {
        let (s, r) = parse_header(
            "public final class Foo<T extends Bar<T>> extends Base<T> implements A, b.C<X>",
            "Foo",
            false,
        );
        let names: Vec<(&str, bool)> = s.iter().map(|s| (s.name.as_str(), s.interface)).collect();
        assert_eq!(names, vec![("Base", false), ("A", true), ("b.C", true)]);
        assert!(!r);
        let (s, r) = parse_header("record P(int x, List<String> y) implements I", "P", false);
        assert_eq!(s.len(), 1);
        assert!(r);
        let (s, _) = parse_header("interface J extends K, L", "J", true);
        assert!(s.iter().all(|s| s.interface) && s.len() == 2);
        assert_eq!(
            package_clause("/* x */\n// y\npackage a.b.c ;\nimport z;"),
            "a.b.c"
        );
        assert_eq!(package_clause("@Deprecated\npackage a.b;"), "a.b");
        assert_eq!(package_clause("import x;"), "");
        assert_eq!(
            release_of("<maven.compiler.release>8</maven.compiler.release>\n<release>11</release>"),
            Some(11)
        );
        assert_eq!(
            release_of("java {\n  toolchain { languageVersion = JavaLanguageVersion.of(21) }\n}"),
            Some(21)
        );
        assert_eq!(release_of("sourceCompatibility = '1.8'"), Some(8));
        assert_eq!(release_of("<version>${java.version}</version>"), None);
    }
}

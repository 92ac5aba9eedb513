//! Java type names and class members: what a simple or dotted type name
//! denotes in a file's scope (enclosing and nested classes, the file's own
//! types, single-type imports, the package, on-demand imports, `java.lang`),
//! and the methods a class has with its project supertypes.
//!
//! Answers "unknown" whenever something could hide the name: an on-demand
//! import of a package that is neither the project's nor the JDK's, a
//! supertype outside the project, a Lombok-annotated file, a cut header.

use plumb_facts::{DefKind, Lang, Params};

use super::super::FileCtx;
use super::project::{self, ClassInfo, JFile, class_in_package, index, nested};
use crate::builtins;

/// What a type name denotes.
#[derive(Debug)]
pub(super) enum Ty {
    Project(ClassInfo),
    /// A JDK class, by its full name.
    Jdk(String),
    /// Not provable either way (third-party, generated, hidden by a wildcard).
    Unknown,
    /// Nowhere in scope.
    Missing,
}

/// The outer classes of `qual` in its file, innermost first (itself included).
pub(super) fn outer_chain(file: &std::rc::Rc<JFile>, qual: &str) -> Vec<ClassInfo> {
    let mut out = Vec::new();
    let mut q = qual.to_string();
    loop {
        let (container, name) = match q.rsplit_once('.') {
            Some((c, n)) => (Some(c.to_string()), n.to_string()),
            None => (None, q.clone()),
        };
        if let Some(d) = file
            .defs
            .iter()
            .find(|d| d.name == name && d.container == container && project::is_type(d.kind))
        {
            out.push(ClassInfo::from_def(file.clone(), d));
        }
        match container {
            Some(c) => q = c,
            None => break,
        }
    }
    out
}

/// A full name (`a.b.C`, `a.b.C.Inner`) in the project or the JDK.
pub(super) fn by_fqn(ctx: &FileCtx, fqn: &str) -> Ty {
    let segs: Vec<&str> = fqn.split('.').collect();
    let idx = index(ctx);
    for i in (1..segs.len()).rev() {
        let pkg = segs[..i].join(".");
        if idx.has_package(&pkg) {
            let Some(mut c) = class_in_package(ctx, &pkg, segs[i]) else {
                continue;
            };
            for s in &segs[i + 1..] {
                match nested(&c, s) {
                    Some(n) => c = n,
                    None => return Ty::Unknown,
                }
            }
            return Ty::Project(c);
        }
    }
    for i in (1..segs.len()).rev() {
        let pkg = segs[..i].join(".");
        if let Some(m) = builtins::stdlib_module(Lang::Java, &pkg) {
            return if m.member(segs[i]) == Some(true) {
                Ty::Jdk(segs[..=i].join("."))
            } else {
                Ty::Unknown
            };
        }
    }
    Ty::Unknown
}

/// What the type name `name` (simple or dotted) denotes inside `enclosing`
/// (innermost first) of `file`.
pub(super) fn resolve(
    ctx: &FileCtx,
    file: &std::rc::Rc<JFile>,
    enclosing: &[ClassInfo],
    name: &str,
) -> Ty {
    if let Some((first, rest)) = name.split_once('.') {
        return match resolve(ctx, file, enclosing, first) {
            Ty::Project(mut c) => {
                for s in rest.split('.') {
                    match nested(&c, s) {
                        Some(n) => c = n,
                        None => return Ty::Unknown,
                    }
                }
                Ty::Project(c)
            }
            Ty::Jdk(f) => Ty::Jdk(format!("{f}.{rest}")),
            Ty::Missing if first.starts_with(char::is_lowercase) => by_fqn(ctx, name),
            _ => Ty::Unknown,
        };
    }
    let mut uncertain = !file.ok || index(ctx).other_jvm || project::jdk_newer(ctx);
    for c in enclosing {
        if c.name == name {
            return Ty::Project(c.clone());
        }
        if let Some(n) = nested(c, name) {
            return Ty::Project(n);
        }
        // Member types inherited from supertypes.
        match inherited_type(ctx, c, name, 0) {
            Some(Ty::Project(n)) => return Ty::Project(n),
            Some(_) => uncertain = true,
            None => {}
        }
    }
    if let Some(d) = file
        .defs
        .iter()
        .find(|d| d.container.is_none() && d.name == name && project::is_type(d.kind))
    {
        return Ty::Project(ClassInfo::from_def(file.clone(), d));
    }
    for imp in &file.imports {
        if imp.names.iter().any(|n| n.name == name) {
            return match by_fqn(ctx, &format!("{}.{name}", imp.module)) {
                Ty::Missing => Ty::Unknown,
                t => t,
            };
        }
    }
    if let Some(c) = class_in_package(ctx, &file.package, name) {
        return Ty::Project(c);
    }
    if !project::package_complete(ctx, &file.package, name) && index(ctx).has_package(&file.package)
    {
        uncertain = true;
    }
    let idx = index(ctx);
    for imp in file.imports.iter().filter(|i| i.wildcard) {
        if idx.has_package(&imp.module) {
            if let Some(c) = class_in_package(ctx, &imp.module, name) {
                return Ty::Project(c);
            }
        } else if let Some(m) = builtins::stdlib_module(Lang::Java, &imp.module) {
            match m.member(name) {
                Some(true) => return Ty::Jdk(format!("{}.{name}", imp.module)),
                Some(false) => {}
                None => uncertain = true,
            }
        } else {
            match by_fqn(ctx, &imp.module) {
                Ty::Project(c) => {
                    if let Some(n) = nested(&c, name) {
                        return Ty::Project(n);
                    }
                }
                _ => uncertain = true,
            }
        }
    }
    if builtins::is_builtin(Lang::Java, name) {
        return Ty::Jdk(format!("java.lang.{name}"));
    }
    if uncertain { Ty::Unknown } else { Ty::Missing }
}

/// A member type `name` that `c` inherits: `None` when its supertypes are
/// all project classes without it, `Some(Unknown)` when one is not known.
pub(super) fn inherited_type(ctx: &FileCtx, c: &ClassInfo, name: &str, depth: u32) -> Option<Ty> {
    if depth > 8 || c.header_cut {
        return Some(Ty::Unknown);
    }
    let outer = outer_chain(&c.file, &c.qual);
    let outer = outer.get(1..).unwrap_or(&[]);
    let mut unknown = false;
    for s in &c.supers {
        match resolve(ctx, &c.file, outer, &s.name) {
            Ty::Project(p) => {
                if let Some(n) = nested(&p, name) {
                    return Some(Ty::Project(n));
                }
                match inherited_type(ctx, &p, name, depth + 1) {
                    Some(Ty::Project(n)) => return Some(Ty::Project(n)),
                    Some(_) => unknown = true,
                    None => {}
                }
            }
            Ty::Jdk(f) if f == "java.lang.Object" => {}
            // The list names a JDK class's public member classes with its
            // other members (`Map` has `Entry`), inherited ones included.
            Ty::Jdk(f) => {
                match builtins::stdlib_module(Lang::Java, &f).and_then(|m| m.member(name)) {
                    Some(true) => return Some(Ty::Jdk(format!("{f}.{name}"))),
                    Some(false) if !project::jdk_newer(ctx) => {}
                    _ => unknown = true,
                }
            }
            _ => unknown = true,
        }
    }
    unknown.then_some(Ty::Unknown)
}

/// The methods named `name` a class has, with their parameter lists (`None`
/// when not known), and whether every supertype was looked into.
#[derive(Debug, Default)]
pub(super) struct Found {
    pub overloads: Vec<Option<Params>>,
    /// Where each overload is declared (file, line), for evidence.
    pub sites: Vec<(String, u32)>,
    /// The nearest class declaring one of them.
    pub owner: Option<String>,
    pub complete: bool,
}

const OBJECT_METHODS: &[&str] = &[
    "clone",
    "equals",
    "finalize",
    "getClass",
    "hashCode",
    "notify",
    "notifyAll",
    "toString",
    "wait",
];
const ENUM_METHODS: &[&str] = &[
    "compareTo",
    "describeConstable",
    "getDeclaringClass",
    "name",
    "ordinal",
    "valueOf",
    "values",
];

/// Methods named `name` of `c` and its supertypes.
pub(super) fn methods(ctx: &FileCtx, c: &ClassInfo, name: &str) -> Found {
    let mut f = Found {
        complete: true,
        ..Default::default()
    };
    collect(ctx, c, name, &mut f, 0);
    if OBJECT_METHODS.contains(&name) {
        f.overloads.push(None);
    }
    f
}

fn collect(ctx: &FileCtx, c: &ClassInfo, name: &str, f: &mut Found, depth: u32) {
    if depth > 12 || c.header_cut || c.ambiguous || c.file.lombok || !c.file.ok {
        f.complete = false;
        if depth > 12 {
            return;
        }
    }
    for d in c.members().filter(|d| d.name == name) {
        match d.kind {
            DefKind::Method | DefKind::Function => {
                f.overloads.push(d.params.clone());
                f.sites.push((c.file.path.clone(), d.name_span.start_line));
                f.owner.get_or_insert_with(|| c.qual.clone());
            }
            // A record component's accessor.
            DefKind::Field if c.record => {
                f.overloads.push(Some(Params::default()));
                f.sites.push((c.file.path.clone(), d.name_span.start_line));
            }
            _ => {}
        }
    }
    if c.kind == DefKind::Enum && ENUM_METHODS.contains(&name) {
        f.overloads.push(None);
    }
    let outer = outer_chain(&c.file, &c.qual);
    let outer = outer.get(1..).unwrap_or(&[]);
    for s in &c.supers {
        match resolve(ctx, &c.file, outer, &s.name) {
            Ty::Project(p) => collect(ctx, &p, name, f, depth + 1),
            Ty::Jdk(fqn) => jdk_members(&fqn, name, project::jdk_newer(ctx), f),
            _ => f.complete = false,
        }
    }
}

/// Members of a JDK supertype from the generated list (public and
/// protected, inherited included; `*` where a supertype was not described).
fn jdk_members(fqn: &str, name: &str, newer: bool, f: &mut Found) {
    if fqn == "java.lang.Object" {
        return;
    }
    match builtins::stdlib_module(Lang::Java, fqn).and_then(|m| m.member(name)) {
        Some(true) => f.overloads.push(None),
        Some(false) if !newer => {}
        _ => f.complete = false,
    }
}

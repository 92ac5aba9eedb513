//! Go references: bare names (locals, the package's files, dot imports,
//! predeclared identifiers) and `pkg.Name` for an imported package (the
//! standard library's API list, a project package's files, a dependency's
//! source in `vendor/` or the module cache). `x.M` on a value goes to
//! [`super::methods`]; anything else is skipped.

use std::rc::Rc;

use plumb_facts::{Definition, Import, Lang, RefKind, Reference};

use super::super::{FileCtx, Outcome};
use super::modules::{Loc, guessed_name, locate};
use super::packages::{Dir, Pkg, dep_dir, is_exported, project_dir};
use super::{arity, file_dir, is_ident, methods, own_package};
use crate::builtins::{self, Lookup};
use crate::report::FindingKind;

pub fn check_ref(ctx: &FileCtx, r: &Reference) -> Vec<Outcome> {
    if r.name == "_" || !is_ident(&r.name) {
        return vec![skipped!()];
    }
    match r.qualifier.as_deref() {
        None => bare(ctx, r),
        Some(q) if is_ident(q) => qualified(ctx, r, q),
        _ => vec![skipped!()],
    }
}

fn bare(ctx: &FileCtx, r: &Reference) -> Vec<Outcome> {
    let name = r.name.as_str();
    if ctx.local_binds(r) {
        return vec![Outcome::Resolved];
    }
    let Some(pkg_name) = own_package(ctx) else {
        return vec![skipped!()];
    };
    let dir = project_dir(ctx, file_dir(ctx.path));
    let pkg = dir.package(&pkg_name);
    let top = pkg.top(name);
    if !top.is_empty() {
        let defs: Vec<_> = top.iter().map(|(_, d)| *d).collect();
        let mut out = vec![Outcome::Resolved];
        out.extend(arity::check(ctx, r, &defs));
        return out;
    }
    if builtins::is_builtin(Lang::Go, name) {
        return vec![Outcome::Resolved];
    }
    for imp in ctx.facts.imports.iter().filter(|i| i.wildcard) {
        match dot_import_provides(ctx, imp, name) {
            Some(Some(defs)) => {
                let defs: Vec<&Definition> = defs.iter().collect();
                let mut out = vec![Outcome::Resolved];
                out.extend(arity::check(ctx, r, &defs));
                return out;
            }
            Some(None) => {}
            None => return vec![skipped!()],
        }
    }
    if !pkg.complete() || mentioned_in_code(ctx, r) {
        return vec![skipped!()];
    }
    let what = if r.kind == RefKind::Type {
        "type"
    } else {
        "name"
    };
    vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!("undefined: {name}"),
        vec![
            "locals, parameters and closures in scope: no".into(),
            format!(
                "package {pkg_name} ({} file(s) in {}/): no {what} '{name}'",
                pkg.files.len(),
                if file_dir(ctx.path).is_empty() {
                    "."
                } else {
                    file_dir(ctx.path)
                }
            ),
            "Go predeclared identifiers: no".into(),
        ],
        ctx.candidates(name, &pkg.pool(false)),
        0.85,
    ))]
}

/// What a dot import brings under `name`: `Some(Some(defs))` when it has
/// it (with its definitions, empty for the standard library),
/// `Some(None)` when it surely has not, `None` when its members are unknown.
fn dot_import_provides(ctx: &FileCtx, imp: &Import, name: &str) -> Option<Option<Vec<Definition>>> {
    let dir = match locate(ctx, &imp.module) {
        Loc::Std => {
            let has = builtins::stdlib_module(Lang::Go, &imp.module)?.member(name)?;
            return Some(has.then(Vec::new));
        }
        Loc::Project { dir, .. } => project_dir(ctx, &dir),
        Loc::Dep { dir: Some(p), .. } => dep_dir(ctx, &p),
        _ => return None,
    };
    let pkg = dir.importable();
    let top: Vec<Definition> = pkg
        .top(name)
        .into_iter()
        .filter(|(_, d)| is_exported(&d.name))
        .map(|(_, d)| d.clone())
        .collect();
    if !top.is_empty() {
        Some(Some(top))
    } else {
        pkg.complete().then_some(None)
    }
}

/// One import of the file and the name it binds (`None`: the package's
/// files declare several, or the path has no identifier-like last element).
struct Binding<'f> {
    name: Option<String>,
    imp: &'f Import,
    loc: Loc,
    dir: Option<Rc<Dir>>,
}

fn bindings<'f>(ctx: &FileCtx<'f, '_>) -> Vec<Binding<'f>> {
    let mut out = Vec::new();
    for imp in ctx.facts.imports.iter().filter(|i| !i.wildcard) {
        let loc = locate(ctx, &imp.module);
        let dir = match &loc {
            Loc::Project { dir, .. } => Some(project_dir(ctx, dir)),
            Loc::Dep { dir: Some(p), .. } => Some(dep_dir(ctx, p)),
            _ => None,
        };
        let name = match (&imp.alias, &loc, &dir) {
            (Some(a), _, _) => Some(a.clone()),
            (None, Loc::Std, _) => guessed_name(&imp.module),
            (None, _, Some(d)) => match d.import_names().as_slice() {
                [one] => Some(one.to_string()),
                _ => None,
            },
            // No source at hand: the usual name, good enough to say which
            // import a qualifier most likely means (never to report it).
            (None, _, None) => guessed_name(&imp.module),
        };
        out.push(Binding {
            name,
            imp,
            loc,
            dir,
        });
    }
    out
}

/// The import a qualifier names: where it leads, its directory when the
/// source is at hand, and its path.
pub(super) fn import_target(ctx: &FileCtx, q: &str) -> Option<(Loc, Option<Rc<Dir>>, String)> {
    bindings(ctx)
        .into_iter()
        .find(|b| b.name.as_deref() == Some(q))
        .map(|b| (b.loc, b.dir, b.imp.module.clone()))
}

fn qualified(ctx: &FileCtx, r: &Reference, q: &str) -> Vec<Outcome> {
    let as_name = Reference {
        name: q.to_string(),
        ..r.clone()
    };
    if ctx.local_binds(&as_name) {
        // Only a call selects from a value; a type `q.T` inside a function
        // whose parameter `q` shadows the package is still the package's
        // (parameter scopes cover the signature).
        return match r.kind {
            RefKind::Call if r.arg_count.is_some() => methods::on_local(ctx, r, q),
            _ => vec![skipped!()],
        };
    }
    let binds = bindings(ctx);
    let Some(b) = binds.iter().find(|b| b.name.as_deref() == Some(q)) else {
        // A package-level value, or a package whose name is unknown.
        if r.kind == RefKind::Call
            && r.arg_count.is_some()
            && binds.iter().all(|b| b.name.is_some())
        {
            return methods::on_package_var(ctx, r, q);
        }
        return vec![skipped!()];
    };
    match (&b.loc, &b.dir) {
        (Loc::Std, _) => std_member(ctx, r, q, &b.imp.module),
        (Loc::Project { .. } | Loc::Dep { .. }, Some(d)) => {
            package_member(ctx, r, q, &b.imp.module, &d.importable())
        }
        // The module is there without this package: the import says so.
        (
            Loc::Dep {
                module_dir: Some(_),
                ..
            },
            None,
        ) => vec![skipped!()],
        (
            Loc::Dep {
                module, version, ..
            },
            None,
        ) => {
            if !ctx.first_time(&format!("go-unverifiable:{module}")) {
                return vec![skipped!()];
            }
            vec![Outcome::Found(ctx.finding(
                FindingKind::Unverifiable,
                &r.span,
                format!(
                    "the source of module {module} {} is not in the module cache or vendor/; '{q}.{}' cannot be checked",
                    version.as_deref().unwrap_or(""),
                    r.name
                ),
                vec!["searched $GOMODCACHE (or $GOPATH/pkg/mod) and vendor/".into()],
                Vec::new(),
                0.3,
            ))]
        }
        _ => vec![skipped!()],
    }
}

fn std_member(ctx: &FileCtx, r: &Reference, q: &str, module: &str) -> Vec<Outcome> {
    match builtins::lookup(Lang::Go, &format!("{module}.{}", r.name)) {
        Lookup::Member(..) => vec![Outcome::Resolved],
        Lookup::MissingMember(m, member) => {
            let pool: Vec<(String, String, u32)> = m
                .members()
                .iter()
                .map(|s| (s.to_string(), format!("<go std {}>", m.name), 0))
                .collect();
            vec![Outcome::Found(ctx.finding(
                FindingKind::UnknownSymbol,
                &r.span,
                format!("undefined: {q}.{member}"),
                vec![format!(
                    "Go standard library package {} ({} members)",
                    m.name,
                    m.members().len()
                )],
                ctx.candidates(&member, &pool),
                0.85,
            ))]
        }
        _ => vec![skipped!()],
    }
}

fn package_member(ctx: &FileCtx, r: &Reference, q: &str, path: &str, pkg: &Pkg) -> Vec<Outcome> {
    let top = pkg.top(&r.name);
    if !top.is_empty() && is_exported(&r.name) {
        let mut out = vec![Outcome::Resolved];
        let defs: Vec<_> = top.iter().map(|(_, d)| *d).collect();
        out.extend(arity::check(ctx, r, &defs));
        return out;
    }
    if let Some((file, d)) = top.first() {
        return vec![Outcome::Found(ctx.finding(
            FindingKind::UnknownSymbol,
            &r.span,
            format!("cannot refer to unexported name {q}.{}", r.name),
            vec![format!(
                "{} {} is defined at {file}:{} but not exported",
                d.kind.name(),
                d.name,
                d.name_span.start_line
            )],
            ctx.candidates(&r.name, &pkg.pool(true)),
            0.85,
        ))];
    }
    if !pkg.complete() {
        return vec![skipped!()];
    }
    vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!("undefined: {q}.{}", r.name),
        vec![format!(
            "package {path} ({} file(s)): no package-level '{}'",
            pkg.files.len(),
            r.name
        )],
        ctx.candidates(&r.name, &pkg.pool(true)),
        0.85,
    ))]
}

/// Whether `r`'s name occurs in the file's code (not in a comment or a
/// string) somewhere other than at an extracted reference: a binding the
/// adapter does not record. Comments that mention a new function's name
/// (`// fetchUser loads…`) do not count.
fn mentioned_in_code(ctx: &FileCtx, r: &Reference) -> bool {
    let starts: std::collections::HashSet<usize> = ctx
        .facts
        .references
        .iter()
        .filter(|x| x.name == r.name)
        .map(|x| x.span.start_byte as usize)
        .collect();
    let hits: Vec<usize> = super::super::word_positions(ctx.text, &r.name)
        .filter(|p| !starts.contains(p))
        .collect();
    if hits.is_empty() {
        return false;
    }
    let b = ctx.text.as_bytes();
    let (mut i, mut next) = (0usize, 0usize);
    while i < b.len() && next < hits.len() {
        let skip_to = match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => b[i..]
                .iter()
                .position(|&c| c == b'\n')
                .map_or(b.len(), |e| i + e),
            b'/' if b.get(i + 1) == Some(&b'*') => ctx.text[i + 2..]
                .find("*/")
                .map_or(b.len(), |e| i + 2 + e + 2),
            b'`' => ctx.text[i + 1..]
                .find('`')
                .map_or(b.len(), |e| i + 1 + e + 1),
            q @ (b'"' | b'\'') => {
                let mut j = i + 1;
                while j < b.len() && b[j] != q && b[j] != b'\n' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                j + 1
            }
            _ => {
                if hits[next] == i {
                    return true;
                }
                i += 1;
                continue;
            }
        };
        // Hits inside the comment or string are not code.
        while next < hits.len() && hits[next] < skip_to {
            next += 1;
        }
        i = skip_to;
    }
    false
}

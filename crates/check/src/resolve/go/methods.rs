//! `x.M` where the type of `x` is certain without type inference: a
//! parameter or the receiver of the enclosing function (not rebound inside
//! it), or a local whose one declaration writes the type (`x := &T{…}`,
//! `var x T`, `x := new(T)`), with a named type: a struct or a defined non-struct type
//! of this package or of an imported project/dependency package, or a
//! standard-library type (whose API list includes promoted members). A
//! package type's members are the methods and fields declared for it in the
//! package's files plus those promoted from embedded fields that resolve
//! (same-package types, standard-library types); any embedded type that does
//! not resolve makes the member set unknown, and the reference is skipped.

use plumb_facts::{DefKind, Definition, Lang, ParamKind, Reference};

use super::super::{FileCtx, Outcome};
use super::modules::Loc;
use super::packages::{Pkg, project_dir};
use super::{arity, file_dir, names, own_package};
use crate::builtins;
use crate::report::FindingKind;

/// A reference `q.name` where `q` is a local binding.
pub(super) fn on_local(ctx: &FileCtx, r: &Reference, q: &str) -> Vec<Outcome> {
    let func = ctx
        .facts
        .definitions
        .iter()
        .filter(|d| {
            matches!(d.kind, DefKind::Method | DefKind::Function) && d.span.contains(&r.span)
        })
        .min_by_key(|d| d.span.end_byte - d.span.start_byte);
    let param = func.and_then(|f| f.params.as_ref()).and_then(|p| {
        p.list.iter().find(|x| {
            x.name == q && matches!(x.kind, ParamKind::Receiver | ParamKind::PositionalOnly)
        })
    });
    // Exactly one binding of `q` reaches the reference: the parameter's or
    // one local declaration's.
    let reaching: Vec<_> = ctx
        .facts
        .locals
        .iter()
        .filter(|l| l.name == q && l.scope.contains(&r.span))
        .collect();
    let declared = match (param, reaching.as_slice()) {
        (Some(p), [_]) => p.type_text.clone(),
        (None, [one]) => local_type(ctx, r, q, &one.scope),
        _ => None,
    };
    let Some(ty) = declared.as_deref() else {
        return vec![skipped!()];
    };
    let module_of = |p: &str| names::import_target(ctx, p).map(|(_, _, m)| m);
    members_of_type(ctx, r, q, ty, &module_of)
}

/// `q.name` where `q` is a package-level variable of this package whose
/// declaration writes its type (`var db *sql.DB`, `var root = &Command{…}`).
/// The type's qualifier is read with the declaring file's imports.
pub(super) fn on_package_var(ctx: &FileCtx, r: &Reference, q: &str) -> Vec<Outcome> {
    let Some(pkg_name) = own_package(ctx) else {
        return vec![skipped!()];
    };
    let dir = project_dir(ctx, file_dir(ctx.path));
    let pkg = dir.package(&pkg_name);
    let [(path, def)] = pkg.top(q)[..] else {
        return vec![skipped!()];
    };
    if def.kind != DefKind::Variable {
        return vec![skipped!()];
    }
    // Spans from the file's own text (the index may be older than the disk).
    let Some(rc) = ctx.project.facts_of(path) else {
        return vec![skipped!()];
    };
    let Some(def) =
        rc.1.definitions
            .iter()
            .find(|d| d.name == def.name && d.container.is_none() && d.kind == DefKind::Variable)
    else {
        return vec![skipped!()];
    };
    let spec =
        rc.0.get(def.name_span.end_byte as usize..def.span.end_byte as usize)
            .unwrap_or("")
            .trim_start_matches([' ', '\t']);
    if spec.starts_with(',') {
        // `var a, b = f()`: no type written for one name.
        return vec![skipped!()];
    }
    let ty = match spec.strip_prefix('=') {
        Some(v) => type_of_value(v.trim_start()),
        None => {
            let t = spec
                .split(['=', ' ', '\t', '\n', '/', ';'])
                .next()
                .unwrap_or("");
            (!t.is_empty()).then(|| t.to_string())
        }
    };
    let Some(ty) = ty else {
        return vec![skipped!()];
    };
    let imports = ctx.project.imports_of(path);
    let module_of = |p: &str| {
        imports
            .iter()
            .find(|i| match &i.alias {
                Some(a) => a == p,
                None => super::modules::guessed_name(&i.module).as_deref() == Some(p),
            })
            .map(|i| i.module.clone())
    };
    members_of_type(ctx, r, q, &ty, &module_of)
}

/// `q.name` where `q` has the type written `ty` (`*T`, `pkg.T`, `T[int]`);
/// `module_of` gives the import path a qualifier stands for.
fn members_of_type(
    ctx: &FileCtx,
    r: &Reference,
    q: &str,
    ty: &str,
    module_of: &dyn Fn(&str) -> Option<String>,
) -> Vec<Outcome> {
    let t = ty.trim_start_matches('*').trim();
    let t = t.split('[').next().unwrap_or(t);
    let (pkg_q, ty) = match t.split_once('.') {
        Some((p, n)) => (Some(p), n),
        None => (None, t),
    };
    let as_ref = |name: &str| Reference {
        name: name.to_string(),
        ..r.clone()
    };
    if !super::is_ident(ty)
        || pkg_q.is_some_and(|p| !super::is_ident(p))
        || ctx.local_binds(&as_ref(ty))
    {
        // A literal type, or a generic type parameter.
        return vec![skipped!()];
    }
    let Some(p) = pkg_q else {
        if ty == "error" {
            return std_members(ctx, r, q, "error", &["Error"]);
        }
        let Some(pkg_name) = own_package(ctx) else {
            return vec![skipped!()];
        };
        let dir = project_dir(ctx, file_dir(ctx.path));
        return members_of(ctx, r, q, ty, &dir.package(&pkg_name));
    };
    let Some(module) = module_of(p) else {
        return vec![skipped!()];
    };
    match super::modules::locate(ctx, &module) {
        Loc::Std => match builtins::stdlib_module(Lang::Go, &format!("{module}.{ty}")) {
            Some(m) if m.members_known() => {
                std_members(ctx, r, q, &format!("{p}.{ty}"), m.members())
            }
            _ => vec![skipped!()],
        },
        Loc::Project { dir, .. } => members_of(ctx, r, q, ty, &project_dir(ctx, &dir).importable()),
        Loc::Dep { dir: Some(d), .. } => members_of(
            ctx,
            r,
            q,
            ty,
            &super::packages::dep_dir(ctx, &d).importable(),
        ),
        _ => vec![skipped!()],
    }
}

/// The type a local declaration gives `q` when the text says it outright:
/// `q := T{…}`, `q := &pkg.T{…}`, `q := new(T)`, `var q T`, `var q = T{…}`,
/// the only declaration of `q` between its scope's start and the reference
/// (a list `a, q :=` gives no type and is a redeclaration or in another scope).
fn local_type(ctx: &FileCtx, r: &Reference, q: &str, scope: &plumb_facts::Span) -> Option<String> {
    let text = ctx
        .text
        .get(scope.start_byte as usize..r.span.start_byte as usize)?;
    let mut decl: Option<Option<String>> = None;
    for pos in super::super::word_positions(text, q) {
        let before = text[..pos].trim_end_matches([' ', '\t']);
        let after = text[pos + q.len()..].trim_start_matches([' ', '\t']);
        if before.ends_with(',') || after.starts_with(',') {
            continue;
        }
        let is_var = before.ends_with("var")
            && !before[..before.len() - 3].ends_with(|c: char| c.is_alphanumeric() || c == '_');
        let is_short = after.starts_with(":=");
        if !is_var && !is_short {
            continue;
        }
        if decl.is_some() {
            return None;
        }
        decl = Some(if is_short {
            type_of_value(after[2..].trim_start())
        } else if let Some(v) = after.strip_prefix('=') {
            type_of_value(v.trim_start())
        } else {
            let t = after
                .split(['=', ' ', '\t', '\n', '/', ';'])
                .next()
                .unwrap_or("");
            (!t.is_empty()).then(|| t.to_string())
        });
    }
    decl.flatten()
}

/// `T` from a value written `&T{…}`, `T{…}` or `new(T)` with nothing after it.
fn type_of_value(v: &str) -> Option<String> {
    let (t, rest) = if let Some(inner) = v.strip_prefix("new(") {
        let end = inner.find(')')?;
        (&inner[..end], &inner[end + 1..])
    } else {
        let lit = v.strip_prefix('&').unwrap_or(v);
        let open = lit.find('{')?;
        let mut depth = 0usize;
        let mut close = None;
        for (i, c) in lit[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(open + i);
                        break;
                    }
                }
                _ => {}
            }
        }
        (lit[..open].trim(), &lit[close? + 1..])
    };
    let rest = rest.trim_start_matches([' ', '\t']);
    if !(rest.is_empty() || rest.starts_with(['\n', '\r', ';']) || rest.starts_with("//")) {
        // `T{}.Method()`, `new(T).Init()`: the value is something else.
        return None;
    }
    let bare = t.split('[').next().unwrap_or(t);
    (bare != "map" && bare != "struct" && bare.split('.').all(super::is_ident))
        .then(|| t.to_string())
}

/// `q.name` against a standard-library type's listed members.
fn std_members(ctx: &FileCtx, r: &Reference, q: &str, ty: &str, members: &[&str]) -> Vec<Outcome> {
    if members.contains(&r.name.as_str()) {
        return vec![Outcome::Resolved];
    }
    let pool: Vec<(String, String, u32)> = members
        .iter()
        .map(|n| (n.to_string(), format!("<go std {ty}>"), 0))
        .collect();
    vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!(
            "{q}.{} undefined (type {ty} has no field or method {})",
            r.name, r.name
        ),
        vec![format!(
            "{q} is a parameter of type {ty}; the Go standard library lists {} field(s) and method(s) for it",
            members.len()
        )],
        ctx.candidates(&r.name, &pool),
        0.8,
    ))]
}

/// `q.name` against the members of type `ty` of package `pkg`.
fn members_of(ctx: &FileCtx, r: &Reference, q: &str, ty: &str, pkg: &Pkg) -> Vec<Outcome> {
    if !pkg.complete() {
        return vec![skipped!()];
    }
    let mut seen = Seen {
        found: Vec::new(),
        hit: false,
        names: Vec::new(),
    };
    match collect(ctx, pkg, ty, &r.name, 0, &mut seen) {
        None => vec![skipped!()],
        Some(()) if seen.hit || !seen.found.is_empty() => {
            let mut out = vec![Outcome::Resolved];
            if !seen.hit && seen.found.iter().all(|d| d.kind == DefKind::Method) {
                out.extend(arity::check(ctx, r, &seen.found));
            }
            out
        }
        Some(()) => {
            let names = seen.names;
            let pool: Vec<(String, String, u32)> = names
                .iter()
                .map(|n| (n.clone(), ctx.path.to_string(), 0))
                .collect();
            vec![Outcome::Found(ctx.finding(
                FindingKind::UnknownSymbol,
                &r.span,
                format!(
                    "{q}.{} undefined (type {ty} has no field or method {})",
                    r.name, r.name
                ),
                vec![format!(
                    "{q} is a parameter of type {ty}, which has {} field(s) and method(s)",
                    names.len()
                )],
                ctx.candidates(&r.name, &pool),
                0.8,
            ))]
        }
    }
}

/// Gather the members of `ty` named `name` into `found` and every member
/// name into `names`; `None` when the member set is not fully known.
/// A standard-library member found on the way sets `hit`.
struct Seen<'d> {
    found: Vec<&'d Definition>,
    hit: bool,
    names: Vec<String>,
}

fn collect<'d>(
    ctx: &FileCtx,
    pkg: &Pkg<'d>,
    ty: &str,
    name: &str,
    depth: u32,
    seen: &mut Seen<'d>,
) -> Option<()> {
    if depth > 4 {
        return None;
    }
    let [(path, def)] = pkg.top(ty)[..] else {
        return None;
    };
    match def.kind {
        DefKind::Struct => {}
        // A defined type over a literal type (`type Set map[string]bool`)
        // has only its own methods; an alias or a named underlying type may
        // have more.
        DefKind::TypeAlias if defined_over_literal(def) => {}
        _ => return None,
    }
    for (_, m) in pkg.members(ty) {
        seen.names.push(m.name.clone());
        if m.name == name {
            seen.found.push(m);
        }
        if m.kind == DefKind::Field
            && let Some(embedded) = embedded_type(m)
        {
            match embedded.split_once('.') {
                None => collect(ctx, pkg, &embedded, name, depth + 1, seen)?,
                Some(qt) => std_type_members(ctx, path, qt, name, &mut seen.hit, &mut seen.names)?,
            }
        }
    }
    Some(())
}

/// Members of a standard-library type embedded as `q.T` in a file of the
/// package; `hit` is set when `name` is one of them.
fn std_type_members(
    ctx: &FileCtx,
    path: &str,
    (q, t): (&str, &str),
    name: &str,
    hit: &mut bool,
    names: &mut Vec<String>,
) -> Option<()> {
    let imports = ctx.project.imports_of(path);
    let imp = imports.iter().find(|i| {
        i.alias.as_deref() == Some(q) || i.alias.is_none() && i.module.rsplit('/').next() == Some(q)
    })?;
    let m = builtins::stdlib_module(Lang::Go, &format!("{}.{t}", imp.module))?;
    if !m.members_known() {
        return None;
    }
    names.extend(m.members().iter().map(|s| s.to_string()));
    if m.member(name) == Some(true) {
        *hit = true;
    }
    Some(())
}

/// The type an embedded field names (`Base`, `sync.Mutex`), from its
/// declaration text; `None` for a named field.
fn embedded_type(field: &Definition) -> Option<String> {
    let sig = field.signature.as_deref()?;
    let decl = sig.split(['`', '"']).next().unwrap_or(sig).trim();
    // A named field has its type after a space outside brackets
    // (`items []Item`, `a, b int`); an embedded one is a type alone
    // (`*Base`, `sync.Mutex`, `List[K, V]`).
    let mut depth = 0i32;
    for c in decl.chars() {
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            ' ' | ',' if depth == 0 => return None,
            _ => {}
        }
    }
    let t = decl.trim_start_matches('*');
    let t = t.split('[').next().unwrap_or(t);
    let last = t.rsplit('.').next().unwrap_or(t);
    (last == field.name).then(|| t.to_string())
}

fn defined_over_literal(def: &Definition) -> bool {
    let Some(sig) = def.signature.as_deref() else {
        return false;
    };
    // `type Name[T any] underlying` or `Name underlying`.
    let rest = sig.trim_start_matches("type").trim_start();
    let Some(rest) = rest.strip_prefix(def.name.as_str()) else {
        return false;
    };
    let rest = if rest.starts_with('[') {
        match rest.find(']') {
            // A generic parameter list, unless it is an array length.
            Some(i) if rest[1..i].contains(' ') => &rest[i + 1..],
            _ => rest,
        }
    } else {
        rest
    };
    let under = rest.trim_start();
    if under.starts_with('=') {
        return false;
    }
    under.starts_with('[')
        || under.starts_with("map[")
        || under.starts_with("func")
        || under.starts_with("chan")
        || builtins::is_builtin(Lang::Go, under.split_whitespace().next().unwrap_or(""))
}

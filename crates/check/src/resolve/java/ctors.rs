//! `new C(..)`: the class named must exist in scope, and some constructor
//! overload (the implicit no-argument one when none is declared) must take
//! the arguments; and the arity rule every call shares: a finding only when
//! no overload fits and all are known.

use std::rc::Rc;

use plumb_facts::{DefKind, Params, Reference};

use super::super::{FileCtx, Outcome};
use super::calls::{absent_from_class, enclosing, named_only};
use super::project::{ClassInfo, JFile, nested};
use super::types::{Found, Ty, inherited_type, resolve};
use crate::report::FindingKind;

/// `new C(..)`, resolved in the scope of the reference.
pub(super) fn constructor(ctx: &FileCtx, f: &Rc<JFile>, r: &Reference) -> Outcome {
    let enc = enclosing(ctx, f, r);
    if enc.iter().any(|c| c.is_none()) {
        return skipped!();
    }
    let named = named_only(&enc);
    let full = match &r.qualifier {
        Some(q) => format!("{q}.{}", r.name),
        None => r.name.clone(),
    };
    if r.qualifier.is_none() && (ctx.local_binds(r) || ctx.bound_elsewhere(&r.name)) {
        // A type parameter, a local class, or a name the file mentions otherwise.
        return match resolve(ctx, f, &named, &full) {
            Ty::Project(c) => constructor_arity(ctx, r, &c),
            _ => skipped!(),
        };
    }
    match resolve(ctx, f, &named, &full) {
        Ty::Project(c) => constructor_arity(ctx, r, &c),
        Ty::Jdk(_) => Outcome::Resolved,
        Ty::Unknown => match &r.qualifier {
            Some(q) => member_class(ctx, f, &named, q, r),
            None => skipped!(),
        },
        Ty::Missing => {
            if r.qualifier.is_some()
                || !f.ok
                || super::project::index(ctx).maybe_generated(&r.name, ctx.path)
            {
                return skipped!();
            }
            let pool: Vec<(String, String, u32)> = f
                .defs
                .iter()
                .filter(|d| super::project::is_type(d.kind))
                .map(|d| (d.name.clone(), f.path.clone(), d.name_span.start_line))
                .collect();
            Outcome::Found(ctx.finding(
                FindingKind::UnknownSymbol,
                &r.span,
                format!("class '{}' is not declared, imported or in package {}", r.name, display_pkg(&f.package)),
                vec![
                    "enclosing and nested classes, the file's types, its imports, its package, java.lang: no".into(),
                ],
                ctx.candidates(&r.name, &pool),
                0.85,
            ))
        }
    }
}

/// `new Outer.Name(..)` that [`resolve`] left unknown: `Outer` a project
/// class whose file was read in full, without Lombok (whose `@Builder`
/// writes member classes); a finding when neither its body nor its
/// supertypes (all known) declare a member class `Name`.
fn member_class(
    ctx: &FileCtx,
    f: &Rc<JFile>,
    named: &[ClassInfo],
    q: &str,
    r: &Reference,
) -> Outcome {
    let Ty::Project(c) = resolve(ctx, f, named, q) else {
        return skipped!();
    };
    let idx = super::project::index(ctx);
    if !f.ok
        || !c.file.ok
        || c.file.lombok
        || c.header_cut
        || c.ambiguous
        || idx.other_jvm
        || idx.maybe_generated(&r.name, ctx.path)
        || nested(&c, &r.name).is_some()
    {
        return skipped!();
    }
    match inherited_type(ctx, &c, &r.name, 0) {
        Some(Ty::Project(n)) => return constructor_arity(ctx, r, &n),
        Some(Ty::Jdk(_)) => return Outcome::Resolved,
        Some(_) => return skipped!(),
        None => {}
    }
    let pool: Vec<(String, String, u32)> = c
        .members()
        .filter(|d| super::project::is_type(d.kind))
        .map(|d| (d.name.clone(), c.file.path.clone(), d.name_span.start_line))
        .collect();
    absent_from_class(ctx, r, &c, "member class", &pool)
}

fn display_pkg(p: &str) -> &str {
    if p.is_empty() { "(default)" } else { p }
}

fn constructor_arity(ctx: &FileCtx, r: &Reference, c: &ClassInfo) -> Outcome {
    // Records always have their canonical constructor besides any declared.
    if c.file.lombok || !c.file.ok || c.kind != DefKind::Class || c.record || c.ambiguous {
        return Outcome::Resolved;
    }
    let ctors: Vec<&plumb_facts::Definition> = c
        .members()
        .filter(|d| d.kind == DefKind::Method && d.name == c.name)
        .collect();
    let mut found = Found {
        complete: true,
        ..Default::default()
    };
    if ctors.is_empty() {
        found.overloads.push(Some(Params::default()));
        found.sites.push((c.file.path.clone(), 0));
    }
    for d in ctors {
        found.overloads.push(d.params.clone());
        found
            .sites
            .push((c.file.path.clone(), d.name_span.start_line));
    }
    arity(ctx, r, &found, &format!("constructor of {}", c.qual))
}

/// Whether any overload takes the call's arguments; a finding when none
/// does and all are known.
pub(super) fn arity(ctx: &FileCtx, r: &Reference, found: &Found, what: &str) -> Outcome {
    let Some(n) = r.arg_count else {
        return Outcome::Resolved;
    };
    if !found.complete || found.overloads.iter().any(|p| p.is_none()) {
        return Outcome::Resolved;
    }
    let params: Vec<&Params> = found.overloads.iter().flatten().collect();
    if params.iter().any(|p| p.call_fits(n, &[], false).is_ok()) {
        return Outcome::Resolved;
    }
    let shapes: Vec<String> = params
        .iter()
        .zip(&found.sites)
        .map(|(p, (path, line))| format!("{} at {path}:{line}", p.summary()))
        .collect();
    Outcome::Found(ctx.finding(
        FindingKind::ArityMismatch,
        &r.span,
        format!(
            "{what} takes {}, not {n} argument(s)",
            if params.len() == 1 {
                params[0].summary()
            } else {
                format!("one of {} overloads", params.len())
            }
        ),
        shapes,
        Vec::new(),
        0.85,
    ))
}

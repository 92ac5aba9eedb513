//! Java calls: bare `m(..)` through the enclosing classes (innermost class
//! with a method of that name wins, as in JLS 15.12.1) and their project
//! supertypes, static imports; `this.m(..)`, `super.m(..)`, `Type.m(..)` for
//! project types and JDK classes the generated list describes; `new C(..)`
//! and its constructor overloads. Arity is reported only when no overload
//! fits and every overload is known.
//!
//! Calls on values (`x.m()`), method references and type references are
//! not checked here: they stay Skipped.

use std::rc::Rc;

use plumb_facts::{DefKind, Lang, RefKind, Reference};

use super::ctors::{arity, constructor};

use super::super::{FileCtx, Outcome};
use super::context::{Scope, scopes};
use super::project::{ClassInfo, JFile, file};
use super::types::{self, Found, Ty, methods, resolve};
use crate::builtins;
use crate::report::FindingKind;

pub fn check_ref(ctx: &FileCtx, r: &Reference) -> Vec<Outcome> {
    if r.kind != RefKind::Call {
        return vec![skipped!()];
    }
    let f = file(ctx, ctx.path);
    let out = if is_new(ctx, r) {
        constructor(ctx, &f, r)
    } else {
        match r.qualifier.as_deref() {
            None => bare(ctx, &f, r),
            Some("this") => this_call(ctx, &f, r, false),
            Some("super") => this_call(ctx, &f, r, true),
            Some(q) => static_call(ctx, &f, r, q),
        }
    };
    vec![out]
}

/// `new C(..)`, `new a.b.C(..)`, `new C<>(..)` (not `outer.new C(..)`).
fn is_new(ctx: &FileCtx, r: &Reference) -> bool {
    let before = ctx.text.get(..r.span.start_byte as usize).unwrap_or("");
    let before = match &r.qualifier {
        Some(q) => before
            .trim_end()
            .trim_end_matches('.')
            .trim_end()
            .strip_suffix(q.as_str())
            .unwrap_or(""),
        None => before,
    };
    let b = before.trim_end();
    b.ends_with("new")
        && !b[..b.len() - 3].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '.')
}

/// The enclosing class bodies, resolved: `None` for one the checker cannot describe.
pub(super) fn enclosing(ctx: &FileCtx, f: &Rc<JFile>, r: &Reference) -> Vec<Option<ClassInfo>> {
    let named: Vec<ClassInfo> = scopes(ctx, f, r.span.start_byte)
        .into_iter()
        .filter_map(|s| match s {
            Scope::Named(c) => Some(c),
            _ => None,
        })
        .collect();
    scopes(ctx, f, r.span.start_byte)
        .into_iter()
        .map(|s| match s {
            Scope::Named(c) => Some(c),
            Scope::Anon(t) => match resolve(ctx, f, &named, &t) {
                Ty::Project(c) => Some(c),
                _ => None,
            },
            Scope::Opaque => None,
        })
        .collect()
}

pub(super) fn named_only(enc: &[Option<ClassInfo>]) -> Vec<ClassInfo> {
    enc.iter().flatten().cloned().collect()
}

fn bare(ctx: &FileCtx, f: &Rc<JFile>, r: &Reference) -> Outcome {
    if declared_off_facts(ctx, f, &r.name) {
        // A method of an anonymous or local class, which the facts do not
        // record: neither missing nor of known arity.
        return skipped!();
    }
    let enc = enclosing(ctx, f, r);
    if enc.is_empty() {
        return skipped!();
    }
    let mut pool: Vec<(String, String, u32)> = Vec::new();
    for c in &enc {
        let Some(c) = c else {
            return skipped!();
        };
        let found = methods(ctx, c, &r.name);
        if !found.overloads.is_empty() {
            return super::ctors::arity(ctx, r, &found, &method_what(&found, &c.qual, &r.name));
        }
        if !found.complete {
            return skipped!();
        }
        pool.extend(method_pool(c));
    }
    if let Some(o) = static_imported(ctx, f, r) {
        return o;
    }
    if ctx.bound_elsewhere(&r.name) {
        // Mentioned elsewhere in the file: not provably missing.
        return skipped!();
    }
    if !f.ok {
        return skipped!();
    }
    let cands = ctx.candidates(&r.name, &pool);
    Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!(
            "'{}' is not a method of the enclosing class or a static import",
            r.name
        ),
        vec![
            format!(
                "enclosing classes: {}",
                enc.iter().flatten().map(|c| c.qual.as_str()).collect::<Vec<_>>().join(", ")
            ),
            "their supertypes (all in the project or the JDK list) and static imports: no".into(),
        ],
        cands,
        0.85,
    ))
}

/// Whether the file declares a method `name` that its facts do not record
/// (in an anonymous class body).
fn declared_off_facts(ctx: &FileCtx, f: &JFile, name: &str) -> bool {
    let refs: std::collections::HashSet<u32> = ctx
        .facts
        .references
        .iter()
        .filter(|r| r.name == name)
        .map(|r| r.span.start_byte)
        .collect();
    super::super::word_positions(ctx.text, name).any(|p| {
        !refs.contains(&(p as u32))
            && !f.defs.iter().any(|d| d.name_span.start_byte == p as u32)
            && super::context::declares_method_at(ctx, p)
    })
}

/// Static imports that may bring `r.name` in: `Some` when one does or may.
fn static_imported(ctx: &FileCtx, f: &Rc<JFile>, r: &Reference) -> Option<Outcome> {
    // Single-static-imports of the name: their overloads together (several
    // classes may each bring some).
    let single: Vec<&plumb_facts::Import> = f
        .static_imports
        .iter()
        .filter(|i| i.names.iter().any(|n| n.name == r.name))
        .collect();
    if !single.is_empty() {
        let mut all = Found {
            complete: true,
            ..Default::default()
        };
        for imp in single {
            match types::by_fqn(ctx, &imp.module) {
                Ty::Project(c) => {
                    let g = methods(ctx, &c, &r.name);
                    all.complete &= g.complete;
                    all.owner = all.owner.or(g.owner);
                    all.overloads.extend(g.overloads);
                    all.sites.extend(g.sites);
                }
                _ => return Some(Outcome::Resolved),
            }
        }
        if all.overloads.is_empty() {
            // A static field, or a member the import line itself gets wrong.
            return Some(Outcome::Resolved);
        }
        let qual = all.owner.clone().unwrap_or_default();
        return Some(arity(ctx, r, &all, &method_what(&all, &qual, &r.name)));
    }
    for imp in &f.static_imports {
        if imp.wildcard {
            match types::by_fqn(ctx, &imp.module) {
                Ty::Project(c) => {
                    let found = methods(ctx, &c, &r.name);
                    if !found.overloads.is_empty() {
                        return Some(arity(
                            ctx,
                            r,
                            &found,
                            &method_what(&found, &c.qual, &r.name),
                        ));
                    }
                    if !found.complete {
                        return Some(skipped!());
                    }
                }
                Ty::Jdk(fqn) => match builtins::stdlib_module(Lang::Java, &fqn)
                    .and_then(|m| m.member(&r.name))
                {
                    Some(false) => {}
                    Some(true) => return Some(Outcome::Resolved),
                    None => return Some(skipped!()),
                },
                _ => return Some(skipped!()),
            }
        }
    }
    None
}

/// `method Owner.name`, naming the class that declares it where known.
pub(super) fn method_what(found: &Found, qual: &str, name: &str) -> String {
    format!("method {}.{name}", found.owner.as_deref().unwrap_or(qual))
}

/// The finding for `Type.name` that neither `c` nor its supertypes (all
/// known) declare as a `what` (method, member class).
pub(super) fn absent_from_class(
    ctx: &FileCtx,
    r: &Reference,
    c: &ClassInfo,
    what: &str,
    pool: &[(String, String, u32)],
) -> Outcome {
    Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!("class {} has no {what} '{}'", c.qual, r.name),
        vec![format!(
            "{} ({}) and its supertypes (all known): no {what} '{}'",
            c.qual, c.file.path, r.name
        )],
        ctx.candidates(&r.name, pool),
        0.85,
    ))
}

fn method_pool(c: &ClassInfo) -> Vec<(String, String, u32)> {
    c.members()
        .filter(|d| d.kind == DefKind::Method && d.name != c.name)
        .map(|d| (d.name.clone(), c.file.path.clone(), d.name_span.start_line))
        .collect()
}

fn this_call(ctx: &FileCtx, f: &Rc<JFile>, r: &Reference, sup: bool) -> Outcome {
    if !sup && declared_off_facts(ctx, f, &r.name) {
        // `this.m()` in an anonymous class or enum constant body declaring `m`.
        return skipped!();
    }
    let enc = enclosing(ctx, f, r);
    let Some(Some(c)) = enc.first() else {
        return skipped!();
    };
    let found = if sup {
        let mut all = Found {
            complete: true,
            ..Default::default()
        };
        let named = named_only(&enc);
        for s in &c.supers {
            match resolve(ctx, &c.file, &named[1.min(named.len())..], &s.name) {
                Ty::Project(p) => {
                    let g = methods(ctx, &p, &r.name);
                    all.overloads.extend(g.overloads);
                    all.sites.extend(g.sites);
                    all.owner = all.owner.or(g.owner);
                    all.complete &= g.complete;
                }
                _ => all.complete = false,
            }
        }
        if c.header_cut || c.ambiguous || c.file.lombok {
            all.complete = false;
        }
        all
    } else {
        methods(ctx, c, &r.name)
    };
    if !found.overloads.is_empty() {
        return super::ctors::arity(ctx, r, &found, &method_what(&found, &c.qual, &r.name));
    }
    if !found.complete || !f.ok {
        return skipped!();
    }
    let pool = method_pool(c);
    Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!(
            "'{}' is not a method of {}{}",
            r.name,
            if sup { "the supertypes of " } else { "" },
            c.qual
        ),
        vec![format!(
            "{} and its supertypes (all known): no method '{}'",
            c.qual, r.name
        )],
        ctx.candidates(&r.name, &pool),
        0.85,
    ))
}

/// `Type.m(..)` where `Type` names a class (not a variable).
fn static_call(ctx: &FileCtx, f: &Rc<JFile>, r: &Reference, q: &str) -> Outcome {
    if q.starts_with(char::is_lowercase) && q.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return value_call(ctx, f, r, q);
    }
    let first = q.split('.').next().unwrap_or(q);
    let type_like = first.starts_with(char::is_uppercase) && first.chars().any(char::is_lowercase);
    if !type_like
        || !q
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
        || super::super::scope::local_binds(ctx.facts, first, &r.span)
    {
        return skipped!();
    }
    let enc = enclosing(ctx, f, r);
    let named = named_only(&enc);
    // A field of that name in the enclosing classes shadows the type.
    for c in &enc {
        let Some(c) = c else {
            return skipped!();
        };
        if c.members()
            .any(|d| d.name == first && matches!(d.kind, DefKind::Field | DefKind::Constant))
        {
            return skipped!();
        }
    }
    match resolve(ctx, f, &named, q) {
        Ty::Project(c) => {
            let found = methods(ctx, &c, &r.name);
            if !found.overloads.is_empty() {
                return super::ctors::arity(ctx, r, &found, &method_what(&found, &c.qual, &r.name));
            }
            if !found.complete || !f.ok {
                return skipped!();
            }
            absent_from_class(ctx, r, &c, "method", &method_pool(&c))
        }
        Ty::Jdk(fqn) => {
            let Some(m) = builtins::stdlib_module(Lang::Java, &fqn) else {
                return skipped!();
            };
            if super::project::jdk_newer(ctx) && m.member(&r.name) != Some(true) {
                return skipped!();
            }
            match m.member(&r.name) {
                Some(true) => Outcome::Resolved,
                Some(false)
                    if m.members()
                        .iter()
                        .any(|x| x.starts_with(char::is_lowercase)) =>
                {
                    let pool: Vec<(String, String, u32)> = m
                        .members()
                        .iter()
                        .map(|x| (x.to_string(), format!("<jdk {fqn}>"), 0))
                        .collect();
                    Outcome::Found(ctx.finding(
                        FindingKind::UnknownSymbol,
                        &r.span,
                        format!("{fqn} has no public member '{}'", r.name),
                        vec![format!(
                            "JDK public members of {fqn} ({}): no",
                            m.members().len()
                        )],
                        ctx.candidates(&r.name, &pool),
                        0.8,
                    ))
                }
                _ => skipped!(),
            }
        }
        _ => skipped!(),
    }
}

/// `x.m(..)` where `x` is declared with a project class.
fn value_call(ctx: &FileCtx, f: &Rc<JFile>, r: &Reference, var: &str) -> Outcome {
    let enc = enclosing(ctx, f, r);
    let named = named_only(&enc);
    let Some(c) = super::values::receiver_class(ctx, f, &named, r.span.start_byte, var) else {
        return skipped!();
    };
    let found = methods(ctx, &c, &r.name);
    if !found.overloads.is_empty() {
        return super::ctors::arity(ctx, r, &found, &method_what(&found, &c.qual, &r.name));
    }
    if !found.complete || !f.ok {
        return skipped!();
    }
    Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!(
            "'{}' is not a method of {} (the declared type of '{var}')",
            r.name, c.qual
        ),
        vec![format!(
            "{} ({}) and its supertypes (all known): no method '{}'",
            c.qual, c.file.path, r.name
        )],
        ctx.candidates(&r.name, &method_pool(&c)),
        0.8,
    ))
}

//! Python call arity and keywords, only where every candidate
//! definition is a plain callable with known parameters.

use plumb_facts::{DefKind, Definition, FileFacts, Import, ParamKind, Reference};

use super::super::deps::PyModule;
use super::super::{FileCtx, Outcome};
use super::*;
use crate::report::FindingKind;

/// The decorators of a definition, from its text (`@a.b(...)` -> `a.b`).
pub(super) fn decorators(text: &str, d: &Definition) -> Vec<String> {
    let head = text
        .get(d.span.start_byte as usize..d.name_span.start_byte as usize)
        .unwrap_or("");
    head.lines()
        .filter_map(|l| l.trim_start().strip_prefix('@'))
        .map(|l| l.split(['(', ' ']).next().unwrap_or("").to_string())
        .collect()
}

/// Decorators that keep the decorated function's parameters: a call to the
/// decorated name binds its arguments the same way.
const KEEPS_SIGNATURE: &[&str] = &[
    "staticmethod",
    "classmethod",
    "lru_cache",
    "functools.lru_cache",
    "cache",
    "functools.cache",
    "abstractmethod",
    "abc.abstractmethod",
    "final",
    "typing.final",
    "override",
    "typing.override",
    "typing_extensions.override",
    "contextmanager",
    "contextlib.contextmanager",
    "asynccontextmanager",
    "contextlib.asynccontextmanager",
];

/// Arity and keyword findings when every candidate definition is a plain
/// callable with known parameters and none accepts the call.
pub(super) fn arity(
    ctx: &FileCtx,
    r: &Reference,
    defs: &[&Definition],
    text: &str,
    unbound_method: bool,
) -> Vec<Outcome> {
    let with_text: Vec<(&Definition, &str)> = defs.iter().map(|d| (*d, text)).collect();
    arity_in(ctx, r, &with_text, unbound_method)
}

/// [`arity`] for definitions from several files, each with its file's text.
pub(super) fn arity_in(
    ctx: &FileCtx,
    r: &Reference,
    defs: &[(&Definition, &str)],
    unbound_method: bool,
) -> Vec<Outcome> {
    if r.kind != plumb_facts::RefKind::Call || defs.is_empty() {
        return Vec::new();
    }
    let Some(given) = r.arg_count else {
        return Vec::new();
    };
    let mut fits_any = false;
    let mut first_err = None;
    let mut kw_bad: Vec<String> = Vec::new();
    for &(d, text) in defs {
        if !matches!(d.kind, DefKind::Function | DefKind::Method | DefKind::Class) {
            return Vec::new();
        }
        let decs = decorators(text, d);
        if decs
            .iter()
            .any(|x| !KEEPS_SIGNATURE.contains(&x.as_str()) && !forwarding_decorator(ctx, x))
        {
            return Vec::new();
        }
        let Some(p) = &d.params else {
            return Vec::new();
        };
        let mut pos = given;
        if unbound_method && p.has_receiver() && !decs.iter().any(|x| x == "classmethod") {
            if pos == 0 {
                return Vec::new();
            }
            pos -= 1;
        }
        match p.call_fits(pos, &r.keywords, r.has_spread) {
            Ok(()) => {
                fits_any = true;
                for k in &r.keywords {
                    if !p.accepts_keyword(k) && !kw_bad.contains(k) {
                        kw_bad.push(k.clone());
                    }
                }
            }
            Err(e) => first_err = first_err.or(Some((e, d))),
        }
    }
    let mut out = Vec::new();
    if !fits_any && let Some((e, d)) = first_err {
        let sig = d.params.as_ref().map(|p| p.summary()).unwrap_or_default();
        let msg = match e {
            plumb_facts::ArityError::TooMany { given, max } => {
                format!(
                    "'{}' takes at most {max} positional argument(s) but {given} were given",
                    r.name
                )
            }
            plumb_facts::ArityError::TooFew { given, min } => {
                format!(
                    "'{}' needs at least {min} positional argument(s) but {given} were given",
                    r.name
                )
            }
        };
        out.push(Outcome::Found(ctx.finding(
            FindingKind::ArityMismatch,
            &r.span,
            msg,
            vec![format!(
                "resolved to {} {}{sig} at line {}",
                d.kind.name(),
                d.qualified_name(),
                d.name_span.start_line
            )],
            Vec::new(),
            if ctx.facts.dynamic { 0.6 } else { 0.85 },
        )));
    } else if fits_any && defs.len() == 1 {
        let d = defs[0].0;
        let p = d.params.as_ref().expect("checked above");
        for k in kw_bad {
            let pool: Vec<(String, String, u32)> = p
                .list
                .iter()
                .map(|x| (x.name.clone(), ctx.path.to_string(), d.name_span.start_line))
                .collect();
            let names: Vec<&str> = pool.iter().map(|x| x.0.as_str()).collect();
            let cands = crate::suggest::suggest(&k, names.iter().copied())
                .into_iter()
                .map(|(n, s)| crate::report::Candidate {
                    name: n,
                    file: ctx.path.to_string(),
                    line: d.name_span.start_line,
                    reason: "name".into(),
                    score: s,
                })
                .collect();
            out.push(Outcome::Found(ctx.finding(
                FindingKind::UnknownKeyword,
                &r.span,
                format!("'{}' has no parameter '{k}'", r.name),
                vec![format!(
                    "resolved to {} {}{}",
                    d.kind.name(),
                    d.qualified_name(),
                    p.summary()
                )],
                cands,
                if ctx.facts.dynamic { 0.6 } else { 0.85 },
            )));
        }
    }
    out
}

/// Arity of a call to a name imported with `from m import f` when `m` is a
/// project module or an installed source module.
pub(super) fn imported_arity(
    ctx: &FileCtx,
    r: &Reference,
    imp: &Import,
    full: &str,
) -> Vec<Outcome> {
    let Some((module, member)) = full.rsplit_once('.').or(Some(("", full))) else {
        return Vec::new();
    };
    let source: Option<(String, std::rc::Rc<(String, FileFacts)>)> = if imp.relative {
        let Some(dir) = relative_dir(ctx, imp.relative_level.max(1)) else {
            return Vec::new();
        };
        project_module_files(ctx, &dir, module)
            .and_then(|f| f.into_iter().find(|p| p.ends_with(".py")))
            .and_then(|f| ctx.project.facts_of(&f).map(|rc| (f, rc)))
    } else {
        let file = match locate(ctx, module) {
            // Several files providing the module (vendored copies): ambiguous.
            ModLoc::Project(files) if files.len() == 1 => Some(files[0].clone()),
            // A project that carries its own copy of a standard module.
            ModLoc::Stdlib(_) => project_file(ctx, module),
            ModLoc::Installed(PyModule::Source(p)) => {
                let Some(rc) = ctx.deps.extract(&p) else {
                    return Vec::new();
                };
                return arity_of_top(ctx, r, &rc, member);
            }
            _ => None,
        };
        file.and_then(|f| ctx.project.facts_of(&f).map(|rc| (f, rc)))
    };
    let Some((path, rc)) = source else {
        return Vec::new();
    };
    // Follow a re-export to the file that defines the name.
    match super::classes::defining_file(ctx, rc, super::classes::Where::Project(path), member, 0) {
        Some((src, _)) => arity_of_top(ctx, r, &src, member),
        None => Vec::new(),
    }
}

/// Arity of a call to the top-level definitions named `member` of a file.
fn arity_of_top(
    ctx: &FileCtx,
    r: &Reference,
    rc: &std::rc::Rc<(String, FileFacts)>,
    member: &str,
) -> Vec<Outcome> {
    let defs: Vec<&Definition> =
        rc.1.definitions
            .iter()
            .filter(|d| d.name == member)
            .collect();
    if defs.is_empty() || defs.iter().any(|d| d.container.is_some()) {
        return Vec::new();
    }
    arity(ctx, r, &defs, &rc.0, false)
}

/// Whether a project decorator passes calls through unchanged: one
/// definition in the project, built with `functools.wraps`/`update_wrapper`
/// around inner functions that take only `*args, **kwargs` (after an
/// optional `self`), as `def setupmethod(f): ... def wrapper(self, *args,
/// **kwargs)` does.
fn forwarding_decorator(ctx: &FileCtx, name: &str) -> bool {
    let last = name.rsplit('.').next().unwrap_or(name);
    let defs = ctx.project.defs_named(last, 3);
    let [def] = defs.as_slice() else {
        return false;
    };
    if def.def.kind != DefKind::Function || def.def.container.is_some() {
        return false;
    }
    let Some(rc) = ctx.project.facts_of(&def.path) else {
        return false;
    };
    let body =
        rc.0.get(def.def.span.start_byte as usize..def.def.span.end_byte as usize)
            .unwrap_or("");
    let q = def.def.qualified_name();
    if returns_its_argument(&rc, &def.def, &q) {
        return true;
    }
    if !body.contains("wraps(") && !body.contains("update_wrapper(") {
        return false;
    }
    let inner: Vec<&Definition> =
        rc.1.definitions
            .iter()
            .filter(|d| {
                d.kind == DefKind::Function
                    && d.container
                        .as_deref()
                        .is_some_and(|c| c == q || c.starts_with(&format!("{q}.")))
            })
            .collect();
    !inner.is_empty()
        && inner.iter().all(|w| {
            w.params.as_ref().is_some_and(|p| {
                let kinds: Vec<ParamKind> = p.list.iter().map(|x| x.kind).collect();
                let rest = match kinds.first() {
                    Some(ParamKind::Positional | ParamKind::Receiver) if kinds.len() == 3 => {
                        &kinds[1..]
                    }
                    _ => &kinds[..],
                };
                rest == [ParamKind::VarPositional, ParamKind::VarKeyword]
            })
        })
}

/// Whether the decorator (or the decorator its factory returns) only
/// registers the function and hands it back: the innermost function taking
/// one parameter `f` has only `return f` statements.
fn returns_its_argument(rc: &(String, FileFacts), d: &Definition, q: &str) -> bool {
    let nested: Vec<&Definition> =
        rc.1.definitions
            .iter()
            .filter(|x| {
                x.container
                    .as_deref()
                    .is_some_and(|c| c == q || c.starts_with(&format!("{q}.")))
            })
            .collect();
    let w = match nested.as_slice() {
        [] => d,
        [only] if only.kind == DefKind::Function => *only,
        _ => return false,
    };
    let Some(p) = &w.params else {
        return false;
    };
    let [param] = p.list.as_slice() else {
        return false;
    };
    if param.kind != ParamKind::Positional {
        return false;
    }
    let body =
        rc.0.get(w.span.start_byte as usize..w.span.end_byte as usize)
            .unwrap_or("");
    let returns: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("return ") || *l == "return")
        .collect();
    !returns.is_empty()
        && returns
            .iter()
            .all(|l| l.strip_prefix("return ").map(str::trim) == Some(param.name.as_str()))
}

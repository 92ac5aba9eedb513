//! Go call arity: only for calls whose every candidate definition is a
//! function or method with a known parameter list, all agreeing. Go has no
//! defaults; a variadic `...T` takes any number; `f(g())` passes all of
//! `g`'s results, so a single call argument proves "too few" only when `g`
//! is known to return one value (a builtin, a conversion, a function of the
//! package or of an imported project package whose signature says so).

use plumb_facts::{ArityError, DefKind, Definition, RefKind, Reference};

use super::super::{FileCtx, Outcome, agreed_params};
use crate::report::FindingKind;

pub(super) fn check(ctx: &FileCtx, r: &Reference, defs: &[&Definition]) -> Vec<Outcome> {
    if r.kind != RefKind::Call {
        return Vec::new();
    }
    let (Some(given), Some(first), Some(p0)) = (
        r.arg_count,
        defs.first(),
        agreed_params(defs.iter().copied()),
    ) else {
        return Vec::new();
    };
    let err = match p0.call_fits(given, &[], r.has_spread) {
        Ok(()) => return Vec::new(),
        Err(e) => e,
    };
    if matches!(err, ArityError::TooFew { .. })
        && given == 1
        && single_call_argument(ctx, r).is_some_and(|callee| results(ctx, r, &callee) != Some(1))
    {
        return Vec::new();
    }
    let want = match p0.max_positional() {
        Some(max) => max.to_string(),
        None => format!("at least {}", p0.min_positional()),
    };
    let how = match err {
        ArityError::TooMany { .. } => "too many",
        ArityError::TooFew { .. } => "not enough",
    };
    vec![Outcome::Found(ctx.finding(
        FindingKind::ArityMismatch,
        &r.span,
        format!(
            "{how} arguments in call to {}: have {given}, want {want}",
            r.name
        ),
        vec![format!(
            "resolved to {} {}{} at line {} ({} definition(s) agree)",
            first.kind.name(),
            first.qualified_name(),
            p0.summary(),
            first.name_span.start_line,
            defs.len()
        )],
        Vec::new(),
        0.85,
    ))]
}

/// When the call's one argument is itself a call (which may return several
/// values that fill several parameters): the callee's text (`g`, `pkg.G`,
/// `x.m`); `Some("")` when the argument cannot be read.
fn single_call_argument(ctx: &FileCtx, r: &Reference) -> Option<String> {
    let rest = ctx.text.get(r.span.end_byte as usize..).unwrap_or("");
    let Some(open) = rest.find('(') else {
        return Some(String::new());
    };
    let inner = balanced(&rest[open..])?;
    let inner = inner.trim().trim_end_matches(',').trim_end();
    if !inner.ends_with(')') {
        return None;
    }
    // The callee: the text before the last top-level `(`.
    let mut depth = 0i32;
    for (i, c) in inner.char_indices().rev() {
        match c {
            ')' | ']' | '}' => depth += 1,
            '(' | '[' | '{' => {
                depth -= 1;
                if depth == 0 && c == '(' {
                    return Some(inner[..i].trim().to_string());
                }
            }
            _ => {}
        }
    }
    Some(String::new())
}

/// The text inside the balanced brackets `s` starts with; `None` when they
/// do not close.
fn balanced(s: &str) -> Option<&str> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' && q != '`' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' | '`' => quote = Some(c),
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return s.get(1..i);
                }
            }
            _ => {}
        }
    }
    None
}

/// How many values a call of `callee` returns, when that is certain.
fn results(ctx: &FileCtx, r: &Reference, callee: &str) -> Option<usize> {
    let (q, name) = match callee.split_once('.') {
        Some((q, n)) => (Some(q), n),
        None => (None, callee),
    };
    if !super::is_ident(name) || q.is_some_and(|q| !super::is_ident(q)) {
        return None;
    }
    let local = |n: &str| {
        ctx.local_binds(&Reference {
            name: n.to_string(),
            ..r.clone()
        })
    };
    let defs: Vec<Definition> = match q {
        None => {
            if local(name) {
                return None;
            }
            let pkg_name = super::own_package(ctx)?;
            let dir = super::packages::project_dir(ctx, super::file_dir(ctx.path));
            let top: Vec<Definition> = dir
                .package(&pkg_name)
                .top(name)
                .into_iter()
                .map(|(_, d)| d.clone())
                .collect();
            if top.is_empty() {
                return SINGLE_RESULT_BUILTINS.contains(&name).then_some(1);
            }
            top
        }
        Some(q) => {
            if local(q) {
                return None;
            }
            match super::names::import_target(ctx, q)? {
                (_, Some(dir), _) => dir
                    .importable()
                    .top(name)
                    .into_iter()
                    .map(|(_, d)| d.clone())
                    .collect(),
                _ => return None,
            }
        }
    };
    let mut counts = defs.iter().map(|d| match d.kind {
        DefKind::Function => result_count(d),
        DefKind::Struct | DefKind::TypeAlias | DefKind::Interface => Some(1),
        _ => None,
    });
    let first = counts.next()??;
    counts.all(|c| c == Some(first)).then_some(first)
}

/// Predeclared functions and types that yield exactly one value.
const SINGLE_RESULT_BUILTINS: &[&str] = &[
    "len", "cap", "append", "make", "new", "min", "max", "complex", "real", "imag", "string",
    "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
    "uintptr", "float32", "float64", "byte", "rune", "bool", "any", "error",
];

/// The number of results a function's signature declares
/// (`func f(a int) (n int, err error)` -> 2).
fn result_count(d: &Definition) -> Option<usize> {
    let sig = d.signature.as_deref()?;
    let at = sig
        .find(&format!(" {}(", d.name))
        .or_else(|| sig.find(&format!(" {}[", d.name)))?
        + 1;
    let mut rest = &sig[at + d.name.len()..];
    if rest.starts_with('[') {
        rest = &rest[balanced(rest)?.len() + 2..];
    }
    let params = balanced(rest)?;
    let res = rest[params.len() + 2..].trim();
    if res.is_empty() {
        return Some(0);
    }
    if !res.starts_with('(') {
        return Some(1);
    }
    let inner = balanced(res)?;
    let mut depth = 0i32;
    let mut n = 1;
    for c in inner.chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => n += 1,
            _ => {}
        }
    }
    Some(n)
}

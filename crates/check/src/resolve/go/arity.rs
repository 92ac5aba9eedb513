//! Go call arity: only for calls whose every candidate definition is a
//! function or method with a known parameter list, all agreeing. Go has no
//! defaults; a variadic `...T` takes any number; `f(g())` may pass all of
//! `g`'s results, so a single call argument never proves "too few".

use plumb_facts::{ArityError, DefKind, Definition, RefKind, Reference};

use super::super::{FileCtx, Outcome};
use crate::report::FindingKind;

pub(super) fn check(ctx: &FileCtx, r: &Reference, defs: &[&Definition]) -> Vec<Outcome> {
    if r.kind != RefKind::Call {
        return Vec::new();
    }
    let (Some(given), Some(first)) = (r.arg_count, defs.first()) else {
        return Vec::new();
    };
    let Some(p0) = &first.params else {
        return Vec::new();
    };
    for d in defs {
        if !matches!(d.kind, DefKind::Function | DefKind::Method) {
            return Vec::new();
        }
        let Some(p) = &d.params else {
            return Vec::new();
        };
        if p.min_positional() != p0.min_positional() || p.max_positional() != p0.max_positional() {
            return Vec::new();
        }
    }
    let err = match p0.call_fits(given, &[], r.has_spread) {
        Ok(()) => return Vec::new(),
        Err(e) => e,
    };
    if matches!(err, ArityError::TooFew { .. }) && given == 1 && single_call_argument(ctx, r) {
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

/// Whether the call's one argument is itself a call (which may return
/// several values that fill several parameters).
fn single_call_argument(ctx: &FileCtx, r: &Reference) -> bool {
    let rest = ctx.text.get(r.span.end_byte as usize..).unwrap_or("");
    let Some(open) = rest.find('(') else {
        return true;
    };
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in rest[open..].char_indices() {
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
                    let inner = rest[open + 1..open + i].trim().trim_end_matches(',');
                    return inner.trim_end().ends_with(')');
                }
            }
            _ => {}
        }
    }
    true
}

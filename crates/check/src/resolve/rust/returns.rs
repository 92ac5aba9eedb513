//! The project type a call returns, read from the callee's written
//! signature: `-> T`, `-> &T`, a guard or pointer that derefs to `T`
//! (`MutexGuard<'_, T>`, `Ref<T>`, `Box<T>`, `Rc<T>`, `Arc<T>`), and
//! `Result<T, _>` / `Option<T>` when the call is unwrapped (`?`,
//! `.unwrap()`, `.expect(..)`). Every definition of the callee must agree;
//! anything else (generics, `impl Trait`, tuples) gives no type.

use plumb_facts::{DefKind, Definition, Reference};

use super::super::FileCtx;
use super::generics::split_top;

/// Std wrappers whose value derefs to their (last) type argument.
const DEREF_TO_ARG: [&str; 9] = [
    "MutexGuard",
    "RwLockReadGuard",
    "RwLockWriteGuard",
    "Ref",
    "RefMut",
    "Box",
    "Rc",
    "Arc",
    "ReentrantMutexGuard",
];

/// The one project type every definition in `defs` returns (`Self` read
/// as `self_ty`), as a variable bound to the call's value would have it.
pub(super) fn returned_type(
    ctx: &FileCtx,
    r: &Reference,
    defs: &[Definition],
    self_ty: Option<&str>,
    unwrapped: bool,
) -> Option<String> {
    let mut agreed: Option<String> = None;
    for d in defs {
        if !matches!(d.kind, DefKind::Function | DefKind::Method) {
            return None;
        }
        let sig = d.signature.as_deref()?;
        let (_, ret) = sig.rsplit_once("->")?;
        let ret = ret.split(" where").next().unwrap_or(ret).trim();
        let ret = if unwrapped { unwrap_arg(ret)? } else { ret };
        let t = deref_target(ret);
        let ty = if t == "Self" {
            self_ty?.to_string()
        } else {
            super::values::project_type(ctx, r, t)?
        };
        match &agreed {
            Some(a) if *a != ty => return None,
            _ => agreed = Some(ty),
        }
    }
    agreed
}

/// `T` of `Result<T, E>` / `Option<T>`.
fn unwrap_arg(ret: &str) -> Option<&str> {
    let (w, rest) = ret.split_once('<')?;
    let w = w.rsplit("::").next().unwrap_or(w).trim();
    if !matches!(w, "Result" | "Option") {
        return None;
    }
    let inner = rest.strip_suffix('>')?;
    Some(split_top(inner, ',')[0].trim())
}

/// `&mut T` -> `T`; `MutexGuard<'_, T>` -> `T`; anything else as written.
fn deref_target(t: &str) -> &str {
    let t = t.trim().trim_start_matches('&').trim_start();
    let t = if t.starts_with('\'') {
        t.split_once(' ').map_or(t, |x| x.1)
    } else {
        t
    };
    let t = t.strip_prefix("mut ").unwrap_or(t).trim();
    if let Some((w, rest)) = t.split_once('<') {
        let w = w.rsplit("::").next().unwrap_or(w).trim();
        if DEREF_TO_ARG.contains(&w)
            && let Some(inner) = rest.strip_suffix('>')
        {
            // The last argument (`'_, T` -> `T`).
            let last = split_top(inner, ',').pop().unwrap_or(inner);
            return deref_target(last);
        }
    }
    t
}

/// The project type of `self.field` followed by `chain` up to the end of
/// a `let` (`;`): the field itself, or the value behind a lock or cell
/// (`.lock().unwrap()`, `.read().unwrap()`, `.write().unwrap()`,
/// `.borrow()`, `.borrow_mut()`), with `Arc`/`Rc`/`Box` around it.
pub(super) fn field_chain_type(
    ctx: &FileCtx,
    r: &Reference,
    self_ty: &str,
    field: &str,
    chain: &str,
) -> Option<String> {
    let written = field_written_type(ctx, self_ty, field)?;
    field_chain_of(ctx, r, &written, chain)
}

/// The written type of field `field` of project type `self_ty`, when one
/// field of that name exists.
pub(super) fn field_written_type(ctx: &FileCtx, self_ty: &str, field: &str) -> Option<String> {
    let defs: Vec<_> = ctx
        .project
        .defs_named(field, 50)
        .into_iter()
        .filter(|d| {
            d.def.kind == DefKind::Field
                && d.def
                    .container
                    .as_deref()
                    .is_some_and(|c| c.rsplit('.').next() == Some(self_ty))
        })
        .collect();
    let [d] = defs.as_slice() else {
        return None;
    };
    Some(
        d.def
            .signature
            .as_deref()?
            .split_once(':')?
            .1
            .trim()
            .to_string(),
    )
}

fn field_chain_of(ctx: &FileCtx, r: &Reference, written: &str, chain: &str) -> Option<String> {
    let chain: String = chain.chars().filter(|c| !c.is_whitespace()).collect();
    let chain = chain.split(';').next().unwrap_or("");
    let unwrapped = |rest: &str| {
        rest.is_empty()
            || rest == ".unwrap()"
            || rest.starts_with(".expect(") && rest.ends_with(')')
    };
    let t = deref_target(written);
    let (wrapper, rest) = if chain.is_empty() {
        return super::values::project_type(ctx, r, t);
    } else if let Some(rest) = chain.strip_prefix(".lock()") {
        ("Mutex", rest)
    } else if let Some(rest) = chain
        .strip_prefix(".read()")
        .or_else(|| chain.strip_prefix(".write()"))
    {
        ("RwLock", rest)
    } else if let Some(rest) = chain
        .strip_prefix(".borrow_mut()")
        .or_else(|| chain.strip_prefix(".borrow()"))
    {
        ("RefCell", rest)
    } else {
        return None;
    };
    if !unwrapped(rest) {
        return None;
    }
    let (w, inner) = t.split_once('<')?;
    if w.rsplit("::").next().unwrap_or(w).trim() != wrapper {
        return None;
    }
    super::values::project_type(ctx, r, inner.strip_suffix('>')?.trim())
}

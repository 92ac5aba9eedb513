//! The type of a local variable where the code spells it: `let x: T`,
//! a parameter `x: &T` (also `&dyn Tr`, `impl Tr`, and std types for
//! `std_param_type`), `let x = T { .. }`, `let x = T::f(..)` (`T::default()`
//! too), `self.m(..)`, `v.m(..)` or `f(..)` (a function of this file) whose
//! written return type is a project type (directly, behind a guard or
//! pointer, or unwrapped from a `Result`/`Option` with `?`, `.unwrap()`,
//! `.expect(..)`: see `returns`), `self.field` behind a lock or cell, and
//! `let x = Dep::new(..)` (`new*`, `with_*`, `default`, `from`) of a
//! dependency's type a `use` or a project type alias names.
//! Pattern, `for` and unit-struct bindings are `bindings`'. Nothing else is
//! inferred: a variable bound twice where the call stands has no type here.

use plumb_facts::{DefKind, Reference};

use super::super::FileCtx;
use super::assoc::impl_type_at;
use super::lets::{
    LetSays, last_let_any, last_open_let, let_says, only_let, open_let, pattern_let_rebinds,
    pending_let,
};
use super::*;

/// How many local bindings of plain variable `var` are in scope at `r`,
/// within the function around it (`None` for `self` or anything that is
/// no plain name).
pub(super) fn bindings_at(ctx: &FileCtx, r: &Reference, var: &str) -> Option<usize> {
    if !var.chars().all(|c| c.is_alphanumeric() || c == '_') || var == "self" {
        return None;
    }
    // A nested `fn` sees none of the bindings of the function around it.
    let from = ctx.enclosing_function(r).map_or(0, |f| f.span.start_byte);
    Some(
        ctx.facts
            .locals
            .iter()
            .filter(|l| {
                l.name == var
                    && from <= l.scope.start_byte
                    && l.scope.start_byte <= r.span.start_byte
                    && r.span.end_byte <= l.scope.end_byte
            })
            .count(),
    )
}

/// Where the binding of plain variable `var` visible at `r` is read from:
/// the function around `r`, its text up to `r`, and the offset in that text
/// to search from. With exactly one binding in scope that is the whole
/// text (offset 0). With several, the last `let` still open at `r` shadows
/// the others (offset of that `let`), unless a binding that starts after it
/// (a closure parameter, a `match` arm) binds `var` anew. A `let` whose own
/// initializer holds `r` (`let path = path.into();`) does not bind it yet:
/// the text stops before that `let`.
pub(super) fn sole_binding<'p>(
    ctx: &FileCtx<'p, '_>,
    r: &Reference,
    var: &str,
) -> Option<(&'p plumb_facts::Definition, &'p str, usize)> {
    let binds = bindings_at(ctx, r, var)?;
    let f = ctx.enclosing_function(r)?;
    let body = ctx
        .text
        .get(f.span.start_byte as usize..r.span.start_byte as usize)?;
    let (body, binds) = match pending_let(body, var) {
        Some(at) => (&body[..at], binds.checked_sub(1)?),
        None => (body, binds),
    };
    match binds {
        0 => None,
        1 => Some((f, body, 0)),
        _ => {
            let at = last_open_let(body, var)?;
            if pattern_let_rebinds(&body[at..], var) {
                return None;
            }
            let let_start = f.span.start_byte as usize + at;
            let rebound_after = ctx.facts.locals.iter().any(|l| {
                l.name == var
                    && l.scope.start_byte as usize > let_start
                    && l.scope.start_byte <= r.span.start_byte
                    && r.span.end_byte <= l.scope.end_byte
            });
            (!rebound_after).then_some((f, body, at))
        }
    }
}

/// `r` moved to byte `at` of its file: names in a `let` initializer are
/// looked up where that initializer stands, not where the use is.
pub(super) fn moved_to(r: &Reference, at: usize) -> Reference {
    let mut moved = r.clone();
    moved.span.start_byte = at as u32;
    moved.span.end_byte = at as u32;
    moved
}

/// The initializer of the `let` at byte `at` of the file (the statement
/// starts there): its offset, for `moved_to`.
pub(super) fn initializer_at(ctx: &FileCtx, at: usize) -> usize {
    let stmt = &ctx.text[at..];
    let eq = stmt.find('=').unwrap_or(0);
    at + eq + 1
}

/// The type parameter `var` of function `f` is written with.
pub(super) fn param_type<'f>(f: &'f plumb_facts::Definition, var: &str) -> Option<&'f str> {
    f.params
        .as_ref()?
        .list
        .iter()
        .find(|p| p.name == var)?
        .type_text
        .as_deref()
}

/// What a `let` statement of function `f` says of its type (`before` is
/// `f`'s text up to it): the written type (its annotation, or the target
/// of a converted parameter: `let p = p.as_ref();`), or else its
/// initializer, to be read further.
pub(super) fn written_or_init<'t>(
    ctx: &FileCtx,
    r: &Reference,
    f: &plumb_facts::Definition,
    before: &str,
    stmt: &'t str,
) -> Option<Result<String, &'t str>> {
    Some(match let_says(stmt)? {
        LetSays::Annotated(ty) => Ok(ty.to_string()),
        LetSays::Init(init) => converted_param(ctx, r, f, before, init).ok_or(init),
    })
}

/// `let path = path.as_ref();` (also `as_mut`, `borrow`, `borrow_mut`,
/// `into`) of a parameter written `impl AsRef<Path>` or `P` with
/// `P: AsRef<Path>`: the type the conversion gives, as written (`Path`).
/// Only when the body does not mention the parameter before that `let`
/// (`before`, the function's text up to it), so nothing rebound it.
fn converted_param(
    ctx: &FileCtx,
    r: &Reference,
    f: &plumb_facts::Definition,
    before: &str,
    init: &str,
) -> Option<String> {
    let end = init.find(';')?;
    let call = init[..end].trim_end().strip_suffix("()")?;
    let (var, method) = call.split_once('.')?;
    let word = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_');
    if !word(var) || !word(method) {
        return None;
    }
    let tr = match method {
        "as_ref" => "AsRef",
        "as_mut" => "AsMut",
        "borrow" => "Borrow",
        "borrow_mut" => "BorrowMut",
        "into" => "Into",
        _ => return None,
    };
    let fn_at = super::super::word_positions(before, "fn").next()?;
    let body_at = fn_at + before[fn_at..].find('{')?;
    if super::super::word_positions(&before[body_at..], var)
        .next()
        .is_some()
    {
        return None;
    }
    let written = param_type(f, var)?;
    let bounds = match single_trait(written) {
        Some(t) => vec![t.to_string()],
        None => super::generics::bound_texts_of(ctx, r, strip_refs(written))?,
    };
    bounds.iter().find_map(|b| {
        let (path, args) = b.trim().split_once('<')?;
        let target = args.strip_suffix('>')?.trim();
        (path.trim().rsplit("::").next() == Some(tr)).then(|| target.to_string())
    })
}

/// The project-style type name (`Foo`) of variable `var` at `r`, if spelled.
pub(super) fn var_type(ctx: &FileCtx, r: &Reference, var: &str) -> Option<String> {
    if super::bindings::unit_struct(ctx, var) {
        // `Pretty.fmt(..)`: the value of a unit struct is its type.
        return Some(var.to_string());
    }
    if var.contains("::") {
        // `Level::Error.as_str()`: a unit variant's value has its enum's type.
        return enum_of_variant_path(ctx, r, var);
    }
    let (f, text, from) = sole_binding(ctx, r, var)?;
    let body = &text[from..];
    let lets = body.matches("let ").count();
    let ty = match only_let(body, var).or_else(|| open_let(body, var)) {
        Some(at) => {
            let before = &text[..from + at];
            let_type(ctx, r, f, before, &body[at..])?
        }
        None if lets > 0 && last_let_any(body, var) => return None,
        None => match param_type(f, var) {
            Some(written) => project_type(ctx, r, written)?,
            None => super::bindings::pattern_binding_type(ctx, r, f, body, var)?,
        },
    };
    if ty == "Self" {
        return impl_type_at(ctx, r);
    }
    Some(ty)
}

/// The type of `self.m(..)` or `f(..)` (plain, or unwrapped with `?`,
/// `.unwrap()`, `.expect(..)`) that ends a `let` initializer.
fn call_type(ctx: &FileCtx, r: &Reference, init: &str) -> Option<String> {
    let (callee, self_call) = match init.strip_prefix("self.") {
        Some(rest) => (rest, true),
        None => (init, false),
    };
    let name_len = callee
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(callee.len());
    let name = &callee[..name_len];
    let after = &callee[name_len..];
    if name.is_empty() || !name.starts_with(|c: char| c.is_lowercase() || c == '_') {
        return None;
    }
    if !self_call && let Some(rest) = after.strip_prefix('.') {
        // `v.field…;` for a variable `v` of a known project type.
        let field_len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let (field, chain) = rest.split_at(field_len);
        if field.is_empty() {
            return None;
        }
        let owner = nested(|| var_type(ctx, r, name))?;
        if chain.starts_with('(') {
            // `v.m(..)` for a variable `v` of a known project type.
            return method_return(ctx, r, &owner, field, chain);
        }
        let end = chain.find(';')?;
        return super::returns::field_chain_type(ctx, r, &owner, field, &chain[..end]);
    }
    if self_call && !after.starts_with('(') {
        // `self.field…;`: the field's written type, through a lock or cell.
        let end = after.find(';')?;
        return super::returns::field_chain_type(
            ctx,
            r,
            &impl_type_at(ctx, r)?,
            name,
            &after[..end],
        );
    }
    if !after.starts_with('(') {
        return None;
    }
    if self_call {
        return method_return(ctx, r, &impl_type_at(ctx, r)?, name, after);
    }
    let unwrapped = unwrapped_call(after)?;
    // A function of this file, not shadowed by a local or a `use`.
    if super::super::scope::local_binds(ctx.facts, name, &r.span)
        || use_binding(ctx, name, &r.span).is_some()
    {
        return None;
    }
    let defs: Vec<_> = super::super::scope::file_defs(ctx.facts, name)
        .into_iter()
        .filter(|d| d.kind == DefKind::Function)
        .cloned()
        .collect();
    if defs.is_empty() {
        return None;
    }
    super::returns::returned_type(ctx, r, &defs, impl_type_at(ctx, r).as_deref(), unwrapped)
}

/// For a call `(..)` at the start of `after` that ends the initializer:
/// whether its result is unwrapped (`?`, `.unwrap()`, `.expect(..)`); `None`
/// when the initializer goes on.
pub(super) fn unwrapped_call(after: &str) -> Option<bool> {
    let close = matching_paren(after)?;
    let tail = after[close + 1..].trim_start();
    if tail.starts_with(';') {
        return Some(false);
    }
    // `f()?;`, `f().unwrap();`, `f().expect("..");`: nothing may follow
    // (`q()?.map(..).last()` is another value).
    let rest = if let Some(rest) = tail.strip_prefix('?') {
        rest
    } else if let Some(rest) = tail.strip_prefix(".unwrap()") {
        rest
    } else {
        let args = tail.strip_prefix(".expect")?;
        &args[matching_paren(args)? + 1..]
    };
    rest.trim_start().starts_with(';').then_some(true)
}

/// The written return type of method `name` of project type `owner`,
/// called with the arguments at the start of `after`.
fn method_return(
    ctx: &FileCtx,
    r: &Reference,
    owner: &str,
    name: &str,
    after: &str,
) -> Option<String> {
    let unwrapped = unwrapped_call(after)?;
    let defs: Vec<_> = ctx
        .project
        .defs_named(name, 50)
        .into_iter()
        .filter(|d| {
            matches!(d.def.kind, DefKind::Function | DefKind::Method)
                && d.def
                    .container
                    .as_deref()
                    .is_some_and(|c| c.rsplit('.').next() == Some(owner))
        })
        .map(|d| d.def)
        .collect();
    if defs.is_empty() {
        return None;
    }
    super::returns::returned_type(ctx, r, &defs, Some(owner), unwrapped)
}

thread_local! {
    static DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// `f()` one level deeper in the inference of one variable from another
/// (`let b = a.field;`), `None` past a few levels (`let a = a.inner;`).
fn nested<T>(f: impl FnOnce() -> Option<T>) -> Option<T> {
    let d = DEPTH.with(|d| d.get());
    if d >= 3 {
        return None;
    }
    DEPTH.with(|c| c.set(d + 1));
    let out = f();
    DEPTH.with(|c| c.set(d));
    out
}

/// `Foo` from `&'a mut Foo<T>`, `Box<..>` excluded; `None` for anything
/// that is not a plain (possibly referenced) path type.
#[cfg(test)]
fn base_type(t: &str) -> Option<String> {
    base_type_path(t).map(|p| p.rsplit("::").next().unwrap_or(&p).to_string())
}

/// `Foo<T>` from `&'a mut Foo<T>`: a written type without its references.
pub(super) fn strip_refs(t: &str) -> &str {
    let mut t = t.trim();
    loop {
        let before = t;
        t = t.trim_start_matches('&').trim_start();
        if t.starts_with('\'') {
            t = t.split_once(' ').map(|x| x.1).unwrap_or("").trim_start();
        }
        t = t.strip_prefix("mut ").unwrap_or(t).trim_start();
        if t == before {
            return t;
        }
    }
}

/// `a::Foo` from `&'a mut a::Foo<T>`: the written path of a plain
/// (possibly referenced) type whose last segment is capitalised.
pub(super) fn base_type_path(t: &str) -> Option<String> {
    let t = strip_refs(t);
    let path = t.split('<').next()?.trim();
    if path.is_empty()
        || !path
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == ':')
    {
        return None;
    }
    let last = path.rsplit("::").next()?;
    last.starts_with(char::is_uppercase)
        .then(|| path.to_string())
}

/// The name of a written type (`&mut a::Foo<T>` -> `Foo`) when it is a
/// type of this crate.
pub(super) fn project_type(ctx: &FileCtx, r: &Reference, t: &str) -> Option<String> {
    let path = base_type_path(single_trait(t).unwrap_or(t))?;
    if !project_path(ctx, r, &path) {
        return None;
    }
    Some(path.rsplit("::").next().unwrap_or(&path).to_string())
}

/// `Tr` from `&dyn Tr`, `impl Tr + Send`, `Box<dyn Tr + 'a>`'s inner
/// `dyn Tr + 'a`: the one trait a trait object or `impl` type names besides
/// auto traits and lifetimes.
pub(super) fn single_trait(t: &str) -> Option<&str> {
    let t = strip_refs(t);
    let t = t.strip_prefix("dyn ").or_else(|| t.strip_prefix("impl "))?;
    let mut traits = super::generics::split_top(t, '+')
        .into_iter()
        .map(str::trim)
        .filter(|b| {
            !b.starts_with('\'')
                && !b.starts_with('?')
                && !matches!(*b, "Send" | "Sync" | "Unpin" | "Sized")
        });
    let one = traits.next()?;
    traits.next().is_none().then_some(one)
}

/// Whether a written type path names a type of this crate: bare (`Foo`),
/// from `crate`/`self`/`super`, or through a module of the crate
/// (`ast::Program`). A path starting at a dependency or std, directly or
/// through a `use` (`walkdir::Error`, `io::Error`), names another crate's
/// type, whatever this file defines.
pub(super) fn project_path(ctx: &FileCtx, r: &Reference, path: &str) -> bool {
    let segs: Vec<&str> = path.trim_start_matches("::").split("::").collect();
    if segs.len() == 1 || matches!(segs[0], "crate" | "self" | "super" | "Self") {
        return true;
    }
    let first = match use_binding(ctx, segs[0], &r.span) {
        Some(full) => full.split("::").next().unwrap_or("").to_string(),
        None => segs[0].to_string(),
    };
    matches!(first.as_str(), "crate" | "self" | "super")
        || !(is_std_root(&first) || dep_crate(ctx, &first).is_some() || !own_module(ctx, &first))
}

/// Whether `name` is a module of the project (declared with `mod`).
fn own_module(ctx: &FileCtx, name: &str) -> bool {
    ctx.project
        .defs_named(name, 5)
        .iter()
        .any(|d| d.def.kind == DefKind::Module)
}

/// The type a `let` statement (`let x: T = ..` or `let x = <init>;`) of
/// function `f` gives; `before` is `f`'s text up to the statement.
fn let_type(
    ctx: &FileCtx,
    r: &Reference,
    f: &plumb_facts::Definition,
    before: &str,
    stmt: &str,
) -> Option<String> {
    let init = match written_or_init(ctx, r, f, before, stmt)? {
        Ok(written) => return project_type(ctx, r, &written),
        Err(init) => init,
    };
    // Names in the initializer are bound as they are where it stands.
    let r = &moved_to(
        r,
        initializer_at(ctx, f.span.start_byte as usize + before.len()),
    );
    if let Some(ty) = call_type(ctx, r, init) {
        return Some(ty);
    }
    // `DashSet::<u32>::default()`: the turbofish is no part of the path.
    let head_end = init.find(['(', '{', ';']).unwrap_or(init.len());
    let unfished;
    let init = if init[..head_end].contains("::<") {
        unfished = format!(
            "{}{}",
            super::paths::strip_turbofish(&init[..head_end]),
            &init[head_end..]
        );
        unfished.as_str()
    } else {
        init
    };
    let path_len = init
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .unwrap_or(init.len());
    let path = &init[..path_len];
    let after = init[path_len..].trim_start();
    let segs: Vec<&str> = path.split("::").collect();
    let type_path = if after.starts_with('{') {
        path.to_string()
    } else {
        segs[..segs.len().saturating_sub(1)].join("::")
    };
    if !type_path.is_empty() && !project_path(ctx, r, &type_path) {
        return None;
    }
    if after.starts_with('{') {
        let last = *segs.last()?;
        return last
            .starts_with(char::is_uppercase)
            .then(|| last.to_string());
    }
    if after.starts_with(';') {
        // `let level = Level::Error;`
        return enum_of_variant_path(ctx, r, path);
    }
    if !after.starts_with('(') || segs.len() < 2 {
        return None;
    }
    let ty = segs[segs.len() - 2];
    let func = segs[segs.len() - 1];
    if !ty.starts_with(char::is_uppercase) {
        return None;
    }
    let close = matching_paren(after)?;
    let tail = after[close + 1..].trim_start();
    let unwrapped =
        tail.starts_with('?') || tail.starts_with(".unwrap()") || tail.starts_with(".expect(");
    let direct = tail.starts_with(';');
    if !unwrapped && !direct {
        return None;
    }
    let ty = if ty == "Self" {
        impl_type_at(ctx, r)?
    } else {
        ty.to_string()
    };
    let dep_type = || match use_binding(ctx, &ty, &r.span) {
        Some(full) => dep_crate(ctx, full.split("::").next().unwrap_or("")).is_some(),
        None => super::foreign::alias_target_dep(ctx, &ty).is_some(),
    };
    if (unwrapped || super::std_values::is_constructor_name(func)) && dep_type() {
        // `let s = BString::from(..)` with `use bstr::BString`, or `let m =
        // Mutex::new(..)` of `type Mutex<T> = lock_api::Mutex<RawMutex, T>`:
        // a dependency's type, whose methods its source spells.
        return Some(ty);
    }
    // `Table::new()` of `type Table = Map<String, Value>`: `Map`'s.
    let ty = super::foreign::alias_target_project(ctx, &ty).unwrap_or(ty);
    let defs: Vec<_> = ctx
        .project
        .defs_named(func, 50)
        .into_iter()
        .filter(|d| {
            d.def
                .container
                .as_deref()
                .is_some_and(|c| c.rsplit('.').next() == Some(ty.as_str()))
        })
        .collect();
    if defs.is_empty() {
        // `Type::default()` from `#[derive(Default)]` or a trait impl
        // without a written body here: `Default` returns `Self`.
        let derived_default = func == "default" && direct && project_data_type(ctx, &ty);
        return derived_default.then_some(ty);
    }
    let defs: Vec<_> = defs.into_iter().map(|d| d.def).collect();
    super::returns::returned_type(ctx, r, &defs, Some(&ty), unwrapped)
}

/// `Level` for the path `Level::Error` (or `crate::log::Level::Error`,
/// `Self::Error`) when it names a variant of a project enum.
fn enum_of_variant_path(ctx: &FileCtx, r: &Reference, path: &str) -> Option<String> {
    let segs: Vec<&str> = path.trim_start_matches("::").split("::").collect();
    let [.., enum_name, variant] = segs.as_slice() else {
        return None;
    };
    if !variant.starts_with(char::is_uppercase)
        || !project_path(ctx, r, &segs[..segs.len() - 1].join("::"))
    {
        return None;
    }
    let enum_name = if *enum_name == "Self" {
        impl_type_at(ctx, r)?
    } else {
        enum_name.to_string()
    };
    ctx.project
        .defs_named(variant, 20)
        .iter()
        .any(|d| {
            d.def.kind == DefKind::EnumVariant
                && d.def
                    .container
                    .as_deref()
                    .and_then(|c| c.rsplit('.').next())
                    == Some(enum_name.as_str())
        })
        .then_some(enum_name)
}

/// Index of the `)` closing the `(` at the start of `s`.
pub(super) fn matching_paren(s: &str) -> Option<usize> {
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        if i > 4000 {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_types() {
        assert_eq!(base_type("&'a mut Foo<T>").as_deref(), Some("Foo"));
        assert_eq!(base_type("&self::a::Bar").as_deref(), Some("Bar"));
        assert_eq!(base_type("impl Iterator<Item = u8>"), None);
        assert_eq!(base_type("u32"), None);
        assert_eq!(
            base_type_path("&crate::a::Error").as_deref(),
            Some("crate::a::Error")
        );
        assert_eq!(base_type("(A, B)"), None);
    }
}

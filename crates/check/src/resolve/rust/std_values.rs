//! Standard-library types of values, where the code spells them: a
//! parameter's written type (`p: &Path`, `path: impl AsRef<Path>`), a `let`
//! annotation (`let n: u16 = ..`), a `let` initialised by a literal, a std
//! macro or a constructor of a std type (`Vec::new()`, `File::open(p)?`),
//! and the field of a variant of an enum this file writes (`OnDisk(File)`).
//! Such a value derefs to no project type, so its methods are std's and
//! those of traits in scope. Project types are `values`'; this module
//! infers nothing it does not read.

use plumb_facts::Reference;

use super::super::FileCtx;
use super::lets::{last_let_any, only_let, open_let};
use super::values::{
    base_type_path, param_type, single_trait, sole_binding, strip_refs, unwrapped_call,
    written_or_init,
};
use super::*;

/// The standard-library type of variable `var` at `r`: the value of a
/// parameter, a `let` or a pattern of a variant, when bound once there.
pub(super) fn std_value_type(ctx: &FileCtx, r: &Reference, var: &str) -> Option<String> {
    let (f, text, from) = sole_binding(ctx, r, var)?;
    let body = &text[from..];
    if let Some(at) = only_let(body, var).or_else(|| open_let(body, var)) {
        return std_let_type(ctx, r, f, &text[..from + at], &body[at..]);
    }
    // Rebound by a `let` of a closed block or a closure parameter.
    if last_let_any(body, var) || body.contains(&format!("|{var}")) {
        return None;
    }
    if let Some(p) = f.params.as_ref()?.list.iter().find(|p| p.name == var) {
        return std_written_type(ctx, r, p.type_text.as_deref()?);
    }
    // `Data::OnDisk(file) => file.m()`, the variant written in this file
    // (whose `use`s say what the field's type is).
    let mut found: Option<String> = None;
    for (field, path) in super::bindings::variant_fields(ctx, r, body, var)? {
        if path != ctx.path {
            return None;
        }
        let ty = std_written_type(ctx, r, &field)?;
        if found.as_ref().is_some_and(|t| *t != ty) {
            return None;
        }
        found = Some(ty);
    }
    found
}

/// The std type a `let` statement gives (`stmt` starts at its `let`):
/// its annotation, or an initializer that is a string literal, `vec!` /
/// `format!`, or a call of a std type's function that returns that type
/// (a constructor, or any function whose result is unwrapped: `?`,
/// `.unwrap()`, `.expect(..)`), or a conversion of an `impl AsRef<T>`-like
/// parameter (`let p = p.as_ref();`). `before` is `f`'s text up to `stmt`.
fn std_let_type(
    ctx: &FileCtx,
    r: &Reference,
    f: &plumb_facts::Definition,
    before: &str,
    stmt: &str,
) -> Option<String> {
    let init = match written_or_init(ctx, r, f, before, stmt)? {
        Ok(written) => return std_written_type(ctx, r, &written),
        Err(init) => init,
    };
    let end = init.find(';')?;
    let whole = init[..end].trim_end();
    if whole.starts_with('"')
        && whole.ends_with('"')
        && whole[1..].find('"') == Some(whole.len() - 2)
    {
        return Some("str".to_string());
    }
    for (mac, ty) in [("vec!", "Vec"), ("format!", "String")] {
        if let Some(rest) = whole.strip_prefix(mac)
            && rest.starts_with(['[', '('])
            && super::values::matching_paren(rest) == Some(rest.len() - 1)
            && !ctx.project.name_defined(mac.trim_end_matches('!'))
        {
            return Some(ty.to_string());
        }
    }
    let head_end = init.find('(')?;
    let callee = super::paths::strip_turbofish(&init[..head_end]);
    let (type_path, func) = callee.rsplit_once("::")?;
    if !func.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    let unwrapped = unwrapped_call(&init[head_end..])?;
    if !unwrapped && !is_constructor_name(func) {
        return None;
    }
    std_written_type(ctx, r, type_path)
}

/// The project type a variable points to through a std smart pointer its
/// parameter or `let` annotation writes (`registry: &Arc<Registry>`, `let
/// n: Box<Node> = ..`): its methods are the pointer's (std's) and the
/// pointee's. `None` when the pointer name is the project's own.
pub(super) fn pointee_type(ctx: &FileCtx, r: &Reference, var: &str) -> Option<String> {
    let (f, text, from) = sole_binding(ctx, r, var)?;
    let body = &text[from..];
    let written = match only_let(body, var).or_else(|| open_let(body, var)) {
        Some(at) => match super::lets::let_says(&body[at..])? {
            super::lets::LetSays::Annotated(t) => t,
            super::lets::LetSays::Init(_) => return None,
        },
        None if last_let_any(body, var) || body.contains(&format!("|{var}")) => return None,
        None => param_type(f, var)?,
    };
    let (pointer, rest) = strip_refs(written.trim()).split_once('<')?;
    let pointer = pointer.trim().rsplit("::").next()?;
    if !matches!(pointer, "Arc" | "Rc" | "Box") || ctx.project.name_defined(pointer) {
        return None;
    }
    super::values::project_type(ctx, r, rest.trim_end().strip_suffix('>')?)
}

/// Whether an associated function of a type is by convention one that
/// returns that type: `new*`, `with_*`, `default`, and `from` (`From`'s,
/// whose result is `Self`).
pub(super) fn is_constructor_name(func: &str) -> bool {
    func.starts_with("new") || func.starts_with("with_") || matches!(func, "default" | "from")
}

/// The name of a written std type (`&mut std::fs::File` -> `File`, `u16`,
/// `[u8]` -> `[T]`, `*const T` -> `pointer`, `impl Read` -> `Read`), when
/// the file's scope makes it std's: a std path, a `use` of one, or a
/// primitive no project item shadows. Smart pointers and guards
/// (`Arc<Foo>`) have their argument's methods too, so they are no answer.
pub(super) fn std_written_type(ctx: &FileCtx, r: &Reference, written: &str) -> Option<String> {
    let written = written.trim();
    if written.starts_with("*const ") || written.starts_with("*mut ") {
        // Raw pointers: their methods are std's (`is_null`, `add`, ...).
        return Some("pointer".to_string());
    }
    if let Some(tr) = single_trait(written) {
        // `impl AsRef<Path>`: the trait's methods and those of blanket impls.
        return std_written_type(ctx, r, tr);
    }
    let bare = strip_refs(written);
    if bare.starts_with('[') && bare.ends_with(']') && !bare.contains(';') {
        return Some("[T]".to_string());
    }
    if is_primitive_type(bare) && !ctx.project.name_defined(bare) {
        return Some(bare.to_string());
    }
    let path = base_type_path(written)?;
    let last = path.rsplit("::").next().unwrap_or(&path);
    // Pointers and guards (`Arc<Foo>`, `Box::new(..)`) have their target's
    // methods.
    if bare.contains(['(', '[']) || DEREF_TO_ARGUMENT.contains(&last) {
        return None;
    }
    let segs: Vec<&str> = path.trim_start_matches("::").split("::").collect();
    let full = match use_binding(ctx, segs[0], &r.span) {
        Some(b) => std::iter::once(b.as_str())
            .chain(segs[1..].iter().copied())
            .collect::<Vec<_>>()
            .join("::"),
        None if segs.len() > 1 => segs.join("::"),
        // A prelude type (`Vec`, `String`) that nothing here shadows.
        None if PRELUDE_TYPES.contains(&segs[0]) && !shadowed_here(ctx, segs[0]) => {
            return Some(segs[0].to_string());
        }
        None => return None,
    };
    let last = full.rsplit("::").next()?;
    (is_std_root(full.split("::").next()?) && !ctx.project.name_defined(last))
        .then(|| last.to_string())
}

/// Types of the std prelude whose methods are their own (no smart
/// pointer), and its traits, for `impl Trait` and `dyn Trait`.
const PRELUDE_TYPES: &[&str] = &[
    "Vec",
    "String",
    "Option",
    "Result",
    "AsMut",
    "AsRef",
    "Clone",
    "Default",
    "Eq",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "Extend",
    "From",
    "Into",
    "TryFrom",
    "TryInto",
    "FromIterator",
    "Iterator",
    "IntoIterator",
    "DoubleEndedIterator",
    "ExactSizeIterator",
    "ToOwned",
    "ToString",
];

/// Whether the project defines `name`, a `use` names it or a glob of a
/// non-std module may bring another.
fn shadowed_here(ctx: &FileCtx, name: &str) -> bool {
    ctx.project.name_defined(name)
        || ctx.import_binding(name).is_some()
        || ctx
            .facts
            .imports
            .iter()
            .any(|i| i.wildcard && !is_std_root(i.module.split("::").next().unwrap_or("")))
}

/// Std types that deref to (or stand for) a type they are generic over:
/// `Box<Foo>` has `Foo`'s methods.
pub(super) const DEREF_TO_ARGUMENT: &[&str] = &[
    "Box",
    "Rc",
    "Arc",
    "Ref",
    "RefMut",
    "MutexGuard",
    "RwLockReadGuard",
    "RwLockWriteGuard",
    "Cow",
    "Pin",
    "ManuallyDrop",
    "AssertUnwindSafe",
    "LazyLock",
    "LazyCell",
    "Wrapping",
    "Saturating",
];

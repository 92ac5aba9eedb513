//! Rust calls: bare names through scopes and `use`, and paths into std,
//! the project and dependencies, with arity where definitions agree.

use plumb_facts::{DefKind, Lang, Reference};

use super::super::{FileCtx, Outcome};
use super::*;
use crate::builtins::{self, Lookup};
use crate::project::ProjectDef;
use crate::report::FindingKind;

pub fn check_ref(ctx: &FileCtx, r: &Reference) -> Vec<Outcome> {
    if r.kind == plumb_facts::RefKind::Call && r.arg_count.is_none() && is_macro_call(ctx, r) {
        return super::macros::check_macro(ctx, r);
    }
    if r.kind != plumb_facts::RefKind::Call || r.arg_count.is_none() {
        // Types, plain uses and struct literals are not checked.
        return vec![skipped!()];
    }
    if ctx.after_dot(r) {
        // `self.m(..)` inside an impl resolves through the impl's type; a
        // method of any other value has a type not known here.
        let ty = match r.qualifier.as_deref() {
            Some("self") => super::assoc::self_type_at(ctx, r),
            Some(v) => super::values::var_type(ctx, r, v),
            None => None,
        };
        if let Some(ty) = ty {
            if r.qualifier.as_deref() == Some("self")
                && super::assoc::self_is_wrapped(ctx, r)
                && std_fn_names().contains(r.name.as_str())
            {
                // `self.get_mut()` on `self: Pin<&mut Self>`: the pointer's.
                return vec![Outcome::Resolved];
            }
            if let Some(bounds) = super::generics::bounds_of(ctx, r, &ty) {
                return super::generics::check_bounded(ctx, r, &ty, &bounds);
            }
            // `self` of an impl the project writes: a glob import of the file
            // cannot make that type another crate's unless a `use` names it.
            let own_self = r.qualifier.as_deref() == Some("self")
                && ctx.import_binding(&ty).is_none()
                && !builtins::is_builtin(Lang::Rust, &ty)
                && project_data_type(ctx, &ty);
            if own_self || super::assoc::is_project_type_here(ctx, &ty) {
                return super::assoc::check_assoc(ctx, r, &ty, false);
            }
            let shadowed =
                ctx.project.name_defined(&ty) || use_binding(ctx, &ty, &r.span).is_some();
            let pointer = super::std_values::DEREF_TO_ARGUMENT.contains(&ty.as_str());
            if builtins::is_builtin(Lang::Rust, &ty) && !shadowed && !pointer {
                // `let s: String = ..; s.pushh(..)`; `self` in `impl Tr for f32`.
                return super::foreign::std_type_assoc(ctx, r, &ty);
            }
            // `input: ParseStream` with `use syn::parse::ParseStream`; `self`
            // in `impl Tr for Ident` with `use proc_macro2::Ident`.
            if let Some(full) = use_binding(ctx, &ty, &r.span)
                && let Some((krate, version)) =
                    dep_crate(ctx, full.split("::").next().unwrap_or(""))
            {
                return super::foreign::dep_type_assoc(ctx, r, &krate, version.as_deref(), &ty);
            }
        }
        // `p: &Path` with `use std::path::Path`; `"text".m()`, `b"bytes".m()`.
        let std_ty = match r.qualifier.as_deref() {
            Some(q) if is_plain_string_literal(q) => Some("str".to_string()),
            Some(q) if q.strip_prefix('b').is_some_and(is_plain_string_literal) => {
                Some("[u8]".to_string())
            }
            Some(v) => super::std_values::std_value_type(ctx, r, v),
            None => None,
        };
        if let Some(ty) = std_ty {
            return super::foreign::std_type_assoc(ctx, r, &ty);
        }
        // `registry: &Arc<Registry>`: `Arc`'s methods (std's), then the
        // project type's.
        if let Some(v) = r.qualifier.as_deref()
            && let Some(ty) = super::std_values::pointee_type(ctx, r, v)
            && super::assoc::is_project_type_here(ctx, &ty)
        {
            if std_fn_names().contains(r.name.as_str()) {
                return vec![Outcome::Resolved];
            }
            return super::assoc::check_assoc(ctx, r, &ty, false);
        }
        if let Some(found) = super::everywhere::spelled_nowhere(ctx, r) {
            return found;
        }
        return vec![skipped!()];
    }
    let q = r.qualifier.as_deref().map(strip_turbofish);
    match q.as_deref() {
        None => bare(ctx, r),
        Some(q) if q.contains('(') || q.contains('.') || q.contains('<') || q.contains('[') => {
            vec![skipped!()]
        }
        Some(q) => path(ctx, r, q),
    }
}

/// The path before `::<..>::` at the end of `before` (`SmallVec` in
/// `SmallVec::<[u32; 2]>::`), when that is what it ends with.
fn turbofish_qualifier(before: &str) -> Option<String> {
    let t = before.trim_end().strip_suffix("::")?.trim_end();
    let t = t.strip_suffix('>')?;
    let mut depth = 1;
    let mut open = None;
    for (i, c) in t.char_indices().rev() {
        match c {
            '>' if !t[..i].ends_with('-') => depth += 1,
            '<' => {
                depth -= 1;
                if depth == 0 {
                    open = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let head = t[..open?].strip_suffix("::")?;
    let start = head
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .map_or(0, |k| k + 1);
    let path = head[start..].trim_start_matches("::");
    (!path.is_empty() && path.starts_with(|c: char| c.is_alphabetic() || c == '_'))
        .then(|| path.to_string())
}

/// `"text"` as a whole receiver (not `"a".parse::<T>()`, whose text also
/// starts with a quote).
fn is_plain_string_literal(q: &str) -> bool {
    let Some(inner) = q.strip_prefix('"').and_then(|r| r.strip_suffix('"')) else {
        return false;
    };
    let mut escaped = false;
    for c in inner.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return false,
            _ => escaped = false,
        }
    }
    !escaped
}

/// `LinearMap::<K, V, 1>` -> `LinearMap`: generic arguments written with a
/// turbofish are not part of the path.
pub(super) fn strip_turbofish(q: &str) -> String {
    let b = q.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut depth = 0u32;
    let mut i = 0;
    while i < b.len() {
        if depth == 0 && b[i..].starts_with(b"::<") {
            depth = 1;
            i += 3;
            continue;
        }
        if depth > 0 {
            match b[i] {
                b'<' => depth += 1,
                b'>' => depth -= 1,
                _ => {}
            }
        } else {
            out.push(b[i]);
        }
        i += 1;
    }
    // Only ASCII runs were dropped, so `out` is still UTF-8.
    match String::from_utf8(out) {
        Ok(s) if depth == 0 => s,
        _ => q.to_string(),
    }
}

/// `let name = name(..)`: the call is in the initializer of the only local
/// binding of its name, which is not in scope there yet.
fn own_let_initializer(ctx: &FileCtx, r: &Reference) -> bool {
    let binds = ctx
        .facts
        .locals
        .iter()
        .filter(|l| {
            l.name == r.name
                && l.scope.start_byte <= r.span.start_byte
                && r.span.end_byte <= l.scope.end_byte
        })
        .count();
    if binds != 1 {
        return false;
    }
    let line = ctx.line_text(r.span.start_line);
    let col = (r.span.start_col as usize)
        .saturating_sub(1)
        .min(line.len());
    let before = line.get(..col).unwrap_or("").trim();
    let Some(rest) = before.strip_prefix("let ") else {
        return false;
    };
    let rest = rest
        .trim_start()
        .strip_prefix("mut ")
        .unwrap_or(rest)
        .trim_start();
    rest.strip_prefix(r.name.as_str())
        .is_some_and(|t| t.trim_start().starts_with(['=', ':']) && t.trim_end().ends_with('='))
}

/// `name!` as written: a macro invocation rather than a struct literal.
fn is_macro_call(ctx: &FileCtx, r: &Reference) -> bool {
    ctx.text
        .get(r.span.end_byte as usize..)
        .is_some_and(|t| t.trim_start().starts_with('!'))
}

pub(super) fn bare(ctx: &FileCtx, r: &Reference) -> Vec<Outcome> {
    let name = r.name.as_str();
    let before = ctx.text.get(..r.span.start_byte as usize).unwrap_or("");
    if before.trim_end().ends_with("::") {
        // A path whose qualifier the adapter did not record: a turbofish
        // with an array type (`SmallVec::<[u32; 2]>::from`) is read back;
        // `char::from_u32` and `<T as Trait>::f` are left alone.
        return match turbofish_qualifier(before) {
            Some(q) => path(ctx, r, &q),
            None => vec![skipped!()],
        };
    }
    if ctx.local_binds(r) && !own_let_initializer(ctx, r) {
        return vec![Outcome::Resolved];
    }
    let own: Vec<_> = super::super::scope::file_defs(ctx.facts, name);
    let binding = use_binding(ctx, name, &r.span);
    if !own.is_empty() && binding.is_none() {
        let mut out = vec![Outcome::Resolved];
        if own.len() == 1 && own[0].kind == DefKind::Function {
            out.extend(arity(ctx, r, &[own[0].clone()], false));
        }
        return out;
    }
    // A `use` in an inner module may name an item of this file
    // (`use crate::tree::tests::helpers::push;`): the path says which.
    if let Some(full) = binding {
        let mut out = vec![Outcome::Resolved];
        let first = full.split("::").next().unwrap_or("");
        // A file outside every crate's module tree (a test fixture) has no
        // `crate` to look in.
        let in_crate = super::modules::current_module(ctx, &r.span).is_some();
        if in_crate && matches!(first, "crate" | "self" | "super") {
            // The module tree says which function the `use` names
            // (`use crate::parse::tests::util::name_event`).
            let segs: Vec<String> = full.split("::").map(str::to_string).collect();
            if let super::modules::Walk::Item(i, d) = super::modules::walk(ctx, &segs, &r.span)
                && i + 1 == segs.len()
                && d.kind == DefKind::Function
            {
                out.extend(arity(ctx, r, &[d], false));
                return out;
            }
        }
        if in_crate && matches!(first, "crate" | "self" | "super") || own_crate(ctx, first) {
            out.extend(own_crate_fn_arity(ctx, r, &full));
        }
        return out;
    }
    if builtins::is_builtin(Lang::Rust, name) || ctx.bound_elsewhere(name) {
        let mut out = vec![Outcome::Resolved];
        // `use super::*;` in a test module, the name re-exported above it.
        if let Some(i) = ctx
            .facts
            .imports
            .iter()
            .find(|i| i.wildcard && import_visible(ctx, i, &r.span))
            && ctx
                .facts
                .imports
                .iter()
                .filter(|i| i.wildcard && import_visible(ctx, i, &r.span))
                .count()
                == 1
        {
            out.extend(glob_function_arity(ctx, r, &i.module));
        }
        return out;
    }
    let in_project = ctx.project.name_defined(name);
    if ctx.has_wildcard_import() {
        // Each glob is checked against what it can bring: the project, the
        // standard library's module members, or a dependency's source.
        for i in ctx
            .facts
            .imports
            .iter()
            .filter(|i| i.wildcard && import_visible(ctx, i, &r.span))
        {
            let f = i.module.split("::").next().unwrap_or("");
            let provides = if enum_glob(ctx, &i.module) && !name.starts_with(char::is_uppercase) {
                // `use std::cmp::Ordering::*`: an enum's glob brings its
                // variants, never a function.
                false
            } else if is_std_root(f) {
                match builtins::stdlib_module(Lang::Rust, &i.module) {
                    Some(m) => m.member(name) != Some(false),
                    None => true,
                }
            } else if let Some((krate, version)) = dep_crate(ctx, f) {
                let src = match version.as_deref() {
                    Some(v) => ctx.deps.cargo_source(&krate, v),
                    None => ctx.deps.cargo_source_any(&krate),
                };
                src.is_none_or(|dir| ctx.deps.crate_names(&dir).contains(name))
            } else {
                in_project || super::modules::glob_brings(ctx, r, &i.module)
            };
            if provides {
                let mut out = vec![Outcome::Resolved];
                out.extend(glob_function_arity(ctx, r, &i.module));
                return out;
            }
        }
    } else if in_project {
        // Defined in the project but not imported here: a compile error, but
        // macros and `#[path]` modules make it uncertain; leave it.
        return vec![skipped!()];
    }
    let pool: Vec<(String, String, u32)> = ctx
        .facts
        .definitions
        .iter()
        .map(|d| (d.name.clone(), ctx.path.to_string(), d.name_span.start_line))
        .collect();
    vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!("cannot find function '{name}' in this scope"),
        vec![
            "locals and closures in scope: no".into(),
            format!("items of {}: no", ctx.path),
            format!("`use` declarations of {}: no", ctx.path),
            "the prelude and std: no".into(),
            "definitions anywhere in the index: no".into(),
        ],
        ctx.candidates(name, &pool),
        if ctx.facts.dynamic { 0.6 } else { 0.85 },
    ))]
}

/// Whether a glob's path ends at a type (`std::cmp::Ordering`,
/// `ignore::WalkState`): only an enum's variants can be glob-imported from a
/// type. Modules are lowercase by Rust's naming rules; a capitalised
/// segment that is a std or project module is still one.
fn enum_glob(ctx: &FileCtx, module: &str) -> bool {
    let last = module.rsplit("::").next().unwrap_or(module);
    last.starts_with(char::is_uppercase)
        && builtins::stdlib_module(Lang::Rust, module).is_none()
        && !ctx
            .project
            .defs_named(last, 10)
            .iter()
            .any(|d| d.def.kind == DefKind::Module)
}

/// Arity through a project glob (`use super::*;` in a test module) that
/// brings exactly one function named like the call, re-exports followed.
fn glob_function_arity(ctx: &FileCtx, r: &Reference, module: &str) -> Vec<Outcome> {
    let segs: Vec<String> = module.split("::").map(str::to_string).collect();
    if !matches!(segs[0].as_str(), "crate" | "self" | "super") {
        return Vec::new();
    }
    let super::modules::Walk::Module(m) = super::modules::walk(ctx, &segs, &r.span) else {
        return Vec::new();
    };
    match super::modules::member(ctx, &m, &r.name) {
        super::modules::Member::Item(d) if d.kind == DefKind::Function => {
            arity(ctx, r, &[d], false)
        }
        // `use super::*;` under `use my_crate::bounded;`.
        _ => match super::modules::bound_path(ctx, &m, &r.name) {
            Some(full) if own_crate(ctx, full.split("::").next().unwrap_or("")) => {
                own_crate_fn_arity(ctx, r, &full)
            }
            _ => Vec::new(),
        },
    }
}

/// Arity of a call to the top-level functions named like the end of
/// `full`, a path into one of the project's crates (`my_crate::bounded`).
fn own_crate_fn_arity(ctx: &FileCtx, r: &Reference, full: &str) -> Vec<Outcome> {
    let target = full.rsplit("::").next().unwrap_or(full);
    let fns = library_fns(ctx, full.split("::").next().unwrap_or(""), target);
    if fns.is_empty() {
        return Vec::new();
    }
    arity(ctx, r, &fns, false)
}

/// Whether the function around `r` spells `fn name` before it (after its
/// own header): a local item, often one a macro makes (`syscall! { fn
/// init_module(..) via SYS_init_module }`), that the call names instead of
/// the project's function.
fn locally_made_fn(ctx: &FileCtx, r: &Reference) -> bool {
    let Some(f) = ctx.enclosing_function(r) else {
        return false;
    };
    let Some(body) = ctx
        .text
        .get(f.name_span.end_byte as usize..r.span.start_byte as usize)
    else {
        return false;
    };
    let base = f.name_span.end_byte as usize;
    let needle = format!("fn {}", r.name);
    body.match_indices(&needle).any(|(i, _)| {
        let at = (base + i + 3) as u32;
        body[i + needle.len()..]
            .chars()
            .next()
            .is_some_and(|c| !(c.is_alphanumeric() || c == '_'))
            // A nested item the parser saw is a definition like any other.
            && !ctx
                .facts
                .definitions
                .iter()
                .any(|d| d.name == r.name && d.name_span.start_byte == at)
    })
}

/// The top-level functions named `name` in the library crate `krate` of
/// the project (`crate`/`self`/`super`: the checked file's): only that
/// crate's files, not a test or binary beside it (`tests/smoke.rs` with
/// its own `fn char()` is another crate).
fn library_fns(ctx: &FileCtx, krate: &str, name: &str) -> Vec<plumb_facts::Definition> {
    let src = if matches!(krate, "crate" | "self" | "super") {
        match super::modules::current_module(ctx, &Default::default()) {
            // A standalone root (`tests/smoke.rs`, `tests/it/main.rs`): the
            // file and the module files beside or under it.
            Some((root, _)) if root.ends_with(".rs") => {
                let (dir, file) = root.rsplit_once('/').unwrap_or(("", &root));
                match file {
                    "main.rs" | "lib.rs" | "mod.rs" if dir.is_empty() => String::new(),
                    "main.rs" | "lib.rs" | "mod.rs" => format!("{dir}/"),
                    _ => root.strip_suffix(".rs").unwrap_or(&root).to_string(),
                }
            }
            Some((src, _)) => format!("{src}/"),
            None => return Vec::new(),
        }
    } else {
        match own_crate_root(ctx, krate) {
            Some(root) => root.strip_suffix("lib.rs").unwrap_or(&root).to_string(),
            None => return Vec::new(),
        }
    };
    ctx.project
        .defs_named(name, 50)
        .into_iter()
        .filter(|d| {
            let own_root = d.path == ctx.path && matches!(krate, "crate" | "self" | "super");
            d.def.container.is_none()
                && (own_root
                    || d.path.starts_with(&src)
                        && !super::modules::is_standalone_root(ctx, &d.path))
        })
        .map(|d| d.def)
        .collect()
}

pub(super) fn arity(
    ctx: &FileCtx,
    r: &Reference,
    defs: &[plumb_facts::Definition],
    ufcs: bool,
) -> Vec<Outcome> {
    let (Some(given), Some(first), Some(p0)) =
        (r.arg_count, defs.first(), super::super::agreed_params(defs))
    else {
        return Vec::new();
    };
    if locally_made_fn(ctx, r) {
        return Vec::new();
    }
    let mut pos = given;
    if ufcs && p0.has_receiver() {
        if pos == 0 {
            return Vec::new();
        }
        pos -= 1;
    }
    match p0.call_fits(pos, &[], r.has_spread) {
        Ok(()) => Vec::new(),
        Err(_) => {
            let want = p0.min_positional();
            vec![Outcome::Found(ctx.finding(
                FindingKind::ArityMismatch,
                &r.span,
                format!(
                    "'{}' takes {want} argument(s) but {pos} were supplied",
                    r.name
                ),
                vec![format!(
                    "resolved to {} {}{} ({} definition(s) agree)",
                    first.kind.name(),
                    first.qualified_name(),
                    p0.summary(),
                    defs.len()
                )],
                Vec::new(),
                if ctx.facts.dynamic { 0.6 } else { 0.85 },
            ))]
        }
    }
}

pub(super) fn missing(
    ctx: &FileCtx,
    r: &Reference,
    msg: String,
    evidence: Vec<String>,
    pool: Vec<ProjectDef>,
    conf: f64,
) -> Vec<Outcome> {
    let pool: Vec<(String, String, u32)> = pool
        .into_iter()
        .map(|d| (d.def.name, d.path, d.def.name_span.start_line))
        .collect();
    vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        msg,
        evidence,
        ctx.candidates(&r.name, &pool),
        if ctx.facts.dynamic {
            conf.min(0.6)
        } else {
            conf
        },
    ))]
}

pub(super) fn path(ctx: &FileCtx, r: &Reference, q: &str) -> Vec<Outcome> {
    let name = r.name.as_str();
    let q = q.trim_start_matches("::");
    let mut segs: Vec<String> = q.split("::").map(str::to_string).collect();
    if segs.iter().any(|s| is_primitive(s)) {
        // Associated functions of primitive types (`char::from`,
        // `u8::try_from`, `str::eq`): std functions, or methods of a trait
        // the project or a dependency implements for the primitive.
        if segs.len() != 1 || !is_primitive(&segs[0]) || name.starts_with(char::is_uppercase) {
            return vec![skipped!()];
        }
        if std_fn_names().contains(name) || std_names().contains(name) || ctx.bound_elsewhere(name)
        {
            return vec![Outcome::Resolved];
        }
        let dep_traits = super::traits::dep_traits(ctx, r, name);
        if ctx.project.name_defined(name) || dep_traits == super::traits::DepTraits::MayProvide {
            return vec![skipped!()];
        }
        let mut evidence = vec![
            format!("the standard library: no function named '{name}'"),
            "traits of the project and its dependencies: none name it".into(),
        ];
        let confidence = dep_traits.weigh(name, 0.8, &mut evidence);
        return missing(
            ctx,
            r,
            format!(
                "no function or associated item named '{name}' found for '{}'",
                segs[0]
            ),
            evidence,
            Vec::new(),
            confidence,
        );
    }
    // Expand a `use` binding of the first segment (a local variable of
    // the same name is no path: `let ptr = ..; ptr::copy(..)`).
    if !matches!(segs[0].as_str(), "crate" | "self" | "super" | "Self")
        && let Some(full) = use_binding(ctx, &segs[0], &r.span)
    {
        let mut v: Vec<String> = full.split("::").map(str::to_string).collect();
        v.extend(segs.drain(1..));
        segs = v;
    }
    let first = segs[0].clone();
    let full = format!("{}::{name}", segs.join("::"));
    if is_std_root(&first)
        && (platform_specific(&full) || super::imports::shadowed_root(ctx, &first))
    {
        return vec![skipped!()];
    }
    if is_std_root(&first) {
        return match builtins::lookup(Lang::Rust, &full) {
            Lookup::MissingMember(m, member)
                if (member == name || segs.len() == 2) && !macro_generated_std(m.name, &member) =>
            {
                missing(
                    ctx,
                    r,
                    format!("'{member}' does not exist in '{}'", m.name),
                    vec![format!(
                        "standard library module {} ({} members)",
                        m.name,
                        m.members().len()
                    )],
                    Vec::new(),
                    0.85,
                )
            }
            // `std::collections::HashMap::neww`: a function of a std type.
            Lookup::Member(m, member)
                if segs.len() >= 2
                    && member == segs[segs.len() - 1]
                    && member.starts_with(char::is_uppercase)
                    && builtins::is_stdlib_module(
                        Lang::Rust,
                        &segs[..segs.len() - 1].join("::"),
                    )
                    && m.name.ends_with(segs[segs.len() - 2].as_str()) =>
            {
                super::foreign::std_type_assoc(ctx, r, &member)
            }
            Lookup::Member(..) | Lookup::Module(_) => vec![Outcome::Resolved],
            _ => vec![skipped!()],
        };
    }
    if matches!(first.as_str(), "crate" | "self" | "super")
        || first != "Self" && super::assoc::is_child_module(ctx, r, &first)
    {
        return super::assoc::module_path(ctx, r, &segs);
    }
    if own_crate(ctx, &first) {
        // `krate::Type::f(..)` (an example or test of the crate naming it):
        // the functions of the project type.
        if let Some(last) = segs
            .last()
            .filter(|l| segs.len() >= 2 && l.starts_with(char::is_uppercase))
        {
            if segs.len() == 2 && project_data_type(ctx, last) {
                return super::assoc::check_assoc(ctx, r, last, true);
            }
            // `krate::atomic::AtomicCell::new`: the crate's module tree says
            // which type the path names.
            if let Some(root) = own_crate_root(ctx, &first)
                && let super::modules::Walk::Item(i, d) = super::modules::walk_in(
                    ctx,
                    &super::modules::Module {
                        file: root,
                        inline: Vec::new(),
                    },
                    &segs[1..],
                )
                && i + 2 == segs.len()
                && matches!(
                    d.kind,
                    DefKind::Struct | DefKind::Enum | DefKind::Union | DefKind::Trait
                )
            {
                return super::assoc::check_assoc(ctx, r, &d.name, true);
            }
            // A type alias of another crate's type, a trait, a re-export.
            return vec![skipped!()];
        }
        // `crate::m::x` where `m` is not an item of the project: a re-export
        // of another crate's module or type (`pub use dep::m`).
        if let Some(last) = segs
            .last()
            .filter(|_| segs.len() > 1)
            .filter(|l| !matches!(l.as_str(), "crate" | "self" | "super"))
            && !ctx.project.name_defined(last)
            && !ctx.project.all_files().iter().any(|p| {
                p.ends_with(&format!("/{last}.rs")) || p.ends_with(&format!("/{last}/mod.rs"))
            })
        {
            return vec![skipped!()];
        }
        // `tracing_log::log::f` after `pub use log;` in that crate's root:
        // another crate's module.
        if segs.len() > 1 && root_reexports_external(ctx, &first, &segs[1]) {
            return vec![skipped!()];
        }
        let defs = ctx.project.defs_named(name, 50);
        if defs.is_empty() {
            if ctx.bound_elsewhere(name) || std_names().contains(name) {
                return vec![Outcome::Resolved];
            }
            if super::scan::crate_scan(ctx).use_words.contains(name) {
                // Another crate's item re-exported by a `use` of the project.
                return vec![skipped!()];
            }
            let pool = ctx
                .project
                .defs_with_prefix(&name.chars().take(2).collect::<String>(), 300);
            return missing(
                ctx,
                r,
                format!("cannot find '{name}' in '{}'", segs.join("::")),
                vec!["definitions anywhere in the project index: none named so".into()],
                pool,
                0.85,
            );
        }
        let fns = library_fns(ctx, &first, name);
        let mut out = vec![Outcome::Resolved];
        if !fns.is_empty()
            && segs
                .last()
                .is_some_and(|s| s.chars().next().is_some_and(|c| c.is_lowercase()))
        {
            out.extend(arity(ctx, r, &fns, false));
        }
        return out;
    }
    if let Some((krate, version)) = dep_crate(ctx, &first) {
        let unlocked = version.is_none();
        let src = match version.as_deref() {
            Some(v) => ctx.deps.cargo_source(&krate, v),
            None => ctx.deps.cargo_source_any(&krate),
        };
        let Some(dir) = src else {
            if !ctx.first_time(&format!("unverifiable:{krate}")) {
                return vec![skipped!()];
            }
            return vec![Outcome::Found(ctx.finding(
                FindingKind::Unverifiable,
                &r.span,
                match version {
                    Some(v) => format!(
                        "the source of crate '{krate}' {v} is not installed ('cargo fetch' installs it); '{name}' cannot be checked"
                    ),
                    None => format!(
                        "the source of crate '{krate}' is not installed ('cargo fetch' installs it); '{name}' cannot be checked"
                    ),
                },
                vec!["searched ~/.cargo/registry/src/*/".into()],
                Vec::new(),
                0.3,
            ))];
        };
        let names = ctx.deps.crate_names(&dir);
        if names.contains(name) || std_names().contains(name) {
            return vec![Outcome::Resolved];
        }
        // Through a module or type the crate only re-exports from elsewhere
        // (`pub use other::dir::remove as remove_dir`, `pub use core::task::Context`),
        // the name lives in another crate: not checkable here.
        let decls = super::depsrc::dep_decls(&dir);
        if decls.includes {
            // Generated bindings (`include!(concat!(env!("OUT_DIR"), ..))`).
            return vec![skipped!()];
        }
        // Through an alias (`OwnShared::try_unwrap`, `type OwnShared<T> =
        // Arc<T>`), the name is the target type's.
        let through_reexport = segs[1..].iter().any(|s| {
            if s.starts_with(char::is_uppercase) {
                !decls.types.contains(s.as_str()) || decls.aliases.contains(s.as_str())
            } else {
                !decls.mods.contains(s.as_str())
            }
        });
        if through_reexport {
            return vec![skipped!()];
        }
        // `Bytes::from_request`, `Punct::new_spanned`: a trait of the project
        // or of another crate, implemented for the dependency's type, may
        // give a type its associated fns.
        let on_type = segs
            .last()
            .is_some_and(|s| s.starts_with(char::is_uppercase));
        if on_type && (ctx.project.name_defined(name) || may_come_from_outside(ctx, name)) {
            return vec![skipped!()];
        }
        let pool: Vec<(String, String, u32)> = names
            .iter()
            .map(|n| (n.clone(), dir.display().to_string(), 0))
            .collect();
        return vec![Outcome::Found(ctx.finding(
            FindingKind::UnknownSymbol,
            &r.span,
            match version {
                Some(v) => format!("crate '{krate}' {v} defines no item named '{name}'"),
                None => format!("crate '{krate}' defines no item named '{name}'"),
            },
            vec![format!(
                "every definition and re-export in {}",
                dir.display()
            )],
            ctx.candidates(name, &pool),
            if ctx.facts.dynamic || unlocked {
                0.6
            } else {
                0.8
            },
        ))];
    }
    // `Self::f` or `Type::f` for a type the project defines.
    if segs.len() == 1 {
        let ty = if first == "Self" {
            match super::assoc::impl_type_at(ctx, r) {
                Some(t) => t,
                None => return vec![skipped!()],
            }
        } else {
            first.clone()
        };
        // A lowercase name is a type only where the project writes one so
        // (`z_stream::default()`, C style) and no module shares it.
        let type_like = ty.starts_with(char::is_uppercase)
            || project_data_type(ctx, &ty)
                && !ctx
                    .project
                    .defs_named(&ty, 10)
                    .iter()
                    .any(|d| d.def.kind == DefKind::Module);
        if !type_like {
            return vec![skipped!()];
        }
        if !super::assoc::is_project_type_here(ctx, &ty) {
            // A prelude type (`String::neww`) not shadowed here.
            let shadowed =
                ctx.project.name_defined(&ty) || use_binding(ctx, &ty, &r.span).is_some();
            if builtins::is_builtin(Lang::Rust, &ty) && !shadowed {
                return super::foreign::std_type_assoc(ctx, r, &ty);
            }
            return vec![skipped!()];
        }
        return super::assoc::check_assoc(ctx, r, &ty, true);
    }
    vec![skipped!()]
}

fn is_primitive(s: &str) -> bool {
    is_primitive_type(s) || matches!(s, "slice" | "array")
}

/// Whether the library root of the project's crate `krate` binds `name`
/// with a `use` of another crate (`pub use log;`, `pub use dep::m as name;`).
fn root_reexports_external(ctx: &FileCtx, krate: &str, name: &str) -> bool {
    let Some(root) = own_crate_root(ctx, krate) else {
        return false;
    };
    ctx.project.facts_of(&root).is_some_and(|rc| {
        rc.1.imports.iter().any(|i| {
            let first = i.module.split("::").next().unwrap_or("");
            let binds = if i.names.is_empty() {
                i.alias
                    .as_deref()
                    .unwrap_or(i.module.rsplit("::").next().unwrap_or(""))
                    == name
            } else {
                i.names
                    .iter()
                    .any(|n| n.alias.as_deref().unwrap_or(&n.name) == name)
            };
            binds && !i.relative && !matches!(first, "crate" | "self" | "super")
        })
    })
}

/// The library root file of the project's crate `krate` (`src/lib.rs`
/// beside its Cargo.toml), when the index has it.
fn own_crate_root(ctx: &FileCtx, krate: &str) -> Option<String> {
    let manifest = ctx.project.manifest();
    let (_, _, path) = manifest.own_packages.iter().find(|(e, n, _)| {
        *e == plumb_facts::Ecosystem::Cargo && plumb_manifest::cargo_crate_import_name(n) == krate
    })?;
    let dir = path.rsplit_once('/').map_or("", |x| x.0);
    let root = if dir.is_empty() {
        "src/lib.rs".to_string()
    } else {
        format!("{dir}/src/lib.rs")
    };
    ctx.project.file_exists(&root).then_some(root)
}

#[cfg(test)]
mod tests {
    use super::{strip_turbofish, turbofish_qualifier};

    #[test]
    fn qualifiers_read_back_from_a_turbofish() {
        assert_eq!(
            turbofish_qualifier("assert_eq!(&SmallVec::<[u32; 2]>::").as_deref(),
            Some("SmallVec")
        );
        assert_eq!(
            turbofish_qualifier("x = crate::buf::Buf::<Vec<u8>>::").as_deref(),
            Some("crate::buf::Buf")
        );
        assert_eq!(turbofish_qualifier("<T as Trait>::"), None);
        assert_eq!(turbofish_qualifier("char::"), None);
    }

    #[test]
    fn turbofish_is_dropped_and_other_text_kept_whole() {
        assert_eq!(strip_turbofish("Vec::<u8>::new"), "Vec::new");
        assert_eq!(strip_turbofish("a::<Vec<u8>>"), "a");
        assert_eq!(strip_turbofish("\"─ ☃\".repeat"), "\"─ ☃\".repeat");
        assert_eq!(strip_turbofish("x::<open"), "x::<open");
    }
}

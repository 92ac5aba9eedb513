//! Python references: bare names through the scopes a reader uses,
//! `self.m`/`Class.m` within visible class hierarchies, `module.attr`.

use plumb_facts::{DefKind, Definition, Import, Lang, Reference};

use super::super::{FileCtx, Outcome, scope};
use super::classes::{
    ClassRef, Member, Members, Where, defining_file, lookup, own_src, resolve_class,
};
use super::scopes::{local_import_only, nested_function, shadows};
use super::*;
use crate::builtins::{self, Lookup};
use crate::report::FindingKind;

pub fn check_ref(ctx: &FileCtx, r: &Reference) -> Vec<Outcome> {
    if r.qualifier.is_none() && ctx.after_dot(r) {
        return vec![skipped!()];
    }
    match r.qualifier.as_deref() {
        None => bare(ctx, r),
        Some(q) => qualified(ctx, r, q),
    }
}

pub(super) fn bare(ctx: &FileCtx, r: &Reference) -> Vec<Outcome> {
    let name = r.name.as_str();
    if ctx.local_binds(r) {
        let mut out = vec![Outcome::Resolved];
        if let Some(d) = nested_function(ctx, r) {
            out.extend(arity(ctx, r, &[d], ctx.text, false));
        } else if local_import_only(ctx, r, name)
            && let Some((imp, full)) = ctx.import_binding(name)
            && !imp.names.is_empty()
        {
            // `from .m import f` inside the function, then `f(...)`.
            out.extend(imported_arity(ctx, r, imp, &full));
        }
        return out;
    }
    let own: Vec<&Definition> = scope::file_defs(ctx.facts, name);
    if !own.is_empty() {
        let mut out = vec![Outcome::Resolved];
        if ctx.import_binding(name).is_none() {
            let top: Vec<&Definition> = own
                .iter()
                .copied()
                .filter(|d| d.container.is_none())
                .collect();
            if !top.is_empty() && top.len() == own.len() {
                out.extend(arity(ctx, r, &top, ctx.text, false));
            }
        }
        return out;
    }
    if let Some((imp, full)) = ctx.import_binding(name) {
        let mut out = vec![Outcome::Resolved];
        if !imp.names.is_empty() {
            out.extend(imported_arity(ctx, r, imp, &full));
        }
        return out;
    }
    if builtins::is_builtin(Lang::Python, name) {
        return vec![Outcome::Resolved];
    }
    if name.starts_with("__") || ctx.bound_elsewhere(name) {
        return vec![Outcome::Resolved];
    }
    let mut wildcard_missed = false;
    for imp in ctx.facts.imports.iter().filter(|i| i.wildcard) {
        let loc = if imp.relative {
            match relative_dir(ctx, imp.relative_level.max(1))
                .and_then(|d| project_module_files(ctx, &d, &imp.module))
            {
                Some(f) => ModLoc::Project(f),
                None => ModLoc::Missing,
            }
        } else {
            locate(ctx, &imp.module)
        };
        let has = if name.starts_with('_') {
            star_exports_private(ctx, &loc, name)
        } else {
            module_has(ctx, &loc, &imp.module, name)
        };
        match has {
            Some(true) => return vec![Outcome::Resolved],
            Some(false) => wildcard_missed = true,
            None => return vec![skipped!()],
        }
    }
    let mut pool: Vec<(String, String, u32)> = ctx
        .facts
        .definitions
        .iter()
        .map(|d| (d.name.clone(), ctx.path.to_string(), d.name_span.start_line))
        .collect();
    for imp in &ctx.facts.imports {
        for n in &imp.names {
            pool.push((
                n.alias.clone().unwrap_or(n.name.clone()),
                ctx.path.to_string(),
                imp.span.start_line,
            ));
        }
    }
    pool.extend(
        builtins::table(Lang::Python)
            .builtins()
            .iter()
            .map(|b| (b.to_string(), "<builtins>".to_string(), 0)),
    );
    let imported: Vec<String> = ctx.facts.imports.iter().map(|i| i.module.clone()).collect();
    // A wildcard import may bring platform-specific names the tables lack.
    // Postponed annotations, and annotations of variables in a function
    // body, are never evaluated at run time.
    let in_body = r.enclosing.as_deref().is_some_and(|e| {
        ctx.facts.definitions.iter().any(|d| {
            matches!(d.kind, DefKind::Function | DefKind::Method)
                && d.qualified_name() == e
                && r.span.start_line > d.name_span.start_line
        })
    });
    let lazy_annotation = r.kind == plumb_facts::RefKind::Type
        && (in_body || ctx.text.contains("from __future__ import annotations"));
    let conf = if wildcard_missed || lazy_annotation {
        0.4
    } else if ctx.facts.dynamic {
        0.6
    } else {
        0.9
    };
    vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!("'{name}' is not defined"),
        vec![
            "locals and parameters in scope: no".to_string(),
            format!("definitions in {}: no", ctx.path),
            format!(
                "imports of {}: {}",
                ctx.path,
                if imported.is_empty() {
                    "none".into()
                } else {
                    imported.join(", ")
                }
            ),
            format!(
                "Python builtins ({} names): no",
                builtins::table(Lang::Python).builtins().len()
            ),
        ],
        ctx.candidates(name, &pool),
        conf,
    ))]
}

pub(super) fn qualified(ctx: &FileCtx, r: &Reference, q: &str) -> Vec<Outcome> {
    let name = r.name.as_str();
    if q == "super()" {
        return class_member(ctx, r, q);
    }
    if !q
        .split('.')
        .all(|s| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_'))
    {
        // A call result, subscript or expression: the receiver's type is unknown.
        return vec![skipped!()];
    }
    let first = q.split('.').next().unwrap_or(q);
    let shadowed = ctx.local_binds(&Reference {
        name: first.to_string(),
        ..r.clone()
    }) && !local_import_only(ctx, r, first);
    if (q == "self" || q == "cls") || !shadowed {
        let out = class_member(ctx, r, q);
        if !out.is_empty() {
            return out;
        }
    }
    // module.attr where the first segment is an import.
    let mut segs = q.split('.');
    segs.next();
    if shadowed {
        return vec![skipped!()];
    }
    let Some((imp, base)) = ctx.import_binding(first) else {
        return vec![skipped!()];
    };
    if ctx
        .facts
        .definitions
        .iter()
        .any(|d| d.name == first && shadows(ctx.facts, d, r))
    {
        // The import is shadowed where the reference is (a module-level
        // rebinding, a local class, a name of the class body).
        return vec![skipped!()];
    }
    if imp.relative {
        return relative_member(ctx, r, imp, &base, q);
    }
    let mut target: Vec<String> = base.split('.').map(str::to_string).collect();
    target.extend(segs.map(str::to_string));
    target.push(name.to_string());
    // Find the longest module prefix, then check the next segment.
    let mut loc = ModLoc::Missing;
    let mut at = 0;
    for i in (1..target.len()).rev() {
        let l = locate(ctx, &target[..i].join("."));
        if !matches!(l, ModLoc::Missing) {
            loc = l;
            at = i;
            break;
        }
    }
    if at == 0 {
        return vec![skipped!()];
    }
    let module = target[..at].join(".");
    let member = &target[at];
    if let ModLoc::Stdlib(_) = loc
        && let Lookup::MissingMember(..) =
            builtins::lookup(Lang::Python, &format!("{module}.{member}"))
        && ((platformish(ctx, r.span.start_line) && platform_varies(&module, member))
            || (member.starts_with('_') && ctx.deps.stdlib_source(&module).is_none())
            // Attributes set at run time (`sys.last_traceback`) and
            // constants of other platforms (`errno.WSAEINVAL`).
            || (!(r.kind == plumb_facts::RefKind::Call && at + 1 == target.len())
                && (module == "sys" || platform_varies("", member))))
    {
        return vec![skipped!()];
    }
    match module_has(ctx, &loc, &module, member) {
        Some(true) => {
            let mut out = vec![Outcome::Resolved];
            let file = match &loc {
                ModLoc::Project(files) if files.len() == 1 => files.first().cloned(),
                ModLoc::Stdlib(_) => project_file(ctx, &module),
                _ => None,
            };
            if at + 1 == target.len()
                && let Some(f) = file
                && let Some(rc) = ctx.project.facts_of(&f)
                && let Some((src, _)) = defining_file(ctx, rc, Where::Project(f), member, 0)
            {
                let defs: Vec<&Definition> = src
                    .1
                    .definitions
                    .iter()
                    .filter(|d| d.container.is_none() && &d.name == member)
                    .collect();
                out.extend(arity(ctx, r, &defs, &src.0, false));
            }
            out
        }
        Some(false) => {
            if ctx.text.contains(&format!("{}.{member} =", q))
                || mentioned_dynamically(ctx.text, member)
            {
                return vec![Outcome::Resolved];
            }
            let mut conf: f64 = if ctx.facts.dynamic { 0.6 } else { 0.9 };
            if r.kind != plumb_facts::RefKind::Call && matches!(loc, ModLoc::Stdlib(_)) {
                // Module attributes assigned at run time (`sys.last_value`) and platform constants (`signal.CTRL_C_EVENT`): below 0.5.
                conf = conf.min(0.45);
            }
            vec![Outcome::Found(ctx.finding(
                FindingKind::UnknownSymbol,
                &r.span,
                format!("module '{module}' has no attribute '{member}'"),
                vec![format!(
                    "searched the definitions, imports and submodules of '{module}' ({})",
                    loc_name(&loc)
                )],
                member_candidates(ctx, &loc, member),
                conf,
            ))]
        }
        None => vec![skipped!()],
    }
}

pub(super) fn relative_member(
    ctx: &FileCtx,
    r: &Reference,
    imp: &Import,
    base: &str,
    q: &str,
) -> Vec<Outcome> {
    // `from . import mod` then `mod.f()`: only the one-segment case.
    if q.contains('.') {
        return vec![skipped!()];
    }
    let Some(dir) = relative_dir(ctx, imp.relative_level.max(1)) else {
        return vec![skipped!()];
    };
    let Some(files) = project_module_files(ctx, &dir, base) else {
        return vec![skipped!()];
    };
    if files.is_empty() {
        return vec![skipped!()];
    }
    match files_have(ctx, &files, &r.name) {
        Some(true) => vec![Outcome::Resolved],
        Some(false) if !(r.name.starts_with("__") && r.name.ends_with("__")) => {
            vec![Outcome::Found(ctx.finding(
                FindingKind::UnknownSymbol,
                &r.span,
                format!("module '{base}' has no attribute '{}'", r.name),
                vec![format!("searched {}", files.join(", "))],
                member_candidates(ctx, &ModLoc::Project(files.clone()), &r.name),
                if ctx.facts.dynamic { 0.6 } else { 0.9 },
            ))]
        }
        _ => vec![skipped!()],
    }
}

/// Whether `name` appears in a string literal of the file (`hasattr(x,
/// "name")`, `getattr`, `setattr`, `__all__`): it may exist at run time.
pub(super) fn mentioned_dynamically(text: &str, name: &str) -> bool {
    text.contains(&format!("\"{name}\"")) || text.contains(&format!("'{name}'"))
}

/// `self.m`, `cls.m`, `super().m`, `Class.m`, `module.Class.m`: a member of
/// a class the receiver names, looked up through the class and its bases
/// (see `classes`). Empty when `q` names no class.
fn class_member(ctx: &FileCtx, r: &Reference, q: &str) -> Vec<Outcome> {
    let name = r.name.as_str();
    let Some(own) = own_src(ctx) else {
        return Vec::new();
    };
    let here = Where::Project(ctx.path.to_string());
    let on_instance = matches!(q, "self" | "cls" | "super()");
    let class = if on_instance {
        let Some(cls) = scope::enclosing_class(&own.1, &r.span) else {
            return Vec::new();
        };
        let idx = own
            .1
            .definitions
            .iter()
            .position(|d| std::ptr::eq(d, cls))
            .unwrap_or(0);
        ClassRef {
            src: own.clone(),
            at: here.clone(),
            idx,
        }
    } else {
        match resolve_class(ctx, &own, &here, q, 0) {
            Some(Some(c)) => c,
            _ => return Vec::new(),
        }
    };
    if on_instance && !matches!(class.def().kind, DefKind::Class | DefKind::Enum) {
        return Vec::new();
    }
    if name.starts_with("__") && name.ends_with("__") {
        return vec![Outcome::Resolved];
    }
    // `self.__x` is mangled with the class's own name: only its own members.
    let private = name.starts_with("__");
    let found = if private && q != "super()" {
        let mine: Vec<Member> = scope::members(&class.src.1, &class.def().qualified_name())
            .filter(|d| d.name == name)
            .map(|d| Member {
                def: d.clone(),
                src: class.src.clone(),
            })
            .collect();
        if mine.is_empty() {
            Members::Absent
        } else {
            Members::Found(mine)
        }
    } else {
        lookup(
            ctx,
            &class,
            name,
            q == "super()",
            matches!(q, "self" | "super()"),
        )
    };
    let cls_name = class.def().name.clone();
    match found {
        Members::Unknown => vec![skipped!()],
        Members::Absent => {
            // Mixins call methods their subclasses define: a name defined
            // anywhere in the project may be one of those.
            if ctx.bound_elsewhere(name)
                || mentioned_dynamically(ctx.text, name)
                || ctx.project.name_defined(name)
            {
                return vec![Outcome::Resolved];
            }
            // A mixin's `self` has the members of the classes it is mixed with.
            if on_instance && mixed_in(ctx, &class) {
                return vec![skipped!()];
            }
            let pool: Vec<(String, String, u32)> =
                scope::members(&class.src.1, &class.def().qualified_name())
                    .map(|d| (d.name.clone(), ctx.path.to_string(), d.name_span.start_line))
                    .collect();
            let where_ = match &class.at {
                Where::Project(p) => p.clone(),
                Where::Stdlib { module, .. } => format!("standard library module {module}"),
            };
            vec![Outcome::Found(ctx.finding(
                FindingKind::UnknownSymbol,
                &r.span,
                format!("class '{cls_name}' has no attribute '{name}'"),
                vec![
                    format!("members of class {cls_name} ({where_}) and its bases"),
                    "no assignment to this attribute anywhere in the file".into(),
                ],
                ctx.candidates(name, &pool),
                if ctx.facts.dynamic { 0.5 } else { 0.8 },
            ))]
        }
        Members::Found(found) => {
            let mut out = vec![Outcome::Resolved];
            let all_methods = !found.is_empty()
                && found
                    .iter()
                    .all(|m| matches!(m.def.kind, DefKind::Method | DefKind::Function));
            // A method called on `self` may be a subclass's override.
            let overridden =
                matches!(q, "self" | "cls") && ctx.project.defs_named(name, 2).len() > 1;
            if all_methods && !overridden {
                let defs: Vec<(&Definition, &str)> =
                    found.iter().map(|m| (&m.def, m.src.0.as_str())).collect();
                out.extend(arity_in(ctx, r, &defs, !on_instance));
            }
            out
        }
    }
}

/// Whether `from m import *` brings the private name `name`: only when
/// `m` lists it in `__all__` (the standard-library table holds `__all__`).
fn star_exports_private(ctx: &FileCtx, loc: &ModLoc, name: &str) -> Option<bool> {
    match loc {
        ModLoc::Stdlib(m) => m.member(name),
        ModLoc::Project(files) if !files.is_empty() => {
            for f in files {
                let rc = ctx.project.facts_of(f)?;
                if rc.0.contains("__all__") && mentioned_dynamically(&rc.0, name) {
                    return Some(true);
                }
            }
            Some(false)
        }
        _ => None,
    }
}

/// Whether a class without bases of its own is a mixin: named so, or
/// listed with other bases in a class header of the project, so `self`
/// has the members of its sibling bases.
fn mixed_in(ctx: &FileCtx, cls: &ClassRef) -> bool {
    let d = cls.def();
    if d.name.contains("Mixin") || d.name.contains("mixin") {
        return true;
    }
    let Ok((rows, _)) = ctx.project.store.refs_named(&d.name, 200) else {
        return true;
    };
    let mut paths: Vec<String> = rows
        .into_iter()
        .filter(|r| r.reference.kind == plumb_facts::RefKind::Type)
        .map(|r| r.path)
        .collect();
    paths.push(ctx.path.to_string());
    paths.sort();
    paths.dedup();
    paths.iter().take(40).any(|p| {
        // The header line is all that is needed: read the text, not facts.
        let text = if p == ctx.path {
            Some(ctx.text.to_string())
        } else if let Some(o) = ctx.project.overlay.get(p) {
            Some(o.text.clone())
        } else {
            std::fs::read_to_string(ctx.project.root.join(p)).ok()
        };
        text.is_some_and(|t| listed_with_others(ctx, &t, &d.name))
    })
}

/// Whether `class Y(..., name, ...)` occurs in `text` with another base
/// that is not a project class (`unittest.TestCase`): the members of that
/// base reach `self` in `name`'s methods. Project siblings need no care:
/// names they define are never reported.
fn listed_with_others(ctx: &FileCtx, text: &str, name: &str) -> bool {
    text.lines().any(|l| {
        let t = l.trim_start();
        let Some(rest) = t.strip_prefix("class ") else {
            return false;
        };
        let Some(open) = rest.find('(') else {
            return false;
        };
        let inner = rest[open + 1..].split(')').next().unwrap_or("");
        let bases: Vec<&str> = inner
            .split(',')
            .map(|b| b.trim().rsplit('.').next().unwrap_or(""))
            .filter(|b| !b.is_empty() && !b.contains('='))
            .collect();
        bases.contains(&name)
            && bases.iter().any(|b| {
                *b != name
                    && *b != "object"
                    && !ctx
                        .project
                        .defs_named(b, 4)
                        .iter()
                        .any(|p| matches!(p.def.kind, DefKind::Class | DefKind::Enum))
            })
    })
}

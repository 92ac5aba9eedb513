//! Python references: bare names through the scopes a reader uses,
//! `self.m`/`Class.m` within visible class hierarchies, `module.attr`.

use plumb_facts::{DefKind, Definition, FileFacts, Import, Lang, Reference};

use super::super::{FileCtx, Outcome, scope};
use super::*;
use crate::builtins::{self, Lookup};
use crate::report::FindingKind;

pub fn check_ref(ctx: &FileCtx, r: &Reference) -> Vec<Outcome> {
    if r.qualifier.is_none() && ctx.after_dot(r) {
        return vec![Outcome::Skipped];
    }
    match r.qualifier.as_deref() {
        None => bare(ctx, r),
        Some(q) => qualified(ctx, r, q),
    }
}

pub(super) fn bare(ctx: &FileCtx, r: &Reference) -> Vec<Outcome> {
    let name = r.name.as_str();
    if ctx.local_binds(r) {
        return vec![Outcome::Resolved];
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
        match module_has(ctx, &loc, &imp.module, name) {
            Some(true) => return vec![Outcome::Resolved],
            Some(false) => wildcard_missed = true,
            None => return vec![Outcome::Skipped],
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

/// The base class names of a class, from its header; `None` when it has
/// keywords (metaclass) or is decorated.
pub(super) fn bases(text: &str, d: &Definition) -> Option<Vec<String>> {
    let head = text.get(d.span.start_byte as usize..).unwrap_or("");
    if head.starts_with('@') {
        return None;
    }
    let after = &head[(d.name_span.end_byte - d.span.start_byte) as usize..];
    let after = after.trim_start();
    if !after.starts_with('(') {
        return Some(Vec::new());
    }
    let close = after.find(')')?;
    let inner = &after[1..close];
    let mut out = Vec::new();
    for b in inner.split(',') {
        let b = b.trim();
        if b.is_empty() || b == "object" {
            continue;
        }
        if b.contains('=') || b.contains('[') || b.contains('(') || b.contains('*') {
            return None;
        }
        out.push(b.to_string());
    }
    Some(out)
}

/// Members named `name` of class `cls` (and its visible bases) in this file.
/// `None` when the class hierarchy leaves this file or can grow attributes.
pub(super) fn class_lookup<'f>(
    facts: &'f FileFacts,
    text: &str,
    cls: &'f Definition,
    name: &str,
    depth: u32,
) -> Option<Vec<&'f Definition>> {
    if depth > 6 {
        return None;
    }
    let q = cls.qualified_name();
    let mine: Vec<&Definition> = scope::members(facts, &q)
        .filter(|d| d.name == name)
        .collect();
    if !mine.is_empty() {
        return Some(mine);
    }
    if scope::members(facts, &q).any(|d| d.name == "__getattr__" || d.name == "__getattribute__") {
        return None;
    }
    for b in bases(text, cls)? {
        let base = facts
            .definitions
            .iter()
            .find(|d| d.kind == DefKind::Class && d.container.is_none() && d.name == b)?;
        if let Some(found) = class_lookup(facts, text, base, name, depth + 1) {
            if !found.is_empty() {
                return Some(found);
            }
        } else {
            return None;
        }
    }
    Some(Vec::new())
}

pub(super) fn qualified(ctx: &FileCtx, r: &Reference, q: &str) -> Vec<Outcome> {
    let name = r.name.as_str();
    if !q
        .split('.')
        .all(|s| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_'))
    {
        // A call result, subscript or expression: the receiver's type is unknown.
        return vec![Outcome::Skipped];
    }
    // self.m / cls.m inside a class, or Class.m for a class of this file.
    let class = if q == "self" || q == "cls" {
        scope::enclosing_class(ctx.facts, &r.span)
    } else if !q.contains('.')
        && !ctx.local_binds(&Reference {
            name: q.to_string(),
            ..r.clone()
        })
    {
        ctx.facts
            .definitions
            .iter()
            .find(|d| d.kind == DefKind::Class && d.container.is_none() && d.name == q)
    } else {
        None
    };
    if let Some(cls) = class {
        if name.starts_with("__") {
            return vec![Outcome::Resolved];
        }
        let Some(found) = class_lookup(ctx.facts, ctx.text, cls, name, 0) else {
            return vec![Outcome::Skipped];
        };
        if found.is_empty() {
            // Mixins call methods their subclasses define: a name defined
            // anywhere in the project may be one of those.
            if ctx.bound_elsewhere(name)
                || mentioned_dynamically(ctx.text, name)
                || ctx.project.name_defined(name)
            {
                return vec![Outcome::Resolved];
            }
            let pool: Vec<(String, String, u32)> = scope::members(ctx.facts, &cls.qualified_name())
                .map(|d| (d.name.clone(), ctx.path.to_string(), d.name_span.start_line))
                .collect();
            return vec![Outcome::Found(ctx.finding(
                FindingKind::UnknownSymbol,
                &r.span,
                format!("class '{}' has no attribute '{name}'", cls.name),
                vec![
                    format!(
                        "members of class {} and its bases in {}",
                        cls.name, ctx.path
                    ),
                    "no assignment to this attribute anywhere in the file".into(),
                ],
                ctx.candidates(name, &pool),
                if ctx.facts.dynamic { 0.5 } else { 0.8 },
            ))];
        }
        let mut out = vec![Outcome::Resolved];
        let all_methods = found
            .iter()
            .all(|d| matches!(d.kind, DefKind::Method | DefKind::Function));
        // A method called on `self` may be a subclass's override.
        let overridden = (q == "self" || q == "cls") && ctx.project.defs_named(name, 2).len() > 1;
        if all_methods && !overridden {
            out.extend(arity(ctx, r, &found, ctx.text, q != "self" && q != "cls"));
        }
        return out;
    }
    // module.attr where the first segment is an import.
    let mut segs = q.split('.');
    let first = segs.next().unwrap_or(q);
    if ctx.local_binds(&Reference {
        name: first.to_string(),
        ..r.clone()
    }) {
        return vec![Outcome::Skipped];
    }
    let Some((imp, base)) = ctx.import_binding(first) else {
        return vec![Outcome::Skipped];
    };
    if ctx.facts.definitions.iter().any(|d| d.name == first) {
        // The import is shadowed somewhere in the file (a property, a local class).
        return vec![Outcome::Skipped];
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
        return vec![Outcome::Skipped];
    }
    let module = target[..at].join(".");
    let member = &target[at];
    if let ModLoc::Stdlib(_) = loc
        && let Lookup::MissingMember(..) =
            builtins::lookup(Lang::Python, &format!("{module}.{member}"))
        && (platformish(ctx, r.span.start_line) || member.starts_with('_'))
    {
        return vec![Outcome::Skipped];
    }
    match module_has(ctx, &loc, &module, member) {
        Some(true) => {
            let mut out = vec![Outcome::Resolved];
            if at + 1 == target.len()
                && let ModLoc::Project(files) = &loc
                && let Some(f) = files.first()
                && let Some(rc) = ctx.project.facts_of(f)
            {
                let defs: Vec<&Definition> =
                    rc.1.definitions
                        .iter()
                        .filter(|d| d.container.is_none() && &d.name == member)
                        .collect();
                out.extend(arity(ctx, r, &defs, &rc.0, false));
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
        None => vec![Outcome::Skipped],
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
        return vec![Outcome::Skipped];
    }
    let Some(dir) = relative_dir(ctx, imp.relative_level.max(1)) else {
        return vec![Outcome::Skipped];
    };
    let Some(files) = project_module_files(ctx, &dir, base) else {
        return vec![Outcome::Skipped];
    };
    if files.is_empty() {
        return vec![Outcome::Skipped];
    }
    match files_have(ctx, &files, &r.name) {
        Some(true) => vec![Outcome::Resolved],
        Some(false) if !r.name.starts_with('_') => vec![Outcome::Found(ctx.finding(
            FindingKind::UnknownSymbol,
            &r.span,
            format!("module '{base}' has no attribute '{}'", r.name),
            vec![format!("searched {}", files.join(", "))],
            member_candidates(ctx, &ModLoc::Project(files.clone()), &r.name),
            if ctx.facts.dynamic { 0.6 } else { 0.9 },
        ))],
        _ => vec![Outcome::Skipped],
    }
}

/// Whether `name` appears in a string literal of the file (`hasattr(x,
/// "name")`, `getattr`, `setattr`, `__all__`): it may exist at run time.
pub(super) fn mentioned_dynamically(text: &str, name: &str) -> bool {
    text.contains(&format!("\"{name}\"")) || text.contains(&format!("'{name}'"))
}

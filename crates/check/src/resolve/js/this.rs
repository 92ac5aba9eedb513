//! What `this` denotes in a JavaScript/TypeScript call: the enclosing
//! class (`this.m()` in a method), the constructor function whose prototype
//! a method is assigned to (`C.prototype.m = function () { this.n() }`,
//! also beside `class C`), or the `this` an alias took (`var self = this`).
//!
//! Owns finding that receiver and deciding when it is open (rebound by a
//! plain function, inherited, mixed in elsewhere); member lookup is
//! [`super::members`], what patches a class [`super::openings`].

use plumb_facts::{DefKind, Definition, Reference};

use super::arity::check_arity;
use super::members::{Members, class_member};
use super::qualified::{member_outcome, no_member};
use crate::resolve::{FileCtx, Outcome, scope};

/// `this.m()`: a member of the enclosing class, unless `this` is rebound
/// (a plain function, an object-literal method) between them.
pub(super) fn this_call(ctx: &FileCtx, r: &Reference) -> Vec<Outcome> {
    this_call_at(ctx, r, &r.span, "this")
}

/// The call `r` on the `this` that is bound at `at` (`r`'s own place, or
/// where `var self = this` took it); `q` is how the call names it.
pub(super) fn this_call_at(
    ctx: &FileCtx,
    r: &Reference,
    at: &plumb_facts::Span,
    q: &str,
) -> Vec<Outcome> {
    // The nearest function that binds `this` decides; a method nested
    // inside that function (q's `Promise.prototype.then = function` inside
    // its UMD wrapper) is nearer still.
    if let Some(b) = scope::innermost_binding(ctx.facts, "this", at) {
        let method_nearer = ctx.facts.definitions.iter().any(|d| {
            matches!(d.kind, DefKind::Method) && d.span.contains(at) && b.scope.contains(&d.span)
        });
        if !method_nearer {
            return typed_this(ctx, r, at, q)
                .or_else(|| constructor_body_this(ctx, r, &b.scope, q))
                .unwrap_or_else(|| vec![skipped!()]);
        }
    }
    let Some(class) = scope::enclosing_class(ctx.facts, at) else {
        return prototype_this(ctx, r, at, q).unwrap_or_else(|| vec![skipped!()]);
    };
    if class.kind != DefKind::Class {
        return vec![skipped!()];
    }
    let found = class_member(ctx.project, ctx.path, class, &r.name, false);
    // `if (this instanceof Sub) this.subOnly()`: narrowed to a subclass.
    let body = ctx
        .text
        .get(class.span.start_byte as usize..class.span.end_byte as usize)
        .unwrap_or("");
    if matches!(found, Members::Missing(_))
        && (body.contains("this instanceof") || tests_member(ctx.text, q, &r.name))
    {
        return vec![skipped!()];
    }
    // `this.createTile(coords, done)` of a hook the class leaves empty
    // (`createTile() {}`) or its subclasses override (Leaflet's `GridLayer`):
    // `this` may be any subclass, whose definition takes what is passed.
    // (TypeScript holds such calls to the declared signature.)
    // Asked only of a call the arity check rejects (the search is costly).
    let hook = match &found {
        Members::Defs { file, defs } if !super::arity::is_ts_path(file) => {
            Some((file.clone(), defs.clone()))
        }
        _ => None,
    };
    let out = member_outcome(ctx, r, found, q);
    if let Some((file, defs)) = hook
        && out.iter().any(is_arity_finding)
        && (defs.iter().any(|d| hook_body(ctx, &file, d))
            || super::members::subclass_defines(ctx.project, ctx.path, class, &r.name))
    {
        return vec![skipped!()];
    }
    out
}

/// `x.#m()`: a private name, which only the classes around the call can
/// declare (anything else does not parse), so neither bases, patches nor
/// the receiver's type matter. Skipped where a class expression the facts
/// do not name may sit between (`return class { … }`).
pub(super) fn private_member(ctx: &FileCtx, r: &Reference) -> Vec<Outcome> {
    let classes: Vec<&Definition> = ctx
        .facts
        .definitions
        .iter()
        .filter(|d| d.kind == DefKind::Class && d.span.contains(&r.span))
        .collect();
    let Some(inner) = classes
        .iter()
        .min_by_key(|d| d.span.end_byte - d.span.start_byte)
    else {
        return vec![skipped!()];
    };
    let between = ctx
        .text
        .get(inner.name_span.end_byte as usize..r.span.start_byte as usize)
        .unwrap_or("class");
    if crate::resolve::word_positions(between, "class")
        .next()
        .is_some()
    {
        return vec![skipped!()];
    }
    let names: Vec<String> = classes.iter().map(|c| c.qualified_name()).collect();
    let declared: Vec<&Definition> = ctx
        .facts
        .definitions
        .iter()
        .filter(|d| d.name == r.name && d.container.as_ref().is_some_and(|c| names.contains(c)))
        .collect();
    if declared.is_empty() {
        let pool: Vec<(String, String, u32)> = ctx
            .facts
            .definitions
            .iter()
            .filter(|d| {
                d.name.starts_with('#') && d.container.as_ref().is_some_and(|c| names.contains(c))
            })
            .map(|d| (d.name.clone(), ctx.path.to_string(), d.name_span.start_line))
            .collect();
        return no_member(
            ctx,
            r,
            r.qualifier.as_deref().unwrap_or("this"),
            format!(
                "private names declared by the classes around the call ({}): no '{}'",
                names.join(", "),
                r.name
            ),
            &pool,
            0.95,
        );
    }
    if declared.iter().all(|d| d.kind == DefKind::Method) {
        return check_arity(ctx, r, &declared, ctx.path);
    }
    vec![Outcome::Resolved]
}

/// `this.m()` in a TypeScript function that declares its `this`
/// (cheerio's `export function attr<T>(this: Cheerio<T>, …)`): a member of
/// that project class.
fn typed_this(
    ctx: &FileCtx,
    r: &Reference,
    at: &plumb_facts::Span,
    q: &str,
) -> Option<Vec<Outcome>> {
    let binding = scope::innermost_binding(ctx.facts, "this", at)?;
    let f = ctx
        .facts
        .definitions
        .iter()
        .filter(|d| d.span.contains(&binding.scope))
        .min_by_key(|d| d.span.end_byte - d.span.start_byte);
    // A named function's parameters, or (a function expression has no
    // definition: cheerio's `return function <T>(this: Cheerio<T>, …)`)
    // the text that opens the binding's scope.
    let declared = f
        .filter(|f| f.span.start_byte == binding.scope.start_byte)
        .and_then(|f| f.params.as_ref()?.list.first().cloned())
        .filter(|p| p.name == "this")
        .and_then(|p| p.type_text);
    let ty = match declared {
        Some(t) => t,
        None => this_param_in(ctx.text.get(binding.scope.start_byte as usize..)?)?,
    };
    let ty = ty.trim();
    let name = ty.split('<').next().unwrap_or(ty).trim();
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
    {
        return None;
    }
    let (file, class) = super::members::find_class(ctx.project, ctx.path, name)?;
    let found = class_member(ctx.project, &file, &class, &r.name, false);
    Some(member_outcome(ctx, r, found, q))
}

/// The type of the `this` parameter a function's text (`function <T>(this:
/// Cheerio<T>, …) {`) opens with, if it declares one.
fn this_param_in(function: &str) -> Option<String> {
    let open = function.find('(')?;
    if function[..open].contains(['{', '=', ';']) {
        return None;
    }
    let close = super::omission::matching_paren(function, open)?;
    let params = super::literal_types::split_top(
        &function[open + 1..close],
        |_, c| c == ',',
        |p| !p.is_empty(),
    )?;
    let ty = params.first()?.trim().strip_prefix("this")?;
    Some(ty.trim_start().strip_prefix(':')?.trim().to_string())
}

fn is_arity_finding(o: &Outcome) -> bool {
    matches!(o, Outcome::Found(f) if f.kind == crate::resolve::FindingKind::ArityMismatch)
}

/// Whether another constructor or class of the project defines a method
/// `r.name` that takes the call's arguments: `this` may be an instance of
/// a subclass that overrides it (bluebird's `PromiseArray` calls
/// `this._promiseRejected(reason, i)`, which its subclasses define with
/// two parameters).
fn overridden_to_fit(ctx: &FileCtx, r: &Reference, c: &str) -> bool {
    let Some(given) = r.arg_count else {
        return true;
    };
    ctx.project.defs_named(&r.name, 50).iter().any(|d| {
        d.def.kind == DefKind::Method
            && d.def.container.as_deref() != Some(c)
            && d.def
                .params
                .as_ref()
                .is_some_and(|p| p.call_fits(given, &[], r.has_spread).is_ok())
            // Where the subclass is made, `c` is named (`inherits(Sub, c)`).
            && ctx
                .project
                .facts_of(&d.path)
                .is_some_and(|rc| crate::resolve::word_positions(&rc.0, c).next().is_some())
    })
}

/// Whether the method `d` of `file` is a hook for subclasses to fill in:
/// a body with nothing in it (`m() {}`, `m(): void {}`) or that only
/// throws (mongoose's `createClient() { throw new MongooseError('… not
/// implemented by driver') }`).
fn hook_body(ctx: &FileCtx, file: &str, d: &Definition) -> bool {
    let Some(rc) = ctx.project.facts_of(file) else {
        return false;
    };
    let Some(text) =
        rc.0.get(d.span.start_byte as usize..d.span.end_byte as usize)
    else {
        return false;
    };
    let text = super::members::strip_comments(text);
    let Some(close) = text
        .find('(')
        .and_then(|open| super::omission::matching_paren(&text, open))
    else {
        return false;
    };
    let rest = text[close + 1..].trim();
    let rest = rest.find('{').map_or(rest, |b| &rest[b..]);
    let rest = rest.trim_end().trim_end_matches(';').trim_end();
    rest.strip_prefix('{')
        .and_then(|r| r.strip_suffix('}'))
        .map(str::trim)
        .is_some_and(|inner| {
            inner.is_empty()
                || inner.starts_with("throw ")
                    && inner.trim_end_matches(';').matches(';').count() == 0
        })
}

/// Where `q` took `this`: the `var q = this` (also `let`, `const`) that
/// declares the innermost binding of `q` around `r`, when nothing assigns
/// `q` again in that scope.
pub(super) fn this_alias(ctx: &FileCtx, q: &str, r: &Reference) -> Option<plumb_facts::Span> {
    let binding = crate::resolve::scope::innermost_binding(ctx.facts, q, &r.span)?;
    let (start, end) = (
        binding.scope.start_byte as usize,
        binding.scope.end_byte as usize,
    );
    let scope_text = ctx.text.get(start..end)?;
    let mut assigned = crate::resolve::word_positions(scope_text, q).filter(|&i| {
        let after = scope_text[i + q.len()..].trim_start();
        after.starts_with('=') && !after.starts_with("==") && !after.starts_with("=>")
    });
    let first = assigned.next()?;
    if assigned.next().is_some() {
        return None;
    }
    let before = scope_text[..first].trim_end();
    let declared = super::openings::ends_in_declaration_keyword(before);
    let value = scope_text[first + q.len()..].trim_start()[1..].trim_start();
    let is_this = value.strip_prefix("this").is_some_and(|rest| {
        let rest = rest.trim_start_matches([' ', '\t']);
        rest.is_empty() || rest.starts_with([';', ',', '\n', '\r'])
    });
    if !declared || !is_this {
        return None;
    }
    let at = (start + first) as u32;
    Some(plumb_facts::Span {
        start_line: 0,
        start_col: 0,
        end_line: 0,
        end_col: 0,
        start_byte: at,
        end_byte: at + q.len() as u32,
    })
}

/// `this.m()` inside `C.prototype.x = function () { … }` where `C` is a
/// constructor function of the file: a method assigned to `C.prototype`.
/// With a base ([`prototype_base`]), the base's members too; unknown when C
/// inherits otherwise (`C.prototype = new B()`, mixins, CoffeeScript's
/// `extend`) or the name shows up anywhere else (a field `this.m = …`, a
/// key, another file).
fn prototype_this(
    ctx: &FileCtx,
    r: &Reference,
    at: &plumb_facts::Span,
    q: &str,
) -> Option<Vec<Outcome>> {
    let defs = &ctx.facts.definitions;
    let method = defs
        .iter()
        .filter(|d| d.kind == DefKind::Method && d.span.contains(at))
        .min_by_key(|d| d.span.end_byte - d.span.start_byte)?;
    instance_this(ctx, r, q, method.container.as_deref()?)
}

/// `this.m()` in the body of a constructor function (bunyan's `function
/// RotatingFileStream(options) { … this._debug(…) }`, with
/// `RotatingFileStream.prototype._debug = function`): an instance of it.
/// A function counts as a constructor when the file assigns methods to
/// its prototype.
fn constructor_body_this(
    ctx: &FileCtx,
    r: &Reference,
    scope: &plumb_facts::Span,
    q: &str,
) -> Option<Vec<Outcome>> {
    let defs = &ctx.facts.definitions;
    let name = match defs.iter().find(|d| {
        d.kind == DefKind::Function
            && d.container.is_none()
            && d.span.start_byte == scope.start_byte
    }) {
        Some(f) => f.name.as_str(),
        // `RotatingFileStream = function (options) {` (bunyan's constructor
        // is assigned to a variable declared earlier).
        None => {
            let before = ctx.text.get(..scope.start_byte as usize)?.trim_end();
            let before = before.strip_suffix('=')?.trim_end();
            let start = before
                .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                .map_or(0, |k| k + 1);
            let name = &before[start..];
            let statement = before[..start].trim_end();
            let starts_statement = statement.is_empty()
                || statement.ends_with([';', '{', '}'])
                || super::openings::ends_in_declaration_keyword(statement);
            if name.is_empty() || !starts_statement {
                return None;
            }
            name
        }
    };
    defs.iter()
        .any(|d| d.kind == DefKind::Method && d.container.as_deref() == Some(name))
        .then(|| instance_this(ctx, r, q, name))?
}

/// `this.m()` where `this` is an instance of `c`, the class or
/// constructor function of this file (or one it imports, or the class a
/// plugin module is handed) whose prototype methods are being defined.
fn instance_this(ctx: &FileCtx, r: &Reference, q: &str, c: &str) -> Option<Vec<Outcome>> {
    let defs = &ctx.facts.definitions;
    // `Runner.prototype.run = function` beside `class Runner extends
    // EventEmitter`: the class, its bases and its other prototype methods.
    if let Some(class) = defs
        .iter()
        .find(|d| d.name == c && d.container.is_none() && d.kind == DefKind::Class)
    {
        let found = class_member(ctx.project, ctx.path, class, &r.name, false);
        return Some(member_outcome(ctx, r, found, q));
    }
    // `Layer.include({ m() { this.n() } })` of an imported `Layer`.
    if !defs.iter().any(|d| d.name == c && d.container.is_none()) {
        if let Some((file, class)) = super::members::find_class(ctx.project, ctx.path, c) {
            let found = class_member(ctx.project, &file, &class, &r.name, false);
            return Some(member_outcome(ctx, r, found, q));
        }
        return plugin_this(ctx, r, q, c);
    }
    // (Or a variable the constructor is assigned to later: bunyan's `var
    // RotatingFileStream = null; if (mv) { RotatingFileStream = function`.)
    defs.iter().find(|d| {
        d.name == c
            && d.container.is_none()
            && (d.kind == DefKind::Function
                || d.kind == DefKind::Variable && ctx.text.contains(&format!("{c} = function")))
    })?;
    let own: Vec<&Definition> = defs
        .iter()
        .filter(|d| d.container.as_deref() == Some(c) && d.name == r.name)
        .collect();
    if !own.is_empty() {
        let out = check_arity(ctx, r, &own, ctx.path);
        if out.iter().any(is_arity_finding)
            && (own.iter().any(|d| hook_body(ctx, ctx.path, d)) || overridden_to_fit(ctx, r, c))
        {
            return Some(vec![skipped!()]);
        }
        return Some(out);
    }
    let text = ctx.text;
    // `util.inherits(Client, EventEmitter)` (node-postgres' native client):
    // the base's members too, when the base is a project or Node class.
    let mut base_pool: Vec<(String, String, u32)> = Vec::new();
    match prototype_base(text, c) {
        Err(()) => return Some(vec![skipped!()]),
        Ok(None) => {}
        Ok(Some(base)) => match base_members(ctx.project, ctx.path, ctx.facts, &base, &r.name, 0) {
            Members::Missing(pool) => base_pool = pool,
            found => return Some(member_outcome(ctx, r, found, q)),
        },
    }
    let syms = super::openings::symbols(ctx.project, ctx.path, text);
    if super::members::OBJECT_MEMBERS.contains(&r.name.as_str())
        || text.contains("__proto__")
        || super::openings::computed_prototype_key(text, c)
        // Data stored under computed keys (`this[k] = v`, as a class's
        // `Open::Data`) hides only a name mentioned somewhere.
        || crate::resolve::word_positions(text, &r.name).count() > 1
        || ctx.project.name_defined(&r.name)
        // A framework may hang it on instances it makes from the prototype
        // (passport's strategies call `this.fail()`, which its middleware
        // assigns): a name other files use is no slip.
        || ctx.project.referenced_elsewhere(&r.name, ctx.path)
        // `mixin(Request.prototype, RequestBase.prototype)` in another file:
        // RequestBase's methods run with `this` a Request.
        || prototype_used_elsewhere(ctx, c, &r.name)
    {
        return Some(vec![skipped!()]);
    }
    match super::openings::prototype_additions(text, c, &syms) {
        Some(added) if !added.iter().any(|a| a == &r.name) => {}
        Some(_) => return Some(vec![Outcome::Resolved]),
        None => return Some(vec![skipped!()]),
    }
    let pool: Vec<(String, String, u32)> = defs
        .iter()
        .filter(|d| d.container.as_deref() == Some(c))
        .map(|d| (d.name.clone(), ctx.path.to_string(), d.name_span.start_line))
        .chain(base_pool)
        .collect();
    Some(no_member(
        ctx,
        r,
        q,
        format!(
            "methods assigned to {c}.prototype in {}: no '{}'",
            ctx.path, r.name
        ),
        &pool,
        0.75,
    ))
}

/// `this.m()` in a method a plugin module adds to the class it is handed
/// (`module.exports = function (Queue) { Queue.prototype.x = function ()
/// { this.m() } }`): the plugin's own methods, else the host class's or
/// constructor's members, with what every other plugin adds.
fn plugin_this(ctx: &FileCtx, r: &Reference, q: &str, c: &str) -> Option<Vec<Outcome>> {
    let (file, host) = super::plugins::plugin_host(ctx.project, ctx.path, ctx.text, c)?;
    let own: Vec<&Definition> = ctx
        .facts
        .definitions
        .iter()
        .filter(|d| d.container.as_deref() == Some(c) && d.name == r.name)
        .collect();
    if !own.is_empty() {
        return Some(check_arity(ctx, r, &own, ctx.path));
    }
    // A name the plugin mentions otherwise, or the project defines or
    // calls elsewhere, may be set on instances some other way.
    if crate::resolve::word_positions(ctx.text, &r.name).count() > 1
        || ctx.project.name_defined(&r.name)
        || ctx.project.referenced_elsewhere(&r.name, ctx.path)
    {
        return Some(vec![skipped!()]);
    }
    let found = match host.kind {
        DefKind::Class => class_member(ctx.project, &file, &host, &r.name, false),
        _ => constructor_members(ctx.project, &file, c, &r.name, 0),
    };
    Some(member_outcome(ctx, r, found, q))
}

/// Whether a file other than `ctx`'s uses `c.prototype` otherwise than by
/// adding named members none of which is `name` (`Query.prototype.x =
/// function` in a plugin of mongoose adds `x`; `mixin(Request.prototype,
/// C.prototype)` hands C's methods to another class).
fn prototype_used_elsewhere(ctx: &FileCtx, c: &str, name: &str) -> bool {
    ctx.project
        .files_mentioning(c, "prototype", ctx.path, 500)
        .iter()
        .any(|p| {
            // A file whose text neither names `name` nor opens the
            // prototype needs no parse (most files only add plain names).
            let Some(text) = ctx.project.text_of(p) else {
                return true;
            };
            if crate::resolve::word_positions(&text, name).next().is_none()
                && super::openings::prototype_additions(
                    &text,
                    c,
                    &super::openings::local_symbols(&text),
                )
                .is_some()
            {
                return false;
            }
            let Some(rc) = ctx.project.facts_of(p) else {
                return true;
            };
            let (text, facts) = (&rc.0, &rc.1);
            let syms = super::openings::symbols(ctx.project, p, text);
            facts
                .definitions
                .iter()
                .any(|d| d.name == name && d.container.as_deref() == Some(c))
                || super::openings::prototype_additions(text, c, &syms)
                    .is_none_or(|added| added.iter().any(|a| a == name))
        })
}

/// Member `name` of `base`, the class or constructor function the file
/// `file` (with `facts`) names so as a base (`util.inherits(C, base)`): a
/// project class, a class of the runtime (`Events.EventEmitter` too), or a
/// constructor function another module exports (mysql's `ChangeUser`
/// inherits `Sequence` of `require('./Sequence')`).
fn base_members(
    project: &crate::project::Project,
    file: &str,
    facts: &plumb_facts::FileFacts,
    base: &str,
    name: &str,
    depth: u32,
) -> Members {
    if let Some((bfile, bdef)) = super::members::find_class(project, file, base) {
        return class_member(project, &bfile, &bdef, name, false);
    }
    if let Some(members) = super::members::runtime_class(facts, base) {
        return if members.binary_search(&name).is_ok() {
            Members::Present
        } else {
            Members::Missing(
                members
                    .iter()
                    .map(|m| (m.to_string(), base.to_string(), 0))
                    .collect(),
            )
        };
    }
    match imported_constructor(project, file, facts, base) {
        Some((cfile, fname)) if depth < super::modules::MAX_CHAIN => {
            constructor_members(project, &cfile, &fname, name, depth + 1)
        }
        _ => Members::Unknown,
    }
}

/// `(file, F)` for `base` bound by `const base = require('./m')` where m
/// ends with `module.exports = F` of a function `F`.
fn imported_constructor(
    project: &crate::project::Project,
    file: &str,
    facts: &plumb_facts::FileFacts,
    base: &str,
) -> Option<(String, String)> {
    let imp = facts
        .imports
        .iter()
        .find(|i| i.alias.as_deref() == Some(base))?;
    let target = super::modules::resolve_spec(project, file, &imp.module)?;
    let d = super::qualified::module_exports_value(project, &target)?;
    (d.kind == DefKind::Function).then_some((target, d.name))
}

/// Member `name` of instances of the constructor function `fname` of
/// `file`: what its file assigns to `fname.prototype`, then its base's;
/// unknown when the file opens the prototype otherwise.
fn constructor_members(
    project: &crate::project::Project,
    file: &str,
    fname: &str,
    name: &str,
    depth: u32,
) -> Members {
    let Some(rc) = project.facts_of(file) else {
        return Members::Unknown;
    };
    let (text, facts) = (&rc.0, &rc.1);
    let own = super::modules::members_named(facts, fname, name);
    if !own.is_empty() {
        return Members::Defs {
            file: file.to_string(),
            defs: own,
        };
    }
    if super::members::OBJECT_MEMBERS.contains(&name) {
        return Members::Present;
    }
    let syms = super::openings::symbols(project, file, text);
    if text.contains("__proto__")
        || super::openings::computed_prototype_key(text, fname)
        || super::openings::assigns_computed_this(text, &syms)
            && (crate::resolve::word_positions(text, name).next().is_some()
                || project.name_defined(name))
    {
        return Members::Unknown;
    }
    match super::openings::prototype_additions(text, fname, &syms) {
        None => return Members::Unknown,
        Some(added) if added.iter().any(|a| a == name) => return Members::Present,
        Some(_) => {}
    }
    let mut pool: Vec<(String, String, u32)> = facts
        .definitions
        .iter()
        .filter(|d| d.container.as_deref() == Some(fname))
        .map(|d| (d.name.clone(), file.to_string(), d.name_span.start_line))
        .collect();
    // Other files that add to the prototype (bull's plugins: `Queue.prototype.getJobs
    // = function` in lib/getters.js), unless one opens it otherwise.
    for p in project.files_mentioning(fname, "prototype", file, 500) {
        let Some(other) = project.text_of(&p) else {
            return Members::Unknown;
        };
        let added = super::openings::prototype_additions(
            &other,
            fname,
            &super::openings::local_symbols(&other),
        )
        .or_else(|| {
            super::openings::prototype_additions(
                &other,
                fname,
                &super::openings::symbols(project, &p, &other),
            )
        });
        match added {
            None => return Members::Unknown,
            Some(added) if added.iter().any(|a| a == name) => return Members::Present,
            Some(added) => pool.extend(added.into_iter().map(|a| (a, p.clone(), 0))),
        }
    }
    // `this.onEnd = opts.onEnd` in the constructor: a member no prototype shows.
    if crate::resolve::word_positions(text, name).next().is_some() {
        return Members::Unknown;
    }
    match prototype_base(text, fname) {
        Err(()) => return Members::Unknown,
        Ok(None) => {}
        Ok(Some(base)) => match base_members(project, file, facts, &base, name, depth) {
            Members::Missing(p) => pool.extend(p),
            found => return found,
        },
    }
    Members::Missing(pool)
}

/// Whether `text` tests `q.name` before calling it: an optional hook
/// (`if (this.onError) this.onError(err)`, `this.cb && this.cb()`,
/// `typeof this.cb === 'function'`), which a caller may set on the object.
pub(super) fn tests_member(text: &str, q: &str, name: &str) -> bool {
    let member = format!("{q}.{name}");
    text.match_indices(&member).any(|(i, _)| {
        let after = &text[i + member.len()..];
        if after.starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$') {
            return false;
        }
        let before = &text[..i];
        if before
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '.')
        {
            return false;
        }
        let before = before.trim_end();
        let after = after.trim_start();
        // A call is no test of the member (`!this.isGlobstar()`).
        if after.starts_with('(') {
            return false;
        }
        before.ends_with("if (")
            || before.ends_with("if(")
            || before.ends_with("typeof")
            || before.ends_with('!') && !before.ends_with("!=")
            || after.starts_with("&&")
            || after.starts_with("?.(")
    })
}

/// `require('m').X` at the start of `s` (after spaces): that text, and
/// what follows it.
fn required_member(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_start();
    let rest = s.strip_prefix("require(")?;
    let q = rest.chars().next().filter(|c| matches!(c, '\'' | '"'))?;
    let close = rest[1..].find(q)? + 1;
    let member = rest[close + 1..].strip_prefix(").")?;
    let len = member
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(member.len());
    let end = s.len() - member.len() + len;
    (len > 0).then(|| (&s[..end], s[end..].trim_start()))
}

/// What the constructor `c` inherits from: `util.inherits(C, Base)`,
/// `Object.setPrototypeOf(C.prototype, Base.prototype)` or `C.prototype =
/// Object.create(Base.prototype)` (mongoose), `Base` a plain or dotted
/// name. `Ok(None)` when the file sets no base; `Err` when it sets `C`'s
/// prototype any other way (`C.prototype = new mquery()`) or to two bases.
fn prototype_base(text: &str, c: &str) -> Result<Option<String>, ()> {
    fn name(s: &str) -> (&str, &str) {
        let s = s.trim_start();
        let end = s
            .find(|ch: char| !(ch.is_alphanumeric() || ch == '_' || ch == '$' || ch == '.'))
            .unwrap_or(s.len());
        (&s[..end], s[end..].trim_start())
    }
    let whole = |i: usize| {
        !text[..i]
            .chars()
            .next_back()
            .is_some_and(|ch| ch.is_alphanumeric() || ch == '_' || ch == '$' || ch == '.')
    };
    // CoffeeScript's `extend(Parser, superClass)` / `__extends(C, _super)`
    // (xml2js's compiled lib): a base the wrapper is handed.
    if ["extend(", "__extends("].iter().any(|f| {
        text.match_indices(&format!("{f}{c},"))
            .any(|(i, _)| whole(i) || text[..i].ends_with('.'))
    }) {
        return Err(());
    }
    let mut bases: Vec<&str> = Vec::new();
    let forms = [
        format!("inherits({c},"),
        format!("setPrototypeOf({c}.prototype,"),
        format!("{c}.prototype ="),
    ];
    for (k, pat) in forms.iter().enumerate() {
        for (i, _) in text.match_indices(pat.as_str()) {
            let rest = &text[i + pat.len()..];
            if k == 2 && (rest.starts_with('=') || !whole(i)) {
                continue;
            }
            // `C.prototype = {…}`: a plain object, whose keys the caller reads.
            if k == 2 && rest.trim_start().starts_with('{') {
                continue;
            }
            let rest = if k == 2 {
                rest.trim_start().strip_prefix("Object.create(").ok_or(())?
            } else {
                rest
            };
            // `util.inherits(Datastore, require('events').EventEmitter)` (nedb).
            if k == 0
                && let Some((required, after)) = required_member(rest)
                && after.starts_with(')')
            {
                bases.push(required);
                continue;
            }
            let (base, after) = name(rest);
            let base = if k == 0 {
                base
            } else {
                base.strip_suffix(".prototype").ok_or(())?
            };
            if base.is_empty() || !after.starts_with(')') {
                return Err(());
            }
            bases.push(base);
        }
    }
    // `setPrototypeOf(C, …)` sets the statics' prototype, not instances'.
    bases.sort_unstable();
    bases.dedup();
    match bases.as_slice() {
        [] => Ok(None),
        [b] => Ok(Some(b.to_string())),
        _ => Err(()),
    }
}

//! Constructor functions read as classes: `this` inside `C.prototype.m =
//! function () { … }` and inside C's own body is an instance of C, whose
//! members are the methods its file and other files assign to
//! `C.prototype` (also a plugin module's, `module.exports = function (C)
//! {…}`), and its base's (`util.inherits(C, Base)`,
//! `Object.setPrototypeOf(C.prototype, Base.prototype)`, `C.prototype =
//! Object.create(Base.prototype)`).
//!
//! Owns that reading; `this` in classes and aliases is [`super::this`],
//! member lookup in classes [`super::members`], what opens a prototype
//! [`super::openings`].

use plumb_facts::{DefKind, Definition, Reference};

use super::arity::check_arity;
use super::members::{Members, class_member};
use super::qualified::{member_outcome, no_member};
use super::this::{hook_body, is_arity_finding, overridden_to_fit};
use crate::resolve::{FileCtx, Outcome};

/// `this.m()` inside `C.prototype.x = function () { … }` where `C` is a
/// constructor function of the file: a method assigned to `C.prototype`.
/// With a base ([`prototype_base`]), the base's members too; unknown when C
/// inherits otherwise (`C.prototype = new B()`, mixins, CoffeeScript's
/// `extend`) or the name shows up anywhere else (a field `this.m = …`, a
/// key, another file).
pub(super) fn prototype_this(
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
pub(super) fn constructor_body_this(
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

/// `this.m()` in a function the project assigns to a prototype by name:
/// moment's `export function isSame(input, units) { … this.isValid() … }`
/// with `proto.isSame = isSame` in prototype.js (`var proto =
/// Moment.prototype`), or the same two in one bundled file. `this` is then
/// an instance of that constructor: its member is a method assigned to
/// that prototype in that file (or defined for the constructor anywhere).
/// `None` when no prototype takes the function.
pub(super) fn attached_this(
    ctx: &FileCtx,
    r: &Reference,
    scope: &plumb_facts::Span,
    q: &str,
) -> Option<Vec<Outcome>> {
    let f = ctx.facts.definitions.iter().find(|d| {
        d.kind == DefKind::Function
            && d.container.is_none()
            && d.span.contains(scope)
            && scope.start_byte <= d.name_span.start_byte
    })?;
    let key = format!("js-attached:{}:{}", ctx.path, f.name);
    let sites = ctx.project.memo(&key, || prototypes_taking(ctx, &f.name));
    if sites.is_empty() {
        return None;
    }
    // (`new this.constructor(…)` may make a subclass.)
    if r.name == "constructor" {
        return Some(vec![skipped!()]);
    }
    let mut pool: Vec<(String, String, u32)> = Vec::new();
    // A method several prototypes take may run on any of them: a call that
    // fits one of their members fits.
    let mut rejected: Option<Vec<Outcome>> = None;
    for (file, class) in sites.iter() {
        let rc = ctx.project.facts_of(file)?;
        // (A prototype with a base, or open to names no text shows, may
        // have anything. Read once per prototype: every `this.m()` of a
        // bundle's hundred methods asks.)
        let added = ctx
            .project
            .memo(&format!("js-prototype-site:{file}:{class}"), || {
                let syms = super::openings::symbols(ctx.project, file, &rc.0);
                let closed = matches!(prototype_base(&rc.0, class), Ok(None))
                    && !super::openings::sets_proto(ctx.project, file, &rc.0)
                    && !super::openings::computed_prototype_key(&rc.0, class);
                closed
                    .then(|| super::openings::prototype_additions(&rc.0, class, &syms))
                    .flatten()
            });
        if added
            .as_ref()
            .as_ref()
            .is_none_or(|added| added.iter().any(|a| a == &r.name))
        {
            return Some(vec![skipped!()]);
        }
        let own = super::modules::members_named(&rc.1, class, &r.name);
        if !own.is_empty() {
            let refs: Vec<&Definition> = own.iter().collect();
            let out = check_arity(ctx, r, &refs, file);
            if !out.iter().any(is_arity_finding) {
                return Some(out);
            }
            rejected.get_or_insert(out);
            continue;
        }
        pool.extend(
            rc.1.definitions
                .iter()
                .filter(|d| d.container.as_deref() == Some(class.as_str()))
                .map(|d| (d.name.clone(), file.clone(), d.name_span.start_line)),
        );
    }
    if let Some(out) = rejected {
        return Some(out);
    }
    if super::members::OBJECT_MEMBERS.contains(&r.name.as_str())
        || ctx.project.name_defined(&r.name)
        || ctx.project.referenced_elsewhere(&r.name, ctx.path)
    {
        return Some(vec![skipped!()]);
    }
    let (file, class) = &sites[0];
    Some(no_member(
        ctx,
        r,
        q,
        format!(
            "{q} is a {class}: {file} assigns {} to {class}.prototype, whose methods there have no '{}'",
            ctx.facts
                .definitions
                .iter()
                .find(|d| d.span.contains(scope) && d.kind == DefKind::Function)
                .map_or("the function", |d| d.name.as_str()),
            r.name
        ),
        &pool,
        0.75,
    ))
}

/// The files and constructors whose prototype takes the function `name`
/// of the checked file: `proto.name = name` or `proto.weekYear =
/// getSetWeekYear` (a member the adapter records under the constructor) in
/// this file, or in a file that imports `name` from it.
fn prototypes_taking(ctx: &FileCtx, name: &str) -> Vec<(String, String)> {
    // (`proto.isSame = isSame` is a member whose value the adapter does not
    // read: a Variable under the constructor.)
    let takes = |text: &str, d: &Definition| {
        matches!(d.kind, DefKind::Method | DefKind::Variable)
            && d.container.is_some()
            && text
                .get(d.span.start_byte as usize..d.span.end_byte as usize)
                .and_then(|t| {
                    t.trim_end()
                        .trim_end_matches(';')
                        .trim_end()
                        .strip_suffix(name)
                })
                .is_some_and(|t| {
                    t.trim_end().ends_with('=')
                        && !t.ends_with(|c: char| {
                            c.is_alphanumeric() || c == '_' || c == '$' || c == '.'
                        })
                })
    };
    let sites_in = |path: &str, text: &str, defs: &[Definition]| -> Vec<(String, String)> {
        defs.iter()
            .filter(|d| takes(text, d))
            .filter_map(|d| Some((path.to_string(), d.container.clone()?)))
            .collect()
    };
    let mut out = sites_in(ctx.path, ctx.text, &ctx.facts.definitions);
    if out.is_empty() {
        for path in ctx.project.files_referencing(name, ctx.path, 200) {
            // (The imports from the index first: parsing every bundle that
            // mentions the name costs more than the check.)
            let imports_it = ctx.project.imports_of(&path).iter().any(|i| {
                i.names
                    .iter()
                    .any(|n| n.name == name && n.alias.as_deref().is_none_or(|a| a == name))
                    && super::modules::resolve_spec(ctx.project, &path, &i.module).as_deref()
                        == Some(ctx.path)
            });
            if !imports_it {
                continue;
            }
            if let Some(rc) = ctx.project.facts_of(&path) {
                out.extend(sites_in(&path, &rc.0, &rc.1.definitions));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// `this.m()` where `this` is an instance of `c`, the class or
/// constructor function of this file (or one it imports, or the class a
/// plugin module is handed) whose prototype methods are being defined.
pub(super) fn instance_this(
    ctx: &FileCtx,
    r: &Reference,
    q: &str,
    c: &str,
) -> Option<Vec<Outcome>> {
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
    // (Or a dotted name, jasmine's `jasmine.Queue = function (env)` with
    // `jasmine.Queue.prototype.next_ = function`.)
    let assigned_function = || {
        ctx.text
            .match_indices(&format!("{c} = function"))
            .any(|(i, _)| {
                !ctx.text[..i].ends_with(|ch: char| {
                    ch.is_alphanumeric() || ch == '_' || ch == '$' || ch == '.'
                })
            })
    };
    let dotted = c.contains('.') && assigned_function();
    // `Layer.include({ m() { this.n() } })` of an imported `Layer`.
    if !dotted && !defs.iter().any(|d| d.name == c && d.container.is_none()) {
        if let Some((file, class)) = super::members::find_class(ctx.project, ctx.path, c) {
            let found = class_member(ctx.project, &file, &class, &r.name, false);
            return Some(member_outcome(ctx, r, found, q));
        }
        return plugin_this(ctx, r, q, c);
    }
    // (Or a variable the constructor is assigned to later: bunyan's `var
    // RotatingFileStream = null; if (mv) { RotatingFileStream = function`.)
    let extended = extended_base(ctx.text, c);
    let declared = defs.iter().any(|d| {
        d.name == c
            && d.container.is_none()
            && (d.kind == DefKind::Function
                || d.kind == DefKind::Variable && assigned_function()
                || extended.is_some())
    });
    if !declared && !dotted {
        return None;
    }
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
    let mut unseen = None;
    match prototype_base(text, c) {
        Err(()) => return Some(vec![skipped!()]),
        Ok(None) => {}
        Ok(Some(base)) => match base_members(ctx.project, ctx.path, ctx.facts, &base, &r.name, 0) {
            Members::Missing(pool) => base_pool = pool,
            // (`B.extend({…})` of a base the project does not define is a
            // class only when the base is named as one, `Backbone.View`;
            // `$.extend`, `_.extend` merge objects.)
            Members::Unseen { .. }
                if extended.is_some_and(|b| {
                    !b.rsplit('.')
                        .next()
                        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
                }) =>
            {
                return Some(vec![skipped!()]);
            }
            Members::Unseen {
                base,
                package,
                pool,
            } => {
                base_pool = pool;
                unseen = Some((base, package));
            }
            found => return Some(member_outcome(ctx, r, found, q)),
        },
    }
    let syms = super::openings::symbols(ctx.project, ctx.path, text);
    if super::members::OBJECT_MEMBERS.contains(&r.name.as_str())
        || super::openings::sets_proto(ctx.project, ctx.path, text)
        || super::openings::this_handed_to_package(ctx.project, ctx.path, text)
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
    // (A base from a package already leaves members unseen: mixins a
    // package's object went into add no more doubt.)
    let syms = if unseen.is_some() {
        syms.with_package_mixins()
    } else {
        syms
    };
    let added = match super::openings::prototype_additions(text, c, &syms) {
        Some(added) => Some(added),
        // A package's object mixed into the prototype (Marionette's
        // `_.extend(Region.prototype, CommonMixin, {…})`, CommonMixin
        // holding `Backbone.Events`) leaves members unseen, as a package
        // base does: only a slip of a known one is reported.
        None if unseen.is_none() => super::openings::prototype_additions(
            text,
            c,
            &super::openings::symbols(ctx.project, ctx.path, text).with_package_mixins(),
        )
        .inspect(|_| unseen = Some((format!("{c}.prototype"), String::new()))),
        None => None,
    };
    let added = match added {
        Some(added) if !added.iter().any(|a| a == &r.name) => added,
        Some(_) => return Some(vec![Outcome::Resolved]),
        None => return Some(vec![skipped!()]),
    };
    let pool: Vec<(String, String, u32)> = defs
        .iter()
        .filter(|d| d.container.as_deref() == Some(c))
        .map(|d| (d.name.clone(), ctx.path.to_string(), d.name_span.start_line))
        .chain(base_pool)
        // (What mixins add, `_.extend(C.prototype, ViewMixin)`.)
        .chain(added.into_iter().map(|a| (a, ctx.path.to_string(), 0)))
        .collect();
    if let Some((base, package)) = unseen {
        return Some(member_outcome(
            ctx,
            r,
            Members::Unseen {
                base,
                package,
                pool,
            },
            q,
        ));
    }
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
/// { this.m() } }`), or a script adds to a global class another script
/// defines (howler's spatial plugin): the plugin's own methods, else the
/// host class's or constructor's members, with what every other plugin adds.
fn plugin_this(ctx: &FileCtx, r: &Reference, q: &str, c: &str) -> Option<Vec<Outcome>> {
    let (file, host) = super::plugins::plugin_host(ctx.project, ctx.path, ctx.text, c)
        .or_else(|| super::plugins::script_global_host(ctx.project, ctx.path, ctx.text, c))?;
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
    let def = ctx
        .facts
        .definitions
        .iter()
        .find(|d| d.name == c && d.container.is_none());
    if def.is_none() && !c.contains('.') {
        return true;
    }
    super::members::prototype_elsewhere_of(ctx.project, ctx.path, c, def)
        .as_ref()
        .as_ref()
        .is_none_or(|e| e.has(name))
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
        _ => super::members::unseen_base(project, file, facts, base, &[]),
    }
}

/// `(file, F)` for the constructor function `base` is imported as
/// (`const base = require('./m')` of `module.exports = F`; nconf's `Memory
/// = require('./memory').Memory` of `var Memory = exports.Memory = function
/// (options) {…}`): [`super::modules::imported_function`].
fn imported_constructor(
    project: &crate::project::Project,
    file: &str,
    facts: &plumb_facts::FileFacts,
    base: &str,
) -> Option<(String, String)> {
    super::modules::imported_function(project, file, &facts.imports, base, false)
        .map(|(f, d)| (f, d.name))
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
    if super::openings::sets_proto(project, file, text)
        || super::openings::this_handed_to_package(project, file, text)
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
    let Some(def) = facts
        .definitions
        .iter()
        .find(|d| d.name == fname && d.container.is_none())
    else {
        return Members::Unknown;
    };
    match &*super::members::prototype_elsewhere(project, file, def) {
        None => return Members::Unknown,
        Some(e) if e.has(name) => return Members::Present,
        Some(e) => pool.extend(e.defs.iter().cloned()),
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
            Members::Unseen {
                base,
                package,
                pool: p,
            } => {
                pool.extend(p);
                return Members::Unseen {
                    base,
                    package,
                    pool,
                };
            }
            found => return found,
        },
    }
    Members::Missing(pool)
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
/// `Object.setPrototypeOf(C.prototype, Base.prototype)`, `C.prototype =
/// Object.create(Base.prototype)` (mongoose) or `C.prototype.__proto__ =
/// Base.prototype` (kue), `C.prototype = new Base()` (js-beautify), `Base`
/// a plain or dotted name. `Ok(None)` when the file sets no base; `Err`
/// when it sets `C`'s prototype any other way or to two bases.
/// `Base` of `const C = Base.extend({…})`, Backbone's way to declare a
/// class (bookshelf's `BookshelfModel = ModelBase.extend({…}, {…})`),
/// whose literal the adapter reads as `C`'s methods.
fn extended_base<'t>(text: &'t str, c: &str) -> Option<&'t str> {
    crate::resolve::word_positions(text, c).find_map(|i| {
        let before = text[..i].trim_end();
        if !["const", "let", "var"]
            .iter()
            .any(|k| super::omission::ends_with_word(before, k))
        {
            return None;
        }
        let rest = text[i + c.len()..]
            .trim_start()
            .strip_prefix('=')?
            .trim_start();
        let end = rest
            .find(|ch: char| !(ch.is_alphanumeric() || ch == '_' || ch == '$' || ch == '.'))
            .unwrap_or(rest.len());
        let base = rest[..end].strip_suffix(".extend")?;
        (!base.is_empty() && rest[end..].trim_start().starts_with('(')).then_some(base)
    })
}

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
        format!("{c}.prototype.__proto__ ="),
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
            // `C.prototype.__proto__ = Base.prototype;` (kue): a statement
            // of its own.
            if k == 3 {
                let line = rest[..rest.find('\n').unwrap_or(rest.len())].trim();
                let line = line.strip_suffix(';').unwrap_or(line).trim_end();
                let base = line.strip_suffix(".prototype").ok_or(())?;
                if base.is_empty() || name(base).0 != base {
                    return Err(());
                }
                bases.push(base);
                continue;
            }
            // `C.prototype = new Base()` (js-beautify's tokenizers): an
            // instance of the base, whose members instances share.
            if k == 2
                && let Some(made) = rest.trim_start().strip_prefix("new ")
            {
                let (base, after) = name(made);
                let args_end = after
                    .starts_with('(')
                    .then(|| super::lexical::matching_close(after, 0))
                    .flatten()
                    .ok_or(())?;
                let tail = after[args_end + 1..].trim_start_matches([' ', '\t']);
                if base.is_empty() || !(tail.is_empty() || tail.starts_with([';', '\n', '\r'])) {
                    return Err(());
                }
                bases.push(base);
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
    if let Some(base) = extended_base(text, c) {
        bases.push(base);
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

//! Calls through a name whose meaning is known without types: `this.m()`
//! inside a project class, `Class.m()` and `Namespace.f()` for a class or
//! namespace of the project, `ns.f()` for `import * as ns` of a project
//! module (or a default import of a class), `ns.f()` for `import {ns}` of
//! a module's `export * as ns`, and `mod.f()` for an import of a Node
//! built-in module. Every other receiver is a value of unknown type and
//! stays Skipped.
//!
//! Owns what the qualifier denotes (what `this` and its aliases denote is
//! [`super::this`]); member lookup is [`super::members`], export lookup
//! [`super::modules`], arity [`super::arity`].

use plumb_facts::{DefKind, Definition, Lang, Reference};

use super::arity::{check_arity, is_ts_path, type_args_end};
use super::constructed::constructed_value_member;
use super::function_exports::Has;
use super::members::{Members, class_member, interface_member};
use super::modules::{Export, find_export, is_relative, namespace_export, resolve_spec};
use super::objects;
use crate::builtins::{self, Lookup};
use crate::report::FindingKind;
use crate::resolve::{FileCtx, Outcome, scope};

pub fn check(ctx: &FileCtx, r: &Reference, q: &str) -> Vec<Outcome> {
    // `q.m?.()`: the author expects `m` may be absent (feature detection).
    if ctx
        .text
        .get(r.span.end_byte as usize..)
        .is_some_and(|t| t.starts_with("?.("))
    {
        return vec![skipped!()];
    }
    if r.name.starts_with('#') {
        return super::this::private_member(ctx, r);
    }
    if q == "this" {
        return super::this::this_call(ctx, r);
    }
    let simple = !q.is_empty()
        && q.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
        && !q.starts_with(|c: char| c.is_ascii_digit());
    if !simple {
        return vec![skipped!()];
    }
    if scope::local_binds(ctx.facts, q, &r.span) {
        // `var path = require('path');` inside the function (sails' hooks).
        if let Some(imp) = local_require(ctx, q, r) {
            return via_import(ctx, r, q, imp);
        }
        // `var self = this;` then `self.m()`: the `this` where it was taken.
        return match super::this::this_alias(ctx, q, r) {
            Some(at) => super::this::this_call_at(ctx, r, &at, q),
            // `const self = {} as UsageInstance;` filled in by the function;
            // a plugin's parameter that is a class of the project.
            None => super::locals::local_object_member(ctx, r, q)
                .or_else(|| plugin_parameter_member(ctx, r, q))
                .unwrap_or_else(|| vec![skipped!()]),
        };
    }
    // `q.m()` reads the value `q`; an interface or type of the same name
    // (`interface Foo {…}` beside `const Foo: …`) is no value.
    let here: Vec<&Definition> = ctx
        .facts
        .definitions
        .iter()
        .filter(|d| d.name == q && d.container.is_none() && !is_type_only(d))
        // `exports.redis = redis` names a key of the exports, not the
        // variable `redis.m()` reads (kue).
        .filter(|d| !export_key_assignment(d))
        // Not one bound inside another function (a bundle's module) that
        // does not hold the call.
        .filter(|d| scope::nested_binding_scope(ctx.facts, d).is_none_or(|s| s.contains(&r.span)))
        .collect();
    if !here.is_empty() {
        return match here.as_slice() {
            [d] if d.kind == DefKind::Constant => constant_member(ctx, r, ctx.path, d, q),
            [d] if d.kind == DefKind::Class || holds_statics(ctx.facts, d) => {
                statics_member(ctx, r, ctx.path, d, q)
            }
            _ if here.iter().all(|d| d.kind == DefKind::Module) => {
                namespace_member(ctx, r, ctx.path, q)
            }
            _ => vec![skipped!()],
        };
    }
    // `exports.timeouts(options)` inside a CommonJS module: its own exports.
    if q == "exports" && !super::arity::is_ts_path(ctx.path) {
        return own_exports_member(ctx, r, q);
    }
    let Some((imp, _)) = ctx.import_binding(q) else {
        return global_member(ctx, r, q);
    };
    via_import(ctx, r, q, imp)
}

/// Whether the project puts its own value in the global `q`
/// (`global.Promise = require('bluebird')`, `window.Promise = …`), whose
/// members are then that value's.
fn global_replaced(ctx: &FileCtx, q: &str) -> bool {
    const GLOBAL_OBJECTS: [&str; 4] = ["global", "globalThis", "window", "self"];
    let assigned = |text: &str| {
        GLOBAL_OBJECTS.iter().any(|g| {
            text.match_indices(&format!("{g}.{q}")).any(|(i, m)| {
                let after = text[i + m.len()..].trim_start();
                after.starts_with('=') && !after.starts_with("==")
            })
        })
    };
    // (The adapter records `global.Promise = …` in any file as a top-level
    // definition of `Promise`: read where one stands.)
    let key = format!("js-global-replaced:{q}");
    assigned(ctx.text)
        || *ctx.project.memo(&key, || {
            ctx.project.defs_named(q, 50).iter().any(|d| {
                d.def.container.is_none()
                    && ctx.project.facts_of(&d.path).is_some_and(|rc| {
                        rc.0.get(d.def.span.start_byte as usize..)
                            .is_some_and(|at| {
                                GLOBAL_OBJECTS
                                    .iter()
                                    .any(|g| at.starts_with(&format!("{g}.{q}")))
                            })
                    })
            })
        })
}

/// `Object.keys()`, `Math.floor()`, `console.log()` where `q` is the
/// JavaScript global: one of its static members (`data/builtins/js-globals.txt`,
/// from TypeScript's lib files and Node), Function's or Object's, or a name
/// the project itself hangs on the global or defines (a polyfill's
/// `Object.entries = function`, a `declare global` augmentation).
fn global_member(ctx: &FileCtx, r: &Reference, q: &str) -> Vec<Outcome> {
    let Some(m) = builtins::js_global(q) else {
        return vec![skipped!()];
    };
    let name = r.name.as_str();
    // (A name the file mentions again may be feature-tested, `'fromBase64'
    // in Uint8Array`, before a proposal's method is called.)
    if m.member(name) != Some(false)
        || inherited(name, true)
        || crate::resolve::word_positions(ctx.text, name).count() > 1
        || global_replaced(ctx, q)
        || crate::project::assigns_member(ctx.text, q, name)
        || ctx.project.member_assigned_elsewhere(q, name, ctx.path)
        || ctx.project.name_defined(name)
        || ctx.project.referenced_elsewhere(name, ctx.path)
    {
        return vec![Outcome::Resolved];
    }
    let pool: Vec<(String, String, u32)> = m
        .members()
        .iter()
        .map(|x| (x.to_string(), q.to_string(), 0))
        .collect();
    vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!("'{q}' has no member '{name}'"),
        vec![format!(
            "{q} is the JavaScript global: its static members (TypeScript's lib files, Node's runtime), Function's and Object's have no '{name}'"
        )],
        ctx.candidates(name, &pool),
        0.8,
    ))]
}

/// `q.m()` where `q` is bound by the import `imp` (`const q =
/// require('./m')`, `import q from …`, `import { q } from …`).
fn via_import(ctx: &FileCtx, r: &Reference, q: &str, imp: &plumb_facts::Import) -> Vec<Outcome> {
    let Some(target) = resolve_spec(ctx.project, ctx.path, &imp.module) else {
        if !is_relative(&imp.module) {
            return stdlib_member(ctx, r, imp, q);
        }
        return vec![skipped!()];
    };
    if imp.alias.as_deref() == Some(q) {
        return module_value_member(ctx, r, &target, &imp.module, q);
    }
    let Some(n) = imp
        .names
        .iter()
        .find(|n| n.alias.as_deref().unwrap_or(&n.name) == q)
    else {
        return vec![skipped!()];
    };
    if n.name == "default"
        && let Some(out) = object_member(ctx, r, &target, "default", q)
    {
        return out;
    }
    // The default import of an `export = e` module is `e` itself.
    if n.name == "default"
        && ctx
            .project
            .facts_of(&target)
            .is_some_and(|rc| super::modules::export_equals_name(&rc.0).is_some())
    {
        return module_member(ctx, r, &target, &imp.module, q);
    }
    // `import {C} from './m'` / `import C from './m'`: a class, namespace
    // or object.
    match find_export(ctx.project, &target, &n.name, 0) {
        Export::Defs { file, mut defs } => match {
            if defs.iter().any(|d| !is_type_only(d)) {
                defs.retain(|d| !is_type_only(d));
            }
            defs.as_slice()
        } {
            [d] if d.kind == DefKind::Class || holds_statics_in(ctx.project, &file, d) => {
                statics_member(ctx, r, &file, d, q)
            }
            _ if defs.iter().all(|d| d.kind == DefKind::Module) => {
                namespace_member(ctx, r, &file, &defs[0].name)
            }
            [d] if d.kind == DefKind::Constant => constant_member(ctx, r, &file, d, q),
            // `export let htmlParser = new HTMLParser();` that its module
            // never assigns again: an instance of the class, as a `const`
            // would be. (An object literal may be filled in by any module
            // it is exported to: jQuery's `export var support = {}`.)
            [d] if d.kind == DefKind::Variable && assigned_once(ctx.project, &file, &d.name) => {
                constructed_value_member(ctx, r, &file, d, q).unwrap_or_else(|| vec![skipped!()])
            }
            [d] if d.kind == DefKind::Function => {
                statics_written_on_import(ctx, r, &target, &n.name, q)
                    .unwrap_or_else(|| vec![skipped!()])
            }
            _ => vec![skipped!()],
        },
        // `import utils from './utils.cjs'`, also through `export {default
        // as utils} from './utils.cjs'`: the CommonJS exports object.
        Export::CommonJs { file } => module_value_member(ctx, r, &file, &file, q),
        // `import {util} from './index'` of `export * as util from './util'`.
        Export::Present => match namespace_export(ctx.project, &target, &n.name, 0) {
            Some(ns) => module_member(ctx, r, &ns, &ns, q),
            None => vec![skipped!()],
        },
        _ => vec![skipped!()],
    }
}

/// The import that binds `q` in the innermost scope binding it at `r`
/// (`function f() { var path = require('path'); path.resolve(…) }`).
fn local_require<'p>(
    ctx: &FileCtx<'p, '_>,
    q: &str,
    r: &Reference,
) -> Option<&'p plumb_facts::Import> {
    let b = scope::innermost_binding(ctx.facts, q, &r.span)?;
    let mut found = ctx.facts.imports.iter().filter(|i| {
        i.alias.as_deref() == Some(q)
            && i.span.start_byte < r.span.start_byte
            && scope::innermost_binding(ctx.facts, q, &i.span).is_some_and(|ib| ib.scope == b.scope)
    });
    match (found.next(), found.next()) {
        (Some(i), None) => Some(i),
        _ => None,
    }
}

/// `q.m()` where `q` is the constant `d` of `file` (this file's or an
/// imported one): an object literal's keys, the project interface it is
/// typed with, the type a declarations file gives it inline, or the class
/// it is an instance of; skipped when none of those reads it.
fn constant_member(
    ctx: &FileCtx,
    r: &Reference,
    file: &str,
    d: &Definition,
    q: &str,
) -> Vec<Outcome> {
    object_member(ctx, r, file, &d.name, q)
        .or_else(|| typed_value_member(ctx, r, file, d, q))
        .or_else(|| super::literal_types::declared_value_member(ctx, r, file, d, q))
        .or_else(|| constructed_value_member(ctx, r, file, d, q))
        .unwrap_or_else(|| vec![skipped!()])
}

/// Whether the module `file` assigns `name` only where it declares it.
fn assigned_once(project: &crate::project::Project, file: &str, name: &str) -> bool {
    project.facts_of(file).is_some_and(|rc| {
        let text = &rc.0;
        crate::resolve::word_positions(text, name)
            .filter(|&i| {
                let after = text[i + name.len()..].trim_start();
                let compound = ["+=", "-=", "||=", "&&=", "??="]
                    .iter()
                    .any(|op| after.starts_with(op));
                compound
                    || after.starts_with('=')
                        && !after.starts_with("==")
                        && !after.starts_with("=>")
            })
            .count()
            == 1
    })
}

/// A declaration that names a type only: no value to call members on.
fn is_type_only(d: &Definition) -> bool {
    matches!(d.kind, DefKind::Interface | DefKind::TypeAlias)
}

/// `q.m()` where `q` is the constant `d` of the TypeScript file `file`
/// declared with a project interface as its type (`const q: Foo = …`,
/// `const q: ns.Foo<T> = …`): TypeScript lets a caller in a TypeScript
/// file call only that interface's members. `None` when the annotation is
/// anything else (a union, an object type, a package's type, a class).
fn typed_value_member(
    ctx: &FileCtx,
    r: &Reference,
    file: &str,
    d: &Definition,
    q: &str,
) -> Option<Vec<Outcome>> {
    if !is_ts_path(file) || !is_ts_path(ctx.path) {
        return None;
    }
    let ty = super::arity::annotation(d)?.trim_start();
    let ident_end = |s: &str| {
        s.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
            .unwrap_or(s.len())
    };
    let e = ident_end(ty);
    let (mut head, mut rest) = (&ty[..e], &ty[e..]);
    let mut ns = None;
    if let Some(after) = rest.strip_prefix('.') {
        let e2 = ident_end(after);
        ns = Some(head);
        (head, rest) = (&after[..e2], &after[e2..]);
    }
    if head.is_empty() || head.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // Type arguments, then the initializer or nothing.
    let mut rest = rest.trim_start();
    if rest.starts_with('<') {
        rest = rest[type_args_end(rest)?..].trim_start();
    }
    if !(rest.is_empty()
        || rest.starts_with('=') && !rest.starts_with("==")
        || rest.starts_with(';'))
    {
        return None;
    }
    let found = match ns {
        None => find_export(ctx.project, file, head, 0),
        Some(ns) => {
            let facts = &ctx.project.facts_of(file)?.1;
            let imp = facts
                .imports
                .iter()
                .find(|i| i.alias.as_deref() == Some(ns))?;
            let target = resolve_spec(ctx.project, file, &imp.module)?;
            find_export(ctx.project, &target, head, 0)
        }
    };
    let Export::Defs { file: ifile, defs } = found else {
        return None;
    };
    // The type meaning of the name: interfaces only (a function or
    // constant of the same name is its value meaning).
    if defs.iter().any(|d| {
        !matches!(
            d.kind,
            DefKind::Interface | DefKind::Function | DefKind::Constant | DefKind::Variable
        )
    }) {
        return None;
    }
    let decls: Vec<&Definition> = defs
        .iter()
        .filter(|d| d.kind == DefKind::Interface)
        .collect();
    if decls.is_empty() {
        return None;
    }
    Some(
        match interface_member(ctx.project, &ifile, &decls, &r.name) {
            Members::Missing(pool) => no_member(
                ctx,
                r,
                q,
                format!(
                    "{q} is declared as {head} (the interface at {ifile}:{}): its members and Object's have no '{}'",
                    decls[0].name_span.start_line, r.name
                ),
                &pool,
                0.8,
            ),
            m => member_outcome(ctx, r, m, q),
        },
    )
}

/// `q.f()` where `q` is the checked module's own exports object (`this`
/// in a function the module exports).
pub(super) fn own_exports_member(ctx: &FileCtx, r: &Reference, q: &str) -> Vec<Outcome> {
    module_value_member(ctx, r, ctx.path, ctx.path, q)
}

/// `q.f()` where `q` is a whole module's value: `const q = require('./m')`
/// or `import * as q from './m'`, or the default import of a CommonJS module.
fn module_value_member(
    ctx: &FileCtx,
    r: &Reference,
    target: &str,
    spec: &str,
    q: &str,
) -> Vec<Outcome> {
    // `module.exports = { … }`.
    if let Some(out) = object_member(ctx, r, target, "module.exports", q) {
        return out;
    }
    // `module.exports = log4js;` of `const log4js = { getLogger, … }`, when
    // no `module.exports.k = …` or `exports.k = …` adds to it.
    if let Some(rc) = ctx.project.facts_of(target)
        && !writes_export_keys(&rc.0)
        && let Some([binding]) = module_exports_names(&rc.0).as_deref()
        && let Some(out) = object_member(ctx, r, target, binding, q)
    {
        return out;
    }
    // `module.exports = Name` of a class or function of that module.
    if let Some(out) = exported_value_member(ctx, r, target, q) {
        return out;
    }
    // q.f is m's export f.
    module_member(ctx, r, target, spec, q)
}

/// `q.f()` where `q` is the namespace object of the project module
/// `target` (imported as `spec`): f is the module's export f.
fn module_member(ctx: &FileCtx, r: &Reference, target: &str, spec: &str, q: &str) -> Vec<Outcome> {
    // A JavaScript caller of the repository's own `export =` declarations.
    if super::modules::unbound_export_equals(ctx.project, ctx.path, target) {
        return vec![skipped!()];
    }
    match find_export(ctx.project, target, &r.name, 0) {
        Export::Defs { file, defs } => {
            let refs: Vec<&Definition> = defs.iter().collect();
            check_arity(ctx, r, &refs, &file)
        }
        Export::Present | Export::CommonJs { .. } => vec![Outcome::Resolved],
        Export::Unknown => vec![skipped!()],
        Export::Missing => {
            let pool = super::modules::top_level_names(ctx.project, target);
            vec![Outcome::Found(ctx.finding(
                FindingKind::UnknownSymbol,
                &r.span,
                format!("module '{spec}' has no export '{}'", r.name),
                vec![format!(
                    "{q} is the module {target}: its definitions, re-exports and `export *` modules have no '{}'",
                    r.name
                )],
                ctx.candidates(&r.name, &pool),
                0.8,
            ))]
        }
    }
}

/// `moment.defineLocale(…)` of `import moment from '../moment'`, a module
/// that imports a function (`import { hooks as moment } from
/// './lib/utils/hooks'`), writes statics onto it by name (`moment.version
/// = …`, `moment.defineLocale = defineLocale`) and exports it: the member is
/// one of those keys or Function's. `None` when the module writes none or
/// may add keys no name shows. (Other files may write more onto the
/// function: a name the project defines or calls elsewhere is no slip.)
fn statics_written_on_import(
    ctx: &FileCtx,
    r: &Reference,
    target: &str,
    name: &str,
    q: &str,
) -> Option<Vec<Outcome>> {
    let rc = ctx.project.facts_of(target)?;
    let text = &rc.0;
    let binding = if name == "default" {
        super::modules::default_export_name(text)?
    } else {
        name.to_string()
    };
    // (A function the module defines holds its statics as definitions.)
    if !super::modules::top_defs(&rc.1, &binding).is_empty() {
        return None;
    }
    let keys = objects::keys_added(text, &binding)?;
    if keys.is_empty() {
        return None;
    }
    if super::members::FUNCTION_MEMBERS.contains(&r.name.as_str()) {
        return Some(vec![Outcome::Resolved]);
    }
    Some(keyed_member(
        ctx,
        r,
        q,
        (&keys, target),
        format!(
            "{q} is the function {target} exports as {binding}; the statics written onto it there have no '{}'",
            r.name
        ),
    ))
}

/// `q.name` where `q` has exactly the keys `keys` (written in `file`) as
/// far as the text shows, though other files may add more: a key or an
/// `Object` member is present; a name the project defines or calls
/// elsewhere is no slip; anything else is missing, with `evidence`.
pub(super) fn keyed_member(
    ctx: &FileCtx,
    r: &Reference,
    q: &str,
    (keys, file): (&[objects::Key], &str),
    evidence: String,
) -> Vec<Outcome> {
    if keys.iter().any(|k| k.name == r.name)
        || super::members::OBJECT_MEMBERS.contains(&r.name.as_str())
    {
        return vec![Outcome::Resolved];
    }
    if ctx.project.name_defined(&r.name) || ctx.project.referenced_elsewhere(&r.name, ctx.path) {
        return vec![skipped!()];
    }
    let pool: Vec<(String, String, u32)> = keys
        .iter()
        .map(|k| (k.name.clone(), file.to_string(), k.line))
        .collect();
    no_member(ctx, r, q, evidence, &pool, 0.7)
}

/// A top-level function the file hangs members on (`Dot.symbols = …`): its
/// members are those, its prototype's and Function's, as for a class.
/// `defs` are the definitions of the file `d` is in (the checked file, or
/// the module it is imported from: sinon's `extend.nonEnum = function …`
/// beside `export default function extend`).
fn holds_statics(facts: &plumb_facts::FileFacts, d: &Definition) -> bool {
    // (Prototype methods are its instances' members, not its own. A
    // function bound inside another function, whose statics the adapter
    // does not record, never gets here: calls inside see a local binding,
    // calls outside do not see it.)
    d.kind == DefKind::Function
        && d.container.is_none()
        && facts
            .definitions
            .iter()
            // (A definition inside the function's body, convict's `const rv
            // = {…}`, is one of its locals.)
            .any(|m| {
                m.container.as_deref() == Some(d.name.as_str())
                    && m.kind != DefKind::Method
                    && !d.span.contains(&m.span)
            })
}

/// [`holds_statics`] for a definition of another project file.
fn holds_statics_in(project: &crate::project::Project, file: &str, d: &Definition) -> bool {
    project
        .facts_of(file)
        .is_some_and(|rc| holds_statics(&rc.1, d))
}

/// The finding for a call of a member `q` certainly lacks: what was
/// searched (`evidence`) and the nearest of the names that exist (`pool`).
pub(super) fn no_member(
    ctx: &FileCtx,
    r: &Reference,
    q: &str,
    evidence: String,
    pool: &[(String, String, u32)],
    confidence: f64,
) -> Vec<Outcome> {
    // `if (options.vnode) options.vnode(v)`: an optional hook, which the
    // author knows may be absent.
    if super::this::tests_member(ctx.text, q, &r.name) {
        return vec![skipped!()];
    }
    vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!("'{q}' has no member '{}'", r.name),
        vec![evidence],
        ctx.candidates(&r.name, pool),
        confidence,
    ))]
}

pub(super) fn member_outcome(ctx: &FileCtx, r: &Reference, m: Members, q: &str) -> Vec<Outcome> {
    match m {
        Members::Defs { file, defs } => {
            let refs: Vec<&Definition> = defs.iter().collect();
            check_arity(ctx, r, &refs, &file)
        }
        Members::Present => vec![Outcome::Resolved],
        Members::Unknown => vec![skipped!()],
        Members::Unseen {
            base,
            package,
            pool,
        } => unseen_member(ctx, r, q, &base, &package, &pool),
        Members::Missing(pool) => no_member(
            ctx,
            r,
            q,
            format!(
                "members of the class, of its project base classes and of Object: no '{}'",
                r.name
            ),
            &pool,
            0.8,
        ),
    }
}

/// A member missing from everything the project shows of a class whose
/// base comes from a package Plumb does not read: the base may have it, so
/// only a slip is reported, at lower confidence: a name one edit of the
/// usual kind (a plural, a prefix, snake case) away from one of the class's
/// own members, used nowhere else and defined nowhere in the project. A
/// name that differs from an own member only by leading underscores is no
/// slip (`this.write()` beside the subclass's own `_write()` is the base's).
fn unseen_member(
    ctx: &FileCtx,
    r: &Reference,
    q: &str,
    base: &str,
    package: &str,
    pool: &[(String, String, u32)],
) -> Vec<Outcome> {
    let bare = |n: &str| n.trim_start_matches('_').to_string();
    let slip = crate::suggest::suggest(&r.name, pool.iter().map(|(n, _, _)| n.as_str()))
        .iter()
        .any(|(n, _)| bare(n) != bare(&r.name));
    if !slip
        || crate::resolve::word_positions(ctx.text, &r.name).count() > 1
        || ctx.project.name_defined(&r.name)
        || ctx.project.referenced_elsewhere(&r.name, ctx.path)
    {
        return vec![skipped!()];
    }
    // (No package named: `base` is a prototype a package's object is
    // mixed into.)
    let origin = if package.is_empty() {
        format!("an object from a package is mixed into {base}")
    } else {
        format!("its base {base} comes from the package '{package}'")
    };
    no_member(
        ctx,
        r,
        q,
        format!(
            "members of the class and of its project bases: no '{}'; {origin}, whose members are not all known, and no other code uses the name",
            r.name
        ),
        pool,
        0.6,
    )
}

/// `NS.f()` for a TypeScript namespace `NS` declared in `file`.
fn namespace_member(ctx: &FileCtx, r: &Reference, file: &str, ns: &str) -> Vec<Outcome> {
    // Namespaces merge across declarations; another one elsewhere may add it.
    let elsewhere = ctx
        .project
        .defs_named(ns, 50)
        .iter()
        .any(|d| d.path != file && d.def.kind == DefKind::Module);
    let Some(rc) = ctx.project.facts_of(file) else {
        return vec![skipped!()];
    };
    let members: Vec<&Definition> =
        rc.1.definitions
            .iter()
            .filter(|d| d.container.as_deref() == Some(ns))
            .collect();
    let named: Vec<&Definition> = members
        .iter()
        .copied()
        .filter(|d| d.name == r.name)
        .collect();
    if !named.is_empty() {
        return check_arity(ctx, r, &named, file);
    }
    if elsewhere || rc.1.dynamic {
        return vec![skipped!()];
    }
    // `declare namespace Handlebars { export { parse, ParseOptions }; }`:
    // names the namespace passes on from its imports.
    let passes_on =
        rc.1.definitions
            .iter()
            .filter(|d| d.name == ns && d.kind == DefKind::Module)
            .filter_map(|d| {
                rc.0.get(d.span.start_byte as usize..d.span.end_byte as usize)
            })
            .any(|body| export_clause_names(body).any(|n| n == r.name));
    if passes_on {
        return vec![Outcome::Resolved];
    }
    let pool: Vec<(String, String, u32)> = members
        .iter()
        .map(|d| (d.name.clone(), file.to_string(), d.name_span.start_line))
        .collect();
    vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!("namespace '{ns}' has no member '{}'", r.name),
        vec![format!("declarations of namespace {ns} in {file}")],
        ctx.candidates(&r.name, &pool),
        0.8,
    ))]
}

/// The names `export { a, b as c, type D }` clauses in `body` export (`a`,
/// `c`, `D`).
fn export_clause_names(body: &str) -> impl Iterator<Item = &str> {
    body.match_indices("export {")
        .filter_map(|(i, m)| {
            let rest = &body[i + m.len()..];
            rest.find('}').map(|end| &rest[..end])
        })
        .flat_map(|clause| clause.split(','))
        .filter_map(|item| {
            let item = item.trim();
            let item = item.strip_prefix("type ").unwrap_or(item).trim();
            let name = item.rsplit(" as ").next()?.trim();
            (!name.is_empty()).then_some(name)
        })
}

/// `fs.readFileSync()` for `import * as fs from 'node:fs'`, `import fs from
/// 'fs'` or `const fs = require('fs')`: a member of the Node module.
fn stdlib_member(ctx: &FileCtx, r: &Reference, imp: &plumb_facts::Import, q: &str) -> Vec<Outcome> {
    let whole = imp.alias.as_deref() == Some(q)
        || imp
            .names
            .iter()
            .any(|n| n.name == "default" && n.alias.as_deref() == Some(q));
    if !whole {
        return vec![skipped!()];
    }
    let lang = if matches!(ctx.lang, Lang::TypeScript | Lang::Tsx) {
        Lang::TypeScript
    } else {
        Lang::JavaScript
    };
    if !builtins::is_stdlib_module(lang, &imp.module) {
        return vec![skipped!()];
    }
    let path = format!("{}.{}", imp.module, r.name);
    match builtins::lookup(lang, &path) {
        Lookup::Member(..) => vec![Outcome::Resolved],
        // A test helper may hang members on the shared module object
        // (node-postgres: `assert.success = function …` in test-helper.js):
        // a member another file assigns is not missing.
        Lookup::MissingMember(..)
            if crate::project::assigns_member(ctx.text, q, &r.name)
                || ctx.project.member_assigned_elsewhere(q, &r.name, ctx.path) =>
        {
            vec![skipped!()]
        }
        Lookup::MissingMember(m, name) if !inherited(&name, !namespace_import(ctx, imp)) => {
            let pool: Vec<(String, String, u32)> = m
                .members()
                .iter()
                .map(|x| (x.to_string(), imp.module.clone(), 0))
                .collect();
            vec![Outcome::Found(ctx.finding(
                FindingKind::UnknownSymbol,
                &r.span,
                format!("module '{}' has no member '{name}'", imp.module),
                vec![format!("members of the Node module {}", m.name)],
                ctx.candidates(&name, &pool),
                0.8,
            ))]
        }
        _ => vec![skipped!()],
    }
}

/// Members a module object may inherit rather than own: Object's, and for
/// the value `require`/a default import gives (which may be a function or
/// an EventEmitter, like `process`), Function's and EventEmitter's.
fn inherited(name: &str, whole_value: bool) -> bool {
    const EMITTER: &[&str] = &[
        "addListener",
        "emit",
        "eventNames",
        "getMaxListeners",
        "listenerCount",
        "listeners",
        "off",
        "on",
        "once",
        "prependListener",
        "prependOnceListener",
        "rawListeners",
        "removeAllListeners",
        "removeListener",
        "setMaxListeners",
    ];
    super::members::OBJECT_MEMBERS.contains(&name)
        || whole_value
            && (super::members::FUNCTION_MEMBERS.contains(&name) || EMITTER.contains(&name))
}

/// `import * as ns from 'm'` (the module's own exports only), as opposed to a
/// default import or `require`, which give the module's value.
fn namespace_import(ctx: &FileCtx, imp: &plumb_facts::Import) -> bool {
    ctx.text
        .get(imp.span.start_byte as usize..imp.span.end_byte as usize)
        .is_some_and(|t| t.starts_with("import") && t.contains("* as"))
}

/// `q.name()` where `q` is the object literal bound to `binding` in `file`;
/// `None` when that is not an object whose keys are all known.
fn object_member(
    ctx: &FileCtx,
    r: &Reference,
    file: &str,
    binding: &str,
    q: &str,
) -> Option<Vec<Outcome>> {
    let keys = objects::object_keys(ctx.project, file, binding)?;
    if let Some(k) = keys.iter().find(|k| k.name == r.name) {
        if let Some(v) = &k.value
            && let Export::Defs { file, defs } = find_export(ctx.project, file, v, 0)
        {
            let refs: Vec<&Definition> = defs.iter().collect();
            return Some(check_arity(ctx, r, &refs, &file));
        }
        return Some(vec![Outcome::Resolved]);
    }
    if super::members::OBJECT_MEMBERS.contains(&r.name.as_str()) {
        return Some(vec![Outcome::Resolved]);
    }
    let pool: Vec<(String, String, u32)> = keys
        .iter()
        .map(|k| (k.name.clone(), file.to_string(), k.line))
        .collect();
    Some(no_member(
        ctx,
        r,
        q,
        format!(
            "{q} is the object literal {binding} in {file}: its keys have no '{}'",
            r.name
        ),
        &pool,
        0.8,
    ))
}

/// Whether the text writes a key of the exports (`exports.k = …`,
/// `module.exports.k = …`, `exports[k]`); reading one
/// (`module.exports.getConstructorName(x)`, moleculer's utils) writes none.
fn writes_export_keys(text: &str) -> bool {
    crate::resolve::word_positions(text, "exports").any(|i| {
        let after = &text[i + "exports".len()..];
        after.starts_with('[') || assigned_member(after).is_some()
    })
}

/// The names `module.exports = X;` binds to the module's value, last
/// first in the text's order (`module.exports = exports = internals.X =
/// class` gives `exports`, `X`); `None` unless `module.exports` is
/// assigned whole exactly once (`module.exports.k = …` only adds keys).
fn module_exports_names(text: &str) -> Option<Vec<&str>> {
    let (_, mut rest) = text.split_once("module.exports = ")?;
    if let Some(x) = umd_factory_value(text, rest) {
        return Some(vec![x]);
    }
    // `module.exports = X;`, also through a chain of assignments ending in
    // a name or a class or function (joi's `module.exports = exports =
    // internals.Template = class {`, a class the adapter names `Template`).
    let mut names: Vec<&str> = Vec::new();
    loop {
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$' || c == '.'))
            .unwrap_or(rest.len());
        let path = &rest[..end];
        let after = rest[end..].trim_start_matches([' ', '\t']);
        if matches!(path, "class" | "function") {
            // `module.exports = class Visitor extends …` (stylus): the
            // adapter names the class after itself.
            let own = after.trim_start_matches('*').trim_start();
            let len = own
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                .unwrap_or(own.len());
            if len > 0 && !matches!(&own[..len], "extends") {
                names.push(&own[..len]);
            }
            break;
        }
        let last = path.rsplit('.').next().unwrap_or(path);
        if last.is_empty() {
            return None;
        }
        names.push(last);
        if after.is_empty() || after.starts_with([';', '\n', '\r']) {
            break;
        }
        rest = after
            .strip_prefix('=')
            .filter(|a| !a.starts_with(['=', '>']))?
            .trim_start();
    }
    // `exports = EventEmitter; … module.exports = exports;` (blessed):
    // the value is what the bare `exports` was set to, once.
    if names == ["exports"] {
        let mut sets = crate::resolve::word_positions(text, "exports").filter_map(|i| {
            let before = text[..i].trim_end_matches([' ', '\t']);
            let statement_start = before.is_empty() || before.ends_with(['\n', ';', '{', '}']);
            let value = text[i + "exports".len()..]
                .trim_start_matches([' ', '\t'])
                .strip_prefix('=')
                .filter(|v| !v.starts_with(['=', '>']))?
                .trim_start();
            let end = value
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                .unwrap_or(value.len());
            let tail = value[end..].trim_start_matches([' ', '\t']);
            (statement_start && end > 0 && (tail.is_empty() || tail.starts_with([';', '\n', '\r'])))
                .then_some(&value[..end])
        });
        if let (Some(x), None) = (sets.next(), sets.next()) {
            names = vec![x];
        }
    }
    module_exports_whole_once(text).then_some(names)
}

/// `x` when `before` ends with `var x =` (`let`, `const`): the variable a
/// declaration binds to what follows.
fn declared_alias(before: &str) -> Option<&str> {
    let head = before.trim_end().strip_suffix('=')?.trim_end();
    let start = head
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .map_or(0, |k| k + 1);
    let name = &head[start..];
    let keyword = head[..start].trim_end();
    (!name.is_empty()
        && ["var", "let", "const"]
            .iter()
            .any(|k| super::omission::ends_with_word(keyword, k)))
    .then_some(name)
}

/// Whether `module.exports` is assigned whole exactly once (every other
/// mention names a key: `module.exports.k = …`).
fn module_exports_whole_once(text: &str) -> bool {
    text.match_indices("module.exports")
        .filter(|(i, m)| {
            let rest = &text[i + m.len()..];
            assigned_member(rest).is_none() && !rest.starts_with('[') && !rest.starts_with('.')
        })
        .count()
        == 1
}

/// `X` of a UMD module (`module.exports = factory()` in the wrapper, the
/// factory ending in `return X;`, as rollup and hand-written UMD libraries
/// write it: TinyColor's CommonJS build); `rest` follows the one
/// `module.exports = `.
fn umd_factory_value<'t>(text: &'t str, rest: &str) -> Option<&'t str> {
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(rest.len());
    if end == 0 || &rest[..end] == "require" || !rest[end..].starts_with('(') {
        return None;
    }
    // The last statement of the file's innermost wrapper: `return X;` and
    // only closing brackets after it.
    let body = text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ')' | '}' | ';'));
    let start = body
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .map_or(0, |k| k + 1);
    let x = &body[start..];
    let before = body[..start].trim_end();
    let returned = super::omission::ends_with_word(before, "return");
    (returned && !x.is_empty() && text.matches("module.exports").count() == 1).then_some(x)
}

/// The class or function `X` of `file` that `module.exports = X;` makes the
/// module's value (assigned once; `module.exports.k = …` only adds keys).
pub(super) fn module_exports_value(
    project: &crate::project::Project,
    file: &str,
) -> Option<Definition> {
    let rc = project.facts_of(file)?;
    let (text, facts) = (&rc.0, &rc.1);
    let names = module_exports_names(text)?;
    // `module.exports.pino = pino` records a variable of the same name too.
    let defs: Vec<Definition> = facts
        .definitions
        .iter()
        .filter(|d| d.container.is_none() && names.contains(&d.name.as_str()))
        .filter(|d| matches!(d.kind, DefKind::Class | DefKind::Function))
        .cloned()
        .collect();
    match <[Definition; 1]>::try_from(defs) {
        Ok([d]) => Some(d),
        Err(_) => None,
    }
}

/// `q.name()` where `q` is `require('./m')` and m ends with
/// `module.exports = X` for a class or function `X` of m: a static member
/// of the class, or a property assigned as `X.name = …`.
fn exported_value_member(
    ctx: &FileCtx,
    r: &Reference,
    file: &str,
    q: &str,
) -> Option<Vec<Outcome>> {
    let rc = ctx.project.facts_of(file)?;
    let text = &rc.0;
    let Some(d) = module_exports_value(ctx.project, file) else {
        // `module.exports = function (…) {…}` (needle): an anonymous
        // function, whose keys are written as `module.exports.k = …`. (In
        // the code, not a string: karma's config help text shows one.)
        let code = super::lexical::file_code(ctx.project, file, text);
        let anonymous = module_exports_whole_once(&code)
            && code.split_once("module.exports = ").is_some_and(|(_, v)| {
                let v = v.strip_prefix("async ").unwrap_or(v);
                v.starts_with("function ") || v.starts_with("function(")
            });
        // `var encode = module.exports = function (xs) {…}; encode.ord = …`
        // (pm2's charm): keys written through the variable too.
        let alias = code
            .split_once("module.exports = ")
            .and_then(|(before, _)| declared_alias(before))
            .unwrap_or("module.exports");
        return anonymous.then(|| function_value_member(ctx, r, file, text, alias, q))?;
    };
    let x = d.name.as_str();
    match d.kind {
        DefKind::Class => {
            // No other way to add keys.
            if text.contains("module.exports[")
                || text.contains(&format!("{x}["))
                || text.contains(&format!("assign({x}"))
                || text.contains(&format!("defineProperty({x}"))
            {
                return None;
            }
            Some(match class_member(ctx.project, file, &d, &r.name, true) {
                // `module.exports = internals.X = class {…}` then
                // `internals.X.Peek = class …` (hapi).
                Members::Missing(_) | Members::Unseen { .. }
                    if crate::project::assigns_member_via_path(text, x, &r.name) =>
                {
                    vec![Outcome::Resolved]
                }
                found => member_outcome(ctx, r, found, q),
            })
        }
        DefKind::Function => function_value_member(ctx, r, file, text, x, q),
        _ => None,
    }
}

/// `q.name()` where `q` is the function `x` that `file` (with `text`)
/// exports: the keys written onto it, or copied from project modules.
fn function_value_member(
    ctx: &FileCtx,
    r: &Reference,
    file: &str,
    text: &str,
    x: &str,
    q: &str,
) -> Option<Vec<Outcome>> {
    match super::function_exports::function_member(ctx.project, file, text, x, &r.name, 0) {
        Has::Yes => Some(vec![Outcome::Resolved]),
        Has::Unknown => None,
        // Another module hangs it on the same function (mithril's root
        // `hyperscript.trust = require('./render/trust')`). (Another
        // module's `module.exports.k = …` writes its own exports.)
        Has::No(_)
            if [q, x].iter().any(|k| {
                *k != "module.exports"
                    && ctx.project.member_assigned_elsewhere(k, &r.name, ctx.path)
            }) =>
        {
            Some(vec![skipped!()])
        }
        Has::No(pool) => Some(no_member(
            ctx,
            r,
            q,
            format!(
                "{q} is the function {x} that {file} exports: no `{x}.{} = …` there, nor in the modules it copies onto {x}",
                r.name
            ),
            &pool,
            0.75,
        )),
    }
}

/// `.name = …` at the start of `after` (what follows a value's name):
/// the member that assignment adds.
pub(super) fn assigned_member(after: &str) -> Option<&str> {
    let after = after.strip_prefix('.')?;
    let end = after
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(after.len());
    let tail = after[end..].trim_start();
    (end > 0 && tail.starts_with('=') && !tail.starts_with("==")).then(|| &after[..end])
}

/// Whether the definition is a CommonJS export key (`exports.x = …`,
/// `module.exports.x = …`): it binds no variable of the module.
fn export_key_assignment(d: &Definition) -> bool {
    super::modules::export_key_value(d).is_some()
}

/// `q.m()` where `q` is the class, or the function holding statics, `d` of
/// `file`. Other modules may hang members on a function too (underscore's
/// `_.iteratee = iteratee` in iteratee.js): a member another file assigns
/// is not missing.
fn statics_member(
    ctx: &FileCtx,
    r: &Reference,
    file: &str,
    d: &Definition,
    q: &str,
) -> Vec<Outcome> {
    let mut found = class_member(ctx.project, file, d, &r.name, true);
    if d.kind == DefKind::Class {
        return member_outcome(ctx, r, found, q);
    }
    // A constructor function's methods are its prototype's (`jQuery.fn =
    // jQuery.prototype = { map: function (callback) … }`), not statics:
    // `jQuery.map(elems, fn)` is another function.
    if let Members::Defs { defs, .. } = &found
        && defs.iter().all(|m| m.kind == DefKind::Method)
    {
        found = Members::Missing(Vec::new());
    }
    let elsewhere = |qualifier: &str| {
        ctx.project
            .member_assigned_elsewhere(qualifier, &r.name, ctx.path)
    };
    if matches!(found, Members::Missing(_) | Members::Unseen { .. })
        && (elsewhere(q) || elsewhere(&d.name))
    {
        return vec![skipped!()];
    }
    if matches!(found, Members::Missing(_)) {
        match extended_statics(ctx, q, &d.name, &r.name) {
            Some(true) => return vec![Outcome::Resolved],
            None => return vec![skipped!()],
            Some(false) => {}
        }
    }
    member_outcome(ctx, r, found, q)
}

/// Whether a project file extends the function `name` (imported here as
/// `q`) with `name` as a key, the way jQuery's modules add its statics:
/// `jQuery.extend( { css: function (…) {…}, style: … } )` (also
/// `mixin`), one object literal and nothing else. `None` when such a call
/// hands it something else, whose keys no text shows; `Some(false)` when
/// no call adds `member`.
fn extended_statics(ctx: &FileCtx, q: &str, name: &str, member: &str) -> Option<bool> {
    let mut quals = vec![q];
    if name != q {
        quals.push(name);
    }
    for qual in quals {
        // (Read once per check and name: every miss asks.)
        let key = format!("js-extended-statics:{}:{qual}", ctx.path);
        let keys = ctx.project.memo(&key, || extended_keys(ctx, qual));
        match keys.as_ref() {
            None => return None,
            Some(keys) if keys.iter().any(|k| k == member) => return Some(true),
            Some(_) => {}
        }
    }
    Some(false)
}

/// The keys the project's files give `qual` by `qual.extend({…})` (also
/// `mixin`) and by `qual[k] = …` over a literal list of names; `None` when
/// some such call or write may add a name no text shows.
fn extended_keys(ctx: &FileCtx, qual: &str) -> Option<Vec<String>> {
    let word_start =
        |s: &str| !s.ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$' || c == '.');
    let mut files: Vec<String> = ["extend", "mixin"]
        .iter()
        .flat_map(|w| ctx.project.files_mentioning(qual, w, ctx.path, 500))
        .collect();
    files.push(ctx.path.to_string());
    files.sort();
    files.dedup();
    let mut out = Vec::new();
    for f in files {
        let Some(rc) = ctx.project.facts_of(&f) else {
            continue;
        };
        let text = &rc.0;
        let syms = super::openings::symbols(ctx.project, &f, text);
        let code = super::lexical::file_code(ctx.project, &f, text);
        // `jQuery[ method ] = function …` over `[ "get", "post" ]`: the
        // list's names; any other computed key, any name.
        for (i, _) in code.match_indices(&format!("{qual}[")) {
            let at = i + qual.len();
            let written = super::lexical::matching_close(&code, at).is_some_and(|close| {
                let tail = code[close + 1..].trim_start();
                tail.starts_with('=') && !tail.starts_with("==") && !tail.starts_with("=>")
            });
            if word_start(&code[..i]) && written {
                out.extend(super::openings::looped_key(text, at, &text[at..])?);
            }
        }
        for word in ["extend", "mixin"] {
            let call = format!("{qual}.{word}(");
            for (i, _) in code.match_indices(&call) {
                if !word_start(&code[..i]) {
                    continue;
                }
                // (With more arguments the first is extended, not it.
                // Brackets are read in the code, strings blanked.)
                let open = i + call.len() - 1;
                let close = super::lexical::matching_close(&code, open)?;
                let mut depth = 0i32;
                let one_argument = code[open + 1..close].chars().all(|c| {
                    match c {
                        '(' | '[' | '{' => depth += 1,
                        ')' | ']' | '}' => depth -= 1,
                        _ => {}
                    }
                    !(c == ',' && depth == 0)
                });
                if one_argument {
                    out.extend(
                        super::openings::literal_keys(&syms, text[open + 1..close].trim())?.0,
                    );
                }
            }
        }
    }
    Some(out)
}

/// `Assertion.add(…)` in a plugin module (`export default function (should,
/// Assertion) {…}`): the parameter is the project class it is named after
/// ([`super::plugins::plugin_host`]), so its statics are known.
fn plugin_parameter_member(ctx: &FileCtx, r: &Reference, q: &str) -> Option<Vec<Outcome>> {
    let (file, d) = super::plugins::plugin_host(ctx.project, ctx.path, ctx.text, q)?;
    (d.kind == DefKind::Class || holds_statics_in(ctx.project, &file, &d))
        .then(|| statics_member(ctx, r, &file, &d, q))
}

//! What `this` denotes in a JavaScript/TypeScript call: the enclosing
//! class (`this.m()` in a method), the constructor function whose prototype
//! a method is assigned to (`C.prototype.m = function () { this.n() }`,
//! also beside `class C`), or the `this` an alias took (`var self = this`).
//!
//! Owns finding that receiver and deciding when it is open (rebound by a
//! plain function, inherited, mixed in elsewhere); what a constructor
//! function's instances have is [`super::constructors`], member lookup in
//! classes [`super::members`], what patches a class [`super::openings`].

use plumb_facts::{DefKind, Definition, Reference};

use super::arity::check_arity;
use super::members::{Members, class_member};
use super::qualified::{member_outcome, no_member};
use crate::resolve::{FileCtx, Outcome, scope};

/// `this` in a function assigned to a key of the module's exports
/// (`exports.timeouts = function (options) { this.createTimeout(…) }`,
/// node-retry): called as `retry.timeouts()`, as its callers do, `this` is
/// the exports object, so the member is one of the module's exports.
fn exports_this(
    ctx: &FileCtx,
    r: &Reference,
    scope: &plumb_facts::Span,
    q: &str,
) -> Option<Vec<Outcome>> {
    let before = ctx.text.get(..scope.start_byte as usize)?.trim_end();
    let lhs = before.strip_suffix('=')?.trim_end();
    let key_start = lhs
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .map_or(0, |k| k + 1);
    let target = lhs[..key_start].strip_suffix("exports.")?;
    let statement = target.strip_suffix("module.").unwrap_or(target).trim_end();
    let starts_statement = statement.is_empty() || statement.ends_with([';', '{', '}']);
    (key_start < lhs.len() && starts_statement)
        .then(|| super::qualified::own_exports_member(ctx, r, q))
}

/// `this` in a method of an object literal copied into a prototype
/// (Marionette's `_.extend(Region.prototype, CommonMixin, { show(view) {
/// this._getView(view) } })`, `Object.assign(C.prototype, {…})`): an
/// instance of that constructor.
fn copied_literal_this(
    ctx: &FileCtx,
    r: &Reference,
    scope: &plumb_facts::Span,
    q: &str,
) -> Option<Vec<Outcome>> {
    // (Read once per function: the scan back to the call may cross a long
    // literal, and every `this` call of the function asks.)
    let key = format!("js-copied-literal:{}:{}", ctx.path, scope.start_byte);
    let class = ctx.project.memo(&key, || copied_into(ctx, scope));
    super::constructors::instance_this(ctx, r, q, class.as_deref()?)
}

/// [`copied_literal_this`]'s constructor: `C` of the `extend(C.prototype,
/// …)` whose literal argument holds the function at `scope` as a value.
fn copied_into(ctx: &FileCtx, scope: &plumb_facts::Span) -> Option<String> {
    // (A method that declares its `this`, fabric's `straighten(this:
    // StraightenableFabricObject)`, runs on that type; `typed_this` reads
    // it when it can.)
    if this_param_in(ctx.text.get(scope.start_byte as usize..)?).is_some() {
        return None;
    }
    let code = super::lexical::file_code(ctx.project, ctx.path, ctx.text);
    let start = scope.start_byte as usize;
    // The literal's `{`: the first bracket left open before the function,
    // which must follow a key (`show: function`) or start a shorthand
    // method (`, show(view) {`).
    let before = code.get(..start)?;
    let open = unclosed_before(before, '{')?;
    let lead = before.trim_end();
    let direct = lead.ends_with([':', ',', '{'])
        || lead.ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$');
    if !direct {
        return None;
    }
    // The literal is an argument of `extend(C.prototype, …)` or the like.
    let head = before[..open].trim_end();
    if !head.ends_with([',', '(']) {
        return None;
    }
    let paren = unclosed_before(head, '(')?;
    let callee_text = code[..paren].trim_end();
    let callee_start = callee_text
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .map_or(0, |k| k + 1);
    if !super::mixins::copies_into_first(&callee_text[callee_start..]) {
        return None;
    }
    let first = code[paren + 1..].split(',').next()?.trim();
    let class = first.strip_suffix(".prototype")?;
    let plain = !class.is_empty()
        && class
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '.');
    plain.then(|| class.to_string())
}

/// Where the innermost bracket left open at the end of `code` opens, when
/// it is `bracket` (`{` or `(`).
fn unclosed_before(code: &str, bracket: char) -> Option<usize> {
    let mut depth = 0i32;
    code.char_indices().rev().find_map(|(i, c)| {
        match c {
            '}' | ')' | ']' => depth += 1,
            '{' | '(' | '[' if depth > 0 => depth -= 1,
            '{' | '(' | '[' => return Some((c == bracket).then_some(i)),
            _ => {}
        }
        None
    })?
}

/// `this` in a function that is a key's value in an object literal bound
/// at the top of the module and used only there as `name.key` (`var
/// helpers = { filter: function (…) {…}, file: function (…) { …
/// this.filter(…) } }`): called as `helpers.file()`, `this` is the object,
/// so the member is one of its keys ([`super::objects::object_keys`]: none
/// known once something may add more).
fn literal_this(
    ctx: &FileCtx,
    r: &Reference,
    scope: &plumb_facts::Span,
    q: &str,
) -> Option<Vec<Outcome>> {
    let d =
        ctx.facts.definitions.iter().find(|d| {
            d.container.is_none() && d.kind == DefKind::Variable && d.span.contains(scope)
        })?;
    // The function is a direct value of the literal: between the literal's
    // `{` and the function, only the literal's own brace is open.
    let code = super::lexical::file_code(ctx.project, ctx.path, ctx.text);
    let from = d.name_span.end_byte as usize;
    let open = from + code.get(from..scope.start_byte as usize)?.find('{')?;
    let mut depth = 0i32;
    for c in code.get(open..scope.start_byte as usize)?.chars() {
        match c {
            '{' | '(' | '[' => depth += 1,
            '}' | ')' | ']' => depth -= 1,
            _ => {}
        }
    }
    let keyed = code[..scope.start_byte as usize].trim_end().ends_with(':');
    if depth != 1 || !keyed {
        return None;
    }
    // Only an object the module keeps to itself: one it exports or hands
    // on may become a prototype (jszip's `JSZip.prototype =
    // require('./object')`, whose constructor adds `this.clone`), so its
    // `this` may hold more. Its uses are its declaration and `name.key`.
    let own = crate::resolve::word_positions(&code, &d.name).all(|i| {
        i == d.name_span.start_byte as usize
            || code[i + d.name.len()..].trim_start().starts_with('.')
                && !code[..i].trim_end().ends_with('.')
    });
    if !own {
        return None;
    }
    let keys = super::objects::object_keys(ctx.project, ctx.path, &d.name)?;
    Some(super::qualified::keyed_member(
        ctx,
        r,
        q,
        (&keys, ctx.path),
        format!(
            "{q} is the object literal {}: its keys have no '{}'",
            d.name, r.name
        ),
    ))
}

/// Whether the function at `scope` is the value of the class field `d`
/// (`addTextNode = function () { this.m() }`): called as `this.addTextNode()`
/// like any method, its `this` is the instance.
fn field_function_value(text: &str, d: &Definition, scope: &plumb_facts::Span) -> bool {
    d.span.contains(scope)
        && text
            .get(d.name_span.end_byte as usize..scope.start_byte as usize)
            .is_some_and(|between| between.trim() == "=")
}

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
            matches!(d.kind, DefKind::Method)
                && d.span.contains(at)
                && (b.scope.contains(&d.span) || field_function_value(ctx.text, d, &b.scope))
        });
        if !method_nearer {
            // `function onMatch() { this._append(…) }` handed on as
            // `onMatch.bind(this)`: the `this` where it is bound.
            let key = format!("js-bound-this:{}:{}", ctx.path, b.scope.start_byte);
            if let Some(site) = &*ctx.project.memo(&key, || bound_to_this(ctx, &b.scope)) {
                return this_call_at(ctx, r, site, q);
            }
            return typed_this(ctx, r, at, q)
                .or_else(|| super::constructors::constructor_body_this(ctx, r, &b.scope, q))
                .or_else(|| exports_this(ctx, r, &b.scope, q))
                .or_else(|| super::constructors::attached_this(ctx, r, &b.scope, q))
                .or_else(|| literal_this(ctx, r, &b.scope, q))
                .or_else(|| copied_literal_this(ctx, r, &b.scope, q))
                .unwrap_or_else(|| vec![skipped!()]);
        }
    }
    // A method that declares its `this` (yeoman's mixin classes:
    // `spawnCommand(this: BaseGenerator, …)`) runs on that type, not its
    // class; one that cannot be read leaves the call unknown.
    let method = ctx
        .facts
        .definitions
        .iter()
        .filter(|d| d.kind == DefKind::Method && d.span.contains(at))
        .min_by_key(|d| d.span.end_byte - d.span.start_byte);
    if let Some(ty) = method
        .and_then(|m| m.params.as_ref()?.list.first())
        .filter(|p| p.name == "this")
        .map(|p| p.type_text.clone().unwrap_or_default())
    {
        return declared_this(ctx, r, q, &ty).unwrap_or_else(|| vec![skipped!()]);
    }
    let Some(class) = scope::enclosing_class(ctx.facts, at) else {
        return super::constructors::prototype_this(ctx, r, at, q)
            .unwrap_or_else(|| vec![skipped!()]);
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
    if matches!(found, Members::Missing(_) | Members::Unseen { .. })
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
    declared_this(ctx, r, q, &ty)
}

/// `this.m()` in a function that declares `this: T`: a member of `T`, when
/// that is a project class.
fn declared_this(ctx: &FileCtx, r: &Reference, q: &str, ty: &str) -> Option<Vec<Outcome>> {
    let ty = ty.trim();
    // `this: AST & { type: ExtglobType }` (minimatch): the class, with the
    // keys the object type adds.
    let parts = super::literal_types::split_top(ty, |_, c| c == '&', |_| false)?;
    if let [class, extra @ ..] = parts.as_slice()
        && !extra.is_empty()
    {
        for part in extra {
            let part = part.trim();
            let body = part.strip_prefix('{')?.strip_suffix('}')?;
            if super::literal_types::literal_keys(body)?.contains(&r.name) {
                return Some(vec![Outcome::Resolved]);
            }
        }
        return declared_this(ctx, r, q, class);
    }
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
    let close = super::lexical::matching_close(function, open)?;
    let params = super::literal_types::split_top(
        &function[open + 1..close],
        |_, c| c == ',',
        |p| !p.is_empty(),
    )?;
    let ty = params.first()?.trim().strip_prefix("this")?;
    Some(ty.trim_start().strip_prefix(':')?.trim().to_string())
}

pub(super) fn is_arity_finding(o: &Outcome) -> bool {
    matches!(o, Outcome::Found(f) if f.kind == crate::resolve::FindingKind::ArityMismatch)
}

/// Whether another constructor or class of the project defines a method
/// `r.name` that takes the call's arguments: `this` may be an instance of
/// a subclass that overrides it (bluebird's `PromiseArray` calls
/// `this._promiseRejected(reason, i)`, which its subclasses define with
/// two parameters).
pub(super) fn overridden_to_fit(ctx: &FileCtx, r: &Reference, c: &str) -> bool {
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
pub(super) fn hook_body(ctx: &FileCtx, file: &str, d: &Definition) -> bool {
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
        .and_then(|open| super::lexical::matching_close(&text, open))
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
    // Read once per binding (a large function makes many calls on one local).
    let key = format!(
        "js-this-alias:{}:{}:{}:{q}",
        ctx.path, binding.scope.start_byte, binding.scope.end_byte
    );
    *ctx.project.memo(&key, || this_alias_of(ctx, q, binding))
}

/// [`this_alias`] for the binding of `q`.
fn this_alias_of(
    ctx: &FileCtx,
    q: &str,
    binding: &plumb_facts::LocalBinding,
) -> Option<plumb_facts::Span> {
    let (start, end) = (
        binding.scope.start_byte as usize,
        binding.scope.end_byte as usize,
    );
    let scope_text = ctx.text.get(start..end)?;
    // (Clearing the alias when done, howler's `self = null;`, leaves it
    // nothing to call.)
    let mut assigned = crate::resolve::word_positions(scope_text, q).filter(|&i| {
        let after = scope_text[i + q.len()..].trim_start();
        let Some(value) = after.strip_prefix('=') else {
            return false;
        };
        let value = value.trim_start_matches([' ', '\t']);
        let cleared = ["null", "undefined"].iter().any(|v| {
            value.strip_prefix(v).is_some_and(|rest| {
                rest.trim_start_matches([' ', '\t'])
                    .starts_with([';', '\n', '\r', '}'])
            })
        });
        !value.starts_with(['=', '>']) && !cleared
    });
    let first = assigned.next()?;
    if assigned.next().is_some() {
        return None;
    }
    let before = scope_text[..first].trim_end();
    // `var self = this` or a later declarator of the list (`var client =
    // this.client, self = this;`, kue).
    let declared = super::openings::ends_in_declaration_keyword(before)
        || before.ends_with(',') && {
            let start = super::guards::statement_start(scope_text, first);
            let statement = scope_text[start..first].trim_start();
            ["var", "let", "const"].iter().any(|k| {
                statement
                    .strip_prefix(k)
                    .is_some_and(|rest| rest.starts_with(char::is_whitespace))
            })
        };
    let value = scope_text[first + q.len()..].trim_start()[1..].trim_start();
    let is_this = value.strip_prefix("this").is_some_and(|rest| {
        let rest = rest.trim_start_matches([' ', '\t']);
        rest.is_empty() || rest.starts_with([';', ',', '\n', '\r'])
    });
    if !declared || !is_this {
        return None;
    }
    Some(byte_span((start + first) as u32, q.len()))
}

/// A span of `len` bytes at byte `at` (no line: only bytes are compared).
fn byte_span(at: u32, len: usize) -> plumb_facts::Span {
    plumb_facts::Span {
        start_line: 0,
        start_col: 0,
        end_line: 0,
        end_col: 0,
        start_byte: at,
        end_byte: at + len as u32,
    }
}

/// Where `this` is bound for the plain function whose scope is `scope`,
/// when the function is a declaration (`function onGlobMatch(match) {…}`)
/// the file only ever names as `onGlobMatch.bind(this)` (or `.call(this,
/// …)`, `.apply(this, …)`), as archiver's `glob()` hands its handlers on:
/// the place of the first such use, outside the function. Also a function
/// expression bound where it is written (`function (err) {…}.bind(this)`).
fn bound_to_this(ctx: &FileCtx, scope: &plumb_facts::Span) -> Option<plumb_facts::Span> {
    // `function (err, stats) {…}.bind(this)`: an expression bound at once.
    let end = scope.end_byte as usize;
    if ctx.text.get(end..).is_some_and(|after| {
        after
            .trim_start()
            .strip_prefix(".bind(")
            .is_some_and(starts_with_this_argument)
    }) {
        return Some(byte_span(end as u32, 1));
    }
    let f = ctx
        .facts
        .definitions
        .iter()
        .find(|d| d.kind == DefKind::Function && d.span.start_byte == scope.start_byte)?;
    let name = f.name.as_str();
    // Its uses in the function that declares it (two methods may declare
    // handlers of one name).
    let (lo, hi) = ctx
        .facts
        .definitions
        .iter()
        .filter(|d| d.span.contains(&f.span) && d.span != f.span)
        .map(|d| (d.span.start_byte as usize, d.span.end_byte as usize))
        .min_by_key(|(lo, hi)| hi - lo)
        .unwrap_or((0, ctx.text.len()));
    let mut first = None;
    for k in crate::resolve::word_positions(&ctx.text[lo..hi], name) {
        let i = lo + k;
        if (i as u32) >= f.span.start_byte && (i as u32) < f.span.end_byte {
            continue; // its own name, or a recursive call
        }
        let after = &ctx.text[i + name.len()..];
        let bound = [".bind(", ".call(", ".apply("]
            .iter()
            .any(|m| after.strip_prefix(m).is_some_and(starts_with_this_argument));
        if !bound {
            return None;
        }
        first.get_or_insert(i as u32);
    }
    Some(byte_span(first?, name.len()))
}

/// Whether an argument list (what follows its `(`) starts with `this` as a
/// whole argument.
fn starts_with_this_argument(args: &str) -> bool {
    args.trim_start()
        .strip_prefix("this")
        .is_some_and(|t| t.trim_start().starts_with([')', ',']))
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
        let absent = ["null", "undefined", "void 0"];
        before.ends_with("if (")
            || before.ends_with("if(")
            || before.ends_with("typeof")
            || before.ends_with('!') && !before.ends_with("!=")
            || after.starts_with("&&")
            || after.starts_with("?.(")
            // `if (!original && options.vnode) options.vnode(vnode)` (preact)
            || before.ends_with("&&") && after.starts_with(')')
            // `options.event ? options.event(e) : e`
            || after.starts_with('?') && !after.starts_with("?.") && !after.starts_with("??")
            // `options.vnode != null`, `void 0 !== options.vnode`
            || ["!=", "!=="].iter().any(|op| {
                after.strip_prefix(op).is_some_and(|a| {
                    !a.starts_with('=') && absent.iter().any(|v| a.trim_start().starts_with(v))
                }) || before
                    .strip_suffix(op)
                    .is_some_and(|b| absent.iter().any(|v| b.trim_end().ends_with(v)))
            })
    })
}

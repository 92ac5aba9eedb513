//! Arity of calls to project functions, methods and classes (`new C(…)`
//! against the constructor), in TypeScript and JavaScript.
//!
//! Owns the TypeScript arity rules: optional (`x?`) and defaulted
//! parameters may be left out, and so may trailing `void` ones; a rest
//! parameter takes any number; a `this:` parameter is not passed; with
//! overloads, a call is fine when any overload fits. When the function or the
//! caller is JavaScript, the count is the same except that a function reading
//! `arguments` takes any number, more or fewer (the adapter marks it), and
//! which parameters may be left out is read from the JSDoc and the body
//! ([`super::omission`]). Leaving out one the body merely *tolerates*
//! missing gets a low-confidence warning only when two or more other calls
//! of the same form in the project all pass it; a call as short as one the
//! project already makes is not reported; wrong arguments inside an
//! assertion that the call fails are meant ([`super::intent`]).

use plumb_facts::{ArityError, DefKind, Definition, Params, Reference};

use super::members::extends_of;
use super::omission::js_params;
use crate::report::{FindingKind, Severity};
use crate::resolve::{FileCtx, Outcome};

pub(super) fn is_ts_path(p: &str) -> bool {
    [".ts", ".tsx", ".mts", ".cts"]
        .iter()
        .any(|e| p.ends_with(e))
}

/// The call `r` against the definitions it resolves to, all in `file`: one
/// definition, or overloads of one name in one container.
pub fn check_arity(ctx: &FileCtx, r: &Reference, defs: &[&Definition], file: &str) -> Vec<Outcome> {
    let ts = is_ts_path(file);
    // JavaScript on either side: the caller's runtime checks nothing, so
    // the body decides what is optional.
    let js = !is_ts_path(file) || !is_ts_path(ctx.path);
    let Some(given) = r.arg_count.filter(|_| ts || js) else {
        return vec![Outcome::Resolved];
    };
    if js && ctx.project.facts_of(file).is_none() {
        return vec![Outcome::Resolved];
    }
    let Some(first) = defs.first() else {
        return vec![Outcome::Resolved];
    };
    if defs.iter().any(|d| d.container != first.container) {
        return vec![Outcome::Resolved];
    }
    let rc = ctx.project.facts_of(file);
    // `var warn = function() {}` later given another function (`warn =
    // function() { … arguments … }` when a console exists, Modernizr; chance's
    // `base64`): which one runs is decided at run time.
    if js
        && let ([d], Some(rc)) = (defs, &rc)
        && d.container.is_none()
        && *ctx
            .project
            .memo(&format!("js-reassigned:{file}:{}", d.name), || {
                function_reassigned(&rc.0, &d.name, d.name_span.start_byte as usize)
            })
    {
        return vec![Outcome::Resolved];
    }
    // A class is called through its constructor (and its overloads).
    let ctors: Vec<&Definition> = match (defs, &rc) {
        ([c], Some(rc)) if c.kind == DefKind::Class => {
            let q = c.qualified_name();
            rc.1.definitions
                .iter()
                // (Inside this class: a test file may declare `class Store`
                // in several callbacks.)
                .filter(|d| d.name == "constructor" && d.container.as_deref() == Some(q.as_str()))
                .filter(|d| c.span.contains(&d.span))
                .collect()
        }
        _ => Vec::new(),
    };
    let defs = if ctors.is_empty() { defs } else { &ctors[..] };
    // Each callable as (lenient, strict) parameters; TypeScript has one reading.
    let mut sets: Vec<(Params, Params, &Definition)> = Vec::new();
    for d in defs {
        // `const f: Handler = (a, b) => …`: the alias's function type.
        let typed = || {
            typed_binding(d)
                .then(|| super::typed_values::alias_params(ctx.project, file, d))
                .flatten()
        };
        let Some(p) = params_of(d, rc.as_ref().map(|rc| rc.0.as_str())).or_else(typed) else {
            return vec![Outcome::Resolved];
        };
        let (lenient, strict) = match (&rc, js) {
            (Some(rc), true) => js_params(ctx.project, file, p, d, &rc.1, &rc.0),
            _ => (p.clone(), p),
        };
        sets.push((lenient, strict, d));
    }
    // Overloads: declarations without a body first, the implementation last;
    // only the declarations are callable, but any fitting one is enough.
    let fits = |p: &Params| p.call_fits(given, &[], r.has_spread);
    // A test that a call with wrong arguments fails (`expect(() => f()).toThrow()`,
    // tsd's `expectError(f())`) passes them on purpose; a name that does
    // not exist is no such test, so only arity yields to it.
    if sets.iter().any(|(_, strict, _)| fits(strict).is_ok())
        || super::intent::expects_failure(ctx.text, r.span.start_byte as usize)
    {
        return vec![Outcome::Resolved];
    }
    if let [(lenient, strict, d)] = &sets[..]
        && fits(lenient).is_ok()
    {
        return tolerated_omission(ctx, r, strict, d, file, given);
    }
    let Some((Err(e), def)) = sets
        .iter()
        .map(|(lenient, _, d)| (fits(lenient), *d))
        .next_back()
    else {
        return vec![Outcome::Resolved];
    };
    // JavaScript checks nothing at run time: where the project's own code
    // already calls it this short (fastify's `fastify()` in hundreds of
    // tests, against a JSDoc that documents the options), the function is
    // used that way and the contract on paper is stale.
    if js
        && matches!(e, ArityError::TooFew { .. })
        && other_call_arities(ctx, r, def, file, given)
            .iter()
            .any(|n| n.is_none_or(|n| n <= given))
    {
        return vec![Outcome::Resolved];
    }
    // Nor for extra arguments the project's other calls pass too, by
    // convention (mongoose's `castArithmetic(val, schema, strictQuery)` of
    // `castArithmetic(val)`, in every call): they are ignored on purpose.
    // (For a helper nested in a function, only the calls where it is
    // visible: other scopes reuse its name for other functions.)
    let within = match (&rc, def.kind) {
        (Some(rc), kind) if kind != DefKind::Method => match def.container.as_deref() {
            None => crate::resolve::scope::nested_binding_scope(&rc.1, def).copied(),
            Some(c) => rc
                .1
                .definitions
                .iter()
                .find(|p| {
                    p.kind.is_callable() && p.qualified_name() == c && p.span.contains(&def.span)
                })
                .map(|p| p.span),
        },
        _ => None,
    };
    if js && let ArityError::TooMany { max, .. } = e {
        let others: Vec<(String, Reference)> = calls_alike(ctx, r, def, file)
            .into_iter()
            .filter(|(path, call)| {
                within.is_none_or(|sc| path.as_str() == file && sc.contains(&call.span))
                    // A method's calls: those of its own file (`x.get(k, d)`
                    // elsewhere may be any class's `get`).
                    && (def.kind != DefKind::Method || path.as_str() == file)
                    // A method called on `this` is not the method of the
                    // same name of an object the instance holds:
                    // webtorrent's `this.wire.handshake(infoHash, peerId,
                    // opts)` is the wire's, not the peer's `handshake()`.
                    && (def.kind != DefKind::Method
                        || !r.qualifier.as_deref().is_some_and(is_this_like)
                        || !call.qualifier.as_deref().is_some_and(|q| {
                            q.split_once('.').is_some_and(|(root, _)| is_this_like(root))
                        }))
            })
            .collect();
        let longer: Vec<&str> = others
            .iter()
            .filter(|(path, call)| {
                call.arg_count
                    .is_some_and(|n| !call.has_spread && n > max && n >= given)
                    && !meant_to_fail(ctx, path, call)
            })
            .map(|(path, _)| path.as_str())
            .collect();
        // The code that ships calls it so, or tests do by convention (two
        // calls, or half of them); one stale test call among nine
        // (node-gyp's `download(gyp, {}, url)`) is no such use.
        if longer.iter().any(|p| !test_path(p))
            || longer.len() >= 2
            || !longer.is_empty() && longer.len() * 2 >= others.len()
        {
            return vec![Outcome::Resolved];
        }
    }
    let what = if sets.len() > 1 {
        format!("no overload of '{}'", def.name)
    } else {
        format!("'{}'", def.name)
    };
    // Over every overload: the most any takes, the fewest any needs.
    let errors: Vec<ArityError> = sets.iter().filter_map(|(p, _, _)| fits(p).err()).collect();
    let most = errors.iter().try_fold(0, |acc, e| match e {
        ArityError::TooMany { max, .. } => Some(acc.max(*max)),
        ArityError::TooFew { .. } => None,
    });
    let fewest = errors.iter().try_fold(u32::MAX, |acc, e| match e {
        ArityError::TooFew { min, .. } => Some(acc.min(*min)),
        ArityError::TooMany { .. } => None,
    });
    let msg = match (e, most, fewest) {
        (ArityError::TooMany { given, .. }, Some(max), _) => {
            format!("{what} takes at most {max} argument(s) but {given} were given")
        }
        (ArityError::TooFew { given, .. }, _, Some(min)) => {
            format!("{what} needs at least {min} argument(s) but {given} were given")
        }
        _ => format!("{what} takes {given} argument(s)"),
    };
    let evidence = sets
        .iter()
        .map(|(p, _, d)| resolved_to(d, p, file))
        .collect();
    vec![Outcome::Found(ctx.finding(
        FindingKind::ArityMismatch,
        &r.span,
        msg,
        evidence,
        Vec::new(),
        0.8,
    ))]
}

/// The argument counts of the project's other calls written like `r`
/// (`None` for a spread or an unknown count), leaving out those a test
/// makes to see them fail (validator's `assert.throws(() => {
/// assertString(); })`), which say nothing of how the function is used.
/// Only calls passing at most `given` arguments are read for that (reading
/// a file is not free).
fn other_call_arities(
    ctx: &FileCtx,
    r: &Reference,
    def: &Definition,
    file: &str,
    given: u32,
) -> Vec<Option<u32>> {
    let count = |call: &Reference| call.arg_count.filter(|_| !call.has_spread);
    calls_alike(ctx, r, def, file)
        .into_iter()
        .filter(|(path, call)| {
            if count(call).is_some_and(|n| n > given) {
                return true;
            }
            !meant_to_fail(ctx, path, call)
        })
        .map(|(_, call)| count(&call))
        .collect()
}

/// Whether `path` is a test file: under `test/`, `tests/`, `__tests__/`,
/// `spec/`, or named `*.test.*`, `*.spec.*`, `*-test.*`, `*_test.*`.
fn test_path(path: &str) -> bool {
    let mut parts = path.split('/');
    let name = parts.next_back().unwrap_or("");
    parts.any(|d| matches!(d, "test" | "tests" | "__tests__" | "spec" | "specs"))
        || [".test.", ".spec.", "-test.", "_test."]
            .iter()
            .any(|m| name.contains(m))
}

/// Whether the call in `path` sits in a test that it fails (`assert.throws(()
/// => f())`, `await assert.rejects(download(gyp, {}, url))`): its arguments
/// are wrong on purpose. (The text only: parsing every caller's file costs
/// more.)
fn meant_to_fail(ctx: &FileCtx, path: &str, call: &Reference) -> bool {
    let here;
    let text = if path == ctx.path {
        ctx.text
    } else {
        match ctx.project.text_of(path) {
            Some(t) => {
                here = t;
                here.as_str()
            }
            None => return false,
        }
    };
    super::intent::expects_failure(text, call.span.start_byte as usize)
}

/// The project's other calls written like `r` that may call `def` (of
/// `file`): a bare call in another file that binds the name itself, to a
/// package's export (`import { qName as isName } from 'xml-naming'`) or a
/// function of its own, calls something else.
fn calls_alike(
    ctx: &FileCtx,
    r: &Reference,
    def: &Definition,
    file: &str,
) -> Vec<(String, Reference)> {
    let mut calls = ctx.project.other_calls(r, ctx.path, 500);
    if r.qualifier.is_some() || def.kind == DefKind::Method {
        return calls;
    }
    // (From the index: the files defining the name at their top level, and
    // each calling file's imports; no file is parsed again.)
    let defining: std::collections::HashSet<String> = ctx
        .project
        .defs_named(&r.name, 500)
        .into_iter()
        .filter(|d| d.def.container.is_none() && d.def.kind != DefKind::Method)
        .map(|d| d.path)
        .collect();
    let mut elsewhere: std::collections::HashMap<String, bool> = Default::default();
    calls.retain(|(path, _)| {
        if path == file {
            return true;
        }
        !*elsewhere.entry(path.clone()).or_insert_with(|| {
            defining.contains(path)
                || imports_elsewhere(ctx, path, &ctx.project.imports_of(path), &r.name, file)
        })
    });
    calls
}

/// Whether `text` assigns a function to the bare name `name` other than
/// where it declares it (at byte `declared`, also in a list: `var a = 1,
/// f = function …`): `name = function (…) {…}`, `name = (…) => …`.
fn function_reassigned(text: &str, name: &str, declared: usize) -> bool {
    crate::resolve::word_positions(text, name).any(|i| {
        if i == declared {
            return false;
        }
        let before = text[..i].trim_end();
        let value = text[i + name.len()..]
            .trim_start()
            .strip_prefix('=')
            .filter(|v| !v.starts_with(['=', '>']))
            .map(str::trim_start);
        !before.ends_with('.')
            && !super::openings::ends_in_declaration_keyword(before)
            && !before.ends_with("function")
            && value.is_some_and(|v| {
                v.starts_with("function") || v.starts_with('(') || v.starts_with("async")
            })
    })
}

/// `this`, or a name code commonly binds to it (`var self = this`).
fn is_this_like(q: &str) -> bool {
    matches!(q, "this" | "self" | "that" | "_this" | "me")
}

/// Whether the file `path`, with `imports`, imports `name` from something
/// other than the definition in `def_file` (a package's export, another
/// module's function). An import that cannot be followed counts as the
/// definition unless it names a declared dependency that is not installed.
fn imports_elsewhere(
    ctx: &FileCtx,
    path: &str,
    imports: &[plumb_facts::Import],
    name: &str,
    def_file: &str,
) -> bool {
    for i in imports {
        let named = i
            .names
            .iter()
            .find(|n| n.alias.as_deref().unwrap_or(&n.name) == name);
        let exported = match (named, i.alias.as_deref() == Some(name)) {
            (Some(n), _) => n.name.as_str(),
            (None, true) => "default",
            (None, false) => continue,
        };
        return match super::modules::resolve_spec(ctx.project, path, &i.module) {
            // A dependency that is not installed (fast-xml-parser's
            // `xml-naming`); not the package's own name under an alias
            // whose target is unbuilt (preact's `preact` → `dist/`).
            None => {
                !i.relative
                    && super::declares_dependency(
                        &ctx.project.manifest().dependencies,
                        super::package_name(&i.module),
                    )
            }
            Some(target) => match super::modules::find_export(ctx.project, &target, exported, 0) {
                // (Declarations describe the same function: preact's
                // `preact` → `src/index.d.ts`.)
                super::modules::Export::Defs { file, .. } => {
                    file != def_file && !super::modules::is_declarations(&file)
                }
                _ => false,
            },
        };
    }
    false
}

fn resolved_to(d: &Definition, p: &Params, file: &str) -> String {
    format!(
        "resolved to {} {}{} at {file}:{}",
        d.kind.name(),
        d.name,
        p.summary(),
        d.name_span.start_line
    )
}

/// A JavaScript call that leaves out arguments the function only tolerates
/// missing (it tests them for truth or passes them on). Fine when the
/// project's own code calls it that short elsewhere; otherwise a
/// low-confidence finding for a reader to double-check, since the call
/// runs but does something the codebase never asks of the function.
fn tolerated_omission(
    ctx: &FileCtx,
    r: &Reference,
    strict: &Params,
    d: &Definition,
    file: &str,
    given: u32,
) -> Vec<Outcome> {
    // The project's own calls must say plainly that the function is called
    // in full: two or more, none as short as this one (nor spread).
    let others = other_call_arities(ctx, r, d, file, given);
    let in_full = others.iter().all(|n| n.is_some_and(|n| n > given));
    // A function calling itself short (blessed's `setMouse(opt)` inside
    // `setMouse(opt, enable)`) is its author using the tolerance.
    let recursive = file == ctx.path && d.span.contains(&r.span);
    if others.len() < 2 || !in_full || recursive {
        return vec![Outcome::Resolved];
    }
    let min = strict.min_positional();
    let left_out: Vec<&str> = strict
        .list
        .iter()
        .filter(|p| p.kind == plumb_facts::ParamKind::Positional && !p.has_default)
        .skip(given as usize)
        .map(|p| p.name.as_str())
        .collect();
    let msg = format!(
        "'{}' takes {min} argument(s) but {given} were given; it runs without '{}', \
         but every other call in the project passes it",
        d.name,
        left_out.join("', '")
    );
    let evidence = vec![
        resolved_to(d, strict, file),
        format!(
            "the project's {} other call(s) to '{}' all pass more than {given} argument(s)",
            others.len(),
            r.name
        ),
    ];
    let mut f = ctx.finding(
        FindingKind::ArityMismatch,
        &r.span,
        msg,
        evidence,
        Vec::new(),
        0.45,
    );
    f.severity = Severity::Warning;
    vec![Outcome::Found(f)]
}

/// The parameters a call must fit, or `None` when they are not known: a
/// function or method with a parameter list; a class's constructor, or no
/// parameters for a class with neither constructor nor base class.
fn params_of(d: &Definition, text: Option<&str>) -> Option<Params> {
    let mut p = match d.kind {
        // A getter's value is what gets called, not the getter.
        DefKind::Method if is_accessor(d) => return None,
        // `const f: Fn = () => …`: the declared type is the contract.
        // Also a class field: `private onError: Handler = (a, b, c) => …`.
        DefKind::Function | DefKind::Method if typed_binding(d) && !annotation_agrees(d) => {
            return None;
        }
        DefKind::Function | DefKind::Method => d.params.clone()?,
        DefKind::Class => match &d.params {
            Some(p) => p.clone(),
            None if extends_of(d, text).is_none() && d.signature.is_some() => Params::default(),
            None => return None,
        },
        _ => return None,
    };
    // Trailing parameters that accept `void` may be left out.
    for param in p.list.iter_mut().rev() {
        if param.has_default || param.kind != plumb_facts::ParamKind::Positional {
            continue;
        }
        let t = param.type_text.as_deref().unwrap_or("");
        // A type parameter could be instantiated as `void` too, but only by
        // an explicit type argument; inference without an argument gives
        // `unknown`, so such parameters stay required.
        let voidish = t.split('|').any(|u| u.trim() == "void");
        if voidish {
            param.has_default = true;
        } else {
            break;
        }
    }
    Some(p)
}

/// `get name()` / `set name(v)`: the signature names the accessor keyword
/// right before the member name.
fn is_accessor(d: &Definition) -> bool {
    let sig = d.signature.as_deref().unwrap_or("");
    crate::resolve::word_positions(sig, &d.name).any(|i| {
        let before = sig[..i].trim_end();
        before.ends_with("get") || before.ends_with("set")
    })
}

/// `name: Type = …`: a variable whose type annotation, not its value, says
/// how it is called.
fn typed_binding(d: &Definition) -> bool {
    // `name: T = value`; an object literal's `name: function () {…}` pair
    // has no `=` after its value's start.
    annotation(d).is_some_and(|ann| {
        let mut depth = 0i32;
        let mut chars = ann.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '(' | '[' | '{' | '<' => depth += 1,
                ')' | ']' | '}' | '>' => depth -= 1,
                // `=>` of a function type, `==`: no initializer.
                '=' if matches!(chars.peek(), Some('>' | '=')) => {
                    chars.next();
                }
                '=' if depth == 0 => return true,
                _ => {}
            }
        }
        false
    })
}

/// The type annotation of a binding (`const f: Handler = …` → `Handler =
/// …`, the rest of the signature).
pub(super) fn annotation(d: &Definition) -> Option<&str> {
    after_name(d)?.trim_start().strip_prefix(':')
}

/// The signature after the definition's name and the modifiers before it
/// (`private readonly onError: H = …` → `: H = …`).
fn after_name(d: &Definition) -> Option<&str> {
    let mut sig = d.signature.as_deref()?.trim_start();
    loop {
        let word = sig.split_whitespace().next()?;
        if !matches!(
            word,
            "private" | "public" | "protected" | "readonly" | "static" | "declare" | "override"
        ) {
            break;
        }
        sig = sig[word.len()..].trim_start();
    }
    sig.strip_prefix(d.name.as_str())
}

/// `name: (a: A, b: B) => R = (a, b) => …`: an inline function type with
/// as many plain parameters (no `?`, defaults or rest) as the value has.
fn annotation_agrees(d: &Definition) -> bool {
    let Some(params) = d.params.as_ref() else {
        return false;
    };
    let Some(ty) = after_name(d).and_then(|r| r.trim_start().strip_prefix(':')) else {
        return false;
    };
    let mut ty = ty.trim_start();
    if ty.starts_with('<') {
        let Some(e) = type_args_end(ty) else {
            return false;
        };
        ty = ty[e..].trim_start();
    }
    let Some(inner) = ty.strip_prefix('(') else {
        return false;
    };
    let (mut depth, mut count, mut any, mut close) = (0i32, 0u32, false, None);
    let mut prev = ' ';
    for (i, c) in inner.char_indices() {
        match c {
            '(' | '<' | '[' | '{' => depth += 1,
            '>' if prev == '=' => {}
            ')' if depth == 0 => {
                close = Some(i);
                break;
            }
            ')' | '>' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => count += 1,
            '?' | '.' if depth == 0 => return false,
            c if !c.is_whitespace() => any = true,
            _ => {}
        }
        prev = c;
    }
    if close.is_none() {
        return false;
    }
    let n = if any { count + 1 } else { 0 };
    params
        .list
        .iter()
        .all(|p| p.kind == plumb_facts::ParamKind::Positional && !p.has_default)
        && params.list.len() as u32 == n
}

/// The byte just past the `<…>` that `ty` starts with (`=>` inside is no
/// closing bracket); `None` when it does not close.
pub(super) fn type_args_end(ty: &str) -> Option<usize> {
    let mut depth = 0;
    let mut prev = ' ';
    for (i, c) in ty.char_indices() {
        match c {
            '<' => depth += 1,
            '>' if prev != '=' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        prev = c;
    }
    None
}

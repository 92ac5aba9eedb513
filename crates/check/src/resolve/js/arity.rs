//! Arity of calls to project functions, methods and classes (`new C(…)`
//! against the constructor), in TypeScript and JavaScript.
//!
//! Owns the TypeScript arity rules: optional (`x?`) and defaulted
//! parameters may be left out, and so may trailing `void` ones; a rest
//! parameter takes any number; a `this:` parameter is not passed; with
//! overloads, a call is fine when any overload fits. When the function or the
//! caller is JavaScript, the count is the same except that a function reading
//! `arguments` takes any number, more or fewer (the adapter marks it), and a
//! parameter is optional when the JSDoc marks it so (`[name]`, `{T=}`), the
//! body tests it for absence (`name === undefined`, `typeof name ===
//! 'undefined'`, `name || …`, `name ?? …`, `if (err)`, `if (!cb)`), or an
//! optional parameter comes before it. A parameter the body only tests for
//! truth or type (`name && …`, `!name` in a larger condition, `typeof name
//! === 'object'`) or only passes on (never `name.x`,
//! `name[…]`, `name(…)`, a comparison with a value, `${name}`, `'…' + name`,
//! `instanceof name`, `Object.keys(name)`, `for (… of name)`, `const {a} =
//! name`), and the JSDoc does not document, is *tolerated* missing: leaving
//! it out gets a low-confidence warning only when two or more other calls in
//! the project all pass it. A test of a member (`if (name.x)`) is no absence
//! test; uses after the parameter is assigned anew (`name = f(name)`) read
//! the new value and do not count. A destructured parameter (`{a, b}`)
//! without a default is always needed.

use plumb_facts::{ArityError, DefKind, Definition, Params, Reference};

use super::members::extends_of;
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
    // A class is called through its constructor (and its overloads).
    let rc = ctx.project.facts_of(file);
    let ctors: Vec<&Definition> = match (defs, &rc) {
        ([c], Some(rc)) if c.kind == DefKind::Class => {
            let q = c.qualified_name();
            rc.1.definitions
                .iter()
                .filter(|d| d.name == "constructor" && d.container.as_deref() == Some(q.as_str()))
                .collect()
        }
        _ => Vec::new(),
    };
    let defs = if ctors.is_empty() { defs } else { &ctors[..] };
    // Each callable as (lenient, strict) parameters; TypeScript has one reading.
    let mut sets: Vec<(Params, Params, &Definition)> = Vec::new();
    for d in defs {
        let Some(p) = params_of(d, rc.as_ref().map(|rc| rc.0.as_str())) else {
            return vec![Outcome::Resolved];
        };
        let (lenient, strict) = match (&rc, js) {
            (Some(rc), true) => js_params(p, d, &rc.0),
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
        && ctx
            .project
            .other_call_arities(r, ctx.path, 500)
            .iter()
            .any(|n| n.is_none_or(|n| n <= given))
    {
        return vec![Outcome::Resolved];
    }
    let what = if sets.len() > 1 {
        format!("no overload of '{}'", def.name)
    } else {
        format!("'{}'", def.name)
    };
    let msg = match e {
        ArityError::TooMany { given, max } => {
            format!("{what} takes at most {max} argument(s) but {given} were given")
        }
        ArityError::TooFew { given, min } => {
            format!("{what} needs at least {min} argument(s) but {given} were given")
        }
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
    let others = ctx.project.other_call_arities(r, ctx.path, 500);
    let in_full = others.iter().all(|n| n.is_some_and(|n| n > given));
    if others.len() < 2 || !in_full {
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
        DefKind::Function if typed_binding(d) && !annotation_agrees(d) => return None,
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

/// How plainly a JavaScript function lets callers leave a parameter out.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Omission {
    /// Nothing in the function says the argument may be missing.
    Needed,
    /// The body survives a missing argument (it only tests the value for
    /// truth, or passes it on), but says no more than that.
    Tolerated,
    /// The JSDoc marks it optional, or the body tests it for `undefined`
    /// or fills in a default (`name || d`, `name ?? d`, `typeof name`).
    Optional,
}

/// JavaScript parameters that callers may leave out without a default, in
/// two readings: `lenient` leaves out every parameter the body survives
/// without, `strict` only those the function plainly marks optional.
/// Real JavaScript leaves tolerated arguments out on purpose, so a call that
/// fits only the lenient reading is judged against the project's other calls.
fn js_params(p: Params, d: &Definition, text: &str) -> (Params, Params) {
    let body = text
        .get(d.span.start_byte as usize..d.span.end_byte as usize)
        .unwrap_or("");
    let doc = d.doc.as_deref().unwrap_or("");
    // A function that reads `arguments` counts what it was given itself
    // (`if (!arguments.length) return this._runnable;`).
    let counts_arguments = p
        .list
        .iter()
        .any(|q| q.kind == plumb_facts::ParamKind::VarPositional && q.name == "arguments");
    let mut omissions: Vec<Omission> = p
        .list
        .iter()
        .map(|param| {
            if param.kind != plumb_facts::ParamKind::Positional
                || param.has_default
                || counts_arguments
            {
                return Omission::Optional;
            }
            js_omission(param.name.as_str(), body, doc)
        })
        .collect();
    // A caller who leaves out an optional parameter leaves out every one
    // after it (`(name, start, end)` testing `start === undefined` is
    // called as `cb(name)`, `(parent = root, func)` as `build()`), so those
    // are optional too.
    let mut optional_before = false;
    for (param, o) in p.list.iter().zip(omissions.iter_mut()) {
        if param.kind != plumb_facts::ParamKind::Positional {
            continue;
        }
        if optional_before {
            *o = Omission::Optional;
        }
        optional_before |= *o == Omission::Optional;
    }
    let reading = |least: Omission| {
        let mut p = p.clone();
        for (param, o) in p.list.iter_mut().zip(&omissions) {
            if param.kind == plumb_facts::ParamKind::Positional && !param.has_default {
                param.has_default = *o >= least;
            }
        }
        // Arguments bind by position: a parameter before a needed one is needed.
        let mut needed = false;
        for param in p.list.iter_mut().rev() {
            if param.kind != plumb_facts::ParamKind::Positional {
                continue;
            }
            if needed {
                param.has_default = false;
            } else if !param.has_default {
                needed = true;
            }
        }
        p
    };
    (reading(Omission::Tolerated), reading(Omission::Optional))
}

/// How plainly the function (its `body` and JSDoc `doc`) lets callers
/// leave the parameter `name` out.
fn js_omission(name: &str, body: &str, doc: &str) -> Omission {
    // `function f({a, b})`: destructuring a missing argument throws.
    if name.starts_with(['{', '[']) {
        return Omission::Needed;
    }
    let simple = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$');
    if !simple || doc_optional(doc, name) {
        return Omission::Optional;
    }
    if let Some(test) = body_tests(body, name) {
        return test;
    }
    // Passing it on untouched tolerates a missing argument, unless the
    // JSDoc documents it as required (as checkJs holds a JSDoc-annotated
    // function to its documented signature).
    let uses = before_reassigned(body, name);
    let passed_on = !dereferenced(uses, name) && !compared(uses, name);
    if passed_on && !doc_documents(doc, name) {
        Omission::Tolerated
    } else {
        Omission::Needed
    }
}

/// The body up to the end of the line where `name` is first assigned anew
/// (`name = f(name, …)`): later uses read the new value and say nothing of
/// the argument (`options = toFlatObject(options, …); options.dots`).
fn before_reassigned<'b>(body: &'b str, name: &str) -> &'b str {
    let at = crate::resolve::word_positions(body, name).find(|&i| {
        // What precedes the name on its line: nothing, or the end of a
        // statement or block (`;`, `{`, `}`, `if (…)`).
        let line = body[body[..i].rfind('\n').map_or(0, |k| k + 1)..i].trim_end();
        let after = body[i + name.len()..].trim_start();
        after.starts_with('=')
            && !after.starts_with("==")
            && !after.starts_with("=>")
            && (line.is_empty() || line.ends_with([';', '{', '}', ')']))
    });
    match at {
        Some(i) => &body[..body[i..].find('\n').map_or(body.len(), |k| i + k)],
        None => body,
    }
}

/// Whether the JSDoc has a `@param` line for `name`.
/// (`@param {T} name desc` or `@param name desc`; a name the description
/// mentions is not the one documented).
fn doc_documents(doc: &str, name: &str) -> bool {
    doc.lines().any(|l| {
        let Some(k) = l.find("@param") else {
            return false;
        };
        let mut rest = l[k + 6..].trim_start();
        if rest.starts_with('{') {
            // The type may nest braces (`{{a: number}}`).
            let mut depth = 0;
            let end = rest.char_indices().find_map(|(i, c)| {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                (depth == 0).then_some(i + 1)
            });
            rest = end.map_or("", |e| rest[e..].trim_start());
        }
        let documented: String = rest
            .trim_start_matches('[')
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
            .collect();
        documented == name
    })
}

fn doc_optional(doc: &str, name: &str) -> bool {
    doc.contains(&format!("[{name}]"))
        || doc.contains(&format!("[{name}="))
        || doc.contains(&format!("[{name} ="))
        || doc.lines().any(|l| {
            l.contains("@param")
                && crate::resolve::word_positions(l, name).next().is_some()
                && (l.contains("=}") || l.contains("optional") || l.contains("undefined"))
        })
}

/// Whether the body tests `name` for absence, and how plainly: `typeof
/// name === 'undefined'`, `name == null`, `undefined === name`, `name || d`,
/// `name ?? d` and a condition that is the name alone (`if (err)`, `if
/// (!cb)`) mark it optional; `!name`, `name && …`, `name ? a : b`, a larger
/// condition and `typeof name === 'object'` only test its truth or type
/// (how a flag or any nullable value is read), which tolerates a missing
/// argument. A comparison with anything but
/// `undefined`/`null` is not such a test (`x === name || y`), nor is a test
/// of a member (`if (name.x)`, `!name[0]`, `typeof name.f()`): reading the
/// member throws when the argument is missing.
fn body_tests(body: &str, name: &str) -> Option<Omission> {
    const ABSENT: [&str; 3] = ["undefined", "null", "void"];
    let test_at = |i: usize| {
        let before = body[..i].trim_end();
        let after = body[i + name.len()..].trim_start();
        if after.starts_with(['.', '[', '(']) {
            return None;
        }
        if before.ends_with("typeof") {
            // `typeof name === 'undefined'` tests for absence; `typeof name
            // === 'object'` dispatches on the type, and a missing argument
            // just fails the test.
            let undefined = ["===", "!==", "==", "!="].iter().any(|op| {
                after.strip_prefix(op).is_some_and(|v| {
                    let v = v.trim_start();
                    ["'undefined'", "\"undefined\"", "`undefined`"]
                        .iter()
                        .any(|u| v.starts_with(u))
                })
            });
            return Some(if undefined {
                Omission::Optional
            } else {
                Omission::Tolerated
            });
        }
        for op in ["===", "!==", "==", "!="] {
            if let Some(left) = before.strip_suffix(op) {
                let absent = ABSENT.iter().any(|a| left.trim_end().ends_with(a));
                return absent.then_some(Omission::Optional);
            }
        }
        for op in ["===", "!==", "==", "!="] {
            if let Some(right) = after.strip_prefix(op) {
                let right = right.trim_start();
                return ABSENT
                    .iter()
                    .any(|a| right.starts_with(a))
                    .then_some(Omission::Optional);
            }
        }
        if after.starts_with("||") || after.starts_with("??") {
            return Some(Omission::Optional);
        }
        // `if (err) {…}` / `if (!cb) return`: the whole condition is whether
        // the argument was given, as error-first callbacks and optional
        // arguments are read.
        let head = before.strip_suffix('!').unwrap_or(before).trim_end();
        if (head.ends_with("if (") || head.ends_with("if(")) && after.starts_with(')') {
            return Some(Omission::Optional);
        }
        let truth = before.ends_with('!') && !before.ends_with("!=")
            || before.ends_with("if (")
            || before.ends_with("if(")
            || before.ends_with("while (")
            || after.starts_with("&&")
            || after.starts_with('?') && !after.starts_with("?.");
        truth.then_some(Omission::Tolerated)
    };
    crate::resolve::word_positions(body, name)
        .filter_map(test_at)
        .max()
}

/// Whether the body uses `name` in a way that throws when the argument is
/// missing: a member access or call (`name.x`, `name[i]`, `name(…)`, also
/// `name` then `.x` on the next line), the right side of `instanceof`, the
/// object of `Object.keys(name)` and the like, the iterable of
/// `for (… of name)`, or the value of a declaration that destructures it
/// (`const {a} = name`).
fn dereferenced(body: &str, name: &str) -> bool {
    /// `Object` functions that throw on `undefined` for their first argument.
    const NEEDS_OBJECT: [&str; 10] = [
        "Object.keys(",
        "Object.values(",
        "Object.entries(",
        "Object.getOwnPropertyNames(",
        "Object.getOwnPropertySymbols(",
        "Object.getPrototypeOf(",
        "Object.assign(",
        "Object.create(",
        "Object.defineProperty(",
        "Object.defineProperties(",
    ];
    crate::resolve::word_positions(body, name).any(|i| {
        let before = body[..i].trim_end();
        let after = &body[i + name.len()..];
        if before.ends_with('.') {
            return false;
        }
        let next = after.trim_start();
        after.starts_with('.')
            || after.starts_with('[')
            || after.starts_with('(')
            || next.starts_with('.') && !next.starts_with("..")
            || ends_with_word(before, "instanceof")
            || NEEDS_OBJECT.iter().any(|f| before.ends_with(f)) && next.starts_with([')', ','])
            || for_of(before)
            || destructures(before)
    })
}

/// `before` ends with the word `w` (not `xw`).
fn ends_with_word(before: &str, w: &str) -> bool {
    before.strip_suffix(w).is_some_and(|rest| {
        !rest
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$')
    })
}

/// `before` is the head of a `for (… of` loop on one line.
fn for_of(before: &str) -> bool {
    let line = &before[before.rfind('\n').map_or(0, |k| k + 1)..];
    ends_with_word(line, "of")
        && ["for (", "for(", "for await ("]
            .iter()
            .any(|f| line.trim_start().starts_with(f) || line.contains(&format!(" {f}")))
}

/// `before` is `const {a, b} =` (also `let`, `var`): an object pattern
/// declared from the value that follows.
fn destructures(before: &str) -> bool {
    let Some(left) = before.strip_suffix('=') else {
        return false;
    };
    if left.ends_with([
        '=', '!', '<', '>', '+', '-', '*', '/', '%', '&', '|', '^', '?',
    ]) {
        return false;
    }
    let left = left.trim_end();
    if !left.ends_with('}') {
        return false;
    }
    let mut depth = 0;
    for (k, c) in left.char_indices().rev() {
        match c {
            '}' => depth += 1,
            '{' => {
                depth -= 1;
                if depth == 0 {
                    let head = left[..k].trim_end();
                    return ["const", "let", "var"]
                        .iter()
                        .any(|w| ends_with_word(head, w));
                }
            }
            _ => {}
        }
    }
    false
}

/// Whether the body compares `name` with another variable (`x === name`,
/// `name !== other.id`), interpolates it (`${name}`) or joins it to a string
/// literal (`'[' + name`, `name + ']'`): a missing argument silently gives a
/// wrong answer there. Comparisons with literals (`name == false`,
/// `name === 'auto'`) are how optional flags are read.
fn compared(body: &str, name: &str) -> bool {
    let literal = |side: &str| {
        side.is_empty()
            || side.starts_with(|c: char| c.is_ascii_digit() || "'\"`-[{(".contains(c))
            || ["undefined", "null", "void", "true", "false", "NaN"]
                .iter()
                .any(|l| side.starts_with(l))
    };
    crate::resolve::word_positions(body, name).any(|i| {
        let before = body[..i].trim_end();
        let after = body[i + name.len()..].trim_start();
        if before.ends_with("${") && after.starts_with('}') {
            return true;
        }
        if concatenated(before, after) {
            return true;
        }
        for op in ["===", "!==", "==", "!="] {
            if let Some(left) = before.strip_suffix(op) {
                let left = left.trim_end();
                let start = left
                    .rfind(|c: char| !(c.is_alphanumeric() || "_$.'\"".contains(c)))
                    .map(|k| k + 1)
                    .unwrap_or(0);
                return !literal(&left[start..]);
            }
            if let Some(right) = after.strip_prefix(op) {
                return !literal(right.trim_start());
            }
        }
        false
    })
}

/// `before` and `after` (trimmed) put the name between a `+` and a string
/// literal: `'a' + name` or `name + "b"` (not `++`, `+=`, `+ other`).
fn concatenated(before: &str, after: &str) -> bool {
    const QUOTES: [char; 3] = ['\'', '"', '`'];
    let left = before
        .strip_suffix('+')
        .filter(|l| !l.ends_with('+'))
        .is_some_and(|l| l.trim_end().ends_with(QUOTES));
    let right = after
        .strip_prefix('+')
        .filter(|r| !r.starts_with(['+', '=']))
        .is_some_and(|r| r.trim_start().starts_with(QUOTES));
    left || right
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
    d.signature
        .as_deref()
        .and_then(|s| s.strip_prefix(d.name.as_str()))
        .is_some_and(|rest| rest.trim_start().starts_with(':'))
}

/// `name: (a: A, b: B) => R = (a, b) => …`: an inline function type with
/// as many plain parameters (no `?`, defaults or rest) as the value has.
fn annotation_agrees(d: &Definition) -> bool {
    let (Some(sig), Some(params)) = (d.signature.as_deref(), d.params.as_ref()) else {
        return false;
    };
    let Some(ty) = sig
        .strip_prefix(d.name.as_str())
        .and_then(|r| r.trim_start().strip_prefix(':'))
    else {
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

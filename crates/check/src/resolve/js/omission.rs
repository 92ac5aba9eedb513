//! Which parameters of a JavaScript function a caller may leave out, read
//! from its JSDoc and its body, since JavaScript declares none: optional
//! when the JSDoc marks it so or the body tests it for absence (`name ===
//! undefined`, `typeof name === 'undefined'`, `name || …`, `name ?? …`, `if
//! (err)`, `if (!cb)`) or an optional one comes before it; *tolerated* when
//! the body only tests it for truth or type or passes it on (and the JSDoc
//! does not document it); needed when the body dereferences it, compares it
//! for equality with a value or interpolates it, destructures it, or throws when it is
//! missing (`if (!name) throw …`).
//!
//! Owns reading the function's text; [`super::arity`] decides what a call
//! that leaves arguments out is.

use plumb_facts::{DefKind, Definition, FileFacts, Import, Params};

use super::rejections;
use crate::project::Project;

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
pub(super) fn js_params(
    project: &Project,
    path: &str,
    p: Params,
    d: &Definition,
    facts: &FileFacts,
    text: &str,
) -> (Params, Params) {
    let file = File {
        project,
        path,
        text,
        defs: &facts.definitions,
        imports: &facts.imports,
        container: d.container.as_deref(),
    };
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
            js_omission(param.name.as_str(), body, doc, &file, 0)
        })
        .collect();
    // A caller who leaves out an optional parameter leaves out every one
    // after it (`(name, start, end)` testing `start === undefined` is
    // called as `cb(name)`, `(parent = root, func)` as `build()`), so those
    // are optional too.
    let mut optional_before = false;
    // `if (typeof opts == 'function') { cb = opts; opts = {}; }` (pm2's
    // `launchDaemon(opts, cb)`): the function shifts its arguments itself,
    // so the later parameter is plainly optional.
    for (j, later) in p.list.iter().enumerate() {
        if p.list[..j]
            .iter()
            .any(|earlier| rejections::shifted_into(body, &later.name, &earlier.name))
        {
            omissions[j] = Omission::Optional;
        }
    }
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
/// The file a function is read in: its text and definitions (to follow a
/// parameter passed on to another function of the file).
struct File<'a> {
    project: &'a Project<'a>,
    path: &'a str,
    text: &'a str,
    defs: &'a [Definition],
    imports: &'a [Import],
    /// The class (or prototype owner) of the function first read.
    container: Option<&'a str>,
}

/// How deep a parameter passed on is followed into the file's functions.
const PASSED_ON_DEPTH: u32 = 2;

fn js_omission(name: &str, body: &str, doc: &str, file: &File, depth: u32) -> Omission {
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
    if rejections::throws_when_missing(body, name) || rejections::dispatch_throws(body, name) {
        return Omission::Needed;
    }
    if let Some(test) = body_tests(body, name) {
        // Tested, then handed to the base constructor (postcss's
        // `Declaration`: `if (defaults && …) {…} super(defaults)`).
        if test == Omission::Tolerated && passed_to_super(body, name) {
            return Omission::Optional;
        }
        // Tested for its type, then used whatever it was (fast-xml-parser's
        // `if (typeof node === 'string') node = {}; if (!node[key]) …`).
        if test == Omission::Tolerated
            && super::guards::unguarded_dereference(before_reassigned(body, name), name)
        {
            return Omission::Needed;
        }
        return test;
    }
    // Passing it on untouched tolerates a missing argument, unless the
    // JSDoc documents it as required (as checkJs holds a JSDoc-annotated
    // function to its documented signature).
    let uses = before_reassigned(body, name);
    let passed_on =
        !dereferenced(uses, name) && !compared(uses, name) && !computed_with(uses, name);
    // A constructor handing it to its base (postcss's `constructor(defaults)
    // { super(defaults) }` of `Node`'s `constructor(defaults = {})`): the
    // base decides, and a base constructor fills in its own defaults.
    if passed_on && passed_to_super(uses, name) {
        return Omission::Optional;
    }
    if passed_on
        && (passed_to_needing(name, uses, file, depth)
            || passed_to_node_core(name, uses, file.imports))
    {
        return Omission::Needed;
    }
    if passed_on && !doc_documents(doc, name) {
        Omission::Tolerated
    } else {
        Omission::Needed
    }
}

/// Whether `body` calls `super(…)` with `name` as one of the arguments.
fn passed_to_super(body: &str, name: &str) -> bool {
    body.match_indices("super(").any(|(i, m)| {
        let open = i + m.len() - 1;
        super::lexical::matching_close(body, open).is_some_and(|close| {
            super::literal_types::split_top(&body[open + 1..close], |_, c| c == ',', |_| false)
                .is_some_and(|args| args.iter().any(|a| a.trim() == name))
        })
    })
}

/// Whether `body` passes `name` straight to a function of the same file
/// (`scale(zoom)` of `function scale(zoom) { return 256 * 2 ** zoom.valueOf(); }`)
/// or a method of the same class (`this.scale(zoom)`) whose parameter there
/// is needed: the argument is needed here too.
fn passed_to_needing(name: &str, body: &str, file: &File, depth: u32) -> bool {
    if depth >= PASSED_ON_DEPTH {
        return false;
    }
    super::calltext::calls_given(body, name).any(|call| {
        let Some((receiver, callee, index)) = call_position(call) else {
            return false;
        };
        // A function of the file, or through `this` a method of the class
        // the function belongs to (`this.scale(zoom)`).
        let container = match receiver {
            Receiver::None | Receiver::CallThis => None,
            Receiver::This => match file.container {
                Some(c) => Some(c),
                None => return false,
            },
        };
        let kinds: &[DefKind] = if container.is_some() {
            &[DefKind::Method]
        } else {
            &[DefKind::Function]
        };
        let mut targets = file.defs.iter().filter(|g| {
            g.name == callee && g.container.as_deref() == container && kinds.contains(&g.kind)
        });
        let (g, other) = match (targets.next(), targets.next()) {
            (Some(g), None) => (g.clone(), None),
            (None, _) if container.is_none() => {
                // A function another project file exports (fs-extra's
                // `utimesMillisSync(dest, …)` of `../util/utimes`).
                let Some(found) = imported_function(file, callee) else {
                    return false;
                };
                (found.1.clone(), Some(found))
            }
            _ => return false,
        };
        let Some(param) = g.params.as_ref().and_then(|p| p.list.get(index)) else {
            return false;
        };
        if param.kind != plumb_facts::ParamKind::Positional || param.has_default {
            return false;
        }
        let g_doc = g.doc.as_deref().unwrap_or("");
        let needed = |f: &File| {
            let g_body = f
                .text
                .get(g.span.start_byte as usize..g.span.end_byte as usize)
                .unwrap_or("");
            js_omission(&param.name, g_body, g_doc, f, depth + 1) == Omission::Needed
        };
        match other {
            None => needed(file),
            Some((path, _, rc)) => needed(&File {
                project: file.project,
                path: &path,
                text: &rc.0,
                defs: &rc.1.definitions,
                imports: &rc.1.imports,
                container: None,
            }),
        }
    })
}

/// A file's text and facts as the project caches them.
type Shared = std::rc::Rc<(String, FileFacts)>;

/// The function of another project file that `name` imports in `file`
/// ([`super::modules::imported_function`], relative imports only): its
/// file, its definition and that file's text and facts.
fn imported_function(file: &File, name: &str) -> Option<(String, Definition, Shared)> {
    let (target, def) =
        super::modules::imported_function(file.project, file.path, file.imports, name, true)?;
    let rc = file.project.facts_of(&target)?;
    Some((target, def, rc))
}

/// Node's core modules whose functions reject a missing argument
/// (`ERR_INVALID_ARG_TYPE`): `path.resolve(undefined)` throws, as a
/// dereference would.
const NODE_CHECKED_MODULES: [&str; 5] = ["path", "fs", "crypto", "zlib", "child_process"];

/// Whether the body hands `name` straight to a function of a Node core
/// module that validates its arguments (`path.resolve(dest)`,
/// `fs.readFileSync(file)`, `Buffer.from(pw)`), the module bound by the
/// file's `imports` (`const path = require('path')`, `import fs from
/// 'node:fs'`, `import * as fs from 'fs'`); a predicate (`fs.existsSync`, `Buffer.isBuffer`) takes
/// anything.
fn passed_to_node_core(name: &str, body: &str, imports: &[Import]) -> bool {
    let bound = |q: &str| {
        // (`import fs from 'fs'` records `default` aliased `fs`.)
        imports.iter().any(|i| {
            (i.alias.as_deref() == Some(q)
                || i.names
                    .iter()
                    .any(|n| n.name == "default" && n.alias.as_deref() == Some(q)))
                && NODE_CHECKED_MODULES
                    .contains(&i.module.strip_prefix("node:").unwrap_or(&i.module))
        })
    };
    super::calltext::calls_given(body, name).any(|call| {
        let predicate = ["is", "exists", "has"]
            .iter()
            .any(|p| call.callee.starts_with(p));
        let Some(q) = call.receiver.strip_suffix('.') else {
            return false;
        };
        let start = q
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
            .map_or(0, |k| k + 1);
        let whole = !q[..start].ends_with('.');
        let q = &q[start..];
        !predicate
            && whole
            && !q.is_empty()
            && (q == "Buffer" && matches!(call.callee, "from" | "alloc" | "byteLength" | "concat")
                || bound(q))
    })
}

/// Where an argument is handed: to a function of the file (`f(a, x)`), a
/// method through `this` (`this.f(x)`) or a function called with an
/// explicit `this` (`Base.call(this, x)`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Receiver {
    None,
    This,
    CallThis,
}

/// For a call an argument is handed to: the receiver, the callee's name
/// and the argument's index among the callee's own parameters; `None` for
/// any other receiver.
fn call_position(call: super::calltext::EnclosingCall<'_>) -> Option<(Receiver, &str, usize)> {
    if call.callee.is_empty() {
        return None;
    }
    let word_before = |r: &str| {
        r.chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '.')
    };
    // (A receiver ending in `)` is the statement before: `if (a) f(x)`,
    // `g(y)⏎f(x)`; a call of a call's result has no callee.)
    let Some(r) = call.receiver.strip_suffix('.') else {
        return Some((Receiver::None, call.callee, call.index));
    };
    let r = r.trim_end();
    if call.callee == "call" && call.index >= 1 {
        let start = r
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
            .map_or(0, |k| k + 1);
        let base = &r[start..];
        return (!base.is_empty() && !word_before(&r[..start])).then_some((
            Receiver::CallThis,
            base,
            call.index - 1,
        ));
    }
    let this = r.strip_suffix("this")?;
    (!word_before(this)).then_some((Receiver::This, call.callee, call.index))
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
            && !super::guards::only_when_given(line, name)
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
        // A source of `Object.assign({}, name)`, which skips a missing one
        // (log4js's `this.context = Object.assign({}, context)`).
        if after.starts_with([')', ','])
            && super::calltext::enclosing_call(before).is_some_and(|c| {
                c.callee == "assign" && c.receiver.ends_with("Object.") && c.index >= 1
            })
        {
            return Some(Omission::Optional);
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
        // (`if (bytes < 1024)` compares the value; pm2's `formatFileSize`.)
        let condition_head =
            (before.ends_with("if (") || before.ends_with("if(") || before.ends_with("while ("))
                && ["&&", "||", "?", ")"].iter().any(|t| after.starts_with(t));
        // (`if (this.isLocal() && err)`: the last operand of a condition.)
        let condition_tail = (before.ends_with("&&") || before.ends_with("||"))
            && after.starts_with(')')
            && in_condition(before);
        let truth = before.ends_with('!') && !before.ends_with("!=")
            || condition_head
            || condition_tail
            || after.starts_with("&&")
            || after.starts_with('?') && !after.starts_with("?.");
        truth.then_some(Omission::Tolerated)
    };
    crate::resolve::word_positions(body, name)
        .filter_map(test_at)
        .max()
}

/// Whether the end of `before` is inside the condition of an `if` or a
/// `while`: the innermost bracket left open is theirs.
fn in_condition(before: &str) -> bool {
    let mut depth = 0i32;
    for (j, c) in before.char_indices().rev() {
        match c {
            ')' | ']' | '}' => depth += 1,
            '[' | '{' if depth == 0 => return false,
            '(' if depth == 0 => {
                let head = before[..j].trim_end();
                return ends_with_word(head, "if") || ends_with_word(head, "while");
            }
            '(' | '[' | '{' => depth -= 1,
            _ => {}
        }
    }
    false
}

/// Whether the body uses `name` in a way that throws when the argument is
/// missing: a member access or call (`name.x`, `name[i]`, `name(…)`, also
/// `name` then `.x` on the next line), the right side of `instanceof` or
/// `in`, the
/// object of `Object.keys(name)` and the like, the iterable of
/// `for (… of name)`, or the value of a declaration that destructures it
/// (`const {a} = name`).
fn dereferenced(body: &str, name: &str) -> bool {
    crate::resolve::word_positions(body, name).any(|i| dereference_at(body, name, i))
}

/// Whether the mention of `name` at byte `i` of `body` is a use that
/// throws when the argument is missing (see [`dereferenced`]).
pub(super) fn dereference_at(body: &str, name: &str, i: usize) -> bool {
    /// Built-in functions that throw on `undefined` for their first
    /// argument.
    const NEEDS_OBJECT: [&str; 12] = [
        "JSON.parse(",
        "Array.from(",
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
        || in_object(before)
        || NEEDS_OBJECT.iter().any(|f| before.ends_with(f)) && next.starts_with([')', ','])
        || for_of(before)
        || destructures(before)
}

/// `before` is `'key' in`: the object of `in` throws when missing (but
/// `for (k in name)` iterates nothing).
fn in_object(before: &str) -> bool {
    let line = &before[before.rfind('\n').map_or(0, |k| k + 1)..];
    ends_with_word(before, "in") && !line.contains("for (") && !line.contains("for(")
}

/// `before` ends with the word `w` (not `xw`).
pub(super) fn ends_with_word(before: &str, w: &str) -> bool {
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
/// `index < name`; not by inequality, which a missing argument satisfies), interpolates it (`${name}`), joins it to a string
/// literal (`'[' + name`, `name + ']'`) or uses it as a key (`obj[name]`,
/// `name in obj`): a missing argument silently gives a wrong answer there. Comparisons with literals (`name == false`,
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
        if concatenated(before, after) || keyed(before, after) {
            return true;
        }
        // The value on the other side of an operator: `arr[i] === name`,
        // `f(x) === name` are values; `name === 'auto'` is a literal.
        let left_value = |left: &str| {
            let left = left.trim_end();
            if left.ends_with([']', ')']) {
                return true;
            }
            let start = left
                .char_indices()
                .rfind(|(_, c)| !(c.is_alphanumeric() || "_$.'\"".contains(*c)))
                .map_or(0, |(k, c)| k + c.len_utf8());
            !literal(&left[start..])
        };
        // (An inequality with a missing argument holds for every value:
        // jQuery's `siblings(n, elem)` skips `n !== elem`, none when left
        // out.)
        for op in ["!==", "!="] {
            if before.ends_with(op) || after.starts_with(op) {
                return false;
            }
        }
        for op in ["===", "=="] {
            if let Some(left) = before.strip_suffix(op) {
                return left_value(left);
            }
            if let Some(right) = after.strip_prefix(op) {
                return !literal(right.trim_start());
            }
        }
        // An order with another value (`index < length`), spaced as
        // formatters write it (not `Array<T>`, `=>`); with a literal
        // (`limit > 0`) it reads an optional number.
        let (raw_before, raw_after) = (&body[..i], &body[i + name.len()..]);
        for op in [" <= ", " >= ", " < ", " > "] {
            if let Some(left) = raw_before.strip_suffix(op) {
                return left_value(left);
            }
            if let Some(right) = raw_after.strip_prefix(op) {
                return !literal(right.trim_start());
            }
        }
        false
    })
}

/// Whether the body does arithmetic with `name` (`Math.random() * n`, `n
/// % 2`, `total - n`, `2 ** n`): a missing argument silently gives `NaN`.
/// (`+` may join strings, and a unary minus or `--`/`-=` is no operand
/// pair.)
fn computed_with(body: &str, name: &str) -> bool {
    // Spaced as formatters write binary operators, so that a path in a
    // string (`'lib/' + x`, `'a/name'`) is no division.
    const OPS: [&str; 5] = [" ** ", " * ", " / ", " % ", " - "];
    let operand_end = |b: &str| {
        b.ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$' || c == ')' || c == ']')
    };
    let operand_start =
        |a: &str| a.starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$' || c == '(');
    // (Not in comments or strings: `@member {Node} Definition#node - the
    // node`.)
    let body = &super::lexical::blank_literals(body);
    crate::resolve::word_positions(body, name).any(|i| {
        let before = &body[..i];
        let after = &body[i + name.len()..];
        OPS.iter().any(|op| {
            before
                .strip_suffix(op)
                .is_some_and(|l| operand_end(l) && !ends_with_word(l, "return"))
                || after.strip_prefix(op).is_some_and(operand_start)
        })
    })
}

/// `before` and `after` (trimmed) make the name a key: `obj[name]` (not the
/// array literal `[name]`) or `name in obj` (not `for (name in obj)`); a
/// missing argument reads or writes the key `"undefined"`.
fn keyed(before: &str, after: &str) -> bool {
    let member = before.strip_suffix('[').is_some_and(|b| {
        b.trim_end().ends_with(|c: char| {
            c.is_alphanumeric() || c == '_' || c == '$' || c == ')' || c == ']'
        }) && !["return", "case", "in", "of", "typeof", "yield", "await"]
            .iter()
            .any(|w| ends_with_word(b.trim_end(), w))
    }) && after.starts_with(']');
    let in_object = after
        .strip_prefix("in")
        .is_some_and(|r| r.starts_with(char::is_whitespace))
        && !before.ends_with('(')
        && !["var", "let", "const"]
            .iter()
            .any(|w| ends_with_word(before, w));
    member || in_object
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

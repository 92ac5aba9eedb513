//! How a JavaScript function's `if` statements treat a missing argument:
//! rejecting it (`if (!name) throw …`, a type dispatch that ends in `else {
//! throw … }`) or shifting the arguments itself (`if (typeof opts ==
//! 'function') { cb = opts; … }`), read from the function's text.
//!
//! Owns only those readers; what a caller may leave out is
//! [`super::omission`]'s business.

use super::omission::ends_with_word;

/// Whether `body` assigns the parameter `earlier` to the parameter `later`
/// as a statement of its own (`cb = opts;`) in the branch of an `if` that
/// tests what `earlier` is (`typeof opts == 'function'`, `isFunction(opts)`,
/// `opts instanceof Function`): the function takes the shorter call. (ssh2's
/// `if (autoReject) { allowed = input; }` is no such shift.)
pub(super) fn shifted_into(body: &str, later: &str, earlier: &str) -> bool {
    crate::resolve::word_positions(body, later).any(|i| {
        let before = body[..i].trim_end_matches([' ', '\t']);
        let value = body[i + later.len()..]
            .trim_start_matches([' ', '\t'])
            .strip_prefix('=')
            .filter(|v| !v.starts_with(['=', '>']))
            .map(|v| v.trim_start_matches([' ', '\t']));
        let assigned = before.ends_with(['\n', ';', '{', '}'])
            && value
                .and_then(|v| v.strip_prefix(earlier))
                .is_some_and(|rest| {
                    rest.trim_start_matches([' ', '\t'])
                        .starts_with([';', '\n', '\r', '}'])
                });
        assigned
            && branch_condition(body, i).is_some_and(|cond| {
                let cond = cond.replace(' ', "");
                cond.contains(&format!("typeof{earlier}"))
                    || cond.contains(&format!("typeof({earlier})"))
                    || cond.contains(&format!("Function({earlier})"))
                    || cond.contains(&format!("{earlier}instanceof"))
            })
    })
}

/// The condition of the innermost braced `if` whose branch holds byte `at`.
fn branch_condition(body: &str, at: usize) -> Option<&str> {
    crate::resolve::word_positions(&body[..at], "if")
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .find_map(|k| {
            let rest = body[k + 2..].trim_start();
            let open = body.len() - rest.len();
            if !rest.starts_with('(') {
                return None;
            }
            let close = super::lexical::matching_close(body, open)?;
            let branch = body[close + 1..].trim_start();
            let start = body.len() - branch.len();
            let end =
                super::lexical::matching_close(body, start).filter(|_| branch.starts_with('{'))?;
            (start < at && at < end).then(|| &body[open + 1..close])
        })
}

/// Whether the body rejects a missing argument: an `if` whose condition
/// holds when `name` is `undefined` (`!name`, `name == null`, `name ===
/// undefined`, `typeof name !== 'function'`, alone or as one side of `||`)
/// and whose branch starts with `throw` (body-parser's `if (!defaultType)
/// throw new TypeError('defaultType must be provided')`).
pub(super) fn throws_when_missing(body: &str, name: &str) -> bool {
    crate::resolve::word_positions(body, name).any(|i| {
        let Some(open) = if_condition_start(&body[..i]) else {
            return false;
        };
        let Some(close) = super::lexical::matching_close(body, open) else {
            return false;
        };
        // (The branch and the condition first: the readers below scan all
        // the text before.)
        let branch = body[close + 1..].trim_start();
        let branch = branch.strip_prefix('{').unwrap_or(branch).trim_start();
        if !branch.starts_with("throw ")
            || !split_top_level_or(&body[open + 1..close])
                .iter()
                .any(|d| true_when_missing(d.trim(), name))
        {
            return false;
        }
        // Inside `if (typeof location !== 'undefined') { if (!location || …)
        // throw … }` (log4js's `LoggingEvent`) the throw is for a bad value,
        // given only when the argument was.
        if super::guards::inside_if_on(&body[..open], name) {
            return false;
        }
        // After a `return` the throw is one path's end, not a guard the
        // caller must pass: knockout's `getVirtualChildren(startComment,
        // allowUnbalanced)` returns from its loop and throws at the end only
        // `if (!allowUnbalanced)`, a flag callers leave out.
        if crate::resolve::word_positions(&super::lexical::blank_literals(&body[..open]), "return")
            .next()
            .is_some()
        {
            return false;
        }
        true
    })
}

/// Whether the body dispatches on what `name` is and throws for anything
/// else: an `if … else if … else { throw … }` chain every condition of
/// which fails for a missing argument (turndown's `use(plugin)`: `if
/// (Array.isArray(plugin)) {…} else if (typeof plugin === 'function') {…}
/// else { throw new TypeError(…) }`).
pub(super) fn dispatch_throws(body: &str, name: &str) -> bool {
    crate::resolve::word_positions(body, name).any(|i| {
        let Some(mut open) = if_condition_start(&body[..i]) else {
            return false;
        };
        // From the chain's first `if` only.
        let head = body[..open].trim_end();
        if head
            .strip_suffix("if")
            .is_some_and(|h| ends_with_word(h.trim_end(), "else"))
        {
            return false;
        }
        let first = open;
        loop {
            let Some(close) = super::lexical::matching_close(body, open) else {
                return false;
            };
            if !false_when_missing(&body[open + 1..close], name) {
                return false;
            }
            // (Braced branches only.)
            let branch =
                close + 1 + (body[close + 1..].len() - body[close + 1..].trim_start().len());
            if !body[branch..].starts_with('{') {
                return false;
            }
            let Some(end) = super::lexical::matching_close(body, branch) else {
                return false;
            };
            let Some(rest) = body[end + 1..].trim_start().strip_prefix("else") else {
                return false;
            };
            let rest = rest.trim_start();
            if let Some(next) = rest.strip_prefix("if") {
                let next = next.trim_start();
                if !next.starts_with('(') {
                    return false;
                }
                open = body.len() - next.len();
                continue;
            }
            let last = rest.strip_prefix('{').unwrap_or(rest).trim_start();
            return last.starts_with("throw ")
                && !super::guards::inside_if_on(&body[..first], name)
                && crate::resolve::word_positions(
                    &super::lexical::blank_literals(&body[..first]),
                    "return",
                )
                .next()
                .is_none();
        }
    })
}

/// Whether the condition `cond` is false when `name` is `undefined`: a
/// conjunction one side of which is `name` itself or holds only for a given
/// argument ([`super::guards::given_only`]).
fn false_when_missing(cond: &str, name: &str) -> bool {
    cond.split("&&").any(|c| {
        let mut c = c.trim();
        while c.starts_with('(')
            && super::lexical::matching_close(c, 0).is_some_and(|e| e + 1 == c.len())
        {
            c = c[1..c.len() - 1].trim();
        }
        c == name || !c.contains("||") && super::guards::given_only(c, name)
    })
}

/// The byte index of the `(` of the `if (` whose condition the end of
/// `before` is inside (at any depth), if it is one.
fn if_condition_start(before: &str) -> Option<usize> {
    let mut depth = 0i32;
    for (j, c) in before.char_indices().rev() {
        match c {
            ')' | ']' | '}' => depth += 1,
            '(' | '[' | '{' if depth > 0 => depth -= 1,
            // (Past a call's parenthesis: `if (Array.isArray(name))`.)
            '(' if ends_with_word(before[..j].trim_end(), "if") => return Some(j),
            '[' | '{' | ';' => return None,
            _ => {}
        }
    }
    None
}

/// The disjuncts of a condition split on `||` outside brackets.
fn split_top_level_or(cond: &str) -> Vec<&str> {
    let (mut out, mut depth, mut start) = (Vec::new(), 0i32, 0usize);
    let bytes = cond.as_bytes();
    let mut j = 0;
    while j < bytes.len() {
        match bytes[j] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b'|' if depth == 0 && bytes.get(j + 1) == Some(&b'|') => {
                out.push(&cond[start..j]);
                start = j + 2;
                j += 1;
            }
            _ => {}
        }
        j += 1;
    }
    out.push(&cond[start..]);
    out
}

/// Whether the condition `d` is true when `name` is `undefined`.
fn true_when_missing(d: &str, name: &str) -> bool {
    let d = d.trim_start_matches('(').trim_end_matches(')').trim();
    if d.strip_prefix('!').map(str::trim_start) == Some(name) {
        return true;
    }
    let sides = |op: &str| {
        d.split_once(op)
            .map(|(l, r)| (l.trim(), r.trim()))
            .filter(|(l, r)| !l.ends_with(['=', '!']) && !r.starts_with('='))
    };
    const ABSENT: [&str; 3] = ["undefined", "null", "void 0"];
    for op in ["===", "=="] {
        if let Some((l, r)) = sides(op) {
            let is_name = |s: &str| s == name;
            return is_name(l) && ABSENT.contains(&r)
                || is_name(r) && ABSENT.contains(&l)
                || l == format!("typeof {name}")
                    && r.trim_matches(['\'', '"', '`']) == "undefined";
        }
    }
    for op in ["!==", "!="] {
        if let Some((l, r)) = sides(op) {
            let ty = r.trim_matches(['\'', '"', '`']);
            return l == format!("typeof {name}")
                && ty != "undefined"
                && r.starts_with(['\'', '"', '`']);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_type_dispatch_ending_in_a_throw_needs_the_argument() {
        let body = "function (plugin) {\n  if (Array.isArray(plugin)) {\n    run(plugin);\n  } else if (typeof plugin === 'function') {\n    plugin(this);\n  } else {\n    throw new TypeError('bad');\n  }\n}";
        assert!(dispatch_throws(body, "plugin"));
        // A branch for the missing argument, or no throw, lets it be left out.
        let missing = body.replace("Array.isArray(plugin)", "!plugin");
        assert!(!dispatch_throws(&missing, "plugin"));
        let no_throw = body.replace("throw new TypeError('bad');", "return null;");
        assert!(!dispatch_throws(&no_throw, "plugin"));
    }
}

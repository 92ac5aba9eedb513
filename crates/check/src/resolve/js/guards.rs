//! Whether a use of a JavaScript parameter is guarded by a test of it: a
//! dereference inside `if (name …) { … }`, after `name &&` or `name ?` in
//! the same statement, or after an early `if (…name…) return`, runs only
//! when the test lets it; one outside every such guard runs whatever the
//! caller passed.
//!
//! Owns only that reading of a function's text; what a use is
//! ([`super::omission::dereference_at`]) and what follows from it belong to
//! [`super::omission`].

use super::omission::{dereference_at, ends_with_word};

/// Whether `body` dereferences `name` somewhere no test of `name` guards.
/// (One pass over the body: the blocks open at each use are carried from
/// one use to the next, and the early exits are found once.)
pub(super) fn unguarded_dereference(body: &str, name: &str) -> bool {
    let exits = early_exits(body, name);
    let mut open: Vec<usize> = Vec::new();
    let mut scanned = 0;
    for i in crate::resolve::word_positions(body, name) {
        for (j, c) in body[scanned..i].char_indices() {
            match c {
                '{' => open.push(scanned + j),
                '}' => {
                    open.pop();
                }
                _ => {}
            }
        }
        scanned = i;
        if dereference_at(body, name, i) && !guarded_at(body, name, i, &open, &exits) {
            return true;
        }
    }
    false
}

/// Whether the use of `name` at byte `i` sits behind a test of `name`;
/// `open` are the blocks open at `i` (their `{`), `exits` where early
/// exits on `name` end ([`early_exits`]).
fn guarded_at(body: &str, name: &str, i: usize, open: &[usize], exits: &[usize]) -> bool {
    let mentions = |s: &str| crate::resolve::word_positions(s, name).next().is_some();
    // Earlier in its own statement (`name && name.x`, `name ? name.x : d`,
    // `if (typeof name === 'function') name()`).
    if mentions(&body[statement_start(body, i)..i]) {
        return true;
    }
    // Inside a block an `if`, `switch`, `while` or `for` on it opens, or an
    // `else` (of a test on it, or of another: read as guarded either way).
    let guard_block = open.iter().skip(1).any(|&b| {
        let head = body[..b].trim_end();
        if ends_with_word(head, "else") {
            return true;
        }
        condition_of(head).is_some_and(|(keyword, cond)| {
            matches!(keyword, "if" | "switch" | "while" | "for") && mentions(cond)
        })
    });
    // After an early exit on it: `if (typeof name !== 'object') return`.
    guard_block || exits.first().is_some_and(|&end| end <= i)
}

/// The byte where the statement holding byte `i` starts: just past the
/// last `;`, `{` or `}` before it outside brackets.
pub(super) fn statement_start(body: &str, i: usize) -> usize {
    let mut depth = 0i32;
    for (j, c) in body[..i].char_indices().rev() {
        match c {
            ')' | ']' => depth += 1,
            '(' | '[' if depth > 0 => depth -= 1,
            '(' | '[' => {}
            ';' | '{' | '}' if depth == 0 => return j + 1,
            _ => {}
        }
    }
    0
}

/// Whether the end of `before` is inside a block (below the function's
/// own) that an `if` whose condition mentions `name` opens.
pub(super) fn inside_if_on(before: &str, name: &str) -> bool {
    let mut open: Vec<usize> = Vec::new();
    for (j, c) in before.char_indices() {
        match c {
            '{' => open.push(j),
            '}' => {
                open.pop();
            }
            _ => {}
        }
    }
    open.iter().skip(1).any(|&b| {
        condition_of(before[..b].trim_end()).is_some_and(|(keyword, cond)| {
            keyword == "if" && crate::resolve::word_positions(cond, name).next().is_some()
        })
    })
}

/// For a head ending in `keyword (cond)`: the keyword and the condition.
fn condition_of(head: &str) -> Option<(&str, &str)> {
    let inner = head.strip_suffix(')')?;
    let mut depth = 1i32;
    let open = inner.char_indices().rev().find_map(|(k, c)| {
        match c {
            ')' => depth += 1,
            '(' => depth -= 1,
            _ => {}
        }
        (depth == 0).then_some(k)
    })?;
    let before = inner[..open].trim_end();
    let start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .map_or(0, |k| k + 1);
    Some((&before[start..], &inner[open + 1..]))
}

/// Where the `if`s that test `name` and leave the function or loop in
/// their branch (`if (!name) return`, `if (typeof name !== 'string') {
/// throw … }`, `continue`, `break`) close their condition, in order.
fn early_exits(body: &str, name: &str) -> Vec<usize> {
    crate::resolve::word_positions(body, "if")
        .filter_map(|k| {
            let rest = body[k + 2..].trim_start();
            if !rest.starts_with('(') {
                return None;
            }
            let open = body.len() - rest.len();
            let close = super::lexical::matching_close(body, open)?;
            crate::resolve::word_positions(&body[open..close], name).next()?;
            let branch = body[close + 1..].trim_start();
            let branch = branch.strip_prefix('{').unwrap_or(branch).trim_start();
            ["return", "throw", "continue", "break"]
                .iter()
                .any(|w| branch.starts_with(w))
                .then_some(close + 1)
        })
        .collect()
}

/// Whether the line before an assignment to `name` is `if (cond)` with a
/// condition that holds only for a given argument (`typeof name ===
/// 'string'`, `name instanceof X`, `Array.isArray(name)`): the assignment
/// does not run for a missing one, so later uses still read the argument.
pub(super) fn only_when_given(line: &str, name: &str) -> bool {
    let Some(("if", cond)) = condition_of(line.trim_end()) else {
        return false;
    };
    let cond = cond.trim();
    !cond.contains("&&") && !cond.contains("||") && given_only(cond, name)
}

/// Whether the condition `cond` (no `&&` or `||`) holds only for a given
/// argument `name`: `typeof name === 'string'` (or `typeof(name)`, any type
/// but `'undefined'`), `name instanceof X`, `Array.isArray(name)`.
pub(super) fn given_only(cond: &str, name: &str) -> bool {
    let typeof_test = cond.strip_prefix("typeof").is_some_and(|rest| {
        let rest = rest.trim_start();
        let operand = rest
            .strip_prefix('(')
            .and_then(|r| r.trim_start().strip_prefix(name))
            .and_then(|r| r.trim_start().strip_prefix(')'))
            .or_else(|| rest.strip_prefix(name).filter(|_| !rest.starts_with('(')));
        operand.is_some_and(|r| {
            let r = r.trim_start();
            let v = r.strip_prefix("===").or_else(|| r.strip_prefix("=="));
            v.is_some_and(|v| {
                let v = v.trim();
                v.starts_with(['\'', '"', '`']) && v.trim_matches(['\'', '"', '`']) != "undefined"
            })
        })
    });
    let instance = cond
        .strip_prefix(name)
        .is_some_and(|c| ends_with_word(c.split_whitespace().next().unwrap_or(""), "instanceof"));
    typeof_test || instance || cond == format!("Array.isArray({name})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_use_after_a_type_test_is_unguarded() {
        let body = "(key, val, node) {\n  if (typeof node === 'string') node = {};\n  if (!node[key]) {\n    node[key] = val;\n  }\n}";
        assert!(unguarded_dereference(body, "node"));
    }

    #[test]
    fn uses_behind_tests_are_guarded() {
        for body in [
            "(cb) {\n  if (typeof cb === 'function') cb();\n}",
            "(cb) {\n  if (typeof cb === 'function') {\n    cb(null);\n  }\n}",
            "(o) {\n  return o && o.x;\n}",
            "(o) {\n  const v = o ? o.x : 1;\n}",
            "(o) {\n  if (typeof o !== 'object') return;\n  o.x = 1;\n}",
            "(o) {\n  if (!o) {\n    return 2;\n  }\n  o.x = 1;\n}",
            "(o) {\n  if (o === 1) {\n    f();\n  } else {\n    o.y();\n  }\n}",
            "(o) {\n  switch (typeof o) {\n    case 'string': return o.length;\n  }\n}",
        ] {
            assert!(
                !unguarded_dereference(body, "o") && !unguarded_dereference(body, "cb"),
                "{body}"
            );
        }
    }

    #[test]
    fn reassignments_only_for_a_given_argument() {
        assert!(only_when_given("if (typeof node === 'string')", "node"));
        assert!(only_when_given("  if (node instanceof Buffer)", "node"));
        assert!(only_when_given("if (Array.isArray(node))", "node"));
        assert!(!only_when_given("if (typeof node === 'undefined')", "node"));
        assert!(!only_when_given("if (!node)", "node"));
        assert!(!only_when_given("if (typeof node !== 'object')", "node"));
        assert!(!only_when_given(
            "if (a && typeof node === 'string')",
            "node"
        ));
    }
}

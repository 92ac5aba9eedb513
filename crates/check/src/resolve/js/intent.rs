//! What the code around a reference says its author expects, in
//! JavaScript/TypeScript: a `require` inside a `try` block is optional (the
//! `catch` handles its absence, as `debug` loads `supports-color`), and a
//! call inside an assertion that it throws (or, in tsd's type tests, that
//! it does not type-check) is meant to fail
//! (`assume(() => new Profiler()).throws(…)`, `expectError(f())`): its
//! arguments may be wrong on purpose, not its names.
//!
//! Owns reading that intent from the text around a byte offset; it knows
//! nothing of resolution and never decides a finding by itself.

/// How far back (in bytes) the enclosing blocks are looked for.
const REACH: usize = 20_000;

/// Whether the byte `at` of `text` lies inside a `try { … }` block (any
/// number of blocks out).
pub fn inside_try(text: &str, at: usize) -> bool {
    let at = at.min(text.len());
    let start = floor_char(text, at.saturating_sub(REACH));
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    for i in (start..at).rev() {
        match bytes[i] {
            b'}' => depth += 1,
            b'{' if depth > 0 => depth -= 1,
            b'{' => {
                let head = text[start..i].trim_end();
                if head.strip_suffix("try").is_some_and(|rest| {
                    !rest
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$')
                }) {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// Whether the call at byte `at` of `text` sits inside an assertion that
/// it fails: within the parentheses of `assert.throws(…)`,
/// `expect(() => …)`, tsd's `expectError(…)` and the like opened at most a
/// few lines before, or of a call that a few lines after is closed into
/// `.throws(…)`, `.toThrow()`, `.rejects`.
pub fn expects_failure(text: &str, at: usize) -> bool {
    const OPENERS: [&str; 8] = [
        "assert.throws(",
        "assert.rejects(",
        // referee (sinon's tests): `assert.exception(function () {…})`.
        "assert.exception(",
        "expect(() =>",
        "expect(function",
        "expect(async",
        // tsd's type tests: the expression must not type-check.
        "expectError(",
        // @hapi/code's type tests (hoek): `expect.error(Hoek.isPromise())`.
        "expect.error(",
    ];
    const CLOSERS: [&str; 6] = [
        ").throws(",
        ").toThrow",
        ").rejects",
        ").throw(",
        ").to.throw",
        // tstyche's type tests: `expect(f()).type.toRaiseError()`.
        ").type.toRaiseError(",
    ];
    const WINDOW: usize = 400;
    let at = at.min(text.len());
    let lo = floor_char(text, at.saturating_sub(WINDOW));
    let hi = floor_char(text, (at + WINDOW).min(text.len()));
    // The opener's `(` (the first of `s`) is still open at the end of `s`:
    // the depth never falls back to zero (`expect(() => a()).to.throw();
    // it('b', () => { f() })` closes it before `f`).
    let stays_open = |s: &str| {
        let mut d = 0i32;
        for c in s.chars() {
            match c {
                '(' => d += 1,
                ')' => {
                    d -= 1;
                    if d <= 0 {
                        return false;
                    }
                }
                _ => {}
            }
        }
        d > 0
    };
    // The closer's `)` (at `end` of `s`) is the first to close a paren
    // opened before `s`.
    let first_close = |s: &str, end: usize| {
        let mut d = 0i32;
        for (j, c) in s.char_indices() {
            match c {
                '(' => d += 1,
                ')' => {
                    d -= 1;
                    if d < 0 {
                        return j == end;
                    }
                }
                _ => {}
            }
        }
        false
    };
    let before = &text[lo..at];
    let opened = OPENERS.iter().any(|m| {
        before
            .rfind(m)
            .is_some_and(|i| stays_open(&before[i + m.find('(').unwrap_or(0)..]))
    });
    let after = &text[at..hi];
    let closed = CLOSERS
        .iter()
        .any(|m| after.find(m).is_some_and(|i| first_close(after, i)));
    opened || closed
}

/// The largest character boundary of `text` at or before byte `i`.
pub(super) fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_require_in_a_try_block_is_optional() {
        let text = "let c;\ntry {\n  c = require('supports-color');\n} catch (e) {}\nconst d = require('d');\n";
        assert!(inside_try(text, text.find("supports").unwrap()));
        assert!(!inside_try(text, text.find("'d'").unwrap()));
        let nested = "try {\n  if (x) {\n    require('a');\n  }\n} catch {}\nfunction entry() {\n  require('b');\n}\n";
        assert!(inside_try(nested, nested.find("'a'").unwrap()));
        assert!(!inside_try(nested, nested.find("'b'").unwrap()));
        let retry = "function retry() {\n  require('c');\n}\n";
        assert!(!inside_try(retry, retry.find("'c'").unwrap()));
    }

    #[test]
    fn a_long_file_of_other_scripts_cuts_on_a_character() {
        // The reach back cuts 20,000 bytes before the require: inside `é`.
        let mut text = String::from("é");
        text.push_str(&"x".repeat(REACH - 4));
        text.push_str("{\n require('a');\n}\n");
        let at = text.find("require").unwrap();
        assert!(!text.is_char_boundary(at - REACH));
        assert!(!inside_try(&text, at));
    }

    #[test]
    fn a_call_after_a_closed_assertion_expects_nothing() {
        // graphql-js: a helper asserting a throw, then a plain call of the
        // helper a few lines on (inside the next `it` callback).
        let text = "function expectNon(type) {\n  expect(() => assertInput(type)).to.throw();\n}\nit('x', () => {\n  expectNon();\n});\nit('y', () => {\n  expect(() => g()).to.throw();\n});\n";
        assert!(!expects_failure(text, text.find("expectNon();").unwrap()));
        assert!(expects_failure(text, text.find("g()").unwrap()));
        assert!(expects_failure(text, text.find("assertInput").unwrap()));
        let typed = "expect.type<boolean>(Hoek.isPromise(1));\nexpect.error(Hoek.isPromise());\n";
        assert!(expects_failure(typed, typed.find("isPromise()").unwrap()));
        assert!(!expects_failure(typed, typed.find("isPromise(1)").unwrap()));
    }

    #[test]
    fn calls_asserted_to_throw() {
        let text = "it('x', () => {\n  assume(function () {\n    new Profiler();\n  }).throws('Logger is required');\n  new Logger();\n  run();\n});\n";
        assert!(expects_failure(text, text.find("Profiler").unwrap()));
        assert!(!expects_failure(text, text.find("Logger(").unwrap()));
        assert!(!expects_failure(text, text.find("run").unwrap()));
        let e = "expect(() => f()).toThrow();\nassert.throws(() => {\n  g();\n});\nh();\n";
        assert!(expects_failure(e, e.find("f()").unwrap()));
        let referee = "assert.exception(function () {\n    proxyCall(1, 2);\n});\nproxyCall(3);\n";
        assert!(expects_failure(
            referee,
            referee.find("proxyCall(1").unwrap()
        ));
        assert!(!expects_failure(
            referee,
            referee.find("proxyCall(3").unwrap()
        ));
        assert!(expects_failure(e, e.find("g()").unwrap()));
        assert!(!expects_failure(e, e.find("h()").unwrap()));
    }
}

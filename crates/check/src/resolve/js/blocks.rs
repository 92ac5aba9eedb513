//! Where a position of JavaScript code sits among its blocks: the body of
//! the innermost function around it, whether a `{` opens a function body,
//! the word heading a parenthesised list (`if`, `for`, a function's name),
//! a function's parameter text.
//!
//! Owns only reading that structure from code whose literals are blanked
//! ([`super::lexical::blank_literals`]); what a block means is the callers'
//! business.

/// The byte range of the body of the innermost function (declaration,
/// expression, method or arrow) whose braces hold byte `at` of `code`
/// (literals blanked): the nearest `{` left open before `at` that follows a
/// parameter list or `=>`, up to its `}`.
pub(super) fn function_body_around(code: &str, at: usize) -> Option<(usize, usize)> {
    let bytes = code.as_bytes();
    let mut depth = 0usize;
    let mut i = at;
    while i > 0 {
        i -= 1;
        match bytes[i] {
            b'}' => depth += 1,
            b'{' if depth > 0 => depth -= 1,
            b'{' if opens_function_body(code, i) => {
                return Some((i, super::lexical::matching_close(code, i)?));
            }
            _ => {}
        }
    }
    None
}

/// Whether the `{` at `open` starts a function body: after `=>`, or after
/// a parameter list that no `if`/`for`/`while`/`switch`/`catch`/`with`
/// heads.
pub(super) fn opens_function_body(code: &str, open: usize) -> bool {
    let before = code[..open].trim_end();
    before.ends_with("=>")
        || paren_head(code, open).is_some_and(|w| {
            !w.is_empty() && !["if", "for", "while", "switch", "catch", "with"].contains(&w)
        })
}

/// The word before the parenthesised list that ends just before the `{` at
/// `open` (`function`, a function's name, `for`, `if`; empty when none),
/// or `None` when no `)` precedes the `{`.
pub(super) fn paren_head(code: &str, open: usize) -> Option<&str> {
    let before = code[..open].trim_end();
    let head = before[..list_open(before)?].trim_end();
    let word_start = head
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .map_or(0, |k| k + 1);
    Some(&head[word_start..])
}

/// Where the parenthesised list `text` ends with opens (`None` when `text`
/// does not end with `)`).
fn list_open(text: &str) -> Option<usize> {
    if !text.ends_with(')') {
        return None;
    }
    let bytes = text.as_bytes();
    let (mut depth, mut j) = (0usize, text.len());
    while j > 0 {
        j -= 1;
        match bytes[j] {
            b')' => depth += 1,
            b'(' => {
                depth -= 1;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => {}
        }
    }
    None
}

/// The parameter text of the function whose body opens at `open`: inside
/// the parentheses, or before `=>` (`k => {`).
pub(super) fn function_params(code: &str, open: usize) -> &str {
    let before = code[..open].trim_end();
    let before = before.strip_suffix("=>").map_or(before, str::trim_end);
    &before[params_start(code, open)..]
}

/// Where the parameter text of the function whose body opens at `open`
/// starts ([`function_params`]).
pub(super) fn params_start(code: &str, open: usize) -> usize {
    let before = code[..open].trim_end();
    let before = before.strip_suffix("=>").map_or(before, str::trim_end);
    list_open(before).unwrap_or_else(|| {
        before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
            .map_or(0, |k| k + 1)
    })
}

/// The conditions of the `if` statements whose braces hold byte `at` of
/// `code`, innermost first.
pub(super) fn if_conditions_around(code: &str, at: usize) -> Vec<&str> {
    let bytes = code.as_bytes();
    let (mut out, mut depth, mut i) = (Vec::new(), 0usize, at.min(bytes.len()));
    while i > 0 {
        i -= 1;
        match bytes[i] {
            b'}' => depth += 1,
            b'{' if depth > 0 => depth -= 1,
            b'{' if paren_head(code, i) == Some("if") => {
                let before = code[..i].trim_end();
                if let Some(open) = list_open(before) {
                    out.push(&before[open + 1..before.len() - 1]);
                }
            }
            _ => {}
        }
    }
    out
}

//! The lexical layer the text readers of this resolver share: where a
//! string literal, a regular expression or a comment of JavaScript text
//! ends, and the text with their insides blanked, so that readers counting
//! brackets or looking for `this[` see code only (pug's lexer is full of
//! `/^\(/`; postcss reads `/^\)]}'[^\n]*\n/`).
//!
//! Owns only those boundaries; what the code means is the callers'
//! business. It is no tokenizer: a `/` is read as a regular expression
//! after anything that cannot end a value.

/// The index of the quote closing the string literal that opens at byte
/// `open` of `text` (backslash escapes skipped).
pub(super) fn string_end(text: &str, open: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let quote = bytes[open];
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b if b == quote => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The index of the bracket closing the one (`(`, `[` or `{`) at byte
/// `open` of `text`, counting every kind of bracket (the text is code:
/// literals blanked, or known to hold no bracket in a string).
pub(super) fn matching_close(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0i32;
    for (j, c) in text[open..].char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + j);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether a `/` after `before` opens a regular expression rather than
/// dividing: nothing that ends a value comes before it.
fn starts_regex(before: &str) -> bool {
    let b = before.trim_end();
    b.is_empty()
        || b.ends_with([
            '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<',
            '>', '~', '^',
        ]) && !b.ends_with("++")
            && !b.ends_with("--")
        || ["return", "typeof", "case"]
            .iter()
            .any(|k| super::omission::ends_with_word(b, k))
}

/// The index of the `/` closing the regular expression that opens at byte
/// `open` of `text` (escapes and character classes skipped); `None` when
/// the line ends first.
fn regex_end(text: &str, open: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut i, mut class) = (open + 1, false);
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'\n' => return None,
            b'[' => class = true,
            b']' => class = false,
            b'/' if !class => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

/// [`blank_literals`] of the project file `file` (whose text is `text`),
/// made once per check.
pub(super) fn file_code(
    project: &crate::project::Project,
    file: &str,
    text: &str,
) -> std::rc::Rc<String> {
    project.memo(&format!("js-code:{file}"), || blank_literals(text))
}

/// `text` with the insides of its string literals, regular expressions and
/// comments turned to spaces (newlines and byte offsets kept; quotes and
/// slashes of literals stay). An unclosed literal blanks to the end.
pub(super) fn blank_literals(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for b in &mut out[from..to] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\'' | b'"' | b'`' => {
                let end = string_end(text, i).unwrap_or(bytes.len());
                blank(&mut out, i + 1, end);
                i = end;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                let end = text[i..].find('\n').map_or(bytes.len(), |k| i + k);
                blank(&mut out, i, end);
                i = end;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let end = text[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |k| i + 2 + k + 2);
                blank(&mut out, i, end);
                i = end;
                continue;
            }
            b'/' if starts_regex(&text[..i]) => {
                if let Some(end) = regex_end(text, i) {
                    blank(&mut out, i + 1, end);
                    i = end;
                }
            }
            _ => {}
        }
        i += 1;
    }
    // Only ASCII bytes were replaced, each whole character by spaces.
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_strings_regular_expressions_and_comments() {
        let code = "a = '}' + `{` // }\nb = /^\\)]}'[^\\n]*/.test(c) / 2 /* { */ ünits";
        let got = blank_literals(code);
        assert_eq!(got.len(), code.len());
        assert_eq!(
            got,
            "a = ' ' + ` `     \nb = /            /.test(c) / 2         ünits"
        );
        assert!(
            starts_regex("x = ")
                && starts_regex("return")
                && !starts_regex("a")
                && !starts_regex("f()")
        );
    }
}

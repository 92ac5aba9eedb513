//! Reading, from the text before a position, the call whose argument list
//! it is in: `f(a, ` → callee `f`, argument 1; `Object.assign(` → callee
//! `assign` on receiver `Object.`. Shared by the readers that ask what a
//! name is passed to (`omission.rs`, `openings.rs`).
//!
//! Owns only that text walk; what a call means is the callers' business.

/// The call an argument position is inside.
pub(super) struct EnclosingCall<'a> {
    /// The text before the callee's name, trimmed: ends with `.` for a
    /// member call (`this.`, `Object.`), with `)` for a call of a call's
    /// result (`mixin(a)(`).
    pub receiver: &'a str,
    /// The callee's name (empty for a call of a call's result).
    pub callee: &'a str,
    /// Which argument follows `before` (0 for the first).
    pub index: usize,
}

/// The calls `text` hands `name` to as a whole argument (`f(a, name)`;
/// not `f(name.x)` nor `f(name + 1)`).
pub(super) fn calls_given<'a>(
    text: &'a str,
    name: &'a str,
) -> impl Iterator<Item = EnclosingCall<'a>> + 'a {
    crate::resolve::word_positions(text, name).filter_map(move |i| {
        let before = text[..i].trim_end();
        let after = text[i + name.len()..].trim_start();
        if !(before.ends_with(['(', ',']) && after.starts_with([')', ','])) {
            return None;
        }
        enclosing_call(before)
    })
}

/// The call whose argument list `before` ends inside (`f(a, ` or `f(`):
/// `None` when the innermost open bracket is no call's `(` (an array, an
/// object, a block), or the `(` follows a keyword (`if (`, `typeof (`).
pub(super) fn enclosing_call(before: &str) -> Option<EnclosingCall<'_>> {
    let (mut depth, mut commas) = (0i32, 0usize);
    for (j, c) in before.char_indices().rev() {
        match c {
            ')' | ']' | '}' => depth += 1,
            '(' | '[' | '{' if depth > 0 => depth -= 1,
            '(' => {
                let head = before[..j].trim_end();
                // Just past the last character that cannot be in a name (a
                // multi-byte one, `“f(`, included).
                let start = head
                    .char_indices()
                    .rfind(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == '$'))
                    .map_or(0, |(k, c)| k + c.len_utf8());
                let callee = &head[start..];
                let keyword = matches!(
                    callee,
                    "if" | "while"
                        | "for"
                        | "switch"
                        | "catch"
                        | "function"
                        | "return"
                        | "typeof"
                        | "await"
                );
                return (!keyword).then(|| EnclosingCall {
                    receiver: head[..start].trim_end(),
                    callee,
                    index: commas,
                });
            }
            '[' | '{' | ';' => return None,
            ',' if depth == 0 => commas += 1,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_call_and_the_argument_index() {
        let c = enclosing_call("return this.scale(a, [1, 2], ").unwrap();
        assert_eq!(
            (c.receiver, c.callee, c.index),
            ("return this.", "scale", 2)
        );
        let c = enclosing_call("Object.assign(").unwrap();
        assert_eq!((c.receiver, c.callee, c.index), ("Object.", "assign", 0));
        let c = enclosing_call("mixin(a)(").unwrap();
        assert_eq!((c.receiver, c.callee), ("mixin(a)", ""));
        assert!(enclosing_call("if (").is_none());
        assert!(enclosing_call("const xs = [a, ").is_none());
        assert!(enclosing_call("f(a); g").is_none());
        // A name after a multi-byte character is still read whole.
        let c = enclosing_call("see “parse(").unwrap();
        assert_eq!((c.receiver, c.callee), ("see “", "parse"));
    }
}

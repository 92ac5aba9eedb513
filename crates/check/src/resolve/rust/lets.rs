//! Finding the `let` that binds a variable in the text of a function
//! before a use: the only one, the one whose block is still open, one
//! whose statement is unfinished, or any. Reads text only; what the `let`
//! gives is `values`' and `std_values`'.

/// Offsets of every `let [mut] var` in `text`, in order.
fn lets_of<'t>(text: &'t str, var: &'t str) -> impl Iterator<Item = usize> + 't {
    text.match_indices("let ").filter_map(move |(i, _)| {
        if i > 0 && is_word(text.as_bytes()[i - 1]) {
            return None;
        }
        let rest = text[i + 4..].trim_start();
        let rest = rest.strip_prefix("mut ").unwrap_or(rest).trim_start();
        (rest.starts_with(var) && rest.as_bytes().get(var.len()).is_none_or(|b| !is_word(*b)))
            .then_some(i)
    })
}

/// The one item of `it`, if it has exactly one.
fn exactly_one(mut it: impl Iterator<Item = usize>) -> Option<usize> {
    let one = it.next()?;
    it.next().is_none().then_some(one)
}

/// Offset of the `let [mut] var` in `text`, when there is exactly one.
pub(super) fn only_let(text: &str, var: &str) -> Option<usize> {
    exactly_one(lets_of(text, var))
}

/// Offset of the last `let [mut] var` in `text`.
#[cfg(test)]
fn last_let(text: &str, var: &str) -> Option<usize> {
    lets_of(text, var).last()
}

/// The last `let [mut] var` of `text` whose block is still open at the end
/// of `text` (the call), when exactly one such `let` exists: lets in
/// blocks closed before the call do not bind it.
pub(super) fn open_let(text: &str, var: &str) -> Option<usize> {
    exactly_one(lets_of(text, var).filter(|&i| block_open(&text[i..])))
}

/// The last `let [mut] var` of `text` whose block is still open at the end
/// of `text`: of several such lets, the last shadows the others.
pub(super) fn last_open_let(text: &str, var: &str) -> Option<usize> {
    lets_of(text, var)
        .filter(|&i| block_open(&text[i..]))
        .last()
}

/// Whether a `let` with a pattern (`let Some(t) = t.as_ref() else {..}`,
/// `let (a, t) = ..`) binds `var` in `text` (which starts at a `let` of
/// `var`) after that first `let`, in a block still open at its end.
pub(super) fn pattern_let_rebinds(text: &str, var: &str) -> bool {
    text.match_indices("let ").skip(1).any(|(i, _)| {
        if i > 0 && is_word(text.as_bytes()[i - 1]) {
            return false;
        }
        let rest = &text[i + 4..];
        let pattern = &rest[..rest.find(['=', ';']).unwrap_or(rest.len())];
        pattern
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .any(|w| w == var)
            && block_open(&text[i..])
    })
}

/// Whether no brace closes the block `from` starts in.
fn block_open(from: &str) -> bool {
    let mut depth = 0i32;
    for b in from.bytes() {
        match b {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    true
}

/// Whether any `let [mut] var` occurs in `text`.
pub(super) fn last_let_any(text: &str, var: &str) -> bool {
    lets_of(text, var).next().is_some()
}

/// Offset of a `let [mut] var` whose statement is still unfinished at the
/// end of `text`: the use being checked is in its own initializer
/// (`let path = path.into();`), where `var` is still the earlier binding.
pub(super) fn pending_let(text: &str, var: &str) -> Option<usize> {
    let at = lets_of(text, var).last()?;
    let mut depth = 0i32;
    for b in text[at..].bytes() {
        match b {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b';' if depth <= 0 => return None,
            _ => {}
        }
    }
    Some(at)
}

/// What a `let` statement says of its value's type.
pub(super) enum LetSays<'t> {
    /// `let x: T = ..`: the written `T`.
    Annotated(&'t str),
    /// `let x = <init>;`: the initializer, from its first token.
    Init(&'t str),
}

/// Reads a `let` statement (`stmt` starts at its `let`); `None` for
/// patterns and `let x;`.
pub(super) fn let_says(stmt: &str) -> Option<LetSays<'_>> {
    let stmt = stmt.strip_prefix("let ")?;
    let eq = stmt.find(['=', ';', ':'])?;
    if stmt.as_bytes()[eq] == b':' {
        let ty = &stmt[eq + 1..];
        let end = ty.find(['=', ';'])?;
        return Some(LetSays::Annotated(&ty[..end]));
    }
    if stmt.as_bytes()[eq] != b'=' || stmt[eq + 1..].starts_with('=') {
        return None;
    }
    Some(LetSays::Init(stmt[eq + 1..].trim_start()))
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_let_skips_lets_of_closed_blocks() {
        let t = "{ let d: A = x; } { let mut d: B = y; d.f(); ";
        assert_eq!(open_let(t, "d"), Some(20));
        assert_eq!(open_let("let d = 1; let d = 2; ", "d"), None);
        assert_eq!(last_open_let("let d = 1; let d = 2; ", "d"), Some(11));
        assert_eq!(last_open_let("let d = 1; { let d = 2; } ", "d"), Some(0));
    }

    #[test]
    fn patterns_of_later_lets_rebind() {
        assert!(pattern_let_rebinds(
            "let t = f(); let Some(t) = t.as_ref() else { return }; ",
            "t"
        ));
        assert!(!pattern_let_rebinds(
            "let t = f(); { let (a, t) = g(); } ",
            "t"
        ));
        assert!(!pattern_let_rebinds("let t = f(); let tt = 1; ", "t"));
    }

    #[test]
    fn only_let_needs_a_single_binding() {
        assert_eq!(only_let("let a = 1; let a = 2;", "a"), None);
        assert_eq!(only_let("let mut ab = 2; let a = 3;", "a"), Some(16));
        assert!(last_let_any("let mut ab = 2;", "ab"));
    }

    #[test]
    fn last_let_finds_the_nearest_binding() {
        let t = "let a = 1; let mut ab = 2; let a = X::new();";
        assert_eq!(last_let(t, "a"), Some(27));
        assert_eq!(last_let(t, "ab"), Some(11));
        assert_eq!(last_let(t, "b"), None);
    }

    #[test]
    fn pending_let_is_the_statement_still_open() {
        assert_eq!(pending_let("let path = path", "path"), Some(0));
        assert_eq!(
            pending_let("let p = 1; let path = f(|x| { x; }, path", "path"),
            Some(11)
        );
        assert_eq!(pending_let("let path = path.into(); path", "path"), None);
        assert_eq!(pending_let("let path2 = ", "path"), None);
    }
}

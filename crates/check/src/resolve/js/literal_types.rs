//! Values a declarations file types inline: `declare const is: typeof
//! detect & { undefined: …; string(value: unknown): … };` (`@sindresorhus/is`)
//! or what `tsc` emits for `export default { a, b }` (`declare const
//! _default: { a: typeof a; b(): void; }`). The object type literals list
//! the value's members; a `typeof f` of a function of the file adds
//! Function's. Any other part (a named type, a union, an index signature)
//! leaves the value unread.
//!
//! Owns reading such a type's text; what a qualifier denotes is
//! [`super::qualified`]'s question.

use plumb_facts::{DefKind, Definition, Reference};

use super::members::{FUNCTION_MEMBERS, OBJECT_MEMBERS};
use super::modules::{declarations_bind, is_declarations};
use crate::resolve::{FileCtx, Outcome};

/// `q.m()` where `q` is the constant `d` of the declarations file `file`
/// typed inline; `None` when its type is not wholly such literals.
pub(super) fn declared_value_member(
    ctx: &FileCtx,
    r: &Reference,
    file: &str,
    d: &Definition,
    q: &str,
) -> Option<Vec<Outcome>> {
    if !is_declarations(file) || !declarations_bind(ctx.path, file) {
        return None;
    }
    let rc = ctx.project.facts_of(file)?;
    let (text, facts) = (&rc.0, &rc.1);
    let after = text.get(d.name_span.end_byte as usize..)?.trim_start();
    let ty = type_text(after.strip_prefix(':')?)?;
    let mut keys: Vec<String> = Vec::new();
    let mut callable = false;
    for part in split_top(ty, |_, c| c == '&', |_| false)? {
        let part = part.trim();
        if let Some(f) = part.strip_prefix("typeof ") {
            let f = f.trim();
            let is_fn = facts
                .definitions
                .iter()
                .any(|x| x.name == f && x.container.is_none() && x.kind == DefKind::Function);
            if !is_fn {
                return None;
            }
            callable = true;
        } else if part.starts_with('{') && part.ends_with('}') {
            keys.extend(literal_keys(&part[1..part.len() - 1])?);
        } else {
            return None;
        }
    }
    let name = r.name.as_str();
    if keys.iter().any(|k| k == name)
        || OBJECT_MEMBERS.contains(&name)
        || callable && FUNCTION_MEMBERS.contains(&name)
    {
        return Some(vec![Outcome::Resolved]);
    }
    let pool: Vec<(String, String, u32)> = keys
        .into_iter()
        .map(|k| (k, file.to_string(), d.name_span.start_line))
        .collect();
    Some(super::qualified::no_member(
        ctx,
        r,
        q,
        format!(
            "{q} is {}'s `{}` of {file}, typed inline: its type lists no '{name}'",
            d.name, d.name
        ),
        &pool,
        0.75,
    ))
}

/// The type after `name:` up to the end of the declaration (`;`, `=` or
/// a line break outside brackets); `None` when its brackets do not balance.
pub(super) fn type_text(s: &str) -> Option<&str> {
    // `s` runs to the end of the file: stop at the first piece that says
    // something (the type may start on the next line).
    let end =
        |rest: &str, c: char| matches!(c, ';' | '\n') || c == '=' && !rest[1..].starts_with('>');
    let first = |out: &[&str]| out.last().is_some_and(|p| !p.trim().is_empty());
    let pieces = split_top(s, end, first)?;
    pieces.into_iter().map(str::trim).find(|p| !p.is_empty())
}

/// `s` split where `at(rest, c)` holds for a character `c` (with `rest`
/// the text from it) outside brackets, until `done(pieces so far)`; `None`
/// when the brackets do not balance before that. The `>` of an arrow
/// (`=>`) closes nothing.
pub(super) fn split_top<'s>(
    s: &'s str,
    at: impl Fn(&str, char) -> bool,
    done: impl Fn(&[&'s str]) -> bool,
) -> Option<Vec<&'s str>> {
    let (mut out, mut depth, mut start) = (Vec::new(), 0i32, 0);
    let mut prev = ' ';
    for (i, c) in s.char_indices() {
        match c {
            '{' | '(' | '[' | '<' => depth += 1,
            '}' | ')' | ']' => depth -= 1,
            '>' if prev != '=' => depth -= 1,
            _ if depth == 0 && at(&s[i..], c) => {
                out.push(&s[start..i]);
                start = i + c.len_utf8();
                if done(&out) {
                    return Some(out);
                }
            }
            _ => {}
        }
        if depth < 0 {
            return None;
        }
        prev = c;
    }
    out.push(&s[start..]);
    (depth == 0).then_some(out)
}

/// The member names of an object type literal's body; `None` for an index
/// signature, a computed key or a member this reader cannot name.
pub(super) fn literal_keys(body: &str) -> Option<Vec<String>> {
    let code = super::members::strip_comments(body);
    let mut keys = Vec::new();
    for member in split_top(&code, |_, c| matches!(c, ';' | ',' | '\n'), |_| false)? {
        let m = member.trim();
        if m.is_empty() {
            continue;
        }
        let m = m.strip_prefix("readonly ").unwrap_or(m).trim_start();
        if m.starts_with('[') || m.starts_with('(') || m.starts_with("new ") {
            return None;
        }
        let (key, rest) = match m.strip_prefix(['\'', '"']) {
            Some(quoted) => {
                let end = quoted.find(['\'', '"'])?;
                (&quoted[..end], &quoted[end + 1..])
            }
            None => {
                let end = m
                    .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                    .unwrap_or(m.len());
                (&m[..end], &m[end..])
            }
        };
        if key.is_empty() || !rest.trim_start().starts_with([':', '?', '(', '<']) {
            return None;
        }
        keys.push(key.to_string());
    }
    Some(keys)
}

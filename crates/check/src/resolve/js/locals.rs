//! Members of a local object the function builds itself: `const self = {}
//! as UsageInstance;` then `self.help = function …` (yargs' usage and
//! validation), or `const api = { get() {…} }`. Its members are the
//! literal's keys and the `self.k = …` the function writes after the
//! declaration; a call of any other member is a slip.
//!
//! Owns reading that declaration and those writes from the text; nothing
//! is decided when the object can get members another way (a computed
//! write, `Object.assign(self, …)`, being passed to a function, a spread).

use plumb_facts::Reference;

use super::openings::{literal_keys, symbols};
use super::qualified::no_member;
use crate::resolve::{FileCtx, Outcome, word_positions};

/// `q.m()` where `q` is a local `const q = {…}` (optionally `as T`):
/// `None` when that is not what `q` is, or the object is open.
pub(super) fn local_object_member(ctx: &FileCtx, r: &Reference, q: &str) -> Option<Vec<Outcome>> {
    let text = ctx.text;
    // The innermost binding of `q` around the call, read once per check
    // (a large function makes many calls on one local).
    let binding = crate::resolve::scope::innermost_binding(ctx.facts, q, &r.span)?;
    let key = format!(
        "js-local-object:{}:{}:{}:{q}",
        ctx.path, binding.scope.start_byte, binding.scope.end_byte
    );
    let scope = binding.scope;
    let object = ctx.project.memo(&key, || local_object(ctx, &scope, q));
    let (members, asserted) = object.as_ref().as_ref()?;
    let (members, asserted) = (members, *asserted);
    if members.iter().any(|m| m == &r.name)
        || super::members::OBJECT_MEMBERS.contains(&r.name.as_str())
        || super::this::tests_member(text, q, &r.name)
        // A member the asserted type may declare: any name the project
        // defines or the file mentions again.
        || asserted
            && (ctx.project.name_defined(&r.name) || word_positions(text, &r.name).count() > 1)
    {
        return Some(vec![Outcome::Resolved]);
    }
    let pool: Vec<(String, String, u32)> = members
        .iter()
        .map(|m| (m.clone(), ctx.path.to_string(), 0))
        .collect();
    Some(no_member(
        ctx,
        r,
        q,
        format!(
            "the local object {q}: its literal's keys and the members the function assigns to it: no '{}'",
            r.name
        ),
        &pool,
        0.75,
    ))
}

/// The keys a local `q` declared as an object literal in the scope `span`
/// has (its literal's keys, what its methods assign to `this`, what the
/// scope assigns to it) and whether a type assertion follows the literal;
/// `None` when it is declared otherwise or used in a way that may add
/// members no text names.
fn local_object(ctx: &FileCtx, span: &plumb_facts::Span, q: &str) -> Option<(Vec<String>, bool)> {
    let text = ctx.text;
    let scope = text.get(span.start_byte as usize..span.end_byte as usize)?;
    let declared = |i: usize| {
        let before = scope[..i].trim_end();
        ["const", "let", "var"]
            .iter()
            .any(|k| super::omission::ends_with_word(before, k))
    };
    let mut decls = word_positions(scope, q).filter(|&i| declared(i));
    let (Some(decl), None) = (decls.next(), decls.next()) else {
        return None;
    };
    let init = scope[decl + q.len()..].trim_start();
    let init = init.strip_prefix('=')?.trim_start();
    if !init.starts_with('{') {
        return None;
    }
    let syms = symbols(ctx.project, ctx.path, text);
    let (mut members, end) = literal_keys(&syms, init)?;
    // Its methods' `this.k = …` add k (log4js's test double `{ end(cb) {
    // this.endCb = cb; } }`, then `fakeConnection.endCb()`).
    let literal = &init[..end];
    members.extend(
        word_positions(literal, "this")
            .filter_map(|i| super::qualified::assigned_member(&literal[i + "this".len()..]))
            .map(str::to_string),
    );
    // What follows the literal: the end of the statement, or a type
    // assertion (`{} as UsageInstance`), whose type may declare members
    // the code never assigns.
    let after = init[end..].trim_start();
    let asserted = after.starts_with("as ");
    let after = if asserted {
        after.trim_start_matches(|c: char| c.is_alphanumeric() || "_$.<>, ".contains(c))
    } else {
        after
    };
    if !(after.starts_with(';') || after.starts_with('\n') || after.is_empty()) {
        return None;
    }
    // Every other use in the scope: a member read or write (`q.k = …`
    // adds k), or `return q`; any other (passed on, stored, reassigned,
    // spread, indexed) may give it members no text names.
    for i in word_positions(scope, q) {
        if i == decl {
            continue;
        }
        let before = scope[..i].trim_end();
        let rest = &scope[i + q.len()..];
        if before.ends_with('.') {
            continue;
        }
        if let Some(member) = rest.strip_prefix('.').or_else(|| rest.strip_prefix("?.")) {
            let name: String = member
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
                .collect();
            let tail = member[name.len()..].trim_start();
            if tail.starts_with('=') && !tail.starts_with("==") && !tail.starts_with("=>") {
                members.push(name);
            }
            continue;
        }
        let returned = super::omission::ends_with_word(before, "return")
            && rest.trim_start().starts_with([';', '\n', '}']);
        if !returned {
            return None;
        }
    }
    Some((members, asserted))
}

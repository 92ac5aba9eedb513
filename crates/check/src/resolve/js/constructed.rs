//! Values a module binds to an instance of a project class: `const x = new
//! C(…)`, or `const x = C.make(…)` of a static method whose every `return`
//! makes one (`return new C(…)`, `return new this(…)`, or another such
//! static method's result: node-redis's `TestUtils.createDefault()`).
//! Member calls on such a value are the class's instance members.
//!
//! Owns reading the declaration and the static methods' returns from the
//! text; the members themselves are [`super::members`]' business.

use plumb_facts::{DefKind, Definition, Reference};

use super::members::{class_member, find_class};
use super::qualified::member_outcome;
use super::{FileCtx, Outcome};
use crate::project::Project;

/// `q.m()` where `q` is the constant `d` of `file` holding an instance of a
/// project class; `None` when its value is anything else.
pub(super) fn constructed_value_member(
    ctx: &FileCtx,
    r: &Reference,
    file: &str,
    d: &Definition,
    q: &str,
) -> Option<Vec<Outcome>> {
    // Asked on every member call of the value: read once per binding.
    let key = format!("js-constructed:{file}:{}:{}", d.name, d.span.start_byte);
    let instance = ctx.project.memo(&key, || instance_of(ctx.project, file, d));
    let instance = (*instance).as_ref()?;
    if instance.written.contains(&r.name) {
        return None;
    }
    let found = class_member(ctx.project, &instance.file, &instance.class, &r.name, false);
    Some(member_outcome(ctx, r, found, q))
}

/// The class whose instance a constant holds, and the keys its module
/// writes onto the value by name (`x.extra = …`).
struct Instance {
    file: String,
    class: Definition,
    written: Vec<String>,
}

/// [`Instance`] of the constant `d` of `file`; `None` when its value is no
/// instance of a project class or the module writes it by a computed key.
fn instance_of(project: &Project, file: &str, d: &Definition) -> Option<Instance> {
    let value = d.signature.as_deref()?.split_once('=')?.1.trim_start();
    let (class_name, method) = match value.strip_prefix("new ") {
        Some(rest) => (ident(rest.trim_start()), None),
        None => {
            let c = ident(value);
            let m = ident(value[c.len()..].strip_prefix('.')?);
            if !value[c.len() + 1 + m.len()..].starts_with('(') {
                return None;
            }
            (c, Some(m))
        }
    };
    if class_name.is_empty() {
        return None;
    }
    let (cfile, class) = find_class(project, file, class_name)?;
    if let Some(m) = method
        && !returns_instance(project, &cfile, &class, m, 0)
    {
        return None;
    }
    let rc = project.facts_of(file)?;
    let text = &rc.0;
    let mut written = Vec::new();
    for i in crate::resolve::word_positions(text, &d.name) {
        let after = &text[i + d.name.len()..];
        if after.starts_with('[') {
            return None;
        }
        if let Some(k) = super::qualified::assigned_member(after) {
            written.push(k.to_string());
        }
    }
    Some(Instance {
        file: cfile,
        class,
        written,
    })
}

/// The identifier `s` starts with.
fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(s.len());
    &s[..end]
}

/// Whether every `return` of the static method `m` of `class` (in `file`)
/// makes an instance of it, `depth` calls deep.
fn returns_instance(
    project: &Project,
    file: &str,
    class: &Definition,
    m: &str,
    depth: u32,
) -> bool {
    if depth > 2 {
        return false;
    }
    let Some(rc) = project.facts_of(file) else {
        return false;
    };
    let (text, facts) = (&rc.0, &rc.1);
    let Some(def) = facts.definitions.iter().find(|x| {
        x.name == m
            && x.kind == DefKind::Method
            && x.container.as_deref() == Some(class.name.as_str())
            && class.span.contains(&x.span)
    }) else {
        return false;
    };
    let body = text
        .get(def.span.start_byte as usize..def.span.end_byte as usize)
        .unwrap_or("");
    let code = super::lexical::blank_literals(body);
    let mut returns = crate::resolve::word_positions(&code, "return").peekable();
    if returns.peek().is_none() {
        return false;
    }
    returns.all(|i| {
        let value = code[i + "return".len()..].trim_start();
        if let Some(rest) = value.strip_prefix("new ") {
            let c = ident(rest.trim_start());
            return c == class.name || c == "this";
        }
        let c = ident(value);
        let Some(after) = value[c.len()..].strip_prefix('.') else {
            return false;
        };
        let m2 = ident(after);
        (c == class.name || c == "this")
            && after[m2.len()..].starts_with('(')
            && returns_instance(project, file, class, m2, depth + 1)
    })
}

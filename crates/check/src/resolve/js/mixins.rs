//! Objects of methods mixed into prototypes, as Backbone-era code composes
//! them (Marionette's `_.extend(CollectionView.prototype, ViewMixin)` with
//! `const ViewMixin = {…}; _.extend(ViewMixin, CommonMixin, UIMixin)`,
//! each mixin a module's default export): the keys such an object ends up
//! with, across modules.
//!
//! Owns reading those keys from the text; `None` wherever an object may
//! gain keys the text does not name (a computed key, a spread, a call that
//! may write to it, a source it cannot read). What the keys mean for a
//! class is [`super::openings`]' business.

use super::modules::resolve_spec;
use super::openings::{Symbols, literal_keys};
use crate::project::Project;

/// How deep mixins may be made of other mixins.
const MAX_DEPTH: u32 = 4;

/// The calls that copy their later arguments' keys into their first
/// (`_.extend`, `Object.assign`, `$.extend`, `_.assign`, `_.defaults`).
pub(super) fn copies_into_first(callee: &str) -> bool {
    matches!(callee, "extend" | "assign" | "defaults")
}

/// The arguments after the first of the call whose first argument ends
/// at `after` (just past it), as text; `None` when the list does not close.
pub(super) fn later_arguments(after: &str) -> Option<Vec<&str>> {
    let rest = after.trim_start();
    let rest = rest.strip_prefix(',')?;
    let code = super::lexical::blank_literals(rest);
    let (mut depth, mut start, mut out) = (0i32, 0usize, Vec::new());
    for (i, c) in code.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' if depth == 0 => {
                out.push(rest[start..i].trim());
                return Some(out);
            }
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(rest[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    None
}

/// The keys the mixin source `arg` (an object literal or the name of a
/// mixin object of `file`) gives; `None` when they cannot be read.
pub(super) fn source_keys(
    project: &Project,
    file: &str,
    text: &str,
    syms: &Symbols,
    arg: &str,
    depth: u32,
) -> Option<Mixed> {
    if arg.starts_with('{') {
        return Some(Mixed::known(literal_keys(syms, arg)?.0));
    }
    if depth > MAX_DEPTH {
        return None;
    }
    // `Backbone.Events` of a package the project does not hold: members
    // no text here names, as an unseen base has.
    if let Some((root, _)) = arg.split_once('.') {
        let facts = project.facts_of(file)?;
        return super::members::package_binding(project, file, &facts.1, root).then(|| Mixed {
            keys: Vec::new(),
            package: true,
        });
    }
    let plain = !arg.is_empty()
        && arg
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$');
    if !plain {
        return None;
    }
    object_keys(project, file, text, syms, arg, depth)
}

/// The keys a mixin object has, and whether a package's object (whose
/// members no text here names) was copied into it too.
#[derive(Clone, Debug, Default)]
pub(super) struct Mixed {
    pub keys: Vec<String>,
    pub package: bool,
}

impl Mixed {
    fn known(keys: Vec<String>) -> Mixed {
        Mixed {
            keys,
            package: false,
        }
    }

    fn add(&mut self, other: Mixed) {
        self.keys.extend(other.keys);
        self.package |= other.package;
    }
}

/// The keys of the object `name` is bound to in `file`: an object literal
/// it declares (with what it copies into it from other mixins and assigns
/// by name), or the default export or `module.exports` of the project
/// module it imports it from.
fn object_keys(
    project: &Project,
    file: &str,
    text: &str,
    syms: &Symbols,
    name: &str,
    depth: u32,
) -> Option<Mixed> {
    if let Some(rc) = project.facts_of(file) {
        for imp in &rc.1.imports {
            let whole = imp.alias.as_deref() == Some(name)
                || imp
                    .names
                    .iter()
                    .any(|n| n.name == "default" && n.alias.as_deref().unwrap_or(&n.name) == name);
            if !whole {
                continue;
            }
            let target = resolve_spec(project, file, &imp.module)?;
            let trc = project.facts_of(&target)?;
            let ttext = &trc.0;
            let tsyms = super::openings::plain_symbols(project, &target, ttext);
            return exported_object_keys(project, &target, ttext, &tsyms, depth + 1);
        }
    }
    let code = syms.code();
    let (mut keys, mut declared) = (Mixed::default(), false);
    for i in crate::resolve::word_positions(code, name) {
        let before = code[..i].trim_end();
        let after = &text[i + name.len()..];
        if ["const", "let", "var"]
            .iter()
            .any(|k| super::omission::ends_with_word(before, k))
        {
            let value = after.trim_start().strip_prefix('=')?.trim_start();
            if declared || !value.starts_with('{') {
                return None;
            }
            declared = true;
            keys.keys.extend(literal_keys(syms, value)?.0);
            continue;
        }
        if before.ends_with('.') {
            continue;
        }
        if after.starts_with('[') {
            return None;
        }
        if let Some(k) = super::qualified::assigned_member(after) {
            keys.keys.push(k.to_string());
            continue;
        }
        // Copied into: `_.extend(name, A, B)`; any other call given it
        // first may write to it.
        if before.ends_with('(') {
            let call = super::calltext::enclosing_call(before)?;
            if !copies_into_first(call.callee) {
                return None;
            }
            for arg in later_arguments(after)? {
                keys.add(source_keys(project, file, text, syms, arg, depth + 1)?);
            }
        }
    }
    declared.then_some(keys)
}

/// The keys of the object `file` exports whole: `export default {…}`,
/// `export default name`, `module.exports = {…}` or `module.exports =
/// name`.
fn exported_object_keys(
    project: &Project,
    file: &str,
    text: &str,
    syms: &Symbols,
    depth: u32,
) -> Option<Mixed> {
    let code = syms.code();
    let value = ["export default", "module.exports ="]
        .iter()
        .find_map(|p| code.find(p).map(|i| text[i + p.len()..].trim_start()))?;
    if value.starts_with('{') {
        return Some(Mixed::known(literal_keys(syms, value)?.0));
    }
    let end = value
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(value.len());
    if end == 0 || !value[end..].trim_start().starts_with([';', '\n']) && !value[end..].is_empty() {
        return None;
    }
    source_keys(project, file, text, syms, &value[..end], depth)
}

/// The keys of every mixin object `file` copies into a prototype by name
/// (`_.extend(C.prototype, ViewMixin)`): name -> keys, for those it can
/// read. Read once per file.
pub(super) fn prototype_mixins(
    project: &Project,
    file: &str,
    text: &str,
) -> std::rc::Rc<std::collections::HashMap<String, Mixed>> {
    project.memo(&format!("js-prototype-mixins:{file}"), || {
        let mut out = std::collections::HashMap::new();
        if !text.contains(".prototype") {
            return out;
        }
        let syms = super::openings::plain_symbols(project, file, text);
        let code = syms.code();
        for (i, m) in code.match_indices(".prototype") {
            let after = &text[i + m.len()..];
            let start = code[..i]
                .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$' || c == '.'))
                .map_or(0, |k| k + 1);
            let before = code[..start].trim_end();
            let copied = before.ends_with('(')
                && super::calltext::enclosing_call(before)
                    .is_some_and(|c| copies_into_first(c.callee) && c.index == 0);
            if !copied {
                continue;
            }
            for arg in later_arguments(after).unwrap_or_default() {
                let plain = !arg.starts_with('{') && !out.contains_key(arg);
                if plain && let Some(keys) = source_keys(project, file, text, &syms, arg, 0) {
                    out.insert(arg.to_string(), keys);
                }
            }
        }
        out
    })
}

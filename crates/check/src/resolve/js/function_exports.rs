//! The members of a CommonJS module whose value is a function
//! (`module.exports = picomatch`): the keys the module writes onto it
//! (`picomatch.scan = …`, `module.exports.k = …`, `exports.k = …` once
//! `exports = module.exports`), and what `Object.assign(picomatch,
//! require('./lib/picomatch'))` copies onto it from other project modules.
//!
//! Owns that reading from the module's text; which module a call reaches
//! is [`super::qualified`]'s business.

use super::modules::{Export, find_export, resolve_spec};
use crate::project::Project;

/// Whether a module's value has a member, as far as the text shows.
pub(super) enum Has {
    Yes,
    /// Missing; the members it has, for suggestions.
    No(Vec<(String, String, u32)>),
    Unknown,
}

/// The keys the text of `file` writes onto its exported function `x`.
pub(super) fn written_keys(text: &str, x: &str, file: &str) -> Vec<(String, String, u32)> {
    // `exports = module.exports = session;` makes `exports.Store = …` a key
    // of the function too.
    let rebound =
        text.contains("exports = module.exports") || text.contains("module.exports = exports");
    let bare_exports = crate::resolve::word_positions(text, "exports")
        .filter(|&i| rebound && !text[..i].ends_with('.'))
        .map(|i| i + "exports".len());
    let ends: Vec<usize> = crate::resolve::word_positions(text, x)
        .map(|i| i + x.len())
        .chain(
            text.match_indices("module.exports")
                .map(|(i, m)| i + m.len()),
        )
        .chain(bare_exports)
        .collect();
    // `x[method] = …` over a literal list of names (needle).
    let looped = ends
        .iter()
        .filter_map(|&end| super::openings::looped_key(text, end, &text[end..]))
        .flatten();
    ends.iter()
        .filter_map(|&end| super::qualified::assigned_member(&text[end..]).map(str::to_string))
        .chain(looped)
        .map(|n| (n, file.to_string(), 0))
        .collect()
}

/// The project modules `Object.assign(x, a, require('./b'))` copies onto
/// `x` in `file` (`a` a name the file requires); `Some(empty)` when the
/// text copies nothing, `None` when a source is anything else.
pub(super) fn copied_modules(
    project: &Project,
    file: &str,
    text: &str,
    x: &str,
) -> Option<Vec<String>> {
    let pat = format!("assign({x},");
    let mut out = Vec::new();
    for (i, _) in text.match_indices(&pat) {
        if !text[..i].ends_with("Object.") {
            return None;
        }
        let open = i + "assign".len();
        let close = super::lexical::matching_close(text, open)?;
        let args =
            super::literal_types::split_top(&text[open + 1..close], |_, c| c == ',', |_| false)?;
        for a in args.iter().skip(1).map(|a| a.trim()) {
            let spec = match a.strip_prefix("require(").and_then(|r| r.strip_suffix(')')) {
                Some(q) => q.trim_matches(['\'', '"']).to_string(),
                None => {
                    project
                        .imports_of(file)
                        .into_iter()
                        .find(|imp| imp.alias.as_deref() == Some(a))?
                        .module
                }
            };
            out.push(resolve_spec(project, file, &spec)?);
        }
    }
    Some(out)
}

/// Member `name` of the value the project module `file` exports, when that
/// is a function (its written keys and what it copies, `depth` modules
/// deep) or anything [`find_export`] reads.
pub(super) fn member_of_module(project: &Project, file: &str, name: &str, depth: u32) -> Has {
    if depth > super::modules::MAX_CHAIN {
        return Has::Unknown;
    }
    let Some(rc) = project.facts_of(file) else {
        return Has::Unknown;
    };
    let text = &rc.0;
    if let Some(d) = super::qualified::module_exports_value(project, file)
        && d.kind == plumb_facts::DefKind::Function
    {
        return function_member(project, file, text, &d.name, name, depth);
    }
    match find_export(project, file, name, 0) {
        Export::Missing => Has::No(Vec::new()),
        Export::Unknown => Has::Unknown,
        _ => Has::Yes,
    }
}

/// Member `name` of the function `x` that `file` (with `text`) exports.
pub(super) fn function_member(
    project: &Project,
    file: &str,
    text: &str,
    x: &str,
    name: &str,
    depth: u32,
) -> Has {
    // (Writing `x.prototype` gives instances members, not `x`; a
    // prototype of `x` itself, `Object.setPrototypeOf(x, Base)`, gives it
    // Base's statics.)
    if super::modules::computed_exports_key(text)
        || x != "module.exports" && text.contains(&format!("{x}["))
        || text.contains(&format!("defineProperty({x}"))
        || text.contains(&format!("setPrototypeOf({x},"))
        || merged_into(text, x)
    {
        return Has::Unknown;
    }
    let mut pool = written_keys(text, x, file);
    if pool.iter().any(|(n, _, _)| n == name)
        || super::members::FUNCTION_MEMBERS.contains(&name)
        || super::members::OBJECT_MEMBERS.contains(&name)
    {
        return Has::Yes;
    }
    let Some(copied) = copied_modules(project, file, text, x) else {
        return Has::Unknown;
    };
    for source in copied {
        match member_of_module(project, &source, name, depth + 1) {
            Has::No(more) => pool.extend(more),
            found => return found,
        }
    }
    Has::No(pool)
}

/// Whether the text merges other objects into `x` by a call other than
/// `Object.assign` (which [`copied_modules`] reads): `helpers.merge(blessed,
/// blessed.widget)` (blessed), `extend(x, …)`, `mixin(x, …)`,
/// `_.defaults(x, …)`.
fn merged_into(text: &str, x: &str) -> bool {
    super::calltext::calls_given(text, x).any(|call| {
        let callee = call.callee.to_ascii_lowercase();
        call.index == 0
            && (["merge", "mixin", "extend"]
                .iter()
                .any(|w| callee.contains(w))
                || callee == "defaults")
    })
}

//! What the bases of an interface merged into a TypeScript class add to
//! it when they are written as types of modules: cheerio's `interface
//! Cheerio<T> extends MethodsType, Iterable<T>` with `type MethodsType =
//! typeof Attributes & typeof Traversing & …` over `import * as
//! Attributes from './api/attributes.js'` — every export of those modules
//! is a member (their functions take `this: Cheerio<T>`).
//!
//! Owns reading such a base list; member lookup stays in
//! [`super::members`], export lookup in [`super::modules`].

use plumb_facts::{DefKind, FileFacts};

use super::literal_types::split_top;
use super::modules::resolve_spec;
use crate::project::Project;

/// Members the TypeScript library's interfaces give by name: `Iterable`
/// has only `[Symbol.iterator]`, `ArrayLike` `length` and a numeric index.
const LIB_BASES: [(&str, &[&str]); 2] = [("Iterable", &[]), ("ArrayLike", &["length"])];

/// What a base list adds: the project modules whose exports are members,
/// and member names from the library's interfaces.
#[derive(Default)]
pub(super) struct ModuleBases {
    pub modules: Vec<String>,
    pub lib_members: Vec<&'static str>,
}

/// The bases `list` (`MethodsType,Iterable<T>`, as an `extends` clause of
/// `file` reads) when each is a library interface above or a type alias of
/// the file (whose text is `text`) joining `typeof NS` of namespace
/// imports with `&`; `None` when
/// any base is anything else.
pub(super) fn module_bases(
    project: &Project,
    file: &str,
    text: &str,
    facts: &FileFacts,
    list: &str,
) -> Option<ModuleBases> {
    let mut out = ModuleBases::default();
    for base in split_top(list, |_, c| c == ',', |_| false)? {
        let name = base.split('<').next().unwrap_or(base).trim();
        if let Some((_, members)) = LIB_BASES.iter().find(|(n, _)| *n == name) {
            out.lib_members.extend(members.iter().copied());
            continue;
        }
        let alias = facts
            .definitions
            .iter()
            .find(|d| d.kind == DefKind::TypeAlias && d.name == name && d.container.is_none())?;
        // The source, not the signature (which is cut short).
        let source = text.get(alias.span.start_byte as usize..alias.span.end_byte as usize)?;
        let value = source.split_once('=')?.1.trim().trim_end_matches(';');
        for part in split_top(value, |_, c| c == '&', |_| false)? {
            let ns = part.trim().strip_prefix("typeof ")?.trim();
            let imp = facts
                .imports
                .iter()
                .find(|i| i.alias.as_deref() == Some(ns) && i.names.is_empty())?;
            out.modules.push(resolve_spec(project, file, &imp.module)?);
        }
    }
    Some(out)
}

//! Scope rules shared by every language: local bindings whose scope contains
//! a reference, and the definitions of the file itself.
//!
//! Owns only lookups over one file's facts; module and project lookups live
//! in the language resolvers.

use plumb_facts::{DefKind, Definition, FileFacts, Span};

/// Whether a local binding named `name` is visible at `at`.
pub fn local_binds(facts: &FileFacts, name: &str, at: &Span) -> bool {
    facts.locals.iter().any(|l| {
        l.name == name && l.scope.start_byte <= at.start_byte && at.end_byte <= l.scope.end_byte
    })
}

/// The scope of the local binding a definition without a container makes
/// inside an anonymous function (`it('…', () => { const make = () => …
/// })`, mongoose's `const ctor = function () {…}` inside a function
/// expression): where it is visible. `None` for a top-level definition.
pub fn nested_binding_scope<'f>(facts: &'f FileFacts, d: &Definition) -> Option<&'f Span> {
    if d.container.is_some() {
        return None;
    }
    facts
        .locals
        .iter()
        .find(|l| l.name == d.name && l.scope.contains(&d.span) && l.scope != d.span)
        .map(|l| &l.scope)
}

/// The innermost local binding named `name` whose scope holds `at`.
pub fn innermost_binding<'f>(
    facts: &'f FileFacts,
    name: &str,
    at: &Span,
) -> Option<&'f plumb_facts::LocalBinding> {
    facts
        .locals
        .iter()
        .filter(|l| l.name == name && l.scope.contains(at))
        .min_by_key(|l| l.scope.end_byte - l.scope.start_byte)
}

/// Definitions of the file named `name` (any nesting).
pub fn file_defs<'f>(facts: &'f FileFacts, name: &str) -> Vec<&'f Definition> {
    facts
        .definitions
        .iter()
        .filter(|d| d.name == name)
        .collect()
}

/// The innermost class-like definition whose span contains `at`.
pub fn enclosing_class<'f>(facts: &'f FileFacts, at: &Span) -> Option<&'f Definition> {
    facts
        .definitions
        .iter()
        .filter(|d| {
            matches!(
                d.kind,
                DefKind::Class | DefKind::Struct | DefKind::Interface | DefKind::Trait
            ) && d.span.contains(at)
        })
        .min_by_key(|d| d.span.end_byte - d.span.start_byte)
}

/// Members of the container with qualified name `container`.
pub fn members<'f>(facts: &'f FileFacts, container: &str) -> impl Iterator<Item = &'f Definition> {
    let c = container.to_string();
    facts
        .definitions
        .iter()
        .filter(move |d| d.container.as_deref() == Some(c.as_str()))
}

/// Name, file, line triples for suggestions from one file's definitions.
pub fn suggestion_pool(
    path: &str,
    defs: impl Iterator<Item = Definition>,
) -> Vec<(String, String, u32)> {
    defs.map(|d| (d.name, path.to_string(), d.name_span.start_line))
        .collect()
}

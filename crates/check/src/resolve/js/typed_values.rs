//! The parameters of a function value whose binding is typed by a type
//! alias of the project: `const handleAck: PacketHandler = (client,
//! packet) => …` with `type PacketHandler = (client: MqttClient, packet:
//! Packet, done?: DoneCallback) => void` (MQTT.js). TypeScript holds calls
//! to the alias, not to the arrow's own list.
//!
//! Owns reading the annotation and the alias's function type; arity rules
//! stay in [`super::arity`].

use plumb_facts::{DefKind, Definition, Param, ParamKind, Params};

use super::literal_types::{split_top, type_text};
use super::modules::{Export, find_export, resolve_spec};
use crate::project::Project;

/// The parameters `d` (of `file`) has through its type annotation, when
/// that names a type alias of the file or one it imports whose value is a
/// plain function type; `None` otherwise (generic aliases, interfaces,
/// package types).
pub(super) fn alias_params(project: &Project, file: &str, d: &Definition) -> Option<Params> {
    let annotation = super::arity::annotation(d)?;
    let name = type_text(annotation)?.trim();
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
    {
        return None;
    }
    let (afile, alias) = find_alias(project, file, name)?;
    let rc = project.facts_of(&afile)?;
    let source =
        rc.0.get(alias.span.start_byte as usize..alias.span.end_byte as usize)?;
    let value = source.split_once('=')?.1.trim_start();
    function_type_params(value)
}

/// The type alias `name` as `file` sees it: its own or an imported one.
fn find_alias(project: &Project, file: &str, name: &str) -> Option<(String, Definition)> {
    let rc = project.facts_of(file)?;
    let is_alias = |d: &Definition| d.kind == DefKind::TypeAlias && d.container.is_none();
    if let Some(d) =
        rc.1.definitions
            .iter()
            .find(|d| d.name == name && is_alias(d))
    {
        return Some((file.to_string(), d.clone()));
    }
    let (imp, n) = rc.1.imports.iter().find_map(|i| {
        i.names
            .iter()
            .find(|n| n.alias.as_deref().unwrap_or(&n.name) == name)
            .map(|n| (i, n))
    })?;
    let target = resolve_spec(project, file, &imp.module)?;
    match find_export(project, &target, &n.name, 0) {
        Export::Defs { file, defs } => match defs.as_slice() {
            [d] if is_alias(d) => Some((file, d.clone())),
            _ => None,
        },
        _ => None,
    }
}

/// `(a: A, b?: B, ...rest: C[]) => R` → its parameters; `None` for
/// anything else (a generic function type, an object type, a union).
fn function_type_params(ty: &str) -> Option<Params> {
    let ty = ty.trim_start();
    if !ty.starts_with('(') {
        return None;
    }
    let close = super::lexical::matching_close(ty, 0)?;
    if !ty[close + 1..].trim_start().starts_with("=>") {
        return None;
    }
    let inner = &ty[1..close];
    let mut list = Vec::new();
    for piece in split_top(inner, |_, c| c == ',', |_| false)? {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        let (head, type_text) = match piece.split_once(':') {
            Some((h, t)) => (h.trim(), Some(t.trim().to_string())),
            None => (piece, None),
        };
        let (name, kind) = match head.strip_prefix("...") {
            Some(n) => (n, ParamKind::VarPositional),
            None if head == "this" => (head, ParamKind::Receiver),
            None => (head, ParamKind::Positional),
        };
        let (name, optional) = match name.strip_suffix('?') {
            Some(n) => (n, true),
            None => (name, false),
        };
        list.push(Param {
            name: name.trim().to_string(),
            kind,
            has_default: optional,
            type_text,
        });
    }
    Some(Params::new(list))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_types() {
        let p =
            function_type_params("(client: Client, packet: Packet, done?: Done) => void").unwrap();
        assert_eq!((p.min_positional(), p.max_positional()), (2, Some(3)));
        let p = function_type_params("(this: C, ...rest: string[]) => void").unwrap();
        assert_eq!((p.min_positional(), p.max_positional()), (0, None));
        let p = function_type_params("(cb: (e: Error) => void, n: number,) => R").unwrap();
        assert_eq!((p.min_positional(), p.max_positional()), (2, Some(2)));
        assert!(function_type_params("<T>(x: T) => T").is_none());
        assert!(function_type_params("{ a: string }").is_none());
    }
}

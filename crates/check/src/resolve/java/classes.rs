//! Project classes as the checker sees them: a type definition with its
//! file, qualified name and supertypes read from its header, found by
//! package and name or nested in another class.

use std::rc::Rc;

use plumb_facts::{DefKind, Definition};

use super::super::FileCtx;
use super::project::{JFile, file, index};

/// A class, interface, enum, record or annotation type of the project.
#[derive(Debug, Clone)]
pub(super) struct ClassInfo {
    pub file: Rc<JFile>,
    /// The name as definitions' containers spell it (`Outer.Inner`).
    pub qual: String,
    pub name: String,
    pub kind: DefKind,
    pub record: bool,
    /// `extends` (class), then `implements`; for interfaces every `extends`.
    pub supers: Vec<Super>,
    /// The header could not be read in full: supertypes are not known.
    pub header_cut: bool,
    /// Another type of the file has the same qualified name (local classes
    /// of two methods): members and constructors are mixed, so not judged.
    pub ambiguous: bool,
}

#[derive(Debug, Clone)]
pub(super) struct Super {
    pub name: String,
    /// Named after `implements`, or after `extends` of an interface.
    #[cfg_attr(not(test), allow(dead_code))]
    pub interface: bool,
}

impl ClassInfo {
    pub fn from_def(file: Rc<JFile>, d: &Definition) -> ClassInfo {
        let qual = match &d.container {
            Some(c) => format!("{c}.{}", d.name),
            None => d.name.clone(),
        };
        let sig = d.signature.clone().unwrap_or_default();
        let header_cut = sig.len() >= 195;
        let (supers, record) = parse_header(&sig, &d.name, d.kind == DefKind::Interface);
        let ambiguous = file
            .defs
            .iter()
            .filter(|x| x.name == d.name && x.container == d.container && is_type(x.kind))
            .count()
            > 1;
        ClassInfo {
            ambiguous,
            file,
            qual,
            name: d.name.clone(),
            kind: d.kind,
            record,
            supers,
            header_cut,
        }
    }

    /// Definitions declared directly in this class.
    pub fn members<'f>(&'f self) -> impl Iterator<Item = &'f Definition> + 'f {
        self.file
            .defs
            .iter()
            .filter(move |d| d.container.as_deref() == Some(self.qual.as_str()))
    }
}

/// Drop `<…>` type arguments (nested) from a header.
fn strip_generics(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0u32;
    for c in s.chars() {
        match c {
            '<' => depth += 1,
            '>' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The supertypes a declaration header names, and whether it is a record.
fn parse_header(sig: &str, name: &str, interface: bool) -> (Vec<Super>, bool) {
    let flat = strip_generics(sig);
    let words: Vec<&str> = flat.split_whitespace().collect();
    let Some(at) = words
        .iter()
        .position(|w| *w == name || w.starts_with(&format!("{name}(")))
    else {
        return (Vec::new(), false);
    };
    let record = at > 0 && words[at - 1] == "record";
    let rest = words[at + 1..].join(" ");
    // A record's components come first: `record P(int x) implements I`.
    let rest = match rest.rfind(')') {
        Some(i) if record || words[at].contains('(') => rest[i + 1..].to_string(),
        _ => rest,
    };
    let mut supers = Vec::new();
    let mut mode = None;
    for tok in rest.split(|c: char| c.is_whitespace() || c == ',') {
        match tok {
            "" => {}
            "extends" => mode = Some(interface),
            "implements" => mode = Some(true),
            "permits" => mode = None,
            t => {
                if let Some(i) = mode {
                    let t = t.trim_start_matches('@');
                    if t.chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == '$')
                    {
                        supers.push(Super {
                            name: t.to_string(),
                            interface: i,
                        });
                    }
                }
            }
        }
    }
    (supers, record)
}

/// The class named `name` declared at the top level of package `pkg`.
pub(super) fn class_in_package(ctx: &FileCtx, pkg: &str, name: &str) -> Option<ClassInfo> {
    let idx = index(ctx);
    let paths = idx.packages.get(pkg)?;
    // The file named after the class first: the usual place.
    let want = format!("/{name}.java");
    let mut order: Vec<&String> = paths
        .iter()
        .filter(|p| p.ends_with(&want) || p.as_str() == &want[1..])
        .collect();
    order.extend(
        paths
            .iter()
            .filter(|p| !(p.ends_with(&want) || p.as_str() == &want[1..])),
    );
    // Two modules may each declare the class (a test copy, a variant):
    // which one a file sees depends on the build, so neither is judged.
    let same_named = order
        .iter()
        .filter(|p| p.ends_with(&want) || p.as_str() == &want[1..])
        .count();
    for p in order {
        let f = file(ctx, p);
        if let Some(d) = f
            .defs
            .iter()
            .find(|d| d.container.is_none() && d.name == name && is_type(d.kind))
        {
            let d = d.clone();
            let mut c = ClassInfo::from_def(f, &d);
            c.ambiguous |= same_named > 1;
            return Some(c);
        }
    }
    None
}

/// Whether no file of a package can hide a class `name` its definitions do
/// not show (else absence proves nothing): see [`JFile::may_hide`].
pub(super) fn package_complete(ctx: &FileCtx, pkg: &str, name: &str) -> bool {
    let idx = index(ctx);
    idx.packages
        .get(pkg)
        .is_some_and(|ps| ps.iter().all(|p| !file(ctx, p).may_hide(name)))
}

/// The class nested directly in `outer` named `name`.
pub(super) fn nested(outer: &ClassInfo, name: &str) -> Option<ClassInfo> {
    let d = outer
        .members()
        .find(|d| d.name == name && is_type(d.kind))?
        .clone();
    Some(ClassInfo::from_def(outer.file.clone(), &d))
}

pub(super) fn is_type(k: DefKind) -> bool {
    matches!(k, DefKind::Class | DefKind::Interface | DefKind::Enum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers() {
        let (s, r) = parse_header(
            "public final class Foo<T extends Bar<T>> extends Base<T> implements A, b.C<X>",
            "Foo",
            false,
        );
        let names: Vec<(&str, bool)> = s.iter().map(|s| (s.name.as_str(), s.interface)).collect();
        assert_eq!(names, vec![("Base", false), ("A", true), ("b.C", true)]);
        assert!(!r);
        let (s, r) = parse_header("record P(int x, List<String> y) implements I", "P", false);
        assert_eq!(s.len(), 1);
        assert!(r);
        let (s, _) = parse_header("interface J extends K, L", "J", true);
        assert!(s.iter().all(|s| s.interface) && s.len() == 2);
    }
}

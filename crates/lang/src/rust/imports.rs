//! Rust imports: `use` trees, `extern crate`.

use plumb_facts::{Import, ImportedName};
use tree_sitter::Node;

use super::Ex;
use crate::{extractor, util};

/// One leaf of a use tree.
struct Leaf {
    module: String,
    name: Option<ImportedName>,
    alias: Option<String>,
    wildcard: bool,
}

fn join(prefix: &str, seg: &str) -> String {
    if prefix.is_empty() {
        seg.to_string()
    } else {
        format!("{prefix}::{seg}")
    }
}

fn is_relative(module: &str) -> bool {
    let first = module.split("::").next().unwrap_or("");
    matches!(first, "self" | "super" | "crate")
}

/// Use trees nest shallowly; deeper input is cut off.
const MAX_USE_DEPTH: u32 = 32;

impl<'a> Ex<'a> {
    fn path_text(&self, n: Node) -> String {
        util::fold_whitespace(&extractor::capped_text(n, self.src, 1200), 300).replace(' ', "")
    }

    fn use_tree(&self, node: Node, prefix: &str, out: &mut Vec<Leaf>, depth: u32) {
        if depth > MAX_USE_DEPTH {
            return;
        }
        let leaf = |module: String, name: Option<(String, Option<String>)>| Leaf {
            module,
            name: name.map(|(name, alias)| ImportedName { name, alias }),
            alias: None,
            wildcard: false,
        };
        match node.kind() {
            "identifier" | "self" | "super" | "crate" | "metavariable" => {
                let t = self.text(node).into_owned();
                if prefix.is_empty() {
                    out.push(leaf(t, None));
                } else {
                    out.push(leaf(prefix.to_string(), Some((t, None))));
                }
            }
            "scoped_identifier" => {
                let name = node
                    .child_by_field_name("name")
                    .map(|n| self.text(n).into_owned());
                let path = node.child_by_field_name("path").map(|p| self.path_text(p));
                match (path, name) {
                    (Some(p), Some(n)) => out.push(leaf(join(prefix, &p), Some((n, None)))),
                    (None, Some(n)) => out.push(leaf(join(prefix, &n), None)),
                    _ => {}
                }
            }
            "use_as_clause" => {
                let alias = node
                    .child_by_field_name("alias")
                    .map(|a| self.text(a).into_owned());
                let Some(path) = node.child_by_field_name("path") else {
                    return;
                };
                let mut sub = Vec::new();
                self.use_tree(path, prefix, &mut sub, depth + 1);
                for mut l in sub {
                    match &mut l.name {
                        Some(n) => n.alias = alias.clone(),
                        None => l.alias = alias.clone(),
                    }
                    out.push(l);
                }
            }
            "use_wildcard" => {
                let path = node.named_child(0).map(|p| self.path_text(p));
                let module = match path {
                    Some(p) => join(prefix, &p),
                    None => prefix.to_string(),
                };
                out.push(Leaf {
                    module,
                    name: None,
                    alias: None,
                    wildcard: true,
                });
            }
            "use_list" => {
                let mut cursor = node.walk();
                for c in node.named_children(&mut cursor) {
                    self.use_tree(c, prefix, out, depth + 1);
                }
            }
            "scoped_use_list" => {
                let p = match node.child_by_field_name("path") {
                    Some(p) => join(prefix, &self.path_text(p)),
                    None => prefix.to_string(),
                };
                if let Some(list) = node.child_by_field_name("list") {
                    self.use_tree(list, &p, out, depth + 1);
                }
            }
            _ => {}
        }
    }

    pub(super) fn use_declaration(&mut self, node: Node, _top_level: bool) {
        let Some(arg) = node.child_by_field_name("argument") else {
            return;
        };
        let mut leaves = Vec::new();
        self.use_tree(arg, "", &mut leaves, 0);
        let span = util::span(node);
        let first = self.facts.imports.len();
        for l in leaves {
            let local = match (&l.name, &l.alias) {
                (Some(n), _) if n.name != "self" => Some(n.alias.clone().unwrap_or(n.name.clone())),
                (Some(n), _) => n
                    .alias
                    .clone()
                    .or_else(|| l.module.rsplit("::").next().map(str::to_string)),
                (None, Some(a)) => Some(a.clone()),
                (None, None) if !l.wildcard => l.module.rsplit("::").next().map(str::to_string),
                _ => None,
            };
            if let Some(local) = local {
                self.imported.insert(local);
            }
            // Names from the same module path in one `use` share one Import.
            if let Some(name) = l.name {
                if let Some(imp) = self.facts.imports[first..].iter_mut().find(|i| {
                    i.module == l.module && !i.wildcard && i.alias.is_none() && !i.names.is_empty()
                }) {
                    imp.names.push(name);
                    continue;
                }
                self.facts.imports.push(Import {
                    relative: is_relative(&l.module),
                    module: l.module,
                    names: vec![name],
                    span,
                    ..Default::default()
                });
            } else {
                self.facts.imports.push(Import {
                    relative: is_relative(&l.module),
                    module: l.module,
                    alias: l.alias,
                    wildcard: l.wildcard,
                    span,
                    ..Default::default()
                });
            }
        }
    }

    pub(super) fn extern_crate(&mut self, node: Node, _top_level: bool) {
        let Some(name) = node.child_by_field_name("name") else {
            return;
        };
        let module = self.text(name).into_owned();
        let alias = node
            .child_by_field_name("alias")
            .map(|a| self.text(a).into_owned());
        self.imported
            .insert(alias.clone().unwrap_or(module.clone()));
        self.facts.imports.push(Import {
            module,
            alias,
            span: util::span(node),
            ..Default::default()
        });
    }
}

//! TypeScript and TSX adapters: the JavaScript walker (`crate::javascript`)
//! plus handlers for the nodes only TypeScript has.
//!
//! Owns the TS-only constructs: interfaces (members are Fields/Methods of the
//! interface, Public), type aliases, enums (members are EnumVariants), namespaces
//! and `declare module` blocks (Modules, and containers of what they declare),
//! `declare` (ambient) declarations (Public), overload/ambient function
//! signatures (Functions), type references (`T`, `ns.T`, generics, heritage),
//! type parameters (locals of their declaration). Accessibility modifiers,
//! optional parameters (`x?` has a default), `this:` parameters (Receiver),
//! abstract classes and constructor parameter properties are read by the
//! shared JS walker, which knows their node shapes.

use plumb_facts::{DefKind, FileFacts, Lang, RefKind, Visibility};
use tree_sitter::{Node, Tree};

use crate::extractor::RecursiveWalk;
use crate::javascript::{Extractor, Level, Scope, extract_with, js_node_class, qualify, unquote};
use crate::util;
use crate::{LanguageAdapter, NodeClass};

pub struct TypeScriptAdapter;

impl LanguageAdapter for TypeScriptAdapter {
    fn lang(&self) -> Lang {
        Lang::TypeScript
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["ts", "mts", "cts"]
    }
    fn grammar(&self) -> tree_sitter::Language {
        tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into()
    }
    fn node_class(&self, kind: &str) -> NodeClass {
        js_node_class(kind)
    }
    fn extract(&self, tree: &Tree, src: &[u8]) -> FileFacts {
        extract_with(tree, src, true)
    }
}

pub struct TsxAdapter;

impl LanguageAdapter for TsxAdapter {
    fn lang(&self) -> Lang {
        Lang::Tsx
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["tsx"]
    }
    fn grammar(&self) -> tree_sitter::Language {
        tree_sitter_typescript::LANGUAGE_TSX.into()
    }
    fn node_class(&self, kind: &str) -> NodeClass {
        js_node_class(kind)
    }
    fn extract(&self, tree: &Tree, src: &[u8]) -> FileFacts {
        extract_with(tree, src, true)
    }
}

impl<'s, 't> Extractor<'s, 't> {
    /// Handle a TypeScript-only node; false when the JS walker should descend as usual.
    pub(crate) fn ts_node(&mut self, node: Node<'t>, sc: &Scope) -> bool {
        match node.kind() {
            "type_identifier" => {
                let name = self.text(node).into_owned();
                self.push_ref(name, RefKind::Type, None, node);
            }
            "nested_type_identifier" => {
                if let (Some(m), Some(n)) = (
                    node.child_by_field_name("module"),
                    node.child_by_field_name("name"),
                ) {
                    let q = util::fold_whitespace(&self.text(m), 200);
                    let name = self.text(n).into_owned();
                    self.push_ref(name, RefKind::Type, Some(q), n);
                }
            }
            "predefined_type"
            | "this_type"
            | "literal_type"
            | "accessibility_modifier"
            | "override_modifier"
            | "import_alias" => {}
            "required_parameter" | "optional_parameter" => {
                for f in ["type", "value"] {
                    if let Some(n) = node.child_by_field_name(f) {
                        self.walk_node(n, sc);
                    }
                }
            }
            "type_parameter" => {
                for k in self.kids(node) {
                    if k.kind() == "type_identifier" && Some(k) == node.child_by_field_name("name")
                    {
                        self.bind(k, sc.local, sc);
                    } else {
                        self.walk_node(k, sc);
                    }
                }
            }
            "interface_declaration" => self.interface(node, sc),
            "type_alias_declaration" => self.type_alias(node, sc),
            "enum_declaration" => self.enum_decl(node, sc),
            "internal_module" | "module" => self.namespace(node, sc),
            "ambient_declaration" => {
                let inner = Scope {
                    exported: true,
                    ..*sc
                };
                for k in self.kids(node) {
                    // `declare global { ... }` declares module-level names.
                    if k.kind() == "statement_block" {
                        self.walk_kids(k, &inner);
                    } else {
                        self.walk_node(k, &inner);
                    }
                }
            }
            "function_signature" => {
                let Some(name_node) = node.child_by_field_name("name") else {
                    return false;
                };
                let name = self.text(name_node).into_owned();
                let params = node
                    .child_by_field_name("parameters")
                    .and_then(|p| self.known_params(p));
                let outer = self.outer(node);
                let vis = self.vis_here(sc);
                self.define(
                    name.clone(),
                    DefKind::Function,
                    sc.container,
                    name_node,
                    outer,
                    node,
                    None,
                    vis,
                    params,
                );
                let q = qualify(sc.container, &name);
                self.function_like(node, Some(&q), sc);
            }
            _ => return false,
        }
        true
    }

    fn vis_here(&self, sc: &Scope) -> Visibility {
        match sc.level {
            Level::Module => self.module_visibility(sc),
            _ => Visibility::Private,
        }
    }

    /// Push the definition of a named TS declaration; returns its qualified name.
    fn ts_decl(
        &mut self,
        node: Node<'t>,
        kind: DefKind,
        body: Option<Node<'t>>,
        sc: &Scope,
    ) -> Option<String> {
        let name_node = node.child_by_field_name("name")?;
        let name = match name_node.kind() {
            "string" => unquote(&self.text(name_node)).to_string(),
            _ => self.text(name_node).into_owned(),
        };
        let outer = self.outer(node);
        let vis = self.vis_here(sc);
        if matches!(sc.level, Level::Function | Level::Block) && name_node.kind() == "identifier" {
            self.bind(name_node, sc.local, sc);
        }
        self.define(
            name.clone(),
            kind,
            sc.container,
            name_node,
            outer,
            node,
            body,
            vis,
            None,
        );
        Some(qualify(sc.container, &name))
    }

    fn interface(&mut self, node: Node<'t>, sc: &Scope) {
        let body = node.child_by_field_name("body");
        let Some(q) = self.ts_decl(node, DefKind::Interface, body, sc) else {
            return;
        };
        let inner = Scope {
            level: Level::Class,
            container: Some(&q),
            local: util::span(node),
            exported: false,
        };
        for k in self.kids(node) {
            if Some(k) == body || Some(k) == node.child_by_field_name("name") {
                continue;
            }
            self.walk_node(k, &inner);
        }
        if let Some(b) = body {
            for m in self.kids(b) {
                self.member_def_pub(m, &inner);
            }
        }
    }

    fn type_alias(&mut self, node: Node<'t>, sc: &Scope) {
        let value = node.child_by_field_name("value");
        if self.ts_decl(node, DefKind::TypeAlias, None, sc).is_none() {
            return;
        }
        let inner = Scope {
            local: util::span(node),
            ..*sc
        };
        if let Some(tp) = node.child_by_field_name("type_parameters") {
            self.walk_node(tp, &inner);
        }
        if let Some(v) = value {
            self.walk_node(v, &inner);
        }
    }

    fn enum_decl(&mut self, node: Node<'t>, sc: &Scope) {
        let body = node.child_by_field_name("body");
        let Some(q) = self.ts_decl(node, DefKind::Enum, body, sc) else {
            return;
        };
        let Some(b) = body else { return };
        for m in self.kids(b) {
            let (name_node, value) = match m.kind() {
                "enum_assignment" => (
                    m.child_by_field_name("name"),
                    m.child_by_field_name("value"),
                ),
                "property_identifier" | "string" | "number" => (Some(m), None),
                _ => (None, None),
            };
            if let Some(n) = name_node {
                let name = unquote(&self.text(n)).to_string();
                self.define(
                    name,
                    DefKind::EnumVariant,
                    Some(&q),
                    n,
                    m,
                    m,
                    None,
                    Visibility::Public,
                    None,
                );
            }
            if let Some(v) = value {
                self.walk_node(v, sc);
            }
        }
    }

    fn namespace(&mut self, node: Node<'t>, sc: &Scope) {
        let body = node.child_by_field_name("body");
        let Some(q) = self.ts_decl(node, DefKind::Module, body, sc) else {
            return;
        };
        if let Some(b) = body {
            let inner = Scope {
                level: Level::Module,
                container: Some(&q),
                local: util::span(b),
                exported: false,
            };
            self.walk_kids(b, &inner);
        }
    }
}

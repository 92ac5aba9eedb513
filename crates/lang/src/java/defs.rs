//! Java definitions, parameters, visibility, Javadoc and local bindings.

use plumb_facts::{DefKind, Definition, LocalBinding, Param, ParamKind, Params, Span, Visibility};
use tree_sitter::Node;

use super::{Ex, FrameKind};
use crate::{extractor, util};

/// The modifiers a declaration carries that matter here.
#[derive(Default)]
struct Mods {
    vis: Option<Visibility>,
    is_static: bool,
    is_final: bool,
}

impl<'a> Ex<'a> {
    fn mods(&self, node: Node) -> Mods {
        let mut m = Mods::default();
        let mut cursor = node.walk();
        let Some(mods) = node.children(&mut cursor).find(|c| c.kind() == "modifiers") else {
            return m;
        };
        let mut c2 = mods.walk();
        for c in mods.children(&mut c2) {
            match c.kind() {
                "public" => m.vis = Some(Visibility::Public),
                "protected" => m.vis = Some(Visibility::Protected),
                "private" => m.vis = Some(Visibility::Private),
                "static" => m.is_static = true,
                "final" => m.is_final = true,
                _ => {}
            }
        }
        m
    }

    /// `None` inside an anonymous class body, where members are not definitions.
    fn member_context(&self) -> Option<(Option<String>, bool)> {
        let top = self.scopes.top_kind();
        if top == Some(FrameKind::Anonymous) {
            return None;
        }
        let in_interface = top == Some(FrameKind::Interface);
        Some((self.scopes.container(), in_interface))
    }

    fn default_visibility(&self, mods: &Mods, in_interface: bool) -> Visibility {
        mods.vis.unwrap_or(if in_interface {
            Visibility::Public
        } else {
            Visibility::Package
        })
    }

    /// The Javadoc comment right before `node` (the node being entered).
    fn javadoc(&self, node: Node) -> Option<String> {
        let prev = *self.leading.before(node).last()?;
        if prev.kind() != "block_comment" {
            return None;
        }
        let t = self.text(prev);
        if !t.starts_with("/**") || t.starts_with("/***") || t == "/**/" {
            return None;
        }
        util::clean_comment(&[t.into_owned()])
    }

    #[allow(clippy::too_many_arguments)]
    fn define(
        &mut self,
        node: Node,
        name: Node,
        kind: DefKind,
        container: Option<String>,
        visibility: Visibility,
        params: Option<Params>,
        body: Option<Node>,
    ) {
        self.skip.push(name.id());
        self.facts.definitions.push(Definition {
            container,
            doc: self.javadoc(node),
            params,
            ..extractor::definition(node, name, kind, visibility, body, self.src)
        });
    }

    fn bind(&mut self, name: Node, scope: Span) {
        if name.kind() == "identifier" {
            self.facts.locals.push(LocalBinding {
                name: self.text(name).into_owned(),
                scope,
            });
        }
    }

    fn bind_generics(&mut self, item: Node<'a>) {
        let Some(tp) = item.child_by_field_name("type_parameters") else {
            return;
        };
        let scope = util::span(item);
        let mut cursor = tp.walk();
        let params: Vec<Node> = tp.named_children(&mut cursor).collect();
        for p in params {
            let mut c2 = p.walk();
            let name = p
                .named_children(&mut c2)
                .find(|c| c.kind() == "type_identifier");
            if let Some(n) = name {
                self.skip.push(n.id());
                self.facts.locals.push(LocalBinding {
                    name: self.text(n).into_owned(),
                    scope,
                });
                self.scopes.generics.push(self.text(n).into_owned());
            }
        }
    }

    pub(super) fn type_declaration(&mut self, node: Node<'a>) {
        let Some(name) = node.child_by_field_name("name") else {
            return;
        };
        let (kind, frame) = match node.kind() {
            "interface_declaration" | "annotation_type_declaration" => {
                (DefKind::Interface, FrameKind::Interface)
            }
            "enum_declaration" => (DefKind::Enum, FrameKind::Class),
            _ => (DefKind::Class, FrameKind::Class),
        };
        let Some((container, in_interface)) = self.member_context() else {
            // A local class inside an anonymous class: still walk it, no definition.
            self.scopes
                .push_frame(node.id(), FrameKind::Anonymous, None);
            return;
        };
        let vis = self.default_visibility(&self.mods(node), in_interface);
        let body = node.child_by_field_name("body");
        self.define(node, name, kind, container.clone(), vis, None, body);
        let n = self.text(name).into_owned();
        self.scopes.push_frame(node.id(), frame, Some(n.clone()));
        self.bind_generics(node);
        if node.kind() == "record_declaration"
            && let Some(params) = node.child_by_field_name("parameters")
        {
            self.records.push((node.id(), params));
            let qualified = match container {
                Some(c) => format!("{c}.{n}"),
                None => n,
            };
            let mut cursor = params.walk();
            let comps: Vec<Node> = params.named_children(&mut cursor).collect();
            for p in comps {
                if let Some(pn) = p.child_by_field_name("name") {
                    self.define(
                        p,
                        pn,
                        DefKind::Field,
                        Some(qualified.clone()),
                        Visibility::Private,
                        None,
                        None,
                    );
                }
            }
        }
    }

    fn params(&mut self, list: Node<'a>, scope: Span) -> Params {
        let mut out = Vec::new();
        let mut cursor = list.walk();
        let kids: Vec<Node> = list.named_children(&mut cursor).collect();
        for p in kids {
            let ty_node = p.child_by_field_name("type").or_else(|| {
                let mut c = p.walk();
                p.named_children(&mut c).find(|c| {
                    !matches!(
                        c.kind(),
                        "modifiers" | "variable_declarator" | "identifier" | "this"
                    )
                })
            });
            let ty = ty_node
                .map(|t| util::fold_whitespace(&extractor::capped_text(t, self.src, 480), 120));
            match p.kind() {
                "formal_parameter" => {
                    let name = p.child_by_field_name("name");
                    if let Some(n) = name {
                        self.bind(n, scope);
                        self.skip.push(n.id());
                    }
                    out.push(Param {
                        name: name.map_or("_".into(), |n| self.text(n).into_owned()),
                        kind: ParamKind::PositionalOnly,
                        has_default: false,
                        type_text: ty,
                    });
                }
                "spread_parameter" => {
                    let mut c = p.walk();
                    let name = p
                        .named_children(&mut c)
                        .find(|c| c.kind() == "variable_declarator")
                        .and_then(|d| d.child_by_field_name("name"));
                    if let Some(n) = name {
                        self.bind(n, scope);
                        self.skip.push(n.id());
                    }
                    out.push(Param {
                        name: name.map_or("_".into(), |n| self.text(n).into_owned()),
                        kind: ParamKind::VarPositional,
                        has_default: false,
                        type_text: ty,
                    });
                }
                "receiver_parameter" => out.push(Param {
                    name: "this".into(),
                    kind: ParamKind::Receiver,
                    has_default: false,
                    type_text: ty,
                }),
                _ => {}
            }
        }
        Params::new(out)
    }

    pub(super) fn method(&mut self, node: Node<'a>) {
        let Some(name) = node.child_by_field_name("name") else {
            return;
        };
        let ctx = self.member_context();
        self.scopes.push_frame(node.id(), FrameKind::Body, None);
        self.bind_generics(node);
        let scope = util::span(node);
        let params = match node.child_by_field_name("parameters") {
            Some(p) => self.params(p, scope),
            None if node.kind() == "compact_constructor_declaration" => {
                // The canonical constructor takes the record's components.
                match self.records.last().map(|r| r.1) {
                    Some(p) => {
                        // The components were walked already: forget their skip marks.
                        let skip_before = self.skip.len();
                        let ps = self.params(p, scope);
                        self.skip.truncate(skip_before);
                        ps
                    }
                    None => Params::default(),
                }
            }
            None => Params::default(),
        };
        let Some((container, in_interface)) = ctx else {
            return;
        };
        let vis = self.default_visibility(&self.mods(node), in_interface);
        let body = node.child_by_field_name("body");
        self.define(
            node,
            name,
            DefKind::Method,
            container,
            vis,
            Some(params),
            body,
        );
    }

    pub(super) fn field(&mut self, node: Node<'a>) {
        let Some((container, in_interface)) = self.member_context() else {
            return;
        };
        let mods = self.mods(node);
        let constant = node.kind() == "constant_declaration"
            || in_interface
            || (mods.is_static && mods.is_final);
        let kind = if constant {
            DefKind::Constant
        } else {
            DefKind::Field
        };
        let vis = self.default_visibility(&mods, in_interface);
        let mut cursor = node.walk();
        let decls: Vec<Node> = node
            .children_by_field_name("declarator", &mut cursor)
            .collect();
        for d in decls {
            if let Some(n) = d.child_by_field_name("name") {
                self.define(node, n, kind, container.clone(), vis, None, None);
            }
        }
    }

    pub(super) fn enum_constant(&mut self, node: Node<'a>) {
        let Some(name) = node.child_by_field_name("name") else {
            return;
        };
        if let Some((container, _)) = self.member_context() {
            self.define(
                node,
                name,
                DefKind::EnumVariant,
                container,
                Visibility::Public,
                None,
                None,
            );
        }
        if let Some(body) = node.child_by_field_name("body") {
            self.scopes
                .push_frame(body.id(), FrameKind::Anonymous, None);
        }
    }

    pub(super) fn lambda(&mut self, node: Node<'a>) {
        self.scopes.push_frame(node.id(), FrameKind::Body, None);
        let scope = util::span(node);
        let Some(p) = node.child_by_field_name("parameters") else {
            return;
        };
        match p.kind() {
            "identifier" => self.bind(p, scope),
            "inferred_parameters" => {
                let mut cursor = p.walk();
                let ids: Vec<Node> = p.named_children(&mut cursor).collect();
                for i in ids {
                    self.bind(i, scope);
                }
            }
            _ => {
                self.params(p, scope);
            }
        }
    }

    pub(super) fn local_variables(&mut self, node: Node<'a>) {
        let scope = self.scopes.block_scope(node);
        let mut cursor = node.walk();
        let decls: Vec<Node> = node
            .children_by_field_name("declarator", &mut cursor)
            .collect();
        for d in decls {
            if let Some(n) = d.child_by_field_name("name") {
                self.bind(n, scope);
                self.skip.push(n.id());
            }
        }
    }

    pub(super) fn enhanced_for(&mut self, node: Node<'a>) {
        if let Some(n) = node.child_by_field_name("name") {
            self.bind(n, util::span(node));
            self.skip.push(n.id());
        }
    }

    pub(super) fn catch_clause(&mut self, node: Node<'a>) {
        let mut cursor = node.walk();
        let param = node
            .named_children(&mut cursor)
            .find(|c| c.kind() == "catch_formal_parameter");
        if let Some(n) = param.and_then(|p| p.child_by_field_name("name")) {
            self.bind(n, util::span(node));
            self.skip.push(n.id());
        }
    }

    pub(super) fn resource(&mut self, node: Node<'a>) {
        if let Some(n) = node.child_by_field_name("name") {
            // try-with-resources: visible in the try block (approximated by the enclosing block).
            let scope = self.scopes.block_scope(node);
            self.bind(n, scope);
            self.skip.push(n.id());
        }
    }

    pub(super) fn instanceof(&mut self, node: Node<'a>) {
        if let Some(n) = node.child_by_field_name("name") {
            let scope = self.scopes.block_scope(node);
            self.bind(n, scope);
            self.skip.push(n.id());
        }
    }
}

//! Rust definitions: items, members, parameters, visibility and doc comments.

use plumb_facts::{DefKind, Definition, Param, ParamKind, Params, Visibility};
use tree_sitter::Node;

use super::{Ex, FrameKind};
use crate::{extractor, util};

/// Derives whose expansion only implements a standard trait.
const STD_DERIVES: &[&str] = &[
    "Debug",
    "Clone",
    "Copy",
    "PartialEq",
    "Eq",
    "Hash",
    "PartialOrd",
    "Ord",
    "Default",
];

impl<'a> Ex<'a> {
    fn own_visibility(&self, node: Node) -> Visibility {
        match node.named_child(0) {
            Some(v) if v.kind() == "visibility_modifier" => {
                let t = self.text(v);
                if t == "pub" {
                    Visibility::Public
                } else {
                    Visibility::Package
                }
            }
            _ => Visibility::Private,
        }
    }

    /// Visibility of a member: trait items inherit, trait-impl items are public.
    fn member_visibility(&self, node: Node) -> Visibility {
        match self.scopes.top_kind() {
            Some((FrameKind::Trait | FrameKind::Enum, vis)) => vis,
            Some((FrameKind::Impl { of_trait: true }, _)) => Visibility::Public,
            _ => self.own_visibility(node),
        }
    }

    fn doc(&self, node: Node) -> Option<String> {
        let mut lines = Vec::new();
        for &c in self.leading.before(node).iter().rev() {
            let t = self.text(c);
            match c.kind() {
                "attribute_item" => {
                    if let Some(rest) = t.strip_prefix("#[doc")
                        && let (Some(a), Some(b)) = (rest.find('"'), rest.rfind('"'))
                        && b > a
                    {
                        lines.push(format!("/// {}", &rest[a + 1..b]));
                    }
                }
                "line_comment" if t.starts_with("///") && !t.starts_with("////") => {
                    lines.push(t.into_owned())
                }
                "block_comment"
                    if t.starts_with("/**") && !t.starts_with("/***") && t != "/**/" =>
                {
                    lines.push(t.into_owned())
                }
                _ => break,
            }
        }
        lines.reverse();
        util::clean_comment(&lines)
    }

    /// Record a definition named by `node`'s `name` field; returns its name.
    fn define(
        &mut self,
        node: Node,
        kind: DefKind,
        vis: Visibility,
        params: Option<Params>,
        body: Option<Node>,
    ) -> Option<String> {
        let name_node = node.child_by_field_name("name")?;
        self.skip.push(name_node.id());
        let def = Definition {
            container: self.scopes.container(),
            doc: self.doc(node),
            params,
            ..extractor::definition(node, name_node, kind, vis, body, self.src)
        };
        let name = def.name.clone();
        self.facts.definitions.push(def);
        Some(name)
    }

    pub(super) fn function(&mut self, node: Node<'a>) {
        let in_type = matches!(
            self.top_kind(),
            Some(FrameKind::Impl { .. } | FrameKind::Trait)
        );
        let kind = if in_type {
            DefKind::Method
        } else {
            DefKind::Function
        };
        let vis = self.member_visibility(node);
        let params = node
            .child_by_field_name("parameters")
            .map(|p| self.params(p, node));
        let body = node.child_by_field_name("body");
        self.define(node, kind, vis, params, body);
        self.push_frame(node, FrameKind::Fn, None, vis);
    }

    /// Parameters of a fn; also binds their names as locals of `func`.
    fn params(&mut self, list: Node<'a>, func: Node) -> Params {
        let scope = util::span(func);
        let mut out = Vec::new();
        let mut cursor = list.walk();
        // A parameter under `#[cfg(..)]` exists in some builds only: a call
        // may leave it out (`fn f(a: A, #[cfg(feature = "full")] b: B)`).
        let mut cfg_gated = false;
        for p in list.named_children(&mut cursor) {
            if p.kind() == "attribute_item" {
                cfg_gated |= self
                    .text(p)
                    .trim_start_matches("#[")
                    .trim_start()
                    .starts_with("cfg");
                continue;
            }
            let optional = std::mem::take(&mut cfg_gated);
            let ty = p
                .child_by_field_name("type")
                .map(|t| util::fold_whitespace(&extractor::capped_text(t, self.src, 480), 120));
            match p.kind() {
                "self_parameter" => out.push(Param {
                    name: "self".into(),
                    kind: ParamKind::Receiver,
                    has_default: false,
                    type_text: Some(util::fold_whitespace(
                        &extractor::capped_text(p, self.src, 480),
                        120,
                    )),
                }),
                "parameter" => {
                    let Some(pat) = p.child_by_field_name("pattern") else {
                        continue;
                    };
                    if pat.kind() == "self" {
                        out.push(Param {
                            name: "self".into(),
                            kind: ParamKind::Receiver,
                            has_default: false,
                            type_text: ty,
                        });
                        continue;
                    }
                    self.bind_pattern(pat, scope, 0);
                    self.skip.push(pat.id());
                    out.push(Param {
                        name: util::fold_whitespace(
                            &extractor::capped_text(pat, self.src, 480),
                            120,
                        ),
                        kind: ParamKind::PositionalOnly,
                        has_default: optional,
                        type_text: ty,
                    });
                }
                "variadic_parameter" => out.push(Param {
                    name: p
                        .child_by_field_name("pattern")
                        .map(|x| self.text(x).into_owned())
                        .unwrap_or_else(|| "...".into()),
                    kind: ParamKind::VarPositional,
                    has_default: false,
                    type_text: None,
                }),
                "attribute_item" | "line_comment" | "block_comment" => {}
                // Anonymous trait-method parameters of old editions: `fn f(u8)`.
                _ => out.push(Param {
                    name: "_".into(),
                    kind: ParamKind::PositionalOnly,
                    has_default: false,
                    type_text: Some(util::fold_whitespace(
                        &extractor::capped_text(p, self.src, 480),
                        120,
                    )),
                }),
            }
        }
        Params::new(out)
    }

    pub(super) fn type_item(&mut self, node: Node<'a>) {
        let (kind, fk) = match node.kind() {
            "struct_item" => (DefKind::Struct, FrameKind::Struct),
            "union_item" => (DefKind::Union, FrameKind::Struct),
            "enum_item" => (DefKind::Enum, FrameKind::Enum),
            _ => (DefKind::Trait, FrameKind::Trait),
        };
        let vis = self.member_visibility(node);
        let body = node.child_by_field_name("body");
        let name = self.define(node, kind, vis, None, body);
        self.push_frame(node, fk, name, vis);
    }

    pub(super) fn impl_item(&mut self, node: Node<'a>) {
        let name = node
            .child_by_field_name("type")
            .map(|t| self.base_type_name(t));
        let of_trait = node.child_by_field_name("trait").is_some();
        self.push_frame(
            node,
            FrameKind::Impl { of_trait },
            name,
            Visibility::Private,
        );
    }

    /// `Wrapper` for `&mut a::Wrapper<T>`.
    fn base_type_name(&self, t: Node) -> String {
        let mut t = t;
        for _ in 0..8 {
            let next = match t.kind() {
                "generic_type" | "reference_type" | "pointer_type" => t.child_by_field_name("type"),
                "scoped_type_identifier" => t.child_by_field_name("name"),
                _ => None,
            };
            match next {
                Some(n) => t = n,
                None => break,
            }
        }
        util::fold_whitespace(&extractor::capped_text(t, self.src, 480), 120)
    }

    pub(super) fn mod_item(&mut self, node: Node<'a>) {
        let vis = self.own_visibility(node);
        let body = node.child_by_field_name("body");
        let name = self.define(node, DefKind::Module, vis, None, body);
        match body {
            Some(_) => self.push_frame(node, FrameKind::Mod, name, vis),
            None => {
                if let Some(n) = name {
                    self.facts.imports.push(plumb_facts::Import {
                        module: n,
                        relative: true,
                        span: util::span(node),
                        ..Default::default()
                    });
                }
            }
        }
    }

    pub(super) fn type_alias(&mut self, node: Node<'a>) {
        let vis = self.member_visibility(node);
        self.define(node, DefKind::TypeAlias, vis, None, None);
        self.push_frame(node, FrameKind::Other, None, vis);
    }

    pub(super) fn const_item(&mut self, node: Node<'a>) {
        let vis = self.member_visibility(node);
        let mutable = node.kind() == "static_item" && {
            let mut c = node.walk();
            node.children(&mut c)
                .any(|x| x.kind() == "mutable_specifier")
        };
        let kind = if mutable {
            DefKind::Variable
        } else {
            DefKind::Constant
        };
        self.define(node, kind, vis, None, None);
    }

    pub(super) fn macro_definition(&mut self, node: Node<'a>) {
        self.facts.dynamic = true;
        // `#[macro_export]` makes a macro visible outside the crate.
        let exported = self
            .leading
            .before(node)
            .iter()
            .any(|&c| c.kind() == "attribute_item" && self.text(c).contains("macro_export"));
        let vis = if exported {
            Visibility::Public
        } else {
            Visibility::Private
        };
        if self.define(node, DefKind::Macro, vis, None, None).is_some() {
            // The walk does not descend into macro_rules! bodies.
            self.skip.pop();
        }
    }

    pub(super) fn enum_variant(&mut self, node: Node<'a>) {
        let vis = self.member_visibility(node);
        self.define(node, DefKind::EnumVariant, vis, None, None);
    }

    pub(super) fn field(&mut self, node: Node<'a>) {
        if self.top_kind() == Some(FrameKind::Struct) {
            let vis = self.own_visibility(node);
            self.define(node, DefKind::Field, vis, None, None);
        }
    }

    /// Derives of non-standard traits run proc macros that generate items.
    pub(super) fn attribute(&mut self, node: Node) {
        let t = self.text(node);
        if let Some(i) = t.find("derive(") {
            let list = &t[i + 7..];
            let list = &list[..list.find(')').unwrap_or(list.len())];
            if list
                .split(',')
                .map(|s| s.trim().rsplit("::").next().unwrap_or(""))
                .any(|s| !s.is_empty() && !STD_DERIVES.contains(&s))
            {
                self.facts.dynamic = true;
            }
        }
    }
}

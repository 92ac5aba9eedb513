//! Go definitions, parameters and local bindings.

use plumb_facts::{DefKind, Definition, LocalBinding, Param, ParamKind, Params, Span, Visibility};
use tree_sitter::Node;

use super::{Ex, FrameKind};
use crate::{extractor, util};

fn visibility(name: &str) -> Visibility {
    if name.starts_with(|c: char| c.is_uppercase()) {
        Visibility::Public
    } else {
        Visibility::Private
    }
}

fn is_comment(kind: &str) -> bool {
    kind == "comment"
}

impl<'a> Ex<'a> {
    fn bind(&mut self, name: Node, scope: Span) {
        let t = self.text(name);
        if t != "_" {
            self.facts.locals.push(LocalBinding {
                name: t.into_owned(),
                scope,
            });
        }
    }

    /// The comment block directly above `node`; `node` must be the node being entered.
    fn doc(&self, node: Node) -> Option<String> {
        util::adjacent_comments(self.leading.before(node), node, self.src, is_comment)
    }

    #[allow(clippy::too_many_arguments)]
    fn define(
        &mut self,
        node: Node,
        name_node: Node,
        kind: DefKind,
        container: Option<String>,
        doc: Option<String>,
        params: Option<Params>,
        body: Option<Node>,
    ) {
        let vis = visibility(&self.text(name_node));
        self.facts.definitions.push(Definition {
            container,
            doc,
            params,
            ..extractor::definition(node, name_node, kind, vis, body, self.src)
        });
    }

    pub(super) fn package_clause(&mut self, node: Node<'a>) {
        if let Some(n) = node.named_child(0) {
            let doc = self.doc(node);
            self.define(node, n, DefKind::Module, None, doc, None, None);
            let last = self.facts.definitions.last_mut().expect("just pushed");
            last.visibility = Visibility::Public;
        }
    }

    /// Generic parameters bind in `item` and are never type references.
    fn bind_generics(&mut self, item: Node<'a>) {
        let Some(tp) = item.child_by_field_name("type_parameters") else {
            return;
        };
        let scope = util::span(item);
        let mut cursor = tp.walk();
        for decl in tp.named_children(&mut cursor) {
            let mut c2 = decl.walk();
            for n in decl.children_by_field_name("name", &mut c2) {
                self.bind(n, scope);
                self.scopes.generics.push(self.text(n).into_owned());
            }
        }
    }

    /// Parameters of a signature, bound as locals of `scope`.
    fn params(&mut self, list: Node<'a>, scope: Span, out: &mut Vec<Param>) {
        let mut cursor = list.walk();
        for p in list.named_children(&mut cursor) {
            let kind = match p.kind() {
                "parameter_declaration" => ParamKind::PositionalOnly,
                "variadic_parameter_declaration" => ParamKind::VarPositional,
                _ => continue,
            };
            let ty = p
                .child_by_field_name("type")
                .map(|t| util::fold_whitespace(&extractor::capped_text(t, self.src, 480), 120));
            let mut c2 = p.walk();
            let names: Vec<Node> = p.children_by_field_name("name", &mut c2).collect();
            if names.is_empty() {
                out.push(Param {
                    name: "_".into(),
                    kind,
                    has_default: false,
                    type_text: ty.clone(),
                });
            }
            for n in names {
                self.bind(n, scope);
                self.skip.push(n.id());
                out.push(Param {
                    name: self.text(n).into_owned(),
                    kind,
                    has_default: false,
                    type_text: ty.clone(),
                });
            }
        }
    }

    pub(super) fn function(&mut self, node: Node<'a>) {
        let Some(name) = node.child_by_field_name("name") else {
            return;
        };
        self.skip.push(name.id());
        let scope = util::span(node);
        let mut list = Vec::new();
        let mut container = None;
        let mut kind = DefKind::Function;
        if let Some(recv) = node.child_by_field_name("receiver") {
            kind = DefKind::Method;
            let mut rp = Vec::new();
            self.params(recv, scope, &mut rp);
            if let Some(mut r) = rp.into_iter().next() {
                container = r.type_text.as_deref().map(receiver_base);
                r.kind = ParamKind::Receiver;
                list.push(r);
            }
        }
        self.scopes.push_frame(node.id(), FrameKind::Func, None);
        self.bind_generics(node);
        if let Some(recv) = node.child_by_field_name("receiver") {
            self.bind_receiver_generics(recv, scope);
        }
        if let Some(p) = node.child_by_field_name("parameters") {
            self.params(p, scope, &mut list);
        }
        self.bind_results(node, scope);
        let doc = self.doc(node);
        let body = node.child_by_field_name("body");
        self.define(
            node,
            name,
            kind,
            container,
            doc,
            Some(Params::new(list)),
            body,
        );
    }

    /// `func (c *Cache[K, V]) ...` binds `K` and `V` for the method.
    fn bind_receiver_generics(&mut self, recv: Node<'a>, scope: Span) {
        let Some(decl) = recv.named_child(0) else {
            return;
        };
        let mut t = decl.child_by_field_name("type");
        while let Some(n) = t {
            match n.kind() {
                "pointer_type" | "parenthesized_type" => t = n.named_child(0),
                _ => break,
            }
        }
        let Some(args) = t
            .filter(|n| n.kind() == "generic_type")
            .and_then(|g| g.child_by_field_name("type_arguments"))
        else {
            return;
        };
        let mut cursor = args.walk();
        let names: Vec<Node> = args.named_children(&mut cursor).collect();
        for n in names {
            // `type_arguments` wraps each argument in a `type_elem`.
            let n = if n.kind() == "type_elem" {
                n.named_child(0).unwrap_or(n)
            } else {
                n
            };
            if n.kind() == "type_identifier" {
                self.bind(n, scope);
                self.scopes.generics.push(self.text(n).into_owned());
            }
        }
    }

    pub(super) fn func_literal(&mut self, node: Node<'a>) {
        self.scopes.push_frame(node.id(), FrameKind::Func, None);
        if let Some(p) = node.child_by_field_name("parameters") {
            let mut sink = Vec::new();
            self.params(p, util::span(node), &mut sink);
        }
        self.bind_results(node, util::span(node));
    }

    /// Named results (`func f() (n int, err error)`) are locals of the body.
    fn bind_results(&mut self, func: Node<'a>, scope: Span) {
        if let Some(res) = func.child_by_field_name("result")
            && res.kind() == "parameter_list"
        {
            let mut sink = Vec::new();
            self.params(res, scope, &mut sink);
        }
    }

    pub(super) fn type_spec(&mut self, node: Node<'a>) {
        let Some(name) = node.child_by_field_name("name") else {
            return;
        };
        self.skip.push(name.id());
        let ty = node.child_by_field_name("type");
        let (kind, frame) = match ty.map(|t| t.kind()) {
            Some("struct_type") if node.kind() == "type_spec" => {
                (DefKind::Struct, FrameKind::Struct)
            }
            Some("interface_type") if node.kind() == "type_spec" => {
                (DefKind::Interface, FrameKind::Interface)
            }
            _ => (DefKind::TypeAlias, FrameKind::Other),
        };
        let doc = self.doc(node).or_else(|| self.decl_doc());
        let body = match kind {
            DefKind::TypeAlias => None,
            _ => ty,
        };
        self.define(node, name, kind, None, doc, None, body);
        self.scopes.push_frame(node.id(), FrameKind::Other, None);
        self.bind_generics(node);
        if let Some(t) = ty
            && frame != FrameKind::Other
        {
            let n = self.text(name).into_owned();
            self.scopes.push_frame(t.id(), frame, Some(n));
        }
    }

    pub(super) fn field(&mut self, node: Node<'a>) {
        let Some(top) = self.scopes.frames.last() else {
            return;
        };
        if top.kind != FrameKind::Struct {
            return;
        }
        let container = top.name.clone();
        let doc = self.doc(node);
        let mut cursor = node.walk();
        let names: Vec<Node> = node.children_by_field_name("name", &mut cursor).collect();
        if names.is_empty() {
            // Embedded field: named after its type.
            let mut t = node.child_by_field_name("type");
            while let Some(n) = t {
                match n.kind() {
                    "pointer_type" => t = n.named_child(0),
                    "generic_type" => t = n.child_by_field_name("type"),
                    "qualified_type" => t = n.child_by_field_name("name"),
                    _ => break,
                }
            }
            if let Some(t) = t.filter(|t| t.kind() == "type_identifier") {
                self.define(node, t, DefKind::Field, container, doc, None, None);
            }
            return;
        }
        for n in names {
            self.define(
                node,
                n,
                DefKind::Field,
                container.clone(),
                doc.clone(),
                None,
                None,
            );
        }
    }

    pub(super) fn method_elem(&mut self, node: Node<'a>) {
        let Some(top) = self.scopes.frames.last() else {
            return;
        };
        if top.kind != FrameKind::Interface {
            return;
        }
        let container = top.name.clone();
        let Some(name) = node.child_by_field_name("name") else {
            return;
        };
        let mut list = Vec::new();
        if let Some(p) = node.child_by_field_name("parameters") {
            // Names in a method spec bind nothing; bind into a throwaway scope.
            let before = self.facts.locals.len();
            self.params(p, util::span(node), &mut list);
            self.facts.locals.truncate(before);
        }
        let doc = self.doc(node);
        self.define(
            node,
            name,
            DefKind::Method,
            container,
            doc,
            Some(Params::new(list)),
            None,
        );
    }

    /// `const`/`var` declarations: definitions at package level, locals inside functions.
    /// A `type`/`const`/`var` declaration: its doc comment documents every
    /// spec in it that has none of its own.
    pub(super) fn declaration(&mut self, decl: Node<'a>) {
        let doc = self.doc(decl);
        self.decl_doc = Some((decl.id(), doc));
    }

    fn decl_doc(&self) -> Option<String> {
        self.decl_doc.as_ref().and_then(|(_, d)| d.clone())
    }

    /// A `const`/`var` spec: definitions at package level, locals inside functions.
    pub(super) fn value_spec(&mut self, spec: Node<'a>) {
        let local = self.in_func();
        let kind = if spec.kind() == "const_spec" {
            DefKind::Constant
        } else {
            DefKind::Variable
        };
        let mut c2 = spec.walk();
        let names: Vec<Node> = spec.children_by_field_name("name", &mut c2).collect();
        let scope = self.scopes.block_scope(spec);
        let doc = if local {
            None
        } else {
            self.doc(spec).or_else(|| self.decl_doc())
        };
        for n in names.into_iter().filter(|n| n.kind() == "identifier") {
            self.skip.push(n.id());
            if local {
                self.bind(n, scope);
            } else {
                self.define(spec, n, kind, None, doc.clone(), None, None);
            }
        }
    }

    pub(super) fn short_var(&mut self, node: Node<'a>) {
        if node.id() == self.for_init {
            return;
        }
        let scope = self.scopes.block_scope(node);
        self.bind_list(node.child_by_field_name("left"), scope);
    }

    fn bind_list(&mut self, list: Option<Node<'a>>, scope: Span) {
        let Some(list) = list else { return };
        let mut cursor = list.walk();
        let ids: Vec<Node> = list
            .named_children(&mut cursor)
            .filter(|n| n.kind() == "identifier")
            .collect();
        for n in ids {
            self.bind(n, scope);
        }
    }

    pub(super) fn for_statement(&mut self, node: Node<'a>) {
        let scope = util::span(node);
        let mut cursor = node.walk();
        let kids: Vec<Node> = node.named_children(&mut cursor).collect();
        for c in kids {
            match c.kind() {
                "range_clause" => self.bind_list(c.child_by_field_name("left"), scope),
                "for_clause" => {
                    if let Some(init) = c.child_by_field_name("initializer")
                        && init.kind() == "short_var_declaration"
                    {
                        self.bind_list(init.child_by_field_name("left"), scope);
                        self.for_init = init.id();
                    }
                }
                _ => {}
            }
        }
    }

    pub(super) fn type_switch(&mut self, node: Node<'a>) {
        self.bind_list(node.child_by_field_name("alias"), util::span(node));
        self.statement_init(node);
    }

    /// `if x := f(); …` and `switch x := f(); …`: `x` is scoped to the statement.
    pub(super) fn statement_init(&mut self, node: Node<'a>) {
        if let Some(init) = node.child_by_field_name("initializer")
            && init.kind() == "short_var_declaration"
        {
            self.bind_list(init.child_by_field_name("left"), util::span(node));
            self.for_init = init.id();
        }
    }

    pub(super) fn receive(&mut self, node: Node<'a>) {
        let scope = self.scopes.block_scope(node);
        self.bind_list(node.child_by_field_name("left"), scope);
    }
}

/// `List` for a receiver type written `*List[T]`.
fn receiver_base(t: &str) -> String {
    let t = t.trim_start_matches(['*', ' ', '(']);
    let end = t.find(['[', ')', ' ']).unwrap_or(t.len());
    t[..end].to_string()
}

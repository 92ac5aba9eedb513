//! C++ adapter: the C walker (`crate::c`) plus the nodes tree-sitter-cpp adds.
//!
//! Per-language decisions (on top of the C ones in `crate::c`):
//! - class/struct/union with a body are Class/Struct/Union; their function
//!   members (inline definitions and in-class declarations) are Method with
//!   the class as container; constructors are named like the class,
//!   destructors `~A`, operators `operator+`, conversions `operator bool`.
//!   Class params stay None. C++ methods have no Receiver parameter.
//! - Out-of-class definitions `void A::B::f()` are Method with container
//!   `A.B` (plus enclosing namespaces), unless `B` is a namespace seen in
//!   this file (then Function); visibility of out-of-class definitions is
//!   Public. `int A::n = 0;` is a Field of `A`.
//! - Access: sections `public:`/`protected:`/`private:`; struct/union default
//!   public, class default private. At namespace level `static` or an
//!   anonymous namespace means Private.
//! - namespace is Module and a container; `namespace A::B {}` defines both.
//! - Templates are unwrapped: the definition's span and doc start at
//!   `template <...>`; template parameters are locals of the template.
//! - `using X = T;` is TypeAlias; `using namespace x;` is a wildcard Import of
//!   `x`; `using a::b;` imports name `b` from module `a` (and mentions of `b`
//!   become Use references); `namespace f = a::b;` imports `a::b` aliased `f`.
//!   `using` inside a class body is not an import.
//! - Default arguments set has_default; `Ts... xs` is VarPositional.
//! - References: `new T(x)` is a Call of `T`; `std::sort(...)` is Call `sort`
//!   qualifier `std`; `a::b` in an expression is a Use (a Type when `b` is a
//!   type); friend function definitions are Functions of the enclosing
//!   namespace; lambdas define nothing (their parameters are locals).
//!
//! This module owns C++-only extraction; the shared walk lives in `crate::c`.

use plumb_facts::{DefKind, FileFacts, Import, ImportedName, Lang, RefKind, Reference, Visibility};
use tree_sitter::{Node, Tree};

use crate::LanguageAdapter;
use crate::c::{self, Walker};
use crate::util::{self, fold_whitespace};

pub struct CppAdapter;

impl LanguageAdapter for CppAdapter {
    fn lang(&self) -> Lang {
        Lang::Cpp
    }
    fn extensions(&self) -> &'static [&'static str] {
        &[
            "cpp", "cc", "cxx", "c++", "hpp", "hh", "hxx", "h", "ipp", "tpp",
        ]
    }
    fn grammar(&self) -> tree_sitter::Language {
        tree_sitter_cpp::LANGUAGE.into()
    }
    fn extract(&self, tree: &Tree, src: &[u8]) -> FileFacts {
        Walker::new(src, true).run(tree.root_node())
    }
}

/// C++-only node kinds that [`visit`] handles.
pub(crate) fn is_structural(kind: &str) -> bool {
    matches!(
        kind,
        "namespace_definition"
            | "template_declaration"
            | "alias_declaration"
            | "using_declaration"
            | "namespace_alias_definition"
            | "friend_declaration"
            | "lambda_expression"
    )
}

/// Handle a C++-only node; false when the node is not one.
pub(crate) fn visit<'t>(w: &mut Walker<'t, '_>, node: Node<'t>) -> bool {
    match node.kind() {
        "namespace_definition" => namespace(w, node),
        "template_declaration" => template(w, node),
        "alias_declaration" => alias(w, node, node),
        "using_declaration" => using(w, node),
        "namespace_alias_definition" => namespace_alias(w, node),
        "friend_declaration" => friend(w, node),
        "lambda_expression" => lambda(w, node),
        "access_specifier" => {
            if w.in_class {
                w.access = match &*w.text(node) {
                    "private" => Visibility::Private,
                    "protected" => Visibility::Protected,
                    _ => Visibility::Public,
                };
            }
        }
        _ => return false,
    }
    true
}

fn namespace<'t>(w: &mut Walker<'t, '_>, node: Node<'t>) {
    let body = w.fld(node, "body");
    let Some(name) = w.fld(node, "name") else {
        w.anon_ns += 1;
        if let Some(b) = body {
            w.visit_children(b);
        }
        w.anon_ns -= 1;
        return;
    };
    let mut segments = Vec::new();
    collect_namespace_ids(name, &mut segments);
    let depth = w.containers.len();
    let saved_class = std::mem::replace(&mut w.in_class, false);
    for s in segments {
        let t = w.text(s).into_owned();
        let container = w.container();
        w.define(
            node,
            DefKind::Module,
            t.clone(),
            s,
            container,
            false,
            None,
            body,
        );
        w.namespaces.insert(t.clone());
        w.containers.push(t);
    }
    if let Some(b) = body {
        w.visit_children(b);
    }
    w.containers.truncate(depth);
    w.in_class = saved_class;
}

fn collect_namespace_ids<'t>(n: Node<'t>, out: &mut Vec<Node<'t>>) {
    if matches!(n.kind(), "namespace_identifier" | "identifier") {
        out.push(n);
        return;
    }
    let mut c = n.walk();
    for ch in n.named_children(&mut c) {
        collect_namespace_ids(ch, out);
    }
}

/// `template <...> item`: parameters become locals of the template; the item
/// is defined with the template as its outer node.
fn template<'t>(w: &mut Walker<'t, '_>, node: Node<'t>) {
    let span = util::span(node);
    let params = w.fld(node, "parameters");
    if let Some(list) = params {
        let mut c = list.walk();
        let items: Vec<Node> = list.named_children(&mut c).collect();
        for p in items {
            match p.kind() {
                "type_parameter_declaration" | "variadic_type_parameter_declaration" => {
                    let mut c2 = p.walk();
                    let id = p
                        .named_children(&mut c2)
                        .find(|x| x.kind() == "type_identifier");
                    if let Some(id) = id {
                        w.bind_local(id, span);
                    }
                }
                "optional_type_parameter_declaration" => {
                    if let Some(n) = w.fld(p, "name") {
                        w.bind_local(n, span);
                    }
                    if let Some(d) = w.fld(p, "default_type") {
                        w.references(d, None);
                    }
                }
                "template_template_parameter_declaration" => {
                    let mut c2 = p.walk();
                    let last = p.named_children(&mut c2).last();
                    if let Some(inner) = last {
                        let mut c3 = inner.walk();
                        let id = inner
                            .named_children(&mut c3)
                            .find(|x| x.kind() == "type_identifier");
                        if let Some(id) = id {
                            w.bind_local(id, span);
                        }
                    }
                }
                _ => {
                    let name = w.fld(p, "declarator").and_then(c::bound_name);
                    if let Some(n) = name {
                        w.bind_local(n, span);
                    }
                    w.references(p, name);
                }
            }
        }
    }
    let mut c = node.walk();
    let items: Vec<Node> = node
        .named_children(&mut c)
        .filter(|n| Some(*n) != params)
        .collect();
    for item in items {
        match item.kind() {
            "function_definition" => w.function_definition(item, node),
            "declaration" | "field_declaration" => w.declaration(item, node),
            k if c::is_specifier(k) => w.specifier(item, node, None),
            "alias_declaration" => alias(w, item, node),
            "comment" => {}
            _ => w.visit(item),
        }
    }
}

/// `using X = T;`
fn alias<'t>(w: &mut Walker<'t, '_>, node: Node<'t>, outer: Node<'t>) {
    if let Some(name) = w.fld(node, "name") {
        if let Some(scope) = w.scope {
            w.bind_local(name, scope);
        } else {
            let n = w.text(name).into_owned();
            let container = w.container();
            w.define(
                outer,
                DefKind::TypeAlias,
                n,
                name,
                container,
                false,
                None,
                None,
            );
        }
    }
    if let Some(t) = w.fld(node, "type") {
        w.references(t, None);
    }
}

/// `using namespace a::b;` and `using a::b;` (not inside a class body).
fn using<'t>(w: &mut Walker<'t, '_>, node: Node<'t>) {
    if w.in_class {
        return;
    }
    let mut c = node.walk();
    let children: Vec<Node> = node.children(&mut c).collect();
    let wildcard = children.iter().any(|n| n.kind() == "namespace");
    if children.iter().any(|n| n.kind() == "enum") {
        return;
    }
    let Some(target) = children
        .iter()
        .rev()
        .find(|n| n.is_named() && n.kind() != "comment")
        .copied()
    else {
        return;
    };
    let full = fold_whitespace(&w.text(target), 200);
    let import = if wildcard {
        Import {
            module: full,
            wildcard: true,
            span: util::span(node),
            ..Default::default()
        }
    } else {
        let Some((module, name)) = full.rsplit_once("::") else {
            return;
        };
        let module = module.trim().to_string();
        let name = name.trim().to_string();
        if module.is_empty() || name.is_empty() {
            return;
        }
        w.imported.insert(name.clone());
        Import {
            module,
            names: vec![ImportedName { name, alias: None }],
            span: util::span(node),
            ..Default::default()
        }
    };
    w.facts.imports.push(import);
}

/// `namespace fs = std::filesystem;`
fn namespace_alias<'t>(w: &mut Walker<'t, '_>, node: Node<'t>) {
    let Some(name) = w.fld(node, "name") else {
        return;
    };
    let mut c = node.walk();
    let target = node
        .named_children(&mut c)
        .filter(|n| *n != name && n.kind() != "comment")
        .last();
    let Some(target) = target else { return };
    let alias = w.text(name).into_owned();
    w.namespaces.insert(alias.clone());
    w.facts.imports.push(Import {
        module: fold_whitespace(&w.text(target), 200),
        alias: Some(alias),
        span: util::span(node),
        ..Default::default()
    });
}

/// `friend ...;` in a class: an inline friend function is a Function of the
/// enclosing namespace; friend declarations only yield references.
fn friend<'t>(w: &mut Walker<'t, '_>, node: Node<'t>) {
    let mut c = node.walk();
    let items: Vec<Node> = node.named_children(&mut c).collect();
    for item in items {
        if item.kind() == "function_definition" && w.scope.is_none() {
            let saved_class = std::mem::replace(&mut w.in_class, false);
            let saved = w.containers.pop();
            w.function_definition(item, node);
            w.containers.extend(saved);
            w.in_class = saved_class;
        } else {
            w.references(item, None);
        }
    }
}

/// A lambda defines nothing; its parameters and locals are scoped to it.
fn lambda<'t>(w: &mut Walker<'t, '_>, node: Node<'t>) {
    let span = util::span(node);
    let saved = w.scope.replace(span);
    let saved_class = std::mem::replace(&mut w.in_class, false);
    if let Some(caps) = w.fld(node, "captures") {
        let mut c = caps.walk();
        let inits: Vec<Node> = caps
            .named_children(&mut c)
            .filter(|n| n.kind() == "lambda_capture_initializer")
            .collect();
        for i in inits {
            if let Some(l) = w.fld(i, "left") {
                w.bind_local(l, span);
            }
        }
        w.references(caps, None);
    }
    if let Some(d) = w.fld(node, "declarator") {
        if let Some(list) = w.fld(d, "parameters") {
            w.bind_params(list, span);
        }
        w.references(d, None);
    }
    if let Some(b) = w.fld(node, "body") {
        w.references(b, None);
    }
    w.scope = saved;
    w.in_class = saved_class;
}

/// `new T(x)`: a Call of `T`.
pub(crate) fn new_expression<'t>(w: &mut Walker<'t, '_>, n: Node<'t>, stack: &mut Vec<Node<'t>>) {
    w.push_field(stack, n, "arguments");
    w.push_field(stack, n, "placement");
    w.push_field(stack, n, "declarator");
    let Some(t) = w.fld(n, "type") else { return };
    let (name, qualifier) = match t.kind() {
        "type_identifier" => (Some(t), None),
        "qualified_identifier" => w.qualified_parts(t, stack),
        "template_type" => {
            w.push_field(stack, t, "arguments");
            (w.fld(t, "name"), None)
        }
        _ => {
            stack.push(t);
            (None, None)
        }
    };
    let Some(name) = name.filter(|n| n.kind() == "type_identifier") else {
        return;
    };
    let (count, spread) = n
        .child_by_field_name("arguments")
        .map_or((0, false), c::count_args);
    w.facts.references.push(Reference {
        name: w.text(name).into_owned(),
        kind: RefKind::Call,
        qualifier,
        span: util::span(name),
        arg_count: Some(count),
        has_spread: spread,
        ..Default::default()
    });
}

/// Statements that bind names: `for (auto& x : xs)`, `catch (E& e)`.
pub(crate) fn bind_statement<'t>(w: &mut Walker<'t, '_>, n: Node<'t>, stack: &mut Vec<Node<'t>>) {
    let span = w.scope.unwrap_or_else(|| util::span(n));
    let decl = w.fld(n, "declarator");
    if let Some(d) = decl {
        let info = c::inspect(d);
        w.bind_declarator(d, &info, span);
    }
    if n.kind() == "catch_clause"
        && let Some(list) = w.fld(n, "parameters")
    {
        w.bind_params(list, span);
    }
    let mut c = n.walk();
    for ch in n.named_children(&mut c) {
        if Some(ch) != decl {
            stack.push(ch);
        }
    }
}

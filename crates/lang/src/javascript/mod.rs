//! JavaScript adapter, and the walker the TypeScript and TSX adapters share.
//!
//! Owns JS extraction (the TS-only nodes live in `crate::typescript`, which
//! extends this walker). One walk per file with pooled tree cursors.
//! Per-language decisions:
//! - Module level: `export`ed declarations, names in `export { a, b }`,
//!   `export default name`, `module.exports = { a, b }` / `= name` are Public;
//!   other module-level declarations are Private. Class members are Public
//!   unless `private`/`#name` (Private) or `protected` (Protected).
//! - `const`/`let`/`var` at module level: a Function when the value is an arrow
//!   function or function expression (named by the variable, params from the
//!   function), a Class when it is a class expression, else Constant (`const`)
//!   or Variable; bindings whose value is `require(...)` are imports, not
//!   definitions. Inside functions such bindings are locals, except
//!   function-valued ones, which are also nested Functions.
//! - `module.exports.f = ...` / `exports.f = ...` define Public Functions (or
//!   Variables for non-function values); `A.prototype.m = function` defines
//!   Method `m` of `A` (`A.prototype.m = helpers.m`, a Variable `m` of `A`),
//!   also through a top-level alias (`const pp = A.prototype; pp.m = …`);
//!   `A.include({m() {}, k: v})` (also `mixin`, `implement`) defines the
//!   literal's keys as members of `A`.
//! - `this.x = ...` inside a class's methods (not inside plain nested
//!   functions) defines Field `x` of the class, once per name.
//! - A class's params are its constructor's, `None` without a constructor.
//!   Class fields whose value is an arrow function are Methods.
//! - A named function whose body reads `arguments` gets a trailing
//!   VarPositional parameter `arguments` (it accepts any number of arguments).
//! - Subtrees nested deeper than `MAX_DEPTH` walk levels are skipped.
//! - Default imports are recorded as the name `default` aliased to the local name.
//! - `dynamic` marks what makes names appear at run time: `eval`, `with`,
//!   assignments to computed members of `exports`, `module.exports` or the
//!   global object. Computed calls (`obj[key]()`), `new Function(src)` (it
//!   compiles in the global scope) and `require`/`import()` of a computed
//!   path are not dynamic: they bind no new name here.
//! - A local named `this` marks where `this` stops meaning the enclosing
//!   class: plain functions (except `A.prototype.m = function`, whose `this`
//!   is an A), object-literal methods and anonymous class bodies bind it
//!   over their span.
//! - Locals use the enclosing function (or arrow/catch/for) span as scope;
//!   declarations in blocks at module level are locals of that block.

mod class;
mod decls;
mod refs;

use std::collections::{HashMap, HashSet};

use plumb_facts::{FileFacts, Lang, Span};
use tree_sitter::{Node, Tree, TreeCursor};

use crate::extractor::RecursiveWalk;
use crate::{LanguageAdapter, NodeClass, extractor, node_class, util};

pub struct JavaScriptAdapter;

impl LanguageAdapter for JavaScriptAdapter {
    fn lang(&self) -> Lang {
        Lang::JavaScript
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["js", "jsx", "mjs", "cjs"]
    }
    fn grammar(&self) -> tree_sitter::Language {
        tree_sitter_javascript::LANGUAGE.into()
    }
    fn node_class(&self, kind: &str) -> NodeClass {
        js_node_class(kind)
    }
    fn extract(&self, tree: &Tree, src: &[u8]) -> FileFacts {
        extract_with(tree, src, false)
    }
}

/// Where `node_class::generic` misreads the JS/TS grammars.
pub(crate) fn js_node_class(kind: &str) -> NodeClass {
    match kind {
        "function_expression" | "generator_function" | "function" => NodeClass::Lambda,
        "switch_case" | "switch_default" => NodeClass::Case,
        "switch_body" | "class_body" => NodeClass::Block,
        "class_heritage" => NodeClass::Other,
        "this" => NodeClass::Identifier,
        "field_definition" | "public_field_definition" => NodeClass::Declaration,
        _ => node_class::generic(kind),
    }
}

/// Run the shared walker; `ts` enables the TypeScript node handlers.
pub(crate) fn extract_with(tree: &Tree, src: &[u8], ts: bool) -> FileFacts {
    let root = tree.root_node();
    let mut ex = Extractor {
        src,
        ts,
        facts: FileFacts::default(),
        imported: HashSet::new(),
        exported: Vec::new(),
        export_stmt: None,
        current_fn: None,
        this_class: None,
        fields: HashSet::new(),
        class_like: HashSet::new(),
        top_names: HashSet::new(),
        prototype_aliases: HashMap::new(),
        pool: Vec::new(),
        depth: 0,
        comment_runs: util::comment_runs(root, is_comment),
    };
    ex.facts.parse_errors = util::count_errors(root);
    ex.prescan_imports(root);
    ex.prescan_class_like(root);
    ex.prescan_prototype_aliases(root);
    let sc = Scope {
        level: Level::Module,
        container: None,
        local: util::span(root),
        exported: false,
    };
    let mut cur = root.walk();
    ex.walk(&mut cur, &sc);
    ex.finish()
}

pub(crate) use crate::extractor::MAX_DEPTH;

/// Comment node kinds (doc comments are the comments right above a definition).
pub(crate) fn is_comment(kind: &str) -> bool {
    kind == "comment"
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Level {
    /// Program or namespace body: declarations are definitions.
    Module,
    Class,
    Function,
    /// A block at module level: declarations are locals of the block.
    Block,
}

#[derive(Clone, Copy)]
pub(crate) struct Scope<'a> {
    pub level: Level,
    pub container: Option<&'a str>,
    pub local: Span,
    /// The declaration being walked is the target of an `export`.
    pub exported: bool,
}

pub(crate) struct Extractor<'s, 't> {
    pub src: &'s [u8],
    pub ts: bool,
    pub facts: FileFacts,
    pub imported: HashSet<String>,
    /// Names exported by `export { a }`, `export default a`, `module.exports`.
    pub exported: Vec<String>,
    /// The `export` statement around the declaration being walked.
    pub export_stmt: Option<Node<'t>>,
    /// Index of the definition of the named function whose body is walked.
    pub current_fn: Option<usize>,
    /// Qualified name of the class whose method bodies are walked (for `this.x = ...`).
    pub this_class: Option<String>,
    /// `Class.field` names already defined.
    pub fields: HashSet<String>,
    /// Names of the module's top-level classes and function declarations
    /// (found before the walk: declarations hoist above `Base.x = …`).
    pub class_like: HashSet<String>,
    /// Every name the module declares at its top (variables, functions,
    /// classes, imports): an assignment to a member of any other name
    /// (`Object.deepFreeze = function`) adds to a global.
    pub top_names: HashSet<String>,
    /// `const pp = Parser.prototype` at the module's top (acorn): `pp` ->
    /// `Parser`, so `pp.m = function` defines Method `m` of `Parser`.
    pub prototype_aliases: HashMap<String, String>,
    pool: Vec<TreeCursor<'t>>,
    pub depth: u32,
    /// The comment siblings right before each node that has some (for docs).
    pub comment_runs: HashMap<usize, Vec<Node<'t>>>,
}

impl<'s, 't> RecursiveWalk<'t> for Extractor<'s, 't> {
    type Scope<'a> = Scope<'a>;

    fn walk(&mut self, cur: &mut TreeCursor<'t>, sc: &Scope) {
        Extractor::walk(self, cur, sc)
    }
    fn pool(&mut self) -> &mut Vec<TreeCursor<'t>> {
        &mut self.pool
    }
    fn depth(&mut self) -> &mut u32 {
        &mut self.depth
    }
}

impl<'s, 't> Extractor<'s, 't> {
    fn finish(mut self) -> FileFacts {
        extractor::publish(&mut self.facts.definitions, &self.exported);
        self.facts
    }

    pub fn text(&self, n: Node) -> std::borrow::Cow<'s, str> {
        util::text(n, self.src)
    }

    pub fn walk(&mut self, cur: &mut TreeCursor<'t>, sc: &Scope) {
        let node = cur.node();
        // Anonymous nodes (punctuation, keywords) are leaves with nothing to extract.
        if !node.is_named() {
            return;
        }
        match node.kind() {
            "comment"
            | "string"
            | "number"
            | "regex"
            | "true"
            | "false"
            | "null"
            | "undefined"
            | "this"
            | "super"
            | "hash_bang_line"
            | "statement_identifier"
            | "property_identifier"
            | "private_property_identifier"
            | "jsx_text"
            | "string_fragment"
            | "escape_sequence"
            | "empty_statement" => {}
            "identifier" | "shorthand_property_identifier" => self.ident(node),
            "function_declaration" | "generator_function_declaration" => {
                self.function_decl(node, sc)
            }
            "function_expression" | "generator_function" | "function" | "arrow_function" => {
                self.function_like(node, None, sc)
            }
            "method_definition" => self.function_like(node, None, sc),
            "class_declaration" | "abstract_class_declaration" | "class" => {
                self.class(node, None, sc)
            }
            "lexical_declaration" | "variable_declaration" => self.declaration(node, sc),
            "assignment_expression" => self.assignment(node, sc),
            "call_expression" => self.call(node, sc),
            "new_expression" => self.new_expr(node, sc),
            "member_expression" => self.member(node, sc),
            "import_statement" => self.import(node),
            "export_statement" => self.export(node, sc),
            "for_in_statement" | "for_statement" => self.for_loop(node, sc),
            "catch_clause" => self.catch(node, sc),
            // `with (obj)` turns obj's properties into bare names.
            "with_statement" => {
                self.facts.dynamic = true;
                self.children(cur, sc)
            }
            "statement_block" if sc.level == Level::Module => {
                let inner = Scope {
                    level: Level::Block,
                    local: util::span(node),
                    ..*sc
                };
                self.children(cur, &inner);
            }
            "pair" => {
                if let Some(k) = node.child_by_field_name("key")
                    && k.kind() == "computed_property_name"
                {
                    self.walk_node(k, sc);
                }
                if let Some(v) = node.child_by_field_name("value") {
                    self.walk_node(v, sc);
                }
            }
            // Error recovery often turns a declaration after the error into a
            // named function expression: keep it as a definition.
            "ERROR" => {
                for k in self.kids(node) {
                    match k.kind() {
                        "function_expression" | "generator_function"
                            if k.child_by_field_name("name").is_some() =>
                        {
                            self.function_decl(k, sc)
                        }
                        _ => self.walk_node(k, sc),
                    }
                }
            }
            _ if self.ts && self.ts_node(node, sc) => {}
            _ => self.children(cur, sc),
        }
    }

    /// Walk the named children of `node`.
    pub fn walk_kids(&mut self, node: Node<'t>, sc: &Scope) {
        let mut c = self.cursor(node);
        self.children(&mut c, sc);
        self.release(c);
    }

    /// The named children of `node` (for the few places that need random access).
    pub fn kids(&mut self, node: Node<'t>) -> Vec<Node<'t>> {
        let mut out = Vec::new();
        let mut c = self.cursor(node);
        if c.goto_first_child() {
            loop {
                let n = c.node();
                if n.is_named() && n.kind() != "comment" {
                    out.push(n);
                }
                if !c.goto_next_sibling() {
                    break;
                }
            }
        }
        self.release(c);
        out
    }

    /// Bind every identifier of a binding pattern as a local of `scope`;
    /// default values inside the pattern are walked.
    pub fn bind(&mut self, pat: Node<'t>, scope: Span, sc: &Scope) {
        if self.depth > MAX_DEPTH {
            return;
        }
        self.depth += 1;
        self.bind_inner(pat, scope, sc);
        self.depth -= 1;
    }

    fn bind_inner(&mut self, pat: Node<'t>, scope: Span, sc: &Scope) {
        match pat.kind() {
            "identifier" | "shorthand_property_identifier_pattern" | "type_identifier" => {
                let t = self.text(pat);
                extractor::bind_once(&mut self.facts.locals, &t, scope);
            }
            "object_pattern" | "array_pattern" | "rest_pattern" => {
                for k in self.kids(pat) {
                    self.bind(k, scope, sc);
                }
            }
            "pair_pattern" => {
                if let Some(v) = pat.child_by_field_name("value") {
                    self.bind(v, scope, sc);
                }
            }
            "assignment_pattern" | "object_assignment_pattern" => {
                if let Some(l) = pat.child_by_field_name("left") {
                    self.bind(l, scope, sc);
                }
                if let Some(r) = pat.child_by_field_name("right") {
                    self.walk_node(r, sc);
                }
            }
            _ => self.walk_node(pat, sc),
        }
    }

    fn for_loop(&mut self, node: Node<'t>, sc: &Scope) {
        let scope = if sc.level == Level::Function {
            sc.local
        } else {
            util::span(node)
        };
        let inner = Scope {
            level: if sc.level == Level::Module {
                Level::Block
            } else {
                sc.level
            },
            local: scope,
            ..*sc
        };
        let mut c = self.cursor(node);
        if c.goto_first_child() {
            loop {
                let ch = c.node();
                match c.field_name() {
                    Some("left") if node.child_by_field_name("kind").is_some() => {
                        self.bind(ch, scope, &inner)
                    }
                    _ if ch.is_named() => self.walk_node(ch, &inner),
                    _ => {}
                }
                if !c.goto_next_sibling() {
                    break;
                }
            }
        }
        self.release(c);
    }

    fn catch(&mut self, node: Node<'t>, sc: &Scope) {
        let scope = util::span(node);
        if let Some(p) = node.child_by_field_name("parameter") {
            self.bind(p, scope, sc);
        }
        if let Some(b) = node.child_by_field_name("body") {
            let inner = Scope {
                level: if sc.level == Level::Module {
                    Level::Block
                } else {
                    sc.level
                },
                local: if sc.level == Level::Function {
                    sc.local
                } else {
                    scope
                },
                ..*sc
            };
            self.walk_kids(b, &inner);
        }
    }
}

/// `Outer.name`, or `name` at top level.
pub(crate) fn qualify(container: Option<&str>, name: &str) -> String {
    match container {
        Some(c) => format!("{c}.{name}"),
        None => name.to_string(),
    }
}

/// A string literal's contents without its quotes.
pub(crate) fn unquote(s: &str) -> &str {
    let s = s.strip_prefix(['"', '\'', '`']).unwrap_or(s);
    s.strip_suffix(['"', '\'', '`']).unwrap_or(s)
}

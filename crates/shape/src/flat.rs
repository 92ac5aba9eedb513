//! One cursor walk over a subtree into a flat pre-order array of nodes with
//! their shared [`NodeClass`], parent, field role and byte range. Everything
//! else in this crate reads the flat array, never the tree. Owns the per-
//! language caches (kind id -> class, field id -> role); touches nothing else.

use std::cell::RefCell;

use plumb_facts::Lang;
use plumb_lang::{LanguageAdapter, NodeClass};
use tree_sitter::Node;

/// Walks stop after this many nodes: the cost of a huge function is bounded.
pub const MAX_NODES: usize = 60_000;

/// Classes beyond [`NodeClass`], found from operator tokens (language-neutral).
pub const LOGIC: u8 = 60;
pub const UPDATE: u8 = 61;

pub fn cls(c: NodeClass) -> u8 {
    c as u8
}

/// What a node is to its parent, from the grammar's field name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum Role {
    None,
    /// The callee of a call (`function`, `macro`, `method`).
    Callee,
    /// A name being declared (`name`, `declarator`, `pattern`).
    DefName,
    /// Left side of an assignment or the variable of a for-in loop.
    Left,
    Right,
    Condition,
    Body,
    Member,
    Arguments,
    Other,
}

fn role_of(field: &str) -> Role {
    match field {
        "function" | "macro" | "method" => Role::Callee,
        "name" | "declarator" | "pattern" => Role::DefName,
        "left" => Role::Left,
        "right" | "value" => Role::Right,
        "condition" => Role::Condition,
        "body" | "consequence" | "alternative" => Role::Body,
        "field" | "property" | "attribute" => Role::Member,
        "arguments" => Role::Arguments,
        _ => Role::Other,
    }
}

#[derive(Clone, Copy, Debug)]
pub struct FNode {
    pub class: u8,
    pub role: Role,
    pub named: bool,
    /// Emits one token: a true leaf, or a string literal taken whole.
    pub leaf: bool,
    pub parent: u32,
    pub start: u32,
    pub end: u32,
}

pub struct Flat {
    pub nodes: Vec<FNode>,
    pub truncated: bool,
    pub errors: u32,
}

struct LangCache {
    lang: Lang,
    kinds: Vec<u8>,
    fields: Vec<Role>,
}

thread_local! {
    static CACHES: RefCell<Vec<LangCache>> = const { RefCell::new(Vec::new()) };
}

fn with_cache<R>(adapter: &dyn LanguageAdapter, f: impl FnOnce(&LangCache) -> R) -> R {
    CACHES.with(|cell| {
        let mut caches = cell.borrow_mut();
        let lang = adapter.lang();
        let idx = match caches.iter().position(|c| c.lang == lang) {
            Some(i) => i,
            None => {
                let g = adapter.grammar();
                let kinds = (0..g.node_kind_count())
                    .map(|id| {
                        let kind = g.node_kind_for_id(id as u16).unwrap_or("");
                        cls(adapter.node_class(kind))
                    })
                    .collect();
                let fields = (0..=g.field_count())
                    .map(|id| {
                        g.field_name_for_id(id as u16)
                            .map(role_of)
                            .unwrap_or(Role::None)
                    })
                    .collect();
                caches.push(LangCache {
                    lang,
                    kinds,
                    fields,
                });
                caches.len() - 1
            }
        };
        f(&caches[idx])
    })
}

/// Flatten `root`'s subtree. Comments are dropped; string literals are one
/// leaf each; missing nodes are skipped.
pub fn flatten(adapter: &dyn LanguageAdapter, root: Node) -> Flat {
    with_cache(adapter, |cache| {
        let mut nodes: Vec<FNode> = Vec::with_capacity(256);
        let mut stack: Vec<u32> = Vec::with_capacity(32);
        let mut truncated = false;
        let mut errors = 0u32;
        let mut cursor = root.walk();
        let string = cls(NodeClass::StringLit);
        let comment = cls(NodeClass::Comment);
        'walk: loop {
            let node = cursor.node();
            let mut descend = false;
            let kind_id = node.kind_id();
            let (start, end) = (node.start_byte() as u32, node.end_byte() as u32);
            // Missing nodes are zero-width: test the cheap condition first.
            let missing = start == end && node.is_missing();
            if missing || kind_id == u16::MAX {
                errors += 1;
            }
            if !missing {
                let class = cache
                    .kinds
                    .get(kind_id as usize)
                    .copied()
                    .unwrap_or(cls(NodeClass::Other));
                if class != comment {
                    let named = node.is_named();
                    // Roles matter only for named nodes (names, callees, sides).
                    let role = if named {
                        cursor
                            .field_id()
                            .and_then(|f| cache.fields.get(f.get() as usize).copied())
                            .unwrap_or(Role::None)
                    } else {
                        Role::None
                    };
                    nodes.push(FNode {
                        class,
                        role,
                        named,
                        leaf: true,
                        parent: stack.last().copied().unwrap_or(u32::MAX),
                        start,
                        end,
                    });
                    descend = class != string;
                    if nodes.len() >= MAX_NODES {
                        truncated = true;
                        break 'walk;
                    }
                }
            }
            if descend && cursor.goto_first_child() {
                let last = nodes.len() - 1;
                nodes[last].leaf = false;
                stack.push(last as u32);
                continue;
            }
            loop {
                if stack.is_empty() {
                    break 'walk;
                }
                if cursor.goto_next_sibling() {
                    break;
                }
                if !cursor.goto_parent() {
                    break 'walk;
                }
                stack.pop();
            }
        }
        Flat {
            nodes,
            truncated,
            errors,
        }
    })
}

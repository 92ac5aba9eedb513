//! Language-neutral features of one unit (a function or a snippet) read from
//! its [`Flat`] array: normalised token n-grams, leaf paths, subtree shingles
//! over the shared node classes, control-flow context, def-use patterns,
//! calls by name and literal classes; plus the named concepts and calls kept
//! for explanations. Produces hashed sparse counts; knows nothing of the model.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use plumb_lang::NodeClass as N;

use crate::concepts::{self, Concepts};
use crate::flat::{FNode, Flat, LOGIC, Role, UPDATE, cls};

/// Feature space size (hashed buckets); the model has one row per bucket.
pub const DIM_BITS: u32 = 16;
pub const DIM: usize = 1 << DIM_BITS;

/// Sparse hashed feature counts, sorted by bucket.
pub type Sparse = Vec<(u32, f32)>;

/// Everything read from one unit.
pub struct Features {
    pub sparse: Sparse,
    pub concepts: Concepts,
}

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// A cheap hasher for short identifier byte strings (no DoS concern here).
#[derive(Default)]
struct NameHasher(u64);

impl Hasher for NameHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
    }
}

thread_local! {
    /// Dense per-bucket counts reused across calls (cleared via the touched list).
    static COUNTS: RefCell<Vec<f32>> = RefCell::new(vec![0.0; DIM]);
}

#[inline]
pub(crate) fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(23) ^ x).wrapping_mul(K) ^ (h >> 29)
}

fn fnv(tag: u64, bytes: &[u8], lower: bool) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ tag.wrapping_mul(K);
    for &b in bytes {
        let b = if lower { b.to_ascii_lowercase() } else { b };
        h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
    }
    h
}

// Feature family tags, mixed into every hash so families never collide by design.
const T_TOK: u64 = 1;
const T_BI: u64 = 2;
const T_TRI: u64 = 3;
const T_PATH: u64 = 4;
const T_PC: u64 = 5;
const T_SUB1: u64 = 6;
const T_SUB2: u64 = 7;
const T_CTL: u64 = 8;
const T_DU: u64 = 9;
const T_DUP: u64 = 10;
const T_CALLCTX: u64 = 11;
const T_SIZE: u64 = 12;
const T_CONCEPT: u64 = 13;

fn is_compare(op: &[u8]) -> bool {
    matches!(
        op,
        b"<" | b">" | b"<=" | b">=" | b"==" | b"!=" | b"===" | b"!==" | b"is" | b"in"
    )
}

fn is_logic(op: &[u8]) -> bool {
    matches!(op, b"&&" | b"||" | b"and" | b"or")
}

fn is_compound_assign(op: &[u8]) -> bool {
    op.len() >= 2 && op.ends_with(b"=") && !is_compare(op) && op != b":="
}

/// Canonical spelling of an operator or keyword token across languages.
fn canon_op(op: &[u8]) -> &[u8] {
    match op {
        b"and" => b"&&",
        b"or" => b"||",
        b"not" => b"!",
        b"===" => b"==",
        b"!==" => b"!=",
        b":=" => b"=",
        b"elif" | b"else if" => b"else",
        b"func" | b"fn" | b"def" | b"function" => b"def",
        b"let" | b"var" | b"const" | b"auto" => b"let",
        _ => op,
    }
}

fn number_class(text: &[u8]) -> u64 {
    let t: Vec<u8> = text
        .iter()
        .filter(|b| **b != b'_' && **b != b'\'')
        .copied()
        .collect();
    let is_float = t.iter().any(|b| *b == b'.' || *b == b'e' || *b == b'E')
        && !t.starts_with(b"0x")
        && !t.starts_with(b"0X");
    if is_float {
        return fnv(T_TOK, b"#float", false);
    }
    let digits: Vec<u8> = t
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .copied()
        .filter(|b| !matches!(b, b'u' | b'U' | b'l' | b'L'))
        .collect();
    if digits.len() <= 3 {
        fnv(T_TOK, &digits, true)
    } else {
        fnv(T_TOK ^ 0x100, &[digits.len().min(12) as u8], false)
    }
}

fn string_class(text: &[u8]) -> u64 {
    // Strip prefixes and quotes: r"..", b'..', f"..", """..""", '..'.
    let start = text
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b'`'))
        .unwrap_or(0);
    let body = &text[start..];
    let q = body.first().copied().unwrap_or(b'"');
    let inner_start = body.iter().position(|b| *b != q).unwrap_or(body.len());
    let inner_end = body.iter().rposition(|b| *b != q).map_or(0, |e| e + 1);
    let inner = if inner_start < inner_end {
        &body[inner_start..inner_end]
    } else {
        &[][..]
    };
    if inner.len() <= 2 {
        // Single characters and escapes: 'a', '0', ' ', '\n' are meaningful.
        return fnv(T_TOK ^ 0x200, inner, false);
    }
    if inner.contains(&b'%') || inner.contains(&b'{') {
        let mut spec: Vec<u8> = b"fmt".to_vec();
        let mut it = inner.iter().peekable();
        while let Some(&b) = it.next() {
            if b == b'%' || b == b'{' {
                if let Some(&&n) = it.peek() {
                    if n.is_ascii_alphabetic() || n == b'}' || n == b':' {
                        spec.push(n);
                    }
                }
            }
            if spec.len() > 12 {
                break;
            }
        }
        return fnv(T_TOK ^ 0x300, &spec, false);
    }
    let words = inner.split(|b| *b == b' ').count().min(8) as u8;
    fnv(
        T_TOK ^ 0x400,
        &[words, inner.ends_with(b"\\n") as u8],
        false,
    )
}

/// Nearest ancestor that is not transparent (parentheses, statement wrappers).
fn eff_parent_slow(nodes: &[FNode], i: usize) -> usize {
    let mut p = nodes[i].parent;
    while p != u32::MAX {
        let n = &nodes[p as usize];
        if n.class != cls(N::Transparent) {
            return p as usize;
        }
        p = n.parent;
    }
    usize::MAX
}

fn class_of(nodes: &[FNode], i: usize) -> u8 {
    if i == usize::MAX { 255 } else { nodes[i].class }
}

fn is_control(c: u8) -> bool {
    c == cls(N::Loop)
        || c == cls(N::Branch)
        || c == cls(N::Switch)
        || c == cls(N::Case)
        || c == cls(N::Try)
        || c == cls(N::Catch)
        || c == cls(N::Lambda)
}

/// Compute the features of one flattened unit.
pub fn extract(flat: &mut Flat, src: &[u8]) -> Features {
    let nodes = &mut flat.nodes;
    let n = nodes.len();
    let text = |nd: &FNode| -> &[u8] {
        src.get(nd.start as usize..nd.end as usize)
            .unwrap_or(&[][..])
    };

    // Refine classes by operator tokens: comparisons, logic, compound assignment, ++/--.
    for i in 0..n {
        let nd = nodes[i];
        if nd.named || nd.parent == u32::MAX {
            continue;
        }
        let op = text(&nd);
        let p = nd.parent as usize;
        let pc = nodes[p].class;
        if pc == cls(N::Binary) {
            if is_compare(op) {
                nodes[p].class = cls(N::Compare);
            } else if is_logic(op) {
                nodes[p].class = LOGIC;
            }
        } else if pc == cls(N::Assign) && is_compound_assign(op) {
            nodes[p].class = cls(N::AugAssign);
        } else if pc == cls(N::Unary) && (op == b"++" || op == b"--") {
            nodes[p].class = UPDATE;
        }
    }
    let nodes = &flat.nodes;
    let eff: Vec<u32> = (0..n).map(|i| eff_parent_slow(nodes, i) as u32).collect();
    let eff_parent = |_: &[FNode], i: usize| -> usize {
        let p = eff[i];
        if p == u32::MAX {
            usize::MAX
        } else {
            p as usize
        }
    };

    // Names declared in the unit (locals, parameters, its own name) are
    // normalised; other names (library functions, globals) are kept.
    let ident = cls(N::Identifier);
    let callee = |i: usize| -> bool {
        let nd = &nodes[i];
        let p = nd.parent;
        if p == u32::MAX {
            return false;
        }
        let pn = &nodes[p as usize];
        if pn.class == cls(N::Call) && matches!(nd.role, Role::Callee | Role::DefName) {
            return true;
        }
        pn.class == cls(N::Member)
            && nd.role == Role::Member
            && pn.parent != u32::MAX
            && nodes[pn.parent as usize].class == cls(N::Call)
            && pn.role == Role::Callee
    };
    let mut defined: HashMap<&[u8], u32, BuildHasherDefault<NameHasher>> = HashMap::default();
    let mut self_name: Option<&[u8]> = None;
    for i in 0..n {
        let nd = &nodes[i];
        if !nd.leaf || (nd.class != ident && nd.class != cls(N::Type)) || nd.parent == u32::MAX {
            continue;
        }
        if callee(i) {
            continue;
        }
        let p = &nodes[nd.parent as usize];
        let def_parent = |c: u8| {
            c == cls(N::Declaration)
                || c == cls(N::Parameter)
                || c == cls(N::Function)
                || c == cls(N::Class)
        };
        let is_def = matches!(nd.role, Role::DefName | Role::Left)
            || def_parent(p.class)
            || ((p.class == cls(N::Other)
                || p.class == cls(N::Transparent)
                || p.class == cls(N::CollectionLit))
                && (matches!(p.role, Role::Left | Role::DefName)
                    || (p.parent != u32::MAX && def_parent(nodes[p.parent as usize].class))));
        if is_def {
            let t = text(nd);
            let next = defined.len() as u32;
            defined.entry(t).or_insert(next);
            if self_name.is_none() && p.class == cls(N::Function) {
                self_name = Some(t);
            }
        }
    }

    let mut feats: Vec<u64> = Vec::with_capacity(n * 6);
    let mut concepts = Concepts::default();

    // Control context: the innermost three control classes above each node.
    let mut ctl: Vec<u32> = vec![0; n];
    let mut loops: Vec<u8> = vec![0; n];
    for i in 0..n {
        let p = nodes[i].parent;
        if p == u32::MAX {
            continue;
        }
        let p = p as usize;
        let pc = nodes[p].class;
        ctl[i] = if is_control(pc) && !(nodes[i].role == Role::Condition) {
            ((ctl[p] << 8) | pc as u32) & 0x00FF_FFFF
        } else {
            ctl[p]
        };
        loops[i] = loops[p].saturating_add((pc == cls(N::Loop)) as u8);
    }

    // Token stream.
    let mut toks: Vec<u64> = Vec::with_capacity(n / 2);
    let mut calls: Vec<Vec<u8>> = Vec::new();
    // def-use contexts per declared variable
    let mut du: Vec<Vec<u32>> = vec![Vec::new(); defined.len()];
    for i in 0..n {
        let nd = &nodes[i];
        if !nd.leaf {
            continue;
        }
        let t = text(nd);
        let c = nd.class;
        let ep = eff_parent(nodes, i);
        let pc = class_of(nodes, ep);
        let tok = if c == ident || c == cls(N::Type) {
            if callee(i) {
                let name_is_self = Some(t) == self_name;
                if name_is_self {
                    concepts.set(concepts::RECURSION);
                    fnv(T_TOK ^ 0x500, b"self", false)
                } else {
                    if calls.len() < 64 && !calls.iter().any(|x| x.as_slice() == t) {
                        calls.push(t.to_vec());
                    }
                    let h = fnv(T_TOK ^ 0x600, t, true);
                    feats.push(mix(mix(T_CALLCTX, h), ctl[i] as u64));
                    h
                }
            } else if let Some(&v) = defined.get(t) {
                if Some(t) == self_name {
                    fnv(T_TOK ^ 0x500, b"self", false)
                } else {
                    let ctx = (pc as u32) << 16 | (nd.role as u32) << 8 | (ctl[i] & 0xFF);
                    let list = &mut du[v as usize];
                    if list.len() < 16 && !list.contains(&ctx) {
                        list.push(ctx);
                    }
                    fnv(
                        T_TOK ^ 0x700,
                        if c == ident { b"ID" } else { b"TID" },
                        false,
                    )
                }
            } else {
                fnv(T_TOK ^ 0x800, t, true)
            }
        } else if c == cls(N::NumberLit) {
            number_class(t)
        } else if c == cls(N::StringLit) {
            if t.contains(&b'%') || t.contains(&b'{') {
                concepts.set(concepts::FORMAT);
            }
            string_class(t)
        } else if c == cls(N::BoolLit) || c == cls(N::NullLit) {
            fnv(T_TOK ^ 0x900, t, true)
        } else if !nd.named {
            let op = canon_op(t);
            if op.first().is_some_and(|b| b.is_ascii_alphabetic()) && op != b"&&" {
                // A keyword: its meaning is the class of the node it belongs to.
                mix(T_TOK ^ 0xA00, pc as u64)
            } else {
                fnv(T_TOK ^ 0xB00, op, false)
            }
        } else {
            fnv(T_TOK ^ 0xC00, t, true)
        };
        toks.push(tok);
        let gp = if ep == usize::MAX {
            255
        } else {
            class_of(nodes, eff_parent(nodes, ep))
        };
        feats.push(mix(mix(T_PATH, tok), pc as u64));
        feats.push(mix(mix(mix(T_PATH, tok), pc as u64), gp as u64));
    }
    for (k, &t) in toks.iter().enumerate() {
        feats.push(mix(T_TOK, t));
        if k >= 1 {
            feats.push(mix(mix(T_BI, toks[k - 1]), t));
        }
        if k >= 2 {
            feats.push(mix(mix(mix(T_TRI, toks[k - 2]), toks[k - 1]), t));
        }
    }

    // Structure: parent-child pairs, depth-1 and depth-2 subtree shingles,
    // control context of statements.
    let mut sub1: Vec<u64> = nodes
        .iter()
        .map(|nd| mix(T_SUB1, nd.class as u64))
        .collect();
    let mut nkids: Vec<u8> = vec![0; n];
    let mut statements = 0u32;
    let mut max_loop = 0u8;
    for i in 0..n {
        let nd = &nodes[i];
        if !nd.named || nd.class == cls(N::Transparent) {
            continue;
        }
        let ep = eff_parent(nodes, i);
        if ep == usize::MAX {
            continue;
        }
        let pc = nodes[ep].class;
        feats.push(mix(mix(T_PC, pc as u64), nd.class as u64));
        if nkids[ep] < 8 {
            sub1[ep] = mix(sub1[ep], nd.class as u64);
            nkids[ep] += 1;
        }
        if pc == cls(N::Block) {
            statements += 1;
        }
        let c = nd.class;
        if is_control(c)
            || c == cls(N::Return)
            || c == cls(N::Break)
            || c == cls(N::Continue)
            || c == cls(N::Throw)
            || c == cls(N::Assign)
            || c == cls(N::AugAssign)
            || c == UPDATE
            || c == cls(N::Index)
            || c == cls(N::Call)
        {
            feats.push(mix(mix(T_CTL, c as u64), ctl[i] as u64));
        }
        concepts.observe(c, loops[i], ctl[i]);
        max_loop = max_loop.max(loops[i].saturating_add((c == cls(N::Loop)) as u8));
    }
    let mut sub2: Vec<u64> = sub1.iter().map(|h| mix(T_SUB2, *h)).collect();
    for i in (0..n).rev() {
        let nd = &nodes[i];
        if nkids[i] > 0 {
            feats.push(sub1[i]);
            feats.push(sub2[i]);
        }
        if !nd.named || nd.class == cls(N::Transparent) {
            continue;
        }
        let ep = eff_parent(nodes, i);
        if ep != usize::MAX {
            sub2[ep] = mix(sub2[ep], sub1[i]);
        }
    }

    // Def-use: each variable's set of (context, role, control) uses, and pairs of them.
    for list in &mut du {
        if list.is_empty() {
            continue;
        }
        list.sort_unstable();
        let mut h = T_DU;
        for &x in list.iter() {
            h = mix(h, x as u64);
        }
        feats.push(h);
        for a in 0..list.len() {
            for b in a + 1..list.len() {
                feats.push(mix(mix(T_DUP, list[a] as u64), list[b] as u64));
            }
        }
    }

    let log2 = |x: u32| 32 - x.leading_zeros();
    feats.push(mix(mix(T_SIZE, 1), log2(statements) as u64));
    feats.push(mix(mix(T_SIZE, 2), max_loop as u64));
    feats.push(mix(mix(T_SIZE, 3), log2(defined.len() as u32) as u64));
    if max_loop >= 2 {
        concepts.set(concepts::NESTED_LOOP);
    }
    for bit in concepts.bits() {
        feats.push(mix(T_CONCEPT, bit as u64));
    }

    concepts.statements = statements;
    concepts.calls = calls
        .into_iter()
        .map(|c| String::from_utf8_lossy(&c).to_ascii_lowercase())
        .collect();

    // Fold hashes into buckets and count.
    let sparse = COUNTS.with(|cell| {
        let mut counts = cell.borrow_mut();
        let mut touched: Vec<u32> = Vec::with_capacity(feats.len() / 2);
        for h in &feats {
            let b = ((h ^ (h >> 32)) as u32) & (DIM as u32 - 1);
            let c = &mut counts[b as usize];
            if *c == 0.0 {
                touched.push(b);
            }
            *c += 1.0;
        }
        touched.sort_unstable();
        let sparse: Sparse = touched
            .iter()
            .map(|&b| (b, std::mem::take(&mut counts[b as usize])))
            .collect();
        sparse
    });
    Features { sparse, concepts }
}

/// Number of statements under a unit, as counted for the trivial-body skip.
pub fn count_statements(flat: &Flat) -> u32 {
    let nodes = &flat.nodes;
    (0..nodes.len())
        .filter(|&i| {
            let nd = &nodes[i];
            nd.named
                && nd.class != cls(N::Transparent)
                && class_of(nodes, eff_parent_slow(nodes, i)) == cls(N::Block)
        })
        .count() as u32
}

//! Named, human-readable traits of a unit (loops with accumulators, recursion,
//! early exits, ...) and the library calls it makes. They are stored beside the
//! learned vector so a match can be explained; they play no part in scoring
//! except as a handful of features.

use plumb_lang::NodeClass as N;

use crate::flat::{LOGIC, UPDATE, cls};

pub const LOOP: u32 = 0;
pub const NESTED_LOOP: u32 = 1;
pub const ACCUMULATE: u32 = 2;
pub const COUNTER: u32 = 3;
pub const INDEX_IN_LOOP: u32 = 4;
pub const RECURSION: u32 = 5;
pub const EARLY_EXIT: u32 = 6;
pub const BRANCH_IN_LOOP: u32 = 7;
pub const SWITCH: u32 = 8;
pub const EXCEPTIONS: u32 = 9;
pub const THROWS: u32 = 10;
pub const LAMBDA: u32 = 11;
pub const FORMAT: u32 = 12;
pub const LOGIC_COND: u32 = 13;
pub const TERNARY: u32 = 14;
pub const CALL_IN_LOOP: u32 = 15;

const PHRASES: [&str; 16] = [
    "both loop",
    "both have nested loops",
    "both accumulate into a variable inside a loop",
    "both step a counter (++/--) inside a loop",
    "both index into a collection inside a loop",
    "both are recursive",
    "both exit a loop early (return/break)",
    "both branch inside a loop",
    "both switch/match on a value",
    "both handle exceptions",
    "both raise/throw errors",
    "both use a lambda/closure",
    "both format strings",
    "both combine conditions with and/or",
    "both use a conditional expression",
    "both call functions inside a loop",
];

/// The concepts and calls of one unit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Concepts {
    pub flags: u32,
    /// Callee names (lowercased), in order of first call, at most 64.
    pub calls: Vec<String>,
    pub statements: u32,
}

impl Concepts {
    pub fn set(&mut self, bit: u32) {
        self.flags |= 1 << bit;
    }

    pub fn has(&self, bit: u32) -> bool {
        self.flags & (1 << bit) != 0
    }

    pub fn bits(&self) -> impl Iterator<Item = u32> + '_ {
        (0..32).filter(|b| self.has(*b))
    }

    /// Note one node of class `c` at loop depth `loops` with control context `ctl`.
    pub(crate) fn observe(&mut self, c: u8, loops: u8, ctl: u32) {
        let in_loop = loops > 0;
        if c == cls(N::Loop) {
            self.set(LOOP);
        } else if in_loop && c == cls(N::AugAssign) {
            self.set(ACCUMULATE);
        } else if in_loop && c == UPDATE {
            self.set(COUNTER);
        } else if in_loop && c == cls(N::Index) {
            self.set(INDEX_IN_LOOP);
        } else if in_loop && (c == cls(N::Return) || c == cls(N::Break)) {
            self.set(EARLY_EXIT);
        } else if in_loop && c == cls(N::Branch) && ctl & 0xFF == cls(N::Loop) as u32 {
            self.set(BRANCH_IN_LOOP);
        } else if c == cls(N::Switch) {
            self.set(SWITCH);
        } else if c == cls(N::Try) || c == cls(N::Catch) {
            self.set(EXCEPTIONS);
        } else if c == cls(N::Throw) {
            self.set(THROWS);
        } else if c == cls(N::Lambda) {
            self.set(LAMBDA);
        } else if c == LOGIC {
            self.set(LOGIC_COND);
        } else if c == cls(N::Ternary) {
            self.set(TERNARY);
        } else if in_loop && c == cls(N::Call) {
            self.set(CALL_IN_LOOP);
        }
    }
}

/// What two units share, most specific first: common calls, then concepts.
pub fn shared(a: &Concepts, b: &Concepts) -> Vec<String> {
    let mut out = Vec::new();
    let common: Vec<&str> = a
        .calls
        .iter()
        .filter(|c| b.calls.contains(c))
        .map(String::as_str)
        .take(6)
        .collect();
    if !common.is_empty() {
        out.push(format!("both call {}", common.join(", ")));
    }
    let both = a.flags & b.flags;
    // Nested loops imply loops: say only the more specific one.
    let skip_loop = both & (1 << NESTED_LOOP) != 0;
    for bit in [
        RECURSION,
        NESTED_LOOP,
        LOOP,
        ACCUMULATE,
        COUNTER,
        INDEX_IN_LOOP,
        BRANCH_IN_LOOP,
        EARLY_EXIT,
        CALL_IN_LOOP,
        SWITCH,
        EXCEPTIONS,
        THROWS,
        LAMBDA,
        FORMAT,
        LOGIC_COND,
        TERNARY,
    ] {
        if both & (1 << bit) != 0 && !(bit == LOOP && skip_loop) {
            out.push(PHRASES[bit as usize].to_string());
        }
    }
    out
}

//! Answers to questions about an index: where is X defined, who refers to
//! it, what is in this file, what is the shape of this repository.
//!
//! Every answer is a plain serialisable struct (the JSON contract of the CLI
//! and of any other front end), bounded by a limit and in a deterministic
//! order. This crate reads the store; it never walks, parses or writes
//! anything except the cached file ranks of the repository map.

mod defs;
mod fuzzy;
mod map;
mod outline;
mod refs;
mod similar;

pub use defs::{DefHit, DefsAnswer, MatchMode, ParamSummary, defs};
pub use fuzzy::fuzzy_score;
pub use map::{MapAnswer, MapFile, MapSymbol, map};
pub use outline::{OutlineAnswer, OutlineItem, outline};
pub use refs::{Caller, RefHit, RefsAnswer, refs};
pub use similar::{
    DupCluster, DupsAnswer, Shapes, SimilarAnswer, SimilarHit, dups, similar_to_snippet,
    similar_to_symbol,
};

/// Version of the JSON schema of every answer; bumped on incompatible change.
pub const JSON_SCHEMA_VERSION: u32 = 1;

pub type Result<T> = std::result::Result<T, plumb_store::StoreError>;

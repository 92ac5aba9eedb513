//! `plumb check`: verify a change against the indexed codebase.
//!
//! This crate owns reading a change ([`diff`]), applying it in memory, the
//! builtin and standard-library name tables ([`builtins`]), near-name
//! suggestions ([`suggest`]) and the output contract with its renderers
//! ([`report`]), and the checker itself: [`engine`] overlays the change
//! ([`input`]) on the index ([`project`]) and [`resolve`]s what it adds. It does not parse source (that is `plumb-lang`) nor store
//! facts (that is `plumb-store`/`plumb-index`).

pub mod behaviour;
pub mod builtins;
pub mod diff;
pub mod engine;
pub mod input;
pub mod project;
pub mod report;
pub mod resolve;
pub mod suggest;

//! One module per subcommand: its arguments and how it prints its answer.

pub mod check;
pub mod defs;
pub mod dups;
pub mod eval;
pub mod index;
pub mod map;
pub mod outline;
pub mod refs;
pub mod similar;
pub mod status;

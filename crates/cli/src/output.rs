//! Printing answers: the JSON envelope shared by every command, and small
//! text helpers.

use plumb_index::Freshness;
use serde::Serialize;

#[derive(Serialize)]
struct Envelope<'a, T: Serialize> {
    schema_version: u32,
    command: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    freshness: Option<&'a Freshness>,
    result: &'a T,
}

/// Print `result` as one JSON document: `{schema_version, command, freshness, result}`.
pub fn print_json<T: Serialize>(command: &str, freshness: Option<&Freshness>, result: &T) {
    let env = Envelope {
        schema_version: plumb_query::JSON_SCHEMA_VERSION,
        command,
        freshness,
        result,
    };
    println!(
        "{}",
        serde_json::to_string_pretty(&env).expect("answers serialise")
    );
}

/// Tell a human reader (on stderr) when the answer may not match the files.
pub fn freshness_note(f: &Freshness) {
    if !f.is_fresh() {
        eprintln!("plumb: note: index is {}", f.summary());
    } else if f.refreshed > 0 {
        eprintln!("plumb: note: {}", f.summary());
    }
}

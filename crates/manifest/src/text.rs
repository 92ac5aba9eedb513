//! Shared text helpers: decoding bytes, turning parser errors into
//! [`ManifestError`]s with lines. Owns no format knowledge.

use crate::ManifestError;

/// Decode `bytes` as UTF-8, replacing invalid sequences; an invalid sequence
/// is reported (with its line) but the rest of the file is still read.
pub(crate) fn decode(path: &str, bytes: &[u8], errors: &mut Vec<ManifestError>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.strip_prefix('\u{feff}').unwrap_or(s).to_string(),
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            errors.push(error(
                path,
                Some(line),
                "invalid UTF-8; read with replacement characters",
            ));
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

pub(crate) fn error(path: &str, line: Option<u32>, message: impl Into<String>) -> ManifestError {
    ManifestError {
        file: path.to_string(),
        line,
        message: message.into(),
    }
}

/// 1-based line of a byte offset.
pub(crate) fn line_of(src: &str, offset: usize) -> u32 {
    let end = offset.min(src.len());
    src.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u32
        + 1
}

/// Parse TOML, reporting a failure with its line.
pub(crate) fn toml_table(
    path: &str,
    src: &str,
    errors: &mut Vec<ManifestError>,
) -> Option<toml::Table> {
    match src.parse::<toml::Table>() {
        Ok(t) => Some(t),
        Err(e) => {
            let line = e.span().map(|s| line_of(src, s.start));
            let msg = e.message().trim().to_string();
            errors.push(error(path, line, format!("TOML: {msg}")));
            None
        }
    }
}

/// Deserialize TOML into a typed shape (unknown keys skipped without
/// building values: much faster than a `Table` for big lockfiles).
pub(crate) fn toml_typed<T: serde::de::DeserializeOwned>(
    path: &str,
    src: &str,
    errors: &mut Vec<ManifestError>,
) -> Option<T> {
    match toml::from_str::<T>(src) {
        Ok(t) => Some(t),
        Err(e) => {
            let line = e.span().map(|s| line_of(src, s.start));
            let msg = e.message().trim().to_string();
            errors.push(error(path, line, format!("TOML: {msg}")));
            None
        }
    }
}

/// Parse JSON, reporting a failure with its line.
pub(crate) fn json_value(
    path: &str,
    src: &str,
    errors: &mut Vec<ManifestError>,
) -> Option<serde_json::Value> {
    match serde_json::from_str::<serde_json::Value>(src) {
        Ok(v) => Some(v),
        Err(e) => {
            let line = (e.line() > 0).then_some(e.line() as u32);
            errors.push(error(path, line, format!("JSON: {e}")));
            None
        }
    }
}

/// Strip one layer of matching single or double quotes.
pub(crate) fn unquote(s: &str) -> &str {
    let s = s.trim();
    if s.len() >= 2
        && ((s.starts_with('"') && s.ends_with('"')) || (s.starts_with('\'') && s.ends_with('\'')))
    {
        &s[1..s.len() - 1]
    } else {
        s
    }
}

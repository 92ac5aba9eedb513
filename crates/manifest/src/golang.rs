//! Go modules: `go.mod` (`module`, `require` with `// indirect`) and
//! `go.sum`. A go.mod require version is already the minimal-version-selected
//! build version, so it is the dependency's `locked_version`; go.sum
//! contributes the other modules whose content the build downloads.
//! `replace` directives are read past, not applied.

use plumb_facts::Ecosystem;

use crate::{Lock, ManifestError, Parsed, dep, text};

pub(crate) fn go_mod(path: &str, src: &str, errors: &mut Vec<ManifestError>) -> Parsed {
    let mut out = Parsed::default();
    let mut block: Option<String> = None;
    for (i, raw) in src.lines().enumerate() {
        let line_no = Some(i as u32 + 1);
        let (code, comment) = match raw.find("//") {
            Some(p) => (&raw[..p], &raw[p + 2..]),
            None => (raw, ""),
        };
        let code = code.trim();
        if code.is_empty() {
            continue;
        }
        let indirect = comment.split([';', ' ', '\t']).any(|w| w == "indirect");
        let (verb, args) = match &block {
            Some(b) => {
                if code == ")" {
                    block = None;
                    continue;
                }
                (b.clone(), code)
            }
            None => {
                let (verb, rest) = code.split_once([' ', '\t']).unwrap_or((code, ""));
                let rest = rest.trim();
                if rest == "(" {
                    block = Some(verb.to_string());
                    continue;
                }
                (verb.to_string(), rest)
            }
        };
        let fields: Vec<&str> = args.split_whitespace().map(text::unquote).collect();
        match verb.as_str() {
            "module" => match fields.first() {
                Some(m) => out
                    .own
                    .push((Ecosystem::Go, m.to_string(), path.to_string())),
                None => errors.push(text::error(
                    path,
                    line_no,
                    "module directive without a path",
                )),
            },
            "require" => match fields.as_slice() {
                [module, version, ..] => {
                    let scope = if indirect { "indirect" } else { "normal" };
                    let mut d = dep(
                        Ecosystem::Go,
                        module,
                        Some(version.to_string()),
                        scope,
                        path,
                    );
                    d.locked_version = Some(version.to_string());
                    out.deps.push(d);
                }
                _ => errors.push(text::error(
                    path,
                    line_no,
                    format!("malformed require: `{args}`"),
                )),
            },
            "go" | "toolchain" | "replace" | "exclude" | "retract" | "tool" | "godebug"
            | "ignore" => {}
            other => errors.push(text::error(
                path,
                line_no,
                format!("unknown directive `{other}`"),
            )),
        }
    }
    if block.is_some() {
        errors.push(text::error(path, None, "unclosed `(` block at end of file"));
    }
    out
}

pub(crate) fn go_sum(path: &str, src: &str, errors: &mut Vec<ManifestError>) -> Parsed {
    let mut out = Parsed::default();
    let mut lock = Lock::new(Ecosystem::Go, path);
    for (i, line) in src.lines().enumerate() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        match fields.as_slice() {
            [] => {}
            [module, version, hash] if hash.contains(':') => {
                // `v1.2.3/go.mod` lines only hash the module graph.
                if !version.ends_with("/go.mod") {
                    lock.packages
                        .push((module.to_string(), version.to_string()));
                }
            }
            _ => errors.push(text::error(
                path,
                Some(i as u32 + 1),
                "expected `module version hash`",
            )),
        }
    }
    lock.packages.sort();
    lock.packages.dedup();
    out.lock = Some(lock);
    out
}

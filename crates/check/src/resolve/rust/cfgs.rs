//! Code written for another toolchain: whether a spot of a file sits under
//! a `#[cfg(..)]` that a build script's compiler probe or a nightly-only
//! feature switches
//! (`#[cfg(portable_atomic_no_asm)] { llvm_asm!(..) }`,
//! `#[cfg(feature = "unstable_has_cpuid")]`). Such code calls what older or
//! newer compilers have, so what is missing from this toolchain's listing
//! says nothing there. Reads the file's text only: the attributes of the
//! statement or item around the spot and of every block that encloses it.

/// Whether the code at byte `at` of `text` is compiled only under a
/// toolchain-specific `cfg`.
pub(super) fn toolchain_gated(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    let mut pos = at.min(b.len());
    // Each round: the statement that holds `pos`, then its enclosing block.
    for _ in 0..64 {
        let (start, open) = statement_start(b, pos);
        if attributes_gate(&text[start..pos]) {
            return true;
        }
        match open {
            Some(brace) => pos = brace,
            None => return inner_attribute_gates(text),
        }
    }
    false
}

/// The start of the statement or item that holds `pos` (just after the
/// `;`, `{` or `}` before it at the same depth) and the `{` of the block
/// that encloses it, if any.
fn statement_start(b: &[u8], pos: usize) -> (usize, Option<usize>) {
    let mut depth = 0i32;
    let mut start = None;
    let mut i = pos;
    while i > 0 {
        i -= 1;
        match b[i] {
            b'}' | b')' | b']' => {
                if depth == 0 && b[i] == b'}' && start.is_none() {
                    start = Some(i + 1);
                }
                depth += 1;
            }
            b'(' | b'[' => depth -= 1,
            b'{' => {
                if depth == 0 {
                    return (start.unwrap_or(i + 1), Some(i));
                }
                depth -= 1;
            }
            b';' if depth == 0 && start.is_none() => start = Some(i + 1),
            _ => {}
        }
    }
    (start.unwrap_or(0), None)
}

/// Whether the outer attributes that open `stmt` hold a toolchain `cfg`.
fn attributes_gate(stmt: &str) -> bool {
    let mut rest = stmt.trim_start();
    while let Some(attr) = rest.strip_prefix("#[") {
        let Some(end) = attr_end(attr) else {
            return false;
        };
        if is_cfg(&attr[..end]) && cfg_gates(&attr[..end]) {
            return true;
        }
        rest = attr[end + 1..].trim_start();
        while rest.starts_with("//") {
            rest = rest.split_once('\n').map_or("", |x| x.1).trim_start();
        }
    }
    false
}

/// Whether an attribute's text is `cfg(..)` (not `cfg_attr`, which does
/// not gate what it is on).
fn is_cfg(attr: &str) -> bool {
    attr.trim_start()
        .strip_prefix("cfg")
        .is_some_and(|r| r.trim_start().starts_with('('))
}

/// A `#![cfg(..)]` of the whole file.
fn inner_attribute_gates(text: &str) -> bool {
    text.match_indices("#![").any(|(i, _)| {
        let attr = &text[i + 3..];
        attr_end(attr).is_some_and(|end| is_cfg(&attr[..end]) && cfg_gates(&attr[..end]))
    })
}

/// The index of the `]` closing an attribute whose text starts `s`.
fn attr_end(s: &str) -> Option<usize> {
    let mut depth = 0i32;
    for (i, c) in s.bytes().enumerate() {
        match c {
            b'[' | b'(' => depth += 1,
            b')' => depth -= 1,
            b']' if depth == 0 => return Some(i),
            b']' => depth -= 1,
            _ => {}
        }
        if i > 2000 {
            return None;
        }
    }
    None
}

/// Whether a `cfg(..)` predicate requires a condition the compiler does
/// not set by itself (a `--cfg` from a build script) or a feature meant for
/// nightly compilers. Only required conditions count: under `not(..)` such a
/// name marks the ordinary build (`not(no_global_oom_handling)`).
fn cfg_gates(attr: &str) -> bool {
    let Some(open) = attr.find('(') else {
        return false;
    };
    let pred = &attr[open + 1..];
    let bytes = pred.as_bytes();
    // One entry per open `all(`/`any(`/`not(`: whether it is a `not`.
    let mut nesting: Vec<bool> = Vec::new();
    let negated = |n: &[bool]| n.iter().filter(|x| **x).count() % 2 == 1;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                // A string value (`feature = "x"` is looked at below).
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += 1;
                }
                i += 1;
                continue;
            }
            b')' => {
                if nesting.pop().is_none() {
                    return false;
                }
                i += 1;
                continue;
            }
            c if !(c.is_ascii_alphabetic() || c == b'_') => {
                i += 1;
                continue;
            }
            _ => {}
        }
        let from = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
            i += 1;
        }
        let word = &pred[from..i];
        let after = pred[i..].trim_start();
        if matches!(word, "all" | "any" | "not") && after.starts_with('(') {
            nesting.push(word == "not");
            i += pred[i..].find('(').unwrap_or(0) + 1;
            continue;
        }
        let required = !negated(&nesting);
        if let Some(value) = after.strip_prefix('=') {
            let value = value.trim_start().trim_start_matches('"');
            let value = &value[..value.find('"').unwrap_or(value.len())];
            let nightly =
                word == "feature" && (value.contains("nightly") || value.contains("unstable"));
            if required && (nightly || !KNOWN_KEYS.contains(&word)) {
                return true;
            }
            continue;
        }
        if required && !KNOWN_NAMES.contains(&word) && toolchain_like(word) {
            return true;
        }
    }
    false
}

/// Whether a build script's `cfg` name reads as a compiler probe
/// (`portable_atomic_no_asm`, `rustc_1_80`, `has_atomics`, `nightly`) rather
/// than a feature switch (`span_locations`), whose code this compiler builds.
fn toolchain_like(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    w.split('_').any(|seg| {
        matches!(
            seg,
            "no" | "has" | "nightly" | "unstable" | "rustc" | "llvm" | "asm" | "const" | "legacy"
        ) || seg.chars().all(|c| c.is_ascii_digit()) && !seg.is_empty()
    }) || w.starts_with("rustc")
        || w.contains("nightly")
}

/// `cfg` names rustc and cargo set themselves.
const KNOWN_NAMES: &[&str] = &[
    "unix",
    "windows",
    "test",
    "debug_assertions",
    "doc",
    "doctest",
    "miri",
    "proc_macro",
    "overflow_checks",
    "ub_checks",
    "contract_checks",
    "clippy",
    "rustfmt",
    "docsrs",
    "fuzzing",
];

/// `cfg` keys rustc and cargo set themselves (`key = "value"`).
const KNOWN_KEYS: &[&str] = &[
    "feature",
    "target_arch",
    "target_os",
    "target_family",
    "target_env",
    "target_abi",
    "target_vendor",
    "target_endian",
    "target_pointer_width",
    "target_feature",
    "target_has_atomic",
    "target_has_atomic_load_store",
    "target_has_atomic_equal_alignment",
    "panic",
    "relocation_model",
    "sanitize",
    "fmt_debug",
    "rustfmt",
    "clippy",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn gated(text: &str, marker: &str) -> bool {
        toolchain_gated(text, text.find(marker).unwrap())
    }

    #[test]
    fn custom_cfgs_and_nightly_features_gate_what_they_hold() {
        let t = "fn f() {\n    #[cfg(not(portable_atomic_no_asm))]\n    { asm!(\"cli\"); }\n    #[cfg(portable_atomic_no_asm)]\n    {\n        llvm_asm!(\"cli\");\n    }\n    done();\n}\n";
        assert!(gated(t, "llvm_asm"));
        // `not(custom)` is the ordinary build.
        assert!(!gated(t, "asm!"));
        assert!(!gated(t, "done"));
        let t = "#[cfg(not(no_global_oom_handling))]\nfn e() { f(); }\n#[cfg(not(any(unix, not(rustc_new))))]\nfn g() { h(); }\n";
        assert!(!gated(t, "f()"));
        assert!(gated(t, "h()"));
        let t = "#[cfg(all(target_arch = \"x86\", feature = \"unstable_has_cpuid\"))]\nfn g() -> bool {\n    has_cpuid()\n}\nfn h() { x() }\n";
        assert!(gated(t, "has_cpuid()"));
        assert!(!gated(t, "x()"));
        let t = "#[cfg(any(unix, target_os = \"wasi\", feature = \"std\"))]\nmod m {\n    fn a() { b(); }\n}\n";
        assert!(!gated(t, "b()"));
        let t = "#![cfg(rustc_1_80)]\nfn a() { b(); }\n";
        assert!(gated(t, "b()"));
        // A build script's feature switch is code this compiler builds.
        let t = "#[cfg(all(span_locations, not(fuzzing)))]\nfn a() { b(); }\n";
        assert!(!gated(t, "b()"));
        let t = "#[cfg(test)]\nmod tests {\n    #[cfg_attr(miri, ignore)]\n    #[test]\n    fn t() { c(); }\n}\n";
        assert!(!gated(t, "c()"));
    }
}

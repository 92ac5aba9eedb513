//! Modules whose file a `#[path = "…"]` or `#[cfg_attr(.., path = "…")]`
//! attribute names: which files such attributes load and for which `mod`
//! declarations, so the module tree can follow them and treat their
//! files' own locations as saying nothing. Reads attribute text only.

use std::collections::{HashMap, HashSet};

/// Modules whose file is named by a `#[path = "…"]` attribute: such a
/// file is not the module its location says, and the declaring module's
/// `mod name;` is not at the usual place.
#[derive(Default)]
pub(super) struct PathAttrs {
    /// The files the attributes name, relative to the project root.
    targets: HashSet<String>,
    /// (declaring file, module name) of each such `mod` declaration, with
    /// the files its attributes name (several under `cfg` alternatives).
    decls: HashMap<(String, String), Vec<String>>,
    /// An attribute that could not be read (`cfg_attr(.., path = ..)`, a
    /// `#[path]` on an inline module): every module is uncertain.
    unreadable: bool,
}

impl PathAttrs {
    /// Whether looking `name` up in the module of `file` could be wrong
    /// because of a `#[path]` attribute.
    pub(super) fn uncertain(&self, file: &str, name: &str) -> bool {
        self.unreadable
            || self
                .decls
                .contains_key(&(file.to_string(), name.to_string()))
    }

    /// The files whose `mod` declarations load `target` through a `#[path]`
    /// attribute.
    pub(super) fn declarers_of(&self, target: &str) -> Vec<&str> {
        let mut out: Vec<&str> = self
            .decls
            .iter()
            .filter(|(_, files)| files.iter().any(|f| f == target))
            .map(|((decl, _), _)| decl.as_str())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The one file `#[path]` gives module `name` declared in `file`.
    pub(super) fn target(&self, file: &str, name: &str) -> Option<&str> {
        match self
            .decls
            .get(&(file.to_string(), name.to_string()))?
            .as_slice()
        {
            [one] if !self.unreadable => Some(one),
            _ => None,
        }
    }

    /// Whether `file` is loaded through a `#[path]` attribute (so its
    /// location does not say which module is its parent).
    pub(super) fn is_target(&self, file: &str) -> bool {
        self.unreadable || self.targets.contains(file)
    }

    pub(super) fn scan(&mut self, file: &str, text: &str) {
        // `#[cfg_attr(feature = "x", path = "x.rs")] mod imp;`: one target
        // per alternative.
        for (k, _) in text.match_indices("#[cfg_attr(") {
            let attr = &text[k..];
            let Some(end) = attr.find(")]") else {
                continue;
            };
            let Some(at) = attr[..end].find("path") else {
                continue;
            };
            let after = &attr[at + 4..end];
            if !after.trim_start().starts_with('=') {
                continue;
            }
            let found = quoted(after).zip(module_after(&attr[end + 2..]));
            self.record(file, found);
        }
        for (k, _) in text.match_indices("#[path") {
            let after = &text[k + 6..];
            let found = after
                .find(']')
                .and_then(|close| quoted(&after[..close]).zip(module_after(&after[close + 1..])));
            self.record(file, found);
        }
    }

    /// A `#[path]` (value, module) found in `file`, or `None` when the
    /// attribute could not be read.
    fn record(&mut self, file: &str, found: Option<(String, String)>) {
        let dir = file.rsplit_once('/').map_or("", |(d, _)| d);
        let Some((target, module)) = found.and_then(|(v, m)| Some((normalize(dir, &v)?, m))) else {
            self.unreadable = true;
            return;
        };
        self.targets.insert(target.clone());
        let e = self.decls.entry((file.to_string(), module)).or_default();
        if !e.contains(&target) {
            e.push(target);
        }
    }
}

/// `x.rs` of `= "x.rs"`.
fn quoted(s: &str) -> Option<String> {
    let rest = s
        .trim_start()
        .strip_prefix('=')?
        .trim_start()
        .strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_string())
}

/// `name` of `pub(crate) mod name;` after an attribute, skipping other
/// attributes and the visibility; `None` for anything else (an inline
/// module, another item).
fn module_after(rest: &str) -> Option<String> {
    let mut rest = rest.trim_start();
    loop {
        if rest.starts_with("#[") {
            rest = rest[rest.find(']')? + 1..].trim_start();
        } else if let Some(r) = rest.strip_prefix("pub(") {
            rest = r[r.find(')')? + 1..].trim_start();
        } else if let Some(r) = rest.strip_prefix("pub ") {
            rest = r.trim_start();
        } else {
            break;
        }
    }
    let rest = rest.strip_prefix("mod ")?.trim_start();
    let name: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    let after = rest[name.len()..].trim_start();
    (!name.is_empty() && after.starts_with(';')).then_some(name)
}

/// `dir` joined with the relative path `rel`, `..` and `.` resolved.
pub(super) fn normalize(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for seg in rel.split(['/', '\\']) {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

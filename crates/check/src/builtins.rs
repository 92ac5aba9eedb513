//! Builtin names and standard-library modules per language.
//!
//! The data files in `crates/check/data/builtins/` are generated from real
//! sources by the scripts in `scripts/gen-builtins/` (the Python interpreters,
//! Node and TypeScript's lib files, rust-src, the JDK, gcc's headers, Go's API
//! manifest) and embedded here; this module only parses and answers lookups.
//! It never guesses: a module whose members the generator could not list
//! (marked `*`) answers "unknown" for members rather than "absent".
//!
//! Paths use the language's own spelling: `os.path` (Python), `fs/promises`
//! or `node:fs` (JavaScript), `std::collections` (Rust), `java.util.Map`
//! (Java), `net/http` and `net/http.Client` (Go), `stdio.h` (C), `vector` or
//! `std` (C++).

use plumb_facts::Lang;
use std::collections::HashMap;
use std::sync::OnceLock;

/// One standard-library module (package, header, class) and its members.
#[derive(Debug)]
pub struct Module {
    pub name: &'static str,
    members: Vec<&'static str>,
    known: bool,
}

/// Modules are equal when they have the same path.
impl PartialEq for Module {
    fn eq(&self, other: &Module) -> bool {
        self.name == other.name
    }
}

impl Module {
    /// Whether the generator could list the members (false when importing
    /// the module failed or the header was not scanned).
    pub fn members_known(&self) -> bool {
        self.known
    }

    /// Sorted member names (empty when unknown).
    pub fn members(&self) -> &[&'static str] {
        &self.members
    }

    /// `Some(true/false)` when members are known, `None` when they are not.
    pub fn member(&self, name: &str) -> Option<bool> {
        self.known
            .then(|| self.members.binary_search(&name).is_ok())
    }
}

/// A parsed data file: builtins plus modules.
#[derive(Debug, Default)]
pub struct Table {
    /// The `#` header lines: what the data was generated from.
    pub source: Vec<&'static str>,
    builtins: Vec<&'static str>,
    modules: HashMap<&'static str, Module>,
    module_names: Vec<&'static str>,
}

impl Table {
    fn parse(text: &'static str) -> Table {
        let mut t = Table::default();
        let mut current: Option<Module> = None;
        let mut in_builtins = false;
        for line in text.lines() {
            if let Some(c) = line.strip_prefix('#') {
                t.source.push(c.trim());
            } else if line == "@builtins" {
                t.finish(current.take());
                in_builtins = true;
            } else if let Some(name) = line.strip_prefix("@module ") {
                t.finish(current.take());
                in_builtins = false;
                // `@module std::arch::x86 = core::arch::x86`: the members of
                // a module listed earlier (unknown if it is not there).
                current = Some(match name.split_once(" = ") {
                    Some((name, same)) => match t.modules.get(same) {
                        Some(m) => Module {
                            name,
                            members: m.members.clone(),
                            known: m.known,
                        },
                        None => Module {
                            name,
                            members: Vec::new(),
                            known: false,
                        },
                    },
                    None => Module {
                        name,
                        members: Vec::new(),
                        known: true,
                    },
                });
            } else if line.is_empty() {
            } else if let Some(m) = current.as_mut() {
                if line == "*" {
                    m.known = false;
                } else {
                    m.members.push(line);
                }
            } else if in_builtins {
                t.builtins.push(line);
            }
        }
        t.finish(current);
        t.builtins.sort_unstable();
        t.builtins.dedup();
        t.module_names.sort_unstable();
        t
    }

    fn merge(mut self, other: Table) -> Table {
        self.source.extend(other.source);
        self.builtins.extend(other.builtins);
        self.builtins.sort_unstable();
        self.builtins.dedup();
        for (k, v) in other.modules {
            if !self.modules.contains_key(k) {
                self.module_names.push(k);
                self.modules.insert(k, v);
            }
        }
        self.module_names.sort_unstable();
        self
    }

    fn finish(&mut self, m: Option<Module>) {
        if let Some(mut m) = m {
            m.members.sort_unstable();
            m.members.dedup();
            if !self.modules.contains_key(m.name) {
                self.module_names.push(m.name);
            }
            self.modules.insert(m.name, m);
        }
    }

    pub fn builtins(&self) -> &[&'static str] {
        &self.builtins
    }

    pub fn module_names(&self) -> &[&'static str] {
        &self.module_names
    }

    pub fn module(&self, path: &str) -> Option<&Module> {
        self.modules.get(path)
    }
}

macro_rules! data {
    ($file:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/builtins/",
            $file
        ))
    };
}

/// The table for a language (parsed once, on first use). TypeScript and TSX
/// see the JavaScript globals and Node modules plus TypeScript's type names.
pub fn table(lang: Lang) -> &'static Table {
    static TABLES: [OnceLock<Table>; 8] = [const { OnceLock::new() }; 8];
    let (slot, build): (usize, fn() -> Table) = match lang {
        Lang::Python => (0, || Table::parse(data!("python.txt"))),
        Lang::JavaScript => (1, || Table::parse(data!("javascript.txt"))),
        Lang::TypeScript | Lang::Tsx => (2, || {
            Table::parse(data!("javascript.txt")).merge(Table::parse(data!("typescript.txt")))
        }),
        Lang::Rust => (3, || Table::parse(data!("rust.txt"))),
        Lang::Go => (4, || Table::parse(data!("go.txt"))),
        Lang::Java => (5, || Table::parse(data!("java.txt"))),
        Lang::C => (6, || Table::parse(data!("c.txt"))),
        Lang::Cpp => (7, || {
            Table::parse(data!("c.txt")).merge(Table::parse(data!("cpp.txt")))
        }),
    };
    TABLES[slot].get_or_init(build)
}

/// The static members of the JavaScript global `name` (`Object`, `Math`,
/// `console`): `data/builtins/js-globals.txt`, from TypeScript's lib files
/// and Node. `None` for a global whose members were not listed.
pub fn js_global(name: &str) -> Option<&'static Module> {
    static GLOBALS: OnceLock<Table> = OnceLock::new();
    GLOBALS
        .get_or_init(|| Table::parse(data!("js-globals.txt")))
        .module(name)
}

/// Whether `name` is usable without any import: a builtin function, type,
/// constant or global (Python builtins, JS globals, the Rust prelude, Go's
/// predeclared identifiers, java.lang, the C/C++ standard library).
pub fn is_builtin(lang: Lang, name: &str) -> bool {
    table(lang).builtins.binary_search(&name).is_ok()
}

/// The standard-library module at `path`, if there is one.
pub fn stdlib_module(lang: Lang, path: &str) -> Option<&'static Module> {
    table(lang).module(normalize(lang, path))
}

pub fn is_stdlib_module(lang: Lang, path: &str) -> bool {
    stdlib_module(lang, path).is_some()
}

/// What a dotted (or `::`) path names in the standard library.
#[derive(Debug, PartialEq)]
pub enum Lookup {
    /// The whole path is a module.
    Module(&'static Module),
    /// The longest module prefix has the next segment as a member (any
    /// further segments are attributes of it and are not checked).
    Member(&'static Module, String),
    /// The longest module prefix does not have the next segment.
    MissingMember(&'static Module, String),
    /// The longest module prefix does not list its members.
    Unknown(&'static Module, String),
    /// No prefix of the path is a standard-library module.
    NotStdlib,
}

/// Resolve `path` against the longest standard-library module prefix, e.g.
/// `os.path.joinn` → `MissingMember(os.path, "joinn")`.
pub fn lookup(lang: Lang, path: &str) -> Lookup {
    let path = normalize(lang, path);
    let t = table(lang);
    if let Some(m) = t.module(path) {
        return Lookup::Module(m);
    }
    let sep = separator(lang);
    let mut end = path.len();
    while let Some(i) = path[..end].rfind(sep) {
        if let Some(m) = t.module(&path[..i]) {
            let rest = &path[i + sep.len()..];
            let first = rest.split(sep).next().unwrap_or(rest).to_string();
            return match m.member(&first) {
                Some(true) => Lookup::Member(m, first),
                Some(false) => Lookup::MissingMember(m, first),
                None => Lookup::Unknown(m, first),
            };
        }
        end = i;
    }
    Lookup::NotStdlib
}

fn separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Rust | Lang::Cpp => "::",
        _ => ".",
    }
}

fn normalize(lang: Lang, path: &str) -> &str {
    match lang {
        Lang::JavaScript | Lang::TypeScript | Lang::Tsx => {
            path.strip_prefix("node:").unwrap_or(path)
        }
        Lang::Rust | Lang::Cpp => path.strip_prefix("::").unwrap_or(path),
        Lang::C => path.trim_start_matches('<').trim_end_matches('>'),
        _ => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_module_listed_as_another_shares_its_members_or_is_unknown() {
        let t = Table::parse(
            "@module core::arch::x86\n_mm_add_epi8\n__m128i\n@module std::arch::x86 = core::arch::x86\n@module std::gone = core::nothing\n",
        );
        let m = t.module("std::arch::x86").unwrap();
        assert_eq!(m.members(), ["__m128i", "_mm_add_epi8"]);
        assert_eq!(m.member("_mm_add_epi9"), Some(false));
        // A listing that names a module it does not have says nothing is absent.
        assert_eq!(t.module("std::gone").unwrap().member("x"), None);
    }
}

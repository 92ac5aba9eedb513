//! The language-neutral fact model that every other Plumb crate speaks.
//!
//! A language adapter turns one source file into a [`FileFacts`]: the
//! definitions it makes, the references it contains, the imports it declares.
//! Project-level facts (declared and locked dependencies) live in
//! [`Manifest`]. This crate owns only the data types and the small derived
//! rules on them (arity, keyword acceptance, enclosing definitions); it knows
//! nothing about parsing, storage or presentation.

use serde::{Deserialize, Serialize};

mod params;
pub use params::{ArityError, Param, ParamKind, Params};

/// A source language Plumb understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Rust,
    Python,
    JavaScript,
    TypeScript,
    Tsx,
    Go,
    Java,
    C,
    Cpp,
}

impl Lang {
    pub const ALL: [Lang; 9] = [
        Lang::Rust,
        Lang::Python,
        Lang::JavaScript,
        Lang::TypeScript,
        Lang::Tsx,
        Lang::Go,
        Lang::Java,
        Lang::C,
        Lang::Cpp,
    ];

    /// The stable lowercase name used in JSON output and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Rust => "rust",
            Lang::Python => "python",
            Lang::JavaScript => "javascript",
            Lang::TypeScript => "typescript",
            Lang::Tsx => "tsx",
            Lang::Go => "go",
            Lang::Java => "java",
            Lang::C => "c",
            Lang::Cpp => "cpp",
        }
    }

    pub fn from_name(name: &str) -> Option<Lang> {
        let n = name.to_ascii_lowercase();
        Some(match n.as_str() {
            "rust" | "rs" => Lang::Rust,
            "python" | "py" => Lang::Python,
            "javascript" | "js" | "jsx" => Lang::JavaScript,
            "typescript" | "ts" => Lang::TypeScript,
            "tsx" => Lang::Tsx,
            "go" | "golang" => Lang::Go,
            "java" => Lang::Java,
            "c" => Lang::C,
            "cpp" | "c++" | "cxx" => Lang::Cpp,
            _ => return None,
        })
    }
}

/// A region of a file. Lines and columns are 1-based; columns count bytes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct Span {
    pub start_line: u32,
    pub start_col: u32,
    pub end_line: u32,
    pub end_col: u32,
    pub start_byte: u32,
    pub end_byte: u32,
}

impl Span {
    /// Whether `other` lies entirely inside this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start_byte <= other.start_byte && other.end_byte <= self.end_byte
    }
}

/// What sort of thing a definition introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DefKind {
    Function,
    Method,
    Class,
    Struct,
    Enum,
    Union,
    Trait,
    Interface,
    TypeAlias,
    Module,
    Constant,
    Variable,
    Field,
    EnumVariant,
    Macro,
}

impl DefKind {
    pub fn name(self) -> &'static str {
        match self {
            DefKind::Function => "function",
            DefKind::Method => "method",
            DefKind::Class => "class",
            DefKind::Struct => "struct",
            DefKind::Enum => "enum",
            DefKind::Union => "union",
            DefKind::Trait => "trait",
            DefKind::Interface => "interface",
            DefKind::TypeAlias => "type_alias",
            DefKind::Module => "module",
            DefKind::Constant => "constant",
            DefKind::Variable => "variable",
            DefKind::Field => "field",
            DefKind::EnumVariant => "enum_variant",
            DefKind::Macro => "macro",
        }
    }

    pub fn from_name(s: &str) -> Option<DefKind> {
        Some(match s {
            "function" => DefKind::Function,
            "method" => DefKind::Method,
            "class" => DefKind::Class,
            "struct" => DefKind::Struct,
            "enum" => DefKind::Enum,
            "union" => DefKind::Union,
            "trait" => DefKind::Trait,
            "interface" => DefKind::Interface,
            "type_alias" => DefKind::TypeAlias,
            "module" => DefKind::Module,
            "constant" => DefKind::Constant,
            "variable" => DefKind::Variable,
            "field" => DefKind::Field,
            "enum_variant" => DefKind::EnumVariant,
            "macro" => DefKind::Macro,
            _ => return None,
        })
    }

    /// Whether the definition can be called (and so carries [`Params`]).
    pub fn is_callable(self) -> bool {
        matches!(self, DefKind::Function | DefKind::Method | DefKind::Macro)
    }

    /// Whether the definition is a type that can contain members.
    pub fn is_container(self) -> bool {
        matches!(
            self,
            DefKind::Class
                | DefKind::Struct
                | DefKind::Enum
                | DefKind::Union
                | DefKind::Trait
                | DefKind::Interface
                | DefKind::Module
        )
    }
}

/// Who can see a definition, in the language's own terms mapped to a few buckets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Visible outside its package/module: `pub`, `export`, `public`, a
    /// capitalised Go name, a non-underscore Python name, a non-static C symbol.
    Public,
    /// Visible within the crate/package only (`pub(crate)`, Java package-private).
    Package,
    /// Visible to subclasses (`protected`).
    Protected,
    /// Visible only in its file, class or module (`private`, `static` in C,
    /// leading underscore in Python, lowercase in Go, no `pub` in Rust).
    Private,
}

impl Visibility {
    pub fn name(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Package => "package",
            Visibility::Protected => "protected",
            Visibility::Private => "private",
        }
    }
    pub fn from_name(s: &str) -> Option<Visibility> {
        Some(match s {
            "public" => Visibility::Public,
            "package" => Visibility::Package,
            "protected" => Visibility::Protected,
            "private" => Visibility::Private,
            _ => return None,
        })
    }
}

/// One thing a file defines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Definition {
    pub name: String,
    pub kind: DefKind,
    /// Qualified name of the enclosing container, joined with `.`, e.g.
    /// `Outer.Inner` for a method of a nested class, or the impl'd type name
    /// for a Rust method (`Parser`). `None` at file/module top level.
    pub container: Option<String>,
    /// The whole definition, from its first token (or attribute/decorator) to its end.
    pub span: Span,
    /// The name token alone.
    pub name_span: Span,
    pub visibility: Visibility,
    /// The doc comment or docstring, with comment markers stripped, trimmed,
    /// at most 2,000 bytes.
    pub doc: Option<String>,
    /// Parameters, for callables (functions, methods, function-like macros,
    /// and classes whose constructor is known).
    pub params: Option<Params>,
    /// The header line as written (up to the body), whitespace folded,
    /// at most 200 bytes. Used for display.
    pub signature: Option<String>,
}

impl Definition {
    /// `container.name`, or `name` at top level.
    pub fn qualified_name(&self) -> String {
        match &self.container {
            Some(c) => format!("{c}.{}", self.name),
            None => self.name.clone(),
        }
    }
}

/// How a name is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefKind {
    /// A call: `f(x)`, `obj.m(x)`, `mod::f(x)`, `new T(x)`, `m!(x)`.
    Call,
    /// A type used in an annotation, extends/implements clause, generic argument.
    Type,
    /// Any other use of a name that an import brought into the file
    /// (e.g. `os.path` in `os.path.join` without the call, a class passed as a value).
    Use,
}

impl RefKind {
    pub fn name(self) -> &'static str {
        match self {
            RefKind::Call => "call",
            RefKind::Type => "type",
            RefKind::Use => "use",
        }
    }
    pub fn from_name(s: &str) -> Option<RefKind> {
        Some(match s {
            "call" => RefKind::Call,
            "type" => RefKind::Type,
            "use" => RefKind::Use,
            _ => return None,
        })
    }
}

/// One use of a name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Reference {
    /// The final identifier: `join` for `os.path.join(...)`, `new` for `Vec::new()`.
    pub name: String,
    pub kind: RefKind,
    /// The receiver or qualifier text exactly as written before the last
    /// separator: `os.path` for `os.path.join`, `self` for `self.m()`,
    /// `Vec` for `Vec::new`, `std::mem` for `std::mem::swap`. `None` for a bare name.
    pub qualifier: Option<String>,
    /// Span of the name token.
    pub span: Span,
    /// For calls: the number of positional arguments as written (keyword
    /// arguments not counted).
    pub arg_count: Option<u32>,
    /// For calls: keyword argument names, in order (Python `f(a=1)`).
    pub keywords: Vec<String>,
    /// For calls: an argument is spread/splatted (`*args`, `**kw`, `...xs`),
    /// so the count is a lower bound.
    pub has_spread: bool,
    /// Qualified name of the innermost enclosing definition (filled by
    /// [`FileFacts::assign_enclosing`], not by adapters).
    pub enclosing: Option<String>,
}

impl Default for RefKind {
    fn default() -> Self {
        RefKind::Call
    }
}

/// One name brought in by an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedName {
    pub name: String,
    pub alias: Option<String>,
}

/// One import / use / include / require statement (one per module path).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Import {
    /// The module path as written, separators kept: `os.path`, `./util`,
    /// `std::collections`, `fmt`, `java.util.List`, `stdio.h`. For Python relative
    /// imports, without the leading dots (see `relative_level`).
    pub module: String,
    /// Names imported from the module (`from m import a, b as c`, `use m::{a, b}`,
    /// `import {a} from 'm'`). Empty for a whole-module import.
    pub names: Vec<ImportedName>,
    /// Alias for the whole module (`import numpy as np`, `import * as ns from`,
    /// Go `import f "fmt"`, Rust `use a::b as c` puts `c` here when there are no names).
    pub alias: Option<String>,
    /// `from m import *`, `use m::*`, Java `import a.b.*`, Go dot-import.
    pub wildcard: bool,
    /// Relative to the importing file: Python leading dots, JS `./`/`../`,
    /// Rust `self::`/`super::`/`crate::`, C `#include "..."`.
    pub relative: bool,
    /// Python: the number of leading dots. 0 elsewhere.
    pub relative_level: u32,
    pub span: Span,
}

/// A local binding (parameter, local variable, loop variable, nested
/// function) and the span of the scope in which it is visible. Used by
/// `check` to resolve names in changed code; not persisted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalBinding {
    pub name: String,
    pub scope: Span,
}

/// Everything one adapter extracted from one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct FileFacts {
    pub definitions: Vec<Definition>,
    pub references: Vec<Reference>,
    pub imports: Vec<Import>,
    /// Local bindings (see [`LocalBinding`]); adapters fill them, the store drops them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locals: Vec<LocalBinding>,
    /// The parse had ERROR or MISSING nodes: facts are partial.
    pub parse_errors: u32,
    /// The file uses a dynamic-name feature (`getattr`, `__getattr__`, `eval`,
    /// reflection, dynamic `require`, macros that define items): names may
    /// appear at run time, so "does not exist" findings are less certain.
    pub dynamic: bool,
}

impl FileFacts {
    /// Fill `Reference::enclosing` with the qualified name of the innermost
    /// definition whose span contains each reference, and sort every list
    /// into source order so output is deterministic.
    pub fn assign_enclosing(&mut self) {
        self.definitions.sort_by(|a, b| {
            (
                a.span.start_byte,
                std::cmp::Reverse(a.span.end_byte),
                &a.name,
            )
                .cmp(&(
                    b.span.start_byte,
                    std::cmp::Reverse(b.span.end_byte),
                    &b.name,
                ))
        });
        self.references.sort_by(|a, b| {
            (a.span.start_byte, a.span.end_byte).cmp(&(b.span.start_byte, b.span.end_byte))
        });
        self.imports.sort_by_key(|i| i.span.start_byte);
        // Definitions are sorted by start, outer before inner; a stack walk finds
        // the innermost callable or container for each reference in one pass.
        let scopes: Vec<(Span, String)> = self
            .definitions
            .iter()
            .filter(|d| d.kind.is_callable() || d.kind.is_container())
            .map(|d| (d.span, d.qualified_name()))
            .collect();
        let mut stack: Vec<usize> = Vec::new();
        let mut next = 0;
        for r in &mut self.references {
            while next < scopes.len() && scopes[next].0.start_byte <= r.span.start_byte {
                while let Some(&top) = stack.last() {
                    if scopes[top].0.end_byte <= scopes[next].0.start_byte {
                        stack.pop();
                    } else {
                        break;
                    }
                }
                stack.push(next);
                next += 1;
            }
            while let Some(&top) = stack.last() {
                if scopes[top].0.contains(&r.span) {
                    break;
                }
                stack.pop();
            }
            r.enclosing = stack.last().map(|&i| scopes[i].1.clone());
        }
    }
}

/// A dependency ecosystem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Ecosystem {
    Cargo,
    PyPI,
    Npm,
    Go,
    Maven,
}

impl Ecosystem {
    pub fn name(self) -> &'static str {
        match self {
            Ecosystem::Cargo => "cargo",
            Ecosystem::PyPI => "pypi",
            Ecosystem::Npm => "npm",
            Ecosystem::Go => "go",
            Ecosystem::Maven => "maven",
        }
    }
}

/// A dependency a manifest declares.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Dependency {
    pub ecosystem: Ecosystem,
    /// The package name as the registry knows it (`serde`, `requests`,
    /// `@types/node`, `github.com/pkg/errors`, `org.slf4j:slf4j-api`).
    pub name: String,
    /// The version requirement as written, if any.
    pub requirement: Option<String>,
    /// The version the lockfile resolves it to, if a lockfile exists and names it.
    pub locked_version: Option<String>,
    /// `normal`, `dev`, `build`, `optional`, `peer`: the manifest's own section name mapped to these.
    pub scope: String,
    /// Repository-relative path of the manifest that declares it.
    pub manifest: String,
    /// For Cargo: the name code uses when it differs (`package = "..."` renames);
    /// hyphens are NOT converted here.
    pub rename: Option<String>,
}

/// Project metadata read from manifests and lockfiles.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Manifest {
    /// Declared dependencies, sorted by (ecosystem, name, manifest).
    pub dependencies: Vec<Dependency>,
    /// Locked packages from lockfiles that the manifests do not declare directly
    /// (transitive), as (ecosystem, name, version), sorted.
    pub locked: Vec<(Ecosystem, String, String)>,
    /// Names of the project's own packages/crates/modules
    /// (`[package] name`, `[project] name`, package.json `name`, go.mod `module`).
    pub own_packages: Vec<(Ecosystem, String, String)>,
    /// Repository-relative paths of the manifests and lockfiles read.
    pub files: Vec<String>,
}

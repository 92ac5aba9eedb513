//! Python class members across files: a class's own members, then its
//! bases the way a reader follows them — classes of the same file, classes
//! imported (directly, through a module alias or a re-export) from project
//! modules or from the standard library's Python sources.
//!
//! A base that cannot be followed (a call, a subscript other than
//! `Generic[...]`, a metaclass other than `ABCMeta`, a compiled or installed
//! class, a class that defines `__getattr__` or uses `setattr`) makes the
//! answer [`Members::Unknown`], never "absent". This module does not decide
//! findings; `names` does.

use std::rc::Rc;

use plumb_facts::{DefKind, Definition, FileFacts, Import};

use super::super::{FileCtx, scope, word_positions};
use super::modules::project_module_files;

/// One file's text and facts.
pub(super) type Src = Rc<(String, FileFacts)>;

/// Where a source file sits: a project path, or a standard-library module
/// read from the interpreter's sources (`pkg` tells whether it is a
/// package's `__init__`).
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Where {
    Project(String),
    Stdlib { module: String, pkg: bool },
}

/// A class found by name, with its file.
pub(super) struct ClassRef {
    pub src: Src,
    pub at: Where,
    pub idx: usize,
}

impl ClassRef {
    pub fn def(&self) -> &Definition {
        &self.src.1.definitions[self.idx]
    }
}

/// A member definition and the text of the file it is in.
pub(super) struct Member {
    pub def: Definition,
    pub src: Src,
}

pub(super) enum Members {
    /// Definitions named so (empty: bound as an attribute, not a definition).
    Found(Vec<Member>),
    Absent,
    Unknown,
}

const MAX_DEPTH: u32 = 8;

thread_local! {
    /// The last changed file made shareable: (path, source).
    static OWN: std::cell::RefCell<Option<(String, Src)>> =
        const { std::cell::RefCell::new(None) };
}

/// The changed file's own text and facts as a shared source (built once
/// per file, not once per reference).
pub(super) fn own_src(ctx: &FileCtx) -> Option<Src> {
    OWN.with(|c| {
        let mut c = c.borrow_mut();
        if let Some((path, src)) = c.as_ref()
            && path == ctx.path
            && src.0 == ctx.text
            && src.1 == *ctx.facts
        {
            return Some(src.clone());
        }
        let src: Src = Rc::new((ctx.text.to_string(), ctx.facts.clone()));
        *c = Some((ctx.path.to_string(), src.clone()));
        Some(src)
    })
}

fn load(ctx: &FileCtx, at: &Where) -> Option<Src> {
    match at {
        Where::Project(p) => ctx.project.facts_of(p),
        Where::Stdlib { module, .. } => {
            let p = ctx.deps.stdlib_source(module)?;
            ctx.deps.extract(&p)
        }
    }
}

/// The name `name` as bound by the imports of a file, with the dotted path
/// it stands for (`np` -> `numpy`, `path` in `from os import path` ->
/// `os.path`, `a` in `import a.b` -> `a`).
pub(super) fn binding_in<'f>(imports: &'f [Import], name: &str) -> Option<(&'f Import, String)> {
    for imp in imports {
        if imp.names.is_empty() && !imp.wildcard {
            if imp.alias.as_deref() == Some(name) {
                return Some((imp, imp.module.clone()));
            }
            let first = imp.module.split('.').next().unwrap_or(&imp.module);
            if imp.alias.is_none() && first == name {
                return Some((imp, first.to_string()));
            }
        }
        for n in &imp.names {
            if n.alias.as_deref().unwrap_or(&n.name) == name {
                let full = if imp.module.is_empty() {
                    n.name.clone()
                } else {
                    format!("{}.{}", imp.module, n.name)
                };
                return Some((imp, full));
            }
        }
    }
    None
}

/// The file of a dotted module, seen from a file at `from` (relative
/// imports count `level` packages up).
fn module_at(ctx: &FileCtx, from: &Where, module: &str, level: u32) -> Option<Where> {
    if level > 0 {
        return match from {
            Where::Project(p) => {
                let mut parts: Vec<&str> = p.split('/').collect();
                parts.pop();
                for _ in 1..level {
                    parts.pop()?;
                }
                let files = project_module_files(ctx, &parts.join("/"), module)?;
                single_py(files).map(Where::Project)
            }
            Where::Stdlib { module: m, pkg } => {
                let mut parts: Vec<&str> = m.split('.').collect();
                if !pkg {
                    parts.pop();
                }
                for _ in 1..level {
                    parts.pop()?;
                }
                if !module.is_empty() {
                    parts.push(module);
                }
                stdlib_at(ctx, &parts.join("."))
            }
        };
    }
    if let Some(files) = ctx.project.python_module_files(module) {
        return single_py(files).map(Where::Project);
    }
    if matches!(from, Where::Stdlib { .. })
        || crate::builtins::is_stdlib_module(plumb_facts::Lang::Python, module)
    {
        return stdlib_at(ctx, module);
    }
    None
}

fn stdlib_at(ctx: &FileCtx, module: &str) -> Option<Where> {
    let p = ctx.deps.stdlib_source(module)?;
    Some(Where::Stdlib {
        module: module.to_string(),
        pkg: p.ends_with("__init__.py"),
    })
}

fn single_py(files: Vec<String>) -> Option<String> {
    let py: Vec<String> = files.into_iter().filter(|f| f.ends_with(".py")).collect();
    (py.len() == 1).then(|| py.into_iter().next().unwrap_or_default())
}

/// Standard names that add no members a call could reach.
const EMPTY_BASES: &[&str] = &[
    "object",
    "abc.ABC",
    "typing.Protocol",
    "typing.Generic",
    "typing_extensions.Protocol",
];

/// What a dotted name in the namespace of file `src` (at `at`) is as a
/// class: `Some(Some(class))`, `Some(None)` for a base that adds nothing
/// (`object`, `Generic[T]`), `None` when it cannot be followed.
pub(super) fn resolve_class(
    ctx: &FileCtx,
    src: &Src,
    at: &Where,
    name: &str,
    depth: u32,
) -> Option<Option<ClassRef>> {
    if depth > MAX_DEPTH {
        return None;
    }
    let (head, subscript) = match name.split_once('[') {
        Some((h, _)) => (h.trim(), true),
        None => (name.trim(), false),
    };
    if head == "object" && !subscript {
        return Some(None);
    }
    let segs: Vec<&str> = head.split('.').collect();
    if segs
        .iter()
        .any(|s| s.is_empty() || !s.chars().all(|c| c.is_alphanumeric() || c == '_'))
    {
        return None;
    }
    let facts = &src.1;
    let imported = binding_in(&facts.imports, segs[0]);
    if segs.len() == 1 && imported.is_none() {
        let found: Vec<usize> = facts
            .definitions
            .iter()
            .enumerate()
            .filter(|(_, d)| d.container.is_none() && d.name == head)
            .map(|(i, _)| i)
            .collect();
        if found.is_empty() && depth > 0 {
            // A module that re-exports with `from m import *` (`collections.abc`).
            return through_star(ctx, src, at, head, depth);
        }
        if found.len() != 1 {
            return None;
        }
        let d = &facts.definitions[found[0]];
        if !matches!(d.kind, DefKind::Class | DefKind::Enum) {
            return None;
        }
        return Some(Some(ClassRef {
            src: src.clone(),
            at: at.clone(),
            idx: found[0],
        }));
    }
    let (imp, full) = imported?;
    if facts
        .definitions
        .iter()
        .any(|d| d.name == segs[0] && d.container.is_none())
    {
        // Bound twice (a fallback class, a conditional import).
        return None;
    }
    let mut path: Vec<&str> = full.split('.').collect();
    path.extend(&segs[1..]);
    let dotted = path.join(".");
    if !imp.relative && EMPTY_BASES.contains(&dotted.as_str()) {
        return Some(None);
    }
    if subscript
        && !imp.relative
        && matches!(
            dotted.as_str(),
            "typing.Generic" | "typing.Protocol" | "typing_extensions.Protocol"
        )
    {
        return Some(None);
    }
    // `Base[T]` is `Base` parametrized: the same members.
    let (module, cls) = path.split_at(path.len() - 1);
    let level = if imp.relative {
        imp.relative_level.max(1)
    } else {
        0
    };
    if module.is_empty() && level == 0 {
        return None;
    }
    let there = module_at(ctx, at, &module.join("."), level)?;
    if there == *at {
        return None;
    }
    let msrc = load(ctx, &there)?;
    resolve_class(ctx, &msrc, &there, cls[0], depth + 1)
}

/// Decorators that leave a class's attribute lookups alone.
const PLAIN_CLASS_DECORATORS: &[&str] = &[
    "dataclass",
    "dataclasses.dataclass",
    "total_ordering",
    "functools.total_ordering",
    "final",
    "typing.final",
    "runtime_checkable",
    "typing.runtime_checkable",
    "unique",
    "enum.unique",
];

/// The base class expressions of a class, from its header; `None` when a
/// keyword other than `metaclass=ABCMeta` or an unknown decorator may add
/// members.
pub(super) fn class_bases(text: &str, d: &Definition) -> Option<Vec<String>> {
    let head = text
        .get(d.span.start_byte as usize..d.name_span.start_byte as usize)
        .unwrap_or("");
    for dec in head
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix('@'))
    {
        let name = dec.split(['(', ' ']).next().unwrap_or("").trim();
        if !PLAIN_CLASS_DECORATORS.contains(&name) {
            return None;
        }
    }
    let after = text.get(d.name_span.end_byte as usize..)?.trim_start();
    let Some(inner) = after.strip_prefix('(') else {
        return Some(Vec::new());
    };
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for ch in inner.chars() {
        match ch {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => {
                if ch != ')' {
                    return None;
                }
                push_base(&mut out, &cur)?;
                return Some(out);
            }
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                push_base(&mut out, &cur)?;
                cur.clear();
                continue;
            }
            '#' => return None,
            _ => {}
        }
        cur.push(ch);
    }
    None
}

fn push_base(out: &mut Vec<String>, raw: &str) -> Option<()> {
    let b: String = raw.split_whitespace().collect::<Vec<_>>().join("");
    if b.is_empty() {
        return Some(());
    }
    if let Some(meta) = b.strip_prefix("metaclass=") {
        return matches!(meta, "ABCMeta" | "abc.ABCMeta").then_some(());
    }
    if b.contains('=') || b.contains('(') || b.starts_with('*') {
        return None;
    }
    out.push(b);
    Some(())
}

/// Whether a class body gives its instances (`instance`) or itself
/// attributes whose names are computed at run time: `setattr(self, name,
/// …)` with a non-literal name, writes through `self.__dict__`.
fn dynamic_class(src: &Src, cls: &Definition, instance: bool) -> bool {
    let body = src
        .0
        .get(cls.span.start_byte as usize..cls.span.end_byte as usize)
        .unwrap_or("");
    let mut targets = vec!["cls", cls.name.as_str()];
    if instance {
        targets.push("self");
    }
    for (i, _) in body.match_indices("setattr(") {
        let args = &body[i + "setattr(".len()..];
        let mut parts = args.splitn(3, ',');
        let (Some(obj), Some(name)) = (parts.next(), parts.next()) else {
            continue;
        };
        let name = name.trim_start();
        if targets.contains(&obj.trim()) && !name.starts_with(['"', '\'']) {
            return true;
        }
    }
    targets.iter().any(|t| {
        body.match_indices(&format!("{t}.__dict__")).any(|(i, m)| {
            let rest = body[i + m.len()..].trim_start();
            rest.starts_with(".update")
                || rest.starts_with(".setdefault")
                || (rest.starts_with('[')
                    && rest
                        .find(']')
                        .is_some_and(|j| rest[j + 1..].trim_start().starts_with('=')))
        })
    }) || body.contains("vars(self).update")
}

/// Members named `name` of class `cls` (its own unless `skip_own`, then its
/// bases, depth first in declaration order).
pub(super) fn lookup(
    ctx: &FileCtx,
    cls: &ClassRef,
    name: &str,
    skip_own: bool,
    instance: bool,
) -> Members {
    let mut seen: Vec<(Where, usize)> = Vec::new();
    walk(ctx, cls, name, skip_own, instance, 0, &mut seen)
}

fn walk(
    ctx: &FileCtx,
    cls: &ClassRef,
    name: &str,
    skip_own: bool,
    instance: bool,
    depth: u32,
    seen: &mut Vec<(Where, usize)>,
) -> Members {
    if depth > MAX_DEPTH {
        return Members::Unknown;
    }
    if seen.iter().any(|(w, i)| *w == cls.at && *i == cls.idx) {
        return Members::Absent;
    }
    seen.push((cls.at.clone(), cls.idx));
    let d = cls.def();
    let q = d.qualified_name();
    let facts = &cls.src.1;
    if !skip_own {
        let mine: Vec<Member> = scope::members(facts, &q)
            .filter(|m| m.name == name)
            .map(|m| Member {
                def: m.clone(),
                src: cls.src.clone(),
            })
            .collect();
        if !mine.is_empty() {
            return Members::Found(mine);
        }
        if (depth > 0 && class_mentions(&cls.src, d, name))
            || assigned_outside(&cls.src.0, &d.name, name)
        {
            return Members::Found(Vec::new());
        }
    }
    if scope::members(facts, &q).any(|m| m.name == "__getattr__" || m.name == "__getattribute__")
        || dynamic_class(&cls.src, d, instance)
    {
        return Members::Unknown;
    }
    let Some(bases) = class_bases(&cls.src.0, d) else {
        return Members::Unknown;
    };
    for b in bases {
        match resolve_class(ctx, &cls.src, &cls.at, &b, 0) {
            None => return Members::Unknown,
            Some(None) => {}
            Some(Some(base)) => match walk(ctx, &base, name, false, instance, depth + 1, seen) {
                Members::Absent => {}
                other => return other,
            },
        }
    }
    Members::Absent
}

/// Whether the class's text names `name` at all (an attribute assigned
/// through another object, a name listed in a string).
fn class_mentions(src: &Src, cls: &Definition, name: &str) -> bool {
    let body = src
        .0
        .get(cls.span.start_byte as usize..cls.span.end_byte as usize)
        .unwrap_or("");
    word_positions(body, name).next().is_some()
}

/// Whether the class's file assigns the attribute from outside the class
/// body (`timezone.utc = timezone(...)` after the class).
fn assigned_outside(text: &str, class: &str, name: &str) -> bool {
    let dotted = format!("{class}.{name}");
    word_positions(text, &dotted).any(|p| {
        let rest = text[p + dotted.len()..].trim_start();
        rest.starts_with('=') && !rest.starts_with("==")
    })
}

/// The file that defines `name` at top level, starting at file `src` (at
/// `at`) and following `from m import name` re-exports (`pkg/__init__.py`
/// importing from `pkg/_impl.py`).
pub(super) fn defining_file(
    ctx: &FileCtx,
    src: Src,
    at: Where,
    name: &str,
    depth: u32,
) -> Option<(Src, Where)> {
    if depth > 4 {
        return None;
    }
    if src
        .1
        .definitions
        .iter()
        .any(|d| d.container.is_none() && d.name == name)
    {
        return Some((src, at));
    }
    let (imp, full) = binding_in(&src.1.imports, name)?;
    let (module, last) = full.rsplit_once('.')?;
    let level = if imp.relative {
        imp.relative_level.max(1)
    } else {
        0
    };
    let there = module_at(ctx, &at, module, level)?;
    if there == at {
        return None;
    }
    let next = load(ctx, &there)?;
    defining_file(ctx, next, there, last, depth + 1)
}

/// A class name a module gets from its one `from m import *`.
fn through_star(
    ctx: &FileCtx,
    src: &Src,
    at: &Where,
    name: &str,
    depth: u32,
) -> Option<Option<ClassRef>> {
    let mut stars = src.1.imports.iter().filter(|i| i.wildcard);
    let imp = stars.next()?;
    if stars.next().is_some() {
        return None;
    }
    let level = if imp.relative {
        imp.relative_level.max(1)
    } else {
        0
    };
    let there = module_at(ctx, at, &imp.module, level)?;
    if there == *at {
        return None;
    }
    let msrc = load(ctx, &there)?;
    resolve_class(ctx, &msrc, &there, name, depth + 1)
}

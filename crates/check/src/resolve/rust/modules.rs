//! The module tree of the crate a file belongs to, as rustc builds it: the
//! crate root (`src/lib.rs`, `src/main.rs`), file modules (`a.rs`,
//! `a/mod.rs`), inline `mod a { .. }`, and what each module names (its
//! items, its `use` bindings, globs and item macros that make it open).
//!
//! Owns walking `crate::`/`self::`/`super::` paths segment by segment. It
//! answers `Missing` only when every way a name could enter the module has
//! been looked at; anything uncertain is `Unknown`.

use plumb_facts::{DefKind, Definition, FileFacts, Span};

use super::super::FileCtx;
use super::scan::crate_scan;

/// A module: the file holding it and the inline `mod`s inside that file.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Module {
    pub file: String,
    pub inline: Vec<String>,
}

/// What a name is inside a module.
#[derive(Debug)]
pub(super) enum Member {
    Module(Module),
    /// A definition of the module (type, fn, const, ...), with its file.
    Item(Definition),
    /// Brought in by `use` or otherwise beyond this walk (re-export, glob,
    /// macro output): exists or may exist, not followed.
    Unknown,
    Missing,
}

/// A crate root file that is its own crate: `src/bin/x.rs`, `tests/x.rs`,
/// `examples/x.rs`, `benches/x.rs` of a package (a directory holding a
/// `Cargo.toml`).
pub(super) fn is_standalone_root(ctx: &FileCtx, path: &str) -> bool {
    let (dir, file) = path.rsplit_once('/').unwrap_or(("", path));
    if !file.ends_with(".rs") {
        return false;
    }
    let manifest_in = |pkg: &str| {
        let manifest = if pkg.is_empty() {
            "Cargo.toml".to_string()
        } else {
            format!("{pkg}/Cargo.toml")
        };
        ctx.project.manifest().files.iter().any(|f| *f == manifest)
    };
    // A package's build script.
    if file == "build.rs" {
        return manifest_in(dir);
    }
    // `src/bin/x.rs` is a binary's root by Cargo's layout alone, even where
    // a published package leaves that crate's manifest out (`fuzz/`).
    if dir == "src/bin" || dir.ends_with("/src/bin") {
        return true;
    }
    ["tests", "examples", "benches"].iter().any(|d| {
        let pkg = if dir == *d {
            Some("")
        } else {
            dir.strip_suffix(&format!("/{d}"))
        };
        pkg.is_some_and(manifest_in)
    })
}

/// Where a file sits in its crate: the crate's source directory (or, for a
/// standalone root, the root file itself) and the file's module path.
/// `None` where the crate root is not known (a helper under `tests/x/`).
fn file_module_path(ctx: &FileCtx, path: &str) -> Option<(String, Vec<String>)> {
    let files = ctx.project.all_files();
    if is_standalone_root(ctx, path) {
        return Some((path.to_string(), Vec::new()));
    }
    let (pkg, rest) = match path.rfind("/src/") {
        Some(i) => (&path[..i + 1], &path[i + 5..]),
        None => ("", path.strip_prefix("src/")?),
    };
    let src = format!("{pkg}src");
    if rest.starts_with("bin/") {
        return None;
    }
    if rest == "main.rs" && files.contains(&format!("{src}/lib.rs")) {
        return Some((path.to_string(), Vec::new()));
    }
    let stem = rest.strip_suffix(".rs")?;
    let segs: Vec<String> = match stem {
        "lib" | "main" => Vec::new(),
        _ => {
            let s = stem.strip_suffix("/mod").unwrap_or(stem);
            s.split('/').map(str::to_string).collect()
        }
    };
    let lib = format!("{src}/lib.rs");
    let main = format!("{src}/main.rs");
    match (files.contains(&lib), files.contains(&main)) {
        // A package with a library and a binary: a module belongs to the
        // root that declares it (`mod cpu_time;` in main.rs only).
        (true, true)
            if !segs.is_empty()
                && !declares_module(ctx, &lib, &segs[0])
                && declares_module(ctx, &main, &segs[0]) =>
        {
            Some((main, segs))
        }
        (false, false) => None,
        _ => Some((src, segs)),
    }
}

/// Whether root file `root` declares a top-level module `name`.
fn declares_module(ctx: &FileCtx, root: &str, name: &str) -> bool {
    ctx.project.facts_of(root).is_some_and(|rc| {
        rc.1.definitions
            .iter()
            .any(|d| d.kind == DefKind::Module && d.name == name && d.container.is_none())
    })
}

/// The file of the file module at `segs` under `src` (a source directory,
/// or a standalone root file whose children sit beside it).
fn module_file(ctx: &FileCtx, src: &str, segs: &[String]) -> Option<String> {
    let files = ctx.project.all_files();
    let (dir, roots): (&str, Vec<String>) = if src.ends_with(".rs") {
        (
            src.rsplit_once('/').map(|x| x.0).unwrap_or(""),
            vec![src.to_string()],
        )
    } else {
        (src, vec![format!("{src}/lib.rs"), format!("{src}/main.rs")])
    };
    if segs.is_empty() {
        return roots.into_iter().find(|f| files.contains(f));
    }
    let rel = segs.join("/");
    [format!("{dir}/{rel}.rs"), format!("{dir}/{rel}/mod.rs")]
        .into_iter()
        .find(|f| files.contains(f))
}

/// The directory holding the child file modules of `m`.
fn child_dir(ctx: &FileCtx, m: &Module) -> String {
    let f = m.file.as_str();
    let dir = if f.ends_with("/lib.rs")
        || f.ends_with("/main.rs")
        || f.ends_with("/mod.rs")
        || is_standalone_root(ctx, f)
    {
        f.rsplit_once('/').map(|x| x.0).unwrap_or("").to_string()
    } else {
        f.strip_suffix(".rs").unwrap_or(f).to_string()
    };
    let mut d = dir;
    for i in &m.inline {
        d = format!("{d}/{i}");
    }
    d
}

/// The inline `mod`s of `facts` enclosing `at`, outermost first.
pub(super) fn inline_chain(facts: &FileFacts, at: &Span) -> Vec<String> {
    facts
        .definitions
        .iter()
        .filter(|d| d.kind == DefKind::Module && d.span.contains(at) && d.span != *at)
        .max_by_key(|d| d.span.start_byte)
        .map(|d| d.qualified_name().split('.').map(str::to_string).collect())
        .unwrap_or_default()
}

/// The module the position `at` of the checked file is in, and the crate
/// root's source directory.
pub(super) fn current_module(ctx: &FileCtx, at: &Span) -> Option<(String, Module)> {
    let (src, _) = file_module_path(ctx, ctx.path)?;
    Some((
        src,
        Module {
            file: ctx.path.to_string(),
            inline: inline_chain(ctx.facts, at),
        },
    ))
}

fn crate_root(ctx: &FileCtx, src: &str) -> Option<Module> {
    Some(Module {
        file: module_file(ctx, src, &[])?,
        inline: Vec::new(),
    })
}

fn parent(ctx: &FileCtx, src: &str, m: &Module) -> Option<Module> {
    if !m.inline.is_empty() {
        let mut p = m.clone();
        p.inline.pop();
        return Some(p);
    }
    if crate_scan(ctx).path_attrs.is_target(&m.file) {
        return None;
    }
    let (_, mut segs) = file_module_path(ctx, &m.file)?;
    segs.pop()?;
    module_at(ctx, src, &segs)
}

/// The module at `segs` under `src`: its own file, or an inline `mod` of
/// the nearest ancestor that has a file (`pub mod async_io { mod read; }`
/// in lib.rs: `async_io` is inline, `read` has a file of its own).
fn module_at(ctx: &FileCtx, src: &str, segs: &[String]) -> Option<Module> {
    let k = (0..=segs.len())
        .rev()
        .find(|&k| module_file(ctx, src, &segs[..k]).is_some())?;
    let file = module_file(ctx, src, &segs[..k])?;
    let inline = segs[k..].to_vec();
    let declared = inline.is_empty()
        || ctx.project.facts_of(&file).is_some_and(|rc| {
            rc.1.definitions
                .iter()
                .any(|d| d.kind == DefKind::Module && d.qualified_name() == inline.join("."))
        });
    declared.then_some(Module { file, inline })
}

thread_local! {
    /// (module, name) pairs a glob lookup entered during one [`member`]
    /// or [`glob_brings`] question.
    static GLOB_SEEN: std::cell::RefCell<Vec<(String, Vec<String>, String)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Run one lookup with a fresh record of the modules globs entered.
fn fresh_globs<T>(f: impl FnOnce() -> T) -> T {
    let saved = GLOB_SEEN.with(|g| std::mem::take(&mut *g.borrow_mut()));
    let out = f();
    GLOB_SEEN.with(|g| *g.borrow_mut() = saved);
    out
}

/// The name `name` inside module `m`.
pub(super) fn member(ctx: &FileCtx, m: &Module, name: &str) -> Member {
    fresh_globs(|| member_at(ctx, m, name, 0))
}

/// Whether the project glob `use <path>::*;` seen at `r` may bring `r`'s
/// name, `use` declarations of the globbed module included (`use super::*;`
/// in a test module sees the parent's `use tower::service_fn;`).
pub(super) fn glob_brings(ctx: &FileCtx, r: &plumb_facts::Reference, path: &str) -> bool {
    match current_module(ctx, &r.span) {
        Some((_, m)) => fresh_globs(|| {
            GLOB_SEEN.with(|g| {
                g.borrow_mut()
                    .push((m.file.clone(), m.inline.clone(), r.name.clone()))
            });
            glob_may_provide(ctx, &m, path, &r.name, 0)
        }),
        None => true,
    }
}

/// What `use <path>::*;` written in module `m` brings as `name`, when the
/// glob names a project module that has `name` as a module or an item.
fn glob_member(ctx: &FileCtx, m: &Module, path: &str, name: &str, depth: u32) -> Option<Member> {
    if depth >= 4 {
        return None;
    }
    let segs: Vec<String> = path.split("::").map(str::to_string).collect();
    if !matches!(segs[0].as_str(), "crate" | "self" | "super") {
        return None;
    }
    let Walk::Module(target) = walk_from_at(ctx, m, &segs, depth + 1) else {
        return None;
    };
    match member_at(ctx, &target, name, depth + 1) {
        found @ (Member::Module(_) | Member::Item(_)) => Some(found),
        _ => None,
    }
}

/// Whether `use <path>::*;` written in module `m` may bring `name`.
fn glob_may_provide(ctx: &FileCtx, m: &Module, path: &str, name: &str, depth: u32) -> bool {
    if depth >= 4 {
        return true;
    }
    let segs: Vec<String> = path.split("::").map(str::to_string).collect();
    let first = segs[0].as_str();
    if super::is_std_root(first) {
        return match crate::builtins::stdlib_module(plumb_facts::Lang::Rust, path) {
            Some(std_mod) => std_mod.member(name) != Some(false),
            None => true,
        };
    }
    // `pub use array::*;` beside `mod array;`: the module, whatever
    // dependency a name like `generic-array` may also give.
    let child_module = ctx.project.facts_of(&m.file).is_some_and(|rc| {
        let container = (!m.inline.is_empty()).then(|| m.inline.join("."));
        rc.1.definitions
            .iter()
            .any(|d| d.kind == DefKind::Module && d.name == first && d.container == container)
    });
    if !child_module && let Some((krate, version)) = super::dep_crate(ctx, first) {
        let src = match version.as_deref() {
            Some(v) => ctx.deps.cargo_source(&krate, v),
            None => ctx.deps.cargo_source_any(&krate),
        };
        return src.is_none_or(|dir| ctx.deps.crate_names(&dir).contains(name));
    }
    match walk_from_at(ctx, m, &segs, depth + 1) {
        Walk::Module(target) => {
            // Globs going round (`pub use self::child::*;` in a module whose
            // child has `use super::*;`) bring nothing new the second time.
            let key = (target.file.clone(), target.inline.clone(), name.to_string());
            if GLOB_SEEN.with(|g| g.borrow().contains(&key)) {
                return false;
            }
            GLOB_SEEN.with(|g| g.borrow_mut().push(key));
            !matches!(member_at(ctx, &target, name, depth + 1), Member::Missing)
        }
        Walk::Item(_, d) if matches!(d.kind, DefKind::Enum) => {
            ctx.project.defs_named(name, 50).iter().any(|x| {
                x.def
                    .container
                    .as_deref()
                    .is_some_and(|c| c.rsplit('.').next() == Some(d.name.as_str()))
            })
        }
        _ => true,
    }
}

fn member_at(ctx: &FileCtx, m: &Module, name: &str, depth: u32) -> Member {
    let Some(rc) = ctx.project.facts_of(&m.file) else {
        return Member::Unknown;
    };
    let facts = &rc.1;
    let container = (!m.inline.is_empty()).then(|| m.inline.join("."));
    let in_module = |d: &&Definition| d.container == container;
    // Inline mods and `mod x;` declarations.
    if let Some(d) = facts
        .definitions
        .iter()
        .filter(in_module)
        .find(|d| d.kind == DefKind::Module && d.name == name)
    {
        let declared_file = facts
            .imports
            .iter()
            .any(|i| i.relative && i.names.is_empty() && i.module == name && i.span == d.span);
        if !declared_file {
            let mut inner = m.clone();
            inner.inline.push(name.to_string());
            return Member::Module(inner);
        }
        if let Some(file) = crate_scan(ctx).path_attrs.target(&m.file, name)
            && ctx.project.all_files().contains(file)
        {
            return Member::Module(Module {
                file: file.to_string(),
                inline: Vec::new(),
            });
        }
        let dir = child_dir(ctx, m);
        let files = ctx.project.all_files();
        return match [format!("{dir}/{name}.rs"), format!("{dir}/{name}/mod.rs")]
            .into_iter()
            .find(|f| files.contains(f))
        {
            Some(file) => Member::Module(Module {
                file,
                inline: Vec::new(),
            }),
            None => Member::Unknown,
        };
    }
    if let Some(d) = facts
        .definitions
        .iter()
        .filter(in_module)
        .find(|d| d.name == name && d.kind != DefKind::Field)
    {
        return Member::Item(d.clone());
    }
    // `use` bindings of this module (imports inside its span and not inside
    // a nested inline module), then its globs.
    let own = own_imports(facts, m);
    let bound_path = use_bound_path(&own, name);
    if let Some(path) = bound_path {
        // Follow re-exports within the crate (`pub use vec::Vec;`).
        if depth >= 4 {
            return Member::Unknown;
        }
        let segs: Vec<String> = path.split("::").map(str::to_string).collect();
        let local = matches!(segs[0].as_str(), "crate" | "self" | "super")
            || segs.len() > 1
                && matches!(member_at(ctx, m, &segs[0], depth + 1), Member::Module(_));
        if !local {
            return Member::Unknown;
        }
        return match walk_from_at(ctx, m, &segs, depth + 1) {
            Walk::Item(i, d) if i + 1 == segs.len() => Member::Item(d),
            Walk::Module(target) => Member::Module(target),
            _ => Member::Unknown,
        };
    }
    let providing: Vec<&&plumb_facts::Import> = own
        .iter()
        .filter(|i| i.wildcard && glob_may_provide(ctx, m, &i.module, name, depth))
        .collect();
    match providing.as_slice() {
        [] => {}
        // `use super::*;` in `mod small`, then `scalar::iadd(..)` for the
        // parent's `mod scalar`: the one glob that may bring the name
        // brings what the globbed module has under it.
        [one] => return glob_member(ctx, m, &one.module, name, depth).unwrap_or(Member::Unknown),
        _ => return Member::Unknown,
    }
    // Exported macros live at the crate root whichever module defines them.
    if ctx
        .project
        .defs_named(name, 5)
        .iter()
        .any(|d| d.def.kind == DefKind::Macro)
    {
        return Member::Unknown;
    }
    let scan = crate_scan(ctx);
    if scan.path_attrs.uncertain(&m.file, name)
        || scan.macro_module_files.contains(&m.file)
        || scan.macro_words.contains(name)
        || facts.parse_errors > 0
    {
        return Member::Unknown;
    }
    Member::Missing
}

/// The path a `use` among `own` (one module's non-glob imports) binds
/// `name` to (`use a::b::name;` -> `a::b::name`).
fn use_bound_path(own: &[&plumb_facts::Import], name: &str) -> Option<String> {
    use_bound_paths(own, name).into_iter().next()
}

/// Every path the `use` declarations among `own` bind `name` to (one per
/// cfg alternative).
fn use_bound_paths(own: &[&plumb_facts::Import], name: &str) -> Vec<String> {
    own.iter()
        .filter(|i| !i.wildcard)
        .filter_map(|i| {
            if i.names.is_empty() {
                let last = i.module.rsplit("::").next().unwrap_or("");
                return (i.alias.as_deref().unwrap_or(last) == name).then(|| i.module.clone());
            }
            i.names.iter().find_map(|n| {
                let bound = match (&n.alias, n.name.as_str()) {
                    (Some(a), _) => a.as_str(),
                    (None, "self") => i.module.rsplit("::").next().unwrap_or(""),
                    (None, n) => n,
                };
                (bound == name).then(|| {
                    if n.name == "self" {
                        i.module.clone()
                    } else {
                        format!("{}::{}", i.module, n.name)
                    }
                })
            })
        })
        .collect()
}

/// The path the `use` declarations of module `m` bind `name` to, when
/// every one that binds it agrees.
pub(super) fn bound_path(ctx: &FileCtx, m: &Module, name: &str) -> Option<String> {
    let paths = bound_paths(ctx, m, name);
    let first = paths.first()?;
    paths.iter().all(|p| p == first).then(|| first.clone())
}

/// Every path the `use` declarations of module `m` bind `name` to (one a
/// `cfg`: `pub use alloc::sync::Arc;` beside `pub use std::sync::Arc;`).
pub(super) fn bound_paths(ctx: &FileCtx, m: &Module, name: &str) -> Vec<String> {
    ctx.project
        .facts_of(&m.file)
        .map_or_else(Vec::new, |rc| use_bound_paths(&own_imports(&rc.1, m), name))
}

/// The modules `m`'s glob imports name (`use core::sync::atomic::*;`).
pub(super) fn glob_paths(ctx: &FileCtx, m: &Module) -> Vec<String> {
    ctx.project.facts_of(&m.file).map_or_else(Vec::new, |rc| {
        own_imports(&rc.1, m)
            .into_iter()
            .filter(|i| i.wildcard)
            .map(|i| i.module.clone())
            .collect()
    })
}

/// The imports of module `m` itself: inside its span, not inside a nested
/// inline module or a function.
fn own_imports<'f>(facts: &'f FileFacts, m: &Module) -> Vec<&'f plumb_facts::Import> {
    facts
        .imports
        .iter()
        .filter(|i| {
            inline_chain(facts, &i.span) == m.inline
                && !facts.definitions.iter().any(|d| {
                    matches!(d.kind, DefKind::Function | DefKind::Method)
                        && d.span.contains(&i.span)
                })
        })
        .collect()
}

/// How far a path resolves.
#[derive(Debug)]
pub(super) enum Walk {
    /// Every segment names a module: the last module.
    Module(Module),
    /// Segment `at` names an item (the rest are its associated items).
    Item(usize, Definition),
    /// Segment `at` is missing from the module `in_`.
    Missing(usize, Module),
    /// Not followed (re-export, glob, unknown file layout).
    Unknown,
}

/// The module a path's leading `crate`/`self`/`super` segments start at,
/// and how many segments they take. Paths starting elsewhere start at the
/// current module (2018 paths to child modules).
fn start(ctx: &FileCtx, segs: &[String], cur: Module) -> Option<(Module, usize)> {
    let (src, _) = file_module_path(ctx, &cur.file)?;
    let mut m = cur;
    let mut used = 0;
    for s in segs {
        match s.as_str() {
            "crate" if used == 0 => {
                if !same_crate_as_declarers(ctx, &m.file, &src) {
                    return None;
                }
                m = crate_root(ctx, &src)?;
            }
            "self" if used == 0 => {}
            "super" => m = parent(ctx, &src, &m)?,
            _ => break,
        }
        used += 1;
    }
    Some((m, used))
}

/// Whether `crate` in `file` is the crate of source directory `src`: a
/// file loaded through `#[path]` belongs to the crates of the files that
/// declare it, which must all be that one (a file that a build script and
/// the library both load has two).
fn same_crate_as_declarers(ctx: &FileCtx, file: &str, src: &str) -> bool {
    fn within(ctx: &FileCtx, file: &str, src: &str, depth: u32) -> bool {
        let attrs = &crate_scan(ctx).path_attrs;
        if !attrs.is_target(file) {
            return file_module_path(ctx, file).is_some_and(|(s, _)| s == src);
        }
        let declarers = attrs.declarers_of(file);
        depth < 4
            && !declarers.is_empty()
            && declarers.iter().all(|d| within(ctx, d, src, depth + 1))
    }
    within(ctx, file, src, 0)
}

/// Walk `segs` (e.g. `crate::a::b::C`) from where the checked file stands.
pub(super) fn walk(ctx: &FileCtx, segs: &[String], at: &Span) -> Walk {
    match current_module(ctx, at) {
        Some((_, cur)) => fresh_globs(|| walk_from(ctx, &cur, segs)),
        None => Walk::Unknown,
    }
}

/// Walk `segs` from module `m` (another crate's root, say), not from the
/// checked file.
pub(super) fn walk_in(ctx: &FileCtx, m: &Module, segs: &[String]) -> Walk {
    fresh_globs(|| walk_members(ctx, m.clone(), segs, 0, 0))
}

/// Follow `segs[from..]` member by member from module `m`.
fn walk_members(ctx: &FileCtx, mut m: Module, segs: &[String], from: usize, depth: u32) -> Walk {
    for (i, s) in segs.iter().enumerate().skip(from) {
        match member_at(ctx, &m, s, depth) {
            Member::Module(next) => m = next,
            Member::Item(d) => return Walk::Item(i, d),
            Member::Unknown => return Walk::Unknown,
            Member::Missing => return Walk::Missing(i, m),
        }
    }
    Walk::Module(m)
}

/// Walk `segs` as written in module `cur`.
fn walk_from(ctx: &FileCtx, cur: &Module, segs: &[String]) -> Walk {
    walk_from_at(ctx, cur, segs, 0)
}

fn walk_from_at(ctx: &FileCtx, cur: &Module, segs: &[String], depth: u32) -> Walk {
    let Some((m, used)) = start(ctx, segs, cur.clone()) else {
        return Walk::Unknown;
    };
    walk_members(ctx, m, segs, used, depth)
}

/// Names defined in module `m` (for suggestions).
pub(super) fn names_in(ctx: &FileCtx, m: &Module) -> Vec<(String, String, u32)> {
    let Some(rc) = ctx.project.facts_of(&m.file) else {
        return Vec::new();
    };
    let container = (!m.inline.is_empty()).then(|| m.inline.join("."));
    rc.1.definitions
        .iter()
        .filter(|d| d.container == container)
        .map(|d| (d.name.clone(), m.file.clone(), d.name_span.start_line))
        .collect()
}

/// A module path for messages (`crate::a::b`).
pub(super) fn display(ctx: &FileCtx, m: &Module) -> String {
    if m.inline.is_empty() && crate_scan(ctx).path_attrs.is_target(&m.file) {
        // Loaded with `#[path]`: its location does not name its module.
        return format!("the module in {}", m.file);
    }
    let mut segs = vec!["crate".to_string()];
    if let Some((_, s)) = file_module_path(ctx, &m.file) {
        segs.extend(s);
    }
    segs.extend(m.inline.iter().cloned());
    segs.join("::")
}

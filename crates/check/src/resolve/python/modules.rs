//! Where a Python module lives (standard library, project, installed)
//! and whether it has a name; the conditional-code guards of optional
//! imports and platform-specific names.

use plumb_facts::{FileFacts, Lang};

use super::super::deps::PyModule;
use super::super::{FileCtx, python_blocks};
use crate::builtins::{self};

/// Where a dotted module lives.
pub(super) enum ModLoc {
    Stdlib(&'static builtins::Module),
    /// Project files providing it (empty for a namespace directory).
    Project(Vec<String>),
    Installed(PyModule),
    Missing,
}

pub(super) fn locate(ctx: &FileCtx, module: &str) -> ModLoc {
    if let Some(m) = builtins::stdlib_module(Lang::Python, module) {
        return ModLoc::Stdlib(m);
    }
    if let Some(files) = ctx.project.python_module_files(module) {
        return ModLoc::Project(files);
    }
    if let Some(m) = ctx.deps.python_module(module) {
        return ModLoc::Installed(m);
    }
    ModLoc::Missing
}

/// Relative module path (`from ..a import b`) as a repository path prefix.
pub(super) fn relative_dir(ctx: &FileCtx, level: u32) -> Option<String> {
    let mut parts: Vec<&str> = ctx.path.split('/').collect();
    parts.pop();
    for _ in 1..level {
        parts.pop()?;
    }
    Some(parts.join("/"))
}

pub(super) fn project_module_files(ctx: &FileCtx, dir: &str, module: &str) -> Option<Vec<String>> {
    let rel = module.replace('.', "/");
    let base = match (dir.is_empty(), rel.is_empty()) {
        (true, _) => rel.clone(),
        (false, true) => dir.to_string(),
        (false, false) => format!("{dir}/{rel}"),
    };
    let mut out = Vec::new();
    for cand in [
        format!("{base}.py"),
        format!("{base}/__init__.py"),
        format!("{base}.pyi"),
    ] {
        if ctx.project.file_exists(cand.trim_start_matches('/')) {
            out.push(cand.trim_start_matches('/').to_string());
        }
    }
    if out.is_empty() && !ctx.project.dir_exists(&base) {
        return None;
    }
    Some(out)
}

/// Does a module (given by its files) have `name`? `None` when unknowable.
pub(super) fn files_have(ctx: &FileCtx, files: &[String], name: &str) -> Option<bool> {
    if files.is_empty() {
        return None;
    }
    for f in files {
        // A submodule of a package.
        if let Some(dir) = f
            .strip_suffix("/__init__.py")
            .or_else(|| f.strip_suffix("/__init__.pyi"))
            && project_module_files(ctx, dir, name).is_some()
        {
            return Some(true);
        }
        let Some(rc) = ctx.project.facts_of(f) else {
            return None;
        };
        match source_has(&rc.0, &rc.1, name) {
            Some(true) => return Some(true),
            None => return None,
            Some(false) => {}
        }
    }
    Some(false)
}

/// Does one module source define or import `name`? `None` when it can grow
/// names at run time (`__getattr__`, wildcard imports).
pub(super) fn source_has(text: &str, facts: &FileFacts, name: &str) -> Option<bool> {
    if facts.definitions.iter().any(|d| d.name == name) {
        return Some(true);
    }
    if super::super::word_positions(text, name).next().is_some() {
        return Some(true);
    }
    if facts.imports.iter().any(|i| i.wildcard)
        || facts.dynamic
        || text.contains("globals()")
        || facts
            .definitions
            .iter()
            .any(|d| d.name == "__getattr__" && d.container.is_none())
    {
        return None;
    }
    Some(false)
}

pub(super) fn installed_has(ctx: &FileCtx, m: &PyModule, module: &str, name: &str) -> Option<bool> {
    match m {
        PyModule::Compiled => None,
        PyModule::Namespace(_) => ctx
            .deps
            .python_module(&format!("{module}.{name}"))
            .map(|_| true),
        PyModule::Source(p) => {
            if ctx
                .deps
                .python_module(&format!("{module}.{name}"))
                .is_some()
            {
                return Some(true);
            }
            let rc = ctx.deps.extract(p)?;
            source_has(&rc.0, &rc.1, name)
        }
    }
}

/// Does module `module` (located) have member `name`?
pub(super) fn module_has(ctx: &FileCtx, loc: &ModLoc, module: &str, name: &str) -> Option<bool> {
    if name.starts_with('_') {
        return None;
    }
    match loc {
        ModLoc::Stdlib(m) => {
            if builtins::is_stdlib_module(Lang::Python, &format!("{module}.{name}")) {
                return Some(true);
            }
            match m.member(name) {
                // The table holds public names at import time; the module's
                // own source may bind more (imported submodules, late names).
                Some(false) => match ctx.deps.stdlib_source(module) {
                    Some(p) => match ctx.deps.extract(&p).as_deref() {
                        // The table already reflects run-time names; the
                        // source only adds names it spells out.
                        Some((text, facts)) => Some(
                            facts.definitions.iter().any(|d| d.name == name)
                                || super::super::word_positions(text, name).next().is_some(),
                        ),
                        None => Some(false),
                    },
                    None => Some(false),
                },
                other => other,
            }
        }
        ModLoc::Project(files) => files_have(ctx, files, name),
        ModLoc::Installed(pm) => installed_has(ctx, pm, module, name),
        ModLoc::Missing => None,
    }
}

pub(super) fn guarded(ctx: &FileCtx, line: u32) -> bool {
    !python_blocks(ctx.text, line).is_empty()
}

/// Whether the line is under a block that tests the platform or the
/// interpreter (`if sys.platform == ...`, `if hasattr(os, ...)`), or under a
/// `try:` whose handlers catch a missing attribute.
pub(super) fn platformish(ctx: &FileCtx, line: u32) -> bool {
    let catches = [
        "except AttributeError",
        "except ImportError",
        "except (AttributeError",
        "except (ImportError",
        "except NameError",
    ]
    .iter()
    .any(|e| ctx.text.contains(e));
    python_blocks(ctx.text, line).iter().any(|h| {
        (h.starts_with("try") && catches)
            || [
                "platform",
                "os.name",
                "hasattr",
                "sys.version",
                "win",
                "darwin",
                "sys.implementation",
                "TYPE_CHECKING",
            ]
            .iter()
            .any(|k| h.to_ascii_lowercase().contains(&k.to_ascii_lowercase()))
    })
}

pub(super) fn member_candidates(
    ctx: &FileCtx,
    loc: &ModLoc,
    name: &str,
) -> Vec<crate::report::Candidate> {
    let pool: Vec<(String, String, u32)> = match loc {
        ModLoc::Stdlib(m) => m
            .members()
            .iter()
            .map(|s| (s.to_string(), format!("<stdlib {}>", m.name), 0))
            .collect(),
        ModLoc::Project(files) => files
            .iter()
            .filter_map(|f| ctx.project.facts_of(f).map(|rc| (f.clone(), rc)))
            .flat_map(|(f, rc)| {
                rc.1.definitions
                    .iter()
                    .filter(|d| d.container.is_none())
                    .map(|d| (d.name.clone(), f.clone(), d.name_span.start_line))
                    .collect::<Vec<_>>()
            })
            .collect(),
        _ => Vec::new(),
    };
    if pool.is_empty() {
        return Vec::new();
    }
    let names: Vec<&str> = pool.iter().map(|p| p.0.as_str()).collect();
    crate::suggest::suggest(name, names.iter().copied())
        .into_iter()
        .filter_map(|(n, score)| {
            pool.iter()
                .find(|p| p.0 == n)
                .map(|(_, f, l)| crate::report::Candidate {
                    name: n.clone(),
                    file: f.clone(),
                    line: *l,
                    reason: "name".into(),
                    score,
                })
        })
        .collect()
}

pub(super) fn loc_name(loc: &ModLoc) -> String {
    match loc {
        ModLoc::Stdlib(_) => "standard library".into(),
        ModLoc::Project(f) => format!("project: {}", f.join(", ")),
        ModLoc::Installed(PyModule::Source(p)) => format!("installed: {}", p.display()),
        ModLoc::Installed(_) => "installed".into(),
        ModLoc::Missing => "missing".into(),
    }
}

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
        let top = module.split('.').next().unwrap_or(module);
        if let Some(locked) = locked_version(ctx, top)
            && ctx.deps.installed_version(top).is_some_and(|v| v != locked)
        {
            return ModLoc::Installed(PyModule::OtherVersion);
        }
        return ModLoc::Installed(m);
    }
    ModLoc::Missing
}

/// The version the project's lockfile pins for the distribution providing
/// top-level module `top`.
fn locked_version(ctx: &FileCtx, top: &str) -> Option<String> {
    let m = ctx.project.manifest();
    let provides = |name: &str| {
        plumb_manifest::normalize_python_name(name) == plumb_manifest::normalize_python_name(top)
            || plumb_manifest::python_import_names(name)
                .iter()
                .any(|n| n.split('.').next() == Some(top))
    };
    m.dependencies
        .iter()
        .filter(|d| d.ecosystem == plumb_facts::Ecosystem::PyPI && provides(&d.name))
        .find_map(|d| d.locked_version.clone())
        .or_else(|| {
            m.locked
                .iter()
                .find(|(e, n, _)| *e == plumb_facts::Ecosystem::PyPI && provides(n))
                .map(|(_, _, v)| v.clone())
        })
}

/// The one project file of an absolute module, when the project has it.
pub(super) fn project_file(ctx: &FileCtx, module: &str) -> Option<String> {
    let files = ctx.project.python_module_files(module)?;
    let mut py = files.into_iter().filter(|f| f.ends_with(".py"));
    let f = py.next()?;
    py.next().is_none().then_some(f)
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
        match source_has(&rc.0, &rc.1, name).or_else(|| through_wildcards(ctx, f, &rc, name, 0)) {
            Some(true) => return Some(true),
            None => return None,
            Some(false) => {}
        }
    }
    Some(false)
}

/// Whether the wildcard imports of a project file bring `name`, when they
/// are the only reason its names are open: each starred module is a
/// project file (followed up to a few levels) that has it or not.
fn through_wildcards(
    ctx: &FileCtx,
    path: &str,
    rc: &(String, FileFacts),
    name: &str,
    depth: u32,
) -> Option<bool> {
    let (text, facts) = rc;
    if depth > 3 || module_names_open(text, facts) {
        return None;
    }
    for imp in facts.imports.iter().filter(|i| i.wildcard) {
        let files = if imp.relative {
            let mut parts: Vec<&str> = path.split('/').collect();
            parts.pop();
            for _ in 1..imp.relative_level.max(1) {
                parts.pop()?;
            }
            project_module_files(ctx, &parts.join("/"), &imp.module)?
        } else {
            ctx.project.python_module_files(&imp.module)?
        };
        let file = files.iter().find(|f| f.ends_with(".py"))?;
        let next = ctx.project.facts_of(file)?;
        let has = source_has(&next.0, &next.1, name)
            .or_else(|| through_wildcards(ctx, file, &next, name, depth + 1))?;
        if has {
            return Some(true);
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
    if facts.imports.iter().any(|i| i.wildcard) || module_names_open(text, facts) {
        return None;
    }
    Some(false)
}

/// Whether a module can bind names its text does not spell: a module-level
/// `__getattr__`, writes through `globals()`/`vars()`/`sys.modules[__name__]`,
/// `exec`. Plain `getattr(obj, …)` on values does not count.
pub(super) fn module_names_open(text: &str, facts: &FileFacts) -> bool {
    facts
        .definitions
        .iter()
        .any(|d| d.name == "__getattr__" && d.container.is_none())
        || [
            "globals()",
            "vars()",
            "locals()",
            "sys.modules[__name__]",
            "exec(",
            "__dict__.update",
            "setattr(sys.modules",
            "__import__(",
        ]
        .iter()
        .any(|k| text.contains(k))
}

pub(super) fn installed_has(ctx: &FileCtx, m: &PyModule, module: &str, name: &str) -> Option<bool> {
    match m {
        PyModule::Compiled | PyModule::OtherVersion => None,
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
    if name.starts_with("__") && name.ends_with("__") {
        // Module attributes every module has (`__doc__`, `__file__`) or may set.
        return None;
    }
    if name.starts_with('_') {
        // Private names are in no table: only sources answer.
        return match loc {
            ModLoc::Project(files) => files_have(ctx, files, name),
            ModLoc::Stdlib(_) => {
                let sub = format!("{module}.{name}");
                if builtins::is_stdlib_module(Lang::Python, &sub)
                    || ctx.deps.stdlib_source(&sub).is_some()
                {
                    return Some(true);
                }
                let p = ctx.deps.stdlib_source(module)?;
                let rc = ctx.deps.extract(&p)?;
                source_has(&rc.0, &rc.1, name)
            }
            _ => None,
        };
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

/// Whether the line is conditional code (optional imports, platform
/// branches). `if TYPE_CHECKING:` is not: what it imports must exist.
pub(super) fn guarded(ctx: &FileCtx, line: u32) -> bool {
    python_blocks(ctx.text, line).iter().any(|h| {
        !h.trim_start().strip_prefix("if").is_some_and(|c| {
            c.trim().trim_end_matches(':').trim().rsplit('.').next() == Some("TYPE_CHECKING")
        })
    })
}

/// Whether the line is under a block that tests the platform or the
/// interpreter (`if sys.platform == ...`, `if hasattr(os, ...)`), or under a
/// `try:` whose own handlers catch a missing attribute or module.
pub(super) fn platformish(ctx: &FileCtx, line: u32) -> bool {
    let lines: Vec<&str> = ctx.text.lines().collect();
    let idx = line.saturating_sub(1) as usize;
    let Some(cur) = lines.get(idx) else {
        return false;
    };
    let mut indent = cur.len() - cur.trim_start().len();
    for i in (0..idx).rev() {
        if indent == 0 {
            break;
        }
        let l = lines[i];
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let ind = l.len() - t.len();
        if ind >= indent {
            continue;
        }
        indent = ind;
        let first = t.split([' ', ':', '(']).next().unwrap_or("");
        let hit = match first {
            "try" => try_catches_missing(&lines[i + 1..], ind),
            "if" | "elif" | "else" | "except" => [
                "platform",
                "os.name",
                "hasattr",
                "sys.version",
                "win",
                "darwin",
                "sys.implementation",
                "type_checking",
                "attributeerror",
                "importerror",
            ]
            .iter()
            .any(|k| t.to_ascii_lowercase().contains(k)),
            _ => false,
        };
        if hit {
            return true;
        }
    }
    false
}

/// Whether the handlers of the `try:` whose body follows catch a missing
/// attribute, name or module.
fn try_catches_missing(after: &[&str], indent: usize) -> bool {
    for l in after {
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let ind = l.len() - t.len();
        if ind > indent {
            continue;
        }
        if ind < indent {
            return false;
        }
        if t.starts_with("except") {
            if t == "except:"
                || ["AttributeError", "ImportError", "NameError", "Exception"]
                    .iter()
                    .any(|e| t.contains(e))
            {
                return true;
            }
            continue;
        }
        if t.starts_with("else") || t.starts_with("finally") {
            continue;
        }
        return false;
    }
    false
}

/// Standard-library modules whose names differ between platforms and
/// builds; other modules have the same names everywhere.
const PLATFORM_MODULES: &[&str] = &[
    "os",
    "posix",
    "nt",
    "sys",
    "errno",
    "signal",
    "socket",
    "select",
    "time",
    "resource",
    "fcntl",
    "termios",
    "mmap",
    "msvcrt",
    "winreg",
    "winsound",
    "_winapi",
    "_overlapped",
    "ctypes",
    "_posixsubprocess",
    "locale",
    "ssl",
    "curses",
    "readline",
    "pwd",
    "grp",
    "posixpath",
    "ntpath",
    "os.path",
    "_thread",
    "faulthandler",
    "_ssl",
    "_socket",
    "_signal",
    "_stat",
    "asyncio",
    "multiprocessing",
    "selectors",
];

/// Whether a member absent from the table may exist on another platform.
pub(super) fn platform_varies(module: &str, member: &str) -> bool {
    let top = module.split('.').next().unwrap_or(module);
    // Private modules are the C parts of the standard library, built per platform.
    top.starts_with('_')
        || PLATFORM_MODULES.contains(&module)
        || PLATFORM_MODULES.contains(&top)
        || member
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
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

/// Whether `prefix.name` can only be a module file, and there is none: an
/// import path names modules, so an attribute of a project or installed
/// module does not make it importable. `None`-safe: a module that edits
/// `sys.modules`, or a directory with a compiled `name.*`, answers false.
pub(super) fn no_submodule(ctx: &FileCtx, loc: &ModLoc, name: &str) -> bool {
    let files: Vec<std::path::PathBuf> = match loc {
        ModLoc::Project(files) if !files.is_empty() => {
            files.iter().map(|f| ctx.project.root.join(f)).collect()
        }
        ModLoc::Installed(PyModule::Source(p)) => vec![p.clone()],
        _ => return false,
    };
    files.iter().all(|f| {
        let Ok(text) = std::fs::read_to_string(f) else {
            return false;
        };
        if text.contains("sys.modules") || text.contains("__path__") {
            return false;
        }
        let Some(dir) = f.parent() else {
            return false;
        };
        let is_pkg = f.file_stem().is_some_and(|s| s == "__init__");
        !is_pkg
            || std::fs::read_dir(dir).is_ok_and(|rd| {
                !rd.flatten().any(|e| {
                    let n = e.file_name();
                    let n = n.to_string_lossy();
                    n == name || n.starts_with(&format!("{name}."))
                })
            })
    })
}

//! Python: imports (standard library, project modules, installed packages,
//! declared dependencies), bare names (locals, file, imports, builtins,
//! wildcard imports), `module.attr`, `self.method` / `Class.method` within a
//! class whose bases are all visible, and the arity/keywords of calls that
//! resolve to exactly one definition.
//!
//! Method calls on receivers whose type is not known are never findings.

use plumb_facts::{DefKind, Definition, FileFacts, Import, Lang, Reference};

use super::deps::PyModule;
use super::{FileCtx, Outcome, python_blocks, scope};
use crate::builtins::{self, Lookup};
use crate::report::FindingKind;

/// Where a dotted module lives.
enum ModLoc {
    Stdlib(&'static builtins::Module),
    /// Project files providing it (empty for a namespace directory).
    Project(Vec<String>),
    Installed(PyModule),
    Missing,
}

fn locate(ctx: &FileCtx, module: &str) -> ModLoc {
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
fn relative_dir(ctx: &FileCtx, level: u32) -> Option<String> {
    let mut parts: Vec<&str> = ctx.path.split('/').collect();
    parts.pop();
    for _ in 1..level {
        parts.pop()?;
    }
    Some(parts.join("/"))
}

fn project_module_files(ctx: &FileCtx, dir: &str, module: &str) -> Option<Vec<String>> {
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
fn files_have(ctx: &FileCtx, files: &[String], name: &str) -> Option<bool> {
    if files.is_empty() {
        return None;
    }
    for f in files {
        // A submodule of a package.
        if let Some(dir) = f
            .strip_suffix("/__init__.py")
            .or_else(|| f.strip_suffix("/__init__.pyi"))
        {
            if project_module_files(ctx, dir, name).is_some() {
                return Some(true);
            }
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
fn source_has(text: &str, facts: &FileFacts, name: &str) -> Option<bool> {
    if facts.definitions.iter().any(|d| d.name == name) {
        return Some(true);
    }
    if super::word_positions(text, name).next().is_some() {
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

fn installed_has(ctx: &FileCtx, m: &PyModule, module: &str, name: &str) -> Option<bool> {
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
fn module_has(ctx: &FileCtx, loc: &ModLoc, module: &str, name: &str) -> Option<bool> {
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
                                || super::word_positions(&text, name).next().is_some(),
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

fn guarded(ctx: &FileCtx, line: u32) -> bool {
    !python_blocks(ctx.text, line).is_empty()
}

/// Whether the line is under a block that tests the platform or the
/// interpreter (`if sys.platform == ...`, `if hasattr(os, ...)`), or under a
/// `try:` whose handlers catch a missing attribute.
fn platformish(ctx: &FileCtx, line: u32) -> bool {
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

/// How the top-level package of an absolute import is known.
fn check_top(ctx: &FileCtx, imp: &Import, top: &str) -> Option<Outcome> {
    if builtins::is_stdlib_module(Lang::Python, top)
        || ctx.project.python_module_files(top).is_some()
    {
        return None;
    }
    let manifest = ctx.project.manifest();
    let norm = plumb_manifest::normalize_python_name(top);
    let declared = manifest.dependencies.iter().any(|d| {
        d.ecosystem == plumb_facts::Ecosystem::PyPI
            && (plumb_manifest::normalize_python_name(&d.name) == norm
                || plumb_manifest::python_import_names(&d.name)
                    .iter()
                    .any(|n| n.split('.').next() == Some(top)))
    }) || manifest
        .own_packages
        .iter()
        .any(|(_, n, _)| plumb_manifest::normalize_python_name(n) == norm);
    let installed = ctx.deps.python_module(top).is_some();
    let dist = ctx
        .deps
        .installed_dists()
        .iter()
        .find(|(_, tops)| tops.iter().any(|t| t == top))
        .map(|(d, _)| d.clone());
    if guarded(ctx, imp.span.start_line) {
        return Some(Outcome::Skipped);
    }
    let has_py_manifest = manifest
        .dependencies
        .iter()
        .any(|d| d.ecosystem == plumb_facts::Ecosystem::PyPI)
        || manifest.files.iter().any(|f| {
            f.ends_with("pyproject.toml")
                || f.contains("requirements")
                || f.ends_with("setup.py")
                || f.ends_with("setup.cfg")
        });
    let evidence = vec![
        format!(
            "Python standard library ({} modules): no '{top}'",
            builtins::table(Lang::Python).module_names().len()
        ),
        format!("project modules: no '{top}.py' or '{top}/' in the index"),
        format!(
            "declared dependencies ({}): none provides '{top}'",
            manifest.files.join(", ")
        ),
        match (&dist, installed) {
            (Some(d), _) => format!("installed: yes, by distribution '{d}'"),
            (None, true) => "installed: yes (site-packages)".to_string(),
            (None, false) => format!(
                "installed: no (searched {})",
                ctx.deps
                    .site_packages()
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        },
    ];
    if declared {
        if !installed {
            return Some(Outcome::Found(ctx.finding(
                FindingKind::Unverifiable,
                &imp.span,
                format!("'{top}' is declared but its source is not installed, so its names cannot be checked"),
                evidence,
                Vec::new(),
                0.3,
            )));
        }
        return None;
    }
    if installed && !has_py_manifest {
        return None;
    }
    let mut pool: Vec<(String, String, u32)> = builtins::table(Lang::Python)
        .module_names()
        .iter()
        .filter(|m| !m.contains('.'))
        .map(|m| (m.to_string(), "<stdlib>".to_string(), 0))
        .collect();
    pool.extend(
        manifest
            .dependencies
            .iter()
            .map(|d| (d.name.clone(), d.manifest.clone(), 0)),
    );
    let candidates = ctx.candidates(top, &pool);
    let in_function = imp.span.start_col > 1;
    let (msg, conf) = if installed {
        (
            format!("package '{top}' is installed but not declared in the project's manifest"),
            0.7,
        )
    } else {
        (
            format!(
                "package '{top}' is not declared, not installed, and not part of the project or the standard library"
            ),
            if top.starts_with('_') {
                // A private top-level module: a C extension of the project
                // that is not built here, more often than an invention.
                0.4
            } else if in_function {
                // A lazy import inside a function: the idiom of optional dependencies.
                0.45
            } else if ctx.path.split('/').rev().skip(1).any(|d| d == top) {
                // An integration module named after the package (`ext/django/…`).
                0.4
            } else {
                0.9
            },
        )
    };
    Some(Outcome::Found(ctx.finding(
        FindingKind::UndeclaredPackage,
        &imp.span,
        msg,
        evidence,
        candidates,
        conf,
    )))
}

pub fn check_import(ctx: &FileCtx, imp: &Import) -> Vec<Outcome> {
    let mut out = Vec::new();
    let (loc, module_label) = if imp.relative {
        let Some(dir) = relative_dir(ctx, imp.relative_level.max(1)) else {
            return vec![Outcome::Skipped];
        };
        match project_module_files(ctx, &dir, &imp.module) {
            Some(files) => (ModLoc::Project(files), imp.module.clone()),
            None => {
                if guarded(ctx, imp.span.start_line) {
                    return vec![Outcome::Skipped];
                }
                let shown = format!("{}{}", ".".repeat(imp.relative_level as usize), imp.module);
                return vec![Outcome::Found(ctx.finding(
                    FindingKind::UnknownImport,
                    &imp.span,
                    format!("relative module '{shown}' does not exist"),
                    vec![format!(
                        "looked for {dir}/{}.py and {dir}/{}/__init__.py",
                        imp.module.replace('.', "/"),
                        imp.module.replace('.', "/")
                    )],
                    Vec::new(),
                    0.9,
                ))];
            }
        }
    } else {
        let top = imp.module.split('.').next().unwrap_or(&imp.module);
        if let Some(o) = check_top(ctx, imp, top) {
            return vec![o];
        }
        // Every dotted prefix must be a module.
        let parts: Vec<&str> = imp.module.split('.').collect();
        let mut loc = locate(ctx, top);
        for i in 1..parts.len() {
            let prefix = parts[..i].join(".");
            let full = parts[..=i].join(".");
            let next = locate(ctx, &full);
            if matches!(next, ModLoc::Missing) {
                if module_has(ctx, &loc, &prefix, parts[i]) == Some(false)
                    && !guarded(ctx, imp.span.start_line)
                {
                    out.push(Outcome::Found(ctx.finding(
                        FindingKind::UnknownImport,
                        &imp.span,
                        format!("module '{full}' does not exist"),
                        vec![format!(
                            "module '{prefix}' has no submodule or name '{}'",
                            parts[i]
                        )],
                        member_candidates(ctx, &loc, parts[i]),
                        0.9,
                    )));
                    return out;
                }
                return vec![Outcome::Skipped];
            }
            loc = next;
        }
        (loc, imp.module.clone())
    };
    if imp.names.is_empty() {
        out.push(Outcome::Resolved);
        return out;
    }
    for n in &imp.names {
        match module_has(ctx, &loc, &module_label, &n.name) {
            Some(false) if !guarded(ctx, imp.span.start_line) => {
                let shown = if imp.relative {
                    format!(
                        "{}{}",
                        ".".repeat(imp.relative_level as usize),
                        module_label
                    )
                } else {
                    module_label.clone()
                };
                out.push(Outcome::Found(ctx.finding(
                    FindingKind::UnknownImport,
                    &imp.span,
                    format!("module '{shown}' has no name '{}'", n.name),
                    vec![format!(
                        "searched the definitions, imports and submodules of '{shown}'"
                    )],
                    member_candidates(ctx, &loc, &n.name),
                    0.9,
                )));
            }
            Some(true) => out.push(Outcome::Resolved),
            _ => out.push(Outcome::Skipped),
        }
    }
    out
}

fn member_candidates(ctx: &FileCtx, loc: &ModLoc, name: &str) -> Vec<crate::report::Candidate> {
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

pub fn check_ref(ctx: &FileCtx, r: &Reference) -> Vec<Outcome> {
    if r.qualifier.is_none() && ctx.after_dot(r) {
        return vec![Outcome::Skipped];
    }
    match r.qualifier.as_deref() {
        None => bare(ctx, r),
        Some(q) => qualified(ctx, r, q),
    }
}

fn bare(ctx: &FileCtx, r: &Reference) -> Vec<Outcome> {
    let name = r.name.as_str();
    if ctx.local_binds(r) {
        return vec![Outcome::Resolved];
    }
    let own: Vec<&Definition> = scope::file_defs(ctx.facts, name);
    if !own.is_empty() {
        let mut out = vec![Outcome::Resolved];
        if ctx.import_binding(name).is_none() {
            let top: Vec<&Definition> = own
                .iter()
                .copied()
                .filter(|d| d.container.is_none())
                .collect();
            if !top.is_empty() && top.len() == own.len() {
                out.extend(arity(ctx, r, &top, ctx.text, false));
            }
        }
        return out;
    }
    if let Some((imp, full)) = ctx.import_binding(name) {
        let mut out = vec![Outcome::Resolved];
        if !imp.names.is_empty() {
            out.extend(imported_arity(ctx, r, imp, &full));
        }
        return out;
    }
    if builtins::is_builtin(Lang::Python, name) {
        return vec![Outcome::Resolved];
    }
    if name.starts_with("__") || ctx.bound_elsewhere(name) {
        return vec![Outcome::Resolved];
    }
    let mut wildcard_missed = false;
    for imp in ctx.facts.imports.iter().filter(|i| i.wildcard) {
        let loc = if imp.relative {
            match relative_dir(ctx, imp.relative_level.max(1))
                .and_then(|d| project_module_files(ctx, &d, &imp.module))
            {
                Some(f) => ModLoc::Project(f),
                None => ModLoc::Missing,
            }
        } else {
            locate(ctx, &imp.module)
        };
        match module_has(ctx, &loc, &imp.module, name) {
            Some(true) => return vec![Outcome::Resolved],
            Some(false) => wildcard_missed = true,
            None => return vec![Outcome::Skipped],
        }
    }
    let mut pool: Vec<(String, String, u32)> = ctx
        .facts
        .definitions
        .iter()
        .map(|d| (d.name.clone(), ctx.path.to_string(), d.name_span.start_line))
        .collect();
    for imp in &ctx.facts.imports {
        for n in &imp.names {
            pool.push((
                n.alias.clone().unwrap_or(n.name.clone()),
                ctx.path.to_string(),
                imp.span.start_line,
            ));
        }
    }
    pool.extend(
        builtins::table(Lang::Python)
            .builtins()
            .iter()
            .map(|b| (b.to_string(), "<builtins>".to_string(), 0)),
    );
    let imported: Vec<String> = ctx.facts.imports.iter().map(|i| i.module.clone()).collect();
    // A wildcard import may bring platform-specific names the tables lack.
    // Postponed annotations, and annotations of variables in a function
    // body, are never evaluated at run time.
    let in_body = r.enclosing.as_deref().is_some_and(|e| {
        ctx.facts.definitions.iter().any(|d| {
            matches!(d.kind, DefKind::Function | DefKind::Method)
                && d.qualified_name() == e
                && r.span.start_line > d.name_span.start_line
        })
    });
    let lazy_annotation = r.kind == plumb_facts::RefKind::Type
        && (in_body || ctx.text.contains("from __future__ import annotations"));
    let conf = if wildcard_missed || lazy_annotation {
        0.4
    } else if ctx.facts.dynamic {
        0.6
    } else {
        0.9
    };
    vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!("'{name}' is not defined"),
        vec![
            "locals and parameters in scope: no".to_string(),
            format!("definitions in {}: no", ctx.path),
            format!(
                "imports of {}: {}",
                ctx.path,
                if imported.is_empty() {
                    "none".into()
                } else {
                    imported.join(", ")
                }
            ),
            format!(
                "Python builtins ({} names): no",
                builtins::table(Lang::Python).builtins().len()
            ),
        ],
        ctx.candidates(name, &pool),
        conf,
    ))]
}

/// The decorators of a definition, from its text (`@a.b(...)` -> `a.b`).
fn decorators(text: &str, d: &Definition) -> Vec<String> {
    let head = text
        .get(d.span.start_byte as usize..d.name_span.start_byte as usize)
        .unwrap_or("");
    head.lines()
        .filter_map(|l| l.trim_start().strip_prefix('@'))
        .map(|l| l.split(['(', ' ']).next().unwrap_or("").to_string())
        .collect()
}

/// Arity and keyword findings when every candidate definition is a plain
/// callable with known parameters and none accepts the call.
fn arity(
    ctx: &FileCtx,
    r: &Reference,
    defs: &[&Definition],
    text: &str,
    unbound_method: bool,
) -> Vec<Outcome> {
    if r.kind != plumb_facts::RefKind::Call || defs.is_empty() {
        return Vec::new();
    }
    let Some(given) = r.arg_count else {
        return Vec::new();
    };
    let mut fits_any = false;
    let mut first_err = None;
    let mut kw_bad: Vec<String> = Vec::new();
    for d in defs {
        if !matches!(d.kind, DefKind::Function | DefKind::Method | DefKind::Class) {
            return Vec::new();
        }
        let decs = decorators(text, d);
        if decs
            .iter()
            .any(|x| x != "staticmethod" && x != "classmethod")
        {
            return Vec::new();
        }
        let Some(p) = &d.params else {
            return Vec::new();
        };
        let mut pos = given;
        if unbound_method && p.has_receiver() && !decs.iter().any(|x| x == "classmethod") {
            if pos == 0 {
                return Vec::new();
            }
            pos -= 1;
        }
        match p.call_fits(pos, &r.keywords, r.has_spread) {
            Ok(()) => {
                fits_any = true;
                for k in &r.keywords {
                    if !p.accepts_keyword(k) && !kw_bad.contains(k) {
                        kw_bad.push(k.clone());
                    }
                }
            }
            Err(e) => first_err = first_err.or(Some((e, *d))),
        }
    }
    let mut out = Vec::new();
    if !fits_any && let Some((e, d)) = first_err {
        let sig = d.params.as_ref().map(|p| p.summary()).unwrap_or_default();
        let msg = match e {
            plumb_facts::ArityError::TooMany { given, max } => {
                format!(
                    "'{}' takes at most {max} positional argument(s) but {given} were given",
                    r.name
                )
            }
            plumb_facts::ArityError::TooFew { given, min } => {
                format!(
                    "'{}' needs at least {min} positional argument(s) but {given} were given",
                    r.name
                )
            }
        };
        out.push(Outcome::Found(ctx.finding(
            FindingKind::ArityMismatch,
            &r.span,
            msg,
            vec![format!(
                "resolved to {} {}{sig} at line {}",
                d.kind.name(),
                d.qualified_name(),
                d.name_span.start_line
            )],
            Vec::new(),
            if ctx.facts.dynamic { 0.6 } else { 0.85 },
        )));
    } else if fits_any && defs.len() == 1 {
        let d = defs[0];
        let p = d.params.as_ref().expect("checked above");
        for k in kw_bad {
            let pool: Vec<(String, String, u32)> = p
                .list
                .iter()
                .map(|x| (x.name.clone(), ctx.path.to_string(), d.name_span.start_line))
                .collect();
            let names: Vec<&str> = pool.iter().map(|x| x.0.as_str()).collect();
            let cands = crate::suggest::suggest(&k, names.iter().copied())
                .into_iter()
                .map(|(n, s)| crate::report::Candidate {
                    name: n,
                    file: ctx.path.to_string(),
                    line: d.name_span.start_line,
                    reason: "name".into(),
                    score: s,
                })
                .collect();
            out.push(Outcome::Found(ctx.finding(
                FindingKind::UnknownKeyword,
                &r.span,
                format!("'{}' has no parameter '{k}'", r.name),
                vec![format!(
                    "resolved to {} {}{}",
                    d.kind.name(),
                    d.qualified_name(),
                    p.summary()
                )],
                cands,
                if ctx.facts.dynamic { 0.6 } else { 0.85 },
            )));
        }
    }
    out
}

/// The base class names of a class, from its header; `None` when it has
/// keywords (metaclass) or is decorated.
fn bases(text: &str, d: &Definition) -> Option<Vec<String>> {
    let head = text.get(d.span.start_byte as usize..).unwrap_or("");
    if head.starts_with('@') {
        return None;
    }
    let after = &head[(d.name_span.end_byte - d.span.start_byte) as usize..];
    let after = after.trim_start();
    if !after.starts_with('(') {
        return Some(Vec::new());
    }
    let close = after.find(')')?;
    let inner = &after[1..close];
    let mut out = Vec::new();
    for b in inner.split(',') {
        let b = b.trim();
        if b.is_empty() || b == "object" {
            continue;
        }
        if b.contains('=') || b.contains('[') || b.contains('(') || b.contains('*') {
            return None;
        }
        out.push(b.to_string());
    }
    Some(out)
}

/// Members named `name` of class `cls` (and its visible bases) in this file.
/// `None` when the class hierarchy leaves this file or can grow attributes.
fn class_lookup<'f>(
    facts: &'f FileFacts,
    text: &str,
    cls: &'f Definition,
    name: &str,
    depth: u32,
) -> Option<Vec<&'f Definition>> {
    if depth > 6 {
        return None;
    }
    let q = cls.qualified_name();
    let mine: Vec<&Definition> = scope::members(facts, &q)
        .filter(|d| d.name == name)
        .collect();
    if !mine.is_empty() {
        return Some(mine);
    }
    if scope::members(facts, &q).any(|d| d.name == "__getattr__" || d.name == "__getattribute__") {
        return None;
    }
    for b in bases(text, cls)? {
        let base = facts
            .definitions
            .iter()
            .find(|d| d.kind == DefKind::Class && d.container.is_none() && d.name == b)?;
        if let Some(found) = class_lookup(facts, text, base, name, depth + 1) {
            if !found.is_empty() {
                return Some(found);
            }
        } else {
            return None;
        }
    }
    Some(Vec::new())
}

fn qualified(ctx: &FileCtx, r: &Reference, q: &str) -> Vec<Outcome> {
    let name = r.name.as_str();
    if !q
        .split('.')
        .all(|s| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_'))
    {
        // A call result, subscript or expression: the receiver's type is unknown.
        return vec![Outcome::Skipped];
    }
    // self.m / cls.m inside a class, or Class.m for a class of this file.
    let class = if q == "self" || q == "cls" {
        scope::enclosing_class(ctx.facts, &r.span)
    } else if !q.contains('.')
        && !ctx.local_binds(&Reference {
            name: q.to_string(),
            ..r.clone()
        })
    {
        ctx.facts
            .definitions
            .iter()
            .find(|d| d.kind == DefKind::Class && d.container.is_none() && d.name == q)
    } else {
        None
    };
    if let Some(cls) = class {
        if name.starts_with("__") {
            return vec![Outcome::Resolved];
        }
        let Some(found) = class_lookup(ctx.facts, ctx.text, cls, name, 0) else {
            return vec![Outcome::Skipped];
        };
        if found.is_empty() {
            // Mixins call methods their subclasses define: a name defined
            // anywhere in the project may be one of those.
            if ctx.bound_elsewhere(name)
                || mentioned_dynamically(ctx.text, name)
                || ctx.project.name_defined(name)
            {
                return vec![Outcome::Resolved];
            }
            let pool: Vec<(String, String, u32)> = scope::members(ctx.facts, &cls.qualified_name())
                .map(|d| (d.name.clone(), ctx.path.to_string(), d.name_span.start_line))
                .collect();
            return vec![Outcome::Found(ctx.finding(
                FindingKind::UnknownSymbol,
                &r.span,
                format!("class '{}' has no attribute '{name}'", cls.name),
                vec![
                    format!(
                        "members of class {} and its bases in {}",
                        cls.name, ctx.path
                    ),
                    "no assignment to this attribute anywhere in the file".into(),
                ],
                ctx.candidates(name, &pool),
                if ctx.facts.dynamic { 0.5 } else { 0.8 },
            ))];
        }
        let mut out = vec![Outcome::Resolved];
        let all_methods = found
            .iter()
            .all(|d| matches!(d.kind, DefKind::Method | DefKind::Function));
        // A method called on `self` may be a subclass's override.
        let overridden = (q == "self" || q == "cls") && ctx.project.defs_named(name, 2).len() > 1;
        if all_methods && !overridden {
            out.extend(arity(ctx, r, &found, ctx.text, q != "self" && q != "cls"));
        }
        return out;
    }
    // module.attr where the first segment is an import.
    let mut segs = q.split('.');
    let first = segs.next().unwrap_or(q);
    if ctx.local_binds(&Reference {
        name: first.to_string(),
        ..r.clone()
    }) {
        return vec![Outcome::Skipped];
    }
    let Some((imp, base)) = ctx.import_binding(first) else {
        return vec![Outcome::Skipped];
    };
    if ctx.facts.definitions.iter().any(|d| d.name == first) {
        // The import is shadowed somewhere in the file (a property, a local class).
        return vec![Outcome::Skipped];
    }
    if imp.relative {
        return relative_member(ctx, r, imp, &base, q);
    }
    let mut target: Vec<String> = base.split('.').map(str::to_string).collect();
    target.extend(segs.map(str::to_string));
    target.push(name.to_string());
    // Find the longest module prefix, then check the next segment.
    let mut loc = ModLoc::Missing;
    let mut at = 0;
    for i in (1..target.len()).rev() {
        let l = locate(ctx, &target[..i].join("."));
        if !matches!(l, ModLoc::Missing) {
            loc = l;
            at = i;
            break;
        }
    }
    if at == 0 {
        return vec![Outcome::Skipped];
    }
    let module = target[..at].join(".");
    let member = &target[at];
    if let ModLoc::Stdlib(_) = loc {
        if let Lookup::MissingMember(..) =
            builtins::lookup(Lang::Python, &format!("{module}.{member}"))
        {
            if platformish(ctx, r.span.start_line) || member.starts_with('_') {
                return vec![Outcome::Skipped];
            }
        }
    }
    match module_has(ctx, &loc, &module, member) {
        Some(true) => {
            let mut out = vec![Outcome::Resolved];
            if at + 1 == target.len() {
                if let ModLoc::Project(files) = &loc {
                    if let Some(f) = files.first() {
                        if let Some(rc) = ctx.project.facts_of(f) {
                            let defs: Vec<&Definition> =
                                rc.1.definitions
                                    .iter()
                                    .filter(|d| d.container.is_none() && &d.name == member)
                                    .collect();
                            out.extend(arity(ctx, r, &defs, &rc.0, false));
                        }
                    }
                }
            }
            out
        }
        Some(false) => {
            if ctx.text.contains(&format!("{}.{member} =", q))
                || mentioned_dynamically(ctx.text, member)
            {
                return vec![Outcome::Resolved];
            }
            let mut conf: f64 = if ctx.facts.dynamic { 0.6 } else { 0.9 };
            if r.kind != plumb_facts::RefKind::Call && matches!(loc, ModLoc::Stdlib(_)) {
                // Module attributes assigned at run time (`sys.last_value`) and platform constants (`signal.CTRL_C_EVENT`): below 0.5.
                conf = conf.min(0.45);
            }
            vec![Outcome::Found(ctx.finding(
                FindingKind::UnknownSymbol,
                &r.span,
                format!("module '{module}' has no attribute '{member}'"),
                vec![format!(
                    "searched the definitions, imports and submodules of '{module}' ({})",
                    loc_name(&loc)
                )],
                member_candidates(ctx, &loc, member),
                conf,
            ))]
        }
        None => vec![Outcome::Skipped],
    }
}

fn loc_name(loc: &ModLoc) -> String {
    match loc {
        ModLoc::Stdlib(_) => "standard library".into(),
        ModLoc::Project(f) => format!("project: {}", f.join(", ")),
        ModLoc::Installed(PyModule::Source(p)) => format!("installed: {}", p.display()),
        ModLoc::Installed(_) => "installed".into(),
        ModLoc::Missing => "missing".into(),
    }
}

fn relative_member(
    ctx: &FileCtx,
    r: &Reference,
    imp: &Import,
    base: &str,
    q: &str,
) -> Vec<Outcome> {
    // `from . import mod` then `mod.f()`: only the one-segment case.
    if q.contains('.') {
        return vec![Outcome::Skipped];
    }
    let Some(dir) = relative_dir(ctx, imp.relative_level.max(1)) else {
        return vec![Outcome::Skipped];
    };
    let Some(files) = project_module_files(ctx, &dir, base) else {
        return vec![Outcome::Skipped];
    };
    if files.is_empty() {
        return vec![Outcome::Skipped];
    }
    match files_have(ctx, &files, &r.name) {
        Some(true) => vec![Outcome::Resolved],
        Some(false) if !r.name.starts_with('_') => vec![Outcome::Found(ctx.finding(
            FindingKind::UnknownSymbol,
            &r.span,
            format!("module '{base}' has no attribute '{}'", r.name),
            vec![format!("searched {}", files.join(", "))],
            member_candidates(ctx, &ModLoc::Project(files.clone()), &r.name),
            if ctx.facts.dynamic { 0.6 } else { 0.9 },
        ))],
        _ => vec![Outcome::Skipped],
    }
}

/// Arity of a call to a name imported with `from m import f` when `m` is a
/// project module or an installed source module.
fn imported_arity(ctx: &FileCtx, r: &Reference, imp: &Import, full: &str) -> Vec<Outcome> {
    let Some((module, member)) = full.rsplit_once('.').or(Some(("", full))) else {
        return Vec::new();
    };
    let source: Option<std::rc::Rc<(String, FileFacts)>> = if imp.relative {
        let Some(dir) = relative_dir(ctx, imp.relative_level.max(1)) else {
            return Vec::new();
        };
        project_module_files(ctx, &dir, module)
            .and_then(|f| f.into_iter().find(|p| p.ends_with(".py")))
            .and_then(|f| ctx.project.facts_of(&f))
    } else {
        match locate(ctx, module) {
            // Several files providing the module (vendored copies): ambiguous.
            ModLoc::Project(files) if files.len() == 1 => ctx.project.facts_of(&files[0]),
            ModLoc::Installed(PyModule::Source(p)) => ctx.deps.extract(&p),
            _ => None,
        }
    };
    let Some(rc) = source else { return Vec::new() };
    let defs: Vec<&Definition> =
        rc.1.definitions
            .iter()
            .filter(|d| d.name == member)
            .collect();
    if defs.is_empty() || defs.iter().any(|d| d.container.is_some()) {
        return Vec::new();
    }
    arity(ctx, r, &defs, &rc.0, false)
}

/// Whether `name` appears in a string literal of the file (`hasattr(x,
/// "name")`, `getattr`, `setattr`, `__all__`): it may exist at run time.
fn mentioned_dynamically(text: &str, name: &str) -> bool {
    text.contains(&format!("\"{name}\"")) || text.contains(&format!("'{name}'"))
}

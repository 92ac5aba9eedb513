//! Python import statements: the top-level package (standard library,
//! project, declared, installed) and every dotted module and imported name.

use plumb_facts::{Import, Lang};

use super::super::{FileCtx, Outcome};
use super::*;
use crate::builtins::{self};
use crate::report::FindingKind;

/// How the top-level package of an absolute import is known.
pub(super) fn check_top(ctx: &FileCtx, imp: &Import, top: &str) -> Option<Outcome> {
    if builtins::is_stdlib_module(Lang::Python, top)
        || ctx.project.python_module_files(top).is_some()
        // The running program, and standard-library packages the module
        // list leaves out (`test`, `idlelib`).
        || top == "__main__"
        || ctx.deps.stdlib_source(top).is_some()
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
    // A package the project's lockfile installs (a transitive dependency,
    // or one of a dependency group) is the project's environment, not an
    // invention.
    let locked = || {
        manifest.locked.iter().any(|(e, name, _)| {
            *e == plumb_facts::Ecosystem::PyPI
                && (plumb_manifest::normalize_python_name(name) == norm
                    || plumb_manifest::python_import_names(name)
                        .iter()
                        .any(|n| n.split('.').next() == Some(top)))
        })
    };
    if !declared && locked() {
        return None;
    }
    let installed = ctx.deps.python_module(top).is_some();
    let dist = ctx
        .deps
        .installed_dists()
        .iter()
        .find(|(_, tops)| tops.iter().any(|t| t == top))
        .map(|(d, _)| d.clone());
    if guarded(ctx, imp.span.start_line) {
        return Some(skipped!());
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
    if !installed && let Some(o) = sibling_without_dot(ctx, imp, top) {
        return Some(o);
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
    if in_function && !installed {
        // A lazy import inside a function is the idiom of optional
        // dependencies (and of other interpreters' modules): a note, not a claim.
        return Some(Outcome::Found(ctx.finding(
            FindingKind::Unverifiable,
            &imp.span,
            format!(
                "lazy import of '{top}', which is not declared and not installed here: an optional dependency?"
            ),
            evidence,
            candidates,
            0.45,
        )));
    }
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

/// `import x` / `from x.y import z` inside a package where `x` is a module
/// of that package or of an enclosing one, and nothing top-level: the
/// relative import written without its dots (Python 3 resolves it against
/// `sys.path` only).
fn sibling_without_dot(ctx: &FileCtx, imp: &Import, top: &str) -> Option<Outcome> {
    // The file's own relative imports show how many levels are packages
    // (a directory without `__init__.py` can still be one).
    let relative = ctx
        .facts
        .imports
        .iter()
        .filter(|i| i.relative)
        .map(|i| i.relative_level)
        .max()
        .unwrap_or(0);
    let mut level = 1;
    loop {
        let dir = relative_dir(ctx, level)?;
        if dir.is_empty()
            || (level > relative && !ctx.project.file_exists(&format!("{dir}/__init__.py")))
        {
            return None;
        }
        if let Some(files) = project_module_files(ctx, &dir, top) {
            let shown = files
                .first()
                .cloned()
                .unwrap_or_else(|| format!("{dir}/{top}/"));
            let dots = ".".repeat(level as usize);
            return Some(Outcome::Found(ctx.finding(
                FindingKind::UnknownImport,
                &imp.span,
                format!(
                    "no top-level module '{top}': '{top}' is a module of package '{dir}', imported relatively as '{dots}{}'",
                    imp.module
                ),
                vec![
                    format!("{dir}/__init__.py makes {dir} a package; {shown} is its module '{top}'"),
                    format!(
                        "no top-level '{top}' in the project, the standard library or site-packages"
                    ),
                ],
                Vec::new(),
                0.85,
            )));
        }
        level += 1;
    }
}

pub fn check_import(ctx: &FileCtx, imp: &Import) -> Vec<Outcome> {
    let mut out = Vec::new();
    let (loc, module_label) = if imp.relative {
        let Some(dir) = relative_dir(ctx, imp.relative_level.max(1)) else {
            return vec![skipped!()];
        };
        match project_module_files(ctx, &dir, &imp.module) {
            Some(files) => (ModLoc::Project(files), imp.module.clone()),
            None => {
                if guarded(ctx, imp.span.start_line) {
                    return vec![skipped!()];
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
                // A dotted import names modules, not attributes: the
                // standard library's submodules are all in the table
                // (`os.path` included).
                let absent = matches!(loc, ModLoc::Stdlib(_))
                    || module_has(ctx, &loc, &prefix, parts[i]) == Some(false)
                    || no_submodule(ctx, &loc, parts[i]);
                if absent && !guarded(ctx, imp.span.start_line) {
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
                return vec![skipped!()];
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
            _ => out.push(skipped!()),
        }
    }
    out
}

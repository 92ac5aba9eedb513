//! Go import declarations: a standard-library path must exist, a path of
//! the project's own module must name a directory with Go files, a
//! third-party path must belong to a required module (and, where the module
//! cache or `vendor/` holds that module, to one of its directories).

use plumb_facts::{Import, Lang};

use super::super::{FileCtx, Outcome};
use super::modules::{Loc, Modules, locate};
use super::packages::project_dir;
use crate::builtins;
use crate::report::FindingKind;

pub fn check_import(ctx: &FileCtx, imp: &Import) -> Vec<Outcome> {
    let path = imp.module.as_str();
    match locate(ctx, path) {
        Loc::Std => vec![Outcome::Resolved],
        Loc::Unknown => vec![skipped!()],
        Loc::NotStd => {
            let pool: Vec<(String, String, u32)> = builtins::table(Lang::Go)
                .module_names()
                .iter()
                .filter(|m| !m.contains('.'))
                .map(|m| (m.to_string(), "<go std>".into(), 0))
                .collect();
            vec![Outcome::Found(ctx.finding(
                FindingKind::UnknownImport,
                &imp.span,
                format!("package '{path}' is not in the Go standard library"),
                vec![
                    format!("Go standard library ({} packages): no", pool.len()),
                    "modules of the project's go.mod files: none is a prefix".into(),
                ],
                ctx.candidates(path, &pool),
                0.85,
            ))]
        }
        Loc::Project { module, dir } => {
            if project_dir(ctx, &dir).has_source() {
                return vec![Outcome::Resolved];
            }
            let pool = project_packages(ctx, &module);
            let shown = if dir.is_empty() { "." } else { dir.as_str() };
            vec![Outcome::Found(ctx.finding(
                FindingKind::UnknownImport,
                &imp.span,
                format!("package '{path}' does not exist in module {module}"),
                vec![format!(
                    "module {module}: no Go files in directory {shown}/"
                )],
                ctx.candidates(path, &pool),
                0.85,
            ))]
        }
        Loc::Dep {
            module,
            version,
            dir,
            module_dir,
        } => match (dir, module_dir) {
            (None, Some(mdir)) => vec![Outcome::Found(ctx.finding(
                FindingKind::UnknownImport,
                &imp.span,
                format!(
                    "module {module}{} has no package '{path}'",
                    version.map(|v| format!(" {v}")).unwrap_or_default()
                ),
                vec![format!(
                        "no directory {}",
                        mdir.join(
                            path.strip_prefix(module.as_str())
                                .unwrap_or("")
                                .trim_start_matches('/')
                        )
                        .display()
                    )],
                Vec::new(),
                0.8,
            ))],
            _ => vec![Outcome::Resolved],
        },
        Loc::Undeclared { module, cached } => {
            let mods = Modules::get(ctx);
            let pool: Vec<(String, String, u32)> = mods
                .requires
                .iter()
                .map(|(m, _)| (m.clone(), "go.mod".into(), 0))
                .collect();
            let cache = match cached {
                Some(p) => format!("the module cache has {}", p.display()),
                None => "not in the module cache either".to_string(),
            };
            vec![Outcome::Found(ctx.finding(
                FindingKind::UndeclaredPackage,
                &imp.span,
                format!(
                    "'{path}' is not provided by any module that go.mod requires ({module}?); {cache}"
                ),
                vec![
                    format!(
                        "requirements of {}: {}",
                        mods.manifests.join(", "),
                        if mods.requires.is_empty() {
                            "none".to_string()
                        } else {
                            mods.requires
                                .iter()
                                .map(|(m, _)| m.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        }
                    ),
                    format!(
                        "project modules: {}",
                        mods.own
                            .iter()
                            .map(|(m, _)| m.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ],
                ctx.candidates(&module, &pool),
                0.85,
            ))]
        }
    }
}

/// Import paths of the project module's package directories (suggestions).
fn project_packages(ctx: &FileCtx, module: &str) -> Vec<(String, String, u32)> {
    let mods = Modules::get(ctx);
    let Some((_, root)) = mods.own.iter().find(|(m, _)| m == module) else {
        return Vec::new();
    };
    let mut dirs: Vec<String> = ctx
        .project
        .all_files()
        .iter()
        .filter(|p| p.ends_with(".go"))
        .filter_map(|p| {
            let d = p.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
            let rest = if root.is_empty() {
                Some(d)
            } else if d == root {
                Some("")
            } else {
                d.strip_prefix(root.as_str())?.strip_prefix('/')
            }?;
            Some(if rest.is_empty() {
                module.to_string()
            } else {
                format!("{module}/{rest}")
            })
        })
        .collect();
    dirs.sort();
    dirs.dedup();
    dirs.into_iter().map(|d| (d, "go.mod".into(), 0)).collect()
}

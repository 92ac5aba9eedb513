//! Go, C and C++: what can be checked soundly without types. Go imports of
//! the standard library must exist, `pkg.Member` for a standard-library
//! package must be a member of it; C/C++ `#include "x.h"` must name a file
//! of the project. Everything else is left alone.

use plumb_facts::{Import, Lang, Reference};

use super::{FileCtx, Outcome};
use crate::builtins::{self, Lookup};
use crate::report::FindingKind;

pub fn check_import(ctx: &FileCtx, imp: &Import) -> Vec<Outcome> {
    match ctx.lang {
        Lang::Go => {
            let first = imp.module.split('/').next().unwrap_or("");
            if first.contains('.') || imp.module == "C" {
                return vec![Outcome::Skipped];
            }
            // No dot in the first element: a standard-library path.
            if builtins::is_stdlib_module(Lang::Go, &imp.module) {
                return vec![Outcome::Resolved];
            }
            if builtins::table(Lang::Go).module_names().is_empty() {
                return vec![Outcome::Skipped];
            }
            // A module path of the project's own go.mod without a dot is rare but legal.
            let own = ctx
                .project
                .manifest()
                .own_packages
                .iter()
                .any(|(_, n, _)| imp.module.starts_with(n.as_str()));
            if own {
                return vec![Outcome::Skipped];
            }
            let pool: Vec<(String, String, u32)> = builtins::table(Lang::Go)
                .module_names()
                .iter()
                .map(|m| (m.to_string(), "<go std>".into(), 0))
                .collect();
            vec![Outcome::Found(ctx.finding(
                FindingKind::UnknownImport,
                &imp.span,
                format!("package '{}' is not in the Go standard library", imp.module),
                vec![format!("Go standard library ({} packages)", pool.len())],
                ctx.candidates(&imp.module, &pool),
                0.85,
            ))]
        }
        Lang::C | Lang::Cpp if imp.relative => {
            let dir = ctx.path.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
            let rel = if dir.is_empty() {
                imp.module.clone()
            } else {
                format!("{dir}/{}", imp.module)
            };
            if ctx.project.file_exists(&rel) || ctx.project.file_exists(&imp.module) {
                return vec![Outcome::Resolved];
            }
            let suffix = format!("/{}", imp.module);
            if ctx.project.all_files().iter().any(|p| p.ends_with(&suffix)) {
                return vec![Outcome::Resolved];
            }
            vec![Outcome::Found(ctx.finding(
                FindingKind::UnknownImport,
                &imp.span,
                format!(
                    "included file '{}' does not exist in the project",
                    imp.module
                ),
                vec![format!(
                    "looked for {rel} and any project file ending in {suffix}"
                )],
                Vec::new(),
                0.7,
            ))]
        }
        _ => vec![Outcome::Skipped],
    }
}

pub fn check_ref(ctx: &FileCtx, r: &Reference) -> Vec<Outcome> {
    if ctx.lang != Lang::Go {
        return vec![Outcome::Skipped];
    }
    let Some(q) = r.qualifier.as_deref() else {
        return vec![Outcome::Skipped];
    };
    if q.contains('.')
        || q.contains('(')
        || ctx.local_binds(&Reference {
            name: q.to_string(),
            ..r.clone()
        })
    {
        return vec![Outcome::Skipped];
    }
    let Some((imp, _)) = ctx.import_binding(q) else {
        return vec![Outcome::Skipped];
    };
    if !builtins::is_stdlib_module(Lang::Go, &imp.module) {
        return vec![Outcome::Skipped];
    }
    match builtins::lookup(Lang::Go, &format!("{}.{}", imp.module, r.name)) {
        Lookup::MissingMember(m, member) => {
            let pool: Vec<(String, String, u32)> = m
                .members()
                .iter()
                .map(|s| (s.to_string(), format!("<go std {}>", m.name), 0))
                .collect();
            vec![Outcome::Found(ctx.finding(
                FindingKind::UnknownSymbol,
                &r.span,
                format!("undefined: {q}.{member}"),
                vec![format!(
                    "Go standard library package {} ({} members)",
                    m.name,
                    m.members().len()
                )],
                ctx.candidates(&member, &pool),
                0.85,
            ))]
        }
        Lookup::Member(..) => vec![Outcome::Resolved],
        _ => vec![Outcome::Skipped],
    }
}

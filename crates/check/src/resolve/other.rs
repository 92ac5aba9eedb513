//! C and C++: what can be checked soundly without types: `#include "x.h"`
//! must name a file of the project. Everything else is left alone.

use plumb_facts::{Import, Lang};

use super::{FileCtx, Outcome};
use crate::report::FindingKind;

pub fn check_import(ctx: &FileCtx, imp: &Import) -> Vec<Outcome> {
    match ctx.lang {
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
        _ => vec![skipped!()],
    }
}

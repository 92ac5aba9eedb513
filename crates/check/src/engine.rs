//! The checker: lays a change over the index in memory, re-extracts every
//! changed file from its new text, resolves each reference and import the
//! change adds, and judges every hunk.
//!
//! Owns the order of work and the hunk verdicts; resolution rules live in
//! [`crate::resolve`], inputs in [`crate::input`]. Nothing on disk is written.

use std::collections::BTreeSet;
use std::path::Path;

use plumb_facts::Lang;
use plumb_store::Store;

use crate::project::{Overlay, Project};
use crate::report::{Finding, HunkVerdict, IndexInfo, Report, Skipped};
use crate::resolve::{self, FileCtx, Outcome, deps::Deps};

/// One file of the change, after the change.
#[derive(Debug, Clone)]
pub struct ChangedFile {
    pub path: String,
    pub new_text: String,
    /// New-side line numbers the change adds; `None` means every line (a new
    /// file, or `--files`).
    pub added: Option<BTreeSet<u32>>,
    /// New-side ranges (start, len) of the hunks; one whole-file range when
    /// `added` is `None`.
    pub hunks: Vec<(u32, u32)>,
}

/// What the engine checks.
#[derive(Debug, Clone, Default)]
pub struct Input {
    pub files: Vec<ChangedFile>,
    pub deleted: Vec<String>,
    pub skipped: Vec<Skipped>,
}

/// Check a change against the index of the repository at `root`.
pub fn check(root: &Path, store: &Store, input: &Input, index: IndexInfo) -> Report {
    let deps = Deps::new(root);
    check_with(root, store, input, index, &deps)
}

/// [`check`] with explicit dependency locations (tests).
pub fn check_with(
    root: &Path,
    store: &Store,
    input: &Input,
    index: IndexInfo,
    deps: &Deps,
) -> Report {
    let mut project = Project::new(root, store);
    project.deleted.extend(input.deleted.iter().cloned());
    project.changed_manifests = input
        .files
        .iter()
        .filter(|f| plumb_manifest::is_manifest_file(&f.path))
        .map(|f| (f.path.clone(), f.new_text.clone()))
        .collect();
    let mut langs: Vec<Option<Lang>> = Vec::new();
    // Functions each file's change adds, with their structural vectors,
    // computed from the same parse as the file's facts.
    let mut added_functions: Vec<Vec<crate::behaviour::NewFunction>> = Vec::new();
    for f in &input.files {
        let adapter = plumb_lang::adapter_for_path(Path::new(&f.path));
        langs.push(adapter.map(|a| a.lang()));
        let mut new = Vec::new();
        if let Some(a) = adapter {
            let bytes = f.new_text.as_bytes();
            let facts = match plumb_lang::parse(a, bytes) {
                Some(tree) => {
                    let mut facts = a.extract(&tree, bytes);
                    facts.assign_enclosing();
                    let added = |line: u32| f.added.as_ref().is_none_or(|s| s.contains(&line));
                    new = crate::behaviour::new_functions(
                        a,
                        &tree,
                        &f.new_text,
                        &facts.definitions,
                        &added,
                    );
                    facts
                }
                None => plumb_facts::FileFacts {
                    parse_errors: 1,
                    ..Default::default()
                },
            };
            project.overlay.insert(
                f.path.clone(),
                Overlay {
                    text: f.new_text.clone(),
                    facts,
                },
            );
        }
        added_functions.push(new);
    }
    let mut findings: Vec<Finding> = Vec::new();
    let mut behaviour_budget = MAX_BEHAVIOUR_LOOKUPS;
    let mut existing_shapes: Option<Option<crate::behaviour::ExistingShapes>> = None;
    let mut hunks: Vec<HunkVerdict> = Vec::new();
    for ((f, lang), new) in input.files.iter().zip(langs).zip(&added_functions) {
        let mut per_line: Vec<(u32, Outcome)> = Vec::new();
        if let (Some(lang), Some(o)) = (lang, project.overlay.get(&f.path)) {
            let ctx = FileCtx::new(&project, deps, &f.path, lang, &o.text, &o.facts);
            let added = |line: u32| f.added.as_ref().is_none_or(|s| s.contains(&line));
            for imp in &o.facts.imports {
                if !(imp.span.start_line..=imp.span.end_line).any(added) {
                    continue;
                }
                let outs = match lang {
                    Lang::Python => resolve::python::check_import(&ctx, imp),
                    Lang::Rust => resolve::rust::check_import(&ctx, imp),
                    Lang::Go => resolve::go::check_import(&ctx, imp),
                    Lang::Java => resolve::java::check_import(&ctx, imp),
                    Lang::JavaScript | Lang::TypeScript | Lang::Tsx => {
                        resolve::js::check_import(&ctx, imp)
                    }
                    _ => resolve::other::check_import(&ctx, imp),
                };
                per_line.extend(outs.into_iter().map(|x| (imp.span.start_line, x)));
            }
            for r in &o.facts.references {
                if !added(r.span.start_line) {
                    continue;
                }
                resolve::trace_ref(r);
                let outs = match lang {
                    Lang::Python => resolve::python::check_ref(&ctx, r),
                    Lang::Rust => resolve::rust::check_ref(&ctx, r),
                    Lang::Go => resolve::go::check_ref(&ctx, r),
                    Lang::Java => resolve::java::check_ref(&ctx, r),
                    Lang::JavaScript | Lang::TypeScript | Lang::Tsx => {
                        resolve::js::check_ref(&ctx, r)
                    }
                    _ => vec![Outcome::Skipped],
                };
                per_line.extend(outs.into_iter().map(|x| (r.span.start_line, x)));
            }
        }
        let mut file_findings: Vec<Finding> = per_line
            .iter()
            .filter_map(|(_, o)| match o {
                Outcome::Found(f) => Some(f.clone()),
                _ => None,
            })
            .collect();
        add_behaviour_candidates(store, &mut file_findings, &mut behaviour_budget);
        if let Some(lang) = lang {
            // Functions the change adds that repeat existing ones. The
            // existing vectors are loaded once, and only if some are added.
            if !new.is_empty() {
                let existing = existing_shapes
                    .get_or_insert_with(|| crate::behaviour::ExistingShapes::load(store));
                if let Some(e) = existing {
                    file_findings.extend(crate::behaviour::duplicates_of(
                        store,
                        e,
                        &f.path,
                        lang,
                        &f.new_text,
                        new,
                    ));
                }
            }
        }
        for &(start, len) in &f.hunks {
            let end = start + len.max(1);
            let inside = |l: u32| l >= start && l < end;
            let fs: Vec<&Finding> = file_findings.iter().filter(|x| inside(x.line)).collect();
            let resolved = per_line
                .iter()
                .filter(|(l, o)| inside(*l) && matches!(o, Outcome::Resolved))
                .count();
            let skipped = per_line
                .iter()
                .filter(|(l, o)| inside(*l) && matches!(o, Outcome::Skipped))
                .count();
            let mut verdict = HunkVerdict::judge(&f.path, start, len, &fs, resolved);
            if fs.is_empty() && skipped > 0 {
                // Say what was not checked rather than "adds no references".
                verdict.reasons = vec![format!(
                    "{resolved} reference(s) resolved; {skipped} not checkable here (methods of values of unknown type, macros, dynamic or platform-specific names)"
                )];
            }
            hunks.push(verdict);
        }
        findings.extend(file_findings);
    }
    Report::new(index, findings, hunks, input.skipped.clone())
}

/// Behaviour lookups scan documentation; a few per run keep checks fast.
const MAX_BEHAVIOUR_LOOKUPS: usize = 3;

/// Offer, next to close spellings, existing functions whose names or docs
/// say they do what an unknown name says (`crate::behaviour`).
fn add_behaviour_candidates(store: &Store, findings: &mut [Finding], budget: &mut usize) {
    for f in findings
        .iter_mut()
        .filter(|f| f.kind == crate::report::FindingKind::UnknownSymbol)
    {
        if *budget == 0 {
            return;
        }
        *budget -= 1;
        let name = f
            .code
            .get(f.column.saturating_sub(1) as usize..f.end_column.saturating_sub(1) as usize)
            .unwrap_or("")
            .to_string();
        for c in crate::behaviour::candidates_for_name(store, &name) {
            if !f
                .candidates
                .iter()
                .any(|x| x.name == c.name && x.file == c.file)
            {
                f.candidates.push(c);
            }
        }
    }
}

//! A method name that nothing the build reaches spells: not std, not the
//! project (its definitions, its macros, its other files' calls) and not
//! one crate of the dependency graph it builds with. Such a name is a
//! method of no type, so a call of it is wrong whatever its receiver is;
//! this answers where the receiver's type is not known. Reads installed
//! crate sources as words; infers no types.

use std::path::PathBuf;

use plumb_facts::{DefKind, Ecosystem, Reference};

use super::super::{FileCtx, Outcome};
use super::depsrc::manifest_deps;
use super::scan::crate_scan;
use super::*;
use crate::report::FindingKind;

/// `v.name(..)` (or `Path::name(..)` through a module the walk cannot
/// follow) where `name` is spelled nowhere reachable: a finding; `None`
/// when anything could still have it.
pub(super) fn spelled_nowhere(ctx: &FileCtx, r: &Reference) -> Option<Vec<Outcome>> {
    let name = r.name.as_str();
    if !name.starts_with(|c: char| c.is_lowercase() || c == '_')
        || std_fn_names().contains(name)
        || std_names().contains(name)
        || ctx.bound_elsewhere(name)
        || ctx.project.name_defined(name)
    {
        return None;
    }
    let scan = crate_scan(ctx);
    if scan.macro_may_name(name) || ctx.project.referenced_elsewhere(name, ctx.path) {
        return None;
    }
    let closure = dependency_closure(ctx, super::imports::test_only(ctx, &r.span));
    let crates = &closure.installed;
    if let Some(missing) = &closure.missing {
        if crates
            .iter()
            .any(|dir| ctx.deps.crate_names(dir).contains(name))
        {
            return unjudged(&format!(
                "spelled by an installed crate; {missing} is not installed"
            ));
        }
        // Spelled by nothing here, yet a crate the build needs is missing:
        // say so once per crate, as for a path into an uninstalled crate.
        if !ctx.first_time(&format!("unverifiable:{missing}")) {
            return unjudged(&format!(
                "{missing}, of the dependency graph, is not installed"
            ));
        }
        return Some(vec![Outcome::Found(ctx.finding(
            FindingKind::Unverifiable,
            &r.span,
            format!(
                "'{name}' is spelled nowhere on this machine, but crate '{missing}' of the dependency graph is not installed ('cargo fetch' installs it); it cannot be checked"
            ),
            vec![
                "the standard library, the project and the installed crates of the dependency graph: none spells it".into(),
                format!("{missing}: not in the cargo registry here"),
            ],
            Vec::new(),
            0.3,
        ))]);
    }
    if mentions_unread_crate(ctx) {
        // The file uses a crate whose source is not here (an optional one
        // its feature turns on, another target's): it could have the name.
        return unjudged("the file names a crate that is not installed");
    }
    if uses_unlisted_std(ctx) {
        return unjudged("the file reaches unlisted std (unstable, nightly)");
    }
    for dir in crates.iter() {
        if ctx.deps.crate_names(dir).contains(name) {
            return unjudged(&format!("spelled by {}", dir.display()));
        }
        if ctx.deps.builds_names(dir).pastes {
            // `paste! { fn [<get_ $f>]() }` in a dependency: its own types
            // may have names spelled nowhere whole.
            return unjudged(&format!("{} builds names", dir.display()));
        }
    }
    if crates
        .iter()
        .any(|d| is_proc_macro(d) && ctx.deps.builds_names(d).makes_idents)
        && affixed_project_name(ctx, name)
    {
        // A derive that builds accessors (`is_<variant>`, `get_<field>`)
        // from the project's own fields and variants may write it.
        return unjudged("an accessor a derive may build");
    }
    let evidence = vec![
        "the receiver's type (or the path's module) is not known here; nothing spelled nowhere can be called".into(),
        "the standard library: no function or method of that name".into(),
        "the project: no definition, macro or other call of that name".into(),
        format!(
            "the {} crates of the dependency graph (installed sources): none spells it",
            crates.len()
        ),
    ];
    let what = if ctx.after_dot(r) {
        "method"
    } else {
        "function"
    };
    Some(vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!("no {what} named '{name}' exists in the project, std or its dependencies"),
        evidence,
        ctx.candidates(name, &[]),
        if ctx.facts.dynamic { 0.5 } else { 0.65 },
    ))])
}

/// No answer, saying why under `PLUMB_TRACE_SKIPS`.
fn unjudged(why: &str) -> Option<Vec<Outcome>> {
    crate::resolve::trace_why(|| format!("the spelled-nowhere check is unjudged: {why}"));
    None
}

/// The installed sources of every crate the project builds with: its
/// declared dependencies (dev ones too for test code) and, through their
/// manifests, theirs; and the name of one declared for every target and
/// not optional that is not installed, when there is one (its names cannot
/// be read). An optional or target-specific one that is not installed is
/// one no build here needed (a feature that is off, another target's).
fn dependency_closure(ctx: &FileCtx, with_dev: bool) -> std::rc::Rc<Closure> {
    let key = format!("rust-dependency-closure-{with_dev}");
    ctx.project.memo(&key, || {
        let manifest = ctx.project.manifest();
        let target_only: Vec<String> = manifest
            .files
            .iter()
            .filter(|f| f.ends_with("Cargo.toml"))
            .filter_map(|f| std::fs::read_to_string(ctx.project.root.join(f)).ok())
            .flat_map(|text| super::depsrc::target_deps(&text))
            .collect();
        // (crate, whether its absence says nothing)
        let mut queue: Vec<(String, bool)> = Vec::new();
        for d in manifest
            .dependencies
            .iter()
            .filter(|d| d.ecosystem == Ecosystem::Cargo)
        {
            match d.scope.as_str() {
                "dev" if !with_dev => {}
                "optional" => queue.push((d.name.clone(), true)),
                _ => queue.push((d.name.clone(), target_only.contains(&d.name))),
            }
        }
        let mut visited: std::collections::HashSet<String> = std::collections::HashSet::new();
        let mut dirs: Vec<PathBuf> = Vec::new();
        let mut missing: Option<String> = None;
        while let Some((krate, absence_ok)) = queue.pop() {
            if !visited.insert(krate.clone()) {
                continue;
            }
            let Some(dir) = super::traits::dep_source(ctx, &krate)
                .or_else(|| ctx.deps.cargo_source_any(&krate.replace('_', "-")))
            else {
                if !absence_ok && !own_crate(ctx, &krate.replace('-', "_")) {
                    missing.get_or_insert(krate);
                }
                continue;
            };
            let deps = manifest_deps(&dir);
            let targets = std::fs::read_to_string(dir.join("Cargo.toml"))
                .map(|t| super::depsrc::target_deps(&t))
                .unwrap_or_default();
            for d in &deps.all {
                queue.push((d.clone(), deps.optional.contains(d) || targets.contains(d)));
            }
            dirs.push(dir);
        }
        dirs.sort();
        Closure {
            installed: dirs,
            missing,
        }
    })
}

/// The crates of the dependency graph: the installed ones' sources, and
/// one the build needs that is not installed, if any.
struct Closure {
    installed: Vec<PathBuf>,
    missing: Option<String>,
}

/// Whether the file names a dependency whose source is not installed, in
/// a `use` or a path (`jobserver::Client`, `winapi_util::file::typ`).
fn mentions_unread_crate(ctx: &FileCtx) -> bool {
    // Which dependencies are not installed is asked once per check: each
    // answer lists registry directories.
    let paths = ctx.project.memo("rust-unread-crate-paths", || {
        ctx.project
            .manifest()
            .dependencies
            .iter()
            .filter(|d| d.ecosystem == Ecosystem::Cargo)
            .filter(|d| super::traits::dep_source(ctx, &d.name).is_none())
            .map(|d| {
                let lib =
                    plumb_manifest::cargo_crate_import_name(d.rename.as_deref().unwrap_or(&d.name));
                format!("{lib}::")
            })
            .collect::<Vec<String>>()
    });
    paths.iter().any(|path| {
        ctx.text.match_indices(path.as_str()).any(|(i, _)| {
            !ctx.text[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
    })
}

/// Whether the file reaches std items whose methods the listing lacks: an
/// unstable module it imports from (`core::simd`, listed with unknown
/// members) or nightly features its crate turns on (`#![feature(..)]`).
fn uses_unlisted_std(ctx: &FileCtx) -> bool {
    let unlisted_import = ctx.facts.imports.iter().any(|i| {
        let segs: Vec<&str> = i.module.split("::").collect();
        is_std_root(segs[0])
            && (1..=segs.len()).any(|n| {
                // Platform modules (`std::os::unix`) and intrinsics add traits
                // and free functions whose names the std listing has.
                let path = segs[..n].join("::");
                !path.contains("::os::")
                    && !path.ends_with("::os")
                    && !path.contains("::arch")
                    && crate::builtins::stdlib_module(plumb_facts::Lang::Rust, &path)
                        .is_some_and(|m| !m.members_known())
            })
    });
    // Language features (`never_type`) and those of std items the tables
    // list add no names the check could not see.
    let nightly = |text: &str| {
        text.lines().any(|l| {
            let l = l.trim_start();
            (l.starts_with("#![feature(") || l.starts_with("#![cfg_attr("))
                && turned_on_features(l)
                    .any(|f| super::context::unlisted_std_features().contains(f))
        })
    };
    let roots_nightly = ctx.project.memo("rust-crate-roots-nightly", || {
        ctx.project.all_files().iter().any(|f| {
            (f.ends_with("src/lib.rs") || f.ends_with("src/main.rs"))
                && ctx.project.facts_of(f).is_some_and(|rc| nightly(&rc.0))
        })
    });
    unlisted_import || nightly(ctx.text) || *roots_nightly
}

/// The features a `#![feature(a, b)]` or `#![cfg_attr(cond, feature(a))]`
/// line names.
fn turned_on_features(line: &str) -> impl Iterator<Item = &str> {
    line.match_indices("feature(").flat_map(move |(i, _)| {
        let rest = &line[i + 8..];
        rest[..rest.find(')').unwrap_or(rest.len())]
            .split(',')
            .map(str::trim)
            .filter(|f| !f.is_empty())
    })
}

/// Whether the crate at `dir` is a procedural-macro crate.
fn is_proc_macro(dir: &std::path::Path) -> bool {
    std::fs::read_to_string(dir.join("Cargo.toml"))
        .is_ok_and(|m| plumb_manifest::cargo_lib(&m).proc_macro)
}

/// Whether `name` is an accessor-style name (`is_x`, `get_x`, `x_mut`,
/// `as_x`, ...) of a field or variant the project defines.
fn affixed_project_name(ctx: &FileCtx, name: &str) -> bool {
    // Derives build accessors from fields and variants (`is_<variant>`,
    // `get_<field>`), not from functions (`get_new`).
    let snake_defined = |part: &str| {
        ctx.project.defs_named(part, 50).iter().any(|d| {
            !matches!(
                d.def.kind,
                DefKind::Function | DefKind::Method | DefKind::Macro
            )
        }) || ctx
            .project
            .defs_with_prefix(
                &part.chars().take(1).collect::<String>().to_uppercase(),
                500,
            )
            .iter()
            .any(|d| to_snake(&d.def.name) == part)
    };
    super::derives::ACCESSOR_AFFIXES.iter().any(|a| {
        name.strip_prefix(a)
            .and_then(|p| p.strip_prefix('_'))
            .or_else(|| name.strip_suffix(a).and_then(|p| p.strip_suffix('_')))
            .is_some_and(|part| !part.is_empty() && snake_defined(part))
    })
}

//! Java import declarations: a JDK path must name a JDK package and class;
//! a path under the project's own root packages must name a project
//! package or class (and a static import a member of it); any other path
//! must belong to a declared Maven/Gradle dependency.

use plumb_facts::{DefKind, Import, Lang};

use super::super::{FileCtx, Outcome};
use super::deps;
use super::project::{file, index};
use super::types::{self, Ty, methods};
use crate::builtins;
use crate::report::FindingKind;

/// Where a JDK path leads.
enum Jdk {
    /// A JDK package, or a class of one (nested parts not checked).
    Found,
    /// The package exists, the class does not.
    NoClass(String, String),
    /// Under `java.` but no such package.
    NoPackage,
    NotJdk,
}

fn is_package(m: &str) -> bool {
    m.rsplit('.')
        .next()
        .is_some_and(|l| l.starts_with(char::is_lowercase))
}

fn jdk(path: &str) -> Jdk {
    let segs: Vec<&str> = path.split('.').collect();
    for i in (1..=segs.len()).rev() {
        let pkg = segs[..i].join(".");
        if !is_package(&pkg) {
            continue;
        }
        let Some(m) = builtins::stdlib_module(Lang::Java, &pkg) else {
            continue;
        };
        let Some(next) = segs.get(i) else {
            return Jdk::Found;
        };
        return match m.member(next) {
            Some(false) if next.starts_with(char::is_uppercase) => {
                Jdk::NoClass(pkg, next.to_string())
            }
            _ => Jdk::Found,
        };
    }
    if segs.first() == Some(&"java") {
        Jdk::NoPackage
    } else {
        Jdk::NotJdk
    }
}

pub fn check_import(ctx: &FileCtx, imp: &Import) -> Vec<Outcome> {
    let f = file(ctx, ctx.path);
    let is_static = f.static_imports.iter().any(|i| i.span == imp.span);
    let name = imp.names.first().map(|n| n.name.as_str());
    // The path whose existence the import claims (a class, or a package for `.*`).
    let target = match (is_static, name) {
        (false, Some(n)) => format!("{}.{n}", imp.module),
        _ => imp.module.clone(),
    };
    let member = if is_static { name } else { None };
    vec![check_path(
        ctx,
        imp,
        &target,
        member,
        imp.wildcard && !is_static,
    )]
}

fn check_path(
    ctx: &FileCtx,
    imp: &Import,
    target: &str,
    member: Option<&str>,
    package_ok: bool,
) -> Outcome {
    let newer = super::project::jdk_newer(ctx);
    match jdk(target) {
        Jdk::Found if newer => return Outcome::Resolved,
        Jdk::NoClass(..) | Jdk::NoPackage if newer => return skipped!(),
        Jdk::Found => return jdk_member(ctx, imp, target, member),
        Jdk::NoClass(pkg, class) => {
            let pool: Vec<(String, String, u32)> = builtins::stdlib_module(Lang::Java, &pkg)
                .map(|m| {
                    m.members()
                        .iter()
                        .map(|x| (x.to_string(), format!("<jdk {pkg}>"), 0))
                        .collect()
                })
                .unwrap_or_default();
            return Outcome::Found(ctx.finding(
                FindingKind::UnknownImport,
                &imp.span,
                format!("the JDK package {pkg} has no public class '{class}'"),
                vec![format!(
                    "public classes of {pkg} in the JDK list: {} (no '{class}')",
                    pool.len()
                )],
                ctx.candidates(&class, &pool),
                0.85,
            ));
        }
        Jdk::NoPackage => {
            let pool: Vec<(String, String, u32)> = builtins::table(Lang::Java)
                .module_names()
                .iter()
                .filter(|m| is_package(m))
                .map(|m| (m.to_string(), "<jdk>".into(), 0))
                .collect();
            return Outcome::Found(ctx.finding(
                FindingKind::UnknownImport,
                &imp.span,
                format!("'{target}' is not a JDK package or class"),
                vec![format!("JDK packages ({}): none is a prefix", pool.len())],
                ctx.candidates(target, &pool),
                0.85,
            ));
        }
        Jdk::NotJdk => {}
    }
    let idx = index(ctx);
    let coords = deps::coordinates(ctx.project.manifest());
    if idx.owns(target) {
        if package_ok && idx.has_package(target) {
            return Outcome::Resolved;
        }
        match types::by_fqn(ctx, target) {
            Ty::Project(c) => {
                let Some(m) = member else {
                    return Outcome::Resolved;
                };
                if c.members()
                    .any(|d| d.name == m && d.kind != DefKind::Method)
                {
                    return Outcome::Resolved;
                }
                let found = methods(ctx, &c, m);
                if !found.overloads.is_empty() || !found.complete {
                    return Outcome::Resolved;
                }
                return Outcome::Found(
                    ctx.finding(
                        FindingKind::UnknownImport,
                        &imp.span,
                        format!("class {} has no static member '{m}'", c.qual),
                        vec![format!(
                            "{} ({}) and its supertypes: no '{m}'",
                            c.qual, c.file.path
                        )],
                        ctx.candidates(
                            m,
                            &c.members()
                                .map(|d| {
                                    (d.name.clone(), c.file.path.clone(), d.name_span.start_line)
                                })
                                .collect::<Vec<_>>(),
                        ),
                        0.85,
                    ),
                );
            }
            Ty::Jdk(_) => return Outcome::Resolved,
            _ => {}
        }
        // A dependency may share the project's root (a sibling artifact).
        let specific = coords.iter().any(|c| {
            let g = c.split(':').next().unwrap_or("");
            idx.roots
                .iter()
                .any(|r| g.len() > r.len() && g.starts_with(r.as_str()))
        });
        let last = target.rsplit('.').next().unwrap_or(target);
        // AutoValue, Dagger and JPA metamodel class names.
        let generated_name =
            last.starts_with("AutoValue_") || last.starts_with("Dagger") || last.ends_with('_');
        // The deepest existing project package on the path.
        let segs: Vec<&str> = target.split('.').collect();
        let mut pkg_at = None;
        for i in (1..segs.len()).rev() {
            if idx.has_package(&segs[..i].join(".")) {
                pkg_at = Some(i);
                break;
            }
        }
        // A class of an existing package that is not complete, or a nested
        // class under a class: not provable.
        if let Some(i) = pkg_at {
            let pkg = segs[..i].join(".");
            // `pkg.Class.Nested`: a missing nested type may be inherited,
            // unless the class has no supertypes.
            let nested_class = i + 1 < segs.len()
                && segs[i].starts_with(char::is_uppercase)
                && !matches!(types::by_fqn(ctx, &segs[..=i].join(".")), Ty::Project(c) if c.supers.is_empty() && !c.header_cut);
            if !super::project::package_complete(ctx, &pkg, segs[i]) || nested_class {
                return skipped!();
            }
        }
        if idx.maybe_generated(target, ctx.path) || idx.other_jvm || specific || generated_name {
            return skipped!();
        }
        let pool: Vec<(String, String, u32)> = idx
            .packages
            .keys()
            .filter(|p| !p.is_empty())
            .map(|p| (p.clone(), "<project package>".into(), 0))
            .collect();
        let msg = match pkg_at {
            Some(i) if segs[i].starts_with(char::is_uppercase) => {
                format!("package {} has no class '{}'", segs[..i].join("."), segs[i])
            }
            Some(i) => format!(
                "package {} has no subpackage '{}'",
                segs[..i].join("."),
                segs[i]
            ),
            _ => format!("the project has no package or class '{target}'"),
        };
        let cand_key = match pkg_at {
            Some(i) => segs.get(i).copied().unwrap_or(target),
            None => target,
        };
        let cands = match pkg_at {
            Some(i) => {
                let pkg = segs[..i].join(".");
                let cls: Vec<(String, String, u32)> = idx.packages[&pkg]
                    .iter()
                    .filter_map(|p| {
                        let stem = p.rsplit('/').next()?.strip_suffix(".java")?;
                        Some((stem.to_string(), p.clone(), 1))
                    })
                    .collect();
                ctx.candidates(cand_key, &cls)
            }
            None => ctx.candidates(target, &pool),
        };
        return Outcome::Found(ctx.finding(
            FindingKind::UnknownImport,
            &imp.span,
            msg,
            vec![format!(
                "project root packages: {}; project packages: {}",
                idx.roots.join(", "),
                idx.packages.len()
            )],
            cands,
            0.85,
        ));
    }
    third_party(ctx, imp, target, &coords)
}

fn jdk_member(ctx: &FileCtx, imp: &Import, class: &str, member: Option<&str>) -> Outcome {
    let Some(m) = member else {
        return Outcome::Resolved;
    };
    match builtins::stdlib_module(Lang::Java, class).and_then(|x| x.member(m)) {
        Some(false) => {
            let pool: Vec<(String, String, u32)> = builtins::stdlib_module(Lang::Java, class)
                .map(|x| {
                    x.members()
                        .iter()
                        .map(|s| (s.to_string(), format!("<jdk {class}>"), 0))
                        .collect()
                })
                .unwrap_or_default();
            Outcome::Found(ctx.finding(
                FindingKind::UnknownImport,
                &imp.span,
                format!("{class} has no public member '{m}'"),
                vec![format!(
                    "public members of {class} in the JDK list: {}",
                    pool.len()
                )],
                ctx.candidates(m, &pool),
                0.8,
            ))
        }
        _ => Outcome::Resolved,
    }
}

fn third_party(ctx: &FileCtx, imp: &Import, target: &str, coords: &[String]) -> Outcome {
    let manifest = ctx.project.manifest();
    if !deps::has_build_file(manifest) || !target.contains('.') {
        return skipped!();
    }
    if deps::provider(coords, target).is_some() {
        return Outcome::Resolved;
    }
    // The Android SDK is no declared dependency.
    const ANDROID_SDK: &[&str] = &[
        "android.",
        "dalvik.",
        "org.json.",
        "org.xmlpull.",
        "org.apache.http.",
    ];
    if index(ctx).android && ANDROID_SDK.iter().any(|p| target.starts_with(p)) {
        return Outcome::Resolved;
    }
    // Java EE / Jakarta EE API packages come with many artifacts (jsr305
    // through Guava, javax.inject through Guice, the servlet API through a
    // container): with dependencies declared, their absence is not proven.
    if !coords.is_empty() && deps::is_ee_api(target) {
        return skipped!();
    }
    let pkg = target
        .split('.')
        .take_while(|s| s.starts_with(char::is_lowercase))
        .collect::<Vec<_>>()
        .join(".");
    let pool: Vec<(String, String, u32)> = coords
        .iter()
        .map(|c| (c.clone(), "build file".into(), 0))
        .collect();
    let builds: Vec<&str> = manifest
        .files
        .iter()
        .map(|s| s.as_str())
        .filter(|f| f.ends_with("pom.xml") || f.contains("build.gradle"))
        .collect();
    Outcome::Found(ctx.finding(
        FindingKind::UndeclaredPackage,
        &imp.span,
        format!("package {pkg} is not provided by any dependency the build declares"),
        vec![
            format!(
                "declared in {}: {}",
                builds.join(", "),
                if coords.is_empty() {
                    "nothing".to_string()
                } else {
                    coords.join(", ")
                }
            ),
            match deps::m2_dir(&pkg) {
                Some(d) => format!(
                    "no declared group id prefixes the package; {} exists (downloaded for some build, not declared here)",
                    d.display()
                ),
                None => "no declared group id prefixes the package; not in ~/.m2/repository either".into(),
            },
        ],
        ctx.candidates(&pkg, &pool),
        0.6,
    ))
}

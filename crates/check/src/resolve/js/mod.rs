//! JavaScript / TypeScript resolution. This file owns imports: relative
//! imports resolve to a file of the project (with the usual extensions and
//! `index` files), named imports from a project file must be defined or
//! re-exported there (through `export … from` chains; tsconfig `paths`
//! aliases count as relative, see [`aliases`]), and bare package
//! imports must be Node built-ins or declared in a package.json. Calls live
//! in [`calls`] (bare names) and [`qualified`] (`this.m()`, `Class.m()`,
//! `ns.f()`, `obj.m()`), arity in [`arity`], module lookups in [`modules`],
//! class members in [`members`], object-literal keys in [`objects`],
//! the repository's own packages (monorepo workspaces) in [`workspace`].

mod aliases;
mod arity;
mod blocks;
mod calls;
mod calltext;
mod constructed;
mod constructors;
mod dynamic;
mod function_exports;
mod guards;
mod intent;
mod interface_bases;
mod lexical;
mod literal_types;
mod locals;
mod members;
mod mixins;
mod modules;
mod objects;
mod omission;
mod openings;
mod packages;
mod plugins;
mod qualified;
mod rejections;
mod this;
mod typed_values;
mod workspace;

pub use calls::check_ref;
pub use modules::{package_name, resolve_from};

use plumb_facts::{Ecosystem, Import, Lang};

use super::{FileCtx, Outcome};
use crate::builtins;
use crate::report::FindingKind;

use modules::{EXTS, Export, find_export};

/// The project file a relative specifier names, if any.
pub fn resolve_relative(ctx: &FileCtx, spec: &str) -> Option<String> {
    resolve_from(ctx.project, ctx.path, spec)
}

pub fn check_import(ctx: &FileCtx, imp: &Import) -> Vec<Outcome> {
    let spec = imp.module.as_str();
    // A bundle's own `require` (browserify's `function require(p)`, a module
    // wrapper's `function (module, exports, require)`) is not Node's: what
    // it loads is registered in the bundle, not a file.
    if ctx
        .text
        .get(imp.span.start_byte as usize..)
        .is_some_and(|t| t.starts_with("require"))
        && (super::scope::local_binds(ctx.facts, "require", &imp.span)
            || ctx
                .facts
                .definitions
                .iter()
                .any(|d| d.name == "require" && d.kind == plumb_facts::DefKind::Function))
    {
        return vec![skipped!()];
    }
    // A tsconfig/jsconfig path alias names a project file like a relative path.
    let alias = if spec.starts_with('.') {
        None
    } else {
        aliases::resolve_alias(ctx.project, ctx.path, spec)
    };
    if spec.starts_with('.') || alias.is_some() {
        let Some(target) = alias.or_else(|| resolve_relative(ctx, spec)) else {
            if modules::into_build_output(ctx.project, ctx.path, spec)
                || modules::beyond_the_index(ctx.project, ctx.path, spec)
            {
                return vec![skipped!()];
            }
            // Assets a bundler loads (`./a.css`, `./b.wasm?init`, `./c.svg?url`)
            // and package.json `browser` remaps of relative paths.
            let path = spec.split(['?', '#']).next().unwrap_or(spec);
            let last = path.rsplit('/').next().unwrap_or(path);
            let ext = last.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
            let asset = matches!(
                ext,
                "css"
                    | "scss"
                    | "sass"
                    | "less"
                    | "styl"
                    | "pcss"
                    | "svg"
                    | "png"
                    | "jpg"
                    | "jpeg"
                    | "gif"
                    | "webp"
                    | "avif"
                    | "ico"
                    | "bmp"
                    | "json"
                    | "json5"
                    | "yaml"
                    | "yml"
                    | "toml"
                    | "html"
                    | "htm"
                    | "vue"
                    | "svelte"
                    | "astro"
                    | "md"
                    | "mdx"
                    | "txt"
                    | "wasm"
                    | "glsl"
                    | "vert"
                    | "frag"
                    | "graphql"
                    | "gql"
                    | "woff"
                    | "woff2"
                    | "ttf"
                    | "otf"
                    | "eot"
                    | "mp3"
                    | "mp4"
                    | "webm"
                    | "wav"
                    | "ogg"
                    | "csv"
                    | "xml"
                    | "node"
            );
            if asset
                || path != spec
                || ctx.project.file_exists(&format!(
                    "{}.json",
                    modules::normalize(&format!(
                        "{}/{spec}",
                        ctx.path.rsplit_once('/').map(|(d, _)| d).unwrap_or("")
                    ))
                    .unwrap_or_default()
                ))
                || modules::config_mentions(ctx.project, ctx.path, &["package.json"], spec)
                || commonjs_only(ctx, imp)
            {
                return vec![skipped!()];
            }
            return vec![Outcome::Found(ctx.finding(
                FindingKind::UnknownImport,
                &imp.span,
                format!("cannot find module '{spec}'"),
                vec![format!(
                    "looked for {spec} with extensions {} and index files, relative to {}",
                    EXTS[1..].join(" "),
                    ctx.path
                )],
                Vec::new(),
                0.9,
            ))];
        };
        return names_in_module(ctx, imp, spec, &target);
    }
    if spec.starts_with('/')
        || spec.starts_with("~")
        || spec.starts_with("@/")
        || spec.starts_with('#')
        || spec.contains(':') && !spec.starts_with("node:")
    {
        return vec![skipped!()];
    }
    let lang = if matches!(ctx.lang, Lang::TypeScript | Lang::Tsx) {
        Lang::TypeScript
    } else {
        Lang::JavaScript
    };
    if builtins::is_stdlib_module(lang, spec)
        || builtins::is_stdlib_module(lang, package_name(spec))
    {
        return vec![Outcome::Resolved];
    }
    let pkg = package_name(spec);
    let m = ctx.project.manifest();
    let declared = declares_dependency(&m.dependencies, pkg)
        || m.own_packages
            .iter()
            .any(|(e, n, _)| *e == Ecosystem::Npm && n == pkg)
        || m.locked
            .iter()
            .any(|(e, n, _)| *e == Ecosystem::Npm && n == pkg);
    if declared {
        return installed_names(ctx, imp, pkg);
    }
    if aliases::framework_provides(&m.dependencies, spec) {
        return vec![skipped!()];
    }
    // Other files of the repository import it too (busboy's benchmarks
    // compare it with packages installed by hand): the project's usage,
    // not a name this change made up.
    if !m.files.iter().any(|f| f.ends_with("package.json"))
        || intent::inside_try(ctx.text, imp.span.start_byte as usize)
        || ctx.project.package_imported_elsewhere(pkg, ctx.path)
    {
        return vec![skipped!()];
    }
    // An ambient `declare module 'pkg'` of the project, or a path alias
    // (tsconfig `paths`) to a project directory.
    if ctx
        .project
        .defs_named(spec, 20)
        .iter()
        .chain(ctx.project.defs_named(pkg, 20).iter())
        .any(|d| d.def.kind == plumb_facts::DefKind::Module)
        || ctx.project.dir_exists(pkg)
        || ctx.project.dir_exists(&format!("src/{pkg}"))
        || modules::config_mentions(
            ctx.project,
            ctx.path,
            &["tsconfig.json", "jsconfig.json", "package.json"],
            &format!("{pkg}/"),
        )
        || modules::config_mentions(
            ctx.project,
            ctx.path,
            &["tsconfig.json", "jsconfig.json", "package.json"],
            &format!("{pkg}\""),
        )
        || modules::named_by_build_code(ctx.project, ctx.path, spec)
    {
        return vec![skipped!()];
    }
    let installed = ctx.deps.node_package(pkg);
    let pool: Vec<(String, String, u32)> = m
        .dependencies
        .iter()
        .filter(|d| d.ecosystem == Ecosystem::Npm)
        .map(|d| (d.name.clone(), d.manifest.clone(), 0))
        .collect();
    vec![Outcome::Found(ctx.finding(
        FindingKind::UndeclaredPackage,
        &imp.span,
        format!(
            "package '{pkg}' is not declared in package.json ({})",
            if installed {
                "it is installed in node_modules"
            } else {
                "and not installed"
            }
        ),
        vec![
            format!(
                    "dependencies of {}",
                    m.files
                        .iter()
                        .filter(|f| f.ends_with("package.json"))
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            format!("node built-in modules: no '{pkg}'"),
            format!(
                "node_modules/{pkg}: {}",
                if installed { "present" } else { "absent" }
            ),
        ],
        ctx.candidates(pkg, &pool),
        if installed { 0.6 } else { 0.85 },
    ))]
}

/// The names `imp` takes from the project module `target` (what `spec`
/// names): each a definition or re-export there, else an unknown import.
fn names_in_module(ctx: &FileCtx, imp: &Import, spec: &str, target: &str) -> Vec<Outcome> {
    let mut out = Vec::new();
    let Some(rc) = ctx.project.facts_of(target) else {
        return vec![Outcome::Resolved];
    };
    // A JavaScript file importing the repository's own `export =`
    // declarations (immutable's tests: `import {isPlainObject} from
    // 'immutable'`, which the code exports and the `.d.ts` leaves out).
    if modules::unbound_export_equals(ctx.project, ctx.path, target) {
        return vec![skipped!()];
    }
    let facts = &rc.1;
    for n in &imp.names {
        if n.name == "default" || n.name == "*" {
            out.push(Outcome::Resolved);
            continue;
        }
        let known = facts.definitions.iter().any(|d| d.name == n.name);
        let found = if known {
            Export::Present
        } else {
            find_export(ctx.project, target, &n.name, 0)
        };
        if !matches!(found, Export::Missing) {
            out.push(if matches!(found, Export::Unknown) {
                skipped!()
            } else {
                Outcome::Resolved
            });
        } else {
            let pool: Vec<(String, String, u32)> = facts
                .definitions
                .iter()
                .filter(|d| d.container.is_none())
                .map(|d| (d.name.clone(), target.to_string(), d.name_span.start_line))
                .collect();
            out.push(Outcome::Found(ctx.finding(
                FindingKind::UnknownImport,
                &imp.span,
                format!("module '{spec}' has no export '{}'", n.name),
                vec![format!("definitions and re-exports of {target}")],
                ctx.candidates(&n.name, &pool),
                0.85,
            )));
        }
    }
    if out.is_empty() {
        out.push(Outcome::Resolved);
    }
    out
}

/// The names an import takes from a declared package, checked against the
/// package's installed source; a note, once per package, when that source
/// is missing or at another version than the lockfile pins.
fn installed_names(ctx: &FileCtx, imp: &Import, pkg: &str) -> Vec<Outcome> {
    let names: Vec<&str> = imp
        .names
        .iter()
        .map(|n| n.name.as_str())
        .filter(|n| *n != "default" && *n != "*")
        .collect();
    if names.is_empty() && imp.alias.is_none() {
        return vec![Outcome::Resolved];
    }
    let spec = imp.module.as_str();
    // The repository's own packages (workspaces, a self-import) and path
    // aliases are project code, read where their names are used.
    let own = ctx
        .project
        .manifest()
        .own_packages
        .iter()
        .any(|(e, n, _)| *e == Ecosystem::Npm && n == pkg);
    let project_file = modules::resolve_spec(ctx.project, ctx.path, spec)
        .filter(|f| !f.starts_with("node_modules/") && !f.contains("/node_modules/"));
    if let Some(target) = project_file.as_deref().filter(|_| own) {
        return names_in_module(ctx, imp, spec, target);
    }
    if own || packages::augmented(ctx.project, spec) || project_file.is_some() {
        return vec![Outcome::Resolved];
    }
    let unverifiable = |message: String, evidence: String| {
        if !ctx.first_time(&format!("npm-unverifiable:{pkg}")) {
            return vec![skipped!()];
        }
        vec![Outcome::Found(ctx.finding(
            FindingKind::Unverifiable,
            &imp.span,
            message,
            vec![evidence],
            Vec::new(),
            0.3,
        ))]
    };
    match &*packages::installed(ctx.project, ctx.path, spec) {
        packages::Installed::Entry {
            file,
            code,
            version,
        } => {
            // The declarations, and the package's own code when those are
            // DefinitelyTyped's: a name either has is there; one that a
            // readable file lacks and no file has is missing.
            let files: Vec<&String> = std::iter::once(file).chain(code).collect();
            let mut out = Vec::new();
            for name in names {
                let found: Vec<Export> = files
                    .iter()
                    .map(|f| find_export(ctx.project, f, name, 0))
                    .collect();
                if found
                    .iter()
                    .any(|e| !matches!(e, Export::Missing | Export::Unknown))
                {
                    out.push(Outcome::Resolved);
                } else if !found.iter().any(|e| matches!(e, Export::Missing)) {
                    out.push(skipped!());
                } else {
                    let pool: Vec<(String, String, u32)> = files
                        .iter()
                        .flat_map(|f| modules::top_level_names(ctx.project, f))
                        .collect();
                    out.push(Outcome::Found(ctx.finding(
                        FindingKind::UnknownImport,
                        &imp.span,
                        format!("package '{spec}' ({pkg} {version}) has no export '{name}'"),
                        files
                            .iter()
                            .map(|f| format!("definitions and re-exports of {f}, which node_modules gives for '{spec}'"))
                            .collect(),
                        ctx.candidates(name, &pool),
                        0.8,
                    )))
                }
            }
            if out.is_empty() {
                out.push(Outcome::Resolved);
            }
            out
        }
        packages::Installed::OtherVersion {
            dir,
            installed,
            locked,
        } => unverifiable(
            format!(
                "'{pkg}' is installed at {installed} but the lockfile pins {locked}, so the names imported from it are not checked"
            ),
            format!("{dir}/package.json: version {installed}"),
        ),
        packages::Installed::NoEntry { dir } => unverifiable(
            format!(
                "'{spec}' names no file in {dir}, so the names imported from it are not checked"
            ),
            format!("{dir}/package.json: exports, types, main and index files"),
        ),
        packages::Installed::Absent => unverifiable(
            format!(
                "'{pkg}' is declared but not installed, so the names imported from it cannot be checked (install the dependencies to check them)"
            ),
            format!(
                "node_modules/{pkg}: absent from {} up to the repository root",
                ctx.path
            ),
        ),
    }
}

/// Whether a manifest of the project declares the npm package `pkg` as a
/// dependency (also under another name, or as its `@types/` package).
pub(super) fn declares_dependency(deps: &[plumb_facts::Dependency], pkg: &str) -> bool {
    deps.iter().any(|d| {
        d.ecosystem == Ecosystem::Npm
            && (d.name == pkg
                || d.rename.as_deref() == Some(pkg)
                || d.name == format!("@types/{pkg}"))
    })
}

/// Whether the `require` of `imp` runs only where the file finds CommonJS:
/// inside an `if` testing `typeof module`, `typeof require` or `typeof
/// exports`, itself or through a variable set so (sinon's browser bundle:
/// `var isNode = typeof module == "object" && typeof require == "function";
/// if (isNode) { … require("./sinon/spy") }`, paths of the tree it was built
/// from).
fn commonjs_only(ctx: &FileCtx, imp: &Import) -> bool {
    let code = lexical::file_code(ctx.project, ctx.path, ctx.text);
    let at = imp.span.start_byte as usize;
    if !code.get(at..).is_some_and(|c| c.starts_with("require")) {
        return false;
    }
    let tests = |t: &str| {
        ["typeof module", "typeof require", "typeof exports"]
            .iter()
            .any(|p| t.contains(p))
    };
    blocks::if_conditions_around(&code, at).iter().any(|cond| {
        tests(cond)
            || cond
                .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                .filter(|w| !w.is_empty())
                .any(|w| {
                    crate::resolve::word_positions(&code, w).any(|i| {
                        code[i + w.len()..]
                            .trim_start()
                            .strip_prefix('=')
                            .filter(|v| !v.starts_with(['=', '>']))
                            .is_some_and(|v| tests(v.split([';', '\n']).next().unwrap_or("")))
                    })
                })
    })
}

//! JavaScript / TypeScript: relative imports resolve to a file of the
//! project (with the usual extensions and `index` files), named imports from
//! a project file must be defined or re-exported there, and bare package
//! imports must be Node built-ins or declared in a package.json. Bare calls
//! in ES modules must resolve (see [`check_ref`]); calls through values are
//! not checked.

use plumb_facts::{Ecosystem, Import, Lang};

use super::{FileCtx, Outcome};
use crate::builtins;
use crate::report::FindingKind;

const EXTS: [&str; 8] = ["", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".d.ts"];

fn normalize(path: &str) -> Option<String> {
    let mut out: Vec<&str> = Vec::new();
    for p in path.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                out.pop()?;
            }
            x => out.push(x),
        }
    }
    Some(out.join("/"))
}

/// The project file a relative specifier names, if any.
pub fn resolve_relative(ctx: &FileCtx, spec: &str) -> Option<String> {
    let dir = ctx.path.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
    let base = normalize(&format!("{dir}/{spec}"))?;
    let stripped = ["js", "jsx", "mjs", "cjs"]
        .iter()
        .find_map(|e| base.strip_suffix(&format!(".{e}")))
        .map(str::to_string);
    for b in std::iter::once(base.clone()).chain(stripped) {
        for e in EXTS {
            let p = format!("{b}{e}");
            if ctx.project.file_exists(&p) {
                return Some(p);
            }
        }
        for e in &EXTS[1..] {
            let p = format!("{b}/index{e}");
            if ctx.project.file_exists(&p) {
                return Some(p);
            }
        }
    }
    None
}

fn package_name(spec: &str) -> &str {
    if spec.starts_with('@') {
        let mut it = spec.splitn(3, '/');
        let a = it.next().unwrap_or("");
        let b = it.next().unwrap_or("");
        &spec[..(a.len() + 1 + b.len()).min(spec.len())]
    } else {
        spec.split('/').next().unwrap_or(spec)
    }
}

pub fn check_import(ctx: &FileCtx, imp: &Import) -> Vec<Outcome> {
    let spec = imp.module.as_str();
    if spec.starts_with('.') {
        let Some(target) = resolve_relative(ctx, spec) else {
            let ext = spec.rsplit('.').next().unwrap_or("");
            if matches!(
                ext,
                "css" | "scss" | "svg" | "png" | "json" | "less" | "html" | "vue" | "svelte"
            ) {
                return vec![Outcome::Skipped];
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
        let mut out = Vec::new();
        let Some(rc) = ctx.project.facts_of(&target) else {
            return vec![Outcome::Resolved];
        };
        let (text, facts) = (&rc.0, &rc.1);
        let open =
            facts.dynamic || facts.imports.iter().any(|i| i.wildcard) || text.contains("export *");
        for n in &imp.names {
            if n.name == "default" || n.name == "*" {
                out.push(Outcome::Resolved);
                continue;
            }
            let known = facts.definitions.iter().any(|d| d.name == n.name)
                || super::word_positions(text, &n.name).next().is_some();
            if known {
                out.push(Outcome::Resolved);
            } else if open {
                out.push(Outcome::Skipped);
            } else {
                let pool: Vec<(String, String, u32)> = facts
                    .definitions
                    .iter()
                    .filter(|d| d.container.is_none())
                    .map(|d| (d.name.clone(), target.clone(), d.name_span.start_line))
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
        return out;
    }
    if spec.starts_with('/')
        || spec.starts_with("~")
        || spec.starts_with("@/")
        || spec.starts_with('#')
        || spec.contains(':') && !spec.starts_with("node:")
    {
        return vec![Outcome::Skipped];
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
    let declared = m.dependencies.iter().any(|d| {
        d.ecosystem == Ecosystem::Npm && (d.name == pkg || d.name == format!("@types/{pkg}"))
    }) || m
        .own_packages
        .iter()
        .any(|(e, n, _)| *e == Ecosystem::Npm && n == pkg)
        || m.locked
            .iter()
            .any(|(e, n, _)| *e == Ecosystem::Npm && n == pkg);
    if declared {
        return vec![Outcome::Resolved];
    }
    if !m.files.iter().any(|f| f.ends_with("package.json")) {
        return vec![Outcome::Skipped];
    }
    // A path alias (tsconfig `paths`) to a project directory.
    if ctx.project.dir_exists(pkg) || ctx.project.dir_exists(&format!("src/{pkg}")) {
        return vec![Outcome::Skipped];
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

/// Globals that test runners and module loaders inject without an import.
const INJECTED_GLOBALS: &[&str] = &[
    "describe",
    "it",
    "test",
    "expect",
    "beforeEach",
    "afterEach",
    "beforeAll",
    "afterAll",
    "jest",
    "vi",
    "suite",
    "setup",
    "teardown",
    "context",
    "xit",
    "xdescribe",
    "fit",
    "fdescribe",
    "require",
    "define",
    "import",
    "super",
    "assert",
];

/// Bare calls in an ES module (a file with `import` or `export`): the name
/// must be bound locally, defined or imported in the file, a global of the
/// runtime (Node, the DOM, TypeScript's libs), or defined somewhere in the
/// project (a script global). Calls through a value (`a.b()`) are not
/// checked. TypeScript calls to a function defined once in the file, or
/// imported from a project file, must fit its parameters.
pub fn check_ref(ctx: &FileCtx, r: &plumb_facts::Reference) -> Vec<Outcome> {
    if r.kind != plumb_facts::RefKind::Call || r.qualifier.is_some() || ctx.after_dot(r) {
        return vec![Outcome::Skipped];
    }
    let name = r.name.as_str();
    let is_module = !ctx.facts.imports.is_empty() || ctx.text.contains("export ");
    if ctx.facts.dynamic || !is_module || INJECTED_GLOBALS.contains(&name) {
        return vec![Outcome::Skipped];
    }
    if ctx.local_binds(r) {
        return vec![Outcome::Resolved];
    }
    let here: Vec<&plumb_facts::Definition> = ctx
        .facts
        .definitions
        .iter()
        .filter(|d| d.name == name)
        .collect();
    if !here.is_empty() {
        return check_arity(ctx, r, &here, ctx.path);
    }
    if let Some((imp, _)) = ctx.import_binding(name) {
        // A named import from a project file: check the call against it.
        if imp.module.starts_with('.')
            && let Some(target) = resolve_relative(ctx, &imp.module)
            && let Some(rc) = ctx.project.facts_of(&target)
        {
            let defs: Vec<&plumb_facts::Definition> =
                rc.1.definitions
                    .iter()
                    .filter(|d| d.name == name && d.container.is_none())
                    .collect();
            if !defs.is_empty() {
                return check_arity(ctx, r, &defs, &target);
            }
        }
        return vec![Outcome::Resolved];
    }
    if builtins::is_builtin(Lang::JavaScript, name)
        || builtins::is_builtin(Lang::TypeScript, name)
        || ctx.project.name_defined(name)
    {
        return vec![Outcome::Resolved];
    }
    // A parameter, destructured name or assignment the adapter did not
    // record as a binding: any mention that is not a call counts.
    if ctx.bound_elsewhere(name) || ctx.has_wildcard_import() {
        return vec![Outcome::Skipped];
    }
    let pool: Vec<(String, String, u32)> = ctx
        .facts
        .definitions
        .iter()
        .filter(|d| d.kind.is_callable())
        .map(|d| (d.name.clone(), ctx.path.to_string(), d.name_span.start_line))
        .chain(ctx.facts.imports.iter().flat_map(|i| {
            i.names.iter().map(move |n| {
                (
                    n.alias.clone().unwrap_or(n.name.clone()),
                    ctx.path.to_string(),
                    i.span.start_line,
                )
            })
        }))
        .collect();
    vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!("'{name}' is not defined"),
        vec![
            "locals and parameters in scope: no".into(),
            format!("definitions and imports of {}: no", ctx.path),
            "JavaScript/TypeScript globals (Node, DOM, TypeScript libs): no".into(),
            "definitions anywhere in the project: no".into(),
        ],
        ctx.candidates(name, &pool),
        0.8,
    ))]
}

/// TypeScript only (JavaScript lets any call through): a call to exactly one
/// known function must fit its parameters.
fn check_arity(
    ctx: &FileCtx,
    r: &plumb_facts::Reference,
    defs: &[&plumb_facts::Definition],
    file: &str,
) -> Vec<Outcome> {
    let ts = matches!(ctx.lang, Lang::TypeScript | Lang::Tsx);
    let [def] = defs else {
        return vec![Outcome::Resolved];
    };
    let (Some(params), Some(given), true) = (def.params.as_ref(), r.arg_count, ts) else {
        return vec![Outcome::Resolved];
    };
    if !def.kind.is_callable() || r.has_spread {
        return vec![Outcome::Resolved];
    }
    match params.call_fits(given, &[], false) {
        Ok(()) => vec![Outcome::Resolved],
        Err(e) => {
            let msg = match e {
                plumb_facts::ArityError::TooMany { given, max } => {
                    format!(
                        "'{}' takes at most {max} argument(s) but {given} were given",
                        def.name
                    )
                }
                plumb_facts::ArityError::TooFew { given, min } => {
                    format!(
                        "'{}' needs at least {min} argument(s) but {given} were given",
                        def.name
                    )
                }
            };
            vec![Outcome::Found(ctx.finding(
                FindingKind::ArityMismatch,
                &r.span,
                msg,
                vec![format!(
                    "resolved to {} {}{} at {file}:{}",
                    def.kind.name(),
                    def.name,
                    params.summary(),
                    def.name_span.start_line
                )],
                Vec::new(),
                0.8,
            ))]
        }
    }
}

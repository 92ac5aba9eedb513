//! Calls by bare name (`f()`, `new C()`): the name must be bound locally,
//! defined or imported in the file, a global of the runtime (Node, the DOM,
//! TypeScript's libs, from the generated builtins data), or defined somewhere
//! in the project (a script global). Qualified calls go to [`super::qualified`].
//!
//! Owns which definition a bare name denotes at a call site (the innermost
//! visible one); arity itself is [`super::arity`]'s.

use plumb_facts::{DefKind, Definition, Lang, RefKind, Reference};

use super::arity::check_arity;
use super::modules::resolve_spec;
use super::modules::{Export, find_export};
use super::qualified;
use crate::builtins;
use crate::report::FindingKind;
use crate::resolve::{FileCtx, Outcome};

/// Svelte 5's runes, which its compiler provides in `.svelte.js` and
/// `.svelte.ts` modules (<https://svelte.dev/docs/svelte/what-are-runes>).
const SVELTE_RUNES: &[&str] = &[
    "$state",
    "$derived",
    "$effect",
    "$props",
    "$bindable",
    "$inspect",
    "$host",
];

/// The globals Jake gives the `Jakefile` and the files of `jakelib/` it
/// loads (its `lib/api.js`; `@types/jake` declares them global).
const JAKE_GLOBALS: &[&str] = &[
    "task",
    "desc",
    "file",
    "directory",
    "namespace",
    "rule",
    "complete",
    "fail",
    "jake",
    "series",
    "packageTask",
    "publishTask",
    "npmPublishTask",
    "testTask",
    "watchTask",
];

/// Whether `path` is a file Jake loads: a `Jakefile` or one in `jakelib/`.
fn jake_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.split('.').next().unwrap_or(name);
    stem.eq_ignore_ascii_case("jakefile")
        || path.starts_with("jakelib/")
        || path.contains("/jakelib/")
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
    // mocha, jasmine, node:test, cypress
    "before",
    "after",
    "specify",
    "xspecify",
    "suiteSetup",
    "suiteTeardown",
    "spyOn",
    "spyOnProperty",
    "jasmine",
    "fail",
    "pending",
    "expectAsync",
    "cy",
    "Cypress",
    "require",
    "define",
    "import",
    "super",
    "assert",
];

/// Check one call. Bare names are checked in modules (ES modules,
/// CommonJS, UMD) against what the module can reach; in a browser or test
/// script, which may call globals other scripts define, an unknown name is
/// reported only when it is a slip away from a real one. Nothing is
/// checked in a file that makes names at run time (`eval`, `with`, …).
pub fn check_ref(ctx: &FileCtx, r: &Reference) -> Vec<Outcome> {
    let out = check_call(ctx, r);
    if !flow_unparsed(ctx) {
        return out;
    }
    // In Flow-typed code the grammar misreads, a name that seems missing
    // may be a method it did not see; a call's arguments still count.
    out.into_iter()
        .map(|o| match o {
            Outcome::Found(f) if f.kind == crate::report::FindingKind::UnknownSymbol => {
                skipped!()
            }
            o => o,
        })
        .collect()
}

fn check_call(ctx: &FileCtx, r: &Reference) -> Vec<Outcome> {
    // Minified code reuses one-letter names in every scope.
    if r.kind != RefKind::Call
        || super::dynamic::dynamic_at(ctx, &r.span)
        || ctx.line_text(r.span.start_line).len() > 500
        || ctx.path.contains(".min.")
        || expects_error(ctx, r.span.start_line)
    {
        return vec![skipped!()];
    }
    if let Some(q) = r.qualifier.as_deref() {
        return qualified::check(ctx, r, q);
    }
    // The adapter gives every member call a qualifier, so a bare reference
    // is a bare name (a comment ending in `.` just before it is not a dot).
    let name = r.name.as_str();
    // The file's own definition in scope shadows an injected global
    // (`const define = (arr) => …` inside a function is no AMD loader).
    let visible = visible_defs(ctx, r);
    if !visible.is_empty() {
        return check_arity(ctx, r, &visible, ctx.path);
    }
    // (Unless the file imports it: superstruct's own `define`.)
    if INJECTED_GLOBALS.contains(&name) && ctx.import_binding(name).is_none() {
        return vec![skipped!()];
    }
    if SVELTE_RUNES.contains(&name)
        && (ctx.path.ends_with(".svelte.js") || ctx.path.ends_with(".svelte.ts"))
        || JAKE_GLOBALS.contains(&name) && jake_file(ctx.path)
    {
        return vec![Outcome::Resolved];
    }
    // CommonJS and UMD files are modules too: their globals are Node's.
    let is_module = !ctx.facts.imports.is_empty()
        || ctx.text.contains("export ")
        || crate::resolve::word_positions(ctx.text, "exports")
            .next()
            .is_some();
    if ctx.local_binds(r) {
        return vec![Outcome::Resolved];
    }
    if ctx.facts.definitions.iter().any(|d| {
        d.name == name
            && (d.container.is_some()
                || crate::resolve::scope::nested_binding_scope(ctx.facts, d)
                    .is_none_or(|s| s.contains(&r.span)))
    }) {
        return vec![Outcome::Resolved];
    }
    if let Some((imp, _)) = ctx.import_binding(name) {
        // `const f = require('./f')` (or the default import of a CommonJS
        // module) of `module.exports = f`: check the call against f.
        let whole = imp.alias.as_deref() == Some(name)
            || imp
                .names
                .iter()
                .any(|n| n.name == "default" && n.alias.as_deref().unwrap_or(&n.name) == name);
        if whole
            && let Some(target) = resolve_spec(ctx.project, ctx.path, &imp.module)
            && ctx
                .project
                .facts_of(&target)
                .is_some_and(|rc| super::modules::is_commonjs(&rc.0))
            && let Some(d) = super::qualified::module_exports_value(ctx.project, &target)
        {
            return check_arity(ctx, r, &[&d], &target);
        }
        // The default import of a declarations file's `export = f;`.
        if whole
            && let Some(target) = resolve_spec(ctx.project, ctx.path, &imp.module)
            && let Some(rc) = ctx.project.facts_of(&target)
            && super::modules::declarations_bind(ctx.path, &target)
            && let Some(x) = super::modules::export_equals_name(&rc.0)
        {
            // Its overloads, with the namespace and interfaces that merge in.
            let defs = super::modules::top_defs(&rc.1, &x);
            let fns: Vec<&Definition> = defs
                .iter()
                .filter(|d| d.kind == DefKind::Function)
                .collect();
            let merged = |d: &&Definition| matches!(d.kind, DefKind::Module | DefKind::Interface);
            if !fns.is_empty()
                && defs
                    .iter()
                    .all(|d| d.kind == DefKind::Function || merged(&d))
            {
                return check_arity(ctx, r, &fns, &target);
            }
        }
        // A named import from a project file: check the call against it.
        if imp.alias.as_deref() != Some(name)
            && let Some(n) = imp
                .names
                .iter()
                .find(|n| n.alias.as_deref().unwrap_or(&n.name) == name)
            && let Some(target) = resolve_spec(ctx.project, ctx.path, &imp.module)
            && let Export::Defs { file, defs } = find_export(ctx.project, &target, &n.name, 0)
        {
            let refs: Vec<&Definition> = defs.iter().collect();
            return check_arity(ctx, r, &refs, &file);
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
    // (`export * from` re-exports bind nothing in this file.)
    if ctx.bound_elsewhere(name) {
        return vec![skipped!()];
    }
    // Other files call it bare too, defining and importing it nowhere: a
    // global their environment injects (QUnit's `deepEqual`, a bundler's
    // `__DEV__`), not a slip of this change.
    if ctx.project.called_bare_elsewhere(name, ctx.path) {
        return vec![skipped!()];
    }
    let pool: Vec<(String, String, u32)> = ctx
        .facts
        .definitions
        .iter()
        .filter(|d| d.kind.is_callable() || d.kind == DefKind::Class)
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
        // The globals the file itself calls again and again (a spec's
        // `it`, `expect`): `doExpect(…)` among them is a slip of one.
        .chain(repeated_bare_calls(ctx, name))
        // The parameters of the functions around the call (`doFn(…)` for
        // the callback `fn`).
        .chain(parameters_around(ctx, &r.span))
        .collect();
    let candidates = ctx.candidates(name, &pool);
    let mut evidence = vec![
        "locals and parameters in scope: no".into(),
        format!("definitions and imports of {}: no", ctx.path),
        "JavaScript/TypeScript globals (Node, DOM, TypeScript libs): no".into(),
        "definitions anywhere in the project: no".into(),
    ];
    // A script (no import or export) may call globals that scripts the
    // index never sees define (a `<script>` tag's library): only a name a
    // slip away from a real one is reported, and with less confidence.
    // Nor is a name the script calls again and again (bluebird's build
    // macros, `CONSTANT(NAME, 1)` on every line): a slip happens once.
    let called_here = ctx
        .facts
        .references
        .iter()
        .filter(|x| x.kind == RefKind::Call && x.name == name && x.qualifier.is_none())
        .count();
    let confidence = if is_module {
        0.8
    } else if candidates.is_empty() || called_here > 2 {
        return vec![skipped!()];
    } else {
        evidence.push(format!(
            "{} is a script (no import or export): globals of scripts outside the project are unseen",
            ctx.path
        ));
        0.6
    };
    vec![Outcome::Found(ctx.finding(
        FindingKind::UnknownSymbol,
        &r.span,
        format!("'{name}' is not defined"),
        evidence,
        candidates,
        confidence,
    ))]
}

/// Whether the file is Flow-typed JavaScript (`// @flow` in its leading
/// comments, or a project that declares Flow's checker or Babel's Flow
/// preset) that the JavaScript grammar did not parse: its annotated
/// methods (`createIndex(className: string) {…}`, parse-server) read as
/// calls of names defined nowhere, so no name in it is judged missing.
fn flow_unparsed(ctx: &FileCtx) -> bool {
    ctx.facts.parse_errors > 0
        && matches!(ctx.lang, Lang::JavaScript)
        && (ctx.text[..super::intent::floor_char(ctx.text, ctx.text.len().min(2000))]
            .contains("@flow")
            || *ctx.project.memo("js-flow-project", || {
                let deps = &ctx.project.manifest().dependencies;
                [
                    "flow-bin",
                    "@babel/preset-flow",
                    "@babel/plugin-transform-flow-strip-types",
                ]
                .iter()
                .any(|p| super::declares_dependency(deps, p))
            }))
}

/// Names other than `name` that the file calls bare three times or more
/// (first call's line), which its environment provides.
fn repeated_bare_calls(ctx: &FileCtx, name: &str) -> Vec<(String, String, u32)> {
    let repeated = ctx
        .project
        .memo(&format!("js-repeated-bare-calls:{}", ctx.path), || {
            let mut counts: std::collections::BTreeMap<&str, (usize, u32)> = Default::default();
            for x in &ctx.facts.references {
                if x.kind == RefKind::Call && x.qualifier.is_none() {
                    let e = counts
                        .entry(x.name.as_str())
                        .or_insert((0, x.span.start_line));
                    e.0 += 1;
                }
            }
            counts
                .into_iter()
                .filter(|(_, (n, _))| *n >= 3)
                .map(|(n, (_, line))| (n.to_string(), line))
                .collect::<Vec<(String, u32)>>()
        });
    repeated
        .iter()
        .filter(|(n, _)| n != name)
        .map(|(n, line)| (n.clone(), ctx.path.to_string(), *line))
        .collect()
}

/// Whether the line before `line` is a `// @ts-expect-error` or
/// `// @ts-ignore` directive: the author knows the next line is wrong
/// (a test of what must not type-check).
pub fn expects_error(ctx: &FileCtx, line: u32) -> bool {
    line > 1 && {
        // (Also a comment ending the line: dexie's `? // @ts-ignore: …`
        // before the branch that calls a proposal's method.)
        let prev = ctx.line_text(line - 1).trim_start();
        let comment = if prev.starts_with("//") || prev.starts_with("/*") || prev.starts_with("{/*")
        {
            prev
        } else {
            prev.find("// @ts-").map_or("", |i| &prev[i..])
        };
        comment.contains("@ts-expect-error") || comment.contains("@ts-ignore")
    }
}

/// The definitions of the file a bare `name` denotes at `r`: those whose
/// enclosing function or namespace contains the call (or top-level ones),
/// the innermost group only. Class and interface members are never bare
/// names. Empty when a local binding (a parameter, a `let`) of the name is
/// nearer than every such definition.
fn visible_defs<'p>(ctx: &FileCtx<'p, '_>, r: &Reference) -> Vec<&'p Definition> {
    let defs = &ctx.facts.definitions;
    let mut best: Option<(u32, Vec<&'p Definition>)> = None;
    for d in defs.iter().filter(|d| d.name == r.name) {
        // The span within which the definition is visible: 0 = module.
        let scope_start = match d.container.as_deref() {
            // A function bound inside an anonymous function (`it('…', () =>
            // { const make = () => … })`) has no container; the local
            // binding it makes there says where it is visible.
            None => match crate::resolve::scope::nested_binding_scope(ctx.facts, d) {
                Some(scope) if !scope.contains(&r.span) => None,
                Some(scope) => Some(scope.start_byte + 1),
                None => Some(0),
            },
            Some(c) => defs
                .iter()
                .find(|p| {
                    (p.kind.is_callable() || p.kind == DefKind::Module)
                        && p.span.contains(&r.span)
                        && p.span.contains(&d.span)
                        && p.qualified_name() == c
                })
                .map(|p| p.span.start_byte + 1),
        };
        let Some(start) = scope_start else { continue };
        match &mut best {
            Some((s, v)) if *s == start => v.push(d),
            Some((s, _)) if *s > start => {}
            _ => best = Some((start, vec![d])),
        }
    }
    let Some((start, v)) = best else {
        return Vec::new();
    };
    // A nearer local binding (a parameter or variable) shadows it.
    let shadowed = ctx.facts.locals.iter().any(|l| {
        l.name == r.name
            && l.scope.start_byte + 1 > start
            && l.scope.start_byte <= r.span.start_byte
            && r.span.end_byte <= l.scope.end_byte
            // The binding a nested definition makes in its own scope; a
            // function's parameter of its own name shadows the function.
            && !v.iter().any(|d| l.scope.contains(&d.span) && d.span != l.scope)
    });
    if shadowed { Vec::new() } else { v }
}

/// Name, file, line of the parameters of every function around `at`.
fn parameters_around(ctx: &FileCtx, at: &plumb_facts::Span) -> Vec<(String, String, u32)> {
    ctx.facts
        .definitions
        .iter()
        .filter(|d| d.span.contains(at))
        .filter_map(|d| Some((d, d.params.as_ref()?)))
        .flat_map(|(d, p)| {
            p.list
                .iter()
                .filter(|p| p.name != "arguments" && p.name != "this")
                .map(|p| (p.name.clone(), ctx.path.to_string(), d.name_span.start_line))
        })
        .collect()
}

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
        || dynamic_at(ctx, &r.span)
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

/// Whether names may be made at run time where `at` is: in a file the
/// adapter marks dynamic, inside the function that runs `eval` or `with`
/// (sloppy-mode `eval` declares into its calling function, `with` scopes
/// its block; knockout's specs run templates through one helper that does
/// both), or anywhere when the file does so at its top level or makes
/// globals (`globalThis[k] = …`).
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

fn dynamic_at(ctx: &FileCtx, at: &plumb_facts::Span) -> bool {
    if !ctx.facts.dynamic {
        return false;
    }
    // Read once per file: a bundle may hold a hundred thousand calls.
    let regions = ctx
        .project
        .memo(&format!("js-dynamic-regions:{}", ctx.path), || {
            dynamic_regions(ctx)
        });
    match &*regions {
        None => true,
        Some(spans) => spans.iter().any(|s| s.contains(at)),
    }
}

/// The spans of the functions that run `eval` or `with`, or `None` when
/// names may be made anywhere in the file.
fn dynamic_regions(ctx: &FileCtx) -> Option<Vec<plumb_facts::Span>> {
    let code = super::lexical::blank_literals(ctx.text);
    let global = ["globalThis[", "window[", "global["].iter().any(|g| {
        code.match_indices(g).any(|(i, m)| {
            // (A write to the global object itself, as the adapter
            // marks: not a read, not `jQuery.event.global[type]`.)
            let own = !code[..i]
                .ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$' || c == '.');
            own && writes_key(&code, i + m.len())
                && !names_one_global(&code, ctx.text, i + m.len())
                && !names_one_global_per_run(&code, i + m.len())
        })
    });
    // (`eval` and `with` are both four letters long; `redis.eval(…)` and
    // `array.with(…)` are methods.)
    let sites: Vec<usize> = crate::resolve::word_positions(&code, "eval")
        .chain(crate::resolve::word_positions(&code, "with"))
        .filter(|&i| {
            code[i + 4..].trim_start().starts_with('(') && !code[..i].trim_end().ends_with('.')
        })
        .collect();
    // (The adapter marks a file dynamic for `eval`, `with` and computed
    // global writes only: with none of those here, no region is.)
    if global {
        return None;
    }
    sites
        .iter()
        .map(|&i| {
            let defined = ctx
                .facts
                .definitions
                .iter()
                .filter(|d| {
                    d.kind.is_callable()
                        && (d.span.start_byte as usize) < i
                        && i < d.span.end_byte as usize
                })
                .min_by_key(|d| d.span.end_byte - d.span.start_byte)
                .map(|d| (d.span.start_byte as usize, d.span.end_byte as usize));
            // (A function expression the facts do not name, require.js'
            // `req.exec = function (text) { return eval(text); }`, may be
            // nearer.)
            let region = match (defined, function_body_around(&code, i)) {
                (Some(d), Some(f)) => Some(if f.0 > d.0 { f } else { d }),
                (d, f) => d.or(f),
            }?;
            Some(plumb_facts::Span {
                start_byte: region.0 as u32,
                end_byte: region.1 as u32,
                ..Default::default()
            })
        })
        .collect()
}

/// The byte range of the body of the innermost function (declaration,
/// expression, method or arrow) whose braces hold byte `at` of `code`
/// (literals blanked): the nearest `{` left open before `at` that follows a
/// parameter list or `=>`, up to its `}`.
fn function_body_around(code: &str, at: usize) -> Option<(usize, usize)> {
    let bytes = code.as_bytes();
    let mut depth = 0usize;
    let mut i = at;
    while i > 0 {
        i -= 1;
        match bytes[i] {
            b'}' => depth += 1,
            b'{' if depth > 0 => depth -= 1,
            b'{' if opens_function_body(code, i) => {
                return Some((i, super::lexical::matching_close(code, i)?));
            }
            _ => {}
        }
    }
    None
}

/// Whether the `{` at `open` starts a function body: after `=>`, or after
/// a parameter list that no `if`/`for`/`while`/`switch`/`catch`/`with`
/// heads.
fn opens_function_body(code: &str, open: usize) -> bool {
    let before = code[..open].trim_end();
    before.ends_with("=>")
        || paren_head(code, open).is_some_and(|w| {
            !w.is_empty() && !["if", "for", "while", "switch", "catch", "with"].contains(&w)
        })
}

/// The word before the parenthesised list that ends just before the `{` at
/// `open` (`function`, a function's name, `for`, `if`; empty when none),
/// or `None` when no `)` precedes the `{`.
fn paren_head(code: &str, open: usize) -> Option<&str> {
    let before = code[..open].trim_end();
    let head = before[..list_open(before)?].trim_end();
    let word_start = head
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .map_or(0, |k| k + 1);
    Some(&head[word_start..])
}

/// Where the parenthesised list `text` ends with opens (`None` when `text`
/// does not end with `)`).
fn list_open(text: &str) -> Option<usize> {
    if !text.ends_with(')') {
        return None;
    }
    let bytes = text.as_bytes();
    let (mut depth, mut j) = (0usize, text.len());
    while j > 0 {
        j -= 1;
        match bytes[j] {
            b')' => depth += 1,
            b'(' => {
                depth -= 1;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether the computed global write whose key starts at byte `at` of
/// `code` (just past `window[`) makes one name per run of the function
/// that holds it, that name data: the key is a variable (jQuery's JSONP
/// `window[callbackName] = function`, `callbackName` read from the
/// request's settings), neither a parameter of a function around the write
/// (`exportGlobal('foo', f)` would name it in the code) nor written in a
/// loop (`for (k in api) window[k] = api[k]` makes many). What it names,
/// the file cannot call bare but through a literal the key would hold.
fn names_one_global_per_run(code: &str, at: usize) -> bool {
    let Some((key, _)) = code[at..].split_once(']') else {
        return false;
    };
    let key = key.trim();
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
    {
        return false;
    }
    // Every block around the write, innermost first.
    let bytes = code.as_bytes();
    let (mut depth, mut i, mut in_function) = (0usize, at, false);
    while i > 0 {
        i -= 1;
        match bytes[i] {
            b'}' => depth += 1,
            b'{' if depth > 0 => depth -= 1,
            b'{' => {
                let head = paren_head(code, i);
                if matches!(head, Some("for" | "while"))
                    || super::omission::ends_with_word(code[..i].trim_end(), "do")
                {
                    return false;
                }
                if opens_function_body(code, i) {
                    in_function = true;
                    let params = function_params(code, i);
                    // (A callback an iteration runs per element, bluebird's
                    // `names.forEach(function (n) { … global[nameStr] = …`,
                    // is a loop.)
                    if crate::resolve::word_positions(params, key).next().is_some()
                        || iteration_callback(code, i)
                    {
                        return false;
                    }
                }
            }
            _ => {}
        }
    }
    in_function
}

/// Whether the function whose body opens at `open` is handed to an
/// iteration (`forEach`, `each`, `map`, …), which runs it per element.
fn iteration_callback(code: &str, open: usize) -> bool {
    const ITERATIONS: &[&str] = &[
        "forEach", "each", "map", "filter", "reduce", "some", "every", "forIn", "forOwn",
    ];
    let params = function_params(code, open);
    // `params` is a slice of `code`: where the function expression starts.
    let mut start = params.as_ptr() as usize - code.as_ptr() as usize;
    let head = code[..start].trim_end();
    let head = head.strip_suffix("function").unwrap_or(head).trim_end();
    let head = head.strip_suffix("async").unwrap_or(head).trim_end();
    start = head.len();
    let before = code[..start].trim_end();
    let call_open = if before.ends_with('(') {
        before.len() - 1
    } else if before.ends_with(',') {
        let bytes = before.as_bytes();
        let (mut depth, mut j) = (0usize, before.len());
        loop {
            if j == 0 {
                return false;
            }
            j -= 1;
            match bytes[j] {
                b')' | b']' | b'}' => depth += 1,
                b'(' if depth == 0 => break j,
                b'(' | b'[' | b'{' if depth > 0 => depth -= 1,
                b'[' | b'{' => return false,
                _ => {}
            }
        }
    } else {
        return false;
    };
    let callee = code[..call_open].trim_end();
    let word_start = callee
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .map_or(0, |k| k + 1);
    ITERATIONS.contains(&&callee[word_start..])
}

/// The parameter text of the function whose body opens at `open`: inside
/// the parentheses, or before `=>` (`k => {`).
fn function_params(code: &str, open: usize) -> &str {
    let before = code[..open].trim_end();
    let before = before.strip_suffix("=>").map_or(before, str::trim_end);
    match list_open(before) {
        Some(j) => &before[j..],
        None => {
            let start = before
                .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                .map_or(0, |k| k + 1);
            &before[start..]
        }
    }
}

/// Whether the subscript whose key starts at byte `at` of `code` (just
/// past `window[`) is assigned to (`window[k] = …`).
fn writes_key(code: &str, at: usize) -> bool {
    super::lexical::matching_close(code, at - 1).is_some_and(|close| {
        code[close + 1..]
            .trim_start()
            .strip_prefix('=')
            .is_some_and(|v| !v.starts_with(['=', '>']))
    })
}

/// Whether the computed global write whose key starts at byte `at` of
/// `code` (just past `window[`) makes one global of a name fixed once,
/// as a UMD bundle exports itself: hammer.js' `window[exportName] =
/// Hammer`, `exportName` a parameter of the wrapper that opens the file
/// (handed `'Hammer'`), or a key bound to a string literal (`var NAME =
/// 'x'`). A key computed anywhere else (`global[nameStr] = …` in a
/// callback, `for (k in o) window[k] = o[k]`) may make any name.
fn names_one_global(code: &str, text: &str, at: usize) -> bool {
    let rest = &code[at..];
    let Some((key, after)) = rest.split_once(']') else {
        return false;
    };
    let key = key.trim();
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$');
    let written = after
        .trim_start()
        .strip_prefix('=')
        .is_some_and(|v| !v.starts_with(['=', '>']));
    if !plain || !written {
        return false;
    }
    // The wrapper's parameters: the first function of the file.
    let wrapper_param = crate::resolve::word_positions(code, "function")
        .next()
        .and_then(|i| {
            let open = i + code[i..].find('(')?;
            let close = super::lexical::matching_close(code, open)?;
            Some(code[open + 1..close].split(',').any(|p| p.trim() == key))
        })
        .unwrap_or(false);
    // (The literal's quotes are in `text`; `code` blanks what is inside.)
    let literal = crate::resolve::word_positions(text, key).any(|i| {
        text[i + key.len()..]
            .trim_start()
            .strip_prefix('=')
            .is_some_and(|v| v.trim_start().starts_with(['\'', '"']))
    });
    wrapper_param || literal
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
        let prev = ctx.line_text(line - 1).trim_start();
        (prev.starts_with("//") || prev.starts_with("/*") || prev.starts_with("{/*"))
            && (prev.contains("@ts-expect-error") || prev.contains("@ts-ignore"))
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

//! JS/TS module lookups: which project file a relative specifier names, and
//! what a module exports under a name, following `export … from` and
//! `export * from` chains and imports that a module passes on.
//!
//! Owns only questions about modules (of the project, or installed
//! packages' files once [`super::packages`] has found them); it never decides
//! whether a reference is wrong (the callers do).

use plumb_facts::{DefKind, Definition, FileFacts};

use crate::project::Project;
use crate::resolve::word_positions;

pub const EXTS: [&str; 10] = [
    "", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts", ".d.ts",
];

/// The same extensions in TypeScript's order: sources and declarations
/// before JavaScript.
const TS_EXTS: [&str; 10] = [
    "", ".ts", ".tsx", ".d.ts", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts",
];

/// How deep re-export and inheritance chains are followed.
pub const MAX_CHAIN: u32 = 8;

pub fn normalize(path: &str) -> Option<String> {
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

/// The project file that the relative specifier `spec`, written in the file
/// `from`, names: with the usual extensions (`./a.js` may be `a.ts`) and
/// `index` files.
pub fn resolve_from(project: &Project, from: &str, spec: &str) -> Option<String> {
    let dir = from.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
    let base = normalize(&format!("{dir}/{spec}"))?;
    resolve_base(project, &base, from)
}

/// The file a specifier names: relative ones from `from`, bare ones
/// through the tsconfig/jsconfig path aliases, then through a workspace
/// package of the repository, then an installed package in `node_modules`
/// (see [`super::packages`]). `None` for Node built-ins and for packages
/// not installed.
pub fn resolve_spec(project: &Project, from: &str, spec: &str) -> Option<String> {
    if is_relative(spec) {
        resolve_from(project, from, spec)
    } else {
        // A bare name that a `baseUrl` maps onto the importing file itself
        // (preact's demo/zustand.jsx imports `zustand` beside `"baseUrl":
        // "."`) is the package: no module imports itself by a bare name.
        super::aliases::resolve_alias(project, from, spec)
            .filter(|target| target != from)
            .or_else(|| super::workspace::resolve_workspace(project, from, spec))
            .or_else(|| super::packages::installed_file(project, from, spec))
    }
}

/// The file a repository-relative module path names, trying extensions,
/// `index` files and a package.json entry (as the importing file `from`
/// reads it: TypeScript its declarations, JavaScript the code that runs).
pub fn resolve_base(project: &Project, base: &str, from: &str) -> Option<String> {
    resolve_base_reading(project, base, super::arity::is_ts_path(from))
}

/// [`resolve_base`] with the reading given: `types_first` as TypeScript
/// does (declarations before code), else as JavaScript does.
pub fn resolve_base_reading(project: &Project, base: &str, types_first: bool) -> Option<String> {
    let base = base.to_string();
    // TypeScript reads `./x.js` as `./x.ts`, or `./x.d.ts` beside the
    // JavaScript (`.mjs` as `.d.mts`, `.cjs` as `.d.cts`): execa's type
    // tests import `Options` from '../index.js', which only its `index.d.ts`
    // declares.
    if types_first {
        for (js, decl) in [
            ("js", ["ts", "tsx", "d.ts"]),
            ("jsx", ["tsx", "ts", "d.ts"]),
            ("mjs", ["mts", "d.mts", "d.ts"]),
            ("cjs", ["cts", "d.cts", "d.ts"]),
        ] {
            if let Some(stem) = base.strip_suffix(&format!(".{js}")) {
                for e in decl {
                    let p = format!("{stem}.{e}");
                    if project.file_exists(&p) {
                        return Some(p);
                    }
                }
            }
        }
    }
    let stripped = ["js", "jsx", "mjs", "cjs"]
        .iter()
        .find_map(|e| base.strip_suffix(&format!(".{e}")))
        .map(str::to_string);
    let exts: &[&str] = if types_first { &TS_EXTS } else { &EXTS };
    for b in std::iter::once(base.clone()).chain(stripped) {
        if !b.is_empty() {
            for e in exts {
                let p = format!("{b}{e}");
                if project.file_exists(&p) {
                    return Some(p);
                }
            }
        }
        let dir = if b.is_empty() {
            String::new()
        } else {
            format!("{b}/")
        };
        if let Some(p) = super::workspace::package_file(project, &dir, "", types_first, false) {
            return Some(p);
        }
        for e in &exts[1..] {
            let p = format!("{dir}index{e}");
            if project.file_exists(&p) {
                return Some(p);
            }
        }
    }
    // Node's `require` also loads JSON and native addons, after the code
    // (`require('./benchmarks')` of `benchmarks/index.json`); TypeScript
    // needs the extension written.
    if !types_first && !base.is_empty() {
        for e in [".json", ".node"] {
            for p in [format!("{base}{e}"), format!("{base}/index{e}")] {
                if project.file_exists(&p) {
                    return Some(p);
                }
            }
        }
    }
    None
}

/// Whether a relative import that names no file points where the index
/// cannot look: above the repository's root (`'../../../utils'` from a
/// fixture), into installed packages (markdown-it's benchmarks import
/// `'../../extra/node_modules/marked/lib/marked.esm.js'`), or at a package
/// directory whose entry is a build the repository lacks (superagent's
/// `require('..')`: `main` is `lib/node/index.js`, built from `src/`).
pub fn beyond_the_index(project: &Project, from: &str, spec: &str) -> bool {
    let dir = from.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
    match normalize(&format!("{dir}/{spec}")) {
        None => true,
        // Installed packages are not indexed: where they are not installed
        // the path cannot be judged; where they are, the disk says.
        Some(base) if base.split('/').any(|part| part == "node_modules") => {
            let parts: Vec<&str> = base.split('/').collect();
            let installed = parts
                .iter()
                .position(|part| *part == "node_modules")
                .map_or(String::new(), |k| parts[..=k].join("/"));
            !project.root.join(installed).is_dir()
                || EXTS
                    .iter()
                    .chain(["/index.js"].iter())
                    .any(|e| project.root.join(format!("{base}{e}")).is_file())
        }
        Some(base) => {
            let manifest = if base.is_empty() {
                "package.json".to_string()
            } else {
                format!("{base}/package.json")
            };
            project.file_exists(&manifest) || project.root.join(&manifest).is_file()
        }
    }
}

/// Whether a relative import that names no file points into build output:
/// a path the repository's `package.json` names, a missing directory or
/// file that the ignore files list, imported whole
/// (`.gitignore`, read as git does by [`plumb_walk::is_ignored`]), or a missing
/// directory on the way that `.gitignore` lists or that is named
/// `dist`/`build`/`out`/`lib`, with a project source of the same path below
/// it (`dist/source/index.js` from `source/index.ts`, `dist/immer.mjs` from
/// `src/immer.ts`).
pub fn into_build_output(project: &Project, from: &str, spec: &str) -> bool {
    let dir = from.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
    let Some(base) = normalize(&format!("{dir}/{spec}")) else {
        return false;
    };
    if named_by_manifest(project, &base) {
        return true;
    }
    let mut prefix = String::new();
    let segs: Vec<&str> = base.split('/').collect();
    // The last segment too: `require('./build/')` names the directory.
    for (i, seg) in segs.iter().enumerate() {
        prefix = if prefix.is_empty() {
            seg.to_string()
        } else {
            format!("{prefix}/{seg}")
        };
        if project.dir_exists(&prefix) {
            continue;
        }
        // What the ignore files list is local or generated content the
        // index never holds: a directory imported whole (`require('./build/')`)
        // names the build's entry; a file (`require('./_json/async')` of
        // ajv's `spec/_json/*.js`) is made by a script; below a missing
        // directory the path must mirror a source.
        let root = project.root.as_path();
        let last = i + 1 == segs.len();
        // (`js/*` lists what is in `js`, not `js` itself: the whole path
        // asks about both.)
        let ignored = plumb_walk::is_ignored(root, &prefix, true)
            || !last && plumb_walk::is_ignored(root, &base, false)
            || last
                && EXTS
                    .iter()
                    // A declaration file a build makes (knex's `**/*.d.ts`)
                    // is no module to run.
                    .filter(|e| **e != ".d.ts")
                    .any(|e| plumb_walk::is_ignored(root, &format!("{prefix}{e}"), false));
        if last {
            return ignored;
        }
        let output = ignored || matches!(*seg, "dist" | "build" | "out" | "lib");
        return output
            && (built_from_source(project, &segs[i + 1..].join("/"))
                || ignored && written_by_package_script(project, &prefix));
    }
    false
}

/// Whether a script the root `package.json` runs (`node ./scripts/x.js`,
/// in `scripts` or any other command it lists) names the directory `dir`
/// (`path.resolve(__dirname, "../lib/generated/idl/")`: jsdom's
/// `lib/generated`, made by `npm run prepare`).
fn written_by_package_script(project: &Project, dir: &str) -> bool {
    *project.memo(&format!("js-script-writes:{dir}"), || {
        let Ok(manifest) = std::fs::read_to_string(project.root.join("package.json")) else {
            return false;
        };
        let scripts = manifest.match_indices("node ").filter_map(|(i, m)| {
            let arg = manifest[i + m.len()..].trim_start();
            let end = arg
                .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '&' | ';' | '|'))
                .unwrap_or(arg.len());
            let path = arg[..end].trim_start_matches("./");
            [".js", ".mjs", ".cjs"]
                .iter()
                .any(|e| path.ends_with(e))
                .then_some(path)
        });
        let bounded = |text: &str| {
            text.match_indices(dir).any(|(k, _)| {
                let before = text[..k].chars().next_back();
                let after = text[k + dir.len()..].chars().next();
                let edge = |c: Option<char>| c.is_some_and(|c| matches!(c, '/' | '"' | '\'' | '`'));
                edge(before) && edge(after)
            })
        };
        scripts
            .take(50)
            .filter_map(|p| std::fs::read_to_string(project.root.join(p)).ok())
            .any(|text| bounded(&text))
    })
}

/// Whether the repository's `package.json` names `path` (with or without an
/// extension) as a quoted path: an entry the build writes (Leaflet's
/// `"exports": {".": "./dist/leaflet-src.js"}`), imported by a test of the
/// built package.
fn named_by_manifest(project: &Project, path: &str) -> bool {
    let Ok(manifest) = std::fs::read_to_string(project.root.join("package.json")) else {
        return false;
    };
    EXTS.iter().filter(|e| **e != ".d.ts").any(|e| {
        let p = format!("{path}{e}");
        manifest.contains(&format!("\"./{p}\"")) || manifest.contains(&format!("\"{p}\""))
    })
}

/// A project source file whose path ends with `rest` once extensions are
/// set aside (`source/index.js` → `…/source/index.ts`), or with the tail of
/// `rest` below the build's own folders (`cjs/precompiler` →
/// `lib/precompiler.js`), a minified build named after its source
/// (`handlebars.min` → `lib/handlebars.js`).
fn built_from_source(project: &Project, rest: &str) -> bool {
    let stem = ["js", "mjs", "cjs", "jsx", "d.ts"]
        .iter()
        .find_map(|e| rest.strip_suffix(&format!(".{e}")))
        .unwrap_or(rest);
    let stem = stem.strip_suffix(".min").unwrap_or(stem);
    if stem.is_empty() {
        return false;
    }
    let tails: Vec<String> = stem
        .match_indices('/')
        .map(|(k, _)| &stem[k + 1..])
        .chain(std::iter::once(stem))
        .filter(|t| !t.is_empty())
        .map(|t| format!("/{t}"))
        .collect();
    project.all_files().iter().any(|f| {
        let s = EXTS[1..]
            .iter()
            .find_map(|e| f.strip_suffix(e))
            .unwrap_or(f);
        (s == stem
            || tails
                .iter()
                .any(|tail| s.ends_with(tail.as_str()) || s.ends_with(&format!("{tail}/index"))))
            && EXTS[1..].iter().any(|e| f.ends_with(e))
    })
}

/// The npm package a bare specifier names (`@scope/pkg/sub` → `@scope/pkg`).
pub fn package_name(spec: &str) -> &str {
    if spec.starts_with('@') {
        let mut it = spec.splitn(3, '/');
        let a = it.next().unwrap_or("");
        let b = it.next().unwrap_or("");
        &spec[..(a.len() + 1 + b.len()).min(spec.len())]
    } else {
        spec.split('/').next().unwrap_or(spec)
    }
}

pub fn is_relative(spec: &str) -> bool {
    spec == "." || spec == ".." || spec.starts_with("./") || spec.starts_with("../")
}

/// What a module exports under one name.
#[derive(Debug)]
pub enum Export {
    /// Top-level definitions of that name, in `file` (several for overloads
    /// and declaration merging).
    Defs { file: String, defs: Vec<Definition> },
    /// Exported, but not as a definition this checker can read (a package's
    /// export passed on, `export default` of an expression, `export =`).
    Present,
    /// Certainly not exported: the module and every module it re-exports
    /// with `export *` were read and none has the name.
    Missing,
    /// The module or a module it re-exports could not be read.
    Unknown,
    /// The `default` of a CommonJS module (`file`): its `module.exports`
    /// object, whose members are what `require` would give.
    CommonJs { file: String },
}

/// A CommonJS module: it assigns `module.exports` or `exports.x` and has
/// no ESM `export` of its own (importing its `default` gives the exports
/// object).
pub fn is_commonjs(text: &str) -> bool {
    !is_es_module(text) && (text.contains("module.exports") || text.contains("exports."))
}

/// Whether `text` names no export of any kind: no `export`, no `exports`
/// (CommonJS), no `define` (AMD).
fn exports_nothing(text: &str) -> bool {
    ["export", "exports", "define"]
        .iter()
        .all(|w| word_positions(text, w).next().is_none())
}

/// Whether `text` has an ESM `export` statement of its own.
pub fn is_es_module(text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim_start();
        l.starts_with("export ") || l.starts_with("export{")
    })
}

/// What `file` exports as `name`. A name the file's text mentions as a word
/// counts as exported when no definition says more (an `export {a as b}`
/// clause, an ambient declaration); `default` is resolved through
/// `export default <name>` when it names a definition.
pub fn find_export(project: &Project, file: &str, name: &str, depth: u32) -> Export {
    let mut seen = std::collections::HashSet::new();
    find_export_in(project, file, name, depth, &mut seen)
}

/// `seen`: (file, name) pairs already explored, so barrels that re-export
/// each other (or many barrels deep) cost one visit per module.
fn find_export_in(
    project: &Project,
    file: &str,
    name: &str,
    depth: u32,
    seen: &mut std::collections::HashSet<(String, String)>,
) -> Export {
    if depth > MAX_CHAIN || seen.len() > 400 {
        return Export::Unknown;
    }
    if !seen.insert((file.to_string(), name.to_string())) {
        return Export::Missing;
    }
    let Some(rc) = project.facts_of(file) else {
        return Export::Unknown;
    };
    let (text, facts) = (&rc.0, &rc.1);
    // A file that exports nothing by any syntax (paper.js's
    // `dist/paper-core.js` loads the library through a preprocessor at
    // run time) gives whatever its loader makes.
    if name != "default"
        && *project.memo(&format!("js-exports-nothing:{file}"), || {
            exports_nothing(text)
        })
    {
        return Export::Unknown;
    }
    if name == "default" {
        // `export = Hexo;` of a class, imported with esModuleInterop as
        // `import Hexo from './hexo'` (hexo's plugins).
        let value = default_export_name(text).or_else(|| {
            export_equals_name(text).filter(|x| {
                top_defs(facts, x)
                    .iter()
                    .any(|d| matches!(d.kind, DefKind::Class | DefKind::Function))
            })
        });
        return match value {
            Some(n) => match top_defs(facts, &n) {
                defs if !defs.is_empty() => Export::Defs {
                    file: file.to_string(),
                    defs,
                },
                _ => find_export_in(project, file, &n, depth + 1, seen),
            },
            None if text.contains("export default") || text.contains("export =") => Export::Present,
            None if is_commonjs(text) => Export::CommonJs {
                file: file.to_string(),
            },
            None => Export::Unknown,
        };
    }
    let defs = top_defs(facts, name);
    if !defs.is_empty() {
        return Export::Defs {
            file: file.to_string(),
            defs,
        };
    }
    // `declare module 'mongoose' {…}` blocks, which other declaration
    // files of the project (and packages) add to (mongoose's types/*.d.ts,
    // one block each): the module's members in any of them, else unknown.
    if is_declarations(file) {
        let ambient: Vec<&str> = facts
            .definitions
            .iter()
            .filter(|d| d.kind == DefKind::Module && d.container.is_none())
            .map(|d| d.name.as_str())
            .filter(|m| {
                text.contains(&format!("declare module '{m}'"))
                    || text.contains(&format!("declare module \"{m}\""))
            })
            .collect();
        if !ambient.is_empty() {
            let mut found: Vec<crate::project::ProjectDef> = project
                .defs_named(name, 100)
                .into_iter()
                .filter(|d| {
                    d.def
                        .container
                        .as_deref()
                        .is_some_and(|c| ambient.contains(&c))
                        && is_declarations(&d.path)
                })
                .collect();
            found.sort_by(|a, b| a.path.cmp(&b.path));
            return match found.first() {
                Some(first) => {
                    let path = first.path.clone();
                    Export::Defs {
                        defs: found
                            .into_iter()
                            .filter(|d| d.path == path)
                            .map(|d| d.def)
                            .collect(),
                        file: path,
                    }
                }
                None => Export::Unknown,
            };
        }
    }
    // `export = e;` of `declare function e(): …; declare namespace e {…}`
    // (DefinitelyTyped's CommonJS packages): the namespace's members.
    let equals = export_equals_name(text);
    if let Some(x) = &equals {
        let members = members_named(facts, x, name);
        if !members.is_empty() {
            return if members.iter().all(|d| d.kind.is_callable()) {
                Export::Defs {
                    file: file.to_string(),
                    defs: members,
                }
            } else {
                Export::Present
            };
        }
    }
    // `import {a as name}` / `export {a as name} from` / `export * as name from`.
    for imp in &facts.imports {
        if imp.alias.as_deref() == Some(name) {
            return Export::Present;
        }
        for n in &imp.names {
            if n.alias.as_deref().unwrap_or(&n.name) != name {
                continue;
            }
            let target = resolve_spec(project, file, &imp.module);
            if target.is_none() && !is_relative(&imp.module) {
                return Export::Present;
            }
            return match target {
                Some(t) => match find_export_in(project, &t, &n.name, depth + 1, seen) {
                    Export::Missing => Export::Unknown,
                    e => e,
                },
                None => Export::Unknown,
            };
        }
    }
    // Every `export *` module: a definition wins over a mere mention.
    let (mut unknown, mut present) = (false, false);
    for imp in facts.imports.iter().filter(|i| i.wildcard) {
        match resolve_spec(project, file, &imp.module)
            .map(|t| find_export_in(project, &t, name, depth + 1, seen))
        {
            Some(Export::Missing) => {}
            Some(e @ Export::Defs { .. }) => return e,
            Some(Export::Present) => present = true,
            _ => unknown = true,
        }
    }
    if present {
        return Export::Present;
    }
    // (A method call, `x.name(…)`, exports nothing.)
    let method_call = |i: usize| {
        text[..i].trim_end().ends_with('.') && text[i + name.len()..].trim_start().starts_with('(')
    };
    if word_positions(text, name).any(|i| !method_call(i)) {
        return Export::Present;
    }
    if let Some(x) = &equals
        && closed_export_equals(text, facts, x)
        && !facts.imports.iter().any(|i| i.wildcard)
    {
        return Export::Missing;
    }
    if facts.dynamic
        || text.contains("export =")
        || module_exports_opened(&super::lexical::file_code(project, file, text), text)
    {
        return Export::Unknown;
    }
    if unknown {
        Export::Unknown
    } else {
        Export::Missing
    }
}

/// Whether `text` (whose code, literals blanked, is `code`) uses
/// `module.exports` otherwise than by naming one of its keys (bull's
/// `module.exports.isRedisReady = isRedisReady`, which the text shows as
/// `exports.f = …` does): a whole value (`module.exports = …`), a computed
/// key, the object handed to a function (`Object.assign(module.exports,
/// …)`) or `module` itself under a computed key may add keys no name shows. (Not in a string: karma's config help
/// text shows `module.exports = function(config) {…}`.)
fn module_exports_opened(code: &str, text: &str) -> bool {
    code.match_indices("module.exports").any(|(i, m)| {
        let rest = &code[i + m.len()..];
        let named_key = rest.strip_prefix('.').is_some_and(|key| {
            key.starts_with(|c: char| c.is_alphabetic() || c == '_' || c == '$')
        });
        // `var exports = module.exports = {};` (nunjucks' lib.js): an empty
        // object, filled by name.
        let empty = rest
            .trim_start()
            .strip_prefix('=')
            .filter(|v| !v.starts_with(['=', '>']))
            .and_then(|v| v.trim_start().strip_prefix('{'))
            .and_then(|v| v.trim_start().strip_prefix('}'))
            .is_some_and(|v| {
                let v = v.trim_start_matches([' ', '\t']);
                v.is_empty() || v.starts_with([';', '\n', '\r'])
            });
        !named_key && !empty && !rest.starts_with('[')
    }) || computed_exports_key(text)
        // `module['exports'] = colors` (colors.js' safe.js): the exports
        // written through a computed key of `module`.
        || word_positions(code, "module").any(|i| code[i + "module".len()..].starts_with('['))
}

/// Whether `text` writes a computed key of the exports (`exports[name] =
/// …`) other than one looping over a literal list of names (needle's
/// `'head get'.split(' ').forEach(function (method) { module.exports[method]
/// = … })`, whose names the text shows).
pub(super) fn computed_exports_key(text: &str) -> bool {
    text.match_indices("exports[")
        .any(|(i, m)| super::openings::looped_key(text, i, &text[i + m.len() - 1..]).is_none())
}

/// The project module that `file` exports as the namespace `name`
/// (`export * as name from './m'`, or `import * as name from './m'` passed
/// on), following `export {name} from` and `export *` chains; `None` when
/// `name` is anything else or the chain cannot be read.
pub fn namespace_export(project: &Project, file: &str, name: &str, depth: u32) -> Option<String> {
    if depth > MAX_CHAIN {
        return None;
    }
    let rc = project.facts_of(file)?;
    let (text, facts) = (&rc.0, &rc.1);
    if !top_defs(facts, name).is_empty() {
        return None;
    }
    for imp in &facts.imports {
        if imp.alias.as_deref() == Some(name) {
            let stmt = text.get(imp.span.start_byte as usize..imp.span.end_byte as usize)?;
            let star = ["export", "import"].iter().any(|k| {
                stmt.strip_prefix(k)
                    .and_then(|r| r.trim_start().strip_prefix('*'))
                    .and_then(|r| r.trim_start().strip_prefix("as"))
                    .is_some_and(|r| r.starts_with(char::is_whitespace))
            });
            return star
                .then(|| resolve_spec(project, file, &imp.module))
                .flatten();
        }
        if let Some(n) = imp
            .names
            .iter()
            .find(|n| n.alias.as_deref().unwrap_or(&n.name) == name)
        {
            let target = resolve_spec(project, file, &imp.module)?;
            return namespace_export(project, &target, &n.name, depth + 1);
        }
    }
    // `import * as index$1 from './utils/index.js'; export { index$1 as
    // utils };` (anime's bundled modules).
    if let Some(local) = renamed_in_export_clause(text, name) {
        return namespace_export(project, file, &local, depth + 1);
    }
    facts
        .imports
        .iter()
        .filter(|i| i.wildcard)
        .filter_map(|i| resolve_spec(project, file, &i.module))
        .find_map(|t| namespace_export(project, &t, name, depth + 1))
}

/// The local name that an `export { local as name }` clause of `text`
/// (one without `from`) exports as `name`.
fn renamed_in_export_clause(text: &str, name: &str) -> Option<String> {
    text.match_indices("export").find_map(|(i, m)| {
        let rest = text[i + m.len()..].trim_start();
        let body = rest.strip_prefix('{')?;
        let close = body.find('}')?;
        if body[close + 1..].trim_start().starts_with("from") {
            return None;
        }
        body[..close].split(',').find_map(|entry| {
            let (local, exported) = entry.split_once(" as ")?;
            (exported.trim() == name).then(|| local.trim().to_string())
        })
    })
}

/// The definitions named `name` directly inside `container` (a class,
/// namespace or interface, by qualified name).
pub fn members_named(facts: &FileFacts, container: &str, name: &str) -> Vec<Definition> {
    facts
        .definitions
        .iter()
        .filter(|d| d.container.as_deref() == Some(container) && d.name == name)
        .cloned()
        .collect()
}

/// Top-level definitions named `name` (not a function bound inside an
/// anonymous function, which has no container either).
pub fn top_defs(facts: &FileFacts, name: &str) -> Vec<Definition> {
    let mut defs: Vec<Definition> = facts
        .definitions
        .iter()
        .filter(|d| d.container.is_none() && d.name == name)
        .filter(|d| crate::resolve::scope::nested_binding_scope(facts, d).is_none())
        .cloned()
        .collect();
    // `exports.EventEmitter = EventEmitter;` beside `function EventEmitter`
    // (blessed) exports the function; the assignment is no second binding.
    if defs.len() > 1 {
        defs.retain(|d| !reexports_itself(d));
    }
    defs
}

/// Whether `d` is `exports.X = X` (or `module.exports.X = X`): a key
/// holding the top-level binding of the same name.
fn reexports_itself(d: &Definition) -> bool {
    export_key_value(d)
        .map(|value| value.trim().trim_end_matches(';').trim_end())
        .is_some_and(|value| value == d.name)
}

/// The value text of a definition that is a CommonJS export key
/// (`exports.x = …`, `module.exports.x = …`); `None` for anything else.
pub(super) fn export_key_value(d: &Definition) -> Option<&str> {
    let sig = d.signature.as_deref().unwrap_or("").trim_start();
    let sig = sig.strip_prefix("module.").unwrap_or(sig);
    sig.strip_prefix("exports.")?
        .strip_prefix(d.name.as_str())?
        .trim_start()
        .strip_prefix('=')
}

/// Whether a `.d.ts` reached from the file `from` is the contract for its
/// calls: always for TypeScript, and for JavaScript when it is a package's
/// declared API in `node_modules`. A repository's own declarations for its
/// own JavaScript are a description written beside the code, which may lag
/// it (dayjs's `index.d.ts` gave `locale` two parameters while its locales
/// called it with three).
pub fn declarations_bind(from: &str, target: &str) -> bool {
    !is_declarations(target)
        || super::arity::is_ts_path(from)
        || target.starts_with("node_modules/")
        || target.contains("/node_modules/")
}

/// Whether `path` is a TypeScript declarations file.
pub fn is_declarations(path: &str) -> bool {
    [".d.ts", ".d.mts", ".d.cts"]
        .iter()
        .any(|e| path.ends_with(e))
}

/// Whether the file `from` meets `target` as the repository's own
/// `export =` declarations that do not bind it (see
/// [`declarations_bind`]): what they add (the namespace's members, the
/// value's arity) is not held against it.
pub fn unbound_export_equals(project: &Project, from: &str, target: &str) -> bool {
    !declarations_bind(from, target)
        && project
            .facts_of(target)
            .is_some_and(|rc| export_equals_name(&rc.0).is_some())
}

/// `X` of a declarations file's `export = X;`.
pub fn export_equals_name(text: &str) -> Option<String> {
    if !text.contains("export = ") {
        return None;
    }
    text.lines().find_map(|line| {
        let rest = line.strip_prefix("export = ")?;
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
            .unwrap_or(rest.len());
        let x = &rest[..end];
        let tail = rest[end..].trim();
        (!x.is_empty() && (tail.is_empty() || tail == ";")).then(|| x.to_string())
    })
}

/// Whether the module value `export = x` makes is wholly declared in this
/// file (`text`): `x` is a function, namespace or class without a base
/// (a base, or a value typed elsewhere, brings members this file does not
/// list).
fn closed_export_equals(text: &str, facts: &FileFacts, x: &str) -> bool {
    let defs = top_defs(facts, x);
    !defs.is_empty()
        && defs.iter().all(|d| match d.kind {
            DefKind::Function | DefKind::Module | DefKind::Interface => true,
            DefKind::Class => super::members::extends_of(d, Some(text)).is_none(),
            _ => false,
        })
}

/// The name `export default` gives, when it is a declaration or a bare
/// identifier: `export default class Foo`, `export default function foo`,
/// `export default foo;`.
pub fn default_export_name(text: &str) -> Option<String> {
    // (Not one a doc comment shows: yeoman's generator.ts documents
    // `* export default class extends Generator {` before its own
    // `export default BaseGenerator;`.)
    let in_comment = |i: usize| {
        let line = text[text[..i].rfind('\n').map_or(0, |k| k + 1)..i].trim_start();
        line.starts_with('*') || line.starts_with("//") || line.starts_with("/*")
    };
    let Some(i) = text
        .match_indices("export default ")
        .map(|(i, _)| i)
        .find(|&i| !in_comment(i))
    else {
        return default_in_export_clause(text);
    };
    let mut rest = text[i + "export default ".len()..].trim_start();
    let mut declaration = false;
    for kw in ["abstract ", "async ", "class ", "function* ", "function "] {
        if let Some(r) = rest.strip_prefix(kw) {
            rest = r.trim_start();
            declaration |= matches!(kw, "class " | "function* " | "function ");
        }
    }
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(rest.len());
    let name = &rest[..end];
    let after = rest[end..].trim_start();
    let line_ends = rest[end..]
        .trim_start_matches([' ', '\t'])
        .starts_with(['\n', '\r']);
    let ok = !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && !matches!(name, "new" | "await" | "function" | "class" | "extends")
        && (after.is_empty()
            || line_ends
            || after.starts_with(';')
            // `export default name(…)` exports what the call returns.
            || declaration
                && (after.starts_with(['(', '{', '<'])
                    || after.starts_with("extends")
                    || after.starts_with("implements")));
    ok.then(|| name.to_string())
}

/// `x` of `export { x as default };` (rollup's ES module output, TinyColor's
/// build), not of a re-export (`export { x as default } from './m'`).
fn default_in_export_clause(text: &str) -> Option<String> {
    text.match_indices("export {").find_map(|(i, m)| {
        let rest = &text[i + m.len()..];
        let close = rest.find('}')?;
        let after = rest[close + 1..].trim_start();
        if after.starts_with("from") {
            return None;
        }
        rest[..close].split(',').find_map(|item| {
            let (local, exported) = item.split_once(" as ")?;
            let local = local.trim();
            (exported.trim() == "default"
                && !local.is_empty()
                && local
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '$'))
            .then(|| local.to_string())
        })
    })
}

/// Whether a config file (`names`) in the directory of `from` or any
/// directory above it mentions `"needle` as a string start: a tsconfig
/// `paths` alias (`"@app/*"`), a package.json `browser` or `imports` remap.
pub fn config_mentions(project: &Project, from: &str, names: &[&str], needle: &str) -> bool {
    let quoted = format!("\"{needle}");
    let mut dir = from.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
    loop {
        for n in names {
            let p = if dir.is_empty() {
                n.to_string()
            } else {
                format!("{dir}/{n}")
            };
            if let Ok(text) = std::fs::read_to_string(project.root.join(&p))
                && text.contains(&quoted)
            {
                return true;
            }
        }
        if dir.is_empty() {
            return false;
        }
        dir = dir.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
    }
}

/// Whether the project's build code names the bare specifier `spec` as a
/// whole string (highlight.js's rollup plugin: `resolveId(source) { if
/// (source === "builtInLanguages") … }`; an alias map of a webpack or vite
/// config): a virtual module the bundler makes, which no manifest
/// declares. Build code is a file named for it (`rollup.config.js`,
/// `webpack.config.js`, `vite.config.ts`, `gulpfile.js`, `Gruntfile.js`,
/// any `*.config.*`) or any script under a top-level `tools/`, `scripts/`,
/// `build/` or `config/` directory; `from`, the importing file, is not.
/// Read only when an import would otherwise be reported, once per name.
pub fn named_by_build_code(project: &Project, from: &str, spec: &str) -> bool {
    let files = project.memo("js-build-code", || {
        let mut out: Vec<String> = project
            .all_files()
            .iter()
            .filter(|f| {
                let name = f.rsplit('/').next().unwrap_or(f).to_ascii_lowercase();
                let script = [".js", ".mjs", ".cjs", ".ts", ".mts", ".cts"]
                    .iter()
                    .any(|e| name.ends_with(e));
                let top = f.split('/').next().unwrap_or("");
                script
                    && (name.contains(".config.")
                        || name.starts_with("gulpfile.")
                        || name.starts_with("gruntfile.")
                        || f.contains('/')
                            && matches!(top, "tools" | "scripts" | "build" | "config"))
            })
            .cloned()
            .collect();
        out.sort();
        out.truncate(300);
        out
    });
    *project.memo(&format!("js-build-names:{from}:{spec}"), || {
        let quoted = ['"', '\'', '`'].map(|q| format!("{q}{spec}{q}"));
        // (An import of it names a package, not a module the code makes.)
        let imported = |before: &str| {
            let b = before.trim_end();
            b.ends_with("require(")
                || b.ends_with("import(")
                || b.ends_with("from")
                || b.ends_with("import")
        };
        files.iter().filter(|f| f.as_str() != from).any(|f| {
            project.text_of(f).is_some_and(|t| {
                quoted
                    .iter()
                    .any(|q| t.match_indices(q.as_str()).any(|(i, _)| !imported(&t[..i])))
            })
        })
    })
}

/// Top-level names of a module and the names its `export … from`
/// statements pass on, for suggestions.
pub fn top_level_names(project: &Project, file: &str) -> Vec<(String, String, u32)> {
    let Some(rc) = project.facts_of(file) else {
        return Vec::new();
    };
    let (text, facts) = (&rc.0, &rc.1);
    let defined = facts
        .definitions
        .iter()
        .filter(|d| d.container.is_none())
        .map(|d| (d.name.clone(), d.name_span.start_line));
    let passed_on = facts
        .imports
        .iter()
        .filter(|i| {
            text.get(i.span.start_byte as usize..)
                .is_some_and(|t| t.starts_with("export"))
        })
        .flat_map(|i| {
            i.names.iter().map(move |n| {
                (
                    n.alias.clone().unwrap_or_else(|| n.name.clone()),
                    i.span.start_line,
                )
            })
        });
    defined
        .chain(passed_on)
        .filter(|(n, _)| n != "default" && n != "*")
        .map(|(n, line)| (n, file.to_string(), line))
        .collect()
}

/// The function that `name`, bound in the file `from` by one of its
/// `imports`, stands for: `import { f as name } from './m'` or `const name =
/// require('./m').f` of a function m exports (also as a key of
/// `module.exports = { f }`), `const name = require('./f')` of
/// `module.exports = F`, `import name from './f'` of `export default F`.
/// `relative_only` keeps to relative specifiers (no package's code).
pub fn imported_function(
    project: &Project,
    from: &str,
    imports: &[plumb_facts::Import],
    name: &str,
    relative_only: bool,
) -> Option<(String, Definition)> {
    let (imp, named) = imports.iter().find_map(|i| {
        let named = i
            .names
            .iter()
            .find(|n| n.alias.as_deref().unwrap_or(&n.name) == name);
        (named.is_some() || i.alias.as_deref() == Some(name)).then_some((i, named))
    })?;
    if relative_only && !imp.relative {
        return None;
    }
    let target = resolve_spec(project, from, &imp.module)?;
    let exported = named.map_or("default", |n| n.name.as_str());
    let (file, def) = match find_export(project, &target, exported, 0) {
        Export::Defs { file, defs } => match <[Definition; 1]>::try_from(defs) {
            Ok([d]) => (file, d),
            Err(_) => return None,
        },
        Export::CommonJs { .. } => (
            target.clone(),
            super::qualified::module_exports_value(project, &target)?,
        ),
        // `module.exports = { utimesMillisSync }` (fs-extra): the function
        // of that name at the module's top level.
        _ => {
            let rc = project.facts_of(&target)?;
            if !is_commonjs(&rc.0) {
                return None;
            }
            match <[Definition; 1]>::try_from(top_defs(&rc.1, exported)) {
                Ok([d]) => (target.clone(), d),
                Err(_) => return None,
            }
        }
    };
    (def.kind == DefKind::Function).then_some((file, def))
}

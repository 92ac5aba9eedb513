//! Imports from declared npm packages, checked against their installed
//! source: real packages at pinned versions that scripts/setup-check-deps.sh
//! installs into .npm-test/node_modules (uuid 11.0.3, commander 12.1.0,
//! ms 2.1.3 with @types/ms 0.7.34, escape-html 1.0.3), linked into each
//! temporary project as its node_modules.

mod project;

use std::path::PathBuf;

use project::{Proj, summary_all};

fn installed_modules() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../.npm-test/node_modules");
    assert!(
        dir.join("uuid/package.json").is_file(),
        "{} is missing: run scripts/setup-check-deps.sh",
        dir.display()
    );
    dir.canonicalize().unwrap()
}

const PACKAGE_JSON: &str = r#"{"name": "app", "dependencies": {"uuid": "^11.0.3", "commander": "^12.1.0", "ms": "^2.1.3", "escape-html": "^1.0.3"}}"#;

/// A project declaring the four packages, with `node_modules` installed
/// when `installed`, and `lock` as its package-lock.json when given.
fn app(installed: bool, lock: Option<&str>) -> Proj {
    let mut files = vec![
        ("package.json", PACKAGE_JSON),
        ("src/keep.ts", "export const keep = 1;\n"),
    ];
    if let Some(l) = lock {
        files.push(("package-lock.json", l));
    }
    let p = Proj::new(&files);
    if installed {
        std::os::unix::fs::symlink(installed_modules(), p.root().join("node_modules")).unwrap();
    }
    p
}

fn check(p: &Proj, path: &str, body: &str) -> Vec<String> {
    summary_all(&p.check_files(&[(path, body)]))
}

#[test]
fn named_imports_are_checked_against_the_installed_declarations() {
    let p = app(true, None);
    let got = check(
        &p,
        "src/ids.ts",
        "import { v4, v7, v9 } from 'uuid';\nimport { Command, Comand } from 'commander';\nexport const id = () => v4() + v7() + v9() + new Command().name();\nexport const c = Comand;\n",
    );
    assert_eq!(
        got,
        vec![
            "unknown-import src/ids.ts:1 package 'uuid' (uuid 11.0.3) has no export 'v9'",
            "unknown-import src/ids.ts:2 package 'commander' (commander 12.1.0) has no export 'Comand'",
        ]
    );
}

#[test]
fn a_module_the_project_augments_may_have_more_names() {
    let p = app(true, None);
    // The project's own `declare module 'uuid'` could add exports.
    p.check_files(&[(
        "src/types/uuid.d.ts",
        "declare module 'uuid' {\n  export function v9(): string;\n}\n",
    )]);
    plumb_index::run(&plumb_index::IndexOptions::new(p.root()), |_| {}, &|_| {}).unwrap();
    let got = check(
        &p,
        "src/ids.ts",
        "import { v4, v9 } from 'uuid';\nimport * as uuid from 'uuid';\nexport const id = () => v4() + v9() + uuid.v9();\n",
    );
    assert_eq!(got, Vec::<String>::new());
}

#[test]
fn require_destructuring_and_namespace_members_are_checked_too() {
    let p = app(true, None);
    let got = check(
        &p,
        "src/ids.js",
        "const { v4, validate, v99 } = require('uuid');\nconst uuid = require('uuid');\nmodule.exports = () => [v4(), validate('x'), uuid.parse('x'), uuid.stringfy([]), v99()];\n",
    );
    assert_eq!(
        got,
        vec![
            "unknown-import src/ids.js:1 package 'uuid' (uuid 11.0.3) has no export 'v99'",
            "unknown-symbol src/ids.js:3 module 'uuid' has no export 'stringfy'",
        ]
    );
}

#[test]
fn javascript_only_packages_are_read_through_types_or_left_alone() {
    let p = app(true, None);
    // ms ships JavaScript only: @types/ms declares `export = ms`, whose
    // members this reader does not enumerate; escape-html has no types and
    // a CommonJS `module.exports = escapeHtml`.
    let got = check(
        &p,
        "src/fmt.js",
        "import ms from 'ms';\nimport escape from 'escape-html';\nexport const f = (s) => escape(s) + ms('2 days');\n",
    );
    assert_eq!(got, Vec::<String>::new());
}

#[test]
fn an_export_equals_declaration_gives_the_module_value_and_its_arity() {
    let p = app(true, None);
    // @types/ms: `declare function ms(value: number, options?: {long: boolean})`,
    // `declare function ms(value: string)`, `export = ms;`: the module is
    // that function and has no other member.
    let got = check(
        &p,
        "src/dur.ts",
        "import ms from 'ms';\nimport * as msns from 'ms';\nexport const a = ms('2 days') + ms(60000, { long: true });\nexport const b = ms.parse('1d');\nexport const c = msns.toMillis(5);\nexport const d = ms(60000, { long: true }, 2);\n",
    );
    assert_eq!(
        got,
        vec![
            "unknown-symbol src/dur.ts:4 module 'ms' has no export 'parse'",
            "unknown-symbol src/dur.ts:5 module 'ms' has no export 'toMillis'",
            "arity-mismatch src/dur.ts:6 no overload of 'ms' takes at most 2 argument(s) but 3 were given",
        ]
    );
    // A named import: @types/ms has none, ms's own code adds none.
    let r = p.check_files(&[(
        "src/named.ts",
        "import { toMillis } from 'ms';\nexport const p = toMillis;\n",
    )]);
    assert_eq!(
        summary_all(&r),
        vec!["unknown-import src/named.ts:1 package 'ms' (ms 2.1.3) has no export 'toMillis'"]
    );
    assert_eq!(
        r.findings[0].evidence,
        vec![
            "definitions and re-exports of node_modules/@types/ms/index.d.ts, which node_modules gives for 'ms'",
            "definitions and re-exports of node_modules/ms/index.js, which node_modules gives for 'ms'",
        ]
    );
}

#[test]
fn a_missing_or_other_version_install_is_a_note_once_per_package() {
    let p = app(false, None);
    let got = check(
        &p,
        "src/a.ts",
        "import { v4 } from 'uuid';\nimport { v7 } from 'uuid';\nimport 'commander';\nexport const a = v4() + v7();\n",
    );
    assert_eq!(
        got,
        vec![
            "unverifiable src/a.ts:1 'uuid' is declared but not installed, so the names imported from it cannot be checked (install the dependencies to check them)"
        ]
    );
    let lock = r#"{"name": "app", "lockfileVersion": 3, "packages": {"": {"dependencies": {"uuid": "^10.0.0"}}, "node_modules/uuid": {"version": "10.0.0"}}}"#;
    let p = app(true, Some(lock));
    let got = check(
        &p,
        "src/a.ts",
        "import { v4, v9 } from 'uuid';\nexport const a = v4() + v9();\n",
    );
    assert_eq!(
        got,
        vec![
            "unverifiable src/a.ts:1 'uuid' is installed at 11.0.3 but the lockfile pins 10.0.0, so the names imported from it are not checked"
        ]
    );
}

#[test]
fn subpath_imports_follow_the_exports_map() {
    let p = app(true, None);
    let got = check(
        &p,
        "src/esm.ts",
        "import { Command, Opton } from 'commander/esm.mjs';\nexport const c = new Command() && Opton;\n",
    );
    assert_eq!(
        got,
        vec![
            "unknown-import src/esm.ts:1 package 'commander/esm.mjs' (commander 12.1.0) has no export 'Opton'"
        ]
    );
}

//! The checker engine end to end on small real projects: index a temporary
//! directory with plumb-index, lay a change over it, and assert the exact
//! findings (kind, line, message) for Python, Rust, JavaScript/TypeScript,
//! Go and C.

mod project;

use plumb_check::input;
use plumb_check::report::Verdict;
use project::{Proj, summary_all as summary};

const UTIL_PY: &str = "import os\n\n\ndef load_config(path, strict=False):\n    with open(path) as fh:\n        return fh.read()\n\n\nclass Store:\n    def __init__(self, root):\n        self.root = root\n\n    def get(self, key, default=None):\n        return os.path.join(self.root, key)\n\n    def put(self, key, value):\n        self.get(key)\n        return value\n";
const MAIN_PY: &str = "from pkg.util import load_config, Store\n\n\ndef run(path):\n    cfg = load_config(path)\n    s = Store(path)\n    return s.get(\"x\"), cfg\n";

fn py_project() -> Proj {
    Proj::new(&[
        ("pkg/__init__.py", ""),
        ("pkg/util.py", UTIL_PY),
        ("pkg/main.py", MAIN_PY),
    ])
}

#[test]
fn python_invented_names_imports_packages_and_arity() {
    let p = py_project();
    let r = p.diff(
        "--- a/pkg/main.py\n+++ b/pkg/main.py\n@@ -1,7 +1,12 @@\n from pkg.util import load_config, Store\n+from pkg.util import fetch_config\n+import requestz\n+import os.pathx\n \n \n def run(path):\n-    cfg = load_config(path)\n+    cfg = load_config(path, 1, 2)\n+    os.path.joinn(\"a\")\n+    x = loads_config(path)\n     s = Store(path)\n     return s.get(\"x\"), cfg\n",
    );
    assert_eq!(
        summary(&r),
        vec![
            "unknown-import pkg/main.py:2 module 'pkg.util' has no name 'fetch_config'",
            "undeclared-package pkg/main.py:3 package 'requestz' is not declared, not installed, and not part of the project or the standard library",
            "unknown-import pkg/main.py:4 module 'os.pathx' does not exist",
            "arity-mismatch pkg/main.py:8 'load_config' takes at most 2 positional argument(s) but 3 were given",
            "unknown-symbol pkg/main.py:9 module 'os.path' has no attribute 'joinn'",
            "unknown-symbol pkg/main.py:10 'loads_config' is not defined",
        ]
    );
    let f = &r.findings[5];
    assert_eq!(f.candidates[0].name, "load_config");
    assert_eq!(f.code, "    x = loads_config(path)");
    assert_eq!((f.column, f.end_column), (9, 21));
    assert_eq!(r.findings[4].candidates[0].name, "join");
    assert_eq!(r.hunks.len(), 1);
    assert_eq!(r.hunks[0].verdict, Verdict::Suspect);
}

#[test]
fn python_clean_change_is_verified_and_only_added_lines_are_checked() {
    let p = py_project();
    // The context line calls a name that does not exist; it is not part of the change.
    std::fs::write(
        p.root().join("pkg/main.py"),
        MAIN_PY.replace(
            "    s = Store(path)\n",
            "    s = Store(path)\n    legacy_thing()\n",
        ),
    )
    .unwrap();
    let r = p.diff(
        "--- a/pkg/main.py\n+++ b/pkg/main.py\n@@ -5,4 +5,5 @@ def run(path):\n     cfg = load_config(path)\n     s = Store(path)\n+    s.put(\"k\", os.path.join(cfg, \"x\"))\n     legacy_thing()\n     return s.get(\"x\"), cfg\n",
    );
    // `os` is not imported in main.py: the bare module use is not a call the
    // adapter reports, and `s.put` is a method on an untyped receiver.
    assert_eq!(summary(&r), Vec::<String>::new());
    assert_eq!(r.hunks[0].verdict, Verdict::Verified);
}

#[test]
fn python_self_methods_keywords_and_class_calls() {
    let p = py_project();
    let r = p.check_files(&[(
        "pkg/extra.py",
        "class Cache:\n    def __init__(self, size):\n        self.size = size\n\n    def lookup(self, key, *, fresh=False):\n        return self.fetch_entry(key)\n\n    def again(self, key):\n        self.lookup(key, 2)\n        return self.lookup(key, fresh=True, stale=1)\n\n\ndef build():\n    c = Cache(1, 2)\n    return Cache.lookup(c, 'k')\n",
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "unknown-symbol pkg/extra.py:6 class 'Cache' has no attribute 'fetch_entry'",
            "arity-mismatch pkg/extra.py:9 'lookup' takes at most 1 positional argument(s) but 2 were given",
            "unknown-keyword pkg/extra.py:10 'lookup' has no parameter 'stale'",
            "arity-mismatch pkg/extra.py:14 'Cache' takes at most 1 positional argument(s) but 2 were given",
        ]
    );
}

#[test]
fn python_dynamic_and_guarded_code_is_not_reported() {
    let p = py_project();
    let r = p.check_files(&[(
        "pkg/dyn.py",
        "try:\n    import ujson as json\nexcept ImportError:\n    import json\nfrom os.path import *\n\n\nclass Base(json.JSONDecoder):\n    def go(self):\n        return self.whatever()\n\n\ndef f(x):\n    a, b = x\n    return join(a, b), x.anything(), getattr(x, 'y')\n",
    )]);
    assert_eq!(summary(&r), Vec::<String>::new());
}

const LIB_RS: &str = "pub mod util;\n\npub struct Parser {\n    pos: usize,\n}\n\nimpl Parser {\n    pub fn new(pos: usize) -> Self {\n        Parser { pos }\n    }\n    pub fn advance(&mut self, by: usize) -> usize {\n        self.pos += by;\n        Self::clamp(self.pos)\n    }\n    fn clamp(n: usize) -> usize {\n        n.min(10)\n    }\n}\n";
const UTIL_RS: &str = "pub fn helper(a: u32, b: u32) -> u32 {\n    a + b\n}\n";

#[test]
fn rust_paths_std_project_and_arity() {
    let p = Proj::new(&[
        (
            "Cargo.toml",
            "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nserde = \"1\"\n",
        ),
        ("src/lib.rs", LIB_RS),
        ("src/util.rs", UTIL_RS),
    ]);
    let r = p.check_files(&[(
        "src/run.rs",
        "use std::collections::HashMapp;\nuse crate::util::helper;\nuse rand::Rng;\n\npub fn run() -> u32 {\n    let mut p = crate::Parser::new(1);\n    p.advance(2);\n    std::mem::swapp(&mut 1, &mut 2);\n    let v: Vec<u32> = Vec::new();\n    helper(1);\n    crate::util::helpr(1, 2);\n    Parser::reset_all();\n    let c = |z: u32| z + 1;\n    c(3) + missing_fn(2) + helper(1, 2)\n}\n",
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "unknown-import src/run.rs:1 unresolved import: 'std::collections' has no item 'HashMapp'",
            "undeclared-package src/run.rs:3 crate 'rand' is not declared in Cargo.toml and is not a module of this crate",
            "unknown-symbol src/run.rs:8 'swapp' does not exist in 'std::mem'",
            "arity-mismatch src/run.rs:10 'helper' takes 2 argument(s) but 1 were supplied",
            "unknown-symbol src/run.rs:11 cannot find 'helpr' in 'crate::util'",
            "unknown-symbol src/run.rs:12 no function or associated item named 'reset_all' found for 'Parser'",
            "unknown-symbol src/run.rs:14 cannot find function 'missing_fn' in this scope",
        ]
    );
    let helpr = &r.findings[4];
    assert_eq!(helpr.candidates[0].name, "helper");
}

#[test]
fn rust_unmodified_code_is_clean() {
    let p = Proj::new(&[
        (
            "Cargo.toml",
            "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
        ),
        ("src/lib.rs", LIB_RS),
        ("src/util.rs", UTIL_RS),
    ]);
    let r = p
        .check(&input::from_files(p.root(), &["src/lib.rs".into(), "src/util.rs".into()]).unwrap());
    assert_eq!(summary(&r), Vec::<String>::new());
    assert!(r.hunks.iter().all(|h| h.verdict == Verdict::Verified));
}

#[test]
fn javascript_and_typescript_imports() {
    let p = Proj::new(&[
        (
            "package.json",
            "{\"name\": \"web\", \"dependencies\": {\"react\": \"^18.0.0\"}}\n",
        ),
        (
            "src/util.ts",
            "export function formatDate(d: Date): string {\n  return d.toISOString();\n}\nexport const VERSION = 1;\n",
        ),
        ("src/app.js", "import React from 'react';\n"),
    ]);
    let r = p.check_files(&[(
        "src/main.ts",
        "import { formatDate, parseDate } from './util';\nimport { x } from './nothere';\nimport fs from 'node:fs';\nimport path from 'path';\nimport React from 'react';\nimport leftPad from 'left-padd';\nimport './styles.css';\n\nexport function go(): string {\n  return formatDate(new Date()) + fs + path + React + leftPad + x + parseDate;\n}\n",
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "unknown-import src/main.ts:1 module './util' has no export 'parseDate'",
            "unknown-import src/main.ts:2 cannot find module './nothere'",
            "undeclared-package src/main.ts:6 package 'left-padd' is not declared in package.json (and not installed)",
        ]
    );
}

#[test]
fn vendored_and_generated_files_are_skipped_not_judged() {
    // Yarn commits its own release (`.yarn/releases/yarn-4.1.0.cjs`); a
    // minified build sits beside the sources. Neither is the project's code.
    let p = Proj::new(&[("package.json", "{\"name\": \"web\"}\n")]);
    let bad = "const x = require('left-padd');\nmodule.exports = x;\n";
    let gwt = format!("{}\n{bad}", "var a=1;".repeat(60));
    let r = p.check_files(&[
        (".yarn/releases/yarn-4.1.0.cjs", bad),
        ("dist/app.min.js", bad),
        ("perf/lib/bigdecimal.js", &gwt),
        ("src/app.js", bad),
    ]);
    assert_eq!(
        summary(&r),
        vec![
            "undeclared-package src/app.js:1 package 'left-padd' is not declared in package.json (and not installed)"
        ]
    );
    let skipped: Vec<(&str, &str)> = r
        .skipped
        .iter()
        .map(|s| (s.file.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(
        skipped,
        vec![
            (".yarn/releases/yarn-4.1.0.cjs", "vendored directory"),
            ("dist/app.min.js", "generated file"),
            ("perf/lib/bigdecimal.js", "generated file"),
        ]
    );
    // So in a diff.
    let diff =
        "--- /dev/null\n+++ b/node_modules/pad/index.js\n@@ -0,0 +1,1 @@\n+require('left-padd');\n";
    let r = p.diff(diff);
    assert!(r.findings.is_empty());
    assert_eq!(r.skipped.len(), 1);
    assert_eq!(r.skipped[0].reason, "vendored directory");
}

#[test]
fn go_std_imports_and_members() {
    let p = Proj::new(&[("go.mod", "module example.com/demo\n\ngo 1.21\n")]);
    let r = p.check_files(&[(
        "main.go",
        "package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n\t\"nett/http\"\n\t\"example.com/demo/internal\"\n)\n\nfunc main() {\n\tfmt.Println(strings.ToUpper(\"x\"))\n\tfmt.Printline(\"y\")\n\tinternal.Run()\n}\n",
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "unknown-import main.go:6 package 'nett/http' is not in the Go standard library",
            "unknown-import main.go:7 package 'example.com/demo/internal' does not exist in module example.com/demo",
            "unknown-symbol main.go:12 undefined: fmt.Printline",
        ]
    );
}

#[test]
fn c_includes() {
    let p = Proj::new(&[
        ("include/util.h", "int util(int a);\n"),
        (
            "src/util.c",
            "#include \"util.h\"\nint util(int a) { return a; }\n",
        ),
    ]);
    let r = p.check_files(&[("src/main.c", "#include <stdio.h>\n#include \"util.h\"\n#include \"missing.h\"\nint main(void) { return util(1); }\n")]);
    assert_eq!(
        summary(&r),
        vec!["unknown-import src/main.c:3 included file 'missing.h' does not exist in the project"]
    );
}

#[test]
fn deleted_and_renamed_files_leave_the_project() {
    let p = py_project();
    // util.py is deleted by the change, so importing from it is an error.
    let r = p.diff(
        "diff --git a/pkg/util.py b/pkg/util.py\ndeleted file mode 100644\n--- a/pkg/util.py\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-import os\n-\n--- a/pkg/main.py\n+++ b/pkg/main.py\n@@ -1,1 +1,2 @@\n from pkg.util import load_config, Store\n+from pkg.util import Store as S2\n",
    );
    assert_eq!(
        summary(&r),
        vec!["unknown-import pkg/main.py:2 module 'pkg.util' does not exist"]
    );
}

#[test]
fn rust_toolchain_crates_need_no_manifest_entry() {
    let p = Proj::new(&[
        (
            "Cargo.toml",
            "[package]\nname = \"derive_demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[lib]\nproc-macro = true\n",
        ),
        ("src/lib.rs", "pub fn id(x: u32) -> u32 {\n    x\n}\n"),
    ]);
    let r = p.check_files(&[(
        "src/derive.rs",
        "use proc_macro::TokenStream;\nuse randd::Rng;\n\npub fn passthrough(input: TokenStream) -> TokenStream {\n    input\n}\n",
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "undeclared-package src/derive.rs:2 crate 'randd' is not declared in Cargo.toml and is not a module of this crate"
                .to_string()
        ]
    );
}

#[test]
fn javascript_and_typescript_bare_calls_and_arity() {
    let p = Proj::new(&[
        ("package.json", "{\"name\": \"web\"}\n"),
        (
            "src/util.ts",
            "export function formatDate(d: Date, sep?: string): string {\n  return d.toISOString() + (sep ?? '');\n}\n",
        ),
    ]);
    let r = p.check_files(&[(
        "src/main.ts",
        "import { formatDate } from './util';\n\nfunction local(a: number, b: number): number {\n  return a + b;\n}\n\nexport function go(items: number[]): string {\n  const total = local(1, 2) + local(1);\n  const parsed = parseInt('3', 10) + Math.max(1, 2);\n  setTimeout(() => console.log(total), 10);\n  const fn = (x: number) => x * 2;\n  fn(parsed);\n  items.forEach((i) => fetchItem(i));\n  return formatDate(new Date(), '-', 'extra') + formatDate(new Date());\n}\n",
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "arity-mismatch src/main.ts:8 'local' needs at least 2 argument(s) but 1 were given",
            "unknown-symbol src/main.ts:13 'fetchItem' is not defined",
            "arity-mismatch src/main.ts:14 'formatDate' takes at most 2 argument(s) but 3 were given",
        ]
    );
    // A plain script (no import/export) may use globals from other scripts.
    let r = p.check_files(&[("src/legacy.js", "function init() {\n  fetchItem(1);\n}\n")]);
    assert_eq!(summary(&r), Vec::<String>::new());
}

#[test]
fn python_packages_the_lockfile_installs_are_not_undeclared() {
    let p = Proj::new(&[
        (
            "pyproject.toml",
            "[project]\nname = \"app\"\nversion = \"1\"\ndependencies = [\"sphinx\"]\n",
        ),
        (
            "uv.lock",
            "version = 1\n\n[[package]]\nname = \"sphinx\"\nversion = \"8.1.3\"\n\n[[package]]\nname = \"docutils-plus-xyz\"\nversion = \"0.21.2\"\n",
        ),
        ("app/__init__.py", ""),
    ]);
    let r = p.check_files(&[(
        "app/conf.py",
        "import docutils_plus_xyz\nimport docutilz_plus_xyz\n",
    )]);
    // docutils-plus-xyz comes with sphinx (the lock says so); the near miss
    // is in no manifest and no lock.
    assert_eq!(
        summary(&r)
            .into_iter()
            .filter(|s| !s.starts_with("unverifiable"))
            .collect::<Vec<_>>(),
        vec![
            "undeclared-package app/conf.py:2 package 'docutilz_plus_xyz' is not declared, not installed, and not part of the project or the standard library"
        ]
    );
}

#[test]
fn python_installed_packages_at_another_version_than_locked_are_not_judged() {
    let p = Proj::new(&[
        (
            "pyproject.toml",
            "[project]\nname = \"app\"\nversion = \"1\"\ndependencies = [\"clicky\"]\n",
        ),
        (
            "uv.lock",
            "version = 1\n\n[[package]]\nname = \"clicky\"\nversion = \"8.1.0\"\n",
        ),
        ("app/__init__.py", ""),
    ]);
    let site = p.root().join(".site");
    project::write_all(
        &site,
        &[
            ("clicky/__init__.py", "def run(a):\n    return a\n"),
            ("clicky-8.4.0.dist-info/top_level.txt", "clicky\n"),
        ],
    );
    let files = [(
        "app/main.py",
        "import clicky\n\nclicky.run(1, mix=2)\nclicky.gone()\n",
    )];
    project::write_all(p.root(), &files);
    let input = input::from_files(p.root(), &["app/main.py".to_string()]).unwrap();
    // 8.4.0 is installed, the project locks 8.1.0: its members are not the
    // project's, so nothing is judged against them.
    let r = p.check_with_site_packages(&input, vec![site.clone()]);
    assert_eq!(summary(&r), Vec::<String>::new());
    // At the locked version they are.
    std::fs::rename(
        site.join("clicky-8.4.0.dist-info"),
        site.join("clicky-8.1.0.dist-info"),
    )
    .unwrap();
    let r = p.check_with_site_packages(&input, vec![site]);
    assert_eq!(
        summary(&r),
        vec!["unknown-symbol app/main.py:4 module 'clicky' has no attribute 'gone'"]
    );
}

//! `plumb check` on Rust code that reaches into dependency sources, with a
//! cargo registry laid out in a temporary `CARGO_HOME`: aliases of a
//! dependency's types and derives from installed crates.

mod common;
use common::*;

/// A cargo home holding `crates` (name-version, `[dependencies]` lines,
/// `src/lib.rs` text) as the registry unpacks them.
fn cargo_home(crates: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    for (dir, deps, lib) in crates {
        let root = home
            .path()
            .join("registry/src/index.crates.io-test")
            .join(dir);
        std::fs::create_dir_all(root.join("src")).unwrap();
        let name = dir.rsplit_once('-').unwrap().0;
        std::fs::write(
            root.join("Cargo.toml"),
            format!("[package]\nname = \"{name}\"\nversion = \"1.0.0\"\n\n[dependencies]\n{deps}"),
        )
        .unwrap();
        std::fs::write(root.join("src/lib.rs"), lib).unwrap();
    }
    home
}

fn findings(r: &Repo, home: &std::path::Path, file: &str) -> Vec<String> {
    let out = std::process::Command::new(bin())
        .args(["check", "--format", "json", "--files", file])
        .current_dir(r.path())
        .env("CARGO_HOME", home)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    let mut got: Vec<String> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {}:{} {}",
                f["kind"].as_str().unwrap(),
                f["file"].as_str().unwrap(),
                f["line"],
                f["message"].as_str().unwrap()
            )
        })
        .collect();
    got.sort();
    got
}

const MANIFEST: &str = "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nlockdep = \"1\"\nderivedep = \"1\"\n";

#[test]
fn aliases_of_dependency_types_and_installed_derives() {
    let home = cargo_home(&[
        (
            "lockdep-1.0.0",
            "",
            "#[macro_export]\nmacro_rules! lock_it {\n    () => {};\n}\n\npub struct Mutex<T>(T);\n\nimpl<T> Mutex<T> {\n    pub fn new(t: T) -> Self {\n        Mutex(t)\n    }\n}\n",
        ),
        (
            "derivedep-1.0.0",
            "",
            "pub fn expand_getters(input: &str) -> String {\n    input.to_string()\n}\n",
        ),
    ]);
    let lib = "pub type Mutex<T> = lockdep::Mutex<T>;\n\n#[derive(Debug, derivedep::Getters)]\npub struct Point {\n    x: i32,\n}\n\nimpl Point {\n    pub fn go(&self) -> i32 {\n        self.get_x() + self.x_mut() + self.norm()\n    }\n}\n\npub fn f() {\n    let _m = Mutex::new(1);\n    let _n = Mutex::neww(2);\n    lockdep::lock_it!();\n    lockdep::lock_itt!();\n    crate::local!();\n    crate::locall!();\n}\n\n#[macro_export]\nmacro_rules! local {\n    () => {};\n}\n";
    let r = Repo::git(&[("Cargo.toml", MANIFEST), ("src/lib.rs", lib)]);
    assert_eq!(r.plumb(&["index"]).status.code(), Some(0));
    // The derive's crate spells neither `norm` nor `neww`; accessors made
    // from the field (`get_x`, `x_mut`) may be the derive's. Macro paths
    // into the dependency and the crate root are checked too.
    assert_eq!(
        findings(&r, home.path(), "src/lib.rs"),
        vec![
            "unknown-symbol src/lib.rs:10 no method named 'norm' found for 'Point'".to_string(),
            "unknown-symbol src/lib.rs:16 no method named 'neww' found for 'Mutex' of crate 'lockdep'".to_string(),
            "unknown-symbol src/lib.rs:18 cannot find macro 'lock_itt!' in crate 'lockdep'".to_string(),
            "unknown-symbol src/lib.rs:20 cannot find macro 'locall!' in the crate root".to_string(),
        ]
    );
}

#[test]
fn extension_traits_a_dependency_reexports_from_its_own() {
    let home = cargo_home(&[
        (
            "objdep-1.0.0",
            "bytesdep = \"1\"\n",
            "pub use bytesdep;\n\npub struct Object;\n",
        ),
        (
            "bytesdep-1.0.0",
            "",
            "pub trait ByteSlice {\n    fn find_byte(&self, b: u8) -> Option<usize>;\n}\n",
        ),
    ]);
    let manifest = "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nobjdep = \"1\"\n";
    let lib = "use objdep::bytesdep::ByteSlice;\n\npub fn first_nul(xs: &[u8]) -> Option<usize> {\n    xs.find_byte(0).or(xs.find_bytes(0))\n}\n";
    let r = Repo::git(&[("Cargo.toml", manifest), ("src/lib.rs", lib)]);
    assert_eq!(r.plumb(&["index"]).status.code(), Some(0));
    // `ByteSlice` is `bytesdep`'s, re-exported by `objdep`: it adds
    // `find_byte`, which `bytesdep` spells, and nothing named `find_bytes`.
    assert_eq!(
        findings(&r, home.path(), "src/lib.rs"),
        vec!["unknown-symbol src/lib.rs:4 no function or associated item named 'find_bytes' found for '[T]'".to_string()]
    );
}

#[test]
fn trace_of_skips_names_each_reference_and_where_it_was_left() {
    let lib = "pub fn f(v: impl Fn() -> u8) -> u8 {\n    let w = (v)();\n    w.count_ones() as u8 + helper()\n}\n\nfn helper() -> u8 {\n    1\n}\n";
    let r = Repo::git(&[("Cargo.toml", MANIFEST), ("src/lib.rs", lib)]);
    assert_eq!(r.plumb(&["index"]).status.code(), Some(0));
    let run = |trace: bool| {
        let mut cmd = std::process::Command::new(bin());
        cmd.args(["check", "--format", "json", "--files", "src/lib.rs"])
            .current_dir(r.path());
        if trace {
            cmd.env("PLUMB_TRACE_SKIPS", "1");
        } else {
            cmd.env_remove("PLUMB_TRACE_SKIPS");
        }
        String::from_utf8(cmd.output().unwrap().stderr).unwrap()
    };
    let traced = run(true);
    // `w.count_ones()`: `w`'s type is not written, so the call is left unchecked.
    let at = traced
        .find("plumb: reference 'count_ones' at line 3")
        .unwrap_or_else(|| panic!("{traced}"));
    let next = traced[at..].lines().nth(1).unwrap_or("");
    assert!(
        next.starts_with("plumb: skipped at crates/check/src/resolve/rust/"),
        "{traced}"
    );
    assert!(
        traced.contains("plumb: reference 'helper' at line 3"),
        "{traced}"
    );
    assert!(!run(false).contains("plumb: "));
}

mod common;

use common::*;
use plumb_facts::Ecosystem;
use plumb_manifest::{cargo_crate_import_name, is_manifest_file, read_manifests};

#[test]
fn cargo_workspace_members_inherit_and_lock() {
    let (m, errors) = read_manifests(&load("cargo-ws"));
    assert!(errors.is_empty(), "{errors:?}");
    let app = "crates/app/Cargo.toml";
    assert_eq!(
        summary(&m, app),
        vec![
            row("acme-util", Some("0.3.0"), "normal", Some("0.3.0"), None),
            row("anyhow", Some("1"), "normal", Some("1.0.86"), None),
            row("cc", Some("1.0"), "build", Some("1.0.99"), None),
            row("clap", Some("4.5"), "optional", Some("4.5.4"), None),
            row(
                "futures",
                Some("0.3"),
                "optional",
                Some("0.3.30"),
                Some("futures03")
            ),
            row("libc", Some("0.2"), "dev", Some("0.2.155"), None),
            row("rand_core", Some("0.6"), "normal", Some("0.6.4"), None),
            row("regex", Some("1.10"), "normal", Some("1.10.5"), None),
            row("serde", Some("1.0.203"), "normal", Some("1.0.203"), None),
            row("syn", Some("2"), "build", Some("2.0.66"), None),
            row("syn", Some("1"), "normal", Some("1.0.109"), Some("syn1")),
            row("tempfile", Some("3"), "dev", Some("3.10.1"), None),
            row("windows-sys", Some("0.52"), "normal", Some("0.52.0"), None),
        ]
    );
    assert_eq!(
        summary(&m, "crates/util/Cargo.toml"),
        vec![
            row("log", Some("0.4"), "normal", Some("0.4.21"), None),
            row("serde", Some("1.0.203"), "normal", Some("1.0.203"), None),
        ]
    );
    assert_eq!(
        summary(&m, "Cargo.toml"),
        vec![
            row("anyhow", Some("1"), "workspace", Some("1.0.86"), None),
            row(
                "futures",
                Some("0.3"),
                "workspace",
                Some("0.3.30"),
                Some("futures03")
            ),
            row("log", Some("0.4"), "workspace", Some("0.4.21"), None),
            row("serde", Some("1.0.203"), "workspace", Some("1.0.203"), None),
        ]
    );
    assert_eq!(
        m.own_packages,
        vec![
            (Ecosystem::Cargo, "acme-app".to_string(), app.to_string()),
            (
                Ecosystem::Cargo,
                "acme-util".to_string(),
                "crates/util/Cargo.toml".to_string()
            ),
        ]
    );
    let locked: Vec<String> = m
        .locked
        .iter()
        .map(|(_, n, v)| format!("{n}@{v}"))
        .collect();
    assert_eq!(
        locked,
        [
            "aho-corasick@1.1.3",
            "cfg-if@1.0.0",
            "clap_builder@4.5.2",
            "fastrand@2.1.0",
            "futures-core@0.3.30",
            "memchr@2.7.4",
            "proc-macro2@1.0.85",
            "quote@1.0.36",
            "regex-syntax@0.8.4",
            "serde_derive@1.0.203",
            "unicode-ident@1.0.12",
            "windows-targets@0.52.5",
        ]
    );
    assert_eq!(
        m.files,
        [
            "Cargo.lock",
            "Cargo.toml",
            "crates/app/Cargo.toml",
            "crates/util/Cargo.toml"
        ]
    );
}

#[test]
fn workspace_nested_under_a_directory_finds_its_own_lock() {
    let (m, errors) = read_manifests(&load_under("cargo-ws", "rust/"));
    assert!(errors.is_empty(), "{errors:?}");
    let d = find(
        &m,
        Ecosystem::Cargo,
        "regex",
        "rust/crates/app/Cargo.toml",
        "normal",
    );
    assert_eq!(d.locked_version.as_deref(), Some("1.10.5"));
    let d = find(
        &m,
        Ecosystem::Cargo,
        "log",
        "rust/crates/util/Cargo.toml",
        "normal",
    );
    assert_eq!(d.requirement.as_deref(), Some("0.4"));
}

#[test]
fn without_a_lockfile_nothing_is_locked() {
    let files: Vec<_> = load("cargo-ws")
        .into_iter()
        .filter(|(p, _)| p != "Cargo.lock")
        .collect();
    let (m, errors) = read_manifests(&files);
    assert!(errors.is_empty());
    assert!(m.dependencies.iter().all(|d| d.locked_version.is_none()));
    assert!(m.locked.is_empty());
    // Inheritance does not need the lockfile.
    let d = find(
        &m,
        Ecosystem::Cargo,
        "futures",
        "crates/app/Cargo.toml",
        "optional",
    );
    assert_eq!(d.rename.as_deref(), Some("futures03"));
}

#[test]
fn names_and_file_kinds() {
    assert_eq!(cargo_crate_import_name("serde-json"), "serde_json");
    assert_eq!(cargo_crate_import_name("tokio"), "tokio");
    for yes in [
        "Cargo.toml",
        "crates/a/Cargo.lock",
        "pyproject.toml",
        "requirements.txt",
        "requirements-dev.txt",
        "requirements/prod.txt",
        "test-requirements.txt",
        "setup.cfg",
        "setup.py",
        "uv.lock",
        "poetry.lock",
        "Pipfile",
        "web/package.json",
        "package-lock.json",
        "pnpm-lock.yaml",
        "yarn.lock",
        "go.mod",
        "go.sum",
        "pom.xml",
        "app/build.gradle",
        "build.gradle.kts",
        "gradle/libs.versions.toml",
    ] {
        assert!(is_manifest_file(yes), "{yes}");
    }
    for no in [
        "src/Cargo.rs",
        "node_modules/react/package.json",
        ".venv/lib/python3.12/site-packages/foo/pyproject.toml",
        "requirements.md",
        "docs/notes.txt",
        "settings.gradle",
        "package.json.bak",
        "Pipfile.lock",
        "libs.versions.toml",
    ] {
        assert!(!is_manifest_file(no), "{no}");
    }
}

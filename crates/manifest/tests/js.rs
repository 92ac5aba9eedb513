mod common;

use common::*;
use plumb_facts::Ecosystem;
use plumb_manifest::read_manifests;

#[test]
fn npm_workspaces_with_package_lock_v3() {
    let (m, errors) = read_manifests(&load("npm-ws"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        summary(&m, "package.json"),
        vec![
            row("eslint", Some("^8.57.0"), "dev", Some("8.57.0"), None),
            row("typescript", Some("^5.4.5"), "dev", Some("5.4.5"), None),
        ]
    );
    assert_eq!(
        summary(&m, "packages/web/package.json"),
        vec![
            row("@acme/shared", Some("*"), "normal", Some("0.1.0"), None),
            row("@types/react", Some("^18.3.3"), "dev", Some("18.3.3"), None),
            row("fsevents", Some("~2.3.3"), "optional", Some("2.3.3"), None),
            row("lodash", Some("^4.17.21"), "normal", Some("4.17.21"), None),
            row("react", Some("^18.3.1"), "normal", Some("18.3.1"), None),
            row("react-dom", Some("^18.0.0"), "peer", Some("18.3.1"), None),
            row(
                "string-width",
                Some("^4.2.0"),
                "normal",
                Some("4.2.3"),
                Some("string-width-cjs")
            ),
        ]
    );
    // The nested install wins over the hoisted one.
    assert_eq!(
        summary(&m, "packages/shared/package.json"),
        vec![row(
            "lodash",
            Some("^3.10.1"),
            "normal",
            Some("3.10.1"),
            None
        )]
    );
    let own: Vec<&str> = m.own_packages.iter().map(|(_, n, _)| n.as_str()).collect();
    assert_eq!(own, ["@acme/shared", "@acme/web", "acme-monorepo"]);
    let locked: Vec<String> = m
        .locked
        .iter()
        .map(|(_, n, v)| format!("{n}@{v}"))
        .collect();
    assert_eq!(
        locked,
        [
            "@types/prop-types@15.7.12",
            "csstype@3.1.3",
            "js-tokens@4.0.0",
            "loose-envify@1.4.0",
            "scheduler@0.23.2"
        ]
    );
}

#[test]
fn package_lock_v1() {
    let (m, errors) = read_manifests(&load("npm-v1"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        summary(&m, "package.json"),
        vec![
            row("express", Some("^4.17.1"), "normal", Some("4.17.1"), None),
            // The top-level entry, not express's nested copy.
            row("ms", Some("^2.1.1"), "normal", Some("2.1.3"), None),
        ]
    );
    let locked: Vec<String> = m
        .locked
        .iter()
        .map(|(_, n, v)| format!("{n}@{v}"))
        .collect();
    assert_eq!(locked, ["debug@2.6.9"]);
}

#[test]
fn pnpm_v9_importers() {
    let (m, errors) = read_manifests(&load("pnpm9"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        summary(&m, "package.json"),
        vec![
            row(
                "@tanstack/react-query",
                Some("^5.40.0"),
                "normal",
                Some("5.40.0"),
                None
            ),
            row("react", Some("^18.2.0"), "normal", Some("18.3.1"), None),
            row("typescript", Some("~5.4.5"), "dev", Some("5.4.5"), None),
            row("vite", Some("^5.2.0"), "dev", Some("5.2.13"), None),
        ]
    );
    // Each importer has its own resolution of react.
    assert_eq!(
        summary(&m, "packages/ui/package.json"),
        vec![
            row("clsx", Some("^2.1.1"), "normal", Some("2.1.1"), None),
            row("react", Some("^18.2.0"), "normal", Some("18.2.0"), None),
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
            "@tanstack/query-core@5.40.0",
            "@types/node@20.14.2",
            "js-tokens@4.0.0",
            "loose-envify@1.4.0"
        ]
    );
}

#[test]
fn pnpm_v6_single_project_with_alias() {
    let (m, errors) = read_manifests(&load("pnpm6"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        summary(&m, "package.json"),
        vec![
            row("express", Some("^4.19.2"), "normal", Some("4.19.2"), None),
            row("jest", Some("^29.7.0"), "dev", Some("29.7.0"), None),
            row(
                "string-width",
                Some("^4.2.0"),
                "normal",
                Some("4.2.3"),
                Some("string-width-cjs")
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
            "@types/node@20.14.2",
            "accepts@1.3.8",
            "undici-types@5.26.5"
        ]
    );
}

#[test]
fn yarn_v1_resolves_by_specifier() {
    let (m, errors) = read_manifests(&load("yarn1"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        summary(&m, "package.json"),
        vec![
            row("chalk", Some("^4.1.2"), "normal", Some("4.1.2"), None),
            row("left-pad", Some("1.3.0"), "normal", Some("1.3.0"), None),
            row("mocha", Some("^10.4.0"), "dev", Some("10.4.0"), None),
            // 7.2.0 is also locked (for chalk); the specifier picks 8.1.1.
            row(
                "supports-color",
                Some("^8.1.1"),
                "normal",
                Some("8.1.1"),
                None
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
            "ansi-styles@4.3.0",
            "color-convert@2.0.1",
            "color-name@1.1.4",
            "has-flag@4.0.0"
        ]
    );
}

#[test]
fn yarn_berry() {
    let (m, errors) = read_manifests(&load_under("yarn-berry", "frontend/"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        summary(&m, "frontend/package.json"),
        vec![
            row(
                "@babel/types",
                Some("^7.24.7"),
                "normal",
                Some("7.24.7"),
                None
            ),
            row("typescript", Some("^5.4.5"), "dev", Some("5.4.5"), None),
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
            "@babel/helper-string-parser@7.24.7",
            "@babel/helper-validator-identifier@7.24.7",
            "to-fast-properties@2.0.0"
        ]
    );
    assert_eq!(
        m.own_packages,
        vec![(
            Ecosystem::Npm,
            "berry-app".into(),
            "frontend/package.json".into()
        )]
    );
}

#[test]
fn pnpm_v5_specifiers_and_slash_keys() {
    let (m, errors) = read_manifests(&load("pnpm5"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        summary(&m, "packages/core/package.json"),
        vec![
            row("debug", Some("^4.3.3"), "normal", Some("4.3.3"), None),
            row(
                "ms",
                Some("^2.1.2"),
                "normal",
                Some("2.1.3"),
                Some("ms-alias")
            ),
            // Not in this importer: found from the root importer above it.
            row("rollup", Some("^2.0.0"), "peer", Some("2.62.0"), None),
        ]
    );
    let locked: Vec<String> = m
        .locked
        .iter()
        .map(|(_, n, v)| format!("{n}@{v}"))
        .collect();
    assert_eq!(locked, ["fsevents@2.3.2"]);
}

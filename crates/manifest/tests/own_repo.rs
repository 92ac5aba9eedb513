//! Reads this repository's own live Cargo.toml files and Cargo.lock. The
//! assertions hold for any state of the workspace that keeps its layout.

use std::path::Path;

use plumb_facts::Ecosystem;
use plumb_manifest::read_manifests;

#[test]
fn this_workspace() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for rel in ["Cargo.toml", "Cargo.lock"] {
        files.push((rel.to_string(), std::fs::read(root.join(rel)).unwrap()));
    }
    for e in std::fs::read_dir(root.join("crates")).unwrap() {
        let dir = e.unwrap().path();
        let toml = dir.join("Cargo.toml");
        if toml.exists() {
            let name = dir.file_name().unwrap().to_str().unwrap();
            files.push((
                format!("crates/{name}/Cargo.toml"),
                std::fs::read(toml).unwrap(),
            ));
        }
    }
    let (m, errors) = read_manifests(&files);
    assert!(errors.is_empty(), "{errors:?}");

    // Every member is an own package, with its manifest path.
    for own in ["plumb-facts", "plumb-manifest", "plumb-store", "plumb-cli"] {
        let dir = own.trim_start_matches("plumb-");
        assert!(
            m.own_packages.contains(&(
                Ecosystem::Cargo,
                own.to_string(),
                format!("crates/{dir}/Cargo.toml")
            )),
            "{own} missing from {:?}",
            m.own_packages
        );
    }
    // rusqlite is inherited from [workspace.dependencies] by plumb-store and
    // locked to exactly what Cargo.lock says.
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap();
    let lock: toml::Table = lock.parse().unwrap();
    let lock_version = lock["package"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"].as_str() == Some("rusqlite"))
        .and_then(|p| p["version"].as_str())
        .unwrap();
    let ws: toml::Table = std::fs::read_to_string(root.join("Cargo.toml"))
        .unwrap()
        .parse()
        .unwrap();
    let ws_req = ws["workspace"]["dependencies"]["rusqlite"]["version"]
        .as_str()
        .unwrap();
    let d = m
        .dependencies
        .iter()
        .find(|d| {
            d.name == "rusqlite" && d.manifest == "crates/store/Cargo.toml" && d.scope == "normal"
        })
        .expect("plumb-store declares rusqlite");
    assert_eq!(d.requirement.as_deref(), Some(ws_req));
    assert_eq!(d.locked_version.as_deref(), Some(lock_version));

    // Path dependencies between members resolve to the members' own versions.
    let d = m
        .dependencies
        .iter()
        .find(|d| d.name == "plumb-facts" && d.manifest == "crates/manifest/Cargo.toml")
        .unwrap();
    assert!(d.locked_version.is_some(), "{d:?}");
    // Members are never reported as transitive lock entries.
    assert!(!m.locked.iter().any(|(_, n, _)| n.starts_with("plumb-")));
    // Every locked entry is in Cargo.lock.
    for (_, n, v) in &m.locked {
        assert!(
            lock["package"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["name"].as_str() == Some(n) && p["version"].as_str() == Some(v)),
            "{n} {v}"
        );
    }
}

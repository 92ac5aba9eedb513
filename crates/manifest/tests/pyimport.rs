mod common;

use std::path::Path;

use plumb_manifest::{installed_python_top_levels, python_import_names};

#[test]
fn known_distribution_import_names() {
    assert_eq!(python_import_names("PyYAML"), ["yaml"]);
    assert_eq!(python_import_names("beautifulsoup4"), ["bs4"]);
    assert_eq!(python_import_names("Pillow"), ["PIL"]);
    assert_eq!(python_import_names("scikit_learn"), ["sklearn"]);
    assert_eq!(python_import_names("python-dateutil"), ["dateutil"]);
    assert_eq!(python_import_names("opencv-python"), ["cv2"]);
    assert_eq!(python_import_names("protobuf"), ["google.protobuf"]);
    // Otherwise the convention: normalised, hyphens to underscores.
    assert_eq!(
        python_import_names("typing-extensions"),
        ["typing_extensions"]
    );
    assert_eq!(python_import_names("Requests"), ["requests"]);
}

#[test]
fn top_levels_from_fixture_site_packages() {
    let tops = installed_python_top_levels(&common::fixture_dir("site-packages"));
    let v = |x: &[&str]| x.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        tops,
        vec![
            ("attrs".to_string(), v(&["attr", "attrs"])),
            ("beautifulsoup4".to_string(), v(&["bs4"])),
            ("protobuf".to_string(), v(&["google"])),
            ("pyyaml".to_string(), v(&["_yaml", "yaml"])),
            ("six".to_string(), v(&["six"])),
        ]
    );
    assert!(installed_python_top_levels(Path::new("/nonexistent/site-packages")).is_empty());
}

/// On a machine with a Debian Python, the real dist-packages agrees with
/// the table for PyYAML. Skipped where that directory does not exist.
#[test]
fn top_levels_from_a_real_installation() {
    let dir = Path::new("/usr/lib/python3/dist-packages");
    if !dir.is_dir() {
        return;
    }
    let tops = installed_python_top_levels(dir);
    assert!(!tops.is_empty());
    if let Some((_, modules)) = tops.iter().find(|(d, _)| d == "pyyaml") {
        assert!(modules.contains(&"yaml".to_string()), "{modules:?}");
    }
    for (dist, modules) in &tops {
        assert!(!modules.is_empty(), "{dist}");
        assert_eq!(dist, &plumb_manifest::normalize_python_name(dist));
    }
}

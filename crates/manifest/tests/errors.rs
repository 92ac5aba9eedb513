//! Malformed files: each gives a ManifestError naming the file (and line
//! where the format allows) while every other file's facts survive.

mod common;

use common::*;
use plumb_facts::Ecosystem;
use plumb_manifest::{ManifestError, read_manifests};

fn f(path: &str, text: &str) -> (String, Vec<u8>) {
    (path.to_string(), text.as_bytes().to_vec())
}

fn error_for<'a>(errors: &'a [ManifestError], file: &str) -> &'a ManifestError {
    errors
        .iter()
        .find(|e| e.file == file)
        .unwrap_or_else(|| panic!("no error for {file}: {errors:?}"))
}

#[test]
fn bad_files_report_lines_and_good_files_still_read() {
    let mut files = load_under("go", "svc/");
    files.extend(load_under("pnpm9", "web/"));
    files.extend([
        f("broken-rust/Cargo.toml", "[package]\nname = \"x\"\n[dependencies\nserde = \"1\"\n"),
        f("broken-js/package.json", "{\n  \"name\": \"x\",\n  \"dependencies\": {\"a\": \"1\",}\n}\n"),
        f(
            "broken-go/go.mod",
            "module example.com/broken\n\ngo 1.22\n\nrequire github.com/pkg/errors\nrequire github.com/ok/mod v1.0.0\n",
        ),
        f(
            "broken-yarn/yarn.lock",
            "# yarn lockfile v1\n\n\nleft-pad@^1.3.0:\n  version \"1.3.0\"\n\nthis is not a header\n",
        ),
        f(
            "broken-pnpm/pnpm-lock.yaml",
            "lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n      'react:\n        specifier: ^18\n",
        ),
        f(
            "broken-pom/pom.xml",
            "<project>\n  <groupId>g</groupId>\n  <artifactId>a</artifactId>\n  <dependencies>\n    <dependency>\n      <groupId>x</groupId>\n      <artifactId>y</version>\n    </dependency>\n  </dependencies>\n</project>\n",
        ),
        f("broken-py/requirements.txt", "requests>=2\n=== nonsense\nflask\n"),
        f("broken-uv/uv.lock", "version = 1\n[[package]]\nname = \"x\"\nversion = \n"),
        f("broken-cfg/setup.cfg", "[options]\ninstall_requires =\n    click\njust words here\n"),
    ]);
    let (m, errors) = read_manifests(&files);

    let e = error_for(&errors, "broken-rust/Cargo.toml");
    assert_eq!(e.line, Some(3), "{e:?}");
    let e = error_for(&errors, "broken-js/package.json");
    assert_eq!(e.line, Some(3), "{e:?}");
    let e = error_for(&errors, "broken-go/go.mod");
    assert_eq!(e.line, Some(5), "{e:?}");
    assert!(e.message.contains("require"), "{e:?}");
    let e = error_for(&errors, "broken-yarn/yarn.lock");
    assert_eq!(e.line, Some(7), "{e:?}");
    let e = error_for(&errors, "broken-pnpm/pnpm-lock.yaml");
    assert_eq!(e.line, Some(7), "{e:?}");
    let e = error_for(&errors, "broken-pom/pom.xml");
    assert_eq!(e.line, Some(7), "{e:?}");
    let e = error_for(&errors, "broken-py/requirements.txt");
    assert_eq!(e.line, Some(2), "{e:?}");
    let e = error_for(&errors, "broken-uv/uv.lock");
    assert_eq!(e.line, Some(4), "{e:?}");
    let e = error_for(&errors, "broken-cfg/setup.cfg");
    assert_eq!(e.line, Some(4), "{e:?}");
    assert_eq!(errors.len(), 9, "{errors:#?}");

    // Partial facts from the line-oriented formats survive their bad lines.
    let names = |manifest: &str| -> Vec<String> {
        summary(&m, manifest).into_iter().map(|r| r.0).collect()
    };
    assert_eq!(names("broken-go/go.mod"), ["github.com/ok/mod"]);
    assert_eq!(names("broken-py/requirements.txt"), ["flask", "requests"]);
    assert_eq!(names("broken-cfg/setup.cfg"), ["click"]);
    // The whole-document formats lose only themselves.
    assert!(names("broken-rust/Cargo.toml").is_empty());
    assert!(!m.files.contains(&"broken-rust/Cargo.toml".to_string()));
    assert!(!m.files.contains(&"broken-js/package.json".to_string()));

    // The good projects are complete.
    let d = find(
        &m,
        Ecosystem::Go,
        "github.com/spf13/cobra",
        "svc/go.mod",
        "normal",
    );
    assert_eq!(d.locked_version.as_deref(), Some("v1.8.1"));
    let d = find(&m, Ecosystem::Npm, "vite", "web/package.json", "dev");
    assert_eq!(d.locked_version.as_deref(), Some("5.2.13"));
}

#[test]
fn invalid_utf8_is_reported_and_the_rest_read() {
    let mut bytes = b"# caf".to_vec();
    bytes.extend([0xe9, b'\n']);
    bytes.extend(b"requests==2.32.3\nhttpx>=0.27\n");
    let (m, errors) = read_manifests(&[("requirements.txt".to_string(), bytes)]);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].line, Some(1));
    let names: Vec<&str> = m.dependencies.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["httpx", "requests"]);
}

#[test]
fn unknown_and_empty_inputs() {
    let (m, errors) = read_manifests(&[
        ("README.md".to_string(), b"# hi".to_vec()),
        (
            "node_modules/x/package.json".to_string(),
            b"{\"name\":\"x\"}".to_vec(),
        ),
        ("go.sum".to_string(), Vec::new()),
        ("Cargo.lock".to_string(), Vec::new()),
    ]);
    assert!(errors.is_empty(), "{errors:?}");
    assert!(m.dependencies.is_empty() && m.own_packages.is_empty() && m.locked.is_empty());
    assert_eq!(m.files, ["Cargo.lock", "go.sum"]);
}

/// Every fixture cut at many points (including inside multi-byte
/// characters) and with bytes flipped: never a panic, and errors always
/// name a file that was given.
#[test]
fn truncated_and_corrupted_inputs_never_panic() {
    let mut all = Vec::new();
    for dir in [
        "cargo-ws",
        "python-uv",
        "python-poetry",
        "python-req",
        "python-setup",
        "python-pipenv",
        "npm-ws",
        "npm-v1",
        "pnpm9",
        "pnpm6",
        "pnpm5",
        "yarn1",
        "yarn-berry",
        "go",
        "maven",
        "maven-multi",
        "gradle-kts",
        "gradle-groovy",
    ] {
        all.extend(load_under(dir, &format!("{dir}/")));
    }
    let mut cases = 0;
    for (path, bytes) in &all {
        let mut variants: Vec<Vec<u8>> = Vec::new();
        let step = (bytes.len() / 23).max(1);
        for cut in (0..bytes.len()).step_by(step) {
            variants.push(bytes[..cut].to_vec());
            let mut flipped = bytes.clone();
            flipped[cut] = [b'"', b'\'', b'\n', b'<', b'[', b'{', 0xC3, b'\t'][cut % 8];
            variants.push(flipped);
        }
        let mut multibyte = "é€".as_bytes().to_vec();
        multibyte.extend(bytes);
        variants.push(multibyte);
        for v in variants {
            let (_, errors) = read_manifests(&[(path.clone(), v)]);
            assert!(errors.iter().all(|e| &e.file == path));
            cases += 1;
        }
    }
    assert!(cases > 1000, "{cases}");
}

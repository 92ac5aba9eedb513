//! End-to-end `plumb check` on temporary git repositories: every input mode
//! (working tree, --diff with and without prefixes, --rev, --files), the
//! exit codes, the bad inputs of the spec, and SARIF validated against the
//! official schema.

mod common;
use common::*;

const UTIL: &str = "def load_config(path, strict=False):\n    return open(path).read()\n\n\ndef save_config(path, text):\n    open(path, 'w').write(text)\n";
const MAIN: &str =
    "from util import load_config\n\n\ndef run(path):\n    return load_config(path)\n";

fn repo() -> Repo {
    let r = Repo::git(&[("util.py", UTIL), ("main.py", MAIN)]);
    assert_eq!(r.plumb(&["index"]).status.code(), Some(0));
    r
}

fn kinds(v: &serde_json::Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{}:{}:{}",
                f["kind"].as_str().unwrap(),
                f["file"].as_str().unwrap(),
                f["line"]
            )
        })
        .collect()
}

fn check_json(r: &Repo, args: &[&str], code: i32) -> serde_json::Value {
    let mut full = vec!["check", "--format", "json"];
    full.extend_from_slice(args);
    let out = r.plumb(&full);
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout: {}\nstderr: {}",
        stdout(&out),
        stderr(&out)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

const BAD_DIFF: &str = "--- a/main.py\n+++ b/main.py\n@@ -3,3 +3,4 @@ from util import load_config\n \n def run(path):\n-    return load_config(path)\n+    cfg = fetch_config(path)\n+    return load_config(path, 1, 2)\n";

#[test]
fn worktree_against_head_is_the_default() {
    let r = repo();
    assert_eq!(kinds(&check_json(&r, &[], 0)), Vec::<String>::new());
    r.write(
        "main.py",
        &MAIN.replace(
            "    return load_config(path)\n",
            "    return lod_config(path)\n",
        ),
    );
    r.write("new.py", "import json\n\njson.loadz('1')\n");
    let v = check_json(&r, &[], 1);
    assert_eq!(
        kinds(&v),
        vec!["unknown-symbol:main.py:5", "unknown-symbol:new.py:3"]
    );
    assert_eq!(v["findings"][0]["candidates"][0]["name"], "load_config");
    // Nothing was written to the working tree.
    assert!(
        std::fs::read_to_string(r.path().join("main.py"))
            .unwrap()
            .contains("lod_config")
    );
}

#[test]
fn diff_file_stdin_and_prefixes() {
    let r = repo();
    r.write("change.diff", BAD_DIFF);
    let v = check_json(&r, &["--diff", "change.diff"], 1);
    assert_eq!(
        kinds(&v),
        vec!["unknown-symbol:main.py:5", "arity-mismatch:main.py:6"]
    );
    assert_eq!(v["hunks"][0]["verdict"], "suspect");
    // Without a/ b/ prefixes, from stdin.
    let bare = BAD_DIFF
        .replace("a/main.py", "main.py")
        .replace("b/main.py", "main.py");
    let mut child = std::process::Command::new(bin())
        .args(["check", "--format", "json", "--diff", "-"])
        .current_dir(r.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(bare.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v2: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(kinds(&v2), kinds(&v));
    // The file on disk is untouched.
    assert_eq!(
        std::fs::read_to_string(r.path().join("main.py")).unwrap(),
        MAIN
    );
}

#[test]
fn text_output_and_min_confidence() {
    let r = repo();
    r.write("change.diff", BAD_DIFF);
    let out = r.plumb(&["check", "--diff", "change.diff"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("error[unknown-symbol]: 'fetch_config' is not defined"),
        "{text}"
    );
    assert!(text.contains(" --> main.py:5:11"), "{text}");
    assert!(text.contains("did you mean `load_config`"), "{text}");
    let v = check_json(
        &r,
        &["--diff", "change.diff", "--min-confidence", "0.99"],
        0,
    );
    assert_eq!(kinds(&v), Vec::<String>::new());
    let bad = r.plumb(&["check", "--diff", "change.diff", "--min-confidence", "3"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn rev_range_and_files() {
    let r = repo();
    r.write(
        "main.py",
        &MAIN
            .replace("import load_config\n", "import load_config, save_config\n")
            .replace(
                "load_config(path)\n",
                "load_config(path)\n\n\ndef more():\n    return save_config('a')\n",
            ),
    );
    r.git_cmd(&["commit", "-qam", "more"]);
    let v = check_json(&r, &["--rev", "HEAD~1..HEAD"], 1);
    assert_eq!(kinds(&v), vec!["arity-mismatch:main.py:9"]);
    // --files checks whole files: the clean util.py has nothing to report.
    assert_eq!(
        kinds(&check_json(&r, &["--files", "util.py"], 0)),
        Vec::<String>::new()
    );
    assert_eq!(
        kinds(&check_json(&r, &["--files", "util.py", "main.py"], 1)),
        vec!["arity-mismatch:main.py:9"]
    );
    // With -C, relative paths are the repository's, even where the current
    // directory holds a file of the same name (as `git -C` reads them).
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(elsewhere.path().join("main.py"), "print('not the repo')\n").unwrap();
    let out = std::process::Command::new(common::bin())
        .args([
            "-C",
            r.path().to_str().unwrap(),
            "check",
            "--format",
            "json",
        ])
        .args(["--files", "main.py"])
        .current_dir(elsewhere.path())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(kinds(&v), vec!["arity-mismatch:main.py:9"]);
}

#[test]
fn malformed_missing_binary_rename_delete_mode_crlf_empty() {
    let r = repo();
    // Malformed: a hunk line with no prefix.
    r.write(
        "bad.diff",
        "--- a/main.py\n+++ b/main.py\n@@ -1,2 +1,2 @@\n from util import load_config\n?oops\n",
    );
    let out = r.plumb(&["check", "--diff", "bad.diff"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("plumb: diff line 5: expected"),
        "{}",
        stderr(&out)
    );
    // Against a file the repository does not have.
    r.write(
        "missing.diff",
        "--- a/nothere.py\n+++ b/nothere.py\n@@ -1 +1 @@\n-x = 1\n+x = 2\n",
    );
    let out = r.plumb(&["check", "--diff", "missing.diff"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("'nothere.py', which the repository does not have"),
        "{}",
        stderr(&out)
    );
    // Binary patch: skipped, not an error.
    r.write("bin.diff", "diff --git a/logo.png b/logo.png\nindex 1111111..2222222 100644\nBinary files a/logo.png and b/logo.png differ\n");
    let v = check_json(&r, &["--diff", "bin.diff"], 0);
    assert_eq!(v["skipped"][0]["file"], "logo.png");
    // Rename with a change, delete, mode change.
    r.write(
        "multi.diff",
        "diff --git a/util.py b/config.py\nsimilarity index 90%\nrename from util.py\nrename to config.py\n--- a/util.py\n+++ b/config.py\n@@ -1,2 +1,2 @@\n def load_config(path, strict=False):\n-    return open(path).read()\n+    return opn(path).read()\ndiff --git a/main.py b/main.py\nold mode 100644\nnew mode 100755\n",
    );
    let v = check_json(&r, &["--diff", "multi.diff"], 1);
    assert_eq!(kinds(&v), vec!["unknown-symbol:config.py:2"]);
    r.write("del.diff", "diff --git a/util.py b/util.py\ndeleted file mode 100644\n--- a/util.py\n+++ /dev/null\n@@ -1,6 +0,0 @@\n-def load_config(path, strict=False):\n-    return open(path).read()\n-\n-\n-def save_config(path, text):\n-    open(path, 'w').write(text)\n");
    assert_eq!(
        kinds(&check_json(&r, &["--diff", "del.diff"], 0)),
        Vec::<String>::new()
    );
    // CRLF diff.
    r.write("crlf.diff", &BAD_DIFF.replace('\n', "\r\n"));
    assert_eq!(
        kinds(&check_json(&r, &["--diff", "crlf.diff"], 1)),
        vec!["unknown-symbol:main.py:5", "arity-mismatch:main.py:6"]
    );
    // Empty diff.
    r.write("empty.diff", "");
    let v = check_json(&r, &["--diff", "empty.diff"], 0);
    assert_eq!(v["summary"]["findings"], 0);
}

#[test]
fn no_index_is_built_on_the_fly_and_no_build_fails_clearly() {
    let r = Repo::git(&[("util.py", UTIL), ("main.py", MAIN)]);
    let out = r.plumb(&["check", "--no-build", "--files", "main.py"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--no-build"), "{}", stderr(&out));
    let out = r.plumb(&["check", "--files", "main.py"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("building it now"), "{}", stderr(&out));
    assert!(r.path().join(".plumb/index.db").exists());
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let r = repo();
    r.write("change.diff", BAD_DIFF);
    let out = r.plumb(&["check", "--diff", "change.diff", "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(1));
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let py = root.join(".venv/bin/python");
    if !py.exists() {
        eprintln!(
            "\n!!! SKIPPED: SARIF schema validation needs .venv (scripts/setup-check-deps.sh) !!!\n"
        );
        return;
    }
    let log = r.path().join("out.sarif");
    std::fs::write(&log, &out.stdout).unwrap();
    let schema = root.join("crates/check/tests/fixtures/sarif-schema-2.1.0.json");
    let script = "import json,sys,jsonschema\ns=json.load(open(sys.argv[1]))\nc=jsonschema.validators.validator_for(s)\nerrs=list(c(s).iter_errors(json.load(open(sys.argv[2]))))\nfor e in errs: print(e.message)\nsys.exit(1 if errs else 0)\n";
    let v = std::process::Command::new(py)
        .arg("-c")
        .arg(script)
        .arg(&schema)
        .arg(&log)
        .output()
        .unwrap();
    assert!(v.status.success(), "{}", String::from_utf8_lossy(&v.stdout));
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 2);
}

#[test]
fn an_index_behind_head_is_compared_before_it_is_trusted() {
    // Indexed, then a commit changes `load_config`'s signature in a file the
    // checked change does not touch: the check must see the new signature.
    let r = repo();
    r.write(
        "util.py",
        &UTIL.replace(
            "def load_config(path, strict=False):",
            "def load_config(path, strict, extra):",
        ),
    );
    r.git_cmd(&["commit", "-qam", "signature"]);
    r.write(
        "main.py",
        &MAIN.replace("return load_config(path)", "return load_config(path, 1, 2)"),
    );
    assert_eq!(kinds(&check_json(&r, &[], 0)), Vec::<String>::new());
    // Under the old signature the same call would have been wrong.
    r.write(
        "main.py",
        &MAIN.replace(
            "return load_config(path)",
            "return load_config(path, 1, 2, 3)",
        ),
    );
    assert_eq!(
        kinds(&check_json(&r, &[], 1)),
        vec!["arity-mismatch:main.py:5"]
    );
}

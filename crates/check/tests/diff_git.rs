//! The diff parser and apply on real `git diff` output from temporary
//! repositories, and on malformed diffs.

use plumb_check::diff::{self, FileStatus, LineKind};
use std::fs;
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args([
            "-c",
            "core.autocrlf=false",
            "-c",
            "core.quotepath=true",
            "-c",
            "diff.noprefix=false",
        ])
        .args(["-c", "diff.mnemonicPrefix=false", "-c", "color.ui=never"])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@t")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@t")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 diff")
}

/// A repository whose HEAD holds `old`; then `new` is written over it (a
/// `None` content deletes the file) and staged.
fn repo(old: &[(&str, &[u8])], new: &[(&str, Option<&[u8]>)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    git(p, &["init", "-q"]);
    for (name, body) in old {
        write(p, name, body);
    }
    git(p, &["add", "-A"]);
    git(p, &["commit", "-q", "--allow-empty", "-m", "old"]);
    for (name, body) in new {
        match body {
            Some(b) => write(p, name, b),
            None => fs::remove_file(p.join(name)).unwrap(),
        }
    }
    git(p, &["add", "-A"]);
    dir
}

fn write(root: &Path, name: &str, body: &[u8]) {
    let path = root.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, body).unwrap();
}

/// Every text file change applied to its HEAD content gives the staged content.
fn assert_round_trip(dir: &Path, change: &diff::Change) {
    for fc in &change.files {
        if fc.status == FileStatus::Binary {
            continue;
        }
        let old = match &fc.old_path {
            Some(p) => git(dir, &["show", &format!("HEAD:{p}")]),
            None => String::new(),
        };
        let new = match &fc.new_path {
            Some(p) if fc.status != FileStatus::Deleted => fs::read_to_string(dir.join(p)).unwrap(),
            _ => String::new(),
        };
        assert_eq!(diff::apply(&old, fc).unwrap(), new, "apply {}", fc.path());
    }
}

const PY_OLD: &str = "import os\n\n\ndef load(path):\n    with open(path) as f:\n        return f.read()\n\n\ndef main():\n    print(load(os.environ['X']))\n";
const PY_NEW: &str = "import os\nimport sys\n\n\ndef load(path):\n    with open(path) as f:\n        return f.read()\n\n\ndef main():\n    print(fetch_config(os.environ['X']), file=sys.stderr)\n";

#[test]
fn modified_file_lines_and_numbers() {
    let d = repo(
        &[("src/app.py", PY_OLD.as_bytes())],
        &[("src/app.py", Some(PY_NEW.as_bytes()))],
    );
    let text = git(d.path(), &["diff", "--cached"]);
    let change = diff::parse(&text).unwrap();
    assert_eq!(change.files.len(), 1);
    let f = &change.files[0];
    assert_eq!(f.status, FileStatus::Modified);
    assert_eq!(f.old_path.as_deref(), Some("src/app.py"));
    assert_eq!(f.new_path.as_deref(), Some("src/app.py"));
    let added: Vec<(u32, &str)> = f.added_lines().collect();
    assert_eq!(
        added,
        vec![
            (2, "import sys"),
            (
                11,
                "    print(fetch_config(os.environ['X']), file=sys.stderr)"
            )
        ]
    );
    let removed: Vec<_> = f
        .hunks
        .iter()
        .flat_map(|h| &h.lines)
        .filter(|l| l.kind == LineKind::Removed)
        .collect();
    assert_eq!(removed.len(), 1);
    assert_eq!(removed[0].old_line, Some(10));
    assert_round_trip(d.path(), &change);
}

#[test]
fn no_prefix_and_bare_headers() {
    let d = repo(
        &[("app.py", PY_OLD.as_bytes())],
        &[("app.py", Some(PY_NEW.as_bytes()))],
    );
    let text = git(d.path(), &["diff", "--cached", "--no-prefix"]);
    assert!(text.contains("--- app.py"));
    let change = diff::parse(&text).unwrap();
    assert_eq!(change.files[0].new_path.as_deref(), Some("app.py"));
    assert_round_trip(d.path(), &change);
    // What agents write: no `diff --git` and no `index` line, with prefixes.
    let prefixed = git(d.path(), &["diff", "--cached"]);
    let bare: String = prefixed
        .lines()
        .filter(|l| !l.starts_with("diff --git") && !l.starts_with("index "))
        .map(|l| format!("{l}\n"))
        .collect();
    let change = diff::parse(&bare).unwrap();
    assert_eq!(change.files[0].old_path.as_deref(), Some("app.py"));
    assert_round_trip(d.path(), &change);
}

#[test]
fn rename_with_edit() {
    let body = "a\nb\nc\nd\ne\nf\ng\nh\n";
    let d = repo(
        &[("old/name.py", body.as_bytes())],
        &[
            ("old/name.py", None),
            ("new/name.py", Some(b"a\nb\nc\nd\ne\nf\ng\nH\n")),
        ],
    );
    let text = git(d.path(), &["diff", "--cached", "-M"]);
    let change = diff::parse(&text).unwrap();
    assert_eq!(change.files.len(), 1, "{text}");
    let f = &change.files[0];
    assert_eq!(f.status, FileStatus::Renamed);
    assert_eq!(f.old_path.as_deref(), Some("old/name.py"));
    assert_eq!(f.new_path.as_deref(), Some("new/name.py"));
    assert_eq!(f.similarity, Some(87));
    assert_round_trip(d.path(), &change);
}

#[test]
fn pure_rename_and_copy() {
    let body: String = (0..20).map(|i| format!("line {i}\n")).collect();
    let d = repo(
        &[("a.txt", body.as_bytes())],
        &[("a.txt", None), ("b.txt", Some(body.as_bytes()))],
    );
    let change = diff::parse(&git(d.path(), &["diff", "--cached", "-M"])).unwrap();
    assert_eq!(change.files[0].status, FileStatus::Renamed);
    assert!(change.files[0].hunks.is_empty());
    assert_eq!(change.files[0].similarity, Some(100));
    assert_round_trip(d.path(), &change);

    let d = repo(
        &[("a.txt", body.as_bytes())],
        &[("c.txt", Some(body.as_bytes()))],
    );
    let change = diff::parse(&git(
        d.path(),
        &["diff", "--cached", "-C", "--find-copies-harder"],
    ))
    .unwrap();
    let f = &change.files[0];
    assert_eq!(
        (f.status, f.old_path.as_deref(), f.new_path.as_deref()),
        (FileStatus::Copied, Some("a.txt"), Some("c.txt"))
    );
}

#[test]
fn added_and_deleted_files() {
    let d = repo(
        &[("gone.rs", b"fn main() {}\n")],
        &[
            ("gone.rs", None),
            ("fresh.rs", Some(b"pub fn f() -> u8 {\n    1\n}\n")),
        ],
    );
    let change = diff::parse(&git(d.path(), &["diff", "--cached", "--no-renames"])).unwrap();
    let by = |p: &str| change.files.iter().find(|f| f.path() == p).unwrap();
    let fresh = by("fresh.rs");
    assert_eq!(
        (fresh.status, fresh.old_path.as_deref()),
        (FileStatus::Added, None)
    );
    assert_eq!(fresh.new_mode.as_deref(), Some("100644"));
    assert_eq!(fresh.added_lines().count(), 3);
    let gone = by("gone.rs");
    assert_eq!(
        (gone.status, gone.new_path.as_deref()),
        (FileStatus::Deleted, None)
    );
    assert_round_trip(d.path(), &change);
}

#[test]
fn empty_new_file_has_no_hunks() {
    let d = repo(&[], &[("empty.py", Some(b""))]);
    let change = diff::parse(&git(d.path(), &["diff", "--cached"])).unwrap();
    assert_eq!(change.files[0].status, FileStatus::Added);
    assert_eq!(change.files[0].new_path.as_deref(), Some("empty.py"));
    assert!(change.files[0].hunks.is_empty());
}

#[cfg(unix)]
#[test]
fn mode_change_only() {
    use std::os::unix::fs::PermissionsExt;
    let d = repo(&[("run.sh", b"echo hi\n")], &[]);
    let p = d.path().join("run.sh");
    fs::set_permissions(&p, fs::Permissions::from_mode(0o755)).unwrap();
    git(d.path(), &["add", "-A"]);
    let change = diff::parse(&git(d.path(), &["diff", "--cached"])).unwrap();
    let f = &change.files[0];
    assert_eq!(f.status, FileStatus::ModeOnly);
    assert_eq!(
        (f.old_mode.as_deref(), f.new_mode.as_deref()),
        (Some("100644"), Some("100755"))
    );
    assert_eq!(f.path(), "run.sh");
    assert_eq!(diff::apply("echo hi\n", f).unwrap(), "echo hi\n");
}

#[test]
fn binary_patches_are_skipped() {
    let old: &[u8] = &[0, 1, 2, 3, 255, 0, 7];
    let new: &[u8] = &[0, 1, 2, 4, 255, 0, 9, 9];
    let d = repo(
        &[("img.bin", old), ("x.py", b"a = 1\n")],
        &[("img.bin", Some(new)), ("x.py", Some(b"a = 2\n"))],
    );
    for flags in [
        &["diff", "--cached"][..],
        &["diff", "--cached", "--binary"][..],
    ] {
        let text = git(d.path(), flags);
        let change = diff::parse(&text).unwrap();
        assert_eq!(change.files.len(), 2, "{text}");
        let skipped: Vec<_> = change.skipped().map(|f| f.path()).collect();
        assert_eq!(skipped, vec!["img.bin"]);
        let x = change.files.iter().find(|f| f.path() == "x.py").unwrap();
        assert_eq!(diff::apply("a = 1\n", x).unwrap(), "a = 2\n");
        let bin = change.skipped().next().unwrap();
        assert!(diff::apply("", bin).is_err());
    }
}

#[test]
fn crlf_file_round_trips_exactly() {
    let old = "def f():\r\n    return 1\r\n\r\nx = f()\r\n";
    let new = "def f():\r\n    return 2\r\n\r\nx = f()\r\ny = g(x)\r\n";
    let d = repo(
        &[("w.py", old.as_bytes())],
        &[("w.py", Some(new.as_bytes()))],
    );
    let text = git(d.path(), &["diff", "--cached"]);
    let change = diff::parse(&text).unwrap();
    assert_round_trip(d.path(), &change);
    // The same diff saved with CRLF line endings throughout.
    let crlf_text = text.replace("\r\n", "\n").replace('\n', "\r\n");
    let change = diff::parse(&crlf_text).unwrap();
    let f = &change.files[0];
    assert_eq!(f.path(), "w.py");
    assert!(f.added_lines().any(|(n, t)| n == 5 && t == "y = g(x)"));
    assert_eq!(diff::apply(old, f).unwrap(), new);
}

#[test]
fn missing_final_newline_both_ways() {
    let d = repo(
        &[("n.txt", b"one\ntwo")],
        &[("n.txt", Some(b"one\ntwo\nthree\n"))],
    );
    let text = git(d.path(), &["diff", "--cached"]);
    assert!(text.contains("\\ No newline at end of file"));
    let change = diff::parse(&text).unwrap();
    assert_round_trip(d.path(), &change);

    let d = repo(&[("n.txt", b"one\ntwo\n")], &[("n.txt", Some(b"one\nTWO"))]);
    let change = diff::parse(&git(d.path(), &["diff", "--cached"])).unwrap();
    assert!(change.files[0].hunks[0].lines.last().unwrap().no_newline);
    assert_round_trip(d.path(), &change);
}

#[test]
fn many_files_and_hunks() {
    let big: String = (1..=200).map(|i| format!("value_{i} = {i}\n")).collect();
    let edited = big
        .replace("value_10 = 10\n", "value_10 = 11\n")
        .replace("value_150 = 150\n", "value_150 = 0\nextra = 1\n");
    let d = repo(
        &[
            ("a/x.py", big.as_bytes()),
            ("b/y.py", b"q = 1\n"),
            ("README", b"hi\n"),
        ],
        &[
            ("a/x.py", Some(edited.as_bytes())),
            ("b/y.py", Some(b"q = 2\n")),
            ("README", None),
        ],
    );
    let change = diff::parse(&git(d.path(), &["diff", "--cached"])).unwrap();
    assert_eq!(change.files.len(), 3);
    let x = change.files.iter().find(|f| f.path() == "a/x.py").unwrap();
    assert_eq!(x.hunks.len(), 2);
    assert_eq!(x.hunks[1].new_start, 147);
    assert_round_trip(d.path(), &change);
}

#[test]
fn quoted_unusual_paths() {
    let d = repo(
        &[("dir with space/t\u{e9}st.py", b"x = 1\n")],
        &[("dir with space/t\u{e9}st.py", Some(b"x = 2\n"))],
    );
    let change = diff::parse(&git(d.path(), &["diff", "--cached"])).unwrap();
    assert_eq!(change.files[0].path(), "dir with space/t\u{e9}st.py");
    assert_round_trip(d.path(), &change);
}

#[test]
fn empty_diff_is_an_empty_change() {
    assert!(diff::parse("").unwrap().is_empty());
    assert!(diff::parse("\n  \n").unwrap().is_empty());
    let d = repo(&[("a.py", b"x = 1\n")], &[]);
    assert!(
        diff::parse(&git(d.path(), &["diff", "--cached"]))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn hunk_count_too_large_or_too_small() {
    let short = "--- a/f.py\n+++ b/f.py\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n";
    let e = diff::parse(short).unwrap_err();
    assert_eq!(e.line, 7);
    assert_eq!(
        e.to_string(),
        "diff line 7: expected 1 more old and 1 more new lines for the hunk at diff line 3, found the end of the diff"
    );
    let long = "--- a/f.py\n+++ b/f.py\n@@ -1,2 +1,2 @@\n a\n-b\n+B\n c\n";
    let e = diff::parse(long).unwrap_err();
    assert_eq!(e.line, 7);
    assert!(
        e.to_string().contains("declares 2 old and 2 new lines"),
        "{e}"
    );
    assert!(e.to_string().ends_with("found ' c'"), "{e}");
}

#[test]
fn malformed_headers() {
    let e = diff::parse("--- a/f.py\n+++ b/f.py\nxyz\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "diff line 3: expected a hunk header '@@ -a,b +c,d @@', found 'xyz'"
    );
    let e = diff::parse("--- a/f.py\n+++ b/f.py\n@@ -1,x +1 @@\n").unwrap_err();
    assert_eq!(e.line, 3);
    assert!(e.to_string().contains("expected a hunk header"), "{e}");
    let e = diff::parse("@@ -1 +1 @@\n-a\n+b\n").unwrap_err();
    assert_eq!(e.line, 1);
    let e = diff::parse("diff --git a/f b/f\n--- a/f\nnot plus\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "diff line 3: expected '+++ b/path' after the '---' line, found 'not plus'"
    );
    let e = diff::parse("this is not a diff\n").unwrap_err();
    assert_eq!(e.line, 1);
    assert!(
        e.to_string()
            .starts_with("diff line 1: expected a file header"),
        "{e}"
    );
}

#[test]
fn apply_reports_file_and_line_and_tolerates_offsets() {
    let d = repo(
        &[("m.py", PY_OLD.as_bytes())],
        &[("m.py", Some(PY_NEW.as_bytes()))],
    );
    let change = diff::parse(&git(d.path(), &["diff", "--cached"])).unwrap();
    let f = &change.files[0];
    // The hunks still apply when three lines were inserted above them.
    let shifted = format!("# a\n# b\n# c\n{PY_OLD}");
    let out = diff::apply(&shifted, f).unwrap();
    assert_eq!(out, format!("# a\n# b\n# c\n{PY_NEW}"));
    // A file whose context differs does not.
    let other = PY_OLD.replace("print(load(", "print(read(");
    let e = diff::apply(&other, f).unwrap_err();
    assert_eq!(e.file, "m.py");
    assert_eq!(e.line, 10);
    assert!(
        e.to_string()
            .starts_with("m.py: hunk @@ -7,4 +8,4 @@ does not apply: line 10 is"),
        "{e}"
    );
    let e = diff::apply("x\n", f).unwrap_err();
    assert_eq!(e.file, "m.py");
}

#[test]
fn zero_context_diffs_insert_and_delete_in_the_middle() {
    let old: String = (1..=30).map(|i| format!("line {i}\n")).collect();
    let new = old
        .replace("line 5\n", "")
        .replace("line 12\n", "line 12\ninserted a\ninserted b\n")
        .replace("line 30\n", "line 30\nlast\n");
    let d = repo(
        &[("z.txt", old.as_bytes())],
        &[("z.txt", Some(new.as_bytes()))],
    );
    let text = git(d.path(), &["diff", "--cached", "-U0"]);
    let change = diff::parse(&text).unwrap();
    let hunks = &change.files[0].hunks;
    assert_eq!(hunks.len(), 3, "{text}");
    assert_eq!(
        (hunks[0].old_start, hunks[0].old_len, hunks[0].new_len),
        (5, 1, 0)
    );
    assert_eq!(
        (
            hunks[1].old_start,
            hunks[1].old_len,
            hunks[1].new_start,
            hunks[1].new_len
        ),
        (12, 0, 12, 2)
    );
    assert_eq!(
        change.files[0]
            .added_lines()
            .map(|(n, _)| n)
            .collect::<Vec<_>>(),
        vec![12, 13, 32]
    );
    assert_round_trip(d.path(), &change);
}

#[test]
fn lf_diff_applies_to_a_crlf_file() {
    let old = "a = 1\r\nb = 2\r\nc = 3\r\n";
    let diff_text = "--- a/w.py\n+++ b/w.py\n@@ -1,3 +1,4 @@\n a = 1\n b = 2\n+bb = 22\n c = 3\n";
    let change = diff::parse(diff_text).unwrap();
    assert_eq!(
        diff::apply(old, &change.files[0]).unwrap(),
        "a = 1\r\nb = 2\r\nbb = 22\r\nc = 3\r\n"
    );
}

/// Every truncation of a real diff, and every line of it replaced with
/// garbage, parses or fails with an error: never a panic.
#[test]
fn damaged_diffs_never_panic() {
    let d = repo(
        &[
            ("src/app.py", PY_OLD.as_bytes()),
            ("n.txt", b"one\ntwo"),
            ("b.bin", &[0, 1, 2]),
        ],
        &[
            ("src/app.py", Some(PY_NEW.as_bytes())),
            ("n.txt", Some(b"one\ntwo\n")),
            ("b.bin", Some(&[0, 9, 9])),
            ("new.rs", Some(b"fn x() {}\n")),
        ],
    );
    let text = git(d.path(), &["diff", "--cached", "--binary"]);
    assert_eq!(diff::parse(&text).unwrap().files.len(), 4);
    let mut errors = 0;
    for cut in 0..text.len() {
        if !text.is_char_boundary(cut) {
            continue;
        }
        if let Ok(change) = diff::parse(&text[..cut]) {
            for f in &change.files {
                let _ = diff::apply(PY_OLD, f);
            }
        } else {
            errors += 1;
        }
    }
    assert!(errors > 0);
    let lines: Vec<&str> = text.lines().collect();
    for i in 0..lines.len() {
        for junk in [
            "",
            "@@",
            "@@ -1 +1 @@",
            "+",
            "-",
            "\\",
            "diff --git",
            "--- ",
            "+++ ",
            "\u{fffd}\u{0}",
        ] {
            let mut v = lines.clone();
            v[i] = junk;
            let _ = diff::parse(&v.join("\n"));
        }
    }
}

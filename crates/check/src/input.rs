//! Turning what the user gave (`--diff`, `--rev A..B`, `--files`, or the
//! working tree against HEAD) into the engine's [`Input`].
//!
//! Owns reading old and new file text: from the working tree, or from git
//! objects through the `git` command line (read-only: `git diff`, `git
//! show`). Applies diffs in memory; never writes.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use crate::diff::{self, Change, FileStatus};
use crate::engine::{ChangedFile, Input};
use crate::report::Skipped;

fn git(root: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(out.stdout)
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Build the engine input from a parsed change, reading each file's old
/// text with `old_text(path)` (`None` when the file does not exist) and,
/// when `new_text` is given, taking the new side from it instead of
/// applying the hunks.
pub fn from_change(
    change: &Change,
    old_text: &dyn Fn(&str) -> Option<String>,
    new_text: Option<&dyn Fn(&str) -> Option<String>>,
) -> Result<Input, String> {
    let mut input = Input::default();
    for fc in &change.files {
        match fc.status {
            FileStatus::Binary => {
                input.skipped.push(Skipped {
                    file: fc.path().to_string(),
                    reason: "binary patch".into(),
                });
                continue;
            }
            FileStatus::Deleted => {
                if let Some(p) = &fc.old_path {
                    input.deleted.push(p.clone());
                }
                continue;
            }
            FileStatus::ModeOnly if fc.hunks.is_empty() => continue,
            _ => {}
        }
        let Some(path) = fc.new_path.clone() else {
            continue;
        };
        if let Some(reason) = not_project_code(&path, b"") {
            input.skipped.push(Skipped {
                file: path,
                reason: reason.into(),
            });
            continue;
        }
        if fc.status == FileStatus::Renamed
            && let Some(old) = &fc.old_path
        {
            input.deleted.push(old.clone());
        }
        let new = match new_text.and_then(|f| f(&path)) {
            Some(t) => t,
            None => {
                let old = match (&fc.old_path, fc.status) {
                    (_, FileStatus::Added) | (None, _) => String::new(),
                    (Some(p), _) => old_text(p).ok_or_else(|| {
                        format!("the diff changes '{p}', which the repository does not have")
                    })?,
                };
                diff::apply(&old, fc).map_err(|e| e.to_string())?
            }
        };
        if let Some(reason) = not_project_code(&path, new.as_bytes()) {
            input.skipped.push(Skipped {
                file: path,
                reason: reason.into(),
            });
            continue;
        }
        let added: BTreeSet<u32> = fc.added_lines().map(|(n, _)| n).collect();
        let hunks = fc.hunks.iter().map(|h| (h.new_start, h.new_len)).collect();
        input.files.push(ChangedFile {
            path,
            new_text: new,
            added: Some(added),
            hunks,
        });
    }
    Ok(input)
}

/// `--diff`: a unified diff against the working tree.
pub fn from_diff_text(root: &Path, diff_text: &str) -> Result<Input, String> {
    let change = diff::parse(diff_text).map_err(|e| e.to_string())?;
    let read = |p: &str| std::fs::read(root.join(p)).ok().map(text);
    from_change(&change, &read, None)
}

/// The working tree against HEAD (staged and unstaged changes, and
/// untracked files as added).
pub fn from_worktree(root: &Path) -> Result<Input, String> {
    let has_head = git(root, &["rev-parse", "--verify", "-q", "HEAD"]).is_ok();
    let diff_text = if has_head {
        text(git(
            root,
            &[
                "diff",
                "HEAD",
                "--no-color",
                "--no-ext-diff",
                "--no-renames",
                "--binary",
            ],
        )?)
    } else {
        String::new()
    };
    let change = diff::parse(&diff_text).map_err(|e| e.to_string())?;
    let read_new = |p: &str| std::fs::read(root.join(p)).ok().map(text);
    let read_old = |p: &str| git(root, &["show", &format!("HEAD:{p}")]).ok().map(text);
    let mut input = from_change(&change, &read_old, Some(&read_new))?;
    let untracked = text(git(
        root,
        &["ls-files", "--others", "--exclude-standard", "-z"],
    )?);
    let paths: Vec<String> = untracked
        .split('\0')
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    let mut extra = from_files(root, &paths)?;
    input.files.append(&mut extra.files);
    Ok(input)
}

/// `--rev A..B` (or a single `A`, meaning `A..HEAD`... of the work tree's HEAD).
pub fn from_rev(root: &Path, range: &str) -> Result<Input, String> {
    let (a, b) = match range.split_once("..") {
        Some((a, b)) => (
            a.to_string(),
            if b.is_empty() {
                "HEAD".to_string()
            } else {
                b.to_string()
            },
        ),
        None => (range.to_string(), "HEAD".to_string()),
    };
    let diff_text = text(git(
        root,
        &["diff", "--no-color", "--no-ext-diff", "--binary", &a, &b],
    )?);
    let change = diff::parse(&diff_text).map_err(|e| e.to_string())?;
    let read_old = |p: &str| git(root, &["show", &format!("{a}:{p}")]).ok().map(text);
    let read_new = |p: &str| git(root, &["show", &format!("{b}:{p}")]).ok().map(text);
    from_change(&change, &read_old, Some(&read_new))
}

/// `--files`: whole files, every line new.
pub fn from_files(root: &Path, paths: &[String]) -> Result<Input, String> {
    let mut input = Input::default();
    for p in paths {
        let abs = if Path::new(p).is_absolute() {
            Path::new(p).to_path_buf()
        } else {
            root.join(p)
        };
        let rel = abs
            .strip_prefix(root)
            .map(|r| r.to_string_lossy().replace('\\', "/"))
            .unwrap_or_else(|_| p.clone());
        let bytes = std::fs::read(&abs).map_err(|e| format!("cannot read {p}: {e}"))?;
        if let Some(reason) = not_project_code(&rel, &bytes) {
            input.skipped.push(Skipped {
                file: rel,
                reason: reason.into(),
            });
            continue;
        }
        if bytes.contains(&0) {
            input.skipped.push(Skipped {
                file: rel,
                reason: "binary file".into(),
            });
            continue;
        }
        let t = text(bytes);
        let lines = t.lines().count() as u32;
        input.files.push(ChangedFile {
            path: rel,
            new_text: t,
            added: None,
            hunks: vec![(1, lines.max(1))],
        });
    }
    Ok(input)
}

/// Why a changed file is not the project's own code, which the index
/// leaves out and a check does not judge: a vendored directory
/// (`node_modules/`, `.yarn/releases/`) or a generated file by its name
/// (`app.min.js`) or its minified text.
fn not_project_code(path: &str, text: &[u8]) -> Option<&'static str> {
    let name = path.rsplit('/').next().unwrap_or(path);
    if plumb_walk::vendored_path(path) {
        Some("vendored directory")
    } else if plumb_walk::generated_by_name(name) || plumb_walk::minified(path, text) {
        Some("generated file")
    } else {
        None
    }
}

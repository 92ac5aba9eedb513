//! Whether one path is ignored by the rules the walk honours (`.gitignore`,
//! `.ignore`, `.plumbignore` from the root down to the path's directory,
//! then `.git/info/exclude` and the user's global git excludes),
//! asked about a path that need not exist: the checker's question for an
//! import of a file a build would generate (`spec/_json/*.js`).
//!
//! Owns reading those files for a single question; the walk itself keeps
//! its own matcher (`ignore::WalkBuilder`).

use std::path::Path;

use ignore::Match;
use ignore::gitignore::{Gitignore, GitignoreBuilder};

use crate::IGNORE_FILES;

/// Whether `rel_path` (relative to `root`, `/`-separated) is ignored, as a
/// directory when `is_dir`. Rules in deeper directories win, and a path
/// inside an ignored directory is ignored.
pub fn is_ignored(root: &Path, rel_path: &str, is_dir: bool) -> bool {
    let segs: Vec<&str> = rel_path.split('/').filter(|s| !s.is_empty()).collect();
    let mut dirs = vec![root.to_path_buf()];
    for s in &segs[..segs.len().saturating_sub(1)] {
        let next = dirs[dirs.len() - 1].join(s);
        dirs.push(next);
    }
    let matchers: Vec<Gitignore> = dirs.iter().filter_map(|d| matcher(d)).collect();
    let path = root.join(rel_path);
    let exclude = {
        let mut b = GitignoreBuilder::new(root);
        let f = root.join(".git").join("info").join("exclude");
        (f.is_file() && b.add(&f).is_none())
            .then(|| b.build().ok())
            .flatten()
    };
    let global = Some(Gitignore::global().0).filter(|g| !g.is_empty());
    for m in matchers
        .iter()
        .rev()
        .chain(exclude.iter())
        .chain(global.iter())
    {
        match m.matched_path_or_any_parents(&path, is_dir) {
            Match::Ignore(_) => return true,
            Match::Whitelist(_) => return false,
            Match::None => {}
        }
    }
    false
}

/// The rules of the ignore files in `dir`, if it has any.
fn matcher(dir: &Path) -> Option<Gitignore> {
    let mut b = GitignoreBuilder::new(dir);
    let mut any = false;
    for name in IGNORE_FILES {
        let f = dir.join(name);
        if f.is_file() && b.add(&f).is_none() {
            any = true;
        }
    }
    if !any {
        return None;
    }
    b.build().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignored_paths_need_not_exist() {
        let t = tempfile::tempdir().unwrap();
        std::fs::write(
            t.path().join(".gitignore"),
            "spec/_json/*.js\nbuild/\n!keep.js\n",
        )
        .unwrap();
        std::fs::create_dir_all(t.path().join("pkg")).unwrap();
        std::fs::write(t.path().join("pkg/.gitignore"), "gen.ts\n").unwrap();
        assert!(is_ignored(t.path(), "spec/_json/async.js", false));
        assert!(!is_ignored(t.path(), "spec/_json/README.md", false));
        assert!(is_ignored(t.path(), "build", true));
        assert!(is_ignored(t.path(), "build/index.js", false));
        assert!(!is_ignored(t.path(), "keep.js", false));
        assert!(is_ignored(t.path(), "pkg/gen.ts", false));
        assert!(!is_ignored(t.path(), "gen.ts", false));
        assert!(!is_ignored(t.path(), "src/index.js", false));
        // The repository's own excludes, below every ignore file.
        std::fs::create_dir_all(t.path().join(".git/info")).unwrap();
        std::fs::write(t.path().join(".git/info/exclude"), "local-notes/\n").unwrap();
        assert!(is_ignored(t.path(), "local-notes/todo.js", false));
    }
}

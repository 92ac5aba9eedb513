//! Helpers for the end-to-end CLI tests: temporary repositories and running the real binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Repo {
    pub dir: tempfile::TempDir,
}

impl Repo {
    /// An empty directory (no git).
    pub fn plain() -> Repo {
        Repo {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A git repository with one commit of `files`.
    pub fn git(files: &[(&str, &str)]) -> Repo {
        let r = Repo::plain();
        r.git_cmd(&["init", "-q", "-b", "main"]);
        r.git_cmd(&["config", "user.email", "t@example.com"]);
        r.git_cmd(&["config", "user.name", "T"]);
        for (p, body) in files {
            r.write(p, body);
        }
        r.git_cmd(&["add", "-A"]);
        r.git_cmd(&["commit", "-q", "-m", "init"]);
        r
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, body: &str) {
        let p = self.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, body).unwrap();
    }

    pub fn git_cmd(&self, args: &[&str]) {
        let st = Command::new("git")
            .args(args)
            .current_dir(self.path())
            .status()
            .unwrap();
        assert!(st.success(), "git {args:?}");
    }

    pub fn plumb(&self, args: &[&str]) -> Output {
        Command::new(bin())
            .args(args)
            .current_dir(self.path())
            .output()
            .unwrap()
    }

    /// Run plumb with --json and parse stdout; asserts exit status 0.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut full = args.to_vec();
        full.push("--json");
        let out = self.plumb(&full);
        assert!(
            out.status.success(),
            "plumb {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "bad JSON from {args:?}: {e}: {}",
                String::from_utf8_lossy(&out.stdout)
            )
        })
    }
}

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_plumb"))
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

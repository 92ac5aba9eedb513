//! End-to-end: bad input gets a one-line error and a non-zero exit, and never corrupts the index.

mod common;
use common::*;

#[test]
fn nonexistent_path_is_a_usage_error() {
    let repo = Repo::plain();
    let out = repo.plumb(&["index", "does/not/exist"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("plumb: does/not/exist: cannot read"),
        "{err}"
    );
}

#[test]
fn works_without_git_and_on_empty_repo() {
    let repo = Repo::plain();
    let v = repo.json(&["index"]);
    assert_eq!(v["result"]["files_seen"], 0);
    assert!(v["result"]["commit"].is_null());
    repo.write("a.py", "def f():\n    pass\n");
    assert_eq!(repo.json(&["index"])["result"]["parsed"], 1);
    let s = repo.json(&["status"]);
    assert!(s["freshness"]["indexed_commit"].is_null());
    assert_eq!(s["result"]["definitions"], 1);
}

#[test]
fn syntax_errors_keep_partial_facts() {
    let repo = Repo::git(&[(
        "broken.py",
        "def good(a):\n    return a\n\ndef bad(:\n    pass\n\ndef after(b):\n    return b\n",
    )]);
    let v = repo.json(&["index"]);
    assert_eq!(v["result"]["files_with_parse_errors"], 1);
    assert_eq!(
        repo.json(&["defs", "good"])["result"]["results"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        repo.json(&["defs", "after"])["result"]["results"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        repo.json(&["outline", "broken.py"])["result"]["parse_errors"]
            .as_u64()
            .unwrap()
            > 0,
        true
    );
}

#[test]
fn corrupt_index_is_rebuilt() {
    let repo = Repo::git(&[("a.py", "def f():\n    pass\n")]);
    repo.json(&["index"]);
    let db = repo.path().join(".plumb/index.db");
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    std::fs::write(&db, vec![0x42u8; 8192]).unwrap();
    let out = repo.plumb(&["index"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("was unusable (not a usable SQLite database"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        repo.json(&["defs", "f"])["result"]["results"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn second_index_run_waits_or_refuses() {
    let repo = Repo::git(&[("a.py", "def f():\n    pass\n")]);
    repo.json(&["index"]);
    // Hold the lock the way a running indexer does.
    let lock_path = repo.path().join(".plumb/index.db.lock");
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(&lock_path)
        .unwrap();
    f.lock().unwrap();
    std::fs::write(&lock_path, "plumb pid 4242").unwrap();
    let out = repo.plumb(&["index", "--no-wait"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("locked by plumb pid 4242"),
        "{}",
        stderr(&out)
    );
    // Queries still read the last committed state while the lock is held.
    assert_eq!(
        repo.json(&["defs", "f", "--no-refresh"])["result"]["results"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    drop(f);
    assert!(repo.plumb(&["index", "--no-wait"]).status.success());
}

#[test]
fn killed_run_leaves_a_consistent_index() {
    let repo = Repo::git(&[("seed.py", "x = 1\n")]);
    let body: String = (0..100)
        .map(|i| format!("def fn_{i}(a, b=1):\n    return a + b\n\n"))
        .collect();
    for i in 0..800 {
        repo.write(&format!("pkg/m{i:04}.py"), &body);
    }
    let mut child = std::process::Command::new(bin())
        .arg("index")
        .current_dir(repo.path())
        .spawn()
        .unwrap();
    // Kill it once some, but not all, files are committed.
    let db = repo.path().join(".plumb/index.db");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let mut committed = 0;
    while std::time::Instant::now() < deadline {
        if let Ok(conn) =
            rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        {
            committed = conn
                .query_row("SELECT count(*) FROM files", [], |r| r.get::<_, i64>(0))
                .unwrap_or(0);
            if committed > 0 {
                break;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    let _ = child.wait();
    assert!(
        committed > 0 && committed < 801,
        "killed after {committed} files"
    );
    // Whatever was committed is readable, and a second run completes the work.
    let v = repo.json(&["index"]);
    assert!(v["result"]["rebuilt"].is_null(), "{v}");
    let s = repo.json(&["status", "--no-refresh"]);
    assert_eq!(s["result"]["files"], 801);
    assert_eq!(s["result"]["definitions"], 800 * 100 + 1);
    assert_eq!(s["freshness"]["complete"], true);
}

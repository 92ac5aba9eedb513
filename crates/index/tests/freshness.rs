//! Freshness against the working tree: every kind of change is seen, whether
//! the comparison walks the tree or only stats the files and directories the
//! last walk recorded; unchanged content with a new time is not staleness.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use plumb_index::{FreshMode, Freshness, IndexOptions, freshness, run};
use plumb_store::Store;

fn write(root: &Path, rel: &str, body: &str) {
    let p = root.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, body).unwrap();
}

fn set_age(path: &Path, secs: u64) {
    fs::File::open(path)
        .unwrap()
        .set_modified(SystemTime::now() - Duration::from_secs(secs))
        .unwrap();
}

/// Age every path under `root` (directories too), so nothing is racy.
fn age_all(root: &Path) {
    for e in fs::read_dir(root).unwrap() {
        let path = e.unwrap().path();
        if path.is_dir() {
            age_all(&path);
        } else {
            set_age(&path, 60);
        }
    }
    set_age(root, 60);
}

fn mtime_ns(path: &Path) -> i64 {
    fs::metadata(path)
        .unwrap()
        .modified()
        .unwrap()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as i64
}

fn check(opts: &IndexOptions, mode: FreshMode) -> Freshness {
    let (mut store, _) = Store::open(&opts.index_path).unwrap();
    freshness(&mut store, opts, mode).unwrap()
}

/// An indexed repository of `files` (path, body); with `age`, all its
/// paths are made older than the racy window before indexing.
fn indexed_repo<P: AsRef<str>, B: AsRef<str>>(
    files: impl IntoIterator<Item = (P, B)>,
    age: bool,
) -> (tempfile::TempDir, IndexOptions) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    for (path, body) in files {
        write(&root, path.as_ref(), body.as_ref());
    }
    if age {
        age_all(&root);
    }
    let mut opts = IndexOptions::new(&root);
    opts.index_path = dir.path().join("index.db");
    run(&opts, |_| {}, &|_| {}).unwrap();
    (dir, opts)
}

/// A small indexed repository whose paths are all older than the racy window.
fn setup() -> (tempfile::TempDir, IndexOptions) {
    let files = [
        ("pkg/a.py", "def a():\n    return 1\n"),
        ("pkg/b.py", "def b():\n    return 2\n"),
        (".gitignore", "build/\n"),
    ];
    indexed_repo(files, true)
}

#[test]
fn fresh_index_and_every_kind_of_change() {
    let (_dir, opts) = setup();
    let root = opts.root.clone();
    let f = check(&opts, FreshMode::Check);
    assert!(f.is_fresh() && f.checked, "{f:?}");

    // Same size, new content, new time: seen; refresh re-indexes it.
    write(&root, "pkg/a.py", "def z():\n    return 1\n");
    assert_eq!(check(&opts, FreshMode::Check).stale_files, vec!["pkg/a.py"]);
    assert_eq!(check(&opts, FreshMode::Refresh).refreshed, 1);
    assert!(check(&opts, FreshMode::Check).is_fresh());

    // A new file in a new directory, a deleted file.
    age_all(&root);
    write(&root, "pkg/sub/c.py", "C = 3\n");
    fs::remove_file(root.join("pkg/b.py")).unwrap();
    let f = check(&opts, FreshMode::Check);
    assert_eq!(f.stale_files, vec!["pkg/sub/c.py"]);
    assert_eq!(f.deleted_files, vec!["pkg/b.py"]);
    assert_eq!(check(&opts, FreshMode::Refresh).refreshed, 2);

    // Files in an ignored directory are not staleness; un-ignoring them is.
    age_all(&root);
    write(&root, "build/gen.py", "G = 1\n");
    assert!(check(&opts, FreshMode::Refresh).is_fresh());
    age_all(&root);
    assert!(check(&opts, FreshMode::Refresh).is_fresh());
    fs::write(root.join(".gitignore"), "dist/\n").unwrap();
    assert_eq!(
        check(&opts, FreshMode::Check).stale_files,
        vec!["build/gen.py"]
    );
}

#[test]
fn new_time_same_content_is_fresh_and_settles() {
    let (_dir, opts) = setup();
    let a = opts.root.join("pkg/a.py");
    // Touched, not changed: fresh, and the new time is recorded (it is
    // older than the racy window), so later checks need not read the file.
    set_age(&a, 30);
    assert!(check(&opts, FreshMode::Refresh).is_fresh());
    let (store, _) = Store::open(&opts.index_path).unwrap();
    assert_eq!(
        store.file("pkg/a.py").unwrap().unwrap().mtime_ns,
        mtime_ns(&a)
    );
}

#[test]
fn racy_edit_with_same_size_and_time_is_seen() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    write(&root, "a.py", "X = 1\n");
    let mut opts = IndexOptions::new(&root);
    opts.index_path = dir.path().join("index.db");
    // Indexed right after it was written: its time cannot be trusted, so an
    // edit that keeps both its size and its time is still seen.
    run(&opts, |_| {}, &|_| {}).unwrap();
    let before = fs::metadata(root.join("a.py")).unwrap().modified().unwrap();
    fs::write(root.join("a.py"), "X = 2\n").unwrap();
    fs::File::options()
        .write(true)
        .open(root.join("a.py"))
        .unwrap()
        .set_modified(before)
        .unwrap();
    assert_eq!(check(&opts, FreshMode::Check).stale_files, vec!["a.py"]);
}

#[test]
fn index_runs_without_a_walk_report_the_same_and_honour_new_options() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    write(&root, "a.py", "X = 1\n");
    write(&root, "vendor/v.py", "V = 1\n");
    write(&root, "big.py", &"# padding\n".repeat(400));
    age_all(&root);
    let mut opts = IndexOptions::new(&root);
    opts.index_path = dir.path().join("index.db");
    opts.max_file_size = 1000;
    let first = run(&opts, |_| {}, &|_| {}).unwrap();
    // Nothing changed: the second run stats instead of walking, and says
    // the same about what it left out.
    let second = run(&opts, |_| {}, &|_| {}).unwrap();
    assert_eq!((second.parsed, second.unchanged), (0, 1));
    assert_eq!(second.skipped, first.skipped);
    assert_eq!(
        second
            .skipped
            .get("vendored")
            .zip(second.skipped.get("too_large")),
        Some((&1, &1))
    );
    // Other walk options: the stamps do not apply, the walk finds more.
    opts.include_vendored = true;
    opts.max_file_size = 1 << 20;
    let third = run(&opts, |_| {}, &|_| {}).unwrap();
    assert_eq!(third.parsed, 2, "{:?}", third.skipped);
    let (store, _) = Store::open(&opts.index_path).unwrap();
    let paths: Vec<String> = store.files().unwrap().into_iter().map(|f| f.path).collect();
    assert_eq!(paths, vec!["a.py", "big.py", "vendor/v.py"]);
}

/// More files than a query verifies when their times really changed.
const MANY: usize = plumb_index::CHEAP_REFRESH_FILES * 4 + 100;

/// A repository of [`MANY`] files (`file(i)` gives the i-th path and body),
/// indexed right after they were written: every time is stored as racy.
fn racy_repo(file: impl Fn(usize) -> (String, String)) -> (tempfile::TempDir, IndexOptions) {
    indexed_repo((0..MANY).map(file), false)
}

#[test]
fn many_racy_files_are_verified_by_content_and_settled() {
    let (_dir, opts) = racy_repo(|i| (format!("d{}/m{i}.py", i % 7), format!("X = {i}\n")));
    let (root, n) = (opts.root.clone(), MANY);
    let racy = |opts: &IndexOptions| {
        let (store, _) = Store::open(&opts.index_path).unwrap();
        let files = store.files().unwrap();
        assert_eq!(files.len(), n);
        files.iter().filter(|f| f.mtime_ns == 0).count()
    };
    assert_eq!(racy(&opts), n);
    // Later, with the times no longer recent: the same content is not staleness.
    age_all(&root);
    let f = check(&opts, FreshMode::Check);
    assert!(f.is_fresh(), "{}", f.summary());
    assert_eq!(racy(&opts), n, "a check changes nothing");
    // A refreshing query records the verified times and the walk's stamps,
    // so the next comparison neither reads the files nor walks.
    let f = check(&opts, FreshMode::Refresh);
    assert!(f.is_fresh() && f.refreshed == 0, "{}", f.summary());
    assert_eq!(racy(&opts), 0);
    let (store, _) = Store::open(&opts.index_path).unwrap();
    let stamps = store.stat_rows().unwrap();
    let stamps = stamps.stamps();
    assert!(!stamps.is_empty() && stamps.iter().all(|(_, m)| *m != 0));
    assert_eq!(
        store.file("d0/m0.py").unwrap().unwrap().mtime_ns,
        mtime_ns(&root.join("d0/m0.py"))
    );
    assert!(check(&opts, FreshMode::Refresh).is_fresh());
}

#[test]
fn racy_files_with_a_new_size_or_content_are_stale_however_many() {
    let (_dir, opts) = racy_repo(|i| (format!("m{i:04}.py"), "X = 1\n".into()));
    let root = opts.root.clone();
    write(&root, "m0001.py", "X = 22\n");
    write(&root, "m0002.py", "X = 3\n");
    age_all(&root);
    let f = check(&opts, FreshMode::Refresh);
    assert_eq!(f.stale_files, Vec::<String>::new());
    assert_eq!(f.refreshed, 2, "{}", f.summary());
    write(&root, "m0003.py", "X = 4\n");
    let f = check(&opts, FreshMode::Check);
    assert_eq!(f.stale_files, vec!["m0003.py"]);
}

/// The store's stat cache is present and says what its rows say.
fn assert_stat_cache_current(opts: &IndexOptions) {
    let (store, _) = Store::open(&opts.index_path).unwrap();
    assert!(store.has_stat_cache().unwrap());
    assert_eq!(store.stat_cache().unwrap(), store.stat_rows().unwrap());
}

#[test]
fn index_runs_refreshes_and_settles_leave_a_current_stat_cache() {
    let (_dir, opts) = setup();
    let root = opts.root.clone();
    assert_stat_cache_current(&opts);
    // A refresh re-indexes a file.
    write(&root, "pkg/a.py", "def z():\n    return 10\n");
    assert_eq!(check(&opts, FreshMode::Refresh).refreshed, 1);
    assert_stat_cache_current(&opts);
    // A settle records a new time, and a walk's stamps.
    age_all(&root);
    assert!(check(&opts, FreshMode::Refresh).is_fresh());
    assert_stat_cache_current(&opts);
    let (store, _) = Store::open(&opts.index_path).unwrap();
    assert_eq!(
        store.file("pkg/a.py").unwrap().unwrap().mtime_ns,
        mtime_ns(&root.join("pkg/a.py"))
    );
    // A new file, by an index run.
    write(&root, "pkg/n.py", "N = 1\n");
    run(&opts, |_| {}, &|_| {}).unwrap();
    assert_stat_cache_current(&opts);
}

#[test]
fn an_index_of_other_facts_is_parsed_again_in_full() {
    let (_dir, opts) = setup();
    // Unchanged files are not parsed again ...
    assert_eq!(run(&opts, |_| {}, &|_| {}).unwrap().parsed, 0);
    // ... unless the index was written by adapters of another version.
    {
        let (mut store, _) = Store::open(&opts.index_path).unwrap();
        assert_eq!(
            store.meta("facts_version").unwrap().as_deref(),
            Some(plumb_lang::FACTS_VERSION.to_string().as_str())
        );
        assert!(plumb_index::facts_current(&store));
        let w = store.writer().unwrap();
        w.set_meta("facts_version", "0").unwrap();
        w.commit().unwrap();
        // Queries see it as unusable and build it again before answering.
        assert!(!plumb_index::facts_current(&store));
    }
    assert_eq!(run(&opts, |_| {}, &|_| {}).unwrap().parsed, 2);
    assert!(plumb_index::facts_current(
        &Store::open(&opts.index_path).unwrap().0
    ));
    assert_eq!(run(&opts, |_| {}, &|_| {}).unwrap().parsed, 0);
}

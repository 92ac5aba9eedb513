use plumb_facts::*;
use plumb_store::*;

fn span(line: u32, start: u32, end: u32) -> Span {
    Span {
        start_line: line,
        start_col: 1,
        end_line: line,
        end_col: 10,
        start_byte: start,
        end_byte: end,
    }
}

fn sample_facts() -> FileFacts {
    FileFacts {
        definitions: vec![Definition {
            name: "load_config".into(),
            kind: DefKind::Function,
            container: None,
            span: span(1, 0, 40),
            name_span: span(1, 4, 15),
            visibility: Visibility::Public,
            doc: Some("Load it.".into()),
            params: Some(Params::new(vec![Param {
                name: "path".into(),
                kind: ParamKind::Positional,
                has_default: false,
                type_text: None,
            }])),
            signature: Some("def load_config(path)".into()),
        }],
        references: vec![Reference {
            name: "open".into(),
            kind: RefKind::Call,
            span: span(2, 20, 24),
            arg_count: Some(1),
            keywords: vec!["encoding".into()],
            enclosing: Some("load_config".into()),
            ..Default::default()
        }],
        imports: vec![Import {
            module: "os.path".into(),
            span: span(1, 0, 14),
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn rec(path: &str) -> FileRecord {
    FileRecord {
        path: path.into(),
        lang: Some("python".into()),
        hash: 42,
        size: 10,
        mtime_ns: 7,
        lines: 3,
        skipped: None,
    }
}

#[test]
fn round_trip_and_replace() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(".plumb/index.db");
    let (mut store, state) = Store::open(&db).unwrap();
    assert_eq!(state, OpenState::Created);
    let w = store.writer().unwrap();
    w.put_file(&rec("a.py"), &sample_facts()).unwrap();
    w.put_file(&rec("b.py"), &sample_facts()).unwrap();
    w.commit().unwrap();
    let defs = store
        .defs_named("load_config", NameMatch::Exact, 10)
        .unwrap();
    assert_eq!(
        defs.iter().map(|d| d.path.as_str()).collect::<Vec<_>>(),
        vec!["a.py", "b.py"]
    );
    assert_eq!(defs[0].def.params.as_ref().unwrap().min_positional(), 1);
    assert_eq!(defs[0].def.doc.as_deref(), Some("Load it."));
    assert_eq!(
        store
            .defs_named("load", NameMatch::Prefix, 10)
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        store
            .defs_named("load", NameMatch::Exact, 10)
            .unwrap()
            .len(),
        0
    );
    let (refs, total) = store.refs_named("open", 1).unwrap();
    assert_eq!((refs.len(), total), (1, 2));
    assert_eq!(refs[0].reference.keywords, vec!["encoding".to_string()]);
    assert_eq!(refs[0].reference.enclosing.as_deref(), Some("load_config"));
    // Re-putting a file replaces its facts rather than adding to them.
    let w = store.writer().unwrap();
    w.put_file(&rec("a.py"), &FileFacts::default()).unwrap();
    w.delete_file("b.py").unwrap();
    w.commit().unwrap();
    assert_eq!(
        store
            .defs_named("load_config", NameMatch::Exact, 10)
            .unwrap()
            .len(),
        0
    );
    let stats = store.stats().unwrap();
    assert_eq!(
        (
            stats.files,
            stats.definitions,
            stats.references,
            stats.imports
        ),
        (1, 0, 0, 0)
    );
}

#[test]
fn uncommitted_writer_rolls_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    let (mut store, _) = Store::open(&db).unwrap();
    {
        let w = store.writer().unwrap();
        w.put_file(&rec("a.py"), &sample_facts()).unwrap();
    }
    assert_eq!(store.stats().unwrap().files, 0);
}

#[test]
fn corrupt_file_is_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    std::fs::write(
        &db,
        b"this is not a database at all, just text that happens to be here".repeat(100),
    )
    .unwrap();
    let (store, state) = Store::open(&db).unwrap();
    match state {
        OpenState::Rebuilt(why) => assert!(why.contains("not a usable SQLite database"), "{why}"),
        other => panic!("expected a rebuild, got {other:?}"),
    }
    assert_eq!(store.stats().unwrap().files, 0);
}

/// A store at `db` holding `a.py`, and its stat cache when `cached`.
fn store_with_a_file(db: &std::path::Path, cached: bool) -> Store {
    let (mut store, _) = Store::open(db).unwrap();
    let w = store.writer().unwrap();
    w.put_file(&rec("a.py"), &sample_facts()).unwrap();
    if cached {
        w.write_stat_cache().unwrap();
    }
    w.commit().unwrap();
    store
}

#[test]
fn old_schema_is_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    drop(store_with_a_file(&db, false));
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.pragma_update(None, "user_version", 0).unwrap();
    drop(conn);
    let (store, state) = Store::open(&db).unwrap();
    assert_eq!(
        state,
        OpenState::Rebuilt(format!(
            "schema version 0, this plumb needs {SCHEMA_VERSION}"
        ))
    );
    assert_eq!(store.stats().unwrap().files, 0);
}

#[test]
fn second_writer_is_refused_or_waits() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    let held = WriteLock::acquire(&db, false, |_| {}).unwrap();
    let err = WriteLock::acquire(&db, false, |_| {})
        .err()
        .expect("second lock must fail");
    assert!(
        err.to_string()
            .contains(&format!("locked by plumb pid {}", std::process::id())),
        "{err}"
    );
    let (tx, rx) = std::sync::mpsc::channel();
    let db2 = db.clone();
    let waiter = std::thread::spawn(move || {
        let _l = WriteLock::acquire(&db2, true, |who| tx.send(who.to_string()).unwrap()).unwrap();
    });
    let who = rx.recv().unwrap();
    assert!(who.starts_with("plumb pid"), "{who}");
    drop(held);
    waiter.join().unwrap();
}

/// The stat cache says what the rows say, or is not there.
fn assert_cache_matches_rows(store: &Store) {
    assert_eq!(store.stat_cache().unwrap(), store.stat_rows().unwrap());
}

#[test]
fn stat_cache_is_written_with_its_rows_and_dropped_by_any_later_change() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(&dir.path().join("i.db")).unwrap();
    let w = store.writer().unwrap();
    w.put_file(&rec("b.py"), &sample_facts()).unwrap();
    w.put_file(&rec("a.py"), &sample_facts()).unwrap();
    w.set_stamps([("", 5), ("pkg", 0)]).unwrap();
    w.write_stat_cache().unwrap();
    w.commit().unwrap();
    assert!(store.has_stat_cache().unwrap());
    assert_cache_matches_rows(&store);
    let cache = store.stat_cache().unwrap();
    let files = cache.files();
    assert_eq!(
        files.iter().map(|f| f.path).collect::<Vec<_>>(),
        ["a.py", "b.py"]
    );
    assert_eq!(
        (files[0].size, files[0].mtime_ns, files[0].hash),
        (10, 7, 42)
    );
    assert_eq!(cache.stamps(), [("", 5), ("pkg", 0)]);

    // Each kind of row change, in a later transaction, drops the cache.
    type Change = fn(&Writer<'_>);
    let changes: [Change; 4] = [
        |w| w.touch_file("a.py", 99).unwrap(),
        |w| {
            w.put_file(&rec("c.py"), &sample_facts())
                .map(|_| ())
                .unwrap()
        },
        |w| w.delete_file("b.py").unwrap(),
        |w| w.set_stamps([("", 6)]).unwrap(),
    ];
    for change in changes {
        let w = store.writer().unwrap();
        w.write_stat_cache().unwrap();
        change(&w);
        w.commit().unwrap();
        assert!(!store.has_stat_cache().unwrap());
        assert_cache_matches_rows(&store);
        let w = store.writer().unwrap();
        w.write_stat_cache().unwrap();
        w.commit().unwrap();
        assert_cache_matches_rows(&store);
    }
    // Other writes keep it.
    let w = store.writer().unwrap();
    w.set_meta("k", "v").unwrap();
    w.delete_file("not-stored.py").unwrap();
    w.commit().unwrap();
    assert!(store.has_stat_cache().unwrap());
}

#[test]
fn an_undecodable_stat_cache_falls_back_to_the_rows() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    let store = store_with_a_file(&db, true);
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE stat_cache SET data = x'0900000001'", [])
        .unwrap();
    assert_eq!(store.stat_cache().unwrap().files()[0].path, "a.py");
    assert_cache_matches_rows(&store);
}

#[test]
fn refs_come_in_path_then_position_order_whatever_the_insertion_order() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(&dir.path().join("index.db")).unwrap();
    let two_opens = || {
        let mut f = sample_facts();
        let mut second = f.references[0].clone();
        second.span = span(1, 2, 6);
        f.references.push(second);
        f
    };
    let w = store.writer().unwrap();
    for p in ["z.py", "b.py", "m/a.py", "a.py"] {
        w.put_file(&rec(p), &two_opens()).unwrap();
    }
    w.commit().unwrap();
    let (refs, total) = store.refs_named("open", 5).unwrap();
    let got: Vec<(String, u32)> = refs
        .iter()
        .map(|r| (r.path.clone(), r.reference.span.start_byte))
        .collect();
    assert_eq!(total, 8);
    assert_eq!(
        got,
        vec![
            ("a.py".to_string(), 2),
            ("a.py".to_string(), 20),
            ("b.py".to_string(), 2),
            ("b.py".to_string(), 20),
            ("m/a.py".to_string(), 2),
        ]
    );
    // Definitions likewise: the first files in path order, exact or prefix.
    for how in [NameMatch::Exact, NameMatch::Prefix] {
        let name = if how == NameMatch::Exact {
            "load_config"
        } else {
            "load_"
        };
        let defs = store.defs_named(name, how, 3).unwrap();
        let paths: Vec<&str> = defs.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, vec!["a.py", "b.py", "m/a.py"]);
    }
}

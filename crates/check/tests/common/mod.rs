//! A report shared by the renderer tests.

use plumb_check::report::{
    Candidate, Finding, FindingKind, HunkVerdict, IndexInfo, Report, Skipped,
};

/// Findings as the checker would make them for this change to a real file:
///
/// ```text
/// +import requestz
/// +    cfg = fetch_config(path, strict=True)
/// ```
pub fn sample() -> Report {
    let mut unknown = Finding::new(
        FindingKind::UnknownSymbol,
        "src/app.py",
        11,
        11,
        12,
        "`fetch_config` is not defined anywhere the scope rules reach".into(),
    );
    unknown.code = "    cfg = fetch_config(path, strict=True)".into();
    unknown.evidence = vec![
        "searched locals and parameters of `main` (src/app.py:9)".into(),
        "searched module scope of src/app.py and its imports: os, sys".into(),
        "searched 1,204 project files and the python builtins".into(),
    ];
    unknown.candidates = vec![
        Candidate {
            name: "load_config".into(),
            file: "src/config.py".into(),
            line: 12,
            reason: "name".into(),
            score: 0.82,
        },
        Candidate {
            name: "read_settings".into(),
            file: "src/settings.py".into(),
            line: 40,
            reason: "behaviour".into(),
            score: 0.64,
        },
    ];
    unknown.confidence = 0.93;
    let mut pkg = Finding::new(
        FindingKind::UndeclaredPackage,
        "src/app.py",
        2,
        8,
        8,
        "package `requestz` is not declared in pyproject.toml and is not installed".into(),
    );
    pkg.code = "import requestz".into();
    pkg.evidence = vec!["pyproject.toml declares: click, httpx".into()];
    pkg.candidates = vec![Candidate {
        name: "requests".into(),
        file: "pyproject.toml".into(),
        line: 0,
        reason: "name".into(),
        score: 0.9,
    }];
    pkg.confidence = 0.9;
    let mut tabbed = Finding::new(
        FindingKind::ArityMismatch,
        "lib/\u{e9}t\u{e9}.c",
        7,
        5,
        6,
        "`concat` takes 2 arguments but 3 were given".into(),
    );
    tabbed.code = "\t\u{e9} = concat(a, b, c);".into();
    tabbed.column = 7; // byte column: after the tab, the two-byte é and " = "
    tabbed.end_column = 13;
    tabbed.confidence = 1.0;
    let f_refs = [&unknown, &pkg];
    let hunks = vec![
        HunkVerdict::judge("src/app.py", 1, 12, &f_refs, 5),
        HunkVerdict::judge("src/util.py", 3, 2, &[], 4),
        HunkVerdict::judge("lib/\u{e9}t\u{e9}.c", 5, 3, &[&tabbed], 1),
    ];
    Report::new(
        IndexInfo {
            commit: Some("5e6fd21".into()),
            fresh: true,
            built_at: None,
            files: Some(1204),
            extra: serde_json::Value::Null,
        },
        vec![unknown, tabbed, pkg],
        hunks,
        vec![Skipped {
            file: "assets/logo.png".into(),
            reason: "binary patch".into(),
        }],
    )
}

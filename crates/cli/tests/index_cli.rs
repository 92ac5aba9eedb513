//! End-to-end: `plumb index`, `status`, `defs`, `refs`, `outline`, `map` on temporary repositories.

mod common;
use common::*;

const UTIL_PY: &str = "\"\"\"Helpers.\"\"\"\n\ndef camel_to_snake(name, sep=\"_\"):\n    \"\"\"Convert a name.\"\"\"\n    return name.lower()\n\n\nclass Loader:\n    def load(self, path, *, strict=False):\n        return camel_to_snake(path)\n";
const APP_PY: &str = "from util import camel_to_snake, Loader\n\n\ndef main():\n    x = camel_to_snake(\"AbC\")\n    Loader().load(x, strict=True)\n    return camel_to_snake(x)\n";
const LIB_RS: &str = "/// Adds.\npub fn add(a: i32, b: i32) -> i32 {\n    a + b\n}\n\npub struct Point {\n    pub x: i32,\n}\n\nimpl Point {\n    pub fn norm(&self) -> i32 {\n        add(self.x, self.x)\n    }\n}\n";

fn sample() -> Repo {
    Repo::git(&[
        ("util.py", UTIL_PY),
        ("app.py", APP_PY),
        ("src/lib.rs", LIB_RS),
    ])
}

fn parsed(v: &serde_json::Value) -> u64 {
    v["result"]["parsed"].as_u64().unwrap()
}

#[test]
fn index_then_query() {
    let repo = sample();
    let v = repo.json(&["index"]);
    assert_eq!(parsed(&v), 3);
    assert_eq!(v["result"]["commit"].as_str().unwrap().len(), 40);

    let d = repo.json(&["defs", "camel_to_snake"]);
    let hits = d["result"]["results"].as_array().unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["path"], "util.py");
    assert_eq!(hits[0]["line"], 3);
    assert_eq!(hits[0]["kind"], "function");
    assert_eq!(hits[0]["params"]["min_positional"], 1);
    assert_eq!(hits[0]["params"]["max_positional"], 2);
    assert_eq!(hits[0]["doc"], "Convert a name.");
    assert_eq!(d["freshness"]["stale_files"].as_array().unwrap().len(), 0);

    let m = repo.json(&["defs", "Loader.load"]);
    assert_eq!(m["result"]["results"][0]["kind"], "method");
    assert_eq!(
        m["result"]["results"][0]["params"]["keyword_only"][0],
        "strict"
    );

    let r = repo.json(&["refs", "camel_to_snake"]);
    let refs = r["result"]["references"].as_array().unwrap();
    let places: Vec<(String, u64)> = refs
        .iter()
        .map(|x| {
            (
                x["path"].as_str().unwrap().to_string(),
                x["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(
        places.contains(&("app.py".into(), 5))
            && places.contains(&("app.py".into(), 7))
            && places.contains(&("util.py".into(), 10)),
        "{places:?}"
    );
    let callers: Vec<&str> = r["result"]["callers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["caller"].as_str().unwrap())
        .collect();
    assert_eq!(callers, vec!["main", "Loader.load"]);

    let o = repo.json(&["outline", "src/lib.rs"]);
    let items: Vec<(String, String, u64)> = o["result"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["name"].as_str().unwrap().into(),
                i["kind"].as_str().unwrap().into(),
                i["depth"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(
        items.contains(&("add".into(), "function".into(), 0)),
        "{items:?}"
    );
    assert!(
        items.contains(&("norm".into(), "method".into(), 1)),
        "{items:?}"
    );

    let s = repo.json(&["status"]);
    assert_eq!(s["result"]["files"], 3);
    let langs: Vec<&str> = s["result"]["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["lang"].as_str().unwrap())
        .collect();
    assert_eq!(langs, vec!["python", "rust"]);

    let fuzzy = repo.json(&["defs", "camelToSnake", "--fuzzy"]);
    assert_eq!(fuzzy["result"]["results"][0]["name"], "camel_to_snake");
}

#[test]
fn incremental_edit_delete_rename() {
    let repo = sample();
    repo.json(&["index"]);
    let noop = repo.json(&["index"]);
    assert_eq!(
        (parsed(&noop), noop["result"]["unchanged"].as_u64().unwrap()),
        (0, 3)
    );

    repo.write("util.py", &UTIL_PY.replace("camel_to_snake", "to_snake"));
    let edit = repo.json(&["index"]);
    assert_eq!(parsed(&edit), 1);
    assert_eq!(
        repo.json(&["defs", "camel_to_snake", "--no-refresh"])["result"]["results"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    assert_eq!(
        repo.json(&["defs", "to_snake", "--no-refresh"])["result"]["results"][0]["path"],
        "util.py"
    );

    repo.git_cmd(&["mv", "util.py", "helpers.py"]);
    let mv = repo.json(&["index"]);
    assert_eq!(
        (parsed(&mv), mv["result"]["deleted"].as_u64().unwrap()),
        (1, 1)
    );
    assert_eq!(
        repo.json(&["defs", "to_snake"])["result"]["results"][0]["path"],
        "helpers.py"
    );

    std::fs::remove_file(repo.path().join("helpers.py")).unwrap();
    let del = repo.json(&["index"]);
    assert_eq!(del["result"]["deleted"], 1);
    assert_eq!(
        repo.json(&["defs", "to_snake"])["result"]["results"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

#[test]
fn queries_refresh_changed_files() {
    let repo = sample();
    repo.json(&["index"]);
    repo.write("extra.py", "def brand_new(a):\n    return a\n");
    let d = repo.json(&["defs", "brand_new"]);
    assert_eq!(d["result"]["results"][0]["path"], "extra.py");
    assert_eq!(d["freshness"]["refreshed"], 1);
    repo.write("more.py", "def other(a):\n    return a\n");
    let stale = repo.json(&["defs", "other", "--no-refresh"]);
    assert_eq!(stale["result"]["results"].as_array().unwrap().len(), 0);
    assert_eq!(stale["freshness"]["stale_files"][0], "more.py");
    let trusted = repo.json(&["defs", "other", "--no-check"]);
    assert_eq!(trusted["freshness"]["checked"], false);
    assert_eq!(
        trusted["freshness"]["stale_files"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    assert_eq!(trusted["result"]["results"].as_array().unwrap().len(), 0);
    assert_eq!(repo.json(&["defs", "other"])["freshness"]["refreshed"], 1);
}

#[test]
fn map_respects_token_budget() {
    let repo = sample();
    repo.json(&["index"]);
    let m = repo.json(&["map", "--tokens", "40"]);
    let used = m["result"]["tokens_used"].as_u64().unwrap();
    assert!(used <= 40, "{used}");
    let big = repo.json(&["map", "--tokens", "4000"]);
    let files: Vec<&str> = big["result"]["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    // util.py is referenced by app.py, so it ranks above it.
    let pos = |p: &str| files.iter().position(|f| *f == p).unwrap();
    assert!(pos("util.py") < pos("app.py"), "{files:?}");
    assert!(
        big["result"]["text"]
            .as_str()
            .unwrap()
            .contains("def camel_to_snake(name, sep=\"_\")")
    );
}

#[test]
fn map_does_not_rank_a_file_for_names_nobody_imports() {
    // shadow.py defines `sorted` and `len`; every file calls the builtins,
    // which must not count as references to shadow.py.
    let repo = Repo::git(&[
        ("util.py", UTIL_PY),
        (
            "app.py",
            &format!("{APP_PY}\n\ndef order(xs):\n    return sorted(xs, key=len)\n"),
        ),
        (
            "shadow.py",
            "def sorted(xs):\n    return xs\n\n\ndef len(x):\n    return 0\n",
        ),
        ("more.py", "def count(xs):\n    return len(sorted(xs))\n"),
    ]);
    repo.json(&["index"]);
    let big = repo.json(&["map", "--tokens", "4000"]);
    let files: Vec<&str> = big["result"]["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    let pos = |p: &str| files.iter().position(|f| *f == p).unwrap();
    assert!(pos("util.py") < pos("shadow.py"), "{files:?}");
    let ranks: Vec<f64> = big["result"]["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rank"].as_f64().unwrap())
        .collect();
    // shadow.py gets no votes: it has the lowest rank.
    assert_eq!(
        big["result"]["files"][pos("shadow.py")]["rank"]
            .as_f64()
            .unwrap(),
        ranks.iter().cloned().fold(f64::MAX, f64::min)
    );
}

#!/usr/bin/env python3
"""Quality benchmark for `plumb check` (issue 3): recall on mutated real code,
false findings on unmodified real code and real commits, and latency.

Usage: python3 bench/check_quality.py [--quick] [--seed N] [--json PATH]
           [--ts-repo DIR] [--go-repo DIR] [--java-repo DIR] [--no-checkers] [--no-timing]
           [--lang python,rust,typescript,go,java]

Corpora (target/check-bench/corpora, scratch git repos, never committed):
  py       a subset of this interpreter's stdlib + a pyproject with no dependencies
  rust-*   crates copied from ~/.cargo/registry/src (2 in --quick, 8 in full)
  ts, go, java  clones of a fetched TypeScript, Go and Java repo (scripts/setup-bench.sh)
Mutations, each a unified diff of a real file fed to `plumb check --diff`:
  unknown-symbol, arity-mismatch, unknown-import, undeclared-package, and
  unknown-keyword (Python). A mutation is caught when a finding of that kind
  is reported on the mutated line ±1 ("any" column: a finding of any kind).
Negatives: unmodified files via `--files`, real commits of the ts/go/java repos via
`--diff`. The languages' own checkers (ruff F rules, tsc, cargo check when the
crate builds offline) run on the same mutated files. Prints tables and writes
a JSON summary (default target/check-bench/summary-{quick,full}.json).
Needs: a release build (cargo build --release -p plumb-cli) and
scripts/setup-bench.sh. See bench/check_quality/README.md.
"""
import argparse
import ast
import concurrent.futures as cf
import difflib
import hashlib
import json
import pathlib
import random
import shutil
import statistics
import os
import subprocess
import sys
import time
import zlib
from itertools import zip_longest

sys.dont_write_bytecode = True  # keep bench/ free of __pycache__
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from check_quality import checkers, corpora, engine as eng, negatives, timing  # noqa: E402
from check_quality.imports import ImportMutator  # noqa: E402
from check_quality.mutate import CallMutator  # noqa: E402
from check_quality.oracle import Oracle  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "check-bench"
KINDS = {
    "python": ["unknown-symbol", "arity-mismatch", "unknown-import", "undeclared-package", "unknown-keyword"],
    "rust": ["unknown-symbol", "arity-mismatch", "unknown-import", "undeclared-package"],
    "typescript": ["unknown-symbol", "arity-mismatch", "unknown-import", "undeclared-package"],
    "go": ["unknown-symbol", "arity-mismatch", "unknown-import", "undeclared-package"],
    "java": ["unknown-symbol", "arity-mismatch", "unknown-import", "undeclared-package"],
}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def unified(path, old, new):
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        "a/" + path, "b/" + path, n=3))


def parses(src):
    """A Python mutation must still be valid syntax: models write wrong names, not broken grammar."""
    try:
        ast.parse(src)
        return True
    except (SyntaxError, ValueError):
        return False


def make_cases(name, repo, lang, plumb, per_kind, seed):
    files = corpora.source_files(repo, lang)
    cache = {}

    def read(p):
        if p not in cache:
            try:
                cache[p] = (repo / p).read_text()
            except (UnicodeDecodeError, OSError):
                cache[p] = ""
        return cache[p]

    files = [f for f in files if read(f).endswith("\n")]
    oracle = Oracle(plumb, repo, lang, files)
    calls = CallMutator(oracle, lang, files, read)
    imps = ImportMutator(oracle, lang, files, read, str(repo))
    rng = random.Random(seed * 1000003 + zlib.crc32(name.encode()))
    sites, points = list(calls.sites), list(imps.points)
    rng.shuffle(sites)
    rng.shuffle(points)
    gen = {
        "unknown-symbol": (sites, calls.unknown_symbol),
        "arity-mismatch": (sites, calls.arity),
        "unknown-keyword": (sites, calls.unknown_keyword),
        "unknown-import": (points, imps.unknown_import),
        "undeclared-package": (points, imps.undeclared),
    }
    cases = []
    for kind in KINDS[lang]:
        pool, fn = gen[kind]
        per_file, used, got = {}, set(), 0
        cap = max(2, per_kind // 4)
        for item in pool:
            if got >= per_kind:
                break
            path, line = item[0], (item[3] if len(item) > 3 else item[1])
            if per_file.get(path, 0) >= cap or (path, line) in used:
                continue
            c = fn(item, rng)
            if not c or (lang == "python" and not parses(c["new"])):
                continue
            used.add((path, line))
            per_file[path] = per_file.get(path, 0) + 1
            c.update(corpus=name, lang=lang, id=f"{name}/{kind}/{got:03d}")
            c["diff"] = unified(c["file"], read(c["file"]), c["new"])
            cases.append(c)
            got += 1
    return cases, files, read


def run_cases(engine, repo, cases, cdir):
    cdir.mkdir(parents=True, exist_ok=True)

    def one(c):
        f = cdir / (c["id"].replace("/", "_") + ".diff")
        f.write_text(c["diff"])
        findings, wall, code, err = engine.check(repo, ["--diff", str(f)])
        strict, anyk = eng.caught(findings, c)
        c["plumb"] = {"caught": strict, "any": anyk, "wall": wall, "exit": code,
                      "error": err if findings is None else "", "findings": [
                          {k: x.get(k) for k in ("kind", "line", "message", "confidence")} for x in (findings or [])][:5]}

    with cf.ThreadPoolExecutor(2) as ex:
        list(ex.map(one, cases))


def run_negatives(engine, repo, files, read, rng, max_lines):
    batches, _total = negatives.file_batches(files, read, rng, max_lines)
    by_kind, errors, nfiles, lines, examples = {}, [], 0, 0, []
    for b in batches:
        # Absolute paths: `--files` resolves relative paths against the current directory.
        findings, wall, code, err = engine.check(repo, ["--files", *[str(repo / f) for f, _ in b]])
        if findings is None:
            errors.append(err.strip()[:200])
            continue
        nfiles += len(b)
        lines += sum(n for _, n in b)
        for k, n in eng.false_findings(findings).items():
            by_kind[k] = by_kind.get(k, 0) + n
        for x in findings:
            if x.get("kind") not in eng.NOT_FALSE | eng.ADVISORY and len(examples) < 8:
                examples.append(f"{x.get('file')}:{x.get('line')} {x.get('kind')}: {x.get('message')}")
    return {"files": nfiles, "lines": lines, "false": sum(v for k, v in by_kind.items() if k not in eng.ADVISORY),
            "advisory": sum(v for k, v in by_kind.items() if k in eng.ADVISORY), "by_kind": dict(sorted(by_kind.items())),
            "failed_batches": len(errors), "errors": errors[:3], "examples": examples}


def run_commits(engine, repo, lang, count):
    out = {"commits": 0, "added_lines": 0, "false": 0, "advisory": 0, "by_kind": {}, "errors": [], "examples": []}
    for c, diff, added, clone in negatives.real_commits(repo, lang, WORK, count):
        negatives.index_at(engine.plumb, clone)
        f = WORK / "history" / f"{c[:12]}.diff"
        f.write_text(diff)
        findings, wall, code, err = engine.check(clone, ["--diff", str(f)])
        out["commits"] += 1
        out["added_lines"] += added
        if findings is None:
            out["errors"].append(f"{c[:12]}: {err.strip()[:160]}")
            continue
        for k, n in eng.false_findings(findings).items():
            out["by_kind"][k] = out["by_kind"].get(k, 0) + n
            out["advisory" if k in eng.ADVISORY else "false"] += n
        for x in findings:
            if x.get("kind") not in eng.NOT_FALSE | eng.ADVISORY and len(out["examples"]) < 5:
                out["examples"].append(f"{c[:12]} {x.get('file')}:{x.get('line')} {x.get('kind')}: {x.get('message')}")
    return out


def run_checker(checker, cases, read, limit):
    """The first `limit` cases, taken round-robin over kinds so a limit samples every kind."""
    by_kind = {}
    for c in cases:
        by_kind.setdefault(c["kind"], []).append(c)
    order = [c for group in zip_longest(*by_kind.values()) for c in group if c is not None]
    done = 0
    for c in order:
        if done >= limit:
            break
        hit, wall = checker.run(c, read(c["file"]))
        c.setdefault("checker", {})[checker.name] = {"caught": hit, "wall": wall}
        done += 1


def pct(a, b):
    return f"{100.0 * a / b:5.1f}%" if b else "   n/a"


def summarize(cases, negs, commits, timing_res, meta):
    rows = {}
    for c in cases:
        r = rows.setdefault((c["lang"], c["kind"]), {"cases": 0, "caught": 0, "any": 0, "walls": [], "checkers": {}})
        r["cases"] += 1
        r["caught"] += c["plumb"]["caught"]
        r["any"] += c["plumb"]["any"]
        r["walls"].append(c["plumb"]["wall"])
        for name, v in c.get("checker", {}).items():
            k = r["checkers"].setdefault(name, {"cases": 0, "caught": 0, "walls": []})
            k["cases"] += 1
            k["caught"] += v["caught"]
            k["walls"].append(v["wall"])
    table = []
    for (lang, kind), r in sorted(rows.items()):
        row = {"lang": lang, "kind": kind, "cases": r["cases"], "recall": round(r["caught"] / r["cases"], 4),
               "recall_any_kind": round(r["any"] / r["cases"], 4),
               "plumb_median_ms": round(statistics.median(r["walls"]) * 1000, 1), "checkers": {}}
        for name, k in sorted(r["checkers"].items()):
            row["checkers"][name] = {"cases": k["cases"], "recall": round(k["caught"] / k["cases"], 4),
                                     "median_ms": round(statistics.median(k["walls"]) * 1000, 1)}
        table.append(row)
    by_form = {}
    for c in cases:
        key = f"{c['lang']}/{c['kind']}/{c['form']}/{c['how']}"
        f = by_form.setdefault(key, {"cases": 0, "caught": 0})
        f["cases"] += 1
        f["caught"] += c["plumb"]["caught"]
    by_lang = {}
    for n in negs:
        b = by_lang.setdefault(n["lang"], {"lines": 0, "false": 0, "advisory": 0, "by_kind": {}, "files": 0, "failed_batches": 0})
        b["advisory"] += n["advisory"]
        b["failed_batches"] += n["failed_batches"]
        b["lines"] += n["lines"]
        b["files"] += n["files"]
        b["false"] += n["false"]
        for k, v in n["by_kind"].items():
            b["by_kind"][k] = b["by_kind"].get(k, 0) + v
    for b in by_lang.values():
        b["per_10k_lines"] = round(b["false"] * 10000 / b["lines"], 2) if b["lines"] else None
    for c in commits.values():
        c["per_10k_added_lines"] = round(c["false"] * 10000 / c["added_lines"], 2) if c["added_lines"] else None
    return {"meta": meta, "recall": table, "recall_by_form_and_slip": dict(sorted(by_form.items())), "unmodified": by_lang, "unmodified_by_corpus": negs,
            "real_commits": commits, "timing": timing_res,
            "cases": [{k: c[k] for k in ("id", "lang", "kind", "file", "line", "how", "form", "detail", "diff")}
                      | {"plumb": {k: c["plumb"][k] for k in ("caught", "any", "exit", "error", "findings")},
                         "checkers": {n: v["caught"] for n, v in c.get("checker", {}).items()}} for c in cases]}


def print_tables(s):
    m = s["meta"]
    print(f"plumb check quality benchmark ({m['mode']}, seed {m['seed']}, {m['plumb_version']} binary {m['plumb_binary_sha256']}"
          f" at {m['repo_head']}, engine: {m['engine']}, rust deps: {m.get('rust_deps', 'as installed in ~/.cargo')})")
    print()
    print(f"{'lang':<11}{'kind':<20}{'cases':>6}{'recall':>9}{'any kind':>10}{'ms(med)':>9}   checker: recall, ms(med)")
    for r in s["recall"]:
        ch = "; ".join(f"{n}: {pct(v['recall'] * v['cases'], v['cases']).strip()} of {v['cases']}, {v['median_ms']:.0f}"
                       for n, v in r["checkers"].items()) or "-"
        print(f"{r['lang']:<11}{r['kind']:<20}{r['cases']:>6}{pct(r['recall'] * r['cases'], r['cases']):>9}"
              f"{pct(r['recall_any_kind'] * r['cases'], r['cases']):>10}{r['plumb_median_ms']:>9.1f}   {ch}")
    print()
    print("false = findings claiming the code is wrong; dup-fn = duplicate-function advice, shown apart")
    print(f"{'unmodified code':<20}{'files':>7}{'lines':>10}{'false':>7}{'per 10k':>9}{'dup-fn':>8}   by kind")
    for lang, b in sorted(s["unmodified"].items()):
        print(f"{lang:<20}{b['files']:>7}{b['lines']:>10}{b['false']:>7}{b['per_10k_lines'] if b['per_10k_lines'] is not None else 'n/a':>9}{b['advisory']:>8}   "
              f"{json.dumps(b['by_kind'], sort_keys=True)}"
              + (f"  ({b['failed_batches']} batches failed: see JSON)" if b["failed_batches"] else ""))
    if s["real_commits"]:
        print()
        print(f"{'real commits':<20}{'commits':>7}{'added':>10}{'false':>7}{'per 10k':>9}{'dup-fn':>8}   by kind")
        for lang, c in sorted(s["real_commits"].items()):
            print(f"{lang:<20}{c['commits']:>7}{c['added_lines']:>10}{c['false']:>7}{c['per_10k_added_lines'] if c['per_10k_added_lines'] is not None else 'n/a':>9}{c['advisory']:>8}   "
                  f"{json.dumps(c['by_kind'], sort_keys=True)}")
    t = s["timing"]
    if t:
        print()
        print(f"latency: 200-line diff vs the index of {t['corpus']} ({t.get('index_lines', '?')} lines): "
              f"median {t['median_ms']} ms over {t['runs']} runs (min {t['min_ms']}, max {t['max_ms']})"
              + (f"; errors: {t['errors'][0]}" if t["errors"] else ""))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="a few hundred cases (minutes on 2 cores)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-kind", type=int, help="mutations per corpus and kind (default 12 quick, 60 full)")
    ap.add_argument("--plumb", default=str(ROOT / "target" / "release" / "plumb"))
    ap.add_argument("--ts-repo", help="TypeScript repo: a work tree or bare git dir (default: target/check-bench/corpora/ts)")
    ap.add_argument("--go-repo", help="Go repo: a work tree or bare git dir (default: target/check-bench/corpora/go)")
    ap.add_argument("--java-repo", help="Java repo: a work tree or bare git dir (default: target/check-bench/corpora/java)")
    ap.add_argument("--json", help="summary path")
    ap.add_argument("--no-checkers", action="store_true")
    ap.add_argument("--no-timing", action="store_true")
    ap.add_argument("--checker-limit", type=int, help="cases per corpus for the slow checkers (tsc, cargo)")
    ap.add_argument("--fetch-deps", action=argparse.BooleanOptionalAction, default=True,
                    help="run `cargo fetch` in each Rust corpus (into target/check-bench/cargo-home, which plumb then "
                         "reads as CARGO_HOME): every locked dependency installed, dev and optional ones too, as on "
                         "the machine of a developer who builds and tests the crate (the default); --no-fetch-deps "
                         "leaves the crates with what ~/.cargo happens to hold")
    ap.add_argument("--install-npm", action="store_true",
                    help="run the TypeScript corpus from its own clone under target/check-bench/corpora-installed/ "
                         "with `npm install --ignore-scripts` done in it (node_modules as a developer has it); "
                         "without it the corpus has no dependencies installed")
    ap.add_argument("--lang", help="only these languages, comma-separated (python,rust,typescript,go,java)")
    args = ap.parse_args()
    full = not args.quick
    per_kind = args.per_kind or (60 if full else 12)
    plumb = pathlib.Path(args.plumb)
    if not plumb.exists():
        sys.exit(f"check_quality: {plumb} missing; run `cargo build --release -p plumb-cli`")
    WORK.mkdir(parents=True, exist_ok=True)
    version = subprocess.run([str(plumb), "--version"], capture_output=True, text=True).stdout.strip()
    # Which binary: another build can replace target/release/plumb mid-run; compare at the end.
    binary_id = hashlib.sha256(plumb.read_bytes()).hexdigest()[:16]

    wanted = set(args.lang.split(",")) if args.lang else set(KINDS)
    if wanted - set(KINDS):
        sys.exit(f"check_quality: --lang {','.join(sorted(wanted - set(KINDS)))}: not one of {','.join(KINDS)}")
    corps = [("py", corpora.python_subset(WORK, full), "python")] if "python" in wanted else []
    if "rust" in wanted:
        # Fetched corpora live apart: cargo may write a Cargo.lock into them.
        crates = corpora.rust_crates(WORK, 8 if full else 2, args.seed,
                                     into="corpora-fetched" if args.fetch_deps else "corpora")
        if args.fetch_deps:
            # Every plumb run below reads dependencies from this home.
            os.environ["CARGO_HOME"] = str(WORK / "cargo-home")
            for p in crates:
                err = corpora.fetch_cargo_deps(p)
                if err:
                    log(f"check_quality: cargo fetch in {p.name} failed, its dependencies stay as installed: {err}")
        corps += [(p.name, p, "rust") for p in crates]
    for key, opt, lang in (("ts", args.ts_repo, "typescript"), ("go", args.go_repo, "go"),
                           ("java", args.java_repo, "java")):
        if lang not in wanted:
            continue
        repo = corpora.fetched(WORK, key)
        if opt:
            p = pathlib.Path(opt).resolve()
            repo = p if (p / ".git").exists() else None
            if repo is None:
                # A clone of its own, named after the source: the default
                # corpus' clone stays as it is.
                slug = p.parent.name if p.name in ("repo", ".git") else p.name
                installed = args.install_npm and lang == "typescript"
                dest = WORK / ("corpora-installed" if installed else "corpora") / f"{key}-{slug}"
                if not (dest / ".git").is_dir():
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    corpora.clone(p, dest)
                if installed:
                    err = corpora.npm_install(dest)
                    if err:
                        log(f"check_quality: npm install in {dest.name} failed, it runs without dependencies: {err}")
                repo = dest
        if repo is None:
            log(f"check_quality: no {lang} corpus (run scripts/setup-bench.sh); skipped")
            continue
        corps.append((key, repo, lang))

    if not corps:
        sys.exit("check_quality: no corpus to run")
    engine = eng.Engine(plumb)
    for name, repo, lang in corps:
        log(f"index {name}: " + " ".join(corpora.build_index(plumb, repo)))
    engine.probe(corps[0][1])
    if not engine.available:
        log(f"check_quality: `plumb check` not available ({engine.error}); recall will be 0")

    all_cases, negs, commits = [], [], {}
    for name, repo, lang in corps:
        t0 = time.perf_counter()
        cases, files, read = make_cases(name, repo, lang, plumb, per_kind, args.seed)
        log(f"{name}: {len(cases)} mutations from {len(files)} files ({time.perf_counter() - t0:.1f}s)")
        # One directory per corpus checkout and process: every TS/JS corpus is
        # named `ts`, and concurrent runs (bench/sweep.py twice) must not
        # overwrite each other's case diffs.
        cdir = WORK / "cases" / f"{name}-{pathlib.Path(repo).name}-{os.getpid()}"
        run_cases(engine, repo, cases, cdir)
        # The diffs are in the summary (`cases[].diff`); a per-process directory
        # left behind would only grow.
        shutil.rmtree(cdir, ignore_errors=True)
        rng = random.Random(args.seed * 7919 + zlib.crc32(name.encode()))
        n = run_negatives(engine, repo, files, read, rng, None if full else 15000)
        n.update(corpus=name, lang=lang)
        negs.append(n)
        log(f"{name}: caught {sum(c['plumb']['caught'] for c in cases)}/{len(cases)}; "
            f"unmodified {n['lines']} lines, {n['false']} false findings"
            + (f", {n['failed_batches']} failed batches: {n['errors'][0]}" if n["failed_batches"] else ""))
        if lang in ("typescript", "go", "java"):
            commits[lang] = run_commits(engine, repo, lang, 40 if full else 8)
            log(f"{name}: {commits[lang]['commits']} real commits, {commits[lang]['false']} false findings")
        if not args.no_checkers:
            limit = args.checker_limit or (60 if full else 12)
            if lang == "python":
                ck = checkers.Ruff()
                if ck.ok:
                    run_checker(ck, cases, read, 10 ** 6)
            elif lang == "typescript":
                ck = checkers.Tsc(repo, WORK)
                if ck.ok:
                    run_checker(ck, cases, read, limit)
            elif lang == "rust":
                ck = checkers.CargoCheck(repo, WORK)
                if ck.ok:
                    run_checker(ck, cases, read, limit // 2)
                else:
                    log(f"{name}: cargo check --offline does not build the unmodified crate ({ck.why}); no cargo figures")
        all_cases += cases

    timing_res = None
    if not args.no_timing and engine.available:
        log("timing: indexing the whole Python corpus (first run takes a while)")
        timing_res = timing.run(engine, WORK, args.seed)
        st = subprocess.run([str(plumb), "-C", str(timing.stdlib_dir()), "--index", timing_res["index"], "status", "--json"],
                            capture_output=True, text=True)
        try:
            timing_res["index_lines"] = json.loads(st.stdout)["result"].get("lines")
        except (ValueError, KeyError, AttributeError):
            pass
    if hashlib.sha256(plumb.read_bytes()).hexdigest()[:16] != binary_id:
        log("check_quality: WARNING: the plumb binary changed during the run; figures mix two builds")
        binary_id += " (changed during the run)"
    meta = {"mode": "full" if full else "quick", "seed": args.seed, "per_kind": per_kind, "plumb_version": version,
            "plumb_binary_sha256": binary_id, "repo_head": corpora.git(ROOT, "rev-parse", "--short", "HEAD").stdout.strip(),
            "rust_deps": ("cargo fetch (all locked)" if args.fetch_deps else "as installed in ~/.cargo")
                         if "rust" in wanted else "no rust corpora",
            "ts_deps": "npm install --ignore-scripts" if args.install_npm else "none installed",
            "engine": "plumb check" if engine.available else f"unavailable: {engine.error}",
            "corpora": [{"name": n, "lang": l, "repo": str(r),
                         "commit": corpora.git(r, "rev-parse", "HEAD", check=False).stdout.strip()} for n, r, l in corps]}
    summary = summarize(all_cases, negs, commits, timing_res, meta)
    out = pathlib.Path(args.json) if args.json else WORK / f"summary-{meta['mode']}.json"
    out.write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n")
    print_tables(summary)
    print(f"\nsummary: {out}")


if __name__ == "__main__":
    main()

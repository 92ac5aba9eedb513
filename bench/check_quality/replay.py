#!/usr/bin/env python3
"""The cases of one benchmark run judged by another build: re-checks every
mutation a summary stored (its diff) with `--plumb BIN` and prints recall per
language and kind beside the summary's own, for all files and for the
hand-written ones (files the replaying build's index does not mark as
generated: `*.min.js`, `@generated` / `DO NOT EDIT` headers, source-map
trailers, ...). Which cases a run draws depends on the build's index (a
build that skips bundles draws none from them), so comparing two builds on
their own runs compares different cases; this compares them on the same ones.

Usage: python3 bench/check_quality/replay.py SUMMARY.json [--plumb BIN] [--kind KIND] [--list]

SUMMARY.json is what bench/check_quality.py writes (--json PATH) since cases keep
their diff; its corpora must still be in place. Each corpus is indexed with BIN first.
"""
import argparse
import collections
import json
import pathlib
import sqlite3
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # keep bench/ free of __pycache__
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import engine as eng  # noqa: E402
from corpora import build_index  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]


def generated_files(repo):
    """Paths the corpus index marks as generated."""
    db = sqlite3.connect(f"file:{repo / '.plumb' / 'index.db'}?mode=ro", uri=True)
    try:
        return {r[0] for r in db.execute("select path from files where skipped = 'generated'")}
    finally:
        db.close()


def pct(a, b):
    return f"{100.0 * a / b:5.1f}% of {b:<3}" if b else "   n/a      "


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("summary")
    ap.add_argument("--plumb", default=str(ROOT / "target" / "release" / "plumb"))
    ap.add_argument("--kind", help="only this kind (e.g. arity-mismatch)")
    ap.add_argument("--list", action="store_true", help="print each case whose outcome differs")
    args = ap.parse_args()
    d = json.load(open(args.summary))
    repos = {c["name"]: pathlib.Path(c["repo"]) for c in d["meta"]["corpora"]}
    cases = [c for c in d["cases"] if (not args.kind or c["kind"] == args.kind) and c.get("diff")]
    if not cases:
        sys.exit("replay: no case with a stored diff (summaries written before cases kept their diff cannot be replayed)")
    engine = eng.Engine(pathlib.Path(args.plumb))
    gen = {}
    for name, repo in repos.items():
        build_index(args.plumb, repo)
        gen[name] = generated_files(repo)
    if not engine.probe(next(iter(repos.values()))):
        sys.exit(f"replay: {args.plumb} has no `check` ({engine.error})")
    # (lang, kind, scope) -> [cases, caught by the summary's build, caught now]
    t = collections.defaultdict(lambda: [0, 0, 0])
    with tempfile.TemporaryDirectory() as tmp:
        for i, c in enumerate(cases):
            corpus = c["id"].split("/")[0]
            f = pathlib.Path(tmp) / f"{i}.diff"
            f.write_text(c["diff"])
            findings, _wall, _code, _err = engine.check(repos[corpus], ["--diff", str(f)])
            now, _any = eng.caught(findings, c)
            was = c["plumb"]["caught"]
            scope = "generated" if c["file"] in gen[corpus] else "hand-written"
            for s in ("all files", scope):
                row = t[(c["lang"], c["kind"], s)]
                row[0] += 1
                row[1] += bool(was)
                row[2] += bool(now)
            if args.list and bool(now) != bool(was):
                print(f"{'now caught' if now else 'now missed'}: {c['id']} {c['file']}:{c['line']} {c['detail'][:90]}")
    print(f"cases of {args.summary} (binary {d['meta']['plumb_binary_sha256']}) replayed with {args.plumb}")
    print(f"{'lang':<11}{'kind':<20}{'files':<14}{'summary recall':>18}{'replayed recall':>19}")
    for (lang, kind, scope), (n, was, now) in sorted(t.items()):
        print(f"{lang:<11}{kind:<20}{scope:<14}{pct(was, n):>18}{pct(now, n):>19}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

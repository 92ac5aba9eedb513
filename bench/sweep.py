#!/usr/bin/env python3
"""Run the check quality benchmark over several repositories of one language
and print one row per repository plus the pooled totals.

`bench/check_quality.py` takes one JS/TS (or Go, Java) repository at a time;
this runs it once per repository given (bare git dirs fetched under
/work/.mirror, or work trees), with the same seed and binary, keeps each
summary JSON under target/check-bench/sweep/, and pools the cases: recall per
kind over all repositories, and false findings per 10k lines of unmodified
code and of real commits' added lines.

    python3 bench/sweep.py --lang typescript --seed 27 --plumb target/release/plumb \\
        /work/.mirror/axios+axios/repo /work/.mirror/mochajs+mocha/repo ...
"""
import argparse
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
REPO_FLAG = {"typescript": "--ts-repo", "go": "--go-repo", "java": "--java-repo"}


def fail(msg):
    """One line on stderr, exit 2 (usage or run error)."""
    print(f"sweep: {msg}", file=sys.stderr)
    sys.exit(2)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("repos", nargs="+", help="bare git dirs or work trees")
    ap.add_argument("--lang", default="typescript", choices=sorted(REPO_FLAG))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--plumb", default=str(ROOT / "target" / "release" / "plumb"))
    ap.add_argument("--tag", default="sweep", help="name of this run's summaries")
    ap.add_argument("--install-npm", action="store_true",
                    help="TypeScript: run each repository with `npm install` done in its clone (check_quality.py --install-npm)")
    args = ap.parse_args()
    if not pathlib.Path(args.plumb).is_file():
        fail(f"no plumb binary at {args.plumb}: build it (cargo build --release -p plumb-cli) or pass --plumb")
    for repo in args.repos:
        if not pathlib.Path(repo).is_dir():
            fail(f"{repo} is not a directory: pass a fetched bare git dir or a work tree")
    out = ROOT / "target" / "check-bench" / "sweep"
    out.mkdir(parents=True, exist_ok=True)
    pooled, false_u, lines_u, false_c, lines_c, failed = {}, 0, 0, 0, 0, []
    print(f"{'repository':28s} {'kind':20s} {'caught':>9s}   unmodified false/lines   commits false/added")
    for repo in args.repos:
        name = pathlib.Path(repo).parent.name if pathlib.Path(repo).name == "repo" else pathlib.Path(repo).name
        summary = out / f"{args.tag}-{args.lang}-{name}-{args.seed}.json"
        summary.unlink(missing_ok=True)  # a failed run must not read an old summary
        cmd = [sys.executable, str(ROOT / "bench" / "check_quality.py"), "--lang", args.lang,
               REPO_FLAG[args.lang], repo, "--no-timing", "--no-checkers", "--seed", str(args.seed),
               "--plumb", args.plumb, "--json", str(summary)] + (["--install-npm"] if args.install_npm else [])
        cp = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        if cp.returncode != 0 or not summary.is_file():
            failed.append(name)
            print(f"{name:28s} failed: {(cp.stderr or cp.stdout).strip().splitlines()[-1:]}")
            continue
        d = json.loads(summary.read_text())
        kinds = {}
        for c in d["cases"]:
            k = kinds.setdefault(c["kind"], [0, 0])
            k[0] += bool(c["plumb"].get("caught"))
            k[1] += 1
        u = (d.get("unmodified_by_corpus") or [{}])[0]
        rc = d.get("real_commits", {}).get(args.lang, {})
        false_u += u.get("false", 0)
        lines_u += u.get("lines", 0)
        false_c += rc.get("false", 0) or 0
        lines_c += rc.get("added_lines", 0) or 0
        if not kinds:
            # Nothing to mutate (socket.io's engine.io moved into a monorepo: its
            # mirror holds no source): say so rather than print nothing.
            print(f"{name:28s} no cases (no source files of this language in the checkout)")
        first = True
        for kind, (hit, n) in sorted(kinds.items()):
            p = pooled.setdefault(kind, [0, 0])
            p[0] += hit
            p[1] += n
            tail = (f"   {u.get('false', 0):5d}/{u.get('lines', 0):<8d}        {rc.get('false', 0)}/{rc.get('added_lines', 0)}"
                    if first else "")
            print(f"{name if first else '':28s} {kind:20s} {hit:4d}/{n:<4d}{tail}")
            first = False
    print()
    for kind, (hit, n) in sorted(pooled.items()):
        print(f"{'pooled':28s} {kind:20s} {hit:4d}/{n:<4d} {100 * hit / max(n, 1):5.1f}%")
    print(f"{'pooled':28s} {'false, unmodified':20s} {false_u}/{lines_u} lines = {1e4 * false_u / max(lines_u, 1):.2f} per 10k")
    print(f"{'pooled':28s} {'false, real commits':20s} {false_c}/{lines_c} added = {1e4 * false_c / max(lines_c, 1):.2f} per 10k")
    if failed:
        # The pooled figures leave these out; say so and fail the run.
        fail(f"{len(failed)} of {len(args.repos)} repositories failed and are not pooled: {', '.join(failed)}")


if __name__ == "__main__":
    main()

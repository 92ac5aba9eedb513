#!/usr/bin/env python3
"""Why did `plumb check` miss these cases? Replays the missed unknown-symbol
cases of a benchmark summary (renamed calls and macros, any language) with
PLUMB_TRACE_SKIPS=1 and counts where the resolver left the mutated reference
unchecked: the list of gaps to work on, largest first.

Usage: python3 bench/check_quality/why_missed.py SUMMARY.json [SUMMARY.json ...]
           [--lang rust] [--plumb target/release/plumb] [--list]

SUMMARY.json is what bench/check_quality.py writes (--json PATH); its corpora
must still be in place. `--list` prints each case with its line. A case whose
reference is resolved without a skip shows as `resolved`; one caught now (the
code changed since the summary was written) as `caught now`.
"""
import argparse
import collections
import difflib
import json
import os
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def replay(plumb, repo, case):
    """(outcome, mutated line) for one missed rename case, or None when it cannot be replayed."""
    m = re.match(r"(\S+) -> (\S+)", case.get("detail") or "")
    if not m:
        return None
    old, new = m.groups()
    path = repo / case["file"]
    lines = path.read_text(errors="replace").splitlines(keepends=True)
    i = case["line"] - 1
    spots = list(re.finditer(r"\b" + re.escape(old) + r"\b(?=\s*(::<[^>]*>)?[(!])", lines[i]))
    outcome = None
    for spot in spots or [None]:
        if spot is None:
            return None
        mutated = lines[:]
        mutated[i] = lines[i][:spot.start()] + new + lines[i][spot.end():]
        diff = "".join(difflib.unified_diff(lines, mutated, "a/" + case["file"], "b/" + case["file"]))
        cp = subprocess.run([plumb, "-C", str(repo), "check", "--diff", "-", "--format", "json"],
                            input=diff, capture_output=True, text=True,
                            env={**os.environ, "PLUMB_TRACE_SKIPS": "1"})
        try:
            found = [f for f in json.loads(cp.stdout)["findings"]
                     if f["kind"] == case["kind"] and abs(f["line"] - case["line"]) <= 1]
        except (ValueError, KeyError):
            found = []
        skips, on = [], False
        for line in cp.stderr.splitlines():
            if "plumb: reference" in line:
                on = f"'{new}'" in line
            elif on and "skipped at" in line:
                skips.append(line.split("skipped at ")[-1])
        outcome = ("caught now" if found else skips[-1] if skips else "resolved", mutated[i].strip())
        if not found:
            return outcome
    return outcome


def fail(msg):
    """A one-line error on stderr and exit 2 (usage), as plumb itself does."""
    print(f"why_missed: {msg}", file=sys.stderr)
    sys.exit(2)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("summaries", nargs="+")
    ap.add_argument("--lang", default="rust")
    ap.add_argument("--plumb", default=str(ROOT / "target" / "release" / "plumb"))
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    counts = collections.Counter()
    if not pathlib.Path(args.plumb).is_file():
        fail(f"no plumb binary at {args.plumb}; build it (cargo build --release -p plumb-cli) or pass --plumb")
    for s in args.summaries:
        try:
            d = json.load(open(s))
            d["meta"]["corpora"], d["cases"]
        except (OSError, ValueError, KeyError) as e:
            fail(f"{s} is not a summary bench/check_quality.py wrote ({e}); run it with --json PATH first")
        repos = {c["name"]: pathlib.Path(c["repo"]) for c in d["meta"]["corpora"]}
        for c in d["cases"]:
            if c["lang"] != args.lang or c["kind"] != "unknown-symbol" or c["plumb"]["caught"]:
                continue
            repo = repos.get(c["id"].split("/")[0])
            if repo is None or not (repo / c["file"]).exists():
                continue
            got = replay(args.plumb, repo, c)
            if got is None:
                continue
            counts[got[0]] += 1
            if args.list:
                print(f"{got[0]:34} {c['id']} {c['file']}:{c['line']} | {got[1][:100]}")
    for where, n in counts.most_common():
        print(f"{n:5}  {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

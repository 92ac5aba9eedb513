#!/usr/bin/env python3
"""Time `plumb check --files` on whole files of a repository, for one or more
binaries side by side: the median wall time and peak memory of N runs each,
every binary with its own index (built first, not timed).

The anchors it is meant for: knex's four largest JavaScript modules (the check
time quoted since session 10) and a large bundled file, such as the 3 MB
`.yarn/releases/yarn-*.cjs` pdfkit commits, where a reader that rescans the
whole file per call turns quadratic (session 13 met one that took 402 s).

    python3 bench/check_time.py --repo CLONE --plumb target/release/plumb \\
        --plumb /tmp/plumb-start lib/client.js lib/query/querybuilder.js

`--repo` must be a work tree (a clone of a fetched mirror); its `.plumb`
directory is left alone: the indexes live under target/check-bench/time.

`--stress` needs no repository: it writes a generated pair into
target/check-bench/stress (a git work tree) and times it: `long.js`, a
6,000-line function that tests its argument's type and then reads 12,000
members of it, called once with the argument left out, and `long2.js`, the
same function without the calls. Readers that rescan a function or a scope per
use turn quadratic there (session 14 met three).

    python3 bench/check_time.py --stress --plumb /tmp/plumb-start --plumb target/release/plumb
"""
import argparse
import pathlib
import resource
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]


def fail(msg):
    print(f"check_time: {msg}", file=sys.stderr)
    sys.exit(2)


def run_once(cmd):
    """Wall seconds of one run."""
    start = time.perf_counter()
    cp = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if cp.returncode not in (0, 1):
        fail(f"{' '.join(cmd[:3])} … exited {cp.returncode}: {cp.stderr.strip()[:200]}")
    return wall


def index_path(repo, tag):
    return ROOT / "target" / "check-bench" / "time" / f"{repo.name}-{tag}.db"


def build_index(plumb, repo, tag):
    index = index_path(repo, tag)
    index.parent.mkdir(parents=True, exist_ok=True)
    cp = subprocess.run([str(plumb), "-C", str(repo), "--index", str(index), "index"],
                        capture_output=True, text=True)
    if cp.returncode != 0:
        fail(f"indexing {repo} with {plumb} failed: {cp.stderr.strip()[:200]}")


def time_checks(plumb, repo, files, runs, tag):
    """Median wall seconds of `runs` checks, and the peak RSS (MB) of the
    checks: this process runs nothing else, so its children's maximum is
    theirs."""
    cmd = [str(plumb), "-C", str(repo), "--index", str(index_path(repo, tag)),
           "check", "--no-build", "--format", "json", "--files", *files]
    walls = [run_once(cmd) for _ in range(runs)]
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return statistics.median(walls), peak


def write_stress():
    """The generated pair of `--stress`, committed in its own work tree."""
    repo = ROOT / "target" / "check-bench" / "stress"
    repo.mkdir(parents=True, exist_ok=True)
    body = [f"    if (x.k{i}) {{ a.push(x.v{i}); }}" for i in range(6000)]
    head = ["function f(a, x) {", "  if (typeof x === 'object') {"]
    tail = ["  }", "  return a;", "}"]
    (repo / "long2.js").write_text("\n".join(head + body + tail) + "\n")
    (repo / "long.js").write_text("\n".join(
        head[:1] + ["  if (typeof x === 'string') x = {};"] + head[1:] + body + tail
        + ["f([], {});", "f([]);"]) + "\n")
    if not (repo / ".git").exists():
        subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "long.js", "long2.js"], cwd=repo, check=True)
    subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost",
                    "commit", "-qm", "stress", "--allow-empty"], cwd=repo, check=True)
    return repo, ["long.js", "long2.js"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repo", help="a work tree")
    ap.add_argument("--stress", action="store_true", help="time the generated long-function pair")
    ap.add_argument("--plumb", action="append", required=True, help="a binary (repeat to compare)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--one", help=argparse.SUPPRESS)  # internal: measure one binary
    ap.add_argument("files", nargs="*", help="paths relative to --repo, checked whole")
    args = ap.parse_args()
    if args.stress and args.one is None:
        stress_repo, args.files = write_stress()
        args.repo = str(stress_repo)
    if not args.repo or not args.files:
        fail("give --repo and files, or --stress")
    repo = pathlib.Path(args.repo).resolve()
    if not (repo / ".git").exists():
        fail(f"{repo} is not a work tree: clone the fetched mirror first")
    for f in args.files:
        if not (repo / f).is_file():
            fail(f"{f} is not a file of {repo}")
    lines = sum(len((repo / f).read_bytes().splitlines()) for f in args.files)
    if args.one is not None:
        wall, peak = time_checks(pathlib.Path(args.plumb[0]).resolve(), repo, args.files, args.runs, args.one)
        print(f"{wall:.3f} {peak:.1f}")
        return
    for i, plumb in enumerate(args.plumb):
        build_index(pathlib.Path(plumb).resolve(), repo, str(i))
    print(f"check --files of {len(args.files)} file(s), {lines:,} lines, median of {args.runs}:")
    for i, plumb in enumerate(args.plumb):
        # Each binary in a child of its own, so that peak memory is its own.
        cp = subprocess.run([sys.executable, __file__, "--repo", str(repo), "--plumb", plumb,
                             "--runs", str(args.runs), "--one", str(i), *args.files],
                            capture_output=True, text=True)
        if cp.returncode != 0:
            fail(cp.stderr.strip())
        wall, peak = cp.stdout.split()
        print(f"  {plumb:<40} {float(wall):7.2f} s  {float(peak):7.1f} MB peak")


if __name__ == "__main__":
    main()

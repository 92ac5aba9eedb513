#!/usr/bin/env python3
"""Names taken from installed npm packages: does `plumb check` catch a
slip in them, and what does installing the dependencies cost in false
findings?

For each repository (a bare git dir or a work tree) this clones it under
target/check-bench/npm/, installs its dependencies from the npm registry
(`npm install --ignore-scripts`), and mutates real uses of declared,
installed packages the way models slip: a name imported from a package
(`import {v4} from 'uuid'`, `const {Pool} = require('tarn')`, renamed in
the whole file) or a member called on a package's module object
(`uuid.parse(...)`, `_.debounce(...)`, renamed at the call) becomes a
plausible variant (get/fetch/find, plural, snake/camel, a prefix) that
appears as a word in no file of the package, its @types, or the file. A
case is caught when a finding (not a note) lands on the mutated line ±1.
False findings are counted on every tracked source file, unmodified, with
node_modules installed and, side by side as the anchor, with it moved
away (what the checker says without dependency sources).

    python3 bench/npm_packages.py --plumb target/release/plumb --seed 1 \\
        /work/.mirror/knex+knex/repo /work/.mirror/tj+commander.js/repo ...
"""
import argparse
import difflib
import json
import os
import pathlib
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from check_quality import corpora  # noqa: E402
from check_quality.engine import ADVISORY, NOT_FALSE, Engine, caught  # noqa: E402
from check_quality.names import variants  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]
WORD = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
SPEC = r"""['"]([^'"./][^'"]*)['"]"""
NAMED = [
    re.compile(r"^\s*import\s+(?:type\s+)?(?:[\w$]+\s*,\s*)?\{([^}]*)\}\s*from\s*" + SPEC),
    re.compile(r"^\s*(?:const|let|var)\s+\{([^}]*)\}\s*=\s*require\(\s*" + SPEC + r"\s*\)\s*[;,]?\s*$"),
]
WHOLE = [
    re.compile(r"^\s*import\s+\*\s+as\s+([\w$]+)\s+from\s*" + SPEC),
    re.compile(r"^\s*import\s+([\w$]+)\s*(?:,\s*\{[^}]*\})?\s*from\s*" + SPEC),
    re.compile(r"^\s*(?:const|let|var)\s+([\w$]+)\s*=\s*require\(\s*" + SPEC + r"\s*\)\s*[;,]?\s*$"),
]
PKG_EXTS = (".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".json")


def package_name(spec):
    parts = spec.split("/")
    return "/".join(parts[:2]) if spec.startswith("@") else parts[0]


def node_builtins():
    cp = subprocess.run(["node", "-e", "console.log(require('module').builtinModules.join('\\n'))"],
                        capture_output=True, text=True)
    return set(cp.stdout.split())


def install(src, work):
    """A clone of `src` with its dependencies installed; (dir, error)."""
    name = pathlib.Path(src).resolve()
    name = name.parent.name if name.name == "repo" else name.name
    dst = work / name
    # A run stopped while node_modules was moved aside (for the anchor) left it there.
    aside = work / f".{name}.node_modules"
    if aside.is_dir() and not (dst / "node_modules").exists():
        os.rename(aside, dst / "node_modules")
    if not (dst / ".git").exists():
        shutil.rmtree(dst, ignore_errors=True)
        corpora.clone(src, dst)
    err = corpora.npm_install(dst)
    return dst, err and "npm install failed: " + err[:120]


class Package:
    """Every word of an installed package's files (and its @types')."""

    def __init__(self, repo, name):
        self.words = set()
        for d in (repo / "node_modules" / name, repo / "node_modules" / "@types" / name.lstrip("@").replace("/", "__")):
            for base, dirs, files in os.walk(d):
                dirs[:] = [x for x in dirs if x != "node_modules"]
                for f in files:
                    if f.endswith(PKG_EXTS):
                        try:
                            self.words.update(WORD.findall(open(os.path.join(base, f), errors="replace").read()))
                        except OSError:
                            pass


def declared(repo):
    try:
        pj = json.load(open(repo / "package.json"))
    except (OSError, ValueError):
        return set()
    out = set()
    for k in ("dependencies", "devDependencies", "peerDependencies", "optionalDependencies"):
        out.update((pj.get(k) or {}).keys())
    return out


def sites(repo, files, builtins):
    """(file, line index, form, name, spec, alias-or-None) for every use of a declared, installed package."""
    deps = declared(repo)
    out = []
    for rel in files:
        lines = (repo / rel).read_text(errors="replace").split("\n")
        whole = {}
        for i, line in enumerate(lines):
            for rx in NAMED:
                m = rx.match(line)
                if m:
                    spec = m.group(2)
                    for part in m.group(1).split(","):
                        bits = re.split(r"\s+as\s+|\s*:\s*", part.strip().removeprefix("type ").strip())
                        if bits and WORD.fullmatch(bits[0]) and bits[0] != "default":
                            out.append((rel, i, "named", bits[0], spec, bits[1] if len(bits) > 1 else None))
            for rx in WHOLE:
                m = rx.match(line)
                if m:
                    whole[m.group(1)] = m.group(2)
        for q, spec in whole.items():
            for i, line in enumerate(lines):
                if line.lstrip().startswith(("*", "//", "/*")):
                    continue
                for m in re.finditer(r"(?<![\w$.])" + re.escape(q) + r"\.([A-Za-z_$][\w$]*)\s*\(", line):
                    out.append((rel, i, "member", m.group(1), spec, (q, m.start(1))))
    keep = []
    for s in out:
        pkg = package_name(s[4])
        if s[4].startswith("node:") or pkg in builtins or pkg not in deps:
            continue
        if (repo / "node_modules" / pkg / "package.json").is_file():
            keep.append(s)
    return keep


def mutate(repo, site, packages, rng):
    rel, i, form, name, spec, extra = site
    pkg = package_name(spec)
    if pkg not in packages:
        packages[pkg] = Package(repo, pkg)
    words = packages[pkg].words
    if name not in words:
        return None
    text = (repo / rel).read_text(errors="replace")
    here = set(WORD.findall(text))
    by_how = {}
    for v, how in variants(name, "camel"):
        if v not in words and v not in here:
            by_how.setdefault(how, []).append(v)
    if not by_how:
        return None
    how = rng.choice(sorted(by_how))
    v = rng.choice(by_how[how])
    lines = text.split("\n")
    if form == "named" and extra is None:
        new = re.sub(r"(?<![\w$.])" + re.escape(name) + r"(?![\w$])", v, text)
    elif form == "named":
        lines[i] = re.sub(r"(?<![\w$])" + re.escape(name) + r"(?=\s*(?:as\b|:))", v, lines[i], count=1)
        new = "\n".join(lines)
    else:
        _q, col = extra
        lines[i] = lines[i][:col] + v + lines[i][col + len(name):]
        new = "\n".join(lines)
    if new == text:
        return None
    diff = "".join(difflib.unified_diff(text.splitlines(True), new.splitlines(True), f"a/{rel}", f"b/{rel}"))
    return {"file": rel, "line": i + 1, "kind": "unknown-symbol", "form": form, "diff": diff,
            "detail": f"{spec}: {name} -> {v} ({how}, {form})"}


def false_findings(eng, repo, files):
    """(false findings, lines, examples) of checking every file whole."""
    n, lines, ex = 0, 0, []
    for rel in files:
        lines += (repo / rel).read_text(errors="replace").count("\n") + 1
    for k in range(0, len(files), 40):
        found, _w, _rc, err = eng.check(repo, ["--files", *files[k:k + 40]])
        for f in found or []:
            if f.get("kind") in NOT_FALSE | ADVISORY:
                continue
            n += 1
            if len(ex) < 6:
                ex.append(f"{f['file']}:{f['line']} {f['kind']} {f['message'][:110]}")
    return n, lines, ex


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("repos", nargs="+")
    ap.add_argument("--plumb", default=str(ROOT / "target" / "release" / "plumb"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-form", type=int, default=30, help="cases per repository and form")
    ap.add_argument("--work", default=str(ROOT / "target" / "check-bench" / "npm"))
    args = ap.parse_args()
    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    eng = Engine(args.plumb)
    builtins = node_builtins()
    pooled = {"named": [0, 0], "member": [0, 0]}
    fp = {"with": [0, 0], "without": [0, 0]}
    walls = []
    print(f"{'repository':<28}{'named':>10}{'member':>10}{'false with':>12}{'without':>9}{'lines':>9}")
    for src in args.repos:
        repo, err = install(src, work)
        if err:
            print(f"{repo.name:<28} skipped: {err}")
            continue
        if not eng.probe(repo):
            sys.exit(f"npm_packages: {args.plumb} has no check command")
        corpora.build_index(args.plumb, repo)
        files = corpora.source_files(repo, "typescript")
        rng = random.Random(f"{args.seed}:{repo.name}")
        all_sites = sites(repo, files, builtins)
        rng.shuffle(all_sites)
        packages, row = {}, {"named": [0, 0], "member": [0, 0]}
        for site in all_sites:
            form = site[2]
            if row[form][1] >= args.per_form:
                continue
            case = mutate(repo, site, packages, rng)
            if case is None:
                continue
            with tempfile.NamedTemporaryFile("w", suffix=".diff", delete=False) as t:
                t.write(case["diff"])
            found, wall, _rc, e = eng.check(repo, ["--diff", t.name])
            os.unlink(t.name)
            if found is None:
                print(f"  error on {case['detail']}: {e}")
                continue
            walls.append(wall)
            hit = caught(found, case)[1]
            row[form][0] += hit
            row[form][1] += 1
            if not hit and os.environ.get("NPM_BENCH_MISSES"):
                print(f"  missed {case['file']}:{case['line']} {case['detail']}")
        with_n, lines, ex = false_findings(eng, repo, files)
        aside = work / f".{repo.name}.node_modules"
        os.rename(repo / "node_modules", aside)
        try:
            without_n, _l, _e = false_findings(eng, repo, files)
        finally:
            os.rename(aside, repo / "node_modules")
        for k in row:
            pooled[k][0] += row[k][0]
            pooled[k][1] += row[k][1]
        fp["with"][0] += with_n
        fp["without"][0] += without_n
        fp["with"][1] += lines
        fp["without"][1] += lines
        cell = lambda c: f"{c[0]}/{c[1]}"  # noqa: E731
        print(f"{repo.name:<28}{cell(row['named']):>10}{cell(row['member']):>10}{with_n:>12}{without_n:>9}{lines:>9}")
        for x in ex:
            print(f"    {x}")
    pct = lambda c: f"{100 * c[0] / c[1]:.1f}% of {c[1]}" if c[1] else "n/a"  # noqa: E731
    per10k = lambda c: f"{1e4 * c[0] / c[1]:.2f}" if c[1] else "n/a"  # noqa: E731
    print(f"pooled recall: named imports {pct(pooled['named'])}, package members {pct(pooled['member'])}")
    print(f"false findings per 10k lines: with node_modules {per10k(fp['with'])} ({fp['with'][0]}), "
          f"without (anchor) {per10k(fp['without'])} ({fp['without'][0]}) in {fp['with'][1]} lines")
    if walls:
        print(f"median check of one mutated file: {1000 * statistics.median(walls):.0f} ms over {len(walls)} cases")


if __name__ == "__main__":
    main()

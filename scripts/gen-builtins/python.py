#!/usr/bin/env python3
"""Generate crates/check/data/builtins/python.txt from real Python interpreters.

Usage (from the repo root):
    python3 scripts/gen-builtins/python.py [--python /path/to/python3.X ...]

Sources: each interpreter itself. By default every CPython 3.10+ found on
PATH or under ~/.pyenv/versions is used and the results are unioned, so a
name that exists in any of those versions counts (the header lists them).
  - builtins: dir(builtins)
  - stdlib module names: sys.stdlib_module_names
  - members: for every stdlib module (and the submodules of stdlib packages
    found with pkgutil), imported in its own subprocess with a timeout, the
    names of dir(module) that do not start with "_" plus its __all__.
    Module-valued attributes of stdlib modules (os.path) are recorded as
    modules too. Modules that fail to import (missing system library, GUI)
    are still listed, with no members, and counted in the header.
Skipped: modules with side effects on import (antigravity opens a browser,
this prints), GUI demos, and the test suites (test, *.tests, idlelib).

Output format (shared by every language's data file, read by
crates/check/src/builtins): '#' comment lines; '@builtins' then one name per
line; '@module NAME' then one member per line, or the single line '*' when
the module exists but its members are not known. Everything sorted.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

OUT = "crates/check/data/builtins/python.txt"
SKIP = {"antigravity", "this", "idlelib", "turtledemo", "__main__", "test"}
TIMEOUT = 30

LIST = r"""
import builtins, json, sys
print(json.dumps({"version": sys.version.split()[0],
                  "builtins": sorted(dir(builtins)),
                  "modules": sorted(sys.stdlib_module_names)}))
"""

# Imports one top-level module and its package's submodules; prints JSON.
ONE = r"""
import importlib, json, pkgutil, sys, types, io, contextlib
name = sys.argv[1]
skip_parts = {"test", "tests", "idle_test", "idlelib", "turtledemo"}
out = {}
failed = []
def members(m):
    # Modules a module merely imported (json.decoder.re) are not its members.
    names = set()
    for n in dir(m):
        if n.startswith("_"):
            continue
        v = getattr(m, n, None)
        if isinstance(v, types.ModuleType) and not (getattr(v, "__name__", "") or "").startswith(m.__name__ + "."):
            if not (m.__name__ in sys.stdlib_module_names and getattr(v, "__name__", n) != n):
                continue
        names.add(n)
    al = getattr(m, "__all__", None)
    if isinstance(al, (list, tuple)):
        names |= {n for n in al if isinstance(n, str)}
    return sorted(names)
def record(modname, m):
    out[modname] = members(m)
    for attr in dir(m):
        if attr.startswith("_"):
            continue
        v = getattr(m, attr, None)
        if isinstance(v, types.ModuleType):
            # os.path is posixpath: a top-level module exposing another stdlib
            # module under a different name.
            vname = getattr(v, "__name__", "") or ""
            if ("." not in modname and vname != attr and vname.split(".")[0] in sys.stdlib_module_names
                    and not vname.startswith(modname + ".") and modname + "." + attr not in out):
                out[modname + "." + attr] = members(v)
def load(modname):
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            return importlib.import_module(modname)
    except BaseException:
        failed.append(modname)
        return None
m = load(name)
if m is not None:
    record(name, m)
    if hasattr(m, "__path__"):
        for info in pkgutil.walk_packages(m.__path__, name + ".", onerror=lambda n: None):
            if skip_parts & set(info.name.split(".")) or info.name.split(".")[-1] == "__main__":
                continue
            sub = load(info.name)
            if sub is not None:
                record(info.name, sub)
print(json.dumps({"modules": out, "failed": failed}))
"""


def find_pythons():
    found = {}
    cands = glob.glob(os.path.expanduser("~/.pyenv/versions/3.*/bin/python3"))
    for d in os.environ.get("PATH", "").split(os.pathsep):
        cands += glob.glob(os.path.join(d, "python3.*"))
    for c in cands:
        if not re.search(r"python3(\.\d+)?$", c) or not os.access(c, os.X_OK):
            continue
        try:
            v = subprocess.run([c, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                               capture_output=True, text=True, timeout=20).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            continue
        if v and tuple(map(int, v.split("."))) >= (3, 10) and v not in found:
            found[v] = c
    return [found[v] for v in sorted(found, key=lambda s: tuple(map(int, s.split("."))))]


def run(py, code, *args, cwd):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "PYTHONPATH", "PYTHONSTARTUP")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["MPLBACKEND"] = "Agg"
    r = subprocess.run([py, "-I", "-c", code, *args], capture_output=True, text=True,
                       timeout=TIMEOUT, stdin=subprocess.DEVNULL, cwd=cwd, env=env)
    lines = r.stdout.strip().splitlines()
    return json.loads(lines[-1]) if r.returncode == 0 and lines else None


def dump(py, cwd):
    info = run(py, LIST, cwd=cwd)
    mods = [m for m in info["modules"] if m not in SKIP]

    def one(m):
        try:
            return m, run(py, ONE, m, cwd=cwd)
        except subprocess.TimeoutExpired:
            return m, None

    members, failed = {}, []
    with ThreadPoolExecutor(max_workers=2) as ex:
        for m, res in ex.map(one, mods):
            if res is None:
                failed.append(m)
                members.setdefault(m, [])
                continue
            failed += res["failed"]
            for k in res["failed"]:
                members.setdefault(k, [])
            for k, v in res["modules"].items():
                members[k] = v
            members.setdefault(m, [])
    return info, members, failed


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--python", action="append", help="interpreter(s) to use (default: all 3.10+ found)")
    args = ap.parse_args()
    pythons = args.python or find_pythons()
    if not pythons:
        sys.exit("no Python 3.10+ interpreter found")
    builtins_, modules, versions, failed_all = set(), {}, [], set()
    with tempfile.TemporaryDirectory() as cwd:
        for py in pythons:
            info, members, failed = dump(py, cwd)
            versions.append(info["version"])
            builtins_ |= set(info["builtins"])
            for k, v in members.items():
                modules.setdefault(k, set()).update(v)
            failed_all |= set(failed)
            print(f"{py}: Python {info['version']}: {len(info['builtins'])} builtins, "
                  f"{len(members)} modules, {len(failed)} failed to import", file=sys.stderr)
    # A module that imported under some interpreter is not "failed".
    failed_all = {m for m in failed_all if not modules.get(m)}
    lines = [
        "# Python builtins and standard library, generated by scripts/gen-builtins/python.py",
        "# from the interpreters themselves (union): CPython " + ", ".join(versions),
        "# builtins: dir(builtins); modules: sys.stdlib_module_names + pkgutil submodules;",
        "# members: public names of dir(module) and __all__ after importing it.",
        f"# {len(failed_all)} modules listed without members (import failed: missing library, GUI or platform): "
        + " ".join(sorted(failed_all)),
        "@builtins",
    ]
    lines += sorted(builtins_)
    for name in sorted(modules):
        lines.append("@module " + name)
        lines += ["*"] if name in failed_all else sorted(modules[name])
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {OUT}: {len(builtins_)} builtins, {len(modules)} modules, "
          f"{sum(len(v) for v in modules.values())} members", file=sys.stderr)


if __name__ == "__main__":
    main()

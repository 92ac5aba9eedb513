"""The corpora: scratch git repositories under target/check-bench/corpora.

Owns copying real code into scratch repos (a CPython stdlib subset, crates
from the local cargo registry, the fetched JS/TS and Go clones made by
scripts/setup-bench.sh) and building their Plumb indexes. Never writes
into the cargo registry, the interpreter's stdlib or the fetched mirrors.
"""
import os
import pathlib
import random
import re
import shutil
import subprocess
import sysconfig

EXTS = {
    "python": (".py",),
    "rust": (".rs",),
    "typescript": (".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"),
    "go": (".go",),
    "java": (".java",),
}
SKIP_DIRS = {".git", ".plumb", "node_modules", "target", "vendor", "__pycache__", "test", "tests", "idlelib"}

PY_PACKAGES_QUICK = ["json", "email", "http", "logging", "urllib", "concurrent", "importlib"]
PY_MODULES_QUICK = [
    "argparse", "base64", "calendar", "configparser", "csv", "dataclasses", "difflib", "fractions",
    "ftplib", "functools", "gettext", "glob", "gzip", "heapq", "inspect", "ipaddress", "netrc",
    "optparse", "pathlib", "pprint", "shlex", "shutil", "smtplib", "socketserver", "statistics",
    "string", "tarfile", "tempfile", "textwrap", "threading", "tokenize", "uuid", "zipfile",
]
PY_PACKAGES_FULL = PY_PACKAGES_QUICK + [
    "asyncio", "xml", "unittest", "multiprocessing", "sqlite3", "tomllib", "wsgiref", "xmlrpc",
    "dbm", "html", "collections", "ctypes", "venv", "zoneinfo", "re",
]
PY_MODULES_FULL = PY_MODULES_QUICK + [
    "ast", "bdb", "bisect", "cgi", "cmd", "code", "codecs", "colorsys", "contextlib", "copy",
    "datetime", "decimal", "dis", "doctest", "enum", "filecmp", "fileinput", "fnmatch", "getopt",
    "getpass", "hashlib", "hmac", "imaplib", "linecache", "locale", "lzma", "mailbox", "mimetypes",
    "nntplib", "numbers", "operator", "os", "pdb", "pickle", "pkgutil", "platform", "plistlib",
    "poplib", "posixpath", "profile", "pstats", "pydoc", "queue", "quopri", "random", "reprlib",
    "rlcompleter", "runpy", "sched", "secrets", "selectors", "shelve", "signal", "site", "socket",
    "ssl", "stat", "subprocess", "symtable", "sysconfig", "tabnanny", "timeit", "trace",
    "traceback", "tracemalloc", "types", "typing", "warnings", "wave", "weakref", "webbrowser",
    "zipapp", "_pyio", "_strptime", "_collections_abc", "_compression", "_osx_support",
]
PYPROJECT = """[project]
name = "stdlib-subset"
version = "0.0.0"
requires-python = ">=3.10"
dependencies = []
"""


def git(repo, *args, check=True):
    return subprocess.run(["git", "-C", str(repo), *args], check=check, capture_output=True, text=True)


def clone(src, dest):
    """Clone `src` into `dest`, leaving out the files whose blobs the source
    lacks (fetched mirrors leave their largest files out; a plain clone
    then fails to check out). The left-out paths stay out of the work
    tree through sparse checkout, so every later checkout skips them too."""
    dest = pathlib.Path(dest)
    subprocess.run(["git", "clone", "-q", "--no-checkout", str(src), str(dest)], check=True)
    listing = git(dest, "ls-tree", "-r", "-z", "HEAD").stdout.split("\0")
    blobs = {}
    for line in filter(None, listing):
        meta, path = line.split("\t", 1)
        kind, oid = meta.split()[1:3]
        if kind == "blob":
            blobs.setdefault(oid, []).append(path)
    probe = subprocess.run(["git", "-C", str(dest), "cat-file", "--batch-check"], input="\n".join(blobs) + "\n",
                           capture_output=True, text=True, check=True).stdout
    missing = sorted(p for line in probe.splitlines() if line.endswith(" missing")
                     for p in blobs.get(line.split()[0], []))
    if missing:
        git(dest, "sparse-checkout", "set", "--no-cone", "/*", *("!/" + glob_escape(p) for p in missing))
    git(dest, "checkout", "-q", "HEAD")


def glob_escape(path):
    return re.sub(r"([*?\[\\!])", r"\\\1", path)


def _copytree(src, dst):
    shutil.copytree(src, dst, symlinks=False, ignore=shutil.ignore_patterns(*SKIP_DIRS, "*.pyc"))


def _commit_scratch(repo):
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit", "-q", "-m", "corpus")


def python_subset(work, full):
    """A scratch git repo holding a subset of this interpreter's stdlib, plus a pyproject
    that declares no dependencies (so a third-party import is undeclared)."""
    dest = work / "corpora" / ("py-full" if full else "py")
    if (dest / ".git").is_dir():
        return dest
    lib = pathlib.Path(sysconfig.get_paths()["stdlib"])
    tmp = dest.with_name(dest.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for p in PY_PACKAGES_FULL if full else PY_PACKAGES_QUICK:
        if (lib / p).is_dir():
            _copytree(lib / p, tmp / p)
    for m in PY_MODULES_FULL if full else PY_MODULES_QUICK:
        if (lib / f"{m}.py").is_file():
            shutil.copy2(lib / f"{m}.py", tmp / f"{m}.py")
    (tmp / "pyproject.toml").write_text(PYPROJECT)
    _commit_scratch(tmp)
    tmp.rename(dest)
    return dest


def _rs_lines(d):
    n = 0
    for root, dirs, files in os.walk(d):
        dirs[:] = [x for x in dirs if x not in SKIP_DIRS and x not in ("benches", "examples")]
        for f in files:
            if f.endswith(".rs"):
                try:
                    with open(os.path.join(root, f), "rb") as fh:
                        n += fh.read().count(b"\n")
                except OSError:
                    pass
    return n


def rust_crates(work, count, seed, into="corpora"):
    """`count` crates from ~/.cargo/registry/src, 2k-20k lines of Rust each, chosen with
    the seed; each copied into its own scratch git repo (one crate dir = one repo)
    under `work/into`."""
    reg = pathlib.Path.home() / ".cargo" / "registry" / "src"
    dirs = sorted(p for idx in sorted(reg.glob("*")) for p in idx.iterdir() if (p / "Cargo.toml").is_file() and (p / "src" / "lib.rs").is_file())
    # One version per crate name (the newest by sort order), so two copies of a crate never both count.
    by_name = {}
    for p in dirs:
        by_name[p.name.rsplit("-", 1)[0]] = p
    names = sorted(by_name)
    random.Random(seed).shuffle(names)
    out = []
    for n in names:
        if len(out) >= count:
            break
        src = by_name[n]
        lines = _rs_lines(src)
        if not 2000 <= lines <= 20000:
            continue
        dest = work / into / f"rust-{src.name}"
        if not (dest / ".git").is_dir():
            tmp = dest.with_name(dest.name + ".tmp")
            shutil.rmtree(tmp, ignore_errors=True)
            shutil.copytree(src, tmp, symlinks=False, ignore=_crate_copy_ignore(src))
            _commit_scratch(tmp)
            tmp.rename(dest)
        out.append(dest)
    return out


def fetch_cargo_deps(crate):
    """`cargo fetch` in a crate copy, into the CARGO_HOME the caller set: its
    whole lock file (dev and optional dependencies too) installed. The crate's
    own Cargo.lock is used where it ships one; otherwise cargo writes one, which
    plumb then reads as the locked versions. None, or the error's last line."""
    try:
        cp = subprocess.run(["cargo", "fetch", "--quiet"], cwd=crate, capture_output=True, text=True, timeout=900)
    except (OSError, subprocess.TimeoutExpired) as e:
        return str(e)
    if cp.returncode != 0:
        return (cp.stderr.strip().splitlines() or ["exit %d" % cp.returncode])[-1]
    return None


def npm_install(repo):
    """`npm install` in a JS/TS clone (no install scripts run), once; None or the error."""
    if (repo / "node_modules").is_dir():
        return None
    try:
        cp = subprocess.run(["npm", "install", "--ignore-scripts", "--no-audit", "--no-fund", "--legacy-peer-deps"],
                            cwd=repo, capture_output=True, text=True, timeout=900)
    except (OSError, subprocess.TimeoutExpired) as e:
        return str(e)
    if cp.returncode != 0:
        shutil.rmtree(repo / "node_modules", ignore_errors=True)
        return (cp.stderr.strip().splitlines() or ["exit %d" % cp.returncode])[-1]
    return None


def fetched(work, which):
    """The clone scripts/setup-bench.sh made of a fetched repository, or None."""
    d = work / "corpora" / which
    return d if (d / ".git").is_dir() else None


def source_files(repo, lang):
    """Tracked source files of `lang` (relative paths, sorted), outside skipped dirs."""
    cp = git(repo, "ls-files", "-z")
    out = []
    for rel in cp.stdout.split("\0"):
        if not rel or not rel.endswith(EXTS[lang]):
            continue
        parts = rel.split("/")
        if any(p in SKIP_DIRS for p in parts[:-1]):
            continue
        if rel.endswith(".d.ts") or not (pathlib.Path(repo) / rel).is_file():
            continue  # (not on disk: a blob the fetched mirror lacks, see clone)
        out.append(rel)
    return sorted(out)


def build_index(plumb, repo, index=None):
    cmd = [str(plumb), "-C", str(repo)]
    if index:
        cmd += ["--index", str(index)]
    cp = subprocess.run(cmd + ["index"], capture_output=True, text=True)
    if cp.returncode != 0:
        raise RuntimeError(f"plumb index {repo} failed: {cp.stderr[-500:]}")
    return cp.stderr.strip().splitlines()[-1:] if cp.stderr else []


def _crate_copy_ignore(root):
    """What a copy of a crate leaves out: VCS and index dirs anywhere, and the
    build directory `target/` at the crate root only (`src/target/` is a
    module, as in the `cc` crate)."""
    root = str(root)

    def ignore(d, names):
        out = {n for n in names if n in (".git", ".plumb")}
        if os.path.samefile(d, root) and "target" in names:
            out.add("target")
        return out
    return ignore

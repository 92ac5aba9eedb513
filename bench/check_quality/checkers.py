"""The languages' own checkers, run on the same mutated files as Plumb.

Owns ruff (pyflakes rules), `tsc --noEmit` and `cargo check --offline`:
each is run on the original file once (baseline) and on the mutated file;
a mutation counts as caught when a diagnostic that the baseline did not
have lands on the mutated line ±1. Writes only into checker scratch copies
under target/check-bench/checkers and restores every file it touches.
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
RUFF = ROOT / ".venv" / "bin" / "ruff"
TSC = ROOT / "target" / "check-bench" / "npm" / "node_modules" / ".bin" / "tsc"
# Unused-import and redefinition say nothing about whether a name exists.
RUFF_IGNORE = "F401,F811,F841"


def _window(diags, case, baseline):
    for line, key in diags:
        if abs(line - case["line"]) <= 1 and key not in baseline:
            return True
    return False


class Ruff:
    name = "ruff (pyflakes rules F)"

    def __init__(self):
        self.ok = RUFF.exists()
        self._base = {}

    def _run(self, path, text):
        cp = subprocess.run([str(RUFF), "check", "--isolated", "--no-cache", "--select", "F", "--ignore", RUFF_IGNORE,
                             "--output-format", "json", "--stdin-filename", path, "-"],
                            input=text, capture_output=True, text=True)
        try:
            return [(d["location"]["row"], f'{d["code"]}:{d["message"]}') for d in json.loads(cp.stdout or "[]")]
        except ValueError:
            return []

    def run(self, case, original):
        if case["file"] not in self._base:
            self._base[case["file"]] = {k for _, k in self._run(case["file"], original)}
        t0 = time.perf_counter()
        d = self._run(case["file"], case["new"])
        return _window(d, case, self._base[case["file"]]), time.perf_counter() - t0


class FileChecker:
    """A checker that needs the mutated file on disk, in its own copy of the corpus."""

    def __init__(self, repo, work):
        self.src = pathlib.Path(repo)
        self.copy = pathlib.Path(work) / "checkers" / self.src.name
        if not self.copy.is_dir():
            shutil.copytree(self.src, self.copy, symlinks=True, ignore=shutil.ignore_patterns(".git", ".plumb"))
        self._base = {}

    def diags(self, rel):
        raise NotImplementedError

    def run(self, case, original):
        rel = case["file"]
        if rel not in self._base:
            self._base[rel] = {k for _, k in self.diags(rel)}
        p = self.copy / rel
        t0 = time.perf_counter()
        try:
            p.write_text(case["new"])
            d = self.diags(rel)
        finally:
            p.write_text(original)
        return _window(d, case, self._base[rel]), time.perf_counter() - t0


class Tsc(FileChecker):
    name = "tsc --noEmit"
    FLAGS = ["--noEmit", "--skipLibCheck", "--strict", "--target", "es2022", "--module", "nodenext",
             "--moduleResolution", "nodenext", "--lib", "es2022,dom,dom.iterable", "--pretty", "false"]
    LINE = re.compile(r"^(.*?)\((\d+),(\d+)\): error (TS\d+): (.*)$")

    def __init__(self, repo, work):
        super().__init__(repo, work)
        self.ok = TSC.exists()

    def diags(self, rel):
        cp = subprocess.run([str(TSC), *self.FLAGS, rel], cwd=self.copy, capture_output=True, text=True)
        out = []
        for line in cp.stdout.splitlines():
            m = self.LINE.match(line)
            if m and os.path.normpath(m.group(1)) == os.path.normpath(rel):
                out.append((int(m.group(2)), f"{m.group(4)}:{m.group(5)}"))
        return out


class CargoCheck(FileChecker):
    name = "cargo check --offline"
    LOC = re.compile(r"^\s*--> (.*?):(\d+):(\d+)")

    def __init__(self, repo, work):
        super().__init__(repo, work)
        self.env = dict(os.environ, CARGO_TARGET_DIR=str(pathlib.Path(work) / "cargo-target"))
        # The copy lives inside this repository's workspace; an empty [workspace]
        # table makes the crate its own workspace root (the copy only).
        # Dev-dependencies are dropped from the copy: `cargo check` of the library
        # does not use them, but offline resolution fails when one is not cached.
        manifest = self.copy / "Cargo.toml"
        text = manifest.read_text()
        if not re.search(r"^\[workspace\]", text, re.M):
            kept, skip = [], False
            for line in text.split("\n"):
                if line.startswith("["):
                    skip = "dev-dependencies" in line
                if not skip:
                    kept.append(line)
            manifest.write_text("\n".join(kept) + "\n[workspace]\n")
            # Seed resolution with this workspace's lock file: its versions are the
            # ones in the local registry cache, so the crate resolves offline.
            if (ROOT / "Cargo.lock").is_file():
                shutil.copy2(ROOT / "Cargo.lock", self.copy / "Cargo.lock")
        cp = subprocess.run(["cargo", "check", "--offline", "--quiet", "--message-format", "short"], cwd=self.copy,
                            capture_output=True, text=True, env=self.env)
        self.ok = cp.returncode == 0
        errs = [l for l in cp.stderr.splitlines() if l.startswith("error")] or cp.stderr.strip().splitlines() or ["failed"]
        self.why = "" if self.ok else errs[0][:160]

    def diags(self, rel):
        cp = subprocess.run(["cargo", "check", "--offline", "--quiet", "--message-format", "short"], cwd=self.copy,
                            capture_output=True, text=True, env=self.env)
        out = []
        for line in cp.stderr.splitlines():
            m = re.match(r"^(.*?):(\d+):(\d+): (error[^:]*): (.*)$", line)
            if m and os.path.normpath(m.group(1)) == os.path.normpath(rel):
                out.append((int(m.group(2)), f"{m.group(4)}:{m.group(5)}"))
        return out

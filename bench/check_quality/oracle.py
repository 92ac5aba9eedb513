"""What exists: the ground truth a mutation is verified against.

Owns reading a corpus (its words, its Plumb index read-only, `plumb defs
--json`, the generated builtin lists in crates/check/data/builtins) so a
mutated name is known to exist nowhere and a call's target is known to be
unambiguous. Reads the index SQLite file read-only to enumerate call sites
and imports (schema: crates/store/src/schema.rs); if that schema changes,
only this module needs to follow.
"""
import builtins
import json
import keyword
import pathlib
import re
import sqlite3
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
WORD = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*")
BUILTIN_FILE = {"python": ["python"], "rust": ["rust"], "typescript": ["typescript", "javascript"], "go": ["go"], "java": ["java"]}


def builtin_names(lang):
    """Every builtin name, module name and module member the engine's own data lists."""
    names, modules = set(), set()
    for stem in BUILTIN_FILE[lang]:
        p = ROOT / "crates" / "check" / "data" / "builtins" / f"{stem}.txt"
        if not p.is_file():
            continue
        for line in p.read_text(errors="replace").splitlines():
            if not line or line.startswith("#"):
                continue
            if line.startswith("@module "):
                m = line[8:].strip()
                modules.add(m)
                names.update(re.split(r"[./:]+", m))
            elif not line.startswith("@"):
                names.add(line.strip())
    if lang == "python":
        names.update(dir(builtins))
        names.update(keyword.kwlist)
        names.update(getattr(keyword, "softkwlist", []))
    return names, modules


class Oracle:
    def __init__(self, plumb, repo, lang, files, index=None):
        self.plumb, self.repo, self.lang, self.index = plumb, pathlib.Path(repo), lang, index
        self.files = files
        self.words = set()
        for rel in self._all_text_files():
            try:
                data = (self.repo / rel).read_bytes()
            except OSError:
                continue
            self.words.update(w.decode() for w in WORD.findall(data))
        self.builtins, self.modules = builtin_names(lang)
        self._defs = {}
        db = index or (self.repo / ".plumb" / "index.db")
        self.db = sqlite3.connect(f"file:{db}?mode=ro", uri=True)

    def _all_text_files(self):
        cp = subprocess.run(["git", "-C", str(self.repo), "ls-files", "-z"], capture_output=True, text=True)
        return [f for f in cp.stdout.split("\0") if f]

    def defs(self, name):
        """`plumb defs NAME --json` results (cached)."""
        if name not in self._defs:
            cmd = [str(self.plumb), "-C", str(self.repo)]
            if self.index:
                cmd += ["--index", str(self.index)]
            cp = subprocess.run(cmd + ["defs", name, "--json", "--no-refresh", "--limit", "20"], capture_output=True, text=True)
            try:
                self._defs[name] = json.loads(cp.stdout)["result"]["results"]
            except (ValueError, KeyError):
                self._defs[name] = None  # unknown: never use as ground truth
        return self._defs[name]

    def absent(self, name):
        """True when `name` occurs nowhere: not a word of any tracked file, not a builtin
        or standard-library name, and `plumb defs` finds no definition."""
        bare = name.lstrip("#")
        if bare in self.words or name in self.builtins:
            return False
        return self.defs(name) == [] and (bare == name or self.defs(bare) == [])

    def call_sites(self):
        q = (
            "select f.path, r.name, r.qualifier, r.line, r.col, r.end_line, r.end_col, r.arg_count, r.keywords, r.spread "
            "from refs r join files f on f.id = r.file_id where r.kind = 'call' order by f.path, r.line, r.col"
        )
        return self.db.execute(q).fetchall()

    def def_names(self, kinds=("function", "method")):
        q = "select distinct name from defs where kind in (%s)" % ",".join("?" * len(kinds))
        return {r[0] for r in self.db.execute(q, kinds)}

    def type_names(self):
        q = "select distinct name from defs where kind in ('class','struct','enum','trait','interface','module','type_alias','union')"
        return {r[0] for r in self.db.execute(q)}

    def imports(self):
        q = (
            "select f.path, i.module, i.names, i.alias, i.relative, i.line, i.col, i.end_line "
            "from imports i join files f on f.id = i.file_id order by f.path, i.line, i.col"
        )
        return self.db.execute(q).fetchall()

    def manifest_deps(self):
        row = self.db.execute("select json from manifest").fetchone()
        if not row:
            return []
        try:
            return [d["name"] for d in json.loads(row[0]).get("dependencies", [])]
        except (ValueError, AttributeError):
            return []

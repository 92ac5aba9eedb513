"""Import mutations: unknown-import and undeclared-package, one new import line
inserted after a real top-level import of a real file.

Owns the per-language templates and their verification (the module or
package must not exist in the repo, the standard library, the manifest or
the local environment). Never writes files.
"""
import importlib.util
import json
import os
import re
import sys

FAKE_SUBMODULES = ["utils", "helpers", "compat", "core", "common", "base", "tools", "internal",
                   "types_ext", "errors", "constants", "config", "impl", "parsers", "backend", "cache"]
SLOP_ROOTS = {
    "python": ["requests", "numpy", "pandas", "flask", "django", "yaml", "fastapi", "pydantic", "aiohttp",
               "boto3", "openai", "torch", "redis", "httpx", "click", "jsonschema", "dateutil", "attrs"],
    "typescript": ["axios", "lodash", "react", "express", "zod", "fetch", "node-fetch", "got", "ky", "p-retry",
                   "query-string", "dayjs", "chalk", "undici", "@sindresorhus/is", "@types/fetch"],
    "go": ["github.com/spf13/pflag", "github.com/sirupsen/logrus", "github.com/pkg/errors", "github.com/stretchr/testify",
           "github.com/urfave/cli", "gopkg.in/yaml", "github.com/go-yaml/yaml", "golang.org/x/text", "github.com/fatih/color"],
    "java": ["org.apache.commons.lang3", "com.fasterxml.jackson.databind", "org.slf4j", "io.reactivex",
             "okhttp3", "org.yaml.snakeyaml", "org.json", "reactor.core", "io.vavr", "org.joda.time",
             "com.squareup.moshi", "org.apache.http.client", "kotlinx.serialization", "io.micronaut.core"],
    "rust": ["serde_json", "tokio", "anyhow", "itertools", "rayon", "log", "bytes", "regex", "once_cell",
             "thiserror", "clap", "futures", "smallvec", "hashbrown", "parking_lot"],
}
SLOP_SUFFIXES = {
    "python": ["_utils", "_helpers", "_async", "_extra", "_client", "_compat", "2", "_plus", "_tools", "_lite"],
    "typescript": ["-utils", "-helpers", "-extra", "-lite", "-plus", "-retry", "-compat", "-toolkit", "2", "-core"],
    "go": ["x", "-utils", "/helpers", "-ext", "/v9", "util", "-lite", "/compat"],
    "rust": ["_ext", "_utils", "_helpers", "_lite", "_plus", "2", "_compat", "_core"],
    "java": ["", ".util", ".utils", ".core", ".helpers", ".internal", ".api"],
}
TYPE_NAMES = ["Config", "Client", "Helper", "Options", "Context", "Result", "Error", "Builder"]


def insertion_points(oracle, files, lang, read):
    """(file, line) after which a new import line can go: a real single-line top-level import."""
    fileset, out = set(files), []
    for path, module, _names, _alias, _rel, line, col, end_line in oracle.imports():
        if path not in fileset or line != end_line:
            continue
        text = read(path).split("\n")[line - 1]
        if lang == "go":
            if text.startswith("import ") or text.startswith('\t"') or re.match(r'\t\w+ "', text):
                out.append((path, line, module))
        elif col == 1 and not text.rstrip().endswith(("(", "\\", "{", ",")):
            if lang == "typescript" and not text.startswith("import "):
                continue
            if lang == "rust" and not re.match(r"(pub(\([^)]*\))? )?use ", text):
                continue
            if lang == "java" and not re.match(r"import [\w.]+;\s*$", text):
                continue
            out.append((path, line, module))
    # dedupe: one point per (file, line)
    seen, uniq = set(), []
    for p in out:
        if p[:2] not in seen:
            seen.add(p[:2])
            uniq.append(p)
    return uniq


class ImportMutator:
    def __init__(self, oracle, lang, files, read, repo):
        self.o, self.lang, self.read, self.repo = oracle, lang, read, repo
        self.points = insertion_points(oracle, files, lang, read)
        self.deps = {d.lower().replace("-", "_") for d in oracle.manifest_deps()}
        self.paths = set(files)
        self.all_paths = set(oracle._all_text_files())
        self.dirs = {os.path.dirname(p) for p in self.all_paths}
        for p in list(self.dirs):
            while p:
                p = os.path.dirname(p)
                self.dirs.add(p)
        self.go_module = None
        if lang == "go" and os.path.isfile(os.path.join(repo, "go.mod")):
            m = re.search(r"^module\s+(\S+)", open(os.path.join(repo, "go.mod")).read(), re.M)
            self.go_module = m.group(1) if m else None

    def _insert(self, path, line, new_line, kind, detail, how):
        lines = self.read(path).split("\n")
        lines.insert(line, new_line)
        return {"kind": kind, "file": path, "line": line + 1, "new": "\n".join(lines), "detail": detail, "how": how, "form": "import"}

    def _declared(self, name):
        if self.lang == "java":
            return self._java_declared(name)
        n = name.lower().replace("-", "_")
        return any(n == d or n.startswith(d + "/") or d.startswith(n + "/") for d in self.deps)

    # What Spring Boot starters always bring along (a starter-based build compiles
    # imports of these without declaring them).
    STARTER_BRINGS = ("org.springframework", "jakarta", "org.hibernate", "com.fasterxml.jackson", "org.slf4j",
                      "ch.qos.logback", "org.yaml.snakeyaml", "io.micrometer", "org.apache.tomcat",
                      "org.apache.logging", "org.aspectj", "reactor", "io.projectreactor", "org.reactivestreams")

    def _java_declared(self, pkg):
        """A declared coordinate whose group shares the package's first two segments
        or prefixes it, or an artifact id word that is a package segment; with a
        Spring Boot starter, what starters bring too."""
        segs = pkg.split(".")
        deps = self.o.manifest_deps()
        if any("spring-boot" in d for d in deps) and any(pkg == f or pkg.startswith(f + ".") for f in self.STARTER_BRINGS):
            return True
        for d in deps:
            group, _, artifact = d.partition(":")
            if pkg == group or pkg.startswith(group + ".") or group.split(".")[:2] == segs[:2]:
                return True
            if any(w in segs for w in re.split(r"[-_.]", artifact) if len(w) >= 5):
                return True
        return False

    # ---- unknown-import -------------------------------------------------
    def unknown_import(self, point, rng):
        path, line, module = point
        text = self.read(path).split("\n")[line - 1]
        fake = rng.choice(FAKE_SUBMODULES)
        name = rng.choice(TYPE_NAMES)
        d = os.path.dirname(path)
        if self.lang == "python":
            in_pkg = (d and os.path.join(d, "__init__.py") in self.all_paths)
            if in_pkg and rng.random() < 0.5:
                if os.path.join(d, fake + ".py") in self.all_paths or os.path.join(d, fake) in self.dirs:
                    return None
                return self._insert(path, line, f"from .{fake} import {name}", "unknown-import", f"from .{fake} (relative, {d}/{fake}.py does not exist)", "relative")
            if not module or module.startswith("."):
                return None
            top = module
            if self._py_exists(f"{top}.{fake}"):
                return None
            return self._insert(path, line, f"from {top}.{fake} import {name}", "unknown-import", f"{top}.{fake} (no such submodule)", "submodule")
        if self.lang == "typescript":
            if module and module.startswith("."):
                base = os.path.normpath(os.path.join(d, os.path.dirname(module)))
                ext = ".js" if module.endswith(".js") else ""
                stem = os.path.basename(module).rsplit(".", 1)[0] if ext else os.path.basename(module)
                new_stem = rng.choice([f"{stem}-{fake}", fake])
                target = os.path.join(base, new_stem) if base != "." else new_stem
                if any((target + e) in self.all_paths for e in (".ts", ".tsx", ".js", ".mjs", ".d.ts", "/index.ts", "/index.js")):
                    return None
                # A path into installed packages (`./node_modules/uuid/dist/x.js`)
                # can be judged only where they are installed: none drawn
                # otherwise, and an installed file is no slip.
                parts = target.split(os.sep)
                if "node_modules" in parts:
                    installed = os.path.join(self.repo, *parts[:parts.index("node_modules") + 1])
                    if not os.path.isdir(installed) or any(
                            os.path.exists(os.path.join(self.repo, target + e)) for e in (".ts", ".js", ".mjs", ".d.ts", "/index.js")):
                        return None
                spec = os.path.join(os.path.dirname(module), new_stem) + ext
                if not spec.startswith("."):
                    spec = "./" + spec
                return self._insert(path, line, f"import {{{name}}} from '{spec}';", "unknown-import", f"'{spec}' (no such file)", "relative")
            return None
        if self.lang == "go":
            if self.go_module and rng.random() < 0.6:
                spec = f"{self.go_module}/{fake}"
                if fake in self.dirs:
                    return None
                how = "project"
            elif module and "." not in module.split("/")[0]:
                spec = f"{module}/{fake}"
                if spec in self.o.modules:
                    return None
                how = "stdlib-like"
            else:
                return None
            return self._insert(path, line, self._go_line(text, spec), "unknown-import", f'"{spec}" (no such package)', how)
        if self.lang == "java":
            return self._java_unknown(path, line, module, fake, name, rng)
        if self.lang == "rust":
            if rng.random() < 0.6:
                if fake in self.o.words or self.o.defs(fake):
                    return None
                return self._insert(path, line, f"use crate::{fake}::{name};", "unknown-import", f"crate::{fake} (no such module)", "project")
            std_mod = rng.choice(["collections", "io", "sync", "fs", "fmt", "iter", "str"])
            spec = f"std::{std_mod}::{fake}"
            if spec in self.o.modules:
                return None
            return self._insert(path, line, f"use {spec}::{name};", "unknown-import", f"{spec} (no such module in std)", "stdlib-like")
        return None

    def _java_unknown(self, path, line, module, fake, name, rng):
        """`import <project package>.<fake>.<Name>;` (a package the project lacks) or
        `import java.<pkg>.<Name>;` (a class the JDK package lacks)."""
        from .mutate import java_roots
        roots = java_roots(self.all_paths)
        is_project = any(module == r or module.startswith(r + ".") for r in roots)
        if is_project and rng.random() < 0.6:
            pkg_dirs = {p.split("/java/", 1)[1].rsplit("/", 1)[0].replace("/", ".") for p in self.all_paths
                        if p.endswith(".java") and "/java/" in p}
            if f"{module}.{fake}" in pkg_dirs or rng.random() < 0.5:
                # A missing class of an existing package.
                cls = rng.choice([name, fake[:1].upper() + fake[1:] + name])
                if any(p.endswith(f"/{module.replace('.', '/')}/{cls}.java") for p in self.all_paths) or cls in self.o.words:
                    return None
                return self._insert(path, line, f"import {module}.{cls};", "unknown-import", f"{module}.{cls} (no such class)", "project-class")
            spec = f"{module}.{fake}"
            return self._insert(path, line, f"import {spec}.{name};", "unknown-import", f"{spec} (no such package)", "project")
        std = rng.choice(["java.util", "java.io", "java.nio.file", "java.util.concurrent", "java.lang.reflect", "java.time"])
        cls = rng.choice([name, name + "s", fake[:1].upper() + fake[1:]])
        if f"{std}.{cls}" in self.o.modules or cls in self._jdk_classes(std):
            return None
        return self._insert(path, line, f"import {std}.{cls};", "unknown-import", f"{std}.{cls} (no such JDK class)", "stdlib-like")

    def _jdk_classes(self, pkg):
        out, cur = set(), False
        p = os.path.join(os.path.dirname(__file__), "..", "..", "crates", "check", "data", "builtins", "java.txt")
        for line in open(p):
            line = line.rstrip("\n")
            if line.startswith("@"):
                cur = line == f"@module {pkg}"
            elif cur:
                out.add(line)
        return out

    def _py_exists(self, dotted):
        rel = dotted.replace(".", "/")
        if rel + ".py" in self.all_paths or rel in self.dirs:
            return True
        try:
            return importlib.util.find_spec(dotted) is not None
        except (ImportError, ValueError, AttributeError):
            return False
        except Exception:
            return True

    def _go_line(self, text, spec):
        return f'import "{spec}"' if text.startswith("import ") else f'\t"{spec}"'

    # ---- undeclared-package -----------------------------------------------
    def undeclared(self, point, rng):
        path, line, _module = point
        text = self.read(path).split("\n")[line - 1]
        root = rng.choice(SLOP_ROOTS[self.lang])
        pkg = root + rng.choice(SLOP_SUFFIXES[self.lang])
        name = rng.choice(TYPE_NAMES)
        if self._declared(pkg):
            return None
        if self.lang == "python":
            pkg = pkg.replace("-", "_")
            if pkg in sys.stdlib_module_names or pkg in self.o.words or self._py_exists(pkg):
                return None
            new = f"import {pkg}" if rng.random() < 0.5 else f"from {pkg} import {name}"
        elif self.lang == "typescript":
            if pkg in self.o.modules or os.path.isdir(os.path.join(self.repo, "node_modules", pkg)):
                return None
            new = f"import {{{name}}} from '{pkg}';"
        elif self.lang == "go":
            if pkg in self.o.modules:
                return None
            new = self._go_line(text, pkg)
        elif self.lang == "java":
            if pkg in self.o.modules or self._java_declared(pkg) or any(
                    s in self.o.words for s in pkg.split(".")[1:] if len(s) > 4 and s not in ("utils", "helpers", "internal", "core")):
                return None
            new = f"import {pkg}.{name};"
        else:
            if pkg in self.o.words or pkg in self.o.modules:
                return None
            new = f"use {pkg}::{name};"
        return self._insert(path, line, new, "undeclared-package", f"{pkg} (not in the manifest, not installed)", "slop-name")


def dumps(x):
    return json.dumps(x, sort_keys=True)

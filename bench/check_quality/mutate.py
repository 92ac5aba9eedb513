"""Call-site mutations: unknown-symbol, arity, unknown-keyword.

Owns turning one real call in one real file into a mutated copy of that
file, the mutated line, and a description; verification that the mutation
really is wrong goes through the Oracle. Never writes files.
"""
import json
import os
import re

from .names import variants

SELF = {"self", "this", "cls", "Self"}
PREFER = {"python": "snake", "rust": "snake", "typescript": "camel", "go": "camel", "java": "camel"}
EXTRA_ARG = {"python": "None", "rust": "0", "typescript": "undefined", "go": "nil", "java": "null"}
KEYWORDS = ["timeout", "verbose", "strict", "encoding", "default", "force", "recursive", "callback",
            "limit", "flags", "mode", "errors", "retries", "cache", "validate", "raise_on_error"]
OPEN = {"(": ")", "[": "]", "{": "}"}
CLOSE = set(OPEN.values())


def call_args(line, start):
    """Parse `( ... )` starting at index `start` of `line` (which must be `(`).
    Returns (close_index, [(arg_start, arg_end)]) or None if the parens do not close on this line."""
    if start >= len(line) or line[start] != "(":
        return None
    depth, i, quote, args, arg_start = 0, start, None, [], start + 1
    while i < len(line):
        c = line[i]
        if quote:
            if c == "\\":
                i += 2
                continue
            if c == quote:
                quote = None
        elif c in "\"'`":
            quote = c
        elif c in OPEN:
            depth += 1
        elif c in CLOSE:
            depth -= 1
            if depth == 0:
                if line[arg_start:i].strip():
                    args.append((arg_start, i))
                return i, args
        elif c == "," and depth == 1:
            args.append((arg_start, i))
            arg_start = i + 1
        elif c == "#" and line.lstrip().startswith("#"):
            return None
        i += 1
    return None


def js_rebinds(text, name):
    """Whether JavaScript/TypeScript `text` binds `name` as a parameter
    (`function (a, name)`, `(name) =>`, `name =>`) or a variable (`var name`,
    `let name`, `const name`), besides declaring a function of that name."""
    n = re.escape(name)
    params = r"(?:function\b[^(]*)?\(([^()]*)\)\s*(?:=>|\{|:)"
    for m in re.finditer(params, text):
        if re.search(r"(?:^|[,\s(])" + n + r"\s*(?:[,=:?)]|$)", m.group(1)):
            return True
    return bool(re.search(r"\b(?:var|let|const)\s+" + n + r"\b", text)
                or re.search(r"(?:^|[^\w$.])" + n + r"\s*=>", text))


def classify(qualifier, bound, type_names, is_project, std_modules):
    """How a call names its target: `bare`, `self`, `type` (a project type or module
    definition), `module` (an import of a project module), `stdlib` (an import of a
    standard-library module, whose members the builtin lists enumerate), or None
    (a call on a value, or on a third-party module: undecidable without types or
    the dependency's source, so never mutated)."""
    if qualifier is None:
        return "bare"
    if qualifier in SELF:
        return "self"
    if qualifier in type_names:
        return "type"
    module = bound.get(qualifier)
    # A module path written out (`os.path`) names the module; a plain name
    # equal to a module's (`stream.on` beside `const Stream = require('stream')`)
    # is a value that merely shares the name, of unknown type.
    if module is None and qualifier in bound.values() and not qualifier.isidentifier():
        module = qualifier
    if module is None:
        return None
    if is_project(module):
        return "module"
    if module in std_modules:
        return "stdlib"
    return None


def import_names(rows, lang=None):
    """file -> {name an import binds: the module it comes from}. In JS/TS a
    module path binds nothing by itself (`import {a} from './server'` binds
    `a`, not `server`), so only aliases and imported names count there."""
    out = {}
    for path, module, names, alias, _rel, *_ in rows:
        s = out.setdefault(path, {})
        if not module:
            continue
        if alias:
            s[alias] = module
        elif lang in ("typescript", "java"):
            pass  # Java: a package path binds no name, only the imported class
        else:
            s[module] = module
            last = re.split(r"[./:]+", module.strip("./"))[-1] if module.strip("./") else module
            s.setdefault(last, module)
        if names:
            try:
                for n in json.loads(names):
                    if isinstance(n, dict):
                        bound = n.get("alias") or n.get("name")
                        if bound:
                            s.setdefault(bound, f"{module}.{n.get('name')}")
            except ValueError:
                pass
    return out


def project_module_test(lang, files, go_module=None):
    """A predicate: does this import path name a module of the project itself?"""
    py = set()
    for f in files:
        if f.endswith(".py"):
            stem = f[:-3].replace("/", ".")
            py.add(stem[:-9] if stem.endswith(".__init__") else stem)

    def test(module):
        if lang == "python":
            return module.startswith(".") or module in py or module.rsplit(".", 1)[0] in py and module not in py
        if lang == "typescript":
            return module.startswith(".")
        if lang == "go":
            return bool(go_module) and (module == go_module or module.startswith(go_module + "/"))
        if lang == "rust":
            return module.split("::")[0] in ("crate", "self", "super")
        if lang == "java":
            return any(module == r or module.startswith(r + ".") for r in java_roots(files))
        return False
    return test


def java_roots(files):
    """The root packages of a Java project (none another is a prefix of), from the
    directories of .java files under a `java/` source root (src/main/java/a/b -> a.b)."""
    pkgs = set()
    for f in files:
        if f.endswith(".java") and "/java/" in f:
            pkgs.add(f.split("/java/", 1)[1].rsplit("/", 1)[0].replace("/", "."))
    roots = []
    for p in sorted(pkgs):
        if not any(p.startswith(r + ".") for r in roots):
            roots.append(p)
    return roots


class CallMutator:
    def __init__(self, oracle, lang, files, read):
        self.o, self.lang, self.read = oracle, lang, read
        fileset = set(files)
        self.project_fns = oracle.def_names()
        types = oracle.type_names()
        imps = import_names(oracle.imports(), lang)
        self.bound = imps
        go_module = None
        gomod = os.path.join(str(oracle.repo), "go.mod")
        if lang == "go" and os.path.isfile(gomod):
            m = re.search(r"^module\s+(\S+)", open(gomod).read(), re.M)
            go_module = m.group(1) if m else None
        is_project = project_module_test(lang, oracle._all_text_files(), go_module)
        std = oracle.modules
        self.sites = []
        for path, name, qual, line, col, end_line, end_col, argc, kws, spread in oracle.call_sites():
            if path not in fileset or line != end_line:
                continue
            form = classify(qual, imps.get(path, {}), types, is_project, std)
            if form is None:
                continue
            if form != "stdlib" and name not in self.project_fns:
                continue
            self.sites.append((path, name, qual, line, col, end_col, argc, kws, spread, form))

    def _line(self, path, line):
        lines = self.read(path).split("\n")
        return lines, lines[line - 1] if 0 < line <= len(lines) else None

    def _resolved(self, site):
        """The one definition this call resolves to, or None when that is not certain:
        `plumb defs` must find exactly one function or method with parameters, the name
        must not be a builtin, and the definition must be where the call looks: in the
        same file (bare or self calls), imported into it by name, or on a project type."""
        path, name, qual, *_r, form = site
        if form not in ("bare", "self", "type") or name in self.o.builtins:
            return None
        r = self.o.defs(name)
        if not r or len(r) != 1 or r[0].get("kind") not in ("function", "method") or not r[0].get("params"):
            return None
        d = r[0]
        same_package = self.lang == "go" and os.path.dirname(d["path"]) == os.path.dirname(path)
        if form == "bare" and d["path"] != path and not same_package and name not in self.bound.get(path, {}):
            return None
        # A JavaScript file that also binds the name as a parameter or a
        # variable (`new Promise(function (resolve, reject) { reject(e) })`
        # beside a top-level `function reject`) may be calling that binding.
        if form == "bare" and self.lang == "typescript" and js_rebinds(self.read(path), name):
            return None
        if form == "self" and d["path"] != path:
            return None
        return d

    def unknown_symbol(self, site, rng):
        path, name, qual, line, col, end_col, *_rest, form = site
        lines, text = self._line(path, line)
        if text is None or text.encode()[col - 1:end_col - 1].decode(errors="replace") != name:
            return None
        b = text.encode()
        by_how = {}
        for v, how in variants(name, PREFER[self.lang]):
            if v.lstrip("#") not in self.o.words and v not in self.o.builtins:
                by_how.setdefault(how, []).append(v)
        # One kind of slip at a time, each equally likely, then one name of that kind.
        hows = sorted(by_how)
        rng.shuffle(hows)
        cands = [(rng.choice(by_how[h]), h) for h in hows]
        for v, how in cands[:4]:
            if self.o.absent(v):
                lines[line - 1] = (b[:col - 1] + v.encode() + b[end_col - 1:]).decode()
                return {"kind": "unknown-symbol", "file": path, "line": line, "new": "\n".join(lines),
                        "detail": f"{name} -> {v} ({how}, {form} call)", "how": how, "form": form}
        return None

    def _paren(self, text, col, end_col):
        b = text.encode()
        rest = b[end_col - 1:].decode(errors="replace")
        off = len(b[:end_col - 1].decode(errors="replace"))
        m = re.match(r"\s*", rest)
        start = off + m.end()
        return call_args(text, start)

    def arity(self, site, rng):
        path, name, qual, line, col, end_col, argc, kws, spread, form = site
        if spread or kws or argc is None:
            return None
        d = self._resolved(site)
        if d is None:
            return None
        p = d["params"]
        if p.get("max_positional") is None or p["min_positional"] != p["max_positional"] or p.get("keyword_only") or p.get("var_keyword"):
            return None
        if argc != p["max_positional"]:
            return None
        lines, text = self._line(path, line)
        parsed = self._paren(text, col, end_col) if text else None
        if not parsed or len(parsed[1]) != argc:
            return None
        close, args = parsed
        if args and (rng.random() < 0.5):
            if len(args) == 1:
                new = text[:args[0][0]] + text[args[0][1]:]
            else:
                new = text[:args[-2][1]] + text[args[-1][1]:]
            how = f"dropped an argument ({argc} -> {argc - 1})"
        else:
            extra = text[args[-1][0]:args[-1][1]].strip() if args and rng.random() < 0.5 else EXTRA_ARG[self.lang]
            body = text[:close].rstrip()
            sep = "" if not args else (" " if body.endswith(",") else ", ")
            new = body + sep + extra + text[close:]
            how = f"added an argument ({argc} -> {argc + 1})"
        lines[line - 1] = new
        return {"kind": "arity-mismatch", "file": path, "line": line, "new": "\n".join(lines),
                "detail": f"{name}: {how}; def {d['path']}:{d['line']} {p.get('text', '')}", "how": how.split(" (")[0], "form": form}

    def unknown_keyword(self, site, rng):
        path, name, qual, line, col, end_col, argc, kws, spread, form = site
        if spread:
            return None
        d = self._resolved(site)
        if d is None or d["params"].get("var_keyword"):
            return None
        text_params = d["params"].get("text", "")
        known = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text_params))
        lines, text = self._line(path, line)
        parsed = self._paren(text, col, end_col) if text else None
        if not parsed:
            return None
        close, args = parsed
        choices = [k for k in KEYWORDS if k not in known]
        kw = rng.choice(choices)
        body = text[:close].rstrip()
        sep = "" if not args else (" " if body.endswith(",") else ", ")
        lines[line - 1] = body + sep + f"{kw}=None" + text[close:]
        return {"kind": "unknown-keyword", "file": path, "line": line, "new": "\n".join(lines),
                "detail": f"{name}(..., {kw}=None); def {d['path']}:{d['line']} {text_params}", "how": "keyword", "form": form}

#!/usr/bin/env python3
"""Generate crates/check/data/builtins/rust.txt from the toolchain's own sources.

Usage (from the repo root):
    python3 scripts/gen-builtins/rust.py [--src PATH/TO/library]

Source: the `rust-src` rustup component of the active toolchain
($(rustc --print sysroot)/lib/rustlib/src/rust/library); if it is missing the
script runs `rustup component add rust-src` once. rustdoc JSON needs nightly,
so the library sources are scanned instead:
  - modules: `pub mod x;` declarations followed from core/alloc/std lib.rs
    (including `#[path]`), plus modules std re-exports (`pub use core::option;`);
  - members: the top-level `pub` items of each module file (fn, struct, enum,
    trait, type, const, static, union, mod, macro), those declared inside
    module-level macro calls (`types! { pub struct __m128i(..); }`), and the
    names its `pub use` statements bring in (renamed ones too); glob
    re-exports (`pub use x::*`) are resolved and bring x's public child
    modules (`core::arch::x86_64` through `pub use crate::core_arch::arch::*`);
    `#[macro_export] macro_rules!` and `pub macro` are members of the crate root;
  - @builtins: every name the std and core preludes (v1, rust_2015..2024)
    bring in, the primitive types (`#[rustc_doc_primitive = "..."]` in
    core/src/primitive_docs.rs) and std's exported macros.
Unstable and doc-hidden items are included: they exist, and the checker only
uses this data to decide that a path is *not* made up. Modules declared
unstable (`#[unstable] pub mod simd`, `#![unstable]` in intrinsics/mod.rs) and
their children and re-exports get a `*` line (members not known): their contents
change between toolchains, so code written for another one cannot be judged.
Output format: see scripts/gen-builtins/python.py, plus `@module a = b` for a
module whose members are those of the earlier module `b` (std re-exports).
Sorted, deterministic.
"""
import argparse
import os
import re
import subprocess
import sys

OUT = "crates/check/data/builtins/rust.txt"
CRATES = ["core", "alloc", "std"]
# How each crate's sources name the others.
CRATE_ALIASES = {"core": "core", "alloc": "alloc", "alloc_crate": "alloc", "std": "std"}

ITEM = re.compile(
    r"^pub(?:\([^)]*\))?\s+(?:(?:unsafe|const|async|safe|default|auto)\s+|extern\s+\"[^\"]*\"\s+)*"
    r"(fn|struct|enum|trait|type|const|static|union|mod|macro)\s+(?:r#)?([A-Za-z_][A-Za-z0-9_]*)"
)
PUB_MOD = re.compile(r"^(pub(?:\([^)]*\))?\s+)?mod\s+(?:r#)?([A-Za-z_]\w*)\s*(;|\{)")
MACRO_RULES = re.compile(r"^macro_rules!\s+([A-Za-z_]\w*)")
ITEM_MACRO = re.compile(r"^(?!macro_rules!)[a-z_][a-z0-9_]*!\s*\{")
PATH_ATTR = re.compile(r'^#\[path\s*=\s*"([^"]+)"\]')
INNER_UNSTABLE = re.compile(r"^\s*#!\[unstable\(", re.M)


def unstable_attrs(lines, i):
    """Whether the attributes above line `i` (back to the item before) hold
    `#[unstable(..)]`."""
    for back in range(i - 1, max(i - 30, -1), -1):
        prev = lines[back].strip()
        if prev.startswith("#[unstable("):
            return True
        if prev.endswith((";", "}")) and not prev.startswith("#") or prev.startswith("pub "):
            return False
    return False


def library_dir(arg):
    if arg:
        return arg
    sysroot = subprocess.run(["rustc", "--print", "sysroot"], capture_output=True, text=True, check=True).stdout.strip()
    lib = os.path.join(sysroot, "lib", "rustlib", "src", "rust", "library")
    if not os.path.isdir(lib):
        subprocess.run(["rustup", "component", "add", "rust-src"], check=True)
    if not os.path.isdir(lib):
        sys.exit("rust-src is not available: " + lib)
    return lib


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def split_use_tree(tree):
    """Flatten a use tree into paths (lists of segments; the last may be '*')."""
    tree = re.sub(r"\s+", "", tree)
    out = []

    def walk(prefix, t):
        if "{" in t:
            i = t.index("{")
            base = [s for s in t[:i].rstrip(":").split("::") if s]
            inner = t[i + 1: t.rindex("}")]
            depth, start, parts = 0, 0, []
            for j, ch in enumerate(inner):
                if ch == "{":
                    depth += 1
                elif ch == "}":
                    depth -= 1
                elif ch == "," and depth == 0:
                    parts.append(inner[start:j])
                    start = j + 1
            parts.append(inner[start:])
            for p in parts:
                if p:
                    walk(prefix + base, p)
            return
        segs = [s for s in t.split("::") if s]
        out.append(prefix + segs)

    walk([], tree)
    return out


def parse_uses(text):
    """(path, name) pairs of every top-level `pub use`, names after `as`."""
    res = []
    for m in re.finditer(r"^pub(?:\([^)]*\))?\s+use\s+([^;]+);", text, flags=re.M):
        tree = m.group(1)
        # Resolve `x as y` before whitespace is squeezed out.
        tree = re.sub(r"([\w:]+)\s+as\s+(\w+)", lambda mm: mm.group(1) + "@" + mm.group(2), tree)
        for segs in split_use_tree(tree):
            if not segs:
                continue
            last = segs[-1]
            if "@" in last:
                orig, alias = last.split("@")
                segs = segs[:-1] + [orig]
                name = alias
            else:
                name = last
            if name == "self":
                segs = segs[:-1]
                name = segs[-1] if segs else None
            else:
                segs = segs[:-1]
            if name and name != "_":
                res.append((segs, name.removeprefix("r#")))
    return res


class Lib:
    def __init__(self, root):
        self.root = root
        self.members = {}  # "std::collections" -> set
        self.uses = {}  # module -> [(absolute path list, name)]
        self.files = {}
        self.private = set()
        self.unstable = set()  # modules declared `#[unstable]` / `#![unstable]`
        self.walked = set()

    def module_file(self, path_dir, name, is_mod_rs, cur_file, path_attr):
        if path_attr:
            return os.path.normpath(os.path.join(os.path.dirname(cur_file), path_attr))
        base = os.path.dirname(cur_file) if is_mod_rs else os.path.splitext(cur_file)[0]
        for cand in (os.path.join(base, name + ".rs"), os.path.join(base, name, "mod.rs")):
            if os.path.isfile(cand):
                return cand
        return None

    def walk(self, modpath, file):
        if modpath in self.walked or not file or not os.path.isfile(file):
            return
        self.walked.add(modpath)
        with open(file, encoding="utf-8", errors="replace") as f:
            raw = f.read()
        text = strip_comments(raw)
        if INNER_UNSTABLE.search(text):
            self.unstable.add(modpath)
        self.walk_text(modpath, text, file)

    def walk_text(self, modpath, text, file):
        crate = modpath.split("::")[0]
        names = self.members.setdefault(modpath, set())
        is_mod_rs = os.path.basename(file) in ("mod.rs", "lib.rs")
        lines = text.split("\n")
        inside_until = -1  # the last line of an inline module's body
        own = []  # lines outside inline submodules
        for i, line in enumerate(lines):
            if i <= inside_until:
                continue
            own.append(line)
            m = ITEM.match(line)
            if m:
                names.add(m.group(2))
            mm = PUB_MOD.match(line)
            if mm and not (mm.group(1) or "").startswith("pub "):
                # Private modules are walked so that re-exports from them
                # resolve, but are not written out.
                self.private.add(modpath + "::" + mm.group(2))
            if mm and unstable_attrs(lines, i):
                self.unstable.add(modpath + "::" + mm.group(2))
            if mm and mm.group(3) == "{":
                # An inline `pub mod x { ... }`: its body, unindented.
                body = block("\n".join(lines[i:]))
                inner = re.sub(r"^[ \t]+", "", body, flags=re.M)
                self.walk_text(modpath + "::" + mm.group(2), inner, file)
                # Its items and `pub use`s are its own, not this module's.
                inside_until = i + body.count("\n")
            if mm and mm.group(3) == ";":
                attr = None
                # Back over the attributes (some span lines) to the item before.
                for back in range(i - 1, max(i - 30, -1), -1):
                    prev = lines[back].strip()
                    pa = PATH_ATTR.match(prev)
                    if pa:
                        attr = pa.group(1)
                        break
                    if prev.endswith((";", "}")) and not prev.startswith("#"):
                        break
                sub = self.module_file(None, mm.group(2), is_mod_rs, file, attr)
                self.walk(modpath + "::" + mm.group(2), sub)
            if ITEM_MACRO.match(line):
                # `types! { pub struct __m128i(..); }`: items a macro call
                # declares at module level.
                body = re.sub(r"^[ \t]+", "", block("\n".join(lines[i:])), flags=re.M)
                for inner in body.split("\n"):
                    im = ITEM.match(inner)
                    if im:
                        names.add(im.group(2))
            mr = MACRO_RULES.match(line)
            if mr:
                prev = "\n".join(lines[max(0, i - 6): i])
                if "#[macro_export" in prev:
                    self.members.setdefault(crate, set()).add(mr.group(1))
        for segs, name in parse_uses("\n".join(own)):
            absolute = self.absolute(modpath, segs)
            if absolute is not None:
                self.uses.setdefault(modpath, []).append((absolute, name))
            if name != "*":
                # `pub use i32x4_add as u32x4_add;` names a member too.
                names.add(name)

    def is_unstable(self, mod):
        segs = mod.split("::")
        return any("::".join(segs[:k]) in self.unstable for k in range(1, len(segs) + 1))

    def absolute(self, modpath, segs):
        if not segs:
            return None
        here = modpath.split("::")
        head = segs[0]
        if head == "crate":
            return [here[0]] + segs[1:]
        if head == "self":
            return here + segs[1:]
        if head == "super":
            up = here[:]
            while segs and segs[0] == "super":
                up = up[:-1]
                segs = segs[1:]
            return up + segs
        if head in CRATE_ALIASES:
            return [CRATE_ALIASES[head]] + segs[1:]
        # A path relative to the current module (2018 uniform paths).
        return here + segs

    def resolve(self):
        """Re-exported modules become modules; globs copy members. Fixpoint."""
        changed = True
        while changed:
            changed = False
            for mod, uses in list(self.uses.items()):
                for target, name in uses:
                    if name == "*":
                        src_path = "::".join(target)
                        src = self.members.get(src_path)
                        if src and not src <= self.members[mod]:
                            self.members[mod] |= src
                            changed = True
                        # Child modules come along (`pub use crate::core_arch::arch::*`
                        # gives `core::arch::x86_64`).
                        for child in [m for m in self.members if m.startswith(src_path + "::")]:
                            rest = child[len(src_path) + 2:]
                            if "::" in rest or child in self.private or (src and rest not in src):
                                continue
                            if child in self.unstable and mod + "::" + rest not in self.unstable:
                                self.unstable.add(mod + "::" + rest)
                                changed = True
                            dst = self.members.setdefault(mod + "::" + rest, set())
                            if not self.members[child] <= dst:
                                dst |= self.members[child]
                                changed = True
                    else:
                        src_mod = "::".join(target + [name])
                        alias = mod + "::" + name
                        if src_mod in self.unstable and alias not in self.unstable:
                            self.unstable.add(alias)
                            changed = True
                        if src_mod in self.members and alias != src_mod:
                            dst = self.members.setdefault(alias, set())
                            if not self.members[src_mod] <= dst:
                                dst |= self.members[src_mod]
                                changed = True


def block(text):
    """The text inside the first {...} of `text`."""
    start = text.index("{")
    depth = 0
    for j in range(start, len(text)):
        if text[j] == "{":
            depth += 1
        elif text[j] == "}":
            depth -= 1
            if depth == 0:
                return text[start + 1:j]
    return text[start + 1:]


def prelude_names(lib_dir):
    names = set()
    for f in ("std/src/prelude/v1.rs", "std/src/prelude/mod.rs", "core/src/prelude/v1.rs", "core/src/prelude/mod.rs"):
        p = os.path.join(lib_dir, f)
        if not os.path.isfile(p):
            continue
        text = strip_comments(open(p, encoding="utf-8").read())
        # Prelude files nest `pub use` inside inline modules: unindent them.
        text = re.sub(r"^\s+pub use", "pub use", text, flags=re.M)
        for _, name in parse_uses(text):
            if name != "*":
                names.add(name)
    return names


def primitives(lib_dir):
    text = open(os.path.join(lib_dir, "core/src/primitive_docs.rs"), encoding="utf-8").read()
    return set(re.findall(r'#\[rustc_doc_primitive\s*=\s*"([^"]+)"\]', text))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", help="path to the rust-src `library` directory")
    args = ap.parse_args()
    lib_dir = library_dir(args.src)
    lib = Lib(lib_dir)
    for crate in CRATES:
        lib.walk(crate, os.path.join(lib_dir, crate, "src", "lib.rs"))
    lib.resolve()
    version = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    prims = primitives(lib_dir)
    macros = macro_names(lib)
    lib.members.setdefault("std", set()).update(macros)
    builtins_ = prelude_names(lib_dir) | prims | macros
    builtins_ |= {"std", "core", "alloc"}
    builtins_.discard("r")  # from `r#try` in the prelude source
    lines = [
        "# Rust prelude, primitive types, std macros and the public items of core/alloc/std modules,",
        "# generated by scripts/gen-builtins/rust.py from the rust-src component of " + version,
        "# (module tree from `pub mod`, top-level `pub` items, `pub use` re-exports; globs resolved).",
        "# primitives: " + " ".join(sorted(prims)),
        "@builtins",
    ]
    lines += sorted(builtins_)
    public = {m for m in lib.members if not any(m == p or m.startswith(p + "::") for p in lib.private)}
    first_with = {}
    for mod in sorted(public):
        members = frozenset(lib.members[mod])
        same = first_with.setdefault((members, lib.is_unstable(mod)), mod)
        if same != mod and len(members) > 20:
            # `std::arch::x86_64` lists what `core::arch::x86_64` does.
            lines.append(f"@module {mod} = {same}")
            continue
        lines.append("@module " + mod)
        if lib.is_unstable(mod):
            # Unstable: what it holds changes from one toolchain to the next
            # (`core::intrinsics`, `core::simd`), so its members say nothing
            # of code written for another one.
            lines.append("*")
        lines += sorted(members)
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {OUT}: {len(builtins_)} builtins, {len(public)} modules, "
          f"{sum(len(lib.members[m]) for m in public)} members", file=sys.stderr)


def macro_names(lib):
    """Exported macro names: macro_rules with #[macro_export] and `pub macro`."""
    names = set()
    for crate in CRATES:
        for root, _, files in os.walk(os.path.join(lib.root, crate, "src")):
            for fn in files:
                if not fn.endswith(".rs"):
                    continue
                text = open(os.path.join(root, fn), encoding="utf-8", errors="replace").read()
                for m in re.finditer(r"#\[macro_export[^\]]*\]\s*(?:#\[[^\]]*\]\s*)*macro_rules!\s+(\w+)", text):
                    names.add(m.group(1))
                for m in re.finditer(r"^\s*pub macro (\w+)", text, flags=re.M):
                    names.add(m.group(1))
    return names


if __name__ == "__main__":
    main()

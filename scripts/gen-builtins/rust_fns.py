#!/usr/bin/env python3
"""Generate the Rust function-name tables the checker uses for methods:

  crates/check/data/builtins/rust-std-fns.txt      every plain `pub fn` and every
      fn declared in a `pub trait` body in core, alloc and std, outside the
      private platform layer (`sys`) and tests: what a `Deref` to a std type or
      a std trait with provided methods can add to a value;
  crates/check/data/builtins/rust-prelude-fns.txt  the fns declared in the
      bodies of the traits the std prelude (v1 and the edition preludes) brings
      into scope: methods any value may have without an import;
  crates/check/data/builtins/rust-unlisted-features.txt  the unstable library
      features (`#[unstable(feature = "..")]`) declared in sources the first
      table does not read (portable-simd, stdarch, proc_macro, test, `sys`):
      a crate that turns one on with `#![feature(..)]` may call names no table
      lists. Language features (`never_type`) and the features of core, alloc
      and std's own listed items add no unlisted names.

Usage (from the repo root):
    python3 scripts/gen-builtins/rust_fns.py [--src PATH/TO/library]

Source: the `rust-src` component of the active toolchain, as for rust.py
(added with rustup if missing). Sorted, deterministic; one name a line after
`#` header lines that say where the names came from.
"""
import argparse
import os
import re
import subprocess
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rust import library_dir, strip_comments  # noqa: E402

OUT_DIR = "crates/check/data/builtins"
CRATES = ["core", "alloc", "std"]
# Plain `pub` only: `pub(crate)` / `pub(super)` fns (`BTreeSet`'s merge
# iterator's `lens`) are no part of what a caller can name.
PUB_FN = re.compile(r"\bpub\s+(?:(?:const|async|unsafe|safe|default)\s+|extern\s+\"[^\"]*\"\s+)*fn\s+(?:r#)?([A-Za-z_]\w*)")
TRAIT = re.compile(r"\b(pub(?:\([^)]*\))?\s+)?(?:unsafe\s+|auto\s+|const\s+)*trait\s+([A-Za-z_]\w*)\b[^{;]*\{")
PRELUDE_USE = re.compile(r"pub use (?:crate|core|alloc|super)::([\w:]+)::\{([^}]*)\}|pub use (?:crate|core|alloc|super)::([\w:]+)::(\w+);")


def block_after(text, open_at):
    """The text of the `{ ... }` block whose `{` is at `open_at`."""
    depth = 0
    for i in range(open_at, len(text)):
        c = text[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return text[open_at + 1:i]
    return text[open_at + 1:]


def top_level_fns(body):
    """Names of the fns declared directly in a trait body (not helpers
    nested inside a provided method's body)."""
    depth, names = 0, []
    for m in re.finditer(r"[{}]|\bfn\s+(?:r#)?([A-Za-z_]\w*)", body):
        t = m.group(0)
        if t == "{":
            depth += 1
        elif t == "}":
            depth -= 1
        elif depth == 0:
            names.append(m.group(1))
    return names


PRIVATE_DIRS = ("sys", "sys_common", "tests", "benches")
UNSTABLE_FEATURE = re.compile(r"#!?\[unstable\(\s*feature\s*=\s*\"(\w+)\"")


def listed_file(lib, path):
    """Whether `sources` reads the file at `path`."""
    rel = os.path.relpath(path, lib).split(os.sep)
    return (len(rel) > 2 and rel[0] in CRATES and rel[1] == "src" and rel[-1] != "tests.rs"
            and not any(p in PRIVATE_DIRS for p in rel[2:-1]))


def sources(lib):
    for crate in CRATES:
        root = os.path.join(lib, crate, "src")
        for d, dirs, files in os.walk(root):
            # The platform layer (`sys`) and tests are private: their `pub`
            # fns are reachable only inside the library.
            dirs[:] = sorted(x for x in dirs if x not in PRIVATE_DIRS)
            for f in sorted(files):
                if f.endswith(".rs") and f != "tests.rs":
                    with open(os.path.join(d, f), encoding="utf-8", errors="replace") as fh:
                        yield strip_comments(fh.read())


def unlisted_features(lib):
    """Unstable features declared only in library sources `sources` skips."""
    listed, unlisted = set(), set()
    for d, dirs, files in os.walk(lib):
        dirs.sort()
        for f in sorted(files):
            if not f.endswith(".rs"):
                continue
            path = os.path.join(d, f)
            with open(path, encoding="utf-8", errors="replace") as fh:
                found = UNSTABLE_FEATURE.findall(fh.read())
            (listed if listed_file(lib, path) else unlisted).update(found)
    return unlisted


def prelude_traits(lib):
    names, macros = set(), set()
    for crate in ("core", "std"):
        d = os.path.join(lib, crate, "src", "prelude")
        for f in sorted(os.listdir(d)):
            with open(os.path.join(d, f), encoding="utf-8") as fh:
                text = strip_comments(fh.read())
            for m in PRELUDE_USE.finditer(text):
                listed = m.group(2) if m.group(2) is not None else m.group(4)
                # Derive macros named like traits (Debug, Hash) are not the traits.
                into = macros if "macros" in (m.group(1) or m.group(3) or "") else names
                for n in re.split(r"[,\s]+", listed):
                    if n and n[0].isupper() and n != "self":
                        into.add(n)
    return names - macros


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", help="the library directory of rust-src")
    args = ap.parse_args()
    lib = library_dir(args.src)
    wanted = prelude_traits(lib)
    std_fns, prelude_fns = set(), set()
    for text in sources(lib):
        std_fns.update(PUB_FN.findall(text))
        for m in TRAIT.finditer(text):
            body = top_level_fns(block_after(text, m.end() - 1))
            if m.group(1) is not None and m.group(1).startswith("pub "):
                # Methods of crate-private traits (`SpecExtend`) are no API.
                std_fns.update(body)
            if m.group(1) is not None and m.group(1).startswith("pub ") and m.group(2) in wanted:
                prelude_fns.update(body)
    version = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    for name, names, what in (
        ("rust-unlisted-features.txt", unlisted_features(lib),
         "# Unstable library features declared only outside the sources rust-std-fns.txt lists\n"
         "# (portable-simd, stdarch, proc_macro, test, the private `sys` layer)"),
        ("rust-std-fns.txt", std_fns,
         "# Names of the functions and methods the Rust standard library defines (core, alloc, std):\n"
         "# every plain `pub fn` and every fn declared in a `pub trait` body, outside `sys` and tests"),
        ("rust-prelude-fns.txt", prelude_fns,
         "# Methods of the traits the Rust prelude brings into scope (" + ", ".join(sorted(wanted)) + ");\n"
         "# a value of any type may have these without an import"),
    ):
        with open(os.path.join(OUT_DIR, name), "w") as fh:
            fh.write(f"{what}; generated by scripts/gen-builtins/rust_fns.py from the rust-src component of {version}.\n")
            fh.write("# One name a line.\n")
            fh.writelines(n + "\n" for n in sorted(names))
        print(f"{name}: {len(names)} names", file=sys.stderr)


if __name__ == "__main__":
    main()

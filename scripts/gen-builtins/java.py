#!/usr/bin/env python3
"""Generate crates/check/data/builtins/java.txt from the installed JDK.

Usage (from the repo root):
    python3 scripts/gen-builtins/java.py [--java-home DIR]

Sources: the JDK itself ($JAVA_HOME, else the one `java` on PATH belongs to):
  - `jimage list $JAVA_HOME/lib/modules`: every class file of every module;
    the packages of the public API (java.*, javax.*, org.w3c.*, org.xml.*,
    org.ietf.*) become `@module <package>` with their top-level public class
    names (the class header `javap` prints tells which are public; nested `$` classes,
    package-info and module-info left out);
  - the public member classes (`Map$Entry`; anonymous and local ones left
    out) become members of their outer class under their simple name;
  - `javap -protected` on the classes of MEMBER_PACKAGES (java.lang, java.util,
    java.util.function, java.io, java.time, java.lang.reflect, …): their public
    and protected member names (what a subclass sees) with those of their
    supertypes, as `@module <package>.<Class>` (`*` when a supertype is not
    described);
  - @builtins: the java.lang class names (imported implicitly) and the
    primitive types.
Output format: see scripts/gen-builtins/python.py. Sorted, deterministic.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

OUT = "crates/check/data/builtins/java.txt"
API_PREFIXES = ("java.", "javax.", "org.w3c.", "org.xml.", "org.ietf.")
MEMBER_PACKAGES = ["java.lang", "java.util", "java.util.function", "java.util.stream", "java.io", "java.nio.file", "java.time",
                   "java.lang.reflect", "java.lang.annotation", "java.util.concurrent", "java.util.concurrent.atomic",
                   "java.util.regex", "java.math", "java.net", "java.text", "java.nio", "java.nio.charset"]
PRIMITIVES = ["boolean", "byte", "char", "short", "int", "long", "float", "double", "void", "var"]


def java_home(arg):
    if arg:
        return arg
    if os.environ.get("JAVA_HOME"):
        return os.environ["JAVA_HOME"]
    java = shutil.which("java")
    if not java:
        sys.exit("no JDK found: set JAVA_HOME")
    return os.path.dirname(os.path.dirname(os.path.realpath(java)))


def tool(home, name):
    p = os.path.join(home, "bin", name)
    return p if os.path.exists(p) else shutil.which(name)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--java-home")
    args = ap.parse_args()
    home = java_home(args.java_home)
    listing = subprocess.run([tool(home, "jimage"), "list", os.path.join(home, "lib", "modules")],
                             capture_output=True, text=True, check=True).stdout
    packages, nested = {}, []
    for line in listing.splitlines():
        path = line.strip()
        if not path.endswith(".class"):
            continue
        pkg, _, cls = path[:-len(".class")].rpartition("/")
        pkg = pkg.replace("/", ".")
        if not pkg.startswith(API_PREFIXES) or cls in ("module-info", "package-info"):
            continue
        if "$" in cls:
            # Member classes (`Map$Entry`), not anonymous or local ones (`$1`, `$1Local`).
            if all(part and not part[0].isdigit() for part in cls.split("$")[1:]):
                nested.append(f"{pkg}.{cls}")
            continue
        packages.setdefault(pkg, set()).add(cls)
    # javap -protected on every API class: its header says whether the class is
    # public (jimage also lists package-private ones); members are kept for
    # the classes of MEMBER_PACKAGES.
    classes = [f"{p}.{c}" for p in sorted(packages) for c in sorted(packages[p])] + sorted(nested)
    public, members, supers, current = set(), {}, {}, None
    for i in range(0, len(classes), 500):
        out = subprocess.run([tool(home, "javap"), "-protected", *classes[i:i + 500]],
                             capture_output=True, text=True).stdout
        for line in out.splitlines():
            m = re.match(r"^((?:public |protected |abstract |final |sealed |non-sealed |static |strictfp )*)"
                         r"(?:class|interface|enum|record|@interface) ([\w.$]+)", line)
            if m:
                current = m.group(2).split("<")[0]
                if "public" in m.group(1):
                    public.add(current)
                head = re.sub(r"<[^<>]*(?:<[^<>]*(?:<[^<>]*>[^<>]*)*>[^<>]*)*>", "", line)
                ext = re.search(r" (?:extends|implements) (.*?)\s*\{?$", head)
                supers[current] = re.findall(r"[\w.$]+", ext.group(1).replace("implements", ",")) if ext else []
                members.setdefault(current, set())
                continue
            if current and line.startswith("  "):
                decl = re.sub(r"<[^<>]*(?:<[^<>]*>[^<>]*)*>", "", line.strip())  # drop generics
                mm = re.search(r"([\w$]+)\s*\(", decl)
                if mm:
                    name = mm.group(1)
                else:
                    mf = re.search(r"([\w$]+)\s*;$", decl)
                    if not mf:
                        continue
                    name = mf.group(1)
                if name != current.rsplit(".", 1)[-1]:  # constructors are the class
                    members[current].add(name)
    # Public member classes are members of their outer class (`Map` has
    # `Entry`), so a subclass sees them too.
    for c in nested:
        outer, _, simple = c.rpartition("$")
        if c in public and outer in members:
            members[outer].add(simple)
    # Members include inherited ones (javap lists declared members only); a
    # class with a supertype javap did not describe gets `*` (unknown).
    def closure(c, seen):
        if c in seen:
            return set(), True
        seen.add(c)
        if c not in members:
            return set(), c == "java.lang.Object"
        out, ok = set(members[c]), True
        for s in supers.get(c, []):
            if s == "java.lang.Object":
                continue
            got, sok = closure(s, seen)
            out |= got
            ok = ok and sok
        return out, ok
    full = {}
    for c in members:
        if c.rsplit(".", 1)[0] in MEMBER_PACKAGES and c in public and "$" not in c:
            names, ok = closure(c, set())
            full[c] = names if ok else names | {"*"}
    members = full
    packages = {p: {c for c in cs if f"{p}.{c}" in public} for p, cs in packages.items()}
    packages = {p: cs for p, cs in packages.items() if cs}
    version = subprocess.run([tool(home, "java"), "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    lines = [
        "# Java: packages and classes of the JDK's public API, java.lang implicit imports, and the",
        "# public and protected members (inherited included) of common java.* classes;",
        f"# generated by scripts/gen-builtins/java.py from {version} (jimage list lib/modules; javap -protected)",
        "@builtins",
    ]
    lines += sorted(set(packages.get("java.lang", set())) | set(PRIMITIVES))
    modules = {p: c for p, c in packages.items()}
    for cls, names in members.items():
        modules[cls] = names
    for mod in sorted(modules):
        lines.append("@module " + mod)
        lines += sorted(modules[mod])
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {OUT}: {len(packages)} packages, {sum(len(c) for c in packages.values())} classes, "
          f"members of {len(members)} classes", file=sys.stderr)


if __name__ == "__main__":
    main()

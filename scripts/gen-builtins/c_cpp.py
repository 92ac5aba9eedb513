#!/usr/bin/env python3
"""Generate crates/check/data/builtins/c.txt and cpp.txt from gcc's own headers.

Usage (from the repo root):
    python3 scripts/gen-builtins/c_cpp.py [--cc gcc] [--cxx g++]

Sources:
  - The header names of ISO C (C23, clause 7) and POSIX.1-2017 (XBD chapter
    13) and ISO C++ (C++23, [headers]) are the documented lists below; only
    those the installed compiler can actually include are kept.
  - For each such C header: `gcc -E -dM` (its macros) and a declaration scan of
    `gcc -E -P` output (function prototypes, typedefs, struct/union/enum tags,
    enumerators, extern variables). Names starting with `_` are implementation
    details and are dropped.
  - Every other header the system C library and kernel headers install
    (`dpkg -L libc6-dev linux-libc-dev`, when dpkg exists) and those in gcc's
    own include directory are listed as modules without members (they exist;
    their contents are not listed).
  - C++: the headers of the C++ standard that g++ accepts; `@module std` holds
    every identifier not starting with `_` in the preprocessed union of those
    headers (libstdc++ spells its private names with `_`/`__`, so what is left
    is the public API plus the C library).
Output format: see scripts/gen-builtins/python.py. Sorted, deterministic.
"""
import argparse
import os
import re
import subprocess
import sys

OUT_C = "crates/check/data/builtins/c.txt"
OUT_CPP = "crates/check/data/builtins/cpp.txt"

C_STD = """assert.h complex.h ctype.h errno.h fenv.h float.h inttypes.h iso646.h limits.h locale.h math.h
setjmp.h signal.h stdalign.h stdarg.h stdatomic.h stdbit.h stdbool.h stdckdint.h stddef.h stdint.h stdio.h
stdlib.h stdnoreturn.h string.h tgmath.h threads.h time.h uchar.h wchar.h wctype.h""".split()
POSIX = """aio.h arpa/inet.h cpio.h dirent.h dlfcn.h fcntl.h fmtmsg.h fnmatch.h ftw.h glob.h grp.h iconv.h
langinfo.h libgen.h monetary.h mqueue.h ndbm.h net/if.h netdb.h netinet/in.h netinet/tcp.h nl_types.h poll.h
pthread.h pwd.h regex.h sched.h search.h semaphore.h spawn.h strings.h stropts.h sys/ipc.h sys/mman.h
sys/msg.h sys/resource.h sys/select.h sys/sem.h sys/shm.h sys/socket.h sys/stat.h sys/statvfs.h sys/time.h
sys/times.h sys/types.h sys/uio.h sys/un.h sys/utsname.h sys/wait.h syslog.h tar.h termios.h trace.h
ulimit.h unistd.h utime.h utmpx.h wordexp.h""".split()
CPP_STD = """algorithm any array atomic barrier bit bitset charconv chrono codecvt compare complex concepts
condition_variable coroutine deque exception execution expected filesystem flat_map flat_set format
forward_list fstream functional future generator initializer_list iomanip ios iosfwd iostream istream
iterator latch limits list locale map mdspan memory memory_resource mutex new numbers numeric optional
ostream print queue random ranges ratio regex scoped_allocator semaphore set shared_mutex source_location
span spanstream sstream stack stacktrace stdexcept stdfloat stop_token streambuf string string_view
strstream syncstream system_error thread tuple type_traits typeindex typeinfo unordered_map unordered_set
utility valarray variant vector version cassert cctype cerrno cfenv cfloat cinttypes climits clocale cmath
csetjmp csignal cstdarg cstddef cstdint cstdio cstdlib cstring ctime cuchar cwchar cwctype""".split()

C_KEYWORDS = set("""auto break case char const continue default do double else enum extern float for goto if
inline int long register restrict return short signed sizeof static struct switch typedef union unsigned void
volatile while bool true false nullptr alignas alignof constexpr static_assert thread_local typeof
typeof_unqual""".split())
CPP_KEYWORDS = C_KEYWORDS | set("""alignas and and_eq asm bitand bitor catch char8_t char16_t char32_t class
compl concept consteval constinit const_cast co_await co_return co_yield decltype delete dynamic_cast explicit
export friend mutable namespace new noexcept not not_eq operator or or_eq private protected public
reinterpret_cast requires static_cast template this throw try typeid typename using virtual wchar_t xor
xor_eq override final import module""".split())
IDENT = re.compile(r"\b[A-Za-z_]\w*\b")


def run(cmd, src):
    r = subprocess.run(cmd, input=src, capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else None


def strip_attrs(text):
    # __attribute__ ((...)), __asm__ ("..."), __declspec: balanced parens.
    out, i = [], 0
    pat = re.compile(r"\b(__attribute__|__asm__|__asm|asm|__declspec)\s*\(")
    while True:
        m = pat.search(text, i)
        if not m:
            out.append(text[i:])
            break
        out.append(text[i:m.start()])
        j, depth = m.end() - 1, 0
        while j < len(text):
            if text[j] == "(":
                depth += 1
            elif text[j] == ")":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        i = j + 1
    return "".join(out)


def c_declared(pre):
    """Names a preprocessed C translation unit declares at file scope."""
    text = strip_attrs(pre)
    names = set()
    for m in re.finditer(r"\b(?:struct|union|enum)\s+([A-Za-z_]\w*)", text):
        names.add(m.group(1))
    for m in re.finditer(r"\benum\b[^{;]*\{([^}]*)\}", text):
        for part in m.group(1).split(","):
            e = re.match(r"\s*([A-Za-z_]\w*)", part)
            if e:
                names.add(e.group(1))
    # Split top-level statements on ';' outside braces.
    depth, start, stmts = 0, 0, []
    for i, ch in enumerate(text):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                start = i + 1
        elif ch == ";" and depth == 0:
            stmts.append(text[start:i])
            start = i + 1
    for s in stmts:
        s = re.sub(r"\{[^{}]*\}", " ", s).strip()
        if not s:
            continue
        fp = re.search(r"\(\s*\*\s*([A-Za-z_]\w*)\s*\)", s)
        if s.startswith("typedef"):
            if fp:
                names.add(fp.group(1))
            else:
                ids = IDENT.findall(re.sub(r"\[[^\]]*\]", "", s))
                if ids:
                    names.add(ids[-1])
            continue
        paren = s.find("(")
        if paren > 0:
            head = IDENT.findall(s[:paren])
            if head:
                names.add(head[-1])
        else:
            ids = IDENT.findall(re.sub(r"\[[^\]]*\]|=.*", "", s))
            if ids:
                names.add(ids[-1])
    return names


def public(names, keywords):
    return {n for n in names if not n.startswith("_") and n not in keywords}


def dpkg_headers():
    try:
        r = subprocess.run(["dpkg", "-L", "libc6-dev", "linux-libc-dev"], capture_output=True, text=True)
    except OSError:
        return set()
    out = set()
    for line in r.stdout.splitlines():
        for root in ("/usr/include/x86_64-linux-gnu/", "/usr/include/"):
            if line.startswith(root) and line.endswith(".h"):
                out.add(line[len(root):])
                break
    return out


def gcc_include_dir(cc):
    r = subprocess.run([cc, "-print-file-name=include"], capture_output=True, text=True)
    return r.stdout.strip()


def write(path, header, builtins_, modules):
    lines = header + ["@builtins"] + sorted(builtins_)
    for mod in sorted(modules):
        lines.append("@module " + mod)
        lines += sorted(modules[mod])
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cc", default="gcc")
    ap.add_argument("--cxx", default="g++")
    args = ap.parse_args()
    cc_version = subprocess.run([args.cc, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    modules, missing = {}, []
    for h in C_STD + POSIX:
        src = f"#define _GNU_SOURCE 1\n#include <{h}>\n"
        pre = run([args.cc, "-xc", "-std=gnu2x", "-E", "-P", "-"], src)
        macros = run([args.cc, "-xc", "-std=gnu2x", "-E", "-dM", "-"], src)
        if pre is None or macros is None:
            missing.append(h)
            continue
        names = c_declared(pre)
        names |= set(re.findall(r"^#define ([A-Za-z_]\w*)", macros, flags=re.M))
        modules[h] = public(names, C_KEYWORDS)
    # Predefined compiler macros are not the header's.
    predefined = set(re.findall(r"^#define ([A-Za-z_]\w*)", run([args.cc, "-xc", "-E", "-dM", "-"], "") or "", flags=re.M))
    for h in modules:
        modules[h] -= predefined
    known_std = {h for h in C_STD if h in modules}
    builtins_c = set().union(*(modules[h] for h in known_std)) if known_std else set()
    others = dpkg_headers()
    gdir = gcc_include_dir(args.cc)
    for root, _, files in os.walk(gdir):
        for fn in files:
            if fn.endswith(".h"):
                others.add(os.path.relpath(os.path.join(root, fn), gdir))
    for h in others:
        modules.setdefault(h, None)
    write(
        OUT_C,
        [
            "# C standard and POSIX headers with the names they declare, and the other headers of the C",
            f"# library, kernel and compiler; generated by scripts/gen-builtins/c_cpp.py with {cc_version}",
            "# (gcc -E -dM macros + declaration scan of gcc -E -P; dpkg -L libc6-dev linux-libc-dev).",
            "# A module whose only member is '*' exists but its members are not listed.",
            "# not available here: " + " ".join(missing),
        ],
        builtins_c,
        {h: ({"*"} if v is None else v) for h, v in modules.items()},
    )
    # C++
    cxx_version = subprocess.run([args.cxx, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    ok = [h for h in CPP_STD if run([args.cxx, "-xc++", "-std=c++23", "-E", "-P", "-"], f"#include <{h}>\n") is not None]
    union_src = "".join(f"#include <{h}>\n" for h in ok)
    pre = run([args.cxx, "-xc++", "-std=c++23", "-E", "-P", "-"], union_src) or ""
    pre = re.sub(r'"(?:\\.|[^"\\])*"', '""', pre)  # identifiers inside strings are not names
    std_names = public(set(IDENT.findall(pre)), CPP_KEYWORDS)
    macros = run([args.cxx, "-xc++", "-std=c++23", "-E", "-dM", "-"], union_src) or ""
    pre_cxx = set(re.findall(r"^#define ([A-Za-z_]\w*)", run([args.cxx, "-xc++", "-std=c++23", "-E", "-dM", "-"], "") or "", flags=re.M))
    std_macros = public(set(re.findall(r"^#define ([A-Za-z_]\w*)", macros, flags=re.M)), CPP_KEYWORDS) - pre_cxx
    cpp_modules = {"std": std_names}
    for h in ok:
        cpp_modules[h] = {"*"}
    missing_cpp = [h for h in CPP_STD if h not in ok]
    write(
        OUT_CPP,
        [
            "# C++ standard headers g++ accepts with -std=c++23 and the public identifiers of their",
            f"# preprocessed union (@module std); generated by scripts/gen-builtins/c_cpp.py with {cxx_version}.",
            "# Header modules have unknown members ('*'; see std). C headers: c.txt.",
            "# not available here: " + " ".join(missing_cpp),
        ],
        std_macros | builtins_c,
        cpp_modules,
    )
    print(f"c.txt: {len(known_std)} C + {len([h for h in POSIX if h in modules])} POSIX headers scanned, "
          f"{len(others)} other headers listed, {len(builtins_c)} builtins; cpp.txt: {len(ok)} headers, "
          f"{len(std_names)} std names; missing C: {missing}; missing C++: {missing_cpp}", file=sys.stderr)


if __name__ == "__main__":
    main()

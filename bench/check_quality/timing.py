"""The latency figure: `plumb check` of a 200-line diff against the index of
the whole Python corpus (this interpreter's stdlib directory, ~3.6M lines,
indexed read-only into target/check-bench/stdlib-index.db).

Owns building that index and making the 200-line diffs: a 200-line window
of a real file re-emitted with a trailing comment on every non-blank line,
so every line of the window is an added line the engine must check.
"""
import difflib
import pathlib
import random
import re
import statistics
import sysconfig

from .corpora import build_index

CALL = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\(")


def stdlib_dir():
    return pathlib.Path(sysconfig.get_paths()["stdlib"])


def make_diffs(root, rng, count=7, size=200):
    """`count` diffs of `size` changed lines each over real .py files of `root`."""
    files = sorted(p for p in root.rglob("*.py")
                   if not {"site-packages", "test", "tests", "encodings"} & set(p.parts))
    rng.shuffle(files)
    out = []
    for p in files:
        if len(out) >= count:
            break
        try:
            text = p.read_text()
        except (UnicodeDecodeError, OSError):
            continue
        lines = text.split("\n")
        if len(lines) < size + 50 or not text.endswith("\n"):
            continue
        start = rng.randrange(10, len(lines) - size - 10)
        while start > 10 and lines[start].startswith((" ", "\t")):
            start -= 1  # begin at a top-level line
        window = lines[start:start + size]
        # Appending a comment is safe except after a line continuation or inside a string.
        if any(l.rstrip().endswith("\\") or '"""' in l or "'''" in l for l in window):
            continue
        # Real code, not a data table: at least one call per three lines on average.
        if sum(len(CALL.findall(l)) for l in window) < size // 3:
            continue
        new = lines[:start] + [l + "  # reviewed" if l.strip() else l for l in window] + lines[start + size:]
        rel = p.relative_to(root).as_posix()
        diff = "".join(difflib.unified_diff([l + "\n" for l in lines[:-1]], [l + "\n" for l in new[:-1]],
                                            "a/" + rel, "b/" + rel, n=3))
        changed = sum(1 for l in diff.splitlines() if l.startswith("+") and not l.startswith("+++"))
        if changed >= size * 0.8:
            out.append((rel, diff, changed))
    return out


def run(engine, work, seed, runs=3):
    root = stdlib_dir()
    index = pathlib.Path(work) / "stdlib-index.db"
    build_index(engine.plumb, root, index)
    diffs = make_diffs(root, random.Random(seed))
    walls, errors = [], []
    ddir = pathlib.Path(work) / "timing"
    ddir.mkdir(parents=True, exist_ok=True)
    for i, (rel, diff, changed) in enumerate(diffs):
        f = ddir / f"{i}.diff"
        f.write_text(diff)
        for _ in range(runs):
            findings, wall, code, err = engine.check(root, ["--diff", str(f)], index=index)
            if findings is None:
                errors.append(f"{rel}: {err.strip()[:160]}")
                break
            walls.append(wall)
    return {
        "index": str(index),
        "corpus": str(root),
        "diffs": [{"file": r, "added_lines": c} for r, _, c in diffs],
        "runs": len(walls),
        "median_ms": round(statistics.median(walls) * 1000, 1) if walls else None,
        "min_ms": round(min(walls) * 1000, 1) if walls else None,
        "max_ms": round(max(walls) * 1000, 1) if walls else None,
        "errors": errors[:5],
    }

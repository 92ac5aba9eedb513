"""Negatives: unmodified files (`--files`) and real commits (`--diff` of `git diff C^ C`).

Owns choosing them and counting lines; every finding on them is a false
finding (notes of kind `unverifiable` excepted, see engine.NOT_FALSE).
Real commits are checked in a scratch clone checked out at the parent.
"""
import pathlib
import shutil
import subprocess

from .corpora import EXTS, build_index, git, clone as clone_repo

# Manifests whose edits a commit's code may depend on (declared dependencies).
MANIFESTS = {"go.mod", "go.sum", "package.json", "Cargo.toml", "pyproject.toml", "requirements.txt",
             "pom.xml", "build.gradle", "build.gradle.kts"}


def file_batches(files, read, rng, max_lines, batch=40):
    """Files (sampled with rng when their total exceeds max_lines), in batches; with line counts."""
    order = list(files)
    rng.shuffle(order)
    chosen, total = [], 0
    for f in order:
        n = read(f).count("\n")
        if max_lines and total + n > max_lines and chosen:
            continue
        chosen.append((f, n))
        total += n
    chosen.sort()
    return [chosen[i:i + batch] for i in range(0, len(chosen), batch)], total


def real_commits(repo, lang, work, count):
    """Up to `count` recent first-parent, non-merge commits touching source files of `lang`:
    yields (commit, diff_text, added_lines, checkout_dir) with the checkout at the parent."""
    exts = EXTS[lang]
    clone = pathlib.Path(work) / "history" / pathlib.Path(repo).name
    if not (clone / ".git").is_dir():
        shutil.rmtree(clone, ignore_errors=True)
        clone.parent.mkdir(parents=True, exist_ok=True)
        clone_repo(repo, clone)
    revs = git(clone, "rev-list", "--first-parent", "--no-merges", "-n", "400", "origin/HEAD").stdout.split()
    if not revs:
        revs = git(clone, "rev-list", "--first-parent", "--no-merges", "-n", "400", "HEAD").stdout.split()
    got = 0
    for c in revs:
        if got >= count:
            break
        names = git(clone, "diff", "--name-only", f"{c}^", c, check=False).stdout.split()
        src = [n for n in names if n.endswith(exts) and not n.endswith(".d.ts")]
        if not src or len(names) > 30:
            continue
        diff = git(clone, "diff", "--no-color", "--no-ext-diff", f"{c}^", c, "--", *src, check=False).stdout
        added = sum(1 for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++"))
        # The commit's manifest and declaration-file (.d.ts) edits go with it:
        # code importing a dependency or a type the same commit declares is
        # valid (added lines still count source only).
        context = [n for n in names if pathlib.PurePosixPath(n).name in MANIFESTS or n.endswith(".d.ts")]
        if context:
            diff = git(clone, "diff", "--no-color", "--no-ext-diff", f"{c}^", c, "--", *src, *context,
                       check=False).stdout
        if added == 0 or added > 600:
            continue
        if git(clone, "checkout", "-q", "--detach", "-f", f"{c}^", check=False).returncode != 0:
            continue  # a blob the fetched mirror lacks (large files left out)
        got += 1
        yield c, diff, added, clone


def index_at(plumb, clone):
    build_index(plumb, clone)

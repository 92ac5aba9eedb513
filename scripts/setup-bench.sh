#!/usr/bin/env bash
# Install what bench/check_quality.py needs beyond Rust, idempotently:
#   - .venv (repo root, git-ignored by its own .gitignore) with pyflakes and
#     ruff from PyPI: the Python checkers run next to `plumb check`;
#   - npm `typescript` (for `tsc --noEmit`) in target/check-bench/npm;
#   - working copies of the fetched JS/TS, Go and Java corpora in
#     target/check-bench/corpora/{ts,go,java}, cloned from bare git dirs given as
#     arguments or found under /work/.mirror (see bench/check_quality/README.md).
# Usage: scripts/setup-bench.sh [--ts BARE_GIT_DIR] [--go BARE_GIT_DIR] [--java BARE_GIT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
TS_GIT=""; GO_GIT=""; JAVA_GIT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --ts) TS_GIT="$2"; shift 2 ;;
    --go) GO_GIT="$2"; shift 2 ;;
    --java) JAVA_GIT="$2"; shift 2 ;;
    *) echo "setup-bench: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$TS_GIT" ] || TS_GIT=/work/.mirror/sindresorhus+ky/repo
[ -n "$GO_GIT" ] || GO_GIT=/work/.mirror/spf13+cobra/repo
[ -n "$JAVA_GIT" ] || JAVA_GIT=/work/.mirror/google+gson/repo

VENV=.venv
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
[ -f "$VENV/.gitignore" ] || echo '*' > "$VENV/.gitignore"
if ! "$VENV/bin/python" -c "import pyflakes" 2>/dev/null || [ ! -x "$VENV/bin/ruff" ]; then
  "$VENV/bin/pip" install --quiet --disable-pip-version-check pyflakes==4.1.0 ruff==0.17.5
fi

WORK=target/check-bench
mkdir -p "$WORK/npm" "$WORK/corpora"
if [ ! -x "$WORK/npm/node_modules/.bin/tsc" ]; then
  (cd "$WORK/npm" && [ -f package.json ] || echo '{"private":true}' > package.json)
  (cd "$WORK/npm" && npm install --silent --no-audit --no-fund typescript@5.9.3 >/dev/null)
fi

clone() { # bare-git-dir dest
  local src="$1" dest="$2"
  if [ -d "$dest/.git" ]; then return 0; fi
  if [ ! -d "$src" ]; then
    echo "setup-bench: $src missing: fetch the repository first (bench/check_quality/README.md); $dest skipped" >&2
    return 0
  fi
  git clone --quiet "$src" "$dest"
}
clone "$TS_GIT" "$WORK/corpora/ts"
clone "$GO_GIT" "$WORK/corpora/go"
clone "$JAVA_GIT" "$WORK/corpora/java"

"$VENV/bin/python" -c "import importlib.metadata as m; print('pyflakes', m.version('pyflakes'))"
"$VENV/bin/ruff" --version
"$WORK/npm/node_modules/.bin/tsc" --version
for d in ts go java; do
  [ -d "$WORK/corpora/$d/.git" ] && echo "corpus $d: $(git -C "$WORK/corpora/$d" rev-parse --short HEAD)"
done
exit 0

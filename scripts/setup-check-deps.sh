#!/usr/bin/env bash
# Install what the tests of crates/check need beyond Rust, idempotently:
# a Python virtualenv at .venv (repo root, git-ignored) with `jsonschema`
# from PyPI, used by crates/check/tests/sarif_schema.rs to validate Plumb's
# SARIF output against the official OASIS SARIF 2.1.0 schema
# (crates/check/tests/fixtures/sarif-schema-2.1.0.json); and real npm
# packages at pinned versions in .npm-test/node_modules (git-ignored), that
# crates/check/tests/js_packages.rs checks imports against.
# Run from anywhere; CI runs it before `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
# Keep the environment out of git without touching the repo's .gitignore.
[ -f "$VENV/.gitignore" ] || echo '*' > "$VENV/.gitignore"
if ! "$VENV/bin/python" -c "import jsonschema" 2>/dev/null; then
  "$VENV/bin/pip" install --quiet --disable-pip-version-check jsonschema==4.26.0
fi
"$VENV/bin/python" -c "import importlib.metadata as m; print('jsonschema', m.version('jsonschema'))"

# Real npm packages, pinned, from the npm registry: an ESM package with an
# `exports` map and its own declarations (uuid), a CommonJS one with
# declarations in a `typings` folder (commander), JavaScript only with its
# types in @types (ms), JavaScript only with none (escape-html).
NPM_DIR=.npm-test
mkdir -p "$NPM_DIR"
[ -f "$NPM_DIR/.gitignore" ] || echo '*' > "$NPM_DIR/.gitignore"
NPM_PKGS='{"name":"npm-test","private":true,"dependencies":{"uuid":"11.0.3","commander":"12.1.0","ms":"2.1.3","@types/ms":"0.7.34","escape-html":"1.0.3"}}'
if [ "$(cat "$NPM_DIR/package.json" 2>/dev/null)" != "$NPM_PKGS" ] || [ ! -d "$NPM_DIR/node_modules/uuid" ]; then
  echo "$NPM_PKGS" > "$NPM_DIR/package.json"
  (cd "$NPM_DIR" && npm install --silent --ignore-scripts --no-audit --no-fund >/dev/null)
fi
echo "npm test packages: $(ls "$NPM_DIR/node_modules" | tr '\n' ' ')"

#!/usr/bin/env bash
# Install what the tests of crates/check need beyond Rust, idempotently:
# a Python virtualenv at .venv (repo root, git-ignored) with `jsonschema`
# from PyPI, used by crates/check/tests/sarif_schema.rs to validate Plumb's
# SARIF output against the official OASIS SARIF 2.1.0 schema
# (crates/check/tests/fixtures/sarif-schema-2.1.0.json).
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

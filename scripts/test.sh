#!/usr/bin/env bash
# The whole test suite: installs what the tests need (a Python venv with
# jsonschema, for validating SARIF against the official schema), then runs
# every crate's tests. This is the README's test command and what .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-check-deps.sh
cargo test --workspace --locked "$@"

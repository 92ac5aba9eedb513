#!/usr/bin/env bash
# The whole test suite: installs what the tests need (scripts/setup-*.sh),
# then runs every crate's tests. This is the README's test command and what
# .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."
for setup in scripts/setup-*.sh; do
  bash "$setup"
done
cargo test --workspace --locked "$@"

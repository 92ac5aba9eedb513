#!/usr/bin/env bash
# Reproduce crates/shape/model/shape.bin from the POJ-104 train split.
#   scripts/train-similar.sh [DATASET_DIR]   (default ../shared/datasets/poj104)
# 1. Python env (numpy/scipy/scikit-learn) via scripts/train-similar-setup.sh.
# 2. Rust dumps the exact hashed features Plumb computes (dump_features).
# 3. Python learns TF-IDF -> SVD -> LDA on train, reports MAP@R on valid,
#    writes the model. 4. The Rust evaluation re-measures with the new model.
# Takes about 20 minutes wall on the shared, loaded 2-core machine (feature dump ~35 s,
# SVD-1536 ~17 min, LDA ~1.5 min); less on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/datasets/poj104}
OUT=target/similar-train
mkdir -p "$OUT"
bash scripts/train-similar-setup.sh
cargo build --release -p plumb-shape --example dump_features
./target/release/examples/dump_features "$DATA/train.jsonl" "$OUT/train"
./target/release/examples/dump_features "$DATA/valid.jsonl" "$OUT/valid"
target/venv-similar/bin/python scripts/train-similar.py "$OUT" crates/shape/model/shape.bin
cargo run --release -p plumb-similar --example poj104 -- "$DATA/valid.jsonl" "$OUT/valid-predictions.jsonl"

#!/usr/bin/env bash
# Create the Python environment used by scripts/train-similar.py (numpy + scipy
# + scikit-learn from PyPI) under target/ (git-ignored). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=target/venv-similar
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check \
  numpy==2.2.6 scipy==1.15.3 scikit-learn==1.6.1
"$VENV/bin/python" -c "import numpy, scipy, sklearn; print('numpy', numpy.__version__, 'scipy', scipy.__version__, 'sklearn', sklearn.__version__)"

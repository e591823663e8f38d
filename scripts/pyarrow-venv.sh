#!/usr/bin/env bash
# Prints the path of a Python interpreter that has pyarrow, for the Parquet export's test: a venv
# under ${CARGO_TARGET_DIR:-target}/pyarrow-venv (or $PYARROW_VENV), created and filled from PyPI
# on first use and reused afterwards. Progress goes to standard error, the path to standard output.
set -euo pipefail
cd "$(dirname "$0")/.."

# Pinned, so every run reads the tables with the same reader.
readonly PYARROW_VERSION=26.0.1

venv="${PYARROW_VENV:-${CARGO_TARGET_DIR:-target}/pyarrow-venv}"
python="$venv/bin/python"
if ! "$python" -c "import pyarrow, sys; sys.exit(pyarrow.__version__ != '$PYARROW_VERSION')" 2>/dev/null; then
  echo "installing pyarrow $PYARROW_VERSION into $venv" >&2
  python3 -m venv "$venv" >&2
  "$python" -m pip install --quiet --disable-pip-version-check "pyarrow==$PYARROW_VERSION" >&2
fi
# An absolute path, so callers may run it from any directory.
echo "$(cd "$(dirname "$python")" && pwd)/python"

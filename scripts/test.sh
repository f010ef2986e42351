#!/usr/bin/env bash
# The whole test suite on a fresh machine: makes a virtual environment in .venv,
# installs newsgraph with its test dependencies into it, and runs every test
# (slow ones included). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
exec .venv/bin/python -m pytest "$@"

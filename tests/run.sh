#!/usr/bin/env bash
# Set up and run every test, as the README says: a virtualenv with the package and its test
# extras, Debian's Chromium for the browser tests (when missing and we are root), then ruff and
# pytest. Usage: bash tests/run.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ]; then
  bash .ci/install-browser.sh
fi
python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -e '.[test]'
.venv/bin/ruff check graph tests tools
.venv/bin/python -m pytest "$@"

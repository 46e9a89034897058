#!/usr/bin/env bash
# Build the one-folder bundle dist/crisisdesk/ from a clean venv, then run its self-test.
#   bash scripts/build.sh            build and self-test
# Uses .venv-build (created fresh) and the exact versions in constraints.txt (build tools too).
# The bundle holds two programs: crisisdesk (the window) and crisisdesk-cli (the command line).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf .venv-build build dist
python3 -m venv .venv-build
.venv-build/bin/python -m pip install -q --upgrade pip 2>&1 | grep -v "is ignored" || true
.venv-build/bin/python -m pip install -q -c constraints.txt --build-constraint constraints.txt ".[build]" \
  2>&1 | grep -v "is ignored" || true
export PYINSTALLER_CONFIG_DIR="$PWD/build/pyinstaller-cache"
.venv-build/bin/pyinstaller --noconfirm --log-level WARN build.spec
echo "bundle: dist/crisisdesk ($(du -sh dist/crisisdesk | cut -f1))"
# With no system time-zone data at all (PYTHONTZPATH empty) the bundle still starts: it uses
# the tzdata it carries.
PYTHONTZPATH= dist/crisisdesk/crisisdesk-cli --version
PYTHONTZPATH= QT_QPA_PLATFORM=offscreen dist/crisisdesk/crisisdesk-cli self-test

#!/usr/bin/env bash
# Build the one-folder bundle dist/crisisdesk/ from a clean venv, then run its self-test.
#   bash scripts/build.sh            build and self-test
# Uses .venv-build (created fresh) and the exact versions in constraints.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf .venv-build build dist
python3 -m venv .venv-build
.venv-build/bin/python -m pip install -q --upgrade pip 2>&1 | grep -v "is ignored" || true
.venv-build/bin/python -m pip install -q -c constraints.txt ".[build]" 2>&1 | grep -v "is ignored" || true
export PYINSTALLER_CONFIG_DIR="$PWD/build/pyinstaller-cache"
.venv-build/bin/pyinstaller --noconfirm --log-level WARN build.spec
echo "bundle: dist/crisisdesk ($(du -sh dist/crisisdesk | cut -f1))"
QT_QPA_PLATFORM=offscreen dist/crisisdesk/crisisdesk self-test

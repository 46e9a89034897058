#!/usr/bin/env bash
# Build the wheel, install it into a fresh venv with the exact versions in constraints.txt,
# and run `crisisdesk self-test` from that install, outside the checkout.
#   bash scripts/wheel_check.sh     the wheel is left in dist/wheel/
# Proves the wheel carries everything (fonts and their licence, translations, playbooks, the
# example group, LICENSE and the notices) and that nothing is read from the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
rm -rf dist/wheel
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/tools"   # a current pip (for --build-constraint), whatever the system has
"$tmp/tools/bin/python" -m pip install -q --upgrade pip 2>&1 | grep -v "is ignored" || true
# setuptools comes from constraints.txt (--build-constraint) for a reproducible wheel.
"$tmp/tools/bin/python" -m pip wheel -q --no-deps --build-constraint constraints.txt -w dist/wheel . \
  2>&1 | grep -v "is ignored" || true
wheel=$root/$(ls dist/wheel/crisisdesk-*.whl)
echo "wheel: $wheel ($(du -h "$wheel" | cut -f1))"
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q --upgrade pip 2>&1 | grep -v "is ignored" || true
"$tmp/venv/bin/python" -m pip install -q -c constraints.txt "$wheel" 2>&1 | grep -v "is ignored" || true
cd "$tmp"   # away from the checkout: only the installed copy can be found
"$tmp/venv/bin/python" -c '
import sys
from crisisdesk.locations import bundle_root
root = bundle_root()
print(f"installed copy reads its files from {root}")
sys.exit(0 if str(root).startswith(sys.prefix) else f"not the installed copy: {root}")'
QT_QPA_PLATFORM=offscreen PYTHONTZPATH= "$tmp/venv/bin/crisisdesk" self-test

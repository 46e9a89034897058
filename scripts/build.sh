#!/usr/bin/env bash
# The bundle build, for shells: runs scripts/build.py (which also runs on Windows:
# `py scripts\build.py`). See that file for the steps.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 scripts/build.py "$@"

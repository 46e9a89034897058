#!/usr/bin/env bash
# Set up CrisisDesk from nothing and run it or its tests.
#   bash scripts/dev.sh desk   install, then open the desk on the demo event
#   bash scripts/dev.sh test   install, then run the layer rules, the linter, the type checker and every test
#   bash scripts/dev.sh install  only install (system packages, .venv)
# Installs missing Debian packages (as root, or through sudo), a venv in .venv and
# the package with exact versions from constraints.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  # Qt offscreen and on screen
  libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3
  xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1
  # PDFs read back, fonts for the screen, keyring service for its test, the sqlite3 shell
  poppler-utils qpdf fonts-nanum gnome-keyring dbus-daemon sqlite3 binutils
  # the bundle build: a C compiler for ICU's stub data (scripts/pyinstaller/slim.py)
  gcc libc6-dev
)

install_system_packages() {
  command -v dpkg-query >/dev/null || return 0   # not Debian/Ubuntu: install these by hand
  local missing=()
  for p in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  python3 -m venv --help >/dev/null 2>&1 && python3 -c 'import ensurepip' 2>/dev/null || missing+=(python3-venv)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing system packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

quiet_pip() {  # pip without the package mirror's "... is ignored" notices, with pip's own exit status
  local log status=0
  log=$(.venv/bin/python -m pip "$@" 2>&1) || status=$?
  grep -v "is ignored" <<<"$log" || true
  return "$status"
}

install_python_packages() {
  [ -x .venv/bin/python ] || python3 -m venv .venv
  quiet_pip install -q --upgrade pip || echo "pip could not upgrade itself; going on with the one there" >&2
  quiet_pip install -q -c constraints.txt --build-constraint constraints.txt -e ".[test]" \
    || { echo "the Python packages did not install (pip's messages above)" >&2; exit 1; }
}

run_tests() {
  export QT_QPA_PLATFORM=offscreen
  .venv/bin/lint-imports
  .venv/bin/ruff check crisisdesk tests benchmarks scripts
  .venv/bin/mypy
  .venv/bin/python -m pytest "$@"
}

case "${1:-}" in
  install) install_system_packages; install_python_packages ;;
  desk) shift; install_system_packages; install_python_packages; exec .venv/bin/crisisdesk --demo "$@" ;;
  test) shift; install_system_packages; install_python_packages; run_tests "$@" ;;
  *) echo "usage: bash scripts/dev.sh desk|test|install" >&2; exit 2 ;;
esac

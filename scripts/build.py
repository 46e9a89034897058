"""Build the one-folder bundle dist/crisisdesk/ and check it, on Linux, macOS or Windows.

    python scripts/build.py            fresh build venv, bundle, size, self-test
    python scripts/build.py --reuse    reuse .venv-build when it exists (a quicker rebuild; what
                                       constraints.txt adds is still installed)

Steps: a fresh `.venv-build` with the exact versions in constraints.txt (build tools too);
PyInstaller on build.spec (the window program and the command-line program, icon and version
resource on Windows, tzdata, licence notices); the bundle's size, with its largest parts,
refused above MAX_MB; `crisisdesk-cli --version` with no system time-zone data; the bundle's
own `crisisdesk-cli self-test`. Exits non-zero when any step fails.

On Linux the build needs `binutils` (PyInstaller reads and strips the libraries) and a C
compiler (`gcc libc6-dev`: ICU's stub data, see scripts/pyinstaller/slim.py); scripts/dev.sh
install puts both there.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv-build"
BUNDLE = ROOT / "dist" / "crisisdesk"
MAX_MB = 150
WINDOWS = sys.platform == "win32"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if WINDOWS else "bin/python")


def run(*argv: str | Path, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(a) for a in argv), flush=True)
    subprocess.run([str(a) for a in argv], cwd=ROOT, check=True, env=env)


def make_venv(reuse: bool) -> None:
    """A fresh `.venv-build` (or the one there, with `reuse`) holding exactly what the bundle needs."""
    pip = [venv_python(), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    if not (reuse and venv_python().exists()):
        shutil.rmtree(VENV, ignore_errors=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
        run(*pip, "--upgrade", "pip")
    run(*pip, "-c", "constraints.txt", "--build-constraint", "constraints.txt", ".[build]")


def build_bundle() -> None:
    for folder in (ROOT / "build", ROOT / "dist"):
        shutil.rmtree(folder, ignore_errors=True)
    env = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(ROOT / "build" / "pyinstaller-cache")}
    run(venv_python(), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "build.spec", env=env)


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def report_size(bundle: Path = BUNDLE, limit_mb: int = MAX_MB, top: int = 12) -> int:
    """Print the bundle's size and its largest files; the size in bytes."""
    total = folder_size(bundle)
    print(f"bundle: {bundle} {total / 1e6:.1f} MB (limit {limit_mb} MB)")
    files = sorted((f for f in bundle.rglob("*") if f.is_file() and not f.is_symlink()),
                   key=lambda f: f.stat().st_size, reverse=True)
    for f in files[:top]:
        print(f"  {f.stat().st_size / 1e6:7.1f} MB  {f.relative_to(bundle)}")
    return total


def check_bundle() -> None:
    cli = BUNDLE / ("crisisdesk-cli.exe" if WINDOWS else "crisisdesk-cli")
    # With no system time-zone data at all (an empty tz path) the bundle still starts: it uses
    # the tzdata it carries.
    bare = {**os.environ, "PYTHONTZPATH": ""}
    run(cli, "--version", env=bare)
    run(cli, "self-test", env={**bare, "QT_QPA_PLATFORM": "offscreen"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true", help="reuse .venv-build when it exists")
    args = parser.parse_args(argv)
    make_venv(args.reuse)
    build_bundle()
    size = report_size()
    if size > MAX_MB * 1e6:
        print(f"build.py: the bundle is {size / 1e6:.1f} MB, over the {MAX_MB} MB limit", file=sys.stderr)
        return 1
    check_bundle()
    print("bundle built and self-tested:", BUNDLE)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except subprocess.CalledProcessError as exc:
        print(f"build.py: failed (exit {exc.returncode}): {' '.join(map(str, exc.cmd))}", file=sys.stderr)
        sys.exit(1)

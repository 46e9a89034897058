"""Packaging: the version written once, the licence metadata, the notices, where the shipped
files are found (checkout, installed wheel, bundle), what the wheel takes, the constraints.

The wheel itself is built and installed by scripts/wheel_check.sh (in CI), the bundle by
scripts/build.sh; these tests check the rules those rely on, fast.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from PIL import Image

import crisisdesk
from crisisdesk import locations
from crisisdesk.ui import i18n

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _setup_kwargs() -> dict:
    """What setup.py passes to setup(), without running setuptools."""
    captured: dict = {}
    import setuptools

    real = setuptools.setup
    setuptools.setup = lambda **kwargs: captured.update(kwargs)  # type: ignore[assignment]
    try:
        spec = importlib.util.spec_from_file_location("crisisdesk_setup", ROOT / "setup.py")
        assert spec and spec.loader
        spec.loader.exec_module(importlib.util.module_from_spec(spec))
    finally:
        setuptools.setup = real
    return captured


def test_the_version_is_written_once():
    project = PYPROJECT["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "crisisdesk.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", crisisdesk.__version__)
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert crisisdesk.__version__ not in spec  # the bundle reads it from crisisdesk/__init__.py


def test_licence_metadata_is_the_spdx_form_and_its_files_exist():
    project = PYPROJECT["project"]
    assert project["license"] == "LicenseRef-Proprietary"  # a string, not the deprecated table
    for name in project["license-files"]:
        assert (ROOT / name).is_file() and (ROOT / name).stat().st_size > 0, name
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "All rights reserved" in licence and "CrisisDesk" in licence and "proprietary" in licence
    # license-files and the SPDX string need setuptools 77; constraints.txt pins the build's.
    assert re.search(r'"setuptools>=(7[7-9]|[89]\d)', (ROOT / "pyproject.toml").read_text())


def test_third_party_notices_are_current_and_name_the_licences_that_matter():
    if not Path("/usr/share/common-licenses/LGPL-3").is_file():
        pytest.skip("the GNU licence texts come from Debian's /usr/share/common-licenses")
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "third_party_notices.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    notices = (ROOT / "THIRD_PARTY_NOTICES.md").read_text(encoding="utf-8")
    for needle in ("| PySide6_Essentials |", "LGPL-3.0-only", "| reportlab |", "BSD",
                   "SIL Open Font License", "| tzdata |", "| pywin32-ctypes |",
                   "GNU LESSER GENERAL PUBLIC LICENSE"):
        assert needle in notices, needle


def test_resources_are_found_in_a_checkout():
    assert locations.bundle_root() == ROOT
    assert locations.resource_path("fonts", "OFL.txt").is_file()
    assert (locations.shipped_playbooks_dir() / "example-group.yaml").is_file()
    assert [p.name for p in locations.licence_files()] == ["LICENSE", "THIRD_PARTY_NOTICES.md"]


def test_resources_are_found_in_an_installed_wheel_layout(tmp_path):
    package = tmp_path / "site-packages" / "crisisdesk"
    (package / "resources" / "fonts").mkdir(parents=True)
    (package / "playbooks").mkdir()
    (package / "locations.py").write_text((ROOT / "crisisdesk" / "locations.py").read_text("utf-8"), "utf-8")
    spec = importlib.util.spec_from_file_location("installed_locations", package / "locations.py")
    assert spec and spec.loader
    installed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(installed)
    assert installed.bundle_root() == package
    assert installed.resource_path("fonts") == package / "resources" / "fonts"
    assert installed.shipped_playbooks_dir() == package / "playbooks"


def test_resources_are_found_in_the_bundle(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert locations.bundle_root() == tmp_path
    assert locations.resource_path("translations") == tmp_path / "resources" / "translations"


def _tracked(folder: str) -> list[str]:
    out = subprocess.run(["git", "ls-files", folder], cwd=ROOT, capture_output=True, text=True)
    files = out.stdout.split()
    if out.returncode != 0 or not files:
        pytest.skip("not a git checkout")
    return files


def test_the_wheel_takes_every_file_the_program_reads():
    kwargs = _setup_kwargs()
    assert kwargs["package_dir"] == {"crisisdesk.resources": "resources", "crisisdesk.playbooks": "playbooks"}
    assert {"crisisdesk", "crisisdesk.cli", "crisisdesk.ui", "crisisdesk.resources",
            "crisisdesk.playbooks"} <= set(kwargs["packages"])
    on_disk = {p.parent.relative_to(ROOT).as_posix().replace("/", ".")
               for p in (ROOT / "crisisdesk").rglob("__init__.py")}
    assert on_disk <= set(kwargs["packages"])
    globs = kwargs["package_data"]
    needed = {"resources": [f for f in _tracked("resources") if not f.endswith((".ts", "README.md"))],
              "playbooks": _tracked("playbooks")}
    for folder, files in needed.items():
        for file in files:
            inside = file.split("/", 1)[1]
            assert any(fnmatch(inside, g) for g in globs[f"crisisdesk.{folder}"]), file
    assert any(f.endswith(".qm") for f in needed["resources"])
    assert "playbooks/example-group.yaml" in needed["playbooks"]


def test_constraints_pin_exact_versions_with_markers_for_windows_only_packages():
    lines = [line for line in (ROOT / "constraints.txt").read_text().splitlines() if line.strip()]
    reqs = {Requirement(line).name.lower(): Requirement(line) for line in lines}
    for req in reqs.values():
        assert len(req.specifier) == 1 and next(iter(req.specifier)).operator == "==", req
    for name in ("pywin32-ctypes", "pefile", "colorama"):
        assert str(reqs[name].marker) == 'sys_platform == "win32"', name
    assert str(reqs["macholib"].marker) == 'sys_platform == "darwin"'
    assert int(str(next(iter(reqs["setuptools"].specifier)).version).split(".")[0]) >= 77


def test_the_icon_has_the_windows_sizes():
    with Image.open(ROOT / "resources" / "icons" / "crisisdesk.ico") as icon:
        sizes = icon.info["sizes"]
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(sizes)
    assert (ROOT / "resources" / "icons" / "crisisdesk.png").is_file()


def test_the_bundle_keeps_only_the_qt_catalogue_the_desk_loads_and_bundles_tzdata():
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    namespace: dict = {"Path": Path, "re": re}
    exec(compile(spec[spec.index("QT_CATALOGUES = "):spec.index("a.datas = [")],
                 "build.spec", "exec"), namespace)
    foreign = namespace["_foreign_qt_translation"]
    assert foreign("PySide6/Qt/translations/qtbase_de.qm")
    assert foreign("PySide6/Qt/translations/qt_zh_CN.qm")
    assert foreign("PySide6/Qt/translations/qt_ko.qm")  # a catalogue of catalogues: the desk loads qtbase_ko
    assert foreign("PySide6/Qt/translations/designer_ko.qm")
    assert not foreign("PySide6/Qt/translations/qtbase_ko.qm")
    assert not foreign("resources/translations/crisisdesk_ko.qm")
    shipped = Path(i18n.qt_translation_dirs()[-1])  # PySide6's folder, as the bundle lays it out
    assert {f"{name}" for name in namespace["QT_CATALOGUES"]} <= {p.name for p in shipped.glob("*.qm")}
    assert 'collect_data_files("tzdata")' in spec and "rth_tzdata.py" in spec
    assert 'name="crisisdesk-cli"' in spec and "console=True" in spec

"""A demo desk (the half-finished NIRS event) built once per session, opened on a fixed clock."""

from __future__ import annotations

import shutil

import pytest

from crisisdesk.desk.app import Desk
from crisisdesk.desk.demo import DEMO_NOW, build_demo
from tests.desk.factories import ManualClock


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(path)
    return path


@pytest.fixture
def demo_desk(demo_file, tmp_path):
    """A private copy of the demo desk at demo time (Saturday 14:00 KST)."""
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, path)
    desk = Desk.open(path, clock=ManualClock(DEMO_NOW), author="김보고")
    yield desk
    desk.close()


@pytest.fixture(scope="session")
def demo_situation(demo_file):
    with Desk.open(demo_file, clock=ManualClock(DEMO_NOW)) as desk:
        return desk.reports.report_situation(desk.events.event(None), None, DEMO_NOW, "ko"), \
            desk.reports.report_situation(desk.events.event(None), None, DEMO_NOW, "en")

"""Text on the board reads on a washed-out projector: at least 4.5:1 against what it is drawn on (WCAG AA)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtGui import QColor

from crisisdesk.domain.read_models import AffiliateTile, Progress, ServiceView
from crisisdesk.domain.text import Text
from crisisdesk.ui.board.tile import AffiliateTileWidget
from crisisdesk.ui.style import INK, MUTED_TEXT, PROGRESS_CHUNK, STALE, TILE_BACKGROUNDS, TILE_TEXT
from tests.desk.factories import NIRS_T0

AA = 4.5
COLOUR = re.compile(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})")


def luminance(colour: str) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    return 0.2126 * linear(q.redF()) + 0.7152 * linear(q.greenF()) + 0.0722 * linear(q.blueF())


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_ratio_is_the_wcag_one():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def _service(status: str, past: bool, external: bool = False) -> ServiceView:
    deadline = None if external else NIRS_T0 + timedelta(hours=-1 if past else 2)
    return ServiceView(affiliate="bank", service=f"s-{status}-{past}", name=Text("비대면 계좌개설"), critical=True,
                       status=status, derived=status, confirmed_by="", note="", providers=(Text("신분확인"),),
                       alternatives=(Text("실물 운전면허증"),), rto=timedelta(hours=3), rto_deadline=deadline,
                       impaired_since=NIRS_T0 - timedelta(hours=2), open_now=False)


def _tiles():
    """A tile of every colour with everything a tile can show: late and running RTO clocks, an
    external outage, a closed service, overdue and critical items; stale, fresh and awaiting."""
    services = (_service("down", True), _service("degraded", False), _service("down", False, external=True))
    base = AffiliateTile(affiliate="bank", name=Text("한빛은행"), sector="bank", colour="red", services=services,
                         progress=Progress(10, 4, 2, 3, 1, 0), past_rto=1, last_update=None,
                         now=NIRS_T0, activated_at=NIRS_T0 - timedelta(hours=3))
    for colour in TILE_BACKGROUNDS:
        yield replace(base, colour=colour)
        yield replace(base, colour=colour, services=(), progress=Progress(10, 4, 0, 0, 0, 0), last_update=NIRS_T0)
        yield replace(base, colour=colour, activated_at=NIRS_T0 - timedelta(minutes=5))


def test_every_text_colour_on_a_tile_reads_against_its_background(qtbot):
    widget = AffiliateTileWidget()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()  # laid out: a tile fits its services to its size once it has one
    qtbot.waitExposed(widget)
    checked = 0
    for tile in _tiles():
        widget.set_tile(tile, NIRS_T0)
        background = TILE_BACKGROUNDS[tile.colour]
        for label in (widget.services, widget.status, widget.overdue, widget.stale, widget.name):
            ground = STALE if STALE in label.styleSheet() else background  # the stale badge has its own
            for colour in COLOUR.findall(label.text() + " " + label.styleSheet()):
                assert contrast(colour, ground) >= AA, f"{colour} on {ground} in {label.objectName()}"
                checked += 1
    assert checked > 50


@pytest.mark.parametrize("ground", [*TILE_BACKGROUNDS.values(), "#ffffff"])
def test_the_shared_text_colours_read_on_every_tile(ground):
    for colour in (INK, MUTED_TEXT, *TILE_TEXT.values()):
        assert contrast(colour, ground) >= AA, f"{colour} on {ground}"


def test_the_progress_figures_read_over_the_bar_and_beside_it():
    assert contrast(INK, PROGRESS_CHUNK) >= AA and contrast(INK, "#ffffff") >= AA

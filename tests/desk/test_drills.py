"""Drill injects on one desk: released by their time or by the controller, responses recorded,
never in a real event."""

from datetime import timedelta

import pytest

from crisisdesk.domain.errors import InvalidInput
from tests.desk.factories import NIRS_T0, PLAYBOOKS, ManualClock, activate_nirs, make_desk

DRILL_BOOK = PLAYBOOKS / "drill-gov-id-outage.yaml"


@pytest.fixture
def drill(tmp_path):
    clock = ManualClock()
    desk = make_desk(tmp_path / "desk.sqlite", clock)
    event = desk.events.activate(DRILL_BOOK, "그룹 합동 모의훈련", t0=NIRS_T0, drill=True).created
    yield desk, event, clock
    desk.close()


def _released(desk, event) -> dict[str, str]:
    return {s.inject.id: s.released_by for s in desk.drills.injects(event) if s.released}


def test_injects_release_themselves_at_their_time_once(drill):
    desk, event, clock = drill
    assert desk.drills.release_due(event).kinds == frozenset() and _released(desk, event) == {}
    clock.set(NIRS_T0 + timedelta(hours=1, minutes=10))
    desk.drills.release_due(event)
    assert _released(desk, event) == {"gov-id-down": "schedule", "press-enquiry": "schedule",
                                      "vendor-down": "schedule"}
    desk.drills.release_due(event)  # nothing new is due: nothing is released twice
    timeline = [e.kind for e in desk.views.timeline(event)]
    assert timeline.count("drill.inject_released") == 3
    states = {p.provider: p.status for p in desk.views.providers(event)}
    assert states["gov-id-check"] == "down" and states["id-verification-vendor"] == "down"
    assert desk.verify().ok  # the journal replays into the same tables


def test_the_controller_releases_early_and_the_surge_sets_the_figures(drill):
    desk, event, clock = drill
    clock.set(NIRS_T0 + timedelta(minutes=20))
    desk.drills.release_inject(event, "bank-complaints")
    [status] = [s for s in desk.drills.injects(event) if s.inject.id == "bank-complaints"]
    assert status.released_by == "controller" and status.released_at == clock.now
    answers = {a.field: a.value for a in desk.views.answers(event, "bank")}
    assert answers["complaints"] == 420 and answers["calls"] == 3800 and answers["fss-complaints"] == 12
    with pytest.raises(InvalidInput, match="already released"):
        desk.drills.release_inject(event, "bank-complaints")
    with pytest.raises(InvalidInput, match="unknown inject 'typo'"):
        desk.drills.release_inject(event, "typo")


def test_responses_only_to_released_injects(drill):
    desk, event, clock = drill
    with pytest.raises(InvalidInput, match="has not been released"):
        desk.drills.respond_to_inject(event, "group", "press-enquiry", "입장문 배포")
    desk.drills.release_inject(event, "press-enquiry")
    clock.advance(minutes=25)
    with pytest.raises(InvalidInput, match="needs its text"):
        desk.drills.respond_to_inject(event, "group", "press-enquiry", "  ")
    with pytest.raises(InvalidInput, match="unknown affiliate 'bnak'"):
        desk.drills.respond_to_inject(event, "bnak", "press-enquiry", "입장문")
    desk.drills.respond_to_inject(event, "group", "press-enquiry", "그룹 홍보실 입장문 배포")
    [status] = [s for s in desk.drills.injects(event) if s.inject.id == "press-enquiry"]
    assert status.responses == (("group", clock.now),)


def test_a_real_event_takes_no_injects(drill):
    desk, _, _ = drill
    real = activate_nirs(desk)
    before = desk.journal_length()
    for call in (lambda: desk.drills.injects(real), lambda: desk.drills.release_inject(real, "gov-id-down"),
                 lambda: desk.drills.release_due(real),
                 lambda: desk.drills.respond_to_inject(real, "bank", "gov-id-down", "x")):
        with pytest.raises(InvalidInput, match="real event; injects belong to drills only"):
            call()
    assert desk.journal_length() == before

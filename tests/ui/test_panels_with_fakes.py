"""Three panels tested alone, each on a small fake desk that implements only its protocol
(crisisdesk.ui.desk_protocol); and the real Desk checked to provide every protocol method."""

from __future__ import annotations

import inspect
import typing
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from crisisdesk.desk.app import Desk
from crisisdesk.desk.changes import DUTIES, Changes
from crisisdesk.domain.checklist import Progress
from crisisdesk.domain.event import Event, EventRecord
from crisisdesk.domain.read_models import (
    AffiliateTile,
    Board,
    DutyView,
    ServiceView,
    TimelineEntry,
    TimelinePage,
)
from crisisdesk.domain.text import Text
from crisisdesk.formats import load_group, load_playbook
from crisisdesk.ui import desk_protocol
from crisisdesk.ui.board.board_panel import BoardPanel
from crisisdesk.ui.executor import DeskExecutor
from crisisdesk.ui.notices.notices_panel import NoticesPanel
from crisisdesk.ui.timeline.timeline_panel import TimelinePanel
from tests.desk.factories import GROUP_FILE, NIRS_T0, PLAYBOOKS

EVENT = "ev-1"


class FakeDesk:
    """What the executor needs of any desk; subclasses add one panel's protocol."""

    desk_id, author, path = "fake", "운영자", Path("fake.sqlite")

    def __init__(self) -> None:
        self.clock = lambda: NIRS_T0 + timedelta(hours=2)
        self.calls: list[tuple] = []

    def close(self) -> None:
        pass

    @property
    def views(self) -> FakeDesk:  # the fake is its own read models ...
        return self

    @property
    def communications(self) -> FakeDesk:  # ... and its own notices service
        return self


class FakeTimelineDesk(FakeDesk):
    def timeline(self, event=None, affiliate=None, kinds=(), after=0):
        self.calls.append(("timeline", event, affiliate, kinds))
        return [e for e in self._entries() if e.seq > after]

    def timeline_page(self, event=None, affiliate=None, kinds=(), upto=None, before="", size=5000):
        self.calls.append(("timeline_page", event, affiliate, kinds))
        return TimelinePage(tuple(e for e in self._entries() if not before or e.hlc < before), 3, "")

    @staticmethod
    def _entries():
        return [TimelineEntry(seq=n, at=NIRS_T0 + timedelta(minutes=n), kind="checklist.changed",
                              affiliate="bank", author="운영자", summary=Text(f"항목 {n} 완료", f"item {n} done"),
                              hlc=f"{n:015d}.000000.desk")
                for n in (1, 2, 3)]


class FakeBoardDesk(FakeDesk):
    def board(self, event=None, now=None):
        self.calls.append(("board", event))
        now = self.clock()
        service = ServiceView(
            affiliate="bank", service="remote-account", name=Text("비대면 계좌개설"), critical=True,
            status="down", derived="down", confirmed_by="", note="", providers=(Text("주민등록증 진위확인"),),
            alternatives=(Text("실물 운전면허증"),), rto=timedelta(hours=3), rto_deadline=None,
            impaired_since=NIRS_T0, open_now=None)
        tile = AffiliateTile(affiliate="bank", name=Text("한빛은행"), sector="bank", colour="amber",
                             services=(service,), progress=Progress(10, 4, 2, 1, 1, 0), past_rto=0,
                             last_update=now, now=now)
        return Board(event=_info(), tiles=(tile,), now=now, group_progress=Progress(5, 2, 1, 1, 1, 1))


class FakeNoticesDesk(FakeDesk):
    def __init__(self) -> None:
        super().__init__()
        self.state = "due"

    def notices(self, event=None, affiliate=None):
        return []

    def duties(self, event=None, now=None):
        return [DutyView(duty="fss-initial", to=Text("금융감독원"), title=Text("최초보고"),
                         deadline=NIRS_T0 + timedelta(hours=24), state=self.state, reference="",
                         reason="", submitted_at=None, overdue=False, filer="card", occurrence=1,
                         kind="initial", basis="rule")]

    def alerts(self, event=None):
        return []

    def set_duty(self, event, duty, state, *, filer="group", occurrence=1, reference="", reason="", at=None):
        self.calls.append(("set_duty", event, duty, state, filer, occurrence, reference))
        self.state = state
        return Changes.of(event, DUTIES)


def _info() -> Event:
    group = load_group(GROUP_FILE).value
    playbook = load_playbook(PLAYBOOKS / "gov-system-outage.yaml", group).value
    record = EventRecord(id=EVENT, title="시험 사건", t0=NIRS_T0, drill=False, note="", level="attention",
                         status="open", status_reason="", closed_at=None, activated_at=NIRS_T0,
                         activated_by="운영자", playbook_id=playbook.id, playbook_version=playbook.version,
                         group_id=group.id)
    return Event(record=record, playbook=playbook, group=group)


@pytest.fixture
def executor_on(qtbot):
    made = []

    def start(desk) -> DeskExecutor:
        executor = DeskExecutor(lambda: desk)
        executor.start()
        qtbot.waitUntil(lambda: executor.info is not None)
        made.append(executor)
        return executor

    yield start
    for executor in made:
        executor.shutdown()


def _show(qtbot, panel):
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.show()
    panel.set_event(_info())
    return panel


def test_timeline_panel_on_a_fake_desk(qtbot, executor_on):
    desk = FakeTimelineDesk()
    panel = _show(qtbot, TimelinePanel(executor_on(desk)))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    assert desk.calls[-1][:2] == ("timeline_page", EVENT)
    texts = [panel.model.index(r, c).data() for r in range(3) for c in range(panel.model.columnCount())]
    assert "항목 2 완료" in " ".join(str(t) for t in texts)


def test_board_panel_on_a_fake_desk(qtbot, executor_on):
    desk = FakeBoardDesk()
    panel = _show(qtbot, BoardPanel(executor_on(desk)))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    totals = panel.totals.text()
    assert "그룹 데스크 <b>2/5</b>" in totals  # the group desk's own items, once
    assert "15" in totals  # 10 items of the bank + 5 of the group desk
    tile = panel.findChild(type(panel._tiles[0]), "tile-bank")
    assert "장애 경과" in tile.services.text() and "RTO" not in tile.services.text()


def test_notices_panel_on_a_fake_desk_files_a_duty_for_its_filer(qtbot, executor_on):
    desk = FakeNoticesDesk()
    executor = executor_on(desk)
    panel = _show(qtbot, NoticesPanel(executor))
    executor.changed.connect(panel.on_changes)  # as the window routes what commands changed
    qtbot.waitUntil(lambda: panel.duties.rowCount() == 1)
    assert panel.duties.index(0, 0).data() == "한빛카드"  # the filer, by name
    panel.duty_table.selectRow(0)
    qtbot.mouseClick(panel.submitted_button, Qt.MouseButton.LeftButton)
    dialog = panel.findChild(QInputDialog, "dutySubmittedDialog")
    dialog.setTextValue("FSS-0042")
    dialog.accept()
    qtbot.waitUntil(lambda: panel.duties.rows()[0].state == "submitted")
    assert desk.calls == [("set_duty", EVENT, "fss-initial", "submitted", "card", 1, "FSS-0042")]


@pytest.mark.parametrize("protocol", [desk_protocol.TimelineDesk, desk_protocol.BoardDesk,
                                      desk_protocol.NoticesDesk])
def test_the_real_desk_provides_every_protocol_method(protocol, tmp_path):
    services = {name: typing.get_type_hints(member.fget)["return"]
                for name, member in vars(protocol).items() if isinstance(member, property)}
    assert services
    with Desk.open(tmp_path / "real.sqlite") as desk:
        for service_name, service_protocol in services.items():
            service = getattr(desk, service_name)
            methods = [name for name, member in vars(service_protocol).items()
                       if not name.startswith("_") and callable(member)]
            assert methods, service_protocol
            for name in methods:
                wanted = inspect.signature(getattr(service_protocol, name)).parameters
                real = inspect.signature(getattr(type(service), name)).parameters
                assert list(wanted) == list(real)[:len(wanted)], (service_name, name)
                for parameter in wanted.values():
                    assert parameter.kind == real[parameter.name].kind, (name, parameter.name)

import shutil

import pytest

from crisisdesk.desk.app import Desk
from crisisdesk.domain.errors import InvalidInput
from tests.desk.factories import PLAYBOOKS, ManualClock, activate_nirs, make_desk, snapshot


@pytest.fixture
def desk(tmp_path):
    desk = make_desk(tmp_path / "d.sqlite")
    yield desk
    assert desk.verify().ok
    desk.close()


def _state(desk, ev, affiliate, item):
    return next(i for i in desk.views.checklist(ev, affiliate) if i.item == item)


def test_undo_walks_back_changes_as_new_entries(desk):
    ev = activate_nirs(desk)
    desk.checklists.set_item(ev, "bank", "confirm-outage-scope", state="doing", note="확인 중")
    desk.checklists.set_item(ev, "bank", "confirm-outage-scope", state="done")
    entries_before = desk.store.head()[0]
    desk.checklists.undo_item(ev, "bank", "confirm-outage-scope")
    item = _state(desk, ev, "bank", "confirm-outage-scope")
    assert (item.state, item.note) == ("doing", "확인 중")
    desk.checklists.undo_item(ev, "bank", "confirm-outage-scope")
    assert _state(desk, ev, "bank", "confirm-outage-scope").state == "todo"
    assert desk.store.head()[0] == entries_before + 2  # compensating entries, nothing deleted
    with pytest.raises(InvalidInput, match="no change left to undo"):
        desk.checklists.undo_item(ev, "bank", "confirm-outage-scope")
    history = desk.checklists.item_history(ev, "bank", "confirm-outage-scope")
    assert [h.after.state for h in history] == ["doing", "done", "doing", "todo"]


def test_blocked_needs_reason_and_nothing_is_saved(desk):
    ev = activate_nirs(desk)
    before = snapshot(desk)
    with pytest.raises(InvalidInput, match="needs a reason"):
        desk.checklists.set_item(ev, "bank", "confirm-outage-scope", state="blocked")
    with pytest.raises(InvalidInput, match="needs a reason"):
        desk.checklists.set_item(ev, "bank", "confirm-outage-scope", state="blocked", reason="   ")
    assert snapshot(desk) == before
    desk.checklists.set_item(ev, "bank", "confirm-outage-scope", state="blocked", reason="담당자 연락 두절")
    assert _state(desk, ev, "bank", "confirm-outage-scope").reason == "담당자 연락 두절"
    desk.checklists.set_item(ev, "bank", "confirm-outage-scope", state="done")
    assert _state(desk, ev, "bank", "confirm-outage-scope").reason == ""


@pytest.mark.parametrize("call, message", [
    (lambda d, ev: d.checklists.set_item(ev, "bank", "no-such-item", state="done"), "no checklist item"),
    (lambda d, ev: d.checklists.set_item(ev, "atlantis", "confirm-outage-scope", state="done"), "unknown affiliate"),
    (lambda d, ev: d.checklists.set_item(ev, "bank", "confirm-outage-scope", state="finished"), "unknown state"),
    (lambda d, ev: d.checklists.set_item(ev, "bank", "convene-council", state="done"), "no checklist item"),
    (lambda d, ev: d.assessments.answer(ev, "bank", "customers-affected", -5), "must not be negative"),
    (lambda d, ev: d.assessments.answer(ev, "bank", "customers-affected", "많음"), "not a whole number"),
    (lambda d, ev: d.assessments.answer(ev, "bank", "estimated-loss", "1.5e9"), "not a whole number"),
    (lambda d, ev: d.assessments.answer(ev, "bank", "severity", "apocalyptic"), "not one of the choices"),
    (lambda d, ev: d.assessments.answer(ev, "bank", "eta", "next tuesday"), "not a date and time"),
    (lambda d, ev: d.assessments.answer(ev, "bank", "alt-id-works", "maybe"), "not yes or no"),
    (lambda d, ev: d.assessments.answer(ev, "bank", "services", {"teleport": "down"}), "not a service of bank"),
    (lambda d, ev: d.assessments.answer(ev, "bank", "services", {"remote-account": "on fire"}), "status must be"),
    (lambda d, ev: d.assessments.answer(ev, "bank", "no-field", 1), "unknown impact field"),
    (lambda d, ev: d.events.change_level(ev, "apocalypse", "x"), "unknown level"),
    (lambda d, ev: d.events.change_level(ev, "alert", ""), "reason is required"),
    (lambda d, ev: d.events.set_provider(ev, "gov-id-check", "exploded"), "unknown provider status"),
    (lambda d, ev: d.events.set_provider(ev, "nope", "down"), "unknown provider"),
    (lambda d, ev: d.council.record_decision(ev, "x", decided_by="cheif"), "unknown role 'cheif'"),
    (lambda d, ev: d.council.record_decision(ev, "  "), "needs its text"),
    (lambda d, ev: d.communications.set_duty(ev, "fss-initial", "not-required", filer="bank"), "not required"),
    (lambda d, ev: d.communications.set_duty(ev, "fss-initial", "submitted"), "'group' does not file"),
    (lambda d, ev: d.communications.compose_notice(ev, "bank", "carrier-pigeon"), "unknown notice template"),
    (lambda d, ev: d.events.event("ffffffff"), "no event"),
])
def test_invalid_input_saves_nothing(desk, call, message):
    ev = activate_nirs(desk)
    before = snapshot(desk)
    with pytest.raises(InvalidInput, match=message):
        call(desk, ev)
    assert snapshot(desk) == before


def test_revisions_are_kept(desk):
    ev = activate_nirs(desk)
    desk.assessments.answer(ev, "bank", "customers-affected", "1,200")
    desk.clock.advance(hours=1)
    desk.assessments.answer(ev, "bank", "customers-affected", 3400)
    [answer] = [a for a in desk.views.answers(ev, "bank") if a.field == "customers-affected"]
    assert (answer.value, answer.revisions, answer.display) == (3400, 2, "3,400")
    history = desk.views.answer_history(ev, "bank", "customers-affected")
    assert [(r.value, r.author) for r in history] == [(1200, "tester"), (3400, "tester")]
    desk.assessments.answer(ev, "bank", "services", {"remote-account": {"status": "down", "note": "신분확인 불가"}})
    service = next(s for s in desk.views.board(ev).tile("bank").services if s.service == "remote-account")
    assert service.note == "신분확인 불가" and service.confirmed_by == "tester"


def test_raising_adds_items_and_lowering_keeps_work(desk):
    ev = activate_nirs(desk)
    base = {i.item for i in desk.views.checklist(ev, "bank")}
    desk.events.change_level(ev, "serious", "전면 장애")
    raised = {i.item for i in desk.views.checklist(ev, "bank")}
    assert base < raised and "affiliate-response-desk" in raised - base
    group_base = {i.item for i in desk.views.checklist(ev, "group")}
    assert "open-response-center" in group_base  # the group's 24-hour room: once, for the group
    desk.checklists.set_item(ev, "bank", "affiliate-response-desk", state="done")
    desk.events.change_level(ev, "attention", "진정")
    lowered = {i.item: i for i in desk.views.checklist(ev, "bank")}
    assert set(lowered) == raised
    assert lowered["affiliate-response-desk"].state == "done"
    assert desk.views.board(ev).event.level == "attention"


def test_event_pins_playbook_text(desk, tmp_path):
    copy = tmp_path / "gov-system-outage.yaml"
    shutil.copy(PLAYBOOKS / "gov-system-outage.yaml", copy)
    ev = desk.events.activate(copy, "사본 플레이북 사건").created
    pinned = desk.views.checklist(ev, "bank")
    version = desk.views.board(ev).event.playbook.version
    text = copy.read_text(encoding="utf-8").replace(f"version: {version}", f"version: {version + 1}")
    copy.write_text(text.replace("id: confirm-outage-scope", "id: confirm-scope-renamed"), encoding="utf-8")
    assert desk.views.checklist(ev, "bank") == pinned
    assert desk.views.board(ev).event.playbook.version == version
    copy.unlink()
    assert desk.views.checklist(ev, "bank") == pinned


def test_closed_event_refuses_changes_until_reopened(desk):
    ev = activate_nirs(desk)
    desk.events.close_event(ev, "복구 완료")
    with pytest.raises(InvalidInput, match="closed"):
        desk.checklists.set_item(ev, "group", "open-event", state="done")
    with pytest.raises(InvalidInput, match="no open event"):
        desk.events.event()
    desk.events.reopen_event(ev, "재발")
    desk.checklists.set_item(ev, "group", "open-event", state="done")
    assert desk.events.event().id == ev


def test_several_open_events_need_a_name(desk):
    activate_nirs(desk)
    desk.events.activate(PLAYBOOKS / "cyber-incident.yaml", "DDoS", drill=True)
    with pytest.raises(InvalidInput, match="several events are open"):
        desk.events.event()
    assert len(desk.events.event_records("open")) == 2


def test_pinned_texts_parse_once_then_come_from_the_database_cache(tmp_path, monkeypatch):
    from crisisdesk.desk import context
    from crisisdesk.formats import playbook_file

    path = tmp_path / "cached.sqlite"
    with make_desk(path) as desk:
        ev = activate_nirs(desk)
        expected = desk.views.checklist(ev, "bank")
    context._parsed.clear()

    def no_yaml(*args, **kwargs):
        raise AssertionError("the pinned playbook was parsed again")

    monkeypatch.setattr(playbook_file, "load_playbook_text", no_yaml)
    with Desk.open(path, clock=ManualClock()) as desk:
        assert desk.views.checklist(ev, "bank") == expected
        monkeypatch.undo()  # verify parses the pinned texts again, to check the cache against them
        assert desk.verify().ok


@pytest.mark.parametrize("body", ['{"id": "x"}', "not json", '{"id": 1, "extra": []}', "[]"])
def test_a_damaged_cache_entry_is_parsed_again_and_repaired(tmp_path, body):
    import sqlite3

    from crisisdesk.desk import context

    path = tmp_path / "damaged.sqlite"
    with make_desk(path) as desk:
        ev = activate_nirs(desk)
        expected = desk.views.checklist(ev, "bank")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE parsed_documents SET body = ? WHERE kind = 'Playbook'", [body])
    conn.close()
    context._parsed.clear()
    with Desk.open(path, clock=ManualClock()) as desk:
        assert desk.views.checklist(ev, "bank") == expected
    conn = sqlite3.connect(path)
    assert body not in [r[0] for r in conn.execute("SELECT body FROM parsed_documents")]
    conn.close()


def test_a_changed_cache_entry_is_caught_by_verify_and_cleared_from_the_cli(tmp_path, capsys):
    import json
    import sqlite3

    from crisisdesk.cli import main
    from crisisdesk.desk import context

    path = tmp_path / "changed.sqlite"
    with make_desk(path) as desk:
        ev = activate_nirs(desk)
        title = desk.views.checklist(ev, "bank")[0].title.ko
    conn = sqlite3.connect(path)
    with conn:  # a well-formed entry saying something the pinned playbook does not
        body = conn.execute("SELECT body FROM parsed_documents WHERE kind = 'Playbook'").fetchone()[0]
        conn.execute("UPDATE parsed_documents SET body = ? WHERE kind = 'Playbook'",
                     [body.replace(json.dumps(title, ensure_ascii=False)[1:-1], "변조된 항목", 1)])
    conn.close()
    context._parsed.clear()
    with Desk.open(path, clock=ManualClock()) as desk:
        assert desk.views.checklist(ev, "bank")[0].title.ko == "변조된 항목"  # the desk shows the cache
        [problem] = desk.verify().problems
        assert "parsed-document cache" in problem and "playbook" in problem and "--clear-cache" in problem
    assert main(["verify", "--db", str(path)]) == 1
    assert main(["verify", "--clear-cache", "--db", str(path)]) == 0
    assert "cleared 2 cached parses" in capsys.readouterr().out
    with Desk.open(path, clock=ManualClock()) as desk:
        assert desk.views.checklist(ev, "bank")[0].title.ko == title
        assert desk.verify().ok

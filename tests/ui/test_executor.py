"""The database executor: the Desk lives in its own thread; results and errors come back by signal."""

from __future__ import annotations

import threading

import pytest

from crisisdesk.desk.changes import Changes
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.ui.executor import DeskExecutor
from crisisdesk.ui.opening import desk_opener
from tests.desk.factories import ManualClock


@pytest.fixture
def executor(qtbot, group_file, clock):
    ex = DeskExecutor(desk_opener(group_file, "tester", clock))
    with qtbot.waitSignal(ex.opened, timeout=5000):
        ex.start()
    yield ex
    ex.shutdown()


def _run(qtbot, ex, fn):
    results, errors = [], []
    ex.submit(fn, results.append, errors.append)
    qtbot.waitUntil(lambda: bool(results or errors), timeout=5000)
    return results, errors


def test_the_desk_is_opened_and_used_only_in_the_executor_thread(qtbot, executor):
    results, _ = _run(qtbot, executor, lambda desk: (threading.get_ident(), desk.store.conn.execute(
        "SELECT 1").fetchone()[0]))
    worker_thread, one = results[0]
    assert one == 1 and worker_thread != threading.get_ident()
    assert executor.info.author == "tester"
    assert executor.clock() == ManualClock()()


def test_a_command_announces_its_changes(qtbot, executor):
    with qtbot.waitSignal(executor.changed, timeout=5000) as signal:
        executor.submit(lambda desk: desk.events.activate("gov-system-outage", "훈련", drill=True))
    changes = signal.args[0]
    assert isinstance(changes, Changes) and changes.created and changes.touches("board")


def test_errors_go_to_on_error_or_to_failed(qtbot, executor):
    _, errors = _run(qtbot, executor, lambda desk: desk.events.activate("gov-system-outage", " "))
    assert isinstance(errors[0], InvalidInput)
    with qtbot.waitSignal(executor.failed, timeout=5000) as signal:
        executor.submit(lambda desk: 1 / 0)
    assert isinstance(signal.args[0], ZeroDivisionError)
    assert executor.pending == 0


def test_reopen_and_a_database_that_cannot_be_opened(qtbot, executor, tmp_path):
    with qtbot.waitSignal(executor.opened, timeout=5000) as signal:
        executor.reopen(desk_opener(tmp_path / "other.sqlite", "someone"))
    assert signal.args[0].path == tmp_path / "other.sqlite"
    folder = tmp_path / "a-folder.sqlite"
    folder.mkdir()
    with qtbot.waitSignal(executor.open_failed, timeout=5000):
        executor.reopen(desk_opener(folder))
    _, errors = _run(qtbot, executor, lambda desk: desk.views.board())
    assert "no desk database is open" in str(errors[0])


def test_a_save_that_waits_is_announced_and_then_cleared(qtbot):
    import time as _time

    from crisisdesk.ui.executor import DeskExecutor

    class Slow:
        desk_id, author, path, clock = "d", "a", "p", staticmethod(lambda: None)

        def close(self) -> None:
            pass

    executor = DeskExecutor(Slow)
    executor.start()
    said = []
    executor.saving.connect(said.append)
    try:
        with qtbot.waitSignal(executor.saving, timeout=5000):
            executor.submit(lambda desk: _time.sleep(0.6), saving=True)
        qtbot.waitUntil(lambda: said == [True, False], timeout=5000)
        executor.submit(lambda desk: None)  # not a save: never announced
        qtbot.waitUntil(lambda: executor.pending == 0)
        assert said == [True, False]
    finally:
        executor.shutdown()

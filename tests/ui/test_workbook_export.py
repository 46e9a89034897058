"""The reports panel's Excel export: read on the executor, written on the pool, with progress."""

from __future__ import annotations

import openpyxl


def test_export_to_excel_from_the_reports_panel(open_window, demo_copy, qtbot, tmp_path):
    driver = open_window(demo_copy)
    panel = driver.panel("reports")
    driver.settle()
    assert panel.xlsx_button.isEnabled() and panel.xlsx_button.text()
    out = tmp_path / "event.xlsx"
    with qtbot.waitSignal(panel.workbook_signals.done, timeout=20000):
        panel.export_workbook(out)
    assert str(out) in panel.state.text() and not panel.progress.isVisible()
    book = openpyxl.load_workbook(out)
    assert "타임라인" in book.sheetnames and book["그룹 공통"].freeze_panes == "A5"
    driver.window.close()


def test_a_refused_path_is_shown_and_nothing_written(open_window, demo_copy, qtbot, tmp_path, monkeypatch):
    from crisisdesk.ui.reports import reports_panel

    shown = []
    monkeypatch.setattr(reports_panel, "show_error", lambda parent, exc, *a: shown.append(exc))
    driver = open_window(demo_copy)
    panel = driver.panel("reports")
    driver.settle()
    panel.export_workbook(tmp_path / "missing" / "event.xlsx")
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert "does not exist" in str(shown[0]) and panel.xlsx_button.isEnabled()
    driver.window.close()

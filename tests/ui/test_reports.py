"""Reports from the window: a preview rendered off the UI thread, then draft → approve → issue → reprint."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter

from crisisdesk.desk.app import Desk
from tests.desk.factories import ManualClock


def test_preview_then_the_numbered_report_path(open_window, demo_copy, qtbot, tmp_path, clock):
    driver = open_window(demo_copy)
    panel = driver.panel("reports")
    panel.kind.setCurrentIndex(panel.kind.findData("brief"))
    with qtbot.waitSignal(panel.signals.done, timeout=20000):
        panel.preview()
    assert panel.pdf.pages() >= 1 and panel.rendered.kind == "brief"
    assert panel.save_button.isEnabled()

    panel.draft()
    qtbot.waitUntil(lambda: panel.register.rowCount() == 1, timeout=20000)
    driver.settle()
    assert panel.register.rows()[0].status == "draft" and panel.approve_button.isEnabled()
    assert panel.pdf.pages() == panel.rendered.pages > 1
    panel.approve()
    qtbot.waitUntil(lambda: panel.register.rows()[0].status == "approved")
    out = tmp_path / "report-1.pdf"
    panel.issue(out)
    qtbot.waitUntil(lambda: panel.register.rows()[0].status == "issued", timeout=20000)
    assert out.read_bytes().startswith(b"%PDF")
    issued = panel.rendered.fingerprint
    panel.reprint()
    qtbot.waitUntil(lambda: not panel.progress.isVisible(), timeout=20000)
    assert panel.rendered.fingerprint == issued  # the exact report, as printed

    printed = tmp_path / "printed.pdf"
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    panel.pdf.print_to(printer)
    assert printed.stat().st_size > 10_000
    driver.window.close()
    with Desk.open(demo_copy, clock=ManualClock(clock())) as desk:
        assert desk.verify().ok
        assert [r.status for r in desk.reports.report_register()] == ["issued"]


def test_office_drafts_and_the_brief_from_the_register(open_window, demo_copy, qtbot, tmp_path, clock):
    driver = open_window(demo_copy)
    panel = driver.panel("reports")
    assert not panel.office_button.isEnabled()  # nothing numbered yet
    panel.draft()
    qtbot.waitUntil(lambda: panel.register.rowCount() == 1, timeout=20000)
    driver.settle()
    assert panel.office_button.isEnabled() and panel.brief_button.isEnabled()
    hwpx, brief = tmp_path / "report-1.hwpx", tmp_path / "brief-1.pdf"
    panel.export(hwpx, "situation")
    qtbot.waitUntil(lambda: len(panel.register.rows()[0].files) == 1, timeout=20000)
    assert "편집용 초안" in panel.state.text() or "editable draft" in panel.state.text()
    panel.export(brief, "brief")
    qtbot.waitUntil(lambda: len(panel.register.rows()[0].files) == 2, timeout=20000)
    assert hwpx.read_bytes()[:2] == b"PK" and brief.read_bytes().startswith(b"%PDF")
    files_column = panel.register.columnCount() - 1
    shown = panel.register.index(0, files_column).data()
    assert "HWPX" in shown and ("×1" in shown)
    assert panel.register.rows()[0].status == "draft"  # an office draft never issues the report
    driver.window.close()
    with Desk.open(demo_copy, clock=ManualClock(clock())) as desk:
        assert desk.verify().ok
        assert [(f.format, f.role) for f in desk.reports.report_register()[0].files] == [
            ("hwpx", "editable-draft"), ("pdf", "brief")]

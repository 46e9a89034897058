"""Situation reports: preview any kind, draft → approve → issue numbered reports, reprint, save, print.

Reading happens on the database executor; rendering a preview runs on the general pool; drafting,
issuing and reprinting render inside the desk command and report progress from the executor thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.desk.changes import REPORTS, Changes
from crisisdesk.desk.workbook_commands import save_file
from crisisdesk.domain.event import Event
from crisisdesk.ui.errors import show_error
from crisisdesk.ui.executor import DeskExecutor
from crisisdesk.ui.i18n import language, text
from crisisdesk.ui.lazy import LazyRefresh
from crisisdesk.ui.reports.pdf_preview import PdfPreview
from crisisdesk.ui.reports.rendering import RenderSignals, start_render
from crisisdesk.ui.reports.report_models import RegisterModel
from crisisdesk.ui.rows_model import ROW_ROLE
from crisisdesk.ui.tables import table_view

KINDS = ("situation", "brief", "paper")


class ReportsPanel(LazyRefresh, QWidget):
    def __init__(self, executor: DeskExecutor, parent=None):
        super().__init__(parent)
        self.setObjectName("reportsPanel")
        self._executor = executor
        self._info: Event | None = None
        self.rendered = None  # the RenderedReport shown
        self.signals = RenderSignals(self)
        self.signals.progress.connect(self._progress)
        self.signals.done.connect(self._show)
        self.signals.failed.connect(self._failed)
        self.workbook_signals = RenderSignals(self)  # the XLSX export: rendered and saved on the pool
        self.workbook_signals.progress.connect(self._progress)
        self.workbook_signals.done.connect(self._workbook_saved)
        self.workbook_signals.failed.connect(self._failed)
        self.kind = QComboBox(objectName="reportKind")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.lang = QComboBox(objectName="reportLanguage")
        self.affiliate = QComboBox(objectName="reportAffiliate")
        self.blank = QCheckBox(objectName="reportBlank")
        self.preview_button = QPushButton(objectName="previewReport", clicked=self.preview)
        self.register = RegisterModel(self)
        self.table = table_view("reportRegister", self.register)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.draft_button = QPushButton(objectName="draftReport", clicked=self.draft)
        self.approve_button = QPushButton(objectName="approveReport", clicked=self.approve)
        self.issue_button = QPushButton(objectName="issueReport", clicked=self._choose_issue)
        self.reprint_button = QPushButton(objectName="reprintReport", clicked=self.reprint)
        self.office_button = QPushButton(objectName="exportOffice", clicked=self._choose_office)
        self.brief_button = QPushButton(objectName="exportBrief", clicked=self._choose_brief)
        self.progress = QProgressBar(objectName="reportProgress")
        self.progress.setVisible(False)
        self.state = QLabel(objectName="reportState", wordWrap=True)
        self.save_button = QPushButton(objectName="saveReport", clicked=self._choose_save)
        self.print_button = QPushButton(objectName="printReport", clicked=self.print_report)
        self.xlsx_button = QPushButton(objectName="exportWorkbook", clicked=self._choose_workbook)
        self.pdf = PdfPreview()
        self._layout()
        self.retranslate()
        self._enable()

    def _layout(self) -> None:
        self.render_box = QGroupBox()
        form = QFormLayout(self.render_box)
        self.captions = [QLabel() for _ in range(3)]
        for caption, field in zip(self.captions, (self.kind, self.lang, self.affiliate), strict=True):
            caption.setBuddy(field)
            form.addRow(caption, field)
        form.addRow("", self.blank)
        form.addRow(self.preview_button)
        self.register_box = QGroupBox()
        register = QVBoxLayout(self.register_box)
        register.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        for button in (self.draft_button, self.approve_button, self.issue_button, self.reprint_button):
            buttons.addWidget(button)
        register.addLayout(buttons)
        exports = QHBoxLayout()
        exports.addWidget(self.office_button)
        exports.addWidget(self.brief_button)
        register.addLayout(exports)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.render_box)
        column.addWidget(self.register_box, 1)
        column.addWidget(self.progress)
        column.addWidget(self.state)
        files = QHBoxLayout()
        files.addWidget(self.save_button)
        files.addWidget(self.print_button)
        files.addWidget(self.xlsx_button)
        column.addLayout(files)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.pdf)
        split.setSizes([620, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(split)

    # -- event and register -------------------------------------------------------------
    def set_event(self, info: Event | None) -> None:
        same = info is not None and self._info is not None and info.id == self._info.id
        self._info = info
        if info is not None:
            self.register.tz = info.timezone
        if same:
            return
        self._fill_affiliates()
        self.register.set_rows([])
        self.request_refresh()

    def on_changes(self, changes: Changes) -> None:
        if self._info and changes.event == self._info.id and changes.touches(REPORTS):
            self.request_refresh()

    def refresh(self) -> None:
        if self._info is None:
            return
        event = self._info.id
        self._executor.submit(lambda desk: desk.reports.report_register(event), lambda rows: self._registered(event, rows))

    def _registered(self, event: str, rows) -> None:
        if self._info is not None and event == self._info.id:
            current = self._record()
            self.register.set_rows(rows)
            row = self.register.key_row(current.number) if current else len(rows) - 1
            if row >= 0:
                self.table.selectRow(row)
            self._enable()

    def _record(self):
        return self.table.currentIndex().data(ROW_ROLE)

    # -- work ------------------------------------------------------------------------------
    def _begin(self, message: str) -> None:
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.state.setText(message)
        self._enable(busy=True)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _report_progress(self, done: int, total: int) -> None:
        """Called in the executor thread while a desk command renders."""
        self.signals.progress.emit(done, total)

    def _failed(self, exc: Exception) -> None:
        self.progress.setVisible(False)
        self.state.setText("")
        self._enable()
        show_error(self, exc)

    def _show(self, rendered) -> None:
        self.rendered = rendered
        self.pdf.show_pdf(rendered.pdf)
        self.progress.setVisible(False)
        self.state.setText(self.tr("{} pages · fingerprint {}").format(rendered.pages, rendered.short))
        self._enable()

    def _outcome(self, outcome) -> None:
        if outcome.rendered is not None:
            self._show(outcome.rendered)
        else:
            self.progress.setVisible(False)
            self.state.setText(self.tr("Report #{} is {}.").format(
                outcome.record.number, self.register_status(outcome.record.status)))
            self._enable()

    def register_status(self, status: str) -> str:
        return {"draft": self.tr("a draft"), "approved": self.tr("approved"), "issued": self.tr("issued")}[status]

    def preview(self) -> None:
        """Read on the executor, render on the pool: the window stays responsive."""
        if self._info is None:
            return
        event, kind, lang = self._info.id, self.kind.currentData(), self.lang.currentData()
        affiliate = (self.affiliate.currentData() or None) if kind == "paper" else None
        blank = self.blank.isChecked() and kind == "paper"
        self._begin(self.tr("Reading the desk…"))
        self._executor.submit(
            lambda desk: desk.reports.prepare_report(event, kind, lang=lang, affiliate=affiliate, blank=blank),
            lambda prepared: (self.state.setText(self.tr("Rendering…")), start_render(prepared.render, self.signals)),
            self._failed)

    def draft(self) -> None:
        if self._info is None:
            return
        event, lang = self._info.id, self.lang.currentData()
        self._begin(self.tr("Drafting the next situation report…"))
        self._executor.submit(lambda desk: desk.reports.draft_report(event, lang=lang, progress=self._report_progress),
                              self._outcome, self._failed)

    def approve(self) -> None:
        record = self._record()
        if self._info is None or record is None:
            return
        event = self._info.id
        self._executor.submit(lambda desk: desk.reports.approve_report(event, record.number), self._outcome, self._failed)

    def _choose_issue(self) -> None:
        record = self._record()
        if record is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Issue report #{}").format(record.number),
                                              str(Path.home() / f"situation-report-{record.number}.pdf"),
                                              self.tr("PDF (*.pdf)"))
        if path:
            self.issue(Path(path))

    def issue(self, out: Path) -> None:
        """Issue the selected approved report; the PDF is written before the issue is recorded."""
        record = self._record()
        if self._info is None or record is None:
            return
        event = self._info.id
        self._begin(self.tr("Issuing report #{}…").format(record.number))
        self._executor.submit(
            lambda desk: desk.reports.issue_report(event, record.number, out=out, progress=self._report_progress),
            self._outcome, self._failed)

    def reprint(self) -> None:
        record = self._record()
        if self._info is None or record is None:
            return
        event = self._info.id
        self._begin(self.tr("Reprinting report #{}…").format(record.number))
        self._executor.submit(
            lambda desk: desk.reports.reprint_report(event, record.number, progress=self._report_progress),
            self._show, self._failed)

    def _choose_office(self) -> None:
        """An editable office draft (HWPX for 한글, DOCX for Word) of the selected report's body."""
        record = self._record()
        if record is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Editable draft of report #{}").format(record.number),
            str(Path.home() / f"situation-report-{record.number}-draft.hwpx"),
            self.tr("Hangul document (*.hwpx);;Word document (*.docx)"))
        if path:
            self.export(Path(path), "situation")

    def _choose_brief(self) -> None:
        """The executive brief of the selected report: PDF, or an editable HWPX or DOCX draft."""
        record = self._record()
        if record is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Executive brief of report #{}").format(record.number),
            str(Path.home() / f"executive-brief-{record.number}.pdf"),
            self.tr("PDF (*.pdf);;Hangul document (*.hwpx);;Word document (*.docx)"))
        if path:
            self.export(Path(path), "brief")

    def export(self, out: Path, kind: str) -> None:
        """Write a file made from the selected report (as recorded) and record it in the register."""
        record = self._record()
        if self._info is None or record is None:
            return
        event = self._info.id
        self._begin(self.tr("Writing {}…").format(out.name))
        self._executor.submit(
            lambda desk: desk.reports.export_report(event, record.number, kind=kind, out=out,
                                            progress=self._report_progress),
            self._exported, self._failed)

    def _exported(self, outcome) -> None:
        done = outcome.file
        self.progress.setVisible(False)
        if done.role == "editable-draft":
            message = self.tr("Saved an editable draft of report #{} ({}): {}. The issued PDF stays the record.")
        else:
            message = self.tr("Saved the executive brief of report #{} ({}): {}.")
        self.state.setText(message.format(done.number, done.format.upper(), done.file))
        self._enable()
        self.on_changes(outcome.changes)

    def _choose_save(self) -> None:
        if self.rendered is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), str(Path.home() / "report.pdf"),
                                              self.tr("PDF (*.pdf)"))
        if path:
            self.save(Path(path))

    def save(self, path: Path) -> None:
        rendered = self.rendered
        self._executor.submit(lambda desk: desk.reports.save_report(rendered, path),
                              lambda saved: self.state.setText(self.tr("Saved to {}").format(saved)),
                              lambda exc: show_error(self, exc))

    def _choose_workbook(self) -> None:
        if self._info is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"), str(Path.home() / "event.xlsx"),
                                              self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self.export_workbook(Path(path))

    def export_workbook(self, out: Path) -> None:
        """Read the event on the executor, then render and write the workbook on the pool."""
        if self._info is None:
            return
        event, lang = self._info.id, self.lang.currentData()
        self._begin(self.tr("Reading the desk…"))

        def read(desk):
            desk.reports.check_output(out)
            return desk.workbook.prepare_workbook(event, lang=lang)

        def write(prepared) -> None:
            self.state.setText(self.tr("Writing the workbook…"))
            start_render(lambda progress: (out, save_file(prepared.render(progress).data, out))[0],
                         self.workbook_signals)

        self._executor.submit(read, write, self._failed)

    def _workbook_saved(self, path: Path) -> None:
        self.progress.setVisible(False)
        self.state.setText(self.tr("Workbook saved to {}").format(path))
        self._enable()

    def print_report(self) -> None:
        if self.rendered is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self.pdf.print_to(printer))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # -- choices -----------------------------------------------------------------------------
    def _enable(self, busy: bool = False) -> None:
        record = self._record()
        has_event = self._info is not None and not busy
        self.preview_button.setEnabled(has_event)
        self.xlsx_button.setEnabled(has_event)
        self.draft_button.setEnabled(has_event)
        self.approve_button.setEnabled(has_event and record is not None and record.status == "draft")
        self.issue_button.setEnabled(has_event and record is not None and record.status == "approved")
        self.reprint_button.setEnabled(has_event and record is not None and record.status == "issued")
        self.office_button.setEnabled(has_event and record is not None)
        self.brief_button.setEnabled(has_event and record is not None)
        self.save_button.setEnabled(self.rendered is not None and not busy)
        self.print_button.setEnabled(self.rendered is not None and not busy)

    def _kind_changed(self) -> None:
        paper = self.kind.currentData() == "paper"
        for widget in (self.affiliate, self.blank, self.captions[2]):
            widget.setVisible(paper)

    def _fill_affiliates(self) -> None:
        current = self.affiliate.currentData()
        self.affiliate.clear()
        self.affiliate.addItem(self.tr("All affiliates"), "")
        for a in self._info.group.affiliates if self._info else ():
            self.affiliate.addItem(text(a.name), a.id)
        self.affiliate.setCurrentIndex(max(self.affiliate.findData(current), 0))

    def retranslate(self) -> None:
        names = {"situation": self.tr("Situation report (preview)"), "brief": self.tr("Executive brief"),
                 "paper": self.tr("Paper checklists")}
        current = self.kind.currentData()
        self.kind.clear()
        for kind in KINDS:
            self.kind.addItem(names[kind], kind)
        self.kind.setCurrentIndex(max(self.kind.findData(current), 0))
        lang = self.lang.currentData() or language()
        self.lang.clear()
        self.lang.addItem("한국어", "ko")
        self.lang.addItem("English", "en")
        self.lang.setCurrentIndex(self.lang.findData(lang))
        for caption, words in zip(self.captions, (self.tr("&Report:"), self.tr("Lan&guage:"),
                                                  self.tr("A&ffiliate:")), strict=True):
            caption.setText(words)
        self.blank.setText(self.tr("&Blank boxes (to fill in by hand)"))
        self.render_box.setTitle(self.tr("Preview and print"))
        self.register_box.setTitle(self.tr("Numbered situation reports (draft → approve → issue)"))
        self.preview_button.setText(self.tr("&Preview"))
        self.draft_button.setText(self.tr("&Draft next report"))
        self.approve_button.setText(self.tr("&Approve (chair)"))
        self.issue_button.setText(self.tr("&Issue…"))
        self.reprint_button.setText(self.tr("R&eprint"))
        self.office_button.setText(self.tr("Editable draft (HWPX/DOCX)…"))
        self.office_button.setToolTip(self.tr("The report's body for the office to edit before 결재; "
                                              "recorded as a draft, never as the issued report"))
        self.brief_button.setText(self.tr("E&xecutive brief…"))
        self.save_button.setText(self.tr("&Save PDF…"))
        self.print_button.setText(self.tr("Prin&t…"))
        self.xlsx_button.setText(self.tr("E&xport to Excel…"))
        self.xlsx_button.setToolTip(self.tr("Checklists per affiliate, decisions, actions, reporting duties and "
                                            "the timeline as an Excel workbook (XLSX), as of now"))
        self.table.setAccessibleName(self.tr("Report register"))
        self.pdf.setAccessibleName(self.tr("Report preview"))
        self.progress.setAccessibleName(self.tr("Rendering progress"))
        if self.affiliate.count():
            self.affiliate.setItemText(0, self.tr("All affiliates"))
        self._kind_changed()
        self.register.repaint_all()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

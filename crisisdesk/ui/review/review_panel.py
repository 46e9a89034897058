"""The after-action review (사후 검토): each measured target of the event shown and each miss, the
findings, the corrective actions of every event (tracked until done), the result report as a PDF
and the year's drill register. Reading runs on the database executor, rendering on the pool."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.desk.changes import EVENTS, Changes
from crisisdesk.desk.reviews import render_review
from crisisdesk.domain.after_action import AfterAction, target_rows
from crisisdesk.domain.event import Event
from crisisdesk.ui.datetime_edit import make_editor, moment, set_moment
from crisisdesk.ui.errors import show_error
from crisisdesk.ui.executor import DeskExecutor
from crisisdesk.ui.i18n import language
from crisisdesk.ui.lazy import LazyRefresh
from crisisdesk.ui.reports.rendering import RenderSignals, start_render
from crisisdesk.ui.review.review_models import CorrectiveActionModel, FindingModel, TargetModel
from crisisdesk.ui.tables import table_view


class ReviewPanel(LazyRefresh, QWidget):
    def __init__(self, executor: DeskExecutor, parent=None):
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self._executor = executor
        self._info: Event | None = None
        self.review: AfterAction | None = None
        self.summary = QLabel(objectName="reviewSummary")
        self.report_button = QPushButton(objectName="writeReview")
        self.report_button.clicked.connect(self._choose_report)
        self.year = QSpinBox(objectName="registerYear", minimum=2000, maximum=2199)
        self.register_button = QPushButton(objectName="writeRegister")
        self.register_button.clicked.connect(self._choose_register)
        self.state = QLabel(objectName="reviewState")
        self.targets = TargetModel(self)
        self.target_table = table_view("reviewTargets", self.targets)
        self.findings = FindingModel(self)
        self.finding_table = table_view("reviewFindings", self.findings, wrap=True)
        self.finding_text = QLineEdit(objectName="findingText")
        self.finding_button = QPushButton(objectName="addFinding")
        self.finding_button.clicked.connect(self._add_finding)
        self.actions = CorrectiveActionModel(self)
        self.action_table = table_view("correctiveActions", self.actions)
        self.action_title = QLineEdit(objectName="actionTitle")
        self.action_owner = QLineEdit(objectName="actionOwner")
        self.action_due = make_editor("actionDue")
        self.action_button = QPushButton(objectName="addCorrectiveAction")
        self.action_button.clicked.connect(self._add_action)
        self.doing_button = QPushButton(objectName="actionDoing")
        self.done_button = QPushButton(objectName="actionDone")
        self.dropped_button = QPushButton(objectName="actionDropped")
        for button, state in ((self.doing_button, "doing"), (self.done_button, "done"),
                              (self.dropped_button, "dropped")):
            button.clicked.connect(lambda _=False, s=state: self._set_action(s))
        self.signals = RenderSignals(self)
        self.signals.done.connect(self._rendered)
        self.signals.failed.connect(self._failed)
        self._pending_path: Path | None = None
        self._build()
        self.retranslate()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.report_button)
        self.year_label = QLabel()
        self.year_label.setBuddy(self.year)
        for widget in (self.year_label, self.year, self.register_button):
            top.addWidget(widget)
        findings = QWidget()
        f_layout = QVBoxLayout(findings)
        f_layout.setContentsMargins(0, 0, 0, 0)
        self.findings_label = QLabel()
        add_finding = QHBoxLayout()
        add_finding.addWidget(self.finding_text, 1)
        add_finding.addWidget(self.finding_button)
        f_layout.addWidget(self.findings_label)
        f_layout.addWidget(self.finding_table, 1)
        f_layout.addLayout(add_finding)
        actions = QWidget()
        a_layout = QVBoxLayout(actions)
        a_layout.setContentsMargins(0, 0, 0, 0)
        self.actions_label = QLabel()
        form = QFormLayout()
        self.title_label, self.owner_label, self.due_label = QLabel(), QLabel(), QLabel()
        for lab, field in ((self.title_label, self.action_title), (self.owner_label, self.action_owner),
                           (self.due_label, self.action_due)):
            lab.setBuddy(field)
            form.addRow(lab, field)
        buttons = QHBoxLayout()
        for button in (self.action_button, self.doing_button, self.done_button, self.dropped_button):
            buttons.addWidget(button)
        a_layout.addWidget(self.actions_label)
        a_layout.addWidget(self.action_table, 1)
        a_layout.addLayout(form)
        a_layout.addLayout(buttons)
        lower = QSplitter()
        lower.addWidget(findings)
        lower.addWidget(actions)
        self.targets_label = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.state)
        layout.addWidget(self.targets_label)
        layout.addWidget(self.target_table, 3)
        layout.addWidget(lower, 2)

    # -- the event ----------------------------------------------------------------------------
    def set_event(self, info: Event | None) -> None:
        same = info is not None and self._info is not None and info.id == self._info.id
        self._info = info
        if info is not None:
            self.targets.tz = self.findings.tz = self.actions.tz = info.timezone
            self.year.setValue(info.t0.year)
            if not same:
                set_moment(self.action_due, info.t0 + timedelta(days=30), info.timezone)
        if not same:
            self.request_refresh()

    def on_changes(self, changes: Changes) -> None:
        if self._info and changes.event is not None and changes.touches(EVENTS):
            self.request_refresh()

    def refresh(self) -> None:
        info = self._info
        if info is None:
            self.summary.setText(self.tr("No event shown."))
            return

        def read(desk):
            return desk.reviews.after_action(info.id), desk.reviews.corrective_actions(), desk.clock()

        self._executor.submit(read, lambda result: self._apply(info.id, *result), self._error)

    def _apply(self, event: str, review: AfterAction, actions, now) -> None:
        if self._info is None or event != self._info.id:
            return
        self.review = review
        title = self.tr("Drill result") if review.drill else self.tr("After-action review")
        self.summary.setText(self.tr("<b>{}</b>: {} targets measured, <b style='color:#c01818'>{} missed</b>")
                             .format(title, review.measured, review.missed))
        self.targets.set_rows(target_rows(review))
        self.findings.set_rows(review.findings)
        self.actions.now = now
        self.actions.set_rows(actions)

    # -- findings and corrective actions -------------------------------------------------------
    def _add_finding(self) -> None:
        info, body = self._info, self.finding_text.text()
        if info is not None:
            self._executor.submit(lambda desk: desk.reviews.record_finding(info.id, body),
                                  lambda _: self.finding_text.clear(), self._error)

    def _add_action(self) -> None:
        info, title, owner = self._info, self.action_title.text(), self.action_owner.text()
        if info is None:
            return
        due = moment(self.action_due, info.timezone)
        index = self.finding_table.currentIndex()
        finding = self.findings.finding(index.row()).id if index.isValid() else ""

        def added(_) -> None:
            self.action_title.clear()
            self.action_owner.clear()

        self._executor.submit(lambda desk: desk.reviews.add_corrective_action(info.id, title, owner, due, finding),
                              added, self._error)

    def _set_action(self, state: str) -> None:
        index = self.action_table.currentIndex()
        if not index.isValid():
            return
        action = self.actions.action(index.row()).id
        self._executor.submit(lambda desk: desk.reviews.change_corrective_action(action, state), None, self._error)

    # -- PDFs ------------------------------------------------------------------------------------
    def _choose_report(self) -> None:
        if self.review is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the review"), str(Path.home() / "review.pdf"),
                                              self.tr("PDF (*.pdf);;Excel workbook (*.xlsx)"))
        if path:
            self.write_report(Path(path))

    def write_report(self, path: Path) -> None:
        """Render the review shown on the pool, then save it on the executor."""
        review, lang = self.review, "en" if language() == "en" else "ko"
        if review is None:
            return
        author = self._executor.info.author if self._executor.info else ""
        self._pending_path = path
        self.state.setText(self.tr("Rendering…"))
        xlsx = path.suffix.lower() == ".xlsx"
        start_render(lambda progress: render_review(review, lang, author, xlsx), self.signals)

    def _rendered(self, rendered) -> None:
        path = self._pending_path
        if path is None:
            return
        self._executor.submit(lambda desk: desk.reviews.save_document(rendered, path),
                              lambda saved: self.state.setText(self.tr("Saved to {} ({} pages)")
                                                               .format(saved, rendered.pages)),
                              self._error)

    def _choose_register(self) -> None:
        year = self.year.value()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the drill register"),
                                              str(Path.home() / f"drill-register-{year}.pdf"), self.tr("PDF (*.pdf)"))
        if path:
            self.write_register(year, Path(path))

    def write_register(self, year: int, path: Path) -> None:
        lang = "en" if language() == "en" else "ko"
        self.state.setText(self.tr("Rendering…"))
        self._executor.submit(lambda desk: desk.reviews.write_drill_register(year, path, lang),
                              lambda rendered: self.state.setText(self.tr("Saved to {} ({} pages)")
                                                                  .format(path, rendered.pages)),
                              self._error)

    def _failed(self, exc: Exception) -> None:
        self.state.setText("")
        self._error(exc)

    def _error(self, exc: Exception) -> None:
        show_error(self, exc)

    def retranslate(self) -> None:
        self.report_button.setText(self.tr("&Write report (PDF)…"))
        self.report_button.setToolTip(self.tr("The drill result report for a drill, the after-action review for a real event"))
        self.year_label.setText(self.tr("Drill register &year:"))
        self.register_button.setText(self.tr("Drill &register (PDF)…"))
        self.targets_label.setText(self.tr("<b>Measured targets</b> (misses first)"))
        self.findings_label.setText(self.tr("<b>Findings</b>"))
        self.finding_button.setText(self.tr("Add &finding"))
        self.finding_text.setAccessibleName(self.tr("New finding"))
        self.finding_text.setPlaceholderText(self.tr("A finding of the review (what went wrong or well)"))
        self.actions_label.setText(self.tr("<b>Corrective actions</b> of every event, tracked until done"))
        self.title_label.setText(self.tr("&Action:"))
        self.owner_label.setText(self.tr("O&wner:"))
        self.due_label.setText(self.tr("D&ue:"))
        self.action_button.setText(self.tr("Add a&ction"))
        self.doing_button.setText(self.tr("Doing"))
        self.done_button.setText(self.tr("Done"))
        self.dropped_button.setText(self.tr("Dropped"))
        self.target_table.setAccessibleName(self.tr("Measured targets"))
        self.finding_table.setAccessibleName(self.tr("Findings"))
        self.action_table.setAccessibleName(self.tr("Corrective actions"))
        for model in (self.targets, self.findings, self.actions):
            model.repaint_all()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

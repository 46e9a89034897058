"""The affiliate view: impact assessment form with revision history, service status, its checklist."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.desk.changes import BOARD, IMPACT, Changes
from crisisdesk.domain.errors import CrisisDeskError
from crisisdesk.domain.event import Event
from crisisdesk.domain.read_models import AffiliateTile, Board
from crisisdesk.ui.affiliate.affiliate_models import (
    AffiliateListModel,
    RevisionModel,
    ServiceRow,
    ServiceStatusModel,
)
from crisisdesk.ui.affiliate.form_scroll import FormScroll
from crisisdesk.ui.affiliate.impact_form import ImpactForm
from crisisdesk.ui.affiliate.service_correction import ServiceCorrection
from crisisdesk.ui.checklist.checklist_panel import ChecklistPanel
from crisisdesk.ui.errors import show_error
from crisisdesk.ui.executor import DeskExecutor
from crisisdesk.ui.i18n import language, text
from crisisdesk.ui.labels import TILE_COLOURS, label
from crisisdesk.ui.lazy import LazyRefresh
from crisisdesk.ui.rows_model import KEY_ROLE, ROW_ROLE
from crisisdesk.ui.style import TILE_COLOURS as COLOURS
from crisisdesk.ui.tables import ColumnFit, table_view


class AffiliatePanel(LazyRefresh, QWidget):
    def __init__(self, executor: DeskExecutor, parent=None):
        super().__init__(parent)
        self.setObjectName("affiliatePanel")
        self._executor = executor
        self._info: Event | None = None
        self.affiliate = ""
        self._history_field = ""
        self.affiliates = AffiliateListModel(self)
        self.list = QListView(objectName="affiliateList")
        self.list.setModel(self.affiliates)
        self.list.setMaximumWidth(240)
        self.list.selectionModel().currentChanged.connect(self._picked)
        self.title = QLabel(objectName="affiliateTitle")
        self.title.setStyleSheet("font-size:16pt; font-weight:bold;")
        self.summary = QLabel(objectName="affiliateSummary")
        self.form = ImpactForm()
        self.form.save_requested.connect(self._save_answer)
        self.form.history_requested.connect(self._show_history)
        self.form_scroll = FormScroll(self.form)
        self.form_label, self.history_label = QLabel(), QLabel()
        self.revisions = RevisionModel(self)
        self.history = table_view("answerHistory", self.revisions, wrap=True)
        self.services = ServiceStatusModel(executor.clock, self)
        self.service_table = table_view("serviceStatus", self.services)
        ColumnFit(self.service_table, whole=(1, 2), weights={0: 3})  # status and RTO whole, the name first
        self.service_table.selectionModel().currentRowChanged.connect(self._service_picked)
        self.services.modelReset.connect(lambda: self.correction.set_service(None))
        self.correction = ServiceCorrection()
        self.correction.save_requested.connect(self._save_service)
        self.services_label, self.checklist_label = QLabel(), QLabel()
        self.checklist = ChecklistPanel(executor, fixed_affiliate=True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.form_label)
        left_layout.addWidget(self.form_scroll, 3)
        left_layout.addWidget(self.history_label)
        left_layout.addWidget(self.history, 1)
        services = QWidget()
        services_layout = QVBoxLayout(services)
        services_layout.setContentsMargins(0, 0, 0, 0)
        services_layout.addWidget(self.services_label)
        services_layout.addWidget(self.service_table)
        services_layout.addWidget(self.correction)
        checklist = QWidget()
        checklist_layout = QVBoxLayout(checklist)
        checklist_layout.setContentsMargins(0, 0, 0, 0)
        checklist_layout.addWidget(self.checklist_label)
        checklist_layout.addWidget(self.checklist)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(services)
        right.addWidget(checklist)
        right.setSizes([260, 520])
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([800, 800])
        main = QVBoxLayout()
        main.addWidget(self.title)
        main.addWidget(self.summary)
        main.addWidget(split, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.list)
        layout.addLayout(main, 1)
        self.retranslate()

    # -- event and affiliate -------------------------------------------------------
    def set_event(self, info: Event | None) -> None:
        same = info is not None and self._info is not None and info.id == self._info.id
        self._info = info
        self.checklist.set_event(info)
        if same:
            return
        self.affiliates.set_rows([])
        self.revisions.set_rows([])
        keep = self.affiliate if info and self.affiliate in {a.id for a in info.group.affiliates} else ""
        self.affiliate = ""
        self.show_affiliate(keep or (info.group.affiliates[0].id if info and info.group.affiliates else ""))

    def show_affiliate(self, affiliate: str) -> None:
        if self._info is None or not affiliate:
            return
        if affiliate != self.affiliate:
            self.affiliate = affiliate
            self.form.build(self._info, affiliate)
            self.revisions.set_rows([])
            self._history_field = ""
            self.history_label.setText(self.tr("History: choose “History” beside an answer"))
            self.checklist.set_affiliate(affiliate)
        self._select(affiliate)
        self.request_refresh()

    def set_my_role(self, role: str) -> None:
        self.checklist.set_my_role(role)

    def _picked(self, index) -> None:
        if index.isValid():
            self.show_affiliate(index.data(KEY_ROLE))

    def _select(self, affiliate: str) -> None:
        row = self.affiliates.key_row(affiliate)
        if row >= 0 and self.list.currentIndex().row() != row:
            self.list.selectionModel().setCurrentIndex(self.affiliates.index(row, 0),
                                                       QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def on_changes(self, changes: Changes) -> None:
        if self._info and changes.event == self._info.id and (changes.touches(BOARD) or changes.touches(IMPACT)):
            self.request_refresh()

    def refresh(self) -> None:
        if self._info is None or not self.affiliate:
            return
        event, affiliate, lang = self._info.id, self.affiliate, language()
        self._executor.submit(lambda desk: (desk.views.board(event), desk.views.answers(event, affiliate, lang)),
                              lambda result: self._apply(event, affiliate, *result))
        if self._history_field:
            self._show_history(self._history_field)

    def _apply(self, event: str, affiliate: str, board: Board, answers) -> None:
        if self._info is None or event != self._info.id:
            return
        self.affiliates.set_rows(board.tiles)
        self._fit_list()
        self._select(self.affiliate)
        if affiliate != self.affiliate:
            return
        tile = board.tile(affiliate)
        self._show_tile(tile)
        self.form.set_answers(answers)

    def _fit_list(self) -> None:
        """The affiliate list as wide as its longest name (at most 240 px): the form gets the rest."""
        metrics = self.list.fontMetrics()
        names = [metrics.horizontalAdvance(self.affiliates.index(r, 0).data() or "")
                 for r in range(self.affiliates.rowCount())]
        room = metrics.height() * 2 + self.list.verticalScrollBar().sizeHint().width() + 2 * self.list.frameWidth()
        width = min(240, max(names, default=120) + room)  # the colour mark, margins, scrollbar
        self.list.setMinimumWidth(min(width, 110))
        self.list.setMaximumWidth(width)

    def _show_tile(self, tile: AffiliateTile) -> None:
        member = self._info.group.affiliate(tile.affiliate)
        views = {s.service: s for s in tile.services}
        self.services.set_rows([ServiceRow(s, views.get(s.id)) for s in member.services])
        self.title.setText(text(tile.name))
        p = tile.progress
        self.summary.setText(self.tr("<b style='color:{}'>{}</b> · checklist {}/{} ({}%) · overdue {}").format(
            COLOURS[tile.colour], label(TILE_COLOURS, tile.colour), p.closed, p.applicable, p.percent, p.overdue))

    # -- answers ---------------------------------------------------------------------
    def _save_answer(self, field: str, value) -> None:
        event, affiliate = self._info.id, self.affiliate

        def failed(exc: Exception) -> None:
            if isinstance(exc, CrisisDeskError):
                self.form.show_problem(field, str(exc))
            else:
                show_error(self, exc)

        self._executor.submit(lambda desk: desk.assessments.answer(event, affiliate, field, value),
                              lambda _: self.form.saved(field), failed)

    def _service_picked(self) -> None:
        self.correction.set_service(self.service_table.currentIndex().data(ROW_ROLE))

    def _save_service(self, service: str, status: str, note: str) -> None:
        event, affiliate = self._info.id, self.affiliate
        self._executor.submit(lambda desk: desk.assessments.assess_service(event, affiliate, service, status, note),
                              lambda _: self._service_picked(), lambda exc: show_error(self, exc))

    def _show_history(self, field: str) -> None:
        event, affiliate, tz = self._info.id, self.affiliate, self._info.timezone
        self._history_field = field
        label_text = text(self._info.playbook.impact_field(field).label)
        self.history_label.setText(self.tr("History of “{}”").format(label_text))
        self._executor.submit(lambda desk: desk.views.answer_history(event, affiliate, field),
                              lambda revisions: self.revisions.set_revisions(revisions, tz)
                              if affiliate == self.affiliate else None)

    def tick(self) -> None:
        self.services.repaint_all()
        self.checklist.tick()

    def retranslate(self) -> None:
        self.form_label.setText(self.tr("<b>Impact assessment</b> (Enter or Save keeps every revision)"))
        self.services_label.setText(self.tr("<b>Services</b> (★ critical)"))
        self.checklist_label.setText(self.tr("<b>Checklist</b>"))
        if not self._history_field:
            self.history_label.setText(self.tr("History: choose “History” beside an answer"))
        self.list.setAccessibleName(self.tr("Affiliates"))
        self.service_table.setAccessibleName(self.tr("Service status"))
        self.history.setAccessibleName(self.tr("Revisions of the chosen answer"))
        self.services.repaint_all()
        self.revisions.repaint_all()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.request_refresh()  # answers are displayed in the language
        super().changeEvent(event)

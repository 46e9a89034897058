"""Activate an event: playbook (levels, summary), title, T0, level, drill or real, providers down.

The services the chosen providers' failure hits are shown live before anything is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
)

from crisisdesk.domain.group import Group
from crisisdesk.ui import datetime_edit, site_settings
from crisisdesk.ui.dialog_size import fit_to_screen
from crisisdesk.ui.dialogs.impact_preview import ImpactPreviewModel, ProvidersModel
from crisisdesk.ui.errors import show_error
from crisisdesk.ui.executor import DeskExecutor
from crisisdesk.ui.i18n import text
from crisisdesk.ui.tables import keep_current, table_view

if TYPE_CHECKING:
    from crisisdesk.formats import LoadResult


@dataclass(frozen=True)
class Activation:
    playbook: LoadResult
    title: str
    t0: datetime
    level: str
    drill: bool
    down: tuple[str, ...]


def library(desk) -> tuple[Group | None, list[LoadResult]]:
    """Runs in the executor: the group and the valid playbooks of the library."""
    from crisisdesk.formats import LoadResult  # loaded there, off the UI's start-up path

    group = desk.events.group() if desk.events.has_group() else None
    return group, [r for _, r in desk.events.playbooks() if isinstance(r, LoadResult)]


class ActivateEventDialog(QDialog):
    def __init__(self, executor: DeskExecutor, parent=None):
        super().__init__(parent)
        self.setObjectName("activateEventDialog")
        self._executor = executor
        self.group: Group | None = None
        self._books: list[LoadResult] = []
        self._suggested_title = ""  # the title filled in from the playbook, until the user types one
        self.playbook = QComboBox(objectName="playbookChoice")
        self.playbook.currentIndexChanged.connect(self._playbook_changed)
        self.summary = QLabel(objectName="playbookSummary", wordWrap=True)
        self.summary.setMinimumWidth(300)
        self.levels_text = QLabel(objectName="playbookLevels", wordWrap=True)
        self.title = QLineEdit(objectName="eventTitle")
        self.title.textChanged.connect(self._validate)
        self.t0 = datetime_edit.make_editor("eventT0")
        self.t0.dateTimeChanged.connect(self._preview)
        self.level = QComboBox(objectName="eventLevel")
        self.level.currentIndexChanged.connect(self._level_changed)
        self.criteria = QLabel(objectName="levelCriteria", wordWrap=True)
        self.drill = QCheckBox(objectName="eventDrill")
        self.providers = ProvidersModel(self)
        self.providers.ticked_changed.connect(self._preview)
        self.provider_list = QListView(objectName="providersDown")
        self.provider_list.setModel(self.providers)
        keep_current(self.provider_list)  # Space ticks a provider at once
        self.hits = ImpactPreviewModel(self)
        self.hit_table = table_view("impactPreview", self.hits)
        self.hit_summary = QLabel(objectName="impactSummary")
        self.no_group = QLabel(objectName="noGroup", wordWrap=True)
        self.load_group_button = QPushButton(objectName="loadGroup")
        self.load_group_button.clicked.connect(self._choose_group)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        self.labels = [QLabel() for _ in range(6)]
        for lab, field in zip(self.labels, (self.playbook, self.title, self.t0, self.level, self.drill,
                                            self.provider_list), strict=True):
            lab.setBuddy(field)
            form.addRow(lab, field)
        form.insertRow(1, "", self.summary)
        form.insertRow(2, "", self.levels_text)
        form.insertRow(6, "", self.criteria)
        right = QVBoxLayout()
        self.preview_label = QLabel()
        right.addWidget(self.preview_label)
        right.addWidget(self.hit_table, 1)
        right.addWidget(self.hit_summary)
        body = QHBoxLayout()
        body.addLayout(form, 1)
        body.addLayout(right, 1)
        group_row = QHBoxLayout()
        group_row.addWidget(self.no_group, 1)
        group_row.addWidget(self.load_group_button)
        layout = QVBoxLayout(self)
        layout.addLayout(group_row)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        fit_to_screen(self, 1280, 760)  # smaller on a 1366 x 768 or 1280 x 720 screen
        self.reload()

    def reload(self) -> None:
        self._executor.submit(library, self._loaded, lambda exc: show_error(self, exc))

    def _loaded(self, loaded: tuple[Group | None, list[LoadResult]]) -> None:
        self.group, self._books = loaded
        self.no_group.setVisible(self.group is None)
        self.load_group_button.setVisible(self.group is None)
        self.providers.set_group(self.group)
        self.playbook.blockSignals(True)
        self.playbook.clear()
        for book in self._books:
            p = book.value
            self.playbook.addItem(f"{text(p.title)} (v{p.version})", p.id)
        self.playbook.blockSignals(False)
        datetime_edit.set_moment(self.t0, self._executor.clock(), self._tz())
        self._playbook_changed()

    def _choose_group(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Group file"), str(site_settings.group_folder()),
                                              self.tr("Group files (*.yaml *.yml)"))
        if path:
            self.load_group(path)

    def load_group(self, path: str) -> None:
        self._executor.submit(lambda desk: desk.events.load_group(path), lambda _: self.reload(),
                              lambda exc: show_error(self, exc))

    def _book(self) -> LoadResult | None:
        i = self.playbook.currentIndex()
        return self._books[i] if 0 <= i < len(self._books) else None

    def _playbook_changed(self) -> None:
        book = self._book()
        self.level.blockSignals(True)
        self.level.clear()
        if book is not None:
            p = book.value
            self.summary.setText(text(p.summary))
            self.levels_text.setText(" → ".join(text(lv.title) for lv in p.levels))
            for lv in p.levels:
                self.level.addItem(text(lv.title), lv.id)
            if self.title.text() in ("", self._suggested_title):  # never what the user typed
                self._suggested_title = text(p.title)
                self.title.setText(self._suggested_title)
        self.level.blockSignals(False)
        self._level_changed()
        self._preview()

    def _level_changed(self) -> None:
        book = self._book()
        i = self.level.currentIndex()
        self.criteria.setText(text(book.value.levels[i].criteria) if book and i >= 0 else "")
        self._validate()

    def _tz(self) -> str:
        return self.group.timezone if self.group else "Asia/Seoul"

    def t0_value(self) -> datetime:
        return datetime_edit.moment(self.t0, self._tz())

    def _preview(self) -> None:
        self.hits.preview(self.group, self.providers.ticked(), self.t0_value())
        n = self.hits.affiliates_hit()
        self.hit_summary.setText(self.tr("{} affiliates and {} services would be hit.").format(
            n, self.hits.rowCount()) if self.providers.ticked() else self.tr("No provider marked down."))

    def _validate(self) -> None:
        ok = self._book() is not None and bool(self.title.text().strip()) and self.group is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def activation(self) -> Activation:
        return Activation(playbook=self._book(), title=self.title.text().strip(), t0=self.t0_value(),
                          level=self.level.currentData(), drill=self.drill.isChecked(),
                          down=self.providers.ticked())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Activate an event"))
        for lab, source in zip(self.labels, (self.tr("&Playbook:"), self.tr("&Title:"), self.tr("T&0:"),
                                             self.tr("&Level:"), self.tr("Mode:"),
                                             self.tr("Pro&viders down:")), strict=True):
            lab.setText(source)
        self.drill.setText(self.tr("&Drill (exercise, not a real event)"))
        self.preview_label.setText(self.tr("Services hit (before you confirm):"))
        self.no_group.setText(self.tr("No group file is loaded yet. Load the group file (affiliates, "
                                      "services, providers) first."))
        self.load_group_button.setText(self.tr("Load &group file…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Activate"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.provider_list.setAccessibleName(self.tr("Providers down"))
        self.hit_table.setAccessibleName(self.tr("Services hit"))
        self.t0.setAccessibleName(self.tr("T0, in the group's timezone"))
        self.playbook.setAccessibleName(self.tr("Playbook"))
        self.level.setAccessibleName(self.tr("Level"))
        self.title.setAccessibleName(self.tr("Event title"))

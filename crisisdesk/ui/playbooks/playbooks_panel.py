"""The playbook library: versions, review dates, problems with file:line, contents, import."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.desk.changes import GROUP, Changes
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.event import Event
from crisisdesk.locations import user_playbooks_dir
from crisisdesk.ui.errors import show_error
from crisisdesk.ui.executor import DeskExecutor
from crisisdesk.ui.i18n import text
from crisisdesk.ui.lazy import LazyRefresh
from crisisdesk.ui.playbooks.library_model import LibraryEntry, LibraryModel, entries
from crisisdesk.ui.rows_model import ROW_ROLE
from crisisdesk.ui.tables import table_view


def load_library(desk) -> list[LibraryEntry]:
    """Runs in the executor."""
    return entries(desk.events.playbooks(), user_playbooks_dir(), desk.clock().date())


def import_playbook(desk, source: Path, folder: Path) -> Path:
    """Runs in the executor: validate the file against the group, then copy it into `folder`."""
    desk.events.find_playbook(source)  # raises FormatError with every problem located
    target = folder / source.name
    if target.exists() and target.read_bytes() != source.read_bytes():
        raise InvalidInput(f"{target} already exists with other contents: rename the file to import it")
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


class PlaybooksPanel(LazyRefresh, QWidget):
    imported = Signal(str)  # the path it was copied to

    def __init__(self, executor: DeskExecutor, parent=None):
        super().__init__(parent)
        self.setObjectName("playbooksPanel")
        self._executor = executor
        self._dirty = True
        self.model = LibraryModel(self)
        self.table = table_view("playbookLibrary", self.model)
        self.table.selectionModel().currentRowChanged.connect(self._picked)
        self.details = QPlainTextEdit(objectName="playbookDetails", readOnly=True)
        self.contents = QPlainTextEdit(objectName="playbookContents", readOnly=True)
        self.contents.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.contents.setFont(mono)
        self.import_button = QPushButton(objectName="importPlaybook", clicked=self.choose_import)
        self.reload_button = QPushButton(objectName="reloadLibrary", clicked=self.refresh)
        self.folder = QLabel(objectName="userPlaybooksFolder")
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar = QHBoxLayout()
        bar.addWidget(self.import_button)
        bar.addWidget(self.reload_button)
        bar.addWidget(self.folder, 1)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.details)
        lower.addWidget(self.contents)
        lower.setSizes([500, 900])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setSizes([300, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.retranslate()

    def set_event(self, info: Event | None) -> None:
        """The library does not depend on the event."""

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(GROUP):  # validation checks roles and providers against the group
            self.request_refresh()

    def refresh(self) -> None:
        self._executor.submit(load_library, self._loaded, lambda exc: show_error(self, exc))

    def _loaded(self, found: list[LibraryEntry]) -> None:
        self.model.set_rows(found)
        if found and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        self._picked()

    def _entry(self) -> LibraryEntry | None:
        return self.table.currentIndex().data(ROW_ROLE)

    def _picked(self) -> None:
        entry = self._entry()
        if entry is None:
            self.details.clear()
            self.contents.clear()
            return
        lines = []
        if entry.result is not None:
            book = entry.result.value
            lines += [f"{text(book.title)} — {book.id} v{book.version}", "", text(book.summary), "",
                      self.tr("Levels: {}").format(" → ".join(text(lv.title) for lv in book.levels)),
                      self.tr("Checklists: {} with {} items").format(
                          len(book.checklists), sum(len(c.items) for c in book.checklists)),
                      self.tr("Impact questions: {}").format(len(book.impact)),
                      self.tr("Notice templates: {} · reporting duties: {}").format(
                          len(book.notices), len(book.reporting))]
        if entry.problems:
            lines += ["", self.tr("Problems (file:line:column):")]
            lines += [str(p) for p in entry.problems]
        self.details.setPlainText("\n".join(lines))
        path = entry.path
        self._executor.submit(lambda desk: path.read_text(encoding="utf-8-sig", errors="replace"),
                              lambda contents: self._show_contents(path, contents))

    def _show_contents(self, path: Path, contents: str) -> None:
        entry = self._entry()
        if entry is not None and entry.path == path:
            self.contents.setPlainText(contents)

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a playbook"), str(Path.home()),
                                              self.tr("Playbooks (*.yaml *.yml)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, source: Path, folder: Path | None = None) -> None:
        """Validate first (nothing is copied if the file has errors), then copy into the user's folder."""
        folder = folder or user_playbooks_dir()

        def done(target: Path) -> None:
            self.refresh()
            self.imported.emit(str(target))

        self._executor.submit(lambda desk: import_playbook(desk, source, folder), done,
                              lambda exc: show_error(self, exc, self.tr("Playbook not imported")))

    def retranslate(self) -> None:
        self.import_button.setText(self.tr("&Import playbook…"))
        self.import_button.setToolTip(self.tr("The file is validated first, then copied into your playbooks folder"))
        self.reload_button.setText(self.tr("&Reload"))
        self.folder.setText(self.tr("Your playbooks: {}").format(user_playbooks_dir()))
        self.table.setAccessibleName(self.tr("Playbook library"))
        self.details.setAccessibleName(self.tr("Playbook summary and problems"))
        self.contents.setAccessibleName(self.tr("Playbook file, read-only"))
        self.model.repaint_all()
        if self.model.rowCount():
            self._picked()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

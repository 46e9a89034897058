"""Settings: language (applied at once), my role, desk identity, data file, group file, exchange, backups."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.desk.changes import Changes
from crisisdesk.domain.event import Event
from crisisdesk.ui import i18n, site_settings
from crisisdesk.ui.backup_watch import BackupWatch
from crisisdesk.ui.errors import show_error
from crisisdesk.ui.exchange.watch import MAX_INTERVAL, MIN_INTERVAL, ExchangeWatch
from crisisdesk.ui.executor import DeskExecutor, OpenedDesk
from crisisdesk.ui.i18n import text
from crisisdesk.ui.opening import backup_policy, desk_opener
from crisisdesk.ui.settings.group_workbook import GroupWorkbook

LANGUAGE_NAMES = {"ko": "한국어", "en": "English"}


class SettingsPanel(QWidget):
    role_changed = Signal(str)

    def __init__(self, executor: DeskExecutor, watch: ExchangeWatch, backups: BackupWatch, parent=None):
        super().__init__(parent)
        self.setObjectName("settingsPanel")
        self._executor, self._watch, self._backups = executor, watch, backups
        self._desk: OpenedDesk | None = None
        self._info: Event | None = None
        settings = QSettings()
        self.language = QComboBox(objectName="languageChoice")
        for code in i18n.LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(max(self.language.findData(i18n.language()), 0))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.role = QComboBox(objectName="myRole")
        self.role.activated.connect(self._role_picked)
        self._role = settings.value("ui/role", "", type=str)
        self.desk_id = QLabel(objectName="deskId")
        self.author = QLineEdit(objectName="authorName")
        self.author_button = QPushButton(objectName="applyAuthor", clicked=self._apply_author)
        self.path = QLabel(objectName="dataFile", wordWrap=True)
        self.open_button = QPushButton(objectName="openDatabase", clicked=self._choose_database)
        self.group_button = QPushButton(objectName="loadGroupFile", clicked=self._choose_group)
        self.group_workbook = GroupWorkbook(executor, self)
        self.group_workbook.template_written.connect(
            lambda path: self.group_state.setText(self.tr("Template saved to {}").format(path)))
        self.group_workbook.imported.connect(
            lambda imported: self.group_state.setText(self.tr("Group file written to {}").format(imported.path)))
        self.template_button = QPushButton(objectName="groupTemplate", clicked=self.group_workbook.choose_template)
        self.intake_button = QPushButton(objectName="importGroupWorkbook", clicked=self.group_workbook.choose_import)
        self.group_state = QLabel(objectName="groupWorkbookState", wordWrap=True)
        self.exchange = QLineEdit(objectName="exchangeFolder")
        self.exchange.setText(watch.folder)
        self.exchange.editingFinished.connect(self._exchange_changed)
        watch.folder_changed.connect(self.exchange.setText)
        self.exchange_button = QPushButton(objectName="chooseExchange", clicked=self._choose_exchange)
        self.watch = QCheckBox(objectName="watchFolder", checked=watch.watching)
        self.interval = QSpinBox(objectName="watchInterval", minimum=MIN_INTERVAL, maximum=MAX_INTERVAL,
                                 value=watch.interval)
        self.watch.toggled.connect(self._watch_changed)
        self.interval.valueChanged.connect(self._watch_changed)
        self.backups = QLabel(objectName="backupState", wordWrap=True)
        chosen = backup_policy(*backups.choice())
        self.keep = QSpinBox(objectName="backupKeep", minimum=1, maximum=500, value=chosen.keep)
        self.every = QSpinBox(objectName="backupEvery", minimum=1, maximum=240, value=chosen.every_minutes)
        for box in (self.keep, self.every):
            box.valueChanged.connect(lambda _: backups.set_choice(self.keep.value(), self.every.value()))
        self.backup_button = QPushButton(objectName="backupNow", clicked=self.backup_now)
        self.captions: dict[str, QLabel] = {}
        self.boxes = {k: QGroupBox() for k in ("interface", "desk", "exchange", "backups")}
        forms = {k: QFormLayout(box) for k, box in self.boxes.items()}
        rows = (("interface", "language", self.language), ("interface", "role", self.role),
                ("desk", "id", self.desk_id), ("desk", "author", self._pair(self.author, self.author_button)),
                ("desk", "path", self.path), ("desk", "open", self.open_button),
                ("desk", "group", self.group_button),
                ("desk", "inventory", self._pair(self.intake_button, self.template_button, stretch=False)),
                ("desk", "inventory_state", self.group_state),
                ("exchange", "folder", self._pair(self.exchange, self.exchange_button)),
                ("exchange", "watch", self._pair(self.watch, self.interval, stretch=False)),
                ("backups", "keep", self._pair(self.keep, self.every, stretch=False)),
                ("backups", "state", self.backups), ("backups", "now", self.backup_button))
        for box, key, field in rows:
            caption = QLabel()
            caption.setBuddy(field)
            self.captions[key] = caption
            forms[box].addRow(caption, field)
        self.captions["author"].setBuddy(self.author)
        self.captions["folder"].setBuddy(self.exchange)
        self.captions["watch"].setBuddy(self.watch)
        column = QWidget()
        column.setMaximumWidth(1000)
        boxes = QVBoxLayout(column)
        boxes.setContentsMargins(0, 0, 0, 0)
        for box in self.boxes.values():
            boxes.addWidget(box)
        boxes.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(column, 1)
        layout.addStretch(0)
        backups.state.connect(self._backups_shown)
        backups.refresh()
        self.retranslate()

    @staticmethod
    def _pair(field: QWidget, button: QWidget, stretch: bool = True) -> QWidget:
        """Two widgets on one row; the first takes the width unless `stretch` is False."""
        host = QWidget()
        row = QHBoxLayout(host)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field, 1 if stretch else 0)
        row.addWidget(button)
        if not stretch:
            row.addStretch(1)
        return host

    # -- desk and event ------------------------------------------------------------------
    def set_desk(self, info: OpenedDesk) -> None:
        self._desk = info
        self.desk_id.setText(info.desk_id)
        self.author.setText(info.author)
        self.path.setText(str(info.path))

    def set_event(self, info: Event | None) -> None:
        self._info = info
        self._fill_roles()

    def on_changes(self, changes: Changes) -> None:
        """Settings show no event data."""

    def _fill_roles(self) -> None:
        self.role.clear()
        self.role.addItem(self.tr("(none)"), "")
        for r in self._info.playbook.roles if self._info else ():
            self.role.addItem(text(r.title), r.id)
        self.role.setCurrentIndex(max(self.role.findData(self._role), 0))

    def _role_picked(self) -> None:
        self._role = self.role.currentData() or ""
        QSettings().setValue("ui/role", self._role)
        self.role_changed.emit(self._role)

    # -- language --------------------------------------------------------------------------
    def _language_changed(self) -> None:
        code = self.language.currentData()
        QSettings().setValue("ui/language", code)
        i18n.apply_language(code)

    def set_language(self, code: str) -> None:
        """Switch the interface language (as choosing it in the list does)."""
        self.language.setCurrentIndex(self.language.findData(code))

    # -- desk file, author, group --------------------------------------------------------------
    def _apply_author(self) -> None:
        if self._desk is None or not self.author.text().strip():
            return
        QSettings().setValue("desk/author", self.author.text().strip())
        self._executor.reopen(desk_opener(self._desk.path, self.author.text().strip()))

    def _choose_database(self) -> None:
        start = str(self._desk.path.parent) if self._desk else str(Path.home())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Open or create a desk database"), start,
                                              self.tr("Desk databases (*.sqlite)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.open_database(Path(path))

    def open_database(self, path: Path) -> None:
        self._executor.reopen(desk_opener(path, QSettings().value("desk/author", "", type=str)))

    def _choose_group(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Group file"), str(site_settings.group_folder()),
                                              self.tr("Group files (*.yaml *.yml)"))
        if path:
            self._executor.submit(lambda desk: desk.events.load_group(path), None, lambda exc: show_error(self, exc))

    # -- exchange folder and backups --------------------------------------------------------------
    def _choose_exchange(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Exchange folder"), self.exchange.text())
        if path:
            self.exchange.setText(path)
            self._exchange_changed()

    def _exchange_changed(self) -> None:
        self._watch.set_folder(self.exchange.text())

    def _watch_changed(self) -> None:
        self._watch.set_watch(self.watch.isChecked(), self.interval.value())

    def backup_now(self) -> None:
        self.backup_button.setEnabled(False)

        def failed(exc) -> None:
            self.backup_button.setEnabled(True)
            show_error(self, exc, self.tr("Backup failed"))

        self._backups.backup_now(lambda: self.backup_button.setEnabled(True), failed)

    def _backups_shown(self, count: int, latest: str) -> None:
        self.backups.setText(self.tr("{} backups; latest: {}").format(count, latest) if count
                             else self.tr("No backup yet. One is taken when the desk opens and every {} minutes "
                                          "while an event is open.").format(self.every.value()))

    def retranslate(self) -> None:
        titles = {"interface": self.tr("Interface"), "desk": self.tr("This desk"),
                  "exchange": self.tr("Desk-to-desk exchange"), "backups": self.tr("Backups")}
        for key, box in self.boxes.items():
            box.setTitle(titles[key])
        captions = {"language": self.tr("&Language:"), "role": self.tr("My &role (for “Mine”):"),
                    "id": self.tr("Desk id:"), "author": self.tr("&Name recorded as author:"),
                    "path": self.tr("Data file:"), "open": "", "group": "",
                    "inventory": self.tr("Group inventory (Excel):"), "inventory_state": "",
                    "folder": self.tr("E&xchange folder:"), "watch": self.tr("&Watch the folder:"),
                    "keep": self.tr("&Keep the last:"), "state": self.tr("State:"), "now": ""}
        for key, caption in captions.items():
            self.captions[key].setText(caption)
        self.author_button.setText(self.tr("A&pply"))
        self.open_button.setText(self.tr("&Open another database…"))
        self.group_button.setText(self.tr("Load &group file…"))
        self.intake_button.setText(self.tr("&Import workbook into a group file…"))
        self.intake_button.setToolTip(self.tr("Reads a filled group inventory workbook (XLSX), checks it like a "
                                              "group file and writes the group file (YAML)"))
        self.template_button.setText(self.tr("Save &template…"))
        self.template_button.setToolTip(self.tr("The group inventory workbook to fill in, filled with the group "
                                                "loaded in this desk"))
        self.exchange_button.setText(self.tr("C&hoose…"))
        self.backup_button.setText(self.tr("&Back up now"))
        self.keep.setSuffix(self.tr(" backups, one every"))
        self.every.setSuffix(self.tr(" min while an event is open"))
        self.keep.setAccessibleName(self.tr("Backups kept"))
        self.every.setAccessibleName(self.tr("Minutes between automatic backups"))
        self.language.setAccessibleName(self.tr("Language"))
        self.role.setAccessibleName(self.tr("My role"))
        self.author.setAccessibleName(self.tr("Author name"))
        self.exchange.setAccessibleName(self.tr("Exchange folder"))
        self.exchange.setPlaceholderText(self.tr("shared folder or USB stick; empty: not used"))
        self.watch.setText(self.tr("sync while the window is open, every"))
        self.interval.setSuffix(self.tr(" s"))
        self.interval.setAccessibleName(self.tr("Seconds between two syncs"))
        if self.role.count():
            self.role.setItemText(0, self.tr("(none)"))
        self._show_site_locks()

    def _locked_controls(self) -> dict[str, tuple[QWidget, ...]]:
        return {"language": (self.language,), "exchange.folder": (self.exchange, self.exchange_button),
                "backup.keep": (self.keep,), "backup.every_minutes": (self.every,)}

    def _show_site_locks(self) -> None:
        """Controls of settings the administrator's site file fixes: disabled, saying which file."""
        for key, controls in self._locked_controls().items():
            source = site_settings.locked_by(key)
            for control in controls:
                control.setEnabled(not source)
                control.setToolTip(self.tr("Set for this computer by the site file {}").format(source)
                                   if source else "")
            for i, r in enumerate(self._info.playbook.roles if self._info else (), start=1):
                self.role.setItemText(i, text(r.title))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

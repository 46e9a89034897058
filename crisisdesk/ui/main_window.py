"""The main window: a thin shell with the navigation rail, the event header, the panels, a status bar."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar, QVBoxLayout, QWidget

from crisisdesk.desk.changes import BOARD, EVENTS, GROUP, TIMELINE, Changes
from crisisdesk.domain.event import Event
from crisisdesk.ui.backup_watch import BackupWatch
from crisisdesk.ui.board.board_panel import BoardPanel
from crisisdesk.ui.drill.drill_actions import DrillActions
from crisisdesk.ui.drill.drill_banner import DrillBanner
from crisisdesk.ui.errors import show_error
from crisisdesk.ui.event_commands import EventActions
from crisisdesk.ui.event_info import Alerts, OpenEvent, load_event, open_events
from crisisdesk.ui.exchange.watch import ExchangeWatch
from crisisdesk.ui.executor import DeskExecutor, DeskNotOpen, OpenedDesk
from crisisdesk.ui.header import EventHeader
from crisisdesk.ui.outside_watch import OutsideWatch
from crisisdesk.ui.panel_host import PanelHost
from crisisdesk.ui.status_bar import DeskStatusBar

PAGES = (
    ("board", QT_TRANSLATE_NOOP("MainWindow", "Board")),
    ("affiliates", QT_TRANSLATE_NOOP("MainWindow", "Affiliates")),
    ("checklists", QT_TRANSLATE_NOOP("MainWindow", "Checklists")),
    ("decisions", QT_TRANSLATE_NOOP("MainWindow", "Decisions")),
    ("notices", QT_TRANSLATE_NOOP("MainWindow", "Notices")),
    ("timeline", QT_TRANSLATE_NOOP("MainWindow", "Timeline")),
    ("room", QT_TRANSLATE_NOOP("MainWindow", "24-hour room")),
    ("review", QT_TRANSLATE_NOOP("MainWindow", "Review")),
    ("reports", QT_TRANSLATE_NOOP("MainWindow", "Reports")),
    ("playbooks", QT_TRANSLATE_NOOP("MainWindow", "Playbooks")),
    ("exchange", QT_TRANSLATE_NOOP("MainWindow", "Exchange")),
    ("settings", QT_TRANSLATE_NOOP("MainWindow", "Settings")),
)
# Ctrl+1 … Ctrl+9 and Ctrl+0 for the first ten pages; the rest by name (the usual key for settings)
NAV_KEYS = {"exchange": "Ctrl+E", "settings": "Ctrl+,"}
PRESENTATION_SCALE = 1.5
EAGER = ("board",)  # what start-up paints


def panel_factories(executor: DeskExecutor, watch: ExchangeWatch, backups: BackupWatch) -> dict:
    """How each panel is built; the modules of all but the eager ones load when first shown."""

    def affiliates():
        from crisisdesk.ui.affiliate.affiliate_panel import AffiliatePanel
        return AffiliatePanel(executor)

    def checklists():
        from crisisdesk.ui.checklist.checklist_panel import ChecklistPanel
        return ChecklistPanel(executor)

    def decisions():
        from crisisdesk.ui.decisions.decisions_panel import DecisionsPanel
        return DecisionsPanel(executor)

    def notices():
        from crisisdesk.ui.notices.notices_panel import NoticesPanel
        return NoticesPanel(executor)

    def timeline():
        from crisisdesk.ui.timeline.timeline_panel import TimelinePanel
        return TimelinePanel(executor)

    def room():
        from crisisdesk.ui.room.room_panel import RoomPanel
        return RoomPanel(executor)

    def review():
        from crisisdesk.ui.review.review_panel import ReviewPanel
        return ReviewPanel(executor)

    def reports():
        from crisisdesk.ui.reports.reports_panel import ReportsPanel
        return ReportsPanel(executor)

    def playbooks():
        from crisisdesk.ui.playbooks.playbooks_panel import PlaybooksPanel
        return PlaybooksPanel(executor)

    def exchange():
        from crisisdesk.ui.exchange.exchange_panel import ExchangePanel
        return ExchangePanel(executor, watch)

    def settings():
        from crisisdesk.ui.settings.settings_panel import SettingsPanel
        return SettingsPanel(executor, watch, backups)

    return {"board": lambda: BoardPanel(executor), "affiliates": affiliates, "checklists": checklists,
            "decisions": decisions, "notices": notices, "timeline": timeline, "room": room, "review": review, "reports": reports,
            "playbooks": playbooks, "exchange": exchange, "settings": settings}
PANEL_TICK_MS = 30_000


def remember(key: str, value: str) -> None:
    """A setting written only when it changes: each write rewrites the settings file (4-13 ms), and
    start-up shows the panel and the event that were shown last."""
    settings = QSettings()
    if settings.value(key, None, type=str) != value:
        settings.setValue(key, value)


class MainWindow(QMainWindow):
    def __init__(self, executor: DeskExecutor, parent=None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.executor = executor
        self.info: Event | None = None
        self.desk: OpenedDesk | None = None
        self._opening_done = False  # the start-up's open has succeeded or failed
        self._events: list[OpenEvent] = []
        self._preferred: str | None = None
        self.header = EventHeader(executor.clock)
        self._role = ""
        self.exchange = ExchangeWatch(executor, self)
        self.backups = BackupWatch(executor, self)
        self.outside = OutsideWatch(executor, self)  # what other programs write to the same database
        self.stack = PanelHost(panel_factories(executor, self.exchange, self.backups))
        self.stack.created.connect(self._panel_created)
        self.panels = self.stack.panels  # the panels built so far, by name
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        self.drill_banner = DrillBanner(executor)
        layout.addWidget(self.drill_banner)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = DeskStatusBar(executor.clock)
        self.setStatusBar(self.status)
        self.commands = EventActions(executor, self)
        self.drills = DrillActions(executor, self)
        self._build_nav()
        self._connect()
        for name in EAGER:
            self.stack.panel(name)
        self._header_timer = QTimer(self, interval=1000, timeout=self.header.tick)
        self._panel_timer = QTimer(self, interval=PANEL_TICK_MS, timeout=self._tick_panel)
        self._header_timer.start()
        self._panel_timer.start()
        self._presenting = False
        self.retranslate()
        self._restore()
        self.load_events()  # queued behind the opening of the desk

    # -- building ----------------------------------------------------------------
    def _build_nav(self) -> None:
        self.nav = QToolBar(objectName="navigationRail")
        self.nav.setOrientation(Qt.Orientation.Vertical)
        self.nav.setMovable(False)
        self.nav.setFloatable(False)
        self.nav.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.nav.setStyleSheet("QToolBar { spacing:2px; padding:6px 4px; } QToolButton { padding:8px 12px;"
                               " min-width:110px; text-align:left; font-size:12pt; }"
                               " QToolButton:checked { background:#dce7f7; font-weight:bold; }")
        self.addToolBar(Qt.ToolBarArea.LeftToolBarArea, self.nav)
        group = QActionGroup(self)
        self.nav_actions: dict[str, QAction] = {}
        for i, (name, _) in enumerate(PAGES):
            action = QAction(self, checkable=True)
            action.setObjectName(f"nav-{name}")
            action.setShortcut(QKeySequence(NAV_KEYS.get(name) or f"Ctrl+{(i + 1) % 10}"))
            action.triggered.connect(lambda _=False, n=name: self.show_panel(n))
            group.addAction(action)
            self.nav.addAction(action)
            self.nav_actions[name] = action
        self.present_action = QAction(self, checkable=True, objectName="presentationMode")
        self.present_action.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.present_action.toggled.connect(self.set_presentation)
        self.addAction(self.present_action)
        self.leave_action = QAction(self, objectName="leavePresentation")
        self.leave_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.leave_action.triggered.connect(lambda: self.present_action.setChecked(False))
        self.leave_action.setEnabled(False)
        self.addAction(self.leave_action)
        self.page_actions = []
        for name, key, step in (("nextBoardPage", Qt.Key.Key_PageDown, 1), ("previousBoardPage", Qt.Key.Key_PageUp, -1)):
            action = QAction(self, objectName=name, enabled=False)  # presentation mode: turn the board's pages
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _=False, s=step: self.panels["board"].next_page(s))
            self.addAction(action)
            self.page_actions.append(action)
        self.new_event_action = QAction(self, objectName="newEvent")
        self.new_event_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_event_action.triggered.connect(self.commands.activate)
        self.addAction(self.new_event_action)
        self.nav.addSeparator()
        self.nav.addAction(self.present_action)

    def _connect(self) -> None:
        ex = self.executor
        ex.opened.connect(self._opened)
        ex.open_failed.connect(self._open_failed)
        ex.changed.connect(self.on_changes)
        self.outside.changed.connect(lambda changes: self.on_changes(changes, saved_here=False))
        ex.failed.connect(lambda exc: show_error(self, exc))
        ex.busy.connect(self.status.set_busy)
        ex.saving.connect(self.status.set_saving)
        self.backups.failed.connect(lambda exc: show_error(self, exc, self.tr("Automatic backup failed")))
        self.exchange.state.connect(self.status.set_exchange)
        self.exchange.finished.connect(lambda done: self.status.set_exchange_alarm(done.alarm))
        self.header.event_picked.connect(self.set_event)
        self.header.activate_requested.connect(self.commands.activate)
        self.header.level_requested.connect(lambda: self.commands.change_level(self.info))
        self.header.providers_requested.connect(lambda: self.commands.providers(self.info))
        self.header.close_requested.connect(lambda: self.commands.close_event(self.info))
        self.header.reopen_requested.connect(self.commands.reopen_event)
        self.drill_banner.injects_requested.connect(lambda: self.drills.injects(self.info))
        self.commands.activated.connect(self._activated)
        self.commands.reopened.connect(lambda event: self.load_events(prefer=event))

    def _panel_created(self, name: str, panel) -> None:
        """A panel built late starts from what the window knows."""
        if name == "board":
            panel.affiliate_requested.connect(self.open_affiliate)
        if name == "settings":
            panel.role_changed.connect(self._role_changed)
            if self.desk is not None:
                panel.set_desk(self.desk)
        if hasattr(panel, "set_my_role"):
            panel.set_my_role(self._role)
        if self.info is not None:
            panel.set_event(self.info)

    # -- desk and event ----------------------------------------------------------
    def _opened(self, info: OpenedDesk) -> None:
        reopened, self._opening_done = self._opening_done, True
        self.desk = info
        self.status.set_info(info)
        if "settings" in self.panels:
            self.panels["settings"].set_desk(info)
        if reopened:  # another file or author (or a first that failed): start again from its events
            self.info = None
            self.load_events()

    def _open_failed(self, exc: Exception) -> None:
        self.desk, self._opening_done = None, True
        self.status.set_info(None)
        show_error(self, exc, self.tr("Could not open the database"))
        self.show_panel("settings")

    def load_events(self, prefer: str | None = None) -> None:
        """The open events and the one to show (in one trip to the executor: also at start-up).

        A preferred event (just activated or reopened) stays preferred by the loads already queued."""
        self._preferred = prefer or self._preferred
        wanted = (self._preferred, self.info.id if self.info else None, QSettings().value("ui/event", "", type=str))

        def load(desk) -> tuple[list[OpenEvent], tuple[Event, Alerts] | None, str | None]:
            events = open_events(desk)
            ids = [e.id for e in events]
            chosen = next((w for w in wanted if w in ids), ids[0] if ids else None)
            loaded = load_event(desk, chosen) if chosen else None
            zone = (loaded[0].timezone if loaded else
                    desk.events.group().timezone if desk.events.has_group() else None)
            return events, loaded, zone

        self.executor.submit(load, self._events_loaded,
                             lambda exc: None if isinstance(exc, DeskNotOpen) else show_error(self, exc))

    def _events_loaded(self, loaded: tuple[list[OpenEvent], tuple[Event, Alerts] | None, str | None]) -> None:
        self._events, event, zone = loaded
        if zone:
            self.status.set_timezone(zone)
        if event is not None:
            remember("ui/event", event[0].id)
            if event[0].id == self._preferred:
                self._preferred = None
        self._event_loaded(event)

    def set_event(self, event_id: str | None) -> None:
        """Show another event (or none): every panel is told once the event's context is loaded."""
        if event_id is None:
            self._event_loaded(None)
            return
        remember("ui/event", event_id)
        self.executor.submit(lambda desk: load_event(desk, event_id), self._event_loaded)

    def _event_loaded(self, loaded: tuple[Event, Alerts] | None) -> None:
        info, alerts = loaded if loaded is not None else (None, ())
        self.info = info
        if info is not None:
            self.status.set_timezone(info.group.timezone)
        self.header.set_info(info, alerts)
        self.header.set_events(self._events, info.id if info else None)
        self.drill_banner.set_event(info)
        self._title()
        for panel in self.panels.values():
            panel.set_event(info)

    def _activated(self, event_id: str) -> None:
        self.load_events(prefer=event_id)
        self.show_panel("board")

    def on_changes(self, changes: Changes, saved_here: bool = True) -> None:
        """Every saved command (or another program's change): tell the panels what changed; they
        refresh only if they care."""
        if saved_here:
            self.status.mark_saved()
        for panel in self.panels.values():
            panel.on_changes(changes)
        if changes.touches(EVENTS) or changes.touches(GROUP):
            self.load_events()
        elif self.info and changes.event == self.info.id and changes.kinds == {BOARD, TIMELINE}:
            self.set_event(self.info.id)  # alerts or outlook: the header shows them

    def _role_changed(self, role: str) -> None:
        self._role = role
        for panel in self.panels.values():
            if hasattr(panel, "set_my_role"):
                panel.set_my_role(role)

    # -- navigation ----------------------------------------------------------------
    def show_panel(self, name: str) -> None:
        self.stack.show_panel(name)
        self.nav_actions[name].setChecked(True)
        remember("ui/panel", name)

    def current_panel(self) -> str:
        return self.stack.current_name()

    def open_affiliate(self, affiliate: str) -> None:
        self.stack.panel("affiliates").show_affiliate(affiliate)
        self.show_panel("affiliates")

    def _tick_panel(self) -> None:
        panel = self.stack.currentWidget()
        if hasattr(panel, "tick"):
            panel.tick()

    def set_presentation(self, on: bool) -> None:
        """F11: the board full screen with large type for the projector; Esc or F11 leaves."""
        self._presenting = on
        self.leave_action.setEnabled(on)
        for action in self.page_actions:
            action.setEnabled(on)
        self.nav.setVisible(not on)
        self.status.setVisible(not on)
        scale = PRESENTATION_SCALE if on else 1.0
        self.header.set_scale(scale)
        self.panels["board"].set_presenting(on)
        if on:
            self._before = self.current_panel()
            self.show_panel("board")
            self.showFullScreen()
        else:
            self.showNormal()
            self.show_panel(getattr(self, "_before", "board"))

    # -- settings and language ----------------------------------------------------------
    def _restore(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)
        self._role_changed(settings.value("ui/role", "", type=str))
        panel = settings.value("ui/panel", "board", type=str)
        self.show_panel(panel if panel in self.nav_actions else "board")

    def _title(self) -> None:
        title = self.tr("CrisisDesk — group crisis desk")
        if self.info is not None and self.info.drill:
            title = self.tr("[DRILL] {}").format(title)
        self.setWindowTitle(title)

    def retranslate(self) -> None:
        self._title()
        for name, source in PAGES:
            action = self.nav_actions[name]
            action.setText(self.tr(source))
            keys = action.shortcut().toString()
            action.setToolTip(f"{self.tr(source)} ({keys})" if keys else self.tr(source))
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.present_action.setText(self.tr("Present (F11)"))
        self.present_action.setToolTip(self.tr("Full-screen board with large type for the projector"))
        self.leave_action.setText(self.tr("Leave presentation"))
        self.new_event_action.setText(self.tr("New event…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:
        if self._presenting:
            self.present_action.setChecked(False)
        QSettings().setValue("window/geometry", self.saveGeometry())
        self.backups.wait()  # a backup under way finishes on its own connection
        self.executor.shutdown()
        super().closeEvent(event)

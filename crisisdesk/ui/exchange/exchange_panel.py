"""Exchange (교환): this desk's identity and key, the desks it trusts, and the exchange folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.desk.changes import GROUP, Changes
from crisisdesk.desk.exchange_models import (
    LATER_EPOCH,
    LOCAL,
    MORE_ENTRIES,
    UNKNOWN_POSITION,
    RestoreNotice,
)
from crisisdesk.domain.clock import from_iso
from crisisdesk.domain.event import Event
from crisisdesk.ui import timefmt
from crisisdesk.ui.errors import show_error
from crisisdesk.ui.exchange import session
from crisisdesk.ui.exchange.folder_box import FolderBox
from crisisdesk.ui.exchange.key_dialogs import (
    FINGERPRINT_STYLE,
    EnrolDialog,
    InitDialog,
    PassphraseDialog,
)
from crisisdesk.ui.exchange.packet_models import PeerModel, PeerStatusModel, desk_role
from crisisdesk.ui.exchange.watch import ExchangeWatch
from crisisdesk.ui.executor import DeskExecutor
from crisisdesk.ui.lazy import LazyRefresh
from crisisdesk.ui.rows_model import ROW_ROLE
from crisisdesk.ui.style import LATE_TEXT, MUTED_TEXT
from crisisdesk.ui.tables import ColumnFit, table_view


def _row(*widgets) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


class ExchangePanel(LazyRefresh, QWidget):
    def __init__(self, executor: DeskExecutor, watch: ExchangeWatch, parent=None):
        super().__init__(parent)
        self.setObjectName("exchangePanel")
        self._executor, self._watch = executor, watch
        self.snap: session.Snapshot | None = None
        self.tz = "Asia/Seoul"  # the event's time zone once one is shown
        self.dialog = None  # the dialog open now (tests and screenshots reach it here)
        self.who = QLabel(objectName="deskWho", wordWrap=True)
        self.who.setStyleSheet("font-size:13pt;")
        self.fingerprint = QLabel(objectName="deskFingerprint")
        self.fingerprint.setStyleSheet(FINGERPRINT_STYLE)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_state = QLabel(objectName="keyState", wordWrap=True)
        self.note = QLabel(objectName="exchangeNote", wordWrap=True)
        self.init_button = QPushButton(objectName="initDesk", clicked=self.initialise)
        self.unlock_button = QPushButton(objectName="unlockKey", clicked=lambda: self.unlock())
        self.export_key_button = QPushButton(objectName="exportKey", clicked=self._choose_key_out)
        self.peers = PeerModel(self)
        self.peer_table = table_view("peerTable", self.peers)
        ColumnFit(self.peer_table, whole=(2, 4))  # the fingerprint and the enrolment time are never cut
        self.status = PeerStatusModel(self)
        self.status_table = table_view("peerStatusTable", self.status)
        ColumnFit(self.status_table, whole=(1, 2))  # when heard and how many: never cut
        self.enrol_button = QPushButton(objectName="enrolPeer", clicked=self._choose_key_in)
        self.revoke_button = QPushButton(objectName="revokePeer", clicked=self.revoke)
        self.folder = FolderBox(executor, watch)
        self.folder.sync_requested.connect(self.sync_now)
        watch.finished.connect(lambda _: self._load())  # counts of packets sent and received
        executor.opened.connect(lambda _: self.request_refresh())  # another database: another desk
        self.identity_box, self.peers_box = QGroupBox(), QGroupBox()
        identity = QVBoxLayout(self.identity_box)
        for widget in (self.who, self.fingerprint, self.key_state):
            identity.addWidget(widget)
        identity.addLayout(_row(self.init_button, self.unlock_button, self.export_key_button))
        identity.addWidget(self.note)
        peers = QVBoxLayout(self.peers_box)
        peers.addWidget(self.peer_table, 1)
        peers.addLayout(_row(self.enrol_button, self.revoke_button))
        self.status_label = QLabel(objectName="peerStatusLabel")
        self.restore_note = QLabel(objectName="restoreNote", wordWrap=True, visible=False)
        peers.addWidget(self.restore_note)
        peers.addWidget(self.status_label)
        peers.addWidget(self.status_table, 1)
        left = QVBoxLayout()
        left.addWidget(self.identity_box)
        left.addWidget(self.peers_box, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(left, 1)
        layout.addWidget(self.folder, 1)
        self.retranslate()
        self.request_refresh()

    # -- data -----------------------------------------------------------------------------
    def set_event(self, info: Event | None) -> None:
        if info is not None:
            self.tz = self.peers.tz = self.status.tz = info.timezone
            self.folder.set_timezone(info.timezone)

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(GROUP):  # the affiliates offered when initialising
            self.request_refresh()

    def refresh(self) -> None:
        self._load()
        self.folder.refresh()

    def _load(self) -> None:
        self._executor.submit(session.snapshot, self._apply, lambda exc: show_error(self, exc))

    def _apply(self, snap: session.Snapshot) -> None:
        self.snap = snap
        info = snap.info
        self.peers.set_rows(snap.peers)
        self.status.set_rows(snap.status)
        self.status.repaint_all()  # the same desks, newer figures
        restore = snap.restore
        self.restore_note.setVisible(isinstance(restore, RestoreNotice))
        if isinstance(restore, RestoreNotice):
            self.restore_note.setText(self._restore_words(restore))
            # red when a peer's word is in it (refused, or taken); a restore it noticed itself is a fact
            alarm = restore.refused or restore.taken_at_a_word
            self.restore_note.setStyleSheet(f"color:{LATE_TEXT if alarm else MUTED_TEXT};")
        self.init_button.setVisible(info is None)
        self.unlock_button.setVisible(snap.locked)
        self.export_key_button.setEnabled(info is not None)
        self.enrol_button.setEnabled(info is not None)
        self.revoke_button.setEnabled(any(p.active for p in snap.peers))
        self.fingerprint.setVisible(info is not None)
        if info is None:
            self.who.setText(self.tr("This desk has no exchange identity yet. Initialise it with its role "
                                     "before trading packets with other desks."))
            self.key_state.setText(self._keyring_words(snap))
            return
        me = info.identity
        self.who.setText(self.tr("<b>{}</b> — {} of group {}").format(me.name, desk_role(me), me.group))
        self.fingerprint.setText(me.fingerprint)
        if info.key_store == "file":
            lock = self.tr("locked: give the passphrase to send packets") if snap.locked \
                else self.tr("unlocked while this window is open")
            words = self.tr("Private key in the passphrase-protected file {} ({}).").format(info.key_file, lock)
        else:
            words = self.tr("Private key in the OS keyring ({}).").format(snap.keyring_backend)
        self.key_state.setText(words + " " + self.tr("Packets sent: {} · received: {}.").format(
            snap.sent, snap.received))

    def _restore_words(self, notice: RestoreNotice) -> str:
        """Why this desk took itself for restored (or refused a peer's word that it was), and what
        peers sent back since."""
        parts = []
        if notice.at:
            why = {
                LATER_EPOCH: self.tr("{} acknowledged a later stream of this desk's journal than it holds")
                .format(notice.by),
                UNKNOWN_POSITION: self.tr("{} acknowledged position #{} of this desk's journal, which this "
                                          "desk does not have").format(notice.by, notice.position),
                MORE_ENTRIES: self.tr("{} holds {} entries made on this desk, which has {} of them")
                .format(notice.by, notice.made, notice.held),
                LOCAL: self.tr("this desk's journal lacks position #{}, which it had sent (restored from an "
                               "older backup)").format(notice.position),
            }.get(notice.why, notice.why)
            when = timefmt.local(from_iso(notice.at), self.tz)
            if notice.refused:
                parts.append(self.tr("False acknowledgement refused {}: {}. This desk's journal still holds all "
                                     "it has sent: that desk's key may be misused; revoke it.").format(when, why))
            else:
                parts.append(self.tr("Restore noticed {}: {}.").format(when, why))
        if notice.returned:
            back = ", ".join(self.tr("{} from {}").format(count, name) for name, count in notice.returned)
            parts.append((self.tr("Entries made on this desk taken back since: {}.") if notice.at else
                          self.tr("Entries made on this desk taken back from peers: {}.")).format(back))
        if notice.taken_at_a_word:
            parts.append(self.tr("If this desk was not restored from a backup, check whether that desk's key is "
                                 "misused (revoke it) and any entries taken back."))
        return " ".join(parts)

    def _keyring_words(self, snap: session.Snapshot) -> str:
        if snap.keyring_available:
            return self.tr("The OS keyring works on this computer ({}): the private key will be kept there.").format(
                snap.keyring_backend)
        return self.tr("No OS keyring works on this computer: the private key will be kept in a file protected "
                       "by a passphrase that you choose.")

    # -- identity and key -----------------------------------------------------------------------
    def _submit(self, fn, on_done: Callable | None = None) -> None:
        def done(result) -> None:
            if on_done is not None:
                on_done(result)
            self.request_refresh()

        self._executor.submit(fn, done, lambda exc: show_error(self, exc))

    def _open(self, dialog, on_accept: Callable[[], None]) -> None:
        self.dialog = dialog
        dialog.accepted.connect(on_accept)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def initialise(self) -> None:
        if self.snap is None or self.snap.info is not None:
            return
        dialog = InitDialog(self.snap, self)
        self._open(dialog, lambda: self._init(dialog.choice()))

    def _init(self, choice: dict) -> None:
        self._submit(lambda desk: session.service(desk).init(**choice))

    def unlock(self, then: Callable[[], None] | None = None) -> None:
        """Ask the key file's passphrase (in a dialog), then run `then`."""
        if self.snap is None or self.snap.info is None:
            return
        dialog = PassphraseDialog(self.snap.info.key_file, self)

        def unlock() -> None:
            passphrase = dialog.passphrase.text()
            self._submit(lambda desk: session.service(desk).unlock(passphrase),
                         lambda _: then() if then is not None else None)

        self._open(dialog, unlock)

    def _with_key(self, then: Callable[[], None]) -> None:
        if self.snap is not None and self.snap.locked:
            self.unlock(then)
        else:
            then()

    def _choose_key_out(self) -> None:
        if self.snap is None or self.snap.info is None:
            return
        name = f"{self.snap.info.identity.name}.cdkey"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export this desk's public key"),
                                              str(Path.home() / name), self.tr("Public key files (*.cdkey)"))
        if path:
            self.export_key(Path(path))

    def export_key(self, path: Path) -> None:
        def written(out: Path) -> None:
            self.note.setText(self.tr("Public key written to {}. Hand it to the other desk, then read the "
                                      "fingerprint aloud together.").format(out))

        self._with_key(lambda: self._submit(lambda desk: session.service(desk).export_public_key(path), written))

    # -- peers -----------------------------------------------------------------------------------
    def _choose_key_in(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Enrol another desk"), str(Path.home()),
                                              self.tr("Public key files (*.cdkey)"))
        if path:
            self.enrol_file(Path(path))

    def enrol_file(self, path: Path) -> None:
        """Read the key file, show who it is and its fingerprint; trust it only when confirmed."""
        def confirm(identity) -> None:
            dialog = EnrolDialog(identity, path, self)
            self._open(dialog, lambda: self._submit(lambda desk: session.service(desk).enrol(path)))

        self._executor.submit(lambda desk: session.service(desk).read_key_file(path), confirm,
                              lambda exc: show_error(self, exc))

    def revoke(self) -> None:
        peer = self.peer_table.currentIndex().data(ROW_ROLE)
        if peer is None or not peer.active:
            return
        dialog = QInputDialog(self)
        dialog.setObjectName("revokeDialog")
        dialog.setWindowTitle(self.tr("Stop trusting {}").format(peer.name))
        dialog.setLabelText(self.tr("Packets from {} will be refused. Why?").format(peer.name))
        self.dialog = dialog
        dialog.textValueSelected.connect(
            lambda reason: self._submit(lambda desk: session.service(desk).revoke(peer.desk, reason)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def sync_now(self) -> None:
        self._with_key(self._watch.sync_now)

    # -- language ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.identity_box.setTitle(self.tr("This desk"))
        self.peers_box.setTitle(self.tr("Trusted desks"))
        self.init_button.setText(self.tr("&Initialise this desk…"))
        self.unlock_button.setText(self.tr("&Unlock key…"))
        self.export_key_button.setText(self.tr("E&xport public key…"))
        self.enrol_button.setText(self.tr("&Enrol a desk from its key file…"))
        self.revoke_button.setText(self.tr("Re&voke…"))
        self.fingerprint.setAccessibleName(self.tr("Fingerprint of this desk"))
        self.fingerprint.setToolTip(self.tr("Read aloud on the phone when the other desk enrols this one"))
        self.peer_table.setAccessibleName(self.tr("Trusted desks"))
        self.status_label.setText(self.tr("Exchange with each desk (sent again by itself when "
                                          "not acknowledged):"))
        self.status_table.setAccessibleName(self.tr("Exchange with each desk"))
        self.peers.repaint_all()
        self.status.repaint_all()
        if self.snap is not None:
            self._apply(self.snap)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

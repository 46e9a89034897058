"""Dialogs about this desk's key and its peers: initialise, passphrase, trust a public key file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
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
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.ui import site_settings
from crisisdesk.ui.exchange.packet_models import desk_role
from crisisdesk.ui.exchange.session import Snapshot
from crisisdesk.ui.i18n import text

MIN_PASSPHRASE = 8
FINGERPRINT_STYLE = "font-size:22pt; font-weight:bold; font-family:monospace; letter-spacing:2px;"


def _ok(buttons: QDialogButtonBox) -> QPushButton:
    return buttons.button(QDialogButtonBox.StandardButton.Ok)


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _form_row(form: QFormLayout, caption: str, field: QWidget) -> QLabel:
    label = QLabel(caption)
    label.setBuddy(field)
    form.addRow(label, field)
    return label


def _password() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class InitDialog(QDialog):
    """The desk's role, its affiliate, and where its private key is kept (keyring or a key file)."""

    def __init__(self, snap: Snapshot, parent=None):
        super().__init__(parent)
        self.setObjectName("initDeskDialog")
        self.setWindowTitle(self.tr("Initialise this desk for the exchange"))
        self.role = QComboBox(objectName="deskRole")
        self.role.addItem(self.tr("Group crisis desk"), "group")
        self.role.addItem(self.tr("Affiliate desk"), "affiliate")
        self.affiliate = QComboBox(objectName="deskAffiliate", editable=not snap.affiliates)
        for affiliate, name in snap.affiliates:
            self.affiliate.addItem(f"{text(name)} ({affiliate})", affiliate)
        self.group = QLineEdit(snap.group_id, objectName="deskGroup", readOnly=bool(snap.group_id))
        self._site_hints()
        self.in_keyring = QRadioButton(self.tr("In the OS &keyring"), objectName="keyInKeyring")
        self.in_file = QRadioButton(self.tr("In a passphrase-protected &file"), objectName="keyInFile")
        self.in_keyring.setEnabled(snap.keyring_available)
        (self.in_keyring if snap.keyring_available else self.in_file).setChecked(True)
        self.keyring_note = QLabel(wordWrap=True, objectName="keyringNote")
        self.keyring_note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.keyring_note.setText(self.tr("The OS keyring works on this computer ({}).").format(snap.keyring_backend)
                                  if snap.keyring_available else
                                  self.tr("No OS keyring works on this computer: keep the key in a file "
                                          "protected by a passphrase, and keep the file and the passphrase apart."))
        self.key_file = QLineEdit(objectName="keyFile")
        self.key_file.setAccessibleName(self.tr("Key file"))
        self.browse = QPushButton(self.tr("C&hoose…"), objectName="chooseKeyFile", clicked=self._choose)
        self.passphrase, self.repeat = _password(), _password()
        self.passphrase.setObjectName("passphrase")
        self.repeat.setObjectName("passphraseRepeat")
        self.problem = QLabel(objectName="initProblem", wordWrap=True)
        self.problem.setStyleSheet("color:#c01818;")
        self.buttons = _buttons(self)
        file_row = QWidget()
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.key_file, 1)
        row.addWidget(self.browse)
        form = QFormLayout(self)
        _form_row(form, self.tr("&Role:"), self.role)
        _form_row(form, self.tr("&Affiliate:"), self.affiliate)
        _form_row(form, self.tr("&Group id:"), self.group)
        form.addRow(self.tr("Private key:"), self.in_keyring)
        form.addRow("", self.in_file)
        form.addRow("", self.keyring_note)
        _form_row(form, self.tr("Key &file:"), file_row)
        _form_row(form, self.tr("&Passphrase:"), self.passphrase)
        _form_row(form, self.tr("Repeat passphr&ase:"), self.repeat)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        for signal in (self.role.currentIndexChanged, self.in_file.toggled, self.key_file.textChanged,
                       self.passphrase.textChanged, self.repeat.textChanged, self.group.textChanged):
            signal.connect(self._check)
        self.setMinimumWidth(560)
        self._check()

    def _site_hints(self) -> None:
        """The role and affiliate the administrator's site file suggests for desks here."""
        role, affiliate = site_settings.value("desk.role"), site_settings.value("desk.affiliate")
        if role:
            self.role.setCurrentIndex(max(self.role.findData(role), 0))
        if affiliate and role != "group":
            found = self.affiliate.findData(affiliate)
            if found >= 0:
                self.affiliate.setCurrentIndex(found)
            elif self.affiliate.isEditable():
                self.affiliate.setEditText(affiliate)

    def _choose(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Key file"), str(Path.home() / "crisisdesk-desk.key"),
                                              self.tr("Key files (*.key)"))
        if path:
            self.key_file.setText(path)

    def _check(self) -> None:
        affiliate = self.role.currentData() == "affiliate"
        self.affiliate.setEnabled(affiliate)
        in_file = self.in_file.isChecked()
        for widget in (self.key_file, self.browse, self.passphrase, self.repeat):
            widget.setEnabled(in_file)
        problem = ""
        if not self.group.text().strip():
            problem = self.tr("Give the group id (no group file is loaded).")
        elif affiliate and not self.affiliate_id():
            problem = self.tr("Choose the affiliate of this desk.")
        elif in_file and not self.key_file.text().strip():
            problem = self.tr("Choose where the key file goes.")
        elif in_file and len(self.passphrase.text()) < MIN_PASSPHRASE:
            problem = self.tr("The passphrase needs at least {} characters.").format(MIN_PASSPHRASE)
        elif in_file and self.passphrase.text() != self.repeat.text():
            problem = self.tr("The two passphrases differ.")
        self.problem.setText(problem)
        _ok(self.buttons).setEnabled(not problem)

    def affiliate_id(self) -> str:
        data = self.affiliate.currentData()
        return data if data else self.affiliate.currentText().strip()

    def choice(self) -> dict:
        """The arguments of ExchangeService.init."""
        affiliate = self.role.currentData() == "affiliate"
        in_file = self.in_file.isChecked()
        return {"role": self.role.currentData(), "group": self.group.text().strip() or None,
                "affiliate": self.affiliate_id() if affiliate else None,
                "key_file": Path(self.key_file.text().strip()) if in_file else None,
                "passphrase": self.passphrase.text() if in_file else None}


class PassphraseDialog(QDialog):
    """The key file's passphrase, asked once per session before packets are signed."""

    def __init__(self, key_file: str, parent=None):
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Unlock the desk key"))
        self.passphrase = _password()
        self.passphrase.setObjectName("unlockPassphrase")
        self.buttons = _buttons(self)
        note = QLabel(self.tr("This desk's private key is in the encrypted file\n{}\n"
                              "Give its passphrase to sign packets while this window is open.").format(key_file))
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(note)
        _form_row(form, self.tr("&Passphrase:"), self.passphrase)
        form.addRow(self.buttons)
        self.passphrase.textChanged.connect(lambda t: _ok(self.buttons).setEnabled(bool(t)))
        _ok(self.buttons).setEnabled(False)
        self.setMinimumWidth(520)


class EnrolDialog(QDialog):
    """Before trusting a public key file: who it claims to be and the fingerprint to read aloud."""

    def __init__(self, identity, path: Path, parent=None):
        super().__init__(parent)
        self.setObjectName("enrolDialog")
        self.setWindowTitle(self.tr("Trust another desk?"))
        self.identity = identity
        who = QLabel(self.tr("<b>{}</b> — {} of group {}<br>from the file {}").format(
            identity.name, desk_role(identity), identity.group, path.name), wordWrap=True)
        self.fingerprint = QLabel(identity.fingerprint, objectName="enrolFingerprint")
        self.fingerprint.setStyleSheet(FINGERPRINT_STYLE)
        self.fingerprint.setAccessibleName(self.tr("Fingerprint of the other desk"))
        how = QLabel(self.tr("Call the other desk. Both read this fingerprint aloud: they from their Exchange "
                             "panel, you from here. Trust the desk only if every digit matches."), wordWrap=True)
        self.matches = QCheckBox(self.tr("The other desk read the &same fingerprint"), objectName="fingerprintMatches")
        self.buttons = _buttons(self)
        _ok(self.buttons).setText(self.tr("&Trust this desk"))
        _ok(self.buttons).setEnabled(False)
        self.matches.toggled.connect(_ok(self.buttons).setEnabled)
        layout = QVBoxLayout(self)
        for widget in (who, self.fingerprint, how, self.matches, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(560)

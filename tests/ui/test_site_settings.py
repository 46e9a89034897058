"""The window on a computer with a site file: what it locks is shown and cannot be changed; what
it allows, the user's choice wins."""

from PySide6.QtCore import QSettings

from crisisdesk.locations import SITE_ENV
from crisisdesk.ui import i18n


def test_locked_settings_come_from_the_site_file(open_window, demo_copy, tmp_path, monkeypatch):
    share = tmp_path / "share"
    share.mkdir()
    site = tmp_path / "crisisdesk-site.yaml"
    site.write_text(f"format: crisisdesk.site/1\nexchange: {{folder: '{share}'}}\n"
                    "backup: {keep: 44, every_minutes: 7}\nlanguage: en\n"
                    "allow_user_override: [language, backup.every_minutes]\n", encoding="utf-8")
    monkeypatch.setenv(SITE_ENV, str(site))
    settings = QSettings()  # what this user chose before the administrator wrote the site file
    settings.setValue("exchange/folder", str(tmp_path / "mine"))
    settings.setValue("backup/keep", 3)
    settings.setValue("backup/every", 30)
    settings.setValue("ui/language", "ko")
    driver = open_window(demo_copy)
    window, panel = driver.window, driver.panel("settings")
    assert i18n.language() == "ko"  # allowed: the user's choice
    assert window.exchange.folder == str(share)  # locked: the site's
    assert panel.exchange.text() == str(share) and not panel.exchange.isEnabled()
    assert not panel.exchange_button.isEnabled() and str(site) in panel.exchange.toolTip()
    assert (panel.keep.value(), panel.keep.isEnabled()) == (44, False)
    assert (panel.every.value(), panel.every.isEnabled()) == (30, True)
    assert panel.language.isEnabled()
    window.exchange.set_folder(str(tmp_path / "other"))  # refused: the site fixes it
    assert window.exchange.folder == str(share)


def test_the_init_dialog_starts_from_the_site_files_role_hints(qtbot, tmp_path, monkeypatch):
    from crisisdesk.domain.text import Text
    from crisisdesk.ui.exchange.key_dialogs import InitDialog
    from crisisdesk.ui.exchange.session import Snapshot

    site = tmp_path / "crisisdesk-site.yaml"
    site.write_text("format: crisisdesk.site/1\ndesk: {role: affiliate, affiliate: card}\n", encoding="utf-8")
    monkeypatch.setenv(SITE_ENV, str(site))
    snap = Snapshot(keyring_available=True, keyring_backend="test", info=None, locked=False, group_id="hanbit",
                    affiliates=(("bank", Text("은행", "Bank")), ("card", Text("카드", "Card"))))
    dialog = InitDialog(snap)
    qtbot.addWidget(dialog)
    assert dialog.role.currentData() == "affiliate" and dialog.affiliate.currentData() == "card"


def test_the_window_says_when_opening_upgraded_the_file(open_window, tmp_path):
    import gzip
    import shutil
    from pathlib import Path

    path = tmp_path / "old.sqlite"
    fixture = Path(__file__).parents[1] / "store" / "fixtures" / "schema4-demo.sqlite.gz"
    with gzip.open(fixture) as source, open(path, "wb") as target:
        shutil.copyfileobj(source, target)
    driver = open_window(path)
    message = driver.window.status.currentMessage()
    assert "업그레이드" in message and "before-upgrade" in message, message

"""Keyboard and screen-reader use: every control has a name, and in a panel or dialog Tab reaches each one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QRadioButton,
    QScrollArea,
    QScrollBar,
    QTabBar,
    QWidget,
)

from crisisdesk.desk.app import Desk
from crisisdesk.desk.demo import DEMO_NOW
from crisisdesk.desk.exchange_service import ExchangeService
from crisisdesk.domain.errors import CrisisDeskError
from crisisdesk.ui.errors import show_error
from tests.desk.factories import NIRS_T0, ManualClock

INNER = ("QComboBox", "QDateTimeEdit", "QAbstractSpinBox")  # their line edits are part of them
PASSPHRASE = "accessibility-test"


def _outer(widget: QWidget) -> QWidget:
    """The control a part belongs to (an editable combo box for its line edit)."""
    while widget.parentWidget() is not None and widget.parentWidget().metaObject().className() in INNER:
        widget = widget.parentWidget()
    return widget


def _controls(root: QWidget) -> list[QWidget]:
    """The visible widgets of `root` that take focus, without the parts of a control, scroll areas and
    widgets that hand their focus on (a tab widget to its tab bar)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if _outer(widget) is not widget or isinstance(widget, (QScrollArea, QScrollBar)) or widget.focusProxy():
            continue
        found.append(widget)
    return found


def _describe(widget: QWidget) -> str:
    return f"{widget.metaObject().className()} {widget.objectName()}".strip()


def _unnamed(root: QWidget) -> list[str]:
    """Controls with no accessible name, no text of their own and no label whose buddy they are."""
    buddies = {lab.buddy() for lab in root.findChildren(QLabel) if lab.buddy() is not None}
    missing = []
    for widget in _controls(root):
        if isinstance(widget, QTabBar):  # each tab is named by its text
            text = "".join(widget.tabText(i) for i in range(widget.count()))
        else:
            text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
        if not (widget.accessibleName() or text or widget in buddies):
            missing.append(_describe(widget))
    return missing


def _tab_stop(widget: QWidget) -> QWidget:
    """Radio buttons that exclude each other are one Tab stop (arrows move among them); the first
    stands for them all."""
    if isinstance(widget, QRadioButton) and widget.autoExclusive():
        siblings = widget.parentWidget().findChildren(QRadioButton,
                                                      options=Qt.FindChildOption.FindDirectChildrenOnly)
        return next(w for w in siblings if w.autoExclusive())
    return widget


def _tab_problems(qtbot, root: QWidget) -> list[str]:
    """Pressing Tab from where a dialog puts the focus (in a panel: from its first control) must come
    round to it again, having reached every enabled control of `root` on the way (and the window's
    others, for a panel); a control that keeps Tab to itself is a trap."""
    qtbot.waitUntil(root.isActiveWindow)
    tab = Qt.FocusPolicy.TabFocus
    stops = [_tab_stop(w) for w in _controls(root) if w.isEnabled() and w.focusPolicy() & tab]
    if not stops:
        return []
    wanted = set(stops)
    focus = QApplication.focusWidget()
    if focus is None or not root.isAncestorOf(focus):
        stops[0].setFocus(Qt.FocusReason.TabFocusReason)
    start = focus = _tab_stop(_outer(QApplication.focusWidget()))
    reached = {start}
    for _ in range(10 * len(_controls(root.window())) + 10):  # a date editor takes a Tab per section
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        before, focus = focus, _tab_stop(_outer(QApplication.focusWidget()))
        reached.add(focus)
        if focus is start and (before is not start or wanted <= {start}):
            break
    else:
        return [f"Tab never leaves {_describe(focus)}"]
    return [f"not reached by Tab: {_describe(w)}" for w in wanted - reached]


def _problems(qtbot, dialog: QWidget) -> list[str]:
    name = dialog.objectName() or dialog.metaObject().className()
    return ([f"{name}: no name: {w}" for w in _unnamed(dialog)]
            + [f"{name}: {problem}" for problem in _tab_problems(qtbot, dialog)])


def _check_and_close(qtbot, dialog) -> list[str]:
    problems = _problems(qtbot, dialog)
    dialog.reject()
    return problems


def _ok(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def _message_box():
    shown = [w for w in QApplication.topLevelWidgets() if w.objectName() == "errorDialog" and w.isVisible()]
    return shown[0] if shown else None


def test_every_control_has_an_accessible_name_or_a_label(open_window, demo_copy, qtbot):
    """Keyboard and screen-reader users reach every control by a name (its own, its text or its label)."""
    driver = open_window(demo_copy)
    missing = []
    for name in driver.window.nav_actions:
        missing += [f"{name}: {w}" for w in _unnamed(driver.panel(name))]
    assert missing == []


def test_tab_reaches_every_control_of_each_panel_and_leaves_its_tables(open_window, demo_copy, qtbot):
    """In each panel Tab goes through every control and on round the window, back to where it started;
    a table or tree passes Tab on (rows are chosen with the arrow keys)."""
    with Desk.open(demo_copy, clock=ManualClock(DEMO_NOW)) as desk:
        desk.reports.draft_report()  # a row in the reports register
    driver = open_window(demo_copy)
    affiliate = driver.panel("affiliates")
    affiliate.form.rows["customers-affected"].history.click()
    qtbot.waitUntil(lambda: affiliate.revisions.rowCount() > 0 and affiliate.services.rowCount() > 0)
    problems = []
    for name in driver.window.nav_actions:
        problems += [f"{name}: {problem}" for problem in _tab_problems(qtbot, driver.panel(name))]
    assert problems == []


def test_the_event_dialogs_name_every_control_and_tab_reaches_it(open_window, demo_copy, qtbot):
    driver = open_window(demo_copy)
    window, commands = driver.window, driver.window.commands
    problems = []
    dialog = commands.activate()
    qtbot.waitUntil(lambda: dialog.playbook.count() > 0)
    dialog.providers.set_ticked("gov-id-check", True)
    assert dialog.hits.rowCount() > 0
    problems += _check_and_close(qtbot, dialog)
    qtbot.mouseClick(window.header.level_button, Qt.MouseButton.LeftButton)
    problems += _check_and_close(qtbot, commands.dialog)
    qtbot.mouseClick(window.header.providers_button, Qt.MouseButton.LeftButton)
    dialog = commands.dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    problems += _check_and_close(qtbot, dialog)
    commands.close_event(window.info)
    problems += _check_and_close(qtbot, commands.dialog)
    before = commands.dialog
    commands.reopen_event()
    qtbot.waitUntil(lambda: commands.dialog is not before)
    problems += _check_and_close(qtbot, commands.dialog)
    show_error(window, CrisisDeskError("이미 닫힌 사건입니다"))
    qtbot.waitUntil(lambda: _message_box() is not None)
    problems += _check_and_close(qtbot, _message_box())
    assert problems == []


def test_the_panels_dialogs_name_every_control_and_tab_reaches_it(open_window, demo_copy, qtbot):
    driver = open_window(demo_copy)
    problems = []
    checklist = driver.panel("checklists")
    checklist.set_affiliate("bank")
    qtbot.waitUntil(lambda: checklist.model.rowCount() > 1)
    checklist.view.setCurrentIndex(checklist.model.index(1, 0))
    qtbot.keyClick(checklist.view, Qt.Key.Key_B)
    problems += _check_and_close(qtbot, checklist.findChild(QInputDialog, "blockedReasonDialog"))
    qtbot.keyClick(checklist.view, Qt.Key.Key_H)
    dialog = checklist.history
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    problems += _check_and_close(qtbot, dialog)
    decisions = driver.panel("decisions")
    qtbot.waitUntil(lambda: decisions.decisions.rowCount() > 0)
    decisions.tree.setCurrentIndex(decisions.decisions.index(0, 0))
    qtbot.mouseClick(decisions.amend_button, Qt.MouseButton.LeftButton)
    problems += _check_and_close(qtbot, decisions.findChild(QInputDialog, "amendDialog"))
    notices = driver.panel("notices")
    qtbot.waitUntil(lambda: notices.duties.rowCount() > 0)
    notices.duty_table.selectRow(0)
    qtbot.mouseClick(notices.submitted_button, Qt.MouseButton.LeftButton)
    problems += _check_and_close(qtbot, notices.findChild(QInputDialog, "dutySubmittedDialog"))
    assert problems == []


def _bank_key(folder) -> str:
    """A bank desk's public key file, as the bank would hand it over."""
    folder.mkdir()
    with Desk.open(folder / "desk.sqlite", clock=ManualClock(NIRS_T0), author="은행 IT") as desk:
        service = ExchangeService(desk)
        service.init("affiliate", group="hanbit", affiliate="bank", key_file=folder / "bank.key",
                     passphrase=PASSPHRASE)
        return str(service.export_public_key(folder / "bank.cdkey"))


def test_the_exchange_dialogs_name_every_control_and_tab_reaches_it(open_window, demo_copy, qtbot, tmp_path,
                                                                       monkeypatch):
    driver = open_window(demo_copy)
    panel = driver.panel("exchange")
    problems = []
    qtbot.waitUntil(lambda: panel.snap is not None and panel.init_button.isVisible())
    qtbot.mouseClick(panel.init_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    dialog.in_file.setChecked(True)
    problems += _problems(qtbot, dialog)
    dialog.key_file.setText(str(tmp_path / "group.key"))
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE)
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.snap.info is not None)
    panel.unlock()
    problems += _check_and_close(qtbot, panel.dialog)
    key = _bank_key(tmp_path / "bank")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (key, "")))
    before = panel.dialog
    qtbot.mouseClick(panel.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.dialog is not before)
    dialog = panel.dialog
    dialog.matches.setChecked(True)
    problems += _problems(qtbot, dialog)
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.peers.rowCount() == 1)
    panel.peer_table.selectRow(0)
    qtbot.mouseClick(panel.revoke_button, Qt.MouseButton.LeftButton)
    problems += _check_and_close(qtbot, panel.findChild(QInputDialog, "revokeDialog"))
    assert problems == []

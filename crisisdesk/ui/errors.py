"""Errors shown as dialogs that say what to do; unexpected ones logged to a file, never a traceback."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from crisisdesk.domain.errors import CrisisDeskError
from crisisdesk.ui import desk_errors

log = logging.getLogger("crisisdesk.ui")
_state: dict = {"log_path": None, "box": None}



def set_up_log(log_path: Path) -> None:
    """Write warnings and unexpected errors to `log_path` (the data folder's crisisdesk.log)."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(log_path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("crisisdesk")
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _state["log_path"] = log_path


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """A person's error as its message and what to do; anything else as a polite logged apology."""
    if isinstance(exc, CrisisDeskError):
        _show(parent, title or QCoreApplication.translate("Errors", "Not saved"), desk_errors.message(exc),
              QCoreApplication.translate("Errors", "Nothing was changed. Correct what the message names and try again."),
              QMessageBox.Icon.Warning)
        return
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    where = _state["log_path"] or QCoreApplication.translate("Errors", "the log")
    _show(parent, title or QCoreApplication.translate("Errors", "Unexpected error"),
          QCoreApplication.translate("Errors", "Something went wrong that CrisisDesk did not expect: {}").format(
              type(exc).__name__),
          QCoreApplication.translate("Errors", "Everything saved before is safe. The details were written to {}; "
              "send that file to your IT support. You can keep working.").format(where),
          QMessageBox.Icon.Critical)


def _show(parent, title: str, text: str, hint: str, icon) -> None:
    """One message box at a time, non-blocking, so a burst of errors never piles up dialogs."""
    box = _state["box"]
    if box is None or not shiboken6.isValid(box) or not box.isVisible():
        box = QMessageBox(parent.window() if parent is not None else _main_window())
        box.setObjectName("errorDialog")
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        _state["box"] = box
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(hint)
    box.setAccessibleName(title)
    box.open()


def _main_window() -> QWidget | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()),
                None)


class _Relay(QObject):
    """Carries exceptions from other threads to the UI thread."""

    raised = Signal(object)


def install_excepthook() -> None:
    """Unexpected exceptions anywhere are logged and shown politely; the desk keeps running."""
    relay = _Relay(QApplication.instance())
    relay.raised.connect(lambda exc: show_error(None, exc))

    def hook(kind, exc, tb):
        if issubclass(kind, KeyboardInterrupt) or _state.get("reporting"):
            sys.__excepthook__(kind, exc, tb)  # never loop if showing the error fails too
            return
        exc = exc if exc is not None else kind()
        exc.__traceback__ = tb
        _state["reporting"] = True
        try:
            relay.raised.emit(exc)
        finally:
            _state["reporting"] = False

    sys.excepthook = hook
    threading.excepthook = lambda args: hook(args.exc_type, args.exc_value, args.exc_traceback)

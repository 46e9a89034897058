"""Date-time editors that show and read wall-clock time in the group's timezone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateTimeEdit


def make_editor(name: str) -> QDateTimeEdit:
    edit = QDateTimeEdit(objectName=name, calendarPopup=True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


def set_moment(edit: QDateTimeEdit, moment: datetime, tz: str) -> None:
    local = moment.astimezone(ZoneInfo(tz))
    edit.setDateTime(QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)))


def moment(edit: QDateTimeEdit, tz: str) -> datetime:
    d, t = edit.date(), edit.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=ZoneInfo(tz))

"""Names of the states and statuses the desk stores, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

ITEM_STATES = {
    "todo": QT_TRANSLATE_NOOP("Labels", "To do"),
    "doing": QT_TRANSLATE_NOOP("Labels", "Doing"),
    "done": QT_TRANSLATE_NOOP("Labels", "Done"),
    "n/a": QT_TRANSLATE_NOOP("Labels", "N/A"),
    "blocked": QT_TRANSLATE_NOOP("Labels", "Blocked"),
}
SERVICE_STATUSES = {
    "normal": QT_TRANSLATE_NOOP("Labels", "Normal"),
    "degraded": QT_TRANSLATE_NOOP("Labels", "Degraded"),
    "down": QT_TRANSLATE_NOOP("Labels", "Down"),
    "n/a": QT_TRANSLATE_NOOP("Labels", "N/A"),
    "restored": QT_TRANSLATE_NOOP("Labels", "Restored"),
}
DUTY_STATES = {
    "due": QT_TRANSLATE_NOOP("Labels", "Due"),
    "submitted": QT_TRANSLATE_NOOP("Labels", "Submitted"),
    "not-required": QT_TRANSLATE_NOOP("Labels", "Not required"),
}
DUTY_KINDS = {
    "initial": QT_TRANSLATE_NOOP("Labels", "Initial report"),
    "intermediate": QT_TRANSLATE_NOOP("Labels", "Intermediate report"),
    "final": QT_TRANSLATE_NOOP("Labels", "Closing report"),
    "status": QT_TRANSLATE_NOOP("Labels", "Status report"),
    "other": QT_TRANSLATE_NOOP("Labels", "Report"),
}
DUTY_BASES = {
    "rule": QT_TRANSLATE_NOOP("Labels", "Regulation"),
    "target": QT_TRANSLATE_NOOP("Labels", "Group target"),
}
ACTION_STATES = {
    "open": QT_TRANSLATE_NOOP("Labels", "Open"),
    "doing": QT_TRANSLATE_NOOP("Labels", "Doing"),
    "done": QT_TRANSLATE_NOOP("Labels", "Done"),
    "dropped": QT_TRANSLATE_NOOP("Labels", "Dropped"),
}
NOTICE_STATES = {
    "draft": QT_TRANSLATE_NOOP("Labels", "Draft"),
    "posted": QT_TRANSLATE_NOOP("Labels", "Posted"),
    "withdrawn": QT_TRANSLATE_NOOP("Labels", "Withdrawn"),
}
CHANNELS = {
    "web": QT_TRANSLATE_NOOP("Labels", "Website"),
    "app": QT_TRANSLATE_NOOP("Labels", "App"),
    "sms": QT_TRANSLATE_NOOP("Labels", "SMS"),
    "branch": QT_TRANSLATE_NOOP("Labels", "Branch"),
    "call-center": QT_TRANSLATE_NOOP("Labels", "Call centre"),
}
TILE_COLOURS = {
    "red": QT_TRANSLATE_NOOP("Labels", "Past RTO"),
    "amber": QT_TRANSLATE_NOOP("Labels", "Critical at risk"),
    "yellow": QT_TRANSLATE_NOOP("Labels", "Impaired"),
    "green": QT_TRANSLATE_NOOP("Labels", "Normal"),
}


def label(table: dict[str, str], key: str) -> str:
    """The translated name of `key` in `table` (the key itself when unknown)."""
    source = table.get(key)
    return QCoreApplication.translate("Labels", source) if source else key

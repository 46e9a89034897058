"""The history of one checklist item: every change, who made it on which desk, undos and concurrent edits."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from crisisdesk.domain.read_models import ItemHistoryEntry, ItemView
from crisisdesk.ui import timefmt
from crisisdesk.ui.exchange import session
from crisisdesk.ui.i18n import text
from crisisdesk.ui.labels import ITEM_STATES, label
from crisisdesk.ui.rows_model import Column, RowsModel
from crisisdesk.ui.style import LATE
from crisisdesk.ui.tables import table_view

CONFLICT = QT_TRANSLATE_NOOP("Checklist", "Changed on two desks at once; the later change was kept — see history")
FIELDS = {"reason": QT_TRANSLATE_NOOP("Checklist", "reason"), "assignee": QT_TRANSLATE_NOOP("Checklist", "assignee"),
          "note": QT_TRANSLATE_NOOP("Checklist", "note"), "evidence": QT_TRANSLATE_NOOP("Checklist", "evidence")}


def conflict_text() -> str:
    return QCoreApplication.translate("Checklist", CONFLICT)


def _change(change: ItemHistoryEntry) -> str:
    before, after = change.before.as_dict(), change.after.as_dict()
    parts = []
    if before["state"] != after["state"]:
        parts.append(f"{label(ITEM_STATES, before['state'])} → {label(ITEM_STATES, after['state'])}")
    for field, name in FIELDS.items():
        if after[field] != before[field]:
            parts.append(f"{QCoreApplication.translate('Checklist', name)}: {after[field] or '—'}")
    return "; ".join(parts)


def _mark(change: ItemHistoryEntry, model: HistoryModel) -> str:
    if change.undoes:
        return QCoreApplication.translate("Checklist", "undo")
    if model.concurrent[change.base] > 1:
        return QCoreApplication.translate("Checklist", "concurrent")
    return ""


def _desk(change: ItemHistoryEntry, model: HistoryModel) -> str:
    if change.desk == model.desk_id:
        return QCoreApplication.translate("Checklist", "this desk")
    return model.names.get(change.desk) or "…" + change.desk.replace("-", "")[-8:]


def item_history(desk, event: str, affiliate: str, ref: str) -> tuple[list[ItemHistoryEntry], dict[str, str]]:
    """Runs in the executor: the item's changes, and the enrolled desks' names by desk id."""
    return (desk.checklists.item_history(event, affiliate, ref),
            {p.desk: p.name for p in session.service(desk).peers()})


class HistoryModel(RowsModel):
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "When"), lambda r, m: timefmt.local_full(r.at, m.tz)),
        Column(QT_TRANSLATE_NOOP("Columns", "Who"), lambda r, m: r.author),
        Column(QT_TRANSLATE_NOOP("Columns", "Desk"), _desk),
        Column(QT_TRANSLATE_NOOP("Columns", "Change"), lambda r, m: _change(r)),
        Column(QT_TRANSLATE_NOOP("Columns", "Mark"), _mark,
               foreground=lambda r, m: LATE if m.concurrent[r.base] > 1 and not r.undoes else None),
    )

    def __init__(self, parent=None):
        super().__init__(key=lambda r: r.entry, parent=parent)
        self.tz, self.desk_id = "Asia/Seoul", ""
        self.names: dict[str, str] = {}  # peers' desk names (bank.1a2b3c4d) by desk id
        self.concurrent: Counter = Counter()

    def set_history(self, rows: list[ItemHistoryEntry], tz: str, desk_id: str, names: dict[str, str] | None = None) -> None:
        self.tz, self.desk_id, self.names = tz, desk_id, names or {}
        self.concurrent = Counter(r.base for r in rows if not r.undoes)
        self.set_rows(rows)


class ItemHistoryDialog(QDialog):
    def __init__(self, item: ItemView, parent=None):
        super().__init__(parent)
        self.setObjectName("itemHistoryDialog")
        self.setWindowTitle(self.tr("History of “{}”").format(text(item.title)))
        self.model = HistoryModel(self)
        self.table = table_view("itemHistory", self.model)
        self.table.setAccessibleName(self.tr("Changes of the item"))
        note = QLabel(conflict_text() if item.conflict else self.tr("Every change of the item, oldest first."),
                      wordWrap=True)
        if item.conflict:
            note.setStyleSheet("color:#a86800; font-weight:bold;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(960, 380)

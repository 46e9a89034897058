"""The register of numbered situation reports."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from crisisdesk.ui import timefmt
from crisisdesk.ui.rows_model import Column, RowsModel
from crisisdesk.ui.style import SOON

STATUSES = {
    "draft": QT_TRANSLATE_NOOP("Columns", "Draft"),
    "approved": QT_TRANSLATE_NOOP("Columns", "Approved"),
    "issued": QT_TRANSLATE_NOOP("Columns", "Issued"),
}
DESIGNATIONS = {
    "initial": QT_TRANSLATE_NOOP("Columns", "Initial"),
    "update": QT_TRANSLATE_NOOP("Columns", "Update"),
    "final": QT_TRANSLATE_NOOP("Columns", "Final"),
}


def _word(table: dict[str, str], key: str) -> str:
    return QCoreApplication.translate("Columns", table[key]) if key in table else key


def _files(record) -> str:
    """The files made from a report: editable office drafts (never the issued report) and brief PDFs."""
    drafts = sorted({f.format.upper() for f in record.files if f.role == "editable-draft"})
    briefs = sum(1 for f in record.files if f.role == "brief")
    parts = []
    if drafts:
        parts.append(QCoreApplication.translate("Columns", "Editable draft: {}").format(", ".join(drafts)))
    if briefs:
        parts.append(QCoreApplication.translate("Columns", "Brief PDF ×{}").format(briefs))
    return " · ".join(parts)


class RegisterModel(RowsModel):
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "No."),
               lambda r, m: QCoreApplication.translate("Columns", "#{}").format(r.number)),
        Column(QT_TRANSLATE_NOOP("Columns", "Kind"), lambda r, m: _word(DESIGNATIONS, r.designation)),
        Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda r, m: _word(STATUSES, r.status),
               foreground=lambda r, m: SOON if r.status != "issued" else None),
        Column(QT_TRANSLATE_NOOP("Columns", "As of"), lambda r, m: timefmt.local(r.moment, m.tz)),
        Column(QT_TRANSLATE_NOOP("Columns", "Prepared by"), lambda r, m: r.prepared_by),
        Column(QT_TRANSLATE_NOOP("Columns", "Approved by"), lambda r, m: r.approved_by),
        Column(QT_TRANSLATE_NOOP("Columns", "Issued"), lambda r, m: timefmt.local(r.issued_at, m.tz)),
        Column(QT_TRANSLATE_NOOP("Columns", "Pages"), lambda r, m: str(r.pages)),
        Column(QT_TRANSLATE_NOOP("Columns", "Fingerprint"), lambda r, m: r.short),
        Column(QT_TRANSLATE_NOOP("Columns", "Files made from it"), lambda r, m: _files(r)),
    )

    def __init__(self, parent=None):
        super().__init__(key=lambda r: r.number, parent=parent)
        self.tz = "Asia/Seoul"

"""Providers to tick, and the services their failure hits (computed live with derive_hits)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from crisisdesk.domain.group import Group
from crisisdesk.domain.impact import ProviderState, ServiceHit, derive_hits
from crisisdesk.ui.i18n import text
from crisisdesk.ui.labels import SERVICE_STATUSES, label
from crisisdesk.ui.rows_model import ROOT, Column, RowsModel

Index = QModelIndex | QPersistentModelIndex


class ProvidersModel(QAbstractListModel):
    """The group's external providers, each checkable (ticked = down)."""

    ticked_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.group: Group | None = None
        self._ticked: set[str] = set()

    def set_group(self, group: Group | None) -> None:
        self.beginResetModel()
        self.group, self._ticked = group, set()
        self.endResetModel()
        self.ticked_changed.emit()

    def ticked(self) -> tuple[str, ...]:
        return tuple(p.id for p in self._providers() if p.id in self._ticked)

    def set_ticked(self, provider: str, on: bool) -> None:
        row = next((i for i, p in enumerate(self._providers()) if p.id == provider), -1)
        if row >= 0:
            self.setData(self.index(row), Qt.CheckState.Checked if on else Qt.CheckState.Unchecked,
                         Qt.ItemDataRole.CheckStateRole)

    def _providers(self):
        return self.group.providers if self.group else ()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._providers())

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._providers()):
            return None
        provider = self._providers()[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text(provider.name)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if provider.id in self._ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return provider.id
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        provider = self._providers()[index.row()].id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._ticked.add(provider)
        else:
            self._ticked.discard(provider)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.ticked_changed.emit()
        return True


def _rto(hit: ServiceHit, model: ImpactPreviewModel) -> str:
    if not hit.rto_applies:
        return ""
    hours = int(hit.rto.total_seconds() // 3600)
    return f"{hours}h" if hours else f"{int(hit.rto.total_seconds() // 60)}m"


class ImpactPreviewModel(RowsModel):
    """The services hit if the ticked providers are down at T0."""

    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Affiliate"),
               lambda h, m: text(m.group.affiliate(h.affiliate).name)),
        Column(QT_TRANSLATE_NOOP("Columns", "Service"),
               lambda h, m: ("★ " if h.critical else "")
               + text(m.group.affiliate(h.affiliate).service(h.service).name)),
        Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda h, m: label(SERVICE_STATUSES, h.status)),
        Column(QT_TRANSLATE_NOOP("Columns", "RTO"), _rto),
        Column(QT_TRANSLATE_NOOP("Columns", "Alternatives"),
               lambda h, m: ", ".join(text(a) for a in h.alternatives)),
    )

    def __init__(self, parent=None):
        super().__init__(key=lambda h: (h.affiliate, h.service), parent=parent)
        self.group: Group | None = None

    def preview(self, group: Group | None, down: tuple[str, ...], t0: datetime) -> None:
        self.group = group
        hits = derive_hits(group, {p: ProviderState("down", t0) for p in down}) if group else []
        self.set_rows(hits)

    def affiliates_hit(self) -> int:
        return len({h.affiliate for h in self.rows()})

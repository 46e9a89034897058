"""ColumnFit measures only a table that is on screen: changes made while it is hidden ask the
model nothing, and the columns fit the contents once it is shown again."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from crisisdesk.ui.rows_model import Column, RowsModel
from crisisdesk.ui.tables import ColumnFit, table_view


class Model(RowsModel):
    columns = (Column(QT_TRANSLATE_NOOP("Columns", "Who"), lambda r, m: r[0]),
               Column(QT_TRANSLATE_NOOP("Columns", "What"), lambda r, m: r[1]))
    asked = 0

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            self.asked += 1
        return super().data(index, role)


def test_a_hidden_table_is_measured_when_shown_not_before(qtbot):
    model = Model(key=lambda r: r)
    view = table_view("fitted", model)
    qtbot.addWidget(view)
    ColumnFit(view, whole=(0,))
    model.set_rows([("김", "짧음")])
    view.resize(700, 300)
    view.show()
    qtbot.waitExposed(view)
    view.hide()
    model.asked = 0
    wide = "그룹 위기대응데스크 운영 담당자"
    model.set_rows([(wide, f"변경 {n}") for n in range(40)])  # changed while hidden
    view.verticalScrollBar().setValue(10)
    qtbot.wait(300)  # the refit and the scroll-settle measure would have run by now
    assert model.asked == 0
    view.show()
    qtbot.waitUntil(lambda: view.horizontalHeader().sectionSize(0) >= view.fontMetrics().horizontalAdvance(wide))
    assert view.horizontalScrollBar().maximum() == 0  # never sideways

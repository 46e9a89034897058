"""The group inventory workbook from the settings: write the template (filled from the desk's
group), and import a filled workbook into a group file, its problems listed with sheet, row and
column; the file written can be loaded into the desk at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.desk.workbook_commands import ImportedGroup
from crisisdesk.domain.errors import CrisisDeskError
from crisisdesk.ui.errors import show_error
from crisisdesk.ui.executor import DeskExecutor


class WorkbookProblemsDialog(QDialog):
    """Every problem of a refused workbook, one per line (selectable, to copy into a mail)."""

    def __init__(self, source: Path, problems: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("workbookProblems")
        self.setWindowTitle(self.tr("Group inventory not imported"))
        summary = QLabel(self.tr("{} has {} problems; nothing was written. Correct the cells named below "
                                 "and import it again.").format(source.name, len(problems)), wordWrap=True)
        self.problems = QPlainTextEdit(objectName="workbookProblemList", readOnly=True)
        self.problems.setPlainText("\n".join(problems))
        self.problems.setAccessibleName(self.tr("Problems by sheet, row and column"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(buttons)
        self.resize(900, 420)


class GroupWorkbook(QObject):
    """The two actions, run on the desk's executor; `parent` hosts the dialogs."""

    imported = Signal(object)  # ImportedGroup
    template_written = Signal(str)
    refused = Signal(object)  # the WorkbookProblemsDialog shown

    def __init__(self, executor: DeskExecutor, parent: QWidget):
        super().__init__(parent)
        self._executor, self._parent = executor, parent

    # -- template ---------------------------------------------------------------------------
    def choose_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self._parent, self.tr("Save the group inventory template"),
                                              str(Path.home() / "group-inventory.xlsx"),
                                              self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self.write_template(Path(path))

    def write_template(self, out: Path) -> None:
        """The template, filled from the group loaded in the desk (empty when there is none)."""
        self._executor.submit(lambda desk: desk.workbook.write_group_template(out),
                              lambda _: self.template_written.emit(str(out)),
                              lambda exc: show_error(self._parent, exc, self.tr("Template not written")))

    # -- import -----------------------------------------------------------------------------
    def choose_import(self) -> None:
        source, _ = QFileDialog.getOpenFileName(self._parent, self.tr("Import a group inventory workbook"),
                                                str(Path.home()), self.tr("Excel workbooks (*.xlsx)"))
        if not source:
            return
        out, _ = QFileDialog.getSaveFileName(self._parent, self.tr("Write the group file"),
                                             str(Path(source).with_suffix(".yaml")),
                                             self.tr("Group files (*.yaml *.yml)"))
        if out:  # the save dialog has asked before replacing a file
            self.import_workbook(Path(source), Path(out), overwrite=True)

    def import_workbook(self, source: Path, out: Path, *, overwrite: bool = False) -> None:
        self._executor.submit(lambda desk: desk.workbook.import_group_workbook(source, out, overwrite=overwrite),
                              self._written, lambda exc: self._refused(source, exc))

    def _refused(self, source: Path, exc: BaseException) -> None:
        problems = getattr(exc, "problems", None)
        if not isinstance(exc, CrisisDeskError) or not problems:
            show_error(self._parent, exc, self.tr("Group inventory not imported"))
            return
        dialog = WorkbookProblemsDialog(source, [str(p) for p in problems], self._parent)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.refused.emit(dialog)

    def _written(self, imported: ImportedGroup) -> None:
        self.imported.emit(imported)
        group = imported.group
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Group file written"),
                          self.tr("{} written: {} affiliates, {} services, {} providers.").format(
                              imported.path, len(group.affiliates), sum(len(a.services) for a in group.affiliates),
                              len(group.providers)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self._parent)
        box.setObjectName("groupFileWritten")
        box.setInformativeText(self.tr("Load it into this desk now? (Events already open keep the group "
                                       "they were activated with.)"))
        box.accepted.connect(lambda: self.load(imported.path))
        box.finished.connect(box.deleteLater)
        box.open()

    def load(self, path: Path) -> None:
        self._executor.submit(lambda desk: desk.events.load_group(path), None,
                              lambda exc: show_error(self._parent, exc))

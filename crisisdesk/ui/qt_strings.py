"""Labels of Qt's own dialogs that Qt's Korean catalogue (qtbase_ko) lacks in this Qt version.

Listed here so the project's catalogue carries their Korean (lupdate reads these calls); Qt asks
its own catalogue first and falls through to ours. Nothing imports this module at run time.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)

"""The PySide6 desktop program."""

import PySide6.QtCore  # noqa: F401  (PySide6 first: its import hook is sped up before ours load)

from crisisdesk.ui import pyside_imports

pyside_imports.speed_up()

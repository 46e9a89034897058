"""PDF reports rendered from read models, never from the database.

`render(situation, ReportMeta(kind=...), progress)` gives a `RenderedReport`
(PDF bytes, fingerprint, page count). Nothing here imports the store, the desk or Qt.
"""

from crisisdesk.reports.meta import KINDS, LANGS, RenderedReport, ReportMeta
from crisisdesk.reports.render import render

__all__ = ["KINDS", "LANGS", "RenderedReport", "ReportMeta", "render"]

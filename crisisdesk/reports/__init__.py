"""PDF reports rendered from read models, never from the database.

`render(situation, ReportMeta(kind=...), progress)` gives a `RenderedReport`
(PDF bytes, fingerprint, page count). Nothing here imports the store, the desk or Qt.
reportlab is loaded on the first `render`, so opening the desk does not wait for it.
"""

from crisisdesk.reports.meta import KINDS, LANGS, RenderedReport, ReportMeta

__all__ = ["KINDS", "LANGS", "RenderedReport", "ReportMeta", "render"]


def render(situation, meta, progress=None):
    """Render a report (see `crisisdesk.reports.render.render`)."""
    from crisisdesk.reports.render import render as render_now

    return render_now(situation, meta, progress)

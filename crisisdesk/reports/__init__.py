"""PDF reports rendered from read models, never from the database.

`render_pdf(situation, ReportMeta(kind=...), progress)` gives a `RenderedReport`
(PDF bytes, fingerprint, page count). Nothing here imports the store, the desk or Qt.
reportlab is loaded on the first `render_pdf`, so opening the desk does not wait for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crisisdesk.reports.meta import KINDS, LANGS, Progress, RenderedReport, ReportMeta

if TYPE_CHECKING:
    from crisisdesk.domain.read_models import Situation

__all__ = ["KINDS", "LANGS", "RenderedReport", "ReportMeta", "render_pdf"]


def render_pdf(situation: Situation, meta: ReportMeta, progress: Progress | None = None) -> RenderedReport:
    """Render a report (see `crisisdesk.reports.render.render`; named apart from that module,
    which would shadow a package attribute of its own name once imported)."""
    from crisisdesk.reports.render import render as render_now

    return render_now(situation, meta, progress)

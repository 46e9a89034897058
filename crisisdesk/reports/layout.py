"""The A4 page: header and footer on every page, "page X of Y", fingerprint, QR code, watermark.

Pages are laid out once; the canvas keeps each finished page and draws the page
furniture when it knows the page count (the "numbered canvas" of pretix's
invoices), so "page X of Y" costs no second layout pass. Documents are built in
reportlab's invariant mode: the same content gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import qrcode
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from crisisdesk.reports import fonts
from crisisdesk.reports.meta import Progress

MARGIN_X = 15 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 24 * mm
QR_SIZE = 15 * mm
QR_FORM = "reportqr"
FRAME_WIDTH = A4[0] - 2 * MARGIN_X
FRAME_HEIGHT = A4[1] - MARGIN_TOP - MARGIN_BOTTOM


@dataclass(frozen=True)
class Furniture:
    """What every page carries besides the content."""

    confidential: str
    centre: str  # group and event
    report: str  # report number or kind
    page_label: str  # a catalogue pattern with {page} and {pages}
    fingerprint: str  # printed label, e.g. "지문 0123456789ab"
    as_of: str  # printed label: as-of time and journal position
    qr: str  # what the QR code carries
    watermark: str = ""  # "" for none
    checkpoint: str = ""  # printed label: the signed journal checkpoint ("" for none)
    banner: str = ""  # a band across the top of every page, e.g. the drill's 모의훈련 ("" for none)

    def draw(self, c: Canvas, page: int, pages: int) -> None:
        width, height = A4
        c.saveState()
        if self.watermark:
            self._watermark(c, width, height)
        if self.banner:
            self._banner(c, width, height)
        c.setFillColor(colors.black)
        c.setStrokeColor(colors.HexColor("#7a8694"))
        c.setLineWidth(0.5)
        top = height - 12 * mm
        c.setFont(fonts.BOLD, 8.5)
        c.setFillColor(colors.HexColor("#b00020"))
        c.drawString(MARGIN_X, top, self.confidential)
        c.setFillColor(colors.black)
        c.setFont(fonts.REGULAR, 8)
        c.drawCentredString(width / 2, top, _fit(self.centre, fonts.REGULAR, 8, width * 0.5))
        c.drawRightString(width - MARGIN_X, top, _fit(self.report, fonts.REGULAR, 8, width * 0.25))
        c.line(MARGIN_X, top - 2.5 * mm, width - MARGIN_X, top - 2.5 * mm)
        bottom = 9 * mm
        c.line(MARGIN_X, bottom + QR_SIZE + 1 * mm, width - MARGIN_X - QR_SIZE - 2 * mm,
               bottom + QR_SIZE + 1 * mm)
        c.setFont(fonts.REGULAR, 6.5)  # the integrity details: small, for whoever checks them
        c.setFillColor(colors.HexColor("#555555"))
        small = width - 2 * MARGIN_X - QR_SIZE - 4 * mm
        c.drawString(MARGIN_X, bottom + 2 * mm, _fit(f"{self.fingerprint} · {self.as_of}", fonts.REGULAR, 6.5, small))
        if self.checkpoint:
            c.drawString(MARGIN_X, bottom - 1 * mm, _fit(self.checkpoint, fonts.REGULAR, 6.5, small))
        c.setFillColor(colors.black)
        c.setFont(fonts.BOLD, 8.5)
        c.drawCentredString(width / 2, bottom + 8 * mm,
                            self.page_label.format(page=page, pages=pages))
        c.doForm(QR_FORM)
        c.restoreState()

    def _banner(self, c: Canvas, width: float, height: float) -> None:
        """A purple band above the header: the page belongs to a drill, not a real incident."""
        c.saveState()
        c.setFillColor(colors.HexColor("#6a3fb5"))
        c.rect(0, height - 7 * mm, width, 7 * mm, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont(fonts.BOLD, 10)
        c.drawCentredString(width / 2, height - 5 * mm, self.banner)
        c.restoreState()

    def _watermark(self, c: Canvas, width: float, height: float) -> None:
        c.saveState()
        c.setFillColor(colors.HexColor("#c62828"))
        c.setFillAlpha(0.13)
        c.translate(width / 2, height / 2)
        c.rotate(45)
        c.setFont(fonts.BOLD, 64)
        c.drawCentredString(0, -20, self.watermark)
        c.restoreState()

    def define_qr(self, c: Canvas) -> None:
        """The QR code (report number and fingerprint) as one form drawn on every page."""
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=1)
        code.add_data(self.qr)
        code.make(fit=True)
        matrix = code.get_matrix()
        cell = QR_SIZE / len(matrix)
        x0, y0 = A4[0] - MARGIN_X - QR_SIZE, 8 * mm
        c.beginForm(QR_FORM)
        c.setFillColor(colors.white)
        c.rect(x0, y0, QR_SIZE, QR_SIZE, stroke=0, fill=1)
        c.setFillColor(colors.black)
        for row, modules in enumerate(matrix):
            y = y0 + QR_SIZE - (row + 1) * cell
            col = 0
            while col < len(modules):  # one rectangle per run of dark modules
                if not modules[col]:
                    col += 1
                    continue
                start = col
                while col < len(modules) and modules[col]:
                    col += 1
                c.rect(x0 + start * cell, y, (col - start) * cell, cell, stroke=0, fill=1)
        c.endForm()


def _fit(text: str, font: str, size: float, width: float) -> str:
    """`text`, shortened with an ellipsis to fit `width`."""
    if fonts.width(text, font, size) <= width:
        return text
    while text and fonts.width(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


class ReportCanvas(Canvas):
    """Keeps finished pages; draws the furniture once the page count is known."""

    furniture: ClassVar[Furniture]  # set by each build's subclass (reportlab makes the canvas itself)
    page_count: int  # set when saved
    _startPage: Callable[[], None]  # reportlab's page reset: private, so its stub leaves it out

    @cached_property
    def _pages(self) -> list[dict[str, object]]:
        """The finished pages' states (made on first use: the constructor stays reportlab's)."""
        return []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        self.furniture.define_qr(self)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.furniture.draw(self, number, total)
            Canvas.showPage(self)
        self.page_count = total
        Canvas.save(self)


def _canvas_class(chosen: Furniture) -> type[ReportCanvas]:
    class FurnishedCanvas(ReportCanvas):
        furniture = chosen

    return FurnishedCanvas


def build(flowables: list[Flowable], furniture: Furniture, *, title: str, author: str, subject: str,
          progress: Progress | None = None) -> tuple[bytes, int]:
    """The PDF bytes and page count of `flowables` on A4 pages with `furniture`."""
    fonts.register()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=title, author=author, subject=subject,
        creator="CrisisDesk", producer="CrisisDesk (reportlab)", invariant=1,
        initialFontName=fonts.REGULAR, initialFontSize=9, initialLeading=11)
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_WIDTH, FRAME_HEIGHT, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    if progress is not None:
        estimate = [max(1, len(flowables))]

        def on_progress(kind: str, value: int) -> None:
            if kind == "SIZE_EST":
                estimate[0] = max(1, value) + 1
                progress(0, estimate[0])
            elif kind == "PROGRESS":
                progress(min(value, estimate[0] - 1), estimate[0])

        doc.setProgressCallBack(on_progress)
    doc.build(flowables, canvasmaker=_canvas_class(furniture))
    if progress is not None:
        progress(estimate[0], estimate[0])
    assert isinstance(doc.canv, ReportCanvas)  # the canvas reportlab made with the class above
    return buffer.getvalue(), doc.canv.page_count

"""The PDF preview: the rendered report shown page by page, printable on a local printer."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSizeF
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter


class PdfPreview(QPdfView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        # Not a child of the view: a document closed while its view is being destroyed notifies the
        # half-destroyed view and crashes (Qt 6.12); this one goes when the view's wrapper goes.
        self.document_ = QPdfDocument()
        self._buffer: QBuffer | None = None
        self.setDocument(self.document_)
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def show_pdf(self, pdf: bytes) -> None:
        buffer = QBuffer(self.document_)  # freed after the document that reads it
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document_.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer

    def pages(self) -> int:
        return self.document_.pageCount()

    def print_to(self, printer: QPrinter) -> None:
        """Each page drawn at the printer's resolution."""
        painter = QPainter(printer)
        try:
            for page in range(self.document_.pageCount()):
                if page:
                    printer.newPage()
                rect = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
                size = self.document_.pagePointSize(page)
                scale = min(rect.width() / size.width(), rect.height() / size.height())
                image = self.document_.render(page, (QSizeF(size) * scale).toSize())
                painter.drawImage(0, 0, image)
        finally:
            painter.end()

"""A stored photo drawn from its JPEG bytes as they are, without decoding it.

ReportLab's ``drawImage`` of in-memory bytes (``ImageReader``) decodes every JPEG to RGB and hashes the
pixels to name the image in the PDF, then embeds the original bytes anyway (``DCTDecode``). For a report
of 100 photos that decode and hash were a third of the build (docs/reports.md, "Performance"). This
flowable names the image by a digest of its bytes (the same bytes make one image object however often
they are drawn), reads the JPEG's size and colour space from its header, and embeds the bytes as they
are. Bytes that are not a JPEG ReportLab can read fall back to ``drawImage``.
"""

from __future__ import annotations

import hashlib
import io

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import PDFImageXObject
from reportlab.platypus import Flowable


class StoredJpeg(Flowable):
    """``jpeg`` drawn at ``width`` × ``height`` points."""

    def __init__(self, jpeg: bytes, width: float, height: float) -> None:
        super().__init__()
        self.jpeg = jpeg
        self.drawWidth, self.drawHeight = width, height
        self.hAlign = "CENTER"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.drawWidth, self.drawHeight

    def draw(self) -> None:
        canvas = self.canv
        name = "jpeg-" + hashlib.sha256(self.jpeg).hexdigest()[:32]
        document = canvas._doc
        registered = document.getXObjectName(name)
        if document.idToObject.get(registered) is None:
            image = PDFImageXObject(name)
            jpeg = self.jpeg.startswith(b"\xff\xd8")  # the start-of-image marker
            if not (jpeg and image.loadImageFromJPEG(io.BytesIO(self.jpeg))):  # not a JPEG: ReportLab's own way
                canvas.drawImage(ImageReader(io.BytesIO(self.jpeg)), 0, 0, self.drawWidth, self.drawHeight)
                return
            canvas._setXObjects(image)
            document.Reference(image, registered)
            document.addForm(name, image)
        # what Canvas.drawImage writes for an image already registered
        canvas._currentPageHasImages = 1
        canvas.saveState()
        canvas.scale(self.drawWidth, self.drawHeight)
        canvas._code.append(f"/{registered} Do")
        canvas.restoreState()
        canvas._formsinuse.append(name)

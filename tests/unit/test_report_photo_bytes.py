"""Photos as the reader gets them: each stored JPEG embedded once, as it is, however often it is printed;
a photo stored in another format still printed."""

from __future__ import annotations

import dataclasses
import io

from PIL import Image
from pypdf import PdfReader

from homeassess.report.build import render_report
from homeassess.report.report_data import Photo
from tests.unit.test_report_builds import image_streams, landscape_jpeg
from tests.unit.test_report_layout import clinical


def photographed(*photos: Photo):
    data = clinical(rooms=1)
    room = dataclasses.replace(data.rooms[0], photos=photos)
    return dataclasses.replace(data, rooms=(room,))


def test_each_jpeg_is_embedded_once_as_stored_and_every_print_is_numbered():
    first, second = landscape_jpeg(seed=1), landscape_jpeg(seed=2)
    data = photographed(Photo(first, "Door"), Photo(second, "Step"), Photo(first, "Door again"))
    pdf = render_report(data).pdf
    assert sorted(image_streams(pdf)) == sorted([first, second])  # the same bytes make one image object
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Photo 1." in text and "Photo 2." in text and "Photo 3." in text


def test_a_photo_stored_as_png_is_still_printed():
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), (200, 40, 40)).save(buffer, "PNG")
    pdf = render_report(photographed(Photo(buffer.getvalue(), "Red wall"))).pdf
    images = image_streams(pdf)
    assert len(images) == 1 and not images[0].startswith(b"\xff\xd8")  # drawn by ReportLab from its pixels
    assert "Red wall" in " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)

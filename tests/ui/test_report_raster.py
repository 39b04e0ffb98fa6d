"""Reports rasterised with QtPdf: a photo taken sideways (EXIF orientation 6) prints upright."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtPdf import QPdfDocument

from homeassess.domain.client_profile import ClientProfile
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.services.reports import ReportService
from tests.conftest import give_demo_contact

pytestmark = pytest.mark.slow  # whole reports built and rasterised

BLUE, RED = (20, 40, 200), (230, 10, 10)


def _sideways_photo() -> bytes:
    """Upright: landscape, blue, red square top-left. Stored rotated, tagged orientation 6 like a phone."""
    upright = Image.new("RGB", (1200, 800), BLUE)
    upright.paste(RED, (0, 0, 300, 200))
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # what the camera wrote: displays after 90° clockwise
    exif = Image.Exif()
    exif[0x0112] = 6
    out = io.BytesIO()
    stored.save(out, "JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


def _pages(pdf: bytes, scale: int = 1) -> list:
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    images = []
    for page in range(document.pageCount()):
        size = document.pagePointSize(page).toSize()
        qimage = document.render(page, QSize(size.width() * scale, size.height() * scale))
        png = QByteArray()
        out = QBuffer(png)
        out.open(QIODevice.WriteOnly)
        qimage.save(out, "PNG")
        rendered = Image.open(io.BytesIO(bytes(png))).convert("RGBA")  # QtPdf leaves the paper transparent
        images.append(Image.alpha_composite(Image.new("RGBA", rendered.size, "white"), rendered).convert("RGB"))
    return images


def _boxes(page: Image.Image) -> tuple[tuple, tuple] | None:
    """Bounding boxes of the blue photo and of its red marker, if this page shows the photo."""
    width, height = page.size
    pixels = page.load()
    blue, red = [], []
    for y in range(0, height, 2):
        for x in range(0, width, 2):
            r, g, b = pixels[x, y]
            if b > 150 and r < 80 and g < 100:
                blue.append((x, y))
            elif r > 180 and g < 70 and b < 70:
                red.append((x, y))
    if len(blue) < 200 or len(red) < 20:
        return None

    def box(points):
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return min(xs), min(ys), max(xs), max(ys)

    return box(blue + red), box(red)


@pytest.fixture
def report_with_sideways_photo(qapp, workspace, tmp_path):
    give_demo_contact(workspace)  # the landlord letter needs the clinician's contact
    client = ClientProfile(name="Raster Test", diagnosis="Parkinson disease")
    assessment_id = workspace.assessments.create(NewAssessment(
        client=client, details=AssessmentDetails(tenure="renter", landlord_name="A Landlord"),
        rooms=[RoomSpec(type="entrance")],
    )).value
    room = workspace.assessments.room_views(assessment_id)[0].id
    workspace.checklist.record(room, "door_clear_width", "30 1/2")
    refs = [rec.ref for rec in workspace.recommendations.list(assessment_id)]
    workspace.recommendations.set_status(assessment_id, refs, "accepted")
    photo = tmp_path / "door.jpg"
    photo.write_bytes(_sideways_photo())
    summary = None
    steps = workspace.photo_import.import_files(assessment_id, room, "door_clear_width", [photo])
    while True:
        try:
            next(steps)
        except StopIteration as done:
            summary = done.value
            break
    assert summary.imported_count == 1
    return ReportService(workspace), assessment_id


@pytest.mark.parametrize("audience", ["clinical", "contractor"])
def test_the_photo_prints_upright(report_with_sideways_photo, audience):
    service, assessment_id = report_with_sideways_photo
    found = [b for b in (_boxes(page) for page in _pages(service.build(assessment_id, audience))) if b]
    assert found, "no page shows the photo"
    (x0, y0, x1, y1), (rx0, ry0, rx1, ry1) = found[0]
    assert x1 - x0 > y1 - y0, "the photo prints as landscape, as it was taken"
    assert rx0 - x0 < (x1 - x0) * 0.1 and ry0 - y0 < (y1 - y0) * 0.1, "the red corner is top-left"
    assert rx1 < x0 + (x1 - x0) * 0.4 and ry1 < y0 + (y1 - y0) * 0.4


@pytest.mark.parametrize("audience", ["landlord", "client"])
def test_the_letter_and_the_plan_render_with_no_photo(report_with_sideways_photo, audience):
    service, assessment_id = report_with_sideways_photo
    pages = _pages(service.build(assessment_id, audience), scale=2)
    assert pages and not any(_boxes(page) for page in pages)
    dark = sum(pages[0].convert("L").histogram()[:67])  # near-black pixels on white paper
    assert dark > 5000  # the text drew


def test_the_plan_prints_larger_than_the_clinical_report(report_with_sideways_photo):
    """Type of 14 pt or more: the plan's first page holds far fewer, taller text rows than the report's."""
    service, assessment_id = report_with_sideways_photo

    def text_rows(page: Image.Image) -> list[int]:
        grey = page.convert("L")
        width, height = grey.size
        inked = [any(grey.getpixel((x, y)) < 100 for x in range(0, width, 2)) for y in range(height)]
        rows, run = [], 0
        for ink in inked:
            if ink:
                run += 1
            elif run:
                rows.append(run)
                run = 0
        return [r for r in rows if r >= 4]  # rules and box edges are thinner

    plan = text_rows(_pages(service.build(assessment_id, "client"), scale=2)[0])
    report = text_rows(_pages(service.build(assessment_id, "clinical"), scale=2)[0])
    assert sorted(plan)[len(plan) // 2] >= sorted(report)[len(report) // 2] * 1.5

"""Hostile and international text, huge notes and tables, progress and cancelling."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess

import pytest
from PIL import Image
from pypdf import PdfReader

from homeassess.report.build import render_report
from homeassess.report.page_template import ReportCancelled
from homeassess.report.report_data import FindingRow
from homeassess.services.reports import ReportService
from tests.unit.test_report_builds import add_photo, drawn_text_of, image_streams, squashed, text_of

pytestmark = pytest.mark.slow  # whole reports built from the demo

MARKUP = "O'Brien <b>& Sons</b>"
IMG = '<img src="/etc/hostname"/>'
POLISH = "Łukasz Żółć"
ARABIC = "محمد علي"
CHINESE = "王小明"
EMOJI = "😀"
LONG_WORD = "Qz" * 1500  # 3,000 characters, no space
LITERAL = (MARKUP, IMG, POLISH, CHINESE)


def long_note() -> str:
    sentence = "Rug edge curls near the hall door; client catches the right foot when tired. "
    return ("START " + sentence * 300)[:19_990] + " END"


@pytest.fixture
def hostile(demo_workspace):
    """The demo with hostile text in the client's name, a room name, a note and a photo caption."""
    ws, aid = demo_workspace, demo_workspace.demo_id
    view = ws.assessments.open(aid)
    client = view.client.model_copy(update={"name": f"{MARKUP} {POLISH} {ARABIC} {CHINESE} {EMOJI}"})
    ws.assessments.update_client(aid, client)
    room_id, item_id = next((room.id, response.item_id) for room, response, _ in ws.checklist.findings(aid))
    ws.assessments.rename_room(room_id, f"{IMG} {POLISH} {ARABIC} {CHINESE} {EMOJI}")
    ws.checklist.set_note(
        room_id, item_id, f"{MARKUP}\n{IMG}\n{POLISH} {ARABIC} {CHINESE} {EMOJI}\n{LONG_WORD}\n{long_note()}"
    )
    jpeg = add_photo(ws, aid, room_id, f"{ARABIC} — {MARKUP} {IMG} {POLISH} {CHINESE} {EMOJI}")
    return ws, aid, jpeg


@pytest.mark.parametrize("audience", ["clinical", "contractor", "landlord", "client"])
def test_hostile_text_builds_and_comes_out_literally(hostile, audience):
    ws, aid, jpeg = hostile
    pdf = ReportService(ws).build(aid, audience)
    text = squashed(text_of(pdf))
    for value in LITERAL:
        assert squashed(value) in text, (audience, value)
    assert "\ufffd" in text  # the emoji became the visible placeholder, not an empty box
    stored = {ws.photos_repo.renditions(p.id).print_copy for p in ws.photos_repo.list(aid)}
    images = image_streams(pdf)
    if audience in ("landlord", "client"):  # neither prints photos
        assert images == []
    else:  # <img src> embedded nothing: every image is one of the stored photos, the hostile one included
        assert jpeg in images and set(images) <= stored


def body_text(pdf: bytes) -> str:
    """The pages' text without the running header, footer and repeated table header."""
    furniture = {
        "Home modification assessment",
        "Home Modification Assessment",
        "Item",
        "Measured",
        "Required",
        "Verdict",
        "Citation",
        "Confidential — contains health information",
    }
    lines = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for line in (page.extract_text() or "").splitlines():
            line = line.strip()
            if line in furniture or re.fullmatch(r"Page \d+ of \d+|HA-\S+ · \S+", line):
                continue
            lines.append(line)
    return "\n".join(lines)


def test_the_clinical_report_prints_the_whole_20000_character_note(hostile):
    ws, aid, _ = hostile
    pdf = ReportService(ws).build(aid, "clinical")
    text = squashed(body_text(pdf))
    assert text.count("Q") >= 1500  # all of the unbroken word (other cells of its row interleave with it)
    assert "START" in text and "END" in text
    assert text.count(squashed("Rug edge curls near the hall door;")) >= 250


def test_arabic_is_drawn_shaped_on_a_page(hostile, tmp_path):
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftoppm) not installed")
    ws, aid, _ = hostile
    pdf = ReportService(ws).build(aid, "landlord")
    (tmp_path / "letter.pdf").write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "50",
            "-png",
            "-singlefile",
            "-f",
            "1",
            "-l",
            "1",
            str(tmp_path / "letter.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
        capture_output=True,
    )
    page = Image.open(tmp_path / "page.png").convert("L")
    assert page.getextrema()[0] < 60  # text was drawn
    arabic_glyphs = [ch for ch in drawn_text_of(pdf) if 0xFE70 <= ord(ch) <= 0xFEFF]  # presentation (joined) forms
    assert arabic_glyphs, "Arabic was not shaped into joined forms"


def test_a_300_row_findings_table_repeats_its_header_on_later_pages(demo_workspace):
    data = ReportService(demo_workspace).gather(demo_workspace.demo_id, "clinical")
    rows = tuple(
        FindingRow(
            item=f"row-{i:03d} door clear width",
            measured="30 in",
            required="at least 32 in",
            verdict="Fails",
            citation="ADA 2010 §404.2.3",
        )
        for i in range(300)
    )
    room = dataclasses.replace(data.rooms[0], findings=rows, recommendations=(), photos=(), observations=())
    data = dataclasses.replace(data, rooms=(room,), whole_home=())
    texts = [p.extract_text() or "" for p in PdfReader(io.BytesIO(render_report(data).pdf)).pages]
    first = next(i for i, t in enumerate(texts) if "Room-by-room findings" in t)
    table_pages = [t for t in texts[first:] if "row-" in t]
    assert len(table_pages) >= 5
    for text in table_pages:
        assert "Item" in text and "Measured" in text and "Required" in text and "Citation" in text
        assert text.index("Measured") < text.index("row-")  # the header comes first on the page
    numbers = [int(n) for t in table_pages for n in re.findall(r"row-(\d{3})", t)]
    assert numbers == list(range(300))


def test_progress_climbs_to_one_and_cancel_stops_the_build(demo_workspace):
    service = ReportService(demo_workspace)
    seen: list[float] = []
    service.build(demo_workspace.demo_id, "clinical", progress=lambda f, _m: seen.append(f))
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen) and len(seen) > 5
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(ReportCancelled):
        service.build(demo_workspace.demo_id, "clinical", cancelled=cancelled)

"""Render the demo's reports (and its follow-up's two) and save one page of each as a PNG for the docs.

    .venv/bin/python scripts/render_report_screenshots.py [--out docs/screenshots] [--keep-pdfs DIR]

Builds a throw-away encrypted store in a temporary folder (passphrase from
HOMEASSESS_PASSPHRASE, or a fixed one), installs the demo assessment, gives it a
fictional agency letterhead, logo and signature and a few generated photos, builds the
clinical, contractor and landlord reports, and rasterises with ``pdftoppm`` (poppler-utils)
at 100 dpi: for the clinical and contractor reports the first page that holds a photo,
for the landlord letter its first page. It then installs the demo's follow-up (grab bars fitted
too high, the doorway declined by the landlord, other work as specified, outcomes improved),
adds a photo of the grab bars as installed, and saves the completion record's measurements page
and the follow-up report's outcome page. Each PNG is written as ``report-<audience>.png``. Also prints
the build times and PDF sizes.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from homeassess.domain.judge import Judge  # noqa: E402
from homeassess.report.build import page_count  # noqa: E402
from homeassess.services.demo import install_demo  # noqa: E402
from homeassess.services.reports import ReportService  # noqa: E402
from homeassess.services.workspace import Workspace  # noqa: E402
from homeassess.store.store import Store  # noqa: E402

AUDIENCES = ("clinical", "contractor", "landlord", "client")
FOLLOW_UP_AUDIENCES = {"completion": "As-installed measurements", "followup": "Outcomes"}  # the page to show
PHOTOS = {  # room position -> captions
    0: ["Front steps and the plywood ramp laid by a neighbour", "Storm door closes against the wheelchair"],
    4: ["Toilet with no grab bar; vanity on the left"],
    6: ["Tub with glass doors; no grab bars", "Doorway from the hall: 29 in clear"],
}


def _png(draw_fn, size: tuple[int, int]) -> str:
    image = Image.new("RGB", size, "white")
    draw_fn(ImageDraw.Draw(image), size)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue()).decode()


def _logo(draw: ImageDraw.ImageDraw, size: tuple[int, int]) -> None:
    w, h = size
    draw.rounded_rectangle((4, 4, h - 4, h - 4), radius=18, fill=(31, 78, 121))
    draw.polygon([(h * 0.2, h * 0.55), (h * 0.5, h * 0.22), (h * 0.8, h * 0.55)], fill="white")
    draw.rectangle((h * 0.3, h * 0.55, h * 0.7, h * 0.8), fill="white")


def _signature(draw: ImageDraw.ImageDraw, size: tuple[int, int]) -> None:
    w, h = size
    points = [(10 + i * 12, h / 2 + ((-1) ** i) * (10 + (i % 5) * 6)) for i in range(int((w - 20) / 12))]
    draw.line(points, fill=(20, 30, 90), width=4, joint="curve")


def _photo(caption: str, seed: int) -> bytes:
    """A landscape 'room' photo with a red marker in the top-left corner (upright check)."""
    width, height = 1200, 900
    image = Image.new("RGB", (width, height), (196 - seed * 7, 188, 172 + seed * 5))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, height * 0.72, width, height), fill=(150, 120, 90))  # floor
    draw.rectangle((width * 0.38, height * 0.12, width * 0.62, height * 0.72), fill=(110, 80, 55))  # door
    draw.ellipse((width * 0.57, height * 0.42, width * 0.6, height * 0.46), fill=(220, 200, 120))  # knob
    draw.rectangle((0, 0, 150, 110), fill=(220, 0, 0))
    draw.text((170, 30), caption[:40], fill=(30, 30, 30))
    try:
        from homeassess.photos import process_photo

        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=90)
        return process_photo(buffer.getvalue()).print_copy
    except ImportError:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=85)
        return buffer.getvalue()


def prepare(data_dir: Path) -> tuple[Workspace, int]:
    ws = Workspace.build(
        Store.open(data_dir, os.environ.get("HOMEASSESS_PASSPHRASE", "screenshots only"), create=True), Judge.load()
    )
    assessment_id, _ = install_demo(ws)
    settings = ws.settings.load().model_copy(
        update={
            "agency_name": "Riverbend Home Health — Occupational Therapy",
            "agency_address": "200 Commerce Park Drive, Suite 4, Millbrook, OH 45999",
            "agency_phone": "(555) 010-2400",
            "clinician_name": "Jordan Patel",
            "clinician_credentials": "OTR/L",
            "clinician_phone": "(555) 010-2417",
            "clinician_email": "jpatel@riverbend.example",
            "agency_logo_png_b64": _png(_logo, (120, 120)),
            "signature_png_b64": _png(_signature, (520, 140)),
        }
    )
    ws.settings.save(settings)
    rooms = ws.assessments.open(assessment_id, audit=False).rooms
    seed = 0
    for position, captions in PHOTOS.items():
        for caption in captions:
            jpeg = _photo(caption, seed)
            size = Image.open(io.BytesIO(jpeg)).size
            ws.photos_repo.add(
                assessment_id,
                rooms[position].id,
                None,
                working=jpeg,
                print_copy=jpeg,
                thumbnail=jpeg,
                width=size[0],
                height=size[1],
                sha256=hashlib.sha256(jpeg).hexdigest(),
                caption=caption,
            )
            seed += 1
    return ws, assessment_id


def follow_up(ws: Workspace) -> int:
    """The demo's follow-up (grab bar too high, doorway declined by the landlord, outcomes improved),
    with a photo of the grab bars as installed."""
    from homeassess.services.demo_follow_up import install_demo_follow_up

    _, fid, _ = install_demo_follow_up(ws)
    bars = next(i for i in ws.follow_ups.items(fid) if i.library_id == "grab_bars_toilet")
    room = next(r.id for r in ws.assessments.open(fid, audit=False).rooms if r.name == bars.room_name)
    jpeg = _photo("Grab bars as installed", 3)
    size = Image.open(io.BytesIO(jpeg)).size
    ws.photos_repo.add(fid, room, None, working=jpeg, print_copy=jpeg, thumbnail=jpeg, width=size[0], height=size[1],
                       sha256=hashlib.sha256(jpeg).hexdigest(), caption="Grab bars as installed",
                       recommendation_id=bars.recommendation_id)
    return fid


def page_with(pdf: bytes, heading: str) -> int:
    from pypdf import PdfReader

    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        if heading in (page.extract_text() or ""):
            return number
    return 1


def first_photo_page(pdf: bytes) -> int:
    from pypdf import PdfReader

    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        xobjects = page.get("/Resources", {}).get("/XObject", {})
        if any(
            x.get_object().get("/Subtype") == "/Image" and x.get_object().get("/Width", 0) > 400
            for x in xobjects.values()
        ):
            return number
    return 1


def rasterise(pdf_path: Path, page: int, target: Path, dpi: int = 100) -> None:
    stem = target.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf_path), str(stem)],
        check=True,
    )
    image = Image.open(target).convert("P", palette=Image.Palette.ADAPTIVE, colors=256)  # keep the PNG small
    image.save(target, optimize=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--keep-pdfs", type=Path, help="also keep the three PDFs in this folder")
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found: apt-get install poppler-utils", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        ws, assessment_id = prepare(Path(temp) / "store")
        service = ReportService(ws)
        try:
            fid = None
            for audience in (*AUDIENCES, *FOLLOW_UP_AUDIENCES):
                if audience in FOLLOW_UP_AUDIENCES and fid is None:
                    fid = follow_up(ws)
                times = []
                for _ in range(3):
                    start = time.perf_counter()
                    pdf = service.build(fid or assessment_id, audience)
                    times.append(time.perf_counter() - start)
                pdf_path = Path(temp) / f"{audience}.pdf"
                pdf_path.write_bytes(pdf)
                if args.keep_pdfs:
                    args.keep_pdfs.mkdir(parents=True, exist_ok=True)
                    shutil.copy(pdf_path, args.keep_pdfs / pdf_path.name)
                page = first_photo_page(pdf) if audience in ("clinical", "contractor") else 1
                if audience in FOLLOW_UP_AUDIENCES:
                    page = page_with(pdf, FOLLOW_UP_AUDIENCES[audience])
                target = args.out / f"report-{audience}.png"
                rasterise(pdf_path, page, target)
                print(
                    f"{audience:<10} median build {sorted(times)[1]:.2f} s, {len(pdf) / 1024:.0f} KB, "
                    f"{page_count(pdf)} pages; page {page} -> {target} ({target.stat().st_size / 1024:.0f} KB)"
                )
        finally:
            ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

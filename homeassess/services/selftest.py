"""``homeassess selftest``: exercise the store, photos, judging, reports and export in a temporary store.

Each step yields ``(name, ok, detail)``; the command prints one line per step and exits 0
when every step passed. It runs in the frozen bundle too, so it proves the build carries
everything (SQLCipher, migrations, pi-heif, fonts, HarfBuzz, ...).
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from homeassess.domain.data_files import resources_dir
from homeassess.domain.judge import Judge, JudgeContext
from homeassess.services.bundle_transfer import BundleService
from homeassess.services.demo import install_demo
from homeassess.services.reports import ReportService, page_count
from homeassess.services.workspace import Workspace
from homeassess.store.engine import SQLITE_HEADER, STORE_FILE_NAME
from homeassess.store.migrate import head_revision
from homeassess.store.store import Store

PASSPHRASE = "self-test passphrase"
SELFTEST_CONTACT = {"clinician_name": "Self-test", "clinician_phone": "555-0100", "clinician_email": "selftest@example.org"}
ARABIC_NOTE = "ملاحظة العميل: محمد علي"
Step = tuple[str, bool, str]


def _jpeg_file(folder: Path) -> Path:
    from PIL import Image

    image = Image.new("RGB", (1600, 1200), (180, 120, 90))
    image.paste((200, 20, 20), (0, 0, 200, 200))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    path = folder / "selftest.jpg"
    path.write_bytes(buffer.getvalue())
    return path


def run_selftest(extra: Callable[[Workspace, int, bytes], Iterator[Step]] | None = None) -> Iterator[Step]:
    with tempfile.TemporaryDirectory(prefix="homeassess-selftest-") as temp:
        root = Path(temp)
        store = Store.open(root / "store", PASSPHRASE, create=True)
        ws = Workspace.build(store, Judge.load())
        try:
            header = (root / "store" / STORE_FILE_NAME).read_bytes()[:16]
            schema = store.migration.to_revision if store.migration is not None else "unknown"
            yield "encrypted store", header != SQLITE_HEADER and schema == head_revision(), f"SQLCipher, schema {schema}"

            door = ws.judge.judge_measurement("door_clear_width", "30 1/2", JudgeContext())
            riser = ws.judge.judge_measurement("stair_riser_height", "7 1/2 in", JudgeContext(standard="irc"))
            yield "judging", door.verdict.value == "fails" and door.shortfall == "1 1/2 in" and riser.verdict.value == "meets", \
                f"door 30 1/2 in: {door.verdict.value}, short by {door.shortfall}; IRC riser 7 1/2 in: {riser.verdict.value}"

            assessment_id, _ = install_demo(ws)
            room_id = ws.assessments.room_views(assessment_id)[0].id
            ws.checklist.set_note(room_id, "door_clear_width", ARABIC_NOTE)
            yield "demo assessment", True, f"{len(ws.assessments.room_views(assessment_id))} rooms"

            heic = resources_dir() / "selftest" / "sample.heic"
            summary = None
            importer = ws.photo_import
            generator = importer.import_files(assessment_id, room_id, None, [_jpeg_file(root), heic])
            while True:
                try:
                    next(generator)
                except StopIteration as done:
                    summary = done.value
                    break
            yield "photos (JPEG, HEIC)", summary is not None and summary.imported_count == 2 and not summary.refused, \
                f"{summary.imported_count if summary else 0} imported"

            reports = ReportService(ws)
            clinical = b""
            # The landlord letter is refused without the clinician's contact (a first run's Settings are empty).
            ws.settings.save(ws.settings.load().model_copy(update=SELFTEST_CONTACT))
            for audience in ("clinical", "contractor", "landlord", "client"):
                pdf = reports.build(assessment_id, audience)
                clinical = pdf if audience == "clinical" else clinical
                yield f"{audience} report", pdf.startswith(b"%PDF") and page_count(pdf) > 0, \
                    f"{page_count(pdf)} pages, {len(pdf) // 1024} KB"

            bundle = BundleService(ws)
            exported = bundle.export(assessment_id, root / "selftest.hax", PASSPHRASE)
            other = Workspace.build(Store.open(root / "second", PASSPHRASE, create=True), ws.judge)
            try:
                imported = BundleService(other).import_file(exported.path, PASSPHRASE)
                again = other.assessments.open(imported.assessment_id, audit=False)
                same = len(again.rooms) == exported.rooms and len(other.photos_repo.list(imported.assessment_id)) == exported.photos
            finally:
                other.close()
            yield "export and import", same, f"{exported.size // 1024} KB file, {exported.rooms} rooms, {exported.photos} photos"

            backup = ws.backups.take("selftest")
            yield "verified backup", backup.path.exists(), f"{backup.size // 1024} KB"

            if extra is not None:
                yield from extra(ws, assessment_id, clinical)
            # The exit backup's detached step, started the way the bundle starts it (store/exit_backup.py).
            after_quit = ws.store.backup_after_close("selftest")
        finally:
            ws.close()
        written = after_quit.wait(timeout=120)
        yield "backup after quitting", written, "written and verified once the store closed" if written else "failed"

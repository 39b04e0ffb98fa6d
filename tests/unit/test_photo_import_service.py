"""PhotoImportService: a mixed camera batch, cancelling, and the edits a clinician makes afterwards.

Good photos are stored with their renditions; bad ones are reported by file name with a reason and
leave no row; the audit trail carries counts, never file names or captions.
"""

from __future__ import annotations

import io
import struct
import threading
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from homeassess.domain.client_profile import ClientProfile
from homeassess.services.assessments import AssessmentDetails, NewAssessment, ReadOnlyAssessment, RoomSpec
from homeassess.services.photo_import import ImportProgress, PhotoGone, PhotoImportService, run_to_end

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "photos"
PRIVATE = "Jane_Doe_fall"  # file names may carry health information: never in the audit trail


# ---------------------------------------------------------------- test images


def upright(size: tuple[int, int] = (300, 200)) -> Image.Image:
    picture = Image.new("RGB", size, (128, 128, 128))
    ImageDraw.Draw(picture).rectangle((0, 0, size[0] // 4, size[1] // 4), fill=(255, 0, 0))
    return picture


def encode(image: Image.Image, fmt: str = "JPEG", **params: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


def sideways_jpeg() -> bytes:
    """Stored turned anticlockwise with EXIF orientation 6 ("rotate 90° clockwise to view")."""
    exif = Image.Exif()
    exif[0x0112] = 6
    return encode(upright().transpose(Image.Transpose.ROTATE_90), exif=exif.tobytes())


def cmyk_jpeg() -> bytes:
    return encode(Image.new("CMYK", (300, 200), (0, 255, 255, 0)))


def rgba_png() -> bytes:
    image = Image.new("RGBA", (300, 200), (0, 0, 255, 255))
    ImageDraw.Draw(image).rectangle((0, 0, 149, 199), fill=(255, 0, 0, 0))
    return encode(image, "PNG")


def truncated_jpeg() -> bytes:
    data = encode(upright((800, 600)), quality=90)
    return data[: len(data) // 2]


def png_declaring(width: int, height: int) -> bytes:
    """A valid, tiny 1-bit PNG of the given size (a decompression bomb when large)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = (width + 7) // 8 + 1
    squeeze = zlib.compressobj(9)
    block = bytes(row * 500)
    idat = b"".join(squeeze.compress(block) for _ in range(height // 500))
    idat += squeeze.compress(bytes(row * (height % 500))) + squeeze.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------- fixtures


@pytest.fixture
def service(workspace) -> PhotoImportService:
    return workspace.photo_import


@pytest.fixture
def visit(workspace) -> tuple[int, int, int]:
    """(assessment id, bathroom id, kitchen id) of a fresh draft assessment."""
    assessment_id = workspace.assessments.create(NewAssessment(
        client=ClientProfile(name="Test Client"), details=AssessmentDetails(),
        rooms=[RoomSpec(type="bathroom"), RoomSpec(type="kitchen")],
    )).value
    rooms = workspace.assessments.open(assessment_id, audit=False).rooms
    return assessment_id, rooms[0].id, rooms[1].id


def import_all(service, visit, paths, cancel=None, item_id=None):
    return run_to_end(service.import_files(visit[0], visit[1], item_id, paths, cancel))


def audit_details(workspace, assessment_id: int) -> str:
    return " | ".join(f"{row.action}: {row.detail}" for row in workspace.audit.for_assessment(assessment_id))


# ---------------------------------------------------------------- the mixed batch


def test_mixed_batch_keeps_good_photos_and_explains_bad_ones(workspace, service, visit, tmp_path: Path) -> None:
    good = [
        write(tmp_path, "sideways.jpg", sideways_jpeg()),
        write(tmp_path, "cmyk.jpg", cmyk_jpeg()),
        write(tmp_path, "alpha.png", rgba_png()),
        FIXTURES / "sample.heic",
    ]
    bad = {
        f"{PRIVATE}_truncated.jpg": (truncated_jpeg(), "damaged"),
        f"{PRIVATE}_bomb.png": (png_declaring(15000, 15000), "too large"),
        f"{PRIVATE}_letter.jpg": (b"Dear Dr Smith, the patient fell in the bathroom.\n", "not a photo"),
    }
    bad_paths = [write(tmp_path, name, data) for name, (data, _) in bad.items()]
    batch = [good[0], bad_paths[0], good[1], bad_paths[1], good[2], bad_paths[2], good[3]]

    progress, summary = import_all(service, visit, batch)

    assert summary.imported_count == 4 and not summary.cancelled
    assert [name for name, _ in summary.refused] == list(bad)  # in batch order, file name only
    for name, reason in summary.refused:
        assert bad[name][1] in reason and PRIVATE not in reason and str(tmp_path) not in reason
    assert all(isinstance(step, ImportProgress) for step in progress)
    assert [round(step.fraction, 3) for step in progress] == [0.0] + [round(i / 7, 3) for i in range(1, 8)]
    assert [step.outcome.name for step in progress[1:]] == [p.name for p in batch]
    assert all(PRIVATE not in step.message for step in progress)

    photos = service.photos(visit[0], visit[1])
    assert [p.id for p in photos] == summary.imported  # only good ones have rows, in import order
    assert len(workspace.photos_repo.list(visit[0])) == 4
    for photo in photos:
        data = workspace.photos_repo.renditions(photo.id)
        assert data is not None and data.working[:2] == b"\xff\xd8" and data.print_copy[:2] == b"\xff\xd8"
        assert photo.thumbnail[:2] == b"\xff\xd8"
        assert Image.open(io.BytesIO(data.working)).size == (photo.width, photo.height)
    upright_working = Image.open(io.BytesIO(workspace.photos_repo.renditions(photos[0].id).working))
    assert upright_working.size == (300, 200)  # stored as 200 × 300 with orientation 6: turned upright
    red, green, _ = upright_working.getpixel((10, 10))
    assert red > 200 and green < 60  # the red marker is back at the top left
    assert service.photos(visit[0], visit[2]) == []  # the kitchen has none

    audit = audit_details(workspace, visit[0])
    assert "import: photos imported 4, refused 3" in audit
    assert PRIVATE not in audit and ".jpg" not in audit


def test_item_photos_and_room_filter(service, visit, tmp_path: Path) -> None:
    path = write(tmp_path, "a.jpg", encode(upright()))
    import_all(service, visit, [path], item_id="grab_bar_toilet")
    import_all(service, visit, [path])
    assert len(service.photos(visit[0], visit[1])) == 2
    assert [p.item_id for p in service.photos(visit[0], visit[1], "grab_bar_toilet")] == ["grab_bar_toilet"]
    assert service.photos(visit[0], None) == []  # photos attached to no room


def test_import_bytes_for_the_clipboard(service, visit) -> None:
    summary = service.import_bytes(visit[0], visit[1], None, encode(upright(), "PNG"))
    assert summary.imported_count == 1
    refused = service.import_bytes(visit[0], visit[1], None, b"not an image")
    assert refused.imported == [] and refused.refused[0][0] == "Pasted image"
    assert "not a photo" in refused.refused[0][1]


# ---------------------------------------------------------------- cancelling


def test_cancel_stops_between_files(workspace, service, visit, tmp_path: Path) -> None:
    paths = [write(tmp_path, f"{n}.jpg", encode(upright((300 + n, 200)))) for n in range(5)]  # five pictures
    cancel = threading.Event()
    steps = service.import_files(visit[0], visit[1], None, paths, cancel)
    next(steps)  # the opening step
    next(steps)  # first file stored
    next(steps)  # second file stored
    cancel.set()
    _, summary = run_to_end(steps)
    assert summary.cancelled and summary.imported_count == 2
    assert len(service.photos(visit[0], visit[1])) == 2  # whole photos only: rows and renditions
    assert all(workspace.photos_repo.renditions(p.id) is not None for p in service.photos(visit[0], visit[1]))
    assert "photos imported 2, refused 0, cancelled" in audit_details(workspace, visit[0])


def test_closing_the_generator_stops_and_still_audits(workspace, service, visit, tmp_path: Path) -> None:
    # The worker helper closes the job's generator when the user cancels.
    paths = [write(tmp_path, f"{n}.jpg", encode(upright())) for n in range(4)]
    steps = service.import_files(visit[0], visit[1], None, paths)
    next(steps)
    next(steps)
    steps.close()
    assert len(service.photos(visit[0], visit[1])) == 1
    assert "photos imported 1, refused 0, cancelled" in audit_details(workspace, visit[0])


# ---------------------------------------------------------------- edits and undo round trips


@pytest.fixture
def photo_id(service, visit, tmp_path: Path) -> int:
    _, summary = import_all(service, visit, [write(tmp_path, "p.jpg", encode(upright()))])
    return summary.imported[0]


def test_rotate_and_put_back_through_the_undo_chain(workspace, service, visit, photo_id: int) -> None:
    before = service.working_copy(photo_id)
    rotated = service.rotate(photo_id, 1)
    assert (rotated.label, rotated.ids, rotated.assessment_id) == ("rotate photo", (photo_id,), visit[0])
    turned = service.photos(visit[0], visit[1])[0]
    assert (turned.width, turned.height) == (200, 300)
    assert Image.open(io.BytesIO(turned.thumbnail)).size[0] < Image.open(io.BytesIO(turned.thumbnail)).size[1]
    undone = rotated.undo()  # exactly the stored bytes, no re-encoding
    assert service.working_copy(photo_id) == before
    assert service.photos(visit[0], visit[1])[0].width == 300
    redone = undone.undo()
    assert service.photos(visit[0], visit[1])[0].height == 300
    redone.undo()
    assert service.working_copy(photo_id) == before
    service.rotate(photo_id, -1)
    assert Image.open(io.BytesIO(service.working_copy(photo_id))).size == (200, 300)


def test_caption_and_include_undo_to_the_previous_value(workspace, service, visit, photo_id: int) -> None:
    captioned = service.set_caption(photo_id, "  Grab bar missing beside toilet  ")
    assert captioned.label == "edit photo caption"
    assert service.photos(visit[0], visit[1])[0].caption == "Grab bar missing beside toilet"
    captioned.undo()
    assert service.photos(visit[0], visit[1])[0].caption == ""
    left_out = service.set_include(photo_id, False)
    assert left_out.label == "leave photo out of report"
    assert service.photos(visit[0], visit[1])[0].include_in_report is False
    left_out.undo()
    assert service.photos(visit[0], visit[1])[0].include_in_report is True
    assert service.set_include(photo_id, True).undo is None  # already included: nothing to undo
    assert "Grab bar" not in audit_details(workspace, visit[0])


def test_remove_and_restore(workspace, service, visit, photo_id: int) -> None:
    service.set_caption(photo_id, "Step at back door")
    working = service.working_copy(photo_id)
    removed = service.remove(photo_id)
    assert removed.label == "delete photo"
    assert service.photos(visit[0], visit[1]) == []
    with pytest.raises(PhotoGone):
        service.working_copy(photo_id)
    restored = removed.undo()
    (back,) = service.photos(visit[0], visit[1])
    assert back.id == photo_id and back.caption == "Step at back door"
    assert service.working_copy(photo_id) == working
    removed_again = restored.undo()  # redo of a delete after its undo
    removed_again.undo()
    assert [p.id for p in service.photos(visit[0], visit[1])] == [photo_id]


def test_move_reorders_within_the_room(service, visit, tmp_path: Path) -> None:
    paths = [write(tmp_path, f"{n}.jpg", encode(upright((300 + n, 200)))) for n in range(3)]  # three pictures
    _, summary = import_all(service, visit, paths)
    run_to_end(service.import_files(visit[0], visit[2], None, paths[:1]))  # kitchen photo in between
    a, b, c = summary.imported
    moved = service.move(a, 1)
    assert [p.id for p in service.photos(visit[0], visit[1])] == [b, a, c]
    assert service.move(c, 1).undo is None and service.move(b, -1).undo is None  # at the ends: nothing moves
    assert [p.id for p in service.photos(visit[0], visit[1])] == [b, a, c]
    moved.undo()
    assert [p.id for p in service.photos(visit[0], visit[1])] == [a, b, c]
    assert len(service.photos(visit[0], visit[2])) == 1


def test_final_assessment_refuses_changes(workspace, service, visit, photo_id: int, tmp_path: Path) -> None:
    workspace.assessments.set_status(visit[0], "final")
    for change in (lambda: service.set_caption(photo_id, "x"), lambda: service.set_include(photo_id, False),
                   lambda: service.rotate(photo_id, 1), lambda: service.move(photo_id, 1),
                   lambda: service.remove(photo_id),
                   lambda: service.import_bytes(visit[0], visit[1], None, encode(upright()))):
        with pytest.raises(ReadOnlyAssessment):
            change()
    with pytest.raises(ReadOnlyAssessment):
        import_all(service, visit, [write(tmp_path, "x.jpg", encode(upright()))])
    assert len(service.photos(visit[0], visit[1])) == 1


def test_missing_photo(service) -> None:
    with pytest.raises(PhotoGone, match="no longer there"):
        service.set_caption(999_999, "x")
    with pytest.raises(PhotoGone):
        service.working_copy(999_999)

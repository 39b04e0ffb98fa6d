"""Hostile photos: every case of the generated corpus ends in a one-line refusal or a valid import.

Scan bombs, pixel bombs, truncated files, odd JPEG variants and special files (issue 15). The
budget is checked from the header and the markers before decoding; a refusal names no file
and quotes nothing but the picture's size. Time and memory per case are measured by
``benchmarks/hostile_inputs.py``, not here.
"""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from homeassess.domain.limits import PHOTO
from homeassess.photos import PhotoCancelled, PhotoRejected, check_stored_rendition, process_photo
from homeassess.photos.jpeg_structure import MalformedJpeg, read_structure
from homeassess.photos.normalise import reduced, to_rgb
from tests.hostile_corpus import PHOTO_CASES, jpeg, png_bomb, png_header_only, scan_bomb, truncated_giant_jpeg

PRIVATE_NAME = "Jane_Doe_bathroom_fall"
TOO_SLOW = "stored in too many passes"
EXPECTED = {
    "scan bomb 5000 scans": TOO_SLOW,
    "scan bomb 65 scans": TOO_SLOW,
    "scan bomb 24 scans, 14 passes": TOO_SLOW,
    "pixel bomb 1 x 49,000,000": "too long and narrow for a photo (more than 20:1)",
    "pixel bomb 49,000,000 x 1": "too long and narrow for a photo (more than 20:1)",
    "pixel bomb 7071 x 7071 RGBA": None,  # 50 MP exactly fits: imported, without an 800 MB detour
    "pixel bomb 65000 x 65000 header": "this image is too large (4225 megapixels); the limit is 50 megapixels",
    "truncated 7071 x 7071 JPEG": "seems damaged",
    "half a photo, no end marker": "seems damaged",
    "arithmetic-coded JPEG": "a kind of coding HomeAssess cannot read",
    "12-bit JPEG": "not a photo HomeAssess can read",
    "lossless JPEG": "a kind of coding HomeAssess cannot read",
}


def test_every_corpus_case_has_an_expected_outcome():
    assert set(EXPECTED) == set(PHOTO_CASES)


@pytest.mark.parametrize("case", list(PHOTO_CASES))
def test_each_hostile_photo_is_refused_in_one_line_or_imported_within_limits(case, tmp_path):
    path = tmp_path / "Jane Doe" / f"{PRIVATE_NAME}.jpg"
    path.parent.mkdir()
    path.write_bytes(PHOTO_CASES[case]())
    expected = EXPECTED[case]
    if expected is None:
        result = process_photo(path)
        assert max(result.width, result.height) <= 2000
        with Image.open(io.BytesIO(result.thumbnail)) as thumbnail:
            assert max(thumbnail.size) <= 256
        return
    with pytest.raises(PhotoRejected) as refused:
        process_photo(path)
    reason = str(refused.value)
    assert expected in reason
    assert "\n" not in reason and PRIVATE_NAME not in reason and "Jane" not in reason


def test_an_ordinary_progressive_jpeg_is_within_the_scan_budget():
    picture = jpeg((1200, 900), progressive=True, noise=True)
    structure = read_structure(io.BytesIO(picture))
    assert structure.scans == 10 and structure.scan_passes < PHOTO.max_jpeg_scan_passes
    assert process_photo(picture).width == 1200


def test_a_photo_over_the_file_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / f"{PRIVATE_NAME}.png"
    with path.open("wb") as handle:  # sparse: the size is declared, nothing is written
        handle.truncate(PHOTO.max_file_bytes + 1)
    with pytest.raises(PhotoRejected, match=r"^this file is larger than HomeAssess accepts for a photo \(100 MB\)$"):
        process_photo(path)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="POSIX devices")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_refused_without_reading(device, tmp_path):
    link = tmp_path / f"{PRIVATE_NAME}.jpg"
    link.symlink_to(device)  # a device behind an ordinary-looking name
    for source in (Path(device), link):
        with pytest.raises(PhotoRejected, match="^this is not an ordinary file, so it cannot be a photo$"):
            process_photo(source)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX-only")
def test_a_fifo_with_a_writer_waiting_is_refused_without_reading(tmp_path):
    fifo = tmp_path / f"{PRIVATE_NAME}.jpg"
    os.mkfifo(fifo)
    with pytest.raises(PhotoRejected, match="not an ordinary file"):
        process_photo(fifo)


def test_a_decode_can_be_cancelled_while_the_decoder_reads():
    picture = jpeg((3000, 2000), progressive=True, noise=True)
    asked = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 6  # a few blocks into the decoder's reading

    with pytest.raises(PhotoCancelled, match="^the import was cancelled$"):
        process_photo(picture, cancel=cancel)
    assert len(asked) == 7


def test_a_cancel_event_already_set_stops_before_any_reading(tmp_path):
    stop = threading.Event()
    stop.set()
    with pytest.raises(PhotoCancelled):
        process_photo(tmp_path / "does-not-exist.jpg", cancel=stop)


def test_strip_wise_reduction_gives_the_same_picture_as_converting_first():
    picture = Image.radial_gradient("L").resize((300, 200)).convert("RGBA")
    picture.putalpha(Image.linear_gradient("L").resize((300, 200)))
    assert reduced(picture, 3).tobytes() == to_rgb(picture).reduce(3).tobytes()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_jpeg_markers_with_random_damage_are_read_or_refused(data: st.DataObject):
    original = bytearray(scan_bomb(14, (96, 64)))
    for _ in range(data.draw(st.integers(1, 6))):
        original[data.draw(st.integers(0, len(original) - 1))] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(2, len(original)))
    try:
        structure = read_structure(io.BytesIO(bytes(original[:cut])))
    except MalformedJpeg as malformed:
        assert malformed.kind in ("truncated", "unsupported", "malformed")
    else:
        assert structure.scans >= 1 and structure.width >= 1 and structure.height >= 1
    try:
        process_photo(bytes(original[:cut]))
    except PhotoRejected as refused:
        assert "\n" not in str(refused)


# --- renditions arriving already made (export files) -----------------------------------------


@pytest.mark.parametrize(("make", "expected"), [
    (lambda: b"<html><body>Dear Dr Smith</body></html>", "not a JPEG"),
    (lambda: png_bomb(64, 48, 2), "not a JPEG"),
    (lambda: png_header_only(65000, 65000), "not a JPEG"),
    (truncated_giant_jpeg, "larger than its kind of copy allows"),
    (lambda: truncated_giant_jpeg(1500), "it is damaged"),
    (lambda: scan_bomb(200, (256, 256)), "it is stored in too many passes"),
    (lambda: jpeg((2400, 100)), "larger than its kind of copy allows"),
], ids=["html", "png", "png-65000-header", "jpeg-7071-header", "jpeg-1500-truncated", "scan-bomb", "too-wide"])
def test_a_stored_rendition_must_be_a_whole_jpeg_within_its_size(make, expected):
    with pytest.raises(PhotoRejected, match=expected):
        check_stored_rendition(make(), 2000)


def test_a_stored_rendition_the_pipeline_made_is_accepted_as_it_is():
    made = process_photo(jpeg((900, 600), noise=True))
    assert check_stored_rendition(made.working, 2000) == (made.width, made.height)
    assert check_stored_rendition(memoryview(made.thumbnail), 256) == (256, 171)

"""Photo import (homeassess.photos): what a therapist would notice if it went wrong.

Upright pictures, no location data in anything we store, odd files refused with a readable
reason that never shows the (possibly health-revealing) file name, sizes within budget.
Pitfalls §3 and §7 tests 17-23. Test images are generated here; only the HEIC is a fixture
(pi-heif cannot encode; see tests/fixtures/photos/make_sample_heic.py).
"""

from __future__ import annotations

import io
import os
import struct
import time
import warnings
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageCms, ImageDraw, ImageFile, JpegImagePlugin, PngImagePlugin

from homeassess.photos import (
    PhotoRejected,
    Renditions,
    photo_files_in,
    process_photo,
    rotate_renditions,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "photos"
UPRIGHT = (300, 200)  # landscape, so a sideways result is visible in width/height too
MARKER = (75, 50)
GREY = (128, 128, 128)
RED = (255, 0, 0)
BLUE = (0, 0, 255)
ORIENTATION = 0x0112
GPS_IFD = 0x8825
EXPECTED_CORNERS = {"top_left": "red", "top_right": "blue", "bottom_left": "grey", "bottom_right": "grey"}
# How a camera stores the upright picture for each EXIF orientation (the inverse of what the
# viewer must do): 6 = "rotate 90° clockwise to view", so the stored pixels are turned anticlockwise.
STORED_AS = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}
PRIVATE_NAME = "Jane_Doe_bathroom_fall"


# ---------------------------------------------------------------- helpers


def upright_picture(size: tuple[int, int] = UPRIGHT) -> Image.Image:
    """Grey picture, red block top-left and blue block top-right (so mirror images differ too)."""
    width, height = size
    mw, mh = width // 4, height // 4
    picture = Image.new("RGB", size, GREY)
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 0, mw - 1, mh - 1), fill=RED)
    draw.rectangle((width - mw, 0, width - 1, mh - 1), fill=BLUE)
    return picture


def as_stored(picture: Image.Image, orientation: int) -> Image.Image:
    method = STORED_AS[orientation]
    return picture if method is None else picture.transpose(method)


def encode(image: Image.Image, fmt: str = "JPEG", **params: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


def exif_ifd0(tag: int, kind: int, count: int, value: bytes) -> bytes:
    """Hand-made little-endian EXIF with one IFD0 entry (Pillow would coerce the type on write)."""
    entry = struct.pack("<HHI", tag, kind, count) + value.ljust(4, b"\x00")
    return b"Exif\x00\x00II*\x00" + struct.pack("<IH", 8, 1) + entry + struct.pack("<I", 0)


def exif_with(orientation: int | None = None) -> Image.Exif:
    exif = Image.Exif()
    if orientation is not None:
        exif[ORIENTATION] = orientation
    return exif


def decoded(jpeg: bytes) -> Image.Image:
    with Image.open(io.BytesIO(jpeg)) as image:
        assert image.format == "JPEG"
        return image.convert("RGB")


def colour_name(rgb: tuple[int, ...]) -> str:
    r, g, b = rgb[:3]
    if r > 170 and g < 90 and b < 90:
        return "red"
    if b > 170 and r < 90 and g < 90:
        return "blue"
    if max(r, g, b) - min(r, g, b) < 40:
        return "white" if min(r, g, b) > 235 else "grey"
    return f"other{rgb}"


def corners(jpeg: bytes) -> dict[str, str]:
    image = decoded(jpeg)
    w, h = image.size
    near, far_x, far_y = 0.06, int(w * 0.94), int(h * 0.94)
    points = {
        "top_left": (int(w * near), int(h * near)),
        "top_right": (far_x, int(h * near)),
        "bottom_left": (int(w * near), far_y),
        "bottom_right": (far_x, far_y),
    }
    return {name: colour_name(image.getpixel(xy)) for name, xy in points.items()}  # type: ignore[arg-type]


def longest_side(jpeg: bytes) -> int:
    return max(decoded(jpeg).size)


def png_declaring(width: int, height: int) -> bytes:
    """A valid, tiny 1-bit PNG of the given size (all black): a decompression bomb when large."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = (width + 7) // 8 + 1  # filter byte + packed bits
    squeeze = zlib.compressobj(9)
    block = bytes(row * 500)
    idat = b"".join(squeeze.compress(block) for _ in range(height // 500))
    idat += squeeze.compress(bytes(row * (height % 500))) + squeeze.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def fits_file() -> bytes:
    cards = [
        "SIMPLE  =                    T",
        "BITPIX  =                    8",
        "NAXIS   =                    2",
        "NAXIS1  =                   16",
        "NAXIS2  =                   16",
        "END",
    ]
    return "".join(card.ljust(80) for card in cards).ljust(2880).encode() + bytes(2880)


def assert_clean_reason(exc: PhotoRejected, path: Path | None = None) -> None:
    reason = str(exc)
    assert reason and "\n" not in reason
    assert PRIVATE_NAME not in reason and "Jane" not in reason
    if path is not None:
        assert path.name not in reason and str(path.parent) not in reason


@pytest.fixture(scope="module")
def big_jpeg() -> bytes:
    """4000 × 3000, a smooth gradient with markers (content does not matter for sizes)."""
    picture = upright_picture((4000, 3000))
    return encode(picture, quality=85)


# ---------------------------------------------------------------- orientation (§3.3, §7.20)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_comes_out_upright(orientation: int) -> None:
    stored = as_stored(upright_picture(), orientation)
    jpeg = encode(stored, quality=95, exif=exif_with(orientation).tobytes())

    result = process_photo(jpeg)

    assert (result.width, result.height) == UPRIGHT
    assert decoded(result.working).size == UPRIGHT
    for rendition in (result.working, result.print_copy, result.thumbnail):
        assert corners(rendition) == EXPECTED_CORNERS
    assert result.orientation_applied is (orientation != 1)
    assert result.orientation_unknown is False


def test_sideways_phone_photo_is_downscaled_and_upright() -> None:
    stored = as_stored(upright_picture((3000, 2000)), 6)  # draft happens on the stored, sideways pixels
    result = process_photo(encode(stored, quality=85, exif=exif_with(6).tobytes()))
    assert (result.width, result.height) == (2000, 1333)
    assert corners(result.thumbnail) == EXPECTED_CORNERS


def test_iphone_heic_imports_upright() -> None:
    # Stored 240 × 320 with orientation 6 (irot box + EXIF). pi-heif already turns it on open and
    # resets EXIF to 1 (docs/pitfalls.md §3.5); whatever the library does, the result must be upright once.
    result = process_photo(FIXTURES / "sample.heic")
    assert result.source_format == "HEIF"
    assert (result.width, result.height) == (320, 240)
    assert corners(result.working) == EXPECTED_CORNERS
    assert corners(result.thumbnail) == EXPECTED_CORNERS
    assert result.orientation_applied and not result.orientation_unknown
    for rendition in (result.working, result.print_copy, result.thumbnail):
        assert b"Exif\x00\x00" not in rendition and b"<x:xmpmeta" not in rendition


# ---------------------------------------------------------------- malformed EXIF (§3.3, §7.21)
# Policy: the photo is always imported. If the EXIF block is present but unreadable, the
# orientation value is not 1-8 (9, a text value), or applying it fails, the pixels stay exactly
# as stored and orientation_unknown is True so the UI can ask the user to check/rotate by hand.
# Valid EXIF without an orientation tag is simply upright (no false alarm).


@pytest.mark.parametrize(
    "exif_blob",
    [
        pytest.param(exif_with(9).tobytes(), id="orientation-9"),
        pytest.param(exif_ifd0(0x0112, 2, 2, b"6\x00\x00\x00"), id="orientation-as-text"),
        pytest.param(exif_with(0).tobytes(), id="orientation-0"),
        pytest.param(b"Exif\x00\x00not a TIFF header at all", id="garbage-blob"),
        pytest.param(b"Exif\x00\x00II*\x00\x08\x00\x00\x00\xff\xff", id="ifd-runs-off-the-end"),
    ],
)
def test_malformed_exif_imports_as_stored_and_flags_it(exif_blob: bytes) -> None:
    jpeg = encode(upright_picture(), quality=95, exif=exif_blob)
    result = process_photo(jpeg)
    assert corners(result.working) == EXPECTED_CORNERS  # un-rotated = as stored
    assert result.orientation_unknown is True
    assert result.orientation_applied is False


def test_an_exif_parser_crash_is_survived(monkeypatch: pytest.MonkeyPatch) -> None:
    # Real phones' EXIF has made Pillow's EXIF code raise (Pillow #8605 ZeroDivisionError, #4215, #8348).
    def crash(*args: object, **kwargs: object) -> Image.Image:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(Image.Image, "getexif", crash)
    stored = as_stored(upright_picture(), 6)
    result = process_photo(encode(stored, quality=95, exif=exif_with(6).tobytes()))
    assert (result.width, result.height) == (200, 300)  # left as stored, sideways
    assert result.orientation_unknown is True and result.orientation_applied is False


def test_exif_without_orientation_is_not_flagged() -> None:
    exif = exif_with()
    exif[0x010F] = "PhoneMaker"  # Make
    result = process_photo(encode(upright_picture(), exif=exif.tobytes()))
    assert result.orientation_unknown is False and result.orientation_applied is False


# ---------------------------------------------------------------- metadata (§3.8, §7.14)

XMP_PACKET = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
    b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
    b'exif:GPSLatitude="51,30.2N" exif:GPSLongitude="0,7.6W"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)
FORBIDDEN = (b"Exif\x00\x00", b"GPS", b"<x:xmpmeta", b"http://ns.adobe.com/xap", b"WGS-84", b"Jane Doe", b"ICC_PROFILE")


def private_exif() -> bytes:
    exif = exif_with(1)
    exif[0x010E] = "Jane Doe kitchen"  # ImageDescription
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (51.0, 30.0, 12.5)  # GPSLatitudeRef, GPSLatitude
    gps[3], gps[4] = "W", (0.0, 7.0, 39.9)  # GPSLongitudeRef, GPSLongitude
    gps[18] = "WGS-84"  # GPSMapDatum: readable bytes that prove the GPS IFD did not survive
    return exif.tobytes()


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_no_location_or_other_metadata_survives(fmt: str) -> None:
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    extra: dict[str, object] = {"xmp": XMP_PACKET}
    if fmt == "PNG":  # Pillow writes PNG XMP only as an iTXt chunk, the way Photoshop and phones do
        extra = {"pnginfo": PngImagePlugin.PngInfo()}
        extra["pnginfo"].add_itxt("XML:com.adobe.xmp", XMP_PACKET.decode())  # type: ignore[attr-defined]
    source = encode(upright_picture(), fmt, exif=private_exif(), icc_profile=srgb, **extra)
    assert b"WGS-84" in source and b"<x:xmpmeta" in source  # the test input really carries them

    result = process_photo(source)

    for rendition in (result.working, result.print_copy, result.thumbnail):
        for marker in FORBIDDEN:
            assert marker not in rendition, marker
        with Image.open(io.BytesIO(rendition)) as reopened:
            assert not reopened.getexif() and not reopened.getexif().get_ifd(GPS_IFD)
            assert not {"exif", "xmp", "icc_profile", "comment"} & set(reopened.info)


# ---------------------------------------------------------------- modes (§3.6, §7.22)


def rgba_half_transparent() -> bytes:
    image = Image.new("RGBA", UPRIGHT, (0, 0, 255, 255))
    ImageDraw.Draw(image).rectangle((0, 0, 149, 199), fill=(255, 0, 0, 0))  # left half transparent red
    return encode(image, "PNG")


def palette_with_transparency() -> bytes:
    image = Image.new("P", UPRIGHT, 1)
    image.putpalette([255, 0, 0, 0, 0, 255] + [0] * 762)
    ImageDraw.Draw(image).rectangle((0, 0, 149, 199), fill=0)
    return encode(image, "PNG", transparency=0)


def palette_opaque() -> bytes:
    return encode(upright_picture().convert("P", palette=Image.Palette.ADAPTIVE, colors=8), "PNG")


def grey_16bit() -> bytes:
    image = Image.new("I;16", UPRIGHT, 32768)  # mid-grey in 16 bits; a naive convert("L") makes it white
    return encode(image, "PNG")


def cmyk_jpeg() -> bytes:
    return encode(Image.new("CMYK", UPRIGHT, (0, 255, 255, 0)), "JPEG")  # red ink: magenta + yellow


def one_bit() -> bytes:
    image = Image.new("1", UPRIGHT, 1)
    ImageDraw.Draw(image).rectangle((150, 0, 299, 199), fill=0)
    return encode(image, "PNG")


def la_png() -> bytes:
    image = Image.new("LA", UPRIGHT, (0, 255))
    ImageDraw.Draw(image).rectangle((0, 0, 149, 199), fill=(0, 0))
    return encode(image, "PNG")


def rgba_webp() -> bytes:
    return encode(Image.open(io.BytesIO(rgba_half_transparent())), "WEBP", lossless=True)


@pytest.mark.parametrize(
    ("make", "left", "right"),
    [
        pytest.param(rgba_half_transparent, "white", "blue", id="RGBA-png"),
        pytest.param(rgba_webp, "white", "blue", id="RGBA-webp"),
        pytest.param(la_png, "white", "grey", id="LA-png"),
        pytest.param(palette_with_transparency, "white", "blue", id="P-transparent-png"),
        pytest.param(palette_opaque, "red", "blue", id="P-png"),
        pytest.param(grey_16bit, "grey", "grey", id="I16-png"),
        pytest.param(cmyk_jpeg, "red", "red", id="CMYK-jpeg"),
        pytest.param(one_bit, "white", "grey", id="1bit-png"),
    ],
)
def test_every_colour_mode_imports_as_rgb(make, left: str, right: str) -> None:
    result = process_photo(make())
    working = decoded(result.working)
    assert working.mode == "RGB" and working.size == UPRIGHT
    found = corners(result.working)
    assert (found["top_left"], found["top_right"]) == (left, right)  # 1-bit/LA black counts as "grey"


def test_16bit_grey_is_scaled_not_clipped() -> None:
    value = decoded(process_photo(grey_16bit()).working).getpixel((150, 100))
    assert all(110 <= channel <= 145 for channel in value)  # type: ignore[union-attr]


def swapped_primaries_profile() -> bytes:
    """sRGB with its red and blue colorants swapped: a real (if silly) non-sRGB RGB profile."""
    profile = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    (count,) = struct.unpack_from(">I", profile, 128)
    entries = {}
    for index in range(count):
        signature, offset, size = struct.unpack_from(">4sII", profile, 132 + 12 * index)
        entries[signature] = (index, offset, size)
    (red_index, *red), (blue_index, *blue) = entries[b"rXYZ"], entries[b"bXYZ"]
    struct.pack_into(">4sII", profile, 132 + 12 * red_index, b"rXYZ", *blue)
    struct.pack_into(">4sII", profile, 132 + 12 * blue_index, b"bXYZ", *red)
    return bytes(profile)


def test_embedded_colour_profile_is_folded_into_srgb() -> None:
    # The output carries no profile, so colours must be converted (an iPhone's Display P3, a
    # camera's Adobe RGB); otherwise they shift when the profile is dropped.
    source = encode(Image.new("RGB", UPRIGHT, RED), "PNG", icc_profile=swapped_primaries_profile())
    assert colour_name(decoded(process_photo(source).working).getpixel((150, 100))) == "blue"  # type: ignore[arg-type]


def test_unusable_colour_profile_is_ignored() -> None:
    source = encode(Image.new("RGB", UPRIGHT, RED), "JPEG", icc_profile=b"not an ICC profile")
    assert colour_name(decoded(process_photo(source).working).getpixel((150, 100))) == "red"  # type: ignore[arg-type]


def test_srgb_tagged_photo_skips_the_colour_transform(monkeypatch: pytest.MonkeyPatch) -> None:
    def unexpected(*args: object, **kwargs: object) -> None:
        raise AssertionError("sRGB → sRGB transform should be skipped")

    monkeypatch.setattr(ImageCms, "profileToProfile", unexpected)
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    source = encode(Image.new("RGB", UPRIGHT, RED), "JPEG", icc_profile=srgb)
    assert colour_name(decoded(process_photo(source).working).getpixel((150, 100))) == "red"  # type: ignore[arg-type]


def test_multi_picture_jpeg_uses_the_first_picture() -> None:
    # Some cameras write MPO (JPEG + extra pictures); Pillow opens it through the JPEG plugin.
    source = encode(upright_picture(), "MPO", save_all=True, append_images=[Image.new("RGB", UPRIGHT, BLUE)])
    result = process_photo(source)
    assert result.source_format == "MPO"
    assert corners(result.working) == EXPECTED_CORNERS


# ---------------------------------------------------------------- refusals (§3.1, §3.2, §3.7, §7.17-19)


def real_jpeg() -> bytes:
    picture = upright_picture((800, 600))
    picture.paste(Image.linear_gradient("L").resize((800, 300)).convert("RGB"), (0, 300))
    return encode(picture, quality=90)


def first_half(data: bytes) -> bytes:
    return data[: len(data) // 2]


REFUSALS = {
    "truncated-jpeg": (lambda: first_half(real_jpeg()), "damaged"),
    "zero-bytes": (lambda: b"", "empty"),
    "random-bytes": (lambda: bytes((i * 7919 + 13) % 251 for i in range(4096)), "not a photo"),
    "text-named-jpg": (lambda: b"Dear Dr Smith, the patient fell in the bathroom.\n", "not a photo"),
    "tiff-named-jpg": (lambda: encode(upright_picture(), "TIFF"), "not a photo"),
    "gif-named-jpg": (lambda: encode(upright_picture(), "GIF"), "not a photo"),
    "bmp-named-jpg": (lambda: encode(upright_picture(), "BMP"), "not a photo"),
    "eps-named-jpg": (lambda: encode(upright_picture(), "EPS"), "not a photo"),
    "fits-named-jpg": (fits_file, "not a photo"),
    "corrupt-png-data": (lambda: encode(upright_picture(), "PNG").replace(b"IDAT", b"IDAT\xff\x00\xff", 1), "damaged"),
}


@pytest.mark.parametrize("case", REFUSALS)
def test_bad_files_are_refused_with_a_reason(tmp_path: Path, case: str) -> None:
    make, expected = REFUSALS[case]
    folder = tmp_path / "Jane Doe"
    folder.mkdir()
    path = folder / f"{PRIVATE_NAME}.jpg"
    path.write_bytes(make())
    with pytest.raises(PhotoRejected) as refused:
        process_photo(path)
    assert expected in str(refused.value)
    assert_clean_reason(refused.value, path)
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_refusal_is_by_content_not_by_name() -> None:
    for fmt in ("TIFF", "GIF", "BMP"):  # Pillow itself would open these; the allowlist refuses them
        with Image.open(io.BytesIO(encode(upright_picture(), fmt))) as image:
            assert image.format == fmt
    with Image.open(io.BytesIO(fits_file())) as image:
        assert image.format == "FITS"


@pytest.mark.parametrize(
    ("size", "shown"),
    [((15000, 15000), "225 megapixels"), ((10000, 10000), "100 megapixels"), ((8000, 7000), "8000 × 7000 pixels")],
    ids=["bomb-error-zone", "bomb-warning-zone", "over-our-50MP-cap"],
)
def test_huge_images_are_refused_quickly_without_decoding(tmp_path: Path, size: tuple[int, int], shown: str) -> None:
    path = tmp_path / f"{PRIVATE_NAME}.png"
    path.write_bytes(png_declaring(*size))
    filters_before = list(warnings.filters)
    started = time.perf_counter()
    with pytest.raises(PhotoRejected) as refused:
        process_photo(path)
    assert time.perf_counter() - started < 1.0
    assert str(refused.value) == f"this image is too large ({shown}); the limit is 50 megapixels"
    assert_clean_reason(refused.value, path)
    assert warnings.filters == filters_before  # the "error" filter was local, not left behind


def test_folder_named_like_a_photo(tmp_path: Path) -> None:
    folder = tmp_path / "x.jpg"
    folder.mkdir()
    with pytest.raises(PhotoRejected, match="^this is a folder, not a photo$") as refused:
        process_photo(folder)
    assert_clean_reason(refused.value, folder)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / f"{PRIVATE_NAME}.jpg"
    with pytest.raises(PhotoRejected, match="could not be found") as refused:
        process_photo(path)
    assert_clean_reason(refused.value, path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX-only")
def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / f"{PRIVATE_NAME}.jpg"
    os.mkfifo(path)
    with pytest.raises(PhotoRejected, match="not an ordinary file"):
        process_photo(path)


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / f"{PRIVATE_NAME}.jpg"
    path.write_bytes(real_jpeg())
    path.chmod(0)
    try:
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            try:  # root normally reads anything (CAP_DAC_OVERRIDE); not when that capability is dropped
                path.open("rb").close()
            except PermissionError:
                pass
            else:
                pytest.skip("root can read a chmod 000 file; see test_permission_denied_is_reported")
        with pytest.raises(PhotoRejected, match=r"^this file cannot be read \(permission denied\)$") as refused:
            process_photo(path)
        assert_clean_reason(refused.value, path)
    finally:
        path.chmod(0o600)


def test_permission_denied_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / f"{PRIVATE_NAME}.jpg"
    path.write_bytes(real_jpeg())

    real_open = os.open

    def denied(name: object, *args: object, **kwargs: object) -> int:
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied", str(name))  # the OS text carries the path
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(PhotoRejected, match=r"^this file cannot be read \(permission denied\)$") as refused:
        process_photo(path)
    assert_clean_reason(refused.value, path)
    assert refused.value.__cause__ is None and refused.value.__suppress_context__


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), fmt=st.sampled_from(["JPEG", "PNG", "WEBP"]))
def test_damaged_bytes_never_crash_the_import(data: st.DataObject, fmt: str) -> None:
    original = bytearray(encode(upright_picture((64, 48)), fmt))
    for _ in range(data.draw(st.integers(1, 8))):
        original[data.draw(st.integers(0, len(original) - 1))] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(1, len(original)))
    try:
        result = process_photo(bytes(original[:cut]))
    except PhotoRejected as refused:
        assert_clean_reason(refused)
    else:
        assert isinstance(result, Renditions) and decoded(result.thumbnail).mode == "RGB"


def test_parallel_imports_on_worker_threads() -> None:
    # The app imports on a thread pool; the bomb filter must neither leak nor go missing.
    good = encode(as_stored(upright_picture(), 6), quality=95, exif=exif_with(6).tobytes())
    bomb = png_declaring(10000, 10000)
    filters_before = list(warnings.filters)

    def run(data: bytes) -> str:
        try:
            return "ok" if corners(process_photo(data).working) == EXPECTED_CORNERS else "wrong"
        except PhotoRejected as refused:
            return "too large" if "too large" in str(refused) else str(refused)

    with ThreadPoolExecutor(max_workers=6) as pool:
        outcomes = list(pool.map(run, [good, bomb] * 12))
    assert outcomes == ["ok", "too large"] * 12
    assert warnings.filters == filters_before


# ---------------------------------------------------------------- inputs, names, sizes (§3.4, §7.23)


def test_emoji_and_arabic_file_name_imports(tmp_path: Path) -> None:
    path = tmp_path / "صورة الحمام 😀 مطبخ.jpg"
    path.write_bytes(real_jpeg())
    assert process_photo(path).width == 800


def test_accepts_path_string_bytes_and_file_objects(tmp_path: Path) -> None:
    data = real_jpeg()
    path = tmp_path / "photo.jpg"
    path.write_bytes(data)

    class PipeLike(io.RawIOBase):  # not seekable, like a pipe or a network stream
        def __init__(self) -> None:
            self._inner = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
            chunk = self._inner.read(len(buffer))
            buffer[: len(chunk)] = chunk
            return len(chunk)

    with path.open("rb") as handle:
        from_handle = process_photo(handle)
        assert not handle.closed  # the caller's file stays the caller's
    digests = {process_photo(path).sha256, process_photo(str(path)).sha256, process_photo(data).sha256}
    digests |= {from_handle.sha256, process_photo(PipeLike()).sha256}
    assert len(digests) == 1
    with pytest.raises(PhotoRejected, match="^the file is empty$"):
        process_photo(io.BytesIO())


def test_rendition_sizes_for_a_12_megapixel_photo(big_jpeg: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    drafts: list[tuple[str | None, tuple[int, int] | None]] = []
    real_draft = JpegImagePlugin.JpegImageFile.draft

    def spy(self: Image.Image, mode: str | None, size: tuple[int, int] | None):  # type: ignore[no-untyped-def]
        assert self._im is None  # before any pixels are decoded, or draft does nothing (§3.3)
        drafts.append((mode, size))
        return real_draft(self, mode, size)  # type: ignore[arg-type]

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", spy)
    result = process_photo(big_jpeg)

    assert drafts == [("RGB", (2000, 1500))]  # the decoder scaled 1/2 while decoding
    assert (result.width, result.height) == (2000, 1500) == decoded(result.working).size
    assert decoded(result.print_copy).size == (1100, 825)
    assert decoded(result.thumbnail).size == (256, 192)
    assert result.source_format == "JPEG"
    assert len(result.sha256) == 64
    assert corners(result.thumbnail) == EXPECTED_CORNERS


@pytest.mark.parametrize("size", [(150, 3000), (3000, 150), (1, 1), (2000, 2000), (1999, 2001)])
def test_extreme_shapes_stay_within_limits(size: tuple[int, int]) -> None:
    result = process_photo(encode(Image.new("RGB", size, GREY), "PNG"))
    for rendition, limit in ((result.working, 2000), (result.print_copy, 1100), (result.thumbnail, 256)):
        width, height = decoded(rendition).size
        assert min(width, height) >= 1 and max(width, height) <= limit
    assert max(result.width, result.height) == min(max(size), 2000)


# ---------------------------------------------------------------- manual rotation


def test_rotate_turns_landscape_into_portrait() -> None:
    original = process_photo(encode(upright_picture(), quality=95))

    right = rotate_renditions(original, 1)  # one quarter turn clockwise
    assert (right.width, right.height) == (200, 300)
    assert decoded(right.thumbnail).size[0] < decoded(right.thumbnail).size[1]
    assert corners(right.working)["top_right"] == "red" and corners(right.working)["bottom_right"] == "blue"
    assert right.sha256 != original.sha256 and corners(right.print_copy) == corners(right.working)

    left = rotate_renditions(original, -1)
    assert (left.width, left.height) == (200, 300) and corners(left.working)["bottom_left"] == "red"
    assert corners(rotate_renditions(original, 2).working)["bottom_right"] == "red"
    assert rotate_renditions(original, 4) is original
    assert rotate_renditions(right, 3).width == 300


# ---------------------------------------------------------------- discovery


def test_photo_files_in_camera_folder(tmp_path: Path) -> None:
    names = [
        "IMG_0002.JPG",
        "img_0001.jpeg",
        "b.png",
        "c.HEIC",
        "d.heif",
        "e.WebP",
        "notes.txt",
        "clip.MOV",
        ".hidden.jpg",
        "._IMG_0002.JPG",
        "no_extension",
    ]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "album.jpg").mkdir()  # a folder with a photo-like name is not a file
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "IMG_0100.jpg").write_bytes(b"x")
    (tmp_path / ".thumbnails").mkdir()
    (tmp_path / ".thumbnails" / "t.jpg").write_bytes(b"x")

    flat = ["b.png", "c.HEIC", "d.heif", "e.WebP", "img_0001.jpeg", "IMG_0002.JPG"]
    assert [p.name for p in photo_files_in(tmp_path)] == flat
    assert [p.relative_to(tmp_path).as_posix() for p in photo_files_in(tmp_path, recursive=True)] == [
        *flat,
        "sub/IMG_0100.jpg",
    ]
    with pytest.raises(FileNotFoundError):
        photo_files_in(tmp_path / "missing", recursive=True)

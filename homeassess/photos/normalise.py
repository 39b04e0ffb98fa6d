"""Turn whatever mode a decoder produced into plain 8-bit RGB that JPEG can save.

JPEG cannot store RGBA, LA, P, I;16, I or F (docs/pitfalls.md §3.6), and storing 1/L/CMYK as-is would
give the rest of the app several kinds of image to handle. Everything leaves here as ``RGB``:

* anything with transparency (RGBA, LA, PA, premultiplied RGBa/La, P or L/RGB with a
  ``transparency`` entry) is composited onto white, so a cut-out on a transparent background
  prints as it looks on screen, not on black;
* 16-bit and 32-bit greyscale (I;16*, I) is scaled down to 8 bits; Pillow's own ``convert("L")``
  clips every value above 255 to white instead;
* floating point (F) is stretched from its own minimum..maximum to 0..255;
* CMYK goes through its embedded ICC profile when it has a usable one, else Pillow's naive
  conversion;
* 1, L, YCbCr, RGBX and the rest use ``convert("RGB")``.

:func:`reduced` shrinks a large decoded picture by a whole factor *before* any of this, without a
second full-size copy: modes Pillow reduces directly (L, RGB, CMYK, I, F...) are reduced as they
are; the others (alpha, palette, 1-bit, 16-bit) are made RGB and reduced strip by strip. A 50 MP
RGBA PNG then costs its decoded 200 MB plus a few MB, not 800 MB.

:func:`to_srgb` separately converts RGB pixels described by an embedded ICC profile (an iPhone's
Display P3, Adobe RGB from a camera) into sRGB, because the pipeline drops every profile from the
output and untagged JPEG is read as sRGB.
"""

from __future__ import annotations

import io
import logging

from PIL import Image, ImageCms

log = logging.getLogger(__name__)

WHITE = (255, 255, 255)

_ALPHA_MODES = frozenset({"RGBA", "LA", "PA", "RGBa", "La"})
_SIXTEEN_BIT_MODES = frozenset({"I;16", "I;16L", "I;16B", "I;16N"})
_REDUCIBLE_MODES = frozenset({"L", "RGB", "RGBX", "CMYK", "YCbCr", "I", "F", "LAB", "HSV"})  # no premultiplying copy
_STRIP_ROWS = 64  # output rows per strip
_SRGB = ImageCms.createProfile("sRGB")
_SRGB_PROFILE = ImageCms.ImageCmsProfile(_SRGB).profile


class UnsupportedMode(ValueError):
    """The decoded pixels are in a colour mode that cannot be turned into RGB."""


def to_rgb(image: Image.Image) -> Image.Image:
    """Return ``image`` as an RGB image (the same object when it already is one)."""
    mode = image.mode
    if mode == "RGB" and "transparency" not in image.info:
        return image
    if mode in _ALPHA_MODES or (mode in {"P", "L", "RGB", "1", "I", "I;16"} and "transparency" in image.info):
        return _on_white(image)
    if mode == "P" and image.palette is not None and image.palette.mode == "RGBA":
        return _on_white(image)
    if mode in _SIXTEEN_BIT_MODES:
        return _scaled_to_8bit(image.convert("I"), 1 / 256).convert("RGB")
    if mode == "I":
        low, high = image.getextrema()
        if isinstance(low, int) and isinstance(high, int) and low >= 0 and high <= 0xFFFF:
            return _scaled_to_8bit(image, 1 / 256).convert("RGB")  # a 16-bit PNG decoded as I
        return _stretched(image).convert("RGB")
    if mode == "F":
        return _stretched(image).convert("RGB")
    if mode == "CMYK":
        return _cmyk_to_rgb(image)
    try:
        return image.convert("RGB")
    except ValueError as exc:  # e.g. LAB, HSV without a colour-managed path
        raise UnsupportedMode(mode) from exc


def reduced(image: Image.Image, factor: int) -> Image.Image:
    """``image`` made ``factor`` times smaller on each side by averaging (box filter); the same image below 2.

    Modes that need a conversion first come back as RGB, converted one strip at a time; I and F
    keep their mode so that :func:`to_rgb` can stretch them by the whole picture's range.
    """
    if factor < 2:
        return image
    if image.mode in _REDUCIBLE_MODES and "transparency" not in image.info:
        return image.reduce(factor)
    width, height = image.size
    out = Image.new("RGB", (-(-width // factor), -(-height // factor)))
    step = _STRIP_ROWS * factor
    for top in range(0, height, step):
        strip = to_rgb(image.crop((0, top, width, min(height, top + step))))
        out.paste(strip.reduce(factor), (0, top // factor))
    return out


def to_srgb(image: Image.Image, icc_profile: bytes | None) -> Image.Image:
    """Convert RGB ``image`` from ``icc_profile`` to sRGB; unchanged if there is none or it is unusable."""
    if not icc_profile or image.mode != "RGB":
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        if source.profile.xcolor_space.strip() != "RGB" or _has_srgb_primaries(source.profile):
            return image  # applying an sRGB profile would cost ~40 ms per 3 MP for no change
        converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        log.info("embedded colour profile could not be used; keeping the colours as stored")
        return image
    return converted if converted is not None else image


def _has_srgb_primaries(profile: ImageCms.core.CmsProfile) -> bool:
    """True for the many sRGB-tagged phone JPEGs (colorants within 0.003 of sRGB's; TRC not compared)."""
    for name in ("red_colorant", "green_colorant", "blue_colorant"):
        theirs, ours = getattr(profile, name), getattr(_SRGB_PROFILE, name)
        if theirs is None or any(abs(a - b) > 0.003 for a, b in zip(theirs[0], ours[0], strict=True)):
            return False
    return True


def _on_white(image: Image.Image) -> Image.Image:
    if image.mode in _SIXTEEN_BIT_MODES or image.mode == "I":
        # A transparent colour key on 16-bit grey (PNG tRNS) is vanishingly rare and Pillow has
        # no 16-bit grey + alpha mode: scale to 8 bits and treat the picture as opaque.
        return _scaled_to_8bit(image.convert("I"), 1 / 256).convert("RGB")
    rgba = image.convert("RGBA")
    background = Image.new("RGB", rgba.size, WHITE)
    background.paste(rgba.convert("RGB"), mask=rgba.getchannel("A"))
    return background


def _scaled_to_8bit(image: Image.Image, factor: float) -> Image.Image:
    """Scale an ``I`` image linearly by ``factor`` and convert to ``L`` (clipping to 0..255)."""
    return image.point(lambda value: value * factor).convert("L")


def _stretched(image: Image.Image) -> Image.Image:
    """Map an ``I`` or ``F`` image from its own min..max onto 0..255 as ``L``."""
    low, high = image.getextrema()
    if not isinstance(low, (int, float)) or not isinstance(high, (int, float)) or high <= low:
        return Image.new("L", image.size, 0)
    scale = 255.0 / (high - low)
    offset = -low * scale
    return image.convert("F").point(lambda value: value * scale + offset).convert("L")


def _cmyk_to_rgb(image: Image.Image) -> Image.Image:
    icc_profile = image.info.get("icc_profile")
    if icc_profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
            if source.profile.xcolor_space.strip() == "CMYK":
                converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
                if converted is not None:
                    return converted
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            log.info("embedded CMYK profile could not be used; using a plain conversion")
    return image.convert("RGB")

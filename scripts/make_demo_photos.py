#!/usr/bin/env python3
"""Draw the demo visit's photos: illustrations, clearly labelled as such, of a fictional home.

Run from the repository root:
    .venv/bin/python scripts/make_demo_photos.py            # all photos + the demo JSON "photos" list
    .venv/bin/python scripts/make_demo_photos.py --only front-door-clear-width --no-json

There are no real photos of the demo home, so each scene is drawn with Pillow alone: a small
pinhole camera projects the rooms (measured in inches) onto the picture, surfaces get generated
textures mapped in perspective, soft shadows, light falloff, a vignette and seeded grain, so that
reports and screenshots look like a visit. Every picture carries a small "Illustration" label.
Measurement callouts and tape readings only ever show values recorded in the demo assessment.

Deterministic: every random choice comes from ``random.Random`` seeded per photo (no
``Image.effect_noise``, whose C ``rand()`` differs between platforms). One photo is stored on
its side with EXIF orientation 6, as a phone held upright writes it; the import pipeline turns
it upright.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageOps

ROOT = Path(__file__).resolve().parents[1]
DEMO_JSON = ROOT / "resources" / "demo" / "demo_assessment.json"
PHOTO_DIR = ROOT / "resources" / "demo" / "photos"
FONT_DIR = ROOT / "resources" / "fonts"
SS = 2  # supersampling factor: scenes are drawn at twice the size and scaled down
LANDSCAPE = (1600, 1200)
PORTRAIT = (1200, 1600)
QUALITY = 85
MAX_BYTES = 350_000

Vec = tuple[float, float, float]


# ----------------------------------------------------------------------------- small maths


def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def mul(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def norm(a: Vec) -> Vec:
    length = math.sqrt(dot(a, a)) or 1.0
    return mul(a, 1.0 / length)


def lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def lerp3(a: Vec, b: Vec, t: float) -> Vec:
    return (lerp(a[0], b[0], t), lerp(a[1], b[1], t), lerp(a[2], b[2], t))


def mix(c0: tuple, c1: tuple, t: float) -> tuple[int, int, int]:
    return tuple(max(0, min(255, round(lerp(a, b, t)))) for a, b in zip(c0[:3], c1[:3], strict=False))  # type: ignore[return-value]


def scale(c: tuple, k: float) -> tuple[int, int, int]:
    return tuple(max(0, min(255, round(v * k))) for v in c[:3])  # type: ignore[return-value]


def mat_mul(a, b):
    return tuple(tuple(sum(a[i][k] * b[k][j] for k in range(3)) for j in range(3)) for i in range(3))


def mat_vec(a, v):
    return tuple(sum(a[i][k] * v[k] for k in range(3)) for i in range(3))


def mat_inv(m):
    (a, b, c), (d, e, f), (g, h, i) = m
    det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
    inv = (
        (e * i - f * h, c * h - b * i, b * f - c * e),
        (f * g - d * i, a * i - c * g, c * d - a * f),
        (d * h - e * g, b * g - a * h, a * e - b * d),
    )
    return tuple(tuple(v / det for v in row) for row in inv)


def convex_hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def turn(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list = []
    for p in pts:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list = []
    for p in reversed(pts):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def font(size: float, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
    return ImageFont.truetype(str(FONT_DIR / name), max(6, round(size)))


# ----------------------------------------------------------------------------- camera


class Camera:
    """A pinhole camera in a world measured in inches: x right, y up, z away from the viewer."""

    def __init__(self, eye: Vec, target: Vec, hfov: float, size: tuple[int, int], roll: float = 0.0):
        self.eye = eye
        f = norm(sub(target, eye))
        r = norm(cross((0.0, 1.0, 0.0), f))
        u = cross(f, r)
        self.rows = (r, u, f)
        width, height = size
        self.focal = (width / 2) / math.tan(math.radians(hfov) / 2)
        cx, cy = width / 2, height / 2
        k = ((self.focal, 0.0, cx), (0.0, -self.focal, cy), (0.0, 0.0, 1.0))
        c, s = math.cos(math.radians(roll)), math.sin(math.radians(roll))
        rot = ((c, -s, cx - c * cx + s * cy), (s, c, cy - s * cx - c * cy), (0.0, 0.0, 1.0))
        self.intrinsic = mat_mul(rot, k)
        self.matrix = mat_mul(self.intrinsic, self.rows)

    def to_cam(self, p: Vec) -> Vec:
        d = sub(p, self.eye)
        return (dot(self.rows[0], d), dot(self.rows[1], d), dot(self.rows[2], d))

    def from_cam(self, c: Vec) -> tuple[float, float]:
        h = mat_vec(self.intrinsic, c)
        return (h[0] / h[2], h[1] / h[2])

    def project(self, p: Vec) -> tuple[float, float]:
        return self.from_cam(self.to_cam(p))

    def depth(self, p: Vec) -> float:
        return self.to_cam(p)[2]

    def plane(self, origin: Vec, e1: Vec, e2: Vec):
        """Homography taking (s, t, 1) to the picture for points origin + s*e1 + t*e2."""
        o = sub(origin, self.eye)
        basis = tuple((e1[i], e2[i], o[i]) for i in range(3))
        return mat_mul(self.matrix, basis)

    def clip(self, pts: list[Vec], near: float = 2.0) -> list[tuple[float, float]]:
        cam = [self.to_cam(p) for p in pts]
        out: list[Vec] = []
        for i, cur in enumerate(cam):
            prev = cam[i - 1]
            cur_in, prev_in = cur[2] >= near, prev[2] >= near
            if cur_in != prev_in:
                t = (near - prev[2]) / (cur[2] - prev[2])
                out.append(lerp3(prev, cur, t))
            if cur_in:
                out.append(cur)
        return [self.from_cam(c) for c in out]


# ----------------------------------------------------------------------------- noise and textures


def noise(rng: random.Random, size: tuple[int, int], cell: float = 1.0) -> Image.Image:
    """Smooth value noise in 'L': random bytes on a grid of ``cell``-pixel cells, scaled up."""
    w, h = size
    gw, gh = max(2, math.ceil(w / cell) + 1), max(2, math.ceil(h / cell) + 1)
    small = Image.frombytes(
        "L", (gw, gh), b"".join(rng.randbytes(min(1 << 20, gw * gh - i)) for i in range(0, gw * gh, 1 << 20))
    )
    if (gw, gh) == (w, h):
        return small
    return small.resize((w, h), Image.Resampling.BICUBIC)


def fractal(
    rng: random.Random, size: tuple[int, int], cells=(64, 16, 4, 1), weights=(0.45, 0.3, 0.17, 0.08)
) -> Image.Image:
    out = None
    total = 0.0
    for cell, weight in zip(cells, weights, strict=False):
        layer = noise(rng, size, cell)
        if out is None:
            out, total = layer, weight
        else:
            total += weight
            out = Image.blend(out, layer, weight / total)
    return ImageOps.autocontrast(out, cutoff=1)


def tone(img: Image.Image, dark: tuple, light: tuple, mid: tuple | None = None) -> Image.Image:
    if mid is None:
        return ImageOps.colorize(img, dark, light)
    return ImageOps.colorize(img, dark, light, mid)


def soften_contrast(img: Image.Image, amount: float) -> Image.Image:
    """Pull an 'L' noise image toward mid-grey: amount 1 keeps it, 0 makes it flat."""
    return img.point(lambda v: round(128 + (v - 128) * amount))


def tex_plain(rng, size, color, grain=0.12, cell=24) -> Image.Image:
    """A painted or plain surface: colour with faint blotches."""
    n = soften_contrast(fractal(rng, size, (cell * 4, cell, max(2, cell // 6)), (0.5, 0.35, 0.15)), grain)
    return tone(n, scale(color, 0.82), scale(color, 1.15), color)


def tex_wood_floor(rng, w_in, h_in, ppi, base=(156, 104, 62), board=3.25, along_x=True) -> Image.Image:
    """Strip hardwood: boards run along x (the texture's width) unless along_x is False."""
    length_in, across_in = (w_in, h_in) if along_x else (h_in, w_in)
    W, H = max(2, round(length_in * ppi)), max(2, round(across_in * ppi))
    img = Image.new("RGB", (W, H), base)
    d = ImageDraw.Draw(img)
    bw = board * ppi
    rows = math.ceil(H / bw) + 1
    for j in range(rows):
        y0, y1 = j * bw, (j + 1) * bw
        x = -rng.uniform(0, 48) * ppi
        while x < W:
            plank = rng.uniform(20, 70) * ppi
            k = rng.uniform(0.84, 1.08)
            col = scale((base[0], base[1] * rng.uniform(0.95, 1.04), base[2]), k)
            d.rectangle([x, y0, x + plank, y1], fill=col)
            for _ in range(max(3, int(board * 2.2))):
                gy = rng.uniform(y0 + 1, y1 - 1)
                amp, period, phase = rng.uniform(0.2, 1.2) * ppi / 8, rng.uniform(8, 30) * ppi, rng.uniform(0, 6.3)
                pts = [
                    (gx, gy + amp * math.sin(phase + gx / period * 6.28)) for gx in range(int(x), int(x + plank) + 8, 8)
                ]
                d.line(pts, fill=scale(col, rng.uniform(0.86, 0.95)), width=max(1, round(ppi / 14)))
            d.line([(x, y0), (x, y1)], fill=scale(base, 0.45), width=max(1, round(ppi / 10)))
            x += plank
        d.line([(0, y0), (W, y0)], fill=scale(base, 0.42), width=max(1, round(ppi / 9)))
    streak = noise(rng, (W, H), 1).resize((max(2, W // 40), H)).resize((W, H), Image.Resampling.BICUBIC)
    img = ImageChops.multiply(img, tone(soften_contrast(streak, 0.35), (200, 200, 200), (255, 255, 255)))
    img = img.filter(ImageFilter.GaussianBlur(ppi / 40))
    return img if along_x else img.transpose(Image.Transpose.ROTATE_90)


def tex_carpet(rng, w_in, h_in, ppi, color, rough=1.0, cell=None) -> Image.Image:
    size = (max(2, round(w_in * ppi)), max(2, round(h_in * ppi)))
    fine = noise(rng, size, 1)
    mid = noise(rng, size, cell or max(2, ppi / 2))
    blot = noise(rng, size, ppi * 10)
    n = Image.blend(Image.blend(fine, mid, 0.5), blot, 0.3)
    n = soften_contrast(ImageOps.autocontrast(n, cutoff=2), 0.55 * rough)
    return tone(n, scale(color, 0.6), scale(color, 1.3), color)


def tex_shag(rng, w_in, h_in, ppi, color) -> Image.Image:
    size = (max(2, round(w_in * ppi)), max(2, round(h_in * ppi)))
    base = tex_carpet(rng, w_in, h_in, ppi, color, rough=1.3, cell=max(2, ppi * 0.35))
    d = ImageDraw.Draw(base, "RGBA")
    for _ in range(int(w_in * h_in * 2.5)):
        x, y = rng.uniform(0, size[0]), rng.uniform(0, size[1])
        a = rng.uniform(0, 6.28)
        ln = rng.uniform(0.3, 0.8) * ppi
        k = rng.choice((0.55, 0.7, 1.25, 1.35))
        d.line(
            [(x, y), (x + ln * math.cos(a), y + ln * math.sin(a))],
            fill=scale(color, k) + (150,),
            width=max(1, round(ppi / 6)),
        )
    return base.filter(ImageFilter.GaussianBlur(ppi / 20))


def tex_tiles(
    rng, w_in, h_in, ppi, tile=12.0, color=(214, 208, 196), grout=(170, 164, 152), var=6, grout_in=0.18, offset=0.0
) -> Image.Image:
    W, H = max(2, round(w_in * ppi)), max(2, round(h_in * ppi))
    img = Image.new("RGB", (W, H), grout)
    d = ImageDraw.Draw(img)
    t, g = tile * ppi, grout_in * ppi
    rows = math.ceil(H / t) + 1
    for j in range(rows):
        shift = (offset * t) if j % 2 else 0
        cols = math.ceil(W / t) + 2
        for i in range(-1, cols):
            k = 1 + rng.uniform(-var, var) / 255
            x0, y0 = i * t + shift + g / 2, j * t + g / 2
            d.rectangle([x0, y0, x0 + t - g, y0 + t - g], fill=scale(color, k))
    n = soften_contrast(noise(rng, (W, H), max(2, ppi / 3)), 0.12)
    img = ImageChops.multiply(img, tone(n, (225, 225, 225), (255, 255, 255)))
    return img.filter(ImageFilter.GaussianBlur(ppi / 30))


def tex_concrete(rng, w_in, h_in, ppi, color=(160, 157, 150), stains=True) -> Image.Image:
    size = (max(2, round(w_in * ppi)), max(2, round(h_in * ppi)))
    n = fractal(rng, size, (ppi * 14, ppi * 3, max(2, ppi / 2), 1), (0.35, 0.25, 0.2, 0.2))
    img = tone(soften_contrast(n, 0.5), scale(color, 0.72), scale(color, 1.2), color)
    d = ImageDraw.Draw(img, "RGBA")
    for _ in range(int(w_in * h_in / 3)):
        x, y, r = rng.uniform(0, size[0]), rng.uniform(0, size[1]), rng.uniform(0.03, 0.09) * ppi
        d.ellipse([x - r, y - r, x + r, y + r], fill=scale(color, rng.choice((0.55, 0.7, 1.2))) + (140,))
    if stains:
        blot = noise(rng, size, ppi * 9).point(lambda v: max(0, v - 160))
        img.paste(scale(color, 0.7), (0, 0), blot.filter(ImageFilter.GaussianBlur(ppi)))
    return img


def tex_siding(rng, w_in, h_in, ppi, color=(198, 196, 182), lap=4.0) -> Image.Image:
    W, H = max(2, round(w_in * ppi)), max(2, round(h_in * ppi))
    strip = Image.new("RGB", (1, max(2, round(lap * ppi))))
    n = strip.size[1]
    for i in range(n):
        t = i / (n - 1)
        k = 1.04 - 0.1 * t if t < 0.9 else 0.62 + (1 - t) * 2.0
        strip.putpixel((0, i), scale(color, k))
    img = strip.resize((W, n)).crop((0, 0, W, n))
    full = Image.new("RGB", (W, H))
    for y in range(0, H, n):
        full.paste(img, (0, y))
    streak = noise(rng, (W, H), 1).resize((max(2, W // 30), H)).resize((W, H), Image.Resampling.BICUBIC)
    full = ImageChops.multiply(full, tone(soften_contrast(streak, 0.25), (215, 215, 215), (255, 255, 255)))
    grime = soften_contrast(fractal(rng, (W, H), (ppi * 30, ppi * 8)), 0.3)
    return ImageChops.multiply(full, tone(grime, (205, 205, 200), (255, 255, 255)))


def tex_grass(rng, w_in, h_in, ppi, green=(96, 104, 58), dry=(138, 128, 84)) -> Image.Image:
    size = (max(2, round(w_in * ppi)), max(2, round(h_in * ppi)))
    n = soften_contrast(fractal(rng, size, (ppi * 30, ppi * 6, 2), (0.5, 0.3, 0.2)), 0.75)
    img = tone(n, scale(green, 0.7), dry, green)
    d = ImageDraw.Draw(img, "RGBA")
    for _ in range(int(w_in * h_in * 0.25)):
        x, y = rng.uniform(0, size[0]), rng.uniform(0, size[1])
        c = mix(green, dry, rng.random()) if rng.random() < 0.7 else scale(green, 0.5)
        d.line([(x, y), (x + rng.uniform(-0.3, 0.3) * ppi, y - rng.uniform(0.4, 1.0) * ppi)], fill=c + (110,), width=1)
    return img


def tex_tape(
    length_in: float, ppi: float, width_in: float = 1.0, start_in: float = 0.0, metric: bool = False
) -> Image.Image:
    """A yellow steel tape: inch ticks to 1/16 and numbers, red foot marks; hook end at start_in."""
    W, H = round(length_in * ppi), max(8, round(width_in * ppi))
    img = Image.new("RGB", (W, H), (236, 192, 38))
    d = ImageDraw.Draw(img)
    black, red = (24, 22, 18), (190, 30, 24)
    sixteenths = int(math.floor((start_in + length_in) * 16)) + 1
    number_font = font(H * 0.44, bold=True)
    small_font = font(H * 0.24, bold=True)
    for k in range(int(math.ceil(start_in * 16)), sixteenths):
        x = (k / 16 - start_in) * ppi
        if k % 16 == 0:
            h = 0.42
        elif k % 8 == 0:
            h = 0.3
        elif k % 4 == 0:
            h = 0.22
        elif k % 2 == 0:
            h = 0.16
        else:
            h = 0.11
        lw = max(1, round(ppi / 30)) if k % 16 == 0 else max(1, round(ppi / 60))
        d.line([(x, 0), (x, H * h)], fill=black, width=lw)
        d.line([(x, H), (x, H * (1 - h * 0.55))], fill=black, width=lw)
        if k % 16 == 0 and k > 0:
            inch = k // 16
            colour = red if inch % 12 == 0 else black
            label = str(inch)
            d.text((x - ppi * 0.06, H * 0.52), label, font=number_font, fill=colour, anchor="rm")
            if inch % 12 == 0:
                d.text((x + ppi * 0.06, H * 0.52), f"{inch // 12}F", font=small_font, fill=red, anchor="lm")
            if inch % 16 == 0:
                d.rectangle(
                    [x - ppi * 0.12, H * 0.05, x + ppi * 0.12, H * 0.3], outline=red, width=max(1, round(ppi / 40))
                )
    if start_in <= 0:
        d.rectangle([0, 0, ppi * 0.12, H], fill=(150, 150, 146))
    sheen = Image.linear_gradient("L").resize((W, H)).point(lambda v: round(255 - abs(v - 90) * 0.5))
    return ImageChops.multiply(img, tone(sheen, (200, 200, 200), (255, 255, 255)))


# ----------------------------------------------------------------------------- the canvas


_STRIP_CACHE: dict = {}


def _gradient_strip(stops: tuple) -> Image.Image:
    """A 4-px-wide RGB strip: 20×256 rows of the first colour, 256 rows of the ramp, then the last colour."""
    if stops in _STRIP_CACHE:
        return _STRIP_CACHE[stops]
    pad = 20 * 256
    strip = Image.new("RGB", (4, pad * 2 + 256), stops[0][1])
    strip.paste(stops[-1][1], (0, pad + 256, 4, pad * 2 + 256))
    for i in range(256):
        t = i / 255
        for (t0, c0), (t1, c1) in zip(stops, stops[1:], strict=False):
            if t0 <= t <= t1:
                c = mix(c0, c1, 0 if t1 == t0 else (t - t0) / (t1 - t0))
                break
        else:
            c = stops[0][1] if t < stops[0][0] else stops[-1][1]
        strip.paste(c, (0, pad + i, 4, pad + i + 1))
    _STRIP_CACHE[stops] = strip
    return strip


def _stops(colors) -> tuple:
    if all(isinstance(c, tuple) and len(c) == 2 and isinstance(c[1], tuple) for c in colors):
        return tuple((float(t), tuple(c)) for t, c in colors)
    n = len(colors) - 1
    return tuple((i / n, tuple(c)) for i, c in enumerate(colors))


class Scene:
    """A picture being drawn at SS× size; 3D helpers use ``self.cam``."""

    def __init__(self, size: tuple[int, int], seed: int, bg=(128, 128, 128)):
        self.size = size
        self.W, self.H = size[0] * SS, size[1] * SS
        self.img = Image.new("RGB", (self.W, self.H), bg)
        self.rng = random.Random(seed)
        self.cam: Camera | None = None
        self.callouts: list[tuple] = []

    # --- setup
    def camera(self, eye: Vec, target: Vec, hfov: float, roll: float = 0.0) -> Camera:
        self.cam = Camera(eye, target, hfov, (self.W, self.H), roll)
        return self.cam

    def P(self, p: Vec) -> tuple[float, float]:
        return self.cam.project(p)

    def note(self, anchor, label_at, text, anchor2=None):
        """A measurement callout: ``anchor`` a 3D point or canvas point, ``label_at`` fractions of the picture."""

        def out(p):
            p = self.P(p) if len(p) == 3 else p
            return (p[0] / SS, p[1] / SS)

        self.callouts.append(
            (
                "callout",
                out(anchor),
                (label_at[0] * self.size[0], label_at[1] * self.size[1]),
                text,
                None if anchor2 is None else out(anchor2),
            )
        )

    def dim(self, a, b, text, offset=(0, 0)):
        """A dimension line between two 3D points, labelled at its middle (offset in output pixels)."""
        pa, pb = self.P(a), self.P(b)
        self.callouts.append(("dim", (pa[0] / SS, pa[1] / SS), (pb[0] / SS, pb[1] / SS), text, offset))

    # --- 2D fills
    def _bbox(self, pts, pad=0):
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        x0, y0 = max(0, int(min(xs)) - pad), max(0, int(min(ys)) - pad)
        x1, y1 = min(self.W, int(math.ceil(max(xs))) + pad + 1), min(self.H, int(math.ceil(max(ys))) + pad + 1)
        if x1 <= x0 or y1 <= y0:
            return None
        return (x0, y0, x1, y1)

    def _mask(self, pts, bb, alpha=255, blur=0.0):
        mask = Image.new("L", (bb[2] - bb[0], bb[3] - bb[1]), 0)
        # the outline widens the shape by a pixel so that neighbouring faces leave no seam between them
        ImageDraw.Draw(mask).polygon(
            [(x - bb[0], y - bb[1]) for x, y in pts], fill=alpha, outline=alpha if alpha == 255 else None
        )
        if blur:
            mask = mask.filter(ImageFilter.GaussianBlur(blur))
        return mask

    def gradient_image(self, bb, p0, p1, colors) -> Image.Image:
        strip = _gradient_strip(_stops(colors))
        dx, dy = p1[0] - p0[0], p1[1] - p0[1]
        l2 = dx * dx + dy * dy or 1.0
        pad = 20 * 256
        # source row v = pad + 255 * t, t = ((x - p0) . d) / |d|^2 with x the global pixel
        d_ = 255 * dx / l2
        e_ = 255 * dy / l2
        f_ = pad - 255 * (dx * (p0[0] - bb[0]) + dy * (p0[1] - bb[1])) / l2
        return strip.transform(
            (bb[2] - bb[0], bb[3] - bb[1]),
            Image.Transform.AFFINE,
            (0, 0, 2, d_, e_, f_),
            resample=Image.Resampling.BILINEAR,
        )

    def poly(self, pts, fill, alpha=255, blur=0.0, grad=None):
        """Fill a 2D canvas polygon with a colour, or a linear gradient grad=(p0, p1, colors)."""
        if len(pts) < 3:
            return
        bb = self._bbox(pts, pad=int(blur * 3) + 1)
        if bb is None:
            return
        mask = self._mask(pts, bb, alpha, blur)
        if grad is not None:
            src = self.gradient_image(bb, grad[0], grad[1], grad[2])
            self.img.paste(src, bb[:2], mask)
        else:
            self.img.paste(fill, bb, mask) if isinstance(fill, tuple) else self.img.paste(fill, bb[:2], mask)

    def shade(self, pts, p0, p1, a0, a1, color=(0, 0, 0), blur=0.0):
        """Lay ``color`` over a polygon with opacity a0 at p0 fading to a1 at p1 (0..1)."""
        if len(pts) < 3:
            return
        bb = self._bbox(pts, pad=int(blur * 3) + 1)
        if bb is None:
            return
        ramp = self.gradient_image(bb, p0, p1, [(round(a0 * 255),) * 3, (round(a1 * 255),) * 3]).convert("L")
        mask = ImageChops.multiply(ramp, self._mask(pts, bb, 255, blur))
        self.img.paste(color, bb, mask)

    def glow(self, center, rx, ry, color, strength=0.5, mode="over"):
        """A soft elliptical pool of light (or shadow, with a dark colour) centred on a canvas point."""
        bb = (int(center[0] - rx), int(center[1] - ry), int(center[0] + rx), int(center[1] + ry))
        w, h = bb[2] - bb[0], bb[3] - bb[1]
        if w < 2 or h < 2:
            return
        g = Image.radial_gradient("L").resize((w, h), Image.Resampling.BILINEAR)
        g = g.point(lambda v: round(max(0.0, 1 - v / 181) ** 1.6 * 255 * strength))
        cb = (max(0, bb[0]), max(0, bb[1]), min(self.W, bb[2]), min(self.H, bb[3]))
        if cb[2] <= cb[0] or cb[3] <= cb[1]:
            return
        g = g.crop((cb[0] - bb[0], cb[1] - bb[1], cb[2] - bb[0], cb[3] - bb[1]))
        if mode == "screen":
            region = self.img.crop(cb)
            lit = ImageChops.screen(region, Image.new("RGB", region.size, color))
            self.img.paste(lit, cb[:2], g)
        else:
            self.img.paste(color, cb, g)

    def line(self, pts, color, width, alpha=255):
        d = ImageDraw.Draw(self.img, "RGBA")
        d.line(pts, fill=tuple(color[:3]) + (alpha,), width=max(1, round(width)), joint="curve")

    def blur_all(self, radius):
        self.img = self.img.filter(ImageFilter.GaussianBlur(radius * SS))

    def shadow(self, pts, blur, opacity, color=(0, 0, 0)):
        self.poly(pts, color, alpha=round(255 * opacity), blur=blur * SS)

    def text(self, xy, s, size, color, bold=False, anchor="mm", alpha=255, angle=0.0):
        f = font(size * SS, bold)
        if angle:
            layer = Image.new("RGBA", (int(size * SS * (len(s) + 2)), int(size * SS * 2)), (0, 0, 0, 0))
            ImageDraw.Draw(layer).text(
                (layer.width / 2, layer.height / 2), s, font=f, fill=tuple(color) + (alpha,), anchor="mm"
            )
            layer = layer.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
            self.img.paste(layer, (int(xy[0] - layer.width / 2), int(xy[1] - layer.height / 2)), layer)
        else:
            ImageDraw.Draw(self.img, "RGBA").text(xy, s, font=f, fill=tuple(color) + (alpha,), anchor=anchor)

    # --- 3D
    def poly3(self, pts3, fill=(128, 128, 128), grad=None, alpha=255, blur=0.0):
        """Fill a 3D polygon; grad=(P0, P1, colors) gives a gradient between two 3D points."""
        pts = self.cam.clip(pts3)
        if len(pts) < 3:
            return
        if grad is not None:
            g0, g1 = self._grad_ends(grad[0], grad[1])
            self.poly(pts, fill, alpha, blur, grad=(g0, g1, grad[2]))
        else:
            self.poly(pts, fill, alpha, blur)

    def _grad_ends(self, a: Vec, b: Vec):
        ca, cb = self.cam.to_cam(a), self.cam.to_cam(b)
        near = 2.0
        if ca[2] < near and cb[2] < near:
            return (0, 0), (0, 1)
        if ca[2] < near:
            ca = lerp3(cb, ca, (cb[2] - near) / (cb[2] - ca[2]))
        if cb[2] < near:
            cb = lerp3(ca, cb, (ca[2] - near) / (ca[2] - cb[2]))
        return self.cam.from_cam(ca), self.cam.from_cam(cb)

    def shade3(self, pts3, a: Vec, b: Vec, a0, a1, color=(0, 0, 0), blur=0.0):
        pts = self.cam.clip(pts3)
        if len(pts) < 3:
            return
        g0, g1 = self._grad_ends(a, b)
        self.shade(pts, g0, g1, a0, a1, color, blur)

    def shadow3(self, pts3, blur, opacity, color=(0, 0, 0)):
        pts = self.cam.clip(pts3)
        if len(pts) >= 3:
            self.shadow(pts, blur, opacity, color)

    def tex3(self, origin: Vec, e1: Vec, e2: Vec, tex: Image.Image, alpha=255, clip3=None):
        """Map ``tex`` onto the parallelogram origin + s*e1 + t*e2 (s, t in 0..1; tex x along e1)."""
        corners = clip3 or [origin, add(origin, e1), add(add(origin, e1), e2), add(origin, e2)]
        pts = self.cam.clip(corners)
        if len(pts) < 3:
            return
        bb = self._bbox(pts, pad=1)
        if bb is None:
            return
        tw, th = tex.size
        h = self.cam.plane(origin, mul(e1, 1.0 / tw), mul(e2, 1.0 / th))
        shift = ((1.0, 0.0, bb[0]), (0.0, 1.0, bb[1]), (0.0, 0.0, 1.0))
        inv = mat_inv(h)
        c = mat_mul(inv, shift)
        c = tuple(tuple(v / c[2][2] for v in row) for row in c)
        data = (c[0][0], c[0][1], c[0][2], c[1][0], c[1][1], c[1][2], c[2][0], c[2][1])
        src = tex.transform(
            (bb[2] - bb[0], bb[3] - bb[1]), Image.Transform.PERSPECTIVE, data, resample=Image.Resampling.BICUBIC
        )
        self.img.paste(src, bb[:2], self._mask(pts, bb, alpha))

    def quad(self, o: Vec, e1: Vec, e2: Vec) -> list[Vec]:
        return [o, add(o, e1), add(add(o, e1), e2), add(o, e2)]

    def visible(self, center: Vec, normal: Vec) -> bool:
        return dot(normal, sub(self.cam.eye, center)) > 0

    def box(
        self, lo: Vec, hi: Vec, color, light: Vec = (-0.4, 0.8, -0.45), amb=0.62, faces=None, ao=0.18, top_color=None
    ):
        """An axis-aligned box, lit from ``light`` (a direction toward the light)."""
        x0, y0, z0 = lo
        x1, y1, z1 = hi
        L = norm(light)
        specs = {
            "top": ([(x0, y1, z0), (x1, y1, z0), (x1, y1, z1), (x0, y1, z1)], (0, 1, 0)),
            "bottom": ([(x0, y0, z0), (x1, y0, z0), (x1, y0, z1), (x0, y0, z1)], (0, -1, 0)),
            "front": ([(x0, y0, z0), (x1, y0, z0), (x1, y1, z0), (x0, y1, z0)], (0, 0, -1)),
            "back": ([(x0, y0, z1), (x1, y0, z1), (x1, y1, z1), (x0, y1, z1)], (0, 0, 1)),
            "left": ([(x0, y0, z0), (x0, y0, z1), (x0, y1, z1), (x0, y1, z0)], (-1, 0, 0)),
            "right": ([(x1, y0, z0), (x1, y0, z1), (x1, y1, z1), (x1, y1, z0)], (1, 0, 0)),
        }
        for name, (pts, n) in specs.items():
            if faces is not None and name not in faces:
                continue
            cx = sum(p[0] for p in pts) / 4
            cy = sum(p[1] for p in pts) / 4
            cz = sum(p[2] for p in pts) / 4
            if not self.visible((cx, cy, cz), n):
                continue
            base = top_color if (name == "top" and top_color) else color
            k = amb + (1 - amb) * max(0.0, dot(n, L))
            c = scale(base, k)
            if name in ("top", "bottom"):
                self.poly3(pts, grad=((cx, cy, z0), (cx, cy, z1), [scale(c, 1.03), scale(c, 0.95)]))
            else:
                self.poly3(pts, grad=((cx, y1, cz), (cx, y0, cz), [scale(c, 1.02), scale(c, 1 - ao)]))

    def obox(
        self,
        c: Vec,
        u: Vec,
        v: Vec,
        w: Vec,
        hu: float,
        hv: float,
        hw: float,
        color,
        light: Vec = (-0.4, 0.8, -0.45),
        amb=0.62,
        ao=0.12,
        tex: Image.Image | None = None,
        faces=None,
    ):
        """An oriented box: centre c, unit axes u (width), v (up), w (depth), half sizes."""
        L = norm(light)
        for sign_axis, axis, ha, p1, h1, p2, h2, name in (
            (1, u, hu, v, hv, w, hw, "u+"),
            (-1, u, hu, v, hv, w, hw, "u-"),
            (1, v, hv, u, hu, w, hw, "v+"),
            (-1, v, hv, u, hu, w, hw, "v-"),
            (1, w, hw, u, hu, v, hv, "w+"),
            (-1, w, hw, u, hu, v, hv, "w-"),
        ):
            if faces is not None and name not in faces:
                continue
            n = mul(axis, sign_axis)
            fc = add(c, mul(n, ha))
            if not self.visible(fc, n):
                continue
            pts = [add(fc, add(mul(p1, a * h1), mul(p2, b * h2))) for a, b in ((-1, -1), (1, -1), (1, 1), (-1, 1))]
            k = amb + (1 - amb) * max(0.0, dot(n, L))
            col = scale(color, k)
            if tex is not None:
                o = pts[0]
                self.tex3(o, sub(pts[1], pts[0]), sub(pts[3], pts[0]), tex)
                self.shade3(pts, pts[0], pts[2], 1 - k, 1 - k + ao * 0.5)
            elif abs(n[1]) > 0.7:
                self.poly3(pts, col)
            else:
                top = max(pts, key=lambda p: p[1])
                bot = min(pts, key=lambda p: p[1])
                self.poly3(pts, grad=(top, bot, [scale(col, 1.02), scale(col, 1 - ao)]))

    def cylinder(self, a: Vec, b: Vec, r: float, color, highlight=0.35, light_side=-1, shadow_side=0.55, caps=True):
        pa, pb = self.P(a), self.P(b)
        za, zb = self.cam.depth(a), self.cam.depth(b)
        if za < 2 or zb < 2:
            return
        ra, rb = self.cam.focal * r / za, self.cam.focal * r / zb
        dx, dy = pb[0] - pa[0], pb[1] - pa[1]
        ln = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / ln, dx / ln
        if ny > 0:  # make the normal point up on screen, so the light side is the top
            nx, ny = -nx, -ny
        pts = [
            (pa[0] + nx * ra, pa[1] + ny * ra),
            (pb[0] + nx * rb, pb[1] + ny * rb),
            (pb[0] - nx * rb, pb[1] - ny * rb),
            (pa[0] - nx * ra, pa[1] - ny * ra),
        ]
        rm = (ra + rb) / 2
        mid = ((pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2)
        g0 = (mid[0] + nx * rm, mid[1] + ny * rm)
        g1 = (mid[0] - nx * rm, mid[1] - ny * rm)
        if light_side > 0:
            g0, g1 = g1, g0
        hi = mix(color, (255, 255, 255), highlight)
        colors = [(0.0, scale(color, 0.8)), (0.22, hi), (0.45, color), (1.0, scale(color, shadow_side))]
        self.poly(pts, None, grad=(g0, g1, colors))
        for p, rr in ((pa, ra), (pb, rb)) if caps else ():
            self.img_ellipse(p, rr, scale(color, 0.75))

    def img_ellipse(self, c, r, color, alpha=255):
        ImageDraw.Draw(self.img, "RGBA").ellipse([c[0] - r, c[1] - r, c[0] + r, c[1] + r], fill=tuple(color) + (alpha,))

    def ring(
        self, center: Vec, u: Vec, v: Vec, ru: float, rv: float | None = None, n: int = 48, a0=0.0, a1=2 * math.pi
    ):
        rv = ru if rv is None else rv
        return [
            add(
                center,
                add(mul(u, ru * math.cos(a0 + (a1 - a0) * i / n)), mul(v, rv * math.sin(a0 + (a1 - a0) * i / n))),
            )
            for i in range(n + 1)
        ]

    def hull3(self, pts3, fill=None, grad=None, alpha=255, blur=0.0):
        pts = convex_hull([self.P(p) for p in pts3 if self.cam.depth(p) > 2])
        if grad is not None:
            g0, g1 = grad[0], grad[1]
            if len(g0) == 3:
                g0, g1 = self.P(g0), self.P(g1)
            self.poly(pts, fill, alpha, blur, grad=(g0, g1, grad[2]))
        else:
            self.poly(pts, fill, alpha, blur)
        return pts

    def line3(self, pts3, color, width_in, alpha=255):
        pts = [self.P(p) for p in pts3]
        z = sum(self.cam.depth(p) for p in pts3) / len(pts3)
        self.line(pts, color, max(1.0, self.cam.focal * width_in / z), alpha)

    def tape3(
        self,
        start: Vec,
        along: Vec,
        across: Vec,
        length: float,
        ppi: float = 24,
        width: float = 1.0,
        case_at_end=True,
        start_in=0.0,
        case_size=3.0,
    ):
        """A tape measure from ``start`` (its hook end, reading ``start_in``) along ``along``.

        ``across`` is the blade's width direction: the edge it points to is the top of the numbers.
        """
        along, across = norm(along), norm(across)
        tex = tex_tape(length, ppi, width, start_in)
        o = add(start, mul(across, width / 2))
        normal = norm(cross(along, across))
        if dot(normal, sub(self.cam.eye, start)) < 0:
            normal = mul(normal, -1)
        shadow_o = add(o, mul(normal, -0.3))
        self.shadow3(self.quad(add(shadow_o, mul(across, -0.3)), mul(along, length), mul(across, -width)), 2.5, 0.35)
        self.tex3(o, mul(along, length), mul(across, -width), tex)
        hook = [
            add(start, mul(across, width * 0.6)),
            add(start, mul(across, -width * 0.6)),
            add(add(start, mul(across, -width * 0.6)), mul(along, 0.15)),
            add(add(start, mul(across, width * 0.6)), mul(along, 0.15)),
        ]
        self.poly3(hook, (120, 118, 112))
        if case_at_end:
            self.tape_case(add(start, mul(along, length)), along, across, normal, case_size)

    def tape_case(self, at: Vec, along: Vec, across: Vec, normal: Vec, size=3.0):
        """The tape's case: a rounded yellow-and-black block, the blade leaving it at ``at``."""
        c = add(add(at, mul(along, size * 0.5)), mul(across, size * 0.28))
        depth = size * 0.55

        def rounded(center, half, n=40):
            pts = []
            for i in range(n):
                a = 2 * math.pi * i / n
                ca, sa = math.cos(a), math.sin(a)
                u = math.copysign(abs(ca) ** 0.35, ca) * half
                v = math.copysign(abs(sa) ** 0.35, sa) * half
                pts.append(add(center, add(mul(along, u), mul(across, v))))
            return pts

        back = rounded(add(c, mul(normal, -depth * 0.4)), size / 2)
        front = rounded(add(c, mul(normal, depth * 0.6)), size / 2)
        self.hull3(back + front, (28, 28, 26))
        self.hull3(
            front,
            None,
            grad=(add(c, mul(across, size / 2)), add(c, mul(across, -size / 2)), [(70, 70, 66), (30, 30, 28)]),
        )
        inner = rounded(add(c, mul(normal, depth * 0.62)), size * 0.38)
        self.hull3(
            inner,
            None,
            grad=(add(c, mul(across, size / 2)), add(c, mul(across, -size / 2)), [(252, 214, 70), (214, 160, 24)]),
        )
        button = self.ring(
            add(add(c, mul(normal, depth * 0.64)), mul(across, size * 0.5)), along, normal, size * 0.14, size * 0.1
        )
        self.hull3(button, (40, 40, 38))

    def ao(self, a: Vec, b: Vec, width_in: float = 3.0, opacity: float = 0.35):
        """Darken softly along a 3D edge (where a wall meets the floor, a fixture meets a wall)."""
        pa, pb = self.P(a), self.P(b)
        z = (self.cam.depth(a) + self.cam.depth(b)) / 2
        w = max(2.0, self.cam.focal * width_in / max(z, 2.0))
        bb = self._bbox([pa, pb], pad=int(w * 2) + 2)
        if bb is None:
            return
        mask = Image.new("L", (bb[2] - bb[0], bb[3] - bb[1]), 0)
        ImageDraw.Draw(mask).line(
            [(pa[0] - bb[0], pa[1] - bb[1]), (pb[0] - bb[0], pb[1] - bb[1])], fill=round(255 * opacity), width=round(w)
        )
        self.img.paste((0, 0, 0), bb, mask.filter(ImageFilter.GaussianBlur(w * 0.6)))


# ----------------------------------------------------------------------------- finishing


def finish(
    scene: Scene, *, warmth=(1.0, 1.0, 1.0), vignette=0.22, grain=3.6, blur=0.45, contrast=1.0, brightness=1.0
) -> Image.Image:
    img = scene.img.resize(scene.size, Image.Resampling.LANCZOS)
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    w, h = img.size
    r, g, b = img.split()
    lut = lambda k: lambda v: max(0, min(255, round(((v / 255 - 0.5) * contrast + 0.5) * 255 * k * brightness)))  # noqa: E731
    img = Image.merge("RGB", (r.point(lut(warmth[0])), g.point(lut(warmth[1])), b.point(lut(warmth[2]))))
    if vignette:
        v = Image.radial_gradient("L").resize((w, h), Image.Resampling.BILINEAR)
        v = v.point(lambda x: round(255 * (1 - vignette * (x / 255) ** 2.2)))
        img = ImageChops.multiply(img, Image.merge("RGB", (v, v, v)))
    if grain:
        rng = random.Random(scene.rng.random())
        n = Image.blend(noise(rng, (w, h), 1), noise(rng, (w, h), 1), 0.5)
        n = n.point(lambda x: round(128 + (x - 128) * grain / 64))
        img = ImageChops.add(img, Image.merge("RGB", (n, n, n)), 1.0, -128)
    for kind, *args in scene.callouts:
        (draw_callout if kind == "callout" else dimension_line)(img, *args)
    label(img)
    return img


def draw_callout(img: Image.Image, anchor, text_xy, text, anchor2=None):
    """A marked-up measurement: a yellow leader from ``anchor`` (and ``anchor2``) to a dark label."""
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    f = font(img.width * 0.022, bold=True)
    left, top, right, bottom = d.textbbox(text_xy, text, font=f, anchor="mm")
    pad = img.width * 0.008
    box = (left - pad, top - pad * 0.8, right + pad, bottom + pad * 0.8)
    yellow = (255, 212, 0, 235)
    lw = max(2, round(img.width / 500))
    for a in (anchor, anchor2):
        if a is None:
            continue
        ex = min(max(a[0], box[0]), box[2])
        ey = min(max(a[1], box[1]), box[3])
        d.line([a, (ex, ey)], fill=(0, 0, 0, 90), width=lw + 2)
        d.line([a, (ex, ey)], fill=yellow, width=lw)
        r = lw * 2.2
        d.ellipse([a[0] - r, a[1] - r, a[0] + r, a[1] + r], fill=yellow, outline=(0, 0, 0, 120))
    d.rounded_rectangle(box, radius=pad, fill=(20, 20, 20, 190), outline=yellow, width=lw)
    d.text(text_xy, text, font=f, fill=(255, 255, 255, 255), anchor="mm")
    img.paste(layer, (0, 0), layer)


def dimension_line(img: Image.Image, a, b, text, offset_text=(0, 0)):
    """A measured span: a yellow line with end bars between a and b, and its label."""
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    lw = max(2, round(img.width / 500))
    yellow = (255, 212, 0, 235)
    dx, dy = b[0] - a[0], b[1] - a[1]
    ln = math.hypot(dx, dy) or 1
    nx, ny = -dy / ln * img.width * 0.009, dx / ln * img.width * 0.009
    d.line([a, b], fill=(0, 0, 0, 90), width=lw + 2)
    d.line([a, b], fill=yellow, width=lw)
    for p in (a, b):
        d.line([(p[0] - nx, p[1] - ny), (p[0] + nx, p[1] + ny)], fill=yellow, width=lw)
    img.paste(layer, (0, 0), layer)
    mid = ((a[0] + b[0]) / 2 + offset_text[0], (a[1] + b[1]) / 2 + offset_text[1])
    draw_callout(img, mid, mid, text)


def label(img: Image.Image) -> None:
    """The small corner mark that says this is a drawing, not a photo of a real home."""
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    f = font(img.width * 0.0125)
    x, y = img.width - img.width * 0.012, img.height - img.width * 0.012
    d.text((x + 1, y + 1), "Illustration", font=f, fill=(0, 0, 0, 110), anchor="rb")
    d.text((x, y), "Illustration", font=f, fill=(255, 255, 255, 170), anchor="rb")
    img.paste(layer, (0, 0), layer)


# ----------------------------------------------------------------------------- registry


@dataclass(frozen=True)
class Photo:
    name: str
    room: str
    item: str | None
    caption: str
    size: tuple[int, int]
    draw: Callable[[Scene], None]
    exif_rotated: bool = False
    finish: dict | None = None


PHOTOS: list[Photo] = []


def photo(name, room, item, caption, size=LANDSCAPE, exif_rotated=False, **finish_args):
    def register(fn):
        PHOTOS.append(Photo(name, room, item, caption, size, fn, exif_rotated, finish_args or None))
        return fn

    return register


# ----------------------------------------------------------------------------- shared pieces

WHITE_TRIM = (232, 230, 222)
OVERCAST = (1.0, 1.0, 1.03)
INDOOR = (1.04, 1.0, 0.9)


def plane_pieces(
    scene: Scene, origin: Vec, e1: Vec, e2: Vec, tex: Image.Image, holes: list[tuple[float, float, float, float]]
):
    """Texture a wall rectangle with rectangular holes (s0, t0, s1, t1 as fractions of e1, e2)."""

    def at(s, t):
        return add(origin, add(mul(e1, s), mul(e2, t)))

    cuts_s = sorted({0.0, 1.0} | {h[0] for h in holes} | {h[2] for h in holes})
    cuts_t = sorted({0.0, 1.0} | {h[1] for h in holes} | {h[3] for h in holes})
    for s0, s1 in zip(cuts_s, cuts_s[1:], strict=False):
        for t0, t1 in zip(cuts_t, cuts_t[1:], strict=False):
            if any(h[0] <= s0 and s1 <= h[2] and h[1] <= t0 and t1 <= h[3] for h in holes):
                continue
            scene.tex3(origin, e1, e2, tex, clip3=[at(s0, t0), at(s1, t0), at(s1, t1), at(s0, t1)])


def casing(scene: Scene, x0, x1, y_top, z, width=3.5, depth=0.75, color=WHITE_TRIM, floor=0.0, sides=(True, True)):
    """Door trim on a wall facing -z: two legs and a head, proud of the wall by ``depth``."""
    zf = z - depth
    if sides[0]:
        scene.box((x0 - width, floor, zf), (x0, y_top + width, z), color)
    if sides[1]:
        scene.box((x1, floor, zf), (x1 + width, y_top + width, z), color)
    scene.box((x0 - width, y_top, zf), (x1 + width, y_top + width, z), color)


def knob(scene: Scene, at: Vec, facing: Vec, color=(178, 160, 110), r=1.1):
    """A round door knob on a rose, projecting along ``facing`` from the door face point ``at``."""
    f = norm(facing)
    side = norm(cross((0, 1, 0), f)) if abs(f[1]) < 0.9 else (1, 0, 0)
    up = cross(f, side)
    rose = scene.ring(add(at, mul(f, 0.3)), side, up, 1.3)
    scene.hull3(rose + scene.ring(at, side, up, 1.3), scale(color, 0.8))
    neck = scene.ring(add(at, mul(f, 1.5)), side, up, 0.45)
    ball = scene.ring(add(at, mul(f, 2.3)), side, up, r)
    back = scene.ring(add(at, mul(f, 1.6)), side, up, r * 0.8)
    scene.hull3(neck + back, scale(color, 0.7))
    pts = scene.hull3(ball + back, color)
    if pts:
        c = scene.P(add(at, add(mul(f, 2.3), add(mul(up, r * 0.35), mul(side, -r * 0.2)))))
        rr = scene.cam.focal * r * 0.45 / scene.cam.depth(at)
        scene.glow(c, rr, rr, (255, 248, 225), 0.8)


def door_slab(scene: Scene, x0, x1, z0, z1, height, color, floor=0.0, panels=True):
    """A six-panel-ish door lying in the plane x = x1 (its visible face), running z0..z1."""
    scene.box((x0, floor, z0), (x1, floor + height, z1), color, faces=("right", "front", "left"))
    if not panels:
        return
    inset = scale(color, 0.9)
    for za, zb in ((z0 + 4.5, (z0 + z1) / 2 - 1.5), ((z0 + z1) / 2 + 1.5, z1 - 4.5)):
        for ya, yb in ((floor + 6, floor + 32), (floor + 38, floor + 56), (floor + 61, floor + height - 5)):
            pts = [(x1 + 0.02, ya, za), (x1 + 0.02, ya, zb), (x1 + 0.02, yb, zb), (x1 + 0.02, yb, za)]
            scene.poly3(pts, grad=((x1, yb, za), (x1, ya, za), [scale(inset, 1.04), scale(inset, 0.93)]))
            scene.line3([(x1 + 0.03, yb, za), (x1 + 0.03, yb, zb)], scale(color, 0.7), 0.25)
            scene.line3([(x1 + 0.03, ya, za), (x1 + 0.03, yb, za)], scale(color, 0.75), 0.2)


def tex_box(
    s: Scene,
    lo: Vec,
    hi: Vec,
    make_tex: Callable[[float, float], Image.Image],
    light: Vec = (-0.45, 0.8, -0.4),
    amb: float = 0.62,
    faces=None,
    ao: float = 0.12,
):
    """A box whose visible faces are textured with ``make_tex(width_in, height_in)``, then lit."""
    x0, y0, z0 = lo
    x1, y1, z1 = hi
    L = norm(light)
    specs = {  # origin (top-left of the texture), e1 (texture x), e2 (texture y, downward), normal
        "top": ((x0, y1, z1), (x1 - x0, 0, 0), (0, 0, z0 - z1), (0, 1, 0)),
        "front": ((x0, y1, z0), (x1 - x0, 0, 0), (0, y0 - y1, 0), (0, 0, -1)),
        "back": ((x1, y1, z1), (x0 - x1, 0, 0), (0, y0 - y1, 0), (0, 0, 1)),
        "left": ((x0, y1, z1), (0, 0, z0 - z1), (0, y0 - y1, 0), (-1, 0, 0)),
        "right": ((x1, y1, z0), (0, 0, z1 - z0), (0, y0 - y1, 0), (1, 0, 0)),
    }
    for name, (o, e1, e2, n) in specs.items():
        if faces is not None and name not in faces:
            continue
        centre = add(o, add(mul(e1, 0.5), mul(e2, 0.5)))
        if not s.visible(centre, n):
            continue
        w_in = math.sqrt(dot(e1, e1))
        h_in = math.sqrt(dot(e2, e2))
        s.tex3(o, e1, e2, make_tex(w_in, h_in))
        k = amb + (1 - amb) * max(0.0, dot(n, L))
        quad = s.quad(o, e1, e2)
        if name == "top":
            s.shade3(quad, add(o, mul(e2, 1.0)), o, 1 - k, 1 - k + 0.04)
        else:
            s.shade3(quad, o, add(o, e2), 1 - k, min(1.0, 1 - k + ao))


def sky(s: Scene, top=(196, 200, 204), bottom=(222, 224, 224)):
    s.poly([(0, 0), (s.W, 0), (s.W, s.H), (0, s.H)], None, grad=((0, 0), (0, s.H * 0.6), [top, bottom]))


def shrub(s: Scene, centre: Vec, rx: float, ry: float, rz: float, color=(52, 70, 44)):
    """A clipped evergreen: a heap of overlapping leafy blobs, darker underneath."""
    rng = s.rng
    s.shadow3(s.ring((centre[0] + 6, 0.2, centre[2] - 4), (1, 0, 0), (0, 0, 1), rx * 1.1, rz * 1.3), 14, 0.35)
    blobs = []
    for _ in range(70):
        a, b = rng.uniform(0, 2 * math.pi), rng.uniform(0.0, 1.0)
        p = (
            centre[0] + math.cos(a) * rx * b * 0.85,
            centre[1] + rng.uniform(-0.2, 1.0) * ry * 0.8,
            centre[2] + math.sin(a) * rz * b * 0.85,
        )
        blobs.append(p)
    blobs.sort(key=lambda p: -s.cam.depth(p))
    for p in blobs:
        z = s.cam.depth(p)
        if z < 2:
            continue
        c = s.P(p)
        r = min(s.W / 4, s.cam.focal * rng.uniform(0.22, 0.36) * min(rx, ry) / z)
        if c[0] + r < 0 or c[0] - r > s.W or c[1] + r < 0 or c[1] - r > s.H:
            continue
        k = 0.55 + 0.6 * (p[1] - centre[1] + ry * 0.2) / (ry * 1.2)
        col = scale(color, max(0.45, min(1.25, k)) * rng.uniform(0.9, 1.1))
        s.glow(c, r * 1.3, r * 1.2, scale(col, 0.7), 0.6)
        bb = (int(c[0] - r), int(c[1] - r), int(c[0] + r), int(c[1] + r))
        if bb[2] - bb[0] < 3:
            continue
        leaf = tex_carpet(rng, (bb[2] - bb[0]) / 4, (bb[3] - bb[1]) / 4, 4, col, rough=1.6, cell=3)
        mask = Image.new("L", leaf.size, 0)
        ImageDraw.Draw(mask).ellipse([0, 0, leaf.size[0] - 1, leaf.size[1] - 1], fill=255)
        mask = mask.filter(ImageFilter.GaussianBlur(max(1, r / 12)))
        s.img.paste(leaf, bb[:2], mask)


def crack(s: Scene, a: Vec, b: Vec, y: float, jitter: float = 1.2, steps: int = 14, width: float = 0.3):
    rng = s.rng
    pts = []
    for i in range(steps + 1):
        t = i / steps
        off = 0 if i in (0, steps) else rng.uniform(-jitter, jitter)
        pts.append((lerp(a[0], b[0], t) + off, y, lerp(a[2], b[2], t) + off * 0.5))
    s.line3(pts, (72, 70, 66), width)


def bare_tree(s: Scene, base: Vec, height: float, spread: float, color=(70, 62, 54)):
    """A leafless November tree drawn as recursive branches."""
    rng = s.rng

    def branch(p: Vec, d: Vec, length: float, r: float, depth: int):
        q = add(p, mul(d, length))
        s.line3([p, q], color, r * 2)
        if depth == 0:
            return
        for _ in range(rng.choice((2, 2, 3))):
            nd = norm(add(d, (rng.uniform(-0.8, 0.8), rng.uniform(0.05, 0.6), rng.uniform(-0.5, 0.5))))
            branch(q, nd, length * rng.uniform(0.55, 0.75), r * 0.62, depth - 1)

    branch(base, (0, 1, 0), height * 0.42, spread * 0.05, 6)


# ----------------------------------------------------------------------------- front entrance


@photo(
    "front-door-clear-width",
    "Front entrance",
    "door_clear_width",
    "Front door: 30 1/2 in clear with the door open 90°; the storm door springs shut against the chair.",
    size=PORTRAIT,
    exif_rotated=True,
    warmth=OVERCAST,
)
def front_door_clear_width(s: Scene) -> None:
    s.camera(eye=(12.0, 54.0, -58.0), target=(17.0, 40.0, 20.0), hfov=62, roll=-1.2)
    rng = s.rng
    # sky-lit porch ceiling glow, then the porch slab
    s.poly([(0, 0), (s.W, 0), (s.W, s.H), (0, s.H)], None, grad=((0, 0), (0, s.H), [(150, 150, 146), (120, 118, 112)]))
    conc = tex_concrete(rng, 120, 80, 8)
    s.tex3((-50, 0, -80), (130, 0, 0), (0, 0, 80), conc)
    s.shade3([(-50, 0, -80), (80, 0, -80), (80, 0, 0), (-50, 0, 0)], (15, 0, -80), (15, 0, 0), 0.0, 0.25)
    # interior: a dim hallway with a wood floor, walls and the far end in shadow
    wood = tex_wood_floor(rng, 40, 200, 10, base=(128, 94, 64), along_x=False)
    s.tex3((-3, 0.6, 6), (37, 0, 0), (0, 0, 200), wood)
    s.poly3(
        [(-3, 0.6, 6), (-3, 0.6, 206), (-3, 100, 206), (-3, 100, 6)],
        grad=((-3, 60, 6), (-3, 60, 206), [(170, 158, 134), (70, 64, 54)]),
    )
    s.poly3(
        [(34, 0.6, 6), (34, 0.6, 206), (34, 100, 206), (34, 100, 6)],
        grad=((34, 60, 6), (34, 60, 206), [(186, 174, 150), (74, 68, 58)]),
    )
    s.poly3([(-3, 0.6, 206), (34, 0.6, 206), (34, 100, 206), (-3, 100, 206)], (60, 55, 47))
    for x in (-3, 34):
        s.poly3(
            [(x, 0.6, 6), (x, 0.6, 206), (x, 4.6, 206), (x, 4.6, 6)],
            grad=((x, 3, 6), (x, 3, 206), [(220, 214, 200), (80, 76, 68)]),
        )
        s.ao((x, 0.6, 6), (x, 0.6, 206), 3, 0.4)
    # the shoe bench on the right, a framed picture on the left wall
    s.box((20, 0.6, 58), (34, 18, 96), (96, 74, 52))
    s.poly3([(-2.9, 44, 60), (-2.9, 44, 84), (-2.9, 64, 84), (-2.9, 64, 60)], (60, 48, 36))
    s.poly3(
        [(-2.85, 46, 62), (-2.85, 46, 82), (-2.85, 62, 82), (-2.85, 62, 62)],
        grad=((-2.8, 62, 62), (-2.8, 46, 82), [(150, 170, 180), (110, 120, 96), (190, 170, 130)]),
    )
    s.poly3(
        [(-3, 96, 6), (34, 96, 6), (34, 96, 206), (-3, 96, 206)],
        grad=((15, 96, 6), (15, 96, 206), [(150, 146, 134), (60, 58, 52)]),
    )
    # runner rug down the hall
    rug = tex_carpet(rng, 26, 110, 8, (118, 52, 46))
    s.tex3((3, 0.75, 30), (26, 0, 0), (0, 0, 110), rug)
    s.shade3([(3, 0.8, 30), (29, 0.8, 30), (29, 0.8, 140), (3, 0.8, 140)], (15, 1, 30), (15, 1, 140), 0.1, 0.7)
    # the open door against the left wall of the hall, and its knob at 36 in
    door_slab(s, 0.25, 2.0, 2.0, 36.0, 80, (226, 222, 212), floor=0.6)
    s.shade3([(2.05, 0.6, 2), (2.05, 0.6, 36), (2.05, 80.6, 36), (2.05, 80.6, 2)], (2, 40, 2), (2, 40, 36), 0.0, 0.4)
    knob(s, (2.0, 36.6, 33.0), (1, 0, 0), color=(182, 150, 92))
    # jambs (6 in deep) and the latch-side stop; the aluminium threshold 1 1/4 in high
    s.box((-0.75, 0, 0), (0.0, 81, 6), (222, 218, 208), faces=("right",))
    s.box((33.0, 0, 0), (33.75, 81, 6), (222, 218, 208), faces=("left",))
    s.box((32.5, 1.25, 1.25), (33.0, 81, 2.0), (226, 222, 212))
    s.box((0, 81, 0), (33.0, 82, 6), (200, 196, 188), faces=("bottom",))
    s.box((-0.75, 0, -0.5), (33.75, 1.25, 4.0), (186, 186, 182), light=(0.2, 1, -0.6), amb=0.55)
    for i in range(9):
        z = -0.2 + i * 0.45
        s.line3([(-0.5, 1.27, z), (33.5, 1.27, z)], (120, 120, 118), 0.08)
    # siding wall with the opening, then the white casing
    siding = tex_siding(rng, 160, 120, 8, color=(188, 194, 186))
    W0, W1 = -64.0, 96.0
    s.tex3(
        (W0, 0, 0),
        (W1 - W0, 0, 0),
        (0, 120, 0),
        siding.transpose(Image.Transpose.FLIP_TOP_BOTTOM),
        clip3=[(W0, 0, 0), (-0.75, 0, 0), (-0.75, 120, 0), (W0, 120, 0)],
    )
    s.tex3(
        (W0, 0, 0),
        (W1 - W0, 0, 0),
        (0, 120, 0),
        siding.transpose(Image.Transpose.FLIP_TOP_BOTTOM),
        clip3=[(33.75, 0, 0), (W1, 0, 0), (W1, 120, 0), (33.75, 120, 0)],
    )
    s.tex3(
        (W0, 0, 0),
        (W1 - W0, 0, 0),
        (0, 120, 0),
        siding.transpose(Image.Transpose.FLIP_TOP_BOTTOM),
        clip3=[(-0.75, 82, 0), (33.75, 82, 0), (33.75, 120, 0), (-0.75, 120, 0)],
    )
    s.shade3([(W0, 0, -0.1), (W1, 0, -0.1), (W1, 120, -0.1), (W0, 120, -0.1)], (15, 120, 0), (15, 0, 0), 0.25, 0.0)
    casing(s, -0.75, 33.75, 82, 0.0, width=3.5)
    s.shadow3([(-4.25, 0, -0.8), (-0.75, 0, -0.8), (-0.75, 0, -3), (-4.25, 0, -3)], 6, 0.25)
    # storm door: aluminium frame and glass, hinged on the right, standing open toward us
    hx, hz = 37.5, -1.0
    ang = math.radians(78)
    dirv = norm((math.cos(ang) * -0.25 + 0.0, 0, -math.sin(ang)))
    width = 34.0
    far = add((hx, 0, hz), mul(dirv, width))
    frame = (205, 207, 208)
    s.poly3([(hx, 1, hz), far, add(far, (0, 80, 0)), (hx, 81, hz)], frame)
    s.shade3([(hx, 1, hz), far, add(far, (0, 80, 0)), (hx, 81, hz)], (hx, 40, hz), add(far, (0, 40, 0)), 0.0, 0.25)

    def on_door(u, y):
        return add((hx, y, hz), mul(dirv, u))

    glass = [on_door(2.5, 36), on_door(width - 2.5, 36), on_door(width - 2.5, 78), on_door(2.5, 78)]
    s.poly3(
        glass, grad=(on_door(2.5, 78), on_door(width - 2.5, 36), [(170, 180, 186), (120, 128, 132), (196, 204, 208)])
    )
    s.shade3(glass, on_door(0, 78), on_door(width, 40), 0.25, 0.0, color=(255, 255, 255))
    lower = [on_door(2.5, 4), on_door(width - 2.5, 4), on_door(width - 2.5, 32), on_door(2.5, 32)]
    s.poly3(lower, grad=(on_door(2.5, 32), on_door(width - 2.5, 4), [(150, 160, 166), (104, 110, 114)]))
    # the pneumatic closer near the top
    s.cylinder(add(on_door(6, 74), (0, 0, 0.8)), add(on_door(20, 74), (0, 0, 0.8)), 0.6, (196, 198, 200))
    # tape across the opening: hook on the door face, 30 1/2 in at the latch-side stop
    y_tape, z_tape = 30.0, 1.1
    s.tape3((2.0, y_tape, z_tape), (1, 0, 0), (0, 1, -0.15), 31.2, ppi=48, width=1.0)
    s.dim((2.0, y_tape + 5, z_tape), (32.5, y_tape + 5, z_tape), "30 1/2 in clear", offset=(0, -40))


# The front of the house, shared by the entrance photos. Door opening x 0..33 in the wall z = 0;
# porch 14 1/2 in high (two 7 1/4 in risers, 11 1/2 in tread), 48 in deep, x -14..46; a painted
# plywood ramp 34 in wide (x -14..20) laid over the steps: 14 in rise over 9 ft 4 in (1:8); one
# handrail at 32 in on the right of the steps; a 42 in concrete walk with a heaved slab.
PORCH = 14.5
RISER = 7.25
TREAD = 11.5
PX0, PX1, PZ0 = -14.0, 46.0, -48.0
RX0, RX1 = -14.0, 20.0
RAMP_RUN = 112.0
RAMP_TOP = 14.0
WALK_X0, WALK_X1 = -18.0, 24.0
HEAVED = (-304.0, -256.0)


def front_world(s: Scene, door_open=False, detail=1.0, grass_ppi=1.6, storm=True):
    rng = s.rng
    sky(s)
    # a bare tree far behind the house edge and a neighbour's lawn line
    bare_tree(s, (-260, 0, 260), 380, 300)
    bare_tree(s, (330, 0, 420), 420, 300, color=(84, 78, 70))
    # lawn and walk
    grass = tex_grass(rng, 900, 700, grass_ppi)
    s.tex3((-450, 0, 0), (900, 0, 0), (0, 0, -700), grass)
    walk_tex = tex_concrete(rng, 42, 260, 6, color=(170, 168, 160), stains=False)
    s.tex3((WALK_X0, 0.05, -160), (42, 0, 0), (0, 0, -260), walk_tex)
    for z in range(-160, -420, -48):
        s.line3([(WALK_X0, 0.1, z), (WALK_X1, 0.1, z)], (96, 94, 88), 0.35)
    s.ao((WALK_X0, 0, -160), (WALK_X0, 0, -420), 2, 0.25)
    s.ao((WALK_X1, 0, -160), (WALK_X1, 0, -420), 2, 0.25)
    # the heaved slab: its near edge lifted about an inch, with a dark lip and a crack
    z0, z1 = HEAVED
    s.shadow3([(WALK_X0, 0.06, z0), (WALK_X1, 0.06, z0), (WALK_X1, 0.06, z0 - 7), (WALK_X0, 0.06, z0 - 7)], 5, 0.35)
    lip = tex_concrete(rng, 42, 2, 24, color=(150, 146, 136), stains=False)
    s.tex3((WALK_X0, 1.3, z0), (42, 0.4, 0), (0, -1.3, 0), lip)
    slab_tex = tex_concrete(rng, 42, 48, 6, color=(178, 176, 168), stains=False)
    s.tex3((WALK_X0, 1.3, z0), (42, 0.4, 0), (0, -1.25, z1 - z0), slab_tex)
    s.shade3(
        [(WALK_X0, 1.3, z0), (WALK_X1, 1.7, z0), (WALK_X1, 0.4, z1), (WALK_X0, 0.05, z1)],
        (0, 1, z0),
        (0, 0, z1),
        0.1,
        0.0,
        color=(255, 255, 255),
    )
    crack(s, (WALK_X0 + 9, 0, z0 + 0.1), (WALK_X0 + 19, 0, z1), 0.9, jitter=1.6, steps=18)
    s.line3([(WALK_X0, 1.32, z0 - 0.05), (WALK_X1, 1.72, z0 - 0.05)], (214, 212, 204), 0.2)
    # the house: siding wall, foundation, a window, the eave
    s.poly3([(-420, 0, 0.5), (420, 0, 0.5), (420, 14, 0.5), (-420, 14, 0.5)], (150, 146, 138))
    siding = tex_siding(rng, 600, 150, 3.0, color=(190, 196, 188))
    plane_pieces(
        s,
        (-300, 164, 0),
        (600, 0, 0),
        (0, -150, 0),
        siding,
        [((-0.75 + 300) / 600, (164 - (PORCH + 82)) / 150, (33.75 + 300) / 600, 1.0)],
    )
    s.shade3(
        [(-300, 164, -0.1), (300, 164, -0.1), (300, 14, -0.1), (-300, 14, -0.1)], (0, 164, 0), (0, 14, 0), 0.28, 0.02
    )
    s.box((-300, 164, -14), (300, 172, 0), (236, 236, 230), faces=("bottom", "front"))
    s.box((-300, 172, -16), (300, 178, 0), (84, 80, 76), faces=("front",))
    # window left of the door
    wx0, wx1, wy0, wy1 = -66.0, -30.0, PORCH + 30, PORCH + 84
    s.box((wx0 - 4, wy0 - 4, -1.0), (wx1 + 4, wy1 + 4, 0), WHITE_TRIM)
    s.poly3(
        [(wx0, wy0, -1.05), (wx1, wy0, -1.05), (wx1, wy1, -1.05), (wx0, wy1, -1.05)],
        grad=((wx0, wy1, 0), (wx1, wy0, 0), [(150, 156, 160), (64, 66, 66), (96, 100, 102)]),
    )
    s.poly3(
        [(wx0 + 2, wy0, -1.07), (wx0 + 9, wy0, -1.07), (wx0 + 9, wy1, -1.07), (wx0 + 2, wy1, -1.07)],
        (176, 164, 140),
        alpha=90,
    )
    s.box((wx0, (wy0 + wy1) / 2 - 0.8, -1.4), (wx1, (wy0 + wy1) / 2 + 0.8, -1.0), WHITE_TRIM)
    s.box(((wx0 + wx1) / 2 - 0.6, wy0, -1.3), ((wx0 + wx1) / 2 + 0.6, wy1, -1.0), WHITE_TRIM)
    s.box((wx0 - 5, wy0 - 5.5, -2.5), (wx1 + 5, wy0 - 3.5, 0), WHITE_TRIM)
    # front door (closed or open 90°) behind the storm door, the casing, the porch light, the number
    if door_open:
        s.poly3([(0, PORCH + 0.6, 6), (33, PORCH + 0.6, 6), (33, PORCH + 80, 6), (0, PORCH + 80, 6)], (70, 62, 52))
    else:
        s.poly3([(0, PORCH, 2), (33, PORCH, 2), (33, PORCH + 81, 2), (0, PORCH + 81, 2)], (208, 204, 194))
        for za, zb in ((4.5, 14.5), (18.5, 28.5)):
            for ya, yb in ((6, 32), (38, 56), (61, 76)):
                s.poly3(
                    [(za, PORCH + ya, 1.95), (zb, PORCH + ya, 1.95), (zb, PORCH + yb, 1.95), (za, PORCH + yb, 1.95)],
                    grad=((za, PORCH + yb, 2), (za, PORCH + ya, 2), [(214, 210, 200), (188, 184, 174)]),
                )
        s.box((29.5, PORCH + 35.2, 0.4), (31.0, PORCH + 36.8, 2.0), (176, 150, 96))
    s.box((-0.75, PORCH, 0), (0.0, PORCH + 81, 2), (214, 210, 200), faces=("right",))
    s.box((33.0, PORCH, 0), (33.75, PORCH + 81, 2), (214, 210, 200), faces=("left",))
    casing(s, -0.75, 33.75, PORCH + 82, 0.0, floor=PORCH)
    s.box((-14, PORCH + 62, -3.5), (-9, PORCH + 72, 0), (40, 40, 38))
    s.poly3(
        [(-13.2, PORCH + 63, -3.55), (-9.8, PORCH + 63, -3.55), (-9.8, PORCH + 70, -3.55), (-13.2, PORCH + 70, -3.55)],
        (120, 112, 90),
    )
    for i, ch in enumerate("412"):
        s.text(
            s.P((40.5 + i * 3.2, PORCH + 70, -0.6)),
            ch,
            s.cam.focal * 3.6 / s.cam.depth((40, PORCH + 70, 0)) / SS,
            (30, 30, 28),
            bold=True,
        )
    # storm door: aluminium, full glass, closed over the entry
    frame = (204, 206, 207)
    if not storm:
        return porch_and_ramp(s, detail)
    sz = -2.2
    s.box((-0.5, PORCH + 0.2, sz - 1), (33.5, PORCH + 81, sz), frame)
    s.poly3(
        [
            (2.5, PORCH + 34, sz - 1.05),
            (30.5, PORCH + 34, sz - 1.05),
            (30.5, PORCH + 78, sz - 1.05),
            (2.5, PORCH + 78, sz - 1.05),
        ],
        grad=(
            (2.5, PORCH + 78, sz),
            (30.5, PORCH + 34, sz),
            [(150, 158, 164), (62, 66, 70), (92, 98, 102), (150, 156, 160)],
        ),
        alpha=200,
    )
    s.shade3(
        [
            (2.5, PORCH + 34, sz - 1.1),
            (30.5, PORCH + 34, sz - 1.1),
            (30.5, PORCH + 78, sz - 1.1),
            (2.5, PORCH + 78, sz - 1.1),
        ],
        (8, PORCH + 78, sz),
        (24, PORCH + 40, sz),
        0.0,
        0.3,
        color=(230, 234, 236),
    )
    s.poly3(
        [
            (2.5, PORCH + 4, sz - 1.05),
            (30.5, PORCH + 4, sz - 1.05),
            (30.5, PORCH + 30, sz - 1.05),
            (2.5, PORCH + 30, sz - 1.05),
        ],
        grad=((2.5, PORCH + 30, sz), (30.5, PORCH + 4, sz), [(120, 126, 130), (70, 74, 76)]),
        alpha=200,
    )
    s.box((27.5, PORCH + 35, sz - 2.2), (29.0, PORCH + 38, sz - 1), (60, 60, 60))
    s.cylinder((4, PORCH + 74, sz - 1.6), (20, PORCH + 74, sz - 1.6), 0.55, (190, 192, 194))
    porch_and_ramp(s, detail)


def porch_and_ramp(s: Scene, detail=1.0):
    rng = s.rng
    # porch slab and the two steps (full width), concrete with worn edges, no contrasting nosing
    conc = lambda w, h: tex_concrete(rng, w, h, 4, color=(168, 165, 156))  # noqa: E731
    tex_box(s, (PX0, 0, PZ0), (PX1, PORCH, 0), conc)
    tex_box(s, (PX0, 0, PZ0 - TREAD), (PX1, RISER, PZ0), conc)
    s.ao((PX0, PORCH, -0.3), (PX1, PORCH, -0.3), 4, 0.35)
    s.ao((PX0, RISER, PZ0), (PX1, RISER, PZ0), 2.5, 0.3)
    s.ao((PX0, 0, PZ0 - TREAD), (PX1, 0, PZ0 - TREAD), 3, 0.3)
    # shrubs along the foundation on both sides of the porch
    shrub(s, (-50, 12, -22), 30, 26, 16)
    shrub(s, (-100, 10, -20), 26, 22, 15, color=(58, 74, 46))
    shrub(s, (78, 12, -22), 28, 26, 16)
    if s.cam.eye[0] < 20:
        rail(s)
        tex_box(s, (PX0, 0, PZ0 - TREAD), (PX1, RISER, PZ0), conc)
    ramp(s, detail)
    if s.cam.eye[0] >= 20:
        rail(s)


def ramp_y(z: float) -> float:
    """Height of the ramp surface at ``z`` (top at the porch edge, ground 112 in out)."""
    return max(0.0, RAMP_TOP * (1 - (PZ0 - z) / RAMP_RUN)) + 0.75


def ramp(s: Scene, detail=1.0):
    rng = s.rng
    zb = PZ0 - RAMP_RUN
    # 2x4 framing under the open sides, visible as dark gaps and joist ends
    for x in (RX0 + 0.5, RX1 - 2.0):
        s.poly3(
            [
                (x, 0, zb + 4),
                (x, 0, PZ0 - TREAD),
                (x, ramp_y(PZ0 - TREAD) - 0.75, PZ0 - TREAD),
                (x, ramp_y(zb + 4) - 0.75, zb + 4),
            ],
            (70, 62, 50),
        )
    side = (RX0, RX1)
    for x in side:
        pts = [
            (x, 0.0, zb),
            (x, 0.0, PZ0 - TREAD),
            (x, ramp_y(PZ0 - TREAD) - 0.75, PZ0 - TREAD),
            (x, RISER, PZ0 - TREAD),
            (x, RISER, PZ0),
            (x, ramp_y(PZ0) - 0.75, PZ0),
        ]
        s.poly3(pts, (36, 32, 28))
    for x in side:
        n = (-1, 0, 0) if x == RX0 else (1, 0, 0)
        if s.visible((x, 6, PZ0 - 50), n):
            s.poly3(
                [(x, ramp_y(zb) - 0.75, zb), (x, ramp_y(PZ0), PZ0), (x, ramp_y(PZ0) - 0.75, PZ0), (x, 0.0, zb)],
                (150, 138, 112),
            )
            for z in range(int(zb) + 16, int(PZ0), 24):
                s.poly3(
                    [(x, 0, z), (x, 0, z + 3.5), (x, ramp_y(z + 3.5) - 0.75, z + 3.5), (x, ramp_y(z) - 0.75, z)],
                    (128, 110, 84),
                )
    # the painted plywood deck: grey porch paint, worn along the wheel tracks, sheet joints and screws
    deck = tex_plain(rng, (340, 1120), (132, 136, 134), grain=0.18, cell=30)
    d = ImageDraw.Draw(deck, "RGBA")
    for x in (70, 270):
        d.rectangle([x - 28, 0, x + 28, 1120], fill=(150, 128, 98, 60))
    d.line([(0, 480), (340, 480)], fill=(70, 72, 70, 255), width=3)
    for y in range(30, 1120, 120):
        for x in (12, 170, 328):
            d.ellipse([x - 3, y - 3, x + 3, y + 3], fill=(80, 80, 76, 255))
    s.tex3((RX0, ramp_y(PZ0), PZ0), (RX1 - RX0, 0, 0), (0, ramp_y(zb) - ramp_y(PZ0), zb - PZ0), deck)
    s.shade3(
        [(RX0, ramp_y(PZ0), PZ0), (RX1, ramp_y(PZ0), PZ0), (RX1, ramp_y(zb), zb), (RX0, ramp_y(zb), zb)],
        (0, 14, PZ0),
        (0, 0, zb),
        0.12,
        0.0,
    )
    s.poly3([(RX0, ramp_y(zb), zb), (RX1, ramp_y(zb), zb), (RX1, 0, zb - 0.5), (RX0, 0, zb - 0.5)], (110, 112, 108))
    s.shadow3([(RX1, 0.1, zb), (RX1 + 5, 0.1, zb + 10), (RX1 + 5, 0.1, PZ0 - TREAD), (RX1, 0.1, PZ0 - TREAD)], 6, 0.25)


def rail(s: Scene):
    """The single handrail on the right of the steps: black steel pipe, 32 in above the nosings."""
    x = 43.0
    black = (40, 40, 40)
    pts = [(x, 32.0, PZ0 - TREAD - 12), (x, 32.0, PZ0 - TREAD), (x, 32 + RISER, PZ0), (x, 32 + PORCH, PZ0 + 12)]
    for a, b in zip(pts, pts[1:], strict=False):
        s.cylinder(a, b, 0.8, black, highlight=0.25)
    for base, top in (
        ((x, 0, PZ0 - TREAD - 10), (x, 32.0, PZ0 - TREAD - 10)),
        ((x, PORCH, PZ0 + 10), (x, 32 + PORCH, PZ0 + 10)),
        ((x, RISER, PZ0 - 4), (x, 31.0 + RISER, PZ0 - 4)),
    ):
        s.shadow3(s.ring(add(base, (1.5, 0.05, 1.0)), (1, 0, 0), (0, 0, 1), 2.2, 1.6), 3, 0.4)
        s.cylinder(base, top, 0.8 if base[1] != RISER else 0.55, black, highlight=0.25, caps=False)


@photo(
    "front-entrance-overview",
    "Front entrance",
    None,
    "Front entrance from the walk: two concrete steps to a small porch, a painted plywood ramp laid over the steps "
    "(no rails, no edge protection), one handrail on the right of the steps, aluminum storm door.",
    warmth=OVERCAST,
)
def front_entrance_overview(s: Scene) -> None:
    s.camera(eye=(96.0, 62.0, -240.0), target=(6.0, 34.0, -40.0), hfov=58, roll=0.8)
    front_world(s)


@photo(
    "front-ramp-slope",
    "Front entrance",
    "ramp_slope",
    "Plywood ramp over the entry steps: 1:8 running slope (a 24 in level needs 3 in under its low end); "
    "14 in rise, 34 in wide, no handrails or edge protection.",
    warmth=OVERCAST,
)
def front_ramp_slope(s: Scene) -> None:
    s.camera(eye=(-44.0, 34.0, -122.0), target=(-1.0, 9.0, -84.0), hfov=44, roll=-1.0)
    front_world(s, grass_ppi=3.0)
    # a 24 in level resting on the ramp at its uphill end, held level: 3 in gap at the downhill end
    x, zu, zd = -2.0, -70.0, -94.0
    yb = ramp_y(zu)
    s.shadow3(
        [
            (x - 1, ramp_y(zu) + 0.05, zu),
            (x + 2, ramp_y(zu) + 0.05, zu),
            (x + 2, ramp_y(zd) + 0.05, zd),
            (x - 1, ramp_y(zd) + 0.05, zd),
        ],
        8,
        0.35,
    )
    s.box((x - 0.75, yb, zd), (x + 0.75, yb + 2.6, zu), (196, 198, 196), light=(-0.6, 0.8, -0.2))
    s.box((x - 0.78, yb - 0.02, zd - 0.4), (x + 0.78, yb + 2.62, zd + 0.8), (40, 40, 40))
    s.box((x - 0.78, yb - 0.02, zu - 0.8), (x + 0.78, yb + 2.62, zu + 0.4), (40, 40, 40))
    zc = (zu + zd) / 2
    s.poly3(
        [
            (x - 0.8, yb + 0.6, zc - 2.2),
            (x - 0.8, yb + 0.6, zc + 2.2),
            (x - 0.8, yb + 2.0, zc + 2.2),
            (x - 0.8, yb + 2.0, zc - 2.2),
        ],
        (26, 26, 26),
    )
    s.poly3(
        [
            (x - 0.82, yb + 0.85, zc - 1.8),
            (x - 0.82, yb + 0.85, zc + 1.8),
            (x - 0.82, yb + 1.75, zc + 1.8),
            (x - 0.82, yb + 1.75, zc - 1.8),
        ],
        grad=((x, yb + 1.75, zc), (x, yb + 0.85, zc), [(214, 232, 120), (150, 190, 60)]),
    )
    bub = s.P((x - 0.84, yb + 1.3, zc))
    r = s.cam.focal * 0.42 / s.cam.depth((x, yb, zc))
    s.img_ellipse(bub, r, (236, 246, 200))
    for dz in (-0.55, 0.55):
        s.line3([(x - 0.84, yb + 0.85, zc + dz), (x - 0.84, yb + 1.75, zc + dz)], (30, 30, 30), 0.08)
    # tape standing on the deck under the low end: reads 3 in at the level's underside
    s.tape3((x - 1.0, ramp_y(zd - 0.7), zd - 0.7), (0, 1, 0), (0, 0, 1), 5.0, ppi=60, width=1.0, case_size=2.6)
    s.dim((x - 1.0, ramp_y(zd - 0.7), zd - 3.0), (x - 1.0, yb, zd - 3.0), "3 in", offset=(-70, 0))
    s.note((x - 0.8, yb + 1.3, zc), (0.3, 0.16), "1:8 running slope (3 in over 24 in)")


@photo(
    "front-entry-step-riser",
    "Front entrance",
    "entry_step_height",
    "Entry steps beside the ramp: 7 1/4 in risers and 11 1/2 in treads, no contrasting edge marking; "
    "single handrail on the right at 32 in.",
    warmth=OVERCAST,
)
def front_entry_step_riser(s: Scene) -> None:
    s.camera(eye=(30.0, 28.0, -100.0), target=(27.0, 5.0, -58.0), hfov=50, roll=1.0)
    front_world(s, grass_ppi=3.0)
    z = PZ0 - TREAD - 0.35
    s.tape3((30.0, 0.0, z), (0, 1, 0), (-1, 0, 0), 10.0, ppi=48, width=1.0)
    s.note((30.0, RISER, z), (0.72, 0.5), "7 1/4 in riser")


@photo(
    "front-walk-heaved-slab",
    "Front entrance",
    "path_surface_firm",
    "Front walk: a heaved slab halfway up, its raised edge across the whole width of the path.",
    warmth=OVERCAST,
)
def front_walk_heaved_slab(s: Scene) -> None:
    s.camera(eye=(12.0, 52.0, -362.0), target=(2.0, 4.0, -250.0), hfov=58, roll=-0.6)
    front_world(s, grass_ppi=3.0)


@photo(
    "front-door-threshold",
    "Front entrance",
    "threshold_height",
    "Front door threshold: raised aluminum saddle 1 1/4 in high with a square edge (not bevelled).",
    warmth=OVERCAST,
    vignette=0.3,
)
def front_door_threshold(s: Scene) -> None:
    rng = s.rng
    s.camera(eye=(26.0, 15.0, -20.0), target=(15.0, 1.2, 2.0), hfov=52, roll=-2.0)
    # background first: the hall floor inside, the jambs, the open door's bottom edge; then soften it
    wood = tex_wood_floor(rng, 40, 60, 16, base=(128, 94, 64), along_x=False)
    s.poly([(0, 0), (s.W, 0), (s.W, s.H), (0, s.H)], (80, 72, 62))
    s.tex3((-3, 0.6, 4), (37, 0, 0), (0, 0, 60), wood)
    s.shade3([(-3, 0.6, 4), (34, 0.6, 4), (34, 0.6, 64), (-3, 0.6, 64)], (0, 0, 4), (0, 0, 64), 0.1, 0.6)
    rug = tex_carpet(rng, 26, 40, 14, (118, 52, 46))
    s.tex3((4, 0.75, 22), (26, 0, 0), (0, 0, 40), rug)
    door_slab(s, 0.25, 2.0, 2.0, 36.0, 80, (226, 222, 212), floor=0.6, panels=False)
    s.box((-4.0, 0, -1), (0.0, 30, 6), (222, 218, 208), faces=("right",))
    s.box((33.0, 0, -1), (37.0, 30, 6), (222, 218, 208), faces=("left",))
    s.blur_all(2.2)
    # porch concrete and the threshold: aluminium, ribbed top, square 1 1/4 in front edge
    conc = tex_concrete(rng, 60, 40, 20, color=(164, 161, 152))
    s.tex3((-12, 0, -40), (60, 0, 0), (0, 0, 39.5), conc)
    s.shade3([(-12, 0, -40), (48, 0, -40), (48, 0, -0.5), (-12, 0, -0.5)], (0, 0, -40), (0, 0, 0), 0.0, 0.2)
    s.ao((-12, 0, -0.5), (48, 0, -0.5), 1.0, 0.55)
    alu = (188, 190, 190)
    s.box((-0.75, 0, -0.5), (33.75, 1.25, 4.0), alu, light=(0.3, 1, -0.5), amb=0.5)
    s.poly3(
        [(-0.75, 0, -0.52), (33.75, 0, -0.52), (33.75, 1.25, -0.52), (-0.75, 1.25, -0.52)],
        grad=((10, 1.25, -0.5), (10, 0, -0.5), [(214, 216, 216), (150, 152, 152), (120, 122, 122)]),
    )
    for i in range(10):
        z = -0.3 + i * 0.44
        s.line3([(-0.7, 1.27, z), (33.7, 1.27, z)], (112, 114, 114), 0.1)
        s.line3([(-0.7, 1.27, z + 0.12), (33.7, 1.27, z + 0.12)], (226, 228, 228), 0.06)
    for x in (3.0, 16.5, 30.0):
        c = s.P((x, 1.27, 1.75))
        r = s.cam.focal * 0.18 / s.cam.depth((x, 1.27, 1.75))
        s.img_ellipse(c, r, (96, 96, 94))
    s.box((-4.0, 0, -1.0), (-0.75, 24, 0.5), (226, 222, 212))
    s.box((33.75, 0, -1.0), (37.0, 24, 0.5), (226, 222, 212))
    s.ao((-0.75, 1.25, -0.5), (-0.75, 1.25, 4.0), 0.6, 0.4)
    # tape standing on the porch against the threshold's face
    s.tape3((12.0, 0.0, -0.95), (0, 1, 0), (-1, 0, 0), 3.4, ppi=90, width=1.0, case_size=2.8)
    s.note((12.0, 1.25, -0.95), (0.7, 0.24), "1 1/4 in, square edge")


# ----------------------------------------------------------------------------- interiors


def falloff(s: Scene, quad: list[Vec], light: Vec, reach: float, dark: float):
    """Darken a surface away from a light: ``dark`` is the opacity of black where no light reaches."""

    def b(p):
        d2 = dot(sub(p, light), sub(p, light))
        return reach * reach / (reach * reach + d2)

    near = min(quad, key=lambda p: dot(sub(p, light), sub(p, light)))
    far = max(quad, key=lambda p: dot(sub(p, light), sub(p, light)))
    s.shade3(quad, near, far, dark * (1 - b(near)), dark * (1 - b(far)))


def room(
    s: Scene,
    x0,
    x1,
    z0,
    z1,
    h,
    floor: Image.Image | tuple,
    wall=(222, 214, 198),
    ceiling=(238, 236, 230),
    holes: dict | None = None,
    walls=("left", "right", "back"),
    light: Vec | None = None,
    reach=110.0,
    dark=0.55,
    base=True,
    trim=WHITE_TRIM,
    wall_tex: dict | None = None,
    base_h=3.5,
    floor_y=0.0,
):
    """A plain room: floor, ceiling and walls (with rectangular holes), baseboards, corner shading, light falloff."""
    rng = s.rng
    holes = holes or {}
    wall_tex = wall_tex or {}
    light = light or ((x0 + x1) / 2, h - 10, (z0 + z1) / 2)
    fy = floor_y
    fq = [(x0, fy, z0), (x1, fy, z0), (x1, fy, z1), (x0, fy, z1)]
    if isinstance(floor, Image.Image):
        s.tex3((x0, fy, z1), (x1 - x0, 0, 0), (0, 0, z0 - z1), floor)
    else:
        s.poly3(fq, floor)
    falloff(s, fq, light, reach, dark)
    cq = [(x0, h, z0), (x1, h, z0), (x1, h, z1), (x0, h, z1)]
    s.poly3(cq, ceiling)
    falloff(s, cq, light, reach, dark * 0.9)
    specs = {  # origin (top-left), e1 (along, in plane), e2 (down), length
        "back": ((x0, h, z1), (x1 - x0, 0, 0), (0, -h + fy, 0)),
        "front": ((x1, h, z0), (x0 - x1, 0, 0), (0, -h + fy, 0)),
        "left": ((x0, h, z0), (0, 0, z1 - z0), (0, -h + fy, 0)),
        "right": ((x1, h, z1), (0, 0, z0 - z1), (0, -h + fy, 0)),
    }
    for name in walls:
        o, e1, e2 = specs[name]
        length = math.sqrt(dot(e1, e1))
        height = h - fy
        colour = wall_tex.get(name, wall)
        tex = (
            colour
            if isinstance(colour, Image.Image)
            else tex_plain(rng, (max(8, round(length * 1.5)), max(8, round(height * 1.5))), colour, grain=0.1, cell=16)
        )
        # holes are given in absolute coordinates: z for the side walls, x for the back and front walls
        start_at = {"back": x0, "front": x1, "left": z0, "right": z1}[name]
        sign = {"back": 1, "front": -1, "left": 1, "right": -1}[name]
        local = []
        for a0, y0, a1, y1 in holes.get(name, []):
            b0, b1 = sorted(((a0 - start_at) * sign, (a1 - start_at) * sign))
            local.append((b0, y0, b1, y1))
        fr = [(b0 / length, (h - y1) / height, b1 / length, (h - y0) / height) for (b0, y0, b1, y1) in local]
        plane_pieces(s, o, e1, e2, tex, fr)
        quad = s.quad(o, e1, e2)
        falloff(s, quad, light, reach, dark)
        if base:
            n = {"back": (0, 0, -1), "front": (0, 0, 1), "left": (1, 0, 0), "right": (-1, 0, 0)}[name]
            cuts = sorted([(b0, b1) for (b0, y0, b1, y1) in local if y0 <= fy + 0.01])
            spans, start = [], 0.0
            for a0, a1 in cuts:
                spans.append((start, a0))
                start = a1
            spans.append((start, length))
            u = norm(e1)
            for a0, a1 in spans:
                if a1 - a0 < 0.5:
                    continue
                p0 = add(add(o, mul(u, a0)), (0, -height, 0))
                p1 = add(add(o, mul(u, a1)), (0, -height, 0))
                q0, q1 = add(p0, mul(n, 0.6)), add(p1, mul(n, 0.6))
                top = [add(q0, (0, base_h, 0)), add(q1, (0, base_h, 0)), q1, q0]
                s.poly3(top, grad=(add(q0, (0, base_h, 0)), q0, [scale(trim, 1.0), scale(trim, 0.82)]))
                falloff(s, top, light, reach, dark)
                s.ao(p0, p1, 2.5, 0.35)
        corner_edges = {
            "back": [((x0, fy, z1), (x0, h, z1)), ((x1, fy, z1), (x1, h, z1)), ((x0, h, z1), (x1, h, z1))],
            "left": [((x0, h, z0), (x0, h, z1))],
            "right": [((x1, h, z0), (x1, h, z1))],
            "front": [],
        }[name]
        for a, b in corner_edges:
            s.ao(a, b, 5, 0.18)


def doorway_frame(
    s: Scene,
    wall_x0,
    wall_x1,
    z,
    opening,
    h_open=80.0,
    depth=4.5,
    wall=(222, 214, 198),
    floor_y=0.0,
    trim=WHITE_TRIM,
    light: Vec | None = None,
    casing_w=2.5,
):
    """A wall (facing -z at ``z``) with a door opening (x range) of jambs ``depth`` deep, trimmed with casing."""
    ox0, ox1 = opening
    height = 100.0
    tex = tex_plain(s.rng, (round((wall_x1 - wall_x0) * 1.5), 150), wall, grain=0.1, cell=16)
    plane_pieces(
        s,
        (wall_x0, height, z),
        (wall_x1 - wall_x0, 0, 0),
        (0, -height + floor_y, 0),
        tex,
        [
            (
                (ox0 - wall_x0) / (wall_x1 - wall_x0),
                (height - h_open) / (height - floor_y),
                (ox1 - wall_x0) / (wall_x1 - wall_x0),
                1.0,
            )
        ],
    )
    if light is not None:
        falloff(
            s,
            [(wall_x0, floor_y, z), (wall_x1, floor_y, z), (wall_x1, height, z), (wall_x0, height, z)],
            light,
            120,
            0.45,
        )
    s.box((ox0 - 0.75, floor_y, z), (ox0, h_open, z + depth), trim, faces=("right",))
    s.box((ox1, floor_y, z), (ox1 + 0.75, h_open, z + depth), trim, faces=("left",))
    s.box((ox0, h_open, z), (ox1, h_open + 0.75, z + depth), scale(trim, 0.85), faces=("bottom",))
    casing(s, ox0 - 0.75, ox1 + 0.75, h_open + 0.75, z, width=casing_w, depth=0.6, color=trim, floor=floor_y)
    for x in (wall_x0, ox1 + 0.75 + casing_w):
        x_end = ox0 - 0.75 - casing_w if x == wall_x0 else wall_x1
        s.poly3(
            [
                (x, floor_y, z - 0.5),
                (x_end, floor_y, z - 0.5),
                (x_end, floor_y + 3.5, z - 0.5),
                (x, floor_y + 3.5, z - 0.5),
            ],
            grad=((x, floor_y + 3.5, z), (x, floor_y, z), [trim, scale(trim, 0.82)]),
        )
        s.ao((x, floor_y, z - 0.6), (x_end, floor_y, z - 0.6), 2.5, 0.35)


def measure_door(s: Scene, door_face_x: float, stop_x: float, y: float, z: float, text: str, label_dy=-40):
    s.tape3((door_face_x, y, z), (1, 0, 0), (0, 1, -0.12), stop_x - door_face_x + 0.6, ppi=48, width=1.0)
    s.dim((door_face_x, y + 5, z), (stop_x, y + 5, z), text, offset=(0, label_dy))


def rug_curled(s: Scene, x0, x1, z0, z1, tex: Image.Image, curl: float = 7.0, lift: float = 1.6, y=0.05):
    """A flat runner whose near-right corner has curled up; ``tex`` covers the whole rug."""
    # flat part (everything but the corner triangle)
    poly = [(x0, y, z0), (x1 - curl, y, z0), (x1, y, z0 + curl), (x1, y, z1), (x0, y, z1)]
    s.shadow3(
        [(x0 - 0.5, 0.02, z0 - 0.5), (x1 + 0.5, 0.02, z0 - 0.5), (x1 + 0.5, 0.02, z1), (x0 - 0.5, 0.02, z1)], 3, 0.25
    )
    s.tex3((x0, y, z1), (x1 - x0, 0, 0), (0, 0, z0 - z1), tex, clip3=poly)
    # the curled corner: underside showing, lifted and rolled back over the rug
    tip = (x1 - curl * 0.35, y + lift, z0 + curl * 0.35)
    s.shadow3([(x1 - curl, 0.05, z0), (x1, 0.05, z0 + curl), (x1 + 1.2, 0.05, z0 - 0.6)], 4, 0.45)
    s.poly3(
        [(x1 - curl, y, z0), tip, (x1, y, z0 + curl)],
        grad=((x1 - curl, y, z0), tip, [(198, 186, 160), (226, 216, 192)]),
    )
    s.line3([(x1 - curl, y, z0), tip, (x1, y, z0 + curl)], (150, 138, 118), 0.15)
    for i in range(1, 5):
        t = i / 5
        s.line3([lerp3((x1 - curl, y, z0), tip, t), lerp3((x1, y, z0 + curl), tip, t)], (176, 164, 140), 0.06)


@photo(
    "hallway-runner-rug",
    "Hallway",
    "loose_rugs_present",
    "Front hall (2 ft 11 in wide): runner rug curling up at its edge on the hardwood; coat rack and shoe bench "
    "narrow the route; dark toward the kitchen with one switch by the front door.",
    warmth=INDOOR,
    vignette=0.35,
)
def hallway_runner_rug(s: Scene) -> None:
    rng = s.rng
    s.camera(eye=(8.0, 60.0, -16.0), target=(19.0, 22.0, 84.0), hfov=64, roll=1.2)
    x0, x1, z0, z1, h = 0.0, 35.0, -20.0, 190.0, 96.0
    # seen through the openings first: the living room on the left, the dark kitchen at the end
    carpet = tex_carpet(rng, 80, 70, 5, (150, 132, 108))
    s.tex3((-80, 0.6, 150), (80, 0, 0), (0, 0, -70), carpet)
    s.poly3([(-80, 0.6, 80), (-80, 96, 80), (-80, 96, 150), (-80, 0.6, 150)], (176, 166, 146))
    s.poly3([(-80, 0.6, 150), (0, 0.6, 150), (0, 96, 150), (-80, 96, 150)], (160, 150, 130))
    s.box((-70, 0.6, 118), (-40, 38, 146), (112, 86, 70))
    s.glow(s.P((-40, 50, 120)), s.W * 0.2, s.H * 0.25, (255, 236, 200), 0.35)
    s.poly3([(2, 0, z1 + 30), (32, 0, z1 + 30), (32, 90, z1 + 30), (2, 90, z1 + 30)], (36, 32, 27))
    s.poly3([(2, 0, z1), (32, 0, z1), (32, 0, z1 + 30), (2, 0, z1 + 30)], (48, 42, 36))
    wood = tex_wood_floor(rng, 35, 210, 10, base=(140, 102, 68), along_x=False)
    light = (17.0, 56.0, -30.0)
    room(
        s,
        x0,
        x1,
        z0,
        z1,
        h,
        wood,
        wall=(216, 206, 184),
        holes={"left": [(96, 0, 132, 80)], "back": [(2, 0, 32, 80)]},
        light=light,
        reach=140,
        dark=0.66,
    )
    s.poly3([(-0.05, 0.0, 96), (-0.05, 0.6, 96), (-0.05, 0.6, 132), (-0.05, 0.0, 132)], (86, 70, 54))
    for za, zb in ((95.25, 96), (132, 132.75)):
        s.box((-4.5, 0, za), (0, 80, zb), scale(WHITE_TRIM, 0.8), faces=("right",))
    for za, zb in ((92.5, 95.25), (132.75, 135.5)):
        s.poly3([(0.6, 0, za), (0.6, 82.5, za), (0.6, 82.5, zb), (0.6, 0, zb)], scale(WHITE_TRIM, 0.85))
    s.poly3([(0.6, 80, 92.5), (0.6, 82.5, 92.5), (0.6, 82.5, 135.5), (0.6, 80, 135.5)], scale(WHITE_TRIM, 0.85))
    for xa, xb in ((-0.5, 2), (32, 34.5)):
        s.poly3(
            [(xa, 0, z1 - 0.6), (xb, 0, z1 - 0.6), (xb, 82.5, z1 - 0.6), (xa, 82.5, z1 - 0.6)], scale(WHITE_TRIM, 0.5)
        )
    s.poly3(
        [(-0.5, 80, z1 - 0.6), (34.5, 80, z1 - 0.6), (34.5, 82.5, z1 - 0.6), (-0.5, 82.5, z1 - 0.6)],
        scale(WHITE_TRIM, 0.5),
    )
    # coat rack on the right wall with coats hanging, shoe bench below
    s.box((x1 - 0.8, 62, 40), (x1, 65.5, 84), (110, 82, 56))
    coats = [((58, 66, 86), 72), ((104, 76, 54), 64), ((150, 40, 40), 56), ((70, 72, 68), 48)]
    for col, z in coats:
        rings = []
        for y, rz, rx, dx in (
            (64.5, 1.5, 1.0, 1.2),
            (61, 7.5, 3.5, 4.0),
            (50, 8.5, 5.0, 5.2),
            (38, 9.0, 5.5, 5.8),
            (26, 9.5, 4.5, 5.2),
        ):
            rings += s.ring((x1 - dx, y, z), (1, 0, 0), (0, 0, 1), rx, rz, n=24)
        s.hull3(
            rings,
            None,
            grad=((x1 - 11, 50, z - 4), (x1, 50, z + 4), [scale(col, 1.05), scale(col, 0.72), scale(col, 0.4)]),
        )
        s.shade3([(x1 - 12, 64, z), (x1, 64, z), (x1, 24, z), (x1 - 12, 24, z)], (x1, 64, z), (x1, 24, z), 0.0, 0.25)
        for dz in (-4.0, 3.5):
            s.line3([(x1 - 9.8, 50, z + dz), (x1 - 10.3, 28, z + dz * 1.2)], scale(col, 0.6), 0.3)
    # a framed picture and the toggle switch on the left wall
    s.poly3([(0.3, 44, 40), (0.3, 44, 62), (0.3, 64, 62), (0.3, 64, 40)], (60, 48, 36))
    s.poly3(
        [(0.35, 46, 42), (0.35, 46, 60), (0.35, 62, 60), (0.35, 62, 42)],
        grad=((0.4, 62, 42), (0.4, 46, 60), [(150, 170, 180), (110, 120, 96), (190, 170, 130)]),
    )
    s.box((x1 - 14, 0, 34), (x1, 17, 86), (98, 72, 50), light=(-0.7, 0.7, -0.3))
    for i, z in enumerate((40, 52, 62, 74)):
        s.box((x1 - 13 + i % 2 * 2, 17, z), (x1 - 4 + i % 2 * 2, 21, z + 4), (36 + i * 12, 32, 30))
        s.box((x1 - 13, 0, z - 2 + i), (x1 - 3, 4, z + 2 + i), (30, 28, 26))
    # the runner, its near corner curled up
    rug = tex_carpet(rng, 26, 110, 8, (120, 48, 44))
    d = ImageDraw.Draw(rug)
    W, H = rug.size
    for inset, col in ((6, (196, 170, 120)), (14, (44, 52, 84)), (22, (196, 170, 120))):
        d.rectangle([inset, inset, W - inset, H - inset], outline=col, width=4)
    for k in range(5):
        cy = 90 + k * 170
        d.polygon(
            [(W / 2, cy - 60), (W / 2 + 50, cy), (W / 2, cy + 60), (W / 2 - 50, cy)], outline=(196, 170, 120), width=4
        )
    rug = rug.filter(ImageFilter.GaussianBlur(1.2))
    rug_curled(s, 4.5, 30.5, 50.0, 160.0, rug, curl=10.0, lift=2.8)
    s.note((28.0, 1.8, 53.0), (0.8, 0.86), "Curled edge")
    s.glow(s.P((17, 40, 10)), s.W * 0.5, s.H * 0.35, (255, 244, 220), 0.22)


def frame_of(facing: Vec):
    """Unit axes for an object facing ``facing`` (in the floor plane): (side, up, forward)."""
    f = norm((facing[0], 0.0, facing[2]))
    side = norm(cross((0.0, 1.0, 0.0), f))
    return side, (0.0, 1.0, 0.0), f


def at_local(origin: Vec, axes, x: float, y: float, z: float) -> Vec:
    side, up, f = axes
    return add(origin, add(add(mul(side, x), mul(up, y)), mul(f, z)))


def toilet(s: Scene, base: Vec, facing: Vec, seat_h: float, color=(238, 238, 234), lid_up=True):
    """A close-coupled toilet: ``base`` is the floor point under the tank's back, ``facing`` toward its front."""
    ax = frame_of(facing)
    L = lambda x, y, z: at_local(base, ax, x, y, z)  # noqa: E731
    side, up, f = ax
    shade = scale(color, 0.68)
    s.shadow3(s.ring(L(0, 0.05, 15), side, f, 11, 15), 10, 0.35)
    # tank
    s.obox(L(0, seat_h + 7.5, 4.2), side, up, f, 9.5, 7.5, 3.8, color, amb=0.7)
    s.obox(L(0, seat_h + 15.4, 4.2), side, up, f, 10.0, 0.6, 4.3, scale(color, 1.02), amb=0.75)
    s.cylinder(L(-7.5, seat_h + 13, 8.3), L(-5.2, seat_h + 13, 8.3), 0.45, (200, 200, 204))
    # pedestal (trapway) and bowl
    foot = s.ring(L(0, 0, 13), side, f, 5.0, 7.0)
    neck = s.ring(L(0, seat_h - 6, 15.5), side, f, 6.0, 8.5)
    s.hull3(foot + neck, None, grad=(L(-7, 6, 15), L(7, 6, 15), [scale(color, 0.98), shade]))
    rim_lo = s.ring(L(0, seat_h - 4.5, 17), side, f, 7.0, 9.5)
    rim_hi = s.ring(L(0, seat_h - 1.3, 17), side, f, 7.2, 9.8)
    s.hull3(rim_lo + rim_hi, None, grad=(L(-8, seat_h - 2, 17), L(8, seat_h - 2, 17), [color, scale(color, 0.75)]))
    s.ao(L(-5, 0.1, 10), L(5, 0.1, 10), 2, 0.3)
    # seat and the opening, then the lid raised against the tank
    seat = s.ring(L(0, seat_h, 17.2), side, f, 7.4, 10.0)
    s.hull3(
        seat + s.ring(L(0, seat_h - 1.2, 17.2), side, f, 7.4, 10.0),
        None,
        grad=(L(0, seat_h, 26), L(0, seat_h, 8), [scale(color, 0.82), scale(color, 0.95)]),
    )
    s.hull3(seat, None, grad=(L(-6, seat_h, 12), L(6, seat_h, 24), [scale(color, 1.04), scale(color, 0.9)]))
    hole = s.ring(L(0, seat_h + 0.05, 18.0), side, f, 4.4, 6.2)
    s.hull3(hole, None, grad=(L(0, seat_h, 12), L(0, seat_h, 24), [(150, 156, 160), (204, 210, 212)]))
    water = s.ring(L(0, seat_h + 0.06, 16.5), side, f, 2.6, 3.4)
    s.hull3(water, (176, 192, 200), alpha=120)
    if lid_up:
        lid = s.ring(L(0, seat_h + 9.5, 7.6), side, up, 7.2, 9.0)
        lid_back = s.ring(L(0, seat_h + 9.5, 6.6), side, up, 7.2, 9.0)
        s.hull3(lid + lid_back, scale(color, 0.8))
        s.hull3(
            lid, None, grad=(L(-7, seat_h + 16, 7.6), L(7, seat_h + 2, 7.6), [scale(color, 1.02), scale(color, 0.86)])
        )


def pedestal_sink(s: Scene, base: Vec, facing: Vec, rim_h: float, color=(240, 240, 236), lever=True):
    ax = frame_of(facing)
    side, up, f = ax
    L = lambda x, y, z: at_local(base, ax, x, y, z)  # noqa: E731
    s.shadow3(s.ring(L(0, 0.05, 8), side, f, 7, 6), 8, 0.3)
    s.hull3(
        s.ring(L(0, 0, 6), side, f, 3.6, 2.8) + s.ring(L(0, rim_h - 8, 6), side, f, 2.8, 2.3),
        None,
        grad=(L(-4, 10, 6), L(4, 10, 6), [color, scale(color, 0.66)]),
    )
    top = s.ring(L(0, rim_h, 8), side, f, 9.5, 8.0)
    low = s.ring(L(0, rim_h - 6.5, 7), side, f, 7.0, 5.5)
    s.hull3(top + low, None, grad=(L(0, rim_h, 9), L(0, rim_h - 7, 9), [color, scale(color, 0.72)]))
    s.hull3(top, None, grad=(L(-10, rim_h, 9), L(10, rim_h, 9), [scale(color, 1.02), scale(color, 0.9)]))
    s.hull3(
        s.ring(L(0, rim_h + 0.05, 9), side, f, 7.0, 5.4),
        None,
        grad=(L(0, rim_h, 4), L(0, rim_h, 16), [(170, 174, 176), (226, 228, 228)]),
    )
    if lever:
        s.cylinder(L(0, rim_h + 0.2, 2.2), L(0, rim_h + 4.5, 2.2), 0.7, (200, 202, 206))
        s.cylinder(L(0, rim_h + 4.2, 2.2), L(0, rim_h + 3.6, 6.0), 0.4, (214, 216, 220))
        s.cylinder(L(0, rim_h + 4.8, 2.0), L(0, rim_h + 5.3, -0.8), 0.3, (214, 216, 220))


def wheelchair(s: Scene, base: Vec, facing: Vec, seat_h=19.5, width=26.0):
    """A standard manual wheelchair; ``base`` is the floor point under the middle of the seat."""
    ax = frame_of(facing)
    side, up, f = ax
    L = lambda x, y, z: at_local(base, ax, x, y, z)  # noqa: E731
    metal, black, tyre = (196, 198, 202), (34, 34, 36), (40, 40, 42)
    half = width / 2
    s.shadow3(s.ring(L(0, 0.05, 0), side, f, half + 2, 20), 14, 0.4)
    # which side is nearer the camera: draw the far side first
    near_sign = 1 if s.cam.depth(L(half, 0, 0)) < s.cam.depth(L(-half, 0, 0)) else -1
    order = (-near_sign, near_sign)

    def wheel(sg):
        c = L(sg * (half - 1.2), 12, -6)
        s.line3(s.ring(c, f, up, 11.4, n=60), tyre, 1.5)
        s.line3(s.ring(c, f, up, 10.5, n=60), (150, 152, 156), 0.5)
        hub = c
        for i in range(18):
            a = i / 18 * 2 * math.pi
            rim_pt = add(c, add(mul(f, 10.4 * math.cos(a)), mul(up, 10.4 * math.sin(a))))
            s.line3([add(hub, mul(side, sg * 1.2)), rim_pt], (170, 172, 176), 0.08)
        s.line3(s.ring(add(c, mul(side, sg * 1.4)), f, up, 10.0, n=60), metal, 0.35)
        s.img_ellipse(s.P(c), s.cam.focal * 1.1 / s.cam.depth(c), (90, 92, 96))

    def caster(sg):
        c = L(sg * (half - 4), 4, 13)
        s.line3(s.ring(c, f, up, 3.8, n=30), tyre, 1.2)
        s.cylinder(add(c, (0, 0, 0)), L(sg * (half - 4), 12.5, 12.5), 0.45, metal)

    def frame(sg):
        x = sg * (half - 3.4)
        s.cylinder(L(x, seat_h - 2.5, -8), L(x, seat_h - 2.5, 11), 0.55, metal)
        s.cylinder(L(x, 12.5, 12.5), L(x, seat_h - 2.5, 11), 0.55, metal)
        s.cylinder(L(x, 7, -7), L(x, 36, -9.5), 0.55, metal)
        s.cylinder(L(x, 36, -9.5), L(x, 37, -13.5), 0.6, black)
        s.cylinder(L(x, seat_h - 2.5, 11), L(x, 6, 19), 0.5, metal)
        s.obox(L(x * 0.75, 5.2, 20.5), side, up, f, 2.8, 0.3, 2.6, (52, 52, 54))
        s.obox(L(x, 28.5, 0), side, up, f, 1.1, 0.8, 7.5, black)
        s.cylinder(L(x, seat_h - 2, 2), L(x, 27.8, 2), 0.45, metal)
        s.cylinder(L(x, seat_h - 2, -6), L(x, 27.8, -6), 0.45, metal)

    for sg in order:
        if sg == order[0]:
            wheel(sg)
            caster(sg)
            frame(sg)
    # sling back and cushion
    s.obox(L(0, 28, -8.8), side, up, f, half - 3.2, 8.5, 0.6, black, amb=0.55)
    s.obox(L(0, seat_h - 1.5, 1.5), side, up, f, half - 3.6, 1.5, 8.5, (46, 48, 54), amb=0.6)
    sg = order[1]
    frame(sg)
    caster(sg)
    wheel(sg)


def upholstered(s: Scene, lo: Vec, hi: Vec, color, tex: Image.Image | None = None, light=(-0.4, 0.8, -0.45)):
    """A soft block: a box with rounded-looking top edges (a highlight roll along the top front)."""
    s.box(lo, hi, color, light=light, amb=0.6, ao=0.2)
    if tex is not None:
        (x0, _, z0), (x1, y1, z1) = lo, hi
        if s.visible(((x0 + x1) / 2, y1, (z0 + z1) / 2), (0, 1, 0)):
            s.tex3((x0, y1, z1), (x1 - x0, 0, 0), (0, 0, z0 - z1), tex, alpha=110)


@photo(
    "living-room-recliner-and-cords",
    "Living room",
    "furniture_path_width",
    "Living room: the rocking recliner she has slept in since discharge; coffee table and side tables leave a 30 in "
    "path, with a lamp cord across it.",
    warmth=INDOOR,
    vignette=0.3,
)
def living_room(s: Scene) -> None:
    rng = s.rng
    s.camera(eye=(124.0, 58.0, 12.0), target=(54.0, 16.0, 114.0), hfov=64, roll=-0.8)
    X0, X1, Z0, Z1, H = -20.0, 170.0, -40.0, 190.0, 96.0
    carpet = tex_carpet(rng, X1 - X0, Z1 - Z0, 4, (150, 138, 116), rough=0.8)
    light = (120.0, 60.0, 186.0)
    room(
        s,
        X0,
        X1,
        Z0,
        Z1,
        H,
        carpet,
        wall=(206, 196, 170),
        holes={"back": [(86, 30, 146, 82)]},
        light=light,
        reach=170,
        dark=0.62,
    )
    # window with daylight and curtains on the back wall
    s.poly3(
        [(86, 30, Z1 + 0.2), (146, 30, Z1 + 0.2), (146, 82, Z1 + 0.2), (86, 82, Z1 + 0.2)],
        grad=((86, 82, Z1), (146, 30, Z1), [(232, 236, 236), (196, 206, 210), (214, 220, 218)]),
    )
    for xa in (86 + 29, 86 + 29.6):
        s.box((xa, 30, Z1 - 1), (xa + 1.2, 82, Z1), WHITE_TRIM)
    s.box((84, 28.5, Z1 - 3), (148, 30, Z1), WHITE_TRIM)
    for xa, xb in ((74, 92), (140, 158)):
        s.poly3(
            [(xa, 2, Z1 - 3), (xb, 2, Z1 - 3), (xb, 88, Z1 - 3), (xa, 88, Z1 - 3)],
            grad=((xa, 50, Z1), (xb, 50, Z1), [(150, 110, 84), (186, 146, 110), (130, 96, 74), (176, 136, 102)]),
        )
    s.cylinder((70, 89, Z1 - 3.5), (162, 89, Z1 - 3.5), 0.6, (90, 70, 50))
    s.glow(s.P((116, 40, Z1 - 20)), s.W * 0.3, s.H * 0.3, (255, 250, 236), 0.25)
    # area rug by the chair (loose), the TV stand on the right wall
    rug = tex_carpet(rng, 60, 44, 6, (104, 110, 130))
    s.shadow3([(20, 0.05, 70), (80, 0.05, 70), (80, 0.05, 114), (20, 0.05, 114)], 2, 0.2)
    s.tex3((20, 0.3, 114), (60, 0, 0), (0, 0, -44), rug)
    s.box((X1 - 18, 0, 70), (X1, 22, 140), (88, 64, 46), light=(-0.8, 0.6, -0.3))
    s.box((X1 - 10, 22, 80), (X1 - 7, 54, 130), (30, 30, 32), light=(-0.8, 0.6, -0.3))
    s.poly3(
        [(X1 - 10.1, 24, 81), (X1 - 10.1, 24, 129), (X1 - 10.1, 52.5, 129), (X1 - 10.1, 52.5, 81)],
        grad=((X1 - 10, 52, 81), (X1 - 10, 24, 129), [(60, 64, 70), (18, 18, 20)]),
    )
    # coffee table (its legs first), 30 in clear of the recliner's arm
    wood = (112, 76, 48)
    tx0, tx1, tz0, tz1 = 88.0, 136.0, 92.0, 122.0
    for x, z in ((tx1 - 2, tz1 - 2), (tx0 + 2, tz1 - 2), (tx1 - 2, tz0 + 2), (tx0 + 2, tz0 + 2)):
        s.box((x - 1, 0, z - 1), (x + 1, 16, z + 1), scale(wood, 0.8))
    s.shadow3([(tx0, 0.05, tz0), (tx1, 0.05, tz0), (tx1, 0.05, tz1), (tx0, 0.05, tz1)], 8, 0.3)
    s.box((tx0, 16, tz0), (tx1, 18, tz1), wood, top_color=(124, 86, 56))
    s.box((tx0 + 8, 18, tz0 + 6), (tx0 + 20, 19.5, tz0 + 14), (200, 60, 50))
    # the recliner (seat 17 in, padded arms, a folded blanket and a pillow on it), facing the TV
    fab = (120, 92, 72)
    cx, cz = 38.0, 118.0
    s.box((cx - 18, 0, cz + 22), (cx + 2, 24, cz + 42), wood, top_color=(124, 86, 56))
    s.box((cx - 14, 24, cz + 28), (cx - 2, 25.5, cz + 36), (60, 90, 120))
    s.shadow3(
        [(cx - 22, 0.05, cz - 20), (cx + 24, 0.05, cz - 22), (cx + 24, 0.05, cz + 22), (cx - 22, 0.05, cz + 20)],
        10,
        0.45,
    )
    upholstered(s, (cx - 20, 0, cz - 17), (cx - 8, 40, cz + 17), scale(fab, 0.95))
    s.cylinder((cx - 14, 38, cz - 12), (cx - 14, 38, cz + 12), 5.0, fab, highlight=0.15)
    upholstered(s, (cx - 12, 0, cz - 17), (cx + 20, 14, cz + 17), scale(fab, 0.85))
    upholstered(s, (cx - 10, 12, cz - 12), (cx + 18, 17, cz + 12), fab)
    s.hull3(
        s.ring((cx - 7, 30, cz + 1), (0.3, 1, 0), (0, 0, 1), 6, 8),
        None,
        grad=((cx - 7, 36, cz), (cx - 7, 24, cz), [(236, 232, 222), (196, 192, 182)]),
    )
    s.box((cx - 4, 17, cz - 10), (cx + 10, 20.5, cz + 2), (132, 140, 166), top_color=(150, 158, 184))
    for zz in (cz + 11, cz - 17):
        upholstered(s, (cx - 18, 0, zz), (cx + 20, 24, zz + 6), scale(fab, 0.92))
        s.cylinder((cx - 18, 24, zz + 3), (cx + 20, 24, zz + 3), 3.0, scale(fab, 0.92), highlight=0.15)
    # side table with the lamp, nearer to us
    sz0 = cz - 44
    s.box((cx - 18, 0, sz0), (cx + 2, 24, sz0 + 20), wood, top_color=(124, 86, 56))
    s.cylinder((cx - 8, 24, sz0 + 10), (cx - 8, 40, sz0 + 10), 0.6, (180, 160, 110))
    shade_lo = s.ring((cx - 8, 40, sz0 + 10), (1, 0, 0), (0, 0, 1), 8, 8)
    shade_hi = s.ring((cx - 8, 50, sz0 + 10), (1, 0, 0), (0, 0, 1), 5.5, 5.5)
    s.hull3(
        shade_lo + shade_hi,
        None,
        grad=((cx - 8, 50, sz0 + 10), (cx - 8, 40, sz0 + 10), [(246, 232, 200), (226, 206, 168)]),
    )
    s.glow(s.P((cx - 8, 44, sz0 + 10)), s.W * 0.08, s.H * 0.1, (255, 240, 200), 0.5)
    # the lamp cord across the path to the outlet (12 in) on the far wall
    cord = [
        (cx + 2, 22, sz0 + 12),
        (cx + 5, 0.3, sz0 + 14),
        (cx + 14, 0.3, sz0 + 22),
        (cx + 26, 0.3, sz0 + 30),
        (cx + 40, 0.3, sz0 + 36),
        (cx + 56, 0.3, sz0 + 38),
        (cx + 70, 0.3, sz0 + 36),
        (cx + 86, 0.3, sz0 + 40),
        (X1 - 20, 0.3, sz0 + 34),
        (X1 - 0.5, 12, sz0 + 32),
    ]
    s.line3([add(p, (0.4, -0.2, 0.4)) for p in cord], (40, 36, 30), 0.45, alpha=90)
    s.line3(cord, (236, 232, 220), 0.35)
    s.poly3(
        [(X1 - 0.2, 10, sz0 + 30), (X1 - 0.2, 10, sz0 + 34), (X1 - 0.2, 14.5, sz0 + 34), (X1 - 0.2, 14.5, sz0 + 30)],
        (236, 234, 226),
    )
    # the 30 in path between the chair's arm and the coffee table
    s.dim((cx + 20, 0.5, 104), (tx0, 0.5, 104), "30 in path", offset=(0, 40))


def tex_laminate(rng, w_in, h_in, ppi, color=(214, 204, 180)) -> Image.Image:
    size = (max(2, round(w_in * ppi)), max(2, round(h_in * ppi)))
    img = tex_plain(rng, size, color, grain=0.12, cell=12)
    d = ImageDraw.Draw(img, "RGBA")
    for _ in range(int(w_in * h_in * 1.5)):
        x, y = rng.uniform(0, size[0]), rng.uniform(0, size[1])
        r = rng.uniform(0.3, 0.9)
        d.ellipse([x - r, y - r, x + r, y + r], fill=scale(color, rng.choice((0.6, 0.75, 1.15))) + (170,))
    return img


def base_cabinets(
    s: Scene,
    x0,
    x1,
    z_front,
    depth=24.0,
    top=36.0,
    door=(232, 226, 210),
    counter=(214, 204, 180),
    sink_at=None,
    drawers=True,
):
    """A run of base cabinets facing -z at ``z_front``: toe kick, doors, drawers, a laminate top with bullnose edge."""
    rng = s.rng
    zf, zb = z_front, z_front + depth
    s.box((x0, 0, zf + 3), (x1, 4, zb), (40, 36, 32))
    s.box((x0, 4, zf), (x1, top - 1.5, zb), door, amb=0.66)
    n = max(1, round((x1 - x0) / 18))
    w = (x1 - x0) / n
    for i in range(n):
        a, b = x0 + i * w + 0.4, x0 + (i + 1) * w - 0.4
        if drawers:
            s.poly3(
                [
                    (a, top - 7.5, zf - 0.05),
                    (b, top - 7.5, zf - 0.05),
                    (b, top - 2.5, zf - 0.05),
                    (a, top - 2.5, zf - 0.05),
                ],
                grad=((a, top - 2.5, zf), (a, top - 7.5, zf), [scale(door, 1.02), scale(door, 0.9)]),
            )
            s.line3([(a, top - 8.0, zf - 0.06), (b, top - 8.0, zf - 0.06)], scale(door, 0.6), 0.15)
            s.cylinder(
                ((a + b) / 2 - 2, top - 5, zf - 0.7),
                ((a + b) / 2 + 2, top - 5, zf - 0.7),
                0.25,
                (150, 140, 120),
                caps=False,
            )
        s.poly3(
            [(a, 5, zf - 0.05), (b, 5, zf - 0.05), (b, top - 9, zf - 0.05), (a, top - 9, zf - 0.05)],
            grad=((a, top - 9, zf), (a, 5, zf), [scale(door, 1.0), scale(door, 0.86)]),
        )
        s.line3([(a, 5, zf - 0.06), (a, top - 9, zf - 0.06)], scale(door, 0.55), 0.15)
        s.line3([(b, 5, zf - 0.06), (b, top - 9, zf - 0.06)], scale(door, 0.55), 0.15)
        kx = b - 2.0 if i % 2 == 0 else a + 2.0
        s.cylinder((kx, top - 14, zf - 0.7), (kx, top - 11, zf - 0.7), 0.25, (150, 140, 120), caps=False)
    lam = tex_laminate(rng, x1 - x0 + 1, depth + 1.5, 6, counter)
    s.tex3((x0 - 0.5, top, zb), (x1 - x0 + 1, 0, 0), (0, 0, zf - 1.5 - zb), lam)
    s.cylinder((x0 - 0.5, top - 0.75, zf - 1.2), (x1 + 0.5, top - 0.75, zf - 1.2), 0.75, counter, highlight=0.3)
    s.shadow3(
        [(x0, top - 1.5, zf - 0.1), (x1, top - 1.5, zf - 0.1), (x1, top - 4.5, zf - 0.1), (x0, top - 4.5, zf - 0.1)],
        3,
        0.3,
    )
    if sink_at is not None:
        sx = sink_at
        s.poly3(
            [
                (sx - 15, top + 0.05, zf + 3),
                (sx + 15, top + 0.05, zf + 3),
                (sx + 15, top + 0.05, zf + 19),
                (sx - 15, top + 0.05, zf + 19),
            ],
            (190, 192, 194),
        )
        for a, b in ((sx - 14, sx - 1), (sx + 1, sx + 14)):
            s.poly3(
                [(a, top + 0.1, zf + 4), (b, top + 0.1, zf + 4), (b, top + 0.1, zf + 18), (a, top + 0.1, zf + 18)],
                grad=((a, top, zf + 4), (a, top, zf + 18), [(110, 112, 116), (170, 172, 176)]),
            )


def wall_cabinets(s: Scene, x0, x1, z_back, bottom=54.0, top=84.0, depth=12.0, door=(232, 226, 210)):
    zf = z_back - depth
    s.box((x0, bottom, zf), (x1, top, z_back), door, amb=0.66)
    n = max(1, round((x1 - x0) / 15))
    w = (x1 - x0) / n
    for i in range(n):
        a, b = x0 + i * w + 0.4, x0 + (i + 1) * w - 0.4
        s.poly3(
            [
                (a, bottom + 0.6, zf - 0.05),
                (b, bottom + 0.6, zf - 0.05),
                (b, top - 0.6, zf - 0.05),
                (a, top - 0.6, zf - 0.05),
            ],
            grad=((a, top, zf), (a, bottom, zf), [scale(door, 1.0), scale(door, 0.88)]),
        )
        s.line3([(a, bottom + 0.6, zf - 0.06), (a, top - 0.6, zf - 0.06)], scale(door, 0.55), 0.15)
        kx = b - 2.0 if i % 2 == 0 else a + 2.0
        s.cylinder((kx, bottom + 3, zf - 0.7), (kx, bottom + 6, zf - 0.7), 0.25, (150, 140, 120), caps=False)
    s.shadow3(
        [
            (x0, bottom - 0.1, z_back - 0.2),
            (x1, bottom - 0.1, z_back - 0.2),
            (x1, bottom - 8, z_back - 0.2),
            (x0, bottom - 8, z_back - 0.2),
        ],
        6,
        0.3,
    )


def backsplash(s: Scene, x0, x1, z, y0=36.0, y1=54.0):
    tiles = tex_tiles(
        s.rng, x1 - x0, y1 - y0, 10, tile=4.25, color=(228, 224, 214), grout=(196, 190, 178), var=5, grout_in=0.12
    )
    s.tex3((x0, y1, z - 0.1), (x1 - x0, 0, 0), (0, y0 - y1, 0), tiles)


def toaster_and_coffee(s: Scene, x, z, top=36.0):
    s.box((x, top, z), (x + 11, top + 8, z + 7), (196, 198, 200), light=(-0.5, 0.8, -0.5))
    for dx in (3, 7):
        s.poly3(
            [
                (x + dx, top + 8.05, z + 1.5),
                (x + dx + 1.2, top + 8.05, z + 1.5),
                (x + dx + 1.2, top + 8.05, z + 5.5),
                (x + dx, top + 8.05, z + 5.5),
            ],
            (30, 30, 30),
        )
    s.box((x + 15, top, z - 1), (x + 24, top + 14, z + 9), (34, 34, 36))
    s.hull3(
        s.ring((x + 19.5, top + 0.2, z + 2.5), (1, 0, 0), (0, 0, 1), 3, 3)
        + s.ring((x + 19.5, top + 6, z + 2.5), (1, 0, 0), (0, 0, 1), 3.3, 3.3),
        None,
        grad=((x + 16, top + 3, z), (x + 23, top + 3, z), [(70, 60, 50), (30, 26, 22)]),
    )


def kitchen_room(s: Scene, light: Vec):
    """The galley: counters on the back wall (z = 0) with the sink, the range further along; walls and floor."""
    rng = s.rng
    vinyl = tex_tiles(rng, 150, 130, 5, tile=12, color=(206, 196, 176), grout=(176, 166, 146), var=10, grout_in=0.2)
    room(
        s,
        -40.0,
        110.0,
        -130.0,
        24.0,
        92.0,
        vinyl,
        wall=(226, 218, 180),
        walls=("back", "left", "right"),
        light=light,
        reach=140,
        dark=0.55,
    )


@photo(
    "kitchen-counter-and-wheelchair",
    "Kitchen",
    "counter_height",
    "Kitchen counter 36 in high beside her wheelchair (seat 19 1/2 in): the work surface is well above seated "
    "elbow height and there is no knee space under it.",
    warmth=INDOOR,
    vignette=0.28,
)
def kitchen_counter(s: Scene) -> None:
    light = (20.0, 88.0, -40.0)
    s.camera(eye=(-6.0, 52.0, -108.0), target=(18.0, 30.0, 0.0), hfov=60, roll=0.6)
    kitchen_room(s, light)
    backsplash(s, -40, 110, 24)
    wall_cabinets(s, -40, 110, 24)
    base_cabinets(s, -40, 110, 0.0, sink_at=60)
    # faucet with two knobs at the sink
    s.cylinder((60, 36, 20), (60, 45, 20), 0.6, (200, 202, 206))
    s.cylinder((60, 45, 20), (60, 44, 13), 0.5, (200, 202, 206))
    for dx in (-4, 4):
        s.hull3(
            s.ring((60 + dx, 36.5, 20), (1, 0, 0), (0, 0, 1), 1.0, 1.0)
            + s.ring((60 + dx, 38.5, 20), (1, 0, 0), (0, 0, 1), 0.8, 0.8),
            (210, 212, 216),
        )
    toaster_and_coffee(s, -10, 12)
    # the chair parked side-on in front of the counter, and the tape at the counter edge
    wheelchair(s, (10.0, 0.0, -22.0), (1, 0, 0.05))
    s.tape3((34.0, 0.0, -1.6), (0, 1, 0), (-1, 0, 0.25), 39.0, ppi=28, width=1.0)
    s.note((34.0, 36.0, -1.6), (0.76, 0.34), "Counter 36 in")
    s.dim((20.5, 0.0, -30.0), (20.5, 19.5, -30.0), "Seat 19 1/2 in", offset=(170, 30))


@photo(
    "kitchen-range-rear-controls",
    "Kitchen",
    "stove_controls_reachable",
    "Electric range with its controls on the back panel, behind the burners, and the over-range microwave with "
    "controls at 66 in: neither can be reached from the wheelchair.",
    warmth=INDOOR,
    vignette=0.28,
)
def kitchen_range(s: Scene) -> None:
    light = (20.0, 88.0, -40.0)
    s.camera(eye=(40.0, 50.0, -84.0), target=(52.0, 46.0, 10.0), hfov=56, roll=-0.7)
    kitchen_room(s, light)
    backsplash(s, -40, 110, 24)
    wall_cabinets(s, -40, 30, 24)
    wall_cabinets(s, 60, 110, 24, bottom=66 + 12)
    base_cabinets(s, -40, 30, 0.0)
    base_cabinets(s, 60, 110, 0.0)
    # the range: 30 in wide, coil burners, controls on the raised back panel
    rx0, rx1 = 30.0, 60.0
    white = (238, 238, 234)
    s.box((rx0, 0, 0.5), (rx1, 35, 25), white, amb=0.66)
    s.poly3(
        [(rx0 + 1, 5, 0.45), (rx1 - 1, 5, 0.45), (rx1 - 1, 24, 0.45), (rx0 + 1, 24, 0.45)],
        grad=((rx0, 24, 0), (rx0, 5, 0), [(60, 60, 62), (28, 28, 30)]),
    )
    s.cylinder((rx0 + 3, 26, -0.8), (rx1 - 3, 26, -0.8), 0.5, (200, 200, 204))
    s.box((rx0, 35, 0.5), (rx1, 36, 25), (40, 40, 42), top_color=(46, 46, 48))
    s.box((rx0, 36, 22), (rx1, 44, 25), white, amb=0.66)
    for i in range(4):
        kx = rx0 + 4 + i * 5.0 + (6 if i > 1 else 0)
        s.hull3(
            s.ring((kx, 40, 21.9), (1, 0, 0), (0, 1, 0), 1.2, 1.2)
            + s.ring((kx, 40, 20.8), (1, 0, 0), (0, 1, 0), 1.1, 1.1),
            (56, 56, 58),
        )
    s.poly3(
        [(rx0 + 12.5, 38.5, 21.85), (rx0 + 17.5, 38.5, 21.85), (rx0 + 17.5, 41.5, 21.85), (rx0 + 12.5, 41.5, 21.85)],
        (30, 34, 36),
    )
    s.poly3(
        [(rx0 + 13.2, 39.2, 21.8), (rx0 + 16.8, 39.2, 21.8), (rx0 + 16.8, 40.8, 21.8), (rx0 + 13.2, 40.8, 21.8)],
        (60, 140, 110),
    )
    for bx, bz, r in ((rx0 + 8, 7, 3.6), (rx1 - 8, 7, 3.0), (rx0 + 8, 18, 3.0), (rx1 - 8, 18, 3.6)):
        for k in range(4):
            s.line3(s.ring((bx, 36.15, bz), (1, 0, 0), (0, 0, 1), r * (1 - k * 0.22), n=36), (86, 86, 88), 0.35)
        s.hull3(s.ring((bx, 36.1, bz), (1, 0, 0), (0, 0, 1), r + 0.6), (150, 152, 156), alpha=80)
    # the over-range microwave, its keypad at 66 in
    s.box((rx0, 60, 9), (rx1, 76, 24), (60, 62, 66), light=(-0.3, 0.8, -0.6))
    s.poly3(
        [(rx0 + 2, 62, 8.95), (rx1 - 9, 62, 8.95), (rx1 - 9, 74, 8.95), (rx0 + 2, 74, 8.95)],
        grad=((rx0, 74, 9), (rx1, 62, 9), [(40, 42, 46), (20, 20, 22)]),
    )
    s.poly3([(rx1 - 7.5, 62, 8.95), (rx1 - 1.5, 62, 8.95), (rx1 - 1.5, 74, 8.95), (rx1 - 7.5, 74, 8.95)], (34, 34, 38))
    s.poly3([(rx1 - 7, 70.5, 8.9), (rx1 - 2, 70.5, 8.9), (rx1 - 2, 72.5, 8.9), (rx1 - 7, 72.5, 8.9)], (40, 90, 70))
    for j in range(4):
        for i in range(3):
            cx, cy = rx1 - 6.2 + i * 1.6, 68.8 - j * 1.5
            s.poly3(
                [
                    (cx - 0.6, cy - 0.5, 8.9),
                    (cx + 0.6, cy - 0.5, 8.9),
                    (cx + 0.6, cy + 0.5, 8.9),
                    (cx - 0.6, cy + 0.5, 8.9),
                ],
                (120, 122, 126),
            )
    s.cylinder((rx0 + 3, 64, 8.2), (rx0 + 3, 72, 8.2), 0.5, (170, 172, 176))
    s.glow(s.P((45, 56, 14)), s.W * 0.12, s.H * 0.06, (255, 236, 190), 0.4)
    s.note((rx1 - 4.5, 66, 8.9), (0.78, 0.22), "Microwave keypad 66 in")
    s.note((rx0 + 9, 40, 21.8), (0.2, 0.56), "Controls behind the burners")


# ----------------------------------------------------------------------------- doorways


def doorway_photo(
    s: Scene,
    clear: float,
    interior: Callable[[Scene, float], None],
    text: str,
    hall_floor,
    hall_wall=(214, 204, 182),
    inside_light: Vec = (30, 80, 60),
    threshold: tuple | None = None,
    door_color=(236, 234, 226),
    eye: Vec | None = None,
    ox: float = 0.0,
    wall_span=(-60.0, 110.0),
):
    """Looking through a door opening in a wall at z = 0 (the room beyond, +z): door open 90° against the hinge side."""
    door_face = ox + 1.6
    stop = door_face + clear
    jamb = stop + 0.5
    mid = (ox + jamb) / 2
    s.camera(eye=eye or (mid + 7, 56.0, -62.0), target=(mid, 27.0, 40.0), hfov=68, roll=-0.8)
    interior(s, ox)
    # the door standing open inside the room along the hinge jamb, its knob at the far edge
    door_w = jamb - ox + 0.5
    door_slab(s, ox + 0.2, door_face, 1.5, 1.5 + door_w, 80, door_color)
    s.shade3(
        [
            (door_face + 0.05, 0, 1.5),
            (door_face + 0.05, 0, 1.5 + door_w),
            (door_face + 0.05, 80, 1.5 + door_w),
            (door_face + 0.05, 80, 1.5),
        ],
        (door_face, 40, 1.5),
        (door_face, 40, 1.5 + door_w),
        0.05,
        0.45,
    )
    knob(s, (door_face, 36, door_w - 1.0), (1, 0, 0), color=(182, 150, 92))
    # hall floor in front, then the wall with the opening, stops, threshold
    if isinstance(hall_floor, Image.Image):
        s.tex3((wall_span[0], 0, 0), (wall_span[1] - wall_span[0], 0, 0), (0, 0, -120), hall_floor)
    else:
        s.poly3(
            [(wall_span[0], 0, 0), (wall_span[1], 0, 0), (wall_span[1], 0, -120), (wall_span[0], 0, -120)], hall_floor
        )
    s.shade3(
        [(wall_span[0], 0, 0), (wall_span[1], 0, 0), (wall_span[1], 0, -120), (wall_span[0], 0, -120)],
        (mid, 0, -120),
        (mid, 0, 0),
        0.3,
        0.0,
    )
    if threshold is not None:
        th, colour = threshold
        s.box((ox, 0, -0.2), (jamb, th, 4.7), colour, light=(0.2, 1, -0.6), amb=0.6)
    doorway_frame(s, wall_span[0], wall_span[1], 0.0, (ox, jamb), wall=hall_wall, light=(mid, 70, -60))
    s.box((stop, 0, 1.0), (jamb, 80, 1.6), WHITE_TRIM)
    s.box((ox, 0, 1.0), (ox + 0.5, 80, 1.6), WHITE_TRIM, faces=("right", "front"))
    measure_door(s, door_face, stop, 30.0, 0.6, text)


# ----------------------------------------------------------------------------- downstairs half bath

HB_W, HB_D = 36.0, 62.0


def half_bath_world(s: Scene, ox: float = 2.0):
    rng = s.rng
    vinyl = tex_tiles(rng, HB_W, HB_D, 10, tile=8, color=(214, 206, 190), grout=(190, 180, 160), var=8, grout_in=0.1)
    light = (18.0, 80.0, 30.0)
    room(
        s,
        0.0,
        HB_W,
        0.0,
        HB_D,
        92.0,
        vinyl,
        wall=(176, 190, 158),
        light=light,
        reach=70,
        dark=0.55,
        walls=("left", "right", "back"),
    )
    # under the stairs: the ceiling slopes down toward the back
    slope = [(0, 92, 16), (HB_W, 92, 16), (HB_W, 56, HB_D), (0, 56, HB_D)]
    s.poly3(slope, grad=((18, 92, 16), (18, 56, HB_D), [(222, 222, 214), (168, 168, 160)]))
    s.ao((0, 56, HB_D), (HB_W, 56, HB_D), 4, 0.3)
    s.ao((0, 92, 16), (0, 56, HB_D), 3, 0.25)
    s.ao((HB_W, 92, 16), (HB_W, 56, HB_D), 3, 0.25)
    # paper holder on the left wall, a mirror and a small light over the sink on the right
    s.cylinder((0.2, 26, 44), (3.5, 26, 44), 0.35, (200, 202, 206))
    s.hull3(
        s.ring((3.0, 26, 46.5), (1, 0, 0), (0, 1, 0), 0.1, 2.3)
        + s.ring((4.2, 26, 46.5), (1, 0, 0), (0, 1, 0), 0.1, 2.3),
        (246, 246, 242),
    )
    s.box((HB_W - 1.0, 44, 26), (HB_W, 68, 44), (150, 120, 80))
    s.poly3(
        [(HB_W - 1.05, 45, 27), (HB_W - 1.05, 45, 43), (HB_W - 1.05, 67, 43), (HB_W - 1.05, 67, 27)],
        grad=((HB_W - 1, 67, 27), (HB_W - 1, 45, 43), [(190, 200, 196), (120, 130, 126), (170, 178, 174)]),
    )
    s.box((HB_W - 4, 72, 30), (HB_W, 75, 40), (220, 214, 190))
    s.glow(s.P((HB_W - 4, 73, 35)), s.W * 0.1, s.H * 0.08, (255, 240, 200), 0.5)
    toilet(s, (15.0, 0.0, HB_D), (0, 0, -1), 16.5)
    pedestal_sink(s, (HB_W, 0.0, 35.0), (-1, 0, 0), 32.0)


@photo(
    "half-bath-toilet",
    "Downstairs half bath",
    "toilet_seat_height",
    "Half bath under the stairs: toilet seat 16 1/2 in with no grab bars; she steadies herself on the pedestal sink to sit.",
    warmth=INDOOR,
    vignette=0.32,
)
def half_bath_toilet(s: Scene) -> None:
    s.camera(eye=(19.0, 58.0, -8.0), target=(16.0, 18.0, 50.0), hfov=64, roll=0.9)
    half_bath_world(s)
    s.tape3((6.2, 0.0, 38.0), (0, 1, 0), (-1, 0, -0.25), 20.0, ppi=40, width=1.0)
    s.note((6.2, 16.5, 38.0), (0.22, 0.5), "Seat 16 1/2 in")


@photo(
    "half-bath-doorway",
    "Downstairs half bath",
    "door_clear_width",
    "Half-bath door: 28 in (2 ft 4 in) clear with the door open; it swings in, so it must be closed behind her, and "
    "the wheelchair cannot enter.",
    warmth=INDOOR,
    vignette=0.3,
)
def half_bath_doorway(s: Scene) -> None:
    hall = tex_wood_floor(s.rng, 170, 120, 6, base=(140, 102, 68))
    doorway_photo(
        s, 28.0, half_bath_world, "28 in clear", hall, threshold=(0.5, (150, 110, 70)), ox=2.0, wall_span=(-60, 100)
    )


# ----------------------------------------------------------------------------- upstairs bathroom

UB_W, UB_D = 60.0, 96.0
TUB_Z = 66.0
TUB_RIM = 15.5


def upstairs_bath_world(s: Scene, ox: float = 24.0, tub_detail=True):
    rng = s.rng
    floor = tex_tiles(rng, UB_W, UB_D, 12, tile=2, color=(232, 232, 228), grout=(186, 186, 180), var=10, grout_in=0.08)
    wall = (196, 206, 212)
    tile = tex_tiles(rng, 96, 72, 8, tile=4.25, color=(236, 236, 230), grout=(200, 200, 194), var=4, grout_in=0.1)
    light = (30.0, 86.0, 40.0)
    room(
        s,
        0.0,
        UB_W,
        0.0,
        UB_D,
        92.0,
        floor,
        wall=wall,
        light=light,
        reach=90,
        dark=0.5,
        walls=("left", "right", "back"),
    )
    # tile around the tub, 72 in high, on the back and both end walls
    s.tex3((0, 72, UB_D - 0.05), (UB_W, 0, 0), (0, -72 + TUB_RIM, 0), tile.crop((0, 0, 480, round((72 - TUB_RIM) * 8))))
    s.tex3(
        (0.05, 72, TUB_Z),
        (0, 0, UB_D - TUB_Z),
        (0, -72 + TUB_RIM, 0),
        tile.crop((0, 0, 240, round((72 - TUB_RIM) * 8))),
    )
    s.tex3(
        (UB_W - 0.05, 72, UB_D),
        (0, 0, TUB_Z - UB_D),
        (0, -72 + TUB_RIM, 0),
        tile.crop((0, 0, 240, round((72 - TUB_RIM) * 8))),
    )
    for q in ([(0, TUB_RIM, UB_D - 0.1), (UB_W, TUB_RIM, UB_D - 0.1), (UB_W, 72, UB_D - 0.1), (0, 72, UB_D - 0.1)],):
        falloff(s, q, light, 90, 0.5)
    s.box((0, 72, TUB_Z), (UB_W, 72.6, UB_D), (226, 226, 220), faces=("bottom", "front"))
    # the tub: apron, rim and basin
    white = (242, 242, 238)
    s.box((0, 0, TUB_Z), (UB_W, TUB_RIM, UB_D), white, amb=0.72, ao=0.2)
    s.poly3(
        [
            (3, TUB_RIM + 0.02, TUB_Z + 3),
            (UB_W - 3, TUB_RIM + 0.02, TUB_Z + 3),
            (UB_W - 3, TUB_RIM + 0.02, UB_D - 3),
            (3, TUB_RIM + 0.02, UB_D - 3),
        ],
        grad=((30, TUB_RIM, TUB_Z + 3), (30, TUB_RIM, UB_D - 3), [(196, 198, 198), (232, 232, 228)]),
    )
    s.shade3(
        [
            (3, TUB_RIM + 0.03, TUB_Z + 3),
            (UB_W - 3, TUB_RIM + 0.03, TUB_Z + 3),
            (UB_W - 3, TUB_RIM + 0.03, UB_D - 3),
            (3, TUB_RIM + 0.03, UB_D - 3),
        ],
        (30, TUB_RIM, TUB_Z + 4),
        (30, TUB_RIM, TUB_Z + 12),
        0.25,
        0.0,
    )
    # spout, knobs and shower head on the left end wall
    s.cylinder((0.3, 22, 81), (5.5, 21.5, 81), 0.9, (206, 208, 212))
    for dz in (-5, 0, 5):
        s.hull3(s.ring((0.2, 31, 81 + dz), (0, 1, 0), (0, 0, 1), 1.8, 1.8), (150, 152, 156))
        s.cylinder((0.3, 31, 81 + dz), (2.6, 31, 81 + dz), 1.0, (190, 192, 198), highlight=0.55)
    s.cylinder((0.3, 72, 81), (5, 70, 81), 0.5, (206, 208, 212))
    s.hull3(
        s.ring((5.5, 69.5, 81), (0, 1, 0), (0, 0, 1), 1.6, 1.6)
        + s.ring((6.5, 68.6, 81), (0, 1, 0), (0, 0, 1), 1.8, 1.8),
        (196, 198, 202),
    )
    # the one grab bar: 24 in on the back wall at 30 in
    s.cylinder((18, 30, UB_D - 3.0), (42, 30, UB_D - 3.0), 0.7, (214, 216, 220))
    for x in (18, 42):
        s.hull3(
            s.ring((x, 30, UB_D - 0.2), (1, 0, 0), (0, 1, 0), 1.6, 1.6)
            + s.ring((x, 30, UB_D - 3), (1, 0, 0), (0, 1, 0), 0.8, 0.8),
            (200, 202, 206),
        )
    # sliding glass doors on the rim, stacked to the right: a 24 in entry
    alu = (206, 208, 210)
    s.box((0, TUB_RIM, TUB_Z + 0.8), (UB_W, TUB_RIM + 1.2, TUB_Z + 2.4), alu)
    s.box((0, 72.6, TUB_Z + 0.8), (UB_W, 74.2, TUB_Z + 2.4), alu)
    if tub_detail:
        for zp, x0 in ((TUB_Z + 2.0, 24.0), (TUB_Z + 1.2, 25.0)):
            pane = [(x0, TUB_RIM + 1.2, zp), (UB_W - 0.5, TUB_RIM + 1.2, zp), (UB_W - 0.5, 72.6, zp), (x0, 72.6, zp)]
            s.poly3(pane, (226, 232, 232), alpha=110)
            s.shade3(pane, (x0, 72, zp), (UB_W, 20, zp), 0.0, 0.25, color=(255, 255, 255))
            s.box((x0, TUB_RIM + 1.2, zp - 0.4), (x0 + 1.0, 72.6, zp + 0.4), alu)
    # towel bar (not a grab bar) on the right wall with a towel
    s.cylinder((UB_W - 2.5, 48, 38), (UB_W - 2.5, 48, 62), 0.4, (206, 208, 212))
    for z in (38, 62):
        s.box((UB_W - 2.8, 47, z - 0.6), (UB_W, 49, z + 0.6), (206, 208, 212))
    s.poly3(
        [(UB_W - 2.2, 48.6, 41), (UB_W - 2.2, 48.6, 59), (UB_W - 2.0, 30, 59.5), (UB_W - 2.0, 30, 40.5)],
        grad=((UB_W - 2, 48, 41), (UB_W - 2, 48, 59), [(150, 170, 190), (110, 130, 150)]),
    )
    s.poly3(
        [(UB_W - 2.8, 48.6, 41), (UB_W - 2.8, 48.6, 59), (UB_W - 2.9, 36, 59.2), (UB_W - 2.9, 36, 40.8)],
        grad=((UB_W - 3, 48, 41), (UB_W - 3, 36, 41), [(170, 190, 208), (130, 150, 170)]),
    )
    # bath mat, loose on the tile
    mat = tex_carpet(rng, 30, 20, 10, (120, 140, 110), rough=1.2)
    s.shadow3(
        [(14, 0.05, TUB_Z - 22), (44, 0.05, TUB_Z - 22), (44, 0.05, TUB_Z - 1.5), (14, 0.05, TUB_Z - 1.5)], 3, 0.25
    )
    s.tex3((14, 0.4, TUB_Z - 2), (30, 0, 0), (0, 0, -20), mat)
    # vanity with mirror cabinet, and the toilet between it and the tub (centerline 19 in from the tub face)
    door = (222, 214, 196)
    s.box((0, 0, 8), (21, 32.5, 32), door, amb=0.66)
    s.poly3(
        [(21.05, 4, 9.5), (21.05, 4, 30.5), (21.05, 26, 30.5), (21.05, 26, 9.5)],
        grad=((21, 26, 10), (21, 4, 10), [door, scale(door, 0.86)]),
    )
    s.line3([(21.1, 4, 20), (21.1, 26, 20)], scale(door, 0.55), 0.15)
    s.box((0, 32.5, 7.5), (22, 33.75, 32.5), (230, 226, 216), light=(0.5, 0.8, -0.3))
    s.hull3(
        s.ring((11, 33.8, 20), (1, 0, 0), (0, 0, 1), 6.5, 8.0),
        None,
        grad=((8, 33.8, 20), (16, 33.8, 20), [(200, 202, 202), (236, 236, 232)]),
    )
    s.cylinder((1.5, 33.75, 20), (1.5, 39, 20), 0.55, (206, 208, 212))
    s.cylinder((1.5, 38.5, 20), (6, 38, 20), 0.45, (206, 208, 212))
    for dz in (-4.5, 4.5):
        s.hull3(
            s.ring((2, 34.2, 20 + dz), (1, 0, 0), (0, 0, 1), 1.1, 1.1)
            + s.ring((2, 36.2, 20 + dz), (1, 0, 0), (0, 0, 1), 0.9, 0.9),
            (214, 216, 220),
        )
    s.box((0, 42, 8), (5, 68, 32), (222, 214, 196))
    s.poly3(
        [(5.05, 43, 9), (5.05, 43, 31), (5.05, 67, 31), (5.05, 67, 9)],
        grad=((5, 67, 9), (5, 43, 31), [(200, 210, 214), (126, 136, 140), (176, 186, 190)]),
    )
    s.cylinder((0.2, 26, 60), (3.5, 26, 60), 0.35, (200, 202, 206))
    s.hull3(
        s.ring((3.0, 26, 62.5), (1, 0, 0), (0, 1, 0), 0.1, 2.3)
        + s.ring((4.2, 26, 62.5), (1, 0, 0), (0, 1, 0), 0.1, 2.3),
        (246, 246, 242),
    )
    toilet(s, (0.0, 0.0, TUB_Z - 19.0), (1, 0, 0), 15.0)


@photo(
    "upstairs-bath-tub",
    "Upstairs bathroom",
    "tub_rim_height",
    "Tub with sliding glass doors on the rim: 15 1/2 in step-over, a 24 in entry between the doors, one 24 in bar on "
    "the back wall at 30 in; the towel bar is not a grab bar.",
    warmth=(1.02, 1.0, 0.96),
    vignette=0.3,
)
def upstairs_bath_tub(s: Scene) -> None:
    s.camera(eye=(48.0, 56.0, 24.0), target=(22.0, 22.0, 80.0), hfov=60, roll=0.7)
    upstairs_bath_world(s)
    s.tape3((16.0, 0.0, TUB_Z - 0.6), (0, 1, 0), (-1, 0, 0.3), 19.0, ppi=40, width=1.0)
    s.note((16.0, TUB_RIM, TUB_Z - 0.6), (0.2, 0.5), "Rim 15 1/2 in")


@photo(
    "upstairs-bath-toilet-and-vanity",
    "Upstairs bathroom",
    "toilet_centerline_from_wall",
    "Toilet between the vanity and the tub: no grab bars, 15 in seat, centerline 19 in from the tub face, so there "
    "is no wall within reach for a bar; paper holder behind her.",
    warmth=(1.02, 1.0, 0.96),
    vignette=0.3,
)
def upstairs_bath_toilet(s: Scene) -> None:
    s.camera(eye=(56.0, 60.0, 14.0), target=(8.0, 20.0, 50.0), hfov=62, roll=-0.6)
    upstairs_bath_world(s, tub_detail=True)
    s.tape3((20.5, 15.3, TUB_Z - 0.2), (0, 0, -1), (1, 0, 0), 22.0, ppi=40, width=1.0)
    s.dim((25.0, 15.5, TUB_Z), (25.0, 15.5, TUB_Z - 19.0), "19 in to centerline", offset=(70, 70))


@photo(
    "upstairs-bath-doorway",
    "Upstairs bathroom",
    "door_clear_width",
    "Bathroom door: 29 in (737 mm) clear with the door open, 3/4 in marble threshold; the door swings in.",
    warmth=(1.02, 1.0, 0.95),
    vignette=0.3,
)
def upstairs_bath_doorway(s: Scene) -> None:
    hall = tex_carpet(s.rng, 170, 120, 4, (160, 150, 132), rough=0.7)
    doorway_photo(
        s,
        29.0,
        upstairs_bath_world,
        "29 in (737 mm) clear",
        hall,
        hall_wall=(214, 206, 190),
        threshold=(0.75, (226, 222, 214)),
        ox=24.0,
        wall_span=(-40, 120),
    )


@photo(
    "upstairs-bath-hot-water",
    "Upstairs bathroom",
    "water_temperature_safe",
    "Hot water at the tub spout: 131 °F on a probe thermometer.",
    warmth=(1.02, 1.0, 0.96),
    vignette=0.35,
)
def upstairs_bath_hot_water(s: Scene) -> None:
    rng = s.rng
    s.camera(eye=(34.0, 30.0, 72.0), target=(0.0, 14.0, 82.0), hfov=50, roll=-1.5)
    tile = tex_tiles(rng, 40, 60, 16, tile=4.25, color=(238, 238, 232), grout=(168, 168, 160), var=6, grout_in=0.14)
    s.poly([(0, 0), (s.W, 0), (s.W, s.H), (0, s.H)], (220, 222, 220))
    s.tex3((0.0, 60, 66), (0, 0, 40), (0, -60, 0), tile)
    s.tex3((0.0, 60, UB_D - 0.05), (40, 0, 0), (0, -60, 0), tile)
    s.poly3([(0, 0, 60), (40, 0, 60), (40, TUB_RIM, 60), (0, TUB_RIM, 60)], (240, 240, 236))
    s.poly3(
        [(0.5, 3, 66), (40, 3, 66), (40, 3, UB_D - 0.5), (0.5, 3, UB_D - 0.5)],
        grad=((10, 3, 70), (30, 3, 90), [(214, 216, 216), (236, 236, 232)]),
    )
    for dz in (-5, 0, 5):
        s.hull3(s.ring((0.2, 31, 81 + dz), (0, 1, 0), (0, 0, 1), 1.8, 1.8), (150, 152, 156))
        s.cylinder((0.3, 31, 81 + dz), (2.6, 31, 81 + dz), 1.0, (190, 192, 198), highlight=0.55)
    s.blur_all(0.8)
    # the spout and the stream of water
    s.hull3(
        s.ring((0.2, 22, 81), (0, 1, 0), (0, 0, 1), 1.6, 1.6) + s.ring((1.0, 22, 81), (0, 1, 0), (0, 0, 1), 1.6, 1.6),
        (190, 192, 196),
    )
    s.cylinder((0.4, 22, 81), (5.5, 21.5, 81), 0.9, (206, 208, 212), highlight=0.5)
    s.hull3(
        s.ring((5.2, 21.0, 81), (1, 0, 0), (0, 0, 1), 0.8, 0.8)
        + s.ring((5.4, 20.6, 81), (1, 0, 0), (0, 0, 1), 0.7, 0.7),
        (150, 152, 156),
    )
    stream = [(4.7, 20.6, 80.2), (6.0, 20.6, 80.2), (6.3, 3.2, 80.4), (4.6, 3.2, 80.4)]
    s.poly3(
        stream,
        grad=(
            (5.0, 12, 80.6),
            (6.1, 12, 80.6),
            [(170, 190, 204), (236, 244, 250), (200, 216, 228), (250, 252, 255), (160, 182, 198)],
        ),
        alpha=215,
    )
    for y in (18, 14, 9):
        s.line3([(5.4, y, 80.5), (5.5, y - 2.5, 80.5)], (255, 255, 255), 0.12, alpha=200)
    s.glow(s.P((5.5, 3.5, 81)), s.W * 0.05, s.H * 0.02, (255, 255, 255), 0.6)
    s.hull3(s.ring((6.5, 3.25, 81), (1, 0, 0), (0, 0, 1), 7, 9), (186, 204, 214), alpha=90)
    for k in range(3):
        s.line3(
            s.ring((5.5, 3.3, 80.6), (1, 0, 0), (0, 0, 1), 1.5 + k * 1.6, 1.8 + k * 1.9),
            (250, 252, 255),
            0.12,
            alpha=150 - k * 40,
        )
    # the probe thermometer held in the stream: steel probe, grey body, the display facing us
    tip = (5.6, 11.0, 80.8)
    top = (7.0, 18.0, 85.5)
    s.cylinder(tip, top, 0.12, (210, 212, 216), highlight=0.6)
    body_c = add(top, mul(norm(sub(top, tip)), 3.2))
    along = norm(sub(top, tip))
    side = norm(cross(along, norm(sub(s.cam.eye, body_c))))
    normal = norm(cross(side, along))
    s.obox(body_c, side, along, normal, 0.8, 3.2, 0.4, (70, 74, 80), light=(0.5, 0.8, 0.3))
    disp = add(body_c, add(mul(normal, 0.42), mul(along, 1.0)))
    corners = [
        add(disp, add(mul(side, a * 0.55), mul(along, b * 1.2))) for a, b in ((-1, -1), (1, -1), (1, 1), (-1, 1))
    ]
    s.poly3(corners, (178, 190, 170))
    c = s.P(disp)
    # the reading, drawn along the body
    ang = math.degrees(math.atan2(-(s.P(add(disp, along))[1] - c[1]), s.P(add(disp, along))[0] - c[0]))
    ang = ang - 180 if ang > 90 else (ang + 180 if ang < -90 else ang)
    size = s.cam.focal * 0.55 / s.cam.depth(disp) / SS
    s.text(c, "131.0°F", size, (30, 34, 30), bold=True, angle=ang)
    btn = add(body_c, add(mul(normal, 0.42), mul(along, -1.6)))
    s.img_ellipse(s.P(btn), s.cam.focal * 0.28 / s.cam.depth(btn), (200, 60, 50))
    s.note(add(disp, mul(along, 1.6)), (0.86, 0.1), "131 °F")


# ----------------------------------------------------------------------------- stairs

ST_N, ST_RISE, ST_RUN, ST_W, ST_NOSE = 13, 7.5, 10.25, 36.0, 1.0
CARPET_STAIR = (152, 140, 122)


def stair_flight(s: Scene, clutter=True, walls=True, carpet_ppi=8):
    """The main stair: 13 carpeted risers of 7 1/2 in, 10 1/4 in treads, walls both sides, one rail on the left."""
    rng = s.rng
    top_y = ST_N * ST_RISE
    run = (ST_N - 1) * ST_RUN
    wall = (214, 206, 188)
    # upstairs landing and the dark hall beyond
    s.poly3(
        [(0, top_y, run), (ST_W, top_y, run), (ST_W, top_y, run + 60), (0, top_y, run + 60)], scale(CARPET_STAIR, 0.6)
    )
    s.poly3(
        [
            (-40, top_y, run + 60),
            (ST_W + 40, top_y, run + 60),
            (ST_W + 40, top_y + 96, run + 60),
            (-40, top_y + 96, run + 60),
        ],
        (92, 86, 74),
    )
    s.poly3(
        [(8, top_y, run + 59.5), (30, top_y, run + 59.5), (30, top_y + 80, run + 59.5), (8, top_y + 80, run + 59.5)],
        (60, 54, 46),
    )
    # side walls: from the floor up to the sloping ceiling (headroom 6 ft 9 in)
    for x in (0.0, ST_W) if walls else ():
        tex = tex_plain(rng, (300, 330), wall, grain=0.1, cell=16)
        s.tex3((x, top_y + 100, -90), (0, 0, run + 150), (0, -(top_y + 100), 0), tex)
        s.shade3(
            [(x, 0, -90), (x, 0, run + 60), (x, top_y + 100, run + 60), (x, top_y + 100, -90)],
            (x, 60, -10),
            (x, top_y + 60, run + 40),
            0.1,
            0.6,
        )
    if walls:
        s.poly3([(0, 96, -90), (ST_W, 96, -90), (ST_W, 96, -8), (0, 96, -8)], (210, 206, 196))
        s.poly3(
            [(0, 96, -8), (ST_W, 96, -8), (ST_W, top_y + 81, run - 8), (0, top_y + 81, run - 8)],
            grad=((18, 96, -8), (18, top_y + 81, run - 8), [(200, 196, 186), (120, 116, 106)]),
        )
        # skirt boards following the steps on both walls
        for x in (0.3, ST_W - 0.3):
            lo = lambda z: max(0.0, (z + ST_NOSE) * ST_RISE / ST_RUN + ST_RISE - 3.0)  # noqa: E731
            pts = [(x, 0, -6), (x, lo(run + 20), run + 20), (x, lo(run + 20) + 9.5, run + 20), (x, 9.5, -6)]
            s.poly3(pts, grad=((x, 12, -6), (x, lo(run) + 10, run), [(230, 228, 220), (150, 146, 136)]))
    # the steps, far to near
    for i in range(ST_N - 1, -1, -1):
        y0, y1 = i * ST_RISE, (i + 1) * ST_RISE
        z_riser = i * ST_RUN
        tread = tex_carpet(rng, ST_W, ST_RUN + ST_NOSE, carpet_ppi, CARPET_STAIR, rough=0.7 * 8 / carpet_ppi)
        riser = tex_carpet(rng, ST_W, ST_RISE, carpet_ppi, CARPET_STAIR, rough=0.7 * 8 / carpet_ppi)
        if i < ST_N - 1:
            s.tex3((0, y1, z_riser + ST_RUN), (ST_W, 0, 0), (0, 0, -ST_RUN - ST_NOSE), tread)
            s.shade3(
                [
                    (0, y1, z_riser - ST_NOSE),
                    (ST_W, y1, z_riser - ST_NOSE),
                    (ST_W, y1, z_riser + ST_RUN),
                    (0, y1, z_riser + ST_RUN),
                ],
                (18, y1, z_riser + ST_RUN),
                (18, y1, z_riser),
                0.35,
                0.05,
            )
        s.tex3((0, y1 - 1.2, z_riser), (ST_W, 0, 0), (0, -(ST_RISE - 1.2), 0), riser)
        s.shade3(
            [(0, y0, z_riser), (ST_W, y0, z_riser), (ST_W, y1 - 1.2, z_riser), (0, y1 - 1.2, z_riser)],
            (18, y1, z_riser),
            (18, y0, z_riser),
            0.2,
            0.42,
        )
        if not walls:  # an open side: the step's end shows its profile
            s.poly3(
                [
                    (ST_W, y0, z_riser),
                    (ST_W, y0, z_riser + ST_RUN),
                    (ST_W, y1, z_riser + ST_RUN),
                    (ST_W, y1, z_riser - ST_NOSE + 0.6),
                    (ST_W, y1 - 1.2, z_riser - ST_NOSE + 0.3),
                    (ST_W, y1 - 1.2, z_riser),
                ],
                scale(CARPET_STAIR, 0.8),
            )
        s.cylinder(
            (0, y1 - 0.6, z_riser - ST_NOSE + 0.6),
            (ST_W, y1 - 0.6, z_riser - ST_NOSE + 0.6),
            0.62,
            scale(CARPET_STAIR, 0.95),
            highlight=0.12,
            caps=not walls,
        )
        if i == 2:  # the loose carpet on the third tread: a ridge near the nosing
            s.cylinder(
                (6, y1 + 0.4, z_riser + 2.5),
                (30, y1 + 0.5, z_riser + 3.2),
                0.7,
                scale(CARPET_STAIR, 1.08),
                highlight=0.2,
                caps=False,
            )
            s.shadow3(
                [
                    (6, y1 + 0.05, z_riser + 3.2),
                    (30, y1 + 0.05, z_riser + 4.0),
                    (30, y1 + 0.05, z_riser + 6),
                    (6, y1 + 0.05, z_riser + 5),
                ],
                3,
                0.35,
            )
        s.ao((0, y1, z_riser), (0, y1, z_riser + ST_RUN), 2, 0.3)
        s.ao((ST_W, y1, z_riser), (ST_W, y1, z_riser + ST_RUN), 2, 0.3)
        if clutter and i == 5:
            s.box((22, y1, z_riser + 1.5), (34, y1 + 9, z_riser + 9.5), (214, 206, 190), light=(-0.5, 0.8, -0.4))
            for k in range(3):
                s.box(
                    (23 + k * 3, y1 + 9, z_riser + 3),
                    (25.5 + k * 3, y1 + 11.5, z_riser + 8),
                    ((90, 110, 150), (180, 80, 70), (230, 226, 210))[k],
                )
        if clutter and i == 3:
            s.box((25, y1, z_riser + 2), (33, y1 + 3.5, z_riser + 8.5), (230, 228, 220))
            s.box((25.5, y1 + 3.5, z_riser + 2.5), (32.5, y1 + 5.0, z_riser + 8.0), (140, 60, 50))
        if clutter and i == 1:
            for dx in (24, 29):
                s.box((dx, y1, z_riser + 1.0), (dx + 3.8, y1 + 3.0, z_riser + 9.6), (48, 42, 38))

    # the single handrail on the left wall, 33 in above the nosings, with brackets
    def rail_y(z):
        return 33.0 + (z + ST_NOSE) * ST_RISE / ST_RUN + ST_RISE

    x = 1.25 + 1.31
    z_a, z_b = -ST_NOSE, run - ST_NOSE
    for zb in (z_a + 6, z_a + 50, z_a + 94):
        s.cylinder((0.1, rail_y(zb) - 2.6, zb), (x, rail_y(zb) - 1.2, zb), 0.35, (180, 170, 140))
    s.cylinder((x, rail_y(z_a), z_a), (x, rail_y(z_b), z_b), 1.31, (150, 110, 70), highlight=0.25)


@photo(
    "stairs-main-flight",
    "Stairs",
    "stair_handrails",
    "Straight flight of 13 carpeted stairs: one wall rail on the left going up (her weak side coming down), things "
    "left on the treads, carpet loose on the third tread, and no light switch at the top.",
    size=PORTRAIT,
    warmth=INDOOR,
    vignette=0.35,
)
def stairs_main_flight(s: Scene) -> None:
    s.camera(eye=(21.0, 60.0, -62.0), target=(17.0, 60.0, 80.0), hfov=56, roll=0.8)
    stair_flight(s)
    for x, z0, col in ((0.2, 30, (90, 110, 130)), (ST_W - 0.2, 60, (140, 100, 80))):
        y0 = 60 + z0 * ST_RISE / ST_RUN
        s.poly3([(x, y0, z0), (x, y0, z0 + 20), (x, y0 + 16, z0 + 20), (x, y0 + 16, z0)], (70, 56, 40))
        s.poly3(
            [(x, y0 + 1.5, z0 + 1.5), (x, y0 + 1.5, z0 + 18.5), (x, y0 + 14.5, z0 + 18.5), (x, y0 + 14.5, z0 + 1.5)],
            grad=((x, y0 + 14, z0), (x, y0 + 2, z0 + 18), [scale(col, 1.3), col, scale(col, 0.7)]),
        )
    s.box((ST_W - 0.6, 46, -24), (ST_W, 50.5, -21.2), (236, 234, 226))
    s.glow(s.P((18, 70, -20)), s.W * 0.7, s.H * 0.5, (255, 240, 210), 0.18)


@photo(
    "stairs-nosing-closeup",
    "Stairs",
    "stair_nosing_projection",
    "Bottom stair: the nosing projects 1 in past the riser below; carpet the same colour on tread and riser, "
    "with no contrasting edge.",
    warmth=INDOOR,
    vignette=0.35,
)
def stairs_nosing(s: Scene) -> None:
    s.camera(eye=(60.0, 12.0, -12.0), target=(30.0, 6.0, 1.0), hfov=40, roll=-1.0)
    rng = s.rng
    s.poly([(0, 0), (s.W, 0), (s.W, s.H), (0, s.H)], (120, 112, 98))
    s.poly3([(-40, 0, 200), (-40, 150, 200), (-40, 150, -60), (-40, 0, -60)], (200, 192, 172))
    wood = tex_wood_floor(rng, 100, 80, 12, base=(140, 102, 68))
    s.tex3((-40, 0, 40), (100, 0, 0), (0, 0, -80), wood)
    s.blur_all(0.6)
    stair_flight(s, clutter=False, walls=False, carpet_ppi=20)
    s.tape3((33.0, 0.05, 0.0), (0, 0, -1), (1, 0, 0), 6.5, ppi=70, width=1.0, case_size=2.4)
    s.dim((ST_W + 0.3, ST_RISE - 1.6, 0.0), (ST_W + 0.3, ST_RISE - 1.6, -ST_NOSE), "1 in nosing", offset=(120, 40))


# ----------------------------------------------------------------------------- upstairs bedroom

BR_W, BR_D = 122.0, 150.0
BED_X0, BED_X1, BED_Z0 = 40.0, 100.0, 70.0


def quilt_texture(rng, w_in, h_in, ppi=6) -> Image.Image:
    img = tex_plain(rng, (round(w_in * ppi), round(h_in * ppi)), (178, 168, 196), grain=0.15, cell=10)
    d = ImageDraw.Draw(img, "RGBA")
    sq = 10 * ppi
    for j in range(int(h_in / 10) + 1):
        for i in range(int(w_in / 10) + 1):
            c = ((150, 120, 160), (196, 186, 210), (120, 140, 170), (210, 190, 170))[(i + 2 * j) % 4]
            d.rectangle([i * sq + 2, j * sq + 2, (i + 1) * sq - 2, (j + 1) * sq - 2], fill=c + (150,))
            d.ellipse(
                [i * sq + sq * 0.3, j * sq + sq * 0.3, i * sq + sq * 0.7, j * sq + sq * 0.7], fill=(240, 236, 230, 120)
            )
    return img.filter(ImageFilter.GaussianBlur(1))


def bedroom_world(s: Scene, ox: float = 84.0):
    rng = s.rng
    shag = tex_shag(rng, BR_W, BR_D, 4, (176, 160, 128))
    light = (80.0, 80.0, 60.0)
    room(
        s,
        0.0,
        BR_W,
        0.0,
        BR_D,
        92.0,
        shag,
        wall=(206, 196, 214),
        light=light,
        reach=120,
        dark=0.55,
        holes={"right": [(60, 30, 96, 84)]},
    )
    # the (painted shut) window on the right wall
    s.poly3(
        [(BR_W + 0.2, 30, 60), (BR_W + 0.2, 30, 96), (BR_W + 0.2, 84, 96), (BR_W + 0.2, 84, 60)],
        grad=((BR_W, 84, 60), (BR_W, 30, 96), [(226, 232, 236), (180, 196, 206)]),
    )
    s.box((BR_W - 1, 56.2, 60), (BR_W, 57.8, 96), WHITE_TRIM)
    s.box((BR_W - 3, 28.5, 58), (BR_W, 30, 98), WHITE_TRIM)
    for za, zb in ((57.5, 60), (96, 98.5)):
        s.box((BR_W - 0.8, 28.5, za), (BR_W, 86.5, zb), WHITE_TRIM)
    s.glow(s.P((BR_W - 10, 50, 78)), s.W * 0.18, s.H * 0.25, (255, 252, 240), 0.22)
    # headboard, nightstand with lamp and phone charger, the dresser against the bed's left side
    wood = (104, 70, 46)
    s.box((BED_X0 - 2, 0, BR_D - 3), (BED_X1 + 2, 52, BR_D), wood)
    s.box((102, 0, 128), (120, 26, 146), wood, top_color=(116, 80, 52))
    s.cylinder((111, 26, 137), (111, 40, 137), 0.6, (190, 176, 130))
    s.hull3(
        s.ring((111, 40, 137), (1, 0, 0), (0, 0, 1), 7, 7) + s.ring((111, 49, 137), (1, 0, 0), (0, 0, 1), 5, 5),
        None,
        grad=((111, 49, 137), (111, 40, 137), [(246, 236, 210), (224, 210, 176)]),
    )
    s.box((20, 0, 96), (40, 40, 118), wood, top_color=(116, 80, 52))
    for k in range(4):
        s.line3([(40.05, 4 + k * 9, 97), (40.05, 4 + k * 9, 117)], scale(wood, 0.6), 0.25)
    # the bed: tall metal frame, box spring, pillow-top mattress (top at 25 in), quilt and pillows
    s.shadow3(
        [
            (BED_X0 - 2, 0.5, BED_Z0 - 2),
            (BED_X1 + 3, 0.5, BED_Z0 - 2),
            (BED_X1 + 3, 0.5, BR_D),
            (BED_X0 - 2, 0.5, BR_D),
        ],
        10,
        0.5,
    )
    for x, z in ((BED_X0 + 1, BED_Z0 + 1), (BED_X1 - 1, BED_Z0 + 1)):
        s.cylinder((x, 0, z), (x, 10, z), 0.6, (50, 50, 52))
    s.box((BED_X0, 8, BED_Z0), (BED_X1, 10, BR_D - 3), (46, 46, 48))
    s.box((BED_X0, 10, BED_Z0), (BED_X1, 17.5, BR_D - 3), (232, 226, 210), amb=0.66)
    s.box((BED_X0, 17.5, BED_Z0), (BED_X1, 24.0, BR_D - 3), (240, 238, 232), amb=0.7)
    s.cylinder((BED_X0, 24.0, BED_Z0 + 0.5), (BED_X1, 24.0, BED_Z0 + 0.5), 1.0, (240, 238, 232), highlight=0.2)
    quilt = quilt_texture(rng, BED_X1 - BED_X0 + 4, 80)
    s.tex3((BED_X0 - 0.5, 25.0, BR_D - 22), (BED_X1 - BED_X0 + 1, 0, 0), (0, 0, BED_Z0 - 0.5 - (BR_D - 22)), quilt)
    side = quilt_texture(rng, 60, 10)
    s.tex3((BED_X1 + 0.5, 25.0, BED_Z0 - 0.5), (0, 0, BR_D - 22 - BED_Z0), (0, -9.0, 0), side)
    s.tex3((BED_X0 - 0.5, 25.0, BED_Z0 - 0.5), (BED_X1 - BED_X0 + 1, 0, 0), (0, -9.0, 0), side.crop((0, 0, 360, 60)))
    s.shade3(
        [
            (BED_X1 + 0.55, 25, BED_Z0),
            (BED_X1 + 0.55, 25, BR_D - 22),
            (BED_X1 + 0.55, 16, BR_D - 22),
            (BED_X1 + 0.55, 16, BED_Z0),
        ],
        (BED_X1, 25, 100),
        (BED_X1, 16, 100),
        0.1,
        0.35,
    )
    s.shade3(
        [
            (BED_X0 - 0.5, 25, BED_Z0 - 0.55),
            (BED_X1 + 0.5, 25, BED_Z0 - 0.55),
            (BED_X1 + 0.5, 16, BED_Z0 - 0.55),
            (BED_X0 - 0.5, 16, BED_Z0 - 0.55),
        ],
        (70, 25, BED_Z0),
        (70, 16, BED_Z0),
        0.15,
        0.4,
    )
    for px in (BED_X0 + 15, BED_X1 - 15):
        s.hull3(
            s.ring((px, 27.5, BR_D - 12), (1, 0, 0), (0, 0.45, 1), 13, 7.5),
            None,
            grad=((px, 31, BR_D - 12), (px, 24, BR_D - 12), [(246, 244, 238), (206, 202, 194)]),
        )


@photo(
    "bedroom-bed-height",
    "Bedroom (upstairs)",
    "bed_height",
    "Queen bed on a tall frame with a pillow-top mattress: 25 in to the top of the mattress; 22 in between the bed "
    "and the wall on the free side; deep shag carpet.",
    warmth=INDOOR,
    vignette=0.3,
)
def bedroom_bed(s: Scene) -> None:
    s.camera(eye=(116.0, 54.0, 16.0), target=(80.0, 18.0, 104.0), hfov=62, roll=-0.9)
    bedroom_world(s)
    s.tape3((101.0, 0.0, 84.0), (0, 1, 0), (-1, 0, 0), 29.0, ppi=36, width=1.0)
    s.note((101.0, 25.0, 84.0), (0.3, 0.3), "Mattress top 25 in")
    s.dim((BED_X1 + 0.6, 0.8, 104.0), (BR_W, 0.8, 104.0), "22 in", offset=(0, 36))


@photo(
    "bedroom-doorway",
    "Bedroom (upstairs)",
    "door_clear_width",
    "Bedroom door: 29 3/4 in clear with the door open; deep shag carpet from the doorway to the bed.",
    warmth=INDOOR,
    vignette=0.3,
)
def bedroom_doorway(s: Scene) -> None:
    hall = tex_carpet(s.rng, 200, 120, 4, (160, 150, 132), rough=0.7)
    doorway_photo(
        s, 29.75, bedroom_world, "29 3/4 in clear", hall, hall_wall=(214, 206, 190), ox=84.0, wall_span=(20, 160)
    )


# ----------------------------------------------------------------------------- basement laundry and the whole home

BS_N, BS_RISE, BS_RUN, BS_W = 12, 7.75, 9.5, 34.0


@photo(
    "basement-stairs-open-risers",
    "Basement laundry",
    "laundry_location",
    "Basement stairs to the laundry: 12 open-riser wooden steps with one rail and a pull-chain bulb; the washer and "
    "dryer are at the bottom.",
    size=PORTRAIT,
    warmth=(1.06, 1.0, 0.86),
    vignette=0.45,
)
def basement_stairs(s: Scene) -> None:
    rng = s.rng
    top = BS_N * BS_RISE
    run = BS_N * BS_RUN
    s.camera(eye=(27.0, top + 58.0, -30.0), target=(15.0, 30.0, 96.0), hfov=58, roll=1.1)
    s.poly([(0, 0), (s.W, 0), (s.W, s.H), (0, s.H)], (26, 24, 20))
    back = run + 74
    # basement: concrete floor, block walls, the washer and dryer facing the stairs
    conc = tex_concrete(rng, 200, 140, 3, color=(128, 124, 116))
    s.tex3((-80, 0, back), (200, 0, 0), (0, 0, -140), conc)
    block = tex_tiles(
        rng, 200, 100, 4, tile=8, color=(150, 146, 138), grout=(110, 106, 98), var=10, grout_in=0.35, offset=0.5
    )
    s.tex3((-80, 100, back), (200, 0, 0), (0, -100, 0), block)
    bulb = (17.0, top + 26.0, 46.0)
    s.shade3(
        [(-80, 0, back), (120, 0, back), (120, 100, back), (-80, 100, back)], (17, 60, back), (17, 0, back), 0.35, 0.6
    )
    s.box((-8, 0, back - 30), (19, 36, back - 2), (226, 224, 216), light=(0, 0.8, -0.6))
    s.box((-8, 36, back - 10), (19, 44, back - 2), (214, 212, 204), light=(0, 0.8, -0.6))
    s.poly3(
        [(-5, 36.05, back - 27), (16, 36.05, back - 27), (16, 36.05, back - 12), (-5, 36.05, back - 12)],
        (196, 194, 186),
    )
    s.box((21, 0, back - 30), (48, 36, back - 2), (220, 218, 210), light=(0, 0.8, -0.6))
    s.box((21, 36, back - 10), (48, 42, back - 2), (208, 206, 198), light=(0, 0.8, -0.6))
    for a, b in (((48, 20, back - 8), (54, 16, back - 4)), ((54, 16, back - 4), (52, 8, back - 1))):
        s.cylinder(a, b, 2.0, (176, 178, 182), highlight=0.6)
    s.shade3(
        [(-80, 0, back), (120, 0, back), (120, 0, run - 30), (-80, 0, run - 30)],
        (17, 0, run + 20),
        (17, 0, back),
        0.2,
        0.55,
    )
    # the open space under the stairs reads dark between the treads
    s.poly3([(0.5, 0, 0), (BS_W - 0.5, 0, 0), (BS_W - 0.5, 0, run + 10), (0.5, 0, run + 10)], (24, 22, 18))
    s.poly3([(0.5, 0, 0), (BS_W - 0.5, 0, 0), (BS_W - 0.5, top, 0), (0.5, top, 0)], (20, 18, 16))
    # side walls down to the foundation line, ending where the basement opens out
    for x in (0.0, BS_W):
        pts = [(x, 0, -30), (x, 0, run - 12), (x, top + 96, run - 12), (x, top + 96, -30)]
        tex = tex_plain(rng, (220, 300), (200, 194, 178), grain=0.16, cell=12)
        s.tex3((x, top + 96, -30), (0, 0, run + 18), (0, -(top + 96), 0), tex)
        s.shade3(pts, (x, top + 30, 40), (x, 0, run - 12), 0.15, 0.8)
        s.shade3(pts, (x, top + 30, 40), (x, top + 96, -30), 0.0, 0.5)
        s.ao((x, top, -30), (x, top, 0), 3, 0.3)
        s.poly3([(x, 0, run - 12), (x, 0, run - 8), (x, top + 96, run - 8), (x, top + 96, run - 12)], (60, 54, 46))
    # landing at the top (where we stand) and the treads, far (bottom) to near, open risers
    for i in range(BS_N - 1, -1, -1):
        y = top - (i + 1) * BS_RISE
        z0 = i * BS_RUN
        s.box(
            (0.6, y - 1.25, z0 - 0.5),
            (BS_W - 0.6, y, z0 + BS_RUN + 0.5),
            (176, 138, 92),
            light=(0.2, 1, -0.3),
            top_color=(190, 152, 104),
        )
        s.line3([(0.6, y + 0.02, z0 + BS_RUN - 0.3), (BS_W - 0.6, y + 0.02, z0 + BS_RUN - 0.3)], (120, 94, 62), 0.15)
    for x in (0.6, BS_W - 2.2):
        s.poly3([(x, top, -1), (x, top - 11, -1), (x, -1, run), (x, 10, run)], (132, 104, 70))
    wood = tex_wood_floor(rng, 40, 40, 8, base=(132, 104, 78), along_x=False)
    s.tex3((0, top, 0), (BS_W, 0, 0), (0, 0, -40), wood)
    s.box((0, top - 0.8, -0.8), (BS_W, top, 0.5), (160, 122, 82))
    # one rail on the left wall
    x = 2.6
    for zb in (6, 56, 104):
        s.cylinder(
            (0.1, top + 33 - zb * BS_RISE / BS_RUN - 2.5, zb),
            (x, top + 33 - zb * BS_RISE / BS_RUN - 1, zb),
            0.35,
            (150, 150, 150),
        )
    s.cylinder((x, top + 33, 0), (x, 33 + 0.0, run), 0.8, (150, 110, 70), highlight=0.3)
    # the bare bulb on a pull chain, hanging from the floor above
    s.line3([(bulb[0], bulb[1] + 8, bulb[2]), (bulb[0], bulb[1] + 1.6, bulb[2])], (60, 56, 50), 0.5)
    s.hull3(
        s.ring((bulb[0], bulb[1] + 3.5, bulb[2]), (1, 0, 0), (0, 0, 1), 1.3, 1.3)
        + s.ring((bulb[0], bulb[1] + 1.0, bulb[2]), (1, 0, 0), (0, 0, 1), 1.3, 1.3),
        (226, 220, 200),
    )
    c = s.P((bulb[0], bulb[1] - 1.0, bulb[2]))
    s.glow(c, s.W * 0.8, s.W * 0.8, (255, 226, 160), 0.35, mode="screen")
    s.img_ellipse(c, s.cam.focal * 1.6 / s.cam.depth(bulb), (255, 250, 226))
    s.glow(c, s.W * 0.07, s.W * 0.07, (255, 255, 240), 0.9)
    s.line3([(bulb[0] + 1.2, bulb[1] + 1.5, bulb[2]), (bulb[0] + 1.6, bulb[1] - 22, bulb[2] - 1)], (170, 160, 120), 0.1)


@photo(
    "upstairs-hall-ceiling-no-smoke-alarm",
    "Whole home",
    "smoke_alarm_present",
    "Upstairs hall ceiling outside the bedroom: no smoke alarm on this floor; the only alarm, downstairs, chirps "
    "for a low battery.",
    warmth=INDOOR,
    vignette=0.3,
)
def hall_ceiling(s: Scene) -> None:
    rng = s.rng
    s.camera(eye=(20.0, 60.0, -4.0), target=(22.0, 96.0, 70.0), hfov=66, roll=1.4)
    carpet = tex_carpet(rng, 40, 220, 4, (160, 150, 132), rough=0.7)
    room(
        s,
        0.0,
        40.0,
        -20.0,
        200.0,
        92.0,
        carpet,
        wall=(214, 206, 190),
        ceiling=(246, 244, 238),
        light=(20, 60, 120),
        reach=170,
        dark=0.4,
        holes={"left": [(40, 0, 72, 80)], "right": [(90, 0, 120, 80)], "back": [(4, 30, 36, 80)]},
    )
    s.poly3(
        [(4, 30, 200.2), (36, 30, 200.2), (36, 80, 200.2), (4, 80, 200.2)],
        grad=((4, 80, 200), (36, 30, 200), [(236, 240, 242), (200, 210, 214)]),
    )
    for side_x, (za, zb) in ((0.0, (40, 72)), (40.0, (90, 120))):
        for z in (za - 2.5, zb):
            s.poly3([(side_x, 0, z), (side_x, 82.5, z), (side_x, 82.5, z + 2.5), (side_x, 0, z + 2.5)], WHITE_TRIM)
        s.poly3(
            [(side_x, 80, za - 2.5), (side_x, 82.5, za - 2.5), (side_x, 82.5, zb + 2.5), (side_x, 80, zb + 2.5)],
            WHITE_TRIM,
        )
    s.poly3([(-30, 0, 40), (-30, 80, 40), (-30, 80, 72), (-30, 0, 72)], (70, 64, 60))
    # the ceiling: one dome light (off), the attic hatch; no smoke alarm anywhere
    dome = s.ring((20, 91.95, 56), (1, 0, 0), (0, 0, 1), 6.5, 6.5)
    s.hull3(
        dome + s.ring((20, 89.8, 56), (1, 0, 0), (0, 0, 1), 5.2, 5.2),
        None,
        grad=((16, 91, 52), (24, 90, 60), [(250, 248, 240), (214, 210, 200)]),
    )
    s.hull3(s.ring((20, 89.7, 56), (1, 0, 0), (0, 0, 1), 1.0, 1.0), (190, 170, 120))
    s.poly3([(8, 91.95, 120), (32, 91.95, 120), (32, 91.95, 144), (8, 91.95, 144)], WHITE_TRIM)
    s.poly3([(9.5, 91.9, 121.5), (30.5, 91.9, 121.5), (30.5, 91.9, 142.5), (9.5, 91.9, 142.5)], (226, 224, 216))
    s.ao((8, 91.9, 120), (32, 91.9, 120), 1, 0.3)


# ----------------------------------------------------------------------------- output

# The order of the demo's photos: as a visit goes, room by room, overview before details.
SEQUENCE = (
    "front-entrance-overview",
    "front-walk-heaved-slab",
    "front-ramp-slope",
    "front-entry-step-riser",
    "front-door-clear-width",
    "front-door-threshold",
    "hallway-runner-rug",
    "living-room-recliner-and-cords",
    "kitchen-counter-and-wheelchair",
    "kitchen-range-rear-controls",
    "half-bath-doorway",
    "half-bath-toilet",
    "stairs-main-flight",
    "stairs-nosing-closeup",
    "upstairs-bath-doorway",
    "upstairs-bath-tub",
    "upstairs-bath-toilet-and-vanity",
    "upstairs-bath-hot-water",
    "bedroom-doorway",
    "bedroom-bed-height",
    "basement-stairs-open-risers",
    "upstairs-hall-ceiling-no-smoke-alarm",
)


def render(p: Photo) -> Image.Image:
    scene = Scene(p.size, seed=sum(ord(ch) * (i + 1) for i, ch in enumerate(p.name)))
    p.draw(scene)
    return finish(scene, **(p.finish or {}))


def save(p: Photo, img: Image.Image, folder: Path) -> Path:
    path = folder / f"{p.name}.jpg"
    kwargs = {"quality": QUALITY, "optimize": True}
    if p.exif_rotated:
        # Orientation 6: the stored rows must be turned 90° clockwise to display, so store the
        # upright picture turned 90° anticlockwise, as a phone held upright does.
        exif = Image.Exif()
        exif[0x0112] = 6
        img = img.transpose(Image.Transpose.ROTATE_90)
        kwargs["exif"] = exif.tobytes()
    quality = QUALITY
    while True:
        img.save(path, "JPEG", **{**kwargs, "quality": quality})
        if path.stat().st_size <= MAX_BYTES or quality <= 70:
            return path
        quality -= 3


def update_demo_json(photos: list[Photo]) -> None:
    doc = json.loads(DEMO_JSON.read_text(encoding="utf-8"))
    entries = []
    for p in photos:
        entry = {"room": p.room}
        if p.item:
            entry["item"] = p.item
        entry["file"] = f"photos/{p.name}.jpg"
        entry["caption"] = p.caption
        entries.append(entry)
    doc["photos"] = entries
    DEMO_JSON.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="photo names to draw (default: all)")
    parser.add_argument("--no-json", action="store_true", help="do not rewrite the demo JSON photos list")
    parser.add_argument("--out", type=Path, default=PHOTO_DIR)
    args = parser.parse_args()
    assert sorted(SEQUENCE) == sorted(p.name for p in PHOTOS), "SEQUENCE must list every photo once"
    PHOTOS.sort(key=lambda p: SEQUENCE.index(p.name))
    args.out.mkdir(parents=True, exist_ok=True)
    chosen = [p for p in PHOTOS if not args.only or p.name in args.only]
    total = 0
    for p in chosen:
        path = save(p, render(p), args.out)
        size = path.stat().st_size
        total += size
        print(f"{path.name:45s} {size / 1024:6.0f} KB")
    print(f"{len(chosen)} photos, {total / 1024:.0f} KB")
    if not args.no_json and not args.only:
        update_demo_json(PHOTOS)
        print(f"updated {DEMO_JSON.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

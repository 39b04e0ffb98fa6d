"""Photo import speed: HomeAssess's pipeline against the bare-Pillow floor (budget: ratio ≤ 1.3).

Run: ``.venv/bin/python benchmarks/photo_import.py [--runs 5] [--orientation 1] [--seed 20240601]``

It writes a realistic 12-megapixel phone JPEG (4000 × 3000, q92, EXIF with GPS; smooth
"scene" colours, edges, mid-scale texture and sensor grain, so it is not trivially
compressible) into a temporary folder, then times, as the median of ``--runs`` runs after one
warm-up each, interleaved:

* ``import_ms``: ``homeassess.photos.process_photo(path)``;
* ``floor_ms``: Pillow alone making the same three renditions from the same file (open, draft,
  exif_transpose, convert, resize to 2000 / 1200 / 256 px with the same filter, JPEG-encode at
  the same qualities), without any of the pipeline's checks, metadata stripping or hashing.

Prints one JSON object on stdout: {"import_ms": ..., "floor_ms": ..., "ratio": ...}; details go
to stderr. Exit status 1 when the ratio is over budget.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageOps

from homeassess.photos import process_photo

SIZE = (4000, 3000)
BUDGET = 1.3
RENDITIONS = ((2000, 90), (1200, 85), (256, 80))  # longest side, JPEG quality: as the pipeline


def random_layer(rng: random.Random, size: tuple[int, int], upscale_to: tuple[int, int]) -> Image.Image:
    """Seeded random RGB pixels at ``size``, smoothly enlarged to ``upscale_to``."""
    layer = Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3))
    return layer if size == upscale_to else layer.resize(upscale_to, Image.Resampling.BICUBIC)


def photographic_image(seed: int, size: tuple[int, int] = SIZE) -> Image.Image:
    """A seeded, photograph-like RGB picture of ``size`` (default 12 MP, 4000 × 3000)."""
    rng = random.Random(seed)
    scale = size[0] / SIZE[0]
    scene = random_layer(rng, (24, 18), size)  # broad colour regions: walls, floor, window light
    light = Image.linear_gradient("L").rotate(rng.uniform(0, 360)).resize(size).convert("RGB")
    picture = Image.blend(scene, light, 0.35)
    draw = ImageDraw.Draw(picture)
    for _ in range(60):  # hard edges: door frames, rails, tiles
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        w, h = max(2, round(rng.randrange(20, 900) * scale)), max(2, round(rng.randrange(20, 700) * scale))
        colour = tuple(rng.randrange(256) for _ in range(3))
        if rng.random() < 0.5:
            draw.rectangle((x, y, x + w, y + h), outline=colour, width=rng.randrange(2, 14))
        else:
            draw.line((x, y, x + w, y + h), fill=colour, width=rng.randrange(2, 10))
    picture = picture.filter(ImageFilter.GaussianBlur(1.2))  # lens softness
    texture_size = (max(1, round(1000 * scale)), max(1, round(750 * scale)))
    texture = random_layer(rng, texture_size, size).filter(ImageFilter.GaussianBlur(2))  # fabric, carpet, wood
    picture = Image.blend(picture, texture, 0.18)
    grain = random_layer(rng, size, size).filter(ImageFilter.GaussianBlur(0.6))  # sensor noise
    return Image.blend(picture, grain, 0.12)


def phone_exif(orientation: int) -> bytes:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0112] = "PhoneMaker", "Phone 12", orientation  # Make, Model, Orientation
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (51.0, 30.0, 12.5), "W", (0.0, 7.0, 39.9)
    return exif.tobytes()


def fitted(size: tuple[int, int], max_side: int) -> tuple[int, int]:
    width, height = size
    scale = max_side / max(width, height)
    return size if scale >= 1 else (max(1, round(width * scale)), max(1, round(height * scale)))


def pillow_floor(path: Path) -> list[bytes]:
    """The least Pillow needs to make the same three JPEGs."""
    with Image.open(path) as image:
        image.draft("RGB", fitted(image.size, RENDITIONS[0][0]))
        current = ImageOps.exif_transpose(image).convert("RGB")
    outputs = []
    for side, quality in RENDITIONS:
        target = fitted(current.size, side)
        if target != current.size:
            current = current.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
        buffer = io.BytesIO()
        current.save(buffer, "JPEG", quality=quality)
        outputs.append(buffer.getvalue())
    return outputs


def median_ms(jobs: dict[str, Callable[[], object]], runs: int) -> dict[str, float]:
    for job in jobs.values():  # warm-up: imports, plugin registration, page cache
        job()
    samples: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(runs):
        for name, job in jobs.items():
            started = time.perf_counter()
            job()
            samples[name].append((time.perf_counter() - started) * 1000)
    for name, values in samples.items():
        print(f"{name}: " + ", ".join(f"{v:.1f}" for v in values) + " ms", file=sys.stderr)
    return {name: statistics.median(values) for name, values in samples.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--orientation", type=int, default=1, choices=range(1, 9))
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="homeassess-bench-") as folder:
        path = Path(folder) / "IMG_0001.JPG"
        started = time.perf_counter()
        photographic_image(args.seed).save(path, "JPEG", quality=92, exif=phone_exif(args.orientation))
        print(
            f"sample: {SIZE[0]}x{SIZE[1]} JPEG, {path.stat().st_size / 1e6:.2f} MB, "
            f"orientation {args.orientation}, made in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
        renditions = process_photo(path)
        floor = pillow_floor(path)
        print(
            f"sizes (bytes) pipeline: {len(renditions.working)}/{len(renditions.print_copy)}/"
            f"{len(renditions.thumbnail)}  floor: {'/'.join(str(len(b)) for b in floor)}",
            file=sys.stderr,
        )
        timings = median_ms({"import": lambda: process_photo(path), "floor": lambda: pillow_floor(path)}, args.runs)

    ratio = timings["import"] / timings["floor"]
    print(
        json.dumps(
            {"import_ms": round(timings["import"], 1), "floor_ms": round(timings["floor"], 1), "ratio": round(ratio, 3)}
        )
    )
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())

"""Draw the application icon (a house with a level line) as resources/icons/homeassess.png and .ico."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"


def draw(size: int = 512) -> Image.Image:
    s = size / 512
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    d.rounded_rectangle((16 * s, 16 * s, 496 * s, 496 * s), radius=96 * s, fill=(31, 78, 121, 255))
    d.polygon([(256 * s, 92 * s), (420 * s, 236 * s), (92 * s, 236 * s)], fill=(255, 255, 255, 255))
    d.rectangle((132 * s, 228 * s, 380 * s, 404 * s), fill=(255, 255, 255, 255))
    d.rectangle((226 * s, 300 * s, 286 * s, 404 * s), fill=(31, 78, 121, 255))  # the doorway
    d.rectangle((120 * s, 420 * s, 392 * s, 436 * s), fill=(242, 184, 47, 255))  # a level line
    d.ellipse((248 * s, 420 * s, 264 * s, 436 * s), fill=(31, 78, 121, 255))
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    icon = draw()
    icon.resize((256, 256), Image.LANCZOS).save(OUT / "homeassess.png")
    icon.save(OUT / "homeassess.ico", sizes=[(16, 16), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])


if __name__ == "__main__":
    main()

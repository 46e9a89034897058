"""Draw the program icon into resources/icons/ (crisisdesk.png and crisisdesk.ico).

    .venv/bin/python scripts/make_icon.py

A red rounded square with a white alert triangle: readable at 16 px in a taskbar. The
files are committed; run this again only to change the icon (needs Pillow, which
reportlab brings).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZE = 256


def draw(size: int = SIZE) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((8, 8, size - 8, size - 8), radius=size // 6, fill=(192, 32, 40, 255))
    top, bottom, half = size * 0.2, size * 0.8, size * 0.33
    pen.polygon([(size / 2, top), (size / 2 + half, bottom), (size / 2 - half, bottom)],
                fill=(255, 255, 255, 255))
    bar = size * 0.045
    pen.rectangle((size / 2 - bar, size * 0.40, size / 2 + bar, size * 0.64), fill=(192, 32, 40, 255))
    pen.ellipse((size / 2 - bar, size * 0.68, size / 2 + bar, size * 0.68 + 2 * bar),
                fill=(192, 32, 40, 255))
    return image


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.save(ICONS / "crisisdesk.png", optimize=True)
    image.save(ICONS / "crisisdesk.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64),
                                                (128, 128), (256, 256)])
    print(f"icons written to {ICONS}")


if __name__ == "__main__":
    main()

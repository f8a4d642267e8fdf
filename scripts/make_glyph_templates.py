#!/usr/bin/env python3
"""Build ``extractors/ocr/data/glyph_templates.npz``: the digit reader's reference glyphs.

Tesseract's Thai model reads the Thai digits of TH Sarabun-style fonts badly (measured on the
samples: ``๘`` → ``๕``, ``๖`` → ``๒``, ``๗`` → ``๓``, ``๙`` → ``ด``), with or without a digit
whitelist.  :mod:`extractors.ocr.digit_glyphs` therefore re-reads every number from its glyph shapes,
by nearest neighbour against these templates.

Each template is one character drawn in one Thai font installed by Debian (``fonts-thai-tlwg``:
Laksaman is TH Sarabun New's shapes, plus Garuda, Kinnari, Loma, Norasi, Sawasdee, Umpush, Waree,
...; ``fonts-noto-core``: Noto Sans/Serif/Looped Thai), regular and bold, in three stroke weights
(as drawn, thinned, thickened), normalised by :func:`extractors.ocr.digit_glyphs.normalise`.  Thai
consonants and long vowels are templates too, labelled as letters: a letter must be recognised as
a letter, never forced into the nearest digit.

Run it (needs the fonts: ``apt-get install fonts-thai-tlwg fonts-noto-core``)::

    python scripts/make_glyph_templates.py            # write the file
    python scripts/make_glyph_templates.py --check    # rebuild in memory and compare

The output is deterministic (fonts found by sorted path; PIL rendering is deterministic).
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.ocr.digit_glyphs import LETTER, TEMPLATES_PATH, normalise  # noqa: E402

FONT_DIRS = (Path("/usr/share/fonts/truetype/tlwg"), Path("/usr/share/fonts/truetype/noto"))
SKIP = ("Oblique", "Italic", "Typist", "Typo", "Mono", "Purisa")  #: slanted or typewriter styles
DIGITS = "๐๑๒๓๔๕๖๗๘๙0123456789"
PUNCT = "/()%:"
#: Single-component Thai letters (consonants without detached parts, and free-standing vowels).
LETTERS = "กขคฆงจฉชซฌณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮะาเแโใไๆฯ" + "ABCDEFGHIJKLMNOPRSTUVWXYZabcdeghkmnopqrsuvwxyz"
SIZE_PX = 48


def fonts() -> list[Path]:
    found: list[Path] = []
    for folder in FONT_DIRS:
        for path in sorted(folder.glob("*.ttf")) + sorted(folder.glob("*.otf")):
            if any(s in path.name for s in SKIP):
                continue
            if folder.name == "noto" and "Thai" not in path.name:
                continue
            if folder.name == "noto" and not path.name.endswith(("Regular.ttf", "Bold.ttf")):
                continue
            found.append(path)
    return found


def render(char: str, font: ImageFont.FreeTypeFont) -> np.ndarray | None:
    """The character's ink (255) on a tight canvas, or None if the font lacks it."""
    image = Image.new("L", (SIZE_PX * 3, SIZE_PX * 3), 0)
    ImageDraw.Draw(image).text((SIZE_PX // 2, SIZE_PX // 2), char, fill=255, font=font)
    ink = np.asarray(image)
    ink = np.where(ink > 127, 255, 0).astype(np.uint8)
    if not ink.any():
        return None
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n < 2:
        return None
    biggest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    x, y, w, h = (int(v) for v in stats[biggest][:4])
    return np.where(labels[y : y + h, x : x + w] == biggest, 255, 0).astype(np.uint8)


def build() -> bytes:
    features: list[np.ndarray] = []
    labels: list[str] = []
    kernel = np.ones((2, 2), np.uint8)
    for path in fonts():
        font = ImageFont.truetype(str(path), SIZE_PX)
        for char in DIGITS + PUNCT + LETTERS:
            glyph = render(char, font)
            if glyph is None or glyph.shape[0] < 4:
                continue
            label = char if char in DIGITS + PUNCT else LETTER
            for variant in (glyph, cv2.erode(glyph, kernel), cv2.dilate(glyph, kernel)):
                if variant.any():
                    features.append(normalise(np.asarray(variant, np.uint8)))
                    labels.append(label)
    # np.savez stamps each member with the current time; write the archive with a fixed one.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, array in (("features", np.stack(features)), ("labels", np.array(labels))):
            member = io.BytesIO()
            np.lib.format.write_array(member, array, allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(2022, 12, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, member.getvalue())
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare a fresh build with the file")
    args = parser.parse_args()
    data = build()
    if args.check:
        same = TEMPLATES_PATH.is_file() and TEMPLATES_PATH.read_bytes() == data
        print("templates up to date" if same else "templates differ: rebuild them")
        return 0 if same else 1
    TEMPLATES_PATH.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATES_PATH.write_bytes(data)
    with np.load(TEMPLATES_PATH) as npz:
        print(
            f"{TEMPLATES_PATH}: {len(npz['labels'])} templates from {len(fonts())} fonts, {len(data)} bytes"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Identify a Thai mark from the shape of its glyph in the embedded font.

MS Word maps the nikhahit of sara am, and sometimes other marks, to a space
in the PDF's ToUnicode table: the text layer says ``ค าน า`` for ``คำนำ``.
The glyph itself is still drawn, and the font that draws it is embedded, so
the mark can be told from its outline: pdfium gives the glyph's ink box, and
the font's own ``glyf`` table gives the box of every Thai mark glyph (the
ones in its ``cmap`` and their positional variants reached through ``GSUB``).
The mark is the one whose box, in em units relative to the baseline, fits.
A dictionary cannot do this (names are not in dictionaries); the glyph can.
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass
from functools import lru_cache

log = logging.getLogger(__name__)

#: Thai combining marks and the vowels that can be lost this way (U+0E31, U+0E34–U+0E3A, U+0E47–U+0E4E).
THAI_MARKS = frozenset(chr(c) for c in [0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F)])

#: How far (in em, summed over width, height and vertical offset) a match may be.
MATCH_TOLERANCE = 0.05
#: How much better the best mark must fit than the best *different* mark.
MATCH_MARGIN = 0.03


@dataclass(frozen=True)
class MarkShape:
    """The box of one mark glyph, in em units, relative to origin and baseline."""

    char: str
    glyph: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float

    @property
    def width(self) -> float:
        return self.x_max - self.x_min

    @property
    def height(self) -> float:
        return self.y_max - self.y_min


@dataclass(frozen=True)
class InkBox:
    """A glyph's ink box in em units: width, height, and bottom relative to the baseline."""

    width: float
    height: float
    bottom: float


def _single_substitutions(font: object) -> list[dict[str, str]]:
    """GSUB single-substitution mappings (positional variants of marks)."""
    gsub = font["GSUB"].table  # type: ignore[index]
    maps: list[dict[str, str]] = []
    if gsub.LookupList is None:
        return maps
    for lookup in gsub.LookupList.Lookup:
        for sub in lookup.SubTable:
            ext = getattr(sub, "ExtSubTable", None)
            table = ext if ext is not None else sub
            mapping = getattr(table, "mapping", None)
            if isinstance(mapping, dict):
                maps.append(mapping)
    return maps


def _shapes_from_font(data: bytes) -> tuple[MarkShape, ...]:
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data), lazy=True)
    if "glyf" not in font or "cmap" not in font:
        return ()
    upem = float(font["head"].unitsPerEm)
    glyph_to_char: dict[str, str] = {}
    for code, name in (font.getBestCmap() or {}).items():
        glyph_to_char.setdefault(name, chr(code))
    if "GSUB" in font:
        # A variant is reachable from a base glyph; repeat to follow chains of variants.
        maps = _single_substitutions(font)
        for _ in range(3):
            for mapping in maps:
                for base, variant in mapping.items():
                    if base in glyph_to_char and variant not in glyph_to_char:
                        glyph_to_char[variant] = glyph_to_char[base]
    glyf = font["glyf"]
    shapes: list[MarkShape] = []
    for name, char in sorted(glyph_to_char.items()):
        if char not in THAI_MARKS:
            continue
        glyph = glyf[name]
        if not hasattr(glyph, "xMin"):
            continue  # an empty glyph has no box
        shapes.append(
            MarkShape(char, name, glyph.xMin / upem, glyph.yMin / upem, glyph.xMax / upem, glyph.yMax / upem)
        )
    return tuple(shapes)


@lru_cache(maxsize=256)
def _shapes_by_digest(digest: str, data: bytes) -> tuple[MarkShape, ...]:
    try:
        return _shapes_from_font(data)
    except Exception as err:  # a broken embedded font must not stop the page
        log.debug("cannot read embedded font %s: %s", digest[:12], err)
        return ()


def mark_shapes(font_data: bytes) -> tuple[MarkShape, ...]:
    """The Thai mark glyphs of an embedded TrueType font (cached by content)."""
    if not font_data:
        return ()
    return _shapes_by_digest(hashlib.sha1(font_data).hexdigest(), font_data)


def identify_mark(ink: InkBox, shapes: tuple[MarkShape, ...]) -> str | None:
    """The mark whose glyph box fits ``ink``, or None when none fits clearly.

    >>> nikhahit = MarkShape("\\u0e4d", "uni0E4D", -0.17, 0.46, 0.0, 0.64)
    >>> mai_han = MarkShape("\\u0e31", "uni0E31", -0.25, 0.46, -0.03, 0.56)
    >>> identify_mark(InkBox(0.17, 0.18, 0.465), (nikhahit, mai_han))
    'ํ'
    >>> identify_mark(InkBox(0.40, 0.40, 0.0), (nikhahit, mai_han)) is None
    True
    """
    scored = sorted(
        (abs(ink.width - s.width) + abs(ink.height - s.height) + abs(ink.bottom - s.y_min), s.char)
        for s in shapes
    )
    if not scored or scored[0][0] > MATCH_TOLERANCE:
        return None
    best_score, best = scored[0]
    rival = next((score for score, char in scored[1:] if char != best), None)
    if rival is not None and rival - best_score < MATCH_MARGIN:
        return None
    return best

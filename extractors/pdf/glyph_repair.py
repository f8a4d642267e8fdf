"""Repair glyph-level text-layer defects, one glyph at a time, using each glyph's shape.

The rules, each a defect seen in real archives (see ITA_DOMAIN.md):

* **Lost marks.** A space with no advance but with ink is a mark whose
  Unicode mapping was lost (MS Word's nikhahit of sara am: ``ค าน า``).  The
  mark is identified from the embedded font's outline (``glyph_shapes``); if
  the font cannot tell, a mark drawn above the line and followed by ``า`` is
  the nikhahit of sara am; otherwise it is counted as unresolved and dropped.
* **Fonts that map ``า`` to ``ำ``** (PowerPoint 2013, some bold Word fonts):
  a glyph said to be ``ำ`` whose ink does not rise above the consonants is an
  ``า``.  This is decided per font, against the height of that font's own
  consonants on the page: only a font most of whose ``ำ`` glyphs are no taller
  than its consonants is treated so.
* **Private Use Area marks** (positional glyphs of old fonts) become standard
  code points.
* **Fonts that draw ASCII digits as Thai digits**: the government "IT๙" fonts
  (TH SarabunIT๙ ...) draw ``2563`` as ``๒๕๖๓``; the page, which is what a
  reader sees, wins, so their ASCII digits become Thai digits.
* **Glyphs with no Unicode mapping** (Canva, some design tools) are counted;
  the page classifier sends a page with many of them to OCR.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Callable, Sequence

from extractors.pdf.glyph_shapes import InkBox, MarkShape, identify_mark
from extractors.pdf.textlayer import SPACE_GLYPHS, RawGlyph, needs_font_outline
from extractors.thai.text import arabic_digits_to_thai, is_mark, is_thai_char, map_pua
from schemas import Char, TextQuality

SARA_AA = "\u0e32"
SARA_AM = "\u0e33"
NIKHAHIT = "\u0e4d"

#: The "IT๙" font family (the ๙ may reach us undecoded): its ASCII digits are drawn as Thai digits.
_THAI_DIGIT_FONT = re.compile("IT(?:\u0e59|\ufffd|\xf9)", re.IGNORECASE)

#: Height above the baseline (in em) that a real sara am's nikhahit reaches; an ``า`` stays below it.
_SARA_AM_MIN_RISE = 0.55
#: How far (in em) a sara am's nikhahit rises above the consonants, at the least (0.19 in TH Sarabun).
_NIKHAHIT_RISE = 0.1
#: Consonants of a font needed on the page to measure their height.
_MIN_CONSONANTS = 5
#: A mark whose ink starts this far above the baseline (in em) is drawn above the consonant.
_ABOVE_LINE = 0.35


def _is_unmapped(g: RawGlyph, prev: str, nxt: str) -> bool:
    if g.map_error or (not g.code and not g.generated):
        return True
    if g.code == "\ufffd" or (g.code and ord(g.code) < 0x20 and not g.generated):
        return True
    # Canva-style fonts: Latin Extended letters inside Thai words stand for unmapped glyphs.
    return bool(g.code) and "\u0100" <= g.code <= "\u024f" and (is_thai_char(prev) or is_thai_char(nxt))


def _ink_rise(g: RawGlyph) -> float:
    """How far (in em) the glyph's ink rises above the baseline."""
    return (g.baseline - g.ink.top) / g.size if g.size else 0.0


def draws_thai_digits(font: str) -> bool:
    """Whether ``font`` is one of the "IT๙" fonts that draw ASCII digits as Thai digits.

    >>> draws_thai_digits("ABCDEE+TH SarabunIT\u0e59,Bold"), draws_thai_digits("ABCDEE+TH SarabunPSK")
    (True, False)
    """
    return bool(_THAI_DIGIT_FONT.search(font))


def short_sara_am_limit(consonant_rises: Sequence[float]) -> float:
    """The rise (em above the baseline) below which a font's ``ำ`` glyph is drawn as an ``า``.

    A real sara am carries its nikhahit above the consonants' height; an ``า`` is no taller
    than the consonants.  The font's own consonants on the page say how tall that is (Tahoma's
    are 0.57 em, TH Sarabun's 0.45 em); with too few of them, a fixed height is assumed.

    >>> short_sara_am_limit([0.567, 0.567, 0.57, 0.64, 0.567])
    0.667
    >>> short_sara_am_limit([0.45])
    0.55
    """
    if len(consonant_rises) < _MIN_CONSONANTS:
        return _SARA_AM_MIN_RISE
    return round(statistics.median(consonant_rises) + _NIKHAHIT_RISE, 3)


def sara_am_limits(glyphs: Sequence[RawGlyph]) -> dict[int, float]:
    """Fonts most of whose ``ำ`` glyphs are as short as an ``า`` (they map ``า`` to ``ำ``),
    each with the rise below which one of its ``ำ`` is an ``า``."""
    consonants: defaultdict[int, list[float]] = defaultdict(list)
    sara_am: defaultdict[int, list[float]] = defaultdict(list)
    for g in glyphs:
        if g.ink.height > 0 and g.size > 0:
            if "\u0e01" <= g.code <= "\u0e2e":
                consonants[g.font_key].append(_ink_rise(g))
            elif g.code == SARA_AM:
                sara_am[g.font_key].append(_ink_rise(g))
    limits: dict[int, float] = {}
    for key, rises in sara_am.items():
        limit = short_sara_am_limit(consonants[key])
        if len(rises) >= 3 and sum(r < limit for r in rises) > len(rises) / 2:
            limits[key] = limit
    return limits


def sara_am_swapped_fonts(glyphs: Sequence[RawGlyph]) -> set[int]:
    """Fonts most of whose ``ำ`` glyphs are as short as an ``า``: they map ``า`` to ``ำ``."""
    return set(sara_am_limits(glyphs))


def _lost_mark(g: RawGlyph, beside_aa: bool, shapes: tuple[MarkShape, ...]) -> str | None:
    ink = InkBox(g.ink.width / g.size, g.ink.height / g.size, (g.baseline - g.ink.bottom) / g.size)
    mark = identify_mark(ink, shapes)
    if mark is None and beside_aa and ink.bottom > _ABOVE_LINE:
        mark = NIKHAHIT
    return mark


def _is_aa(g: RawGlyph, swapped: dict[int, float]) -> bool:
    """Whether ``g`` draws an ``า`` (said so, or said ``ำ`` by a font that maps ``า`` to ``ำ``)."""
    return g.code == SARA_AA or (
        g.code == SARA_AM and g.font_key in swapped and _ink_rise(g) < swapped[g.font_key]
    )


def repair_glyphs(
    glyphs: Sequence[RawGlyph],
    font_shapes: Callable[[int], tuple[MarkShape, ...]],
) -> tuple[list[Char], TextQuality]:
    """Turn raw glyphs into repaired ``Char`` records and count what was found.

    ``font_shapes(font_key)`` gives the mark glyphs of a font (empty if unknown).
    Generated glyphs (pdfium's inferred spaces and line breaks) are left out:
    the layout stage infers spaces from geometry itself.
    """
    quality = TextQuality()
    swapped = sara_am_limits(glyphs)
    quality.swapped_sara_am_font = bool(swapped)
    real = [g for g in glyphs if not g.generated]
    chars: list[Char] = []
    for i, g in enumerate(real):
        prev = real[i - 1].code if i else ""
        nxt = real[i + 1].code if i + 1 < len(real) else ""
        quality.chars += 1
        text = g.code
        if _is_unmapped(g, prev, nxt):
            quality.unmapped_glyphs += 1
            text = ""
        elif needs_font_outline(g):
            # Sara am's nikhahit comes just before its า in the stream, or (PowerPoint) just
            # after it, drawn left of it, over the consonant.
            before_aa = bool(i) and _is_aa(real[i - 1], swapped)
            beside = (i + 1 < len(real) and _is_aa(real[i + 1], swapped)) or (
                before_aa and g.ink.x1 <= real[i - 1].origin_x + 0.05 * g.size
            )
            mark = _lost_mark(g, beside, font_shapes(g.font_key))
            if mark is None:
                quality.unresolved_marks += 1
                text = ""
            else:
                quality.repaired_marks += 1
                text = mark
        elif g.code in SPACE_GLYPHS and abs(g.advance) < 0.05 * g.size:
            text = ""  # an inkless zero-width space is not a word space
        elif g.code == SARA_AM and g.font_key in swapped and _ink_rise(g) < swapped[g.font_key]:
            text = SARA_AA
        elif g.code.isascii() and g.code.isdigit() and draws_thai_digits(g.font):
            text = arabic_digits_to_thai(g.code)
        elif "\ue000" <= g.code <= "\uf8ff":
            quality.pua_chars += 1
            text = map_pua(g.code)
        if is_thai_char(text):
            quality.thai_chars += 1
        chars.append(
            Char(
                text=text,
                raw=g.code,
                # A mark's advance says nothing of where it is drawn: its ink does.
                box=g.ink if is_mark(text[:1]) and g.ink.width > 0 else g.loose,
                baseline=g.baseline,
                origin_x=g.origin_x,
                font=g.font,
                size=g.size,
            )
        )
    return chars, quality

"""Repair glyph-level text-layer defects, one glyph at a time, using each glyph's shape.

The rules, each a defect seen in real archives (see ITA_DOMAIN.md):

* **Lost marks.** A space with no advance but with ink is a mark whose
  Unicode mapping was lost (MS Word's nikhahit of sara am: ``ค าน า``).  The
  mark is identified from the embedded font's outline (``glyph_shapes``); if
  the font cannot tell, a mark drawn above the line and followed by ``า`` is
  the nikhahit of sara am; otherwise it is counted as unresolved and dropped.
* **Fonts that map ``า`` to ``ำ``** (PowerPoint 2013, some bold Word fonts):
  a glyph said to be ``ำ`` whose ink does not rise above the consonants is an
  ``า``.  This is decided per font: only a font most of whose ``ำ`` glyphs are
  short is treated so.
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
from collections import Counter
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


def sara_am_swapped_fonts(glyphs: Sequence[RawGlyph]) -> set[int]:
    """Fonts most of whose ``ำ`` glyphs are as short as an ``า``: they map ``า`` to ``ำ``."""
    short: Counter[int] = Counter()
    total: Counter[int] = Counter()
    for g in glyphs:
        if g.code == SARA_AM and g.ink.height > 0 and g.size > 0:
            total[g.font_key] += 1
            if _ink_rise(g) < _SARA_AM_MIN_RISE:
                short[g.font_key] += 1
    return {key for key, n in total.items() if n >= 3 and short[key] > n / 2}


def _lost_mark(g: RawGlyph, next_code: str, shapes: tuple[MarkShape, ...]) -> str | None:
    ink = InkBox(g.ink.width / g.size, g.ink.height / g.size, (g.baseline - g.ink.bottom) / g.size)
    mark = identify_mark(ink, shapes)
    if mark is None and next_code == SARA_AA and ink.bottom > _ABOVE_LINE:
        mark = NIKHAHIT
    return mark


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
    swapped = sara_am_swapped_fonts(glyphs)
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
            following = SARA_AA if nxt == SARA_AM and real[i + 1].font_key in swapped else nxt
            mark = _lost_mark(g, following, font_shapes(g.font_key))
            if mark is None:
                quality.unresolved_marks += 1
                text = ""
            else:
                quality.repaired_marks += 1
                text = mark
        elif g.code in SPACE_GLYPHS and abs(g.advance) < 0.05 * g.size:
            text = ""  # an inkless zero-width space is not a word space
        elif g.code == SARA_AM and g.font_key in swapped and _ink_rise(g) < _SARA_AM_MIN_RISE:
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

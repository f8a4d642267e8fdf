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
* **Unreadably small glyphs** (under 2 pt from ascent to descent: PDFMaker's hidden field
  results) are left out and counted.
* **Hidden marks** (Canva): an unmapped glyph with no advance drawn above the line is a mark;
  the font's own mapped marks of the same width name it, or the marks the glyph can be (not
  those the font draws otherwise) are offered to the dictionary, which may only choose.
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
MAI_EK = "\u0e48"

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
        if g.code == SARA_AM and g.ink.height > 0 and g.size > 0:
            sara_am[g.font_key].append(_ink_rise(g))
    if not any(len(rises) >= 3 for rises in sara_am.values()):
        return {}
    for g in glyphs:
        if "\u0e01" <= g.code <= "\u0e2e" and g.font_key in sara_am and g.ink.height > 0 and g.size > 0:
            consonants[g.font_key].append(_ink_rise(g))
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


#: Text whose line height (points) is below this cannot be read on the page.
MIN_READABLE_HEIGHT = 2.0

#: Marks drawn above the consonant: what a hidden glyph drawn there can be.
ABOVE_MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d"
#: Widths (em) closer than this are the same glyph; heights may differ more between positional variants.
_SAME_WIDTH = 0.015
_SAME_HEIGHT = 0.05


def _em_shape(g: RawGlyph) -> tuple[float, float]:
    return g.ink.width / g.size, g.ink.height / g.size


def _is_hidden_mark(g: RawGlyph) -> bool:
    """An unmapped glyph with no advance drawn above the line: a mark the text layer hides
    (Canva maps the low tone marks to Latin letters with an invalid mapping: ``ดlาน``)."""
    return (
        g.size > 0
        and g.ink.height > 0.03 * g.size
        and abs(g.advance) < 0.05 * g.size
        and (g.baseline - g.ink.bottom) / g.size > _ABOVE_LINE
    )


def known_marks(glyphs: Sequence[RawGlyph]) -> dict[int, dict[str, list[tuple[float, float]]]]:
    """Per font, the shapes (width, height in em) of the above marks its text layer does map."""
    known: dict[int, dict[str, list[tuple[float, float]]]] = defaultdict(lambda: defaultdict(list))
    for g in glyphs:
        if g.code in ABOVE_MARKS and g.size > 0 and g.ink.height > 0 and not g.map_error:
            known[g.font_key][g.code].append(_em_shape(g))
    return known


def hidden_mark_candidates(shape: tuple[float, float], known: dict[str, list[tuple[float, float]]]) -> str:
    """The above marks a hidden glyph of ``shape`` can be, judged from its font's mapped marks.

    A mark of the font drawn with the same width (a positional variant may sit lower and be a
    little taller) is the answer; failing that, any above mark whose glyph in this font is not
    known to look different.

    >>> known = {"\u0e48": [(0.174, 0.237)], "\u0e31": [(0.497, 0.217)], "\u0e34": [(0.581, 0.133)]}
    >>> hidden_mark_candidates((0.174, 0.279), known)
    '่'
    >>> hidden_mark_candidates((0.457, 0.255), known)  # not ั or ิ (known), not ่ (wider than tall)
    'ีึื็้๊๋์ํ'
    >>> hidden_mark_candidates((0.457, 0.255), {})
    'ัิีึื็้๊๋์ํ'
    """
    width, height = shape
    same = "".join(
        mark
        for mark, shapes in known.items()
        if any(abs(w - width) <= _SAME_WIDTH and abs(h - height) <= _SAME_HEIGHT for w, h in shapes)
    )
    if same:
        return same
    # Mai ek is a short upright stroke in every Thai typeface: a glyph wider than tall is not one.
    return "".join(m for m in ABOVE_MARKS if m not in known and not (m == MAI_EK and width > height))


def choose_by_words(left: str, right: str, candidates: str) -> str | None:
    """The candidate mark that, put between ``left`` and ``right``, falls in a dictionary word and
    leaves the fewest characters outside dictionary words, then the fewest words (newmm's own
    preference); None when no single one does.  The glyph
    decides what is possible; the dictionary only chooses among those readings.

    >>> choose_by_words("ด", "านการป", "\u0e36\u0e37\u0e47\u0e49\u0e4a\u0e4b\u0e4c\u0e4d")
    '้'
    >>> choose_by_words("ก", "", "\u0e48\u0e49") is None
    True
    """
    from extractors.thai.text import compose_sara_am
    from extractors.thai.words import is_word, tokenize

    scored: list[tuple[int, int, str]] = []
    for mark in candidates:
        text = compose_sara_am(left + mark + right)
        at, pos, loose, fits = len(left), 0, 0, False
        tokens = tokenize(text)
        for token in tokens:
            start = text.find(token, pos)
            pos = start + len(token)
            word = len(token) > 1 and is_word(token)
            loose += 0 if word else len(token)
            fits = fits or (word and start <= at < pos)
        if fits:
            scored.append((loose, len(tokens), mark))
    scored.sort()
    if not scored or (len(scored) > 1 and scored[1][:2] == scored[0][:2]):
        return None
    return scored[0][2]


def _thai_context(glyphs: Sequence[RawGlyph], i: int, step: int) -> str:
    """Up to 10 Thai characters of glyph ``i``'s line next to it (``step`` -1: before, 1: after)."""
    found: list[str] = []
    here = glyphs[i]
    j = i + step
    while 0 <= j < len(glyphs) and len(found) < 10:
        g = glyphs[j]
        if abs(g.baseline - here.baseline) > 0.35 * here.size:
            break
        if is_thai_char(g.code):
            found.append(g.code)
        elif not g.map_error:
            break
        j += step
    return "".join(reversed(found) if step < 0 else found)


def is_unreadably_small(g: RawGlyph) -> bool:
    """A glyph whose line height (ascent to descent) and font size are both under
    ``MIN_READABLE_HEIGHT`` points: no reader sees it (PDFMaker writes Word's hidden field results
    so: ``17`` at 1 pt before list numbers).  The font size counts too: for some fonts (Loma)
    pdfium's loose box is the glyph's own, under 2 pt for a full stop or a vowel below at 13 pt.
    """
    if not g.code.strip() or not 0 < g.loose.height < MIN_READABLE_HEIGHT:
        return False
    return not g.size or g.size < MIN_READABLE_HEIGHT


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
    drawn = [g for g in glyphs if not g.generated]
    real = [g for g in drawn if not is_unreadably_small(g)]
    quality.tiny_glyphs = len(drawn) - len(real)
    marks_by_font: dict[int, dict[str, list[tuple[float, float]]]] | None = None
    chars: list[Char] = []
    for i, g in enumerate(real):
        prev = real[i - 1].code if i else ""
        nxt = real[i + 1].code if i + 1 < len(real) else ""
        quality.chars += 1
        text = g.code
        if _is_unmapped(g, prev, nxt):
            text = ""
            if _is_hidden_mark(g):
                if marks_by_font is None:
                    marks_by_font = known_marks(real)
                candidates = hidden_mark_candidates(_em_shape(g), marks_by_font.get(g.font_key, {}))
                if len(candidates) > 1:
                    left, right = _thai_context(real, i, -1), _thai_context(real, i, 1)
                    candidates = choose_by_words(left, right, candidates) or ""
                text = candidates if len(candidates) == 1 else ""
            if text:
                quality.repaired_marks += 1
            else:
                quality.unmapped_glyphs += 1
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

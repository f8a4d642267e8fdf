"""Read a page's text layer through pdfium, one record per glyph, with its geometry.

pdfium honours /ActualText (LibreOffice puts sara am and some marks there;
pdfminer ignores it and gives ``ำา``, ``ข้อม้ล`` and ``(cid:N)``), keeps the
content-stream order (pdfminer's x-sort scrambles zero-width marks:
``เลม่``), and reports each glyph's ink box, which is what lets
``glyph_repair`` tell a lost mark from a space.  Coordinates are converted
here to pdfplumber's convention (origin top-left) so that text and table
geometry from pdfplumber meet without conversion anywhere else.
"""

from __future__ import annotations

import ctypes
from collections.abc import Sequence
from dataclasses import dataclass, replace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.pdf.rulings import ruling_boxes
from schemas import BBox

#: Page object type codes (fpdf_edit.h).
#: Code points a text layer uses for a space glyph (or for a mark whose mapping was lost).
SPACE_GLYPHS = frozenset(" \xa0\u200b\u3000")

_OBJ_PATH = 2
_OBJ_IMAGE = 3
#: A path thinner than this (points) and taller than ``_RULE_MIN_HEIGHT`` is a vertical ruling line.
_RULE_MAX_WIDTH = 2.5
_RULE_MIN_HEIGHT = 6.0


@dataclass(frozen=True, slots=True)
class RawGlyph:
    """What the text layer says about one glyph, before any repair."""

    code: str  #: the Unicode text pdfium maps the glyph to
    ink: BBox  #: the glyph's drawn outline (may be empty for spaces)
    loose: BBox  #: origin-to-advance horizontally, font ascent-to-descent vertically
    origin_x: float
    baseline: float
    size: float
    font: str
    font_key: int  #: identifies the font object within its page
    generated: bool  #: pdfium inferred it (a space or line break), it is not in the PDF
    map_error: bool  #: the PDF's Unicode mapping for the glyph is invalid

    @property
    def advance(self) -> float:
        return self.loose.x1 - self.origin_x


@dataclass
class RawPage:
    """The glyphs of one page and what else is drawn on it."""

    number: int
    width: float
    height: float
    glyphs: list[RawGlyph]
    image_area_share: float  #: share of the page covered by images (capped at 1)
    vertical_rules: list[BBox]  #: thin vertical paths: table column borders, where lines must split
    rulings: list[BBox]  #: every horizontal and vertical straight piece of the page's paths
    font_data: dict[int, bytes]  #: embedded font program by ``font_key``, loaded on demand
    replaced_chars: int = 0  #: unpaired surrogates pdfium gave, replaced by U+FFFD


class _PageReader:
    """Holds the ctypes buffers for one text page, so reading a glyph allocates nothing."""

    def __init__(self, page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> None:
        self.page = page
        self.tp = textpage.raw
        left, _bottom, _right, top = page.get_mediabox()
        self.x_offset = left
        self.y_top = top
        self._l, self._r, self._b, self._t = (ctypes.c_double() for _ in range(4))
        self._x, self._y = ctypes.c_double(), ctypes.c_double()
        self._rect = pdfium_c.FS_RECTF()
        self._name = ctypes.create_string_buffer(256)
        self._flags = ctypes.c_int()
        self._fonts: dict[int, str] = {}
        self._matrix = pdfium_c.FS_MATRIX()
        self._scales: dict[tuple[int, float, float], float] = {}  #: (font, size, line height) → scale

    def box(self, left: float, bottom: float, right: float, top: float) -> BBox:
        return BBox(left - self.x_offset, self.y_top - top, right - self.x_offset, self.y_top - bottom)

    def glyph(self, i: int) -> RawGlyph:
        tp = self.tp
        code = pdfium_c.FPDFText_GetUnicode(tp, i)
        pdfium_c.FPDFText_GetCharBox(tp, i, self._l, self._r, self._b, self._t)
        ink = self.box(self._l.value, self._b.value, self._r.value, self._t.value)
        pdfium_c.FPDFText_GetLooseCharBox(tp, i, self._rect)
        r = self._rect
        loose = self.box(r.left, r.bottom, r.right, r.top)
        pdfium_c.FPDFText_GetCharOrigin(tp, i, self._x, self._y)
        obj = pdfium_c.FPDFText_GetTextObject(tp, i)
        size = float(pdfium_c.FPDFText_GetFontSize(tp, i))
        font_key = 0
        font_name = ""
        if obj:
            font = pdfium_c.FPDFTextObj_GetFont(obj)
            font_key = ctypes.cast(font, ctypes.c_void_p).value or 0
            # PDFMaker sets 1 Tf and scales the text matrix (Canva shrinks it): pdfium's size
            # leaves the matrix out.  Glyphs of one font, size and line height share a scale.
            key = (font_key, size, loose.height)
            scale = self._scales.get(key)
            if scale is None:
                scale = self._scales[key] = self._scale(obj)
            size *= scale
            font_name = self._fonts.get(font_key, "")
            if not font_name:
                pdfium_c.FPDFText_GetFontInfo(tp, i, self._name, 256, self._flags)
                font_name = self._name.value.decode("utf-8", "replace")
                self._fonts[font_key] = font_name
        return RawGlyph(
            code=chr(code) if code else "",
            ink=ink,
            loose=loose,
            origin_x=self._x.value - self.x_offset,
            baseline=self.y_top - self._y.value,
            size=size,
            font=font_name,
            font_key=font_key,
            generated=bool(pdfium_c.FPDFText_IsGenerated(tp, i)),
            map_error=pdfium_c.FPDFText_HasUnicodeMapError(tp, i) == 1,
        )

    def _scale(self, obj: pdfium_c.FPDF_PAGEOBJECT) -> float:
        """How much the text object's matrix enlarges its glyphs (1 if it cannot be read)."""
        if pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(self._matrix)):
            m = self._matrix
            return abs(m.a * m.d - m.b * m.c) ** 0.5 or 1.0
        return 1.0

    def font_data(self, i: int) -> bytes:
        obj = pdfium_c.FPDFText_GetTextObject(self.tp, i)
        if not obj:
            return b""
        font = pdfium_c.FPDFTextObj_GetFont(obj)
        size = ctypes.c_size_t()
        if not pdfium_c.FPDFFont_GetFontData(font, None, 0, ctypes.byref(size)) or not size.value:
            return b""
        buf = (ctypes.c_uint8 * size.value)()
        pdfium_c.FPDFFont_GetFontData(font, buf, size.value, ctypes.byref(size))
        return bytes(buf)

    def vertical_rules(self) -> list[BBox]:
        rules = []
        for obj in self.page.get_objects(filter=(_OBJ_PATH,), max_depth=2):
            left, bottom, right, top = obj.get_bounds()
            if right - left <= _RULE_MAX_WIDTH and top - bottom >= _RULE_MIN_HEIGHT:
                rules.append(self.box(left, bottom, right, top))
        return rules

    def image_area_share(self, width: float, height: float) -> float:
        # Image bounds are in the page's own space, before /Rotate; the page's size is after it.
        if self.page.get_rotation() in (90, 270):
            width, height = height, width
        area = 0.0
        page_area = max(width * height, 1.0)
        for obj in self.page.get_objects(filter=(_OBJ_IMAGE,), max_depth=2):
            left, bottom, right, top = obj.get_bounds()
            w = max(0.0, min(right, self.x_offset + width) - max(left, self.x_offset))
            h = max(0.0, min(top, self.y_top) - max(bottom, self.y_top - height))
            area += w * h
        return min(area / page_area, 1.0)


def read_raw_page(doc: pdfium.PdfDocument, number: int) -> RawPage:
    """The glyphs of page ``number`` (1-based), in content-stream order."""
    page = doc[number - 1]
    textpage = page.get_textpage()
    try:
        width, height = page.get_size()
        reader = _PageReader(page, textpage)
        n = pdfium_c.FPDFText_CountChars(textpage.raw)
        glyphs, replaced = join_surrogates([reader.glyph(i) for i in range(max(n, 0))])
        # Embedded fonts are read only for fonts that have zero-advance spaces:
        # the only glyphs whose identity we must recover from their outline.
        font_data: dict[int, bytes] = {}
        for i, g in enumerate(glyphs):
            if g.font_key not in font_data and needs_font_outline(g):
                font_data[g.font_key] = reader.font_data(i)
        images = reader.image_area_share(width, height)
        rules = reader.vertical_rules() if glyphs else []
        rulings = ruling_boxes(page) if glyphs else []
    finally:
        textpage.close()
        page.close()
    return RawPage(number, width, height, glyphs, images, rules, rulings, font_data, replaced)


def pair_surrogates(codes: Sequence[str]) -> list[tuple[int, str]]:
    """Characters from pdfium's UTF-16 code units: ``(index of the first unit, character)``.

    pdfium reports a character outside the Basic Multilingual Plane (a mathematical italic
    letter, an emoji) as two "characters", a high and a low surrogate.  A pair becomes one
    character; a surrogate without its partner cannot be encoded and becomes U+FFFD.

    >>> pair_surrogates(["\\ud835", "\\udc35", "\u0e01"])
    [(0, '𝐵'), (2, 'ก')]
    >>> pair_surrogates(["\\udc35", "\u0e01", "\\ud835"])
    [(0, '\ufffd'), (1, 'ก'), (2, '\ufffd')]
    """
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(codes):
        code = codes[i]
        nxt = codes[i + 1] if i + 1 < len(codes) else ""
        if len(code) == 1 and "\ud800" <= code <= "\udbff" and len(nxt) == 1 and "\udc00" <= nxt <= "\udfff":
            out.append((i, chr(0x10000 + ((ord(code) - 0xD800) << 10) + (ord(nxt) - 0xDC00))))
            i += 2
            continue
        out.append((i, "\ufffd" if len(code) == 1 and "\ud800" <= code <= "\udfff" else code))
        i += 1
    return out


def join_surrogates(glyphs: list[RawGlyph]) -> tuple[list[RawGlyph], int]:
    """The glyphs with surrogate pairs joined (one glyph, both boxes) and lone surrogates replaced.

    Returns the glyphs and how many code units were replaced by U+FFFD.
    """
    if not any("\ud800" <= g.code <= "\udfff" for g in glyphs if len(g.code) == 1):
        return glyphs, 0
    out: list[RawGlyph] = []
    replaced = 0
    for i, char in pair_surrogates([g.code for g in glyphs]):
        g = glyphs[i]
        if char == g.code:
            out.append(g)
            continue
        if char == "\ufffd":
            replaced += 1
            out.append(replace(g, code=char, map_error=True))
            continue
        low = glyphs[i + 1]
        ink = g.ink.union(low.ink) if low.ink.width > 0 or low.ink.height > 0 else g.ink
        out.append(replace(g, code=char, ink=ink, loose=g.loose.union(low.loose)))
    return out, replaced


def needs_font_outline(g: RawGlyph) -> bool:
    """A space with no advance: a mark glyph whose Unicode mapping was lost."""
    return (
        not g.generated
        and g.code in SPACE_GLYPHS
        and g.size > 0
        and abs(g.advance) < 0.05 * g.size
        and g.ink.height > 0.03 * g.size
    )

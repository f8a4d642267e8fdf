"""Read pages: raw glyphs, glyph repair, layout and classification, one ``PageText`` per page."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pypdfium2 as pdfium

from extractors.pdf.glyph_repair import repair_glyphs
from extractors.pdf.glyph_shapes import MarkShape, mark_shapes
from extractors.pdf.images import MIN_PICTURE_SHARE, find_pictures
from extractors.pdf.layout import build_lines
from extractors.pdf.page_kind import classify_page
from extractors.pdf.textlayer import read_raw_page
from schemas import PageKind, PageText


def read_page(doc: pdfium.PdfDocument, number: int) -> PageText:
    """The repaired text layer of page ``number`` (1-based), classified."""
    raw = read_raw_page(doc, number)

    def shapes(font_key: int) -> tuple[MarkShape, ...]:
        return mark_shapes(raw.font_data.get(font_key, b""))

    chars, quality = repair_glyphs(raw.glyphs, shapes)
    quality.replaced_chars = raw.replaced_chars
    visible = sum(1 for c in chars if c.text.strip())
    kind, reason = classify_page(visible, quality, raw.image_area_share)
    lines = build_lines(chars, raw.vertical_rules) if kind is PageKind.TEXT else []
    # Only a page whose images cover enough of it is walked again for its pictures: a text page
    # without pictures costs nothing more.
    pictures = (
        find_pictures(doc, number, chars)
        if kind is PageKind.TEXT and raw.image_area_share >= MIN_PICTURE_SHARE
        else []
    )
    return PageText(
        number=number,
        width=raw.width,
        height=raw.height,
        kind=kind,
        lines=lines,
        chars=chars if kind is PageKind.TEXT else [],
        quality=quality,
        reason=reason,
        rulings=raw.rulings if kind is PageKind.TEXT else [],
        pictures=pictures,
    )


def read_pages(doc: pdfium.PdfDocument, numbers: Iterable[int]) -> Iterator[PageText]:
    for number in numbers:
        yield read_page(doc, number)

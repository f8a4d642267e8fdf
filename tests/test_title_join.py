"""Joining a title's lines: a wrap inside a phrase takes no space, the author's break between the
title's phrases takes one, decided from the page's geometry and, where the geometry allows both,
from the words that open the next line."""

from __future__ import annotations

from extractors.ita.title import join_title, opens_phrase
from extractors.pdf.glyph_repair import is_unreadably_small
from extractors.pdf.textlayer import RawGlyph
from extractors.thai.page_furniture import running_lines
from schemas import BBox, Line, PageKind, PageText, Word

#: A page's text runs over 462 points (A4 with 2.7 cm margins), as in the corpus.
TEXT_WIDTH = 462.0


def _centred(text: str, width: float, top: float) -> Line:
    x0 = 76.7 + (TEXT_WIDTH - width) / 2
    box = BBox(x0, top, x0 + width, top + 16)
    words = []
    x = x0
    parts = text.split(" ")
    for part in parts:  # each word's width in proportion to its letters
        w = width * len(part) / sum(len(p) for p in parts)
        words.append(Word(part, part, BBox(x, top, x + w, top + 16)))
        x += w
    return Line(text, text, box, tuple(words))


def test_a_line_with_room_for_the_next_word_was_broken_by_the_author() -> None:
    lines = [_centred("ประจำปีงบประมาณ", 127.0, 0), _centred("พ.ศ.๒๕๖๙", 69.4, 24)]
    assert join_title(lines, TEXT_WIDTH) == "ประจำปีงบประมาณ พ.ศ.๒๕๖๙"


def test_a_full_line_wrapped_inside_a_phrase_joins_without_a_space() -> None:
    lines = [
        _centred("การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนิน", 437.1, 0),
        _centred("งานของหน่วยงานภาครัฐ (ITA)", 199.6, 24),
    ]
    joined = "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)"
    assert join_title(lines, TEXT_WIDTH) == joined


def test_a_full_line_before_the_year_phrase_keeps_the_phrases_space() -> None:
    """The first line leaves less room than ``ประจำปี`` needs, so a wrap is possible, but the next
    line opens the title's year phrase: the author broke the title between phrases."""
    lines = [
        _centred("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", 440.2, 0),
        _centred("ประจำปีงบประมาณ พ.ศ. 2563", 234.8, 24),
    ]
    joined = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2563"
    assert join_title(lines, TEXT_WIDTH) == joined


def test_thai_after_a_latin_word_or_a_bracket_takes_a_space() -> None:
    assert opens_phrase("ของหน่วยงานภาครัฐ (ITA)", "และการพัฒนา")
    assert opens_phrase("การประเมิน ITA", "ประจำปี")
    assert not opens_phrase("ความโปร่งใส และ", "มาตรการส่งเสริม")  # a wrap inside the measures phrase
    assert not opens_phrase("ภายในหน่วย", "งาน")


def _glyph(code: str, loose_height: float, size: float) -> RawGlyph:
    box = BBox(0, 0, 3, loose_height)
    return RawGlyph(code, box, box, 0.0, loose_height, size, "Loma", 1, False, False)


def test_a_full_stop_whose_loose_box_is_its_own_is_not_too_small_to_read() -> None:
    """pdfium gives some fonts' glyphs (Loma's) a loose box of their own outline: a 13 pt full stop
    or vowel below is under 2 pt tall, but its font size says it is read on the page.  PDFMaker's
    hidden field results (1 pt text) stay out."""
    assert not is_unreadably_small(_glyph(".", 1.83, 13.0))
    assert not is_unreadably_small(_glyph("ู", 1.5, 11.0))
    assert is_unreadably_small(_glyph("1", 1.2, 1.0))
    assert not is_unreadably_small(_glyph("ก", 9.0, 13.0))


def _at(text: str, top: float) -> Line:
    box = BBox(100, top, 495, top + 14)
    return Line(text, text, box, (Word(text, text, box),))


def test_a_header_on_every_page_is_running_though_a_page_number_pushes_it_down() -> None:
    """The first page has no page number, so its header sits higher than on the others: printed in
    the top margin of every page, it is a running header all the same."""
    header = "รายงานการวิเคราะห์ผลการประเมิน ITA ปี ๒๕๖๔"
    pages = []
    for n in (1, 2, 3):
        top = [_at(header, 25)] if n == 1 else [_at(f"- {n} -", 22), _at(header, 48)]
        body = [_at("มาตรการที่ ๑ ส่งเสริมการปฏิบัติหน้าที่", 300)]
        pages.append(PageText(n, 595, 842, PageKind.TEXT, [*top, *body]))
    assert running_lines(pages) == {(1, 0), (2, 1), (3, 1)}
    # a heading repeated on one other page only, at another height, stays body text
    two = [PageText(n, 595, 842, PageKind.TEXT, [_at(header, 25 + 20 * n)]) for n in (1, 2)]
    assert running_lines([*two, PageText(3, 595, 842, PageKind.TEXT, [_at("ข้อความ", 300)])]) == set()

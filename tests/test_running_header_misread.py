"""A running header OCR read differently on some pages is still one, and the title under it is found.

Fresh c77 slides s418 and s419 (scan150): every slide prints ``รายงานการวิเคราะห์ผลการประเมิน ITA ปี
2566`` at its top right.  OCR read ``ITA`` as ``[โค`` on the first slide, ``TA`` or ``(TA`` on
others; the first slide's line matched no other, so it was no running header, and, not centred,
it ended the title block before the title began: the document had no title.
"""

from __future__ import annotations

from extractors.ita.facts import read_facts
from extractors.thai.page_furniture import running_lines
from schemas import BBox, Line, PageKind, PageText, Word

WIDTH, HEIGHT = 720.0, 405.36
HEADERS = [
    "รายงานการวิเคราะห์ผลการประเมิน [โคปี2566",
    "รายงานการวิเคราะห์ผลการประเมิน ITAปี2566",
    "รายงานการวิเคราะห์ผลการประเมิน (TAปี2566",
    "รายงานการวิเคราะห์ผลการประเมิน ITAปี2566",
]
TITLE = "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)"


def _line(text: str, x0: float, top: float, x1: float) -> Line:
    box = BBox(x0, top, x1, top + 18)
    return Line(text, text, box, (Word(text, text, box),))


def _pages() -> list[PageText]:
    pages = []
    for number, header in enumerate(HEADERS, start=1):
        lines = [_line(header, 462, 26, 691)]
        if number == 1:
            lines += [
                _line(TITLE, 39, 50, 680),
                _line("ประจำปีงบประมาณ พ.ศ. ๒๕๖๗", 294, 75, 425),
                _line("โรงพยาบาลสว่างแดนดิน อ.สว่างแดนดิน จ.สกลนคร", 210, 108, 509),
                _line("การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐเป็นเครื่องมือ", 64, 150, 688),
            ]
        else:
            lines.append(_line(f"มาตรการที่ {number}", 64, 150, 400))
        pages.append(PageText(number, WIDTH, HEIGHT, PageKind.SCANNED, lines))
    return pages


def test_a_header_read_with_a_glyph_or_two_different_is_still_running() -> None:
    assert {(n, i) for n, i in running_lines(_pages()) if i == 0} == {(1, 0), (2, 0), (3, 0), (4, 0)}


def test_the_title_under_a_misread_running_header_is_found() -> None:
    facts = read_facts(_pages(), [])
    assert facts.title is not None and facts.title.startswith("การวิเคราะห์ผลการประเมินคุณธรรม")


def test_different_lines_at_the_top_are_not_one() -> None:
    pages = _pages()
    pages[1].lines[0] = _line("แผนปฏิบัติการป้องกันการทุจริต ประจำปี", 462, 26, 691)
    pages[3].lines[0] = _line("ผลการดำเนินงานตามมาตรการส่งเสริม", 462, 26, 691)
    found = {n for n, i in running_lines(pages) if i == 0}
    assert 2 not in found and 4 not in found

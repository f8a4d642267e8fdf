"""The title of a scanned page: where it ends when OCR damaged the agency line's district word, and
a mark OCR set on a digit of its year.  Geometry measured (points) on scanned twins of development
draws' documents, page 1 (``bench/scan_twins.py``)."""

from __future__ import annotations

from extractors.ita.facts import Passage, read_facts
from schemas import BBox, Line, PageKind, PageText, Word


def _page(rows: list[tuple[float, float, float, str]]) -> PageText:
    lines = []
    for x0, x1, top, text in rows:
        box = BBox(x0, top, x1, top + 20)
        lines.append(Line(text, text, box, (Word(text, text, box),)))
    return PageText(1, 595.8, 842.0, PageKind.SCANNED, lines)


#: A scan at 150 dpi: ``อำเภอสว่างแดนดิน`` read ``อำเภกอสว่างแดนดิน`` in the agency line.
DAMAGED_DISTRICT = [
    (87, 529, 66, "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน"),
    (220, 396, 95, "ของหน่วยงานภาครัฐ (ITA)"),
    (183, 433, 123, "และแนวทางการยกระดับผลการประเมิน"),
    (207, 408, 157, "ประจำปีงบประมาณ พ.ศ. 2565"),
    (135, 480, 179, "โรงพยาบาลสว่างแดนดิน อำเภกอสว่างแดนดิน จังหวัดสกลนคร"),
    (113, 538, 201, "ตามที่สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ"),
]


def _facts(rows: list[tuple[float, float, float, str]]):
    page = _page(rows)
    return read_facts([page], [Passage(ln.text, 1, ln.box) for ln in page.lines])


def test_an_agency_line_whose_district_word_was_damaged_is_not_part_of_the_title() -> None:
    facts = _facts(DAMAGED_DISTRICT)
    assert facts.title is not None and facts.title.endswith("ประจำปีงบประมาณ พ.ศ. 2565")
    assert (facts.agency, facts.province) == ("โรงพยาบาลสว่างแดนดิน", "สกลนคร")


def test_a_title_line_that_names_a_province_in_a_sentence_stays_in_the_title() -> None:
    """Only an address's end, a province's name closing the line, ends the title
    (``จังหวัดสีขาว``, a campaign, does not)."""
    rows = [
        (120, 476, 66, "มาตรการส่งเสริมคุณธรรมและความโปร่งใส"),
        (140, 456, 89, "เทศบาลตำบลวังไผ่ ร่วมกับเครือข่ายจังหวัดสีขาว"),
        (207, 389, 112, "ประจำปีงบประมาณ พ.ศ. 2565"),
    ]
    facts = _facts(rows)
    assert facts.title is not None and facts.title.endswith("ประจำปีงบประมาณ พ.ศ. 2565")


def test_a_mark_read_on_a_digit_of_the_title_year_is_dropped() -> None:
    """A rotated twin read the speck above ``๒๕๖๗`` as a tone mark: ``๒๕๖๗่``."""
    rows = [
        (227, 388, 73, "ประกาศโรงพยาบาลนาแก"),
        (103, 513, 101, "เรื่อง มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
        (203, 414, 130, "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗่"),
    ]
    facts = _facts(rows)
    assert facts.title is not None and facts.title.endswith("พ.ศ. ๒๕๖๗")
    assert facts.fiscal_year == 2567


def test_a_title_year_misread_before_the_first_ita_is_written_as_the_fiscal_year() -> None:
    """A rotated twin read the title's ``พ.ศ.๒๕๖๙`` as ``พ.ศ.๒๔๖๙`` (๕ for ๔); the document's
    fiscal year, 2569, came from its measures' sentence.  The title is written with it, with a
    doubt; the reading stays a candidate."""
    from extractors.ita.interpret import mend_title_year
    from schemas import DOUBT_CONFIDENCE

    rows = [
        (150, 450, 66, "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
        (205, 395, 89, "ประจำปีงบประมาณ พ.ศ.๒๔๖๙"),
        (77, 539, 160, "จึงได้กำหนดมาตรการเพื่อดำเนินการในปีงบประมาณ ๒๕๖๙"),
    ]
    facts = _facts(rows)
    assert facts.fiscal_year == 2569
    mend_title_year(facts)
    assert facts.title == "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ.๒๕๖๙"
    assert facts.sources["title"].confidence == DOUBT_CONFIDENCE
    assert [c.chosen for c in facts.candidates["title"]] == [True, False]

"""A ruled grid continued on a page where every period was read as Latin letters (issue 14,
draw 207's c91 scan150: ``NLA. - เม.ย. 68`` and ``ภายใน 30 Hu. 2568``, the only two cells of the
grid's last page): no cell parses, so the grid's own cells place no period column and its worker
read nothing again.  The grid the header stands over places the column, by position, and the
cells are then read again from the page image."""

from __future__ import annotations

from extractors.ocr.fields import period_column
from extractors.ocr.period_reread import guided_column, needs_reread
from schemas import Table
from tests.period_tables import step_period_table


def _grid(page: int, rows: list[tuple[str, str]], strategy: str = "lines") -> Table:
    return step_period_table(page, rows, strategy)


FIRST = _grid(4, [("ขั้นตอน", "ระยะเวลา"), ("๑. ประชุม", "ก.พ. 68")])


def test_a_continued_grid_read_as_latin_takes_its_period_column_from_the_grid_with_the_header() -> None:
    later = _grid(6, [("๑. ประกาศ", "NLA. - เม.ย. 68"), ("๒. ติดตาม", "ภายใน 30 Hu. 2568")])
    assert period_column(later) is None  # nothing on its own page says which column
    known = guided_column(later, [FIRST, later])
    assert known == (1, -1)
    assert needs_reread(later, None, known)


def test_a_grid_of_scores_where_the_period_column_stands_is_not_read_again() -> None:
    scores = _grid(6, [("การปฏิบัติหน้าที่", "๘๘.๑๒"), ("การใช้งบประมาณ", "๙๐.๐๐")])
    assert guided_column(scores, [FIRST, scores]) is None
    assert not needs_reread(scores, None, None)


def test_a_grid_with_its_own_period_column_is_left_to_its_worker() -> None:
    own = _grid(5, [("ขั้นตอน", "ระยะเวลา"), ("๑. ประชุม", "NLA. 68")])
    assert period_column(own) == (1, 0)
    assert not needs_reread(own, None, None)


def test_a_borderless_table_guides_no_grid() -> None:
    later = _grid(6, [("๑. ประกาศ", "NLA. - เม.ย. 68"), ("๒. ติดตาม", "ภายใน 30 Hu. 2568")])
    borderless = _grid(4, [("ขั้นตอน", "ระยะเวลา"), ("๑. ประชุม", "ก.พ. 68")], "borderless")
    assert guided_column(later, [borderless, later]) is None

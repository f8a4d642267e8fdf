"""A header cell whose two words a scan set a gutter's width apart.

Fresh c78 s439 rotated, page 2 (stored upside down): the header's ``ระยะ`` and ``เวลา`` stood 7 pt
apart, and the rows under them kept white there (between a range's ends: ``ม.ค. -`` / ``เม.ย. 66``),
so the header was opened at that gap and the period column cut in two: ``ม.ค. - เม.ย.`` in one,
``- 66`` in the other, and neither named the period.  The page's lines are OCR's own, saved in
``tests/data/ocr_lines``.
"""

from __future__ import annotations

from extractors.ita.headers import names_field
from extractors.ocr.rows import scan_borderless
from tests.ocr_lines import saved_page


def test_a_header_cell_cut_at_a_scans_word_gap_stays_one_column() -> None:
    (table,) = scan_borderless(saved_page("c78-s439-rotated-p2", 2), [], names_field)
    assert table.n_cols == 5

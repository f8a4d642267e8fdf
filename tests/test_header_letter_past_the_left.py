"""A measures header whose narrow first column, one letter a line, OCR read in part only.

Fresh c83 s471 scan150, page 3: the header's first column is ``ลำดับ`` written a letter a line
(``ล`` / ``ำ`` / ``ด`` / ``ั`` / ``บ``).  OCR lost ``ล`` and ``ำ``, so the header found began with
``ประเด็นที่ต้องปรับปรุง``; its third line, ``ด ปรับปรุง การ ผิดชอบ ผล``, then had ``ด`` left of
that column, off the centre of its header text, and was not taken for the header's rest.  The
first data row stood under it, and the measures table was lost whole (no actions).  The page's
lines are OCR's own, saved in ``tests/data/ocr_lines``.
"""

from __future__ import annotations

from extractors.ita.headers import names_field
from extractors.ocr.rows import scan_borderless
from tests.ocr_lines import saved_page


def test_a_lone_letter_left_of_the_header_does_not_end_it() -> None:
    tables = scan_borderless(saved_page("c83-s471-scan150-p3", 3), [], names_field)
    assert len(tables) == 1
    (table,) = tables
    assert table.n_cols == 7
    assert table.n_rows >= 4  # the header and three measures at least

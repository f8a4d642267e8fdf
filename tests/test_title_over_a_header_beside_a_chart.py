"""A title over a measures header on a scanned page that also holds a bar chart in small print.

Fresh c78 s437 rotated, page 2 (landscape): a bar chart's ten rows of short labels in small print
(6 pt tall) stood above the measures table.  The page's body text size was the median word
height, the chart's words outnumbered the body's, and it came out half the body's: the few points
between the words of the title over the table's header then read as gutters, the title as a row of
the table's block, and no header could start there.  The table was never found.  The line over a
would-be header and the header are now judged at their own type size.  The page's lines are OCR's
own, saved in ``tests/data/ocr_lines``.
"""

from __future__ import annotations

from extractors.ita.headers import names_field
from extractors.ocr.rows import scan_borderless
from tests.ocr_lines import saved_page


def test_the_measures_table_under_a_title_is_found_beside_a_chart() -> None:
    page = saved_page("c78-s437-rotated-p2", 2)
    found = [t for t in scan_borderless(page, [], names_field) if t.n_cols == 4]
    assert len(found) == 1 and 375 < found[0].box.top < 390  # the header's top, not the title's (355)

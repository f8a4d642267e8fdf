"""Borderless measures tables on scans whose header OCR read close or tall (issue 14): two header
cells set close with a speck of dust in the white between them under the header, and a header
set larger than the body whose wrapped line lies more than the body's pitch below its first.
"""

from __future__ import annotations

from dataclasses import replace

from extractors.ocr.rows import scan_borderless
from schemas import BBox, Word
from tests.rows_shapes import COLUMNS, HEADER, PERIODS, close_header
from tests.rows_shapes import line as _line
from tests.rows_shapes import names as _names
from tests.rows_shapes import page as _page
from tests.rows_shapes import periods as _periods
from tests.rows_shapes import rows as _rows
from tests.rows_shapes import word as _word


def test_a_speck_in_the_white_between_two_close_header_cells_does_not_join_their_columns() -> None:
    # ``ผู้รับผิดชอบ`` ends 4 pt before ``ระยะเวลา``: narrower than a gutter, so the header is
    # opened there only if the lines under it keep the white; a 1-pt speck read ``ฮ`` sits in it
    header = close_header()
    body = _rows(130.0, 1, 3)
    body[1] = _line([*body[1].words, _word("ฮ", COLUMNS[3] - 3.9, body[1].box.top, 1.0)])
    (table,) = scan_borderless(_page([header, *body]), [], _names)
    assert table.n_cols == 4
    assert _periods([table]) == list(PERIODS[:3])


def test_a_header_set_larger_than_the_body_keeps_its_wrapped_line() -> None:
    # the header's lines are 24 pt tall (the body's 15 pt): its wrapped second line starts 30 pt
    # below its first, more than the body's pitch allows, with 6 pt of white between them
    def tall(text: str, x0: float, top: float) -> Word:
        word = _word(text, x0, top)
        return replace(word, box=BBox(word.box.x0, top, word.box.x1, top + 24.0))

    first = _line([*(tall(h, x, 100.0) for h, x in zip(HEADER, COLUMNS, strict=True))])
    second = _line([tall("แนวทาง", COLUMNS[0], 130.0)])  # ``มาตรการ/`` / ``แนวทาง``
    (table,) = scan_borderless(_page([first, second, *_rows(170.0, 1, 3)]), [], _names)
    assert any("แนวทาง" in c.text for c in table.cells if c.row == 0)  # the header's, no row's
    assert _periods([table]) == list(PERIODS[:3])

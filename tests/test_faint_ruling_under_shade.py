"""A pale ruling under a shaded row still cuts the grid's cells.

A scan at 150 dpi renders a hairline as a grey line: under a shaded header row (the rest of a
header cut by a page break, fresh c95 s364) it was 33 levels darker than the shade above it and
70 darker than the paper below, too pale for the page's threshold and, beside the shade, for the
faint-line finder (40 levels).  The header's rest and the first row under it were one cell, read
as one, and every action after it came out one row late.
"""

from __future__ import annotations

import numpy as np

from extractors.ocr.image_grid import find_grids

SHADE, PAPER, RULE, PRINT = 190, 235, 157, 30


def _page() -> tuple[np.ndarray, np.ndarray]:
    """(binary, grey) of a two-column table: a shaded first row whose ruling below is pale."""
    gray = np.full((400, 700), PAPER, np.uint8)
    gray[52:120, 40:660] = SHADE
    gray[120:122, 40:660] = RULE
    for y in (50, 250):
        gray[y : y + 2, 40:660] = PRINT
    for x in (40, 350, 658):
        gray[50:252, x : x + 2] = PRINT
    binary = np.where(gray < 140, 255, 0).astype(np.uint8)
    return binary, gray


def test_a_pale_ruling_under_a_shaded_row_splits_its_cells() -> None:
    binary, gray = _page()
    grids = find_grids(binary, gray)
    assert len(grids) == 1
    tops = sorted({cell[1] for cell in grids[0].cells})
    assert len(tops) == 2 and 115 <= tops[1] <= 125


def test_a_shaded_row_with_no_ruling_below_is_one_row() -> None:
    binary, gray = _page()
    gray[120:122, 40:660] = PAPER  # the shade meets the paper without a line
    grids = find_grids(binary, gray)
    assert len(grids) == 1
    assert len({cell[1] for cell in grids[0].cells}) == 1

"""Ruled tables in a page image: ruling lines by morphology, cells as the white regions they enclose.

The method (as in most OCR table tools): open the binary image with a long horizontal kernel to
keep only horizontal rulings, and with a tall vertical one for vertical rulings.  Their union,
slightly dilated to close gaps at the joints, is the grid.  A connected grid large enough is a
table.  Inside the table's box, each connected region of paper the grid encloses is one cell, so a
merged cell comes out as one region, with no guessing about spans.  Text strokes are far shorter
than the kernels, so they seldom count as rulings, and they cannot split a cell (the regions are
taken from the grid mask alone, not from the ink); where a word's stems, on two lines at the same
place, chain across a ruling into a row's height, the one row they split is put back together
(:func:`without_one_row_splits`).

All boxes are in pixels ``(x0, top, x1, bottom)`` of the image given.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import cv2
import numpy as np
import numpy.typing as npt

from extractors.ocr.raster import Gray, Labels, components

#: A horizontal ruling is at least this share of the page width long ...
H_LINE_SHARE = 1 / 30
#: ... a vertical one this share of the page height.
V_LINE_SHARE = 1 / 60
#: Two pieces of a ruling this close (share of the page's width, or height) are one ruling.
GAP_SHARE = 1 / 100
#: A grid narrower than this share of the page width, or lower than this many cells, is no table.
MIN_TABLE_WIDTH_SHARE = 0.2
MIN_CELLS = 2
#: A cell is at least this many pixels in each direction (at 200 dpi, 8 px is 1 mm).
MIN_CELL_PX = 8
#: Two cells' edges this close (pixels, a ruling's width and more) are one column or row edge.
EDGE_SHARE_PX = 8
#: A table's side without a ruling is closed when at least this many column rulings end there.
MIN_OPEN_COLUMNS = 3

#: A line at least this many grey levels darker than the paper right beside it is a ruling
#: (:func:`faint_lines`), looked for with a square this many pixels wide (wider than a ruling).
#: Beside a shaded row that paper is the shade (the darker side counts): a hairline scanned at
#: 150 dpi under a shaded row is 30-35 levels darker than the shade, 70 than the paper below.
#: Only lines as long as a ruling count (:func:`ruling_mask`), so text is not taken for one.
FAINT_CONTRAST = 30
FAINT_SIDE = 9

PixelBox = tuple[int, int, int, int]


@dataclass(frozen=True)
class Grid:
    """One ruled table found in an image."""

    box: PixelBox
    cells: list[PixelBox]  #: the interior of each cell (rulings excluded), top to bottom, left to right
    rulings: Gray  #: the grid mask inside ``box`` (255 on rulings), for erasing before OCR


def ruling_mask(binary: Gray) -> tuple[Gray, Gray]:
    """Horizontal and vertical rulings of a binary image (ink 255), as two masks.

    Pieces of one ruling broken by a faded stretch, a fold, or a stamp's white halo are joined
    when the gap is short (:data:`GAP_SHARE`): only pieces already long enough to be rulings are
    joined, so text is never bridged into a line.

    >>> page = np.zeros((200, 1200), np.uint8)
    >>> page[100:102, 20:280] = 255; page[100:102, 290:1180] = 255    # a ruling broken over 10 px
    >>> horizontal, _ = ruling_mask(page)
    >>> bool(horizontal[100, 285]), bool(horizontal[100, 10])
    (True, False)
    """
    h, w = binary.shape
    h_len = max(int(w * H_LINE_SHARE), 10)
    v_len = max(int(h * V_LINE_SHARE), 10)
    horizontal = cv2.morphologyEx(
        binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1))
    )
    vertical = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, v_len)))
    h_gap = max(int(w * GAP_SHARE), 3)
    v_gap = max(int(h * GAP_SHARE), 3)
    horizontal = cv2.morphologyEx(
        horizontal, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (h_gap, 1))
    )
    vertical = cv2.morphologyEx(
        vertical, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, v_gap))
    )
    return np.asarray(horizontal, np.uint8), np.asarray(vertical, np.uint8)


def faint_lines(gray: Gray) -> Gray:
    """Thin lines darker than the paper right beside them, whatever that paper's shade: a
    ruling across a shaded header row, or one a light scan left too pale for the page's
    threshold (a black-hat: a closing wider than any ruling, minus the image).  Ink 255.

    >>> page = np.full((60, 60), 200, np.uint8); page[:, 30:32] = 150   # a pale rule on grey
    >>> lines = faint_lines(page); bool(lines[10, 30]), bool(lines[10, 10])
    (True, False)
    """
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (FAINT_SIDE, FAINT_SIDE))
    blackhat = cv2.morphologyEx(gray, cv2.MORPH_BLACKHAT, kernel)
    # ``blackhat >= FAINT_CONTRAST`` as 255, by OpenCV (``>`` the level below: uint8 values)
    return np.asarray(cv2.threshold(blackhat, FAINT_CONTRAST - 1, 255, cv2.THRESH_BINARY)[1], np.uint8)


def find_grids(binary: Gray, gray: Gray | None = None) -> list[Grid]:
    """The ruled tables of a deskewed binary page image, top to bottom.  With the page's
    ``gray`` image, rulings too pale or on too dark a shade for the binary image count too
    (:func:`faint_lines`).  A table whose top (or bottom) row has no ruling of its own (a
    shaded header row that meets the paper without a line) is closed where its column rulings
    end (:func:`close_open_sides`).

    >>> page = np.zeros((300, 400), np.uint8)
    >>> for y in (50, 100, 150): page[y:y + 2, 40:360] = 255
    >>> for x in (40, 200, 358): page[50:152, x:x + 2] = 255
    >>> [g.cells for g in find_grids(page)]
    [[(42, 52, 200, 100), (202, 52, 358, 100), (42, 102, 200, 150), (202, 102, 358, 150)]]

    A header row with no ruling above it is still a row of cells:

    >>> page = np.zeros((300, 400), np.uint8)
    >>> for y in (60, 100, 150): page[y:y + 2, 40:360] = 255
    >>> for x in (40, 120, 200, 358): page[20:152, x:x + 2] = 255
    >>> len(find_grids(page)[0].cells)
    9
    """
    _h, w = binary.shape
    lines = binary if gray is None else np.asarray(cv2.bitwise_or(binary, faint_lines(gray)), np.uint8)
    horizontal, vertical = ruling_mask(lines)
    vertical = without_lone_verticals(horizontal, vertical)
    grid = cv2.bitwise_or(horizontal, vertical)
    # Close the small gaps where a scanned ruling fades or two rulings nearly meet.
    joined = cv2.dilate(grid, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    n, _labels, stats = components(np.asarray(joined, np.uint8))
    grids: list[Grid] = []
    for i in range(1, n):
        x, y, bw, bh, _area = (int(v) for v in stats[i])
        if bw < w * MIN_TABLE_WIDTH_SHARE or bh < 2 * MIN_CELL_PX:
            continue
        region_h = np.asarray(horizontal[y : y + bh, x : x + bw], np.uint8)
        region = close_open_sides(
            region_h, without_one_row_splits(region_h, vertical[y : y + bh, x : x + bw])
        )
        cells = aligned(_cells(region, x, y))
        if len(cells) >= MIN_CELLS:
            grids.append(Grid((x, y, x + bw, y + bh), cells, region))
    grids.sort(key=lambda g: (g.box[1], g.box[0]))
    return grids


def without_lone_verticals(horizontal: Gray, vertical: Gray) -> Gray:
    """``vertical`` without the pieces that meet no horizontal ruling at either end and cross at
    most one: a round stamp's nearly straight sides (a ring's stretch as long as a ruling at
    300 dpi) crossing a table's last ruling would cut its cells and make a column of a sliver.
    A column ruling ends on the table's rulings, or, beside a row ruled on its sides only, crosses
    the rulings of the rows below it.

    >>> h = np.zeros((300, 300), np.uint8); v = np.zeros((300, 300), np.uint8)
    >>> h[50:52, :] = 255; h[150:152, :] = 255; h[250:252, :] = 255
    >>> v[50:252, 10:12] = 255      # a column ruling, top to bottom
    >>> v[10:252, 100:102] = 255    # one run on past the top ruling (an open header)
    >>> v[120:190, 200:202] = 255   # a ring's side across one ruling
    >>> kept = without_lone_verticals(h, v)
    >>> bool(kept[100, 10]), bool(kept[20, 100]), bool(kept[160, 200])
    (True, True, False)
    """
    n, labels, stats = components(vertical)
    height, width = vertical.shape
    reach = EDGE_SHARE_PX
    lone = np.zeros(n, bool)
    for i in range(1, n):
        x, y, bw, bh, _area = (int(v) for v in stats[i])
        x0, x1 = max(x - reach, 0), min(x + bw + reach, width)

        def meets(end: int, x0: int = x0, x1: int = x1) -> bool:
            return bool(horizontal[max(end - reach, 0) : min(end + reach + 1, height), x0:x1].any())

        if meets(y) or meets(y + bh - 1):
            continue
        band = horizontal[y + reach : max(y + bh - reach, y + reach), x0:x1]
        across = np.asarray(np.any(band, axis=1), bool)
        crossings = int(np.count_nonzero(across[1:] & ~across[:-1])) + int(bool(across[:1].any()))
        if crossings <= 1:
            lone[i] = True
    return _cleared(vertical, labels, stats, np.flatnonzero(lone).tolist())


def _cleared(mask: Gray, labels: Labels, stats: npt.NDArray[np.int32], pieces: list[int]) -> Gray:
    """``mask`` without the components ``pieces`` (of ``labels`` / ``stats``), each cleared in its
    own box, not the page over; ``mask`` itself when there are none."""
    if not pieces:
        return mask
    kept = np.asarray(mask, np.uint8).copy()
    for i in pieces:
        x, y, bw, bh = (int(v) for v in stats[i, :4])
        box = kept[y : y + bh, x : x + bw]
        box[labels[y : y + bh, x : x + bw] == i] = 0
    return kept


def _rules(horizontal: Gray) -> list[tuple[int, int]]:
    """The rows (top, bottom) of a table's horizontal rulings, those across half its width or more."""
    width = horizontal.shape[1]
    n, _labels, stats = components(horizontal)
    return [(int(s[1]), int(s[1] + s[3])) for s in stats[1:n] if s[2] >= 0.5 * width]


#: A grid of at least this many rows between its rulings has its lone splits looked for.
MIN_SPLIT_ROWS = 3


def without_one_row_splits(horizontal: Gray, vertical: Gray) -> Gray:
    """``vertical`` (one table's) without the pieces that run from ruling to ruling across one row
    only, where no other row of the table has a column ruling: the stems and marks of a word
    standing at the same place on two lines (``ที่`` of ``ตัวชี้วัดที่`` row under row), chained
    across the ruling between them into one stretch as long as a row, split that row's cell
    through the word, and gave the table a column no other row has.  A column ruling drawn in
    one row only is not told from them; a table of fewer than :data:`MIN_SPLIT_ROWS` rows is
    left as it is.

    >>> h = np.zeros((200, 300), np.uint8); v = np.zeros((200, 300), np.uint8)
    >>> for y in (0, 50, 100, 150, 198): h[y:y + 2, :] = 255
    >>> for x in (0, 150, 298): v[:, x:x + 2] = 255     # the table's columns
    >>> v[50:120, 60:62] = 255                          # one row's cell split, on into the next
    >>> kept = without_one_row_splits(h, v)
    >>> bool(kept[75, 60]), bool(kept[75, 150])
    (False, True)
    """
    rules = sorted(_rules(horizontal))
    bands = [(a[1], b[0]) for a, b in pairwise(rules) if b[0] - a[1] >= MIN_CELL_PX]
    if len(bands) < MIN_SPLIT_ROWS:
        return vertical
    n, labels, stats = components(vertical)
    reach = EDGE_SHARE_PX
    spans: list[tuple[int, int, list[int]]] = []
    for i in range(1, n):
        x, y, bw, bh, _area = (int(v) for v in stats[i])
        crossed = [
            k for k, (top, bottom) in enumerate(bands) if y <= top + reach and y + bh >= bottom - reach
        ]
        spans.append((i, x + bw // 2, crossed))
    lone = [
        i
        for i, centre, crossed in spans
        if len(crossed) == 1
        and not any(
            j != i and abs(c - centre) <= reach and set(other) - set(crossed) for j, c, other in spans
        )
    ]
    return _cleared(vertical, labels, stats, lone)


def close_open_sides(horizontal: Gray, vertical: Gray) -> Gray:
    """The grid mask of one table (its horizontal and vertical rulings), with a line drawn where
    :data:`MIN_OPEN_COLUMNS` column rulings or more run on past the table's top (or bottom)
    ruling by more than a cell: a first (or last) row ruled on its sides only, closed where the
    furthest of them ends.

    >>> h = np.zeros((140, 300), np.uint8); v = np.zeros((140, 300), np.uint8)
    >>> h[40:42, :] = 255; h[138:140, :] = 255
    >>> for x in (0, 100, 200, 298): v[0:140, x:x + 2] = 255
    >>> closed = close_open_sides(h, v)
    >>> bool(closed[0, 50]), bool(closed[20, 50])
    (True, False)
    """
    grid = np.asarray(cv2.bitwise_or(horizontal, vertical), np.uint8)
    rules = _rules(horizontal)
    if not rules:
        return grid
    top, bottom = min(r[0] for r in rules), max(r[1] for r in rules)
    n, _labels, stats = components(vertical)
    columns = [tuple(int(v) for v in s[:4]) for s in stats[1:n]]
    reach = 2 * MIN_CELL_PX
    above = [c for c in columns if c[1] < top - reach]
    below = [c for c in columns if c[1] + c[3] > bottom + reach]
    if len(above) >= MIN_OPEN_COLUMNS:
        y = min(c[1] for c in above)  # a ruling broken in two: its upper piece says where it ends
        grid[y : y + 2, min(c[0] for c in above) : max(c[0] + c[2] for c in above)] = 255
    if len(below) >= MIN_OPEN_COLUMNS:
        y = max(c[1] + c[3] for c in below)
        grid[max(y - 2, 0) : y, min(c[0] for c in below) : max(c[0] + c[2] for c in below)] = 255
    return grid


def aligned(cells: list[PixelBox]) -> list[PixelBox]:
    """The cells that share a column edge (left or right) and a row edge (top or bottom) with
    other cells: a region closed off by a stamp's circle where it crosses a ruling, or by a
    signature's stroke, shares none of its sides with the table's columns and is no cell.

    >>> row = [(0, 0, 100, 50), (102, 0, 200, 50), (0, 52, 100, 100), (102, 52, 200, 100)]
    >>> aligned(row + [(140, 102, 175, 130)]) == row
    True
    """
    if len(cells) < 3:
        return cells

    def shares(value: int, others: list[int]) -> bool:
        return any(abs(value - o) <= EDGE_SHARE_PX for o in others)

    kept = []
    for i, (x0, y0, x1, y1) in enumerate(cells):
        others = [c for j, c in enumerate(cells) if j != i]
        xs = [v for c in others for v in (c[0], c[2])]
        ys = [v for c in others for v in (c[1], c[3])]
        if (shares(x0, xs) or shares(x1, xs)) and (shares(y0, ys) or shares(y1, ys)):
            kept.append((x0, y0, x1, y1))
    return kept


def _cells(region: Gray, x_off: int, y_off: int) -> list[PixelBox]:
    """Regions of paper enclosed by the grid: components of the non-ruling area that do not
    touch the table's bounding box (those are outside the table: open sides, margins)."""
    closed = cv2.dilate(region, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    paper = np.asarray(cv2.bitwise_not(closed), np.uint8)
    n, _labels, stats = components(paper, connectivity=4)
    rh, rw = region.shape
    cells: list[PixelBox] = []
    for i in range(1, n):
        x, y, bw, bh, area = (int(v) for v in stats[i])
        if bw < MIN_CELL_PX or bh < MIN_CELL_PX:
            continue
        if x == 0 or y == 0 or x + bw >= rw or y + bh >= rh:
            continue
        if area < 0.5 * bw * bh:  # not a rectangle: the outside of an irregular table
            continue
        # The dilation ate one pixel on each side: give it back.
        cells.append((x_off + x - 1, y_off + y - 1, x_off + x + bw + 1, y_off + y + bh + 1))
    cells.sort(key=lambda b: (b[1], b[0]))
    return cells

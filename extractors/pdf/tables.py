"""Find tables on a page: their grid from the drawing, their text from our repaired characters.

pdfplumber is used for geometry only: its table finder turns the page's ruling lines (and the
rectangles Word draws as cell borders), read off pdfium's paths (``PageText.rulings``, see
:mod:`extractors.pdf.rulings`), into cell boxes, and, on a page with no ruled table, its text strategy
proposes column edges.  The text of every cell comes from ``PageText.chars`` through
:func:`extractors.pdf.layout.text_in_box`, never from pdfminer, which breaks Thai (``ค าน า``, ``ำา``,
``(cid:N)``).

A table keeps its merged cells once, with ``rowspan``/``colspan`` counted on the grid of distinct
column and row edges, so every grid slot is covered by exactly one :class:`~schemas.Cell`.
:func:`link_continuations` then marks tables that carry on from the previous page.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

from extractors.pdf.borderless import NamesColumn, continuation, find_borderless, header_only, header_rest
from extractors.pdf.layout import CharIndex, chars_in_box, text_in_box
from extractors.pdf.rulings import edges_of
from extractors.thai import page_furniture
from extractors.thai.text import LIST_MARKER
from schemas import RULING_RESTORED, BBox, Cell, Char, Line, PageKind, PageText, Table, TableQuality

#: pdfplumber settings for ruled tables.  Word draws borders as thin filled rectangles, LibreOffice
#: as stroked lines; pdfplumber turns both into edges.  Borders of adjacent cells drawn a point or
#: two apart (Word's double borders, rounding in LibreOffice) are snapped and joined within 3 pt;
#: shorter edges than 3 pt are noise (underlines of single glyphs, chart ticks).
LINE_SETTINGS: dict[str, Any] = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "edge_min_length": 3,
    "intersection_tolerance": 3,
}

#: pdfplumber settings for the text strategy: a column edge needs three words aligned on it.
TEXT_SETTINGS: dict[str, Any] = {
    "vertical_strategy": "text",
    "horizontal_strategy": "text",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "min_words_vertical": 3,
    "min_words_horizontal": 1,
    "text_x_tolerance": 3,
    "text_y_tolerance": 3,
}

#: Cell edges closer than this (points) are one grid edge.
EDGE_TOLERANCE = 2.0

#: Text-strategy acceptance: at least this many rows ...
MIN_TEXT_ROWS = 3
#: ... of which this share has two or more non-empty cells ...
MIN_MULTI_CELL_SHARE = 0.75
#: ... columns separated by a white gutter at least this many font sizes wide ...
MIN_GUTTER_EM = 1.0
#: ... and in each column this share of the non-empty cells aligned (left, right or centre) ...
MIN_ALIGNED_SHARE = 0.6
#: ... within this many points.
ALIGN_TOLERANCE = 3.0

#: A text-strategy table is trusted this much less than a ruled one.
TEXT_STRATEGY_FACTOR = 0.75

#: A list item's marker: ``-``, ``•``, ``๑.``, ``1)``, ``(2)``, ``ก.``.
_LIST_MARKER = re.compile(f"^(?:{LIST_MARKER}|\\(?[ก-ฮ][.)])$")  # also ก. ข) as whole tokens


# --- pure grid helpers -------------------------------------------------------------------------


def cluster_edges(values: Iterable[float], tolerance: float = EDGE_TOLERANCE) -> list[float]:
    """Sorted distinct edges: values within ``tolerance`` of the previous one join its cluster.

    Each cluster is represented by its mean.

    >>> cluster_edges([10.0, 50.2, 10.4, 50.0, 90.0, 9.9])
    [10.1, 50.1, 90.0]
    >>> cluster_edges([])
    []
    """
    ordered = sorted(values)
    clusters: list[list[float]] = []
    for v in ordered:
        if clusters and v - clusters[-1][-1] <= tolerance:
            clusters[-1].append(v)
        else:
            clusters.append([v])
    return [round(sum(c) / len(c), 2) for c in clusters]


def nearest_edge(edges: Sequence[float], value: float) -> int:
    """Index of the edge nearest ``value``.

    >>> nearest_edge([10.0, 50.0, 90.0], 52.5)
    1
    """
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def grid_place(
    box: tuple[float, float, float, float], xs: Sequence[float], ys: Sequence[float]
) -> tuple[int, int, int, int]:
    """``(row, col, rowspan, colspan)`` of a cell box ``(x0, top, x1, bottom)`` on the grid.

    >>> grid_place((10, 0, 90, 20), xs=[10, 50, 90], ys=[0, 20, 40])
    (0, 0, 1, 2)
    >>> grid_place((50.5, 19.2, 90, 40), xs=[10, 50, 90], ys=[0, 20, 40])
    (1, 1, 1, 1)

    A box no larger than a speck next to the last edge still lies inside the grid:

    >>> grid_place((88, 38, 90, 40), xs=[10, 50, 90], ys=[0, 20, 40])
    (1, 1, 1, 1)
    """
    x0, top, x1, bottom = box
    last_row, last_col = len(ys) - 2, len(xs) - 2
    col = min(nearest_edge(xs, x0), last_col)
    row = min(nearest_edge(ys, top), last_row)
    col_end, row_end = nearest_edge(xs, x1), nearest_edge(ys, bottom)
    return row, col, max(row_end - row, 1), max(col_end - col, 1)


def coverage(
    n_rows: int, n_cols: int, placements: Iterable[tuple[int, int, int, int]]
) -> tuple[list[tuple[int, int]], int]:
    """Grid slots no placement covers, and how many slots more than one covers.

    >>> coverage(2, 2, [(0, 0, 1, 2), (1, 0, 1, 1)])
    ([(1, 1)], 0)
    >>> coverage(1, 2, [(0, 0, 1, 2), (0, 1, 1, 1)])
    ([], 1)
    """
    counts = [[0] * n_cols for _ in range(n_rows)]
    for row, col, rowspan, colspan in placements:
        for r in range(row, min(row + rowspan, n_rows)):
            for c in range(col, min(col + colspan, n_cols)):
                counts[r][c] += 1
    missing = [(r, c) for r in range(n_rows) for c in range(n_cols) if counts[r][c] == 0]
    overlapping = sum(1 for r in range(n_rows) for c in range(n_cols) if counts[r][c] > 1)
    return missing, overlapping


def quality_score(chars_inside: float, filled_share: float, strategy: str, irregular: bool) -> float:
    """How far to trust a table, 0..1.

    ``score = chars_inside × (0.7 + 0.3 × filled_share) × strategy × regularity`` where

    * ``chars_inside`` (share of the characters in the table box that landed in a detected cell)
      counts most: text outside every cell means the grid missed part of the table;
    * ``filled_share`` (share of grid slots covered by a cell with text) weighs less, because real
      tables have blank slots (the number column of a total row);
    * ``strategy`` is 1 for ruled tables and :data:`TEXT_STRATEGY_FACTOR` for columns inferred
      from text alignment;
    * ``regularity`` is 0.9 when cells overlapped or grid slots had to be filled in, else 1.

    >>> quality_score(1.0, 1.0, "lines", False)
    1.0
    >>> quality_score(1.0, 0.5, "text", False)
    0.637
    >>> quality_score(0.9, 1.0, "lines", True)
    0.81
    """
    factor = 1.0 if strategy == "lines" else TEXT_STRATEGY_FACTOR
    regularity = 0.9 if irregular else 1.0
    score = chars_inside * (0.7 + 0.3 * filled_share) * factor * regularity
    return round(max(0.0, min(1.0, score)), 3)


# --- ruled tables ------------------------------------------------------------------------------


def _visible(chars: Iterable[Char]) -> list[Char]:
    return [c for c in chars if c.text.strip()]


def _box(t: tuple[float, float, float, float]) -> BBox:
    return BBox(float(t[0]), float(t[1]), float(t[2]), float(t[3]))


def _filled_share(cells: Sequence[Cell], n_slots: int) -> float:
    filled = sum(c.rowspan * c.colspan for c in cells if c.text)
    return round(min(filled / n_slots, 1.0), 3) if n_slots else 0.0


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _ruled_table(
    cell_boxes: Sequence[tuple[float, float, float, float]], chars: Sequence[Char], page: int
) -> Table | None:
    """One table from pdfplumber's cell boxes, or None when it is degenerate."""
    if len(cell_boxes) < 2:
        return None
    xs = cluster_edges([b[0] for b in cell_boxes] + [b[2] for b in cell_boxes])
    ys = cluster_edges([b[1] for b in cell_boxes] + [b[3] for b in cell_boxes])
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    if n_rows < 1 or n_cols < 1 or n_rows * n_cols < 2:
        return None
    table_box = BBox(xs[0], ys[0], xs[-1], ys[-1])
    local = chars_in_box(chars, table_box)  # spaces and marks too: the layout needs them
    visible = _visible(local)  # what the counts are about
    local_index, visible_index = CharIndex(local), CharIndex(visible)
    placements = [grid_place(b, xs, ys) for b in cell_boxes]
    missing, overlapping = coverage(n_rows, n_cols, placements)

    cells: list[Cell] = []
    seen: dict[int, int] = {}
    for b, (row, col, rowspan, colspan) in zip(cell_boxes, placements, strict=True):
        box = _box(b)
        for c in visible_index.within(box):
            seen[id(c)] = seen.get(id(c), 0) + 1
        text, raw = text_in_box(local_index, box)
        cells.append(Cell(row, col, text, raw, box, rowspan, colspan))
    for row, col in missing:  # no ruled cell here (a border is missing): take the grid slot
        box = BBox(xs[col], ys[row], xs[col + 1], ys[row + 1])
        text, raw = text_in_box(local_index, box)
        cells.append(Cell(row, col, text, raw, box))
    if not any(c.text for c in cells):
        return None
    cells.sort(key=lambda c: (c.row, c.col))

    outside = sum(1 for c in visible if id(c) not in seen)
    doubled = sum(1 for n in seen.values() if n > 1)
    notes: list[str] = []
    if outside:
        notes.append(f"{_plural(outside, 'character')} outside every cell")
    if missing:
        notes.append(f"{_plural(len(missing), 'grid slot')} without a ruled cell, filled from the grid")
    if overlapping:
        notes.append(f"cells overlap ({_plural(overlapping, 'grid slot')} covered twice)")
    if doubled:
        notes.append(f"{_plural(doubled, 'character')} in two cells")
    chars_inside = round((len(visible) - outside) / len(visible), 3) if visible else 1.0
    filled = _filled_share(cells, n_rows * n_cols)
    quality = TableQuality(
        strategy="lines",
        score=quality_score(chars_inside, filled, "lines", bool(missing or overlapping)),
        filled_share=filled,
        chars_inside=chars_inside,
        notes=notes,
    )
    return Table(page, 0, table_box, n_rows, n_cols, cells, quality)


# --- unruled tables ----------------------------------------------------------------------------


@dataclass
class _Block:
    """A run of text lines that reads as a table under some column edges."""

    lines: list[Line]
    edges: list[float]


def _centre(x0: float, x1: float) -> float:
    return (x0 + x1) / 2


def _column_of(edges: Sequence[float], x: float) -> int:
    for i in range(len(edges) - 1):
        if x < edges[i + 1]:
            return i
    return len(edges) - 2


def _crossed(line: Line, edges: Sequence[float]) -> tuple[set[int], bool]:
    """Internal edges a word of ``line`` straddles, and whether a word leaves the outer edges."""
    crossed: set[int] = set()
    outside = False
    for w in line.words:
        if w.box.x0 < edges[0] - 1 or w.box.x1 > edges[-1] + 1:
            outside = True
        for i in range(1, len(edges) - 1):
            if w.box.x0 < edges[i] - 1 and w.box.x1 > edges[i] + 1:
                crossed.add(i)
    return crossed, outside


def _columns(line: Line, edges: Sequence[float]) -> dict[int, tuple[float, float, str]]:
    """Per column: leftmost x, rightmost x and text of the line's words in it."""
    cols: dict[int, tuple[float, float, str]] = {}
    for w in line.words:
        i = _column_of(edges, _centre(w.box.x0, w.box.x1))
        if i in cols:
            x0, x1, text = cols[i]
            cols[i] = (min(x0, w.box.x0), max(x1, w.box.x1), f"{text} {w.text}")
        else:
            cols[i] = (w.box.x0, w.box.x1, w.text)
    return cols


def _widest_inner_gap(line: Line, edges: Sequence[float]) -> float:
    """The widest gap between two words of the line that share a column."""
    ends: dict[int, float] = {}
    widest = 0.0
    for w in sorted(line.words, key=lambda w: w.box.x0):
        i = _column_of(edges, _centre(w.box.x0, w.box.x1))
        if i in ends:
            widest = max(widest, w.box.x0 - ends[i])
        ends[i] = max(ends.get(i, w.box.x1), w.box.x1)
    return widest


def _drop_empty_columns(lines: Sequence[Line], edges: list[float]) -> list[float]:
    """Merge columns no line uses, and neighbours that never hold text in the same line."""
    changed = True
    while changed and len(edges) > 2:
        changed = False
        per_line = [set(_columns(line, edges)) for line in lines]
        used = set().union(*per_line)
        for i in range(len(edges) - 1):
            if i not in used:  # remove the empty column's inner edge
                del edges[i if i > 0 else 1]
                changed = True
                break
        if changed:
            continue
        for i in range(1, len(edges) - 1):
            if not any(i - 1 in cols and i in cols for cols in per_line):
                del edges[i]  # complementary columns: one column written in two places
                changed = True
                break
    return edges


def _aligned(spans: Sequence[tuple[float, float]]) -> bool:
    """Whether most spans share their left, right or centre x."""
    for anchor in (
        [s[0] for s in spans],
        [s[1] for s in spans],
        [_centre(*s) for s in spans],
    ):
        mid = statistics.median(anchor)
        if sum(1 for a in anchor if abs(a - mid) <= ALIGN_TOLERANCE) >= MIN_ALIGNED_SHARE * len(anchor):
            return True
    return False


def _reads_as_table(lines: Sequence[Line], edges: Sequence[float], em: float) -> bool:
    """The conservative test an unruled block must pass to become a table."""
    n_cols = len(edges) - 1
    if len(lines) < MIN_TEXT_ROWS or n_cols < 2:
        return False
    per_line = [_columns(line, edges) for line in lines]
    if len(per_line[0]) < 2 or len(per_line[-1]) < 2:
        return False
    if sum(1 for cols in per_line if len(cols) >= 2) < MIN_MULTI_CELL_SHARE * len(lines):
        return False
    if any(_widest_inner_gap(line, edges) >= MIN_GUTTER_EM * em for line in lines):
        return False  # a gutter inside a cell: the line does not follow the columns
    for i in range(n_cols - 1):  # a white gutter between neighbouring columns
        gaps = [cols[i + 1][0] - cols[i][1] for cols in per_line if i in cols and i + 1 in cols]
        if not gaps or min(gaps) < MIN_GUTTER_EM * em:
            return False
    for i in range(n_cols):  # each column's cells aligned
        spans = [(cols[i][0], cols[i][1]) for cols in per_line if i in cols]
        if len(spans) < 2 or not _aligned(spans):
            return False
    first = [cols[0][2] for cols in per_line if 0 in cols]
    markers = sum(1 for t in first if _LIST_MARKER.match(t.strip()))
    return not (n_cols == 2 and markers >= 0.8 * len(first))  # a bulleted or numbered list


def best_block(lines: Sequence[Line], edges: Sequence[float], em: float) -> _Block | None:
    """The longest run of consecutive lines that reads as a table under a subset of ``edges``.

    An edge some word of the run straddles is dropped; a line with words outside the outer
    edges ends the run.  Prose lines straddle nearly every candidate edge, so they end up with
    a single column and never pass :func:`_reads_as_table`.  ``em`` is the body font size.
    """
    info = [_crossed(line, edges) for line in lines]
    best: _Block | None = None
    for i in range(len(lines)):
        if info[i][1]:
            continue
        union: set[int] = set()
        for j in range(i, len(lines)):
            if info[j][1]:
                break
            union |= info[j][0]
            kept = [e for k, e in enumerate(edges) if k not in union]
            if len(kept) < 3 or len(_columns(lines[i], kept)) < 2:
                break
            if j - i + 1 < MIN_TEXT_ROWS or (best and j - i + 1 <= len(best.lines)):
                continue
            run = list(lines[i : j + 1])
            merged = _drop_empty_columns(run, list(kept))
            if _reads_as_table(run, merged, em):
                best = _Block(run, merged)
    return best


def gappy_runs(lines: Sequence[Line], min_gap: float, min_len: int = MIN_TEXT_ROWS) -> list[list[Line]]:
    """Runs of at least ``min_len`` consecutive lines that each have a gap of ``min_gap`` or more.

    Only such runs can hold an unruled table: its columns are separated by white gutters.
    """
    runs: list[list[Line]] = []
    current: list[Line] = []
    for line in [*lines, None]:
        words = sorted(line.words, key=lambda w: w.box.x0) if line is not None else []
        if any(b.box.x0 - a.box.x1 >= min_gap for a, b in pairwise(words)):
            current.append(line)  # type: ignore[arg-type]
            continue
        if len(current) >= min_len:
            runs.append(current)
        current = []
    return runs


def _text_tables(plumber_page: Any, page_text: PageText) -> list[Table]:
    """Unruled tables: pdfplumber's text strategy proposes column edges inside each run of
    gappy lines (run over the whole page, its alignment clusters are swamped by the prose
    margins), then :func:`best_block` decides, on our words, whether a table is there."""
    tables: list[Table] = []
    sizes = [c.size for c in _visible(page_text.chars) if c.size > 0]
    em = statistics.median(sizes) if sizes else 12.0
    px0, ptop, px1, pbottom = (float(v) for v in plumber_page.bbox)
    for run in gappy_runs(page_text.lines, MIN_GUTTER_EM * em):
        box = run[0].box
        for line in run[1:]:
            box = box.union(line.box)
        region = plumber_page.within_bbox(
            (max(box.x0 - 2, px0), max(box.top - 2, ptop), min(box.x1 + 2, px1), min(box.bottom + 2, pbottom))
        )
        for candidate in region.find_tables(table_settings=TEXT_SETTINGS):
            boxes = [b for b in candidate.cells if b is not None]
            if len(boxes) < 2:
                continue
            edges = cluster_edges([b[0] for b in boxes] + [b[2] for b in boxes])
            block = best_block(run, edges, em)
            if block is not None:
                tables.append(_block_table(block, page_text))
                break
    return tables


def _block_table(block: _Block, page_text: PageText) -> Table:
    lines, xs = block.lines, block.edges
    ys = [lines[0].box.top]
    ys += [(a.box.bottom + b.box.top) / 2 for a, b in pairwise(lines)]
    ys.append(lines[-1].box.bottom)
    table_box = BBox(xs[0], ys[0], xs[-1], ys[-1])
    local = chars_in_box(page_text.chars, table_box)
    visible = _visible(local)
    local_index, visible_index = CharIndex(local), CharIndex(visible)
    cells: list[Cell] = []
    placed: set[int] = set()
    for r in range(len(lines)):
        for c in range(len(xs) - 1):
            box = BBox(xs[c], ys[r], xs[c + 1], ys[r + 1])
            placed.update(id(ch) for ch in visible_index.within(box))
            text, raw = text_in_box(local_index, box)
            cells.append(Cell(r, c, text, raw, box))
    outside = sum(1 for ch in visible if id(ch) not in placed)
    chars_inside = round((len(visible) - outside) / len(visible), 3) if visible else 1.0
    filled = _filled_share(cells, len(cells))
    notes = ["no ruling lines: columns inferred from text alignment"]
    if outside:
        notes.append(f"{_plural(outside, 'character')} outside every cell")
    quality = TableQuality(
        strategy="text",
        score=quality_score(chars_inside, filled, "text", False),
        filled_share=filled,
        chars_inside=chars_inside,
        notes=notes,
    )
    return Table(page_text.number, 0, table_box, len(lines), len(xs) - 1, cells, quality)


def _borderless_tables(page_text: PageText, ruled: Sequence[Table], names_column: NamesColumn) -> list[Table]:
    boxes = [t.box for t in ruled]
    lines = [
        line
        for line in page_text.lines
        if not any(
            b.contains_point((line.box.x0 + line.box.x1) / 2, (line.box.top + line.box.bottom) / 2, 1.0)
            for b in boxes
        )
    ]
    sizes = [c.size for c in _visible(page_text.chars) if c.size > 0]
    em = statistics.median(sizes) if sizes else 12.0
    return find_borderless(page_text, lines, names_column, em)


# --- the stage ---------------------------------------------------------------------------------


def _ruled_grids(plumber_page: Any, rulings: list[BBox]) -> list[Any]:
    """pdfplumber's tables from the page's rulings, given as explicit lines (no second parse)."""
    vertical, horizontal = edges_of(rulings)
    if len(vertical) < 2 or len(horizontal) < 2:
        return []
    from pdfplumber.table import TableFinder, TableSettings

    settings = LINE_SETTINGS | {
        "vertical_strategy": "explicit",
        "horizontal_strategy": "explicit",
        "explicit_vertical_lines": vertical,
        "explicit_horizontal_lines": horizontal,
    }
    return list(TableFinder(plumber_page, TableSettings.resolve(settings)).tables)


def find_tables(
    plumber_page: Any, page_text: PageText, names_column: NamesColumn | None = None
) -> list[Table]:
    """The tables of one page, top to bottom.

    ``plumber_page`` is the ``pdfplumber.page.Page`` of the same page as ``page_text``; only its
    geometry is used.  Ruled tables come first; then, when ``names_column`` (does a header cell's
    text name a column?) is given, borderless tables among the lines outside them
    (:mod:`extractors.pdf.borderless`); when a page has no table yet, columns aligned in the text
    are tried, conservatively.  Degenerate grids (one cell, boxes drawn around text) and tables
    without any text are dropped.
    """
    if not _visible(page_text.chars):
        return []
    tables: list[Table] = []
    for found in _ruled_grids(plumber_page, page_text.rulings):
        boxes = [(float(b[0]), float(b[1]), float(b[2]), float(b[3])) for b in found.cells if b is not None]
        table = _ruled_table(boxes, page_text.chars, page_text.number)
        if table is not None:
            tables.append(table)
    if names_column is not None:
        tables += _borderless_tables(page_text, tables, names_column)
    if not tables:
        tables = _text_tables(plumber_page, page_text)
    tables.sort(key=lambda t: (round(t.box.top), t.box.x0))
    for index, table in enumerate(tables):
        table.index = index
    return tables


def continue_borderless(tables: Sequence[Table], pages: Mapping[int, PageText]) -> list[Table]:
    """The document's tables with the borderless tables that go on at the top of the next page
    without their header added, one per page at most (see
    :func:`extractors.pdf.borderless.continuation`).  ``tables`` are the document's tables so far,
    ``pages`` its pages by number.

    A page's text-strategy tables (guessed from alignment alone, on a page where no header was
    found) do not stop the continuation: the rest of a borderless table is such a page's alignment,
    and the columns of the table above read it better; the guesses it covers are dropped.
    """
    out = list(tables)
    running = running_lines(pages)
    # the header each borderless table's chain started with (found tables start at their header)
    headers: dict[int, list[str]] = {
        id(t): [c.text for c in sorted(t.cells, key=lambda c: c.col) if c.row == 0]
        for t in out
        if t.quality.strategy == "borderless"
    }
    last: dict[int, Table] = {}
    for table in sorted(out, key=lambda t: (t.page, t.box.top)):
        if table.quality.strategy != "text":
            last[table.page] = table
    for number in sorted(pages):
        before = _page_before(number, pages)  # empty pages passed over
        previous = last.get(before)
        page = pages[number]
        if previous is None or previous.quality.strategy != "borderless" or page.kind is not PageKind.TEXT:
            continue
        if not ends_near_bottom(previous, pages.get(before), running):
            continue
        own = [t for t in out if t.page == number and t.quality.strategy != "text"]
        chain = headers.get(id(previous), [])
        if own and not header_only(previous):
            first = min(own, key=lambda t: t.box.top)
            if _header_is_a_row(first, previous, chain):
                out.remove(first)  # its "header" is a row of the table going on: read it as such
                own.remove(first)
        top = min((t.box.top for t in own), default=page.height)
        # the running header is no part of the table, though no margin holds it; the table's own
        # header, repeated at the top of every page, recurs as well but lies inside the table
        furniture = running - _texts_inside(previous, pages[before])
        # a text layer's letter is no speck: a narrow column's wrapped letters (``ดั`` / ``บ`` of
        # ``ลำดับ``) are lines of the table, whose white would otherwise seem to end it
        lines = [
            line
            for line in page.lines
            if line.box.bottom <= top + 1 and not _furniture(line, page.height, furniture, debris=False)
        ]
        sizes = [c.size for c in _visible(page.chars) if c.size > 0]
        em = statistics.median(sizes) if sizes else 12.0
        found: Table | None
        if header_only(previous):
            header_lines = _lines_inside(previous, pages[before])
            rest = header_rest(header_lines, pages[before], page, lines, em)
            if rest is None:
                continue
            head, found = rest
            out = [head if t is previous else t for t in out]
            headers[id(head)] = chain
        else:
            found = continuation(previous, page, lines, em, chain)
        if found is None:
            continue
        headers[id(found)] = chain
        found.index = -1  # first on its page: the caller renumbers
        out = [
            t
            for t in out
            if not (t.page == number and t.quality.strategy == "text" and t.box.top < found.box.bottom)
        ]
        out.append(found)
        if not own:
            last[number] = found
    return [t for t in out if not header_only(t)]  # a header with no rows found under it is no table


def _header_is_a_row(table: Table, previous: Table, chain: Sequence[str]) -> bool:
    """Whether the borderless ``table`` found at the top of a page is the table ``previous`` going
    on: each of its columns starts inside the same column above (a borderless column's edge is
    where its leftmost word starts, further right when a page's words of a centred column are
    narrower), under a "header" that does not repeat the chain's header: a data row whose cells
    name columns (``ตัวชี้วัดที่ ๒``, ``๒. มาตรการ``, ``ติดตามผล``; wrapped words ``การดำเนิน``) is no
    header in the columns of the table above it."""
    if table.quality.strategy != "borderless" or previous.quality.strategy != "borderless":
        return False
    ea, eb = column_edges(previous), column_edges(table)
    if ea is None or eb is None or len(ea) != len(eb):
        return False
    if not all(ea[i] - COLUMN_TOLERANCE <= eb[i] < ea[i + 1] for i in range(len(ea) - 1)):
        return False
    own = [re.sub(r"\s+", "", c.text) for c in sorted(table.cells, key=lambda c: c.col) if c.row == 0]
    return own != [re.sub(r"\s+", "", t) for t in chain]


def _lines_inside(table: Table, page: PageText) -> list[Line]:
    """The lines of ``page`` that lie inside ``table``, top to bottom."""
    box = table.box
    return [
        line
        for line in page.lines
        if box.contains_point((line.box.x0 + line.box.x1) / 2, (line.box.top + line.box.bottom) / 2, 1.0)
    ]


def _texts_inside(table: Table, page: PageText) -> frozenset[str]:
    """The texts of the lines of ``page`` that lie inside ``table``."""
    return frozenset(line.text for line in _lines_inside(table, page))


# --- continuations -----------------------------------------------------------------------------

#: Without the pages' text, a table starting in the top fifth of an A4 page "starts near the top",
#: one ending in the bottom 30 % "ends near the bottom".
_A4_HEIGHT = 841.92
_TOP_SHARE = 0.2
_BOTTOM_SHARE = 0.7
#: Lines in the top and bottom 7 % of a page are running headers and footers.
_MARGIN_SHARE = 0.07
#: Column edges of a continued table agree within this many points ...
COLUMN_TOLERANCE = 4.0
#: ... or its column widths, as shares of the table width, within this much.
RELATIVE_WIDTH_TOLERANCE = 0.02


def column_edges(table: Table) -> list[float] | None:
    """The x of each of the ``n_cols + 1`` column edges, read off the cell boxes.

    >>> cells = [Cell(0, 0, "a", "a", BBox(10, 0, 90, 10), colspan=2),
    ...          Cell(1, 0, "b", "b", BBox(10, 10, 40, 20)), Cell(1, 1, "c", "c", BBox(40, 10, 90, 20))]
    >>> t = Table(1, 0, BBox(10, 0, 90, 20), 2, 2, cells, TableQuality("lines", 1, 1, 1))
    >>> column_edges(t)
    [10.0, 40.0, 90.0]
    """
    found: dict[int, list[float]] = {}
    for cell in table.cells:
        if cell.box is not None:
            found.setdefault(cell.col, []).append(cell.box.x0)
            found.setdefault(cell.col + cell.colspan, []).append(cell.box.x1)
    if set(found) != set(range(table.n_cols + 1)):
        return None
    return [round(statistics.median(found[i]), 2) for i in range(table.n_cols + 1)]


def columns_match(a: Table, b: Table) -> bool:
    """Same number of columns, with the same edges or the same relative widths."""
    if a.n_cols != b.n_cols:
        return False
    ea, eb = column_edges(a), column_edges(b)
    if ea is None or eb is None:
        return False
    if all(abs(x - y) <= COLUMN_TOLERANCE for x, y in zip(ea, eb, strict=True)):
        return True
    wa, wb = ea[-1] - ea[0], eb[-1] - eb[0]
    if wa <= 0 or wb <= 0:
        return False
    return all(
        abs((ea[i + 1] - ea[i]) / wa - (eb[i + 1] - eb[i]) / wb) <= RELATIVE_WIDTH_TOLERANCE
        for i in range(a.n_cols)
    )


#: A line repeated on another page within this share of the page's top or bottom ...
_RUNNING_SHARE = 0.15
#: ... at the same place, within this share of the page's height and width, is a running header.
_RUNNING_PLACE_SHARE = 0.01


def running_lines(pages: Mapping[int, PageText]) -> frozenset[str]:
    """Texts that recur near the top or bottom of two pages or more, at the same place: running
    headers and footers (``รายงานการวิเคราะห์ผลการประเมิน ITA ปี ๒๕๖๘``), whatever their size,
    as :func:`extractors.thai.page_furniture.running_lines` finds them with one other page enough.
    A table cell's wrapped word at the foot of one page and the same word at the top of the next
    (``ครุภัณฑ์``) is no running line: it stands elsewhere."""
    found = page_furniture.running_lines(pages.values(), _RUNNING_SHARE, _RUNNING_PLACE_SHARE, others=1)
    return frozenset(pages[n].lines[i].text for n, i in found)


def _debris(text: str) -> bool:
    """No word in it: no token (between spaces) with two letters or digits, marks and signs
    aside, as specks and a stamp's edge read by OCR are (``ง ~~``, ``|``, ``- 1``).

    >>> _debris("ง ~~"), _debris("- 1"), _debris("ต่อ"), _debris("๒๕๖๗"), _debris("ข้อ ๑")
    (True, True, False, False, False)
    """
    return not any(sum(ch.isalnum() for ch in token) >= 2 for token in text.split())


def _furniture(line: Line, height: float, running: frozenset[str] = frozenset(), debris: bool = True) -> bool:
    """A page number, running header or footer, a "(ต่อ)" caption, or (when ``debris``) debris
    (:func:`_debris`): not body text."""
    return bool(
        line.text in running
        or (debris and _debris(line.text))
        or page_furniture.is_page_number(line.text)
        or page_furniture.is_continued(line.text)
        or line.box.bottom <= _MARGIN_SHARE * height
        or line.box.top >= (1 - _MARGIN_SHARE) * height
    )


def starts_near_top(table: Table, page: PageText | None, running: frozenset[str] = frozenset()) -> bool:
    """No body text above the table (page furniture aside)."""
    if page is None:
        return table.box.top <= _TOP_SHARE * _A4_HEIGHT
    return not any(
        line.box.bottom <= table.box.top + 1 and not _furniture(line, page.height, running)
        for line in page.lines
    )


def ends_near_bottom(table: Table, page: PageText | None, running: frozenset[str] = frozenset()) -> bool:
    """No body text below the table (page furniture aside)."""
    if page is None:
        return table.box.bottom >= _BOTTOM_SHARE * _A4_HEIGHT
    return not any(
        line.box.top >= table.box.bottom - 1 and not _furniture(line, page.height, running)
        for line in page.lines
    )


#: A table that lost a column ruling has at least this many columns left.
MIN_COLUMNS_KEPT = 3


def with_lost_ruling(previous: Table, table: Table) -> Table | None:
    """``previous`` regridded to the columns of ``table``, the table it goes on into on the next
    page, when both are ruled and it has the same columns but for one ruling it lacks all the way
    down (a stamp over a header row at a page's foot, a faded line): each of its edges is one of
    ``table``'s, in order, within :data:`COLUMN_TOLERANCE`, and it has :data:`MIN_COLUMNS_KEPT`
    columns or more, so that edges shared by chance (a page's margins) do not make two tables one.
    The cell the lost ruling ran through spans both columns, its text kept whole in the first, and
    the table is noted :data:`~schemas.RULING_RESTORED`; ``None`` when that is not so.

    >>> box = lambda x0, x1: BBox(x0, 700, x1, 720)
    >>> edges = [0, 80, 160, 240, 300, 360]
    >>> head = [Cell(0, i, t, t, box(a, b)) for i, (t, a, b) in enumerate(
    ...     zip(["ประเด็น", "ขั้นตอน", "ผู้รับผิด ระยะเวลา", "ติดตาม"], [0, 80, 160, 300], [80, 160, 300, 360]))]
    >>> before = Table(1, 1, BBox(0, 700, 360, 720), 1, 4, head, TableQuality("lines", 1, 1, 1))
    >>> rows = [Cell(0, i, "x", "x", BBox(a, 40, b, 60)) for i, (a, b) in enumerate(pairwise(edges))]
    >>> after = Table(2, 0, BBox(0, 40, 360, 60), 1, 5, rows, TableQuality("lines", 1, 1, 1))
    >>> widened = with_lost_ruling(before, after)
    >>> widened.n_cols, [(c.col, c.colspan) for c in widened.cells]
    (5, [(0, 1), (1, 1), (2, 2), (4, 1)])
    >>> moved = rows[:3] + [replace(rows[3], box=BBox(240, 40, 290, 60))]   # no edge at 300 after
    >>> with_lost_ruling(before, replace(after, cells=moved)) is None
    True
    """
    if previous.n_cols < MIN_COLUMNS_KEPT or table.n_cols != previous.n_cols + 1:
        return None
    if previous.quality.strategy != "lines" or table.quality.strategy != "lines":
        return None  # only a ruled table has rulings to lose: a borderless one's edges are its words'
    before, after = column_edges(previous), column_edges(table)
    if before is None or after is None:
        return None
    place = [next((j for j, y in enumerate(after) if abs(x - y) <= COLUMN_TOLERANCE), None) for x in before]
    if None in place or place[0] != 0 or place[-1] != len(after) - 1:
        return None
    at = [int(j) for j in place if j is not None]
    if any(b <= a for a, b in pairwise(at)):
        return None  # two edges on one, or out of order: not the same columns
    cells = [replace(c, col=at[c.col], colspan=at[c.col + c.colspan] - at[c.col]) for c in previous.cells]
    quality = replace(previous.quality, notes=[*previous.quality.notes, RULING_RESTORED])
    return replace(previous, n_cols=table.n_cols, cells=cells, quality=quality)


def _take_columns(table: Table, widened: Table) -> None:
    """Give ``table`` (mutable: tables are linked in place) the columns, cells and notes of ``widened``."""
    table.n_cols, table.cells, table.quality = widened.n_cols, widened.cells, widened.quality


def _row_key(table: Table, row: int) -> list[str]:
    return [re.sub(r"\s+", "", unicodedata.normalize("NFC", t)) for t in table.grid()[row]]


def _page_before(number: int, pages: Mapping[int, PageText]) -> int:
    """The page a table on page ``number`` may go on from: the one before it, empty pages (a blank
    slide, nothing on it at all) passed over, as a reader turns them.

    >>> pages = {n: PageText(n, 100, 100, k) for n, k in ((1, PageKind.TEXT), (2, PageKind.EMPTY))}
    >>> _page_before(3, pages), _page_before(2, pages), _page_before(3, {})
    (1, 1, 2)
    """
    before = number - 1
    while before in pages and pages[before].kind is PageKind.EMPTY:
        before -= 1
    return before


def link_continuations(tables: list[Table], pages: Mapping[int, PageText] | None = None) -> None:
    """Mark tables that carry on the last table of the previous page.

    ``tables`` are a whole document's tables in page order.  A table is a continuation when it
    is the first on its page and starts near the top, the previous page's last table ends near
    the bottom, and both have the same columns (:func:`columns_match`, or the same number of columns
    under a repeated header).  "Near" means no body text in between (page numbers, running
    headers/footers, lines repeated at the top or bottom of pages, and ``(ต่อ)`` captions aside) when
    ``pages`` (page number → ``PageText``) are given, else a share of an A4 page.
    ``header_repeated`` is set when the first row's text equals the header row of the table the
    chain started with.  Rows are not stitched here.
    """
    last_on_page: dict[int, Table] = {}
    for table in tables:
        last_on_page[table.page] = table  # later tables of a page overwrite earlier ones
    origin: dict[int, Table] = {}
    pages = pages or {}
    running = running_lines(pages)
    for table in tables:
        previous = last_on_page.get(_page_before(table.page, pages))
        if (
            table.index != 0
            or previous is None
            or not starts_near_top(table, pages.get(table.page), running)
            or not ends_near_bottom(previous, pages.get(previous.page), running)
        ):
            continue
        head = origin.get(id(previous), previous)
        header = _row_key(head, 0)
        repeated = any(header) and table.n_cols == head.n_cols and _row_key(table, 0) == header
        # a repeated header says "same table" even where a borderless table's edges, read off its
        # words, moved with a page's content
        if not (columns_match(previous, table) or (repeated and previous.n_cols == table.n_cols)):
            widened = with_lost_ruling(previous, table)
            if widened is None:
                continue
            _take_columns(previous, widened)
        table.continues_previous = True
        origin[id(table)] = head
        table.header_repeated = repeated

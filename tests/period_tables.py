"""Two-column tables of steps and periods as OCR gives them (a confidence on every cell), for the
period re-reading tests: one builder, so a change to ``Table`` is made in one place."""

from __future__ import annotations

from schemas import BBox, Cell, Table, TableQuality


def step_period_table(page: int, rows: list[tuple[str, str]], strategy: str) -> Table:
    """A table of ``rows`` (two cells each) on ``page``, found by ``strategy`` (``"lines"``,
    ``"borderless"``); each cell 90 × 15 points, columns 100 apart, rows 20 apart."""
    cells = [
        Cell(r, c, text, "", BBox(100 * c, 20 * r, 100 * c + 90, 20 * r + 15), confidence=0.9)
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    ]
    return Table(
        page, 0, BBox(0, 0, 200, 20 * len(rows)), len(rows), 2, cells, TableQuality(strategy, 1, 1, 1, [])
    )

"""Two-column tables of steps and periods as OCR gives them (a confidence on every cell), for the
period re-reading tests: one builder, so a change to ``Table`` is made in one place."""

from __future__ import annotations

from schemas import BBox, Cell, OcrInfo, OcrStatus, PageText, Table, TableQuality
from schemas.record import Action, Period, Provenance


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


def cut_period_action(page: int, above: tuple[str, float], below: tuple[str, float], text: str) -> Action:
    """Action 1 whose period cell the page break cut: its part ``above`` (raw text, confidence) at
    the foot of ``page``, the part ``below`` at the top of the next; ``text`` is the two joined."""
    src = {
        "period": [
            Provenance(page, BBox(0, 90, 10, 100), *above),
            Provenance(page + 1, BBox(0, 0, 10, 10), *below),
        ]
    }
    return Action(1, None, None, [], [], [], Period(text), None, [], [], page, [page, page + 1], src)


def scanned_pages(*numbers: int) -> list[PageText]:
    """Scanned pages (read by OCR at 150 dpi) of these numbers."""
    return [PageText(n, 100, 100, "scanned", ocr=OcrInfo(OcrStatus.READ, 150)) for n in numbers]

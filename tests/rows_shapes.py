"""Shapes shared by the tests of scanned borderless measures tables: a four-column table's header
words, its columns' left edges, period cells, words and lines placed in page points, and tables
as OCR read them."""

from __future__ import annotations

from schemas import BBox, Cell, Line, PageKind, PageText, Table, TableQuality, Word

COLUMNS = (60.0, 200.0, 330.0, 440.0)
HEADER = ("มาตรการ", "ขั้นตอน", "ผู้รับผิดชอบ", "ระยะเวลา")
PERIODS = ("ต.ค. 67", "ม.ค. 68", "ก.ย. 68", "มี.ค. 68", "ธ.ค. 67", "ก.พ. 68")


def names(text: str) -> bool:
    return any(name in text for name in (*HEADER, "รับผิด", "ชอบ"))


def word(text: str, x0: float, top: float, width: float | None = None) -> Word:
    return Word(text, text, BBox(x0, top, x0 + (width or 7.0 * len(text)), top + 15.0), 0.9)


def line(words: list[Word]) -> Line:
    words = sorted(words, key=lambda w: w.box.x0)
    top, bottom = min(w.box.top for w in words), max(w.box.bottom for w in words)
    box = BBox(words[0].box.x0, top, words[-1].box.x1, bottom)
    text = " ".join(w.text for w in words)
    return Line(text, text, box, tuple(words), confidence=0.9)


def row(top: float, cells: dict[int, str]) -> Line:
    """One line of a table row: each cell's text at its column's left edge."""
    return line([word(text, COLUMNS[col], top) for col, text in sorted(cells.items())])


def rows(top: float, first: int, count: int) -> list[Line]:
    """``count`` rows from ``top``, each measure and steps wrapped onto a second line."""
    lines = []
    for n in range(first, first + count):
        y = top + 48.0 * (n - first)
        lines.append(row(y, {0: f"{n}. มาตรการ", 1: "(1) อบรม", 2: "กองคลัง", 3: PERIODS[n - 1]}))
        lines.append(row(y + 18.0, {0: "ส่งเสริม", 1: "ให้ความรู้"}))
    return lines


def ocr_table(page: int, rows: list[list[str]], strategy: str = "lines") -> Table:
    """A table as OCR read it (every cell with a confidence), one row per list of texts, each cell
    100 points wide and 40 tall; ``strategy`` is how it was found (``lines``, ``borderless``)."""
    cells = [
        Cell(
            r,
            c,
            text,
            text,
            BBox(60.0 + 100 * c, 100.0 + 40 * r, 160.0 + 100 * c, 140.0 + 40 * r),
            confidence=0.9,
        )
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    ]
    box = BBox(60.0, 100.0, 60.0 + 100 * len(rows[0]), 100.0 + 40 * len(rows))
    return Table(page, 0, box, len(rows), len(rows[0]), cells, TableQuality(strategy, 0.9, 1.0, 1.0, []))


def page(lines: list[Line]) -> PageText:
    """A scanned A4 page holding ``lines``."""
    return PageText(1, 595.0, 842.0, PageKind.SCANNED, lines=lines)


def periods(tables: list[Table]) -> list[str | None]:
    """The period texts of the actions ``tables`` give (stitched, fiscal year 2568)."""
    from extractors.ita.actions import actions_from_tables
    from extractors.ita.stitch import stitch

    return [a.period.text for a in actions_from_tables(stitch(tables), 2568)]


def close_header(top: float = 100.0) -> Line:
    """The header line with ``ผู้รับผิดชอบ`` ending 4 pt before ``ระยะเวลา``: narrower than a gutter."""
    return line(
        [
            word(HEADER[0], COLUMNS[0], top),
            word(HEADER[1], COLUMNS[1], top),
            word(HEADER[2], COLUMNS[2], top, COLUMNS[3] - 4.0 - COLUMNS[2]),
            word(HEADER[3], COLUMNS[3], top),
        ]
    )

"""A line of a scanned table row read apart with a short box (a period's ``- ๓๐``: digits and a
dash, no marks above or below) lies within the height of the row's line beside it: it is that
line's, and neither splits the row nor opens one."""

from __future__ import annotations

from extractors.ocr.rows import scan_borderless, visual_lines
from schemas import BBox, Line, Word
from tests.rows_shapes import COLUMNS, HEADER, names, page, periods, row


def _tall(text: str, x0: float, top: float, height: float) -> Word:
    return Word(text, text, BBox(x0, top, x0 + 7.0 * len(text), top + height), 0.9)


def _line(words: list[Word]) -> Line:
    top, bottom = min(w.box.top for w in words), max(w.box.bottom for w in words)
    text = " ".join(w.text for w in words)
    return Line(
        text, text, BBox(words[0].box.x0, top, words[-1].box.x1, bottom), tuple(words), confidence=0.9
    )


def _rows(top: float, count: int) -> list[Line]:
    """Rows whose period wraps: ``ต.ค.`` on the first line, ``- 67`` on the second, read as a line of
    its own whose box (digits and a dash) is 6 pt tall, in the lower half of the line's 23 pt."""
    lines = []
    for n in range(1, count + 1):
        y = top + 60.0 * (n - 1)
        lines.append(row(y, {0: f"{n}. มาตรการ", 1: "(1) อบรม", 2: "กองคลัง", 3: "ต.ค."}))
        lines.append(
            _line([_tall("ส่งเสริม", COLUMNS[0], y + 18.0, 23.0), _tall("ให้ความรู้", COLUMNS[1], y + 18.0, 23.0)])
        )
        dash = _tall("-", COLUMNS[3], y + 32.0, 1.0)
        lines.append(_line([dash, _tall("67", COLUMNS[3] + 8.0, y + 30.0, 6.0)]))
    return lines


def test_a_short_line_within_a_rows_line_joins_it() -> None:
    lines = visual_lines(_rows(130.0, 1))
    assert [ln.text for ln in lines] == ["1. มาตรการ (1) อบรม กองคลัง ต.ค.", "ส่งเสริม ให้ความรู้ - 67"]


def test_a_period_wrapped_onto_a_short_line_stays_in_its_row() -> None:
    lines = [row(100.0, dict(enumerate(HEADER))), *_rows(130.0, 3)]
    tables = scan_borderless(page(visual_lines(lines)), [], names)
    assert [t.n_rows for t in tables] == [4]  # the header and three rows
    assert periods(tables) == ["ต.ค. - 67"] * 3

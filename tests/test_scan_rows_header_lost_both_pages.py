"""A scanned borderless table whose header OCR read with a column too few on both pages it
spans: at the foot of the first page two header cells set too close for a gutter (one row under
them, too few lines to show it), on the next page the first column's header lost over sub-rows
that leave that column empty.  Each page's table has as many columns, neither the printed
ones: the next page's edges open the first page's header, and the next page's table, its
header repeating the first's, goes on from it."""

from __future__ import annotations

from extractors.ocr.rows import scanned_layout, visual_lines
from schemas import Line, PageKind, PageText
from tests.rows_shapes import HEADER, close_header, names, periods, row


def _page(number: int, lines: list[Line]) -> PageText:
    return PageText(number, 595.0, 842.0, PageKind.SCANNED, lines=visual_lines(lines))


def _foot() -> list[Line]:
    """The header and one row at the foot of page 1."""
    return [
        close_header(700.0),
        row(730.0, {0: "1. มาตรการ", 1: "(1) อบรม", 2: "กองคลัง", 3: "ต.ค. 67"}),
        row(748.0, {0: "ส่งเสริม", 1: "ให้ความรู้"}),
    ]


def _next() -> list[Line]:
    """Page 2: the header without its first cell, then sub-rows (steps, unit, period) only."""
    lines = [row(60.0, {1: HEADER[1], 2: HEADER[2], 3: HEADER[3]})]
    for n, period in enumerate(("ม.ค. 68", "ก.ย. 68", "มี.ค. 68")):
        y = 100.0 + 48.0 * n
        lines.append(row(y, {1: f"({n + 2}) ติดตาม", 2: "กองช่าง", 3: period}))
        lines.append(row(y + 18.0, {1: "ประเมินผล"}))
    return lines


def test_the_next_pages_edges_open_a_header_with_as_many_columns() -> None:
    tables = scanned_layout({1: _page(1, _foot()), 2: _page(2, _next())}, [], names)
    assert [(t.page, t.n_cols) for t in tables] == [(1, 4), (2, 3)]


def test_the_rows_of_both_pages_are_one_tables() -> None:
    tables = scanned_layout({1: _page(1, _foot()), 2: _page(2, _next())}, [], names)
    assert periods(tables) == ["ต.ค. 67", "ม.ค. 68", "ก.ย. 68", "มี.ค. 68"]


def test_a_header_at_the_foot_of_a_chart_page_is_opened_too() -> None:
    # the page's title set large over a chart whose labels (set small) were paired up as a
    # picture table after the page's borderless tables were found: read again, the page keeps
    # them in, or its body text size is the title's, and the header is found no more
    from dataclasses import replace

    from extractors.ocr.rows import opened_by_next_page, scan_borderless
    from schemas import BBox, TableQuality, Word

    def tall(top: float) -> Line:
        words = tuple(
            Word("ประกาศ", "ประกาศ", BBox(60.0 + 70 * k, top, 120.0 + 70 * k, top + 40.0)) for k in range(6)
        )
        return Line("ประกาศ", "ประกาศ", BBox(60.0, top, 480.0, top + 40.0), words, confidence=0.9)

    titles = [tall(40.0 + 45 * k) for k in range(5)]
    labels = [row(300.0 + 20 * k, {0: f"{k + 1}. การปฏิบัติ", 2: "81.50"}) for k in range(12)]
    # header cells 10 pt apart: a gutter at the body's size (11 pt), none at the title's
    head = close_header(700.0)
    wide = (130.0, 120.0, None, None)
    words = [
        replace(w, box=BBox(w.box.x0, w.box.top, w.box.x0 + x, w.box.bottom)) if x else w
        for w, x in zip(head.words, wide, strict=True)
    ]
    foot = [
        replace(head, words=tuple(words), box=BBox(60.0, head.box.top, head.box.x1, head.box.bottom)),
        *_foot()[1:],
    ]
    first = _page(1, [*titles, *labels, *foot])
    second = _page(2, _next())
    chart = replace(scan_borderless(second, [], names)[0], page=1, box=BBox(55.0, 295.0, 500.0, 545.0))
    chart = replace(chart, quality=TableQuality("picture", 0.5, 1.0, 1.0, []))
    tables = [chart, *scan_borderless(first, [], names), *scan_borderless(second, [], names)]
    assert [t.n_cols for t in tables[1:]] == [3, 3]
    opened = opened_by_next_page(tables, {1: first, 2: second}, names)
    assert [(t.page, t.n_cols) for t in opened[1:]] == [(1, 4), (2, 3)]

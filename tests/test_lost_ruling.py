"""A header at a page's foot that lost a column ruling (a stamp over it) still heads the table
the next page goes on with (fresh c95 s364 scan200: the measures table, 17 rows, was lost).

The header row had five columns where the next page's grid has six, so the two were not linked,
and the stitch joined the column its header did not name apart into the one on its left.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from extractors.ita.stitch import stitch
from extractors.pdf.tables import link_continuations, with_lost_ruling
from schemas import BBox, Cell, Table, TableQuality

EDGES = [81.0, 156.0, 238.0, 347.0, 408.6, 466.4, 534.2]
HEADER = ["ประเด็นปัญหา", "แนวทางปฏิบัติ", "ขั้นตอน/วิธีการ", "ผู้รับผิดชอบ ระยะเวลา", "การติดตาม"]
ROWS = [
    ["ตัวชี้วัดที่ ๑๐", "มาตรการเสริมสร้าง", "(๑) มอบหมายผู้รับผิดชอบ", "กองการศึกษา", "ต.ค. ๖๖ - ธ.ค. ๖๖", "ติดตามผล"],
    ["ตัวชี้วัดที่ ๔", "มาตรการป้องกัน", "(๑) เผยแพร่ทะเบียน", "กองคลัง", "ส.ค. ๖๗", "ติดตามผล"],
]


def _quality() -> TableQuality:
    return TableQuality("lines", 1.0, 1.0, 1.0, notes=["read by OCR"])


def _header_at_foot() -> Table:
    # the ruling at 408.6 is gone: ``ผู้รับผิดชอบ ระยะเวลา`` is one cell
    edges = [e for e in EDGES if e != 408.6]
    spans = zip(HEADER, pairwise(edges), strict=True)
    cells = [Cell(0, i, t, t, BBox(a, 758, b, 778)) for i, (t, (a, b)) in enumerate(spans)]
    return Table(1, 1, BBox(81, 758, 534.2, 778), 1, 5, cells, _quality())


def _rows_at_top() -> Table:
    cells = [
        Cell(r, c, t, t, BBox(a, 63 + 100 * r, b, 163 + 100 * r))
        for r, row in enumerate(ROWS)
        for c, (t, (a, b)) in enumerate(zip(row, pairwise(EDGES), strict=True))
    ]
    return Table(2, 0, BBox(81, 63, 534.2, 263), len(ROWS), 6, cells, _quality())


def test_a_header_that_lost_a_ruling_is_regridded_to_the_next_pages_columns() -> None:
    widened = with_lost_ruling(_header_at_foot(), _rows_at_top())
    assert widened is not None
    assert widened.n_cols == 6
    assert [(c.col, c.colspan, c.text) for c in widened.cells][3] == (3, 2, "ผู้รับผิดชอบ ระยะเวลา")


def test_two_tables_sharing_only_their_margins_are_not_one() -> None:
    two = Table(
        1,
        1,
        BBox(81, 700, 534.2, 778),
        1,
        2,
        [
            Cell(0, 0, "ตัวชี้วัด", "ตัวชี้วัด", BBox(81, 758, 347, 778)),
            Cell(0, 1, "คะแนน", "คะแนน", BBox(347, 758, 534.2, 778)),
        ],
        _quality(),
    )
    assert with_lost_ruling(two, _rows_at_top()) is None


def test_the_next_page_goes_on_under_the_header_and_keeps_its_columns() -> None:
    tables = [_header_at_foot(), _rows_at_top()]
    link_continuations(tables)
    assert tables[1].continues_previous
    measures = [t for t in stitch(tables) if t.kind == "measures"]
    assert len(measures) == 1
    assert measures[0].pages == [1, 2]
    assert len(measures[0].fields) == 6
    assert len(measures[0].rows) == 2


def test_a_borderless_table_has_no_ruling_to_lose() -> None:
    # a borderless table's edges are its words': a draw-164 chart document lost 4 periods when its
    # word edges were taken for rulings
    borderless = replace(_header_at_foot(), quality=TableQuality("borderless", 1.0, 1.0, 1.0))
    assert with_lost_ruling(borderless, _rows_at_top()) is None


def test_a_head_whose_columns_were_not_restored_keeps_one_column_per_header() -> None:
    # the next page goes on with as many columns, but nothing was restored: the column the
    # spanning header cell does not name apart is joined to the named one, as before
    head = with_lost_ruling(_header_at_foot(), _rows_at_top())
    assert head is not None
    plain = replace(head, quality=_quality())
    rows = replace(_rows_at_top(), continues_previous=True)
    tables = stitch([plain, rows])
    assert all(len(t.fields) != 6 for t in tables if 1 in t.pages)

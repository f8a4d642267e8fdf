"""Period cells of the borderless tables found on scanned pages, read again from the page image.

A ruled grid's period cells are settled inside the OCR worker, where the page image is at hand
(:meth:`extractors.ocr.page.PageReader.settle_periods`).  A borderless table on a scan is found
later, from the page's OCR words (:mod:`extractors.ocr.rows`), when the image is gone: its period
cells hold what the page's layout reading gave, months read as Latin letters (``B.A. ๖๔``) and
all.  This module prepares such a page again (the same steps, so the same geometry: the words'
boxes fit it) and settles those cells by the same hook, only on pages where a period cell does not
parse, or starts a line below its row's other cells (its first line lost, :func:`lost_first_line`):
every other page costs nothing.

A ruled grid's worker settles its period column only when the grid itself places one (a header,
or cells that parse): a grid continued on a page where every period was read as Latin letters
(``NLA. - เม.ย. 68``, ``ภายใน 30 Hu. 2568``) places none, and is settled here too, its column placed
by the grid whose header names it (:func:`guided_column`).

Measures written as paragraphs have no cells: a line ``ระยะเวลา: ...`` whose period does not parse
is read again the same way, from the line's box (:func:`settle_period_lines`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractors.ita.period_repairs import parses
from extractors.ocr.fields import Reading, period_column, period_headers, period_shaped, settle
from schemas import DOUBT_CONFIDENCE, BBox, Line, OcrDoubt, OcrStatus, PageKind, PageText, Table

if TYPE_CHECKING:
    from extractors.ocr.page import PageReader


def needs_reread(table: Table, page: PageText | None = None, known: tuple[int, int] | None = None) -> bool:
    """A borderless table read by OCR whose period column (found by header or by cells) holds a
    cell below its header that does not parse as a period, or (given its ``page``) one whose
    first line stands lower than its row's (:func:`lost_first_line`).  ``known``: the period
    column ``(column, header row)`` when found by other evidence (:func:`guided_column`).

    >>> from schemas import BBox, Cell, TableQuality
    >>> box = BBox(0, 0, 10, 10)
    >>> cells = [Cell(0, 0, "ระยะเวลา", "", box, confidence=0.9)]
    >>> cells.append(Cell(1, 0, "B.A. 64", "", box, confidence=0.9))
    >>> table = Table(1, 0, box, 2, 1, cells, TableQuality("borderless", 1.0, 1.0, 1.0, []))
    >>> needs_reread(table)
    True
    >>> cells[1] = Cell(1, 0, "ต.ค. 64 - ธ.ค. 64", "", box, confidence=0.9)
    >>> needs_reread(Table(1, 0, box, 2, 1, cells, TableQuality("borderless", 1.0, 1.0, 1.0, [])))
    False
    """
    if not any(c.confidence is not None for c in table.cells):
        return False
    # a ruled grid's own period column was settled by its worker; one only another table places
    # (a continued grid whose every period was read as Latin letters) was not
    if table.quality.strategy != "borderless" and not (table.quality.strategy == "lines" and known):
        return False
    found = known or period_column(table)
    if found is None:
        return False
    column, header = found
    if any(
        c.col == column and c.row > header and c.text.strip() and c.box is not None and not parses(c.text)
        for c in table.cells
    ):
        return True
    borderless = table.quality.strategy == "borderless"
    return borderless and page is not None and lost_first_line(table, column, header, page)


#: A period cell's first line lost: its first word's top lies this many word heights (the page's
#: median) below the top of its row's first words.
LOST_LINE_DROP = 0.8


def lost_first_line(table: Table, column: int, header: int, page: PageText) -> bool:
    """Whether a period cell of a borderless table (below its header) starts a line or more below
    the other cells of its row: a row's cells start on one line, so the cell's first line was
    lost (``ม.ค. -`` over ``เม.ย. ๖๒``: a line of dots and a dash the page's reading took for noise),
    and what is left (``เม.ย. ๖๒``) parses as another period.  From the page's words alone.

    >>> from schemas import BBox, Cell, Line, TableQuality, Word
    >>> def word(x, y):
    ...     return Word("ก", "ก", BBox(x, y, x + 10, y + 10))
    >>> line = lambda *ws: Line("", "", BBox(0, 0, 1, 1), ws)
    >>> cells = [Cell(0, 0, "กองคลัง", "", BBox(0, 0, 50, 60))]
    >>> cells.append(Cell(0, 1, "เม.ย. 62", "", BBox(50, 0, 100, 60)))
    >>> table = Table(1, 0, BBox(0, 0, 100, 60), 1, 2, cells, TableQuality("borderless", 1, 1, 1, []))
    >>> page = PageText(1, 100, 100, "scanned", [line(word(5, 2), word(60, 16)), line(word(5, 16))])
    >>> lost_first_line(table, 1, -1, page)
    True
    >>> page.lines[0] = line(word(5, 2), word(60, 3))
    >>> lost_first_line(table, 1, -1, page)
    False
    """
    words = [w.box for ln in page.lines for w in ln.words]
    if not words:
        return False
    heights = sorted(b.bottom - b.top for b in words)
    drop = LOST_LINE_DROP * heights[len(heights) // 2]

    def first_top(box: BBox) -> float | None:
        tops = [
            b.top
            for b in words
            if box.x0 <= (b.x0 + b.x1) / 2 <= box.x1 and box.top <= (b.top + b.bottom) / 2 <= box.bottom
        ]
        return min(tops, default=None)

    for cell in table.cells:
        if cell.col != column or cell.row <= header or cell.box is None or not cell.text.strip():
            continue
        mine = first_top(cell.box)
        row = [
            first_top(o.box)
            for o in table.cells
            if o.row == cell.row and o.col != column and o.box is not None
        ]
        tops = [t for t in row if t is not None]
        if mine is not None and tops and mine - min(tops) > drop:
            return True
    return False


def settle_borderless_periods(
    path: str | Path, pages: dict[int, PageText], tables: Sequence[Table], again: PagesAgain | None = None
) -> None:
    """Settle the period cells of ``tables``' borderless tables on scanned pages that need it
    (:func:`needs_reread`): cells replaced in place, doubts added to the page's OCR info.  A page
    prepared again that does not come out as the worker had it (another turn or tilt) is left as
    it was: its boxes would not fit.  ``again``: pages already prepared again for this document
    (:class:`PagesAgain`), shared with the other re-reads."""
    wanted: dict[int, list[Table]] = defaultdict(list)
    columns: dict[int, tuple[int, int]] = {}
    for table in tables:
        page = pages.get(table.page)
        if page is None or page.kind is not PageKind.SCANNED or page.ocr is None:
            continue
        column = guided_column(table, tables) if period_column(table) is None else None
        if page.ocr.status is OcrStatus.READ and needs_reread(table, page, column):
            wanted[table.page].append(table)
            if column is not None:
                columns[id(table)] = column
    with PagesAgain.using(again, path, pages) as pages_again:
        settle_on_pages(pages_again, wanted, columns=columns)


def _span(table: Table, column: int, header: int) -> tuple[float, float] | None:
    """The x-range of a column's cells below ``header`` (their boxes' union); of its header cell
    when nothing stands below it (a header printed at a page's foot, its rows on the next page)."""
    boxes = [c.box for c in table.cells if c.col == column and c.row > header and c.box is not None]
    if not boxes:
        boxes = [c.box for c in table.cells if c.col == column and c.colspan == 1 and c.box is not None]
    return (min(b.x0 for b in boxes), max(b.x1 for b in boxes)) if boxes else None


def guided_column(table: Table, tables: Sequence[Table]) -> tuple[int, int] | None:
    """The period column of a borderless or ruled ``table`` that names none itself (a table
    continued from the page before, every period on its page read as Latin letters: ``aA. do -
    fa. ๖๓``, ``NLA. - เม.ย. 68`` with ``ภายใน 30 Hu. 2568``, so none parses and its own cells
    place no column), as another table of the document found the same way (borderless, or ruled)
    places it: ``(column, -1)`` for the one column whose cells' centres all lie within the x-range
    of the period column that table's header names, when the tables that name one agree on it;
    None otherwise.  The columns' positions on the page are the evidence, never the cells' words.
    A ruled grid's column is placed so only when most of its cells look like periods
    (:func:`_period_like`: a table of scores may stand there), or when the grid goes on, edge for
    edge, from one on a page before that names it (:func:`~extractors.ita.stitch.same_columns`):
    a page of a looped font's periods read as ``A.A. bo - fin. bo``, ``รอบ > เดือน``, ``๖๘``.

    >>> from schemas import BBox, Cell, TableQuality
    >>> q = TableQuality("borderless", 1.0, 1.0, 1.0, [])
    >>> def cell(r, c, text):
    ...     return Cell(r, c, text, "", BBox(100 * c, 20 * r, 100 * c + 90, 20 * r + 15))
    >>> first = Table(1, 0, BBox(0, 0, 300, 60), 2, 3, [cell(0, 1, "ขั้นตอน"), cell(0, 2, "ระยะเวลา"),
    ...     cell(1, 1, "๑. ประชุม"), cell(1, 2, "ส.ค. ๖๔")], q)
    >>> later = Table(2, 0, BBox(0, 0, 300, 60), 2, 3, [cell(0, 1, "๑. ชี้แจง"), cell(0, 2, "aA. do - fa. ๖๓"),
    ...     cell(1, 1, "๒. รายงาน"), cell(1, 2, "an๖๔")], q)
    >>> guided_column(later, [first, later])
    (2, -1)
    """
    from extractors.ita.stitch import same_columns

    strategy = table.quality.strategy
    if strategy not in ("borderless", "lines"):
        return None
    spans = set()
    going_on = False  # a grid on a page before, column for column: this one goes on from it
    for other in tables:
        alike = other is not table and other.quality.strategy == strategy
        found = period_column(other) if alike else None
        if found is None or found[1] < 0:
            continue  # only a column a header names guides another table
        span = _span(other, *found)
        if span is not None:
            spans.add(span)
        going_on = going_on or (other.page < table.page and same_columns(other, table))
    if not spans:
        return None
    x0, x1 = min(a for a, _ in spans), max(b for _, b in spans)
    if any(a > x1 or b < x0 for a, b in spans):  # the tables disagree on where it stands
        return None
    inside = {
        c.col
        for c in table.cells
        if c.box is not None and c.text.strip() and x0 <= (c.box.x0 + c.box.x1) / 2 <= x1
    }
    outside = {
        c.col
        for c in table.cells
        if c.box is not None and c.text.strip() and not x0 <= (c.box.x0 + c.box.x1) / 2 <= x1
    }
    found_cols = inside - outside
    if len(found_cols) != 1:
        return None
    column = found_cols.pop()
    if strategy == "lines" and not _period_like(table, column) and (not going_on or _numbers(table, column)):
        return None  # a grid's column there that holds no period (a table of scores) is none
    return column, -1


def _column_texts(table: Table, column: int) -> list[str]:
    """The texts of ``column``'s own cells (not spanning others) that hold any."""
    return [c.text for c in table.cells if c.col == column and c.colspan == 1 and c.text.strip()]


#: A score, a share or a difference (``๘๘.๑๒``, ``+2.5``, ``95%``).  Not
#: :func:`~extractors.ocr.number_text.numberish`, which takes ``/`` for number punctuation: a
#: column of dates written ``1/10/64`` is a column of periods.
_NUMBER = re.compile(r"[\s0-9๐-๙.,%+\-]*[0-9๐-๙][\s0-9๐-๙.,%+\-]*")


def _numbers(table: Table, column: int) -> bool:
    """Whether most of ``column``'s cells with text are numbers (``๘๘.๑๒``): a column of scores.

    >>> from schemas import BBox, Cell, TableQuality
    >>> q, box = TableQuality("lines", 1.0, 1.0, 1.0, []), BBox(0, 0, 1, 1)
    >>> _numbers(Table(2, 0, box, 2, 1, [Cell(0, 0, "๘๘.๑๒", "", box), Cell(1, 0, "A.A. bo", "", box)], q), 0)
    True
    >>> _numbers(Table(2, 0, box, 1, 1, [Cell(0, 0, "A.A. bo", "", box)], q), 0)
    False
    """
    texts = _column_texts(table, column)
    return bool(texts) and 2 * sum(1 for t in texts if _NUMBER.fullmatch(t)) >= len(texts)


def _period_like(table: Table, column: int) -> bool:
    """Whether most of ``column``'s cells with text parse as periods or are shaped as periods OCR
    damaged (:func:`extractors.ocr.fields.period_shaped`): a ruled grid is placed by another
    table only so (it may be a table of scores or of another kind that stands there).

    >>> from schemas import BBox, Cell, TableQuality
    >>> q, box = TableQuality("lines", 1.0, 1.0, 1.0, []), BBox(0, 0, 1, 1)
    >>> _period_like(Table(2, 0, box, 2, 1, [Cell(0, 0, "NLA. - เม.ย. 68", "", box),
    ...     Cell(1, 0, "ภายใน 30 Hu. 2568", "", box)], q), 0)
    True
    >>> scores = [Cell(0, 0, "๘๘.๑๒", "", box), Cell(1, 0, "๙๐.๐๐", "", box)]
    >>> _period_like(Table(2, 0, box, 2, 1, scores, q), 0)
    False
    """
    texts = _column_texts(table, column)
    periods = sum(1 for t in texts if parses(t) or period_shaped(t))
    return bool(texts) and 2 * periods >= len(texts)


class PagesAgain:
    """A document's scanned pages prepared again from its PDF, each at most once however many
    re-reads ask for it (the borderless periods, then the document's years): the PDF is opened
    and a page rendered and prepared only when first asked for.  :meth:`close` when done."""

    def __init__(self, path: str | Path, pages: dict[int, PageText]) -> None:
        self.path, self.pages = Path(path), pages
        self._doc: Any = None
        self._readers: dict[int, PageReader | None] = {}

    def reader(self, number: int) -> PageReader | None:
        """A reader of page ``number`` prepared as the worker prepared it, or None when the page
        does not come out with the worker's turn and tilt (its boxes would not fit)."""
        if number not in self._readers:
            import pypdfium2 as pdfium

            from extractors.ocr.geometry import prepare_page
            from extractors.ocr.page import PageReader, render
            from extractors.ocr.pages import worker_engine

            info = self.pages[number].ocr
            assert info is not None
            if self._doc is None:
                self._doc = pdfium.PdfDocument(str(self.path))
            engine = worker_engine(info.dpi)
            prepared = prepare_page(engine, render(self._doc, number, info.dpi))
            same = prepared.page.rotation == info.rotation and abs(prepared.page.skew - info.skew) <= 0.01
            self._readers[number] = PageReader(engine, prepared.page, info.dpi) if same else None
        return self._readers[number]

    @staticmethod
    @contextmanager
    def using(again: PagesAgain | None, path: str | Path, pages: dict[int, PageText]) -> Iterator[PagesAgain]:
        """``again`` itself, or pages of ``path`` prepared again for this call alone (closed after)."""
        if again is not None:
            yield again
            return
        own = PagesAgain(path, pages)
        try:
            yield own
        finally:
            own.close()

    def close(self) -> None:
        self._readers.clear()
        if self._doc is not None:
            self._doc.close()
            self._doc = None


def settle_on_pages(
    again: PagesAgain,
    wanted: dict[int, list[Table]],
    fiscal_year: int | None = None,
    columns: dict[int, tuple[int, int]] | None = None,
) -> None:
    """Settle the period cells of the ``wanted`` tables of each scanned page (by page number) from
    the page prepared again (:meth:`PagesAgain.reader`; :meth:`PageReader.settle_periods_by`, with
    the document's ``fiscal_year`` when given): cells replaced in place, doubts added to the page's
    OCR info.  ``columns``: a table's period column found by other evidence, by ``id(table)``."""
    for number, group in sorted(wanted.items()):
        reader = again.reader(number)
        info = again.pages[number].ocr
        if reader is None or info is None:
            continue
        for table in group:
            column = (columns or {}).get(id(table))
            info.doubts.extend(reader.settle_periods_by(table, fiscal_year=fiscal_year, column=column))


# --- a period written as a labelled line (measures as paragraphs) ---------------------------------


@cache
def _label() -> re.Pattern[str]:
    """A period's label at a line's start: a period header's wording (:func:`period_headers`),
    ``ดำเนินการ`` after it (its ``ด`` perhaps read as its look-alike ``ต``:
    :data:`extractors.ita.period_repairs.LOOKALIKES`), and a colon (optional: the re-read's
    whitelist has none)."""
    words = "|".join(re.escape(h) for h in period_headers())
    return re.compile(rf"^\s*(?:{words})\s*(?:[ดต]ำเนินการ)?\s*[:;]?\s*")


def labelled_period(text: str) -> tuple[str, str] | None:
    """``(label, period)`` of a line that starts with a period's label and a colon; None for any
    other line.

    >>> labelled_period("ระยะเวลา: A.A. ๖๓ - B.A. ๖๓"), labelled_period("ระยะเวลาดำเนินการ: ไตรมาสที่ ๑")
    (('ระยะเวลา: ', 'A.A. ๖๓ - B.A. ๖๓'), ('ระยะเวลาดำเนินการ: ', 'ไตรมาสที่ ๑'))
    >>> labelled_period("ระยะเวลาตำเนินการ:มิ.ย.- กุย.69")  # ``ด`` read as its look-alike ``ต``
    ('ระยะเวลาตำเนินการ:', 'มิ.ย.- กุย.69')
    >>> labelled_period("ระยะเวลาดำเนินการ"), labelled_period("ผู้รับผิดชอบ: กองคลัง")
    (None, None)
    """
    match = _label().match(text)
    if match is None or ":" not in match.group() or not text[match.end() :].strip():
        return None
    return text[: match.end()], text[match.end() :]


#: The readings a labelled period line is read again with, in order (:meth:`PageReader.cell`).
LINE_MODES = ("period", "thai", "period-own")


def settle_period_lines(again: PagesAgain) -> int:
    """The labelled period lines of scanned pages (``ระยะเวลา: ...``: measures written as
    paragraphs, :func:`labelled_period`) whose period does not parse, read again from the page
    image (the line's box, with room for its marks) in each of :data:`LINE_MODES` and settled as a
    period cell is (:func:`extractors.ocr.fields.settle`): the first reading whose period parses,
    else the first repair of a reading that parses (``ก.พ. - ก.ศ. ๖๗``: ``ค`` read ``ศ``; ``ส.ค.
    ๒๗``: a year's ``๖`` read ``๒``), kept with a doubt.  The years of the document's labelled
    periods that parse as read are the evidence a reading's years must fit
    (:func:`extractors.ita.period_years.evidence_fiscal_year`).  The line's text then keeps its
    label and takes that period (its raw stays as first read, its confidence the reading's).  A
    line nothing settles stays as it was.  Only pages holding such a line are prepared again;
    returns how many lines were settled."""
    from extractors.ita.period_years import evidence_fiscal_year, fits_years

    pages = [
        (number, page)
        for number, page in sorted(again.pages.items())
        if page.kind is PageKind.SCANNED and page.ocr is not None and page.ocr.status is OcrStatus.READ
    ]
    periods = [found[1] for _, page in pages for line in page.lines if (found := labelled_period(line.text))]
    year = evidence_fiscal_year([p for p in periods if parses(p)])
    fits = (lambda text: fits_years(text, year)) if year is not None else None
    settled = 0
    for number, page in pages:
        for n, line in enumerate(page.lines):
            found = labelled_period(line.text)
            if found is None or parses(found[1]):
                continue
            reader = again.reader(number)
            if reader is None or page.ocr is None:
                break
            reading, doubt = _settle_line(reader, line, found, fits)
            if reading is None:
                continue
            if doubt is not None:
                page.ocr.doubts.append(doubt)
            page.lines[n] = replace(line, text=found[0] + reading[0], confidence=reading[2])
            settled += 1
    return settled


def _settle_line(
    reader: PageReader, line: Line, found: tuple[str, str], fits: Callable[[str], bool] | None
) -> tuple[Reading | None, OcrDoubt | None]:
    """The settled period of a labelled ``line`` whose period (``found``, from
    :func:`labelled_period`) does not parse, and its doubt when it was repaired; ``(None, None)``
    when no reading nor repair parses."""
    from extractors.ocr.page import INSET

    x0, y0, x1, y1 = reader.px(line.box)
    pad = max((y1 - y0) // 3, 2) + INSET
    box = (x0 - pad, y0 - pad, x1 + pad, y1 + pad)

    def read(mode: str) -> Reading:
        text, raw, confidence = reader.cell(box, mode)
        reread = labelled_period(text if ":" in text else f"{found[0].strip()} {_strip_label(text)}")
        return (reread[1], raw, confidence) if reread is not None else ("", raw, None)

    first: Reading = (found[1], line.raw, line.confidence)
    reading, others = settle(first, [partial(read, mode) for mode in LINE_MODES], fits=fits)
    if not parses(reading[0]) or reading[0] == found[1]:
        return None, None
    if others is None:
        return reading, None
    why = "a period read only after repairs (stray marks at its edges, look-alike letters or digits)"
    return (reading[0], reading[1], DOUBT_CONFIDENCE), OcrDoubt(
        reading[0], " / ".join([found[1].strip(), *others]), line.box, why
    )


def _strip_label(text: str) -> str:
    """``text`` without a period's label at its start (a re-read without the colon)."""
    return _label().sub("", text, count=1)

"""Tables drawn without any ruling line: columns from a header row and the white gutters below it.

A borderless table is found from its header, the one row that says what the columns are:

1. **Header.** A line cut by wide gaps (a column gutter, :data:`GUTTER_EM` of the font size) into
   three or more segments, of which at least two name a column (``names_column``, given by the
   caller: the pdf layer knows no vocabulary).  A wrapped header goes on over the next lines when
   they name more columns with it, are bold like it, or only finish one of its cells (a data row
   starts several cells at once).
2. **Columns.** Each gutter between two header segments must stay white in every line below (no word
   crosses it); the table goes on line after line while that holds, the lines stay close and inside
   the table's width.  It needs two data lines, or one filling three columns at the foot of the page
   (its first row goes on over the page break).  A line that crosses a gutter (prose across the
   page) ends the table.  A column's left edge is where the leftmost word of the column starts
   (header and body), so the same table on the next page gets the same edges.
3. **Rows.** A new row starts where the spacing between lines opens up (cell padding between rows),
   or where a column that had text in the current row, then a line without it, has text again (the
   cells of a row are top-aligned: a column starts again only in the next row).  A row that leaves its
   first columns empty is a sub-row, as in ruled tables; a cell's wrapped lines stay in one cell.

Prose never passes: its lines cross every gutter, and a header needs two column names.  Nor does
a row inside an aligned block whose wrapped words name columns (``การดำเนิน``): the line above a
header is no row of the same columns.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass, replace
from itertools import pairwise

from extractors.pdf.layout import CharIndex, chars_in_box, text_in_box
from extractors.thai.text import COMMA_AS_DOT, LETTER_OR_DIGIT, repeats_cells, squashed
from schemas import BBox, Cell, Char, Line, PageKind, PageText, Table, TableQuality, Word

#: A gap at least this many font sizes wide between two words of a line is a column gutter.
GUTTER_EM = 0.6
#: The white a gutter keeps down the whole table, at least, in font sizes.
MIN_WHITE_EM = 0.45
#: Columns a borderless table needs (two aligned columns are as often a list or a signature block).
MIN_COLUMNS = 3
#: Header cells that must name a column: two at least, and half of them.
MIN_NAMED = 2
MIN_NAMED_SHARE = 0.5
#: Header lines at most (a wrapped header).
MAX_HEADER_LINES = 5
#: A header's wrapped line lies at most this many font sizes below the line above (top to top).
HEADER_PITCH_EM = 2.5
#: Data lines at least ...
MIN_DATA_LINES = 2
#: ... or one, filling this many columns, when nothing but page furniture follows it: the table's
#: first row shows one line at the foot of the page and goes on over the page break.
MIN_FOOT_COLUMNS = 3
#: Lines in the bottom share of a page past this are page furniture (numbers, footers).
FOOT_SHARE = 0.93
#: A line further below the previous than this many line pitches is not in the table.
MAX_PITCHES = 2.6
#: A line pitch this many times the table's usual pitch opens a new row.
ROW_PITCH = 1.3
#: Two lines read by OCR whose baselines are less than this share of the table's usual pitch apart
#: are one line of the page, read apart: no row starts between them.
SAME_LINE_PITCH = 0.4
#: A column's edge lies this many font sizes left of its leftmost word.
EDGE_PAD_EM = 0.25
#: A borderless table is trusted this much less than a ruled one.
BORDERLESS_FACTOR = 0.8

NamesColumn = Callable[[str], bool]
#: Where a word's ink surely lies across the line (x0, x1): its box, or less where boxes are unsure
#: (OCR), so that a box reaching into a gutter does not close it.
WordCore = Callable[[Word], tuple[float, float]]


@dataclass(frozen=True)
class Segment:
    """Words of a line with no gutter between them: one cell's part of the line."""

    x0: float
    x1: float
    text: str


def segments(line: Line, gutter: float) -> list[Segment]:
    """The line cut at gaps of ``gutter`` points or more.

    >>> from schemas import Word
    >>> ws = [Word("ก", "ก", BBox(0, 0, 10, 10)), Word("ข", "ข", BBox(13, 0, 20, 10)),
    ...       Word("ค", "ค", BBox(40, 0, 50, 10))]
    >>> [s.text for s in segments(Line("", "", BBox(0, 0, 50, 10), tuple(ws)), 8.0)]
    ['ก ข', 'ค']
    """
    out: list[Segment] = []
    for w in sorted(line.words, key=lambda w: w.box.x0):
        if out and w.box.x0 - out[-1].x1 < gutter:
            last = out[-1]
            out[-1] = Segment(last.x0, max(last.x1, w.box.x1), f"{last.text} {w.text}")
        else:
            out.append(Segment(w.box.x0, w.box.x1, w.text))
    return out


def _column_of(seps: Sequence[float], x: float) -> int:
    for i, s in enumerate(seps):
        if x < s:
            return i
    return len(seps)


def _bold(line: Line, chars: Sequence[Char]) -> bool:
    inside = [c for c in chars_in_box(chars, line.box) if c.text.strip()]
    return bool(inside) and sum("bold" in c.font.lower() for c in inside) >= 0.8 * len(inside)


def _texts(lines: Sequence[Line], seps: Sequence[float], n_cols: int) -> list[str]:
    texts = [""] * n_cols
    for line in lines:
        for w in line.words:
            i = _column_of(seps, (w.box.x0 + w.box.x1) / 2)
            texts[i] = f"{texts[i]} {w.text}".strip()
    return texts


def _filled_columns(line: Line, seps: Sequence[float]) -> int:
    return len({_column_of(seps, (w.box.x0 + w.box.x1) / 2) for w in line.words})


@dataclass
class _Found:
    header: list[Line]
    body: list[Line]
    seps: list[float]
    #: per body line, the words left out of it as marks (:func:`_stray`): ink all the same
    reach: list[tuple[Word, ...]] | None = None


Gutters = list[list[tuple[float, float]]]


def _keep_white(
    gutters: Gutters, line: Line, min_white: float, core: WordCore | None = None
) -> Gutters | None:
    """The gutters' white intervals once ``line``'s words (their ``core``, else their boxes) are
    drawn over them, or None when some gutter has no interval ``min_white`` wide left (the line
    crosses it)."""
    out: Gutters = []
    spans = [core(w) if core is not None else (w.box.x0, w.box.x1) for w in line.words]
    for intervals in gutters:
        for x0, x1 in spans:
            cut: list[tuple[float, float]] = []
            for lo, hi in intervals:
                if x1 <= lo or x0 >= hi:
                    cut.append((lo, hi))
                    continue
                if x0 - lo >= min_white:
                    cut.append((lo, x0))
                if hi - x1 >= min_white:
                    cut.append((x1, hi))
            intervals = cut
        if not intervals:
            return None
        out.append(intervals)
    return out


def _separators(gutters: Gutters) -> list[float]:
    """Each gutter's line: the middle of its widest white interval."""
    return [(lambda lo_hi: (lo_hi[0] + lo_hi[1]) / 2)(max(g, key=lambda iv: iv[1] - iv[0])) for g in gutters]


#: A wrapped header cell's tail is a short fragment (``พัฒนา``, ``ดำเนินการ``), without digits.
_TAIL_CHARS = 15
_DIGIT = re.compile(r"[0-9๐-๙]")
_LETTER = re.compile(LETTER_OR_DIGIT)


#: A wrapped header line lines up with the header text above it within this many font sizes (left
#: edges, right edges or centres: the cell's alignment).
ALIGN_EM = 0.5


def _lines_up(line: Line, header: Sequence[Line], seps: Sequence[float], em: float) -> bool:
    """Whether ``line``'s text in each column lines up with the header's text in that column (a
    header cell's wrapped line is set like its first: centred under it, or from the same edge; the
    rest of a data cell under a repeated header starts at the column's left edge instead)."""
    for col in {_column_of(seps, (w.box.x0 + w.box.x1) / 2) for w in line.words}:
        above = [w for h in header for w in h.words if _column_of(seps, (w.box.x0 + w.box.x1) / 2) == col]
        mine = [w for w in line.words if _column_of(seps, (w.box.x0 + w.box.x1) / 2) == col]
        if not above:
            return False
        h0, h1 = min(w.box.x0 for w in above), max(w.box.x1 for w in above)
        t0, t1 = min(w.box.x0 for w in mine), max(w.box.x1 for w in mine)
        tol = ALIGN_EM * em
        if not (abs(t0 - h0) <= tol or abs(t1 - h1) <= tol or abs((t0 + t1) - (h0 + h1)) / 2 <= tol):
            return False
    return True


def _header_tail(
    line: Line, header: Sequence[Line], gutters: Gutters, bold: bool, chars: Sequence[Char], em: float
) -> bool:
    """Whether ``line`` only finishes header cells: bold like a bold header, or else a short fragment
    in one column set as the header text above it (a data row starts several cells at once; the rest
    of a row cut by the page break under a repeated header is longer, or numbered, or starts at the
    column's left edge)."""
    if bold:
        return _bold(line, chars)
    seps = _separators(gutters)
    if _filled_columns(line, seps) > 1:
        return _centred_tails(line, header, seps, em)
    short = len(line.text) <= _TAIL_CHARS and not _DIGIT.search(line.text)
    return short and _lines_up(line, header, seps, em)


def _centred_tails(line: Line, header: Sequence[Line], seps: Sequence[float], em: float) -> bool:
    """Whether ``line`` finishes several centred header cells at once (``ดำเนินการ`` ``รายงาน``
    ``การ`` under ``มาตรการ/แนวทางการ``, ``การดำเนิน การ/``, ``ระยะเวลา ดำเนิน``): in each of its
    columns a short fragment without digits, centred under the header text of that column.  A
    data row's cells start at their columns' left edges, and rarely all stand centred under the
    header's cells.

    >>> def ln(top, *spans):
    ...     ws = tuple(Word(t, t, BBox(a, top, b, top + 10)) for a, b, t in spans)
    ...     return Line("", "", BBox(spans[0][0], top, spans[-1][1], top + 10), ws)
    >>> head = [ln(0, (10, 70, "มาตรการ/"), (110, 190, "การดำเนิน"))]
    >>> _centred_tails(ln(14, (20, 60, "ดำเนินการ"), (130, 170, "รายงาน")), head, [90], 10.0)
    True
    >>> _centred_tails(ln(14, (10, 40, "มาตรการ"), (110, 140, "กองช่าง")), head, [90], 10.0)
    False
    """
    if len(line.text) > _TAIL_CHARS * 3 or _DIGIT.search(line.text):
        return False
    tol = ALIGN_EM * em
    words = _past_left_letters(line, header)
    for col in {_column_of(seps, (w.box.x0 + w.box.x1) / 2) for w in words}:
        above = [w for h in header for w in h.words if _column_of(seps, (w.box.x0 + w.box.x1) / 2) == col]
        mine = [w for w in words if _column_of(seps, (w.box.x0 + w.box.x1) / 2) == col]
        if not above or len(" ".join(w.text for w in mine)) > _TAIL_CHARS:
            return False
        h0, h1 = min(w.box.x0 for w in above), max(w.box.x1 for w in above)
        t0, t1 = min(w.box.x0 for w in mine), max(w.box.x1 for w in mine)
        if abs((t0 + t1) - (h0 + h1)) / 2 > tol:
            return False
    return True


def _past_left_letters(line: Line, header: Sequence[Line]) -> list[Word]:
    """``line``'s words but a letter or two standing wholly left of the header's first word: a
    narrow column's header written a letter a line (``ล`` / ``ำ`` / ``ด`` of ``ลำดับ``) whose first
    letters OCR lost, so the header found has no such column and the letter is no part of the first.

    >>> def ln(*spans):
    ...     return Line("", "", BBox(0, 0, 1, 1), tuple(Word(t, t, BBox(a, 0, b, 10)) for a, b, t in spans))
    >>> head = [ln((107, 151, "ประเด็นที่"))]
    >>> [w.text for w in _past_left_letters(ln((87, 93, "ด"), (104, 149, "ปรับปรุง")), head)]
    ['ปรับปรุง']
    """
    left = min((w.box.x0 for h in header for w in h.words), default=0.0)
    return [w for w in line.words if not (w.box.x1 < left and len(w.text) <= 2 and not _DIGIT.search(w.text))]


def _next_line(above: Line, line: Line, em: float) -> bool:
    """Whether ``line`` is the line right under ``above`` (a wrapped header's next line): its top
    within :data:`HEADER_PITCH_EM` body font sizes of ``above``'s, or less white between the two
    than ``above``'s own height, so that no line of its size stands between them (a header set
    larger than the body, whose second line lies more than the body's pitch below its first).

    >>> def ln(top, bottom):
    ...     return Line("", "", BBox(0, top, 50, bottom), ())
    >>> _next_line(ln(581.4, 603.7), ln(606.6, 624.1), 9.87), _next_line(ln(0, 12), ln(40, 52), 10.0)
    (True, False)
    """
    pitch = line.box.top - above.box.top
    return pitch <= HEADER_PITCH_EM * em or line.box.top - above.box.bottom < above.box.height


#: A list item's number (``1.``, ``(2)``): a data cell starts so, a header cell never does.
_ITEM_START = re.compile(r"^\(?[0-9๐-๙]{1,2}[.)]")


def _named_together(segs: Sequence[Segment], names_column: NamesColumn) -> list[Segment]:
    """A header line's segments with two neighbours joined when neither names a column but both
    together do (``ระยะ`` ``เวลา``, set a gutter's width apart on a scan): one cell's words.

    >>> segs = [Segment(0, 40, "มาตรการ"), Segment(60, 80, "ระยะ"), Segment(87, 107, "เวลา")]
    >>> names = lambda t: t in ("มาตรการ", "ระยะ เวลา")
    >>> [s.text for s in _named_together(segs, names)]
    ['มาตรการ', 'ระยะ เวลา']
    """
    out: list[Segment] = []
    for seg in segs:
        if out and not names_column(out[-1].text) and not names_column(seg.text):
            joined = Segment(out[-1].x0, seg.x1, f"{out[-1].text} {seg.text}")
            if names_column(joined.text):
                out[-1] = joined
                continue
        out.append(seg)
    return out


def _header_at(
    lines: Sequence[Line],
    i: int,
    em: float,
    names_column: NamesColumn,
    chars: Sequence[Char],
    core: WordCore | None = None,
) -> tuple[list[Line], Gutters] | None:
    """The header starting at line ``i`` (its lines) and the white between its cells, or None.
    Its wrapped lines keep its gutters white by their words' ``core`` as the rows under it do: on a
    blurred scan a box reaches past its word's ink (``ต้องปรับปรุง`` 12 pt wider at 200 dpi than
    at 300), and the gutter it narrows would be closed by the first row's ``1.``."""
    segs = segments(lines[i], GUTTER_EM * em)
    if core is not None:  # a stamp's ring read as ``-`` or ``|`` between two header cells names no column
        segs = [s for s in segs if _LETTER.search(s.text)]
        if any(_ITEM_START.match(s.text) for s in segs):
            return None  # a row whose cells name columns (``มาตรการส่ง`` ``1. ตรวจสอบ`` ``ติดตามผล``)
    segs = _named_together(segs, names_column)
    if len(segs) < MIN_COLUMNS:
        return None
    gutters: Gutters = [[(a.x1, b.x0)] for a, b in pairwise(segs)]
    n_cols = len(segs)
    header = [lines[i]]
    named = sum(names_column(t) for t in _texts(header, _separators(gutters), n_cols))
    # on a scan a header's first line may name one column only: its other cells wrap (``หน่วย`` /
    # ``งานรับ`` / ``ผิดชอบ``, ``ระยะ`` / ``เวลา``) or OCR damaged their words (``ac ธการดาเนน``);
    # its wrapped lines must then name the others (below)
    if named < (1 if core is not None else MIN_NAMED):
        return None
    bold = _bold(lines[i], chars)
    for nxt in lines[i + 1 : i + MAX_HEADER_LINES]:
        if not _next_line(header[-1], nxt, em):
            break
        kept = _keep_white(gutters, nxt, MIN_WHITE_EM * em, core)
        if kept is None:
            break
        more = sum(names_column(t) for t in _texts([*header, nxt], _separators(kept), n_cols))
        if more > named or (more >= named and _header_tail(nxt, header, kept, bold, chars, em)):
            header.append(nxt)
            named, gutters = more, kept
        else:
            break
    if named < max(MIN_NAMED, MIN_NAMED_SHARE * n_cols):  # a data row naming มาตรการ and ตัวชี้วัดที่
        return None
    return header, gutters


#: Ink this share of a font size tall at most holds no letter: a speck of a scan, a rule's dot.
SPECK_EM = 0.3


def _no_letter_tall(line: Line, em: float) -> bool:
    """Whether every word of ``line`` reads as letters or digits inked less than :data:`SPECK_EM` of
    a font size tall (:func:`flat`): no letter nor digit is printed so flat (OCR read a speck of
    the scan, 0 pt tall, as ``8``), so the line is no text that ends a table or stands between a
    header and the page's foot.

    >>> def ln(h):
    ...     box = BBox(261, 781.9, 264, 781.9 + h)
    ...     return Line("8", "8", box, (Word("8", "8", box),))
    >>> _no_letter_tall(ln(0.0), 14.0), _no_letter_tall(ln(9.0), 14.0)
    (True, False)
    """
    return bool(line.words) and all(flat(w, em) for w in line.words)


def _no_text(line: Line, em: float, read: bool) -> bool:
    """Whether ``line`` is no text of the page's own below a table: a speck read as a letter
    (:func:`_no_letter_tall`) or, read by OCR (``read``), a line none of whose words reads as
    words or a number (:func:`reads_as_words`: a signature's scribble read ``Ws``), which leaves
    a table's first row at the foot of its page all the same.

    >>> box = BBox(180, 763.9, 282, 791.6)
    >>> scribble = Line("Ws", "Ws", box, (Word("Ws", "Ws", box),))
    >>> _no_text(scribble, 12.3, True), _no_text(scribble, 12.3, False)
    (True, False)
    >>> _no_text(Line("กองคลัง", "", box, (Word("กองคลัง", "", box),)), 12.3, True)
    False
    """
    if _no_letter_tall(line, em):
        return True
    return read and bool(line.words) and not any(reads_as_words(w.text) for w in line.words)


def flat(word: Word, em: float) -> bool:
    """Whether ``word`` reads as letters or digits but is inked less than :data:`SPECK_EM` of a
    font size tall: a speck read as a letter (see :func:`_no_letter_tall`), no text of any cell.
    A dash is flat by its shape: text however flat.

    >>> flat(Word("8", "8", BBox(0, 10, 3, 10)), 14.0), flat(Word("-", "-", BBox(0, 10, 6, 11)), 14.0)
    (True, False)
    """
    return word.box.height < SPECK_EM * em and bool(_LETTER.search(word.text))


def _body(
    lines: Sequence[Line],
    start: int,
    header: Sequence[Line],
    gutters: Gutters,
    em: float,
    core: WordCore | None = None,
) -> tuple[list[Line], Gutters, list[tuple[Word, ...]]]:
    """The lines from ``start`` on that keep every gutter white and stay close and within the table,
    and, line by line, the words left out of them as marks read as words (:func:`_stray`)."""
    left, right = _reach(header, _separators(gutters), em)
    pitch = max(header[0].box.height, em)
    body: list[Line] = []
    reach: list[tuple[Word, ...]] = []
    previous = header[-1]
    # a header's wrapped lines that OCR lost (a narrow column's letters, one a line: ``ลำดับ``)
    # leave white under it on a scan: its first row may start as far below as they would reach
    lost = (MAX_HEADER_LINES - len(header)) * pitch if core is not None else 0.0
    opened = gutters  # the header's gutters, which the body's words narrow
    narrowed: list[tuple[Word, ...]] = []  # each body line's words that narrowed them
    for k, line in enumerate(lines[start:]):
        if core is not None and _no_letter_tall(line, em):
            continue  # a speck of the scan read as a letter: no line of the table, nor its end
        # ... and so do they when the header's rest was read as its first lines (``ชอบ`` ``ติดตาม``
        # under ``ผู้รับผิด`` ``การกำกับ``, the ``ำ`` ``ดั`` ``บ`` of ``ลำดับ`` lost beside them)
        rest = all(_header_fragments(ln, _separators(gutters)) for ln in body)
        allowed = max(0.0, lost - len(body) * pitch) if rest else 0.0
        if line.box.top - previous.box.bottom > MAX_PITCHES * pitch + allowed:
            break
        if line.box.x0 < left and core is not None and not body:
            wider = _column_lost_left(gutters, header, line, em, core)
            if wider is not None:
                gutters, left, opened = wider, line.box.x0 - 2 * em, wider
        if line.box.x0 < left or line.box.x1 > right:
            break
        kept = _keep_white(gutters, line, MIN_WHITE_EM * em, core)
        left_out: tuple[Word, ...] = ()
        if kept is None and core is not None:
            # a stamp's ring or a signature read as a word: the rows go on under it
            kept_line = _stray(line, lines[start + k + 1 : start + k + 2], previous, gutters, em, core)
            if kept_line is not None and not kept_line.words:
                continue
            if kept_line is not None:
                left_out = tuple(w for w in line.words if all(w is not x for x in kept_line.words))
                line, kept = kept_line, _keep_white(gutters, kept_line, MIN_WHITE_EM * em, core)
        words = line.words
        if kept is None and core is not None:
            kept = _crossed_once(gutters, line, em, core)
            if kept is not None:
                words = tuple(w for w in words if not _crosses(gutters, w, em, core))
        if kept is None and core is not None:
            kept = _crossed_before(opened, narrowed, line, em, core)
        if kept is None:
            break
        body.append(line)
        reach.append(left_out)
        narrowed.append(words)
        gutters = kept
        previous = line
    return body, gutters, reach


#: A header's wrapped line holds short fragments (``ชอบ``, ``ติดตาม``), no longer than this.
FRAGMENT_CHARS = 15


def _header_fragments(line: Line, seps: Sequence[float]) -> bool:
    """Whether ``line`` may be a header's wrapped line: no digit, short fragments only, in half
    the columns or fewer (a row fills more, or numbers itself).

    >>> def ln(*cells):
    ...     ws = tuple(Word(t, t, BBox(x, 0, x + 30, 10)) for x, t in cells)
    ...     text = " ".join(t for _, t in cells)
    ...     return Line(text, text, BBox(0, 0, 200, 10), ws)
    >>> seps = [35, 75, 115, 155]
    >>> _header_fragments(ln((80, "ชอบ"), (160, "ติดตาม")), seps)
    True
    >>> _header_fragments(ln((0, "1."), (40, "ก")), seps)
    False
    >>> _header_fragments(ln((0, "ก"), (40, "ข"), (80, "ค")), seps)
    False
    """
    if _DIGIT.search(line.text) or any(len(w.text) > FRAGMENT_CHARS for w in line.words):
        return False
    return 2 * _filled_columns(line, seps) <= len(seps) + 1


def _crosses(gutters: Gutters, word: Word, em: float, core: WordCore) -> bool:
    """Whether ``word`` alone leaves some gutter no white :data:`MIN_WHITE_EM` wide."""
    return _keep_white(gutters, Line("", "", word.box, (word,)), MIN_WHITE_EM * em, core) is None


def _crossed_before(
    opened: Gutters, narrowed: Sequence[tuple[Word, ...]], line: Line, em: float, core: WordCore
) -> Gutters | None:
    """The gutters the header ``opened``, narrowed by the body's words (``narrowed``, line by line)
    but one, and by ``line``'s, when ``line`` crosses a gutter only because of that one word: a
    word above that OCR read across a narrow column's gutter, one of whose ends left a sliver of
    the gutter white (``11.`` for a row's number ``1`` and its measure's ``1.``, the white left
    right of it where the measure column's text starts).  That word must cross the gutters so
    narrowed, one gutter only, as :func:`_crossed_once` allows in a line; exactly one word may
    be such.  None otherwise: the line ends the table.

    >>> def ws(*spans):
    ...     return tuple(Word("ก", "ก", BBox(a, 0, b, 10)) for a, b in spans)
    >>> def ln(*spans):
    ...     return Line("", "", BBox(spans[0][0], 0, spans[-1][1], 10), ws(*spans))
    >>> core = lambda w: (w.box.x0, w.box.x1)
    >>> opened = [[(20, 60)], [(100, 120)]]
    >>> narrowed = [ws((0, 50), (65, 90), (130, 150)), ws((0, 15), (62, 95), (125, 150))]
    >>> _crossed_before(opened, narrowed, ln((0, 15), (54, 70)), 10.0, core)
    [[(20, 54)], [(100, 120)]]

    Without the crossing word above, the line would keep the gutters only if a second word went
    too: the line ends the table.

    >>> _crossed_before(opened, [*narrowed, ws((0, 52))], ln((0, 15), (54, 70)), 10.0, core) is None
    True
    """
    white = MIN_WHITE_EM * em
    words = [w for ws in narrowed for w in ws]
    found: Gutters | None = None
    for out in words:
        gutters: Gutters | None = opened
        for ws in [*narrowed, line.words]:
            rest = tuple(w for w in ws if w is not out)
            if gutters is not None and rest:
                gutters = _keep_white(gutters, Line("", "", rest[0].box, rest), white, core)
        if gutters is None:
            continue
        if sum(1 for g in gutters if _crosses([g], out, em, core)) != 1:
            continue
        if found is not None:
            return None  # two words would do: nothing says which crossed
        found = gutters
    return found


def _column_lost_left(
    gutters: Gutters, header: Sequence[Line], line: Line, em: float, core: WordCore
) -> Gutters | None:
    """``gutters`` with one more gutter first, when the table's first row ``line`` (read by OCR)
    starts a column left of the header, whose words there OCR lost (a bold header's first cells,
    ``ลำดับ`` ``ประเด็นที่ต้องพัฒนา``, read as nothing at 150 dpi): the line's words left of the
    header's text end a gutter's white before it, the rest of the line keeps the header's gutters
    white, and the line fills :data:`MIN_COLUMNS` columns with them, as a row does.  The new gutter
    is the white between the two; the lines below must keep it white as they keep the others.
    None when the line is no such row (prose reaching past the table, a caption).

    >>> def ln(top, *spans):
    ...     ws = tuple(Word("ก", "ก", BBox(a, top, b, top + 10)) for a, b in spans)
    ...     return Line("", "", BBox(spans[0][0], top, spans[-1][1], top + 10), ws)
    >>> head = [ln(0, (100, 140), (160, 200), (220, 260))]
    >>> core = lambda w: (w.box.x0, w.box.x1)
    >>> gutters = [[(140, 160)], [(200, 220)]]
    >>> _column_lost_left(gutters, head, ln(20, (20, 80), (100, 130), (160, 190), (220, 250)), 10.0, core)
    [[(80, 100)], [(140, 160)], [(200, 220)]]
    >>> _column_lost_left(gutters, head, ln(20, (20, 98), (100, 130), (160, 190)), 10.0, core) is None
    True
    >>> _column_lost_left(gutters, head, ln(20, (20, 80), (85, 130), (160, 190)), 10.0, core) is None
    True

    Two columns lost, a row's number and its issue, parted by a gutter's white:

    >>> _column_lost_left(gutters, head, ln(20, (20, 24), (40, 80), (100, 130), (160, 190)), 10.0, core)
    [[(24, 40)], [(80, 100)], [(140, 160)], [(200, 220)]]
    """
    first = min(w.box.x0 for h in header for w in h.words)
    white = MIN_WHITE_EM * em
    outside = [w for w in line.words if core(w)[1] <= first - white]
    rest = tuple(w for w in line.words if all(w is not o for o in outside))
    if not outside or not rest:
        return None
    lo, hi = max(core(w)[1] for w in outside), min(core(w)[0] for w in rest)
    # the rest's ink starts in the header's first column (its box may reach past its ink: a
    # scan's box of ``มาตรการยก`` 10 pt left of the centred ``มาตรการ/`` over it, its ink 2 pt)
    if hi - lo < GUTTER_EM * em or hi < first - GUTTER_EM * em:
        return None
    kept = _keep_white(gutters, replace(line, words=rest), white, core)
    # two columns lost (``ลำดับ`` and ``ประเด็นปัญหา``): the words left of the header are
    # parted by a gutter's white too
    spans = sorted(core(w) for w in outside)
    lost: Gutters = [[(a[1], b[0])] for a, b in pairwise(spans) if b[0] - a[1] >= GUTTER_EM * em]
    columns = len(lost) + 1
    if kept is None or _filled_columns(replace(line, words=rest), _separators(kept)) + columns < MIN_COLUMNS:
        return None
    return [*lost, [(lo, hi)], *gutters]


def _crossed_once(gutters: Gutters, line: Line, em: float, core: WordCore) -> Gutters | None:
    """The gutters left white by every word of ``line`` but one, when that one word alone crosses
    a gutter, one gutter only, and the line's other words keep every gutter white and fill
    :data:`MIN_COLUMNS` columns: a row of the table one of whose words OCR read together with a
    neighbour across the gutter (``๑๑`` for a row's number ``๑`` and its measure's ``๑.``) or
    boxed off its ink (``ยี`` of ``เทคโนโลยี``, its box a font size left of its letters).  The word
    stays in the column its middle stands in.  The line must be cut by gutter-wide gaps into
    :data:`MIN_COLUMNS` parts, as a row is: prose's words stand a space apart (on a scan their
    cores leave white between any two, so prose may cross one gutter only); a title fills no three
    columns.  None otherwise.

    >>> def ln(*spans):
    ...     ws = tuple(Word("ก", "ก", BBox(a, 0, b, 10)) for a, b in spans)
    ...     return Line("", "", BBox(spans[0][0], 0, spans[-1][1], 10), ws)
    >>> gutters = [[(40, 60)], [(100, 120)], [(160, 180)]]
    >>> core = lambda w: (w.box.x0, w.box.x1)
    >>> _crossed_once(gutters, ln((0, 30), (35, 65), (130, 150), (190, 200)), 10.0, core)
    [[(40, 60)], [(100, 120)], [(160, 180)]]
    >>> _crossed_once(gutters, ln((0, 30), (35, 65), (90, 150), (190, 200)), 10.0, core) is None
    True
    >>> _crossed_once(gutters, ln((0, 30), (35, 110), (130, 150)), 10.0, core) is None
    True
    >>> _crossed_once(gutters, ln((0, 30), (35, 65), (70, 100), (105, 150), (155, 200)), 10.0, core) is None
    True
    """
    white = MIN_WHITE_EM * em
    if len(segments(line, GUTTER_EM * em)) < MIN_COLUMNS:
        return None  # words set as prose's, a space apart (their cores leave white between any two)
    crossing = [w for w in line.words if _keep_white(gutters, Line("", "", w.box, (w,)), white, core) is None]
    if len(crossing) != 1:
        return None
    alone = Line("", "", crossing[0].box, (crossing[0],))
    if sum(1 for g in gutters if _keep_white([g], alone, white, core) is None) != 1:
        return None
    rest = tuple(w for w in line.words if w is not crossing[0])
    kept = _keep_white(gutters, replace(line, words=rest), white, core)
    if kept is None:
        return None
    seps = _separators(kept)
    if len({_column_of(seps, (w.box.x0 + w.box.x1) / 2) for w in rest}) < MIN_COLUMNS:
        return None
    return kept


def reads_as_words(text: str) -> bool:
    """Whether ``text`` is Thai made of dictionary words, two letters or more each, a number of two
    digits or more, or an item's number (``๒.``, ``(3)``; OCR may read ``๒.`` as ``๒๒.``): text,
    where a mark read as a word (a stamp's ring, a signature) is letters that make no words, or
    Latin letters, or strokes.  (Tesseract is as sure of ``tay`` or
    ``-๊๊รณะค็สรงประกาศ``, 0.87–0.95, as of a word: its confidence does not tell them apart.)

    >>> reads_as_words("คุณภาพการดำเนินงาน"), reads_as_words("-๊๊รณะค็สรงประกาศ"), reads_as_words("tay")
    (True, False, False)
    >>> reads_as_words("85.36"), reads_as_words("/"), reads_as_words("๒๒."), reads_as_words("(3)")
    (True, False, True, True)

    Words with a number OCR glued to their end (``ตัวชี้วัดที่9``, its space lost) are words:

    >>> reads_as_words("ตัวชี้วัดที่9"), reads_as_words("ตัวชี้วัดที่๑๐"), reads_as_words("กจ9")
    (True, True, False)
    """
    from extractors.thai.words import all_words

    text = text.strip()
    glued = _GLUED_NUMBER.match(text)
    return bool(_NUMBER.fullmatch(text)) or all_words(glued.group(1) if glued else text)


#: Thai letters, four or more, with a number of one or two digits glued to their end.
_GLUED_NUMBER = re.compile(r"^([\u0E01-\u0E4E]{4,})[0-9๐-๙]{1,2}$")
#: A number of two digits or more (a score, a year), or an item's number (``๒.``, ``(3)``): text,
#: which no stamp's stroke reads as.
_NUMBER = re.compile(r"[0-9๐-๙]{2,}(?:[.,][0-9๐-๙]+)?\.?|\(?[0-9๐-๙]{1,3}[.)]")


def _stray(
    line: Line, after: Sequence[Line], previous: Line, gutters: Gutters, em: float, core: WordCore
) -> Line | None:
    """``line`` without the words that cross a gutter of the table whose last line so far is
    ``previous``, when they are marks read as words: marks of no letter (``=``, ``.``: no text
    wherever they stand), and one word at most (a stamp's ring read as ``tay``, a signature as
    ``-รณะค็สรงประกาศ``) when it stands between rows of the table: the line ``after`` it stands
    close below ``previous`` and keeps every gutter white.  None when the line's other words
    cross a gutter too.  OCR reads such marks only on scans (``core`` given); a line of text that
    ends a table (prose, a caption) crosses with many words, or has no table line under it.

    >>> def ln(top, *spans):
    ...     ws = tuple(Word("ก", "ก", BBox(a, top, b, top + 10), 0.5) for a, b in spans)
    ...     return Line("", "", BBox(spans[0][0], top, spans[-1][1], top + 10), ws)
    >>> gutters = [[(40, 60)], [(100, 120)]]
    >>> core = lambda w: (w.box.x0, w.box.x1)
    >>> row = ln(0, (0, 30), (70, 90), (130, 150))
    >>> under = [ln(28, (0, 30), (70, 90))]
    >>> [w.box.x0 for w in _stray(ln(14, (20, 80), (130, 150)), under, row, gutters, 10.0, core).words]
    [130]
    >>> _stray(ln(14, (20, 80)), [ln(28, (0, 90))], row, gutters, 10.0, core) is None
    True
    >>> _stray(ln(14, (20, 80), (90, 140)), under, row, gutters, 10.0, core) is None
    True
    """
    white = MIN_WHITE_EM * em
    crossing = [w for w in line.words if _keep_white(gutters, Line("", "", w.box, (w,)), white, core) is None]
    worded = sum(1 for w in crossing if _LETTER.search(w.text))
    if not crossing or worded > 1:
        return None  # marks of no letter (``=``, ``.``) besides the one word are marks too
    rest = tuple(w for w in line.words if all(w is not c for c in crossing))
    if worded:  # a word: only one OCR is unsure of, between rows of the table
        word = next(w for w in crossing if _LETTER.search(w.text))
        if not after or reads_as_words(word.text):
            return None  # Thai dictionary words are text (a prose line's long name), not a mark
        nxt = after[0]
        if nxt.box.top - previous.box.bottom > MAX_PITCHES * max(previous.box.height, em) + line.box.height:
            return None
        if _keep_white(gutters, nxt, white, core) is None:
            return None
    if not rest:
        return replace(line, words=())
    box = BBox(min(w.box.x0 for w in rest), line.box.top, max(w.box.x1 for w in rest), line.box.bottom)
    return replace(line, text=" ".join(w.text for w in rest), box=box, words=rest)


def _reach(header: Sequence[Line], seps: Sequence[float], em: float) -> tuple[float, float]:
    """How far left and right the table's lines may reach: two font sizes past the header's text,
    or, when the first or last header cell is centred in its column, as far from its centre as
    the column's gutter reaches on the other side, to its neighbour's header text (``มาตรการ``
    centred over ``1. มาตรการกำกับดูแล``; a landscape table's wide first column).

    >>> from schemas import Word
    >>> ws = tuple(Word("ก", "ก", BBox(x, 0, x + 40, 10)) for x in (120, 240, 380))
    >>> _reach([Line("", "", BBox(120, 0, 420, 10), ws)], [200, 340], 10.0)
    (30.0, 530.0)
    """
    words = sorted((w for line in header for w in line.words), key=lambda w: w.box.x0)
    first = [w for w in words if (w.box.x0 + w.box.x1) / 2 < seps[0]] if seps else []
    last = [w for w in words if (w.box.x0 + w.box.x1) / 2 > seps[-1]] if seps else []
    left = min(line.box.x0 for line in header) - 2 * em
    right = max(line.box.x1 for line in header) + 2 * em
    # a centred cell's column may end anywhere in the white up to its neighbour's header text
    if first:
        centre = (min(w.box.x0 for w in first) + max(w.box.x1 for w in first)) / 2
        edge = min((w.box.x0 for w in words if (w.box.x0 + w.box.x1) / 2 > seps[0]), default=seps[0])
        left = min(left, 2 * centre - max(seps[0], edge) - em)
    if last:
        centre = (min(w.box.x0 for w in last) + max(w.box.x1 for w in last)) / 2
        edge = max((w.box.x1 for w in words if (w.box.x0 + w.box.x1) / 2 < seps[-1]), default=seps[-1])
        right = max(right, 2 * centre - min(seps[-1], edge) + em)
    return left, right


def _left_edges(
    header: Sequence[Line], body: Sequence[Line], seps: Sequence[float], em: float
) -> list[float]:
    """Column edges: each column starts just before its leftmost word (never over the column to its
    left); the table ends after its rightmost word."""
    n_cols = len(seps) + 1
    starts: list[list[float]] = [[] for _ in range(n_cols)]
    ends: list[list[float]] = [[] for _ in range(n_cols)]
    for line in [*header, *body]:
        for w in line.words:
            i = _column_of(seps, (w.box.x0 + w.box.x1) / 2)
            starts[i].append(w.box.x0)
            ends[i].append(w.box.x1)
    pad = EDGE_PAD_EM * em
    xs = [min(starts[0]) - pad]
    for i in range(1, n_cols):
        left_end = max(ends[i - 1], default=seps[i - 1])
        start = min(starts[i], default=seps[i - 1]) - pad
        xs.append(max(start, left_end + 0.1))
    xs.append(max(max(e, default=0.0) for e in ends) + pad)
    return [round(x, 2) for x in xs]


#: An OCR word taller than this many font sizes holds ink other than its letters: a signature
#: or a stamp's ring read with it (Thai ink, marks above and below included, is 1.35 tall).
TALL_EM = 1.6


def _baselines(lines: Sequence[Line], chars: Sequence[Char], em: float | None = None) -> list[float]:
    """Each line's baseline (the median of its characters', else its box's foot): line boxes follow
    the ink, so a line without tall marks has a lower top and would look further from the line
    above.  ``em`` (lines
    read by OCR): the characters of words taller than :data:`TALL_EM` font sizes are left out
    when the line has others: a signature read with a word (``ด้านช่องทงญรติตต่อ--“ญ`` 26 pt
    tall) sets its characters on the signature's foot, and the line looked a row's gap below the
    line above.

    >>> def word(text, top, bottom):
    ...     return Word(text, text, BBox(0 if text == "ก" else 20, top, 10 if text == "ก" else 40, bottom))
    >>> def char(x, base):
    ...     return Char("ก", "ก", BBox(x, base - 10, x + 5, base), base, x, "", 10.0)
    >>> line = Line("", "", BBox(0, 100, 40, 126), (word("ก", 100, 116), word("ข", 100, 126)))
    >>> chars = [char(0, 115), *(char(20 + k, 125) for k in range(3))]
    >>> _baselines([line], chars), _baselines([line], chars, 12.0)
    ([125.0], [115])

    A scanned page has no characters: its words' feet stand for them.

    >>> _baselines([line], []), _baselines([line], [], 12.0)
    ([126], [116])
    """
    index = CharIndex([c for c in chars if c.text.strip()])
    out: list[float] = []
    for line in lines:
        inside = index.within(line.box)
        bottom = line.box.bottom
        if em is not None:
            usual = [w.box for w in line.words if w.box.height <= TALL_EM * em]
            if usual and len(usual) < len(line.words):
                inside = [c for c in inside if any(_holds(b, c.box) for b in usual)] or inside
                bottom = statistics.median(b.bottom for b in usual)
        out.append(statistics.median(c.baseline for c in inside) if inside else bottom)
    return out


def _holds(word: BBox, char: BBox) -> bool:
    return word.contains_point((char.x0 + char.x1) / 2, (char.top + char.bottom) / 2, 0.5)


#: A list's first item (``1.``, ``(1)``, ``๑)``): numbering starts again only in a new cell.  Its dot
#: may be read as a comma before a word (``1, ตรวจ``, or ``1,`` a word of its own), its ``1`` as a
#: look-alike stroke (``[.``, ``l.``, ``I.``, ``|.``) before one.
_FIRST_ITEM = re.compile(
    rf"^(?:\(\s*[1๑]\s*\)|[1๑][.)]|[1๑](?:{COMMA_AS_DOT}|,$)|[\[lI|]\.(?=\s*[ก-ฮเ-ไ]|$))(?![0-9๐-๙])"
)


def _restarts(line: Line, seps: Sequence[float], seen: set[int], second: Set[int] = frozenset()) -> bool:
    """Whether ``line`` starts a list anew (``1.``) in a column the current row already has text
    in: a cell holds one list, so its first item opens the next row's cell (``1. ปรับปรุง…`` under
    ``จ่ายงบประมาณประจำปี``, when the rows' spacing does not tell them apart).

    An item has text after its number: ``1)`` alone in its column is the end of a wrapped
    ``(ตัวชี้วัดที่ 1)``, no list.

    ``second``: the columns (of a table read by OCR) whose list in the current row has its first
    item only, so that its next item is ``(๒)``, which a scan's OCR reads ``(๑)`` (the one loop
    with another tail, :data:`extractors.ita.period_repairs.DIGIT_LOOKALIKES`).  There a Thai
    ``(๑)`` on a line with text in that column alone is that next item: a new row's cells start
    together, and nothing else on the line begins a row.

    >>> words = (Word("1.", "1.", BBox(0, 0, 8, 10)), Word("ก", "ก", BBox(10, 0, 20, 10)),
    ...          Word("ข", "ข", BBox(50, 0, 60, 10)))
    >>> ln = Line("", "", BBox(0, 0, 60, 10), words)
    >>> _restarts(ln, [40], {0}), _restarts(ln, [40], {1})
    (True, False)
    >>> alone = Line("", "", BBox(0, 0, 60, 10), (words[0], words[2]))
    >>> _restarts(alone, [40], {0})
    False
    >>> comma = Line("", "", BBox(0, 0, 60, 10), (Word("1,", "1,", BBox(0, 0, 8, 10)), *words[1:]))
    >>> _restarts(comma, [40], {0})  # the item's dot read as a comma
    True
    >>> stroke = Line("", "", BBox(0, 0, 60, 10), (Word("[.", "[.", BBox(0, 0, 8, 10)), *words[1:]))
    >>> _restarts(stroke, [40], {0})  # its 1 read as a bracket
    True
    >>> thai = Line("", "", BBox(0, 0, 20, 10), (Word("(๑)", "(๑)", BBox(0, 0, 8, 10)), words[1]))
    >>> _restarts(thai, [40], {0}, {0}), _restarts(thai, [40], {0}), _restarts(ln, [40], {0}, {0})
    (False, True, True)
    """
    by_col: dict[int, list[Word]] = {}
    for w in line.words:
        by_col.setdefault(_column_of(seps, (w.box.x0 + w.box.x1) / 2), []).append(w)
    for col, words in by_col.items():
        words = sorted(words, key=lambda w: w.box.x0)
        item = _FIRST_ITEM.match(words[0].text)
        if col in seen and item and (len(words) > 1 or words[0].text[item.end() :].strip()):
            if col in second and len(by_col) == 1 and "๑" in item.group():
                continue  # the list's ``(๒)`` read ``(๑)``
            return True
    return False


def _items(line: Line, seps: Sequence[float]) -> set[int]:
    """The columns in which ``line`` starts an item of a list (``(๒)``, ``3.``).

    >>> ws = (Word("(๒)", "(๒)", BBox(0, 0, 8, 10)), Word("ก", "ก", BBox(10, 0, 20, 10)),
    ...       Word("ข", "ข", BBox(50, 0, 60, 10)))
    >>> _items(Line("", "", BBox(0, 0, 60, 10), ws), [40])
    {0}
    """
    by_col: dict[int, list[Word]] = {}
    for w in line.words:
        by_col.setdefault(_column_of(seps, (w.box.x0 + w.box.x1) / 2), []).append(w)
    return {c for c, ws in by_col.items() if _ANY_ITEM.match(min(ws, key=lambda w: w.box.x0).text)}


def row_starts(
    body: Sequence[Line],
    seps: Sequence[float],
    baselines: Sequence[float] | None = None,
    reach: Sequence[Sequence[Word]] | None = None,
    read: bool = False,
) -> list[int]:
    """Indexes of the body lines that start a row (the first always does).  ``reach`` (lines read
    by OCR): per line, words left out of it as marks (a signature read as one word across three
    columns): ink that keeps the columns it covers going, as a mark does; and a column that starts
    again with a word of no dictionary words nor a number (a stamp's ring read ``แค``, ``0``,
    :func:`reads_as_words`) starts no row by itself.

    >>> from schemas import Word
    >>> def ln(top, *xs):
    ...     ws = tuple(Word("ก", "ก", BBox(x, top, x + 10, top + 10)) for x in xs)
    ...     return Line("", "", BBox(min(xs), top, max(xs) + 10, top + 10), ws)
    >>> body = [ln(0, 0, 50, 100), ln(12, 50), ln(24, 0, 50, 100), ln(36, 50), ln(60, 50)]
    >>> row_starts(body, [40, 90])  # columns 0 and 2 start again; then the spacing opens up
    [0, 2, 4]


    A mark of no letter, digit or dash (a stamp's ring read as ``}``) is no text of its column: it
    starts no row there; it is ink, though, and keeps its column going (a range's dash on a line
    of its own read ``:``, the range's end under it).

    >>> def marked(*lines):
    ...     return [replace(x, words=tuple(replace(w, text="}") if w.box.x0 == 100 else w for w in x.words))
    ...             for x in lines]
    >>> row_starts([body[0], body[1], *marked(ln(24, 50, 100)), ln(36, 50)], [40, 90])
    [0]
    >>> row_starts([ln(0, 0, 50, 100), *marked(ln(12, 50, 100)), ln(24, 50, 100)], [40, 90])
    [0]

    Read by OCR, a line's parts that OCR read as two lines, their baselines close
    (:data:`SAME_LINE_PITCH`), are one line: its second part starts no row.

    >>> split = [ln(0, 0, 50), ln(20, 0, 50), ln(40, 0), ln(44, 50, 100), ln(60, 0, 50, 100)]
    >>> row_starts(split, [40, 90]), row_starts(split, [40, 90], read=True)
    ([0, 3], [0])
    """
    if not body:
        return []
    ys = list(baselines) if baselines is not None else [line.box.top for line in body]
    marks_above = _marks_above(body, seps) if read else set()
    if marks_above:
        # judged with the line whose marks they are: a row starts at them when it starts there
        kept = [k for k in range(len(body)) if k not in marks_above]
        inner = row_starts(
            [body[k] for k in kept],
            seps,
            [ys[k] for k in kept],
            [reach[k] for k in kept] if reach is not None else None,
            read,
        )
        return [kept[j] - 1 if j and kept[j] - 1 in marks_above else kept[j] for j in inner] if kept else [0]
    pitches = [b - a for a, b in pairwise(ys)]
    usual = statistics.median(pitches) if pitches else 0.0
    starts = [0]
    n_cols = len(seps) + 1
    seen: set[int] = set()  # columns with text in the current row
    paused: set[int] = set()  # ... that a line since has left empty
    before: set[int] = set()  # the columns the line before had ink in
    items: dict[int, int] = {}  # per column, the items its list has in the current row
    idle: dict[int, int] = {}  # per column of the row, the lines since the last that had ink in it
    for k, line in enumerate(body):
        # a word reaching over a gutter (OCR boxed it off its ink: ``ยี`` a font size left of its
        # letters) keeps both its columns going; its middle alone says where it starts one
        inked = [*line.words, *(reach[k] if reach is not None and k < len(reach) else ())]
        present = {c for w in inked for c in _columns_under(seps, w)}
        cols = {_column_of(seps, (w.box.x0 + w.box.x1) / 2) for w in line.words if not _mark(w.text)}
        if k > 0 and (read or reach is not None) and _one_line(body[k - 1], line, pitches[k - 1], usual):
            # the rest of the line above, which OCR read as a line of its own (a stamp's ring
            # between its parts): its columns go on as the line above's do
            paused -= present
            idle = {c: n for c, n in idle.items() if c not in present}
            for col in _items(line, seps):
                items[col] = items.get(col, 0) + 1
            seen |= cols
            before |= present
            continue
        if k > 0:
            opened = usual > 0 and pitches[k - 1] > ROW_PITCH * usual
            starting = len(cols - seen) >= 2  # cells start together only at a row's top
            restarted = cols & paused if reach is None else _worded(line, seps, cols & paused)
            listed = {c for c, n in items.items() if n}
            if (
                (read or reach is not None)
                and restarted
                and _line_lost(line, seps, restarted, before, pitches[k - 1], usual, idle, listed)
            ):
                paused -= restarted  # the column went on through the line OCR lost
                restarted = set()
            second = {c for c, n in items.items() if n == 1} if read or reach is not None else set()
            if opened or starting or restarted or _restarts(line, seps, seen, second):
                starts.append(k)
                seen, paused, items, idle = set(), set(), {}, {}
        for col in _items(line, seps):
            items[col] = items.get(col, 0) + 1
        paused |= seen - present  # a mark keeps its column going: a dash read ``:``
        idle = {c: idle.get(c, 0) + 1 for c in seen - present}
        seen |= cols
        paused &= set(range(n_cols))
        before = present
    return starts


def _marks_above(body: Sequence[Line], seps: Sequence[float]) -> set[int]:
    """The lines OCR read out of the marks above the next line's letters (``ชับซ์`` over the
    ``ชูวัดที9)`` of ``ตัวชี้วัดที่ 9)``): in one column, over a word of the next line in it, their
    boxes overlapping a quarter of the lower's height at least.  Such a line is no line of the
    table's own, and the columns it leaves empty do not pause there.

    >>> def ln(top, bottom, *xs):
    ...     ws = tuple(Word("ก", "ก", BBox(x, top, x + 30, bottom)) for x in xs)
    ...     return Line("", "", BBox(min(xs), top, max(xs) + 30, bottom), ws)
    >>> _marks_above([ln(186, 206, 0, 50), ln(201, 220, 0), ln(213, 228, 0, 50)], [40])
    {1}
    >>> _marks_above([ln(186, 206, 0, 50), ln(208, 226, 0), ln(230, 248, 0, 50)], [40])
    set()
    """
    found: set[int] = set()
    for k, (line, below) in enumerate(pairwise(body)):
        if _filled_columns(line, seps) != 1 or not line.box.top < below.box.top:
            continue
        shared = line.box.bottom - below.box.top
        if shared < 0.25 * below.box.height:
            continue
        col = _column_of(seps, (line.words[0].box.x0 + line.words[0].box.x1) / 2)
        if any(
            _column_of(seps, (w.box.x0 + w.box.x1) / 2) == col
            and min(w.box.x1, line.box.x1) - max(w.box.x0, line.box.x0) >= 0.5 * line.box.width
            for w in below.words
        ):
            found.add(k)
    return found


def _one_line(above: Line, line: Line, pitch: float, usual: float) -> bool:
    """Whether ``line`` is the rest of the line ``above``, read apart by OCR: their baselines are
    less than :data:`SAME_LINE_PITCH` of the usual pitch apart and their boxes share half the
    height of the lower one at least (a short line misread above the next, ``ชับ a`` for the
    ``ตัวชี้วัดที่ 2`` that opens a row, shares little of it).

    >>> def ln(top, bottom):
    ...     return Line("", "", BBox(0, top, 10, bottom), ())
    >>> _one_line(ln(673, 690), ln(677, 692), 4.9, 21.6), _one_line(ln(328, 346), ln(345, 355), 7.9, 21.6)
    (True, False)
    """
    if usual <= 0 or pitch >= SAME_LINE_PITCH * usual:
        return False
    shared = min(above.box.bottom, line.box.bottom) - max(above.box.top, line.box.top)
    return shared >= 0.5 * min(above.box.height, line.box.height)


#: An item's number (``2.``, ``(1)``, ``๓)``) at the start of a cell's line.
_ANY_ITEM = re.compile(r"^\(?[0-9๐-๙]{1,2}[.)]")


def _line_lost(
    line: Line,
    seps: Sequence[float],
    restarted: set[int],
    before: set[int],
    pitch: float,
    usual: float,
    idle: Mapping[int, int] | None = None,
    listed: Set[int] = frozenset(),
) -> bool:
    """Whether the one column ``restarted`` on the OCR-read ``line`` after the line before left it
    empty is only a line OCR lost in that column (a lone ``-`` between ``มกราคม`` and ``มิถุนายน``,
    a short ``(ตัวชี้วัดที่ 6)``), not a new row: every other column with text on ``line`` had
    ink in the line before too, two of them at least (the row's cells run on through both lines,
    none begins here; one going on may be a long cell beside the next row's first line), no
    cell's text on the line starts an item's number, and the line follows the line before at the
    table's usual pitch.  A new row's cells all begin on its first line, together.

    Two columns or more may restart so when each left only the line before empty (``idle``: per
    column, the lines since its last) and more columns go on than restart: OCR lost a lone ``-``
    of ``- รายงาน…`` and the ``ม`` of ``มีนาค`` / ``ม`` on one line, while five cells ran on.  Then a
    list's next item (``(2)``) in a column whose list has an item in the row already (``listed``)
    goes on too; beside one column starting again it opens a sub-row, as its own period does.

    >>> def ln(*cells):
    ...     ws = tuple(Word(t, t, BBox(x, 0, x + 30, 10)) for x, t in cells)
    ...     return Line("", "", BBox(0, 0, 200, 10), ws)
    >>> line = ln((0, "สุจริต"), (80, "มิถุนายน"), (120, "งานต่อ"))
    >>> _line_lost(line, [40, 75, 115], {2}, {0, 3}, 20.0, 21.0)
    True
    >>> _line_lost(line, [40, 75, 115], {2}, {3}, 20.0, 21.0)  # column 0 begins here too: a row
    False
    >>> _line_lost(ln((0, "2. วาง"), (80, "มิถุนายน"), (120, "งานต่อ")), [40, 75, 115], {2}, {0, 3}, 20.0, 21.0)
    False
    >>> two = ln((0, "ยังมี"), (50, "(2)อบรม"), (80, "รายงาน"), (120, "2564"), (160, "เว็บไซต์"))
    >>> seps = [40, 75, 115, 150]
    >>> _line_lost(two, seps, {2, 3}, {0, 1, 4}, 24.0, 23.0, {2: 1, 3: 1}, {1})
    True
    >>> _line_lost(two, seps, {2, 3}, {0, 1, 4}, 24.0, 23.0, {2: 2, 3: 1}, {1})  # two lines empty
    False
    >>> _line_lost(two, seps, {2, 3}, {0, 1, 4}, 24.0, 23.0, {2: 1, 3: 1})  # ``(2)`` opens no list
    False
    """
    if not restarted or (usual > 0 and pitch > ROW_PITCH * usual):
        return False
    by_col: dict[int, list[Word]] = {}
    for w in line.words:
        by_col.setdefault(_column_of(seps, (w.box.x0 + w.box.x1) / 2), []).append(w)
    others = set(by_col) - restarted
    if len(others) < 2 or not others <= before:
        return False  # one cell going on beside it may be a long cell of the row above
    if len(restarted) > 1 and (
        len(others) <= len(restarted) or idle is None or any(idle.get(c, 0) != 1 for c in restarted)
    ):
        return False
    for col, ws in by_col.items():
        first = min(ws, key=lambda w: w.box.x0).text
        # beside one column starting again, a list's next item opens a sub-row (its own period)
        going_on = len(restarted) > 1 and col in listed and not _FIRST_ITEM.match(first)
        if _ANY_ITEM.match(first) and not going_on:
            return False
    return True


def _worded(line: Line, seps: Sequence[float], columns: set[int]) -> set[int]:
    """Those of ``columns`` in which ``line`` has a word that reads as words or a number."""
    return {
        c
        for w in line.words
        if (c := _column_of(seps, (w.box.x0 + w.box.x1) / 2)) in columns and reads_as_words(w.text)
    }


def _columns_under(seps: Sequence[float], word: Word) -> range:
    """The columns ``word``'s box reaches into, from its left end's to its right end's."""
    return range(_column_of(seps, word.box.x0), _column_of(seps, word.box.x1) + 1)


_MARK = re.compile(r"[ก-ฮA-Za-z0-9๐-๙\-‐‑‒–—]")


def _mark(text: str) -> bool:
    """Whether a word is a mark alone: no letter, digit or dash (``}``, ``“``, ``|``).

    >>> [_mark(t) for t in ("}", "“", "-", "ก", "๖", "(")]
    [True, True, False, False, False, True]
    """
    return not _MARK.search(text)


#: The ink of a Thai word read by OCR, marks above and below included, is this many font sizes
#: tall (11-pt Loma in a 200 dpi scan: words 15.1 pt tall).
THAI_INK_EM = 1.35


def ink_em(*lines: Line) -> float:
    """The type size of OCR ``lines`` by their words' ink: its median height over
    :data:`THAI_INK_EM` (0.0 with no word).

    >>> from schemas import Word
    >>> words = tuple(Word("ก", "ก", BBox(0, 0, 5, h)) for h in (13.5, 12, 15))
    >>> round(ink_em(Line("", "", BBox(0, 0, 5, 15), words)), 1)
    10.0
    """
    heights = [w.box.height for line in lines for w in line.words if w.box.height > 0]
    return statistics.median(heights) / THAI_INK_EM if heights else 0.0


def _inside_block(
    above: Line, first: Line, gutters: Gutters, em: float, core: WordCore | None = None
) -> bool:
    """Whether the line ``above`` a would-be header is a row of the same aligned block: close
    above it, keeping its gutters white, cut by gutters of its own into three parts or more, in
    two of the header's columns or more.  A header starts its table: the
    line over it is prose, a caption in one column, or further away (``การดำเนิน`` and
    ``กิจกรรม`` of wrapped cells name columns too).

    >>> from schemas import Word
    >>> def ln(top, *xs):
    ...     ws = tuple(Word("ก", "ก", BBox(x, top, x + 30, top + 10)) for x in xs)
    ...     return Line("", "", BBox(min(xs), top, max(xs) + 30, top + 10), ws)
    >>> gutters = [[(40, 60)], [(100, 120)]]
    >>> _inside_block(ln(0, 0, 65, 125), ln(12, 0, 65, 125), gutters, 10.0)
    True
    >>> _inside_block(ln(0, 0, 32), ln(12, 0, 65, 125), gutters, 10.0)
    False
    >>> _inside_block(ln(0, 0, 35, 70, 105), ln(12, 0, 65, 125), gutters, 10.0)
    False
    >>> _inside_block(ln(0, 0), ln(12, 0, 65, 125), gutters, 10.0)
    False

    A title whose words a scan set a gutter's width apart (``ปีงบประมาณ`` ``พ.ศ.`` ``๒๕๖๖``), two of
    them inside one column, is cut at one of the header's gutters only:

    >>> _inside_block(ln(0, 0, 65, 98), ln(12, 0, 65, 125), gutters, 10.0)
    False

    On a scan (``core`` given), a row one of whose words fills its narrow cell past a gutter
    (``ภาพถ่าย`` 3 pt from the next column) is a row of the block still, as in :func:`_body`:

    >>> spans = ((0, 30), (62, 80), (85, 117), (125, 155))  # the third leaves the gutter 3 pt
    >>> words = tuple(Word("ก", "ก", BBox(a, 0, b, 10)) for a, b in spans)
    >>> row, first = Line("", "", BBox(0, 0, 155, 10), words), ln(12, 0, 65, 125)
    >>> core = lambda w: (w.box.x0, w.box.x1)
    >>> _inside_block(row, first, gutters, 10.0), _inside_block(row, first, gutters, 10.0, core)
    (False, True)
    """
    if first.box.top - above.box.bottom > MAX_PITCHES * max(first.box.height, em):
        return False
    # on a scan, by the words' cores, as the rows under a header keep them (a word filling its
    # narrow cell to the column's edge, ``ภาพถ่าย`` 3 pt from the next, does by its ink), and one
    # word may cross as in :func:`_body`
    if _keep_white(gutters, above, MIN_WHITE_EM * em, core) is None and (
        core is None or _crossed_once(gutters, above, em, core) is None
    ):
        return False
    # a row is cut by the header's gutters into three parts or more; a title's words run on
    # (พ.ศ. ๒๕๖๘), or, on a scan, leave white between them inside a column as well as across one
    return (
        _parts_at_gutters(above, gutters, em) >= MIN_COLUMNS
        and _filled_columns(above, _separators(gutters)) >= 2
    )


def _parts_at_gutters(line: Line, gutters: Gutters, em: float) -> int:
    """How many parts ``line`` is cut into by white of a gutter's width (:func:`segments`) that
    lies in one of ``gutters``: white inside a column parts no cells.

    >>> from schemas import Word
    >>> def ln(*xs):
    ...     return Line("", "", BBox(0, 0, 1, 1), tuple(Word("ก", "ก", BBox(x, 0, x + 30, 10)) for x in xs))
    >>> _parts_at_gutters(ln(0, 65, 125), [[(40, 60)], [(100, 120)]], 10.0)
    3
    >>> _parts_at_gutters(ln(0, 65, 98), [[(40, 60)], [(100, 120)]], 10.0)
    2

    Each gutter parts once: a page number ``- 2 -`` centred over one gutter, its three marks set
    apart, is cut in two, not three (its words lie in the gutter's white, so it kept it):

    >>> _parts_at_gutters(ln(0, 38, 76), [[(30, 110)]], 5.0)
    2
    """
    segs = segments(line, GUTTER_EM * em)
    crossed = {  # the first gutter each cut lies in (a wide cut over an empty column is one cut)
        next((k for k, spans in enumerate(gutters) if any(a.x1 < hi and b.x0 > lo for lo, hi in spans)), None)
        for a, b in pairwise(segs)
    }
    return 1 + len(crossed - {None})


def find_borderless(
    page_text: PageText,
    lines: Sequence[Line],
    names_column: NamesColumn,
    em: float,
    core: WordCore | None = None,
) -> list[Table]:
    """Borderless tables among ``lines`` (the page's lines outside other tables), top to bottom;
    ``core`` says where the words under a header surely have ink (their boxes when None)."""
    found: list[_Found] = []
    i = 0
    while i < len(lines):
        head = _header_at(lines, i, em, names_column, page_text.chars, core)
        if head is None:
            i += 1
            continue
        header, gutters = head
        # on a scan, the line above and the header are judged at their own type size: a page's
        # size, a median over all its words, is small beside a chart in small print, and a title's
        # word spaces over the header would read as its gutters
        here = max(em, ink_em(lines[i - 1], header[0])) if core is not None and i > 0 else em
        if i > 0 and _inside_block(lines[i - 1], header[0], gutters, here, core):
            i += 1  # a data row of the aligned block above whose words name columns
            continue
        body, gutters, reach = _body(lines, i + len(header), header, gutters, em, core)
        seps = _separators(gutters)
        end = i + len(header) + len(body)
        at_foot = all(
            ln.box.top >= FOOT_SHARE * page_text.height or _no_text(ln, em, core is not None)
            for ln in lines[end:]
        )
        if not body and at_foot:
            found.append(_Found(header, [], seps))  # its rows are on the next page (see header_rest)
            break
        enough = len(body) >= MIN_DATA_LINES or (
            at_foot and len(body) == 1 and _filled_columns(body[0], seps) >= MIN_FOOT_COLUMNS
        )
        if not enough or not any(_filled_columns(ln, seps) >= 2 for ln in body):
            i += 1
            continue
        found.append(_Found(header, body, seps, reach if core is not None else None))
        i += len(header) + len(body)
    return [_table(page_text, f, em) for f in found]


def _repeated_header(
    body: Sequence[Line], seps: Sequence[float], header: Sequence[str], read: bool = False
) -> int:
    """How many of the first lines repeat the table's header (its cells' texts, wrapped alike or
    not); 0 when they do not.  ``read``: the lines were read by OCR, which may lose a header
    cell's words or read a letter otherwise: then the most lines whose every column with text
    reads like the header's cell, in half the columns at least (:func:`~extractors.thai.text.repeats_cells`).

    >>> def ln(top, *cells):
    ...     ws = tuple(Word(t, t, BBox(x, top, x + 30, top + 10)) for x, t in cells)
    ...     return Line("", "", BBox(0, top, 200, top + 10), ws)
    >>> body = [ln(0, (40, "ประเด็น"), (80, "แนวทาง"), (120, "ช่วงเวลา")), ln(12, (40, "ซปัญหา"), (80, "ปฏิบัติ")),
    ...         ln(24, (0, "1"), (40, "การปรับปรุง"), (120, "2564"))]
    >>> head = ["ลำดับ", "ประเด็นปัญหา", "แนวทางปฏิบัติ", "ช่วงเวลา"]
    >>> _repeated_header(body, [35, 75, 115], head), _repeated_header(body, [35, 75, 115], head, read=True)
    (0, 2)
    """
    want = [squashed(t) for t in header]
    if not read:
        for k in range(1, min(MAX_HEADER_LINES, len(body)) + 1):
            if [squashed(t) for t in _texts(body[:k], seps, len(want))] == want:
                return k
        return 0
    best = 0
    for k in range(1, min(MAX_HEADER_LINES, len(body)) + 1):
        if repeats_cells(_texts(body[:k], seps, len(want)), want):
            best = k
    return best


def continuation(
    previous: Table,
    page_text: PageText,
    lines: Sequence[Line],
    em: float,
    header: Sequence[str] = (),
    core: WordCore | None = None,
) -> Table | None:
    """The rest of the borderless table ``previous`` at the top of the next page: the lines from
    the top (``lines``: the page's body lines outside other tables, running headers and page numbers
    left out) that keep ``previous``'s column gutters white and stay within its width.  When the
    first of them repeat the table's ``header`` (its header cells' texts), they are the new part's
    header, and one line under it is enough (the rest of a cell cut by the page break).  Else None
    when fewer than :data:`MIN_DATA_LINES` lines do, or none fills two columns."""
    xs = [c.box.x0 for c in previous.cells if c.row == 0 and c.box is not None]
    if len(xs) != previous.n_cols or previous.quality.strategy != "borderless":
        return None
    seps = xs[1:]
    left, right = previous.box.x0 - em, previous.box.x1 + em
    body: list[Line] = []
    white: Gutters = [[(s - 1, s + 1)] for s in seps]
    for k, line in enumerate(lines):
        if line.box.x0 < left or line.box.x1 > right:
            break
        spans = [core(w) if core is not None else (w.box.x0, w.box.x1) for w in line.words]
        if any(x0 < s - 1 and x1 > s + 1 for x0, x1 in spans for s in seps):
            after = lines[k + 1 : k + 2]
            kept_line = _stray(line, after, body[-1], white, em, core) if core and body else None
            if kept_line is None:
                break
            if not kept_line.words:
                continue  # a mark read as a word between the rows (see _stray)
            line = kept_line
        if body and line.box.top - body[-1].box.bottom > MAX_PITCHES * max(body[-1].box.height, em):
            # a repeated header's wrapped lines that OCR lost (a narrow column's letters, one a
            # line) leave white under it: its rows start as far below as those lines would reach
            head = _repeated_header(body, seps, header, core is not None) if len(header) == len(xs) else 0
            lost = (MAX_HEADER_LINES - head) * max(body[-1].box.height, em)
            if not head or head < len(body) or line.box.top - body[-1].box.bottom > MAX_PITCHES * em + lost:
                break
        body.append(line)
    head = _repeated_header(body, seps, header, core is not None) if len(header) == len(xs) else 0
    rest = body[head:]
    if head and rest:
        return _table(page_text, _Found(body[:head], rest, seps), em, [*xs, previous.box.x1])
    edges = [*xs, previous.box.x1]
    if body and _finishes_cells(body, previous, em):
        return _table(page_text, _Found([], body, seps), em, edges)
    if len(body) < MIN_DATA_LINES or not any(_filled_columns(ln, seps) >= 2 for ln in body):
        return None
    return _table(page_text, _Found([], body, seps), em, edges)


#: The note of a header found at the foot of a page with no row under it: its rows are on the next page.
HEADER_ONLY = "header only: at the foot of the page, its rows on the next page"


def header_only(table: Table) -> bool:
    """Whether ``table`` is a borderless header alone at the foot of its page (see :func:`header_rest`)."""
    return table.quality.strategy == "borderless" and HEADER_ONLY in table.quality.notes


def header_rest(
    header: Sequence[Line],
    previous_page: PageText,
    page_text: PageText,
    lines: Sequence[Line],
    em: float,
) -> tuple[Table, Table] | None:
    """The rows of a borderless table whose ``header`` (its lines, alone at the foot of
    ``previous_page``) has its rows at the top of the next page (``lines``: its body lines from the
    top, page furniture left out): the header's gutters must stay white in the lines below, as on
    one page (:func:`_body`), with :data:`MIN_DATA_LINES` of them, one filling two columns.  The
    columns' edges come from the header and the rows together, so both parts get the same
    edges; returns the header table rebuilt with them and the rows' table, or None.
    """
    if not header:
        return None
    first = segments(header[0], GUTTER_EM * em)
    gutters: Gutters | None = [[(a.x1, b.x0)] for a, b in pairwise(first)]
    for line in header[1:]:
        gutters = _keep_white(gutters, line, MIN_WHITE_EM * em) if gutters is not None else None
    if gutters is None or len(first) < MIN_COLUMNS:
        return None
    body, gutters, _ = _body(lines, 0, header, gutters, em)
    seps = _separators(gutters)
    if len(body) < MIN_DATA_LINES or not any(_filled_columns(ln, seps) >= 2 for ln in body):
        return None
    xs = _left_edges(header, body, seps, em)
    head = _table(previous_page, _Found(list(header), [], seps), em, xs)
    head.quality.notes[:] = [n for n in head.quality.notes if n != HEADER_ONLY]
    head.quality.notes.append("its rows are on the next page")
    return head, _table(page_text, _Found([], body, seps), em, xs)


def _finishes_cells(body: Sequence[Line], previous: Table, em: float) -> bool:
    """Whether ``body`` (the lines at the top of the next page) only finishes cells of
    ``previous``'s last row: every part of every line lies in a column that row has text in, and
    starts at that column's text edge, as the cell's wrapped lines and its list's next items do
    (``ฐานบนเว็บไซต์หน่วยงาน`` under ``(2) แต่งตั้งคณะทำงานดูแลข้อมูลพื้น``; ``2. ปรับปรุง…`` and
    its wrapped ``ครุภัณฑ์``, in one column).  A data row of its own would start a column the row
    left empty, or number itself in the first column; prose would cross the gutters (the caller
    stops there)."""
    last = previous.n_rows - 1
    cells = {c.col: c for c in previous.cells if c.row == last and c.box is not None}
    seps = [c.box.x0 for c in sorted(cells.values(), key=lambda c: c.col)][1:]  # type: ignore[union-attr]
    if len(seps) != previous.n_cols - 1:
        return False
    for line in body:
        for seg in segments(line, GUTTER_EM * em):
            col = _column_of(seps, (seg.x0 + seg.x1) / 2)
            cell = cells.get(col)
            if cell is None or cell.box is None or not cell.text.strip():
                return False
            if col == 0 and _DIGIT.match(seg.text):
                return False  # a number in the first column starts a row
            if abs(seg.x0 - (cell.box.x0 + EDGE_PAD_EM * em)) > ALIGN_EM * em:
                return False
    return True


def _table(page_text: PageText, found: _Found, em: float, xs: Sequence[float] | None = None) -> Table:
    header, body, seps = found.header, found.body, found.seps
    xs = list(xs) if xs is not None else _left_edges(header, body, seps, em)
    read = page_text.kind is PageKind.SCANNED
    starts = row_starts(
        body, seps, _baselines(body, page_text.chars, em if read else None), found.reach, read
    )
    groups = ([header] if header else []) + [body[a:b] for a, b in pairwise([*starts, len(body)])]
    ys = [min(line.box.top for line in groups[0]) - 1]
    ys += [(a[-1].box.bottom + b[0].box.top) / 2 for a, b in pairwise(groups)]
    ys.append((body or header)[-1].box.bottom + 1)
    table_box = BBox(xs[0], ys[0], xs[-1], ys[-1])
    local = chars_in_box(page_text.chars, table_box)
    visible = [c for c in local if c.text.strip()]
    index, visible_index = CharIndex(local), CharIndex(visible)
    cells: list[Cell] = []
    placed: set[int] = set()
    for r in range(len(groups)):
        for c in range(len(xs) - 1):
            box = BBox(xs[c], ys[r], xs[c + 1], ys[r + 1])
            placed.update(id(ch) for ch in visible_index.within(box, 0.0))
            text, raw = text_in_box(index, box)
            cells.append(Cell(r, c, text, raw, box))
    outside = sum(1 for ch in visible if id(ch) not in placed)
    chars_inside = round((len(visible) - outside) / len(visible), 3) if visible else 1.0
    filled = round(sum(1 for c in cells if c.text) / len(cells), 3) if cells else 0.0
    notes = [
        "no ruling lines: columns from the header row and the white gutters below it, "
        "rows from line spacing and where columns start again"
        if header
        else "no ruling lines: the columns of the borderless table on the previous page (header not repeated)"
    ]
    if not body:
        notes.append(HEADER_ONLY)
    if outside:
        notes.append(f"{outside} characters outside every cell")
    score = round(chars_inside * (0.7 + 0.3 * filled) * BORDERLESS_FACTOR, 3)
    quality = TableQuality("borderless", score, filled, chars_inside, notes)
    return Table(page_text.number, 0, table_box, len(groups), len(xs) - 1, cells, quality)

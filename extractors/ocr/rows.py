"""A scanned page's lines as the text layer gives them, and its tables drawn without rulings.

Tesseract's page layout analysis cuts a page into blocks: the columns of a table without rulings
(a borderless measures table, a column of indicator names beside a column of scores) come back
as separate lines, one per column, so nothing downstream sees a row.  A text layer gives one line
per visual line instead, its words carrying their boxes.  So:

1. :func:`visual_lines`: OCR lines that share a height on the page (each one's middle inside the
   other's ink) and do not overlap across are one line, words in order from left to right; the
   gaps between the blocks stay in the words' boxes, as a text layer's do;
2. :func:`scan_borderless`: the borderless strategy of the text pages
   (:func:`extractors.pdf.borderless.find_borderless`: a header naming the columns, gutters that
   stay white below it) runs on those lines; its geometry is the text pages', its cells' text the
   OCR words inside each cell (no text layer to take it from), with the words' lowest confidence;
3. a borderless table that ends at the foot of a scanned page goes on at the top of the next
   scanned page in its columns (:func:`extractors.pdf.borderless.continuation`), as on text pages;
4. :func:`scan_chart`: a chart printed on the page (its bars lifted before OCR, see
   :func:`extractors.ocr.geometry.lift_solids`) is paired label to value as a chart pasted on a
   text page is (:func:`extractors.ocr.chart.chart_pairs`), among the lines outside every table:
   the pairs become a two-column table.

No word is read again, and no text changes: lines are only regrouped (marks read apart from
their word as no Thai character, ``3/``, are left out as a speck read as a letter is).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from itertools import pairwise

from extractors.ocr.chart import chart_pairs, pairs_table
from extractors.pdf.borderless import (
    FRAGMENT_CHARS,
    GUTTER_EM,
    MIN_DATA_LINES,
    MIN_WHITE_EM,
    continuation,
    find_borderless,
    flat,
    header_only,
    ink_em,
    reads_as_words,
    row_starts,
    segments,
)
from extractors.pdf.tables import ends_near_bottom, running_lines
from extractors.thai.text import BULLET
from schemas import BBox, Cell, Line, PageKind, PageText, Table, Word

NamesColumn = Callable[[str], bool]

#: Lines in the top and bottom share of the page past these are running headers and page numbers.
MARGIN_SHARE = 0.07


def _same_height(a: BBox, b: BBox) -> bool:
    """Whether two line boxes stand at one height: the middle of each lies within the other, or
    the one lies wholly within the other's height (a line of glyphs without marks above or below,
    ``- ๓๐`` of a period beside ``การใช้ เข้าใจเรื่อง``, whose box is less than half as tall: a line
    of its own, it stood between the row's lines and opened a row).

    >>> _same_height(BBox(0, 99.4, 50, 114.1), BBox(60, 103.7, 90, 110.5))
    True
    >>> _same_height(BBox(0, 99.4, 50, 114.1), BBox(60, 112.0, 90, 126.0))
    False
    >>> _same_height(BBox(0, 207.4, 50, 230.0), BBox(60, 219.2, 90, 225.7))
    True
    """
    mid_a, mid_b = (a.top + a.bottom) / 2, (b.top + b.bottom) / 2
    if b.top <= mid_a <= b.bottom and a.top <= mid_b <= a.bottom:
        return True
    return (a.top <= b.top and b.bottom <= a.bottom) or (b.top <= a.top and a.bottom <= b.bottom)


def _merge(parts: Sequence[Line]) -> Line:
    """One visual line from OCR lines at the same height, left to right.  Its box runs from the
    median top to the median bottom of its words: a word's marks above or tail below (``ปู``,
    ``ฎ``) do not move the line, so the spacing between lines says where a table's rows break, as
    a text layer's baselines do."""
    parts = sorted(parts, key=lambda ln: ln.box.x0)
    words: tuple[Word, ...] = tuple(w for ln in parts for w in ln.words)
    if not words:
        return parts[0]
    box = BBox(
        min(ln.box.x0 for ln in parts),
        statistics.median(w.box.top for w in words),
        max(ln.box.x1 for ln in parts),
        statistics.median(w.box.bottom for w in words),
    )
    if len(parts) == 1:
        return replace(parts[0], box=box)
    confs = [ln.confidence for ln in parts if ln.confidence is not None]
    return Line(
        text=" ".join(ln.text for ln in parts),
        raw=" ".join(ln.raw for ln in parts),
        box=box,
        words=words,
        confidence=round(min(confs), 3) if confs else None,
    )


def visual_lines(lines: Sequence[Line]) -> list[Line]:
    """OCR lines regrouped into the page's visual lines, top to bottom (see the module docstring).

    A line joins the visual line above it only when it stands at the same height as every part
    already in it and overlaps none of them across.

    >>> def ln(text, x0, top, x1, bottom):
    ...     return Line(text, text, BBox(x0, top, x1, bottom), (Word(text, text, BBox(x0, top, x1, bottom)),))
    >>> rows = visual_lines([ln("ก", 0, 10, 50, 24), ln("ข", 100, 11, 150, 25), ln("ค", 0, 30, 50, 44)])
    >>> [(r.text, [w.text for w in r.words]) for r in rows]
    [('ก ข', ['ก', 'ข']), ('ค', ['ค'])]
    """
    order = sorted(lines, key=lambda ln: ((ln.box.top + ln.box.bottom) / 2, ln.box.x0))
    groups: list[list[Line]] = []
    for line in order:
        for group in reversed(groups[-3:]):  # the lines just above: the only ones at its height
            if all(_same_height(line.box, p.box) for p in group) and not any(
                min(line.box.x1, p.box.x1) - max(line.box.x0, p.box.x0) > 0 for p in group
            ):
                group.append(line)
                break
        else:
            groups.append([line])
    merged = _fold_marks([_merge(g) for g in groups], line_em(lines))
    merged.sort(key=lambda ln: (round(ln.box.top), ln.box.x0))
    return merged


def _ink_band(line: Line) -> tuple[float, float]:
    tops = [w.box.top for w in line.words] or [line.box.top]
    bottoms = [w.box.bottom for w in line.words] or [line.box.bottom]
    return min(tops), max(bottoms)


#: Marks read apart from their word (``3/`` for the ``ั`` and ``ว``'s head of ``ตัว``): a line
#: this many font sizes tall at most ...
MARK_EM = 0.5
#: ... standing this far out of a line's ink at most, above or below it ...
MARK_REACH_EM = 0.5
#: ... with a gap this wide at most between it and that ink (marks sit on their letters).
MARK_GAP_EM = 0.25
_THAI_CHAR = re.compile(r"[\u0e01-\u0e5b]")


def _marks_of(small: Line, big: Line, em: float) -> bool:
    """Whether ``small`` is marks of a word of ``big`` read apart: it lies inside ``big``'s ink,
    from the top of its highest word to the foot of its lowest, or it is no taller than
    :data:`MARK_EM` and stands just out of that ink above or below, its middle out of it
    (:data:`MARK_REACH_EM`, :data:`MARK_GAP_EM`), as marks above a letter whose word box was cut
    at the letter's top do; and it lies over one of ``big``'s words.

    >>> def ln(text, x0, top, x1, bottom):
    ...     return Line(text, text, BBox(x0, top, x1, bottom), (Word(text, text, BBox(x0, top, x1, bottom)),))
    >>> row = ln("ชีวัดที", 102, 743, 140, 765)
    >>> marks, higher = ln("3/", 106, 740.5, 111, 744.1), ln("3/", 106, 735, 111, 738)
    >>> _marks_of(marks, row, 9.6), _marks_of(higher, row, 9.6)
    (True, False)
    >>> _marks_of(ln("ก", 106, 730, 111, 744), row, 14.0)
    False
    """
    if big is small or big.box.height <= small.box.height:
        return False
    if not any(min(small.box.x1, w.box.x1) - max(small.box.x0, w.box.x0) > 0 for w in big.words):
        return False
    top, bottom = _ink_band(big)
    if top - 1 <= small.box.top and small.box.bottom <= bottom + 1:
        return True
    if small.box.height > MARK_EM * em:
        return False
    middle = (small.box.top + small.box.bottom) / 2
    above = (
        top - MARK_REACH_EM * em <= small.box.top
        and top - MARK_GAP_EM * em <= small.box.bottom
        and middle < top
    )
    below = small.box.top <= bottom + MARK_GAP_EM * em and small.box.bottom <= bottom + MARK_REACH_EM * em
    return above or (below and middle > bottom)


def _fold_marks(lines: list[Line], em: float = 12.0) -> list[Line]:
    """``lines`` with each line that is marks of another's word read apart (:func:`_marks_of`)
    folded into it: no line of text is printed over a word of another, so it is that word's
    marks read apart (``๐ ส`` for the ``ำ`` and ``ิ`` above ``การดำเนิน``).  Its words join the
    line in their place from left to right, text kept as read, when they lie inside its ink or
    read as Thai; marks out of its ink read as no Thai character (``3/``) are no text of the line,
    as a speck read as a letter is not (:func:`extractors.pdf.borderless.flat`), and only lower
    the line's confidence.  Left as a
    line of its own, it stood between a header and its rows, and made a row.

    >>> def ln(text, x0, top, x1, bottom):
    ...     return Line(text, text, BBox(x0, top, x1, bottom), (Word(text, text, BBox(x0, top, x1, bottom)),))
    >>> row = _merge([ln("ก", 0, 10, 50, 24), ln("การดาเนน", 100, 12, 160, 25)])
    >>> [(r.text, [w.text for w in r.words]) for r in _fold_marks([row, ln("๐", 120, 10.5, 126, 13)])]
    [('ก การดาเนน ๐', ['ก', 'การดาเนน', '๐'])]
    >>> speck = replace(ln("3/", 120, 8, 126, 10.5), confidence=0.3)
    >>> [(r.text, r.confidence) for r in _fold_marks([row, speck])]
    [('ก การดาเนน', 0.3)]
    >>> len(_fold_marks([row, ln("ข", 120, 26, 150, 40)]))
    2
    """
    out = list(lines)
    for small in sorted(lines, key=lambda ln: ln.box.height):
        host = next((big for big in out if _marks_of(small, big, em)), None)
        if host is None or small not in out:
            continue
        top, bottom = _ink_band(host)
        inside = top - 1 <= small.box.top and small.box.bottom <= bottom + 1
        marks = small.words if inside or _THAI_CHAR.search(small.text) else ()
        words = tuple(sorted((*host.words, *marks), key=lambda w: w.box.x0))
        confs = [c for c in (host.confidence, small.confidence) if c is not None]
        folded = Line(
            text=" ".join(w.text for w in words),
            raw=" ".join(w.raw for w in words),
            box=BBox(
                min(host.box.x0, *(w.box.x0 for w in words)),
                statistics.median(w.box.top for w in words),
                max(host.box.x1, *(w.box.x1 for w in words)),
                statistics.median(w.box.bottom for w in words),
            ),
            words=words,
            confidence=round(min(confs), 3) if confs else None,
        )
        out = [folded if ln is host else ln for ln in out if ln is not small]
    return out


def line_em(lines: Sequence[Line]) -> float:
    """The body text size of a scanned page, in points (what a text layer calls the font size): the
    median height of its words' ink over :data:`THAI_INK_EM`.

    >>> w = lambda h: Word("ก", "ก", BBox(0, 0, 5, h))
    >>> round(line_em([Line("", "", BBox(0, 0, 5, 14), (w(13.5), w(12), w(15)))]), 1)
    10.0
    """
    return ink_em(*lines) or 12.0


#: Thai marks set above or below a letter: they take no room along the line.
_STACKED = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def scribble(word: Word, em: float) -> bool:
    """Whether an OCR word is a stroke read as text (a signature over a table's header read as
    ``กท๊บ`` ``7``, a stamp's ring as ``ON``): its box is wider than its characters could print,
    a font size each and one more for a box reaching past its ink on a blurred scan, and it is
    no dictionary words nor a number (:func:`extractors.pdf.borderless.reads_as_words`).

    >>> wide, narrow = Word("7", "7", BBox(323, 600, 361, 625)), Word("7", "7", BBox(323, 600, 331, 625))
    >>> scribble(wide, 14.0), scribble(narrow, 14.0)
    (True, False)
    >>> scribble(Word("กท๊บ", "กท๊บ", BBox(225, 599, 307, 627)), 14.0)
    True
    >>> scribble(Word("แนวทง", "แนวทง", BBox(142, 599, 198, 627)), 14.0)
    False
    """
    glyphs = len(_STACKED.sub("", word.text.replace(" ", "")))
    return word.box.width > (glyphs + 1) * em and not reads_as_words(word.text)


def _filled(table: Table, page: PageText) -> Table:
    """``table`` (geometry from the borderless strategy, cells without text: a scan has no text
    layer) with each cell's text from the OCR words whose middle lies in it, line by line, and the
    lowest confidence among them.  A :func:`scribble` is no word of the cell: a signature across
    the header's wrapped line made it read as a row, its ``7`` a digit no header holds; nor is a
    speck read as a letter (:func:`extractors.pdf.borderless.flat`: ``8`` 0 pt tall)."""
    # Period cells that do not parse are read again from the page image afterwards
    # (extractors.ocr.period_reread): the image is not at hand here.
    em = line_em(page.lines)
    # each line's words that may be a cell's, where they stand across (a bullet with its word)
    placed = [
        [
            (w, x)
            for w, x in zip(line.words, bullet_anchors(line, em), strict=True)
            if not scribble(w, em) and not flat(w, em)
        ]
        for line in page.lines
    ]
    cells: list[Cell] = []
    for cell in table.cells:
        box = cell.box
        if box is None:
            cells.append(cell)
            continue
        texts, raws, confs = [], [], []
        for words in placed:
            inside = [w for w, x in words if box.contains_point(x, (w.box.top + w.box.bottom) / 2)]
            if inside:
                texts.append(" ".join(w.text for w in inside))
                raws.append(" ".join(w.raw for w in inside))
                confs += [w.confidence for w in inside if w.confidence is not None]
        text = " ".join(texts)
        cells.append(
            replace(cell, text=text, raw="\n".join(raws), confidence=round(min(confs), 3) if confs else None)
        )
    chars_inside = table.quality.chars_inside
    filled = round(sum(1 for c in cells if c.text) / len(cells), 3) if cells else 0.0
    notes = [*table.quality.notes, "read by OCR: each cell's text is the OCR words inside it"]
    quality = replace(table.quality, filled_share=filled, chars_inside=chars_inside, notes=notes)
    return replace(table, cells=cells, quality=quality)


_BULLET = re.compile(f"^{BULLET}$")
#: A bullet belongs to the word after it when that word starts less than this many font sizes
#: after it, nearer than the word before it ends.
BULLET_GAP_EM = 1.0


def bullet_anchors(line: Line, em: float) -> list[float]:
    """Where each word of ``line`` stands across the page, to say its column: its middle, but a
    bullet's (``-`` of ``- ประกาศเผยแพร่``) is the middle of the word it opens, which starts close
    after it, closer than the word before it ends.  A bullet at a column's left edge stands as far
    into the gutter as the column's wrapped lines start, and its own middle would put it in the
    column before.

    >>> def ln(*words):
    ...     ws = tuple(Word(t, t, BBox(a, 0, b, 10)) for t, a, b in words)
    ...     return Line("", "", BBox(words[0][1], 0, words[-1][2], 10), ws)
    >>> bullet_anchors(ln(("งาน", 100, 200), ("-", 234, 238), ("ประกาศ", 247, 288)), 14.7)
    [150.0, 267.5, 267.5]
    >>> bullet_anchors(ln(("ต.ค.", 100, 120), ("-", 126, 130), ("ธ.ค.", 136, 156)), 10.0)
    [110.0, 128.0, 146.0]
    >>> bullet_anchors(ln(("งาน", 100, 200), ("-", 260, 264), ("ประกาศ", 300, 340)), 10.0)
    [150.0, 262.0, 320.0]
    """
    words = line.words
    out = [(w.box.x0 + w.box.x1) / 2 for w in words]
    for k, word in enumerate(words):
        if not _BULLET.match(word.text) or k + 1 == len(words):
            continue
        after = words[k + 1].box.x0 - word.box.x1
        before = word.box.x0 - words[k - 1].box.x1 if k else float("inf")
        if after < BULLET_GAP_EM * em and after < before:
            out[k] = out[k + 1]
    return out


def _body_lines(page: PageText, tables: Sequence[Table]) -> list[Line]:
    boxes = [t.box for t in tables if t.page == page.number]
    return [
        line
        for line in page.lines
        if not any(
            b.contains_point((line.box.x0 + line.box.x1) / 2, (line.box.top + line.box.bottom) / 2, 1.0)
            for b in boxes
        )
    ]


#: Tesseract places a word's first and last letters by its recogniser's steps, not by their ink:
#: an end of an OCR word's box may stand off by this share of the word's width (a tone mark put
#: after its letter, a speck or a stamp's stroke read as ``-`` and glued to the word) ...
CORE_SHARE = 0.25
#: ... and by at most this many font sizes.
CORE_EM = 1.0


def word_core(em: float) -> Callable[[Word], tuple[float, float]]:
    """Where an OCR word's ink surely lies across its line (see :data:`CORE_SHARE`): the white
    between a table's columns is judged on these cores, so one word box that reaches into a gutter
    does not end the table; the word's middle, which says its column, is where it was.

    >>> core = word_core(12.0)
    >>> core(Word("ก", "ก", BBox(100, 0, 140, 10))), core(Word("ก", "ก", BBox(100, 0, 300, 10)))
    ((110.0, 130.0), (112.0, 288.0))
    """

    def core(word: Word) -> tuple[float, float]:
        trim = min(CORE_SHARE * word.box.width, CORE_EM * em)
        return word.box.x0 + trim, word.box.x1 - trim

    return core


def _middle(box: BBox) -> tuple[float, float]:
    return (box.x0 + box.x1) / 2, (box.top + box.bottom) / 2


def _column_edges(table: Table) -> list[float]:
    return sorted({c.box.x0 for c in table.cells if c.row == 0 and c.box is not None})[1:]


def _speck(word: Word, em: float) -> bool:
    """An OCR word of one letter at most, narrower than a font size: a speck, a mark or a letter
    read apart from its word; or of no letter nor digit at all, however wide (a stamp's stroke
    read as ``=``).

    >>> _speck(Word("ท", "ท", BBox(395, 0, 399, 10)), 11.7)
    True
    >>> _speck(Word("=", "=", BBox(406, 0, 420, 10)), 11.7)
    True
    >>> _speck(Word("งาน", "งาน", BBox(0, 0, 20, 10)), 11.7)
    False
    >>> _speck(Word("1", "1", BBox(417, 0, 417.7, 10)), 12.8)  # a thin digit: text
    False
    """
    if re.search(r"[0-9๐-๙]", word.text):
        return False  # a digit is text however thin (``1`` of ``1 ต.ค.``), never dust
    letters = len(re.findall(r"[ก-ฮA-Za-z]", word.text))
    return letters == 0 or (word.box.width < em and letters <= 1)


def _split_header(
    lines: Sequence[Line], table: Table, em: float, edges_before: Sequence[float] = ()
) -> list[Line] | None:
    """``lines`` with the first header line of ``table`` opened where the lines under it show a
    gutter its own words' boxes close: an OCR box reaching past its ink narrows the white between
    two header cells (``หน่วยงานรับ`` ``ช่วงเวลา``) under a gutter's width, so two columns were
    read as one.  A gap between two header words of one column is such a gutter when every line
    of the table under the header keeps it white (by its words' cores) and lines have words on
    both sides of it (two columns of data, not one), or, for a header repeated at the top of a
    page, the table going on from the page before (its inner column edges ``edges_before``,
    :func:`gutter_edges`) had a column edge between the two words: a repeated header is read
    under as few lines as the rest of a table may leave.  The two words are narrowed to leave it a
    gutter's width; None when no gap is one."""
    core = word_core(em)
    edges = _column_edges(table)
    inside = [ln for ln in lines if table.box.contains_point(*_middle(ln.box), 1.0)]
    if not inside:
        return None
    top = min(inside, key=lambda ln: ln.box.top)
    header_bottom = max(c.box.bottom for c in table.cells if c.row == 0 and c.box is not None)
    body = [ln for ln in inside if _middle(ln.box)[1] >= header_bottom]
    words = sorted(top.words, key=lambda w: w.box.x0)
    changed: dict[int, Word] = {}
    half_white = MIN_WHITE_EM * em / 2
    for k, (a, b) in enumerate(pairwise(words)):
        # the gutter stands in the white the rows leave between the two words' ink, which a
        # box reaching past its word's ink moves off the middle of the boxes' gap
        mid = _white_middle(core(a)[1], core(b)[0], body, core, em) or (a.box.x1 + b.box.x0) / 2
        if b.box.x0 - a.box.x1 >= GUTTER_EM * em or any(
            e > (a.box.x0 + a.box.x1) / 2 and e < (b.box.x0 + b.box.x1) / 2 for e in edges
        ):
            continue  # a gutter already, or the two words are in two columns already
        left = right = 0
        crossed = False
        before = any((a.box.x0 + a.box.x1) / 2 < e < (b.box.x0 + b.box.x1) / 2 for e in edges_before)
        for ln in body:
            # a speck or a letter read apart is no word that crosses the gutter (``ท`` of
            # ``กลุ่มงาน`` left between two columns, a 1-pt ``ฮ`` of dust in the white)
            kept = [w for w in ln.words if not _speck(w, em)]
            spans = [core(w) for w in kept]
            near = (mid - half_white, mid + half_white)
            across = [w for w, (x0, x1) in zip(kept, spans, strict=True) if x0 < near[1] and x1 > near[0]]
            if _mark_alone(across, kept):
                continue  # a stamp's ring read as a word (``Soe``) crosses it, nothing else on its line
            if across:
                crossed = True
                break
            cols = [e for e in edges if e < mid]
            lo = max(cols, default=table.box.x0)
            hi = min((e for e in edges if e > mid), default=table.box.x1)
            left += any(lo <= (x0 + x1) / 2 < mid for x0, x1 in spans)
            right += any(mid < (x0 + x1) / 2 <= hi for x0, x1 in spans)
        if crossed or (not (before and left and right) and (left < MIN_DATA_LINES or right < MIN_DATA_LINES)):
            continue
        gap = GUTTER_EM * em / 2 + 0.5
        a = changed.get(k, a)  # a word between two gaps opened keeps the first one's narrowing
        changed[k] = replace(a, box=BBox(a.box.x0, a.box.top, min(a.box.x1, mid - gap), a.box.bottom))
        changed[k + 1] = replace(b, box=BBox(max(b.box.x0, mid + gap), b.box.top, b.box.x1, b.box.bottom))
    if not changed:
        return None
    opened = replace(top, words=tuple(changed.get(k, w) for k, w in enumerate(words)))
    return [opened if ln is top else ln for ln in lines]


def _white_middle(
    lo: float, hi: float, lines: Sequence[Line], core: Callable[[Word], tuple[float, float]], em: float
) -> float | None:
    """The middle of the widest white between ``lo`` and ``hi`` that the ``lines``' word cores
    (specks left out, :func:`_speck`) leave, or None when there is none or ``hi <= lo``.

    Two header words' boxes (``มาตรการ/ขั้นตอน/วิธี`` ``หน่วยงาน``) 7 pt apart whose inks are 36 pt
    apart, over rows whose words leave 314-335 white:

    >>> def ln(*spans):
    ...     words = tuple(Word("กอง", "กอง", BBox(a, 0, b, 10)) for a, b in spans)
    ...     return Line("", "", BBox(0, 0, 1, 1), words)
    >>> core = lambda w: (w.box.x0, w.box.x1)
    >>> _white_middle(314, 350, [ln((208, 308), (335, 361)), ln((200, 300), (341, 380))], core, 14.4)
    324.5
    >>> _white_middle(314, 350, [ln((200, 340))], core, 14.4), _white_middle(350, 314, [], core, 14.4)
    (345.0, None)
    """
    if hi <= lo:
        return None
    spans = sorted(core(w) for ln in lines for w in ln.words if not _speck(w, em))
    best: tuple[float, float] | None = None
    x = lo
    for x0, x1 in spans:
        if x1 <= x or x0 >= hi:
            continue
        if x0 > x and (best is None or x0 - x > best[1] - best[0]):
            best = (x, x0)
        x = max(x, x1)
    if x < hi and (best is None or hi - x > best[1] - best[0]):
        best = (x, hi)
    return None if best is None else round((best[0] + best[1]) / 2, 2)


def _mark_alone(across: Sequence[Word], words: Sequence[Word]) -> bool:
    """Whether the only word of a line that crosses a gap under a header (``across``, of the
    line's ``words``) is a mark read as one: a stamp's ring or a signature, letters that make no
    words (:func:`extractors.pdf.borderless.reads_as_words`: ``Soe``), while the line's other words
    keep to either side.  Such a mark says nothing of the columns; a word of text crossing does.

    >>> def w(text):
    ...     return Word(text, text, BBox(0, 0, 10, 10))
    >>> _mark_alone([w("Soe")], [w("เป็นธรรม"), w("Soe")]), _mark_alone([w("บริหาร")], [w("บริหาร")])
    (True, False)
    >>> _mark_alone([w("Soe"), w("tay")], [w("Soe"), w("tay")]), _mark_alone([], [w("งาน")])
    (False, False)
    """
    return len(across) == 1 and not reads_as_words(across[0].text)


#: A word is parted at a gutter of the lines under it when at least this many of them have words
#: on both sides of it (two columns of data, not one word's wrapped tail) ...
MIN_SIDES_LINES = 3
#: ... among the lines under it this far (in font sizes) below it, none crossing the gutter.
BELOW_EM = 30.0
#: A line of two parts only is a row's when the gutter also shows, with words on both sides, in
#: this many lines above it this far (in font sizes), none crossing it: rows of the table above.
MIN_ABOVE_LINES = 2
ABOVE_EM = 6.0
_LEADING = "เแโใไ"
_FOLLOWING = "ะาำๅ"


def _split_points(text: str) -> list[int]:
    """Where ``text`` may be cut between two letters: before a consonant or a leading vowel, never
    after a leading vowel (marks, ``า``, ``ะ``, ``ำ`` stay with their letter).

    >>> t = "ดำเนินงานรับ"
    >>> [t[:k] for k in _split_points(t)]
    ['ดำ', 'ดำเนิ', 'ดำเนิน', 'ดำเนินงา', 'ดำเนินงาน', 'ดำเนินงานรั']
    """
    import unicodedata

    out = []
    for k in range(1, len(text)):
        here, before = text[k], text[k - 1]
        if unicodedata.category(here) == "Mn" or here in _FOLLOWING or before in _LEADING:
            continue
        if not ("ก" <= here <= "ฮ" or here in _LEADING):
            continue
        out.append(k)
    return out


#: A word is cut within this share of its characters from where the gutter stands in its box
#: (letters differ in width).
CUT_SHARE = 0.35


def _cut_text(text: str, share: float, names_column: NamesColumn) -> tuple[str, str] | None:
    """``text`` cut in two near ``share`` of its characters (:func:`_split_points`): among the
    points within :data:`CUT_SHARE` of it, the nearest that is a word boundary of the dictionary
    (:func:`extractors.thai.words.tokenize`) with halves that both name a column, else the nearest
    word boundary, else the nearest point whose halves both name a column, else the nearest.

    >>> _cut_text("ผู้รับผิดชอบระยะเวลา", 0.48, lambda t: True)
    ('ผู้รับผิดชอบ', 'ระยะเวลา')
    >>> _cut_text("ดำเนินงานรับ", 0.47, lambda t: t in ("ดำเนินงาน", "รับ"))
    ('ดำเนินงาน', 'รับ')
    """
    from extractors.thai.words import tokenize

    points = _split_points(text)
    if not points:
        return None
    target = share * len(text)
    near = sorted(points, key=lambda k: abs(k - target))
    near = [k for k in near if abs(k - target) <= CUT_SHARE * len(text)] or near[:1]
    bounds, at = set(), 0
    for token in tokenize(text):
        at += len(token)
        bounds.add(at)
    named = [k for k in near if names_column(text[:k]) and names_column(text[k:])]
    k = next((k for k in named if k in bounds), None) or next((k for k in near if k in bounds), None)
    k = k or (named or near)[0]
    return text[:k], text[k:]


def split_bridging_words(lines: Sequence[Line], em: float, names_column: NamesColumn) -> list[Line]:
    """``lines`` with each word that bridges a gutter of the lines under it cut in two there: OCR
    reads two header cells set close (``ดำเนินงาน`` ``รับ``, ``หน่วยงาน`` ``ระยะเวลา``) as one word,
    and the header then has a column too few, or none of its gutters past that line.  A word is
    cut when its line has three parts or more parted by gutters (a table's line, not a title:
    :func:`extractors.pdf.borderless.segments`) and, under it (lines
    within :data:`BELOW_EM` font sizes), a white band :data:`~extractors.pdf.borderless.MIN_WHITE_EM`
    wide inside it is crossed by no word's core (:func:`word_core`) and has words on both sides in
    :data:`MIN_SIDES_LINES` lines.  A line of two parts is a row's only when that band is white,
    with words on both sides, in :data:`MIN_ABOVE_LINES` lines above it too (within
    :data:`ABOVE_EM` font sizes): a signature over a row's first line read with its steps and its
    unit as one word (``1.ส่งเสริม…ประชาสัมพันธ์``).  The text is cut at a letter boundary near
    where the band stands in the word, preferring halves that both name a column; the two words
    keep the word's confidence.

    >>> def w(text, x0, x1, top=0):
    ...     return Word(text, text, BBox(x0, top, x1, top + 12), 0.9)
    >>> def ln(*words):
    ...     return Line(" ".join(x.text for x in words), "", BBox(words[0].box.x0, words[0].box.top,
    ...                 words[-1].box.x1, words[0].box.bottom), tuple(words))
    >>> head = ln(w("มาตรการ", 0, 60), w("ผลการ", 100, 140), w("ดำเนินงานรับ", 150, 260), w("ระยะ", 300, 330))
    >>> body = [ln(w("ก", 0, 50, t), w("ข", 100, 190, t), w("ค", 215, 250, t), w("ง", 300, 330, t))
    ...         for t in (20, 40, 60)]
    >>> out = split_bridging_words([head, *body], 10.0, lambda t: t in ("ดำเนินงาน", "รับ"))
    >>> [(x.text, x.box.x0, x.box.x1) for x in out[0].words][2:4]
    [('ดำเนินงาน', 150, 199.63), ('รับ', 204.13, 260)]
    >>> len(split_bridging_words([head, *body[:2]], 10.0, lambda t: True)[0].words)
    4
    """
    core = word_core(em)
    half_white = MIN_WHITE_EM * em / 2
    out = list(lines)
    for i, line in enumerate(lines):
        n_parts = len(segments(line, GUTTER_EM * em))
        if n_parts < 2:
            continue  # no table's line: a title, a paragraph
        below = [
            ln for ln in lines[i + 1 :] if line.box.bottom <= ln.box.top <= line.box.bottom + BELOW_EM * em
        ]
        # a line of two parts is a row's when the gutter shows above it too (a signature over a
        # row's text read as one word across a gutter: ``1.ส่งเสริม…ประชาสัมพันธ์``)
        above = []
        if n_parts < MIN_ROW_COLUMNS:
            above = [ln for ln in lines[:i] if line.box.top - ABOVE_EM * em <= ln.box.bottom <= line.box.top]
            if len(above) < MIN_ABOVE_LINES:
                continue
        words: list[Word] = []
        for word in line.words:
            cut = None
            if word.box.width >= 2 * em and len(below) >= MIN_SIDES_LINES:
                cut = _bridged_gutter(word, below, core, half_white, em)
            if cut is not None and above:
                cut = _bridged_gutter(word, [*above, *below], core, half_white, em, above, MIN_ABOVE_LINES)
            parts = _cut_text(word.text, (cut - word.box.x0) / word.box.width, names_column) if cut else None
            if cut is None or parts is None:
                words.append(word)
                continue
            raws = _cut_text(word.raw, (cut - word.box.x0) / word.box.width, names_column) or (word.raw, "")
            gap = half_white
            words.append(replace(word, text=parts[0], raw=raws[0], box=word.box._replace(x1=cut - gap)))
            words.append(replace(word, text=parts[1], raw=raws[1], box=word.box._replace(x0=cut + gap)))
        if len(words) != len(line.words):
            out[i] = replace(line, words=tuple(words))
    return out


def _bridged_gutter(
    word: Word,
    below: Sequence[Line],
    core: Callable[[Word], tuple[float, float]],
    half_white: float,
    em: float,
    sides_in: Sequence[Line] | None = None,
    min_sides: int = MIN_SIDES_LINES,
) -> float | None:
    """The middle of the widest white band inside ``word`` that the ``below`` lines leave white
    with words on both sides in ``min_sides`` of them (of ``sides_in``, when given),
    ending and starting under the word (a column's words ending short of the word's end bridge
    nothing): see :func:`split_bridging_words`."""
    lo, hi = word.box.x0 + em, word.box.x1 - em
    spans = [core(w) for ln in below for w in ln.words]
    best: tuple[float, float] | None = None
    x = lo
    # the white intervals inside [lo, hi] left by the lines' word cores
    for x0, x1 in sorted(s for s in spans if s[1] > lo and s[0] < hi):
        if x0 > x and (best is None or x0 - x > best[1] - best[0]):
            best = (x, min(x0, hi))
        x = max(x, x1)
    if hi > x and (best is None or hi - x > best[1] - best[0]):
        best = (x, hi)
    if best is None or best[1] - best[0] < 2 * half_white:
        return None
    mid = (best[0] + best[1]) / 2
    sides = sum(
        1
        for ln in (below if sides_in is None else sides_in)
        if any(lo <= core(w)[1] <= mid for w in ln.words) and any(mid <= core(w)[0] <= hi for w in ln.words)
    )
    return round(mid, 2) if sides >= min_sides else None


def scan_borderless(
    page: PageText, tables: Sequence[Table], names_column: NamesColumn, edges_before: Sequence[float] = ()
) -> list[Table]:
    """The borderless tables of a scanned page (its lines already :func:`visual_lines`), outside
    the ruled ``tables`` found on it, each cell filled from the OCR words inside it.  A header is
    found by the gaps between its words as read; the lines under it keep its gutters white by their
    words' cores (:func:`word_core`).  ``edges_before``: the inner column edges of a borderless
    table at the foot of the page before, which a header repeated here may be opened at."""
    lines = _body_lines(page, tables)
    if not lines:
        return []
    em = line_em(lines)
    found = find_borderless(page, lines, names_column, em, word_core(em))
    opened_any = False
    for table in found:
        opened = _split_header(lines, table, em, edges_before)
        if opened is not None:
            lines, opened_any = opened, True
    if opened_any:  # a header opened at a gutter: its table is found again with its columns
        found = find_borderless(page, lines, names_column, em, word_core(em))
    return [_filled(t, page) for t in _go_on_below(found, page, lines, em)]


def _joined(table: Table, rest: Table, goes_on: bool = False) -> Table:
    """One table: ``table``'s rows, then ``rest``'s, each cell with its own box; ``goes_on``:
    ``rest``'s first row is the rest of ``table``'s last (:func:`_row_goes_on`), whose cells
    reach down over it."""
    last = table.n_rows - 1
    first = {c.col: c.box for c in rest.cells if c.row == 0 and c.box is not None}
    shift = table.n_rows - 1 if goes_on else table.n_rows
    cells = [
        replace(c, box=c.box.union(first[c.col]))
        if goes_on and c.row == last and c.box is not None and c.col in first
        else c
        for c in table.cells
    ]
    cells += [replace(c, row=c.row + shift) for c in rest.cells if not (goes_on and c.row == 0)]
    box = BBox(min(table.box.x0, rest.box.x0), table.box.top, max(table.box.x1, rest.box.x1), rest.box.bottom)
    notes = [*table.quality.notes, "went on below a line that narrowed a gutter, in the table's columns"]
    return replace(
        table,
        box=box,
        n_rows=shift + rest.n_rows,
        cells=cells,
        quality=replace(table.quality, notes=notes),
    )


def _row_lines(table: Table, row: int, lines: Sequence[Line]) -> list[Line]:
    """The ``lines`` whose middle lies in ``table``'s ``row``."""
    boxes = [c.box for c in table.cells if c.row == row and c.box is not None]
    if not boxes:
        return []
    top, bottom = min(b.top for b in boxes), max(b.bottom for b in boxes)
    return [ln for ln in lines if top <= _middle(ln.box)[1] <= bottom]


def _row_goes_on(table: Table, rest: Table, lines: Sequence[Line]) -> bool:
    """Whether ``rest``'s first row (the table taken on below a line that narrowed a gutter) is the
    rest of ``table``'s last row: read together, its lines start no row where the rows of one
    table are told apart (:func:`extractors.pdf.borderless.row_starts`: the spacing, columns
    starting again).  The line that ended the table stood in the middle of a row as often as
    between two."""
    above, below = _row_lines(table, table.n_rows - 1, lines), _row_lines(rest, 0, lines)
    if not above or not below or table.n_rows < 2:
        return False
    starts = row_starts([*above, *below], _column_edges(table))
    return len(above) not in starts


#: A line of a table's rows fills at least this many of its columns ...
MIN_ROW_COLUMNS = 3


def forgiving_core(
    lines: Sequence[Line], edges: Sequence[float], em: float
) -> Callable[[Word], tuple[float, float]]:
    """:func:`word_core`, except for the one word of a line that crosses a column edge (its core
    reaching past ``edges`` on both sides) when every other word of the line keeps to a column and
    the line fills :data:`MIN_ROW_COLUMNS` columns or more: that word is taken at its middle.  OCR
    reads a short number with a speck or the next word as one word (``44,`` for ``4``): a row of
    the table, not prose, which crosses the gutters with many words.

    >>> def w(x0, x1):
    ...     return Word("ก", "ก", BBox(x0, 0, x1, 10))
    >>> row = Line("", "", BBox(0, 0, 300, 10), (w(0, 40), w(70, 130), w(210, 260)))
    >>> prose = Line("", "", BBox(0, 0, 300, 10), (w(0, 70), w(80, 160), w(170, 260)))
    >>> core = forgiving_core([row, prose], [50, 100, 200], 10.0)
    >>> core(row.words[1]), core(prose.words[1])
    ((100.0, 100.0), (90.0, 150.0))
    """
    plain = word_core(em)
    forgiven: set[int] = set()
    for line in lines:
        crossing = [w for w in line.words if any(plain(w)[0] < e - 1 and plain(w)[1] > e + 1 for e in edges)]
        columns = {sum(1 for e in edges if _middle(w.box)[0] >= e) for w in line.words}
        if len(crossing) == 1 and len(columns) >= MIN_ROW_COLUMNS:
            forgiven.add(id(crossing[0]))

    def core(word: Word) -> tuple[float, float]:
        if id(word) in forgiven:
            middle = _middle(word.box)[0]
            return middle, middle
        return plain(word)

    return core


def _go_on_below(found: Sequence[Table], page: PageText, lines: Sequence[Line], em: float) -> list[Table]:
    """``found`` with each table that a line ended before its rows did taken on below that line in
    its columns, as a table goes on over a page break (:func:`extractors.pdf.borderless.continuation`,
    columns parted at :func:`gutter_edges`).  A table's white gutters are what every line under its
    header leaves white: on a scan one OCR word box reaching a little past its ink, over columns set
    close, leaves a gutter narrower than a gutter must be, though each line's words keep to their
    columns, and the rest of the table was lost."""
    out: list[Table] = []
    tops = sorted(t.box.top for t in found)
    for table in found:
        while True:
            below = min((t for t in tops if t > table.box.top), default=page.height)
            rest_lines = [
                ln
                for ln in lines
                if ln.box.top >= table.box.bottom - 1
                and ln.box.bottom <= below + 1
                and ln.box.top < (1 - MARGIN_SHARE) * page.height
            ]
            if not rest_lines or table.n_rows < 2:
                break
            core = forgiving_core(rest_lines, gutter_edges(table, page, em), em)
            rest = continuation(_at_gutters(table, page), page, rest_lines, em, (), core)
            if rest is None:
                break
            joined = _joined(table, rest, _row_goes_on(table, rest, lines))
            if joined.box.bottom <= table.box.bottom + 1:  # nothing taken on below: no progress
                break
            table = joined
        out.append(table)
    return out


def scan_chart(page: PageText, tables: Sequence[Table]) -> list[Table]:
    """The label–value pairs among a scanned page's lines outside ``tables`` (a chart's bars, a
    list of scores set apart from their labels) as a table; none when fewer than three pair up."""
    lines = _body_lines(page, tables)
    pairs, how = chart_pairs(lines)
    if not pairs:
        return []
    table = pairs_table(pairs, page.number, how)
    table.quality.notes.insert(1, "labels and values paired by position on a scanned page")
    return [table]


def gutter_edges(table: Table, page: PageText, em: float) -> list[float]:
    """The inner column edges of the borderless ``table`` on the scanned ``page``, each in the
    middle of the white left between the cores (:func:`word_core`) of all the words of the two
    columns it parts, over the whole table.  A column's left edge is its leftmost word as far as
    the header and its first rows show it (a period column's ``ต.ค. ๖๖`` set further right than
    a longer period's ``๑ ต.ค. ...``): the next page's words would cross it though they keep to
    their column.  An edge whose columns' cores overlap stays where it was.

    >>> from schemas import TableQuality
    >>> def w(x0, x1, top):
    ...     return Word("ก", "ก", BBox(x0, top, x1, top + 10))
    >>> lines = [Line("", "", BBox(0, t, 300, t + 10), (w(10, 90, t), w(x, x + 60, t)))
    ...          for t, x in ((0, 160), (20, 130))]
    >>> cells = [Cell(r, c, "", "", BBox(x0, r * 20, x1, r * 20 + 20))
    ...          for r in (0, 1) for c, (x0, x1) in enumerate(((5, 155), (155, 230)))]
    >>> table = Table(1, 0, BBox(5, 0, 230, 40), 2, 2, cells, TableQuality("borderless", 1, 1, 1, []))
    >>> gutter_edges(table, PageText(1, 600, 800, PageKind.SCANNED, lines), 12.0)
    [110.0]
    """
    firsts = sorted((c for c in table.cells if c.row == 0 and c.box is not None), key=lambda c: c.col)
    edges = [c.box.x0 for c in firsts]  # type: ignore[union-attr]
    if len(edges) < 2:
        return edges[1:]
    core = word_core(em)
    ends: list[list[float]] = [[] for _ in edges]
    starts: list[list[float]] = [[] for _ in edges]
    for line in page.lines:
        for word in line.words:
            x, y = _middle(word.box)
            if not table.box.contains_point(x, y, 1.0):
                continue
            col = max(0, sum(1 for e in edges[1:] if x >= e))
            x0, x1 = core(word)
            starts[col].append(x0)
            ends[col].append(x1)
    out = []
    for k in range(1, len(edges)):
        lo, hi = max(ends[k - 1], default=None), min(starts[k], default=None)
        out.append(round((lo + hi) / 2, 2) if lo is not None and hi is not None and lo < hi else edges[k])
    return out


def _at_gutters(table: Table, page: PageText) -> Table:
    """``table`` with its first row's cells starting at :func:`gutter_edges` (what
    :func:`extractors.pdf.borderless.continuation` takes its columns from)."""
    edges = gutter_edges(table, page, line_em(page.lines))
    cells = [
        replace(c, box=BBox(edges[c.col - 1], c.box.top, c.box.x1, c.box.bottom))
        if c.row == 0 and c.col > 0 and c.box is not None and c.col - 1 < len(edges)
        else c
        for c in table.cells
    ]
    return replace(table, cells=cells)


_THAI_WORD = re.compile(r"[ก-ฮ][ก-๎]*[ก-ฮ]")


def _ends_at_foot(table: Table, page: PageText, running: frozenset[str]) -> bool:
    """Whether nothing but page furniture and scribbles stands below ``table`` on the scanned
    ``page`` (:func:`extractors.pdf.tables.ends_near_bottom`): a line holding no Thai word of two
    letters or more (a signature or a stamp's ring read as ``SWe``) is no text of the page's own,
    and does not end the table there.

    >>> from schemas import TableQuality
    >>> def ln(text, top):
    ...     box = BBox(100, top, 200, top + 12)
    ...     return Line(text, text, box, (Word(text, text, box),))
    >>> table = Table(1, 0, BBox(80, 100, 500, 700), 2, 3, [], TableQuality("borderless", 1, 1, 1))
    >>> page = PageText(1, 595, 842, PageKind.SCANNED, [ln("ก", 90), ln("SWe", 705)])
    >>> _ends_at_foot(table, page, frozenset())
    True
    >>> page.lines.append(ln("ลงชื่อ ผู้อำนวยการ", 730))
    >>> _ends_at_foot(table, page, frozenset())
    False
    """
    worded = [ln for ln in page.lines if _THAI_WORD.search(ln.text)]
    return ends_near_bottom(table, replace(page, lines=worded), running)


def continue_on_scans(tables: Sequence[Table], pages: Mapping[int, PageText]) -> list[Table]:
    """``tables`` with the rest of each borderless table that ends at the foot of a scanned page,
    read at the top of the next scanned page in its columns (one per page at most)."""
    out = list(tables)
    running = running_lines(pages)
    headers = {
        id(t): [c.text for c in sorted(t.cells, key=lambda c: c.col) if c.row == 0]
        for t in out
        if t.quality.strategy == "borderless"
    }
    for number in sorted(pages):
        page, before = pages[number], pages.get(number - 1)
        if page.kind is not PageKind.SCANNED or before is None or before.kind is not PageKind.SCANNED:
            continue
        previous = max((t for t in out if t.page == number - 1), key=lambda t: t.box.bottom, default=None)
        if previous is None or previous.quality.strategy != "borderless":
            continue
        if not _ends_at_foot(previous, before, running):
            continue
        own = [t for t in out if t.page == number]
        top = min((t.box.top for t in own), default=page.height)
        lines = [
            ln
            for ln in page.lines
            if ln.box.bottom <= top + 1
            and ln.text not in running
            and MARGIN_SHARE * page.height < ln.box.top < (1 - MARGIN_SHARE) * page.height
        ]
        if not lines:
            continue
        em = line_em(lines)
        columns = _at_gutters(previous, before)
        edges = [c.box.x0 for c in sorted(columns.cells, key=lambda c: c.col) if c.row == 0 and c.box][1:]
        core = forgiving_core(lines, edges, em)
        found = continuation(columns, page, lines, em, headers.get(id(previous), ()), core)
        if found is None:
            continue
        found = _filled(found, page)
        headers[id(found)] = headers.get(id(previous), [])
        out.append(found)
    return out


def _edges_going_on(tables: Sequence[Table], pages: Mapping[int, PageText], number: int) -> list[float]:
    """The inner column edges (:func:`gutter_edges`) of the borderless table at the foot of the
    scanned page before page ``number``; none when that page ends otherwise."""
    before = pages.get(number - 1)
    if before is None or before.kind is not PageKind.SCANNED:
        return []
    last = max((t for t in tables if t.page == number - 1), key=lambda t: t.box.bottom, default=None)
    if (
        last is None
        or last.quality.strategy != "borderless"
        or not _ends_at_foot(last, before, running_lines(pages))
    ):
        return []
    return gutter_edges(last, before, line_em(before.lines))


def _shifted(line: Line, dy: float) -> Line:
    def move(box: BBox) -> BBox:
        return BBox(box.x0, box.top + dy, box.x1, box.bottom + dy)

    return replace(line, box=move(line.box), words=tuple(replace(w, box=move(w.box)) for w in line.words))


#: A header's wrapped lines are short fragments (``รับผิด``, ``แนวทางการ``, at most
#: :data:`~extractors.pdf.borderless.FRAGMENT_CHARS` letters) without digits.
_DIGIT = re.compile(r"[0-9๐-๙]")


def header_alone(table: Table, names_column: NamesColumn) -> bool:
    """Whether the borderless ``table`` is a header with no row under it: found so
    (:func:`extractors.pdf.borderless.header_only`), or its first row names two columns or more
    and the rows under it, :data:`extractors.pdf.borderless.MIN_DATA_LINES` at most, are only
    short fragments without digits: the header's wrapped lines, read as rows because OCR lost a
    word of the line above (``ระยะ`` over ``เวลา``) and so a gutter the header would have had.

    >>> from schemas import TableQuality
    >>> head = ["มาตรการ/", "วิธีการดำเนินการ", "หน่วยงาน"]
    >>> names = lambda t: t in head
    >>> quality = TableQuality("borderless", 0.5, 1.0, 1.0)
    >>> def table(*rows):
    ...     cells = [Cell(r, c, t, t, None) for r, row in enumerate(rows) for c, t in enumerate(row)]
    ...     return Table(1, 0, BBox(0, 0, 1, 1), len(rows), 3, cells, quality)
    >>> header_alone(table(head, ["แนวทางการ", "", "รับผิด เวลา"]), names)
    True
    >>> header_alone(table(head, ["๑. มาตรการ", "๑. อบรม", "กองคลัง"]), names)
    False
    """
    if header_only(table):
        return True
    if table.quality.strategy != "borderless" or not 2 <= table.n_rows <= MIN_DATA_LINES + 1:
        return False
    grid = table.grid()
    if sum(1 for text in grid[0] if text and names_column(text)) < 2:
        return False
    return all(
        not _DIGIT.search(text) and all(len(w) <= FRAGMENT_CHARS for w in text.split())
        for row in grid[1:]
        for text in row
    )


def _header_begun_before(
    found: list[Table],
    tables: Sequence[Table],
    pages: Mapping[int, PageText],
    page: PageText,
    names_column: NamesColumn,
) -> list[Table]:
    """``found`` (the borderless tables of the scanned ``page``), its first table read again when
    its header began at the foot of the page before: a header alone there
    (:func:`extractors.pdf.borderless.header_only`) and, at the top of this page, the table whose
    header is only that header's last wrapped line (``ต้องปรับปรุง การปฏิบัติ ชอบ ผล``), which
    names too few columns: a column whose header word stayed on the page before has none (the
    period under ``ระยะเวลา``) and is read with its neighbour.  The header's lines from the page
    before are set just above this page's and the page's tables found again, so that the header's
    words on both pages and the rows under them give the columns.  Taken only when it gives the
    table more columns; the header cells then hold the words of both pages (a note says so), the
    rows' cells this page's words, where they stand."""
    before = pages.get(page.number - 1)
    if before is None or before.kind is not PageKind.SCANNED:
        return found
    head = max((t for t in tables if t.page == before.number), key=lambda t: t.box.bottom, default=None)
    if head is None or not header_alone(head, names_column):
        return found
    running = running_lines(pages)
    body = [ln for ln in page.lines if ln.text not in running and ln.box.top > MARGIN_SHARE * page.height]
    header_lines = [ln for ln in before.lines if head.box.contains_point(*_middle(ln.box), 1.0)]
    if not body or not header_lines:
        return found
    top_line = min(body, key=lambda ln: ln.box.top)
    first = min(found, key=lambda t: t.box.top, default=None)
    if first is not None and first.box.top > top_line.box.bottom:
        return found  # the page starts with lines of its own: the header's rows are not at its top
    gap = line_em(page.lines) * 0.5
    dy = top_line.box.top - gap - max(ln.box.bottom for ln in header_lines)
    moved = [_shifted(ln, dy) for ln in header_lines]
    # the page's running header and page number left out: set above the page's first line, the
    # header's lines would stand beside them, and a running header crosses the gutters
    joined = replace(page, lines=sorted([*moved, *body], key=lambda ln: (round(ln.box.top), ln.box.x0)))
    again = scan_borderless(joined, [t for t in tables if t.page == page.number], names_column)
    top = min(ln.box.top for ln in moved)
    table = next((t for t in again if abs(t.box.top - top) < gap), None)
    if table is None or (first is not None and table.n_cols <= first.n_cols):
        return found
    note = f"header begun at the foot of page {before.number}: its lines set above this page's"
    table = replace(table, quality=replace(table.quality, notes=[*table.quality.notes, note]))
    return [table, *(t for t in found if t is not first and t.box.top >= table.box.bottom - 1)]


def scanned_layout(
    pages: Mapping[int, PageText], tables: Sequence[Table], names_column: NamesColumn
) -> list[Table]:
    """Every scanned page's lines regrouped into visual lines (in place), and ``tables`` with the
    borderless tables of those pages and their continuations added."""
    out = list(tables)
    for page in pages.values():
        if page.kind is not PageKind.SCANNED or not page.lines:
            continue
        page.lines = visual_lines(page.lines)
        page.lines = split_bridging_words(page.lines, line_em(page.lines), names_column)
        found = scan_borderless(page, out, names_column, _edges_going_on(out, pages, page.number))
        out += _header_begun_before(found, out, pages, page, names_column)
        out += scan_chart(page, out)
    return continue_on_scans(opened_by_next_page(out, pages, names_column), pages)


#: The strategies of the tables :func:`scanned_layout` finds on a scanned page itself.
_FOUND_HERE = frozenset({"borderless", "picture"})


def opened_by_next_page(
    tables: Sequence[Table], pages: Mapping[int, PageText], names_column: NamesColumn
) -> list[Table]:
    """``tables`` with each borderless table at the foot of a scanned page found again with its
    header opened at the columns of the borderless table at the top of the next scanned page
    (:func:`gutter_edges`), when that table has more columns: a table whose header OCR read with
    two cells too close for a gutter (``มาตรการ/`` ``วิธีการดำเนินการ`` 8 pt apart at 150 dpi) and
    with one row under it at the page's foot has too few lines to show the gutter itself
    (:func:`_split_header`), but its rows go on under the same printed columns on the next page.
    Taken only when the table found again has the next one's columns, or, when the next one has
    as many columns as this one (its own header lost another column: ``ที่`` read at 150 dpi as
    nothing, over a column with no number on that page), one column more."""
    out = list(tables)
    running = running_lines(pages)
    for page in pages.values():
        after = pages.get(page.number + 1)
        if page.kind is not PageKind.SCANNED or after is None or after.kind is not PageKind.SCANNED:
            continue
        last = max((t for t in out if t.page == page.number), key=lambda t: t.box.bottom, default=None)
        first = min((t for t in out if t.page == after.number), key=lambda t: t.box.top, default=None)
        if last is None or first is None or first.n_cols < last.n_cols:
            continue
        if last.quality.strategy != "borderless" or first.quality.strategy != "borderless":
            continue
        if not _ends_at_foot(last, page, running):
            continue
        # the page read again as it was first read: before its chart's labels were paired up
        # (:func:`scan_chart`), whose lines, left out, would leave the page's em the titles'
        others = [t for t in out if t.page == page.number and t.quality.strategy not in _FOUND_HERE]
        edges = gutter_edges(first, after, line_em(after.lines))
        again = scan_borderless(page, others, names_column, edges)
        em = line_em(page.lines)
        table = next((t for t in again if abs(t.box.top - last.box.top) < em), None)
        # as many columns as the next page's table has, or, when it has as many as this one, one
        # more: its header lost one (``ที่`` over a column of numbers) and its edges opened ours
        if table is not None and table.n_cols == max(first.n_cols, last.n_cols + 1):
            note = f"header opened at the columns of the table going on on page {after.number}"
            table = replace(table, quality=replace(table.quality, notes=[*table.quality.notes, note]))
            out = [table if t is last else t for t in out]
    return out

"""Values of a bar chart that the page's layout analysis never read, found in the ink over their bar.

Tesseract's page layout analysis leaves out a short number standing alone: the value over the
tallest bar of a chart, a line's height above the others (``95.54`` over bar 10, at 200 dpi and
at 150), is no text line to it, so it is not misread but missing, and nothing downstream can
settle a value that was never read.  The chart itself says where it must be: the axis under the
bars counts up (``1 2 … 10``), and the values read stand over all of its places but one.  The ink
over that place, as tall and as wide as a value, near the values' band, is read on its own with
digits only (as a misread value is); the reading is kept when it is a score in the format of the
chart's other values, with its confidence and a doubt that says it was read so.

Only the geometry is here (:func:`empty_places`, :func:`lost_ink`): pure functions on lines in page
points and on a binary image; :func:`recover_lost_values` joins them for a page reader.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import reduce

import numpy as np
import numpy.typing as npt

from extractors.ocr.chart import (
    CHART_REACH,
    MIN_PAIRS,
    Axis,
    bar_slots,
    chart_axis,
    decimals,
    is_score,
    restore_points,
    usual_decimals,
    without_edges,
)
from extractors.ocr.number_text import decimal_point, whole_number
from extractors.thai.text import arabic_digits_to_thai, thai_digits_to_arabic
from schemas import DOUBT_CONFIDENCE, BBox, Line, OcrDoubt, Word

#: At least this share of the axis places must hold a value read: a chart with values over its
#: bars, not a list of numbers that happens to lie above a numbered axis.
MIN_PLACED_SHARE = 0.5
#: The ink of a lost value is looked for up to this many value heights above the values' band
#: (a taller bar lifts its value) and down to the axis.
ABOVE_BAND = 4.0
#: ... in a column this many value widths wide, centred on the place.
COLUMN_WIDTHS = 1.4
#: A piece of ink is a character of a value when it is no taller than this many value heights
#: and no wider than the value (a bar, a ruling, a gridline is not).
PIECE_HEIGHT = 1.6
#: A group of pieces is a value when it is at least this share of a value's height and width.
MIN_GROUP_SHARE = 0.4

_NUMBER = re.compile(r"[0-9๐-๙.,]+")
#: A word OCR may have read on purpose: three letters or more, or a score (specks are shorter).
_READABLE = re.compile(r"[ก-๎A-Za-z]{3,}|[0-9๐-๙]+[.,][0-9๐-๙]+")

#: What is no digit at either end of a reading (a speck of a bar's edge: ``64.59-``).
_END_SPECKS = re.compile(r"^[^0-9๐-๙]+|[^0-9๐-๙]+$")

LOST_DOUBT = "a chart's value the page's layout analysis did not read, read from the ink over its place"

Reader = Callable[[BBox], tuple[str, float | None]]


def placed_values(lines: Sequence[Line], axis: Axis, pointed: bool = False) -> dict[int, Word]:
    """The scores read above the axis (``pointed``: only those printed with a decimal point),
    each by the place it stands over (:meth:`~extractors.ocr.chart.Axis.place`; the first read
    there)."""
    taken: dict[int, Word] = {}
    for line in lines:
        if line.box.bottom > axis.line.box.top:
            continue
        for word in line.words:
            value = decimal_point(word.text)
            if not is_score(value) or (pointed and decimals(value) == 0):
                continue
            place = axis.place(word.box)
            if place is not None:
                taken.setdefault(place, word)
    return taken


def empty_places(lines: Sequence[Line], axis: Axis) -> tuple[list[float], list[Word]] | None:
    """The x-centres (page points) of the ``axis`` places that no value read stands over, and the
    values that do stand over theirs; None when too few values stand over it, or every place is
    filled.

    >>> def w(t, x, y, width=4): return Word(t, t, BBox(x, y, x + width, y + 6), 0.9)
    >>> axis = Line("", "", BBox(0, 80, 200, 86), tuple(w(str(i), 20 * i, 80) for i in range(1, 6)))
    >>> row = tuple(w(f"8{i}.10", 20 * i - 6, 40, 16) for i in (1, 2, 4, 5))
    >>> vals = Line("", "", BBox(0, 40, 200, 46), row)
    >>> empty, placed = empty_places([vals, axis], chart_axis([vals, axis]))
    >>> empty, [v.text for v in placed]
    ([62.0], ['81.10', '82.10', '84.10', '85.10'])
    """
    taken = placed_values(lines, axis)
    if len(taken) < MIN_PLACED_SHARE * len(axis.centres) or len(taken) == len(axis.centres):
        return None
    empty = [c for i, c in enumerate(axis.centres) if i not in taken]
    return empty, [taken[i] for i in sorted(taken)]


def empty_slots(lines: Sequence[Line]) -> tuple[list[float], list[Word]] | None:
    """For a chart whose axis OCR did not read either: the x-centres (page points) of the places
    between its values that no value read stands over, and the values that do, from the values
    alone: they stand at one pitch (:func:`~extractors.ocr.chart.bar_slots`), so a place a whole
    number of pitches from the others that holds none is a bar whose value was lost.  Only places
    between the first and the last value read (past them, nothing says how many bars there are);
    None when there are none, fewer than :data:`~extractors.ocr.chart.MIN_PAIRS` values, or
    fewer than :data:`MIN_PLACED_SHARE` of the places from the first to the last hold one.

    >>> def w(t, x, y=40, width=16): return Word(t, t, BBox(x, y, x + width, y + 6), 0.9)
    >>> row = Line("", "", BBox(0, 40, 200, 46), tuple(w(f"8{i}.10", 20 * i - 6) for i in (1, 2, 4, 5)))
    >>> empty, placed = empty_slots([row])
    >>> empty, [v.text for v in placed]
    ([62.0], ['81.10', '82.10', '84.10', '85.10'])
    >>> empty_slots([Line("", "", BBox(0, 40, 200, 46), row.words[:2])]) is None
    True
    """
    fixed, lost = restore_points(without_edges(lines))
    slots = bar_slots(fixed, lost)
    if not slots:
        return None
    scored = {p: v for p, v in slots.items() if is_score(decimal_point(v.text))}
    if len(scored) < MIN_PAIRS:
        return None
    (p0, w0), (p1, w1) = min(scored.items()), max(scored.items())
    pitch = ((w1.box.x0 + w1.box.x1) / 2 - (w0.box.x0 + w0.box.x1) / 2) / (p1 - p0)
    empty = [(w0.box.x0 + w0.box.x1) / 2 + (p - p0) * pitch for p in range(p0, p1 + 1) if p not in slots]
    if not empty or len(slots) < MIN_PLACED_SHARE * (p1 - p0 + 1):
        return None
    return empty, [scored[p] for p in sorted(scored)]


def _unread(box: BBox, lines: Sequence[Line]) -> bool:
    """No word of the lines overlaps ``box``: ink OCR never read (not a word it misread)."""
    return not any(
        w.box.x0 < box.x1 and box.x0 < w.box.x1 and w.box.top < box.bottom and box.top < w.box.bottom
        for line in lines
        for w in line.words
    )


def lost_ink(
    binary: npt.NDArray[np.uint8], column: tuple[int, int, int, int], height: float, width: float, band: float
) -> tuple[int, int, int, int] | None:
    """The box (pixels) of the value-sized ink in ``column`` (``x0, y0, x1, y1`` of the binary
    image, ink 255) nearest the values' band (``band``: the pixel row of their centres): pieces
    of ink no taller than :data:`PIECE_HEIGHT` values and no wider than one, grouped where their
    rows overlap, a group kept when it is at least :data:`MIN_GROUP_SHARE` of a value's height and
    width.  None when the column holds no such ink.

    >>> page = np.zeros((120, 60), np.uint8)
    >>> page[20:30, 10:14] = 255; page[20:30, 18:22] = 255; page[28:30, 25:27] = 255  # "8 8 ."
    >>> page[60:120, 5:55] = 255                                                    # the bar
    >>> lost_ink(page, (0, 0, 60, 120), 10, 30, 40)
    (10, 20, 27, 30)
    >>> lost_ink(np.zeros((120, 60), np.uint8), (0, 0, 60, 120), 10, 30, 40) is None
    True
    """
    import cv2

    x0, y0, x1, y1 = column
    crop = np.ascontiguousarray(binary[y0:y1, x0:x1])
    if not crop.any():
        return None
    count, _labels, stats, _c = cv2.connectedComponentsWithStats(crop, connectivity=8)
    pieces = [
        (int(s[0]), int(s[1]), int(s[0] + s[2]), int(s[1] + s[3]))
        for s in stats[1:count]
        if s[3] <= PIECE_HEIGHT * height and s[2] <= width
    ]
    groups: list[list[int]] = []
    for x, y, xe, ye in sorted(pieces, key=lambda p: p[1]):
        last = groups[-1] if groups else None
        if last is not None and y < last[3]:  # rows overlap: one line of characters
            last[0], last[2], last[3] = min(last[0], x), max(last[2], xe), max(last[3], ye)
        else:
            groups.append([x, y, xe, ye])
    low_h, low_w = MIN_GROUP_SHARE * height, MIN_GROUP_SHARE * width
    kept = [g for g in groups if g[3] - g[1] >= low_h and g[2] - g[0] >= low_w]
    if not kept:
        return None
    best = min(kept, key=lambda g: abs((g[1] + g[3]) / 2 + y0 - band))
    return best[0] + x0, best[1] + y0, best[2] + x0, best[3] + y0


#: A value's column is this share of the places' pitch wide, centred on its place.
PLACE_COLUMN = 0.9
#: The values read place by place replace the chart's row only when at least this share of the
#: places gives one.
MIN_READ_SHARE = 0.5

BAND_DOUBT = "a chart's value read again from the grey image enlarged, place by place over the axis"


def _place_value(text: str, digits_read: bool) -> str | None:
    """A reading of one place as a chart's value: a score with its point, or, where the page's
    reading there was digits too (``digits_read``), four digits whose point was lost (a score of
    two decimals, the chart's usual print); else None.  (Four digits where the page read words are
    no value: a title's year.)

    A speck of the bar's edge read at either end (``64.59-``) is no part of it.

    >>> _place_value("83.72", False), _place_value("7691", True), _place_value("2566", False)
    ('83.72', '76.91', None)
    >>> _place_value("64.59-", False), _place_value("|7691", True)
    ('64.59', '76.91')
    """
    value = decimal_point(_END_SPECKS.sub("", text.strip()))
    if is_score(value) and decimals(value) > 0:
        return value
    digits = thai_digits_to_arabic(value)
    if digits_read and len(digits) == 4 and digits.isdigit() and is_score(f"{value[:2]}.{value[2:]}"):
        return f"{value[:2]}.{value[2:]}"
    return None


def read_by_places(lines: list[Line], axis: Axis, read: Reader) -> tuple[list[Line], list[OcrDoubt]]:
    """``lines`` with a chart's row of values read again place by place, when OCR made junk of
    it (a photograph's small grey print: ``wore ete น0 ๓19ตู้``, ``8596``): over each place of the
    ``axis``, each line above it within :data:`CHART_REACH` pitches with a
    word in the place's column is read there by ``read`` (the grey image enlarged), and the
    surest reading that is a value (:func:`_place_value`) is the place's.  When at least
    :data:`MIN_READ_SHARE` of the places give one, the words in those columns of the lines read so
    give way to one line of the values, each with a doubt; else ``lines`` are left as they were.

    >>> def w(t, x, y, width=4): return Word(t, t, BBox(x, y, x + width, y + 6), 0.9)
    >>> axis = Line("1 2 3 4", "", BBox(0, 80, 200, 86), tuple(w(str(i), 20 * i, 80) for i in range(1, 5)))
    >>> junk = Line("", "", BBox(10, 40, 90, 46), (w("wore", 12, 40, 30), w("น0", 52, 40, 30)))
    >>> got = {22: "83.72", 42: "7691", 62: "", 82: "80.19"}
    >>> reread = lambda b: (got[round((b.x0 + b.x1) / 2)], 0.9)
    >>> out, doubts = read_by_places([junk, axis], chart_axis([axis]), reread)
    >>> [ln.text for ln in out], len(doubts)
    (['83.72 76.91 80.19', '1 2 3 4'], 3)
    """
    centres, pitch, axis_box = axis.centres, axis.pitch, axis.line.box
    reach = axis_box.top - CHART_REACH * pitch
    left, right = axis_box.x0 - pitch, axis_box.x1 + pitch
    above = [
        ln
        for ln in lines
        if reach <= ln.box.top and ln.box.bottom <= axis_box.top and left <= ln.box.x0 and ln.box.x1 <= right
    ]
    half = PLACE_COLUMN * pitch / 2
    readings: list[tuple[int, int, BBox, str, float | None, bool]] = []
    for place, centre in enumerate(centres):
        for index, line in enumerate(above):
            there = [w for w in line.words if w.box.x1 >= centre - half and w.box.x0 <= centre + half]
            if there:
                box = BBox(centre - half, line.box.top, centre + half, line.box.bottom)
                text, conf = read(box)
                digits = all(_NUMBER.fullmatch(w.text.strip()) for w in there)
                if digits and len(there) == 1 and _place_value(text, True) is None:
                    text, conf = there[0].text, there[0].confidence  # the page's own digits stand
                readings.append((place, index, box, text, conf, digits))
    # a line that gave a value with its point is a row of values: its four digits lost theirs,
    # and its places OCR read nothing at are read too (small grey print is often no word to it)
    rows = {index for _p, index, _b, text, _c, _d in readings if _place_value(text, False) is not None}
    for index in sorted(rows):
        line = above[index]
        read_at = {place for place, i, *_rest in readings if i == index}
        for place, centre in enumerate(centres):
            if place not in read_at:
                box = BBox(centre - half, line.box.top, centre + half, line.box.bottom)
                text, conf = read(box)
                readings.append((place, index, box, text, conf, False))
    found = [(r, _place_value(r[3], r[5] or r[1] in rows)) for r in readings]
    # one number format for the chart's values: a reading with other decimals (``๑.๑`` among
    # ``xx.xx``: specks of a bar read as digits) is none of them
    usual = usual_decimals([v for _r, v in found if v is not None])
    chosen: dict[int, tuple[Word, int]] = {}
    for (place, index, box, text, conf, _digits), value in found:
        if value is None or (usual is not None and decimals(value) != usual):
            continue
        # the line nearest the axis: the value stands over its bar, a title's year above it
        if place not in chosen or above[index].box.bottom > above[chosen[place][1]].box.bottom:
            chosen[place] = (Word(value, text, box, conf), index)
    if len(chosen) < MIN_READ_SHARE * len(centres):
        return lines, []
    values = [chosen[p][0] for p in sorted(chosen)]
    read_from = {id(above[chosen[p][1]]) for p in chosen}
    taken = [centres[p] for p in chosen]

    def in_a_column(word: Word) -> bool:
        return any(word.box.x1 >= c - half and word.box.x0 <= c + half for c in taken)

    # what OCR read between the values and the axis, on the bars, is specks of them when it is
    # no word and gives no value (``be 4``): as a label it would join the label under its bar
    lowest = max(above[chosen[p][1]].box.bottom for p in chosen)
    axis_top = axis_box.top

    def on_the_bars(line: Line) -> bool:
        return (
            lowest <= line.box.top
            and line.box.bottom <= axis_top
            and not any(_READABLE.search(w.text) for w in line.words)
        )

    out: list[Line] = []
    for line in lines:
        if on_the_bars(line):
            continue
        if id(line) in read_from:
            kept = tuple(w for w in line.words if not in_a_column(w))
            if kept:
                out.append(
                    Line(" ".join(w.text for w in kept), line.raw, line.box, kept, confidence=line.confidence)
                )
            continue
        out.append(line)
    box = reduce(BBox.union, (v.box for v in values))
    confs = [v.confidence for v in values if v.confidence is not None]
    row = Line(
        " ".join(v.text for v in values),
        " ".join(v.raw for v in values),
        box,
        tuple(values),
        confidence=min(confs) if confs else None,
    )
    doubts = [OcrDoubt(v.text, v.raw, v.box, BAND_DOUBT) for v in values]
    return sorted([*out, row], key=lambda ln: (ln.box.top, ln.box.x0)), doubts


def _in_format(text: str, usual: int | None) -> str | None:
    """A reading of a lost value's ink as a score printed with the chart's decimals (``usual``,
    any when unknown), else None.

    >>> _in_format("78.66", 2), _in_format("7866", 2), _in_format("78.6", 2), _in_format("78.6", None)
    ('78.66', None, None, '78.6')
    """
    value = decimal_point(text.strip())
    if not is_score(value) or (usual is not None and decimals(value) != usual):
        return None
    return value


def _point_lost(text: str, usual: int | None) -> bool:
    """The chart's format's digits with no point (``7866`` among ``xx.xx``): a value whose point,
    a speck, the binary image lost.

    >>> _point_lost("7866", 2), _point_lost("786", 2), _point_lost("7866", None), _point_lost("2.2", 2)
    (True, False, False, False)
    """
    digits = thai_digits_to_arabic(decimal_point(text.strip()))
    return bool(usual) and digits.isdigit() and len(digits) == 2 + (usual or 0)


def recover_lost_values(
    lines: list[Line],
    binary: npt.NDArray[np.uint8],
    dpi: int,
    read: Reader,
    enlarged: Reader | None = None,
    by_places: bool = True,
) -> tuple[list[Line], list[OcrDoubt]]:
    """``lines`` with a line for each value of a chart found by its empty place
    (:func:`empty_places`; with no axis read, :func:`empty_slots`, and only ink no word covers;
    :func:`lost_ink`) and read by ``read`` (a box in page points → text and
    confidence 0..1) as a score with the decimals of the chart's other values (read again with
    ``enlarged`` when it gives their digits without the point, :func:`_point_lost`: the same digits
    twice are kept as read, for the point to be put back, doubted); each with a doubt.
    ``binary``: the page image the lines were read from (ink 255), at ``dpi``.  A chart whose
    values OCR mostly did not read as values is read place by place with ``enlarged``
    (:func:`read_by_places`); a place that gives no value so (a value lower than the row OCR
    read, over a shorter bar, in no line at all) is then looked for by its empty place."""
    axis = chart_axis(lines)
    found = empty_places(lines, axis) if axis is not None else empty_slots(lines)
    if found is None:
        if axis is None:
            return lines, []
        # most places hold no value with its point: OCR made junk of the chart's row
        pointed = placed_values(lines, axis, pointed=True)
        if by_places and enlarged is not None and len(pointed) < MIN_PLACED_SHARE * len(axis.centres):
            by_place, read_so = read_by_places(lines, axis, enlarged)
            if not read_so:
                return lines, []
            more, lost = recover_lost_values(by_place, binary, dpi, read, enlarged, by_places=False)
            return more, [*read_so, *lost]
        return lines, []
    empty, placed = found
    usual = usual_decimals(placed)
    s = dpi / 72
    # a last place whose number OCR lost with its value (``10`` under the last bar): its ink on the
    # axis's row says the axis goes on; it is looked for as an empty place, its number only added
    # with a value found over it
    beyond = _lost_last_place(binary, axis, s) if axis is not None else None
    if beyond is not None:
        empty = [*empty, beyond[0]]
    height = statistics.median(v.box.height for v in placed) * s
    width = statistics.median(v.box.width for v in placed) * s
    band = statistics.median((v.box.top + v.box.bottom) / 2 for v in placed) * s
    top = min(v.box.top for v in placed) * s - ABOVE_BAND * height
    # down to the axis; with none read, as far below the values' band as above it (a shorter bar)
    below = max(v.box.bottom for v in placed) * s + ABOVE_BAND * height
    bottom = axis.line.box.top * s if axis is not None else below
    h, w = binary.shape
    added: list[Line] = []
    doubts: list[OcrDoubt] = []
    for centre in empty:
        half = COLUMN_WIDTHS * width / 2
        left, right = max(int(centre * s - half), 0), min(int(centre * s + half), w)
        column = (left, max(int(top), 0), right, min(int(bottom), h))
        if column[2] - column[0] < 4 or column[3] - column[1] < 4:
            continue
        ink = lost_ink(binary, column, height, width, band)
        if ink is None:
            continue
        box = BBox(ink[0] / s, ink[1] / s, ink[2] / s, ink[3] / s)
        if axis is None and not _unread(box, lines):
            continue  # without an axis, only ink OCR never read: a word misread there is no lost bar
        text, conf = read(box)
        value = _in_format(text, usual)
        if value is None and enlarged is not None and _point_lost(text, usual):
            # its digits without the point: the grey image enlarged keeps a point the binary lost;
            # the same digits again are the value as read, its point lost (the table reader puts it
            # back, doubted: :func:`~extractors.ocr.chart.restore_points` marks it)
            first = thai_digits_to_arabic(decimal_point(text.strip()))
            text, conf = enlarged(box)
            value = _in_format(text, usual)
            if value is None and thai_digits_to_arabic(decimal_point(text.strip())) == first:
                value = text.strip()
        if value is None:
            continue
        word = Word(value, text, box, conf)
        added.append(Line(value, text, box, (word,), confidence=conf))
        doubts.append(OcrDoubt(value, "", box, LOST_DOUBT))
        if beyond is not None and axis is not None and centre == beyond[0]:
            label = beyond[1]
            grown = replace(axis.line, words=(*axis.line.words, label), text=f"{axis.line.text} {label.text}")
            lines = [grown if ln is axis.line else ln for ln in lines]
            doubts.append(OcrDoubt(label.text, "", label.box, LOST_LABEL_DOUBT))
    if not added:
        return lines, []
    return sorted([*lines, *added], key=lambda ln: (ln.box.top, ln.box.x0)), doubts


LOST_LABEL_DOUBT = "a chart axis's last number OCR did not read, numbered by its place: ink stands there"


def _lost_last_place(binary: npt.NDArray[np.uint8], axis: Axis, scale: float) -> tuple[float, Word] | None:
    """The place one pitch after the ``axis``'s last (its x-centre, page points) and the number it
    would bear, when ink as tall as the axis's numbers and up to two digits wide stands there on
    the axis's row (:func:`lost_ink`) and no word of the axis's line covers it: a number OCR did
    not read (``10`` at a photo's darker edge).  None otherwise, or when the axis is not numbered
    from its line's words."""
    last = whole_number(axis.labels[-1].text) if axis.labels else None
    if last is None:
        return None
    centre = axis.centres[-1] + axis.pitch
    if any(w.box.x1 >= centre - axis.pitch / 2 for w in axis.line.words if w.box.x0 > axis.centres[-1]):
        return None  # a word there: read, not lost
    height = statistics.median(w.box.height for w in axis.labels) * scale
    digit = statistics.median(w.box.width for w in axis.labels) * scale
    top, bottom = axis.line.box.top * scale, axis.line.box.bottom * scale
    half = PLACE_COLUMN * axis.pitch * scale / 2
    rows, cols = binary.shape
    column = (
        max(int(centre * scale - half), 0),
        max(int(top - height / 2), 0),
        min(int(centre * scale + half), cols),
        min(int(bottom + height / 2), rows),
    )
    if column[2] - column[0] < 4 or column[3] - column[1] < 4:
        return None
    ink = lost_ink(binary, column, height, 2.5 * digit, (top + bottom) / 2)
    if ink is None or (ink[3] - ink[1]) > PIECE_HEIGHT * height:
        return None
    number = str(last + 1)
    if re.search(r"[๐-๙]", axis.labels[-1].text):
        number = arabic_digits_to_thai(number)
    box = BBox(ink[0] / scale, ink[1] / scale, ink[2] / scale, ink[3] / scale)
    return centre, Word(number, "", box, DOUBT_CONFIDENCE)

"""Labels and values of a picture paired by position: the bars of a chart, the rows of a
borderless table in a screenshot.

The OCR lines of a picture are cut into *segments* where a gap wider than a few line heights
separates their words (a bar, erased before OCR, or a column gap).  A segment that is one score
(``92.41``, ``๙๒.๔๑``, ``100``) is a value; the others are label text.  Then:

* **rows** (horizontal bars, table rows): a value and the label segments left of it in the same row
  band (they overlap vertically by half the lower one's height) are one pair;
* **columns** (vertical bars): with fewer than :data:`MIN_PAIRS` rows, each value is paired with the
  label words below it within half a bar's pitch of its centre (label under the bar, value on
  top of it); a label wrapped under its bar is joined as a wrapped cell is.

Of the pairs found, those whose labels line up (left or right edges within a line height of the
others') are kept: a caption or a badge elsewhere in the picture (``คะแนน 87.45 ระดับ A``) is not
a bar.  Everything here works on :class:`~schemas.Line` records in page points; it knows nothing
of ITA: the pairs become a two-column table (label, value) for whatever reads tables.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from extractors.ocr.number_text import counting_run, decimal_point
from extractors.ocr.text import clean_ocr_text
from extractors.thai.text import arabic_digits_to_thai, join_wrapped_lines, thai_digits_to_arabic
from schemas import DOUBT_CONFIDENCE, BBox, Cell, Line, OcrDoubt, Table, TableQuality, Word

#: Words further apart than this many line heights belong to different segments.
SEGMENT_GAP = 1.5
#: Fewer pairs than this is not a chart or a table of scores.
MIN_PAIRS = 3
#: Header texts of the table a chart becomes (so a table reader knows its columns).
LABEL_HEADER = "ตัวชี้วัด"
VALUE_HEADER = "คะแนน"

_SCORE = re.compile(r"[0-9๐-๙]{1,3}[.,][0-9๐-๙]{1,2}|100|๑๐๐")
_THAI_OR_LATIN = re.compile(r"[ก-ฮA-Za-z]")
#: A bar may be labelled by its number alone (``1`` … ``10`` under the bars, names in a legend).
_LABEL_NUMBER = re.compile(r"[0-9๐-๙]{1,2}")
#: A label under a bar is at most this many bar pitches wide, and its centre at most this share
#: of a pitch from the bar's value's centre.
LABEL_WIDTH = 1.2
LABEL_CENTRING = 0.25
#: Under a bar, the label's lines follow each other closer than this share of a line's height;
#: a wider gap ends the label (a legend below the chart is not part of it).
LABEL_LINE_GAP = 0.8


def _is_label(text: str) -> bool:
    return bool(_THAI_OR_LATIN.search(text) or _LABEL_NUMBER.fullmatch(text.strip()))


@dataclass(frozen=True)
class Segment:
    """Words of one OCR line with no wide gap between them."""

    text: str
    raw: str
    box: BBox
    confidence: float | None
    line: int  #: index of the line it came from
    #: A score whose decimal point OCR lost (``5463`` among ``xx.xx``, :func:`restore_points`): a value
    #: by its place, its text kept as read, for the table reader to put the point back with a doubt.
    point_lost: bool = False

    @property
    def is_value(self) -> bool:
        return self.point_lost or is_score(self.text)


@dataclass(frozen=True)
class Pair:
    label: Segment  #: the label's segments joined (its box covers them all)
    value: Segment
    label_lefts: tuple[float, ...] = ()  #: the left edge of each of the label's segments
    #: Further values in the same row band, left to right (a screenshot with two years' scores):
    #: they become further columns, and which one is the score is the table reader's to decide.
    more: tuple[Segment, ...] = ()
    #: The right edge of each of the label's segments (labels set flush right against their bars).
    label_rights: tuple[float, ...] = ()


def is_score(text: str) -> bool:
    """One score, nothing else (a trailing ``%`` allowed), in 0..100.

    >>> is_score("92.41"), is_score("๙๒.๔๑"), is_score("100"), is_score("2566"), is_score("ปี 92.41")
    (True, True, True, False, False)
    """
    text = text.strip().rstrip("%").strip()
    if not _SCORE.fullmatch(text):
        return False
    digits = thai_digits_to_arabic(text).replace(",", ".")
    return 0.0 <= float(digits) <= 100.0


def segments(lines: Sequence[Line], lost: frozenset[int] = frozenset()) -> list[Segment]:
    """Each line cut at gaps wider than :data:`SEGMENT_GAP` line heights; a number whose point was
    lost (its word's ``id`` in ``lost``) after specks of a bar's edge (``1 0 > 5463``: no letters)
    is a segment of its own."""
    out: list[Segment] = []
    for index, line in enumerate(lines):
        if not line.words:
            continue
        gap = SEGMENT_GAP * max(line.box.height, 1.0)
        group: list[Word] = [line.words[0]]
        for word in line.words[1:]:
            if word.box.x0 - group[-1].box.x1 > gap:
                out += _split_lost(group, index, lost)
                group = []
            group.append(word)
        out += _split_lost(group, index, lost)
    return [s for s in out if s.text]


def _split_lost(group: list[Word], line: int, lost: frozenset[int]) -> list[Segment]:
    last = group[-1]
    specks = group[:-1]
    if specks and is_score(decimal_point(last.text)) and all(_speck(w.text) for w in specks):
        # a bar's end read as specks before its value (``]] 76.30``): the value stands apart
        return [_segment(specks, line), _word_segment(last, line)]
    if id(last) not in lost:
        return [_segment(group, line)]
    if any(_THAI_OR_LATIN.search(w.text) for w in specks):
        return [_segment(group, line)]
    value = replace(_word_segment(last, line), point_lost=True)
    return [*([_segment(specks, line)] if specks else []), value]


def _segment(words: Sequence[Word], line: int) -> Segment:
    box = words[0].box
    for w in words[1:]:
        box = box.union(w.box)
    text, _notes = clean_ocr_text(" ".join(w.text for w in words))
    confs = [w.confidence for w in words if w.confidence is not None]
    raw = " ".join(w.raw for w in words)
    return Segment(decimal_point(text), raw, box, min(confs) if confs else None, line)


def _same_band(a: BBox, b: BBox) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap >= 0.5 * min(a.height, b.height)


def _joined(parts: Sequence[Segment]) -> Segment:
    box = parts[0].box
    for p in parts[1:]:
        box = box.union(p.box)
    confs = [p.confidence for p in parts if p.confidence is not None]
    text, _notes = clean_ocr_text(" ".join(p.text for p in parts))
    return Segment(text, "\n".join(p.raw for p in parts), box, min(confs) if confs else None, parts[0].line)


def row_pairs(segs: Sequence[Segment]) -> list[Pair]:
    """Each row band's first value with the label segments left of it; the band's further values
    to its right go with it (``more``), not with the label again."""
    rows: list[tuple[Pair, list[Segment]]] = []
    labels = [s for s in segs if not s.is_value]
    for value in sorted((s for s in segs if s.is_value), key=lambda s: s.box.x0):
        row = next(
            (r for r in rows if _same_band(r[0].value.box, value.box) and value.box.x0 >= r[0].value.box.x1),
            None,
        )
        if row is not None:
            row[1].append(value)
            continue
        left = [s for s in labels if _same_band(s.box, value.box) and s.box.x1 <= value.box.x0 + 1]
        left = [s for s in left if _is_label(s.text)]  # specks of a bar's edge name nothing
        left.sort(key=lambda s: s.box.x0)
        if left and any(_is_label(s.text) for s in left):
            lefts, rights = tuple(s.box.x0 for s in left), tuple(s.box.x1 for s in left)
            rows.append((Pair(_joined(left), value, lefts, label_rights=rights), []))
    return [replace(pair, more=tuple(more)) for pair, more in rows]


def run_on_rows(
    lines: Sequence[Line], rows: Sequence[Pair], lost: frozenset[int] = frozenset()
) -> list[Pair]:
    """Rows of a chart whose label, bar and value OCR read as one run of words (the bar's ink
    read as letters between them: ``5. การแก้ไข… ง/ 7 มมม7 … 92.11``), beside ``rows`` paired
    already: a line among them (no further than a row's pitch and a half above the first or
    below the last) in no paired row's band whose run ends in a value, with a word whose right
    edge lines up with the paired labels' (labels set flush right against their bars: the label
    ends there, the words after it are the bar's) or whose first word's left edge lines up with
    theirs (the label is the words before the value).

    >>> def w(t, x0, x1, top): return Word(t, t, BBox(x0, top, x1, top + 8), 0.9)
    >>> def line(*ws): return Line(" ".join(x.text for x in ws), "", ws[0].box.union(ws[-1].box), ws)
    >>> lines = [line(w("1. การปฏิบัติ", 180, 248, 20 * k), w("88.09", 430, 450, 20 * k)) for k in range(3)]
    >>> run = (w("5. การแก้ไข", 190, 247, 60), w("ง/", 252, 258, 60), w("7มม", 262, 300, 60))
    >>> lines.append(line(*run, w("92.11", 304, 324, 60)))
    >>> lines.append(line(w("ผลรวม", 180, 240, 120), w("89.65", 244, 264, 120)))  # below the chart
    >>> rows, how = chart_pairs(lines)
    >>> how, [(p.label.text, p.value.text) for p in rows][3:]
    ('rows', [('5. การแก้ไข', '92.11')])
    """
    tol = max(statistics.median(p.label.box.height for p in rows), 1.0)
    right = statistics.median(p.label.box.x1 for p in rows)
    left = statistics.median(p.label.box.x0 for p in rows)
    tops = sorted(p.value.box.top for p in rows)
    pitch = statistics.median(b - a for a, b in pairwise(tops))
    out: list[Pair] = []
    for index, line in enumerate(lines):
        if any(_same_band(line.box, p.value.box) for p in rows) or len(line.words) < 2:
            continue
        if not tops[0] - 1.5 * pitch <= line.box.top <= tops[-1] + 1.5 * pitch:
            continue
        words = list(line.words)
        last = words[-1]
        if not (is_score(decimal_point(last.text)) or id(last) in lost):
            continue
        ends = [k for k, w in enumerate(words[:-1]) if abs(w.box.x1 - right) <= tol]
        if ends:
            label = words[: ends[0] + 1]
        elif abs(words[0].box.x0 - left) <= tol:
            label = words[:-1]
        else:
            continue
        if not _is_label(" ".join(w.text for w in label)):
            continue
        value = replace(_word_segment(last, index), point_lost=id(last) in lost)
        seg = _segment(label, index)
        out.append(Pair(seg, value, (seg.box.x0,), label_rights=(seg.box.x1,)))
    return out


def column_pairs(lines: Sequence[Line], lost: frozenset[int] = frozenset()) -> list[Pair]:
    """Each value with the label words below it within half a bar's pitch of its centre
    (vertical bars).  Words, not segments: the labels under neighbouring bars may be read as
    one line; a label wrapped under its bar is joined as a wrapped cell is."""
    by_line = [standalone_values(ln, lost) for ln in lines]
    values = [w for found in by_line for w in found]
    if len(values) < MIN_PAIRS:
        return []
    # a line that holds values is the bars' tops: the specks in it (``7 61 a 61.10``) label no bar
    words = [(w, i) for i, ln in enumerate(lines) if not by_line[i] for w in ln.words]
    centres = sorted((v.box.x0 + v.box.x1) / 2 for v in values)
    gaps = sorted(b - a for a, b in pairwise(centres) if b - a > 1.0)
    pitch = gaps[len(gaps) // 2] if gaps else 0.0
    owned: dict[int, list[tuple[Word, int]]] = {}
    for word, line in words:
        if is_score(decimal_point(word.text)) or id(word) in lost or not _is_label(word.text):
            continue
        cx = (word.box.x0 + word.box.x1) / 2
        above = [v for v in values if v.box.bottom <= word.box.top]
        if not above:
            continue
        # Of the values above within half a pitch, the lowest: the one on top of this bar.
        centred = [v for v in above if abs((v.box.x0 + v.box.x1) / 2 - cx) <= 0.5 * pitch]
        nearest = (
            max(centred, key=lambda v: v.box.bottom)
            if centred
            else min(above, key=lambda v: abs((v.box.x0 + v.box.x1) / 2 - cx))
        )
        near = abs((nearest.box.x0 + nearest.box.x1) / 2 - cx) <= 0.5 * pitch
        if near and word.box.width <= LABEL_WIDTH * pitch:
            owned.setdefault(id(nearest), []).append((word, line))
    pairs = []
    for value in values:
        parts = _first_block(owned.get(id(value), []))
        if parts and not _under(parts, value, pitch):
            continue
        if parts:
            lefts = tuple(w.box.x0 for w, _ in parts)
            seg = replace(_word_segment(value), point_lost=id(value) in lost)
            pairs.append(Pair(_label_of_words(parts), seg, lefts))
    return pairs


def labels_most(pairs: Sequence[Pair], lines: Sequence[Line], lost: frozenset[int] = frozenset()) -> bool:
    """Whether the labels found under vertical bars name at least half of the bars' values: under
    a chart each bar has its label, and words of a legend further down fall under a few bars only
    by chance (``… หน้าที่ 2 การใช้… 5 การแก้ไข…``: its entry numbers under some bars), when the
    numbers under the bars themselves were lost as specks.

    >>> def w(t, x, top): return Word(t, t, BBox(x, top, x + 18, top + 6), 0.9)
    >>> values = Line("", "", BBox(0, 0, 300, 6), tuple(w(f"6{k}.50", 31 * k, 0) for k in range(8)))
    >>> pair = lambda k: Pair(_word_segment(w(str(k), 31 * k, 40)), _word_segment(values.words[k]))
    >>> labels_most([pair(k) for k in range(3)], [values]), labels_most([pair(k) for k in range(5)], [values])
    (False, True)
    """
    values = sum(len(standalone_values(ln, lost)) for ln in lines)
    return 2 * len(pairs) >= values


def standalone_values(line: Line, lost: frozenset[int] = frozenset()) -> list[Word]:
    """The words of a line that are scores standing apart: alone in their segment or among other
    scores only (the values over a chart's bars), not a number inside a sentence (``ได้คะแนนรวม
    ๘๙.๖๕ คะแนน``), which is no bar's value.

    >>> def w(t, x): return Word(t, t, BBox(x, 0, x + 20, 6), 0.9)
    >>> bars = Line("87.50 92.38", "", BBox(0, 0, 80, 6), (w("87.50", 0), w("92.38", 60)))
    >>> prose = Line("รวม 89.65 คะแนน", "", BBox(0, 0, 70, 6), (w("รวม", 0), w("89.65", 22), w("คะแนน", 44)))
    >>> [x.text for x in standalone_values(bars)], standalone_values(prose)
    (['87.50', '92.38'], [])
    """
    out: list[Word] = []
    if not line.words:
        return out
    gap = SEGMENT_GAP * max(line.box.height, 1.0)
    group: list[Word] = [line.words[0]]
    for word in [*line.words[1:], None]:
        if word is None or word.box.x0 - group[-1].box.x1 > gap:
            kept = [g for g in group if not _speck(g.text)]  # a bar's edge beside a value (``= 63.36``)
            if kept and all(is_score(decimal_point(g.text)) or id(g) in lost for g in kept):
                out += kept
            if word is None:
                break
            group = []
        group.append(word)
    return out


def _under(parts: Sequence[tuple[Word, int]], value: Word, pitch: float) -> bool:
    """The label lies centred under the value's bar, as a bar's label is (words of a legend
    further down fall under a bar only by chance, and off its centre)."""
    x0 = min(w.box.x0 for w, _ in parts)
    x1 = max(w.box.x1 for w, _ in parts)
    centre = (value.box.x0 + value.box.x1) / 2
    return x1 - x0 <= LABEL_WIDTH * pitch and abs((x0 + x1) / 2 - centre) <= LABEL_CENTRING * pitch


def _first_block(parts: list[tuple[Word, int]]) -> list[tuple[Word, int]]:
    """The words of the label's first lines under a bar: lines that follow each other closely;
    a wider gap (a legend further down) ends them."""
    by_line: dict[int, list[tuple[Word, int]]] = {}
    for part in parts:
        by_line.setdefault(part[1], []).append(part)
    rows = sorted(by_line.values(), key=lambda ws: min(w.box.top for w, _ in ws))
    kept: list[tuple[Word, int]] = []
    bottom = None
    for row in rows:
        top = min(w.box.top for w, _ in row)
        height = max(w.box.height for w, _ in row)
        if bottom is not None and top - bottom > LABEL_LINE_GAP * height:
            break
        kept += row
        bottom = max(w.box.bottom for w, _ in row)
    return kept


def _word_segment(word: Word, line: int = -1) -> Segment:
    return Segment(decimal_point(word.text), word.raw, word.box, word.confidence, line)


def _label_of_words(parts: Sequence[tuple[Word, int]]) -> Segment:
    """Words under one bar: a line's words joined by spaces, the lines joined as a wrapped cell."""
    by_line: dict[int, list[Word]] = {}
    for word, line in parts:
        by_line.setdefault(line, []).append(word)
    rows = sorted(by_line.values(), key=lambda ws: min(w.box.top for w in ws))
    texts = [" ".join(w.text for w in sorted(ws, key=lambda w: w.box.x0)) for ws in rows]
    text, _notes = clean_ocr_text(join_wrapped_lines(texts))
    box = parts[0][0].box
    for word, _ in parts[1:]:
        box = box.union(word.box)
    confs = [w.confidence for w, _ in parts if w.confidence is not None]
    raw = "\n".join(" ".join(w.raw for w in ws) for ws in rows)
    return Segment(text, raw, box, min(confs) if confs else None, parts[0][1])


def _edges(pair: Pair, columns: bool) -> list[float]:
    """Where a pair's label may line up with others.  In rows: the left and right edge of each of
    its parts (a row number before a name: ``1`` ``การปฏิบัติหน้าที่``; a name set flush right
    against its bar, then specks of the bar OCR read as letters), its right edge, and its centre.
    Under columns: its top (the labels under the bars start on one line)."""
    box = pair.label.box
    if columns:
        return [box.top]
    return [*pair.label_lefts, *pair.label_rights, box.x1, (box.x0 + box.x1) / 2]


def aligned(pairs: Sequence[Pair], columns: bool = False) -> list[Pair]:
    """The pairs whose labels share an edge (left edge of a part, right edge or centre, within a
    line height; the top, under ``columns``) with the most others.

    >>> def p(x0, x1, top): return Pair(Segment("ก", "", BBox(x0, top, x1, top + 10), 0.9, 0),
    ...                                  Segment("9.5", "", BBox(300, top, 320, top + 10), 0.9, 0), (x0,))
    >>> found = aligned([p(40, 200, 0), p(90, 201, 20), p(60, 199, 40), p(400, 500, 60)])
    >>> [round(x.label.box.x1) for x in found]
    [200, 201, 199]
    """
    best: list[Pair] = []
    for anchor in pairs:
        tol = max(anchor.label.box.height, 1.0)
        for edge in _edges(anchor, columns):
            group = [p for p in pairs if any(abs(e - edge) <= tol for e in _edges(p, columns))]
            if len(group) > len(best):
                best = group
    return best


#: A number of the chart's values whose point OCR lost has this share of their median width or more
#: (its point's place is still there: a year or a count printed beside the bars is narrower).
LOST_POINT_WIDTH = 0.85


#: Fewer values than this in a chart's format say nothing of its format.
MIN_FORMAT_VALUES = 2


def _speck(text: str) -> bool:
    """No letter and no digit: a bar's edge or a dot OCR read beside a value."""
    return not _THAI_OR_LATIN.search(text) and not re.search(r"[0-9๐-๙]", text)


def _numbers_among_specks(line: Line) -> list[Word]:
    """The number words of a line's segments that hold numbers and specks only."""
    out: list[Word] = []
    gap = SEGMENT_GAP * max(line.box.height, 1.0)
    group: list[Word] = []
    for word in [*line.words, None]:
        if word is None or (group and word.box.x0 - group[-1].box.x1 > gap):
            if not any(_THAI_OR_LATIN.search(g.text) for g in group):
                out += [g for g in group if not _speck(g.text)]
            group = []
        if word is not None:
            group.append(word)
    return out


def restore_points(lines: Sequence[Line]) -> tuple[list[Line], frozenset[int]]:
    """The lines with the halves of a value OCR cut where its point was (``65`` ``34``, a gap
    narrower than half the line's height between them) joined into one word, and the ``id`` of
    each word that is a chart value whose decimal point OCR lost.  Such a word stands apart as the
    values do (among numbers and specks only), it is all digits, as many as a value of the chart's
    format has (two whole digits and the chart's :func:`usual_decimals`, known from at least
    :data:`MIN_FORMAT_VALUES` values), with the point put back it is a score, it is about as wide
    as the values (:data:`LOST_POINT_WIDTH`), and it stands among them (between the highest and
    lowest value, give or take a line).  Nothing with fewer than :data:`MIN_PAIRS` values in all.

    >>> def w(t, x, top=0, width=20): return Word(t, t, BBox(x, top, x + width, top + 6), 0.9)
    >>> words = (w("61.79", 0), w("75.48", 31), w("7396", 62), w("70.58", 93), w("2566", 124, 40))
    >>> lines = [Line("", "", BBox(0, 0, 300, 6), words[:4]), Line("", "", BBox(0, 40, 300, 46), words[4:])]
    >>> lines, lost = restore_points(lines)
    >>> [x.text for ln in lines for x in ln.words if id(x) in lost]
    ['7396']
    >>> halves = (w("61.79", 0), w("65", 31, width=9), w("34", 42, width=9), w("70.58", 93))
    >>> lines, lost = restore_points([Line("", "", BBox(0, 0, 300, 6), halves)])
    >>> [(x.text, x.raw, id(x) in lost) for x in lines[0].words]
    [('61.79', '61.79', False), ('6534', '65 34', True), ('70.58', '70.58', False)]
    """
    scores = [w for ln in lines for w in _numbers_among_specks(ln) if is_score(decimal_point(w.text))]
    if len(scores) < MIN_FORMAT_VALUES:
        return list(lines), frozenset()
    usual = usual_decimals([_word_segment(w) for w in scores])
    if not usual:
        return list(lines), frozenset()
    widths = sorted(w.box.width for w in scores)
    width = widths[len(widths) // 2]
    height = max(w.box.height for w in scores)
    top = min(w.box.top for w in scores) - height
    bottom = max(w.box.bottom for w in scores) + height

    def lost_value(word: Word) -> bool:
        digits = thai_digits_to_arabic(word.text.strip())
        if not digits.isdigit() or len(digits) != 2 + usual:
            return False
        among = top <= word.box.top and word.box.bottom <= bottom
        return word.box.width >= LOST_POINT_WIDTH * width and among and is_score(f"{digits[:2]}.{digits[2:]}")

    out: list[Line] = []
    lost: set[int] = set()
    for line in lines:
        candidates = {id(w) for w in _numbers_among_specks(line)}
        words: list[Word] = []
        for word in line.words:
            if words and id(words[-1]) in candidates and id(word) in candidates:
                first = words[-1]
                joined = Word(
                    first.text.strip() + word.text.strip(),
                    f"{first.raw} {word.raw}",
                    first.box.union(word.box),
                    min((c for c in (first.confidence, word.confidence) if c is not None), default=None),
                )
                close = word.box.x0 - first.box.x1 <= 0.5 * line.box.height
                if close and not lost_value(first) and not is_score(first.text) and lost_value(joined):
                    words[-1] = joined
                    candidates.add(id(joined))
                    continue
            words.append(word)
        for word in words:
            if id(word) in candidates and lost_value(word):
                lost.add(id(word))
        changed = tuple(words) != line.words
        out.append(replace(line, words=tuple(words)) if changed else line)
    if len(scores) + len(lost) < MIN_PAIRS:
        return list(lines), frozenset()
    return out, frozenset(lost)


def without_edges(lines: Sequence[Line]) -> list[Line]:
    """The lines with a bar's edge OCR read as ``|`` against a value (``|75.00``) taken off the
    value's text (its raw text keeps it), as a ruling's remnant beside a score cell is.

    >>> word = Word("|75.00", "|75.00", BBox(0, 0, 20, 6), 0.9)
    >>> [(w.text, w.raw) for w in without_edges([Line("", "", word.box, (word,))])[0].words]
    [('75.00', '|75.00')]
    """
    out = []
    for line in lines:
        words = []
        for word in line.words:
            bare = word.text.strip().strip("|")
            edged = bare != word.text.strip() and is_score(decimal_point(bare))
            words.append(replace(word, text=bare) if edged else word)
        out.append(replace(line, words=tuple(words)) if tuple(words) != line.words else line)
    return out


#: A value stands over an axis place when its centre is within this share of the places' pitch.
PLACE_SHARE = 0.35
#: Lines up to this many places' pitches above a chart's axis are the chart's (its bars' height).
CHART_REACH = 8.0
#: Values over a numbered axis are paired by their places when at least this share of the places
#: hold one: a chart with values over its bars, not numbers that happen to lie above a numbered row.
AXIS_SHARE = 0.6
#: Digits read without their point are a chart's value only when no taller than this many of its
#: values' median height (printed in their font; a title or a heading is set larger).
VALUE_HEIGHTS = 1.5
#: A letter that takes a place on the line (a consonant, a leading vowel, a Latin letter; not a mark
#: above or below one): a word of three or more is one OCR read on purpose, specks of a bar's top
#: are shorter (``ซู``, ``พพี``).
_BASE_LETTER = re.compile(r"[ก-ฮเ-ไA-Za-z]")


def _is_word(text: str) -> bool:
    """Three letters or more on the line (:data:`_BASE_LETTER`).

    >>> _is_word("คะแนน"), _is_word("ITA"), _is_word("พพี"), _is_word("ซู")
    (True, True, False, False)
    """
    return len(_BASE_LETTER.findall(text)) >= 3


@dataclass(frozen=True)
class Axis:
    """The axis under a chart's bars: its line, its places' x-centres (page points), their pitch,
    and the label of each place (a word of the line, or one its place numbers: :func:`chart_axis`)."""

    line: Line
    centres: list[float]
    pitch: float
    labels: tuple[Word, ...] = ()

    def place(self, box: BBox) -> int | None:
        """The place a box stands over: the nearest, when its centre is within :data:`PLACE_SHARE`
        of the pitch from it."""
        centre = (box.x0 + box.x1) / 2
        place = min(range(len(self.centres)), key=lambda i: abs(self.centres[i] - centre))
        return place if abs(self.centres[place] - centre) <= PLACE_SHARE * self.pitch else None


#: An axis whose numbers OCR read from this one on may start at 1 with the places before it lost
#: (a faint ``1`` at a photo's edge); an axis starting later is no ITA chart's.
MAX_LOST_START = 2


def chart_axis(lines: Sequence[Line]) -> Axis | None:
    """The lowest line whose words count up by one, three or more (``1 2 3 … 10``,
    :func:`~extractors.ocr.number_text.counts_up`), or mostly do (four or more of them,
    :func:`~extractors.ocr.number_text.counting_run`): the axis under a chart's bars; None when no
    line does (or its places do not stand apart).  The places stand at one pitch, so a word of the
    line beyond the run at the next pitch is the next number misread (``า0`` for ``10``), and a run
    starting at 2 or 3 has lost its first places (``1`` not read): they are numbered by their
    places, their labels named so.

    >>> def w(t, x, y=50): return Word(t, t, BBox(x, y, x + 4, y + 6), 0.9)
    >>> axis = Line("1 2 3", "", BBox(0, 50, 100, 56), (w("1", 10), w("2", 40), w("3", 70)))
    >>> prose = Line("ปี 2563", "", BBox(0, 0, 100, 6), (w("ปี", 0, 0), w("2563", 20, 0)))
    >>> found = chart_axis([prose, axis]); found.line is axis, found.centres, found.pitch
    (True, [12.0, 42.0, 72.0], 30.0)
    >>> chart_axis([prose]) is None
    True
    >>> misread = tuple(w(t, 40 + 30 * k) for k, t in enumerate("2 3 4 5 า0".split()))
    >>> photo = Line("", "", BBox(0, 50, 400, 56), misread)
    >>> found = chart_axis([photo]); [x.text for x in found.labels], found.centres
    (['1', '2', '3', '4', '5', '6'], [12.0, 42.0, 72.0, 102.0, 132.0, 162.0])
    """
    counting = [(ln, r) for ln in lines if (r := counting_run([w.text for w in ln.words])) is not None]
    if not counting:
        return None
    line, (start, length) = max(counting, key=lambda found: found[0].box.top)
    words = line.words[start : start + length]
    centres = [_centre(w) for w in words]
    pitch = statistics.median(b - a for a, b in pairwise(centres))
    if pitch <= 0:
        return None
    first = int(thai_digits_to_arabic(words[0].text.strip()))
    thai = bool(re.search(r"[๐-๙]", words[0].text))

    def label(number: int, word: Word | None, centre: float) -> Word:
        text = arabic_digits_to_thai(str(number)) if thai else str(number)
        if word is not None:  # a misread number at its place: the place's number, its reading kept
            return Word(text, word.raw or word.text, word.box, DOUBT_CONFIDENCE)
        half = words[0].box.width / 2
        box = BBox(centre - half, words[0].box.top, centre + half, words[0].box.bottom)
        return Word(text, "", box, DOUBT_CONFIDENCE)

    labels = list(words)
    for word in line.words[start + length :]:  # the next places' numbers, misread
        steps = (_centre(word) - centres[-1]) / pitch
        if abs(steps - 1) > SLOT_TOLERANCE:
            break
        labels.append(label(first + len(labels), word, _centre(word)))
        centres.append(_centre(word))
    lost = first - 1 if 1 < first <= 1 + MAX_LOST_START else 0
    before = line.words[:start]
    for k in range(1, lost + 1):  # the first places, lost or misread (the axis starts at 1)
        centre = centres[0] - pitch
        there = [w for w in before if abs(_centre(w) - centre) <= SLOT_TOLERANCE * pitch]
        labels.insert(0, label(first - k, there[-1] if there else None, centre))
        centres.insert(0, centre)
    return Axis(line, centres, pitch, tuple(labels))


def _apart_from_words(line: Line) -> list[Word]:
    """The words of a line whose segment (:data:`SEGMENT_GAP`) holds no word of three letters or
    more: a chart's values and the specks of its bars, not a sentence's number.  A word over the
    ink a score was read from (the value read again, :mod:`~extractors.ocr.lost_values`, beside
    what the page's reading made of it: ``eee``) is that ink's first reading, no word.

    >>> def w(t, x): return Word(t, t, BBox(x, 0, x + 17, 6), 0.9)
    >>> bars = Line("", "", BBox(0, 0, 120, 6), (w("7638", 0), w("eee", 32), w("78.66", 32), w("ซู", 64)))
    >>> prose = Line("", "", BBox(0, 0, 120, 6), (w("คะแนน", 0), w("61.06", 20)))
    >>> [x.text for x in _apart_from_words(bars)], _apart_from_words(prose)
    (['7638', '78.66', 'ซู'], [])
    """
    scores = [w for w in line.words if is_score(decimal_point(w.text))]
    out: list[Word] = []
    gap = SEGMENT_GAP * max(line.box.height, 1.0)
    group: list[Word] = []
    words = [w for w in line.words if w in scores or not any(_same_ink(w.box, s.box) for s in scores)]
    for word in [*words, None]:
        if word is None or (group and word.box.x0 - group[-1].box.x1 > gap):
            if not any(_is_word(g.text) for g in group):
                out += group
            group = []
        if word is not None:
            group.append(word)
    return out


def _same_ink(a: BBox, b: BBox) -> bool:
    """Two boxes over one piece of ink: each overlaps the other by half its width or more."""
    overlap = min(a.x1, b.x1) - max(a.x0, b.x0)
    return overlap >= 0.5 * max(a.width, b.width) and _same_band(a, b)


def axis_pairs(lines: Sequence[Line], lost: frozenset[int] = frozenset()) -> list[Pair]:
    """Vertical bars over a numbered axis (``1 2 … 10`` under them, :func:`chart_axis`): each value
    paired with the axis number of the place it stands over (:meth:`Axis.place`), the lowest there
    when several are (a value stands on its bar; a title's number is higher), one with its point
    before the same ink's digits read without it.  The axis gives the places: a value missing (OCR
    read specks there) leaves its place empty, and the other values keep theirs, where pairing by
    the values' own spacing would shift them (its pitch taken from values with gaps is a multiple
    of the bars').

    A value stands apart from words (:func:`_apart_from_words`), up to :data:`CHART_REACH` pitches
    above the axis, and is a score; or digits whose point was lost (``lost``, or as many digits as
    the chart's format has and about as wide as its values), or two values read as one word
    (``68826597``: twice the digits and the width, cut at either end and placed each), printed as
    the values are (no taller than :data:`VALUE_HEIGHTS` of theirs: a title's year is larger;
    :func:`restore_points` has placed those of ``lost`` among the values already).
    None when fewer than :data:`AXIS_SHARE` of the places hold a value.

    >>> def w(t, x, top=0, width=18, h=6): return Word(t, t, BBox(x, top, x + width, top + h), 0.9)
    >>> def line(*ws): return Line(" ".join(x.text for x in ws), "", ws[0].box.union(ws[-1].box), ws)
    >>> axis = line(*(w(str(k), 31 * k + 7, 60, 4) for k in range(1, 7)))
    >>> title = line(w("ปี", 100, -20, 8, 10), w("2567", 124, -20, 24, 10))
    >>> tops = line(w("63.93", 62, 10), w("68826597", 93, 0, 49), w("ซู", 160, 20, 6), w("55.00", 186, 14))
    >>> low = line(w("49.19", 31, 20), w("ซู", 52, 20, 6), w("คะแนน", 120, 20, 30))
    >>> [(p.label.text, p.value.text, p.value.point_lost) for p in axis_pairs([title, tops, low, axis])]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('1', '49.19', False), ('2', '63.93', False), ('3', '6882', True), ('4', '6597', True),
     ('6', '55.00', False)]
    """
    axis = chart_axis(lines)
    if axis is None:
        return []
    floor = axis.line.box.top
    reach = floor - CHART_REACH * axis.pitch
    words = [
        (w, i)
        for i, ln in enumerate(lines)
        if reach <= ln.box.top and ln.box.bottom <= floor
        for w in _apart_from_words(ln)
    ]
    scores = [w for w, _ in words if is_score(decimal_point(w.text))]
    if len(scores) < MIN_FORMAT_VALUES:
        return []
    usual = usual_decimals(scores)
    width = statistics.median(w.box.width for w in scores)
    tallest = VALUE_HEIGHTS * statistics.median(w.box.height for w in scores)
    length = 2 + usual if usual else None
    found: dict[int, tuple[Segment, int]] = {}
    for word, index in words:
        for part, point_lost in _axis_values(word, length, width, lost):
            place = axis.place(part.box)
            if place is None or (point_lost and id(word) not in lost and part.box.height > tallest):
                continue
            rank = (part.box.bottom, not point_lost)
            if place in found:
                held = found[place][0]
                if (held.box.bottom, not held.point_lost) >= rank:
                    continue
            found[place] = (replace(_word_segment(part, index), point_lost=point_lost), index)
    if len(found) < AXIS_SHARE * len(axis.centres):
        return []
    labels = axis.labels or axis.line.words
    at = next(i for i, ln in enumerate(lines) if ln is axis.line)
    return [Pair(_word_segment(labels[p], at), found[p][0], (labels[p].box.x0,)) for p in sorted(found)]


def _axis_values(
    word: Word, length: int | None, width: float, lost: frozenset[int]
) -> list[tuple[Word, bool]]:
    """The values a word may be over a chart's bars, each with whether its point was lost: itself
    when it is a score; itself, point lost, when it is marked so (``lost``) or is the format's
    digits (``length``) about as wide as a value (:data:`LOST_POINT_WIDTH`); its two ends when it
    is twice that (two values read as one word)."""
    text = thai_digits_to_arabic(decimal_point(word.text.strip()))
    if is_score(text):
        return [(word, False)]
    if id(word) in lost:
        return [(word, True)]
    if not text.isdigit() or length is None:
        return []
    if len(text) == length and word.box.width >= LOST_POINT_WIDTH * width:
        parts = [word]
    elif len(text) == 2 * length and word.box.width >= 2 * LOST_POINT_WIDTH * width:
        x0, x1 = word.box.x0, word.box.x1
        parts = [
            _part_word(word, word.text.strip()[:length], x0, min(x0 + width, x1)),
            _part_word(word, word.text.strip()[length:], max(x1 - width, x0), x1),
        ]
    else:
        return []
    digits = [thai_digits_to_arabic(p.text) for p in parts]
    return [(p, True) for p, d in zip(parts, digits, strict=True) if is_score(f"{d[:2]}.{d[2:]}")]


def chart_pairs(lines: Sequence[Line]) -> tuple[list[Pair], str]:
    """The label–value pairs of a picture's lines, and how they were paired (``rows``, ``columns``
    (over a numbered axis, :func:`axis_pairs`, else :func:`column_pairs`), ``legend``
    (:func:`legend_pairs`), or ``""`` when there are fewer than :data:`MIN_PAIRS`)."""
    lines, lost = restore_points(without_edges(lines))
    segs = segments(lines, lost)
    rows = aligned(row_pairs(segs))
    if len(rows) >= MIN_PAIRS:
        rows += run_on_rows(lines, rows, lost)
        return sorted(rows, key=lambda p: p.value.box.top), "rows"
    on_axis = axis_pairs(lines, lost)  # columns whose places the axis under them gives
    if len(on_axis) >= MIN_PAIRS:
        return on_axis, "columns"
    cols = aligned(column_pairs(lines, lost), columns=True)
    if len(cols) >= MIN_PAIRS and labels_most(cols, lines, lost):
        return sorted(cols, key=lambda p: p.value.box.x0), "columns"
    legend = legend_pairs(lines, lost)
    if len(legend) >= MIN_PAIRS:
        return legend, "legend"
    return [], ""


_RE_NUMBER_TOKEN = re.compile(r"[0-9๐-๙]+(?:[.,][0-9๐-๙]+)?")
_RE_LEGEND_ENTRY = re.compile(r"([0-9๐-๙]{1,2})\s*[=:.)]?\s*(.*)")
#: A legend entry's last word with the next entry's number read onto its end (``หน้าที่2``).
_RE_GLUED_NUMBER = re.compile(r"(.*[ก-๎A-Za-z])([0-9๐-๙]{1,2})")
#: A gap between bars' centres is a whole number of pitches give or take this share of one.
SLOT_TOLERANCE = 0.2


def bar_slots(lines: Sequence[Line], lost: frozenset[int] = frozenset()) -> dict[int, Word] | None:
    """The scores standing apart over a row of vertical bars by their place from the left
    (0, 1, …): the bars stand at one pitch, so a bar whose number OCR could not read as a score
    (``7396``, its point lost) leaves its place empty and the others keep theirs.  None when the
    numbers do not stand at whole pitches from each other, or two share a place.

    >>> def w(t, x): return Word(t, t, BBox(x, 0, x + 18, 6), 0.9)
    >>> words = (w("61.79", 0), w("75.48", 31), w("7396", 62), w("70.58", 93))
    >>> {k: v.text for k, v in bar_slots([Line("", "", BBox(0, 0, 300, 6), words)]).items()}
    {0: '61.79', 1: '75.48', 3: '70.58'}
    >>> bar_slots([Line("", "", BBox(0, 0, 300, 6), (w("61.79", 0), w("75.48", 31), w("70.58", 51)))]) is None
    True
    """
    words = [w for ln in lines for w in _numbers_among_specks(ln)]
    numbers = [w for w in words if _RE_NUMBER_TOKEN.fullmatch(decimal_point(w.text))]
    # a lone digit at the values' height is a speck of a bar (``4``), no value: it takes no place
    numbers = among_values([w for w in numbers if len(w.text.strip()) >= 3], lost)
    if len(numbers) < MIN_PAIRS:
        return None
    numbers.sort(key=lambda w: (w.box.x0 + w.box.x1) / 2)
    centres = [(w.box.x0 + w.box.x1) / 2 for w in numbers]
    gaps = [b - a for a, b in pairwise(centres)]
    if min(gaps) <= max(w.box.width for w in numbers) / 2:
        return None  # two numbers in one place (a row of bars over another): no one order
    # one pitch: the gaps between neighbouring bars (not those across an empty place), as a median
    pitch = statistics.median(g for g in gaps if g <= 1.5 * min(gaps))
    slots: dict[int, Word] = {}
    for word, centre in zip(numbers, centres, strict=True):
        place = (centre - centres[0]) / pitch
        if abs(place - round(place)) > SLOT_TOLERANCE:
            return None
        if is_score(decimal_point(word.text)) or id(word) in lost:
            slots[round(place)] = word
    return slots


def _centre(word: Word) -> float:
    return (word.box.x0 + word.box.x1) / 2


def _part_word(word: Word, text: str, x0: float, x1: float) -> Word:
    """A part of a word: its text and the span ``x0 … x1`` of its box (the raw text stays whole)."""
    return Word(text, word.raw, BBox(x0, word.box.top, x1, word.box.bottom), word.confidence)


def lost_at_places(
    lines: Sequence[Line], slots: dict[int, Word], lost: frozenset[int] = frozenset()
) -> dict[int, Word]:
    """Values whose point OCR lost standing in bars' empty places, found by their place whatever
    OCR read beside them (specks of a bar's edge read as letters, ``7297 @ี ล ฟี 6817``, which keep
    a line from counting as a row of values): a word of digits only, as many as a value of the
    chart's format has (two whole digits and its :func:`usual_decimals`), as wide as the values
    (:data:`LOST_POINT_WIDTH`), at their height, a score with its point put back, whose centre
    stands a whole number of the bars' pitch from the placed values' (:data:`SLOT_TOLERANCE`) in a
    place no value holds, left or right of them.  Two such values read as one word
    (``72166815``, twice the digits and about twice the width) are cut into the value's width at
    either end, each placed so.  A word of letters as wide as the values (``ลอม`` for ``83.34``,
    :func:`_unread_value`) holds its place too, its reading kept.  A line of numbers alone may
    stand above the values' band (the tallest bar's value).  ``{place: word}``, places counted as
    ``slots`` counts them (negative left of its first).

    >>> def w(t, x, width=17): return Word(t, t, BBox(x, 0, x + width, 6), 0.9)
    >>> values = [w("79.19", 297), w("64.14", 359), w("62.54", 391), w("78.04", 517)]
    >>> row = Line("", "", BBox(0, 0, 600, 6), (*values, w("79.88", 549)))
    >>> junk = (w("7297", 266), w("@ี", 291, 6), w("ล", 307, 1), w("ฟี", 314, 6), w("6817", 328))
    >>> junk += (w("72166815", 454, 48), w("[EF", 510, 10), w("63.36", 422, 17), w("PA", 447, 6))
    >>> lines = [row, Line("", "", BBox(0, 0, 600, 9), junk)]
    >>> slots = bar_slots(lines)
    >>> sorted(slots)
    [0, 2, 3, 7, 8]
    >>> {k: v.text for k, v in sorted(lost_at_places(lines, slots).items())}
    {-1: '7297', 1: '6817', 4: '63.36', 5: '7216', 6: '6815'}
    """
    placed = sorted(slots.items())
    scores = [w for _p, w in placed if is_score(decimal_point(w.text))]
    usual = usual_decimals([_word_segment(w) for w in scores]) if len(scores) >= MIN_FORMAT_VALUES else None
    if not usual or len(placed) < 2:
        return {}
    (p0, w0), (p1, w1) = placed[0], placed[-1]
    pitch = (_centre(w1) - _centre(w0)) / (p1 - p0)
    width = statistics.median(w.box.width for w in scores)
    height = max(w.box.height for w in scores)
    top = min(w.box.top for w in scores) - height
    bottom = max(w.box.bottom for w in scores) + height
    length = 2 + usual
    taken = {id(w) for w in slots.values()}
    found: dict[int, Word] = {}
    for line in lines:
        # a line of numbers alone may stand higher: the tallest bar's value, its point lost
        alone = not any(_THAI_OR_LATIN.search(w.text) for w in line.words)
        for word in line.words:
            digits = thai_digits_to_arabic(decimal_point(word.text.strip()))
            if id(word) in taken or not (top <= word.box.top or alone) or word.box.bottom > bottom:
                continue
            if is_score(digits) and decimals(digits) == usual:
                parts = [word]  # a value with its point, beside specks read as letters
            elif _unread_value(word, width):
                found.update(_placed(word, w0, p0, pitch, slots, found))
                continue
            elif not digits.isdigit():
                continue
            elif len(digits) == length and word.box.width >= LOST_POINT_WIDTH * width:
                parts = [word]
            elif len(digits) == 2 * length and word.box.width >= 2 * LOST_POINT_WIDTH * width:
                x0, x1 = word.box.x0, word.box.x1
                parts = [
                    _part_word(word, digits[:length], x0, min(x0 + width, x1)),
                    _part_word(word, digits[length:], max(x1 - width, x0), x1),
                ]
            else:
                continue
            for part in parts:
                text = thai_digits_to_arabic(decimal_point(part.text.strip()))
                if is_score(text) or is_score(f"{text[:2]}.{text[2:]}"):
                    found.update(_placed(part, w0, p0, pitch, slots, found))
    return found


#: A value read as letters is as wide as the chart's values give or take this share of one.
UNREAD_WIDTH = 0.15


def _unread_value(word: Word, width: float) -> bool:
    """A word of letters and no digit as wide as the chart's values (:data:`UNREAD_WIDTH`): a
    value OCR read as letters (``ลอม`` for ``83.34``), which still holds its bar's place.

    >>> def w(t, width): return Word(t, t, BBox(0, 0, width, 6), 0.9)
    >>> _unread_value(w("ลอม", 17), 17.5), _unread_value(w("ลอม", 9), 17.5), _unread_value(w("8ลม", 17), 17.5)
    (True, False, False)
    """
    text = word.text.strip()
    if not _THAI_OR_LATIN.search(text) or re.search(r"[0-9๐-๙]", text):
        return False
    return abs(word.box.width - width) <= UNREAD_WIDTH * width


def _placed(
    word: Word, w0: Word, p0: int, pitch: float, slots: dict[int, Word], found: dict[int, Word]
) -> dict[int, Word]:
    """``{place: word}`` when ``word`` stands a whole number of ``pitch`` from ``w0`` (at place
    ``p0``) in a place no value holds (:data:`SLOT_TOLERANCE`); else nothing."""
    place = (_centre(word) - _centre(w0)) / pitch + p0
    at = round(place)
    if abs(place - at) > SLOT_TOLERANCE or at in slots or at in found:
        return {}
    return {at: word}


def among_values(numbers: Sequence[Word], lost: frozenset[int] = frozenset()) -> list[Word]:
    """The numbers that stand at the height of the chart's values (between the highest and the
    lowest score, give or take a value's height), not a page number or a count above or below
    the chart that would take a place among the bars.

    >>> def w(t, x, top): return Word(t, t, BBox(x, top, x + 18, top + 6), 0.9)
    >>> found = among_values([w("61.79", 0, 100), w("1", 40, 10), w("75.48", 31, 110), w("7396", 62, 104)])
    >>> [x.text for x in found]
    ['61.79', '75.48', '7396']
    """
    scores = [w for w in numbers if is_score(decimal_point(w.text)) or id(w) in lost]
    if not scores:
        return []
    height = max(w.box.height for w in scores)
    top = min(w.box.top for w in scores) - height
    bottom = max(w.box.bottom for w in scores) + height
    return [w for w in numbers if top <= w.box.top and w.box.bottom <= bottom]


def standalone_numbers(line: Line) -> list[Word]:
    """Words of a line that stand apart (their segment is numbers only): scores, and numbers OCR
    damaged (``7396``)."""
    out: list[Word] = []
    gap = SEGMENT_GAP * max(line.box.height, 1.0)
    group: list[Word] = []
    for word in [*line.words, None]:
        if word is None or (group and word.box.x0 - group[-1].box.x1 > gap):
            if group and all(_RE_NUMBER_TOKEN.fullmatch(decimal_point(g.text)) for g in group):
                out += group
            group = []
        if word is not None:
            group.append(word)
    return out


def legend_entries(lines: Sequence[Line], below: float) -> list[Segment]:
    """A numbered legend's entries under ``below``, in reading order: ``1 การปฏิบัติหน้าที่ 2 …``,
    numbers counting up from 1, each entry its number and the words up to the next number."""
    words = [
        (w, i)
        for i, ln in sorted(enumerate(lines), key=lambda p: (p[1].box.top, p[1].box.x0))
        if ln.box.top >= below
        for w in ln.words
    ]
    entries: list[list[tuple[Word, int]]] = []
    for word, index in words:
        m = _RE_LEGEND_ENTRY.fullmatch(word.text.strip())
        glued = _RE_GLUED_NUMBER.fullmatch(word.text.strip())
        if m and int(thai_digits_to_arabic(m.group(1))) == len(entries) + 1:
            entries.append([(word, index)])
        elif entries and glued and int(thai_digits_to_arabic(glued.group(2))) == len(entries) + 1:
            # the next entry's number read onto the end of this one's last word (``หน้าที่2``)
            name, number = _glued_parts(word, glued)
            entries[-1].append((name, index))
            entries.append([(number, index)])
        elif entries and _THAI_OR_LATIN.search(word.text):
            entries[-1].append((word, index))
    return [_label_of_words(e) for e in entries if len(e) > 1 or _legend_name(e[0][0].text)]


def _glued_parts(word: Word, glued: re.Match[str]) -> tuple[Word, Word]:
    """A word cut where a number glued to its end begins, the box shared by character count (the
    raw text stays whole on the name's part: it is what OCR read)."""
    name, number = glued.group(1), glued.group(2)
    cut = word.box.x0 + word.box.width * len(name) / (len(name) + len(number))
    box = word.box
    first = Word(name, word.raw, BBox(box.x0, box.top, cut, box.bottom), word.confidence)
    second = Word(number, "", BBox(cut, box.top, box.x1, box.bottom), word.confidence)
    return first, second


def _legend_name(text: str) -> str:
    """What follows an entry's number in the same word (``3การใช้อำนาจ``: ``การใช้อำนาจ``)."""
    m = _RE_LEGEND_ENTRY.fullmatch(text.strip())
    return m.group(2) if m else ""


def legend_pairs(lines: Sequence[Line], lost: frozenset[int] = frozenset()) -> list[Pair]:
    """Vertical bars with no label under them (the numbers under the bars lost) and a numbered
    legend below them: bar by bar from the left, as the legend counts (:func:`bar_slots`).  A bar
    past the legend's last entry read is numbered by its place, the value's box standing for its
    label's.  Fewer than :data:`MIN_PAIRS` legend entries: no pairs."""
    slots = bar_slots(lines, lost)
    if not slots:
        return []
    found = lost_at_places(lines, slots, lost)
    if found:
        slots = {**slots, **found}
        lost = lost | {
            id(w)
            for w in found.values()
            if not is_score(decimal_point(w.text)) and not _THAI_OR_LATIN.search(w.text)
        }
        first = min(slots)
        slots = {place - first: word for place, word in slots.items()}
    lowest = max(w.box.bottom for w in slots.values())
    entries = legend_entries(lines, lowest)
    if len(entries) < MIN_PAIRS:
        return []
    pairs = []
    for place, word in sorted(slots.items()):
        value = replace(_word_segment(word), point_lost=id(word) in lost)
        placed = Segment(str(place + 1), "", word.box, None, -1)
        label = entries[place] if place < len(entries) else placed
        pairs.append(Pair(label, value, (label.box.x0,)))
    return pairs


def pairs_table(pairs: Sequence[Pair], page: int, how: str) -> Table:
    """The pairs as a table (label, value, and any further values of the row) under a header row
    naming the columns; a row with fewer values than others leaves its last cells empty.

    The header row is not in the picture: its cells have no box and no raw text."""
    n_cols = 2 + max(len(p.more) for p in pairs)
    cells = [Cell(0, 0, LABEL_HEADER, "", None)]
    cells += [Cell(0, c, VALUE_HEADER, "", None) for c in range(1, n_cols)]
    box = pairs[0].label.box.union(pairs[0].value.box)
    for row, pair in enumerate(pairs, start=1):
        segs = (pair.label, pair.value, *pair.more)
        for col, seg in enumerate(segs):
            conf = seg.confidence
            if seg.point_lost:  # kept as read, doubted: the table reader puts the point back, checked
                conf = min(conf if conf is not None else 1.0, DOUBT_CONFIDENCE)
            cells.append(Cell(row, col, seg.text, seg.raw, seg.box, confidence=conf))
            box = box.union(seg.box)
        cells += [Cell(row, col, "", "", None) for col in range(len(segs), n_cols)]
    confs = [c.confidence for c in cells if c.confidence is not None]
    notes = [
        "read by OCR from a picture",
        f"labels and values paired by position ({'one row band' if how == 'rows' else 'one column band'} "
        "per bar or row); the header row is supplied, not read",
    ]
    if how == "legend":
        notes[1] = (
            "bars paired with a numbered legend's entries in order, left to right (no label read under "
            "them); a bar past the legend's last entry read is numbered by its place; the header row is "
            "supplied, not read"
        )
    quality = TableQuality(
        strategy="picture",
        score=round(min(confs), 3) if confs else 0.0,
        filled_share=1.0,
        chars_inside=1.0,
        notes=notes,
    )
    return Table(page, 0, box, len(pairs) + 1, n_cols, cells, quality)


# --- values read again ---------------------------------------------------------------------------

#: ``(text, confidence 0..1)`` of the picture's ink inside a box (page points), read on its own as
#: one line of digits; ``("", None)`` when nothing could be read.
Reread = Callable[[BBox], tuple[str, float | None]]


def decimals(text: str) -> int:
    """Digits after the decimal point of a score as printed.

    >>> decimals("73.90"), decimals("๗๓.๙"), decimals("100")
    (2, 1, 0)
    """
    _whole, point, frac = text.strip().rstrip("%").replace(",", ".").partition(".")
    return len(frac) if point else 0


def usual_decimals(values: Sequence[Segment | Word | str]) -> int | None:
    """How many decimals the chart prints its values with: the count at least two thirds of its
    values share (a chart's labels come from one number format), else None."""
    counts = Counter(decimals(v if isinstance(v, str) else v.text) for v in values)
    if not counts:
        return None
    count, n = counts.most_common(1)[0]
    return count if 3 * n >= 2 * len(values) else None


def doubtful(value: Segment, usual: int | None) -> bool:
    """A value to read again: printed with another number of decimals than the chart's other
    values (a digit Tesseract dropped or merged while reading the whole line of labels:
    ``73.90`` read as ``73.3``).  Its confidence alone is no reason: a second reading of a
    value in the chart's format was found to be no better than the first.

    >>> seg = lambda text: Segment(text, text, BBox(0, 0, 10, 5), 0.85, 0)
    >>> doubtful(seg("73.3"), 2), doubtful(seg("73.90"), 2), doubtful(seg("73.3"), None)
    (True, False, False)
    """
    return usual is not None and decimals(value.text) != usual


def settle_value(value: Segment, usual: int | None, reread: Reread) -> tuple[Segment, OcrDoubt | None]:
    """A doubtful value read again on its own, with digits only.  The second reading replaces the
    first when it is a score in the chart's number format with the same whole part (the digit lost
    was a decimal); the same number twice keeps the first (a chart may print ``73.9`` among
    ``xx.xx``).  Otherwise the first reading stays, with a doubt for a person to check (a value is
    never changed silently).

    >>> seg = Segment("73.3", "73.3", BBox(0, 0, 10, 5), 0.85, 0)
    >>> settle_value(seg, 2, lambda box: ("73.90", 0.92))[0].text
    '73.90'
    >>> settle_value(seg, 2, lambda box: ("78.30", 0.92))[1].other
    '78.30'
    """
    text, conf = reread(value.box)
    text = decimal_point(text)
    if is_score(text):
        new, old = thai_digits_to_arabic(text), thai_digits_to_arabic(value.text)
        if float(new) == float(old):
            return value, None
        if decimals(text) == usual and new.partition(".")[0] == old.partition(".")[0]:
            return replace(value, text=text, raw=text, confidence=conf), None
    why = "a chart value printed with other decimals than the chart's others"
    why += f"; read again alone: {text or 'nothing'}"
    return value, OcrDoubt(value.text, text, value.box, why)


def settle_values(pairs: Sequence[Pair], reread: Reread) -> tuple[list[Pair], list[OcrDoubt]]:
    """Each pair's doubtful values (:func:`doubtful`) read again (:func:`settle_value`); the
    doubts of the values a second reading did not settle."""
    usual = usual_decimals([v for p in pairs for v in (p.value, *p.more)])
    doubts: list[OcrDoubt] = []
    out: list[Pair] = []
    for pair in pairs:
        values = []
        for value in (pair.value, *pair.more):
            if doubtful(value, usual):
                value, doubt = settle_value(value, usual, reread)
                if doubt is not None:
                    doubts.append(doubt)
            values.append(value)
        out.append(replace(pair, value=values[0], more=tuple(values[1:])))
    return out, doubts


# --- numbers as wide as their box -----------------------------------------------------------------

#: A number as OCR may misread it: no letters, two digits or more (``9071``, ``9/.41``, ``10.``).
_NUMBER_LIKE = re.compile(r"[^ก-ฮA-Za-z\s]*[0-9๐-๙][^ก-ฮA-Za-z\s]*[0-9๐-๙][^ก-ฮA-Za-z\s]*")
#: Ending as a score does, in a point and one or two digits (``5158.09``, ``9/.41``).
_DECIMALS_END = re.compile(r"[.,][0-9๐-๙]{1,2}%?$")
#: A number whose character count differs by more than this from what its box holds (at the
#: chart's usual width per character) lost or gained a digit.
WIDTH_SLACK = 0.5


def char_width(words: Sequence[Word]) -> float | None:
    """The chart's width per character of a value: the median over the words that are scores of
    three characters or more (one number format, printed in one font); None with fewer than
    :data:`MIN_PAIRS` of them."""
    texts = [(w, decimal_point(w.text).rstrip("%")) for w in words]
    widths = sorted(w.box.width / len(t) for w, t in texts if is_score(t) and len(t) >= 3)
    if len(widths) < MIN_PAIRS:
        return None
    return widths[len(widths) // 2]


def fits_box(text: str, box: BBox, per_char: float) -> bool:
    """The text has as many characters as its box holds at ``per_char`` points each.

    >>> box = BBox(0, 0, 17.1, 5)
    >>> fits_box("90.71", box, 3.42), fits_box("3.71", box, 3.42), fits_box("5158.09", box, 3.42)
    (True, False, False)
    """
    return abs(box.width / per_char - len(text.strip().rstrip("%"))) <= WIDTH_SLACK


def misread_number(word: Word, per_char: float) -> bool:
    """A number whose box is wider or narrower than its characters (a digit merged away or two
    read where one is: ``90.71`` read as ``3.71``, ``58.09`` as ``5158.09``), or that ends as a
    score does but is none (``97.41`` read as ``9/.41``).  A number as wide as its box that is no
    score (a year) is not one.

    >>> word = lambda text: Word(text, text, BBox(0, 0, 17.1, 5), 0.85)
    >>> [misread_number(word(t), 3.42) for t in ("90.71", "3.71", "5158.09", "9/.41", "9071", "2562.")]
    [False, True, True, True, True, False]
    """
    text = decimal_point(word.text)
    if not _NUMBER_LIKE.fullmatch(text) or len(text) < 3:
        return False
    ends_as_score = bool(_DECIMALS_END.search(text))
    return not fits_box(text, word.box, per_char) or (ends_as_score and not is_score(text))


def settle_number(word: Word, per_char: float, reread: Reread) -> tuple[Word, OcrDoubt | None]:
    """A misread number (:func:`misread_number`) read again on its own, with digits only.  The second
    reading replaces the first when it is a score as wide as the box and agrees with the first on
    its whole part or on its digits after the point (a digit is lost or gained on one side of the
    point, not on both); otherwise the first
    stays, with a doubt for a person to check (a number that is not a score pairs with no label);
    a number that is no score, read the same twice, is no value and stays without a doubt.

    >>> word = Word("3.71", "3.71", BBox(0, 0, 17.1, 5), 0.85)
    >>> settle_number(word, 3.42, lambda box: ("90.71", 0.93))[0].text
    '90.71'
    >>> settle_number(word, 3.42, lambda box: ("90.77", 0.93))[1].other
    '90.77'
    >>> short = Word("92.3", "92.3", BBox(0, 0, 17.1, 5), 0.85)
    >>> settle_number(short, 3.42, lambda box: ("92.60", 0.9))[0].text
    '92.60'
    """
    text, conf = reread(word.box)
    text = decimal_point(text)
    if text == decimal_point(word.text) and not is_score(text):
        return word, None  # read the same twice, and no value: a row number (``10.``), not a bar's
    first = thai_digits_to_arabic(decimal_point(word.text)).rstrip("%").partition(".")
    new = thai_digits_to_arabic(text).rstrip("%").partition(".")
    agree = new[0] == first[0] or (bool(first[1]) and new[2] == first[2])
    if is_score(text) and fits_box(text, word.box, per_char) and agree:
        return replace(word, text=text, raw=text, confidence=conf), None
    why = "a chart number with more or fewer characters than its box holds"
    why += f"; read again alone: {text or 'nothing'}"
    return word, OcrDoubt(word.text, text, word.box, why)


def settle_numbers(lines: Sequence[Line], reread: Reread) -> tuple[list[Line], list[OcrDoubt]]:
    """The lines of a picture with each misread number (:func:`misread_number`) read again
    (:func:`settle_number`), before labels and values are paired; the doubts of those a second
    reading did not settle."""
    per_char = char_width([w for ln in lines for w in ln.words])
    if per_char is None:
        return list(lines), []
    out: list[Line] = []
    doubts: list[OcrDoubt] = []
    for line in lines:
        words = []
        for word in line.words:
            if misread_number(word, per_char):
                settled, doubt = settle_number(word, per_char, reread)
                if doubt is not None:
                    doubts.append(doubt)
                elif settled.text != word.text:
                    line = replace(line, text=line.text.replace(word.text, settled.text, 1))
                word = settled
            words.append(word)
        out.append(replace(line, words=tuple(words)))
    return out, doubts


# --- the values of a chart on a scanned page -------------------------------------------------------

_THAI_CONSONANT = re.compile(r"[ก-ฮ]")
#: A line is a row of a chart's values when more than this share of its words are numbers.
VALUE_LINE_SHARE = 0.5


def value_words(lines: Sequence[Line]) -> list[Word]:
    """The numbers of the lines that are rows of values (two numbers or more, and numbers for at
    more than :data:`VALUE_LINE_SHARE` of their words: the values over a chart's bars, read with specks
    of its edges), not a number inside a sentence; numbers of three characters or more
    (``10`` under a bar is a label).

    >>> def w(t, x): return Word(t, t, BBox(x, 0, x + 18, 6), 0.9)
    >>> bars = Line("", "", BBox(0, 0, 300, 6), (w("ก", 0), w("๓20", 20), w("8293", 40), w("78.78", 60)))
    >>> prose = Line("", "", BBox(0, 0, 300, 6), (w("ปี", 0), w("2563", 20), w("เท่ากับ", 40), w("80.39", 60)))
    >>> ws = (w("T", 0), w("ea", 9), w("|", 19), w("6517", 30), w("5๕๓", 60))
    >>> specks = Line("", "", BBox(0, 0, 300, 6), ws)
    >>> [x.text for x in value_words([bars, prose, specks])]
    ['๓20', '8293', '78.78', '6517', '5๕๓']
    """
    out: list[Word] = []
    for line in lines:
        numbers = [w for w in line.words if _number_word(w.text.strip())]
        # specks of the bars (``T``, ``|``, ``ea``: two characters or fewer, no Thai consonant)
        # count for no word; a short Thai word (``ปี``) does
        words = [w for w in line.words if len(w.text.strip()) > 2 or _THAI_CONSONANT.search(w.text)]
        if len(numbers) >= 2 and len(numbers) > VALUE_LINE_SHARE * len(words):
            out += numbers
    return out


#: The last word of a chart's row: a number, maybe after specks of its bar's end read onto it
#: (``ๆ78.34``, ``«ม97736``).
_RE_ROW_END = re.compile(r"\D{0,3}\d[\d.,]*\d")


def row_end_numbers(lines: Sequence[Line]) -> list[Word]:
    """The last word of each line that ends in a number of two digits or more, with at most a few
    other characters before it, and stands apart from the line's words (a bar between them): a
    horizontal bar's value at the end of its row, specks of the bar's end maybe read onto it; not
    a year ending a sentence (``พ.ศ. ๒๕๖๕``).

    >>> def w(t, x): return Word(t, t, BBox(x, 0, x + 18, 6), 0.9)
    >>> row = lambda t: Line("", "", BBox(0, 0, 90, 6), (w("1.", 0), w("การปฏิบัติ", 20), w(t, 60)))
    >>> rows = [row("ๆ78.34"), row("ครบ")]
    >>> rows.append(Line("", "", BBox(0, 0, 90, 6), (w("4.การใช้", 0), w("ฏี", 50), w("7592", 60))))
    >>> year = Line("", "", BBox(0, 0, 90, 6), (w("ปีงบประมาณ", 0), w("พ.ศ.", 20), w("๒๕๖๕", 40)))
    >>> [x.text for x in row_end_numbers([*rows, year])]
    ['ๆ78.34', '7592']
    """
    out: list[Word] = []
    for line in lines:
        last = line.words[-1] if line.words else None
        if last is None or not _RE_ROW_END.fullmatch(last.text.strip()):
            continue
        # the row's words: three characters or more (a speck of the bar read as ``ฏี`` names nothing)
        named = [w for w in line.words[:-1] if _THAI_OR_LATIN.search(w.text) and len(w.text.strip()) > 2]
        if named and last.box.x0 - named[-1].box.x1 > SEGMENT_GAP * max(line.box.height, 1.0):
            out.append(last)
    return out


def _number_word(text: str) -> bool:
    return len(text) >= 3 and bool(_NUMBER_LIKE.fullmatch(text))


def _well_formed(
    text: str, box: BBox, usual: int | None, per_char: float | None, length: int | None = None
) -> bool:
    """A score in the chart's format: its number of decimals, no zero before another whole digit
    (no score is printed ``06.44``: a digit misread), and as many characters as its box holds, or
    as many as the chart's values have (``length``: a box wider than such a reading took in a speck
    beside it, not a digit the reading lost).

    >>> box = BBox(0, 0, 21.6, 6)
    >>> _well_formed("89.69", box, 2, 3.6), _well_formed("89.69", box, 2, 3.6, 5)
    (False, True)
    >>> _well_formed("06.44", box, 2, None)
    False
    """
    if not is_score(text) or (usual is not None and decimals(text) != usual):
        return False
    if re.match(r"0[0-9]", thai_digits_to_arabic(text.strip())):
        return False
    as_long = length is not None and len(text.strip().rstrip("%")) == length
    return per_char is None or as_long or fits_box(text, box, per_char)


def _point_lost(text: str, box: BBox, usual: int | None, per_char: float | None) -> bool:
    """Digits only, as many as a value of the chart's format has, a score with the point put back
    (the point, a speck, lost in the second reading too: :func:`restore_points` marks it)."""
    digits = thai_digits_to_arabic(text)
    if not usual or not digits.isdigit() or len(digits) != 2 + usual:
        return False
    wide = per_char is None or fits_box(f"{digits}.", box, per_char)
    return wide and is_score(f"{digits[:2]}.{digits[2:]}")


def settle_chart_numbers(lines: Sequence[Line], *rereads: Reread) -> tuple[list[Line], list[OcrDoubt]]:
    """The lines of a scanned page with each number of a row of values (:func:`value_words`) that is
    no score in the chart's format (its decimals: :func:`usual_decimals`; its width:
    :func:`char_width`) read again on its own with digits only: the page's reading of a small
    value over a bar loses or changes a digit (``66.05`` as ``66.3``, ``71.80`` as ``7๑๓``,
    ``55.17`` as ``$5.17``).  The second reading replaces the first when it is a score in the
    format, or the format's digits with the point lost (:func:`restore_points` marks those);
    when the two readings' digits differ, the value carries a doubt naming the first.  A second
    reading in no format leaves the first, with a doubt unless both readings are the same number
    and no score (a year among the values).

    >>> def w(t, x): return Word(t, t, BBox(x, 0, x + 17, 6), 0.9)
    >>> row = (w("65.35", 0), w("7๑๓", 31), w("66.3", 62), w("72.07", 93), w("2564", 124))
    >>> again = {31: ("71.80", 0.9), 62: ("66.05", 0.95), 124: ("2564", 0.9)}
    >>> line = Line("", "", BBox(0, 0, 141, 6), row)
    >>> lines, doubts = settle_chart_numbers([line], lambda b: again[int(b.x0)])
    >>> [x.text for x in lines[0].words], [(d.text, d.other) for d in doubts]
    (['65.35', '71.80', '66.05', '72.07', '2564'], [('71.80', '7๑๓'), ('66.05', '66.3')])
    """
    words = value_words(lines)
    ends = [w for w in row_end_numbers(lines) if all(w is not v for v in words)]
    scores = [w for w in (*words, *ends) if is_score(decimal_point(w.text))]
    usual = usual_decimals([_word_segment(w) for w in scores]) if len(scores) >= MIN_FORMAT_VALUES else None
    per_char = char_width(words)
    length = usual_length([decimal_point(w.text) for w in scores])
    doubtful = {
        id(w): per_char
        for w in words
        if not _well_formed(decimal_point(w.text), w.box, usual, per_char, length)
    }
    if usual is not None:  # rows' ends only where the chart's format is known; their boxes may hold specks
        # (so their length, not their box, says a digit was lost: ``3.51`` among ``xx.xx``)
        doubtful |= {
            id(w): None
            for w in ends
            if not _well_formed(decimal_point(w.text), w.box, usual, None)
            or (length is not None and len(decimal_point(w.text).strip().rstrip("%")) != length)
        }
    if not doubtful:
        return list(lines), []
    # a value at a row's end after specks of its bar is read again from the value's width alone
    width = statistics.median(w.box.width for w in scores) if scores else None
    doubts: list[OcrDoubt] = []
    out: list[Line] = []
    for line in lines:
        if not any(id(w) in doubtful for w in line.words):
            out.append(line)
            continue
        new_words = []
        for word in line.words:
            if id(word) in doubtful:
                part = word.box
                if width and not word.text.strip()[:1].isdigit():  # specks first: the value's part
                    part = BBox(
                        max(word.box.x0, word.box.x1 - width), word.box.top, word.box.x1, word.box.bottom
                    )
                word, doubt = _settle_chart_number(word, (usual, length), doubtful[id(word)], rereads, part)
                if doubt is not None:
                    doubts.append(doubt)
            new_words.append(word)
        text = " ".join(w.text for w in new_words)
        out.append(replace(line, text=text, words=tuple(new_words)))
    return out, doubts


def usual_length(values: Sequence[str]) -> int | None:
    """How many characters the chart's values have: the count at least two thirds of them share
    (one number format), else None.

    >>> usual_length(["87.16", "3.36", "85.43"]), usual_length(["87.16", "3.36"])
    (5, None)
    """
    counts = Counter(len(v.strip().rstrip("%")) for v in values)
    if len(values) < MIN_FORMAT_VALUES or not counts:
        return None
    count, n = counts.most_common(1)[0]
    return count if 3 * n >= 2 * len(values) else None


def _settle_chart_number(
    word: Word,
    format: tuple[int | None, int | None],
    per_char: float | None,
    rereads: Sequence[Reread],
    part: BBox | None = None,
) -> tuple[Word, OcrDoubt | None]:
    """One number read again from ``part`` of its box (the whole box by default) by each of
    ``rereads`` in turn until one gives a score in the chart's format (a reading of the format's
    digits with the point lost is kept only when no later reading has the point); the part's box
    goes with a reading that settles it.  ``format`` is the chart's decimals and its values'
    length: a reading of that length needs no box to fit (the first reading's box may hold a
    speck beside the value)."""
    usual, length = format
    first = decimal_point(word.text)
    box = part or word.box
    found: tuple[str, float | None] | None = None
    text = ""
    for reread in rereads:
        text, conf = reread(box)
        text = decimal_point(text)
        if _well_formed(text, box, usual, per_char, length):
            found = (text, conf)
            break
        if found is None and _point_lost(text, box, usual, per_char):
            found = (text, conf)
    if found is not None:
        text, conf = found
        settled = replace(word, text=text, box=box, confidence=conf)
        same = thai_digits_to_arabic(first).replace(".", "") == text.replace(".", "")
        why = "a chart value read again alone with digits only; the page's reading was " + (word.raw or first)
        return settled, None if same else OcrDoubt(text, first, word.box, why)
    if text == thai_digits_to_arabic(first) and not is_score(text):
        return word, None  # the same number twice and no score: a year, a count
    why = f"a chart number in no format of the chart's values; read again alone: {text or 'nothing'}"
    return word, OcrDoubt(first, text, word.box, why)

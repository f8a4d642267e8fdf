"""Group repaired characters into words and lines in reading order.

Thai marks have (almost) no advance, so sorting characters by x scrambles
them (``เพ่อื``).  Here characters are first bound into clusters in
content-stream order (a base character and the marks that follow it), and
only clusters are sorted by position.  Spaces come from the PDF's own space
glyphs or from gaps wider than a fraction of the font size; pdfium's guessed
spaces are not used.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import pairwise

from extractors.pdf.textlayer import SPACE_GLYPHS
from extractors.thai.text import is_mark, is_thai_char, join_wrapped_lines, normalize_thai
from extractors.thai.words import tokenize
from schemas import BBox, Char, Line, Word

#: A horizontal gap wider than this share of the font size separates two words.
WORD_GAP = 0.18
#: Gaps a line needs before its own letter spacing is measured.
_MIN_GAPS = 5
#: Clusters whose baselines differ by less than this share of the font size share a line.
LINE_TOLERANCE = 0.35

_SPACES = SPACE_GLYPHS


class _Cluster:
    """A base character and the marks drawn on it."""

    __slots__ = ("chars", "is_space")

    def __init__(self, chars: list[Char]) -> None:
        self.chars = chars
        base = chars[0]
        #: A space glyph (repaired to nothing or kept as a space): a word boundary.
        self.is_space = base.raw in _SPACES and base.text in ("", *_SPACES)

    @property
    def base(self) -> Char:
        return self.chars[0]

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.chars)

    @property
    def raw(self) -> str:
        return "".join(c.raw for c in self.chars)

    @property
    def x0(self) -> float:
        return self.base.origin_x

    @property
    def x1(self) -> float:
        return max(c.box.x1 for c in self.chars)

    @property
    def box(self) -> BBox:
        box = self.chars[0].box
        for c in self.chars[1:]:
            box = box.union(c.box)
        return box


def _centre_x(c: Char) -> float:
    return (c.box.x0 + c.box.x1) / 2


def _fits(cluster: _Cluster, mark: Char, slack: float) -> bool:
    """Whether ``mark`` is drawn over ``cluster``'s base (same line, horizontally over it)."""
    base = cluster.base
    size = max(mark.size, 1.0)
    return (
        abs(base.baseline - mark.baseline) < LINE_TOLERANCE * size
        and base.box.x0 - slack * size <= _centre_x(mark) <= cluster.x1 + slack * size
    )


def _clusters(chars: Iterable[Char]) -> list[_Cluster]:
    """Bind each mark to its base character.

    A mark follows its base in the content stream in most producers; some
    (iText) draw marks separately, later in the stream and with their own
    baseline: such a mark goes to the base character it is drawn over.
    """
    clusters: list[_Cluster] = []
    orphans: list[Char] = []
    for c in chars:
        if not c.text and c.raw not in _SPACES:
            continue  # an artefact dropped by the repair stage
        if is_mark(c.text[:1]) or (not c.text and c.box.width < 0.05 * c.size):
            # The mark's ink decides between the last two bases (LibreOffice's ActualText can
            # give a cluster's marks out of order); else the stream order does.  Word sometimes
            # writes a space between a consonant and its mark (``ได ้``): that space is skipped.
            recent = [cl for cl in clusters[-3:] if not cl.is_space][-2:]
            host: _Cluster | None
            if recent and _fits(recent[-1], c, slack=0.0) and _centre_x(c) >= recent[-1].base.origin_x:
                host = recent[-1]
            else:
                fitting = [cl for cl in reversed(recent) if _fits(cl, c, slack=0.0)]
                # Where two bases overlap (condensed text), a mark ends where its own base ends.
                host = min(fitting, key=lambda cl: abs(cl.base.box.x1 - c.box.x1)) if fitting else None
            if host is None and recent and _fits(recent[-1], c, slack=0.35):
                host = recent[-1]
            if host is not None:
                host.chars.append(c)
                if len(clusters) > 1 and clusters[-1].is_space and clusters[-2] is host:
                    clusters.pop()  # the space was the artefact; word gaps come from geometry
            elif c.text:
                orphans.append(c)
            continue
        clusters.append(_Cluster([c]))
    for mark in orphans:
        near = [cl for cl in clusters if not cl.is_space and _fits(cl, mark, slack=0.05)]
        if near:
            min(near, key=lambda cl: abs(_centre_x(cl.base) - _centre_x(mark))).chars.append(mark)
        else:
            clusters.append(_Cluster([mark]))
    return clusters


def _group_lines(clusters: list[_Cluster]) -> list[list[_Cluster]]:
    ordered = sorted(clusters, key=lambda cl: cl.base.baseline)
    lines: list[list[_Cluster]] = []
    line_base = 0.0
    for cl in ordered:
        size = max(cl.base.size, 1.0)
        if lines and abs(cl.base.baseline - line_base) <= LINE_TOLERANCE * size:
            lines[-1].append(cl)
        else:
            lines.append([cl])
            line_base = cl.base.baseline
    for line in lines:
        line.sort(key=lambda cl: cl.x0)
    return lines


def letter_spacing(gaps: Sequence[float]) -> float:
    """A line's own spacing between letters: the median gap between its clusters, if positive.

    Thai distributed justification (Word's ``กระจายแบบไทย``) widens every gap between letters
    of a line alike; a word gap is the author's space glyph or a gap much wider than that.

    >>> letter_spacing([0.6, 0.5, 0.7, 4.2, 0.55]), letter_spacing([0.0, -0.1, 3.0])
    (0.6, 0.0)
    >>> letter_spacing([3.0, 0.0])  # too few gaps to tell: no spreading assumed
    0.0
    """
    if len(gaps) < _MIN_GAPS:
        return 0.0
    ordered = sorted(gaps)
    mid = len(ordered) // 2
    median = ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
    return max(0.0, median)


def word_gap_threshold(size: float, spacing: float) -> float:
    """The gap (points) above which two clusters of a line are two words.

    ``WORD_GAP`` of the font size, raised by as much as the line's letter spacing exceeds half of
    that: the letter spacing of real justified lines (up to 0.09 em) leaves the threshold alone, so
    a narrow word gap there (``นั้น ๆ``) is kept; a line spread wider is judged against its own spacing.

    >>> [round(word_gap_threshold(16.0, spacing), 2) for spacing in (0.0, 1.2, 6.0)]
    [2.88, 2.88, 7.44]
    """
    base = WORD_GAP * size
    return base + max(0.0, spacing - base / 2)


def _words(line: list[_Cluster]) -> list[Word]:
    words: list[Word] = []
    current: list[_Cluster] = []

    def flush() -> None:
        if current:
            raw = "".join(cl.raw for cl in current)
            box = current[0].box
            for cl in current[1:]:
                box = box.union(cl.box)
            words.append(Word(text="".join(cl.text for cl in current), raw=raw, box=box))
            current.clear()

    right = [cl.x1 for cl in line]
    gaps = [
        line[i + 1].x0 - right[i]
        for i in range(len(line) - 1)
        if not line[i].is_space and not line[i + 1].is_space
    ]
    spread = letter_spacing(gaps) if len(gaps) >= _MIN_GAPS else 0.0
    prev_x1: float | None = None
    for cl, x1 in zip(line, right, strict=True):
        if cl.is_space:
            flush()
            prev_x1 = None
            continue
        if prev_x1 is not None and cl.x0 - prev_x1 > word_gap_threshold(max(cl.base.size, 1.0), spread):
            flush()
        current.append(cl)
        prev_x1 = x1
    flush()
    return words


def _split_at_rules(line: list[_Cluster], rules: Sequence[BBox]) -> list[list[_Cluster]]:
    """Cut a line where a vertical ruling line (a table's column border) runs between two clusters."""
    if not rules or len(line) < 2:
        return [line]
    y = line[0].base.baseline - 0.3 * line[0].base.size
    crossing = sorted(r.x0 for r in rules if r.top - 1 <= y <= r.bottom + 1)
    if not crossing:
        return [line]
    parts: list[list[_Cluster]] = [[line[0]]]
    for prev, cl in pairwise(line):
        if any(prev.base.origin_x < x < cl.base.origin_x for x in crossing if x >= prev.x1 - 1):
            parts.append([])
        parts[-1].append(cl)
    return parts


def build_lines(chars: Sequence[Char], rules: Sequence[BBox] = ()) -> list[Line]:
    """Lines of words, top to bottom, each word's text normalised Thai.

    ``rules`` are vertical ruling lines: a line of text is cut where one runs through it, so
    that the cells of a table row come out as separate lines, not glued by an invented space.
    """
    lines: list[Line] = []
    groups = [part for group in _group_lines(_clusters(chars)) for part in _split_at_rules(group, rules)]
    for group in groups:
        words = _words(group)
        if not words:
            continue
        box = words[0].box
        for w in words[1:]:
            box = box.union(w.box)
        text = normalize_thai(" ".join(w.text for w in words))
        if not text:
            continue
        lines.append(
            Line(
                text=text,
                raw=" ".join(w.raw for w in words),
                box=box,
                words=tuple(words),
                ends_with_space=group[-1].is_space,
            )
        )
    return lines


def _body_centre(c: Char) -> tuple[float, float]:
    """Where a character's body is: a mark's is its consonant's (same origin and baseline)."""
    return c.origin_x + max(c.box.x1 - c.origin_x, 0.0) / 2, c.baseline - 0.3 * c.size


def chars_in_box(chars: Iterable[Char], box: BBox, tolerance: float = 1.0) -> list[Char]:
    """The characters whose body centre lies in ``box`` (a mark goes where its consonant goes)."""
    return [c for c in chars if box.contains_point(*_body_centre(c), tolerance)]


class CharIndex:
    """The characters of a region, for asking many boxes in turn: :func:`chars_in_box`'s answer,
    in the characters' own order, without going through every character for every box."""

    def __init__(self, chars: Iterable[Char]) -> None:
        placed = sorted(((*_body_centre(c), n, c) for n, c in enumerate(chars)), key=lambda p: p[1])
        self._ys = [p[1] for p in placed]
        self._placed = placed

    def within(self, box: BBox, tolerance: float = 1.0) -> list[Char]:
        lo = bisect_left(self._ys, box.top - tolerance)
        hi = bisect_right(self._ys, box.bottom + tolerance)
        found = [(n, c) for x, y, n, c in self._placed[lo:hi] if box.contains_point(x, y, tolerance)]
        return [c for _, c in sorted(found, key=lambda p: p[0])]


def text_in_box(chars: Sequence[Char] | CharIndex, box: BBox) -> tuple[str, str]:
    """The text inside ``box``: wrapped lines joined as Thai joins them, and the raw lines.

    Returns ``(text, raw)``: ``text`` is normalised, a wrapped line joined
    without the space a line break would invent; ``raw`` keeps the text
    layer's characters, one line per line.
    """
    inside = chars.within(box) if isinstance(chars, CharIndex) else chars_in_box(chars, box)
    lines = build_lines(inside)
    breaks = [ends_paragraph(line, nxt, box) for line, nxt in pairwise(lines)]
    text = join_wrapped_lines([line.text for line in lines], [line.ends_with_space for line in lines], breaks)
    return text, "\n".join(line.raw for line in lines)


#: Cell padding assumed on each side (points): Word's default is 0.19 cm (5.4 pt), LibreOffice's less.
CELL_PADDING = 6.0


def ends_paragraph(line: Line, nxt: Line, box: BBox) -> bool:
    """Whether ``line`` ends a paragraph rather than wraps: the next line's first word would have fit.

    A wrap happens because the next word did not fit; so when the first word of ``nxt`` (for Thai,
    its first dictionary word, by newmm) plus half an em is narrower than the room left on ``line``
    (the cell's width less padding and the line's width: the test holds for left, centred and
    right alignment alike), the author broke the line.
    """
    if not nxt.words or nxt.box.top <= line.box.top:
        return False
    word = nxt.words[0]
    first = _first_token(word.text)
    if not word.text or not first:
        return False
    width = word.box.width * len(first) / len(word.text)
    em = max(nxt.box.height, 1.0)
    room = box.width - 2 * CELL_PADDING - line.box.width
    return width + 0.5 * em < room


def _first_token(text: str) -> str:
    if not text or not is_thai_char(text[0]):
        return text
    tokens = tokenize(text[:30])
    return tokens[0] if tokens else text

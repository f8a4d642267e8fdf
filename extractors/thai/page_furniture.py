"""Page furniture: what a page prints that is no part of the document's text (page numbers,
running headers and footers, "(ต่อ)" captions), found the one way every room uses.

- **Page numbers**: a line that is only ``- 1 -``, ``(๒)``, ``หน้า 1``, ``หน้า 2 จาก 5``, ``1/5``,
  ``- ก -``.
- **Running headers and footers**: a line in the top or bottom margin whose text (digits aside) is
  printed at the same height on other pages (:func:`running_lines`).
- **Continuation captions**: ``(ต่อ)``, ``(continued)`` over the rest of a table.

The tables room passes over these to tell whether a table goes on across a page break; the ITA
room passes over them to find a title and to follow a measure's paragraphs over a page break.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from extractors.thai.text import normalize_thai
from schemas import PageText

_N = r"[0-9๐-๙]{1,3}"
_RE_PAGE_NUMBER = re.compile(
    r"^\s*(?:"
    rf"[-–—]\s*(?:{_N}|[ก-ฮ]|[A-Za-z]{{1,2}})\s*[-–—]"  # OCR's Latin letters for the digit: ``- q -``
    rf"|\(\s*(?:{_N}|[ก-ฮ])\s*\)"
    rf"|(?:หน้า(?:ที่)?|page)\s*{_N}(?:\s*(?:/|จาก|of)\s*{_N})?"
    rf"|{_N}(?:\s*/\s*{_N})?"
    r")\s*$",
    re.IGNORECASE,
)
_RE_CONTINUED = re.compile(r"\(\s*ต่อ\s*\)|\(\s*continued\s*\)", re.IGNORECASE)


def is_page_number(text: str) -> bool:
    """A line that is only a page number.

    >>> [is_page_number(t) for t in ("- 1 -", "หน้า ๒", "3/10", "- ข -", "หน้า 2 จาก 5", "(12)", "Page 3")]
    [True, True, True, True, True, True, True]
    >>> [is_page_number(t) for t in ("๑. บทนำ", "พ.ศ.2567", "ประจำปีงบประมาณ", "2567", "(๑) ตัวชี้วัด")]
    [False, False, False, False, False]

    A page number between dashes is one glyph or two, whatever OCR read them as (``- q -`` for
    ``-4-``): body text never stands so.

    >>> is_page_number("- q -"), is_page_number("- ITA -")
    (True, False)
    """
    return bool(_RE_PAGE_NUMBER.match(text))


def is_continued(text: str) -> bool:
    """A line that says a table goes on from the page before.

    >>> is_continued("ตารางที่ ๒ (ต่อ)"), is_continued("(Continued)"), is_continued("ต่อเนื่อง")
    (True, True, False)
    """
    return bool(_RE_CONTINUED.search(text))


def _repeat_key(text: str) -> str:
    return re.sub(r"[\s0-9๐-๙]", "", normalize_thai(text))


#: A running header read by OCR differs from page to page by a glyph or two (``ITA`` read as
#: ``[โค`` on one page, ``TA`` on another): keys this alike (rapidfuzz's ratio, 0..100) and at
#: least this long are the same line's.
ALIKE_RATIO = 90
ALIKE_CHARS = 12


def _alike(keys: list[str]) -> dict[str, list[str]]:
    """For each of ``keys``, the others that are it read with a glyph or two different (each key
    against all in rapidfuzz's own loop: a long document has hundreds of margin lines).

    >>> keys = ["รายงานการวิเคราะห์ผลการประเมินITAปี", "รายงานการวิเคราะห์ผลการประเมิน[โคปี", "หัว"]
    >>> [k[-6:] for k in _alike(keys)["รายงานการวิเคราะห์ผลการประเมิน[โคปี"]]
    ['นITAปี']
    """
    long = [k for k in keys if len(k) >= ALIKE_CHARS]
    if len(long) < 2:
        return {}
    from rapidfuzz import fuzz, process

    found: dict[str, list[str]] = {}
    for key in long:
        matches = process.extract(key, long, scorer=fuzz.ratio, score_cutoff=ALIKE_RATIO, limit=None)
        others = [k for k, _score, _i in matches if k != key]
        if others:
            found[key] = others
    return found


def running_lines(
    pages: Iterable[PageText], margin: float = 0.15, tolerance: float = 0.02, others: int | None = None
) -> set[tuple[int, int]]:
    """``(page number, line index)`` of the running headers and footers: lines in the top or bottom
    ``margin`` of a page whose text (digits aside) is printed at the same height (± ``tolerance``
    of the page height) on two other pages, or on the other page of a two-page document (a title
    repeated once, over a table on another page, is not a running header); or in the same margin
    of every other page of three or more, whatever its height (a header pushed down by a page
    number that the first page does not have).

    With ``others``, a line printed at the same place (height and left edge, ± ``tolerance``) on
    that many other pages is one too: ``others=1`` finds a running header only two pages of a longer
    document carry (a cover without it), where a title repeated once counts too.

    >>> from schemas import BBox, Line, PageKind, Word
    >>> def page(n, *lines):
    ...     boxes = [(t, BBox(0, y, 100, y + 10)) for t, y in lines]
    ...     ls = [Line(t, t, b, (Word(t, t, b),)) for t, b in boxes]
    ...     return PageText(n, 1000, 1000, PageKind.TEXT, ls)
    >>> doc = [page(1, ("ปก", 500)), page(2, ("หัว", 40), ("ก", 500)), page(3, ("หัว", 45), ("ข", 500))]
    >>> sorted(running_lines(doc)), sorted(running_lines(doc, 0.1, 0.01, others=1))
    ([], [(2, 0), (3, 0)])
    """
    pages = list(pages)
    seen: dict[str, list[tuple[int, int, float, float]]] = defaultdict(list)
    for page in pages:
        if not page.height or not page.width:
            continue
        for i, line in enumerate(page.lines):
            rel = line.box.top / page.height
            if margin < rel < 1 - margin:
                continue
            key = _repeat_key(line.text)
            if len(key) >= 2:
                seen[key].append((page.number, i, rel, line.box.x0 / page.width))
    with_lines = sum(1 for p in pages if p.lines)
    need = min(2, max(1, with_lines - 1))
    found: set[tuple[int, int]] = set()
    alike = _alike(list(seen))
    for key, own in seen.items():
        items = [*own, *(item for other in alike.get(key, ()) for item in seen[other])]
        for number, index, rel, x in own:
            level = {o for o, _i, r, _x in items if o != number and abs(r - rel) <= tolerance}
            everywhere = {o for o, _i, r, _x in items if o != number and (r < 0.5) == (rel < 0.5)}
            if others is not None:
                level = {o for o, _i, r, ox in items if o in level and abs(ox - x) <= tolerance}
                if len(level) >= others:
                    found.add((number, index))
            elif len(level) >= need or len(everywhere) >= max(2, with_lines - 1):
                found.add((number, index))
    return found

"""The years of a document's periods, judged by the document's own evidence.

A measures plan's periods lie in its fiscal year or next to it (:data:`NEAR_YEARS`): the plan of
FY 2566 runs its work from ``ต.ค. ๖๕`` to ``ก.ย. ๖๖``, perhaps a little before or after.  OCR
misreads Thai digits (``๒๕๖๖`` read ``๒๕๖๒`` at 150 dpi), and the misreading is itself a year that
parses, so nothing in the cell alone says it is wrong.  The document says it: its fiscal year
(the title's ``ปีงบประมาณ พ.ศ. ...``) and the years its other periods state
(:func:`evidence_fiscal_year`).

:func:`settle_period_years` uses that evidence on the periods read by OCR whose dates lie outside
it (or give none): it chooses among the readings the OCR actually produced for the cell (the
reading kept, Tesseract's raw reading, the other readings its doubts name) the one whose period
fits the document's years, when exactly one period does (failing that, the readings put together
place by place, then a dated reading with one Thai digit read as its look-alike, ``๖`` read ``๒``,
then two: glyph evidence, and the document's years must choose exactly one; of several that fit,
the one in the fiscal year itself, when only one is).  It never makes a reading up; a period
no reading settles keeps its text and dates (the audit reports it: ``PERIOD_OUTSIDE_YEAR``, and
the page reading's doubt when it read the cell again).  A period so settled keeps its cell's raw text, gets
:data:`SETTLED_CONFIDENCE` and a doubt on its page (a check for a person).
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extractors.ita.periods import (
    BE_OFFSET,
    MONTH_ABBREVIATIONS,
    PERIOD_WORDS,
    ParsedPeriod,
    normalise_period,
    parse_period,
    years_reversed,
)
from extractors.thai.text import arabic_digits_to_thai
from schemas import DOUBT_CONFIDENCE, OcrDoubt, PageText
from schemas.record import Action, Period

#: A measures plan's periods lie in its fiscal year or this many fiscal years before or after it.
NEAR_YEARS = 1
#: The periods name a fiscal year when this many state their year, and more than half of them fall
#: in one fiscal year.
MIN_YEAR_EVIDENCE = 2
#: Fiscal years a text is parsed with to tell whether it states its own years (far apart, and
#: neither a year a document would state).
_PROBES = (2400, 2700)
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
#: The confidence of a period whose reading the document's years chose: the doubt convention.
SETTLED_CONFIDENCE = DOUBT_CONFIDENCE


def fiscal_year_of(day: datetime.date) -> int:
    """The Buddhist-era fiscal year a day falls in (it begins on 1 October).

    >>> fiscal_year_of(datetime.date(2022, 10, 1)), fiscal_year_of(datetime.date(2023, 9, 30))
    (2566, 2566)
    """
    return day.year + BE_OFFSET + (1 if day.month >= 10 else 0)


def written_fiscal_year(text: str) -> int | None:
    """The fiscal year a period text's own years put its end in; None when it does not parse, or
    takes its year from the document (``ต.ค. - ธ.ค.``, ``ตลอดปีงบประมาณ``).

    >>> written_fiscal_year("ต.ค. ๖๕ - มี.ค. ๖๖"), written_fiscal_year("ต.ค. - ธ.ค."), written_fiscal_year("?")
    (2566, None, None)
    >>> written_fiscal_year("ตลอดปีงบประมาณ ๒๕๖๗")
    2567
    """
    low, high = (parse_period(text, year) for year in _PROBES)
    if low != high or low.end is None:
        return None
    return fiscal_year_of(low.end)


def evidence_fiscal_year(texts: Sequence[str]) -> int | None:
    """The fiscal year periods name: the one most of the texts that state their years fall in,
    when they are :data:`MIN_YEAR_EVIDENCE` or more and that year holds more than half of them;
    None otherwise (no evidence, or it is split).

    >>> evidence_fiscal_year(["ต.ค. 65 - ธ.ค. 65", "มี.ค. 66", "ต.ค. 62", "ตลอดปีงบประมาณ"])
    2566
    >>> evidence_fiscal_year(["ต.ค. 65", "ต.ค. 62"]), evidence_fiscal_year(["มี.ค. 66"])
    (None, None)
    """
    years = [y for y in map(written_fiscal_year, texts) if y is not None]
    if len(years) < MIN_YEAR_EVIDENCE:
        return None
    year, count = Counter(years).most_common(1)[0]
    return year if 2 * count > len(years) else None


def within(parsed: ParsedPeriod, fiscal_year: int) -> bool:
    """Whether a parsed period lies in ``fiscal_year`` or next to it (:data:`NEAR_YEARS`).

    >>> within(parse_period("ต.ค. 65 - ธ.ค. 65"), 2566), within(parse_period("ต.ค. 62"), 2566)
    (True, False)
    >>> within(parse_period("?"), 2566)
    False
    """
    if parsed.start is None or parsed.end is None:
        return False
    first, last = fiscal_year_of(parsed.start), fiscal_year_of(parsed.end)
    return fiscal_year - NEAR_YEARS <= first and last <= fiscal_year + NEAR_YEARS


def fits_years(text: str, fiscal_year: int) -> bool:
    """Whether a period text read with ``fiscal_year`` lies in it or next to it (:func:`within`).

    >>> fits_years("ต.ค. 65 - ธ.ค. 65", 2566), fits_years("ต.ค. 62", 2566), fits_years("ต.ค. - ธ.ค.", 2566)
    (True, False, True)
    """
    return within(parse_period(text, fiscal_year), fiscal_year)


def document_fiscal_year(stated: int | None, texts: Sequence[str]) -> int | None:
    """The fiscal year a document's periods are judged by: the one it states (its title), unless
    its periods name another (:func:`evidence_fiscal_year`): then none, the evidence is split; the
    periods' own when it states none.

    >>> document_fiscal_year(2566, ["ต.ค. 65", "มี.ค. 66"]), document_fiscal_year(None, ["ต.ค. 65", "มี.ค. 66"])
    (2566, 2566)
    >>> document_fiscal_year(2562, ["ต.ค. 65", "มี.ค. 66"]) is None
    True
    """
    evidence = evidence_fiscal_year(texts)
    if stated is None or (evidence is not None and evidence != stated):
        return evidence if stated is None else None
    return stated


#: The periods overrule the title's fiscal year when this many state their years (and a majority
#: of them name one other year): a title's year is one reading, each period another.
MIN_OVERRULING_EVIDENCE = 3


def overruled_fiscal_year(stated: int | None, texts: Sequence[str]) -> int | None:
    """The fiscal year the periods name (:func:`evidence_fiscal_year`) when it is not the one the
    title states and :data:`MIN_OVERRULING_EVIDENCE` periods or more state their years; None
    otherwise.  For periods read by OCR only: a title's year misread (``๒๕๖๔`` read ``๒๕๒๕`` and
    taken for ``๒๕๖๕``) would date every period without a year of its own (``ไตรมาสที่ ๑``,
    ``ตลอดปีงบประมาณ``) a year late, while the periods' own years, each read on its own, agree.

    >>> texts = ["ต.ค. 63 - ธ.ค. 63", "ตลอดปีงบประมาณ พ.ศ. 2564", "1 ต.ค. 2563 - 30 ก.ย. 2564", "ไตรมาสที่ 1"]
    >>> overruled_fiscal_year(2565, texts), overruled_fiscal_year(2564, texts)
    (2564, None)
    >>> overruled_fiscal_year(None, texts) is None  # no title's year: the periods date them anyway
    True
    >>> overruled_fiscal_year(2565, texts[:2])  # two periods are too few to overrule a title
    """
    if stated is None:
        return None
    years = [y for y in map(written_fiscal_year, texts) if y is not None]
    evidence = evidence_fiscal_year(texts)
    if evidence is None or evidence == stated or len(years) < MIN_OVERRULING_EVIDENCE:
        return None
    return evidence


@dataclass(frozen=True)
class SettledYear:
    """A period the document's years chose among its cell's readings, and the doubt to report."""

    action: int  #: the action's row
    page: int
    doubt: OcrDoubt


def _readings(action: Action, pages: Sequence[PageText]) -> list[str]:
    """The readings the OCR produced for an action's period cell, the kept one first: the raw
    reading of each of its cells, and the readings the page's doubts name for those boxes."""
    out = [action.period.text or ""]
    for source in action.sources.get("period", []):
        out.append(" ".join(source.raw.split()))
        page = next((p for p in pages if p.number == source.page), None)
        if page is None or page.ocr is None or source.box is None:
            continue
        for doubt in page.ocr.doubts:
            if doubt.box == source.box:
                out += [doubt.text, *doubt.other.split(" / ")]
    return [t for t in dict.fromkeys(" ".join(r.split()) for r in out) if t]


_Found = dict[tuple[datetime.date | None, datetime.date | None], tuple[str, ParsedPeriod]]


def _fitting(readings: Sequence[str], fiscal_year: int) -> _Found:
    """The distinct periods of the readings that lie in the fiscal years (:func:`within`), each
    with the first reading that gives it."""
    found: _Found = {}
    for reading in readings:
        parsed = parse_period(reading, fiscal_year)
        if within(parsed, fiscal_year):
            found.setdefault((parsed.start, parsed.end), (reading, parsed))
    return found


def _by_ocr(action: Action, scanned: set[int]) -> bool:
    """Whether an action's period was read by OCR (a text layer's is as printed)."""
    sources = action.sources.get("period", [])
    return bool(sources) and all(s.confidence is not None or s.page in scanned for s in sources)


def _repaired(
    actions: Sequence[Action],
    fiscal_year: int | None,
    judged: bool,
    scanned: set[int],
    pages: Sequence[PageText] = (),
) -> list[SettledYear]:
    """Periods read by OCR that give no dates, dated by the first repair of their text that parses
    (:func:`extractors.ita.period_repairs.candidates`: look-alike glyphs, a stray mark), and fits
    ``fiscal_year`` when the document's years are ``judged``: above all a period joined from the
    cells of a row a page break cut (``รอบ จ`` + ``“ เตอน``), none of which parsed alone, so no
    cell's repair could see it.  Each gets :data:`SETTLED_CONFIDENCE` and a doubt on its first
    cell's page; the actions are changed in place.

    >>> from schemas import BBox
    >>> from schemas.record import Provenance
    >>> box = BBox(0, 0, 10, 10)
    >>> src = {"period": [Provenance(2, box, "รอบ จ", 0.9), Provenance(3, box, "“ เตอน", 0.3)]}
    >>> period = Period("รอบ จ “ เตอน", None, None)
    >>> act = Action(1, None, None, [], [], [], period, None, [], [], 2, [2, 3], src)
    >>> [s.doubt.text for s in _repaired([act], 2562, True, {2, 3})], act.period.end
    (['รอบ ๖ “ เดอน'], datetime.date(2019, 3, 31))

    When no repair of the joined text parses, the cells' own readings (:func:`joined_readings`:
    each cell's other readings its page's doubts name) are joined instead, and their repairs tried:
    ``mn.`` at the foot of a page, read ``ทุก`` by the Thai model, and ``ไตรมาส`` on the next.
    Of the periods they give, exactly one must fit.
    """
    from extractors.ita.period_repairs import candidates, parses

    settled: list[SettledYear] = []
    for action in actions:
        text = action.period.text
        sources = action.sources.get("period", [])
        if (
            not text
            or action.period.end is not None
            or not _by_ocr(action, scanned)
            or sources[0].box is None
        ):
            continue
        for candidate in candidates(text):
            if candidate == text or not parses(candidate):
                continue
            parsed = parse_period(candidate, fiscal_year)
            if parsed.end is None or (judged and fiscal_year is not None and not within(parsed, fiscal_year)):
                continue
            action.period = _period(candidate, parsed)
            action.sources["period"] = [replace(s, confidence=SETTLED_CONFIDENCE) for s in sources]
            why = "a period read only after repairs (look-alike letters or digits, stray marks)"
            if len(sources) > 1:
                why += ", its cells cut by a page break read as one"
            settled.append(
                SettledYear(action.row, sources[0].page, OcrDoubt(candidate, text, sources[0].box, why))
            )
            break
        else:
            if len(sources) > 1 and pages:
                readings = [text, *joined_readings(action, pages)]
                found = _joined_fits(readings, fiscal_year, judged)
                for changes in range(1, MAX_DIGIT_SWAPS + 1):
                    if found or not judged or fiscal_year is None:
                        break
                    # a year's digits read as their look-alikes (``๒๕๐๓`` for ``๒๕๖๗``), as in
                    # :func:`settle_period_years`: the document's years must choose exactly one
                    found = _fitting(digit_lookalikes(readings, changes), fiscal_year)
                    found = _in_year(found, fiscal_year) if changes == 1 else found
                if len(found) == 1:
                    candidate, parsed = next(iter(found.values()))
                    action.period = _period(candidate, parsed)
                    action.sources["period"] = [replace(s, confidence=SETTLED_CONFIDENCE) for s in sources]
                    why = "a period joined from its cells' readings (cut by a page break), after repairs"
                    doubt = OcrDoubt(candidate, text, sources[0].box, why)
                    settled.append(SettledYear(action.row, sources[0].page, doubt))
    return settled


def _joined_fits(readings: Sequence[str], fiscal_year: int | None, judged: bool) -> _Found:
    """The distinct periods the ``readings`` (as read, or their first repair that parses) give, within
    ``fiscal_year`` when the document's years are ``judged``."""
    from extractors.ita.period_repairs import candidates, parses

    found: _Found = {}
    for reading in readings:
        # as read first: a repair of a reading that parses (``ต .ค. 64``'s ``ต`` is no debris) loses it
        for candidate in dict.fromkeys([reading, *candidates(reading)]):
            if not parses(candidate):
                continue
            parsed = parse_period(candidate, fiscal_year)
            outside = judged and fiscal_year is not None and not within(parsed, fiscal_year)
            if parsed.end is not None and not outside:
                found.setdefault((parsed.start, parsed.end), (candidate, parsed))
            break
    return found


#: Marks alone at a cell reading's edges (``. ทุก .``): no part of a period.
_EDGE_DOTS = re.compile(r"^(?:[.,'`\"“”‘’]+\s+)+|(?:\s+[.,'`\"“”‘’]+)+$")


#: A cell's reading that holds no period: at most this many characters, no Thai letter, no two
#: digits side by side (no day, no year): a rule's stub or a speck read as ``-1]``.
DEBRIS_CHARS = 3
_RE_PERIOD_PART = re.compile(r"[\u0e01-\u0e2e]|[0-9๐-๙]{2}")


def debris(reading: str) -> bool:
    """Whether a cell's reading is debris (:data:`DEBRIS_CHARS`), no part of a period.

    >>> debris("-1]"), debris("๖๔"), debris("เดือน"), debris("")
    (True, False, False, True)
    """
    text = "".join(reading.split())
    return len(text) <= DEBRIS_CHARS and not _RE_PERIOD_PART.search(text)


def _dateless(reading: str) -> bool:
    """Whether a cell's reading holds no part of a period: no digit, no month (its name or its
    abbreviation) and none of the parser's words (:data:`~extractors.ita.periods.PERIOD_WORDS`:
    ``เดือน`` of ``รอบ 6`` / ``เดือน``), once normalised (:func:`~extractors.ita.periods.normalise_period`).

    >>> _dateless("|ทำงาน ]"), _dateless("เดือน"), _dateless("ธ.ค. ๖๔"), _dateless("กุมภาพันธ์")
    (True, False, False, False)
    """
    tokens = set(normalise_period(reading).split())
    return not re.search(r"\d", reading) and not tokens & (set(MONTH_ABBREVIATIONS) | PERIOD_WORDS)


def joined_readings(action: Action, pages: Sequence[PageText]) -> list[str]:
    """The readings of a period joined from several cells (a row cut by a page break): each cell's
    readings (its raw text, and those its page's doubts name for its box, without marks alone at
    their edges) joined in order, every combination once (at most :data:`MAX_COMBINATIONS`);
    none for a period of one cell.

    >>> from schemas import BBox, OcrInfo, OcrStatus
    >>> from schemas.record import Provenance
    >>> a, b = BBox(0, 90, 10, 100), BBox(0, 0, 10, 10)
    >>> src = {"period": [Provenance(2, a, "mn.", 0.3), Provenance(3, b, "ไตรมาส", 0.9)]}
    >>> act = Action(1, None, None, [], [], [], Period("mn. ไตรมาส"), None, [], [], 2, [2, 3], src)
    >>> page = PageText(2, 100, 100, "scanned", ocr=OcrInfo(OcrStatus.READ, 150))
    >>> page.ocr.doubts.append(OcrDoubt("mn.", ". ทุก .", a, "no reading parses"))
    >>> joined_readings(act, [page])
    ['mn. ไตรมาส', 'ทุก ไตรมาส']

    A later cell whose every reading is debris (:func:`debris`: a rule's stub below the page
    break read ``-1]``) is perhaps no part of the period: the joins without it are candidates too.

    >>> src = {"period": [Provenance(3, a, "ต.ค. 64 - ธ.ค. 64", 0.9), Provenance(4, b, "-1]", 0.3)]}
    >>> act = Action(1, None, None, [], [], [], Period("ต.ค. 64 - ธ.ค. 64 -1]"), None, [], [], 3, [3, 4], src)
    >>> joined_readings(act, [])
    ['ต.ค. 64 - ธ.ค. 64', 'ต.ค. 64 - ธ.ค. 64 -1]']

    So is one that holds no part of a date (:func:`_dateless`: another column's word set in the
    period's, ``|ทำงาน ]`` below ``ไตรมาสที่3``): the period must then be read without it.

    >>> src = {"period": [Provenance(4, a, "ไตรมาส\\nที่3", 0.9), Provenance(5, b, "|ทำงาน ]", 0.3)]}
    >>> act = Action(1, None, None, [], [], [], Period("ไตรมาสที่3 |ทำงาน ]"), None, [], [], 4, [4, 5], src)
    >>> joined_readings(act, [])
    ['ไตรมาส ที่3', 'ไตรมาส ที่3 |ทำงาน ]']
    """
    from itertools import product
    from math import prod

    sources = action.sources.get("period", [])
    if len(sources) < 2:
        return []
    cells: list[list[str]] = []
    for source in sources:
        readings = [" ".join(source.raw.split())]
        page = next((p for p in pages if p.number == source.page), None)
        if page is not None and page.ocr is not None and source.box is not None:
            for doubt in page.ocr.doubts:
                if doubt.box == source.box:
                    readings += [doubt.text, *doubt.other.split(" / ")]
        cleaned = [r for r in dict.fromkeys(_EDGE_DOTS.sub("", " ".join(r.split())) for r in readings) if r]
        if cells and all(debris(r) or _dateless(r) for r in cleaned):
            # a rule's stub or a speck below the page break, or words with no date's part (another
            # column's word set in this one: ``|ทำงาน ]``): perhaps no part
            cleaned = ["", *cleaned]
        cells.append(cleaned or [""])
    if prod(len(c) for c in cells) > MAX_COMBINATIONS:
        return []
    joined = (" ".join(t for t in combination if t) for combination in product(*cells))
    return [t for t in dict.fromkeys(joined) if t]


def _fullest(found: _Found) -> _Found:
    """Of several periods that fit, the one whose reading has the most tokens, when only one has
    as many: the others come from readings that lost a part of the cell (``ก.ค. ๖๓`` where another
    reading kept ``ก.พ. - ก.ค. ๖๓``); ``found`` itself otherwise.

    >>> two = _fitting(["ก.ค. ๖๓", "ก.พ. - ก.ค. ๖๓"], 2563)
    >>> [reading for reading, _parsed in _fullest(two).values()]
    ['ก.พ. - ก.ค. ๖๓']
    >>> len(_fullest(_fitting(["ก.ค. ๖๓", "ก.พ. ๖๓"], 2563)))  # as long: no choice
    2
    """
    if len(found) < 2:
        return found
    sizes = {key: len(normalise_period(reading).split()) for key, (reading, _parsed) in found.items()}
    most = max(sizes.values())
    best = [key for key, size in sizes.items() if size == most]
    return {best[0]: found[best[0]]} if len(best) == 1 else found


def _in_year(found: _Found, fiscal_year: int) -> _Found:
    """Of several periods that fit (:func:`within`: the fiscal year or one next to it), the one
    that lies in ``fiscal_year`` itself, when only one does (``ก.พ. ๖๘`` and ``ก.พ. ๖๙`` for a plan
    of FY 2568: the plan's own year); ``found`` itself otherwise.

    >>> [reading for reading, _parsed in _in_year(_fitting(["ก.พ. ๖๘", "ก.พ. ๖๙"], 2568), 2568).values()]
    ['ก.พ. ๖๘']
    >>> len(_in_year(_fitting(["ก.พ. ๖๘", "มี.ค. ๖๘"], 2568), 2568))  # both in the year: no choice
    2
    """
    if len(found) < 2:
        return found
    own = {
        key: value
        for key, value in found.items()
        if value[1].start is not None
        and value[1].end is not None
        and fiscal_year_of(value[1].start) == fiscal_year == fiscal_year_of(value[1].end)
    }
    return own if len(own) == 1 else found


#: A cell's readings are put together place by place only while this gives so many candidates.
MAX_COMBINATIONS = 64


def combinations(readings: Sequence[str]) -> list[str]:
    """Readings of one cell put together place by place: readings whose normalised tokens
    (:func:`~extractors.ita.periods.normalise_period`) have the same shape (as many tokens; months,
    numbers and the same other words at the same places) give, at each place, any of the tokens
    they read there.  Every token of a candidate is one the OCR read at that place; digits are
    written in the script the readings use.

    >>> found = combinations(["ต.ค. ๖๘ - ก.ค. ๖๘", "ต.ค. ๒๘ - ธ.ค. ๒๕", "ตามความเหมาะสม"])
    >>> len(found), found[:2], "ต.ค. ๖๘ - ธ.ค. ๖๘" in found
    (8, ['ต.ค. ๒๘ - ก.ค. ๒๕', 'ต.ค. ๒๘ - ก.ค. ๖๘'], True)
    >>> combinations(["ต.ค. ๖๘", "ตลอดปีงบประมาณ"])  # no two of one shape
    []
    """
    from itertools import product
    from math import prod

    groups: dict[tuple[str, ...], list[list[str]]] = {}
    for reading in readings:
        tokens = normalise_period(reading).split()
        shape = tuple("M" if month_shaped(t) else "N" if t.isdigit() else t for t in tokens)
        if tokens and tokens not in groups.setdefault(shape, []):
            groups[shape].append(tokens)
    thai = any(ch in THAI_DIGITS for reading in readings for ch in reading)
    out: list[str] = []
    for members in groups.values():
        places = [sorted(set(place)) for place in zip(*members, strict=True)]
        if len(members) < 2 or prod(len(p) for p in places) > MAX_COMBINATIONS:
            continue
        for combination in product(*places):
            text = " ".join(combination)
            out.append(arabic_digits_to_thai(text) if thai else text)
    return out


#: A token shaped like a month's dotted abbreviation: a consonant, perhaps marks, a dot, one or two
#: consonants (one read twice: ``ศค``), perhaps marks, a dot (``ฑิ.ค.``, ``ก.ข.``).
_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_RE_MONTH_SHAPED = re.compile(rf"[\u0e01-\u0e2e][{_MARKS}]*\.[\u0e01-\u0e2e]{{1,2}}[{_MARKS}]*\.")


def month_shaped(token: str) -> bool:
    """Whether a normalised token is a month's abbreviation, or shaped like one (a month's letters
    misread: ``ฑิ.ค.``): at a month's place in a reading, whichever another reading reads there.

    >>> month_shaped("ต.ค."), month_shaped("ฑิ.ค."), month_shaped("ติ.ศค.")
    (True, True, True)
    >>> month_shaped("2566"), month_shaped("ไตรมาส")
    (False, False)
    """
    return token in MONTH_ABBREVIATIONS or bool(_RE_MONTH_SHAPED.fullmatch(token))


def with_repairs(readings: Sequence[str]) -> list[str]:
    """The ``readings`` and, after them, each one's repairs of its letters alone
    (:func:`extractors.ita.period_repairs.candidates`, without the compound ones, that keep every
    digit as read): a month's look-alike letters read as the month in one reading (``ติ.ศค.``:
    ``ต.ค.``), its years perhaps read well in another, for :func:`combinations` to put together.
    No digit is made up: a repair's look-alike years (``๒๕๒๘`` as ``๒๕๖๘``) are left out.

    >>> with_repairs(["๑ ติ.ศค. ๒๕๒๐๒๐", "๑ ฑิ.ค. ๒๕๖๖"])[:3]
    ['๑ ติ.ศค. ๒๕๒๐๒๐', '๑ ฑิ.ค. ๒๕๖๖', '๑ ติ.ค. ๒๕๒๐๒๐']
    >>> with_repairs(["พ.ค. ๒๕๒๘"])
    ['พ.ค. ๒๕๒๘']
    """
    from extractors.ita.period_repairs import candidates

    def digits(text: str) -> str:
        return "".join(ch for ch in text if ch.isdigit())

    repaired = (
        c for reading in readings for c in candidates(reading, compound=False) if digits(c) == digits(reading)
    )
    return list(dict.fromkeys([*readings, *repaired]))


#: At most this many Thai digits of a reading are read as their look-alikes (two wrong digits in
#: one year: ``๒๕`` for ``๖๘``); fewer changes are always tried first.
MAX_DIGIT_SWAPS = 2


def digit_lookalikes(readings: Sequence[str], changes: int = 1) -> list[str]:
    """The readings with ``changes`` Thai digits each read as its look-alike
    (:func:`extractors.ita.period_repairs.digit_swaps`, the one table of them): candidates only,
    of which the document's years choose one, when exactly one period among them fits
    (:func:`settle_period_years`).

    >>> digit_lookalikes(["พ.ค. ๒๔"])
    ['พ.ค. ๖๔', 'พ.ค. ๑๔', 'พ.ค. ๒๕', 'พ.ค. ๒๘']
    >>> digit_lookalikes(["ตลอดปีงบประมาณ", "ต.ค. 65"])
    []

    A range's years printed alike and read alike (``ต.ค. ๖๕ - ธ.ค. ๖๕``) are one glyph misread the
    same way twice: with one change, each look-alike is also read in every such year at once.

    >>> "ต.ค. ๖๘ - ธ.ค. ๖๘" in digit_lookalikes(["ต.ค. ๖๕ - ธ.ค. ๖๕"])
    True
    """
    from extractors.ita.period_repairs import digit_swaps

    out = [swapped for reading in readings for swapped in digit_swaps(reading, changes)]
    if changes == 1:
        out += [swapped for reading in readings for swapped in _alike_years(reading)]
    return list(dict.fromkeys(out))


_THAI_RUN = re.compile(f"[{THAI_DIGITS}]+")


def _alike_years(reading: str) -> list[str]:
    """``reading`` with each run of Thai digits it holds more than once read, in every place at
    once, with one digit as its look-alike (:func:`extractors.ita.period_repairs.digit_swaps`)."""
    from extractors.ita.period_repairs import digit_swaps

    runs = [run for run, n in Counter(_THAI_RUN.findall(reading)).items() if n > 1]
    out: list[str] = []
    for run in runs:
        pattern = re.compile(f"(?<![{THAI_DIGITS}]){run}(?![{THAI_DIGITS}])")
        out += [pattern.sub(swapped, reading) for swapped in digit_swaps(run)]
    return out


def dated_alone(reading: str, fiscal_year: int) -> bool:
    """Whether ``reading`` names dates: dated in ``fiscal_year``, or a period that parses on its
    own (:func:`extractors.ita.period_repairs.parses`), as a deadline before the fiscal year does,
    which the parser dates in no fiscal year it starts after (``ภายใน ๓๑ มี.ค. ๒๕๖๕`` in a plan of
    FY 2568: its year's ``๘`` read ``๕``).  Such a reading's digits are look-alikes to try too.

    >>> dated_alone("ภายใน ๓๑ มี.ค. ๒๕๖๕", 2568), parse_period("ภายใน ๓๑ มี.ค. ๒๕๖๕", 2568).start
    (True, None)
    >>> dated_alone("ภายใน ๓๑ มี.ค. ๒๕๒๕", 2568), dated_alone("ตามความเหมาะสม", 2568)
    (False, False)
    """
    from extractors.ita.period_repairs import parses

    return parse_period(reading, fiscal_year).start is not None or parses(reading)


def _period(text: str, parsed: ParsedPeriod) -> Period:
    return Period(text, None if parsed.rule == "deadline" else parsed.start, parsed.end)


def settle_period_years(
    actions: Sequence[Action], stated: int | None, pages: Sequence[PageText]
) -> list[SettledYear]:
    """Periods read by OCR (on a page read by OCR) that lie outside the document's fiscal years
    (:func:`document_fiscal_year`) or give no dates, settled by the one reading of their cell
    whose period fits them (:func:`fits_years`).  The actions are changed in place, each
    settlement's doubt is added to its page's OCR doubts (a check for a person), and the
    settlements are returned.  A period whose readings fit in two ways, or in none, or whose cell
    has no box to show, or that joins several cells (rows read as one: which cell is the row's is
    no question of years), is left as it is.

    >>> import datetime
    >>> from schemas import BBox, OcrInfo, OcrStatus
    >>> from schemas.record import Provenance
    >>> box = BBox(0, 0, 10, 10)
    >>> def action(row, text, raw):
    ...     parsed = parse_period(text, 2566)
    ...     src = {"period": [Provenance(3, box if row == 3 else None, raw, 0.9)]}
    ...     return Action(row, None, None, [], [], [], _period(text, parsed), None, [], [], 3, [3], src)
    >>> acts = [action(1, "ต.ค. ๖๕", "ต.ค. ๖๕"), action(2, "มี.ค. ๖๖", ""), action(3, "ต.ค. ๖๒ - ธ.ค. ๖๒", "")]
    >>> page = PageText(3, 100, 100, "scanned", ocr=OcrInfo(OcrStatus.READ, 200))
    >>> other = "ต.ค. ๒๕ - ธ.ค. ๒๕ / ต.ค. ๖๕ - ธ.ค. ๖๕"
    >>> page.ocr.doubts.append(OcrDoubt("ต.ค. ๖๒ - ธ.ค. ๖๒", other, box, "?"))
    >>> [s.action for s in settle_period_years(acts, 2566, [page])]
    [3]
    >>> acts[2].period.text, acts[2].period.start, acts[2].sources["period"][0].confidence
    ('ต.ค. ๖๕ - ธ.ค. ๖๕', datetime.date(2022, 10, 1), 0.3)
    """
    texts = [a.period.text or "" for a in actions]
    year = document_fiscal_year(stated, texts)
    overruled = overruled_fiscal_year(stated, texts)
    if overruled is not None:  # the title's year was misread: the periods' own years decide
        year = overruled
    scanned = {p.number for p in pages if p.ocr is not None}
    settled = _repaired(actions, year if year is not None else stated, year is not None, scanned, pages)
    if year is not None:
        settled += _judged(actions, year, stated, overruled, pages, scanned)
    for item in settled:  # each on its page, where the checks of OCR doubts find it
        page = next((p for p in pages if p.number == item.page), None)
        if page is not None and page.ocr is not None and item.doubt not in page.ocr.doubts:
            page.ocr.doubts.append(item.doubt)  # once, however often the document is interpreted
    return settled


def _dated_by(text: str, dated: tuple[datetime.date | None, datetime.date | None], year: int) -> int | str:
    """The fiscal year near ``year`` that dates ``text`` as ``dated`` (a period without a year of
    its own dated by a misread title), or ``"year"`` when none does.

    >>> _dated_by("ไตรมาสที่ ๑", (datetime.date(2021, 10, 1), datetime.date(2021, 12, 31)), 2564)
    2565
    """
    for other in range(year - 10, year + 11):
        parsed = parse_period(text, other)
        if other != year and (_period(text, parsed).start, parsed.end) == dated:
            return other
    return "year"


def _judged(
    actions: Sequence[Action],
    year: int,
    stated: int | None,
    overruled: int | None,
    pages: Sequence[PageText],
    scanned: set[int],
) -> list[SettledYear]:
    """The loop of :func:`settle_period_years` over the periods, judged by the fiscal ``year``."""
    settled: list[SettledYear] = []
    for action in actions:
        sources = action.sources.get("period", [])
        text = action.period.text
        if (
            not text
            or len(sources) != 1
            or (sources[0].confidence is None and sources[0].page not in scanned)
        ):
            continue  # a text layer's period is as printed; one of cells joined is not its own
        if fits_years(text, year):
            parsed = parse_period(text, year)
            as_dated = (action.period.start, action.period.end)
            if (
                (overruled is not None or action.period.end is not None)
                and as_dated != (_period(text, parsed).start, parsed.end)
                and sources[0].box
            ):
                # dated by the title's year, which the document's periods overrule (``ไตรมาสที่ ๑``
                # of FY 2565 where the title's ``๒๕๖๔`` was read ``๒๕๖๕``): here, or before (the
                # document's facts overruled it, :func:`overruled_fiscal_year`, after its periods
                # were dated by it: ``stated`` is the periods' year then, and the period's dates
                # are what tell the year it was dated by)
                action.period = _period(text, parsed)
                action.sources["period"] = [replace(s, confidence=SETTLED_CONFIDENCE) for s in sources]
                was = stated if overruled is not None else _dated_by(text, as_dated, year)
                why = (
                    f"dated by the fiscal year {year} the document's periods name, not the title's {was}"
                    " (read by OCR)"
                )
                settled.append(
                    SettledYear(action.row, sources[0].page, OcrDoubt(text, text, sources[0].box, why))
                )
            elif stated is None and action.period.end is None and sources[0].box is not None:
                # dated by the year its document's periods name (the title's was not read): a
                # deadline or a whole year needs one (``ภายใน ๓๐ มิ.ย. ๒๕๖๙``, ``ต่อเนื่อง``)
                action.period = _period(text, parsed)
                action.sources["period"] = [replace(s, confidence=SETTLED_CONFIDENCE) for s in sources]
                why = f"dated by the fiscal year {year} the document's periods name (it states none)"
                settled.append(
                    SettledYear(action.row, sources[0].page, OcrDoubt(text, text, sources[0].box, why))
                )
            continue
        readings = _readings(action, pages)
        found = _fitting(readings, year)
        how = "among its readings"
        if not found:  # no reading fits whole: perhaps one put together from their parts
            found = _fitting(combinations(readings), year)
            how = "among its readings' parts, place by place,"
        dated = [r for r in readings if dated_alone(r, year)]
        # then the readings written as dates whose end's year comes before its start's (its end's
        # year misread: ``๒๕๖๗ - ... ๒๕๒๕``), only when those that parse give nothing
        unordered = [r for r in readings if r not in dated and years_reversed(r)]
        for pool in (dated, unordered):
            for changes in range(1, MAX_DIGIT_SWAPS + 1):
                if found:
                    break
                # or a reading that parses, outside the years: its digits read as their look-alikes,
                # one (of two that fit, the one in the plan's own year), else two (exactly one fits)
                found = _fitting(digit_lookalikes(pool, changes), year)
                found = _in_year(found, year) if changes == 1 or pool is unordered else found
                how = f"among its readings with {changes} look-alike digit{'s' if changes > 1 else ''}"
        if not found:  # last, from their parts and their letters' repairs (a month's look-alikes)
            found = _fitting(combinations(with_repairs(readings)), year)
            how = "among its readings' parts and their letters' repairs, place by place,"
        found = _fullest(found)
        box = sources[0].box
        if len(found) != 1 or box is None:  # no box to show a person: never changed unseen
            continue
        reading, parsed = next(iter(found.values()))
        action.period = _period(reading, parsed)
        action.sources["period"] = [replace(s, confidence=SETTLED_CONFIDENCE) for s in sources]
        why = f"the period chosen {how} by the document's fiscal year {year}"
        settled.append(SettledYear(action.row, sources[0].page, OcrDoubt(reading, text, box, why)))
    return settled

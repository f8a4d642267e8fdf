r"""Read the period cell (ระยะเวลาดำเนินการ) of a measures table into a Gregorian date range.

:func:`parse_period` turns the text of the cell into a :class:`ParsedPeriod`: the first and last day
the text covers (``datetime.date``, AD) and the name of the rule that read it. Text that no rule reads
gives ``start = end = None`` and rule ``"unparsed"``: the parser never guesses.

How the text is read (see docs/ITA_DOMAIN.md, "Dates and periods"):

1. :func:`normalise_period` rewrites the text into canonical tokens separated by single spaces: Arabic
   digits; ``พ.ศ.``/``ค.ศ.`` dropped; every spelling of a month (``ม.ค.`` ``ม.ค`` ``มค.`` ``ม. ค.``
   ``มกราคม`` ``มกรา``) as its dotted abbreviation; ``-`` ``–`` ``—`` ``ถึง`` ``จนถึง`` as `` - ``;
   the words the rules use split off (``ไตรมาสที่`` as ``ไตรมาส``, ``ปีงบ`` as ``ปีงบประมาณ``), and
   filler words dropped (``วันที่`` ``ตั้งแต่`` ``ระหว่าง`` ``ดำเนินการ`` ``ประจำ`` ``ช่วง`` ``ใน``,
   ``เดือน`` before a month). Any other word stays, and makes the text unreadable.
2. Years: BE = AD + 543. Two digits mean 25xx (``65`` = 2565 = 2022); four digits below 2400 are AD.
   The fiscal year (ปีงบประมาณ) is named by the BE year it ends in: FY 2566 = 1 Oct 2022 .. 30 Sep 2023;
   its months ต.ค.–ธ.ค. fall in BE year FY - 1, the others in FY.
3. The rules, tried in this order on the whole normalised text (each names its result):

   - ``deadline``: ``ภายใน <period>`` (``ภายในวันที่ 31 มีนาคม 2566``): from the first day of the fiscal
     year given as argument to the end of the period; without ``fiscal_year``, unparsed.
   - ``fiscal-year``: ``ตลอดปีงบประมาณ`` ``ตลอดปี`` ``ตลอดทั้งปี`` ``ปีงบประมาณ 2566``, optionally
     followed by a recurrence (``ทุกเดือน``): the whole fiscal year.
   - ``recurring``: ``ทุกเดือน`` ``ทุกๆ เดือน`` ``ทุกไตรมาส`` ``ทุก 3 เดือน`` ``ทุกปี`` ``ต่อเนื่อง``
     ``อย่างต่อเนื่อง``: the work recurs through the whole fiscal year.
   - ``quarter``: ``ไตรมาสที่ 1`` (ต.ค.–ธ.ค.) .. ``ไตรมาสที่ 4`` (ก.ค.–ก.ย.), ``ไตรมาสที่ 2 - 3``.
   - ``fiscal-months``: ``รอบ 6 เดือน`` and ``6 เดือนแรก`` (the first N months of the fiscal year),
     ``6 เดือนหลัง`` (the last N), ``ครึ่งปีแรก`` / ``ครึ่งปีหลัง`` (N = 6).
   - ``day`` / ``day-range`` / ``month`` / ``month-range``: explicit dates (``19 มี.ค. 2564``,
     ``14-15 ก.ย. 2564``, ``มี.ค. ๖๖``, ``ต.ค. 65 - มี.ค. 66``): from the first day of the first month
     (or the day given) to the last day of the last month (or the day given). A start without a month
     takes the end's month; a start without a year takes the end's year, minus one when its month comes
     after the end's month (``ต.ค. - มี.ค. ๖๖``), and an end without a year likewise takes the start's.
     With no year at all the months are placed in the fiscal year.

   The fiscal year of the first five rules, and of months without any year, is the one written in the
   text (``ปีงบประมาณ ๒๕๖๖``, ``ปี 2566``, ``ไตรมาส 1/66``) if any, else the ``fiscal_year`` argument;
   with neither, the result is unparsed.
4. Parenthesised parts: explicit dates in parentheses win (``ไตรมาสที่ 2 (1 ม.ค. 66 - 31 มี.ค. 66)``),
   if the text outside is empty or read by some rule. Otherwise the text outside decides and the
   parentheses are a note (``ตลอดปีงบประมาณ (ทุกเดือน)``).
5. Unparsed: no rule reads the whole text (``ตามความเหมาะสม``, ``-``, empty), the year a rule needs is
   unknown, the date does not exist (``31 ก.พ. 66``), or the range ends before it starts.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import NamedTuple

from extractors.thai.text import MARKS, thai_digits_to_arabic, tidy_whitespace

__all__ = [
    "ERA",
    "MONTH_ABBREVIATIONS",
    "MONTH_NAMES",
    "PERIOD_WORDS",
    "RULES",
    "UNPARSED",
    "ParsedPeriod",
    "be_year",
    "joined_months",
    "normalise_period",
    "parse_period",
    "years_reversed",
]

#: Canonical (dotted) abbreviations of the months, January first.
MONTH_ABBREVIATIONS = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
#: Full month names, January first.
MONTH_NAMES = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
#: Every value of :attr:`ParsedPeriod.rule`.
RULES = (
    "day", "day-range", "month", "month-range", "fiscal-year", "recurring", "quarter", "fiscal-months",
    "deadline", "unparsed",
)  # fmt: skip

BE_OFFSET = 543
_THAI = "\u0e01-\u0e4e"  # Thai letters, vowels and marks


@dataclass(frozen=True, slots=True)
class ParsedPeriod:
    """A period as a Gregorian date range (both ends included), and the rule that read it.

    >>> ParsedPeriod(datetime.date(2022, 1, 1), datetime.date(2022, 3, 31), "month-range").end
    datetime.date(2022, 3, 31)
    >>> ParsedPeriod(datetime.date(2022, 1, 1), None, "month")
    Traceback (most recent call last):
    ValueError: start and end are both set or both None
    """

    start: datetime.date | None
    end: datetime.date | None
    rule: str

    def __post_init__(self) -> None:
        if (self.start is None) != (self.end is None):
            raise ValueError("start and end are both set or both None")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"the period ends ({self.end}) before it starts ({self.start})")


UNPARSED = ParsedPeriod(None, None, "unparsed")


# --- normalisation -------------------------------------------------------------------------------


def _abbreviation_pattern(abbreviation: str) -> str:
    """Regex for a month abbreviation with or without its dots, spaces around the dots allowed.

    A form without any dot (``มค``) must stand alone; a form without its first dot (``มค.``, or with
    a space for it, ``มิ ย.``: a scan loses a dot) must not follow a Thai letter; a form with its
    first dot must not follow a dot (``อ.ก.พ.`` is no month).

    >>> pattern = re.compile(_abbreviation_pattern("มี.ค."))
    >>> [bool(pattern.fullmatch(s)) for s in ("มี.ค.", "มี.ค", "มีค.", "มี. ค .", "มีค", "มีๆค", "มี ค.", "มี ค")]
    [True, True, True, True, True, False, True, False]
    >>> bool(pattern.search("อ.มี.ค.")), bool(pattern.search("ตามีค"))
    (False, False)

    A scan reads the last dot as a comma (``ก.ย, 2566``): with the first dot there, it is the dot.

    >>> pattern.fullmatch("มี.ค,").group()
    'มี.ค,'

    """
    first, second = abbreviation.rstrip(".").split(".")
    return (
        rf"(?<!\.){first}\s*\.\s*{second}(?:\s*[.,]|(?![{_THAI}]))"
        rf"|(?<![{_THAI}.]){first}{second}(?:\s*\.|(?![{_THAI}]))"
        rf"|(?<![{_THAI}.]){first} {second}\s*\."
    )


def _name_pattern(name: str) -> str:
    """Regex for a full month name, or its short form (``มกรา``) standing before no other Thai letter.

    ``กรกฎาคม`` is often misspelt ``กรกฏาคม``; both are read.

    >>> pattern = re.compile(_name_pattern("กรกฎาคม"))
    >>> [bool(pattern.fullmatch(s)) for s in ("กรกฎาคม", "กรกฏาคม", "กรกฎา", "กรกฎ")]
    [True, True, True, False]
    >>> bool(re.compile(_name_pattern("ตุลาคม")).match("ตุลาการ"))  # a judge is no month
    False

    A name wrapped in its cell, its two lines joined by a space (``พฤษภา`` / ``คม``), is read whole:
    one space may stand before any of its letters but a mark.

    >>> [bool(pattern.fullmatch(s)) for s in ("กรกฎา คม", "กร กฎาคม", "กรก ฎาคม", "กรกฎาค ม")]
    [True, True, True, True]
    """
    stem = re.sub("(คม|ยน|พันธ์)$", "", name)
    spaced = "".join(ch if k == 0 or _STACKED.match(ch) else rf"\s?{ch}" for k, ch in enumerate(name))
    return f"{spaced}|{stem}(?![{_THAI}])".replace("ฎ", "[ฎฏ]")


#: Thai marks set above or below a letter: no space stands before one.
_STACKED = re.compile(f"[{MARKS}]")


_RE_MONTH = re.compile(
    "|".join(
        f"(?P<m{n}>{_name_pattern(name)}|{_abbreviation_pattern(abbreviation)})"
        for n, (name, abbreviation) in enumerate(zip(MONTH_NAMES, MONTH_ABBREVIATIONS, strict=True), 1)
    )
)
_RE_ERA = re.compile(rf"[พค]\s*\.\s*ศ\s*\.?|(?<![{_THAI}])[พค]ศ\.?(?![{_THAI}])")
#: The eras' abbreviations (``พ.ศ.``, ``ค.ศ.``) as a period is written with them.
ERA = _RE_ERA
_RE_DASH = re.compile(r"[-‐‑‒–—―−]|(?:จน)?ถึง")
_RE_PUNCT = re.compile(r"[()/]")
#: Words the rules use, as written -> canonical form ("" drops a filler word).
_KEYWORDS = {
    "ไตรมาสที่": "ไตรมาส", "ไตรมาสที": "ไตรมาส", "ไตรมาส": "ไตรมาส",
    "ปีงบประมาณ": "ปีงบประมาณ", "ปีงบฯ": "ปีงบประมาณ",
    "ปีงบ": "ปีงบประมาณ", "ปี": "ปี", "ตลอด": "ตลอด", "ทั้ง": "ทั้ง", "ทุก": "ทุก", "เดือน": "เดือน",
    "รอบ": "รอบ", "แรก": "แรก", "หลัง": "หลัง", "ครึ่ง": "ครึ่ง", "ต่อเนื่อง": "ต่อเนื่อง", "อย่าง": "อย่าง",
    "ภายใน": "ภายใน", "วัน": "วัน", "สัปดาห์": "สัปดาห์",
    "วันที่": "", "ตั้งแต่": "", "ระหว่าง": "", "ดำเนินการ": "", "ประจำ": "", "ช่วง": "", "ใน": "",
}  # fmt: skip
#: The canonical words the rules read (``ไตรมาส``, ``เดือน``, ``ตลอด`` ...): a reading holding none of
#: them, no month and no digit holds no part of a period.
PERIOD_WORDS = frozenset(canonical for canonical in _KEYWORDS.values() if canonical)
#: A keyword this long or longer is read from a prefix of :data:`TRUNCATED_SHARE` of it that ends
#: a Thai run (``ปีงบประม`` for ``ปีงบประมาณ``: a scan loses a word's last glyphs to a cell's edge).
TRUNCATED_MIN = 8
TRUNCATED_SHARE = 0.75


#: A keyword with this many letters (marks not counted) or more is read with marks OCR lost
#: (``เดอน`` for ``เดือน``): so long a run of its letters is no other word of a period.
MARKLESS_MIN = 4


def _spaced(word: str) -> str:
    """Regex for ``word`` with one OCR space allowed before any of its letters but its marks (a
    scan's glyph gaps: ``ร อบ``, ``ปีงบประม าณ``); a mark never follows a space.  A word of
    :data:`MARKLESS_MIN` letters or more may lose its marks (``เดอน``, ``ตอเนื่อง``).

    >>> pattern = re.compile(_spaced("รอบ"))
    >>> [bool(pattern.fullmatch(s)) for s in ("รอบ", "ร อบ", "ร  อบ")]
    [True, True, False]
    >>> pattern = re.compile(_spaced("เดือน"))
    >>> [bool(pattern.fullmatch(s)) for s in ("เดือน", "เดอน", "เด ือน")]
    [True, True, False]
    >>> bool(re.compile(_spaced("ปี")).fullmatch("ป"))  # a short word keeps its marks
    False
    """
    optional = "?" if sum(ch not in MARKS for ch in word) >= MARKLESS_MIN else ""
    return "".join(
        f"{re.escape(ch)}{optional}" if ch in MARKS else re.escape(ch) if n == 0 else f" ?{re.escape(ch)}"
        for n, ch in enumerate(word)
    )


def _truncations(keywords: dict[str, str]) -> dict[str, str]:
    """Prefixes of the long keywords (:data:`TRUNCATED_MIN`, :data:`TRUNCATED_SHARE`) that no other
    keyword shares, each to its keyword's canonical form; a prefix never ends before a mark.

    >>> sorted(k for k, v in _truncations({"ปีงบประมาณ": "ปีงบประมาณ", "ปี": "ปี"}).items())
    ['ปีงบประม', 'ปีงบประมา']
    """
    out: dict[str, str] = {}
    for word, canonical in keywords.items():
        if len(word) < TRUNCATED_MIN:
            continue
        for end in range(-(-len(word) * 3 // 4), len(word)):
            prefix = word[:end]
            others = [w for w in keywords if w != word and w.startswith(prefix)]
            if word[end] not in MARKS and not any(len(w) > len(prefix) for w in others):
                out.setdefault(prefix, canonical)
    return out


_TRUNCATED = _truncations(_KEYWORDS)
#: ``(word, canonical form, truncated)``, longest first: the alternation tries the longest word.
_KEYWORD_FORMS = sorted(
    [*((w, c, False) for w, c in _KEYWORDS.items()), *((w, c, True) for w, c in _TRUNCATED.items())],
    key=lambda form: len(form[0]),
    reverse=True,
)
#: A truncated keyword must end a Thai run; a whole one may run into the next word (``ตลอดปี``).
_RE_KEYWORD = re.compile(
    "|".join(
        f"(?P<k{n}>{_spaced(word)}{f'(?![{_THAI}])' if truncated else ''})"
        for n, (word, _, truncated) in enumerate(_KEYWORD_FORMS)
    )
)


def _keyword(match: re.Match[str]) -> str:
    group = match.lastgroup or "k0"
    return f" {_KEYWORD_FORMS[int(group[1:])][1]} "


_RE_DIGIT_EDGE = re.compile(r"(?<=\d)(?=[^\d\s])|(?<=[^\d\s])(?=\d)")
_MONTH = "|".join(map(re.escape, MONTH_ABBREVIATIONS))
_RE_MONTH_WORD = re.compile(rf"เดือน (?=(?:{_MONTH})(?: |$))")


def _skeleton(abbreviation: str) -> str:
    return re.sub(f"[^{_CONSONANTS}]", "", abbreviation)


_CONSONANTS = "\u0e01-\u0e2e"
#: Each month abbreviation's consonants (``มค`` for ``ม.ค.``), in the order of the abbreviations.
MONTH_SKELETONS = tuple(_skeleton(a) for a in MONTH_ABBREVIATIONS)
#: Months told apart by their two consonants alone (not ม.ค./มี.ค. nor เม.ย./มิ.ย.).
MONTH_BY_SKELETON = {
    k: a for k, a in zip(MONTH_SKELETONS, MONTH_ABBREVIATIONS, strict=True) if MONTH_SKELETONS.count(k) == 1
}
_RE_DAMAGED_MONTH = re.compile(
    rf"(?<![{_THAI}.])([{_CONSONANTS}])[{MARKS}]?\s?[.,]?\s?[{MARKS}]?([{_CONSONANTS}])[{MARKS}]?(?:\s?[.,])?(?![{_THAI}])"
)
#: Marks that are never part of a period (a rule's stub, a stamp's arc, quotes): read as a space.
_RE_NOISE = re.compile(r"[|\\\"“”‘’`~_]")
#: A space OCR put between a consonant and its mark (``ม ิ.ย.``): the mark belongs to the consonant.
_RE_SPLIT_MARK = re.compile(rf"(?<=[{_CONSONANTS}]) (?=[{MARKS}])")
#: A mark that follows no consonant (after a dot, a digit, a space: ``พ.ค.ุ๖๘``) carries nothing: a
#: speck OCR read as a mark, never part of a period.
_RE_ORPHAN_MARK = re.compile(rf"(?<![{_CONSONANTS}{MARKS}])[{MARKS}]+")
#: A mark after the second consonant of a dotted abbreviation (``ม.คิ.``): no month's abbreviation
#: has one there, so it is a speck OCR read as a mark (and without it ``ม.ค.`` is told from ``มี.ค.``).
_RE_SECOND_MARK = re.compile(rf"(?<=[{_CONSONANTS}]\.)([{_CONSONANTS}])[{MARKS}]+(?=\s?[.,])")
#: A Buddhist-era year with one speck inside (``256,3``, ``2,563``): OCR's, never an amount here.
_RE_SPECKED_YEAR = re.compile(r"(?<![\d.,])(\d{1,3})[.,](\d{1,3})(?![\d.,])")


def _specked_year(match: re.Match[str]) -> str:
    joined = match.group(1) + match.group(2)
    return joined if len(joined) == 4 and joined.startswith("25") else match.group()


def _damaged_month(match: re.Match[str]) -> str:
    """A month abbreviation as OCR damages it (a stray mark, a comma for a dot, a dot lost), read
    by its two consonants where they name one month only; anything else unchanged."""
    month = MONTH_BY_SKELETON.get(match.group(1) + match.group(2))
    return f" {month} " if month else match.group()


def joined_months(text: str) -> str:
    """``text`` with `` - `` put between two month names or abbreviations that stand next to each
    other with only spaces or a line break between them (``กุมภาพันธ์\\nพฤษภาคม 2567``: a scan lost
    the dash of the range); anything else unchanged.  Two months side by side are read by no rule,
    so the result is only a candidate reading, one a person checks (see
    :func:`extractors.ocr.fields.settle`).

    >>> joined_months("กุมภาพันธ์พฤษภาคม 2567"), joined_months("ก.พ.\\nก.ค. ๖๘")
    ('กุมภาพันธ์ - พฤษภาคม 2567', 'ก.พ. - ก.ค. ๖๘')
    >>> joined_months("ต.ค. 65 - ธ.ค. 65"), joined_months("ม.ค. 66")
    ('ต.ค. 65 - ธ.ค. 65', 'ม.ค. 66')

    Two whole dates too, the first's year and the second's day between the months (a range cut
    at a wrap, ``1 ต.ค. 2562`` over ``30 ก.ย. 2563``, its dash lost):

    >>> joined_months("1 ต.ค. 2562 30 ก.ย. 2563"), joined_months("ต.ค. ๖๓ ธ.ค. ๖๓")
    ('1 ต.ค. 2562 - 30 ก.ย. 2563', 'ต.ค. ๖๓ - ธ.ค. ๖๓')
    """
    found = list(_RE_MONTH.finditer(text))
    out, at = [], 0
    for first, second in pairwise(found):
        between = _RE_BETWEEN_DATES.fullmatch(text, first.end(), second.start())
        if between is None:
            continue
        cut = between.end("year") if between.group("year") else first.end()
        out.append(text[at:cut].rstrip() + " - ")
        at = between.start("day") if between.group("day") else second.start()
    return "".join(out) + text[at:]


#: What may stand between two months that are a range's ends: the first's year, the second's day.
_RE_BETWEEN_DATES = re.compile(r"(?P<year>\s*(?:พ\.?\s?ศ\.?\s*)?[0-9๐-๙]{2,4})?\s*(?P<day>[0-9๐-๙]{1,2})?\s*")


def _canonical_month(match: re.Match[str]) -> str:
    group = match.lastgroup or "m0"
    return f" {MONTH_ABBREVIATIONS[int(group[1:]) - 1]} "


def normalise_period(text: str) -> str:
    """The period text as canonical tokens separated by single spaces (see the module docstring).

    >>> normalise_period("ม. ค.๖๕–มีนาคม  พ.ศ.๒๕๖๕")
    'ม.ค. 65 - มี.ค. 2565'
    >>> normalise_period("ภายในวันที่ 31\\nมีนา 2566"), normalise_period("ไตรมาสที่2-3")
    ('ภายใน 31 มี.ค. 2566', 'ไตรมาส 2 - 3')
    >>> normalise_period("ตลอดปีงบประมาณ (ทุกเดือน)"), normalise_period("ตั้งแต่เดือนตุลาคม ถึง ธค.")
    ('ตลอด ปีงบประมาณ ( ทุก เดือน )', 'ต.ค. - ธ.ค.')
    >>> normalise_period("ตามความเหมาะสม")
    'ตามความเหมาะสม'

    OCR's damage to an abbreviation (a stray mark, a comma for a dot) is read where its two
    consonants name one month only:

    >>> normalise_period("ต.ุค.๖๔ - กุย, ๖๕"), normalise_period("ธิค,๖๔"), normalise_period("ทุก ปี")
    ('ต.ค. 64 - ก.ย. 65', 'ธ.ค. 64', 'ทุก ปี')
    >>> normalise_period("ก.ุพ .-ก.ค . ๖๓"), normalise_period("มีนาคม ๒๕๖,๓ |")
    ('ก.พ. - ก.ค. 63', 'มี.ค. 2563')

    A mark that follows no consonant is a speck, and a space before a mark was put inside a word:

    >>> normalise_period("พ.ค.ุ๖๘"), normalise_period("ภายใน ๓๐ ม ิ.ย. ๒๕๖๔")
    ('พ.ค. 68', 'ภายใน 30 มิ.ย. 2564')

    A mark after an abbreviation's second consonant is a speck too (no month has one there):

    >>> normalise_period("ม.คิ.-เม.ย.62"), normalise_period("ต.ค.่ 65")
    ('ม.ค. - เม.ย. 62', 'ต.ค. 65')

    Spaces OCR puts inside a word, and a long word's lost end, are read too:

    >>> normalise_period("ตลอด ปีงบประม าณ"), normalise_period("ร อบ 6 เดือน"), normalise_period("ปีงบประม 2567")
    ('ตลอด ปีงบประมาณ', 'รอบ 6 เดือน', 'ปีงบประมาณ 2567')
    """
    text = tidy_whitespace(_RE_NOISE.sub(" ", thai_digits_to_arabic(text))).replace("\n", " ")
    text = _RE_ORPHAN_MARK.sub("", _RE_SPLIT_MARK.sub("", text))
    text = _RE_SECOND_MARK.sub(r"\1", text)
    text = _RE_SPECKED_YEAR.sub(_specked_year, text)
    text = _RE_ERA.sub(" ", text)
    text = _RE_MONTH.sub(_canonical_month, text)
    text = _RE_DAMAGED_MONTH.sub(_damaged_month, text)
    text = _RE_DASH.sub(" - ", text)
    text = _RE_PUNCT.sub(r" \g<0> ", text)
    text = _RE_KEYWORD.sub(_keyword, text)
    text = " ".join(_RE_DIGIT_EDGE.sub(" ", text).split())
    return _RE_MONTH_WORD.sub("", text)


# --- years and spans -------------------------------------------------------------------------------


def be_year(digits: str) -> int:
    """A year as written (Arabic digits) to the Buddhist Era: 2 digits are 25xx, below 2400 is AD.

    >>> be_year("65"), be_year("2565"), be_year("2022")
    (2565, 2565, 2565)
    """
    year = int(digits)
    if len(digits) == 2:
        return 2500 + year
    return year + BE_OFFSET if year < 2400 else year


def _fiscal_calendar_year(fiscal_year: int, month: int) -> int:
    """The BE year of a month of a fiscal year: ต.ค.–ธ.ค. fall in the year before.

    >>> _fiscal_calendar_year(2566, 10), _fiscal_calendar_year(2566, 9)
    (2565, 2566)
    """
    return fiscal_year - 1 if month >= 10 else fiscal_year


def _span(start: tuple[int, int, int | None], end: tuple[int, int, int | None], rule: str) -> ParsedPeriod:
    """From (BE year, month, day or None = the 1st) to (BE year, month, day or None = the last day).

    >>> _span((2567, 2, None), (2567, 2, None), "month")  # 2024 is a leap year
    ParsedPeriod(start=datetime.date(2024, 2, 1), end=datetime.date(2024, 2, 29), rule='month')
    >>> _span((2566, 2, 31), (2566, 3, None), "day-range").rule, _span((2566, 3, 2), (2566, 3, 1), "x").rule
    ('unparsed', 'unparsed')
    """
    try:
        first = datetime.date(start[0] - BE_OFFSET, start[1], start[2] or 1)
        year, month, day = end[0] - BE_OFFSET, end[1], end[2]
        last = datetime.date(year, month, day or calendar.monthrange(year, month)[1])
    except (ValueError, OverflowError):
        return UNPARSED
    return ParsedPeriod(first, last, rule) if first <= last else UNPARSED


def _fiscal_span(fiscal_year: int | None, first: int, last: int, rule: str) -> ParsedPeriod:
    """Fiscal months ``first`` .. ``last`` (1 = ต.ค. .. 12 = ก.ย.) of a BE fiscal year.

    >>> _fiscal_span(2566, 1, 12, "fiscal-year")
    ParsedPeriod(start=datetime.date(2022, 10, 1), end=datetime.date(2023, 9, 30), rule='fiscal-year')
    >>> _fiscal_span(2566, 4, 6, "quarter").start, _fiscal_span(None, 1, 3, "quarter").rule
    (datetime.date(2023, 1, 1), 'unparsed')
    """
    if fiscal_year is None or not 1 <= first <= last <= 12:
        return UNPARSED
    months = [(n + 8) % 12 + 1 for n in (first, last)]
    start, end = ((_fiscal_calendar_year(fiscal_year, m), m, None) for m in months)
    return _span(start, end, rule)


# --- rules -------------------------------------------------------------------------------------------
# Each rule reads the whole normalised text: None if the text is not its kind, else its result, which
# is UNPARSED when the text is its kind but names no real period (no year known, no such date ...).

_YEAR = r"\d{2}|\d{4}"
_FY_SUFFIX = rf"(?: (?:ปีงบประมาณ|ปี|/) (?P<fy>{_YEAR}))?"
_RECURRENCE = r"ทุก (?:ๆ )?(?:\d{1,2} )?(?:วัน|สัปดาห์|เดือน|ไตรมาส|ปีงบประมาณ|ปี)|(?:อย่าง )?ต่อเนื่อง"
_WHOLE_YEAR = r"(?:ตลอด (?:ทั้ง )?|ทั้ง )?ปีงบประมาณ|(?:ตลอด (?:ทั้ง )?|ทั้ง )ปี"
_RE_FISCAL_YEAR = re.compile(rf"(?:{_WHOLE_YEAR})(?: (?P<fy>{_YEAR}))?(?: (?:{_RECURRENCE}))?")
_RE_RECURRING = re.compile(rf"(?:{_RECURRENCE}){_FY_SUFFIX}")
_RE_QUARTER = re.compile(rf"ไตรมาส (?P<q1>\d)(?: - (?:ไตรมาส )?(?P<q2>\d))?{_FY_SUFFIX}")
_RE_FISCAL_MONTHS = re.compile(rf"(?P<round>รอบ )?(?P<n>\d{{1,2}}) เดือน(?: (?P<part>แรก|หลัง))?{_FY_SUFFIX}")
_RE_HALF_YEAR = re.compile(rf"ครึ่ง (?:ปีงบประมาณ|ปี) (?P<part>แรก|หลัง){_FY_SUFFIX}")
_RE_DATES = re.compile(rf"(?P<body>.+?)(?: ปีงบประมาณ (?P<fy>{_YEAR}))?")
_RE_POINT = re.compile(rf"(?P<day>\d{{1,2}})?(?: ?(?P<month>{_MONTH})(?: (?:ปี )?(?P<year>{_YEAR}))?)?")


def _year_of(match: re.Match[str], fiscal_year: int | None) -> int | None:
    """The fiscal year written in the text (group ``fy``) wins over the argument."""
    written = match.group("fy")
    return be_year(written) if written else fiscal_year


def _deadline(text: str, fiscal_year: int | None) -> ParsedPeriod | None:
    """``ภายใน <period>``: from the start of the fiscal year (argument) to the end of the period.

    >>> _deadline("ภายใน 31 มี.ค. 2566", 2566)
    ParsedPeriod(start=datetime.date(2022, 10, 1), end=datetime.date(2023, 3, 31), rule='deadline')
    >>> _deadline("ภายใน 31 มี.ค. 2566", None).rule, _deadline("ภายใน 31 มี.ค. 2564", 2566).rule
    ('unparsed', 'unparsed')
    """
    head, _, rest = text.partition(" ")
    if head != "ภายใน" or (inner := _parse_plain(rest, fiscal_year)) is None:
        return None
    if inner.end is None or fiscal_year is None:
        return UNPARSED
    start = _fiscal_span(fiscal_year, 1, 1, "deadline").start
    return ParsedPeriod(start, inner.end, "deadline") if start and start <= inner.end else UNPARSED


def _fiscal_year(text: str, fiscal_year: int | None) -> ParsedPeriod | None:
    """``ตลอดปีงบประมาณ``, ``ตลอดปี``, ``ปีงบประมาณ 2566``: the whole fiscal year.

    >>> _fiscal_year("ตลอด ปีงบประมาณ 2566", 2570).end, _fiscal_year("ปี 2566", 2566)
    (datetime.date(2023, 9, 30), None)
    """
    match = _RE_FISCAL_YEAR.fullmatch(text)
    return None if match is None else _fiscal_span(_year_of(match, fiscal_year), 1, 12, "fiscal-year")


def _recurring(text: str, fiscal_year: int | None) -> ParsedPeriod | None:
    """``ทุกเดือน``, ``ทุกไตรมาส``, ``ต่อเนื่อง`` ...: work recurring through the whole fiscal year.

    >>> _recurring("ทุก เดือน", 2566).start, _recurring("ทุก เดือน", None).rule
    (datetime.date(2022, 10, 1), 'unparsed')
    >>> _recurring("ทุก ๆ ไตรมาส", 2566).end  # ``ทุกๆ``: the repetition mark, as Thai writes it
    datetime.date(2023, 9, 30)
    """
    match = _RE_RECURRING.fullmatch(text)
    return None if match is None else _fiscal_span(_year_of(match, fiscal_year), 1, 12, "recurring")


def _quarter(text: str, fiscal_year: int | None) -> ParsedPeriod | None:
    """``ไตรมาส 2`` or ``ไตรมาส 2 - 3``: quarters of the fiscal year (quarter 1 = ต.ค.–ธ.ค.).

    >>> _quarter("ไตรมาส 1 ปีงบประมาณ 2566", None)
    ParsedPeriod(start=datetime.date(2022, 10, 1), end=datetime.date(2022, 12, 31), rule='quarter')
    >>> _quarter("ไตรมาส 3 - 2", 2566).rule, _quarter("ไตรมาส 5", 2566).rule
    ('unparsed', 'unparsed')
    """
    match = _RE_QUARTER.fullmatch(text)
    if match is None:
        return None
    first = int(match["q1"])
    last = int(match["q2"] or first)
    if not 1 <= first <= last <= 4:
        return UNPARSED
    return _fiscal_span(_year_of(match, fiscal_year), 3 * first - 2, 3 * last, "quarter")


def _fiscal_months(text: str, fiscal_year: int | None) -> ParsedPeriod | None:
    """``รอบ 6 เดือน`` / ``6 เดือนแรก``: the first N months of the fiscal year; ``6 เดือนหลัง``: the last N.

    A bare duration (``6 เดือน``) says nothing about when, and is not read.

    >>> _fiscal_months("รอบ 6 เดือน", 2566)
    ParsedPeriod(start=datetime.date(2022, 10, 1), end=datetime.date(2023, 3, 31), rule='fiscal-months')
    >>> _fiscal_months("ครึ่ง ปี หลัง", 2566).start, _fiscal_months("6 เดือน", 2566)
    (datetime.date(2023, 4, 1), None)
    """
    match = _RE_FISCAL_MONTHS.fullmatch(text)
    if match is not None and (match["round"] or match["part"]):
        months = int(match["n"])
    elif (match := _RE_HALF_YEAR.fullmatch(text)) is not None:
        months = 6
    else:
        return None
    if not 1 <= months <= 12:
        return UNPARSED
    first, last = (13 - months, 12) if match["part"] == "หลัง" else (1, months)
    return _fiscal_span(_year_of(match, fiscal_year), first, last, "fiscal-months")


class _Point(NamedTuple):
    """One end of a written date range; None where the text leaves it out (year in BE)."""

    day: int | None
    month: int | None
    year: int | None


def _point(text: str) -> _Point | None:
    """``[day] [month [year]]``, at least a day or a month.

    >>> _point("19 มี.ค. 2564"), _point("ต.ค.")
    (_Point(day=19, month=3, year=2564), _Point(day=None, month=10, year=None))
    >>> _point("14")
    _Point(day=14, month=None, year=None)
    >>> _point("2564"), _point("")
    (None, None)
    """
    match = _RE_POINT.fullmatch(text)
    if match is None or not (match["day"] or match["month"]):
        return None
    day, month, year = match.group("day", "month", "year")
    return _Point(
        int(day) if day else None,
        MONTH_ABBREVIATIONS.index(month) + 1 if month else None,
        be_year(year) if year else None,
    )


def _years(first: _Point, last: _Point, fiscal_year: int | None) -> tuple[int, int] | None:
    """BE years of the two ends: one written year serves both; with none, the fiscal year places them.

    >>> _years(_Point(None, 10, None), _Point(None, 3, 2566), None)  # ต.ค. - มี.ค. 66
    (2565, 2566)
    >>> _years(_Point(None, 10, 2565), _Point(None, 12, None), None)  # ต.ค. 65 - ธ.ค.
    (2565, 2565)
    >>> _years(_Point(None, 10, None), _Point(None, 3, None), 2566)  # ต.ค. - มี.ค. in FY 2566
    (2565, 2566)
    >>> _years(_Point(1, 1, None), _Point(2, 1, None), None) is None  # no year anywhere
    True
    """
    if first.month is None or last.month is None:
        return None
    if first.year is not None and last.year is not None:
        return first.year, last.year
    if last.year is not None:
        return last.year - (1 if first.month > last.month else 0), last.year
    if first.year is not None:
        return first.year, first.year + (1 if last.month < first.month else 0)
    if fiscal_year is None:
        return None
    return _fiscal_calendar_year(fiscal_year, first.month), _fiscal_calendar_year(fiscal_year, last.month)


def _dates(text: str, fiscal_year: int | None) -> ParsedPeriod | None:
    """Explicit dates: a day or a month, or a range of them; months may lack years (see :func:`_years`).

    >>> _dates("14 - 15 ก.ย. 2564", None)
    ParsedPeriod(start=datetime.date(2021, 9, 14), end=datetime.date(2021, 9, 15), rule='day-range')
    >>> _dates("ต.ค. - ธ.ค. ปีงบประมาณ 2566", None).end, _dates("ต.ค. - ธ.ค.", None).rule
    (datetime.date(2022, 12, 31), 'unparsed')
    >>> _dates("ม.ค. 66 - 14", 2566), _dates("ก.พ. 67", None).end
    (None, datetime.date(2024, 2, 29))
    """
    match = _RE_DATES.fullmatch(text)
    if match is None:
        return None
    parts = [_point(part) for part in match["body"].split(" - ")]
    if len(parts) > 2 or None in parts:
        return None
    first, last = parts[0], parts[-1]
    assert first is not None and last is not None  # for mypy: None in parts was ruled out
    if last.month is None:
        return None
    if first.month is None:  # 14 - 15 ก.ย. 2564: the start takes the end's month and year
        if last.day is None:
            return None
        first = _Point(first.day, last.month, last.year)
    years = _years(first, last, _year_of(match, fiscal_year))
    if years is None or first.month is None:
        return UNPARSED
    kind = "day" if first.day or last.day else "month"
    rule = kind if len(parts) == 1 else f"{kind}-range"
    return _span((years[0], first.month, first.day), (years[1], last.month, last.day), rule)


def years_reversed(text: str) -> bool:
    """Whether ``text`` is a range of explicit dates, each end with its month and its own year,
    whose end's year comes before its start's (``๑ ต.ค. ๒๕๖๗ - ๓๐ ก.ย. ๒๕๒๕``: ``๖๘`` read ``๒๕``):
    dates still, a year of which OCR misread, so its digits may be read again as their
    look-alikes (:mod:`extractors.ita.period_years`).  A range reversed by its months alone
    (``ต.ค. ๖๘ - ก.ค. ๖๘``) is not: a month may be what was misread there.

    >>> years_reversed("๑ ต.ค. ๒๕๖๗ - ๓๐ กุย . ๒๕๒๕"), years_reversed("ต.ค. ๖๘ - ก.ค. ๖๘")
    (True, False)
    >>> years_reversed("ต.ค. ๖๕ - ธ.ค. ๖๕"), years_reversed("ตลอดปีงบประมาณ"), years_reversed("ต.ค. - ธ.ค. ๒๕")
    (False, False, False)
    """
    match = _RE_DATES.fullmatch(normalise_period(text))
    if match is None:
        return False
    parts = [_point(part) for part in match["body"].split(" - ")]
    first, last = parts if len(parts) == 2 else (None, None)
    if first is None or last is None or first.month is None or last.month is None:
        return False
    return first.year is not None and last.year is not None and last.year < first.year


_Rule = Callable[[str, int | None], ParsedPeriod | None]
_RULES: tuple[_Rule, ...] = (_deadline, _fiscal_year, _recurring, _quarter, _fiscal_months, _dates)
_DATE_RULES = frozenset({"day", "day-range", "month", "month-range"})
_RE_GROUP = re.compile(r"\( (?:([^()]*?) )?\)")


def _parse_plain(text: str, fiscal_year: int | None) -> ParsedPeriod | None:
    """The first rule that reads the whole text (no parentheses), or None if none does."""
    for rule in _RULES:
        result = rule(text, fiscal_year)
        if result is not None:
            return result
    return None


def _parse(text: str, fiscal_year: int | None) -> ParsedPeriod:
    """Read normalised text with parenthesised parts (module docstring, point 4).

    >>> _parse("ไตรมาส 2 ( 1 ม.ค. 66 - 31 มี.ค. 66 )", None).rule, _parse("ตลอด ปี ( ทุก เดือน )", 2566).rule
    ('day-range', 'fiscal-year')
    >>> _parse("ทำอะไร ( 1 ม.ค. 66 )", None).rule
    'unparsed'
    """
    groups = [group or "" for group in _RE_GROUP.findall(text)]
    outside = " ".join(_RE_GROUP.sub(" ", text).split())
    if "(" in outside or ")" in outside:
        return UNPARSED
    outer = _parse_plain(outside, fiscal_year) if outside else None
    explicit = {r for g in groups if (r := _parse_plain(g, None)) is not None and r.rule in _DATE_RULES}
    if explicit:
        return explicit.pop() if len(explicit) == 1 and (outer is not None or not outside) else UNPARSED
    if outside:
        return outer or UNPARSED
    return (_parse_plain(groups[0], fiscal_year) or UNPARSED) if len(groups) == 1 else UNPARSED


def parse_period(text: str, fiscal_year: int | None = None) -> ParsedPeriod:
    """Read a period cell into a Gregorian date range (``start = end = None``, ``"unparsed"`` if unreadable).

    ``fiscal_year`` is the BE fiscal year of the document (2566 = 1 Oct 2022 .. 30 Sep 2023); it is used
    only where the text leaves the year out. It is read like a year in the text, so ``66`` and the AD
    ``2023`` mean 2566 too. The rules are in the module docstring.

    >>> parse_period("ม.ค. ๖๕ - มี.ค. ๖๕")
    ParsedPeriod(start=datetime.date(2022, 1, 1), end=datetime.date(2022, 3, 31), rule='month-range')
    >>> parse_period("ต.ค. - ธ.ค.", fiscal_year=2566)
    ParsedPeriod(start=datetime.date(2022, 10, 1), end=datetime.date(2022, 12, 31), rule='month-range')
    >>> parse_period("ไตรมาสที่ 2 - 3", 2566).start, parse_period("ตลอดปีงบประมาณ", 2566).end
    (datetime.date(2023, 1, 1), datetime.date(2023, 9, 30))
    >>> parse_period("ตามความเหมาะสม", 2566)
    ParsedPeriod(start=None, end=None, rule='unparsed')
    """
    fy = be_year(str(fiscal_year)) if fiscal_year is not None and fiscal_year > 0 else None
    return _parse(normalise_period(text), fy)

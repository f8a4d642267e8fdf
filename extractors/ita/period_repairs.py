"""Repairs of a period as OCR damaged it: readings that parse only after glyph evidence.

A scan's OCR reads a period's glyphs for their look-alikes: a month's consonant (``ต.ุด.`` for
``ต.ค.``), a word's (``เตือน`` for ``เดือน``), an era's (``พ.ค.`` for ``พ.ศ.``), a Thai digit as a
letter (``อ`` for ``๖``); it loses a range's dash or leaves a rule's stub at a cell's edge.
:func:`candidates` makes, from one reading, the readings that undo such damage, least change first;
:func:`parses` says whether a reading reads as a plausible period.  Pure text functions: the OCR
layer uses them on a cell's readings (:mod:`extractors.ocr.fields`), the ITA layer on a period
joined from the cells of a row cut by a page break (:mod:`extractors.ita.period_years`), where no
cell alone parses.  A reading so made is only a candidate: whoever keeps it keeps it with a low
confidence and a doubt a person checks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from extractors.thai.text import DIGIT_LETTERS

#: A period's years (and a table header's) are Buddhist-era years within these (ITA began in
#: 2557; the range leaves room both ways).  A number outside it was misread (``๒.๕๖.๔``, ``๓๕๖๕``).
YEAR_RANGE = (2550, 2580)
#: The fiscal year a reading is tried with: only to tell whether it parses at all (months
#: without a year need one), never to set a date.
PROBE_FISCAL_YEAR = 2566
#: The fiscal year a deadline (``ภายใน <date>``: from its fiscal year's start) is tried with when
#: the probe's year starts after its date: the first of :data:`YEAR_RANGE`, so that any plausible
#: date ends it.  Only its end is a date the text gives.
DEADLINE_PROBE = YEAR_RANGE[0] + 1

_LATIN = re.compile(r"[A-Za-z]")


def parses(text: str) -> bool:
    """Whether ``text`` reads as a period with no Latin letter in it, within :data:`YEAR_RANGE`.

    >>> parses("ต.ค. 65 - มี.ค. 66"), parses("ต.ค. - ธ.ค.")
    (True, True)
    >>> parses("uA. 64 -มิ.ย. 64"), parses("ตามความเหมาะสม"), parses("ต.ค. ๒๗ - ธ.ค. ๖๗")
    (False, False, False)

    A deadline names its own date, whatever the year: one before the probe's fiscal year parses too.

    >>> parses("ภายใน ๓๐ มิ.ย. ๒๕๖๕"), parses("ภายใน 31 มี.ค. 2570"), parses("ภายใน ๓๐ มิ.ย. ๒๕๒๕")
    (True, True, False)
    """
    from extractors.ita.periods import BE_OFFSET, parse_period

    if not text.strip() or _LATIN.search(text) or lopsided_range(text):
        return False
    parsed = parse_period(text, PROBE_FISCAL_YEAR)
    if parsed.end is None:  # a deadline before the probe's year starts (``ภายใน ๓๐ มิ.ย. ๒๕๖๕``)
        parsed = parse_period(text, DEADLINE_PROBE)
    if parsed.start is None or parsed.end is None:
        return False
    # A year misread (``๒๗`` for ``๖๗``) parses too, decades away: both ends must be plausible
    # (a deadline's start is the probe's, not the text's: its end alone).
    days = (parsed.end,) if parsed.rule == "deadline" else (parsed.start, parsed.end)
    return all(YEAR_RANGE[0] <= day.year + BE_OFFSET <= YEAR_RANGE[1] for day in days)


#: A range whose start is a month without a day (its last dot perhaps lost) and whose end's day
#: is glued to its month (``ต.ค. 65 - 8ธ.ค. 65``): the end's consonant's head read twice, as a
#: digit and as itself.
_LOPSIDED = re.compile(
    r"^\s*[\u0e01-\u0e2e][\u0e31-\u0e4e]*\s?\.\s?[\u0e01-\u0e2e]\s?\.?[^-‐‑‒–—―−]*[-‐‑‒–—―−]\s*"
    r"[0-9๐-๙]{1,2}[\u0e01-\u0e2e]"
)


def lopsided_range(text: str) -> bool:
    """Whether ``text`` is a range whose start is a month with no day and whose end starts with a
    day glued to its month's abbreviation, with no space (``ต.ค. 65 - 8ธ.ค. 65``): no one writes a
    range so, and a scan's consonant read twice gives it, so it is no reading to accept as read.

    >>> lopsided_range("ต.ค. 65 - 8ธ.ค. 65"), lopsided_range("ต.ค. 65 - ธ.ค. 65")
    (True, False)
    >>> lopsided_range("๑ ต.ค. ๖๕ - ๘ธ.ค. ๖๕"), lopsided_range("ต.ค. 65 - 8 ธ.ค. 65")
    (False, False)
    >>> lopsided_range("ต.ค 64 - 5ธ.ค.64")  # the start's last dot lost
    True
    """
    return bool(_LOPSIDED.match(text))


def implausibly_dated(text: str) -> bool:
    """Whether ``text`` reads as a period whose years lie outside :data:`YEAR_RANGE` (``ส.ค. ๒๔``,
    dated 1981: ``๖๔`` misread): a reading the parser accepts that :func:`parses` rejects, so
    one to doubt even when every reading of the cell says the same.

    >>> implausibly_dated("ส.ค. ๒๔"), implausibly_dated("ส.ค. ๖๔"), implausibly_dated("ตามความเหมาะสม")
    (True, False, False)
    """
    from extractors.ita.periods import parse_period

    if not text.strip() or _LATIN.search(text) or parses(text):
        return False
    return parse_period(text, PROBE_FISCAL_YEAR).start is not None


#: Marks a scan leaves at a period cell's edges (a rule's stub, a stamp's arc): never part of a
#: period.  A dash at either end is dropped too, since a range needs both ends.
_EDGE_CHARS = re.escape("\\|~_`'\"‘’“”,;:!*^=+<>-‐‑‒–—―−[]{}")
#: A bracket or slash that opens at a reading's end or closes at its start (``รอบ 6 เดือน ( /``):
#: a stamp's tick, never a part (``(1 ต.ค. …)``, ``ไตรมาส 1/66``) that stands there.
_EDGE_NOISE = re.compile(rf"^[\s{_EDGE_CHARS})/]+|[\s{_EDGE_CHARS}(/]+$")
#: A dot where no period has one: at its start (a period starts with a day, a month or a word),
#: or standing apart at its end, after a dash or a space (a month's last dot follows its letter).
_EDGE_DOTS = re.compile(r"^[.\s]+|(?<=[\s\-‐‑‒–—―−])\.+\s*$")
#: A dash right after ``ภายใน`` (a deadline names one date, so no range starts there): a speck.
_DEADLINE_DASH = re.compile(r"(ภายใน)\s*[-‐‑‒–—―−]\s*")


#: A few Latin letters after a period's last digit or dot (``ธ.ค. ๖๒ yr``): a speck or a stamp's
#: stroke the English model read; no Thai period holds a Latin letter.
_TRAILING_LATIN = re.compile(r"(?<=[0-9๐-๙.])\s+[A-Za-z]{1,3}\s*$")


#: A lone token at a reading's edge that no period holds: one or two Latin letters (``a``,
#: ``al``), or one Thai consonant (or ``ฯ``) with at most a tone mark and no vowel (``ง``, ``ล่``), each with
#: stray marks about it (``“ง``): a stamp's stroke or a speck read as a glyph.  Thai words of a
#: period have a vowel or two consonants at least; digits are never debris (they may be a day).
_LONE = re.compile(
    rf"[{_EDGE_CHARS}“”]*(?:[A-Za-z\u00c0-\u00ff]{{1,2}}|[\u0e01-\u0e2f][\u0e48-\u0e4c]?)[{_EDGE_CHARS}“”|]*"
)


def _without_lone_tokens(text: str) -> str:
    """``text`` without the lone debris tokens (:data:`_LONE`) at either edge, one after another,
    when something is left that is not debris itself.

    >>> _without_lone_tokens("ง ล่ ตอเนอง"), _without_lone_tokens("ภายใน 31มี.ค. 2564 “ง")
    ('ตอเนอง', 'ภายใน 31มี.ค. 2564')
    >>> _without_lone_tokens("t o o ตอเนอง"), _without_lone_tokens("ทุก ไตรมาส| a")
    ('ตอเนอง', 'ทุก ไตรมาส|')
    >>> _without_lone_tokens("ส.ค. ๖๔ a"), _without_lone_tokens("ตลอดปี ITA"), _without_lone_tokens("ก ข")
    ('ส.ค. ๖๔', 'ตลอดปี ITA', 'ก ข')
    >>> _without_lone_tokens("๑ ต.ค. - ๓๐ ก.ย."), _without_lone_tokens("4 ตอเนอง")  # digits stay
    ('๑ ต.ค. - ๓๐ ก.ย.', '4 ตอเนอง')
    """
    tokens = text.split()
    while len(tokens) > 1 and _LONE.fullmatch(tokens[0]):
        tokens = tokens[1:]
    while len(tokens) > 1 and _LONE.fullmatch(tokens[-1]):
        tokens = tokens[:-1]
    if all(_LONE.fullmatch(t) for t in tokens):
        return text
    return " ".join(tokens) if tokens != text.split() else text


def inner_debris(text: str) -> str:
    """``text`` without one lone debris token (:data:`_LONE`: a stamp's stroke read as one
    consonant, ``ฑ์``) between two of its words, when the text does not parse and exactly one such
    drop makes it parse; the text unchanged otherwise.  Digits are never debris.  A candidate only.

    >>> inner_debris("รอบ 6 ฑ์ เดือน"), inner_debris("ทุก ง ไตรมาส")
    ('รอบ 6 เดือน', 'ทุก ไตรมาส')
    >>> inner_debris("รอบ 6 4 เดือน"), inner_debris("ตาม ง ความเหมาะสม")  # digits stay; no period
    ('รอบ 6 4 เดือน', 'ตาม ง ความเหมาะสม')
    """
    if parses(text):
        return text
    tokens = text.split()
    found = [
        dropped
        for at in range(1, len(tokens) - 1)
        if _LONE.fullmatch(tokens[at]) and parses(dropped := " ".join(tokens[:at] + tokens[at + 1 :]))
    ]
    return found[0] if len(found) == 1 else text


def trimmed(text: str) -> str:
    """``text`` without the stray marks at its edges (:data:`_EDGE_NOISE`), a few Latin letters after
    its last date (:data:`_TRAILING_LATIN`), lone debris tokens at its edges
    (:func:`_without_lone_tokens`: ``ง ล่ ตอเนอง``), and a dash right after
    ``ภายใน`` (no range starts there: ``ภายใน - ๓๐มิ.ย. ๒๕๖๓``); other inner marks stay.

    >>> trimmed("ภายใน - ๓๐มิ.ย. ๒๕๖๓"), trimmed("ต.ค. - ธ.ค.")
    ('ภายใน ๓๐มิ.ย. ๒๕๖๓', 'ต.ค. - ธ.ค.')

    >>> trimmed("กุมภาพันธ์ - พฤษภาคม 2566 -"), trimmed("1 ต.ค. 2566 - 30 ก.ย. 2567 \\\\")
    ('กุมภาพันธ์ - พฤษภาคม 2566', '1 ต.ค. 2566 - 30 ก.ย. 2567')
    >>> trimmed("ภายใน 30มิ.ย. 2566 —"), trimmed("ต.ค. - ธ.ค.")
    ('ภายใน 30มิ.ย. 2566', 'ต.ค. - ธ.ค.')
    >>> trimmed("ต.ค. ๖๒ - ธ.ค. ๖๒ yr"), trimmed("ตลอดปี ITA")  # letters after a date only
    ('ต.ค. ๖๒ - ธ.ค. ๖๒', 'ตลอดปี ITA')
    >>> trimmed("รอบ 6 เดือน -ฯ ร ป"), trimmed("รอบ 6 เดือน ( /"), trimmed("(1 ต.ค. 65 - 31 ธ.ค. 65)")
    ('รอบ 6 เดือน', 'รอบ 6 เดือน', '(1 ต.ค. 65 - 31 ธ.ค. 65)')
    >>> trimmed("ภายใน 31มี.ค. 2564 “ง"), trimmed("ทุก ไตรมาส| a")
    ('ภายใน 31มี.ค. 2564', 'ทุก ไตรมาส')

    A dot at the start, or after a dash or a space at the end, is a speck (:data:`_EDGE_DOTS`); a
    month's own dots stay.

    >>> trimmed(".มีค.- มิ.ย. 69 -."), trimmed("ต.ค. - ธ.ค.")
    ('มีค.- มิ.ย. 69', 'ต.ค. - ธ.ค.')
    """
    text = _EDGE_NOISE.sub("", _EDGE_DOTS.sub("", _EDGE_NOISE.sub("", _TRAILING_LATIN.sub("", text))))
    return _DEADLINE_DASH.sub(r"\1 ", _EDGE_NOISE.sub("", _without_lone_tokens(text)))


#: A dash between a Thai word and the next, with no digit and no dot before it in the reading.
_RE_WORD_DASH = re.compile(
    r"^(?P<before>[^0-9๐-๙.\-‐‑‒–—―−]*[\u0e01-\u0e4e])\s*[-‐‑‒–—―−]\s*(?=[\u0e01-\u0e4e])"
)


def dateless_dash(text: str) -> str:
    """``text`` without a dash that follows only words (no digit, no dot: no day, month or year)
    and stands before a word, when it is the reading's only dash: a range's dash follows its
    start's date (``ต.ค. - ธ.ค.``, ``ไตรมาส 1 - 2``), so this one is a speck or a mark OCR read as
    a dash (``ตลอด - ป็งบประมาณ``, the cell's line wrapped after ``ตลอด``); the text unchanged
    otherwise.  No check that the result parses: a base for the other repairs, a candidate only.

    >>> dateless_dash("ตลอด - ป็งบประมาณ พ.ศ. 2568"), dateless_dash("ตลอด -ไงบประมาณ")
    ('ตลอด ป็งบประมาณ พ.ศ. 2568', 'ตลอด ไงบประมาณ')
    >>> dateless_dash("ต.ค. - ธ.ค."), dateless_dash("ไตรมาส 1 - 2"), dateless_dash("ตุลาคม - ธันวาคม 2566")
    ('ต.ค. - ธ.ค.', 'ไตรมาส 1 - 2', 'ตุลาคม - ธันวาคม 2566')
    >>> dateless_dash("กุมภาพัน - พฤษภาคม 2566")  # a month's name that lost its end
    'กุมภาพัน - พฤษภาคม 2566'
    """
    if len(_RE_ANY_DASH.findall(text)) != 1:
        return text
    from extractors.ita.periods import MONTH_ABBREVIATIONS, MONTH_NAMES, normalise_period

    match = _RE_WORD_DASH.match(text)
    if match is None:
        return text
    before = match.group("before")
    # a month's name, whole or its first letters (``กุมภาพัน``: its end lost), is a range's start
    last = before.split()[-1]
    if set(normalise_period(before).split()) & set(MONTH_ABBREVIATIONS) or any(
        name.startswith(last[:MONTH_NAME_LEAD]) for name in MONTH_NAMES
    ):
        return text
    return before + " " + text[match.end() :]


#: A word starting with a month name's first this many letters may be that name, damaged.
MONTH_NAME_LEAD = 3


#: Thai consonants a scan's OCR takes for one another (the same loops, heads and tails at 150–300
#: dpi): ``ต.ค.`` read ``ต.ุด.``, ``ธ.ค.`` read ``ชิ.ค.``, ``ฐิ.ค.`` (``ฐ`` is ``ธ``'s head on a
#: tail; ``ฏิ.ค.`` likewise) or ``ฉิ.ค.``, ``มิ.ย.`` read ``นิ.ย.``, ``ก.ย.`` read ``กุป.`` (Norasi
#: at 150 dpi: ``ย``'s body is ``ป``'s, its tail cut); the vowel ``ไ`` read ``ใ`` (``ทุกใตรมาส``), a
#: word's letter as well (``ทุก`` read ``นุก``: ``ท``'s loop and stem are ``น``'s, its hump lost;
#: ``รอบ`` read ``รถบ``: ``อ``'s loop and stem, with a speck's loop at its foot; ``ต่อเนื่อง`` read
#: ``ต่อเนืกง``: ``อ``'s head loop lost, ``ก``'s hook left).  Glyph evidence for :func:`lookalike_months`.
LOOKALIKES = ("คดตฅศ", "ธรชซฐฏฉ", "บปษ", "พผฟฝ", "ขยฃ", "กถภ", "สลศ", "ทฑ", "มฆน", "ไใ", "ปย", "ทน", "อถก")
#: The vowel marks above a consonant, told apart by a few pixels (``ป็งบประมาณ``, ``ปึงบประมาณ``
#: for ``ปีงบประมาณ`` at 150 dpi): look-alikes to :func:`lookalike_words` (a word's marks), never
#: to a month's consonants.
MARK_LOOKALIKES = ("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47",)
_CONSONANT = "\u0e01-\u0e2e"
#: The vowels written before their consonant (``เ`` of ``เม.ย.``).
_LEAD_VOWELS = "\u0e40\u0e41\u0e42\u0e43\u0e44"
_MARK = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
#: A token shaped like a dotted month abbreviation: consonant, marks, dot, consonant, marks, dot.
_RE_ABBREVIATION = re.compile(
    rf"(?<![{_CONSONANT}.])([{_CONSONANT}])[{_MARK}]*\s?[.,]\s?[{_MARK}]*([{_CONSONANT}])[{_MARK}]*\s?[.,]"
)


#: A dotted abbreviation whose second consonant was read twice, as two look-alikes side by side
#: (``ธิ.ศค.`` for ``ธ.ค.``): consonant, marks, dot, two consonants, marks, dot.
_RE_DOUBLED = re.compile(
    rf"(?<![{_CONSONANT}.])([{_CONSONANT}])([{_MARK}]*\s?[.,]\s?[{_MARK}]*)([{_CONSONANT}])([{_CONSONANT}])"
    rf"(?=[{_MARK}]*\s?[.,])"
)


#: The same with the first consonant read twice or thrice (``ตดิ.ค.`` for ``ต.ค.``, ``กถก.ค.`` for
#: ``ก.ค.``; a stray mark is the parser's to drop): two or three consonants, marks, dot, consonant,
#: marks, dot.
_RE_DOUBLED_FIRST = re.compile(
    rf"(?<![{_CONSONANT}.])([{_CONSONANT}]{{2,3}})([{_MARK}]*\s?[.,]\s?[{_MARK}]*)([{_CONSONANT}])"
    rf"(?=[{_MARK}]*\s?[.,])"
)


def doubled_consonants(text: str) -> str:
    """``text`` with each dotted abbreviation whose second part holds two look-alike consonants
    (:data:`LOOKALIKES`: one glyph read twice) read with the one of them that makes a month's
    abbreviation, when exactly one does; the rest unchanged.  A candidate only.

    >>> doubled_consonants("ต.ค. ๖๖ - ธิ.ศค. ๖๖"), doubled_consonants("ต.ค. ๖๖")
    ('ต.ค. ๖๖ - ธิ.ค. ๖๖', 'ต.ค. ๖๖')
    >>> doubled_consonants("เม.ขย.65")  # its lead vowel names the month (``เม.ย.``, not ``มิ.ย.``)
    'เม.ย.65'
    >>> doubled_consonants("ก.ยม. ๖๖")  # ย and ม are no look-alikes: as read
    'ก.ยม. ๖๖'
    >>> doubled_consonants("๑ ตดิ.ค. ๒๕๖๘ - ๓๐ ก.ย. ๒๕๖๙")  # the first consonant read twice
    '๑ ติ.ค. ๒๕๖๘ - ๓๐ ก.ย. ๒๕๖๙'
    >>> doubled_consonants("กถก.ค.66"), doubled_consonants("กขก.ค.66")  # thrice; ข is no look-alike of ก
    ('ก.ค.66', 'กขก.ค.66')

    Consonants that are no look-alikes of the month's, before it at a word's start, are a speck
    read as a letter (``ฑต.ค.``), when the last of them alone makes a month; a word's own stay.

    >>> doubled_consonants("ฑต.ค. 64 - ธ.ค. 64"), doubled_consonants("ภายในต.ค. 64")
    ('ต.ค. 64 - ธ.ค. 64', 'ภายในต.ค. 64')
    """
    from extractors.ita.periods import MONTH_ABBREVIATIONS, MONTH_BY_SKELETON

    def fix(match: re.Match[str]) -> str:
        first, between, one, two = match.groups()
        if not any(one in group and two in group for group in LOOKALIKES):
            return match.group()
        # a lead vowel before (``เม.ขย.``) tells months of one skeleton apart (``เม.ย.``, ``มิ.ย.``)
        lead = match.string[max(match.start() - 1, 0) : match.start()]
        lead = lead if lead in _LEAD_VOWELS else ""

        def month(second: str) -> bool:
            written = "".join(f"{lead}{first}{between}{second}.".split()).replace(",", ".")
            return first + second in MONTH_BY_SKELETON or written in MONTH_ABBREVIATIONS

        months = [c for c in (one, two) if month(c)]
        return first + between + months[0] if len(months) == 1 else match.group()

    def fix_first(match: re.Match[str]) -> str:
        read, between, second = match.groups()
        if not any(all(c in group for c in read) for group in LOOKALIKES):
            # no look-alikes: a speck before the month read as a consonant (``ฑต.ค.``), only at a
            # word's start (``ภายในต.ค.``'s ``น`` is its word's) and when the last makes the month
            before = match.string[match.start() - 1 : match.start()]
            speck = not _THAI_RUN.match(before) and read[-1] + second in MONTH_BY_SKELETON
            if not speck or any(c + second in MONTH_BY_SKELETON for c in read[:-1]):
                return match.group()
            return read[-1] + between + second
        months = sorted({c for c in read if c + second in MONTH_BY_SKELETON})
        return months[0] + between + second if len(months) == 1 else match.group()

    return _RE_DOUBLED_FIRST.sub(fix_first, _RE_DOUBLED.sub(fix, text))


#: The eras' abbreviations (``พ.ศ.``, ``ค.ศ.``) stand beside a period's years: never a month misread
#: (``พ.ศ.`` is one look-alike from ``พ.ค.``).
ERA_SKELETONS = ("พศ", "คศ")


@cache
def _lookalike_months() -> dict[str, str]:
    """Consonant pairs one look-alike away from exactly one month's (months told apart by their
    consonants alone: not ม.ค./มี.ค., เม.ย./มิ.ย.), each to that month's abbreviation."""
    from extractors.ita.periods import MONTH_BY_SKELETON, MONTH_SKELETONS

    near: dict[str, set[str]] = {}
    for pair, month in MONTH_BY_SKELETON.items():
        for at in (0, 1):
            for group in LOOKALIKES:
                if pair[at] not in group:
                    continue
                for other in group.replace(pair[at], ""):
                    misread = pair[:at] + other + pair[at + 1 :]
                    if misread not in MONTH_SKELETONS and misread not in ERA_SKELETONS:
                        near.setdefault(misread, set()).add(month)
    # both consonants read as look-alikes (``ชี.ศ.`` for ``ธ.ค.``): only a pair no single
    # look-alike explains, and only when exactly one month is so near
    far: dict[str, set[str]] = {}
    for pair, month in MONTH_BY_SKELETON.items():
        for one in _group_of(pair[0]).replace(pair[0], ""):
            for two in _group_of(pair[1]).replace(pair[1], ""):
                misread = one + two
                if misread not in near and misread not in MONTH_SKELETONS and misread not in ERA_SKELETONS:
                    far.setdefault(misread, set()).add(month)
    near.update(far)
    return {k: next(iter(v)) for k, v in near.items() if len(v) == 1}


def _group_of(consonant: str) -> str:
    """Every look-alike group (:data:`LOOKALIKES`) holding ``consonant``, joined; ``""`` if none."""
    return "".join(group for group in LOOKALIKES if consonant in group)


def lookalike_months(text: str) -> str:
    """``text`` with each dotted two-consonant token that is no month, but one look-alike consonant
    (:data:`LOOKALIKES`) away from exactly one month, read as that month; the rest unchanged.
    A reading so made is only a candidate: :func:`extractors.ocr.fields.settle` keeps it with a
    doubt, if it parses.

    >>> lookalike_months("ต.ุด. 65 - ชิ.ค. 65"), lookalike_months("ล.ค. 66"), lookalike_months("ฐิ.ค. 62")
    ('ต.ค. 65 - ธ.ค. 65', 'ส.ค. 66', 'ธ.ค. 62')
    >>> lookalike_months("ต.ค. ๖๖ - ชี.ศ. ๖๖")  # both consonants misread: ธ.ค. alone is so near
    'ต.ค. ๖๖ - ธ.ค. ๖๖'
    >>> lookalike_months("ศ.ค. 66")  # ศ is like ต (ต.ค.) and like ส (ส.ค.): no choice
    'ศ.ค. 66'
    >>> lookalike_months("ต.ค. 65 - ผ.อ. 66"), lookalike_months("ดำเนินการ")
    ('ต.ค. 65 - ผ.อ. 66', 'ดำเนินการ')
    >>> lookalike_months("ตลอดปีงบประมาณ พ.ศ. 2566")  # the era, not พ.ค.
    'ตลอดปีงบประมาณ พ.ศ. 2566'

    """
    table = _lookalike_months()
    return _RE_ABBREVIATION.sub(lambda m: table.get(m.group(1) + m.group(2), m.group()), text)


_THAI_RUN = re.compile("[\u0e01-\u0e4e]+")
#: An era's abbreviation read as a look-alike (``พ.ค.`` for ``พ.ศ.``: ``ศ`` and ``ค`` share their
#: loop) where only an era stands: after a year word, before a four-digit year.
_RE_ERA_LOOKALIKE = re.compile(
    rf"(ปี(?:งบประมาณ)?\s*)(?:([พค])\s*\.\s*[{LOOKALIKES[0]}]|[{_CONSONANT}]\s*\.\s*ศ)\s*[.,]?"
    rf"(\s*[0-9๐-๙]{{4}}(?![0-9๐-๙]))"
)


def lookalike_era(text: str) -> str:
    """``text`` with a dotted abbreviation after ``ปี``/``ปีงบประมาณ`` and before a four-digit year,
    whose second consonant is a look-alike of ``ศ`` (:data:`LOOKALIKES`), read as the era
    (``ปีงบประมาณพ.ค. 2563``: ``พ.ศ.`` read ``พ.ค.``); the rest unchanged.  A candidate only.

    >>> lookalike_era("ตลอดปีงบประมาณพ.ค. 2563"), lookalike_era("ปี พ.ด. ๒๕๖๖")
    ('ตลอดปีงบประมาณพ.ศ. 2563', 'ปี พ.ศ. ๒๕๖๖')
    >>> lookalike_era("พ.ค. 2563"), lookalike_era("ปีงบประมาณ พ.ค. 63")  # a month, as written
    ('พ.ค. 2563', 'ปีงบประมาณ พ.ค. 63')

    No month is written with ``ศ``: a dotted abbreviation there whose second consonant is ``ศ`` is
    the era whatever its first was read as (``ห.ศ.``, ``ท.ศ.``: ``พ``'s loop and stems).

    >>> lookalike_era("ตลอดปีงบประมาณ ห.ศ. 2567")
    'ตลอดปีงบประมาณ พ.ศ. 2567'

    So is a lone stroke there, the era read as one mark (``/``, ``(``, ``|``: ``พ.ศ.`` at 150 dpi,
    its dots lost): a year word and its year have nothing else between them.

    >>> lookalike_era("ตลอดปีงบประมาณ/ 2565"), lookalike_era("ตลอดปีงบประมาณ ( 2565")
    ('ตลอดปีงบประมาณ พ.ศ. 2565', 'ตลอดปีงบประมาณ พ.ศ. 2565')
    >>> lookalike_era("ไตรมาส 1/2565")  # a quarter's year after its number stays
    'ไตรมาส 1/2565'
    """
    text = _RE_ERA_STROKE.sub(r"\1 พ.ศ. \2", text)
    return _RE_ERA_LOOKALIKE.sub(lambda m: f"{m.group(1)}{m.group(2) or 'พ'}.ศ.{m.group(3)}", text)


#: The era read as one stroke between a year word and a four-digit year (``ปีงบประมาณ/ 2565``).
_RE_ERA_STROKE = re.compile(r"(ปี(?:งบประมาณ)?)\s*[/(|]\s*([0-9๐-๙]{4}(?![0-9๐-๙]))")


def lookalike_words(text: str) -> str:
    """``text`` with one consonant (or mark) read as its look-alike (:data:`LOOKALIKES`), when the text does
    not parse as a period and exactly one such change makes it parse (``รอบ 6 เตือน``: ``เดือน``
    with its ``ด`` read ``ต``); the text unchanged otherwise.  Glyph evidence, never a word made
    up: the parser's own words decide, and :func:`extractors.ocr.fields.settle` keeps such a
    reading only with a doubt.

    >>> lookalike_words("รอบ 6 เตือน"), lookalike_words("ทุกเตือน")
    ('รอบ 6 เดือน', 'ทุกเดือน')
    >>> lookalike_words("ตามความเหมาะสม"), lookalike_words("ต.ค. 65 - ธ.ค. 65")
    ('ตามความเหมาะสม', 'ต.ค. 65 - ธ.ค. 65')
    >>> lookalike_words("พ.ศ. 2563")  # the era read well is no month misread
    'พ.ศ. 2563'

    So too a vowel mark above a consonant read as another (:data:`MARK_LOOKALIKES`):

    >>> lookalike_words("ตลอด ป็งบประมาณ พ.ศ. 2568"), lookalike_words("ตลอดปึงบประมาณ")
    ('ตลอด ปีงบประมาณ พ.ศ. 2568', 'ตลอดปีงบประมาณ')

    One glyph read twice, as two look-alikes side by side (``เตดอน``: ``เดือน``'s ``ด`` read ``ตด``),
    is read as one of them, when exactly one such reading (or one change) parses.

    >>> lookalike_words("รอบ 6 เตดอน"), lookalike_words("รอบ 6 เดดือน"), lookalike_words("ต.ศคิ๖๔")
    ('รอบ 6 เดอน', 'รอบ 6 เดดือน', 'ต.ศคิ๖๔')
    """
    from extractors.ita.periods import ERA, MARKLESS_MIN, normalise_period

    if parses(text):
        return text
    # an era's letters stay (``พ.ศ. 2563`` is no ``พ.ค. 2563``: the era is read, so is no month)
    era = {at for m in ERA.finditer(text) for at in range(m.start(), m.end())}
    found: dict[str, str] = {}
    for match in _THAI_RUN.finditer(text):
        # a run of a word's length (``MARKLESS_MIN`` letters once read once): a month's
        # abbreviation's doubled consonant (``ตศค``, ``ต.ศคิ``) is :func:`doubled_consonants`'s
        word = match.end() - match.start() > MARKLESS_MIN
        for at in range(match.start(), match.end()):
            if at in era:
                continue
            for group in LOOKALIKES + MARK_LOOKALIKES:
                if text[at] not in group:
                    continue
                readings = [text[:at] + other + text[at + 1 :] for other in group.replace(text[at], "")]
                if word and at + 1 < match.end() and text[at + 1] in group and text[at + 1] != text[at]:
                    readings += [text[:at] + text[at + 1 :], text[: at + 1] + text[at + 2 :]]  # read twice
                for candidate in readings:
                    if parses(candidate):
                        found.setdefault(normalise_period(candidate), candidate)
    return next(iter(found.values())) if len(found) == 1 else text


#: Thai tone marks: small strokes above a consonant that a scan makes of a vowel mark's ticks.
_TONES = "\u0e48\u0e49\u0e4a\u0e4b"


def stray_tone(text: str) -> str:
    """``text`` without one tone mark, read where the glyph has none or another mark (``เต่อน``:
    ``เดือน``'s ``ื`` read as ``่``), when the text does not parse and exactly one such drop makes
    it parse, by itself or with one look-alike letter (:func:`lookalike_words`); the text
    unchanged otherwise.  A candidate only, kept with a doubt.

    >>> stray_tone("รอบ 6 เต่อน"), stray_tone("ต่อเนื่อง"), stray_tone("ต.ค. 65 - ธ.ค. 65")
    ('รอบ 6 เดอน', 'ต่อเนื่อง', 'ต.ค. 65 - ธ.ค. 65')
    """
    from extractors.ita.periods import normalise_period

    if parses(text) or not any(ch in _TONES for ch in text):
        return text
    found: dict[str, str] = {}
    for at, ch in enumerate(text):
        if ch not in _TONES:
            continue
        dropped = text[:at] + text[at + 1 :]
        candidate = dropped if parses(dropped) else lookalike_words(dropped)
        if parses(candidate):
            found.setdefault(normalise_period(candidate), candidate)
    return next(iter(found.values())) if len(found) == 1 else text


#: At most this many letters of a reading are read as digits.
MAX_DIGIT_REPAIRS = 2
#: A period's words hold few letters a digit looks like (``ตลอดปีงบประมาณ`` 1, ``ต่อเนื่อง`` and
#: ``รอบ 6 เดือน`` 2): a reading with more is prose that reached a period column, whose every pair
#: of them, each tried with every look-alike consonant, cost minutes on one page.
MAX_DIGIT_SPOTS = 4


def lookalike_digits(text: str) -> str:
    """``text`` with one letter (else two) of :data:`DIGIT_LETTERS` read as its look-alike Thai
    digit, and then one consonant of a word as its look-alike (:func:`lookalike_words`), when the
    text does not parse as a period and the changes that make it parse all give one period; the
    text unchanged otherwise.  Glyph evidence, and the parser decides: a candidate only, kept
    with a doubt (:func:`extractors.ocr.fields.settle`).

    >>> lookalike_digits("ส.ค. อ๒"), lookalike_digits("รอบ อเดือน"), lookalike_digits("รอบ จ “ เตอน")
    ('ส.ค. ๖๒', 'รอบ ๖เดือน', 'รอบ ๖ “ เดอน')
    >>> lookalike_digits("มิ.ย. - ก.ย. อๆ"), lookalike_digits("ต.ค. ออ - ธ.ค. ๒๖")
    ('มิ.ย. - ก.ย. ๖๗', 'ต.ค. ๖๖ - ธ.ค. ๖๖')
    >>> lookalike_digits("ตามความเหมาะสม"), lookalike_digits("ต่อเนื่อง")
    ('ตามความเหมาะสม', 'ต่อเนื่อง')
    >>> follow_up = "ติดตามผลโดยคณะทำงานและรายงานต่อผู้อำนวยการทุกรอบเดือนอย่างต่อเนื่อง"
    >>> lookalike_digits(follow_up) == follow_up  # eight such letters: words, not tried
    True
    """
    from itertools import combinations as choose

    from extractors.ita.periods import normalise_period

    if parses(text):
        return text
    spots = [at for at, ch in enumerate(text) if ch in DIGIT_LETTERS]
    if len(spots) > MAX_DIGIT_SPOTS:
        return text  # words, not a period
    found: dict[str, str] = {}
    for n in range(1, MAX_DIGIT_REPAIRS + 1):
        for chosen in choose(spots, n):
            chars = list(text)
            for at in chosen:
                chars[at] = DIGIT_LETTERS[text[at]]
            candidate = lookalike_words("".join(chars))
            if not parses(candidate):  # and a year's digit read as its look-alike digit
                candidate = lookalike_years(candidate)
            if parses(candidate):
                found.setdefault(normalise_period(candidate), candidate)
        if found:
            break
    return next(iter(found.values())) if len(found) == 1 else text


#: A month abbreviation's first dot read as the vowel mark below its consonant (``เมุย.`` for
#: ``เม.ย.``, ``กุย.`` for ``ก.ย.``), or as the vowel ``ะ`` beside it (``กะย.``: a dot with a speck
#: above it, two small loops): a consonant, ``ุ`` or ``ะ``, a consonant and the second dot.
_RE_DOT_AS_MARK = re.compile(r"(?<=[\u0e01-\u0e2e])[\u0e38\u0e30](?=\s?[\u0e01-\u0e2e]\s?[.,])")


#: A month abbreviation's first dot lost, a space where it stood (``ก ฟิ.`` for ``ก.พ.``): a
#: consonant standing alone, a space, a consonant with its marks and the second dot.
_RE_LOST_DOT = re.compile(
    r"(?<![\u0e01-\u0e4e.])([\u0e01-\u0e2e])\s([\u0e01-\u0e2e])(?=[\u0e31-\u0e4e]*\s?[.,])"
)


#: A month abbreviation's second dot read as ``ๆ`` (a dot with a speck's tail: ``ส.คๆ- 67``): after
#: a consonant, a dot and a consonant, glued.
_RE_DOT_AS_REPEAT = re.compile(r"(?<=[\u0e01-\u0e2e][.,][\u0e01-\u0e2e])ๆ(?![\u0e01-\u0e4e])")


#: Two dots or more after a consonant, spaces between them or not: one dot read twice.
_RE_DOUBLED_DOT = re.compile(r"(?<=[ก-ฮ])(\s*)\.(?:\s*\.)+")


#: A range's dash read as a dot between its start's year and its end's day (``๒๕๖๘.๓๐ ก.ย.``): four
#: digits, a dot, one or two digits and a month abbreviation's first letter and dot.  No year has
#: decimals.
_RE_DASH_AS_DOT = re.compile(
    r"(?<![0-9๐-๙])([0-9๐-๙]{4})\s?\.\s?(?=[0-9๐-๙]{1,2}\s?[\u0e40-\u0e44]?[\u0e01-\u0e2e][\u0e31-\u0e4e]*\s?\.)"
)


def lookalike_dots(text: str) -> str:
    """``text`` with the mark ``ุ`` read as the dot it stands for between the consonants of a
    dotted abbreviation (``เมุย. ๖๖``: the dot of ``เม.ย.`` read as ``ุ``); the rest unchanged.
    A candidate only: whoever keeps it checks that it parses, and keeps it with a doubt.

    >>> lookalike_dots("เมุย. ๖๖"), lookalike_dots("๓๐ กุย. ๒๕๖๔")
    ('เม.ย. ๖๖', '๓๐ ก.ย. ๒๕๖๔')
    >>> lookalike_dots("กุมภาพันธ์ - พฤษภาคม ๒๕๖๗")  # a word's own mark stays
    'กุมภาพันธ์ - พฤษภาคม ๒๕๖๗'
    >>> lookalike_dots("1 ต.ค. 2563 - 30 กะย. 2564"), lookalike_dots("ระยะ 6 เดือน")
    ('1 ต.ค. 2563 - 30 ก.ย. 2564', 'ระยะ 6 เดือน')

    So too its second dot read as ``ๆ`` after the abbreviation's second consonant.

    >>> lookalike_dots("ส.คๆ- 67"), lookalike_dots("ทุกๆ เดือน")
    ('ส.ค.- 67', 'ทุกๆ เดือน')

    And a dot read twice after a consonant (``ต.ค.. 2566``: a speck beside it); no period has two.

    >>> lookalike_dots("1 ต.ค.. 2566-30กย. 2567"), lookalike_dots("ต.ค . . 66")
    ('1 ต.ค. 2566-30กย. 2567', 'ต.ค . 66')

    And a range's dash read as a dot after its start's year, where a year takes no decimals.

    >>> lookalike_dots("๑ ต.ค. ๒๕๖๘.๓๐ ก.ย. ๒๕๖๙"), lookalike_dots("ปี 2566.5 ล้าน")
    ('๑ ต.ค. ๒๕๖๘ - ๓๐ ก.ย. ๒๕๖๙', 'ปี 2566.5 ล้าน')
    """
    text = _RE_DASH_AS_DOT.sub(r"\1 - ", text)
    return _RE_DOUBLED_DOT.sub(r"\1.", _RE_DOT_AS_REPEAT.sub(".", _RE_DOT_AS_MARK.sub(".", text)))


def lost_dots(text: str) -> str:
    """``text`` with a month abbreviation's first dot put back where a space stands (``ก ฟิ. ๖๔``:
    the dot lost), when the two consonants are a month's or one look-alike from exactly one
    month's (:func:`lookalike_months` reads it then); the rest unchanged.  Before :func:`trimmed`,
    which would drop the consonant standing alone as debris.  A candidate only.

    >>> lost_dots("ก ฟิ. ๖๔"), lost_dots("ภายใน ๓๐ ก ย. ๒๕๖๔"), lost_dots("ข ง. ๖๔")
    ('ก.ฟิ. ๖๔', 'ภายใน ๓๐ ก.ย. ๒๕๖๔', 'ข ง. ๖๔')
    """
    from extractors.ita.periods import MONTH_BY_SKELETON

    def lost(match: re.Match[str]) -> str:
        pair = match.group(1) + match.group(2)
        near = pair in MONTH_BY_SKELETON or pair in _lookalike_months()
        return f"{match.group(1)}.{match.group(2)}" if near else match.group()

    return _RE_LOST_DOT.sub(lost, text)


#: Thai digits a scan's OCR takes for one another (the same loop with another tail or curl:
#: ``๖`` read ``๒`` or ``๐``, ``๕`` read ``๔`` or ``๘``, ``๙`` read ``๓`` or ``๘``, ``๓`` read ``๗``,
#: ``๒`` read ``๑``: a year ``๑๕๖๙`` in a Norasi scan at 200 dpi), seen on fresh draws' period,
#: score and year cells where the glyph reader and Tesseract disagreed.  The one table of such
#: glyph evidence for periods: :func:`digit_swaps` uses it for
#: the years' range (:func:`lookalike_years`) and for the document's years
#: (:func:`extractors.ita.period_years.digit_lookalikes`).
DIGIT_LOOKALIKES = ("๒๖", "๐๖", "๔๕๘", "๓๕๙", "๓๗", "๘๙", "๑๒")


def digit_swaps(text: str, changes: int = 1) -> list[str]:
    """``text`` with ``changes`` of its Thai digits (at distinct places) each read as one of its
    look-alikes (:data:`DIGIT_LOOKALIKES`), every such reading once, fewest changes at the left
    first; none when the text has fewer digits.  Candidates only: the caller's evidence (the
    years' range, the document's years) must choose exactly one.

    >>> digit_swaps("พ.ค. ๒๔")
    ['พ.ค. ๖๔', 'พ.ค. ๑๔', 'พ.ค. ๒๕', 'พ.ค. ๒๘']
    >>> "ก.พ. ๖๘" in digit_swaps("ก.พ. ๒๕", 2), digit_swaps("ต.ค. 65"), digit_swaps("ต.ค. ๖", 2)
    (True, [], [])
    """
    from itertools import combinations as choose
    from itertools import product

    places = [at for at, ch in enumerate(text) if ch in _SWAPS]
    out: list[str] = []
    for chosen in choose(places, changes):
        for digits in product(*(_SWAPS[text[at]] for at in chosen)):
            chars = list(text)
            for at, digit in zip(chosen, digits, strict=True):
                chars[at] = digit
            out.append("".join(chars))
    return list(dict.fromkeys(out))


def _swaps() -> dict[str, str]:
    """Each Thai digit to its look-alikes (:data:`DIGIT_LOOKALIKES`), in the table's order."""
    found: dict[str, str] = {}
    for group in DIGIT_LOOKALIKES:
        for digit in group:
            others = group.replace(digit, "")
            found[digit] = found.get(digit, "") + "".join(o for o in others if o not in found.get(digit, ""))
    return found


_SWAPS = _swaps()
#: Where a Thai year stands in a period: four digits, or two right after a month's dot (``ส.ค. ๒๔``).
_RE_THAI_YEAR = re.compile(r"(?<![๐-๙])[๐-๙]{4}(?![๐-๙])|(?<=\.)(\s?)([๐-๙]{2})(?![๐-๙.])")


def _be_value(digits: str) -> int:
    from extractors.thai.text import thai_digits_to_arabic

    value = int(thai_digits_to_arabic(digits))
    return value if len(digits) == 4 else 2500 + value


def _year_fixes(digits: str) -> list[str]:
    """The readings of a Thai year ``digits`` with one digit read as its look-alike
    (:func:`digit_swaps`) that fall in :data:`YEAR_RANGE`."""
    return [fixed for fixed in digit_swaps(digits) if YEAR_RANGE[0] <= _be_value(fixed) <= YEAR_RANGE[1]]


#: One Thai digit read as two glyphs (``๖``'s loop and tail read ``๒๐`` or ``๒อ``: ``๒๕๒๐๗``
#: for ``๒๕๖๗``), to the digit: glyph evidence for :func:`split_digits`.
DIGIT_SPLITS = {"๒๐": "๖", "๒อ": "๖"}
#: Five glyphs where a Thai year's four digits stand (a digit read as two).
_RE_FIVE = re.compile(r"(?<![๐-๙อ])[๐-๙][๐-๙อ]{3}[๐-๙](?![๐-๙อ])")


def split_digits(text: str) -> str:
    """``text`` with each five-glyph group where a Thai year stands read with one pair of
    :data:`DIGIT_SPLITS` as its digit, or one digit read twice (two alike side by side) read
    once, when exactly one such reading is a year in :data:`YEAR_RANGE`; the rest unchanged.
    A candidate only.

    >>> split_digits("๑ ต.ค. ๒๕๒๐๗ - ๓๐ ก.ย. ๒๕๖๘"), split_digits("ภายใน ๓๐ มิ.ย. ๒๕๒อ๓")
    ('๑ ต.ค. ๒๕๖๗ - ๓๐ ก.ย. ๒๕๖๘', 'ภายใน ๓๐ มิ.ย. ๒๕๖๓')
    >>> split_digits("ภายใน ๓๐ มิ.ย. ๒๒๕๖๔"), split_digits("ส.ค. ๒๕๖๖๖")  # a digit read twice
    ('ภายใน ๓๐ มิ.ย. ๒๕๖๔', 'ส.ค. ๒๕๖๖')
    >>> split_digits("๑๒๕๒๐"), split_digits("๒๕๕๖๖")  # no plausible year, or two (๒๕๖๖, ๒๕๕๖): as read
    ('๑๒๕๒๐', '๒๕๕๖๖')
    """

    def fix(match: re.Match[str]) -> str:
        group = match.group()
        found = {
            group[:at] + digit + group[at + 2 :]
            for at in range(len(group) - 1)
            for pair, digit in DIGIT_SPLITS.items()
            if group[at : at + 2] == pair
        }
        found |= {group[:at] + group[at + 1 :] for at in range(len(group) - 1) if group[at] == group[at + 1]}
        found = {f for f in found if f.isdigit() and YEAR_RANGE[0] <= _be_value(f) <= YEAR_RANGE[1]}
        return found.pop() if len(found) == 1 else group

    return _RE_FIVE.sub(fix, text)


#: A Thai year's first digit ``๒`` read as one or two letters (``แ๕๖๙``, ``เแ๕๖๙`` for ``๒๕๖๙``):
#: letters that are no word's (no Thai letter before them) right before ``๕`` and two digits.
_RE_CENTURY_LETTERS = re.compile(r"(?<![\u0e01-\u0e4e])[\u0e01-\u0e4e]{1,2}(?=๕[๐-๙]{2}(?![๐-๙]))")


def century_letters(text: str) -> str:
    """``text`` with one or two letters that stand alone before ``๕`` and two Thai digits read as
    ``๒``: every year a period may name (:data:`YEAR_RANGE`) is ``๒๕..``, so the glyphs there are
    the ``๒`` OCR read as letters (``แ๕๖๙``); the rest unchanged.  A candidate only (its year may
    still need :func:`lookalike_years`).

    >>> century_letters("ภายใน ๓๐ มิ.ย, แ๕๖๙"), century_letters("มิ.ย. เแ๕๒๙")
    ('ภายใน ๓๐ มิ.ย, ๒๕๖๙', 'มิ.ย. ๒๕๒๙')
    >>> century_letters("ภายใน ๕๖ วัน"), century_letters("ทุก๕๐๐")  # no letters alone before it
    ('ภายใน ๕๖ วัน', 'ทุก๕๐๐')
    """
    return _RE_CENTURY_LETTERS.sub("๒", text)


def lookalike_years(text: str) -> str:
    """``text`` with each Thai-digit year outside :data:`YEAR_RANGE` (four digits, or two after a
    month's dot) read with one digit as its look-alike (:data:`DIGIT_LOOKALIKES`), when exactly one
    such reading falls in the range (``ส.ค. ๒๔``: ``๖๔`` with its ``๖`` read ``๒``, dated 1981),
    after a digit read as two is read as one (:func:`split_digits`);
    a year with none or several such readings, and every other digit, unchanged.  Glyph evidence
    and the years' range choose between readings, never a year made up: a candidate only, kept
    with a doubt, and the table's years may still reject it.

    >>> lookalike_years("ส.ค. ๒๔"), lookalike_years("๑ ต.ค. ๒๔๖๓ - ๓๐ ก.ย. ๒๔๖๔")
    ('ส.ค. ๖๔', '๑ ต.ค. ๒๕๖๓ - ๓๐ ก.ย. ๒๕๖๔')
    >>> lookalike_years("ส.ค. ๖๔"), lookalike_years("๒๔ ส.ค. ๖๔")  # plausible years, a day: as read
    ('ส.ค. ๖๔', '๒๔ ส.ค. ๖๔')
    >>> lookalike_years("ต.ค. ๐๓ - ธ.ค. ๖๓")
    'ต.ค. ๖๓ - ธ.ค. ๖๓'
    >>> lookalike_years("มิ.ย. - ก.ย. ๒๕๒๐๓")  # a digit read as two (:func:`split_digits`)
    'มิ.ย. - ก.ย. ๒๕๖๓'
    >>> lookalike_years("ส.ค. ๑๑")  # no look-alike reading is a plausible year
    'ส.ค. ๑๑'
    """

    def fix(match: re.Match[str]) -> str:
        digits = match.group(2) if match.group(2) else match.group()
        if YEAR_RANGE[0] <= _be_value(digits) <= YEAR_RANGE[1]:
            return match.group()
        fixes = _year_fixes(digits)
        if len(fixes) != 1:
            return match.group()
        return (match.group(1) or "") + fixes[0] if match.group(2) else fixes[0]

    return _RE_THAI_YEAR.sub(fix, split_digits(century_letters(text)))


#: A number of a period that is no year: one or two Thai digits, not right after a month's dot
#: (``ส.ค. ๖๔``'s ``๖๔`` is a year, :func:`lookalike_years`'s), nor inside a longer number.
_RE_SMALL_NUMBER = re.compile(r"(?<![๐-๙.])(?<!\.\s)[๐-๙]{1,2}(?![๐-๙])")


#: A cell longer than this is no period, whatever it holds (a step that names ``พ.ศ. ๒๕๖๖``).
PERIOD_CHARS = 40
#: A period holds few numbers that are no year (a day or two, a count, a quarter or two): a reading
#: with more is prose that reached a period column (a step ``๑. ... ๒. ...``), not tried.
MAX_NUMBER_SPOTS = 3


def lookalike_numbers(text: str) -> str:
    """``text`` with one digit of a number that is no year (a day, a quarter, a count of months)
    read as its look-alike (:data:`DIGIT_LOOKALIKES`), when the text does not parse as a period
    and exactly one such change makes it parse (``รอบ ๐ เดือน``: no period has no months, and of
    ``๐``'s look-alikes ``๖`` alone gives one), with then one consonant of a word read as its
    look-alike (:func:`lookalike_words`) when the change alone does not parse (in a text no
    longer than a period, :data:`PERIOD_CHARS`: a word's every letter costs a parse); the text unchanged
    otherwise (none, or several periods: ``รอบ ๑๖ เดือน`` is ``๑๒`` or ``๑๐``).  Glyph evidence,
    and the parser decides: a candidate only, kept with a doubt (:func:`extractors.ocr.fields.settle`).

    >>> lookalike_numbers("รอบ ๐ เดือน"), lookalike_numbers("ไตรมาสที่ ๘")
    ('รอบ ๖ เดือน', 'ไตรมาสที่ ๔')
    >>> lookalike_numbers("รอบ ๐ เตอน"), lookalike_numbers("รอบ ๑๖ เดือน"), lookalike_numbers("รอบ ๖ เดือน")
    ('รอบ ๖ เดอน', 'รอบ ๑๖ เดือน', 'รอบ ๖ เดือน')
    >>> lookalike_numbers("ส.ค. ๒๔")  # a year: not this repair's
    'ส.ค. ๒๔'
    >>> lookalike_numbers("๑. ประชุม ๒. อบรม ๓. ติดตาม ๔. รายงาน")  # prose: not tried
    '๑. ประชุม ๒. อบรม ๓. ติดตาม ๔. รายงาน'
    """
    from extractors.ita.periods import normalise_period

    if parses(text):
        return text
    spots = list(_RE_SMALL_NUMBER.finditer(text))
    if len(spots) > MAX_NUMBER_SPOTS:
        return text  # prose, not a period
    found: dict[str, str] = {}
    for match in spots:
        start, end = match.span()
        for number in digit_swaps(match.group()):
            candidate = text[:start] + number + text[end:]
            if not parses(candidate) and len(text) <= PERIOD_CHARS:  # and a word's look-alike consonant
                candidate = lookalike_words(candidate)
            if parses(candidate):
                found.setdefault(normalise_period(candidate), candidate)
    return next(iter(found.values())) if len(found) == 1 else text


#: A ``1`` standing alone at a reading's edge: a cell's rule read as a digit (``1 ตอเนอง``).
_RE_EDGE_STUB = re.compile(r"^1\s+|\s+1$")
#: A ``1`` alone after a year at a reading's end (``เม.ย. ๖๓ | 1``): nothing a period writes after its
#: year, a rule's stub below the cell.
_RE_STUB_AFTER_YEAR = re.compile(r"(?<=[0-9๐-๙]{2})(?:\s+[|\\])*\s+1$")
#: A dash between a month's last dot and its year (``30 ก.ย. -2564``): no date holds one, so in a
#: reading with another dash (the range's) it is a speck.
_RE_YEAR_DASH = re.compile(r"(?<=[.,])\s*[-‐‑‒–—―−]\s*(?=[0-9๐-๙]{2,4}(?![0-9๐-๙]))")
_RE_ANY_DASH = re.compile(r"[-‐‑‒–—―−]")
#: Dots or commas standing alone between words (``มิ.ย. . 63``): specks; a month's dots follow its
#: letters, a year's digits stand alone.
_RE_LONE_DOTS = re.compile(r"[.,]+")
#: The digits glued before the end's month of a lopsided range (:func:`lopsided_range`).
_RE_GLUED_DAY = re.compile(r"(?<=[-‐‑‒–—―−])(\s*)[0-9๐-๙]{1,2}(?=[\u0e01-\u0e2e])")


def without_debris(text: str) -> str:
    """``text`` without every lone debris token (:data:`_LONE`, or dots alone) among its words, a
    dash between a month and its year when another dash is the range's (:data:`_RE_YEAR_DASH`), a
    day glued to the end's month of a lopsided range (:func:`lopsided_range`), and without a
    ``1`` alone at its edge when the rest holds no digit and no month and reads as a period of
    words (a rule's stub: ``ต่อเนื่อง`` holds no number, ``ไตรมาส`` needs one); unchanged when
    nothing else is left.  No check
    that the result parses: it is a base for the other repairs (:func:`candidates`), whose
    readings are kept only if they parse, and then with a doubt.

    >>> without_debris("รอบ 6 a เตอน"), without_debris("a ] ตอเนอง"), without_debris("1 ตอเนอง")
    ('รอบ 6 เตอน', 'ตอเนอง', 'ตอเนอง')
    >>> without_debris("1 ต.ค."), without_debris("ไตรมาส 1"), without_debris("รอบ 6 4 เดือน")  # numbers stay
    ('1 ต.ค.', 'ไตรมาส 1', 'รอบ 6 4 เดือน')

    A dash between a month and its year, beside the range's own, is a speck too:

    >>> without_debris("1 ต.ค. 2563 - 30 ก.ย. -2564"), without_debris("ต.ค. -2563")
    ('1 ต.ค. 2563 - 30 ก.ย. 2564', 'ต.ค. -2563')
    >>> without_debris("มี.ค - มิ.ย. .- 63")  # and the speck it leaves, a dot standing alone
    'มี.ค - มิ.ย. 63'

    So is a digit glued to the end's month of a range whose start has no day
    (:func:`lopsided_range`: the month's first consonant's head read twice):

    >>> without_debris("ต.ค 64 - 5ธ.ค.64"), without_debris("1 ต.ค. 64 - 5ธ.ค.64")
    ('ต.ค 64 - ธ.ค.64', '1 ต.ค. 64 - 5ธ.ค.64')

    And a ``1`` alone after the year at its end, a rule's stub under the cell (:data:`_RE_STUB_AFTER_YEAR`):

    >>> without_debris("เม.ย. ๖๓ | 1"), without_debris("ไตรมาส 1")
    ('เม.ย. ๖๓', 'ไตรมาส 1')
    """
    from extractors.ita.periods import MONTH_ABBREVIATIONS, normalise_period

    text = trimmed(text)
    if lopsided_range(text):  # the end's day glued to its month: its consonant's head read twice
        text = _RE_GLUED_DAY.sub(r"\1", text)
    if len(_RE_ANY_DASH.findall(text)) > 1:
        text = _RE_YEAR_DASH.sub(" ", text)
    tokens = text.split()
    kept = [t for t in tokens if not _LONE.fullmatch(t) and not _RE_LONE_DOTS.fullmatch(t)]
    if not kept:
        return text
    rest = " ".join(kept)
    stub = _RE_EDGE_STUB.sub("", rest)
    words = normalise_period(stub).split()
    if (
        stub != rest
        and not re.search(r"\d", stub)
        and not set(words) & set(MONTH_ABBREVIATIONS)
        and (parses(stub) or parses(lookalike_words(stub)))
    ):
        rest = stub
    return _RE_STUB_AFTER_YEAR.sub("", rest)


#: Thai digits whose glyph is a consonant's look-alike (``๕`` for ``ธ``, its loop and tail: the
#: ``ธ์`` of ``กุมภาพันธ์`` read ``๕``): glyph evidence for :func:`lookalike_month_names`.
DIGIT_CONSONANTS = {"๕": "ธ"}
#: A stretch that may be a damaged full month name: a Thai run, then perhaps one short token (the
#: name's last glyphs read apart: ``กุมภาพัน ๕``, ``กุมภาพันซึ``), perhaps after a lone digit (the
#: last glyph's mark, set above it where the cell wrapped the name, read as a line of its own:
#: ``กุมภาพัน`` / ``6`` / ``ถ๊`` for ``กุมภาพัน`` / ``ธ์``).
_RE_NAME_STRETCH = re.compile(
    r"(?<![\u0e01-\u0e4e])[\u0e01-\u0e4e]{4,}"
    r"(?:\s?(?:[0-9๐-๙]\s(?=[\u0e01-\u0e2e]))?(?:[\u0e01-\u0e4e]{1,3}|๕)(?![\u0e01-\u0e4e๐-๙]))?"
)


def _name_skeleton(text: str) -> str:
    return "".join(ch for ch in text if "\u0e01" <= ch <= "\u0e2e" or ch in DIGIT_CONSONANTS)


#: A full month name of this many consonants or more is told from every other, and from the
#: words of a period, even with one consonant added or misread.
NAME_EDIT_MIN = 5


def _one_edit(read: str, wanted: str) -> bool:
    """Whether ``read`` is ``wanted`` with exactly one character lost, added or changed (Levenshtein 1).

    >>> _one_edit("กมภพน", "กมภพนธ"), _one_edit("กมภพฐนธ", "กมภพนธ"), _one_edit("พฤหภคม", "พฤษภคม")
    (True, True, True)
    >>> _one_edit("กมภพนธ", "กมภพนธ"), _one_edit("กมภพนซย", "กมภพนธ")
    (False, False)
    """
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(read, wanted) == 1


def lookalike_month_names(text: str) -> str:
    """``text`` with a stretch that is no month but whose consonants are a full month name's with
    exactly one read as its look-alike (:data:`LOOKALIKES`, or a digit of that shape,
    :data:`DIGIT_CONSONANTS`), the first as written, read as that name when exactly one name is
    so near (``กุมภาพันซึ``: ``ธ`` read ``ซ``, the name's marks aside); the rest unchanged.  A
    candidate only, kept with a doubt when it parses.

    >>> lookalike_month_names("กุมภาพันซึ f - พฤษภาคม 2565")
    'กุมภาพันธ์ f - พฤษภาคม 2565'
    >>> lookalike_month_names("กุมภาพัน ๕ พฤษภาคม 2566"), lookalike_month_names("กุมภาพันธ์ - มีนาคม 66")
    ('กุมภาพันธ์ พฤษภาคม 2566', 'กุมภาพันธ์ - มีนาคม 66')
    >>> lookalike_month_names("ตามความเหมาะสม"), lookalike_month_names("กุมภาพัน ๕๖")  # no name; a number
    ('ตามความเหมาะสม', 'กุมภาพัน ๕๖')

    A long name (:data:`NAME_EDIT_MIN` consonants or more) is so near too with one consonant added
    (``กุมภาพัฐ์ นธ์``: the word split, its ``น`` read ``ฐ``) or one read as any other
    (``พฤหภาคม``), when no look-alike reading names one: no two long names are so near each other.
    A consonant lost is not (``กุมภาพัน`` before a number: the number's first digit may be the
    name's last glyph).

    >>> lookalike_month_names("กุมภาพัฐ์ นธ์ - พฤษภาคม 2566"), lookalike_month_names("มีนาคม - พฤหภาคม 66")
    ('กุมภาพันธ์ - พฤษภาคม 2566', 'มีนาคม - พฤษภาคม 66')
    >>> lookalike_month_names("กุมภาพันถ๊ - พฤษภาคม 2565"), lookalike_month_names("ตุลาคม - ธันวาคม 2565")
    ('กุมภาพันธ์ - พฤษภาคม 2565', 'ตุลาคม - ธันวาคม 2565')

    The name's last glyph wrapped to the next line, its mark above it read as a digit of its own
    line (``กุมภาพัน`` / ``6`` / ``ถ๊ -``): no number stands inside a name.

    >>> lookalike_month_names("กุมภาพัน 6 ถ๊ - พฤษภาคม ๒๕๖๘"), lookalike_month_names("รอบ 6 เดือน")
    ('กุมภาพันธ์ - พฤษภาคม ๒๕๖๘', 'รอบ 6 เดือน')
    """
    from extractors.ita.periods import MONTH_NAMES

    names = {name: _name_skeleton(name) for name in MONTH_NAMES}

    def near(skeleton: str) -> list[str]:
        found = []
        for name, wanted in names.items():
            if len(wanted) != len(skeleton) or skeleton[0] != wanted[0]:
                continue
            differ = [(a, b) for a, b in zip(skeleton, wanted, strict=True) if a != b]
            if len(differ) == 1 and (
                DIGIT_CONSONANTS.get(differ[0][0]) == differ[0][1] or differ[0][1] in _group_of(differ[0][0])
            ):
                found.append(name)
        if not found:
            found = [
                name
                for name, wanted in names.items()
                if len(skeleton) >= len(wanted) >= NAME_EDIT_MIN
                and skeleton[:1] == wanted[:1]
                and _one_edit(skeleton, wanted)
            ]
        return found

    def fix(match: re.Match[str]) -> str:
        stretch = match.group()
        first = stretch.split()[0]
        for part in dict.fromkeys((stretch, first)):
            if part in MONTH_NAMES or first in MONTH_NAMES:
                return stretch
            found = near(_name_skeleton(part))
            if len(found) == 1:
                return found[0] + stretch[len(part) :]
        return stretch

    return _RE_NAME_STRETCH.sub(fix, text)


def candidates(text: str, compound: bool = True) -> list[str]:
    """Readings of a period that parses as OCR read it only after repairs, least change first:
    without stray marks at its edges (:func:`trimmed`; a month's lost first dot put back before,
    :func:`lost_dots`), with a month's dot read as ``ุ`` read as the dot (:func:`lookalike_dots`),
    with a month's consonant read twice read once (:func:`doubled_consonants`), with an era read
    as a month read as the era (:func:`lookalike_era`), with look-alike month letters read as the month
    (:func:`lookalike_months`), with the dash of a range put back between two months side by
    side (:func:`extractors.ita.periods.joined_months`), with one look-alike consonant of a word
    read as the parser's word (:func:`lookalike_words`), with letters read as the Thai digits they
    look like (:func:`lookalike_digits`), without a lone debris token between its words
    (:func:`inner_debris`), with a digit of a number that is no year read as its look-alike
    (:func:`lookalike_numbers`); then each of those with its implausible Thai years read
    by their look-alike digits (:func:`lookalike_years`).  With ``compound``, then the same after
    a damaged full month name is read (:func:`lookalike_month_names`) or the debris among its
    words dropped (:func:`without_debris`), or both.  Each is only a candidate, kept with a doubt.

    >>> candidates("กุมภาพันธ์พฤษภาคม 2567 |")[-1]
    'กุมภาพันธ์ - พฤษภาคม 2567'
    """
    out = _repairs(text)
    single = list(dict.fromkeys(out + [lookalike_years(reading) for reading in out]))
    return single + compound_candidates(text, single) if compound else single


def compound_candidates(text: str, single: Sequence[str] | None = None) -> list[str]:
    """The readings :func:`candidates` adds with ``compound``, and only those (not among the
    ``single`` repairs, computed if not given): the same repairs after a full month name's
    look-alike letters are read as the name (:func:`lookalike_month_names`), after every debris
    token is dropped (:func:`without_debris`), and after both: two kinds of damage in one reading
    (``รอบ 6 a เตอน``), which a caller tries last.

    >>> compound_candidates("รอบ 6 a เตอน")[0], compound_candidates("ต.ค. 65")
    ('รอบ 6 เตอน', [])
    """
    from extractors.ita.periods import joined_months

    if single is None:
        single = candidates(text, compound=False)
    first = single[0]
    cleared = without_debris(first)
    joined = without_debris(joined_months(first))  # a range's dash lost too (``ต.ค 64 5ธ.ค.64``)
    more: list[str] = []
    for variant in (lookalike_month_names(first), cleared, lookalike_month_names(cleared), joined):
        if variant not in single and variant not in more:
            more += _repairs(variant)
    return [r for r in dict.fromkeys(more + [lookalike_years(r) for r in more]) if r not in single]


def _repairs(text: str) -> list[str]:
    """The chain of :func:`candidates`' repairs of one reading, the reading trimmed first."""
    from extractors.ita.periods import joined_months

    out = [trimmed(lost_dots(text))]
    out.append(lookalike_dots(out[-1]))
    out.append(doubled_consonants(out[-1]))
    out.append(lookalike_era(out[-1]))
    out.append(lookalike_months(out[-1]))
    out.append(joined_months(out[-1]))
    out.append(lookalike_words(out[-1]))
    out.append(lookalike_digits(out[-2]))
    out.append(inner_debris(lookalike_words(out[0])))
    out.append(lookalike_numbers(out[6]))
    out.append(lookalike_words(dateless_dash(out[0])))  # a speck read as a dash between words
    out.append(stray_tone(out[0]))
    return out


#: Where a year stands in a period, in either script: four digits (five when a digit was read as
#: two, ``๒๕๒๐๘``), or two right after a month's dot (``ส.ค. ๖๔``).
_RE_YEAR_SLOT = re.compile(r"(?<![0-9๐-๙])[0-9๐-๙]{4,5}(?![0-9๐-๙])|(?<=\.)\s?([0-9๐-๙]{2})(?![0-9๐-๙.])")


def _year_slots(text: str) -> list[tuple[int, int, str]]:
    """The places where ``text``'s years stand (:data:`_RE_YEAR_SLOT`): ``(start, end, digits)``."""
    found = []
    for match in _RE_YEAR_SLOT.finditer(text):
        at = 1 if match.group(1) else 0
        found.append((match.start(at), match.end(at), match.group(at)))
    return found


def _plausible_year(digits: str) -> bool:
    """Whether four digits, or two after a month's dot, name a year in :data:`YEAR_RANGE`."""
    from extractors.thai.text import thai_digits_to_arabic

    if len(digits) not in (2, 4):
        return False
    value = int(thai_digits_to_arabic(digits))
    return YEAR_RANGE[0] <= (value if len(digits) == 4 else 2500 + value) <= YEAR_RANGE[1]


def years_read_elsewhere(text: str, others: Sequence[str]) -> list[str]:
    """``text`` with each year it holds outside :data:`YEAR_RANGE` (``๒๕๒๕``, ``๒๕๒๐๘``) as
    another reading of the same cell read the year at the same place (the n-th year of each, both
    readings holding as many), when that year is plausible and of the same form (four digits, or
    two after a month's dot): one candidate per reading in ``others`` that gives one, in order.
    Every digit so put is one OCR read from the cell's own glyphs (the Thai model read ``๒๕๒๕``
    where the glyph reader read ``๒๕๖๔`` beside debris of its own, ``ภายใน oeมี.ค. ๒๕๖๔``): a
    year read is better evidence than one made by look-alike digits (:func:`lookalike_years`), which
    a single reading's implausible year would get.  The digits keep ``text``'s script.  Only a
    candidate: whoever keeps it keeps it with a doubt.

    >>> years_read_elsewhere("ภายใน๓๑มี.ค. ๒๕๒๕", ["ภายใน oeมี.ค. ๒๕๖๔", "ภายใน ๓๑มี.ค. ๒๕๒๕"])
    ['ภายใน๓๑มี.ค. ๒๕๖๔']
    >>> years_read_elsewhere("๑ ต.ค. ๒๕๒๐๘ - ๓๐ ก.ย. ๒๕๖๙", ["1 ต.ค. 2568 - 30 n.8. 2569"])
    ['๑ ต.ค. ๒๕๖๘ - ๓๐ ก.ย. ๒๕๖๙']
    >>> years_read_elsewhere("ต.ค. ๒๕ - ธ.ค. ๖๕", ["ต.ค. ๖๕ - ธ.ค."])  # not as many years: none
    []
    >>> years_read_elsewhere("ต.ค. ๖๕", ["ต.ค. ๖๖"])  # its years are plausible: nothing to put
    []
    """
    from extractors.thai.text import arabic_digits_to_thai, thai_digits_to_arabic

    mine = _year_slots(text)
    if all(_plausible_year(digits) for _s, _e, digits in mine):
        return []
    out: list[str] = []
    for other in others:
        theirs = _year_slots(other)
        if len(theirs) != len(mine):
            continue
        changed = text
        for (start, end, digits), (_s, _e, read) in zip(reversed(mine), reversed(theirs), strict=True):
            if _plausible_year(digits) or not _plausible_year(read):
                continue
            if len(digits) != len(read) and not (len(digits) == 5 and len(read) == 4):
                continue
            thai = any("๐" <= ch <= "๙" for ch in digits)
            read = arabic_digits_to_thai(read) if thai else thai_digits_to_arabic(read)
            changed = changed[:start] + read + changed[end:]
        if changed != text and changed not in out:
            out.append(changed)
    return out

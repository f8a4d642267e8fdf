r"""Repair Thai text as it comes out of PDF text layers and OCR.

Small pure functions, each repairing one kind of damage (see docs/ITA_DOMAIN.md, "How Thai text breaks"):

- :func:`map_pua`: old Thai fonts (and Acrobat PDFMaker) draw shifted tone marks, shifted vowels and
  tail-less consonants with Private Use Area glyphs U+F700–U+F71A; the text layer keeps those code points.
- :func:`compose_sara_am`: sara am drawn as nikhahit + sara aa comes out decomposed (Tesseract, some PDFs);
  LibreOffice's /ActualText spans make pdfminer emit ``ำา``.
- :func:`reorder_marks`: tools that sort glyphs by x put zero-width marks in the wrong place
  (``เพ่อื``, ``ครงั้``; iText files: ``เลม่``, ``หนา้``).
- :func:`remove_space_before_marks`: layout analysis puts a space or a zero-width character before a mark.
- :func:`join_wrapped_lines`: a line break inside a narrow table cell is not a space in Thai.
- :func:`tidy_whitespace`: NBSP, tabs, zero-width characters, soft hyphens, blank lines.
- :func:`parse_number` and the digit converters: numbers written with Thai or Arabic digits.
- :func:`normalize_thai`: the pipeline for text fields (digits kept as written).

Damage that needs the glyphs themselves (a mark mapped to a zero-width space, a font mapping ``า`` to
``ำ``) is repaired per font before these functions; :func:`normalize_thai` drops zero-width characters.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from pythainlp.util import arabic_digit_to_thai_digit, remove_spaces_before_marks, thai_digit_to_arabic_digit

from extractors.thai.words import is_word, tokenize

THAI_RANGE = ("\u0e00", "\u0e7f")
CONSONANTS = "".join(chr(c) for c in range(0x0E01, 0x0E2F))  # ก .. ฮ
VOWEL_MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47"  # ั ิ ี ึ ื ุ ู ็ (one per cluster)
TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b\u0e4c"  # ่ ้ ๊ ๋ and thanthakhat ์ (one per cluster)
MARKS = VOWEL_MARKS + "\u0e3a" + TONE_MARKS + "\u0e4d\u0e4e"  # + phinthu, nikhahit, yamakkan
FOLLOW_VOWELS = "\u0e30\u0e32\u0e33\u0e45"  # ะ า ำ ๅ: spacing vowels, never carry a mark
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # ZWSP ZWNJ ZWJ WJ BOM soft hyphen
#: Thai letters a scan's OCR reads for the Thai digit of the same shape (``๖``, a loop and a tail,
#: read ``อ``, ``จ`` or ``ว``: ``รอบ อเดือน``, ``ส.ค. อ๒``, ``ก.พ. ว๘``; ``๗``, a loop and a rising
#: tail, read as the repetition mark ``ๆ``: ``ก.ย. อๆ`` for ``ก.ย. ๖๗`` in a looped font at 150
#: dpi): glyph evidence, used where other evidence says a digit stands there (a period's year, a
#: score's digit the glyph reader read).
DIGIT_LETTERS = {"อ": "๖", "จ": "๖", "ว": "๖", "ๆ": "๗"}

# Rank of a mark inside its cluster: vowel (and phinthu), then tone/thanthakhat, then nikhahit/yamakkan.
_RANK = {ch: 0 for ch in VOWEL_MARKS + "\u0e3a"} | {ch: 1 for ch in TONE_MARKS} | {"\u0e4d": 2, "\u0e4e": 2}
_CONSONANT_SET = frozenset(CONSONANTS)
_THAI_RUN = "\u0e01-\u0e3a\u0e40-\u0e4e"  # letters, vowels and marks (no digits, no ฿ ๏ ๚ ๛)

# Microsoft/WTT positional glyphs of Thai fonts ("Thai PUA"), as HarfBuzz's Thai fallback shaper uses them.
THAI_PUA: dict[str, str] = {
    # U+F700: tho than without its lower tail (drawn above a below vowel)
    "\uf700": "\u0e10",
    # U+F701–U+F704: sara i, ii, ue, uee shifted left (over the ascender of ป ฝ ฟ ฬ)
    "\uf701": "\u0e34", "\uf702": "\u0e35", "\uf703": "\u0e36", "\uf704": "\u0e37",
    # U+F705–U+F709: mai ek, tho, tri, chattawa, thanthakhat shifted down and left (ascender, no vowel)
    "\uf705": "\u0e48", "\uf706": "\u0e49", "\uf707": "\u0e4a", "\uf708": "\u0e4b", "\uf709": "\u0e4c",
    # U+F70A–U+F70E: mai ek, tho, tri, chattawa, thanthakhat shifted down (no above vowel)
    "\uf70a": "\u0e48", "\uf70b": "\u0e49", "\uf70c": "\u0e4a", "\uf70d": "\u0e4b", "\uf70e": "\u0e4c",
    # U+F70F: yo ying without its lower tail
    "\uf70f": "\u0e0d",
    # U+F710–U+F712: mai han-akat, nikhahit, mai taikhu shifted left
    "\uf710": "\u0e31", "\uf711": "\u0e4d", "\uf712": "\u0e47",
    # U+F713–U+F717: mai ek, tho, tri, chattawa, thanthakhat shifted left (above an above vowel)
    "\uf713": "\u0e48", "\uf714": "\u0e49", "\uf715": "\u0e4a", "\uf716": "\u0e4b", "\uf717": "\u0e4c",
    # U+F718–U+F71A: sara u, sara uu, phinthu shifted down (under ฎ ฏ ญ ฐ)
    "\uf718": "\u0e38", "\uf719": "\u0e39", "\uf71a": "\u0e3a",
}  # fmt: skip
_PUA_TABLE: dict[int, str | None] = {cp: None for cp in range(0xE000, 0xF900)} | {
    ord(k): v for k, v in THAI_PUA.items()
}
_DROP_ZW_TABLE: dict[int, None] = dict.fromkeys(map(ord, ZERO_WIDTH))


def is_thai_char(ch: str) -> bool:
    """True for a character of the Thai block (U+0E00–U+0E7F).

    >>> is_thai_char("ก"), is_thai_char("๙"), is_thai_char("a")
    (True, True, False)
    """
    return len(ch) == 1 and THAI_RANGE[0] <= ch <= THAI_RANGE[1]


def is_mark(ch: str) -> bool:
    """A Thai character that combines with the consonant before it (vowel above/below, tone, sara am).

    >>> is_mark("\u0e48"), is_mark("\u0e33"), is_mark("ก")
    (True, True, False)
    """
    return len(ch) == 1 and (ch in MARKS or ch == "\u0e33")


def map_pua(text: str) -> str:
    r"""Map the Thai positional glyphs U+F700–U+F71A to standard code points; drop any other PUA char.

    Other Private Use Area characters (U+E000–U+F8FF) carry no recoverable text and are removed.

    >>> map_pua("ข\uf70bอกําหนด")
    'ข้อกําหนด'
    >>> map_pua("ป\uf702\uf713")  # sara ii and mai ek shifted left over the ascender of ป
    'ปี่'
    >>> map_pua("a\ue000b")
    'ab'
    """
    return text.translate(_PUA_TABLE)


def remove_zero_width(text: str) -> str:
    """Drop ZWSP, ZWNJ, ZWJ, word joiner, BOM and soft hyphen.

    >>> remove_zero_width("สวัสดี\u200bครับ\ufeff")
    'สวัสดีครับ'
    """
    return text.translate(_DROP_ZW_TABLE)


_RE_NIKHAHIT_AA = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")
_RE_AM_AA = re.compile("\u0e33\u0e32+")


def compose_sara_am(text: str) -> str:
    """Compose sara am from nikhahit + sara aa, and drop the stray sara aa of ``ำา``.

    pythainlp's ``reorder_vowels`` has the nikhahit rule but bundles rewrites that change the text as
    written (``เเ`` → ``แ``, ``ๅ`` → ``า``), and nothing repairs ``ำา``; so both rules are here.

    >>> compose_sara_am("คํานํา")  # Tesseract: nikhahit + sara aa
    'คำนำ'
    >>> compose_sara_am("นํ้า")  # tone mark between nikhahit and sara aa
    'น้ำ'
    >>> compose_sara_am("กําหนด"), compose_sara_am("กำาหนด")  # LibreOffice ActualText via pdfminer
    ('กำหนด', 'กำหนด')
    """
    return _RE_AM_AA.sub("\u0e33", _RE_NIKHAHIT_AA.sub("\\1\u0e33", text))


def _clusters(text: str) -> list[list[str]]:
    """Split into [base, marks] pairs; marks at the very start get an empty base."""
    out: list[list[str]] = []
    for ch in text:
        if ch in _RANK and out:
            out[-1][1] += ch
        elif ch in _RANK:
            out.append(["", ch])
        else:
            out.append([ch, ""])
    return out


def _join(clusters: list[list[str]]) -> str:
    return "".join(base + marks for base, marks in clusters)


def _starts(clusters: list[list[str]]) -> list[int]:
    """Offset of each cluster, and the total length at the end."""
    starts = [0]
    for base, marks in clusters:
        starts.append(starts[-1] + len(base) + len(marks))
    return starts


def _sort_marks(marks: str) -> str:
    return "".join(sorted(marks, key=_RANK.__getitem__))


def _can_carry(marks: str) -> bool:
    """At most one vowel mark and one tone mark/thanthakhat on one consonant."""
    return sum(ch in VOWEL_MARKS for ch in marks) <= 1 and sum(ch in TONE_MARKS for ch in marks) <= 1


@lru_cache(maxsize=65536)
def word_spans(run: str) -> tuple[tuple[int, int, bool], ...]:
    """newmm tokens of a run of Thai letters as (start, end, in dictionary).

    >>> word_spans("ปีงบประมาณ")
    ((0, 10, True),)
    """
    spans, pos = [], 0
    for tok in tokenize(run):
        spans.append((pos, pos + len(tok), is_word(tok)))
        pos += len(tok)
    return tuple(spans) if pos == len(run) else ((0, len(run), False),)


def _unknown_chars(run: str) -> int:
    """Characters of a Thai run that newmm cannot segment into dictionary words."""
    return sum(end - start for start, end, known in word_spans(run) if not known)


def _moves(marks: str) -> list[tuple[str, str]]:
    """(moved, kept) splits of a cluster's marks pushed one base right: all, only vowel, only tone."""
    options = [(marks, "")]
    for rank in (0, 1):
        moved = "".join(c for c in marks if _RANK[c] == rank)
        if moved and moved != marks:
            options.append((moved, "".join(c for c in marks if _RANK[c] != rank)))
    return options if marks else []


def _move_back(clusters: list[list[str]], i: int, moved: str, kept: str) -> list[list[str]] | None:
    new_prev = clusters[i - 1][1] + moved
    if not _can_carry(new_prev):
        return None
    out = [list(c) for c in clusters]
    out[i - 1][1], out[i][1] = _sort_marks(new_prev), kept
    return out


def _suspicious(clusters: list[list[str]], i: int) -> bool:
    """Is cluster i misspelt as written (see reorder_marks, rule 3c)?"""
    (base, marks), prev_marks = clusters[i], clusters[i - 1][1]
    nxt, nxt_marks = clusters[i + 1] if i + 1 < len(clusters) else ("", "")
    closed = nxt in _CONSONANT_SET
    bare_final = closed and not nxt_marks.replace("\u0e4c", "")
    tone = any(c in "\u0e48\u0e49\u0e4a\u0e4b" for c in marks)
    vowel, prev_vowel = (any(c in VOWEL_MARKS for c in m) for m in (marks, prev_marks))
    prev_tone = any(c in TONE_MARKS for c in prev_marks)
    unclosed_vowel = not bare_final and any(c in "\u0e31\u0e37\u0e47" for c in marks)
    tone_on_final = tone and not vowel and not closed and nxt not in FOLLOW_VOWELS
    tone_on_vowel_letter = tone and base in "อวย" and prev_vowel and not prev_tone
    return unclosed_vowel or tone_on_final or tone_on_vowel_letter


def _is_repair(text: str, fixed: list[list[str]], i: int, suspicious: bool) -> bool:
    """Does moving marks from cluster i onto cluster i - 1 mend a broken word (reorder_marks, 3a–3c)?"""
    starts = _starts(fixed)
    start, end = starts[i - 1], starts[i + 1]
    before, after = word_spans(text), word_spans(_join(fixed))
    word = next(((s, e) for s, e, known in after if known and s <= start and end <= e), None)
    if word is None or not (suspicious or sum(word[0] <= p < word[1] for p in starts) >= 3):
        return False
    # nothing that was in a dictionary word falls out of one
    unknown_after = [(s, e) for s, e, known in after if not known]
    return not any(s < ue and us < e for s, e, known in before if known for us, ue in unknown_after)


_MAX_CONTEXT = 12  # clusters each side of a repair site given to the tokenizer, at most


def _candidates(clusters: list[list[str]]) -> list[list[list[str]]]:
    """Every accepted single move (see reorder_marks, rule 3), judged on a window of whole tokens."""
    segments = word_spans(_join(clusters))
    seg_starts = [s for s, _, _ in segments]
    starts = _starts(clusters)
    found = []
    for i in range(1, len(clusters)):
        if not (clusters[i][1] and clusters[i][0] in _CONSONANT_SET and clusters[i - 1][0] in _CONSONANT_SET):
            continue
        first = bisect_right(seg_starts, starts[i - 1]) - 1
        last = bisect_left(seg_starts, starts[i + 1]) - 1
        if all(known for _, _, known in segments[first : last + 1]):
            continue  # only where newmm finds no dictionary word
        lo = max(bisect_right(starts, segments[max(first - 2, 0)][0]) - 1, i - 1 - _MAX_CONTEXT)
        hi = min(bisect_left(starts, segments[min(last + 2, len(segments) - 1)][1]), i + 2 + _MAX_CONTEXT)
        window, text = clusters[lo:hi], _join(clusters[lo:hi])
        suspicious = _suspicious(window, i - lo)
        for moved, kept in _moves(clusters[i][1]):
            fixed = _move_back(window, i - lo, moved, kept)
            if (
                fixed is not None
                and _unknown_chars(_join(fixed)) < _unknown_chars(text)
                and _is_repair(text, fixed, i - lo, suspicious)
            ):
                found.append(clusters[:lo] + fixed + clusters[hi:])
    return found


@lru_cache(maxsize=16384)
def _repair_run(run: str) -> str:
    """Dictionary repair of marks pushed one base to the right, inside one run of Thai letters."""
    clusters = _clusters(run)
    score = _unknown_chars(run)
    while score:  # the best move of all sites, until none lowers the unknown count of the run
        scored = [(_unknown_chars(_join(c)), n, c) for n, c in enumerate(_candidates(clusters))]
        best = min(scored, default=None)
        if best is None or best[0] >= score:
            break
        score, _, clusters = best
    return _join(clusters)


def _reorder_once(text: str) -> str:
    clusters = _clusters(text)
    for i, cluster in enumerate(clusters):
        cluster[1] = _sort_marks(cluster[1])
        # A tone mark after ะ า ำ ๅ belongs to the consonant before them (sorting by x put it late).
        tones = "".join(ch for ch in cluster[1] if ch in TONE_MARKS)
        if tones and cluster[0] in FOLLOW_VOWELS and i and clusters[i - 1][0] in _CONSONANT_SET:
            fixed = _move_back(clusters, i, tones, "".join(c for c in cluster[1] if c not in TONE_MARKS))
            if fixed is not None:
                clusters[i - 1][1], cluster[1] = fixed[i - 1][1], fixed[i][1]
    return re.sub(f"[{_THAI_RUN}]+", lambda m: _repair_run(m.group()), _join(clusters))


def reorder_marks(text: str) -> str:
    """Put the marks of each cluster in canonical order and move back marks pushed past their base.

    Canonical order: consonant, below/above vowel (ิ ี ึ ื ุ ู ั ็), tone mark or thanthakhat, then
    nikhahit; sara am follows as a base character. Three rules, repeated until nothing changes:

    1. Within a cluster, marks are sorted into that order (no dictionary): ``ก่ิ`` → ``กิ่``.
    2. A tone mark after ะ า ำ ๅ (which never carry one) moves onto the consonant before them,
       if that consonant has no tone yet (no dictionary): ``หนา้`` → ``หน้า``.
    3. Sorting glyphs by x can emit a mark after the next base character, which can usually carry it
       too, so only the dictionary can tell. Where newmm leaves part of a run of Thai letters outside
       ``thai_words()``, the marks of a consonant that follows a consonant (all of them, only the vowel,
       or only the tone) are tried on the consonant before (one vowel and one tone at most). On a window
       of whole tokens around the spot, a move is accepted only if (a) the two consonants end up in one
       dictionary word, (b) fewer characters stay outside dictionary words and none that was inside
       falls out, and (c) that word has three clusters or more, or the text as written is misspelt
       there: ั ื ็ not followed by a bare final consonant, a tone on a vowelless consonant that ends
       the syllable, a tone on the อ ว ย of -ือ -ัว -ีย. Of all accepted moves, the one leaving the
       fewest unknown characters in the run is made, and the search repeats.

    Text that segments fully is never touched. An unusual proper name outside the dictionary can be
    "repaired" (12 of the 31,137 names and syllables in pythainlp's lists are).

    >>> reorder_marks("เลม่"), reorder_marks("หนา้")
    ('เล่ม', 'หน้า')
    >>> reorder_marks("เพ่อื"), reorder_marks("ครงั้")
    ('เพื่อ', 'ครั้ง')
    >>> reorder_marks("ก่ิ")
    'กิ่'
    >>> reorder_marks("ขว้าง")  # a tone on the second consonant is right when the dictionary says so
    'ขว้าง'
    """
    for _ in range(len(text) + 1):  # each change moves a mark back; this bound is never reached
        fixed = _reorder_once(text)
        if fixed == text:
            break
        text = fixed
    return text


_HSPACE = "[^\\S\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]"  # whitespace that does not break a line
_RE_SPACE_BEFORE_MARK = re.compile(f"(?<=[{_THAI_RUN}])(?:{_HSPACE}|[{ZERO_WIDTH}])+(?=[{MARKS}])")
_RE_ZW_BEFORE_MARK = re.compile(f"[{ZERO_WIDTH}]+(?=[{MARKS}])")


def remove_space_before_marks(text: str) -> str:
    """Remove spaces, NBSP and zero-width characters between a Thai character and a combining mark.

    Extends pythainlp's ``remove_spaces_before_marks`` (one ASCII space after a consonant) to any run of
    horizontal space or zero-width characters after any Thai letter; zero-width characters before a mark
    go wherever they are.

    >>> remove_space_before_marks("พ ุ่มดอกไม้")
    'พุ่มดอกไม้'
    >>> remove_space_before_marks("ภาพ\u00a0ุ่ม"), remove_space_before_marks("สาธารณส\u200bุข")
    ('ภาพุ่ม', 'สาธารณสุข')
    >>> remove_space_before_marks("ค าน า")  # า is a spacing vowel: not this function's business
    'ค าน า'
    """
    text = remove_spaces_before_marks(text)
    return _RE_ZW_BEFORE_MARK.sub("", _RE_SPACE_BEFORE_MARK.sub("", text))


_RE_HSPACE_RUN = re.compile(f"{_HSPACE}+")


def tidy_whitespace(text: str) -> str:
    r"""Collapse spaces/tabs/NBSP to one space, strip lines, drop zero-width chars and blank lines.

    >>> tidy_whitespace("\ufeff  ก\u00a0\u00a0ข\t ค \r\n\n\u200b\n  ง\u00ad  \n ")
    'ก ข ค\nง'
    """
    lines = (_RE_HSPACE_RUN.sub(" ", line).strip() for line in remove_zero_width(text).splitlines())
    return "\n".join(line for line in lines if line)


def thai_digits_to_arabic(text: str) -> str:
    """Thai digits to Arabic digits; everything else unchanged.

    >>> thai_digits_to_arabic("พ.ศ. ๒๕๖๒ หน้า 3")
    'พ.ศ. 2562 หน้า 3'
    """
    return thai_digit_to_arabic_digit(text) if text else ""


def arabic_digits_to_thai(text: str) -> str:
    """Arabic digits to Thai digits; everything else unchanged.

    >>> arabic_digits_to_thai("256๒")  # TH SarabunIT๙ draws ASCII digits as Thai ones
    '๒๕๖๒'
    """
    return arabic_digit_to_thai_digit(text) if text else ""


_RE_NUMBER_TOKEN = re.compile(r"([-−]?)([0-9][0-9.,]*)")
_RE_VALID_NUMBER = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")


def parse_number(text: str) -> float | None:
    """The one number of a numeric field, written with Thai or Arabic digits; None if not exactly one.

    Thousands separators must be well formed, a minus sign counts when it starts a word, a repeated
    number counts once; ``(cid:N)`` (a glyph with no text) makes the field unreadable.

    >>> parse_number("๙๕.๘๔"), parse_number("95.84"), parse_number(" 1,234.50 ")
    (95.84, 95.84, 1234.5)
    >>> parse_number("๗๗.๘๘ คะแนน"), parse_number("ร้อยละ -3.5%")
    (77.88, -3.5)
    >>> parse_number("ไม่มี"), parse_number("2562-2563"), parse_number("1,23"), parse_number("(cid:12)")
    (None, None, None, None)
    """
    if "(cid:" in text:
        return None
    text = thai_digits_to_arabic(text)
    values: set[float] = set()
    for match in _RE_NUMBER_TOKEN.finditer(text):
        sign, body = match.group(1), match.group(2).rstrip(".,")
        if not _RE_VALID_NUMBER.fullmatch(body):
            return None
        start = match.start()
        negative = bool(sign) and (start == 0 or text[start - 1].isspace() or text[start - 1] in "(:")
        value = float(body.replace(",", ""))
        values.add(-value if negative else value)
    return values.pop() if len(values) == 1 else None


#: A bullet: ``-`` ``•`` ``➢`` ... (shared with the table stage and the OCR rows).
BULLET = r"[-–—•●○◦▪■*➢✓]"
#: A list item's marker: ``1.`` ``๑.`` ``1)`` ``(1)`` ``-`` ``•`` ... (shared with the table stage).
LIST_MARKER = rf"(?:[0-9๐-๙]{{1,3}}[.)]|\([0-9๐-๙]{{1,3}}\)|{BULLET})"
#: An item's dot read by OCR as a comma: a comma before a Thai word (``1, ตรวจสอบ``); a number's
#: thousands comma has digits after it.
COMMA_AS_DOT = r",(?=\s*[ก-ฮเ-ไ])"
#: A letter or a digit, Thai or Latin: what makes text of a mark or a stroke.
LETTER_OR_DIGIT = r"[ก-ฮA-Za-z0-9๐-๙]"
_RE_LIST_MARKER = re.compile(f"{LIST_MARKER}(?![0-9๐-๙])")
_NO_SPACE_AFTER = "([{“‘"
_JOINERS = "-–/"  # a hyphen or slash glued to the word before it glues the next line too
_NO_SPACE_BEFORE = ".,;:!?)]}%”’/ฯ"
_THAI_LETTERS = set(map(chr, range(0x0E01, 0x0E4F))) - set(map(chr, range(0x0E3B, 0x0E40)))
_RE_TAIL_RUN = re.compile(f"[{_THAI_RUN}]{{1,30}}$")
_RE_HEAD_RUN = re.compile(f"^[{_THAI_RUN}]{{1,30}}")


def _trim_to_cluster(run: str) -> str:
    """Drop leading marks or follow vowels left by cutting a run at a fixed length."""
    return run.lstrip(MARKS + FOLLOW_VOWELS) or run


@lru_cache(maxsize=16384)
def _thai_join(left: str, right: str) -> str:
    """Separator between two Thai runs: '' unless joining makes the segmentation worse."""
    if left[-1] in "ๆฯ":
        return " "  # ๆ and ฯ are followed by a space
    if right[0] in MARKS or right[0] in FOLLOW_VOWELS:
        return ""  # the break fell inside a cluster
    joined = _unknown_chars(left + right)
    return " " if joined > _unknown_chars(left) + _unknown_chars(right) else ""


def _separator(prev: str, nxt: str) -> str:
    if _RE_LIST_MARKER.match(nxt):
        return "\n"
    a, b = prev[-1], nxt[0]
    if a in _NO_SPACE_AFTER or (a in _JOINERS and len(prev) > 1 and not prev[-2].isspace()):
        return ""
    if b in _NO_SPACE_BEFORE:
        return ""
    if a in _THAI_LETTERS and b in _THAI_LETTERS and b != "ๆ":
        tail, head = _RE_TAIL_RUN.search(prev), _RE_HEAD_RUN.match(nxt)
        if tail and head:
            return _thai_join(_trim_to_cluster(tail.group()), head.group())
    return " "


def join_wrapped_lines(
    lines: Sequence[str], ends_with_space: Sequence[bool] | None = None, breaks: Sequence[bool] | None = None
) -> str:
    """Join the lines of one wrapped table cell.

    Each line is tidied (:func:`tidy_whitespace`; blank lines go), then each break becomes:

    - ``"\\n"`` when the next line starts with a list marker (``1.`` ``๑.`` ``1)`` ``(1)`` ``-`` ``•``
      ...), so numbered steps stay splittable;
    - a space when ``ends_with_space`` says the line's last glyph in the PDF was a space (the wrap
      happened at a space: that is evidence, and it wins over the rules below);
    - nothing after ``(`` or a hyphen/slash glued to its word (``มาตรการ/`` + ``แนวทาง``, ``e-`` +
      ``Service``), or before closing punctuation, ``%``, ``/`` or ``ฯ``;
    - between two Thai letters: nothing (Thai writes a phrase without spaces; a wrap is not a space), unless
      the line ends in ``ๆ``/``ฯ`` or the next starts with ``ๆ`` (space by the Royal Institute's rule), or
      newmm over up to 30 letters each side finds more characters outside ``thai_words()`` in the joined
      text than in the two parts (the join would wreck a word: the space probably belonged there);
    - a space anywhere else: between Latin words, around numbers and Latin words next to Thai, after
      sentence punctuation, before ``(``.

    >>> join_wrapped_lines(["ระยะเวลา", "ดำเนินการ"]), join_wrapped_lines(["มาตรการ/", "แนวทาง"])
    ('ระยะเวลาดำเนินการ', 'มาตรการ/แนวทาง')
    >>> join_wrapped_lines(["ระบบ", "Open", "Data", "ของหน่วยงาน"])
    'ระบบ Open Data ของหน่วยงาน'
    >>> join_wrapped_lines(["นายสมชาย", "ใจดี"]), join_wrapped_lines(["นายสมชาย", "ใจดี"], [True, False])
    ('นายสมชายใจดี', 'นายสมชาย ใจดี')
    >>> join_wrapped_lines(["ขั้นตอน", "1. ตรวจสอบ", "เอกสาร", "๒.ลงนาม"])
    'ขั้นตอน\\n1. ตรวจสอบเอกสาร\\n๒.ลงนาม'

    ``breaks`` marks lines that end a paragraph (the layout knows: the next line's first word would
    have fitted after it); such a break is kept as ``"\\n"``.

    >>> join_wrapped_lines(["ไม่มีแผนผัง", "ไม่พบข้อมูล"], breaks=[True, False])
    'ไม่มีแผนผัง\\nไม่พบข้อมูล'
    """
    flags = list(ends_with_space or ())
    hard = list(breaks or ())
    parts: list[tuple[str, bool, bool]] = []
    for n, line in enumerate(lines):
        sub = [p for p in tidy_whitespace(line).split("\n") if p]
        last = len(sub) - 1
        parts += [
            (p, k == last and n < len(flags) and flags[n], k == last and n < len(hard) and hard[n])
            for k, p in enumerate(sub)
        ]
    if not parts:
        return ""
    out = [parts[0][0]]
    for (prev, spaced, ends), (nxt, _, _) in pairwise(parts):
        if ends:
            out.append("\n")
        else:
            out.append(" " if spaced and not _RE_LIST_MARKER.match(nxt) else _separator(prev, nxt))
        out.append(nxt)
    return "".join(out)


def join_cell_parts(parts: Sequence[str]) -> str:
    """Join the parts of one cell cut by page breaks: each boundary as a wrap, newlines inside kept.

    >>> join_cell_parts(["ไม่มีแผนผัง\\nไม่พบข้อมูล", "E-mail\\nขาดรายงาน"])
    'ไม่มีแผนผัง\\nไม่พบข้อมูล E-mail\\nขาดรายงาน'
    >>> join_cell_parts(["1. จัดทำคู่มือ", "2. ทบทวน"]), join_cell_parts(["อย่างน้อย 1", "ภารกิจ"])
    ('1. จัดทำคู่มือ\\n2. ทบทวน', 'อย่างน้อย 1 ภารกิจ')
    """
    texts = [p for p in parts if p.strip()]
    if not texts:
        return ""
    result = texts[0]
    for part in texts[1:]:
        tail = result.rsplit("\n", 1)[-1]
        head = part.split("\n", 1)[0]
        result = result[: len(result) - len(tail)] + join_wrapped_lines([tail, head]) + part[len(head) :]
    return result


def normalize_thai(text: str) -> str:
    r"""The text-field pipeline; digits stay as written. Idempotent.

    :func:`map_pua`, zero-width characters and :func:`remove_space_before_marks`, :func:`compose_sara_am`,
    :func:`reorder_marks`, :func:`compose_sara_am` again (reordering can bring ``ํ`` and ``า`` together),
    :func:`tidy_whitespace`.

    >>> normalize_thai("  ข\uf70bอกําหนด\u200b  เลม่ ๑\u00a0\n\n หนา้ 2 ")
    'ข้อกำหนด เล่ม ๑\nหน้า 2'
    """
    text = remove_space_before_marks(remove_zero_width(map_pua(text)))
    text = compose_sara_am(reorder_marks(compose_sara_am(text)))
    return tidy_whitespace(text)


#: On a scan, a header cell repeated on the next page reads alike within this similarity (OCR
#: reads a letter or two of the same words otherwise: ``ประเด็นซปัญหา`` for ``ประเด็นปัญหา``).
READ_ALIKE = 0.8


def repeats_cells(read: Sequence[str], cells: Sequence[str]) -> bool:
    """Whether OCR's ``read`` repeats ``cells`` (a table's header) cell by cell: every cell read
    with text (spaces ignored) reads alike within :data:`READ_ALIKE` (difflib's ratio), in half
    the cells at least.  OCR may misread a letter of a cell, or lose a cell's words.

    >>> head = ["ที่", "แนวทางปฏิบัติ", "การดำเนินการ", "ระยะเวลา"]
    >>> repeats_cells(["ที่", "แนวหางปฏิบัติ", "การ ดำเนินการ", ""], head)
    True
    >>> repeats_cells(["ที่", "ผลการดำเนินงาน", "การดำเนินการ", "ระยะเวลา"], head)
    False
    >>> repeats_cells(["ที่", "", "", ""], head), repeats_cells(["ที่"], head)
    (False, False)
    """
    from difflib import SequenceMatcher

    if len(read) != len(cells):
        return False
    pairs = [(squashed(a), squashed(b)) for a, b in zip(read, cells, strict=True) if a.strip()]
    return 2 * len(pairs) >= len(cells) and all(
        b and SequenceMatcher(None, a, b).ratio() >= READ_ALIKE for a, b in pairs
    )


def squashed(text: str) -> str:
    """``text`` without its whitespace (a cell compared across line wraps and OCR's spaces).

    >>> squashed("การ ดำเนิน  การ")
    'การดำเนินการ'
    """
    return re.sub(r"\s+", "", text)

"""Measure how broken a Thai text is: defect counts and the dictionary-word rate.

Used by the benchmark and by the tests, so that both judge text the same way.
"""

from __future__ import annotations

import re
from collections import Counter

from extractors.thai.text import is_thai_char
from extractors.thai.words import is_word, tokenize

_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_TONES = "\u0e48-\u0e4b"
_VOWELS_ABOVE_BELOW = "\u0e31\u0e34-\u0e3a\u0e47"

#: Each defect: a name, and the pattern of its occurrences.
DEFECT_PATTERNS: dict[str, re.Pattern[str]] = {
    "pua": re.compile("[\ue000-\uf8ff]"),
    "cid": re.compile(r"\(cid:\d+\)"),
    "sara_am_doubled": re.compile("\u0e33\u0e32"),
    "sara_am_decomposed": re.compile(f"\u0e4d[{_TONES}]?\u0e32"),
    "mark_after_space": re.compile(f"(?:^|[\\s\u200b])[{_MARKS}]", re.MULTILINE),
    "word_space_aa": re.compile("[\u0e01-\u0e2e\u0e48-\u0e4b][ \u200b]\u0e32"),
    "marks_out_of_order": re.compile(f"[{_TONES}\u0e4c][{_VOWELS_ABOVE_BELOW}]"),
    "zero_width": re.compile("[\u200b-\u200d\ufeff]"),
    "replacement": re.compile("\ufffd"),
    # A space no Thai writer types: after a leading vowel, or before ะ ำ ๅ (justified lines).
    "space_after_leading_vowel": re.compile("[\u0e40-\u0e44] (?=[\u0e01-\u0e2e])"),
    "space_before_following_vowel": re.compile("(?<=[\u0e01-\u0e4e]) [\u0e30\u0e33\u0e45]"),
    # Silent damage: a Latin letter inside a Thai word stands for a lost mark (Canva: ดlานการ).
    "latin_in_thai": re.compile("(?<=[\u0e01-\u0e4e])[A-Za-z\u00c0-\u024f](?=[\u0e01-\u0e4e])"),
}


def count_thai(text: str) -> int:
    """Thai characters in ``text``.

    >>> count_thai("คำนำ abc")
    4
    """
    return sum(1 for ch in text if is_thai_char(ch))


def thai_defects(text: str) -> Counter[str]:
    """How many of each known defect ``text`` shows.

    >>> sorted(thai_defects("ค าน า ข\\uf70bอ ำา (cid:9)").items())  # doctest: +NORMALIZE_WHITESPACE
    [('cid', 1), ('pua', 1), ('sara_am_doubled', 1), ('space_before_following_vowel', 1),
     ('word_space_aa', 2)]
    >>> thai_defects("คำนำ เล่ม หน้า")
    Counter()
    >>> thai_defects("เลม่ หนา้")["marks_out_of_order"], thai_defects("ก ่")["mark_after_space"]
    (0, 1)
    """
    found: Counter[str] = Counter()
    for name, pattern in DEFECT_PATTERNS.items():
        n = len(pattern.findall(text))
        if n:
            found[name] = n
    return found


def defects_per_1000(text: str) -> float:
    """Defects per 1,000 Thai characters (0 for text without Thai).

    >>> defects_per_1000("คำนำ")
    0.0
    """
    thai = count_thai(text)
    return 1000.0 * sum(thai_defects(text).values()) / thai if thai else 0.0


_THAI_WORD = re.compile("^[\u0e01-\u0e4e]{2,}$")


def dictionary_word_rate(text: str) -> tuple[int, int]:
    """(Thai tokens of two or more characters found in pythainlp's dictionary, all such tokens).

    Tokens come from pythainlp's newmm tokenizer.

    >>> dictionary_word_rate("สำนักงานสาธารณสุข")
    (2, 2)
    """
    found = total = 0
    for line in text.splitlines():
        for token in tokenize(line):
            if _THAI_WORD.match(token):
                total += 1
                found += is_word(token)
    return found, total


_TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"
_ABOVE_BELOW = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39")


def tone_restorable(token: str) -> bool:
    """Whether ``token`` is not a word but becomes one when a single tone mark is inserted.

    Such a token is what a silently lost tone mark leaves (``ผู`` for ``ผู้``).

    >>> tone_restorable("ผู"), tone_restorable("ผู้"), tone_restorable("กขค")
    (True, False, False)
    """
    if len(token) < 2 or is_word(token) or any(t in token for t in _TONE_MARKS):
        return False
    for i in range(1, len(token) + 1):
        if not ("\u0e01" <= token[i - 1] <= "\u0e2e" or token[i - 1] in _ABOVE_BELOW):
            continue
        if i < len(token) and token[i] in _ABOVE_BELOW:
            continue  # the tone goes after the vowel above or below
        if any(is_word(token[:i] + t + token[i:]) for t in _TONE_MARKS):
            return True
    return False


def silent_damage_tokens(text: str) -> list[str]:
    """The Thai tokens that are not words but become words with one more tone mark.

    Only single tokens are judged: a lost tone that leaves two words (``ขอมูล``: ``ขอ`` + ``มูล``)
    cannot be told from text that is right (``รวมกับ`` is not ``ร่วมกับ``), so it is not counted.
    Names can look so too (``เพียสุพรรณ``): the count is a pointer for a person, not a verdict.

    >>> silent_damage_tokens("ผูบริหาร ขอมูล"), silent_damage_tokens("ผู้บริหาร ข้อมูล")
    (['ผู'], [])
    """
    tokens = (t for line in text.splitlines() for t in tokenize(line) if _THAI_WORD.match(t))
    return [t for t in tokens if tone_restorable(t)]


def silent_damage(text: str) -> int:
    """How many places look like a tone mark lost silently (:func:`silent_damage_tokens`).

    >>> silent_damage("ผูบริหาร ขอมูล"), silent_damage("ผู้บริหาร ข้อมูล")
    (1, 0)
    """
    return len(silent_damage_tokens(text))

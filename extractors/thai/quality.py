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
}


def count_thai(text: str) -> int:
    """Thai characters in ``text``.

    >>> count_thai("คำนำ abc")
    4
    """
    return sum(1 for ch in text if is_thai_char(ch))


def thai_defects(text: str) -> Counter[str]:
    """How many of each known defect ``text`` shows.

    >>> sorted(thai_defects("ค าน า ข\\uf70bอ ำา (cid:9)").items())
    [('cid', 1), ('pua', 1), ('sara_am_doubled', 1), ('word_space_aa', 2)]
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

"""Repair Tesseract's Thai output (minimal version: sara am, spaces inside words).

Sara am is composed by :func:`extractors.thai_text.compose_sara_am`, as for text layers.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize

from extractors.thai_text import compose_sara_am

_SPACE = re.compile(r"(?<=[ก-ฮะ-ฺเ-ํ]) (?=[ก-ฮะ-ฺเ-ํ])")


@cache
def _words() -> frozenset[str]:
    return frozenset(thai_words())


def join_cluster_spaces(text: str) -> str:
    """Drop a space between Thai letters when a dictionary word straddles it once joined.

    >>> join_cluster_spaces("ต ่อไป ด ังนี้")
    'ต่อไป ดังนี้'
    """
    out = text
    while True:
        for m in _SPACE.finditer(out):
            joined = out[: m.start()] + out[m.end() :]
            start = max(0, m.start() - 12)
            window = joined[start : m.start() + 12]
            pos = 0
            straddles = False
            for token in word_tokenize(window, engine="newmm", keep_whitespace=True):
                end = pos + len(token)
                if pos < m.start() - start < end and token in _words():
                    straddles = True
                    break
                pos = end
            if straddles:
                out = joined
                break
        else:
            return out


def clean_ocr_text(text: str, field: str | None = None) -> tuple[str, list[str]]:
    """The repairs in order; returns the text and notes of what changed."""
    notes: list[str] = []
    fixed = unicodedata.normalize("NFC", compose_sara_am(text))
    fixed = join_cluster_spaces(fixed)
    fixed = re.sub(r"\s+", " ", fixed).strip()
    if fixed != text:
        notes.append("Thai OCR repairs")
    return fixed, notes

"""Classes of Thai characters, shared by the glyph and layout stages."""

from __future__ import annotations


def is_thai(ch: str) -> bool:
    """Any character of the Thai block.

    >>> is_thai("ก"), is_thai("a")
    (True, False)
    """
    return "\u0e00" <= ch <= "\u0e7f"


def is_mark(ch: str) -> bool:
    """Thai characters that combine with the consonant before them (vowels above/below, tones, sara am).

    >>> is_mark("\\u0e48"), is_mark("\\u0e33"), is_mark("ก")
    (True, True, False)
    """
    return ch == "\u0e31" or "\u0e33" <= ch <= "\u0e3a" or "\u0e47" <= ch <= "\u0e4e"

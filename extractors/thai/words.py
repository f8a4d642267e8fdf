"""Thai word segmentation: pythainlp's newmm over pythainlp's own dictionary, ready in milliseconds.

pythainlp builds its default dictionary trie (62,000 words, a node per letter) on the first call of
``word_tokenize``, which costs about 0.3 s of every process's start.  newmm asks its dictionary one
question, the words that begin at a position, so a frozen set of the same words with the longest word
length per first two letters answers it in a few set look-ups, built in a single pass over the words.
The tokens are pythainlp's own (same engine, same words); only the loading is cheaper.
"""

from __future__ import annotations

import marshal
import os
import tempfile
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from pathlib import Path


class WordSet:
    """A word list that answers newmm's ``prefixes`` question without a trie.

    >>> words = WordSet(["กา", "การ", "การบ้าน", "บ้าน"])
    >>> words.prefixes("การบ้านเสร็จ")
    ['กา', 'การ', 'การบ้าน']
    >>> words.prefixes("การบ้านเสร็จ", 3)
    ['บ้าน']
    >>> "บ้าน" in words, "บ้" in words, len(words)
    (True, False, 4)
    """

    def __init__(self, words: Iterable[str]) -> None:
        self._words = frozenset(w for w in words if w)
        longest: dict[str, int] = {}
        for word in self._words:
            key = word[:2]
            if len(word) > longest.get(key, 0):
                longest[key] = len(word)
        self._longest = longest

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """The words of the list that ``text`` holds at ``start``, shortest first (as a trie gives)."""
        found: list[str] = []
        if start < len(text) and text[start] in self._words:
            found.append(text[start])
        for end in range(
            start + 2, min(start + self._longest.get(text[start : start + 2], 0), len(text)) + 1
        ):
            if text[start:end] in self._words:
                found.append(text[start:end])
        return found

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


#: Where the built word set is kept between processes (``$XDG_CACHE_HOME`` or ``~/.cache``).
CACHE_VARIABLE = "ITA_CACHE_DIR"


def _cache_file() -> Path | None:
    """The cache file of this pythainlp version's word set, or None when there is no home for it."""
    try:
        from importlib.metadata import version

        tag = version("pythainlp")
    except Exception:
        return None
    base = (
        os.environ.get(CACHE_VARIABLE) or os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    )
    if not base or base.startswith("~"):
        return None
    return Path(base) / "ita-extract" / f"thai-words-{tag}.marshal"


def _load_cached(path: Path) -> WordSet | None:
    try:
        words, longest = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(words, frozenset) or not isinstance(longest, dict) or not words:
        return None
    found = WordSet(())
    found._words, found._longest = words, longest
    return found


def _store(path: Path, words: WordSet) -> None:
    """Keep the word set for the next process; a cache that cannot be written is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".thai-words-", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps((words._words, words._longest)))
        os.replace(tmp, path)
    except OSError:
        return


@cache
def thai_dictionary() -> WordSet:
    """pythainlp's Thai word list (``thai_words()``), one copy per process.

    Building it takes about 35 ms; the built set is kept in the user's cache folder, one file per
    pythainlp version (the word list ships with it), and read back in about 9 ms.
    """
    path = _cache_file()
    found = _load_cached(path) if path is not None and path.is_file() else None
    if found is not None:
        return found
    from pythainlp.corpus import thai_words

    built = WordSet(thai_words())
    if path is not None:
        _store(path, built)
    return built


def tokenize(text: str) -> list[str]:
    """newmm tokens of ``text`` with pythainlp's dictionary, whitespace tokens left out.

    >>> tokenize("สำนักงานสาธารณสุข")
    ['สำนักงาน', 'สาธารณสุข']
    """
    return list(_tokens(text))


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[str, ...]:
    """:func:`tokenize`, remembered: a scanned page's repairs ask for the same words again (each
    line, then each cell's lines joined; every candidate repair of a term)."""
    from pythainlp.tokenize import word_tokenize

    return tuple(word_tokenize(text, custom_dict=thai_dictionary(), engine="newmm", keep_whitespace=False))  # type: ignore[arg-type]


def is_word(token: str) -> bool:
    """Whether ``token`` is a word of pythainlp's dictionary.

    >>> is_word("สำนักงาน"), is_word("สำนักง")
    (True, False)
    """
    return token in thai_dictionary()


def all_words(text: str) -> bool:
    """``text`` cuts into Thai dictionary words of two letters or more and nothing else (a reading
    may choose, never invent; a stamp read as letters makes no words).

    >>> all_words("หน้าที่"), all_words("เจหนาท"), all_words("ทล่หนาท"), all_words("tay")
    (True, False, False, False)
    """
    tokens = tokenize(text)
    return bool(tokens) and all(len(t) >= 2 and is_word(t) for t in tokens)

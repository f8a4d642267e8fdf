"""How file names appear in records, tables, messages and progress lines.

A name from the file system is bytes; Python holds a name that is not UTF-8 (a Thai name in TIS-620
from a Windows archive or a ZIP file) as text with surrogate escapes, which no UTF-8 writer, SQLite
or JSON encoder accepts.  Everything that leaves the program shows a name in one stated form: a
valid UTF-8 name as it is; a name that is not UTF-8 as a whole with each of its non-ASCII bytes as
``\\xNN`` (a TIS-620 name may hold byte pairs that happen to be UTF-8, which would show as stray
letters); control characters (a newline in a name would forge a log line) as Python escapes.  The
exact bytes stay with the path inside the program, where the file must be opened again.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def shown(path: str | os.PathLike[str] | bytes) -> str:
    r"""``path`` as text any writer accepts, one line, losing nothing a reader needs to find it.

    >>> shown("รายงาน ITA.pdf")
    'รายงาน ITA.pdf'
    >>> shown(b"\xc3\xd2\xc2\xa7\xd2\xb9.pdf")  # รายงาน in TIS-620
    '\\xc3\\xd2\\xc2\\xa7\\xd2\\xb9.pdf'
    >>> shown(os.fsdecode(b"a\xff.pdf")), shown("two\nlines.pdf")
    ('a\\xff.pdf', 'two\\nlines.pdf')
    """
    raw = path if isinstance(path, bytes) else os.fsencode(os.fspath(path))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("ascii", "backslashreplace")
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def shown_name(path: str | os.PathLike[str]) -> str:
    """The shown form of the last part of ``path`` (the file's name)."""
    return shown(Path(path).name)


def shown_stem(path: str | os.PathLike[str]) -> str:
    """The shown form of the file's name without its suffix (a document's default id)."""
    return shown(Path(path).stem)


#: A file name's bytes may not exceed this on the usual file systems (ext4, XFS, NTFS in UTF-16 units).
NAME_MAX = 255


def fits_name(name: str, room: int = 0) -> bool:
    """Whether ``name`` (as UTF-8) plus ``room`` more bytes fits in one file name."""
    return len(name.encode("utf-8")) + room <= NAME_MAX


def short_id(stem: str, sha256: str, room: int = 40) -> str:
    """A document id that leaves ``room`` bytes of a file name for what output names add to it
    (``.json``, ``.p12.t3.csv``, ``.tables.json``): a stem too long is cut at a character and ends
    with the content hash, so two long names stay apart.

    >>> short_id("รายงาน", "ab" * 32)
    'รายงาน'
    >>> s = short_id("ก" * 100, "ab" * 32)
    >>> len(s.encode()) <= 215, s.endswith("-abababab")
    (True, True)
    """
    if fits_name(stem, room):
        return stem
    budget = NAME_MAX - room - 9
    cut = stem.encode("utf-8")[:budget].decode("utf-8", "ignore")
    return f"{cut}-{sha256[:8]}"

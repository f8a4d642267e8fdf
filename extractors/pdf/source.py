"""Open a PDF safely: every way a file can fail becomes one ``DocumentError`` with a plain reason."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pypdfium2 as pdfium

from schemas import DocumentError

#: A PDF's header may sit after some junk bytes; readers accept it within the first KiB.
_HEADER_WINDOW = 1024


_KINDS = (
    (stat.S_ISDIR, "is a folder, not a PDF file"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a regular file"),
    (stat.S_ISCHR, "is a character device, not a regular file"),
    (stat.S_ISBLK, "is a block device, not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
)


def not_a_regular_file(mode: int) -> str | None:
    """Why a file of this ``st_mode`` cannot be read as a document (None for a regular file).
    Reading a FIFO or a device such as ``/dev/zero`` would wait, or never end.

    >>> not_a_regular_file(os.stat("/dev/null").st_mode)
    'is a character device, not a regular file'
    >>> not_a_regular_file(0o100644) is None
    True
    """
    for test, reason in _KINDS:
        if test(mode):
            return reason
    return None if stat.S_ISREG(mode) else "is not a regular file"


def check_pdf_file(path: str | Path) -> Path:
    """Fail with a plain reason unless ``path`` is a non-empty regular file that starts like a PDF.
    A link is followed; what it points to must be a regular file too.

    >>> check_pdf_file("/nonexistent/report.pdf")
    Traceback (most recent call last):
    ...
    schemas.errors.DocumentError: /nonexistent/report.pdf: file not found
    """
    p = Path(path)
    try:
        mode = os.stat(p).st_mode
    except FileNotFoundError:
        raise DocumentError(p, "file not found") from None
    except OSError as err:
        raise DocumentError(p, f"cannot be read ({err.strerror or err})") from err
    problem = not_a_regular_file(mode)
    if problem:
        raise DocumentError(p, problem)
    try:
        with p.open("rb") as fh:
            head = fh.read(_HEADER_WINDOW)
    except OSError as err:
        raise DocumentError(p, f"cannot be read ({err.strerror or err})") from err
    if not head:
        raise DocumentError(p, "is empty (0 bytes)")
    if b"%PDF-" not in head:
        raise DocumentError(p, "is not a PDF (no %PDF header)")
    return p


def sha256_of(path: str | Path) -> str:
    """The SHA-256 of the file's bytes, read in 1 MiB blocks (the key of a document's content)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


#: Packages whose exceptions, raised while a file is read, say the file is damaged (not our bug).
_PDF_LIBRARIES = ("pdfminer", "pdfplumber", "pypdfium2", "PIL", "fontTools")
_RAW_OBJECT = re.compile(r"\s*(?:<<|\{|\[|b'|b\")")
_REASON_LENGTH = 160


def raised_by_pdf_library(err: BaseException) -> bool:
    """Whether ``err`` was raised inside a PDF, image or font library (its innermost frame)."""
    frames = traceback.extract_tb(err.__traceback__)
    if not frames:
        return False
    parts = Path(frames[-1].filename).parts
    return any(lib in parts for lib in _PDF_LIBRARIES) or type(err).__module__.split(".")[0] in _PDF_LIBRARIES


def short_reason(err: BaseException) -> str:
    """A library's error as one short line: its first line, without the raw PDF objects some
    libraries print (a 1.5 KB dictionary is no reason), at most 160 characters.

    >>> short_reason(ValueError("Invalid dictionary construct: {'/Type': '/Page', '/Kids': [1, 2]}"))
    'ValueError: Invalid dictionary construct'
    >>> short_reason(TypeError("'int' object is not iterable"))
    "TypeError: 'int' object is not iterable"
    """
    text = str(err).strip().splitlines()[0] if str(err).strip() else ""
    cut = _RAW_OBJECT.search(text)
    if cut:
        text = text[: cut.start()].rstrip(" :,;")
    if len(text) > _REASON_LENGTH:
        text = text[: _REASON_LENGTH - 1].rstrip() + "…"
    name = type(err).__name__
    return f"{name}: {text}" if text else name


def out_of_memory(err: BaseException) -> bool:
    """Whether ``err`` is running out of memory in disguise: pdfplumber wraps whatever pdfminer
    raises, a ``MemoryError`` under a memory cap included, in its own exception.

    >>> out_of_memory(ValueError(MemoryError())), out_of_memory(ValueError("bad xref"))
    (True, False)
    """
    seen: set[int] = set()
    stack: list[BaseException] = [err]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, MemoryError):
            return True
        stack += [a for a in current.args if isinstance(a, BaseException)]
        stack += [e for e in (current.__cause__, current.__context__) if e is not None]
    return False


def file_error(path: str | Path, err: BaseException, reason: str) -> Exception:
    """The error to raise for a file a library failed on: a ``DocumentError`` with ``reason``, or a
    ``MemoryError`` when the failure was running out of memory (no property of the file)."""
    if out_of_memory(err):
        return MemoryError()
    return DocumentError(path, reason)


def damaged(path: str | Path, err: BaseException, where: str = "") -> Exception:
    """The error to raise for a file a PDF library could not read (see :func:`file_error`)."""
    place = f"{where}: " if where else ""
    return file_error(path, err, f"{place}is damaged or not a readable PDF ({short_reason(err)})")


def _reason(err: Exception) -> str:
    text = str(err)
    lowered = text.lower()
    if "password" in lowered or "security" in lowered:
        return "is encrypted (a password is needed to open it)"
    if "format" in lowered or "file" in lowered:
        return f"is damaged or not a readable PDF ({text})"
    return f"cannot be opened as a PDF ({text})"


@contextmanager
def open_pdfium(path: str | Path) -> Iterator[pdfium.PdfDocument]:
    """Open ``path`` with pdfium, closing it afterwards; errors become ``DocumentError``."""
    p = check_pdf_file(path)
    try:
        doc = pdfium.PdfDocument(str(p))
    except pdfium.PdfiumError as err:
        raise DocumentError(p, _reason(err)) from err
    try:
        if len(doc) == 0:
            raise DocumentError(p, "has no pages")
        yield doc
    finally:
        doc.close()


def parse_page_ranges(spec: str | None, n_pages: int) -> list[int]:
    """Turn ``"1-3,5"`` into 1-based page numbers within ``1..n_pages``.

    >>> parse_page_ranges("1-3,5", 9)
    [1, 2, 3, 5]
    >>> parse_page_ranges(None, 3)
    [1, 2, 3]
    >>> parse_page_ranges("8-", 9)
    [8, 9]
    >>> parse_page_ranges("4", 3)
    Traceback (most recent call last):
    ...
    ValueError: page 4 is outside 1-3
    """
    if not spec:
        return list(range(1, n_pages + 1))
    pages: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        first, sep, last = part.partition("-")
        try:
            start = int(first) if first else 1
            end = (int(last) if last else n_pages) if sep else start
        except ValueError:
            raise ValueError(f"not a page range: {part!r}") from None
        for number in (start, end):
            if not 1 <= number <= n_pages:
                raise ValueError(f"page {number} is outside 1-{n_pages}")
        pages.extend(range(start, end + 1))
    return sorted(set(pages))

"""Open a PDF safely: every way a file can fail becomes one ``DocumentError`` with a plain reason."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pypdfium2 as pdfium

from schemas import DocumentError

#: A PDF's header may sit after some junk bytes; readers accept it within the first KiB.
_HEADER_WINDOW = 1024


def check_pdf_file(path: str | Path) -> Path:
    """Fail with a plain reason unless ``path`` is a non-empty file that starts like a PDF.

    >>> check_pdf_file("/nonexistent/report.pdf")
    Traceback (most recent call last):
    ...
    schemas.errors.DocumentError: /nonexistent/report.pdf: file not found
    """
    p = Path(path)
    if not p.exists():
        raise DocumentError(p, "file not found")
    if p.is_dir():
        raise DocumentError(p, "is a folder, not a PDF file")
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

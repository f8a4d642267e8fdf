"""A long PDF for batch tests and the batch benchmark, made from the text samples' pages."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
#: The text samples whose pages make the long PDF, in this order.
PAGE_SOURCES = [
    "santipatong-2565.pdf",
    "variant-arabic-digits.pdf",
    "variant-long-table.pdf",
    "variant-landscape.pdf",
    "variant-two-years.pdf",
    "wangphai-2566.pdf",
]


def make_big_pdf(path: Path, pages: int = 150) -> Path:
    """A ``pages``-page PDF of the samples' pages in a fixed order, byte for byte the same every
    time (pdfium writes a random /ID: it is replaced by a fixed one of the same length)."""
    sources = [pdfium.PdfDocument(str(SAMPLES / name)) for name in PAGE_SOURCES]
    big = pdfium.PdfDocument.new()
    i = 0
    while len(big) < pages:
        src = sources[i % len(sources)]
        big.import_pages(src, list(range(min(len(src), pages - len(big)))))
        i += 1
    big.save(str(path))
    for doc in [big, *sources]:
        doc.close()
    data = path.read_bytes()
    start = data.rfind(b"/ID[<")
    if start >= 0:
        end = data.index(b"]", start)
        fixed = b"/ID[" + b"<" + b"0" * 32 + b"><" + b"0" * 32 + b">"
        path.write_bytes(data[:start] + fixed.ljust(end - start, b" ") + data[end:])
    return path

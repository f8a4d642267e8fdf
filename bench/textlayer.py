"""Benchmark the text layer: Thai defects, dictionary-word rate and speed, against raw libraries.

For every PDF in ``samples/`` and ``../shared/real-pdfs/`` (or the paths given), in one run:
this project (``read_page``), raw pdfplumber (``Page.extract_text``), raw pypdfium2
(``PdfTextPage.get_text_range``), PyMuPDF (``Page.get_text``) and fixthaipdf (pypdf's
``extract_text`` then ``fixthaipdf.clean``; PyMuPDF and pypdf come with the ``bench`` extra;
fixthaipdf, whose wheel also installs a top-level ``tests`` package, goes in a separate folder:
``pip install --target DIR fixthaipdf`` and ``PYTHONPATH=DIR``).
Reported per producer family:

* defects per 1,000 Thai characters (``extractors.thai.quality.thai_defects``: PUA, ``(cid:``,
  ``ำา``, decomposed sara am, a mark after a space or at a word start, Word's `` า``, ...);
* the share of Thai newmm tokens (two or more characters) found in pythainlp's dictionary;
* silent damage (``silent_damage``): tokens that become words with one more tone mark;
* milliseconds per page: the median over pages of the best of ``--repeat`` timed reads, one core.

Usage: ``python bench/textlayer.py [--repeat 3] [--json results.json] [PDF ...]``
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402

from extractors.pdf.pages import read_page  # noqa: E402
from extractors.thai.quality import (  # noqa: E402
    count_thai,
    dictionary_word_rate,
    silent_damage,
    thai_defects,
)

METHODS = ("ita-extract", "pypdfium2", "pdfplumber", "pymupdf", "fixthaipdf")

#: Producer family by the file name's start (the real files are named after their producer).
FAMILIES = (
    ("word2007", "real: Word 2007"),
    ("notita", "real: Word 2019"),
    ("word-pdfmaker", "real: Word → PDFMaker (Thai distributed)"),
    ("word-ilovepdf", "real: Word → iLovePDF (Thai distributed)"),
    ("powerpoint", "real: PowerPoint 2013"),
    ("canva", "real: Canva → iLovePDF"),
    ("itext", "real: iText"),
    ("scanned", "real: scanned"),
)


def group_of(path: Path) -> str:
    if path.parent.name == "samples":
        return "samples (LibreOffice)"
    return next((family for prefix, family in FAMILIES if path.name.startswith(prefix)), "other")


def best_of(repeat: int, fn: Callable[[], str]) -> tuple[float, str]:
    best = float("inf")
    text = ""
    for _ in range(repeat):
        start = time.perf_counter()
        text = fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000.0, text


def measure_file(path: Path, repeat: int) -> dict[str, tuple[list[float], str]]:
    """Per method: milliseconds per page, and the whole text."""
    out: dict[str, tuple[list[float], str]] = {}
    doc = pdfium.PdfDocument(str(path))
    try:
        n = len(doc)
        times: list[float] = []
        texts: list[str] = []
        for i in range(1, n + 1):
            ms, text = best_of(repeat, lambda i=i: read_page(doc, i).text)  # type: ignore[misc]
            times.append(ms)
            texts.append(text)
        out["ita-extract"] = (times, "\n".join(texts))

        def pdfium_text(i: int) -> str:
            page = doc[i]
            tp = page.get_textpage()
            try:
                return str(tp.get_text_range())
            finally:
                tp.close()
                page.close()

        times, texts = [], []
        for i in range(n):
            ms, text = best_of(repeat, lambda i=i: pdfium_text(i))  # type: ignore[misc]
            times.append(ms)
            texts.append(text)
        out["pypdfium2"] = (times, "\n".join(texts))
    finally:
        doc.close()
    times, texts = [], []
    for i in range(n):
        best, text = float("inf"), ""
        for _ in range(repeat):
            # A fresh open per read, so pdfplumber's page cache does not flatter later repeats;
            # extract_text parses the page lazily, so its time is the page's whole cost.
            with pdfplumber.open(str(path)) as pdf:
                page = pdf.pages[i]
                start = time.perf_counter()
                text = page.extract_text() or ""
                best = min(best, (time.perf_counter() - start) * 1000.0)
        times.append(best)
        texts.append(text)
    out["pdfplumber"] = (times, "\n".join(texts))
    out.update(_others(path, n, repeat))
    return out


def _others(path: Path, n: int, repeat: int) -> dict[str, tuple[list[float], str]]:
    """PyMuPDF and fixthaipdf (pypdf text + its dictionary repair), if installed."""
    out: dict[str, tuple[list[float], str]] = {}
    try:
        import pymupdf
    except ImportError:
        pymupdf = None
    if pymupdf is not None:
        with pymupdf.open(str(path)) as doc:
            times, texts = [], []
            for i in range(n):
                ms, text = best_of(repeat, lambda i=i: str(doc[i].get_text()))  # type: ignore[misc]
                times.append(ms)
                texts.append(text)
        out["pymupdf"] = (times, "\n".join(texts))
    try:
        import fixthaipdf
        import pypdf
    except ImportError:
        return out
    reader = pypdf.PdfReader(str(path))
    times, texts = [], []
    for i in range(n):
        ms, text = best_of(repeat, lambda i=i: str(fixthaipdf.clean(reader.pages[i].extract_text() or "")))  # type: ignore[misc]
        times.append(ms)
        texts.append(text)
    out["fixthaipdf"] = (times, "\n".join(texts))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    pdfs: list[Path] = args.pdfs or sorted((ROOT / "samples").glob("*.pdf")) + sorted(
        (ROOT.parent / "shared" / "real-pdfs").glob("*.pdf")
    )
    # Warm up the dictionary and tokenizer so the first file does not pay for loading them.
    dictionary_word_rate("สำนักงาน")

    groups: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    page_times: dict[tuple[str, str], list[float]] = defaultdict(list)
    kinds: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    per_file: list[dict[str, object]] = []
    for path in pdfs:
        group = group_of(path)
        results = measure_file(path, args.repeat)
        for method, (times, text) in results.items():
            defects = thai_defects(text)
            found, total = dictionary_word_rate(text)
            silent = silent_damage(text)
            key = (group, method)
            groups[key]["silent"] += silent
            groups[key]["thai"] += count_thai(text)
            groups[key]["defects"] += sum(defects.values())
            groups[key]["dict_found"] += found
            groups[key]["dict_total"] += total
            page_times[key].extend(times)
            kinds[key].update(defects)
            per_file.append(
                {
                    "file": path.name,
                    "method": method,
                    "pages": len(times),
                    "thai_chars": count_thai(text),
                    "defects": dict(defects),
                    "dictionary_rate": found / total if total else None,
                    "silent_damage": silent,
                    "median_ms_per_page": statistics.median(times),
                }
            )
        print(f"measured {path.name}", file=sys.stderr)

    header = (
        "| files | method | Thai chars | defects / 1,000 Thai | silent damage | dictionary-word rate "
        "| median ms/page |"
    )
    print(header)
    print("|---|---|---:|---:|---:|---:|---:|")
    for (group, method), g in sorted(groups.items(), key=lambda kv: (kv[0][0], METHODS.index(kv[0][1]))):
        thai = g["thai"]
        rate = f"{g['dict_found'] / g['dict_total']:.1%}" if g["dict_total"] else "n/a"
        per_k = f"{1000 * g['defects'] / thai:.2f}" if thai else "n/a"
        median = statistics.median(page_times[(group, method)])
        silent = int(g["silent"])
        print(f"| {group} | {method} | {int(thai)} | {per_k} | {silent} | {rate} | {median:.1f} |")
    print()
    print("Defect kinds (all files):")
    for method in METHODS:
        total: Counter[str] = Counter()
        for (_, m), c in kinds.items():
            if m == method:
                total.update(c)
        print(f"- {method}: {dict(total.most_common()) or 'none'}")
    ita = [t for (g, m), ts in page_times.items() if m == "ita-extract" for t in ts]
    fast = [t for (g, m), ts in page_times.items() if m == "pypdfium2" for t in ts]
    slow = [t for (g, m), ts in page_times.items() if m == "pdfplumber" for t in ts]
    if ita and fast and slow:
        print(
            f"\nSpeed ratio (median ms/page, all files): ita-extract / pdfplumber = "
            f"{statistics.median(ita) / statistics.median(slow):.2f}, "
            f"ita-extract / pypdfium2 = {statistics.median(ita) / statistics.median(fast):.2f}"
        )
    if args.json:
        args.json.write_text(json.dumps(per_file, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python3
"""Make scanned twins of the sample PDFs: image-only PDFs that look like office scans.

For each sample ``samples/<name>.pdf`` this script renders every page with pypdfium2 at 200 dpi in
greyscale, degrades it the way a flatbed scanner or office copier would, JPEG-encodes it and wraps
the JPEGs with img2pdf into ``samples/<name>-scanned.pdf``: no text layer at all, each page the same
size in points as the source page (landscape pages stay landscape), so coordinates are comparable.
``samples/<name>-scanned.expected.json`` is ``samples/<name>.expected.json`` with ``sample`` set to
``<name>-scanned`` and one note added: the content is the same, so the expected record is too.

It also writes one mixed document, ``samples/mixed-wangphai-2566.pdf``: the text PDF
``wangphai-2566.pdf`` with its page 2 replaced by the scanned page 2 (the same JPEG as in
``wangphai-2566-scanned.pdf``), put together with pypdfium2, and its expected record
``samples/mixed-wangphai-2566.expected.json``.  These files exist to test the OCR path (Tesseract
Thai).  Run it from anywhere::

    python samples/make_scans.py                         # rebuild every scanned/mixed PDF
    python samples/make_scans.py --only wangphai-2566    # only what is made from one sample
    python samples/make_scans.py --only mixed-wangphai-2566
    python samples/make_scans.py --check                 # rebuild in a temp dir, compare bytes
    python samples/make_scans.py --out /tmp/scans        # write somewhere else

``--only`` takes a source sample name (its scanned twin, plus the mixed document for
``wangphai-2566``) or an output name (``<name>-scanned``, ``mixed-wangphai-2566``); it may be
repeated.  ``--check`` rebuilds the selection into a temporary directory and compares every PDF and
JSON byte for byte with the ones in ``--out`` (default ``samples/``); it exits 1 on any difference.
The sources are always read from ``samples/``.

Degradation, per page, in this order (all parameters drawn from a ``numpy.random.RandomState``
seeded with the first four bytes of ``sha256("make_scans:<name>:<page>")``, never ``hash()``):

- skew: rotation about the page centre, same image size, corners filled with paper.  Pages take
  turns (in an order seeded by the sample name) between three bands: near 0 (|angle| <= 0.2 deg),
  moderate (0.4-1.1 deg) and strong (1.3-1.5 deg); the sign is random.  Positive = counter-clockwise.
- paper and ink: the white of the page becomes a grey paper level in 215-240 with a low-frequency
  unevenness (a smooth random field of about +-3 levels plus a lamp gradient of up to +-4 levels
  across the page); black becomes an ink level in 18-45.
- noise: additive Gaussian noise, sigma 1.5-3.5 grey levels.
- blur: Gaussian blur, sigma ("radius") 0.4-0.9 px.
- JPEG: quality drawn in 40-70 (Pillow, optimised Huffman tables, 200 dpi in the JFIF header).  If
  the page is over 250 KB at that quality the quality is lowered in steps of 5, not below 40, so
  dense pages stay small; the quality used is printed.

Determinism: img2pdf runs with its internal engine (no /ID) and fixed /CreationDate and /ModDate;
pypdfium2 writes a run-dependent /CreationDate and /ID into the mixed PDF, which are rewritten in
place to fixed same-length values (as ``make_samples.py`` does).  The pixels depend on the versions
of pdfium, numpy, OpenCV and Pillow/libjpeg: rebuild and check with the same ones.

Needs: ``pip install pypdfium2 numpy opencv-python-headless Pillow img2pdf``.  Not part of the
package: nothing may import this module.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import img2pdf
import numpy as np
import pypdfium2 as pdfium
from PIL import Image

SAMPLES_DIR = Path(__file__).resolve().parent

SAMPLE_NAMES = (
    "santipatong-2565",
    "variant-arabic-digits",
    "variant-landscape",
    "variant-long-table",
    "variant-two-years",
    "wangphai-2566",
)
MIXED_SOURCE = "wangphai-2566"
MIXED_PAGE = 2  #: 1-based page of MIXED_SOURCE replaced by its scan
MIXED_NAME = f"mixed-{MIXED_SOURCE}"

DPI = 200
SCAN_DATE_EPOCH = 1_675_209_600  #: 2023-02-01 00:00 UTC, the scans' fixed creation date

SKEW_BANDS = ((0.0, 0.2), (0.4, 1.1), (1.3, 1.5))  #: |angle| ranges in degrees, taken in turn
PAPER_LEVEL = (215.0, 240.0)
PAPER_FIELD_SIGMA = 3.0  #: grey levels, smooth random field
PAPER_GRADIENT = 4.0  #: grey levels, largest lamp gradient from the centre to an edge
PAPER_FIELD_GRID = (4, 4)  #: coarse grid the smooth field is interpolated from
INK_LEVEL = (18.0, 45.0)
NOISE_SIGMA = (1.5, 3.5)
BLUR_RADIUS = (0.4, 0.9)
JPEG_QUALITY = (40, 70)
JPEG_QUALITY_STEP = 5
PAGE_BUDGET_BYTES = 250 * 1024

SIZE_TOLERANCE_PT = 0.001  #: img2pdf writes 4 decimals, pdfium float32


# --------------------------------------------------------------------------- parameters


@dataclass(frozen=True)
class ScanParams:
    """How one page is degraded."""

    skew_deg: float
    paper: float
    ink: float
    noise_sigma: float
    blur_radius: float
    quality: int  #: the quality drawn; the one used may be lower (see ScannedPage)


@dataclass(frozen=True)
class ScannedPage:
    """One page as it comes out of the scanner."""

    page_no: int  #: 1-based
    params: ScanParams
    quality: int  #: the JPEG quality used
    jpeg: bytes
    size_pt: tuple[float, float]  #: the source page's size


def page_rng(name: str, page_no: int) -> np.random.RandomState:
    """A RandomState (stream frozen by numpy) seeded from the sample name and page number."""
    digest = hashlib.sha256(f"make_scans:{name}:{page_no}".encode()).digest()
    return np.random.RandomState(int.from_bytes(digest[:4], "big"))


def skew_band(name: str, page_no: int) -> tuple[float, float]:
    """Pages of a sample take the skew bands in turn, starting at a band chosen by the name."""
    offset = hashlib.sha256(f"make_scans:{name}".encode()).digest()[0]
    return SKEW_BANDS[(page_no + offset) % len(SKEW_BANDS)]


def scan_params(name: str, page_no: int, rng: np.random.RandomState) -> ScanParams:
    low, high = skew_band(name, page_no)
    magnitude = float(rng.uniform(low, high))
    sign = 1.0 if rng.randint(0, 2) else -1.0
    return ScanParams(
        skew_deg=round(sign * magnitude, 3),
        paper=round(float(rng.uniform(*PAPER_LEVEL)), 1),
        ink=round(float(rng.uniform(*INK_LEVEL)), 1),
        noise_sigma=round(float(rng.uniform(*NOISE_SIGMA)), 2),
        blur_radius=round(float(rng.uniform(*BLUR_RADIUS)), 2),
        quality=int(rng.randint(JPEG_QUALITY[0], JPEG_QUALITY[1] + 1)),
    )


# --------------------------------------------------------------------------- degradation


def render_page(page: Any) -> np.ndarray:
    """The page at DPI in greyscale, white paper, as a (height, width) uint8 array."""
    bitmap = page.render(scale=DPI / 72, grayscale=True)
    pixels = np.array(bitmap.to_numpy(), dtype=np.uint8)
    if pixels.ndim == 3:  # a BGR(A) bitmap despite grayscale=True
        pixels = cv2.cvtColor(pixels[:, :, :3], cv2.COLOR_BGR2GRAY)
    return pixels


def paper_field(shape: tuple[int, int], params: ScanParams, rng: np.random.RandomState) -> np.ndarray:
    """Paper grey level per pixel: the level, a smooth random field and a lamp gradient."""
    height, width = shape
    coarse = rng.normal(0.0, PAPER_FIELD_SIGMA, PAPER_FIELD_GRID).astype(np.float32)
    field = cv2.resize(coarse, (width, height), interpolation=cv2.INTER_CUBIC).astype(np.float64)
    gx, gy = rng.uniform(-PAPER_GRADIENT, PAPER_GRADIENT, 2)
    xs = np.linspace(-1.0, 1.0, width)[np.newaxis, :]
    ys = np.linspace(-1.0, 1.0, height)[:, np.newaxis]
    return np.clip(params.paper + field + gx * xs + gy * ys, 200.0, 250.0)


def degrade(pixels: np.ndarray, params: ScanParams, rng: np.random.RandomState) -> np.ndarray:
    """Skew, paper and ink, noise, blur: the page as the scanner sees it (uint8, same size)."""
    height, width = pixels.shape
    centre = ((width - 1) / 2.0, (height - 1) / 2.0)
    matrix = cv2.getRotationMatrix2D(centre, params.skew_deg, 1.0)
    rotated = cv2.warpAffine(
        pixels,
        matrix,
        (width, height),
        flags=cv2.INTER_CUBIC,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=255,  # white outside the page becomes paper below
    )
    coverage = 1.0 - rotated.astype(np.float64) / 255.0  # 0 = paper, 1 = full ink
    paper = paper_field((height, width), params, rng)
    tone = paper * (1.0 - coverage) + params.ink * coverage
    tone += rng.normal(0.0, params.noise_sigma, (height, width))
    grey = np.clip(np.rint(tone), 0, 255).astype(np.uint8)
    blurred: np.ndarray = cv2.GaussianBlur(grey, (0, 0), sigmaX=params.blur_radius)
    return blurred


def encode_jpeg(pixels: np.ndarray, quality: int) -> tuple[bytes, int]:
    """JPEG bytes and the quality used: ``quality`` or lower, until the page fits the budget."""
    image = Image.fromarray(pixels)
    while True:
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=quality, optimize=True, dpi=(DPI, DPI))
        data = buffer.getvalue()
        if len(data) <= PAGE_BUDGET_BYTES or quality - JPEG_QUALITY_STEP < JPEG_QUALITY[0]:
            return data, quality
        quality -= JPEG_QUALITY_STEP


def scan_page(name: str, page_no: int, page: Any) -> ScannedPage:
    rng = page_rng(name, page_no)
    params = scan_params(name, page_no, rng)
    width_pt, height_pt = page.get_size()
    pixels = degrade(render_page(page), params, rng)
    jpeg, quality = encode_jpeg(pixels, params.quality)
    return ScannedPage(page_no, params, quality, jpeg, (float(width_pt), float(height_pt)))


def scan_document(name: str, pages: Sequence[int] | None = None) -> list[ScannedPage]:
    """Scan ``samples/<name>.pdf`` (all pages, or the 1-based ``pages``)."""
    document = pdfium.PdfDocument(str(SAMPLES_DIR / f"{name}.pdf"))
    try:
        numbers = list(pages) if pages is not None else list(range(1, len(document) + 1))
        return [scan_page(name, number, document[number - 1]) for number in numbers]
    finally:
        document.close()


# --------------------------------------------------------------------------- PDF assembly


def images_to_pdf(pages: Sequence[ScannedPage]) -> bytes:
    """An image-only PDF, one JPEG per page, each page the size of its source page."""
    sizes: dict[tuple[int, int], tuple[float, float]] = {}
    for page in pages:
        with Image.open(io.BytesIO(page.jpeg)) as image:
            key = image.size
        if sizes.setdefault(key, page.size_pt) != page.size_pt:
            raise SystemExit(f"pages of {key[0]}x{key[1]} px have different sizes in points")

    def layout(width_px: int, height_px: int, _dpi: Any) -> tuple[float, float, float, float]:
        width_pt, height_pt = sizes[(width_px, height_px)]
        return width_pt, height_pt, width_pt, height_pt

    date = dt.datetime.fromtimestamp(SCAN_DATE_EPOCH, tz=dt.UTC)
    data: bytes = img2pdf.convert(
        [page.jpeg for page in pages],
        layout_fun=layout,
        engine=img2pdf.Engine.internal,
        creationdate=date,
        moddate=date,
    )
    return data


ID_PATTERN = re.compile(rb"(/ID\s*\[\s*<)[0-9A-Fa-f]{32}(>\s*<)[0-9A-Fa-f]{32}(>)")
CREATION_DATE_PATTERN = re.compile(rb"(/CreationDate\s*\(D:)\d{14}")


def stabilise_pdfium(data: bytes, label: str) -> bytes:
    """Replace pdfium's run-dependent /CreationDate and /ID with fixed same-length values.

    The new /ID is the MD5 of the file with it blanked; offsets do not move, so the xref stays valid.
    """
    stamp = dt.datetime.fromtimestamp(SCAN_DATE_EPOCH, tz=dt.UTC).strftime("%Y%m%d%H%M%S").encode()
    counts = [len(p.findall(data)) for p in (CREATION_DATE_PATTERN, ID_PATTERN)]
    if counts != [1, 1]:
        raise SystemExit(f"{label}: unexpected trailer (CreationDate, ID found {counts})")

    def with_digest(digest: bytes) -> bytes:
        out = CREATION_DATE_PATTERN.sub(lambda m: m.group(1) + stamp, data)
        return ID_PATTERN.sub(lambda m: m.group(1) + digest + m.group(2) + digest + m.group(3), out)

    digest = hashlib.md5(with_digest(b"0" * 32), usedforsecurity=False).hexdigest().upper().encode()
    fixed = with_digest(digest)
    if len(fixed) != len(data):
        raise SystemExit(f"{label}: stabilising changed the file length")
    return fixed


def mixed_pdf(source: str, scanned: ScannedPage) -> bytes:
    """``samples/<source>.pdf`` with page ``scanned.page_no`` replaced by the scanned page."""
    text_doc = pdfium.PdfDocument(str(SAMPLES_DIR / f"{source}.pdf"))
    scan_doc = pdfium.PdfDocument(images_to_pdf([scanned]))
    mixed = pdfium.PdfDocument.new()
    try:
        index = scanned.page_no - 1
        if index > 0:
            mixed.import_pages(text_doc, list(range(index)))
        mixed.import_pages(scan_doc, [0])
        if index + 1 < len(text_doc):
            mixed.import_pages(text_doc, list(range(index + 1, len(text_doc))))
        buffer = io.BytesIO()
        mixed.save(buffer)
    finally:
        mixed.close()
        scan_doc.close()
        text_doc.close()
    return stabilise_pdfium(buffer.getvalue(), f"{MIXED_NAME}.pdf")


def expected_record(source: str, target: str, note: str) -> str:
    """``samples/<source>.expected.json`` renamed to ``target`` with ``note`` added, as text."""
    record = json.loads((SAMPLES_DIR / f"{source}.expected.json").read_text(encoding="utf-8"))
    record["sample"] = target
    record["notes"].append(note)
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def scanned_note(source: str) -> str:
    return (
        f"Scanned twin of {source}.pdf made by samples/make_scans.py: every page rendered at {DPI} dpi "
        "greyscale, skewed (up to 1.5 degrees), put on grey paper with noise and blur, JPEG-compressed "
        "and wrapped as an image-only PDF (no text layer), page sizes unchanged. Same content, so the "
        "same expected record."
    )


def mixed_note(source: str, page_no: int) -> str:
    return (
        f"Mixed twin of {source}.pdf made by samples/make_scans.py: page {page_no} is a scan (the "
        f"image-only page {page_no} of {source}-scanned.pdf, no text layer); the other pages are the "
        "original text pages. Same content, so the same expected record."
    )


# --------------------------------------------------------------------------- verification


def verify_pdf(path: Path, source: str, scanned_pages: set[int]) -> None:
    """Same page count and sizes as the source; scanned pages carry no text, others their text."""
    original = pdfium.PdfDocument(str(SAMPLES_DIR / f"{source}.pdf"))
    built = pdfium.PdfDocument(str(path))
    problems = []
    try:
        if len(built) != len(original):
            problems.append(f"{len(built)} pages, the source has {len(original)}")
        for index in range(min(len(built), len(original))):
            page_no = index + 1
            size, want = built[index].get_size(), original[index].get_size()
            if any(abs(a - b) > SIZE_TOLERANCE_PT for a, b in zip(size, want, strict=True)):
                problems.append(f"page {page_no} is {size}, the source page is {want}")
            text = built[index].get_textpage()
            if page_no in scanned_pages and text.count_chars() != 0:
                problems.append(f"page {page_no} has a text layer ({text.count_chars()} chars)")
            if page_no not in scanned_pages:
                source_text = original[index].get_textpage()
                if text.get_text_range() != source_text.get_text_range():
                    problems.append(f"page {page_no}: text differs from the source page")
    finally:
        built.close()
        original.close()
    if problems:
        raise SystemExit(f"{path.name}: " + "; ".join(problems))


# --------------------------------------------------------------------------- build and check


@dataclass(frozen=True)
class Target:
    name: str  #: output stem
    source: str  #: the sample it is made from
    mixed: bool = False


TARGETS = (
    *(Target(f"{name}-scanned", name) for name in SAMPLE_NAMES),
    Target(MIXED_NAME, MIXED_SOURCE, mixed=True),
)


def select_targets(only: Sequence[str]) -> list[Target]:
    if not only:
        return list(TARGETS)
    unknown = [n for n in only if not any(n in (t.name, t.source) for t in TARGETS)]
    if unknown:
        known = ", ".join(sorted({t.source for t in TARGETS} | {t.name for t in TARGETS}))
        raise ValueError(f"unknown sample(s) {', '.join(unknown)}; known: {known}")
    return [t for t in TARGETS if t.name in only or t.source in only]


def describe(page: ScannedPage) -> str:
    p = page.params
    lowered = f" (drawn {p.quality})" if page.quality != p.quality else ""
    return (
        f"  page {page.page_no}: skew {p.skew_deg:+.3f} deg, paper {p.paper:.1f}, ink {p.ink:.1f}, "
        f"noise {p.noise_sigma:.2f}, blur {p.blur_radius:.2f}, JPEG q{page.quality}{lowered}, "
        f"{len(page.jpeg) / 1024:.0f} KB"
    )


def build(targets: Sequence[Target], out_dir: Path, verbose: bool = True) -> list[Path]:
    """Write the PDFs and expected records of ``targets`` into ``out_dir``; returns the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    scans: dict[str, list[ScannedPage]] = {}
    written: list[Path] = []
    for target in targets:
        if target.mixed:
            page = next((p for p in scans.get(target.source, []) if p.page_no == MIXED_PAGE), None)
            page = page or scan_document(target.source, [MIXED_PAGE])[0]
            data = mixed_pdf(target.source, page)
            note = mixed_note(target.source, MIXED_PAGE)
            scanned_pages = {MIXED_PAGE}
            details = [describe(page)]
        else:
            pages = scans[target.source] = scan_document(target.source)
            data = images_to_pdf(pages)
            note = scanned_note(target.source)
            scanned_pages = {p.page_no for p in pages}
            details = [describe(p) for p in pages]
        pdf = out_dir / f"{target.name}.pdf"
        pdf.write_bytes(data)
        verify_pdf(pdf, target.source, scanned_pages)
        expected = out_dir / f"{target.name}.expected.json"
        expected.write_text(expected_record(target.source, target.name, note), encoding="utf-8")
        written += [pdf, expected]
        if verbose:
            print(f"wrote {display_path(pdf)} ({len(data) / 1024:.0f} KB) and {expected.name}")
            print("\n".join(details))
    if verbose:
        total = sum(p.stat().st_size for p in written)
        print(f"total {total / 1024:.0f} KB in {len(written)} files")
    return written


def check(targets: Sequence[Target], out_dir: Path) -> bool:
    """Rebuild ``targets`` in a temp dir and compare every file with the one in ``out_dir``."""
    ok = True
    with tempfile.TemporaryDirectory(prefix="ita-scans-check-") as tmp:
        for rebuilt in build(targets, Path(tmp), verbose=False):
            committed = out_dir / rebuilt.name
            if not committed.exists():
                verdict, ok = "MISSING (nothing to compare with)", False
            elif committed.read_bytes() == rebuilt.read_bytes():
                verdict = "byte-identical"
            else:
                verdict, ok = "DIFFERS from the rebuilt file", False
            print(f"{display_path(committed)}: {verdict}")
    if not ok:
        print("make_scans --check: the files differ from a fresh build", file=sys.stderr)
    return ok


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--check", action="store_true", help="rebuild in a temp dir and compare bytes with the files in --out"
    )
    parser.add_argument(
        "--only", action="append", default=[], metavar="NAME", help="build only this sample (repeatable)"
    )
    parser.add_argument(
        "--out", type=Path, default=SAMPLES_DIR, metavar="DIR", help="where the files go (samples/)"
    )
    args = parser.parse_args(argv)
    try:
        targets = select_targets(args.only)
    except ValueError as err:
        parser.error(str(err))
    out_dir = args.out.resolve()
    if args.check:
        return 0 if check(targets, out_dir) else 1
    build(targets, out_dir)
    return 0


def display_path(path: Path) -> str:
    """``path`` relative to the repository when it lies inside it, else as given."""
    try:
        return str(path.relative_to(SAMPLES_DIR.parent))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())

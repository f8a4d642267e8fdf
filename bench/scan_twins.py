#!/usr/bin/env python3
"""Scanned, photographed and rotated twins of text PDFs, made deterministically, and their scores.

Any folder of ``<name>.pdf`` + ``<name>.expected.json`` (the samples, ``tests/data/unseen``, the
development corpus) gives, for every text PDF, image-only twins whose expected record is the text
twin's (``sample`` renamed, one note added):

* ``<name>-scan150``, ``-scan200``, ``-scan300``: office scans at that resolution: grey paper,
  noise, blur, skew up to 1.5°, a round stamp crossing the page's last table (or its lower right),
  a signature scribble, the first row of every ruled table shaded grey, JPEG;
* ``<name>-photo``: a photograph at 200 dpi: the page on a dark desk, in perspective (keystone),
  a light gradient across it, a soft shadow band, JPEG;
* ``<name>-rotated``: page 1 stored sideways with ``/Rotate 90`` (the image turned a quarter
  counter-clockwise, so a viewer shows it upright), page 2 scanned upside down (no ``/Rotate``:
  only the image's content says so), the rest plain scans.

Everything is drawn from ``numpy.random.RandomState`` seeded by ``sha256(kind:name:page)``; the
PDFs are written with pypdfium2 (no LibreOffice, no img2pdf) and their run-dependent trailer
(/ID, /CreationDate) fixed, so a rebuild is byte-identical with the same library versions::

    python bench/scan_twins.py samples/ -o /tmp/twins                   # every kind, every PDF
    python bench/scan_twins.py tests/data/unseen -o /tmp/twins --kinds photo,rotated
    python bench/scan_twins.py samples/ -o /tmp/twins --score          # ... then read and score them
    python bench/scan_twins.py samples/corpus -o /tmp/twins --kinds scan200 --split dev \
        --cover scores,measures --score --save /tmp/twins/scores.json     # a dev sample, by family

``--score`` reads every twin made (one process, OCR on one core) and prints, per kind and overall,
the shares of indicator scores, document fields, action rows and period dates that match the
expected record, the pages read upright (of a twin's pages, those where at least 40% of the text
PDF's Thai phrases are found in what OCR read: evidence from the text, not the program's own
report of the angle) and seconds per page; for a corpus folder (expected records that carry
``families`` and ``split``) also per family of every axis.  Documents are chosen with ``--only``,
``--split``, ``--family AXIS=VALUE`` (repeatable: values of one axis are alternatives, axes must all
hold) and ``--cover AXES`` (few documents, first by name, that cover every value of those axes,
``--times N`` times each).  ``--verbose`` lists the mismatches of development documents only (a
held-out document's mismatches must not drive changes, so they are never printed or saved).
``--reuse`` reads twins already in ``--out`` instead of making them again.  Not part of the
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
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pypdfium2 as pdfium
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("scan150", "scan200", "scan300", "photo", "rotated")
FIXED_DATE = dt.datetime(2023, 2, 1, tzinfo=dt.UTC)

Gray = np.ndarray


@dataclass(frozen=True)
class TwinPage:
    jpeg: bytes
    size_pt: tuple[float, float]  #: the page as stored (before /Rotate)
    rotate: int = 0  #: the /Rotate to store


def rng_for(kind: str, name: str, page: int) -> np.random.RandomState:
    digest = hashlib.sha256(f"scan_twins:{kind}:{name}:{page}".encode()).digest()
    return np.random.RandomState(int.from_bytes(digest[:4], "big"))


def render(page: Any, dpi: int) -> Gray:
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    pixels = np.array(bitmap.to_numpy(), dtype=np.uint8)
    if pixels.ndim == 3:
        pixels = cv2.cvtColor(pixels[:, :, :3], cv2.COLOR_BGR2GRAY)
    return pixels


# --------------------------------------------------------------------------- marks on the paper


def table_rows(clean: Gray) -> list[tuple[int, int, int, int]]:
    """The first row of every ruled table of a clean render (pixel boxes), for shading."""
    sys.path.insert(0, str(ROOT))
    from extractors.ocr.image_grid import find_grids

    binary = np.where(clean < 128, 255, 0).astype(np.uint8)
    rows = []
    for grid in find_grids(binary):
        top = min(c[1] for c in grid.cells)
        first = [c for c in grid.cells if c[1] <= top + 3]
        rows.append((min(c[0] for c in first), top, max(c[2] for c in first), max(c[3] for c in first)))
    return rows


def stamp(shape: tuple[int, int], dpi: int, rng: np.random.RandomState, at: tuple[int, int]) -> Gray:
    """Coverage (0..1) of a round office stamp: two rings and strokes between them, centred at ``at``."""
    cover = np.zeros(shape, np.float32)
    radius = int(dpi * rng.uniform(0.55, 0.7))
    thick = max(2, dpi // 60)
    cv2.circle(cover, at, radius, 1.0, thick, cv2.LINE_AA)
    cv2.circle(cover, at, int(radius * 0.72), 1.0, max(1, thick // 2), cv2.LINE_AA)
    for k in range(18):  # letters around the ring, as short strokes
        angle = 2 * np.pi * k / 18 + rng.uniform(-0.05, 0.05)
        r0, r1 = radius * 0.78, radius * 0.94
        p0 = (int(at[0] + r0 * np.cos(angle)), int(at[1] + r0 * np.sin(angle)))
        p1 = (int(at[0] + r1 * np.cos(angle + 0.08)), int(at[1] + r1 * np.sin(angle + 0.08)))
        cv2.line(cover, p0, p1, 1.0, max(1, thick // 2), cv2.LINE_AA)
    cv2.circle(cover, at, int(radius * 0.25), 1.0, thick, cv2.LINE_AA)  # the emblem
    return cover * float(rng.uniform(0.45, 0.6))  # a stamp's ink is lighter than print


def signature(shape: tuple[int, int], dpi: int, rng: np.random.RandomState, at: tuple[int, int]) -> Gray:
    """Coverage of a handwritten signature: a smooth random scribble about 2 inches wide."""
    cover = np.zeros(shape, np.float32)
    n = 120
    t = np.linspace(0, 1, n)
    xs = at[0] + dpi * 2.0 * t + dpi * 0.08 * np.sin(t * rng.uniform(20, 30))
    ys = at[1] + dpi * 0.18 * np.sin(t * rng.uniform(8, 14) + rng.uniform(0, 6)) * (1 - 0.5 * t)
    points = np.stack([xs, ys], axis=1).astype(np.int32).reshape(-1, 1, 2)
    cv2.polylines(cover, [points], False, 1.0, max(2, dpi // 70), cv2.LINE_AA)
    return cover * 0.85


def office_scan(clean: Gray, dpi: int, rng: np.random.RandomState, marks: bool = True) -> Gray:
    """A flatbed scan of a clean render: shading, stamp, signature, skew, paper, noise, blur."""
    h, w = clean.shape
    coverage = 1.0 - clean.astype(np.float32) / 255.0
    shade = np.zeros_like(coverage)
    extra = np.zeros_like(coverage)
    if marks:
        rows = table_rows(clean)
        for x0, y0, x1, y1 in rows:
            shade[y0:y1, x0:x1] = float(rng.uniform(0.18, 0.3))
        if rows:  # the stamp crosses the last table's bottom ruling, towards its right
            x0, _y0, x1, y1 = rows[-1]
            lowest = max(y1, int(np.nonzero(coverage.max(axis=1) > 0.5)[0].max()))
            at = (int(x0 + (x1 - x0) * rng.uniform(0.6, 0.8)), min(lowest, h - dpi))
        else:
            at = (int(w * rng.uniform(0.6, 0.75)), int(h * rng.uniform(0.7, 0.85)))
        extra = np.maximum(extra, stamp((h, w), dpi, rng, at))
        extra = np.maximum(extra, signature((h, w), dpi, rng, (at[0] - 3 * dpi, at[1] + dpi // 4)))
    cover = np.clip(np.maximum(np.maximum(coverage, shade), extra), 0.0, 1.0)
    angle = float(rng.uniform(-1.5, 1.5))
    matrix = cv2.getRotationMatrix2D(((w - 1) / 2, (h - 1) / 2), angle, 1.0)
    cover = cv2.warpAffine(cover, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=0.0)
    paper, ink = float(rng.uniform(215, 240)), float(rng.uniform(18, 45))
    tone = paper * (1.0 - cover) + ink * cover + rng.normal(0.0, rng.uniform(1.5, 3.5), (h, w))
    grey = np.clip(np.rint(tone), 0, 255).astype(np.uint8)
    return np.asarray(cv2.GaussianBlur(grey, (0, 0), sigmaX=float(rng.uniform(0.4, 0.9)) * dpi / 200))


def photograph(clean: Gray, rng: np.random.RandomState) -> Gray:
    """The page photographed on a dark desk: keystone, light gradient, shadow band, sensor noise."""
    h, w = clean.shape
    margin = int(0.08 * max(h, w))
    out_w, out_h = w + 2 * margin, h + 2 * margin
    inset = rng.uniform(0.03, 0.07, 4) * w  # the far edge looks narrower: keystone
    top_drop = rng.uniform(0.0, 0.03) * h
    source = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], np.float32)
    target = np.array(
        [
            [margin + inset[0], margin + top_drop],
            [margin + w - 1 - inset[1], margin + rng.uniform(0.0, 0.03) * h],
            [margin + w - 1 - inset[2] * 0.2, margin + h - 1],
            [margin + inset[3] * 0.2, margin + h - 1 - rng.uniform(0.0, 0.02) * h],
        ],
        np.float32,
    )
    matrix = cv2.getPerspectiveTransform(source, target)
    paper_mask = cv2.warpPerspective(
        np.ones((h, w), np.float32), matrix, (out_w, out_h), flags=cv2.INTER_LINEAR
    )
    cover = cv2.warpPerspective(
        1.0 - clean.astype(np.float32) / 255.0, matrix, (out_w, out_h), flags=cv2.INTER_LINEAR
    )
    xs = np.linspace(0.0, 1.0, out_w)[np.newaxis, :]
    ys = np.linspace(0.0, 1.0, out_h)[:, np.newaxis]
    gx, gy = rng.uniform(-1, 1, 2)
    light = 200.0 + 45.0 * (gx * (xs - 0.5) + gy * (ys - 0.5))  # a gradient of up to ~90 levels
    centre, width = rng.uniform(0.35, 0.65), rng.uniform(0.06, 0.12)
    slope = rng.uniform(-0.3, 0.3)
    distance = np.abs((ys - centre) - slope * (xs - 0.5)) / width
    light = light * (1.0 - 0.4 * np.clip(1.2 - distance, 0.0, 1.0))  # a soft shadow band
    desk = 55.0 + 10.0 * gx * xs
    paper = light * (1.0 - cover) + 0.12 * light * cover
    tone = desk * (1.0 - paper_mask) + paper * paper_mask + rng.normal(0.0, 3.0, (out_h, out_w))
    grey = np.clip(np.rint(tone), 0, 255).astype(np.uint8)
    return np.asarray(cv2.GaussianBlur(grey, (0, 0), sigmaX=0.8))


def jpeg(pixels: Gray, quality: int, dpi: int) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="JPEG", quality=quality, optimize=True, dpi=(dpi, dpi))
    return buffer.getvalue()


# --------------------------------------------------------------------------- the twins


def twin_pages(kind: str, name: str, source: pdfium.PdfDocument) -> list[TwinPage]:
    pages: list[TwinPage] = []
    for index in range(len(source)):
        number = index + 1
        rng = rng_for(kind, name, number)
        if kind.startswith("scan"):
            dpi = int(kind.removeprefix("scan"))
            pixels = office_scan(render(source[index], dpi), dpi, rng)
        elif kind == "photo":
            dpi = 200
            pixels = photograph(render(source[index], dpi), rng)
        else:
            dpi = 200
            pixels = office_scan(render(source[index], dpi), dpi, rng, marks=False)
        quality = int(rng.randint(55, 76))
        h, w = pixels.shape
        rotate = 0
        if kind == "rotated" and number == 1:
            pixels, rotate = np.ascontiguousarray(np.rot90(pixels, 1)), 90  # stored sideways
            h, w = pixels.shape
        elif kind == "rotated" and number == 2:
            pixels = np.ascontiguousarray(np.rot90(pixels, 2))  # fed upside down
        pages.append(TwinPage(jpeg(pixels, quality, dpi), (w * 72 / dpi, h * 72 / dpi), rotate))
    return pages


ID_PATTERN = re.compile(rb"(/ID\s*\[\s*<)[0-9A-Fa-f]{32}(>\s*<)[0-9A-Fa-f]{32}(>)")


def pdf_bytes(pages: Sequence[TwinPage]) -> bytes:
    """An image-only PDF (one JPEG per page), with a fixed /ID so rebuilds are byte-identical."""
    document = pdfium.PdfDocument.new()
    try:
        for page in pages:
            width, height = page.size_pt
            pdf_page = document.new_page(width, height)
            image = pdfium.PdfImage.new(document)
            image.load_jpeg(io.BytesIO(page.jpeg), inline=False)
            image.set_matrix(pdfium.PdfMatrix().scale(width, height))
            pdf_page.insert_obj(image)
            pdf_page.gen_content()
            if page.rotate:
                pdf_page.set_rotation(page.rotate)
        buffer = io.BytesIO()
        document.save(buffer)
    finally:
        document.close()
    data = buffer.getvalue()
    stamp_date = FIXED_DATE.strftime("%Y%m%d%H%M%S").encode()
    data = re.sub(rb"(/CreationDate\s*\(D:)\d{14}", lambda m: m.group(1) + stamp_date, data)
    digest = hashlib.md5(ID_PATTERN.sub(rb"\g<1>" + b"0" * 32 + rb"\g<2>" + b"0" * 32 + rb"\g<3>", data))
    fixed = digest.hexdigest().upper().encode()
    return ID_PATTERN.sub(lambda m: m.group(1) + fixed + m.group(2) + fixed + m.group(3), data)


NOTES = {
    "scan": "office scan at {dpi} dpi: grey paper, noise, blur, skew up to 1.5 degrees, a round stamp "
    "and a signature, the first row of every ruled table shaded",
    "photo": "photograph: the page on a dark desk in perspective (keystone), a light gradient and a soft "
    "shadow band, JPEG",
    "rotated": "page 1 stored sideways with /Rotate 90, page 2 scanned upside down, the others plain scans",
}


def text_pdfs(folder: Path, only: Sequence[str]) -> list[Path]:
    """The ``<name>.pdf`` of ``folder`` with an expected record and a text layer on page 1."""
    found = []
    for pdf in sorted(folder.glob("*.pdf")):
        if only and pdf.stem not in only:
            continue
        if not (folder / f"{pdf.stem}.expected.json").exists():
            continue
        document = pdfium.PdfDocument(str(pdf))
        try:
            if document[0].get_textpage().count_chars() == 0:
                continue  # already a scan
        finally:
            document.close()
        found.append(pdf)
    return found


def families_of(expected: dict[str, Any]) -> dict[str, str]:
    """The family of every axis an expected record tags, ``split`` included (empty outside the corpus)."""
    tags = {axis: str(value) for axis, value in (expected.get("families") or {}).items()}
    if "split" in expected:
        tags["split"] = str(expected["split"])
    return tags


def parse_families(pairs: Sequence[str]) -> dict[str, set[str]]:
    """``["scores=column", "scores=row", "measures=ruled"]`` -> ``{"scores": {...}, "measures": {...}}``.

    >>> parse_families(["scores=column", "scores=row", "measures=ruled"])["scores"] == {"column", "row"}
    True
    """
    wanted: dict[str, set[str]] = {}
    for pair in pairs:
        axis, sep, value = pair.partition("=")
        if not sep or not axis or not value:
            raise ValueError(f"--family wants AXIS=VALUE, got {pair!r}")
        wanted.setdefault(axis.strip(), set()).add(value.strip())
    return wanted


def matches(tags: dict[str, str], split: str | None, wanted: dict[str, set[str]]) -> bool:
    """Whether a document's tags pass ``--split`` and every ``--family`` axis.

    >>> matches({"scores": "row", "split": "dev"}, "dev", {"scores": {"row", "column"}})
    True
    >>> matches({"scores": "row", "split": "holdout"}, "dev", {})
    False
    """
    if split and tags.get("split") != split:
        return False
    return all(tags.get(axis) in values for axis, values in wanted.items())


def cover(tagged: Sequence[tuple[str, dict[str, str]]], axes: Sequence[str], times: int = 1) -> list[str]:
    """A small set of names in which every value of ``axes`` occurs ``times`` times (or as often as
    it can): greedily the document that fills the most missing places, the first by name on ties
    (so the choice is deterministic).

    >>> docs = [("a", {"s": "x", "m": "p"}), ("b", {"s": "y", "m": "p"}), ("c", {"s": "y", "m": "q"})]
    >>> cover(docs, ["s", "m"])
    ['a', 'c']
    >>> cover(docs, ["s", "m"], times=2)
    ['a', 'b', 'c']
    """
    needed: dict[tuple[str, str], int] = {}
    for _name, tags in tagged:
        for axis in axes:
            if axis in tags:
                needed[(axis, tags[axis])] = times
    chosen: list[str] = []
    left = list(tagged)
    while left and any(needed.values()):
        gains = [sum(needed.get((a, tags.get(a, "")), 0) > 0 for a in axes) for _name, tags in left]
        best = max(gains)
        if best == 0:
            break
        name, tags = left.pop(gains.index(best))  # the first by name among the best
        chosen.append(name)
        for axis in axes:
            key = (axis, tags.get(axis, ""))
            if needed.get(key):
                needed[key] -= 1
    return sorted(chosen)


def select(
    folder: Path,
    only: Sequence[str] = (),
    split: str | None = None,
    families: Sequence[str] = (),
    cover_axes: Sequence[str] = (),
    times: int = 1,
) -> list[str]:
    """The names of ``folder``'s documents to twin: ``only``, then ``split`` and ``families``, then
    (if ``cover_axes``) a covering sample of what is left."""
    wanted = parse_families(families)
    tagged = []
    for path in sorted(folder.glob("*.expected.json")):
        name = path.name.removesuffix(".expected.json")
        if only and name not in only:
            continue
        tags = families_of(json.loads(path.read_text(encoding="utf-8")))
        if matches(tags, split, wanted):
            tagged.append((name, tags))
    if cover_axes:
        return cover(tagged, cover_axes, times)
    return [name for name, _tags in tagged]


def make(
    folder: Path, out: Path, kinds: Sequence[str], only: Sequence[str] = (), reuse: bool = False
) -> list[Path]:
    """Write the twins of every text PDF of ``folder`` into ``out``; returns the PDFs written (with
    ``reuse``, a twin already in ``out`` is kept and returned as it is)."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for pdf in text_pdfs(folder, only):
        expected = json.loads((folder / f"{pdf.stem}.expected.json").read_text(encoding="utf-8"))
        source = pdfium.PdfDocument(str(pdf))
        try:
            for kind in kinds:
                name = f"{pdf.stem}-{kind}"
                target = out / f"{name}.pdf"
                if reuse and target.exists() and (out / f"{name}.expected.json").exists():
                    written.append(target)
                    continue
                target.write_bytes(pdf_bytes(twin_pages(kind, pdf.stem, source)))
                note = NOTES["scan" if kind.startswith("scan") else kind].format(dpi=kind[4:])
                record = dict(expected, sample=name)
                made = f"Twin of {pdf.name} made by bench/scan_twins.py: {note}."
                record["notes"] = [*expected.get("notes", []), made]
                (out / f"{name}.expected.json").write_text(
                    json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
                )
                written.append(target)
                print(f"wrote {target} ({target.stat().st_size // 1024} KB)", file=sys.stderr)
        finally:
            source.close()
    return written


# --------------------------------------------------------------------------- scoring


GROUPS = ("indicators", "document", "action_rows", "periods")
#: Counted too, shown when present: look-alikes refused, pages read upright.
EXTRA = ("not_ita", "upright")


Scores = dict[str, dict[str, list[float]]]


@dataclass
class TwinResult:
    """One twin read and scored: its kind, families, counts per group, time and (dev only) mismatches."""

    name: str
    kind: str
    families: dict[str, str]
    counts: dict[str, list[int]]
    seconds: float
    pages: int
    mismatches: list[str]


#: A stretch of Thai text between spaces this long (letters, vowels and marks) is a phrase whose
#: finding on a page shows the page was read the right way up (an upside-down or sideways page
#: reads as short junk).
PHRASE_CHARS = 6
#: ... found when this similar to some part of the page's text (rapidfuzz partial ratio) ...
PHRASE_MATCH = 85
#: ... and a page is read upright when this share of its text twin's phrases are found.
UPRIGHT_SHARE = 0.4
#: A page with fewer phrases than this has too little text to tell (a page holding only a running
#: header, which may rightly be read as blank).
MIN_PHRASES = 3

_THAI_RUN = re.compile(r"[ก-๎]+")


def page_strings(document: Any) -> dict[int, str]:
    """Every page's Thai text (lines and table cells), spaces and other scripts left out."""
    texts: dict[int, list[str]] = {page.number: [page.text] for page in document.pages}
    for table in document.tables:
        texts.setdefault(table.page, []).extend(cell.text for cell in table.cells)
    return {number: "".join(_THAI_RUN.findall(" ".join(parts))) for number, parts in texts.items()}


def phrases(text: str) -> list[str]:
    """The Thai phrases of ``text`` (runs of :data:`PHRASE_CHARS` or more)."""
    return [run for run in _THAI_RUN.findall(text) if len(run) >= PHRASE_CHARS]


def upright_pages(source: Path, document: Any) -> list[int]:
    """``[pages read upright, pages with enough phrases]`` of a twin's ``document``: a page counts when
    :func:`read_upright` says so of what OCR read from it.  Evidence from the text itself, so it
    does not trust the angles the program reports."""
    from extractors.read import read_document

    wanted = {p.number: p.text for p in read_document(source).pages}
    got = page_strings(document)
    verdicts = [read_upright(text, got.get(number, "")) for number, text in wanted.items()]
    return [sum(1 for v in verdicts if v), sum(1 for v in verdicts if v is not None)]


def read_upright(wanted: str, got: str) -> bool | None:
    """Whether ``got`` (a page's Thai text as OCR read it) holds :data:`UPRIGHT_SHARE` of the phrases
    of ``wanted`` (its text twin's page), or None when the page has too few phrases to tell.
    Compared on the letters on the line (marks left out): a page read upright whose marks OCR lost
    is upright; a page read sideways is junk either way.

    >>> twin = "ผลการประเมิน ITA ปี 2568 รายตัวชี้วัด หมายเหตุ การปฏิบัติหน้าที่ การใช้งบประมาณ"
    >>> read_upright(twin, "ผลการประเม่นปรายตัวชวัดหมายเหตุการปฏบัตหน้าทการใชงบประมาณ")
    True
    >>> read_upright(twin, "ร่ณ้ยผุ่ป้ฤนนท่ีบ"), read_upright("ITA 2568", "")
    (False, None)
    """
    from rapidfuzz import fuzz

    from extractors.ita.vocabulary import skeleton

    found = phrases(wanted)
    if len(found) < MIN_PHRASES:
        return None
    page = skeleton(got)
    hits = sum(1 for phrase in found if page and fuzz.partial_ratio(skeleton(phrase), page) >= PHRASE_MATCH)
    return hits >= UPRIGHT_SHARE * len(found)


def read_twin(pdf: Path, source: Path | None = None) -> TwinResult:
    """Read one twin (OCR on one core) and compare it with its expected record; with ``source``
    (its text PDF), also count its pages read upright."""
    sys.path.insert(0, str(ROOT))
    from extractors.ocr.options import OcrOptions
    from extractors.read import read_document
    from pipeline.compare import compare
    from pipeline.extract import record_of

    kind = pdf.stem.rsplit("-", 1)[1]
    expected = json.loads(pdf.with_suffix("").with_suffix(".expected.json").read_text(encoding="utf-8"))
    tags = families_of(expected)
    started = time.perf_counter()
    document = read_document(pdf, ocr=OcrOptions(workers=1))
    record = record_of(document).to_dict()
    seconds = time.perf_counter() - started
    upright = upright_pages(source, document) if source is not None and source.exists() else None
    mismatches: list[str] = []
    if "lookalike" in tags:  # a look-alike is right when it says so and gives no actions
        codes = {c["code"] for c in record["checks"]}
        counts = {"not_ita": [int("NOT_ITA_DOCUMENT" in codes and not record["actions"]), 1]}
    elif all("year" in i for i in expected.get("indicators", [])):
        comparison = compare(expected, record)
        counts = comparison.counts
        if tags.get("split") != "holdout":
            mismatches = [
                f"{m.where}: expected {m.expected!r:.70} got {m.got!r:.70}" for m in comparison.mismatches
            ]
    else:
        counts = simple_counts(expected, record)
    if upright is not None:
        counts["upright"] = upright
    return TwinResult(pdf.stem, kind, tags, counts, seconds, record["source"]["pages"], mismatches)


def tally(results: Sequence[TwinResult], key: Callable[[TwinResult], str | None]) -> Scores:
    """Sum the counts of ``results`` per ``key`` (results whose key is None are left out), plus ``all``."""
    table: Scores = {}
    for result in results:
        value = key(result)
        if value is None:
            continue
        for name in (value, "all"):
            row = table.setdefault(name, {g: [0, 0] for g in (*GROUPS, *EXTRA, "seconds", "pages")})
            for group in (*GROUPS, *EXTRA):
                ok, total = result.counts.get(group, [0, 0])
                row[group][0] += ok
                row[group][1] += total
            row["seconds"][0] += result.seconds
            row["pages"][0] += result.pages
    return table


def score(
    twins: Sequence[Path],
    progress: Callable[[str], None] = print,
    verbose: bool = False,
    sources: dict[Path, Path] | None = None,
) -> list[TwinResult]:
    """Read every twin and compare it with its expected record (and, for twins with a text PDF in
    ``sources``, count the pages read upright)."""
    results = []
    for pdf in twins:
        result = read_twin(pdf, (sources or {}).get(pdf))
        results.append(result)
        shown = [g for g in (*GROUPS, "upright") if g in GROUPS or g in result.counts]
        rates = ", ".join(f"{g} {_rate(result.counts.get(g, [0, 0]))}" for g in shown)
        progress(f"{pdf.stem}: {rates}, {result.seconds:.1f} s")
        if verbose:
            for line in result.mismatches:
                progress(f"    {line}")
    return results


def _rate(pair: list[int]) -> str:
    return f"{pair[0] / pair[1]:.0%}" if pair[1] else "–"


def simple_counts(expected: dict[str, Any], record: dict[str, Any]) -> dict[str, list[int]]:
    """Counts for an expected record in the short form of ``tests/data/unseen`` (document fields
    and indicator number/score pairs only)."""
    counts: dict[str, list[int]] = {}
    for name, value in expected.get("document", {}).items():
        pair = counts.setdefault("document", [0, 0])
        pair[0] += int(record["document"].get(name) == value)
        pair[1] += 1
    got = {i["number"]: i["score"] for i in record["indicators"] if i.get("score") is not None}
    for indicator in expected.get("indicators", []):
        pair = counts.setdefault("indicators", [0, 0])
        pair[0] += int(got.get(indicator["number"]) == indicator["score"])
        pair[1] += 1
    return counts


def print_scores(table: Scores, label: str = "twins") -> None:
    groups = (*GROUPS, *(g for g in EXTRA if any(row[g][1] for row in table.values())))
    heads = {"indicators": "indicator scores", "document": "document fields", "action_rows": "action rows"}
    heads |= {"periods": "period dates", "not_ita": "look-alikes refused", "upright": "pages upright"}
    print(f"| {label} | " + " | ".join(heads[g] for g in groups) + " | s/page |")
    print("|---|" + "---:|" * (len(groups) + 1))
    for kind, row in sorted(table.items(), key=lambda item: (item[0] == "all", item[0])):
        pairs = (row[g] for g in groups)
        cells = [f"{ok / total:.1%} ({ok:.0f}/{total:.0f})" if total else "–" for ok, total in pairs]
        per_page = row["seconds"][0] / row["pages"][0] if row["pages"][0] else 0.0
        print(f"| {kind} | " + " | ".join(cells) + f" | {per_page:.1f} |")


FAMILY_AXES = ("scores", "measures", "font", "digits", "layout", "split")


def print_report(results: Sequence[TwinResult]) -> None:
    """The table per kind, then (for corpus twins) one per family axis."""
    print_scores(tally(results, lambda r: r.kind), "twins")
    for axis in FAMILY_AXES:
        if any(axis in r.families for r in results):
            print()
            print_scores(tally(results, lambda r, a=axis: r.families.get(a)), axis)  # type: ignore[misc]


def save(results: Sequence[TwinResult], path: Path) -> None:
    """Every twin's counts (and, for development documents, mismatches) as JSON, to compare runs."""
    rows = [
        {
            "name": r.name,
            "kind": r.kind,
            "families": r.families,
            "counts": r.counts,
            "seconds": round(r.seconds, 2),
            "pages": r.pages,
            "mismatches": r.mismatches,
        }
        for r in results
    ]
    path.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("folder", type=Path, help="a folder of <name>.pdf + <name>.expected.json")
    parser.add_argument("-o", "--out", type=Path, required=True, help="where the twins go")
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"comma-separated, of {', '.join(KINDS)}")
    parser.add_argument("--only", action="append", default=[], metavar="NAME", help="only this PDF")
    parser.add_argument("--split", choices=("dev", "holdout"), help="only documents of this split")
    parser.add_argument(
        "--family", action="append", default=[], metavar="AXIS=VALUE", help="only this family (repeatable)"
    )
    parser.add_argument("--cover", default="", metavar="AXES", help="a sample covering every value of AXES")
    parser.add_argument("--times", type=int, default=1, help="with --cover: every value this often")
    parser.add_argument("--reuse", action="store_true", help="keep twins already in --out")
    parser.add_argument("--score", action="store_true", help="read the twins and score them")
    parser.add_argument("--verbose", action="store_true", help="list mismatches (development documents only)")
    parser.add_argument("--save", type=Path, help="write every twin's counts to this JSON file")
    args = parser.parse_args(argv)
    kinds = [k for k in args.kinds.split(",") if k]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        parser.error(f"unknown kind(s) {', '.join(unknown)}")
    try:
        axes = [a for a in args.cover.split(",") if a]
        names = select(args.folder, args.only, args.split, args.family, axes, args.times)
    except ValueError as error:
        parser.error(str(error))
    if not names:
        parser.error("no document matches the selection")
    print(f"documents: {' '.join(names)}", file=sys.stderr)
    twins = make(args.folder, args.out, kinds, names, reuse=args.reuse)
    if args.score:
        sources = {twin: args.folder / f"{twin.stem.rsplit('-', 1)[0]}.pdf" for twin in twins}
        results = score(twins, lambda line: print(line, file=sys.stderr), args.verbose, sources)
        print_report(results)
        if args.save:
            save(results, args.save)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""OCR benchmark: the scanned samples read three ways, in one run.

For every ``samples/*-scanned.pdf`` (and the mixed PDF), the ground truth is its text twin
(``samples/<name>.pdf``): its tables as the text layer gives them, and its expected record.

* **this project**: ``read_document`` / ``extract`` with OCR (one process, so seconds are per core);
* **img2table + Tesseract** (``pip install img2table``): its ruled-table finder and its Tesseract
  wrapper, ``tha+eng``;
* **page-level Tesseract**: tesserocr on the whole page, ``tha+eng``, no table structure.

Measured: table shapes right (rows × columns equal to the twin's table at the same position),
cell character error rate (edit distance / characters, over the cells of tables whose shape is
right, whitespace ignored), share of indicator scores read exactly (for page-level Tesseract: the
score's text found anywhere on the page), and seconds per scanned page::

    python bench/ocr.py            # all scanned samples
    python bench/ocr.py --quick    # two samples
    python bench/ocr.py --profile samples/wangphai-2566-scanned.pdf:2   # where one page's time goes
    python bench/ocr.py --speed [PDF ...]   # only the cost per page, and 1 against 2 workers
    python bench/ocr.py --cost [PDF ...]    # only the CPU cost per page (shared machine: no wall clock)

The cost lines give this project's cost per scanned page as a multiple of plain page-level
Tesseract's on the same pages in the same run, with the load average (the machine is shared):
page by page, each page read both ways one right after the other, in CPU seconds of this one
process (what a page costs a core, less sensitive to the other processes on the machine than
the wall clock), with the median of the per-page ratios and the ratio of the totals, and
Tesseract's own calls by kind (how many a page, their pixels, their CPU seconds: cells, the page's
text outside tables, second readings, orientation); then the
whole documents' cost the same way (``extract`` in one process: the document-level second
readings, which prepare a page again in the parent, and the interpretation included); then the
pages per second (wall clock) of ``read_document`` with one OCR worker and with two, and of
``ita batch`` with one worker and with two (documents spread over the workers).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from extractors.ocr.engine import tessdata_dir  # noqa: E402
from extractors.ocr.options import OcrOptions  # noqa: E402
from extractors.read import read_document  # noqa: E402
from extractors.thai.quality import dictionary_word_rate  # noqa: E402
from pipeline.compare import compare  # noqa: E402

SAMPLES = ROOT / "samples"
ONE_CORE = OcrOptions(workers=1)


@dataclass
class Tally:
    shapes_ok: int = 0
    tables: int = 0
    errors: int = 0
    chars: int = 0
    scores_ok: int = 0
    scores: int = 0
    seconds: float = 0.0
    pages: int = 0
    notes: list[str] = field(default_factory=list)

    def row(self, name: str) -> str:
        shape = f"{self.shapes_ok / self.tables:.1%}" if self.tables else "–"
        cer = f"{self.errors / self.chars:.2%}" if self.chars else "–"
        scores = (
            f"{self.scores_ok / self.scores:.1%} ({self.scores_ok}/{self.scores})" if self.scores else "–"
        )
        per_page = f"{self.seconds / self.pages:.2f}" if self.pages else "–"
        return f"| {name} | {shape} ({self.shapes_ok}/{self.tables}) | {cer} | {scores} | {per_page} |"


def _squash(text: str) -> str:
    return "".join(str(text).split())


def _cells_cer(truth: list[list[str]], got: list[list[str]], tally: Tally) -> None:
    for t_row, g_row in zip(truth, got, strict=True):
        for t, g in zip(t_row, g_row, strict=True):
            t, g = _squash(t), _squash(g)
            tally.errors += Levenshtein.distance(t, g)
            tally.chars += len(t)


def _truth_tables(twin: Path) -> dict[int, list[list[list[str]]]]:
    tables = read_document(twin).tables
    by_page: dict[int, list[list[list[str]]]] = {}
    for table in tables:
        by_page.setdefault(table.page, []).append(table.grid())
    return by_page


def _compare_tables(
    truth: dict[int, list[list[list[str]]]],
    got: dict[int, list[list[list[str]]]],
    pages: set[int],
    tally: Tally,
) -> None:
    for page in sorted(pages):
        for i, t in enumerate(truth.get(page, [])):
            tally.tables += 1
            g = got.get(page, [])
            if i < len(g) and len(g[i]) == len(t) and all(len(r) == len(t[0]) for r in g[i]):
                tally.shapes_ok += 1
                _cells_cer(t, g[i], tally)


def _expected_scores(name: str) -> list[tuple[int, str]]:
    expected = json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))
    return [(i["number"], i["score_raw"] or "") for i in expected["indicators"] if i.get("score") is not None]


def ours(scan: Path, twin: Path, name: str, tally: Tally) -> None:
    extract = importlib.import_module("pipeline.extract").extract
    started = time.perf_counter()
    document = read_document(scan, ocr=ONE_CORE)
    pages, tables = document.pages, document.tables
    tally.seconds += time.perf_counter() - started
    scanned = {p.number for p in pages if p.ocr is not None}
    tally.pages += len(scanned)
    got: dict[int, list[list[list[str]]]] = {}
    for table in tables:
        got.setdefault(table.page, []).append(table.grid())
    _compare_tables(_truth_tables(twin), got, scanned, tally)
    expected = json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))
    result = compare(expected, extract(scan, ocr=ONE_CORE).to_dict())
    # Each expected score counts once: right number, year and score.  (An indicator read with a
    # wrong year is also reported as "not expected"; that is the same miss, not a second one.)
    total = sum(1 for i in expected["indicators"] if i.get("score") is not None)
    missed = sum(1 for m in result.mismatches if m.where.endswith(" score") and m.expected is not None)
    tally.scores_ok += total - missed
    tally.scores += total


def img2table_run(scan: Path, twin: Path, tally: Tally) -> None:
    try:
        from img2table.document import PDF
        from img2table.ocr import TesseractOCR
    except ImportError:
        tally.notes.append("img2table is not installed (pip install img2table)")
        return
    ocr = TesseractOCR(n_threads=1, lang="tha+eng")
    started = time.perf_counter()
    found = PDF(str(scan)).extract_tables(ocr=ocr, implicit_rows=False, borderless_tables=False)
    tally.seconds += time.perf_counter() - started
    pages = {i + 1 for i in found}
    tally.pages += len(pages)
    got = {
        i + 1: [
            [["" if v is None else str(v) for v in row] for row in t.df.itertuples(index=False)] for t in ts
        ]
        for i, ts in found.items()
    }
    # When img2table detects a header it moves that row into the DataFrame's columns: put it
    # back as the first row.  Otherwise the columns are just 0..n-1 and every row is in the body.
    for i, ts in found.items():
        for k, t in enumerate(ts):
            if list(t.df.columns) != list(range(t.df.shape[1])):
                got[i + 1][k].insert(0, ["" if c is None else str(c) for c in t.df.columns])
    _compare_tables(_truth_tables(twin), got, pages, tally)


def page_tesseract(scan: Path, name: str, tally: Tally) -> None:
    import pypdfium2 as pdfium
    import tesserocr

    from extractors.ocr.options import DEFAULT_DPI
    from extractors.ocr.page import render

    doc = pdfium.PdfDocument(scan)
    text = ""
    with tesserocr.PyTessBaseAPI(path=str(tessdata_dir()) + "/", lang="tha+eng") as api:
        for n in range(1, len(doc) + 1):
            if doc[n - 1].get_textpage().count_chars() > 0:
                continue
            started = time.perf_counter()
            from PIL import Image

            api.SetImage(Image.fromarray(render(doc, n, DEFAULT_DPI)))
            text += api.GetUTF8Text()
            tally.seconds += time.perf_counter() - started
            tally.pages += 1
    squashed = _squash(text)
    for _number, raw in _expected_scores(name):
        tally.scores += 1
        tally.scores_ok += int(bool(raw) and _squash(raw) in squashed)


def main() -> int:
    parser = argparse.ArgumentParser(description="OCR benchmark on the scanned samples")
    parser.add_argument("--quick", action="store_true", help="two samples only")
    parser.add_argument("--profile", metavar="PDF:PAGE", help="profile reading one scanned page, and stop")
    parser.add_argument(
        "--speed", action="store_true", help="only the cost per page and the workers' speed-up"
    )
    parser.add_argument(
        "--cost",
        action="store_true",
        help="only the CPU cost per page against plain Tesseract (no wall clock runs)",
    )
    parser.add_argument(
        "pdfs", nargs="*", type=Path, help="with --speed or --cost: these PDFs (default: the scanned samples)"
    )
    args = parser.parse_args()
    if args.profile:
        profile(args.profile)
        return 0
    scans = sorted(SAMPLES.glob("*-scanned.pdf")) + sorted(SAMPLES.glob("mixed-*.pdf"))
    if args.quick:
        scans = scans[:2]
    if args.speed or args.cost:
        speed(args.pdfs or scans, cost_only=args.cost)
        return 0
    tallies = {"this project": Tally(), "img2table + Tesseract": Tally(), "page-level Tesseract": Tally()}
    for scan in scans:
        name = scan.stem
        base = name.removesuffix("-scanned").removeprefix("mixed-")
        twin = SAMPLES / f"{base}.pdf"
        print(f"{name} …", file=sys.stderr, flush=True)
        ours(scan, twin, name, tallies["this project"])
        img2table_run(scan, twin, tallies["img2table + Tesseract"])
        page_tesseract(scan, name, tallies["page-level Tesseract"])
    print(f"{len(scans)} scanned PDFs; one process (seconds are per core); 200 dpi\n")
    print("| reader | table shapes right | cell CER | indicator scores exact | s/page |")
    print("|---|---:|---:|---:|---:|")
    for reader, tally in tallies.items():
        print(tally.row(reader))
        for note in sorted(set(tally.notes)):
            print(f"  note: {note}")
    ours_s, plain = tallies["this project"], tallies["page-level Tesseract"]
    if ours_s.pages and plain.pages and plain.seconds:
        ratio = (ours_s.seconds / ours_s.pages) / (plain.seconds / plain.pages)
        print(
            f"\ncost: {ratio:.2f}× plain page-level Tesseract (tha+eng, 200 dpi, one thread) per "
            f"scanned page, same pages, same run; load average {os.getloadavg()[0]:.1f} at the end"
        )
    speed(scans)
    real_scan()
    return 0


def speed(pdfs: list[Path], cost_only: bool = False) -> None:
    """Cost per scanned page against plain page-level Tesseract, page by page in this process,
    with Tesseract's calls by kind; then (unless ``cost_only``) whole documents' cost, and pages
    per second with one and two OCR workers (see the module docstring)."""
    import statistics

    import pypdfium2 as pdfium
    import tesserocr
    from PIL import Image

    from extractors.ocr.options import DEFAULT_DPI
    from extractors.ocr.page import render
    from extractors.ocr.pages import ocr_page

    pages: list[tuple[Path, int]] = []
    for pdf in pdfs:
        doc = pdfium.PdfDocument(pdf)
        pages += [(pdf, n) for n in range(1, len(doc) + 1) if doc[n - 1].get_textpage().count_chars() == 0]
        doc.close()
    if not pages:
        print("no scanned pages")
        return
    load_before = os.getloadavg()[0]
    ours_cpu: list[float] = []
    plain_cpu: list[float] = []
    inside = _time_tesseract()
    stages = _time_stages()
    with tesserocr.PyTessBaseAPI(path=str(tessdata_dir()) + "/", lang="tha+eng") as api:
        for i, (pdf, number) in enumerate([pages[0], *pages]):  # the first page twice: models load
            started = time.process_time()
            doc = pdfium.PdfDocument(pdf)
            api.SetImage(Image.fromarray(render(doc, number, DEFAULT_DPI)))
            api.GetUTF8Text()
            doc.close()
            plain = time.process_time() - started
            started = time.process_time()
            ocr_page(str(pdf), number, "bench", DEFAULT_DPI)
            ours = time.process_time() - started
            if i:
                plain_cpu.append(plain)
                ours_cpu.append(ours)
            else:
                inside.clear()
                stages.clear()
    engine_share = inside.seconds / sum(ours_cpu) if sum(ours_cpu) else 0.0
    _time_tesseract(undo=True)
    _time_stages(undo=True)
    ratios = [o / p for o, p in zip(ours_cpu, plain_cpu, strict=True)]
    print(
        f"\ncost per scanned page ({len(pages)} pages of {len(pdfs)} PDFs, CPU seconds, one process): "
        f"ours {sum(ours_cpu) / len(pages):.2f} s, plain page-level Tesseract (tha+eng, "
        f"{DEFAULT_DPI} dpi, one thread) {sum(plain_cpu) / len(pages):.2f} s; ratio: median "
        f"{statistics.median(ratios):.2f}× (pages {min(ratios):.2f}–{max(ratios):.2f}×), totals "
        f"{sum(ours_cpu) / sum(plain_cpu):.2f}×; load average {load_before:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after"
    )
    print(
        f"of ours, Tesseract's own calls {inside.seconds / len(pages):.2f} s/page ({engine_share:.0%}; "
        f"{inside.seconds / sum(plain_cpu):.2f}× plain), the rest (rendering, geometry, glyph reader, "
        f"text repair) {(sum(ours_cpu) - inside.seconds) / len(pages):.2f} s/page"
    )
    print("\n".join(inside.lines(len(pages))))
    print("\n".join(stages.lines(len(pages), inside, sum(ours_cpu))))
    if cost_only:
        return
    # The whole document with one OCR process (pages read in this process), second readings of
    # the document (borderless periods, years) and interpretation included: what a document costs.
    extract = importlib.import_module("pipeline.extract").extract
    whole = 0.0
    for pdf in pdfs:
        started = time.process_time()
        extract(pdf, ocr=ONE_CORE)
        whole += time.process_time() - started
    print(
        f"whole documents (`extract`, one process, document-level second readings and interpretation "
        f"included): {whole / len(pages):.2f} s per scanned page, {whole / sum(plain_cpu):.2f}× plain "
        f"(text pages' own cost included; load average {os.getloadavg()[0]:.1f})"
    )
    # Interleaved, best of two each (the machine is shared); the two-worker pool is kept between
    # documents, so its first making and model loading count once, as in a long run.
    rates: dict[int, float] = {1: 0.0, 2: 0.0}
    for workers in (1, 2, 1, 2):
        started = time.perf_counter()
        for pdf in pdfs:
            read_document(pdf, ocr=OcrOptions(workers=workers))
        rates[workers] = max(rates[workers], len(pages) / (time.perf_counter() - started))
    print(
        f"read_document, wall clock, best of two: 1 worker {rates[1]:.2f} pages/s, "
        f"2 workers {rates[2]:.2f} pages/s: "
        f"{rates[2] / rates[1]:.2f}× (load average {os.getloadavg()[0]:.1f}; "
        f"{os.cpu_count()} cores)"
    )
    batch_speed(pdfs, len(pages))


def batch_speed(pdfs: list[Path], scanned_pages: int) -> None:
    """Pages per second (wall clock) of ``ita batch`` with one worker and with two, on the same PDFs:
    the data team's run, where documents, not pages, are spread over the workers (each reads its
    scanned pages itself).  Inside one document, two OCR processes can gain at most what its page
    count allows (a document of 3 scanned pages takes two page-times, not 1.5); across documents
    the workers share the whole run.  Interleaved, best of two each, every document read again."""
    import tempfile

    from pipeline.batch.run import batch

    rates: dict[int, float] = {1: 0.0, 2: 0.0}
    with tempfile.TemporaryDirectory(prefix="ita-bench-") as tmp:
        for workers in (1, 2, 1, 2):
            started = time.perf_counter()
            result = batch(pdfs, Path(tmp) / f"w{workers}", workers=workers, formats="csv", force=True)
            rates[workers] = max(rates[workers], scanned_pages / (time.perf_counter() - started))
            if result.errors:
                print(f"  note: {len(result.errors)} documents failed in the batch run")
    print(
        f"ita batch, wall clock, best of two: 1 worker {rates[1]:.2f} scanned pages/s, "
        f"2 workers {rates[2]:.2f}: {rates[2] / rates[1]:.2f}× (load average "
        f"{os.getloadavg()[0]:.1f}; {len(pdfs)} PDFs, biggest first, one document per worker)"
    )


_WRAPPED: dict[str, object] = {}
#: Tesseract's CPU seconds so far while :func:`_time_tesseract` counts (never cleared): the
#: stages' timing takes the calls inside a stage out of it.
_ENGINE_SECONDS = [0.0]


@dataclass
class EngineCalls:
    """CPU seconds spent inside the engine's Tesseract calls of this process, in all and by kind
    of call (``block``: a cell, ``page``: the page's text outside tables, ``thai``/``period``/
    ``digits``/``level``: second readings, ``osd``: orientation): how many, and their pixels."""

    seconds: float = 0.0
    by_kind: dict[str, list[float]] = field(default_factory=dict)  #: kind: [calls, pixels, seconds]

    def add(self, kind: str, pixels: int, seconds: float) -> None:
        self.seconds += seconds
        tally = self.by_kind.setdefault(kind, [0.0, 0.0, 0.0])
        tally[0] += 1
        tally[1] += pixels
        tally[2] += seconds

    def clear(self) -> None:
        self.seconds = 0.0
        self.by_kind.clear()

    def lines(self, pages: int) -> list[str]:
        rows = sorted(self.by_kind.items(), key=lambda kv: -kv[1][2])
        return [
            f"  {kind}: {calls / pages:.1f} calls/page, {pixels / pages / 1e6:.2f} Mpx/page, "
            f"{seconds / pages:.3f} s/page"
            for kind, (calls, pixels, seconds) in rows
        ]


def _time_tesseract(undo: bool = False) -> EngineCalls:
    """Count the engine's Tesseract calls of this process (:class:`EngineCalls`) until called
    again with ``undo``."""
    from extractors.ocr.engine import OcrEngine

    spent = EngineCalls()
    if undo:
        for name, method in _WRAPPED.items():
            setattr(OcrEngine, name, method)
        _WRAPPED.clear()
        return spent

    def kind_of(name: str, args: tuple[object, ...]) -> str:
        if name == "orientation_confidence":
            return "osd"
        if name == "_one_line":
            return str(args[1])
        engine, api = args[0], args[1]
        apis = getattr(engine, "_apis", {})  # kinds that share one instance (cells read Thai first) together
        return "/".join(kind for kind, known in apis.items() if known is api) or "?"

    for name in ("_recognize", "_one_line", "orientation_confidence"):
        method = getattr(OcrEngine, name)
        _WRAPPED[name] = method

        def timed(*args: object, _method: object = method, _name: str = name, **kwargs: object) -> object:
            started = time.process_time()
            try:
                return _method(*args, **kwargs)  # type: ignore[operator]
            finally:
                gray = next((a for a in args if hasattr(a, "shape")), None)  # the image, not line boxes
                seconds = time.process_time() - started
                spent.add(kind_of(_name, args), int(getattr(gray, "size", 0)), seconds)
                _ENGINE_SECONDS[0] += seconds

        setattr(OcrEngine, name, timed)
    return spent


#: The stages of reading a scanned page whose CPU seconds the cost lines give apart: (module,
#: name as the caller looks it up, what it is).  Tesseract's calls inside a stage are taken out of
#: it (they are given by kind above), so the stages and Tesseract's calls add up to our cost.
STAGES = (
    ("extractors.ocr.pages", "render", "rendering (pdfium)"),
    ("extractors.ocr.page", "prepare_page", "page preparation (geometry.prepare_page)"),
    ("extractors.ocr.page", "find_grids", "ruled-table finding"),
    ("extractors.ocr.page", "read_glyphs_many", "digit glyph reader"),
    ("extractors.ocr.page", "clean_ocr_text", "text repair"),
)
_STAGES_WRAPPED: dict[tuple[str, str], object] = {}


@dataclass
class StageTimes:
    """CPU seconds of this process in each of :data:`STAGES` (Tesseract's calls inside one
    included: they are taken out when reported, by :meth:`lines`)."""

    seconds: dict[str, float] = field(default_factory=dict)
    engine: dict[str, float] = field(default_factory=dict)  #: Tesseract's seconds inside each stage
    depth: list[str] = field(default_factory=list)  #: the stages under way (a stage may call another)

    def clear(self) -> None:
        self.seconds.clear()
        self.engine.clear()

    def lines(self, pages: int, inside: EngineCalls, ours: float) -> list[str]:
        rows = []
        for _module, _name, what in STAGES:
            own = self.seconds.get(what, 0.0) - self.engine.get(what, 0.0)
            rows.append(f"  {what}: {own / pages:.3f} s/page")
        rest = ours - inside.seconds - sum(self.seconds.values()) + sum(self.engine.values())
        what = "everything else (cells, lines, spaces, numbers, second readings' logic)"
        rows.append(f"  {what}: {rest / pages:.3f} s/page")
        return ["of the rest, by stage (CPU seconds, Tesseract's calls inside taken out):", *rows]


def _time_stages(undo: bool = False) -> StageTimes:
    """Count the CPU seconds of :data:`STAGES` in this process until called again with ``undo``.
    A stage inside another is counted in the outer one only; Tesseract's calls inside a stage are
    counted (from :func:`_time_tesseract`'s tally, which must be on) to take them out."""
    spent = StageTimes()
    if undo:
        for (module, name), function in _STAGES_WRAPPED.items():
            setattr(importlib.import_module(module), name, function)
        _STAGES_WRAPPED.clear()
        return spent
    for module_name, name, what in STAGES:
        module = importlib.import_module(module_name)
        function = getattr(module, name)
        _STAGES_WRAPPED[(module_name, name)] = function

        def timed(*args: object, _function: object = function, _what: str = what, **kwargs: object) -> object:
            if spent.depth:  # inside another stage: counted there
                return _function(*args, **kwargs)  # type: ignore[operator]
            spent.depth.append(_what)
            engine_before = _ENGINE_SECONDS[0]
            started = time.process_time()
            try:
                return _function(*args, **kwargs)  # type: ignore[operator]
            finally:
                spent.seconds[_what] = spent.seconds.get(_what, 0.0) + time.process_time() - started
                spent.engine[_what] = spent.engine.get(_what, 0.0) + _ENGINE_SECONDS[0] - engine_before
                spent.depth.pop()

        setattr(module, name, timed)
    return spent


def profile(spec: str, top: int = 25) -> None:
    """cProfile of reading one scanned page (``PDF:PAGE``): where the time goes."""
    import cProfile
    import pstats

    import pypdfium2 as pdfium

    from extractors.ocr.engine import OcrEngine
    from extractors.ocr.page import read_scanned_page, render

    path, page = spec.rsplit(":", 1)
    doc = pdfium.PdfDocument(path)
    gray = render(doc, int(page), 200)
    engine = OcrEngine(200)
    engine.orientation(gray[:64, :64])  # load the models outside the measure
    engine.read(gray[:64, :256])
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    read_scanned_page(engine, gray, int(page))
    profiler.disable()
    print(f"{spec}: {time.perf_counter() - started:.2f} s")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(top)


def real_scan() -> None:
    """The real scanned memo in ../shared/real-pdfs: the share of its Thai words (newmm tokens of
    two letters or more) that are dictionary words, as ``bench/textlayer.py`` measures text layers."""
    memo = ROOT.parent / "shared" / "real-pdfs" / "scanned-staff-guideline-memo.pdf"
    if not memo.exists():
        print(f"\nreal scan: {memo} is missing")
        return
    started = time.perf_counter()
    pages = read_document(memo, ocr=ONE_CORE).pages
    seconds = time.perf_counter() - started
    found, total = dictionary_word_rate("\n".join(p.text for p in pages))
    print(
        f"\nreal scan ({memo.name}, {len(pages)} pages): dictionary-word rate {found / total:.1%} "
        f"({found}/{total} Thai words), {seconds / len(pages):.2f} s/page"
    )


if __name__ == "__main__":
    sys.exit(main())

"""Send a document's scanned pages through OCR, in parallel processes, one Tesseract per process.

Tesseract runs single-threaded (``OMP_THREAD_LIMIT=1``) and pages are spread over processes: on
two cores this is faster than Tesseract's own threads, and a page that crashes the engine costs
only its own result.  Every page comes back: read, blank, unreadable or failed, with the reason.

The processes are kept from one document to the next (a pool per process count, made on first
use): each loads the Thai, English and orientation models once (~0.7 s), not once per document,
which on short scanned documents was a third of what a second worker gained.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pypdfium2 as pdfium

from extractors.ocr.engine import OcrEngine
from extractors.ocr.geometry import stored_rotation
from extractors.ocr.options import MAX_PIXELS, MIN_DPI, OcrOptions, render_dpi
from extractors.ocr.page import read_scanned_page, render
from schemas import DocumentError, OcrInfo, OcrStatus, PageKind, PageText, Table

PageResult = tuple[PageText, list[Table]]

_engine: OcrEngine | None = None
_pool: ProcessPoolExecutor | None = None
_pool_size = 0


def worker_engine(dpi: int) -> OcrEngine:
    """This process's engine, made again only when the resolution changes."""
    global _engine
    if _engine is None or _engine.dpi != dpi:
        _engine = OcrEngine(dpi)
    return _engine


def ocr_page(path: str, number: int, reason: str, dpi: int) -> PageResult:
    """Read one scanned page (in whichever process runs it).  Never raises: a failure is a page
    with status ``failed`` and the reason."""
    try:
        doc = pdfium.PdfDocument(path)
        try:
            width, height = doc[number - 1].get_size()
            used = render_dpi(width, height, dpi)
            if not used:
                why = (
                    f"the page is too large to render ({width:.0f} × {height:.0f} pt would exceed "
                    f"{MAX_PIXELS // 1_000_000} megapixels even at {MIN_DPI} dpi)"
                )
                return _failed(number, reason, dpi, why)
            gray = render(doc, number, used)  # as a viewer shows it: /Rotate honoured
            stored = stored_rotation(doc[number - 1])
        finally:
            doc.close()
        text, tables = read_scanned_page(worker_engine(used), gray, number, reason)
        if text.ocr is not None:
            text.ocr.stored_rotation = stored
        if used < dpi and text.ocr is not None and text.ocr.status is OcrStatus.READ:
            text.ocr.reason = (
                f"rendered at {used} dpi instead of {dpi}: the page is {width:.0f} × {height:.0f} pt "
                f"and a bitmap may have at most {MAX_PIXELS // 1_000_000} megapixels"
            )
        return text, tables
    except DocumentError as err:
        return _failed(number, reason, dpi, err.reason)
    except Exception as err:  # the engine on a damaged image: the page fails, the document goes on
        return _failed(number, reason, dpi, f"OCR failed ({type(err).__name__}: {err})")


def _failed(number: int, reason: str, dpi: int, why: str) -> PageResult:
    info = OcrInfo(OcrStatus.FAILED, dpi, reason=why)
    return PageText(number, 0.0, 0.0, PageKind.SCANNED, reason=reason, ocr=info), []


def ocr_pages(path: str | Path, pages: list[PageText], options: OcrOptions) -> dict[int, PageResult]:
    """OCR the given scanned pages of ``path``; results by page number."""
    if not pages or not options.enabled:
        return {}
    jobs = [(str(path), p.number, p.reason, options.dpi) for p in pages]
    if min(options.processes, len(jobs)) <= 1:
        return {job[1]: _keep_size(ocr_page(*job), pages) for job in jobs}
    pool = _shared_pool(options.processes)
    futures = {job[1]: pool.submit(ocr_page, *job) for job in jobs}
    results: dict[int, PageResult] = {}
    for number, future in futures.items():
        try:
            results[number] = _keep_size(future.result(), pages)
        except Exception as err:  # a worker died (out of memory, a crash in the engine)
            if isinstance(err, BrokenProcessPool):
                close_pool()  # the next document gets new processes
            page = next(p for p in pages if p.number == number)
            results[number] = _failed(number, page.reason, options.dpi, f"OCR worker died ({err})")
    return results


def _shared_pool(processes: int) -> ProcessPoolExecutor:
    """The pool of ``processes`` OCR processes, kept for the next document."""
    global _pool, _pool_size
    if _pool is None or _pool_size != processes:
        close_pool()
        one_opencv_thread()  # before the fork: the children inherit it
        _pool = ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context("fork"))
        _pool_size = processes
    return _pool


def one_opencv_thread() -> None:
    """OpenCV on one thread, in the process that forks the OCR processes, before it forks them:
    each child then reads its pages on one thread, like Tesseract, instead of OpenCV's pool (a
    thread per core) fighting the other OCR process for the same cores; two workers went from
    1.67× to 1.76× one.  Never in a forked child: there ``cv2.setNumThreads`` waits forever to
    join pool threads the fork did not copy, when the parent had run OpenCV's pool before."""
    import cv2

    cv2.setNumThreads(1)


def close_pool() -> None:
    """Stop the OCR processes (they also stop when this process exits)."""
    global _pool, _pool_size
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
    _pool, _pool_size = None, 0


def _keep_size(result: PageResult, pages: list[PageText]) -> PageResult:
    """A failed page keeps the size its text layer reported."""
    text, tables = result
    if text.width == 0.0:
        original = next(p for p in pages if p.number == text.number)
        text.width, text.height = original.width, original.height
    return text, tables

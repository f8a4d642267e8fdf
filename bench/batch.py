#!/usr/bin/env python3
"""Batch conversion (``ita batch``) benchmark, in one run:

* **throughput**: files/s and pages/s with 1 and 2 worker processes over text PDFs (the six text
  samples, each copied ``--copies`` times with a distinct trailing comment, so every copy is new
  content), and the ratio 2 workers / 1 worker (goal: ≥ 1.7×).  Each setting runs ``--repeat``
  times, interleaved, into a fresh output folder; the best run counts.  Two figures: the whole
  ``batch()`` call as a user sees it (worker start-up, hashing and the combined tables included),
  and the reading phase alone (first document sent to last result back); and the CPU time
  the workers used, which shows how many cores the batch actually got;
* **memory**: the peak resident memory of a worker reading a 150-page PDF (made from the samples'
  pages, ``tests/big_pdf.py``), as the worker measures it (``VmHWM``; goal: < 600 MB);
* **manifest overhead**: milliseconds per file for what the manifest adds to a document's life
  (register, sent to a worker, result recorded; each a committed transaction), and for a second
  run's look-up of an unchanged file, over ``--manifest-files`` synthetic files;
* **growing tables**: seconds to bring the combined tables (CSV, Parquet, SQLite) of a folder of
  ``--grow`` synthetic records (default 20,000) up to date after one document is added
  (``--grow-repeat`` times, another document each time), one is read again and one is removed, the
  way ``ita batch`` does it now (its table store: only the changed record is read, and only its
  rows are spliced into each table) against rebuilding every table from every record, in the same
  run.  ``--grow 0`` skips it.

    python bench/batch.py                 # 6 × 6 text PDFs, best of 2
    python bench/batch.py --copies 8 --repeat 3

The machine's load average is printed with the results: other work on the cores makes the
throughput figures lower and the ratio noisier.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.batch.manifest import MANIFEST_NAME, FileState, Manifest  # noqa: E402
from pipeline.batch.run import BatchEvent, BatchStarted, DocumentFinished, batch  # noqa: E402
from pipeline.batch.types import Outcome  # noqa: E402
from tests.big_pdf import PAGE_SOURCES, SAMPLES, make_big_pdf  # noqa: E402


@dataclass
class Run:
    workers: int
    files: int
    pages: int
    seconds: float  #: the whole batch() call
    reading: float  #: first document sent to last result back
    cpu: float  #: CPU seconds the worker processes used (user + system)

    @property
    def files_per_s(self) -> float:
        return self.files / self.seconds

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds


def make_archive(folder: Path, copies: int) -> Path:
    """The text samples, ``copies`` times each, each copy distinct content (a trailing comment)."""
    folder.mkdir(parents=True)
    for name in PAGE_SOURCES:
        data = (SAMPLES / name).read_bytes()
        for i in range(copies):
            stem = Path(name).stem
            (folder / f"{stem}-copy{i + 1}.pdf").write_bytes(data + f"\n% copy {i + 1}\n".encode())
    return folder


def timed_batch(archive: Path, out: Path, workers: int) -> Run:
    marks: dict[str, float] = {}
    pages = files = 0

    def on_event(event: BatchEvent) -> None:
        nonlocal pages, files
        if isinstance(event, BatchStarted):
            marks["start"] = time.perf_counter()
        elif isinstance(event, DocumentFinished):
            marks["end"] = time.perf_counter()
            files += 1
            pages += event.pages or 0

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    batch([archive], out, workers=workers, formats="csv,sqlite", on_event=on_event)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers have been waited for
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(workers, files, pages, seconds, marks["end"] - marks["start"], cpu)


def throughput(work: Path, copies: int, repeat: int) -> dict[int, Run]:
    archive = make_archive(work / "archive", copies)
    best: dict[int, Run] = {}
    for r in range(repeat):
        for workers in (1, 2):
            out = work / f"out-{workers}-{r}"
            run = timed_batch(archive, out, workers)
            shutil.rmtree(out)
            if workers not in best or run.seconds < best[workers].seconds:
                best[workers] = run
    return best


def big_pdf_memory(work: Path) -> tuple[float, int, float]:
    """Peak RSS (MB) of the worker that read the 150-page PDF, its pages, and its seconds."""
    big = make_big_pdf(work / "big-150-pages.pdf")
    out = work / "out-big"
    batch([big], out, workers=1, formats="csv", time_limit=None)
    db = sqlite3.connect(out / MANIFEST_NAME)
    peak, pages, seconds = db.execute("SELECT peak_rss_mb, pages, seconds FROM documents").fetchone()
    db.close()
    return float(peak), int(pages), float(seconds)


def manifest_overhead(work: Path, n: int) -> dict[str, float]:
    """Milliseconds per file for each manifest step, over ``n`` synthetic files."""
    folder = work / "manifest"
    folder.mkdir()
    files = [FileState(f"/archive/{i:06d}.pdf", 100_000 + i, i, f"{i:064x}") for i in range(n)]
    timings: dict[str, float] = {}
    with Manifest.open(folder) as manifest:
        start = time.perf_counter()
        for i in range(0, n, 500):
            manifest.register(files[i : i + 500])
        timings["register (batches of 500)"] = time.perf_counter() - start
        start = time.perf_counter()
        for f in files:
            manifest.mark_running(f.sha256)
        timings["sent to a worker"] = time.perf_counter() - start
        start = time.perf_counter()
        for f in files:
            manifest.record(Outcome(f.sha256, "{}", 5, 1.0, 180.0), "bench", "1.1")
        timings["result recorded"] = time.perf_counter() - start
        start = time.perf_counter()
        for f in files:
            sha = manifest.known_hash(f.path, f.size, f.mtime_ns)
            assert sha is not None and manifest.entry(sha) is not None
        timings["second run: unchanged file looked up"] = time.perf_counter() - start
    return {k: v * 1000 / n for k, v in timings.items()}


def growing_tables(work: Path, count: int, repeat: int = 3) -> dict[str, Any]:
    """Seconds to update the combined tables of ``count`` records after one more is added (``repeat``
    times, each time another document, spread over the id order), one is read again with other
    content and one is removed: with the table store (now); and to rebuild them from every record
    (the way before the store), in the same run."""
    from pipeline.audit.synthetic import expected_records, synthetic_records
    from pipeline.batch.combine import parquet_available, parse_formats, rebuild_tables, update_tables
    from pipeline.output import to_json

    out = work / "out"
    out.mkdir()
    bases = list(expected_records(ROOT / "samples").values())
    ids: list[str] = []
    started = time.perf_counter()
    for record in synthetic_records(bases, count + repeat, seed=12):
        data = record.to_dict()
        ids.append(str(data["document_id"]))
        (out / f"{data['document_id']}.json").write_text(to_json(data), encoding="utf-8")
    made = time.perf_counter() - started
    held = [ids[(i * 2 + 1) * len(ids) // (repeat * 2)] for i in range(repeat)]  # spread out
    formats = parse_formats("all" if parquet_available() else "csv,sqlite")
    documents = {i: out / f"{i}.json" for i in ids if i not in held}

    def update() -> float:
        started = time.perf_counter()
        update_tables(out, sorted(documents.items()), [], formats)
        return time.perf_counter() - started

    first = update()  # the first run: every record loaded into the store, every table written
    added = []
    for doc_id in held:
        documents[doc_id] = out / f"{doc_id}.json"
        added.append(update())
    nothing = update()
    changed = held[len(held) // 2]
    other = json.loads((out / f"{held[0]}.json").read_text(encoding="utf-8"))
    other["source"]["sha256"] = "f" * 64  # other content: another hash
    (out / f"{changed}.json").write_text(to_json({**other, "document_id": changed}), encoding="utf-8")
    replaced = update()
    del documents[held[-1]]
    removed = update()
    started = time.perf_counter()

    def every_record() -> Iterator[dict[str, Any]]:
        for _, path in sorted(documents.items()):
            yield json.loads(path.read_text(encoding="utf-8"))

    rebuild_tables(work / "clean", every_record(), [], formats)
    before = time.perf_counter() - started
    sizes = {p.name: p.stat().st_size for p in out.iterdir() if p.suffix in (".csv", ".parquet", ".sqlite")}
    return {
        "records": made,
        "first": first,
        "added": added,
        "nothing": nothing,
        "replaced": replaced,
        "removed": removed,
        "before": before,
        "formats": len(formats),
        "megabytes": sum(sizes.values()) / 1e6,
    }


def report_growth(figures: dict[str, Any], count: int) -> None:
    added = sorted(figures["added"])
    median = added[len(added) // 2]
    print(f"## Growing tables: one document added to {count:,} records ({int(figures['formats'])} formats)\n")
    print("| way | seconds |")
    print("|---|---|")
    print(f"| first run into the empty store ({count:,} records read) | {figures['first']:.2f} |")
    shown = ", ".join(f"{s:.2f}" for s in figures["added"])
    print(f"| **now**: one record added (store updated, tables updated), median | **{median:.2f}** |")
    print(f"| now: each record added in turn | {shown} |")
    print(f"| now: one record read again with other content | {figures['replaced']:.2f} |")
    print(f"| now: one record removed | {figures['removed']:.2f} |")
    print(f"| now: nothing changed | {figures['nothing']:.2f} |")
    print(f"| before: every record read back, every table rebuilt | {figures['before']:.2f} |")
    ratio = median / figures["before"]
    print(
        f"\nnow / before: {ratio:.2f}× ({figures['megabytes']:.0f} MB of tables; writing the "
        f"{count:,} records took {figures['records']:.1f} s)\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--copies", type=int, default=6, help="copies of each text sample (default 6)")
    parser.add_argument("--repeat", type=int, default=2, help="runs per worker count, best counts")
    parser.add_argument("--manifest-files", type=int, default=2000)
    parser.add_argument("--grow", type=int, default=20_000, help="records in the growing-tables test")
    parser.add_argument("--grow-repeat", type=int, default=3, help="documents added one by one (default 3)")
    parser.add_argument("--only-grow", action="store_true", help="measure the growing tables alone")
    args = parser.parse_args(argv)
    if args.only_grow:
        load = os.getloadavg()
        with tempfile.TemporaryDirectory(prefix="ita-bench-grow-") as tmp:
            report_growth(growing_tables(Path(tmp), args.grow, args.grow_repeat), args.grow)
        after = os.getloadavg()
        print(f"Machine: {os.cpu_count()} cores; load average {load[0]:.2f} before, {after[0]:.2f} after.")
        return 0

    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="ita-bench-batch-") as tmp:
        work = Path(tmp)
        runs = throughput(work, args.copies, args.repeat)
        peak, big_pages, big_seconds = big_pdf_memory(work)
        overhead = manifest_overhead(work, args.manifest_files)
    load_after = os.getloadavg()

    one, two = runs[1], runs[2]
    print(f"## Batch throughput: {one.files} text PDFs ({one.pages} pages), best of {args.repeat}\n")
    print(
        "| workers | seconds | files/s | pages/s | reading s | files/s (reading) | pages/s (reading) "
        "| worker CPU s | cores obtained |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for run in (one, two):
        print(
            f"| {run.workers} | {run.seconds:.2f} | {run.files_per_s:.2f} | {run.pages_per_s:.1f} | "
            f"{run.reading:.2f} | {run.files / run.reading:.2f} | {run.pages / run.reading:.1f} | "
            f"{run.cpu:.1f} | {run.cpu / run.seconds:.2f} |"
        )
    print(
        f"\n2 workers / 1 worker: **{one.seconds / two.seconds:.2f}×** whole run, "
        f"**{one.reading / two.reading:.2f}×** reading phase (goal ≥ 1.7×). The workers used "
        f"{one.cpu:.1f} CPU s with 1 and {two.cpu:.1f} with 2 (the same work plus one more start-up); "
        f"'cores obtained' (CPU s per s) is how much of the machine other work left to the batch.\n"
    )
    print("## Memory and manifest\n")
    print("| measure | value | goal |")
    print("|---|---|---|")
    print(
        f"| peak RSS of a worker, 150-page PDF ({big_pages} pages in {big_seconds:.1f} s) "
        f"| {peak:.0f} MB | < 600 MB |"
    )
    total = 0.0
    for step, ms in overhead.items():
        print(f"| manifest: {step} | {ms:.3f} ms/file | |")
        if not step.startswith("second run"):
            total += ms
    per_file = one.reading / one.files * 1000
    print(
        f"| manifest: total per file read | {total:.3f} ms/file "
        f"({total / per_file:.2%} of {per_file:.0f} ms reading a file) | small |"
    )
    if args.grow:
        with tempfile.TemporaryDirectory(prefix="ita-bench-grow-") as tmp:
            report_growth(growing_tables(Path(tmp), args.grow, args.grow_repeat), args.grow)
    print(
        f"\nMachine: {os.cpu_count()} cores; load average {load_before[0]:.2f} before, "
        f"{load_after[0]:.2f} after (anything above 0 is other work sharing the cores)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Field-level accuracy of ``ita extract`` on the samples, against their hand-written records.

    python bench/accuracy.py                  # samples/, tests/data/unseen/ and the corpus by family
    python bench/accuracy.py --verbose        # also list every mismatch
    python bench/accuracy.py --only samples   # one set: samples, corpus
    python bench/accuracy.py --corpus /tmp/draw31   # a fresh draw (make_corpus.py --draw 31 --out ...)
    python bench/accuracy.py --save-baseline  # also write bench/accuracy-baseline.json from this run

For each sample it prints the share of document fields, indicator number+score pairs, action rows,
action fields (indicator links, inherited fields, page) and period dates that match exactly, and the
mean rapidfuzz ratio of the action text fields (see ``pipeline/compare.py``).  The held-out
documents have expected document fields and scores only.

The corpus (``samples/corpus``, built by ``samples/make_corpus.py``) is read once per document and
reported by family: every axis its expected records tag (scores, measures, font, digits, levels,
split, lookalike), each value's share per group, beside the figures of
``bench/accuracy-baseline.json`` (the first run, saved with ``--save-baseline``) when that file exists.
Look-alikes count as right when they say ``NOT_ITA_DOCUMENT`` and give no actions (group ``not_ita``).

Baseline for the samples, measured in the same run: the same extractor with page-by-page tables (no stitching
across page breaks), to show what stitching is worth; and, for time, reading the pages and tables
alone (``read_document``), to show what extraction costs on top.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.ita.stitch import stitch  # noqa: E402

extract_module = importlib.import_module("pipeline.extract")
interpret_module = importlib.import_module("extractors.ita.interpret")
from extractors.read import read_document  # noqa: E402
from pipeline.compare import Comparison, compare  # noqa: E402
from schemas import LogicalTable, Table  # noqa: E402

GROUPS = ("document", "indicators", "action_rows", "action_fields", "periods")
CORPUS_GROUPS = ("document", "indicators", "action_rows", "action_fields", "periods", "not_ita")
CORPUS_AXES = ("scores", "measures", "font", "digits", "levels", "split", "lookalike")
BASELINE = ROOT / "bench" / "accuracy-baseline.json"


def page_by_page(tables: Sequence[Table]) -> list[LogicalTable]:
    """The baseline: every page's table on its own, as a tool without stitching sees them."""
    return [logical for table in tables for logical in stitch([table])]


def best_of(n: int, work: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(n):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def run(pdf: Path, expected: dict[str, Any], stitched: bool) -> tuple[Comparison, float, int]:
    if stitched:
        seconds, record = best_of(2, lambda: extract_module.extract(pdf))
    else:
        with mock.patch.object(interpret_module, "stitch", page_by_page):
            seconds, record = best_of(1, lambda: extract_module.extract(pdf))
    return compare(expected, record.to_dict()), seconds, record.source.pages


def pct(c: Comparison, group: str) -> str:
    ok, total = c.counts.get(group, [0, 0])
    return f"{100 * ok / total:5.1f}%" if total else "    –"


Tally = dict[str, list[int]]


def _add(tally: Tally, group: str, ok: int, total: int) -> None:
    cell = tally.setdefault(group, [0, 0])
    cell[0] += ok
    cell[1] += total


def _pct(tally: Tally | None, group: str) -> str:
    ok, total = (tally or {}).get(group, [0, 0])
    return f"{100 * ok / total:5.1f}" if total else "    –"


def corpus_by_family(verbose: bool, folder: Path | None = None) -> dict[str, dict[str, Tally]]:
    """{axis: {value: {group: [ok, total]}}} over the corpus (or ``folder``, a corpus-like draw),
    plus ``all``; one extraction per document."""
    from pipeline.extract import extract

    tallies: dict[str, dict[str, Tally]] = {"all": {"all": {}}}
    paths = sorted((folder or ROOT / "samples" / "corpus").glob("*.expected.json"))
    for path in paths:
        expected = json.loads(path.read_text(encoding="utf-8"))
        pdf = path.with_name(path.name.replace(".expected.json", ".pdf"))
        record = extract(pdf).to_dict()
        families = {**expected["families"], "split": expected["split"]}
        doc: Tally = {}
        if "lookalike" in families:
            codes = {c["code"] for c in record["checks"]}
            _add(doc, "not_ita", int("NOT_ITA_DOCUMENT" in codes and not record["actions"]), 1)
            _add(
                doc, "action_rows", 0, len(record["actions"])
            )  # every action read from a look-alike is wrong
        else:
            result = compare(expected, record)
            for group in GROUPS:
                ok, total = result.counts.get(group, [0, 0])
                _add(doc, group, ok, total)
            codes = {c["code"] for c in record["checks"]}
            _add(doc, "not_ita", int("NOT_ITA_DOCUMENT" not in codes), 1)
            if verbose:
                for m in result.mismatches:
                    print(f"    {pdf.stem} {m.where}: expected {m.expected!r:.60} got {m.got!r:.60}")
        for axis in ("all", *CORPUS_AXES):
            value = "all" if axis == "all" else families.get(axis)
            if value is None:
                continue
            target = tallies.setdefault(axis, {}).setdefault(str(value), {})
            for group, (ok, total) in doc.items():
                _add(target, group, ok, total)
        print(f"  read {pdf.stem}", file=sys.stderr)
    return tallies


def print_corpus(tallies: dict[str, dict[str, Tally]], baseline: dict[str, dict[str, Tally]] | None) -> None:
    print("\ncorpus by family: % now (baseline %)")
    print(f"{'axis':<10} {'value':<24} " + " ".join(f"{g:>17}" for g in CORPUS_GROUPS))
    for axis in ("all", *CORPUS_AXES):
        for value, tally in sorted(tallies.get(axis, {}).items()):
            base = (baseline or {}).get(axis, {}).get(value)
            cells = []
            for group in CORPUS_GROUPS:
                now = _pct(tally, group)
                cells.append(f"{now} ({_pct(base, group).strip():>5})" if baseline else f"{now:>17}")
            print(f"{axis:<10} {value:<24} " + " ".join(f"{c:>17}" for c in cells))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--only", choices=("samples", "corpus"), help="measure one set only")
    parser.add_argument("--save-baseline", action="store_true", help=f"write {BASELINE.relative_to(ROOT)}")
    parser.add_argument(
        "--corpus",
        type=Path,
        metavar="DIR",
        help="measure this corpus-like folder instead (a fresh draw: make_corpus.py --draw SEED --out DIR)",
    )
    args = parser.parse_args(argv)
    if args.corpus is not None:
        if args.save_baseline:
            parser.error("--save-baseline measures the committed corpus only")
        print_corpus(corpus_by_family(args.verbose, args.corpus), None)
        return 0
    samples_totals: dict[str, Any] = {}
    if args.only != "corpus":
        samples_totals = measure_samples(args.verbose)
    if args.only == "samples":
        return 0
    baseline = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else None
    tallies = corpus_by_family(args.verbose)
    print_corpus(tallies, baseline["corpus"] if baseline else None)
    if args.save_baseline:
        import os
        import subprocess

        load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
        BASELINE.write_text(
            json.dumps(
                {
                    "command": "python bench/accuracy.py --save-baseline",
                    "commit": commit,
                    "load": load,
                    "cpus": os.cpu_count(),
                    "corpus": tallies,
                    "samples": samples_totals,
                },
                ensure_ascii=False,
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
        print(f"\nwrote {BASELINE.relative_to(ROOT)}")
    return 0


def measure_samples(verbose: bool) -> dict[str, Any]:
    """The samples and the held-out documents, as before: per document, with and without stitching."""
    cases = [(p, "sample") for p in sorted((ROOT / "samples").glob("*.expected.json"))]
    cases += [(p, "unseen") for p in sorted((ROOT / "tests/data/unseen").glob("*.expected.json"))]
    header = f"{'document':<28} {'set':<7} " + " ".join(f"{g:>13}" for g in GROUPS) + f" {'action text':>12}"
    print(header)
    totals: dict[str, dict[str, list[int]]] = {"ours": {}, "baseline": {}}
    texts: dict[str, list[float]] = {"ours": [], "baseline": []}
    times: list[float] = []
    read_times: list[float] = []
    pages = 0
    for path, kind in cases:
        expected = json.loads(path.read_text(encoding="utf-8"))
        expected.setdefault("actions", [])
        for ind in expected["indicators"]:  # the held-out records give the assessed year's scores
            ind.setdefault("year", expected["document"].get("assessed_year"))
        pdf = path.with_name(path.name.replace(".expected.json", ".pdf"))
        for label, stitched in (("ours", True), ("baseline", False)):
            result, seconds, n_pages = run(pdf, expected, stitched)
            if kind == "unseen":  # no expected actions: count documents and indicators only
                result.counts = {k: v for k, v in result.counts.items() if k in ("document", "indicators")}
                result.text_scores = []
            for group, (ok, total) in result.counts.items():
                tally = totals[label].setdefault(group, [0, 0])
                tally[0] += ok
                tally[1] += total
            texts[label] += result.text_scores
            name = pdf.stem if label == "ours" else "  without stitching"
            text = (
                f"{math.floor(1000 * result.text_rate) / 10:11.1f}%" if result.text_scores else "           –"
            )
            print(f"{name:<28} {kind:<7} " + " ".join(f"{pct(result, g):>13}" for g in GROUPS) + f" {text}")
            if label == "ours":
                times.append(seconds)
                pages += n_pages
                read_times.append(best_of(2, lambda pdf=pdf: read_document(pdf))[0])
                if verbose:
                    for m in result.mismatches:
                        print(f"    {m.where}: expected {m.expected!r:.80} got {m.got!r:.80}")
    print()
    for label in ("ours", "baseline"):
        c = Comparison(counts=totals[label], text_scores=texts[label])
        name = "all (ita extract)" if label == "ours" else "all (without stitching)"
        print(
            f"{name:<36} "
            + " ".join(f"{pct(c, g):>13}" for g in GROUPS)
            + f" {math.floor(1000 * c.text_rate) / 10:11.1f}%"
        )
    total, read = sum(times), sum(read_times)
    print(
        f"\ntime: {total:.2f} s for {len(times)} documents, {pages} pages "
        f"({1000 * total / pages:.0f} ms/page); reading pages and tables alone: {read:.2f} s "
        f"-> extraction costs {total / read:.2f}x the reading (median per document "
        f"{statistics.median(t / r for t, r in zip(times, read_times, strict=True)):.2f}x)"
    )
    return {label: totals[label] for label in totals}


if __name__ == "__main__":
    sys.exit(main())

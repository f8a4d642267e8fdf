#!/usr/bin/env python3
"""Size and speed of the audit report at scale (``ita audit`` over thousands of records).

    python bench/audit.py                        # 5,000 synthetic documents, 3 browser runs each
    python bench/audit.py --counts 500,5000 --runs 5
    python bench/audit.py --screenshot docs/audit.png --records out/   # the README picture

Records: synthetic, deterministic for ``--seed``, varied from the samples' hand-written expected
records (``pipeline/audit/synthetic.py``: other agencies, scores moved, more or fewer measures, and
now and then each defect the audit looks for), written one JSON file each into a folder, as
``ita extract`` / ``ita batch`` leave them.  Timed in one run:

- the audit: reading the folder and running the rules (``audit_folder``);
- writing ``audit.html``, ``audit.csv`` and ``audit-documents.csv`` (``write_audit``);
- opening the report in headless Chromium, ``--dump-dom`` and ``--screenshot`` runs, each next to
  the same run on a trivial page (Chromium's own start-up: the baseline), as medians of ``--runs``;
  and the page's own time until its script has run (``performance.now()``, read from the DOM).

The machine is shared (2 cores, other jobs running), so times are noisy: compare ratios within a run.
Needs ``scripts/setup.sh --test`` (chromium).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from pipeline.audit.folder import audit_folder  # noqa: E402
from pipeline.audit.report import write_audit  # noqa: E402
from pipeline.audit.synthetic import expected_records, synthetic_records  # noqa: E402
from pipeline.output import to_json  # noqa: E402
from tests.test_audit_browser import chromium, chromium_binary  # noqa: E402

TRIVIAL = "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><p>ก</p></body></html>\n"


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def median_time(runs: int, work: Callable[[], object]) -> float:
    return statistics.median(timed(work) for _ in range(runs))


def ready_ms(html: Path) -> int:
    """The page's own time to ready: ``performance.now()`` when its script finished."""
    dom = chromium("--dump-dom", html.as_uri(), timeout=600).stdout
    found = re.search(r'data-ready-ms="(\d+)"', dom)
    return int(found.group(1)) if found else -1


def bench(count: int, seed: int, runs: int, work: Path) -> dict[str, float | int]:
    bases = list(expected_records(ROOT / "samples").values())
    folder = work / f"records-{count}"
    folder.mkdir(parents=True, exist_ok=True)
    for record in synthetic_records(bases, count, seed):
        (folder / f"{record.document_id}.json").write_text(to_json(record.to_dict()), encoding="utf-8")

    start = time.perf_counter()
    result = audit_folder(folder)
    audit_s = time.perf_counter() - start
    html = work / f"audit-{count}" / "audit.html"
    write_s = timed(lambda: write_audit(result, html))

    trivial = work / "trivial.html"
    trivial.write_text(TRIVIAL, encoding="utf-8")
    shot = work / "shot.png"
    size = ("--window-size=1280,900",)
    dom_s = median_time(runs, lambda: chromium("--dump-dom", html.as_uri(), timeout=600))
    dom_base = median_time(runs, lambda: chromium("--dump-dom", trivial.as_uri()))
    shot_s = median_time(runs, lambda: chromium(*size, f"--screenshot={shot}", html.as_uri(), timeout=600))
    shot_base = median_time(runs, lambda: chromium(*size, f"--screenshot={shot}", trivial.as_uri()))
    ready = statistics.median(ready_ms(html) for _ in range(runs))
    return {
        "documents": len(result.documents),
        "findings": sum(len(d.findings) for d in result.documents),
        "audit_s": audit_s,
        "write_s": write_s,
        "html_mb": html.stat().st_size / 1e6,
        "csv_mb": (html.parent / "audit.csv").stat().st_size / 1e6,
        "dom_s": dom_s,
        "dom_base": dom_base,
        "shot_s": shot_s,
        "shot_base": shot_base,
        "ready_ms": ready,
    }


def table(rows: list[dict[str, float | int]], runs: int) -> str:
    lines = [
        "| documents | findings | audit (read + rules) | write report + CSV | audit.html | audit.csv "
        "| chromium --screenshot: report / blank page (ratio) | --dump-dom: report / blank (ratio) "
        "| page ready (parse + script) |",
        "|---:|---:|---:|---:|---:|---:|---|---|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['documents']:,} | {r['findings']:,} | {r['audit_s']:.2f} s | {r['write_s']:.2f} s "
            f"| {r['html_mb']:.1f} MB | {r['csv_mb']:.1f} MB "
            f"| {r['shot_s']:.2f} s / {r['shot_base']:.2f} s ({r['shot_s'] / r['shot_base']:.1f}×) "
            f"| {r['dom_s']:.2f} s / {r['dom_base']:.2f} s ({r['dom_s'] / r['dom_base']:.1f}×) "
            f"| {r['ready_ms']:.0f} ms |"
        )
    lines.append("")
    lines.append(
        f"Browser times are medians of {runs} runs of headless Chromium, each with a fresh profile; "
        "the blank page is the same command on a one-line page (browser start-up).  --dump-dom also "
        "serialises the whole DOM back out, which a reader's browser never does.  Shared 2-core machine: "
        "noisy, compare within a run."
    )
    return "\n".join(lines)


# --- the README picture ---------------------------------------------------------------------------

_MEASURE = """<script>(function(){
var s=document.getElementById('documents'),d=document.getElementById(%r);
var y=function(e){return Math.round(e.getBoundingClientRect().top+window.scrollY);};
var f=document.querySelector('.formula');
document.documentElement.setAttribute('data-shot',[y(f)+f.offsetHeight+12,y(s),y(d)+d.offsetHeight].join(','));
})();</script>"""


def readme_screenshot(records: Path, png: Path, open_doc: str) -> None:
    """The overview's top (down to the completeness formula) and the documents list with one
    document open, cropped from one Chromium screenshot of the report of ``records`` (a window
    tall enough that nothing scrolls: headless screenshots of a scrolled page come out blank)."""
    result = audit_folder(records)
    with tempfile.TemporaryDirectory(prefix="ita-audit-shot-") as tmp:
        html = Path(tmp) / "audit.html"
        write_audit(result, html)
        # a copy that also says where the documents list and the open document are (for cropping)
        probe = Path(tmp) / "probe.html"
        probe.write_text(
            html.read_text(encoding="utf-8").replace("</body>", _MEASURE % f"doc-{open_doc}" + "</body>"),
            encoding="utf-8",
        )
        size = "--window-size=1280,7000"
        dom = chromium(size, "--dump-dom", f"{probe.as_uri()}#doc-{open_doc}").stdout
        found = re.search(r'data-shot="(\d+),(\d+),(\d+)"', dom)
        if not found:
            raise SystemExit("could not find the documents list in the report")
        overview_bottom, docs_top, doc_bottom = (int(v) for v in found.groups())
        full = Path(tmp) / "full.png"
        chromium(size, f"--screenshot={full}", f"{html.as_uri()}#doc-{open_doc}")
        image = Image.open(full).convert("RGB")
        top = image.crop((0, 0, 1280, overview_bottom))
        bottom = image.crop((0, docs_top - 10, 1280, doc_bottom + 12))
        out = Image.new("RGB", (1280, top.height + 8 + bottom.height), (200, 200, 200))
        out.paste(top, (0, 0))
        out.paste(bottom, (0, top.height + 8))
        png.parent.mkdir(parents=True, exist_ok=True)
        out.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(png, optimize=True)
    print(f"wrote {png} ({png.stat().st_size / 1e3:.0f} kB) from {len(result.documents)} records")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", default="5000", help="documents per report, comma-separated")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--runs", type=int, default=3, help="browser runs per measurement (median)")
    parser.add_argument("--keep", type=Path, help="keep the records and reports in this folder")
    parser.add_argument("--screenshot", type=Path, help="write the README picture here and stop")
    parser.add_argument("--records", type=Path, help="records folder for --screenshot (ita extract -o)")
    parser.add_argument("--open", default="santipatong-2565", help="document shown open in --screenshot")
    args = parser.parse_args()
    if chromium_binary() is None:
        raise SystemExit("chromium is not installed: bash scripts/setup.sh --test")
    if args.screenshot:
        if not args.records:
            raise SystemExit("--screenshot needs --records (a folder written by ita extract)")
        readme_screenshot(args.records, args.screenshot, args.open)
        return
    counts = [int(c) for c in args.counts.split(",")]
    with tempfile.TemporaryDirectory(prefix="ita-audit-bench-") as tmp:
        work = args.keep or Path(tmp)
        rows = [bench(count, args.seed, args.runs, work) for count in counts]
    print(table(rows, args.runs))


if __name__ == "__main__":
    main()

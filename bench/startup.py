#!/usr/bin/env python3
"""Start-up and small-document cost of the ``ita`` command, as whole processes, in one run:

* ``ita --version`` and ``ita --help``: wall seconds (goal: median ≤ 0.5 s);
* ``ita extract`` on one small text PDF (default ``samples/santipatong-2565.pdf``, 5 pages) against
  the baseline, **pdfplumber** reading the same file's text and tables (``extract_text`` and
  ``extract_tables`` on every page) in its own process.  The two run in turn, A B A B …, and the
  ratio is taken pair by pair, so a drift in the machine's speed cancels (goal: median ≤ 1.5).

    python bench/startup.py              # 7 runs each, after one warm-up
    python bench/startup.py --runs 15 --pdf samples/wangphai-2566.pdf

Figures are medians (min–max beside them); the load average is printed, since other work on the
two cores makes every figure slower and the ratio noisier.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: The baseline: pdfplumber's own text and tables of every page, imports included.
PDFPLUMBER = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_text()
        page.extract_tables()
"""


def ita() -> list[str]:
    found = shutil.which("ita", path=str(Path(sys.executable).parent)) or shutil.which("ita")
    if found is None:
        sys.exit("bench/startup.py: the ita command is not installed (bash scripts/setup.sh)")
    return [found]


def timed(cmd: Sequence[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) of one whole process; its output is discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"bench/startup.py: {' '.join(cmd)} failed: {done.stderr.decode(errors='replace')[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def spread(values: Sequence[float], digits: int = 3) -> str:
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--pdf", type=Path, default=ROOT / "samples" / "santipatong-2565.pdf")
    args = parser.parse_args(argv)
    command = ita()
    print(f"load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} cores; {args.runs} runs after a warm-up")

    for flag in ("--version", "--help"):
        timed([*command, flag])
        walls = [timed([*command, flag])[0] for _ in range(args.runs)]
        print(f"ita {flag:<10} wall s {spread(walls)}")

    with tempfile.TemporaryDirectory() as out:
        ours = [*command, "extract", str(args.pdf), "-o", out]
        base = [sys.executable, "-c", PDFPLUMBER, str(args.pdf)]
        timed(ours), timed(base)
        pairs = [(timed(ours), timed(base)) for _ in range(args.runs)]
    a_wall = [a[0] for a, _ in pairs]
    b_wall = [b[0] for _, b in pairs]
    print(f"\n{args.pdf.name}:")
    print(f"  ita extract                 wall s {spread(a_wall)}  cpu s {spread([a[1] for a, _ in pairs])}")
    print(f"  pdfplumber text + tables    wall s {spread(b_wall)}  cpu s {spread([b[1] for _, b in pairs])}")
    ratios = [a / b for a, b in zip(a_wall, b_wall, strict=True)]
    print(f"  ratio ita / pdfplumber      wall   {spread(ratios, 2)}")
    print(f"                              cpu    {spread([a[1] / b[1] for a, b in pairs], 2)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Fuzzed PDFs through ``ita batch``: 200 mutations of the samples and real files, fixed seed.

Every file must end as a record or an error row with a plain reason, none as an internal error,
none with a traceback, and the batch must finish within its limits.  OCR is off: the parsers are
what is fuzzed (a mutated scan is still a scan).
"""

from __future__ import annotations

import csv
import io
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REAL_PDFS, ROOT, SAMPLES

SEED = 20261204
COUNT = 200
SOURCES = [
    SAMPLES / "variant-two-years.pdf",
    SAMPLES / "variant-landscape.pdf",
    SAMPLES / "santipatong-2565.pdf",
    REAL_PDFS / "word2007-procurement-staff-guideline-2563.pdf",
    REAL_PDFS / "itext-royal-gazette-ethics-code.pdf",
    REAL_PDFS / "notita-anti-bribery-measures-followup-2567.pdf",
    REAL_PDFS / "powerpoint2013-swapped-sara-am-strategy.pdf",
]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One of the ways archived files are damaged or crafted: flipped bytes, a cut, a lost or
    repeated block, a number blown up, junk inserted."""
    out = bytearray(data)
    kind = rng.randrange(6)
    if kind == 0:  # bytes flipped
        for _ in range(rng.randint(1, 40)):
            out[rng.randrange(len(out))] = rng.randrange(256)
    elif kind == 1:  # cut short
        del out[rng.randrange(16, len(out)) :]
    elif kind == 2:  # a block lost
        start = rng.randrange(len(out))
        del out[start : start + rng.randint(1, 4096)]
    elif kind == 3:  # a block repeated
        start = rng.randrange(len(out))
        block = out[start : start + rng.randint(1, 4096)]
        out[start:start] = block * rng.randint(1, 3)
    elif kind == 4:  # numbers blown up (lengths, offsets, counts, sizes)
        text = bytes(out)
        for _ in range(rng.randint(1, 10)):
            at = rng.randrange(len(text))
            end = at
            while end < len(text) and 48 <= text[end] <= 57:
                end += 1
            if end > at:
                text = text[:at] + str(rng.choice([0, -1, 2**31, 2**63, 10**12])).encode() + text[end:]
        out = bytearray(text)
    else:  # junk inserted
        at = rng.randrange(len(out))
        out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 512)))
    return bytes(out)


@pytest.mark.slow
def test_two_hundred_mutated_pdfs_each_end_as_a_record_or_an_error_row(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    archive = tmp_path / "fuzz"
    archive.mkdir()
    originals = [p.read_bytes() for p in SOURCES]
    for n in range(COUNT):
        (archive / f"fuzz-{n:03d}.pdf").write_bytes(mutate(rng.choice(originals), rng))
    out = tmp_path / "out"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "pipeline.cli", "batch", str(archive), "-o", str(out)]
    command += ["--no-ocr", "--time-limit", "60", "--workers", "2", "--format", "csv,sqlite"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=1200, env=env, check=False)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    files = list(csv.DictReader(io.StringIO((out / "files.csv").read_text(encoding="utf-8-sig"))))
    assert len(files) == COUNT
    assert {f["status"] for f in files} <= {"read", "duplicate", "failed"}
    errors = list(csv.DictReader(io.StringIO((out / "errors.csv").read_text(encoding="utf-8-sig"))))
    internal = [e for e in errors if e["kind"] == "internal"]
    assert not internal, internal[:5]
    assert all(e["reason"] and "\n" not in e["reason"] and len(e["reason"]) < 400 for e in errors)
    read = sum(1 for f in files if f["status"] == "read")
    assert read + len(errors) + sum(1 for f in files if f["status"] == "duplicate") == COUNT

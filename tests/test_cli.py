"""The ``ita`` command line: output, errors as one line per file, never a traceback."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.conftest import DATA, real_pdf

BROKEN = DATA / "broken"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("command", ["text", "tables", "extract", "audit", "batch"])
def test_every_command_has_help(runner: CliRunner, command: str) -> None:
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) > 3


def test_text_prints_pages_with_kinds(runner: CliRunner) -> None:
    pdf = real_pdf("word2007-procurement-analysis-2562.pdf")
    result = runner.invoke(main, ["text", str(pdf), "--pages", "1"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("=== page 1 [text]")
    assert "สำนักงานสาธารณสุขอำเภอหนองใหญ่" in lines
    assert "=== page 2" not in result.output


def test_text_scanned_pages_are_marked(runner: CliRunner) -> None:
    result = runner.invoke(main, ["text", str(real_pdf("scanned-staff-guideline-memo.pdf")), "--no-ocr"])
    assert result.exit_code == 0
    headers = [line for line in result.output.splitlines() if line.startswith("=== page")]
    assert len(headers) == 4
    assert all("[scanned]" in h for h in headers)
    assert result.output.splitlines() == headers  # OCR off: no text under them


def test_text_reads_scanned_pages_by_ocr(runner: CliRunner) -> None:
    result = runner.invoke(main, ["text", str(real_pdf("scanned-staff-guideline-memo.pdf")), "--pages", "1"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("=== page 1 [scanned]")
    thai = sum(1 for ch in result.output if "\u0e01" <= ch <= "\u0e5b")
    assert len(lines) > 10 and thai > 300, result.output[:500]


@pytest.mark.parametrize("name", ["zero-byte.pdf", "not-a-pdf.pdf", "encrypted.pdf", "missing.pdf"])
@pytest.mark.parametrize("command", ["text", "tables"])
def test_bad_file_one_line_error(runner: CliRunner, command: str, name: str) -> None:
    path = BROKEN / name
    result = runner.invoke(main, [command, str(path)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1
    assert errors[0].startswith(f"error: {path}: ")
    assert "Traceback" not in result.output + result.stderr


def test_bad_page_range_is_an_error(runner: CliRunner) -> None:
    pdf = real_pdf("word2007-procurement-staff-guideline-2563.pdf")
    result = runner.invoke(main, ["text", str(pdf), "--pages", "3-4"])
    assert result.exit_code == 1
    assert "bad page range: page 3 is outside 1-1" in result.stderr


def test_one_bad_file_does_not_stop_the_rest(runner: CliRunner) -> None:
    good = real_pdf("word2007-procurement-staff-guideline-2563.pdf")
    result = runner.invoke(main, ["text", str(BROKEN / "zero-byte.pdf"), str(good)])
    assert result.exit_code == 1
    assert "ประจำปีงบประมาณ พ.ศ. ๒๕๖๓" in result.stdout  # IT๙ draws 2563 as ๒๕๖๓
    assert "zero-byte.pdf: is empty" in result.stderr


def test_tables_csv_and_json(runner: CliRunner, tmp_path: Path) -> None:
    pdf = real_pdf("word2007-procurement-analysis-2562.pdf")
    out = tmp_path / "out"
    result = runner.invoke(main, ["tables", str(pdf), "-o", str(out), "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    index = out / "word2007-procurement-analysis-2562.tables.csv"
    raw = index.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV must carry a BOM so Excel shows Thai"
    rows = list(csv.DictReader(index.read_text(encoding="utf-8-sig").splitlines()))
    assert rows, "the real Word report has ruled tables"
    for row in rows:
        assert (out / row["file"]).exists()
        assert 0.0 <= float(row["quality"]) <= 1.0
        assert row["strategy"] in {"lines", "text"}
    result = runner.invoke(main, ["tables", str(pdf), "-o", str(out), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads((out / "word2007-procurement-analysis-2562.tables.json").read_text("utf-8"))
    assert len(data["tables"]) == len(rows)
    first = data["tables"][0]
    assert {"page", "box", "quality", "rows", "cells"} <= set(first)
    assert all(len(c["box"]) == 4 for c in first["cells"] if c["box"])
    assert not list(out.glob("*.tmp")), "no half-written files are left behind"


def test_tables_csv_to_stdout_is_real_csv(runner: CliRunner) -> None:
    pdf = real_pdf("word2007-procurement-analysis-2562.pdf")
    result = runner.invoke(main, ["tables", str(pdf), "--pages", "6"])
    assert result.exit_code == 0, result.stderr
    body = [line for line in result.stdout.splitlines() if not line.startswith("# ")]
    rows = list(csv.reader(body))
    assert ["ลำดับ", "หมวด", "วงเงินที่จ่าย (บาท)", "ร้อยละ"] in rows

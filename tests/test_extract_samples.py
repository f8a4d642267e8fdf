"""One test per sample: the extracted record against the expected record written by hand.

``samples/<name>.expected.json`` was written from the documents, not from this program's output
(see ``samples/EXPECTED.md``).  Document fields, indicator scores, pages and periods must match
exactly; action text fields must reach 95 % (rapidfuzz ratio after whitespace normalisation), as
the issue's "done" line says.  Every record must validate against the published schema.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from pipeline.compare import Comparison, compare
from schemas.record import SCHEMA_PATH
from tests.conftest import SAMPLES, extracted

ALL_EXPECTED = sorted(SAMPLES.glob("*.expected.json"))
#: Scanned twins (and the mixed PDF) are held to the OCR thresholds in tests/test_ocr.py.
EXPECTED = [p for p in ALL_EXPECTED if "-scanned" not in p.name and not p.name.startswith("mixed-")]


@cache
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def validate(record: dict[str, Any]) -> None:
    errors = sorted(validator().iter_errors(record), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def mismatch_report(result: Comparison) -> str:
    return "\n".join(f"{m.where}: expected {m.expected!r}, got {m.got!r}" for m in result.mismatches)


def _name(path: Path) -> str:
    return path.name.removesuffix(".expected.json")


def test_every_sample_has_an_expected_record() -> None:
    pdfs = {p.stem for p in SAMPLES.glob("*.pdf")}
    assert pdfs and pdfs == {_name(p) for p in ALL_EXPECTED}


@pytest.mark.parametrize("expected_path", EXPECTED, ids=_name)
def test_sample_matches_expected(expected_path: Path) -> None:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    record = extracted(_name(expected_path))
    validate(record)
    result = compare(expected, record)
    report = mismatch_report(result)
    for group in (
        "document",
        "indicators",
        "indicator_pages",
        "periods",
        "action_rows",
        "action_fields",
        "checks",
    ):
        assert result.rate(group) == 1.0, f"{group}: {result.counts.get(group)}\n{report}"
    assert result.text_rate >= 0.95, report
    worst = min(result.text_scores, default=100.0)
    assert worst >= 80, f"an action text field is far off ({worst:.0f}%)\n{report}"

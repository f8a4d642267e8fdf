"""Held-out documents (tests/data/unseen/): never tuned against, in both layouts and in prose.

The issue's bar: on documents it has never seen, the extractor still finds all ten indicators and
their scores.  The document facts are checked too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.extract import extract
from tests.conftest import DATA
from tests.test_extract_samples import validate

UNSEEN = DATA / "unseen"
EXPECTED = sorted(UNSEEN.glob("*.expected.json"))


def test_there_are_unseen_documents() -> None:
    assert len(EXPECTED) >= 3


@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_unseen_document_gives_all_ten_scores(expected_path: Path) -> None:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    record = extract(expected_path.with_name(expected_path.name.replace(".expected.json", ".pdf"))).to_dict()
    validate(record)
    year = expected["document"]["assessed_year"]
    got = {i["number"]: i["score"] for i in record["indicators"] if i["year"] == year}
    assert got == {i["number"]: i["score"] for i in expected["indicators"]}
    for name, value in expected["document"].items():
        assert record["document"][name] == value, name

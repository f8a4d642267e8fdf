"""The text layer and tables of each sample (LibreOffice exports of ITA measures documents).

Expected facts come from the sample's own source, ``samples/src/<name>.json``: the text that was
typed into the document, not the program's output.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from extractors.thai.quality import thai_defects
from extractors.thai.text import arabic_digits_to_thai
from pipeline import read_tables, read_text
from schemas import PageKind, PageText, Table
from tests.conftest import SAMPLES

SOURCES = sorted((SAMPLES / "src").glob("*.json"))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@cache
def extracted(name: str) -> tuple[tuple[PageText, ...], tuple[Table, ...]]:
    pdf = SAMPLES / f"{name}.pdf"
    return tuple(read_text(pdf)), tuple(read_tables(pdf))


def source(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_sample(src: Path) -> None:
    doc = source(src)
    pages, tables = extracted(doc["name"])
    assert {p.kind for p in pages} == {PageKind.TEXT}

    text = "\n".join(p.text for p in pages)
    cells = [c.text for t in tables for c in t.cells]
    assert thai_defects(text + "\n".join(cells)) == {}

    # The agency's name and every score are read exactly as typed (Thai or Arabic digits).
    facts = doc["facts"]
    assert facts["agency"] in squash(text)
    for result in facts["results"]:
        for score in [*result["scores"], result["overall"]]:
            forms = [f"{score:.2f}"] + ([f"{score:.0f}"] if score == int(score) else [])
            forms += [arabic_digits_to_thai(f) for f in forms]
            assert any(re.search(f"(?<![\\d๐-๙.]){re.escape(f)}(?![\\d๐-๙])", text) for f in forms), forms

    # Every table's header cells, wrapped in narrow columns, are joined back exactly.
    found = {squash(c) for c in cells}
    for block in doc["blocks"]:
        if block["type"] == "table":
            for column in block["columns"]:
                assert squash(column["header"]) in found, column["header"]

    # A table over several pages is marked as continuing, with its header repeated.
    later = [t for t in tables if t.page > min(t.page for t in tables)]
    assert all(t.header_repeated for t in later if t.continues_previous)

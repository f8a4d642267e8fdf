"""OCR's visual lines of a scanned page, saved in ``tests/data/ocr_lines`` (see its files' ``source``)."""

from __future__ import annotations

import json

from schemas import BBox, Line, PageKind, PageText, Word
from tests.conftest import DATA


def saved_page(name: str, number: int) -> PageText:
    """The page saved as ``name`` (a JSON file's stem), numbered ``number``, as a scanned page."""
    saved = json.loads((DATA / "ocr_lines" / f"{name}.json").read_text(encoding="utf-8"))
    lines = []
    for words in saved["lines"]:
        ws = tuple(Word(t, t, BBox(x0, top, x1, bottom), conf) for t, x0, top, x1, bottom, conf in words)
        box = BBox(
            min(w.box.x0 for w in ws),
            min(w.box.top for w in ws),
            max(w.box.x1 for w in ws),
            max(w.box.bottom for w in ws),
        )
        lines.append(Line(" ".join(w.text for w in ws), "", box, ws))
    return PageText(number, saved["width"], saved["height"], PageKind.SCANNED, lines=lines)

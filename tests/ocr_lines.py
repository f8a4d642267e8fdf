"""OCR's visual lines of a scanned page, saved in ``tests/data/ocr_lines`` (see its files' ``source``)."""

from __future__ import annotations

import json

from schemas import BBox, Line, PageKind, PageText, Word
from tests.conftest import DATA


def saved_page(name: str, number: int) -> PageText:
    """The page saved as ``name`` (a JSON file's stem), numbered ``number``, as a scanned page; each
    line's box is its words' union unless the file saves OCR's own (``line_boxes``, ``line_texts``)."""
    saved = json.loads((DATA / "ocr_lines" / f"{name}.json").read_text(encoding="utf-8"))
    lines = []
    for k, words in enumerate(saved["lines"]):
        ws = tuple(Word(t, t, BBox(x0, top, x1, bottom), conf) for t, x0, top, x1, bottom, conf in words)
        box = BBox(
            min(w.box.x0 for w in ws),
            min(w.box.top for w in ws),
            max(w.box.x1 for w in ws),
            max(w.box.bottom for w in ws),
        )
        text = " ".join(w.text for w in ws)
        if "line_boxes" in saved:  # the line's own box (OCR's: its letters' core, not its marks)
            box, text = BBox(*saved["line_boxes"][k]), saved["line_texts"][k]
        lines.append(Line(text, text if "line_texts" in saved else "", box, ws))
    return PageText(number, saved["width"], saved["height"], PageKind.SCANNED, lines=lines)

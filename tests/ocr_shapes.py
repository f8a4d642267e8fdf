"""Lines built by hand in the shapes OCR gives them, for tests that need no Tesseract."""

from __future__ import annotations

from schemas import BBox, Line, Word


def ocr_line(*words: tuple[str, float, float, float, float]) -> Line:
    """A line of words ``(text, x0, top, x1, bottom)`` in points, each read at confidence 0.9."""
    ws = tuple(Word(t, t, BBox(x0, top, x1, bottom), 0.9) for t, x0, top, x1, bottom in words)
    box = ws[0].box
    for w in ws[1:]:
        box = box.union(w.box)
    return Line(" ".join(w.text for w in ws), " ".join(w.text for w in ws), box, ws, confidence=0.9)

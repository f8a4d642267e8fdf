"""A photographed bar chart whose values OCR mostly did not read, the last bar's number lost too.

Fresh c78 s429 photo: over the axis ``1 2 … 9`` (its ``10`` not read) OCR read the values of five
bars; the others stood lower, over shorter bars, and were never read.  The recovery of lost values
looked for their ink only when 60% of the places held a value read, and the place of the tenth
bar, whose number OCR lost as well, was no place at all: the chart kept five of its ten scores.
Here the page is drawn at 72 dpi (a pixel a point): the ink of the unread values, and of the
number ``10`` on the axis's row.
"""

from __future__ import annotations

import numpy as np

from extractors.ocr.lost_values import recover_lost_values
from schemas import BBox, Line, Word

PITCH = 30
VALUES = ["78.71", "77.26", "77.63", "62.64", "56.63", "75.64", "54.21", "55.40", "69.02", "73.21"]
READ = {0, 1, 2, 5, 6}  # the places whose value OCR read
TOPS = [100, 100, 100, 130, 134, 100, 140, 136, 112, 110]


def _word(text: str, x0: float, top: float, width: float, height: float = 6) -> Word:
    return Word(text, text, BBox(x0, top, x0 + width, top + height), 0.9)


def _centre(place: int) -> float:
    return 40 + PITCH * place


def _page() -> tuple[list[Line], np.ndarray]:
    binary = np.zeros((220, 380), np.uint8)
    for place, top in enumerate(TOPS):  # each value's four digits, and its bar under it
        x = int(_centre(place)) - 8
        for dx in (0, 4, 9, 13):
            binary[top : top + 6, x + dx : x + dx + 3] = 255
        binary[top + 10 : 180, x - 4 : x + 20] = 255
    axis_words = [_word(str(k + 1), _centre(k) - 2, 190, 4) for k in range(9)]
    x = int(_centre(9)) - 4
    binary[190:196, x : x + 2] = 255  # the 10 OCR did not read
    binary[190:196, x + 4 : x + 8] = 255
    values = tuple(_word(VALUES[p], _centre(p) - 8, TOPS[p], 16) for p in sorted(READ))
    lines = [
        Line(" ".join(w.text for w in values), "", BBox(32, 100, 228, 146), values),
        Line(" ".join(w.text for w in axis_words), "", BBox(38, 190, 282, 196), tuple(axis_words)),
    ]
    return lines, binary


def _reader(box: BBox) -> tuple[str, float | None]:
    place = round(((box.x0 + box.x1) / 2 - 40) / PITCH)
    return VALUES[place], 0.8


def test_the_values_over_the_unread_places_and_past_the_axis_are_found() -> None:
    lines, binary = _page()
    out, doubts = recover_lost_values(lines, binary, 72, _reader)
    found = {w.text for line in out for w in line.words}
    assert {VALUES[p] for p in range(10) if p not in READ} <= found
    axis = max(out, key=lambda line: line.box.top)
    assert [w.text for w in axis.words][-1] == "10"
    assert all(d.text in found for d in doubts)

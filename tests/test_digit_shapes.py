"""The page's own digits tell an unsure digit from its look-alike (``digit_glyphs.PageShapes``)."""

from __future__ import annotations

import numpy as np

from extractors.ocr.digit_glyphs import SIDE, Glyph, PageShapes, normalise, number_runs


def _shape(seed: int, noise: int = 0) -> bytes:
    """A glyph-like image (strokes at places fixed by ``seed``), with ``noise`` pixels flipped."""
    rng = np.random.RandomState(seed)
    ink = np.zeros((30, 24), np.uint8)
    for _ in range(4):
        y, x = int(rng.randint(0, 24)), int(rng.randint(0, 18))
        ink[y : y + 6, x : x + 6] = 255
    if noise:  # pixels flipped inside the ink's box, which stays the same
        ys, xs = np.nonzero(ink)
        flip = np.random.RandomState(1000 + noise)
        for _ in range(noise):
            y, x = int(flip.randint(ys.min() + 1, ys.max())), int(flip.randint(xs.min() + 1, xs.max()))
            ink[y, x] ^= 255
    return normalise(ink).tobytes()


SIX, TWO, FIVE = 1, 2, 3


def _page() -> PageShapes:
    shapes = PageShapes()
    trusted = [
        Glyph("๖", 0, 10, 0.93, 0.15, "๒", _shape(SIX, 3)),
        Glyph("๒", 0, 10, 0.92, 0.16, "๖", _shape(TWO, 3)),
        Glyph("๕", 0, 10, 0.91, 0.05, "๔", _shape(FIVE, 3)),
    ]
    shapes.learn(trusted)
    return shapes


def test_an_unsure_digit_takes_the_label_of_the_page_digits_it_resembles() -> None:
    """A ``๖`` whose templates hardly prefer it to ``๒`` (``๒๕๒๒`` for ``๒๕๖๖``) is a ``๖`` when the
    page's own ``๖`` is its shape; the run built of it says the page decided."""
    unsure = Glyph("๒", 20, 30, 0.74, 0.006, "๖", _shape(SIX, 6))
    assert not unsure.trusted
    decided = _page().decide(unsure)
    assert decided.label == "๖" and decided.trusted and decided.by_page
    sure = Glyph("๒", 0, 10, 0.9, 0.2, "๖", _shape(TWO, 5))
    run = number_runs([sure, Glyph("๕", 11, 19, 0.9, 0.1, "๔", _shape(FIVE, 5)), decided])[0]
    assert run.text == "๒๕๖" and run.trusted and run.by_page


def test_the_page_chooses_only_between_the_two_best_templates() -> None:
    """The page's digits may only choose between the template reader's two best labels: a glyph
    whose templates say ``๒`` or ``๓`` stays unsure even if it looks like the page's ``๖``."""
    unsure = Glyph("๒", 20, 30, 0.74, 0.006, "๓", _shape(SIX, 6))
    assert _page().decide(unsure) == unsure


def test_a_look_alike_the_page_has_not_shown_is_not_decided() -> None:
    """When the page has shown no ``๒`` with trust, nothing says the glyph is not one."""
    shapes = PageShapes()
    six = Glyph("๖", 0, 10, 0.93, 0.15, "๒", _shape(SIX))
    shapes.learn([six, Glyph("๕", 0, 10, 0.9, 0.1, "๔", _shape(FIVE))])
    unsure = Glyph("๒", 20, 30, 0.74, 0.006, "๖", _shape(SIX, 6))
    assert shapes.decide(unsure) == unsure


def test_a_digit_whose_runner_up_is_a_letter_is_not_decided() -> None:
    """The page shows no letters: it cannot tell a ``7`` from the letter it may be."""
    unsure = Glyph("๖", 20, 30, 0.74, 0.006, "L", _shape(SIX, 6))
    assert _page().decide(unsure) == unsure


def test_unlike_every_page_digit_an_unsure_glyph_stays_unsure() -> None:
    unsure = Glyph("๒", 20, 30, 0.74, 0.006, "๖", _shape(99))
    assert _page().decide(unsure) == unsure


def test_only_trusted_digits_read_from_the_templates_are_learnt() -> None:
    shapes = PageShapes()
    shapes.learn(
        [
            Glyph("๖", 0, 10, 0.74, 0.006, "๒", _shape(SIX)),  # unsure
            Glyph("๒", 0, 10, 0.9, 0.1, "๖", _shape(TWO), by_page=True),  # decided by the page itself
            Glyph(".", 0, 10, 1.0, 1.0),  # told by size and place
        ]
    )
    assert shapes.examples == {}
    assert len(normalise(np.zeros((3, 3), np.uint8))) == SIDE * SIDE

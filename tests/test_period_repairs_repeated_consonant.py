"""A month's first consonant that the Thai model reads three times over its one glyph (issue 14,
draw 207's c89 scan200, Laksaman: ``ก.ค. 66`` read ``nA. 66`` first and ``กถก.ค.66`` by the Thai
model alone, whichever way it is read again): the look-alikes read are one glyph, and the one of
them that makes a month is a candidate, kept with a doubt."""

from __future__ import annotations

from extractors.ita.period_repairs import candidates, doubled_consonants, parses
from extractors.ocr.fields import settle


def test_a_consonant_read_thrice_as_look_alikes_is_read_once() -> None:
    assert doubled_consonants("กถก.ค.66") == "ก.ค.66"
    assert [c for c in candidates("กถก.ค.66") if parses(c)] == ["ก.ค.66"]


def test_consonants_that_are_no_look_alikes_are_left_as_read() -> None:
    assert doubled_consonants("กขก.ค.66") == "กขก.ค.66"  # ข is no look-alike of ก


def test_the_repair_is_kept_with_the_readings_for_a_doubt() -> None:
    reading, others = settle(("nA. 66", "nA. 66", 0.96), [lambda: ("กถก.ค.66", "กถก.ค.66", 0.95)])
    assert reading[0] == "ก.ค.66" and others == ["nA. 66", "กถก.ค.66"]  # the doubt names both

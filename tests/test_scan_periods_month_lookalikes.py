"""A month's abbreviation in a Norasi scan at 150 dpi: ``ก.ย.`` read ``กุป.`` (its dot read as the
mark ``ุ``, ``ย``'s body read as ``ป``).  The look-alike consonants are glyph evidence; one month
alone must be so near, and the reading is a candidate kept with a doubt (issue 14)."""

from __future__ import annotations

import datetime

from extractors.ita.period_repairs import candidates, lookalike_months, parses
from extractors.ita.periods import parse_period


def test_a_month_whose_consonant_is_read_as_its_look_alike_is_a_candidate() -> None:
    text = "๑ ต.ค. ๒๕๖๒ - ๓๐ กุป. ๒๕๖๓"
    assert not parses(text)
    found = [c for c in candidates(text) if parses(c)]
    assert found
    parsed = parse_period(found[0], 2563)
    assert (parsed.start, parsed.end) == (datetime.date(2019, 10, 1), datetime.date(2020, 9, 30))


def test_a_pair_near_no_month_or_an_era_stays_as_read() -> None:
    assert lookalike_months("ป.ย. ๖๖") == "ป.ย. ๖๖"  # no month is one look-alike away
    assert lookalike_months("พ.ศ. ๒๕๖๖") == "พ.ศ. ๒๕๖๖"

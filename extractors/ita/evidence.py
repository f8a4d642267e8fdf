"""Is this an ITA measures document?  The evidence for it, each kind found or missing.

A measures table alone is not enough: procurement announcements, anti-bribery follow-ups, ethics
action plans and anti-corruption reports have tables of measures too.  A document reads as an ITA
measures document when it has one of:

- **indicators**: scores for at least half of the ten ITA indicators, in its opening pages;
- **result**: an overall score or level stated in its opening pages, in a paragraph (or the heading
  before it) that names the ITA (``ITA``, ``การประเมินคุณธรรมและความโปร่งใส``, ``Integrity and
  Transparency``), or printed in an indicator table's total row;
- **title**: a title that names the ITA or its measures (``มาตรการส่งเสริมคุณธรรมและความโปร่งใส``,
  ``การประเมินคุณธรรมและความโปร่งใส``, ``ITA``), together with a measures table, indicator scores
  or a result (a memo that only asks for ITA documents names them too).

The opening pages are the first :data:`OPENING_PAGES` pages with text: an ITA measures document
opens with its analysis of the result (after a cover at most); a long plan that quotes ITA results
in a chapter of its own is about something else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from extractors.ita.facts import Passage
from schemas import PageText
from schemas.record import Action, DocumentFacts, Indicator

#: How many of the first pages with text hold an ITA document's analysis: a cover announcement, a
#: contents page and an introduction may come before the result and the indicator scores.
OPENING_PAGES = 5
#: Indicator scores that make an ITA analysis: half of the ten or more (fewer may be quotes).
MIN_INDICATORS = 5
#: Words that name the ITA.
_RE_ITA = re.compile(
    r"(?<![A-Za-z])ITA(?![A-Za-z])|การประเมินคุณธรรมและความโปร่งใส|Integrity\s+and\s+Transparency|"
    r"มาตรการส่งเสริมคุณธรรมและความโปร่งใส|ประเมินคุณธรรมและความโปร่งใส"
)


def names_ita(text: str | None) -> str | None:
    """The words in ``text`` that name the ITA, or None.

    >>> names_ita("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2567")
    'มาตรการส่งเสริมคุณธรรมและความโปร่งใส'
    >>> names_ita("ผลการประเมิน (ITA) ปี 2566"), names_ita("มาตรการป้องกันการทุจริตในการจัดซื้อจัดจ้าง")
    ('ITA', None)
    """
    m = _RE_ITA.search(text or "")
    return m.group(0) if m else None


@dataclass(frozen=True, slots=True)
class Evidence:
    """What was looked for and what was found (None: not found)."""

    indicators: int  #: indicators scored in the opening pages
    result: str | None  #: the overall score or level statement tied to the ITA, as printed
    title: str | None  #: the words of the title that name the ITA
    measures: int  #: rows of measures tables
    opening: tuple[int, ...]  #: the page numbers looked at for indicators and the result
    later: int = 0  #: indicators scored only after the opening pages (not evidence; reported)

    @property
    def is_ita(self) -> bool:
        content = self.measures > 0 or self.indicators > 0 or self.result is not None
        return (
            self.indicators >= MIN_INDICATORS
            or self.result is not None
            or (self.title is not None and content)
        )

    def found(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.indicators:
            out["indicators"] = self.indicators
        if self.result:
            out["result"] = self.result
        if self.title:
            out["title"] = self.title
        if self.measures:
            out["measures"] = self.measures
        if self.later:
            out["indicators_after_opening"] = self.later
        return out

    def missing(self) -> list[str]:
        out = []
        if self.indicators < MIN_INDICATORS:
            out.append("indicators")
        if self.result is None:
            out.append("result")
        if self.title is None:
            out.append("title")
        if not self.measures:
            out.append("measures")
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"found": self.found(), "missing": self.missing(), "opening_pages": list(self.opening)}


def opening_pages(pages: Sequence[PageText]) -> tuple[int, ...]:
    """The numbers of the first :data:`OPENING_PAGES` pages that have text."""
    return tuple(p.number for p in pages if p.lines)[:OPENING_PAGES]


def gather(
    pages: Sequence[PageText],
    passages: Sequence[Passage],
    facts: DocumentFacts,
    indicators: Sequence[Indicator],
    actions: Sequence[Action],
    table_result: bool = False,
) -> Evidence:
    """The evidence of one interpreted document (``table_result``: its overall was read from an
    indicator table's total row)."""
    opening = opening_pages(pages)
    scored = {i.number for i in indicators if i.score is not None and i.page in opening}
    later = {i.number for i in indicators if i.score is not None} - scored
    titles = [facts.title, *(str(c.value) for c in facts.candidates.get("title", []))]
    title = next((w for t in titles if (w := names_ita(t))), None)
    result = _result(facts, passages, opening, table_result)
    return Evidence(len(scored), result, title, len(actions), opening, len(later))


def _result(
    facts: DocumentFacts, passages: Sequence[Passage], opening: Sequence[int], table_result: bool
) -> str | None:
    for name in ("overall_score", "level"):
        source = facts.sources.get(name)
        if source is None or source.page not in opening:
            continue
        if table_result and name == "overall_score":
            return source.raw or str(facts.overall_score)
        for k, passage in enumerate(passages):
            if passage.page == source.page and passage.box == source.box:
                around = " ".join(p.text for p in passages[max(0, k - 1) : k + 1])
                if names_ita(around):
                    return source.raw
                break
    return None

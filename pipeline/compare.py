"""Compare an extracted record with a hand-written expected record, field by field.

Used by the sample tests and by ``bench/accuracy.py``, so both count the same way:

- **document fields** and **indicators** (number, year, score, page, and the ``previous`` year's
  score where the expected record gives one) and **periods** (start, end) must match exactly;
- **action text fields** (issue, measure, steps, results, responsible, follow-up, period text) are
  scored with rapidfuzz's ratio after whitespace is normalised (lists joined by newlines), so a
  stray space costs a little and a wrong cell costs a lot;
- actions are matched in order (the n-th row against the n-th row): a missing or extra row counts
  against every one of its fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from schemas.record import FACT_FIELDS

DOCUMENT_FIELDS = FACT_FIELDS
ACTION_TEXT_FIELDS = ("issue", "measure", "steps", "results", "responsible", "follow_up")
ACTION_EXACT_FIELDS = ("indicator_numbers", "inherited", "page")


@dataclass
class Mismatch:
    where: str
    expected: Any
    got: Any


@dataclass
class Comparison:
    """Counts per group (matched, total) and what did not match."""

    counts: dict[str, list[int]] = field(default_factory=dict)
    text_scores: list[float] = field(default_factory=list)  #: action text field ratios, 0–100
    mismatches: list[Mismatch] = field(default_factory=list)

    def add(self, group: str, ok: bool, where: str, expected: Any, got: Any) -> None:
        tally = self.counts.setdefault(group, [0, 0])
        tally[0] += int(ok)
        tally[1] += 1
        if not ok:
            self.mismatches.append(Mismatch(where, expected, got))

    def rate(self, group: str) -> float:
        ok, total = self.counts.get(group, [0, 0])
        return ok / total if total else 1.0

    @property
    def text_rate(self) -> float:
        """Mean ratio of the action text fields, 0–1."""
        return sum(self.text_scores) / len(self.text_scores) / 100 if self.text_scores else 1.0


def _norm(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = "\n".join(str(v) for v in value)
    return " ".join(str(value).split())


def text_ratio(expected: Any, got: Any) -> float:
    """rapidfuzz ratio (0–100) of two values after whitespace normalisation; both empty is 100.

    >>> text_ratio("ระยะเวลา ดำเนินการ", "ระยะเวลา  ดำเนินการ"), text_ratio(None, ""), text_ratio(["ก"], None)
    (100.0, 100.0, 0.0)
    """
    a, b = _norm(expected), _norm(got)
    if not a and not b:
        return 100.0
    return float(fuzz.ratio(a, b))


def _same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is b
    return abs(float(a) - float(b)) < 1e-9


def compare(expected: dict[str, Any], got: dict[str, Any]) -> Comparison:
    """Compare ``got`` (a record's ``to_dict()``) with ``expected`` (a ``.expected.json``)."""
    result = Comparison()
    exp_doc, got_doc = expected["document"], got["document"]
    for name in DOCUMENT_FIELDS:
        if name not in exp_doc:
            continue
        e, g = exp_doc[name], got_doc.get(name)
        ok = _same_number(e, g) if name == "overall_score" else e == g
        result.add("document", ok, f"document.{name}", e, g)

    got_inds = {(i["year"], i["number"]): i for i in got["indicators"]}
    exp_keys = set()
    for ind in expected["indicators"]:
        key = (ind["year"], ind["number"])
        exp_keys.add(key)
        found = got_inds.get(key)
        where = f"indicator {ind['number']} ({ind['year']})"
        result.add(
            "indicators",
            found is not None and _same_number(ind["score"], found["score"]),
            f"{where} score",
            ind["score"],
            found and found["score"],
        )
        if "previous" in ind:  # another year's score given as context for this indicator
            got_prev = (found or {}).get("previous") or {}
            exp_prev = ind["previous"]
            result.add(
                "indicator_previous",
                got_prev.get("year") == exp_prev["year"]
                and _same_number(exp_prev["score"], got_prev.get("score")),
                f"{where} previous",
                exp_prev,
                got_prev or None,
            )
        if "page" in ind:
            result.add(
                "indicator_pages",
                found is not None and found["page"] == ind["page"],
                f"{where} page",
                ind["page"],
                found and found["page"],
            )
    for key in sorted(set(got_inds) - exp_keys, key=lambda k: (k[0] or 0, k[1])):
        result.add(
            "indicators", False, f"indicator {key[1]} ({key[0]}) not expected", None, got_inds[key]["score"]
        )

    exp_actions, got_actions = expected["actions"], got["actions"]
    for n in range(max(len(exp_actions), len(got_actions))):
        e = exp_actions[n] if n < len(exp_actions) else None
        g = got_actions[n] if n < len(got_actions) else None
        where = f"action {n + 1}"
        result.add(
            "action_rows", e is not None and g is not None, f"{where} row", e is not None, g is not None
        )
        for name in ACTION_TEXT_FIELDS:
            score = text_ratio(e and e.get(name), g and g.get(name)) if e and g else 0.0
            result.text_scores.append(score)
            if score < 95:
                result.mismatches.append(
                    Mismatch(f"{where}.{name} ({score:.0f}%)", e and e.get(name), g and g.get(name))
                )
        for name in ACTION_EXACT_FIELDS:
            result.add(
                "action_fields",
                bool(e and g and e.get(name) == g.get(name)),
                f"{where}.{name}",
                e and e.get(name),
                g and g.get(name),
            )
        e_period = (e or {}).get("period") or {}
        g_period = (g or {}).get("period") or {}
        result.text_scores.append(text_ratio(e_period.get("text"), g_period.get("text")) if e and g else 0.0)
        for name in ("start", "end"):
            result.add(
                "periods",
                bool(e and g and e_period.get(name) == g_period.get(name)),
                f"{where}.period.{name}",
                e_period.get(name),
                g_period.get(name),
            )

    if "checks" in expected:
        got_codes = sorted({c["code"] for c in got["checks"]})
        result.add(
            "checks", sorted(set(expected["checks"])) == got_codes, "checks", expected["checks"], got_codes
        )
    return result

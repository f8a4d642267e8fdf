"""Measures written as paragraphs, not as a table: each one an action like a table row's.

The layout, as documents write it::

    มาตรการที่ ๑ การเปิดเผยข้อมูลสาธารณะ              ← heading: the measure
    ประเด็นที่ต้องพัฒนา: ตัวชี้วัดที่ ๙ …                ← labelled paragraphs, any order
    วิธีการดำเนินการ:
    (๑) ตรวจสอบข้อมูลบนเว็บไซต์                       ← steps, one item per marker
    (๒) ปรับปรุงข้อมูลทุกเดือน
    ผู้รับผิดชอบ: สำนักปลัด / กองคลัง
    ระยะเวลาดำเนินการ: ต.ค. ๖๖ - ก.ย. ๖๗
    การติดตามผล: รายงานผลทุกไตรมาส

- **Headings** are lines that start ``มาตรการที่ N`` (``มาตรการที่ 1:``), or numbered lines (``1.``,
  ``๒)``) set in bold, when a labelled paragraph follows before the next heading.
- **Labels** are the words before a colon, or a line's first word, that name a measures-table
  column (:func:`extractors.ita.headers.field_scores`): the same wordings as table headers.
- A measure has two labelled fields at least, one of them steps, responsible units or period.
- A line without a label goes on the field above; after a one-line field (responsible units, period)
  or a wider gap than the text's line spacing, it ends the measure's fields.  Page numbers and
  running headers are no lines of the text: a measure goes on over the page break.
- Fields are split as table cells are: steps and results into items, units at ``/`` and ``และ``,
  periods by :func:`extractors.ita.periods.parse_period`; each field keeps the page, box and raw
  text of its lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from extractors.ita.actions import indicator_numbers, split_items
from extractors.ita.headers import field_scores
from extractors.ita.periods import parse_period
from extractors.ita.vocabulary import split_units
from extractors.thai.page_furniture import is_page_number, running_lines
from extractors.thai.text import join_wrapped_lines
from schemas import Line, PageText, Table
from schemas.record import Action, Period, Provenance

#: ``มาตรการที่ N``; OCR may lose the tone mark or the vowel (``มาตรการที 3``, ``มาตรการท ๓``),
#: read the number's Thai digit as a sign alone (``มาตรการที่ «`` for ``มาตรการที่ ๔``) or lose it
#: (``มาตรการ ท ส่งเสริม…``): the words say it still.  ``มาตรการที่ต้อง…``, ``มาตรการทาง…`` are prose.
_HEADING = re.compile(
    r"^\s*มาตรการ\s*ท[ีิ]?\s*่?\s*(?:[0-9๐-๙]{1,2}|[«»“”\"'`‘’^~*#@&%$§](?=\s)|(?<=\s)(?=[ก-ฮเ-ไ]))"
)
_NUMBERED = re.compile(r"^\s*[0-9๐-๙]{1,2}\s*[.)]\s*\S")
_FIELDS = ("issue", "measure", "steps", "results", "responsible", "period", "follow_up")
#: Fields written on one line: a line after them without a label is not theirs.
_ONE_LINE = frozenset({"responsible", "period"})
#: A measure needs this many labelled fields, one of them among :data:`_CORE` (a numbered heading
#: with one labelled paragraph under it is a report's section, not a measure).
_MIN_LABELS = 2
_CORE = frozenset({"steps", "responsible", "period"})
#: Label scores from this on name a field (a whole wording, or most of a combined one).
_LABEL_SCORE = 82.0
#: A gap wider than this many line heights ends the measure's fields.
_MAX_GAP = 1.2


@dataclass
class _Measure:
    heading: tuple[int, Line]
    more: list[tuple[int, Line]] = field(default_factory=list)  #: the heading's wrapped lines
    lines: dict[str, list[tuple[int, Line, str]]] = field(default_factory=dict)


def label_of(text: str) -> tuple[str, str] | None:
    """The field a labelled line names and the text after its label, or None.

    >>> label_of("ผู้รับผิดชอบ: สำนักปลัด / กองคลัง")
    ('responsible', 'สำนักปลัด / กองคลัง')
    >>> label_of("ระยะเวลาดำเนินการ ต.ค. ๖๖ - ก.ย. ๖๗")
    ('period', 'ต.ค. ๖๖ - ก.ย. ๖๗')
    >>> label_of("วิธีการดำเนินการ:"), label_of("(๑) ตรวจสอบข้อมูล")
    (('steps', ''), None)
    """
    head, colon, rest = text.partition(":")
    candidates = [(head, rest)] if colon and len(head) <= 40 else []
    first, _, after = text.strip().partition(" ")
    candidates.append((first, after))
    for label, value in candidates:
        scores = field_scores(label.strip())
        best = max(scores.items(), key=lambda p: p[1], default=None)
        if best and best[0] in _FIELDS and best[0] != "measure" and best[1] >= _LABEL_SCORE:
            return best[0], value.strip()
    return None


def _bold(line: Line, page: PageText) -> bool:
    inside = [
        c
        for c in page.chars
        if c.text.strip()
        and line.box.contains_point((c.box.x0 + c.box.x1) / 2, c.baseline - 0.3 * c.size, 1.0)
    ]
    return bool(inside) and sum("bold" in c.font.lower() for c in inside) >= 0.8 * len(inside)


def _lines(pages: Sequence[PageText], tables: Sequence[Table]) -> list[tuple[PageText, Line]]:
    """The body lines outside tables, in reading order: page numbers and running headers and
    footers left out (a measure's fields go on over the page break past them)."""
    # a running header only two pages carry (a three-page document with a cover) is no part of
    # the measure it interrupts; a title repeated once counts too, which ends no measure's text
    running = running_lines(pages) | running_lines(pages, MARGIN_SHARE, SAME_PLACE, others=1)
    out: list[tuple[PageText, Line]] = []
    for page in pages:
        boxes = [t.box for t in tables if t.page == page.number]
        for i, line in enumerate(page.lines):
            if (page.number, i) in running or is_page_number(line.text):
                continue
            cx, cy = (line.box.x0 + line.box.x1) / 2, (line.box.top + line.box.bottom) / 2
            if not any(b.contains_point(cx, cy, 1.0) for b in boxes):
                out.append((page, line))
    return out


#: A running header only two pages carry stands in this top or bottom share of the page, at the
#: same place (height and left edge) within this share of the page, on both.
MARGIN_SHARE = 0.1
SAME_PLACE = 0.01


def _heading(page: PageText, line: Line) -> bool:
    return bool(_HEADING.match(line.text)) or (bool(_NUMBERED.match(line.text)) and _bold(line, page))


def find_measures(pages: Sequence[PageText], tables: Sequence[Table]) -> list[_Measure]:
    """The measures written as headings with labelled paragraphs, in reading order."""
    found: list[_Measure] = []
    current: _Measure | None = None
    field_name: str | None = None
    previous: Line | None = None
    body = _lines(pages, tables)
    last_on_page = {page.number: line for page, line in body}
    closed: tuple[_Measure, int] | None = None  #: a measure an unlabelled line at a page's foot ended
    for page, line in body:
        gap = line.box.top - previous.box.bottom if previous is not None else 0.0
        # line boxes follow the ink: a short line without tall marks (``งาน``) is lower than the
        # text's line height, so the taller of the two lines measures the gap
        height = max(line.box.height, previous.box.height if previous is not None else 0.0, 1.0)
        wide = previous is not None and gap > _MAX_GAP * height
        previous = line
        # a heading with nothing labelled under it yet may wrap onto a numbered line; a
        # ``มาตรการที่ N`` line is a heading of its own (the one before was a section's title)
        pending = current is not None and field_name is None and not current.lines
        if _heading(page, line) and (not pending or _HEADING.match(line.text)):
            current = _Measure((page.number, line))
            found.append(current)
            field_name = None
            continue
        labelled = label_of(line.text)
        if current is None and closed is not None and labelled is not None:
            # a signature or a stamp read as a line at the foot of the page ended the measure:
            # the next page goes on with fields it does not have yet
            measure, closed_page = closed
            if page.number == closed_page + 1 and labelled[0] not in measure.lines:
                current = measure
        if current is None:
            closed = None
            continue
        if labelled is not None:
            field_name = labelled[0]
            current.lines.setdefault(field_name, []).append((page.number, line, labelled[1]))
            continue
        if field_name is None or field_name in _ONE_LINE or wide:
            field_name = None
            if not current.lines and not wide and len(current.more) < 2:
                current.more.append((page.number, line))  # the heading wraps
                continue
            closed = (current, page.number) if last_on_page[page.number] is line else None
            current = None
            continue
        current.lines[field_name].append((page.number, line, line.text))
    return [m for m in found if len(m.lines) >= _MIN_LABELS and set(m.lines) & _CORE]


def actions_from_paragraphs(
    pages: Sequence[PageText], tables: Sequence[Table], fiscal_year: int | None, first_row: int = 1
) -> list[Action]:
    """The actions of the measures written as paragraphs, numbered from ``first_row``."""
    out: list[Action] = []
    for measure in find_measures(pages, tables):
        heading_page, heading = measure.heading
        values = {f: "\n".join(t for _p, _l, t in measure.lines.get(f, []) if t.strip()) for f in _FIELDS}
        values["measure"] = join_wrapped_lines(
            [heading.text, *(ln.text for _p, ln in measure.more)],
            [heading.ends_with_space, *(ln.ends_with_space for _p, ln in measure.more)],
        )
        sources = {
            f: [Provenance(p, line.box, line.raw) for p, line, _t in measure.lines[f]]
            for f in _FIELDS
            if measure.lines.get(f)
        }
        sources["measure"] = [Provenance(p, ln.box, ln.raw) for p, ln in [measure.heading, *measure.more]]
        period_text = " ".join(values["period"].split()) or None
        parsed = parse_period(period_text, fiscal_year) if period_text else None
        period = Period(period_text)
        if parsed is not None and parsed.start is not None:
            period = Period(period_text, None if parsed.rule == "deadline" else parsed.start, parsed.end)
        link = values["issue"] or values["measure"]
        pages_used = sorted({s.page for ss in sources.values() for s in ss})
        out.append(
            Action(
                row=first_row + len(out),
                issue=values["issue"] or None,
                measure=values["measure"] or None,
                steps=split_items(values["steps"]),
                results=split_items(values["results"]),
                responsible=split_units(values["responsible"].replace("\n", " / ")),
                period=period,
                follow_up=values["follow_up"] or None,
                indicator_numbers=indicator_numbers(link),
                inherited=[],
                page=heading_page,
                pages=pages_used,
                sources=sources,
            )
        )
    return out

"""The audit as one self-contained HTML file (and its CSV tables beside it).

The page has a batch overview (documents, completeness distribution, the most frequent findings,
each indicator's score distribution, the rules and the completeness formula) and one collapsed
``<details>`` section per document with its findings, its values and the page each came from.
Charts are inline SVG drawn here; the only script is a small inline filter.  Nothing is fetched:
no external URL appears in the file, so it works offline, and Thai is set in the reader's own
fonts (Sarabun, Laksaman, Noto Sans Thai, then any sans-serif).  Every value is escaped.
"""

from __future__ import annotations

import html
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from extractors.ita.vocabulary import BY_NUMBER
from pipeline.audit.folder import AuditResult, DocumentAudit, document_rows, finding_rows
from pipeline.audit.rules import (
    COMPLETENESS_EQUATION,
    COMPLETENESS_NOTE,
    COMPLETENESS_NOTE_TH,
    COMPLETENESS_PARTS,
    LOW_CONFIDENCE,
    RULES,
    SEVERITY_TH,
    Finding,
    fmt,
    has_follow_up,
    has_unit,
    linked_indicators,
)
from pipeline.output import write_atomic, write_csv
from schemas.record import Action, ExtractionRecord, Severity

FONT_STACK = '"Sarabun", "Laksaman", "Noto Sans Thai", sans-serif'
SEVERITY_COLOURS = {Severity.ERROR: "#b3261e", Severity.WARNING: "#b26a00", Severity.INFO: "#1f6fb2"}
#: Measure texts are cut to this many characters in the report (the CSV and the record keep them whole).
CLIP = 90

_CSS = """
*{box-sizing:border-box}
body{font-family:%(font)s;margin:0;color:#1d1d1f;background:#f6f6f4;line-height:1.55;font-size:15px}
header,main{max-width:1180px;margin:0 auto;padding:0 18px}
header{padding-top:18px}
h1{font-size:1.55em;margin:.2em 0}
h2{font-size:1.2em;margin:1.4em 0 .4em;border-bottom:2px solid #ddd;padding-bottom:.15em}
h3{font-size:1em;margin:.9em 0 .3em}
.en{color:#555}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
.card{background:#fff;border:1px solid #ddd;border-radius:8px;padding:8px 14px;min-width:130px}
.card b{display:block;font-size:1.5em}
.card.error b{color:%(error)s}.card.warning b{color:%(warning)s}.card.info b{color:%(info)s}
svg{max-width:100%%;height:auto;font-family:%(font)s}
.panel{background:#fff;border:1px solid #ddd;border-radius:8px;padding:10px;margin:8px 0}
.formula{background:#fff;border-left:4px solid #888;padding:6px 12px;font-size:.93em}
.formula ul{margin:.3em 0;padding-left:1.4em}
table{border-collapse:collapse;width:100%%;background:#fff;font-size:.92em}
th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#efefec;font-weight:600}
td.n,th.n{text-align:right;white-space:nowrap}
.sev{display:inline-block;border-radius:4px;padding:0 6px;color:#fff;font-size:.85em;white-space:nowrap}
.sev.error{background:%(error)s}.sev.warning{background:%(warning)s}.sev.info{background:%(info)s}
.filters{position:sticky;top:0;z-index:2;background:#f6f6f4;padding:8px 0;display:flex;flex-wrap:wrap;gap:8px;
  align-items:center;border-bottom:1px solid #ddd}
.filters input,.filters select{font:inherit;padding:3px 6px}
.filters input{flex:1;min-width:220px}
details.doc{background:#fff;border:1px solid #ddd;border-radius:6px;margin:4px 0}
details.doc>summary{cursor:pointer;padding:5px 10px;list-style-position:inside}
details.doc[open]>summary{border-bottom:1px solid #ddd;background:#fafaf8}
details.doc>div{padding:6px 12px 12px}
.cs{display:inline-block;min-width:3.2em;text-align:center;border-radius:4px;color:#fff;font-weight:600}
.cs.lo{background:#b3261e}.cs.mid{background:#b26a00}.cs.hi{background:#2e7d32}
.cnt{font-size:.85em;margin-left:6px;white-space:nowrap}
.cnt.error{color:%(error)s}.cnt.warning{color:%(warning)s}.cnt.info{color:%(info)s}
.meta{color:#666;font-size:.88em;margin-left:6px}
.miss{background:#fdecea}
.low{background:#fff4d6}
.pg{color:#777;font-size:.8em;white-space:nowrap}
button.code{font:inherit;font-size:.9em;border:1px solid #bbb;background:#fff;border-radius:4px;
  cursor:pointer}
.note{color:#666;font-size:.88em}
"""

_SCRIPT = """
(function(){
var box=document.getElementById('docs');
var docs=Array.prototype.slice.call(box.children);
var q=document.getElementById('q'),sev=document.getElementById('sev'),code=document.getElementById('code');
var sort=document.getElementById('sort'),shown=document.getElementById('shown');
function attr(d,k){return d.getAttribute(k)||'';}
function apply(){
  var t=q.value.trim().toLowerCase(),s=sev.value,c=code.value,n=0;
  for(var i=0;i<docs.length;i++){
    var d=docs[i],ok=true;
    if(t&&attr(d,'data-q').indexOf(t)<0)ok=false;
    else if(s==='e'&&attr(d,'data-e')==='0')ok=false;
    else if(s==='w'&&attr(d,'data-w')==='0')ok=false;
    else if(s==='none'&&attr(d,'data-c')!=='')ok=false;
    else if(c&&(' '+attr(d,'data-c')+' ').indexOf(' '+c+' ')<0)ok=false;
    d.hidden=!ok;if(ok)n++;
  }
  shown.textContent=n+' / '+docs.length;
}
function order(){
  var k=sort.value;
  docs.sort(function(a,b){
    if(k==='id')return attr(a,'data-id')<attr(b,'data-id')?-1:1;
    if(k==='errors')return (+attr(b,'data-e'))-(+attr(a,'data-e'))||(+attr(a,'data-s'))-(+attr(b,'data-s'));
    return (+attr(a,'data-s'))-(+attr(b,'data-s'))||(attr(a,'data-id')<attr(b,'data-id')?-1:1);
  });
  var f=document.createDocumentFragment();
  for(var i=0;i<docs.length;i++)f.appendChild(docs[i]);
  box.appendChild(f);
}
var timer=null;
q.addEventListener('input',function(){clearTimeout(timer);timer=setTimeout(apply,150);});
sev.addEventListener('change',apply);code.addEventListener('change',apply);
sort.addEventListener('change',function(){order();apply();});
var buttons=document.querySelectorAll('button[data-code]');
for(var i=0;i<buttons.length;i++)buttons[i].addEventListener('click',function(){
  code.value=this.getAttribute('data-code');sev.value='';q.value='';apply();
  document.getElementById('documents').scrollIntoView();
});
function fill(d){
  var div=d.querySelector('div'),tpl=d.querySelector('script');
  if(div&&tpl&&!div.firstChild)div.innerHTML=tpl.textContent;
}
document.addEventListener('toggle',function(e){
  var d=e.target;if(d.tagName==='DETAILS'&&d.open&&d.classList.contains('doc'))fill(d);
},true);
function openHash(){
  var id=decodeURIComponent(location.hash.slice(1)),d=id&&document.getElementById(id);
  if(!d||d.tagName!=='DETAILS')return;
  d.hidden=false;d.open=true;fill(d);
  var r=d.getBoundingClientRect();
  if(r.top<0||r.top>window.innerHeight)d.scrollIntoView();
}
window.addEventListener('hashchange',openHash);
apply();openHash();
document.documentElement.setAttribute('data-ready-ms',String(Math.round(performance.now())));
})();
"""


def esc(value: object) -> str:
    """Text for HTML, quotes included.

    >>> esc('<b title="x">ก & ข</b>')
    '&lt;b title=&quot;x&quot;&gt;ก &amp; ข&lt;/b&gt;'
    >>> esc(None)
    ''
    """
    return "" if value is None else html.escape(str(value), quote=True)


def clip(text: str | None, limit: int = CLIP) -> str:
    """Text cut to about ``limit`` characters (one line), with an ellipsis when cut; never between a
    Thai letter and its marks, nor after a leading vowel.

    >>> clip("มาตรการ\\nป้องกันการทุจริต", 12), clip(None)
    ('มาตรการ ป้อ…', '')
    >>> clip("มาตรการ ป้องกันการทุจริต", 10), clip("ให้บริการ", 2)
    ('มาตรการ…', '…')
    """
    flat = " ".join((text or "").split())
    if len(flat) <= limit:
        return flat
    cut = limit - 1
    while cut > 0 and (unicodedata.category(flat[cut]) in ("Mn", "Mc") or flat[cut - 1] in "เแโใไ"):
        cut -= 1
    return flat[:cut].rstrip() + "…"


def band(score: float) -> str:
    """CSS class of a completeness score.

    >>> band(42.0), band(79.9), band(80)
    ('lo', 'mid', 'hi')
    """
    return "lo" if score < 50 else "mid" if score < 80 else "hi"


def histogram(values: Iterable[float], edges: Sequence[float]) -> list[int]:
    """Counts of ``values`` in the bins ``[edges[i], edges[i+1])``; the last bin includes its top.

    >>> histogram([0, 9.99, 10, 55, 100], [0, 10, 50, 100])
    [2, 1, 2]
    """
    counts = [0] * (len(edges) - 1)
    for v in values:
        for i in range(len(counts)):
            last = i == len(counts) - 1
            if edges[i] <= v < edges[i + 1] or (last and v == edges[-1]):
                counts[i] += 1
                break
    return counts


# --- charts ---------------------------------------------------------------------------------------


def bar_chart_svg(counts: Sequence[int], labels: Sequence[str], title: str, colour: str = "#1f6fb2") -> str:
    """A vertical bar chart with a count over each bar."""
    width, height, left, bottom, top = 640, 220, 36, 34, 26
    plot_w, plot_h = width - left - 10, height - bottom - top
    peak = max(max(counts, default=0), 1)
    step = plot_w / max(len(counts), 1)
    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{esc(title)}"><title>{esc(title)}</title>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 10}" y2="{top + plot_h}" stroke="#999"/>',
    ]
    for i, (n, label) in enumerate(zip(counts, labels, strict=True)):
        h = plot_h * n / peak
        x = left + i * step + step * 0.12
        y = top + plot_h - h
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{step * 0.76:.1f}" height="{h:.1f}" fill="{colour}"/>'
            f'<text x="{x + step * 0.38:.1f}" y="{y - 4:.1f}" font-size="12" text-anchor="middle">{n}</text>'
            f'<text x="{x + step * 0.38:.1f}" y="{height - 14}" font-size="11" text-anchor="middle">'
            f"{esc(label)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def hbar_chart_svg(rows: Sequence[tuple[str, int, str]], title: str) -> str:
    """Horizontal bars: ``(label, count, colour)`` per row, the count at the bar's end."""
    label_w, bar_w, row_h = 300, 300, 22
    width, height = label_w + bar_w + 60, row_h * max(len(rows), 1) + 8
    peak = max((n for _, n, _ in rows), default=1) or 1
    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{esc(title)}"><title>{esc(title)}</title>'
    ]
    for i, (label, n, colour) in enumerate(rows):
        y = 4 + i * row_h
        w = bar_w * n / peak
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" font-size="12" text-anchor="end">{esc(label)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 8}" fill="{colour}"/>'
            f'<text x="{label_w + w + 4:.1f}" y="{y + 15}" font-size="12">{n}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


#: Score bins of the indicator charts: under 50, then steps of 5 up to 100.
SCORE_EDGES = [0.0, *range(50, 101, 5)]
SCORE_LABELS = ["<50", *(str(e) for e in range(50, 100, 5))]


def indicator_charts_svg(scores: dict[int, list[float]]) -> str:
    """Ten small histograms, one per indicator, with n and the median."""
    cols, panel_w, panel_h = 5, 232, 150
    rows = (len(BY_NUMBER) + cols - 1) // cols
    width, height = cols * panel_w, rows * panel_h
    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        'aria-label="indicator score distributions"><title>คะแนนรายตัวชี้วัด · indicator scores</title>'
    ]
    for k, number in enumerate(sorted(BY_NUMBER)):
        ox, oy = (k % cols) * panel_w, (k // cols) * panel_h
        values = scores.get(number, [])
        counts = histogram(values, SCORE_EDGES)
        peak = max(max(counts, default=0), 1)
        med = f"มัธยฐาน {statistics.median(values):.2f}" if values else "ไม่มีข้อมูล"
        parts.append(
            f'<text x="{ox + 6}" y="{oy + 14}" font-size="12" font-weight="600">'
            f"{number}. {esc(BY_NUMBER[number].name)}</text>"
            f'<text x="{ox + 6}" y="{oy + 29}" font-size="11" fill="#555">n={len(values)} · {esc(med)}</text>'
            f'<line x1="{ox + 6}" y1="{oy + 128}" x2="{ox + panel_w - 10}" y2="{oy + 128}" stroke="#999"/>'
        )
        step = (panel_w - 16) / len(counts)
        for i, n in enumerate(counts):
            h = 88 * n / peak
            x = ox + 6 + i * step
            colour = "#b3261e" if SCORE_EDGES[i] < 85 else "#2e7d32" if SCORE_EDGES[i] >= 90 else "#b26a00"
            if n:
                parts.append(
                    f'<rect x="{x + 1:.1f}" y="{oy + 128 - h:.1f}" width="{step - 2:.1f}" height="{h:.1f}" '
                    f'fill="{colour}"><title>{SCORE_LABELS[i]}: {n}</title></rect>'
                )
        for i in (0, 4, 8):
            parts.append(
                f'<text x="{ox + 6 + i * step + step / 2:.1f}" y="{oy + 142}" font-size="10" '
                f'text-anchor="middle" fill="#555">{SCORE_LABELS[i]}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


# --- the page -------------------------------------------------------------------------------------


def _sev_badge(severity: Severity) -> str:
    return f'<span class="sev {severity.value}">{SEVERITY_TH[severity]} · {severity.value}</span>'


def _page(page: int | None) -> str:
    return "—" if page is None else str(page)


def _findings_table(findings: Sequence[Finding]) -> str:
    if not findings:
        return '<p class="note">ไม่มีข้อค้นพบ · no findings</p>'
    rows = "".join(
        f"<tr><td>{_sev_badge(f.severity)}</td><td>{esc(f.code)}</td><td class=n>{_page(f.page)}</td>"
        f'<td>{esc(f.th)}<br><span class="en">{esc(f.en)}</span></td></tr>'
        for f in findings
    )
    return (
        "<table><tr><th>ระดับ · severity</th><th>รหัส · code</th><th class=n>หน้า · page</th>"
        f"<th>ข้อค้นพบ · finding</th></tr>{rows}</table>"
    )


_FACT_LABELS = (
    ("title", "ชื่อเรื่อง · title"),
    ("agency", "หน่วยงาน · agency"),
    ("district", "อำเภอ · district"),
    ("province", "จังหวัด · province"),
    ("fiscal_year", "ปีงบประมาณ · fiscal year"),
    ("assessed_year", "ปีที่ประเมิน · assessed year"),
    ("overall_score", "คะแนนรวม · overall"),
    ("level", "ระดับ · level"),
)


def _facts_table(rec: ExtractionRecord) -> str:
    doc = rec.document
    cells = []
    for name, label in _FACT_LABELS:
        value = getattr(doc, name)
        source = doc.sources.get(name)
        shown = fmt(value) if name == "overall_score" and value is not None else value
        cls = ' class="miss"' if value is None and name != "title" else ""
        page = f' <span class="pg">น.{source.page}</span>' if source else ""
        cells.append(f"<tr><th>{label}</th><td{cls}>{esc('—' if shown is None else shown)}{page}</td></tr>")
    kinds = Counter(k.value for k in rec.source.page_kinds)
    pages = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    cells.append(
        f"<tr><th>ไฟล์ · file</th><td>{esc(rec.source.file)} "
        f'<span class="pg">{rec.source.pages} หน้า/pages ({esc(pages)})</span></td></tr>'
    )
    return f"<table>{''.join(cells)}</table>"


def _indicators_table(rec: ExtractionRecord) -> str:
    if not rec.indicators:
        return '<p class="note">ไม่พบคะแนนตัวชี้วัด · no indicator scores</p>'
    years = sorted({i.year for i in rec.indicators}, key=lambda y: (y is None, y or 0))
    head = "".join(f"<th class=n>{n}</th>" for n in sorted(BY_NUMBER))
    rows = []
    for year in years:
        by_number = {i.number: i for i in rec.indicators if i.year == year}
        cells = []
        for n in sorted(BY_NUMBER):
            ind = by_number.get(n)
            if ind is None or ind.score is None:
                cells.append('<td class="n miss">—</td>')
                continue
            low = ind.confidence is not None and ind.confidence < LOW_CONFIDENCE
            cls = "n low" if low else "n"
            mark = "?" if low else ""
            cells.append(
                f'<td class="{cls}">{fmt(ind.score)}{mark}<br><span class="pg">น.{ind.page}</span></td>'
            )
        rows.append(f"<tr><th>{esc(year if year is not None else '?')}</th>{''.join(cells)}</tr>")
    return f"<table><tr><th>ปี · year</th>{head}</tr>{''.join(rows)}</table>"


def _period(act: Action) -> str:
    text = esc(act.period.text or "—")
    start, end = act.period.start, act.period.end
    if start or end:
        dates = f"{start.isoformat() if start else '…'} – {end.isoformat() if end else '…'}"
        text += f'<br><span class="pg">{dates}</span>'
    return text


def _actions_table(rec: ExtractionRecord) -> str:
    if not rec.actions:
        return '<p class="note">ไม่พบตารางมาตรการ · no measures table</p>'
    rows = []
    for act in rec.actions:
        pages = ",".join(str(p) for p in (act.pages or [act.page]))
        unit_cls = "" if has_unit(act) else ' class="miss"'
        period_cls = "" if act.period.start or act.period.end else ' class="miss"'
        follow = "✓" if has_follow_up(act) else "—"
        follow_cls = "" if has_follow_up(act) else ' class="miss"'
        linked = ",".join(str(n) for n in sorted(linked_indicators(act))) or "—"
        rows.append(
            f"<tr><td class=n>{act.row}</td><td class=n>{pages}</td>"
            f"<td>{esc(clip(act.measure or act.issue or (act.steps[0] if act.steps else '')))}</td>"
            f"<td{unit_cls}>{esc(', '.join(act.responsible) or '—')}</td><td{period_cls}>{_period(act)}</td>"
            f"<td{follow_cls}>{follow}</td><td>{linked}</td></tr>"
        )
    return (
        "<table><tr><th class=n>แถว · row</th><th class=n>หน้า · page</th><th>มาตรการ · measure</th>"
        "<th>ผู้รับผิดชอบ · responsible</th><th>ระยะเวลา · period</th><th>ติดตามผล · follow-up</th>"
        f"<th>ตัวชี้วัด · indicators</th></tr>{''.join(rows)}</table>"
    )


def doc_anchor(document_id: str) -> str:
    """The HTML id of a document's section: ``report.html#doc-<id>`` opens it.

    >>> doc_anchor("santipatong-2565"), doc_anchor("เทศบาล ก")
    ('doc-santipatong-2565', 'doc-เทศบาล_ก')
    """
    return "doc-" + "_".join(document_id.split())


def document_body(doc: DocumentAudit) -> str:
    """A document's details: findings, completeness, and its values with the page of each."""
    rec, c = doc.record, doc.completeness
    parts = (c.result, c.indicators, c.coverage, c.measures)
    terms = " + ".join(f"{w}×{v:.2f}" for (_, w, _, _), v in zip(COMPLETENESS_PARTS, parts, strict=True))
    return (
        f"<h3>ข้อค้นพบ · findings</h3>{_findings_table(doc.findings)}"
        f'<p class="note">ความครบถ้วน · completeness {c.score:.1f} = {terms} (R, I, C, M)</p>'
        f"<h3>ข้อมูลเอกสาร · document (น. = หน้า · page)</h3>{_facts_table(rec)}"
        f"<h3>คะแนนตัวชี้วัด · indicator scores</h3>{_indicators_table(rec)}"
        f"<h3>มาตรการ · measures</h3>{_actions_table(rec)}"
    )


def document_section(doc: DocumentAudit) -> str:
    """One document: a one-line summary; its details (:func:`document_body`) wait, as inert text
    in a ``<script type="text/html">``, until the section is opened, so 5,000 documents do not
    make 5,000 tables' worth of DOM.  Escaped values hold no ``<``, so the text cannot end the
    script element early."""
    rec, facts, c = doc.record, doc.record.document, doc.completeness
    counts = doc.counts
    codes = " ".join(sorted({f.code for f in doc.findings}))
    search = " ".join(
        str(v)
        for v in (
            rec.document_id,
            rec.source.file,
            facts.agency,
            facts.district,
            facts.province,
            facts.fiscal_year,
        )
        if v
    ).lower()
    name = facts.agency or rec.document_id
    year = f"ปีงบ {facts.fiscal_year}" if facts.fiscal_year else None
    where = " · ".join(str(v) for v in (rec.document_id, facts.province, year) if v)
    badges = "".join(
        f'<span class="cnt {s.value}">{counts[s]} {s.value}</span>' for s in Severity if counts[s]
    )
    body = document_body(doc)
    assert "</script" not in body.lower()
    return (
        f'<details class="doc" id="{esc(doc_anchor(rec.document_id))}" data-id="{esc(rec.document_id)}" '
        f'data-q="{esc(search)}" data-s="{c.score}" data-e="{counts[Severity.ERROR]}" '
        f'data-w="{counts[Severity.WARNING]}" data-c="{esc(codes)}">'
        f'<summary><span class="cs {band(c.score)}">{c.score:.0f}</span> '
        f'<b>{esc(name)}</b><span class="meta">{esc(where)}</span>{badges}</summary>'
        f'<div></div><script type="text/html">{body}</script></details>'
    )


def _overview(result: AuditResult) -> str:
    docs = result.documents
    totals = Counter(f.severity for d in docs for f in d.findings)
    scores = [d.completeness.score for d in docs]
    mean = f"{statistics.fmean(scores):.1f}" if scores else "—"
    median = f"{statistics.median(scores):.1f}" if scores else "—"
    cards = [
        ("", "เอกสาร · documents", str(len(docs))),
        ("", "ความครบถ้วนเฉลี่ย · mean completeness", mean),
        ("", "มัธยฐาน · median", median),
        ("error", "ข้อผิดพลาด · errors", str(totals.get(Severity.ERROR, 0))),
        ("warning", "ข้อควรตรวจสอบ · warnings", str(totals.get(Severity.WARNING, 0))),
        ("info", "ข้อสังเกต · info", str(totals.get(Severity.INFO, 0))),
        ("", "ไฟล์ที่ข้าม · skipped files", str(len(result.skipped))),
    ]
    card_html = "".join(
        f'<div class="card {cls}"><b>{esc(v)}</b>{esc(label)}</div>' for cls, label, v in cards
    )

    edges = [*range(0, 100, 10), 100]
    labels = [f"{e}–{e + 9}" if e < 90 else "90–100" for e in range(0, 100, 10)]
    completeness_svg = bar_chart_svg(
        histogram(scores, edges), labels, "ความครบถ้วน · completeness (documents per band)", "#2e7d32"
    )

    findings_by_code = Counter(f.code for d in docs for f in d.findings)
    docs_by_code = Counter(code for d in docs for code in {f.code for f in d.findings})
    ranked = sorted(docs_by_code, key=lambda code: (-docs_by_code[code], code))
    bars = [(f"{code}", docs_by_code[code], SEVERITY_COLOURS[RULES[code].severity]) for code in ranked[:12]]
    freq_svg = hbar_chart_svg(bars, "ข้อค้นพบที่พบบ่อย · documents per finding") if bars else ""
    freq_rows = "".join(
        f'<tr><td><button class=code data-code="{esc(code)}">{esc(code)}</button></td>'
        f"<td>{_sev_badge(RULES[code].severity)}</td><td>{esc(RULES[code].th)}<br>"
        f'<span class="en">{esc(RULES[code].en)}</span></td>'
        f"<td class=n>{docs_by_code[code]}</td><td class=n>{findings_by_code[code]}</td></tr>"
        for code in ranked
    )
    freq_table = (
        "<table><tr><th>รหัส · code</th><th>ระดับ · severity</th><th>เกณฑ์ · rule</th>"
        f"<th class=n>เอกสาร · documents</th><th class=n>ข้อค้นพบ · findings</th></tr>{freq_rows}</table>"
        if ranked
        else '<p class="note">ไม่มีข้อค้นพบ · no findings</p>'
    )

    scores_by_indicator: dict[int, list[float]] = {n: [] for n in BY_NUMBER}
    for d in docs:
        year = d.record.document.assessed_year
        for ind in d.record.indicators:
            if ind.year == year and ind.score is not None and ind.number in scores_by_indicator:
                scores_by_indicator[ind.number].append(ind.score)

    rules_rows = "".join(
        f"<tr><td>{esc(r.code)}</td><td>{_sev_badge(r.severity)}</td><td>{esc(r.th)}<br>"
        f'<span class="en">{esc(r.en)}</span></td></tr>'
        for r in RULES.values()
    )
    skipped = "".join(f"<tr><td>{esc(s.path)}</td><td>{esc(s.reason)}</td></tr>" for s in result.skipped)
    skipped_html = (
        f"<details><summary>ไฟล์ที่ข้าม · skipped files ({len(result.skipped)})</summary>"
        f"<table><tr><th>ไฟล์ · file</th><th>เหตุผล · reason</th></tr>{skipped}</table></details>"
        if result.skipped
        else ""
    )
    equation = COMPLETENESS_EQUATION.replace("completeness", "ความครบถ้วน · completeness")
    parts = "".join(
        f'<li><b>{k}</b> ({w}): {esc(th)}<br><span class="en">{esc(en)}</span></li>'
        for k, w, th, en in COMPLETENESS_PARTS
    )
    return (
        f'<section id="overview"><h2>ภาพรวม · overview</h2><div class="cards">{card_html}</div>'
        f"<h2>การกระจายของความครบถ้วน · completeness distribution</h2>"
        f'<div class="panel">{completeness_svg}</div>'
        f'<div class="formula"><b>{esc(equation)}</b><ul>{parts}</ul>{esc(COMPLETENESS_NOTE_TH)}'
        f'<br><span class="en">{esc(COMPLETENESS_NOTE)}</span></div>'
        f"<h2>ข้อค้นพบที่พบบ่อย · most frequent findings</h2>"
        f'<div class="panel">{freq_svg}</div>{freq_table}'
        f"<h2>การกระจายคะแนนรายตัวชี้วัด · indicator score distributions (assessed year)</h2>"
        f'<div class="panel">{indicator_charts_svg(scores_by_indicator)}</div>'
        f"<details><summary>เกณฑ์การตรวจทั้งหมด · all rules</summary><table><tr><th>รหัส · code</th>"
        f"<th>ระดับ · severity</th><th>ตรวจว่า · checks that</th></tr>{rules_rows}</table></details>"
        f"{skipped_html}</section>"
    )


def _filters(result: AuditResult) -> str:
    codes = sorted({f.code for d in result.documents for f in d.findings})
    options = "".join(f'<option value="{esc(c)}">{esc(c)}</option>' for c in codes)
    return (
        '<div class="filters">'
        '<input id="q" type="search" '
        'placeholder="ค้นหา หน่วยงาน จังหวัด รหัสเอกสาร · search agency, province, id">'
        '<select id="sev"><option value="">ทุกเอกสาร · all</option>'
        '<option value="e">มีข้อผิดพลาด · with errors</option>'
        '<option value="w">มีข้อควรตรวจสอบ · with warnings</option>'
        '<option value="none">ไม่มีข้อค้นพบ · no findings</option></select>'
        f'<select id="code"><option value="">ทุกรหัส · every code</option>{options}</select>'
        '<select id="sort"><option value="completeness">เรียงตามความครบถ้วน · by completeness</option>'
        '<option value="errors">ตามจำนวนข้อผิดพลาด · by errors</option>'
        '<option value="id">ตามรหัสเอกสาร · by id</option></select>'
        '<span>แสดง · shown <b id="shown"></b></span></div>'
    )


def sorted_documents(docs: Iterable[DocumentAudit]) -> list[DocumentAudit]:
    """Least complete first (what an auditor opens first), then by id."""
    return sorted(docs, key=lambda d: (d.completeness.score, d.record.document_id))


def render_html(result: AuditResult) -> str:
    """The whole report as one HTML string (UTF-8, no external resources)."""
    colours = {s.value: c for s, c in SEVERITY_COLOURS.items()}
    css = _CSS % {"font": FONT_STACK, **colours}
    sections = "".join(document_section(d) for d in sorted_documents(result.documents))
    return (
        '<!DOCTYPE html>\n<html lang="th"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>ตรวจความครบถ้วนเอกสารมาตรการ ITA · ITA completeness audit</title>"
        f"<style>{css}</style></head><body><header>"
        "<h1>รายงานตรวจความครบถ้วนของเอกสารมาตรการ ITA</h1>"
        '<p class="en">ITA measures documents: completeness and consistency audit</p>'
        f'<p class="note">ข้อมูลจาก · records from: {esc(result.folder)} · '
        f"{len(result.documents)} เอกสาร · documents</p></header><main>"
        f"{_overview(result)}"
        f'<section id="documents"><h2>รายเอกสาร · documents</h2>'
        '<p class="note">คลิกที่ชื่อเอกสารเพื่อดูข้อค้นพบ ค่าที่อ่านได้ และหน้าที่พบ · '
        "click a document to see its findings, its values and the page each came from</p>"
        '<noscript><p class="note">เปิดใช้ JavaScript เพื่อดูรายละเอียดของแต่ละเอกสาร (ทุกข้อค้นพบอยู่ใน audit.csv) · '
        "enable JavaScript to see each document's details (audit.csv has every finding)</p></noscript>"
        f'{_filters(result)}<div id="docs">{sections}</div></section></main>'
        f"<script>{_SCRIPT}</script></body></html>\n"
    )


def write_audit(result: AuditResult, html_path: Path) -> list[Path]:
    """Write the HTML report and, beside it, ``audit.csv`` (one row per finding) and
    ``audit-documents.csv`` (one row per document), each atomically; CSV with a BOM for Excel."""
    folder = html_path.parent
    paths = [folder / "audit.csv", folder / "audit-documents.csv", html_path]
    write_csv(paths[0], finding_rows(result))
    write_csv(paths[1], document_rows(result))
    write_atomic(html_path, render_html(result))
    return paths

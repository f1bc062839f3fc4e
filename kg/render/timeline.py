"""The timeline page: agreements, meetings, elections, governments, statements… laid out by date, one lane
per type, drawn as inline SVG generated here (no JavaScript library). Actual events are filled; planned,
hoped-for, proposed and postponed ones hollow and dashed; failed and denied ones dotted grey. Every item has a
plain-text tooltip (SVG ``<title>``) and links to a details entry below the chart with its evidence.

Example:
    >>> item = TimelineItem("https://x/e", "<b>Talks</b>", "Meeting", "2017-10-10")
    >>> page = render_timeline_page([item], "Timeline")
    >>> "&lt;b&gt;Talks&lt;/b&gt;" in page and "<b>Talks</b>" not in page
    True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.analysis import EVENT_KINDS, Facts, in_range
from kg.errors import UsageError
from kg.render.html import esc, render_page
from kg.render.style import NEGATIVE, TENTATIVE, node_style
from kg.render.views import describe_node

#: Lanes in display order: (lane key, caption, kinds drawn in it). Kinds not listed go to "other".
LANES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("agreements", "Agreements", ("Agreement",)),
    ("meetings", "Meetings and talks", ("Meeting", "Consultation", "Mediation")),
    ("proposals", "Proposals", ("Proposal",)),
    ("elections", "Elections", ("Election",)),
    ("governments", "Governments", ("Government", "GovernmentFormation", "SwearingIn")),
    ("statements", "Statements", ("Statement",)),
    ("decrees", "Decrees", ("Decree",)),
    ("control", "Control of territory", ("ControlOfTerritory", "Takeover", "Handover", "Split")),
    ("setbacks", "Stalls, collapses, postponements", ("Stall", "Collapse", "Postponement")),
    ("other", "Other events", ()),
)
LANE_KEYS = tuple(k for k, _, _ in LANES)
_LANE_OF = {kind: key for key, _, kinds in LANES for kind in kinds}

LABEL_COL = 170
ROW = 20
LANE_PAD = 8
TOP = 34
CHAR_PX = 6.4
MAX_TEXT = 38


@dataclass
class TimelineItem:
    """One thing on the timeline; ``end`` makes it an interval (a government's term, a vague date)."""

    iri: str
    label: str
    kind: str
    start: str
    end: str | None = None
    modality: str = "actual"
    details: str = ""
    sources: list[str] = field(default_factory=list)

    @property
    def lane(self) -> str:
        """The lane key of the item's kind."""
        return _LANE_OF.get(self.kind, "other")


def _day(value: str) -> dt.date:
    v = value[:10]
    v = v + "-01-01"[len(v) - 4:] if len(v) < 10 else v
    return dt.date.fromisoformat(v)


def timeline_items(
    facts: Facts, *, since: str | None = None, until: str | None = None, lanes: Iterable[str] | None = None,
) -> list[TimelineItem]:
    """Dated events, agreements and governments (with a start date), in date order; a Signing folded into
    its agreement is drawn as the agreement, the article reports of one consolidated event as that event (one
    item, with every report's evidence and the number of sources)."""
    wanted = set(lanes) if lanes is not None else None
    if wanted is not None and wanted - set(LANE_KEYS):
        raise UsageError(f"unknown timeline type {sorted(wanted - set(LANE_KEYS))[0]!r} ({', '.join(LANE_KEYS)})")
    out = []
    for e in facts.entities.values():
        if e.kind not in (*EVENT_KINDS, "Agreement", "Government") or not e.when or e.reported_by:
            continue  # an article's report of a consolidated event is drawn as that event
        if e.kind == "Signing" and not e.roles and e.first("agreement") in facts.entities:
            continue  # folded into its agreement
        start = e.when
        if not in_range(start, since, until):
            continue
        end = e.first("endDate") if e.kind == "Government" else e.first("latest")
        if e.kind == "Government" and not end:
            end = None
        item = TimelineItem(e.iri, e.label, e.kind, start, end if end and end > start else None,
                            e.modality if e.kind != "Government" else "actual", describe_node(facts, e.iri),
                            e.sources + sorted({a for _, _, a in e.evidence if a}))
        if e.kind == "Government" and not item.end:
            item.details += "\n(in office, no end date recorded)"
        if wanted is None or item.lane in wanted:
            out.append(item)
    out.sort(key=lambda i: (i.start, LANE_KEYS.index(i.lane), i.label, i.iri))
    return out


def _marker(item: TimelineItem, x: float, y: float) -> str:
    colour, _ = node_style(item.kind)
    if item.modality in TENTATIVE:
        paint = f'fill="#fff" stroke="{colour}" stroke-width="2" stroke-dasharray="3 2"'
    elif item.modality in NEGATIVE:
        paint = 'fill="#fff" stroke="#888" stroke-width="2" stroke-dasharray="1 2"'
    else:
        paint = f'fill="{colour}" stroke="#333" stroke-width="1"'
    if item.kind == "Agreement":
        return f'<rect x="{x - 6:.1f}" y="{y - 6:.1f}" width="12" height="12" {paint}/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" {paint}/>'


def render_timeline_svg(items: list[TimelineItem]) -> tuple[str, int]:
    """The SVG of the items (and its width): lanes, year ticks, markers, bars, labels, tooltips."""
    if not items:
        return '<p class="empty">No dated events or agreements in this selection.</p>', 0
    first = _day(min(i.start for i in items))
    last = max(_day(i.end or i.start) for i in items)
    y0, y1 = first.year, last.year + 1
    origin = dt.date(y0, 1, 1)
    days = (dt.date(y1, 1, 1) - origin).days
    plot = min(9000.0, max(1000.0, days * 0.25))
    width = int(LABEL_COL + plot + 40)

    def x_of(d: str) -> float:
        return LABEL_COL + (_day(d) - origin).days / days * plot

    lanes: list[tuple[str, str, list[tuple[TimelineItem, int]]]] = []
    for key, caption, _ in LANES:
        mine = [i for i in items if i.lane == key]
        if not mine:
            continue
        ends: list[float] = []
        placed = []
        for it in mine:
            x = x_of(it.start)
            right = max(x_of(it.end) if it.end else x, x + 13 + CHAR_PX * min(len(it.label), MAX_TEXT))
            row = next((r for r, e in enumerate(ends) if e < x - 4), len(ends))
            if row == len(ends):
                ends.append(right)
            ends[row] = right
            placed.append((it, row))
        lanes.append((key, caption, placed))
    parts = []
    y = TOP
    lane_boxes = []
    for n, (_key, caption, placed) in enumerate(lanes):
        rows = max(r for _, r in placed) + 1
        h = rows * ROW + 2 * LANE_PAD
        lane_boxes.append((y, h, caption, n))
        y += h
    height = y + 24
    for y_top, h, caption, n in lane_boxes:
        fill = "#f4f6f8" if n % 2 == 0 else "#ffffff"
        parts.append(f'<rect x="0" y="{y_top}" width="{width}" height="{h}" fill="{fill}"/>')
        parts.append(f'<text class="lane" x="8" y="{y_top + LANE_PAD + 13}">{esc(caption)}</text>')
    for year in range(y0, y1 + 1):
        x = x_of(f"{year}-01-01")
        parts.append(f'<line x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{height - 20}" class="tick"/>')
        if year < y1 or y1 - y0 < 2:
            parts.append(f'<text class="year" x="{x + 3:.1f}" y="{TOP - 10}">{year}</text>')
            parts.append(f'<text class="year" x="{x + 3:.1f}" y="{height - 6}">{year}</text>')
    index = {id(it): k for k, it in enumerate(items)}
    for (y_top, _h, _c, _n), (_key, _caption, placed) in zip(lane_boxes, lanes, strict=True):
        for it, row in placed:
            cy = y_top + LANE_PAD + row * ROW + ROW / 2
            x = x_of(it.start)
            colour, _ = node_style(it.kind)
            bar = ""
            if it.end:
                x2 = x_of(it.end)
                dash = ' stroke-dasharray="3 2"' if it.modality in TENTATIVE else ""
                bar = (f'<rect x="{x:.1f}" y="{cy - 4:.1f}" width="{max(x2 - x, 1):.1f}" height="8" rx="2" '
                       f'fill="{colour}" fill-opacity="0.3" stroke="{colour}"{dash}/>')
            text = it.label if len(it.label) <= MAX_TEXT else it.label[: MAX_TEXT - 1] + "…"
            tip = f"{it.start}{' – ' + it.end if it.end else ''}\n{it.details}"
            parts.append(
                f'<a href="#item-{index[id(it)]}" class="item"><title>{esc(tip)}</title>{bar}'
                f'{_marker(it, x, cy)}<text x="{x + 9:.1f}" y="{cy + 4:.1f}">{esc(text)}</text></a>'
            )
    svg = (f'<svg width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img" aria-label="timeline">{"".join(parts)}</svg>')
    return svg, width


def _link(url: str) -> str:
    if url.startswith(("https://", "http://")):
        return f'<a href="{esc(url)}" rel="noopener noreferrer nofollow">{esc(url)}</a>'
    return esc(url)


def render_details(items: list[TimelineItem]) -> str:
    """The list under the chart: every item with its date, type, modality, participants and evidence."""
    rows = []
    for k, it in enumerate(items):
        when = it.start + (f" – {it.end}" if it.end else "")
        mod = "" if it.modality == "actual" else f' <span class="mod">{esc(it.modality)}</span>'
        lines = it.details.split("\n")[2:]  # label and kind line are in the heading
        body = "".join(f"<li>{esc(line)}</li>" for line in lines if not line.startswith("Source: "))
        srcs = "".join(f"<li>{_link(s)}</li>" for s in it.sources)
        rows.append(
            f'<li id="item-{k}"><b>{esc(when)}</b> · {esc(it.kind)} · <span class="lbl">{esc(it.label)}</span>{mod}'
            f'<ul>{body}</ul>' + (f'<ul class="src">{srcs}</ul>' if srcs else "") + "</li>"
        )
    return f'<ol class="items">{"".join(rows)}</ol>'


_STYLE = """
#kg-timeline { overflow-x: auto; background: #fff; border-bottom: 1px solid #ddd; }
#kg-timeline svg { display: block; font: 11px system-ui, sans-serif; }
#kg-timeline text { fill: #222; }
#kg-timeline text.lane { font-weight: 600; fill: #333; font-size: 12px; }
#kg-timeline text.year { fill: #666; }
#kg-timeline line.tick { stroke: #d5d9de; }
#kg-timeline a.item:hover text { text-decoration: underline; }
.items { font-size: 13px; margin: 12px 16px 40px 16px; padding-left: 22px; }
.items > li { margin: 6px 0; }
.items li:target { background: #fff3c4; }
.items ul { margin: 2px 0 2px 0; padding-left: 18px; color: #444; font-size: 12px; }
.items .mod { border: 1px dashed #888; padding: 0 4px; border-radius: 3px; font-size: 11px; }
.legend .hollow { background: #fff !important; border-style: dashed !important; }
"""


def render_timeline_page(items: list[TimelineItem], title: str, *, subtitle: str = "") -> str:
    """A self-contained HTML timeline page (returns the text; writing it is the caller's)."""
    svg, _ = render_timeline_svg(items)
    lanes_present = [cap for key, cap, _ in LANES if any(i.lane == key for i in items)]
    legend = (
        '<div class="legend"><span><span class="sw" style="background:#8d99ae"></span>actual</span>'
        '<span><span class="sw hollow"></span>planned, hoped, proposed, postponed</span>'
        '<span><span class="sw hollow" style="border-style:dotted !important"></span>failed, denied</span>'
        '<span><span class="sw" style="background:#ffd166"></span>agreement (square)</span>'
        '<span><span class="sw" style="background:#29a36a;opacity:.5"></span>bar: term or date range</span></div>'
    )
    summary = f"{len(items)} items in {len(lanes_present)} lanes"
    body = f"""<header>
<h1>{esc(title)}</h1>
<p>{esc(subtitle + " · " if subtitle else "")}{esc(summary)}. Hover an item for its details and evidence; click
it to jump to its entry below.</p>
{legend}
</header>
<div id="kg-timeline">{svg}</div>
{render_details(items)}"""
    return render_page(title, body, style=_STYLE, scripts=('window.kgReady("drawn");',))


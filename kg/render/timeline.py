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
from kg.render.text import cut
from kg.render.views import describe_node

#: Lanes in display order: (lane key, caption, kinds drawn in it). Kinds not listed go to "other".
LANES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("agreements", "Agreements and signings", ("Agreement", "Signing")),
    ("meetings", "Meetings and talks", ("Meeting", "Consultation", "Mediation")),
    ("proposals", "Proposals", ("Proposal",)),
    ("elections", "Elections", ("Election",)),
    ("governments", "Governments", ("Government", "GovernmentFormation", "SwearingIn")),
    ("decrees", "Decrees", ("Decree",)),
    ("control", "Control of territory", ("ControlOfTerritory", "Takeover", "Handover", "Split")),
    ("setbacks", "Stalls, collapses, postponements", ("Stall", "Collapse", "Postponement")),
    ("statements", "Statements", ("Statement",)),
    ("other", "Other events", ()),
    ("posts", "Posts held, as reported", ("PostHolding",)),
)
LANE_KEYS = tuple(k for k, _, _ in LANES)
_LANE_OF = {kind: key for key, _, kinds in LANES for kind in kinds}
#: Lanes folded when the page opens (a click on the caption opens them): low-value, repetitive items.
FOLDED = frozenset({"posts"})

MARGIN = 14
ROW = 20
LANE_PAD = 6
AXIS = 22
CHAR_PX = 6.3
MAX_TEXT = 40
PX_PER_DAY = 0.25
#: Rows of labelled items per lane; items that find no room become "+N" chips on one more row.
MAX_ROWS = 5
CHIP_SPAN = 44
MAX_CHIP_LINES = 12


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
    titles: dict[str, str] = field(default_factory=dict)  # source → article headline, where known

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
                            e.sources + sorted({a for _, _, a in e.evidence if a}),
                            {a: t for _, t, a in e.evidence if a and t})
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


@dataclass
class Scale:
    """Dates to x pixels: whole years from the first item's to the last one's, PX_PER_DAY wide."""

    first_year: int
    last_year: int

    @classmethod
    def of(cls, items: list[TimelineItem]) -> Scale:
        """The years the items span (intervals to their end)."""
        return cls(_day(min(i.start for i in items)).year, max(_day(i.end or i.start) for i in items).year + 1)

    @property
    def days(self) -> int:
        return (dt.date(self.last_year, 1, 1) - dt.date(self.first_year, 1, 1)).days

    @property
    def plot(self) -> float:
        return min(9000.0, max(1000.0, self.days * PX_PER_DAY))

    @property
    def width(self) -> int:
        return int(2 * MARGIN + self.plot + 30)

    def x(self, date: str) -> float:
        return MARGIN + (_day(date) - dt.date(self.first_year, 1, 1)).days / self.days * self.plot


@dataclass
class LaneLayout:
    """Where a lane's items go: labelled rows, then one row of "+N" chips for what found no room."""

    rows: list[tuple[TimelineItem, int, str]] = field(default_factory=list)  # item, row, label text
    chips: list[list[TimelineItem]] = field(default_factory=list)

    @property
    def height(self) -> int:
        used = max((r for _, r, _ in self.rows), default=-1) + 1 + (1 if self.chips else 0)
        return used * ROW + 2 * LANE_PAD


def pack_lane(items: list[TimelineItem], scale: Scale, max_rows: int = MAX_ROWS) -> LaneLayout:
    """First-fit rows in date order (fewest rows for the labels); at most ``max_rows``, the rest in chips.

    Example:
        >>> its = [TimelineItem(f"i{k}", f"Talks {k}", "Meeting", "2017-10-1" + str(k)) for k in range(4)]
        >>> lay = pack_lane(its, Scale(2017, 2018), max_rows=2)
        >>> [r for _, r, _ in lay.rows], [[i.label for i in c] for c in lay.chips]
        ([0, 1], [['Talks 2', 'Talks 3']])
    """
    out = LaneLayout()
    ends: list[float] = []
    chip_x = -1e9
    for it in items:
        x = scale.x(it.start)
        text = cut(it.label, MAX_TEXT, words=True)
        right = max(scale.x(it.end) if it.end else x, x + 13 + CHAR_PX * len(text))
        row = next((r for r, e in enumerate(ends) if e < x - 4), len(ends))
        if row < max_rows:
            ends[row:row + 1] = [right]
            out.rows.append((it, row, text))
        elif out.chips and x < chip_x + CHIP_SPAN:
            out.chips[-1].append(it)
        else:
            out.chips.append([it])
            chip_x = x
    return out


def _item_link(k: int, tip: str, inner: str) -> str:
    return f'<a href="#item-{k}" class="item"><title>{esc(tip)}</title>{inner}</a>'


def _tip(it: TimelineItem) -> str:
    return f"{it.start}{' – ' + it.end if it.end else ''}\n{it.details}"


def _ticks(scale: Scale, height: int) -> str:
    return "".join(f'<line x1="{scale.x(f"{y}-01-01"):.1f}" y1="0" x2="{scale.x(f"{y}-01-01"):.1f}" '
                   f'y2="{height}" class="tick"/>' for y in range(scale.first_year, scale.last_year + 1))


def render_axis(scale: Scale) -> str:
    """The row of year labels (and their ticks) above and below the lanes."""
    years = "".join(f'<text class="year" x="{scale.x(f"{y}-01-01") + 3:.1f}" y="15">{y}</text>'
                    for y in range(scale.first_year, scale.last_year + (1 if scale.last_year - scale.first_year < 2
                                                                          else 0)))
    return (f'<svg class="axis" width="{scale.width}" height="{AXIS}" viewBox="0 0 {scale.width} {AXIS}" '
            f'aria-hidden="true">{_ticks(scale, AXIS)}{years}</svg>')


def render_lane_svg(lay: LaneLayout, scale: Scale, index: dict[int, int], caption: str) -> str:
    """One lane: year ticks, then each item as marker (and bar for an interval) with its label and tooltip,
    then the "+N" chips whose tooltips list the items they stand for."""
    h = lay.height
    parts = [_ticks(scale, h)]
    for it, row, text in lay.rows:
        cy = LANE_PAD + row * ROW + ROW / 2
        x = scale.x(it.start)
        colour, _ = node_style(it.kind)
        bar = ""
        if it.end:
            dash = ' stroke-dasharray="3 2"' if it.modality in TENTATIVE else ""
            bar = (f'<rect x="{x:.1f}" y="{cy - 4:.1f}" width="{max(scale.x(it.end) - x, 1):.1f}" height="8" '
                   f'rx="2" fill="{colour}" fill-opacity="0.3" stroke="{colour}"{dash}/>')
        parts.append(_item_link(index[id(it)], _tip(it), f'{bar}{_marker(it, x, cy)}'
                                f'<text x="{x + 9:.1f}" y="{cy + 4:.1f}">{esc(text)}</text>'))
    cy = h - LANE_PAD - ROW / 2
    for chip in lay.chips:
        x = scale.x(chip[0].start)
        if len(chip) == 1:
            parts.append(_item_link(index[id(chip[0])], _tip(chip[0]), _marker(chip[0], x, cy)))
            continue
        lines = [f"{len(chip)} more: {chip[0].start} to {chip[-1].start} (click for the first; all are listed "
                 "below the chart)"]
        lines += [f"{it.start}  {cut(it.label, 90)}" for it in chip[:MAX_CHIP_LINES]]
        if len(chip) > MAX_CHIP_LINES:
            lines.append(f"… and {len(chip) - MAX_CHIP_LINES} more")
        w = 14 + CHAR_PX * len(str(len(chip)))
        parts.append(_item_link(index[id(chip[0])], "\n".join(lines),
                                f'<rect class="chip" x="{x - 6:.1f}" y="{cy - 7:.1f}" width="{w:.1f}" height="14" '
                                f'rx="7"/><text class="chip" x="{x - 1:.1f}" y="{cy + 4:.1f}">+{len(chip)}</text>'))
    return (f'<svg width="{scale.width}" height="{h}" viewBox="0 0 {scale.width} {h}" role="img" '
            f'aria-label="{esc(caption)}">{"".join(parts)}</svg>')


def render_lanes(items: list[TimelineItem]) -> str:
    """The chart: a year axis, then one foldable block per lane (caption with its counts, and its SVG)."""
    if not items:
        return '<p class="empty">No dated events or agreements in this selection.</p>'
    scale = Scale.of(items)
    index = {id(it): k for k, it in enumerate(items)}
    blocks = [render_axis(scale)]
    for key, caption, _ in LANES:
        mine = [i for i in items if i.lane == key]
        if not mine:
            continue
        lay = pack_lane(mine, scale)
        hidden = sum(len(c) for c in lay.chips)
        count = f"{len(mine)} item{'s' if len(mine) != 1 else ''}"
        if hidden:
            count += f", {hidden} in +N chips"
        if key in FOLDED:
            count += "; folded, click to open"
        blocks.append(
            f'<details class="lane" data-lane="{key}"{"" if key in FOLDED else " open"}>'
            f'<summary><b>{esc(caption)}</b> <span class="count">{esc(count)}</span></summary>'
            f'{render_lane_svg(lay, scale, index, caption)}</details>')
    blocks.append(render_axis(scale))
    return f'<div id="kg-lanes" style="width:{scale.width}px">{"".join(blocks)}</div>'


def _link(url: str, text: str = "") -> str:
    if url.startswith(("https://", "http://")):
        return f'<a href="{esc(url)}" rel="noopener noreferrer nofollow">{esc(text or url)}</a>'
    return esc(f"{text} ({url})" if text else url)


def render_details(items: list[TimelineItem]) -> str:
    """The list under the chart: every item with its date, type, modality, participants and evidence."""
    rows = []
    for k, it in enumerate(items):
        when = it.start + (f" – {it.end}" if it.end else "")
        mod = "" if it.modality == "actual" else f' <span class="mod">{esc(it.modality)}</span>'
        lines = it.details.split("\n")[2:]  # label and kind line are in the heading
        body = "".join(f"<li>{esc(line)}</li>" for line in lines if not line.startswith("Source: "))
        srcs = "".join(f"<li>{_link(s, it.titles.get(s, ''))}</li>" for s in it.sources)
        rows.append(
            f'<li id="item-{k}"><b>{esc(when)}</b> · {esc(it.kind)} · <span class="lbl">{esc(it.label)}</span>{mod}'
            f'<ul>{body}</ul>' + (f'<ul class="src">{srcs}</ul>' if srcs else "") + "</li>"
        )
    return f'<ol class="items">{"".join(rows)}</ol>'


_STYLE = """
#kg-timeline { overflow-x: auto; background: #fff; border-bottom: 1px solid #ddd; }
#kg-timeline svg { display: block; font: 11px system-ui, sans-serif; }
#kg-timeline text { fill: #222; }
#kg-timeline text.year { fill: #666; }
#kg-timeline line.tick { stroke: #dde1e5; }
#kg-timeline rect.chip { fill: #eef0f3; stroke: #8d99ae; }
#kg-timeline text.chip { fill: #333; font-weight: 600; font-size: 10px; }
#kg-timeline a.item:hover text { text-decoration: underline; }
#kg-timeline a.item:hover rect.chip { fill: #fff3c4; }
details.lane { border-top: 1px solid #e3e6ea; }
details.lane:nth-of-type(even) { background: #f6f8fa; }
details.lane > summary { position: sticky; left: 0; display: inline-block; padding: 3px 8px 0 8px;
                         font-size: 12px; color: #333; cursor: pointer; }
details.lane > summary::before { content: "\\25BE"; display: inline-block; width: 12px; color: #666; }
details.lane:not([open]) > summary::before { content: "\\25B8"; }
details.lane > summary .count { color: #777; font-weight: normal; margin-left: 4px; }
details.lane:not([open]) > summary { padding-bottom: 3px; }
.items { font-size: 13px; margin: 12px 16px 40px 16px; padding-left: 22px; }
.items > li { margin: 6px 0; }
.items li:target { background: #fff3c4; }
.items ul { margin: 2px 0 2px 0; padding-left: 18px; color: #444; font-size: 12px; }
.items .mod { border: 1px dashed #888; padding: 0 4px; border-radius: 3px; font-size: 11px; }
.legend .hollow { background: #fff !important; border-style: dashed !important; }
.legend .chip { display: inline-block; padding: 0 5px; border: 1px solid #8d99ae; border-radius: 7px;
                background: #eef0f3; font-size: 10px; font-weight: 600; margin-right: 4px; }
"""


def render_timeline_page(items: list[TimelineItem], title: str, *, subtitle: str = "") -> str:
    """A self-contained HTML timeline page (returns the text; writing it is the caller's)."""
    lanes_present = [key for key, _, _ in LANES if any(i.lane == key for i in items)]
    legend = (
        '<div class="legend"><span><span class="sw" style="background:#8d99ae"></span>actual</span>'
        '<span><span class="sw hollow"></span>planned, hoped, proposed, postponed</span>'
        '<span><span class="sw hollow" style="border-style:dotted !important"></span>failed, denied</span>'
        '<span><span class="sw" style="background:#ffd166"></span>agreement (square)</span>'
        '<span><span class="sw" style="background:#29a36a;opacity:.5"></span>bar: term or date range</span>'
        f'<span><span class="chip">+N</span>N more items there (a lane shows {MAX_ROWS} rows of labels)</span></div>'
    )
    summary = f"{len(items)} items in {len(lanes_present)} lanes"
    folded = [cap for key, cap, _ in LANES if key in FOLDED and key in lanes_present]
    if folded:
        summary += f" ({', '.join(folded)}: folded, click the caption to open)"
    body = f"""<header>
<h1>{esc(title)}</h1>
<p>{esc(subtitle + " · " if subtitle else "")}{esc(summary)}. Hover an item for its participants and evidence;
click it to jump to its entry in the full list below.</p>
{legend}
</header>
<div id="kg-timeline">{render_lanes(items)}</div>
{render_details(items)}"""
    return render_page(title, body, style=_STYLE, scripts=('window.kgReady("drawn");',))

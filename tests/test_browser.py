"""The pages in headless Chromium: drawn, no JavaScript errors, no network requests, hostile text inert.

Skipped when Chromium is missing, except in CI (env CI set), where that is a failure.
"""

from __future__ import annotations

import os
import re
import struct
import zlib
from pathlib import Path

import pytest
from test_analysis import HAMAS, SMALL, store_from
from test_render import EVIL, HOSTILE

from kg.render.browser import BrowserRun, find_chromium, run_chromium
from kg.render.html import esc, render_page
from kg.render.pages import ego_page, graph_page, timeline_page
from kg.render.timeline import TimelineItem, render_timeline_page
from kg.store import Store

pytestmark = pytest.mark.browser

if find_chromium() is None:
    if os.environ.get("CI"):
        raise RuntimeError("chromium is required in CI for tests/test_browser.py (apt-get install chromium)")
    pytest.skip("chromium not installed (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def hostile() -> Store:
    return store_from(HOSTILE)


@pytest.fixture(scope="module")
def small() -> Store:
    return store_from(SMALL)


def open_page(tmp_path: Path, name: str, html: str, fragment: str = "") -> BrowserRun:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return run_chromium(path, fragment=fragment)


def assert_clean(run: BrowserRun, scripts: int) -> None:
    """Drawn, no errors, nothing fetched, the title untouched, no element made from the payload."""
    assert run.probe.get("ready") == "drawn", run.probe
    assert run.probe.get("errors") == "0" and run.console_errors() == []
    assert run.probe.get("resources") == "0", run.probe.get("resource-names")
    assert re.search(r"<title>(.*?)</title>", run.dom, re.S).group(1) != "pwned"  # the payload sets it so
    assert run.dom.lower().count("<script") == scripts
    markup = re.sub(r"<script\b[^>]*>.*?</script>", "", run.dom, flags=re.S | re.I)
    assert not re.search(r"<img\b", markup, re.I)  # no element made from the payload…
    assert not re.search(r"<[a-z][^<>]*\son\w+\s*=", markup, re.I)  # …and no event handler attribute


@pytest.mark.parametrize("view", ["overview", "all"])
def test_graph_page_in_chromium(hostile: Store, tmp_path: Path, view: str) -> None:
    assert_clean(open_page(tmp_path, f"{view}.html", graph_page(hostile, view)), scripts=4)


def test_ego_page_focus_shows_hostile_label_as_text(hostile: Store, tmp_path: Path) -> None:
    run = open_page(tmp_path, "ego.html", ego_page(hostile, EVIL, 2), fragment="#focus=" + EVIL)
    assert_clean(run, scripts=4)
    details = re.search(r'<div id="kg-details">(.*?)</div>', run.dom, re.S).group(1)
    assert details.startswith(esc(  # the payload, as text, in the details panel
        """<script>alert(1)</script><img src=x onerror="document.title='pwned'">""").replace("&#x27;", "'")
        .replace("&quot;", '"'))


def test_timeline_page_in_chromium(hostile: Store, tmp_path: Path) -> None:
    run = open_page(tmp_path, "timeline.html", timeline_page(hostile))
    assert_clean(run, scripts=2)
    assert "Deal &lt;i&gt;href&lt;/i&gt; &amp; &lt;img src=x onerror=alert(1)&gt;" in run.dom  # shown as text


def test_timeline_with_chips_and_folded_lane_in_chromium(tmp_path: Path) -> None:
    items = [TimelineItem(f"https://x/s{k}", f"Speaker {k}: <b>said</b>", "Statement", "2017-10-12") for k in range(9)]
    items.append(TimelineItem("https://x/p", "A post", "PostHolding", "2017-10-12"))
    run = open_page(tmp_path, "timeline.html", render_timeline_page(items, "T"))
    assert_clean(run, scripts=2)
    assert '<details class="lane" data-lane="posts">' in run.dom and ">+4</text>" in run.dom


def test_probe_sees_requests_when_allowed(tmp_path: Path) -> None:
    """Control: with the CSP relaxed, an image request is recorded (so resources == 0 above means none)."""
    script = 'window.addEventListener("load", function () { kgReady("drawn"); });'
    page = render_page("control", '<img src="http://example.org/x.png" alt="">', scripts=(script,))
    page = page.replace("img-src data: blob:", "img-src *")
    run = open_page(tmp_path, "control.html", page)
    assert run.probe.get("resource-names") == "http://example.org/x.png"


def test_injected_script_and_handlers_do_not_run(tmp_path: Path) -> None:
    """The policy lists the page's own scripts by hash: markup that slipped past escaping stays inert."""
    injected = ('<img src="data:," onerror="document.title=\'pwned\'"><svg onload="document.title=\'pwned\'">'
                "</svg><script>document.title = 'pwned';</script>")
    own = 'window.addEventListener("load", function () { kgReady("drawn"); });'
    run = open_page(tmp_path, "injected.html", render_page("safe", injected, scripts=(own,)))
    assert run.probe.get("ready") == "drawn"  # the page's own scripts ran…
    assert re.search(r"<title>(.*?)</title>", run.dom, re.S).group(1) == "safe"  # …the injected ones did not
    assert any("Content Security Policy" in line for line in run.log.splitlines())


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the RGBA/RGB rows of an 8-bit non-interlaced PNG (enough for Chromium's)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6) and body[12] == 0
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    bpp = 4 if colour == 6 else 3
    raw, stride = zlib.decompress(idat), width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, [bytes(r) for r in rows]


def test_network_canvas_is_drawn(small: Store, tmp_path: Path) -> None:
    page = tmp_path / "graph.html"
    page.write_text(graph_page(small, "all"), encoding="utf-8")
    shot = tmp_path / "graph.png"
    run_chromium(page, screenshot=shot, size=(800, 600))
    width, height, rows = png_pixels(shot.read_bytes())
    assert (width, height) == (800, 600)
    bpp = len(rows[0]) // width
    # Inside the canvas (below the header, left of the details panel).
    colours = {row[x * bpp:x * bpp + 3] for row in rows[220:580] for x in range(20, 460)}
    assert len(colours) > 30, len(colours)
    assert HAMAS  # the ego of the fixture is drawn in the other tests

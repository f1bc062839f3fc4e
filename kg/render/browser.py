"""Headless Chromium for checking and timing the pages: console errors, network requests, screenshots.

No DevTools protocol: the page's own probe (:mod:`kg.render.html`) writes what it saw (errors, resources
fetched, when drawing finished) into attributes of ``<html>``, and ``--dump-dom`` returns them.
A proxy pointing at a dead loopback port makes any request that slips through fail.

Example:
    >>> parse_probe('<html data-errors="0" data-resources="0" data-ready="drawn" data-ready-ms="412">')
    {'errors': '0', 'resources': '0', 'ready': 'drawn', 'ready-ms': '412'}
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
    "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--enable-logging=stderr", "--v=0",
)


def find_chromium() -> str | None:
    """The Chromium executable: ``KG_CHROMIUM``, else the first of :data:`NAMES` on PATH, else None."""
    env = os.environ.get("KG_CHROMIUM")
    if env:
        return env
    return next((p for p in map(shutil.which, NAMES) if p), None)


@dataclass
class BrowserRun:
    """What one headless run returned."""

    dom: str
    log: str
    seconds: float

    @property
    def probe(self) -> dict[str, str]:
        """The page probe's attributes (errors, resources, ready, ready-ms…)."""
        return parse_probe(self.dom)

    def console_errors(self) -> list[str]:
        """Uncaught errors in Chromium's console log."""
        lines = self.log.splitlines()
        return [x for x in lines if "Uncaught" in x or ("CONSOLE(" in x and "Error" in x)]


def parse_probe(dom: str) -> dict[str, str]:
    """The ``data-*`` attributes the probe sets on ``<html>``."""
    m = re.search(r"<html\b([^>]*)>", dom)
    return dict(re.findall(r'data-([\w-]+)="([^"]*)"', m.group(1))) if m else {}


def run_chromium(
    page: Path, *, screenshot: Path | None = None, size: tuple[int, int] = (1400, 900), budget_ms: int = 5000,
    fragment: str = "", timeout: float = 120.0, executable: str | None = None,
) -> BrowserRun:
    """Open ``page`` headless; dump the DOM (default) or save a PNG screenshot. ``budget_ms`` is the
    virtual-time budget Chromium waits for timers and drawing before dumping."""
    exe = executable or find_chromium()
    if exe is None:
        raise FileNotFoundError("chromium not found (install it, or set KG_CHROMIUM)")
    url = Path(page).resolve().as_uri() + fragment
    with tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile:
        args = [exe, *FLAGS, f"--user-data-dir={profile}", f"--window-size={size[0]},{size[1]}",
                f"--virtual-time-budget={budget_ms}"]
        args += [f"--screenshot={screenshot}"] if screenshot else ["--dump-dom"]
        t0 = time.perf_counter()
        done = subprocess.run([*args, url], capture_output=True, text=True, timeout=timeout, check=False)
        seconds = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"chromium exited {done.returncode}: {done.stderr[-2000:]}")
    return BrowserRun(dom=done.stdout, log=done.stderr, seconds=seconds)

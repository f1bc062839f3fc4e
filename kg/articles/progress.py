"""A tiny progress line on stderr (only when stderr is a terminal).

Example:
    >>> import io
    >>> p = Progress(io.StringIO(), enabled=False)
    >>> p.update(files=1, nbytes=10); p.close()
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Shows ``read N files, X MB, R files/s`` on one rewritten line, at most ten times a second."""

    def __init__(self, stream: TextIO | None = None, *, enabled: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.files = 0
        self.nbytes = 0
        self._start = time.monotonic()
        self._last = 0.0

    def update(self, *, files: int = 0, nbytes: int = 0) -> None:
        """Add to the counts and redraw if enough time has passed."""
        self.files += files
        self.nbytes += nbytes
        now = time.monotonic()
        if self.enabled and now - self._last >= 0.1:
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.files / max(now - self._start, 1e-9)
        self.stream.write(f"\rread {self.files:,} files, {self.nbytes / 1e6:,.1f} MB, {rate:,.0f} files/s ")
        self.stream.flush()

    def close(self) -> None:
        """Draw the final counts and end the line."""
        if self.enabled:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()

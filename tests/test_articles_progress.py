"""The progress line: drawn only on a terminal, on stderr, ending with a newline."""

from __future__ import annotations

import io

from kg.articles.progress import Progress


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_on_a_terminal():
    stream = FakeTTY()
    bar = Progress(stream)
    bar.update(files=1, nbytes=2_000_000)
    bar.update(files=2, nbytes=1_000_000)
    bar.close()
    assert stream.getvalue().startswith("\rread 1 files, 2.0 MB, ")
    assert "\rread 3 files, 3.0 MB, " in stream.getvalue()
    assert stream.getvalue().endswith(" files/s \n")


def test_progress_is_silent_off_a_terminal():
    stream = io.StringIO()
    bar = Progress(stream)
    bar.update(files=5)
    bar.close()
    assert stream.getvalue() == ""

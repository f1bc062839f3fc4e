"""The vis-network build that ships inside the pyvis package, read once and made safe to inline.

Example:
    >>> "vis" in vis_network_js()[:2000]
    True
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from kg.errors import KGError

#: Candidate locations of the standalone vis-network build inside the pyvis package, newest first.
VIS_PATHS = (
    "lib/vis-9.1.2/vis-network.min.js",
    "templates/lib/vis-9.1.2/vis-network.min.js",
    "lib/vis-9.0.4/vis-network.min.js",
)
_UNSAFE_IN_SCRIPT = re.compile(r"<(?=/?script|!--)", re.IGNORECASE)


def inline_script_text(js: str) -> str:
    """JavaScript made safe inside ``<script>…</script>``: ``<`` before ``script``, ``/script`` or ``!--``
    becomes ``\\x3C`` (the same character inside JS strings and regular expressions).

    Example:
        >>> inline_script_text('s = "</script>"')
        's = "\\\\x3C/script>"'
    """
    return _UNSAFE_IN_SCRIPT.sub(r"\\x3C", js)


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """The vis-network standalone JavaScript (includes vis-data), ready to inline in a page."""
    base = resources.files("pyvis")
    for rel in VIS_PATHS:
        f = base.joinpath(*rel.split("/"))
        if f.is_file():
            return inline_script_text(f.read_text(encoding="utf-8"))
    raise KGError("vis-network JavaScript not found inside the pyvis package (reinstall pyvis>=0.3.2)")

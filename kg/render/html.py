"""The offline page shell shared by the graph and timeline pages and ``kg serve``'s own pages: escaping,
embedded JSON, a strict Content-Security-Policy, and the small probes the browser tests read (errors, network
requests, drawn time).

Every text that comes from data goes through :func:`esc` (HTML) or :func:`json_for_script` (script data). As a
second line of defence, the policy lets only the page's own inline scripts run (each listed by its SHA-256),
so an injected ``<script>`` or ``on…=`` attribute would not run even if an escaping slip let it in.

Example:
    >>> esc('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    >>> json_for_script({"t": "</script><!--"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003c!--"}'
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Iterable

_PROBE = """
(function () {
  var errors = [];
  function show() {
    var el = document.getElementById("kg-errors");
    if (el) { el.textContent = errors.join("\\n"); el.hidden = errors.length === 0; }
    document.documentElement.setAttribute("data-errors", String(errors.length));
  }
  window.addEventListener("error", function (e) { errors.push("Uncaught " + (e.message || e)); show(); });
  window.addEventListener("unhandledrejection", function (e) { errors.push("Unhandled " + e.reason); show(); });
  window.kgReady = function (what) {
    var res = performance.getEntriesByType("resource").map(function (r) { return r.name; });
    var root = document.documentElement;
    root.setAttribute("data-resources", String(res.length));
    root.setAttribute("data-resource-names", res.join(" "));
    root.setAttribute("data-ready-ms", performance.now().toFixed(0));
    root.setAttribute("data-ready", what);
    show();
  };
})();
"""

_STYLE = """
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222;
       background: #fafafa; }
header { padding: 8px 16px; background: #fff; border-bottom: 1px solid #ddd; }
header h1 { font-size: 18px; margin: 0 0 4px 0; }
header p { margin: 0; color: #555; font-size: 13px; }
#kg-errors { color: #b00; white-space: pre-wrap; margin: 8px 16px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin-top: 6px; font-size: 12px; color: #333; }
.legend span.sw { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -2px;
                  border: 1px solid #555; }
"""


def esc(text: object) -> str:
    """HTML-escape any value (quotes too), for element text and attribute values."""
    return html.escape(str(text), quote=True)


def json_for_script(data: object) -> str:
    """JSON that cannot end or confuse the ``<script>`` element holding it (``<``, ``>``, ``&`` as
    ``\\u`` escapes, which JSON.parse reads back unchanged)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def csp(scripts: Iterable[str] = (), *, forms: bool = False) -> str:
    """The Content-Security-Policy of a page whose inline ``<script>`` elements hold exactly ``scripts``: no
    network, no plugins, no eval, no event-handler attributes; only those scripts run (by hash), forms
    submit only to the same server when ``forms`` is true.

    Example:
        >>> csp(["x"]).split("; ")[1]
        "script-src 'sha256-LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE='"
        >>> csp().split("; ")[1], csp(forms=True).split("; ")[-1]
        ("script-src 'none'", "form-action 'self'")
    """
    hashes = sorted({f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
                     for s in scripts})
    allowed = " ".join(hashes) or "'none'"
    return (f"default-src 'none'; script-src {allowed}; "
            "style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none'; "
            f"base-uri 'none'; form-action '{'self' if forms else 'none'}'")


def render_page(
    title: str, body: str, *, style: str = "", scripts: tuple[str, ...] = (), probe: bool = True,
    forms: bool = False,
) -> str:
    """A complete offline HTML document. ``title`` is data (escaped here); ``body``, ``style`` and
    ``scripts`` are markup the caller built with :func:`esc` / :func:`json_for_script`. ``probe`` adds the
    script the browser tests read; ``forms`` lets the page's forms submit to its own server (see :func:`csp`).

    Example:
        >>> page = render_page("<T>", "<p>hi</p>", probe=False)
        >>> "<title>&lt;T&gt;</title>" in page, "<script" in page, "script-src &#x27;none&#x27;" in page
        (True, False, True)
    """
    own = [f"\n{s}\n" for s in scripts]
    policy = csp(([_PROBE] if probe else []) + own, forms=forms)
    probe_tag = f"<script>{_PROBE}</script>" if probe else ""
    script_tags = "\n".join(f"<script>{s}</script>" for s in own)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{esc(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{esc(title)}</title>
{probe_tag}
<style>{_STYLE}{style}</style>
</head>
<body>
<pre id="kg-errors" hidden></pre>
{body}
{script_tags}
</body>
</html>
"""

"""Article identity: ids, content hashes and near-duplicate detection.

- ``article_id``: ``u`` + the first 16 hex of sha256(normalised canonical URL) when there is a URL, else
  ``t`` + the first 16 hex of sha256(normalised title + body). The one-letter prefix keeps the two kinds
  from ever colliding; both are safe in IRIs (``id:article/<id>``).
- ``content_hash``: the full sha256 of the normalised title + body (whitespace collapsed, case folded),
  so the same story read twice, or stored under two names, hashes the same.
- ``NearDuplicateIndex``: the same wire story under another headline. Each body becomes a set of
  5-word shingles; a bottom-k sketch (the k=64 smallest 64-bit blake2b hashes) estimates the Jaccard
  similarity of two bodies; two articles are near-duplicates when the estimate is >= 0.8. Only the 4
  smallest hashes of each sketch are indexed to find candidates (two bodies with Jaccard >= 0.8 share
  one of them with probability above 0.99), so memory stays ~0.5 KB per article.

Example:
    >>> article_id("https://WWW.Example.org/a/?utm_source=x#top", "T", "B")
    'ub5b10dd0429e69ac'
    >>> article_id(None, "T", "B") == article_id(None, " t ", "b")
    True
"""

from __future__ import annotations

import hashlib
import heapq
import re
from array import array
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

SHINGLE_WORDS = 5
SKETCH_SIZE = 64
INDEXED_HASHES = 4
NEAR_DUPLICATE_THRESHOLD = 0.8

_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|src)$", re.IGNORECASE)
_WORD = re.compile(r"\w+")


def normalise_url(url: str) -> str:
    """A canonical form of an article URL: https, lower-case host without ``www.``, no default port,
    no fragment, no tracking parameters, sorted query, no trailing slash.

    Example:
        >>> normalise_url("HTTP://www.Example.org:80/News/1/?b=2&utm_source=rss&a=1#comments")
        'https://example.org/News/1?a=1&b=2'
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)))
    path = parts.path.rstrip("/") or ""
    return urlunsplit(("https", host, path, query, ""))


def clean_url(url: str) -> str:
    """The URL as given, less its fragment and tracking parameters (what ``Article.url`` keeps).

    Example:
        >>> clean_url("http://www.example.org/a/?id=3&utm_source=rss#top")
        'http://www.example.org/a/?id=3'
    """
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def normalise_text(title: str | None, body: str) -> str:
    """Title and body, whitespace collapsed and case folded: what the text hash is computed on.

    Example:
        >>> normalise_text("A  Title", "Body\\n\\ntext")
        'a title\\nbody text'
    """
    return " ".join((title or "").split()).casefold() + "\n" + " ".join(body.split()).casefold()


def content_hash(title: str | None, body: str) -> str:
    """sha256 hex of the normalised title and body.

    Example:
        >>> content_hash("T", "B") == content_hash("t", " b ")
        True
    """
    return hashlib.sha256(normalise_text(title, body).encode("utf-8")).hexdigest()


def article_id(url: str | None, title: str | None, body: str) -> str:
    """``u<16 hex>`` from the canonical URL, else ``t<16 hex>`` from the text (see the module doc).

    Example:
        >>> article_id(None, "T", "B")[:1], article_id("http://a.org/x", "T", "B")[:1]
        ('t', 'u')
    """
    if url and urlsplit(url.strip()).hostname:
        return "u" + hashlib.sha256(normalise_url(url).encode("utf-8")).hexdigest()[:16]
    return "t" + content_hash(title, body)[:16]


def sketch(body: str) -> array:
    """Bottom-k sketch of the body's 5-word shingles: the smallest hashes, ascending.

    Example:
        >>> len(sketch("one two three four five six")), len(sketch(""))
        (2, 0)
    """
    words = _WORD.findall(body.casefold())
    n = max(1, len(words) - SHINGLE_WORDS + 1) if words else 0
    hashes = {
        int.from_bytes(hashlib.blake2b(" ".join(words[i : i + SHINGLE_WORDS]).encode(), digest_size=8).digest(), "big")
        for i in range(n)
    }
    return array("Q", heapq.nsmallest(SKETCH_SIZE, hashes))


def similarity(a: array, b: array) -> float:
    """Estimated Jaccard similarity of two bottom-k sketches.

    Example:
        >>> s = sketch("the rival factions signed a deal in Cairo on Thursday")
        >>> similarity(s, s), similarity(s, sketch("completely different words are here today"))
        (1.0, 0.0)
    """
    if not a or not b:
        return 0.0
    union = heapq.nsmallest(SKETCH_SIZE, set(a) | set(b))
    common = set(a) & set(b)
    return sum(1 for h in union if h in common) / len(union)


class NearDuplicateIndex:
    """Remembers sketches of bodies seen so far and finds earlier near-duplicates of a new one.

    Example:
        >>> idx = NearDuplicateIndex()
        >>> body = "The rival Palestinian factions signed an agreement in Cairo after two days of talks."
        >>> idx.add("t1", body), idx.add("t2", body + " More."), idx.add("t3", "Something else entirely here.")
        ([], ['t1'], [])
    """

    def __init__(self, threshold: float = NEAR_DUPLICATE_THRESHOLD) -> None:
        self.threshold = threshold
        self._ids: list[str] = []
        self._sketches: list[array] = []
        self._index: dict[int, int | list[int]] = {}

    def add(self, article_id: str, body: str) -> list[str]:
        """Index ``body`` under ``article_id``; return the ids of earlier near-duplicates (sorted)."""
        sk = sketch(body)
        if not sk:
            return []
        candidates: set[int] = set()
        for h in sk[:INDEXED_HASHES]:
            hit = self._index.get(h)
            if hit is not None:
                candidates.update(hit if isinstance(hit, list) else (hit,))
        found = sorted({self._ids[c] for c in candidates if similarity(sk, self._sketches[c]) >= self.threshold})
        me = len(self._ids)
        self._ids.append(article_id)
        self._sketches.append(sk)
        for h in sk[:INDEXED_HASHES]:
            hit = self._index.get(h)
            if hit is None:
                self._index[h] = me
            elif isinstance(hit, list):
                hit.append(me)
            else:
                self._index[h] = [hit, me]
        return found

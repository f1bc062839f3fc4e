"""Terminal renderings: the ``kg stats`` summary and the ``kg show`` entity card.

Example:
    >>> from kg.analysis import Card
    >>> print(format_card(Card("https://x/e", "Egypt", "State", ["State"], [], "", [], [], [], [])), end="")
    Egypt
      https://x/e
      type: State
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.analysis import Card, Stats

MAX_QUOTE = 160


def _table(pairs: dict[str, int], indent: str = "    ") -> list[str]:
    width = max((len(k) for k in pairs), default=0)
    return [f"{indent}{k.ljust(width)}  {v:>6}" for k, v in pairs.items()]


def format_stats(st: Stats) -> str:
    """The counts of ``kg stats`` as aligned text."""
    lines = [f"triples      {st.triples:>8}", f"graphs       {st.graphs:>8}", f"articles     {st.articles:>8}",
             f"agreements   {st.agreements:>8}", "entities by class:"]
    lines += _table(st.entities) or ["    (none)"]
    lines.append("events by type:")
    lines += _table(st.events) or ["    (none)"]
    lines.append("events by modality:")
    lines += _table(st.modalities) or ["    (none)"]
    lines.append("top actors by weighted degree (shared actual events and agreements):")
    if not st.top_actors:
        lines.append("    (none)")
    width = max((len(a.label) for a in st.top_actors), default=0)
    for a in st.top_actors:
        lines.append(f"    {a.label.ljust(width)}  {a.weighted_degree:>5g}  partners {a.degree:>3}  "
                     f"betweenness {a.betweenness:.3f}  {a.kind}")
    return "\n".join(lines) + "\n"


def cut(text: str, n: int, *, squash: bool = True, words: bool = False) -> str:
    r"""``text`` in at most ``n`` characters, ending with an ellipsis when shortened; runs of white space become
    one space unless ``squash`` is False. With ``words``, a cut falls between words (unless that would drop
    more than a third of the room) and leaves no dangling punctuation.

    Example:
        >>> cut("a  long\nline", 8), cut("a  long", 4, squash=False)
        ('a long …', 'a  …')
        >>> cut("Hamas: talks in Cairo, next week", 24, words=True)
        'Hamas: talks in Cairo…'
    """
    if squash:
        text = " ".join(text.split())
    if len(text) <= n:
        return text
    head = text[: n - 1]
    if words:
        if text[n - 1].isalnum() and head[-1:].isalnum():  # the cut falls inside a word
            space = head.rfind(" ")
            head = head[:space] if space >= (2 * n) // 3 else head
        head = head.rstrip(" ,;:-–—(")
    return head + "…"


def format_card(card: Card) -> str:
    """A plain-text card for one entity: label, IRI, type, aliases, posts, events in date order, sources."""
    lines = [card.label, f"  {card.iri}", f"  type: {', '.join(card.types) or card.kind}"]
    if card.aliases:
        lines.append(f"  also: {'; '.join(card.aliases)}")
    if card.comment:
        lines.append(f"  {cut(card.comment, 300)}")
    if card.posts:
        lines.append("posts:")
        for title, other, start, end in card.posts:
            span = f"{start or '?'} – {end or 'now'}" if start or end else "dates unknown"
            lines.append(f"  {title}, {other} ({span})")
    if card.occasions:
        lines.append("events and agreements:")
        for date, kind, label, roles, modality in card.occasions:
            mod = "" if modality == "actual" else f" [{modality}]"
            lines.append(f"  {date or 'undated':10}  {kind:<18} {label} — {roles}{mod}")
    if card.sources or card.evidence:
        lines.append("sources:")
        lines += [f"  {s}" for s in card.sources]
        lines += [f"  “{cut(q, MAX_QUOTE)}” — {t or a}" for q, t, a in card.evidence]
    return "\n".join(lines) + "\n"

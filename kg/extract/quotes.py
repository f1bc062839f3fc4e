"""Statements: quoted spans (direct) and reported speech (indirect), with the speaker resolved through
names, titles, pronouns and definite descriptions, the speaker's affiliation, the date, and the legal
basis the statement invokes ("on the basis of … Security Council … resolutions").

Rules:
- a quote is the text between paired quote marks within a paragraph; a lone closing mark (a typo such as
  ``:Indeed, …," she added``) quotes from the start of its sentence;
- the speaker comes from an attribution after the quote (``," she said``) or before it
  (``Zakharova said: "…"``); a quote with none continues the previous quote's speaker in the paragraph;
- indirect: ``<content>, <speaker> said (on Thursday).`` and ``<speaker> said (that) <content>``.
- the date is the time right after the speech verb ("said on Thursday"), else the publication date.

Example:
    >>> from kg.articles.model import Article
    >>> from kg.extract.document import Doc
    >>> doc = Doc.of(Article(id="a", title=None, body='"We agree," she said.', published="2020-03-12"))
    >>> [(doc.body[s:e]) for s, e, _ in quote_spans(doc)]
    ['We agree']
"""

from __future__ import annotations

import re

from kg.extract.cues import BASIS_CUE, SPEECH_VERBS
from kg.extract.document import Doc, Quote
from kg.extract.lexicon import ReferenceIndex
from kg.extract.records import Event, Participant, TimeSpec
from kg.extract.refs import affiliation, resolve_who

_OPEN, _CLOSE = "“", "”"
_AFTER = re.compile(rf"\s*,?\s*(?:(?P<who1>[^\"“”.;]{{1,90}}?)\s+(?:{SPEECH_VERBS})|(?:{SPEECH_VERBS})\s+"
                    rf"(?P<who2>[^\"“”.;,]{{1,90}}?))(?P<tail>\s+(?:on|late\s+on|early\s+on)\s+[A-Z]\w+"
                    rf"|\s+(?:yesterday|today))?\s*(?:[.,;]|$)")
_BEFORE = re.compile(rf"(?P<who>[^\"“”.;]{{1,90}}?)\s+(?:{SPEECH_VERBS})(?P<tail>\s+on\s+[A-Z]\w+)?"
                     rf"(?:\s+that)?\s*[:,]?\s*$")
_INDIRECT_END = re.compile(rf",\s+(?P<who>[^,\"“”]{{1,120}}?)\s+(?P<verb>{SPEECH_VERBS})(?P<tail>\s+(?:on|late\s+on|"
                           rf"early\s+on)\s+[A-Z]\w+|\s+(?:yesterday|today|in\s+[^.,]{{1,60}}|to\s+[^.,]{{1,60}}))?"
                           rf"\s*[.!]?$")
_INDIRECT_START = re.compile(rf"^(?P<who>(?:[\w’'.-]+\s+){{0,7}}?[\w’'.-]+(?:,\s+[^,\"“”]{{1,80}},)?)\s+"
                             rf"(?P<verb>{SPEECH_VERBS})"
                             rf"(?P<tail>\s+(?:on|late\s+on)\s+[A-Z]\w+|\s+(?:yesterday|today))?(?:\s+that)?"
                             rf"[,:]?\s+(?P<content>[^\"“].+?)[.!]?$")
_BOUNDARY = re.compile(r"[.!?:]\s*[:;]?\s*(?=[A-Z])")
_ACCORDING = re.compile(r"^According\s+to\s+(?P<who>[^,]{1,80}),\s+(?P<content>.+?)[.!]?$")


def quote_spans(doc: Doc) -> list[tuple[int, int, int]]:
    """``(start, end, close_mark_offset)`` of quoted text; trailing commas and spaces are left out."""
    body = doc.body
    out: list[tuple[int, int, int]] = []
    pos = 0
    for para in body.split("\n"):
        marks = [pos + i for i, ch in enumerate(para) if ch in "\"“”"]
        straight = [i for i in marks if body[i] == '"']
        if len(straight) % 2 == 1 and straight and straight[0] > pos and body[straight[0] - 1] in ",.!?":
            s = doc.sentence_at(straight[0])  # a lone closing mark: quote from its sentence start
            start = s.start
            for b in _BOUNDARY.finditer(body, s.start, straight[0]):
                start = b.end()
            while start < straight[0] and not body[start].isalnum():
                start += 1
            out.append((start, straight[0], straight[0]))
            straight = straight[1:]
        for a, b in zip(straight[::2], straight[1::2], strict=False):
            out.append((a + 1, b, b))
        opens = [i for i in marks if body[i] == _OPEN]
        closes = [i for i in marks if body[i] == _CLOSE]
        for a in opens:
            b = next((c for c in closes if c > a), None)
            if b is not None:
                out.append((a + 1, b, b))
        pos += len(para) + 1
    trimmed = []
    for a, b, close in sorted(out):
        while b > a and body[b - 1] in ", \n":
            b -= 1
        if b > a:
            trimmed.append((a, b, close))
    return trimmed


def _speech_time(doc: Doc, start: int, end: int) -> TimeSpec:
    for t in doc.times_in(start, end):
        return t.spec
    pub = doc.published
    if pub and len(pub) >= 10:
        return TimeSpec("", doc.article.date_precision or "day", pub[:10], pub[:10])
    return TimeSpec("", None, None, None)


def find_statements(doc: Doc, idx: ReferenceIndex) -> list[Event]:
    """Statement events (one per quote span or reported clause); fills ``doc.quotes``."""
    body = doc.body
    events: list[Event] = []
    prev: Quote | None = None
    prev_para = -1
    for start, end, close in quote_spans(doc):
        para = body.count("\n", 0, start)
        sent = doc.sentence_at(close)
        after = _AFTER.match(body, close + 1, min(len(body), close + 130))
        quote = Quote(start, end, "direct")
        if after:
            g = "who1" if after.group("who1") else "who2"
            who = resolve_who(doc, after.start(g), after.end(g))
            quote.cue_start, quote.cue_end = after.start(g), after.end()
        else:
            open_at = start - 1
            before = _BEFORE.search(body, doc.sentence_at(open_at).start, max(open_at, 0))
            who = resolve_who(doc, before.start("who"), before.end("who")) if before else None
            if before:
                quote.cue_start, quote.cue_end = before.start("who"), before.end()
            elif prev and prev_para == para and prev.speaker:
                who = (prev.speaker, prev.speaker_label or "")
        if who:
            quote.speaker, quote.speaker_label = who
        doc.quotes.append(quote)
        prev, prev_para = quote, para
        if who:
            tail = (quote.cue_start, quote.cue_end) if quote.cue_start >= 0 else (sent.start, sent.start)
            events.append(_statement(doc, idx, quote, _speech_time(doc, *tail)))
    direct = list(doc.quotes)
    for s in doc.sentences:
        end = min([q.start - 1 for q in direct if s.start <= q.start < s.end] + [s.end])
        if any(q.start <= s.start < q.end for q in direct):
            continue
        while end > s.start and not (body[end - 1].isalnum() or body[end - 1] in ".!?"):
            end -= 1
        if end - s.start > 20:
            events.extend(_indirect(doc, idx, s.start, body[s.start:end]))
    return events


def _indirect(doc: Doc, idx: ReferenceIndex, offset: int, text: str) -> list[Event]:
    for pattern in (_INDIRECT_END, _INDIRECT_START, _ACCORDING):
        m = pattern.search(text)
        if not m:
            continue
        who = resolve_who(doc, offset + m.start("who"), offset + m.end("who"))
        if not who:
            continue
        if pattern is _INDIRECT_END:
            c_start, c_end = 0, m.start()
        else:
            c_start, c_end = m.start("content"), m.end("content")
        quote = Quote(offset + c_start, offset + c_end, "indirect", who[0], who[1],
                      offset + m.start("who"), offset + m.end())
        doc.quotes.append(quote)
        tail_start = offset + (m.start("tail") if "tail" in m.groupdict() and m.group("tail") else m.end())
        tail_end = offset + (m.end("tail") if "tail" in m.groupdict() and m.group("tail") else m.end())
        return [_statement(doc, idx, quote, _speech_time(doc, tail_start, tail_end))]
    return []


def _statement(doc: Doc, idx: ReferenceIndex, quote: Quote, time: TimeSpec) -> Event:
    assert quote.speaker is not None
    text = doc.body[quote.start:quote.end]
    conf = 0.9 if quote.kind == "direct" else 0.75
    ev = Event(key="", type="Statement", label=f"{quote.speaker_label}: {text[:60]}", time=time,
               participants=[Participant("speaker", quote.speaker, quote.speaker_label or "")],
               quote=text, quote_type=quote.kind, speaker_affiliation=affiliation(doc, idx, quote.speaker),
               evidence=[doc.evidence(quote.start, quote.end, f"statement-{quote.kind}", conf)], confidence=conf)
    ev.basis = basis_in(doc, idx, quote.start, quote.end)
    return ev


def basis_in(doc: Doc, idx: ReferenceIndex, start: int, end: int) -> list[str]:
    """Documents invoked after a basis cue in ``[start, end)``: named instruments, and "resolutions of the
    X" → the instrument X issued (also for a coordinated "X and Y")."""
    cue = BASIS_CUE.search(doc.body, start, end)
    if not cue:
        return []
    issued = {d.issuer: iri for iri, d in sorted(idx.documents.items()) if d.issuer}
    found: list[str] = []
    window = doc.mentions_in(cue.end(), end)
    resolutions = re.search(r"\bresolutions?\b", doc.body[cue.end():end], re.IGNORECASE)
    for m in window:
        if m.type == "LegalInstrument" or m.entity in idx.documents:
            found.append(m.entity)
        elif resolutions and m.entity in issued:
            found.append(issued[m.entity])
    return list(dict.fromkeys(found))

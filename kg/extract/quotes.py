"""Statements: quoted spans (direct) and reported speech (indirect), with the speaker resolved through
names, titles, pronouns and definite descriptions, the speaker's affiliation, the date, and the legal
basis the statement invokes ("on the basis of … Security Council … resolutions").

Rules:
- a quote is the text between paired quote marks within a paragraph; a lone closing mark (a typo such as
  ``:Indeed, …," she added``) quotes from the start of its sentence;
- the speaker comes from an attribution after the quote (``," she said``) or before it
  (``Zakharova said: "…"``); a quote with none continues the previous quote's speaker in the paragraph;
- indirect, per clause (sentences cut at ";" and ", while/whereas/but"): ``<content>, <speaker> said (on
  Thursday).``, ``According to <speaker>, <content>``, ``<speaker> said/told reporters (that) <content>``,
  ``<speaker> welcomed/rejected/criticised/called … a …/described … as …`` (the reported act as worded),
  ``<speaker> did …, saying <content>``, and ``…, <name>, who called it …``; "announced", "hoped" and the
  like report words only before "that";
- the subject of a speech verb is the last comma-separated part before it ("In a statement, the ministry
  said") or the first when an apposition ends right before the verb ("X, a spokesman for Y, said"); it
  names the speaker(s) as ``speakers_in`` says (offices, persons, coordinated organisations, capitals,
  titles, "the ministry", "the two movements", pronouns);
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
from dataclasses import replace

from kg.extract.cues import BASIS_CUE, BASIS_WORDS, SPEECH_VERBS
from kg.extract.document import Doc, Quote
from kg.extract.event_links import report_day
from kg.extract.lexicon import ReferenceIndex
from kg.extract.mentions import TITLE_HEADS
from kg.extract.records import Event, Mention, Participant, TimeSpec
from kg.extract.refs import affiliation, is_actor_mention, member_before, title_holder

_OPEN, _CLOSE = "“", "”"
#: "after the Sunday and Monday sessions": a time that dates something other than the speech.
_EVENT_TIME_BEFORE = re.compile(r"\b(?:after|before|following|since|until|ahead\s+of)\s+(?:the\s+)?(?:[\w-]+\s+)?$",
                                re.IGNORECASE)
#: Where words were said, after the speech verb: "said in a speech", "told a news conference in Ramallah".
_VENUE = (r"(?:\s+(?:in|at|during|to|on))?\s+(?:(?:an?|the|his|her|its|their)\s+)?(?:[\w-]+\s+){0,3}?"
          r"(?:speech|statement|interview|address|news\s+conference|press\s+conference|briefing|meeting|message|letter|tweet|post"
          r"|reporters|journalists)(?:\s+(?:with|to)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})?"
          r"(?:\s+in\s+[A-Z]\w+)?")
_AFTER = re.compile(rf"\s*,?\s*(?:(?P<who1>(?:[^\"“”.;]|(?<=\b[A-Z])\.){{1,120}}?)\s+(?:{SPEECH_VERBS})"
                    rf"|(?:{SPEECH_VERBS})\s+"
                    rf"(?P<who2>[^\"“”.;,]{{1,90}}?))(?:{_VENUE})?(?P<tail>\s+(?:on|late\s+on|early\s+on)\s+[A-Z]\w+"
                    rf"|\s+(?:yesterday|today))?(?:{_VENUE})?"
                    # "… said after the ceremony", "… said in a statement issued in Jerusalem, welcoming …"
                    rf"(?:\s+(?:after|before|during|at|in|on|following|from|late|early|shortly|when|while|as|by"
                    rf"|issued|released|posted|published|carried|broadcast)\b"
                    rf"[^\"“”.;,]{{0,80}}?)?\s*(?:[.,;]|$)")
_BEFORE = re.compile(rf"(?P<who>[^\"“”.;]{{1,90}}?)\s+(?:{SPEECH_VERBS})(?P<tail>\s+on\s+[A-Z]\w+)?"
                     rf"(?:\s+that)?\s*[:,]?\s*$")
_INDIRECT_END = re.compile(rf",\s+(?P<who>[^,\"“”]{{1,120}}?)\s+(?P<verb>{SPEECH_VERBS})(?P<tail>\s+(?:on|late\s+on|"
                           rf"early\s+on)\s+[A-Z]\w+|\s+(?:yesterday|today|(?:in|to)\s+(?:(?!\bthat\b)[^.,]){{1,60}}))?"
                           # "…, X said on Tuesday, as Lavrov received the delegations": a clause of circumstance
                           rf"(?:,\s+(?:as|while|when)\s+(?![^\"“”]*\b(?:{SPEECH_VERBS})\b)[^\"“”]{{1,200}}?)?\s*[.!]?$")
#: Verbs that report what someone said without a speech verb ("Hamas welcomed the decree", "called the
#: takeover a coup", "described it as …", "expressed regret"); "called off/a referendum" and "dismissed" are
#: acts, not words, unless "dismissed X as …" (a judgement).
REPORT_VERBS = (r"welcomed|welcomes|praised|hailed|critici[sz]ed|condemned|rejected|rejects|accused|blamed"
                r"|denounced|denounces|slammed|lambasted|decried|castigated|(?:came|come|spoke)\s+out\s+against"
                r"|questioned|voiced|demanded|deplored|applauded|commended|objected|replied|responded"
                r"|vowed|promised|acknowledged|admitted|conceded|complained|predicted|maintained|revealed|disclosed"
                r"|described\s+(?=(?:\S+\s+){0,6}?as\b)|dismissed\s+(?=(?:\S+\s+){0,6}?as\b)"
                r"|expressed\s+(?=(?:its|their|his|her|deep\s+|strong\s+)*(?:regret|hope|concern|support|satisfaction"
                r"|surprise|readiness|disappointment|opposition|rejection)\b)"
                r"|called\s+(?=for\b|on\b|upon\b|(?:it|this|that|them|him|her|the\s+[\w-]+(?:\s+[\w-]+){0,9}?)"
                r"\s+(?:a|an|illegal|illegitimate|unacceptable|null)\b)")
_VERB = re.compile(rf"(?<=\s)(?:(?:also|later|then|again|earlier|repeatedly|previously)\s+)?"
                   rf"(?:(?:has|have|had)\s+(?:(?:also|always|repeatedly|previously|long|since|often)\s+)?)?"
                   rf"(?P<verb>(?:{SPEECH_VERBS}|told|tells|{REPORT_VERBS}))\b")
_SPEECH = re.compile(rf"(?:{SPEECH_VERBS})")
_PERFECT = re.compile(r"(?:\w+\s+)?(?:has|have|had)\s")
#: A lede about what is ahead ("Hamas will meet Fatah on Thursday") dates no statement of the report.
_FUTURE_LEDE = re.compile(r"\b(?:will|would|shall|is\s+to|are\s+to|is\s+due|are\s+due|plans?\s+to|is\s+expected"
                          r"|are\s+expected)\b", re.IGNORECASE)
#: A speech verb in the present ("Abbas says"): said on the day of the report.
_PRESENT_SPEECH = re.compile(r"\b(?:says|tells|adds|stresses|notes|insists|argues|believes|hopes|warns|urges|states"
                             r"|maintains)\b")
_RELATIVE_WORD = re.compile(r"\b(?:which|who|whose|that|when)\b")
#: After a time that opens what was said, the start of a clause: "said Tuesday (that) it would boycott …".
_CLAUSE_AFTER_TIME = re.compile(r"\s*(?:,|\s(?:that|it|he|she|they|we|the|a|an|its|his|her|their|there)\b)")
_TO_OR_THAT = re.compile(r"\b(?:to|that|as)\b")
_NOT_SUBJECT = re.compile(r"\b(?:who|which|that|to|not|never|whether|it\s+was)\s*$|\bbeen\s*$")
#: "on Monday", "late on Saturday", "on Jan. 28, 2019" right after a speech verb.
#: A month name, whole or cut short ("January", "Jan.").
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_ON_DAY = rf"(?:late\s+|early\s+)?on\s+(?:{_MONTH}\s+\d{{1,2}}\b(?:,?\s+\d{{4}}\b)?|[A-Z]\w+)"
_CONTENT_LEAD = re.compile(rf"\s*(?:{_ON_DAY}\s*|(?:yesterday|today)\s*)?"
                           r"(?:in\s+an?\s+(?:joint\s+|brief\s+|written\s+|televised\s+|[\w-]+\s+)?(?:statement|speech"
                           rf"|interview|address|message|letter)\s*)?(?:{_ON_DAY}\s*)?"
                           r"(?:that\b\s*)?[:,]?\s*")
_THAT = re.compile(r"\bthat\s+")
#: Verbs that report words only with a "that" clause (or a colon) after them.
_NEEDS_THAT = frozenset("announced announces continued concluded recalled hopes hoped believes believed".split())
#: "announced that", "announced on Monday / in July / last week / on Jan. 28, 2019 that".
_THAT_NEXT = re.compile(r"\s*(?:(?:late\s+|early\s+)?(?:on|in|last|earlier|this)\s+"
                        rf"(?:{_MONTH}|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?"
                        r"|week|month|year)(?:\s+\d{1,4})?(?:,?\s+\d{4})?,?\s+)?(?:that\b|:)\s*")
_TIME_TAIL = re.compile(rf"\s+{_ON_DAY}|\s+(?:yesterday|today)")
_SAYING = re.compile(r",\s+(?:saying|adding|arguing|insisting|warning|stressing|noting)\s+(?:that\s+)?")
#: A finite verb (regular past tense or a common irregular one), used to find the main verb of a clause.
_FINITE = re.compile(r"(?<![\w’'-])(?:(?:has|have|had|was|were|is|are|will|would)\s+)?(?:[a-z]+ed|held|told|made"
                     r"|gave|took|met|sent|set|put|wrote|led|won|sought|brought|kept|left|began|said|says|came|went"
                     r"|saw|ran|spent|struck|stood|chose|hit)\b")
_RELATIVE = re.compile(r",\s+who\s+$")
#: The end of a sentence's subject: its first auxiliary or verb ("He did not say …", "Abbas warned …").
_FIRST_VERB = re.compile(r"\s(?:did|does|do|has|had|have|was|is|were|are|would|will|could|[a-z]+ed|said|says|told)\b")
#: Between two persons who speak together: "and", then at most a title ("and Hamas leader").
_PERSON_AND = re.compile(r"\s*,?\s+and\s+(?:(?:[A-Z][\w'’.-]*|leader|chief|head|president|minister|official|deputy"
                         r"|prime|foreign|politburo|secretary-general|spokes(?:man|woman|person))\s+){0,5}")
_AND_IN = re.compile(r"\s(?:and|&)\s")
#: A list item that is a name: capitalised words (with "the", "of", "for", "and"), at most six.
_NAME_LIKE = re.compile(r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:(?:of|for|the|and)\s+)?[A-Z][\w'’.-]*){0,5}")
_AND_END = re.compile(r"\s(?:and|,\s+and)\s+$")
_COLLECTIVE = re.compile(r"\b(?:(?:[Tt]he|[Bb]oth|[Aa]ll|[Tt]heir)\s+(?:(?:two|three|four|five|six|seven|eight|nine"
                         r"|ten|\d+|rival|main|Palestinian)\s+)*(?:factions|movements|groups|parties|sides)|(?:[Tt]heir|[Tt]he)"
                         r"\s+(?:joint\s+|closing\s+|final\s+)?statement)\b")
_CLAUSE_CUT = re.compile(r";\s*|,\s+(?:while|whereas|but)\s+")
_UNDER_PREP = re.compile(r"\b(?:of|for|to|with|by|from|at|against|between|about|under|than|including|behalf\s+of)"
                         r"\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,3}$")
_PRINCIPAL = re.compile(r"\b(?:office|[Aa]ides?|[Ss]pokes(?:man|woman|person)\s+for|[Aa]dvisers?\s+to)\b")
_COORD = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
_DEFINITE = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w’'-]*\s+){0,4}(" + "|".join(sorted(TITLE_HEADS)) + r")\b")
_DEF_ORG = re.compile(r"\b[Tt]he\s+(ministry|movement|group|faction|commission|council|committee|government"
                      r"|cabinet|organi[sz]ation|party|agency|authority|presidency|department)\b")
_NOUN_TYPES = {"movement": ("Party", "UmbrellaOrganization"), "group": ("Party", "UmbrellaOrganization"),
               "faction": ("Party",), "party": ("Party",), "ministry": ("Ministry",), "department": ("Ministry",),
               "government": ("Government",), "cabinet": ("Government",)}
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Ii]t|[Ii]ts|[Tt]hey|[Tt]heir)\b")
_MARKS = re.compile("[\"“”]")
_BOUNDARY = re.compile(r"[.!?:]\s*[:;]?\s*(?=[A-Z])")
_ACCORDING = re.compile(r"^According\s+to\s+(?P<who>[^,]{1,80}),\s+(?P<content>.+?)[.!]?$")
_PART = re.compile(r"[^,]+")


def short_quote(text: str, limit: int = 60) -> str:
    """The start of a quote for a label, cut between words with an ellipsis.

    Example:
        >>> short_quote("the amended version preserved the movement's positions on the state", 40)
        'the amended version preserved the…'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def quote_spans(doc: Doc) -> list[tuple[int, int, int]]:
    """``(start, end, close_mark_offset)`` of quoted text; trailing commas and spaces are left out."""
    body = doc.body
    out: list[tuple[int, int, int]] = []
    pos = 0
    for para in body.split("\n"):
        marks = [pos + m.start() for m in _MARKS.finditer(para)] if _MARKS.search(para) else []
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


def _speech_time(doc: Doc, start: int, end: int, cue: tuple[int, int] = (0, 0)) -> TimeSpec:
    """The time of a statement: one in ``[start, end)`` (not of another event), else the day of the report (the
    day a report about yesterday is about, unless the speech verb in ``cue`` is a present: "Abbas says"), else
    undated."""
    for t in doc.times_in(start, end):
        if not _EVENT_TIME_BEFORE.search(doc.body, max(start, t.start - 30), t.start):
            return t.spec  # not "said after the Sunday and Monday sessions": the time of something else
    pub = doc.published
    lede = doc.sentences[0] if doc.sentences else None
    day = report_day([t.spec for t in doc.times_in(lede.start, lede.end)], pub) if lede \
        and not _FUTURE_LEDE.search(lede.text) and not _PRESENT_SPEECH.search(doc.body, *cue) \
        and any(is_actor_mention(m) for m in doc.mentions_in(lede.start, lede.end)) else None
    if day:  # a report about yesterday (its lede, of the process, is past): its past statements are yesterday's
        return day
    if pub and len(pub) >= 10:
        return TimeSpec("", doc.article.date_precision or "day", pub[:10], pub[:10])
    return TimeSpec("", None, None, None)


def find_statements(doc: Doc, idx: ReferenceIndex) -> list[Event]:
    """Statement events (one per quote span, and per speaker and clause of reported speech); fills
    ``doc.quotes``."""
    body = doc.body
    events: list[Event] = []
    prev: Quote | None = None
    prev_para = -1
    for start, end, close in quote_spans(doc):
        para = body.count("\n", 0, start)
        sent = doc.sentence_at(close)
        after = _AFTER.match(body, close + 1, min(len(body), close + 200))
        quote = Quote(start, end, "direct")
        who: tuple[str, str] | None = None
        if after:
            g = "who1" if after.group("who1") else "who2"
            everyone = speakers_in(doc, idx, after.start(g), after.end(g))
            who = everyone[0] if everyone else None
            if len(everyone) > 1:
                quote.speakers = everyone  # '"We are partners," Abbas and Meshaal said'
            quote.cue_start, quote.cue_end = after.start(g), after.end()
        else:
            open_at = start - 1
            before = _BEFORE.search(body, doc.sentence_at(open_at).start, max(open_at, 0))
            who = speaker_in(doc, idx, before.start("who"), before.end("who")) if before else None
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
            events.append(_statement(doc, idx, quote, _speech_time(doc, *tail, (quote.cue_start, quote.cue_end))))
    direct = list(doc.quotes)
    for s in doc.sentences:
        if any(q.start <= s.start < q.end for q in direct):
            continue
        end = min([q.start - 1 for q in direct if s.start <= q.start < s.end] + [s.end])
        while end > s.start and not (body[end - 1].isalnum() or body[end - 1] in ".!?"):
            end -= 1
        if end - s.start <= 12:
            continue
        for c_start, c_end in clauses(body, s.start, end):
            events.extend(_indirect(doc, idx, c_start, body[c_start:c_end])
                          or _but_clause(doc, idx, s.start, c_start, c_end))
    continue_dates(doc, events)
    return events


#: A statement that goes on from the one before: "X added", "also said", "went on", or a pronoun speaker.
#: A sentence whose subject is a pronoun for the speaker just quoted ("He did not say when …, but warned …").
_PRONOUN_OPENS = re.compile(r"\s*(?:He|She|They|It)\s")
_CONTINUED = re.compile(r"\b(?:added|adding|went\s+on|continued|also\s+(?:said|told|stressed|noted|warned|called))\b"
                        r"|^(?:He|She|It|They)\s+(?:also\s+)?(?:[a-z]+ed|said|told)\b"
                        r"|,\s+(?:he|she|it|they)\s+(?:also\s+)?(?:said|added)\b")


def continue_dates(doc: Doc, events: list[Event]) -> None:
    """A statement the text does not date (it took the report's day) continues the day of the last dated
    statement of the same speaker(s) within the two sentences before, when it says so ("Hamas said on Friday that
    … Hamas added that …" → Friday) or its sentence opens with a pronoun for them ("He did not say …, but warned
    …"). A perfect ("has said"), which the text does not date at all, stays undated.

    Example:
        >>> from kg.articles.model import Article
        >>> from kg.extract import extract_article
        >>> from kg.extract.lexicon import EntityInfo
        >>> idx = ReferenceIndex(entities={"h": EntityInfo("Hamas", type_local_name="Party")})
        >>> x = extract_article(Article(id="a", title=None, body="Hamas said on Friday it was ready. Hamas added "
        ...                             "that it wanted talks.", published="2024-03-18"), idx)
        >>> [e.time.earliest for e in x.events]
        ['2024-03-15', '2024-03-15']
    """
    last: dict[frozenset[str], tuple[int, TimeSpec]] = {}
    for ev in sorted(events, key=lambda e: e.evidence[0].start):
        who = frozenset(p.entity for p in ev.participants if p.role == "speaker")
        sent, t = doc.sentence_at(ev.evidence[0].start), ev.time
        k = sent.index
        if t is None or t.earliest is None:
            continue
        if t.text:
            last[who] = (k, t)
        elif who in last and k - last[who][0] <= 2 \
                and (_CONTINUED.search(sent.text) or _PRONOUN_OPENS.match(sent.text)):
            prev = last[who][1]
            ev.time = TimeSpec("", prev.precision, prev.earliest, prev.latest)


def clauses(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """``body[start:end]`` cut into clauses at semicolons and contrastive ", while/whereas/but".

    Example:
        >>> text = "X said A, while Y say B; Z agreed."
        >>> [text[a:b] for a, b in clauses(text, 0, len(text))]
        ['X said A', 'Y say B', 'Z agreed.']
    """
    out, pos = [], start
    for m in _CLAUSE_CUT.finditer(body, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if end > pos:
        out.append((pos, end))
    return out


def _indirect(doc: Doc, idx: ReferenceIndex, offset: int, text: str) -> list[Event]:
    """Reported speech in one clause: "<content>, X said.", "According to X, <content>", "X said (that)
    <content>", "X welcomed/rejected/called … <content>" and "X did …, saying <content>"."""
    found: list[tuple[tuple[tuple[str, str], ...], int, int, int, int, int, int]] = []
    m = _INDIRECT_END.search(text)
    if m:
        who = speakers_in(doc, idx, offset + m.start("who"), offset + m.end("who"))
        if who:
            tail = m.span("tail") if m.group("tail") else (m.end(), m.end())
            found.append((who, 0, m.start(), m.start("who"), m.end(), *tail))
    if not found and (m := _ACCORDING.search(text)):
        who = speakers_in(doc, idx, offset + m.start("who"), offset + m.end("who"))
        if who:
            found.append((who, m.start("content"), m.end("content"), m.start("who"), m.end("who"), m.end("who"),
                          m.end("who")))
    if not found:
        found.extend(_subject_verb(doc, idx, offset, text))
    return _indirect_events(doc, idx, offset, found)


def _but_clause(doc: Doc, idx: ReferenceIndex, sent_start: int, c_start: int, c_end: int) -> list[Event]:
    """"He did not say when …, but warned that …": a clause after ", but" that opens with a speech or report verb
    says what the sentence's subject said (the subject: the words before its first verb, at most 60 characters).

    Example: "Abbas did not give a date, but warned that the council would go" → a statement of Abbas.
    """
    body = doc.body
    if body[max(sent_start, c_start - 4):c_start].lower() != "but " or not _VERB.match(body, c_start, c_end):
        return []
    first = _FIRST_VERB.search(body, sent_start, min(c_start, sent_start + 61))
    if first is None or first.start() <= sent_start:
        return []
    found = _subject_verb(doc, idx, sent_start, body[sent_start:c_end],
                          carried=(c_start - sent_start, first.start() - sent_start))
    return _indirect_events(doc, idx, sent_start, found)


def _indirect_events(doc: Doc, idx: ReferenceIndex, offset: int, found: list[tuple]) -> list[Event]:
    """Statements (and their quotes) for the (speakers, content, cue and time spans) ``found`` in a clause."""
    events = []
    for who, c0, c1, w0, w1, t0, t1 in found:
        quote = Quote(offset + c0, offset + c1, "indirect", who[0][0], who[0][1], offset + w0, offset + w1,
                      speakers=who)
        doc.quotes.append(quote)
        undated = TimeSpec("", None, None, None)  # a perfect the text does not date
        cue = (offset + w0, offset + w1)
        events.append(_statement(doc, idx, quote, _speech_time(doc, offset + t0, offset + t1, cue) if t0 >= 0
                                 else undated))
    return events


def _statement_time_span(doc: Doc, offset: int, text: str, verb: re.Match[str], content: int) -> tuple[int, int]:
    """Where the time of "X said (…) that …" is in ``text``: a time between the verb and what was said ("said
    last week that", "urged Hamas on Jan. 28 to", "told the Authority in July that"), else one opening the clause
    ("On March 16 the DFLP called …", "In a statement issued late on Saturday, Hamas said …"); ``(-1, -1)`` for a
    perfect ("has said", "had said before the talks") with neither, which the text does not date.

    Example: "Muhaisen said last week that the movement was optimistic" → the span of "last week".
    """
    body = doc.body
    limit = max(content, verb.end() + 1)
    if content <= verb.end() + 1:  # "urged Hamas on Jan. 28 to …": the object, then what was urged
        to = _TO_OR_THAT.search(text, verb.end(), verb.end() + 45)
        limit = to.start() if to else limit
    for t in doc.times_in(offset + verb.end(), offset + len(text)):
        if t.start - offset > limit:
            break  # a time inside what was said dates something else
        if abs(t.start - offset - content) <= 1 and not _CLAUSE_AFTER_TIME.match(text, t.end - offset):
            break  # "said Monday's meeting was positive", "said Friday prayers would go ahead": what was said
        if not _EVENT_TIME_BEFORE.search(body, max(offset, t.start - 30), t.start):
            return t.start - offset, t.end - offset
    inserted = text.startswith(",", verb.end())  # "Two days later, he said, the factions would gather": the
    # time opens what was said, around the inserted "he said"
    for t in doc.times_in(offset, offset + min(verb.start(), 45)) if not inserted else ():
        if not _EVENT_TIME_BEFORE.search(body, max(offset, t.start - 30), t.start) \
                and not _RELATIVE_WORD.search(text, 0, t.start - offset):
            return t.start - offset, t.end - offset
    if _PERFECT.match(verb.group()):
        return -1, -1
    return verb.end(), verb.end()


def _subject_verb(doc: Doc, idx: ReferenceIndex, offset: int, text: str,
                  carried: tuple[int, int] | None = None) -> list[tuple]:
    """"X said (that) …", "X welcomed …", "X told reporters that …" and "X did …, saying …" in a clause. With
    ``carried`` = (verb start, subject end), only the verb there counts and its subject is ``text[:subject end]``
    (the sentence's subject for "…, but warned that …")."""
    for m in _VERB.finditer(text, carried[0] if carried else 0):
        if carried and m.start() != carried[0]:
            break
        if not carried and (m.start() == 0 or m.start() > 260):
            break
        who_text = text[:carried[1]] if carried else text[:m.start()]
        verb = m.group("verb")
        if verb in _NEEDS_THAT and not _THAT_NEXT.match(text, m.end()):
            continue  # "announced the decision", "continued its campaign" are acts; "announced that …" is words
        relative = _RELATIVE.search(who_text)
        if relative:  # "…, President Tebboune, who called it a historic day"
            ms = [x for x in doc.mentions_in(offset, offset + relative.start() + 1) if is_actor_mention(x)]
            if not ms or ms[-1].end < offset + relative.start() - 1:
                continue
            who = ((ms[-1].entity, ms[-1].label),)
            seg = (ms[-1].start - offset, ms[-1].end - offset)
        else:
            if _NOT_SUBJECT.search(who_text):
                continue
            seg = subject_segment(who_text)
            if seg is None and _AND_END.search(who_text):  # "Meshaal thanked the king and told reporters …"
                first = _FINITE.search(who_text)
                seg = subject_segment(who_text[:first.start()]) if first else None
            if seg is None:
                continue
            who = speakers_in(doc, idx, offset + seg[0], offset + seg[1])
        if not who:
            continue
        c0 = m.end()
        needs_that = _THAT_NEXT.match(text, c0) if verb in _NEEDS_THAT else None
        if needs_that:
            c0 = needs_that.end()  # "announced in July that …": what was said starts after "that"
        else:
            lead = _CONTENT_LEAD.match(text[c0:])
            if lead:
                c0 += lead.end()
        if _SPEECH.fullmatch(verb) or verb.startswith(("told", "tell")):
            that = _THAT.search(text, c0, min(len(text), c0 + 80)) if verb.startswith(("told", "tell")) else None
            if that:
                c0 = that.end()
        else:
            c0 = m.start("verb")  # "Hamas welcomed the decree": the reported act as worded
        c1 = len(text)
        while c1 > c0 and text[c1 - 1] in ".!? ":
            c1 -= 1
        tail = _TIME_TAIL.match(text, m.end())
        t0, t1 = (tail.start(), tail.end()) if tail else _statement_time_span(doc, offset, text, m, c0)
        if len(text[c0:c1].split()) >= 2:
            return [(who, c0, c1, seg[0], m.end(), t0, t1)]
        return []
    saying = _SAYING.search(text)
    if saying:
        verb = _FINITE.search(text, 0, saying.start())
        if verb:
            seg = subject_segment(text[:verb.start()])
            who = speakers_in(doc, idx, offset + seg[0], offset + seg[1]) if seg else None
            if who:
                assert seg is not None
                c1 = len(text)
                while c1 > saying.end() and text[c1 - 1] in ".!? ":
                    c1 -= 1
                return [(who, saying.end(), c1, seg[0], seg[1], seg[1], seg[1])]
    return []


def subject_segment(who_text: str) -> tuple[int, int] | None:
    """Offsets of the subject in the text before a verb: the last comma-separated part ("In a statement,
    the ministry"), or the first one when an apposition ends right before the verb ("X, a spokesman for Y,");
    None when the subject is long or contains a finite verb (the verb is not the main one).

    Example:
        >>> t = "Nabil Abu Rudeineh, a spokesman for Abbas, "
        >>> a, b = subject_segment(t); t[a:b]
        'Nabil Abu Rudeineh'
        >>> t = "In a statement, the ministry "
        >>> a, b = subject_segment(t); t[a:b]
        'the ministry'
    """
    stripped = who_text.rstrip()
    parts = [(m.start(), m.end()) for m in _PART.finditer(stripped)]
    if not parts:
        return None
    k = 0 if stripped.endswith(",") and len(parts) >= 2 else len(parts) - 1
    a, b = parts[k]
    if k and _AND_IN.search(stripped, a, b):  # "Hamas, Islamic Jihad, the PFLP and the PNI said": the whole list
        while k and _NAME_LIKE.fullmatch(stripped[parts[k - 1][0]:parts[k - 1][1]].strip()):
            k -= 1
        a = parts[k][0]
    while a < b and who_text[a] == " ":
        a += 1
    seg = who_text[a:b]
    if len(seg.split()) > (20 if "," in seg else 12) or _FINITE.search(seg):
        return None
    return a, b


def speaker_in(doc: Doc, idx: ReferenceIndex, start: int, end: int) -> tuple[str, str] | None:
    """The (first) speaker named in ``body[start:end]``; see ``speakers_in``."""
    who = speakers_in(doc, idx, start, end)
    return who[0] if who else None


def _own_title(doc: Doc, m: Mention, prep: int) -> bool:
    """True when the preposition at ``prep`` before the person ``m`` belongs to the person's own title, which starts
    before it: "Ambassador to Russia Abdel Hafiz Nofal", not "a spokesman for Abbas" or "a source close to Prime
    Minister Rami Hamdallah"."""
    return m.type == "Person" and any(t.person == m.entity and t.start < prep and t.end <= m.start
                                      for t in doc.titles)


def speakers_in(doc: Doc, idx: ReferenceIndex, start: int, end: int) -> tuple[tuple[str, str], ...]:
    """Who speaks in the subject ``body[start:end]``, best first:
    "the office of X" / "X's office" / "aides to X" → X; persons named outside a prepositional phrase (the
    first one: "Nabil Abu Rudeineh, a spokesman for Abbas"); organisations (all of a coordination: "Hamas and
    Islamic Jihad"; a capital city stands for its state: "Beijing said" → China); "the spokeswoman" (the
    holder of that title); "the ministry/movement" (the last such organisation); "the factions", "their
    statement" (the last coordination of organisations); he/she (the last statement's speaker, else the
    subject of the last sentence naming a person); it/they/its officials (the last organisation).

    Example:
        >>> from kg.articles.model import Article
        >>> doc = Doc.of(Article(id="a", title=None, body="The office said."))
        >>> speakers_in(doc, ReferenceIndex(), 0, 10)
        ()
    """
    body = doc.body
    text = body[start:end]
    ms = [_capital_as_state(idx, m) for m in doc.mentions_in(start, end)]
    ms = [m for m in ms if is_actor_mention(m)]
    principal = _PRINCIPAL.search(text)
    if principal:
        for m in ms:
            if m.type == "Person" and start + principal.start() <= m.start <= start + principal.end() + 40:
                return ((m.entity, m.label),)
        for m in ms:  # "a spokesman for Hamas", "a spokesman for the Egyptian Foreign Ministry"
            if start + principal.end() <= m.start <= start + principal.end() + 16:
                return ((m.entity, m.label),)
    free = [m for m in ms if not (prep := _UNDER_PREP.search(body, max(start, m.start - 30), m.start))
            or _own_title(doc, m, prep.start())]
    persons = [m for m in free if m.type == "Person"]
    if persons:
        joint = [persons[0]]  # "Abbas and Hamas leader Khaled Meshaal declared …": both speak
        for m in persons[1:]:
            if not _PERSON_AND.fullmatch(body, joint[-1].end, m.start):
                break
            joint.append(m)
        return tuple((m.entity, m.label) for m in joint)
    definite = _DEFINITE.search(text)
    if definite and (not free or free[0].start < start + definite.end()):  # "the Fatah leader"
        orgs = [m.entity for m in free if m.start < start + definite.end()]
        who = (member_before(doc, idx, start, orgs[0]) if orgs else None) \
            or title_holder(doc, start, definite.group(1).lower())
        return (who,) if who else ()
    if free:
        group = [free[0]]
        for m in free[1:]:
            if _COORD.fullmatch(body, group[-1].end, m.start):
                group.append(m)
        return tuple(dict.fromkeys((m.entity, m.label) for m in group))
    if _COLLECTIVE.search(text):
        return _last_group(doc, start)
    org = _DEF_ORG.search(text)
    if org:
        m = _last_org(doc, start, org.group(1).lower())
        return ((m.entity, m.label),) if m else ()
    pron = _PRONOUN.match(text.lstrip())
    if pron:
        word = pron.group().lower()
        if word in ("he", "she", "his", "her"):
            who = _person_pronoun(doc, start, "female" if word in ("she", "her") else "male")
            return (who,) if who else ()
        last = _last_statement(doc, start)
        if last and last.speakers and all(not _is_person(doc, iri) for iri, _ in last.speakers):
            return last.speakers
        m = _last_org(doc, start, None)
        return ((m.entity, m.label),) if m else ()
    return ()


def _last_group(doc: Doc, offset: int) -> tuple[tuple[str, str], ...]:
    """The last coordination of two or more organisations before ``offset`` ("Fatah, Hamas and Islamic
    Jihad"), or the speakers of the last statement by several."""
    multi = [q for q in doc.quotes if q.start < offset and len(q.speakers) > 1]
    orgs = [m for m in doc.mentions if m.end <= offset and is_actor_mention(m) and m.type != "Person"]
    best: list[Mention] = []
    run: list[Mention] = []
    for m in orgs:
        if run and _COORD.fullmatch(doc.body, run[-1].end, m.start):
            run.append(m)
        else:
            run = [m]
        if len(run) >= 2:
            best = list(run)
    if multi and (not best or multi[-1].start > best[-1].start):
        return multi[-1].speakers
    return tuple(dict.fromkeys((m.entity, m.label) for m in best))


def _capital_as_state(idx: ReferenceIndex, m: Mention) -> Mention:
    """A capital city speaking stands for its state ("Beijing had said …" → China)."""
    info = idx.entities.get(m.entity)
    if m.type == "City" and info and info.capital_of:
        state = info.capital_of
        return replace(m, entity=state, label=idx.label(state), type=idx.type_of(state) or "State")
    return m


def _is_person(doc: Doc, iri: str) -> bool:
    return any(m.entity == iri and m.type == "Person" for m in doc.mentions)


def _last_statement(doc: Doc, offset: int) -> Quote | None:
    """The last attributed quote ending before ``offset`` within the two sentences before it."""
    lo = doc.sentence_at(doc.sentence_at(offset).start - 1).start if offset else 0
    best = None
    for q in doc.quotes:
        if q.speaker and lo <= q.start < offset and (best is None or q.start > best.start):
            best = q
    return best


def _person_pronoun(doc: Doc, offset: int, gender: str) -> tuple[str, str] | None:
    """he/she: the last statement's speaker (within two sentences), else the first person named in the
    last sentence that names one (its subject), when the known gender fits."""
    last = _last_statement(doc, offset)
    if last and last.speaker and _is_person(doc, last.speaker) and _gender_fits(doc, last.speaker, gender):
        return last.speaker, last.speaker_label or ""
    persons = [m for m in doc.mentions if m.end <= offset and m.type == "Person"
               and _gender_fits(doc, m.entity, gender)]
    if not persons:
        return None
    sent = doc.sentence_at(persons[-1].start)
    first = next(m for m in persons if m.start >= sent.start)
    return first.entity, first.label


def _gender_fits(doc: Doc, iri: str, gender: str) -> bool:
    known = {t.gender for t in doc.titles if t.person == iri and t.gender}
    return not known or gender in known


def _last_org(doc: Doc, offset: int, noun: str | None) -> Mention | None:
    """The last organisation (not a person or place) named before ``offset`` (whose kind fits ``noun``)."""
    types = _NOUN_TYPES.get(noun or "", None)
    for m in reversed(doc.mentions):
        if m.end > offset or m.type == "Person" or not is_actor_mention(m):
            continue
        if noun is None or (types and m.type in types) or noun in m.label.lower().split():
            return m
    return None


def _statement(doc: Doc, idx: ReferenceIndex, quote: Quote, time: TimeSpec) -> Event:
    assert quote.speaker is not None
    speakers = quote.speakers or ((quote.speaker, quote.speaker_label or ""),)
    text = doc.body[quote.start:quote.end]
    conf = 0.9 if quote.kind == "direct" else 0.75
    ev = Event(key="", type="Statement", label=f"{quote.speaker_label}: {short_quote(text)}", time=time,
               participants=[Participant("speaker", iri, label) for iri, label in speakers],
               quote=text, quote_type=quote.kind,
               speaker_affiliation=affiliation(doc, idx, quote.speaker) if len(speakers) == 1 else None,
               evidence=[doc.evidence(quote.start, quote.end, f"statement-{quote.kind}", conf)], confidence=conf)
    ev.basis = basis_in(doc, idx, quote.start, quote.end)
    return ev


def basis_in(doc: Doc, idx: ReferenceIndex, start: int, end: int) -> list[str]:
    """Documents invoked after a basis cue in ``[start, end)``: named instruments, and "resolutions of the
    X" → the instrument X issued (also for a coordinated "X and Y")."""
    cue = doc.search(BASIS_CUE, start, end) if doc.may_contain_in(BASIS_WORDS, start, end) else None
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

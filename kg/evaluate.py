"""Score extracted facts against gold facts (both in the ``kg facts`` JSON shape).

Categories:
- ``mentions``: match on (article, entity IRI, start, end) with ``offset_tolerance`` characters;
- ``events`` (all types but Statement): same article and type, same participants as (role, IRI) pairs
  (``lenient``: gold ⊆ predicted), same place IRI, and dates that overlap (a gold date needs a predicted one);
- ``triggers`` (event detection, ACE style): same article and type, overlapping evidence spans;
- ``arguments``: (type, role, IRI) of each participant, counted as found only on a detected (trigger-matched)
  event; all gold and all predicted participants count in recall and precision;
- ``statements``: same article, same speakers, overlapping quote spans (any evidence span);
- ``modality`` and ``dates``: accuracy on matched events (dates exact at the gold precision: day → the
  full date, month → year-month, season → start and end months, year → year), reported as
  precision = recall = f1 = accuracy;
- ``statement_dates`` ("statement dates" in the table): the same date accuracy on matched statements, kept apart
  from ``dates`` so that one still means events only.
Only the matched pairs whose gold has a date (a start) count in ``dates`` and ``statement_dates``; with none,
the accuracy is 1.0. Matching is one-to-one and greedy in input order. Scores are given per article and overall.

``event_errors`` (overall) says why events (not statements) missed the event match (strict, or lenient with
``lenient``): of the events found at the gold's place in the text (a trigger match) but not matched, how many
differ in roles (``roles_missing``:
predicted ⊂ gold, ``roles_extra``: gold ⊂ predicted, ``roles_different``), place and date (an event may count
under several); ``missed`` gold events and ``spurious`` predicted ones have no trigger match at all.

Example:
    >>> gold = [{"kind": "mention", "entity": {"iri": "h"}, "start": 0, "end": 5, "article": {"iri": "a"}}]
    >>> score(gold, gold)["overall"]["mentions"]["f1"]
    1.0
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

CATEGORIES = ("mentions", "events", "triggers", "arguments", "statements", "modality", "dates", "statement_dates")
#: how a category is named in the table, when not by its key
TABLE_NAMES = {"statement_dates": "statement dates"}


def _article(fact: dict[str, Any]) -> str:
    art = fact.get("article") or {}
    return str(art.get("iri") or art.get("id") or "")


def _roles(ev: dict[str, Any]) -> set[tuple[str, str]]:
    return {(p.get("role", ""), p.get("iri", "")) for p in ev.get("participants") or []}


def _iri(value: Any) -> str | None:
    return value.get("iri") if isinstance(value, dict) else value


def _bounds(ev: dict[str, Any]) -> tuple[str | None, str | None]:
    d = ev.get("date") or {}
    return d.get("start"), d.get("end") or d.get("start")


def _dates_overlap(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    g0, g1 = _bounds(gold)
    if g0 is None and g1 is None:
        return True
    p0, p1 = _bounds(pred)
    if p0 is None and p1 is None:
        return False
    return (g0 or "0000") <= (p1 or "9999") and (p0 or "0000") <= (g1 or "9999")


def _date_exact(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    g, p = gold.get("date") or {}, pred.get("date") or {}
    n = {"day": 10, "month": 7, "season": 7, "year": 4}.get(g.get("precision") or "day", 10)
    same_start = (g.get("start") or "")[:n] == (p.get("start") or "")[:n]
    if g.get("precision") == "season":
        return same_start and (g.get("end") or "")[:n] == (p.get("end") or "")[:n]
    return same_start


def _date_accuracy(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, float | int]:
    """Exact dates on the matched pairs whose gold has a date.

    Example:
        >>> g = {"date": {"start": "2017-10-01", "precision": "month"}}
        >>> _date_accuracy([(g, {"date": {"start": "2017-10-12"}}), ({"date": None}, {})])["tp"]
        1
    """
    dated = [(g, p) for g, p in pairs if (g.get("date") or {}).get("start")]
    return _accuracy(sum(_date_exact(g, p) for g, p in dated), len(dated))


def _event_match(lenient: bool) -> Callable[[dict[str, Any], dict[str, Any]], bool]:
    def match(g: dict[str, Any], p: dict[str, Any]) -> bool:
        if g.get("type") != p.get("type"):
            return False
        gr, pr = _roles(g), _roles(p)
        if not (gr <= pr if lenient else gr == pr):
            return False
        return _iri(g.get("place")) == _iri(p.get("place")) and _dates_overlap(g, p)
    return match


def _spans(ev: dict[str, Any]) -> list[tuple[int, int]]:
    return [(int(e["start"]), int(e["end"])) for e in ev.get("evidence") or [] if "start" in e and "end" in e]


def _overlap(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return any(a0 < b1 and b0 < a1 for a0, a1 in _spans(g) for b0, b1 in _spans(p))


def _trigger_match(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return g.get("type") == p.get("type") and _overlap(g, p)


def _statement_match(g: dict[str, Any], p: dict[str, Any]) -> bool:
    speakers = {r for r in _roles(g) if r[0] == "speaker"}
    if speakers != {r for r in _roles(p) if r[0] == "speaker"}:
        return False
    return _overlap(g, p)


def _mention_match(tol: int) -> Callable[[dict[str, Any], dict[str, Any]], bool]:
    def match(g: dict[str, Any], p: dict[str, Any]) -> bool:
        return (_iri(g.get("entity")) == _iri(p.get("entity")) and abs(int(g["start"]) - int(p["start"])) <= tol
                and abs(int(g["end"]) - int(p["end"])) <= tol)
    return match


def _pairs(gold: list[dict[str, Any]], pred: list[dict[str, Any]],
           match: Callable[[dict[str, Any], dict[str, Any]], bool]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    used: set[int] = set()
    pairs = []
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and _article(g) == _article(p) and match(g, p):
                used.add(i)
                pairs.append((g, p))
                break
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    precision = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    recall = tp / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": n_pred - tp, "fn": n_gold - tp, "precision": round(precision, 4),
            "recall": round(recall, 4), "f1": round(f1, 4)}


def _accuracy(correct: int, total: int) -> dict[str, float | int]:
    acc = correct / total if total else 1.0
    return {"tp": correct, "fp": total - correct, "fn": total - correct, "precision": round(acc, 4),
            "recall": round(acc, 4), "f1": round(acc, 4)}


def _score_set(gold: list[dict[str, Any]], pred: list[dict[str, Any]], lenient: bool,
               tol: int) -> dict[str, dict[str, float | int]]:
    def kind(facts: list[dict[str, Any]], k: str, statement: bool | None = None) -> list[dict[str, Any]]:
        out = [f for f in facts if f.get("kind") == k]
        if statement is not None:
            out = [f for f in out if (f.get("type") == "Statement") == statement]
        return out

    gm, pm = kind(gold, "mention"), kind(pred, "mention")
    ge, pe = kind(gold, "event", False), kind(pred, "event", False)
    gs, ps = kind(gold, "event", True), kind(pred, "event", True)
    ev_pairs = _pairs(ge, pe, _event_match(lenient))
    st_pairs = _pairs(gs, ps, _statement_match)
    trig_pairs = _pairs(ge, pe, _trigger_match)
    found_args = sum(len(_roles(g) & _roles(p)) for g, p in trig_pairs)
    return {
        "mentions": _prf(len(_pairs(gm, pm, _mention_match(tol))), len(pm), len(gm)),
        "events": _prf(len(ev_pairs), len(pe), len(ge)),
        "triggers": _prf(len(trig_pairs), len(pe), len(ge)),
        "arguments": _prf(found_args, sum(len(_roles(p)) for p in pe), sum(len(_roles(g)) for g in ge)),
        "statements": _prf(len(st_pairs), len(ps), len(gs)),
        "modality": _accuracy(sum(g.get("modality", "actual") == p.get("modality", "actual") for g, p in ev_pairs),
                              len(ev_pairs)),
        "dates": _date_accuracy(ev_pairs),
        "statement_dates": _date_accuracy(st_pairs),
    }


def event_errors(gold: list[dict[str, Any]], pred: list[dict[str, Any]], lenient: bool = False) -> dict[str, int]:
    """Why events miss the event match (see the module doc): counts of role, place and date differences among
    trigger-matched events, and of missed and spurious events.

    Example:
        >>> g = {"kind": "event", "type": "Meeting", "participants": [{"role": "participant", "iri": "h"}],
        ...      "evidence": [{"start": 0, "end": 9}], "article": {"iri": "a"}}
        >>> event_errors([g], [g | {"participants": []}])["roles_missing"]
        1
    """
    ge = [f for f in gold if f.get("kind") == "event" and f.get("type") != "Statement"]
    pe = [f for f in pred if f.get("kind") == "event" and f.get("type") != "Statement"]
    strict = _pairs(ge, pe, _event_match(lenient))
    done_g, done_p = {id(g) for g, _ in strict}, {id(p) for _, p in strict}
    rest_g, rest_p = [g for g in ge if id(g) not in done_g], [p for p in pe if id(p) not in done_p]
    near = _pairs(rest_g, rest_p, _trigger_match)
    out = dict.fromkeys(("roles_missing", "roles_extra", "roles_different", "place", "date"), 0)
    for g, p in near:
        gr, pr = _roles(g), _roles(p)
        if gr != pr:
            out["roles_missing" if pr < gr else "roles_extra" if gr < pr else "roles_different"] += 1
        out["place"] += _iri(g.get("place")) != _iri(p.get("place"))
        out["date"] += not _dates_overlap(g, p)
    return out | {"missed": len(rest_g) - len(near), "spurious": len(rest_p) - len(near)}


def score(gold: list[dict[str, Any]], predicted: list[dict[str, Any]], *, lenient: bool = False,
          offset_tolerance: int = 0) -> dict[str, Any]:
    """Precision/recall/F1 per category, overall and per article (see the module doc).

    Example:
        >>> ev = {"kind": "event", "type": "Meeting", "participants": [], "article": {"iri": "a"}}
        >>> score([ev], [])["overall"]["events"]["recall"]
        0.0
    """
    articles = sorted({_article(f) for f in [*gold, *predicted]})
    return {
        "overall": _score_set(gold, predicted, lenient, offset_tolerance),
        "articles": {a: _score_set([f for f in gold if _article(f) == a], [f for f in predicted if _article(f) == a],
                                   lenient, offset_tolerance) for a in articles},
        "options": {"lenient": lenient, "offset_tolerance": offset_tolerance},
        "event_errors": event_errors(gold, predicted, lenient),
    }


def format_scores(scores: dict[str, Any], fmt: str = "table", labels: dict[str, str] | None = None,
                  overall_only: bool = False) -> str:
    """Scores as an aligned text table (overall rows, then per article, named by ``labels`` when given) or as
    JSON.

    Example:
        >>> table = format_scores(score([], []), "table").splitlines()
        >>> print(table[0])
        scope    category         precision  recall  f1     tp  fp  fn
        >>> print(table[-3])
        overall  statement dates  1.000      1.000   1.000  0   0   0
        >>> print(table[-1][:40])
        events not matched: 0 missed, 0 spurious
    """
    if fmt == "json":
        return json.dumps(scores, indent=2, sort_keys=True)
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r} (use table or json)")
    rows = [("scope", "category", "precision", "recall", "f1", "tp", "fp", "fn")]
    names = labels or {}
    per_article = [] if overall_only else sorted(scores.get("articles", {}).items())
    scopes = [("overall", scores["overall"]), *[(names.get(a, a), c) for a, c in per_article]]
    for name, cats in scopes:
        for cat in CATEGORIES:
            s = cats[cat]
            rows.append((name, TABLE_NAMES.get(cat, cat), f"{s['precision']:.3f}", f"{s['recall']:.3f}",
                         f"{s['f1']:.3f}", str(s["tp"]), str(s["fp"]), str(s["fn"])))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    table = "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows)
    errs = scores.get("event_errors")
    if not errs:
        return table
    return table + ("\n\nevents not matched: {missed} missed, {spurious} spurious; found in the right place but "
                    "{roles_missing} lack roles, {roles_extra} have extra roles, {roles_different} other roles, "
                    "{place} another place, {date} another date").format(**errs)

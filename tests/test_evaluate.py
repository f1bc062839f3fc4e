"""Scoring against gold facts: a tiny gold/predicted pair with P/R/F1 computed by hand."""

from __future__ import annotations

import json

import pytest

from kg.evaluate import format_scores, score

A = {"iri": "id:article/a"}
B = {"iri": "id:article/b"}


def mention(iri: str, start: int, end: int, art: dict = A) -> dict:
    return {"kind": "mention", "entity": {"iri": iri, "label": iri, "type": "Party", "linked": True},
            "text": "x", "start": start, "end": end, "article": art}


def event(type_: str, parts: list[tuple[str, str]], place: str | None = None, start: str | None = None,
          end: str | None = None, precision: str = "day", modality: str = "actual", art: dict = A,
          spans: tuple[tuple[int, int], ...] = ()) -> dict:
    return {"kind": "event", "type": type_, "modality": modality,
            "participants": [{"role": r, "iri": i, "label": i} for r, i in parts],
            "place": {"iri": place, "label": place} if place else None,
            "date": {"start": start, "end": end, "precision": precision, "text": ""},
            "evidence": [{"sentence": "", "start": s, "end": e} for s, e in spans], "article": art}


GOLD = [
    mention("hamas", 0, 5), mention("fatah", 10, 15), mention("egypt", 20, 25),
    event("Signing", [("signatory", "fatah"), ("signatory", "hamas")], "cairo", "2017-10-12", "2017-10-12",
          modality="actual"),
    event("Meeting", [("proposer", "russia")], "moscow", modality="hoped"),
    event("Election", [("winner", "hamas")], None, "2006-01-01", "2006-12-31", "year"),
    event("Statement", [("speaker", "zakharova")], spans=((100, 150),)),
    event("Statement", [("speaker", "zakharova")], spans=((200, 250),)),
]
PRED = [
    mention("hamas", 0, 5), mention("fatah", 10, 16), mention("egypt", 20, 25), mention("qatar", 30, 35),
    # matches the signing (season overlaps the day) but the date is not exact at day precision
    event("Signing", [("signatory", "fatah"), ("signatory", "hamas")], "cairo", "2017-09-01", "2017-11-30",
          "season"),
    # matches the meeting but with the wrong modality
    event("Meeting", [("proposer", "russia")], "moscow", modality="planned"),
    # wrong winner: no match; an extra event
    event("Election", [("winner", "fatah")], None, "2006-01-01", "2006-12-31", "year"),
    event("Stall", []),
    event("Statement", [("speaker", "zakharova")], spans=((120, 130),)),
]


def test_hand_computed_scores() -> None:
    s = score(GOLD, PRED)["overall"]
    # mentions: tp 2 (hamas, egypt); fatah's end differs; qatar extra → P 2/4, R 2/3, F1 = 2·.5·.667/1.167
    assert (s["mentions"]["tp"], s["mentions"]["fp"], s["mentions"]["fn"]) == (2, 2, 1)
    assert (s["mentions"]["precision"], s["mentions"]["recall"], s["mentions"]["f1"]) == (0.5, 0.6667, 0.5714)
    # events (not statements): gold 3, predicted 4, tp 2 → P .5, R .6667
    assert (s["events"]["tp"], s["events"]["precision"], s["events"]["recall"]) == (2, 0.5, 0.6667)
    # statements: gold 2, predicted 1, tp 1 → P 1, R .5, F1 .6667
    assert (s["statements"]["precision"], s["statements"]["recall"], s["statements"]["f1"]) == (1.0, 0.5, 0.6667)
    # modality on the 2 matched events: 1 right; dates on the 1 matched dated event: 0 right
    assert (s["modality"]["tp"], s["modality"]["f1"]) == (1, 0.5)
    assert (s["dates"]["tp"], s["dates"]["fp"], s["dates"]["f1"]) == (0, 1, 0.0)
    # no gold statement is dated: nothing to count, accuracy 1.0
    assert (s["statement_dates"]["tp"], s["statement_dates"]["fp"], s["statement_dates"]["f1"]) == (0, 0, 1.0)


def test_statement_dates_exact_at_the_gold_precision_on_matched_statements() -> None:
    def said(who: str, at: int, start: str | None = None, precision: str = "day") -> dict:
        return event("Statement", [("speaker", who)], start=start, end=start, precision=precision,
                     spans=((at, at + 40),))

    gold = [said("abbas", 0, "2017-10-01", "month"),    # right: the predicted day is in that month
            said("haniyeh", 100, "2017-10-12"),          # wrong day
            said("zakharova", 200),                      # undated gold: not counted, whatever is predicted
            said("sisi", 300, "2017-10-12"),             # dated but not found: not counted
            event("Signing", [("signatory", "fatah")], start="2017-10-12", end="2017-10-12")]
    pred = [said("abbas", 10, "2017-10-12"), said("haniyeh", 110, "2017-10-13"), said("zakharova", 210, "2017-10-12"),
            said("hamas", 300, "2017-10-12"),
            event("Signing", [("signatory", "fatah")], start="2017-10-12", end="2017-10-12")]
    s = score(gold, pred)["overall"]
    assert (s["statements"]["tp"], s["statements"]["fp"], s["statements"]["fn"]) == (3, 1, 1)
    sd = s["statement_dates"]
    assert (sd["tp"], sd["fp"], sd["fn"]) == (1, 1, 1)
    assert (sd["precision"], sd["recall"], sd["f1"]) == (0.5, 0.5, 0.5)
    # the event dates are apart: the one matched dated event is right
    assert (s["dates"]["tp"], s["dates"]["fp"], s["dates"]["f1"]) == (1, 0, 1.0)
    # per article too, and named "statement dates" in the table
    assert score(gold, pred)["articles"]["id:article/a"]["statement_dates"] == sd
    rows = [r.split() for r in format_scores(score(gold, pred), overall_only=True).splitlines()]
    assert ["overall", "statement", "dates", "0.500", "0.500", "0.500", "1", "1", "1"] in rows


def test_offset_tolerance_and_lenient_roles() -> None:
    assert score(GOLD, PRED, offset_tolerance=1)["overall"]["mentions"]["tp"] == 3
    gold = [event("Meeting", [("participant", "fatah")], "cairo")]
    pred = [event("Meeting", [("participant", "fatah"), ("host", "egypt")], "cairo")]
    assert score(gold, pred)["overall"]["events"]["tp"] == 0
    assert score(gold, pred, lenient=True)["overall"]["events"]["tp"] == 1


def test_articles_are_scored_apart() -> None:
    s = score([mention("hamas", 0, 5, A)], [mention("hamas", 0, 5, B)])
    assert s["overall"]["mentions"]["tp"] == 0
    assert s["articles"]["id:article/a"]["mentions"]["recall"] == 0.0
    assert s["articles"]["id:article/b"]["mentions"]["precision"] == 0.0


def test_gold_date_needs_a_predicted_date() -> None:
    gold = [event("Election", [], None, "2006-01-01", "2006-12-31", "year")]
    assert score(gold, [event("Election", [])])["overall"]["events"]["tp"] == 0


def test_format_table_and_json() -> None:
    s = score(GOLD, PRED)
    table = format_scores(s).splitlines()
    assert table[0].split() == ["scope", "category", "precision", "recall", "f1", "tp", "fp", "fn"]
    assert table[1].split() == ["overall", "mentions", "0.500", "0.667", "0.571", "2", "2", "1"]
    assert [r.split()[1] for r in table[1:9]] == ["mentions", "events", "triggers", "arguments", "statements",
                                                  "modality", "dates", "statement"]
    assert json.loads(format_scores(s, "json"))["overall"]["events"]["tp"] == 2
    with pytest.raises(ValueError, match="unknown format"):
        format_scores(s, "csv")


def test_triggers_and_arguments_are_scored_ace_style() -> None:
    from kg.evaluate import score

    art = {"iri": "a"}

    def ev(type_: str, start: int, end: int, *roles: tuple[str, str]) -> dict:
        return {"kind": "event", "type": type_, "article": art, "evidence": [{"start": start, "end": end}],
                "participants": [{"role": r, "iri": i} for r, i in roles]}

    gold = [ev("Signing", 0, 50, ("signatory", "fatah"), ("signatory", "hamas"), ("mediator", "egypt")),
            ev("Meeting", 60, 90, ("host", "russia"))]
    pred = [ev("Signing", 10, 40, ("signatory", "fatah"), ("signatory", "hamas")),   # detected, 2 of 3 args
            ev("Meeting", 200, 220, ("host", "russia")),                           # wrong span: not detected
            ev("Election", 0, 50, ("winner", "hamas"))]                            # spurious
    o = score(gold, pred)["overall"]
    assert (o["triggers"]["tp"], o["triggers"]["fp"], o["triggers"]["fn"]) == (1, 2, 1)
    # args: gold 4, predicted 4, found 2 (only on the detected signing)
    assert (o["arguments"]["tp"], o["arguments"]["fp"], o["arguments"]["fn"]) == (2, 2, 2)
    assert o["arguments"]["f1"] == 0.5
    # strict events ignore spans: the meeting matches (type, roles, place, dates); the signing lacks the mediator
    assert (o["events"]["tp"], o["events"]["fp"], o["events"]["fn"]) == (1, 2, 1)


def test_kg_evaluate_scores_only_the_annotated_articles(tmp_path) -> None:
    """The real extractor on two articles, gold for one: the other article's facts are not counted."""
    from click.testing import CliRunner

    from kg.articles import read_text
    from kg.cli import cli
    from kg.mapping import article_iri

    arts, gold_dir = tmp_path / "articles", tmp_path / "gold"
    arts.mkdir()
    gold_dir.mkdir()
    vote = "---\ntitle: Vote\npublished: 2006-01-27\n---\nHamas won the 2006 elections.\n"
    (arts / "a.txt").write_text(vote)
    (arts / "b.txt").write_text("---\ntitle: Other\npublished: 2007-01-27\n---\nFatah met Hamas in Cairo.\n")
    art = {"iri": str(article_iri(read_text(vote, source="a.txt").id))}
    hamas = "https://w3id.org/reconciliation-kg/id/party/hamas"
    gold = [mention(hamas, 0, 5, art),
            event("Election", [("winner", hamas)], start="2006-01-01", end="2006-12-31", precision="year",
                  art=art, spans=((10, 28),)),
            event("Meeting", [("participant", hamas)], art=art)]  # not in the text: a miss
    (gold_dir / "a.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold))
    r = CliRunner().invoke(cli, ["evaluate", str(gold_dir), "--articles", str(arts), "--format", "json"])
    assert r.exit_code == 0, r.output
    o = json.loads(r.stdout)["overall"]
    assert (o["mentions"]["tp"], o["mentions"]["fp"], o["mentions"]["fn"]) == (1, 0, 0)
    assert (o["events"]["tp"], o["events"]["fp"], o["events"]["fn"]) == (1, 0, 1)
    assert o["events"]["f1"] == pytest.approx(2 / 3, abs=1e-3)
    assert o["dates"]["f1"] == 1.0
    assert o["statement_dates"]["tp"] + o["statement_dates"]["fp"] == 0  # no statement in the gold
    assert "1 articles without gold are not scored" in r.stderr


def test_kg_evaluate_scores_given_facts_instead_of_extracting(tmp_path) -> None:
    """--predicted scores another extractor's facts (or a second annotation): a file or a folder; events below the
    reported confidence (background records) are left out; articles without gold are not scored."""
    from click.testing import CliRunner

    from kg.cli import cli

    hamas, fatah = "https://w3id.org/reconciliation-kg/id/party/hamas", "https://w3id.org/reconciliation-kg/id/party/fatah"
    other = {"iri": "https://w3id.org/reconciliation-kg/id/article/other"}
    gold = [mention(hamas, 0, 5), event("Meeting", [("participant", hamas), ("participant", fatah)]),
            event("Signing", [("signatory", hamas)])]
    pred = [mention(hamas, 0, 5), mention(fatah, 10, 15),                                  # one right, one wrong
            event("Meeting", [("participant", hamas), ("participant", fatah)]),           # matches
            event("Signing", [("signatory", hamas)]) | {"confidence": 0.3},                # background: left out
            event("Meeting", [("participant", hamas)], art=other)]                         # no gold: not scored
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir()
    pred_dir.mkdir()
    (gold_dir / "a.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold))
    (pred_dir / "p.jsonl").write_text("".join(json.dumps(p) + "\n" for p in pred))
    for given in (pred_dir, pred_dir / "p.jsonl"):
        r = CliRunner().invoke(cli, ["evaluate", str(gold_dir), "--predicted", str(given), "--format", "json"])
        assert r.exit_code == 0, r.output
        o = json.loads(r.stdout)["overall"]
        assert (o["mentions"]["tp"], o["mentions"]["fp"], o["mentions"]["fn"]) == (1, 1, 0)
        assert (o["events"]["tp"], o["events"]["fp"], o["events"]["fn"]) == (1, 0, 1)
        assert "1 articles without gold are not scored" in r.stderr
    both = CliRunner().invoke(cli, ["evaluate", str(gold_dir), "--predicted", str(pred_dir), "--articles", "x"])
    assert both.exit_code == 2 and "exclude each other" in both.output
    (pred_dir / "bad.jsonl").write_text("{not json\n")
    bad = CliRunner().invoke(cli, ["evaluate", str(gold_dir), "--predicted", str(pred_dir)])
    assert bad.exit_code == 2 and "bad.jsonl: not valid JSON" in bad.output


def test_event_errors_say_why_events_missed_the_strict_match() -> None:
    from kg.evaluate import event_errors

    gold = [event("Meeting", [("participant", "hamas"), ("participant", "fatah")], "cairo", spans=((0, 10),)),
            event("Signing", [("signatory", "fatah"), ("signatory", "hamas")], spans=((20, 30),)),
            event("Election", [("winner", "hamas")], None, "2006-01-01", "2006-12-31", "year", spans=((40, 50),)),
            event("Takeover", [("agent", "hamas")], spans=((60, 70),)),                     # not found: missed
            event("Split", [("participant", "fatah")], spans=((100, 110),))]                # matched strictly
    pred = [event("Meeting", [("participant", "hamas")], "moscow", spans=((0, 10),)),       # lacks a role, place
            event("Signing", [("signatory", "fatah"), ("signatory", "hamas"), ("mediator", "egypt")],
                  spans=((20, 30),)),                                                       # an extra role
            event("Election", [("winner", "fatah")], None, "2007-01-01", "2007-12-31", "year",
                  spans=((40, 50),)),                                                       # other role, date
            event("Handover", [("recipient", "pa")], spans=((80, 90),)),                    # spurious
            event("Split", [("participant", "fatah")], spans=((100, 110),))]
    assert event_errors(gold, pred) == {"roles_missing": 1, "roles_extra": 1, "roles_different": 1, "place": 1,
                                        "date": 1, "missed": 1, "spurious": 1}
    assert score(gold, pred)["event_errors"] == event_errors(gold, pred)
    assert "1 missed, 1 spurious" in format_scores(score(gold, pred))
    # lenient: the extra mediator no longer keeps the signing out
    assert event_errors(gold, pred, lenient=True)["roles_extra"] == 0

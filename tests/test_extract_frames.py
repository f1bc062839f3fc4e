"""Round-11 precision rules (invented sentences, the index of ``test_extract_syntax``): the parties and brokers
of the accord an event falls under ("under the Egyptian-brokered deal") are not its actors, and the
organisation in a person's title apposition (up to five words before "of") is no actor either. One positive
and one negative example per rule."""

from __future__ import annotations

from extract_helpers import of_type, roles

from kg.extract.clauses import frame_spans
from tests.test_extract_rules import EGYPT, HAMAS, PA, RFM
from tests.test_extract_syntax import run

HANDOVER = "Hamas handed over the Gaza crossings to the Palestinian Authority on Monday"


def test_frame_spans_stop_at_a_comma_or_subordinator() -> None:
    s = "The cabinet formed under the Mecca agreement until Abbas dismissed it."
    assert [s[a:b] for a, b in frame_spans(s, 0, len(s))] == ["under the Mecca agreement"]


def test_broker_of_the_framing_deal_is_no_actor() -> None:
    (h,) = of_type(run("Under the Egyptian-brokered deal, " + HANDOVER + "."), "Handover")
    assert roles(h) == {("agent", HAMAS), ("recipient", PA)}
    # the same broker outside an "under …" frame keeps its mediator role
    (h,) = of_type(run(HANDOVER + ", Egyptian-brokered talks said."), "Handover")
    assert ("mediator", EGYPT) in roles(h)


def test_long_title_apposition_org_is_no_actor() -> None:
    tail = " formed a new government on Friday."  # actual: a plan would keep only its leader
    (g,) = of_type(run("Abbas named Haniyeh, a long-time economic adviser and chairman of the Russian Foreign "
                      "Ministry," + tail), "GovernmentFormation")
    assert ("agent", RFM) not in roles(g)
    # the ministry coordinated with the person (no apposition) stays
    (g,) = of_type(run("Abbas named Haniyeh and the Russian Foreign Ministry" + tail), "GovernmentFormation")
    assert ("agent", RFM) in roles(g)

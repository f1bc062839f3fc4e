"""Round-15 rules on the real reference layer (invented sentences): a positive and a negative example each."""

from __future__ import annotations

import pytest
from extract_helpers import ID, of_type, roles, run

FATAH, HAMAS = ID + "party/fatah", ID + "party/hamas"
ABBAS, PA = ID + "person/mahmoud-abbas", ID + "org/palestinian-authority"


def takeover_roles(body: str) -> set[tuple[str, str]]:
    (t,) = of_type(run(body), "Takeover")
    return roles(t)


@pytest.mark.parametrize(("body", "target"), [
    ("Hamas seized the Gaza Strip from forces loyal to Abbas in 2007.", ABBAS),
    ("Hamas seized Gaza from Fatah in June 2007.", FATAH),
    ("Hamas has ruled the Gaza Strip since it routed Fatah forces there in June 2007.", FATAH),
    ("In 2007 Hamas drove Fatah out of the Gaza Strip.", FATAH),
    ("Fatah forces were routed by Hamas in 2007.", FATAH),
    ("The Palestinian Authority has had no power in Gaza since 2007, when Hamas drove its forces out of the strip.",
     PA),
])
def test_a_takeover_names_who_lost_the_territory_as_target(body: str, target: str) -> None:
    assert takeover_roles(body) == {("agent", HAMAS), ("target", target)}


@pytest.mark.parametrize("body", [
    "Hamas seized power in Gaza in 2007.",  # no losing side named
    "Hamas took control of Gaza from Egypt's border in 2007.",  # a state or place is not a side that lost it
    "Hamas seized the Gaza Strip in 2007 and Fatah kept the West Bank.",  # a side named elsewhere
])
def test_a_takeover_without_a_losing_side_has_no_target(body: str) -> None:
    assert takeover_roles(body) == {("agent", HAMAS)}

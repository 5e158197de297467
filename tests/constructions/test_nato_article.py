"""Issue 11, "Done when": the mission's own story. A short article of our own about a NATO meeting in which NATO's
secretary general (Mark Rutte on 2024-12-04) speaks the three sentences quoted in the issue, plus the sentence on
U.S. aid to Ukraine before the change of administration."""

from __future__ import annotations

import pytest

from constructions.dyads import comparison_code, event_key, show
from eventwire.nlp import code_text

ARTICLE = """BRUSSELS (eventwire) — NATO foreign ministers met in Brussels on Wednesday for their last meeting before \
Donald Trump returns to the White House, with allies pressing for more help for Ukraine.

NATO Secretary General Mark Rutte told reporters that Russia was getting growing support from its partners. "China, \
through dual-use goods sent to Russia, is helping the war efforts," Rutte said. "Iran is doing the same with drone \
technology and sending them to Russia."

Rutte said he looked forward to working with the incoming U.S. administration. "Mr. Trump has at times been \
critical of the alliance," he said, adding that European allies were already spending more on defence.

In Washington, the White House said President Biden is committed to ensuring the U.S. sends all designated aid to \
Ukraine by January 20."""

DATE = "2024-12-04"
HELP = {"SUPPORT", "AID"}  # the issue accepts either for China's and Iran's help to Russia


@pytest.fixture(scope="module")
def coded():
    return code_text(ARTICLE, date=DATE, id="nato-ministers", title="NATO ministers meet in Brussels")


def events(coded, source: str, target: str, types: set[str]) -> list:
    return [
        e
        for e in coded.events
        if e.plover in types and event_key(coded, e)[:2] == (frozenset({source}), frozenset({target}))
    ]


def coded_events(coded) -> str:
    return (
        "; ".join(
            f"{show(event_key(coded, e))} reported_by={e.reported_by} deadline={e.deadline}"
            for e in coded.events
            if e.plover
        )
        or "none"
    )


def secretary_general(coded):
    rutte = [a for a in coded.actors if "Rutte" in a.name]
    assert rutte, "Mark Rutte is not an actor"
    code = comparison_code(rutte[0].code, rutte[0].country)
    assert code == "NATO", f"Rutte is coded {code}, not as NATO's secretary general on {DATE}"
    return rutte[0]


@pytest.mark.parametrize("helper", ["CHN", "IRN"])
def test_helpers_of_russia_reported_by_the_secretary_general(coded, helper):
    found = events(coded, helper, "RUS", HELP)
    assert found, f"no {helper} -> RUS support or aid; coded: {coded_events(coded)}"
    reporter = secretary_general(coded).id
    assert any(e.reported_by == reporter for e in found), (
        f"{helper} -> RUS is not reported by the secretary general ({reporter}); coded: {coded_events(coded)}"
    )


def test_trump_criticises_nato(coded):
    assert events(coded, "USA", "NATO", {"ACCUSE"}), f"no USA -> NATO ACCUSE; coded: {coded_events(coded)}"


def test_us_aid_to_ukraine_is_intended_with_its_deadline(coded):
    # the issue asks for aid; the PLOVER manual codes promised future aid as AGREE: both are accepted
    found = events(coded, "USA", "UKR", {"AID", "AGREE"})
    assert any(e.modality == "intended" and e.deadline == "2025-01-20" for e in found), (
        f"no intended USA -> UKR aid with deadline 2025-01-20; coded: {coded_events(coded)}"
    )

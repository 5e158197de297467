"""The construction suite of issue 11: made-up wire sentences, one or more per failure class, each annotated by hand
with its expected (source, target, PLOVER type, modality) events. The coder must get 90% of them exactly right.

A sentence counts as right when the multiset of its coded events that have a PLOVER type equals the annotated one
(statements without a PLOVER type are ignored; a duplicate event is an error). ``pytest -s`` prints the per-class
table and every miss; the failure message carries the same table. See README.md for the annotation conventions.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from constructions.dyads import UNKNOWN, comparison_code, expected, parse_event, predicted, show
from eventwire.nlp import code_docs
from eventwire.records import Document
from eventwire.tables import read_tsv

SENTENCES = Path(__file__).with_name("sentences.tsv")
CLASSES = {
    "1a": "groups: demonym + group noun, generic agents",
    "1b": "organisations and armed groups with a home country",
    "1c": "titled persons without a dictionary row",
    "1d": "office holders by name and date",
    "1e": "pronouns for states and organisations",
    "1f": "datelines and agencies are not actors",
    "2": "role filling: complements, nested and possessor targets, adjective predicates, participles",
    "3": "complement clauses and modality",
    "4": "lexicon breadth and word sense",
    "5": "coordination: one event per dyad, reciprocal events",
    "6": "no duplicates within a text",
    "7": "negatives: trigger words that are no events",
}
MIN_PER_CLASS = 8
MIN_TOTAL = 150
TARGET = 0.90  # issue 11's mark for the suite
FLOOR = 0.949  # the measured accuracy (0.969 on 2026-12-03) minus 0.02: a ratchet above the target; raise it with gains


def rows() -> list[dict]:
    return [{**row, "text": row["text"].replace("\\n", "\n")} for row in read_tsv(SENTENCES)]


def test_annotations_are_well_formed():
    """Every row parses, every class is tested, ids are unique: an annotation typo fails here, not in scoring."""
    data = rows()
    assert len(data) >= MIN_TOTAL
    assert len({row["id"] for row in data}) == len(data), "duplicate ids"
    for row in data:
        assert row["class"] in CLASSES, f"{row['id']}: unknown class {row['class']!r}"
        assert dt.date(2015, 1, 1) <= dt.date.fromisoformat(row["date"]) <= dt.date(2025, 12, 31), row["id"]
        try:
            expected(row["events"])
        except ValueError as error:
            pytest.fail(f"{row['id']}: {error}")
    counts = Counter(row["class"] for row in data)
    thin = {c: counts[c] for c in CLASSES if counts[c] < MIN_PER_CLASS}
    assert not thin, f"classes with fewer than {MIN_PER_CLASS} sentences: {thin}"


@pytest.mark.parametrize(
    ("code", "country", "compared"),
    [
        ("USAGOV", "USA", "USA"),
        ("PSEREB", None, "PSE"),
        ("HAMAS", "PSE", "PSE"),
        ("NATO", None, "NATO"),
        ("UNSCGOV", None, "UNSC"),
        ("AUSSOMMIL", None, "AUSSOM"),
        ("ECUGOV", None, "ECU"),
        ("CVL", None, "CVL"),
        (None, None, UNKNOWN),
    ],
)
def test_actors_are_compared_by_country_else_organisation(code, country, compared):
    assert comparison_code(code, country) == compared


def test_event_notation():
    assert parse_event("USA+FRA> CONSULT asserted") == (frozenset({"USA", "FRA"}), frozenset(), "CONSULT", "asserted")
    assert show(parse_event("USA>RUS ACCUSE asserted")) == "USA>RUS ACCUSE asserted"
    for bad in ("USA>XYZ ACCUSE asserted", "USA>RUS BLAME asserted", "USA>RUS ACCUSE likely", ">RUS ACCUSE asserted"):
        with pytest.raises(ValueError):
            parse_event(bad)
    assert expected("none") == Counter()


def score(data: list[dict]) -> tuple[dict[str, list[bool]], list[str]]:
    """Per class, whether each sentence came out exactly right; and a description of each miss."""
    items = [(row["text"], Document(id=row["id"], date=dt.date.fromisoformat(row["date"]))) for row in data]
    results: dict[str, list[bool]] = {c: [] for c in CLASSES}
    misses = []
    for row, coded in zip(data, code_docs(items), strict=True):
        want, got = expected(row["events"]), predicted(coded)
        results[row["class"]].append(want == got)
        if want != got:
            listed = lambda events: "; ".join(show(k) for k in sorted(events.elements(), key=show)) or "none"  # noqa: E731
            misses.append(f"{row['id']}: {row['text']!r}\n    expected  {listed(want)}\n    predicted {listed(got)}")
    return results, misses


def table(results: dict[str, list[bool]]) -> str:
    lines = [f"{'class':<6}{'right':>6}{'of':>5}{'accuracy':>10}  what"]
    for c, outcomes in results.items():
        share = sum(outcomes) / len(outcomes) if outcomes else 0.0
        lines.append(f"{c:<6}{sum(outcomes):>6}{len(outcomes):>5}{share:>10.2f}  {CLASSES[c]}")
    everything = [o for outcomes in results.values() for o in outcomes]
    lines.append(f"{'all':<6}{sum(everything):>6}{len(everything):>5}{sum(everything) / len(everything):>10.2f}")
    return "\n".join(lines)


def test_construction_suite_accuracy():
    results, misses = score(rows())
    report = table(results)
    print("\nconstruction suite (issue 11)\n" + report + "\n\nmisses:\n" + "\n".join(misses))
    everything = [o for outcomes in results.values() for o in outcomes]
    assert all(results.values()), "a class has no sentences"
    accuracy = sum(everything) / len(everything)
    print(f"\nconstruction suite accuracy {accuracy:.3f} (target {TARGET}, floor {FLOOR})\n{report}")
    assert accuracy >= FLOOR, (
        f"construction suite accuracy {accuracy:.2f} < floor {FLOOR}\n{report}\nmisses:\n" + "\n".join(misses[:15])
    )

"""The events task: types, dyads, modality, role spans and the failure label of each gold event."""

import pytest

from eventwire.evaluate import events

TEXT = "Ruritania and Freedonia accused Elbonia of shelling Sylvania ."


def at(word):
    return [TEXT.index(word), TEXT.index(word) + len(word)]


RUR, FRE, ELB, SYL = at("Ruritania"), at("Freedonia"), at("Elbonia"), at("Sylvania")
ACCUSED, SHELLING = at("accused"), at("shelling")
MENTIONS = [(*RUR, "RUR"), (*FRE, "FRE"), (*ELB, "ELB"), (*SYL, "SYL")]


def gold(source, target, plover="ACCUSE", modality="asserted", trigger=ACCUSED, spans=True):
    spans_of = {"RUR": RUR, "FRE": FRE, "ELB": ELB, "SYL": SYL}
    e = {"source": source, "target": target, "plover": plover, "modality": modality, "trigger": trigger}
    if spans:
        e.update(source_spans=[spans_of[c] for c in source], target_spans=[spans_of[c] for c in target])
    return e


def pred(source, target, plover="ACCUSE", modality="asserted", trigger=ACCUSED, source_span=None, target_span=None):
    return {
        "source": source,
        "target": target,
        "plover": plover,
        "modality": modality,
        "trigger": trigger,
        "source_span": source_span,
        "target_span": target_span,
    }


def score(gold_events, pred_events, mentions=MENTIONS):
    return events.score([{"text": TEXT, "events": gold_events}], [{"events": pred_events, "mentions": mentions}])


def labels(report):
    return {label: row["count"] for label, row in report["failures"]["rows"].items() if row["count"]}


def test_types_and_dyads_per_record():
    records = [
        {"text": "", "events": [{"source": ["USA"], "target": ["CHN"], "plover": "CONSULT"}]},
        {"text": "", "events": [{"source": ["HUN", "ROU"], "target": [], "plover": "AGREE"}]},
    ]
    preds = [
        {"events": [pred(["USA"], ["CHN"], "CONSULT"), pred(["CHN"], ["USA"], "ACCUSE")], "mentions": []},
        {"events": [pred(["HUN"], [], "AGREE"), pred([], [], None)], "mentions": []},
    ]
    report, cases = events.score(records, preds)
    f = report["figures"]
    assert report["classes"]["CONSULT"]["f1"] == 1.0
    assert report["classes"]["ACCUSE"]["precision"] == 0.0
    assert f["type_macro_f1"] == pytest.approx(2 / 3)  # AGREE 1, CONSULT 1, ACCUSE 0
    # dyads: gold {USA-CHN CONSULT, HUN-- AGREE, ROU-- AGREE}; predicted {USA-CHN, CHN-USA ACCUSE, HUN--}
    assert f["dyad_precision"] == pytest.approx(2 / 3) and f["dyad_recall"] == pytest.approx(2 / 3)
    assert f["events_per_gold"] == pytest.approx(3 / 2)  # the untyped event is left out
    assert "spans" not in report  # the held-out format has no role spans
    assert labels(report) == {"extra event": 1, "source wrong (gold has no spans to tell why)": 1}
    assert [c["errors"] for c in cases] == [1, 1]


def test_alignment_prefers_overlapping_triggers_then_the_same_type():
    g = [events.gold_event(gold(["RUR"], ["ELB"])), events.gold_event(gold(["SYL"], [], "PROTEST", trigger=None))]
    p = [pred(["SYL"], [], "PROTEST", trigger=SHELLING), pred(["ELB"], ["RUR"], "ASSAULT")]
    assert events.align(g, p) == {0: 1, 1: 0}
    assert events.align(g, [pred(["FRE"], ["RUR"], "AID", trigger=SHELLING)]) == {}  # nothing in common
    # the same trigger wins over the same type elsewhere in the sentence: it is the same predicate, mistyped
    assert events.align(g[:1], [pred(["RUR"], ["ELB"], trigger=SHELLING), pred(["RUR"], ["ELB"], "REJECT")]) == {0: 1}


@pytest.mark.parametrize(
    "gold_event, predicted, mentions, expected",
    [
        (gold(["RUR"], ["ELB"]), [], MENTIONS, "event missing entirely"),
        (gold(["RUR"], ["ELB"]), [], [], "event missing, no actor found in source span"),
        (gold(["RUR"], ["ELB"], "THREATEN", "threatened"), [], MENTIONS, "event missing, gold modality not asserted"),
        (gold(["RUR"], ["ELB"]), [pred(["RUR"], ["ELB"], "REJECT")], MENTIONS, "wrong type"),
        (gold(["RUR"], ["ELB"]), [pred([], ["ELB"])], MENTIONS[2:], "no source actor found in source span"),
        (gold(["RUR"], ["ELB"]), [pred([], ["ELB"])], MENTIONS, "source actor found in span but not assigned"),
        (gold(["RUR"], ["ELB"]), [pred(["SYL"], ["ELB"])], MENTIONS, "wrong source actor chosen"),
        (  # two actors in the gold span, the right one among them
            gold(["RUR"], ["ELB"]),
            [pred(["SYL"], ["ELB"])],
            [(*RUR, "RUR"), (*RUR, "FRE"), (*ELB, "ELB")],
            "wrong source actor chosen",
        ),
        (
            gold(["RUR"], ["ELB"]),
            [pred(["SYL"], ["ELB"])],
            [(*RUR, None)],
            "source actor in span has no or another code",
        ),
        (gold(["RUR"], ["ELB"]), [pred(["RUR"], [])], MENTIONS, "target actor found in span but not assigned"),
        (gold(["RUR"], []), [pred(["RUR"], ["ELB"])], MENTIONS, "target where gold has none"),
    ],
)
def test_failure_labels(gold_event, predicted, mentions, expected):
    report, cases = score([gold_event], predicted, mentions)
    assert labels(report) == {expected: 1}
    assert report["figures"]["gold_events_right"] == 0.0
    assert cases[0]["expected"][0].startswith("! ") and expected in cases[0]["expected"][0]


def test_coordination_failures():
    both = [gold(["RUR"], ["ELB"]), gold(["FRE"], ["ELB"])]
    report, _ = score(both, [pred(["RUR"], ["ELB"])])
    assert labels(report) == {"event missing, its trigger coded for another actor": 1}
    report, _ = score(both, [pred(["FRE", "RUR"], ["ELB"])])  # one event, two sources: both dyads right
    assert labels(report) == {events.COMPOUND: 1}
    assert report["figures"]["gold_events_right"] == 1.0 and report["figures"]["events_per_gold"] == 0.5
    report, _ = score([gold(["RUR", "FRE"], [], "AGREE")], [pred(["RUR"], [], "AGREE"), pred(["FRE"], [], "AGREE")])
    assert labels(report) == {"extra event, dyads right (gold event split)": 1}


def test_extra_and_duplicate_events():
    report, cases = score(
        [gold(["RUR"], ["ELB"])],
        [pred(["RUR"], ["ELB"]), pred(["RUR"], ["ELB"]), pred(["RUR"], ["SYL"], "ASSAULT", trigger=SHELLING)],
    )
    assert labels(report) == {"duplicate event": 1, "extra event": 1}
    assert report["failures"]["by_class"]["6 duplicates"] == 1
    assert cases[0]["errors"] == 2
    twice = pred(["RUR"], ["SYL"], "ASSAULT", trigger=SHELLING)
    report, _ = score([], [twice, dict(twice)])  # neither aligned: the first is extra, the second its duplicate
    assert labels(report) == {"extra event": 1, "duplicate event": 1}


def test_modality_accuracy_counts_aligned_events_of_the_right_type():
    report, _ = score(
        [gold(["RUR"], ["ELB"]), gold(["RUR"], ["SYL"], "THREATEN", "threatened", SHELLING)],
        [pred(["RUR"], ["ELB"], modality="intended"), pred(["RUR"], ["SYL"], "THREATEN", "threatened", SHELLING)],
    )
    f = report["figures"]
    assert f["modality_n"] == 2 and f["modality_accuracy"] == 0.5
    assert labels(report) == {events.WRONG_MODALITY: 1}
    assert f["gold_events_right"] == 1.0  # a wrong modality leaves type and dyad right


def test_role_spans_exact_and_overlap_within_a_role():
    both = TEXT.index("Ruritania"), TEXT.index("Freedonia") + len("Freedonia")
    report, _ = score(
        [gold(["RUR"], ["ELB"]), gold(["FRE"], ["ELB"])],
        [pred(["FRE", "RUR"], ["ELB"], source_span=list(both), target_span=ELB)],
    )
    rows, f = report["spans"], report["figures"]
    assert (rows["source"]["gold"], rows["target"]["gold"]) == (2, 1)  # Elbonia once: spans are a set
    assert rows["target"]["exact"]["f1"] == 1.0
    assert rows["source"]["exact"]["f1"] == 0.0 and rows["source"]["overlap"]["recall"] == 0.5
    assert f["role_span_exact_precision"] == 0.5 and f["role_span_exact_recall"] == pytest.approx(1 / 3)
    report, _ = score([gold(["RUR"], ["ELB"])], [pred(["RUR"], ["ELB"], source_span=ELB)])
    assert report["figures"]["role_span_overlap_f1"] == 0.0  # a span in the wrong role does not match


def test_predict_reads_countries_of_actors_and_their_mentions():
    coded = {
        "actors": [
            {"id": "a1", "code": "USAGOV", "type": "country", "country": "USA", "mentions": [[0, 4]]},
            {"id": "a2", "code": None, "type": "organisation", "country": None, "mentions": [[9, 13]]},
        ],
        "events": [
            {
                "plover": "CONSULT",
                "source": ["a1"],
                "target": ["a2", "zz"],
                "modality": "asserted",
                "trigger": [5, 8],
                "source_span": [0, 4],
                "target_span": None,
            }
        ],
    }
    p = events.predict(coded)
    assert p["events"][0]["source"] == ["USA"] and p["events"][0]["target"] == ["IGO"]
    assert p["mentions"] == [(0, 4, "USA"), (9, 13, "IGO")]

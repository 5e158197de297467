"""The actors task: role spans predicted from events' role spans, falling back to the nearest actor mention."""

import pytest

from eventwire.evaluate import actors

TEXT = "Ruritania warned Freedonia . Later the Ruritanian army sent troops to Freedonia ."
SECOND = TEXT.index("Later")


def at(word, start=0):
    i = TEXT.index(word, start)
    return i, i + len(word)


def coded(source_span=None, target_span=None):
    r1, r2 = at("Ruritania"), at("Ruritanian", SECOND)
    f1, f2 = at("Freedonia"), at("Freedonia", SECOND)
    event = {
        "source": ["a1"],
        "target": ["a2"],
        "sentence": [SECOND, len(TEXT)],
        "trigger": list(at("sent")),
        "source_span": source_span,
        "target_span": target_span,
    }
    return {
        "actors": [
            {"id": "a1", "mentions": [list(r1), [r2[0], r2[0] + 9]]},
            {"id": "a2", "mentions": [list(f1), list(f2)]},
        ],
        "events": [event],
    }


def test_by_mention_uses_the_mention_nearest_the_trigger_inside_the_sentence():
    pred = actors.predict(coded())
    r2, f2 = at("Ruritania", SECOND), at("Freedonia", SECOND)
    assert pred["mention"] == [(*r2, "source"), (*f2, "target")]
    assert pred["role_span"] == pred["mention"]
    assert (pred["filled"], pred["from_role_span"]) == (2, 0)


def test_role_spans_replace_mentions_where_the_event_has_them():
    army = at("the Ruritanian army")
    pred = actors.predict(coded(source_span=list(army)))
    assert pred["role_span"] == [(*army, "source"), (*at("Freedonia", SECOND), "target")]
    assert (pred["filled"], pred["from_role_span"]) == (2, 1)
    assert (*at("Ruritania", SECOND), "source") in pred["mention"]


def test_score_reports_role_span_headline_and_mention_figures():
    army, freedonia = at("the Ruritanian army"), at("Freedonia", SECOND)
    records = [
        {
            "text": TEXT,
            "spans": [
                {"start": army[0], "end": army[1], "role": "source"},
                {"start": freedonia[0], "end": freedonia[1], "role": "target"},
            ],
        }
    ]
    report, _ = actors.score(records, [actors.predict(coded(source_span=list(army)))])
    f = report["figures"]
    assert f["exact_f1"] == 1.0  # the role span is the whole noun phrase
    assert f["mention_exact_f1"] == 0.5 and f["mention_overlap_f1"] == 1.0  # 'Ruritania' inside it
    assert f["role_span_share"] == 0.5
    assert report["spans_by_mention"]["source"]["exact"]["f1"] == 0.0


def test_score_roles_and_reciprocal():
    text = "Ruritania and Freedonia signed a pact"
    records = [
        {
            "text": text,
            "spans": [
                {"start": 0, "end": 9, "role": "reciprocal"},
                {"start": 14, "end": 23, "role": "reciprocal"},
                {"start": 31, "end": 37, "role": "target"},
            ],
        }
    ]
    # source and target predictions may match reciprocal gold spans; 'pact' (31-37) gets the wrong role
    preds = [[(0, 9, "source"), (14, 23, "target"), (31, 37, "source")]]
    report, cases = actors.score_spans(records, preds)
    rows = report["spans"]
    assert rows["reciprocal"]["exact"]["recall"] == 1.0
    assert rows["target"]["exact"]["recall"] == 0.0
    assert rows["source"]["exact"]["precision"] == 0.0  # its one other prediction has the wrong role
    assert rows["micro"]["exact"]["precision"] == pytest.approx(2 / 3)
    assert rows["micro"]["exact"]["recall"] == pytest.approx(2 / 3)
    assert rows["any_role"]["exact"]["f1"] == 1.0  # detection alone is perfect
    assert cases[0]["errors"] == 2  # one miss, one spurious

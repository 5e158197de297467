"""The questions asked of a store, on records written by hand."""

import datetime as dt

from eventwire.query import commitments, format_commitments, format_quotes, format_summary, quotes, summary


def test_summary(filled):
    s = summary(filled)
    assert s["counts"] == {"documents": 2, "actors": 4, "events": 1, "quotes": 1, "timexes": 0, "places": 0}
    assert s["events_by_type"] == [("AID", 1)]
    assert s["top_dyads"] == [("DEU", "UKR", 1)]
    assert s["top_speakers"] == [("Donald Tusk", "POLGOV", 1)]
    assert [c[0] for c in s["commitments"]] == ["2025-01-15"]
    assert s["health"] == {"typed_events": 1, "with_target": 1, "documents": 2, "with_event": 1}
    text = format_summary(s)
    assert "documents 2  actors 4  events 1" in text and "DEU        → UKR" in text
    assert "typed events with a target 100% (1 of 1); documents with a typed event 50% (1 of 2)" in text


def test_commitments_states_and_actor_prefix(store, make):
    store.add(
        [
            make.entry(make.pledge()),
            make.entry(make.pledge("later", deadline="2025-02-03"), "Other text."),
            make.entry(make.pledge("month", deadline="2025-03"), "Third text."),
        ]
    )
    states = {r["doc"]: r["state"] for r in commitments(store, dt.date(2025, 2, 1))}
    assert states == {"pledge": "past due", "later": "due", "month": "open"}
    assert len(commitments(store, dt.date(2025, 2, 1), "DE")) == 3  # a code prefix
    assert commitments(store, dt.date(2025, 2, 1), "FRA") == []
    assert commitments(store, dt.date(2025, 1, 9)) == []  # not promised yet on that day
    assert "past due" in format_commitments(commitments(store, dt.date(2025, 2, 1)))


def test_quotes_by_speaker_name_code_and_about(filled):
    assert [q["id"] for q in quotes(filled, "tusk")] == ["q1"]  # part of a name, any case
    assert [q["id"] for q in quotes(filled, "POLGOV", about="UKR")] == ["q1"]
    assert quotes(filled, "POLGOV", about="Germany") == []
    assert "Ukraine will not stand alone" in format_quotes(quotes(filled, "Tusk"))


def test_wildcards_are_matched_literally(filled):
    assert quotes(filled, "%") == [] and quotes(filled, "T_sk") == []
    assert quotes(filled, "Tusk", about="%") == []
    assert commitments(filled, dt.date(2025, 2, 1), "%") == [] and commitments(filled, dt.date(2025, 2, 1), "_EU") == []

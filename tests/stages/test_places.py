"""The places stage on sentences written for these tests."""

import pytest

from eventwire.nlp import build, code_text, make_doc
from eventwire.records import Document, coded
from eventwire.stages.places import dateline_place, gazetteer, place_for_sentence
from eventwire.stages.places.gazetteer import key
from eventwire.stages.places.toponyms import DIRECTION


def places(text):
    return code_text(text, date="2024-12-04").places


def by_text(text):
    return {p.text: p for p in places(text)}


def parsed(text):
    nlp = build()
    return nlp(make_doc(nlp, text, Document(id="t")))


def test_city_resolves_with_coordinates_and_iso3_country():
    (kyiv,) = places("Officials met in Kyiv on Monday.")
    assert (kyiv.text, kyiv.name, kyiv.country, kyiv.id) == ("Kyiv", "Kyiv", "UKR", "p1")
    assert kyiv.lat == pytest.approx(50.45, abs=0.05) and kyiv.lon == pytest.approx(30.52, abs=0.05)
    assert kyiv.geonameid == 703448


def test_offsets_slice_to_the_text_and_ids_follow_text_order():
    text = "Delegations from Poland and Romania travelled to Warsaw, then flew to the Black Sea coast near Odesa."
    found = places(text)
    assert [p.text for p in found] == ["Poland", "Romania", "Warsaw", "Black Sea", "Odesa"]
    assert all(text[p.start : p.end] == p.text for p in found)
    assert [p.id for p in found] == ["p1", "p2", "p3", "p4", "p5"]


def test_largest_namesake_by_default_and_a_state_after_a_comma_decides():
    (paris,) = places("The ministers will meet again in Paris next month.")
    assert paris.country == "FRA"
    found = by_text("A tornado damaged homes in Paris, Texas, on Sunday night.")
    assert found["Paris"].country == "USA" and found["Paris"].lat == pytest.approx(33.66, abs=0.1)
    assert found["Texas"].name == "Texas" and found["Texas"].country == "USA"


def test_state_abbreviation_after_a_comma():
    found = by_text("The company moved its offices to Harrisburg, Pa., last year.")
    assert found["Harrisburg"].country == "USA" and found["Harrisburg"].lat == pytest.approx(40.27, abs=0.1)
    assert found["Pa."].name == "Pennsylvania"


def test_each_namesake_takes_its_own_state():
    first, illinois, second, missouri = places("Officials in Springfield, Ill., and Springfield, Mo., disagreed.")
    assert (illinois.name, missouri.name) == ("Illinois", "Missouri")
    assert first.lat == pytest.approx(39.80, abs=0.1) and second.lat == pytest.approx(37.22, abs=0.1)


def test_places_the_document_names_settle_ambiguous_ones():
    assert by_text("Springfield police asked Chicago detectives for help.")["Springfield"].lat == pytest.approx(
        39.80, abs=0.1
    )  # Illinois, like Chicago, not the larger Springfield in Missouri
    assert by_text("Storms hit Georgia overnight, and Atlanta lost power.")["Georgia"].country == "USA"
    assert by_text("Protesters in Tbilisi demanded that Georgia hold new elections.")["Georgia"].country == "GEO"


def test_country_names_resolve_to_the_country():
    found = by_text("The United States and Britain sent envoys, U.S. officials said, and the Netherlands agreed.")
    assert {t: p.country for t, p in found.items()} == {
        "United States": "USA",
        "Britain": "GBR",
        "U.S.": "USA",
        "Netherlands": "NLD",
    }
    assert found["Britain"].name == "United Kingdom" and found["Britain"].lat is not None


def test_demonyms_name_their_country_but_never_place_an_event():
    doc = parsed(
        "Ukrainian and Polish officials welcomed the American proposal. Two Kenyans were held in Turkish custody."
    )
    found = {p.text: p for p in coded(doc).places}
    assert {t: (p.country, p.precision) for t, p in found.items()} == {
        "Ukrainian": ("UKR", "country"),
        "Polish": ("POL", "country"),
        "American": ("USA", "country"),
        "Kenyans": ("KEN", "country"),
        "Turkish": ("TUR", "country"),
    }
    assert place_for_sentence(doc, list(doc.sents)[1]) is None  # "in Turkish custody" is not in Turkey


def test_named_regions_from_the_data_file():
    text = (
        "NATO ministers discussed the Sahel, the Indo-Pacific and the Euro-Atlantic area, "
        "then aid to the Gaza Strip and the fighting in the Donbas."
    )
    found = by_text(text)
    assert set(found) == {"Sahel", "Indo-Pacific", "Euro-Atlantic area", "Gaza Strip", "Donbas"}
    assert found["Gaza Strip"].country == "PSE" and found["Donbas"].country == "UKR"
    assert found["Sahel"].country is None and found["Sahel"].lat is not None
    assert all(p.geonameid is None for p in found.values())


def test_a_direction_before_a_state_or_country_still_resolves_it():
    found = by_text("Wildfires spread in Southern California while snow fell across Northern Ireland and North Dakota.")
    assert (found["California"].name, found["California"].country) == ("California", "USA")  # the direction is no name
    assert found["Northern Ireland"].name == "Northern Ireland"  # own names first
    assert found["North Dakota"].name == "North Dakota"


def test_buildings_count_only_for_the_place_in_their_name_and_streets_are_kept():
    found = places(
        "Crowds gathered at the Lincoln Memorial, walked down Main Street and flew out of Vancouver Airport to Kyiv."
    )
    assert [(p.text, p.feature_class) for p in found] == [("Main Street", "R"), ("Vancouver", "P"), ("Kyiv", "P")]
    assert found[0].lat is None and found[0].precision is None  # a street is a place, but not one we can map


def test_unresolvable_toponyms_are_kept_without_coordinates():
    found = by_text("Flooding closed roads across the Gulf Coast, officials in Louisiana said.")
    gulf = found["Gulf Coast"]
    assert (gulf.name, gulf.country, gulf.lat, gulf.lon, gulf.geonameid) == ("Gulf Coast", None, None, None, None)
    assert found["Louisiana"].country == "USA"


@pytest.mark.parametrize(
    "opening, city, country",
    [
        ("KYIV, Ukraine (Reuters) — ", "KYIV", "UKR"),
        ("BRUSSELS (eventwire) — ", "BRUSSELS", "BEL"),
        ("NAIROBI — ", "NAIROBI", "KEN"),
        ("WASHINGTON, D.C. (AP) -- ", "WASHINGTON", "USA"),
    ],
)
def test_dateline(opening, city, country):
    doc = parsed(opening + "The government announced new measures on Tuesday.")
    place = dateline_place(doc)
    assert place.text == city and place.start == 0 and place.country == country
    assert place is coded(doc).places[0]


def test_no_dateline():
    assert dateline_place(parsed("The government announced new measures in Nairobi on Tuesday.")) is None


def test_place_for_sentence_takes_a_place_after_a_locative_preposition():
    doc = parsed(
        "Kyiv said talks with Moscow would resume. Shelling continued near Kharkiv and in Sumy on Tuesday. "
        "Fighting was reported in the city of Kherson."
    )
    first, second, third = doc.sents
    assert place_for_sentence(doc, first) is None  # places named as actors are not where events happen
    assert place_for_sentence(doc, second).name == "Kharkiv"
    assert place_for_sentence(doc, third).name == "Kherson"


def test_the_gazetteer_is_built_once():
    assert gazetteer() is gazetteer()
    assert build().get_pipe("eventwire_places").finder.gaz is gazetteer()


def test_place_opening_an_organisation_name():
    from eventwire.nlp import code_text

    text = "The Gainesville Police Department arrested two men on Friday."
    places = code_text(text, date="2024-03-01").places
    assert [(p.text, p.country) for p in places] == [("Gainesville", "USA")]


def test_lookup_key_spells_out_abbreviated_words_and_folds_accents():
    assert key("St. Petersburg") == key("Saint Petersburg") == "saint petersburg"
    assert key("Bogotá") == "bogota"
    assert key("the Hague") == "hague"


@pytest.mark.parametrize("name", ["Southeastern Ukraine", "northern Mali", "Central Java"])
def test_direction_words_from_the_data_file(name):
    assert DIRECTION.match(name)


def test_direction_needs_a_whole_word():
    assert not DIRECTION.match("Northampton town")


def test_first_level_regions_worldwide_with_the_word_for_their_kind():
    found = by_text(
        "Shelling hit the Donetsk region, and troops moved into Helmand Province and the Province of Kandahar."
    )
    assert {t: (p.name, p.country, p.precision, p.feature_class) for t, p in found.items()} == {
        "Donetsk": ("Donetsk", "UKR", "admin region", "A"),  # the name: the word for its kind only settles it
        "Helmand": ("Helmand", "AFG", "admin region", "A"),
        "Kandahar": ("Kandahar", "AFG", "admin region", "A"),
    }
    assert found["Donetsk"].lat == pytest.approx(48.0, abs=1.0)


def test_a_region_named_after_its_city_is_the_city_without_the_word_for_its_kind():
    (donetsk,) = places("Officials met in Donetsk on Monday.")
    assert (donetsk.country, donetsk.precision, donetsk.feature_class) == ("UKR", "city", "P")


def test_words_that_alone_name_no_place_are_no_region():
    assert not [e for e in gazetteer().lookup("Central") if e.kind == "state"]
    assert not [e for e in gazetteer().lookup("Western") if e.kind == "state"]


def test_towns_of_a_thousand_people_and_counties_with_coordinates():
    found = by_text("Fire crews were called to a ranch near Marfa, Texas, and to a barn in Presidio County.")
    assert found["Marfa"].country == "USA" and found["Marfa"].lat == pytest.approx(30.3, abs=0.2)
    county = found["Presidio County"]
    assert (county.precision, county.feature_class) == ("admin region", "A") and county.lat == pytest.approx(30, abs=1)


def test_a_village_does_not_hide_a_city_known_by_another_spelling():
    assert {e.country for e in gazetteer().lookup("Basra") if e.population > 1_000_000} == {"IRQ"}
    assert all(e.name == "Petersburg" for e in gazetteer().lookup("Petersburg"))  # no St Petersburg


def test_precision_and_feature_class():
    found = by_text("Ships left the port in Odesa and crossed the Black Sea as Ukraine and the Sahel watched.")
    assert {t: (p.precision, p.feature_class) for t, p in found.items()} == {
        "Odesa": ("city", "P"),
        "Black Sea": ("region", "H"),
        "Ukraine": ("country", "A"),
        "Sahel": ("region", "L"),
    }


def test_a_dateline_after_the_headline():
    doc = parsed("Storm damages homes near the river. TOPEKA, Kan. — Winds tore roofs off two houses on Friday.")
    place = dateline_place(doc)
    assert (place.text, place.name, place.country) == ("TOPEKA", "Topeka", "USA")


def test_local_news_phrases_name_towns():
    found = by_text(
        "State Sen. Jane Roe, R-Marfa, asked for help. A Presidio man and Tom Doe of Alpine were hurt, police said."
    )
    assert found["Marfa"].country == found["Alpine"].country == "USA"
    assert found["Presidio"].lat == pytest.approx(29.56, abs=0.2)


def test_the_state_other_names_may_lie_in_settles_a_small_town():
    found = by_text("Deputies from Henry County searched a farm outside Paris on Tuesday.")
    assert found["Paris"].country == "USA" and found["Paris"].lat == pytest.approx(36.3, abs=0.2)  # Tennessee


def test_demonyms_of_the_most_populous_country_and_plurals():
    assert gazetteer().demonym("Chinese").country == "CHN"
    assert gazetteer().demonym("Kenyans").country == "KEN"
    assert gazetteer().demonym("Paris") is None


def test_the_index_is_a_file_in_the_cache_named_after_its_sources():
    from eventwire.stages.places.gazetteer import index_path

    assert gazetteer().path == index_path() and index_path().exists()
    assert index_path().name.startswith("gazetteer-") and index_path().suffix == ".sqlite3"


def test_an_unwritable_cache_is_one_clear_error(tmp_path, monkeypatch):
    from importlib import import_module

    from eventwire.errors import UserError

    module = import_module("eventwire.stages.places.gazetteer")  # the package's `gazetteer` is the function

    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    with pytest.raises(UserError, match="cannot write the gazetteer index"):
        module.gazetteer.__wrapped__()  # uncached: the process's index stays as it is


# --- issue 17: span conventions and constructions (sentences written for these tests) ---


def spans(text):
    return [(p.text, p.feature_class) for p in places(text)]


def test_streets_by_the_word_for_their_kind_whole_and_without_house_numbers():
    assert spans("Firefighters closed Hot Springs Drive and Seventh Street Northwest after a water main broke.") == [
        ("Hot Springs Drive", "R"),  # the street, not the town it is named after
        ("Seventh Street Northwest", "R"),
    ]
    assert spans("A truck overturned on County Road 43 near the farm at 412 Maple Avenue.") == [
        ("County Road 43", "R"),
        ("Maple Avenue", "R"),
    ]


def test_natural_features_and_parks_are_whole_names_with_their_feature_class():
    found = spans("Canoeists paddled down the Neches River to Lake Lanier, far from Zion National Park.")
    assert found == [("Neches River", "H"), ("Lake Lanier", "H"), ("Zion National Park", "L")]


def test_a_word_for_a_kind_before_a_further_name_is_part_of_that_name():
    assert "Main Street" not in {p.text for p in places("The Main Street Bank reopened, and crowds came.")}


def test_county_and_parish_are_part_of_the_name_other_words_for_regions_are_not():
    found = by_text("The Walker County Sheriff's Office and Rapides Parish Police Jury met on Monday.")
    assert (found["Walker County"].precision, found["Walker County"].country) == ("admin region", "USA")
    assert found["Rapides Parish"].name == "Rapides Parish"
    assert "Donetsk" in by_text("Troops left the Donetsk region.")


def test_each_name_in_a_list_before_counties_is_a_county():
    found = by_text("Barrow and Jackson counties grew, as did the Clarke, Madison and Oconee counties.")
    assert {t: p.name for t, p in found.items()} == {
        "Barrow": "Barrow County",
        "Jackson": "Jackson County",
        "Clarke": "Clarke County",
        "Madison": "Madison County",
        "Oconee": "Oconee County",
    }
    assert {p.precision for p in found.values()} == {"admin region"}
    assert found["Madison"].lat == pytest.approx(34.1, abs=0.3)  # Georgia's, beside the others


def test_names_with_capitals_inside():
    found = by_text("The McMinn County Sheriff's Office and the DeKalb Police Department met on Monday.")
    assert {t: p.name for t, p in found.items()} == {"McMinn County": "McMinn County", "DeKalb": "DeKalb"}


def test_a_country_or_state_by_its_abbreviation_opens_an_organisation_name():
    found = by_text("The U.S. Navy cleaned the harbor while the S.C. Highway Patrol closed the bridge.")
    assert {t: p.name for t, p in found.items()} == {"U.S.": "United States", "S.C.": "South Carolina"}


def test_an_abbreviation_keeps_its_final_period_and_a_party_home_may_be_a_state():
    (state,) = places("Rep. Ann Doe, D-W.Va., voted against the bill.")
    assert (state.text, state.name) == ("W.Va.", "West Virginia")


def test_a_village_bearing_a_word_does_not_open_an_organisation_name():
    assert places("The Landmark Bank team lost on Sunday.") == []
    assert [p.text for p in places("Fargo City Commissioner Jane Roe said the dike would hold.")] == ["Fargo"]


def test_a_town_named_elsewhere_opens_an_organisation_name_whatever_its_size():
    text = "The school board met in Parkers Prairie, and the Parkers Prairie Police Department attended."
    assert [p.text for p in places(text)] == ["Parkers Prairie", "Parkers Prairie"]


def test_a_demonym_that_names_a_language_is_no_country():
    assert [p.text for p in places("She spoke only French, and a letter written in French reached Paris.")] == ["Paris"]
    assert places("The school offers French classes and a French-language newspaper.") == []
    assert [p.country for p in places("French troops left the base.")] == ["FRA"]


def test_the_united_states_at_the_point_geonames_gives_it():
    us = next(e for e in gazetteer().lookup("United States") if e.kind == "country")
    assert (us.lat, us.lon) == pytest.approx((39.76, -98.5), abs=0.01)  # not countryinfo's 38, -97


def with_entities(text, labels):
    """A parsed Doc whose entities are ``labels``: (substring, occurrence, label), NER's output replaced."""
    doc = parsed(text)
    ents = []
    for part, occurrence, label in labels:
        start = -1
        for _ in range(occurrence):
            start = text.index(part, start + 1)
        ents.append(doc.char_span(start, start + len(part), label=label))
    doc.set_ents(sorted(ents, key=lambda s: s.start))
    return doc


def found_names(doc):
    from eventwire.stages.places.toponyms import ToponymFinder

    return [(t.text, t.start) for t in ToponymFinder(build(), gazetteer()).find(doc)]


def test_a_name_ner_calls_a_lone_person_is_still_the_place_the_text_names():
    text = "Gainesville police said Gainesville voters approved it, and Gainesville schools reopened."
    doc = with_entities(text, [("Gainesville", 1, "GPE"), ("Gainesville", 2, "PERSON"), ("Gainesville", 3, "PERSON")])
    assert [name for name, _ in found_names(doc)] == ["Gainesville"] * 3


def test_a_name_the_text_gives_a_person_in_full_is_no_place():
    text = "Judge Tom Lansing spoke in Lansing. Lansing said no, and Lansing left."
    doc = with_entities(text, [("Tom Lansing", 1, "PERSON"), ("Lansing", 2, "GPE"), ("Lansing", 3, "PERSON"),
                               ("Lansing", 4, "PERSON")])  # fmt: skip
    assert found_names(doc) == [("Lansing", text.index("in Lansing") + 3)]  # the person's later mentions are not


def test_an_unknown_name_ner_calls_a_place_is_none_when_it_is_a_persons():
    text = "Tom Farrin was arrested. Neighbors said Farrin had moved away from Kyiv."
    doc = with_entities(text, [("Tom Farrin", 1, "PERSON"), ("Farrin", 2, "GPE"), ("Kyiv", 1, "GPE")])
    assert [name for name, _ in found_names(doc)] == ["Kyiv"]


def test_the_stage_runs_where_no_parser_has_set_sentences():
    import spacy

    from eventwire.records import Coded
    from eventwire.stages.places import PlaceStage

    nlp = spacy.blank("en")
    doc = nlp("Boats crossed Lake Lanier and Barrow and Jackson counties to Poland.")
    doc._.ew = Coded(meta=Document(id="t"))
    PlaceStage(nlp)(doc)
    assert [p.text for p in coded(doc).places] == ["Lake Lanier", "Barrow", "Jackson", "Poland"]

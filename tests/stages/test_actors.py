"""Actor resolution on sentences written for these tests."""

import pytest

from eventwire.nlp import load_model
from eventwire.nlp import make_doc
from eventwire.records import Document


@pytest.fixture(scope="module")
def nlp():
    nlp = load_model()
    nlp.add_pipe("eventwire_actors")
    return nlp


def actors(nlp, text):
    doc = nlp(make_doc(nlp, text, Document(id="t")))
    return {a.name: a for a in doc._.ew.actors}, text


def mentions(actor, text):
    return [text[s:e] for s, e in actor.mentions]


def test_title_and_country_code_a_person(nlp):
    found, text = actors(nlp, "Ukrainian President Volodymyr Zelenskyy met Polish Prime Minister Donald Tusk.")
    z = found["Volodymyr Zelenskyy"]
    assert (z.code, z.country, z.sector, z.type, z.title) == ("UKRGOV", "UKR", "GOV", "person", "President")
    assert mentions(z, text) == ["Ukrainian President Volodymyr Zelenskyy"]
    assert found["Donald Tusk"].code == "POLGOV"


def test_organisation_title(nlp):
    found, _ = actors(nlp, "NATO Secretary General Mark Rutte visited the troops.")
    assert found["Mark Rutte"].code == "NATO" and found["Mark Rutte"].country is None


def test_repeat_mentions_and_pronoun(nlp):
    text = ("U.S. Secretary of State Antony Blinken arrived in Cairo on Monday.\n\n"
            "The talks focused on the border crossing.\n\n"
            "Mr. Blinken later said he was hopeful.")
    found, _ = actors(nlp, text)
    blinken = found["Antony Blinken"]
    assert blinken.code == "USAGOV"
    assert mentions(blinken, text) == ["U.S. Secretary of State Antony Blinken", "Blinken", "he"]


def test_family_name_first(nlp):
    found, text = actors(nlp, "Chinese Foreign Minister Wang Yi flew to Jakarta. Mr. Wang praised the partnership.")
    assert mentions(found["Wang Yi"], text) == ["Chinese Foreign Minister Wang Yi", "Wang"]


def test_countries_demonym_groups_and_metonyms(nlp):
    found, text = actors(nlp, "Russian troops shelled the town while the Kremlin denied it. "
                              "Ukrainian officials said Washington had been informed.")
    assert found["Russian troops"].code == "RUSMIL"
    assert found["Ukrainian officials"].code == "UKRGOV"
    assert found["Kremlin"].code == "RUSGOV"
    assert found["Washington"].code == "USAGOV"


def test_capital_as_place_is_not_an_actor(nlp):
    found, _ = actors(nlp, "The delegates met in Moscow and later in Beijing.")
    assert not any(a.country in {"RUS", "CHN"} for a in found.values())


def test_country_and_organisation(nlp):
    found, text = actors(nlp, "The European Union and Japan signed a trade pact, and Japan thanked the bloc.")
    eu = found["European Union"]
    assert eu.code == "EU" and eu.type == "organisation"
    assert mentions(eu, text) == ["European Union", "the bloc"]
    assert found["Japan"].code == "JPN" and len(found["Japan"].mentions) == 2


def test_the_alliance_after_its_leader(nlp):
    found, text = actors(nlp, "NATO Secretary General Mark Rutte spoke in Vilnius. The alliance will stay united.")
    assert mentions(found["North Atlantic Treaty Organization"], text) == ["The alliance"]


def dated(nlp, text, date):
    import datetime as dt

    doc = nlp(make_doc(nlp, text, Document(id="t", date=dt.date.fromisoformat(date))))
    return {a.name: a for a in doc._.ew.actors}


def test_name_alone_resolves_through_the_office_held_that_day(nlp):
    found = dated(nlp, "Kuleba said the talks went well.", "2023-02-20")
    assert found["Dmytro Kuleba"].code == "UKRGOV" and found["Dmytro Kuleba"].title == "Foreign Minister"


def test_president_elect_between_election_and_inauguration(nlp):
    trump = dated(nlp, "Donald Trump spoke with reporters.", "2024-12-01")["Donald Trump"]
    assert (trump.title, trump.code, trump.sector) == ("President-elect", "USAELI", "ELI")
    trump = dated(nlp, "Donald Trump spoke with reporters.", "2025-03-01")["Donald Trump"]
    assert (trump.title, trump.code) == ("President", "USAGOV")


def test_minister_who_left_office_is_a_former_holder(nlp):
    a = dated(nlp, "Dmytro Kuleba gave a lecture in Kyiv.", "2025-03-01")["Dmytro Kuleba"]
    assert (a.code, a.title) == ("UKRELI", "former Foreign Minister")


def test_title_alone_is_the_holder_on_the_day(nlp):
    found = dated(nlp, "Germany's foreign minister arrived in Warsaw.", "2022-06-01")
    assert found["Annalena Baerbock"].code == "DEUGOV"


def test_mr_x_two_paragraphs_later(nlp):
    text = ("Turkish President Recep Tayyip Erdogan hosted talks in Istanbul on Friday.\n\n"
            "Delegations from both sides attended the meeting at a palace on the Bosphorus.\n\n"
            "Mr. Erdogan said the talks had been useful.")
    doc = nlp(make_doc(nlp, text, Document(id="t")))
    erdogan = next(a for a in doc._.ew.actors if a.name == "Recep Tayyip Erdoğan")
    assert erdogan.code == "TURGOV"
    assert [text[s:e] for s, e in erdogan.mentions][-1] == "Erdogan"
    assert len(erdogan.mentions) == 2


def test_ambiguous_family_name_is_left_unresolved(nlp):
    clinton = dated(nlp, "Clinton spoke at the event.", "2018-05-01")["Clinton"]
    assert clinton.code is None


def test_user_dictionary_adds_a_minister(tmp_path, capsys):
    import json

    from eventwire.cli import main

    roles = tmp_path / "my_roles.tsv"
    roles.write_text("person\taliases\trole\ttitle\tcountry\torg\tsector\tstart\tend\tstatus\tnote\n"
                     "Ilse Vandermeer\t\tforeign_minister\tForeign Minister\tNLD\t\tGOV\t2030-01-01\t\t\t\n",
                     encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Ilse Vandermeer flew to Oslo.", encoding="utf-8")
    assert main(["code", "--date", "2030-02-01", "--actors", str(roles), str(story)]) == 0
    actors = {a["name"]: a for a in json.loads(capsys.readouterr().out)["actors"]}
    assert actors["Ilse Vandermeer"]["code"] == "NLDGOV"
    assert actors["Ilse Vandermeer"]["title"] == "Foreign Minister"


def test_user_dictionary_with_unknown_header_is_refused(tmp_path):
    from eventwire.stages.actors import Knowledge

    bad = tmp_path / "bad.tsv"
    bad.write_text("name\tcode\nFoo\tBAR\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.tsv: not an actor dictionary"):
        Knowledge((str(bad),))


def test_the_government_is_that_of_the_country_the_passage_is_about(nlp):
    found, text = actors(nlp, "Kenyan President William Ruto flew to Addis Ababa for talks. "
                              "The government said the army would stay on alert.")
    assert mentions(found["Kenya government"], text) == ["The government"]
    assert found["Kenya government"].code == "KENGOV"
    assert found["Kenya army"].code == "KENMIL"


def test_shared_alias_is_resolved_by_the_office_held_that_day_or_by_the_text(nlp):
    assert dated(nlp, "King Abdullah spoke.", "2024-01-15")["Abdullah II"].code == "JORGOV"
    assert dated(nlp, "King Abdullah spoke.", "2012-01-15")["Abdullah"].code is None  # two kings then
    assert dated(nlp, "King Abdullah of Jordan spoke.", "2012-01-15")["Abdullah"].code == "JORGOV"

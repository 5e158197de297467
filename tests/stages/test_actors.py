"""Actor resolution on sentences written for these tests."""

import datetime as dt

import pytest

from eventwire.nlp import load_model, make_doc
from eventwire.records import Document


@pytest.fixture(scope="module")
def nlp():
    nlp = load_model()
    nlp.add_pipe("eventwire_sentence_breaks", before="parser")
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
    text = (
        "U.S. Secretary of State Antony Blinken arrived in Cairo on Monday.\n\n"
        "The talks focused on the border crossing.\n\n"
        "Mr. Blinken later said he was hopeful."
    )
    found, _ = actors(nlp, text)
    blinken = found["Antony Blinken"]
    assert blinken.code == "USAGOV"
    assert mentions(blinken, text) == ["U.S. Secretary of State Antony Blinken", "Mr. Blinken", "he"]


def test_pronouns_agree_in_gender_where_the_text_tells_it(nlp):
    text = "Mr. Scholz met Foreign Minister Annalena Baerbock in Berlin. He thanked her for the report. She left."
    found, _ = actors(nlp, text)
    assert mentions(found["Annalena Baerbock"], text)[1:] == ["her", "She"]
    text = "Mr. Scholz spoke on Tuesday. He said the talks went well. She left the room."
    found, _ = actors(nlp, text)
    assert mentions(found["Olaf Scholz"], text)[1:] == ["He"]  # "She" is someone the text does not name


def test_family_name_first(nlp):
    found, text = actors(nlp, "Chinese Foreign Minister Wang Yi flew to Jakarta. Mr. Wang praised the partnership.")
    assert mentions(found["Wang Yi"], text) == ["Chinese Foreign Minister Wang Yi", "Mr. Wang"]


def test_countries_demonym_groups_and_metonyms(nlp):
    found, text = actors(
        nlp,
        "Russian troops shelled the town while the Kremlin denied it. "
        "Ukrainian officials said Washington had been informed.",
    )
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
    assert mentions(eu, text) == ["The European Union", "the bloc"]  # the whole noun phrase
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


def test_family_name_alone_needs_a_reason_to_be_an_office_holder(nlp):
    """A word that is also a former office holder's family name is that person only where the text names a
    country they served; a current holder's name must be used as a name."""
    assert dated(nlp, "Green algae absorb carbon dioxide.", "2019-06-01") == {}  # Rosario Green, Mexico, 2000
    assert dated(nlp, "She answered in French and English.", "2019-06-01") == {}  # Bill English, New Zealand
    assert "Moon Jae-in" not in dated(nlp, "The crew flew to the Moon and back.", "2019-06-01")
    assert "Charles Michel" not in dated(nlp, "The prize went to Didier Queloz and Michel Mayor.", "2019-10-08")
    found = dated(nlp, "Obama said the United States would act.", "2020-10-01")  # not the Equatoguinean minister
    assert found["Barack Obama"].code == "USAELI"


def test_ethiopians_and_eritreans_go_by_their_own_name(nlp):
    found = dated(nlp, "Prime Minister Abiy met President Isaias in Asmara. Abiy praised the deal.", "2019-12-05")
    assert found["Abiy Ahmed"].code == "ETHGOV" and found["Isaias Afwerki"].code == "ERIGOV"
    assert "Abiy Ahmed" not in dated(nlp, "Ahmed said the shop would reopen.", "2019-12-05")


def test_a_mothers_family_name_alone_names_no_one(nlp):
    """Spanish names end in the mother's family name; the table's "Epsy Campbell Barr" (also "Epsy Campbell")
    and "Marisol Espinoza Cruz" are not the "Barr" and "Cruz" of US news."""
    assert "Epsy Campbell" not in dated(nlp, "Barr said the report cleared the president.", "2019-05-01")
    assert "Marisol Espinoza" not in dated(nlp, "Cruz said the Senate would vote on Friday.", "2014-05-01")
    assert "Epsy Campbell" in dated(
        nlp, "Costa Rica's Vice President Epsy Campbell Barr spoke. Campbell said no.", "2019-05-01"
    )
    assert dated(nlp, "Blair told British voters to think again.", "2019-06-01")["Tony Blair"].code == "GBRELI"


def test_a_town_the_tagger_took_for_a_person_is_no_person(nlp):
    found = dated(nlp, "Russia's announcement that it will withdraw troops from Kherson surprised Kyiv.", "2022-11-09")
    assert "Kherson" not in found
    found = dated(nlp, "John Luk Jok died on Sunday. The minister paid tribute to Luk.", "2020-06-20")
    assert found["Luk"].type == "person"  # a word of a person's name in the text: a person, though a town too


def test_title_after_an_unknown_body_is_that_bodys(nlp):
    found = dated(nlp, "He wrote to AIP vice chairman Mark Hollis on Monday.", "2020-08-01")
    assert found["Mark Hollis"].code is None  # a party
    found = dated(nlp, "Japan Defense Agency Director General Kenji Mori spoke.", "2023-03-20")
    assert found["Kenji Mori"].code == "JPNGOV"
    assert dated(nlp, "CIA agent Tom Reyes was detained.", "2022-05-12")["Tom Reyes"].code == "USASPY"
    assert dated(nlp, "Legislator Lin Wei of Taiwan spoke.", "2024-04-02")["Lin Wei"].code == "TWNLEG"


def test_an_acronym_the_text_defines_as_another_name_is_not_the_dictionarys(nlp):
    text = "Congress passed the Inflation Reduction Act (IRA) in 2022. Other countries copied the IRA model."
    assert "Irish Republican Army" not in actors(nlp, text)[0]
    text = "Leaders of the Association of Southeast Nations (ASEAN) met. ASEAN praised the deal."  # (misspelt)
    assert "Association of Southeast Asian Nations" in actors(nlp, text)[0]


def test_an_acronym_in_brackets_after_an_unknown_body_is_that_body(nlp):
    text = "The Northern Rail Safety Board (NRSB) opened an inquiry. The NRSB blamed the operator."
    found, _ = actors(nlp, text)
    assert "NRSB" not in found
    assert mentions(found["Northern Rail Safety Board"], text)[1:] == ["NRSB", "The NRSB"]


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


def test_an_office_of_a_party_or_armed_group_is_not_the_states(nlp):
    """In 2012 "the Hamas prime minister" is Hamas's (in Gaza), not the Palestinian Authority's Salam Fayyad."""
    found = dated(nlp, "A spokesman said the Hamas prime minister does not support the move.", "2012-11-25")
    assert "Salam Fayyad" not in found
    assert [a.code for a in found.values() if a.type == "person"] == ["PSEREB"]


def test_mr_x_two_paragraphs_later(nlp):
    text = (
        "Turkish President Recep Tayyip Erdogan hosted talks in Istanbul on Friday.\n\n"
        "Delegations from both sides attended the meeting at a palace on the Bosphorus.\n\n"
        "Mr. Erdogan said the talks had been useful."
    )
    doc = nlp(make_doc(nlp, text, Document(id="t")))
    erdogan = next(a for a in doc._.ew.actors if a.name == "Recep Tayyip Erdoğan")
    assert erdogan.code == "TURGOV"
    assert [text[s:e] for s, e in erdogan.mentions][-1] == "Mr. Erdogan"
    assert len(erdogan.mentions) == 2


def test_ambiguous_family_name_is_left_unresolved(nlp):
    clinton = dated(nlp, "Clinton spoke at the event.", "2018-05-01")["Clinton"]
    assert clinton.code is None


def test_user_dictionary_adds_a_minister(tmp_path, capsys):
    import json

    from eventwire.cli import main

    roles = tmp_path / "my_roles.tsv"
    roles.write_text(
        "person\taliases\trole\ttitle\tcountry\torg\tsector\tstart\tend\tstatus\tnote\n"
        "Ilse Vandermeer\t\tforeign_minister\tForeign Minister\tNLD\t\tGOV\t2030-01-01\t\t\t\n",
        encoding="utf-8",
    )
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
    found, text = actors(
        nlp,
        "Kenyan President William Ruto flew to Addis Ababa for talks. "
        "The government said the army would stay on alert.",
    )
    assert mentions(found["Kenya government"], text) == ["The government"]
    assert found["Kenya government"].code == "KENGOV"
    assert found["Kenya army"].code == "KENMIL"


def test_shared_alias_is_resolved_by_the_office_held_that_day_or_by_the_text(nlp):
    assert dated(nlp, "King Abdullah spoke.", "2024-01-15")["Abdullah II"].code == "JORGOV"
    two_kings = dated(nlp, "King Abdullah spoke.", "2012-01-15")["Abdullah"]  # Jordan's and Saudi Arabia's
    assert (two_kings.country, two_kings.code) == (None, "GOV")  # what the title says, nothing more
    assert dated(nlp, "King Abdullah of Jordan spoke.", "2012-01-15")["Abdullah"].code == "JORGOV"


# -- groups -------------------------------------------------------------------------------------------------


def test_demonym_qualifies_any_group_noun_and_owns_other_nouns(nlp):
    found, text = actors(
        nlp,
        "Kurdish farmers in Iraq blocked a road near the Iraqi towns, and Malian soldiers rejected an Indian proposal.",
    )
    assert (found["Kurdish farmers"].code, found["Kurdish farmers"].country) == ("IRQCVL", "IRQ")
    assert found["Malian soldiers"].code == "MLIMIL"
    assert mentions(found["Iraq"], text) == ["Iraq", "Iraqi"]  # "Iraqi": the owner of the towns
    assert found["India"].code == "IND" and mentions(found["India"], text) == ["Indian"]


def test_community_with_a_home_and_without(nlp):
    found, _ = actors(nlp, "Uyghur activists met the envoy.")
    assert found["Uyghur activists"].code == "CHNCVL"
    found, _ = actors(nlp, "Shiite clerics condemned the ruling.")
    assert found["Shiite clerics"].code == "REL" and found["Shiite clerics"].country is None


def test_generic_agents_take_the_country_of_the_passage(nlp):
    found, text = actors(
        nlp,
        "Peru said the Interior Ministry had freed 40 prisoners. Youths threw stones at "
        "officers, and a terror group claimed a bombing. The country's rebels said they "
        "would keep fighting.",
    )
    codes = {mentions(a, text)[0]: a.code for a in found.values()}
    assert codes["the Interior Ministry"] == "PERGOV"
    assert codes["40 prisoners"] == "PERCVL" and codes["Youths"] == "PERCVL" and codes["officers"] == "PERCOP"
    assert codes["a terror group"] == "PERREB"
    assert mentions(found["Peru rebel"], text) == ["The country's rebels", "they"]


def test_a_group_a_state_acts_on_takes_its_country_from_the_rest_of_the_passage(nlp):
    found, text = actors(nlp, "Hamas fighters stormed Israeli towns. Hamas kidnapped women and children.")
    codes = {mentions(a, text)[0]: a.code for a in found.values()}
    assert codes["women"] == codes["children"] == "ISRCVL"  # not Palestinians for being Hamas's victims
    found, text = actors(nlp, "The US sent weapons to rebel factions, and Russia began bombing rebels.")
    assert {a.code for a in found.values()} == {"USA", "RUS", "REB"}  # neither state's: no country
    found, _ = actors(nlp, "Britain shelled a town held by rebels.")
    assert found["rebels"].code == "REB"  # the holders of what Britain shelled are not British
    found, text = actors(nlp, "Kenyan police arrested protesters. Russia deployed troops to the border.")
    codes = {mentions(a, text)[0]: a.code for a in found.values()}
    assert codes["protesters"] == "KENCVL" and codes["troops"] == "RUSMIL"  # police are no state; its own forces


def test_bare_agents_without_a_country_keep_their_sector(nlp):
    found, _ = actors(nlp, "Militants ambushed a convoy and kidnapped three landowners.")
    assert found["Militants"].code == "REB" and found["three landowners"].code == "CVL"
    found, _ = actors(nlp, "Two lawmakers criticized the inquiry.")  # of no known state, still lawmakers
    assert found["Two lawmakers"].code == "LEG"


def test_police_in_a_capital_belong_to_its_country(nlp):
    found, text = actors(nlp, "Russia denied the report. Protesters in Cairo clashed with police.")
    assert found["Egypt protester"].code == "EGYCVL"
    assert mentions(found["Egypt protester"], text) == ["Protesters in Cairo"]
    assert found["Egypt police"].code == "EGYCOP"  # where the sentence is set, not Russia


def test_qualified_generic_noun_takes_the_qualifiers_sector(nlp):
    found, _ = actors(nlp, "Two Russian military officers and Greek police officials were detained.")
    assert {a.code for a in found.values()} >= {"RUSMIL", "GRCCOP"}


# -- organisations ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, code, country",
    [
        ("Hamas", "PSEREB", "PSE"),
        ("Hezbollah", "LBNREB", "LBN"),
        ("The Taliban", "AFGREB", "AFG"),
        ("The Houthis", "YEMREB", "YEM"),
        ("Fatah", "PSEPTY", "PSE"),
        ("UNITA", "AGOREB", "AGO"),
        ("The FBI", "USACOP", "USA"),
        ("The Pentagon", "USAMIL", "USA"),  # the defence department, not the government at large
        ("The European Community", "EEC", None),
        ("ECOWAS", "ECOWAS", None),
        ("The PLO", "PSEGOV", "PSE"),
    ],
)
def test_organisations_and_armed_groups_with_a_home_country(nlp, name, code, country):
    found, _ = actors(nlp, f"{name} rejected the plan.")
    (actor,) = [a for a in found.values() if a.type == "organisation"]
    assert (actor.code, actor.country) == (code, country)


def test_armed_group_keeps_its_fighters_in_its_mention(nlp):
    found, text = actors(nlp, "Hamas militants fired rockets, and Houthi fighters seized a ship.")
    assert mentions(found["Hamas"], text) == ["Hamas militants"]
    assert found["Houthis"].code == "YEMREB"


def test_country_the_ner_took_for_a_person_is_a_country(nlp):
    found, _ = actors(nlp, "Chile said the talks would resume.")
    assert found["Chile"].type == "country" and found["Chile"].code == "CHL"


# -- people with a title and no row in the role table -------------------------------------------------------


def test_titled_people_without_a_row(nlp):
    found, text = actors(
        nlp,
        "Lt. Gen. Tomas Verhagen of Chile met junior foreign minister Ana Lopes in Santiago. "
        "Former president Jorge Alvarado criticised the talks.",
    )
    assert (found["Tomas Verhagen"].code, found["Tomas Verhagen"].title) == ("CHLMIL", "Lt. Gen.")
    assert mentions(found["Tomas Verhagen"], text) == ["Lt. Gen. Tomas Verhagen"]
    lopes = found["Ana Lopes"]
    assert (lopes.code, lopes.title) == ("CHLGOV", "junior foreign minister")  # the country of the passage
    assert found["Jorge Alvarado"].code == "CHLELI"  # a former office holder


def test_demonym_before_a_title_and_former(nlp):
    found, _ = actors(nlp, "Former Brazilian Defence Minister Paulo Sardinha spoke.")
    assert (found["Paulo Sardinha"].code, found["Paulo Sardinha"].sector) == ("BRAELI", "ELI")


def test_titled_person_with_no_country_anywhere_keeps_the_sector(nlp):
    found, _ = actors(nlp, "Gen. Marco Halvorsen resigned.")
    assert (found["Marco Halvorsen"].code, found["Marco Halvorsen"].country) == ("MIL", None)


def test_office_without_a_name_or_a_holder_is_an_official_of_the_country(nlp):
    found, text = actors(nlp, "Chile's deputy interior minister visited the border.")
    (official,) = found.values()
    assert (official.code, official.type) == ("CHLGOV", "person")
    assert mentions(official, text) == ["Chile's deputy interior minister"]


def test_deputy_is_not_the_minister(nlp):
    found = dated(nlp, "Ukraine's deputy foreign minister arrived in Warsaw.", "2023-02-20")
    assert "Dmytro Kuleba" not in found
    assert [a.code for a in found.values()] == ["UKRGOV"]


def test_family_name_with_particles_links_back(nlp):
    found, text = actors(
        nlp,
        "Qatari Minister of State Khalid bin Rashid Al Noor met Kenyan officials on Monday. "
        "Al Noor said the talks went well.",
    )
    assert mentions(found["Khalid bin Rashid Al Noor"], text) == [
        "Qatari Minister of State Khalid bin Rashid Al Noor",
        "Al Noor",
    ]
    assert found["Khalid bin Rashid Al Noor"].code == "QATGOV"


def test_opposition_voiced_is_a_stance_not_the_opposition(nlp):
    found, text = actors(nlp, "Canada voiced its strongest opposition to the plan. The Canadian opposition marched.")
    (opposition,) = [a for a in found.values() if a.sector == "OPP"]
    assert mentions(opposition, text) == ["The Canadian opposition"]  # the body that marched, not the stance


def test_a_longer_form_of_a_known_name_links_by_its_last_word(nlp):
    text = "The commission named Ashraf Ghani Ahmadzai the winner. Ahmadzai and Ghani's team thanked voters."
    doc = nlp(make_doc(nlp, text, Document(id="t", date=dt.date(2014, 9, 21))))
    found = {a.name: a for a in doc._.ew.actors}
    assert mentions(found["Ashraf Ghani"], text)[:2] == ["Ashraf Ghani Ahmadzai", "Ahmadzai"]
    doc = nlp(make_doc(nlp, "Donald Trump Jr. spoke.", Document(id="t", date=dt.date(2019, 9, 21))))
    assert doc._.ew.actors[0].code is None  # the son, not the president of the table


# -- pronouns -----------------------------------------------------------------------------------------------


def test_it_and_its_are_the_country_of_the_clause(nlp):
    found, text = actors(nlp, "Chile said it would recall its ambassador.")
    assert mentions(found["Chile"], text) == ["Chile", "it", "its"]


def test_they_and_their_are_the_group_of_the_clause(nlp):
    found, text = actors(nlp, "The Taliban said they would keep their weapons.")
    assert mentions(found["Taliban"], text) == ["The Taliban", "they", "their"]


def test_it_of_the_sentence_before(nlp):
    found, text = actors(nlp, "Norway expelled two diplomats. It said they had spied.")
    assert mentions(found["Norway"], text) == ["Norway", "It"]


def test_expletive_it_and_people_are_not_states(nlp):
    found, text = actors(
        nlp, "Chile said it was unclear whether talks would resume. Gen. Marco Halvorsen said its army was ready."
    )
    assert mentions(found["Chile"], text) == ["Chile"]
    assert all("its" not in mentions(a, text) for a in found.values())


# -- datelines and sentences ----------------------------------------------------------------------------------


def test_dateline_and_agency_are_not_actors(nlp):
    found, text = actors(nlp, "DOHA (Reuters) - Qatar said on Monday that talks would resume. (AP) contributed.")
    assert [a.name for a in found.values()] == ["Qatar"]
    assert mentions(found["Qatar"], text) == ["Qatar"]
    found, _ = actors(nlp, "PORT-AU-PRINCE (eventwire) — Kenyan police officers arrived on Tuesday.")
    assert [a.name for a in found.values()] == ["Kenyan officers"]  # no "AU" of the place's name
    found, _ = actors(nlp, "Ankara, Turkey — Greek officials arrived on Tuesday.")
    assert [a.name for a in found.values()] == ["Greek officials"]  # a place and its country: no Ankara


def test_blank_line_and_dateline_end_a_sentence(nlp):
    doc = nlp(make_doc(nlp, "Talks in Geneva\n\nMOSCOW — Russia said talks would resume.", Document(id="t")))
    assert [s.text.strip() for s in doc.sents] == ["Talks in Geneva", "MOSCOW —", "Russia said talks would resume."]
    assert [a.name for a in doc._.ew.actors] == ["Russia"]


# -- coordination --------------------------------------------------------------------------------------------


def test_a_people_named_after_a_states_demonym_is_one_group_of_that_state(nlp):
    found, text = actors(nlp, "Syrian Turkmen rebels fired at the jet. Iraqi Kurdish forces advanced.")
    codes = {mentions(a, text)[0]: a.code for a in found.values()}
    assert codes == {"Syrian Turkmen rebels": "SYRREB", "Iraqi Kurdish forces": "IRQMIL"}  # not Turkmenistan's


def test_a_minister_listed_after_a_titled_leader_is_of_that_leaders_country(nlp):
    text = "Greek prime minister Kyriakos Mitsotakis and energy minister Kostas Skrekas met in Athens."
    found = dated(nlp, text, "2022-01-03")
    assert found["Kostas Skrekas"].code == "GRCGOV"
    found = dated(
        nlp, "Energy minister Yuval Steinitz, Greek prime minister Kyriakos Mitsotakis and others met.", "2022-01-03"
    )
    assert found["Yuval Steinitz"].country == "ISR"  # the next one's title is not his


def test_a_states_ambassador_to_the_un_is_that_states(nlp):
    found = dated(
        nlp, "U.S. Ambassador to the United Nations Nikki Haley told Fox News that talks failed.", "2017-08-07"
    )
    assert found["Nikki Haley"].code == "USAGOV"


def test_a_plural_party_name_in_a_text_on_another_country_is_a_camp_of_that_country(nlp):
    text = "President Trump spoke on Monday. Conservatives want Republican leaders to confront him."
    found = dated(nlp, text, "2017-06-01")
    assert found["Conservatives"].code == "USACVL"  # not the British party
    found = dated(
        nlp, "Theresa May called an election. The Conservatives lost seats. Democrats mocked Trump.", "2017-06-01"
    )
    assert found["Conservative Party"].code == "GBRPTY" and found["Democratic Party"].code == "USAPTY"


def test_a_title_names_the_holder_of_the_office_so_called_not_of_its_rank(nlp):
    found = dated(nlp, "Iran rejected the offer. The president said talks were pointless.", "2019-06-20")
    assert "Hassan Rouhani" in found and "Ali Khamenei" not in found  # Iran's head of state is its Supreme Leader


def test_coordinated_qualifiers_are_two_actors(nlp):
    found, text = actors(nlp, "Czech and Slovak officials signed the deal.")
    assert (found["Czech officials"].code, mentions(found["Czech officials"], text)) == ("CZEGOV", ["Czech"])
    assert (found["Slovak officials"].code, mentions(found["Slovak officials"], text)) == (
        "SVKGOV",
        ["Slovak officials"],
    )


def test_a_news_agency_does_not_make_the_passage_about_its_country(nlp):
    found, text = actors(
        nlp,
        "Gunmen stormed a police post in Mali's Mopti region. Reuters reported that officials counted 12 dead.",
    )
    codes = {mentions(a, text)[0]: a.code for a in found.values()}
    assert codes["officials"] == "MLIGOV"


def test_the_country_is_the_country_of_the_passage(nlp):
    found, text = actors(nlp, "Kenya closed its border. The country has hosted refugees for years.")
    assert mentions(found["Kenya"], text) == ["Kenya", "its", "The country"]


def test_title_in_apposition_after_the_name(nlp):
    found, text = actors(nlp, "Zhao Minghui, China's vice-minister for commerce, criticised the tariffs.")
    zhao = found["Zhao Minghui"]
    assert (zhao.code, mentions(zhao, text)) == ("CHNGOV", ["Zhao Minghui", "China's vice-minister"])
    found, _ = actors(nlp, "Maria Lindqvist, the president of the European Commission, welcomed the deal.")
    assert found["Maria Lindqvist"].code == "EC"


def test_stacked_titles_and_of_country_before_the_name(nlp):
    found, _ = actors(
        nlp,
        "UAE National Security Advisor Sheikh Hamdan bin Rashid Al Falasi met Saudi Prime Minister and Crown Prince "
        "Faisal bin Khalid. He met National Security Advisor of India Arjun Mehta on Monday.",
    )
    codes = {a.name: a.code for a in found.values() if a.type == "person"}
    assert codes == {"Hamdan bin Rashid Al Falasi": "AREGOV", "Arjun Mehta": "INDGOV", "Faisal bin Khalid": "SAUGOV"}


def test_it_in_a_conjoined_clause_is_not_the_subject_before(nlp):
    found, text = actors(nlp, "Iran hosted the tournament and it was boycotted by several players.")
    assert mentions(found["Iran"], text) == ["Iran"]


def test_people_and_parties_need_an_owner_or_a_number(nlp):
    found, text = actors(nlp, "Kenya said many people think a third party should mediate. Eight people were hurt.")
    assert [mentions(a, text) for a in found.values() if a.type == "group"] == [["Eight people"]]


def test_ambiguous_country_name_standing_alone_is_the_country(nlp):
    found, _ = actors(nlp, "The regional bloc readmitted Niger and Gabon after long talks.")
    assert found["Niger"].code == "NER"
    river, _ = actors(nlp, "Boats carried rice down the Niger to the market towns.")
    assert "Niger" not in river
    person, _ = actors(nlp, "Chad Miller won the tennis final.")
    assert "Chad" not in person


def test_possessive_country_and_flag_participle_are_actors(nlp):
    found, _ = actors(nlp, "Seoul protested against North Korea's rocket test and a Panamanian-flagged ship.")
    assert found["North Korea"].code == "PRK"
    assert found["Panama"].code == "PAN"


def test_domestic_group_takes_the_country_of_the_place_it_is_in(nlp):
    found, _ = actors(nlp, "Hezbollah gunmen wounded several farmers in southern Syria.")
    assert found["Syria farmer"].code == "SYRCVL"


def test_apposition_owner_wins_over_a_bare_rank(nlp):
    found, _ = actors(nlp, "Col. Paul Essono, Gabon's government spokesman, denied the report.")
    assert found["Paul Essono"].code == "GABGOV"


def test_nationality_and_description_code_an_unknown_person(nlp):
    found, _ = actors(nlp, "Police detained Egyptian activist Samir Fawzi at dawn.")
    person = found["Samir Fawzi"]
    assert person.country == "EGY" and person.sector == "CVL"


def test_commerce_secretary_named_alone_is_coded_on_the_date(nlp):
    doc = nlp(make_doc(nlp, "Gina Raimondo criticised the new rules.", Document(id="t", date=dt.date(2022, 5, 2))))
    assert {a.name: a.code for a in doc._.ew.actors}["Gina Raimondo"] == "USAGOV"


def test_definite_group_noun_names_its_antecedent_again(nlp):
    text = "Norway expelled three Iranian diplomats. Norway's decision to expel the diplomats angered Tehran."
    found, _ = actors(nlp, text)
    assert mentions(found["Iranian diplomats"], text) == ["three Iranian diplomats", "the diplomats"]


def test_title_inside_a_full_name_does_not_hide_its_first_name(nlp):
    text = "Emir Sheikh Tamim bin Hamad Al Thani received the envoy. Later Sheikh Tamim spoke to reporters."
    doc = nlp(make_doc(nlp, text, Document(id="t", date=dt.date(2023, 3, 1))))
    people = [a for a in doc._.ew.actors if a.type == "person"]
    assert len(people) == 1 and [text[s:e] for s, e in people[0].mentions][-1] == "Sheikh Tamim"


def test_dateline_followed_by_a_blank_line_is_no_actor(nlp):
    found, _ = actors(nlp, "HANOI (Reuters) -\n\nVietnam protested to Beijing on Monday.")
    assert "HANOI" not in found and found["Vietnam"].code == "VNM"


def test_plural_noun_naming_a_topic_is_no_owner(nlp):
    found, _ = actors(nlp, "Armenian teachers rallied against the new foreign agents bill.")
    assert not any(a.sector == "COP" for a in found.values())
    rangers, _ = actors(nlp, "Paramilitary rangers detained the opposition leader.")
    assert rangers["Paramilitary rangers"].code == "COP"


def test_group_noun_beside_an_organisation_belongs_to_it(nlp):
    text = "Kinshasa denounced the new M23 militia advance."
    found, _ = actors(nlp, text)
    assert mentions(found["March 23 Movement"], text) == ["M23 militia"]


def test_title_naming_its_own_owner_finds_the_office_holder(nlp):
    doc = nlp(make_doc(nlp, "The Kremlin spokesman dismissed the report.", Document(id="t", date=dt.date(2021, 6, 1))))
    assert [(a.name, a.code) for a in doc._.ew.actors] == [("Dmitry Peskov", "RUSGOV")]
    text = "Japan's Chief Cabinet Secretary spoke to reporters."
    doc = nlp(make_doc(nlp, text, Document(id="t", date=dt.date(2019, 2, 1))))
    assert [(a.name, a.code) for a in doc._.ew.actors] == [("Yoshihide Suga", "JPNGOV")]


def test_legislators_named_alone_are_coded_on_the_date(nlp):
    text = "Nancy Pelosi and Kamala Harris criticised the plan."
    doc = nlp(make_doc(nlp, text, Document(id="t", date=dt.date(2019, 6, 1))))
    assert {a.name: a.code for a in doc._.ew.actors} == {"Nancy Pelosi": "USALEG", "Kamala Harris": "USALEG"}


def test_one_word_office_holder_name_inside_a_longer_name_is_someone_else(nlp):
    found, _ = actors(nlp, "Henri Dupont, a farmer from Brittany, criticised the new tax.")
    assert "Henri" not in found and "Henri Dupont" in found


def test_a_city_the_gazetteer_settles_places_a_group(nlp):
    found, _ = actors(nlp, "Police in Lagos arrested a suspect after the robbery.")
    assert found["Nigeria police"].code == "NGACOP"


def test_a_civilian_named_by_a_noun_is_one_person_that_him_names(nlp):
    text = "Police in Kenya detained a man on Friday and questioned him for hours."
    found, _ = actors(nlp, text)
    man = found["Kenya man"]
    assert (man.type, man.code) == ("person", "KENCVL")
    assert mentions(man, text) == ["a man", "him"]


def test_a_plural_agent_noun_opening_a_sentence_is_still_a_group(nlp):
    # the tagger reads a capitalised plural at the start of a sentence as a name ("Gunmen", lemma "Gunmen")
    found, _ = actors(nlp, "Somalia is on alert.\n\nGunmen stormed a hotel in the capital.")
    assert [a.code for a in found.values() if a.sector == "REB"] == ["SOMREB"]


def test_the_government_far_into_a_story_is_of_the_country_the_story_named_most(nlp):
    text = (
        "Egypt opened a new canal crossing on Monday. Engineers worked on it for years. The bridge is 300 metres "
        "long. Traffic was light on the first day. Later the government praised the engineers."
    )
    found, _ = actors(nlp, text)
    assert found["Egypt government"].code == "EGYGOV"


def test_title_in_apposition_without_an_owner_takes_the_passage_country(nlp):
    found, _ = actors(
        nlp, "Brazil raised its interest rate on Monday. Carla Mendes, the deputy finance minister, defended the move."
    )
    assert (found["Carla Mendes"].country, found["Carla Mendes"].sector) == ("BRA", "GOV")
    found, _ = actors(nlp, "Carla Mendes, who met the finance minister, defended the move.")
    assert found["Carla Mendes"].sector is None  # the title is someone else's


def test_a_pronoun_subject_continues_the_subject_of_the_sentence_before(nlp):
    text = (
        "Chancellor Olaf Scholz said President Joe Biden's plan, Biden's advisers and Biden's envoy had all "
        "helped. He then left for Paris."
    )
    found = dated(nlp, text, "2023-05-10")
    assert "He" in mentions(found["Olaf Scholz"], text) and "He" not in mentions(found["Joe Biden"], text)


def test_a_pronoun_subject_of_a_joined_clause_is_that_clauses_subject(nlp):
    text = (
        "Chancellor Olaf Scholz met President Emmanuel Macron, and Scholz praised Macron twice. Macron called "
        "the attack cowardly, and he warned of consequences."
    )
    found = dated(nlp, text, "2023-05-10")
    assert "he" in mentions(found["Emmanuel Macron"], text)  # not the passage's most named person


def test_a_possessive_is_no_part_of_a_name(nlp):
    found = dated(nlp, "President Trump’s speech was short.", "2018-05-10")
    assert found["Donald Trump"].code == "USAGOV"


def test_a_longer_name_ending_in_a_known_phrase_is_another_body(nlp):
    text = "The National Security Council met on Monday. The UN Security Council met too."
    found, _ = actors(nlp, text)
    assert mentions(found["United Nations Security Council"], text) == ["The UN Security Council"]


def test_the_court_is_the_named_court_before_it(nlp):
    text = "The Ninth Circuit Court of Appeals heard the case in May. The court said it would rule in June."
    found, _ = actors(nlp, text)
    assert mentions(found["Ninth Circuit Court of Appeals"], text)[1:] == ["The court", "it"]


def test_a_region_that_acts_stands_for_its_government(nlp):
    found, text = actors(nlp, "California sued the federal government over the rule, days after floods hit Texas.")
    assert (found["California"].code, found["California"].type) == ("USAGOV", "group")
    assert "Texas" not in found  # a place acted on is a place
    found, text = actors(nlp, "The union filed a lawsuit against the state of Montana.")
    assert mentions(found["Montana"], text) == ["the state of Montana"]
    found, _ = actors(nlp, "Punjab police arrested the activist.")  # a region of two countries
    assert found["Punjab police"].country is None


def test_a_city_or_region_places_a_group_or_a_titled_person(nlp):
    found, _ = actors(nlp, "Montana officials rejected the plan. Texas Governor Greg Abbott criticized it.")
    assert found["United States official"].code == "USAGOV"
    assert found["Greg Abbott"].code == "USAGOV"
    found, _ = actors(nlp, "The Kenyan minister spoke with his counterpart in Ethiopia.")
    assert found["Ethiopia counterpart"].code == "ETHGOV"


def test_a_family_name_the_ner_missed_links_back(nlp):
    text = "Nancy Pelosi was elected Speaker of the House on Thursday. President Donald Trump congratulated Pelosi."
    found, _ = actors(nlp, text)
    assert mentions(found["Nancy Pelosi"], text) == ["Nancy Pelosi", "Pelosi"]


def test_the_publisher_is_no_actor(nlp):
    text = "The Kenyan minister discussed the vote with Wikinews last month."
    doc = nlp(make_doc(nlp, text, Document(id="t", source="Wikinews")))
    assert [a.name for a in doc._.ew.actors] == ["Kenya minister"]
    doc = nlp(make_doc(nlp, "The White House said the talks went well.", Document(id="t", source="The White House")))
    assert [a.code for a in doc._.ew.actors] == ["USAGOV"]  # a publisher the dictionaries know still acts


def test_we_in_a_statement_is_its_publisher(nlp):
    def voices(text, title="Statement on the attack"):
        doc = nlp(make_doc(nlp, text, Document(id="t", source="The White House", title=title)))
        return {text[s:e]: a.code for a in doc._.ew.actors for s, e in a.mentions}

    text = 'We condemn the attack. "We will rebuild," the mayor of the town said.'
    assert voices(text) == {"We": "USAGOV"}  # the quoted "we" is the mayor's (the quotes stage links it)
    assert voices("We welcome the agreement.", title="Joint Statement of the Leaders") == {}
    transcript = "THE PRESIDENT: We will not leave.\n\nQ Will you stay?\n\nTHE PRESIDENT: We will see."
    assert voices(transcript) == {}  # each speaker's "we" is their own


def test_i_in_a_statement_is_the_author_its_title_names(nlp):
    """ "Statement from President Joe Biden on ...": the statement's "I" is Biden (not inside quotation marks);
    a title naming two authors, or none the role table knows, names no "I"."""

    def firsts(text, title):
        doc = nlp(
            make_doc(nlp, text, Document(id="t", source="The White House", title=title, date=dt.date(2024, 7, 1)))
        )
        return {(text[s:e], a.name, a.code) for a in doc._.ew.actors for s, e in a.mentions if text[s:e] in {"I", "my"}}

    text = 'I congratulate the new president. "I am honoured," my guest said.'
    assert firsts(text, "Statement from President Joe Biden on the Inauguration") == {
        ("I", "Joe Biden", "USAGOV"),
        ("my", "Joe Biden", "USAGOV"),
    }
    assert firsts(text, "Remarks by the Vice President at the Summit") == {
        ("I", "Kamala Harris", "USAGOV"),
        ("my", "Kamala Harris", "USAGOV"),
    }
    assert firsts(text, "Statement from President Biden and Vice President Harris on the Vote") == set()
    assert firsts(text, "Statement by Spokesperson Jane Doe on the Vote") == set()
    biden = {("I", "Joe Biden", "USAGOV"), ("my", "Joe Biden", "USAGOV")}
    assert firsts(text, "President Biden Statement on the Truce") == biden  # the author named first
    assert firsts(text, "Presidential Message on Labor Day") == biden  # the President of the day


def test_a_title_says_the_office_of_someone_the_table_knows_only_later(nlp):
    """Marco Rubio's row is his term as Secretary of State from 2025; in 2014 "Senator Marco Rubio" is a senator,
    of his own country whatever country the passage is about."""
    found = dated(nlp, "After the attacks in Paris, Senator Marco Rubio spoke.", "2014-05-10")
    assert (found["Marco Rubio"].code, found["Marco Rubio"].title) == ("USALEG", "Senator")
    found = dated(nlp, "Secretary of State Marco Rubio spoke.", "2025-05-10")
    assert found["Marco Rubio"].code == "USAGOV"


def test_a_later_title_codes_a_person_named_first_without_one(nlp):
    """A headline or a list may name someone before the text gives the title: "Dana Ortiz's plan ... Colorado
    Sen. Dana Ortiz" is a senator from the first mention on."""
    found = dated(nlp, "Dana Ortiz's New Plan\n\nColorado Sen. Dana Ortiz spoke on Monday. Ortiz left.", "2019-05-10")
    assert found["Dana Ortiz"].code == "USALEG"
    found = dated(nlp, "Tom Reyes and Jo Park campaigned. Texas Sen. Reyes then spoke.", "2016-02-10")
    assert found["Tom Reyes"].code == "USALEG" and found["Jo Park"].code is None


def test_a_title_with_its_portfolio_before_the_name(nlp):
    """ "Special Presidential Envoy for Climate John Kerry" (2022): the title reaches the name across its portfolio
    and says he holds an office again (the table knows him as a former Secretary of State); "former" keeps him a
    former official."""
    found = dated(nlp, "Special Presidential Envoy for Climate John Kerry met the Chinese envoy.", "2022-12-13")
    assert found["John Kerry"].code == "USAGOV" and found["John Kerry"].title.endswith("Envoy")
    found = dated(nlp, "Former Secretary of State John Kerry met the Chinese envoy.", "2022-12-13")
    assert found["John Kerry"].code == "USAELI"
    found = dated(nlp, "Under Secretary of State for Political Affairs Victoria Nuland spoke.", "2022-12-13")
    assert [a.name for a in found.values()] == ["Victoria Nuland"]  # no organisation "State for Political Affairs"


def test_a_title_held_by_another_that_day_is_a_courtesy_title(nlp):
    """ "President Reagan" in a 2016 story about the United States: the table says Barack Obama held the office,
    so Reagan is a former president (ELI), not the government."""
    text = "The United States has long sought a deal. President Reagan met Gorbachev in 1986."
    found = dated(nlp, text, "2016-05-01")
    assert found["Reagan"].code == "USAELI"


def test_the_state_after_a_name_outranks_a_party_word_before_its_title(nlp):
    """A headline's "Democratic Opposition Leader X of Belarus" is Belarus's opposition leader, no US Democrat."""
    text = "Call with Democratic Opposition Leader Ana Petrova of Belarus\n\nThe adviser spoke with Ana Petrova today."
    found = dated(nlp, text, "2021-05-24")
    assert found["Ana Petrova"].code == "BLROPP"


def test_former_office_holders_named_by_a_plural_are_elites(nlp):
    """ "Two former prime ministers of Britain" are former officials (CAMEO's ELI), not the government."""
    found = dated(nlp, "Two former prime ministers of Britain criticized the deal.", "2020-07-30")
    assert [a.code for a in found.values() if a.type == "group"] == ["GBRELI"]


def test_a_backed_group_is_not_its_backers(nlp):
    """ "Iran-backed militias" in a passage on Syria are Syrian militias backed by Iran; their mention does not start
    at the hyphen ("Iran" is the backer's own mention)."""
    found, text = actors(nlp, "Fighting flared in Syria. Iran-backed militias attacked the base.")
    assert found["Syria militia"].code == "SYRREB"
    assert not any(m.startswith("-") for a in found.values() for m in mentions(a, text))


def test_a_committee_of_a_chamber_is_that_legislatures(nlp):
    """ "The House Intelligence Committee" in a passage about Iran is the US House's committee (LEG), not Iran's."""
    text = "Iranian commander Qassem Soleimani attends a ceremony in Tehran.\n\nThe House Intelligence Committee will "
    found = dated(nlp, text + "hold a hearing on Iran.", "2020-02-14")
    assert found["House Intelligence Committee"].code == "USALEG"


def test_a_plural_title_is_each_listed_names(nlp):
    """ "Sens. X and Y", "Reps. X, Y and Z": every name of the list holds the title (the parse may read the
    second name as apposed to the first)."""
    found = dated(nlp, "Sens. Tom Reyes and Jo Park of Ohio criticized the deal with Cuba.", "2016-02-10")
    assert found["Jo Park"].code == "USALEG" and found["Tom Reyes"].sector == "LEG"
    found = dated(nlp, "Reps. Anna Lewis, Mark Kent and Carol Moss met the Ukrainian ambassador.", "2019-05-10")
    assert all(found[n].sector == "LEG" for n in ("Anna Lewis", "Mark Kent", "Carol Moss"))


def test_japanese_names_in_either_order(nlp):
    found = dated(nlp, "Prime Minister Kishida Fumio met the envoy. Mr. Kishida thanked him.", "2023-05-10")
    assert found["Fumio Kishida"].code == "JPNGOV"


def test_names_shared_by_a_couple_and_names_inside_longer_names(nlp):
    """ "David and Louise Turpin" are two Turpins (not David Lee, Taiwan's foreign minister known in Western
    order); the Gates of "the Bill and Melinda Gates Foundation" is no Robert Gates; "Giuliani and Andriy
    Yermak" are two people."""
    found, _ = actors(nlp, "A judge sentenced David and Louise Turpin on Friday.")
    assert {"David Turpin", "Louise Turpin"} <= set(found)
    found, _ = actors(nlp, "Carl Hensman of the Bill and Melinda Gates Foundation said the sprays were safe.")
    assert "Robert Gates" not in found
    found, _ = actors(nlp, "The envoy arranged a meeting between Giuliani and Andriy Yermak.")
    assert "Giuliani Yermak" not in found and "Andriy Yermak" in found


def test_an_object_pronoun_is_not_its_own_verbs_subject(nlp):
    found, text = actors(nlp, "Senator Tom Baker met Governor Jim Hill. Baker praised him for his work.")
    assert mentions(found["Jim Hill"], text) == ["Governor Jim Hill", "him", "his"]  # the work praised is his


def test_counted_people_and_participles_used_as_nouns_are_groups(nlp):
    found, text = actors(nlp, "Kenyan police arrested the accused in Mombasa. A gunman shot several people.")
    groups = [mentions(a, text) for a in found.values() if a.type == "group"]
    assert ["the accused in Mombasa"] in groups and ["several people"] in groups


def test_the_speakers_of_a_transcript_are_its_i_and_we(nlp):
    """In a White House transcript "I" is the speaker of the turn (the president on that day, a named
    official, a guest leader) and "we" the speaker's government; a reporter's question speaks for no one."""
    text = (
        "THE PRESIDENT: I have spoken with Prime Minister Netanyahu. We support Israel.\n"
        "Q Will you call him again?\n"
        "MS. PSAKI: I spoke with the Egyptian ambassador.\n"
        "PRIME MINISTER KISHIDA: I thank the people of America.\n"
    )
    doc = nlp(make_doc(nlp, text, Document(id="t", source="The White House", date=dt.date(2022, 5, 20))))
    found = {a.name: a for a in doc._.ew.actors}
    assert (found["Joe Biden"].code, mentions(found["Joe Biden"], text)) == ("USAGOV", ["I"])
    assert mentions(found["United States government"], text) == ["We"]
    assert (found["Psaki"].code, mentions(found["Psaki"], text)) == ("USAGOV", ["I"])
    assert found["Fumio Kishida"].code == "JPNGOV" and "I" in mentions(found["Fumio Kishida"], text)
    assert mentions(found["Benjamin Netanyahu"], text) == ["Prime Minister Netanyahu", "him"]


def test_a_title_apposed_to_a_name_is_that_person(nlp):
    found, text = actors(
        nlp,
        "Sadiq Khan spoke first. The prime minister, Boris Johnson, thanked the police. Pete Buttigieg, the former "
        "mayor of South Bend, Indiana, praised them. Zalmay Khalilzad, a US peace envoy, met the Taliban.",
    )
    assert mentions(found["Boris Johnson"], text) == ["The prime minister", "Boris Johnson"]
    assert "Imran Khan" not in found and found["Sadiq Khan"].code is None  # "Sadiq" is no Khan of the table
    assert (found["Pete Buttigieg"].code, found["Zalmay Khalilzad"].code) == ("USAELI", "USAGOV")


def test_a_description_apposed_to_a_name_names_no_one_else(nlp):
    found, text = actors(
        nlp,
        "President Donald Trump spoke on Monday. Ivan Friedler, formerly the president of a software firm, "
        "admitted the charges. Adam Kokesh, an Iraq War veteran, spoke next.",
    )
    assert mentions(found["Donald Trump"], text) == ["President Donald Trump"]
    assert "Iraq" not in found  # the name of a war


def test_a_family_name_that_is_also_a_city_names_the_person(nlp):
    found, text = actors(nlp, 'Police named the attacker as Sudesh Amman. Officers said about Amman: "He was armed."')
    assert mentions(found["Sudesh Amman"], text)[:2] == ["Sudesh Amman", "Amman"]
    assert not any(a.country == "JOR" for a in found.values())


def test_a_pronoun_in_a_quotation_is_not_its_speaker(nlp):
    found, text = actors(
        nlp,
        'President Donald Trump met congressional leaders on Friday. Senator Chuck Schumer said: "We told the '
        'president we needed the government open. He refused."',
    )
    assert "He" in mentions(found["Donald Trump"], text)


def test_a_country_named_like_a_region_of_the_text_s_country_is_the_region(nlp):
    found, _ = actors(
        nlp,
        "Voters in Georgia went to the polls on Tuesday in the U.S. Democratic primaries. Georgia's results were "
        "delayed. Senator Tammy Duckworth said Georgia must count every vote.",
    )
    assert found["Tammy Duckworth"].code == "USALEG"
    assert not any(a.country == "GEO" for a in found.values())
    found, _ = actors(nlp, "Russian troops entered Georgia in 2008. Georgia accused Russia of aggression.")
    assert found["Georgia"].code == "GEO"


def test_a_name_ends_at_its_possessive(nlp):
    found = dated(nlp, "Readout of Vice President Harris’s Call with the Prime Minister of Fiji", "2023-09-01")
    assert "Kamala Harris" in found and not any("Call" in name for name in found)


def test_two_titles_joined_after_the_are_two_people(nlp):
    found = dated(
        nlp,
        "Vice President Kamala Harris spoke with Guatemala's president-elect. The Vice President and Senator "
        "Tim Kaine discussed migration.",
        "2023-09-01",
    )
    assert found["Tim Kaine"].code == "USALEG"  # not a vice president
    assert "Vice President" not in (found["Tim Kaine"].title or "")


def test_forces_a_leader_orders_to_act_are_his_states(nlp):
    found = dated(nlp, "Vladimir Putin ordered troops to attack Ukraine.", "2022-02-24")
    assert next(a for a in found.values() if a.sector == "MIL").country == "RUS"


def test_an_object_pronoun_of_a_participle_is_not_its_implicit_subject(nlp):
    text = "Barack Obama called Vladimir Putin on Tuesday, urging him to embrace a negotiated solution."
    found = dated(nlp, text, "2015-02-10")
    assert [text[s:e] for s, e in found["Vladimir Putin"].mentions] == ["Vladimir Putin", "him"]


def test_the_president_is_the_one_introduced_with_the_bare_title(nlp):
    text = (
        "President Donald Trump defended his summit with Vladimir Putin. Iranian President Hassan Rouhani warned "
        "the United States on Sunday. The President replied with a threat."
    )
    found = dated(nlp, text, "2018-07-23")
    assert "The President" in [text[s:e] for s, e in found["Donald Trump"].mentions]


def test_a_month_is_no_family_name_in_a_story_naming_its_country(nlp):
    found = dated(
        nlp, "President Yoon met Biden in London. Biden's visit in May here in Seoul was productive.", "2022-09-29"
    )
    assert not any("May" in name for name in found)


def test_an_office_of_one_state_alone_is_that_states_and_a_name_inside_a_longer_one_is_its_holders(nlp):
    found = dated(nlp, "Bolivia is at a crossroads, the pope said.", "2019-05-03")
    assert found["Francis"].code == "VATREL"  # not Bolivia's head of state
    found = dated(nlp, "The Argentine pope met Evo Morales in La Paz.", "2015-07-09")
    assert found["Francis"].code == "VATREL"
    assert found["Juan Evo Morales"].code == "BOLGOV"  # the table has him as Juan Evo Morales Ayma


def test_a_title_before_a_family_name_names_one_who_held_that_office(nlp):
    """ "Prime Minister Lee" in 2022 is Singapore's prime minister, not a South Korean party leader named Lee;
    "President Obama" in a 2019 text is the former US president, not Equatorial Guinea's prime minister Obama;
    "Senior Directors X and Y" names no one called Senior."""
    text = "Prime Minister Lee met Senior Directors Tarun Chhabra and Nora Todd. President Obama spoke later."
    doc = nlp(make_doc(nlp, text, Document(id="t", date=dt.date(2022, 4, 21))))
    found = {a.name: a for a in doc._.ew.actors}
    assert found["Lee Hsien Loong"].code == "SGPGOV"
    assert found["Barack Obama"].code == "USAELI"
    assert not any(a.country == "PLW" for a in found.values())


def test_a_stance_prefix_names_no_owner(nlp):
    """ "pro-Russian separatists" are not Russia's (the passage places them), "anti-American protesters" not
    American, "an anti-Houthi coalition" not the Houthis' leader."""
    found, text = actors(
        nlp,
        "Fighting flared in eastern Ukraine. Pro-Russian separatists shelled a checkpoint. Anti-American "
        "protesters rallied in Islamabad. An anti-Houthi coalition attacked the port.",
    )
    assert found["Ukraine separatist"].code == "UKRREB"
    assert found["Pakistan protester"].code == "PAKCVL"
    assert not any(a.country in {"RUS", "USA"} or "Houthi" in a.name for a in found.values())
    found, text = actors(
        nlp,
        "Fighting flared in eastern Ukraine. The president held an emergency session today as pro-Russia rebels "
        "launched a powerful new offensive in the east.",
    )
    assert mentions(found["Ukraine rebel"], text) == ["pro-Russia rebels"]  # the NER's "pro-Russia" is no person
    assert "pro-Russia" not in found


def test_bodies_listed_after_a_states_body_are_that_states(nlp):
    """In a White House text "the Israel National Security Council, the Ministry of Health, the Ministry of
    Defense and the Embassy of Israel in the United States" are Israel's bodies (the "in" belongs to the last)."""
    text = (
        "Officials held discussions with the Israel National Security Council, the Ministry of Health, the Ministry "
        "of Defense and the Embassy of Israel in the United States."
    )
    doc = nlp(make_doc(nlp, text, Document(id="t", source="The White House", date=dt.date(2022, 9, 30))))
    found = {a.name: a for a in doc._.ew.actors}
    assert found["Ministry of Health"].code == found["Ministry of Defense"].code == "ISRGOV"

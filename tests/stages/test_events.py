"""Event coding on sentences written for these tests: every CAMEO root, roles from the parse, modality."""

import pytest

from eventwire.nlp import code_text

ROOTS = {
    "01": "Japan said the talks had been useful.",
    "02": "France urged Iran to free the detained aid workers.",
    "03": "Brazil offered to mediate between Russia and Ukraine.",
    "04": "Kenya hosted Ethiopia for talks on the border.",
    "05": "Germany praised Poland for its support of refugees.",
    "06": "India and Japan invested in a joint port project.",
    "07": "Canada provided humanitarian aid to Turkey.",
    "08": "Serbia released three Kosovo police officers.",
    "09": "The United Nations investigated Sudan over alleged abuses.",
    "10": "Ukraine demanded that Russia withdraw its troops.",
    "11": "China condemned Japan for the visit.",
    "12": "Hungary rejected the proposal from Sweden.",
    "13": "North Korea threatened South Korea with military action.",
    "14": "Thousands of Serbians protested against the government in Belgrade.",
    "15": "Russia deployed troops near the border with Finland.",
    "16": "Poland expelled Russian diplomats.",
    "17": "Iran seized a Greek tanker in the Gulf.",
    "18": "Russian soldiers abducted Ukrainian civilians.",
    "19": "Russian forces shelled Ukrainian positions near Bakhmut.",
    "20": "Syrian forces massacred civilians in the village.",
}


def events(text, date="2024-12-04"):
    return code_text(text, date=date).events


@pytest.mark.parametrize("root", sorted(ROOTS))
def test_every_cameo_root_has_a_trigger(root):
    found = events(ROOTS[root])
    assert any(e.cameo.startswith(root) for e in found), [(e.cameo, e.pattern) for e in found]


def one(text, cameo_root, date="2024-12-04"):
    found = [e for e in events(text, date) if e.cameo.startswith(cameo_root)]
    assert len(found) == 1, [(e.cameo, e.source_code, e.target_code) for e in events(text, date)]
    return found[0]


def test_codebook_values_travel_with_the_event():
    e = one("Canada provided humanitarian aid to Turkey.", "07")
    assert (e.source_code, e.target_code, e.plover, e.quad) == ("CAN", "TUR", "AID", 2)
    assert e.goldstein == 7.0


def test_active_and_passive_voice_give_the_same_direction():
    active = one("Russia attacked Ukraine.", "19")
    passive = one("Ukraine was attacked by Russia.", "19")
    assert (active.source_code, active.target_code) == (passive.source_code, passive.target_code) == ("RUS", "UKR")


def test_light_verb_with_prepositional_target():
    e = one("The European Union imposed sanctions on Belarus on Monday.", "16")
    assert (e.source_code, e.target_code, e.cameo) == ("EU", "BLR", "163")
    assert e.date == "2024-12-02" and e.date_source == "clause"


def test_compound_sources_give_one_event_per_dyad():
    found = [e for e in events("China and Russia held talks with Brazil.") if e.cameo.startswith("04")]
    assert sorted((e.source_code, e.target_code) for e in found) == [("CHN", "BRA"), ("RUS", "BRA")]


def test_control_verb_passes_its_subject_and_intention_carries_a_deadline():
    e = one("Germany pledged to deliver tanks to Ukraine by March 31.", "07")
    assert (e.source_code, e.target_code, e.modality) == ("DEU", "UKR", "intended")
    assert e.deadline == "2025-03-31"


def test_negation():
    e = one("Israel did not attack Iran.", "19")
    assert e.negated and (e.source_code, e.target_code) == ("ISR", "IRN")


def test_threat_modality():
    found = events("North Korea threatened to strike South Korea.")
    strike = next(e for e in found if e.cameo.startswith("19"))
    assert strike.modality == "threatened" and strike.source_code == "PRK" and strike.target_code == "KOR"


def test_reported_speech_codes_the_reported_event_not_the_statement():
    coded = code_text("Japan said that China attacked the Philippines.", date="2024-12-04")
    (e,) = coded.events
    assert (e.source_code, e.target_code, e.cameo[:2]) == ("CHN", "PHL", "19")
    assert coded.actor(e.reported_by).code == "JPN"


def test_no_event_without_an_actor():
    assert events("The weather was cold and the markets were quiet.") == []
    assert events("Someone attacked the budget proposal.") == []


def test_event_date_comes_from_its_own_clause():
    found = events("Iran, which attacked Israel in April, warned the United States on Monday.")
    attack = next(e for e in found if e.cameo.startswith("19"))
    warning = next(e for e in found if e.cameo.startswith("13"))
    assert (attack.date, attack.date_source) == ("2024-04", "clause")
    assert (warning.date, warning.date_source) == ("2024-12-02", "clause")


def test_reported_event_keeps_its_own_week():
    (e,) = events("On Friday, Japan said China had attacked the Philippines last week.")
    assert (e.date, e.date_source) == ("2024-W48", "clause")


def test_relative_clause_subject():
    e = one("The rebels, who kidnapped Nigerian students, demanded a ransom.", "18")
    assert (e.source_code, e.target_code) == ("REB", "NGACVL")


def test_nominal_events():
    visit = one("The visit of Chinese President Xi Jinping to Serbia was praised.", "04", date="2024-05-08")
    assert (visit.source_code, visit.target_code) == ("CHNGOV", "SRB")
    invasion = one("Russia's invasion of Ukraine was condemned.", "19")
    assert (invasion.source_code, invasion.target_code) == ("RUS", "UKR")


PLOVER = {
    "AGREE": "Armenia and Azerbaijan agreed to a ceasefire.",
    "CONSULT": ROOTS["04"],
    "SUPPORT": ROOTS["05"],
    "CONCEDE": "Serbia eased restrictions on Kosovo traders.",
    "COOPERATE": ROOTS["06"],
    "AID": ROOTS["07"],
    "RETREAT": ROOTS["08"],
    "REQUEST": ROOTS["02"],
    "ACCUSE": ROOTS["11"],
    "REJECT": ROOTS["12"],
    "THREATEN": ROOTS["13"],
    "PROTEST": ROOTS["14"],
    "SANCTION": ROOTS["16"],
    "MOBILIZE": ROOTS["15"],
    "COERCE": ROOTS["17"],
    "ASSAULT": ROOTS["19"],
}


def test_plover_sentences_cover_every_type():
    from eventwire.stages.events.codebook import codebook

    assert set(PLOVER) == set(codebook().plover_types)


@pytest.mark.parametrize("plover", sorted(PLOVER))
def test_every_plover_type_has_a_trigger(plover):
    found = events(PLOVER[plover])
    assert plover in {e.plover for e in found}, [(e.cameo, e.plover) for e in found]


def test_refused_cooperation_is_a_rejection():
    (e,) = events("Hungary declined to meet Ukraine.")
    assert e.cameo.startswith("12") and not e.negated
    (e,) = events("Ukraine did not agree to the proposal from Belarus.")
    assert e.cameo == "120" and e.plover == "REJECT" and "negated" in e.pattern


def test_figurative_attack_is_criticism():
    (e,) = events("Germany attacked the proposal from France.")
    assert (e.cameo, e.source_code, e.target_code) == ("111", "DEU", "FRA")


@pytest.mark.parametrize("text", [
    "France beat Brazil in the World Cup final.",
    "Russia Attacks Ukraine Again",
    "Germany | attacked | France",
])
def test_sport_headlines_and_tables_yield_no_event(text):
    assert events(text) == []


def test_quad_convention_is_selectable():
    from eventwire.nlp import build, code_docs
    from eventwire.records import Document

    text = "Iran investigated Iraq. Protesters in Serbia demonstrated against Kosovo."
    quads = {}
    for convention in ("gdelt", "icews", "penta"):
        (coded,) = code_docs([(text, Document(id="q"))], build(quad=convention))
        quads[convention] = [(e.cameo[:2], e.quad) for e in coded.events]
    assert quads["gdelt"] == [("09", 3), ("14", 4)]
    assert quads["icews"] == [("09", 2), ("14", 3)]
    assert quads["penta"] == [("09", 3), ("14", 4)]


def test_deadline_at_the_end_of_a_month_and_scheduled_withdrawal():
    e = one("Germany pledged to deliver tanks to Ukraine by the end of March.", "07", date="2023-01-25")
    assert (e.modality, e.deadline, e.date) == ("intended", "2023-03", "2023-01-25")
    e = one("Israeli forces are to withdraw from Lebanon within 60 days.", "08", date="2024-11-27")
    assert (e.source_code, e.target_code, e.modality, e.deadline) == ("ISRMIL", "LBN", "intended", "2025-01-26")


def test_a_clause_after_is_that_stays_asserted():
    e = one("The problem is that Russia attacked Ukraine.", "19")
    assert e.modality == "asserted"

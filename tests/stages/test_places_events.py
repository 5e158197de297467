"""Where events happened (places.event_place): the order of the sources, on sentences written for these tests."""

from eventwire.nlp import build, make_doc
from eventwire.records import Actor, Document, coded
from eventwire.stages.places import event_place, lead_place

UKRAINE = Actor("a1", "Ukraine", "UKR", "UKR", None, "country")
KENYA = Actor("a2", "Kenya", "KEN", "KEN", None, "country")


def parsed(text):
    nlp = build()
    return nlp(make_doc(nlp, text, Document(id="t")))


def sentences(doc):
    return list(doc.sents)


def test_a_place_in_the_sentence_comes_first():
    doc = parsed("KYIV — Ukraine and Poland signed a deal. Drones struck a depot near Kharkiv.")
    place, source = event_place(doc, sentences(doc)[-1], None, None, UKRAINE, "190")
    assert (place.name, source) == ("Kharkiv", "sentence")


def test_the_place_an_act_is_done_to_comes_before_a_locative_phrase():
    doc = parsed("Drones hit a depot near Kharkiv. Officials in Kyiv said so.")
    done_to = next(p for p in coded(doc).places if p.text == "Kyiv")  # as if the act were done to it
    assert event_place(doc, sentences(doc)[0], done_to, None, None, "190") == (done_to, "sentence")


def test_then_the_dateline():
    doc = parsed("KYIV (Reuters) — Ukraine and Poland signed a deal on Friday.")
    dateline = coded(doc).places[0]
    assert event_place(doc, sentences(doc)[0], None, dateline, None, "057") == (dateline, "dateline")


def test_then_the_target_s_country_only_for_acts_done_on_its_territory():
    doc = parsed(
        "Friday, March 1, 2024\n\nRussia said Ukraine had broken the truce. Russian drones struck Ukrainian depots."
    )
    strike = sentences(doc)[-1]
    place, source = event_place(doc, strike, None, None, UKRAINE, "195")  # employ aerial weapons
    assert (place.country, place.precision, source) == ("UKR", "country", "target")
    assert event_place(doc, strike, None, None, UKRAINE, "112") == (None, None)  # an accusation is made anywhere
    assert event_place(doc, strike, None, None, KENYA, "195") == (None, None)  # the text never names Kenya


def test_then_the_place_the_lead_puts_the_story_in():
    doc = parsed(
        "Monday, May 6, 2024\n\nA bridge collapsed on Monday in Mombasa, officials said. "
        "The government promised an inquiry. Kenya asked Japan for engineers."
    )
    assert lead_place(doc).name == "Mombasa"
    place, source = event_place(doc, sentences(doc)[-1], None, None, KENYA, "020")
    assert (place.name, source) == ("Mombasa", "lead")


def test_events_carry_their_place_and_how_it_was_found():
    from eventwire.nlp import code_text

    coded_doc = code_text("Israeli jets struck targets in Gaza City on Tuesday.", date="2024-03-05")
    places = {p.id: p for p in coded_doc.places}
    placed = [(places[e.place].name, e.place_source) for e in coded_doc.events if e.place]
    assert ("Gaza", "sentence") in placed

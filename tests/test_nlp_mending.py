"""What eventwire mends in the model's reading before its stages run: typographic apostrophes and wrong verb lemmas."""

import pytest
from spacy.tokens import Doc

from eventwire.lang import subject_read_as_object
from eventwire.nlp import MENDED, build, load_model

TYPOGRAPHIC = [
    "France and Germany condemn today’s missile launches.",
    "We don’t accept the minister’s claims, O’Neill said.",
    "The rebels’ leaders rejected Kenya’s offer.",
]


@pytest.fixture(scope="module")
def nlp():
    return build()


def test_typographic_apostrophes_are_read_as_plain_ones(nlp):
    for text in TYPOGRAPHIC:
        curly, plain = nlp(text), nlp(text.replace("’", "'"))
        assert curly.text == text  # the text and its offsets stay as written
        assert [(t.tag_, t.dep_, t.head.i) for t in curly] == [(t.tag_, t.dep_, t.head.i) for t in plain], text


def test_the_stock_model_misreads_a_typographic_apostrophe():
    """Why the mending exists: without it, "condemn" before "today’s" is tagged a noun."""
    doc = load_model()(TYPOGRAPHIC[0])
    assert doc[3].text == "condemn" and doc[3].pos_ != "VERB"


@pytest.mark.parametrize(
    ("text", "form", "lemma"),
    [
        ("China staged naval drills near the strait.", "staged", "stage"),
        ("Iran hopes to sign the agreement.", "hopes", "hope"),
        ("The army waged a long campaign.", "waged", "wage"),
        ("The senator lambasted the ministry.", "lambasted", "lambaste"),
    ],
)
def test_verb_forms_the_lemmatizer_gets_wrong_are_mended(nlp, text, form, lemma):
    stock = {t.text: t.lemma_ for t in load_model()(text)}
    mended = {t.text: t.lemma_ for t in nlp(text)}
    assert stock[form] != lemma  # the lemmatizer's own reading is wrong ...
    assert mended[form] == lemma  # ... and the pipeline's is right
    assert MENDED[form] == lemma


def test_has_before_a_participle_with_a_named_object_is_no_passive(nlp):
    """The model reads "He's met President Ramos" as a passive "is met"; the object says it is "has met"."""
    assert load_model()("He's met President Ramos many times.")[0].dep_ == "nsubjpass"  # why the mending exists
    doc = nlp("He's met President Ramos many times.")
    assert [(t.text, t.dep_) for t in doc[:3]] == [("He", "nsubj"), ("'s", "aux"), ("met", "ROOT")]
    passive = nlp("He's given a medal every year.")  # a thing given to him: passive either way
    assert passive[0].dep_ == "nsubjpass"


def test_a_name_ends_before_the_blank_line_after_it(nlp):
    """The model may run a name on into the blank line after it ("—Helen Brook\n\nHB: ..."); the mended entity
    stops at the name, so the actor's name and evidence are the name alone."""
    text = "(WN) Why do more young females die at sea?\n\n—Helen Brook\n\nHB: It is likely that the numbers differ "
    text += "elsewhere."
    stock = load_model()
    stock.add_pipe("eventwire_sentence_breaks", before="parser")
    assert any(e[-1].is_space for e in stock(text).ents)  # why the mending exists
    assert "Helen Brook" in [e.text for e in nlp(text).ents]


def test_a_reduced_passive_of_harm_is_no_act_of_those_harmed(nlp):
    """The model reads "grew to 36 people killed each day" as people who killed; a verb of harm with a subject
    and no object is a passive. Its shared or later object keeps it active ("killed and wounded dozens")."""
    text = "The report said the death toll grew to at least 36 people killed each day in Donetsk."
    assert any(t.text == "people" and t.dep_ == "nsubj" for t in load_model()(text))  # why the mending exists
    assert [t.dep_ for t in nlp(text) if t.text == "people"] == ["nsubjpass"]
    active = nlp("Rebels killed and wounded dozens of soldiers. Police arrested five men.")
    assert [t.dep_ for t in active if t.text in {"Rebels", "Police"}] == ["nsubj", "nsubj"]


def test_a_headlines_noun_of_harm_after_a_name_is_a_noun(nlp):
    """ "report on Soleimani killing" (a headline without articles): the model reads "killing" as a clause whose
    doer the name or the sentence's subject is; after a name and with no object it is the killing of that name."""
    text = "Senate chairman blasts Pentagon for report on Soleimani killing"
    assert load_model()(text)[-1].pos_ == "VERB"  # why the mending exists
    doc = nlp(text)
    assert (doc[-1].pos_, doc[-2].dep_, doc[-2].head.i) == ("NOUN", "compound", len(doc) - 1)
    assert nlp("Rebels were accused of killing civilians.")[4].pos_ == "VERB"  # an object: a clause


def test_as_before_a_clause_read_as_a_preposition(nlp):
    """ "... deal with Putin's government as Turkey invades Syria's northeast": the model hangs "as Turkey" on
    "deal" and makes "deal" the subject of "invades"; the name after "as" is the clause's subject."""
    text = "Armenians announce deal with Putin's government as Turkey invades Syria's northeast"
    stock = {t.text: t for t in load_model()(text)}
    assert stock["deal"].dep_ == "nsubj" and stock["Turkey"].dep_ == "pobj"  # why the mending exists
    mended = {t.text: t for t in nlp(text)}
    assert (mended["Turkey"].dep_, mended["Turkey"].head.text) == ("nsubj", "invades")
    assert (mended["deal"].dep_, mended["as"].dep_) == ("dobj", "mark")


def test_a_hyphen_after_an_abbreviation_joins_two_words(nlp):
    """The tokenizer kept "U.S.-China" and "U.S.-led" as one word, naming no state; split, as after a letter."""
    text = "The U.S.-China talks resumed as the U.S.-led coalition advanced."
    assert "U.S.-China" in [t.text for t in load_model()(text)]  # why the split exists
    assert [t.text for t in nlp(text)][1:5] == ["U.S.", "-", "China", "talks"]
    assert "UN-led" not in [t.text for t in nlp("The UN-led talks resumed.")]  # (after a letter, as before)


def test_a_participle_before_a_passives_agent_is_no_gerund(nlp):
    """ "was heckled by protesting students": the model reads "protesting" as a gerund whose object is "students";
    the students are the agent, and "protesting" describes them (a gerund with its own object stays one)."""
    text = "The minister was heckled by protesting students."
    stock = {t.text: t for t in load_model()(text)}
    assert (stock["protesting"].dep_, stock["students"].dep_) == ("pcomp", "dobj")  # why the mending exists
    mended = {t.text: t for t in nlp(text)}
    assert (mended["students"].dep_, mended["students"].head.text, mended["by"].dep_) == ("pobj", "by", "agent")
    assert (mended["protesting"].dep_, mended["protesting"].head.text) == ("amod", "students")
    assert nlp("Israel responded by attacking the militants.")[3].dep_ == "pcomp"


def test_a_subject_hung_on_its_clauses_conjunction_is_the_subject():
    """ "after Theresa May stepped down" read as "after [Theresa May]" (a parse the model gives in longer
    sentences): the conjunction's object is the clause's subject, not the main clause's."""
    words = ["Johnson", "resigned", "after", "Theresa", "May", "stepped", "down"]
    heads = [1, 1, 5, 4, 2, 1, 5]
    deps = ["nsubj", "ROOT", "mark", "compound", "pobj", "advcl", "prt"]
    doc = Doc(load_model().vocab, words=words, heads=heads, deps=deps)
    assert [t.text for t in subject_read_as_object(doc[5])] == ["May"]
    assert subject_read_as_object(doc[1]) == []

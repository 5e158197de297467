"""What eventwire mends in the model's reading before its stages run: typographic apostrophes and wrong verb lemmas."""

import pytest

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

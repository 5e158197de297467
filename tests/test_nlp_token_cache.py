"""The spaCy model's attribute ruler and lemmatizer with their caches give exactly what the stock ones give."""

import pickle

import numpy as np
import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.matcher import Matcher

from eventwire.nlp import load_model
from eventwire.token_cache import RuleMatcher, cache_rules

# sentences that reach the ruler's several kinds of rule: a tag alone, a word and its tag, an existential
# "there is" (two tokens, and the dependency label), a regular expression ("nothin'"), whitespace tokens; and
# words whose lemma depends on their part of speech ("meeting", "saw")
TEXTS = [
    "There is a new bridge over the river, and there were three meetings about it.",
    "She gets what she wants; he got nothin' from the council.",
    "They can't go.\n\nWe won't stay, y'all said, and I'm sure he's gonna say it's fine.",
    "The ministers' talks ended early   because the rooms were flooded.",
    "Gov. Reyes and the mayors met again on Tuesday, and the mayors' letters were read aloud.",
    "The meeting ran late, so they are meeting again after he saw the old saw in the shed.",
]
ATTRS = [POS, MORPH, LEMMA, TAG, DEP, HEAD]


@pytest.fixture(scope="module")
def models():
    stock, cached = load_model(), load_model()
    cache_rules(cached)
    return stock, cached


def test_the_cached_ruler_and_lemmatizer_give_the_stock_annotations(models):
    stock, cached = models
    for _ in range(2):  # the second round answers from the caches
        for a, b in zip(stock.pipe(TEXTS), cached.pipe(TEXTS), strict=True):
            assert np.array_equal(a.to_array(ATTRS), b.to_array(ATTRS)), a.text


def test_an_empty_text_has_no_tokens_to_match(models):
    _, cached = models
    assert [len(doc) for doc in cached.pipe(["", " "])] == [0, 1]


def test_the_cached_matcher_returns_the_stock_matches_including_the_rules_it_runs_whole(models):
    stock, cached = models
    ruler, cached_ruler = stock.get_pipe("attribute_ruler"), cached.get_pipe("attribute_ruler")
    assert isinstance(cached_ruler.matcher, RuleMatcher)
    with stock.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        docs = list(stock.pipe(TEXTS))
    found = []
    for doc in docs:
        expected = ruler.matcher(doc, allow_missing=True)
        assert sorted(cached_ruler.matcher(doc, allow_missing=True)) == sorted(expected)
        found += expected
    anchored = {match for doc in docs for match, _, _ in cached_ruler.matcher.anchored(doc, allow_missing=True)}
    assert anchored and anchored <= {match for match, _, _ in found}  # the texts reach rules of more than one token


def test_every_kind_of_rule_gives_the_stock_matches(models):
    """A plain one-token rule, a two-token rule opened by a plain test, rules opened by a regular expression (one
    and two tokens), one testing the tag with a regular expression, and one with a quantifier (run whole)."""
    stock, _ = models
    rules = [
        [{"LOWER": {"IN": ["bridge", "river"]}}],
        [{"LOWER": "new"}, {"POS": "NOUN"}],
        [{"LOWER": {"REGEX": "^me+t"}}],
        [{"LOWER": {"REGEX": "^th"}}, {"LOWER": {"IN": ["river", "council"]}}],
        [{"TAG": {"REGEX": "^VB"}}, {"LOWER": "again"}],
        [{"LOWER": "very", "OP": "+"}, {"LOWER": "late"}],
    ]
    matcher = Matcher(stock.vocab)
    for key, rule in enumerate(rules):
        matcher.add(str(key), [rule])
    cached = RuleMatcher(matcher, [(str(key), [rule]) for key, rule in enumerate(rules)])
    assert (len(cached.single), len(cached.anchored), len(cached.rest)) == (1, 3, 2)
    texts = [*TEXTS, "The meeting ran very very late.", "They meet again by the new bridge over the river."]
    for _ in range(2):  # the second round answers from the caches
        for doc in stock.pipe(texts):
            assert sorted(cached(doc)) == sorted(matcher(doc)), doc.text


def test_what_is_saved_is_unchanged(models):
    stock, cached = models
    assert cached.get_pipe("attribute_ruler").patterns == stock.get_pipe("attribute_ruler").patterns
    assert cached.get_pipe("lemmatizer").lookups.to_bytes() == stock.get_pipe("lemmatizer").lookups.to_bytes()


def test_caching_twice_changes_nothing(models):
    _, cached = models
    matcher = cached.get_pipe("attribute_ruler").matcher
    cache_rules(cached)
    assert cached.get_pipe("attribute_ruler").matcher is matcher


def test_a_pickled_pipeline_keeps_the_caches_and_the_annotations(models):
    stock, cached = models
    copy = pickle.loads(pickle.dumps(cached))
    assert isinstance(copy.get_pipe("attribute_ruler").matcher, RuleMatcher)
    for a, b in zip(stock.pipe(TEXTS), copy.pipe(TEXTS), strict=True):
        assert np.array_equal(a.to_array(ATTRS), b.to_array(ATTRS)), a.text

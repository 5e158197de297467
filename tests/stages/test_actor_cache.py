"""The actor matchers built from the cached token sequences (stages/actors/patterns.py) match as tokenized ones do."""

import shutil

import pytest
from spacy.matcher import PhraseMatcher

from eventwire.nlp import load_model
from eventwire.stages.actors import patterns
from eventwire.stages.actors.knowledge import Knowledge, knowledge


@pytest.fixture(scope="module")
def nlp():
    return load_model()


@pytest.fixture(scope="module")
def cache_home(tmp_path_factory):
    """A cache folder of this module's own, so the index is built here once, from the package's dictionaries."""
    home = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(home))
        yield home


def tokenized(nlp, k: Knowledge) -> dict[str, PhraseMatcher]:
    """The matchers as they were built before the cache: every phrase through the tokenizer."""
    found = {}
    for name, (attr, calls) in patterns.rules(k).items():
        found[name] = matcher = PhraseMatcher(nlp.vocab, attr=attr)
        for key, phrases in calls:
            matcher.add(key, [nlp.make_doc(p) for p in phrases])
    return found


def patterns_of(matcher: PhraseMatcher) -> tuple:
    """What a PhraseMatcher holds: its attribute and, per key, the token id sequences (as pickling gives them)."""
    _, (_, docs, _, attr) = matcher.__reduce__()[:2]
    return attr, docs


def test_the_cached_matchers_hold_exactly_the_tokenized_patterns(nlp, cache_home):
    k = knowledge()
    cached = patterns.matchers(nlp, k)
    assert list(cache_home.glob("eventwire/actor-phrases-*.sqlite3")) == [patterns.index_path(nlp)]
    fresh = tokenized(nlp, k)
    for name, matcher in fresh.items():
        assert patterns_of(cached[name]) == patterns_of(matcher), name
    assert sum(len(v) for v in patterns_of(cached["people"])[1].values()) > 1000  # the office holders are there


def test_they_match_text_as_tokenized_ones_do(nlp, cache_home):
    cached = patterns.matchers(nlp, knowledge())
    doc = nlp.make_doc("Lt. Gen. Ana Ruiz of the African Union spoke in Nairobi; the FOREIGN MINISTER of Kenya agreed.")
    for name, matcher in tokenized(nlp, knowledge()).items():
        assert cached[name](doc) == matcher(doc), name
    found = {doc[s:e].text for _, s, e in cached["phrases"](doc)}
    assert {"African Union", "Nairobi", "Kenya"} <= found
    assert "FOREIGN MINISTER" in {doc[s:e].text for _, s, e in cached["titles"](doc)}  # matched lowercased


def test_a_users_phrase_missing_from_the_cache_is_tokenized(nlp, cache_home, tmp_path):
    user = tmp_path / "orgs.tsv"
    user.write_text(
        "code\tname\tkind\tcountry\tsector\taliases\tdescriptions\n"
        "XHC\tHeron-Crane Fishing Co-op\tNGO\t\t\tHeron Co-op\t\n",
        encoding="utf-8",
    )
    cached = patterns.sequences(nlp)
    assert ("ORTH", "Heron-Crane Fishing Co-op") not in cached
    matcher = patterns.matchers(nlp, Knowledge((str(user),)))["phrases"]
    doc = nlp.make_doc("Members of the Heron-Crane Fishing Co-op met the Heron Co-op board.")
    assert {doc[s:e].text for _, s, e in matcher(doc)} >= {"Heron-Crane Fishing Co-op", "Heron Co-op"}


def test_the_file_changes_with_any_dictionary_and_with_the_model(nlp, tmp_path, monkeypatch):
    copy = tmp_path / "actors"
    shutil.copytree(patterns.HERE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(patterns, "HERE", copy)
    first = patterns.index_path(nlp)
    assert patterns.index_path(nlp) == first
    for tsv in ("sectors.tsv", "roles.tsv"):
        with open(copy / tsv, "a", encoding="utf-8") as f:
            f.write("\n")
        assert patterns.index_path(nlp) != first, tsv
        first = patterns.index_path(nlp)
    monkeypatch.setitem(nlp.meta, "version", "0.0.1-other")
    assert patterns.index_path(nlp) != first

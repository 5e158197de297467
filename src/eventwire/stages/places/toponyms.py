"""Finding toponyms: spaCy's GPE/LOC/FAC entities, country and region names matched as phrases, streets and
natural features by the word for their kind, names after a preposition that NER missed, the place opening an
organisation's name, local-news phrases, a state or country after a comma and the dateline; overlaps are
settled before resolution."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ...lang import TIMES, text_of
from ..timex.lexicon import MONTHS, WEEKDAYS
from .gazetteer import ADMIN_WORDS, GENERIC, Entry, Gazetteer, bare, key, words

PLACE_LABELS = {"GPE", "LOC", "FAC"}
STREET = words("street")  # word -> "number" for roads also named by a number after it ("Route 9")
FEATURE = {**{w: "R" for w in STREET}, **words("feature")}  # word after a name -> GeoNames feature class
FEATURE_BEFORE = words("feature before")  # "Lake Erie", "Mount Hood"
UNITS = words("units")  # "counties" -> "county"
LANGUAGE = words("language")  # nouns and verbs that make a demonym a language ("French class", "speak French")
NAMED_UNITS = {w for w, v in words("admin").items() if v == "name"}  # "Walker County" is the county's name
NAME_ONLY = set(words("generic"))  # "City Park", "National Forest": no name before the word for the kind
COMMEMORATIVE = set(words("commemorative"))
RESIDENT = set(words("resident"))
PARTY_HOME = re.compile(r"\b(?:R|D|I|DFL)-(?P<name>[A-Z][\w.]*(?: [A-Z][\w.]*)?)(?=[,);])")
ADMIN_WORD = re.compile(r"\s+(?P<word>" + "|".join(map(re.escape, ADMIN_WORDS)) + r")\b", re.I)
KNOWN_CITY = 15000  # population of a city taken for a name NER did not call a place
LOCATIVE = set(words("locative"))
# a capitalised name after one of these is looked up even if NER missed it ("met in Kyiv")
MOTION = LOCATIVE | set(words("motion"))
_DIRECTIONS = sorted(words("direction"), key=len, reverse=True)
COMPASS = re.compile(r"[NSEW]\.?(?:[NSEW]\.?)?|(?:North|South)(?:east|west)", re.I)  # "S.", "NW", "Northwest"
DIRECTION = re.compile(r"^(?:" + "|".join(map(re.escape, _DIRECTIONS)) + ") ", re.I)

# "KYIV, Ukraine (Reuters) — ", "BRUSSELS (eventwire) — ", "BRUSSELS —"
DATELINE = re.compile(
    r"\s*(?P<city>[A-Z][A-Z.'’\- ]*[A-Z.])"
    r"(?:\s*,\s*(?P<qualifier>[A-Z][^,()—–\n]{0,30}?))?"
    r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:—|–|-{1,3})(?:\s|$)"
)
HEADLINE_END = re.compile(r"\n\s*|(?<=[.!?])\s+")


def dateline(text: str) -> re.Match | None:
    """The dateline opening the text, or the paragraph or sentence after its headline ("Storm hits coast.
    KYIV —"), as texts often carry their headline before the dateline."""
    m = DATELINE.match(text)
    headline = None if m else HEADLINE_END.search(text, 0, 300)
    return DATELINE.match(text, headline.end()) if headline else m


POSSESSIVE = re.compile(r"(?:['’]s?)?$")  # its start: where a name's possessive ending begins
QUALIFIER = re.compile(r"\s*,\s*([A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2})")


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
    feature_class: str | None = None  # of a street or natural feature the gazetteer does not know


class ToponymFinder:
    """Finds a document's toponyms with their gazetteer candidates."""

    def __init__(self, nlp: Language, gaz: Gazetteer):
        self.gaz = gaz
        self.matcher = PhraseMatcher(nlp.vocab)
        self.matcher.add("PLACE", [nlp.make_doc(p) for p in sorted(gaz.phrases)])

    def find(self, doc: Doc) -> list[Toponym]:
        """The toponyms in text order, without overlaps, each knowing the state or country after its comma."""
        text = text_of(doc)
        chosen = _without_overlaps(self._candidates(doc))
        for t in list(chosen):  # the state or country after a comma, which NER often misses ("Paris, Tex.")
            m = QUALIFIER.match(text, t.end)
            q = m and self._qualifier(text, m.start(1), m.group(1))
            if q and not any(o.start < q.end and q.start < o.end for o in chosen):
                chosen.append(q)
        chosen.sort(key=lambda t: t.start)
        for t, nxt in zip(chosen, chosen[1:], strict=False):
            if text[t.end : nxt.start].strip() == ",":
                t.within = [e for e in nxt.candidates if e.kind in ("state", "country")]
        return chosen

    def _candidates(self, doc: Doc) -> list[Toponym]:
        """Every toponym any of the ways finds, overlaps included."""
        text, ents = text_of(doc), doc.ents  # spaCy makes the entities' spans anew on each access
        people = _people(ents) | {ent.text.casefold() for ent in ents if ent.label_ == "PERSON"}
        named = {ent.text for ent in ents if ent.label_ in ("GPE", "LOC")}
        found = _dateline(text, self.gaz) + self._unit_lists(doc)
        for span, kind in _kind_names(doc):  # "Hot Springs Drive", "Neches River": the whole name
            candidates = [] if kind == "R" else self.gaz.lookup(span.text)
            found.append(Toponym(span.start_char, span.end_char, span.text, candidates, "FEATURE", feature_class=kind))
        for span in self._phrase_matches(doc, ents):
            found.append(self._toponym(text, span.start_char, span.end_char, "LOC"))
        for ent in ents:
            if ent.label_ in PLACE_LABELS | {"NORP"} and (country := self.gaz.demonym(ent.text)):
                if not _language(ent):  # "spoke only French" names no country
                    found.append(Toponym(ent.start_char, ent.end_char, ent.text, [country], label="NORP"))
            elif ent.label_ in PLACE_LABELS and not ent.text.islower():  # "the meth was located": no name
                parts = [self._toponym(text, start, end, ent.label_) for start, end in _parts(ent)]
                found += [t for t in parts if t.candidates or t.text.casefold() not in people]  # an unknown name
                # the text gives a person is none ("Tom Farrin ... Farrin")
        for ent in ents:  # "Gainesville Police Department", "University of Nebraska": the place in a name,
            if ent.label_ in ("ORG", "FAC", "PERSON", "GPE", "LOC"):  # also one NER took for a place ("Fargo City")
                for span in (self._leading_place(ent, named), self._place_after_of(ent)):
                    if span is not None:
                        found.append(self._toponym(text, span.start_char, span.end_char, "GPE"))
        for span in _after_prepositions(doc):
            t = self._toponym(text, span.start_char, span.end_char, "GPE")
            if any(_known_city(e, span.text) or e.kind != "city" and (e.kind != "state" or e.country == "USA")
                   for e in t.candidates):  # fmt: skip
                found.append(t)  # a city by its own name: "in God" is no "Göd", "in Ko" no "Kyiv"; no province
                # abroad, as many bear people's names or words ("to Mary", "in Unity")
        for start, end in _local(doc):
            t = self._toponym(text, start, end, "GPE")
            names = {t.text.casefold(), (bare(t.text) or "").casefold()}
            if any(e.name.casefold() in names or e.kind in ("state", "country") for e in t.candidates):
                found.append(t)  # any town by its own name, a state or country by any ("D-S.C."): these phrases
                # name where people live
        return found + self._repeated(doc, ents, found)

    def _unit_lists(self, doc: Doc) -> list[Toponym]:
        """The names in a list before the plural of a word for a kind of region, each such a region: "Barrow and
        Jackson counties", "the Clarke, Madison and Oconee counties"."""
        found = []
        for tok in _tokens(doc, UNIT_IDS):
            i, first = tok.i, _sentence_start(tok)
            while i > first:
                end = i
                while i > first and end - i < 3 and _name_word(doc[i - 1]) and not doc[i - 1].is_stop:
                    i -= 1
                if i == end:
                    break
                name = doc[i:end]
                candidates = [e for e in self.gaz.lookup(f"{name.text} {UNITS[tok.lower_]}") if e.kind != "city"]
                if candidates:
                    found.append(Toponym(name.start_char, name.end_char, name.text, candidates))
                joined = i
                while joined > first and doc[joined - 1].lower_ in (",", "and", "or"):
                    joined -= 1
                if joined == i:
                    break
                i = joined
        return found

    def _repeated(self, doc: Doc, ents: tuple[Span, ...], found: list[Toponym]) -> list[Toponym]:
        """Other mentions of a name the document uses as a place, which NER missed or called a person or an
        organisation ("Gainesville residents marched", "an Alexandria woman"): one sense per discourse."""
        people = _people(ents)
        votes = Counter(
            (ent.text.casefold(), ent.label_ in ("GPE", "LOC"))
            for ent in ents
            if ent.label_ in {"GPE", "LOC", "DATE"} or ent.label_ == "PERSON" and ent.text.casefold() in people
        )  # a name NER calls a date, or a person whose full name the text gives, more often than a place is none
        # ("March"; "Smith" after "John Smith"): the small model takes many a lone town's name for a person
        names = {t.text.casefold() for t in found if t.candidates and (t.label in ("GPE", "LOC") or t.dateline)}
        names = {n for n in names if votes[n, True] >= votes[n, False]}
        repeated, text = [], text_of(doc)
        for name in names:
            for m in re.finditer(r"\b" + re.escape(name) + r"\b", text, re.I):
                span = doc.char_span(m.start(), m.end())
                if span is None or not _name_word(span[0]) and not span[0].is_upper:
                    continue
                if _no_entity_or_this(span):
                    repeated.append(self._toponym(text, m.start(), m.end(), "GPE"))
        return repeated

    def _leading_place(self, ent: Span, named: set[str]) -> Span | None:
        """The longest run of capitalised words opening a longer name that the gazetteer knows as a country or
        US state by any name ("U.S. Navy", "S.C. Highway Patrol"), as a region by its own name, or as a city by
        its own name if of 15,000+ people or named as a place elsewhere in the text (``named``: many villages
        bear words, "Police Union", "Landmark Bank"); in a person's name only a county ("Laurel County Clerk
        Dean Johnson"); not before a word that names the place after a person ("Lincoln Memorial")."""
        if ent[0].lower_ == "the":
            ent = ent[1:]
        for n in range(min(3, len(ent) - 1), 0, -1):
            lead = ent[:n]
            if len(lead.text) < 4 or not all((_name_word(t) or t.is_upper) and t.pos_ == "PROPN" and not t.is_stop
                                             for t in lead):  # fmt: skip
                continue
            if key(lead.text) in GENERIC:  # "Metro Nashville", "Central Command"
                continue
            kinds = {e.kind for e in self.gaz.lookup(lead.text) if _opens_name(e, lead.text, named)}
            if ent.label_ == "PERSON":
                kinds &= {"county"}
            if kinds and ent[n].lower_ not in COMMEMORATIVE and ent[n].lower_ != "of":  # "University of X"
                return lead  # by its own name only: "Wal" (Wal-Mart) is no place
        return None

    def _place_after_of(self, ent: Span) -> Span | None:
        """The place closing an organisation's or facility's name after "of" ("the University of Nebraska",
        "the Community Foundation of Boone County's"), if the gazetteer knows it by that name."""
        ofs = [t.i for t in ent if t.lower_ == "of"]
        if ent.label_ == "PERSON" or not ofs:
            return None
        start, end = ofs[-1] + 1, ent.end
        while end > start and ent.doc[end - 1].lower_ in ("'s", "’s"):
            end -= 1
        start += ent.doc[start].lower_ == "the" if start < end else 0
        place = ent.doc[start:end]
        if not place or not all(_name_word(t) and t.pos_ == "PROPN" for t in place):
            return None
        known = any(e.name == place.text and e.kind != "city" or _known_city(e, place.text)
                    for e in self.gaz.lookup(place.text))  # fmt: skip
        return place if known else None

    def _toponym(self, text: str, start: int, end: int, label: str) -> Toponym:
        """The toponym of a name, looked up: without a possessive ending, a leading "the", the word for its kind
        of region ("the Donetsk region", "Helmand Province" are the regions named "Donetsk", "Helmand") unless
        that word is part of the name ("Walker County"), or a direction before a region or country ("North
        Texas" is Texas; "North Korea" has its own name); with the period ending an abbreviation ("W.Va.")."""
        kind = ADMIN_WORD.match(text, end)
        candidates = self.gaz.lookup(text[start : kind.end()]) if kind else []
        if candidates and kind.group("word").lower() in NAMED_UNITS and kind.group("word").istitle():
            end = kind.end()  # "Walker County", but "the Grant county line"
        name = text[start:end]
        if not candidates:
            candidates = self.gaz.lookup(name)
        if not candidates and text[end : end + 1] == "." and (candidates := self.gaz.lookup(name + ".")):
            end, name = end + 1, name + "."  # "W.Va" before its period
        possessive = POSSESSIVE.search(name).start()
        if not candidates and 0 < possessive < len(name):  # "Boone County's", not "St. John's"
            end, name = start + possessive, name[:possessive]
            candidates = self.gaz.lookup(name)
        direction = not candidates and DIRECTION.match(name)
        if direction:  # "western Ukraine", "North Texas"
            candidates = [e for e in self.gaz.lookup(name[direction.end() :]) if e.kind != "city"]
            start += direction.end() if candidates else 0
        short = bare(name)
        if candidates and short and not self.gaz.entries(name) and not NAMED_UNITS & set(name.lower().split()):
            start += name.rindex(short)
            end = start + len(short)
        elif (the := re.match(r"the\s+", name, re.I)) and not any(e.name.startswith("The ") for e in candidates):
            start += the.end()  # "the United States", but "The Hague"
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

    def _phrase_matches(self, doc: Doc, ents: tuple[Span, ...]) -> Iterable[Span]:
        """Country and region names, unless part of a longer non-place name or a person's name."""
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            ent = next((e for e in ents if e.start <= start and end <= e.end), None)
            if ent is None or ent.label_ in PLACE_LABELS:
                yield span
            elif _without_the(ent) == (start, end) and not (
                ent.label_ == "PERSON" and any(e.kind == "country" for e in self.gaz.lookup(span.text))
            ):
                yield span


def _people(ents: tuple[Span, ...]) -> set[str]:
    """The surnames of the people a document's entities name in full ("Smith" of "John Smith"), case-folded."""
    return {ent[-1].text.casefold() for ent in ents if ent.label_ == "PERSON" and len(ent) > 1}


def _ids(words: Iterable[str]) -> frozenset[int]:
    return frozenset(map(get_string_id, words))


UNIT_IDS = _ids(UNITS)
KIND_IDS = _ids(FEATURE_BEFORE.keys() | FEATURE.keys())
MOTION_IDS = _ids(MOTION)
LOCAL_IDS = _ids({"of", *RESIDENT, *ADMIN_WORDS})


def _tokens(doc: Doc, ids: frozenset[int]) -> Iterator[Token]:
    """The tokens whose lower-case form has one of these ids: the scans below look for a few words in every
    document, and reading the ids from the doc's array makes no Token object of the other words."""
    return (doc[i] for i, lower in enumerate(doc.to_array("LOWER").tolist()) if lower in ids)


def _sentence_start(tok: Token) -> int:
    """Where the token's sentence starts (the text's start where no parser has set sentences)."""
    return tok.sent.start if tok.doc.has_annotation("SENT_START") else 0


def _name_word(tok: Token) -> bool:
    """A word of a name: capitalised, with lower-case letters ("Kyiv", "DeKalb", "McMinn"; not "NATO")."""
    return tok.text[:1].isupper() and any(c.islower() for c in tok.text)


def _language(ent: Span) -> bool:
    """Whether a demonym names a language: the object of "speak", "learn" and the like, before "class" or
    "-language", or alone after "in" ("a letter in French", but "in French custody")."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.text == "-" and ent.end + 1 < len(doc):
        after = doc[ent.end + 1]  # "French-language"
    if after is not None and LANGUAGE.get(after.lower_) == "noun":
        return True
    if ent.root.dep_ == "dobj" and LANGUAGE.get(ent.root.head.lemma_) == "verb":
        return True
    alone = after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ")
    return ent.start > 0 and doc[ent.start - 1].lower_ == "in" and alone


def _kind_names(doc: Doc) -> Iterable[tuple[Span, str]]:
    """Streets, roads, natural features and parks named with the word for their kind, with their feature class:
    up to three capitalised words before "Street", "River", "Park" ("Hot Springs Drive", "Seventh Street
    Northwest", "Zion National Park"), a road's number after "Route" or "Road" when no name comes before it
    ("Route 9", "County Road 43"), a name after "Lake" or "Mount" ("Lake Erie"). A word for a kind followed by a
    further name is part of a longer one ("Rock Creek Park", "St. Louis", "Main Street Bank"); house numbers are
    no part of a street."""
    for tok in _tokens(doc, KIND_IDS):
        if not _name_word(tok):
            continue
        word, end = tok.lower_, tok.i + 1
        if word in FEATURE_BEFORE:  # one name, or an abbreviated word and a name ("Mount St. Helens")
            if end + 1 < len(doc) and doc[end].text.endswith(".") and _name_word(doc[end]):
                end += 1
            if end < len(doc) and _name_word(doc[end]) and not doc[end].is_stop:
                yield doc[tok.i : end + 1], FEATURE_BEFORE[word]
            continue
        if word not in FEATURE:
            continue
        start = _name_start(tok)
        if FEATURE[word] == "R" and end < len(doc) and COMPASS.fullmatch(doc[end].text):
            end += 1  # "Seventh Street Northwest", "Seventh Street N.W."
        elif STREET.get(word) == "number" and end < len(doc) and doc[end].is_digit and {
                t.lower_ for t in doc[start : tok.i]} <= NAME_ONLY | set(ADMIN_WORDS):  # fmt: skip
            start, end = tok.i - (start < tok.i), end + 1  # "County Road 43", not "Oxford Road 5"
        if end < len(doc) and _name_word(doc[end]) and not doc[end].is_sent_start:
            continue
        if start < tok.i and not {t.lower_ for t in doc[start : tok.i]} <= NAME_ONLY or doc[end - 1].is_digit:
            yield doc[start:end], FEATURE[word]


def _name_start(tok: Token) -> int:
    """Where the name before a word for a street's or feature's kind starts: up to three words of a name,
    ordinals ("Seventh", "180th") or compass points ("S.", "SW"), and hyphens between them ("Hyland-Croy")."""
    doc, start, words, first = tok.doc, tok.i, 0, _sentence_start(tok)
    while start > first and words < 3:
        before = doc[start - 1]
        if before.text == "-" and start < tok.i and start - 2 >= first and _name_word(doc[start - 2]):
            start -= 1
            continue
        if before.pos_ in ("DET", "ADP", "PRON", "CCONJ", "SCONJ", "AUX", "VERB", "ADV", "PUNCT"):  # "On Main St."
            break
        if not (_name_word(before) or before.text[:1].isdigit() and before.lower_[-2:] in ("st", "nd", "rd", "th")
                or COMPASS.fullmatch(before.text)):  # fmt: skip
            break
        start, words = start - 1, words + 1
    return start


def _opens_name(e: Entry, name: str, named: set[str]) -> bool:
    """Whether ``e`` may be the place ``name`` opening a longer name (see ``ToponymFinder._leading_place``)."""
    if e.kind == "country" or e.kind == "state" and e.country == "USA":
        return True
    if e.kind == "city":
        return _known_city(e, name) or e.name == name and name in named
    return e.name == name


def _no_entity_or_this(span: Span) -> bool:
    """Whether no entity covers any of the span's words, or one entity covers exactly them."""
    doc = span.doc
    if all(t.ent_iob_ == "O" for t in span):
        return True
    ends = span.end == len(doc) or doc[span.end].ent_iob_ != "I"
    return span[0].ent_iob_ == "B" and ends and all(t.ent_iob_ == "I" for t in span[1:])


def _known_city(e: Entry, text: str) -> bool:
    """A city that a capitalised name NER did not call a place may be taken for: one called by that very name
    and of some size, since thousands of villages bear the names of people, firms and words ("Congress")."""
    return e.kind == "city" and not e.alternate and e.population >= KNOWN_CITY and e.name.casefold() == text.casefold()


def _without_the(span: Span) -> tuple[int, int]:
    start = span.start + (span[0].lower_ == "the")
    return start, span.end


def _after_prepositions(doc: Doc) -> Iterable[Span]:
    """Capitalised names after a preposition ("in Kyiv", "in Lagos and Accra") that NER did not call places.

    Names NER left out are taken after any preposition of place or motion; names it called an organisation
    or person only right after "in", "at", "near" or "outside", or after "and" in such a list ("a letter from
    Lincoln" is a man; so is the one in "in Paris, Lincoln said").
    """
    for tok in _tokens(doc, MOTION_IDS):
        i, joined_by = tok.i + 1, tok.lower_
        while i < len(doc):
            start = i + (doc[i].lower_ == "the")
            end = start
            while end < len(doc) and _name_word(doc[end]) and (doc[end].pos_ == "PROPN" or doc[end].ent_type_):
                end += 1
            if end == start:
                break
            exact = doc[start].ent_iob_ == "B" and (end == len(doc) or doc[end].ent_iob_ != "I")
            kinds = {t.ent_type_ for t in doc[start:end]}
            if kinds == {""} or (exact and kinds <= {"ORG", "PERSON"} and joined_by in LOCATIVE | {"and", "or"}):
                yield doc[start:end]
            elif (
                kinds <= TIMES
                and not exact
                and not any(t.lower_ in MONTHS or t.lower_ in WEEKDAYS for t in doc[start:end])
            ):
                yield doc[start:end]  # "at Kyiv overnight", which the NER read as one time
            i = end
            while i < len(doc) and doc[i].lower_ in (",", "and", "or"):
                joined_by = doc[i].lower_
                i += 1
            if i == end:
                break


def _local(doc: Doc) -> Iterable[tuple[int, int]]:
    """Char ranges of names in phrases of local news that say where someone lives or something is: a
    legislator's party and home ("Sen. Ray Miller, D-Columbus,"), a person "of" a place ("John Doe of Berea"),
    a name before a noun such as "man" or "residents" ("a Winona man", "Gainesville police") or before the word
    for its kind of region ("the Donetsk region")."""
    for m in PARTY_HOME.finditer(text_of(doc)):
        yield m.span("name")
    for tok in _tokens(doc, LOCAL_IDS):
        if tok.i == 0:  # nothing before it
            continue
        if tok.lower_ == "of" and tok.nbor(-1).ent_type_ == "PERSON" and tok.nbor(-1).ent_iob_ != "O":
            end = tok.i + 1
            while end < len(doc) and end - tok.i <= 3 and _name_word(doc[end]) and doc[end].pos_ == "PROPN":
                end += 1
            if end > tok.i + 1:
                yield doc[tok.i + 1].idx, doc[end - 1].idx + len(doc[end - 1])
        elif tok.lower_ in RESIDENT or tok.lower_ in ADMIN_WORDS:
            start = tok.i
            while start > 0 and tok.i - start < 3 and _name_word(doc[start - 1]) and doc[start - 1].pos_ == "PROPN":
                start -= 1
            if start < tok.i:
                yield doc[start].idx, tok.nbor(-1).idx + len(tok.nbor(-1))


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
    """Of overlapping toponyms keep the dateline, else a resolvable one, a street or a natural feature
    ("Washington Avenue"), else the longer ("New Mexico")."""
    kept: list[Toponym] = []
    for t in sorted(found, key=lambda t: (not t.dateline, not t.candidates and not t.feature_class, t.start - t.end)):
        if not any(k.start < t.end and t.start < k.end for k in kept):
            kept.append(t)
    return kept


def _dateline(text: str, gaz: Gazetteer) -> list[Toponym]:
    """The dateline's city (and its state or country) if the text opens with one naming a known place."""
    m = dateline(text)
    if not m or not gaz.lookup(m.group("city")):
        return []
    found = [Toponym(m.start("city"), m.end("city"), m.group("city"), gaz.lookup(m.group("city")), dateline=True)]
    qualifier = m.group("qualifier")
    candidates = [e for e in gaz.lookup(qualifier) if e.kind in ("state", "country")] if qualifier else []
    if candidates:
        found.append(Toponym(m.start("qualifier"), m.end("qualifier"), qualifier, candidates, dateline=True))
    return found

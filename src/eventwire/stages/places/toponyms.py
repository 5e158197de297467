"""Finding toponyms: spaCy's GPE/LOC/FAC entities, country and region names matched as phrases, names after a
preposition that NER missed, the place opening an organisation's name, a state or country after a comma and
the dateline; overlaps are settled before resolution."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .gazetteer import Entry, Gazetteer, key, words

PLACE_LABELS = {"GPE", "LOC", "FAC"}
LOCATIVE = set(words("locative"))
# a capitalised name after one of these is looked up even if NER missed it ("met in Kyiv")
MOTION = LOCATIVE | set(words("motion"))
_DIRECTIONS = sorted(words("direction"), key=len, reverse=True)
DIRECTION = re.compile(r"^(?:" + "|".join(map(re.escape, _DIRECTIONS)) + ") ", re.I)

# "KYIV, Ukraine (Reuters) — ", "BRUSSELS (eventwire) — ", "BRUSSELS —"
DATELINE = re.compile(
    r"\s*(?P<city>[A-Z][A-Z.'’\- ]*[A-Z.])"
    r"(?:\s*,\s*(?P<qualifier>[A-Z][^,()—–\n]{0,30}?))?"
    r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:—|–|--?)(?:\s|$)"
)
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


class ToponymFinder:
    """Finds a document's toponyms with their gazetteer candidates."""

    def __init__(self, nlp: Language, gaz: Gazetteer):
        self.gaz = gaz
        self.matcher = PhraseMatcher(nlp.vocab)
        self.matcher.add("PLACE", [nlp.make_doc(p) for p in sorted(gaz.phrases)])

    def find(self, doc: Doc) -> list[Toponym]:
        """The toponyms in text order, without overlaps, each knowing the state or country after its comma."""
        text = doc.text
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
        return found

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
                ent.label_ == "PERSON" and any(e.kind == "country" for e in self.gaz.lookup(span.text))
            ):
                yield span


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

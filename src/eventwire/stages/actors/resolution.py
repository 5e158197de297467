"""What resolving one document shares between the passes: the dictionary matches, the mentions found so far
(keyed so that every mention of one referent lands on one actor) and the questions every pass asks — which
phrase ends here, is this a place rather than an actor, which country is this passage about.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ...lang import TIMES, abbreviates, entity_start, fold
from ...records import Actor, coded
from ..places.resolve import country_of, region_countries
from .datelines import credit_tokens
from .knowledge import Entry, Knowledge

if TYPE_CHECKING:
    from . import ActorStage

LOCATIVE = {"in", "at", "near", "inside", "within", "throughout", "across", "outside", "around"}
SUBJECTS = {"nsubj", "nsubjpass"}
WIDEN = {"det", "nummod", "quantmod", "amod", "compound"}  # words before a mention that belong to its phrase
OFFICES = {"GOV", "LEG", "MIL", "JUD", "SPY", "ELI"}  # sectors of a state's office holders, current and former
REACH = 3  # sentences back that a pronoun or a description may reach for what it stands for
REGION_WORDS = {"South", "North", "Latin", "Central", "East", "West", "Southeast", "Southern", "Eastern", "Western"}


def actor_fields(
    name: str,
    type: str,
    country: str | None = None,
    sector: str | None = None,
    code: str | None = None,
    title: str | None = None,
) -> dict:
    """The fields of a new actor; the code is the country (or organisation) followed by the sector, or what is
    known of the two: CAMEO codes an actor of unknown nationality by its sector alone."""
    if code is None:
        code = (country or "") + (sector or "") or None
    return {"name": name, "type": type, "code": code, "country": country, "sector": sector, "title": title}


def _in_subject(span: Span) -> bool:
    """Whether a phrase is or qualifies a subject: "Kenyan" in "Kenyan President William Ruto flew"."""
    token = span.root
    while token.dep_ in {"amod", "compound", "poss", "nmod"} and token.head != token:
        token = token.head
    return token.dep_ in SUBJECTS


def _of_a_region(span: Span, k: Knowledge) -> bool:
    """ "South Americans", "Latin American leaders", "Central American migrants": a demonym a word of region
    before it makes the people of a continent's part, not of the state ("American" alone is the US's)."""
    before = span.doc[span.start - 1] if span.start else None
    return k.phrases[span.label_].kind == "demonym" and before is not None and before.text in REGION_WORDS


STANCE_PREFIXES = {"pro", "anti", "non"}  # the first token of "pro-Democracy", "anti-Government", "Non-NATO"


def stance_on(span: Span) -> bool:
    """ "Major Non-NATO Allies", "non-EU citizens": a name a "non-" prefix turns into its opposite; "pro-Russian
    separatists", "anti-American protests": a "pro-" or "anti-" prefix makes it what they are for or against, not
    whose they are; so is a name that begins with one ("pro-Russia" taken for a person)."""
    before = "".join(t.lower_ for t in span.doc[max(span.start - 2, 0) : span.start])
    begins = len(span) > 2 and span[0].lower_ in STANCE_PREFIXES and span[1].text == "-"
    return begins or before.endswith(tuple(f"{prefix}-" for prefix in STANCE_PREFIXES))


BACKING = {"backed", "funded", "sponsored", "supported", "trained", "armed", "aligned", "allied"}


def _backer(span: Span) -> bool:
    """ "Iran-backed militias", "U.S.-backed opposition fighters": the state that backs a group is not the one the
    passage is about for it."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ in BACKING


def _tail_of_a_name(span: Span, in_phrase: set[int]) -> bool:
    """ "National Security Council" is not the UN's "Security Council": a phrase that the NER's organisation
    name continues from capitalised words of no other phrase."""
    first = span[0]
    if span.start == 0 or first.ent_type_ != "ORG" or first.ent_iob_ != "I":
        return False
    before = span.doc[span.start - 1]
    return before.is_title and before.pos_ in {"PROPN", "ADJ"} and before.i not in in_phrase


def _head_of_a_name(span: Span, known: set[int]) -> bool:
    """ "the Democratic National Convention", "the Republican Guard" are not the US parties: a party's name that
    the NER's name continues with a capitalised word that is no title or phrase of its own ("Republican Senator
    X", "Democratic Rep. X" are the party's members)."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return (
        after is not None
        and after.ent_iob_ == "I"
        and after.ent_type_ not in {"PERSON", "NORP"}
        and after.is_title
        and after.i not in known
    )


PARTY_OFFICES = {"leader", "party leader", "general secretary"}  # a party's own: "Labour leader X" leads the party
NAMED_THINGS = {"EVENT", "LAW", "WORK_OF_ART"}
INSTITUTIONS = {"EDU", "HLH", "REL"}  # "the University of Washington", "Moscow City Hospital": no state acts


def _inside_a_name(span: Span, k: Knowledge) -> bool:
    """A phrase inside a longer name the NER found: of a war, a treaty or a work ("an Iraq War veteran", "the
    Paris Agreement", "the show Terrace House"), of a building, street or airport ("Baghdad International Airport")
    or of a school, hospital or church ("the University of Washington"): a name, not a country or body acting."""
    name = next((e for e in span.doc.ents if e.start <= span.start and span.end <= e.end), None)
    if name is None or len(name) == len(span) or name.label_ not in NAMED_THINGS | {"FAC", "ORG"}:
        return False
    return name.label_ != "ORG" or any(k.sector_of(t.lemma_, t.text) in INSTITUTIONS for t in name if t.pos_ != "ADP")


def _inside_larger_place(span: Span, k: Knowledge) -> bool:
    """ "America" in "Latin America", "Mexico" in "New Mexico", "Jersey" in "New Jersey": part of a place's name
    that is no phrase of its own."""
    if span[0].ent_type_ not in {"GPE", "LOC"}:
        return False
    doc, start, end = span.doc, entity_start(span[0]), span.start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].tag_ != "POS":
        end += 1  # "North Korea's" is the place "North Korea"
    place = doc[start:end].text.removeprefix("the ").removeprefix("The ")
    return end - start > len(span) and place not in k.phrases


def _without_region_homonyms(spans: list[Span], k: Knowledge) -> list[Span]:
    """ "the Georgia primary" in a story about the United States: a country's name that is also a region of a
    country the text names, where the text names the first country in no other way (its capital, people,
    another name), is the region (a place the places stage resolves), not the country."""
    entries = [k.phrases[s.label_] for s in spans]
    plain = {e.code for e in entries if not e.ambiguous and e.code} | {e.country for e in entries if e.country}
    return [
        s
        for s, e in zip(spans, entries, strict=True)
        if not (e.ambiguous and e.code not in plain and region_countries(s.text) & plain)
    ]


def acronym_after(name: Span) -> str | None:
    """The acronym in brackets right after a name, whose letters come in order from the name's, beginning
    with its first ("National Transportation Safety Board (NTSB)")."""
    doc = name.doc
    if name.end + 2 >= len(doc) or doc[name.end].text != "(" or doc[name.end + 2].text != ")":
        return None
    short, words = doc[name.end + 1].text, name.text.removeprefix("the ").removeprefix("The ")
    if not (1 < len(short) < 9 and short.isupper() and short.isalpha()):
        return None
    return short if abbreviates(short, words) else None


def _without_redefined_acronyms(spans: list[Span], k: Knowledge) -> list[Span]:
    """ "the Inflation Reduction Act (IRA)": an acronym the text defines as another name is not the body the
    dictionary knows by it (the Irish Republican Army)."""
    if not spans:
        return spans
    defined: dict[str, set[str]] = {}  # acronym -> the words of the names it follows
    for ent in spans[0].doc.ents:
        short = acronym_after(ent)
        if short is not None:  # (the words without a possessive: "the Democratic People’s Republic of Korea’s")
            defined.setdefault(short, set()).update(fold(t.text) for t in ent if t.tag_ != "POS")

    def same_body(span: Span) -> bool:  # (a misspelt name is still the body's: "Association of Southeast Nations")
        words = set(fold(k.phrases[span.label_].name).split())
        return len(words & defined[span.text]) * 2 >= len(words)

    return [s for s in spans if s.text not in defined or same_body(s)]


LED = "-led"


class Resolution:
    """One document being resolved."""

    def __init__(self, stage: ActorStage, doc: Doc):
        self.k, self.doc, self.ew = stage.k, doc, coded(doc)
        self.day = self.ew.meta.date
        publisher = (self.ew.meta.source or "").removeprefix("The ").strip()
        entry = self.k.phrases.get(publisher)
        acts = entry is not None and entry.sector != "MED"  # "The White House" publishes and acts
        self.publisher = (entry if acts else None, publisher)
        self.credits = credit_tokens(doc, stage.outlets, "" if acts else publisher)  # datelines, "(Reuters)"
        matches = filter_spans([Span(doc, s, e, label=m) for m, s, e in stage.phrases(doc)] + self._led(doc))
        in_phrase = {i for s in matches for i in range(s.start, s.end)}
        self.title_spans = filter_spans([Span(doc, s, e, label=m) for m, s, e in stage.titles(doc)])
        titled = {t.start for t in self.title_spans} | in_phrase
        self.dictionary = [
            s
            for s in matches
            if not self.credits & set(range(s.start, s.end))
            and not (self.k.phrases[s.label_].kind == "organisation" and _tail_of_a_name(s, in_phrase))
            and not (self.k.phrases[s.label_].sector == "PTY" and _head_of_a_name(s, titled))
            and not _inside_a_name(s, self.k)
            and not _inside_larger_place(s, self.k)
            and not stance_on(s)
            and not _of_a_region(s, self.k)
        ]
        self.dictionary = _without_redefined_acronyms(_without_region_homonyms(self.dictionary, self.k), self.k)
        self.phrase_at = {s.start: s for s in self.dictionary}
        self.phrase_ending = {s.end: s for s in self.dictionary}
        self.title_ending = {t.end: t for t in self.title_spans}
        self.sentence_of = {t.i: n for n, sent in enumerate(doc.sents) for t in sent}
        self.by_key: dict[tuple, Actor] = {}
        self.by_id: dict[str, Actor] = {}
        self.found: list[tuple[Span, tuple, dict | None]] = []  # (mention, key, fields) in discovery order
        self.committed = 0  # how many of ``found`` have actors
        self.taken: set[int] = set(self.credits)  # tokens already inside a mention (or not to be one)
        self.names: dict[tuple[str, ...], tuple] = {}  # the folded tail or first word of a name -> its person
        self.settled: dict[int, list[tuple[Span, str]]] = {}  # place names the gazetteer settles, see cities_in
        self.in_names: set[int] = set()  # tokens of people's names that a dictionary or the NER took for places

    def _led(self, doc: Doc) -> list[Span]:
        """ "the U.S.-led coalition": the tokenizer keeps "U.S.-led" whole, so the phrase matcher cannot see the
        country that leads (hyphens between letters, "Saudi-led", are split and matched)."""
        return [
            Span(doc, t.i, t.i + 1, label=t.text[: -len(LED)])
            for t in doc
            if t.text.endswith(LED) and t.text[: -len(LED)] in self.k.phrases
        ]

    # -- questions -------------------------------------------------------------------------------------

    def entry(self, span: Span) -> Entry:
        return self.k.phrases[span.label_]

    def free(self, span: Span) -> bool:
        return not any(i in self.taken for i in range(span.start, span.end))

    def phrase_before(self, i: int) -> Span | None:
        """The dictionary phrase ending right before token i, skipping a possessive "'s" and "the"."""
        j = i
        while j > 0 and self.doc[j - 1].lower_ in {"'s", "’s", "the"}:
            j -= 1
        return self.phrase_ending.get(j)

    def phrase_within(self, title: Span) -> Span | None:
        """The country or organisation a title names itself: "CIA" in "CIA Director", "Kremlin" in "Kremlin
        spokesman"."""
        return next((s for s in self.dictionary if title.start <= s.start and s.end <= title.end), None)

    def modifiers_before(self, i: int) -> tuple[int, set[str]]:
        """Where the words qualifying a title that starts at token i begin ("former", "junior", "then-"), and
        their effects (``former``: a former holder; ``other``: not the holder of the office named)."""
        effects = set()
        while i > 0 and (self.doc[i - 1].lower_ in self.k.title_modifiers or self.doc[i - 1].text == "-"):
            effects.add(self.k.title_modifiers.get(self.doc[i - 1].lower_, "same"))
            i -= 1
        while i < len(self.doc) and self.doc[i].text == "-":
            i += 1
        return i, effects

    def owner_fields(self, entry: Entry, sector: str, i: int, title: Span | None = None) -> dict:
        """Country, sector and code of a holder of a title that belongs to ``entry`` ("Polish Prime Minister",
        "NATO Secretary General", "Hamas spokesman", "Kurdish leader"); a party's member who holds a state's
        office is of the party's country ("Republican Senator X": USALEG)."""
        if title is not None and self.party_member(entry, title):
            return {"code": entry.country + sector, "country": entry.country, "sector": sector}
        if entry.kind == "organisation" and entry.country is None:
            return {"code": entry.code, "country": None, "sector": sector}
        if entry.kind == "organisation":
            return {"code": entry.country + entry.sector, "country": entry.country, "sector": entry.sector}
        country = entry.code if entry.is_country else entry.country or self.country_about(i)
        return {"code": (country or "") + sector, "country": country, "sector": sector}

    def party_member(self, entry: Entry, title: Span, known: bool = False) -> bool:
        """Whether a party before a title only says which party its holder belongs to: before a state's office
        ("Republican Senator X", "Democratic Gov. X", "a Democratic senator") or before the name of one whose
        office the role table ``known`` ("Republican President X", "Senate Democratic Leader Chuck Schumer"), not
        before an office of the party ("Labour leader X", "the Republican leader")."""
        if entry.sector != "PTY" or entry.country is None:
            return False
        return known or (self.k.titles[title.label_][1] == "country" and title.text.lower() not in PARTY_OFFICES)

    def locative(self, span: Span) -> bool:
        """ "in Moscow", "at the White House": a place, not an actor."""
        return span.root.dep_ == "pobj" and span.root.head.lower_ in LOCATIVE

    def found_at(self, i: int) -> tuple[tuple | None, dict | None]:
        """The key and fields of the actor already found at token ``i``."""
        key = next((k for span, k, _ in self.found if span.start <= i < span.end), None)
        return key, self.fields_of(key) if key is not None else None

    def country_of_mention(self, i: int) -> str | None:
        """The country of the actor already found at token ``i`` ("Trump" in "Trump supporters": the US)."""
        _, fields = self.found_at(i)
        return fields["country"] if fields else None

    def _office_country(self, i: int) -> str | None:
        """The state of a person found at token ``i`` who holds or held one of its offices ("Hadi")."""
        key, fields = self.found_at(i)
        person = key is not None and key[0] == "person"
        return fields["country"] if person and fields and fields["sector"] in OFFICES else None

    def fields_of(self, key: tuple) -> dict | None:
        """The fields an actor found before ``commit`` was introduced with."""
        return next((f for _, k, f in self.found if k == key and f), None)

    def country_in(self, token: Token, preps: frozenset = frozenset({"in", "of", "from"})) -> str | None:
        """The country a phrase places its head in: "police in central Cairo", "authorities of Chad", "officials in
        the White House", the government of a state's leader ("the government of Abdrabbuh Mansur Hadi"), and a
        city or region that qualifies it ("Lagos police", "Montana officials"); only through ``preps``, when given
        ("refugees from Syria", not "refugees in Dortmund")."""
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                for t in prep.subtree:
                    span = self.phrase_at.get(t.i)
                    if span is not None and self.entry(span).kind in {"name", "capital", "metonym"}:
                        return self.entry(span).code
                    if span is None and (country := self.place_country(t)) is not None:
                        return country
                    if prep.lower_ == "of" and t.dep_ == "pobj" and (country := self._office_country(t.i)):
                        return country
        qualifiers = [c for c in token.children if c.dep_ in {"compound", "nmod"} and c.i < token.i and "in" in preps]
        return next(filter(None, (self.place_country(c) for c in qualifiers)), None)

    def place_country(self, token: Token) -> str | None:
        """The country of the gazetteer-settled place a token is part of ("York" in "New York")."""
        place = next((c for c in self.cities_in(self.sentence_of[token.i]) if c[0].start <= token.i < c[0].end), None)
        return place[1] if place is not None else None

    @cached_property
    def publisher_state(self) -> str | None:
        """The state whose body publishes the text ("The White House"), whose offices and administration its
        "the President" and "the administration" are."""
        entry = self.publisher[0]
        return entry.code if entry is not None and entry.is_country else None

    @cached_property
    def phrase_of(self) -> dict[int, Span]:
        """The dictionary phrase each token is part of."""
        return {i: span for span in self.dictionary for i in range(span.start, span.end)}

    @cached_property
    def named_owners(self) -> set[str]:
        """The countries and organisations the text names (an organisation with its home country)."""
        return {code for s in self.dictionary for code in (self.entry(s).code, self.entry(s).country) if code}

    @cached_property
    def place_names(self) -> dict[int, list[Span]]:
        """The place-like entities the dictionaries do not name, by sentence (``doc.ents`` is rebuilt per access)."""
        found: dict[int, list[Span]] = {}
        for ent in self.doc.ents:
            named = any(i in self.phrase_of for i in range(ent.start, ent.end))  # "the White House": no Casablanca
            if _place_like(ent) and not named and ent.start not in self.in_names:
                found.setdefault(self.sentence_of[ent.start], []).append(ent)
        return found

    def cities_in(self, sentence: int) -> list[tuple[Span, str]]:
        """The places of a sentence that the dictionaries do not name but the gazetteer settles, with their
        country ("Lagos", "Maiduguri"; not "in August")."""
        if sentence not in self.settled:
            here = [(e, country_of(e.text)) for e in self.place_names.get(sentence, []) if e.label_ not in TIMES]
            self.settled[sentence] = [(e, country) for e, country in here if country is not None]
        return self.settled[sentence]

    def body_country(
        self, word: str, i: int, places: bool = False, besides: frozenset = frozenset(), cities_here: bool = True
    ) -> str | None:
        """The country of a body or a title the text names without one ("the Senate", "Congress", "Sen. X"):
        for a legislature's name or its members' title (``legislatures.tsv``), the country the passage is about
        among the states whose legislature goes by it, else the first of them ("Congress approved aid to
        Ukraine": the US Congress; "the Duma": Russia's); for any other, the country the passage is about
        (other than the countries ``besides``, unless named as the place)."""
        countries = self.k.legislatures.get(word.lower())
        if countries is None:
            return self.country_about(i, places, besides=besides, cities_here=cities_here)
        return self.country_about(i, places, among=frozenset(countries), cities_here=cities_here) or countries[0]

    def office_state(self, scope: str, i: int) -> str:
        """The state of an office only some states have (a title's scope of country codes): the one the passage
        before token i is about among them, else the first ("the secretary of state" in a passage on Japan is
        the US one; "the Pope" the Holy See's)."""
        states = scope.split()
        return (self.country_about(i, among=frozenset(states)) if len(states) > 1 else None) or states[0]

    def country_about(
        self,
        i: int,
        places: bool = False,
        among: frozenset | None = None,
        besides: frozenset = frozenset(),
        cities_here: bool = True,
    ) -> str | None:
        """The country the passage before token i is about: of the countries named in the last few sentences,
        the one named most, as a subject, last and in this sentence; with ``places`` (for groups that act where
        they are: police, protesters, rebels), the places of this sentence weigh most ("Protesters in Cairo
        clashed with police", "Thousands of demonstrators filled the streets of Hong Kong"); without
        ``cities_here``, the cities of this sentence do not count."""
        here = self.sentence_of[i]
        named = [  # with ``places``, also where the passage was ("gathered in Serbia. Police fired ...")
            (s, self.entry(s), self.sentence_of[s.start] == here and self.locative(s))
            for s in self.dictionary
            if (
                (s.end <= i and here - self.sentence_of[s.start] <= REACH and (places or not self.locative(s)))
                or (places and self.sentence_of[s.start] == here)
            )
            and not _backer(s)
        ]
        named = [
            (s, e.country if e.kind in {"organisation", "community"} else e.code, place)
            for s, e, place in named
            if e.is_country or (e.country and e.sector != "MED")  # "Reuters reported ...": a wire, not a topic
        ]
        named = [(s, country, place) for s, country, place in named if place or country not in besides]
        holders = [  # "Mr. Kerry testified ...": the office holders the passage names stand for their state, less
            (span, country, False)  # than its names do (one mention each)
            for span, country in self.office_holders()
            if span.end <= i and here - self.sentence_of[span.start] <= REACH and country not in besides
        ]
        if places:  # "a bombing at a market in Maiduguri killed 12 people": cities the gazetteer settles
            named += [
                (city, country, n == here)
                for n in {max(here - 1, 0), here}
                for city, country in self.cities_in(n)
                if cities_here or n != here  # "hostages held in Gaza": not where they are from
            ]
        if among is not None:
            named = [n for n in named if n[1] in among]
            holders = [h for h in holders if h[1] in among]
        if not named and not holders:
            return self._country_of_the_text(i, among, besides)
        before = [(s.start, c) for s, c, _ in named if s.end <= i]
        last = max(before)[1] if before else None

        def salience(country: str) -> int:
            spans = [(s, place) for s, c, place in named if c == country]
            here_too = any(self.sentence_of[s.start] == here for s, _ in spans)
            return (
                len(spans)
                + sum(c == country for _, c, _ in holders)
                + 2 * any(_in_subject(s) for s, _ in spans)
                + (country == last)
                + 2 * here_too
                + 4 * any(place for _, place in spans)
            )

        return max(dict.fromkeys(c for _, c, _ in named + holders), key=salience)

    def office_holders(self) -> list[tuple[Span, str]]:
        """Mentions of people who hold or held an office of a state ("Secretary of State John Kerry"), with the
        state; each person's fields are those of their introduction (as :meth:`fields_of` gives them)."""
        introduced: dict[tuple, dict] = {}
        for _, key, fields in self.found:
            if fields and key not in introduced:
                introduced[key] = fields
        return [
            (span, f["country"])
            for span, key, _ in self.found
            if key[0] == "person" and (f := introduced.get(key)) and f["country"] and f["sector"] in OFFICES
        ]

    def _country_of_the_text(
        self, i: int, among: frozenset | None = None, besides: frozenset = frozenset()
    ) -> str | None:
        """Past the last few sentences, the country the text so far names more than any other: "the government"
        far into a story about Egypt is Egypt's; where it names none, the country of its cities and regions
        ("Gov. Jerry Brown" in a story about California)."""
        counts: dict[str, int] = {}
        for s in self.dictionary:
            entry = self.entry(s)
            if s.end <= i and entry.is_country and not self.locative(s) and entry.code not in besides:
                counts[entry.code] = counts.get(entry.code, 0) + 1
        if not counts and i < len(self.doc):
            for n in range(self.sentence_of[i] + 1):
                for place, country in self.cities_in(n):
                    if place.end <= i:
                        counts[country] = counts.get(country, 0) + 1
        ranked = sorted(((c, n) for c, n in counts.items() if among is None or c in among), key=lambda kv: -kv[1])
        if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]

    def actor_fields_of(self, key: tuple) -> dict | None:
        return next((f for _, k, f in self.found if k == key and f is not None), None)

    # -- bookkeeping ---------------------------------------------------------------------------------

    def add(self, span: Span, key: tuple, fields: dict | None) -> None:
        """A mention of the referent ``key``; ``fields`` describe the actor where this is its introduction."""
        span = self._widened(span)
        self.found.append((span, key, fields))
        self.taken.update(range(span.start, span.end))

    def _widened(self, span: Span) -> Span:
        """The mention with the words before it that belong to its noun phrase ("the", "some 163", "former",
        "Mr."), so that it is the whole phrase: "The United States", "Some 163 Chinese peacekeepers"."""
        start, inside = span.start, set(range(span.start, span.end))
        while start > 0:
            word = self.doc[start - 1]
            if word.i in self.taken or word.pos_ in {"PRON", "PUNCT"} or word.head.i not in inside:
                break
            if word.dep_ not in WIDEN and not (word.dep_ == "advmod" and word.head.dep_ == "nummod"):
                break
            start -= 1
            inside.add(word.i)
        return self.doc[start : span.end] if start < span.start else span

    def unname_places(self, name: Span) -> None:
        """Dictionary phrases and place names inside a person's name are no places or actors ("Amman" of Sudesh
        Amman)."""
        inside = [p for p in self.dictionary if name.start <= p.start and p.end <= name.end]
        if not inside and not any(t.ent_type_ in {"GPE", "LOC"} for t in name):
            return
        self.in_names.update(range(name.start, name.end))
        self.__dict__.pop("place_names", None)  # recomputed without the name
        self.settled.clear()
        for phrase in inside:
            self.dictionary.remove(phrase)
            del self.phrase_at[phrase.start], self.phrase_ending[phrase.end]
            for i in range(phrase.start, phrase.end):
                self.phrase_of.pop(i, None)

    def commit(self) -> None:
        """Create actors in order of first mention and record every mention found since the last commit."""
        for span, key, fields in sorted(self.found[self.committed :], key=lambda f: f[0].start):
            actor = self.by_key.get(key)
            if actor is None:
                actor = Actor(id=f"a{len(self.by_key) + 1}", **(fields or self.actor_fields_of(key)))
                self.by_key[key] = actor
                self.ew.actors.append(actor)
            self.ew.add_mention(actor, span)
        self.by_id = {actor.id: actor for actor in self.ew.actors}
        self.committed = len(self.found)

    def finish(self) -> None:
        for actor in self.ew.actors:
            actor.mentions.sort()
        self.ew.mention_spans.sort()


def _place_like(ent: Span) -> bool:
    """A name the NER calls a place, or one it calls otherwise where a locative preposition governs it ("near
    Gusau")."""
    locative = ent.root.dep_ == "pobj" and ent.root.head.lower_ in {"in", "near", "at", "outside", "around"}
    return ent.label_ in {"GPE", "LOC"} or locative

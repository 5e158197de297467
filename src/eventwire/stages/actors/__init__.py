"""Actors: who is named in the text, resolved to CAMEO-style codes, with every mention linked.

Dictionaries (countries, organisations, agent nouns, titles) are TSV files beside this module and are
matched with spaCy's PhraseMatcher over token sequences. People come from the NER and are coded through
the title and country that introduce them ("U.S. Secretary of State X" → USAGOV); later mentions
("Mr. X", "X", "he") are linked back to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ...records import Actor, Coded, coded
from ...tables import read_tsv, split
from .roles import Roles, Standing

HERE = Path(__file__).parent

HONORIFICS = {"Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Dr.", "Dr", "Miss"}
LOCATIVE = {"in", "at", "near", "inside", "within", "throughout", "across", "outside", "around"}
PRONOUNS = {"he", "she", "him", "her"}
PRONOUN_REACH = 3  # sentences back that a pronoun may reach for its person
DESCRIBED_SECTORS = {"GOV", "MIL"}
BARE_SECTORS = {"REB", "MIL", "COP", "CVL", "OPP"}  # sectors that make an actor even with no country
ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative", "attr"}  # "the government", "the army": of the country named last


@dataclass(frozen=True)
class Entry:
    """What a dictionary phrase means: a country (and how it is used) or an organisation."""

    kind: str  # name, demonym, capital, metonym, organisation
    code: str
    name: str
    ambiguous: bool = False
    sector: str | None = None  # REB for non-state armed groups


# each dictionary file, by the first column of its header (how a user file is recognised)
FILES = {"iso3": "countries.tsv", "code": "organisations.tsv", "lemma": "sectors.tsv", "title": "titles.tsv",
         "person": "roles.tsv"}


class Knowledge:
    """The actor dictionaries, read once: the package's files, with the rows of user files (``--actors``,
    ``EVENTWIRE_ACTORS``) taking precedence over them."""

    def __init__(self, extra: tuple[str, ...] = ()):
        rows = {name: [] for name in FILES.values()}
        for path in extra:
            rows[_kind_of(Path(path))].extend(read_tsv(path))
        user_people = {r["person"] for r in rows["roles.tsv"]}  # a user's person replaces the package's
        for name in FILES.values():
            rows[name].extend(r for r in read_tsv(HERE / name) if r.get("person") not in user_people)

        self.phrases: dict[str, Entry] = {}
        self.country_names: dict[str, str] = {}
        for row in rows["countries.tsv"]:
            code, name = row["iso3"], row["name"]
            self.country_names.setdefault(code, name)
            ambiguous = row.get("ambiguous") == "1"
            for kind, cell in (("name", row["name"]), ("name", row["aliases"]), ("demonym", row["demonyms"]),
                               ("capital", row["capitals"]), ("metonym", row["metonyms"])):
                for phrase in split(cell):
                    self.phrases.setdefault(phrase, Entry(kind, code, name, ambiguous and kind == "name"))
        self.organisations: dict[str, str] = {}
        self.descriptions: dict[str, list[str]] = {}  # "alliance" -> organisations "the alliance" may mean
        for row in rows["organisations.tsv"]:
            self.organisations.setdefault(row["code"], row["name"])
            for noun in split(row.get("descriptions", "")):
                self.descriptions.setdefault(noun, []).append(row["code"])
            for phrase in [row["name"], *split(row["aliases"])]:
                self.phrases.setdefault(phrase, Entry("organisation", row["code"], row["name"],
                                                      sector="REB" if row["kind"] == "NSA" else None))
        self.sectors: dict[str, str] = {}
        for row in rows["sectors.tsv"]:
            self.sectors.setdefault(row["lemma"], row["sector"])
        # weapons and craft stand for their forces only when a country qualifies them: "Russian drones"
        self.equipment = {row["lemma"]: row["sector"] for row in read_tsv(HERE / "equipment.tsv")}
        self.titles: dict[str, tuple[str, str]] = {}
        for row in rows["titles.tsv"]:
            self.titles.setdefault(row["title"].lower(), (row["sector"], row["scope"]))
        self.roles = Roles(rows["roles.tsv"])


def _kind_of(path: Path) -> str:
    """Which dictionary a user file extends, from its header."""
    first = next((line for line in path.read_text(encoding="utf-8").splitlines()
                  if line.strip() and not line.startswith("#")), "")
    column = first.split("\t")[0].strip()
    if column not in FILES:
        raise ValueError(f"{path}: not an actor dictionary (the header must start with one of "
                         f"{', '.join(FILES)}, as in the files of eventwire/actors)")
    return FILES[column]


@lru_cache(maxsize=None)
def knowledge(extra: tuple[str, ...] = ()) -> Knowledge:
    return Knowledge(extra)


class ActorStage:
    """spaCy component: finds actors and their mentions, filling ``coded(doc).actors``."""

    def __init__(self, nlp: Language, actors: tuple[str, ...] = ()):
        self.k = knowledge(tuple(actors))
        self.phrases = PhraseMatcher(nlp.vocab, attr="ORTH")
        for phrase in self.k.phrases:
            self.phrases.add(phrase, [nlp.make_doc(phrase)])
        self.titles = PhraseMatcher(nlp.vocab, attr="LOWER")
        for title in self.k.titles:
            self.titles.add(title, [nlp.make_doc(title)])
        self.people = PhraseMatcher(nlp.vocab, attr="ORTH")  # office holders the NER may miss
        names = sorted(set(self.k.roles.terms) | self.k.roles.alias_texts)
        self.people.add("PERSON", [nlp.make_doc(name) for name in names])
        self.family_names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.family_names.add("PERSON", [nlp.make_doc(n) for n in sorted(self.k.roles.family_name_texts)])

    def __call__(self, doc: Doc) -> Doc:
        Resolver(self, doc).run()
        return doc


class Resolver:
    """Resolution of one document; actors are keyed so that every mention of one referent lands on one actor."""

    def __init__(self, stage: ActorStage, doc: Doc):
        self.k, self.doc, self.ew = stage.k, doc, coded(doc)
        self.dictionary = filter_spans([Span(doc, s, e, label=m) for m, s, e in stage.phrases(doc)])
        self.title_spans = filter_spans([Span(doc, s, e, label=m) for m, s, e in stage.titles(doc)])
        known = filter_spans([Span(doc, s, e, label="PERSON") for _, s, e in stage.people(doc)])
        others = [e for e in doc.ents if e.label_ == "PERSON"]
        in_dictionary = {i for span in self.dictionary for i in range(span.start, span.end)}
        others += [Span(doc, s, e, label="PERSON") for _, s, e in stage.family_names(doc)  # not "Jordan"
                   if doc[s].pos_ == "PROPN" and not in_dictionary & set(range(s, e))]
        others = [o for o in filter_spans(others) if not any(o.start < k.end and k.start < o.end for k in known)]
        self.person_spans = sorted(known + others, key=lambda s: s.start)  # the role table's names first
        self.day = self.ew.meta.date
        self.sentence_of = {t.i: n for n, sent in enumerate(doc.sents) for t in sent}
        self.by_key: dict[tuple, Actor] = {}
        self.found: list[tuple[Span, tuple, dict]] = []  # (mention, key, actor fields) in discovery order
        self.taken: set[int] = set()  # tokens already inside a mention

    def run(self) -> None:
        self._people()
        self._dictionary()
        self._organisations_from_ner()
        self._descriptions()
        self._bare_groups()
        self._commit()
        self._pronouns()

    # -- people ------------------------------------------------------------------------------------

    def _people(self) -> None:
        surnames: dict[str, tuple] = {}
        known: set[tuple] = set()
        for ent in self.person_spans:
            if self.k.roles.person(ent.text, self.day) is None:  # "Sultan Ibrahim Iskandar" keeps its title
                ent = self._strip_leading_title(ent)
                if ent is None:
                    continue
            tokens = [t for t in ent if t.text not in HONORIFICS and not t.is_punct]
            if not tokens:
                continue
            name = self.doc[tokens[0].i:tokens[-1].i + 1].text
            person = self.k.roles.person(name, self.day)
            if person is None and (len(tokens) == 1 or ent[0].text in HONORIFICS):
                key = surnames.get(tokens[-1].text)
                if key:  # "Mr. Blinken" / "Blinken" after "Antony Blinken"
                    self._add(ent, key, None)
                    continue
                person = self.k.roles.by_family_name(tokens[-1].text, self.day)  # "Zelenskyy said"
            key = ("person", person or name)
            if key not in known:
                known.add(key)
                fields, start = self._person_fields(ent, person or name, person)
                self._add(self.doc[start:ent.end], key, fields)
            else:
                self._add(ent, key, None)
            for token in (tokens[-1], tokens[0]):  # "Mr. Blinken"; family name first in "Mr. Wang" (Wang Yi)
                surnames.setdefault(token.text, key)
        self._titles_alone(known)

    def _titles_alone(self, known: set[tuple]) -> None:
        """ "Ukraine's foreign minister", "the president": the holder of that office on the document date,
        or the person already introduced with that title."""
        for title in self.title_spans:
            if any(i in self.taken for i in range(title.start, title.end)):
                continue
            if title.end < len(self.doc) and self.doc[title.end].ent_type_ == "PERSON":
                continue
            owner = self._dictionary_before(title.start)
            before = self.doc[title.start - 1].lower_ if title.start else ""
            if owner is None and before != "the":
                continue
            earlier = next((k for span, k, f in reversed(self.found)
                            if f and f.get("title", "") and f["title"].lower() == title.text.lower()
                            and span.start < title.start), None)
            if owner is None and earlier:
                self._add(self.doc[title.start - 1:title.end], earlier, None)
                continue
            code = self._owner_code(owner, title)
            person = self.k.roles.holder(code, title.text, self.day) if code else None
            if person is None:
                continue
            key = ("person", person)
            start = owner.start if owner is not None else title.start - 1
            self._add(self.doc[start:title.end], key, None if key in known else self._standing_fields(person))
            known.add(key)

    def _owner_code(self, owner: Span | None, title: Span) -> str | None:
        """The country or organisation a title belongs to: the phrase before it, else the last one named."""
        if owner is not None:
            return self.k.phrases[owner.label_].code
        earlier = [s for s in self.dictionary if s.end <= title.start
                   and self.k.phrases[s.label_].kind in {"name", "demonym", "organisation"}]
        return self.k.phrases[earlier[-1].label_].code if earlier else None

    def _standing_fields(self, person: str) -> dict:
        standing: Standing | None = self.k.roles.standing(person, self.day)
        fields = {"name": person, "type": "person", "title": None, "country": None, "sector": None, "code": None}
        if standing is not None:
            fields.update(code=standing.code, country=standing.country, sector=standing.sector,
                          title=standing.title)
        return fields

    def _strip_leading_title(self, ent: Span) -> Span | None:
        """NER sometimes swallows the title ("President Joe Biden"); keep the name only."""
        for t in self.title_spans:
            if t.start == ent.start and t.end < ent.end:
                return self.doc[t.end:ent.end]
            if t.start == ent.start and t.end >= ent.end:
                return None
        return ent

    def _person_fields(self, ent: Span, name: str, person: str | None) -> tuple[dict, int]:
        """Title and country from what precedes the name ("[U.S.] [Secretary of State] Antony Blinken"),
        else from the office the role table gives on the document date; returns the actor's fields and
        where the introduction starts."""
        title = next((t for t in self.title_spans if t.end == ent.start), None)
        owner = self._dictionary_before(title.start) if title is not None else None
        if owner is None and title is not None and ent.end < len(self.doc) and self.doc[ent.end].lower_ == "of":
            owner = next((s for s in self.dictionary if s.start == ent.end + 1), None)  # "King Abdullah of Jordan"
        start = min(s.start for s in (owner, title, ent) if s is not None)
        fields = self._standing_fields(person) if person else \
            {"name": name, "type": "person", "title": None, "country": None, "sector": None, "code": None}
        if owner is not None:  # what the text says wins over the table
            entry = self.k.phrases[owner.label_]
            sector = self.k.titles[title.label_][0]
            if entry.kind == "organisation":
                fields.update(code=entry.code, country=None, sector=sector, title=title.text)
            else:
                fields.update(country=entry.code, code=entry.code + sector, sector=sector, title=title.text)
        elif title is not None and fields["code"] is None:
            fields.update(sector=self.k.titles[title.label_][0], title=title.text)
        return fields, start

    def _dictionary_before(self, i: int) -> Span | None:
        """The dictionary phrase ending right before token i, skipping a possessive "'s" and "the"."""
        j = i
        while j > 0 and self.doc[j - 1].text.lower() in {"'s", "’s", "the"}:
            j -= 1
        return next((s for s in self.dictionary if s.end == j), None)

    # -- countries, organisations and groups ------------------------------------------------------------

    def _dictionary(self) -> None:
        for span in self.dictionary:
            if any(i in self.taken for i in range(span.start, span.end)):
                continue
            entry = self.k.phrases[span.label_]
            if self._inside_larger_place(span):
                continue  # "America" in "Latin America", "Mexico" in "New Mexico"
            if entry.kind == "organisation":
                self._add(span, ("org", entry.code), {"name": entry.name, "code": entry.code, "country": None,
                                                      "sector": entry.sector, "type": "organisation",
                                                      "title": None})
                continue
            group = self._group_noun(span)
            if group is not None:
                noun, sector = group
                mention = self.doc[min(span.start, noun.i):max(span.end, noun.i + 1)]
                self._add(mention, ("group", entry.code, sector),
                          {"name": mention.text, "code": entry.code + sector, "country": entry.code,
                           "sector": sector, "type": "group", "title": None})
            elif entry.kind == "demonym":
                if span.root.pos_ in {"NOUN", "PROPN"} and span.root.tag_ in {"NNS", "NNPS"}:
                    self._add(span, ("group", entry.code, "CVL"),
                              {"name": span.text, "code": entry.code + "CVL", "country": entry.code,
                               "sector": "CVL", "type": "group", "title": None})
            elif entry.kind in {"capital", "metonym"}:
                if not self._locative(span):
                    self._add(span, ("group", entry.code, "GOV"),
                              {"name": span.text, "code": entry.code + "GOV", "country": entry.code,
                               "sector": "GOV", "type": "group", "title": None})
            elif not entry.ambiguous or self._is_gpe(span):
                if not self._locative(span):
                    self._add(span, ("country", entry.code),
                              {"name": entry.name, "code": entry.code, "country": entry.code, "sector": None,
                               "type": "country", "title": None})

    def _inside_larger_place(self, span: Span) -> bool:
        ent = span[0].ent_iob_ != "O" and next((e for e in self.doc.ents if e.start <= span.start < e.end), None)
        return bool(ent) and ent.label_ in {"GPE", "LOC"} and len(ent) > len(span) and \
            ent.text.removeprefix("the ").removeprefix("The ") not in self.k.phrases

    def _group_noun(self, span: Span) -> tuple[Token, str] | None:
        """An agent noun the country phrase qualifies: "Russian troops", "Ukraine's military"."""
        head = span.root.head
        if span.root.dep_ in {"amod", "compound", "poss", "nmod"} and head.i >= span.end:
            lemma = head.lemma_.lower()
            sector = self.k.sectors.get(lemma) or self.k.sectors.get(head.text) or self.k.equipment.get(lemma)
            if sector is not None:
                return head, sector
        return None

    def _locative(self, span: Span) -> bool:
        """ "in Moscow", "at the White House": a place, not an actor."""
        head = span.root.head
        return span.root.dep_ == "pobj" and head.lower_ in LOCATIVE

    def _is_gpe(self, span: Span) -> bool:
        return any(t.ent_type_ in {"GPE", "NORP", "LOC"} for t in span)

    def _organisations_from_ner(self) -> None:
        """Organisations the dictionaries do not know keep their name, with no code."""
        for ent in self.doc.ents:
            inside_title = any(t.start <= ent.start and ent.end <= t.end for t in self.title_spans)
            if ent.label_ == "ORG" and not inside_title and not any(i in self.taken for i in range(ent.start, ent.end)):
                name = ent.text.removeprefix("the ").removeprefix("The ")
                self._add(ent, ("org-name", name), {"name": name, "code": None, "country": None, "sector": None,
                                                     "type": "organisation", "title": None})

    def _descriptions(self) -> None:
        """ "the alliance", "the bloc": the organisation of that kind mentioned last before it; "the
        government", "the military": that body of the country mentioned last before it."""
        for token in self.doc:
            if token.i in self.taken or not any(c.lower_ == "the" for c in token.children):
                continue
            codes = self.k.descriptions.get(token.lower_)
            if not codes:
                self._country_body(token)
                continue
            earlier = [(span.start, fields["code"]) for span, _, fields in self.found
                       if fields and span.start < token.i and fields["code"] in codes]
            if earlier:
                code = max(earlier)[1]
                mention = self.doc[token.i - 1:token.i + 1] if self.doc[token.i - 1].lower_ == "the" else \
                    self.doc[token.i:token.i + 1]
                self._add(mention, ("org", code), {"name": self.k.organisations[code], "code": code,
                                                   "country": None, "sector": None, "type": "organisation",
                                                   "title": None})

    def _bare_groups(self) -> None:
        """ "Rebels", "police", "protesters" with no country: coded by their sector alone (CAMEO's practice
        for actors of unknown nationality), so that "gunmen attacked a convoy" is still an event."""
        for token in self.doc:
            sector = self.k.sectors.get(token.lemma_.lower())
            if sector not in BARE_SECTORS or token.pos_ != "NOUN" or token.i in self.taken \
                    or token.dep_ not in ARGUMENTS or any(c.i in self.taken for c in token.children):
                continue  # "Islamic State militants" are the Islamic State's
            left = token.i
            while left > 0 and self.doc[left - 1].dep_ in {"compound", "amod"} and self.doc[left - 1].head == token \
                    and left - 1 not in self.taken:
                left -= 1
            mention = self.doc[left:token.i + 1]
            self._add(mention, ("group", None, sector, token.lemma_.lower()),
                      {"name": mention.text, "code": sector, "country": None, "sector": sector, "type": "group",
                       "title": None})

    def _country_body(self, token: Token) -> None:
        sector = self.k.sectors.get(token.lemma_.lower())
        if sector not in DESCRIBED_SECTORS or token.tag_ not in {"NN", "NNP"} \
                or any(c.dep_ in {"amod", "compound", "poss"} or c.lower_ == "of" for c in token.children):
            return
        fields_of = {key: fields for _, key, fields in self.found if fields}
        here = self.sentence_of[token.i]
        earlier = [(span, fields_of[key]["country"]) for span, key, _ in self.found
                   if key in fields_of and fields_of[key].get("country") and span.start < token.i
                   and here - self.sentence_of[span.start] <= PRONOUN_REACH]
        if not earlier:
            return
        last = max(earlier, key=lambda e: e[0].start)[1]

        def salience(country: str) -> int:  # the country the passage is about, as for pronouns
            spans = [span for span, c in earlier if c == country]
            return len(spans) + 2 * any(s.root.dep_ in {"nsubj", "nsubjpass"} for s in spans) + (country == last)

        country = max(dict.fromkeys(c for _, c in earlier), key=salience)
        mention = self.doc[token.i - 1:token.i + 1] if self.doc[token.i - 1].lower_ == "the" else \
            self.doc[token.i:token.i + 1]
        self._add(mention, ("group", country, sector),
                  {"name": f"{self.k.country_names.get(country, country)} {token.lemma_.lower()}",
                   "code": country + sector, "country": country, "sector": sector, "type": "group", "title": None})

    # -- bookkeeping ----------------------------------------------------------------------------------

    def _add(self, span: Span, key: tuple, fields: dict | None) -> None:
        self.found.append((span, key, fields))
        self.taken.update(range(span.start, span.end))

    def _commit(self) -> None:
        """Create actors in order of first mention and record every mention."""
        for span, key, fields in sorted(self.found, key=lambda f: f[0].start):
            actor = self.by_key.get(key)
            if actor is None:
                if fields is None:
                    fields = next(f for _, k, f in self.found if k == key and f is not None)
                actor = Actor(id=f"a{len(self.by_key) + 1}", **fields)
                self.by_key[key] = actor
                self.ew.actors.append(actor)
            self.ew.add_mention(actor, span)

    def _pronouns(self) -> None:
        """ "he"/"she" → the most salient person of the last few sentences: the one the text is about
        (mentioned most, as a subject) rather than merely the last name mentioned."""
        sentence_of = self.sentence_of
        people = [(s, e, a) for s, e, a in self.ew.mention_spans if self.ew.actor(a).type == "person"]
        for token in self.doc:
            if token.lower_ not in PRONOUNS or token.pos_ != "PRON" or token.i in self.ew.actor_of_token:
                continue
            here = sentence_of[token.i]
            recent = [(s, e, a) for s, e, a in people if e <= token.i and here - sentence_of[s] <= PRONOUN_REACH]
            if not recent:
                continue
            last = recent[-1][2]

            def salience(actor_id: str) -> tuple[int, bool]:
                mentions = [(s, e) for s, e, a in people if a == actor_id and e <= token.i]
                as_subject = any(self.doc[s:e].root.dep_ in {"nsubj", "nsubjpass"} for s, e in mentions)
                return len(mentions) + 2 * as_subject + (actor_id == last), actor_id == last

            actor_id = max(dict.fromkeys(a for _, _, a in recent), key=salience)
            self.ew.add_mention(self.ew.actor(actor_id), self.doc[token.i:token.i + 1])
            people.append((token.i, token.i + 1, actor_id))
            people.sort()
        for actor in self.ew.actors:
            actor.mentions.sort()
        self.ew.mention_spans.sort()


def resolve_span(doc: Doc, span: Span) -> Actor | None:
    """The actor a span refers to: the one mentioned at its root, else any mentioned inside it."""
    ew: Coded = coded(doc)
    actor = ew.actor_at(span.root)
    if actor is None:
        actor = next((ew.actor_at(t) for t in span if t.i in ew.actor_of_token), None)
    return actor


@Language.factory("eventwire_actors", requires=["doc.ents", "token.dep", "token.lemma"], assigns=["doc._.ew"],
                  default_config={"actors": []})
def make_actor_stage(nlp: Language, name: str, actors: list[str]) -> ActorStage:
    """The actors stage with the package's dictionaries and the user's (``actors``: TSV paths) over them."""
    return ActorStage(nlp, tuple(actors))

"""Named people: found by the role table's names and the NER, coded through the title and country that
introduce them ("U.S. Secretary of State X" → USAGOV) or the office the role table gives on the document date;
later mentions ("Mr. X", "X", "Al Thani") link back to them.

A person with a title but no row in the role table is still an actor: "former president X", "junior foreign
minister X", "Lt. Gen. X" get the sector from the title and the country from the text — a country or
organisation before the title, "of COUNTRY" after the name, else the country the passage is about.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ...lang import TIMES, entity_start, fold, latin
from ..places.resolve import country_of
from .phrases import noun_sector
from .resolution import NAMED_THINGS, Resolution, actor_fields, stance_on
from .roles import SUFFIXES, family_key

if TYPE_CHECKING:
    from . import ActorStage

HONORIFICS = {"Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Dr.", "Dr", "Miss"}
ELITE = "ELI"  # CAMEO's sector for former officials
LEADERS = {"head_of_state", "head_of_government", "vice_president"}  # offices one holds at a time, by their title
AFFILIATIONS = {"of", "for", "at", "with", "to"}  # "a spokesman for X": the title is X's


def person_spans(stage: ActorStage, res: Resolution) -> list[Span]:
    """Names of people: the role table's names first, then the NER's (not a country or organisation it
    mistook for a person: "Chile", "Houthis") and family names of office holders the NER missed."""
    doc = res.doc
    ner = [_name_after_place(res, e) for e in doc.ents if e.label_ in {"PERSON", "ORG"}]
    ner = [e for e in ner if e.label_ == "PERSON" and e[0].tag_ != "POS" and latin(e.text)]  # not "’s Lunch"
    ner = [_before_possessive(e) for e in ner]
    words = {w for e in ner if len(e) > 1 for w in e.text.split()}  # "tribute to Luk" after "John Luk Jok"
    ner = [_with_given_name(res, e) for e in ner if e.text in words or not town_taken_for_name(e)]
    known = filter_spans([Span(doc, s, e, label="PERSON") for _, s, e in stage.people(doc)])
    known = [x for k in known if not _first_name_of_another(k, ner) and (x := _extended(res, k, ner)) is not None]
    in_phrase = res.phrase_of

    def in_one_phrase(s: int, e: int) -> bool:
        return s in in_phrase and in_phrase[s] is in_phrase.get(e - 1)

    others = [e for e in ner if not in_one_phrase(e.start, e.end)]
    others += [
        Span(doc, s, e, label="PERSON")
        for _, s, e in stage.family_names(doc)  # not "Jordan"
        if _name_like(doc[s], e)
        and fold(doc[s:e].text) not in res.k.title_modifiers  # "Senior Directors X and Y": no one named Senior
        and not any(i in in_phrase for i in range(s, e))
        and not _in_longer_name(doc, s, e)
        and (
            _holder_here(res, doc[s:e], doc[s:e].text) is not None
            or any(fold(n.text).endswith(" " + fold(doc[s:e].text)) for n in ner)  # "Tony Mendez ... Mendez"
        )
    ]
    others = [o for o in filter_spans(others) if not any(o.start < k.end and k.start < o.end for k in known)]
    spans = sorted(known + others, key=lambda s: s.start)
    return [s for s in spans if not any(i in res.credits for i in range(s.start, s.end))]


PLACE_PREPS = {"in", "from", "to", "near", "into", "outside", "around"}


def _extended(res: Resolution, known: Span, ner: list[Span]) -> Span | None:
    """ "Ashraf Ghani Ahmadzai": a name of the role table that the NER's name goes on from keeps the longer name,
    whose last word may name the person later ("Ahmadzai"), if the person is in office that day or the text names
    them by the table's family name too ("Ghani"; not "William Graham Sumner", no former minister William
    Graham); the table's name is the span's knowledge-base id. None where the longer name is another person's
    ("Donald Trump Jr.")."""
    longer = next((e for e in ner if e.start == known.start and e.end > known.end), None)
    more = known.doc[known.end : longer.end] if longer is not None else []
    if any(t.text in SUFFIXES for t in more):
        return None  # "Donald Trump Jr." is another person
    words = {t.lower_ for t in known}
    if not more or not all(t.pos_ == "PROPN" and t.is_alpha and t.is_title and t.lower_ not in words for t in more):
        return known  # (not "Charles Schumer Charles", a web page's run-on)
    standing = res.k.roles.standing(res.k.roles.person(known.text, res.day) or known.text, res.day)
    family = known[-1].text
    again = any(t.text == family and not (known.start <= t.i < longer.end) for t in known.doc)
    if not again and (standing is None or standing.sector in {None, ELITE}):
        return known
    return Span(known.doc, known.start, longer.end, label="PERSON", kb_id=known.text)


def _before_possessive(ent: Span) -> Span:
    """ "Harris’s Call" (a headline's "Vice President Harris’s Call with ..."): a name ends at its possessive."""
    cut = next((t.i for t in ent if t.tag_ == "POS"), ent.end)
    if cut == ent.end or ent[0].lower_ == "the":  # "the Tigray People's Liberation Front" is no person's
        return ent
    return Span(ent.doc, ent.start, cut, label="PERSON")


def _with_given_name(res: Resolution, ent: Span) -> Span:
    """ "Sadiq Khan" where the NER took only "Khan": the capitalised word compounding the name is its given name
    (else the family name alone would mean an office holder of that name, Imran Khan); not a title, an
    honorific or an agent noun ("Prime Minister Khan", "Mr. Khan", "Professor Khan") nor a country."""
    before = res.doc[ent.start - 1] if ent.start else None
    if (
        before is None
        or len(ent) > 1
        or before.pos_ != "PROPN"
        or not before.is_title
        or before.dep_ != "compound"
        or before.head.i < ent.start
        or before.ent_type_
        or before.text in HONORIFICS
        or res.k.sector_of(before.lemma_) is not None  # "Professor Siegel", "Businessman X"
        or ent.start in res.title_ending
        or before.i in res.phrase_of
    ):
        return ent
    return Span(res.doc, before.i, ent.end, label="PERSON")


def town_taken_for_name(ent: Span, preps: frozenset[str] | set[str] = PLACE_PREPS) -> bool:
    """A town the tagger took for a person or an organisation, after a preposition of place ("withdrew from
    Kherson", "protests in Tsuen Wan", "a meeting on Crete"): the gazetteer settles the name."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in preps and country_of(ent.text) is not None


def _first_name_of_another(known: Span, ner: list[Span]) -> bool:
    """A one-word name from the role table that begins a longer name ("Henri" in "Henri Moukoko") is not the
    office holder known by that one word (Grand Duke Henri)."""
    return len(known) == 1 and any(e.start <= known.start and known.end < e.end for e in ner)


def _in_longer_name(doc, start: int, end: int) -> bool:
    """A family name inside a longer name the NER found ("the Bill and Melinda Gates Foundation") is not the
    office holder of that family name."""
    return doc[start].ent_iob_ == "I" or (end < len(doc) and doc[end].ent_iob_ == "I")


CLOSED = {"PRON", "DET", "ADP", "AUX", "CCONJ", "SCONJ", "PART", "NUM", "PUNCT", "SYM"}


def _name_like(token: Token, end: int) -> bool:
    """A family name used as a name: tagged a proper noun, or a capitalised word the tagger misread ("Trump,
    tweeting Monday, ..." as an adjective; "Trump said" as an organisation's noun) as a subject or before a
    comma, a dash or a verb; never "I"."""
    if token.pos_ == "PROPN":
        return True
    after = token.doc[end] if end < len(token.doc) else None
    named = token.dep_ in {"nsubj", "nsubjpass"} or (
        after is not None and (after.text in {",", "-", "—", "–"} or after.pos_ in {"VERB", "AUX"})
    )
    after_det = token.i > 0 and token.doc[token.i - 1].pos_ == "DET"  # "the King", "the Moon"
    return (
        token.pos_ not in CLOSED
        and token.is_title
        and len(token) > 2
        and named
        and (not token.ent_type_ or (token.ent_type_ == "ORG" and token.dep_ in {"nsubj", "nsubjpass"}))
        and not after_det
    )


def find_people(res: Resolution, spans: list[Span]) -> set[tuple]:
    """Add every named person; returns the keys of the people introduced."""
    names = res.names
    known: set[tuple] = set()
    given: dict[tuple, set] = {}  # a last word -> the words before it in longer names ("Paul" of "Paul Ryan")
    for words in (w for w in (tuple(fold(t.text) for t in _name_tokens(ent)) for ent in spans) if len(w) > 1):
        given.setdefault(words[-1:], set()).add(words[-2])
    for ent in spans:
        if stance_on(ent):
            continue  # "an anti-Houthi coalition": what it is against, not al-Houthi
        if res.k.roles.person(ent.kb_id_ or ent.text, res.day) is None:  # "Sultan Ibrahim Iskandar" keeps its title
            ent = _strip_leading_title(res, ent)
            if ent is None:
                continue
        tokens = _name_tokens(ent)
        if not tokens:
            continue
        words = tuple(fold(t.text) for t in tokens)  # "al-Thani" and "Al Thani" are one name
        if len(tokens) > 1 and tokens[-2].lower_ != "of":  # "Sudesh Amman", not "Abdullah II of Jordan"
            res.unname_places(res.doc[tokens[-1].i : tokens[-1].i + 1])
            if tokens[0].pos_ == "PROPN":  # "Brit Hume", "Paris Hilton" (not a demonym the NER took in)
                res.unname_places(res.doc[tokens[0].i : tokens[0].i + 1])
        name = res.doc[tokens[0].i : tokens[-1].i + 1].text
        family = _shared_family_name(res, ent, spans)
        if family is not None:
            name = f"{name} {family}"
        person = res.k.roles.person(ent.kb_id_ or name, res.day)
        plain = [t.text for t in tokens if not _initial(t)] if person is None and family is None else []
        if 1 < len(plain) < len(tokens):  # "Alejandro N. Mayorkas": Alejandro Mayorkas
            person = res.k.roles.person(" ".join(plain), res.day)
        if person is None and family is None and words in names:  # "Mr. Blinken", "Al Thani" after the full name
            _named_again(res, ent, names[words])
            continue
        one_word = len(tokens) == 1 or not any(t.whitespace_ for t in tokens[:-1])  # "al-Assad"
        title = res.title_ending.get(tokens[0].i)  # "President Hassan Sheikh": the given names the custom uses
        if person is None and family is None and one_word and title is not None:  # "former President Obama"
            former = "former" in res.modifiers_before(title.start)[1]
            person = res.k.roles.by_title_and_family_name(title.text, name, res.day, former) or (
                None if former else res.k.roles.by_title_and_family_name(title.text, name, res.day, True)
            )  # "President Obama" in a 2019 text: the one who held that office, not a prime minister Obama
        if person is None and family is None and (one_word or ent[0].text in HONORIFICS):
            person = _holder_here(res, ent, name if one_word else tokens[-1].text, title)  # "Mr. Scholz"
        if person is None and family is None and title is not None:
            person = res.k.roles.by_given_names(title.text, words, res.day)
        key = ("person", person or name)
        if key in known:
            _named_again(res, ent, key)
        else:
            known.add(key)
            fields, start = introduction(res, ent, person or name, person)
            res.add(res.doc[start : ent.end], key, fields)
            one = len(given.get(words[-1:], ())) == 1  # not "Clinton" where the text names Bill and Hillary
            if one and (earlier := names.get(words[-1:])) in known and _bare(res, earlier, key):
                _rename(res, names, known, earlier, key)  # "Ryan: ..." in a heading, then "Rep. Paul Ryan"
        table = tuple(fold(w) for w in ent.kb_id_.split())  # "Ashraf Ghani" of "Ashraf Ghani Ahmadzai"
        for tail in {words[j:] for j in range(len(words))} | {table[j:] for j in range(len(table))}:
            names.setdefault(tail, key)  # every tail: "Thani", "Al Thani", ...; and the first word ("Wang" of Wang Yi)
        names.setdefault(words[:1], key)
        titled = next((t.end for t in res.title_spans if t.start == ent.start < t.end < ent.end), None)
        if titled is not None:  # "Sheikh Mohammed bin ...": later "Sheikh Mohammed" is "Mohammed"
            names.setdefault((fold(res.doc[titled].text),), key)
    return known


def _name_tokens(ent: Span) -> list[Token]:
    """The words of a person's name: no honorific, punctuation or possessive ("Mr. Trump’s")."""
    return [t for t in ent if t.text not in HONORIFICS and not t.is_punct and t.tag_ != "POS"]


def _bare(res: Resolution, earlier: tuple, key: tuple) -> bool:
    """Whether an earlier person is a family name alone that no table or title coded, which a full name ending
    in it, met later, names."""
    fields = res.fields_of(earlier)
    return earlier != key and " " not in earlier[1] and fields is not None and fields["code"] is None


def _rename(res: Resolution, names: dict, known: set, earlier: tuple, key: tuple) -> None:
    """The earlier mentions of a bare family name are of the person a later full name introduces."""
    res.found = [(span, key, None) if k == earlier else (span, k, f) for span, k, f in res.found]
    for tail, k in list(names.items()):
        if k == earlier:
            names[tail] = key
    known.discard(earlier)


def _named_again(res: Resolution, ent: Span, key: tuple) -> None:
    """A later mention of a person; a title it gives codes a person the first mention left uncoded ("Elizabeth
    Warren's New Plan ... Massachusetts Sen. Elizabeth Warren", "Ted Cruz and Jeb Bush ... Texas Sen. Cruz"), when
    it repeats the name or its end (a given name alone may be another's: "Governor Scott" after "Scott Israel")
    and the title's state is said, not guessed from the passage ("Governor Romney" in a passage on Russia)."""
    fields = res.fields_of(key)
    said = " ".join(fold(t.text) for t in ent)
    repeated = fields is not None and fields["sector"] is None and f" {fold(fields['name'])}".endswith(f" {said}")
    intro = _title_before(res, ent) if repeated else None
    if intro is not None and _grounded(res, intro):
        titled, start = introduction(res, ent, fields["name"], None)
        if titled["sector"] is not None:
            fields.update(titled)
            ent = res.doc[start : ent.end]
    res.add(ent, key, None)


def _grounded(res: Resolution, intro: Introduction) -> bool:
    """Whether a title's state is said: by an owner, a place, or a legislature's title ("Sen.": the US Senate unless
    the passage is about another state with one)."""
    return bool(intro.owner or _place_of_title(res, intro) or intro.title.text.lower() in res.k.legislatures)


def _place_of_title(res: Resolution, intro: Introduction) -> str | None:
    """The country of a place between a title and its name or right before the title: "Senator from Vermont X",
    "Texas Governor X"."""
    return intro.place or (res.place_country(res.doc[intro.start - 1]) if intro.start else None)


def _initial(token: Token) -> bool:
    """A middle initial: "N." of "Alejandro N. Mayorkas"."""
    return len(token.text) == 2 and token.text[0].isupper() and token.text[1] == "."


THINGS = NAMED_THINGS | {"PRODUCT"}  # what the NER may take a one-word family name for
JOBS = {"director", "captain", "chairman", "chairwoman", "executive director", "managing director"}  # of anything
GENERATIONS = {"Jr.", "Jr", "Sr.", "Sr", "II", "III"}  # "Ferdinand Marcos, Jr."
CASE_AND_FIRM = {"v.", "v", "vs.", "vs", "&"}  # "Clinton v. Jones", "Roman & Assoc.": a case, a firm
NOT_PEOPLE = {"LANGUAGE"} | TIMES  # "due out in May"; not GPE, NORP or ORG: the tagger reads foreign names so


def _holder_here(res: Resolution, ent: Span, family: str, title: Span | None = None) -> str | None:
    """The office holder a family name alone means: one who served a country or organisation the text names
    ("Obama" in a story on the United States is Barack Obama); else one in office that day, where the word is
    used as a name ("Kuleba said", "Mr. Scholz"; not "the Moon", "Michel Mayor", "Mecca and Medina") and any
    title before it fits ("Prime Minister Lee" of Singapore is no South Korean party leader Lee). A former
    holder the text gives no reason to think of is not meant ("Green algae", "English", "Neptune")."""
    roles = res.k.roles
    last = ent[-1]
    if last.ent_type_ in TIMES:
        return None  # "his visit in May" in a story naming London is no visit with Theresa May
    if fold(family) not in roles.given_names:  # "Abdullah" may be anyone: the text's countries do not settle it
        person = roles.by_family_name(family, res.day, res.named_owners)
        if person is not None:
            return person
    another = last.dep_ == "compound" and last.head.pos_ == "PROPN" and last.head.i == last.i + 1  # "Michel Mayor"
    if (
        last.ent_type_ in NOT_PEOPLE
        or res.place_country(last) is not None  # "Mecca and Medina"
        or another
        or any(c.dep_ == "det" for c in last.children)
        or not _used_as_a_name(ent)
    ):
        return None
    person = roles.by_family_name(family, res.day, former=False, named=res.named_owners)
    return None if person and title is not None and not roles.may_hold(person, title.text) else person


def _used_as_a_name(ent: Span) -> bool:
    """A family name alone that is no part of a court case, a firm or a citation: not "Clinton v. Jones",
    "Roman & Assoc.", "Mitchell et al."."""
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start else ""
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    return before not in CASE_AND_FIRM and after not in CASE_AND_FIRM | {"et"}


def _shared_family_name(res: Resolution, ent: Span, spans: list[Span]) -> str | None:
    """The family name a given name shares with the name after "and": "David and Louise Turpin", "Bill and
    Hillary Clinton" (a given name of the role table's people; not "President Biden and Sheikh Tamim", nor
    "Giuliani and Andriy Yermak")."""
    doc = ent.doc
    if len(ent) != 1 or ent.end + 1 >= len(doc) or doc[ent.end].lower_ != "and" or ent.start in res.title_ending:
        return None
    after = next((s for s in spans if s.start == ent.end + 1 and s.label_ == "PERSON"), None)
    if after is None or len(after) < 2 or any(t.start == after.start for t in res.title_spans):
        return None
    roles = res.k.roles
    given = fold(ent.text) in roles.given_names and family_key(ent.text) not in roles.by_surname
    return after[-1].text if given else None


def find_unrecognised_mentions(res: Resolution) -> None:
    """A one-word mention of a person named before that the NER did not take for a name ("Nancy Pelosi ...
    Trump congratulated Pelosi"): a proper noun standing alone, outside the dictionaries' phrases."""
    doc = res.doc
    _repeated_full_names(res)
    for token in doc:
        key = res.names.get((fold(token.text),))
        if (
            key is None
            or not _family_name_of(res, key, fold(token.text))  # a family name, not "Rocky" of Rocky X
            or token.i in res.taken
            or token.pos_ != "PROPN"
            or not token.is_title
            or token.dep_ == "compound"  # "a Linux distribution"
        ):
            continue
        phrase = res.phrase_of.get(token.i)
        if phrase is not None:  # "Sudesh Amman ... said about Amman": the man, not Jordan's capital
            if (
                len(phrase) > 1
                or res.locative(phrase)
                or token.dep_ == "poss"
                or not _introduced_before(res, key, token.i)
            ):
                continue
        elif (  # "Bloomberg endorsed Biden", "labeled Soleimani as a terrorist" (not a town the gazetteer knows)
            token.ent_type_ not in {"", "PERSON", "ORG"}
            and (token.ent_type_ not in {"GPE", "LOC"} or res.place_country(token) is not None)
            and not _mislabelled(token)
        ):
            continue
        titled = token.i in res.title_ending  # "Principal Deputy National Security Advisor Finer"
        beside = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc) and not (titled and i < token.i)]
        if not any(t.pos_ == "PROPN" and t.is_title for t in beside):  # not part of a longer name
            res.add(doc[token.i : token.i + 1], key, None)
            res.unname_places(doc[token.i : token.i + 1])


def _family_name_of(res: Resolution, key: tuple, word: str) -> bool:
    """Whether a word ends the person's name, or the name they were introduced by ("Ashraf Ghani Ahmadzai")."""
    said = (" ".join(fold(t.text) for t in span if t.is_title) for span, k, fields in res.found if k == key and fields)
    return any(name.endswith(" " + word) for name in (fold(str(key[1])), *said))


def _repeated_full_names(res: Resolution) -> None:
    """A person's name of two or three words said again where the NER missed it ("Russian opposition leader
    Alexei Navalny ... Alexei Navalny is a critic of Putin"): the same person, if the text said whose he is."""
    doc = res.doc
    for token in doc:
        if token.pos_ != "PROPN" or not token.is_title:
            continue  # (a name's first word: most tokens are none)
        for size in (3, 2):
            words = doc[token.i : token.i + size]
            key = res.names.get(tuple(fold(t.text) for t in words)) if len(words) == size else None
            if (
                key is None
                or not f" {fold(str(key[1]))}".endswith(f" {fold(words.text)}")
                or any(t.i in res.taken or t.pos_ != "PROPN" or not t.is_title for t in words)
                or (words.end < len(doc) and doc[words.end].pos_ == "PROPN" and doc[words.end].is_title)
                or not _introduced_before(res, key, token.i)
                or not any(k == key and f and f.get("country") for _, k, f in res.found)  # not "the Red Hat"
            ):
                continue
            res.add(words, key, None)
            res.unname_places(words)
            break


def _mislabelled(token: Token) -> bool:
    """A family name alone that the NER labelled a thing ("Biden rejected Pelosi's suggestion": "Pelosi" an
    EVENT): a one-word name of an event, law, work or product is none the text has."""
    return (
        token.ent_type_ in THINGS
        and token.ent_iob_ == "B"
        and (token.i + 1 >= len(token.doc) or token.nbor().ent_iob_ != "I")
    )


def _introduced_before(res: Resolution, key: tuple, i: int) -> bool:
    return any(k == key and span.start < i for span, k, _ in res.found)


def _strip_leading_title(res: Resolution, ent: Span) -> Span | None:
    """NER sometimes swallows the title ("President Joe Biden"); keep the name only."""
    for t in res.title_spans:
        if t.start == ent.start and t.end < ent.end:
            return res.doc[t.end : ent.end]
        if t.start == ent.start and t.end >= ent.end:
            return None
    return ent


def standing_fields(res: Resolution, person: str) -> dict:
    """A person's fields from the office the role table gives on the document date."""
    standing = res.k.roles.standing(person, res.day)
    if standing is None:
        return actor_fields(person, "person")
    return actor_fields(
        person, "person", country=standing.country, sector=standing.sector, code=standing.code, title=standing.title
    )


@dataclass
class Introduction:
    """The title that introduces a name and what it belongs to."""

    start: int  # where the mention starts (the owner, modifiers and titles before the name)
    title: Span
    text: str  # the title as written, with its modifiers: "junior foreign minister"
    owner: Span | None  # the country or organisation phrase the title belongs to
    effects: set[str]  # "former", "other" (title_modifiers.tsv)
    sector: str | None = None  # what a word between the owner and the title says: "Israeli army spokesman"
    place: str | None = None  # the country of a place between the title and the name: "Senator from Vermont X"


def as_former(fields: dict) -> None:
    """A former holder of an office: CAMEO's elite sector (ELI) of the same country."""
    fields.update(sector=ELITE, code=(fields["country"] or "") + ELITE)


def introduction(res: Resolution, ent: Span, name: str, person: str | None) -> tuple[dict, int]:
    """The actor's fields from what introduces the name ("[former] [U.S.] [Secretary of State] Antony Blinken",
    "King Abdullah [of Jordan]", "Wang Shouwen, [China's] [vice-minister]"), else from the role table; and where
    the introduction starts."""
    fields = standing_fields(res, person) if person else actor_fields(name, "person")
    intro = _title_before(res, ent)
    if intro is None or intro.owner is None:  # "Col. X, Mali's government spokesman": the apposition's owner wins
        apposed = _apposition(res, ent) or _apposed_to_title(res, ent)
        if apposed is not None:
            intro = apposed if intro is None else replace(apposed, start=intro.start, effects=intro.effects)
    if intro is None:
        return _described(res, ent, fields)
    sector, scope = res.k.titles[intro.title.label_]
    sector = intro.sector or sector
    owner = res.entry(intro.owner) if intro.owner is not None else None
    if owner is not None and fields["code"] is not None and res.party_member(owner, intro.title, known=True):
        pass  # "Republican President Donald Trump": the party says which, the role table's office stands
    elif owner is not None:  # what the text says wins over the table
        fields.update(res.owner_fields(owner, sector, intro.title.start, intro.title), title=intro.text)
    elif fields["sector"] is None:  # no office that day: "Senator Marco Rubio" in 2014 is a senator
        # "Senator from Vermont X", "Texas Governor X"
        place = _place_of_title(res, intro) or _place_after(res, intro.title)
        place = place or _place_after(res, ent)  # "X, the governor of Texas"
        place = place or _party_and_state(res.doc, ent.end)  # "Sen. Tom Cotton, R-Ark."
        place = place or _listed_with(res, ent)  # "Greek prime minister X and energy minister Y"
        body, of_state = _body_before(res, intro.start) if place is None and scope != "country" else (None, False)
        if body is not None:  # "AIP vice chairman X"; "Japan National Security Secretariat Secretary General X"
            state = res.phrase_ending.get(body)
            if state is not None and res.entry(state).is_country:
                fields.update(res.owner_fields(res.entry(state), sector, intro.start), title=intro.text)
                return fields, min(intro.start, ent.start)
            if not of_state:
                fields.update(title=intro.text)
                return fields, min(intro.start, ent.start)
        if _describes_a_job(res, intro.title) and place is None:
            return fields, ent.start  # "director Sidney Lumet", "team captain X": no office of a state
        country = fields["country"] or place or res.body_country(intro.title.text, intro.title.start)
        country = country or res.publisher_state  # "Principal Deputy National Security Advisor X" (White House)
        if one_state(scope):  # an office of one state alone: "Pope Francis"
            country = scope
        elif scope == "organisation":
            country = None
        fields.update(actor_fields(name, "person", country=country, sector=sector, title=intro.text))
        national = " " not in name and place is None and res.k.roles.title_roles.get(fold(intro.title.text)) in LEADERS
        held = res.k.roles.titled_holder(country, intro.title.text, res.day) if country and national else None
        if held is not None and family_key(held).split()[-1] != family_key(name).split()[-1]:
            as_former(fields)  # "President Reagan" in 2016 (Obama held the office): a courtesy title; not "President
            # Eduardo Padron" (a full name: of a college)
    portfolio = intro.title.end < ent.start and res.doc[intro.title.end].lower_ == "for"
    if fields["sector"] == ELITE and "former" not in intro.effects and portfolio:
        country = fields["country"]  # "Special Presidential Envoy for Climate John Kerry" (2022) is in office again
        fields.update(actor_fields(name, "person", country=country, sector=sector, title=intro.text))
    if "former" in intro.effects:
        as_former(fields)
    return fields, min(intro.start, ent.start)


def _describes_a_job(res: Resolution, title: Span) -> bool:
    """A generic title in lowercase before a name, with no owner and no body before it: a job ("director
    X", "team captain X", "chairman X"), not an office ("Director X", "Capt. X", "police director X")."""
    body = title.start > 0 and res.k.sector_of(res.doc[title.start - 1].lemma_) is not None
    return title.text[:1].islower() and title.text.lower() in JOBS and not body


def _body_before(res: Resolution, start: int) -> tuple[int | None, bool]:
    """Where the name of an organisation no dictionary knows starts, when a title of a state or an organisation
    ("president", "chairman", "director") follows it: the title is that body's ("AIP vice chairman X" of a party,
    "African Export–Import Bank president X"); and whether a noun of its name says it is a body of a state
    ("Japan Defense Agency", "Senate": the country the name or the passage gives)."""
    i, of_state = start, False
    while i > 0 and (t := res.doc[i - 1]).ent_type_ == "ORG" and t.dep_ == "compound" and t.i not in res.taken:
        if t.i in res.phrase_of:
            break
        of_state = of_state or res.k.sector_of(t.lemma_) is not None
        i -= 1
    return (i if i < start else None), of_state


def _described(res: Resolution, ent: Span, fields: dict) -> tuple[dict, int]:
    """ "Thai activist X", "Russian oligarch X", "CIA agent X", "Hamas fighter X": a person a nationality or an
    organisation and a common noun describe is of that country or body, with the noun's sector where it has one
    (the role table's office wins)."""
    noun = res.doc[ent.start - 1] if ent.start else None
    party = res.phrase_ending.get(ent.start)  # "Republican Mitt Romney": a member of the party
    entry = res.entry(party) if party is not None else None
    if entry is not None and entry.sector == "PTY" and entry.country and fields["code"] is None:
        fields.update(res.owner_fields(entry, "PTY", party.start))
        return fields, res.modifiers_before(party.start)[0]
    first = noun  # the words describing the person: "Democratic presidential candidate X", "GOP hopeful X"
    while first is not None and first.i > ent.start - 5 and first.i > 0 and _describing(res.doc[first.i - 1]):
        first = res.doc[first.i - 1]
    owner = res.phrase_before(first.i) if noun is not None and noun.pos_ == "NOUN" and noun.is_lower else None
    if owner is None:
        return fields, ent.start
    entry, unknown = res.entry(owner), fields["code"] is None
    sector = noun_sector(res.k, noun) if entry.is_country else entry.sector or noun_sector(res.k, noun)
    if entry.is_country:
        if unknown:
            fields.update(actor_fields(fields["name"], "person", country=entry.code, sector=sector))
    elif unknown and entry.kind == "organisation" and entry.sector != "MED" and sector:
        fields.update(res.owner_fields(entry, sector, noun.i))
    else:
        return fields, ent.start
    start, effects = res.modifiers_before(owner.start)
    if "former" in effects and fields["code"] is not None and fields["sector"] != ELITE:
        as_former(fields)
    return fields, start


def _describing(token: Token) -> bool:
    """A lowercase word that may describe a person before the name ("presidential", "hopeful", "longtime")."""
    worded = token.is_lower or token.text == "-"  # "pro-democracy"
    return worded and token.pos_ in {"ADJ", "NOUN", "PUNCT"} and token.head.i > token.i


def _title_before(res: Resolution, ent: Span) -> Introduction | None:
    """ "[UAE] [National Security Advisor] [Sheikh] X", "[Saudi] [Prime Minister] and [Crown Prince] X",
    "[National Security Advisor] of [India] X", "[Lt. Gen.] X of [Chile]"."""
    doc, owner = res.doc, None
    title = res.title_ending.get(ent.start) or _title_of_portfolio(res, ent.start)
    if title is None and (listed := _listed_after_title(res, ent)) is not None:
        return listed
    if title is None:
        owner = res.phrase_ending.get(ent.start)
        place = None if owner is not None else _place_before(res.doc, ent.start)  # "Senator from Minnesota X"
        before = owner or (place and place[0])
        if before is None or before.start < 2 or doc[before.start - 1].lower_ not in {"of", "from"}:
            return None
        title = res.title_ending.get(before.start - 1)
        if title is None:
            return None
        if place is not None:
            start, effects = res.modifiers_before(title.start)
            return Introduction(start, title, doc[start : title.end].text, None, effects, place=place[1])
    start, effects = res.modifiers_before(title.start)
    while (
        before := res.title_ending.get(start - 1 if start and doc[start - 1].lower_ == "and" else start)
    ) is not None:
        joined = doc[start - 1].lower_ == "and"
        first, more = res.modifiers_before(before.start)  # titles stacked before the name
        if joined and first and doc[first - 1].lower_ == "the":
            break  # "The Vice President and President-elect Arévalo": two people
        start, effects = first, effects | more
    text, sector = doc[start : title.end].text, None
    if owner is None:
        owner = res.phrase_before(start)
        qualifier = doc[start - 1] if start and owner is None else None
        if qualifier is not None and qualifier.head == title.root and res.k.sector_of(qualifier.lemma_):
            owner = res.phrase_before(qualifier.i)  # "Houthi military spokesperson", "Israeli army spokesman"
            sector = res.k.sector_of(qualifier.lemma_) if owner is not None else None
            start = qualifier.i if owner is not None else start
        if owner is not None:
            start, more = res.modifiers_before(owner.start)  # "former Brazilian President X"
            effects |= more
        elif (place := _place_ending(doc, start)) is not None:
            effects |= res.modifiers_before(place)[1]  # "former New Jersey governor X": the place is found later
        after = _of_object(doc, ent.end)
        state = res.phrase_at.get(after) if after is not None else None
        if owner is None or (state is not None and _party_of_another_state(res, owner, state)):
            owner = state or owner  # "King Abdullah of Jordan"; "Democratic Opposition Leader X of Belarus"
        owner = owner or res.phrase_within(title)  # "CIA Director X"
    return Introduction(start, title, text, owner, effects, sector)


def _title_of_portfolio(res: Resolution, start: int) -> Span | None:
    """A title whose portfolio stands between it and the name: "Special Presidential Envoy for Climate John Kerry",
    "Minister for Europe Leo Docherty", "Under Secretary of State for Political Affairs Victoria Nuland"."""
    i = start - 1
    while i > 0 and res.doc[i].lower_ != "for" and (res.doc[i].is_title or res.doc[i].lower_ in {"and", "&"}):
        i -= 1
    return res.title_ending.get(i) if 0 < i < start - 1 and res.doc[i].lower_ == "for" else None


def _party_of_another_state(res: Resolution, owner: Span, state: Span) -> bool:
    """ "Democratic Opposition Leader X of Belarus" (a headline's capitals): the state after the name, not a US
    party, is whose office it is."""
    party, country = res.entry(owner), res.entry(state)
    return party.sector == "PTY" and country.is_country and party.country != country.code


def _listed_after_title(res: Resolution, ent: Span) -> Introduction | None:
    """ "Sens. Ted Cruz and Marco Rubio", "Reps. X, Y and Z": a plural title before a list is each name's."""
    first = ent.root
    while first.dep_ in {"conj", "appos"} and first.head.i < first.i:  # (the parse may read a list as apposed)
        first = first.head
    start = first.i
    while start > 0 and res.doc[start].ent_iob_ == "I":
        start -= 1
    title = res.title_ending.get(start) if first is not ent.root else None
    if title is None or title.text.lower() not in res.k.plural_titles:
        return None
    intro = _title_before(res, res.doc[start : first.i + 1])
    return replace(intro, start=ent.start) if intro is not None else None


def _apposition(res: Resolution, ent: Span) -> Introduction | None:
    """ "Wang Shouwen, China's vice-minister for commerce", "X, the president of the European Commission"."""
    doc = res.doc
    if ent.end + 2 >= len(doc) or doc[ent.end].text != ",":
        return None
    title = next((t for t in res.title_spans if ent.end < t.start <= ent.end + 6), None)
    if title is None or not res.free(doc[ent.end + 1 : title.end]):
        return None
    start, effects = res.modifiers_before(title.start)
    before = res.phrase_before(start)
    owner = before or owner_after(res, title)
    if not all(_describes(res, t) for t in doc[ent.end + 1 : before.start if before is not None else start]):
        return None  # "X, who met the Senator", "X, met Serbian President Y"
    if (
        owner is None
        and any(c.dep_ == "prep" and c.lower_ in AFFILIATIONS for c in doc[title.end - 1].children)
        and _place_after(res, title) is None
    ):
        return None  # "X, a spokesman for the PMF" (a body no dictionary knows)
    if owner is not None and owner.start < title.start and owner.start <= ent.end:
        return None
    end = owner.end if owner is not None and owner.start >= title.end else title.end
    if end < len(doc) and doc[end].ent_type_ == "PERSON":
        return None  # "energy minister X, Greek prime minister Y", "Biden, President of the European Council Y"
    return Introduction(ent.start, title, doc[start : title.end].text, owner, effects)


def _apposed_to_title(res: Resolution, ent: Span) -> Introduction | None:
    """ "The prime minister, Boris Johnson, said", "A third president, Richard Nixon, resigned": the title the name
    is in apposition with (the title is linked as a mention of its own, see titles.py); not the title of a body
    no dictionary knows ("the company's president, X", "the president of a software firm, X")."""
    head = ent.root.head
    if ent.root.dep_ != "appos" or head.i >= ent.start:
        return None
    title = next((t for t in res.title_spans if t.end - 1 == head.i), None)
    if title is None or addressed(title):
        return None
    start, effects = res.modifiers_before(title.start)
    owner = res.phrase_before(start)
    if owner is not None:
        effects |= res.modifiers_before(owner.start)[1]  # "a former Peruvian president, X"
    for child in head.children:
        if child.dep_ == "poss":
            objects = [child]
        elif child.dep_ == "prep" and child.lower_ in AFFILIATIONS:
            objects = [p for p in child.children if p.dep_ == "pobj"]
        else:
            continue
        named = next((res.phrase_of[p.i] for p in objects if p.i in res.phrase_of), None)
        if named is None and _place_after(res, title) is None:
            return None
        owner = owner or named
    return Introduction(ent.start, title, res.doc[start : title.end].text, owner, effects)


def addressed(title: Span) -> bool:
    """ "Mr. President, dear Joe": a title someone is addressed by, not one that describes a name."""
    return title.start > 0 and title.doc[title.start - 1].text in HONORIFICS | {"Madam", "Madame"}


def _place_ending(doc: Doc, end: int) -> int | None:
    """Where a place name the NER found right before token ``end`` starts ("former [New Jersey] governor")."""
    if not end or doc[end - 1].ent_type_ not in {"GPE", "LOC"}:
        return None
    return entity_start(doc[end - 1])


def _place_before(doc: Doc, end: int) -> tuple[Span, str] | None:
    """The place no dictionary names, after "of" or "from", that ends where a name starts, and its country:
    "Mayor of Koszalin [Piotr Jedlinski]", "Senator from New Hampshire [Jeanne Shaheen]"."""
    for start in (end - 1, end - 2):
        if start > 0 and doc[start - 1].lower_ in {"of", "from"} and all(t.is_title for t in doc[start:end]):
            country = country_of(doc[start:end].text)
            if country is not None:
                return doc[start:end], country
    return None


def _name_after_place(res: Resolution, ent: Span) -> Span:
    """The name in a span the tagger ran on from a title's place: "Senator from [Vermont Bernie Sanders]"."""
    for cut in (ent.start + 1, ent.start + 2):
        if ent.end - cut >= 2 and res.title_ending.get(ent.start - 1) is not None and _place_before(res.doc, cut):
            return Span(res.doc, cut, ent.end, label="PERSON")
    return ent


def _place_after(res: Resolution, span: Span) -> str | None:
    """The country of the place a title or a titled name is "of" (or "from") that no dictionary names: "the
    mayor of South Bend", "the governor of Massachusetts", "Senator X of Illinois", "Senator from Vermont X"."""
    after = _of_object(res.doc, span.end, ("of", "from"))
    if after is None or after in res.phrase_of:
        return None
    return res.place_country(res.doc[after])


def _party_and_state(doc: Doc, end: int) -> str | None:
    """ "Sen. Tom Cotton, R-Ark.", "Rep. Adam Schiff (D-Calif.)": the party and state after a name that US copy
    gives members of Congress."""
    tag = [t.text for t in doc[end + 1 : end + 4]]
    opened = end < len(doc) and doc[end].text in {",", "("}
    return "USA" if opened and len(tag) == 3 and tag[0] in {"R", "D", "I"} and tag[1] == "-" else None


def _listed_with(res: Resolution, ent: Span) -> str | None:
    """The country of the titled person a name is listed after ("Greek prime minister Kyriakos Mitsotakis and
    energy minister Konstantinos Hatzidakis": the minister is Greek too)."""
    if ent.root.dep_ != "conj" or ent.root.head.i >= ent.start:
        return None
    return res.country_of_mention(ent.root.head.i)


def one_state(scope: str) -> bool:
    """Whether a title's scope (titles.tsv) is a single state's code: an office of that state alone ("Pope")."""
    return scope.isupper() and " " not in scope


def owner_after(res: Resolution, title: Span) -> Span | None:
    """The country or organisation a title is "of" or "for": "the president of the European Commission", "a
    spokesman for the PMF", or whose body it is: "a spokeswoman for the Trump administration's Department of
    Justice"."""
    after = _of_object(res.doc, title.end, ("of", "for"))
    if after is None or after in res.phrase_at:
        return None if after is None else res.phrase_at[after]
    prep = res.doc[after - 1] if res.doc[after - 1].lower_ in {"of", "for"} else res.doc[after - 2]
    head = next((c for c in prep.children if c.dep_ == "pobj"), None)  # "a spokeswoman for the Trump
    return res.phrase_of.get(head.i) if head is not None else None  # administration's Department of Justice"


def _of_object(doc: Doc, end: int, words: tuple[str, ...] = ("of",)) -> int | None:
    """Where the noun after an "of" (or "of the") at token ``end`` starts: "King Abdullah [of Jordan]",
    "President Ferdinand Marcos, Jr. [of the Philippines]"."""
    comma = int(end < len(doc) and doc[end].text == ",")
    if end + comma < len(doc) and doc[end + comma].text in GENERATIONS:
        end += comma + 1
    if end + 1 >= len(doc) or doc[end].lower_ not in words:
        return None
    return end + 2 if doc[end + 1].lower_ == "the" and end + 2 < len(doc) else end + 1


def _describes(res: Resolution, token: Token) -> bool:
    """A word that may stand between a name's comma and its title: "X, the Senate Majority Leader", "X, a
    Republican senator" (the title's country is then the passage's); not a country or organisation ("X, a US
    peace envoy": the US is the owner, if one the title does not reach)."""
    return token.dep_ in {"det", "amod", "compound"} and token.head.dep_ == "appos" and token.i not in res.phrase_of

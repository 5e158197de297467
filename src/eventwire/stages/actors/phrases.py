"""Dictionary phrases: countries, seats of power, organisations and communities, and the groups they qualify.

"Russian troops" → RUSMIL, "Kurdish farmers" → farmers of the Kurds' country (the text's, else CVL alone),
"an Indian proposal" → India (the owner of the proposal), "the Kremlin" → RUSGOV, "Hamas" → PSEREB.
Coordinated qualifiers are separate actors with their own mentions: "Czech and Slovak officials" → "Czech"
(CZEGOV) and "Slovak officials" (SVKGOV).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .knowledge import Entry, Knowledge
from .resolution import Resolution, actor_fields

QUALIFYING = {"amod", "compound", "poss", "nmod"}
ARMED = {"MIL", "REB", "COP"}  # groups that fight where they are
STACKED = {"demonym", "community"}  # a people named after a state's demonym: "Syrian Kurdish fighters"
FOLLOWERS = {
    "supporter",
    "loyalist",
    "follower",
    "critic",
    "detractor",
}  # "Hamas supporters", "Trump loyalists", "Trump's critics": civilians, not the one followed or criticised
CITY_NOUNS = {"mayor", "city", "capital", "street", "outskirts", "suburb", "centre", "center"}  # "the mayor of Paris"


def find_phrases(res: Resolution) -> None:
    for span in res.dictionary:
        if not res.free(span):
            continue
        entry = res.entry(span)
        group = group_noun(res, span)
        camp = _camp_abroad(res, span, entry)
        if camp is not None:  # "Conservatives reject liberal humor" in a story on the US: a camp of Americans
            key = ("group", camp, "CVL", span[0].lemma_.lower())
            res.add(span, key, actor_fields(span.text, "group", country=camp, sector="CVL"))
            continue
        if entry.kind == "organisation":
            _organisation(res, span, entry, group)
        elif group is not None:
            _group(res, span, entry, *group)
        elif entry.kind in {"demonym", "community"}:
            _people_of(res, span, entry)
        elif entry.kind in {"capital", "metonym"}:
            where = _only_a_place(span) if entry.kind == "capital" else _where_guests_go(span)
            if not res.locative(span) and not where:
                res.add(
                    span,
                    ("group", entry.code, "GOV"),
                    actor_fields(span.text, "group", country=entry.code, sector="GOV"),
                )
            elif entry.kind == "metonym":
                res.taken.update(range(span.start, span.end))  # "officials in the Kremlin": a place, no body
        elif not entry.ambiguous or _is_gpe(span) or _stands_alone(span):
            res.add(span, ("country", entry.code), actor_fields(entry.name, "country", country=entry.code))


def _only_a_place(span: Span) -> bool:
    """A capital named as a place, not for its government: "a Kabul car bombing", "a Berlin-based charity",
    "from Jakarta to Bali", "the mayor of Paris"."""
    root, doc = span.root, span.doc
    if root.dep_ == "compound" or (span.end < len(doc) and doc[span.end].text == "-"):
        return True
    prep = root.head if root.dep_ == "pobj" else None
    if prep is None:
        return False
    near = [*prep.children, *prep.head.children]  # "from X to Y": one on the other, or both on what moves
    route = {prep.lower_, prep.head.lower_, *(c.lower_ for c in near if c.dep_ == "prep")}
    return {"from", "to"} <= route or (prep.lower_ == "of" and prep.head.lemma_.lower() in CITY_NOUNS)


def _where_guests_go(span: Span) -> bool:
    """A seat of government someone is brought to: "welcomed Chancellor Merkel to the White House" (the host is
    the subject; the seat is where, not a second guest)."""
    prep = span.root.head if span.root.dep_ == "pobj" else None
    if prep is None or prep.lower_ != "to":
        return False
    guests = [prep.head] if prep.head.pos_ == "PROPN" else [c for c in prep.head.children if c.dep_ == "dobj"]
    return any(g.ent_type_ == "PERSON" for g in guests)


def _camp_abroad(res: Resolution, span: Span, entry: Entry) -> str | None:
    """The country of the passage where a party named by a plural ("Conservatives", "Democrats") stands in a
    text that names nothing else of the party's country and is about another: there the word names a
    political camp of that other country."""
    plural = len(span) == 1 and span[0].tag_ in {"NNS", "NNPS"}
    if entry.kind != "organisation" or entry.sector != "PTY" or not plural or entry.country is None:
        return None
    home = entry.country
    named = any(
        res.entry(s).code == home or (res.entry(s).country == home and res.entry(s).code != entry.code)
        for s in res.dictionary
    ) or any(country == home for _, country in res.office_holders())  # "Democrats criticized Trump"
    about = res.country_about(span.start)
    return about if not named and about != home else None


def noun_sector(k: Knowledge, noun: Token, equipment: bool = False) -> str | None:
    """The sector of an agent noun: "terror group" (two lemmas) → REB, "troops" → MIL; a generic noun takes the
    sector of the noun qualifying it ("military officials" → MIL); weapons only where a country qualifies them."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    before = noun.doc[noun.i - 1] if noun.i else None
    if before is not None and before.head == noun:
        lemma = noun.lemma_.lower()  # the word's own form first: "rights groups" are not "far-right groups"
        pair = k.sectors.get(f"{before.lower_} {lemma}") or k.sectors.get(f"{before.lemma_.lower()} {lemma}")
        if pair:
            return None if pair == "-" else pair  # "nerve agent": a substance
    sector = k.sector_of(noun.lemma_, noun.text)
    if noun.lemma_.lower() in k.deferring:
        for child in noun.children:
            named = any(g.dep_ in {"amod", "compound"} and g.pos_ == "PROPN" for g in child.children)
            if child.dep_ in {"amod", "compound"} and child.lemma_.lower() not in k.deferring and not named:
                sector = k.sector_of(child.lemma_) or sector  # (not "White House officials": a name's word)
    if sector is None and equipment:
        sector = k.equipment_of(noun.lemma_, noun.text)
    return sector


def group_noun(res: Resolution, span: Span) -> tuple[Token, str] | None:
    """An agent noun the phrase qualifies: "Russian troops", "Ukraine's military", "Czech and Slovak officials", or
    one next to it that qualifies the same noun ("the Russian army offensive")."""
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    head = root.head
    if root.dep_ in QUALIFYING and head.i >= span.end:
        sector = noun_sector(res.k, head, equipment=True)
        if sector is not None:
            return head, sector
        after = res.doc[span.end] if span.end < head.i else None  # "the M23 rebel offensive": both qualify it
        if after is not None and after.dep_ == "compound" and after.head == head:
            sector = noun_sector(res.k, after)
            if sector is not None:
                return after, sector
    return None


def _organisation(res: Resolution, span: Span, entry: Entry, group: tuple[Token, str] | None) -> None:
    """ "NATO", "Hamas militants" (the group noun belongs to the organisation's mention); "Hamas supporters" are
    civilians of the organisation's country."""
    if group is not None and group[0].lemma_.lower() in FOLLOWERS:
        noun = group[0]
        res.add(
            res.doc[noun.i : noun.i + 1],
            ("group", entry.country, "CVL", noun.lemma_.lower()),
            follower_fields(res, noun, entry.country),
        )
        group = None
    mention = res.doc[span.start : group[0].i + 1] if group and _next_to(res, span, group[0]) else span
    if entry.country:
        fields = actor_fields(entry.name, "organisation", country=entry.country, sector=entry.sector)
    else:
        fields = actor_fields(entry.name, "organisation", sector=entry.sector, code=entry.code)
    res.add(mention, ("org", entry.code), fields)


def follower_fields(res: Resolution, noun: Token, country: str | None) -> dict:
    """A group of supporters: civilians of the country of the one they follow ("Palestine supporter")."""
    name = f"{res.k.country_names.get(country, country)} {noun.lemma_.lower()}" if country else noun.text
    return actor_fields(name, "group", country=country, sector="CVL")


def _group(res: Resolution, span: Span, entry: Entry, noun: Token, sector: str) -> None:
    """ "Russian troops": the country's group of that sector; the mention reaches the noun unless another
    qualifier stands between them ("Czech" in "Czech and Slovak officials"). Of two qualifiers side by side
    the first is the state and the second the people ("Syrian Kurdish fighters", "Syrian Turkmen rebels"):
    one group, of the first's country."""
    inner = res.phrase_at.get(span.end)
    if inner is not None and inner.root.head == noun and res.entry(inner).kind in STACKED:
        return  # "Syrian" of "Syrian Turkmen rebels": the country of the group its neighbour names
    outer = res.phrase_ending.get(span.start)
    if outer is not None and outer.root.head == noun and res.entry(outer).kind in {"demonym", "name"}:
        span, entry = res.doc[outer.start : span.end], res.entry(outer)
    country = _country_of(res, span, entry, noun, sector)
    mention = res.doc[span.start : noun.i + 1] if _next_to(res, span, noun) else span
    res.add(
        mention,
        _group_key(entry, country, sector, noun.lemma_.lower()),
        actor_fields(f"{span.text} {noun.text}", "group", country=country, sector=sector),
    )


def _people_of(res: Resolution, span: Span, entry: Entry) -> None:
    """ "Ukrainians", "Kurds", "an American" → civilians of the country; "an Indian proposal" → India, the
    proposal's owner."""
    root = span.root
    plural = root.pos_ in {"NOUN", "PROPN"} and root.tag_ in {"NNS", "NNPS"}
    one = root.dep_ not in QUALIFYING and any(c.dep_ == "det" for c in root.children)  # "every American detained"
    if plural or one or (entry.kind == "community" and root.pos_ == "PROPN" and root.dep_ not in QUALIFYING):
        country = _country_of(res, span, entry, root, "CVL")
        res.add(
            span,
            _group_key(entry, country, "CVL", "people"),
            actor_fields(span.text, "group", country=country, sector="CVL"),
        )
    elif entry.kind == "demonym" and (_qualifies_noun(root) or _agent_of_participle(res, span)):
        res.add(span, ("country", entry.code), actor_fields(entry.name, "country", country=entry.code))


def _qualifies_noun(token: Token) -> bool:
    """ "an Indian proposal", and each of "Malaysian, Philippine and Indonesian vessels"."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token.dep_ in QUALIFYING and token.head.pos_ in {"NOUN", "PROPN"}


def _agent_of_participle(res: Resolution, span: Span) -> bool:
    """ "the British-ruled islands", "a Saudi-led coalition", "a British-flagged tanker" (the tagger's adjective):
    the country is the agent of the participle."""
    after = res.doc[span.end : span.end + 2]
    return len(after) == 2 and after[0].text == "-" and (after[1].tag_ == "VBN" or after[1].lower_.endswith("ed"))


def _group_key(entry: Entry, country: str | None, sector: str, noun: str) -> tuple:
    """One actor for a country's group of one kind ("Russian troops", later "the troops"); a community's
    groups are kept apart from the country's ("Kurdish fighters")."""
    key = ("group", country, sector, noun)
    return (*key, entry.code) if entry.kind == "community" else key


def _country_of(res: Resolution, span: Span, entry: Entry, noun: Token, sector: str) -> str | None:
    """A country phrase's own country; a community's home, else where the text places it ("Kurdish fighters
    in Syria"), else the country the passage is about, for armed groups its sentence's places first ("The
    Kurdish force that has led the war in Syria"; but "the Jewish Home party, which opposes a Palestinian
    state")."""
    if entry.kind != "community":
        return entry.code
    armed = sector in ARMED
    return entry.country or res.country_in(noun) or res.country_about(span.start, places=armed)


def _next_to(res: Resolution, span: Span, noun: Token) -> bool:
    return not any(s.start >= span.end and s.end <= noun.i for s in res.dictionary)


def _is_gpe(span: Span) -> bool:
    return any(t.ent_type_ in {"GPE", "NORP", "LOC"} for t in span)


def _stands_alone(span: Span) -> bool:
    """An ambiguous country name is the country where it stands alone, whatever label the NER guessed for it
    ("suspended Niger from"); "the Niger" and "Niger Delta" (a river), "Chad Smith" and "Michael Jordan" (people)
    are longer names or carry an article."""
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    after = doc[span.end] if span.end < len(doc) else None
    if span[0].ent_iob_ == "I" or (before is not None and (before.lower_ == "the" or before.pos_ == "PROPN")):
        return False
    return after is None or (after.pos_ != "PROPN" and after.ent_iob_ != "I")

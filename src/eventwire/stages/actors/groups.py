"""Groups named by what they are, not by name: "protesters", "the government", "police in central Cairo", "a
terror group", and organisations the dictionaries do not know ("the Justice Department", "Acme Corp").

A group belongs to the country the phrase places it in ("police in Cairo"), else to the country the passage
is about ("Kenya ... The government said"); with neither, armed groups, police, civilians and the
opposition are still actors, coded by their sector alone, as CAMEO codes actors of unknown nationality.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...lang import clause_verb, fold, latin, names_a_pair
from ...records import Actor
from ..places.resolve import country_of, region_countries, region_of
from .people import town_taken_for_name
from .phrases import FOLLOWERS, follower_fields, noun_sector
from .resolution import REACH, STANCE_PREFIXES, Resolution, acronym_after, actor_fields, stance_on

ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative", "attr"}
# sectors that make an actor even with no country ("Two lawmakers called for ...": LEG)
BARE_SECTORS = {"REB", "MIL", "COP", "CVL", "OPP", "CRM", "NGO", "LEG"}
BARE_UNDERGOERS = {"MED"}  # ... and those that do only as what is done to them: "attacked journalists" (not
# "reporters asked him": questions, not requests)
INDIVIDUALS = {"CVL", "CRM", "MED"}  # "a man", "the suspect", "a reporter": one person, whom "he"/"him" can name
COLLECTIVE = {"crowd", "mob", "family", "public", "population", "community", "diaspora", "press", "media", "medium"}
UNPLACED = {"NGO", "MED"}  # aid workers, charities and reporters: from anywhere, unless the text places them
DOMESTIC = {"COP", "CVL", "OPP", "REB", "MIL", "JUD", "EDU", "HLH", "REL", "CRM", "BUS", "PTY"}  # act at home
FOREIGN = {"foreign", "international", "world", "global", "western", "regional", "allied", "other"}
LEFT = {"det", "amod", "compound", "nummod", "quantmod", "nmod"}
# "stabbed several people" (not "many people think": opinion, no one in particular)
WHERE = {"in", "on", "at", "near"}  # prepositions after which an organisation's name may be a town's
QUANTITIES = {"several", "numerous", "multiple", "dozens", "hundreds", "thousands"}
PEOPLE = {"people", "person"}
REGION_BODIES = {"state", "province", "government"}  # "the state of Montana" is Montana's government
ORGANS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}  # a state's own bodies and forces
HOMELANDS = {"country", "nation", "homeland"}  # "his country": the state itself
HOME_BODIES = {"administration"}  # "the administration" in a White House text is the publisher's
CUSTODY = {"arrest", "detain", "jail", "imprison", "release", "free", "pardon", "sentence", "execute", "convict"}
CAPTIVES = {"hostage", "captive", "abductee"}  # held by others than their own state
STRANGERS = {"refugee", "migrant", "immigrant"}  # of the country they come from, not the one they are in
FROM = frozenset({"from"})
INSURGENTS = {"REB", "INS"}  # armed groups with a home country (Hamas: PSE), who act abroad as states do
AIMED_PREPS = {"against", "with", "by"}  # "a lawsuit against X", "talks with X", "sued by X"


def find_groups(res: Resolution) -> None:
    for token in res.doc:
        if token.lemma_.lower() in FOLLOWERS and token.i not in res.taken and _followers_of_someone(res, token):
            continue
        if (
            token.i in res.taken
            or not (
                token.pos_ == "NOUN"
                or (token.pos_ == "PROPN" and token.is_sent_start)  # "Rebels attacked"
                or _participle_as_noun(token)  # "arrested the accused"
            )
            or not (token.dep_ in ARGUMENTS or _owner(res, token))
            or any(c.i in res.taken for c in token.children)
        ):
            continue  # "Islamic State militants" are the Islamic State's
        if _of_their_homeland(token):
            continue  # placed by find_owned_groups
        if _of_an_organisation(res, token):
            continue  # "the leaders of the G7", "officials of the European Union": the organisation's people
        sector = noun_sector(res.k, token) if token.pos_ != "VERB" else res.k.sector_of(token.lower_)
        if sector is None or names_a_pair(token) or _predicated(token) or _a_power(token) or _a_stance(token):
            continue  # "the two leaders", "both leaders": two actors named before (the events stage reads them)
        held = token.lemma_.lower() in CAPTIVES  # "hostages held in Gaza" are not Gaza's
        if token.lemma_.lower() in STRANGERS:  # "refugees from Syria"; not "migrants in Dortmund" (nor the passage's)
            origin = res.country_in(token, FROM) or (res.country_in(token.head, FROM) if token.dep_ == "dobj" else None)
            _add_group(res, token, sector, origin, with_place=False)  # (or "took in refugees from Syria")
            continue
        placed = (
            (None if held else res.country_in(token))
            or _loyal_to(res, token)
            or _commanded_by(res, token, sector)
            or _included_in(res, token)
        )
        owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children)  # "their fighters"
        if (owned or (_needs_owner(res, token) and not _people_acted_on(res, token))) and placed is None:
            continue  # "a third party"; but "far-right groups in Germany", "his counterpart in Seoul" are placed
        antecedent = _antecedent(res, token) or _named_body(res, token)
        if antecedent is not None:  # "five Russian officials ... the officials": the same group
            res.add(_extent(res, token, with_place=False), antecedent, None)
            continue
        home = _home_state(res, token) if token.lemma_.lower() in HOME_BODIES else None
        country = (
            placed
            or home
            or _policed_by(res, token, sector)
            or _where_done_to(res, token, sector)
            or _legislature_country(res, token)
            or (
                res.body_country(
                    token.lemma_,
                    token.i,
                    sector in DOMESTIC,
                    _done_to_by_a_state(res, token, sector),
                    cities_here=not held,
                )
                if _of_the_passage(token, sector)
                else None
            )
        )
        if country is None and not (
            sector in BARE_SECTORS or (sector in BARE_UNDERGOERS and _undergoes(res, token, sector))
        ):
            continue
        _add_group(res, token, sector, country, with_place=placed is not None)


def _home_state(res: Resolution, token: Token) -> str | None:
    """Whose "the administration" is: the publishing state's, else that of the administration the text named by
    its leader, else the state of the leader the passage named last."""
    return res.publisher_state or _administration_named(res, token) or _led_by(res, token)


def _administration_named(res: Resolution, token: Token) -> str | None:
    """ "a standoff with the Trump administration ... the administration": the state of the last administration
    the text named by its leader."""
    named = [
        country
        for t in res.doc[: token.i]
        if t.lemma_.lower() == token.lemma_.lower()
        for c in t.children
        if c.dep_ in {"compound", "poss"} and (country := res.country_of_mention(c.i))
    ]
    return named[-1] if named else None


def _led_by(res: Resolution, token: Token) -> str | None:
    """The state of the head of state or government the passage named last as a subject, else last ("President
    Biden spoke with President Xi ... the administration imposed sanctions"): an administration is a leader's,
    not the state talked of most."""
    here = res.sentence_of[token.i]
    leaders = [
        (span.root.dep_ in {"nsubj", "nsubjpass"}, span.start, country)
        for span, key, _ in res.found
        if key[0] == "person" and span.end <= token.i and here - res.sentence_of[span.start] <= REACH
        if res.k.roles.leads(key[1], res.day) and (country := res.k.roles.standing(key[1], res.day).country)
    ]
    return max(leaders)[2] if leaders else None


def _legislature_country(res: Resolution, token: Token) -> str | None:
    """The country of a legislature an adjective names ("a congressional aide", "congressional leaders": of the
    states whose legislature is a congress, the passage's, else the first), also for one person of it, or whose
    members the noun names ("other senators": they sit where the senators the passage is about sit)."""
    word = next(
        (c.lemma_ for c in token.children if c.dep_ in {"amod", "compound"} and c.lemma_.lower() in res.k.legislatures),
        token.lemma_ if token.lemma_.lower() in res.k.legislatures else None,
    )
    return res.body_country(word, token.i) if word is not None else None


def _done_to_by_a_state(res: Resolution, token: Token, sector: str) -> frozenset:
    """The countries of the states and armed groups acting in a sentence where one acts on a group of people
    ("Russia began bombing rebels", "Hamas kidnapped women", "shelled a town held by rebels"): the group's
    country is not read off those acting, often abroad, but off the rest of the passage or the place named. A
    state's own bodies and forces ("opened new consulates", "deployed troops") and those in its custody
    ("Belarus released 18 prisoners") are left to the passage."""
    if sector in ORGANS:
        return frozenset()
    verb, agent = _done_by(token, {"xcomp", "conj"})
    held = verb is not None and verb.lemma_.lower() in CUSTODY and token.lemma_.lower() not in CAPTIVES
    if agent is None or _state_of(res, agent) is None or held:
        return frozenset()  # (but "Hamas released 24 hostages": those it held are not its own)
    return frozenset(filter(None, (_state_of(res, t) for t in token.sent if t.dep_ == "nsubj" or t == agent)))


def _policed_by(res: Resolution, token: Token, sector: str) -> str | None:
    """The country of the police acting on a group of people ("Hong Kong police fired pepper pellets to
    disperse protesters"): police act at home, on their own country's people."""
    if sector in ORGANS:
        return None
    _, agent = _done_by(token, {"xcomp", "conj", "advcl"})
    _, fields = res.found_at(agent.i) if agent is not None else (None, None)
    return fields["country"] if fields is not None and fields["sector"] == "COP" else None


def _where_done_to(res: Resolution, token: Token, sector: str) -> str | None:
    """The country of the place where a state's soldiers or an armed group act on a group of people ("Russian
    soldiers shot civilians in the streets of Mariupol"): the people are of that place, not of those acting."""
    if sector in ORGANS or token.dep_ not in {"dobj", "nsubjpass"} or not _done_to_by_a_state(res, token, sector):
        return None
    return res.country_in(token.head)


def _done_by(token: Token, through: set[str]) -> tuple[Token | None, Token | None]:
    """The verb that acts on a noun and its subject, up to three clauses of the kinds ``through`` above it
    ("began bombing rebels", "threatened to attack the fighters", "fired pellets to disperse protesters")."""
    while token.dep_ == "conj" and token.head != token:  # "kidnapped women, children and elderly people"
        token = token.head
    holder = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "agent" else None
    if holder is not None and holder.dep_ == "acl":
        token = holder.head  # "shelled a town held by rebels": the town is what is done to
    if token.dep_ in {"dobj", "dative"}:
        verb = token.head
    elif token.dep_ == "pobj" and token.head.head.pos_ == "VERB":
        verb = token.head.head  # "fired at protesters"
    elif token.dep_ == "pobj" and token.head.head.dep_ == "dobj":
        verb = token.head.head.head  # "provided aid to rebel factions"
    else:
        return None, None
    for _ in range(3):
        agent = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if agent is None and verb.dep_ == "xcomp":  # "requires the US to impose sanctions against officials"
            agent = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if agent is not None:
            return verb, agent
        if verb.dep_ not in through:
            return None, None
        verb = verb.head
    return None, None


def _state_of(res: Resolution, subject: Token) -> str | None:
    """The country of a subject that is a state, an armed organisation or a state's soldiers (Hamas, "Russian
    soldiers"; not "a gunman"), or of the owner of an unowned subject ("Russia's attack on Kyiv killed five")."""
    _, fields = res.found_at(subject.i)
    if fields is None:
        owner = next((c for c in subject.children if c.dep_ in {"poss", "amod"} and res.found_at(c.i)[1]), None)
        return _state_of(res, owner) if owner is not None else None
    kind, sector = fields["type"], fields["sector"]
    armed = (kind == "organisation" and sector in INSURGENTS) or (kind == "group" and sector == "MIL")
    state = kind == "country" or armed
    return fields["country"] if state else None


def _of_their_homeland(token: Token) -> bool:
    """ "the people of his country": a group whose state a pronoun names, known once pronouns are linked."""
    return any(
        home.lemma_.lower() in HOMELANDS and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in home.children)
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for home in prep.children
        if home.dep_ == "pobj"
    )


def _loyal_to(res: Resolution, token: Token) -> str | None:
    """ "troops loyal to Mr. Assad": the country of the one they are loyal to."""
    return next(
        (
            country
            for loyal in token.children
            if loyal.dep_ in {"amod", "acl"} and loyal.lemma_.lower() == "loyal"
            for prep in loyal.children
            if prep.dep_ == "prep" and prep.lower_ == "to"
            for leader in prep.children
            if leader.dep_ == "pobj" and (country := res.country_of_mention(leader.i))
        ),
        None,
    )


def _included_in(res: Resolution, token: Token) -> str | None:
    """ "all Libyans, including armed groups": the country of the people a list is part of (the parse may hang
    "including" on the verb: the verb's object before it)."""
    first = token
    while first.dep_ == "conj":  # "including armed groups and tribal elders"
        first = first.head
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ != "including":
        return None
    whole = prep.head
    if whole.pos_ in {"VERB", "AUX"}:
        objects = [o for c in whole.children if c.i < prep.i for o in (c, *c.children) if o.dep_ in {"dobj", "pobj"}]
        whole = objects[-1] if objects else None
    return res.country_of_mention(whole.i) if whole is not None else None


def _commanded_by(res: Resolution, token: Token, sector: str) -> str | None:
    """ "Putin ordered troops to attack Ukraine": the forces or body a leader orders to act are his state's."""
    from ..events.cues import cues  # here: the events stage imports this one

    verb = token.head
    if token.dep_ != "dobj" or sector not in ORGANS or verb.lemma_.lower() not in cues()["command"]:
        return None
    if not any(c.dep_ == "xcomp" for c in verb.children):
        return None
    return next(filter(None, (res.country_of_mention(c.i) for c in verb.children if c.dep_ == "nsubj")), None)


def _predicated(token: Token) -> bool:
    """ "labeled Soleimani as a terrorist", "worked as a spy": what someone is called or works as is no one else;
    "expressed opposition to the plan" (no article, no modifier): a stance, not the opposition."""
    prep = token.head
    if token.dep_ == "pobj" and prep.lower_ == "as" and prep.head.pos_ in {"VERB", "AUX"}:
        return True
    named = any(c.dep_ in {"det", "poss", "compound", "amod", "nmod"} for c in token.children)
    return token.lemma_.lower() == "opposition" and token.dep_ in {"dobj", "pobj"} and not named


def _a_power(token: Token) -> bool:
    """ "signed off on this authority", "under its authority": a power, not the authorities (nor "the port
    authority")."""
    bare = not any(c.dep_ in {"compound", "amod", "nmod"} for c in token.children)
    return token.lemma_.lower() == "authority" and token.tag_ == "NN" and token.is_lower and bare


def find_owned_groups(res: Resolution) -> None:
    """ "Chinese citizens criticized their government", "Russia said its army would withdraw", "Maduro said
    his government would ...": a group a pronoun owns belongs to the country of the actor the pronoun stands
    for, and "his country" is that country (run once pronouns are linked). Kin and other civilians a pronoun owns
    are people even where the owner's country is unknown ("the singer accused his wife")."""
    for token in res.doc:
        owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if owner is None or token.pos_ != "NOUN" or token.i in res.taken or token.dep_ not in ARGUMENTS | {"poss"}:
            continue
        if _a_stance(token):
            continue  # "Canada voiced its opposition to X"
        actor_id, sector = res.ew.actor_of_token.get(owner.i), noun_sector(res.k, token)
        if sector == "CVL" and (actor_id is None or res.by_id[actor_id].country is None):
            # "accused his wife": kin of no known country; "her husband, President X" is X, named
            named = any(c.dep_ == "appos" for c in token.children) or any(c.i in res.taken for c in token.lefts)
            if not named and not _needs_owner(res, token):
                placed = res.country_in(token)  # "her grandmother in the West Bank"
                _add_group(res, token, sector, placed, with_place=placed is not None)
            continue
        if actor_id is None:
            continue
        owner = res.by_id[actor_id]
        if owner.country is not None and token.lemma_.lower() in HOMELANDS:  # "since Russia invaded his country"
            name = res.k.country_names.get(owner.country, owner.country)
            res.add(
                res.doc[token.i : token.i + 1],
                ("country", owner.country),
                actor_fields(name, "country", country=owner.country),
            )
            group = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
            sector = noun_sector(res.k, group) if group is not None and group.i not in res.taken else None
            if sector is not None:  # "apologised to the people of his country"
                _add_group(res, group, sector, owner.country, with_place=True)
        elif owner.country is not None and sector is not None and not _own_organ(res, token, owner, sector):
            _add_group(res, token, sector, owner.country, with_place=False)


def _own_organ(res: Resolution, token: Token, owner: Actor, sector: str) -> bool:
    """ "Chile recalled its ambassador", "Russia deployed its army": a state's own organ that it acts with,
    the thing moved, not someone acted on (but "citizens criticized their government" is)."""
    verb = clause_verb(token)  # "withdrew some of its troops"
    doers = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    while not doers and verb.dep_ in {"xcomp", "conj"} and verb.head != verb:  # "has begun withdrawing its troops"
        verb = verb.head
        doers = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    subjects = {res.ew.actor_of_token.get(c.i) for c in doers}
    state = owner.type != "group" or owner.sector in ORGANS
    done_to = not any(token in d.subtree for d in doers)
    return done_to and owner.id in subjects and state and sector in ORGANS


def _add_group(res: Resolution, token: Token, sector: str, country: str | None, with_place: bool) -> None:
    """A group of a country (or of none) named by its noun: "the Kenyan police", "two journalists"."""
    mention = _extent(res, token, with_place=with_place)
    if sector in HELD and any(res.k.title_modifiers.get(c.lower_) == "former" for c in token.children):
        sector = "ELI"  # "three former presidents", "two former prime ministers of Britain": CAMEO's elites
    word = token.lower_ if token.pos_ == "VERB" else token.lemma_.lower()  # "the wounded", not "wound"
    name = f"{res.k.country_names.get(country, country)} {word}" if country else mention.text
    one = _individual(token, sector)  # "the man" is not the "five men" he attacked
    key = ("group", country, sector, word, *(("one",) if one else ()))
    new = token.dep_ not in {"appos", "attr"} and any(c.lower_ in {"a", "an", "another"} for c in token.children)
    if one and new and any(k == key for _, k, _ in res.found):
        key = (*key, token.i)  # "a man stabbed ... he injured a man": someone new (not "the attacker, a man")
    res.add(mention, key, actor_fields(name, "person" if one else "group", country=country, sector=sector))


def find_regions(res: Resolution) -> None:
    """A first-level region that acts or is aimed at stands for its government, as a capital does ("California
    sued the administration", "a lawsuit against the state of Montana"): the country's GOV, named for the region;
    a region as a place ("in Texas", "seized Crimea") or a qualifier ("Texas officials", placed by
    :func:`find_groups`) is none."""
    for ent in res.doc.ents:
        root = ent.root
        body = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None  # "the state of X"
        if body is not None and body.lemma_.lower() in REGION_BODIES:
            root = body
        acts = root.dep_ == "nsubj" or (root.dep_ == "pobj" and root.head.lower_ in AIMED_PREPS)  # not "seized X"
        if ent.label_ != "GPE" or not acts or res.phrase_at.get(ent.start) is not None or not res.free(ent):
            continue
        country = region_of(ent.text) or next(iter(sorted(region_countries(ent.text) & res.named_owners)), None)
        if country is not None:  # "Georgia sued ..." in a story naming the United States
            mention = res.doc[_extent(res, root, with_place=False).start : ent.end] if root != ent.root else ent
            if res.free(mention):
                fields = actor_fields(ent.text, "group", country=country, sector="GOV")
                res.add(mention, ("region", country, ent.text), fields)


def _undergoes(res: Resolution, token: Token, sector: str) -> bool:
    """Whether a noun of the sector itself ("journalists", not "social media followers") is what a verb or
    preposition is done to, not the one doing it nor the one spoken to ("told reporters")."""
    from ..quotes.lexicon import CUE_LEMMAS  # here: the quotes package imports this stage

    verb = token.head.head if token.dep_ == "pobj" else token.head
    return (
        res.k.sector_of(token.lemma_, token.text) == sector
        and token.dep_ in {"dobj", "nsubjpass", "pobj", "dative"}
        and not (token.dep_ == "pobj" and token.head.lower_ in AIMED_PREPS - {"against"})
        and verb.lemma_.lower() not in CUE_LEMMAS | {"speak", "talk"}
    )


def _people_acted_on(res: Resolution, token: Token) -> bool:
    """ "started attacking people", "police arrested people": people a verb acts on directly are someone, though
    "people think" and "a person familiar with" are no one."""
    return token.lemma_.lower() in PEOPLE and token.dep_ in {"dobj", "nsubjpass"} and _undergoes(res, token, "CVL")


def _individual(token: Token, sector: str) -> bool:
    """A singular noun of a civilian, a suspect or a reporter names one person ("police detained a man and
    questioned him"), not a body such as "the crowd"."""
    return token.tag_ == "NN" and sector in INDIVIDUALS and token.lemma_.lower() not in COLLECTIVE


def _antecedent(res: Resolution, token: Token) -> tuple | None:
    """The key of the group a definite plural names again ("the officials", "the protesters"): the last group
    of that noun in the sentences before, whatever country the passage is about now."""
    definite = any(c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in token.children)
    if not definite or token.tag_ != "NNS" or any(c.dep_ in {"amod", "compound", "prep"} for c in token.children):
        return None
    lemma = token.lemma_.lower()
    return _last_in_reach(res, token, lambda span, key: key[0] == "group" and key[3:4] == (lemma,))


def _named_body(res: Resolution, token: Token) -> tuple | None:
    """The named organisation a definite singular noun names again by its head: "the D.C. Circuit Court of
    Appeals ... the court", "the House Judiciary Committee ... the Committee" (the last one in reach)."""
    definite = any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in token.children)
    if not definite or token.tag_ not in {"NN", "NNP"} or any(c.dep_ in {"amod", "compound"} for c in token.children):
        return None
    lemma = token.lemma_.lower()
    return _last_in_reach(res, token, lambda span, key: key[0] == "org-name" and span.root.lemma_.lower() == lemma)


def _last_in_reach(res: Resolution, token: Token, fits) -> tuple | None:
    """The key of the last mention before the token, within reach, that ``fits(span, key)``."""
    here = res.sentence_of[token.i]
    earlier = [
        (span.start, key)
        for span, key, _ in res.found
        if span.end <= token.i and here - res.sentence_of[span.start] <= REACH and fits(span, key)
    ]
    return max(earlier)[1] if earlier else None


def _followers_of_someone(res: Resolution, token: Token) -> bool:
    """ "Trump supporters", "supporters of Trump": civilians of the country of the one they follow (not that
    person: "Supporters of Trump stormed the Capitol" was Trump's act)."""
    owners = [c for c in token.children if c.dep_ in {"compound", "poss"}] + [
        o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"
    ]
    country = next(filter(None, (res.country_of_mention(o.i) for o in owners if o.i in res.taken)), None)
    if country is None:
        return False  # "opposition supporters": a group like any other
    key = ("group", country, "CVL", token.lemma_.lower())
    res.add(res.doc[token.i : token.i + 1], key, follower_fields(res, token, country))
    return True


def _participle_as_noun(token: Token) -> bool:
    """A participle the parser left a verb where it names people: "the accused", "the wounded"."""
    return (
        token.tag_ == "VBN"
        and token.dep_ in ARGUMENTS
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        and not any(c.dep_ in {"dobj", "agent"} for c in token.children)
    )


def _of_an_organisation(res: Resolution, token: Token) -> bool:
    """Whether a group noun's "of" names an international organisation the text has found, whose people they
    are (CAMEO codes an organisation's officials by the organisation); not a school's students or a state's
    bodies ("students of Stoneman Douglas High School", "leaders of the Republican Party")."""
    return any(
        (fields := res.found_at(p.i)[1]) is not None
        and fields["type"] == "organisation"
        and fields["code"]
        and fields["country"] is None
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for p in prep.children
        if p.dep_ == "pobj"
    )


def _needs_owner(res: Resolution, token: Token) -> bool:
    """ "a third party", "the use of force", "people think": nouns that are actors only where a country or an
    organisation qualifies them, or where they are counted ("eight people were injured")."""
    lemma = token.lemma_.lower()
    before = token.doc[token.i - 1] if token.i else None
    if lemma not in res.k.owned or (before is not None and f"{before.lemma_.lower()} {lemma}" in res.k.sectors):
        return False
    counted = any(c.dep_ in {"nummod", "quantmod"} or c.lower_ in QUANTITIES for c in token.children) or (
        token.head.lower_ == "of" and token.head.head.like_num
    )
    return not counted


def _owner(res: Resolution, token: Token) -> bool:
    """A group that owns what its noun phrase qualifies: "a government ban", "the army's offensive" (not
    "government forces", a group itself); a plural noun before another names a topic ("the foreign agents law"),
    and so does a word for people before another ("refugee flows", "migrant crisis")."""
    compound = token.dep_ == "compound" and token.tag_ != "NNS" and noun_sector(res.k, token) not in INDIVIDUALS
    return (token.dep_ == "poss" or compound) and noun_sector(res.k, token.head) is None


def _of_the_passage(token: Token, sector: str) -> bool:
    """Whether a group may be of the country the passage is about: not "European leaders" or "foreign
    ministers" (of other countries), not aid workers or reporters, not "a senior diplomat" (of any)."""
    if sector in UNPLACED or any(
        c.dep_ in {"amod", "compound"}
        and (c.ent_type_ in {"NORP", "GPE", "LOC"} or c.lower_ in FOREIGN)
        and not _stance_word(c)  # "pro-Russian separatists" may be the passage's
        for c in token.children
    ):
        return False
    indefinite = any(c.dep_ == "det" and c.lower_ in {"a", "an", "another"} for c in token.children)
    return not (indefinite and sector not in DOMESTIC)


def _a_stance(token: Token) -> bool:
    """ "We express our strongest opposition to X": a stance someone takes, not the opposition as a body."""
    owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children)
    voiced = token.dep_ == "dobj" and token.head.lemma_.lower() in VOICING
    return token.lemma_.lower() in STANCES and (owned or voiced)


def _stance_word(token: Token) -> bool:
    """A word of "pro-Russian", "anti-American": what a group is for or against, not whose it is."""
    return token.lower_ in STANCE_PREFIXES or token.text == "-" or stance_on(token.doc[token.i : token.i + 1])


STANCES = {"opposition", "resistance"}  # nouns of a body that also name a stance ("our opposition to X")
VOICING = {"express", "voice", "reiterate", "register", "reaffirm", "signal", "state"}
HELD = {"GOV", "LEG", "JUD"}  # offices one may hold and leave: a former holder is of CAMEO's elite sector
INTERNATIONAL = {"international", "global", "world", "european", "african", "asian", "arab", "intergovernmental"}
GATHERINGS = {"summit", "games", "olympics", "festival", "expo"}  # "the Africa Climate Summit": an event, no body
MEETINGS = {"conference", "meeting", "session"}  # the same without an "of" ("Conference of Catholic Bishops")
INSTRUMENTS = {"treaty", "agreement", "accord", "pact", "protocol", "charter", "act"}  # "the INF Treaty": a text
CHAMBERS = {"representatives", "commons", "lords", "delegates", "councillors", "keys", "assembly"}  # "House of ..."


def find_unknown_organisations(res: Resolution) -> None:
    """Organisations the NER finds and the dictionaries do not know keep their name; a national body ("the
    Justice Department", "the Interior Ministry") is the country's, coded by its sector. An acronym in brackets
    after a name is that body's, also later ("the National Transportation Safety Board (NTSB) ... the NTSB")."""
    acronyms: dict[str, tuple] = {}
    for ent in res.doc.ents:
        inside_title = any(t.start <= ent.start and ent.end <= t.end for t in res.title_spans)
        if ent.label_ != "ORG" or inside_title or not res.free(ent) or not latin(ent.text):
            continue
        if ent[-1].tag_ == "POS":  # "the Committee’s"
            ent = ent[:-1]
        if not len(ent) or ent[0].lower_ in STANCE_PREFIXES or _pairing(res, ent):
            continue  # a possessive alone; "pro-Democracy protests": a stance, no body; "Non-NATO Allies": none
        if any(c.dep_ == "nummod" and c.ent_type_ in {"DATE", "TIME"} for c in ent.root.children):
            continue  # "at 1922 UTC": a time zone
        of = any(c.dep_ == "prep" and c.lower_ == "of" for c in ent.root.children)
        if ent.root.lemma_.lower() in GATHERINGS or (ent.root.lemma_.lower() in MEETINGS and not of):
            continue  # "hosting the Africa Climate Summit": a gathering, not a guest
        if ent.root.lemma_.lower() in INSTRUMENTS:
            continue  # "withdraw from the Intermediate-Range Nuclear Forces Treaty": a text, no party to it
        if town_taken_for_name(ent, WHERE) and noun_sector(res.k, ent.root) is None:
            continue  # "a meeting on Crete" (not "the Congress", "an investigation into Google": towns too)
        person = res.names.get(tuple(fold(t.text) for t in ent if t.pos_ != "DET"))
        if person is not None:  # "Don McGahn ... McGahn", a surname the NER took for an organisation
            res.add(ent, person, None)
            continue
        alone = len([t for t in ent if t.pos_ != "DET"]) == 1
        body = _named_body(res, ent.root) if alone else None
        if body is not None:  # "the House Judiciary Committee ... the Committee"
            res.add(ent, body, None)
            continue
        name = ent.text.removeprefix("the ").removeprefix("The ")
        key = acronyms.get(name, ("org-name", name))
        short = acronym_after(ent)
        if short is not None:
            acronyms[short] = key
        sector = noun_sector(res.k, ent.root) if not _other_house(res, ent) else None
        chamber = _chamber(res, ent)
        sector = "LEG" if sector and chamber else sector  # "the House Foreign Affairs Committee"
        international = next(t for t in ent if t.pos_ != "DET").lower_ in INTERNATIONAL
        listed = _listed_country(res, ent.root)
        home = _home_state(res, ent.root) if alone and ent.root.lower_ in HOME_BODIES else None
        country = (
            (
                home  # "the Administration" in a White House text
                or (None if listed and _place_beyond_list(ent.root) else res.country_in(ent.root))
                or listed
                or _named_after_place(ent)
                or _leader_country(res, ent)
                or res.body_country(chamber or ent.root.lemma_, ent.start)
            )
            if sector and not international
            else None
        )
        if country is not None:
            res.add(ent, key, actor_fields(name, "organisation", country=country, sector=sector))
        else:
            res.add(ent, key, actor_fields(name, "organisation"))


def _pairing(res: Resolution, ent: Span) -> bool:
    """ "Trump-Kim" of "the Trump-Kim summit": two names of people or states joined by a hyphen, no organisation
    (not "Coca-Cola")."""
    return (
        len(ent) == 3
        and ent[1].text == "-"
        and all(
            (fold(t.text),) in res.names or t.i in res.phrase_of or res.k.roles.by_family_name(t.text, res.day)
            for t in (ent[0], ent[2])
        )
    )


def _chamber(res: Resolution, ent: Span) -> str | None:
    """The legislature a body's name places it in: "the House Foreign Affairs Committee" is a committee of the
    House (the US House of Representatives, unless the passage is about another state with one)."""
    return next((t.lower_ for t in ent if t.lower_ in res.k.legislatures), None)


def _listed_country(res: Resolution, root: Token) -> str | None:
    """The country of the first body of a list a body is named in ("the Israel National Security Council, the
    Ministry of Health, the Ministry of Defense": Israel's ministries, even in a White House text)."""
    first = root
    while first.dep_ in {"conj", "appos"} and first.head != first:  # (the parse may read the list as apposed)
        first = first.head
    _, fields = res.found_at(first.i) if first is not root else (None, None)
    return fields["country"] if fields and fields.get("sector") in ORGANS else None


def _place_beyond_list(root: Token) -> bool:
    """Whether the place a body's phrase seems to name comes after the next body of its list, so belongs to a
    later one ("the Ministry of Health, ... and the Embassy of Israel in the United States")."""
    conjuncts = [c.i for c in root.children if c.dep_ == "conj"]
    places = [c.i for c in root.children if c.dep_ == "prep" and c.lower_ in {"in", "of", "from"}]
    return bool(conjuncts) and any(p > min(conjuncts) for p in places)


def _other_house(res: Resolution, name: Span) -> bool:
    """ "Terrace House", "the House of Mercy": a name ending in "House" that names no chamber, unlike "the House",
    "the House of Commons" or "the Ohio House" (the qualifiers, if any, a place or state)."""
    words = [t for t in name if t.pos_ != "DET"]
    if name.root.text != "House" or len(words) == 1:
        return False
    of = next((i for i, t in enumerate(words) if t.lower_ == "of"), None)
    if of is not None:
        return " ".join(t.lower_ for t in words[of + 1 :]) not in CHAMBERS
    before = [t for t in words if t.i < name.root.i]
    return not all(t.i in res.phrase_of or region_of(t.text) or t.ent_type_ == "GPE" for t in before)


def _named_after_place(name: Span) -> str | None:
    """ "the University of Calgary": the country of the city or region the name is of, which the gazetteer
    settles (a place inside a name is no place of its own)."""
    of = next((t for t in name if t.lower_ == "of"), None)
    return country_of(name.doc[of.i + 1 : name.end].text) if of is not None and of.i + 1 < name.end else None


def _leader_country(res: Resolution, name: Span) -> str | None:
    """ "the Biden-Harris Administration", "the Modi government": the country of a person the text names, whose
    name the body's name carries, else of the head of state or government the role table knows by that family
    name ("The Biden Administration announced ..." where the text names no Biden)."""
    parts = [part for token in name for part in token.text.split("-")]
    for part in parts:
        person = res.names.get((fold(part),))
        fields = res.fields_of(person) if person is not None else None
        if fields and fields.get("country"):
            return fields["country"]
    for part in parts:
        leader = res.k.roles.by_family_name(part, res.day) if part[:1].isupper() else None
        if leader is not None and res.k.roles.leads(leader, None):
            return res.k.roles.standing(leader, res.day).country
    return None


def _extent(res: Resolution, token: Token, with_place: bool) -> Span:
    """The group's noun phrase: its determiner and modifiers ("about 50 protesters"), and the phrase placing
    it ("police in central Cairo") where that gave the country."""
    left = token.i
    while (
        left > 0
        and (res.doc[left - 1].dep_ in LEFT or res.doc[left - 1].tag_ == "HYPH")  # "far-right groups"
        and res.doc[left - 1].head.i in {token.i, left}
        and left - 1 not in res.taken
    ):
        left -= 1
    if res.doc[left].tag_ == "HYPH" and left - 1 not in res.taken:  # "riot-clad cops": the word is whole
        left -= 1
    elif res.doc[left].tag_ == "HYPH":  # "Iran-backed militias": "Iran" is the backer's mention, the hyphen no one's
        left += 1
    right = token.i + 1
    preps = [c.right_edge.i for c in token.children if c.dep_ == "prep" and c.lower_ in {"in", "of", "from"}]
    if with_place and preps:  # not when a qualifier placed it ("Lagos police")
        edge = max(preps)
        if res.free(res.doc[right : edge + 1]):
            right = edge + 1
    return res.doc[left:right]

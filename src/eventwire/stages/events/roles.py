"""Roles: who did it and to whom, read from the dependency parse, with the noun phrase that says so.

A trigger's roles are first found as phrases (role, head token, dependency path): subjects, objects,
prepositional objects, passive agents, possessors of nominal events, adjective complements ("critical of
X"), the subject of the verb that carries a nominal event ("launched an attack"), the subject of the clause a
reduced participle serves ("China, through goods sent to Russia, ..."). Each phrase then resolves to the
actors the earlier stage linked to its tokens, with the character span of the whole noun phrase (PLOVER:
actor and recipient; eventwire keeps the older names source and target).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pycountry
from spacy.tokens import Doc, Span, Token

from ...lang import (
    PASSIVE_SUBJECTS,
    SUBJECTS,
    met_read_as_subject,
    misread_object,
    misread_subject,
    names_a_pair,
    object_gap,
    subject_read_as_object,
)
from ...records import Actor, Coded
from ..actors.groups import ORGANS
from ..actors.knowledge import knowledge
from ..actors.pronouns import transcript_turns
from ..places.resolve import country_of
from .anaphora import what_it_called
from .codebook import VIOLENT_ROOTS
from .cues import cues
from .modality import CONDITIONS, auxiliaries, conditional, infinitive, purposeful
from .triggers import (
    OBJECTS,
    RELATIVE_PRONOUNS,
    Match,
    apposed,
    defends_itself,
    framed,
    proper_name,
    someones,
    summing_up,
)

MODIFIERS = {"compound", "amod", "poss", "nmod", "pobj", "appos", "npadvmod"}  # npadvmod: "British-flagged"
EVENT_MODIFIERS = {"compound", "amod", "poss", "nmod", "pobj"}
TOPIC_ROOTS = {"03", "04", "06"}  # agreement, consultation, cooperation: "on X" is what they are about
STATES = {"country", "organisation"}
FORCEFUL_ROOTS = {"16", "17"} | VIOLENT_ROOTS  # sanctions, coercion and force: acts whose owner does them
PLURAL = {"they", "them", "their"}
PERSONAL_POSSESSIVES = {"his", "her"}  # a doer by his acts ("his visit"), not his things ("killed by his lions")
NOT_IN_PHRASE = {"conj", "cc", "appos", "preconj", "relcl"}  # each conjunct its own phrase; no clauses about it
ASIDE = {"–", "—", "("}  # what sets off an aside: "world powers – including the US and Russia – agreed"
BREAKS = {",", "(", ")", "—", "–", ";", ":", '"', "“", "”", "[", "]"}
NOMINAL_SUBJECTS = frozenset({"nsubj", "nsubjpass"})  # a clause's subject, active or passive
NOT_PLACES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}  # "in the spring" is no Spring, TX
CLIMB = {"xcomp", "conj", "advcl", "acomp", "oprd"}
AUXILIARIES = {"aux", "auxpass"}
ARMED = {"MIL", "REB", "INS"}  # whose weapons stand for them: "Russian missiles began exploding near Kyiv"
AID = "07"  # the CAMEO root of aid, which a recipient may be said to receive
REACTION_ROOTS = {"05", "11"}  # praise and disapproval: reactions to what others did
ASYLUM = "075"  # granting asylum: the host gives, whatever the verb (host, receive, accept, take in)
REASON_PREPS = {"at", "per", "upon", "on"}  # "at the request of X", "per request of X": why, not to whom
# CAMEO roots whose event nouns name their doer with "from": "criticism from the EU", "aid from Japan", "calls
# from the opposition" (not "withdrawal from Syria", "a march from the university": where someone comes from)
FROM_SOURCE_ROOTS = {"02", "03", "04", "05", "06", "07", "10", "11", "12", "16", "18", "19", "20"}
HEEDED_ROOTS = {"02", "10", "11", "13"}  # calls, demands, criticism and threats, which someone heeds or ignores
FILED = {"114", "115", "116"}  # complaints, lawsuits and verdicts: a court dismisses them, not their target
SANCTIONS = "16"  # "its Iran sanctions", "North Korea sanctions": the state named before sanctions is their target


@dataclass(frozen=True)
class Filler:
    """An actor filling a role, the character span of the phrase that names it, and how the parse found it."""

    actor: Actor
    span: tuple[int, int]
    via: str
    direct: bool = False  # the phrase's head itself names the actor ("to Haiti", not "to the Haitian border")


Phrase = tuple[str, Token, str]  # (role, head token, dependency path)


class RoleReader:
    """Reads the roles of triggers in one document; the document's actor index is built once."""

    def __init__(self, doc: Doc, ew: Coded, speech: frozenset[str], event_code=lambda token: None):
        self.doc, self.ew, self.speech, self.cues = doc, ew, speech, cues()
        self.relational = self.cues["relational"] | self.cues["predicate_noun"]  # "allies of X", "a critic of X"
        self.event_code = event_code  # the CAMEO code of the act a token names, if it names one
        self.actors = {a.id: a for a in ew.actors}
        self.mention: dict[int, tuple[int, int]] = {}
        for start, end, _ in ew.mention_spans:
            for i in range(start, end):
                self.mention[i] = (start, end)

    @cached_property
    def turns(self) -> list[Span]:
        """A transcript's turns ("PRESIDENT BIDEN: ..."), read once per document."""
        found = (self.doc.char_span(s, e, alignment_mode="expand") for s, e, _ in transcript_turns(self.doc.text))
        return [t for t in found if t is not None]

    @cached_property
    def joint_voice(self) -> list[Actor]:
        """Who "we" are in a joint text that says so once ("Today, we, the leaders of Australia, the United
        Kingdom, and the United States, mark ..."): its later "we" that names no one else are they."""
        said = (t for t in self.doc if t.lower_ == "we" and any(c.dep_ == "appos" for c in t.children))
        we = next(said, None)
        named = [a for a, _ in self.actors_in(we, we.head)] if we is not None else []
        return named if len(named) > 1 else []

    def actor_at(self, token: Token) -> Actor | None:
        actor_id = self.ew.actor_of_token.get(token.i)
        return self.actors.get(actor_id) if actor_id else None

    def _folded_partners(self, subject: Token) -> list[Token]:
        """Actors joined to a subject by "and" that the parse folded into its modifiers: "US President Donald
        Trump and Turkish President Recep Tayyip Erdoğan spoke" read with "Trump" inside Erdoğan's titles."""
        own = self.actor_at(subject)
        return [
            t
            for t in subject.subtree
            if t.i < subject.i
            and t.dep_ in {"appos", "compound", "nmod"}  # a name among the titles (not "In the Questionnaire and")
            and any(c.dep_ == "cc" and c.lower_ == "and" for c in t.children)
            and any(c.dep_ == "conj" and c.i > t.i for c in t.children)
            and (actor := self.actor_at(t)) is not None
            and actor is not own
            and actor.type in {"person", "country", "group", "organisation"}
        ]

    # -- phrases ---------------------------------------------------------------------------------------

    def phrases(self, match: Match) -> list[Phrase]:
        """The phrases that fill a trigger's roles."""
        trigger = match.token
        if (
            trigger.pos_ == "VERB"
            and match.rule.cameo.startswith(AID)
            and match.rule.cameo != ASYLUM  # "Germany accepted a million refugees": Germany gives refuge
            and trigger.lemma_.lower() in self.cues["receiving"]
        ):
            swap = {"source": "target", "target": "source"}  # "Ukraine received weapons from the US"
            roles = self._verb(trigger, match.carrier, match.theme, match.rule.particle)
            return [(swap.get(r, r), p, via) for r, p, via in roles if via != "acl^noun"]  # not "money received"
        if trigger.pos_ == "VERB":
            return self._verb(trigger, match.carrier, match.theme, match.rule.particle)
        if trigger.pos_ == "ADJ" or (trigger.dep_ == "attr" and trigger.lemma_.lower() in self.cues["predicate_noun"]):
            return self._adjective(trigger)  # "X was critical of Y", "X was an outspoken opponent of Y"
        taking = trigger.lemma_.lower() in self.cues["taking_from"]  # "the annexation of Crimea from Ukraine"
        return self._noun(trigger, match.rule.cameo[:2] in FROM_SOURCE_ROOTS and not taking)

    def subjects(self, token: Token) -> tuple[list[Token], bool]:
        """Subject phrases of a verb or adjective predicate and whether they are passive, climbing control
        verbs, conjoined verbs, copulas and "committed to ensuring"; a reduced participle's subject is the
        noun it modifies (active) or the clause it serves as an instrument (passive)."""
        current = token
        for _ in range(6):
            if met_read_as_subject(current):
                current = current.head  # "spoke with X to congratulate him"
                continue
            own = [
                c
                for t in [current, *(a for a in current.children if a.dep_ in AUXILIARIES)]  # "Hungary is"
                for c in t.children
                if c.dep_ in SUBJECTS or c.dep_ in PASSIVE_SUBJECTS
            ]
            # the parser took a name for a modal ("Theresa May confronted X") or a title opening the sentence for
            # an adverb ("Senator from Texas Ted Cruz criticized X")
            own = own or [
                a
                for a in current.children
                if a.dep_ == "aux" and (a.ent_type_ == "PERSON" or self.actor_at(a) is not None)  # "IGAD condemned"
            ]
            opening = [a for a in current.children if a.dep_ == "npadvmod" and a.i == a.sent.start]
            own = own or [a for a in opening if a.pos_ == "PROPN" and self.actor_at(a) is not None]
            own = own or [t for t in [misread_subject(current)] if t is not None and self.actor_at(t) is not None]
            own = own or subject_read_as_object(current)
            if _instrument_read_as_subject(current, own, self.cues["instrument_noun"]):
                current = current.head  # "signed an Executive Order designating the Houthis": the signer
                continue
            if own:
                own += [t for s in own for t in self._folded_partners(s)]
                passive = own[0].dep_ in PASSIVE_SUBJECTS and current.lemma_.lower() not in self.cues["stative"]
                resolved = [self._relative(current, s) for s in own]  # ("countries that support X, including Y")
                return self._members(current, resolved) or resolved, passive
            head = current.head
            controlled = head.dep_ == "dobj" and head.head.lemma_.lower() in self.cues["subject_control"]
            if current.dep_ == "acl" and controlled:
                current = head.head  # "took the opportunity to thank X": the one who took it thanks
                continue
            if current.dep_ == "acl" and infinitive(current) and head.lemma_.lower() in self.cues["possibility"]:
                owners = [c for c in head.children if c.dep_ == "poss"]  # "supports Israel's right to defend itself"
                given = [c for c in head.head.children if c.dep_ == "dative"] if head.dep_ == "dobj" else []
                if owners or given:  # "gives Israel an opportunity to strike": Israel
                    return owners or given, False
                if head.dep_ == "dobj":
                    current = head.head  # "Iran has the right to respond": Iran
                    continue
            owning = head.lemma_.lower() in self.cues["intention"] or head.lemma_.lower() in self.cues["undertaking"]
            if current.dep_ == "acl" and infinitive(current) and owning:  # "Trump's plans to visit", "efforts by X to"
                owners = [  # "Trump's plans to visit", "Chinese offers to buy"
                    c
                    for c in head.children
                    if c.dep_ in {"poss", "compound"} or (c.dep_ == "amod" and self.actor_at(c) is not None)
                ]
                by = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "by"]
                owners = owners or [p for c in by for p in c.children if p.dep_ == "pobj"]  # "efforts by X to"
                if owners:  # (also "Trump plans to visit", which the parser often reads as a noun)
                    return owners, False
                if head.dep_ == "dobj" and head.lemma_.lower() in self.cues["intention"]:
                    current = head.head  # "Russia announced plans to withdraw": Russia's plans (not "supports
                    continue  # efforts to reopen the crossing": others' efforts)
            if current.dep_ == "acl" and head != current:
                return self._participle_subjects(current), False
            if _imperative(current):
                break  # "She was 95, but ask anyone close to her": said to the reader, not done by her
            if current.dep_ == "xcomp" and not purposeful(head) and any(c.dep_ == "dobj" for c in head.children):
                return [c for c in head.children if c.dep_ == "dobj"], False  # "urged Iran to free": Iran
            paid = self._paid_to_act(current)
            if paid:
                return paid, False  # "paid bounties to the Taliban to kill American soldiers": the Taliban
            if current.dep_ == "advcl" and current.tag_ == "VBN" and not auxiliaries(current):
                return self.subjects(head)[0], True  # "When asked about Iran, Kerry said", "Backed by Russia, X"
            if _joined_to_passive_relative(current):
                verb = _governing_verb(head.head)  # "shaken by images of children who were killed and ordered
                return (self.subjects(verb)[0] if verb is not None else []), False  # the army to strike"
            if _participle_joined_to_present(current):
                break  # "stands with every American held hostage or detained abroad": the parse joined the
            if current.dep_ in CLIMB and head != current:  # participle to "stands"; the stander detains no one
                current = head
            elif current.dep_ == "pcomp" and head.dep_ == "prep":
                verb = head.head
                objects = [c for c in verb.children if c.dep_ == "dobj"]
                controls = head.lower_ in self.cues["object_control_prep"]  # not "after meeting X": the subject
                if objects and controls and verb.pos_ == "VERB" and verb.lemma_.lower() not in self.cues["joint"]:
                    return objects, False  # "accused the U.S. of accusing China": the U.S. accuses
                if objects and head.lower_ == "in" and verb.lemma_.lower() in self.cues["joint"]:
                    joined = [o for o in objects if self.actor_at(o) is not None]  # "Qatar joined the U.S. in
                    subjects, passive = self.subjects(verb)  # designating X": both designate (compound actor)
                    return (subjects + joined, passive) if subjects and not passive else (subjects, passive)
                current = head.head  # "committed to ensuring ...": the subject of "committed"
            elif current.dep_ == "pobj" and head.lower_ in self.cues["instrument_prep"] and head.head != head:
                current = head.head  # "X, through actions such as cutting off gas, ...": X's acts
            else:
                break
        return [], False

    def _paid_to_act(self, clause: Token) -> list[Token]:
        """Whom a verb of paying or giving enables to do the act its infinitive of purpose tells: the one given to
        ("gave money to Hamas to attack Israel", "paid the Taliban to kill"; not "sent troops to Syria to fight")."""
        verb = clause.head
        if clause.dep_ != "advcl" or not infinitive(clause) or verb.lemma_.lower() not in self.cues["paying"]:
            return []
        given = [p for c in verb.children if c.dep_ in {"dative", "prep"} and c.lower_ == "to" for p in c.children]
        given = given or [c for c in verb.children if c.dep_ in {"dative", "dobj"}]  # "paid Taliban fighters"
        return [p for p in given if p.dep_ in {"pobj", "dative", "dobj"} and self.actor_at(p) is not None][:1]

    def _members(self, verb: Token, subjects: list[Token]) -> list[Token]:
        """ "Several countries have delivered arms, including Britain and France", "African countries including
        Algeria and Morocco", "Asian states like China": the states a generic subject (or a bloc's) is said to
        include, wherever the parse hangs the "including" (on the verb, on its object, or on the object of the
        subject's relative clause: "Governments that still support Maduro, including Bolivia and Cuba")."""
        if not all(
            s.lemma_.lower() in self.cues["states_noun"] and (_no_state(self.actor_at(s)) or _bare_plural(s))
            for s in subjects
        ):
            return []
        clauses = [c for s in subjects for c in s.children if c.dep_ == "relcl"]
        holders = [verb, *(c for v in [verb, *clauses] for c in v.children if c.dep_ in {"dobj", "nsubj"})]
        return [
            p
            for h in holders
            for prep in h.children
            if prep.dep_ == "prep" and prep.lower_ in {"including", "like"}
            for p in prep.children
            if p.dep_ == "pobj" and (a := self.actor_at(p)) is not None and a.type in STATES
        ]

    def passive(self, verb: Token) -> bool:
        """Whether the verb is passive, alone or as a conjunct of a passive ("was arrested and banned"); "is
        committed to" and "is opposed to" describe their subject and are not."""
        if verb.lemma_.lower() in self.cues["stative"]:
            return False
        if verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(c.dep_ == "aux" for c in verb.children):
            return True  # "Asked if the attack was planned, Psaki said ...": she was asked
        if verb.tag_ == "VBN" and verb.dep_ == "conj" and verb.head.lemma_ == "be" and not _clause_of_its_own(verb):
            return True  # "Syrians are refugees or displaced": a participle beside the copula is undergone
        if verb.tag_ == "VBN" and verb.dep_ in {"xcomp", "oprd"} and verb.head != verb and self.passive(verb.head):
            return True  # "twenty people were confirmed killed": they were killed
        if self._causer(verb) is not None:
            return True  # "tried to have X released": X is released
        if verb.tag_ == "VBN" and verb.dep_ == "acomp" and any(c.dep_ == "agent" for c in verb.children):
            return True  # "she was date-raped by X": the parse took the participle for an adjective
        if verb.tag_ == "VBN" and verb.dep_ == "acomp" and verb.head.lemma_ == "be" and verb.head.tag_ == "VBN":
            return True  # "Russia has been very heavily sanctioned": the adverbs made it an adjective
        while True:
            if any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children):
                return True
            if verb.dep_ == "oprd" and verb.pos_ == "ADJ" and verb.head != verb:
                verb = verb.head  # "was rescued alive and flown to Moscow": the parse hangs "flown" on "alive"
                continue
            if (
                verb.dep_ != "conj"
                or verb.tag_ != "VBN"
                or verb.head == verb
                or any(c.dep_ in SUBJECTS for c in verb.children)
            ):
                return False
            verb = verb.head

    def _causer(self, verb: Token) -> Token | None:
        """The causative verb that governs a participle done to its subject or noun: "had X released", "got him
        arrested", "had two activists detained" (the parse may hang the participle on the noun)."""
        plain = verb.lower_ == verb.lemma_.lower()  # "had them beat": an idiom, not a participle
        if verb.tag_ != "VBN" or plain or any(c.dep_ in {"aux", "auxpass"} for c in verb.children) or verb.head == verb:
            return None
        head = verb.head.head if verb.dep_ == "acl" and verb.head.dep_ == "dobj" else verb.head
        complement = verb.dep_ in {"ccomp", "xcomp"} or head is not verb.head
        return head if complement and head.lemma_.lower() in self.cues["causative"] else None

    def _a_state(self, token: Token) -> bool:
        """Whether a phrase names a state or one of its organs (government, forces, courts, legislature)."""
        actor = self.actor_at(token)
        return actor is not None and (actor.type == "country" or actor.sector in ORGANS)

    def _relative(self, verb: Token, subject: Token) -> Token:
        """ "the militia, which attacked the town": the relative pronoun stands for the noun (not for a pronoun:
        "Russia and those who support it" names no one who supports; nor where the clause has a subject of its
        own: "fighters which, the statement said, European nations have refused to repatriate")."""
        relative = subject.lower_ in self.cues["relative"] and verb.dep_ == "relcl"
        own = any(c.dep_ == "nsubj" and c.lower_ not in self.cues["relative"] for c in verb.children)
        if not relative or own or verb.head.pos_ in {"PRON", "DET"}:
            return subject
        conjuncts = [c for c in verb.head.conjuncts if c.i < verb.i]
        singular = any(t.tag_ == "VBZ" for t in [verb, *verb.children] if t.dep_ in {"aux", "auxpass", "relcl"})
        return max(conjuncts, key=lambda c: c.i) if conjuncts and singular else verb.head  # "the US and Russia,
        # which has been providing air cover": Russia alone

    def _participle_subjects(self, verb: Token) -> list[Token]:
        noun = verb.head
        if verb.tag_ == "VBG" and noun.dep_ == "dobj" and noun.lemma_.lower() in self.cues["instrument_noun"]:
            return self.subjects(noun.head)[0] or [noun]  # "signed an Executive Order imposing sanctions": the signer
        if verb.tag_ == "VBG":
            return [noun]  # "troops attacking Kyiv"
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if agents:
            return agents
        instrument = noun.dep_ == "pobj" and noun.head.lower_ in self.cues["instrument_prep"]
        if instrument and noun.head.head != noun and self.actor_at(noun) is None:
            return self.subjects(noun.head.head)[0]  # "China, through goods sent to Russia, is helping" (not
        return []  # "stands with every American detained abroad": the detained are no means)

    def _label(self, verb: Token, obj: Token) -> bool:
        """The name a verb gives an actor it names ("called the government a U.S. puppet": the government is
        called so, not the United States; but "calling it an exercise of authority by the Obama administration")."""
        return obj.dep_ == "oprd" and any(c.dep_ == "dobj" and self.actor_at(c) is not None for c in verb.children)

    def _doers(self, trigger: Token) -> list[Token]:
        """A verb's subjects, but not what burst ("the Capitol building exploding in a fireball": not who set it
        off; a force's weapons are the force, though: "Russian missiles began exploding near Kyiv")."""
        subjects, _ = self.subjects(trigger)
        if trigger.lemma_.lower() in self.cues["bursting"] and not any(c.dep_ == "dobj" for c in trigger.children):
            return [s for s in subjects if (a := self.actor_at(s)) is not None and a.sector in ARMED]
        return subjects

    def _verb(
        self, trigger: Token, carrier: Token | None, theme: bool = False, particle: str | None = None
    ) -> list[Phrase]:
        roles: list[Phrase] = []
        subjects = self._doers(trigger)
        passive = self.passive(trigger)
        for subject in subjects:
            via = subject.dep_ if subject.head == trigger else f"{trigger.dep_}^{subject.dep_}"
            roles.append(("target" if passive else "source", subject, via))
        agents = [c for c in trigger.children if c.dep_ == "agent"]
        if passive and not agents:  # "was arrested and banned by the police": the agent is shared, but not back
            own = any(c.i > trigger.i and c.dep_ not in {"cc", "conj", "punct"} for c in trigger.children)
            agents = [  # over the first verb's own phrases ("brokered between X and Y and approved by Z")
                c for v in trigger.conjuncts if not (own and v.i > trigger.i) for c in v.children if c.dep_ == "agent"
            ][:1]
        for agent in agents:
            roles.extend(self._objects_of(agent, "source", "agent"))
        if passive and not agents:  # "was condemned in a joint statement by Egypt and Greece": its authors
            roles.extend(self._authors(trigger) or self._agents_of_the_as(trigger))
        # "Belarus had two activists detained": a state that has it done does it ("the parents tried to have X
        # released" ask those who release; "had his life support withdrawn" undergoes it)
        causer = self._causer(trigger) if passive and not agents else None
        undergoers = [r[1] for r in roles if r[0] == "target"] + ([trigger.head] if trigger.dep_ == "acl" else [])
        own = any(c.dep_ == "poss" for u in undergoers for c in u.children)
        if causer is not None and not own:
            roles.extend(
                ("source", s, f"{trigger.dep_}^{s.dep_}") for s in self.subjects(causer)[0] if self._a_state(s)
            )
        for child in trigger.children:
            if child.dep_ == "dative" and child.pos_ == "ADP":  # "sent to Russia"
                roles.extend(self._objects_of(child, "target", "dative"))
            elif child.dep_ in OBJECTS and not _after_complement(trigger, child) and not self._label(trigger, child):
                roles.extend(self._object(trigger, child, carrier, theme))
            elif (
                child.dep_ == "prep"
                and child.lower_ == particle
                and particle not in self.cues["locative_prep"]
                and not self._recipient_of_object(trigger, child)  # "objected to the arms sale to Taiwan": the sale's
            ):
                roles.extend(self._objects_of(child, "target", "particle"))  # "fired at X", "protested to X"
            elif child.dep_ == "prep" and child.lower_ in {"by", "as"} and not passive and _has_object(trigger):
                roles.extend(self._object_doers(child))  # "criticized drills by X": X's drills
            elif child.dep_ == "prep" and child.lower_ in self.cues["reciprocal_prep"] and self._mutual(trigger):
                roles.extend(self._objects_of(child, "reciprocal", "prep"))  # "Fighting between X and Y continued"
            elif child.dep_ == "prep" and not self._recipient_of_object(trigger, child):
                roles.extend(self._prep(child, "prep"))
        roles.extend(self._what_it_called(trigger))
        misread = misread_object(trigger) if not passive else None
        if misread is not None:  # "killed top Iranian general Qassem Soleimani, militants have ..."
            roles.extend(self._object(trigger, misread, carrier, theme))
        if not any(c.dep_ in OBJECTS for c in trigger.children):  # "destroy and obliterate the economy"
            for verb in (c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i == trigger.i + 2):
                roles.extend(
                    r for o in verb.children if o.dep_ == "dobj" for r in self._object(trigger, o, carrier, theme)
                )
            if trigger.dep_ == "conj" and trigger.head.pos_ == "VERB":  # "surrounded and threatened X": the parse
                roles.extend(  # hangs X on the first verb
                    r
                    for o in trigger.head.children
                    if o.dep_ == "dobj" and o.i > trigger.i
                    for r in self._object(trigger, o, carrier, theme)
                )
        if any(role == "target" for role, _, _ in roles):
            roles.extend(("target", t, "list") for t in _listed(trigger))
        if trigger.dep_ == "acl" and trigger.tag_ == "VBN":
            # "civilians killed by the militia"; but "North Korean shells sent to Russia" are North Korea's
            owner = theme and carrier == trigger.head and not agents
            roles.append(("source" if owner else "target", trigger.head, "acl^noun"))
        if trigger.dep_ == "amod" and trigger.tag_ == "VBN":
            roles.append(("target", trigger.head, "amod^noun"))  # "Iran-backed militias", "detained journalists"
        if trigger.dep_ == "relcl" and any(
            c.dep_ == "dobj" and c.lower_ in self.cues["relative"]
            for c in [*trigger.children, *(g for x in trigger.children if x.dep_ == "xcomp" for g in x.children)]
        ):  # "the tanker that Iran seized", "hostages whom Hamas threatened to execute"
            roles.append(("target", trigger.head, "relcl^dobj"))
        elif object_gap(trigger):
            roles.append(("target", trigger.head, "relcl^object"))  # "the drone it seized": the drone is the object
        if carrier is not None and carrier.pos_ in {"NOUN", "PROPN"} and carrier.head != trigger:
            launching = trigger.lemma_.lower() in self.cues["launching"]  # "dozens of drones from Iraq": whence
            roles.extend(self._preps_of(carrier, f"{carrier.dep_}>prep", launching))
        if trigger.lemma_.lower() in self.cues["responding"]:  # "if X attacks, Y will respond": X
            roles.extend(
                ("target", s, "advcl^if")
                for c in trigger.children
                if c.dep_ == "advcl" and conditional(c)
                for s in self.subjects(c)[0]
            )
        if (
            any(role == "target" and via.endswith(":to>pobj") for role, _, via in roles)
            and trigger.lemma_.lower() in self.cues["transfer"]
        ):
            roles = [r for r in roles if r[2] != "dobj"]  # "extradited a Russian to the US": the US receives
        return roles

    def _object(self, trigger: Token, child: Token, carrier: Token | None, theme: bool) -> list[Phrase]:
        """The object of a verb and what hangs on it: the object is the target unless it is the thing given
        or moved ("withdrew its troops"); a carried object's recipient ("offered troops to X"); where the
        object is ("struck a depot in Russia", "imposed a curfew in X")."""
        roles: list[Phrase] = []
        vehicle = carrier is not None and carrier.head.head == child and self._carrying(carrier.head)
        topic = trigger.lemma_.lower() in self.cues["topic_verb"]  # "discussed the commitment of the US"
        carried = carrier is not None and self._holds(child, carrier)
        if not (theme and carried) and not vehicle and not topic:
            roles.append(("target", child, child.dep_))
        if topic and not any(c.dep_ == "poss" for c in child.children):  # ... but "discussed the war with X": the
            # parse often hangs the counterpart on the topic (not "discussed Argentina's talks with the IMF": its own)
            roles.extend(
                p
                for c in child.children
                if c.dep_ == "prep" and c.lower_ == "with"
                for p in self._objects_of(c, "target", f"{child.dep_}>prep")
            )
        if carried:  # "offered troops to X", "fired missiles at X"; not "condemned the attack on X"
            launching = trigger.lemma_.lower() in self.cues["launching"]
            roles.extend(self._preps_of(child, f"{child.dep_}>prep", launching, self.event_code(trigger)))
            roles.extend(  # "sent a delegation led by X to Washington": the parse hangs "to" on the participle
                p
                for acl in child.children
                if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.lemma_.lower() in self.cues["heading"]
                for c in acl.children
                if c.dep_ == "prep"
                and c.lower_ == "to"
                and not any(x.dep_ == "prep" and x.lower_ == "to" for x in trigger.children)
                for p in self._objects_of(c, "target", f"{child.dep_}>acl>prep")
            )
        if vehicle:  # "dispatched a ship carrying supplies to X"
            roles.extend(self._preps_of(carrier.head, "acl>carry"))
        roles.extend(self._harmed(child))  # "launched an airstrike that killed X"
        for aiming in (c for c in child.children if c.dep_ == "acl" and c.lemma_.lower() in self.cues["aiming"]):
            roles.extend(("target", o, "acl>aim") for o in aiming.children if o.dep_ == "dobj")  # "missiles
            roles.extend(  # "drones aimed at Kyiv" (not "troops in Iraqi bases": where they are)
                p
                for c in aiming.children
                if c.dep_ == "prep" and c.lower_ in self.cues["target_prep"] | {"at"}
                for p in self._objects_of(c, "target", "acl>aim")
            )
        for prep in (c for c in child.children if c.dep_ == "prep"):
            if prep.lower_ in self.cues["locative_prep"]:
                roles.extend(self._objects_of(prep, "locative", f"{child.dep_}>prep"))
            elif prep.lower_ in self.cues["proximity_prep"]:
                roles.extend(self._objects_of(prep, "proximate", f"{child.dep_}>prep"))
        return roles

    def _harmed(self, noun: Token) -> list[Phrase]:
        """Whom an act harmed that a relative clause tells: "a strike that killed X" (X is the target)."""
        return [
            ("target", o, "relcl>harm")
            for harm in noun.children
            if harm.dep_ == "relcl"
            and harm.lemma_.lower() in self.cues["harm"]
            and any(s.dep_ == "nsubj" and s.tag_ == "WDT" for s in harm.children)
            for o in harm.children
            if o.dep_ == "dobj"
        ]

    def _holds(self, phrase: Token, carrier: Token) -> bool:
        """Whether the phrase is the carried object: the carrier itself, the noun it qualifies ("artillery
        rounds"), or the quantity that holds it ("hundreds of thousands of artillery rounds")."""
        held = [phrase, *framed([phrase], self.cues["quantity"] | {"one"})]
        return carrier in held or (carrier.dep_ == "compound" and carrier.head in held)

    def _authors(self, verb: Token) -> list[Phrase]:
        """Who wrote or said the words a passive act is done in ("in a statement by X", "in X's letter")."""
        words = [
            p
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ in {"in", "through", "via"}
            for p in prep.children
            if p.dep_ == "pobj" and p.lemma_.lower() in self.cues["statement_noun"]
        ]
        authors = [("source", c, "in>poss") for w in words for c in w.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        return authors + [
            r
            for w in words
            for prep in w.children
            if prep.dep_ == "prep" and prep.lower_ in {"by", "from"}
            for r in self._objects_of(prep, "source", "in>by")
        ]

    def _recipient_of_object(self, verb: Token, prep: Token) -> bool:
        """Whether a "to" on a verb of reaction names the recipient of the act its object names ("condemned
        the U.S. arms sale to Taiwan", "welcomed the delivery of aid to Gaza"), not of the reaction."""
        root = (self.event_code(verb) or "")[:2]
        if prep.lower_ != "to" or root not in REACTION_ROOTS:
            return False
        objects = [o for o in verb.children if o.dep_ == "dobj"]
        objects += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        return any(  # (not the reaction's own noun: "lodged objections to X")
            o.i < prep.i and o.pos_ == "NOUN" and (self.event_code(o) or root)[:2] != root for o in objects
        )

    def _what_it_called(self, verb: Token) -> list[Phrase]:
        """The object a verb has in "condemned what it called Japan's provocations" (Japan's), "denounced what
        it called interference by Washington" (the parse hangs the "by" on "called")."""
        named = what_it_called(verb) if not any(c.dep_ in OBJECTS for c in verb.children) else None
        if named is None:
            return []
        return [("target", named, "ccomp>what-called")] + [
            r
            for by in named.head.children
            if by.dep_ == "prep" and by.lower_ == "by" and by.i > named.i
            for r in self._objects_of(by, "target", "what-called>by")
        ]

    def _agents_of_the_as(self, verb: Token) -> list[Phrase]:
        """The agent of a passive the parse hangs on the noun of its "as" phrase ("was recognised as interim
        president by the US and the UK", "was designated as a terrorist group by Canada")."""
        return [
            r
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ == "as"
            for noun in prep.children
            if noun.dep_ == "pobj"
            for by in noun.children
            if by.dep_ == "prep" and by.lower_ == "by"
            for r in self._objects_of(by, "source", "as>by")
        ]

    def _carrying(self, verb: Token) -> bool:
        """ "A ship carrying supplies": a vehicle whose cargo is what is sent."""
        return verb.dep_ == "acl" and verb.lemma_.lower() in self.cues["carrying"]

    def _adjective(self, trigger: Token) -> list[Phrase]:
        """ "X has been critical of Y", "X is opposed to Y": the subject is the source, never the target."""
        subjects, _ = self.subjects(trigger.head if trigger.dep_ == "attr" else trigger)
        roles: list[Phrase] = [("source", s, f"{trigger.dep_}^{s.dep_}") for s in subjects]
        for child in trigger.children:
            if child.dep_ == "prep" and child.lower_ in self.cues["adjective_prep"]:
                roles.extend(self._objects_of(child, "target", "prep"))
        return roles

    def _noun(self, trigger: Token, from_source: bool) -> list[Phrase]:
        roles: list[Phrase] = []
        of = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"]
        if trigger.lemma_.lower() in self.cues["reason_noun"] and trigger.head.lower_ in REASON_PREPS:
            # "French troops left Niger at the request of the junta", "at the Iraqi government's request": the
            # junta, the government asked the troops
            roles.extend(p for prep in of for p in self._objects_of(prep, "source", "at>prep"))
            roles.extend(("source", c, "at>poss") for c in trigger.children if c.dep_ == "poss" and c.pos_ != "PRON")
            verb = trigger.head.head
            roles.extend(("target", s, f"at^{s.dep_}") for s in self.subjects(verb)[0] if verb.pos_ in {"VERB", "AUX"})
            return roles
        roles.extend(self._heeded_by(trigger))
        # "tariffs on steel from Canada": after what is restricted, "from" names where it comes from
        on = self._restricts(trigger) and any(c.dep_ == "prep" and c.lower_ == "on" for c in trigger.children)
        harmer = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.dep_ == "agent" else None
        if harmer is not None and harmer.lemma_.lower() in self.cues["harm"]:  # "Iran was hit by U.S. sanctions"
            roles.extend(("target", s, "agent^nsubjpass") for s in harmer.children if s.dep_ == "nsubjpass")
        if trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() in self.cues["harm"]:  # "U.S. sanctions hit Iran"
            roles.extend(("target", o, "nsubj^dobj") for o in trigger.head.children if o.dep_ == "dobj")
        roles.extend(self._harmed(trigger))
        if _defended_against(trigger):  # "Ukraine defended itself against Russian attacks": Ukraine
            roles.extend(("target", s, "against^nsubj") for s in self.subjects(trigger.head.head)[0])
        defence = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "against" else None
        if defence is not None and defence.lemma_.lower() in self.cues["defence_noun"]:  # "its self-defense
            roles.extend(("target", o, "against^poss") for o in defence.children if o.dep_ == "poss")  # against X"
        owned = any(c.dep_ == "poss" for c in trigger.children)
        for child in trigger.children:
            if self._scene(trigger, child):
                continue  # "the Benghazi attack", "the Florida shooting": where it happened, not who did it
            if owned and child.dep_ in {"compound", "amod"} and child.pos_ == "NOUN" and child.is_lower:
                continue  # "its new military offensive": the kind of act, its owner the doer
            if self._brokered(trigger, child):
                continue  # "the UN-led truce", "a Qatar-mediated deal": the mediator, not a party
            owner = child.pos_ != "PRON" or self._visitor(child) or self._doer(child)
            if child.dep_ in {"poss", "amod", "compound", "nmod"} and owner:
                roles.append(("target" if self._undergoer_of(trigger, child) else "source", child, child.dep_))
            elif child.dep_ == "prep" and (child.lower_ == "by" or (child.lower_ == "from" and from_source and not on)):
                roles.extend(self._objects_of(child, "source", "prep"))
            elif child.dep_ == "prep" and child.lower_ in self.cues["reciprocal_prep"]:
                if self._mutual(trigger):  # "talks between X and Y"; not "another attack among voters"
                    roles.extend(self._objects_of(child, "reciprocal", "prep"))
            elif child.dep_ == "prep":
                roles.extend(self._prep(child, "prep"))
        verb = trigger.head
        holder = verb if trigger.dep_ == "dobj" else verb.head if trigger.dep_ == "pobj" else None
        if holder is not None:  # "condemned the U.S. arms sale to Taiwan": the parse hangs "to" on the verb
            roles.extend(
                r
                for c in holder.children
                if c.dep_ == "prep" and c.i > trigger.i and self._recipient_of_object(holder, c)
                for r in self._objects_of(c, "target", "dobj^prep")
            )
        if (
            from_source
            and trigger.dep_ == "dobj"
            and verb.lemma_.lower() in self.cues["undergo"] | self.cues["receiving"]
        ):
            roles.extend(  # "Israel drew criticism from France": the parse hangs "from" on the verb
                r
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ == "from" and c.i > trigger.i
                for r in self._objects_of(c, "source", "prep")
            )
        # "the invasion of Ukraine": "of" names the target; "the visit of Xi to Serbia": with another target
        # and no other source, it names the source
        for pobj in (p for prep in of for p in prep.children if p.dep_ == "pobj"):
            for child in pobj.children:  # the parse often hangs "to Serbia" on "Xi", not on "visit"
                if child.dep_ == "prep" and child.lower_ in self.cues["target_prep"]:
                    roles.extend(self._objects_of(child, "target", "prep"))
        has_source = any(role in {"source", "reciprocal"} for role, _, _ in roles)
        has_target = any(role == "target" for role, _, _ in roles)
        mover = trigger.lemma_.lower() in self.cues["mover_noun"]
        # "won the support of X", "secured the commitment of X" (not "secured the release of X")
        got = self._got(trigger) and (self.event_code(trigger) or "")[:2] in {"03", "05"}
        author = (
            got or trigger.lemma_.lower() in self.cues["author_noun"]
        )  # "the request of X" (not "his request of X")
        patient = trigger.lemma_.lower() in self.cues["patient_noun"]  # "the release of hostages from Gaza"
        of_role = "source" if mover or (not has_source and not patient and (has_target or author)) else "target"
        for prep in of:
            roles.extend(self._objects_of(prep, of_role, "prep"))
            if mover:  # "a withdrawal of U.S. troops in Syria": the troops withdraw, from Syria
                for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                    places = [c for c in pobj.children if c.dep_ == "prep" and c.lower_ in {"in", "from"}]
                    roles.extend(r for place in places for r in self._objects_of(place, "target", "prep"))
        if not any(role in {"source", "reciprocal"} for role, _, _ in roles):
            roles.extend(("source", c, "conj^poss") for c in self._listed_owners(trigger))
        return roles

    def _heeded_by(self, noun: Token) -> list[Phrase]:
        """The one a call, demand, criticism or threat was made to, who heeds, ignores or rejects it: "China
        failed to heed U.S. calls", "dismissed criticism from Germany", "complied with the demands"."""
        verb = noun.head
        if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in {"with", "to", "off"}:
            verb = verb.head  # "complied with the demands", "brushed off criticism"
        elif noun.dep_ != "dobj":
            return []
        code = self.event_code(noun) or ""
        if verb.lemma_.lower() not in self.cues["heeding"] or code[:2] not in HEEDED_ROOTS or code[:3] in FILED:
            return []
        return [("target", s, "heed^nsubj") for s in self.subjects(verb)[0]]

    def _listed_owners(self, noun: Token) -> list[Token]:
        """The owner of the first of listed acts, who did them all: "Russia's invasion and occupation of Crimea",
        "Belarus's diversion of the flight and arrest of the journalist"."""
        first = noun
        while first.dep_ == "conj" and first.head.pos_ == "NOUN":
            first = first.head
        if first is noun or self.event_code(first) is None:
            return []
        return [c for c in first.children if c.dep_ == "poss" and (c.pos_ != "PRON" or self._doer(c))]

    def _scene(self, noun: Token, child: Token) -> bool:
        """Whether a place below the level of a state names where a violent act noun happened: a city or region
        before it ("the Benghazi attack", "the El Paso shooting"); a state before it may be the attacker ("Russian
        strikes", "the Russia strikes")."""
        actor = self.actor_at(child)
        violent = (self.event_code(noun) or "")[:2] in VIOLENT_ROOTS
        place = child.ent_type_ in {"GPE", "LOC", "FAC"} or (  # the tagger may take a town for a body
            actor is not None and actor.code is None and country_of(child.text) is not None
        )
        return violent and child.dep_ == "compound" and place and (actor is None or actor.type != "country")

    def _mutual(self, trigger: Token) -> bool:
        """Whether a trigger names an act its actors do together (reciprocal_code: talks, fighting), not one done
        between others ("brokered a deal between X and Y": mediate_code, see :meth:`parties`)."""
        code = self.event_code(trigger) or ""
        return not self.cues.codes("mediate_code", code) and self.cues.codes("reciprocal_code", code)

    def _restricts(self, trigger: Token) -> bool:
        """Whether a trigger restricts goods or travel (sanctions, bans), whose origin or destination is aimed at."""
        return self.cues.codes("restrictive_code", self.event_code(trigger) or "")

    def _undergoer_of(self, noun: Token, owner: Token) -> bool:
        """ "President Trump's impeachment by the House", "Khashoggi's killing", "the Davis murder": a person who
        owns or names an act that is done to people undergoes it (not "Russia's invasion of Ukraine", nor "the
        arrest of X by Y"); a state named before an investigation is investigated ("the Russia investigation";
        but "a French inquiry", "the FBI investigation" investigate), and one named before sanctions or a
        withdrawal is their target where someone else owns them ("its Iran sanctions", "Trump's Syria withdrawal"),
        and one named before a hack is hacked ("the DNC hack"). A state named in full before sanctions that
        someone else imposes is their target ("the House approved Turkey sanctions"); one abbreviated, or the
        only one named, imposes them ("U.S. sanctions", "the subject of United States sanctions").
        """
        actor = self.actor_at(owner)
        if actor is None:
            return False
        code = self.event_code(noun) or ""
        if owner.dep_ == "compound" and noun.lemma_.lower() in self.cues["breach_noun"]:
            return True  # "the DNC hack", "the OPM breach": the one hacked
        territorial = noun.lemma_.lower() in self.cues["territorial_noun"] and not _abbreviated(owner)
        if territorial and owner.dep_ == "compound" and not any(c.lower_ == "of" for c in noun.children):
            return True  # "the Iraq invasion" (not "the U.S. invasion", "the Russia invasion of Ukraine")
        if owner.dep_ == "compound" and actor.type == "country":
            if code.startswith("09"):
                return True
            if code.startswith(SANCTIONS) and any(c.dep_ == "poss" for c in noun.children):
                return True  # "its Iran sanctions"
            if code.startswith(SANCTIONS) and not _abbreviated(owner) and self._imposed(noun):
                return True  # "the EU adopted new Russia sanctions" (but "U.S. sanctions", "United States sanctions")
            if noun.lemma_.lower() in self.cues["mover_noun"]:
                return any(c.dep_ == "poss" for c in noun.children)  # "Trump's Syria withdrawal"
        return (
            owner.dep_ in {"poss", "compound"}  # "Khashoggi's killing", "the Davis murder"
            and noun.lemma_.lower() in self.cues["patient_noun"]
            and actor.type == "person"
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
        )

    def _imposed(self, noun: Token) -> bool:
        """Whether someone else is said to impose an event noun: the subject of its light verb, or a "by"."""
        verb = self.carrier_verb(noun)
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS] if verb is not None else []
        return bool(subjects) or any(c.dep_ == "prep" and c.lower_ == "by" for c in noun.children)

    def _visitor(self, pronoun: Token) -> bool:
        """ "during his visit to the UK": a person's meeting, call or visit is theirs ("its commitments", "their
        alliance" name no act of anyone's)."""
        code = self.event_code(pronoun.head) or ""
        return pronoun.lower_ in PERSONAL_POSSESSIVES and code.startswith("04") and self.actor_at(pronoun) is not None

    def _doer(self, pronoun: Token) -> bool:
        """ "for its strikes on Ukrainian cities", "their sanctions on Iran hurt": the state or group that owns an
        act of force, coercion or sanction does it (not "their imprisonment": one undergone; nor a person's "his
        attacks", most often words; nor an object: "will lower its tariffs" is the verb's act)."""
        noun, code = pronoun.head, self.event_code(pronoun.head) or ""
        if noun.dep_ in {"dobj", "nsubjpass"}:
            return False  # "will lower its tariffs", "lifted its sanctions": the verb's act, with its own subject
        undergone = noun.lemma_.lower() in self.cues["patient_noun"]
        owner = pronoun.dep_ == "poss" and pronoun.lower_ in {"its", "their"} and self.actor_at(pronoun) is not None
        return owner and code[:2] in FORCEFUL_ROOTS and not undergone

    def received(self, phrases: list[Phrase], trigger: Token) -> list[Phrase]:
        """ "The extradition of X to the US", "approved the deployment of X to Haiti": with a recipient, what
        a transfer noun's "of" names is what is moved, not the target."""
        if trigger.lemma_.lower() not in self.cues["transfer"] or not any(
            role == "target" and ":to>" in via for role, _, via in phrases
        ):
            return phrases
        return [p for p in phrases if not (p[0] == "target" and p[2] == "prep:of>pobj")]

    def carrying_verb(self, trigger: Token) -> list[Phrase]:
        """The source (and recipient) of a nominal event from the verb that carries it: "Russia launched an
        attack on X", "renewed negotiations with X", "launched a mediation effort"."""
        noun = self._framed(trigger)
        verb = self.carrier_verb(trigger)
        if verb is None:
            return []
        subjects, passive = self.subjects(verb)
        roles: list[Phrase] = [] if passive else [("source", s, f"{noun.dep_}^{s.dep_}") for s in subjects]
        for child in verb.children:
            if child.dep_ == "prep" or (child.dep_ == "dative" and child.pos_ == "ADP"):
                roles.extend(self._prep(child, f"{noun.dep_}^prep"))
            elif child.dep_ == "dative" and noun.dep_ == "dobj":  # "gave Putin a warning"
                roles.append(("target", child, "dobj^dative"))
        if noun != trigger:
            roles.extend(self._preps_of(noun, "frame>prep"))
        return roles

    def _framed(self, noun: Token) -> Token:
        """The noun phrase an event noun heads or is framed by ("a mediation effort", "a new round of talks")."""
        if noun.dep_ in {"compound", "amod"} and noun.head.lemma_.lower() in self.cues["event_frame"]:
            return noun.head
        frames = self.cues["event_frame"] | self.cues["quantity"] | {"one"}  # "one of its heaviest waves of strikes"
        for _ in range(2):  # "a package of sanctions", "$2 billion in military aid"
            if noun.dep_ == "pobj" and noun.head.lower_ in {"of", "in"} and noun.head.head.lemma_.lower() in frames:
                noun = noun.head.head
        return noun

    def carrier_verb(self, trigger: Token) -> Token | None:
        """The verb that carries an event noun: a light verb whose object it is ("launched an attack"), a
        light verb it is the "in" of ("took part in exercises"), a verb it is the instrument of ("responded
        with airstrikes")."""
        noun = self._framed(trigger)
        head = noun.head
        if noun.dep_ in OBJECTS:
            return head if head.lemma_.lower() in self.cues["light"] else None
        if noun.dep_ != "pobj" or head.head == head:
            return None
        verb = head.head
        if verb.pos_ == "VERB" and (
            head.lower_ in {"through", "via"}
            or (head.lower_ == "with" and verb.lemma_.lower() in self.cues["responding"])
        ):
            return verb
        if head.lower_ == "in" and verb.dep_ in OBJECTS:
            verb = verb.head  # "took part in"
        carries = verb.lemma_.lower() in self.cues["light"] - self.cues["transfer"]  # not "in X, it sent letters"
        return verb if head.lower_ == "in" and carries else None

    def _object_doers(self, prep: Token) -> list[Phrase]:
        """Who did what the object names, in a "by" the parse hangs on the verb ("criticized drills by X") or
        inside its "as" ("attacked the recognition of X as Israeli territory by Trump"): the target."""
        if prep.lower_ == "by":
            return self._objects_of(prep, "target", "dobj")
        return [
            phrase
            for p in prep.children
            if p.dep_ == "pobj"
            for by in p.children
            if by.dep_ == "prep" and by.lower_ == "by"
            for phrase in self._objects_of(by, "target", "dobj")
        ]

    def _prep(self, prep: Token, via: str) -> list[Phrase]:
        """A prepositional phrase of a trigger: a recipient ("to X") or a place that stands for one ("in X");
        "out of X" is "from X"."""
        out_of = prep.lower_ == "out" and any(c.dep_ == "prep" and c.lower_ == "of" for c in prep.children)
        word = "from" if out_of else prep.lower_
        if word == "from" and prep.head.lemma_.lower() in self.cues["transfer"]:
            return []  # "sent troops from Belarus": where they came from, not who received them
        if word == "on" and any(self._medium(p) for p in prep.children if p.dep_ == "pobj"):
            return []  # "praised the endorsement on Twitter": where it was said
        verb = prep.head
        code = self.event_code(verb) or (self.event_code(verb.head) if verb.dep_ in {"xcomp", "ccomp"} else None)
        if word == "on" and (code or "")[:2] in TOPIC_ROOTS:
            return []  # "agreed to coordinate on Iran", "held talks on North Korea": the topic, not a party
        if word == "from" and (code or "")[:2] in VIOLENT_ROOTS | {"15"} and self._launched_from(verb):
            return [  # "launched drones from Syria", "attacked north from Baghdad": where they came from; but
                r  # "fired missiles from Crimea at Odesa" (the parse hangs "at" on Crimea): at Odesa
                for p in prep.children
                if p.dep_ == "pobj"
                for c in p.children
                if c.dep_ == "prep" and c.lower_ in self.cues["aimed_prep"]
                for r in self._objects_of(c, "aimed", via)
            ]
        posted = prep.i > 0 and prep.doc[prep.i - 1].lemma_.lower() in self.cues["posting_noun"]
        if word == "to" and posted and prep.head.lemma_.lower() not in self.cues["transfer"]:
            return []  # "met the UN envoy to Yemen" (the parse hangs "to Yemen" on the verb): part of the title
        if word == "to" and prep.head.lemma_.lower() in self.cues["destination"] and _has_object(prep.head):
            return self._objects_of(prep, "locative", via)  # "deported thousands of Ukrainians to Russia"
        sender = prep.head
        sending = self.cues["destination"] | self.cues["freeing"]  # "expelled from Canada", "released from Russia"
        if word == "from" and sender.lemma_.lower() in sending and self.passive(sender):
            states = [
                p for p in prep.children if p.dep_ == "pobj" and getattr(self.actor_at(p), "type", "") == "country"
            ]
            if states and not any(c.dep_ == "agent" for c in sender.children):
                return self._objects_of(prep, "source", via)  # "diplomats were expelled from Canada": by Canada
        disapproval = word in self.cues["complaint_prep"] and (self.event_code(prep.head) or "")[:2] == "11"
        if word in self.cues["target_prep"] or prep.dep_ == "dative" or disapproval:
            return self._objects_of(prep, "target", via)
        if word in self.cues["locative_prep"]:
            return self._objects_of(prep, "locative", via)
        if word in self.cues["proximity_prep"]:
            return self._objects_of(prep, "proximate", via)  # "drills around Taiwan"
        if word in self.cues["aimed_prep"]:
            return self._objects_of(prep, "aimed", via)  # "threw stones at police"; not "killed X at the airport"
        return []

    def _launched_from(self, verb: Token) -> bool:
        """Whether a violent verb's "from" is where the act came from: a launch, or an attack on actors or on no
        one named ("attacked north from Baghdad"; not "attacked the proposal from France", the proposal's)."""
        struck = [c for c in verb.children if c.dep_ == "dobj"]
        return verb.lemma_.lower() in self.cues["launching"] or all(self.actor_at(c) is not None for c in struck)

    def _medium(self, noun: Token) -> bool:
        """A platform or programme: "Twitter", "television program Morning Joe", "social media"."""
        words = [noun, *(c for c in noun.children if c.dep_ in {"compound", "amod"})]
        return (
            any(w.lower_ in self.cues["medium"] for w in words)
            or " ".join(w.lower_ for w in words[::-1]) in self.cues["medium"]
        )

    def _preps_of(self, noun: Token, via: str, aimed: bool = False, code: str | None = None) -> list[Phrase]:
        """Recipients hanging on an object ("provided weapons, training and funding to Hamas"), also where the
        parse hangs them on what the object is for ("placed the blame for the war on Moscow"); with ``aimed``,
        what a carried object is aimed "at" ("fired missiles at Israel"); ``code``: the act the object carries."""
        preps = (self.cues["target_prep"] | {"at"}) - {"from"} if aimed else self.cues["target_prep"]  # from: whence
        if (self.event_code(noun) or code or "")[:2] in TOPIC_ROOTS:
            preps = preps - {"on"}  # "held talks on North Korea": the topic (see _prep)
        nouns = [noun, *noun.conjuncts]
        nouns += [p for n in nouns for c in n.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children]
        return [
            p
            for n in nouns
            if not _foreign_envoy(n, self.cues["posting_noun"])  # "expelled the Canadian ambassador to Riyadh"
            for c in n.children
            if c.dep_ == "prep" and c.lower_ in preps
            for p in self._objects_of(c, "target", via)
        ]

    @staticmethod
    def _objects_of(prep: Token, role: str, via: str) -> list[Phrase]:
        """The objects of a preposition; "with officials saying ...", "with the aim of ..." are circumstances, not
        participants; "met with X of Italy to deepen ...", which the parse reads as X deepening, is a meeting
        with X."""
        objects = [
            (role, p, f"{via}:{prep.lower_}>pobj")
            for p in prep.children
            if p.dep_ == "pobj"
            and not (prep.lower_ == "with" and any(c.dep_ == "acl" and c.tag_ == "VBG" for c in p.children))
            and not (prep.lower_ == "with" and p.lemma_.lower() in cues()["with_circumstance"])
        ]
        if not objects and prep.lower_ == "with":
            clauses = [c for c in prep.children if c.dep_ == "pcomp" and infinitive(c)]
            objects = [(role, s, f"{via}:with>pcomp^nsubj") for c in clauses for s in c.children if s.dep_ == "nsubj"]
        if not objects and prep.lower_ == "out":  # "pulled out of Iran"
            objects = [
                (role, p, f"{via}:out>of>pobj")
                for of in prep.children
                if of.dep_ == "prep" and of.lower_ == "of"
                for p in of.children
                if p.dep_ == "pobj"
            ]
        if not objects and prep.lower_ == "against":  # "voted against confirming him": him; "against sending
            for act in (c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"):  # troops to X": X
                to = [p for c in act.children if c.dep_ in {"prep", "dative"} and c.lower_ == "to" for p in c.children]
                objects += [
                    (role, o, f"{via}:against>pcomp>{o.dep_}")
                    for o in to or [o for o in act.children if o.dep_ == "dobj"]
                    if o.dep_ in {"pobj", "dobj"}
                ]
        return objects

    # -- actors and spans ------------------------------------------------------------------------------

    def fill(self, phrases: list[Phrase], trigger: Token) -> dict[str, list[Filler]]:
        """The actors of each role, in order, each once per role."""
        filled: dict[str, list[Filler]] = {}
        for role, phrase, via in phrases:
            if phrase.lemma_.lower() in self.cues["reason_noun"] and phrase.head.lower_ in REASON_PREPS:
                continue  # "at the request of X", "at the invitation of X": not the recipient
            for actor, span in self.actors_in(phrase, trigger, doer=role in {"source", "reciprocal"}):
                fillers = filled.setdefault(role, [])
                if all(f.actor is not actor for f in fillers):
                    direct = self.actor_at(phrase) is actor
                    fillers.append(Filler(actor, span, f"{role} {via} {phrase.text!r}", direct))
        return filled

    def places(
        self, phrases: list[Phrase], trigger: Token, kinds: tuple[str, ...] = ("locative",), nested: bool = False
    ) -> list[Filler]:
        """The actors that places stand for ("a curfew in Somalia", "arrived in Kyiv", "drills around Taiwan"):
        the state of the place the places stage found, as an actor of the document (added if the text names it
        only as a place). ``kinds``: the roles of the phrases to read (``locative``, ``proximate``, ``target``,
        ``aimed``); ``nested``: also a place inside the phrase ("fired missiles at targets near Kyiv")."""
        found: list[Filler] = []
        for role, phrase, via in phrases:
            if role not in kinds:
                continue
            beyond = [  # "troops massed along its border with Georgia": the state across it
                p
                for c in phrase.children
                if phrase.lemma_.lower() in self.cues["border_noun"] and c.dep_ == "prep" and c.lower_ == "with"
                for p in c.children
                if p.dep_ == "pobj"
            ]
            named = [  # the phrase's own actor, or a state among its modifiers ("in Somalia's capital"; not
                (a, span)  # "involvement in the disappearance of the journalist": no place, no journalist)
                for t in beyond or [phrase]
                for a, span in self.actors_in(t, trigger)
                if a.code and (a.type == "country" or self.actor_at(t) is a)
            ] or [
                (a, span)
                for t in [
                    phrase,
                    *phrase.conjuncts,
                    *(c for c in phrase.children if c.dep_ == "poss" and c.ent_type_ in {"GPE", "LOC"}),  # "the Gaza
                    # Strip's border regions" (not "St. Patrick's Day celebrations")
                    *(self._placed_in(phrase) if nested else []),
                ]
                if (found_place := self._state_of_place(t) or self._state_of_named_place(t))
                for a, span in [found_place]
            ]
            found += [
                Filler(a, span, f"place {via} {phrase.text!r}")
                for a, span in named
                if all(f.actor is not a for f in found)
            ]
        return found

    def stance(self, trigger: Token, against: bool) -> list[Filler]:
        """Whom an act is done for or against, named by a stance phrase: "rallied in support of X", "went on
        strike in protest against X"; ``against``: only the latter (whom a protest is for is not its recipient)."""
        words = self.cues["stance_against"] | (frozenset() if against else self.cues["stance_for"])
        return self._fillers(
            trigger,
            (
                (pobj, f"in {noun.lemma_} {inner.lower_}")
                for prep in trigger.children
                if prep.dep_ == "prep" and prep.lower_ == "in"
                for noun in prep.children
                if noun.dep_ == "pobj" and noun.lemma_.lower() in words
                for inner in noun.children
                if inner.dep_ == "prep" and inner.lower_ in {"of", "with", "against", "for"}
                for pobj in inner.children
                if pobj.dep_ == "pobj"
            ),
        )

    def former_holder(self, trigger: Token) -> list[Filler]:
        """From whom land is taken back: the one who took it, in a clause on the object ("reclaimed the
        territory that Russia seized": Russia)."""
        land = [c for c in trigger.children if c.dep_ == "dobj"]
        return self._fillers(
            trigger,
            (
                (subject, "held>nsubj")
                for obj in land + framed(land, self.cues["portion"])  # "more than half of the territory"
                for clause in obj.children
                if clause.dep_ == "relcl" and clause.lemma_.lower() in self.cues["taking"]
                for subject in clause.children
                if subject.dep_ == "nsubj"
            ),
        )

    def retaker(self, trigger: Token) -> list[Filler]:
        """From whom land was taken: the one taking it back ("reclaimed the territory that Russia seized":
        Ukraine, the subject of "reclaimed")."""
        land = trigger.head if trigger.dep_ == "relcl" else None
        if land is not None and land.dep_ == "pobj" and land.head.head.lemma_.lower() in self.cues["portion"]:
            land = land.head.head  # "retook half of the territory that Russia seized"
        verb = land.head if land is not None and land.dep_ == "dobj" else None
        if verb is None or verb.lemma_.lower() not in self.cues["retaking"]:
            return []
        subjects, passive = self.subjects(verb)  # also of "has won the battle of Kyiv, reclaimed ..."
        return [] if passive else self._fillers(trigger, ((s, "retaken>nsubj") for s in subjects))

    def parties(self, trigger: Token, nested: bool = False) -> list[Filler]:
        """The parties to what a reaction is about: "denounced the agreement between Turkey and Libya"; with
        ``nested``, anywhere in the object or on the verb and its complement ("mediated an end to the conflict
        between Israel and Egypt", "offered to mediate between Russia and Ukraine")."""
        verbs = (
            [trigger, *(c for c in trigger.children if c.dep_ in {"xcomp", "advcl"} and infinitive(c))]
            if nested
            else []
        )
        objects = [c for c in trigger.children if c.dep_ == "dobj"]
        if nested and trigger.dep_ == "relcl" and not objects:
            objects.append(trigger.head)  # "a deal it brokered to normalize relations between Sudan and Israel"
        return self._fillers(
            trigger,
            (
                (pobj, f"{obj.dep_}>{prep.lower_}")
                for obj in [*objects, *verbs]
                for prep in (obj.subtree if obj in objects and nested else obj.children)
                if prep.dep_ == "prep" and prep.lower_ in self.cues["reciprocal_prep"]
                for pobj in prep.children
                if pobj.dep_ == "pobj"
            ),
        )

    def deal_makers(self, trigger: Token) -> list[Filler]:
        """Who made the deal a mediator brokered: the subjects of the clause it belongs to ("Saudi Arabia and Iran
        agreed to restore relations, in a deal brokered by China"; "Israel and Hamas signed a deal mediated by
        Qatar")."""
        if trigger.dep_ != "acl" or trigger.tag_ != "VBN":
            return []
        noun = trigger.head  # (not "Under the deal brokered by X, Israeli forces are to withdraw": one side)
        verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "in" else None
        verb = noun.head if noun.dep_ == "dobj" else verb
        if verb is None or verb.pos_ not in {"VERB", "AUX"}:
            return []
        subjects, _ = self.subjects(verb)
        return self._fillers(trigger, ((s, "deal^nsubj") for s in subjects))

    def addressees(self, trigger: Token) -> list[Filler]:
        """Who is asked in "called for NATO members to increase spending": the subject of the "for ... to" clause."""
        return self._clause_subjects(trigger, [trigger], {"advcl", "ccomp", "xcomp"}, {"for"}, {"nsubj"}, "for")

    def written_to(self, trigger: Token) -> list[Filler]:
        """Who a letter or call asking something is sent to: "have written to HHS asking ...", "sent a letter to
        Boehner demanding ..."."""
        if trigger.tag_ != "VBG" or trigger.dep_ not in {"advcl", "acl"}:
            return []
        holders = [trigger.head, *([trigger.head.head] if trigger.head.pos_ == "NOUN" else [])]
        return self._fillers(
            trigger,
            (
                (p, "to>pobj")
                for h in holders
                for prep in h.children
                if prep.dep_ in {"prep", "dative"} and prep.lower_ == "to"
                for p in prep.children
                if p.dep_ == "pobj"
            ),
        )

    def messaged(self, trigger: Token) -> list[Filler]:
        """Whom a phrase summing up the act calls its addressee: "threatened to halt trade with countries buying
        Iranian oil, a veiled warning to India", "moved troops to the border, in a signal to Kyiv"."""
        return self._fillers(
            trigger,
            (
                (pobj, "summed>to")
                for noun in trigger.sent
                if noun.i > trigger.i and summing_up(noun)
                for prep in noun.children
                if prep.dep_ == "prep" and prep.lower_ == "to"
                for pobj in prep.children
                if pobj.dep_ == "pobj"
            ),
        )

    def complement_subjects(self, trigger: Token) -> list[Filler]:
        """The subject of the trigger's complement clause: whom an allegation is about ("alleged Iran had armed
        the rebels", "alleged that the government is hiding figures"), whom help goes to ("helped Ukraine
        rebuild")."""
        return self._clause_subjects(trigger, [trigger], {"ccomp", "xcomp"})

    def warned(self, trigger: Token) -> list[Filler]:
        """Who is warned by a threat with a condition: the one whose conduct the condition names ("threatened to
        close the border if Mexico did not stop migration": Mexico; PLOVER manual, THREATEN: coercive warnings)."""
        verbs = [trigger, *(c for c in trigger.children if c.dep_ in {"xcomp", "ccomp"})]
        return self._clause_subjects(trigger, verbs, {"advcl"}, CONDITIONS, via="if")

    def _clause_subjects(
        self,
        trigger: Token,
        verbs: list[Token],
        deps: set[str],
        marks: set[str] | frozenset[str] | None = None,
        subjects: frozenset[str] | set[str] = NOMINAL_SUBJECTS,
        via: str | None = None,
    ) -> list[Filler]:
        """The subjects of the clauses of ``deps`` on ``verbs`` (introduced by one of ``marks`` where given)."""
        return self._fillers(
            trigger,
            (
                (subject, f"{via or clause.dep_}>nsubj")
                for verb in verbs
                for clause in verb.children
                if clause.dep_ in deps
                and (marks is None or any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children))
                for subject in clause.children
                if subject.dep_ in subjects
            ),
        )

    def undergoer(self, trigger: Token, verbs: frozenset[str] | None = None) -> list[Filler]:
        """Who an act named by a noun falls on when the clause says so of its subject: "Turkey is under EU
        sanctions", "Iran faces new sanctions", "the airline has been the subject of US sanctions" (only through
        ``verbs``, when given)."""
        verb = trigger
        while verb.dep_ in {"pobj", "dobj", "attr"} and verb.head != verb:
            verb = verb.head
            if verb.dep_ == "prep":
                verb = verb.head
            if verb.pos_ == "NOUN" and verb.lemma_.lower() in self.cues["undergo"]:
                continue  # "the subject of sanctions", "a target of attacks"
            break
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in (verbs or self.cues["undergo"]):
            return []
        return self._fillers(trigger, ((s, "undergoes") for s in verb.children if s.dep_ in {"nsubj", "nsubjpass"}))

    def answering(self, trigger: Token) -> list[Filler]:
        """Whom criticism, demands or an invitation are aimed at when a clause is done in spite or because of
        them: its subject ("Israel expanded the settlements despite criticism from the EU", "cancelled the visit
        under pressure from Saudi Arabia", "the team came following an invitation from the government")."""
        prep = trigger.head if trigger.dep_ == "pobj" else None
        if prep is None or prep.lower_ not in self.cues["answering_prep"] or prep.head.pos_ not in {"VERB", "AUX"}:
            return []
        return self._fillers(trigger, ((s, f"{prep.lower_}^nsubj") for s in self.subjects(prep.head)[0]))

    def receiver(self, trigger: Token) -> list[Filler]:
        """Who gets what an event noun gives when it is the object of getting: "Accepting the NRA's endorsement,
        Trump warned ...", "won the support of Germany": the one accepting or winning."""
        if not self._got(trigger):
            return []
        verb = trigger.head
        subjects = self.subjects(verb)[0] or (self.subjects(verb.head)[0] if verb.dep_ == "advcl" else [])
        return self._fillers(trigger, ((s, "got^nsubj") for s in subjects))

    def _got(self, noun: Token) -> bool:
        """Whether a noun is the object of a verb of getting ("received", "accepted", "won", "secured")."""
        return noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.cues["receiving"]

    def _brokered(self, trigger: Token, child: Token) -> bool:
        """Whether a modifier names who brought an agreement or truce about ("UN-brokered"), not who made it."""
        code = self.event_code(trigger) or ""
        return (
            child.dep_ == "amod"
            and child.tag_ == "VBN"
            and child.lemma_.lower() in self.cues["brokering"]
            and code[:2] in {"03", "05", "08"}  # (but "AU-led talks" are the AU's mediation)
        )

    def credited(self, trigger: Token) -> list[Filler]:
        """Whose deeds thanks are for: "grateful for Oman's efforts", "expressed gratitude for the work of the
        UN envoy" (the owner of what the thanks are for)."""
        holders = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
        deeds = [
            p
            for h in holders
            for prep in h.children
            if prep.dep_ == "prep" and prep.lower_ == "for"
            for p in prep.children
            if p.dep_ == "pobj"
        ]
        return self._fillers(
            trigger,
            (
                (owner, "for>owner")
                for deed in deeds
                for c in deed.children
                for owner in ([c] if c.dep_ == "poss" else [p for p in c.children if p.dep_ == "pobj"])
                if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")
            ),
        )

    def beneficiaries(self, trigger: Token) -> list[Filler]:
        """Who aid is for, named deeper in its object: "provided assistance, including equipment for Ukraine's
        energy grid"."""
        return self._fillers(
            trigger,
            (
                (pobj, "object>for")
                for obj in trigger.children
                if obj.dep_ == "dobj" or (obj.dep_ == "prep" and obj.lower_ == "including")  # the parse may hang
                for prep in obj.subtree  # "including ..." on the verb
                if prep.dep_ == "prep" and prep.lower_ in {"for", "to"} and prep.head != trigger
                for pobj in prep.children
                if pobj.dep_ == "pobj"
            ),
        )

    def _fillers(self, trigger: Token, phrases) -> list[Filler]:
        found: list[Filler] = []
        for phrase, via in phrases:
            for actor, span in self.actors_in(phrase, trigger):
                if actor.code and all(f.actor is not actor for f in found):
                    found.append(Filler(actor, span, f"target {via} {phrase.text!r}"))
        return found

    def _placed_in(self, noun: Token) -> list[Token]:
        """The places a noun is said to be in or near ("targets near Kyiv")."""
        preps = self.cues["locative_prep"] | self.cues["proximity_prep"]
        return [
            p
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ in preps
            for p in prep.children
            if p.dep_ == "pobj"
        ]

    def event_places(self, phrases: list[Phrase], trigger: Token) -> list[Filler]:
        """The states where what a reaction is aimed at happened ("condemned the coup in Niger", "the violence in
        Sudan")."""
        where = [
            r
            for role, phrase, _ in phrases
            if role == "target" and phrase.pos_ == "NOUN"
            for r in self._object(trigger, phrase, None, False)
            if r[0] == "locative"
        ]
        return self.places(where, trigger)

    def _state_of_named_place(self, token: Token) -> tuple[Actor, tuple[int, int]] | None:
        """ "the city of Kharkiv", "the town of Bakhmut": the state of the place the noun's "of" names."""
        named = [p for prep in token.children if prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"]
        return next((found for p in named if (found := self._state_of_place(p))), None)

    def _state_of_place(self, token: Token) -> tuple[Actor, tuple[int, int]] | None:
        """The state a place stands for: the places stage's country, else that of a city the gazetteer settles
        by its name alone (the NER may have called it an organisation: "shelled Kherson"); a capital or seat of
        government the actors' dictionary knows is its state's ("the attack in Westminster": the UK's, not a
        town in Colorado)."""
        place = next(((p.start, p.end, p.country) for p in self.ew.places if p.start <= token.idx < p.end), None)
        entry = knowledge().phrases.get(place and self.doc.text[place[0] : place[1]])
        if entry is not None and entry.kind in {"capital", "metonym"} and not entry.ambiguous:
            place = (place[0], place[1], entry.code)
        person = self.actor_at(token)
        if person is not None and person.type == "person" and " " in person.name:
            return None  # "sentenced David and Louise Turpin": David Turpin, not David, Panama
        if place is None or not place[2]:
            ent = next((e for e in self.doc.ents if e.start <= token.i < e.end and e.label_ not in NOT_PLACES), None)
            if ent is None and token.pos_ == "PROPN" and token.ent_type_ not in NOT_PLACES:  # not "on May 3"
                ent = proper_name(token)  # "hit Kharkiv", a name the NER missed
            country = country_of(ent.text) if ent is not None else None
            place = (ent.start_char, ent.end_char, country) if country else None
        if place is None:
            return None
        start, end, code = place
        code = knowledge().states.get(code, code)  # a dependency stands for its controlling state
        actor = next((a for a in self.ew.actors if a.type == "country" and a.code == code), None)
        if actor is None:
            country = pycountry.countries.get(alpha_3=code)
            ids = {a.id for a in self.ew.actors}
            actor = Actor(
                id=next(f"a{n}" for n in range(len(ids) + 1, 2 * len(ids) + 2) if f"a{n}" not in ids),
                name=country.name if country else code,
                code=code,
                country=code,
                sector=None,
                type="country",
            )
            self.ew.actors.append(actor)
            self.actors[actor.id] = actor
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and span.start not in self.mention:
            self.ew.add_mention(actor, span)
            self.mention.update((i, (span.start, span.end)) for i in range(span.start, span.end))
        return actor, (start, end)

    def actors_in(self, phrase: Token, trigger: Token, doer: bool = False) -> list[tuple[Actor, tuple[int, int]]]:
        """Actors a phrase refers to: its head's mention, else a mention among its modifiers ("officials from
        Russia", "the country's army", "attacks by Hamas"), plus coordinated phrases ("the United States and
        Jordan", "Czech and Slovak officials"); a pronoun that names no actor stands for the speaker of its
        clause ("Chile said it would ...")."""
        found: list[tuple[Actor, tuple[int, int]]] = []
        last_of_list = trigger.dep_ == "relcl" and phrase.dep_ == "conj" and trigger.head in phrase.conjuncts
        for head in [phrase] if last_of_list else self._coordinated(phrase):  # (see _relative)
            together = names_a_pair(head) or self._names_those_together(head) or self._leaders_again(head)
            pair = self._pair(head) if together else []
            if pair:  # "the two leaders": those named together before, not a group the actors stage guessed
                found += [(a, self._mention_span(t)) for a, t in pair]
                continue
            actor, token = self._actor_of_phrase(head, trigger, doer)
            if actor is not None:
                found.append((actor, self.span(head, token, actor, trigger)))
                found += [
                    (a, self._mention_span(t))
                    for t in self._named_by(head)  # "the ministers of India and
                    if (a := self.actor_at(t)) is not None
                ]  # Pakistan"
                found += [
                    (a, self._mention_span(t))
                    for t in token.conjuncts
                    if token != head
                    if (a := self.actor_at(t)) is not None
                ]
            elif head.pos_ == "PRON":
                found += [(a, self.span(head, t, a, trigger)) for a, t in self._speaker(head) or self._pair(head)]
                if not found and head.lower_ in {"we", "our"}:  # "We welcome ..." in a joint statement: its authors
                    found += [(a, self.span(head, head, a, trigger)) for a in self.joint_voice]
            elif head.lemma_.lower() in self.cues["states_noun"] and any(c.lower_ == "our" for c in head.children):
                found += [(a, self.span(head, head, a, trigger)) for a in self.joint_voice]  # "our nations pledged"
            for modifier in (c for c in head.children if c.dep_ in {"amod", "compound"} and c.conjuncts):
                found += [
                    (a, self._mention_span(part))
                    for part in [modifier, *modifier.conjuncts]
                    if (a := self.actor_at(part)) is not None
                ]  # "Czech and Slovak officials"
        unique: list[tuple[Actor, tuple[int, int]]] = []
        for actor, span in found:
            if all(actor is not other for other, _ in unique):
                unique.append((actor, span))
        return unique

    def _named_by(self, head: Token) -> list[Token]:
        """The other conjuncts of the "of" phrase that names who a phrase is ("the leaders of France and
        Germany", "the leaders of Australia, the United Kingdom, and the United States", a list parsed in part as
        an apposition)."""
        return [
            t
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ in {"of", "from"}
            for pobj in prep.children
            if pobj.dep_ == "pobj"
            for t in self._coordinated(pobj)
            if t != pobj
        ]

    def _coordinated(self, phrase: Token) -> list[Token]:
        """The phrase and those coordinated with it, also where the parse hangs them on the name apposed to it;
        a list of states or people is often parsed as an apposition ("The United States, Germany, the Netherlands
        and Italy", "Rubio, Cruz and Kasich"), and a state is no apposition of another."""
        actor = self.actor_at(phrase)
        paired = [p for p in _paired(phrase) if self.actor_at(p) not in {None, actor}]  # not "al-Bashir"
        heads = [phrase, *phrase.conjuncts, *paired, *_included(phrase)]
        described = apposed(phrase)
        named = [c for c in described if self.actor_at(c) is not None]  # "his predecessor, former President X"
        if actor is None and phrase.pos_ == "NOUN" and named and someones(phrase):
            return [named[0], *named[0].conjuncts, *phrase.conjuncts]
        if phrase.pos_ == "PRON" and described:  # "We, the Leaders of the G7, met": who "we" are, not the publisher
            return [described[0], *described[0].conjuncts]
        for appos in (c for c in phrase.children if c.dep_ == "appos"):
            other = self.actor_at(appos)
            if other is not None and other is actor:  # "Egypt's minister Sameh Shoukry and his Greek counterpart"
                heads += appos.conjuncts
            elif _counted_list(phrase, appos):
                heads += [appos, *appos.conjuncts]
            elif (
                actor is not None
                and other is not None
                and other is not actor
                and (
                    (actor.type in STATES and other.type in STATES)
                    or (actor.type == other.type == "person" and _a_list(phrase, appos))
                )
            ):
                heads += [appos, *appos.conjuncts]
        for item in phrase.conjuncts:  # "X of France, Y of Germany, Z of Italy, and W": the parse hung Z on Y
            mine = self.actor_at(item)
            for appos in (c for c in item.children if c.dep_ == "appos" and c.pos_ == item.pos_ == "PROPN"):
                other = self.actor_at(appos)
                if mine is not None and other not in {None, mine} and mine.type == other.type != "organisation":
                    heads += [appos, *(c for c in appos.conjuncts if c not in heads)]
        return heads

    def _actor_of_phrase(
        self, head: Token, trigger: Token | None = None, doer: bool = False
    ) -> tuple[Actor | None, Token]:
        """The actor a phrase head names, or that its modifiers name; for an event noun ("condemned the
        attacks by Hamas on Israel") only its own actor (possessor, modifier, "by"), not its patient ("of");
        for a ``doer``, "his"/"her" only on an act ("his visit", not "killed by his lions").
        A person the actors stage could not code gives way to a coded actor among its modifiers ("Russian
        oligarch X": what is known is the country)."""
        actor = self.actor_at(head)
        if actor is not None and actor.type == "organisation":  # "a Republican, Mark Amodei,": the member named
            named = [(p, c) for c in head.children if c.dep_ == "appos" and (p := self.actor_at(c)) is not None]
            people = [(p, c) for p, c in named if p.type == "person"]
            if people:
                return people[0]
        if actor is not None and _known(actor):
            return actor, head
        if head.lemma_.lower() in self.cues["venue_noun"]:
            return None, head  # "met Xi on the sidelines of the G20 summit": where, not whom
        code = self.event_code(head)
        event = code is not None
        if event and not doer and code.startswith(SANCTIONS):  # "extended its Iran sanctions": Iran, not "its"
            aimed = [
                (state, c)
                for c in head.children
                if c.dep_ == "compound" and (state := self.actor_at(c)) is not None and state.type == "country"
            ]
            if aimed:
                return aimed[0]
        if not event:  # "vetoed a resolution proposed by the US and Japan", "shelled a town held by rebels"
            authors = [
                a
                for acl in head.children
                if acl.dep_ == "acl"
                and acl.tag_ == "VBN"
                and acl != trigger  # not "a member barred by Israel"
                and self._authored(acl)
                for agent in acl.children
                if agent.dep_ == "agent"
                for a in agent.children
                if a.dep_ == "pobj" and (author := self.actor_at(a)) is not None and _known(author)
            ]
            if authors:
                return self.actor_at(authors[0]), authors[0]
        preps = ({"by", "from"} if code[:2] in FROM_SOURCE_ROOTS else {"by"}) if event else self.cues["naming_prep"]
        if not event and not doer and trigger is not None and self._restricts(trigger):
            preps = preps | {"to", "into"}  # "banned travel to Iran", "restrictions on flights to Cuba": Iran, Cuba
        if event and head.lemma_.lower() in self.cues["author_noun"] | self.cues["mover_noun"] | self.cues["convened"]:
            preps = preps | {"of"}  # "complied with the request of X", "criticised the withdrawal of US troops"
        deps = EVENT_MODIFIERS if event else MODIFIERS
        relational = self.relational
        frontier, found = [head], (actor, head)
        while frontier:  # "Russia's allies", "X, a critic of Putin": the possessor and the "of" are the other side
            frontier = [
                c
                for t in frontier
                for c in t.children
                if not (t.lemma_.lower() in relational and (c.dep_ == "poss" or c.lower_ == "of"))
                and not (doer and c.dep_ == "poss" and c.lower_ in PERSONAL_POSSESSIVES and not self.event_code(t))
                and (
                    c.dep_ in deps
                    or (c.dep_ in {"prep", "agent"} and (c.lower_ in preps or (not event and such_as(c))))
                    or (c.dep_ == "acl" and c.tag_ == "VBN" and self._authored(c))
                )
            ]
            if head.lemma_.lower() in relational:
                frontier.sort(key=lambda t: t.dep_ != "appos")  # "its ally Turkey": the name
            for token in (t for t in frontier if t.i in self.ew.actor_of_token):
                other = self.actor_at(token)
                if _known(other):
                    return other, token
                if found[0] is None:
                    found = (other, token)
        if found[0] is None and actor is None and head.tag_ == "NNS":  # "world powers seeking an end to the war
            examples = [  # – including the US and Russia – agreed": the parse hangs the aside on the last noun
                p
                for t in head.subtree
                if t.lower_ == "including" and t.i > head.i and self.doc[t.i - 1].text in ASIDE
                for p in t.children
                if p.dep_ == "pobj" and p.i in self.ew.actor_of_token
            ]
            if examples:
                return self.actor_at(examples[0]), examples[0]
        if found[0] is None and actor is None:  # "sued over the state of emergency Trump declared": Trump's
            doers = [
                s
                for clause in head.children
                if clause.dep_ == "relcl"
                and clause != trigger  # (not the act itself: "the territory that Russia seized" for "seized")
                and not any(
                    c.dep_ in {"dobj", "nsubjpass"} and c.tag_ not in RELATIVE_PRONOUNS for c in clause.children
                )  # (the object may be "that": "the sanctions that the US imposed")
                for s in clause.children
                if s.dep_ == "nsubj" and s.i in self.ew.actor_of_token
            ]
            return (self.actor_at(doers[0]), doers[0]) if doers else found
        return found

    def _authored(self, participle: Token) -> bool:
        """Whether a participle's "by" names who made or holds the thing ("a resolution proposed by the US", "a
        town held by rebels"): not a mediator ("a deal brokered by Qatar": no party to it) nor what fills or
        marks it ("an agenda topped by North Korea")."""
        code = self.event_code(participle)
        brokered = code is not None and bool(self.cues.codes("mediate_code", code))
        return not brokered and participle.lemma_.lower() not in self.cues["descriptive"]

    def _speaker(self, pronoun: Token) -> list[tuple[Actor, Token]]:
        """ "Chile said it would recall its ambassador": "it" is Chile (never "officials"); "they" all the
        speakers."""
        if pronoun.tag_ not in {"PRP", "PRP$"}:
            return []  # "argued that a US presence will help those battling for rights": not the speaker
        verb = pronoun.head
        while verb.dep_ == "conj" and verb.head != verb:
            verb = verb.head
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in self.speech:
            return []
        if any(q.direct and q.content[0] <= pronoun.idx < q.content[1] for q in self.ew.quotes):
            return []  # '"They threatened me," the activist said': the speaker's own words name others
        found = []
        for subject in self.subjects(verb.head)[0]:
            for head in self._coordinated(subject):
                actor = self.actor_at(head)
                if pronoun.lower_ not in PLURAL and head.tag_ == "NNS":
                    continue  # "Officials said it killed nine people": the bomb, not the officials
                if actor is not None:
                    found.append((actor, head))
        if pronoun.lower_ == "them" and len(found) == 1 and found[0][0].type == "person":
            return []  # "Trump said Bolton likes killing them": not Trump (but "Sheriff Lee said they arrested")
        return found if pronoun.lower_ in PLURAL else found[:1]

    def _pair(self, phrase: Token, two: bool = False) -> list[tuple[Actor, Token]]:
        """ "Biden met Meloni on Friday. They agreed ...", "The two leaders discussed ...": "they" that names no
        actor, or a noun naming a pair, stands for the actors of the latest clause that names several together
        (a coordinated subject, or a subject and those it met: "spoke with X, Y and Z"), within the sentence and
        the three before; of two ("both guests", ``two``) those met where two were met ("hosted X and Y")."""
        if phrase.pos_ == "PRON" and phrase.lower_ not in PLURAL:
            return []
        two = two or names_a_pair(phrase)
        first = phrase.sent.start
        for _ in range(3):  # the three sentences before
            first = self.doc[first - 1].sent.start if first else first
        for token in reversed(self.doc[first : phrase.i]):
            if token.dep_ != "nsubj" or self.actor_at(token) is None:
                continue
            verb = token.head
            met = verb.lemma_.lower() in self.cues["meeting_verb"]
            others = [c for c in verb.children if c.dep_ == "dobj" and met] + [
                p
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ == "with"
                for p in c.children
                if p.dep_ == "pobj"
            ]
            met_ones = [h for o in others for h in self._coordinated(o)]  # "with X, Y and Z"
            heads = [*self._coordinated(token), *met_ones]
            if phrase in heads:
                continue  # "NATO officials spoke with both candidates": not those who spoke, those named before
            if two and len([h for h in met_ones if self.actor_at(h) is not None]) == 2:
                heads = met_ones  # "hosted X and Y ... praising both guests": the two met, not the host
            parts = [p for h in heads for m in h.children if m.dep_ in {"amod", "compound"} for p in [m, *m.conjuncts]]
            found = list({id(a): (a, t) for t in [*heads, *parts] if (a := self.actor_at(t)) is not None}.values())
            if len(found) < 2 and (names_a_pair(token) or self._names_those_together(token)):
                return self._pair(token, two)  # "The leaders had a discussion ... They reaffirmed": the leaders'
            if len(found) < 2:
                if self.actor_at(token).type == "person" or self._names_those_together(phrase):
                    continue  # "X joined the talks. They called on Turkey ...": not one person; "the Presidents"
                return []  # are people, whatever a department did in between
            people = [(a, t) for a, t in found if a.type in {"person", "group"}]
            if len(people) >= 2 and len(people) < len(found):
                return people  # "met with Republic of Korea (ROK) President Yoon": the two leaders are people
            return found if len({a.type in {"person", "group"} for a, _ in found}) == 1 else []
        return []

    def _leaders_again(self, pronoun: Token) -> bool:
        """ "They" that the actors stage read as a group of officials ("The leaders watched a match. They
        reaffirmed ..."): perhaps those named together before."""
        actor = self.actor_at(pronoun) if pronoun.lower_ in PLURAL else None
        return actor is not None and actor.type == "group" and actor.sector == "GOV"

    def _names_those_together(self, noun: Token) -> bool:
        """ "The foreign ministers agreed ...", "the leaders": a definite plural of those who meet, after a
        clause that names several of them together."""
        dets = {c.lower_ for c in noun.children if c.dep_ == "det"}
        qualified = any(c.pos_ == "PROPN" or c.ent_type_ in {"GPE", "NORP"} for c in noun.children)  # "Iowa leaders"
        qualified |= any(  # "the delegations of Cyprus, Greece and Israel": named here
            p.i in self.ew.actor_of_token
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
        )
        together = noun.lemma_.lower() in self.cues["together_noun"]
        return noun.tag_ == "NNS" and "the" in dets and not qualified and together

    def span(self, head: Token, token: Token, actor: Actor, trigger: Token) -> tuple[int, int]:
        """The character span naming the actor: the whole noun phrase when its head names the actor; the
        actor's own mention when the phrase is something of the actor's ("Russia's invasion"); for a pronoun,
        the named mention of its actor in the sentence, else the pronoun."""
        if head.pos_ == "PRON":
            named = self._named_mention(actor, head)
            return named or (head.idx, head.idx + len(head.text))
        if head.i in self.mention:
            start, end = self.noun_phrase(head, trigger)
            m_start, m_end = self.mention[head.i]
            return min(start, self.doc[m_start].idx), max(end, self.doc[m_end - 1].idx + len(self.doc[m_end - 1]))
        if token.pos_ == "PRON":
            return self._named_mention(actor, token) or (token.idx, token.idx + len(token.text))
        return self._mention_span(token)

    def _mention_span(self, token: Token) -> tuple[int, int]:
        start, end = self.mention.get(token.i, (token.i, token.i + 1))
        while end - 1 > start and self.doc[end - 1].tag_ == "POS":  # "Russia's" → "Russia"
            end -= 1
        return self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])

    def _named_mention(self, actor: Actor, pronoun: Token) -> tuple[int, int] | None:
        sent = pronoun.sent
        spans = [
            (s, e)
            for s, e, a in self.ew.mention_spans
            if a == actor.id and sent.start <= s < sent.end and self.doc[s].pos_ != "PRON"
        ]
        before = [s for s in spans if s[0] < pronoun.i] or spans
        if not before:
            return None
        start, end = before[-1]
        return self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])

    def noun_phrase(self, head: Token, trigger: Token) -> tuple[int, int]:
        """The maximal noun phrase around a head: determiners, titles and prepositional complements included;
        other conjuncts, appositions, anything after a comma and the trigger's own clause left out."""
        left_out = {t.i for c in head.children if c.dep_ in NOT_IN_PHRASE or _temporal(c) for t in c.subtree}
        left_out |= {t.i for c in head.children if trigger in c.subtree for t in c.subtree}
        kept = {t.i for t in head.subtree} - left_out
        start = end = head.i
        while start - 1 in kept and not _breaks(self.doc[start - 1]):
            start -= 1
        while end + 1 in kept and not _breaks(self.doc[end + 1]):
            end += 1
        while end > head.i and (self.doc[end].is_punct or self.doc[end].tag_ == "POS"):
            end -= 1
        return self.doc[start].idx, self.doc[end].idx + len(self.doc[end].text)


def _instrument_read_as_subject(verb: Token, subjects: list[Token], instruments: frozenset[str]) -> bool:
    """Whether the parse made a legal instrument the subject of the participle that tells what it does ("signed
    an Executive Order designating X" read as "[an Order designating X]" the object clause)."""
    return (
        len(subjects) == 1
        and subjects[0].lemma_.lower() in instruments
        and verb.tag_ == "VBG"
        and verb.dep_ == "ccomp"
        and subjects[0].i < verb.i
        and not any(c.dep_ in AUXILIARIES for c in verb.children)
    )


def _a_list(name: Token, appos: Token) -> bool:
    """Whether a name and the names "apposed" to it are a list ("Rubio, Cruz and Kasich"), not names of the
    people a phrase describes ("X and his counterparts, Y and Z")."""
    return name.pos_ == appos.pos_ == "PROPN" and bool(appos.conjuncts) and not name.conjuncts


def _included(noun: Token) -> list[Token]:
    """The members a plural noun is said to include, wherever the parse hangs the "including" (on the noun or, after
    it, on the verb whose object it is): "warrants for 36 people, including US President Trump", "killed 12 people
    in Kabul, including two Turkish engineers"."""
    if noun.tag_ not in {"NNS", "NNPS"}:
        return []
    holders = [noun, noun.head] if noun.dep_ == "dobj" else [noun]
    return [
        m
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "including" and c.i > noun.i
        for p in c.children
        if p.dep_ == "pobj"
        for m in [p, *p.conjuncts]
    ]


def _paired(noun: Token) -> list[Token]:
    """The first of two names joined by a hyphen before a noun: "U.S." of "the U.S.-China talks", "Trump" of "the
    Trump-Kim summit"."""
    hyphens = [c.i for c in noun.children if c.dep_ == "punct" and c.text == "-" and c.i < noun.i]
    return [c for c in noun.children if c.dep_ == "compound" and hyphens and c.i < min(hyphens)]


def _counted_list(noun: Token, appos: Token) -> bool:
    """Whether indefinite or counted noun phrases "apposed" to one another are a list ("killed a U.S. soldier, a
    Romanian service member and 10 civilians"), not a description ("the envoy, a veteran diplomat")."""
    counted = all(any(c.dep_ == "nummod" or c.lower_ in {"a", "an"} for c in t.children) for t in (noun, appos))
    return counted and bool(appos.conjuncts) and not noun.conjuncts


def _listed(verb: Token) -> list[Token]:
    """Names of a list the parse broke off the verb's object ("spoke with: PM X of Estonia; PM Y of Latvia; and PM
    Z of Romania": Y hung on the verb as a conjunct, Z on Y), which are objects too."""
    items = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > verb.i]
    return [
        t for item in items for t in item.subtree if t is item or (t.dep_ in {"appos", "conj"} and t.pos_ == "PROPN")
    ]


def _joined_to_passive_relative(verb: Token) -> bool:
    """Whether the parse joined an active past verb with an object to a passive relative clause ("images of
    children who were killed in the bombing and ordered the army to strike"): the verb is no act of the relative's
    noun ("who were ... ordered the army" cannot be read) but of the clause that noun is in."""
    relative = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBD"
        and relative.dep_ == "relcl"
        and any(c.dep_ == "dobj" for c in verb.children)
        and any(c.dep_ == "nsubjpass" and c.tag_ in {"WP", "WDT"} for c in relative.children)
    )


def _governing_verb(noun: Token) -> Token | None:
    """The verb whose clause a noun is part of, through the prepositions and nouns it hangs on."""
    token = noun
    while token.pos_ not in {"VERB", "AUX"} and token.head != token:
        token = token.head
    return token if token.pos_ in {"VERB", "AUX"} else None


def _participle_joined_to_present(verb: Token) -> bool:
    """A bare past participle with no object conjoined to a present-tense verb, which cannot share its subject as
    a doer: a misparse of a reduced relative ("X stands with those held or detained"; not "teases X and
    recently accused Y", a past tense the tagger took for a participle)."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and head.tag_ in {"VBZ", "VBP"}
        and not auxiliaries(verb)
        and not auxiliaries(head)
        and not any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children)
    )


def _imperative(verb: Token) -> bool:
    """A bare verb joined to a finite one with no subject or auxiliary of its own: an imperative ("He was
    there, but ask anyone"), not a shared subject ("will sign and ratify")."""
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VB"
        and verb.head.tag_ in {"VBD", "VBZ"}  # not "We condemn X and urge Y": a plural present looks the same
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    )


def _breaks(token: Token) -> bool:
    """A comma, bracket, dash, quote or line break ends a noun phrase."""
    return token.text in BREAKS or token.is_space or "\n" in token.whitespace_


def _temporal(child: Token) -> bool:
    """ "Mali's opposition leader on Friday": a time the parse hung on the noun is not part of the phrase."""
    return child.dep_ in {"prep", "npadvmod"} and any(t.ent_type_ in {"DATE", "TIME"} for t in child.subtree)


def _known(actor: Actor) -> bool:
    """Whether anything is known of an actor beyond its name: a code, a country or a sector."""
    return bool(actor.code or actor.country or actor.sector)


def _defended_against(noun: Token) -> bool:
    """An act someone defends themselves against ("defended itself against Russian attacks")."""
    return noun.dep_ == "pobj" and noun.head.lower_ in {"against", "from"} and defends_itself(noun.head.head)


def _after_complement(verb: Token, obj: Token) -> bool:
    """A second object the parse hung on the verb after its complement ("urged Russia to de-escalate tensions
    with Ukraine": "tensions" is the complement's)."""
    return any(c.dep_ == "dobj" and c.i < obj.i for c in verb.children) and any(
        c.dep_ == "xcomp" and c.i < obj.i for c in verb.children
    )


def _foreign_envoy(noun: Token, envoys: set[str]) -> bool:
    """An envoy named by the state that sent him ("the Canadian ambassador to Riyadh"): where he serves is no
    recipient (but "recalled its ambassador to Uganda": the recall is aimed at Uganda)."""
    named = any(c.dep_ in {"amod", "compound", "poss"} and c.pos_ != "PRON" for c in noun.children)
    return noun.lemma_.lower() in envoys and named


def _clause_of_its_own(verb: Token) -> bool:
    """A verb with its own subject, auxiliary or object ("is a threat and has attacked X")."""
    return any(c.dep_ in SUBJECTS or c.dep_ in {"aux", "dobj"} for c in verb.children)


def _has_object(verb: Token) -> bool:
    """An active verb with a direct object: a "by" phrase the parse hangs on the verb belongs to the object."""
    return any(c.dep_ == "dobj" for c in verb.children)


def _bare_plural(noun: Token) -> bool:
    """ "Governments that support X": several states, whatever one the passage gave the word."""
    return noun.tag_ == "NNS" and not any(c.dep_ in {"det", "poss", "amod", "compound"} for c in noun.children)


def _no_state(actor: Actor | None) -> bool:
    """No actor, or a group of states with no country of its own ("African countries")."""
    return actor is None or (actor.type == "organisation" and actor.country is None)


def _abbreviated(token: Token) -> bool:
    """A name written as an abbreviation: "U.S.", "UK", "EU"."""
    return "." in token.text or (token.text.isupper() and len(token.text) <= 3)


def such_as(prep: Token) -> bool:
    """ "allies such as Germany": the example names who the phrase is."""
    return prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)

"""Events: CAMEO/PLOVER-coded actions with source and target taken from the dependency parse.

A trigger is a verb, noun or adjective from ``lexicon.tsv`` (:mod:`.triggers`); the document's triggers
become acts, an act in the complement of a promise, threat or request folded into it (:mod:`.acts`). Source
and target come from the clause structure, never from mere proximity, each with the noun phrase that names it
(:mod:`.roles`). Whether an act happened, is promised, threatened, requested or denied (:mod:`.modality`)
and what the sentence says of it decide its code (:mod:`.coding`). Dates and deadlines come from the time
expressions (:mod:`.dates`), places from the places stage, and an act reported twice is one event
(:mod:`.merge`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...lang import text_of
from ...records import Actor, Coded, Event, Place, coded
from .. import places, quotes
from ..actors.knowledge import knowledge
from . import anaphora, merge
from .acts import Act, ActFinder
from .codebook import VIOLENT_ROOTS, Codebook, codebook
from .coding import VISITS, Coder, Coding
from .cues import cues
from .dates import deadline, event_date
from .modality import ModalityReader, Mood, infinitive, irrealis, reporter, turn_speaker, unneeded
from .roles import Filler, RoleReader
from .triggers import Lexicon, Match, given_up_acts, object_heads, told_to_act

VISIT = "042"  # "arrived in Kyiv": the place stands for the host
AIMED_TYPES = {"ASSAULT", "COERCE", "PROTEST", "THREATEN", "ACCUSE"}  # "shot at X": X, when nothing else is
REACTION_TYPES = {"ACCUSE", "SUPPORT", "REJECT"}  # reactions to an act whose actor is unknown: its place's state
# "did X despite criticism from Y", "following an invitation from Y": Y's act is aimed at the doer (not "after an
# investigation by Y", 09, which is of something else)
ANSWERED_TYPES = {"ACCUSE", "REJECT", "PROTEST", "THREATEN", "REQUEST", "AGREE"}
# "a curfew in Somalia", "protested in Luanda": the place stands for its people or government
LOCATIVE_TYPES = {"COERCE", "ASSAULT", "SANCTION", "PROTEST"}
OWN_GOVERNMENT_TYPES = {"PROTEST"}  # "students protested in Belgium": the place stands for their own government
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "ELI", "PTY"}  # a state's bodies, office holders, parties
VICTIM_PATHS = {"acl>aim", "relcl>harm"}  # whom the act an object names was aimed at: "an attack targeting X"
UNCLAIMED_TYPES = {"ASSAULT", "COERCE", "SANCTION"}  # "a bombing killed five", "were arrested", "were expelled":
# the one it was done to known, the doer not
RECEIVING_TYPES = {"AID"}  # "delivered flour to northern Gaza": the place stands for the people who receive it
FRIENDLY_TYPES = {"SUPPORT", "AID", "COOPERATE", "AGREE"}  # "supported X against Y": Y is the foe, not the recipient
RULING = {"GOV", "ELI"}  # office holders and former ones: their rallies are campaign events
FIGHTING = {"MIL", "REB", "INS", "COP", "SPY", "CRM"}  # who may fight "for" control or independence
COMBATANTS = {"MIL", "REB", "INS"}  # whom no one fights with words ("bombing terrorists"; not "attacked the FBI")
POLITICIANS = {"GOV", "LEG", "ELI", "PTY", "OPP", "JUD"}  # who fight with words
UNARMED = POLITICIANS - {"GOV", "ELI"}  # ... and command no forces (former officials may have)
INSURGENT = {"REB", "INS"}  # armed groups against their state
FORCES = {"MIL", "COP"}  # a state's forces, which it mobilizes
UNCODED_PENALTY = 0.15
TWO_PARTY = {"040", "041", "042"}  # talks, calls and visits need a counterpart (not hosting, attending, negotiating)
# a promise is an intention, a threat a threat and a request a request even when the verb is asserted
IMPLIED_MODALITY = {"AGREE": "intended", "THREATEN": "threatened", "REQUEST": "requested"}
STATEMENT = "010"
OCCUPATION = {"192", "1382"}  # occupying territory, threatening to
MARGINS = {"point", "vote", "percent", "seat", "margin"}  # what an election is won by
REFUSED = "12"  # the root a negated cooperation is recoded to


@dataclass(frozen=True)
class Context:
    """What the events of one document share, computed once per document."""

    doc: Doc
    ew: Coded
    reader: RoleReader
    text: str
    dateline: Place | None
    timex_clauses: dict[int, Token | None] = field(default_factory=dict)  # see dates.event_date


class EventStage:
    """spaCy component: codes events into ``coded(doc).events``."""

    def __init__(self, nlp: Language, convention: str = "gdelt"):
        self.codebook: Codebook = codebook()
        self.lexicon = Lexicon()
        self.cues = cues()
        self.convention = convention
        self.finder = ActFinder(self.lexicon, quotes.CUE_LEMMAS, self.codebook)
        self.coder = Coder(self.codebook)
        self.modality = ModalityReader(quotes.CUE_LEMMAS)

    def __call__(self, doc: Doc) -> Doc:
        ew = coded(doc)
        event_nouns: dict[int, str] = {}  # token -> the CAMEO code of the act it names
        reader = RoleReader(doc, ew, quotes.CUE_LEMMAS, lambda t: event_nouns.get(t.i))
        acts = self.finder.acts(doc, ew, reader)
        for match in (m for act in acts for m in [act.match, *act.complements]):
            event_nouns[match.token.i] = match.rule.cameo
            carried = self._plain_rule(match.carrier) if match.carrier is not None else None
            if carried is not None:  # "rejected the proposal": the proposal is an act of its own
                event_nouns.setdefault(match.carrier.i, carried.cameo)
        context = Context(doc, ew, reader, text_of(doc), places.dateline_place(doc))
        found: dict[tuple, Event] = {}
        for act in acts:
            for event in self._events(context, act):
                key = (event.sentence[0], tuple(event.source), tuple(event.target), event.cameo)
                if key not in found or found[key].confidence < event.confidence:
                    found[key] = event
        events = merge.within_sentence(doc, sorted(found.values(), key=lambda e: e.trigger[0]))
        anaphora.refer_back(doc, events, self._kind_of, self._verbs_of)
        anaphora.toll_back(doc, events, self.cues["casualty"])
        states = {a.id: a.country or (a.code or "")[:3] or a.id for a in ew.actors}
        identities = {a.id: (a.id if a.type == "person" else None, a.code) for a in ew.actors}
        events = merge.across_article(
            merge.drop_covering_statements(doc, events),
            lambda i: states.get(i, i),
            lambda i: identities.get(i, (None, None)),
        )
        events = anaphora.claim_back(doc, events, self._kind_of, self._verbs_of)
        events = [e for e in events if e.cameo != STATEMENT or e.target]  # "X said": the quote records it
        for n, event in enumerate(events, 1):
            event.id = f"e{n}"
        ew.events.extend(events)
        for quote in ew.quotes:
            quote.events = [e.id for e in events if quote.content[0] <= e.trigger[0] < quote.content[1]]
        return doc

    def _by_peaceful_means(self, act: Act, reader: RoleReader, phrases) -> bool:
        """Whether harm is done by an act that is no violence, which is the act ("Iran was hit hard by sanctions",
        "sanctions hit Iran"), or a response's means is no violence ("China retaliated with tariffs", "retaliated
        with an order of its own", "Retaliating for sanctions, Russia announced it is banning imports": the clause
        it modifies; not "struck him with their fists")."""
        if any(
            role == "source"
            and (via.startswith("agent") or via == "nsubj")  # "U.S. sanctions hit Iran hard"
            and (code := reader.event_code(p))
            and code[:2] not in VIOLENT_ROOTS
            for role, p, via in phrases
        ):
            return True
        verb = act.match.token
        if verb.lemma_.lower() not in self.cues["retaliating"]:
            return False
        means = [
            p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children if p.dep_ == "pobj"
        ]
        armed = self.lexicon.classes["@weapons"] | self.lexicon.classes["@forces"]
        violent = [m for m in means if m.lemma_.lower() in armed or (reader.event_code(m) or "")[:2] in VIOLENT_ROOTS]
        if not means and verb.dep_ == "advcl" and verb.tag_ == "VBG":  # "Retaliating for sanctions, Russia banned"
            main = verb.head
            means = [t for t in (main, *(c for c in main.children if c.dep_ in {"ccomp", "xcomp"})) if t != verb]
            codes = [code for t in means if (code := reader.event_code(t))]
            return any(code[:2] not in VIOLENT_ROOTS and not code.startswith("01") for code in codes)
        return bool(means) and not violent

    def _material(self, code) -> bool:
        """Whether an act is done to a place (material cooperation or conflict, or a visit), so that its object
        is where it happened; a verbal act happens where its speaker is."""
        return self.codebook.quad_class(code.code, "gdelt") in {2, 4} or code.code in VISITS

    def _kind_of(self, noun: Token) -> str | None:
        """The PLOVER type an event noun names on its own ("attack" -> ASSAULT), from its plain lexicon row."""
        rule = self._plain_rule(noun)
        return self.codebook[rule.cameo].plover if rule else None

    def _mediated(self, reader: RoleReader, noun: Token) -> bool:
        """An act a mediator brokered is told by the mediation ("Qatar brokered a prisoner exchange between X and
        Y": Qatar mediates between them)."""
        if noun.pos_ != "NOUN" or noun.dep_ != "dobj":
            return False
        return self.cues.codes("mediate_code", reader.event_code(noun.head) or "")

    def _verbs_of(self, noun: Token) -> frozenset[str]:
        """The verbs whose plain lexicon row has an event noun's code ("expulsion" -> expel, deport): an earlier act
        told by one of them is the act the noun names, whatever its objects made of it ("expelled 20 diplomats")."""
        rule = self._plain_rule(noun)
        return self._plain_verbs.get(rule.cameo, frozenset()) if rule else frozenset()

    @cached_property
    def _plain_verbs(self) -> dict[str, frozenset[str]]:
        verbs: dict[str, set[str]] = {}
        for (lemma, pos), rules in self.lexicon.rules.items():
            for rule in rules:
                if pos == "VERB" and not rule.objects and not rule.particle:
                    verbs.setdefault(rule.cameo, set()).add(lemma)
        return {code: frozenset(lemmas) for code, lemmas in verbs.items()}

    def _plain_rule(self, noun: Token):
        """An event noun's lexicon row that needs no object ("attack", "proposal"), if it has one."""
        return next((r for r in self.lexicon.rules.get((noun.lemma_.lower(), "NOUN"), ()) if not r.objects), None)

    def _events(self, context: Context, act: Act) -> list[Event]:
        """The events of one act: one per dyad of its compound roles, or one of all its actors when they act
        together and on no one ("X and Y agreed"; PLOVER manual, compound and reciprocal actors)."""
        ew, reader = context.ew, context.reader
        trigger = act.match.token
        phrases = reader.phrases(act.match)
        roles = reader.fill(phrases, trigger)
        if trigger.pos_ != "VERB" and not (roles.get("source") or roles.get("reciprocal")):
            # "Russia launched its invasion of Ukraine", "approved the extradition of X to the US"
            phrases = reader.received(phrases + reader.carrying_verb(trigger), trigger)
            roles = reader.fill(phrases, trigger)
        if unneeded(trigger) or self._mediated(reader, trigger):
            return []
        clause = _clause_of(reader, trigger)
        if clause.dep_ == "pcomp" and clause.head.lower_ in self.cues["privative"]:
            return []  # "acted without consulting Congress": an act not done, and no refusal either
        mood = self.modality.read(clause)
        named = [t for t in (trigger, act.match.carrier) if t is not None]  # the act's words: "imposed sanctions"
        if any(c.dep_ == "det" and c.lower_ == "no" for t in named for c in t.children):
            mood = replace(mood, negated=True)  # "gave no support to", "expressed no regret": as "did not give"
        if clause is not trigger and mood.modality == "asserted" and clause.lemma_.lower() in self.cues["planning"]:
            mood = replace(mood, modality="intended")  # "Iran was planning an attack on U.S. troops"
        forces = any(role == "source" and p.lemma_.lower() in self.cues["forces"] for role, p, _ in phrases)
        armed = forces or any(f.actor.sector in FIGHTING for f in roles.get("source", ()))
        coding = self.coder.code(act, mood, forces, armed)
        if coding is None or (coding.code.root in VIOLENT_ROOTS and self._by_peaceful_means(act, reader, phrases)):
            return []  # "hit hard by U.S. sanctions", "retaliated with tariffs": the sanctions are the act
        sources, targets = self._roles(ew, reader, act, coding, mood, roles, phrases)
        to_state = bool(targets) and targets[0].direct and ":to>" in targets[0].via
        near = any(role == "proximate" for role, _, _ in phrases)
        foes = any(f.actor.sector in COMBATANTS for f in targets[:1])  # "was bombing terrorists"
        partisan = (
            not armed
            and not foes
            and (  # "GOP attacks on Kerry", "Biden attacked Trump on taxes", "personal attacks on Park"
                any(f.actor.sector == "PTY" for f in [*sources, *targets])
                or any(f.actor.sector == "NGO" for f in sources)  # "conservative groups attacked Romney"
                or (trigger.lemma_.lower() in self.cues["verbal_attack"] and _in_words(sources, targets))
                or any(c.dep_ == "amod" and c.lemma_.lower() in self.cues["of_words"] for c in trigger.children)
            )
        )
        if partisan and coding.code.code in OCCUPATION:
            return []  # "Democrats hope to take control of the Senate", "a Republican occupying the White House"
        words = {t.lemma_.lower() for t in named}
        if (
            not armed
            and words & self.cues["electoral_win"]
            and (_between_candidates(sources, targets) or _margin(trigger))
        ):
            return []  # "the assumption Clinton would beat Trump": an election won, no blow struck
        coding = self.coder.with_roles(coding, act.match, targets, to_state, near, partisan)
        if coding.plover in anaphora.REACTIONS and self._violence_named(context, trigger):
            targets = [t for t in targets if t.via.split(" ")[1] not in VICTIM_PATHS]  # "condemned the attack
            # targeting the Iraqi premier": Iraq is not the one condemned
        two_party = coding.code.code[:3] in TWO_PARTY  # (also when only promised: "will meet")
        coding, mood = self.coder.stopped(coding, mood)
        coding = self.coder.modal(coding, mood)
        if near and not targets and coding.plover == "MOBILIZE":
            targets = reader.places(phrases, trigger, ("proximate",))  # "sent military aircraft near Taiwan"
        hosting = coding.code.code in self.cues["host_code"]
        if hosting and targets and all(t.actor.sector == "CVL" and t.actor.type == "group" for t in targets):
            return []  # "hosting vulnerable Afghans": shelter given to people, no visit (075 rows: refugees)
        if (hosting and targets) or _hosted(context, trigger, coding, sources, targets):
            sources, targets = _guests(targets), sources  # the visitor is the actor (PLOVER manual, CONSULT)
        if words & self.lexicon.guards["civilian_only"] and any(s.actor.sector in RULING for s in sources):
            return []  # "Trump's Tulsa rally": a campaign event, not a protest (PLOVER: civilian demonstrations)
        if len(sources) > 1 and trigger.dep_ == "relcl":  # "between Iran and the UK, which seized an Iranian tanker"
            sources = [s for s in sources if all(not _same(t.actor, s.actor) for t in targets)] or sources
        destined = bool(targets)
        targets = [  # (before they are grouped: "detained Turkey's head of Amnesty and other activists")
            t
            for t in targets
            if all(not _same(t.actor, s.actor) for s in sources) and not _own_state(t, sources, coding.plover)
        ]
        named = sources  # (before they are grouped: "Obama and Sanders would meet" are two, both American)
        members = {  # a role's first filler of each country, and the others of that country
            "source": {g[0].actor.id: g[1:] for g in _by_country(sources, sides=True)},
            "target": {g[0].actor.id: g[1:] for g in _by_country(targets)},
        }
        sources = [s for s in sources if s.actor.id in members["source"]]
        targets = [t for t in targets if t.actor.id in members["target"]]
        states = {s.actor.country for s in sources if s.actor.type == "country"}
        if any(t.actor.country not in states for t in targets):  # "Russia canceled Lavrov's visit to Turkey":
            targets = [t for t in targets if t.actor.country not in states]  # Turkey, not its own minister
        sides = _countries(sources)
        if len(sides) > 1 and None not in sides and _countries(targets) == sides:
            targets = []  # "the US and the AU signed a memorandum between Blinken and Faki": they act together
        if coding.plover == "CONSULT" and _no_counterpart(coding, targets, destined):
            return []  # "Speaking to Reuters, X said": an interview; "traveled to Cleveland": a trip at home
        if two_party and not targets and _alone(trigger, named, reader):
            return []  # "X discussed his campaign with Wikinews": no counterpart, no consultation (PLOVER: CONSULT)
        unclaimed = (  # "a bombing killed five people", not "if it was attacked" nor "were taken to a hospital"
            trigger.pos_ == "VERB"
            and coding.plover in UNCLAIMED_TYPES
            and not coding.code.code.startswith("181")
            and mood.modality == "asserted"
            and not mood.negated
            and any(t.actor.code and t.via.split(" ")[1] in {"dobj", "nsubjpass", "acomp^nsubj"} for t in targets)
            and not _no_one_harmed(trigger)
            and (trigger.dep_ not in {"xcomp", "acl", "advcl", "relcl"} or trigger.tag_ == "VBG")  # "plans to attack"
            and (
                self._attack_named(context, trigger)
                or self._agentless(trigger)
                or self._toll_of_attack_before(context, trigger)
            )
        )
        undergone = (  # "Robert Fico survived an assassination attempt": violence he underwent, doer unknown
            trigger.pos_ == "NOUN"
            and coding.plover == "ASSAULT"
            and mood.modality == "asserted"
            and not mood.negated
            and any(t.actor.code for t in reader.undergoer(trigger, self.cues["surviving"]))
        )
        if not sources and not unclaimed and not undergone:
            return []  # an event needs someone who did it, or, for violence, someone it was done to
        mutual = self.cues.codes("reciprocal_code", coding.code.code)
        if mutual and len(sources) > 1 and targets and all(_place_in(t, sides) for t in targets):
            targets = []  # "the army and the RSF fought in Khartoum": each other, where they fought
        if "reciprocal" in roles or (len(sources) > 1 and not targets and mutual):
            events = [self._event(context, act, coding, mood, sources, [])]  # "agreed to consult each other"
        elif len(sources) > 1 and not targets and _each_other(trigger):  # "Moscow and Kyiv accused each other"
            events = [self._event(context, act, coding, mood, [s], [t]) for s in sources for t in sources if s != t]
        else:
            events = [
                self._event(context, act, coding, mood, [s] if s else [], [t] if t else [])
                for s in sources or [None]
                for t in targets or [None]
            ]
        for event in events:  # a compound role lists its other members of the same country; its span is the first's
            for role in ("source", "target"):
                ids = getattr(event, role)
                ids += [f.actor.id for i in list(ids) for f in members[role].get(i, ())]
        return events

    def _roles(
        self,
        ew: Coded,
        reader: RoleReader,
        act: Act,
        coding: Coding,
        mood: Mood,
        roles: dict[str, list[Filler]],
        phrases,
    ) -> tuple[list[Filler], list[Filler]]:
        """Sources and targets: the clause's, else the recipient of a folded complement, else the state a place
        stands for; an obligation is a request by its speaker."""
        trigger = act.match.token
        sources = roles.get("source", []) + roles.get("reciprocal", [])
        targets = roles.get("target", [])
        if any(":over>" not in t.via for t in targets):  # "sanctions on China over Hong Kong": the topic
            targets = [t for t in targets if ":over>" not in t.via]
        if coding.plover in FRIENDLY_TYPES:  # "supported the government of Hadi against the Houthi rebellion"
            targets = [t for t in targets if ":against>" not in t.via]
        if coding.plover == "RETREAT" and any(not _destination(t) for t in targets):  # "left Syria for Iraq"
            targets = [t for t in targets if not _destination(t)]
        if not targets and coding.plover in {"ACCUSE", "AID"}:  # "alleged Iran had armed ...", "helped Ukraine rebuild"
            targets = [t for t in reader.complement_subjects(trigger) if all(t.actor is not s.actor for s in sources)]
        targets = targets or self._complement_targets(reader, act, coding, sources)
        warned = reader.warned(trigger) if coding.plover == "THREATEN" and not roles.get("target") else []
        if warned and not _countries(warned) & _countries(targets):
            targets = warned  # "to block the deal if Britain ...": Britain (not "to hit Iranian sites if Iran ...")
        if not targets and trigger.lemma_.lower() in self.cues["retaking"]:
            targets = reader.former_holder(trigger)  # "reclaimed the territory that Russia seized": Russia
        if not targets and trigger.lemma_.lower() in self.cues["taking"]:
            targets = reader.retaker(trigger)  # ... and Russia seized it from the one reclaiming it
        uncoded = all(not t.actor.code for t in targets)  # "shelled El Fasher": a city the actors stage kept by name
        if uncoded and coding.plover in AIMED_TYPES and roles.get("aimed"):
            targets = roles["aimed"]  # "rallied outside the Turkish consulate in Mosul": not the city's state
        elif uncoded and (coding.plover in LOCATIVE_TYPES or coding.code.code == VISIT):
            targets = reader.places(phrases, trigger, ("target", "locative")) or targets  # "a siege on the Gaza Strip"
        if coding.code.code == VISIT:
            targets = _hosts(targets)
        if uncoded and coding.plover == "RETREAT":  # "withdrew from the city of Kherson" (not "retreated to X")
            targets = [t for t in reader.places(phrases, trigger, ("target",)) if not _destination(t)] or targets
        if not targets and coding.plover in RECEIVING_TYPES:
            targets = reader.places(phrases, trigger, ("target",)) or reader.beneficiaries(trigger)
        if not targets and coding.plover == "MOBILIZE":
            targets = reader.places(phrases, trigger, ("proximate",))  # "drills around Taiwan"
        if not targets and coding.plover in AIMED_TYPES:
            targets = roles.get("aimed", []) or reader.places(phrases, trigger, ("aimed",), nested=True)
        if self.cues.codes("mediate_code", coding.code.code):  # "brokered a deal between Israel and the UAE",
            # "Saudi Arabia and Iran agreed to restore relations, in a deal brokered by China"
            targets = reader.parties(trigger, nested=True) or reader.deal_makers(trigger) or targets
        if not targets and coding.plover in REACTION_TYPES:
            targets = (  # "condemned the coup in Niger", "welcomed the restoration of ties between Bahrain and Qatar"
                reader.parties(trigger) or _others(reader.parties(trigger, nested=True), sources)
            ) or reader.event_places(phrases, trigger)
        if trigger.pos_ == "NOUN":
            targets = self._undergone_by(reader, trigger, coding.plover, sources, targets)
        if not targets and trigger.pos_ == "NOUN" and coding.plover in ANSWERED_TYPES and coding.code.code[:2] != "09":
            targets = [t for t in reader.answering(trigger) if all(t.actor is not s.actor for s in sources)]
        if not targets and trigger.pos_ == "NOUN":  # "accepting the NRA's endorsement, Trump ...": Trump
            targets = [t for t in reader.receiver(trigger) if all(t.actor is not s.actor for s in sources)]
        if not targets:
            targets = reader.stance(trigger, against=coding.plover == "PROTEST")  # "rallied in support of X"
        if not targets and coding.plover == "SUPPORT":
            targets = [t for t in reader.credited(trigger) if all(t.actor is not s.actor for s in sources)]
        if not targets:  # ", a veiled warning to India"
            targets = [t for t in reader.messaged(trigger) if all(t.actor is not s.actor for s in sources)]
        if coding.plover == "REQUEST":  # "sent a letter to X demanding the release of Y": X is asked; "called for
            # him to discipline prosecutors": he is asked, not the prosecutors
            asked = reader.written_to(trigger) or ([] if roles.get("target") else reader.addressees(trigger))
            targets = asked or targets
        if coding.plover == "PROTEST":  # "protesters rallying for Mr. Brown": whom they stand for is no recipient
            targets = [t for t in targets if ":for>" not in t.via]
        halted = coding.code.code == "087" and _anothers_act(sources, targets)  # "stopped the Russian attack"
        return ([], []) if halted else _as_said(reader, ew, trigger, mood, sources, targets)

    def _attack_named(self, context: Context, verb: Token) -> bool:
        """Whether a death or injury is told with its attack: "a bombing killed five", "killed in an airstrike",
        "two rockets struck an Iranian tanker" (not "a crash killed seven", "killed while working")."""
        clauses = [verb, verb.head] if verb.dep_ in {"advcl", "conj"} else [verb]  # "a car bomb exploded, killing nine"
        for child in (c for clause in clauses for c in clause.children):
            if child.dep_ == "nsubj" and knowledge().equipment_of(child.lemma_, child.text):
                return True  # weapons and craft strike for someone unnamed
            nouns = [child] if child.dep_ in {"nsubj", "nsubjpass"} else []
            if child.dep_ in {"prep", "agent"}:
                nouns = [c for c in child.children if c.dep_ == "pobj"]
            for noun in nouns:
                match = self.lexicon.match(noun, context.ew)
                accidental = noun.lemma_.lower() in self.cues["accidental"]  # "an explosion at a chemical plant"
                if match is not None and match.rule.cameo[:2] in VIOLENT_ROOTS and not accidental:
                    return True
        return False

    def _toll_of_attack_before(self, context: Context, verb: Token) -> bool:
        """ "Twin bombings struck a cathedral. At least 20 people were killed": deaths or injuries told, with no
        doer and no cause of their own, right after a sentence of the same paragraph that names an attack are its
        toll (not "... were killed in a landslide")."""
        before = anaphora.sentence_before(verb.sent)
        if before is None or verb.lemma_.lower() not in self.cues["casualty"]:
            return False
        if any(c.dep_ == "agent" for c in verb.children):
            return False  # "killed by his lions"
        if any(t.lemma_.lower() in self.lexicon.guards["disaster"] for t in verb.subtree):
            return False
        harm, accidental = self.cues["harm"], self.cues["accidental"]
        return any(
            (match := self.lexicon.match(t, context.ew)) is not None
            and match.rule.cameo[:2] in VIOLENT_ROOTS
            and t.lemma_.lower() not in harm | accidental
            for t in before
        )

    def _violence_named(self, context: Context, verb: Token) -> bool:
        """Whether the object of a verb names an act of violence ("condemned the attack", "the strike")."""
        return any(
            (match := self.lexicon.match(o, context.ew)) is not None and match.rule.cameo[:2] in VIOLENT_ROOTS
            for o in verb.children
            if o.dep_ == "dobj"
        )

    def _agentless(self, verb: Token) -> bool:
        """ "Wiranto was stabbed": a passive act of violence whose doer is not said (not "killed by his lions",
        nor a death alone: "an engineer was killed while working")."""
        children = {c.dep_ for c in verb.children}
        if verb.dep_ == "acomp" and verb.tag_ == "VBN":  # "has been very heavily sanctioned": read as an adjective
            children |= {"nsubjpass" if c.dep_ == "nsubj" else c.dep_ for c in verb.head.children}
        return "nsubjpass" in children and "agent" not in children and verb.lemma_.lower() not in self.cues["harm"]

    def _complement_targets(self, reader: RoleReader, act: Act, coding: Coding, sources: list[Filler]) -> list[Filler]:
        """The recipient of a promise, threat or request from its complement: "threatened to cut power to X",
        "refused to meet X", "demanded that X withdraw" (the one asked is the recipient)."""
        trigger = act.match.token
        given_up = given_up_acts(trigger, self.lexicon.guards)  # "dropped plans to impose tariffs on China"
        if not act.complements and not given_up and not self.finder.folds(act.match):
            return []
        if coding.plover == "REQUEST" and told_to_act(trigger):
            return []  # "encouraged them to undercut Trump's agenda": they are asked (whoever they are), not Trump
        verbs = [
            c
            for c in trigger.children
            if c.pos_ in {"VERB", "AUX"}
            and (
                (c.dep_ in {"xcomp", "ccomp"} and irrealis(c))
                or (c.dep_ == "advcl" and infinitive(c) and self.finder.serves(act.match))
            )
        ]
        plain = replace(act.match.rule, particle=None, objects=frozenset())  # the planned act's own roles
        complements = act.complements or [
            self.lexicon.match(v, reader.ew) or Match(v, act.match.rule, None) for v in verbs
        ] + [Match(v, replace(plain, lemma=v.lemma_.lower()), None) for v in given_up]
        # a threat, not a warning of others' acts ("warned that Trump's tariffs would trigger a recession")
        threat = coding.plover == "THREATEN" and trigger.lemma_.lower() not in self.lexicon.guards["warning"]
        found: list[Filler] = []
        for complement in complements:
            verb = complement.token
            roles = reader.fill(reader.phrases(complement), verb)
            addressed = [f for f in roles.get("source", []) if all(f.actor is not s.actor for s in sources)]
            clause = verb
            while clause.dep_ == "conj" and clause.head != clause:
                clause = clause.head  # "demanded that Russia stop its attacks and withdraw"
            if coding.plover == "REQUEST" and clause.dep_ == "ccomp" and addressed:
                found += addressed  # "demanded that Russia withdraw from X": Russia is asked, not X
            elif threat and clause.dep_ == "ccomp" and addressed and not roles.get("target"):
                found += addressed  # "threatened that the United States would pay dearly": the US is threatened
            else:
                found += roles.get("target", [])
        return found

    def _undergone_by(
        self, reader: RoleReader, noun: Token, plover: str | None, sources: list[Filler], targets: list[Filler]
    ) -> list[Filler]:
        """Who an act named by a noun falls on by what the clause says of its subject ("Iran faces new
        sanctions"), where nothing else names a recipient; for violence survived or suffered, that one whatever
        else is named ("survived an attempt on his life")."""
        survivors = reader.undergoer(noun, self.cues["surviving"]) if plover == "ASSAULT" else []
        undergoers = survivors or ([] if targets else reader.undergoer(noun))
        return [t for t in undergoers if all(t.actor is not s.actor for s in sources)] or targets

    def _event(
        self, context: Context, act: Act, coding: Coding, mood: Mood, sources: list[Filler], targets: list[Filler]
    ) -> Event:
        doc, ew = context.doc, context.ew
        trigger, rule = act.match.token, act.match.rule
        sent = trigger.sent
        date, date_source = event_date(doc, ew, trigger, context.text, context.timex_clauses)
        target = targets[0].actor if targets else None
        done_to = _object_place(ew, trigger) if self._material(coding.code) else None  # not "accused Russia"
        place, place_source = places.event_place(doc, sent, done_to, context.dateline, target, coding.code.code)
        speaker = reporter(context.reader, ew, trigger, quotes.CUE_LEMMAS) or turn_speaker(context.reader, ew, trigger)
        confidence = 0.55 + 0.1 * rule.specificity + (0.1 if targets else 0.0) + _prominence(trigger)
        confidence -= UNCODED_PENALTY * sum(not f.actor.code for f in [*sources, *targets])
        modality = "requested" if mood.obligation else mood.modality
        if modality == "asserted":
            refusal = mood.refused and coding.code.root == REFUSED  # "ruled out sending tanks": a refusal made
            modality = "denied" if mood.negated and not refusal else IMPLIED_MODALITY.get(coding.plover, modality)
        elif mood.negated and modality == "intended" and coding.code.root == REFUSED:
            modality = "asserted"  # "said it will not send troops": a refusal made now (negation.tsv)
        promised = modality == "intended" or coding.plover == "AGREE"
        code = coding.code
        return Event(
            id="",
            source=[f.actor.id for f in sources],
            target=[target.id] if target else [],
            source_code=_code_of(sources[0].actor) if sources else None,
            target_code=_code_of(target) if target else None,
            cameo=code.code,
            plover=coding.plover,
            mode=code.mode if coding.plover == code.plover else None,
            quad=self.codebook.quad_class(code.code, self.convention),
            goldstein=code.goldstein,
            date=date,
            date_source=date_source,
            modality=modality,
            negated=mood.negated,
            reported_by=speaker.id if speaker else None,
            deadline=deadline(ew, sent, context.text) if promised else None,
            place=place.id if place else None,
            place_source=place_source,
            trigger=[trigger.idx, trigger.idx + len(trigger.text)],
            sentence=[sent.start_char, sent.end_char],
            confidence=round(max(confidence, 0.05), 2),
            pattern=coding.pattern,
            path="; ".join(dict.fromkeys(f.via for f in [*sources, *targets])),
            source_span=[min(f.span[0] for f in sources), max(f.span[1] for f in sources)] if sources else None,
            target_span=list(targets[0].span) if targets else None,
        )


def _as_said(
    reader: RoleReader, ew: Coded, trigger: Token, mood: Mood, sources: list[Filler], targets: list[Filler]
) -> tuple[list[Filler], list[Filler]]:
    """Roles the speaker takes: an obligation is a request by its speaker to the one obliged ("Russia must
    withdraw", says X); an act no one is named to do in "it is an honor to ..." is the speaker's ('"It is an honor
    to welcome President Zelenskyy," Biden said')."""
    extraposed = not sources and _extraposed(trigger)
    if not (mood.obligation or extraposed):
        return sources, targets
    speaker = reporter(reader, ew, trigger, quotes.CUE_LEMMAS) or (
        turn_speaker(reader, ew, trigger) if extraposed else None
    )
    said = [Filler(speaker, _mention_near(speaker, trigger), "speaker")] if speaker else []
    return (said, sources) if mood.obligation else (said, targets)


def _extraposed(trigger: Token) -> bool:
    """Whether an infinitive is the speaker's act an "it" stands in for: "It is an honor to welcome X", "it was a
    privilege to meet with him" (not "it is hard to defend X", "it is wrong to ask": a view of anyone's act)."""
    head = trigger.head
    if not infinitive(trigger) or trigger.dep_ not in {"xcomp", "acl", "ccomp", "advcl"}:
        return False
    verb = head.head if head.pos_ in {"NOUN", "ADJ"} and head.dep_ in {"attr", "acomp"} else head
    return (
        head.lemma_.lower() in cues()["privilege"]
        and verb.lemma_ == "be"
        and any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in verb.children)
    )


def _no_one_harmed(verb: Token) -> bool:
    """ "No Coalition troops were injured", "killed no one": harm denied of those it names."""
    harmed = [c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}]
    return any(
        h.lower_ in {"nobody", "none"} or any(d.dep_ == "det" and d.lower_ == "no" for d in h.children) for h in harmed
    )


def _clause_of(reader: RoleReader, trigger: Token) -> Token:
    """The verb whose auxiliaries and governors tell an act's modality: a noun's carrying verb ("will hold
    talks", "plans to launch an attack") or the verb its undergoer is the subject of ("will face US sanctions": a
    threat; "could face sanctions"), an adjective's copula ("will be critical of")."""
    if trigger.pos_ == "ADJ" and trigger.dep_ in {"acomp", "oprd"}:
        return trigger.head
    if trigger.pos_ == "VERB":
        return trigger
    undergone = trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in reader.cues["undergo"]
    return reader.carrier_verb(trigger) or (trigger.head if undergone else trigger)


def _prominence(trigger: Token) -> float:
    """What the sentence asserts first is surest: its main verb, then other clauses, then nominal events and
    acts told in passing in a relative clause ("released a ship it seized"), then an act a noun says is meant
    ("welcomed the decision to send troops": the welcome is what the sentence tells)."""
    if trigger.dep_ == "acl" and infinitive(trigger):
        return -0.2
    if trigger.pos_ != "VERB" or trigger.dep_ in {"relcl", "acl"}:
        return -0.05
    return 0.05 if trigger.dep_ == "ROOT" or (trigger.dep_ == "conj" and trigger.head.dep_ == "ROOT") else 0.0


def _anothers_act(sources: list[Filler], targets: list[Filler]) -> bool:
    """Whether an act a de-escalation halts (087: its object) is another state's or group's, not the actors' own
    ("Erdogan agreed to halt Turkey's attacks": his own state's)."""
    return any(
        t.via.split(" ")[1] == "dobj"
        and not any(_same(t.actor, s.actor) or t.actor.country in {s.actor.country} - {None} for s in sources)
        for t in targets
    )


def _same(target: Actor, source: Actor) -> bool:
    """The same actor, or the same state twice ("Mexico deployed troops to its border")."""
    state = target.code is not None and target.code == target.country and target.type != "person"
    return target is source or (state and target.code == source.code)


def _others(parties: list[Filler], sources: list[Filler]) -> list[Filler]:
    """Parties named deep in what is reacted to, not of the actors' own countries ("welcomed ties between
    Bahrain and Qatar, two U.S. partners"), none where the actors are among them ("the US and the Taliban
    signed a deal to pave the way for talks between the Afghan leadership and the rebels": their own)."""
    if any(p.direct and p.actor.code == s.actor.code for p in parties for s in sources):
        return []
    own = {s.actor.country for s in sources}
    return [p for p in parties if p.actor.country not in own]


def _alone(verb: Token, fillers: list[Filler], reader: RoleReader) -> bool:
    """A single person or a body of one state sitting ("Parliament would meet briefly", "when the royal council
    met", "House Republicans met behind closed doors"; :func:`_sits_alone`) said to act in a clause of its own or
    one it is scheduled for ("the Senate was set to meet"; not "hosted a summit to discuss ...": with those who
    came), with no actor after a "with" the parse may have missed ("met today with Foreign Minister X of Guatemala
    to underscore ...")."""
    if len(fillers) != 1 or not _sits_alone(fillers[0], verb.doc):
        return False
    owned = verb.pos_ == "NOUN" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in verb.children)
    wanted = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in cues()["wish"]  # "I would like to discuss"
    scheduled = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in cues()["schedule"]  # "is set to meet"
    if not (owned or wanted or scheduled) and (
        verb.pos_ != "VERB" or verb.dep_ in {"xcomp", "acl", "pcomp"} or infinitive(verb)
    ):
        return False  # (but "his visit to Camp David", "his overseas trip" are a person's own)
    withs = [t for t in verb.sent if t.lower_ == "with" and t.i > verb.i]
    near = (reader.actor_at(t) for w in withs for t in w.doc[w.i + 1 : w.i + 6])
    return not any(a is not None and a is not fillers[0].actor for a in near)


def _sits_alone(filler: Filler, doc: Doc) -> bool:
    """A person, a legislature, or another body or group of one state; not a state or an international body,
    which meet within themselves ("the G7 met"), nor "the leaders", "the ministers" of a summit, nor "military
    commanders from both sides"."""
    actor = filler.actor
    if actor.type == "person" or actor.sector == "LEG":
        return True
    if actor.type == "country" or (actor.code and not actor.country):
        return False
    head = doc.char_span(*filler.span, alignment_mode="expand")
    if head is None or head.root.lemma_.lower() in cues()["together_noun"]:
        return False
    return not any(t.lower_ == "both" or t.lemma_.lower() == "side" for t in head.root.subtree)


def _own_state(target: Filler, sources: list[Filler], plover: str) -> bool:
    """A state's own country as the recipient of its acts or those of its bodies, office holders and parties
    ("the President traveled to South Dakota", "withdrew the US from a treaty"): no recipient. Not for
    protests (the place stands for the protesters' own government), force used at home on a place ("fired tear
    gas at protesters in Paris"), nor rebels, civilians or the opposition ("Taliban militants stormed an Afghan
    military base")."""
    actor = target.actor
    if plover == "MOBILIZE" and actor.sector in FORCES and any(s.actor.country == actor.country for s in sources):
        return True  # "Russia mobilized 300,000 reservists": its own forces made ready, no recipient
    if plover in FRIENDLY_TYPES and actor.sector in STATE_SECTORS and actor.type != "person":
        bare = [s for s in sources if s.actor.type == "country"]
        own = actor.type == "group" and any(s.actor.code == actor.code for s in sources)  # (not another party)
        if own or any(s.actor.code == actor.country for s in bare):
            return True  # "The United States and Japan pledge to revitalize our Alliance": "our" is no recipient,
            # nor in "President Biden affirmed his support for strengthening our alliance" (a White House text)
    if actor.code is None or actor.code != actor.country or actor.type == "person" or plover in OWN_GOVERNMENT_TYPES:
        return False
    if plover in LOCATIVE_TYPES and target.via.startswith("place"):
        return False
    return any(
        s.actor.country == actor.country and (s.actor.sector in STATE_SECTORS or s.actor.sector is None)
        for s in sources
    )


def _hosted(context: Context, trigger: Token, coding: Coding, sources: list[Filler], targets: list[Filler]) -> bool:
    """ "Egyptian mediators met a Hamas delegation in Cairo": a meeting in the source's own state is hosted by
    it, so the one who came is the actor (the dev conventions: visitor = actor, host = recipient)."""
    if coding.code.code not in context.reader.cues["meeting_code"] or len(sources) != 1 or len(targets) != 1:
        return False
    place = places.place_for_sentence(context.doc, trigger.sent)
    home, guest = (f.actor.country or (f.actor.code or "")[:3] for f in (sources[0], targets[0]))
    return place is not None and bool(place.country) and home == place.country != guest


def _guests(targets: list[Filler]) -> list[Filler]:
    """Whom a host receives, not where ("welcomed President Zelenskyy to Washington")."""
    return [t for t in targets if ":to>" not in t.via] or targets


def _hosts(targets: list[Filler]) -> list[Filler]:
    """Who is visited: not where the visitor came from ("travelled from Louisiana to Disney World"), nor who came
    along ("visited Taiwan with a congressional delegation")."""
    targets = [t for t in targets if ":from>" not in t.via]
    hosts = [t for t in targets if ":with>" not in t.via and (t.actor.code or t.actor.country)]
    return hosts or targets  # ("visited Kharkiv with President Zelensky": a town the actors stage cannot code)


def _destination(filler: Filler) -> bool:
    """A place something moves to ("left Syria for Iraq", "retreated to New Mexico"), not the one it leaves."""
    return any(f":{prep}>" in filler.via for prep in ("to", "for", "into", "toward", "towards"))


def _countries(fillers: list[Filler]) -> set[str | None]:
    """The states or organisations the fillers belong to (an organisation's own code: "AU")."""
    return {f.actor.country or f.actor.code for f in fillers}


def _place_in(target: Filler, countries: set) -> bool:
    """A recipient that is only the place of the act, in the actors' own country."""
    return target.via.startswith("place ") and target.actor.country in countries


def _in_words(sources: list[Filler], targets: list[Filler]) -> bool:
    """Whether an attack or fight is one of words: a named politician (a person of a state's or a party's
    sectors) on a person or on a body of their own state (the first named: "attacked Trump for the U.S.
    deaths", "clashed with White House officials", "Trump attacked the FBI"), or one who commands no forces, on
    anyone ("Senator Graham attacked Russia"; but "Putin attacked Ukraine", and a former general's plans "to
    attack American diplomats")."""
    if not sources or sources[0].actor.type != "person":
        return False
    doer, other = sources[0].actor, targets[0].actor if targets else None
    if doer.sector in UNARMED:
        return True
    if doer.sector not in POLITICIANS or other is None:
        return False
    return other.type == "person" or (other.country is not None and other.country == doer.country)


def _each_other(verb: Token) -> bool:
    """Whether the act's object is "each other" or "one another": each actor does it to the others."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    pairs = {("each", "other"), ("one", "another"), ("another", "one")}
    return any((d.lower_, o.lower_) in pairs for o in objects for d in o.children)


def _between_candidates(sources: list[Filler], targets: list[Filler]) -> bool:
    """Whether a person and another person or politician, one of them a politician, are on both sides of an
    act (an election's rivals: "Sanders beat Clinton", "the right person to beat this president")."""
    if not (sources and targets):
        return False
    doer, other = sources[0].actor, targets[0].actor
    return (
        doer.type == "person"
        and (other.type == "person" or other.sector in POLITICIANS)
        and (doer.sector in POLITICIANS or other.sector in POLITICIANS)
    )


def _margin(verb: Token) -> bool:
    """ "beat Sanders by just 4 points", "by 3,000 votes": a win counted in votes."""
    return any(
        p.lemma_.lower() in MARGINS for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children
    )


def _by_country(fillers: list[Filler], sides: bool = False) -> list[list[Filler]]:
    """A role's fillers grouped by country, each group one member list of an event (PLOVER manual, compound
    actors): "Nancy Pelosi and Chuck Schumer criticized X" is one act of both, "The US and France accused Russia"
    two. Only fillers found the same way join the first ("slammed Trump for a Times story": the Times is no
    recipient). With ``sides`` (the actors of an act) a state's armed opponents are a side of their own ("the
    Sudanese army and the RSF fought")."""
    groups: dict[tuple, list[Filler]] = {}
    for filler in fillers:
        actor = filler.actor
        key = (actor.country or (actor.code or "")[:3] or actor.id, sides and actor.sector in INSURGENT)
        group = groups.setdefault(key, [])
        if not group or (_found_as(filler) == _found_as(group[0]) and all(f.actor is not actor for f in group)):
            group.append(filler)
    return list(groups.values())


def _found_as(filler: Filler) -> str:
    """How the parse found a filler, without the word it found ("target dobj")."""
    return filler.via.rsplit(" '", 1)[0]


def _code_of(actor: Actor) -> str | None:
    """The actor's code, else what is known of it (country and sector)."""
    return actor.code or ((actor.country or "") + (actor.sector or "")) or None


def _mention_near(actor: Actor, trigger: Token) -> tuple[int, int]:
    """The actor's mention nearest before the trigger in its sentence (the speaker of "X must Y")."""
    sent = trigger.sent
    inside = [m for m in actor.mentions if sent.start_char <= m[0] < sent.end_char]
    before = [m for m in inside if m[0] < trigger.idx] or inside or actor.mentions
    start, end = before[-1] if before else (trigger.idx, trigger.idx)
    return start, end


def _object_place(ew: Coded, trigger: Token) -> Place | None:
    """A place the act is done to ("attacked the city of Kharkiv", "shelled Bakhmut") is where it happened."""
    for head in object_heads(trigger):
        subtree = list(head.subtree)
        start, end = subtree[0].idx, subtree[-1].idx + len(subtree[-1].text)
        place = next((p for p in ew.places if start <= p.start and p.end <= end and p.lat is not None), None)
        if place is not None:
            return place
    return None


@Language.factory(
    "eventwire_events",
    requires=["doc._.ew", "token.dep", "token.lemma"],
    assigns=["doc._.ew"],
    default_config={"quad": "gdelt"},
)
def make_event_stage(nlp: Language, name: str, quad: str) -> EventStage:
    """The events stage; ``quad`` is the QuadClass convention of the events' ``quad`` field."""
    return EventStage(nlp, quad)


def _no_counterpart(coding: Coding, targets: list[Filler], destined: bool) -> bool:
    """Whether a consultation has no one to consult: only journalists ("met journalists"), or a visit whose only
    place was the visitor's own state ("traveled to Cleveland to debate Biden"; PLOVER: CONSULT)."""
    if targets:
        return all(t.actor.sector == "MED" for t in targets)
    return destined and coding.code.code.startswith(VISIT)

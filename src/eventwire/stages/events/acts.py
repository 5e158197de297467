"""Acts: the triggers of a document that become events, each act once.

An object that a lexicon row needed ("imposed *sanctions*") is part of its verb's act; a statement, proposal
or demand named as the object of another act is what that act is about ("welcomed Russia's *proposal*"); an
act in the complement of a promise, threat, request, refusal, accusation or consideration ("agreed to
*send*", "threatened to order police to *shoot*") is folded into it: the governing act is the event (PLOVER
manual: AGREE, THREATEN), and the folded act gives it its recipient and its specific code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ...records import Coded
from .codebook import Codebook
from .cues import cues
from .modality import governor, infinitive, irrealis, owed, self_bound
from .roles import RoleReader
from .triggers import APPEAL, Lexicon, Match, Rule, framed

STATEMENT = "010"  # a plain statement: what it says it commits to or demands is the act
ALLEGE = "112"  # accusations: what they allege is their content, not an act they report as done
COMMANDED = {"GOV", "MIL", "COP", "SPY"}  # a state's own bodies and forces, which its leaders command
ASKED = {"xcomp", "ccomp", "conj", "dobj", "nsubj", "nsubjpass", "pobj", "prep"}  # within a main clause


@dataclass
class Act:
    """A trigger that becomes events, with the acts in its complement that it keeps as part of itself."""

    match: Match
    complements: list[Match] = field(default_factory=list)


class ActFinder:
    """Finds a document's acts with the lexicon; ``speech`` are the verbs that report speech."""

    def __init__(self, lexicon: Lexicon, speech: frozenset[str], codebook: Codebook):
        self.lexicon, self.speech, self.cues, self.codebook = lexicon, speech, cues(), codebook

    def plover(self, match: Match) -> str | None:
        return self.codebook[match.rule.cameo].plover

    def acts(self, doc: Doc, ew: Coded, reader: RoleReader) -> list[Act]:
        matches: dict[int, Match] = {}
        for sent in doc.sents:
            if self.lexicon.codeable(sent):
                question = sent.text.rstrip().endswith("?")
                matches.update(
                    (m.token.i, m)
                    for t in sent
                    if not (question and _asked(t)) and (m := self._match(t, ew)) is not None
                )
        carriers = {m.carrier.i for m in matches.values() if m.carrier is not None and m.carrier != m.token}
        acts = {
            i: Act(m)
            for i, m in matches.items()
            if i not in carriers and not self._topic(m, matches) and not _instrument(m, matches)
        }
        for i in [i for i, act in acts.items() if self._commands_own(act, acts, ew)]:
            del acts[i]  # "Trump ordered US troops to withdraw": the withdrawal is the event, not a request
        for i, act in list(acts.items()):
            asked = self._asked_for(act, matches)
            if asked is not None and asked.i not in acts:
                del acts[i]  # "rejected a request from Maliki to carry out airstrikes": no airstrikes
                continue
            head = asked or self._folding_head(self._clause(act, reader), acts) or self._purpose_of(act, acts)
            if head is not None:
                acts[head.i].complements.append(act.match)
                del acts[i]
        for i in [i for i, act in acts.items() if self._enables(act, acts)]:
            del acts[i]
        return sorted(acts.values(), key=lambda a: a.match.token.i)

    def _purpose_of(self, act: Act, acts: dict[int, Act]) -> Token | None:
        """ "blocked a highway to protest against the policy": a purpose of the same kind as its act is part of it,
        also where the parse hangs it on a clause beside the act ("blocked roads, defying a ban, to protest");
        what a meeting, call or visit is for is its topic ("met X to deepen the partnership"; PLOVER manual,
        CONSULT), also where the parse makes the one met its subject ("met with X to deepen"), unless it is said
        there ("met X to express support for Y", "called X to congratulate him": the content, coded too)."""
        token = act.match.token
        if not infinitive(token):
            return None
        if token.dep_ == "pcomp" and token.head.lower_ == "with":
            heads = [token.head.head]
        elif token.dep_ == "advcl":
            heads = [token.head, *([token.head.head] if token.head.dep_ in {"advcl", "conj"} else [])]
        else:
            return None
        kind = self.plover(act.match)
        said = token.lemma_.lower() in self.cues["performative"] and not any(c.dep_ == "nsubj" for c in token.children)
        kinds = {kind} if said else {kind, "CONSULT"}
        return next((h for h in heads if h.i in acts and self.plover(acts[h.i].match) in kinds), None)

    def _asked_for(self, act: Act, matches: dict[int, Match]) -> Token | None:
        """The request or offer named as the object of the clause an infinitive is parsed as the purpose of,
        which the infinitive says what it asks for ("made a request to the US to carry out airstrikes"; "rejected
        a request from X to carry out airstrikes", where the request is the rejection's topic)."""
        token = act.match.token
        if token.dep_ != "advcl" or not infinitive(token):
            return None
        objects = [c for c in token.head.children if c.dep_ == "dobj" and c.i in matches]
        return next((o for o in objects if self.serves(matches[o.i])), None)

    def _commands_own(self, act: Act, acts: dict[int, Act], ew: Coded) -> bool:
        """Whether an order is a leader's to his own forces or bodies to do an act ("ordered US troops to
        withdraw", "ordered the Justice Department to investigate"): the state's act, no request to anyone."""
        token = act.match.token
        if token.lemma_.lower() not in self.cues["command"] or not any(
            c.dep_ == "xcomp" and c.i in acts for c in token.children
        ):
            return False
        subjects = [ew.actor_at(c) for c in token.children if c.dep_ == "nsubj"]
        ordered = [ew.actor_at(c) for c in token.children if c.dep_ == "dobj"]
        states = {a.country for a in subjects if a is not None and a.country}
        return any(a is not None and a.country in states and a.sector in COMMANDED for a in ordered)

    def _enables(self, act: Act, acts: dict[int, Act]) -> bool:
        """ "approved the extradition of X", "ordered an attack": the nominal act is the event, not the approval."""
        token = act.match.token
        if token.lemma_.lower() not in self.cues["enabling"]:
            return False
        objects = [c for c in token.children if c.dep_ == "dobj"]
        objects += framed(objects, self.cues["event_frame"] | self.cues["quantity"])  # "a package of sanctions"
        return any(o.i in acts for o in objects)

    def _match(self, token: Token, ew: Coded) -> Match | None:
        """The token's lexicon row; a verb that is owed ("X must stop the militants", "has to leave") is an act
        even without one: a request by whoever says it (but "we should cut taxes" asks no one)."""
        match = self.lexicon.match(token, ew)
        if (
            match is None
            and token.pos_ == "VERB"
            and owed(token)
            and not self_bound(token)
            and _actor_subject(token, ew)
        ):
            match = Match(token, Rule(APPEAL, token.lemma_.lower(), "VERB", None, frozenset()), None)
        return match

    def folds(self, match: Match) -> bool:
        """Whether an act keeps the act in its complement as part of itself: promises, threats, requests,
        demands, refusals, accusations and considerations ("agreed to", "threatened to", "urged X to",
        "refused to", "accused X of", "is considering")."""
        return self.cues.codes("folding_root", match.rule.cameo)

    def serves(self, match: Match) -> bool:
        """Whether an act's purpose clause is what the act is about: "offered troops to fight the insurgency"
        (not a refusal's: "defying a ban to protest X" is a protest of its own)."""
        return self.cues.codes("purpose_root", match.rule.cameo)

    def _topic(self, match: Match, matches: dict[int, Match]) -> bool:
        """A nominal act that another act is about: a statement, proposal or demand ("welcomed Russia's
        proposal"), or an act that a rejection, ban or veto kept from happening ("prohibited opposition
        rallies"); not one a plain statement says ("reiterated its commitment to X")."""
        token = match.token
        governor = token.head.head if token.dep_ == "pobj" else token.head  # "agreed to the proposal"
        head = matches.get(governor.i)
        if token.pos_ == "VERB" or head is None or token.dep_ not in {"dobj", "nsubjpass", "pobj"}:
            return False
        if token.dep_ == "pobj" and token.head.lower_ not in {head.rule.particle, "to"}:
            return False  # "agreed to the proposal", "conceded to demands" (not "attacked despite demands")
        judged = any(c.dep_ in {"oprd", "xcomp", "ccomp"} for c in governor.children) or any(
            c.dep_ == "appos" for c in token.children
        )  # "declared the proposal a grab bag": what is said about the proposal
        if head.rule.cameo == STATEMENT and not judged:
            return False  # "reiterated the United States' commitment to Kosovo": the commitment is the act said
        prevented = self.cues.codes("preventing_root", head.rule.cameo)
        return prevented or match.rule.cameo[:2] in self.cues["topic_root"]

    @staticmethod
    def _clause(act: Act, reader: RoleReader) -> Token | None:
        """The verb whose clause an act is: its own, or the verb carrying a nominal act ("agreed to hold
        *talks*") unless the noun names its own actor ("accused Iran of ordering the *attack* by rebels")."""
        token = act.match.token
        if token.pos_ == "VERB":
            return token
        roles = reader.fill(reader.phrases(act.match), token)
        return None if roles.get("source") or roles.get("reciprocal") else reader.carrier_verb(token)

    def _folding_head(self, token: Token | None, acts: dict[int, Act]) -> Token | None:
        """The act whose complement the token's act is, through verbs that are no acts ("committed to ensuring
        X sends", "threatened to order police to shoot"), if that act folds its complement."""
        if token is None:
            return None
        current, head = token, governor(token)
        own = acts.get(token.head.i)  # "defying a ban to protest X": a refusal's purpose is no part of it
        if head is None and token.dep_ == "advcl" and infinitive(token) and (own is None or self.serves(own.match)):
            head = token.head  # "offered troops to fight the insurgency": the purpose is part of the offer
        for _ in range(4):
            if head is None or head.i in acts or head.lemma_.lower() in self.speech:
                break
            if not irrealis(current) and head.lemma_.lower() not in self.cues["pass_through"]:
                break
            current, head = head, governor(head)
        if head is None or head.i not in acts or not self.folds(acts[head.i].match):
            return None
        alleged = acts[head.i].match.rule.cameo.startswith(ALLEGE)  # "alleged that X is arming Y": a claim
        return head if irrealis(current) or alleged else None


def _asked(token: Token) -> bool:
    """Whether a word of a question is in its main clause, whose act is asked about, not told ("Did the
    federation ever support you?"; not "Did he mean it when he threatened X?")."""
    while token.dep_ in ASKED and token.head != token:
        token = token.head
    return token.dep_ == "ROOT"


def _instrument(match: Match, matches: dict[int, Match]) -> bool:
    """ "Missiles fired by Iran hit two air bases": the participle describes what did the main act; the main
    act is the event (and takes its actor from the participle)."""
    token = match.token
    noun = token.head
    return token.dep_ == "acl" and noun.dep_ == "nsubj" and noun.head.i in matches


def _actor_subject(verb: Token, ew: Coded) -> bool:
    """Whether a verb's own active subject is an actor ("Afghanistan must stop ..."; not "history should be
    remembered")."""
    return any(c.dep_ == "nsubj" and c.i in ew.actor_of_token for c in verb.children)

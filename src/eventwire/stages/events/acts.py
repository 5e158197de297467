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
from .cues import cues
from .modality import governor, irrealis
from .roles import RoleReader
from .triggers import Lexicon, Match


@dataclass
class Act:
    """A trigger that becomes events, with the acts in its complement that it keeps as part of itself."""

    match: Match
    complements: list[Match] = field(default_factory=list)


class ActFinder:
    """Finds a document's acts with the lexicon; ``speech`` are the verbs that report speech."""

    def __init__(self, lexicon: Lexicon, speech: frozenset[str]):
        self.lexicon, self.speech, self.cues = lexicon, speech, cues()

    def acts(self, doc: Doc, ew: Coded, reader: RoleReader) -> list[Act]:
        matches: dict[int, Match] = {}
        for sent in doc.sents:
            if self.lexicon.codeable(sent):
                matches.update((m.token.i, m) for t in sent if (m := self.lexicon.match(t, ew)) is not None)
        carriers = {m.carrier.i for m in matches.values() if m.carrier is not None and m.carrier != m.token}
        acts = {i: Act(m) for i, m in matches.items() if i not in carriers and not self._topic(m, matches)}
        for i, act in list(acts.items()):
            head = self._folding_head(self._clause(act, reader), acts)
            if head is not None:
                acts[head.i].complements.append(act.match)
                del acts[i]
        return sorted(acts.values(), key=lambda a: a.match.token.i)

    def folds(self, match: Match) -> bool:
        """Whether an act keeps the act in its complement as part of itself: promises, threats, requests,
        demands, refusals, accusations and considerations ("agreed to", "threatened to", "urged X to",
        "refused to", "accused X of", "is considering")."""
        return any(match.rule.cameo.startswith(prefix) for prefix in self.cues["folding_root"])

    def _topic(self, match: Match, matches: dict[int, Match]) -> bool:
        token = match.token
        spoken = match.rule.cameo[:2] in self.cues["topic_root"]
        return token.pos_ != "VERB" and spoken and token.dep_ in {"dobj", "nsubjpass"} and token.head.i in matches

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
        for _ in range(4):
            if head is None or head.i in acts or head.lemma_.lower() in self.speech:
                break
            if not irrealis(current) and head.lemma_.lower() not in self.cues["pass_through"]:
                break
            current, head = head, governor(head)
        if head is None or head.i not in acts or not self.folds(acts[head.i].match):
            return None
        return head if irrealis(current) else None

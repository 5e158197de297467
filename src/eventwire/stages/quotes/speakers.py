"""Speakers: the actor behind a quote's subject, and the span of text that names it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...records import Actor, Coded
from ..actors import resolve_span
from .lexicon import PERSONAL, SPOKESPEOPLE
from .page import Page

RELATIVE = {"WP", "WDT"}  # "who", "which", "that" opening a relative clause


class Speakers:
    """Resolves the subjects of one document's cues to actors, through the actor stage's mentions."""

    def __init__(self, page: Page, ew: Coded):
        self.page, self.doc, self.ew = page, page.doc, ew

    def speaker(self, head: Token) -> tuple[Actor | None, Span]:
        """The actor behind a subject and the span that names it (the actor mention inside the phrase).

        When the head noun itself is no actor, an institution inside the phrase speaks ("a NATO spokesman",
        "Russian officials", named by the whole phrase), but a person only in apposition ("the senator, Debbie
        Stabenow"): in "a senior Obama administration official" Obama is not the speaker."""
        if head.tag_ in RELATIVE and head.head.dep_ == "relcl" and head.head.head != head.head:
            return self.speaker(head.head.head)[0], self.doc[head.i : head.i + 1]  # "X, who said": X speaks
        phrase = self._noun_phrase(head)
        actor = resolve_span(self.doc, phrase)
        if actor is None and head.lower_ in PERSONAL:
            return self._last_person_before(head.i), self.doc[head.i : head.i + 1]
        mentions = [
            (s, e)
            for s, e, a in self.ew.mention_spans
            if actor is not None and a == actor.id and s < phrase.end and phrase.start < e
        ]
        best = next(((s, e) for s, e in mentions if s <= head.i < e), None)
        if best is None and mentions and _speaks_for(self.doc[mentions[0][0] : mentions[0][1]], head):
            return actor, phrase  # the spokesperson's words are the person's; the source is the whole phrase
        if best is None and mentions and actor.type != "person":
            return actor, phrase  # "a NATO spokesman", "Democratic party officials": the whole phrase speaks
        if best is None and mentions and _apposed(self.doc[mentions[0][0]], head):
            best = mentions[0]
        if best is None:
            return None, phrase
        return actor, self.doc[best[0] : best[1]]

    def _noun_phrase(self, head: Token) -> Span:
        """The subject's noun phrase, without relative clauses and edge punctuation."""
        end = head.right_edge.i + 1
        for c in head.rights:
            if c.dep_ in {"relcl", "acl", "advcl"}:
                end = min(end, c.left_edge.i)
        span = self.doc[head.left_edge.i : max(end, head.i + 1)]
        return self.page.trim(span) or self.doc[head.i : head.i + 1]

    def _last_person_before(self, i: int) -> Actor | None:
        """A pronoun the actor stage left unlinked: the person mentioned last before it."""
        last = None
        for _, end, actor_id in self.ew.mention_spans:
            if end > i:
                break
            actor = self.ew.actor(actor_id)
            if actor is not None and actor.type == "person":
                last = actor
        return last


def _speaks_for(mention: Span, head: Token) -> bool:
    """ "Scholz's spokesman", "a spokeswoman for Scholz": the person's own spokesperson speaks for them."""
    root = mention.root
    return head.lower_ in SPOKESPEOPLE and (
        (root.dep_ == "poss" and root.head == head)
        or (root.dep_ == "pobj" and root.head.lower_ == "for" and root.head.head == head)
    )


def _apposed(token: Token, head: Token) -> bool:
    """Whether ``token`` hangs from ``head`` through an apposition."""
    while token != head and token.head != token:
        if token.dep_ == "appos":
            return True
        token = token.head
    return False

"""Cues and speakers' subjects: the verbs and phrases that attribute speech, and who is said to speak."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .lexicon import ACCORDING, COMPLEMENTS, IMPERSONAL
from .marks import Marked
from .page import Page

FIRST_WORDS = frozenset(words[0] for words in ACCORDING)  # a cheap test before slicing a span


@dataclass
class Attribution:
    """A quote before its speaker is resolved: ``subject`` is the head of the speaker's noun phrase."""

    start: int
    end: int
    direct: bool
    cue: Span | None = None
    subject: Token | None = None
    sentence_initial: bool = False

    def holds(self, q: Marked) -> bool:
        """Whether this reported clause holds the marked passage, its cue and its start coming before the
        marks open: `said the move was "..."`."""
        return self.cue.start_char < q.open and self.start < q.open < self.end


class Cues:
    """Finds the cues of one document and the subject each one names."""

    def __init__(self, page: Page):
        self.doc = page.doc

    @staticmethod
    def is_cue_verb(t: Token) -> bool:
        return t.pos_ == "VERB" and t.lemma_.lower() in COMPLEMENTS

    @staticmethod
    def complements(verb: Token) -> frozenset[str]:
        """The dependents of a cue verb that hold what it attributes (cues.tsv)."""
        return COMPLEMENTS.get(verb.lemma_.lower(), frozenset())

    def cue_span(self, verb: Token) -> Span:
        """The verb, with its particle when one follows it ("pointed out")."""
        nxt = verb.i + 1
        if nxt < len(self.doc) and self.doc[nxt].dep_ == "prt" and self.doc[nxt].head == verb:
            return self.doc[verb.i : nxt + 1]
        return self.doc[verb.i : verb.i + 1]

    def phrase_at(self, t: Token) -> Span | None:
        """The cue phrase ("according to") starting at token t, if one does."""
        if t.lower_ not in FIRST_WORDS:
            return None
        i = t.i
        for words in ACCORDING:
            if tuple(t.lower_ for t in self.doc[i : i + len(words)]) == words:
                return self.doc[i : i + len(words)]
        return None

    def attribution(self, start: int, end: int, cue: Span) -> Attribution:
        """Reported speech: content from ``start`` to ``end`` chars, said by the subject of ``cue``."""
        return Attribution(start, end, False, cue, self.subject(cue, inverted=False))

    @staticmethod
    def noun_source(noun: Token) -> Token | None:
        """Who a cue noun belongs to: its possessor ("the ministry's statement", "his remarks"), else the subject
        of the verb it is the object of ("X voiced concerns about Y", "X issued a statement")."""
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None or noun.dep_ != "dobj":
            return owner
        return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)

    def subject(self, cue: Span, inverted: bool) -> Token | None:
        """The speaker's head token: the subject of the cue verb, of the verb it continues ("adding that"),
        the object of "according to", the noun after the verb in `"...," said X`, or for a bare colon the
        subject of the clause it ends (or the name it follows in `Blinken: "..."`)."""
        if cue[0].lower_ == "according":
            return next((c for c in cue[-1].children if c.dep_ == "pobj"), None)
        if cue[0].text == ":":
            return _colon_subject(cue[0])
        verb = cue[0]
        if "subject" in self.complements(verb):
            return None  # "Trump seems to lead": the subject is what is said, not who says it
        for _ in range(3):
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]  # the nearest: '"Thank you, Mr. Prime
            if subjects:  # Minister," Biden said' (a parse may take the one addressed in the quote for another)
                return min(subjects, key=lambda c: abs(c.i - verb.i))  # "X, who said": the relative pronoun
            if verb.dep_ not in {"conj", "xcomp", "advcl"} or verb.head == verb:
                break
            verb = verb.head
        if inverted:
            return next(
                (
                    c
                    for c in cue[0].rights
                    if c.dep_ in {"dobj", "attr", "npadvmod", "appos"} and c.pos_ in {"PROPN", "NOUN"}
                ),
                None,
            )
        return None


def _colon_subject(colon: Token) -> Token | None:
    """`Blinken: "..."`: the name before the colon; `X released a statement: "..."`: the clause's subject."""
    head = colon.head
    if head.pos_ in {"PROPN", "NOUN"}:
        return head
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return None if subject is None or subject.lower_ in IMPERSONAL else subject

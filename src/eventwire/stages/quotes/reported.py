"""Reported speech: the clausal complement of a cue verb (`X said (that) CLAUSE`), the clause around a
parenthetical cue (`CLAUSE, X said, CLAUSE`) and the clause "according to X" qualifies."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.parts_of_speech import NOUN, VERB
from spacy.strings import get_string_id
from spacy.symbols import LOWER, POS
from spacy.tokens import Span, Token

from .cues import FIRST_WORDS, Attribution, Cues
from .lexicon import NOUN_COMPLEMENTS
from .marks import Marked
from .page import Page

CUE_POS = {VERB, NOUN}  # of cue verbs and cue nouns
FIRST_WORD_IDS = frozenset(map(get_string_id, FIRST_WORDS))


class ReportedSpeech:
    """The reported speech of one document."""

    def __init__(self, page: Page, cues: Cues):
        self.page, self.doc, self.cues = page, page.doc, cues

    def find(self, quoted: list[Marked]) -> list[Attribution]:
        """Clausal complements of cue verbs and clauses around "according to", outside direct quotes."""
        token_at = self.page.token_at
        inside = {i for q in quoted for i in range(token_at(q.start), token_at(q.end - 1) + 1)}
        found: list[Attribution] = []
        for t in self._cue_words():
            if t.i in inside:
                continue
            phrase = self.cues.phrase_at(t)
            if phrase is not None:
                content = self._according_clause(phrase)
                if content is not None:
                    found.append(self.cues.attribution(content.start_char, content.end_char, phrase))
            elif self.cues.is_cue_verb(t):
                found.extend(self._said(t))
            elif t.pos_ == "NOUN" and t.lemma_.lower() in NOUN_COMPLEMENTS:
                found.extend(self._stated(t))
        return found

    def _cue_words(self) -> Iterator[Token]:
        """The words that may be cues: verbs, nouns and the first words of cue phrases (read from the doc's arrays,
        so that the other words, most of a text, never become Token objects)."""
        columns = self.doc.to_array([POS, LOWER]).tolist()
        return (self.doc[i] for i, (pos, lower) in enumerate(columns) if pos in CUE_POS or lower in FIRST_WORD_IDS)

    def _said(self, verb: Token) -> list[Attribution]:
        """What a cue verb attributes: its complements named in cues.tsv (a clause, an infinitive, an object), and
        the clause around it when it is parenthetical. The subject belongs to an infinitive's content when no one
        is named as the source: "Y is expected to win", "Y seems to lead"."""
        cue = self.cues.cue_span(verb)
        wanted = self.cues.complements(verb)
        subject_deps = {"nsubjpass", "nsubj"} if "subject" in wanted else {"nsubjpass"}
        passive = next((c for c in verb.children if c.dep_ in subject_deps), None)
        contents = []
        for c in verb.children:
            if c.dep_ not in wanted:
                continue
            if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}:
                contents.append(self._clause(verb, c, c.left_edge.i))
            elif c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}:
                contents.append(self._clause(verb, c, (passive or c).left_edge.i))
            elif c.dep_ == "dobj":
                contents.append(self._object(verb, c))
        contents.append(self._parenthetical_content(verb))
        return [self.cues.attribution(c.start_char, c.end_char, cue) for c in contents if c is not None]

    def _stated(self, noun: Token) -> list[Attribution]:
        """What a cue noun attributes: its clause ("the claim that ...", "a pledge to ...") or the object of its
        preposition ("fears of a recession"). The source is found by :meth:`Cues.noun_source`."""
        wanted = NOUN_COMPLEMENTS[noun.lemma_.lower()]
        contents = []
        for c in noun.rights:
            if c.dep_ in wanted and c.dep_ in {"acl", "ccomp"} and c.pos_ in {"VERB", "AUX"}:
                contents.append(self._clause(noun, c, c.left_edge.i))
            elif c.dep_ == "prep" and c.lower_ in wanted:
                obj = next((k for k in c.children if k.dep_ in {"pobj", "pcomp"}), None)
                if obj is not None:
                    phrase = self.page.in_paragraph(obj.left_edge.i, obj.right_edge.i + 1, noun.idx)
                    contents.append(self.page.trim(phrase))
        verb = noun.head.head if noun.dep_ == "pobj" else noun
        if self.cues.is_cue_verb(verb):  # "X said in a statement that ...": the verb is the cue
            return [self.cues.attribution(c.start_char, c.end_char, self.cues.cue_span(verb)) for c in contents if c]
        cue = self.doc[noun.i : noun.i + 1]
        return [Attribution(c.start_char, c.end_char, False, cue, self.cues.noun_source(noun)) for c in contents if c]

    def _clause(self, verb: Token, head: Token, start: int) -> Span | None:
        """The complement clause headed by ``head``, from token ``start``, within the cue's paragraph."""
        clause = self.page.in_paragraph(start, head.right_edge.i + 1, verb.idx)
        content = self.page.trim(clause, complementiser=True)
        return content if content is not None and content.start <= head.i < content.end else None

    def _object(self, verb: Token, obj: Token) -> Span | None:
        """ "The poll shows Trump with a lead": the object and what the verb says of it after it."""
        end = max(
            [obj.right_edge.i]
            + [c.right_edge.i for c in verb.rights if c.i > obj.i and c.dep_ in {"oprd", "prep", "acomp", "xcomp"}]
        )
        return self.page.trim(self.page.in_paragraph(obj.left_edge.i, end + 1, verb.idx))

    def _parenthetical_content(self, verb: Token) -> Span | None:
        """ "In his state, Christie said, offenders are sent to treatment": a cue set off by commas inside the
        clause it reports; the content is the longer side of the clause around it."""
        if (
            verb.dep_ != "parataxis"
            or not any(c.dep_ == "nsubj" for c in verb.children)
            or any(c.dep_ == "ccomp" for c in verb.children)
        ):
            return None
        head = verb.head
        clause = self.page.in_paragraph(head.left_edge.i, head.right_edge.i + 1, verb.idx)
        left, right = verb.left_edge.i, verb.right_edge.i + 1
        before = self.page.trim(self.doc[clause.start : max(clause.start, left)])
        after = self.page.trim(self.doc[min(right, clause.end) : clause.end])
        sides = [s for s in (before, after) if s is not None and head.i in range(s.start, s.end)]
        return max(sides, key=len) if sides else None

    def _according_clause(self, phrase: Span) -> Span | None:
        """The clause "according to X" qualifies, without the phrase itself when it stands at either edge."""
        head = phrase[0].head
        if head == phrase[0]:
            return None
        clause = self.page.trim(self.doc[head.left_edge.i : head.right_edge.i + 1])
        attached = self.doc[phrase[0].left_edge.i : phrase[0].right_edge.i + 1]
        if clause is None:
            return None
        if attached.start <= clause.start:
            clause = self.doc[attached.end : clause.end]
        elif attached.end >= clause.end:
            clause = self.doc[clause.start : attached.start]
        return self.page.trim(clause)


def join(marked: list[Marked], direct: list[Attribution], reported: list[Attribution]) -> list[Attribution]:
    """Reported clauses beside the direct quotes: a quoted phrase inside a reported clause belongs to it,
    closing mark included (`said the move was "reckless"`); a reported clause that is (part of) a direct
    quote repeats it and is dropped; one that contains a direct quote is kept. A reported clause whose cue lies
    inside what another source is said to have said (`X said he thinks that ...`) is part of that source's words,
    not an attribution of its own."""
    starts = {d.start for d in direct}
    for q in marked:
        for r in reported:
            if q.start not in starts and q.close is not None and r.holds(q):
                r.end = max(r.end, q.close)
    used = {d.cue.start for d in direct if d.cue is not None}
    kept = [r for r in reported if r.cue.start not in used and not any(d.start <= r.start < d.end for d in direct)]
    spoken = kept + direct
    return [r for r in kept if not any(o is not r and o.start <= r.cue.start_char < o.end for o in spoken)]

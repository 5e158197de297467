"""Reported speech: the clausal complement of a cue verb (`X said (that) CLAUSE`), the clause around a
parenthetical cue (`CLAUSE, X said, CLAUSE`) and the clause "according to X" qualifies."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .cues import Attribution, Cues
from .marks import Marked
from .page import Page


class ReportedSpeech:
    """The reported speech of one document."""

    def __init__(self, page: Page, cues: Cues):
        self.page, self.doc, self.cues = page, page.doc, cues

    def find(self, quoted: list[Marked]) -> list[Attribution]:
        """Clausal complements of cue verbs and clauses around "according to", outside direct quotes."""
        token_at = self.page.token_at
        inside = {i for q in quoted for i in range(token_at(q.start), token_at(q.end - 1) + 1)}
        found: list[Attribution] = []
        for t in self.doc:
            if t.i in inside:
                continue
            phrase = self.cues.phrase_at(t.i)
            if phrase is not None:
                content = self._according_clause(phrase)
                if content is not None:
                    found.append(self.cues.attribution(content.start_char, content.end_char, phrase))
            elif self.cues.is_cue_verb(t):
                found.extend(self._said(t))
        return found

    def _said(self, verb: Token) -> list[Attribution]:
        """What a cue verb reports: its clausal complements, and the clause around it when it is parenthetical."""
        cue = self.cues.cue_span(verb)
        contents = []
        for c in verb.children:
            if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}:
                clause = self.page.in_paragraph(c.left_edge.i, c.right_edge.i + 1, verb.idx)
                content = self.page.trim(clause, complementiser=True)
                if content is not None and content.start <= c.i < content.end:
                    contents.append(content)
        content = self._parenthetical_content(verb)
        if content is not None:
            contents.append(content)
        return [self.cues.attribution(c.start_char, c.end_char, cue) for c in contents]

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
    quote repeats it and is dropped; one that contains a direct quote is kept."""
    starts = {d.start for d in direct}
    for q in marked:
        for r in reported:
            if q.start not in starts and q.close is not None and r.holds(q):
                r.end = max(r.end, q.close)
    used = {d.cue.start for d in direct if d.cue is not None}
    return [r for r in reported if r.cue.start not in used and not any(d.start <= r.start < d.end for d in direct)]

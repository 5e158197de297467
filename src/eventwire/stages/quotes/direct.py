"""Direct quotes: which marked passages are quotes, and the cue and speaker of each."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .cues import Attribution, Cues
from .lexicon import IMPERSONAL
from .marks import QUOTE_MARKS, SENTENCE_END, Marked
from .page import Page

FINITE = {"VBD", "VBZ", "VBP"}  # `"Never," she said`, unlike the participle in `was "reckless," adding`
MIN_WORDS = 4  # shorter quoted phrases count only if they are a clause ("We won.")
CUE_REACH = 12  # tokens between a quote mark and its cue verb, e.g. a speaker with a title and apposition


class DirectQuotes:
    """The direct quotes of one document."""

    def __init__(self, page: Page, cues: Cues):
        self.page, self.doc, self.text, self.cues = page, page.doc, page.text, cues

    def is_quote(self, q: Marked) -> bool:
        """Scare quotes and quoted names ("reckless", "The Apprentice") are not quotes of their own; a short
        phrase is one when it is a clause ("We won.") or a speaker follows it (`"Never," she said`)."""
        span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            return False
        words = [t for t in span if not (t.is_punct or t.is_space)]
        if len(words) > 1 and all(t.is_title or t.is_stop or not t.is_alpha for t in words):
            return False  # a name or title in quotes: "Meet the Press", "Make America Great Again"
        if len(words) >= MIN_WORDS:
            return True
        if any(t.dep_ in {"nsubj", "nsubjpass", "expl"} and span.start <= t.head.i < span.end for t in span):
            return True
        cue = self.cue_after(q) if self.text[q.end - 1] in ",?!" else None
        return cue is not None and cue[0].tag_ in FINITE

    def attribute(self, q: Marked, reported: list[Attribution]) -> Attribution | None:
        """The cue of a direct quote: a colon-introduced cue first, then one after the quote, then one before.
        None for a mixed quote: one with no cue of its own inside a reported clause."""
        prev, crossed_line = self.page.previous_word(self.page.token_at(q.open))
        before = self.cue_before(prev, crossed_line)
        if before is None and any(r.holds(q) for r in reported):
            return None
        after = self.cue_after(q)
        cue = before if before is not None and (prev.text == ":" or after is None) else after
        initial = prev is None or crossed_line or prev.text in SENTENCE_END or prev.text in QUOTE_MARKS
        attribution = Attribution(q.start, q.end, True, sentence_initial=initial)
        if cue is None and not initial:
            cue = self._sentence_verb(q)
        if cue is not None:
            attribution.cue, attribution.subject = cue, self.cues.subject(cue, inverted=cue is after)
        return attribution

    def _sentence_verb(self, q: Marked) -> Span | None:
        """A quote inside a sentence with no cue verb of its own (`X shot back, "..."`, `X cites "..."`): the
        sentence's main verb, before the quote, whose subject names someone, attributes it."""
        root = self.doc[self.page.token_at(q.open)].sent.root
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if root.pos_ != "VERB" or root.idx > q.open or subject is None or subject.lower_ in IMPERSONAL:
            return None
        return self.cues.cue_span(root)

    def cue_after(self, q: Marked) -> Span | None:
        """`"...," he said` / `"...," said X` / `"...," X told reporters` / `"..." according to X`."""
        if q.close is None:
            return None
        i = self.page.token_at(q.close - 1) + 1
        while i < len(self.doc) and self.doc[i].is_space and "\n" not in self.doc[i].text:
            i += 1
        if i >= len(self.doc):
            return None
        last_char = self.text[q.end - 1]
        open_clause = last_char in ",—–-…:" or self.doc[i].text[:1].islower()
        asked = last_char in "?!"  # `"Why?" she asked.` but not `"Why?" She said that ...`
        if not (open_clause or asked):
            return None
        phrase = self.cues.phrase_at(self.doc[i])
        if phrase is not None:
            return phrase
        for j in range(i, min(i + CUE_REACH, len(self.doc))):
            t = self.doc[j]
            if t.is_space or t.text in SENTENCE_END or t.text in QUOTE_MARKS:
                return None
            if self.cues.is_cue_verb(t):
                if not all(t.is_ancestor(self.doc[k]) for k in range(i, j)):
                    return None
                if not open_clause and any(c.dep_ == "ccomp" and c.i > t.i for c in t.children):
                    return None
                return self.cues.cue_span(t)
        return None

    def cue_before(self, prev: Token | None, crossed_line: bool) -> Span | None:
        """`X said: "..."` / `X said "..."` / `X told reporters on Tuesday, "..."` / `X said that "..."`; a
        colon after a clause with no cue verb (`X released a statement: "..."`) is the cue itself; and a
        sentence with a cue verb but nothing said (`X told Reuters on Tuesday. "..."`) introduces the quote."""
        if prev is None or prev.text in QUOTE_MARKS or (crossed_line and prev.text != ":"):
            return None
        if prev.text in SENTENCE_END:
            root = prev.sent.root
            if self.cues.is_cue_verb(root) and not any(c.dep_ == "ccomp" and c.i > root.i for c in root.children):
                return self.cues.cue_span(root)
            return None
        for j in range(prev.i, max(prev.sent.start, prev.i - CUE_REACH) - 1, -1):
            t = self.doc[j]
            if t.is_space or t.text in QUOTE_MARKS:
                break
            cue = self.cues.phrase_at(t) or (self.cues.cue_span(t) if self.cues.is_cue_verb(t) else None)
            if cue is None:
                if t.pos_ in {"VERB", "AUX"}:
                    break  # another clause stands between the cue and the quote
                continue
            if self._governs_up_to(cue, prev):
                return cue
            break
        if prev.text == ":" and self.cues.subject(self.doc[prev.i : prev.i + 1], inverted=False) is not None:
            return self.doc[prev.i : prev.i + 1]
        return None

    def _governs_up_to(self, cue: Span, prev: Token) -> bool:
        """Whether the words from the cue to the quote all hang from the cue verb and are not what it said
        (`said the move was "..."` is a mixed quote)."""
        said = {
            k.i
            for c in cue[0].children
            if c.dep_ == "ccomp"
            for k in c.subtree
            if not (k.dep_ == "mark" and k.head == c)
        }
        return all(
            (cue[0].is_ancestor(self.doc[k]) or self.doc[k].is_punct) and k not in said
            for k in range(cue.end, prev.i + 1)
        )

"""Quotes: who said what, direct ("...") or reported ("X said that ..."), each tied to its evidence.

Direct quotes come from one scan over the double quote marks of the text (straight and typographic; single
marks are only nested quotes or apostrophes, so they stay inside their quote). Their speaker is read from a
cue verb next to the marks (`"...," she said`, `X told reporters: "..."`, `"...," according to X`). Reported
speech is the clausal complement of a cue verb (`X said (that) CLAUSE`) or the clause around "according to X";
a short quoted phrase inside such a clause (`X said the move was "reckless"`) is part of that reported quote.
The cues are a data file beside this module, shared with the events stage through :data:`CUE_LEMMAS`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..actors import resolve_span
from ...records import Actor, Quote, coded
from ...tables import read_tsv

_CUES = read_tsv(Path(__file__).with_name("cues.tsv"))

CUE_LEMMAS: frozenset[str] = frozenset(row["lemma"] for row in _CUES if row["kind"] == "speech")
"""Lemmas of verbs that report speech ("say", "warn", ...): the events stage reads "X said that Y attacked Z"
as an event Y→Z reported by X."""

# straight, typographic and the archive/ASCII forms ``...'' and ''...''; single marks stay inside quotes
DOUBLE_MARKS = re.compile("[\"“”]|''|``")
OPENING_MARKS = {"“", "``"}
EITHER_WAY = {'"', "''"}  # opens when a word follows, else closes
PARAGRAPH_BREAK = re.compile(r"\n\s*")
QUOTE_MARKS = {'"', "“", "”", "‘", "’", "'", "``", "''"}
SENTENCE_END = {".", "!", "?", ";"}
COMPLEMENTISERS = frozenset({"that"})  # "said that X": what was said is X
PERSONAL = {"he", "she"}
IMPERSONAL = {"it", "this", "that", "there", "what", "which"}  # "it gets worse:" introduces no speaker
FINITE = {"VBD", "VBZ", "VBP"}  # `"Never," she said`, unlike the participle in `was "reckless," adding`
MIN_WORDS = 4  # shorter quoted phrases count only if they are a clause ("We won.")
SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen", "office",
                "aide", "aides", "adviser", "advisers", "advisor", "advisors", "representative", "campaign"}
CUE_REACH = 12  # tokens between a quote mark and its cue verb, e.g. a speaker with a title and apposition


@dataclass
class Marked:
    """Text between double quote marks; ``open`` is where the opening mark starts, ``close`` where the closing
    one ends, None when the quote runs to the end of a paragraph."""

    start: int
    end: int
    open: int
    close: int | None


@dataclass
class Attribution:
    """A quote before its speaker is resolved: ``subject`` is the head of the speaker's noun phrase."""

    start: int
    end: int
    direct: bool
    cue: Span | None = None
    subject: Token | None = None
    sentence_initial: bool = False


def scan_marks(text: str, paragraphs: list[int]) -> list[Marked]:
    """Pair the double quote marks of ``text`` in one pass.

    ``paragraphs`` are the paragraph start offsets. A paragraph that opens a quote without closing it,
    followed by a paragraph that opens with a mark again, continues the same quote (the multi-paragraph
    convention). A quote left open at the end of a paragraph otherwise ends with that paragraph.
    """
    found: list[Marked] = []
    opened: re.Match | None = None  # the opening mark of the current quote
    opened_para = 0  # the paragraph where the current quote was last (re)opened

    def para(pos: int) -> int:
        return bisect_right(paragraphs, pos) - 1

    def end_open_quote() -> None:
        end = paragraphs[opened_para + 1] if opened_para + 1 < len(paragraphs) else len(text)
        found.append(Marked(opened.end(), end, opened.start(), None))

    for m in DOUBLE_MARKS.finditer(text):
        pos, mark = m.start(), m.group()
        opener = mark in OPENING_MARKS or (mark in EITHER_WAY and m.end() < len(text)
                                           and not text[m.end()].isspace())
        if opened is not None and para(pos) != opened_para:
            here = para(pos)
            if opener and here == opened_para + 1 and not text[paragraphs[here]:pos].strip():
                opened_para = here  # the quote goes on in this paragraph
                continue
            end_open_quote()
            opened = None
        if opened is None:
            if opener:
                opened, opened_para = m, para(pos)
        elif mark in OPENING_MARKS:
            opened, opened_para = m, para(pos)  # a missing closing mark: start again here
        else:
            found.append(Marked(opened.end(), pos, opened.start(), m.end()))
            opened = None
    if opened is not None:
        end_open_quote()
    for q in found:  # content without the blanks inside the marks
        inner = text[q.start:q.end]
        q.start += len(inner) - len(inner.lstrip())
        q.end -= len(inner) - len(inner.rstrip())
    return [q for q in found if q.end > q.start]


class QuoteStage:
    """spaCy component: finds quotes and their speakers, filling ``coded(doc).quotes``."""

    def __init__(self, nlp: Language):
        self.speech = CUE_LEMMAS
        self.phrases = [tuple(row["lemma"].lower().split()) for row in _CUES if row["kind"] == "according"]

    def __call__(self, doc: Doc) -> Doc:
        QuoteFinder(self, doc).run()
        return doc


class QuoteFinder:
    """The quotes of one document."""

    def __init__(self, stage: QuoteStage, doc: Doc):
        self.stage, self.doc, self.ew, self.text = stage, doc, coded(doc), doc.text
        self.paragraphs = [0] + [m.end() for m in PARAGRAPH_BREAK.finditer(self.text)]
        self.token_starts = [t.idx for t in doc]

    def run(self) -> None:
        marked = scan_marks(self.text, self.paragraphs)
        quoted = [q for q in marked if self._is_quote(q)]
        reported = self._reported(quoted)
        direct = [a for a in (self._attribute(q, reported) for q in quoted) if a is not None]
        starts = {d.start for d in direct}
        for q in marked:  # a quoted phrase in a reported clause belongs to it, closing mark included
            for r in reported:
                if q.start not in starts and q.close is not None and self._owns(r, q):
                    r.end = max(r.end, q.close)
        used = {d.cue.start for d in direct if d.cue is not None}
        # a reported clause that is (part of) a direct quote repeats it; one that contains it is kept
        reported = [r for r in reported if r.cue.start not in used
                    and not any(d.start <= r.start < d.end for d in direct)]
        self._emit(sorted(direct + reported, key=lambda a: (a.start, a.end)))

    # -- direct quotes -----------------------------------------------------------------------------------

    def _is_quote(self, q: Marked) -> bool:
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
        cue = self._cue_after(q) if self.text[q.end - 1] in ",?!" else None
        return cue is not None and cue[0].tag_ in FINITE

    @staticmethod
    def _owns(r: Attribution, q: Marked) -> bool:
        """The cue and reported clause start before the marks open: `said the move was "..."`."""
        return r.cue.start_char < q.open and r.start < q.open < r.end

    def _attribute(self, q: Marked, reported: list[Attribution]) -> Attribution | None:
        """The cue of a direct quote: a colon-introduced cue first, then one after the quote, then one before.
        None for a mixed quote: one with no cue of its own inside a reported clause."""
        first = self._token_at(q.open)
        prev, crossed_line = self._previous_word(first)
        before = self._cue_before(prev, crossed_line)
        if before is None and any(self._owns(r, q) for r in reported):
            return None
        after = self._cue_after(q)
        if before is not None and (prev.text == ":" or after is None):
            cue = before
        else:
            cue = after
        initial = prev is None or crossed_line or prev.text in SENTENCE_END or prev.text in QUOTE_MARKS
        attribution = Attribution(q.start, q.end, True, sentence_initial=initial)
        if cue is not None:
            attribution.cue, attribution.subject = cue, self._subject(cue, inverted=cue is after)
        return attribution

    def _cue_after(self, q: Marked) -> Span | None:
        """ `"...," he said` / `"...," said X` / `"...," X told reporters` / `"..." according to X`."""
        if q.close is None:
            return None
        i = self._token_at(q.close - 1) + 1
        while i < len(self.doc) and self.doc[i].is_space and "\n" not in self.doc[i].text:
            i += 1
        if i >= len(self.doc):
            return None
        first = self.doc[i]
        last_char = self.text[q.end - 1]
        open_clause = last_char in ",—–-…:" or first.text[:1].islower()
        asked = last_char in "?!"  # `"Why?" she asked.` but not `"Why?" She said that ...`
        if not (open_clause or asked):
            return None
        phrase = self._phrase_at(i)
        if phrase is not None:
            return phrase
        for j in range(i, min(i + CUE_REACH, len(self.doc))):
            t = self.doc[j]
            if t.is_space or t.text in SENTENCE_END or t.text in QUOTE_MARKS:
                return None
            if self._is_cue_verb(t):
                if not all(t.is_ancestor(self.doc[k]) for k in range(i, j)):
                    return None
                if not open_clause and any(c.dep_ == "ccomp" and c.i > t.i for c in t.children):
                    return None
                return self._cue_span(t)
        return None

    def _cue_before(self, prev: Token | None, crossed_line: bool) -> Span | None:
        """ `X said: "..."` / `X said "..."` / `X told reporters on Tuesday, "..."` / `X said that "..."`; a
        colon after a clause with no cue verb (`X released a statement: "..."`) is the cue itself; and a
        sentence with a cue verb but nothing said (`X told Reuters on Tuesday. "..."`) introduces the quote."""
        if prev is None or prev.text in QUOTE_MARKS or (crossed_line and prev.text != ":"):
            return None
        if prev.text in SENTENCE_END:
            root = prev.sent.root
            if self._is_cue_verb(root) and not any(c.dep_ == "ccomp" and c.i > root.i for c in root.children):
                return self._cue_span(root)
            return None
        for j in range(prev.i, max(prev.sent.start, prev.i - CUE_REACH) - 1, -1):
            t = self.doc[j]
            if t.is_space or t.text in QUOTE_MARKS:
                break
            cue = self._phrase_at(j) or (self._cue_span(t) if self._is_cue_verb(t) else None)
            if cue is None:
                if t.pos_ in {"VERB", "AUX"}:
                    break  # another clause stands between the cue and the quote
                continue
            said = {k.i for c in cue[0].children if c.dep_ == "ccomp" for k in c.subtree
                    if not (k.dep_ == "mark" and k.head == c)}  # `said the move was "..."` is a mixed quote
            if all((cue[0].is_ancestor(self.doc[k]) or self.doc[k].is_punct) and k not in said
                   for k in range(cue.end, prev.i + 1)):
                return cue
            break
        if prev.text == ":" and self._subject(self.doc[prev.i:prev.i + 1], inverted=False) is not None:
            return self.doc[prev.i:prev.i + 1]
        return None

    def _previous_word(self, i: int) -> tuple[Token | None, bool]:
        """The token before token i that is not blank, and whether a line break lies between them."""
        crossed = False
        j = i - 1
        while j >= 0 and self.doc[j].is_space:
            crossed = crossed or "\n" in self.doc[j].text
            j -= 1
        return (self.doc[j] if j >= 0 else None), crossed

    # -- reported speech --------------------------------------------------------------------------------

    def _reported(self, quoted: list[Marked]) -> list[Attribution]:
        """Clausal complements of cue verbs and clauses around "according to", outside direct quotes."""
        inside = {i for q in quoted
                  for i in range(self._token_at(q.start), self._token_at(q.end - 1) + 1)}
        found = []
        for t in self.doc:
            if t.i in inside:
                continue
            phrase = self._phrase_at(t.i)
            if phrase is not None:
                content = self._according_clause(phrase)
                if content is not None:
                    found.append(Attribution(content.start_char, content.end_char, False, phrase,
                                             self._subject(phrase, inverted=False)))
            elif self._is_cue_verb(t):
                cue = self._cue_span(t)
                for c in t.children:
                    if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}:
                        content = self._trim(self._in_paragraph(c.left_edge.i, c.right_edge.i + 1, t.idx),
                                             complementiser=True)
                        if content is not None and content.start <= c.i < content.end:
                            found.append(Attribution(content.start_char, content.end_char, False, cue,
                                                     self._subject(cue, inverted=False)))
                content = self._parenthetical_content(t)
                if content is not None:
                    found.append(Attribution(content.start_char, content.end_char, False, cue,
                                             self._subject(cue, inverted=False)))
        return found

    def _parenthetical_content(self, verb: Token) -> Span | None:
        """ "In his state, Christie said, offenders are sent to treatment": a cue set off by commas inside the
        clause it reports; the content is the longer side of the clause around it."""
        if verb.dep_ != "parataxis" or not any(c.dep_ == "nsubj" for c in verb.children) \
                or any(c.dep_ == "ccomp" for c in verb.children):
            return None
        head = verb.head
        clause = self._in_paragraph(head.left_edge.i, head.right_edge.i + 1, verb.idx)
        left, right = verb.left_edge.i, verb.right_edge.i + 1
        before = self._trim(self.doc[clause.start:max(clause.start, left)])
        after = self._trim(self.doc[min(right, clause.end):clause.end])
        sides = [s for s in (before, after) if s is not None and head.i in range(s.start, s.end)]
        return max(sides, key=len) if sides else None

    def _according_clause(self, phrase: Span) -> Span | None:
        """The clause "according to X" qualifies, without the phrase itself when it stands at either edge."""
        head = phrase[0].head
        if head == phrase[0]:
            return None
        clause = self._trim(self.doc[head.left_edge.i:head.right_edge.i + 1])
        attached = self.doc[phrase[0].left_edge.i:phrase[0].right_edge.i + 1]
        if clause is None:
            return None
        if attached.start <= clause.start:
            clause = self.doc[attached.end:clause.end]
        elif attached.end >= clause.end:
            clause = self.doc[clause.start:attached.start]
        return self._trim(clause)

    def _in_paragraph(self, start: int, end: int, anchor: int) -> Span:
        """Tokens start..end that share the paragraph of char ``anchor`` (a parse never crosses one)."""
        para = self._paragraph(anchor)
        low = self.paragraphs[para]
        high = self.paragraphs[para + 1] if para + 1 < len(self.paragraphs) else len(self.text)
        while start < end and self.doc[start].idx < low:
            start += 1
        while end > start and self.doc[end - 1].idx >= high:
            end -= 1
        return self.doc[start:end]

    def _trim(self, span: Span, complementiser: bool = False) -> Span | None:
        """``span`` without the punctuation at its edges and, if asked, without its complementiser ("that")."""
        start, end = span.start, span.end
        while start < end and (self.doc[start].is_punct or self.doc[start].is_space or
                               (complementiser and self.doc[start].dep_ == "mark"
                                and self.doc[start].lower_ in COMPLEMENTISERS)):
            start += 1
        while end > start and (self.doc[end - 1].is_space or
                               (self.doc[end - 1].is_punct and self.doc[end - 1].text not in QUOTE_MARKS)):
            end -= 1
        return self.doc[start:end] if end > start else None

    # -- cues and speakers ----------------------------------------------------------------------------

    def _is_cue_verb(self, t: Token) -> bool:
        return t.pos_ == "VERB" and t.lemma_.lower() in self.stage.speech

    def _cue_span(self, verb: Token) -> Span:
        """The verb, with its particle when one follows it ("pointed out")."""
        nxt = verb.i + 1
        if nxt < len(self.doc) and self.doc[nxt].dep_ == "prt" and self.doc[nxt].head == verb:
            return self.doc[verb.i:nxt + 1]
        return self.doc[verb.i:verb.i + 1]

    def _phrase_at(self, i: int) -> Span | None:
        for words in self.stage.phrases:
            if tuple(t.lower_ for t in self.doc[i:i + len(words)]) == words:
                return self.doc[i:i + len(words)]
        return None

    def _subject(self, cue: Span, inverted: bool) -> Token | None:
        """The speaker's head token: the subject of the cue verb, of the verb it continues ("adding that"),
        the object of "according to", the noun after the verb in `"...," said X`, or for a bare colon the
        subject of the clause it ends (or the name it follows in `Blinken: "..."`)."""
        if cue[0].lower_ == "according":
            return next((c for c in cue[-1].children if c.dep_ == "pobj"), None)
        verb = cue[0]
        if verb.text == ":":
            head = verb.head
            if head.pos_ in {"PROPN", "NOUN"}:
                return head
            subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
            return None if subject is None or subject.lower_ in IMPERSONAL else subject
        for _ in range(3):
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
                return verb.head  # "X, who said ..."
            if subject is not None:
                return subject
            if verb.dep_ not in {"conj", "xcomp", "advcl"} or verb.head == verb:
                break
            verb = verb.head
        if inverted:
            return next((c for c in cue[0].rights if c.dep_ in {"dobj", "attr", "npadvmod", "appos"}
                         and c.pos_ in {"PROPN", "NOUN"}), None)
        return None

    def _noun_phrase(self, head: Token) -> Span:
        """The subject's noun phrase, without relative clauses and edge punctuation."""
        end = head.right_edge.i + 1
        for c in head.rights:
            if c.dep_ in {"relcl", "acl", "advcl"}:
                end = min(end, c.left_edge.i)
        span = self.doc[head.left_edge.i:max(end, head.i + 1)]
        return self._trim(span) or self.doc[head.i:head.i + 1]

    def _speaker(self, head: Token) -> tuple[Actor | None, Span]:
        """The actor behind a subject and the span that names it (the actor mention inside the phrase).

        When the head noun itself is no actor, an institution inside the phrase speaks ("a NATO spokesman",
        "Russian officials"), but a person only in apposition ("the senator, Debbie Stabenow"): in "a senior
        Obama administration official" Obama is not the speaker."""
        phrase = self._noun_phrase(head)
        actor = resolve_span(self.doc, phrase)
        if actor is None and head.lower_ in PERSONAL:
            return self._last_person_before(head.i), self.doc[head.i:head.i + 1]
        mentions = [(s, e) for s, e, a in self.ew.mention_spans
                    if actor is not None and a == actor.id and s < phrase.end and phrase.start < e]
        best = next(((s, e) for s, e in mentions if s <= head.i < e), None)
        if best is None and mentions and self._speaks_for(self.doc[mentions[0][0]:mentions[0][1]], head):
            return actor, phrase  # the spokesperson's words are the person's; the source is the whole phrase
        if best is None and mentions and (actor.type != "person" or self._apposed(self.doc[mentions[0][0]], head)):
            best = mentions[0]
        if best is None:
            return None, phrase
        return actor, self.doc[best[0]:best[1]]

    @staticmethod
    def _speaks_for(mention: Span, head: Token) -> bool:
        """ "Scholz's spokesman", "a spokeswoman for Scholz": the person's own spokesperson speaks for them."""
        root = mention.root
        return head.lower_ in SPOKESPEOPLE and (
            (root.dep_ == "poss" and root.head == head)
            or (root.dep_ == "pobj" and root.head.lower_ == "for" and root.head.head == head))

    @staticmethod
    def _apposed(token: Token, head: Token) -> bool:
        """Whether ``token`` hangs from ``head`` through an apposition."""
        while token != head and token.head != token:
            if token.dep_ == "appos":
                return True
            token = token.head
        return False

    def _last_person_before(self, i: int) -> Actor | None:
        """A pronoun the actor stage left unlinked: the person mentioned last before it."""
        last = None
        for start, end, actor_id in self.ew.mention_spans:
            if end > i:
                break
            actor = self.ew.actor(actor_id)
            if actor is not None and actor.type == "person":
                last = actor
        return last

    # -- output ----------------------------------------------------------------------------------------

    def _emit(self, attributions: list[Attribution]) -> None:
        """Resolve speakers and append the quotes. A cue-less quote opening a sentence continues the attributed
        quote just before it (same or previous paragraph): it takes its speaker, but has no cue or source span
        of its own (the speaker is named at the earlier quote)."""
        previous: Quote | None = None
        for a in attributions:
            speaker, speaker_text, source = None, None, None
            if a.subject is not None:
                actor, span = self._speaker(a.subject)
                speaker = actor.id if actor is not None else None
                speaker_text, source = span.text, [span.start_char, span.end_char]
            elif a.cue is None and a.sentence_initial and previous is not None and \
                    self._paragraph(previous.content[1]) >= self._paragraph(a.start) - 1:
                speaker, speaker_text = previous.speaker, previous.speaker_text
            quote = Quote(id=f"q{len(self.ew.quotes) + 1}", speaker=speaker, speaker_text=speaker_text,
                          source=source, cue=[a.cue.start_char, a.cue.end_char] if a.cue is not None else None,
                          direct=a.direct, content=[a.start, a.end], text=self.text[a.start:a.end])
            self.ew.quotes.append(quote)
            if speaker_text is not None:
                previous = quote

    def _paragraph(self, pos: int) -> int:
        return bisect_right(self.paragraphs, pos) - 1

    def _token_at(self, char: int) -> int:
        return bisect_right(self.token_starts, char) - 1


@Language.factory("eventwire_quotes", requires=["doc._.ew", "token.dep"], assigns=["doc._.ew"])
def make_quote_stage(nlp: Language, name: str) -> QuoteStage:
    """The quotes stage."""
    return QuoteStage(nlp)

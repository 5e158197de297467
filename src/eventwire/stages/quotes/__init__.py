"""Quotes: who said what, direct ("...") or reported ("X said that ..."), each tied to its evidence.

Direct quotes come from one scan over the double quote marks of the text (straight and typographic; single
marks are only nested quotes or apostrophes, so they stay inside their quote). Their speaker is read from a
cue verb next to the marks (`"...," she said`, `X told reporters: "..."`, `"...," according to X`). Reported
speech is what a cue verb's complement holds (`X said (that) CLAUSE`, `X expects to ...`, `a poll shows X ...`),
the clause of a cue noun (`his remarks that ...`) or the clause around "according to X";
a short quoted phrase inside such a clause (`X said the move was "reckless"`) is part of that reported quote.
The cues are a data file beside this module, shared with the events stage through :data:`CUE_LEMMAS`.

Modules: marks (pairing quote marks), page (paragraphs and offsets), cues (cue verbs and their subjects),
direct, reported, speakers (subject -> actor) and emit (the Quote records); README.md has the data files.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...records import Coded, coded
from .cues import Cues
from .direct import DirectQuotes
from .emit import emit
from .lexicon import CUE_LEMMAS
from .marks import scan_marks
from .page import Page
from .reported import ReportedSpeech, join

__all__ = ["CUE_LEMMAS", "QuoteStage", "make_quote_stage"]


class QuoteStage:
    """spaCy component: finds quotes and their speakers, filling ``coded(doc).quotes``."""

    def __call__(self, doc: Doc) -> Doc:
        page = Page(doc)
        cues = Cues(page)
        direct = DirectQuotes(page, cues)
        marked = scan_marks(page.text, page.paragraphs)
        quoted = [q for q in marked if direct.is_quote(q)]
        reported = ReportedSpeech(page, cues).find(quoted)
        attributed = [a for a in (direct.attribute(q, reported) for q in quoted) if a is not None]
        reported = join(marked, attributed, reported)
        ew = coded(doc)
        emit(page, ew, sorted(attributed + reported, key=lambda a: (a.start, a.end)))
        speak_for(doc, ew)
        return doc


FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}


def speak_for(doc: Doc, ew: Coded) -> None:
    """ "I" and "we" inside a direct quote are its speaker ("We will not send troops," the minister said): the
    events stage then finds the minister as the actor, not a pronoun it cannot code."""
    actors = {a.id: a for a in ew.actors}
    for quote in ew.quotes:
        speaker = actors.get(quote.speaker)
        span = doc.char_span(*quote.content, alignment_mode="expand") if quote.direct and speaker else None
        for token in span or ():
            if token.lower_ in FIRST_PERSON and token.pos_ == "PRON" and token.i not in ew.actor_of_token:
                ew.add_mention(speaker, doc[token.i : token.i + 1])


@Language.factory("eventwire_quotes", requires=["doc._.ew", "token.dep"], assigns=["doc._.ew"])
def make_quote_stage(nlp: Language, name: str) -> QuoteStage:
    """The quotes stage."""
    return QuoteStage()

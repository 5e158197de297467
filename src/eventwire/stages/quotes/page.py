"""The document as the quote finders see it: tokens, text and paragraphs, and the offsets between them."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from ...lang import text_of
from .lexicon import COMPLEMENTISERS
from .marks import QUOTE_MARKS

PARAGRAPH_BREAK = re.compile(r"\n\s*")


class Page:
    """One document's tokens and paragraphs (a parse never crosses a paragraph break)."""

    def __init__(self, doc: Doc):
        self.doc, self.text = doc, text_of(doc)
        self.paragraphs = [0] + [m.end() for m in PARAGRAPH_BREAK.finditer(self.text)]
        self.token_starts = doc.to_array("IDX").tolist()  # without making a Token per word

    def paragraph(self, pos: int) -> int:
        """The number of the paragraph holding char ``pos``."""
        return bisect_right(self.paragraphs, pos) - 1

    def token_at(self, char: int) -> int:
        """The index of the token holding char ``char``."""
        return bisect_right(self.token_starts, char) - 1

    def previous_word(self, i: int) -> tuple[Token | None, bool]:
        """The token before token i that is not blank, and whether a line break lies between them."""
        crossed = False
        j = i - 1
        while j >= 0 and self.doc[j].is_space:
            crossed = crossed or "\n" in self.doc[j].text
            j -= 1
        return (self.doc[j] if j >= 0 else None), crossed

    def in_paragraph(self, start: int, end: int, anchor: int) -> Span:
        """Tokens start..end that share the paragraph of char ``anchor``."""
        para = self.paragraph(anchor)
        low = self.paragraphs[para]
        high = self.paragraphs[para + 1] if para + 1 < len(self.paragraphs) else len(self.text)
        while start < end and self.doc[start].idx < low:
            start += 1
        while end > start and self.doc[end - 1].idx >= high:
            end -= 1
        return self.doc[start:end]

    def trim(self, span: Span, complementiser: bool = False) -> Span | None:
        """``span`` without the punctuation at its edges and, if asked, without its complementiser ("that")."""
        doc, start, end = self.doc, span.start, span.end

        def leading(t: Token) -> bool:
            return t.is_punct or t.is_space or complementiser and t.dep_ == "mark" and t.lower_ in COMPLEMENTISERS

        while start < end and leading(doc[start]):
            start += 1
        while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct and doc[end - 1].text not in QUOTE_MARKS):
            end -= 1
        return doc[start:end] if end > start else None

"""Datelines and agency credits: "DOHA (Reuters) -", "KYIV, Ukraine, March 3 (AP) —", "Tehran, Iran —", "(AFP)".

They give the place a story was filed from and the outlet that filed it, not the source of an event, so their
tokens never become actor mentions; the lead starts after the dash (``segment.py`` makes it a sentence start).
Found on the text alone, so that they can be marked before the parser runs.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ...lang import text_of

_DASH = r"(?:--?|—|–)"
_CREDIT = r"\([A-Za-z][\w.&'/ -]{0,40}\)"  # "(Reuters)", "(eventwire)"
_REST = r"(?:,[ \t]+[A-Z0-9][\w.' ]{0,30}){0,2}"  # ", Ukraine", ", March 3"
_LONG_DASH = r"(?:--|—|–)"
# at the start of a line: an upper-case place (credit optional), a capitalised place with a credit, or a
# capitalised place with its country or state before a long dash ("Tehran, Iran — ")
DATELINE = re.compile(
    rf"(?m)^[ \t]*(?:(?:[A-Z][A-Z'.\-]+(?:[ \t][A-Z][A-Z'.\-]+)*{_REST}[ \t]*(?:{_CREDIT})?"
    rf"|[A-Z][\w'.\-]+(?:[ \t][A-Z][\w'.\-]+){{0,2}}{_REST}[ \t]*{_CREDIT})[ \t]*{_DASH}"
    rf"|[A-Z][\w'.\-]+(?:[ \t][A-Z][\w'.\-]+){{0,2}},[ \t]+[A-Z][\w.']+(?:[ \t][A-Z][\w.']+)?[ \t]*{_LONG_DASH})"
    rf"\s+(?=\S)"
)
CREDIT = re.compile(_CREDIT)


def datelines(text: str) -> list[tuple[int, int]]:
    """Character spans of the datelines in a text, up to and including the dash after them."""
    return [m.span() for m in DATELINE.finditer(text)]


def credit_tokens(doc: Doc, outlets: set[str], publisher: str | None = None) -> set[int]:
    """Tokens of datelines, of parenthesised agency credits ("(Reuters)") and of the name of the outlet that
    published the text ("Wikinews asked her ..."), anywhere in the text; ``publisher`` only where it is no
    actor the dictionaries know ("The White House" publishes and acts)."""
    found: set[int] = set()
    text = text_of(doc)
    spans = datelines(text)
    spans += [m.span() for m in CREDIT.finditer(text) if m.group()[1:-1] in outlets]
    if publisher:
        spans += [m.span() for m in re.finditer(rf"\b{re.escape(publisher)}\b", text)]
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            found.update(range(span.start, span.end))
    return found

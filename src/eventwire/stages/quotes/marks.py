"""Direct quotes by their marks: one scan pairing the double quote marks of a text, paragraph-aware."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# straight, typographic and the archive/ASCII forms ``...'' and ''...''; single marks stay inside quotes
DOUBLE_MARKS = re.compile("[\"“”]|''|``")
OPENING_MARKS = {"“", "``"}
EITHER_WAY = {'"', "''"}  # opens when a word follows, else closes
QUOTE_MARKS = {'"', "“", "”", "‘", "’", "'", "``", "''"}  # as tokens, single marks included
SENTENCE_END = {".", "!", "?", ";"}


@dataclass
class Marked:
    """Text between double quote marks; ``open`` is where the opening mark starts, ``close`` where the closing
    one ends, None when the quote runs to the end of a paragraph."""

    start: int
    end: int
    open: int
    close: int | None


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
        opener = mark in OPENING_MARKS or (mark in EITHER_WAY and m.end() < len(text) and not text[m.end()].isspace())
        if opened is not None and para(pos) != opened_para:
            here = para(pos)
            if opener and here == opened_para + 1 and not text[paragraphs[here] : pos].strip():
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
        inner = text[q.start : q.end]
        q.start += len(inner) - len(inner.lstrip())
        q.end -= len(inner) - len(inner.rstrip())
    return [q for q in found if q.end > q.start]

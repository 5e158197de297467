"""Emitting: quotes with their resolved speakers, appended to the document's records."""

from __future__ import annotations

from ...records import Coded, Quote
from .cues import Attribution
from .page import Page
from .speakers import Speakers


def emit(page: Page, ew: Coded, attributions: list[Attribution]) -> None:
    """Resolve speakers and append the quotes. A cue-less quote opening a sentence continues the attributed
    quote just before it (same or previous paragraph): it takes that quote's speaker, source and cue, so that
    the quotes sharing a cue are the fragments of one attribution (`"A," he said. "B."`)."""
    speakers = Speakers(page, ew)
    previous: Quote | None = None
    for a in attributions:
        speaker, speaker_text, source = None, None, None
        cue = [a.cue.start_char, a.cue.end_char] if a.cue is not None else None
        if a.subject is not None:
            actor, span = speakers.speaker(a.subject)
            speaker = actor.id if actor is not None else None
            speaker_text, source = span.text, [span.start_char, span.end_char]
        elif a.cue is None and a.sentence_initial and previous is not None and _continues(page, previous, a):
            speaker, speaker_text, source, cue = previous.speaker, previous.speaker_text, previous.source, previous.cue
        quote = Quote(
            id=f"q{len(ew.quotes) + 1}",
            speaker=speaker,
            speaker_text=speaker_text,
            source=source,
            cue=cue,
            direct=a.direct,
            content=[a.start, a.end],
            text=page.text[a.start : a.end],
        )
        ew.quotes.append(quote)
        if speaker_text is not None:
            previous = quote


def _continues(page: Page, previous: Quote, a: Attribution) -> bool:
    """Whether the earlier quote lies in the same paragraph as ``a`` or the one before."""
    return page.paragraph(previous.content[1]) >= page.paragraph(a.start) - 1

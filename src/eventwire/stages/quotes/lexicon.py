"""The quotes stage's words, read from cues.tsv and words.tsv beside this module (see README.md)."""

from __future__ import annotations

from pathlib import Path

from ...tables import read_tsv, split

DATA = Path(__file__).parent
_CUES = read_tsv(DATA / "cues.tsv")
_WORDS = read_tsv(DATA / "words.tsv")

CUE_LEMMAS: frozenset[str] = frozenset(row["lemma"] for row in _CUES if row["kind"] == "speech")
"""Lemmas of verbs that report speech ("say", "warn", ...): the events stage reads "X said that Y attacked Z"
as an event Y→Z reported by X."""

COMPLEMENTS: dict[str, frozenset[str]] = {
    row["lemma"]: frozenset(split(row["complements"])) for row in _CUES if row["kind"] not in {"according", "noun"}
}
"""Every cue verb of the quotes stage (speech, belief, evidence ...) with the dependents that hold its content."""

NOUN_COMPLEMENTS: dict[str, frozenset[str]] = {
    row["lemma"]: frozenset(split(row["complements"])) for row in _CUES if row["kind"] == "noun"
}
"""Cue nouns ("statement", "fears") with their content's dependents: clauses, or the prepositions whose object
is the content."""

# multiword prepositions whose object is the source ("according to X"), as lower-case word tuples
ACCORDING: tuple[tuple[str, ...], ...] = tuple(
    tuple(row["lemma"].lower().split()) for row in _CUES if row["kind"] == "according"
)


def words(word_class: str) -> frozenset[str]:
    """The words of a class of words.tsv; an error for a class the file lacks, so a typo cannot go unseen."""
    found = frozenset(row["word"] for row in _WORDS if row["class"] == word_class)
    if not found:
        raise KeyError(f"words.tsv has no class {word_class!r}")
    return found


COMPLEMENTISERS = words("complementiser")
PERSONAL = words("personal")
IMPERSONAL = words("impersonal")
SPOKESPEOPLE = words("spokesperson")

"""Finding candidate time expressions: the token patterns of patterns.tsv over the classes of classes.tsv.

Token classes are closed word lists (set look-ups), not regexes: the Matcher tests them on every token. And
since matching every pattern against every token costs more than the parse's tagger, the patterns only run
on the few stretches of text around trigger words (every pattern holds at least one).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from ...tables import read_tsv, split
from .lexicon import DATA, word_lists


def _class_spec(attribute: str, cell: str, lists: dict[str, list[str]]) -> dict:
    """The Matcher dict for one row of classes.tsv: ``@name`` items stand for the words of that list."""
    if attribute.startswith(("LIKE_", "IS_")):
        return {attribute: cell == "true"}
    values: list[str] = []
    for item in split(cell):
        values.extend(lists[item[1:]] if item.startswith("@") else [item])
    return {attribute: {"IN": values}}


_CLASS_ROWS = read_tsv(DATA / "classes.tsv")
_LISTS = word_lists()
CLASSES = {row["class"]: _class_spec(row["attribute"], row["values"], _LISTS) for row in _CLASS_ROWS}
PATTERNS = [row["pattern"] for row in read_tsv(DATA / "patterns.tsv")]
MAX_PATTERN = max(len(p.split()) for p in PATTERNS)

_TRIGGER_CLASSES = [row["class"] for row in _CLASS_ROWS if row["trigger"] == "yes"]
TRIGGERS = sorted({w for c in _TRIGGER_CLASSES if "LOWER" in CLASSES[c] for w in CLASSES[c]["LOWER"]["IN"]})
# trigger classes tested on another attribute than the lower-case word ("12/05/2024" by its shape)
_TRIGGER_SPECS = [CLASSES[c] for c in _TRIGGER_CLASSES if "LOWER" not in CLASSES[c]]


def token_spec(word: str) -> dict:
    """The Matcher dict for one word of a pattern string."""
    optional = word.endswith("?") and len(word) > 1
    word = word.rstrip("?") if optional else word
    if word in CLASSES:
        spec = dict(CLASSES[word])
    elif "|" in word:
        # a class may stand among the alternatives ("UNIT|WEEKDAY"): merge their word lists
        lower: list[str] = []
        for w in word.split("|"):
            lower.extend(CLASSES[w]["LOWER"]["IN"] if w in CLASSES else [w])
        spec = {"LOWER": {"IN": lower}}
    else:
        spec = {"LOWER": word}
    if optional:
        spec["OP"] = "?"
    return spec


def compile_matchers(nlp: Language) -> tuple[Matcher, Matcher]:
    """The trigger matcher and the full pattern matcher."""
    matcher = Matcher(nlp.vocab)
    for i, pattern in enumerate(PATTERNS):
        matcher.add(f"timex{i}", [[token_spec(w) for w in pattern.split()]])
    triggers = Matcher(nlp.vocab)
    triggers.add("trigger", [[{"LOWER": {"IN": TRIGGERS}}], *[[spec] for spec in _TRIGGER_SPECS]])
    return triggers, matcher


def match(triggers: Matcher, matcher: Matcher, doc: Doc) -> list[Span]:
    """All pattern matches, found by running the patterns only on windows around trigger words."""
    windows: list[list[int]] = []
    for _, start, _ in triggers(doc):
        lo, hi = max(0, start - MAX_PATTERN), min(len(doc), start + MAX_PATTERN)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    return [span for lo, hi in windows for span in matcher(doc[lo:hi], as_spans=True)]

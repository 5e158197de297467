"""Finding candidate time expressions: the token patterns of patterns.tsv over the classes of classes.tsv.

Token classes are closed word lists (set look-ups), not regexes: the Matcher tests them on every token. And
since matching every pattern against every token costs more than the parse's tagger, each pattern is found by
its anchor, its first token that must be a trigger word (every pattern holds one): the patterns sharing an
anchor make one matcher, run only on the stretches of text around that anchor's words, as far before and after
them as its patterns reach. Every match holds its anchor, so none is missed.
"""

from __future__ import annotations

from dataclasses import dataclass

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

_TRIGGER_CLASSES = [row["class"] for row in _CLASS_ROWS if row["trigger"] == "yes"]
TRIGGERS = sorted({w for c in _TRIGGER_CLASSES if "LOWER" in CLASSES[c] for w in CLASSES[c]["LOWER"]["IN"]})
TRIGGER_SET = set(TRIGGERS)
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


@dataclass
class Anchored:
    """The patterns sharing an anchor: their matcher, and how many tokens their matches may reach before and
    after the anchor."""

    matcher: Matcher
    before: int = 0
    after: int = 0


def _anchor(specs: list[dict]) -> int:
    """The position of a pattern's first token that is not optional and takes only trigger words (or shapes)."""
    return next(
        k
        for k, spec in enumerate(specs)
        if spec.get("OP") != "?" and (spec in _TRIGGER_SPECS or "LOWER" in spec and set(_values(spec)) <= TRIGGER_SET)
    )


def _values(spec: dict) -> list[str]:
    """The words or shapes a one-attribute token spec takes."""
    value = next(v for name, v in spec.items() if name != "OP")
    return value["IN"] if isinstance(value, dict) else [value]


class PatternFinder:
    """Finds every match of the patterns, each anchor's matcher running only on the windows around its words."""

    def __init__(self, nlp: Language):
        groups: dict[tuple, Anchored] = {}
        self.anchors: dict[str, dict[int, list[Anchored]]] = {}  # attribute -> word (shape) id -> what it anchors
        for i, pattern in enumerate(PATTERNS):
            specs = [token_spec(w) for w in pattern.split()]
            at = _anchor(specs)
            attr, values = next(name for name in specs[at] if name != "OP"), _values(specs[at])
            group = groups.get((attr, *values))
            if group is None:
                group = groups[attr, *values] = Anchored(Matcher(nlp.vocab))
                for value in values:
                    self.anchors.setdefault(attr, {}).setdefault(nlp.vocab.strings.add(value), []).append(group)
            group.matcher.add(f"timex{i}", [specs])
            group.before, group.after = max(group.before, at), max(group.after, len(specs) - at - 1)

    def __call__(self, doc: Doc) -> list[Span]:
        windows: dict[int, tuple[Anchored, list[list[int]]]] = {}
        for attr, anchors in self.anchors.items():
            for i, value in enumerate(doc.to_array(attr).tolist()):
                for group in anchors.get(value, ()):
                    lo, hi = max(0, i - group.before), min(len(doc), i + group.after + 1)
                    spans = windows.setdefault(id(group), (group, []))[1]
                    if spans and lo <= spans[-1][1]:
                        spans[-1][1] = hi
                    else:
                        spans.append([lo, hi])
        return [
            span
            for group, spans in windows.values()
            for lo, hi in spans
            for span in group.matcher(doc[lo:hi], as_spans=True)
        ]

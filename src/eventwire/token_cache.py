"""The spaCy model's rule-based components with each distinct token worked out once: the same output, less time.

In ``en_core_web_sm`` the attribute ruler and the lemmatizer cost a fifth of the model's time (more than the
parser; see docs/BENCHMARKS.md), almost all of it redoing per token what depends on a few of its attributes:
the ruler's matcher tries its 180 patterns on every token, and the lemmatizer looks each new word form up in lists
of up to 57,000 words (``form in list``) and remembers only the forms it changes. :func:`cache_rules` keeps
both components (their rules, their tables, how they are saved) and changes only how often that work is done.
"""

from __future__ import annotations

from copy import copy

from spacy.attrs import IDS
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

SIMPLE = {"IN", "NOT_IN"}  # the only predicates (besides equality) a rule may test for its answer to be cacheable


def cache_rules(nlp: Language) -> None:
    """Give the pipeline's attribute ruler a :class:`RuleMatcher` and its rule lemmatizer a cache of every result."""
    for _, component in nlp.pipeline:
        if isinstance(component, AttributeRuler) and not isinstance(component.matcher, RuleMatcher):
            entries = [(key, component.matcher.get(key)[1]) for key in map(str, range(len(component.attrs)))]
            component.matcher = RuleMatcher(component.matcher, entries)
        elif isinstance(component, Lemmatizer) and component.mode == "rule":
            component.lemmatize = FormCache(_with_indexed_words(component))


def _cacheable(pattern: list[dict]) -> bool:
    """A one-token rule whose answer depends only on the token's attributes, each compared with listed values
    (not a regular expression, a length, a quantifier…)."""
    return len(pattern) == 1 and all(
        name != "OP" and (not isinstance(value, dict) or set(value) <= SIMPLE) for name, value in pattern[0].items()
    )


def _with_indexed_words(lemmatizer: Lemmatizer) -> Lemmatizer:
    """A copy of the lemmatizer whose word lists (``lemma_index``: every known noun, verb…, tested with ``in``
    for each candidate form) are sets instead of lists; the component's own tables stay as they are saved."""
    shadow = copy(lemmatizer)
    shadow.cache, shadow.lookups = {}, Lookups()
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        if name == "lemma_index":
            table = Table(name, {pos: frozenset(words) for pos, words in table.items()})
        shadow.lookups.set_table(name, table)
    return shadow


class FormCache:
    """spaCy's rule lemmatizer, whose result depends on the token's form, part of speech and morphology only,
    remembered for all of them in the lemmatizer's own cache (spaCy itself remembers only the forms it
    changes, so every singular noun and base-form verb went through its morphology again)."""

    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer

    def __call__(self, token) -> list[str]:
        key, lemmas = (token.orth, token.pos, token.morph.key), self.lemmatizer.cache
        if (found := lemmas.get(key)) is None:
            found = lemmas[key] = self.lemmatizer.rule_lemmatize(token)
        return found


class RuleMatcher:
    """Stands in for an attribute ruler's matcher and returns the same matches: the one-token rules that only
    compare attributes with values are tried once per distinct combination of the attributes they test (the
    word itself only when a rule names it), the other rules on every document by a matcher of their own.
    The ruler's own matcher still answers ``get`` (its rules, when the ruler is saved)."""

    def __init__(self, matcher: Matcher, entries: list[tuple[str, list[list[dict]]]]):
        self.matcher = matcher
        self.single, self.rest = Matcher(matcher.vocab), Matcher(matcher.vocab)
        words, tested = set(), set()
        for key, patterns in entries:
            for pattern in patterns:
                cached = _cacheable(pattern)
                (self.single if cached else self.rest).add(matcher.vocab.strings.add(key), [pattern])
                if cached:
                    tested |= set(pattern[0])
                    words |= _listed(pattern[0].get("LOWER"))
        self.attrs = sorted(tested, key=lambda name: name != "LOWER")  # LOWER first
        self.words = {matcher.vocab.strings.add(word) for word in words} if "LOWER" in tested else set()
        self.answers: dict[tuple, list[int]] = {}

    def get(self, key, default=None):
        return self.matcher.get(key, default)

    def __call__(self, doc: Doc, **options) -> list[tuple[int, int, int]]:
        matches = list(self.rest(doc, **options))
        if not len(doc):  # "", or only spaces the tokenizer keeps in no token
            return matches
        rows = doc.to_array([IDS[name] for name in self.attrs]).reshape(len(doc), -1).tolist()
        for i, row in enumerate(rows):
            if self.words and row[0] not in self.words:
                row[0] = 0  # a word no rule names: all such words answer alike
            key = tuple(row)
            if (found := self.answers.get(key)) is None:
                found = self.answers[key] = [match for match, _, _ in self.single(doc[i : i + 1], **options)]
            matches += [(match, i, i + 1) for match in found]
        return matches


def _listed(value) -> set[str]:
    """The words a LOWER test names (none if it tests no word)."""
    if value is None:
        return set()
    if isinstance(value, dict):
        return {word for words in value.values() for word in words}
    return {value}

"""The spaCy model's rule-based components with each distinct token worked out once: the same output, less time.

In ``en_core_web_sm`` the attribute ruler and the lemmatizer cost a fifth of the model's time (more than the
parser; see docs/BENCHMARKS.md), almost all of it redoing per token what depends on a few of its attributes:
the ruler's matcher tries its 180 patterns on every token, and the lemmatizer looks each new word form up in lists
of up to 57,000 words (``form in list``) and remembers only the forms it changes; then the ruler sets what each
match gives one match at a time. :func:`cache_rules` keeps both components (their rules, their tables, how they are
saved) and changes only how often that work is done.
"""

from __future__ import annotations

from collections import defaultdict
from copy import copy

import numpy
from spacy.attrs import DEP, IDS, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

SIMPLE = {"IN", "NOT_IN"}  # the only predicates (besides equality) a rule may test for its answer to be cacheable
LEXICAL = {"ORTH", "TEXT", "LOWER", "SHAPE", "LENGTH"}  # attributes of the word itself, whatever its context
TOKEN_ATTRS = {POS, TAG, MORPH, LEMMA, DEP}  # what a ruler may set that lives on the token alone (not its lexeme)


def cache_rules(nlp: Language) -> None:
    """Give the pipeline's attribute ruler a :class:`RuleMatcher` (and make it an :class:`ArrayRuler`) and its rule
    lemmatizer a cache of every result."""
    for _, component in nlp.pipeline:
        if isinstance(component, AttributeRuler) and not isinstance(component.matcher, RuleMatcher):
            entries = [(key, component.matcher.get(key)[1]) for key in map(str, range(len(component.attrs)))]
            component.matcher = RuleMatcher(component.matcher, entries)
            if all(set(attrs) <= TOKEN_ATTRS for attrs in component.attrs):
                ArrayRuler.adopt(component)
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
    """Stands in for an attribute ruler's matcher and returns the same matches, trying the first token of each rule
    of a fixed length once per distinct combination of the attributes it tests, not on every token: a test that only
    compares attributes with values once per combination of them (the word itself only when a test names it), one
    that reads the word (a regular expression) once per word. A rule of one token of the first kind is answered by
    that; the rest of any other rule is tried only where its first token matched. Rules with quantifiers run on every
    document. The ruler's own matcher still answers ``get`` (its rules, when the ruler is saved)."""

    def __init__(self, matcher: Matcher, entries: list[tuple[str, list[list[dict]]]]):
        self.matcher = matcher
        self.vocab = vocab = matcher.vocab
        self.single, self.heads, self.word_heads = Matcher(vocab), Matcher(vocab), Matcher(vocab)
        self.anchored, self.rest = Matcher(vocab), Matcher(vocab)
        self.reach = 0  # the length of the longest anchored rule
        words, tested = set(), set()
        for key, patterns in entries:
            for pattern in patterns:
                match_id, head = vocab.strings.add(key), pattern[:1]
                if any("OP" in token for token in pattern) or not (_cacheable(head) or set(head[0]) <= LEXICAL):
                    self.rest.add(match_id, [pattern])
                    continue
                if not _cacheable(head):
                    self.word_heads.add("head", [head])
                else:
                    (self.single if len(pattern) == 1 else self.heads).add(match_id, [head])
                    tested |= set(head[0])
                    words |= _listed(head[0].get("LOWER"))
                if len(pattern) > 1 or not _cacheable(head):
                    self.anchored.add(match_id, [pattern])
                    self.reach = max(self.reach, len(pattern))
        self.attrs = [IDS[name] for name in sorted(tested, key=lambda name: name != "LOWER")]  # LOWER first
        self.words = numpy.array(sorted(vocab.strings.add(word) for word in words), dtype="uint64")
        self.answers: dict[tuple, tuple[tuple[int, ...], bool]] = {}  # one-token matches, whether a longer rule starts
        self.read: set[int] = set()  # the words (ORTH) whose word tests were tried, and those where a rule starts:
        self.starting: set[int] = set()

    def get(self, key, default=None):
        return self.matcher.get(key, default)

    def __call__(self, doc: Doc, **options) -> list[tuple[int, int, int]]:
        answers, of_token, matches = self.by_token(doc, **options)
        return matches + [(match, i, i + 1) for i, k in enumerate(of_token.tolist()) for match in answers[k]]

    def by_token(self, doc: Doc, **options) -> tuple[list[tuple[int, ...]], numpy.ndarray, list[tuple[int, int, int]]]:
        """The one-token rules that the distinct tokens of the document match (tokens alike in what the rules test
        are one), which of them each token is, and the matches of the other rules."""
        matches = list(self.rest(doc, **options)) if len(self.rest) else []
        if not len(doc):  # "", or only spaces the tokenizer keeps in no token
            return [], numpy.zeros(0, dtype=int), matches
        rows = doc.to_array(self.attrs).reshape(len(doc), -1)
        if self.words.size and self.attrs[0] == IDS["LOWER"]:
            rows[~numpy.isin(rows[:, 0], self.words), 0] = 0  # a word no rule names: all such words answer alike
        distinct: dict[tuple, int] = {}
        answers, starts, of_token = [], [], []
        for i, key in enumerate(map(tuple, rows.tolist())):
            if (k := distinct.get(key)) is None:
                if (found := self.answers.get(key)) is None:
                    token = doc[i : i + 1]
                    ids = tuple(match for match, _, _ in self.single(token, **options))
                    found = self.answers[key] = ids, len(self.heads) > 0 and bool(self.heads(token, **options))
                k = distinct[key] = len(answers)
                answers.append(found[0])
                starts.append(found[1])
            of_token.append(k)
        of_token = numpy.array(of_token, dtype=int)
        at = numpy.array(starts, dtype=bool)[of_token] | self._starting(doc.to_array(ORTH), options)
        for i in numpy.flatnonzero(at).tolist():
            longer = self.anchored(doc[i : i + self.reach], **options)
            matches += [(match, i, i + end) for match, start, end in longer if start == 0]
        return answers, of_token, matches

    def _starting(self, orths: numpy.ndarray, options: dict) -> numpy.ndarray:
        """Which tokens start a rule that a word test (a regular expression) opens. Words not seen before are tried
        all at once, on a Doc of those words (the same lexemes, so the same word attributes)."""
        if not len(self.word_heads):
            return numpy.zeros(len(orths), dtype=bool)
        new = [orth for orth in numpy.unique(orths).tolist() if orth not in self.read]
        if new:
            probe = Doc(self.vocab, words=[self.vocab.strings[orth] for orth in new])
            self.starting |= {new[start] for _, start, _ in self.word_heads(probe, **options)}
            self.read |= set(new)
        return numpy.isin(orths, numpy.array(list(self.starting), dtype="uint64"))


class ArrayRuler(AttributeRuler):
    """The attribute ruler (same rules, same results) when all its rules set attributes of the token alone: what
    the rules give each token is merged in the ruler's order (a later rule wins), remembered for every combination
    of one-token rules, and written in one pass over the doc's arrays, instead of one match at a time."""

    columns: list[int]  # the attributes the rules set
    merged: dict[tuple[int, ...], tuple[numpy.ndarray, numpy.ndarray]]  # rules (by match id) -> columns set, values

    @classmethod
    def adopt(cls, ruler: AttributeRuler) -> None:
        """Make a loaded attribute ruler one of these."""
        ruler.__class__ = cls
        ruler.columns = sorted({attr for attrs in ruler.attrs for attr in attrs})
        ruler.merged = {}

    def __call__(self, doc: Doc) -> Doc:
        try:
            if len(doc):
                self._write(doc)
            return doc
        except Exception as e:
            return self.get_error_handler()(self.name, self, [doc], e)

    def _write(self, doc: Doc) -> None:
        answers, of_token, longer = self.matcher.by_token(doc, allow_missing=True)
        extra: dict[int, list[int]] = defaultdict(list)  # token -> the rules of longer matches that set it
        for match_id, start, end in longer:
            rule = int(self.vocab.strings[match_id])
            index = self.indices[rule]
            target = (start if index >= 0 else end) + index
            if not start <= target < end:
                raise ValueError(f"attribute ruler: rule {rule} sets token {index} of a match of {end - start}")
            extra[target].append(match_id)
        current = doc.to_array(self.columns).reshape(len(doc), -1)
        sets, values = (numpy.stack(part) for part in zip(*map(self._merged, answers), strict=True))
        rows = numpy.where(sets[of_token], values[of_token], current)
        for i, rules in extra.items():
            sets_i, values_i = self._merged(answers[of_token[i]] + tuple(rules))
            rows[i] = numpy.where(sets_i, values_i, current[i])
        doc.from_array(self.columns, rows)

    def _merged(self, rules: tuple[int, ...]) -> tuple[numpy.ndarray, numpy.ndarray]:
        """Which columns these rules (by match id) set, and to what, applied in the ruler's order (remembered)."""
        if (found := self.merged.get(rules)) is None:
            given = {}
            for rule in sorted(int(self.vocab.strings[match_id]) for match_id in rules):
                given.update(self.attrs[rule])
            sets = numpy.array([a in given for a in self.columns], dtype=bool)
            found = self.merged[rules] = sets, numpy.array([given.get(a, 0) for a in self.columns], dtype="uint64")
        return found


def _listed(value) -> set[str]:
    """The words a LOWER test names (none if it tests no word)."""
    if value is None:
        return set()
    if isinstance(value, dict):
        return {word for words in value.values() for word in words}
    return {value}

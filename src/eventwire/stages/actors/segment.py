"""Sentence starts the parser must keep: after a blank line and after a dateline.

Wire copy puts a headline, a date line or a dateline ("MOSCOW (Reuters) -") before the lead, often with no
full stop; the parser would merge them into the lead's first sentence and read the place as its subject. This
component runs before the parser (``nlp.add_pipe("eventwire_sentence_breaks", before="parser")``), which
respects sentence starts that are already set.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from ...lang import abbreviates, text_of
from .datelines import datelines


@Language.factory("eventwire_sentence_breaks", assigns=["token.is_sent_start"])
def make_sentence_breaks(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The component (a factory, so that the ``spacy_factories`` entry point can name it)."""
    return sentence_breaks


def sentence_breaks(doc: Doc) -> Doc:
    """Mark the token after a blank line, and the first token of the lead after a dateline, as sentence starts;
    the word after an acronym in brackets as none ("met with Republic of Korea (ROK) President Yoon": the parser
    would end a sentence at the bracket and leave the president a fragment of his own)."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
        elif token.text == ")" and _closes_acronym(doc, token.i) and not doc[token.i + 1].is_space:
            doc[token.i + 1].is_sent_start = False
    text = text_of(doc)
    for _, end in datelines(text):
        span = doc.char_span(end, len(text), alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    return doc


def _closes_acronym(doc: Doc, i: int) -> bool:
    """Whether the bracket at ``i`` closes an acronym of the words before it ("Republic of Korea (ROK)"), not an
    outlet's credit ("Ferguson, Missouri (CNN)"): the acronym's letters start a word there and follow in order."""
    if i < 3 or doc[i - 2].text != "(" or not doc[i - 1].is_upper or not doc[i - 1].is_alpha:
        return False
    words = [t.text for t in doc[max(0, i - 9) : i - 2]]
    return any(abbreviates(doc[i - 1].text, " ".join(words[start:])) for start in range(len(words)))

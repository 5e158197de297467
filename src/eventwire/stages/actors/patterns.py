"""The stage's phrase matchers, built from token sequences kept in a cache file instead of tokenizing at every start.

Tokenizing the dictionaries' ~15,000 phrases (and making a vocabulary entry for each new word) took 0.6-0.8 s
of every start. A phrase's tokens depend only on the phrase and the model's tokenizer, so the package's phrases
are tokenized once into an SQLite file (see :mod:`eventwire.cache`; its name changes with the dictionaries,
these modules, spaCy's version and the model's) holding, per phrase, the attribute ids a PhraseMatcher takes
from a pattern Doc. ``PhraseMatcher.add`` accepts such id sequences as patterns (spaCy's own unpickling passes
them), so matches are the same as from Docs. A phrase the file lacks (from a user's dictionary) is tokenized.
"""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ...cache import built, cache_path
from .knowledge import Knowledge, knowledge

HERE = Path(__file__).parent
CODE = ("patterns.py", "knowledge.py", "roles.py")  # what decides which phrases the file holds, and how

Calls = list[tuple[str, list[str]]]  # (match key, phrases) for each PhraseMatcher.add


def rules(k: Knowledge) -> dict[str, tuple[str, Calls]]:
    """Each matcher's token attribute and its additions, in order."""
    names = sorted(set(k.roles.terms) | k.roles.alias_texts)  # office holders the NER may miss
    return {
        "phrases": ("ORTH", [(phrase, spellings([phrase])) for phrase in k.phrases]),
        "titles": ("LOWER", [(title.lower(), spellings([title])) for title in sorted(k.title_forms)]),  # "Lt. Gen."
        "people": ("ORTH", [("PERSON", spellings(names))]),
        "family_names": ("ORTH", [("PERSON", spellings(sorted(k.roles.family_name_texts)))]),
    }


def spellings(phrases: list[str]) -> list[str]:
    """The phrases as the dictionaries write them and with a typographic apostrophe, as most copy does ("People’s
    Republic of China", "O’Brien"): the tokens differ, so each needs a pattern of its own."""
    return phrases + [p.replace("'", "’") for p in phrases if "'" in p]


def matchers(nlp: Language, k: Knowledge) -> dict[str, PhraseMatcher]:
    """The stage's PhraseMatchers by name (see :func:`rules`), over ``nlp``'s vocabulary."""
    cached = sequences(nlp)
    found = {}
    for name, (attr, calls) in rules(k).items():
        found[name] = matcher = PhraseMatcher(nlp.vocab, attr=attr)
        for key, phrases in calls:
            matcher.add(key, [cached.get((attr, p)) or nlp.make_doc(p) for p in phrases])
    return found


def sequences(nlp: Language) -> dict[tuple[str, str], tuple[int, ...]]:
    """(attribute, phrase) -> the phrase's token ids for that attribute, for the package's phrases."""
    path = built(index_path(nlp), lambda new: write_index(nlp, new), "actor phrase index")
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = db.execute("SELECT attr, phrase, ids FROM sequences").fetchall()
    finally:
        db.close()
    return {(attr, phrase): struct.unpack(f"{len(ids) // 8}Q", ids) for attr, phrase, ids in rows}


def index_path(nlp: Language) -> Path:
    """The file for these dictionaries and this tokenizer: a new name whenever either changes."""
    model = f"spacy {spacy.__version__} {nlp.lang} {nlp.meta.get('name')} {nlp.meta.get('version')}"
    files = [*sorted(HERE.glob("*.tsv")), *(HERE / name for name in CODE)]
    return cache_path("actor-phrases", ".sqlite3", [model.encode(), *(f.read_bytes() for f in files)])


def write_index(nlp: Language, path: Path) -> None:
    """Tokenize the package's phrases into a new SQLite file."""
    wanted = {(attr, p) for attr, calls in rules(knowledge()).values() for _, phrases in calls for p in phrases}
    db = sqlite3.connect(path)
    with db:
        db.execute("CREATE TABLE sequences (attr TEXT, phrase TEXT, ids BLOB, PRIMARY KEY (attr, phrase))")
        db.executemany(
            "INSERT INTO sequences VALUES (?, ?, ?)",
            ((attr, p, _packed(nlp.make_doc(p), attr)) for attr, p in sorted(wanted)),
        )
    db.close()


def _packed(doc: Doc, attr: str) -> bytes:
    ids = doc.to_array(attr).tolist() if len(doc) else []
    return struct.pack(f"{len(ids)}Q", *ids)

"""The grammatical cue words of the events stage (``cues.tsv``), read once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ...tables import read_tsv

HERE = Path(__file__).parent


class Cues:
    """Cue words by kind: ``cues["light"]`` is the set of light verbs, and so on (see README.md)."""

    def __init__(self, path: Path = HERE / "cues.tsv"):
        words: dict[str, set[str]] = {}
        for row in read_tsv(path):
            words.setdefault(row["kind"], set()).add(row["word"].lower())
        self.words = {kind: frozenset(values) for kind, values in words.items()}

    def __getitem__(self, kind: str) -> frozenset[str]:
        return self.words[kind]

    def codes(self, kind: str, code: str) -> bool:
        """Whether a CAMEO code falls under one of the code prefixes of a kind ("reciprocal_code": "040", "06")."""
        return any(code.startswith(prefix) for prefix in self.words[kind])


@cache
def cues() -> Cues:
    return Cues()

"""eventwire's CAMEO/PLOVER codebook: names, Goldstein values, QuadClass conventions, PLOVER mapping.

The data are the TSV files beside this module (see README.md there for sources and licences).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..tables import read_tsv, split

HERE = Path(__file__).parent
CONVENTIONS = ("gdelt", "icews", "penta")


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    goldstein: float
    root: str
    plover: str | None
    mode: str | None


class Codebook:
    def __init__(self, folder: Path = HERE):
        plover = {r["cameo"]: r for r in read_tsv(folder / "cameo_plover.tsv")}
        self.codes: dict[str, Code] = {}
        for r in read_tsv(folder / "cameo.tsv"):
            p = plover.get(r["code"], {})
            self.codes[r["code"]] = Code(r["code"], r["name"], float(r["goldstein"]), r["root"],
                                         p.get("plover") or None, p.get("mode") or None)
        self.quad = {r["root"]: {c: int(r[c]) for c in CONVENTIONS} for r in read_tsv(folder / "quadclass.tsv")}
        self.plover_types = {r["type"]: split(r["modes"]) for r in read_tsv(folder / "plover.tsv")}

    def __getitem__(self, code: str) -> Code:
        return self.codes[code]

    def quad_class(self, code: str, convention: str = "gdelt") -> int:
        """QuadClass of a CAMEO code under a convention (gdelt and icews: 1–4; penta: 0–4)."""
        return self.quad[self.codes[code].root][convention]


@lru_cache(maxsize=None)
def codebook() -> Codebook:
    return Codebook()

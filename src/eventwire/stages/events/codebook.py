"""eventwire's CAMEO/PLOVER codebook: names, Goldstein values, QuadClass conventions, PLOVER mapping.

The data are the TSV files beside this module (see README.md there for sources and licences).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ...tables import read_tsv, split

HERE = Path(__file__).parent
ROOT_CONVENTIONS = ("gdelt", "icews", "penta")
CONVENTIONS = ("gdelt", "icews", "plover", "penta")
VIOLENT_ROOTS = {"18", "19", "20"}  # CAMEO roots of force: assault, fight, mass violence
PLOVER_QUADS = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3, "material_conflict": 4}


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
            self.codes[r["code"]] = Code(
                r["code"], r["name"], float(r["goldstein"]), r["root"], p.get("plover") or None, p.get("mode") or None
            )
        self.quad = {r["root"]: {c: int(r[c]) for c in ROOT_CONVENTIONS} for r in read_tsv(folder / "quadclass.tsv")}
        plover_types = read_tsv(folder / "plover.tsv")
        self.plover_types = {r["type"]: split(r["modes"]) for r in plover_types}
        self.plover_quad = {r["type"]: PLOVER_QUADS[r["quad"]] for r in plover_types}

    def __getitem__(self, code: str) -> Code:
        return self.codes[code]

    def quad_class(self, code: str, convention: str = "gdelt") -> int:
        """QuadClass of a CAMEO code under a convention: gdelt and icews by CAMEO root (1–4), plover by the
        code's PLOVER type (1–4; statements without a type as gdelt), penta by root (0–4)."""
        entry = self.codes[code]
        if convention == "plover":
            return self.plover_quad[entry.plover] if entry.plover else self.quad[entry.root]["gdelt"]
        return self.quad[entry.root][convention]


@cache
def codebook() -> Codebook:
    return Codebook()

"""The actor dictionaries, read once per set of user files: what each phrase, noun and title means.

The files are TSV beside this module (see README.md); a user's files (``--actors``, ``EVENTWIRE_ACTORS``) are
recognised by the first column of their header and take precedence over the package's rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ...tables import read_tsv, split
from .roles import Roles

HERE = Path(__file__).parent

# each dictionary file, by the first column of its header (how a user file is recognised)
FILES = {
    "iso3": "countries.tsv",
    "code": "organisations.tsv",
    "lemma": "sectors.tsv",
    "title": "titles.tsv",
    "person": "roles.tsv",
    "community": "communities.tsv",
}
STATE_KINDS = {"NSA", "PTY", "STATE", "MEDIA"}  # organisations coded by their home country and sector


@dataclass(frozen=True)
class Entry:
    """What a dictionary phrase means: a country (and how it is used), an organisation or a community."""

    kind: str  # name, demonym, capital, metonym, organisation, community
    code: str  # country or organisation code; for a community its name
    name: str
    ambiguous: bool = False
    sector: str | None = None  # an organisation's sector (REB for armed groups, PTY for parties, ...)
    country: str | None = None  # an organisation's or community's home country

    @property
    def is_country(self) -> bool:
        return self.kind in {"name", "demonym", "capital", "metonym"}


class Knowledge:
    """Phrases (countries, organisations, communities), agent nouns, titles, title modifiers and the role table."""

    def __init__(self, extra: tuple[str, ...] = ()):
        rows = {name: [] for name in FILES.values()}
        for path in extra:
            rows[_kind_of(Path(path))].extend(read_tsv(path))
        user_people = {r["person"] for r in rows["roles.tsv"]}  # a user's person replaces the package's
        for name in FILES.values():
            rows[name].extend(r for r in read_tsv(HERE / name) if r.get("person") not in user_people)
        self.phrases: dict[str, Entry] = {}
        self.country_names: dict[str, str] = {}
        self.states: dict[str, str] = {}  # ISO 3166 code -> the state it acts for (itself, or a dependency's)
        self._countries(rows["countries.tsv"])
        self.organisations: dict[str, Entry] = {}
        self.descriptions: dict[str, list[str]] = {}  # "alliance" -> organisations "the alliance" may mean
        self._organisations(rows["organisations.tsv"])
        for row in rows["communities.tsv"]:
            entry = Entry("community", row["community"], row["community"], country=row["home"] or None)
            for phrase in split(row["forms"]):
                self.phrases.setdefault(phrase, entry)
        self.sectors: dict[str, str] = {}
        self.deferring: set[str] = set()  # "officials": the sector of a qualifying noun wins ("military officials")
        self.owned: set[str] = set()  # "party": an actor only where a country or organisation qualifies it
        for row in rows["sectors.tsv"]:
            self.sectors.setdefault(row["lemma"], row["sector"])
            if row.get("defers") == "1":
                self.deferring.add(row["lemma"])
            if row.get("owned") == "1":
                self.owned.add(row["lemma"])
        self.legislatures = {  # "senate" -> the states whose legislature (or its member) goes by the word
            word: tuple(split(row["countries"]))
            for row in read_tsv(HERE / "legislatures.tsv")
            for word in split(row["words"])
        }
        self.halves = {  # "the North" -> (North Korea, the states of a passage on Korea)
            row["word"]: (row["iso3"], frozenset(split(row["nation"]))) for row in read_tsv(HERE / "halves.tsv")
        }
        self.epithets = {  # "the Middle Eastern nation" -> the states it can describe (None: any)
            row["epithet"]: frozenset(split(row["iso3"])) or None for row in read_tsv(HERE / "epithets.tsv")
        }
        # weapons and craft stand for their forces only when a country qualifies them: "Russian drones"
        self.equipment = {row["lemma"]: row["sector"] for row in read_tsv(HERE / "equipment.tsv")}
        self.titles: dict[str, tuple[str, str]] = {}  # lowercase title -> sector, scope
        self.title_forms: set[str] = set()  # as written ("Lt. Gen."): patterns are tokenized as the text is
        for row in rows["titles.tsv"]:
            self.titles.setdefault(row["title"].lower(), (row["sector"], row["scope"]))
            self.title_forms.add(row["title"])
        self.plural_titles = {  # "sens.", "senators": a title before a list of names
            t for t in self.titles if t.rstrip(".").endswith("s") and _singular_title(t) in self.titles
        }
        # words before a title: "former" makes a former holder (ELI), "deputy" belongs to the title
        self.title_modifiers = {row["word"]: row["effect"] for row in read_tsv(HERE / "title_modifiers.tsv")}
        self.genders = {row["word"]: row["gender"] for row in read_tsv(HERE / "genders.tsv")}  # "Mrs.", "queen"
        homes = {code: (e.country, e.sector) for code, e in self.organisations.items() if e.country and e.sector}
        self.roles = Roles(rows["roles.tsv"], homes)

    def _countries(self, rows: list[dict[str, str]]) -> None:
        for row in rows:
            code, name = row["iso3"], row["name"]
            self.country_names.setdefault(code, name)
            self.states[code] = row.get("state") or code
            code = self.states[code]  # "the Falkland Islands" act for Britain
            ambiguous = row.get("ambiguous") == "1"
            for kind, cell in (
                ("name", row["name"]),
                ("name", row["aliases"]),
                ("demonym", row["demonyms"]),
                ("capital", row["capitals"]),
                ("metonym", row["metonyms"]),
            ):
                for phrase in split(cell):
                    self.phrases.setdefault(phrase, Entry(kind, code, name, ambiguous and kind == "name"))

    def _organisations(self, rows: list[dict[str, str]]) -> None:
        for row in rows:
            home = row.get("country") or None
            sector = row.get("sector") or ("REB" if row["kind"] == "NSA" else None)
            entry = Entry(
                "organisation",
                row["code"],
                row["name"],
                sector=sector,
                country=home if row["kind"] in STATE_KINDS else None,
            )
            self.organisations.setdefault(row["code"], entry)
            for noun in split(row.get("descriptions", "")):
                self.descriptions.setdefault(noun, []).append(row["code"])
            for phrase in [row["name"], *split(row["aliases"])]:
                self.phrases.setdefault(phrase, entry)

    def sector_of(self, lemma: str, text: str = "") -> str | None:
        """The sector of an agent noun by its lemma (proper names of legislatures keep their case)."""
        found = self.sectors.get(lemma) or self.sectors.get(lemma.lower()) or (self.sectors.get(text) if text else None)
        return found or _unlemmatized(self.sectors, lemma, text)

    def equipment_of(self, lemma: str, text: str = "") -> str | None:
        """The sector of the force a weapon or craft belongs to ("missiles": MIL), by its lemma."""
        return self.equipment.get(lemma.lower()) or _unlemmatized(self.equipment, lemma, text)


def _unlemmatized(table: dict[str, str], lemma: str, text: str) -> str | None:
    """ "Gunmen killed ...", "Rockets struck ...": a plural at the start of a sentence tagged a name, not lemmatized."""
    if lemma == text and text[:1].isupper():
        return next(filter(None, (table.get(s) for s in _singulars(text.lower()))), None)
    return None


def _singular_title(title: str) -> str:
    """ "sens." -> "sen.", "senators" -> "senator"."""
    return title[:-2] + "." if title.endswith("s.") else title[:-1]


def _singulars(plural: str) -> list[str]:
    """The singular forms a plural noun may have ("gunmen", "rebels", "militias", "authorities")."""
    forms = [plural]
    if plural.endswith("men"):
        forms.append(plural[:-3] + "man")
    if plural.endswith("ies"):
        forms.append(plural[:-3] + "y")
    if plural.endswith("s"):
        forms += [plural[:-1], plural[:-2]]
    return forms


def _kind_of(path: Path) -> str:
    """Which dictionary a user file extends, from its header."""
    first = next(
        (line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")),
        "",
    )
    column = first.split("\t")[0].strip()
    if column not in FILES:
        raise ValueError(
            f"{path}: not an actor dictionary (the header must start with one of "
            f"{', '.join(FILES)}, as in the files of eventwire/actors)"
        )
    return FILES[column]


def knowledge(extra: tuple[str, ...] = ()) -> Knowledge:
    """The dictionaries with the user's files ``extra`` over them, built once per set of files."""
    return _knowledge(tuple(extra))


@cache
def _knowledge(extra: tuple[str, ...]) -> Knowledge:
    return Knowledge(extra)

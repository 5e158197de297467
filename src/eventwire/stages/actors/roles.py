"""Who held which office when: the role table (``roles.tsv``) and the questions the resolver asks of it.

A name alone ("Kuleba said") or a title alone ("Ukraine's foreign minister") is resolved through the office
held on the document's date; a person between election and inauguration holds the "elect" title, and one
whose terms have all ended is a former office holder.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from ...tables import split

FAMILY_NAME_FIRST = {"CHN", "TWN", "KOR", "PRK", "VNM", "HKG", "MAC", "KHM", "MNG"}
ELITE = "ELI"  # CAMEO's sector for former officials and office holders-elect


@dataclass(frozen=True)
class Term:
    person: str
    role: str
    title: str
    country: str | None
    org: str | None
    sector: str
    start: dt.date
    end: dt.date | None  # exclusive: the day the successor takes over
    status: str  # "", "acting" or "elect"

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    @property
    def office(self) -> tuple[str, str]:
        return (self.country or self.org or "", self.role)


@dataclass(frozen=True)
class Standing:
    """What the role table says of a person on a day: the code and title to give them."""

    code: str | None
    country: str | None
    sector: str
    title: str


def fold(text: str) -> str:
    """Case- and accent-insensitive key: "Erdoğan" and "Erdogan" meet."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class Roles:
    def __init__(self, rows: list[dict[str, str]]):
        self.terms: dict[str, list[Term]] = {}
        self.names: dict[str, set[str]] = {}  # folded name or alias -> people ("King Abdullah": two kings)
        self.by_surname: dict[str, set[str]] = {}  # folded family name -> people
        self.by_office: dict[tuple[str, str], list[Term]] = {}
        self.title_roles: dict[str, str] = {}  # "foreign minister" -> foreign_minister
        self.alias_texts: set[str] = set()
        self.family_name_texts: set[str] = set()
        for row in rows:
            term = Term(row["person"], row["role"], row["title"], row["country"] or None, row["org"] or None,
                        row["sector"], dt.date.fromisoformat(row["start"]),
                        dt.date.fromisoformat(row["end"]) if row["end"] else None, row["status"])
            self.terms.setdefault(term.person, []).append(term)
            self.by_office.setdefault(term.office, []).append(term)
            if term.status != "elect":
                self.title_roles.setdefault(fold(term.title.removeprefix("Acting ")), term.role)
            self.alias_texts.update(split(row["aliases"]))
            for name in [term.person, *split(row["aliases"])]:
                self.names.setdefault(fold(name), set()).add(term.person)
                words = name.split()
                if len(words) > 1:
                    family = words[0] if term.country in FAMILY_NAME_FIRST else words[-1]
                    self.by_surname.setdefault(fold(family), set()).add(term.person)
                    self.family_name_texts.add(family)
        for terms in self.terms.values():
            terms.sort(key=lambda t: t.start)

    def person(self, name: str, day: dt.date | None = None) -> str | None:
        """The person a full name or alias means; where it names several, the one in office on ``day``."""
        people = self.names.get(fold(name), set())
        if len(people) > 1 and day is not None:
            people = {p for p in people if any(t.covers(day) and t.status != "elect" for t in self.terms[p])}
        return next(iter(people)) if len(people) == 1 else None

    def standing(self, person: str, day: dt.date | None) -> Standing | None:
        """The person's office on ``day`` (the latest one without a day); former holders and holders-elect
        are coded with the ELI sector."""
        terms = self.terms.get(person, [])
        if not terms:
            return None
        if day is None:
            return _standing(terms[-1])
        current = [t for t in terms if t.covers(day)]
        if current:
            term = min(current, key=lambda t: (t.status == "elect", t.start))
            if term.status == "elect":
                return _standing(term, sector=ELITE)
            return _standing(term)
        past = [t for t in terms if t.end is not None and t.end <= day and t.status != "elect"]
        if past:  # a former office holder belongs to a country's elite, not to an organisation
            last = max(past, key=lambda t: (t.country is not None, t.end))
            title = f"former {last.title}"
            if last.country is None:
                return Standing(None, None, ELITE, title)
            return _standing(last, sector=ELITE, title=title)
        return None

    def by_family_name(self, surname: str, day: dt.date | None) -> str | None:
        """The one person of this family name in office on ``day`` (else the one who held an office before
        it); None where there is none or several: an ambiguous name is left unresolved."""
        people = self.by_surname.get(fold(surname), set())
        if day is None:
            return next(iter(people)) if len(people) == 1 else None
        for held in (lambda t: t.covers(day) and t.status != "elect", lambda t: t.start <= day):
            fitting = {p for p in people if any(held(t) for t in self.terms[p])}
            if fitting:
                return next(iter(fitting)) if len(fitting) == 1 else None
        return None

    def holder(self, owner: str, title: str, day: dt.date | None) -> str | None:
        """Who held the office that ``title`` names for ``owner`` (a country or organisation code) on ``day``."""
        role = self.title_roles.get(fold(title))
        terms = [t for t in self.by_office.get((owner, role), []) if t.status != "elect"]
        if not terms or day is None:
            return None
        current = [t for t in terms if t.covers(day)]
        return current[0].person if len(current) == 1 else None


def _standing(term: Term, sector: str | None = None, title: str | None = None) -> Standing:
    sector = sector or term.sector
    if term.country:
        return Standing(term.country + sector, term.country, sector, title or term.title)
    return Standing(term.org, None, sector, title or term.title)

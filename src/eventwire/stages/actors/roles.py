"""Who held which office when: the role table (``roles.tsv``) and the questions the resolver asks of it.

A name alone ("Kuleba said") or a title alone ("Ukraine's foreign minister") is resolved through the office
held on the document's date; a person between election and inauguration holds the "elect" title, and one
whose terms have all ended is a former office holder.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ...lang import fold
from ...tables import split

# Mongolia is not among them: news names "Khurelsukh", the given name, not the patronymic before it.
FAMILY_NAME_FIRST = {"CHN", "TWN", "KOR", "PRK", "VNM", "HKG", "MAC", "KHM"}
# Countries whose names English writes in either order: "Fumio Kishida", and "Kishida Fumio" (the family name first,
# as Japan's government has asked since 2019 and White House texts follow).
EITHER_ORDER = {"JPN"}
# Countries whose people go by their own name, the second being the father's: "Prime Minister Abiy" (Abiy Ahmed).
KNOWN_BY_OWN_NAME = {"ETH", "ERI"}
# Countries of Spanish naming: "Given Paternal Maternal", known by the father's family name, not the mother's alone
# ("Epsy Campbell Barr" is no "Barr").
TWO_FAMILY_NAMES = set("ARG BOL CHL COL CRI CUB DOM ECU ESP GNQ GTM HND MEX NIC PAN PER PRY SLV URY VEN".split())
ELITE = "ELI"  # CAMEO's sector for former officials and office holders-elect
# Words that belong to the family name they precede: "Al Thani", "al-Assad", "von der Leyen", "de Klerk".
# ("bin", "ibn" are not among them: "bin Salman" names the father.)
PARTICLES = set("al el van von der den de da do dos das di du del della le la ter ould".split())
# The offices news names people by, most telling first: a person's standing comes from the first they hold.
RANKS = tuple(
    """head_of_state head_of_government vice_president secretary_general leader foreign_minister defence_minister
    interior_minister finance_minister justice_minister deputy_head_of_government national_security_adviser
    chief_of_staff military_chief intelligence_chief central_bank_governor spokesperson official party_leader""".split()
)
# Holders of these offices are named by their family name alone ("Zelenskyy said"), and a legislature's leaders
# while they lead it ("Pelosi", "McConnell"); holders of the others are introduced by full name first, so a bare
# family name ("Ford", "Bird") is not taken for an obscure one of them.
KNOWN_BY_FAMILY_NAME = set(
    "head_of_state head_of_government vice_president secretary_general leader foreign_minister defence_minister".split()
)
LEGISLATIVE = "LEG"
# Where several holders share a family name, the one of a country news names most (whose foreign and defence
# ministers the table lists) or of an organisation is meant: a bare "Obama" is not Equatorial Guinea's prime minister.
MINISTERS = {"foreign_minister", "defence_minister"}
LEADS = {"head_of_state", "head_of_government"}
# Offices whose holders are told apart by their title ("President of the European Commission", "CIA Director"), and
# seats held by many at once: "the senator" names no one, though the table lists some senators' terms.
BY_TITLE = {"leader", "official", "intelligence_chief", "military_chief"}
MANY_SEATS = {"legislator"}
REGAL = {"King", "Queen", "Pope", "Prince", "Princess"}  # titles before a monarch's or pope's given name
WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}  # "Friday" is a day
SUFFIXES = {"Jr.", "Jr", "Junior", "Sr.", "Filho", "Neto", "II", "III", "IV"}  # "Carlos Gomes Junior" is a Gomes


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

    @property
    def rank(self) -> int:
        return RANKS.index(self.role) if self.role in RANKS else len(RANKS)


@dataclass(frozen=True)
class Standing:
    """What the role table says of a person on a day: the code and title to give them."""

    code: str | None
    country: str | None
    sector: str | None  # None: no office yet, only the country the person will serve
    title: str | None


def family_key(text: str) -> str:
    """Key of a family name however news joins its particle: "Al Thani", "al-Thani" and "Al-Thani" meet."""
    return " ".join(fold(text).replace("-", " ").split())


def family_names(name: str, country: str | None, other_names: tuple[str, ...] = ()) -> list[str]:
    """The family names a full name is known by, as written: the first word where the family name comes
    first ("Xi"), else the last word with the particles before it ("Al Thani", "von der Leyen"); a particle
    joined by a hyphen may be dropped ("al-Assad", "Assad"). A name in Western order from a country whose names
    put the family first ("David Lee", also known as "Lee Ta-wei") is known by the word that begins the
    person's other name. Ethiopians and Eritreans go by their own (first) name ("Abiy"). A Spanish name also
    written without its last word ends in the mother's family name, which alone names no one ("Marisol Espinoza
    Cruz", also "Marisol Espinoza", is no "Cruz")."""
    words = name.split()
    while len(words) > 2 and words[-1] in SUFFIXES:
        words = words[:-1]
    if country in TWO_FAMILY_NAMES and any(other.split() == words[:-1] for other in other_names):
        words = words[:-1]
    if len(words) < 2:
        return []
    if country in FAMILY_NAME_FIRST:
        firsts = {other.split()[0] for other in other_names if other != name}
        return [next((w for w in words[1:] if w in firsts), words[0])]
    if country in KNOWN_BY_OWN_NAME:
        return [words[0]]
    start = len(words) - 1
    while start > 1 and fold(words[start - 1]) in PARTICLES:
        start -= 1
    family = " ".join(words[start:])
    joined = re.match(r"(\w+)-(\w.*)", words[-1])
    if start == len(words) - 1 and joined and fold(joined[1]) in PARTICLES:
        return [family, joined[2]]
    return [family]


def _inner_pairs(name: str) -> list[str]:
    """The pairs of words after the first of a name of three words or more, without particles: "evo morales"
    and "morales ayma" of "juan evo morales ayma" (not "bin salman")."""
    words = name.split()
    if len(words) < 3:
        return []
    return [f"{a} {b}" for a, b in zip(words[1:], words[2:], strict=False) if a not in PARTICLES and b not in PARTICLES]


def spellings(family: str) -> set[str]:
    """The ways news writes a family name with a particle: "Al Thani", "al-Thani", "Al-Thani", "al Thani"."""
    words = family.split()
    if len(words) < 2 and "-" not in family:
        return {family}
    first, rest = re.split(r"[ -]", family, maxsplit=1)
    if fold(first) not in PARTICLES:
        return {family}
    cases = {first.lower(), first[0].upper() + first[1:].lower()}
    return {f"{p}{joiner}{rest}" for p in cases for joiner in (" ", "-")}


class Roles:
    def __init__(self, rows: list[dict[str, str]], homes: dict[str, tuple[str, str]] | None = None):
        self.homes = homes or {}  # organisation -> (country, sector) of groups with a home: Hamas is PSE, REB
        self.terms: dict[str, list[Term]] = {}
        self.names: dict[str, set[str]] = {}  # folded name or alias -> people ("King Abdullah": two kings)
        self.inner_names: dict[str, set[str]] = {}  # two later words of a longer name -> people ("Evo Morales")
        self.known_as: dict[str, set[str]] = {}  # person -> folded names and aliases
        self.by_surname: dict[str, set[str]] = {}  # family_key of a family name -> people
        self.sitting_by_surname: dict[str, set[str]] = {}  # ... -> a legislature's leaders, named so in office only
        self.given_names: set[str] = set()  # first words of names that put the family last ("David", "Bill")
        self.by_office: dict[tuple[str, str], list[Term]] = {}
        self.owner_roles: dict[str, set[str]] = {}  # country or organisation -> the roles of its offices
        self.by_title: dict[str, list[Term]] = {}  # folded title -> its terms
        self.title_roles: dict[str, str] = {}  # "foreign minister" -> foreign_minister
        self.alias_texts: set[str] = set()
        self.family_name_texts: set[str] = set()
        self.regnal_names: set[str] = set()  # family keys of given names monarchs and popes are known by
        named: list[tuple[str, tuple[str, ...], Term]] = []  # (name or alias, all names, term) of offices
        # known by family name
        for row in rows:
            term = Term(
                row["person"],
                row["role"],
                row["title"],
                row["country"] or None,
                row["org"] or None,
                row["sector"],
                dt.date.fromisoformat(row["start"]),
                dt.date.fromisoformat(row["end"]) if row["end"] else None,
                row["status"],
            )
            self.terms.setdefault(term.person, []).append(term)
            self.by_office.setdefault(term.office, []).append(term)
            self.owner_roles.setdefault(term.office[0], set()).add(term.role)
            self.by_title.setdefault(fold(term.title), []).append(term)
            if term.status != "elect":
                self.title_roles.setdefault(fold(term.title.removeprefix("Acting ")), term.role)
            self.alias_texts.update(split(row["aliases"]))
            every = (term.person, *split(row["aliases"]))
            for name in every:
                self.names.setdefault(fold(name), set()).add(term.person)
                for pair in _inner_pairs(fold(name)):
                    self.inner_names.setdefault(pair, set()).add(term.person)
                self.known_as.setdefault(term.person, set()).add(fold(name))
                if term.country not in FAMILY_NAME_FIRST | KNOWN_BY_OWN_NAME and len(name.split()) > 1:
                    self.given_names.add(fold(name.split()[0]))
                if term.role in KNOWN_BY_FAMILY_NAME or term.sector == LEGISLATIVE:
                    named.append((name, every, term))
            if term.country in EITHER_ORDER:
                for given, family in (n.split() for n in every if len(n.split()) == 2):
                    self.names.setdefault(fold(f"{family} {given}"), set()).add(term.person)
                    self.known_as[term.person].add(fold(f"{family} {given}"))
        for terms in self.terms.values():
            terms.sort(key=lambda t: t.start)
        most_named = {t.country for terms in self.terms.values() for t in terms if t.role in MINISTERS}
        self.prominent = {p for p, terms in self.terms.items() if any(t.org or t.country in most_named for t in terms)}
        for name, every, term in named:
            self._add_family_names(name, every, term)

    def _add_family_names(self, name: str, every: tuple[str, ...], term: Term) -> None:
        if name.split()[0] in REGAL:  # "Queen Elizabeth", "Pope Francis": a given name ("his daughter Elizabeth"),
            self.regnal_names.add(family_key(name.split()[-1]))  # which no one alone is known by
            return
        for family in family_names(name, term.country, every):
            if family in WEEKDAYS:
                continue
            sitting = term.role not in KNOWN_BY_FAMILY_NAME  # a legislature's leader
            (self.sitting_by_surname if sitting else self.by_surname).setdefault(family_key(family), set()).add(
                term.person
            )
            self.family_name_texts.update(spellings(family))

    def person(self, name: str, day: dt.date | None = None) -> str | None:
        """The person a full name or alias means, or two words inside a longer name of one ("Evo Morales", in the
        table as Juan Evo Morales Ayma); where it names several, the one in office on ``day``."""
        people = self.names.get(fold(name)) or self.inner_names.get(fold(name), set())
        if len(people) > 1 and day is not None:
            people = {p for p in people if any(t.covers(day) and t.status != "elect" for t in self.terms[p])}
        return next(iter(people)) if len(people) == 1 else None

    def leads(self, person: str, day: dt.date | None) -> bool:
        """Whether the person heads a state or government on ``day``: whose "administration" it is."""
        return any(
            t.role in LEADS and t.status != "elect" and (day is None or t.covers(day))
            for t in self.terms.get(person, [])
        )

    def standing(self, person: str, day: dt.date | None) -> Standing | None:
        """The person's office on ``day`` (the latest one without a day); former holders and holders-elect
        are coded with the ELI sector, and future ones by their country alone. Of several offices held at once
        the most telling gives the title (a prime minister who also leads a party is the prime minister)."""
        terms = self.terms.get(person, [])
        if not terms:
            return None
        if day is None:  # the most telling office, the latest of its rank
            return self._standing(min(terms, key=lambda t: (t.status == "elect", t.rank, -t.start.toordinal())))
        current = [t for t in terms if t.covers(day)]
        if current:
            term = min(current, key=lambda t: (t.status == "elect", t.rank, t.start))
            if term.status == "elect":
                return self._standing(term, sector=ELITE)
            return self._standing(term)
        past = [t for t in terms if t.end is not None and t.end <= day and t.status != "elect"]
        if past:  # a former office holder belongs to a country's elite, not to an organisation
            last = min(past, key=lambda t: (t.country is None, t.rank, -t.end.toordinal()))
            title = f"former {last.title}"
            if last.country is None and last.org not in self.homes:
                return Standing(None, None, ELITE, title)
            return self._standing(last, sector=ELITE, title=title)
        later = [t.country for t in terms if t.country]  # "Donald Trump" in 2015: no office yet, but the state he
        return Standing(later[0], later[0], None, None) if later else None  # will serve is his own

    def by_family_name(
        self,
        surname: str,
        day: dt.date | None,
        owners: set[str] | None = None,
        former: bool = True,
        named: set[str] | None = None,
    ) -> str | None:
        """The one person of this family name ("Zelenskyy", "Al Thani", "al-Thani") in office on ``day``
        (else, with ``former``, the one who held an office before it); None where there is none or several: an
        ambiguous name is left unresolved. With ``owners``, only people who served one of these countries or
        organisations (a legislature's leader in office that day also where the text names no state: ``named``,
        the states and organisations it names, by default ``owners``)."""
        named = owners if named is None else named
        if family_key(surname) in self.regnal_names:
            return None
        people = self.by_surname.get(family_key(surname), set()) | {  # a legislature's leader, in office, unless
            p  # the text names other states only ("Johnson" in a story on Britain is not the US Speaker)
            for p in self.sitting_by_surname.get(family_key(surname), ())
            if day is not None
            and any(
                t.covers(day) and t.sector == LEGISLATIVE and (not named or t.country in named) for t in self.terms[p]
            )
        }
        if owners is not None:
            people = {p for p in people if any((t.country or t.org) in owners for t in self.terms[p])}
        if day is None:
            return self._one(people)
        for held in (lambda t: t.covers(day) and t.status != "elect", lambda t: t.start <= day)[: 1 + former]:
            fitting = {p for p in people if any(held(t) for t in self.terms[p])}
            if fitting:
                return self._one(fitting)
        return None

    def by_title_and_family_name(self, title: str, surname: str, day: dt.date | None, former: bool) -> str | None:
        """The one person of this family name who holds the office the title names on ``day``, or (``former``)
        held it before: "former President Obama" in 2018 is Barack Obama, not the prime minister of Equatorial
        Guinea of that name then in office."""
        if day is None:
            return None
        key = family_key(surname)
        for terms in (self._titled(title), self._titled(title, short=True)):  # "Speaker Pelosi": of the House
            people = {
                t.person
                for t in terms
                if t.status != "elect"
                and ((t.end is not None and t.end <= day) if former else t.covers(day))
                and (t.person in self.by_surname.get(key, set()) or self._family_named(t, key))
            }
            if people:
                return self._one(people)
        return None

    def _family_named(self, term: Term, key: str) -> bool:
        """Whether the holder of a term is known by this family name (any office's holder, once the title has
        narrowed them down: "Speaker Pelosi")."""
        return any(family_key(f) == key for n in self.known_as[term.person] for f in family_names(n, term.country))

    def by_given_names(self, title: str, words: tuple[str, ...], day: dt.date | None) -> str | None:
        """The one holder, on ``day``, of an office the title names ("Crown Prince" of "Crown Prince and Prime
        Minister" too) whose name begins with the (folded) words: "President Hassan Sheikh" (Hassan Sheikh
        Mohamud), "Crown Prince Mohammed" (bin Salman), as Somali and Arab custom names them; None where no
        one or several fit."""
        if day is None or not words:
            return None
        people = {
            t.person
            for t in self._titled(title)
            if t.covers(day)
            and t.status != "elect"
            and any(tuple(n.split()[: len(words)]) == words for n in self.known_as[t.person])
        }
        return next(iter(people)) if len(people) == 1 else None

    def may_hold(self, person: str, title: str) -> bool:
        """Whether a title can name this person: they held an office of the kind it names ("Deputy President
        Mlambo-Ngcuka", whom the table lists as Executive Vice President), or it names none the table knows;
        "Prime Minister Lee" is no party leader Lee; "Leader Schumer" is the Senate Majority Leader."""
        roles = {t.role for t in self._titled(title)}
        terms = self.terms.get(person, ())
        return not roles or any(t.role in roles or _names_office(fold(title), fold(t.title)) for t in terms)

    def _titled(self, title: str, short: bool = False) -> list[Term]:
        """The terms of the offices a title names, alone or as part of a joint title ("Crown Prince" of "Crown
        Prince and Prime Minister"); ``short``: of which it is the short form ("Speaker" of "Speaker of the
        House", "Leader" of "Senate Majority Leader")."""
        written = fold(title)
        return [
            t
            for office, terms in self.by_title.items()
            if (_names_office(written, office) if short else office == written or written in office.split(" and "))
            for t in terms
        ]

    def _one(self, people: set[str]) -> str | None:
        """The one person meant, the prominent one among several; None where that is not clear."""
        if len(people) > 1:
            people &= self.prominent
        return next(iter(people)) if len(people) == 1 else None

    def _standing(self, term: Term, sector: str | None = None, title: str | None = None) -> Standing:
        """A term's code: the country and sector; an office of a group with a home country is coded as the
        group is (Hamas's leader PSEREB, as CAMEO codes Hamas); of an organisation, its code."""
        sector = sector or term.sector
        country = term.country or self.homes.get(term.org or "", (None,))[0]
        if country:
            return Standing(country + sector, country, sector, title or term.title)
        return Standing(term.org, None, sector, title or term.title)

    def titled_holder(self, owner: str, title: str, day: dt.date | None) -> str | None:
        """The one whose office for ``owner`` is called ``title`` on ``day``, if one is."""
        titled = {
            t.person
            for r in self.owner_roles.get(owner, ())
            for t in self.by_office[(owner, r)]
            if t.status != "elect" and day and t.covers(day) and fold(t.title.removeprefix("Acting ")) == fold(title)
        }
        return next(iter(titled)) if len(titled) == 1 else None

    def holder(self, owner: str, title: str, day: dt.date | None) -> str | None:
        """Who held the office that ``title`` names for ``owner`` (a country or organisation code) on ``day``;
        where the office has several holders (deputy prime ministers, spokespeople) the one whose title it is."""
        role = self.title_roles.get(fold(title))
        terms = [t for t in self.by_office.get((owner, role), []) if t.status != "elect"]
        if not terms or day is None or role in MANY_SEATS:
            return None
        titled = self.titled_holder(owner, title, day)  # "the president" of Iran, not the Supreme Leader
        if titled is not None:
            return titled
        current = [t for t in terms if t.covers(day)]
        if len(current) > 1 or role in BY_TITLE:
            current = [t for t in current if fold(t.title.removeprefix("Acting ")) == fold(title)]
        return current[0].person if len({t.person for t in current}) == 1 else None


def _names_office(written: str, office: str) -> bool:
    """Whether a (folded) title is the short form of a (folded) office's name: its last words ("Leader" of
    "Senate Majority Leader") or its first before "of" ("Speaker" of "Speaker of the House")."""
    return office.endswith(f" {written}") or office.startswith(f"{written} of ")

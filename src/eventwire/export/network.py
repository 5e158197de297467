"""Actor networks: who acts on whom in the kept events, as a directed networkx graph written as GEXF (Gephi) or
GraphML (most graph tools).

Nodes are actor codes, labelled with the name (and given the country and sector) most often given to the code in
those events; edges are
dyads, source code -> target code, with the number of events, their mean Goldstein score and the first and last
event day. An event without a source or a target code makes no edge; one whose two sides share a code makes a
loop (a government's acts on its own country's citizens).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import partial

from . import Exporter
from .events import event_day, kept, rows

# events per dyad and date: the dates become days in Python (event_day), the rest is summed in DuckDB
DYADS = """
SELECT e.source_code AS source, e.target_code AS target, CAST(e.date AS VARCHAR) AS date, d.date AS doc_date,
       count(*) AS events, sum(e.goldstein) AS goldstein
FROM kept k
JOIN events e ON e.doc_id = k.doc_id AND e.id = k.id
JOIN documents d ON d.doc_id = e.doc_id
WHERE e.source_code IS NOT NULL AND e.target_code IS NOT NULL
GROUP BY ALL
"""

# how the actors holding a code in the kept events are named, and how often
NAMES = """
SELECT a.code, a.name, a.country, a.sector, count(*) AS times
FROM kept k
JOIN events e ON e.doc_id = k.doc_id AND e.id = k.id
JOIN actors a ON a.doc_id = e.doc_id AND (list_contains(e.source, a.id) OR list_contains(e.target, a.id))
WHERE a.code IS NOT NULL
GROUP BY ALL
"""


def graph(store, filters):
    """The actor network of the events ``filters`` keep, as a ``networkx.DiGraph``."""
    import networkx as nx

    dyads: dict[tuple[str, str], dict] = defaultdict(lambda: {"count": 0, "goldstein": 0.0, "days": []})
    with kept(store, filters) as con:
        for row in rows(con, DYADS):
            dyad = dyads[row["source"], row["target"]]
            dyad["count"] += row["events"]
            dyad["goldstein"] += row["goldstein"]
            if day := event_day(row):
                dyad["days"].append(day)
        names = _names(rows(con, NAMES))
    g = nx.DiGraph()
    for code in sorted({code for dyad in dyads for code in dyad}):
        g.add_node(code, **_present({"label": code, **names.get(code, {})}))
    for (source, target), dyad in sorted(dyads.items()):
        days = dyad["days"]
        g.add_edge(
            source,
            target,
            **_present(
                {
                    "count": dyad["count"],
                    "weight": dyad["count"],
                    "goldstein_mean": round(dyad["goldstein"] / dyad["count"], 3),
                    "first_date": min(days).isoformat() if days else None,
                    "last_date": max(days).isoformat() if days else None,
                }
            ),
        )
    return g


def _names(found) -> dict[str, dict]:
    """Per code, the most frequent (name, country, sector) among its actors; of equally frequent ones the first
    in sorted order, so that the same store always gives the same file."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for row in found:
        counts[row["code"]][row["name"], row["country"], row["sector"]] += row["times"]
    named = {}
    for code, seen in counts.items():
        (name, country, sector), _ = min(seen.items(), key=lambda item: (-item[1], str(item[0])))
        named[code] = {"label": name, "country": country, "sector": sector}
    return named


def _present(attributes: dict) -> dict:
    """The attributes that have a value: GraphML and GEXF have no null."""
    return {k: v for k, v in attributes.items() if v is not None}


def write_graph(store, filters, out, *, fmt: str, **options) -> int:
    """Write the network as ``fmt`` (gexf or graphml); returns the number of edges (dyads)."""
    import networkx as nx

    g = graph(store, filters)
    (nx.write_gexf if fmt == "gexf" else nx.write_graphml)(g, out)
    return g.number_of_edges()


EXPORTERS = (
    Exporter(
        name="gexf",
        extension=".gexf",
        media_type="application/gexf+xml",
        description="directed actor network for Gephi: actors by code; dyads: count, mean Goldstein, first/last day",
        write=partial(write_graph, fmt="gexf"),
        unit="dyads",
    ),
    Exporter(
        name="graphml",
        extension=".graphml",
        media_type="application/graphml+xml",
        description="the same directed actor network as GraphML",
        write=partial(write_graph, fmt="graphml"),
        unit="dyads",
    ),
)

"""Event clusters: an event that many documents report, counted once, with how many mentions, sources (outlets) and
articles report it, as GDELT counts NumMentions, NumSources and NumArticles.

Two events are one if they have the same source, target and CAMEO code and

- ``window`` = 0: the same day, in documents of one story (copies of one text);
- ``window`` = N >= 1: days less than N days apart, in any documents (N = 1 is the "one-a-day" rule of the
  PETRARCH-coded data sets: the same dyad and code on the same day is one event). Each event is compared with the
  one before it, so a run of events a day apart with ``window`` 2 is one cluster.

An event with no day is one only with those of its story. Clusters are computed when asked for, by SQL over the
events the filters keep, so they follow whatever the store holds; a cluster is named by its first event (in the
order they were stored: so a cluster keeps its id as documents join it), which also gives its names, place and
evidence sentence; clusters are listed in the order of the listings of events.
"""

from __future__ import annotations

from ..filters import ORDER, Filters, selection

DEFAULT_WINDOW = 1  # days: the one-a-day rule

# the clusters of the events in ``kept`` (doc_id, id, n: the listing order), one row each, with the first event
# stored (doc_id, id), its first place in the listing (n), the days, the counts, the outlets and every member as
# "doc_id/id" (the first stored first); {window} is filled in
CLUSTERS = """
WITH m AS (
    SELECT k.n, e.doc_id, e.id, e.source_code, e.target_code, e.cameo, e.day,
           (d.ingested_at, e.doc_id, e.trigger[1], e.id) AS seen,
           greatest(len(e.evidence), 1) AS mentions, coalesce(d.story_id, d.doc_id) AS story, d.outlet,
           CASE WHEN {window} = 0 OR e.day IS NULL THEN coalesce(d.story_id, d.doc_id) END AS scope
    FROM kept k JOIN events e ON e.doc_id = k.doc_id AND e.id = k.id JOIN documents d ON d.doc_id = e.doc_id
),
chained AS (
    SELECT *, CASE WHEN day - lag(day) OVER dyad < greatest({window}, 1)
                     OR (day IS NULL AND lag(day) OVER dyad IS NULL AND row_number() OVER dyad > 1) THEN 0
                   ELSE 1 END AS starts
    FROM m WINDOW dyad AS (PARTITION BY scope, source_code, target_code, cameo ORDER BY day NULLS LAST, n)
),
numbered AS (
    SELECT *, sum(starts) OVER (PARTITION BY scope, source_code, target_code, cameo ORDER BY day NULLS LAST, n
                                ROWS UNBOUNDED PRECEDING) AS cluster
    FROM chained
)
SELECT min(n) AS n, arg_min(doc_id, seen) AS doc_id, arg_min(id, seen) AS id, min(day) AS first_day,
       max(day) AS last_day, sum(mentions)::BIGINT AS num_mentions,
       count(DISTINCT coalesce(outlet, doc_id)) AS num_sources, count(DISTINCT doc_id) AS num_articles,
       count(DISTINCT story) AS num_stories,
       list(DISTINCT outlet ORDER BY outlet) FILTER (outlet IS NOT NULL) AS outlets,
       list(doc_id || '/' || id ORDER BY seen) AS members
FROM numbered GROUP BY scope, source_code, target_code, cameo, cluster
"""

# a cluster as `eventwire events --dedup` and the API list it: its first event's dyad, codes and evidence
LISTING = """
SELECT c.doc_id || '/' || c.id AS cluster_id, c.first_day AS day, c.last_day,
       e.source_code, s.name AS source_name, e.target_code, t.name AS target_name, e.cameo, e.plover, e.quad,
       e.goldstein, p.name AS place, c.num_mentions, c.num_sources, c.num_articles, c.num_stories,
       coalesce(c.outlets, []) AS outlets, c.doc_id, c.id AS event_id, d.title AS doc_title, d.url AS doc_url,
       trim(regexp_replace(substring(d.text, e.sentence[1] + 1, e.sentence[2] - e.sentence[1]), '\\s+', ' ', 'g'))
           AS evidence,
       c.members
FROM clusters c JOIN events e ON e.doc_id = c.doc_id AND e.id = c.id
JOIN documents d ON d.doc_id = e.doc_id
LEFT JOIN actors s ON s.doc_id = e.doc_id AND s.id = e.source[1]
LEFT JOIN actors t ON t.doc_id = e.doc_id AND t.id = e.target[1]
LEFT JOIN places p ON p.doc_id = e.doc_id AND p.id = e.place
ORDER BY c.n
"""


def cluster_sql(window: int, kept: str | None = None) -> str:
    """``WITH [kept AS (kept),] clusters AS (...)``: the clusters of the events that the SQL ``kept`` selects, or a
    relation ``kept`` already there (doc_id, id, n; n orders them), for a window of ``window`` days."""
    clusters = f"clusters AS ({CLUSTERS.format(window=int(window))})"
    return f"WITH kept AS ({kept}), {clusters}" if kept else f"WITH {clusters}"


def _kept(f: Filters) -> tuple[str, list]:
    """SQL of the events ``f`` keeps as (doc_id, id, n), n their place in the listings' order, whatever ``f.limit``
    (which counts clusters); and its parameters."""
    source, params = selection(f, "d")  # the order reads the document's date
    return f"SELECT e.doc_id, e.id, row_number() OVER (ORDER BY {ORDER}) AS n {source}", params


def clustered(store, f: Filters, window: int = DEFAULT_WINDOW):
    """A DuckDB result: one row per event cluster of the events ``f`` keeps (columns of ``LISTING``), in the order of
    their first events; ``f.limit`` and ``f.offset`` count clusters."""
    kept, params = _kept(f)
    sql = f"{cluster_sql(window, kept)} {LISTING}"
    if f.limit:
        sql += f" LIMIT {int(f.limit)} OFFSET {int(f.offset)}"
    return store.con.execute(sql, params)


def total(store, f: Filters, window: int = DEFAULT_WINDOW) -> int:
    """How many clusters the events ``f`` keeps make."""
    kept, params = _kept(f)
    return store.con.execute(f"{cluster_sql(window, kept)} SELECT count(*) FROM clusters", params).fetchall()[0][0]

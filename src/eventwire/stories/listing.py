"""The stories of a store (`eventwire stories`, `GET /api/stories`): one row per story with its documents and their
outlets, the story's first document (its canonical text) first."""

from __future__ import annotations

from ..filters import Filters, actor_match
from ..query import conditions

ORDER = "ORDER BY first_date NULLS LAST, story_id"

# the documents of the stories in ``matched`` (story), gathered by story
STORIES = """
WITH members AS (
    SELECT coalesce(story_id, doc_id) AS story, doc_id, date, title, outlet, url, ingested_at FROM documents
    WHERE coalesce(story_id, doc_id) IN (SELECT story FROM matched)
)
SELECT story AS story_id, any_value(title) FILTER (doc_id = story) AS title, min(date) AS first_date,
       max(date) AS last_date, count(*) AS documents, count(DISTINCT outlet) AS outlets,
       list(DISTINCT outlet ORDER BY outlet) FILTER (outlet IS NOT NULL) AS outlet_names,
       list(doc_id ORDER BY doc_id <> story, ingested_at, doc_id) AS doc_ids
FROM members GROUP BY story
"""


def story_sql(f: Filters) -> tuple[str, list]:
    """SQL of the stories with a document that ``f`` keeps (by its date, words of its title or text, an actor it
    mentions), unordered, and its parameters."""
    condition, params = conditions(f, "d.date", text="coalesce(d.title, '') || ' ' || d.text")
    if f.actor:
        match, param = actor_match(f.actor, "a.code", "a.name")
        condition += f" AND d.doc_id IN (SELECT doc_id FROM actors a WHERE {match})"
        params.append(param)
    matched = f"SELECT DISTINCT coalesce(d.story_id, d.doc_id) AS story FROM documents d WHERE {condition}"
    return f"WITH matched AS ({matched}) SELECT * FROM ({STORIES})", params


def stories(store, f: Filters):
    """A DuckDB result of the stories ``f`` keeps (see :func:`story_sql`), the earliest first; ``f.limit`` and
    ``f.offset`` count stories."""
    sql, params = story_sql(f)
    limit = f" LIMIT {int(f.limit)} OFFSET {int(f.offset)}" if f.limit else ""
    return store.con.execute(f"{sql} {ORDER}{limit}", params)

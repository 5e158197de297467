"""Questions asked of the store: the summary (`stats`, `make demo`), commitments and quotes, and the listings of
events, actors and documents (`eventwire events`, `actors`, `documents`) under :class:`eventwire.filters.Filters`.

Names and codes typed by the user are matched literally (``starts_with``, ``contains``), never as LIKE
patterns, so ``%`` or ``_`` in a name match only themselves.
"""

from __future__ import annotations

import datetime as dt

from .filters import Filters, actor_match, event_rows
from .lang import last_day
from .store import Store


def summary(store: Store, top: int = 10) -> dict:
    """Counts, events by PLOVER type, top dyads, top quoted speakers and commitments with deadlines."""
    q = store.con.execute
    counts = {
        t: q(f"SELECT count(*) FROM {t}").fetchall()[0][0]
        for t in ("documents", "actors", "events", "quotes", "timexes", "places")
    }
    by_type = q("""SELECT coalesce(plover, 'STATEMENT (CAMEO 01)') AS type, count(*) AS n
                   FROM events GROUP BY 1 ORDER BY n DESC, type""").fetchall()
    dyads = q(f"""SELECT source_code, target_code, count(*) AS n FROM events
                  WHERE source_code IS NOT NULL AND target_code IS NOT NULL AND source_code <> target_code
                  GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT {int(top)}""").fetchall()
    speakers = q(f"""SELECT a.name, a.code, count(*) AS n FROM quotes qu
                     JOIN actors a ON a.doc_id = qu.doc_id AND a.id = qu.speaker
                     GROUP BY 1, 2 ORDER BY n DESC, 1 LIMIT {int(top)}""").fetchall()
    commitments = q(f"""SELECT e.deadline, coalesce(a.name, e.source_code), e.cameo, e.target_code, e.doc_id
                        FROM events e LEFT JOIN actors a ON a.doc_id = e.doc_id AND a.id = e.source[1]
                        WHERE e.deadline IS NOT NULL ORDER BY e.deadline LIMIT {int(top)}""").fetchall()
    return {
        "counts": counts,
        "health": health(store),
        "events_by_type": by_type,
        "top_dyads": dyads,
        "top_speakers": speakers,
        "commitments": commitments,
    }


def health(store: Store) -> dict:
    """How complete the events are: typed (PLOVER) events with a target, and documents with a typed event —
    an event with no target cannot feed a dyad series or a network."""
    typed, targeted = store.con.execute(
        "SELECT count(*), count(*) FILTER (WHERE len(target) > 0) FROM events WHERE plover IS NOT NULL"
    ).fetchall()[0]
    documents, with_event = store.con.execute(
        """SELECT count(*), count(*) FILTER (WHERE doc_id IN (SELECT doc_id FROM events WHERE plover IS NOT NULL))
           FROM documents"""
    ).fetchall()[0]
    return {"typed_events": typed, "with_target": targeted, "documents": documents, "with_event": with_event}


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.0%} ({part} of {whole})" if whole else "-"


def format_summary(s: dict) -> str:
    c, h = s["counts"], s["health"]
    lines = [
        f"documents {c['documents']}  actors {c['actors']}  events {c['events']}  quotes {c['quotes']}  "
        f"dates {c['timexes']}  places {c['places']}",
        f"typed events with a target {_share(h['with_target'], h['typed_events'])}; "
        f"documents with a typed event {_share(h['with_event'], h['documents'])}",
        "",
        "Events by PLOVER type",
    ]
    lines += [f"  {t:<24}{n:>6}" for t, n in s["events_by_type"]] or ["  (none)"]
    lines += ["", "Top dyads (source → target)"]
    lines += [f"  {src:<10} → {tgt:<10}{n:>6}" for src, tgt, n in s["top_dyads"]] or ["  (none)"]
    lines += ["", "Top quoted speakers"]
    lines += [f"  {name:<32}{code or '-':<10}{n:>6}" for name, code, n in s["top_speakers"]] or ["  (none)"]
    lines += ["", "Commitments with deadlines"]
    lines += [
        f"  {deadline}  {who} ({cameo}) → {target or '-'}  [{doc}]"
        for deadline, who, cameo, target, doc in s["commitments"]
    ] or ["  (none)"]
    return "\n".join(lines)


DUE_WINDOW = dt.timedelta(days=7)
COMMITMENT_COLUMNS = ("deadline", "state", "source", "source_name", "cameo", "plover", "target", "evidence", "doc")


def commitments(store: Store, as_of: dt.date, actor: str | None = None, f: Filters | None = None) -> list[dict]:
    """Promises with a deadline, each marked open, due (within a week of ``as_of``) or past due, soonest first.
    ``actor`` keeps those of a promising actor, by code prefix (RUS: RUS, RUSGOV, RUSMIL) or part of a name; ``f``
    by the deadline's last day (``date_from``, ``date_to``) and words of the evidence sentence (``text``), and
    caps how many (``limit``)."""
    f = f or Filters()
    match, param = actor_match(actor, "e.source_code", "a.name") if actor else ("TRUE", None)
    text = "contains(lower(d.text[e.sentence[1] + 1 : e.sentence[2]]), ?)" if f.text else "TRUE"
    rows = store.con.execute(
        f"""
        SELECT e.deadline, e.source_code, a.name, e.cameo, e.plover, e.target_code,
               d.text[e.sentence[1] + 1 : e.sentence[2]] AS evidence, e.doc_id, d.date
        FROM events e JOIN documents d USING (doc_id)
        LEFT JOIN actors a ON a.doc_id = e.doc_id AND a.id = e.source[1]
        WHERE e.deadline IS NOT NULL AND {match} AND {text}
        ORDER BY e.deadline, e.doc_id""",
        [p for p in (param, f.text and f.text.lower()) if p],
    ).fetchall()
    result = []
    for deadline, code, name, cameo, plover, target, evidence, doc_id, published in rows:
        if published is not None and published > as_of:
            continue  # not promised yet on that day
        end = last_day(deadline)
        if (f.date_from and end < f.date_from) or (f.date_to and end > f.date_to):
            continue
        state = "past due" if end < as_of else "due" if end - as_of <= DUE_WINDOW else "open"
        values = (deadline, state, code, name, cameo, plover, target, " ".join(evidence.split()), doc_id)
        result.append(dict(zip(COMMITMENT_COLUMNS, values, strict=True)))
    return result[f.offset : f.offset + f.limit] if f.limit else result


def format_commitments(rows: list[dict]) -> str:
    if not rows:
        return "(no commitments with deadlines)"
    return "\n".join(
        f"{r['deadline']:<10}  {r['state']:<8}  {r['source_name'] or r['source']} ({r['source']})"
        f" {r['plover'] or r['cameo']} → {r['target'] or '-'}  [{r['doc']}]\n    {r['evidence']}"
        for r in rows
    )


QUOTE_COLUMNS = ("date", "speaker", "code", "direct", "text", "doc", "id")


def quotes(store: Store, speaker: str | None = None, about: str | None = None, f: Filters | None = None) -> list[dict]:
    """Statements, in the order of their documents' dates. ``speaker`` keeps those of a speaker by code prefix or
    part of a name; ``about`` those whose content mentions an actor so named; ``f`` by the document's date
    (``date_from``, ``date_to``) and words of the statement (``text``), and caps how many (``limit``)."""
    f = f or Filters()
    condition, params = conditions(f, "d.date", text="q.text")
    if speaker:
        match, param = actor_match(speaker, "a.code", "a.name")
        condition += f" AND {match}"
        params.append(param)
    mentioned = ""
    if about:
        match, param = actor_match(about, "code", "name")
        mentioned = f"""AND EXISTS (
            SELECT 1 FROM (SELECT doc_id, unnest(mentions) AS span FROM actors WHERE {match}) m
            WHERE m.doc_id = q.doc_id AND m.span[1] >= q.content[1] AND m.span[1] < q.content[2])"""
        params.append(param)
    rows = store.con.execute(
        f"""
        SELECT strftime(d.date, '%Y-%m-%d'), coalesce(a.name, q.speaker_text), a.code, q.direct, q.text, q.doc_id, q.id
        FROM quotes q JOIN documents d ON d.doc_id = q.doc_id
        LEFT JOIN actors a ON a.doc_id = q.doc_id AND a.id = q.speaker
        WHERE {condition} {mentioned}
        ORDER BY d.date, q.doc_id, q.content[1] {_limit(f)}""",
        params,
    ).fetchall()
    return [dict(zip(QUOTE_COLUMNS, row, strict=True)) for row in rows]


def format_quotes(rows: list[dict]) -> str:
    if not rows:
        return "(no quotes)"
    return "\n".join(
        f"{r['date'] or '-'}  {r['speaker'] or '(no speaker)'} ({r['code'] or '-'}) [{r['doc']}]"
        f"{'' if r['direct'] else ' (indirect)'}\n    {' '.join(r['text'].split())}"
        for r in rows
    )


# -- listings: `eventwire events`, `actors`, `documents` (DuckDB results, read a batch at a time) -----------------

# an event as a listing gives it: when, who to whom, what, how reported, where, and where it was read
EVENT_LISTING = """e.day, e.date_precision, e.date, e.date_source,
       e.source_code, s.name AS source_name, e.target_code, t.name AS target_name,
       e.cameo, e.plover, e.mode, e.quad, e.goldstein, e.modality, e.negated, e.confidence, e.deadline,
       p.name AS place, p.country AS place_country, e.doc_id, e.id AS event_id, d.title AS doc_title,
       d.date AS doc_date, d.url AS doc_url,
       trim(regexp_replace(substring(d.text, e.sentence[1] + 1, e.sentence[2] - e.sentence[1]), '\\s+', ' ', 'g'))
           AS evidence"""


def events(store: Store, f: Filters):
    """The events ``f`` keeps, one flat row each (columns of ``EVENT_LISTING``), in the order of their documents'
    dates."""
    return event_rows(store, f, columns=EVENT_LISTING)


def actors(store: Store, f: Filters):
    """Actors with a code across documents, one row per code: the name most often given to it, its country and
    sector, in how many documents it is mentioned and how often, how many events it takes part in (either side)
    and the dates of the first and last document. ``f`` keeps actors by name or code (``actor``), ``country`` and
    the documents' dates; the most active first."""
    condition, params = conditions(f, "d.date", actor=("a.code", "a.name"), country="a.country")
    return store.con.execute(
        f"""
        WITH kept AS (
            SELECT a.doc_id, a.id, a.code, a.name, a.country, a.sector, len(a.mentions) AS mentions, d.date
            FROM actors a JOIN documents d USING (doc_id) WHERE a.code IS NOT NULL AND {condition}
        ),
        roles AS (SELECT doc_id, unnest(list_distinct(list_concat(source, target))) AS id FROM events),
        taken AS (SELECT doc_id, id, count(*) AS events FROM roles GROUP BY ALL),
        named AS (SELECT code, name, count(*) AS times FROM kept GROUP BY ALL)
        SELECT k.code, any_value(n.name) AS name, min(k.country) AS country, min(k.sector) AS sector,
               count(DISTINCT k.doc_id) AS documents, sum(k.mentions)::BIGINT AS mentions,
               coalesce(sum(t.events), 0)::BIGINT AS events, min(k.date) AS first, max(k.date) AS last
        FROM kept k
        JOIN (SELECT code, first(name ORDER BY times DESC, name) AS name FROM named GROUP BY code) n USING (code)
        LEFT JOIN taken t ON t.doc_id = k.doc_id AND t.id = k.id
        GROUP BY k.code ORDER BY events DESC, mentions DESC, k.code {_limit(f)}""",
        params,
    )


def documents(store: Store, f: Filters):
    """The documents ``f`` keeps (by date, by words of their title or text, by an actor they mention), with how
    many events, quotes and actors each holds, in date order."""
    condition, params = conditions(f, "d.date", text="coalesce(d.title, '') || ' ' || d.text")
    if f.actor:
        match, param = actor_match(f.actor, "a.code", "a.name")
        condition += f" AND d.doc_id IN (SELECT doc_id FROM actors a WHERE {match})"
        params.append(param)
    counts = " ".join(
        f"LEFT JOIN (SELECT doc_id, count(*) AS {t} FROM {t} GROUP BY doc_id) USING (doc_id)"
        for t in ("events", "quotes", "actors")
    )
    return store.con.execute(
        f"""SELECT d.doc_id, d.date, d.title, d.source, d.url, coalesce(events, 0) AS events,
                   coalesce(quotes, 0) AS quotes, coalesce(actors, 0) AS actors
            FROM documents d {counts}
            WHERE {condition} ORDER BY d.date, d.doc_id {_limit(f)}""",
        params,
    )


def conditions(
    f: Filters, dates: str, actor: tuple[str, str] | None = None, country: str | None = None, text: str | None = None
) -> tuple[str, list]:
    """The SQL condition and parameters of the fields of ``f`` a listing other than events takes: ``dates``,
    ``actor`` (code and name columns), ``country`` and ``text`` are the columns they test, None where the listing
    has no such thing."""
    parts, params = ["TRUE"], []
    for value, sql in ((f.date_from, f"{dates} >= ?"), (f.date_to, f"{dates} <= ?")):
        if value:
            parts.append(sql)
            params.append(value)
    if f.actor and actor:
        match, param = actor_match(f.actor, *actor)
        parts.append(match)
        params.append(param)
    if f.country and country:
        parts.append(f"{country} = ?")
        params.append(f.country.upper())
    if f.text and text:
        parts.append(f"contains(lower({text}), ?)")
        params.append(f.text.lower())
    return " AND ".join(parts), params


def _limit(f: Filters) -> str:
    return f"LIMIT {int(f.limit)} OFFSET {int(f.offset)}" if f.limit else ""

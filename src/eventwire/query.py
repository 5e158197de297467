"""Questions asked of the store: the summary (`stats`, `make demo`), commitments and quotes.

Names and codes typed by the user are matched literally (``starts_with``, ``contains``), never as LIKE
patterns, so ``%`` or ``_`` in a name match only themselves.
"""

from __future__ import annotations

import datetime as dt

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


def commitments(store: Store, as_of: dt.date, actor: str | None = None) -> list[dict]:
    """Promises with a deadline, each marked open, due (within a week of ``as_of``) or past due; ``actor`` keeps
    those whose source code starts with it (RUS: RUS, RUSGOV, RUSMIL)."""
    rows = store.con.execute(
        """
        SELECT e.deadline, e.source_code, a.name, e.cameo, e.plover, e.target_code,
               d.text[e.sentence[1] + 1 : e.sentence[2]] AS evidence, e.doc_id, d.date
        FROM events e JOIN documents d USING (doc_id)
        LEFT JOIN actors a ON a.doc_id = e.doc_id AND a.id = e.source[1]
        WHERE e.deadline IS NOT NULL AND (?::VARCHAR IS NULL OR starts_with(e.source_code, ?))
        ORDER BY e.deadline, e.doc_id""",
        [actor, actor],
    ).fetchall()
    result = []
    for deadline, code, name, cameo, plover, target, evidence, doc_id, published in rows:
        if published is not None and published > as_of:
            continue  # not promised yet on that day
        end = last_day(deadline)
        state = "past due" if end < as_of else "due" if end - as_of <= DUE_WINDOW else "open"
        result.append(
            {
                "deadline": deadline,
                "state": state,
                "source": code,
                "source_name": name,
                "cameo": cameo,
                "plover": plover,
                "target": target,
                "evidence": " ".join(evidence.split()),
                "doc": doc_id,
            }
        )
    return result


def format_commitments(rows: list[dict]) -> str:
    if not rows:
        return "(no commitments with deadlines)"
    return "\n".join(
        f"{r['deadline']:<10}  {r['state']:<8}  {r['source_name'] or r['source']} ({r['source']})"
        f" {r['plover'] or r['cameo']} → {r['target'] or '-'}  [{r['doc']}]\n    {r['evidence']}"
        for r in rows
    )


def quotes(store: Store, speaker: str, about: str | None = None) -> list[dict]:
    """Statements whose speaker's name contains ``speaker`` or whose code is it; ``about`` keeps those whose
    content mentions an actor of that name or code."""
    rows = store.con.execute(
        """
        SELECT q.doc_id, q.id, a.name, a.code, q.direct, q.content, q.text, d.date
        FROM quotes q JOIN actors a ON a.doc_id = q.doc_id AND a.id = q.speaker
        JOIN documents d ON d.doc_id = q.doc_id
        WHERE a.code = ? OR contains(lower(a.name), lower(?))
        ORDER BY d.date, q.doc_id, q.content[1]""",
        [speaker, speaker],
    ).fetchall()
    if about:
        mentioned = store.con.execute(
            """
            SELECT doc_id, mentions FROM actors WHERE starts_with(code, ?) OR contains(lower(name), lower(?))
            """,
            [about, about],
        ).fetchall()
        spans: dict[str, list] = {}
        for doc_id, mentions in mentioned:
            spans.setdefault(doc_id, []).extend(mentions)
        rows = [r for r in rows if any(r[5][0] <= s < r[5][1] for s, _ in spans.get(r[0], []))]
    return [
        {
            "doc": doc,
            "id": qid,
            "speaker": name,
            "code": code,
            "direct": direct,
            "text": text,
            "date": date.isoformat() if date else None,
        }
        for doc, qid, name, code, direct, _, text, date in rows
    ]


def format_quotes(rows: list[dict]) -> str:
    if not rows:
        return "(no quotes)"
    return "\n".join(
        f"{r['date'] or '-'}  {r['speaker']} ({r['code'] or '-'}) [{r['doc']}]"
        f"{'' if r['direct'] else ' (indirect)'}\n    {' '.join(r['text'].split())}"
        for r in rows
    )

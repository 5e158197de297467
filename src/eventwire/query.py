"""Questions asked of the store: the summary that `eventwire stats` and `make demo` print."""

from __future__ import annotations

from .store import Store


def summary(store: Store, top: int = 10) -> dict:
    """Counts, events by PLOVER type, top dyads, top quoted speakers and commitments with deadlines."""
    q = store.con.execute
    counts = {t: q(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("documents", "actors", "events", "quotes", "timexes", "places")}
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
    return {"counts": counts, "events_by_type": by_type, "top_dyads": dyads,
            "top_speakers": speakers, "commitments": commitments}


def format_summary(s: dict) -> str:
    c = s["counts"]
    lines = [f"documents {c['documents']}  actors {c['actors']}  events {c['events']}  quotes {c['quotes']}  "
             f"dates {c['timexes']}  places {c['places']}", "", "Events by PLOVER type"]
    lines += [f"  {t:<24}{n:>6}" for t, n in s["events_by_type"]] or ["  (none)"]
    lines += ["", "Top dyads (source → target)"]
    lines += [f"  {src:<10} → {tgt:<10}{n:>6}" for src, tgt, n in s["top_dyads"]] or ["  (none)"]
    lines += ["", "Top quoted speakers"]
    lines += [f"  {name:<32}{code or '-':<10}{n:>6}" for name, code, n in s["top_speakers"]] or ["  (none)"]
    lines += ["", "Commitments with deadlines"]
    lines += [f"  {deadline}  {who} ({cameo}) → {target or '-'}  [{doc}]"
              for deadline, who, cameo, target, doc in s["commitments"]] or ["  (none)"]
    return "\n".join(lines)

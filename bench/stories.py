"""Story matching (issue 15): how well near-copies are found, how many doubled events the clusters remove, and
what matching costs an ingest.

    python bench/stories.py --corpus ../shared/corpora/allsides-political-news.jsonl.gz

1. A synthetic syndication set, made at run time from the corpus (nothing of it is written to the repository):
   ``--originals`` articles, a third of them single and the rest in groups of two or three articles of the same day
   that name the same people (different articles about the same events), and 0-3 near-copies of each original with
   syndication edits (an agency dateline added or changed, the lead paragraph rewritten, paragraphs dropped from
   the end or swapped, house-style spellings, a correction appended). Each copy belongs to its original's story.
   The documents go through :class:`eventwire.stories.Stories` in a shuffled order, 64 at a time, for each
   threshold and shingle size; the table gives pair precision, recall and F1 (pairs of documents put in one story).
2. Doubled events: ``--coded`` originals with their copies are ingested with the full pipeline; of the events the
   copies add beyond their originals' (same story, source, target, CAMEO code and day), the share that event
   clusters (``window`` 0) remove; and how many clusters the one-a-day rule (``window`` 1) leaves.
3. Real joins: the first ``--documents`` corpus articles (real copies among them are not labelled) matched at the
   lowest threshold; how many join an earlier article at each threshold, and a sample of the pairs per band of
   similarity to read (titles, outlets and dates; printed, not saved).
4. Cost: ``--documents`` corpus texts (and near-copies of a tenth of them) stored with ``Store.add`` in batches of
   64, with story matching and with it replaced by nothing, alternately in the same process; the difference per
   document is set against the cost of coding a document, measured in step 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import random
import re
import tempfile
import time
from collections import Counter, defaultdict
from math import comb
from pathlib import Path

import duckdb
from common import save_json

from eventwire import stories
from eventwire.records import Coded, Document

AGENCIES = ("Reuters", "AP", "AFP")
CITIES = ("WASHINGTON", "NEW YORK", "LONDON", "CHICAGO", "LOS ANGELES")
STYLE = (("percent", "per cent"), ("U.S.", "US"), ("Mr. ", "Mr "), ("said.", "said on Tuesday."))
CORRECTION = (
    "Correction: An earlier version of this story gave the wrong day for the vote. It took place on Tuesday.",
    "This article has been updated to correct the spelling of a name and to add a statement from the agency.",
)
NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{3,}")  # a capitalised word inside a sentence: a name, mostly
THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
SHINGLES = (3, 5)
BATCH = 64


def read(path: str, limit: int | None = None) -> list[dict]:
    """Dated articles of four to forty paragraphs and 1,500-12,000 characters."""
    found = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            paragraphs = record["text"].count("\n\n") + 1
            if record.get("date") and 4 <= paragraphs <= 40 and 1500 <= len(record["text"]) <= 12000:
                found.append(record)
                if limit and len(found) >= limit:
                    break
    return found


def originals(articles: list[dict], count: int, rng: random.Random) -> list[list[dict]]:
    """``count`` articles in groups: two thirds in groups of 2-3 of one day naming two people in common."""
    by_day = defaultdict(list)
    for a in articles:
        by_day[a["date"]].append(a)
    days = sorted(by_day)
    rng.shuffle(days)
    groups, taken = [], 0
    for day in days:
        if taken >= count * 2 // 3:
            break
        names = {a["id"]: set(NAME.findall(a["text"][:1500])) for a in by_day[day]}
        for a in by_day[day]:
            mates = [b for b in by_day[day] if b is not a and len(names[a["id"]] & names[b["id"]]) >= 2]
            if mates:
                group = [a, *mates[: rng.choice((1, 2))]]
                groups.append(group)
                taken += len(group)
                break
    used = {a["id"] for g in groups for a in g}
    singles = [a for a in articles if a["id"] not in used]
    groups += [[a] for a in rng.sample(singles, count - taken)]
    return groups


def near_copy(article: dict, n: int, rng: random.Random) -> dict:
    """A syndicated copy: another agency's dateline, and some of the edits outlets make."""
    paragraphs = article["text"].split("\n\n")
    lead = paragraphs[0]
    if rng.random() < 0.5:  # the lead rewritten: other words, another order
        words = [w for w in lead.split() if rng.random() > 0.4]
        rng.shuffle(words)
        lead = " ".join(words)
    body = paragraphs[1:]
    if rng.random() < 0.5:  # cut from the bottom
        body = body[: max(2, len(body) - rng.randint(1, max(1, len(body) // 2)))]
    if rng.random() < 0.3 and len(body) > 2:
        i = rng.randrange(len(body) - 1)
        body[i], body[i + 1] = body[i + 1], body[i]
    text = "\n\n".join([f"{rng.choice(CITIES)} ({rng.choice(AGENCIES)}) — {lead}", *body])
    if rng.random() < 0.5:
        for old, new in STYLE:
            text = text.replace(old, new)
    if rng.random() < 0.3:
        text += "\n\n" + rng.choice(CORRECTION)
    return {**article, "id": f"{article['id']}~{n}", "title": f"{article['title']} (updated)", "text": text}


def synthetic_set(articles: list[dict], count: int, rng: random.Random) -> tuple[list[dict], dict[str, str], int]:
    """Documents (originals and copies, shuffled), the gold story of each, and how many originals have another
    article of their day naming the same people."""
    docs, gold = [], {}
    groups = originals(articles, count, rng)
    for group in groups:
        for original in group:
            gold[original["id"]] = original["id"]
            docs.append(original)
            for n in range(rng.choice((0, 1, 1, 2, 3))):
                copy = near_copy(original, n, rng)
                gold[copy["id"]] = original["id"]
                docs.append(copy)
    rng.shuffle(docs)
    return docs, gold, sum(len(g) for g in groups if len(g) > 1)


def pair_scores(gold: dict[str, str], found: dict[str, str]) -> tuple[float, float, float]:
    """Pair precision, recall and F1 of ``found`` stories against ``gold``."""
    both = sum(comb(n, 2) for n in Counter((gold[d], found[d]) for d in gold).values())
    found_pairs = sum(comb(n, 2) for n in Counter(found.values()).values())
    gold_pairs = sum(comb(n, 2) for n in Counter(gold.values()).values())
    precision, recall = both / found_pairs if found_pairs else 1.0, both / gold_pairs
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def assign(docs: list[dict], threshold: float) -> dict[str, str]:
    """The story of each document, as the store would give it in batches of 64."""
    con = duckdb.connect()
    con.execute(stories.DDL)
    index = stories.Stories(threshold)
    rows = [{"doc_id": d["id"], "source": None, "url": None, "text": d["text"]} for d in docs]
    for start in range(0, len(rows), BATCH):
        index.assign(con, rows[start : start + BATCH])
    return {r["doc_id"]: r["story_id"] for r in rows}


def sweep(docs: list[dict], gold: dict[str, str]) -> list[dict]:
    table = []
    default = stories.SHINGLE
    for size in SHINGLES:
        stories.SHINGLE = size
        for threshold in THRESHOLDS:
            precision, recall, f1 = pair_scores(gold, assign(docs, threshold))
            table.append({"shingle": size, "threshold": threshold, "precision": precision, "recall": recall, "f1": f1})
            print(f"shingle {size} threshold {threshold:.1f}: P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
    stories.SHINGLE = default
    return table


def doubled_events(docs: list[dict], gold: dict[str, str], coded: int, workers: int) -> dict:
    """Ingest ``coded`` originals with their copies; the events the copies double and what clusters remove."""
    from eventwire.filters import Filters
    from eventwire.ingest import run_ingest
    from eventwire.store import Store
    from eventwire.stories.clusters import total

    stories_with_copies = sorted({gold[d["id"]] for d in docs if gold[d["id"]] != d["id"]})[:coded]
    chosen = [d for d in docs if gold[d["id"]] in set(stories_with_copies)]
    from eventwire.nlp import build

    build()  # the model loads before the clock starts (an ingest of any length pays it once)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "set.jsonl"
        source.write_text("".join(json.dumps(d) + "\n" for d in chosen), encoding="utf-8")
        with Store(Path(folder) / "set.duckdb") as store:
            started = time.perf_counter()
            run_ingest([str(source)], store, workers=workers)
            seconds = time.perf_counter() - started
            events = store.con.execute("SELECT doc_id, source_code, target_code, cameo, day FROM events").fetchall()
            found = dict(store.con.execute("SELECT doc_id, story_id FROM documents").fetchall())
            clusters = {w: total(store, Filters(), w) for w in (0, 1)}
    gold_clusters = len({(gold[doc], *key) for doc, *key in events})
    mentions = len(events)
    precision, recall, f1 = pair_scores({d: gold[d] for d in found}, found)
    return {
        "documents": len(chosen),
        "stories": len(stories_with_copies),
        "seconds": seconds,
        "seconds_per_document": seconds / len(chosen),
        "workers": workers,
        "mentions": mentions,
        "doubled": mentions - gold_clusters,
        "removed_within_stories": mentions - clusters[0],
        "share_removed": (mentions - clusters[0]) / (mentions - gold_clusters) if mentions > gold_clusters else None,
        "clusters_one_a_day": clusters[1],
        "story_pairs": {"precision": precision, "recall": recall, "f1": f1},
    }


class Scored(stories.Stories):
    """The story index, noting how similar each document is to the one it joins."""

    def __init__(self, threshold: float):
        super().__init__(threshold)
        self.joined: dict[str, tuple[str, float]] = {}
        self.current = None

    def _closest(self, minhash):
        found = super()._closest(minhash)
        if found:
            self.joined[self.current] = (found, float((self.signature[found] == minhash.hashvalues).mean()))
        return found


def real_joins(articles: list[dict], count: int, rng: random.Random) -> dict:
    """How many of ``count`` real articles join an earlier one, by threshold; prints sample pairs per band."""
    con = duckdb.connect()
    con.execute(stories.DDL)
    index = Scored(min(THRESHOLDS))
    for a in articles[:count]:
        index.current = a["id"]
        index.assign(con, [{"doc_id": a["id"], "source": a["source"], "url": a["url"], "text": a["text"]}])
    by_id = {a["id"]: a for a in articles[:count]}
    for low, high in zip(THRESHOLDS, (*THRESHOLDS[1:], 1.01), strict=True):
        band = sorted((doc, match) for doc, (match, score) in index.joined.items() if low <= score < high)
        for doc, match in rng.sample(band, min(5, len(band))):
            a, b = by_id[doc], by_id[match]
            print(
                f"[{low:.1f}, {high:.1f}) {a['source']} {a['date']} {a['title'][:50]!r} ~ "
                f"{b['source']} {b['date']} {b['title'][:50]!r}"
            )
    return {str(t): sum(score >= t for _, score in index.joined.values()) for t in THRESHOLDS}


def entries(docs: list[dict]) -> list[tuple[Coded, str, str]]:
    return [
        (
            Coded(meta=Document(id=d["id"], date=dt.date.fromisoformat(d["date"]))),
            hashlib.sha256(d["text"].encode()).hexdigest(),
            d["text"],
        )
        for d in docs
    ]


def cost(articles: list[dict], count: int, rng: random.Random, rounds: int) -> dict:
    """Seconds to store ``count`` documents (and copies of a tenth) with story matching and without."""
    from eventwire.store import Store

    docs = articles[:count]
    docs += [near_copy(a, 0, rng) for a in rng.sample(docs, count // 10)]
    batches = [entries(docs[i : i + BATCH]) for i in range(0, len(docs), BATCH)]
    timings = defaultdict(list)
    for _ in range(rounds):
        for matching in (True, False):
            with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "cost.duckdb") as store:
                if not matching:
                    store.stories.assign = lambda con, documents: None  # the store as it was before issue 15
                started = time.perf_counter()
                for batch in batches:
                    store.add(batch)
                    store.close()  # as an ingest does after each batch
                timings[matching].append(time.perf_counter() - started)
    with_, without = min(timings[True]), min(timings[False])
    return {
        "documents": len(docs),
        "with_matching": with_,
        "without": without,
        "per_document_ms": 1000 * (with_ - without) / len(docs),
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", required=True)
    p.add_argument("--originals", type=int, default=300)
    p.add_argument("--coded", type=int, default=40, help="stories with copies coded with spaCy for step 2")
    p.add_argument("--documents", type=int, default=10000, help="documents of steps 3 and 4")
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--seed", type=int, default=15)
    p.add_argument("--json", help="write the figures here")
    p.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    args = p.parse_args()
    rng = random.Random(args.seed)
    articles = read(args.corpus)
    docs, gold, related = synthetic_set(articles, args.originals, rng)
    synthetic = {"documents": len(docs), "stories": len(set(gold.values())), "originals_with_same_day_mates": related}
    print(json.dumps(synthetic))
    table = sweep(docs, gold)
    events = doubled_events(docs, gold, args.coded, args.workers)
    print(json.dumps(events, indent=2))
    joins = real_joins(articles, args.documents, rng)
    print(json.dumps({"real_articles_joining_an_earlier_one": joins}))
    spent = cost(articles, args.documents, rng, args.rounds)
    coding_ms = 1000 * events["seconds_per_document"]
    spent["ratio_to_ingest"] = (spent["with_matching"] - spent["without"]) / (
        spent["without"] + coding_ms / 1000 * spent["documents"]
    )
    print(json.dumps(spent, indent=2))
    if args.json:
        save_json(
            args.json,
            args,
            synthetic=synthetic,
            sweep=table,
            events=events,
            real_joins=joins,
            cost=spent,
        )


if __name__ == "__main__":
    main()

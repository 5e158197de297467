"""Articles and records written for the story tests: a made-up wire story, its syndicated copies, and events built
by hand (no spaCy run) for the cluster tests."""

import datetime as dt
import hashlib

from eventwire.records import Actor, Coded, Document, Event

WIRE = (
    "OSLO (Reuters) - The foreign ministers of Norway and Chile met in Oslo on Tuesday and signed an agreement on "
    "fisheries research, officials said.\n\n"
    "The agreement commits both countries to share data on fish stocks in the southern Pacific for five years. "
    "Norway will fund two research vessels, the Norwegian ministry said in a statement.\n\n"
    "Chile's foreign minister said the accord would help coastal communities that depend on fishing. Talks on a "
    "wider trade deal will resume in Santiago next month, according to diplomats from both sides.\n\n"
    "The two governments first discussed the plan at a meeting in Geneva last year, when scientists warned that "
    "warming seas were driving anchovy and hake further south."
)
# the same story as another agency sends it: its name in the dateline, and a correction at the end
AP_COPY = WIRE.replace("(Reuters) -", "(AP) —") + "\n\nThis story has been corrected to show the deal runs five years."
# another article about the same meeting, written anew
OTHER_REPORT = (
    "Norway and Chile agreed on Tuesday to pool their research on fish stocks. Scientists in both countries will "
    "exchange survey data, and Oslo is paying for the ships. Fishing towns on the Chilean coast welcomed the news, "
    "while a broader trade negotiation is set to restart in the Chilean capital."
)


def entry(doc_id: str, text: str, events=(), date=dt.date(2025, 3, 4), **meta) -> tuple[Coded, str, str]:
    """(records, content hash, text) as Store.add takes them, with events given as (source, target, cameo, date)."""
    actors = {}
    for source, target, _, _ in events:
        for code in (source, target):
            actors.setdefault(code, Actor(f"a{len(actors) + 1}", code, code, code, None, "country"))
    records = [
        Event(
            id=f"e{i}",
            source=[actors[source].id],
            target=[actors[target].id],
            source_code=source,
            target_code=target,
            cameo=cameo,
            plover=None,
            mode=None,
            quad=1,
            goldstein=3.0,
            date=day,
            modality="asserted",
            negated=False,
            reported_by=None,
            deadline=None,
            place=None,
            trigger=[0, 1],
            sentence=[0, min(len(text), 40)],
            confidence=0.9,
        )
        for i, (source, target, cameo, day) in enumerate(events, 1)
    ]
    coded = Coded(meta=Document(id=doc_id, date=date, **meta), actors=list(actors.values()), events=records)
    return coded, hashlib.sha256(text.encode()).hexdigest(), text

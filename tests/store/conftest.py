"""Records written by hand (no spaCy run) for the store and query tests, over texts written for these tests."""

import datetime as dt
import hashlib
from types import SimpleNamespace

import pytest

from eventwire.records import Actor, Coded, Document, Event, Quote
from eventwire.store import Store

PLEDGE = "Germany pledged to deliver tanks to Ukraine by January 15."
SPEECH = 'Polish Prime Minister Donald Tusk spoke in Warsaw. "Ukraine will not stand alone," Tusk said.'


def span(text: str, phrase: str) -> list[int]:
    start = text.index(phrase)
    return [start, start + len(phrase)]


def actor(text, id, phrase, code, type="country", name=None):
    return Actor(
        id=id,
        name=name or phrase,
        code=code,
        country=code[:3],
        sector=code[3:] or None,
        type=type,
        mentions=[span(text, phrase)],
    )


def event(text, id, trigger, source, target, cameo, plover, source_code, target_code, deadline=None):
    return Event(
        id=id,
        source=source,
        target=target,
        source_code=source_code,
        target_code=target_code,
        cameo=cameo,
        plover=plover,
        mode=None,
        quad=2,
        goldstein=7.0,
        date=None,
        modality="intended",
        negated=False,
        reported_by=None,
        deadline=deadline,
        place=None,
        trigger=span(text, trigger),
        sentence=[0, len(text)],
        confidence=0.8,
    )


def pledge(doc_id="pledge", date=dt.date(2025, 1, 10), deadline="2025-01-15") -> tuple[Coded, str]:
    actors = [actor(PLEDGE, "a1", "Germany", "DEU"), actor(PLEDGE, "a2", "Ukraine", "UKR")]
    events = [event(PLEDGE, "e1", "deliver", ["a1"], ["a2"], "072", "AID", "DEU", "UKR", deadline)]
    return Coded(meta=Document(id=doc_id, date=date, title="Tanks"), actors=actors, events=events), PLEDGE


def speech(doc_id="speech", date=dt.date(2024, 3, 4)) -> tuple[Coded, str]:
    tusk = actor(SPEECH, "a1", "Polish Prime Minister Donald Tusk", "POLGOV", type="person", name="Donald Tusk")
    start = SPEECH.index("Tusk said")
    tusk.mentions.append([start, start + 4])
    actors = [tusk, actor(SPEECH, "a2", "Ukraine", "UKR")]
    content = span(SPEECH, "Ukraine will not stand alone,")
    quotes = [
        Quote(
            id="q1",
            speaker="a1",
            speaker_text="Tusk",
            source=None,
            cue=span(SPEECH, "said"),
            direct=True,
            content=content,
            text=SPEECH[content[0] : content[1]],
        )
    ]
    return Coded(meta=Document(id=doc_id, date=date), actors=actors, quotes=quotes), SPEECH


def entry(coded_text: tuple[Coded, str], text: str | None = None) -> tuple[Coded, str, str]:
    """(records, content hash, text), as Store.add takes them; ``text`` stands in for another document's text."""
    coded, own = coded_text
    text = text or own
    return coded, hashlib.sha256(text.encode()).hexdigest(), text


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "store.duckdb") as s:
        yield s


@pytest.fixture
def filled(store):
    store.add([entry(pledge()), entry(speech())])
    return store


@pytest.fixture
def make():
    """The record makers above, for the tests of this folder."""
    return SimpleNamespace(pledge=pledge, speech=speech, entry=entry)

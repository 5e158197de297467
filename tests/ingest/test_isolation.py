"""One document never stops a run: whatever is wrong with it, it is named with its reason and every other
document is stored. Most tests use a blank spaCy pipeline (fast: they are about the runner and the store, not the
coding); the last ones run the real pipeline end to end."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from eventwire.cli import main, options
from eventwire.ingest import Item, ingest_items
from eventwire.nlp import build, code_docs
from eventwire.records import Document
from eventwire.store import Store

COUNTRIES = ["Chile", "Peru", "Kenya", "Poland", "Japan", "Brazil", "Ghana", "Norway", "Egypt", "Canada"]
POISON = "POISONED"
KILLER = "KILLS ITS WORKER"
PARENT = os.getpid()
EVENTWIRE = str(Path(sys.executable).with_name("eventwire"))  # the command as installed


@Language.component("test_isolation_poison")
def poison(doc):
    """Raises for one marked document; ends the process coding another, as an out-of-memory kill would (in a
    worker; in the test process itself it raises instead)."""
    if POISON in doc.text:
        raise ValueError("this document poisons the pipeline")
    if KILLER in doc.text:
        if os.getpid() == PARENT:
            raise RuntimeError("coded in the test process")
        os._exit(9)
    return doc


@pytest.fixture(scope="module")
def blank():
    """A pipeline that only tokenises (and poisons): coding costs nothing, documents still get records."""
    nlp = spacy.blank("en")
    nlp.add_pipe("test_isolation_poison")
    nlp.max_length = 2_000
    return nlp


def sentence(n: int) -> str:
    a, b = COUNTRIES[n % 10], COUNTRIES[(n // 10) % 10]
    return f"Report {n}: {a} and {b} held talks on trade on day {n}."


def record(n: int, **fields) -> bytes:
    return json.dumps({"id": f"d{n}", "date": "2024-03-05", "text": sentence(n), **fields}).encode()


# line number (1-based) -> (raw line, what the message must say); each one a document that cannot be stored
POISONED = {
    1: (b"{not json", "not valid JSON"),
    78: (b'{"id": "bytes", "text": "Chile \xff recalled"}', "not UTF-8"),
    151: (b'{"id": "d151", "text": 5}', "'text'"),
    300: (record(300, text=f"Peru protested. {POISON}"), "could not be coded (ValueError: this document poisons"),
    301: (record(301, text=f"Chile answered. {KILLER}"), "(id d301): "),  # raises here, kills a worker
    452: (b"[1, 2]", "not a JSON object"),
    599: (record(599, text=""), "no text"),
    600: (b'{"id": "d600", "text": {"a": 1}}', "'text'"),
}
LONG_LINE, DUPLICATE = 200, 20  # a text longer than max_length (coded in chunks), the text of d10 again


def corpus(path, size=600, poisoned=POISONED):
    """``size`` JSON lines records with the poisoned ones in place, a long text and a repeated text."""
    lines = []
    for n in range(1, size + 1):
        if n in poisoned:
            lines.append(poisoned[n][0])
        elif n == LONG_LINE:
            lines.append(record(n, text=" ".join(sentence(n + k) for k in range(100))))  # about 6,000 characters
        elif n == DUPLICATE:
            lines.append(record(n, text=sentence(10)))
        else:
            lines.append(record(n))
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


@pytest.mark.parametrize("workers", [1, 2])
def test_a_600_document_file_with_poisoned_records(tmp_path, blank, monkeypatch, capsys, workers):
    """The issue's scenario: poisoned records at the start, middle and end cost themselves only; the run
    goes on, names each of them and ends with its summary."""
    if workers == 1:  # coded in this process: the worker-killing record would kill the test, so it raises here
        assert os.getpid() == PARENT
    monkeypatch.setattr(options, "pipeline", lambda args: blank)
    source = corpus(tmp_path / "news.jsonl")
    db = tmp_path / "s.duckdb"
    assert main(["ingest", str(source), "--db", str(db), "--workers", str(workers)]) == 1
    err = capsys.readouterr().err.splitlines()
    for line, (_, reason) in POISONED.items():
        said = [e for e in err if e.startswith((f"eventwire: {source}:{line}:", f"eventwire: {source}:{line} ("))]
        assert len(said) == 1 and reason in said[0], (line, said)
    assert [e for e in err if "news.jsonl:20 (id d20)" in e] == [
        f"eventwire: {source}:20 (id d20): skipped: same text as document d10 earlier in this run; not stored again"
    ]
    assert err[-1] == f"594 documents read, 591 new stored in {db}, 1 already stored, 8 not stored (see above)"
    with Store(db, read_only=True) as store:
        ids = set(store.documents().column("doc_id").to_pylist())
    good = {f"d{n}" for n in range(1, 601)} - {f"d{n}" for n in POISONED} - {f"d{DUPLICATE}"}
    assert ids == good


def test_records_the_store_refuses_cost_only_their_document(tmp_path, blank):
    """Metadata of the wrong type from the Python API (a title that is a number, a list as source, a URL that is
    an object) reach the Arrow insert: their documents are named, and the rest of their batch is stored."""
    bad = {3: {"title": 5}, 40: {"source": ["a", "b"]}, 41: {"url": {"a": 1}}}
    items = [Item(sentence(n), Document(id=f"d{n}", **bad.get(n, {})), source="api", line=n) for n in range(1, 101)]
    with Store(tmp_path / "s.duckdb") as store:
        summary = ingest_items(items, store, nlp=blank, workers=1)
        assert store.count() == summary.stored == 97
        assert set(store.documents().column("doc_id").to_pylist()) == {f"d{n}" for n in range(1, 101) if n not in bad}
    said = {p.doc_id: p.reason for p in summary.problems}
    assert set(said) == {"d3", "d40", "d41"}
    assert all(reason.startswith("could not be stored (Arrow") for reason in said.values())


def test_a_text_that_cannot_be_hashed_costs_only_itself(tmp_path, blank):
    items = [Item(sentence(n), Document(id=f"d{n}"), source="api", line=n) for n in range(5)]
    items[2].text = "Chile \ud800 protested."  # a lone surrogate: not encodable as UTF-8
    with Store(tmp_path / "s.duckdb") as store:
        summary = ingest_items(items, store, nlp=blank, workers=1)
        assert store.count() == 4
    (problem,) = summary.problems
    assert problem.doc_id == "d2" and "UnicodeEncodeError" in problem.reason


def found(coded, text: str) -> dict[str, set]:
    """What a coding found, by the text its offsets point at."""
    names = {a.id: a.name for a in coded.actors}
    return {
        "mentions": {(text[s:e], a.name) for a in coded.actors for s, e in a.mentions},
        "events": {
            (text[e.trigger[0] : e.trigger[1]], e.cameo, tuple(names[i] for i in e.source)) for e in coded.events
        },
        "sentences": {text[e.sentence[0] : e.sentence[1]].strip() for e in coded.events},  # less a blank line
        "quotes": {(text[q.content[0] : q.content[1]], q.text, names.get(q.speaker)) for q in coded.quotes},
        "dates": {(text[t.start : t.end], t.text, t.value) for t in coded.timexes},
        "places": {(text[p.start : p.end], p.text, p.name) for p in coded.places},
    }


def test_a_long_text_is_coded_in_chunks_with_offsets_into_the_whole_text():
    """A text longer than spaCy's max_length is coded (not refused with E088), a chunk at a time, and every record
    points into the whole text: the real pipeline, with max_length lowered so that the test stays fast. Its
    paragraphs stand alone, so the chunks find what each paragraph coded on its own finds."""
    paragraphs = [
        "Germany pledged new aid to Moldova on Tuesday.",
        "China accused Japan of provoking tensions in the East China Sea.",
        "Chile recalled its ambassador to Peru on March 3, 2024.",
        '"We will not accept this," Peruvian President Dina Boluarte said in Lima.',
    ]
    text = "\n\n".join(paragraphs * 4)
    alone = {kind: set() for kind in ("mentions", "events", "sentences", "quotes", "dates", "places")}
    for paragraph in paragraphs:
        (coded,) = code_docs([(paragraph, Document(id="p"))], build())
        for kind, values in found(coded, paragraph).items():
            alone[kind] |= values
    nlp = build.__wrapped__()
    nlp.max_length = 300
    assert len(text) > 3 * nlp.max_length
    (coded,) = code_docs([(text, Document(id="long"))], nlp)
    assert found(coded, text) == alone
    assert all(values for values in alone.values())
    evidence = [text[s:e].strip() for event in coded.events for s, e in event.evidence]
    assert len(evidence) == 4 * len(alone["events"]) and set(evidence) == alone["sentences"]  # every act, 4 times
    names = [a.name for a in coded.actors]
    assert len(names) == len(set(names))  # an actor met again in a later chunk is the same actor
    ids = {a.id for a in coded.actors}
    assert all(set(e.source) | set(e.target) <= ids for e in coded.events)
    assert len({e.id for e in coded.events}) == len(coded.events)


def test_chunks_join_back_into_the_text_and_cut_at_paragraphs_then_sentences():
    from eventwire.nlp import chunks

    text = ("One sentence here. Another one there.\n\n" * 30) + "x" * 250 + " tail"
    pieces = list(chunks(text, 200))
    assert "".join(pieces) == text and all(len(p) <= 200 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-3])  # paragraph breaks first
    flat = "First one. Second one. " * 40
    assert all(p.endswith(". ") for p in list(chunks(flat, 100))[:-1])  # then sentence ends
    assert list(chunks("y" * 250, 100)) == ["y" * 100, "y" * 100, "y" * 50]  # a hard cut only without any


@pytest.mark.slow
def test_a_text_over_a_million_characters_is_stored(tmp_path):
    """spaCy's own max_length (1,000,000) with the real pipeline and the command line: about a minute."""
    filler = "The committee met again and talked about the budget for a long time without a vote.\n\n"
    text = "Chile recalled its ambassador to Peru.\n\n" + filler * 12_000 + "Peru protested the decision."
    assert len(text) > 1_000_000
    source = tmp_path / "long.jsonl"
    source.write_text(json.dumps({"id": "long", "date": "2024-03-05", "text": text}) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    result = subprocess.run(
        [EVENTWIRE, "ingest", str(source), "--db", str(db), "--workers", "1"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    with Store(db, read_only=True) as store:
        events = store.sql("SELECT cameo, trigger FROM events ORDER BY trigger").to_pylist()
    assert [(e["cameo"], text[e["trigger"][0] : e["trigger"][1]]) for e in events] == [
        ("161", "recalled"),
        ("141", "protested"),
    ]


# -- the "done when", end to end with the real pipeline -------------------------------------------

BAD_LINES = [  # records no reader can make a document of, each with what its message says
    (b"{not json", "not valid JSON"),
    (b'{"id": "cut", "text": "Chile recalled', "not valid JSON"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    (b'{"id": "byte", "text": "Kenya \xc3\x28 hosted talks."}', "not UTF-8"),
    (b"[1, 2]", "not a JSON object"),
    (b"42", "not a JSON object"),
    (b'"just a string"', "not a JSON object"),
    (b"null", "not a JSON object"),
    (b'{"id": "none"}', "'text'"),
    (b'{"id": "number", "text": 5}', "'text'"),
    (b'{"id": "list", "text": ["Chile", "Peru"]}', "'text'"),
    (b'{"id": "object", "text": {"body": "Chile"}}', "'text'"),
    (b'{"id": "empty", "text": ""}', "no text"),
    (b'{"id": "blank", "text": "   \\n\\t  "}', "no text"),
    (b"[" * 100_000, "nested too deeply"),
] * 2
HOSTILE_BUT_GOOD = [  # texts and fields that once stopped a run or were lost: each must be stored
    "Peru said on June 31 it would reopen the border.",
    "Chile promised on Feb. 30 to repay the loan.",
    "Kenya will hold elections on 31 November 2024, officials said.",
    "Japan vowed to finish the dam within 8000 years.",
    "Norway pledged to cut emissions by the year 10000.",
    "Ghana\u2028and Togo\u2029signed a\u0085border treaty.",
    "Egypt hosted talks \ud800 on Gaza.",
]


@pytest.mark.slow
def test_1000_documents_with_20_poisoned_store_the_980_good_ones(tmp_path):
    lines, bad = [], {}
    hostile = iter(HOSTILE_BUT_GOOD)
    for n in range(1, 1001):
        if n % 50 == 7:  # 20 poisoned records spread over the file
            raw, reason = BAD_LINES[len(bad)]
            bad[n] = reason
            lines.append(raw)
        elif n % 100 == 33 and (text := next(hostile, None)):
            lines.append(json.dumps({"id": f"d{n}", "date": "2024-03-05", "text": text, "title": n}).encode())
        else:
            lines.append(record(n))
    assert len(bad) == 20
    source = tmp_path / "news.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    db = tmp_path / "s.duckdb"
    result = subprocess.run(
        [EVENTWIRE, "ingest", str(source), "--db", str(db), "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    err = result.stderr.splitlines()
    for n, reason in bad.items():
        said = [e for e in err if e.startswith((f"eventwire: {source}:{n}:", f"eventwire: {source}:{n} ("))]
        assert len(said) == 1 and reason in said[0], (n, said)
    assert err[-1].startswith(f"980 documents read, 980 new stored in {db}, ")
    assert err[-1].endswith(", 20 not stored (see above)")
    with Store(db, read_only=True) as store:
        assert store.count() == 980
        assert store.sql("SELECT count(*) AS n FROM documents WHERE title = '33'").to_pylist() == [{"n": 1}]
